"""The day of the event a news story opens with ("The board on Tuesday rejected ...", "Acme
disclosed late Thursday that ..."): the day its undated quotes that follow were given, while no
other dated event has come up between."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from ..models import DateValue
from .lexicon import _WEEKDAYS

#: how far before the story's own date its opening event may lie ("last week" is no day)
_RECENT_DAYS = 7
#: a day named by its name or by its distance from the story ("on Tuesday", "yesterday", "Monday night")
_DAY_WORD = re.compile(r"\b(?:%s|yesterday|last night)\b" % "|".join(_WEEKDAYS), re.I)
#: the story's own day named as a day, not as a date ("on Wednesday", "today"): its event is today's
_TODAY_WORD = re.compile(r"^[^\d]*\b(?:%s|today|tonight|this morning|this afternoon)\b[^\d]*$" % "|".join(_WEEKDAYS),
                         re.I)


def story_day(mentions: Sequence[tuple[int, DateValue]], pos: int, doc_day: dt.date) -> tuple[int, DateValue] | None:
    """The offset and day of the first dated event in a story (``mentions``: (offset, value) of
    every date found in its text, in order) when every date written before ``pos`` other than the
    story's own (a header, a dateline) is that one recent day before ``doc_day``, named as a day at
    least once ("on Tuesday", "yesterday", "Wednesday, Aug. 11"). None when another date comes
    first or in between ("filed in July", "said Monday", "a 1981 study", "five days after"), or
    when the story names its own day as a day ("resigned on Wednesday" in Wednesday's story): an
    undated quote at ``pos`` may then belong to another event."""
    first: tuple[int, DateValue] | None = None
    named = False
    for off, v in mentions:
        if off >= pos:
            break
        if not v.known:
            continue
        if v.precision == "day" and v.start == v.end == doc_day:
            if _TODAY_WORD.match(v.text or ""):
                return None
            continue  # the story's own date: header, dateline
        if v.precision == "day" and v.start == v.end and v.start > doc_day:
            continue  # "will reopen on Wednesday": a day still to come is a plan, no other event the quote may belong to
        if v.precision != "day" or v.start != v.end or not (
                doc_day - dt.timedelta(days=_RECENT_DAYS) <= v.start < doc_day):
            return None
        if first is None:
            first = (off, v)
        elif v.start != first[1].start:
            return None
        if _DAY_WORD.search(v.text or ""):
            if not named:
                first = (off, v)  # the event's own mention, not the dateline's
            named = True
    return first if named else None
