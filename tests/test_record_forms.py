"""Internal record forms read as records with no configuration (issue 14): meeting and call
notes, minutes, logs, case notes, working documents; notices stay unclassified."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck.extract import ExtractSettings, extract_batch
from claimcheck.ingest import ingest_paths
from claimcheck.ingest.text import form_kind, path_kind, record_form

CALL_NOTES = ("[Reconstruction; invented for a test.]\n"
              "Program Call Notes\nDate: 5/21/2019\nAttendees: program manager; ergonomics lead\n"
              "Result to date: the new stations reduced injuries among packers compared with control stations\n"
              "Next step: extend to 12 sites in Q3\n")
MINUTES = ("ACME CORP -- STRATEGY GROUP\nMinutes of meeting, Tuesday, October 5, 1982\n"
           "Present: J. Roe (chair), general counsel\n\n"
           "1. Scope and cost: approximately 31 million bottles in trade; retail value roughly $100 million.\n")
REVIEW = ("# Spam Prevalence Estimate -- Q1 2022\n\nVersion: final\nDate: 2022-04-19\nOwner: Health Metrics\n"
          "Distribution: Finance, Legal\n\n## Result\n- Estimated share of accounts that were spam: below 5%.\n")
NOTICE = ("NORTHGATE - FACILITIES NOTICE\nDate: 12/18/2009\n\nSubject: Holiday schedule\n\n"
          "The building will be closed on December 24 and 25. Minutes of the last safety walk are on the board.\n")
FAQ = ("Frequently asked questions: the new map\n\nHow often is it updated? Every 15 minutes. Estimated times "
       "are updated when crews arrive on site and report what they found there.\n")


@pytest.mark.parametrize("body,kind", [(CALL_NOTES, "internal-report"), (MINUTES, "internal-report"),
                                       (REVIEW, "internal-report"), (NOTICE, ""), (FAQ, "")])
def test_record_form(body, kind):
    assert record_form(body) == kind


@pytest.mark.parametrize("name,body", [("notes.txt", CALL_NOTES), ("minutes.txt", MINUTES), ("review.md", REVIEW)])
def test_record_forms_are_internal_records(tmp_path: Path, name: str, body: str) -> None:
    path = tmp_path / name
    path.write_text(body)
    docs = [d for r in ingest_paths([path]) for d in r.documents]
    assert [d.kind for d in docs] == ["internal-report"]


@pytest.mark.model
def test_a_record_line_without_a_cue_is_its_evidence(tmp_path: Path) -> None:
    path = tmp_path / "2019-05-21-call-notes.txt"
    path.write_text(CALL_NOTES)
    docs = [d for r in ingest_paths([path]) for d in r.documents]
    got = [(s.kind, s.role) for s in extract_batch(docs, settings=ExtractSettings())[0]
           if "reduced injuries among packers" in s.text]
    assert got == [("internal", "evidence")]


def test_a_notice_stays_unclassified(tmp_path: Path) -> None:
    path = tmp_path / "notice.txt"
    path.write_text(NOTICE)
    assert [d.kind for r in ingest_paths([path]) for d in r.documents] == ["unknown"]


@pytest.mark.model
def test_a_field_label_stays_in_the_citation() -> None:
    """'Low case: 1,063 bopd' is cited whole: the label says what the figure counts."""
    import datetime as dt

    from claimcheck.models import DateValue, Document

    deck = Document(id="s", path="slides.txt", kind="internal-report", organization="Acme",
                    date=DateValue.day(dt.date(2010, 4, 27), "header"),
                    text="Slide 3: Estimated flow range\n- Low case: 1,063 bopd\n- High case: 14,266 bopd\n"
                         "- Status in Europe: no campaign yet\n")
    texts = [s.text for s in extract_batch([deck], settings=ExtractSettings())[0]]
    assert "Low case: 1,063 bopd" in texts and "High case: 14,266 bopd" in texts
    assert "Status in Europe: no campaign yet" in texts


FIELD_FORM = ("[Reconstruction; invented for a test.]\nNORTHGATE DEVICES - RETURNED PRODUCT ANALYSIS\n\n"
              "Case No.: 02-0147\nDate opened: 02/28/2002\nProduct: Model 77 pump\nAnalyst: J. Roe, Returned Products Lab\n\n"
              "Finding. Two returned units show a cracked seal near the inlet.\n")
CALL_SHEET = ("PRODUCTION CALL SHEET\nProject: Acme One road footage\nClient: Acme Motor Company (Marketing)\n"
              "Shoot date: Thursday, October 12, 2017\nCall time: 05:30 crew\nDriver: N. Moss (steering only)\n\n"
              "Move plan: tow the truck to the top of the grade; release in neutral.\n")
SUBMISSION = ("ACME DEVICES\nPeriodic Report - Model 77 pump\nReporting period ending: June 2003\n"
              "Submitted to: the regulator's device office\nDate of submission: August 19, 2003\n\n"
              "The change does not affect the safety or effectiveness of the device.\n")
NEWS_PAGE = ("Title: Acme recalls pumps\nPublished: 2003-08-19\nAuthor: Jane Roe\nURL: https://example.org/a\n"
             "Section: Business\nTags: recalls\n\nAcme recalled its pumps on Tuesday, the company said.\n")
TRANSCRIPT = ("MR. ROE: Thank you.\nMS. DOE: Good morning.\nMR. SMITH: Let us begin.\nDR. LEE: Thank you, chair.\n"
              "MR. ROE: The pump is safe.\n")


@pytest.mark.parametrize("body,kind", [(FIELD_FORM, "internal-report"), (CALL_SHEET, "internal-report"),
                                       (SUBMISSION, "filing"), (NEWS_PAGE, ""), (TRANSCRIPT, ""), (NOTICE, "")])
def test_form_kind(body, kind):
    """A form's field lines make an internal record, "Submitted to:" a filing; a page's furniture
    and a transcript's speaker turns do not."""
    assert form_kind(body) == kind


