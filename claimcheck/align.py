"""Where statements are aligned: candidate pairs of a public claim and internal evidence of the
same organization sharing key terms, weighted by rarity.

What is corpus-wide (canonical organization names, people and focus, merged reports) is
decided before, once, in :mod:`claimcheck.corpus`; the word measures here (``object_overlap``,
``topic_overlap``) are shared with it.
"""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Sequence

from .models import Statement

DOC_CONTEXT_WEIGHT = 0.8  # key terms found elsewhere in the same internal record count for less


@dataclass(frozen=True)
class Pair:
    public: str                  # statement id
    internal: str
    organization: str
    score: float                 # topic overlap in [0, 1], weighted by rarity of the terms
    shared: tuple[str, ...]      # shared key terms, most telling first


@dataclass(frozen=True)
class Alignment:
    statements: tuple[Statement, ...]
    pairs: tuple[Pair, ...]


_STOP = frozenset("""the a an its their our your his her this that these those of to for and in on with
    where when what which who whom whose how why are is was were be been being likely any some all
    no not more most other such than then there here from into over under about at by as or nor
    will would can could should may might must do does did has have had it them they one ones""".split())


_SUFFIXES = ("ations", "ation", "ions", "ion", "ives", "ive", "ings", "ing", "ers", "er", "ed", "es",
             "ments", "ment", "ity", "ally", "ly", "al", "s", "e")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light suffix stripper, so "predictive", "prediction" and "predicts" meet as "predict"."""
    for suf in _SUFFIXES:
        if word.endswith(suf) and len(word) - len(suf) >= 4:
            return word[: -len(suf)]
    return word


@lru_cache(maxsize=65536)
def term_key(term: str) -> str:
    return " ".join(stem(w) for w in term.split())


def _words(text: str) -> set[str]:
    return {stem(w) for w in re.findall(r"[a-z][a-z\-]+", text.lower()) if w not in _STOP}


def same_unit(a: str, b: str) -> bool:
    """"customer" and "customer account" count the same thing; "percent" and "device" do not."""
    if not a or not b:
        return False
    return a == b or a.split()[-1] == b.split()[-1] or bool(set(a.split()) & set(b.split()) - {"percent", "usd"})


#: A figure written out to the unit, five digits or more ("130,271", "48213"): one figure, whatever words are around it
#: (not a year, not a rounded "1,000" or "20,000").
_EXACT_NUMBER = re.compile(r"(?<![\d.,])(\d{1,3}(?:,\d{3}){1,4}|\d{5,12})(?![\d]|[.,]\d)")


@lru_cache(maxsize=16384)
def exact_numbers(text: str) -> frozenset[str]:
    """The exact figures ``text`` writes out ("130,271" and "130271" alike); round thousands are no one figure."""
    out = set()
    for m in _EXACT_NUMBER.finditer(text):
        digits = m.group(1).replace(",", "")
        if len(digits) >= 5 and not digits.endswith("000"):
            out.add(digits)
    return frozenset(out)


UNIT_MATCH_SCORE = 0.5  # "40 lots" and "112 lots" of one organization: the counted unit is the topic


def unit_head(unit: str, families: dict[str, str] | None = None) -> str:
    """A unit's head word, as its noun family names it ("infant death" -> death, "fatality" -> death)."""
    words = unit.split("/")[0].split()
    return (families or {}).get(words[-1], words[-1]) if words else ""


def units_match(a: str, b: str, families: dict[str, str] | None = None) -> bool:
    """The same unit (:func:`same_unit`), or units per the same thing whose head words are of one
    noun family (rules/lexicon.yaml noun_families: "infant death" and "fatality")."""
    if same_unit(a, b):
        return True
    return bool(a and b) and a.split("/")[1:] == b.split("/")[1:] and unit_head(a, families) == unit_head(b, families)


