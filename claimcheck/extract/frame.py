"""Where a claim frame is read from the parse: predicate, polarity, modality, target, figures, topics."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterable

from ..dates.lexicon import _MONTH_NUM  # a number beside a month's name is a day or a year
from ..models import Frame, Quantity
from ..ruleset import RuleSet, Scope

TARGET_PREPS = frozenset({"to", "for", "with"})
CONDITION_MARKS = frozenset({"until", "unless", "if", "till"})
#: How the tokenizer spells a contracted auxiliary ("won't" -> "wo" + "n't", "we'll" -> "'ll"):
#: grammar, not vocabulary. The words themselves are rules/lexicon.yaml's ``commitment``.
_SPELLED = {"wo": "will", "'ll": "will"}
WORD_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
             "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15,
             "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100,
             "dozen": 12, "dozens": 24, "hundreds": 200, "thousands": 2000}
#: A figure written with its scale in one token: "600k", "~1.2bn", "57M".
_SCALED = re.compile(r"~?(?P<n>\d{1,3}(?:,\d{3}){0,4}(?:\.\d{1,3})?)(?P<s>k|m|bn)", re.I)
_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "k": 1e3, "m": 1e6, "bn": 1e9}
_UNIT_WORDS = {"%": "percent", "percent": "percent", "per": "percent", "$": "usd", "dollar": "usd",
               "€": "eur", "euro": "eur", "£": "gbp", "pound": "gbp"}
#: Units written as a symbol or abbreviation after the number ("10.9 dB", "14,266 bopd").
_SYMBOL_UNITS = {"db": "decibel", "dba": "decibel", "decibels": "decibel", "bopd": "barrel/day", "bpd": "barrel/day",
                 "ppm": "ppm", "ppb": "ppb", "mph": "mile/hour", "kph": "km/hour", "km/h": "km/hour",
                 "kg": "kilogram", "mg": "milligram", "km": "kilometre", "mw": "megawatt", "kwh": "kilowatt hour",
                 "°c": "degree celsius", "°f": "degree fahrenheit"}
_RATE = re.compile(r"\b(a|an|per|each|every)\s+(year|month|week|day|hour|quarter)\b|\b(annually|yearly|monthly|weekly|daily|hourly)\b")
OVER_LIMIT = re.compile(r"\b(above|over|exceed(s|ed|ing)?|beyond|outside)\b[\w\s,.-]{0,30}?\b(limits?|thresholds?|standards?|specifications?|specs?)\b")
NOT_TOPICS = frozenset({"PERSON", "DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"})
_STOP_DEPS = frozenset({"det", "poss", "nummod", "punct", "case", "predet", "cc"})


def phrase(token: Any, *, limit: int = 12) -> str:
    """The text of a token's subtree, clipped to ``limit`` tokens."""
    toks = list(token.subtree)[:limit]
    return " ".join(t.text for t in toks).replace(" 's", "'s").replace(" ,", ",").strip()


def lemma_phrase(tokens: Iterable[Any], generic: frozenset[str]) -> str:
    words = [t.lemma_.lower() for t in tokens
             if t.dep_ not in _STOP_DEPS and not t.is_stop and not t.is_punct and not t.like_num
             and t.pos_ in ("NOUN", "PROPN", "ADJ") and t.lemma_.lower() not in generic]
    return " ".join(w for w in words if re.fullmatch(r"[a-z][a-z.\-']*", w))


def topics_of(span: Any, generic: frozenset[str]) -> tuple[str, ...]:
    """Lemmatized key phrases: noun chunks (no determiners, pronouns, numbers) and their nouns."""
    keys: list[str] = []
    try:
        chunks = list(span.noun_chunks)
    except (ValueError, AttributeError):
        chunks = []
    for chunk in chunks:
        if chunk.root.ent_type_ in NOT_TOPICS:  # who spoke and when are not what it is about
            continue
        ph = lemma_phrase(chunk, generic)
        if ph:
            keys.append(ph)
            words = ph.split()
            if len(words) > 2:  # every adjacent pair: "agency face scanning tool" holds "face scanning"
                keys.extend(" ".join(words[k:k + 2]) for k in range(len(words) - 1))
            keys.extend(w for w in words if len(w) > 2)
    for t in span:
        if t.pos_ in ("NOUN", "PROPN") and not t.is_stop and t.lemma_.lower() not in generic and len(t.text) > 2 \
                and t.ent_type_ not in NOT_TOPICS:
            keys.append(t.lemma_.lower())
    seen: dict[str, None] = {}
    for k in keys:
        if re.fullmatch(r"[a-z][a-z .\-']*", k):
            seen.setdefault(k, None)
    return tuple(seen)


