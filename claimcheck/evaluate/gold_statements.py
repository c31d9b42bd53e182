"""``claimcheck eval --gold-statements``: the comparison stages alone (align, detect), run on
statements built from the gold labels instead of read by the extractor."""

from __future__ import annotations

import math
import re
from pathlib import Path
from typing import Any, Sequence

from ..models import Report, Statement
from .gold import Gold, GoldStatement, _cases_and_golds
from .matching import _rel, _same_file, keyword_hits
from .scoring import CaseScore, Counts, EvalResult, score_case



def _locate(doc_text: str, spans: Sequence[Any], keywords: Sequence[str]) -> tuple[int, int] | None:
    """Character range of the sentence (or run of up to three sentences) of ``spans`` that holds
    the most ``keywords``; when no such run holds at least half of them, the shortest longer run
    (up to ten sentences: a log's entries, a chat's lines, each a sentence of its own) that does;
    None when none does."""
    need = math.ceil(len(keywords) / 2)
    for widths in ((1, 2, 3), range(4, 11)):
        best: tuple[int, int, int] | None = None  # (hits, -length, start) -> (start, end)
        best_range: tuple[int, int] | None = None
        for n in range(len(spans)):
            for width in widths:
                if n + width > len(spans):
                    break
                start, end = spans[n].start, spans[n + width - 1].end
                hits = keyword_hits(doc_text[start:end], keywords)
                key = (hits, -width, -start)
                if hits >= need and (best is None or key > best):
                    best, best_range = key, (start, end)
        if best_range is not None:
            return best_range
    return None


def gold_case_statements(case_dir: Path, gold: Gold, *, pipe: Any, rules: Any) -> list[Statement]:
    """Statements built from the gold labels of one case: each gold statement's sentence located
    in its file (the file's text as ingest reads it) by its keywords, given the gold kind, role,
    date, speaker and organization, its frame read by the spaCy pipeline (extract/frame.py).
    Every other sentence of the case's documents comes along as ``context`` (kind from its
    document), so alignment sees each record's document around it as it would in a scan."""
    import hashlib

    from ..extract.sentences import split_sentences
    from ..ingest import ingest_paths
    from ..models import INTERNAL_DOC_KINDS, DateMention, Source

    from ..dates import find_dates

    # the case's own notes (a README.md beside gold.yaml) are not one of its documents
    docs = [d for r in ingest_paths([case_dir]) for d in r.documents
            if d.text.strip() and _rel(d.path, case_dir) != "README.md"]
    sentences = {d.id: split_sentences(d.text, pipe.splitter) for d in docs}
    wanted: list[tuple[Any, int, int, GoldStatement | None]] = []
    taken: set[tuple[str, int]] = set()
    for gs in gold.statements:
        found = None
        for d in docs:
            if not _same_file(d.path, gs.file, case_dir):
                continue
            where = _locate(d.text, sentences[d.id], gs.keywords)
            if where is not None and (found is None or keyword_hits(d.text[where[0]:where[1]], gs.keywords)
                                      > keyword_hits(found[0].text[found[1]:found[2]], gs.keywords)):
                found = (d, where[0], where[1])
        if found is None:
            # keywords spread over consecutive parts of the file (a chat's messages, each a part of
            # its own): the part that holds most of them, located by the ones it holds
            parts = [(keyword_hits(d.text, gs.keywords), -n, d) for n, d in enumerate(docs)
                     if _same_file(d.path, gs.file, case_dir)]
            hits, _, part = max(parts, key=lambda p: p[:2]) if parts else (0, 0, None)
            if part is not None and hits > 0:
                held = [k for k in gs.keywords if keyword_hits(part.text, [k])]
                where = _locate(part.text, sentences[part.id], held)
                if where is not None:
                    found = (part, where[0], where[1])
        if found is not None:
            wanted.append((found[0], found[1], found[2], gs))
            taken.update((found[0].id, s.start) for s in sentences[found[0].id]
                         if found[1] <= s.start < found[2])
    for d in docs:
        for s in sentences[d.id]:
            if (d.id, s.start) not in taken:
                wanted.append((d, s.start, s.end, None))
    texts = [re.sub(r"\s", " ", d.text[a:b]) for d, a, b, _ in wanted]
    generic = frozenset(rules.lexicon.get("generic_nouns", ()))
    family = rules.noun_family_of()
    out: list[Statement] = []
    for (d, a, b, gs), parsed in zip(wanted, pipe.nlp.pipe(texts, batch_size=64)):
        frame, topics, ents = _read_parsed(parsed, rules, generic, family)
        line, page = d.locate(a)
        text = d.text[a:b]
        anchor = d.date.start
        mentions = tuple(DateMention(m.start, m.end, m.value, m.role) for m in find_dates(text, anchor=anchor))
        if gs is not None:
            kind, role = gs.kind, gs.role or ("claim" if gs.kind == "public" else "evidence")
            date = gs.date if gs.date is not None else d.date
            sid, speaker, org = gs.id, gs.speaker, gs.organization
        else:
            kind = "internal" if d.kind in INTERNAL_DOC_KINDS else "public"
            role, date, speaker, org = "context", d.date, d.author, d.organization
            sid = "c" + hashlib.sha256(f"{d.id}|{a}".encode()).hexdigest()[:10]
        out.append(Statement(
            id=sid, document=d.id, kind=kind, role=role, speaker=speaker,  # type: ignore[arg-type]
            organization=org, date=date, text=text,
            source=Source(d.path, line, a, b, page, d.part), entities=ents, topics=topics,
            frame=frame, mentioned_dates=mentions))
    return out


