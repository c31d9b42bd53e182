"""A plain document's own header: labels, letterheads, witness lists, venues, file names (issue 14)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import pytest

from claimcheck.corpus import org_families
from claimcheck.evaluate.matching import organization_matches
from claimcheck.extract.attribution import DocContext, turn_person, turn_speaker
from claimcheck.ingest import ingest_paths
from claimcheck.ingest.headers import filename_date, org_of_phrase, read_header

MEMO = """CONFIDENTIAL - PRIVILEGED

ACME CHEMICAL CORPORATION
Springfield, Ohio

DATE: SUNDAY, May 8, 1994
FROM: J.F. Black, Products Research Division
RE: Coating trials

The coating failed the heat test at 300 degrees in every trial we ran this spring.
"""

HEARING = """UNITED STATES SENATE
COMMITTEE ON COMMERCE

HEARING: AIRCRAFT SAFETY
Tuesday, October 29, 2019

WITNESSES:
  Dana A. Cole, President and Chief Executive Officer, Apex Aircraft Company
  Lee Park, Director, Federal Safety Office

Chairman REYES. The committee will come to order.

Mr. COLE. Our airplane is safe and our process was followed exactly.
"""


def test_memo_header_gives_date_author_organization_and_internal_kind() -> None:
    h = read_header(MEMO)
    assert h.date is not None and (h.date.start, h.date.precision) == (dt.date(1994, 5, 8), "day")
    assert (h.author, h.organization, h.internal, h.title) == ("J.F. Black", "Acme Chemical Corporation", True,
                                                               "Coating trials")
    assert h.kind == "memo"


def test_hearing_header_gives_witnesses_venue_and_date() -> None:
    h = read_header(HEARING)
    assert h.venue == "U.S. Senate"
    assert h.witnesses == (("Dana A. Cole", "Apex Aircraft Company"), ("Lee Park", "Federal Safety Office"))
    assert h.date is not None and h.date.start == dt.date(2019, 10, 29)
    assert h.organization == ""  # a committee is who holds the hearing, not who speaks


def test_a_headline_is_not_a_letterhead_and_prose_starting_memo_is_no_memo() -> None:
    news = ("Copied from: example.org/story\nPublished: May 21, 2021\n\nTOBACCO COMPANY KEPT ITS RESEARCH SECRET\n\n"
            "The company decided to keep its research private, according to papers. In a 1963\n"
            "memo, the counsel wrote that the product was addictive.\n")
    h = read_header(news)
    assert h.organization == "" and h.kind == "news"
    assert h.date is not None and h.date.start == dt.date(2021, 5, 21)


@pytest.mark.parametrize("phrase, org", [
    ("Mark Roe, Chairman and Chief Executive Officer, Facebook, Inc.", "Facebook, Inc"),
    ("Apex Corporate Communications", "Apex"),
    ("Volkswagen AG Group Communications", "Volkswagen AG"),
    ("Northgate Holdings Inc. Communications, Springfield, Ohio", "Northgate Holdings Inc"),  # the office, then a place
    ("Jane Roe, Director of Research", ""),
    ("Northgate Motor Sales, U.S.A., Inc.", "Northgate Motor Sales, U.S.A., Inc"),  # a country part joins the name
    ("Northgate of America, Inc. Media Relations", "Northgate of America, Inc"),  # "of" in the name, no job title
    ("Jane Roe, Chief Executive Officer of Acme AG", "Acme AG"),
    ("Health Metrics / Trust & Safety Data Science", ""),  # a path of teams: the record's company is elsewhere
    ("Jane Roe, SVP of Engineering and Infrastructure, Northgate", "Northgate"),  # the name after a job title
    ("Jane Roe, Springfield, Ohio", ""),
    ("Jane Roe, Vice President, Corporate Development", ""),  # a unit after the title, not the company
])
def test_org_of_phrase(phrase: str, org: str) -> None:
    assert org_of_phrase(phrase) == org


@pytest.mark.parametrize("name, iso", [("2019-03-02-memo.txt", "2019-03-02"), ("notes/2016-11-holiday.txt", "2016-11"),
                                       ("1996-fall-column.md", "1996"), ("report.txt", None)])
def test_filename_date(name: str, iso: str | None) -> None:
    value = filename_date(name)
    assert (value.iso() if value else None) == iso


def test_record_style_turns_name_the_witness_and_mark_members() -> None:
    from claimcheck.extract.attribution import title_words
    from claimcheck.ruleset import load_rules

    ctx = DocContext(titles=title_words(load_rules()))  # the member titles and honorifics of rules/lexicon.yaml
    ctx.remember("Dana A. Cole", "Apex Aircraft Company")
    assert turn_speaker("Mr. COLE. Our airplane is safe.") == "Mr. COLE"
    assert turn_person("Mr. COLE", ctx) == ("Dana A. Cole", False)
    assert turn_person("Chairman REYES", ctx) == ("Reyes", True)
    assert turn_person("ROE", ctx) == ("Roe", False)


def test_hearing_through_ingest_and_extract_places_witness_and_member(tmp_path: Path) -> None:
    from claimcheck.extract import ExtractSettings, extract_batch

    (tmp_path / "hearing.txt").write_text(HEARING)
    [result] = list(ingest_paths([tmp_path]))
    [doc] = result.documents
    assert (doc.kind, doc.venue, doc.organization) == ("testimony", "U.S. Senate", "Apex Aircraft Company")
    [stmts] = extract_batch([doc], settings=ExtractSettings())
    got = {(s.speaker, s.organization, s.role) for s in stmts}
    assert ("Dana A. Cole", "Apex Aircraft Company", "claim") in got
    assert ("Reyes", "U.S. Senate", "third-party") in got


def test_front_matter_source_decides_a_press_release_and_author_gives_the_organization(tmp_path: Path) -> None:
    (tmp_path / "release.md").write_text("---\ntitle: Results\ndate: 2019-04-29\nsource: Company newsroom\n"
                                         "author: Lee Park, Chairman, Apex Corporation\n---\n\n"
                                         "Apex followed every step of its certification process.\n")
    (tmp_path / "column.md").write_text("---\ndate: 1996-09\nsource: Company magazine\nauthor: Apex Communications\n---\n\n"
                                        "The science is far from settled.\n")
    docs = {d.path: d for r in ingest_paths([tmp_path]) for d in r.documents}
    assert (docs["release.md"].kind, docs["release.md"].author, docs["release.md"].organization,
            docs["release.md"].publisher) == ("press-release", "Lee Park", "Apex Corporation", "")
    assert (docs["column.md"].kind, docs["column.md"].organization) == ("post", "Apex")


def test_org_families_merge_units_suffixes_and_domain_labels_not_generic_words() -> None:
    names = ["Wells Fargo & Company", "Wells Fargo", "Wells Fargo", "Wellsfargo", "Exxon Research and Engineering Company",
             "Exxon Corporation", "Rivertonchem", "Riverton Chemical Co", "American Airlines",
             "American Civil Liberties Union"]
    counts = Counter(names)
    families = org_families({n: n for n in counts}, counts)
    assert families["Wells Fargo & Company"] == families["Wellsfargo"] == "Wells Fargo"
    assert families["Exxon Research and Engineering Company"] == "Exxon Corporation"
    assert families["Rivertonchem"] == "Riverton Chemical Co"
    assert families["American Airlines"] != families["American Civil Liberties Union"]


@pytest.mark.parametrize("tool, gold, same", [
    ("Microsoft", "Microsoft Corp", True), ("Wells Fargo & Company", "Wells Fargo", True),
    ("Samsung", "Samsung Electronics", True), ("American Airlines", "American Civil Liberties Union", False),
    ("Apex", "Apex Aircraft", True), ("FDA", "Apex", False),
    ("National Motors Corporation", "National Motors", True), ("National Motors", "National Grid", False),
    # a leading country, another word order, an acronym that is exactly the initials (evaluator rules)
    ("United States Northgate Safety Office", "U.S. Northgate Safety Office", True),
    ("Safety Department", "U.S. Department of Safety", True), ("Safety Department", "Department of Roads", False),
    ("NSO", "U.S. Northgate Safety Office", True), ("NSO", "Northgate Safety Board", False),
    ("U.S. Steel", "Steel", False),
    # an acronym in capitals named shorter by whole words ("KFC" for "KFC UK & Ireland"); not "Abc"
    ("NGB", "NGB Shipping & Ireland", True), ("NGB", "NGX Shipping", False), ("Abc", "Abc Shipping", False)])
def test_evaluation_organization_match(tool: str, gold: str, same: bool) -> None:
    assert organization_matches(tool, gold) is same


def test_header_stops_where_the_body_begins() -> None:
    text = ("FOR IMMEDIATE RELEASE\n\nApex Statement on Today's Article\nPALO ALTO, Calif., October 15, 2015\n\n"
            "Today's article is wrong and rests on assumptions made by former employees and competitors in the\n"
            "industry, and it ignores our proprietary and confidential technology entirely.\n")
    h = read_header(text)
    assert not h.internal  # "confidential" in the body says nothing about the document


def test_house_committee_header_names_the_venue_and_office_authors_are_no_speakers(tmp_path: Path) -> None:
    assert read_header("HOUSE COMMITTEE ON ENERGY AND COMMERCE\nTuesday, May 2, 2017\n").venue == \
        "U.S. House of Representatives"
    (tmp_path / "s.md").write_text("---\ntitle: \"Statement of Dr. Dana Roe, CEO of Apex AG\"\ndate: 2015-09-20\n"
                                   "source: Company newsroom\nauthor: Apex AG Group Communications\n---\n\n"
                                   "I am deeply sorry that we have broken the trust of our customers.\n")
    [doc] = [d for r in ingest_paths([tmp_path]) for d in r.documents]
    assert (doc.author, doc.organization) == ("Dr. Dana Roe", "Apex AG")


def test_a_domain_label_that_is_the_last_word_of_a_name_joins_it() -> None:
    counts = Counter(["Purdue Pharma", "Purdue Pharma", "Pharma"])
    assert org_families({n: n for n in counts}, counts)["Pharma"] == "Purdue Pharma"


def test_org_families_terminate_on_names_that_abbreviate_each_other() -> None:
    """A domain label and a name may each abbreviate the other's family: no cycle, one name each."""
    names = ["Abc Def", "Abcdef", "Abc Def Ghi", "Abcdefghi", "Abcde", "Abc", "Defabc", "Def Abc"] + \
        [f"Org{n} Holdings" for n in range(200)] + [f"Org{n}" for n in range(200)]
    counts = Counter(names)
    families = org_families({n: n for n in counts}, counts)
    assert set(families) == set(names) and set(families.values()) <= set(names)
    assert families["Abcdefghi"] == families["Abc Def Ghi"] == families["Abc Def"]