_LIGHT_WORD = re.compile(r"[A-Za-z][A-Za-z\-']+")


def _light_lemma(word: str) -> str:
    """A parse-free lemma of a content word: lower case, a plural's "s" dropped."""
    w = word.lower().strip("'-")
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("s") and not w.endswith(("ss", "us", "is", "ews")) and len(w) > 3:
        return w[:-1]
    return w


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    """spaCy's English stop words, imported on first use (this module is imported where spaCy is not)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def light_topics(text: str, generic: frozenset[str]) -> tuple[str, ...]:
    """Key terms of a sentence read without a parse: its content words (not stop words, generic
    nouns or short words) and each adjacent pair of them, as topics_of gives noun chunks."""
    stop = _stop_words()
    words: list[str | None] = []
    for m in _LIGHT_WORD.finditer(text):
        lemma = _light_lemma(m.group())
        keep = len(lemma) > 2 and lemma not in stop and lemma not in generic
        words.append(lemma if keep else None)
    keys: list[str] = []
    for a, b in zip(words, words[1:]):
        if a and b:
            keys.append(f"{a} {b}")
    keys.extend(w for w in words if w)
    return tuple(dict.fromkeys(k for k in keys if re.fullmatch(r"[a-z][a-z .\-']*", k)))


_EVENT_COUNTS: dict[int, tuple[Any, dict[str, str]]] = {}  # id(lexicon.event_counts) -> (it, verb -> event)


def _event_counts(ruleset: Any) -> dict[str, str]:
    """Verb -> the event its subjects' number counts (rules/lexicon.yaml event_counts: "36 users
    have died" counts deaths), inverted once per rule set, not once per sentence."""
    families = (getattr(ruleset, "lexicon", {}) or {}).get("event_counts", {}) or {}
    hit = _EVENT_COUNTS.get(id(families))
    if hit is None or hit[0] is not families:
        hit = _EVENT_COUNTS[id(families)] = (families, {verb: event for event, verbs in families.items() for verb in verbs})
    return hit[1]


#: Counts given by their order of magnitude: "hundreds of", "thousands of" (at least the magnitude's first value).
_MAGNITUDES = {"hundreds": 100.0, "thousands": 1000.0, "millions": 1_000_000.0, "billions": 1_000_000_000.0}


