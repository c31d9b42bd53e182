"""What blind set 31 showed, read generically (issue 14): a turn label in another language's
letters ("LA SRA. FERNÁNDEZ (En Marea):") is a turn, and its honorific ("EL SR.") is no part of
the name; an office's label names its holder in the parenthesis ("AN TAOISEACH (Jane Roe):", "THE
MINISTER FOR TRANSPORT (Mr Jane Roe):", the latter for the Ministry of Fair Trade); a title with
commas in a label's parenthesis ("Managing Partner, Tax and Legal, Acme Partners") names the
employer after it; "Issued:" under a statement's heading is no speaker; a hearing's heading
naming its one witness after a dash ("Public hearing under oath - witness: Mr J. Roe, ...") makes
the "A." turns that witness's; "Acme's global chief executive Jane Roe" is Acme's, whatever the
story's focus, and a claim of "Acme" in a release of "Acme India" is the house's own. Each test
asserts on records."""

from __future__ import annotations

from pathlib import Path

from claimcheck.extract.attribution import turn_speaker
from claimcheck.pipeline import ScanOptions, run


def _scan(folder: Path) -> list:
    return list(run([folder], options=ScanOptions(use_cache=False)).statements)


def _said(folder: Path, words: str):
    return next(s for s in _scan(folder) if words in s.text)


_SESSION = ("NORTHGATE PARLIAMENT - COMMITTEE OF INQUIRY INTO THE RAIL ACCIDENT\n"
            "Session of Tuesday, 17 July 2018 (extract)\n\n"
            "LA SRA. FERNÁNDEZ (En Marea): Mr Roe, you received the chief driver's report. Did you read it?\n\n"
            "EL SR. ROE (Head of Traffic, Acme Rail): I did not read it. It was very extensive.\n\n"
            "LA SRA. FERNÁNDEZ: If you took decisions having read it, you are not telling the truth.\n")


def test_a_turn_label_in_another_languages_letters_is_a_turn(tmp_path: Path) -> None:
    (tmp_path / "2018-07-17-session.txt").write_text(_SESSION, encoding="utf-8")
    truth = _said(tmp_path, "not telling the truth")
    assert truth.speaker == "Fernández"  # the label is hers, not the witness's before it
    assert not truth.text.startswith("LA SRA")
    read = _said(tmp_path, "I did not read it")
    assert (read.speaker, read.organization) == ("Roe", "Acme Rail")  # "EL SR." is an honorific


def test_an_offices_label_names_its_holder_in_the_parenthesis() -> None:
    assert turn_speaker("AN TAOISEACH (Jane Roe): I understand the anger people feel.") == "Jane Roe"
    assert turn_speaker("THE MINISTER FOR FAIR TRADE (Mr Jane Roe): The cause is clear.") == "Mr Jane Roe"
    assert turn_speaker("Issued: Monday 24 June 2013, evening") == ""  # a label, no speaker


def test_a_minister_speaks_for_the_ministry(tmp_path: Path) -> None:
    (tmp_path / "2016-11-09-sitting.txt").write_text(
        "PARLIAMENT OF NORTHGATE\nSitting of Wednesday, 9 November 2016\n\n"
        "MR JOHN DOE (Northgate East): Will the Minister say when the line will run normally again?\n\n"
        "THE MINISTER FOR FAIR TRADE (Mr Jane Roe): Sir, I am very confident that within this week we will "
        "be able to find the cause.\n", encoding="utf-8")
    confident = _said(tmp_path, "very confident")
    assert (confident.speaker, confident.organization) == ("Jane Roe", "Ministry of Fair Trade")


def test_a_title_with_commas_in_a_label_names_the_employer_after_it(tmp_path: Path) -> None:
    (tmp_path / "2015-06-02-hearing.txt").write_text(
        "SENATE ECONOMICS REFERENCES COMMITTEE\nInquiry into tax avoidance - public hearing\n2 June 2015\n\n"
        "CHAIR: Mr Roe, how confident are you that your people respect the rules?\n\n"
        "MR ROE (Managing Partner, Tax and Legal, Acme Partners): We take our obligations as tax agents "
        "very seriously.\n\nCHAIR: Thank you, Mr Roe.\n", encoding="utf-8")
    assert _said(tmp_path, "obligations as tax agents").organization == "Acme Partners"


