"""One check per rule type of rules/detect.yaml (``CHECKS``): commitment against action, denial
against evidence, the timing of knowledge, figures that cannot be the same number, and an
assurance against a concern or against a record that the asserted act is not done. Each takes
the rule, the rules, a public claim and an internal record, and returns a ``Hit`` or None."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable

from ..align import stem, unit_head, units_match
from ..extract.frame import OVER_LIMIT
from ..models import Quantity, Reason, Statement
from ..ruleset import Rule, RuleSet
from .shared import (LIGHT_VERBS, Hit, general_statement, learned_recently, names_pledged, vouches_attitude, _another_partys, _before, _families, _has, _named_party, _quote,
                     _same_matter, _scope_label, _tokens, _verb_forms, _when, dates_told)
from .stance import _NEGATED_ADMISSION, _OWN_FINDING, assures_only_a_purpose, learns, reports_absence, stance_of


#: A subject that is any one of a kind ("a car whose pedal is pressed", "any vehicle"): a general truth, no pledge.
_ANY_ONE = re.compile(r"(?i)(?:a|an|any)\s")


def check_commitment(rule: Rule, rules: RuleSet, p: Statement, i: Statement) -> Hit | None:
    pf, iff = p.frame, i.frame
    if pf.modality != "commitment" or i.role != "evidence" or not _same_matter(rules, p, i):
        return None
    if _ANY_ONE.match(pf.actor):
        return None  # "a car whose pedal is pressed will not run away": what any one does, no one's pledge
    fam_p = _families(rules, [pf.predicate])
    fam_i = _families(rules, list(iff.verbs) + [iff.predicate])
    shared_fam = fam_p & fam_i
    same_verb = pf.predicate not in LIGHT_VERBS and pf.predicate in (set(iff.verbs) | {iff.predicate})
    if not shared_fam and not same_verb:
        return None
    # the pledge says "will not X"; evidence of doing X contradicts; evidence of not doing X agrees
    if pf.polarity == iff.polarity:
        return None
    if pf.polarity == "negative" and _act_negated(rules, pf.predicate, i):
        return None  # "we will not pay it" / "Extortion demand -- NOT paying": the record, read without a parse,
        # keeps the pledge in its own words
    if pf.polarity == "positive" and not _act_negated(rules, pf.predicate, i):
        # the record's negation is another clause's ("paused, and will be delivered afterwards;
        # customers do not need to re-push"; "Compensate all affected holders ... it is not the
        # compensation amount"): the pledged act is not said undone
        return None
    if pf.polarity == "positive" and not names_pledged(rules, p, i):
        return None  # "every customer will receive a credit" / "four alerts were not delivered": another thing undone
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


def _is_difference(text: str, q: Quantity) -> bool:
    """Is the figure ``q`` a gap between two counts in ``text`` ("93,000 more tests than the devices
    registered", "a discrepancy of 1,400", "1,400 fewer"), not a count of its own?"""
    if not q.text:
        return False
    at = re.escape(q.text)
    return bool(re.search(at + r"\s(?:[\w\-]{1,20}\s){0,1}(?:more|fewer|less|extra|additional)\b[^.;]{0,80}?\bthan\b", text)
                or re.search(r"\b(?:gap|difference|discrepancy|excess|shortfall|overcount|undercount)\s(?:of\s)?(?:about\s|some\s|almost\s)?" + at,
                             text))


def check_denial(rule: Rule, rules: RuleSet, p: Statement, i: Statement) -> Hit | None:
    pf, iff = p.frame, i.frame
    if pf.modality != "denial" or pf.polarity != "negative":
        return None
    if general_statement(p):
        return None  # "decryption keys do not automatically restore all systems": what a kind of thing does not do
    if _has(rules.stance.get("admission", ()), *_tokens(p.text)) and not _NEGATED_ADMISSION.search(_tokens(p.text)[0]):
        return None  # "the safety rules had not been followed": its own lapse admitted, no act denied
    if _OWN_FINDING.search(_tokens(p.text)[0]) and not reports_absence(rules, p.text):
        return None  # "an internal review found that the tests were not carried out as required": its own
        # finding of a lapse, an admission; an earlier record that they were carried out is no act it denied
    ongoing = _still_does(rules, pf.predicate, i.text)  # "we still store location with ..."
    if iff.polarity != "positive" and not ongoing:
        return None
    named_act = _act_named(rules, pf.predicate, i.text)
    planned = iff.modality == "commitment" and named_act  # "the transfer goes out tomorrow"
    # (the act named as a thing done to the party the denial names: "did not give Acme money up front" against
    # "the transfer to Acme goes out tomorrow")
    party = named_act and any(w in i.text for w in re.findall(r"\b[A-Z][a-z]{2,}\b", f"{pf.target} {pf.object}"))
    if (iff.modality not in ("action", "report", "figure", "knowledge", "concern") and not planned) \
            or not (_same_matter(rules, p, i) or party):
        return None
    if pf.predicate in LIGHT_VERBS and not ongoing:
        return None  # "this was not a security incident": a copula denies what a thing is, no act a record shows
    if _NO_EVIDENCE.search(p.text.lower()) and "find" in _families(rules, [pf.predicate]):
        return None  # "we have seen no evidence that passwords were compromised" denies the compromise, not a
        # seeing: a record that "we found it" (the intrusion) shows no act the claim denied
    verb_named = bool(_families(rules, [pf.predicate]) & _families(rules, list(iff.verbs) + [iff.predicate])) \
        or pf.predicate in iff.verbs or (not iff.verbs and _act_in_words(rules, p, i.text))
    if not ongoing and not verb_named and not party:
        return None  # (an act named only by its noun counts for the party the denial names, no other)
    if not ongoing and _names_other_thing(p, i):
        return None  # "Acme-ID is not affected" against "12,000 cards affected": the record's act befell
        # something else than the named thing the denial is about
    if reports_absence(rules, i.text):
        return None  # "say plainly that no cause was found": the record agrees with the denial
    if _RECOMMENDS.search(i.text.lower()):
        return None  # "I recommend the notice state that every record should be treated as potentially exposed":
        # a worst case advised for a notice, no record that the denied act was done
    if not ongoing and _act_negated(rules, pf.predicate, i):
        return None  # "I don't see a big event here": the record negates the act too
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
    if iff.hedged or (not iff.verbs and _has(rules.lexicon.get("hedges", ()), *_tokens(i.text))):
        score -= prm.get("hedge_penalty", 0.2)  # (a record read without a parse: hedged by its words, "can be")
        reasons.append(Reason("weakens", "hedged", "the internal record is hedged"))
    if planned:
        score -= prm.get("hedge_penalty", 0.2)
        reasons.append(Reason("weakens", "planned", "the internal record plans the act; it does not show it done"))
    qualified = [w for w in rules.stance.get("qualifiers", ()) if re.search(r"\b" + re.escape(w) + r"\b", pf.object.lower())]
    if qualified and not any(re.search(r"\b" + re.escape(w) + r"\b", i.text.lower()) for w in rules.stance.get("qualifiers", ())):
        score -= prm.get("hedge_penalty", 0.2)  # "did not use secret cameras" against "ten ceiling cameras operating"
        reasons.append(Reason("weakens", "qualified", f"the claim denies only what is {qualified[0]}; the internal record "
                                                       f"does not say it was"))
    return Hit(score, tuple(reasons), f"{p.organization} denied it did this ({pf.predicate}{': ' + _quote(pf.object, 50) if pf.object else ''}); "
               f"its own record of {_when(i)} shows it did")


def _act_named(rules: RuleSet, predicate: str, text: str) -> bool:
    """Does a record name the denied act by a noun of its family ("did not give them money" against "the transfer
    to them goes out tomorrow"): the word after an article or a possessive, as a thing done?"""
    fams = _families(rules, [predicate])
    if not fams:
        return False
    index = rules.lexicon.get("predicate_families", {})
    words = {w for f in fams for w in index.get(f, ())} - LIGHT_VERBS
    for m in re.finditer(r"\b(?:the|a|an|this|that|its|our|their|his|her)\s([a-z]+)\b(?:\s([a-z]+)\b)?", text.lower()):
        if any(w and (w in words or w.endswith("s") and w[:-1] in words) for w in m.groups()):
            return True
    return False


#: Words a sentence may open with in capitals that name nothing ("Our main systems", "The issue", "All cards").
_NOT_NAMES = frozenset({"our", "the", "its", "their", "this", "that", "these", "those", "all", "any", "every", "each",
                        "some", "most", "both", "his", "her", "your", "one", "two", "three", "several", "many", "few",
                        "other", "such", "only", "none", "and", "but", "for", "with", "from"})


def _names_other_thing(p: Statement, i: Statement) -> bool:
    """Does the denial name the thing it is about by a proper name ("Acme-ID is not affected", "we did
    not sell Acmeview") that the record never names? Its act then befell something else."""
    own = {w.lower() for w in re.findall(r"[A-Za-z]{3,}", p.organization)}
    named = {w.lower() for w in re.findall(r"\b[A-Z][A-Za-z]{2,}", p.frame.object)} - own - _NOT_NAMES
    if not named:
        return False
    said = {stem(w) for w in re.findall(r"[a-z]{3,}", i.text.lower())}
    return not any(stem(w) in said for w in named)


#: A record that recommends treating something as possibly so: "I recommend the notice state that every record
#: should be treated as potentially exposed" (not "I'd suggest we not volunteer the findings": advice to conceal).
_RECOMMENDS = re.compile(r"\brecommend(?:s|ed)?\b[^.;]{0,200}\b(?:potentially|possibly|may|might|could)\b")
#: A denial that something was seen or found: "no evidence that ...", "no sign of ...".
_NO_EVIDENCE = re.compile(r"\bno\s(?:evidence|signs?|indications?|trace)\b")


def _act_negated(rules: RuleSet, predicate: str, i: Statement) -> bool:
    """Is every verb of the record that names the denied act (``predicate`` or one of its
    families) negated in its words ("I don't see a big event here", "we never found it")? The
    parse's verbs carry no negation of their own when another clause is the sentence's root."""
    fams = _families(rules, [predicate])
    named = [v for v in set(i.frame.verbs) | {i.frame.predicate}
             if v and (v == predicate or _families(rules, [v]) & fams)]
    if not named:
        return False
    low = i.text.lower()
    return all(re.search(r"(?:\b(?:not|never|no longer)|n't)\s{1,3}(?:\w+\s{1,3})?(?:"
                         + "|".join(sorted(re.escape(f) for f in _verb_forms((v,)) | {v})) + r")\b", low)
               for v in named)


def _act_forms(rules: RuleSet, predicate: str) -> frozenset[str]:
    """The words an act is written in: ``predicate`` and the verbs of its families
    (rules/lexicon.yaml predicate_families), in every form ("collect" -> logged, captured)."""
    fams = rules.lexicon.get("predicate_families", {})
    verbs = {predicate} | {w for f in _families(rules, [predicate]) for w in fams[f]}
    return _verb_forms(tuple(sorted(verbs))) | frozenset(verbs)


#: Words that put an act a record names still ahead ("need full restart", "should recall", "plan to stop").
_TO_BE_DONE = frozenset({"need", "needs", "must", "should", "plan", "plans", "planned", "will", "shall", "propose",
                         "proposed", "recommend", "recommends", "recommended", "requires", "required", "todo"})


def _act_in_words(rules: RuleSet, p: Statement, text: str) -> bool:
    """Does a record read without a parse say the act a denial names (a form of its predicate or
    of the predicate's family among its words, "payload is logged as well") done to what the
    denial names (a word of its object, or of its key terms when the parse gave no object: "we do
    not collect or store payload data"), with no negation ("we never log payload")?"""
    predicate = p.frame.predicate
    if not predicate or predicate in LIGHT_VERBS:
        return False
    low, toks = _tokens(text)
    if not _act_forms(rules, predicate) & toks or toks & _NEGATORS or "n't" in low:
        return False
    if toks & _TO_BE_DONE:
        return False  # "index + placement need full restart": an act still to do, not one done
    named_in = p.frame.object or " ".join(t for t in p.topics if p.organization.lower() not in t)
    named = {stem(w) for w in re.findall(r"[a-z][a-z\-]{3,}", named_in.lower())} - {stem(w) for w in _OBJECT_STOP}
    return bool(named & {stem(w) for w in toks})


#: Words of a denial's object that name nothing in particular ("no evidence that ...", "any of it").
_OBJECT_STOP = frozenset({"evidence", "that", "this", "these", "those", "their", "there", "thing", "things", "anything",
                          "something", "nothing", "information", "data", "datum", "kind", "sort", "such", "other"})


def _still_does(rules: RuleSet, predicate: str, text: str) -> str:
    """The words in which a record says that an act still goes on ("we still store location"):
    'still' and, within two words, a form of ``predicate`` or of a verb of its family
    (rules/lexicon.yaml predicate_families); "" when it does not."""
    if not predicate or predicate in LIGHT_VERBS:
        return ""
    forms = _act_forms(rules, predicate)
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
    learned = pf.modality != "knowledge" and learns(pf, rules.stance) and stance_of(p, rules) == "claims-learned"  # "we discovered a month
    # ago that the metric had been calculated incorrectly": read as a denial, it says when it learned
    if (pf.modality != "knowledge" and not learned) or i.frame.polarity != "positive":
        return None  # "the lab found no trace of it" is no earlier knowledge of it
    low, toks = _tokens(p.text)
    if (pf.polarity == "negative" and not learned) or _has(rules.stance.get("falsity", ()), low, toks) \
            or _has(rules.stance.get("dispute", ()), low, toks):
        return None  # "no known report mentions it", "any suggestion that we knew of it is false": a
        # denial of knowing (the denial rule's), no date of it
    if _another_partys(p):
        return None  # "Globex knew the truth," said an Acme spokesperson: what another party knew
    if _counts_none_of(p, i):
        return None  # "Guests under treatment: 0": a record that counts none of it knew of none
    unaware = rules.stance.get("unawareness", ())
    if _has(unaware, low, toks) or _has(unaware, *_tokens(i.text)):
        return None  # "officials did not know how far it went" dates no knowledge; a record that
        # says "we do not yet know" shows none
    claimed = next((m.value for m in dates_told(rules, p)), None)
    recent = claimed is None and p.date.known and _has(rules.stance.get("recent_learning", ()), low, toks)
    if recent:
        claimed = p.date  # "we only recently learned of it": learned about when it was said
    if claimed is None or not i.date.known:
        return None
    gap = (claimed.start - i.date.end).days
    if gap < rule.params.get("min_gap_days", 7):
        return None
    if recent and learned_recently(rules, p, i, rule.params.get("recent_days", 31)):
        return None  # "recently became aware" a week after the first record of it: recent all the same
    if new_detail_of_public_matter(rules, p):
        return None  # "was told yesterday that the breach announced on June 20 affects all members": what it
        # learned is a new detail of a matter it made public before, not the matter itself
    reasons = (Reason("strengthens", "timing",
                      f"the claim dates the organization's knowledge to {claimed.iso()}; the internal record on the same topic is from {_when(i)}, {gap} days earlier"),)
    return Hit(rule.params.get("base_score", 0.85), reasons,
               f"{p.organization} says it learned of this in {claimed.iso()}; its own record discussed it on {_when(i)}")


def _counts_none_of(p: Statement, i: Statement) -> bool:
    """Does a record count none of what the claim speaks of, in a field whose label names it ("Guests under
    treatment: 0" against "when the company learned that a guest had tested positive")?"""
    said = {stem(w) for w in re.findall(r"[a-z]{4,}", p.text.lower())}
    return any({stem(w) for w in re.findall(r"[a-z]{4,}", m.group(1))} & said
               for m in re.finditer(r"([a-z][a-z \-]{2,40}):[ \t]{0,3}(?:0|none|nil)\b", i.text.lower()))


def new_detail_of_public_matter(rules: RuleSet, p: Statement) -> bool:
    """Does a claim of when the organization learned something name, besides that date, an
    earlier one on which the matter was made public ("informed yesterday that the breach announced
    on June 20 affects all members")? What it dates is a new detail of a public matter."""
    claimed = next((m.value for m in dates_told(rules, p)), None) or (p.date if p.date.known else None)
    return claimed is not None and claimed.start is not None and any(
        m.value.known and m.value.start < claimed.start and _MADE_PUBLIC_BEFORE.search(p.text[max(0, m.start - 60):m.start])
        for m in p.mentioned_dates)


#: Words just before a date saying the matter was made public on it ("the breach announced on June 20").
_MADE_PUBLIC_BEFORE = re.compile(r"(?i)\b(?:announced|disclosed|reported|revealed|made public|published)[ \t\n]{1,3}"
                                 r"(?:(?:on|in|at|since|last|from)[ \t\n]{1,3})?$")


def _same_event(rules: RuleSet, p: Statement, i: Statement) -> bool:
    """Do two figures count the same happening? Their verbs share a lemma or a family; or both
    count a happening by its own name (rules/stance.yaml event_units: "10 infant deaths have
    occurred", "fatalities reported: 32"), whatever verb tells it."""
    vp = (set(p.frame.verbs) | {p.frame.predicate}) - LIGHT_VERBS
    vi = (set(i.frame.verbs) | {i.frame.predicate}) - LIGHT_VERBS
    if vp & vi or _families(rules, sorted(vp)) & _families(rules, sorted(vi)):
        return True
    events = set(rules.stance.get("event_units", ()))
    fam = _noun_families(rules)
    if any(units_match(qp.unit, qi.unit, fam) and unit_head(qp.unit, fam) in events
           for qp in p.frame.quantities for qi in i.frame.quantities):
        return True
    # "we are talking about thousands of barrels": a figure told with no act of its own (a verb of saying
    # only) counts whatever the other figure in that unit counts
    return any(v and v <= _TALK_VERBS and units_match(qp.unit, qi.unit, fam) and qp.unit not in _BARE_UNITS
               for v in (vp, vi) for qp in p.frame.quantities for qi in i.frame.quantities)


#: Verbs that tell a figure without doing anything: "we are talking about thousands", "it means hundreds".
_TALK_VERBS = frozenset({"talk", "mean", "estimate", "reckon", "guess", "put", "amount"})

_FAM: dict[str, dict[str, str]] = {}


def _noun_families(rules: RuleSet) -> dict[str, str]:
    """rules.noun_family_of(), once per rule set."""
    fam = _FAM.get(rules.digest)
    if fam is None:
        fam = _FAM[rules.digest] = rules.noun_family_of()
    return fam


#: Units that say how much, not what is counted: two figures in them share no matter by their unit.
_BARE_UNITS = frozenset({"percent", "usd", "eur", "gbp", "unit", "time", "case"})


def _counted_matter(rules: RuleSet, p: Statement, i: Statement) -> bool:
    """Do both count one named thing (the same noun, or one of its noun family: "15 tests" and
    "assays run this month: 15")? The thing counted is then the shared matter; a unit that only
    says how much ("percent", "$") or a generic noun (rules/lexicon.yaml generic_nouns) is not."""
    fam = _noun_families(rules)
    generic = set(rules.lexicon.get("generic_nouns", ())) | _BARE_UNITS
    return any(units_match(qp.unit, qi.unit, fam) and "/" not in qp.unit
               and unit_head(qp.unit, fam) not in generic and unit_head(qi.unit, fam) not in generic
               for qp in p.frame.quantities for qi in i.frame.quantities)


_CAPS_RUN = re.compile(r"((?:[A-Z][a-z]+ ){1,5}?)(?:of |was |is |at )?$")


def _measure_names(text: str, q: Quantity) -> set[str]:
    """The names a figure is given just before it: an acronym ("computed NRR 10.9 dB" -> NRR), or
    a run of capitalized words and its initials ("Noise Reduction Rating of 22 dB" -> NRR)."""
    out: set[str] = set()
    for m in re.finditer(r"(?<![\w.])" + re.escape(q.text) + r"(?![\w])", text):
        before = text[max(0, m.start() - 60):m.start()]
        ac = re.search(r"\b([A-Z]{3,6})\s+$", before)
        if ac:
            out.add(ac.group(1))
        run = _CAPS_RUN.search(before)
        if run and len(run.group(1).split()) >= 2:
            out.add("".join(w[0] for w in run.group(1).split()))
    return out


def _same_named_measure(p: Statement, i: Statement) -> bool:
    """Do a figure of each side carry one name (an acronym and the words it abbreviates)?"""
    return any(qp.unit == qi.unit and _measure_names(p.text, qp) & _measure_names(i.text, qi)
               for qp in p.frame.quantities for qi in i.frame.quantities)


def _interval(q: Quantity, prm: dict) -> tuple[float, float]:
    """What a figure allows: "more than 30" is [30, inf); "about 200" is 200 +/- approx_tolerance;
    an exact figure is itself +/- tolerance (rounding, counting date)."""
    if q.low is not None and q.high is not None:  # "between 60% and 80%": the range, its ends rounded
        tol = prm.get("tolerance", 0.25)
        return q.low * (1 - tol), q.high * (1 + tol)
    if q.low is not None:
        return q.low, float("inf")
    if q.high is not None:
        return 0.0, q.high
    tol = prm.get("approx_tolerance", 0.5) if q.approx else prm.get("tolerance", 0.25)
    return q.value * (1 - tol), q.value * (1 + tol)


def check_numeric(rule: Rule, rules: RuleSet, p: Statement, i: Statement) -> Hit | None:
    prm = rule.params
    unreached = _figure_not_reached(rule, rules, p, i, _noun_families(rules)) or _minimized_ratio(rule, rules, p, i) \
        or _partial_figure(rule, rules, p, i, _noun_families(rules))
    if unreached is not None:  # the same figure, which the record says is not reached (or only a part): no other
        return unreached       # count need be shared ("achieves 29.2 km/L" / "does not reach 29.2 km/L")
    named = _same_named_measure(p, i)  # "Noise Reduction Rating of 22 dB" and "computed NRR 10.9 dB"
    # "more than three times the externally reported number": the record sets its figure against the public one
    # (not a figure the claim says measures something else: "losses of about $1.3 billion")
    against_public = _has(rules.stance.get("reported_figure", ()), *_tokens(i.text)) \
        and not _tokens(p.text)[1] & set(rules.stance.get("figure_measures", ()))
    if not named and not against_public \
            and (not _same_event(rules, p, i) or not (_same_matter(rules, p, i) or _counted_matter(rules, p, i))):
        return None
    if i.frame.modality == "denial" and i.frame.polarity == "negative" and _has(rules.stance.get("falsity", ()), *_tokens(i.text)):
        return None  # "it is not true that 1,400 accounts were exposed" gives no figure
    if not _same_measure(rules, p, i):
        return None  # "global" against "polar", tests "submitted" against tests "run": two quantities
    named_p, named_i = _named_party(p), _named_party(i)
    if named_p and named_i and named_p != named_i:
        return None  # "Northwind Logistics spent $554,000" and "Meridian Water spent $143,000": two parties' figures
    fam = _noun_families(rules)
    found = _unmatched_figure(prm, p, i, fam)
    if found is None:
        return _denied_figure(rule, rules, p, i, fam) or _figure_not_reached(rule, rules, p, i, fam)
    qp, qi = found
    if _is_difference(p.text, qp) != _is_difference(i.text, qi):
        return None  # "93,000 more tests than the devices registered" is a gap between two counts, not
        # the count "tests recorded: 190,000" a record gives
    diff = abs(qp.value - qi.value) / max(qp.value, qi.value)
    score = prm.get("base_score", 0.85)
    reasons = [Reason("strengthens", "figure",
                      f"public figure {_figure(qp)} {qp.unit} vs internal {_figure(qi)} {qi.unit} ({diff:.0%} apart)")]
    if against_public:
        reasons.append(Reason("strengthens", "against-public-figure",
                              "the internal record sets its figure against the one made public"))
    if named:
        reasons.append(Reason("strengthens", "same-measure",
                              f"both name the measure {'/'.join(sorted(_measure_names(p.text, qp) & _measure_names(i.text, qi))) or 'alike'}"))
    if _before(p, i, 1) and _has(rules.stance.get("provisional", ()), *_tokens(p.text)):
        return None  # "our preliminary estimate is ...", revised later: a revision, not a figure refuted
    if _before(p, i, 1):
        score -= prm.get("later_evidence_penalty", 0.3)
        reasons.append(Reason("weakens", "timing", f"the internal figure ({_when(i)}) is later than the public one ({_when(p)}); counts can change"))
    period = _period_differs(p, i)
    if period:
        score -= prm.get("period_penalty", 0.2)
        reasons.append(Reason("weakens", "scope", period))
    return Hit(score, tuple(reasons), f"the figure ({qi.unit}): {_figure(qp)} in public, {_figure(qi)} internally")


def _figure(q: Quantity) -> str:
    """A figure as written, a range as its two ends ("60-80")."""
    if q.low is not None and q.high is not None:
        return f"{q.low:g}-{q.high:g}"
    return q.text


#: "since 2015", "since launch in 2009", "since its launch": from when a count runs.
_SINCE = re.compile(r"\bsince\s+(?:(?:its|the|our|their)\s+)?(?:(?:launch|introduction|inception|release|debut)"
                    r"(?:\s+in\s+((?:19|20)\d\d))?|(?:\w+\s+)?((?:19|20)\d\d))\b", re.I)


def _periods(text: str) -> set[str]:
    return {(m.group(1) or m.group(2) or "launch") for m in _SINCE.finditer(text)}


def _period_differs(p: Statement, i: Statement) -> str:
    """The period scope in words when the two counts run from different starts ("since 2015"
    against "since launch in 2009"), or only one says from when it counts; "" when alike."""
    a, b = _periods(p.text), _periods(i.text)
    if a == b or (a & b):
        return ""
    said = lambda s: "since " + "/".join(sorted(s)) if s else "over a period it does not state"  # noqa: E731
    return f"scope: the public figure counts {said(a)}; the internal one {said(b)}: two periods, not one count"


def _denied_figure(rule: Rule, rules: RuleSet, p: Statement, i: Statement, fam: dict[str, str]) -> Hit | None:
    """A public statement that calls a figure false ("the claim that we run only 15 tests is
    false") against an earlier record that gives the same figure for the same count: the record
    shows the denied figure true."""
    sl = rules.stance.get("falsity", ())
    if not p.frame.quantities or _has(sl, *_tokens(i.text)) or not _before(i, p, 1):
        return None
    for sent in re.split(r"(?<=[.;!?])\s+", p.text):
        if not _has(sl, *_tokens(sent)):
            continue
        for qp in p.frame.quantities:
            if not re.search(r"(?<![\w.])" + re.escape(qp.text) + r"(?![\w])", sent):
                continue
            lo_p, hi_p = _interval(qp, {"tolerance": 0.0, "approx_tolerance": 0.0})
            for qi in i.frame.quantities:
                lo_i, hi_i = _interval(qi, {"tolerance": 0.0, "approx_tolerance": 0.0})
                if units_match(qp.unit, qi.unit, fam) and lo_p <= hi_i and lo_i <= hi_p:
                    return _figure_hit(rule, p, i, Reason("strengthens", "figure-denied",
                                                          f"the claim calls the figure {qp.text} {qp.unit} false; the "
                                                          f"internal record ({_when(i)}) gives {qi.text} {qi.unit}"),
                                       f"{p.organization} called the figure of {qp.text} {qp.unit}s false; its own "
                                       f"record of {_when(i)} gives that figure")
    return None


def _figure_hit(rule: Rule, p: Statement, i: Statement, reason: Reason, point: str) -> Hit:
    """A figure check's hit on a record that predates the claim: its own reason, the timing, the
    rule's figure score (denied_figure_score, else base_score)."""
    return Hit(rule.params.get("denied_figure_score", rule.params.get("base_score", 0.85)),
               (reason, Reason("strengthens", "timing", f"the internal record ({_when(i)}) predates the claim ({_when(p)})")),
               point)


@lru_cache(maxsize=8)
def _not_attained(verbs: tuple[str, ...]) -> str:
    """The words that say a figure is not attained, before it: "does not reach", "failed to meet",
    "falls short of" (rules/stance.yaml attain_verbs, in every form)."""
    forms = "|".join(sorted(re.escape(f) for f in _verb_forms(verbs) | set(verbs)))
    return r"(?:(?:\b(?:not|never|no longer)|n't|\bfail(?:s|ed|ing)? to)\s(?:[a-z]+\s){0,2}?(?:" + forms + r")|\bshort of)"


def _figure_not_reached(rule: Rule, rules: RuleSet, p: Statement, i: Statement, fam: dict[str, str]) -> Hit | None:
    """A figure given in public ("achieves 29.2 km/L") that the organization's earlier record
    says is not reached: the same figure, in the same unit, after a negated verb of attaining
    (rules/stance.yaml attain_verbs: "the car does not reach 29.2 km/L", "failed to meet the 5%
    target", "falls short of 29.2 km/L"). The figure is the matter: the same number in the same
    unit on both sides, which the claim gives and the record says is not met."""
    verbs = tuple(rules.stance.get("attain_verbs", ()))
    if not verbs or not p.frame.quantities or not i.frame.quantities or p.frame.polarity != "positive" \
            or p.frame.modality in ("question", "commitment") or p.frame.hedged:
        return None
    same = [(qp, qi) for qp in p.frame.quantities for qi in i.frame.quantities
            if qp.value > 0 and qp.unit and qi.text and qi.value == qp.value]  # (the rare case first: one number)
    if not same or not _before(i, p, 1):
        return None
    ilow = _tokens(i.text)[0]
    for qp, qi in same:
        if units_match(qp.unit, qi.unit, fam):
            fig = re.escape(re.sub(r"\s+", " ", qi.text.lower()))
            said = re.search(_not_attained(verbs) + r"\s(?:\S+\s){0,4}?" + fig + r"(?![\w.])", ilow)
            if said is None:
                continue
            return _figure_hit(rule, p, i, Reason("strengthens", "figure-not-reached",
                                                  f"the claim gives {qp.text} {qp.unit}; the internal record says it is "
                                                  f"not reached (\"{_quote(ilow[max(0, said.start() - 20):said.end()], 70)}\")"),
                               f"{p.organization} gave the figure {qp.text} in public; its own record of {_when(i)} "
                               f"says that figure is not reached")
    return None


def _partial_figure(rule: Rule, rules: RuleSet, p: Statement, i: Statement, fam: dict[str, str]) -> Hit | None:
    """A figure given in public as the whole ("the cost of moving the plant is $40 million") that the
    organization's earlier record calls a part of it: the same figure in the same unit, with "only"
    before it ("the $40M is only the sunk-cost piece") or a word of a part (rules/stance.yaml
    partial_figure: "should not be presented as the total", "on top of that"). A tension: the
    record does not say the figure is wrong, only that it is not all."""
    words = tuple(rules.stance.get("partial_figure", ()))
    if not words or not p.frame.quantities or not i.frame.quantities or p.frame.polarity != "positive" \
            or p.frame.modality in ("question", "commitment") or p.frame.hedged or not _before(i, p, 1):
        return None
    low, toks = _tokens(p.text)
    if _has(words, low, toks) or re.search(r"\b(?:only|just|merely|part of|of which|at least|more than)\b", low):
        return None  # the claim itself gives the figure as a part ("only $40 million of it", "at least")
    ilow, itoks = _tokens(i.text)
    for qp in p.frame.quantities:
        for qi in i.frame.quantities:
            if not (qp.value > 0 and qi.value == qp.value and units_match(qp.unit, qi.unit, fam)):
                continue
            fig = re.escape(re.sub(r"\s+", " ", qi.text.lower()))
            # ("the $40m is only ...": a scale letter may follow the figure's digits)
            near = re.search(fig + r"(?![\d.])[^.;\n]{0,40}?\b(?:is|are|was|were)\s(?:only|just|merely)\b", ilow) \
                or re.search(r"\b(?:only|just|merely)\s(?:\S+\s){0,2}?\$?" + fig + r"(?![\d.])", ilow)
            if near is None and not _has(words, ilow, itoks):
                continue
            return Hit(rule.params.get("partial_figure_score", 0.6), (
                Reason("strengthens", "figure-partial", f"the claim gives {qp.text} as the figure; the internal record "
                                                        f"calls {qi.text} only a part of it"),
                Reason("strengthens", "timing", f"the internal record ({_when(i)}) predates the claim ({_when(p)})"),
                Reason("weakens", "figure-not-disputed", "the record does not say the figure is wrong, only that it "
                                                         "is not the whole")),
                f"{p.organization} gave {qp.text} in public as the figure; its own record of {_when(i)} says that figure "
                f"is only a part")
    return None


@lru_cache(maxsize=16)
def _word_alternation(words: tuple[str, ...]) -> re.Pattern[str]:
    """Any of ``words`` as whole words, the longest first ("only slightly" before "slightly")."""
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")\b")