def test_a_transcripts_event_line_names_the_host() -> None:
    text = ("Transcript, March 3, 2021 -- Northwind Foods press conference on the plant closure, Dayton\n"
            "Speakers: ANA RUIZ (Chief Executive); moderator; reporters\n\n"
            "ANA RUIZ: We found no problem with the line's cooling system.\n")
    head = read_header(text)
    assert head.organization == "Northwind Foods"
    assert read_header("Transcript -- Senate Commerce Committee press conference\n\nSEN. LEE: Hello.\n").organization == ""



@pytest.mark.model
def test_a_captured_post_thread_is_its_authors_public_statements(tmp_path: Path) -> None:
    from claimcheck.extract import ExtractSettings, extract_batch
    (tmp_path / "2022-03-02-thread.txt").write_text(
        "Thread capture -- archived copy of a social media thread (posts later deleted)\n"
        "Account: @northwind_ceo (Ana Ruiz, CEO, Northwind Foods)\n"
        "Captured: Mar 2, 2022, 16:02 UTC (archive snapshot)\n\n"
        "1/ Our plant is fine and every line is running.\n\n"
        "2/ We have never shipped a recalled batch, and we never will.\n")
    docs = [d for r in ingest_paths([tmp_path]) for d in r.documents]
    assert [(d.kind, d.author) for d in docs] == [("post", "Ana Ruiz")]
    sts = [s for batch in extract_batch(docs, settings=ExtractSettings()) for s in batch]
    assert {(s.kind, s.speaker) for s in sts} == {("public", "Ana Ruiz")}, [(s.speaker, s.text) for s in sts]
    assert any("recalled batch" in s.text for s in sts)


