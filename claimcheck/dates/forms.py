"""Resolvers of the written calendar forms: a point ("June 11, 2020", "in March", "2019", "Q4 2018",
"early 2016"), a range ("from March to May 2019", "June 9-11"), ISO and US numeric days, year
ranges ("2017-18") and decades ("the late 1990s"). A form without its year takes it from the anchor."""

from __future__ import annotations

import datetime as dt
import re

from .lexicon import _MON, _WEEKDAYS, _YEAR, _mod_key, _month_of
from .points import Resolved, _Pt, _future_context, _pt_from, _resolve_year
from .spans import _month_span, _part_of



_CONTEXT_BEFORE = re.compile(
    r"(?i:\b(?:in|since|until|till|through|throughout|by|during|of|from|early|mid|late|last|this|"
    r"next|before|after|around|between|that|each|every|end\s+of|beginning\s+of|start\s+of|"
    r"middle\s+of|month\s+of|year\s+of|summer\s+of|spring\s+of|fall\s+of|winter\s+of|the|"
    r"fiscal|calendar|on|to|and|or)\s+(?:the\s+)?(?:month\s+of\s+)?$)")
_YEAR_CONTEXT_BEFORE = re.compile(
    r"(?i:\b(?:in|since|until|till|through|throughout|during|early|mid|late|before|after|around|"
    r"between|by|end\s+of|beginning\s+of|start\s+of|middle\s+of|year\s+of|fiscal|calendar)\s+(?:the\s+)?$)")
_MONTH_LIST_BEFORE = re.compile(rf"(?:{_MON})(?:\s+{_YEAR})?,?\s+(?:and|or|to|through)\s+$")
_PLURAL_AFTER = re.compile(r"(?<!\s)\s+(?:[a-z]+s\b|(?i:percent|per\s+cent|people|staff|million|billion|units|times))")


def _standalone(m: re.Match, text: str, anchor: dt.date | None) -> Resolved | None:
    pt = _pt_from(m, "a")
    if pt is None:
        return None
    s0 = m.start("acore")
    before = text[max(0, s0 - 40):s0]
    if pt.bare and pt.kind == "month":
        if pt.abbr or not _CONTEXT_BEFORE.search(before):
            return None
        if re.search(r"(?i:\b(?:to|and|or)\s+$)", before) and not _MONTH_LIST_BEFORE.search(before):
            return None  # "want to March on", "Jack and May"
    if pt.bare and pt.kind == "year":
        if not _YEAR_CONTEXT_BEFORE.search(before) and _PLURAL_AFTER.match(text, m.end()):
            return None  # "2000 devices", "1800 people"
    if pt.year is not None:
        s, e = pt.span(pt.year)
        return s, e, pt.precision, "text", "point"
    if anchor is None:
        return None
    s, e = _resolve_year(pt, anchor, _future_context(text, m.start()))
    if m["wkd"] and pt.kind == "day" and s.weekday() != _WEEKDAYS.index(m["wkd"].lower()):
        # "Monday, February 21": the nearest year in which that day was a Monday
        wd = _WEEKDAYS.index(m["wkd"].lower())
        years = sorted(range(s.year - 6, s.year + 7), key=lambda y: abs(y - s.year))
        year = next((y for y in years if dt.date(y, pt.month or 1, pt.day or 1).weekday() == wd), None)
        if year is None:
            return None
        s = e = dt.date(year, pt.month or 1, pt.day or 1)
    return s, e, pt.precision, "relative", "point"


def _range(m: re.Match, text: str, anchor: dt.date | None) -> Resolved | None:
    a, b = _pt_from(m, "a"), _pt_from(m, "b")
    if a is None or b is None:
        return None
    prefix = (m.group("rp") or "").lower()
    conj = m.group("rc").lower()
    if (prefix == "between") != (conj == "and"):
        return None
    if not prefix and (b.bare and b.kind == "month"):
        return None
    if (a.bare and a.abbr) or (b.bare and b.abbr):
        return None
    source = "text"
    if b.year is None:
        if a.year is not None:
            b.year = a.year
            if b.span(a.year)[1] < a.span(a.year)[0]:
                b.year = a.year + 1
        elif anchor is None:
            return None
        else:
            b.year = _resolve_year(b, anchor, _future_context(text, m.start()))[1].year
            source = "relative"
    if a.year is None:
        a.year = b.year
        if a.span(b.year)[0] > b.span(b.year)[1]:
            a.year = b.year - 1
    s, _ = a.span(a.year)
    _, e = b.span(b.year)
    if s > e:
        return None
    return s, e, "range", source, "range"


def _day_range(m: re.Match, text: str, anchor: dt.date | None) -> Resolved | None:
    g = m.group
    mon = _month_of(g("m") or g("mb"))
    d1 = int(re.sub(r"\D", "", g("d1") or g("d1b")))
    d2 = int(re.sub(r"\D", "", g("d2") or g("d2b")))
    year = g("y") or g("yb")
    if d2 <= d1 or ((m["conj"] or m["conjb"]).lower() == "and" and d2 != d1 + 1):
        return None  # "June 9 and 16" names two days, not the days between them
    if year:
        y, source = int(year), "text"
    elif anchor is None:
        return None
    else:
        y = _resolve_year(_Pt("day", None, mon, d1), anchor, _future_context(text, m.start()))[0].year
        source = "relative"
    return dt.date(y, mon, d1), dt.date(y, mon, d2), "range", source, "range"


def _iso(m: re.Match, text: str, anchor: dt.date | None) -> Resolved | None:
    d = dt.date(int(m["y"]), int(m["mo"]), int(m["d"]))
    return d, d, "day", "text", "point"


def _numeric_us(m: re.Match, text: str, anchor: dt.date | None) -> Resolved | None:
    a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
    mo, d = (b, a) if a > 12 else (a, b)  # month first as US news writes it, unless impossible
    day = dt.date(y, mo, d)
    return day, day, "day", "text", "point"


def _numeric_dotted(m: re.Match, text: str, anchor: dt.date | None) -> Resolved | None:
    try:
        day = dt.date(int(m["y"]), int(m["mo"]), int(m["d"]))
    except ValueError:
        return None  # "31.02.2019", "5.13.2020": no day
    return day, day, "day", "text", "point"


def _year_range(m: re.Match, text: str, anchor: dt.date | None) -> Resolved | None:
    y1, tail = int(m["y1"]), m["y2"]
    y2 = int(tail) if len(tail) == 4 else (y1 // 100) * 100 + int(tail)
    if y1 < y2 <= y1 + 50:
        return dt.date(y1, 1, 1), dt.date(y2, 12, 31), "range", "text", "range"
    if len(tail) == 2 and m["sep"] == "-" and 1 <= int(tail) <= 12:  # "2020-06": an ISO month
        s, e = _month_span(y1, int(tail))
        return s, e, "month", "text", "point"
    return None


def _decade(m: re.Match, text: str, anchor: dt.date | None) -> Resolved | None:
    if m["c"]:
        start = int(m["c"] + m["dd"] + "0")
    else:
        dd = int(m["sd"])
        if dd == 2:
            return None  # "the '20s": 1920s or 2020s
        start = (1900 if dd >= 3 else 2000) + dd * 10
    s, e = dt.date(start, 1, 1), dt.date(start + 9, 12, 31)
    if m["mod"]:
        s, e = _part_of((s, e), "decade", _mod_key(m["mod"]))
    return s, e, "range", "text", "point"
