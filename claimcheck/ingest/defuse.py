"""Pathological text made harmless before any parser or pattern reads it.

A leak can hold text no writer produced: a run of 50,000 ``(`` (spaCy's tokenizer is quadratic on
a run of prefix characters), a base64 blob or a "word" of 100,000 letters, a 20 MB file on one
line (one paragraph: one huge ``Doc``). :func:`defuse` cuts or splits these, in time linear in the
text, and says what it did:

- a run of one character (not a line break) longer than :data:`MAX_RUN` keeps its first
  :data:`MAX_RUN` characters;
- a token without whitespace longer than :data:`MAX_TOKEN` keeps its first :data:`MAX_TOKEN`;
- a line longer than :data:`MAX_LINE` is broken at sentence ends (else at a space, else hard)
  into lines of at most :data:`MAX_LINE` characters.

Line breaks are never removed, so a cut keeps every line number; a split adds line breaks, so the
document's lines then count within its text (``line_exact`` False, as for text rebuilt from
markup). Offsets into ``Document.text`` refer to the defused text; ``page_starts`` are moved with it.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from dataclasses import dataclass
from typing import Any, Sequence

from ..models import Document

#: Longest run of one character kept (rules of "-" or "=" and aligned columns are shorter).
MAX_RUN = 100
#: Longest whitespace-free token kept (long URLs survive; blobs and walls of letters do not).
MAX_TOKEN = 500
#: Longest line kept whole: far above any paragraph of prose, far below what makes one parse huge.
MAX_LINE = 100_000

# Linear scans: a run/token is matched once from its start (shorter candidates cost at most 16
# steps, or fail at once on the lookbehind), never re-scanned from inside.
_RUN = re.compile(r"([^\n])\1{15,}")
_TOKEN = re.compile(r"(?<!\S)\S{%d,}" % (MAX_TOKEN + 1))
_LONG_LINE = re.compile(r"[^\n]{%d,}" % (MAX_LINE + 1))
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]{0,3}[^\S\n]")
_SPACE = re.compile(r"[^\S\n]")


@dataclass(frozen=True)
class Defused:
    text: str
    notes: tuple[str, ...]
    #: (offset in the original text, characters removed there), in order
    cuts: tuple[tuple[int, int], ...]
    split: bool                  # line breaks were added

    def moved(self, offset: int) -> int:
        """Where an offset of the original text lies in the defused text."""
        shift = 0
        for at, removed in self.cuts:
            if at >= offset:
                break
            shift += min(removed, offset - at)
        return offset - shift


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _shown(ch: str) -> str:
    return repr(ch) if ch.isprintable() and not ch.isspace() else f"U+{ord(ch):04X}"


def defuse(text: str) -> Defused:
    """``text`` with over-long runs and tokens cut and over-long lines split, and notes saying where."""
    cuts: list[tuple[int, int]] = []   # (start, end) spans of the original text to drop
    notes: list[str] = []
    for m in _RUN.finditer(text):
        if m.end() - m.start() > MAX_RUN:
            cuts.append((m.start() + MAX_RUN, m.end()))
            if len(notes) < 5:
                notes.append(f"a run of {m.end() - m.start():,} {_shown(m[1])} at line {_line_of(text, m.start())} "
                             f"cut to {MAX_RUN}")
    run_cuts = list(cuts)
    starts = [a for a, _ in run_cuts]
    for m in _TOKEN.finditer(text):
        # a token that is long only by a run already cut is long no more
        i = bisect.bisect_left(starts, m.start())
        removed = 0
        while i < len(run_cuts) and run_cuts[i][0] < m.end():
            removed += min(run_cuts[i][1], m.end()) - run_cuts[i][0]
            i += 1
        if m.end() - m.start() - removed <= MAX_TOKEN:
            continue
        cuts.append((m.start() + MAX_TOKEN, m.end()))
        if len(notes) < 5:
            notes.append(f"a {m.end() - m.start():,}-character token at line {_line_of(text, m.start())} "
                         f"cut to {MAX_TOKEN}")
    total = len(cuts)
    if total > len(notes) and notes:
        notes.append(f"{total} cuts in all")
    merged = _merge(cuts)
    if merged:
        pieces, pos = [], 0
        for a, b in merged:
            pieces.append(text[pos:a])
            pos = b
        pieces.append(text[pos:])
        out = "".join(pieces)
    else:
        out = text
    split = False
    if len(out) > MAX_LINE and _LONG_LINE.search(out):
        out, n = _split_long_lines(out)
        split = n > 0
        if split:
            notes.append(f"{n:,} line break(s) added to lines longer than {MAX_LINE:,} characters "
                         "(lines count within the text)")
    return Defused(out, tuple(notes), tuple((a, b - a) for a, b in merged), split)


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _split_long_lines(text: str) -> tuple[str, int]:
    """Lines over MAX_LINE broken: a space (after a sentence end when there is one in the second
    half of the window) becomes a line break, so no offset moves. Tokens are already cut to
    MAX_TOKEN, so every window of MAX_LINE // 2 characters of a line holds a space."""
    breaks: list[int] = []
    for m in _LONG_LINE.finditer(text):
        start, end = m.start(), m.end()
        while end - start > MAX_LINE:
            window = (start + MAX_LINE // 2, start + MAX_LINE)
            cut = -1
            for s in _SENTENCE_END.finditer(text, *window):
                cut = s.end() - 1
            if cut < 0:
                for s in _SPACE.finditer(text, *window):
                    cut = s.start()
            if cut < 0:  # unreachable after the token cut; never loop forever
                break
            breaks.append(cut)
            start = cut + 1
    if not breaks:
        return text, 0
    pieces, pos = [], 0
    for b in breaks:
        pieces += [text[pos:b], "\n"]
        pos = b + 1
    pieces.append(text[pos:])
    return "".join(pieces), len(breaks)


def defuse_documents(docs: Sequence[Document]) -> tuple[list[Document], tuple[str, ...]]:
    """Every document's text defused; notes prefixed with the document's part when it has one."""
    out: list[Document] = []
    notes: list[str] = []
    for doc in docs:
        d = defuse(doc.text)
        if d.text == doc.text:
            out.append(doc)
            continue
        changes: dict[str, Any] = {"text": d.text}
        if doc.page_starts:
            changes["page_starts"] = tuple(d.moved(p) for p in doc.page_starts)
        if d.split:
            changes["line_exact"] = False
        out.append(dataclasses.replace(doc, **changes))
        where = f"{doc.part}: " if doc.part else ""
        notes.extend(f"text defused: {where}{n}" for n in d.notes)
    return out, tuple(notes)

