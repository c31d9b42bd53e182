"""Figures compared only with the same measured thing (issue 15 point 2): how a figure and its
unit are read (ranges, unit symbols, a count after a label), and when two figures are one count:
the same named measure, a happening counted by its own name, the same period, a figure called
false that the record gives."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from claimcheck.align import align
from claimcheck.detect import detect, judge_pair
from claimcheck.models import DateValue, Frame, Quantity, Source, Statement
from claimcheck.ruleset import load_rules

RULES = load_rules()


def st(sid: str, kind: str, text: str, *, date: str, org: str = "Acme", topics: tuple[str, ...] = (),
       **frame: object) -> Statement:
    y, m, d = (int(x) for x in date.split("-"))
    return Statement(id=sid, document=f"doc-{sid}", kind=kind, role="claim" if kind == "public" else "evidence",  # type: ignore[arg-type]
                     speaker="", organization=org, date=DateValue.day(dt.date(y, m, d), "test"), text=text,
                     source=Source(f"{sid}.txt", 1, 0, len(text)), topics=topics, frame=Frame(**frame))  # type: ignore[arg-type]


def flags(*sts: Statement) -> list[tuple[str, str, tuple[str, ...]]]:
    return [(f.type, f.level, tuple(r.code for r in f.reasons if r.effect == "weakens"))
            for f in detect(align(list(sts), min_topic=0.1, noun_families=RULES.noun_family_of()), RULES)
            if f.level != "candidate"]


# ------------------------------------------------------------------ ranges
RANGE_P = st("p", "public", "Acme said its old method had overstated average viewing time by between 60% and 80%.",
             date="2016-09-22", topics=("viewing time", "method"), predicate="overstate", modality="figure",
             quantities=(Quantity(60, "percent", text="60", low=60, high=80),))


def _record(low: float, high: float) -> Statement:
    return st("i", "internal", f"The old viewing time number was overstated by roughly {low:g}% at the low end "
                               f"and up to about {high:g}%.", date="2016-08-09", topics=("viewing time", "number"),
              predicate="overstate", modality="figure",
              quantities=(Quantity(low, "percent", approx=True, text=f"{low:g}", low=low, high=high),))


def test_a_range_apart_from_the_records_range_is_a_mismatch() -> None:
    assert flags(RANGE_P, _record(150, 900)) == [("numeric-mismatch", "contradiction", ())]


def test_a_range_overlapping_the_records_range_agrees() -> None:
    assert flags(RANGE_P, _record(70, 120)) == []


# ------------------------------------------------------------------ a figure called false
DENIED = st("p", "public", "The claim that Acme runs only 15 tests on its own device is false.", date="2015-10-15",
            topics=("test", "device"), predicate="be", verbs=("run", "be"), modality="denial", polarity="negative",
            quantities=(Quantity(15, "test", text="15"),))
TALLY = st("i", "internal", "The December tally showed the device was routinely used for only 15 tests that month.",
           date="2014-12-31", topics=("test", "device", "tally"), predicate="show", verbs=("show", "use", "run"),
           modality="figure", quantities=(Quantity(15, "test", text="15"),))


def test_a_figure_called_false_that_an_earlier_record_gives_is_flagged() -> None:
    found = flags(DENIED, TALLY)
    assert ("numeric-mismatch", "contradiction", ()) in found
    j = judge_pair(DENIED, TALLY, RULES, paired=True)
    assert j.type == "numeric-mismatch" and "figure-denied" in {r.code for r in j.reasons}


def test_a_figure_called_false_is_not_refuted_by_another_number_a_later_record_or_a_denied_record() -> None:
    other = dataclasses.replace(TALLY, frame=dataclasses.replace(TALLY.frame, quantities=(Quantity(190, "test", text="190"),)),
                                text=TALLY.text.replace("15", "190"))
    later = dataclasses.replace(TALLY, date=DateValue.day(dt.date(2016, 1, 5), "test"))
    untrue = dataclasses.replace(TALLY, text="It is not true that the tally showed only 15 tests that month.")
    for record in (other, later, untrue):
        assert "figure-denied" not in {r.code for r in judge_pair(DENIED, record, RULES, paired=True).reasons}


def test_a_count_of_one_named_thing_in_other_words_is_the_shared_matter() -> None:
    """'15 tests' and 'assays run this month: 15' (one noun family) share their matter by what
    they count, though the record shares no key term; 15 percent in both shares nothing."""
    assays = st("i", "internal", "Assays routinely run on the unit this month: 15.", date="2014-12-31",
                topics=("assay", "unit"), predicate="run", verbs=("run",), modality="figure",
                quantities=(Quantity(15, "assay", text="15"),))
    j = judge_pair(DENIED, assays, RULES, paired=True)
    assert j.type == "numeric-mismatch" and j.level == "contradiction"
    share = dataclasses.replace(assays, text="Share of runs on the unit this month: 15 percent.", topics=("share",),
                                frame=dataclasses.replace(assays.frame, quantities=(Quantity(15, "percent", text="15"),)))
    pct = dataclasses.replace(DENIED, text="The claim that Acme runs only 15 percent of its work on its own device is false.",
                              frame=dataclasses.replace(DENIED.frame, quantities=(Quantity(15, "percent", text="15"),)))
    assert judge_pair(pct, share, RULES, paired=True).type != "numeric-mismatch"


# ------------------------------------------------------------------ a happening counted by its name; periods
DEATHS_P = st("p", "public", "The company is aware of 10 infant deaths in the sleeper that have occurred since 2015.",
              date="2019-04-05", topics=("sleeper", "infant death"), predicate="be", verbs=("be", "occur"),
              modality="figure", quantities=(Quantity(10, "infant death", text="10"),))
FATAL_I = st("i", "internal", "Fatalities reported to us in the sleeper since launch in 2009: 32.", date="2019-04-03",
             topics=("sleeper", "fatality"), predicate="report", verbs=("report",), modality="figure",
             quantities=(Quantity(32, "fatality", text="32"),))


def test_deaths_and_fatalities_over_different_periods_are_at_most_a_tension_with_the_scope() -> None:
    assert flags(DEATHS_P, FATAL_I) == [("numeric-mismatch", "tension", ("scope",))]


def test_deaths_and_fatalities_over_one_period_are_one_count() -> None:
    same = dataclasses.replace(FATAL_I, text="Fatalities reported to us in the sleeper since 2015: 32.")
    assert flags(DEATHS_P, same) == [("numeric-mismatch", "contradiction", ())]


def test_counts_of_a_thing_that_is_no_happening_need_the_same_verb() -> None:
    """'10 units shipped' and 'units returned: 32': two counts of one noun, not of one happening."""
    p = dataclasses.replace(DEATHS_P, text="The company shipped 10 units of the sleeper since 2015.",
                            frame=dataclasses.replace(DEATHS_P.frame, predicate="ship", verbs=("ship",),
                                                      quantities=(Quantity(10, "unit", text="10"),)))
    i = dataclasses.replace(FATAL_I, text="Units returned to us since 2015: 32.",
                            frame=dataclasses.replace(FATAL_I.frame, predicate="return", verbs=("return",),
                                                      quantities=(Quantity(32, "unit", text="32"),)))
    assert flags(p, i) == []


# ------------------------------------------------------------------ one measure named by its initials
RATING_P = st("p", "public", "Noise Reduction Rating of 22 dB when worn as directed.", date="2003-01-01",
              topics=("noise",), predicate="rate", verbs=("wear",), modality="figure",
              quantities=(Quantity(22, "decibel", text="22"),))
NRR_I = st("i", "internal", "Result: computed NRR 10.9 dB. Test terminated before completion.", date="2000-02-01",
           topics=("result", "test"), predicate="terminate", verbs=("terminate", "compute"), modality="figure",
           quantities=(Quantity(10.9, "decibel", text="10.9"),))


def test_a_measure_and_its_acronym_are_one_measure() -> None:
    assert flags(RATING_P, NRR_I) == [("numeric-mismatch", "contradiction", ())]


def test_another_measure_in_the_same_unit_is_not_compared() -> None:
    """'computed SPL 10.9 dB' is another measure than the Noise Reduction Rating."""
    spl = dataclasses.replace(NRR_I, text="Result: computed SPL 10.9 dB. Test terminated before completion.")
    assert flags(RATING_P, spl) == []


# ------------------------------------------------------------------ how figures are read (needs the model)
@pytest.fixture(scope="module")
def nlp():
    from claimcheck.nlp import load_pipeline
    return load_pipeline().nlp


def _read(nlp, text: str) -> list[tuple[float, str, float | None, float | None]]:
    from claimcheck.extract.frame import quantities_of
    return [(q.value, q.unit, q.low, q.high) for q in quantities_of(nlp(text)[:], ("about", "roughly"))]


@pytest.mark.model
def test_reading_ranges_unit_symbols_and_counts_after_a_label(nlp) -> None:
    assert _read(nlp, "It had overstated viewing time by between 60% and 80%.") == [(60, "percent", 60, 80)]
    assert _read(nlp, "It was inflated by roughly 150% at the low end and up to about 900% for some pages.") \
        == [(150, "percent", 150, 900)]
    assert _read(nlp, "Result (closed end, 8 subjects): computed NRR 10.9 dB") == \
        [(8, "subject", None, None), (10.9, "decibel", None, None)]
    assert _read(nlp, "Fatalities reported to us in or near the sleeper since launch in 2009: 32.") == \
        [(32, "fatality", None, None)]
    assert _read(nlp, "Low case: 1,063 bopd - High case: 14,266 bopd") == \
        [(1063, "barrel/day", None, None), (14266, "barrel/day", None, None)]
    # "up to" with no smaller figure before it stays an upper bound
    assert _read(nlp, "The leak could reach up to 60,000 barrels.") == [(60000, "barrel", None, 60000)]


@pytest.mark.model
def test_scaled_figures_count_what_the_scale_counts(nlp) -> None:
    # "57M rider records": the scale letter is no part of the unit; "~600k driver license numbers": a
    # scaled figure in one token
    got = _read(nlp, "rough count 57M rider/driver records, ~600k driver license numbers")
    assert [(v, u) for v, u, _, _ in got] == [(57_000_000, "driver record"), (600_000, "driver license")]


def test_a_disclosed_count_that_agrees_with_the_record_is_no_mismatch() -> None:
    p = st("p", "public", "They took the data of 57 million users and the license numbers of about 600,000 drivers.",
           date="2017-11-21")
    p = dataclasses.replace(p, frame=Frame(modality="figure", quantities=(
        Quantity(57_000_000, "user", False, "57"), Quantity(600_000, "driver", True, "600,000"))))
    i = st("i", "internal", "rough count 57M rider/driver records, ~600k driver license numbers", date="2016-11-15")
    i = dataclasses.replace(i, frame=Frame(modality="figure", quantities=(
        Quantity(57_000_000, "driver record", False, "57"), Quantity(600_000, "driver license", True, "600k"))))
    assert flags(p, i) == []


@pytest.mark.model
def test_the_number_of_a_verbs_subjects_counts_the_event_and_a_day_beside_a_month_is_no_figure(nlp) -> None:
    from claimcheck.extract.frame import _event_counts, quantities_of
    from claimcheck.ruleset import load_rules
    events = _event_counts(load_rules())  # rules/lexicon.yaml event_counts

    def read(text: str) -> list[tuple[float, str]]:
        return [(q.value, q.unit) for q in quantities_of(nlp(text)[:], ("about",), events)]
    # the examples in the lexicon's comment: compared with "deaths: 77", not with "users"
    assert read("The records show that 36 patients have died since the transfers.") == [(36, "death")]
    assert read("12 workers were injured in the blast.") == [(12, "injury")]
    assert read("36 patients were moved to the new homes.") == [(36, "patient")]  # no event verb: what is counted
    assert read("Cumulative deaths to 13 September 2016: 77.") == [(77, "death")]  # the day is a date
    assert read("Deaths recorded by September 13: 77.") == [(77, "death")]


@pytest.mark.model
def test_a_names_number_and_one_of_two_are_no_counts(nlp) -> None:
    # a negative control's false flags (set 37): "Train 1" against "two trains", "one ... the other"
    assert _read(nlp, "Train 1 (non-passenger) routed into Central via the crossover.") == []
    assert _read(nlp, "Tank 396 held the blend.") == []
    assert _read(nlp, "One train was entering the station while the other was leaving it.") == []
    assert _read(nlp, "Two trains collided on the crossover.") == [(2, "train", None, None)]
    assert _read(nlp, "One train was damaged.") == [(1, "train", None, None)]


@pytest.mark.model
def test_a_paragraphs_number_is_no_figure(nlp) -> None:
    """"2.2 Officers do not consider ...": the numbered paragraph of a report (set 71), no count of officers;
    a figure later in the sentence is still read."""
    assert _read(nlp, "2.2 Officers do not consider the bore field a secure source.") == []
    assert [v for v, *_ in _read(nlp, "3.1 Officers found 12 bores with young water.")] == [12]
