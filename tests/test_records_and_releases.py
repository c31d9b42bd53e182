"""What blind set 30 showed, read generically (issue 14), each asserted on records: a unit signing
an e-mail ("Site Services") leaves the organization to the sender's domain; a log's heading names
its site's organization, under a preface; a log's fields ("Severity:") are no speakers; a company's
"Notice regarding ..." under its legal name is its release; a title "Acme statement regarding ..."
with a source naming Acme, or an author that is Acme's communications office, make a release,
and the office is no organization; a file copy is an internal record, held by the organization it was received
by; "Acme Reckitt president Jane Roe said" is Jane Roe's; "Head of Group Communications" is a
title; an organization named as the speaker of its own release is no person; "From: External
investigator (Jane Roe) - review team" is Jane Roe; "Finance Minister Jane Roe" speaks for the
Ministry of Finance; a partner named "with Globex Limited" is not the writer's organization; a
chat export's heading gives its messages' day; "Acme, Inc. (Acme Group)" is Acme, Inc.; "Rs. 2,819
crore" is one sentence; a heading line over a quotation is no part of it; "said Acme Chairman and
Founder Jane Roe" is Jane Roe's."""

from __future__ import annotations

from pathlib import Path

from claimcheck.ingest import ingest_paths
from claimcheck.ingest.headers import org_of_phrase, read_header
from claimcheck.pipeline import ScanOptions, run


def _scan(folder: Path) -> list:
    return list(run([folder], options=ScanOptions(use_cache=False)).statements)


def _docs(folder: Path) -> list:
    return [d for r in ingest_paths([folder]) for d in r.documents]


def test_a_unit_signing_an_email_leaves_the_organization_to_the_domain(tmp_path: Path) -> None:
    (tmp_path / "notice.eml").write_text(
        "From: Site Services Northgate <siteservices@acme.example>\nTo: All Staff <all@acme.example>\n"
        "Date: Mon, 21 Aug 2023 08:45:10 +0100\nSubject: Car park works\n\nHi all,\n\n"
        "The north car park will be closed for resurfacing from 4 to 8 September.\n\nThanks,\nSite Services\n",
        encoding="utf-8")
    assert [d.organization.lower() for d in _docs(tmp_path)] == ["acme"]


def test_a_logs_heading_under_a_preface_names_the_record_and_its_fields_are_no_speakers(tmp_path: Path) -> None:
    log = ("ACME CONTROL - ENGINEERING INCIDENT LOG (extract)\nCopy released with the review; times other than the\n"
           "first are approximate and names are withheld from this copy.\n\n"
           "Incident ref: ENG-2023-0828-01\nSeverity: Major - automatic processing unavailable\n"
           "Date: 28 August 2023\n\n08:32  The primary system raises a critical exception and stops.\n")
    head = read_header(log)
    assert (head.organization, head.kind) == ("Acme Control", "internal-report")
    (tmp_path / "2023-08-28-log.txt").write_text(log, encoding="utf-8")
    assert all(s.speaker != "Severity" for s in _scan(tmp_path))


def test_a_companys_notice_under_its_legal_name_is_its_release(tmp_path: Path) -> None:
    (tmp_path / "notice.txt").write_text(
        "ACME CORPORATION\nNotice regarding change of Representative Director and President\n\n"
        "Tokyo, October 14, 2011\n\nAt a meeting held today, the Board of Directors resolved to dismiss Jane Roe "
        "from her positions as President. Ms. Roe had largely diverged from the rest of the management team.\n",
        encoding="utf-8")
    assert [(d.kind, d.organization) for d in _docs(tmp_path)] == [("press-release", "Acme Corporation")]


def test_a_statement_titled_by_its_maker_or_written_by_its_office_is_a_release(tmp_path: Path) -> None:
    (tmp_path / "statement.md").write_text(
        "---\ntitle: \"Acme statement regarding certain media reports\"\ndate: 2011-10-19\n"
        "source: Acme Corporation, Tokyo\nauthor: Public Relations Office\n---\n\n"
        "All acquisitions were carried out under appropriate procedures and were accounted for properly.\n",
        encoding="utf-8")
    (tmp_path / "notice.md").write_text(
        "---\ntitle: \"Suspension of trading on October 1\"\ndate: 2020-10-01\n"
        "source: Northgate Exchange, Inc. (Northgate Group)\nauthor: NGX Corporate Communications\n---\n\n"
        "Northgate Exchange suspended trading in all listed issues for the whole of today.\n", encoding="utf-8")
    kinds = {Path(d.path).name: (d.kind, d.organization) for d in _docs(tmp_path)}
    assert kinds["statement.md"] == ("press-release", "Acme Corporation")
    assert kinds["notice.md"][0] == "press-release"


def test_a_file_copy_is_an_internal_record_of_whoever_received_it() -> None:
    head = read_header("MATERIAL SAFETY DATA SHEET - FILE COPY (PURCHASING / QA)\n\nProduct: PHMG, aqueous solution\n"
                       "Supplied via: a chemical wholesaler\nReceived by: Acme Reckitt, Purchasing\n"
                       "Section 2 - Hazards: Harmful if swallowed. Avoid inhalation of mist or spray.\n")
    assert (head.internal, head.organization) == (True, "Acme Reckitt")


