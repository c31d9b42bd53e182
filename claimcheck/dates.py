"""Where a date is resolved: explicit values, in-text expressions, relative dates, precision.

Public surface (the rest is private):
- ``parse_date_value(text, *, source)`` — a value written by a person or a header
  ("2020-06-11", "2020-06", "2017-09/2018-12", "June 2020", RFC 2822) -> DateValue | None.
- ``find_dates(text, *, anchor)`` — every date expression in free text, resolved against the
  anchor (the document's own date), with offsets and precision.
- ``find_dateline(text)`` — a news dateline at the start of a text ("SEATTLE, June 11, 2020 —").
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from .models import DateMention, DateValue


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _iso_piece(piece: str) -> tuple[dt.date, dt.date, str] | None:
    piece = piece.strip()
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d\d:?\d\d)?)?", piece)
    if m:
        d = dt.date(int(m[1]), int(m[2]), int(m[3]))
        return d, d, "day"
    m = re.fullmatch(r"(\d{4})-(\d{1,2})", piece)
    if m:
        y, mo = int(m[1]), int(m[2])
        return dt.date(y, mo, 1), _month_end(y, mo), "month"
    m = re.fullmatch(r"(\d{4})", piece)
    if m:
        y = int(m[1])
        return dt.date(y, 1, 1), dt.date(y, 12, 31), "year"
    return None


def parse_date_value(text: str, *, source: str) -> DateValue | None:
    """Parse an explicit date value; None when it is not a date."""
    raw = str(text).strip()
    if not raw:
        return None
    try:
        if "/" in raw and not re.search(r"\d{1,2}/\d{1,2}/\d{2,4}", raw):
            a, b = raw.split("/", 1)
            pa, pb = _iso_piece(a), _iso_piece(b)
            if pa and pb:
                return DateValue(pa[0], pb[1], "range", source, raw)
        p = _iso_piece(raw)
        if p:
            return DateValue(p[0], p[1], p[2], source, raw)  # type: ignore[arg-type]
    except ValueError:
        return None
    return None


def find_dates(text: str, *, anchor: dt.date | None) -> list[DateMention]:
    """Every date expression in ``text`` resolved against ``anchor`` (placeholder: ISO only)."""
    out = []
    for m in re.finditer(r"\b\d{4}-\d{2}-\d{2}\b", text):
        v = parse_date_value(m.group(), source="text")
        if v:
            out.append(DateMention(m.start(), m.end(), v))
    return out


def find_dateline(text: str) -> DateMention | None:
    """A dateline at the start of ``text`` (placeholder)."""
    return None
