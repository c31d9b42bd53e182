"""Where a date is resolved: explicit values, in-text expressions, relative dates, precision.

Public surface (the rest is private):
- ``parse_date_value(text, *, source)`` — a value written by a person or a header
  ("2020-06-11", "2020-06", "2017-09/2018-12", "June 2020", RFC 2822, "Q4 2018") -> DateValue.
- ``find_dates(text, *, anchor)`` — every date expression in free text, resolved against the
  anchor (the document's own date), with offsets, precision and a role (point, since, until,
  before, after, ago, range).
- ``find_dateline(text)`` — a news dateline at the start of a text ("SEATTLE, June 11, 2020 —").

How ``find_dates`` works: candidate spans come from our own patterns over a month / weekday /
relative-word lexicon (date libraries read "may", "to", "a day" or "100M" as dates when let loose
on free text), then each span is normalized with plain calendar arithmetic: dateparser gets none
of the forms news uses most ("early 2016", "the fourth quarter of 2018", "from March to May 2019",
"the following month"), so it is only a last fallback for odd explicit values. Overlapping
candidates are settled longest-first; discourse-relative phrases ("ten days later") are then
resolved in reading order against the previous date mentioned in the same text.
"""

from __future__ import annotations

import calendar
import datetime as dt
import email.utils
import re
from collections.abc import Callable
from dataclasses import dataclass

from .models import DateMention, DateValue

# ---------------------------------------------------------------------------------------------
# Calendar arithmetic
# ---------------------------------------------------------------------------------------------

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


# ---------------------------------------------------------------------------------------------
# Lexicon
# ---------------------------------------------------------------------------------------------

_MONTH_NUM = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_FULL_MONTHS = [n for n in _MONTH_NUM if len(n) > 4 or n in ("may", "june", "july")]
_ABBR_MONTHS = ["sept", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_NUM_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "a couple of": 2,
    "a single": 1,
}
_ORDINAL_Q = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
              "4th": 4, "final": 4}


def _cased(names: list[str], abbrs: list[str] = ()) -> str:
    """Title and UPPER case only ("march on" and "may" the verb stay out), grouped by first
    letter so the engine rejects most positions at once; abbreviations may end with a period."""
    out = []
    for first in sorted({n[0] for n in [*names, *abbrs]}):
        full = sorted((n[1:] for n in names if n[0] == first), key=len, reverse=True)
        short = sorted((n[1:] for n in abbrs if n[0] == first), key=len, reverse=True)
        alts = []
        if full:
            alts.append("(?:" + "|".join(full + [f.upper() for f in full]) + r")(?!\w)")
        if short:
            alts.append("(?:" + "|".join(short + [f.upper() for f in short]) + r")(?:\.|(?!\w))")
        out.append(f"{first.upper()}(?:{'|'.join(alts)})")
    return "|".join(out)


_MON = rf"(?:{_cased(_FULL_MONTHS, _ABBR_MONTHS)})"
_WKD = rf"(?:{_cased(_WEEKDAYS)})"
_WKD_I = rf"(?i:{'|'.join(_WEEKDAYS)})(?!\w)"
_DAY = r"(?<![\w$€£#.,/])(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\w%:]|[.,/]\d)"
_YEAR = r"(?<![\w$€£#.,/])(?:1[6-9]\d\d|20\d\d)(?![\w%]|[.,\-–]\d)"  # "1800-2200" is a shift
_NUM = r"(?:\d{1,3}|a\s+couple\s+of|a\s+single|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty)"
_UNIT = r"(?:day|week|fortnight|month|year|decade)"
_SEASON = r"(?:spring|summer|fall|autumn|winter|Spring|Summer|Fall|Autumn|Winter)"
_MOD = (r"(?:(?i:the\s+)?(?i:early|mid|middle\s+of|late|end\s+of|close\s+of|beginning\s+of|start\s+of"
        r"|first\s+half\s+of|second\s+half\s+of|latter\s+half\s+of|latter\s+part\s+of|early\s+part\s+of))")
_QWORD = r"(?i:first|second|third|fourth|final|1st|2nd|3rd|4th)"


def _mod_key(text: str) -> str:
    t = text.lower().replace("the ", "").strip(" -")
    if t.startswith(("early", "beginning", "start")):
        return "early"
    if t.startswith(("mid", "middle")):
        return "mid"
    if t.startswith("first half"):
        return "h1"
    if t.startswith(("second half", "latter half")):
        return "h2"
    return "late"  # late, end of, close of, latter part of


