"""What blind set 29 showed, read generically (issue 14): a turn label with a long title in its
parenthesis ("MR. JANE ROE (Director General, Acme Health Service):") is a turn, and names the
witness's employer after the title; a hearing is about the organizations its witnesses speak for,
not a name NER reads in a turn label; "Deputy Roe" asks as a member of the house; a committee
heading a hearing is its venue; a note heading a copy ("Reconstruction ...", an archive's preface)
does not end the header above a letterhead; a letterhead's unit after a dash is a unit; "From:
Chief Medical Officer (Dr Jane Roe)" is Jane Roe; "Ms Roe" is the "Jane Roe" named before; a
workspace chat export with the name and time on one line and the message indented below is one
message each; '"Director", Acme' in a From header is unquoted; a name in capitals keeps another
language's small words and "S.p.A."; "Q. (journalist):" asks; "TRANSCRIPT - PRESS CONFERENCE,
ACME" names its host; a dateline's place is no organization; an internal note to "Executive
Committee, Acme UK" is Acme UK's; "FAX" heading a note is its form. Each test asserts on records."""

from __future__ import annotations

from pathlib import Path

from claimcheck.extract.attribution import DocContext, turn_speaker
from claimcheck.ingest import ingest_paths
from claimcheck.ingest.email.addresses import display_name
from claimcheck.ingest.headers import _org_case, read_header
from claimcheck.pipeline import ScanOptions, run


def _scan(folder: Path) -> list:
    return list(run([folder], options=ScanOptions(use_cache=False)).statements)


def _docs(folder: Path) -> dict[str, object]:
    return {Path(d.path).name: d for r in ingest_paths([folder]) for d in r.documents}


_HEARING = ("NORTHGATE ASSEMBLY - COMMITTEE OF FAIR TRADE\nThursday, 10 May 2018\n\n"
            "CHAIRMAN: We resume with the Director General.\n\n"
            "DEPUTY JOHN DOE: Mr. Roe, when were you first told about the audit?\n\n"
            "MR. JANE ROE (Director General and Accounting Officer, Acme Health Service): I received a briefing in 2016. "
            "I was advised then that the audit had not raised any issues of concern.\n\n"
            "DEPUTY JOHN DOE: The issue here is that patients were not told.\n")


def test_a_long_title_in_a_turn_label_is_a_turn_and_names_the_employer(tmp_path: Path) -> None:
    (tmp_path / "2018-05-10-hearing.txt").write_text(_HEARING, encoding="utf-8")
    said = {s.text: s for s in _scan(tmp_path)}
    briefing = said["I received a briefing in 2016."]  # the label is no part of the words spoken
    assert (briefing.speaker, briefing.organization, briefing.role) == ("Jane Roe", "Acme Health Service", "claim")
    advised = next(s for t, s in said.items() if t.startswith("I was advised"))
    assert advised.speaker == "Jane Roe"  # not the deputy who asked before her


def test_a_deputy_asks_for_the_committee_that_heads_the_hearing(tmp_path: Path) -> None:
    (tmp_path / "2018-05-10-hearing.txt").write_text(_HEARING, encoding="utf-8")
    told = next(s for s in _scan(tmp_path) if "were not told" in s.text)
    assert (told.speaker, told.organization, told.role) == ("John Doe", "Committee of Fair Trade", "third-party")
    assert read_header(_HEARING).venue == "Committee of Fair Trade"
    # "DEPUTY DIRECTOR": an office's second word, no member of a house
    from claimcheck.extract.attribution import turn_person, title_words
    from claimcheck.ruleset import load_rules
    ctx = DocContext(titles=title_words(load_rules()))
    assert turn_person("DEPUTY JOHN DOE", ctx) == ("John Doe", True)
    assert turn_person("DEPUTY DIRECTOR JOHN DOE", ctx)[1] is False


