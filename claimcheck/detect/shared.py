"""What the checks, the stance reading and the pair judgement share: the ``Hit`` a check returns,
dates and quotes in a reason's words, word tests over a sentence, the parties a sentence names,
and whether two statements are about the same matter."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Sequence

from ..align import object_words, record_words, stem, stemmed_families, term_key
from ..corpus import org_key
from ..dates import find_dateline
from ..extract.sentences import inflections
from ..models import DateMention, Reason, Statement
from ..ruleset import RuleSet


@dataclass(frozen=True)
class Hit:
    score: float
    reasons: tuple[Reason, ...]
    point: str


def _families(rules: RuleSet, lemmas: Sequence[str]) -> set[str]:
    """The rules/lexicon.yaml predicate_families any of ``lemmas`` belongs to."""
    index = _family_index(rules)
    out: set[str] = set()
    for lemma in lemmas:
        out.update(index.get(lemma, ()))
    return out


_FAMILY_INDEX: dict[int, tuple[Any, dict[str, frozenset[str]]]] = {}


def _family_index(rules: RuleSet) -> dict[str, frozenset[str]]:
    """word -> the predicate families holding it, built once per loaded rule set."""
    fams = rules.lexicon.get("predicate_families", {})
    found = _FAMILY_INDEX.get(id(fams))
    if found is None or found[0] is not fams:  # (the mapping itself kept: an id is reused only after it dies)
        index: dict[str, set[str]] = {}
        for name, words in fams.items():
            for w in words:
                index.setdefault(w, set()).add(name)
        found = _FAMILY_INDEX[id(fams)] = (fams, {w: frozenset(n) for w, n in index.items()})
    return found[1]


def _d(d: dt.date | None) -> str:
    return d.isoformat() if d else "undated"


def _when(st: Statement) -> str:
    return st.date.iso() or "undated"


def _quote(text: str, limit: int = 90) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _scope_label(rules: RuleSet, scope_id: str) -> str:
    return next((s.label for s in rules.scopes if s.id == scope_id), scope_id)


def _before(a: Statement, b: Statement, days: int = 0) -> bool | None:
    """True when ``a`` (wholly) precedes ``b`` by ``days``; None when either is undated."""
    if a.date.end is None or b.date.start is None:
        return None
    return (b.date.start - a.date.end).days >= days


def _same_matter(rules: RuleSet, p: Statement, i: Statement) -> bool:
    """Is the internal sentence itself about what the claim is about: a key term of both, or a
    word of what is pledged, denied or counted? Alignment may pair a record through the topics of
    its document; a sentence that shares only a verb with the claim ("moved the files into the
    shared folder" against "does not share customer data") shows nothing about that claim. Words
    of the names in either sentence ("Alder Foods", "Alder Labs") and generic nouns ("year",
    "percent") do not make a matter on their own."""
    names = {stem(w) for st in (p, i) for e in st.entities for w in re.findall(r"[a-z][a-z\-]+", e.lower())}
    names |= {term_key(e.lower()) for st in (p, i) for e in st.entities}
    fam, generic = _families_and_generic(rules)
    ignore = names | generic
    if ({term_key(t) for t in p.topics} & {term_key(t) for t in i.topics}) - ignore:
        return True
    return bool((object_words(p, fam) - ignore) & record_words(i, fam))


_GENERIC: dict[str, frozenset[str]] = {}
_FAMILIES: dict[str, dict[str, str]] = {}


def _families_and_generic(rules: RuleSet) -> tuple[dict[str, str], frozenset[str]]:
    """The rules' noun families (stemmed) and generic nouns (stemmed), built once per rule set."""
    fam = _FAMILIES.get(rules.digest)
    if fam is None:
        fam = _FAMILIES[rules.digest] = stemmed_families(rules.noun_family_of())
    generic = _GENERIC.get(rules.digest)
    if generic is None:
        generic = _GENERIC[rules.digest] = frozenset(stem(w) for w in rules.lexicon.get("generic_nouns", ()))
    return fam, generic


def names_pledged(rules: RuleSet, p: Statement, i: Statement) -> bool:
    """Does the record's own sentence name what a pledge is about: a word of its object or of
    whom it is for, or its verb ("every customer will receive a credit" against "four alerts were
    not delivered" names another thing)? A pledge with no such words is not held to this."""
    fam, generic = _families_and_generic(rules)
    f = p.frame
    wanted = {fam.get(w, w) for w in _object_words_of(f.object + " " + f.target)} - generic
    if not wanted and not f.object:  # "all branches will open on schedule": a pledge with no object is
        # about its subject ("we will ..." names nothing)
        wanted = {fam.get(w, w) for w in _object_words_of(f.actor)} - generic - _SELF_WORDS
    if not wanted:
        return True
    theirs = record_words(i, fam)
    return bool(wanted & theirs) or (f.predicate not in LIGHT_VERBS and stem(f.predicate) in theirs)


#: A subject that names the speaker itself: "we", "the company", "the bank".
_SELF_WORDS = frozenset(stem(w) for w in ("we", "us", "i", "company", "bank", "group", "firm", "organisation",
                                          "organization", "management", "team", "staff"))


def _object_words_of(text: str) -> set[str]:
    return {stem(w) for w in re.findall(r"[a-z][a-z\-]{2,}", text.lower())} - _PLEDGE_STOP


_PLEDGE_STOP = frozenset(stem(w) for w in ("the", "a", "an", "any", "all", "every", "each", "their", "our", "your", "its",
                                             "this", "that", "these", "those", "them", "they", "it", "what", "who",
                                             "nothing", "anything", "something", "thing", "things", "account", "need"))


LIGHT_VERBS = frozenset({"be", "have", "do", "get", "make", "say", "tell", "", "include"})


def _named_party(st: Statement) -> str:
    """The sentence's subject when it is a proper name ("Meridian Water", or a name NER found),
    as an organization key; "" for "About 200 customers", "drivers", "we", "Forensics"."""
    actor = st.frame.actor.strip()
    words = actor.split()
    if (len(words) >= 2 and all(w[:1].isupper() for w in words)) or (actor and actor in st.entities):
        return org_key(actor)
    return ""


def _same_party(a: str, b: str) -> bool:
    """Two organization keys that name one party: equal, or one the other's first word(s)."""
    if not a or not b:
        return False
    wa, wb = a.split(), b.split()
    short, long_ = sorted((wa, wb), key=len)
    return long_[:len(short)] == short


def general_statement(p: Statement) -> bool:
    """Is a negative claim a general truth about a kind of thing ("decryption keys do not
    automatically restore all systems"), not a denial of an act: its subject a bare plural noun (no
    article, no owner, no name) and its verb in the present ("do not", "cannot")? A record that the
    organization did the act in another way does not contradict it."""
    actor = p.frame.actor.strip()
    return bool(_BARE_PLURAL.fullmatch(actor)) and bool(_PRESENT_NEGATION.search(p.text))


#: A subject that is a kind of thing: "decryption keys", "backup tapes" (not "our keys", "the tapes", "Acme").
_BARE_PLURAL = re.compile(r"(?!(?:the|our|its|their|his|her|this|these|that|those|any|no|all|some|every|each|we|they)\b)"
                          r"[a-z][a-z\-]{1,30}(?: [a-z][a-z\-]{1,30}){0,3}s")
#: A negation in the present tense: "do not", "does not", "cannot", "don't".
_PRESENT_NEGATION = re.compile(r"(?i)\b(?:do|does)[ \t\n]{1,3}not\b|\b(?:don['’]t|doesn['’]t|cannot|can['’]t)\b")


def _another_partys(st: Statement) -> bool:
    """Is the sentence's subject a named party other than the speaker's organization?"""
    actor = _named_party(st)
    return bool(actor) and not _same_party(actor, org_key(st.organization))


#: "seriously" giving a harm's degree ("eight people were seriously injured"), not an attitude.
_HARMS_DEGREE = re.compile(r"\bseriously\s(?:ill|injured|hurt|wounded|damaged|harmed|affected|burn(?:ed|t)|flawed|"
                           r"compromised|worried|concerned|threaten(?:s|ed)?|undermin(?:es|ed)|defamatory|wrong)\b")


def vouches_attitude(rules: RuleSet, text: str) -> bool:
    """Does a statement vouch for the organization's attitude (rules/stance.yaml attitude: "we have
    always taken safety seriously", "patient safety is our top priority"), not tell how badly
    someone was hurt ("seriously injured")?"""
    low, toks = _tokens(text)
    if _HARMS_DEGREE.search(low):
        low, toks = _tokens(_HARMS_DEGREE.sub(" ", low))
    return _has(rules.stance.get("attitude", ()), low, toks)


def _has(words: Sequence[str], low: str, tokens: frozenset[str] | set[str]) -> bool:
    """Does the text hold one of ``words``: a word among its tokens, a phrase (an entry with a
    space) in its lower-cased text?"""
    single, phrases = _split_words(words if isinstance(words, tuple) else tuple(words))
    return not single.isdisjoint(tokens) or any(p in low for p in phrases)


@lru_cache(maxsize=256)
def _split_words(words: tuple[str, ...]) -> tuple[frozenset[str], tuple[str, ...]]:
    return frozenset(w for w in words if " " not in w), tuple(w for w in words if " " in w)


@lru_cache(maxsize=65536)
def _tokens(text: str) -> tuple[str, frozenset[str]]:
    """The lower-cased text and its words, once per text: every rule and stance test reads them."""
    low = re.sub(r"\s+", " ", text.lower().replace("’", "'"))
    return low, frozenset(re.findall(r"[a-z][a-z'\-]*", low))


@lru_cache(maxsize=64)
def _verb_forms(verbs: tuple[str, ...]) -> frozenset[str]:
    """The surface forms of verbs ("pause" -> paused, pausing; "stop" -> stopped), as the first pass reads them."""
    return frozenset(inflections(set(verbs)))


#: words between a reporting verb and the date it was said on ("said on Saturday", "told reporters last week")
_SAID_ON = frozenset({"on", "last", "this", "in", "earlier", "late", "early", "the"})


def said_on(rules: RuleSet, text: str, start: int) -> bool:
    """Is the date at ``start`` the day the words were said ("a spokesperson said on Saturday that
    it had found the cause", "told reporters Tuesday"), not a date the words tell? A reporting verb
    (rules/lexicon.yaml report_verbs, in any form) stands just before it, with at most one word
    (who was told) and the date's own preposition between."""
    words = re.findall(r"[a-z]+", text[max(0, start - 60):start].lower())
    while words and words[-1] in _SAID_ON:
        words.pop()
    forms = _report_forms(tuple(rules.lexicon.get("report_verbs", ())))
    return any(w in forms for w in words[-2:])


@lru_cache(maxsize=4)
def _report_forms(verbs: tuple[str, ...]) -> frozenset[str]:
    return _verb_forms(verbs) | {"said", "told", "wrote", "spoke"}  # (the irregular past of say, tell, write, speak)


def in_dateline(text: str, m: DateMention) -> bool:
    """Is the date at ``m`` a dateline's ("HONG KONG, 24 October 2018 -- Acme announces ..."), as
    claimcheck.dates.find_dateline reads one: the day the words were issued, not a date they tell?"""
    if m.start > 50:
        return False
    line = find_dateline(text[:m.end + 40])
    return line is not None and line.value.known and line.start <= m.start < line.end


def dates_told(rules: RuleSet, st: Statement) -> tuple[DateMention, ...]:
    """The known dates a statement's words tell, without the day it says they were said on (a
    reporting verb's date, a dateline's)."""
    return tuple(m for m in st.mentioned_dates if m.value.known and not said_on(rules, st.text, m.start)
                 and not in_dateline(st.text, m))


def learned_recently(rules: RuleSet, p: Statement, i: Statement, days: int) -> bool:
    """Does a claim say it learned "recently" (rules/stance.yaml recent_learning), with no date of its own, no
    more than ``days`` after the record ("we recently became aware" a week after the first record of it)?
    Recent all the same: no record that close comes before what the claim says."""
    return not dates_told(rules, p) and p.date.start is not None and i.date.end is not None \
        and (p.date.start - i.date.end).days <= days and _has(rules.stance.get("recent_learning", ()), *_tokens(p.text))


def _org_words(org: str) -> set[str]:
    """The key terms of an organization's own name: no matter a claim and a record share."""
    return {term_key(w) for w in re.findall(r"[a-z][a-z\-]+", org.lower())}