_MULTIPLE = re.compile(r"\b(\d+(?:\.\d+)?|two|three|four|five|six|ten|twice|double|triple)(?:\s(?:times|fold)|-fold)?"
                       r"\s(?:as|the|more|higher|greater)\s(\w+(?:\s\w+)?)")
_WORD_NUMBERS = {"two": 2.0, "three": 3.0, "four": 4.0, "five": 5.0, "six": 6.0, "ten": 10.0, "twice": 2.0,
                 "double": 2.0, "triple": 3.0}
_COMPARED = re.compile(r"\b(?:more|higher|greater|increased|elevated|as)\s(\w+(?:\s\w+)?)")
#: Words of a comparison that name nothing compared ("more likely than", "as likely as").
_COMPARISON_STOP = frozenset({"than", "as", "the", "a", "an", "to", "of", "in", "for", "with"})


def _compared_words(phrase: str) -> set[str]:
    return {stem(w) for w in phrase.split() if w not in _COMPARISON_STOP}


def _minimized_ratio(rule: Rule, rules: RuleSet, p: Statement, i: Statement) -> Hit | None:
    """A public claim that minimizes a comparison (rules/stance.yaml minimizers: "patients were
    only slightly more likely than placebo patients to show high glucose") against the
    organization's earlier record of a multiple of at least two for the same comparison ("3.5
    times as likely as patients taking placebo"): the same compared word on both sides."""
    words = tuple(rules.stance.get("minimizers", ()))
    if not words or (p.frame.polarity != "positive" and p.frame.modality != "denial") or not _before(i, p, 1):
        return None
    low = _tokens(p.text)[0]
    found = _word_alternation(words).search(low)
    if found is None:
        return None
    at, ilow = found.start(), _tokens(i.text)[0].replace("*", "")
    compared = set().union(*(_compared_words(m.group(1)) for m in _COMPARED.finditer(low[at:at + 80])))
    for m in _MULTIPLE.finditer(ilow):
        n = m.group(1)
        value = _WORD_NUMBERS[n] if n in _WORD_NUMBERS else float(n)
        bare = n not in ("twice", "double", "triple") and "times" not in m.group(0) and "fold" not in m.group(0)
        if value < 2 or bare or not _compared_words(m.group(2)) & compared:
            continue  # ("3 more patients" is a count, not a multiple)
        return _figure_hit(rule, p, i, Reason("strengthens", "minimized-multiple",
                                              f"the claim calls the difference slight (\"{_quote(low[at:at + 60], 60)}\"); "
                                              f"the internal record gives \"{m.group(0)}\""),
                           f"{p.organization} called a difference slight in public; its own record of {_when(i)} "
                           f"gives \"{m.group(0)}\"")
    return None