def test_a_panel_heading_lists_witnesses_whose_entries_go_on_over_a_line() -> None:
    text = ("UNITED STATES SENATE\nPERMANENT SUBCOMMITTEE ON INVESTIGATIONS\n\nFriday, March 15, 2013\n\n"
            "PANEL III:\n  Dana Roe, Vice Chairman and Chief Financial Officer,\n    Northgate Trust & Co.\n"
            "  Sam Poe, Co-Chief Executive Officer, Northgate Trust & Co.\n\n"
            "Senator LEVIN. Ms. Roe, you told investors the positions were transparent.\n")
    assert read_header(text).witnesses == (("Dana Roe", "Northgate Trust & Co"), ("Sam Poe", "Northgate Trust & Co"))


def test_a_letterhead_naming_its_division_after_two_dashes_names_the_organization() -> None:
    text = ("CONFIDENTIAL - INTERNAL USE\nNorthgate S.A. -- Ferrous Division / Geotechnical Management\n"
            '"Geotechnical Risk Management Results" -- slide export\nVersion: 2.0    Date: 03/10/2018\n\n'
            "Slide 1: Scope\n- 57 tailings dams assessed\n")
    assert read_header(text).organization == "Northgate S.A"


def test_an_editors_bracketed_note_is_not_the_body_so_the_header_below_it_is_read() -> None:
    text = ("[Reconstruction from public reporting; not the original document. Author's name withheld, as in the "
            "regulator's report (\"Engineer Doe\").]\n\nACME CONFIDENTIAL\n\nDesign Document: Data Collection\n"
            "Version: 0.3 (draft)\nDate: October 2006\nAuthor: [Engineer Doe]\n\n1. Objective\nUse the fleet to log "
            "access points together with GPS position, for use in location services.\n")
    head = read_header(text)
    assert head.internal and head.date is not None and head.date.iso() == "2006-10"


