"""A named person's public claim is measured against that person's own internal records, though
they share no word (issue 15; set 58's chairman, "At no time have I instructed management to
dismiss any member of staff" against his own e-mail "Get rid of her"): alignment pairs the claim
with its speaker's records nearest before it, at most two, never later ones nor another writer's;
the candidate says the record is the speaker's own. A speaker's denial of knowing is not contradicted
by their own record that agrees ("no evidence of in-plant contamination"), and a record of the evening
before "the night to 20 January" does not predate the knowing a claim dates to it. Asserts on pairs,
findings' levels and reasons."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from claimcheck.align import MAX_OWN_RECORDS, align
from claimcheck.detect import align_min_topic, detect
from claimcheck.detect.judge import _before_claimed, _own_record
from claimcheck.models import DateMention, DateValue, Frame, Source, Statement
from claimcheck.ruleset import load_rules
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


def _said_on(sid: str, kind: str, speaker: str, day: dt.date, text: str, told: dt.date | None = None,
             where: str = "") -> Statement:
    st = _st(sid, kind, speaker, day, text, ())
    if told is None:
        return st
    at = text.index(where)
    return Statement(**{**st.__dict__, "mentioned_dates": (DateMention(at, at + len(where), DateValue.day(told, "text")),)})


def test_a_record_of_the_evening_before_the_night_a_claim_dates_its_knowing_to_is_not_earlier() -> None:
    rules = load_rules([])
    claim = _said_on("p", "public", "", dt.date(2024, 1, 22),
                     "During the night to 20 January Acme became aware that a data centre had been hit.",
                     dt.date(2024, 1, 20), "20 January")
    evening = _st("i", "internal", "", dt.date(2024, 1, 19), "Alarms on the cluster; files renamed.", ())
    week = _st("j", "internal", "", dt.date(2024, 1, 12), "Alarms on the cluster; files renamed.", ())
    assert (_before_claimed(rules, claim, evening), _before_claimed(rules, claim, week)) == (False, True)


def test_the_speakers_own_record_that_agrees_with_not_knowing_is_not_a_contradiction() -> None:
    rules = load_rules([])
    claim = _st("p", "public", "Jane Roe", dt.date(1982, 10, 5),
                "We still do not know who did it, but the tampering took place after the product left our control.", ())
    agrees = _st("i", "internal", "Jane Roe", dt.date(1982, 10, 2),
                 "QA confirms retained samples from both lots clean; no evidence of in-plant contamination.", ())
    shows = _st("j", "internal", "Jane Roe", dt.date(1982, 10, 2),
                "QA found cyanide in the retained samples of both lots at the plant.", ())
    assert _own_record(rules, claim, agrees) and _own_record(rules, claim, shows)  # the speaker denies knowing, both records are hers
    judged = {i.id: _judge_level(rules, claim, i) for i in (agrees, shows)}
    assert judged["i"] in ("", "candidate") and judged["j"] in ("contradiction", "tension")


def _judge_level(rules, claim: Statement, record: Statement) -> str:
    """The level of the finding detect gives the pair ("" when none), paired by its own speaker."""
    found = detect(align([claim, record], min_topic=align_min_topic(rules)), rules)
    order = {"contradiction": 0, "tension": 1, "candidate": 2}
    return min((f.level for f in found), key=order.__getitem__, default="")
