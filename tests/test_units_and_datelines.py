"""What blind sets 20 and 21 showed, read generically (issue 14): a support function writing a memo
("Group Quality Assurance", "Facilities") is a unit of the folder's owner, not an organization; a
unit before its organization ("Editorial management, Acme") names the organization and no person;
a publisher's release "in our own behalf" is its own public statement; a staff byline ("By a
Berlin correspondent") or a dateline ("SPRINGFIELD, Ill. (June 27, 2021) -") makes a story news
though it quotes a record's title words; a press office's heading names its organization; a board
member is a title, not an organization, and a signature's title line may be the only one naming
the organization; two names that begin with the same acronym ("ACM Texas City", "ACM Products North
America") are one family unless the folder spells that acronym out. Each test asserts on records."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from claimcheck.corpus.orgs import org_families
from claimcheck.ingest import ingest_paths
from claimcheck.ingest.base import guess_kind
from claimcheck.ingest.email.signature import signature_organization
from claimcheck.ingest.headers import org_of_phrase, read_header
from claimcheck.pipeline import ScanOptions, run


def _docs(folder: Path) -> dict[str, object]:
    return {Path(d.path).name: d for r in ingest_paths([folder]) for d in r.documents}


def test_a_unit_before_its_organization_names_the_organization() -> None:
    assert org_of_phrase("Editorial management, Acme Weekly") == "Acme Weekly"
    assert org_of_phrase("Corporate Communications, Acme") == "Acme"
    assert org_of_phrase("Legal, Risk and Compliance") == ""  # units only: no organization


def test_an_office_heading_with_a_dash_names_its_organization_without_the_dash() -> None:
    assert org_of_phrase("Northgate County Police - Press Office") == "Northgate County Police"


def test_a_board_member_is_a_title_and_the_title_line_names_the_organization() -> None:
    assert org_of_phrase("Jane Roe, Board Member") == ""
    sig = ["Jane Roe", "Board Member, Acme Towers Condominium Association", "8777 Main Street, Springfield"]
    assert signature_organization(sig, author="Jane Roe", label="example") == "Acme Towers Condominium Association"


def test_a_staff_byline_or_a_dateline_makes_a_story_news() -> None:
    body = ("Official says he does not remember engineer's warning\n\n"
            "SPRINGFIELD, Ill. (June 27, 2021) -\n\n"
            "The town's former building official told the condominium board the tower was in good shape, "
            "according to minutes of a November 2018 meeting. He said on Saturday that he did not remember it.\n")
    assert guess_kind(body) == "news"
    assert guess_kind("A headline\nBy a Berlin correspondent\n\nThe magazine's reporter invented stories, "
                      "colleagues found.\n") == "news"


def test_a_press_office_heading_names_the_organization(tmp_path: Path) -> None:
    text = ("Reconstruction note.\n\nNORTHGATE COUNTY POLICE - PRESS OFFICE\nStatements issued 15 April 1989\n\n"
            "16:15 - Initial statement\nThere was a surge of fans at the west end of the ground.\n")
    assert read_header(text).organization == "Northgate County Police"


def test_own_behalf_release_a_unit_author_and_a_dated_story(tmp_path: Path) -> None:
    (tmp_path / "press").mkdir()
    (tmp_path / "press" / "release.md").write_text(
        "---\ntitle: \"Acme Weekly reveals internal fraud\"\ndate: 2018-12-19\n"
        "source: Acme Weekly (in our own behalf)\nauthor: Editorial management, Acme Weekly\n---\n\n"
        "A reporter of ours committed fraud over several years. He no longer works for Acme Weekly.\n", encoding="utf-8")
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "story.txt").write_text(
        "Official told owners building was in good shape\n\nSPRINGFIELD, Ill. (June 27, 2021) -\n\n"
        "A month after an engineer flagged damage, the official told the board the tower was fine, according to "
        "minutes of a November 2018 meeting. \"I don't know anything about it,\" he said.\n", encoding="utf-8")
    docs = _docs(tmp_path)
    release = docs["release.md"]
    assert (release.kind, release.organization, release.author) == ("press-release", "Acme Weekly", "")
    assert docs["story.txt"].kind == "news"


def test_names_beginning_with_one_acronym_are_one_family_unless_spelled_out() -> None:
    names = ["ACM Texas City", "ACM Products North America", "Roe Consulting Group"]
    fam = org_families({n: n for n in names}, Counter(names))
    assert fam["ACM Texas City"] == fam["ACM Products North America"] == "ACM"
    assert fam["Roe Consulting Group"] == "Roe Consulting Group"
    spelled = names + ["Apex Chemical Manufacturing"]
    fam = org_families({n: n for n in spelled}, Counter(spelled))
    assert fam["ACM Texas City"] == fam["ACM Products North America"] == "Apex Chemical Manufacturing"


def test_a_support_function_writing_a_memo_is_the_folder_owners_unit(tmp_path: Path) -> None:
    (tmp_path / "internal").mkdir()
    (tmp_path / "internal" / "memo.txt").write_text(
        "TO: Site Quality Managers\nFROM: Group Quality Assurance\nDATE: 12 March 2003\n"
        "RE: Revised release criteria\n\nFrom this year a batch with a low positive count may be released "
        "where the count falls below the tolerance level.\n", encoding="utf-8")
    (tmp_path / "press").mkdir()
    (tmp_path / "press" / "recall.txt").write_text(
        "FOR IMMEDIATE RELEASE\n23 June 2006\n\nAcme Confectionery plc today announced a voluntary recall of seven "
        "products as a precautionary measure. \"Our products are safe to eat,\" said Jane Roe, a director of "
        "Acme Confectionery plc.\n", encoding="utf-8")
    report = run([tmp_path], options=ScanOptions(use_cache=False))
    memo = [s for s in report.statements if s.source.path.endswith("memo.txt") and s.kind == "internal"]
    assert memo and {s.organization for s in memo} == {"Acme Confectionery plc"}, {s.organization for s in memo}


def test_a_chair_at_the_bodys_own_briefing_speaks_for_it_and_a_title_in_a_label_is_no_organization(tmp_path: Path) -> None:
    (tmp_path / "hearing").mkdir()
    (tmp_path / "hearing" / "briefing.txt").write_text(
        "NORTHGATE TRANSPORT SAFETY BOARD - MEDIA BRIEFING\nFlight 12, Springfield - Sunday, January 7, 2024\n\n"
        "CHAIR ROE: The door plug was recovered this evening in a backyard in Springfield.\n"
        "Q. Did the airline change how it used the airplane?\n"
        "CHAIR ROE: Yes. The airline decided to restrict the aircraft from long flights over water.\n"
        "MR. DOE (Lead Investigator): Our work to date indicates that the causes go well beyond the crew.\n",
        encoding="utf-8")
    report = run([tmp_path], options=ScanOptions(use_cache=False))
    by = {(s.speaker, s.organization) for s in report.statements if s.kind == "public"}
    assert ("Roe", "Northgate Transport Safety Board") in by, by
    assert ("Doe", "Northgate Transport Safety Board") in by, by


def test_datelines_without_a_dash_and_a_dated_byline_date_a_story(tmp_path: Path) -> None:
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.html").write_text(
        "<html><body><article><h1>Minister rejects the company's account</h1><p class=\"byline\">By Technology Reporter</p>"
        "<p class=\"dateline\">SPRINGFIELD, September 26, 2022</p><p>The minister said the attack was basic.</p>"
        "</article></body></html>", encoding="utf-8")
    (tmp_path / "news" / "b.html").write_text(
        "<html><body><article><h1>Drug maker withheld analyses, journal says</h1>"
        "<p class=\"byline\">Health correspondent &middot; 23 July 2014 &middot; London</p>"
        "<p>An investigation by the journal says the company did not share analyses.</p></article></body></html>",
        encoding="utf-8")
    (tmp_path / "news" / "2019-08-06-agency-statement.html").write_text(
        "<html><body><article><h1>Agency statement on data</h1><p>The agency said it was reviewing the data.</p>"
        "</article></body></html>", encoding="utf-8")
    docs = _docs(tmp_path / "news")
    assert str(docs["a.html"].date.start) == "2022-09-26"
    assert str(docs["b.html"].date.start) == "2014-07-23"
    assert str(docs["2019-08-06-agency-statement.html"].date.start) == "2019-08-06"


def test_a_headed_interview_transcript_speaks_for_whom_its_heading_names(tmp_path: Path) -> None:
    (tmp_path / "interview").mkdir()
    (tmp_path / "interview" / "ceo.txt").write_text(
        "Interview transcript (extract) - Jane Roe, CEO, Acme Therapeutics\nAugust 2019\n\n"
        "Q. When did the company first learn about the data problem?\n"
        "A. The allegations came to us in mid-March. We immediately began an investigation.\n\n"
        "Q. Is the product affected?\nA. No. The issue is limited to early animal testing.\n", encoding="utf-8")
    report = run([tmp_path], options=ScanOptions(use_cache=False))
    answers = [s for s in report.statements if "animal testing" in s.text or "mid-March" in s.text]
    assert answers and {(s.speaker, s.organization) for s in answers} == {("Jane Roe", "Acme Therapeutics")}


def test_a_british_honorific_makes_a_person_of_a_name_ner_calls_an_organization(tmp_path: Path) -> None:
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "story.txt").write_text(
        "Bank chief apologises over branch accounts\nBy Business Desk\n\n"
        "Danske Ltd chief executive Thomas Borgen apologised on Tuesday after reports about the branch.\n\n"
        "Mr Borgen said the bank only discovered the dubious customer relationships in 2014, after which it "
        "terminated the accounts.\n", encoding="utf-8")
    report = run([tmp_path], options=ScanOptions(use_cache=False))
    said = [s for s in report.statements if s.text.startswith("Mr Borgen said")]
    assert said and said[0].speaker == "Thomas Borgen" and said[0].organization != "Borgen", said


def test_a_blog_named_by_its_owner_a_unit_author_and_a_release_that_announces(tmp_path: Path) -> None:
    (tmp_path / "press").mkdir()
    (tmp_path / "press" / "update.md").write_text(
        "---\ntitle: \"Update about the outage\"\ndate: 2021-10-04\nsource: Acme Engineering blog\n"
        "author: Jane Roe, VP Infrastructure\n---\n\nThe outage was caused by configuration changes on the backbone.\n",
        encoding="utf-8")
    (tmp_path / "press" / "response.md").write_text(
        "---\ntitle: \"Acme responds\"\ndate: 2014-07-24\nsource: Northgate Pharma GmbH, Springfield\n"
        "author: Corporate Communications\n---\n\nNorthgate Pharma rejects recent misleading reports.\n", encoding="utf-8")
    (tmp_path / "press" / "approval.txt").write_text(
        "FOR IMMEDIATE RELEASE\nSpringfield, October 19, 2010\n\nAgency approves Zentrix\n\n"
        "Northgate Pharmaceuticals, Inc. announced today that Zentrix has been approved by the agency.\n",
        encoding="utf-8")
    docs = _docs(tmp_path / "press")
    assert docs["update.md"].organization == "Acme"
    assert (docs["response.md"].organization, docs["response.md"].author) == ("Northgate Pharma GmbH", "")
    assert docs["approval.txt"].organization == "Northgate Pharmaceuticals, Inc"


def test_a_title_case_dateline_under_a_headline_makes_a_story_news() -> None:
    body = ("Study of blood-thinner unsettled its maker, documents suggest\nSpringfield, February 6, 2014\n\n"
            "Internal documents unsealed by a federal judge show that some employees pressed a researcher to revise "
            "a paper.\n")
    assert guess_kind(body) == "news"


def test_a_parliaments_record_names_the_office_holder_and_the_member_who_asks(tmp_path: Path) -> None:
    (tmp_path / "hearing").mkdir()
    (tmp_path / "hearing" / "questions.txt").write_text(
        "HOUSE OF COMMONS - PRIME MINISTER'S QUESTIONS\nWednesday 1 December 2021 (extract)\n\n"
        "Jane Doe (Northgate East) (Lab): Reports say that a party was held at the office last Christmas. "
        "Was there a party?\n\n"
        "The Prime Minister (John Roe): What I can tell the honourable lady is that all guidance was followed "
        "completely in the office.\n", encoding="utf-8")
    docs = _docs(tmp_path / "hearing")
    assert docs["questions.txt"].kind == "testimony"
    report = run([tmp_path], options=ScanOptions(use_cache=False))
    answer = [s for s in report.statements if "all guidance was followed" in s.text]
    assert answer and answer[0].speaker == "John Roe" and answer[0].organization == "", answer
    asked = [s for s in report.statements if "Reports say" in s.text]
    assert asked and asked[0].speaker == "Jane Doe" and asked[0].organization in ("", "House of Commons"), asked


def test_the_placeholder_domain_under_a_country_suffix_names_no_organization() -> None:
    from claimcheck.ingest.base import organization_label
    assert organization_label("example.com.mx") == "" and organization_label("example.co.uk") == ""
    assert organization_label("acme.co.uk") == "acme"


def test_a_source_written_as_a_web_address_names_its_owner(tmp_path: Path) -> None:
    (tmp_path / "press").mkdir()
    (tmp_path / "press" / "faq.md").write_text(
        "---\ntitle: \"Facts about the 2019 incident\"\ndate: 2021-02-22\nsource: acmetrust.com/facts2019\n"
        "author: Acme Trust\n---\n\nWe learned of the incident on July 17, 2019.\n", encoding="utf-8")
    doc = _docs(tmp_path / "press")["faq.md"]
    assert (doc.organization, doc.author) == ("Acme Trust", "")
    assert "/" not in doc.publisher


def test_a_notes_fields_are_no_speakers(tmp_path: Path) -> None:
    (tmp_path / "internal").mkdir()
    (tmp_path / "internal" / "stock-note.txt").write_text(
        "ACME FC - MEDICAL ROOM STOCK NOTE\nDate: 12 April 2009\nItem: blood capsules (theatrical), packet of five\n"
        "Topic: match-day kit for the quarter-final\nPurchased by: J. Roe (physiotherapist)\n", encoding="utf-8")
    report = run([tmp_path], options=ScanOptions(use_cache=False))
    assert report.statements and not {s.speaker for s in report.statements} & {"Item", "Topic"}, \
        [(s.speaker, s.text) for s in report.statements]


def test_an_office_as_sender_is_no_surname_and_the_signer_writes(tmp_path: Path) -> None:
    from claimcheck.ingest.email.addresses import display_name
    assert display_name("Director, Acme") == "Director, Acme" and display_name("Roe, Jane") == "Jane Roe"
    (tmp_path / "internal").mkdir()
    (tmp_path / "internal" / "update.eml").write_text(
        "From: Director, Acme <director@acme-labs.com>\nTo: All Staff <all@acme-labs.com>\n"
        "Date: Fri, 20 Jun 2014 15:40:00 -0400\nSubject: Update on the laboratory incident\n\n"
        "Colleagues,\n\nThe number of staff who may have been exposed now stands at about 84.\n\n"
        "We waited too long to inform the broader workforce. I apologize for that.\n\nJane Roe\nDirector\n",
        encoding="utf-8")
    doc = _docs(tmp_path / "internal")["update.eml"]
    assert doc.author == "Jane Roe", doc.author