def test_a_field_note_form_of_label_lines_is_an_internal_report() -> None:
    text = ("NORTHGATE MOTOR SALES - PRODUCT QUALITY FIELD NOTE\nForm PQ-17 (call / field note)\n\n"
            "Date of note: 2009-09-29\nPrepared by: Product Quality & Service Support, Torrance\n"
            "Topic: Accelerator pedal - slow return\nMarkets referenced: Europe (31 countries), Canada\n"
            "Status in Europe: Technical service instruction issued to distributors\n"
            "Status in U.S.: no campaign; continue to monitor warranty and owner reports\n")
    assert read_header(text).kind == "internal-report"


def test_a_witness_with_a_name_suffix_keeps_the_organization_after_the_title() -> None:
    text = ("FINANCIAL CRISIS INQUIRY COMMISSION\nTranscript, September 1, 2010\n\nWITNESSES (Session 2):\n"
            "  Dana Q. Roe, Jr., Former Chairman and Chief Executive Officer, Northgate Brothers\n\n"
            "CHAIRMAN POE: When did you first learn of them?\n\nMR. ROE: I do not recall ever hearing about them.\n")
    assert read_header(text).witnesses == (("Dana Q. Roe", "Northgate Brothers"),)


def test_a_records_name_in_capitals_heads_it_over_a_unit_named_after() -> None:
    """A company's name in capitals at the top of its record ("NORTHGATE & ROE"), above a unit's
    letterhead or a "From:" unit, is the record's organization; a form's heading is not."""
    memo = ("NORTHGATE & ROE\nCENTRAL RESEARCH LABORATORIES\nNew Brunswick, New Jersey\n\n"
            "INTER-OFFICE MEMORANDUM -- CONFIDENTIAL\n\nTO: Law Department\nFROM: J. Roe, Director, Central Research "
            "Laboratories\nDATE: March 29, 1973\nSUBJECT: Separation process\n\n"
            "You will recall my note of February 20 about the separation process being ready for the patent filing.\n")
    assert read_header(memo).organization == "Northgate & Roe"
    trip = ("NORTHGATE & ROE -- RESEARCH DIVISION\nTRIP REPORT\nCONFIDENTIAL - NOT FOR DISTRIBUTION\n\n"
            "Report date: April 1973\nAuthor: D. R. Poe, Research Director\n")
    assert read_header(trip).organization == "Northgate & Roe"
    dashed = "A.P. NORTHGATE - ROE -- GROUP FINANCE\nNote to Executive Board -- CONFIDENTIAL\n\nDate: 9 August 2017\n"
    assert read_header(dashed).organization == "A.P. Northgate - Roe"
    report = "TRIP REPORT\nCONFIDENTIAL\n\nDate: April 1973\nFrom: Jane Roe, Director, Apex Laboratories\n"
    assert read_header(report).organization == "Apex Laboratories"


def test_a_marking_line_names_the_records_organization() -> None:
    h = read_header("INTERNAL NORTHGATE CORRESPONDENCE\n\nDate: 11/14/1991\nTo: Plant Committee\n"
                    "From: Epidemiology and Toxicology Group, Apex Laboratory\nSubject: Guideline\n")
    assert (h.organization, h.internal) == ("Northgate", True)
    h = read_header("**NORTH GATE - PERSONAL AND CONFIDENTIAL**\n\n# Meeting notes: liability review\n\n- Date: May 1984\n")
    assert (h.organization, h.internal) == ("North Gate", True)
    assert read_header("ATTORNEY-CLIENT PRIVILEGED AND CONFIDENTIAL\n\nDate: May 1984\n").organization == ""


