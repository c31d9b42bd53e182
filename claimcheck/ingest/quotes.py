"""Quoted copies: an earlier message quoted in a reply, matched with its original (by
Message-ID, else author, day and near-identical text) so the corpus step can drop the copy
(:func:`dropped_quotes`; :func:`quote_keys` for documents whose text travels emptied)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Mapping, Sequence

from ..models import Document

_WS = re.compile(r"\s+")
_QUOTE_MARKS = re.compile(r"^[ \t]*(?:>[ \t]?)+", re.M)


def _norm(text: str) -> str:
    return _WS.sub(" ", _QUOTE_MARKS.sub("", text)).strip().casefold()


def _day(doc: Document) -> dt.date | None:
    return doc.date.start if doc.date.known and doc.date.start == doc.date.end else None


def _fuzzy_same(a: str, b: str, *, strict: bool) -> bool:
    """Near-identical normalized texts; short texts must be identical ("line 1" vs "line 2")."""
    from rapidfuzz import fuzz

    if a == b:
        return True
    if min(len(a), len(b)) < 40:
        return False
    return fuzz.ratio(a, b) >= (95 if strict else 90)


def quote_keys(documents: Sequence[Document], *, chars: int | None = None) -> dict[str, str]:
    """What :func:`dropped_quotes` compares of each document with an author: its normalized text
    (its first ``chars`` characters), computed where the text still is, so that the documents
    can travel without it."""
    return {d.id: _norm(d.text[:chars] if chars else d.text) for d in documents if d.author.strip() and d.text}


def dropped_quotes(documents: Sequence[Document], *, keys: Mapping[str, str] | None = None) -> set[str]:
    """Ids of quoted-message documents whose original is also present.

    Match by Message-ID when both are known, else same author + same day + near-identical
    normalized text (an undated quote: same author + all but identical text). The same earlier
    message quoted in several replies, with no original in the folder, is kept once (the first
    by path and part). ``keys`` (id -> :func:`quote_keys` value) stand in for documents whose
    text was emptied.
    """
    norms: dict[str, str] = dict(keys or {})

    def norm(d: Document) -> str:
        if d.id not in norms:
            norms[d.id] = _norm(d.text)
        return norms[d.id]

    # candidates are bucketed by (author, day); fuzzy comparison only inside a bounded bucket,
    # exact comparison through a set otherwise, so thousands of replies stay near-linear
    buckets: dict[tuple[str, Any], list[Document]] = {}
    by_author: dict[str, list[Document]] = {}
    exact: set[tuple[str, Any, str]] = set()
    by_msgid: set[str] = set()

    def add(d: Document) -> None:
        author = d.author.strip().casefold()
        buckets.setdefault((author, _day(d)), []).append(d)
        by_author.setdefault(author, []).append(d)
        exact.add((author, _day(d), norm(d)))
        exact.add((author, "any", norm(d)))

    quotes = sorted((d for d in documents if d.quoted), key=lambda d: (d.path, d.part, d.id))
    # only a quote's author is ever looked up: the others' messages need no index
    authors = {q.author.strip().casefold() for q in quotes}
    for d in documents:
        if not d.quoted and d.author.strip():
            if d.author.strip().casefold() in authors:
                add(d)
            if d.message_id:
                by_msgid.add(d.message_id)
    dropped: set[str] = set()
    for q in quotes:
        author = q.author.strip().casefold()
        if q.message_id and q.message_id in by_msgid:
            dropped.add(q.id)
            continue
        if not author or not norm(q):
            continue
        day = _day(q)
        same = (author, day if day is not None else "any", norm(q)) in exact
        if not same:
            if day is not None:
                near = buckets.get((author, day), [])
            else:
                near = by_author.get(author, [])
            if len(near) <= _MAX_FUZZY_BUCKET:
                same = any(_fuzzy_same(norm(q), norm(c), strict=day is None) for c in near)
        if same:
            dropped.add(q.id)
        else:
            add(q)                      # kept: a later quote of the same message is dropped
    return dropped


_MAX_FUZZY_BUCKET = 300
