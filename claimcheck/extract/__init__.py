"""Where statements are extracted: document in, dated and attributed statements out.

``extract_statements`` is a pure per-document function (no state survives between documents
except the memoized pipeline and rules), so it can run in worker processes or elsewhere.
Steps: split sentences and keep cue-bearing ones (sentences.py) -> parse them, each
distinct text once (``parse_texts``) -> attribute a speaker and organization (attribution.py) ->
decide kind and role -> date -> frame (frame.py).

The stage in modules: ``engine`` (settings, model and rules loaded once, fingerprint),
``firstpass`` (which sentences are read, which parsed), ``batch`` (plan, parse, read a batch),
``reader`` (one document's statements), ``citation`` (the span a statement cites), with
``sentences``, ``attribution`` and ``frame``; this module holds the entry points and names
the package's public API.
"""

from __future__ import annotations

from typing import Sequence

from ..models import INTERNAL_DOC_KINDS, Document, SentenceNote, Statement
from .batch import (PARSE_ATTRS, BatchPlan, extract_batch, pack_parses, parse_texts, plan_batch, read_batch,
                    unpack_parses)
from .engine import ExtractSettings, _engine, extractor_fingerprint, model_description, warm_up
from .firstpass import SKIP_TURNS, first_pass, left_out, needs_parse, skip_reason
from .reader import OBJECT_VERBS, PUBLISHED_MARKS, RELEASE_VERBS, SOURCE_NOUNS
from .sentences import split_sentences

__all__ = ["OBJECT_VERBS", "PARSE_ATTRS", "PUBLISHED_MARKS", "RELEASE_VERBS", "SKIP_TURNS", "SOURCE_NOUNS",
           "BatchPlan", "ExtractSettings", "explain_batch", "extract_batch", "extract_statements",
           "extractor_fingerprint", "first_pass", "left_out", "model_description", "needs_parse", "pack_parses",
           "parse_texts", "plan_batch", "read_batch", "skip_reason", "unpack_parses", "warm_up"]


def extract_statements(doc: Document, *, settings: ExtractSettings) -> tuple[Statement, ...]:
    return extract_batch([doc], settings=settings)[0]


def explain_batch(docs: Sequence[Document], *, settings: ExtractSettings) -> list[tuple[SentenceNote, ...]]:
    """For each document, every sentence and what the reader did with it: a statement (parsed,
    or read without a parse), or left out and why (too short, a heading, a header field,
    boilerplate, small talk, the interviewer's turn, no way to a speaker in news, or read and
    found to say nothing in anyone's voice). The statements are extract_batch's own."""
    pipe, _rules, cues = _engine(settings)
    found = extract_batch(docs, settings=settings)
    out: list[tuple[SentenceNote, ...]] = []
    for doc, stmts in zip(docs, found):
        by_start = {st.source.start: st for st in stmts}
        notes = []
        for span in (split_sentences(doc.text, pipe.splitter) if doc.text.strip() else []):
            line, _page = doc.locate(span.start)
            st = by_start.get(span.start)
            if st is not None:
                how = "read without a parse" if doc.kind in INTERNAL_DOC_KINDS and not needs_parse(doc, span, cues) \
                    else f"parsed; stance read as {st.frame.modality}"
                who = st.speaker or st.organization or "no one named"
                reason = f"{st.kind} statement ({st.role}) by {who}: {how}"
                notes.append(SentenceNote(doc.id, span.start, span.end, line, True, reason, st.id))
            else:
                notes.append(SentenceNote(doc.id, span.start, span.end, line, False, left_out(doc, span, cues)))
        out.append(tuple(notes))
    return out