def _read_parsed(parsed: Any, rules: Any, generic: frozenset[str], family: dict[str, str]) -> tuple[Any, tuple[str, ...], tuple[str, ...]]:
    """Frame, topics (with their family names) and entities of one gold statement's text. A
    statement the gold spans over several sentences is keyed by the terms of each (a scan reads
    each sentence as a statement of its own); its frame is the main sentence's."""
    from ..extract.frame import read_sentence, topics_of

    sent = parsed[:]
    root, frame = read_sentence(sent, rules)
    clause = parsed[min(t.i for t in root.subtree):max(t.i for t in root.subtree) + 1]
    topics = topics_of(clause, generic) or topics_of(sent, generic)
    for other in parsed.sents:
        if root.i not in range(other.start, other.end):
            r, _ = read_sentence(other, rules)
            part = parsed[min(t.i for t in r.subtree):max(t.i for t in r.subtree) + 1] if r is not None else other
            topics = topics + tuple(t for t in (topics_of(part, generic) or topics_of(other, generic)) if t not in topics)
    topics = topics + tuple(dict.fromkeys(family[t] for t in topics if t in family and family[t] not in topics))
    ents = tuple(dict.fromkeys(e.text.strip() for e in parsed.ents
                               if e.label_ in ("ORG", "PERSON", "GPE", "PRODUCT", "NORP", "FAC")))
    return frame, topics, ents


def reread(st: Statement, text: str, *, pipe: Any, rules: Any) -> Statement:
    """``st`` with another text, read again by the model (frame, topics, entities); everything
    else (kind, role, speaker, organization, date, source) kept. Adversarial tests use it."""
    from ..models import evolve

    frame, topics, ents = _read_parsed(pipe.nlp(re.sub(r"\s", " ", text)), rules,
                                       frozenset(rules.lexicon.get("generic_nouns", ())), rules.noun_family_of())
    from ..dates import find_dates
    from ..models import DateMention

    mentions = tuple(DateMention(m.start, m.end, m.value, m.role) for m in find_dates(text, anchor=st.date.start))
    return evolve(st, text=text, frame=frame, topics=topics, entities=ents, mentioned_dates=mentions)


def score_gold_case(case_dir: Path, gold: Gold, statements: Sequence[Statement], *,
                    rules: Any) -> CaseScore:
    """Run align and detect on ``statements`` (from :func:`gold_case_statements`) and score them:
    flag precision and recall as in a scan, plus how many gold pairs alignment proposed."""
    from .. import __version__
    from ..align import align
    from ..detect import align_min_topic, detect

    min_topic = align_min_topic(rules)
    alignment = align(statements, min_topic=min_topic, noun_families=rules.noun_family_of())
    findings = detect(alignment, rules)
    report = Report(schema_version=1, tool_version=__version__, model="gold statements", degraded=False,
                    roots=(str(case_dir),), files=(), documents=(), statements=alignment.statements,
                    findings=findings, errors=())
    score = score_case(case_dir, report, gold)
    ids = {s.id for s in statements}
    proposed = {(p.public, p.internal) for p in alignment.pairs}
    c = score.counts
    c.gold_pairs = len(gold.contradictions)
    c.gold_pairs_aligned = sum(1 for pair in gold.contradictions
                               if any((a, b) in proposed for a in pair.public for b in pair.internal))
    c.aligned_pairs = len(alignment.pairs)
    score.missed_statements = [s.id for s in gold.statements if s.id not in ids]
    return score


def evaluate_gold_statements(paths: Sequence[Path], *, rules: Any, pipe: Any) -> EvalResult:
    """``claimcheck eval --gold-statements``: the comparison stages alone, on perfect statements."""
    cases, golds = _cases_and_golds(paths)
    total = Counts()
    scores = []
    for case, gold in zip(cases, golds):
        try:
            statements = gold_case_statements(case, gold, pipe=pipe, rules=rules)
            score = score_gold_case(case, gold, statements, rules=rules)
        except Exception as exc:  # one broken case never stops the evaluation
            c = Counts(gold_statements=len(gold.statements), gold_flags=len(gold.contradictions),
                       gold_pairs=len(gold.contradictions))
            score = CaseScore(case=str(case), counts=c, negative_control=gold.negative_control,
                              domain=gold.domain, error=f"{type(exc).__name__}: {exc}")
        scores.append(score)
        total.add(score.counts)
    return EvalResult(scores, total)
