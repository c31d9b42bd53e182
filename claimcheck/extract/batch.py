"""Extraction of a batch of documents in three pure steps, so that a caller can run the costly,
context-free middle one in parts side by side: :func:`plan_batch` (sentences, the first pass,
the texts to parse, each once), :func:`parse_texts` (with :func:`pack_parses` and
:func:`unpack_parses` to move parses between processes) and :func:`read_batch`."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import Any, Sequence

from ..models import INTERNAL_DOC_KINDS, Document, Statement
from .attribution import title_words
from .engine import ExtractSettings, _engine
from .firstpass import _is_candidate, first_pass, needs_parse
from .reader import _DocReader
from .sentences import Span, split_sentences


def extract_batch(docs: Sequence[Document], *, settings: ExtractSettings) -> list[tuple[Statement, ...]]:
    """Statements of each document (same result as one at a time; batches the parser).
    Three steps, each a pure function, so that a caller can run the middle one (the costly
    one, context-free) in parts side by side: :func:`plan_batch`, :func:`parse_texts`,
    :func:`read_batch`."""
    plan = plan_batch(docs, settings=settings)
    return read_batch(plan, parse_texts(plan.texts, settings=settings), settings=settings)


@dataclass(frozen=True)
class BatchPlan:
    """What a batch of documents needs parsed: each document's sentences (which can become
    statements, which only lend context) and the texts of those to parse, each once."""

    plans: tuple["_Plan", ...]
    texts: tuple[str, ...]       # unique sentence texts, in first-seen order
    index: tuple[int, ...]       # for each planned sentence in order, its text's position in ``texts``


def plan_batch(docs: Sequence[Document], *, settings: ExtractSettings) -> BatchPlan:
    """Split each document into sentences, keep those that can hold a claim (the first pass) and
    say which sentences need a parse. No parser runs here (only the sentence splitter)."""
    pipe, rules, cues = _engine(settings)
    # a sentence naming someone's title (lexicon.person_titles) introduces a person ("Acme Inc. Chief
    # Executive Officer Jane Roe traded jabs"): read for who speaks for whom even with no cue
    titled = title_words(rules).mention
    plans: list[_Plan] = []
    texts: list[str] = []
    for doc in docs:
        spans = split_sentences(doc.text, pipe.splitter) if doc.text.strip() else []
        keep = [s for s in spans if first_pass(doc, s, cues)]
        light: list[Span] = []
        if doc.kind in INTERNAL_DOC_KINDS:
            # an internal record's sentence is its author's evidence whatever it says; only one
            # with a cue that can give it a stance (a negation, a figure, a pledge, a concern...)
            # is parsed for its frame, the others are read without a parse (see _light)
            light = [s for s in keep if not needs_parse(doc, s, cues)]
            lit = set(light)
            keep = [s for s in keep if s not in lit]
            context = keep
        else:  # people's titles and the organization in focus are learned from every sentence that names someone
            kept = set(keep)
            context = [s for s in spans if s in kept or _is_candidate(doc.text[s.start:s.end], cues)
                       or titled.search(doc.text, s.start, s.end)]
        parse = spans if settings.thorough else context
        plans.append(_Plan(doc, keep, context, parse, len(texts), light))
        # line breaks inside a sentence confuse the parser; spaces keep every offset the same
        texts.extend(re.sub(r"\s", " ", doc.text[s.start:s.end]) for s in parse)
    # A sentence that occurs many times (a signature, a disclaimer, a quoted reply, a repeated log
    # line) is parsed once: a parse depends on the sentence's text alone, and the reader only reads
    # parses, so every occurrence shares one.
    positions: dict[str, int] = {}
    index = tuple(positions.setdefault(t, len(positions)) for t in texts)
    return BatchPlan(tuple(plans), tuple(positions), index)


def parse_texts(texts: Sequence[str], *, settings: ExtractSettings) -> list[Any]:
    """Parse sentence texts (a spaCy Doc each). Context-free: any part of a plan's texts can be
    parsed anywhere, in any order, and the parses joined back (see :func:`pack_parses`)."""
    if not texts:
        return []
    pipe = _engine(settings)[0]
    # short sentences: bigger batches amortize the per-batch cost (13% faster than 64, same parses)
    return list(pipe.nlp.pipe(texts, batch_size=256))


#: Token attributes a parse carries between processes: everything the reader looks at.
PARSE_ATTRS = ("ORTH", "NORM", "LEMMA", "TAG", "POS", "MORPH", "HEAD", "DEP", "ENT_IOB", "ENT_TYPE", "SENT_START")


def pack_parses(parses: Sequence[Any]) -> bytes:
    """Parses as bytes (spaCy's DocBin: arrays of token attributes and the strings they use)."""
    from spacy.tokens import DocBin

    box = DocBin(attrs=list(PARSE_ATTRS), store_user_data=False)
    for d in parses:
        box.add(d)
    return box.to_bytes()


def unpack_parses(data: bytes, *, settings: ExtractSettings) -> list[Any]:
    """The parses :func:`pack_parses` packed, against this process's model vocabulary."""
    from spacy.tokens import DocBin

    return list(DocBin().from_bytes(data).get_docs(_engine(settings)[0].nlp.vocab))


def read_batch(plan: BatchPlan, parsed: Sequence[Any], *, settings: ExtractSettings) -> list[tuple[Statement, ...]]:
    """Statements of each planned document, given the parses of ``plan.texts`` in order."""
    pipe, rules, cues = _engine(settings)
    if len(parsed) != len(plan.texts):
        raise ValueError(f"{len(parsed)} parses for {len(plan.texts)} texts")
    every = [parsed[i] for i in plan.index]
    out = []
    for p in plan.plans:
        reader = _DocReader(p.doc, rules, cues, pipe.degraded, kept=p.keep)
        by_span = dict(zip(p.parse, every[p.offset:p.offset + len(p.parse)]))
        # --thorough parses every sentence, but the reader (statements, and the document context it
        # learns: the organization in focus, people's titles) sees the same sentences in both
        # modes, so the first pass is an optimization and never changes what is found
        found = reader.read(p.keep, [by_span[s] for s in p.keep], [by_span[s] for s in p.context], context_spans=p.context)
        if p.light:
            found = sorted(found + [reader.light(span) for span in p.light], key=lambda st: st.source.start)
        out.append(tuple(found))
    return out


@dataclass
class _Plan:
    doc: Document
    keep: list[Span]      # sentences that can become statements (first_pass)
    context: list[Span]   # sentences the document context is learned from: keep and more
    parse: list[Span]     # sentences given to the pipeline, from texts[offset]
    offset: int
    light: list[Span] = dataclasses.field(default_factory=list)  # an internal record's sentences read without a parse