def test_a_hearing_is_about_its_witnesses_organization_not_a_name_in_a_label(tmp_path: Path) -> None:
    (tmp_path / "2021-05-19-hearing.txt").write_text(
        "HOUSE OF REPRESENTATIVES\nSELECT SUBCOMMITTEE ON SAFETY, COMMITTEE ON OVERSIGHT\n"
        "Hearing: \"Examining Acme Bio's Failures\"\nWednesday, May 19, 2021\n\n"
        "CHAIRMAN DOE: Mr. Roe, how many doses were destroyed at your plant?\n\n"
        "MR. ROE (President and Chief Executive Officer, Acme Bio): About fifteen million doses were destroyed. "
        "We were really working at an unprecedented pace.\n\n"
        "MR. ROE: More than a hundred million doses are on hold pending review.\n", encoding="utf-8")
    ours = [s for s in _scan(tmp_path) if s.speaker == "Roe"]
    assert ours and {(s.organization, s.role) for s in ours} == {("Acme Bio", "claim")}


def test_a_preface_above_a_letterhead_does_not_end_the_header(tmp_path: Path) -> None:
    note = ("Released under the records request of 2019; reproduced as filed, with the original layout kept, "
            "and only names of junior staff withheld.\n\n"
            "ACME HEALTH SERVICE - NATIONAL SCREENING SERVICE\nBRIEFING NOTE (version 1)\n\n"
            "To: Director General\nFrom: Screening Programme\nDate: March 2016\nSubject: audit letters\n\n"
            "1. Pause all letters and await the advice of solicitors before any are sent.\n")
    (tmp_path / "2016-03-note.txt").write_text(note, encoding="utf-8")
    assert read_header(note).organization == "Acme Health Service"
    records = {s.organization for s in _scan(tmp_path) if s.kind == "internal"}
    assert records == {"Acme Health Service"}  # ...and the letterhead above them names the record's owner


def test_an_office_with_its_holder_in_brackets_is_the_holder() -> None:
    head = read_header("ACME HEALTH - SUBMISSION TO MINISTER\nFrom: Chief Medical Officer (Dr Jane Roe)\n"
                       "To: Minister for Health\nDate: 26 April 2018\nSubject: review\n\nI advise against a review.\n")
    assert head.author == "Jane Roe"
    assert read_header("From: Jane Roe (Acme)\nTo: John Doe\nDate: 26 April 2018\n\nNoted.\n").author == "Jane Roe"


def test_an_honorific_and_surname_is_the_person_named_in_full_before(tmp_path: Path) -> None:
    (tmp_path / "2018-04-25-story.txt").write_text(
        "Court settles smear test case\nBy Staff Reporter\nApril 25, 2018\n\n"
        "Jane Roe, a 43-year-old mother of two, has settled her action against a laboratory.\n\n"
        "Speaking outside the court, Ms Roe said that keeping the error from her was \"an appalling breach of trust\".\n",
        encoding="utf-8")
    said = [s for s in _scan(tmp_path) if "breach of trust" in s.text]
    assert said and said[0].speaker == "Jane Roe"


def test_a_workspace_export_with_names_above_indented_messages_is_one_message_each(tmp_path: Path) -> None:
    (tmp_path / "2021-04-warehouse-chat.txt").write_text(
        "#warehouse-qa  (export)\n\n"
        "Production Supervisor  8:12 AM\n  Walkthrough starts Monday. Tags on the totes still say HOLD.\n"
        "QA Associate  8:15 AM\n  Those are still open deviations, the hold tags should stay on\n"
        "Production Supervisor  8:17 AM\n  Pull the tags, we'll put them back after.\n", encoding="utf-8")
    docs = [d for r in ingest_paths([tmp_path]) for d in r.documents]
    assert [(d.kind, d.author, d.text.strip()) for d in docs] == [
        ("chat", "Production Supervisor", "Walkthrough starts Monday. Tags on the totes still say HOLD."),
        ("chat", "QA Associate", "Those are still open deviations, the hold tags should stay on"),
        ("chat", "Production Supervisor", "Pull the tags, we'll put them back after.")]
    assert {d.date.precision for d in docs} == {"month"}  # the file's name gives the month
    assert [d.line_base for d in docs] == [4, 6, 8]  # each message's own line, below its name


