"""A named person's public claim is measured against that person's own internal records, though
they share no word (issue 15; set 58's chairman, "At no time have I instructed management to
dismiss any member of staff" against his own e-mail "Get rid of her"): alignment pairs the claim
with its speaker's records nearest before it, at most two, never later ones nor another writer's;
the candidate says the record is the speaker's own. Asserts on pairs and on findings' reasons."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from claimcheck.align import MAX_OWN_RECORDS, align
from claimcheck.models import DateValue, Frame, Source, Statement
from folder_helpers import one as _one, report as _report


def _st(sid: str, kind: str, speaker: str, day: dt.date, text: str, topics: tuple[str, ...]) -> Statement:
    return Statement(id=sid, document=f"doc-{sid}", kind=kind,  # type: ignore[arg-type]
                     role="claim" if kind == "public" else "evidence", speaker=speaker, organization="Acme",
                     date=DateValue.day(day, "document"), text=text, source=Source(f"{sid}.txt", 1, 0, len(text)),
                     topics=topics, frame=Frame(predicate="instruct", polarity="negative", modality="denial"))


def _pairs(statements: list[Statement]) -> set[tuple[str, str]]:
    return {(p.public, p.internal) for p in align(statements, min_topic=0.2).pairs}


def test_a_claim_is_paired_with_its_speakers_own_earlier_records_only() -> None:
    claim = _st("p", "public", "Jane Roe", dt.date(2018, 9, 27),
                "At no time have I instructed management to dismiss any member of staff.", ("management", "staff"))
    own = [_st(f"own{n}", "internal", "Jane Roe", dt.date(2018, 5, n + 1), "Get rid of her.", ("her",))
           for n in range(MAX_OWN_RECORDS + 2)]
    later = _st("later", "internal", "Jane Roe", dt.date(2018, 10, 1), "Let us talk about the budget.", ("budget",))
    other = _st("other", "internal", "John Doe", dt.date(2018, 5, 8), "Get rid of him.", ("him",))
    pairs = _pairs([claim, *own, later, other])
    # the nearest before the claim, at most MAX_OWN_RECORDS; never a later record, never another writer's
    assert pairs == {("p", f"own{n}") for n in range(2, MAX_OWN_RECORDS + 2)} and len(pairs) == MAX_OWN_RECORDS > 0


def test_an_unnamed_voice_has_no_own_records() -> None:
    claim = _st("p", "public", "", dt.date(2018, 9, 27), "No one was told to dismiss staff.", ("staff",))
    record = _st("r", "internal", "", dt.date(2018, 5, 8), "Get rid of her.", ("her",))
    assert _pairs([claim, record]) == set()


@pytest.mark.model
def test_the_speakers_own_email_is_listed_against_the_denial_as_their_own(tmp_path: Path) -> None:
    _one(tmp_path, "press", "2018-09-27-statement.txt",
         "ACME BROADCASTING CORPORATION\nMedia release\nNorthgate, 27 September 2018\n\n"
         "Chairman Jane Roe said: \"At no time have I instructed management to dismiss any member of staff.\"\n")
    _one(tmp_path, "internal", "2018-05-08-thread.eml",
         "From: Jane Roe <jane.roe@acmebroadcasting.com>\nTo: John Doe <john.doe@acmebroadcasting.com>\n"
         "Date: Tue, 08 May 2018 21:14:00 +1000\nSubject: Presenter\n\n"
         "John,\n\nGet rid of her. Our job is to protect the corporation, not one presenter.\n\nJane\n")
    report = _report(tmp_path)
    by_id = {s.id: s for s in report.statements}
    listed = [f for f in report.findings if "At no time" in by_id[f.public].text
              and any("Get rid of her" in by_id[i].text for i in f.internal)]
    assert listed and all(f.level == "candidate" for f in listed)
    assert any(r.code == "own-record" and r.effect == "strengthens" for f in listed for r in f.reasons)