def test_a_releases_title_names_who_issues_it() -> None:
    text = ("FOR IMMEDIATE RELEASE\n\nNorthgate Statement Regarding Daily Ledger Article\nPALO ALTO, Calif., October 15, "
            "2015\n\nToday's article in The Daily Ledger is factually and scientifically wrong and rests on baseless "
            "assumptions made by former employees.\n")
    assert read_header(text).organization == "Northgate"
    assert read_header("Northgate Corp Responds to Report\n").organization == "Northgate Corp"
    assert read_header("Senator Roe Statement on Northgate\n").organization == ""
    assert read_header("Jane Roe Statement on Northgate\n").organization == ""


def test_a_company_legal_name_in_capitals_heading_a_report_names_its_issuer() -> None:
    """'NORTHGATE SHIPPING A/S' over an interim report: the company's legal name (any country's
    legal form) is who issues the document; a heading in capitals with no legal form is not."""
    text = ("NORTHGATE SHIPPING A/S\nINTERIM REPORT Q2 2017 -- EXCERPT\nCompany announcement, 16 August 2017\n\n"
            "Highlights\n- Revenue grew in the quarter.\n")
    assert read_header(text).organization == "Northgate Shipping A/s"
    assert read_header(text.replace(" A/S", "")).organization == ""


def test_a_witness_label_whose_entry_runs_onto_the_next_line_keeps_its_organization() -> None:
    text = ("HEARING BEFORE THE SUBCOMMITTEE ON COMMERCE\nHOUSE OF REPRESENTATIVES\n\nTUESDAY, OCTOBER 3, 2017\n\n"
            "WITNESS: Jane Roe, former Chairman and Chief Executive Officer,\nNorthgate Inc.\n\n"
            "MS. ROE: I apologize to every person affected.\n")
    assert read_header(text).witnesses == (("Jane Roe", "Northgate Inc"),)


def test_a_courts_caption_over_an_exhibit_is_not_who_wrote_it() -> None:
    """'UNITED STATES DISTRICT COURT' heads an exhibit; the company's letterhead below it is the
    author, not the court where it was filed."""
    text = ("UNITED STATES DISTRICT COURT, DISTRICT OF MINNESOTA\nUnited States v. Acme LLC - Government Exhibit 14\n"
            "Produced from Acme regulatory files\n\n-----------------\nACME DEVICES CORPORATION\nRhythm Management\n\n"
            "Periodic Report - Model 77\nDate of submission: August 19, 2003\n\n"
            "The change does not affect the safety or effectiveness of the device.\n")
    assert read_header(text).organization == "Acme Devices Corporation"


def test_a_sentence_with_a_colon_is_no_speakers_turn() -> None:
    """'I want to say clearly: we are sorry.' is the speaker's sentence, not a turn label; names
    with lower-case particles still are."""
    from claimcheck.extract.attribution import turn_speaker
    assert turn_speaker("I want to say clearly: we are sorry.") == ""
    assert turn_speaker("Our answer is simple: we are sorry.") == ""
    assert turn_speaker("Maria de la Cruz: We will keep the plant open.") == "Maria de la Cruz"
    assert turn_speaker("JANE ROE: We will keep the plant open.") == "JANE ROE"


def test_a_video_message_title_names_its_organization() -> None:
    text = ("Acme Air - video message from CEO Jane Roe to customers\nTranscript, August 9, 2016\n\n"
            "Hello, I'm Jane Roe, chief executive of Acme Air.\n\nWe are sorry.\n")
    assert read_header(text).organization == "Acme Air"


def test_an_acronym_spelling_each_words_first_letters_is_the_same_organization() -> None:
    """Scoring: 'NOPCO' is 'Northgate Oil Power Co.' (each word's first letters, in order, every
    word used); a near miss is not."""
    assert organization_matches("Northgate Oil Power Co", "NOPCO")
    assert organization_matches("NOPCO", "Northgate Oil Power Company")
    assert not organization_matches("Northgate Oil Power Co", "NOPX")
    assert not organization_matches("Northgate Power", "NOPO")  # fewer than three words


def test_a_press_briefing_title_names_its_organization_before_its_acronym() -> None:
    assert read_header("ACME POWER CO. (APC) - PRESS BRIEFING, HEAD OFFICE\nTranscript, March 14, 2011\n\n"
                       "MR. ROE: Fine.\n").organization == "Acme Power Co"


def test_an_editors_bracketed_note_does_not_make_a_record_news() -> None:
    """'[Per the report, a staffer also told him ... had said ...]' is the editor's, not the
    note's: its reporting words make no news story of a handwritten note."""
    from claimcheck.ingest.base import guess_kind
    text = ("Handwritten note on memo paper\n\n  Do NOT use the word.\n\n"
            "[Per the report, a staffer also told him the office had said the word must never be used.]\n")
    assert guess_kind(text) == "unknown"