def _unmatched_figure(prm: dict, p: Statement, i: Statement,
                      fam: dict[str, str] | None = None) -> tuple[Quantity, Quantity] | None:
    """A public figure that no figure of the record in the same unit can be (with the record's
    nearest figure), or None: "fatigue 3.8% and headache 2.0%" against a record giving both, in
    another order and among others, agrees. So does a claim that gives, among its figures, every
    figure of the record ("about $55 billion of exposure, ... a write-down of $8 billion to $11
    billion" against "more than $40 billion"): its other figures count other things."""
    mine = [(q, _interval(q, prm)) for q in p.frame.quantities if q.value > 0]
    records = [(q, _interval(q, prm)) for q in i.frame.quantities
               if q.value > 0 and any(units_match(qp.unit, q.unit, fam) for qp, _ in mine)]
    if mine and records and all(any(units_match(qp.unit, qi.unit, fam) and lo_p <= hi_i and lo_i <= hi_p
                                     for qp, (lo_p, hi_p) in mine) for qi, (lo_i, hi_i) in records):
        return None
    for qp in p.frame.quantities:
        theirs = [qi for qi in i.frame.quantities if units_match(qp.unit, qi.unit, fam) and qp.value > 0 and qi.value > 0]
        lo_p, hi_p = _interval(qp, prm)
        if theirs and not any(lo_p <= hi_i and lo_i <= hi_p for lo_i, hi_i in (_interval(qi, prm) for qi in theirs)):
            return qp, min(theirs, key=lambda q: abs(q.value - qp.value))
    return None


