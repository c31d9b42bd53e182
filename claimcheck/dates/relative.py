"""Resolvers of relative dates: against the anchor, the document's own date ("yesterday", "last
Thursday", "the past two years", "three months ago", "late last year"), and against the previous
date in the same text ("ten days later", "the following month", "that same day")."""

from __future__ import annotations

import datetime as dt
import re

from ..models import DateValue
from .lexicon import _ORDINAL_Q, _WEEKDAYS, _mod_key, _month_of, _num
from .points import Resolved, _Cand, _Pt, _future_context, _resolve_year
from .spans import (_SEASONS, Span, _add_months, _month_span, _part_of, _quarter_span, _season_span, _week_span,
                    _year_span)



def _simple_rel(m: re.Match, text: str, anchor: dt.date | None) -> Resolved | None:
    if anchor is None:
        return None
    w = re.sub(r"\s+", " ", m.group().lower())
    if w == "tomorrow":
        d = anchor + dt.timedelta(days=1)
    elif w == "the day before yesterday":
        d = anchor - dt.timedelta(days=2)
    elif w in ("yesterday", "last night"):
        d = anchor - dt.timedelta(days=1)
    else:  # today, tonight, this morning, earlier today
        d = anchor
    return d, d, "day", "relative", "point"


def _weekday_rel(m: re.Match, text: str, anchor: dt.date | None) -> Resolved | None:
    if anchor is None:
        return None
    wd = _WEEKDAYS.index((m["wd"] or m["wd2"]).lower())
    w = (m["w"] or "").lower()
    if w in ("last", "past", "previous"):
        back = (anchor.weekday() - wd) % 7 or 7
        d = anchor - dt.timedelta(days=back)
    elif w in ("next", "coming"):
        d = anchor + dt.timedelta(days=(wd - anchor.weekday()) % 7 or 7)
    elif w == "this":
        d = _week_span(anchor)[0] + dt.timedelta(days=wd)
    elif _future_context(text, m.start()):
        d = anchor + dt.timedelta(days=(wd - anchor.weekday()) % 7)
    else:  # "on Thursday" in past-tense news: the most recent one, today included
        d = anchor - dt.timedelta(days=(anchor.weekday() - wd) % 7)
    return d, d, "day", "relative", "point"


