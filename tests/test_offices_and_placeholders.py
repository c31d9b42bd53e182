"""What blind set 28 showed, read generically (issue 14): a press office named with its place
("Acme group press office, Springfield") is the office's organization, not the place; a
sentence's first word ("In response to ...", "Will Acme pay?") is no organization; a transcript's
heading ("TRANSCRIPT - PRESS CONFERENCE, ...") names no host; a press bureau heading names its
organization; an address under the reserved ".example" suffix keeps its country's suffix
("acme.com.au.example"); a unit writing a release ("Corporate Communications Department") leaves
the organization to the release's source; a record's name line above its form line ("ACME RAIL" /
"FORMAL INVESTIGATION - ...") names the record's organization; a unit named after a dash ("ACME -
INTEGRITY UNIT") and a department described in lower case ("Site quality department") are units;
a directorate writing a memo is the folder owner's unit. Each test asserts on records."""

from __future__ import annotations

from pathlib import Path

from claimcheck.corpus import _unit_name
from claimcheck.extract.attribution import clean_org
from claimcheck.ingest import ingest_paths
from claimcheck.ingest.base import organization_label
from claimcheck.ingest.headers import org_of_phrase, read_header
from claimcheck.pipeline import ScanOptions, run


def _docs(folder: Path) -> dict[str, object]:
    return {Path(d.path).name: d for r in ingest_paths([folder]) for d in r.documents}


def test_a_press_office_named_with_its_place_is_the_offices_organization() -> None:
    assert org_of_phrase("Acme group press office, Springfield") == "Acme"
    assert org_of_phrase("Acme Inc. Communications, Springfield, Ohio") == "Acme Inc"  # unchanged


def test_a_sentences_first_word_is_no_organization() -> None:
    assert clean_org("Will Acme Steel") == "Acme Steel"  # "Will Acme Steel pay customers' costs?"
    assert clean_org("In") == ""
    assert clean_org("ON Semiconductor") == "ON Semiconductor"  # a name in capitals keeps its first word
    release = ("FOR IMMEDIATE RELEASE\n\nACME CONFIRMS SHUTDOWN\n\nSpringfield, 3 January 2018\n\n"
               "In response to rumours circulating since the weekend, Acme restates that production has stopped.\n")
    assert read_header(release).organization == ""


def test_a_transcripts_heading_names_no_host_and_a_press_bureau_names_its_organization() -> None:
    conference = "TRANSCRIPT - PRESS CONFERENCE, NORTHGATE HOUSE\nFriday 22 July 2005\n\nJANE ROE: Good afternoon.\n"
    assert read_header(conference).organization == ""
    bureau = "NORTHGATE POLICE SERVICE - PRESS BUREAU\nFOR IMMEDIATE RELEASE\n22 July 2005\n\nA man was arrested today.\n"
    assert read_header(bureau).organization == "Northgate Police Service"


def test_a_reserved_example_suffix_keeps_the_country_suffix_under_it() -> None:
    assert organization_label("acme.com.au.example") == "acme"
    assert organization_label("status.acme.example") == "acme"  # as before
    assert organization_label("acme-eu.example.com") == ""  # the placeholder domain itself names none


def test_a_unit_writing_a_release_leaves_the_organization_to_its_source(tmp_path: Path) -> None:
    (tmp_path / "release.md").write_text(
        "---\ntitle: Improper conduct in a portion of products\ndate: 2017-10-08\n"
        "source: Acme Steel, Ltd. - news release (Tokyo)\nauthor: Corporate Communications Department\n---\n\n"
        "Acme Steel, Ltd. has found that inspection data for a portion of its products were rewritten.\n",
        encoding="utf-8")
    doc = _docs(tmp_path)["release.md"]
    assert (doc.organization, doc.author) == ("Acme Steel, Ltd", "")  # type: ignore[attr-defined]