def _num(text: str) -> int:
    t = re.sub(r"\s+", " ", text.lower())
    return int(t) if t.isdigit() else _NUM_WORDS[t]


def _pt(p: str) -> str:
    """One explicit calendar point with group names prefixed by ``p`` (used twice in ranges)."""
    return (
        rf"(?:(?P<{p}mod>{_MOD})[\s-]*)?"
        rf"(?P<{p}core>"
        rf"(?:the\s+)?(?P<{p}q>{_QWORD})\s+(?i:quarter)\s+(?:of\s+)?(?P<{p}qy>{_YEAR})"
        rf"|Q(?P<{p}qn>[1-4])(?:\s*|\s+of\s+|-)(?P<{p}qy2>{_YEAR})"
        rf"|(?P<{p}sea>{_SEASON})\s+(?:of\s+)?(?P<{p}sy>{_YEAR})"
        rf"|(?P<{p}m1>{_MON})(?:\s*(?P<{p}d1>{_DAY})(?:,?\s+(?:\d\d:\d\d(?::\d\d)?\s+)?(?P<{p}y1>{_YEAR}))?|,?\s+(?:of\s+)?(?P<{p}y3>{_YEAR}))?"
        rf"|(?P<{p}d2>{_DAY})\s+(?:of\s+)?(?P<{p}m2>{_MON})(?:,?\s+(?P<{p}y2>{_YEAR}))?"
        rf"|(?P<{p}y6>{_YEAR})(?P<{p}poss>['’]s)?"
        rf")"
    )


# ---------------------------------------------------------------------------------------------
# Partial points and their resolution
# ---------------------------------------------------------------------------------------------


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


def _month_of(text: str) -> int:
    return _MONTH_NUM[text.lower().rstrip(".")]


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


# ---------------------------------------------------------------------------------------------
# Candidates
# ---------------------------------------------------------------------------------------------

# A resolver returns (start, end, precision, source, role) or None; discourse resolvers also get
# the previous resolved value.
Resolved = tuple[dt.date, dt.date, str, str, str]


@dataclass
class _Cand:
    start: int
    end: int
    value: Resolved | None = None
    discourse: Callable[[DateValue | None], Resolved | None] | None = None


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


# --- anchor-relative ---------------------------------------------------------------------------


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


# ---------------------------------------------------------------------------------------------
# Patterns, in no particular order (overlaps are settled longest-first)
# ---------------------------------------------------------------------------------------------

