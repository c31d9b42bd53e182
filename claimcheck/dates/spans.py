"""Calendar arithmetic: the (first day, last day) span of a month, quarter, year, week or season,
months added to a day, and the early / mid / late part of a span."""

from __future__ import annotations

import calendar
import datetime as dt



Span = tuple[dt.date, dt.date]


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _month_span(year: int, month: int) -> Span:
    return dt.date(year, month, 1), _month_end(year, month)


def _year_span(year: int) -> Span:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def _quarter_span(year: int, q: int) -> Span:
    return dt.date(year, 3 * q - 2, 1), _month_end(year, 3 * q)


def _add_months(d: dt.date, n: int) -> dt.date:
    y, m = divmod(d.month - 1 + n, 12)
    year, month = d.year + y, m + 1
    return dt.date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def _add_years(d: dt.date, n: int) -> dt.date:
    return _add_months(d, 12 * n)


def _week_span(d: dt.date) -> Span:
    monday = d - dt.timedelta(days=d.weekday())
    return monday, monday + dt.timedelta(days=6)


#: Seasons, northern hemisphere (meteorological). Winter Y runs Dec (Y-1) to Feb Y.
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "fall": (9, 11), "autumn": (9, 11), "winter": (12, 2)}


def _season_span(year: int, season: str) -> Span:
    first, last = _SEASONS[season]
    if first > last:
        return dt.date(year - 1, first, 1), _month_end(year, last)
    return dt.date(year, first, 1), _month_end(year, last)


#: Parts of a year / month named by "early", "mid", "late", "first half of" ...
_YEAR_PART = {"early": (1, 4), "mid": (5, 8), "late": (9, 12), "h1": (1, 6), "h2": (7, 12)}
_MONTH_PART = {"early": (1, 10), "mid": (11, 20), "late": (21, 31), "h1": (1, 15), "h2": (16, 31)}


def _part_of(span: Span, kind: str, mod: str) -> Span:
    """Narrow a year or month span to its early / mid / late part."""
    s, e = span
    if kind == "year":
        a, b = _YEAR_PART[mod]
        return dt.date(s.year, a, 1), _month_end(s.year, b)
    if kind == "month":
        a, b = _MONTH_PART[mod]
        return s.replace(day=a), s.replace(day=min(b, e.day))
    if kind == "decade":
        a, b = {"early": (0, 3), "mid": (4, 6), "late": (7, 9), "h1": (0, 4), "h2": (5, 9)}[mod]
        return dt.date(s.year + a, 1, 1), dt.date(s.year + b, 12, 31)
    return span