def test_a_name_line_above_the_form_line_names_the_record_and_a_unit_after_a_dash_is_a_unit() -> None:
    report = ("ACME RAIL\nFORMAL INVESTIGATION - DERAILMENT AT NORTH POINTS, 23 FEBRUARY 2007\n"
              "Version: 2.0\nDate: 2007-09-04\n\nKey findings\n1. The inspection was not completed.\n")
    assert read_header(report).letterhead == "Acme Rail"
    unit = "ACME CRICKET - INTEGRITY UNIT\nREPORT SUMMARY: CONDUCT OF PLAYERS\nVersion: 1.0\nDate: 2018-03-28\n\nText.\n"
    assert read_header(unit).letterhead == "Acme Cricket"


def test_a_department_described_in_lower_case_is_a_unit_a_named_one_is_not() -> None:
    heads = frozenset({"quality", "directorate"})
    assert _unit_name("Site quality department", heads)
    assert not _unit_name("Northgate Police Department", heads)
    assert _unit_name("Group Quality Directorate", heads)


def test_a_directorate_and_a_site_department_writing_records_are_the_owners_units(tmp_path: Path) -> None:
    (tmp_path / "internal").mkdir()
    (tmp_path / "internal" / "memo.txt").write_text(
        "MEMORANDUM - CONFIDENTIAL\n\nTO: Jane Roe, Chairman and CEO\nFROM: Group Quality Directorate\n"
        "DATE: 29 January 2018\nRE: Drying tower records\n\nThe review shows salmonella detections in the tower "
        "between 2005 and 2017.\n", encoding="utf-8")
    (tmp_path / "internal" / "monitoring.txt").write_text(
        "ACME NUTRITION - SITE OF NORTHGATE\nENVIRONMENTAL MONITORING SUMMARY\nVersion: 1.2\nDate: 2017-11-24\n"
        "Prepared by: Site quality department\n\nAugust 2017: Salmonella detected on a floor tile sample.\n",
        encoding="utf-8")
    (tmp_path / "press").mkdir()
    (tmp_path / "press" / "release.txt").write_text(
        "FOR IMMEDIATE RELEASE\n21 December 2017\n\nAcme Nutrition Ltd today said the group was informed on "
        "1 December of cases among young infants. \"Our products are safe,\" said Jane Roe, chairman of "
        "Acme Nutrition Ltd.\n", encoding="utf-8")
    report = run([tmp_path], options=ScanOptions(use_cache=False))
    records = {s.organization for s in report.statements if s.kind == "internal"}
    assert records == {"Acme Nutrition Ltd"}, records


def test_record_documents_name_their_owner_not_a_news_retelling(tmp_path: Path) -> None:
    """A news story retelling records ("documents show some Globex Pharmaceuticals employees pressed ...") is
    placed by its words; the folder's record documents, naming no organization, are the company's
    whose releases the folder holds, and its releases are claims, though the story names a
    product and a journal more often than the company."""
    (tmp_path / "internal").mkdir()
    (tmp_path / "internal" / "slides.txt").write_text(
        "Slide-deck text export\nTitle: Plasma level simulations\nVersion: 0.3\nDate: 2012-05-01\n\n"
        "Slide 1 - Finding\nMore than fivefold variation in plasma levels between patients was seen.\n",
        encoding="utf-8")
    (tmp_path / "press").mkdir()
    (tmp_path / "press" / "approval.txt").write_text(
        "FOR IMMEDIATE RELEASE\n19 October 2010\n\nGlobex Pharmaceuticals GmbH today announced approval of Zentra. "
        "Zentra does not require regular blood tests to monitor its effect.\n", encoding="utf-8")
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "story.txt").write_text(
        "Drug maker withheld analyses, journal says\n\nBy Jane Roe\n\nLONDON, 23 July 2014 - The Northgate Medical "
        "Journal said on Wednesday that Zentra data were withheld. Zentra has been prescribed widely, and Zentra "
        "sales grew. Internal documents unsealed by a federal judge show that some Globex Pharmaceuticals employees pressed "
        "to keep the analysis out of print.\n", encoding="utf-8")
    report = run([tmp_path], options=ScanOptions(use_cache=False))
    slides = {s.organization for s in report.statements if s.source.path.endswith("slides.txt") and s.kind == "internal"}
    assert slides == {"Globex Pharmaceuticals"}, slides
    release = {(s.role, s.organization) for s in report.statements if s.source.path.endswith("approval.txt")}
    assert ("claim", "Globex Pharmaceuticals") in release, release
    retold = [s for s in report.statements if "unsealed" in s.text and s.kind == "internal"]
    assert retold and {s.organization for s in retold} == {"Globex Pharmaceuticals"}, retold