def check_assurance(rule: Rule, rules: RuleSet, p: Statement, i: Statement) -> Hit | None:
    if p.frame.modality != "assurance" or i.frame.modality != "concern":
        return _contrary_record(rule, rules, p, i) or _contrary_quality(rule, rules, p, i) \
            or _action_needed(rule, rules, p, i) or _exception_to_all(rule, rules, p, i)
    prm = rule.params
    order = _before(i, p)
    if order is None or (not order and prm.get("later_evidence", "drop") == "drop"):
        return None
    if _admits(rules, p):  # "customers feel unsure about the safety, and I accept full responsibility":
        return None        # an admission agrees with the concern; it gives no assurance
    if assures_only_a_purpose(rules, p):
        return None  # "to protect data consistency, each server shuts itself down": a design's purpose, no assurance
    if p.frame.predicate in rules.stance.get("aspiration_verbs", ()):
        return None  # "we want a completely safe operation": an aim, no assurance that it is so
    if vouches_attitude(rules, p.text) or _has(rules.stance.get("precaution", ()), *_tokens(p.text)):
        return None  # "we have always taken safety seriously": its conduct, not the product's safety;
        # "to be on the safe side": a precaution taken, no assurance given
    strong = set(rules.lexicon.get("strong_concern", ()))
    low = i.text.lower()
    is_strong = any(re.search(rf"\b{re.escape(w)}\b", low) for w in strong) or bool(OVER_LIMIT.search(low))
    if not is_strong and _has(rules.stance.get("all_clear", ()), *_tokens(i.text)):
        return None  # "a train-side issue; our supply is normal": the worry is another's, its own side all clear
    score = prm.get("base_score", 0.75) + (prm.get("strong_bonus", 0.15) if is_strong else 0.0)
    reasons = [Reason("strengthens", "timing", f"the concern ({_when(i)}) was raised before the assurance ({_when(p)})")]
    if not is_strong:
        reasons.append(Reason("weakens", "concern-only", "the internal record voices a worry, not an established fault"))
    return Hit(score, tuple(reasons), f"{p.organization} gave a public assurance while its own staff had raised a concern")


