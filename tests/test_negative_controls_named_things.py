"""A record strains a denial only when it tells of what the denial is about (issue 15; what set 70's
negative control showed, read generically): "Mobile-ID is not affected" is about a thing it names, so a
record that 750,000 cards are affected shows nothing it denied; "Mobile-ID and older cards are not
affected" in a record says nothing against "the issue concerns 750,000 cards issued from 2014"; "according
to what we know now, nobody's identity has been misused" is a denial as far as known, no account of when
anything was learned; a denial that a harm happened ("misused", "materialised") is not strained by a record
of the weakness alone. Each test asserts on detect's findings (or the stance it reads) and keeps a pair
that must still be flagged beside the one that must not."""

from __future__ import annotations

import datetime as dt

from claimcheck.align import align
from claimcheck.detect import detect
from claimcheck.detect.stance import stance_of
from claimcheck.models import DateMention, DateValue, Frame, Quantity, Source, Statement
from claimcheck.ruleset import load_rules

RULES = load_rules()
_TOPICS = ("id card", "card", "chip")


def _st(sid: str, kind: str, text: str, day: dt.date, topics: tuple[str, ...] = _TOPICS, **frame: object) -> Statement:
    return Statement(id=sid, document=f"doc-{sid}", kind=kind, role="claim" if kind == "public" else "evidence",  # type: ignore[arg-type]
                     speaker="", organization="Northgate Identity Agency", date=DateValue.day(day, "test"), text=text,
                     source=Source(f"{sid}.txt", 1, 0, len(text)), topics=topics, frame=Frame(**frame))  # type: ignore[arg-type]


def _flags(statements: list[Statement]) -> list[tuple[str, str]]:
    return [(f.public, f.type) for f in detect(align(statements, min_topic=0.0), RULES)
            if f.level in ("contradiction", "tension")]


def test_a_denial_about_a_named_thing_is_not_strained_by_a_record_about_another() -> None:
    denial = _st("p", "public", "Cards issued before 2014 use a different chip and are not affected; Mobile-ID is not affected.",
                 dt.date(2017, 9, 5), actor="Mobile - ID", predicate="affect", object="Mobile - ID", polarity="negative",
                 modality="denial", verbs=("issue", "use", "affect"))
    cards = _st("i", "internal", "Almost 750,000 valid cards affected (citizens, residents, e-residents)", dt.date(2017, 9, 4),
                predicate="card", modality="figure", verbs=("affect", "card"),
                quantities=(Quantity(750000.0, "card", True, "750,000"),))
    assert _flags([denial, cards]) == []
    named = _st("j", "internal", "Mobile-ID accounts affected as well: the chip in the SIM cards has the same flaw.",
                dt.date(2017, 9, 4), actor="Mobile - ID accounts", predicate="affect", modality="report", verbs=("affect", "have"))
    assert _flags([denial, named]) == [("p", "denial-vs-evidence")]


def test_a_record_denying_it_of_a_thing_the_claim_never_names_is_no_contrary_record() -> None:
    claim = _st("p", "public", "The issue concerns almost 750,000 ID cards issued from October 2014, including e-resident cards.",
                dt.date(2017, 9, 5), actor="the issue", predicate="concern", object="almost 750,000 ID cards",
                modality="report", verbs=("concern", "issue", "include"))
    other = _st("i", "internal", "Mobile-ID and pre-Oct-2014 cards not affected", dt.date(2017, 9, 4),
                actor="Mobile - ID and pre - Oct-2014 cards", predicate="affect", polarity="negative", modality="denial",
                verbs=("affect",))
    assert _flags([claim, other]) == []


def test_what_is_known_now_qualifies_a_denial_and_dates_no_learning() -> None:
    said = _st("p", "public", "According to what we know now, the risk has not materialised and nobody's digital identity "
               "has been misused.", dt.date(2017, 9, 5), actor="the risk", predicate="materialise", polarity="negative",
               modality="knowledge", verbs=("accord", "know", "materialise", "misuse"))
    assert stance_of(said, RULES) == "denies"