def test_a_display_name_quoted_in_part_is_read_whole() -> None:
    assert display_name('"Quality Director", Bayview') == "Quality Director, Bayview"
    assert display_name('"Roe, Jane"') == "Jane Roe"  # unchanged


def test_a_name_in_capitals_keeps_another_languages_small_words_and_its_legal_form() -> None:
    assert _org_case("STRADE PER L'ACME S.p.A.") == "Strade per l'Acme S.p.A."
    assert _org_case("D'ROE FOODS") == "D'Roe Foods"
    assert _org_case("APEX & ROE TOBACCO CORPORATION") == "Apex & Roe Tobacco Corporation"  # unchanged


def test_a_journalists_question_turn_asks_and_a_conference_heading_names_its_host(tmp_path: Path) -> None:
    conference = ("TRANSCRIPT - PRESS CONFERENCE, STRADE PER L'ACME\nPlace: Northgate\nDate: Saturday, 18 August 2018\n\n"
                  "JANE ROE (Chief Executive, Strade per l'Acme): We will build a new bridge within eight months.\n\n"
                  "Q. (journalist): There was a tender for works on the pier that collapsed. Why had they not started?\n\n"
                  "JANE ROE: Those works were planned maintenance, not an emergency intervention.\n")
    assert read_header(conference).organization == "Strade per l'Acme"
    assert turn_speaker("Q. (journalist): There was a tender.") == "Q"
    (tmp_path / "2018-08-18-conference.txt").write_text(conference, encoding="utf-8")
    said = {s.text: s for s in _scan(tmp_path)}
    assert (said["We will build a new bridge within eight months."].organization,
            said["We will build a new bridge within eight months."].speaker) == ("Strade per l'Acme", "Jane Roe")
    assert "There was a tender for works on the pier that collapsed." not in said  # the reporter's, not the company's


def test_a_datelines_place_is_not_the_organization_a_story_is_about(tmp_path: Path) -> None:
    (tmp_path / "2018-08-14-story.html").write_text(
        "<html><head><title>Bridge collapses</title></head><body><article><h1>Bridge collapses</h1>"
        "<p class='byline'>By Desk staff <time datetime='2018-08-14'>14 August 2018</time></p>"
        "<p><strong>NORTHGATE, 14 August</strong> &ndash; A span of the viaduct on the A10 motorway gave way shortly "
        "before midday during a storm.</p><p>The motorway is operated under concession by Acme Roads. Speaking to a "
        "radio station this afternoon, John Doe, director of the company's local section, said there had been no "
        "warning signs of danger. \"The bridge is subject to constant inspections,\" he said.</p></article></body></html>",
        encoding="utf-8")
    said = [s for s in _scan(tmp_path) if s.speaker == "John Doe"]
    assert said and all(s.organization.lower() != "northgate" for s in said)


def test_an_internal_note_to_its_own_committee_is_that_organizations() -> None:
    head = read_header("MEMORANDUM - INTERNAL\n\nTO: Executive Committee, Acme UK\nFROM: Consumer Directors (joint)\n"
                       "DATE: 7 December 2018\nRE: Customer credit\n\n1. Impact. Data was unavailable all day.\n")
    assert head.organization == "Acme UK"
    letter = read_header("Dear Sirs,\n\nTO: Executive Committee, Acme UK\nFROM: Jane Roe, Northgate Consumers\n"
                         "DATE: 7 December 2018\n\nWe write about the outage of 6 December.\n")
    assert letter.organization != "Acme UK"  # a letter to the committee is not the committee's record