def quantities_of(span: Any, approximators: Iterable[str], events: dict[str, str] | None = None) -> tuple[Quantity, ...]:
    """The figures of a span, each with what it counts or measures (its unit). A unit symbol after
    the number ("10.9 dB") is its unit; a bare number after a label ("Deaths reported: 32") counts
    the label's first noun; the number of a verb's subjects counts the event ``events`` names for
    the verb ("36 users have died": 36 deaths). A day or year beside a month's name is no figure.
    "between 60% and 80%", and "150% ... and up to 900%", are one range (``low`` and ``high`` both
    set), not two figures."""
    events = events or {}
    approx_words = set(approximators)
    out: list[Quantity] = []
    at: list[int] = []           # the token index of each figure in ``out``
    skip: set[int] = set()       # the upper ends of ranges already read
    for t in span:
        short = _SCALED.fullmatch(t.text)  # "~600k", "1.2bn": one token the parse does not call a number
        if short and t.i not in skip and t.i + 1 < len(t.doc) and t.nbor(1).pos_ == "NOUN":
            noun = t.nbor(1)
            head = noun.head if noun.dep_ == "compound" and noun.head.i > noun.i and noun.head.pos_ == "NOUN" else noun
            mods = [c.lemma_.lower() for c in head.children if c.dep_ == "compound" and c.pos_ == "NOUN"]
            value = float(short["n"].replace(",", "")) * _SCALE[short["s"].lower()]
            unit = _UNIT_WORDS.get(" ".join(mods + [head.lemma_.lower()]), " ".join(mods + [head.lemma_.lower()]))
            out.append(Quantity(value, unit, t.text.startswith("~"), t.text.lstrip("~"), None, None))
            at.append(t.i)
            continue
        if t.i in skip or not t.like_num or t.ent_type_ in ("DATE", "TIME", "CARDINAL") and _is_year(t):
            continue
        if t.ent_type_ in ("DATE", "TIME", "ORDINAL"):
            continue
        value = _number(t.text)
        if value is None:
            continue
        if t.i == span.start and re.fullmatch(r"\d{1,2}(?:\.\d{1,2}){1,3}\.?", t.text) and t.i + 1 < len(t.doc) \
                and t.nbor(1).text[:1].isupper():
            continue  # "2.2 Officers do not consider ...": a paragraph's number, no figure
        if t.lower_ == "one" and re.search(r"\b(?:the other|another)\b", t.sent.text.lower()):
            continue  # "one train was entering while the other was leaving": one of two, no count
        nxt = t.nbor(1) if t.i + 1 < len(t.doc) else None
        prev = t.nbor(-1) if t.i > t.sent.start else None
        if nxt is not None and nxt.lower_.rstrip(".") in _MONTH_NUM or prev is not None and prev.lower_.rstrip(".") in _MONTH_NUM:
            continue  # "13 September 2016", "September 13": a date the tagger did not mark
        scaled = nxt is not None and nxt.lower_ in _SCALE
        if scaled:
            value *= _SCALE[nxt.lower_]
        unit = ""
        head = t.head
        if nxt is not None and nxt.lower_ in _SYMBOL_UNITS:
            unit = _SYMBOL_UNITS[nxt.lower_]  # "10.9 dB": the symbol, whatever the parse made its head
        elif head.i < t.i and t.dep_ in ("nummod", "compound", "appos", "npadvmod") and head.pos_ in ("NOUN", "PROPN") \
                and head.i + 1 == t.i and head.text[:1].isupper() and not head.text.isupper() \
                and head.lower_ not in _UNIT_WORDS and head.lower_ not in _SYMBOL_UNITS:
            continue  # "Train 1", "Tank 396", "Flight 370": a name's number, no count of anything
        elif t.dep_ in ("nummod", "quantmod", "compound") and head.pos_ in ("NOUN", "PROPN", "SYM"):
            # ("57M rider records": the scale letter the parse took for a compound is no part of the unit)
            mods = [c.lemma_.lower() for c in head.children if c.dep_ == "compound" and c.pos_ == "NOUN"
                    and not (scaled and c.i == nxt.i)]
            unit = " ".join(mods + [head.lemma_.lower()])
            if head.dep_ in ("nsubj", "nsubjpass") and head.head.lemma_.lower() in events:
                unit = events[head.head.lemma_.lower()]  # "36 users have died": 36 deaths
        elif nxt is not None and nxt.pos_ == "NOUN":
            unit = nxt.lemma_.lower()
        if prev is not None and prev.text in _UNIT_WORDS:
            unit = _UNIT_WORDS[prev.text]
        unit = _UNIT_WORDS.get(unit, unit)
        if not unit and prev is not None and prev.text == ":":
            unit = _label_noun(t)  # "Fatalities reported since launch: 32"
        if not unit:
            continue
        after = span.doc[t.i + 1:min(t.sent.end, t.i + 6)].text.lower()
        rate = _RATE.search(after)
        if rate and "/" not in unit:  # "60,000 wagons a year" is a rate, not a count of the same thing as "18,000 wagons"
            unit = f"{unit}/{rate.group(2) or rate.group(3).replace('annually', 'year').rstrip('ly')}"
        window = span.doc[max(t.sent.start, t.i - 3):t.i].text.lower()
        approx = any(re.search(rf"\b{re.escape(a)}\b", window) for a in approx_words)
        low = value if re.search(r"\b(more than|at least|over)\b", window) else None
        high = value if re.search(r"\b(less than|fewer than|up to|under)\b", window) else None
        if re.search(r"\bbetween\b", window):  # "between 60% and 80%": one range
            ahead = span.doc[t.i + 1:min(t.sent.end, t.i + 5)]
            joint = next((w.i for w in ahead if w.lower_ in ("and", "to", "-")), None)
            top = next((w for w in span.doc[joint + 1:joint + 3] if w.like_num and _number(w.text) is not None),
                       None) if joint is not None and joint < t.sent.end - 1 else None
            if top is not None and _number(top.text) > value:
                low, high = value, float(_number(top.text))
                skip.add(top.i)
        if high is not None and low is None and out and at and out[-1].unit == unit and out[-1].low is None \
                and out[-1].high is None and out[-1].value < value \
                and re.search(r"\b(and|to)\b", span.doc[at[-1] + 1:t.i].text.lower()):
            first = out[-1]  # "roughly 150% at the low end and up to about 900%": the range's two ends
            out[-1] = Quantity(first.value, unit, first.approx or approx, first.text, first.value, value)
            continue
        out.append(Quantity(value, unit, approx, t.text, low, high))
        at.append(t.i)
    for t in span:  # "thousands of barrels": a count given by its order of magnitude, at least that many
        scale = _MAGNITUDES.get(t.lower_)
        if scale and t.i + 2 < len(t.doc) and t.nbor(1).lower_ == "of" and t.nbor(2).pos_ == "NOUN" \
                and not any(a <= t.i <= a + 2 for a in at):
            noun = t.nbor(2)
            unit = _UNIT_WORDS.get(noun.lemma_.lower(), noun.lemma_.lower())
            out.append(Quantity(scale, unit, True, t.text, scale, None))
            at.append(t.i)
    return tuple(out)