def test_a_memo_about_a_briefing_a_file_note_of_an_interview_and_a_release_are_what_they_are() -> None:
    memo = ("MEMO\nTO: Board of Executive Directors\nFROM: Site Management Northgate\nDATE: 27 October 2016\n"
            "RE: North Harbor incident - status before press briefing\n\n1. Plants: all but eight are running again.\n")
    assert read_header(memo).kind == "memo"  # not a briefing's transcript
    note = ("FILE NOTE - FLIGHT OPERATIONS SAFETY, ACME AIRLINES\nRecord-Type: initial crew interview summary\n"
            "Date: 2024-01-02 23:40\n\nFlight crew: the captain states landing clearance was received.\n")
    assert read_header(note).kind == "internal-report"  # not an interview's transcript
    release = ("Acme group plc\nResponse to press reports\n6 July 2020\n\nFOR IMMEDIATE RELEASE\n\nThe Group is "
               "grateful for the report, and the conditions fall short of any acceptable workplace standard.\n")
    assert read_header(release).kind != "memo"  # "workplace" in its prose makes no intranet post


def test_a_company_mail_to_a_customer_at_a_placeholder_address_is_its_public_word(tmp_path: Path) -> None:
    (tmp_path / "notice.eml").write_text(
        "From: Acme Bank <help@acmebank.example>\nTo: customer@example.net\nDate: Mon, 05 Aug 2019 14:02:11 +0100\n"
        "Subject: Please change your PIN\nMessage-ID: <1@acmebank.example>\n\nHi,\n\nNobody outside Acme Bank had "
        "access to your PIN, and we've deleted it.\n", encoding="utf-8")
    (tmp_path / "staff.eml").write_text(
        "From: Jane Roe <jane.roe@acmebank.example>\nTo: Bob Ray <bob.ray@acmebank.example>\n"
        "Date: Mon, 05 Aug 2019 10:02:11 +0100\nSubject: PINs\nMessage-ID: <2@acmebank.example>\n\n"
        "About 100 engineers could see the PIN logs.\n", encoding="utf-8")
    docs = _docs(tmp_path)
    assert (docs["notice.eml"].kind, docs["staff.eml"].kind) == ("letter", "email")  # type: ignore[attr-defined]
    # "From: Acme Bank <help@...>": the bank writes in its own name, no person called "Acme Bank"
    assert docs["notice.eml"].author == ""  # type: ignore[attr-defined]


def test_a_release_headed_by_its_brand_in_lower_case_names_it() -> None:
    release = ("acme group plc\n(\"acme\" or the \"Group\")\nResponse to press reports\n6 July 2020\n\n"
               "FOR IMMEDIATE RELEASE\n\nThe Group is grateful for the report.\n")
    assert read_header(release).organization == "acme group plc"


def test_a_quote_introduced_by_said_colon_is_the_speakers_over_its_paragraphs(tmp_path: Path) -> None:
    (tmp_path / "release.txt").write_text(
        "ACME RAIL - NEWS RELEASE\nFOR IMMEDIATE RELEASE\nMonday 26 February 2007\n\n"
        "ACME RAIL STATEMENT ON THE INTERIM REPORT\n\nJane Roe, chief executive of Acme Rail, said:\n\n"
        "\"Acme Rail is devastated to conclude that the points caused this accident. We accept the report in "
        "all respects.\n\n\"We apologise to everyone affected by the failure of our infrastructure.\"\n\n"
        "Notes to editors: The service derailed at about 20:12 on Friday 23 February.\n", encoding="utf-8")
    report = run([tmp_path], options=ScanOptions(use_cache=False))
    said = {s.text.split()[0]: s.speaker for s in report.statements}
    assert (said["Acme"], said["We"], said["Notes"]) == ("Jane Roe", "Jane Roe", ""), said
