"""What a negative control's records say in agreement is no strain (issue 15; what sets 66, 68 and 69's
negative controls showed, read generically): a record "Extortion demand -- NOT paying" keeps a pledge
"we will not pay it"; a record that a client's access was suspended breaks no pledge to notify
individuals; "as soon as we discovered the incident we suspended the access" dates no learning a record
could come before; a write-up of the outage that prompted a pledge, dated in its own words to the day
before it, tells no stop after it; an admitted lapse ("the foreman did not double-check") is no denial.
The statements carry the frames the reader gave the cases' own sentences; each test asserts on detect's
findings, and each keeps a pair that must still be flagged beside the one that must not."""

from __future__ import annotations

import datetime as dt

from claimcheck.align import align
from claimcheck.detect import detect
from claimcheck.detect.stance import stance_of
from claimcheck.models import DateMention, DateValue, Frame, Quantity, Source, Statement
from claimcheck.ruleset import load_rules

RULES = load_rules()


def _st(sid: str, kind: str, text: str, day: dt.date, *, topics: tuple[str, ...], dates: tuple[DateMention, ...] = (),
        **frame: object) -> Statement:
    return Statement(id=sid, document=f"doc-{sid}", kind=kind, role="claim" if kind == "public" else "evidence",  # type: ignore[arg-type]
                     speaker="", organization="Acme", date=DateValue.day(day, "test"), text=text,
                     source=Source(f"{sid}.txt", 1, 0, len(text)), topics=topics, frame=Frame(**frame),  # type: ignore[arg-type]
                     mentioned_dates=dates)


def _flags(statements: list[Statement]) -> list[tuple[str, str, tuple[str, ...]]]:
    return [(f.public, f.type, f.internal) for f in detect(align(statements, min_topic=0.0), RULES)
            if f.level in ("contradiction", "tension")]


def test_a_record_that_keeps_a_pledge_in_capitals_is_no_breach() -> None:
    pledge = _st("p", "public", "We have received an extortion demand and we will not pay it.", dt.date(2022, 3, 17),
                 topics=("extortion demand", "demand", "extortion"), actor="we", predicate="pay",
                 object="an extortion demand", polarity="negative", modality="commitment", verbs=("receive", "pay"))
    kept = _st("i", "internal", "Extortion demand USD 15m -- NOT paying (unchanged)", dt.date(2022, 3, 16),
               topics=("extortion demand", "demand", "extortion"), predicate="demand", modality="figure",
               verbs=("pay", "demand"), quantities=(Quantity(15000000.0, "usd", False, "15"),))
    assert _flags([pledge, kept]) == []
    paid = _st("j", "internal", "Extortion demand USD 15m -- paying today through the broker", dt.date(2022, 3, 18),
               topics=("extortion demand", "demand", "extortion"), predicate="pay", modality="action",
               verbs=("pay", "demand"))
    assert _flags([pledge, paid]) == [("p", "commitment-vs-action", ("j",))]


def test_a_record_of_a_clients_access_suspended_breaks_no_pledge_to_notify_people() -> None:
    pledge = _st("p", "public", "We will notify and assist individuals whose personal information may have been affected.",
                 dt.date(2022, 3, 17), topics=("personal information", "information", "individual"), actor="we",
                 predicate="notify", modality="commitment", verbs=("notify", "assist"))
    other = _st("i", "internal", "Client access suspended; forensic firm engaged; the Information Regulator engaged.",
                dt.date(2022, 3, 20), topics=("information", "client access", "regulator"), modality="report")
    assert stance_of(other, RULES) == "halts"
    assert _flags([pledge, other]) == []
    same = _st("j", "internal", "Notifications to individuals suspended until the count is final.", dt.date(2022, 3, 20),
               topics=("information", "individual", "notification"), modality="report")
    assert [t for _p, t, _i in _flags([pledge, same])] == ["commitment-vs-action"]


def test_what_was_done_on_learning_dates_no_learning() -> None:
    claim = _st("p", "public", "As soon as we discovered the incident we suspended that client's access and brought in "
                "forensic specialists.", dt.date(2022, 3, 17), topics=("incident", "client", "access", "server"),
                predicate="soon", modality="knowledge", verbs=("discover", "bring"))
    record = _st("i", "internal", "Entry was made with the valid log-in of an authorised client. The server holding the "
                 "data was accessed and data was stolen.", dt.date(2022, 3, 15),
                 topics=("incident", "client", "access", "server"), modality="report")
    assert stance_of(claim, RULES) == "claims-learned" and stance_of(record, RULES) == "harm"
    assert _flags([claim, record]) == []


def test_a_write_up_of_the_stop_that_prompted_a_pledge_tells_no_stop_after_it() -> None:
    pledge = _st("p", "public", "Acme has put extra monitoring on all traffic and will investigate how access can be "
                 "further safeguarded, including a backup route.", dt.date(2019, 6, 25),
                 topics=("traffic", "access", "route", "monitoring"), actor="Acme", predicate="investigate",
                 object="how access can be further safeguarded", modality="commitment", verbs=("put", "investigate"))
    text = "Between 15:34 and 18:52 on Monday 24 June 2019 the routing platform stopped routing traffic."
    at = text.index("Monday 24 June 2019")
    told = (DateMention(at, at + len("Monday 24 June 2019"), DateValue.day(dt.date(2019, 6, 24), "text")),)
    before = _st("i", "internal", text, dt.date(2019, 7, 15), topics=("traffic", "route", "routing platform", "access"),
                 dates=told, modality="report")
    assert stance_of(before, RULES) == "halts"
    assert _flags([pledge, before]) == []


def test_an_admitted_lapse_is_no_denial() -> None:
    admitted = _st("p", "public", "On 3 March, while testing the adjacent switch, workers closed it without the gas "
                   "having been restored, and the foreman on duty did not double-check the equipment status.",
                   dt.date(2022, 3, 10), topics=("switch", "gas", "equipment"), actor="workers", predicate="close",
                   object="the adjacent switch", modality="concern", verbs=("test", "close", "restore", "check"))
    assert stance_of(admitted, RULES) != "denies"
    denied = _st("q", "public", "We can say that the workers followed the procedure and that no switch was closed "
                 "without the gas restored.", dt.date(2022, 3, 10), topics=("switch", "gas"), actor="we",
                 predicate="say", modality="report", verbs=("say", "follow", "close"))
    assert stance_of(denied, RULES) == "denies"