def test_a_company_title_before_a_name_and_a_title_subject_give_the_person(tmp_path: Path) -> None:
    (tmp_path / "remarks.txt").write_text(
        "ACME RECKITT - REMARKS BY THE PRESIDENT\nSeoul, 2013\n\n"
        "Acme Reckitt president Jane Roe, asked by reporters about lung injuries, said:\n\n"
        "\"We thought the products were safe at the time of their sale.\"\n", encoding="utf-8")
    (tmp_path / "release.txt").write_text(
        "FOR IMMEDIATE RELEASE\n\nAcme posts strong growth\n\nNORTHGATE, October 17, 2008 -- Acme Services Ltd. "
        "today reported results for its second quarter.\n\nChairman's comment\n\"The second quarter was challenging "
        "in many respects, as problems in the US affected other regions,\" said Acme Chairman and Founder "
        "Ramesh Doe. \"Despite this background, our focus has enabled Acme to excel.\"\n", encoding="utf-8")
    said = {s.text[:20]: s.speaker for s in _scan(tmp_path)}
    assert said["We thought the produ"] == "Jane Roe"
    assert said["The second quarter w"] == "Ramesh Doe"  # not the heading above it, nor "Founder"
    assert said["Despite this backgro"] == "Ramesh Doe"


def test_titles_of_units_partners_and_parent_groups_are_no_organizations() -> None:
    assert org_of_phrase("Jane Roe, Head of Group Communications") == ""
    assert org_of_phrase("Jane Roe, Head of Communications, Acme") == "Acme"
    assert org_of_phrase("Jane Roe, Director of Acme Group") == "Acme Group"  # unchanged
    assert org_of_phrase("IT Division, with Globex Limited") == ""
    assert org_of_phrase("Northgate Exchange, Inc. (Northgate Group)") == "Northgate Exchange, Inc"
    assert org_of_phrase("Human Resources - Benefits") == ""
    assert org_of_phrase("Global IT Communications") == ""


def test_an_organization_speaking_in_its_own_release_is_no_person(tmp_path: Path) -> None:
    (tmp_path / "comment.md").write_text(
        "---\ntitle: \"Acmebank comment on questions about high-risk customers\"\ndate: 2019-03-05\n"
        "source: Acmebank Group Communications\nauthor: Jane Roe, Head of Group Communications\n---\n\n"
        "In reply to questions from a broadcaster, Acmebank states the following.\n\n"
        "Acmebank has never denied that there have been high-risk customers in the Baltic operations.\n",
        encoding="utf-8")
    said = [s for s in _scan(tmp_path) if "never denied" in s.text]
    assert said and said[0].organization == "Acmebank" and said[0].speaker != "Acmebank"


def test_an_office_holder_named_after_a_dash_and_a_minister_for_a_ministry(tmp_path: Path) -> None:
    head = read_header("PRIVILEGED & CONFIDENTIAL\n\nTO:    Acme AB - Group Executive Management\n"
                       "FROM:  External investigator (Jane Roe) - preliminary review team\nDATE:  10 December 2018\n"
                       "RE:    Findings\n\nThe review has identified extensive breaches.\n")
    assert head.author == "Jane Roe"
    (tmp_path / "2020-10-02-story.html").write_text(
        "<html><body><article><h1>Exchange resumes trading</h1><p class='byline'>By the markets desk | NORTHGATE, "
        "Oct. 2, 2020</p><p>\"It is unacceptable that trading opportunities were denied,\" Finance Minister John Doe "
        "told reporters.</p></article></body></html>", encoding="utf-8")
    said = [s for s in _scan(tmp_path) if s.speaker == "John Doe"]
    assert said and said[0].organization == "Ministry of Finance"


def test_a_chat_exports_heading_gives_its_messages_day(tmp_path: Path) -> None:
    (tmp_path / "ops-chat.txt").write_text(
        "#ops-bridge  (export, 2020-10-01, JST)\nCopy released by the inquiry. Names are role labels; times other\n"
        "than the first are approximate or invented for illustration.\n\n[07:04] Ops Monitor: ALERT - memory error on shared disk 1.\n"
        "[07:06] Ops Monitor: Disk 2 did NOT take over automatically.\n[07:10] Infra Lead: Vendor engineer paged.\n",
        encoding="utf-8")
    docs = _docs(tmp_path)
    assert {(d.kind, str(d.date.start)) for d in docs} == {("chat", "2020-10-01")} and len(docs) == 3


def test_a_rupee_figure_is_one_sentence(tmp_path: Path) -> None:
    (tmp_path / "results.txt").write_text(
        "FOR IMMEDIATE RELEASE\n\nAcme results\n\nNORTHGATE, October 17, 2008 -- Acme Ltd. today reported results.\n\n"
        "Highlights\n- Revenue was Rs. 2,819.29 crore, a year-on-year increase of 38.8%.\n"
        "- Net profit after tax was Rs. 580.9 crore, up 42.0% year on year.\n", encoding="utf-8")
    texts = {s.text for s in _scan(tmp_path)}
    assert "Revenue was Rs. 2,819.29 crore, a year-on-year increase of 38.8%." in texts
    assert "Revenue was Rs." not in texts


def test_a_chat_file_named_by_its_day_keeps_that_day_over_its_export_date(tmp_path: Path) -> None:
    (tmp_path / "2020-09-12-comms-chat.txt").write_text(
        "Teams - chat export\nConversation: \"response - working group\"\nExported by: legal hold, 2020-10-02\n\n"
        "Jane Roe 8:41 PM: draft 3 of the response is in the folder\nJohn Doe 8:43 PM: what does it say right now\n",
        encoding="utf-8")
    assert {str(d.date.start) for d in _docs(tmp_path)} == {"2020-09-12"}


def test_an_office_in_a_marking_names_no_organization() -> None:
    from claimcheck.ingest.headers import _marking_org
    assert _marking_org("STRICTLY CONFIDENTIAL - CEO OFFICE") == ""
    assert _marking_org("STRICTLY CONFIDENTIAL - NORTHGATE MOTORS") == "Northgate Motors"
