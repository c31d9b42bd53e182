"""A calendar point read from a match (a day, month, season, quarter or year, perhaps without its
year or with an early / mid / late part), the year such a point resolves to against the anchor,
and the candidate record every resolver's value goes into."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from ..models import DateValue
from .lexicon import _ORDINAL_Q, _mod_key, _month_of
from .spans import Span, _month_span, _part_of, _quarter_span, _season_span, _year_span



@dataclass
class _Pt:
    kind: str                   # day | month | year | season | quarter
    year: int | None = None
    month: int | None = None
    day: int | None = None
    season: str = ""
    quarter: int = 0
    mod: str = ""               # early | mid | late | h1 | h2
    bare: bool = False          # bare month / bare year (needs context)
    abbr: bool = False          # month written as an abbreviation without a period

    def span(self, year: int) -> Span:
        if self.kind == "day":
            d = dt.date(year, self.month or 1, self.day or 1)
            return d, d
        if self.kind == "month":
            s = _month_span(year, self.month or 1)
            return _part_of(s, "month", self.mod) if self.mod else s
        if self.kind == "season":
            return _season_span(year, self.season)
        if self.kind == "quarter":
            return _quarter_span(year, self.quarter)
        s = _year_span(year)
        return _part_of(s, "year", self.mod) if self.mod else s

    @property
    def precision(self) -> str:
        if self.mod or self.kind == "season":
            return "range"
        return self.kind



def _pt_from(m: re.Match, p: str) -> _Pt | None:
    g = m.group
    mod = _mod_key(g(f"{p}mod")) if g(f"{p}mod") else ""
    if g(f"{p}q"):
        pt = _Pt("quarter", int(g(f"{p}qy")), quarter=_ORDINAL_Q[g(f"{p}q").lower()])
    elif g(f"{p}qn"):
        pt = _Pt("quarter", int(g(f"{p}qy2")), quarter=int(g(f"{p}qn")))
    elif g(f"{p}sea"):
        pt = _Pt("season", int(g(f"{p}sy")), season=g(f"{p}sea").lower())
    elif g(f"{p}m1") or g(f"{p}m2"):
        mon = g(f"{p}m1") or g(f"{p}m2")
        day = g(f"{p}d1") or g(f"{p}d2")
        year = g(f"{p}y1") or g(f"{p}y2") or g(f"{p}y3")
        pt = _Pt("day" if day else "month", int(year) if year else None, _month_of(mon),
                 int(re.sub(r"\D", "", day)) if day else None, bare=not (day or year),
                 abbr=not mon.endswith(".") and len(mon) <= 4 and mon.lower() not in ("may", "june", "july"))
    else:
        pt = _Pt("year", int(g(f"{p}y6")), bare=not g(f"{p}poss"))
    if mod:
        if pt.kind in ("month", "year"):
            pt.mod, pt.bare = mod, False
        else:
            return None
    return pt


_FUTURE = re.compile(
    r"(?i:\b(?:will|won['’]t|shall|going\s+to|plans?\s+to|planned\s+to|scheduled|expected\s+to|"
    r"set\s+to|due\s+to|upcoming|next|intends?\s+to)\b)|['’]ll\b")


def _future_context(text: str, start: int) -> bool:
    """Is a future marker earlier in the same sentence (within 60 characters)?"""
    before = text[max(0, start - 60):start]
    cut = max(before.rfind(". "), before.rfind("? "), before.rfind("! "), before.rfind("\n"))
    return bool(_FUTURE.search(before[cut + 1:]))


def _resolve_year(pt: _Pt, anchor: dt.date, future: bool) -> Span:
    """Pick the year for a point written without one: most recent not after the anchor."""
    s, e = pt.span(anchor.year)
    if future:
        if e < anchor:
            s, e = pt.span(anchor.year + 1)
    elif s > anchor:
        s, e = pt.span(anchor.year - 1)
    return s, e



# A resolver returns (start, end, precision, source, role) or None; discourse resolvers also get
# the previous resolved value.
Resolved = tuple[dt.date, dt.date, str, str, str]


@dataclass
class _Cand:
    start: int
    end: int
    value: Resolved | None = None
    discourse: Callable[[DateValue | None], Resolved | None] | None = None
