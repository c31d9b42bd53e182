"""A date as a mail header or a quoted message's attribution writes it ("Tue, 14 Mar 2017 09:02:00
-0400", "Tuesday, June 19, 2018 6:15 PM"): the standard library's RFC 2822 parser, then the common
printed forms, then dateparser."""

from __future__ import annotations

import datetime as dt
import email.utils
import functools
import re

from ...models import DateValue



_MONTHS = {m: i for i, names in enumerate(
    [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
     ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
     ("dec", "december")], 1) for m in names}
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_MDY = re.compile(rf"^(?:[a-z]+\.?,?\s+)?({_MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I)
_DMY = re.compile(rf"^(?:[a-z]+\.?,?\s+)?(\d{{1,2}})\s+({_MONTH_RE})\.?,?\s+(\d{{4}})\b", re.I)
_YMD = re.compile(r"^(\d{4})-(\d{2})-(\d{2})\b")


def _fast_day(raw: str) -> dt.date | None:
    """The common printed forms without dateparser (which costs ~15 ms a call)."""
    try:
        m = _MDY.match(raw)
        if m:
            return dt.date(int(m[3]), _MONTHS[m[1].lower()], int(m[2]))
        m = _DMY.match(raw)
        if m:
            return dt.date(int(m[3]), _MONTHS[m[2].lower()], int(m[1]))
        m = _YMD.match(raw)
        if m:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None
    return None


def parse_mail_date(value: str, *, source: str = "header") -> DateValue | None:
    """A header or attribution date ("Tue, 14 Mar 2017 09:02:00 -0400", "Tuesday, June 19, 2018
    6:15 PM") as a day DateValue in the writer's own time zone; None when not a date."""
    raw = re.sub(r"\s+", " ", value or "").strip()
    if not raw or len(raw) > 120:
        return None
    return _parse_mail_date(raw, source)


@functools.lru_cache(maxsize=4096)
def _parse_mail_date(raw: str, source: str) -> DateValue | None:
    day: dt.date | None = None
    try:
        parsed = email.utils.parsedate_to_datetime(raw)
        day = parsed.date() if parsed is not None else None
    except (TypeError, ValueError, IndexError, OverflowError):
        day = None
    if day is None:
        day = _fast_day(raw)
    if day is None:
        if not re.search(r"\d", raw) or not re.search(r"\d{4}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2}", raw):
            return None
        try:
            import dateparser

            cleaned = re.sub(r"\bat\b", " ", raw)
            found = dateparser.parse(cleaned, languages=["en"],
                                     settings={"REQUIRE_PARTS": ["day", "month", "year"],
                                               "PREFER_DATES_FROM": "past"})
        except Exception:
            found = None
        if found is None:
            return None
        day = found.date()
    if not (1970 <= day.year <= 2100):
        return None
    return DateValue.day(day, source, raw)
