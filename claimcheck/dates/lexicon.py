"""The dates' words: months, weekdays, numbers, quarter ordinals, the "early / mid / late" modifiers,
and the regular-expression pieces built from them (a calendar point's pattern, ``_pt``)."""

from __future__ import annotations

import re



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



def _month_of(text: str) -> int:
    return _MONTH_NUM[text.lower().rstrip(".")]
