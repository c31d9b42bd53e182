"""Where a date is resolved: explicit values, in-text expressions, relative dates, precision.

Public surface (the rest is private to this package):
- ``parse_date_value(text, *, source)`` (values.py) — a value written by a person or a header
  ("2020-06-11", "2020-06", "2017-09/2018-12", "June 2020", RFC 2822, "Q4 2018") -> DateValue.
- ``find_dates(text, *, anchor)`` (find.py) — every date expression in free text, resolved against
  the anchor (the document's own date), with offsets, precision and a role (point, since, until,
  before, after, ago, range).
- ``story_day(mentions, pos, doc_day)`` (story.py) — the day of the event a news story opens
  with, for its undated quotes before any other dated event comes up.
- ``find_dateline(text)`` (dateline.py) — a news dateline at the start of a text ("SEATTLE, June 11,
  2020 —").

How ``find_dates`` works: candidate spans come from our own patterns over a month / weekday /
relative-word lexicon (lexicon.py), then each span is normalized with plain calendar arithmetic
(spans.py, points.py): dateparser gets none of the forms news uses most ("early 2016", "the
fourth quarter of 2018", "from March to May 2019", "the following month"), so it is only a last
fallback for odd explicit values. Written calendar forms are resolved in forms.py, dates relative
to the anchor or to the previous date in the text in relative.py.
"""

from __future__ import annotations

from .dateline import find_dateline
from .find import find_dates
from .story import story_day
from .values import parse_date_value

__all__ = ["find_dateline", "find_dates", "parse_date_value", "story_day"]