_I = re.IGNORECASE
_RC = r"(?P<rc>(?i:and|to|through|thru|until|till)|-|–|—)"
_CAL = None  # calendar patterns: run only in windows around a month / year / quarter / season word
#: (gate, pattern, resolver). The gate is _CAL, or words one of which must occur in the text
#: (lowercase; a gate that is not a word is looked for as a substring); most sentences hold
#: none, so most patterns never run. Order does not matter:
#: overlaps are settled longest-first.
_PATTERNS: list[tuple[tuple[str, ...] | None, re.Pattern, Callable]] = [
    (_CAL, re.compile(rf"(?<!\w)(?:(?P<rp>(?i:between|from))\s+)?{_pt('a')}\s*{_RC}\s*{_pt('b')}"), _range),
    (_CAL, re.compile(rf"(?<!\w)(?:(?P<wkd>{_WKD}),?\s+)?{_pt('a')}"), _standalone),
    (_CAL, re.compile(
        rf"(?<!\w)(?:(?P<m>{_MON})\s*(?P<d1>{_DAY})\s*(?P<conj>-|–|—|(?i:to|through|and))\s*(?P<d2>{_DAY})(?:,?\s+(?P<y>{_YEAR}))?"
        rf"|(?P<d1b>{_DAY})\s*(?P<conjb>-|–|—|(?i:to|and))\s*(?P<d2b>{_DAY})\s+(?P<mb>{_MON}),?(?:\s+(?P<yb>{_YEAR}))?)"),
     _day_range),
    (("-",), re.compile(r"(?<![\w/.-])(?P<y>\d{4})-(?P<mo>\d\d)-(?P<d>\d\d)(?:T[\d:.]+(?:Z|[+-]\d\d:?\d\d)?)?(?![\w-])"), _iso),
    (("/",), re.compile(r"(?<![\w/.$-])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>(?:1[6-9]|20)\d\d)(?![\w/])"), _numeric_us),
    (("-", "–", "/"), re.compile(r"(?<![\w$€£#.,/-])(?P<y1>(?:1[6-9]|20)\d\d)(?P<sep>[-–/])(?P<y2>(?:1[6-9]|20)?\d\d)(?![\w%/-]|[.,]\d)"), _year_range),
    (("0s",), re.compile(rf"(?:(?P<mod>{_MOD})[\s-]*)?(?i:the\s+)?(?:(?P<c>1[6-9]|20)(?P<dd>\d)0|['’](?P<sd>\d)0)s\b"), _decade),
    (("yesterday", "today", "tonight", "tomorrow", "night", "morning", "afternoon", "evening"),
     re.compile(r"\b(?:the\s+day\s+before\s+yesterday|yesterday|today|tonight|tomorrow|last\s+night|"
                r"this\s+(?:morning|afternoon|evening)|earlier\s+today)\b", _I), _simple_rel),
    (tuple(_WEEKDAYS), re.compile(rf"(?:\b(?P<w>(?i:last|this|next|past|previous|coming))\s+(?P<wd>{_WKD_I})|(?P<wd2>{_WKD}))"
                          rf"(?:\s+(?i:morning|afternoon|evening|night))?"), _weekday_rel),
    (("last", "this", "next", "previous", "coming", "past"),
     re.compile(r"(?<!the\s)\b(?P<w>last|this|next|previous|coming|past)\s+(?P<u>week|weekend|month|year|"
                r"quarter|decade|spring|summer|fall|autumn|winter)\b", _I), _period_rel),
    (("past", "last", "previous"),
     re.compile(rf"\b(?:in|during|over|for|within|throughout)?\s*the\s+(?:past|last|previous)\s+"
                rf"(?:(?P<n>{_NUM})\s+)?(?P<u>day|week|fortnight|month|year|decade)s?\b", _I), _rolling),
    (("earlier", "later"), re.compile(r"\b(?P<e>earlier|later)\s+(?:this|in\s+the)\s+(?P<u>week|month|year)\b", _I),
     _earlier_this),
    (("ago",), re.compile(rf"\b(?P<n>{_NUM})\s+(?P<u>{_UNIT})s?\s+ago\b", _I), _ago),
    (("since",), re.compile(rf"\bit(?:['’]s|\s+is|\s+has|['’]d|\s+had|\s+was)\s+(?:been\s+)?(?:only\s+|just\s+|nearly\s+|"
                            rf"almost\s+|about\s+|roughly\s+|more\s+than\s+|over\s+|less\s+than\s+|barely\s+)?"
                            rf"(?P<n>{_NUM})\s+(?P<u>{_UNIT})s?\s+since\b", _I), _been_since),
    (("year",),
     re.compile(rf"(?:(?P<mod>{_MOD})[\s-]*|(?:the\s+)?(?P<q>{_QWORD})\s+quarter\s+of\s+|"
                rf"(?P<mon>{_MON})(?:\s+of)?\s+|(?:the\s+)?(?P<sea>{_SEASON})\s+of\s+)"
                rf"(?P<w>(?i:last|this|next))\s+year\b"), _rel_year_mod),
    (("quarter",), re.compile(rf"\bthe\s+(?P<q>{_QWORD})\s+quarter\b(?!\s+(?:of\s+)?(?:\d|last|this|next|the))", _I),
     _quarter_noyear),
    (("spring", "summer", "fall", "autumn", "winter"),
     re.compile(r"\b(?:in|during|over|by|through|throughout)\s+the\s+(?P<s>spring|summer|fall|autumn|winter)\b"
                r"(?!\s+(?:of\s+)?(?:\d|last|this|next))", _I), _season_bare),
    (("following", "next", "previous", "preceding", "prior", "after", "before", "later", "earlier", "same", "that"),
     re.compile(
        rf"\b(?:the\s+(?P<dir1>following|next|previous|preceding|prior)\s+(?P<u1>day|morning|afternoon|evening|night|week|weekend|month|year)"
        rf"|the\s+(?P<u2>day|week|month|year)\s+(?P<dir2>after|before)"
        rf"|(?P<n3>{_NUM})\s+(?P<u3>day|week|fortnight|month|year)s?\s+(?P<dir3>later|earlier|afterwards?|after\s+that|before\s+that|prior)"
        rf"|(?:that\s+(?:same\s+)?|the\s+same\s+)(?P<u4>day|week|month|year))\b(?!\s+(?:of|to|in)\b)", _I), _discourse),
]