def counts_same_thing(p: Statement, i: Statement, families: dict[str, str] | None = None) -> bool:
    return any(units_match(a.unit, b.unit, families) for a in p.frame.quantities for b in i.frame.quantities)


def stemmed_families(families: dict[str, str] | None) -> dict[str, str]:
    return {stem(k): stem(v) for k, v in (families or {}).items()}


def object_words(p: Statement, fam: dict[str, str]) -> set[str]:
    return {fam.get(w, w) for w in _words(p.frame.object)} - {"it", "them", "they", "one", "ones"}


def record_words(i: Statement, fam: dict[str, str]) -> set[str]:
    theirs = _words(i.text + " " + " ".join(i.topics)) | {stem(v) for v in i.frame.verbs}
    return theirs | {fam[w] for w in theirs if w in fam}


def object_overlap(p: Statement, i: Statement, fam: dict[str, str] | None = None, *,
                   theirs: set[str] | None = None, obj: set[str] | None = None) -> float:
    """Share of the words of ``p``'s object (what is promised, denied, counted) found in ``i``;
    ``fam`` maps a stemmed noun to its stemmed family name (see :func:`stemmed_families`);
    ``theirs`` and ``obj`` are :func:`record_words` of ``i`` and :func:`object_words` of ``p``
    when the caller has them."""
    fam = fam or {}
    if obj is None:
        obj = object_words(p, fam)
    if not obj:
        return 0.0
    if theirs is None:
        theirs = record_words(i, fam)
    share = len(obj & theirs) / len(obj)
    if p.frame.predicate and p.frame.predicate not in _LIGHT:  # what is promised: the verb and its object
        both = obj | {stem(p.frame.predicate)}
        share = max(share, len(both & theirs) / len(both))
    return share


_LIGHT = frozenset({"be", "have", "do", "get", "make", "say", "tell", "take", "give", "go", "come"})


def _weights(statements: Sequence[Statement]) -> dict[str, float]:
    df: Counter[str] = Counter()
    for st in statements:
        df.update({term_key(t) for t in st.topics})
    n = max(1, len(statements))
    return {t: math.log(1 + n / c) * (1.6 if " " in t else 1.0) for t, c in df.items()}


def topic_overlap(a: Sequence[str], b: Sequence[str], weights: dict[str, float]) -> tuple[float, tuple[str, ...]]:
    """Share of ``a``'s weighted key terms found in ``b`` (0..1) and the shared terms (as in ``a``)."""
    return keyed_overlap({term_key(t): t for t in a}, {term_key(t) for t in b}, weights)


def keyed_overlap(sa: dict[str, str], sb: set[str] | frozenset[str],
                  weights: dict[str, float]) -> tuple[float, tuple[str, ...]]:
    """:func:`topic_overlap` on precomputed keys (``sa``: key -> term as written)."""
    if not sa or not sb:
        return 0.0, ()
    shared = set(sa) & sb
    total = sum(weights.get(t, 1.0) for t in sa if " " not in t) or 1.0
    got = sum(weights.get(t, 1.0) for t in shared if " " not in t)
    bonus = 0.15 if any(" " in t for t in shared) else 0.0
    order = sorted(shared, key=lambda t: (-weights.get(t, 1.0) * (2 if " " in t else 1), t))
    return min(1.0, got / total + bonus), tuple(sa[t] for t in order)


class _Overlap:
    """:func:`keyed_overlap` of one claim's keys against many records, with the claim's side
    computed once; the shared terms are ordered and named only for pairs that are kept."""

    def __init__(self, sa: dict[str, str], weights: dict[str, float]):
        self.sa, self.weights = sa, weights
        self.keys = frozenset(sa)
        self.total = sum(weights.get(t, 1.0) for t in sa if " " not in t) or 1.0

    def __call__(self, sb: frozenset[str] | set[str]) -> tuple[float, frozenset[str]]:
        shared = self.keys & sb
        if not shared:
            return 0.0, frozenset()
        got = sum(self.weights.get(t, 1.0) for t in shared if " " not in t)
        bonus = 0.15 if any(" " in t for t in shared) else 0.0
        return min(1.0, got / self.total + bonus), frozenset(shared)

    def named(self, shared: frozenset[str]) -> tuple[str, ...]:
        w = self.weights
        return tuple(self.sa[t] for t in sorted(shared, key=lambda t: (-w.get(t, 1.0) * (2 if " " in t else 1), t)))


