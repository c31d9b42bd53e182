"""Where a rule fires: compare each aligned public claim with internal evidence, explain why.

Each rule of rules/detect.yaml names a ``type`` implemented by one function here and sets its
parameters. A check returns a score and reasons (what strengthens, what weakens the flag); a
finding is a contradiction only when the score is high and nothing weakens it, a tension when
something does. Several internal statements backing one claim under one rule are one finding.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Callable, Sequence

from .align import (Alignment, Pair, object_words, record_words, same_unit as _same_unit, stem,
                    stemmed_families, term_key, topic_overlap)
from .corpus import org_key, person_key
from .models import Finding, Quantity, Reason, Statement
from .extract.frame import OVER_LIMIT
from .extract.sentences import inflections
from .ruleset import Rule, RuleSet


@dataclass(frozen=True)
class Hit:
    score: float
    reasons: tuple[Reason, ...]
    point: str


def _families(rules: RuleSet, lemmas: Sequence[str]) -> set[str]:
    fams = rules.lexicon.get("predicate_families", {})
    return {name for name, words in fams.items() if any(l in words for l in lemmas)}


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
    fam = _FAMILIES.get(rules.digest)
    if fam is None:
        fam = _FAMILIES[rules.digest] = stemmed_families(rules.noun_family_of())
    generic = _GENERIC.get(rules.digest)
    if generic is None:
        generic = _GENERIC[rules.digest] = frozenset(stem(w) for w in rules.lexicon.get("generic_nouns", ()))
    ignore = names | generic
    if ({term_key(t) for t in p.topics} & {term_key(t) for t in i.topics}) - ignore:
        return True
    return bool((object_words(p, fam) - ignore) & record_words(i, fam))


_GENERIC: dict[str, frozenset[str]] = {}
_FAMILIES: dict[str, dict[str, str]] = {}


def check_commitment(rule: Rule, rules: RuleSet, p: Statement, i: Statement) -> Hit | None:
    pf, iff = p.frame, i.frame
    if pf.modality != "commitment" or i.role != "evidence" or not _same_matter(rules, p, i):
        return None
    fam_p = _families(rules, [pf.predicate])
    fam_i = _families(rules, list(iff.verbs) + [iff.predicate])
    shared_fam = fam_p & fam_i
    same_verb = pf.predicate not in LIGHT_VERBS and pf.predicate in (set(iff.verbs) | {iff.predicate})
    if not shared_fam and not same_verb:
        return None
    # the pledge says "will not X"; evidence of doing X contradicts; evidence of not doing X agrees
    if pf.polarity == iff.polarity:
        return None
    prm = rule.params
    score = prm.get("base_score", 0.9)
    reasons = [Reason("strengthens", "same-organization",
                      f"both come from {p.organization}: the claim by {p.speaker or p.organization}, the record "
                      f"{'from ' + i.speaker if i.speaker else 'reported'}")]
    reasons.append(Reason("strengthens", "action",
                          "the internal record shows the organization " +
                          ("doing what the pledge rules out" if pf.polarity == "negative" else "not doing what it pledged") +
                          f" ({', '.join(sorted(shared_fam)) or pf.predicate})"))
    if pf.scope and iff.scope and pf.scope != iff.scope:
        score -= prm.get("scope_penalty", 0.2)
        reasons.append(Reason("weakens", "scope",
                              f"scope: the pledge covers {pf.target or _scope_label(rules, pf.scope)} "
                              f"({_scope_label(rules, pf.scope)}); the evidence concerns "
                              f"{iff.target or _scope_label(rules, iff.scope)} ({_scope_label(rules, iff.scope)})"))
    order = _before(i, p)
    if order:
        score -= prm.get("predates_penalty", 0.2)
        reasons.append(Reason("weakens", "timing",
                              f"timing: the evidence ({_when(i)}) predates the pledge ({_when(p)}), which is forward-looking"))
    elif order is None:
        score -= prm.get("predates_penalty", 0.2) / 2
        reasons.append(Reason("weakens", "timing-unknown",
                              f"timing: the evidence is {'undated' if not i.date.known else 'dated ' + _when(i)}"
                              f" and the pledge {_when(p)}; which came first is not established"))
    if pf.condition:
        score -= prm.get("condition_penalty", 0.05)
        reasons.append(Reason("weakens", "condition", f"condition: the pledge holds \"{_quote(pf.condition, 60)}\""))
    if iff.hedged:
        score -= 0.1
        reasons.append(Reason("weakens", "hedged", "the internal record is hedged"))
    if pf.polarity == "negative":
        done = sorted(set(iff.verbs) & {w for f in shared_fam for w in rules.lexicon["predicate_families"][f]}) or [iff.predicate]
        point = (f"{p.organization} pledged not to {pf.predicate}{' to ' + pf.target if pf.target else ''}; "
                 f"its internal record shows it trying to {'/'.join(done)}{' to ' + iff.target if iff.target else ''}")
    else:
        point = (f"{p.organization} pledged to {pf.predicate}{' ' + _quote(pf.object, 40) if pf.object else ''}; "
                 f"its internal record of {_when(i)} says it did not")
    return Hit(score, tuple(reasons), point)


def check_denial(rule: Rule, rules: RuleSet, p: Statement, i: Statement) -> Hit | None:
    pf, iff = p.frame, i.frame
    if pf.modality != "denial" or pf.polarity != "negative":
        return None
    ongoing = _still_does(rules, pf.predicate, i.text)  # "we still store location with ..."
    if iff.polarity != "positive" and not ongoing:
        return None
    if iff.modality not in ("action", "report", "figure", "knowledge", "concern") or not _same_matter(rules, p, i):
        return None
    if not ongoing and not (_families(rules, [pf.predicate]) & _families(rules, list(iff.verbs) + [iff.predicate])) \
            and pf.predicate not in iff.verbs:
        return None
    if reports_absence(rules, i.text):
        return None  # "say plainly that no cause was found": the record agrees with the denial
    prm = rule.params
    score = prm.get("base_score", 0.9)
    order = _before(i, p)
    if order:
        reasons = [Reason("strengthens", "timing", f"the internal record ({_when(i)}) predates the denial ({_when(p)})")]
    else:  # evidence after the denial, or undated: no flag (precision first), unless the record
        # says soon after that the act still goes on ("no longer stored" / "we still store")
        gap = (i.date.start - p.date.end).days if order is False and i.date.start and p.date.end else None
        if not ongoing or gap is None or gap > prm.get("ongoing_after_days", 0):
            return None
        score -= prm.get("later_evidence_penalty", 0.1)
        reasons = [Reason("strengthens", "ongoing", f"the internal record says the act still goes on "
                                                    f"({ongoing}): it tells how things stood when the denial was made"),
                   Reason("weakens", "timing", f"the internal record ({_when(i)}) is {gap} days later than the denial ({_when(p)})")]
    if iff.hedged:
        score -= prm.get("hedge_penalty", 0.2)
        reasons.append(Reason("weakens", "hedged", "the internal record is hedged"))
    return Hit(score, tuple(reasons), f"{p.organization} denied it did this ({pf.predicate}{': ' + _quote(pf.object, 50) if pf.object else ''}); "
               f"its own record of {_when(i)} shows it did")


def _still_does(rules: RuleSet, predicate: str, text: str) -> str:
    """The words in which a record says that an act still goes on ("we still store location"):
    'still' and, within two words, a form of ``predicate`` or of a verb of its family
    (rules/lexicon.yaml predicate_families); "" when it does not."""
    if not predicate or predicate in LIGHT_VERBS:
        return ""
    fams = rules.lexicon.get("predicate_families", {})
    verbs = {predicate} | {w for f in _families(rules, [predicate]) for w in fams[f]}
    forms = _verb_forms(tuple(sorted(verbs))) | verbs
    words = re.findall(r"[a-z']+", text.lower())
    for n, w in enumerate(words):
        if w == "still" and n + 1 < len(words):
            if words[n - 1:n] and words[n - 1] in ("not", "no", "never"):
                continue
            for k in range(n + 1, min(n + 3, len(words))):
                if words[k] in forms:
                    return " ".join(words[n:k + 1])
    return ""


def check_knowledge(rule: Rule, rules: RuleSet, p: Statement, i: Statement) -> Hit | None:
    pf = p.frame
    if pf.modality != "knowledge" or i.frame.polarity != "positive":
        return None  # "the lab found no trace of it" is no earlier knowledge of it
    low, toks = _tokens(p.text)
    if pf.polarity == "negative" or _has(rules.stance.get("falsity", ()), low, toks) \
            or _has(rules.stance.get("dispute", ()), low, toks):
        return None  # "no known report mentions it", "any suggestion that we knew of it is false": a
        # denial of knowing (the denial rule's), no date of it
    if _another_partys(p):
        return None  # "Globex knew the truth," said an Acme spokesperson: what another party knew
    unaware = rules.stance.get("unawareness", ())
    if _has(unaware, low, toks) or _has(unaware, *_tokens(i.text)):
        return None  # "officials did not know how far it went" dates no knowledge; a record that
        # says "we do not yet know" shows none
    claimed = next((m.value for m in p.mentioned_dates if m.value.known), None) or (p.date if p.date.known else None)
    if claimed is None or not i.date.known:
        return None
    gap = (claimed.start - i.date.end).days
    if gap < rule.params.get("min_gap_days", 7):
        return None
    reasons = (Reason("strengthens", "timing",
                      f"the claim dates the organization's knowledge to {claimed.iso()}; the internal record on the same topic is from {_when(i)}, {gap} days earlier"),)
    return Hit(rule.params.get("base_score", 0.85), reasons,
               f"{p.organization} says it learned of this in {claimed.iso()}; its own record discussed it on {_when(i)}")


def _same_event(rules: RuleSet, p: Statement, i: Statement) -> bool:
    """Do two figures count the same happening? Their verbs share a lemma or a family."""
    vp = (set(p.frame.verbs) | {p.frame.predicate}) - LIGHT_VERBS
    vi = (set(i.frame.verbs) | {i.frame.predicate}) - LIGHT_VERBS
    return bool(vp & vi) or bool(_families(rules, sorted(vp)) & _families(rules, sorted(vi)))


LIGHT_VERBS = frozenset({"be", "have", "do", "get", "make", "say", "tell", "", "include"})


def _interval(q: Quantity, prm: dict) -> tuple[float, float]:
    """What a figure allows: "more than 30" is [30, inf); "about 200" is 200 +/- approx_tolerance;
    an exact figure is itself +/- tolerance (rounding, counting date)."""
    if q.low is not None:
        return q.low, float("inf")
    if q.high is not None:
        return 0.0, q.high
    tol = prm.get("approx_tolerance", 0.5) if q.approx else prm.get("tolerance", 0.25)
    return q.value * (1 - tol), q.value * (1 + tol)


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


def _another_partys(st: Statement) -> bool:
    """Is the sentence's subject a named party other than the speaker's organization?"""
    actor = _named_party(st)
    return bool(actor) and not _same_party(actor, org_key(st.organization))


def check_numeric(rule: Rule, rules: RuleSet, p: Statement, i: Statement) -> Hit | None:
    prm = rule.params
    if not _same_event(rules, p, i) or not _same_matter(rules, p, i):
        return None
    if i.frame.modality == "denial" and i.frame.polarity == "negative" and _has(rules.stance.get("falsity", ()), *_tokens(i.text)):
        return None  # "it is not true that 1,400 accounts were exposed" gives no figure
    if not _same_measure(rules, p, i):
        return None  # "global" against "polar", tests "submitted" against tests "run": two quantities
    named_p, named_i = _named_party(p), _named_party(i)
    if named_p and named_i and named_p != named_i:
        return None  # "Northwind Logistics spent $554,000" and "Meridian Water spent $143,000": two parties' figures
    for qp in p.frame.quantities:
        for qi in i.frame.quantities:
            if not _same_unit(qp.unit, qi.unit) or qp.value <= 0 or qi.value <= 0:
                continue
            lo_p, hi_p = _interval(qp, prm)
            lo_i, hi_i = _interval(qi, prm)
            if lo_p <= hi_i and lo_i <= hi_p:
                continue  # the figures can describe the same number
            diff = abs(qp.value - qi.value) / max(qp.value, qi.value)
            score = prm.get("base_score", 0.85)
            reasons = [Reason("strengthens", "figure",
                              f"public figure {qp.text} {qp.unit} vs internal {qi.text} {qi.unit} ({diff:.0%} apart)")]
            if _before(p, i, 1):
                score -= prm.get("later_evidence_penalty", 0.3)
                reasons.append(Reason("weakens", "timing", f"the internal figure ({_when(i)}) is later than the public one ({_when(p)}); counts can change"))
            return Hit(score, tuple(reasons), f"how many {qi.unit}s: {qp.text} in public, {qi.text} internally")
    return None


def check_assurance(rule: Rule, rules: RuleSet, p: Statement, i: Statement) -> Hit | None:
    if p.frame.modality != "assurance" or i.frame.modality != "concern":
        return _contrary_record(rule, rules, p, i)
    prm = rule.params
    order = _before(i, p)
    if order is None or (not order and prm.get("later_evidence", "drop") == "drop"):
        return None
    strong = set(rules.lexicon.get("strong_concern", ()))
    low = i.text.lower()
    is_strong = any(re.search(rf"\b{re.escape(w)}\b", low) for w in strong) or bool(OVER_LIMIT.search(low))
    score = prm.get("base_score", 0.75) + (prm.get("strong_bonus", 0.15) if is_strong else 0.0)
    reasons = [Reason("strengthens", "timing", f"the concern ({_when(i)}) was raised before the assurance ({_when(p)})")]
    if not is_strong:
        reasons.append(Reason("weakens", "concern-only", "the internal record voices a worry, not an established fault"))
    return Hit(score, tuple(reasons), f"{p.organization} gave a public assurance while its own staff had raised a concern")


#: Public frames that assert a state of affairs (a denial, a pledge, a dating claim or a change of
#: position has a rule of its own); "concern" too, as a concern word in a name ("risk management")
#: makes one of a plain statement.
_ASSERTING = frozenset({"report", "assurance", "action", "concern"})


def _contrary_record(rule: Rule, rules: RuleSet, p: Statement, i: Statement) -> Hit | None:
    """A public claim that something is done ("inspectors receive the logs routinely", "every
    shipment is under safety management") against the organization's own record that it is
    not ("the inspectors have not received the logs since January"): the record negates the very
    act the claim asserts (the same verb, or one of its family, in rules/lexicon.yaml
    predicate_families, read from the claim's verbs and the words they name: "management" for
    "manage"). A record that something bad did not happen ("no data was accessed") agrees with
    an assurance, so a negated harm is never contrary. The record must predate the claim, or
    follow a claim in the present tense within ``contrary_after_days`` (it then tells how things
    stood when the claim was made)."""
    pf, iff = p.frame, i.frame
    prm = rule.params
    if "contrary_score" not in prm or pf.polarity != "positive" or iff.polarity != "negative":
        return None
    if pf.modality not in _ASSERTING or i.role != "evidence" or i.text.rstrip().endswith("?"):
        return None
    if pf.hedged or pf.condition or reports_absence(rules, i.text):
        return None
    low, toks = _tokens(p.text)
    if _has(rules.lexicon.get("strong_concern", ()), low, toks) or _has(rules.stance.get("admission", ()), low, toks) \
            or _has(rules.stance.get("harm", ()), low, toks):
        return None  # "the strategy was flawed and poorly reviewed": an admission agrees with the record
    claimed = (set(pf.verbs) | {pf.predicate}) - LIGHT_VERBS
    negated = {iff.predicate} - LIGHT_VERBS
    ilow, itoks = _tokens(i.text)
    if not negated or not (itoks & _NEGATORS or "n't" in ilow) or iff.predicate in rules.stance.get("halt_verbs", ()):
        return None  # "stop production" is negative by its verb, not a record that something is not done
    same = claimed & negated
    named = {stem(stem(w)) for w in toks}  # twice: "management" -> "manage" -> "manag"
    fams = {f for f in _families(rules, sorted(negated)) if f != "harm"}
    fam_words = {f: {stem(stem(w)) for w in rules.lexicon["predicate_families"][f]} for f in fams}
    shared = sorted(f for f in fams if (fam_words[f] & named) or (f in _families(rules, sorted(claimed))))
    if not same and not shared:
        return None
    if not _same_matter(rules, p, i):
        return None
    doer = {stem(stem(w)) for w in _tokens(iff.actor)[1]} - _DOER_STOP
    if doer and not doer & named:
        return None  # "the audit office has not reviewed it" against "our regulators review them": another doer
    order = _before(i, p)
    reasons = [Reason("strengthens", "same-organization",
                      f"both come from {p.organization}: the claim by {p.speaker or p.organization}, the record "
                      f"{'from ' + i.speaker if i.speaker else 'reported'}"),
               Reason("strengthens", "negated-act",
                      f"the claim says it is done ({', '.join(sorted(same)) or '/'.join(shared)}); "
                      f"the internal record says it is not ({iff.predicate})")]
    score = prm["contrary_score"]
    if order is None:
        return None
    if order:
        reasons.append(Reason("strengthens", "timing", f"the internal record ({_when(i)}) predates the claim ({_when(p)})"))
    else:
        gap = (i.date.start - p.date.end).days if i.date.start and p.date.end else None
        if gap is None or gap > prm.get("contrary_after_days", 0) or not _present_tense(p, claimed):
            return None
        score -= prm.get("later_evidence_penalty", 0.1)
        reasons.append(Reason("weakens", "timing",
                              f"the internal record ({_when(i)}) is {gap} days later than the claim ({_when(p)}); "
                              "it tells how things stood, not when the claim was made"))
    if not same:
        score -= prm.get("family_penalty", 0.1)
        reasons.append(Reason("weakens", "related-act",
                              f"the record negates a related act ({iff.predicate}), not the claim's own verb"))
    if iff.hedged:
        score -= prm.get("hedge_penalty", 0.2)
        reasons.append(Reason("weakens", "hedged", "the internal record is hedged"))
    return Hit(score, tuple(reasons),
               f"{p.organization} said in public that it is done ({', '.join(sorted(same)) or '/'.join(shared)}); "
               f"its own record of {_when(i)} says it is not: \"{_quote(i.text, 70)}\"")


_PAST_AUX = frozenset({"was", "were", "had", "did"})
#: Words of a record's subject that name no one in particular ("we have not", "the team has not").
_DOER_STOP = frozenset({"we", "i", "us", "our", "they", "it", "he", "she", "you", "the", "a", "an", "this", "that", "these",
                        "those", "team", "staff", "company", "firm", "group", "department", "one", "nobody", "no"})
_NEGATORS = frozenset({"not", "never", "no", "none", "neither", "nor", "without"})


def _present_tense(p: Statement, verbs: set[str]) -> bool:
    """Does the claim speak of now ("are reviewed", "receive them routinely"), not of the past
    ("was reviewed", "received them": a past auxiliary, or a claimed verb's regular past form)?"""
    _, toks = _tokens(p.text)
    past = {v + "d" if v.endswith("e") else v + "ed" for v in verbs}
    return not (toks & _PAST_AUX or toks & past)


def _has(words: Sequence[str], low: str, tokens: set[str]) -> bool:
    return any((" " in w and w in low) or (" " not in w and w in tokens) for w in words)


def _tokens(text: str) -> tuple[str, set[str]]:
    low = re.sub(r"\s+", " ", text.lower().replace("’", "'"))
    return low, set(re.findall(r"[a-z][a-z'\-]*", low))


_ABSENCE = re.compile(r"\b(no|none|nothing|not any)\b[^.;:]{0,40}?\b(was|were|has been|have been|is|are)?\s*"
                      r"(found|detected|identified|seen|observed|reproduced)\b")


def reports_absence(rules: RuleSet, text: str) -> bool:
    """Does the record report that something is absent ("no cause was found", "ruled out",
    rules/stance.yaml harm_absent)? Such a record agrees with a denial; it shows no harm."""
    low, toks = _tokens(text)
    return bool(_ABSENCE.search(low)) or _has(rules.stance.get("harm_absent", ()), low, toks)


@lru_cache(maxsize=64)
def _verb_forms(verbs: tuple[str, ...]) -> frozenset[str]:
    """The surface forms of verbs ("pause" -> paused, pausing; "stop" -> stopped), as the first pass reads them."""
    return frozenset(inflections(set(verbs)))


_NEGATED_ADMISSION = re.compile(r"\b(?:not|never|n't|no longer|refuse[sd]? to)\s+(?:\w+\s+)?"
                                r"(?:recogni|acknowledg|admit|accept|concede|apologi|regret)")


def stance_of(st: Statement, rules: RuleSet) -> str:
    """How a statement stands toward its matter, in one word (ruleset.STANCES).

    Public: commits, denies, asserts-safety (safety or benefit), claims-learned, gives-figure, hypothesizes,
    changes-position, states. Internal: harm, concern, question (a question asked internally can
    be evidence of concern), knowledge, act, attempt (an offer or pitch: trying is not doing),
    figure, mentions. Read from the frame, then from rules/stance.yaml's lists over the text."""
    f = st.frame
    sl = rules.stance
    low, toks = _tokens(st.text)
    if st.kind == "public":
        if f.modality == "position-change":
            return "changes-position"
        if _has(sl.get("admission", ()), low, toks) and not _NEGATED_ADMISSION.search(low):
            return "states"  # "the company recognizes that what it did did not work": an admission, no denial
        if f.modality == "denial" or _has(sl.get("dispute", ()), low, toks) or _has(sl.get("falsity", ()), low, toks):
            return "denies"
        if f.modality == "knowledge" or _has(sl.get("dating", ()), low, toks):
            if _another_partys(st):
                return "states"  # "Globex knew the truth," said an Acme spokesperson
            return "claims-learned"
        if f.modality == "commitment":
            return "commits"
        if f.polarity == "positive" and _has(sl.get("hypothetical", ()), low, toks) and (
                f.modality == "concern" or _has(sl.get("harm", ()), low, toks)):
            return "hypothesizes"  # "a breach could in the future lead to the loss of that information"
        if f.modality == "assurance" or _has(sl.get("benefit", ()), low, toks):
            return "asserts-safety"
        if f.polarity == "negative" and (_has(sl.get("harm", ()), low, toks)
                                         or _has(rules.lexicon.get("concern", ()), low, toks)):
            return "asserts-safety"  # "the coating is not toxic"
        if f.polarity == "negative":
            return "denies"  # "the company has no input into its agenda", "we don't invest client assets"
        if f.quantities:
            return "gives-figure"
        return "states"
    if st.text.rstrip().endswith("?"):
        return "question"
    strong = rules.lexicon.get("strong_concern", ())
    absent = reports_absence(rules, st.text)  # "no evidence of", "ruled out", "no cause was found"
    if f.polarity == "positive" and not absent and (_has(sl.get("harm", ()), low, toks) or _has(strong, low, toks)):
        return "harm"
    if f.modality == "concern" and not absent:
        return "concern"
    unaware = _has(sl.get("unawareness", ()), low, toks)  # "we do not yet know how far it went": no knowledge
    if (f.modality == "knowledge" and not unaware) or (
            f.polarity == "positive" and not absent and not _has(sl.get("falsity", ()), low, toks)
            and _has(sl.get("established", ()), low, toks)):
        return "knowledge"  # "there is general scientific agreement that ...": the matter taken as settled
    verbs = set(f.verbs) | {f.predicate}
    halt = tuple(sl.get("halt_verbs", ()))
    if f.polarity == "positive" and (verbs & set(halt) or (not f.verbs and _verb_forms(halt) & toks)):
        return "halts"  # "withdrawals have been paused": the activity stopped (read off the words
        # when the record was read without a parse)
    attempt = set(sl.get("attempt_verbs", ()))
    if f.modality in ("action", "commitment") and f.polarity == "positive":
        done = verbs - attempt - LIGHT_VERBS
        acts = set(rules.lexicon.get("action", ())) - attempt
        if f.predicate in attempt or (verbs & attempt and not done & acts):
            return "attempt"
        return "act"
    if f.quantities:
        return "figure"
    return "mentions"


#: public stance -> (internal stances it is opposed to, the comparison type it calls for)
OPPOSED: dict[str, tuple[frozenset[str], str]] = {
    "asserts-safety": (frozenset({"harm", "concern", "question", "figure"}), "assurance-vs-concern"),
    "denies": (frozenset({"act", "attempt", "halts", "harm", "knowledge", "figure", "concern", "mentions", "question"}),
               "denial-vs-evidence"),
    "commits": (frozenset({"act", "attempt", "halts"}), "commitment-vs-action"),
    "claims-learned": (frozenset({"knowledge", "concern", "harm", "question", "act", "halts", "figure", "mentions"}),
                       "knowledge-timing"),
    "gives-figure": (frozenset({"figure"}), "numeric-mismatch"),
    "hypothesizes": (frozenset({"harm"}), "knowledge-timing"),
}


@dataclass(frozen=True)
class PairJudgement:
    """What the tool makes of one public claim against one internal record.

    ``paired``: they concern the same matter (``matter`` says which, in words); each side's
    stance toward it (:func:`stance_of`); ``level`` contradiction | tension | candidate | None;
    ``type`` the comparison (a finding type); ``reasons`` what strengthens and weakens it."""

    paired: bool
    matter: str
    public_stance: str
    internal_stance: str
    level: str | None
    type: str
    reasons: tuple[Reason, ...]
    score: float = 0.0
    point: str = ""
    why: str = ""                # why a pair gives no level (not paired, no rule fired, timing ...)


def matter_of(p: Statement, i: Statement, shared: Sequence[str] = ()) -> str:
    """The shared matter in words: the terms both sides hold, most telling first."""
    terms = list(shared) or list(topic_overlap(p.topics, i.topics, {})[1])
    if not terms:
        return ""
    kept: list[str] = []
    for t in terms:  # "pipe corrosion" makes "pipe" and "corrosion" redundant
        if not any(t != k and t in k.split() for k in terms if " " in k) and t not in kept:
            kept.append(t)
    return ", ".join(kept[:4])


def align_min_topic(rules: RuleSet) -> float:
    """The lowest topic score any rule compares at: what alignment keeps a pair for."""
    return min((r.params.get("min_topic", 0.34) for r in rules.rules), default=0.34)


def _level(rule: Rule, hit: Hit) -> str:
    weakened = any(r.effect == "weakens" for r in hit.reasons)
    return "contradiction" if hit.score >= rule.params.get("contradiction_min", 0.8) and not weakened else "tension"


def judge_pair(public: Statement, internal: Statement, rules: RuleSet, *, shared: Sequence[str] = (),
               paired: bool | None = None, score: float = 1.0,
               publics: Sequence[Statement] | None = None) -> PairJudgement:
    """Judge one public claim against one internal record as :func:`detect` judges an aligned
    pair (``claimcheck explain``): the same rules, topic thresholds, later change of position,
    timing and candidate listing.

    ``paired`` None: decided here (same organization and a shared matter); alignment passes
    what it found (``shared`` terms and the pair's ``score``). ``publics``: the organization's
    public claims, where a later change of position is looked for. A rule that fires gives
    contradiction or tension; a pair on the same matter with opposed stances that no rule could
    judge is a candidate; ``why`` says why a paired pair gives neither."""
    p, i = public, internal
    matter = matter_of(p, i, shared)
    if paired is None:
        same_org = bool(p.organization) and org_key(p.organization) == org_key(i.organization)
        paired = same_org and bool(matter or _same_matter(rules, p, i))
    ps, istance = stance_of(p, rules), stance_of(i, rules)
    if not paired:
        return PairJudgement(False, matter, ps, istance, None, "", ())
    rule_of_type = {r.type: r for r in reversed(rules.rules)}
    pair = Pair(p.id, i.id, p.organization, score, tuple(shared))
    hits, unjudged, why = _judge(p, i, pair, rules, rule_of_type, lambda s: stance_of(s, rules),
                                 lambda: list(publics or ()))
    kept = [(hit, rule) for hit, rule in hits if hit.score >= rule.params.get("min_score", 0.5)]
    if kept:
        hit, rule = max(kept, key=lambda x: x[0].score)  # the first of equals, in rule order
        return PairJudgement(True, matter, ps, istance, _level(rule, hit), rule.type, hit.reasons,
                             round(max(0.0, min(1.0, hit.score)), 3), hit.point)
    if hits:
        why = "a rule fired below its min_score: " + ", ".join(f"{r.id} ({h.score:.2f})" for h, r in hits)
    if unjudged is None:
        return PairJudgement(True, matter, ps, istance, None, "", (), why=why or "no rule fired")
    rule, istance = unjudged
    return PairJudgement(True, matter, ps, istance, "candidate", rule.type, _candidate_reasons(rules, p, i, ps, istance),
                         0.0, f"on {matter or 'the same matter'}, {p.organization or 'the organization'} "
                              f"{STANCE_WORDS.get(ps, ps)} in public; its internal record shows "
                              f"{STANCE_WORDS.get(istance, istance)}")


STANCE_WORDS = {
    "commits": "made a commitment", "denies": "denied it", "asserts-safety": "gave an assurance of safety or benefit",
    "claims-learned": "said when it learned of it", "gives-figure": "gave a figure", "changes-position": "changed position",
    "states": "made a statement", "hypothesizes": "spoke of it as a risk that may come", "harm": "evidence of harm", "concern": "a concern", "question": "a question raised",
    "knowledge": "earlier knowledge", "act": "the act itself", "attempt": "an offer or attempt",
    "halts": "the activity stopped", "figure": "a different figure",
    "mentions": "a mention",
}


def _figures_disagree(rules: RuleSet, rule: Rule, p: Statement, i: Statement) -> bool:
    """A figure on each side of the same measured thing (unit and scope words) that cannot be
    the same number."""
    for qp in p.frame.quantities:
        for qi in i.frame.quantities:
            if not _same_unit(qp.unit, qi.unit) or qp.value <= 0 or qi.value <= 0 or not _same_measure(rules, p, i):
                continue
            lo_p, hi_p = _interval(qp, rule.params)
            lo_i, hi_i = _interval(qi, rule.params)
            if not (lo_p <= hi_i and lo_i <= hi_p):
                return True
    return False


def _same_measure(rules: RuleSet, p: Statement, i: Statement) -> bool:
    """Do two figures measure the same thing? Scope words (rules/stance.yaml figure_scopes:
    "global" vs "polar", "submitted" vs "run") that one side holds and the other does not make
    them two quantities."""
    scopes = set(rules.stance.get("figure_scopes", ()))
    _, tp = _tokens(p.text)
    _, ti = _tokens(i.text)
    sp, si = tp & scopes, ti & scopes
    return not (sp and si and not sp & si)


#: Internal stances that show the matter itself (not a mention or a question): with a firm public
#: stance against them on the same matter, a record that predates the claim strains it.
FIRM_EVIDENCE: dict[str, frozenset[str]] = {
    # the act is the wording rule's to judge; a worry does not refute a denial; the matter taken
    # as settled knowledge does ("remains inconclusive" against "there is general agreement that")
    "denies": frozenset({"harm", "knowledge"}),
    "asserts-safety": frozenset({"harm", "concern"}),
    "claims-learned": frozenset({"harm", "concern", "act", "knowledge"}),
    # "a breach could in the future lead to a loss" after a record that the data was stolen
    "hypothesizes": frozenset({"harm"}),
}


def _stance_hit(rules: RuleSet, rule: Rule, p: Statement, i: Statement, ps: str, istance: str, pair: Pair) -> Hit | None:
    """A tension no wording rule found: the public claim denies, assures or dates a matter, and an
    earlier internal record on the same matter (pair score >= the rule's ``stance_min_topic``)
    shows harm, the act or a concern. Always weakened (judged on stance, not on both sides'
    wording), so never more than a tension; rules without ``stance_min_topic`` never do this."""
    need = rule.params.get("stance_min_topic")
    if need is None or pair.score < need:
        return None
    if ps == "commits":  # a pledge to keep an activity going is broken by a later record that it
        # stopped ("we will keep processing withdrawals" / "paused"); the act a pledge ruled out
        # is the wording rule's to judge
        if istance != "halts" or p.frame.polarity != "positive" or not _before(p, i):
            return None
        return _stance_only(rule, p, i, ps, istance, pair, later=True)
    if ps == "denies" and _own_record(rules, p, i) and _before(i, p, 1):
        return _own_record_hit(rule, p, i, istance, pair)
    if istance not in FIRM_EVIDENCE.get(ps, ()):
        return None
    if ps == "denies" and istance == "knowledge" and not _has(rules.stance.get("established", ()), *_tokens(i.text)):
        return None  # "I know what that does to the schedule" is no settled knowledge of the matter
    if not _before(i, p, 1):
        return None
    if ps == "claims-learned":  # "we learned of it in March 2019": the record must predate that
        claimed = next((m.value for m in p.mentioned_dates if m.value.known), None)
        if claimed is not None and (i.date.end is None or i.date.end >= claimed.start):
            return None
    return _stance_only(rule, p, i, ps, istance, pair, later=False)


def _same_person(a: str, b: str) -> bool:
    """"Ray Roe" and "Raymond Roe", "Dr. Jane Roe" and "Jane Roe": one surname, one first initial."""
    ka, kb = person_key(a).split(), person_key(b).split()
    return len(ka) >= 2 and len(kb) >= 2 and ka[-1] == kb[-1] and ka[0][:1] == kb[0][:1]


def _own_record(rules: RuleSet, p: Statement, i: Statement) -> bool:
    """A person denies knowing of a matter ("I was not aware of any change", rules/stance.yaml
    'unawareness') and a record of the same matter is their own (its author is the speaker)."""
    if not _same_person(p.speaker, i.speaker):
        return False
    return _has(rules.stance.get("unawareness", ()), *_tokens(p.text))


def _own_record_hit(rule: Rule, p: Statement, i: Statement, istance: str, pair: Pair) -> Hit:
    """The denial of knowing against the speaker's own earlier record of the matter: not judged on
    stance alone, since who wrote the record is what refutes it."""
    matter = matter_of(p, i, pair.shared) or "the same matter"
    reasons = (
        Reason("strengthens", "own-record", f"{p.speaker} said they did not know of {matter}; the record "
                                            f"of {_when(i)} on it is their own"),
        Reason("strengthens", "timing", f"the internal record ({_when(i)}) predates the claim ({_when(p)})"),
    )
    return Hit(rule.params.get("own_record_score", 0.85), reasons,
               f"on {matter}, {p.speaker} ({p.organization}) denied knowing of it in public; "
               f"their own record of {_when(i)} shows {STANCE_WORDS.get(istance, istance)}")


def _stance_only(rule: Rule, p: Statement, i: Statement, ps: str, istance: str, pair: Pair, *, later: bool) -> Hit:
    """The hit of a pair judged on stance alone: a record before a denial, an assurance or a
    dating claim, or (``later``) one after a pledge it breaks. Always weakened by 'stance-only'."""
    matter = matter_of(p, i, pair.shared) or "the same matter"
    said, shows = STANCE_WORDS.get(ps, ps), STANCE_WORDS.get(istance, istance)
    order = (f"the internal record ({_when(i)}) comes after the commitment ({_when(p)})" if later
             else f"the internal record ({_when(i)}) predates the claim ({_when(p)})")
    reasons = (
        Reason("strengthens", "opposed-stance", f"on {matter}, in public the organization {said}; "
                                                f"its internal record shows {shows}"),
        Reason("strengthens", "timing", order),
        Reason("weakens", "stance-only", "judged on each side's stance toward the shared matter; no rule matched "
                                         "the claim's own wording in the record"),
    )
    return Hit(rule.params.get("stance_score", 0.6), reasons,
               f"on {matter}, {p.organization} {said} in public; its {'later' if later else 'earlier'} internal "
               f"record shows {shows}")


def _candidate_reasons(rules: RuleSet, p: Statement, i: Statement, ps: str, istance: str) -> tuple[Reason, ...]:
    out = [Reason("strengthens", "opposed-stance",
                  f"in public the organization {STANCE_WORDS.get(ps, ps)}; the internal record shows "
                  f"{STANCE_WORDS.get(istance, istance)}")]
    order = _before(i, p)
    if order:
        out.append(Reason("strengthens", "timing", f"the internal record ({_when(i)}) predates the claim ({_when(p)})"))
    elif order is None:
        out.append(Reason("weakens", "timing-unknown", "which came first is not established"))
    else:
        out.append(Reason("weakens", "timing", f"the internal record ({_when(i)}) is later than the claim ({_when(p)})"))
    if istance == "attempt":
        out.append(Reason("weakens", "attempt", "the record shows an offer or attempt, not the act itself"))
    if istance == "question":
        out.append(Reason("weakens", "question", "the record asks a question; it does not establish a fact"))
    out.append(Reason("weakens", "not-judged", "no rule could judge this pair: it is listed for review"))
    return tuple(out)


CHECKS: dict[str, Callable[[Rule, RuleSet, Statement, Statement], Hit | None]] = {
    "commitment-vs-action": check_commitment,
    "denial-vs-evidence": check_denial,
    "knowledge-timing": check_knowledge,
    "numeric-mismatch": check_numeric,
    "assurance-vs-concern": check_assurance,
}


def _says_the_act(rules: RuleSet, predicate: str, q: Statement) -> bool:
    """Does ``q`` speak of the act ``predicate`` names (the verb, or one of its family)?"""
    verbs = set(q.frame.verbs) | {q.frame.predicate}
    return predicate in verbs or bool(_families(rules, [predicate]) & _families(rules, sorted(verbs)))


def _later_change(p: Statement, i: Statement, publics: list[Statement], rules: RuleSet) -> Statement | None:
    """A later public statement of the same organization that changes the position the claim
    took: it reverses the claim's polarity, already says what the record shows, or announces a
    change of position (in the claim's own document, or on the claim's topic)."""
    for q in publics:
        if q.id == p.id or not q.date.known:
            continue
        if q.document == p.document and q.frame.modality == "position-change" and (i.date.start is None or q.date.start is None
                                                                                 or q.date.start <= i.date.start):
            return q  # the claim is retold in the very statement that withdraws it ("A year ago we said ...")
        if not _before(p, q, 1):
            continue
        if p.frame.modality in ("commitment", "denial") and i.date.start is not None and q.date.start is not None \
                and q.date.start > i.date.start:
            continue  # a pledge broken, or a denial contradicted, before it was withdrawn: the change came after
        same_topic, _ = topic_overlap(p.topics, q.topics, {})
        if q.frame.modality == "position-change" and (q.document == p.document or same_topic >= 0.2):
            return q
        if q.frame.modality == "assurance" and p.frame.modality in ("denial", "assurance"):
            continue  # "we give people robust controls" after "it is no longer stored": the line held, not changed
        if p.frame.modality == "denial" and q.frame.modality != "position-change" and q.document != p.document \
                and not _says_the_act(rules, p.frame.predicate, q):
            continue  # a denial is withdrawn by saying the denied act ("may be stored"), not by any other word on the topic
        if same_topic >= 0.3 and (q.frame.polarity != p.frame.polarity
                                  or q.frame.polarity == i.frame.polarity and q.frame.modality != p.frame.modality):
            return q
    return None


class _Later:
    """The public statements of one organization that :func:`_later_change` may pick for a claim:
    those in its document or sharing a key term with it (any other has topic overlap 0), in the
    organization's order. Found through an index instead of a scan of every public statement."""

    def __init__(self, publics: list[Statement]):
        self.publics = publics
        self.by_key: dict[str, list[int]] = defaultdict(list)
        self.by_doc: dict[str, list[int]] = defaultdict(list)
        for n, q in enumerate(publics):
            for k in {term_key(t) for t in q.topics}:
                self.by_key[k].append(n)
            self.by_doc[q.document].append(n)
        self.memo: dict[str, list[Statement]] = {}

    def candidates(self, p: Statement) -> list[Statement]:
        found = self.memo.get(p.id)
        if found is None:
            hits = set(self.by_doc.get(p.document, ()))
            for k in {term_key(t) for t in p.topics}:
                hits.update(self.by_key.get(k, ()))
            found = self.memo[p.id] = [self.publics[n] for n in sorted(hits)]
        return found


def _judge(p: Statement, i: Statement, pair: Pair, rules: RuleSet, rule_of_type: dict[str, Rule],
           stance: Callable[[Statement], str], publics: Callable[[], list[Statement]],
           ) -> tuple[list[tuple[Hit, Rule]], tuple[Rule, str] | None, str]:
    """One aligned pair as detect judges it (and :func:`judge_pair`, for ``claimcheck explain``):
    the rules' hits kept for it, or the rule and internal stance of a candidate for review, and
    why there is neither when there is neither. ``publics``: the organization's public claims a
    later change of position may be found in."""
    fired, hits, why = False, [], ""
    for rule in rules.rules:
        if pair.score < rule.params.get("min_topic", 0.34):
            continue
        hit = CHECKS[rule.type](rule, rules, p, i)
        if hit is None:
            continue
        fired = True
        later = _later_change(p, i, publics(), rules) if _before(p, i, 1) else None
        if later is not None:
            why = f"a later public statement ({later.id}) changed the position the claim took"
            continue  # a later public change of position, not a contradiction
        hits.append((hit, rule))
    if fired:
        return hits, None, why
    # same matter, opposed stances, no rule could judge: a candidate for review
    ps = stance(p)
    opposed = OPPOSED.get(ps)
    if opposed is None or opposed[1] not in rule_of_type:
        return [], None, f"no rule fired, and no rule compares the public stance '{ps}'"
    istance = stance(i)
    rule = rule_of_type[opposed[1]]
    if opposed[1] == "numeric-mismatch" and not _figures_disagree(rules, rule, p, i):
        return [], None, "no rule fired, and the two figures can be the same number"
    if istance not in opposed[0]:
        return [], None, f"no rule fired, and the record's stance '{istance}' does not oppose the claim's '{ps}'"
    if _before(p, i, 1) and _later_change(p, i, publics(), rules) is not None:
        return [], None, "a later public statement changed the position the claim took"
    # a pledge is broken by what comes after it; a denial, an assurance or a dating claim
    # is strained by what came before it (undated records stay listed)
    if (_before(i, p) is False) if ps != "commits" else (_before(p, i) is False):
        return [], None, ("timing: the record predates the commitment" if ps == "commits"
                          else "timing: the record is later than the claim")
    hit = _stance_hit(rules, rule, p, i, ps, istance, pair)
    if hit is not None:
        return [(hit, rule)], None, ""
    return [], (rule, istance), ""


def finding_id(rule_id: str, public: Statement, internal: Sequence[Statement]) -> str:
    """Content-only id: the rule and the public claim it tests. Not the paths (ids survive moves
    and renames) and not the backing records: a reviewed finding stays reviewed when one more
    record backs it (the finding lists them; its id is what a baseline remembers)."""
    norm = re.sub(r"\W+", " ", public.text.lower()).strip()
    return "F" + hashlib.sha256(f"{rule_id}|{public.organization.lower()}|{norm}".encode()).hexdigest()[:10]


def detect(alignment: Alignment, rules: RuleSet) -> tuple[Finding, ...]:
    by_id = {s.id: s for s in alignment.statements}
    publics_by_org: dict[str, list[Statement]] = defaultdict(list)
    for s in alignment.statements:
        if s.kind == "public" and s.role == "claim":
            publics_by_org[s.organization].append(s)
    later_index = {org: _Later(publics) for org, publics in publics_by_org.items()}
    grouped: dict[tuple[str, str], list[tuple[Hit, Statement, Pair]]] = defaultdict(list)
    unjudged: dict[tuple[str, str], list[tuple[Statement, Pair, str]]] = defaultdict(list)
    rule_of_type = {r.type: r for r in reversed(rules.rules)}
    stances: dict[str, str] = {}

    def stance(st: Statement) -> str:
        found = stances.get(st.id)
        if found is None:
            found = stances[st.id] = stance_of(st, rules)
        return found
    for pair in alignment.pairs:
        p, i = by_id[pair.public], by_id[pair.internal]
        hits, unjudged_by, _ = _judge(p, i, pair, rules, rule_of_type, stance,
                                      lambda p=p: later_index[p.organization].candidates(p))
        for hit, rule in hits:
            grouped[(p.id, rule.id)].append((hit, i, pair))
        if unjudged_by is not None:
            unjudged[(p.id, unjudged_by[0].id)].append((i, pair, unjudged_by[1]))
    findings = []
    for (pid, rid), hits in grouped.items():
        rule = rules.rule(rid)
        p = by_id[pid]
        hits.sort(key=lambda h: (-h[0].score, h[1].date.start or dt.date.max, h[1].id))
        best, _, best_pair = hits[0]
        if best.score < rule.params.get("min_score", 0.5):
            continue
        internal = sorted({h[1].id: h[1] for h in hits if h[0].score >= rule.params.get("min_score", 0.5)}.values(),
                          key=lambda s: (s.date.start or dt.date.max, s.id))
        reasons = list(best.reasons)
        codes = {r.code for r in reasons}
        for h in hits[1:]:  # reasons that other backing records add (e.g. dated evidence)
            for r in h[0].reasons:  # context (timing, scope) and support; not another record's weakness
                if r.code not in codes and h[0].score >= rule.params.get("min_score", 0.5) \
                        and (r.effect == "strengthens" or r.code in ("timing", "scope")):
                    reasons.append(r)
                    codes.add(r.code)
        if "timing" in codes and "timing-unknown" in codes:
            reasons = [r for r in reasons if r.code != "timing-unknown"]
        weakened = any(r.effect == "weakens" for r in reasons)
        level = "contradiction" if best.score >= rule.params.get("contradiction_min", 0.8) and not weakened else "tension"
        if len(internal) > 1:
            starts = [s.date.start for s in internal if s.date.start]
            ends = [s.date.end for s in internal if s.date.end]
            if starts:
                reasons.append(Reason("strengthens", "several-records",
                                      f"{len(internal)} internal records, {min(starts).isoformat()} to {max(ends).isoformat()}"))
        topic = best_pair.shared[0] if best_pair.shared else ""
        weak = [r.text for r in reasons if r.effect == "weakens"]
        head = rule.head(level=level, topic=topic, point=best.point, organization=p.organization)
        explanation = (f"{head}. " + (f"Weakened by: {'; '.join(weak)}." if weak else "Nothing found that weakens it."))
        findings.append(Finding(
            id=finding_id(rid, p, internal), level=level, type=rule.type, rule=rid,  # type: ignore[arg-type]
            score=round(max(0.0, min(1.0, best.score)), 3), public=pid,
            internal=tuple(s.id for s in internal), organization=p.organization, topic=topic,
            point=best.point, explanation=explanation, reasons=tuple(reasons)))
    # a stance-only tension on records a wording rule already cites for another claim adds a
    # second, weaker reading of the same evidence: the judged finding stands for it
    judged = {i for f in findings if not any(r.code == "stance-only" for r in f.reasons) for i in f.internal}
    findings = [f for f in findings if not (any(r.code == "stance-only" for r in f.reasons)
                                            and set(f.internal) <= judged)]
    flagged: dict[str, set[str]] = defaultdict(set)
    for f in findings:
        flagged[f.public].update(f.internal)
    for (pid, rid), items in unjudged.items():
        items = [x for x in items if x[0].id not in flagged[pid]]  # a flagged record needs no review
        if not items:
            continue
        rule = rules.rule(rid)
        p = by_id[pid]
        items.sort(key=lambda x: (-x[1].score, x[0].date.start or dt.date.max, x[0].id))
        i, pair, istance = items[0]
        internal = sorted({x[0].id: x[0] for x in items}.values(), key=lambda s: (s.date.start or dt.date.max, s.id))
        ps = stance(p)
        matter = matter_of(p, i, pair.shared)
        reasons = _candidate_reasons(rules, p, i, ps, istance)
        point = (f"on {matter or 'the same matter'}, {p.organization} {STANCE_WORDS.get(ps, ps)} in public; "
                 f"its internal record shows {STANCE_WORDS.get(istance, istance)}")
        explanation = (f"CANDIDATE ({rule.type}) on {matter or 'the same matter'}: {point}. "
                       f"Weakened by: {'; '.join(r.text for r in reasons if r.effect == 'weakens')}.")
        findings.append(Finding(
            id=finding_id(rid + "#candidate", p, internal), level="candidate", type=rule.type, rule=rid,  # type: ignore[arg-type]
            score=0.0, public=pid, internal=tuple(s.id for s in internal),  # score 0: no rule judged it
            organization=p.organization, topic=matter, point=point, explanation=explanation, reasons=reasons))
    findings.sort(key=lambda f: (LEVEL_ORDER.get(f.level, 9), -f.score, f.id))
    return tuple(_one_per_quote(findings, by_id))


LEVEL_ORDER = {"contradiction": 0, "tension": 1, "candidate": 2}


def _one_per_quote(findings: list[Finding], by_id: dict[str, Statement]) -> list[Finding]:
    """Sentences of one quote (same document, speaker and rule) backed by the same records are
    one claim: one finding, cited from the quote's first sentence, with every backing record."""
    groups: list[list[Finding]] = []
    same_quote: dict[tuple[str, str, str], list[list[Finding]]] = defaultdict(list)  # rule, document, speaker
    for f in findings:  # strongest first
        p = by_id[f.public]
        key = (f.rule + "|" + f.level if f.level == "candidate" else f.rule, p.document, p.speaker)
        for g in same_quote[key]:
            if set().union(*(x.internal for x in g)) & set(f.internal):
                g.append(f)
                break
        else:
            groups.append([f])
            same_quote[key].append(groups[-1])
    out = []
    for g in groups:
        best = g[0]
        if len(g) > 1:
            first = min(g, key=lambda x: by_id[x.public].source.start)
            internal = sorted({i for x in g for i in x.internal},
                              key=lambda i: (by_id[i].date.start or dt.date.max, i))
            best = replace(best, public=first.public, internal=tuple(internal),
                           id=finding_id(best.rule + ("#candidate" if best.level == "candidate" else ""),
                                         by_id[first.public], [by_id[i] for i in internal]))
        out.append(best)
    return out
