"""``find_dateline``: a news or press-release dateline at the start of a text
("SEATTLE, June 11, 2020 —", "June 11, 2020 /PRNewswire/ --", "Published: 11 June 2020")."""

from __future__ import annotations

import re

from ..models import DateMention, DateValue
from .find import find_dates
from .lexicon import _DAY, _MON, _WKD, _YEAR
from .values import parse_date_value



_DL_DATE = (rf"(?:{_WKD},?\s+)?(?:{_MON}\s*{_DAY}(?:,?\s+{_YEAR})?|{_DAY}\s+{_MON}(?:,?\s+{_YEAR})?"
            rf"|{_MON},?\s+{_YEAR}|\d{{4}}-\d\d-\d\d)")
_DL_DASH = r"(?:—|–|--|-|:)"
_DL_LOC = r"[A-Z][A-Z.'’\-]{1,40}(?:\s+[A-Z][A-Z.'’\-]{1,40}){0,3}(?:,\s*[A-Z][A-Za-z.]{1,40}(?:\s+[A-Z][A-Za-z.]{1,40})?)?"
_DATELINES = [
    # SEATTLE, June 11, 2020 —  /  WASHINGTON (Reuters) -  /  REDMOND, Wash. — June 11, 2020 —
    re.compile(rf"(?<![A-Z.'’\-])(?P<loc>{_DL_LOC})(?:,\s*(?P<date>{_DL_DATE}))?\s*(?:\([^()\n]{{1,40}}\)\s*)?"
               rf"(?:/[^/\n]{{1,40}}/\s*)?{_DL_DASH}(?:\s*(?P<date2>{_DL_DATE})(?:\s*{_DL_DASH}|(?=\s*\n)))?\s"),
    # June 11, 2020 /PRNewswire/ --
    re.compile(rf"(?P<date>{_DL_DATE})\s*/[^/\n]{{1,40}}/\s*{_DL_DASH}"),
    # Published: 11 June 2020  /  Updated on June 11, 2020 3:05 PM EDT  /  Date: Tue, 14 Mar 2017 ...
    re.compile(r"(?i:(?:first\s+)?(?:published|posted|updated|last\s+updated|date|dated|released))"
               r"(?:\s+on)?\s*:?\s*(?P<label>[^\n]{4,80}?)\s*\n"),
    # a line that is only a date, perhaps after a byline: "By Jane Roe | June 11, 2020"
    re.compile(rf"(?:By\s+[^|\n•·]{{1,60}}[|•·]\s*)?(?P<date>{_DL_DATE})(?:\s*(?:at\s+)?\d{{1,2}}:\d\d[^\n]{{0,20}})?\s*\n"),
    # a place and a date that end the line, no dash: "CANBERRA, September 26, 2022", "OSLO, March 2017"
    re.compile(rf"(?<![A-Z.'’\-])(?P<loc>{_DL_LOC}),\s*(?P<date>{_DL_DATE})\s*\n"),
    # a byline's parts between dots or bars, the date among them: "Health correspondent · 23 July 2014 · London"
    re.compile(rf"[^|\n•·]{{1,60}}[|•·]\s*(?P<date>{_DL_DATE})\s*(?:[|•·][^\n]{{0,60}})?\n"),
]


def find_dateline(text: str) -> DateMention | None:
    """A news or press-release dateline in the first ~400 characters of ``text``.

    The value has precision day when the day and year are written (month for "AUGUST 2019"),
    source "dateline". A dateline without a full date ("WASHINGTON (Reuters) -",
    "WASHINGTON, June 11 (Reuters) -") gives a mention whose value is not known
    (``value.known`` is False), so callers can tell "no dateline" from "no date in it".
    """
    if not isinstance(text, str):
        return None
    pos = 0
    undated: DateMention | None = None
    for line in text[:400].split("\n")[:8]:
        stripped = line.strip()
        offset = pos + (len(line) - len(line.lstrip()))
        pos += len(line) + 1
        if not stripped:
            continue
        for pattern in _DATELINES:
            m = pattern.match(stripped + "\n")
            if not m:
                continue
            groups = m.groupdict()
            for key in ("date", "date2"):
                if groups.get(key):
                    return _dateline_mention(m[key], offset + m.start(key))
            if groups.get("label"):
                value = parse_date_value(m["label"], source="dateline")
                if value is not None:
                    return DateMention(offset + m.start("label"), offset + m.end("label"), value, "point")
                found = find_dates(m["label"], anchor=None)
                if found and found[0].start <= 6 and found[0].value.precision in ("day", "month"):
                    f = found[0]
                    return _dateline_mention(f.value.text, offset + m.start("label") + f.start)
            elif groups.get("loc") and undated is None:
                # a dateline with no date ("WASHINGTON (Reuters) -"), or a heading of its shape
                # ("ANNOUNCEMENT - DATA SECURITY EVENT"): a dated dateline below it is the date
                undated = DateMention(offset + m.start("loc"), offset + m.end("loc"),
                                      DateValue(None, None, "unknown", "dateline", m["loc"]), "point")
                break
    return undated


def _dateline_mention(written: str, start: int) -> DateMention:
    value = parse_date_value(written, source="dateline") or DateValue(None, None, "unknown", "dateline", written)
    return DateMention(start, start + len(written), value, "point")