#: A key term found in more records of one organization than this is too common to propose a
#: pair through the records' documents on its own (the sentence itself must share something).
MAX_DOC_POSTING = 200
#: Records scored per claim at most. Postings are taken rarest first, so a claim that shares
#: only very common terms with thousands of records of a large organization is compared with
#: the records that share its rarer terms (and, of a posting too long to take whole, the
#: earliest records); this keeps alignment near-linear in the statements.
MAX_CANDIDATES = 200
#: Records proposed through document context alone (the record's document, or what the claim's
#: document is about) per claim at most: the sentence's own terms may propose up to MAX_CANDIDATES.
MAX_CONTEXT_CANDIDATES = 50
#: Key terms a document is about (found in two or more of its statements), most frequent in it
#: first, that a claim of that document brings to its comparisons.
MAX_SALIENT = 12
#: A pair whose shared terms include a family name (rules: noun families, stance families)
#: concerns one matter named in other words.
FAMILY_MATCH_SCORE = 0.3


def unpaired_reason(p: Statement, i: Statement) -> str:
    """Which of alignment's conditions a public claim ``p`` and an internal record ``i`` fail
    before their words are compared (a public claim and an internal record of one organization),
    or "" when they meet them all."""
    if p.kind != "public" or p.role != "claim":
        return f"{p.id} is not a public claim (it is {p.kind} {p.role}): only public claims are compared"
    if i.kind != "internal" or i.role != "evidence":
        return f"{i.id} is not internal evidence (it is {i.kind} {i.role}): a claim is compared with the internal record"
    if not p.organization or not i.organization:
        return f"{p.id if not p.organization else i.id} is attributed to no organization"
    if p.organization != i.organization:
        return f"different organizations: {p.organization!r} and {i.organization!r}"
    return ""


#: Records of a claim's own speaker paired with the claim though they share no term (see _own_records).
MAX_OWN_RECORDS = 2


def _own_records(p: Statement, ints: Sequence[Statement], by_speaker: dict[str, list[int]], taken: set[str],
                 org: str, min_topic: float) -> list[Pair]:
    """A named person's public claim and that person's own internal records nearest before it, though
    they share no word ("At no time have I asked anyone to dismiss staff" and his own e-mail, "Get rid
    of her"): what someone said in public is measured first against what they wrote. At most
    MAX_OWN_RECORDS, scored at the threshold, so any pair that shares a matter ranks above them."""
    if len(p.speaker.split()) < 2 or not p.date.known:
        return []
    own = [ints[n] for n in by_speaker.get(p.speaker.lower(), ()) if ints[n].id not in taken and ints[n].date.known
           and ints[n].date.start <= p.date.start]  # type: ignore[operator]
    own.sort(key=lambda i: (p.date.start - i.date.start, i.id))  # type: ignore[operator]
    return [Pair(p.id, i.id, org, round(min_topic, 3), ()) for i in own[:MAX_OWN_RECORDS]]