def _admits(rules: RuleSet, p: Statement) -> bool:
    """Does a public statement admit a fault (rules/stance.yaml admission, not negated: "we accept
    full responsibility", not "we do not accept that the product caused it")?"""
    low, toks = _tokens(p.text)
    return _has(rules.stance.get("admission", ()), low, toks) and not _NEGATED_ADMISSION.search(low)


#: Public frames that assert a state of affairs (a denial, a pledge, a dating claim or a change of
#: position has a rule of its own); "concern" too, as a concern word in a name ("risk management")
#: makes one of a plain statement.
_ASSERTING = frozenset({"report", "assurance", "action", "concern"})


@lru_cache(maxsize=8)
def _no_harm_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    alts = "|".join(sorted((re.escape(w) for w in words if " " not in w), key=len, reverse=True)) or "(?!)"
    return re.compile(r"\bno\s{1,3}(?:[\w\-]{1,30}\s{1,3}){0,2}(?:" + alts + r")(?:e?s)?\b")


def _no_harm(rules: RuleSet, low: str) -> bool:
    """Does the record say a harm or fault is absent ("no settlement failures or financial loss
    identified", rules/lexicon.yaml concern and rules/stance.yaml harm words after "no")? Such a
    record agrees with what the organization says it did."""
    words = tuple(rules.lexicon.get("concern", ())) + tuple(rules.stance.get("harm", ()))
    return bool(_no_harm_pattern(words).search(low))