def test_a_fax_heading_names_the_form_not_an_organization(tmp_path: Path) -> None:
    (tmp_path / "1989-05-10-fax.txt").write_text(
        "FAX\nTO: Ch Supt John Doe, Northgate Police\nFROM: P. Roe, Roe & Co, Solicitors\nDATE: 10 May 1989\n"
        "RE: Officers' recollections\n\nWe suggest the section headed additional points be removed.\n", encoding="utf-8")
    assert all(s.organization != "FAX" for s in _scan(tmp_path))


def _card_folder(tmp_path: Path, *, update: bool) -> Path:
    (tmp_path / "press").mkdir()
    (tmp_path / "internal").mkdir()
    (tmp_path / "press" / "2018-09-06-statement.txt").write_text(
        "ACME AIRWAYS - PRESS OFFICE\nFOR IMMEDIATE RELEASE\n6 September 2018\n\n"
        "Acme Airways is investigating the theft of customer data from its website. "
        "Around 380,000 payment cards may be affected.\n", encoding="utf-8")
    (tmp_path / "internal" / "2018-10-24-forensic-memo.txt").write_text(
        "ACME AIRWAYS\nMEMORANDUM\nTO: Executive Committee\nFROM: Incident Response Lead\nDATE: 24 October 2018\n"
        "RE: Forensic update\n\nPotentially affected: 77,000 cards with full card details; "
        "a further 108,000 cards without the security code.\n", encoding="utf-8")
    if update:
        (tmp_path / "press" / "2018-10-25-update.md").write_text(
            "---\ntitle: Cyber attack update\ndate: 2018-10-25\nsource: Acme Airways press office\n---\n\n"
            "As part of its investigation, Acme Airways is contacting the holders of 77,000 payment cards "
            "whose details may have been compromised.\n", encoding="utf-8")
    return tmp_path


def test_a_later_count_the_organization_made_public_itself_is_listed_not_flagged(tmp_path: Path) -> None:
    report = run([_card_folder(tmp_path, update=True)], options=ScanOptions(use_cache=False))
    figures = [f for f in report.findings if f.type == "numeric-mismatch"]
    assert figures and all(f.level == "candidate" for f in figures)
    assert any(r.code == "figure-made-public" for f in figures for r in f.reasons)


def test_a_later_count_never_made_public_still_strains_the_figure(tmp_path: Path) -> None:
    report = run([_card_folder(tmp_path, update=False)], options=ScanOptions(use_cache=False))
    assert [f.level for f in report.findings if f.type == "numeric-mismatch"] == ["tension"]


def test_a_source_line_names_the_organization_without_the_genre_of_its_notice() -> None:
    from claimcheck.ingest.headers import org_of_phrase
    assert org_of_phrase("Acme Airlines Group (AAG) market announcement") == "Acme Airlines Group"
    assert org_of_phrase("Acme Group plc regulatory announcement") == "Acme Group plc"
    assert org_of_phrase("Acme Inc. - news release (Tokyo)") == "Acme Inc"  # unchanged


def test_a_memorandum_marked_internal_is_a_memo() -> None:
    head = read_header("MEMORANDUM - INTERNAL\n\nTO: Jane Roe\nFROM: John Doe\nDATE: 7 December 2018\nRE: credit\n\n"
                       "1. Impact. Data was unavailable all day.\n")
    assert head.kind == "memo"


def test_a_long_made_by_label_under_a_marking_names_the_author() -> None:
    head = read_header("Copy released by the court; layout as filed, amounts in the original currency, "
                       "pages renumbered for this release.\n\nSTRICTLY CONFIDENTIAL - CEO OFFICE\n"
                       "MEMORANDUM ON CHAIRMAN'S PAY, FY2017\n"
                       "Prepared at the Chairman's instruction by: J. Roe (Representative Director) with the secretariat\n"
                       "Date: April 2018\n\n1. Total pay fixed for the year: approx. 2.5 billion.\n")
    assert (head.author, head.internal) == ("J. Roe", True)