def test_issued_under_a_statements_heading_is_no_speaker(tmp_path: Path) -> None:
    (tmp_path / "2013-06-24-statement.txt").write_text(
        "STATEMENT BY JANE ROE\nIssued: Monday 24 June 2013, evening\n\n"
        "I categorically deny the allegation that I, at any time, misled the regulator or was aware of any "
        "strategy to do so.\n", encoding="utf-8")
    deny = _said(tmp_path, "categorically deny")
    assert deny.speaker == "Jane Roe"


def test_a_headings_one_witness_after_a_dash_answers_the_questions(tmp_path: Path) -> None:
    (tmp_path / "2020-11-hearing.txt").write_text(
        "PARLIAMENTARY INTERROGATION COMMITTEE ON CHILDCARE ALLOWANCE\n"
        "Public hearing under oath - witness: Mr J. Roe, former Director-General of the Acme Tax Administration\n"
        "November 2020, The Hague\n\n"
        "Q. Mr Roe, in March 2017 a legal adviser wrote a memo on the file. Did you know of it?\n"
        "A. No. I was not aware of that memo in any way.\n", encoding="utf-8")
    aware = _said(tmp_path, "not aware of that memo")
    assert (aware.speaker, aware.organization, aware.role) == ("J. Roe", "Acme Tax Administration", "claim")


def test_a_possessive_before_a_title_names_the_speakers_organization(tmp_path: Path) -> None:
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "2015-06-05-story.txt").write_text(
        "Regulator orders recall of noodles\nJune 5, 2015\n\n"
        "The Food Safety Authority on Friday ordered Acme India to recall all nine variants of its noodles, "
        "describing them as unsafe. The authority said samples had shown lead above the limit.\n\n"
        "The order came the same day Acme's global chief executive Jane Roe told reporters the noodles were safe.\n",
        encoding="utf-8")
    safe = _said(tmp_path, "noodles were safe")
    assert (safe.speaker, safe.organization) == ("Jane Roe", "Acme")  # not the regulator the story is about


def test_a_short_name_of_the_house_speaks_in_its_own_release(tmp_path: Path) -> None:
    (tmp_path / "2015-06-05-release.md").write_text(
        "---\ntitle: \"Noodles are safe\"\ndate: 2015-06-05\nsource: Acme India media release\n"
        "author: Acme India Corporate Communications\n---\n\n"
        "New Delhi, 5 June 2015 - Acme's global Chief Executive Jane Roe today said the noodles are safe for "
        "consumption.\n\n"
        "\"We have decided to take the product temporarily off the shelves, though it is safe,\" Ms Roe said.\n",
        encoding="utf-8")
    shelves = _said(tmp_path, "off the shelves")
    assert (shelves.speaker, shelves.role) == ("Jane Roe", "claim")  # Acme is Acme India's own name, short


def test_the_name_under_the_office_closing_a_letter_signs_it(tmp_path: Path) -> None:
    (tmp_path / "press").mkdir()
    (tmp_path / "press" / "2021-06-15-letter.txt").write_text(
        "Ministry of Fair Trade\nTo the Speaker of the House of Representatives\nDate: 15 June 2021\n"
        "Subject: E-mails concerning the memo\n\nDear Speaker,\n\n"
        "Following press reports, I am sending you today the e-mails exchanged by officials in June 2019.\n"
        "The memo was not hidden away. I have no reason to doubt the integrity of these employees.\n\n"
        "The State Secretary of Fair Trade,\nA.C. van Roe\n", encoding="utf-8")
    hidden = _said(tmp_path, "not hidden away")
    assert hidden.speaker == "A.C. van Roe"


def test_a_titles_first_word_in_a_labels_parenthesis_is_no_organization(tmp_path: Path) -> None:
    (tmp_path / "2019-03-18-briefing.txt").write_text(
        "ACME RAIL CORPORATION LIMITED\nMedia briefing -- Monday, 18 March 2019\nTranscript\n\n"
        "DR JANE ROE (Managing Director): This is a preliminary finding and a detailed investigation will follow.\n\n"
        "REPORTER: When will the line reopen?\n\n"
        "DR JANE ROE (Managing Director): All testing of the new system is suspended until we know the cause.\n",
        encoding="utf-8")
    suspended = _said(tmp_path, "testing of the new system is suspended")
    assert suspended.speaker == "Jane Roe"
    assert suspended.organization != "Managing"  # "Managing Director" is her title
