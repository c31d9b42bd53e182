"""``parse_date_value``: an explicit date value written by a person or a header ("2020-06-11",
"2017-09/2018-12", "June 2020", RFC 2822, "Q4 2018"), with dateparser as the last fallback."""

from __future__ import annotations

import datetime as dt
import email.utils
import re

from ..models import DateValue
from .find import find_dates
from .lexicon import _WKD_I
from .spans import _month_end, _month_span, _quarter_span



def _iso_piece(piece: str) -> tuple[dt.date, dt.date, str] | None:
    piece = piece.strip()
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d\d:\d\d(?::\d\d(?:[.,]\d+)?)?\s*(?:Z|[+-]\d\d:?\d\d|[A-Z]{2,5})?)?", piece)
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


_LEFTOVER = re.compile(
    rf"[\s,.;:()\-–—|/]*(?:(?:{_WKD_I}|(?i:mon|tue|tues|wed|thu|thurs|fri|sat|sun)\.?)|(?i:at)|"
    rf"\d{{1,2}}(?::\d\d){{1,2}}(?:\.\d+)?|(?i:[ap]\.?m\.?)|(?i:utc|gmt|z|[a-z]{{2,4}}t)|[+-]\d\d:?\d\d|[\s,.;:()\-–—|/])*")


def parse_date_value(text: str, *, source: str) -> DateValue | None:
    """Parse an explicit date value written by a person or a header; None when it is not one.

    Accepts ISO days, months, years and ranges ("2017-09/2018-12"), ISO datetimes (the calendar
    date as written, whatever the zone), RFC 2822 e-mail dates, "June 11, 2020", "11 June 2020",
    "June 2020", "Q4 2018" / "the fourth quarter of 2018" (precision quarter), and the calendar
    forms ``find_dates`` knows when they make up the whole value. Never raises on a string.
    """
    try:
        return _parse_value(str(text), source)
    except (ValueError, OverflowError, KeyError, IndexError, TypeError):
        return None


def _parse_value(text: str, source: str) -> DateValue | None:
    raw = text.strip()
    if not raw or len(raw) > 120:
        return None
    if "/" in raw and raw.count("/") == 1:
        a, b = raw.split("/", 1)
        pa, pb = _iso_piece(a), _iso_piece(b)
        if pa and pb:
            if pa[0] > pb[1]:
                return None
            return DateValue(pa[0], pb[1], "range", source, raw)
    p = _iso_piece(raw)
    if p:
        return DateValue(p[0], p[1], p[2], source, raw)  # type: ignore[arg-type]
    m = re.fullmatch(r"(?i:(?:Q([1-4])|([1-4])Q)\s*(?:of\s+|-)?(\d{4}))", raw)
    if m:
        s, e = _quarter_span(int(m[3]), int(m[1] or m[2]))
        return DateValue(s, e, "quarter", source, raw)
    m = re.fullmatch(r"(\d{4})[/.](\d{1,2})[/.](\d{1,2})", raw)
    if m:
        d = dt.date(int(m[1]), int(m[2]), int(m[3]))
        return DateValue.day(d, source, raw)
    m = re.fullmatch(r"(\d{4})[ \t]?年[ \t]?(\d{1,2})[ \t]?月(?:[ \t]?(\d{1,2})[ \t]?日)?", raw)  # 2022年7月22日 (Japanese, Chinese)
    if m:
        if m[3]:
            return DateValue.day(dt.date(int(m[1]), int(m[2]), int(m[3])), source, raw)
        s, e = _month_span(int(m[1]), int(m[2]))
        return DateValue(s, e, "month", source, raw)
    m = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", raw)  # 11.06.2020 is day-first everywhere
    if m:
        return DateValue.day(dt.date(int(m[3]), int(m[2]), int(m[1])), source, raw)
    if re.match(r"(?<!\s)\s*(?:[A-Za-z]{3},?\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{2,4}\s+\d\d:\d\d", raw):
        parsed = email.utils.parsedate_tz(raw)  # RFC 2822: the calendar date as the sender wrote it
        if parsed:
            return DateValue.day(dt.date(parsed[0], parsed[1], parsed[2]), source, raw)
    found = find_dates(raw, anchor=None)
    if len(found) == 1:
        f = found[0]
        rest = raw[:f.start] + " " + raw[f.end:]
        if f.role in ("point", "range") and _LEFTOVER.fullmatch(rest):
            v = f.value
            return DateValue(v.start, v.end, v.precision, source, raw)
    return _dateparser_fallback(raw, source)


def _dateparser_fallback(raw: str, source: str) -> DateValue | None:
    """Odd but complete explicit dates ("11-Jun-2020", "Thu Jun 11 2020") go to dateparser."""
    if len(raw) > 60 or not re.search(r"\d", raw) or not (
            re.search(r"(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", raw)
            or len(re.findall(r"\d+", raw)) >= 3):
        return None
    import dateparser  # lazy: slow to import, rarely needed

    parsed = dateparser.parse(raw, languages=["en"], settings={
        "STRICT_PARSING": True, "RETURN_AS_TIMEZONE_AWARE": False, "PREFER_DAY_OF_MONTH": "first"})
    if parsed is None:
        return None
    return DateValue.day(parsed.date(), source, raw)