#: A record that tells its reader not to do something: "Do not send it outside the company", "Please
#: don't forward this", "Never copy it into a report".
_DONT = re.compile(r"\W{0,4}(?:please\s{1,3})?(?:do\s{1,3}not|don't|don’t|never)\s")
#: A record that looked and found none: "identified no improper practices", "found no trace".
_FOUND_NONE = re.compile(r"\b(?:found|identified|detected|observed|saw|noted|uncovered)\s(?:no|none)\b")


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
    if pf.hedged or pf.condition or reports_absence(rules, i.text) or _no_harm(rules, i.text.lower()) \
            or _has(rules.stance.get("advice_words", ()), *_tokens(p.text)):
        return None  # ("patients who received a shock should contact their physician": advice, no claim that it is done)
    low, toks = _tokens(p.text)
    if _has(rules.lexicon.get("strong_concern", ()), low, toks) or _has(rules.stance.get("admission", ()), low, toks) \
            or _has(rules.stance.get("harm", ()), low, toks):
        return None  # "the strategy was flawed and poorly reviewed": an admission agrees with the record
    claimed = (set(pf.verbs) | {pf.predicate}) - LIGHT_VERBS
    negated = {iff.predicate} - LIGHT_VERBS
    ilow, itoks = _tokens(i.text)
    if not negated or not (itoks & _NEGATORS or "n't" in ilow) or iff.predicate in rules.stance.get("halt_verbs", ()):
        return None  # "stop production" is negative by its verb, not a record that something is not done
    if _FOUND_NONE.search(ilow):
        return None  # "our review identified no improper practices": an absence found, no act left undone
    if _DONT.match(ilow):
        return None  # "do not send it outside the company": an instruction not to do it, no record that it is not done
    same = claimed & negated
    if pf.modality != "assurance" and same and pf.predicate not in same \
            and not _families(rules, [pf.predicate]) & _families(rules, sorted(negated)):
        return None  # "a script routinely used to prepare test systems begins by emptying ...": a description
        # whose main act is another; its modifier's verb ("used") is no act it says is done
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
    proper = {w.lower() for w in re.findall(r"\b[A-Z][a-z]{2,}", iff.actor)} - _NOT_NAMES \
        - {w.lower() for w in re.findall(r"[A-Za-z]{3,}", p.organization)}
    if proper and not proper & {w.lower() for w in re.findall(r"[A-Za-z]{3,}", p.text)}:
        return None  # "Acme-ID and older cards are not affected" against "the issue concerns 12,000 cards": the
        # record says it of a thing it names and the claim does not
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