@pytest.mark.parametrize("name,body,kind", [("fdn.txt", FIELD_FORM, "internal-report"),
                                            ("callsheet.txt", CALL_SHEET, "internal-report"),
                                            ("annual.txt", SUBMISSION, "filing")])
def test_forms_no_other_sign_classifies(tmp_path: Path, name: str, body: str, kind: str) -> None:
    path = tmp_path / name
    path.write_text(body)
    assert [d.kind for r in ingest_paths([path]) for d in r.documents] == [kind]


RELEASE_NOTES = ("# Edge Release Notes - 2021.05.12\n\n**Date:** 2021-05-12\n**Owner:** Delivery Engineering\n"
                 "**Rollout:** staged, canary sites first\n**Change ticket:** CHG-1\n\n## Summary\n\nA routine release.\n")
SOCIAL_POST = ("Platform: video site (Acme Motor official page)\nPosted: January 25, 2018 at 9:02 AM\n"
               "Title: Acme One In Motion\n\nPost text:\nAcme One In Motion. No problem climbing a 7% grade.\n")
AD = ("Full-page advertisement, two national dailies, Friday 23 February 2018\n\nCopy:\n"
      "We owe a massive apology to our customers.\n")
STATUS = ("status.northgate.example - incident history\nIncident: Elevated errors\nJune 8, 2021 (times UTC)\n\n"
          "09:58  Investigating - We are looking into a possible impact on our services.\n")


@pytest.mark.parametrize("body,kind", [(RELEASE_NOTES, "internal-report"), (SOCIAL_POST, "post"), (AD, "post"),
                                       (STATUS, "post")])
def test_form_kind_own_publications_and_bold_labels(body, kind):
    """An organization's own publication named by its genre (an advertisement, a social post,
    a status page) is its public word; '**Owner:**' labels are a form's fields too."""
    assert form_kind(body) == kind


@pytest.mark.parametrize("name,body,org", [("status.txt", STATUS, "Northgate"), ("post.txt", SOCIAL_POST, "Acme Motor")])
def test_own_publication_names_its_publisher(tmp_path: Path, name: str, body: str, org: str) -> None:
    """A status page is its host's ("status.northgate.example" -> Northgate); a post, the account's owner."""
    path = tmp_path / name
    path.write_text(body)
    assert [(d.kind, d.organization) for r in ingest_paths([path]) for d in r.documents] == [("post", org)]


@pytest.mark.parametrize("display,kind", [("internal/2018-02-20-status.txt", "internal-report"),
                                          ("memos/2001-08-15-letter-to-the-chairman.txt", "internal-report"),
                                          ("2019-05-21-call-notes.txt", "internal-report"),
                                          ("press/2020-statement.md", "post"),
                                          ("internal/2021-09-it-notice-vpn.txt", ""),
                                          ("news/2020-story.txt", ""),
                                          ("press-cases/acme/2020-story.txt", "")])
def test_path_kind(display: str, kind: str) -> None:
    """A text nothing else classified takes its kind from its own folder or name; a notice stays
    unclassified, and a case folder's name higher up says nothing."""
    assert path_kind(display, "Body of the text, with nothing in it that tells its kind.\n") == kind


def test_a_text_under_an_internal_folder_is_an_internal_record(tmp_path: Path) -> None:
    (tmp_path / "internal").mkdir()
    path = tmp_path / "internal" / "2001-08-15-letter.txt"
    path.write_text("Dear Chairman,\n\nI am worried that we will collapse in a wave of accounting problems.\n")
    assert [d.kind for r in ingest_paths([tmp_path]) for d in r.documents] == ["internal-report"]


def test_explain_says_a_kind_came_from_the_folder(tmp_path: Path) -> None:
    import json

    from click.testing import CliRunner

    from claimcheck.cli import cli
    (tmp_path / "internal").mkdir()
    path = tmp_path / "internal" / "2001-08-15-letter.txt"
    path.write_text("Dear Chairman,\n\nI am worried that we will collapse in a wave of accounting problems.\n")
    out = CliRunner().invoke(cli, ["explain", str(path), "--format", "json", "--model", "none"])
    [doc] = json.loads(out.output)["documents"]
    assert doc["kind"] == "internal-report" and "folder or name" in doc["kind_source"]


def test_a_monologue_is_spoken_by_whoever_introduces_themself(tmp_path: Path) -> None:
    """A video message's transcript names no author in a header; 'Hello, I'm Jane Roe, chief
    executive of Acme Air.' does, and its title line names the organization."""
    path = tmp_path / "2016-08-09-video.txt"
    path.write_text("Acme Air - video message from the chief executive to customers\nTranscript, August 9, 2016\n\n"
                    "Hello, I'm Jane Roe, chief executive of Acme Air.\n\nWe are sorry, and we are investigating why.\n")
    assert [(d.kind, d.author, d.organization) for r in ingest_paths([path]) for d in r.documents] == \
        [("speech", "Jane Roe", "Acme Air")]
