"""What blind set 16 showed, read generically (issue 14): a title is no organization ("Group
Technical Director"); a unit between a name and a company ("Jane Roe, U.S. Security Public Policy,
Acme") leaves the company; a marking followed by the company ("CONFIDENTIAL - Acme Group
Technical"); "Acme PLC news release - 30 January 2013"; a chat export whose header says whose
channel it is; a meeting log dated by its items' separator lines and placed by its bracketed
speaker labels; a story's "14 remarks by nine employees" is no speech; "Acme had told reporters"
is the company's; the main clause's reporting verb gives the speaker, not the one in a clause of
time before it. And (issue 15) figures of samples of two products are two quantities. Each test
asserts on records or on detect's findings."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from claimcheck.align import align
from claimcheck.detect import detect
from claimcheck.ingest import ingest_paths
from claimcheck.ingest.headers import _marking_org, org_of_phrase
from claimcheck.models import DateValue, Frame, Quantity, Source, Statement
from claimcheck.pipeline import ScanOptions, run
from claimcheck.ruleset import load_rules

RULES = load_rules()


def _docs(folder: Path) -> list:
    return [d for r in ingest_paths([folder]) for d in r.documents]


def test_a_title_is_no_organization_and_a_unit_leaves_the_company_after_it() -> None:
    assert org_of_phrase("Jane Roe, Group Technical Director") == ""
    assert org_of_phrase("Jane Roe, Group General Counsel") == ""
    assert org_of_phrase("Jane Roe, U.S. Security Public Policy, Acme") == "Acme"
    assert org_of_phrase("Jane Roe, Public Affairs, Springfield, Ohio") == ""  # a place, not a company
    assert org_of_phrase("DIRECTOR, Acme product team") == "Acme"  # the company, without its team


def test_a_marking_followed_by_the_company_names_it() -> None:
    assert _marking_org("CONFIDENTIAL - Acme Group Technical") == "Acme"
    assert _marking_org("CONFIDENTIAL - Executive Committee") == ""  # a body inside an organization
    assert _marking_org("CONFIDENTIAL - FOR INTERNAL DISCUSSION ONLY") == ""
    assert _marking_org("CONFIDENTIAL - PRIVILEGED") == ""
    assert _marking_org("STRICTLY CONFIDENTIAL - CMD") == ""  # initials of a body, for all one can tell


def test_a_memo_from_a_title_is_the_companys_its_marking_names(tmp_path: Path) -> None:
    (tmp_path / "2013-01-29-memo.md").write_text(
        "CONFIDENTIAL - Acme Group Technical\n\n**MEMORANDUM**\n\n- **TO:** Group Executive Committee\n"
        "- **FROM:** Jane Roe, Group Technical Director\n- **DATE:** 29/01/2013\n- **RE:** Supplier findings\n\n"
        "Our tests found the supplier used meat from unapproved sources.\n")
    (doc,) = _docs(tmp_path)
    assert (doc.organization, doc.author) == ("Acme", "Jane Roe")


def test_a_news_release_line_names_its_issuer(tmp_path: Path) -> None:
    (tmp_path / "release.txt").write_text(
        "Acme PLC news release - 30 January 2013\nAcme update on the supplier investigation\n\n"
        "Our investigation has found that the supplier broke our agreement.\n")
    (doc,) = _docs(tmp_path)
    assert (doc.kind, doc.organization) == ("press-release", "Acme PLC")


def test_a_chat_export_header_says_whose_channel_it_is(tmp_path: Path) -> None:
    (tmp_path / "export.txt").write_text(
        "Channel export: #data-questions  (Acme internal messaging)\nExported: 2022-01-18\n\n"
        "[2022-01-14 09:12] eng_lead: anyone know where the payouts table gets copied to?\n"
        "[2022-01-14 09:15] analyst: I can't see it; last time the other office had to pull it for me\n\n")
    docs = _docs(tmp_path)
    assert [(d.kind, d.organization, d.author) for d in docs] == [
        ("chat", "Acme", "eng_lead"), ("chat", "Acme", "analyst")]


MEETINGS = """TRANSCRIPT EXCERPTS - INTERNAL MEETINGS
Transcribed by: outside contractor
Date range of meetings: September 2021

