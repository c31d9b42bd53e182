"""A pledge held to what it is about, and a shared worry word making no matter for a judgement on
stance alone (issue 15: a negative control flagged a pledge of
credits against a record of undelivered alerts). Each test asserts on detect's findings."""

from __future__ import annotations

import datetime as dt

from claimcheck.align import align
from claimcheck.detect import detect
from claimcheck.models import DateValue, Frame, Source, Statement
from claimcheck.ruleset import load_rules

RULES = load_rules()


def _st(sid: str, kind: str, text: str, day: dt.date, *, topics: tuple[str, ...], **frame: object) -> Statement:
    return Statement(id=sid, document=f"doc-{sid}", kind=kind, role="claim" if kind == "public" else "evidence",  # type: ignore[arg-type]
                     speaker="", organization="Acme", date=DateValue.day(day, "test"), text=text,
                     source=Source(f"{sid}.txt", 1, 0, len(text)), topics=topics, frame=Frame(**frame))  # type: ignore[arg-type]


def _flags(statements: list[Statement]) -> list[tuple[str, str, tuple[str, ...]]]:
    return [(f.public, f.type, f.internal) for f in detect(align(statements, min_topic=0.0), RULES)
            if f.level != "candidate"]


def test_a_pledge_is_broken_only_by_a_record_of_what_it_pledged() -> None:
    pledge = _st("p", "public", "Every customer affected will receive a credit on their account automatically.",
                 dt.date(2022, 7, 9), topics=("customer", "credit", "account"), predicate="receive",
                 verbs=("affect", "receive"), object="a credit", modality="commitment")
    other = _st("i", "internal", "Calls failed for some customer accounts; four public alerts were not delivered.",
                dt.date(2022, 7, 15), topics=("customer", "account", "public alert", "alert"), predicate="deliver",
                verbs=("fail", "deliver"), object="four public alerts", modality="concern", polarity="negative")
    assert _flags([pledge, other]) == []
    same = _st("j", "internal", "The credits to customers were not delivered.", dt.date(2022, 7, 15),
               topics=("customer", "credit"), predicate="deliver", verbs=("deliver",), object="the credits",
               modality="concern", polarity="negative")
    assert _flags([pledge, same]) == [("p", "commitment-vs-action", ("j",))]


def test_a_pledge_to_keep_going_is_not_broken_by_another_activity_stopping() -> None:
    pledge = _st("p", "public", "The company said it would credit customers automatically.", dt.date(2022, 7, 11),
                 topics=("credit", "service", "outage"), predicate="credit", object="customers",
                 modality="commitment")
    stopped = _st("i", "internal", "Core routers ran out of memory and stopped forwarding traffic.",
                  dt.date(2022, 7, 15), topics=("router", "traffic", "service", "outage"), predicate="stop",
                  verbs=("stop", "forward"), modality="action")
    assert _flags([pledge, stopped]) == []


def test_sharing_only_a_worry_word_makes_no_matter_for_a_stance_alone() -> None:
    claim = _st("p", "public", "This is an industry-wide issue and not one that is unique to Acme.", dt.date(2021, 4, 2),
                topics=("issue", "problem"), predicate="be", modality="denial", polarity="negative")
    record = _st("i", "internal", "The posts are a problem and an issue: they put the brand at risk.",
                 dt.date(2021, 3, 26), topics=("issue", "problem", "post", "brand"), predicate="put",
                 modality="report")
    assert _flags([claim, record]) == []



def test_a_pledge_to_keep_something_stopped_is_kept_by_a_record_that_it_stopped() -> None:
    """Set 65's negative control: "the siren system will stay off while it is secured and tested"
    against a later memo that staff disabled the system: the record agrees with the pledge (the
    phrases are rules/stance.yaml's kept_stopped). A pledge to keep it going is still strained."""
    def pledge(text: str) -> Statement:
        return _st("p", "public", text, dt.date(2017, 4, 8), topics=("siren system", "system", "siren"),
                   predicate="stay", object="", actor="The siren system", modality="commitment")
    stopped = _st("i", "internal", "Staff disabled the siren system at the repeaters; the last siren stopped.",
                  dt.date(2017, 4, 10), topics=("siren system", "system", "siren", "repeater"), predicate="stop",
                  verbs=("disable", "stop"), actor="the last siren", modality="action")
    assert _flags([pledge("The siren system will stay off while it is secured and tested."), stopped]) == []
    assert _flags([pledge("The siren system will stay on while it is secured and tested."), stopped]) != []