def _label_noun(t: Any) -> str:
    """The first noun of the label a bare number follows ("Fatalities reported to us: 32" ->
    fatality), read back to the line's or sentence's start (at most 25 tokens); its subject first;
    "" when none."""
    start = t.i - 1
    while start > max(t.sent.start, t.i - 26) and t.doc[start - 1].text not in (":", ";", "\n") \
            and "\n" not in t.doc[start - 1].text:
        start -= 1
    nouns = [w for w in t.doc[start:t.i - 1] if w.pos_ == "NOUN"]
    subject = [w for w in nouns if w.dep_ in ("nsubj", "nsubjpass", "ROOT")]
    return (subject or nouns)[0].lemma_.lower() if nouns else ""


def _is_year(t: Any) -> bool:
    return bool(re.fullmatch(r"(1[89]|20)\d\d", t.text))


def _number(text: str) -> float | None:
    clean = text.replace(",", "").lower()
    if clean in WORD_NUMBERS:
        return float(WORD_NUMBERS[clean])
    try:
        return float(clean)
    except ValueError:
        return None


def classify_scope(text: str, scopes: Iterable[Scope]) -> str:
    """The scope id whose longest pattern occurs in ``text`` (or whose name suffix ends it)."""
    low = " " + re.sub(r"[^a-z0-9.; ]+", " ", text.lower()) + " "
    best, best_len = "", 0
    lasts = {seg.split()[-1] for seg in low.split(";") if seg.split()}
    for scope in scopes:
        for pat in scope.patterns:
            if f" {pat} " in low and len(pat) > best_len:
                best, best_len = scope.id, len(pat)
        if lasts & set(scope.name_suffixes) and best_len < 3:
            best, best_len = scope.id, 3
    return best


@dataclass(frozen=True)
class ReaderWords:
    """The words of rules/lexicon.yaml that decide a frame's modality and polarity (single words;
    the phrases of those lists serve the first pass only). The first pass
    (sentences.CueIndex) derives its modal cues from the same words, so the two cannot drift."""

    commitment: frozenset[str]  # lexicon.commitment: the verb, reporting verb or auxiliary of a pledge
    future_aux: frozenset[str]  # the same words as tokens spell them ("wo", "'ll"): read on auxiliaries
    denial: frozenset[str]      # lexicon.denial: a reporting verb that denies ("denied that ...")
    negative: frozenset[str]    # lexicon.negative_verbs: a verb that negates its clause ("refused to sell")
    telling: frozenset[str]     # lexicon.telling_verbs: told someone (an act) unless passive (learning)
    hedge_adverbs: frozenset[str]  # lexicon.hedge_adverbs: anywhere in the clause, they hedge it
    target_verbs: frozenset[str]   # lexicon.target_verbs: the direct object is whom the act is aimed at
    no_risk: tuple[str, ...]       # lexicon.assurance phrases opening with "no": assure in a negated clause
    not_free: frozenset[str] = frozenset()  # lexicon.free_not_assuring: "duty-free" names no hazard's absence
    object_acts: frozenset[str] = frozenset()  # lexicon.object_acts: "committed misconduct" is an act, no pledge


def reader_words(ruleset: RuleSet) -> ReaderWords:
    """The reader's words of ``ruleset`` (no Python copy of them: a word added in YAML counts)."""
    lex = ruleset.lexicon

    def words(key: str) -> frozenset[str]:
        return frozenset(w for w in lex.get(key, ()) if " " not in w)

    commitment = words("commitment")
    return ReaderWords(commitment, commitment | {s for s, w in _SPELLED.items() if w in commitment},
                       words("denial"), words("negative_verbs"), words("telling_verbs"), words("hedge_adverbs"),
                       words("target_verbs"), tuple(w for w in lex.get("assurance", ()) if w.startswith("no ")),
                       words("free_not_assuring"), words("object_acts"))