#: Words around which the calendar patterns run; a window reaches far enough back for
#: "between the beginning of" and forward for the rest of a range.
_WORD = re.compile(r"[a-z]+")
_CAL_HIT = re.compile(rf"(?=[A-Z0-9sfwaq])(?:{_MON}|{_YEAR}|(?<!\w)Q[1-4]|{_SEASON}|(?i:quarter))")
_WINDOW_BACK, _WINDOW_AHEAD = 48, 110


def _cal_windows(text: str) -> list[tuple[int, int]]:
    windows: list[tuple[int, int]] = []
    for h in _CAL_HIT.finditer(text):
        lo, hi = max(0, h.start() - _WINDOW_BACK), min(len(text), h.end() + _WINDOW_AHEAD)
        if windows and lo <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(hi, windows[-1][1]))
        else:
            windows.append((lo, hi))
    return windows


def _matches(pattern: re.Pattern, text: str, windows: list[tuple[int, int]]):
    for lo, hi in windows:
        for m in pattern.finditer(text, lo, hi):
            if hi < len(text) and m.end() > hi - 8:  # the window's end may have cut it short
                m = pattern.match(text, m.start()) or m
            yield m


_ROLE_BEFORE = re.compile(
    r"(?i:\b(?P<w>ever\s+since|since|up\s+until|until|till|up\s+to|through|before|after|prior\s+to)\s+$)")
_ROLES = {"since": "since", "ever since": "since", "until": "until", "up until": "until", "till": "until",
          "up to": "until", "through": "until", "before": "before", "prior to": "before", "after": "after"}


def find_dates(text: str, *, anchor: dt.date | None) -> list[DateMention]:
    """Every date expression in ``text`` resolved against ``anchor`` (the document's date).

    With ``anchor=None`` absolute dates still resolve and relative ones are dropped. Mentions
    are in text order and never overlap; ``DateMention.role`` tells a point from a scope marker
    ("since 2015" -> since, "until March 2021" -> until), a range, or an "... ago".
    """
    if not isinstance(text, str) or not text:
        return []
    low = text.lower()
    words = set(_WORD.findall(low))
    windows = _cal_windows(text)
    whole = [(0, len(text))]
    cands: list[_Cand] = []
    for gate, pattern, resolver in _PATTERNS:
        if gate is _CAL:
            if not windows:
                continue
            found = _matches(pattern, text, windows)
        elif any((w in words) if w.isalpha() else (w in low) for w in gate):
            found = _matches(pattern, text, whole)
        else:
            continue
        for m in found:
            if m.end() <= m.start():
                continue
            try:
                if resolver is _discourse:
                    cands.append(_discourse(m, text, anchor))
                    continue
                value = resolver(m, text, anchor)
            except (ValueError, OverflowError, KeyError, IndexError):
                continue
            if value is not None:
                cands.append(_Cand(m.start(), m.end(), value))
    # Longest first; equal lengths keep the earlier start and pattern order.
    cands.sort(key=lambda c: (c.start - c.end, c.start))
    taken: list[_Cand] = []
    for c in cands:
        if all(c.end <= t.start or c.start >= t.end for t in taken):
            taken.append(c)
    taken.sort(key=lambda c: c.start)
    out: list[DateMention] = []
    prev: DateValue | None = None
    for c in taken:
        value = c.value
        if c.discourse is not None:
            try:
                value = c.discourse(prev)
            except (ValueError, OverflowError):
                value = None
        if value is None:
            continue
        s, e, prec, source, role = value
        if s > e:
            continue
        start = c.start
        if role == "point":
            lim = out[-1].end if out else 0
            rm = _ROLE_BEFORE.search(text, max(lim, start - 20), start)
            if rm:
                role, start = _ROLES[re.sub(r"\s+", " ", rm["w"].lower())], rm.start("w")
        dv = DateValue(s, e, prec, source, text[start:c.end])  # type: ignore[arg-type]
        out.append(DateMention(start, c.end, dv, role))
        prev = dv
    return out


# ---------------------------------------------------------------------------------------------
# Explicit values
# ---------------------------------------------------------------------------------------------


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


# ---------------------------------------------------------------------------------------------
# Datelines
# ---------------------------------------------------------------------------------------------

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
            elif groups.get("loc"):
                return DateMention(offset + m.start("loc"), offset + m.end("loc"),
                                   DateValue(None, None, "unknown", "dateline", m["loc"]), "point")
    return None


def _dateline_mention(written: str, start: int) -> DateMention:
    value = parse_date_value(written, source="dateline") or DateValue(None, None, "unknown", "dateline", written)
    return DateMention(start, start + len(written), value, "point")
