"""Internal record forms read as records with no configuration (issue 14): meeting and call
notes, minutes, logs, case notes, working documents; notices stay unclassified."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck.extract import ExtractSettings, extract_batch
from claimcheck.ingest import ingest_paths
from claimcheck.ingest.text import record_form

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
