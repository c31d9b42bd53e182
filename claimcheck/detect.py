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
from typing import Callable, Sequence

from .align import (Alignment, Pair, object_words, record_words, same_unit as _same_unit, stem,
                    stemmed_families, term_key, topic_overlap)
from .corpus import org_key
from .models import Finding, Quantity, Reason, Statement
from .extract.frame import OVER_LIMIT
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
    if pf.modality != "denial" or pf.polarity != "negative" or iff.polarity != "positive":
        return None
    if iff.modality not in ("action", "report", "figure", "knowledge", "concern") or not _same_matter(rules, p, i):
        return None
    if not (_families(rules, [pf.predicate]) & _families(rules, list(iff.verbs) + [iff.predicate])) and pf.predicate not in iff.verbs:
        return None
    order = _before(i, p)
    if not order:  # evidence after the denial, or undated: no flag (precision first)
        return None
    prm = rule.params
    score = prm.get("base_score", 0.9)
    reasons = [Reason("strengthens", "timing", f"the internal record ({_when(i)}) predates the denial ({_when(p)})")]
    if iff.hedged:
        score -= prm.get("hedge_penalty", 0.2)
        reasons.append(Reason("weakens", "hedged", "the internal record is hedged"))
    return Hit(score, tuple(reasons), f"{p.organization} denied it did this ({pf.predicate}{': ' + _quote(pf.object, 50) if pf.object else ''}); "
               f"its own record of {_when(i)} shows it did")


def check_knowledge(rule: Rule, rules: RuleSet, p: Statement, i: Statement) -> Hit | None:
    pf = p.frame
    if pf.modality != "knowledge" or i.frame.polarity != "positive":
        return None  # "the lab found no trace of it" is no earlier knowledge of it
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


def check_numeric(rule: Rule, rules: RuleSet, p: Statement, i: Statement) -> Hit | None:
    prm = rule.params
    if not _same_event(rules, p, i) or not _same_matter(rules, p, i):
        return None
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
        return None
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


CHECKS: dict[str, Callable[[Rule, RuleSet, Statement, Statement], Hit | None]] = {
    "commitment-vs-action": check_commitment,
    "denial-vs-evidence": check_denial,
    "knowledge-timing": check_knowledge,
    "numeric-mismatch": check_numeric,
    "assurance-vs-concern": check_assurance,
}


def _later_change(p: Statement, i: Statement, publics: list[Statement]) -> Statement | None:
    """A later public statement of the same organization that changes the position the claim
    took: it reverses the claim's polarity, already says what the record shows, or announces a
    change of position (in the claim's own document, or on the claim's topic)."""
    for q in publics:
        if q.id == p.id or not _before(p, q, 1) or not q.date.known:
            continue
        same_topic, _ = topic_overlap(p.topics, q.topics, {})
        if q.frame.modality == "position-change" and (q.document == p.document or same_topic >= 0.2):
            return q
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


def could_pair(p: Statement, i: Statement | None) -> bool:
    """Could any rule type compare this public claim (with this record)? Used by align to skip
    pairs no check would look at; ``i`` None asks about the claim alone."""
    m = p.frame.modality
    if m not in ("commitment", "denial", "knowledge", "assurance") and not p.frame.quantities:
        return False
    if i is None:
        return True
    if m == "commitment" or m == "knowledge":
        return True
    if m == "denial":
        return i.frame.polarity == "positive"
    if m == "assurance" and i.frame.modality == "concern":
        return True
    return bool(p.frame.quantities and i.frame.quantities)


def by_context(p: Statement) -> bool:
    """May a record pair with this claim through its document's key terms alone? Only the
    knowledge and assurance rules accept such a pair; the commitment, denial and numeric rules
    need the record's own sentence on the claim's matter (:func:`_same_matter`)."""
    return p.frame.modality in ("knowledge", "assurance")


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
    for pair in alignment.pairs:
        p, i = by_id[pair.public], by_id[pair.internal]
        for rule in rules.rules:
            if pair.score < rule.params.get("min_topic", 0.34):
                continue
            hit = CHECKS[rule.type](rule, rules, p, i)
            if hit is None:
                continue
            later = _later_change(p, i, later_index[p.organization].candidates(p)) if _before(p, i, 1) else None
            if later is not None:
                continue  # a later public change of position, not a contradiction
            grouped[(p.id, rule.id)].append((hit, i, pair))
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
    findings.sort(key=lambda f: (f.level != "contradiction", -f.score, f.id))
    return tuple(_one_per_quote(findings, by_id))


def _one_per_quote(findings: list[Finding], by_id: dict[str, Statement]) -> list[Finding]:
    """Sentences of one quote (same document, speaker and rule) backed by the same records are
    one claim: one finding, cited from the quote's first sentence, with every backing record."""
    groups: list[list[Finding]] = []
    same_quote: dict[tuple[str, str, str], list[list[Finding]]] = defaultdict(list)  # rule, document, speaker
    for f in findings:  # strongest first
        p = by_id[f.public]
        key = (f.rule, p.document, p.speaker)
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
                           id=finding_id(best.rule, by_id[first.public], [by_id[i] for i in internal]))
        out.append(best)
    return out