--- Item 014 | Meeting date: 2021-09-09 | Topic: access review ---

[DIRECTOR, Acme product team] 10:02: there's one engineer abroad who is basically a master
  admin. that account can see everything.
[EMPLOYEE 1] 10:03: everything meaning user tables too?

--- Item 022 | Meeting date: 2021-09-23 | Topic: tooling sync ---

[CONSULTANT] 15:31: nothing stays only here.
"""


def test_a_meeting_log_is_dated_by_its_items_and_placed_by_its_speaker_labels(tmp_path: Path) -> None:
    (tmp_path / "2021-09-meetings.txt").write_text(MEETINGS)
    docs = _docs(tmp_path)
    assert [(d.kind, d.date.iso(), d.organization) for d in docs] == [
        ("chat", "2021-09-09", "Acme"), ("chat", "2021-09-09", "Acme"), ("chat", "2021-09-23", "Acme")]


def test_a_storys_remarks_by_employees_is_no_speech(tmp_path: Path) -> None:
    (tmp_path / "story.html").write_text(
        "<html><head><title>Recordings show staff abroad reached user data</title>"
        "<meta name=\"date\" content=\"2022-06-17\"></head><body><article><h1>Recordings show staff abroad "
        "reached user data</h1><p class=\"byline\">By Ledger staff | June 17, 2022</p><p>NEW YORK, June 17 -- "
        "The audio contains 14 remarks by nine Acme employees indicating that engineers abroad could reach user "
        "data, the outlet reported.</p></article></body></html>")
    (doc,) = _docs(tmp_path)
    assert doc.kind == "news"


def test_a_company_named_alone_as_speaker_is_the_company_and_the_main_clause_speaks(tmp_path: Path) -> None:
    (tmp_path / "2008-09-15-letter.txt").write_text(
        "FOR IMMEDIATE RELEASE\nAcme Group\n15 September 2008\n\nWe apologise to every family affected.\n\n"
        "Acme Group\n")
    (tmp_path / "2008-08-01-memo.txt").write_text(
        "MEMORANDUM\nFROM: Jane Roe, Quality Director, Acme Group\nTO: General Manager\nDATE: 1 August 2008\n"
        "RE: Test results\n\nThe outside laboratory found melamine in the retained powder samples.\n")
    (tmp_path / "2008-09-12-story.txt").write_text(
        "Acme recalls formula\nBy Wire staff\nSeptember 12, 2008\n\n"
        "Only days earlier, Acme had told reporters that its products had passed every quality inspection.\n\n"
        "Minutes after the Ministry of Health said it suspected the powder was contaminated, Acme announced that "
        "it had found in its own check that some batches were contaminated.\n\n"
        "In a letter dated June 30 and addressed to the senators who wrote to the company, chief executive Jane "
        "Roe said that staff abroad can have access to user data.\n\n"
        "The business magazine Ledger quoted Acme brand manager John Doe as saying the company learned of the "
        "contamination on Aug. 6.\n")
    said = {s.text[:12]: (s.speaker, s.organization, s.role)
            for s in run([tmp_path], options=ScanOptions(use_cache=False)).statements}
    assert said["Only days ea"] == ("", "Acme Group", "claim")
    assert said["Minutes afte"] == ("", "Acme Group", "claim")
    assert said["In a letter "][0] == "Jane Roe"  # not the senators "who wrote" in a clause before her words
    assert said["The business"][1:] == ("Acme Group", "claim")  # "quoted Acme's manager as saying": Acme's words


def _st(sid: str, kind: str, text: str, day: dt.date, *, topics: tuple[str, ...], **frame: object) -> Statement:
    return Statement(id=sid, document=f"doc-{sid}", kind=kind, role="claim" if kind == "public" else "evidence",  # type: ignore[arg-type]
                     speaker="", organization="Acme", date=DateValue.day(day, "test"), text=text,
                     source=Source(f"{sid}.txt", 1, 0, len(text)), topics=topics, frame=Frame(**frame))  # type: ignore[arg-type]


def test_figures_of_samples_of_two_products_are_two_quantities() -> None:
    record = _st("i", "internal", "Our own DNA tests on the withdrawn burgers are consistent with the agency result: "
                 "the high figure (about 29%) was confined to one sample.", dt.date(2013, 1, 29),
                 topics=("dna test", "dna", "test", "burger", "sample"), modality="figure", verbs=("find", "confine"),
                 quantities=(Quantity(29.0, "percent", True, "29%"),))
    other = _st("p", "public", "Acme said its own tests had found more than 60% horse DNA in samples of its frozen "
                "lasagne, a ready meal.", dt.date(2013, 2, 11), topics=("test", "dna", "sample", "lasagne"),
                modality="figure", verbs=("find",), quantities=(Quantity(60.0, "percent", True, "60%", low=60.0),))
    same = _st("q", "public", "Acme said its own tests had found more than 60% horse DNA in samples of its "
               "burgers.", dt.date(2013, 2, 11), topics=("test", "dna", "sample", "burger"),
               modality="figure", verbs=("find",), quantities=(Quantity(60.0, "percent", True, "60%", low=60.0),))
    flags = [(f.public, f.type) for f in detect(align([record, other, same], min_topic=0.0), RULES)
             if f.level != "candidate"]
    assert ("p", "numeric-mismatch") not in flags
    assert ("q", "numeric-mismatch") in flags


def test_a_makers_product_datasheet_is_its_own_published_word(tmp_path: Path) -> None:
    (tmp_path / "2014-09-datasheet.txt").write_text(
        "ACME RS5000  |  Product datasheet  |  Issue 1, September 2014\n\nFIRE PERFORMANCE\n"
        "- RS5000 is acceptable for use in buildings over 18 metres in height.\n\nAcme Limited, Hadleigh\n")
    (doc,) = _docs(tmp_path)
    assert doc.kind == "post"


HEARING = """PUBLIC INQUIRY INTO THE FIRE
Phase 2 - Module 2 (product manufacturers)
Day 71 - Monday, 16 November 2020
Excerpt. Wording reconstructed from press accounts of the hearing.