#: A claim that all of something was done: "every player payment has been declared", "all of its
#: recommendations were implemented".
_EVERY = re.compile(r"\b(?:every|all|each)\b")


def _exception_to_all(rule: Rule, rules: RuleSet, p: Statement, i: Statement) -> Hit | None:
    """A public claim that every one of a matter's items was done (rules/stance.yaml completion:
    "every payment has been declared", "every inspection report has been followed up") against the
    organization's earlier record of items left undone in other words (rules/stance.yaml
    left_undone: "are not to be entered on the register", "most of the actions remain open"): the
    exception the record names is what the claim says there is none of. The same word on both
    sides ("declared" / "not declared") makes it a contradiction; other words, a tension."""
    prm = rule.params
    if "contrary_score" not in prm or p.frame.hedged or p.frame.condition or i.role != "evidence" \
            or i.text.rstrip().endswith("?"):
        return None
    low, toks = _tokens(p.text)
    if not _EVERY.search(low):
        return None  # (read first: most claims are about no "every one", and every aligned pair comes here)
    done = [w for w in rules.stance.get("completion", ()) if re.search(rf"\b{re.escape(w)}\b", low)]
    if not done or _has(rules.stance.get("admission", ()), low, toks):
        return None
    ilow, itoks = _tokens(i.text)
    undone = [w for w in rules.stance.get("left_undone", ()) if re.search(rf"\b{re.escape(w)}\b", ilow)]
    if not undone or not _same_matter(rules, p, i) or not _before(i, p, 1):
        return None
    same = any(stem(d.split()[0]) in {stem(x) for u in undone for x in u.split()} for d in done)
    reasons = [Reason("strengthens", "exception",
                      f"the claim says every one was done ({done[0]}); the internal record names some left undone "
                      f"({undone[0]})"),
               Reason("strengthens", "timing", f"the internal record ({_when(i)}) predates the claim ({_when(p)})")]
    score = prm["contrary_score"]
    if not same:
        score -= prm.get("family_penalty", 0.1)
        reasons.append(Reason("weakens", "related-act", "the record tells the exception in other words than the claim"))
    if i.frame.hedged:
        score -= prm.get("hedge_penalty", 0.2)
        reasons.append(Reason("weakens", "hedged", "the internal record is hedged"))
    return Hit(score, tuple(reasons),
               f"{p.organization} said in public that every one was {done[0]}; its own record of {_when(i)} names "
               f"exceptions: \"{_quote(i.text, 70)}\"")


#: What comes before a quality the claim gives a thing ("the program was lawful", "remains fully
#: accurate"), at most an adverb between: "we are publishing our working notes" gives none.
_GIVES_QUALITY = (r"\b(?:is|are|was|were|be|been|being|remains?|remained|stays?|stayed|considered|consider|deemed|as)\s"
                  r"(?:(?:[a-z]{2,20}ly|still|now|always|all|both|not only)\s)?")
_NEG_PREFIXES = ("un", "in", "il", "ir", "im", "non-", "non ")