def test_a_denial_that_a_harm_happened_is_not_strained_by_the_weakness_alone() -> None:
    denial = _st("p", "public", "According to what we know now, the risk has not materialised and nobody's digital identity "
                 "has been misused.", dt.date(2017, 9, 5), actor="the risk", predicate="materialise", polarity="negative",
                 modality="knowledge", verbs=("accord", "know", "materialise", "misuse"))
    flaw = _st("i", "internal", "Today an international research team contacted us about a flaw in the way the chip used in "
               "our ID cards generates its keys.", dt.date(2017, 8, 30), actor="an international research team",
               predicate="contact", object="us", modality="concern", verbs=("contact", "use"))
    assert _flags([denial, flaw]) == []
    misused = _st("j", "internal", "Two ID cards were misused on 2 September: someone signed contracts with the keys derived "
                  "from the flawed chip.", dt.date(2017, 9, 3), actor="two ID cards", predicate="misuse", modality="report",
                  verbs=("misuse", "sign", "derive"))
    assert _flags([denial, misused]) != []


def test_a_gap_between_two_counts_is_told_from_a_count() -> None:
    """"937,212 more breath tests than the devices registered" is a gap between two counts (the numeric rule
    compares it only with another gap, not with a record's total of 1,995,369 tests: set 33's negative pair)."""
    from claimcheck.detect.checks import _is_difference

    def q(text: str) -> Quantity:
        return Quantity(float(text.replace(",", "")), "breath test", False, text)

    assert _is_difference("The records show 937,212 more breath tests than the devices themselves registered.", q("937,212"))
    assert _is_difference("The audit found a discrepancy of 1,400 between the two systems.", q("1,400"))
    assert not _is_difference("Breath tests recorded on the system at checkpoints: 1,995,369", q("1,995,369"))
    assert not _is_difference("We ran 937,212 tests, more than in any year before.", q("937,212"))


def test_a_record_counting_none_of_it_is_no_earlier_knowledge() -> None:
    """"Guests under treatment: 0" in a ward report is no sign the company knew of a sick guest before the day
    it says it learned of one; a record that a guest tested positive is."""
    learned = _st("p", "public", "The company learned on Wednesday 29 July that a guest from the first voyage had tested "
                  "positive.", dt.date(2020, 8, 3), topics=("guest", "voyage"), actor="the company", predicate="learn", modality="knowledge",
                  verbs=("learn", "test"))
    learned = Statement(**{**learned.__dict__, "mentioned_dates": (DateMention(24, 41, DateValue.day(dt.date(2020, 7, 29), "text")),)})
    ward = _st("i", "internal", "Beds occupied: 3 (crew)     Guests under treatment: 0", dt.date(2020, 7, 21), topics=("guest", "voyage"),
               actor="beds", predicate="occupy", modality="figure", verbs=("occupy",),
               quantities=(Quantity(3.0, "crew", False, "3"), Quantity(0.0, "guest", False, "0")))
    assert _flags([learned, ward]) == []
    told = _st("j", "internal", "A guest from the first voyage has tested positive; we will not announce it on board.",
               dt.date(2020, 7, 21), topics=("guest", "voyage"), actor="a guest", predicate="test", modality="report", verbs=("test", "announce"))
    assert [t for _p, t in _flags([learned, told])] == ["knowledge-timing"]


def test_a_figure_told_with_no_act_of_its_own_counts_what_the_other_counts() -> None:
    """"We are talking about thousands of barrels" (a verb of saying, no act) against the filing's "volume
    released: 0.16 barrels": the same spill counted; a record counting barrels of something done otherwise
    ("the tanks took 3,000 barrels") is not compared by its unit alone."""
    T = ("volume", "barrel", "crude")
    filed = _st("p", "public", "Estimated volume released: 0.16 barrels of crude oil.", dt.date(2022, 1, 15), topics=T,
                actor="estimated volume", predicate="release", modality="figure", verbs=("release",),
                quantities=(Quantity(0.16, "barrel", False, "0.16"),))
    talk = _st("i", "internal", "Even on the most generous reading we are talking about thousands of barrels.",
               dt.date(2022, 1, 15), topics=T, actor="we", predicate="talk", modality="figure", verbs=("talk",),
               quantities=(Quantity(1000.0, "barrel", True, "thousands", 1000.0, None),))
    assert [t for _p, t in _flags([filed, talk])] == ["numeric-mismatch"]
    took = _st("j", "internal", "The tanks took 3,000 barrels of crude oil from the tanker.", dt.date(2022, 1, 15),
               topics=T, actor="the tanks", predicate="take", modality="figure", verbs=("take",),
               quantities=(Quantity(3000.0, "barrel", False, "3,000"),))
    assert _flags([filed, took]) == []