PRESENT: Sir Jane Roe (Chairman), panel members
WITNESS: Mr John Doe, formerly product manager, Acme Limited

SIR JANE ROE: Good morning. We continue with Mr Doe's evidence about the board.

MR POE: Mr Doe, was the board hidden in the test rig?

A. It was so nothing stepped out on the face of the rig.
"""


def test_whoever_presides_over_a_hearing_speaks_for_no_witnesss_company(tmp_path: Path) -> None:
    (tmp_path / "2020-11-16-hearing.txt").write_text(HEARING)
    (tmp_path / "2014-05-01-memo.txt").write_text(
        "MEMORANDUM\nFROM: John Doe, Acme Limited\nTO: Sales\nDATE: 1 May 2014\nRE: test\n\n"
        "The board failed the first test.\n")
    (tmp_path / "2024-09-11-story.txt").write_text(
        "Report finds Acme misled buyers\nBy Business desk\nSeptember 11, 2024\n\n"
        "Acme sold the board for tall buildings. Acme said the board was safe.\n\n"
        "Inquiry chairman Sir Jane Roe said Acme had set out to mislead its customers about the board.\n")
    said = {s.text[:24]: (s.organization, s.role)
            for s in run([tmp_path], options=ScanOptions(use_cache=False)).statements}
    assert said["We continue with Mr Doe'"] == ("", "third-party")
    assert said["Inquiry chairman Sir Jan"] == ("", "third-party")
    speakers = {s.text[:24]: s.speaker for s in run([tmp_path], options=ScanOptions(use_cache=False)).statements}
    assert speakers["It was so nothing steppe"] == "John Doe"  # the witness answers, without his "Mr"


def test_an_analyst_at_a_firm_described_not_named_stays_a_third_party(tmp_path: Path) -> None:
    (tmp_path / "2007-09-12-memo.txt").write_text(
        "MEMORANDUM\nFROM: Risk and Finance, Acme Bank\nTO: Chief Financial Officer\nDATE: 12 September 2007\n"
        "RE: Positions\n\nTaken together these come to more than $40 billion.\n")
    (tmp_path / "2007-11-05-story.txt").write_text(
        "Acme Bank reveals larger exposure\nBy Market Desk staff\nNovember 5, 2007\n\n"
        "Acme Bank said on Sunday that it held about $55 billion of exposure.\n\n"
        "\"The $13 billion number turned out to be the tip of it,\" said a bank analyst at a regional brokerage "
        "who follows Acme Bank.\n")
    said = {s.text[:20]: (s.organization, s.role)
            for s in run([tmp_path], options=ScanOptions(use_cache=False)).statements}
    assert said["The $13 billion numb"] == ("regional brokerage", "third-party")


def test_a_notice_to_the_trade_is_a_record_of_what_the_company_told_its_partners(tmp_path: Path) -> None:
    (tmp_path / "2008-07-notice.txt").write_text(
        "Acme Sales Company - Notice to Distributors (north region)\nRef: XS-2008-07-03        Date: July 2008\n\n"
        "To all distributors:\n\nPlease remove from retail shelves all Acme infant formula produced through July 2008.\n"
        "The replacement is part of a routine product upgrade.\n")
    (doc,) = _docs(tmp_path)
    assert doc.kind == "memo"


def test_a_day_right_after_the_reporting_verb_and_a_letters_date_date_the_words(tmp_path: Path) -> None:
    (tmp_path / "2022-07-01-story.txt").write_text(
        "Acme tells senators staff abroad can see data\nBy Wire staff\nJuly 1, 2022\n\n"
        "In a letter dated June 30 and addressed to the senators who wrote to the company, chief executive Jane "
        "Roe said that staff abroad can have access to user data.\n\n"
        "The Northgate Standards Agency said on Monday the industry must report its own tests.\n")
    when = {s.text[:12]: s.date.iso() for s in run([tmp_path], options=ScanOptions(use_cache=False)).statements}
    # (the parse hangs "on Monday" on "must report"; the words were said on Monday 27 June)
    assert when["The Northgat"] == "2022-06-27"
    assert when["In a letter "] == "2022-06-30"


def test_a_when_clause_before_the_reporting_verb_dates_the_words(tmp_path: Path) -> None:
    (tmp_path / "2023-01-17-story.txt").write_text(
        "Acme video was staged, engineer says\nBy Staff reporters\nJanuary 17, 2023\n\n"
        "When the clip came out in October 2016, Chief Executive Jane Roe posted on Twitter that the car drove "
        "itself.\n")
    (st,) = [s for s in run([tmp_path], options=ScanOptions(use_cache=False)).statements if "clip" in s.text]
    assert (st.date.iso(), st.date.precision) == ("2016-10", "month")


def test_a_record_that_sets_its_figure_against_the_public_one_counts_the_same_thing() -> None:
    record = _st("i", "internal", "Taken together these come to more than $40 billion, which is more than three times "
                 "the externally reported number.", dt.date(2007, 9, 12), topics=("position",), modality="figure",
                 verbs=("take", "come"), quantities=(Quantity(40e9, "usd", True, "40", low=40e9),
                                                     Quantity(3.0, "number", True, "three", low=3.0)))
    claim = _st("p", "public", "By June 30 that figure was down to $13 billion.", dt.date(2007, 10, 1),
                topics=("june",), modality="figure", verbs=("be",), quantities=(Quantity(13e9, "usd", False, "13"),))
    # the later disclosure gives, among its figures, one the record's figure can be: it agrees
    later = _st("q", "public", "Acme said it held about $55 billion of direct exposure, including roughly $43 billion "
                "in senior tranches, and expected to write down $8 billion to $11 billion.", dt.date(2007, 11, 4),
                topics=("exposure", "tranche"), modality="figure", verbs=("hold", "write"),
                quantities=(Quantity(55e9, "usd", True, "55"), Quantity(43e9, "usd", True, "43"),
                            Quantity(8e9, "usd", False, "8"), Quantity(11e9, "usd", False, "11")))
    flags = [(f.public, f.type) for f in detect(align([record, claim, later], min_topic=0.0), RULES)
             if f.level != "candidate"]
    assert ("p", "numeric-mismatch") in flags
    assert ("q", "numeric-mismatch") not in flags


def test_a_name_clipped_from_one_that_runs_on_into_group_is_one_company() -> None:
    from collections import Counter

    from claimcheck.corpus.orgs import org_families
    names = ["Acme", "Acme", "Acme", "Acmegroup Inc", "Acmegroup Inc", "Globex", "Globexville Inc"]
    families = org_families({n: n for n in names}, Counter(names))
    assert families["Acme"] == families["Acmegroup Inc"]
    assert families["Globex"] != families["Globexville Inc"]  # "-ville" is no word of a company's form


def test_a_company_is_named_as_the_corpus_names_it_with_its_units_not_by_its_letterhead() -> None:
    from collections import Counter

    from claimcheck.corpus.orgs import canonical_orgs, org_families
    names = (["Globex Group"] * 9 + ["Springfield Globex Group Co., Ltd"] * 16 + ["Globex Group Sales Company"] * 6
             + ["Globex Group Technology Center"] * 6)
    canon = canonical_orgs(names)
    families = org_families(canon, Counter(names))
    named = {families.get(canon[n], canon[n]) for n in names}
    assert named == {"Globex Group"}


def test_a_loss_is_not_the_public_figure_a_record_sets_its_own_against() -> None:
    record = _st("i", "internal", "Taken together these come to more than $40 billion, which is more than three times "
                 "the externally reported number.", dt.date(2007, 9, 12), topics=("position",), modality="figure",
                 verbs=("take", "come"), quantities=(Quantity(40e9, "usd", True, "40", low=40e9),))
    loss = _st("p", "public", "The company expects to record losses of approximately $1.3 billion on the securities.",
               dt.date(2007, 10, 1), topics=("loss", "security"), modality="figure", verbs=("expect", "record"),
               quantities=(Quantity(1.3e9, "usd", True, "1.3"),))
    assert [f for f in detect(align([record, loss], min_topic=0.0), RULES) if f.level != "candidate"] == []


def test_a_records_credit_line_is_no_statement(tmp_path: Path) -> None:
    (tmp_path / "2007-09-12-memo.txt").write_text(
        "MEMORANDUM\nFROM: Risk and Finance, Acme Bank\nTO: Chief Financial Officer\nDATE: 12 September 2007\n"
        "RE: Positions\n\nTaken together these come to more than $40 billion.\n\nPrepared by S&B Risk and Finance.\n")
    texts = [s.text for s in run([tmp_path], options=ScanOptions(use_cache=False)).statements]
    assert any("Taken together" in t for t in texts) and not any("Prepared by" in t for t in texts)


def test_an_acronym_two_names_could_spell_is_the_one_an_organization_goes_by() -> None:
    from claimcheck.corpus.orgs import spelled_out
    canon = {"ASU": "ASU", "Acme State University": "Acme State University"}
    out = spelled_out(canon, ["Acme State University", "Acme Springs University"])  # the other is only named
    assert out["ASU"] == "Acme State University"
    assert spelled_out({"ASU": "ASU"}, ["Acme State University", "Acme Springs University"])["ASU"] == "ASU"


def test_a_statement_heading_names_its_maker_after_a_title(tmp_path: Path) -> None:
    from claimcheck.ingest.headers import statement_maker
    assert statement_maker("STATEMENT OF HEAD FOOTBALL COACH JOHN DOE") == "John Doe"
    assert statement_maker("Statement from President Jane Roe") == "Jane Roe"
    assert statement_maker("Statement of the Company Regarding Recall") == ""
    assert statement_maker("Statement from Acme Corporation") == ""
    (tmp_path / "2011-11-06-statement.txt").write_text(
        "STATEMENT OF HEAD FOOTBALL COACH JOHN DOE\nReleased Sunday, November 6, 2011, State College, Pa.\n\n"
        "I did what I was supposed to do: I passed the information on to my superiors.\n\n"
        "As my testimony said, an assistant coach told me he had seen an incident.\n")
    (tmp_path / "2011-11-05-release.md").write_text(
        "---\ntitle: \"Statement from President Jane Roe\"\ndate: 2011-11-05\nsource: university news release\n"
        "author: Office of the President, Acme State University\n---\n\nThe allegations are troubling.\n")
    docs = {d.path.rsplit("/", 1)[-1]: (d.kind, d.author, d.organization) for d in _docs(tmp_path)}
    assert docs["2011-11-06-statement.txt"][:2] == ("press-release", "John Doe")
    assert docs["2011-11-05-release.md"] == ("press-release", "Jane Roe", "Acme State University")


def test_a_release_dated_in_a_column_of_its_first_line_has_the_day(tmp_path: Path) -> None:
    (tmp_path / "release.txt").write_text(
        "NORTHGATE SPACE AGENCY\n\nFOR IMMEDIATE RELEASE                              September 30, 1999\n"
        "RELEASE: 99-113\n\nThe loss of the orbiter traces to a mix-up in units.\n")
    (doc,) = _docs(tmp_path)
    assert (doc.date.iso(), doc.date.precision) == ("1999-09-30", "day")


def test_a_chat_exports_workspace_label_names_its_organization(tmp_path: Path) -> None:
    (tmp_path / "export.txt").write_text(
        "Export: #demo-drive   Workspace: acmemotors   Exported 2016-10-18 08:02 PT\n"
        "-----------------------------------------------------------------\n\n"
        "[2016-10-14 07:41] [ENGINEER 1]: route map is loaded for the whole drive\n"
        "[2016-10-14 09:12] [TEST DRIVER 1]: run 6 done. took over twice\n")
    assert {d.organization for d in _docs(tmp_path)} == {"Acmemotors"}


def test_a_teams_release_and_a_page_signed_before_its_copyright_mark_are_the_companys(tmp_path: Path) -> None:
    (tmp_path / "release.md").write_text(
        "---\ntitle: \"Every New Acme Now Ships With New Hardware\"\ndate: 2016-10-19\nsource: Company newsroom\n"
        "author: The Acme Team\n---\n\nWe are excited to announce new hardware on every car.\n")
    (tmp_path / "page.html").write_text(
        "<html><head><title>Self-Driving Hardware | Acme</title><meta name=\"date\" content=\"2016-10-20\"></head>"
        "<body><nav><a href=\"/\">Acme</a></nav><main><h1>Self-Driving Hardware on All Cars</h1>"
        "<blockquote>The driver is in the seat for legal reasons only. The car drives itself.</blockquote></main>"
        "<footer><p>Acme &copy; 2016 &middot; Privacy &amp; Legal</p></footer></body></html>")
    docs = {d.path.rsplit("/", 1)[-1]: (d.kind, d.organization) for d in _docs(tmp_path)}
    assert docs == {"release.md": ("press-release", "Acme"), "page.html": ("post", "Acme")}


def test_minutes_a_story_about_an_interview_and_a_press_offices_statement_are_read_as_what_they_are(
        tmp_path: Path) -> None:
    (tmp_path / "minutes.txt").write_text(
        "ACME BOARD OF GOVERNORS\nMinutes of the meeting held at Acme House, April 1996 (extract)\n"
        "Minute 7. Evening programme: the interview with the minister\n\n"
        "Governors noted that the reporter had been foolish but accepted that he was an honest man.\n")
    (tmp_path / "story.html").write_text(
        "<html><head><title>Report: reporter used deceit to land the interview | Media</title>"
        "<meta name=\"date\" content=\"2021-05-20\"></head><body><article><h1>Reporter used deceit</h1>"
        "<p class=\"byline\">By Media Correspondent | 20 May 2021</p><p>The inquiry concluded that Acme's own "
        "investigation was woefully ineffective, its chairman said.</p></article></body></html>")
    (tmp_path / "statement.txt").write_text(
        "ACME PRESS OFFICE\nTelevision Centre, London\n\nSTATEMENT                          Sunday 7 April 1996\n\n"
        "The graphics played no part in obtaining the interview.\n")
    docs = {d.path.rsplit("/", 1)[-1]: (d.kind, d.organization) for d in _docs(tmp_path)}
    assert docs["minutes.txt"][0] == "internal-report"
    assert docs["story.html"][0] == "news"
    assert docs["statement.txt"][1] == "Acme"


def test_an_agency_spokesman_and_someone_who_left_the_company_are_not_its_voice(tmp_path: Path) -> None:
    (tmp_path / "2004-08-18-memo.txt").write_text(
        "MEMORANDUM\nFROM: John Poe, Acme Laboratories Limited\nTO: Research staff\nDATE: 18 August 2004\n"
        "RE: Data review\n\nData submitted to regulators could not be supported by source records.\n")
    (tmp_path / "2013-06-11-story.txt").write_text(
        "Acme ex-chief denies knowing of fraud\nBy Our Bureau\nJune 11, 2013\n\n"
        "Acme Laboratories said it would cooperate. Acme Laboratories makes generic drugs.\n\n"
        "The Northgate Drug Administration found no test failures in the Acme drug samples it examined, "
        "an agency spokesman said.\n\n"
        "Jane Roe, who left Acme Laboratories days before publication, said she had not intended any harm.\n")
    said = {s.text[:16]: (s.organization, s.role)
            for s in run([tmp_path], options=ScanOptions(use_cache=False)).statements}
    assert said["The Northgate Dr"] == ("Northgate Drug Administration", "third-party")
    assert said["Jane Roe, who le"] == ("", "third-party")


def test_a_laboratory_or_centre_given_an_owner_by_the_possessive_is_its_unit() -> None:
    from claimcheck.ingest.relations import ownership
    text = ("Early results of a peer review at Acme's Jet Research\nLaboratory point to units. Then Globex's "
            "Flight Systems Division said so. Acme's Chief Executive said nothing.")
    assert ownership(text) == (("Jet Research Laboratory", "Acme"), ("Flight Systems Division", "Globex"))


def test_a_name_of_clipped_words_is_the_organization_its_full_name_and_initials_name() -> None:
    from collections import Counter

    from claimcheck.corpus.orgs import canonical_orgs, org_families
    names = ["ASU"] * 17 + ["Acme State"] * 9 + ["Acmeville State University"] * 8 + ["Acme Stores"] * 3
    canon = canonical_orgs(names)
    families = org_families(canon, Counter(names))
    named = {n: families.get(canon[n], canon[n]) for n in set(names)}
    # one organization, named as the texts write it, not by an e-mail address's initials
    assert named["ASU"] == named["Acme State"] == named["Acmeville State University"] == "Acme State"
    assert named["Acme Stores"] != "Acme State"  # "stores" is no clipping of "state"


def test_a_later_record_revises_a_figure_given_as_preliminary_and_refutes_a_standing_one() -> None:
    record = _st("i", "internal", "The volume of ash that left the cell is about 5.4 million cubic yards.",
                 dt.date(2008, 12, 25), topics=("ash", "cell", "volume"), modality="figure", verbs=("leave",),
                 quantities=(Quantity(5.4e6, "cubic yard", True, "5.4"),))
    preliminary = _st("p", "public", "Our preliminary estimate is that roughly 1.7 million cubic yards of ash left the "
                      "cell.", dt.date(2008, 12, 22), topics=("ash", "cell", "estimate"), modality="figure",
                      verbs=("leave",), quantities=(Quantity(1.7e6, "cubic yard", True, "1.7"),))
    standing = _st("q", "public", "About 1.7 million cubic yards of ash left the cell.", dt.date(2008, 12, 22),
                   topics=("ash", "cell"), modality="figure", verbs=("leave",),
                   quantities=(Quantity(1.7e6, "cubic yard", True, "1.7"),))
    flags = [(f.public, f.type) for f in detect(align([record, preliminary, standing], min_topic=0.0), RULES)
             if f.level != "candidate"]
    assert ("p", "numeric-mismatch") not in flags
    assert ("q", "numeric-mismatch") in flags


def test_a_wire_credit_is_no_storys_subject_and_a_brand_in_lower_case_signs_its_release(tmp_path: Path) -> None:
    (tmp_path / "2022-03-17-fw.eml").write_text(
        "From: Jim Poe <jim.poe@acme.com>\nTo: Security <security@acme.com>\nDate: Thu, 17 Mar 2022 09:00:00 +0000\n"
        "Subject: FW: summary\n\nThe attacker had access to the engineer's laptop for five days.\n")
    (tmp_path / "2022-03-23-story.txt").write_text(
        "Acme shares fall after breach disclosure\n\nMarch 23 (Reuters) - Shares of Acme Inc fell about 9% on Wednesday "
        "after the company said a breach may have hit customers. Reuters reported the figures.\n\n"
        "Acme's security chief, Jane Roe, wrote in a late Tuesday update that 366 customers may be affected.\n")
    (tmp_path / "2013-03-18-release.md").write_text(
        "---\ntitle: Black pants shortage\ndate: 2013-03-18\nsource: press release\n"
        "author: globex athletica inc. Investor Relations\n---\n\nThe affected items make up about 17% of all bottoms.\n")
    said = {s.text[:16]: (s.speaker, s.organization) for s in run([tmp_path], options=ScanOptions(use_cache=False)).statements}
    assert said["Acme's security "] == ("Jane Roe", "Acme")
    docs = {d.path.rsplit("/", 1)[-1]: d.organization for d in _docs(tmp_path)}
    assert docs["2013-03-18-release.md"] == "globex athletica inc"



def test_a_unit_under_a_letterhead_in_capitals_joins_the_parent_its_initials_spell() -> None:
    from collections import Counter

    from claimcheck.corpus.orgs import org_families
    names = ["Northgate Valley Authority"] * 5 + ["Nva Fossil Power Group"] * 2  # "NVA FOSSIL POWER GROUP"
    families = org_families({n: n for n in names}, Counter(names))
    assert families["Nva Fossil Power Group"] == "Northgate Valley Authority"


def test_a_revision_explained_is_not_strained_by_a_record_of_the_event_on_stance_alone() -> None:
    log = _st("i", "internal", "00:55 Report from ash area: dike failure at dredge cell, north side; ash released.",
              dt.date(2008, 12, 22), topics=("ash", "dike", "failure", "cell"), modality="report")
    revision = _st("p", "public", "A spokesman said the first figure had been an estimate based on what the utility "
                   "learned of the dike failure and the ash cell that day.", dt.date(2008, 12, 26),
                   topics=("ash", "dike", "failure", "cell", "figure"), modality="knowledge", predicate="learn",
                   verbs=("learn",))
    plain = _st("q", "public", "So far, the utility said, it learned of the dike failure and the ash cell only on "
                "December 26.",
                dt.date(2008, 12, 26), topics=("ash", "dike", "failure", "cell"), modality="knowledge",
                predicate="learn", verbs=("learn",))
    flags = [f.public for f in detect(align([log, revision, plain], min_topic=0.0), RULES) if f.level != "candidate"]
    assert "p" not in flags
    assert "q" in flags


def test_a_degree_after_a_senders_name_is_not_part_of_it() -> None:
    from claimcheck.ingest.email.addresses import display_name
    assert display_name('"Jane Roe, M.D."') == "Jane Roe"
    assert display_name("John Doe PhD") == "John Doe"
    assert display_name("Roe, Jane") == "Jane Roe"
    assert display_name("Ed Ward") == "Ed Ward"


def test_a_releases_own_analysis_speaks_for_the_company(tmp_path: Path) -> None:
    (tmp_path / "2021-03-25-release.txt").write_text(
        "FOR IMMEDIATE RELEASE\n\nAcme \u2014 25 March 2021\n\nAZD US Phase III primary analysis confirms efficacy\n\n"
        "The primary analysis of the US Phase III trial of AZD, based on 190\nsymptomatic cases among 32,449 "
        "participants, confirms the vaccine's\nefficacy at 76% against symptomatic disease, consistent with the "
        "interim\nanalysis announced on 22 March.\n")
    report = run([tmp_path], options=ScanOptions(use_cache=False))
    said = [(s.organization, s.role) for s in report.statements if s.text.startswith("The primary")]
    # the release's own voice (placed by the organization its text names), not "analysis", a third party
    assert len(said) == 1 and said[0][1] == "claim" and said[0][0][:1].isupper()
