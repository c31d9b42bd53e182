"""Dates, property-based: no exception on any text, start <= end, past phrases stay past, round trips."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimcheck.dates import find_dateline, find_dates, parse_date_value
from claimcheck.models import DateValue

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

anchors = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))

# Text made of date-ish words and digits, so the grammar is exercised, plus anything at all.
WORDS = ["June", "May", "may", "March", "Sept.", "11", "3rd", "2019", "2017-2018", "'90s", "Q4", "of",
         "between", "and", "from", "to", "through", "since", "until", "early", "mid-", "late", "the",
         "end", "fourth", "quarter", "spring", "fall", "last", "this", "next", "week", "month", "year",
         "ago", "later", "earlier", "following", "day", "yesterday", "Thursday", "on", "in", "a", "ten",
         "It's", "been", "one", "-", "–", ",", ".", "/", "2020-06-11", "6/31/2020", "February", "29",
         "30", "31", "1600", "2099", "decade", "past", "two", "Feb.", "winter", "that", "same"]
date_texts = st.one_of(st.text(max_size=200), st.lists(st.sampled_from(WORDS), max_size=25).map(" ".join))


@SETTINGS
@given(text=date_texts, anchor=st.one_of(st.none(), anchors))
def test_find_dates_never_raises_and_spans_are_sane(text, anchor):
    found = find_dates(text, anchor=anchor)
    for m in found:
        assert 0 <= m.start < m.end <= len(text)
        assert m.value.start is not None and m.value.end is not None
        assert m.value.start <= m.value.end
        assert m.value.text == text[m.start:m.end]
        if anchor is None and m.value.source != "text":
            # with no document date only dates found in the text anchor others ("a week later")
            assert m.value.source == "relative" and any(o.value.source == "text" and o.end <= m.start for o in found)
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))


@SETTINGS
@given(text=date_texts)
def test_parse_date_value_and_dateline_never_raise(text):
    v = parse_date_value(text, source="cli")
    if v is not None:
        assert v.start is not None and v.end is not None and v.start <= v.end
    m = find_dateline(text)
    if m is not None and m.value.known:
        assert m.value.start <= m.value.end


PAST_PHRASES = ["yesterday", "last Thursday", "last Sunday", "last week", "last weekend", "last month",
                "last year", "last quarter", "last summer", "last winter", "last decade", "last night",
                "three days ago", "one week ago", "two months ago", "a year ago", "a decade ago",
                "the past two years", "the last week", "the day before yesterday"]


@SETTINGS
@given(phrase=st.sampled_from(PAST_PHRASES), anchor=anchors)
def test_past_relative_dates_are_never_after_the_anchor(phrase, anchor):
    found = find_dates(f"They said so {phrase}.", anchor=anchor)
    assert len(found) == 1
    assert found[0].value.end <= anchor
    assert found[0].value.source == "relative"


def _value(kind: str, a: dt.date, b: dt.date) -> DateValue:
    a, b = min(a, b), max(a, b)
    if kind == "day":
        v = DateValue(a, a, "day", "gold")
    elif kind == "month":
        v = DateValue(a.replace(day=1), (a.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
                      - dt.timedelta(days=1), "month", "gold")
    elif kind == "year":
        v = DateValue(dt.date(a.year, 1, 1), dt.date(a.year, 12, 31), "year", "gold")
    else:
        v = DateValue(a, b, "range", "gold")
    return DateValue(v.start, v.end, v.precision, v.source, v.iso() or "")


days = st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(9999, 12, 31))


@SETTINGS
@given(kind=st.sampled_from(["day", "month", "year", "range"]), a=days, b=days)
def test_parse_date_value_round_trips_iso(kind, a, b):
    v = _value(kind, a, b)
    assert parse_date_value(v.iso(), source="gold") == v
