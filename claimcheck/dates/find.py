"""``find_dates``: every date expression in free text, resolved against the anchor.

Candidate spans come from our own patterns over a month / weekday / relative-word lexicon (date
libraries read "may", "to", "a day" or "100M" as dates when let loose on free text), then each span
is normalized with plain calendar arithmetic (forms.py, relative.py). Overlapping candidates are
settled longest-first; discourse-relative phrases ("ten days later") are then resolved in reading
order against the previous date mentioned in the same text.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from ..models import DateMention, DateValue
from .forms import _day_range, _decade, _iso, _numeric_us, _numeric_dotted, _range, _standalone, _year_range
from .lexicon import _DAY, _MOD, _MON, _NUM, _QWORD, _SEASON, _UNIT, _WEEKDAYS, _WKD, _WKD_I, _YEAR, _pt
from .points import _Cand
from .relative import (_ago, _been_since, _discourse, _earlier_this, _period_rel, _quarter_noyear, _rel_year_mod,
                       _rolling, _season_bare, _simple_rel, _weekday_rel)



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
    # "20.10.2017": day first, as every writer who dots a date writes it
    ((".",), re.compile(r"(?<![\w/.$,-])(?P<d>\d{1,2})\.(?P<mo>\d{1,2})\.(?P<y>(?:1[6-9]|20)\d\d)(?![\w/]|\.\d)"), _numeric_dotted),
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