def read_frame(root: Any, sent: Any, ruleset: RuleSet, *, scopes: tuple[Scope, ...],
               speech_lemma: str = "", org_names: dict[str, str] | None = None) -> Frame:
    """Read the frame of the clause headed by ``root`` (a token of a parsed sentence)."""
    lex = ruleset.lexicon
    rw = reader_words(ruleset)
    clause = list(root.subtree) if root is not None else list(sent)
    verbs_tokens = [t for t in clause if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass")]
    head = _salient_verb(root, rw.future_aux) if root is not None else None
    if head is None:
        head = root or sent.root
    going_to = False
    if head.lemma_ == "go" and head.tag_ == "VBG":  # "we are (not) going to wait": a future
        xc = next((c for c in head.children if c.dep_ == "xcomp"), None)
        if xc is not None:
            going_to = True
            neg_here = [c for c in head.children if c.dep_ == "neg"]
            head = xc
    children = list(head.children)
    aux = [c for c in children if c.dep_ in ("aux", "auxpass")]
    neg = any(c.dep_ == "neg" or c.lower_ in ("never", "not", "n't") for c in children)
    if going_to and neg_here:
        neg = True
    for c in children:  # "no risk", "no evidence": a determiner negating the object
        if c.dep_ in ("dobj", "attr", "nsubj", "nsubjpass") and any(g.lower_ == "no" for g in c.children):
            neg = True
        if c.lower_ in ("longer", "more") and any(g.lower_ == "no" for g in c.children):
            neg = True  # "are no longer stored": a negation by its adverb
    lemma = head.lemma_.lower()
    if lemma in rw.negative and not any(c.dep_ in ("auxpass", "nsubjpass") for c in children):
        neg = True  # "we declined to sell", "we halted sales"; not "all flights are cancelled" (the act done to them)
    future = going_to or any(a.lower_ in rw.future_aux or a.lemma_ in rw.commitment for a in aux)
    clause_text = " ".join(t.text for t in clause).lower()
    clause_lemmas = {t.lemma_.lower() for t in clause} | {t.lower_ for t in clause}
    # "Although the number of affected products is limited, the plant supplies many countries": a
    # point conceded before the claim is made assures nothing
    conceded = {g.i for t in clause if any(c.dep_ == "mark" and c.lower_ in ("although", "though") for c in t.children)
                for g in t.subtree}
    # (nor does "provided funds to armed groups in order to ensure safe passage": the purpose of an
    # act told; nor "an accurate notice was more useful than an early one": a quality of what the
    # sentence is about, not a quality it asserts)
    purpose = next((t.i for t in clause if t.lower_ == "order" and t.i > 0 and t.doc[t.i - 1].lower_ == "in"
                    and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "to"), None)
    heads_lemmas = {w for t in clause if t.dep_ != "compound" and t.i not in conceded
                    and (purpose is None or t.i < purpose)
                    and not (t.dep_ == "amod" and t.head.dep_ in ("nsubj", "nsubjpass"))
                    for w in (t.lemma_.lower(), t.lower_)}

    # "tell me if there is a real risk": a risk asked about in a condition is no concern voiced
    conditional = {g.i for t in clause if any(c.dep_ == "mark" and c.lower_ in ("if", "whether") for c in t.children)
                   for g in t.subtree}
    # "brief the Board risk committee", "the safety team": a word naming a body is no concern voiced
    asserted = [t for t in clause if t.i not in conditional
                and not (t.dep_ == "compound" and t.head.lemma_.lower() in _BODY_HEADS)]
    asserted_text = " ".join(t.text for t in asserted).lower()
    asserted_lemmas = {t.lemma_.lower() for t in asserted} | {t.lower_ for t in asserted}

    def has(key: str) -> bool:
        if key in ("concern", "strong_concern") and OVER_LIMIT.search(clause_text):
            return True  # "above the 90 ppm limit", "over the legal threshold": a measured failure
        if key == "assurance" and any(((t.lower_.endswith("-free") and t.lower_[:-5] not in rw.not_free)
                                       or t.lower_ == "free" and t.i > 1 and t.doc[t.i - 1].text == "-"
                                       and t.doc[t.i - 2].lower_ not in rw.not_free)
                                      and not _after_without(t) for t in clause):
            return True  # "lead-free", "risk-free": an assurance by its shape (not "duty-free"; not "connected
            # without being confirmed to be virus-free", which says the check was not made)
        words = lex.get(key, ())
        text, lemmas = (asserted_text, asserted_lemmas) if key in ("concern", "strong_concern") else (clause_text, clause_lemmas)
        if key == "assurance":  # "a battery safety check" names a measure; it assures nothing
            lemmas = heads_lemmas
        return any((" " in w and w in text) or (" " not in w and w in lemmas) for w in words)

    # "I do not believe X", "it is not accurate that X": the negation denies what the clause frames
    stance = getattr(ruleset, "stance", {}) or {}
    framed = next((c for c in children if c.dep_ in ("ccomp", "csubj") or c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None)
    if framed is None and lemma == "be":  # "it is not accurate that X": the clause hangs off the adjective
        framed = next((g for c in children if c.dep_ == "acomp" for g in c.children
                       if g.dep_ in ("ccomp", "csubj")), None)
    belief_denial = framed is not None and (
        (neg and lemma in set(stance.get("belief_verbs", ())))
        or any(w in clause_text for w in stance.get("falsity", ()))
        # "the Vice-Chancellor concludes that Jane Roe has not committed misconduct": a finding that denies
        or (not neg and lemma in set(stance.get("finding_verbs", ()))
            and any(c.dep_ == "neg" for c in framed.children)))
    quantities = quantities_of(sent if root is None else _span_of(clause, sent), lex.get("approximators", ()),
                               _event_counts(ruleset))
    past = head.tag_ in ("VBD", "VBN") or any(a.lemma_ in ("do", "have") and a.tag_ in ("VBD", "VBZ", "VBP") for a in aux)
    sent_low = sent.text.lower()
    if any(w in clause_text or w in sent_low for w in lex.get("position_change", ())):
        modality = "position-change"
    elif speech_lemma in rw.denial or (neg and past and not future and not has("knowledge")) \
            or belief_denial:
        modality = "denial"
        if belief_denial:  # what is denied is the framed clause: its verb is the predicate
            lemma, neg, head = framed.lemma_.lower(), True, framed
    elif speech_lemma in rw.commitment or future or (
            lemma in rw.commitment and not (lemma in rw.object_acts and any(c.dep_ == "dobj" for c in children))):
        # ("has committed misconduct": an act done, not a pledge)
        modality = "commitment"
    elif has("knowledge") and any(_learns(t, set(lex.get("knowledge", ())), rw.telling) and not _purpose(t, stance)
                                  for t in verbs_tokens + [head]):
        modality = "knowledge"
    elif has("assurance") and not neg and not has("concern"):
        modality = "assurance"
    elif has("assurance") and neg and any(p in clause_text for p in rw.no_risk):
        modality, neg = "assurance", False
    elif has("concern") and not (neg and _negated_concern(head, set(lex.get("concern", ())))):
        modality = "concern"
    elif quantities:
        modality = "figure"
    elif lemma in set(lex.get("action", ())) or any(t.lemma_.lower() in set(lex.get("action", ())) for t in verbs_tokens):
        modality = "action"
    else:
        modality = "report"
    children = list(head.children)  # the framed clause's, when a denial of belief moved the head
    target_tok = _target(head, rw.target_verbs)
    target = phrase(target_tok, limit=8) if target_tok is not None else ""
    condition = ""
    temporal = ""
    for t in clause:
        if t.lower_ in CONDITION_MARKS and t.dep_ in ("mark", "prep"):
            condition = phrase(t.head if t.dep_ == "mark" else t, limit=14)
            if t.lower_ in ("until", "till"):
                temporal = condition
            break
    if not temporal:
        if any(t.lower_ == "never" for t in clause):
            temporal = "never"
        for t in clause:
            if t.lower_ == "since" and t.dep_ == "prep":
                temporal = phrase(t, limit=6)
    dobj = next((c for c in children if c.dep_ in ("dobj", "attr", "acomp", "oprd")), None)
    if dobj is None and any(c.dep_ == "auxpass" for c in children):  # "software will not be deployed"
        dobj = next((c for c in children if c.dep_ == "nsubjpass"), None)
    if dobj is not None and dobj.pos_ == "PRON" and dobj.lower_ in ("it", "them", "this", "that"):
        dobj = _antecedent(dobj, sent) or dobj
    if modality == "knowledge" and (dobj is None or dobj.pos_ in ("PRON", "SCONJ")):
        # "learned of the worn parts", "became aware of the leak": what was learned
        prep = next((c for c in children if c.dep_ == "prep" and c.lower_ in ("of", "about")), None)
        pobj = next((g for g in prep.children if g.dep_ == "pobj"), None) if prep is not None else None
        dobj = pobj if pobj is not None else dobj
    actor = next((c for c in children if c.dep_ in ("nsubj", "nsubjpass")), None)
    scope_text = target or ""
    scope = classify_scope(_resolve_names(scope_text, org_names), scopes) if scope_text else ""
    hedges = set(lex.get("hedges", ()))
    action_nouns = set(lex.get("action", ()))
    hedged = any(a.lower_ in hedges for a in aux) or any(t.lower_ in rw.hedge_adverbs for t in clause)
    return Frame(
        actor=phrase(actor, limit=8) if actor is not None else "",
        predicate=lemma,
        object=phrase(dobj, limit=10) if dobj is not None else "",
        target=target,
        polarity="negative" if neg else "positive",
        modality=modality,
        condition=condition,
        temporal_scope=temporal,
        quantities=quantities,
        # (not a relative clause's: "the hardware, which stopped trains talking, was found" tells of the
        # hardware; its act is being found, not stopping)
        verbs=tuple(dict.fromkeys([t.lemma_.lower() for t in verbs_tokens + [head] if t.pos_ in ("VERB", "AUX", "NOUN")
                                   and (t is head or t.dep_ != "relcl")]
                                  + [t.lemma_.lower() for t in clause if t.pos_ == "NOUN" and t.lemma_.lower() in action_nouns])),
        hedged=hedged,
        scope=scope,
    )


#: Nouns of a body or a post a concern word may name ("risk committee", "safety officer"), or a record or device
#: it names ("alarm printout", "risk register").
_BODY_HEADS = frozenset({"committee", "team", "department", "office", "officer", "unit", "function", "board",
                         "division", "director", "manager", "lead", "owner", "desk", "group", "council", "panel",
                         # a record or a device a concern word names: "alarm printout", "risk register", "hazard log"
                         "printout", "log", "register", "record", "panel", "light", "lamp", "code", "history", "list",
                         "matrix", "sheet", "signal", "system", "button"})


def _negated_concern(head: Any, concern: set[str]) -> bool:
    """"engineers are not worried", "this is not a problem": the negation takes the concern back
    (unlike "the cars do not meet the limits", a failure stated with a negation)."""
    if head.lemma_.lower() in concern or head.lower_ in concern:
        return True
    return any(c.dep_ in ("acomp", "attr", "dobj") and (c.lemma_.lower() in concern or c.lower_ in concern)
               for c in head.children)


def _purpose(verb: Any, stance: dict) -> bool:
    """"to listen more, to learn more", "we want to learn": a wish or purpose, not a claim that
    something was learned. An infinitive ("to" + verb), or a purpose phrase before the verb."""
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return True
    before = verb.doc[max(verb.sent.start, verb.i - 4):verb.i].text.lower()
    return any(m in before for m in stance.get("purpose_marks", ()))


def _learns(token: Any, knowledge: set[str], telling: frozenset[str]) -> bool:
    """Does this verb say its subject came to know something (not that it told someone)? A verb of
    telling (lexicon.telling_verbs): "we notified the regulator" is an act, "we were notified" is learning."""
    lemma = token.lemma_.lower()
    if lemma not in knowledge:
        return False
    obj = next((c for c in token.children if c.dep_ == "dobj"), None)
    if obj is not None and any(t.ent_type_ in ("MONEY", "PERCENT") for t in obj.subtree):
        return False  # "realizing a pre-tax loss of about $440 million": an amount made, nothing learned
    if lemma in telling:
        return any(c.dep_ in ("nsubjpass", "auxpass") for c in token.children)
    return True


def _antecedent(pron: Any, sent: Any) -> Any:
    """"a stance on face scanning and would not sell it": the last noun phrase before the pronoun
    that is not a subject stands in for it (no coreference model; the sentence only)."""
    try:
        chunks = [c for c in sent.noun_chunks if c.end <= pron.i and c.root.pos_ != "PRON"
                  and c.root.dep_ not in ("nsubj", "nsubjpass")]
    except (ValueError, AttributeError):
        return None
    return chunks[-1].root if chunks else None


def _resolve_names(text: str, org_names: dict[str, str] | None) -> str:
    if not org_names:
        return text
    out = text
    for alias, canonical in org_names.items():
        if re.search(rf"\b{re.escape(alias)}\b", out):
            out = out + " " + canonical
    return out


def _after_without(t: Any) -> bool:
    """Is a word under a "without" before it, within its clause ("connected without first being
    isolated and confirmed to be virus-free": the check was not made)? Read by the words, not the
    parse, which may hang "confirmed" on the verb before "without"."""
    for k in range(t.i - 1, max(t.sent.start, t.i - 12) - 1, -1):
        w = t.doc[k]
        if w.text in (",", ";", ":", "(", ")") or w.lower_ in ("but", "because", "so"):
            return False
        if w.lower_ == "without":
            return True
    return any(a.lower_ == "without" for a in t.ancestors)


def _span_of(tokens: list[Any], sent: Any) -> Any:
    if not tokens:
        return sent
    return sent.doc[min(t.i for t in tokens):max(t.i for t in tokens) + 1]


def _salient_verb(root: Any, future_aux: frozenset[str]) -> Any:
    """Among the root and its conjoined verbs, prefer the one that is negated or modal."""
    cands = [root] + [t for t in root.conjuncts if t.pos_ in ("VERB", "AUX")] if root is not None else []
    for c in cands:
        if any(ch.dep_ == "neg" for ch in c.children) or any(ch.lower_ in future_aux for ch in c.children if ch.dep_ == "aux"):
            return c
    if root is not None and root.lemma_ in ("be", "have") and root.pos_ == "AUX":
        return root
    return root


def _target(head: Any, target_verbs: frozenset[str]) -> Any:
    for c in head.children:
        if c.dep_ == "dative":
            if c.pos_ == "ADP":
                pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj
                continue
            return c
        if c.dep_ == "prep" and c.lower_ in TARGET_PREPS:
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    if head.lemma_.lower() in target_verbs:
        d = next((c for c in head.children if c.dep_ == "dobj"), None)
        if d is not None:
            return d
    for c in head.children:  # "offering to sell X to Y", "working on persuading Y"
        if c.dep_ in ("xcomp", "pcomp", "advcl") and c.pos_ == "VERB":
            found = _target(c, target_verbs)
            if found is not None:
                return found
        if c.dep_ == "prep":
            for g in c.children:
                if g.dep_ == "pcomp" and g.pos_ == "VERB":
                    found = _target(g, target_verbs)
                    if found is not None:
                        return found
    return None


def content_root(sent: Any, report_verbs: Iterable[str], future_aux: Iterable[str] = ()) -> tuple[Any, str]:
    """The clause a sentence asserts, and the reporting verb that frames it ("" if none).

    "The company said it would not sell X" asserts "it would not sell X" (the complement of
    "said"); a sentence with no reporting verb asserts its main clause. Used where a sentence is
    read on its own, without the document reader's speaker attribution (gold-statement mode).
    ``future_aux``: the auxiliaries that make a clause a commitment (:attr:`ReaderWords.future_aux`)."""
    verbs = set(report_verbs)
    future = frozenset(future_aux)
    top = sent.root
    if any(c.dep_ == "neg" for c in top.children) and any(c.dep_ in ("ccomp", "csubj", "acomp") for c in top.children):
        return top, ""  # "it is not true that X wrote...", "I do not believe X said...": the negation frames it all
    for t in sent:
        if t.lemma_.lower() in verbs and t.pos_ == "VERB":
            comp = next((c for c in t.children if c.dep_ in ("ccomp", "xcomp")), None)
            if comp is not None:
                return comp, t.lemma_.lower()
            if t.dep_ in ("parataxis", "ccomp") and t.head is not t:
                return t.head, t.lemma_.lower()
    roots = [t for t in sent if t.dep_ == "ROOT"] or [sent.root]
    for r in roots + [c for r in roots for c in r.children if c.dep_ == "ccomp"]:
        if any(c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in future) for c in r.children):
            return r, ""
    return next((r for r in roots if r.pos_ in ("VERB", "AUX")), roots[0]), ""


def read_sentence(sent: Any, ruleset: RuleSet) -> tuple[Any, Frame]:
    """The root and frame of a sentence read on its own (see :func:`content_root`)."""
    root, speech = content_root(sent, ruleset.lexicon.get("report_verbs", ()), reader_words(ruleset).future_aux)
    return root, read_frame(root, sent, ruleset, scopes=ruleset.scopes, speech_lemma=speech)