def align(statements: Sequence[Statement], *, min_topic: float = 0.2,
          noun_families: dict[str, str] | None = None) -> Alignment:
    """The claim/evidence pairs worth comparing, over the corpus step's statements (organizations
    already canonical, roles set, reports merged: :func:`claimcheck.corpus.build`).

    Every public claim is compared with the internal records of its organization that share a
    key term, an object word or a counted unit with it, in the sentence, in the record's
    document or in what the claim's own document is about (near-linear: postings rarest first,
    at most MAX_CANDIDATES records per claim). Whether a pair is judged, and how, is detect's
    business (a stance no rule compares can still make a candidate)."""
    merged = list(statements)
    weights = _weights(merged)
    by_org: dict[str, tuple[list[Statement], list[Statement]]] = defaultdict(lambda: ([], []))
    for st in merged:
        if not st.organization:
            continue
        if st.kind == "public" and st.role == "claim":
            by_org[st.organization][0].append(st)
        elif st.kind == "internal" and st.role == "evidence":
            by_org[st.organization][1].append(st)
    doc_keys: dict[str, set[str]] = defaultdict(set)  # key terms of each internal document
    for st in merged:
        if st.kind == "internal":
            doc_keys[st.document].update(term_key(t) for t in st.topics)
    # what each document is about: key terms found in two or more of its statements, rarest
    # first (a claim's own document says what "it" and "the product" are)
    term_docs: dict[str, Counter[str]] = defaultdict(Counter)
    for st in merged:
        term_docs[st.document].update({term_key(t) for t in st.topics})
    salient = {d: tuple(sorted((k for k, c in counts.items() if c >= 2), key=lambda k: (-counts[k], k))[:MAX_SALIENT])
               for d, counts in term_docs.items()}  # the document's own counts: not the corpus around it
    fam = stemmed_families(noun_families)
    family_heads = frozenset(term_key(h) for h in (noun_families or {}).values())
    words_of = lambda i: record_words(i, fam)  # noqa: E731
    pairs = []
    for org in sorted(by_org):
        pubs, ints = by_org[org]
        # inverted indexes: a pair that shares no key term, no object word and no counted unit
        # scores 0 on every measure, so only pairs that share something are scored
        words = [words_of(i) for i in ints]
        by_term: dict[str, set[int]] = defaultdict(set)
        by_word: dict[str, set[int]] = defaultdict(set)
        by_unit: dict[str, set[int]] = defaultdict(set)
        by_doc: dict[str, list[int]] = defaultdict(list)
        by_number: dict[str, set[int]] = defaultdict(set)  # a figure written out in full: "130,271"
        for n, i in enumerate(ints):
            for num in exact_numbers(i.text):
                by_number[num].add(n)
            for t in i.topics:
                by_term[term_key(t)].add(n)
            for w in words[n]:
                by_word[w].add(n)
            for q in i.frame.quantities:
                for w in q.unit.split():
                    by_unit[w].add(n)
            by_doc[i.document].append(n)
        doc_terms: dict[str, set[str]] = defaultdict(set)
        for d in by_doc:
            for k in doc_keys[d]:
                doc_terms[k].add(d)
        doc_size = {k: sum(len(by_doc[d]) for d in docs) for k, docs in doc_terms.items()}
        i_keys = [frozenset(term_key(t) for t in i.topics) for i in ints]
        by_speaker: dict[str, list[int]] = defaultdict(list)  # a named writer's records
        for n, i in enumerate(ints):
            if len(i.speaker.split()) >= 2:
                by_speaker[i.speaker.lower()].append(n)
        d_keys = doc_keys
        for p in pubs:
            p_keys = {term_key(t): t for t in p.topics}
            cand: set[int] = set()
            p_obj = object_words(p, fam)
            # (size, order, records or the documents whose records they are)
            postings: list[tuple[int, int, Any]] = []
            for t in p.topics:
                k = term_key(t)
                postings.append((len(by_term.get(k, ())), len(postings), by_term.get(k, ())))
                docs = doc_terms.get(k, ())
                if 0 < len(docs) <= MAX_DOC_POSTING:
                    postings.append((doc_size[k], len(postings), ("docs", k)))
            p_ctx = {k: k for k in salient.get(p.document, ()) if k not in p_keys}
            for k in p_ctx:  # after the claim's own terms: what its document is about
                if by_term.get(k):
                    postings.append((len(by_term[k]) + MAX_CANDIDATES, len(postings), by_term[k]))
            for w in sorted(p_obj):
                postings.append((len(by_word.get(w, ())), len(postings), by_word.get(w, ())))
            for q in p.frame.quantities:
                for w in q.unit.split():
                    postings.append((len(by_unit.get(w, ())), len(postings), by_unit.get(w, ())))
            p_numbers = exact_numbers(p.text)
            for num in sorted(p_numbers):
                postings.append((len(by_number.get(num, ())), len(postings), by_number.get(num, ())))
            # rarest first; once MAX_CANDIDATES records are proposed, records that share only more
            # common terms with the claim are not scored (they would rank below those found)
            for size, _, posting in sorted(postings, key=lambda x: x[:2]):
                room = MAX_CANDIDATES - len(cand)
                if room <= 0:
                    break
                if not size:
                    continue
                if isinstance(posting, tuple):  # ("docs", term): the records of the term's documents
                    room = min(room, MAX_CONTEXT_CANDIDATES - len(cand))
                    if room <= 0:
                        continue
                    posting = [n for d in sorted(doc_terms[posting[1]]) for n in by_doc[d]]
                elif size > MAX_CANDIDATES:  # a term of the claim's document, not of the claim
                    room = min(room, MAX_CONTEXT_CANDIDATES - len(cand))
                    if room <= 0:
                        continue
                cand.update(posting if len(posting) <= room else heapq.nsmallest(room, set(posting) - cand))
            overlap = _Overlap(p_keys, weights)
            both = _Overlap({**p_ctx, **p_keys}, weights) if p_ctx else None
            by_document: dict[str, tuple[tuple[float, frozenset[str]], tuple[float, frozenset[str]]]] = {}
            for n in sorted(cand):
                i = ints[n]
                score, shared = overlap(i_keys[n])
                # the record around the sentence: a memo about "six aircraft" is about the fleet
                # (a record's document keys hold its own: one score per document and claim)
                ctx = by_document.get(i.document)
                if ctx is None:
                    dk = d_keys[i.document]
                    ctx = by_document[i.document] = (overlap(dk), both(dk) if both is not None else (0.0, frozenset()))
                (ctx_score, ctx_shared), (b_score, b_shared) = ctx
                if ctx_score * DOC_CONTEXT_WEIGHT > score:
                    score, shared = ctx_score * DOC_CONTEXT_WEIGHT, ctx_shared
                # the claim's document and the record's: both contexts, if the record's own
                # sentence holds one of the shared terms
                if b_score * DOC_CONTEXT_WEIGHT ** 2 > score and b_shared & i_keys[n]:
                    score, shared = b_score * DOC_CONTEXT_WEIGHT ** 2, b_shared
                if score < FAMILY_MATCH_SCORE and shared & family_heads:
                    score = FAMILY_MATCH_SCORE  # one matter named in other words (rules' families)
                score = max(score, object_overlap(p, i, fam, theirs=words[n], obj=p_obj))
                if p.frame.quantities and counts_same_thing(p, i, noun_families):
                    score = max(score, UNIT_MATCH_SCORE)
                if p_numbers & exact_numbers(i.text):
                    score = max(score, UNIT_MATCH_SCORE)  # the record writes out the very figure the claim gives
                if score >= min_topic:
                    pairs.append(Pair(p.id, i.id, org, round(score, 3), (both or overlap).named(shared)))
            if not any(q.public == p.id for q in pairs[-MAX_CANDIDATES:]):  # (a claim paired by its matter keeps those)
                pairs.extend(_own_records(p, ints, by_speaker, set(), org, min_topic))
    merged.sort(key=lambda s: (s.date.start is None, s.date.start or 0, s.source.path, s.source.start))
    return Alignment(tuple(merged), tuple(pairs))