@lru_cache(maxsize=1024)
def _quality_patterns(word: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A quality given (``_GIVES_QUALITY`` + word) and a quality denied ("is not lawful", "probably
    not accurate", "unlawful", "non-compliant")."""
    w = re.escape(word)
    given = re.compile(_GIVES_QUALITY + w + r"\b")
    denied = re.compile(r"(?:\b(?:not|never|no longer)|n't)\s(?:[a-z\-]+\s){0,2}?" + w + r"\b|\b(?:"
                        + "|".join(re.escape(x) for x in _NEG_PREFIXES) + r")" + w + r"\b")
    return given, denied


def _contrary_quality(rule: Rule, rules: RuleSet, p: Statement, i: Statement) -> Hit | None:
    """A public claim that gives its matter a quality (rules/stance.yaml qualities: "remained
    confident the program was lawful", "the system is working") against the organization's
    earlier record that it lacks it ("raising a debt that way is not lawful", "the system is not
    working", "inaccurate"): the record denies the very quality the claim asserts. Hedged on the
    record's side ("probably not lawful"), a tension."""
    prm = rule.params
    qualities = rules.stance.get("qualities", ())
    if "contrary_score" not in prm or not qualities or p.frame.polarity != "positive" or p.frame.hedged \
            or p.frame.condition or i.role != "evidence" or i.text.rstrip().endswith("?") or p.text.rstrip().endswith("?"):
        return None
    if not _before(i, p, 1):
        return None
    low, toks = _tokens(p.text)
    ilow, itoks = _tokens(i.text)
    for word in qualities:
        if word not in low or word not in ilow:
            continue
        given, denied = _quality_patterns(word)
        g = given.search(low)
        if g is None or re.search(r"(?:\b(?:not|never|no)|n't)\s(?:[a-z\-]+\s){0,3}?$", low[:g.end() - len(word)]):
            continue  # ("is not lawful" in the claim gives no quality)
        d = denied.search(ilow)
        if d is None:
            continue
        score = prm["contrary_score"]
        reasons = [Reason("strengthens", "quality-denied",
                          f"the claim calls it {word}; the internal record says it is not (\"{_quote(ilow[max(0, d.start() - 30):d.end()], 70)}\")"),
                   Reason("strengthens", "timing", f"the internal record ({_when(i)}) predates the claim ({_when(p)})")]
        if i.frame.hedged or _has(rules.stance.get("quality_hedges", ()), ilow, itoks):
            score -= prm.get("hedge_penalty", 0.2)
            reasons.append(Reason("weakens", "hedged", "the internal record is hedged"))
        return Hit(score, tuple(reasons), f"{p.organization} said in public it is {word}; its own record of {_when(i)} says it is not")
    return None


#: Someone told to act in a record: "affected customers should review ...", "users must reset".
_TOLD_TO_ACT = re.compile(r"\b([a-z]{3,20})\s(?:([a-z]{2,20})\s)?(?:should|must|need to|needs to|have to|has to|ought to|"
                          r"are advised to|are urged to)\s(?!not\b|be\s)([a-z]{3,20})")


def _action_needed(rule: Rule, rules: RuleSet, p: Statement, i: Statement) -> Hit | None:
    """A public claim that someone need not act (rules/stance.yaml no_action_needed: "there are no
    corrective actions that need to be taken by our customers") against the organization's own
    record, from before the claim or its day, that the same people should act ("affected customers
    should review admin changes and reset credentials"): the record strains the assurance."""
    words = rules.stance.get("no_action_needed", ())
    if "contrary_score" not in rule.params or not words or i.role != "evidence" or not _before(i, p, 0):
        return None
    low, toks = _tokens(p.text)
    if not _has(words, low, toks):
        return None
    stems = {stem(w) for w in toks}
    for m in _TOLD_TO_ACT.finditer(_tokens(i.text)[0]):
        act = m.group(3)
        who = next((w for w in (m.group(2), m.group(1)) if w and stem(w) in stems and w not in _DOER_STOP), "")
        if not who:
            continue
        score = rule.params["contrary_score"]
        reasons = [Reason("strengthens", "action-needed",
                          f"the claim says no action is needed; the internal record says \"{m.group(0)}\"")]
        if _before(i, p, 1):
            reasons.append(Reason("strengthens", "timing", f"the internal record ({_when(i)}) predates the claim ({_when(p)})"))
        else:
            score -= rule.params.get("later_evidence_penalty", 0.1)
            reasons.append(Reason("weakens", "timing", f"the internal record and the claim are of the same day ({_when(p)}): "
                                                       "which came first is not known"))
        return Hit(score, tuple(reasons), f"{p.organization} said in public that {who} need not act; its own record of "
                                   f"{_when(i)} says they should ({act})")
    return None


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


def _figures_disagree(rules: RuleSet, rule: Rule, p: Statement, i: Statement) -> bool:
    """A figure on each side of the same measured thing (unit and scope words) that cannot be
    the same number."""
    return _same_measure(rules, p, i) and _unmatched_figure(rule.params, p, i, _noun_families(rules)) is not None


def _same_measure(rules: RuleSet, p: Statement, i: Statement) -> bool:
    """Do two figures measure the same thing? Scope words (rules/stance.yaml figure_scopes:
    "global" vs "polar", "submitted" vs "run") or measures (figure_measures: "loss" vs "balance")
    that each side names and the other does not make them two quantities."""
    scopes = set(rules.stance.get("figure_scopes", ()))
    _, tp = _tokens(p.text)
    _, ti = _tokens(i.text)
    sp, si = tp & scopes, ti & scopes
    if sp and si and not sp & si:
        return False
    # what each measures, when the unit does not say (stance.yaml figure_measures): "a net loss of
    # $2.8 billion" and "$50 billion off the balance sheet" are two quantities in one currency
    measures = set(rules.stance.get("figure_measures", ()))
    mp, mi = tp & measures, ti & measures
    if mp and mi and not mp & mi:
        return False
    # what was sampled or tested, when each side names it: "samples of the frozen lasagne" and
    # "tests on the withdrawn burgers" are figures of two products
    sp_, si_ = _sampled(p.text), _sampled(i.text)
    if sp_ and si_ and not sp_ & si_ and not sp_ & set(map(stem, ti)) and not si_ & set(map(stem, tp)):
        return False
    # a share of a named whole that the other side never names: "80% of the impacted tools had
    # been recovered" and "revenue hit approx 3%" are two quantities, though both are percent
    # ("100% of the tips" and "30% of customer tip dollars" are one)
    stems_p, stems_i = set(map(stem, tp)), set(map(stem, ti))
    return not (any(not whole & stems_i for whole in _share_of(p.text))
                or any(not whole & stems_p for whole in _share_of(i.text)))


#: A share of a whole: "80% of the Company's impacted tools", "40 percent of its customers".
_SHARE_OF = re.compile(r"(?i)\d[\d.,]{0,12}[ \t]?(?:%|per[ \t]?cent)[ \t]{1,2}of[ \t]{1,2}"
                       r"(?:(?:the|its|our|their|all|this|these|those)[ \t]{1,2})?(?P<x>[A-Za-z'’\-]{2,30}(?:[ \t][A-Za-z\-]{2,30}){0,3})")


def _share_of(text: str) -> set[frozenset[str]]:
    """The wholes a text gives a percentage of, each as its words (stemmed): "80% of the
    Company's impacted tools" is of {impacted, tool}; the other side names it by any of them."""
    out: set[frozenset[str]] = set()
    for m in _SHARE_OF.finditer(text):
        words = [w for w in _named_words(m["x"]) if not w.endswith(("'s", "’s"))
                 and w not in ("it", "them", "this", "these", "those", "which", "all", "total")]
        if words:
            out.add(frozenset(stem(w) for w in words))
    return out


#: What a sample or test is of: "samples of its frozen lasagne", "tests on the withdrawn burgers".
_SAMPLED = re.compile(r"(?i)\b(?:samples?|tests?|testing|batch(?:es)?|lots?)[ \t]{1,2}(?:of|on|from|in)[ \t]{1,2}"
                      r"(?:(?:the|its|our|their|a|an|all|some|each)[ \t]{1,2})?(?P<x>[A-Za-z\-]{2,30}(?:[ \t][A-Za-z\-]{2,30}){0,4})")
#: Words that end the name of what was sampled ("the burgers are consistent ...").
_SAMPLED_STOP = frozenset({"are", "is", "was", "were", "be", "been", "has", "have", "had", "and", "or", "but", "that",
                           "which", "who", "with", "from", "for", "to", "at", "by", "as", "in", "of", "on", "showed",
                           "show", "shows", "found", "confirmed", "tested", "contained", "made", "produced", "sold",
                           "came", "returned", "did", "do", "does", "can", "could", "may", "might", "will", "would"})


def _sampled(text: str) -> set[str]:
    """The head nouns (stemmed) of what a text's samples or tests are of."""
    out: set[str] = set()
    for m in _SAMPLED.finditer(text):
        words = _named_words(m["x"])
        if words and not words[-1] in ("it", "them", "this", "these", "those"):
            out.add(stem(words[-1]))
    return out


def _named_words(phrase: str) -> list[str]:
    """The words (lower case) naming a thing, up to the first that ends its name ("the burgers are
    consistent" -> ["burgers"])."""
    words: list[str] = []
    for w in phrase.split():
        if w.lower() in _SAMPLED_STOP:
            break
        words.append(w.lower())
    return words


CHECKS: dict[str, Callable[[Rule, RuleSet, Statement, Statement], Hit | None]] = {
    "commitment-vs-action": check_commitment,
    "denial-vs-evidence": check_denial,
    "knowledge-timing": check_knowledge,
    "numeric-mismatch": check_numeric,
    "assurance-vs-concern": check_assurance,
}