def _period_span(unit: str, ref: dt.date) -> tuple[Span, str]:
    if unit == "week":
        return _week_span(ref), "range"
    if unit == "weekend":
        sat = _week_span(ref)[0] + dt.timedelta(days=5)
        return (sat, sat + dt.timedelta(days=1)), "range"
    if unit == "month":
        return _month_span(ref.year, ref.month), "month"
    if unit == "quarter":
        return _quarter_span(ref.year, (ref.month - 1) // 3 + 1), "quarter"
    if unit == "decade":
        y = ref.year - ref.year % 10
        return (dt.date(y, 1, 1), dt.date(y + 9, 12, 31)), "range"
    return _year_span(ref.year), "year"


_STEP = {"week": (7, 0), "weekend": (7, 0), "month": (0, 1), "quarter": (0, 3), "year": (0, 12),
         "decade": (0, 120)}


def _shift(d: dt.date, unit: str, n: int) -> dt.date:
    days, months = _STEP[unit]
    return d + dt.timedelta(days=days * n) if days else _add_months(d, months * n)


def _period_rel(m: re.Match, text: str, anchor: dt.date | None) -> Resolved | None:
    if anchor is None:
        return None
    w, unit = m["w"].lower(), m["u"].lower()
    if unit in _SEASONS:
        return _season_rel(w, unit, anchor)
    n = {"last": -1, "past": -1, "previous": -1, "this": 0, "next": 1, "coming": 1}[w]
    (s, e), prec = _period_span(unit, _shift(anchor, unit, n))
    if unit == "weekend" and n < 0 and anchor.weekday() == 6:
        s, e = s - dt.timedelta(days=7), e - dt.timedelta(days=7)
    return s, e, prec, "relative", "point"


def _season_rel(w: str, season: str, anchor: dt.date, future: bool = False) -> Resolved:
    spans = [_season_span(y, season) for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
    if w in ("last", "past", "previous"):
        s, e = [sp for sp in spans if sp[1] < anchor][-1]
    elif w in ("next", "coming") or future:
        s, e = [sp for sp in spans if sp[0] > anchor or (future and sp[1] >= anchor)][0]
    elif w == "this":  # the one under way, else the one begun in the anchor's year
        s, e = next((sp for sp in spans if sp[0] <= anchor <= sp[1]),
                    next(sp for sp in spans if sp[0].year == anchor.year))
    else:  # "in the spring": the most recent one begun by the anchor
        s, e = [sp for sp in spans if sp[0] <= anchor][-1]
    return s, e, "range", "relative", "point"


def _season_bare(m: re.Match, text: str, anchor: dt.date | None) -> Resolved | None:
    if anchor is None:
        return None
    return _season_rel("", m["s"].lower(), anchor, _future_context(text, m.start()))


def _rolling(m: re.Match, text: str, anchor: dt.date | None) -> Resolved | None:
    """"the past two years": a window ending at the anchor."""
    if anchor is None:
        return None
    n = _num(m["n"]) if m["n"] else 1
    unit = m["u"].lower()
    if unit == "day":
        s = anchor - dt.timedelta(days=n)
    elif unit == "fortnight":
        s = anchor - dt.timedelta(days=14 * n)
    else:
        s = _shift(anchor, unit, -n)
    return s, anchor, "range", "relative", "range"


def _earlier_this(m: re.Match, text: str, anchor: dt.date | None) -> Resolved | None:
    if anchor is None:
        return None
    (s, e), _ = _period_span(m["u"].lower(), anchor)
    if m["e"].lower() == "earlier":
        return s, anchor, "range", "relative", "point"
    return anchor, e, "range", "relative", "point"


def _ago(m: re.Match, text: str, anchor: dt.date | None) -> Resolved | None:
    if anchor is None:
        return None
    return _back(anchor, _num(m["n"]), m["u"].lower(), role="ago")


def _back(ref: dt.date, n: int, unit: str, *, role: str) -> Resolved:
    """``n`` units before ``ref`` at the unit's precision (days and weeks to the day)."""
    if unit in ("day", "week", "fortnight"):
        d = ref - dt.timedelta(days=n * {"day": 1, "week": 7, "fortnight": 14}[unit])
        return d, d, "day", "relative", role
    if unit == "month":
        s, e = _month_span(*(lambda d: (d.year, d.month))(_add_months(ref, -n)))
        return s, e, "month", "relative", role
    years = n * (10 if unit == "decade" else 1)
    s, e = _year_span(ref.year - years)
    return s, e, "year", "relative", role


def _rel_year_mod(m: re.Match, text: str, anchor: dt.date | None) -> Resolved | None:
    """"late last year", "the fourth quarter of this year", "June of last year"."""
    if anchor is None:
        return None
    year = anchor.year + {"last": -1, "this": 0, "next": 1}[m["w"].lower()]
    if m["mod"]:
        s, e = _part_of(_year_span(year), "year", _mod_key(m["mod"]))
        return s, e, "range", "relative", "point"
    if m["q"]:
        s, e = _quarter_span(year, _ORDINAL_Q[m["q"].lower()])
        return s, e, "quarter", "relative", "point"
    if m["sea"]:
        s, e = _season_span(year, m["sea"].lower())
        return s, e, "range", "relative", "point"
    s, e = _month_span(year, _month_of(m["mon"]))
    return s, e, "month", "relative", "point"


def _quarter_noyear(m: re.Match, text: str, anchor: dt.date | None) -> Resolved | None:
    if anchor is None:
        return None
    pt = _Pt("quarter", quarter=_ORDINAL_Q[m["q"].lower()])
    s, e = _resolve_year(pt, anchor, _future_context(text, m.start()))
    return s, e, "quarter", "relative", "point"


def _been_since(m: re.Match, text: str, anchor: dt.date | None) -> Resolved | None:
    """"It's been only one week since X said": X happened that long before the anchor."""
    if anchor is None:
        return None
    return _back(anchor, _num(m["n"]), m["u"].lower(), role="point")



# --- discourse-relative ------------------------------------------------------------------------


def _discourse(m: re.Match, text: str, anchor: dt.date | None) -> _Cand:
    g = m.groupdict()
    if g["u1"]:
        unit, way, n = g["u1"].lower(), g["dir1"].lower(), 1
    elif g["u2"]:
        unit, way, n = g["u2"].lower(), g["dir2"].lower(), 1
    elif g["u3"]:
        unit, way, n = g["u3"].lower(), g["dir3"].lower(), _num(g["n3"])
    else:
        unit, way, n = g["u4"].lower(), "same", 0
    if unit in ("morning", "afternoon", "evening", "night"):
        unit = "day"
    sign = 0 if way == "same" else (1 if way.startswith(("follow", "next", "later", "after")) else -1)

    def resolve(prev: DateValue | None) -> Resolved | None:
        if prev is None or prev.start is None or prev.end is None:
            if sign >= 0 or anchor is None:
                return None  # "ten days later" needs an earlier date in the text
            ref_s = ref_e = anchor
            ref_prec = "day"
        else:
            ref_s, ref_e, ref_prec = prev.start, prev.end, prev.precision
        ref = ref_e if sign > 0 else ref_s
        if unit == "fortnight":
            d = ref + dt.timedelta(days=14 * n * sign)
            return d, d, "day", "relative", "point"
        if unit == "day":
            if ref_prec != "day" and sign != 0 and n == 1 and way in ("following", "next", "previous", "preceding", "prior", "after", "before"):
                ref = ref_e if sign > 0 else ref_s
            d = ref + dt.timedelta(days=n * sign)
            if ref_prec != "day" and ref_s != ref_e and way in ("later", "earlier"):
                return (ref_s + dt.timedelta(days=n * sign), ref_e + dt.timedelta(days=n * sign),
                        "range", "relative", "point")
            return d, d, "day", "relative", "point"
        if unit == "week" and way in ("later", "earlier", "after", "before") and g["u3"]:
            if ref_prec == "day":
                d = ref + dt.timedelta(days=7 * n * sign)
                return d, d, "day", "relative", "point"
        (s, e), prec = _period_span(unit, _shift(ref, unit, n * sign))
        return s, e, prec, "relative", "point"

    return _Cand(m.start(), m.end(), discourse=resolve)
