"""One aligned pair judged: the rules' checks, a later public change of position that withdraws
the claim, a tension read from the two stances when no rule's wording matched, and a candidate
for review when no rule could judge (``_judge``, shared by :func:`claimcheck.detect.detect` and
:func:`judge_pair`, which ``claimcheck explain`` calls)."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Callable, Sequence

from ..align import Pair, exact_numbers, stem, term_key, topic_overlap
from ..corpus import org_key, same_person
from ..models import Reason, Statement
from ..ruleset import Rule, RuleSet
from .checks import CHECKS, _figures_disagree, new_detail_of_public_matter
from .shared import Hit, _org_words, general_statement, learned_recently, names_pledged, _another_partys, _before, _families, _has, _quote, _same_matter, _tokens, _verb_forms, _when, dates_told
from .stance import OPPOSED, STANCE_WORDS, reports_absence, stance_of


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


#: Public stances that speak of the organization's own conduct (a denial, an assurance of proper
#: conduct), which any earlier record of misconduct or concealment by it strains (detect pairs
#: them though they share no word).
CONDUCT_CLAIMS = frozenset({"denies", "asserts-conduct"})


NO_SHARED_WORDS = Reason("weakens", "misconduct-record",
                         "the claim and the record share no key word: they are compared because the record shows "
                         "misconduct or concealment by the organization whose conduct the claim vouches for")


def misconduct_pair_score(rules: RuleSet) -> float | None:
    """The topic score a conduct claim and a misconduct record sharing no word are compared at:
    the lowest a stance-only judgement of a denial accepts (no wording rule reads the pair);
    None when no rule judges on stance alone."""
    need = [r.params["stance_min_topic"] for r in rules.rules
            if r.type == "denial-vs-evidence" and "stance_min_topic" in r.params]
    return min(need) if need else None


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
    ps, istance = stance_of(p, rules), stance_of(i, rules)
    by_conduct = False
    if paired is None:
        same_org = bool(p.organization) and org_key(p.organization) == org_key(i.organization)
        paired = same_org and bool(matter or _same_matter(rules, p, i))
        conduct_score = misconduct_pair_score(rules)
        if same_org and not paired and ps in CONDUCT_CLAIMS and istance == "misconduct" and conduct_score is not None:
            # as detect pairs them (detect also asks that their documents share a matter)
            paired, score, by_conduct = True, conduct_score, True
    if not paired:
        return PairJudgement(False, matter, ps, istance, None, "", ())
    rule_of_type = {r.type: r for r in reversed(rules.rules)}
    pair = Pair(p.id, i.id, p.organization, score, tuple(shared))
    hits, unjudged, why = _judge(p, i, pair, rules, rule_of_type, lambda s: stance_of(s, rules),
                                 lambda: list(publics or ()))
    kept = [(hit, rule) for hit, rule in hits if hit.score >= rule.params.get("min_score", 0.5)]
    if kept:
        hit, rule = max(kept, key=lambda x: x[0].score)  # the first of equals, in rule order
        if by_conduct:
            hit = Hit(hit.score, hit.reasons + (NO_SHARED_WORDS,), hit.point)
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


#: Internal stances that show the matter itself (not a mention or a question): with a firm public
#: stance against them on the same matter, a record that predates the claim strains it.
FIRM_EVIDENCE: dict[str, frozenset[str]] = {
    # the act is the wording rule's to judge; a worry does not refute a denial; the matter taken
    # as settled knowledge does ("remains inconclusive" against "there is general agreement that")
    "denies": frozenset({"harm", "misconduct", "knowledge"}),
    "asserts-safety": frozenset({"harm", "misconduct", "concern"}),
    # a claim of proper conduct is strained by a record of improper conduct, not by harm or a worry
    "asserts-conduct": frozenset({"misconduct"}),
    "claims-learned": frozenset({"harm", "misconduct", "concern", "act", "knowledge"}),
    # "a breach could in the future lead to a loss" after a record that the data was stolen
    "hypothesizes": frozenset({"harm"}),
}


def _revision_words(rules: RuleSet) -> tuple[str, ...]:
    """The provisional words (rules/stance.yaml) that speak of a figure or an estimate: a revision."""
    return tuple(w for w in rules.stance.get("provisional", ()) if "estimate" in w or "figure" in w or w == "preliminary")


def _reaches(person: str, i: Statement) -> bool:
    """Does the record ``i`` show it reached ``person``: written by them, or naming them (a given
    name or a surname: "Questions for Jane", "sent to Roe")?"""
    names = [w for w in re.findall(r"[^\W\d_][\w'’\-]+", person) if len(w) >= 3]
    if i.speaker and same_person(i.speaker, person):
        return True
    return any(re.search(r"\b" + re.escape(w) + r"\b", i.text) for w in names)


#: Predicates of a denial of a fact or a state, which settled knowledge of the matter can refute ("there is
#: no link", "the product does not cause it", "we did not know"), as opposed to a denied act.
_STATIVE = frozenset({"be", "have", "exist", "know", "cause", "contain", "pose", "link", "relate", "involve", "affect",
                      "show", "mean", "remain", "increase", "raise", "lead", "result", "harm", "work", "support"})


def _stance_hit(rules: RuleSet, rule: Rule, p: Statement, i: Statement, ps: str, istance: str, pair: Pair) -> Hit | None:
    """A tension no wording rule found: the public claim denies, assures or dates a matter, and an
    earlier internal record on the same matter (pair score >= the rule's ``stance_min_topic``)
    shows harm, the act or a concern. Always weakened (judged on stance, not on both sides'
    wording), so never more than a tension; rules without ``stance_min_topic`` never do this."""
    need = rule.params.get("stance_min_topic")
    if need is None or pair.score < need or _stance_words_only(rules, pair.shared):
        return None
    if istance == "disowns":
        return _disowned(rules, rule, p, i, ps, pair)
    if ps != "commits" and _shares_figure(p, i):
        return None  # "the breach affects all 4.2 million members" after a record of "about 4.2 million":
        # the claim tells what the record tells, in its figure; on stance alone no strain is shown
    if ps == "commits":  # a pledge to keep an activity going is broken by a later record that it
        # stopped ("we will keep processing withdrawals" / "paused"); the act a pledge ruled out
        # is the wording rule's to judge
        if istance != "halts" or p.frame.polarity != "positive" or not _before(p, i, 1) or not names_pledged(rules, p, i) \
                or _has(rules.stance.get("kept_stopped", ()), *_tokens(p.text)) or not _halted_is_pledged(rules, p, i) \
                or _tells_earlier_day(p, i):
            return None  # (a pledge to keep it stopped, "will stay off while it is tested", is kept by the
            # record that it stopped; the record must name what was pledged: "routers stopped forwarding traffic"
            # breaks no pledge to credit customers; and come a day after it at least: a record of the
            # pledge's own day may be what the pledge already answered)
        return _stance_only(rule, p, i, ps, istance, pair, later=True)
    if ps == "denies" and _own_record(rules, p, i) and _before(i, p, 1) and not reports_absence(rules, i.text):
        # (not "QA confirms the retained samples clean; no evidence of contamination": their record agrees)
        return _own_record_hit(rule, p, i, istance, pair)
    if ps == "denies" and _own_words(rules, p, i, istance, pair):
        hit = _stance_only(rule, p, i, ps, istance, pair, later=False)
        return Hit(hit.score, hit.reasons + (
            Reason("strengthens", "own-record", f"the internal record is {p.speaker}'s own, who made the claim"),) + (
            (Reason("weakens", "hedged", "the record puts it as a possibility, not as what was done"),)
            if i.frame.hedged or _HEDGED.search(i.text.lower()) else ()), hit.point)
    if ps == "denies" and istance not in FIRM_EVIDENCE["denies"] and _has(rules.stance.get("denied_knowing", ()), *_tokens(p.text)) \
            and not reports_absence(rules, i.text) and not _has(rules.stance.get("falsity", ()), *_tokens(i.text)) \
            and not _has(rules.stance.get("unawareness", ()), *_tokens(i.text)) \
            and _before(i, p, 1) and _before_claimed(rules, p, i):  # (a record that the matter is false, or that
        # its writers cannot tell which it is, shows no knowledge of it)
        # "I do not recall ever hearing about the transactions" against an earlier record of them
        if _not_shown_to_speaker(p, i) or _AWARE_AS_OF_NOW.search(p.text.lower()) and not _FOUND.search(i.text.lower()):
            return None  # ("we are not aware at this time of any data having been published": how things stand
            # now, which an earlier record of the matter strains only by a finding: "tests have confirmed the strain")
        hit = _stance_only(rule, p, i, ps, istance, pair, later=False)
        return Hit(hit.score, hit.reasons + (Reason("weakens", "not-shown-to-speaker",
                                                    "the record is the organization's; it is not shown to have reached "
                                                    "the person who denies knowing"),), hit.point)
    if ps == "denies" and istance == "act" and p.speaker and same_person(p.speaker, i.speaker) and _before(i, p, 1) \
            and p.frame.actor.strip().lower() == "i" and p.frame.polarity == "negative" and matter_of(p, i, pair.shared) \
            and not reports_absence(rules, i.text):  # (what they say they did not do themselves, not what another told them)
        # "I did not influence officials in any way" against their own earlier record of the act ("following the
        # Minister's direction that the Department proceed with ..."): the act is not the claim's own verb, so
        # judged on stance, strengthened as the speaker's own record
        hit = _stance_only(rule, p, i, ps, istance, pair, later=False)
        return Hit(hit.score, hit.reasons + (
            Reason("strengthens", "own-record", f"the internal record is {p.speaker}'s own, who made the claim"),), hit.point)
    if istance not in FIRM_EVIDENCE.get(ps, ()):
        return None
    if ps == "asserts-safety" and istance == "harm" and _grants_harm(rules, *_tokens(p.text), inflected=True):
        return None  # "operations are running normally again; the lines damaged by construction work are repaired":
        # the claim tells the harm itself and says it is over, which the record of that harm does not strain
    if ps == "asserts-safety" and _OTHER_THAN.search(p.text.lower()):
        return None  # "All other Acme products are safe to consume": the products the record is about are set apart
    if ps == "asserts-safety" and _REVISED.search(p.text.lower()):
        return None  # "considerably smaller than the two decades of records first reported": a public figure revised,
        # which an earlier worst case on the record does not strain
    if ps == "claims-learned" and _has(_revision_words(rules), *_tokens(p.text)):
        return None  # "the first figure had been an estimate based on what we knew at the time": a revision
        # explained, judged by no stance alone (not "so far, the only test linking it ...": a hedge)
    if ps == "denies" and istance == "knowledge" and not _has(rules.stance.get("established", ()), *_tokens(i.text)):
        return None  # "I know what that does to the schedule" is no settled knowledge of the matter
    if ps == "denies" and istance == "knowledge" and p.frame.predicate not in _STATIVE:
        return None  # "we made no payment and did not engage with them" denies an act, the wording rule's to
        # judge: knowledge of something else ("confirmed that the attack was ransomware") refutes no act
    if ps == "denies" and istance == "harm" and not _denies_harm(rules, p, i):
        return None  # "the cookware does not contain the chemical" is no denial of the harm the record shows
    if ps == "denies" and istance in ("harm", "concern") and _denies_occurrence_only(rules, p, i):
        return None  # "the risk has not materialised; nobody's identity has been misused" against "researchers told
        # us of a flaw": a weakness known is no sign that the harm it could do happened
    if ps in ("denies", "asserts-safety") and istance == "misconduct" and not _speaks_of_conduct(rules, p) \
            and not _has(rules.stance.get("unawareness", ()), *_tokens(p.text)):  # "I had no idea it was there"
        return None  # "the product is safe" says nothing of conduct a record of concealment could strain
    running = not _before(i, p, 1) and _ran_before(i, p) and ps in ("asserts-safety", "denies")
    if not running and not _before(i, p, 1):
        return None  # (a record of a period that began long before a claim of how things are, and ran on
        # past it, shows the matter before the claim as well: "the batches made from 2010 to 2016 were diluted"
        # against "every product we deliver matches its label" in 2016)
    if ps == "claims-learned" and not _before_claimed(rules, p, i):  # "we learned of it in March 2019"
        return None
    if ps == "claims-learned" and learned_recently(rules, p, i, rule.params.get("recent_days", 31)):
        return None  # "we recently became aware" a week after the first record of it: recent all the same
    if ps == "claims-learned" and not dates_told(rules, p) and _ON_LEARNING.search(p.text.lower()):
        return None  # "as soon as we discovered the incident we suspended the access": what was done on learning,
        # no date of learning a record could come before
    if ps == "claims-learned" and new_detail_of_public_matter(rules, p):
        return None  # "told yesterday that the breach announced on June 20 is larger": a new detail of a public matter
    if ps == "denies" and _NOT_NEW.search(p.text.lower()) and not _NEW_ONE.search(i.text.lower()) \
            and not (_figures(p.text) and _figures(i.text) and not _shares_figure(p, i)):
        return None  # "we are not announcing a new breach": only a record of another one strains it (or one
        # counting it otherwise: "the breach affects 4.2 million" against a record of 6.1 million)
    if ps == "denies" and _negates_the_same(p, i):
        return None  # "the incident did not touch any customer's balance" against "the value was credited, not
        # taken from anyone's balance": the record denies it too
    if ps == "denies" and general_statement(p):
        return None  # "decryption keys do not restore all systems": a kind of thing, no act denied
    if ps == "denies" and _UNKNOWN_YET.search(p.text.lower()):
        return None  # "there is no information at this time about whether ...": a present uncertainty, no denial
    low, toks = _tokens(p.text)
    knowing = ps == "claims-learned" or _has(rules.stance.get("denied_knowing", ()), low, toks) \
        or _has(rules.stance.get("unawareness", ()), low, toks)
    if knowing and _not_shown_to_speaker(p, i):
        return None
    if ps not in CONDUCT_CLAIMS and not matter_of(p, i, pair.shared):
        return None  # opposed stances on no term the two share (an office move against "we learned of the
        # intrusion on Thursday"): listed for review, never flagged on stance alone
    hit = _stance_only(rule, p, i, ps, istance, pair, later=False)
    if running:
        hit = Hit(hit.score, tuple(r for r in hit.reasons if r.code != "timing") + (
            Reason("strengthens", "timing", f"the internal record's period ({_when(i)}) began long before the claim "
                                            f"({_when(p)})"),
            Reason("weakens", "runs-past-claim", "the record's period runs on past the claim"),), hit.point)
    return hit


def _disowning_stems(rules: RuleSet) -> frozenset[str]:
    """The stems of the words a record uses to speak of the organization's public words and disown them (rules/
    stance.yaml public_words, disowning; "the figure that appears in ..."): no matter the claim and record share."""
    phrases = (*rules.stance.get("public_words", ()), *rules.stance.get("disowning", ()), "appears", "figure")
    return frozenset(stem(w) for phrase in phrases for w in re.findall(r"[a-z0-9][a-z0-9\-]{2,}", phrase.lower()))


#: Words any two sentences share: no matter.
_PLAIN_STEMS = frozenset(stem(w) for w in ("that", "this", "with", "from", "have", "been", "were", "what", "which", "when",
                                           "there", "their", "they", "will", "would", "could", "about", "into", "also",
                                           "the", "and", "for", "are", "was", "not", "its", "our", "has", "can", "but",
                                           "all", "any", "one", "who", "use", "used", "using"))


#: Words a record quotes (straight or curly quotes, a short run): the public words it names.
_QUOTED = re.compile(r'["\u201c]([^"\u201c\u201d\n]{3,160})["\u201d]')


#: An assurance about the things other than those in question: "all other products", "the other plants".
_OTHER_THAN = re.compile(r"\b(?:all|every|the|our)\s+other\b")


def _disowned(rules: RuleSet, rule: Rule, p: Statement, i: Statement, ps: str, pair: Pair) -> Hit | None:
    """A claim against the organization's own record that its public words on the matter are not so ("the
    256-bit figure that appears in external collateral does not describe the media cipher"): before the
    claim or after it (the record tells that words it put out were wrong, whenever it says so). A tension,
    weakened: the record is not shown to speak of this very claim."""
    matter = matter_of(p, i, pair.shared)
    if not matter or p.frame.modality in ("commitment", "question"):
        return None
    own = {stem(w) for w in re.findall(r"[a-z0-9][a-z0-9\-]{2,}", p.text.lower())}
    told = {stem(w) for w in re.findall(r"[a-z0-9][a-z0-9\-]{2,}", i.text.lower())} - _disowning_stems(rules)
    if not _shares_figure(p, i) and not (own & told) - _PLAIN_STEMS:
        return None  # the record's words on its public words share nothing with this claim: another of its claims
    for quoted in _QUOTED.findall(i.text):
        words = {stem(w) for w in re.findall(r"[a-z0-9][a-z0-9\-]{2,}", quoted.lower())} - _PLAIN_STEMS
        if len(words) >= 2 and len(words & own) * 3 < len(words) * 2:
            return None  # 'the June 26 media line ("never paid an honorarium") is not accurate': the record
            # names the words it disowns, and this claim does not say them
    order = _before(i, p, 1)
    said = STANCE_WORDS.get(ps, ps)
    reasons = (
        Reason("strengthens", "disowned", f"on {matter}, in public the organization {said}; its internal record says "
                                          f"its public words are not so: \"{_quote(i.text, 80)}\""),
        Reason("strengthens" if order else "weakens", "timing",
               f"the internal record ({_when(i)}) {'predates' if order else 'comes after'} the claim ({_when(p)})"),
        Reason("weakens", "stance-only", "the record speaks of the organization's public words on the matter, not "
                                         "shown to be this very claim"),
    )
    return Hit(rule.params.get("stance_score", 0.6), reasons,
               f"on {matter}, {p.organization} {said} in public; its own record says its public words are not so")


def _figure_disowned(rule: Rule, p: Statement, i: Statement, pair: Pair) -> Hit | None:
    """A figure given in public that the organization's own record names, written out in full, and says its public
    words do not hold ("the figure of 130,271 used in external briefings could not be reconciled with the waybills"):
    the record speaks of this very figure, before the claim or after it (found later, the figure still did not
    hold). A contradiction."""
    same = sorted(exact_numbers(p.text) & exact_numbers(i.text))
    if not same or p.frame.modality in ("commitment", "question"):
        return None
    matter = matter_of(p, i, pair.shared) or "the figure"
    figure = f"{int(same[0]):,}"
    order = _before(i, p, 1)
    reasons = (
        Reason("strengthens", "disowned", f"on {matter}, the organization gave the figure {figure} in public; its "
                                          f"internal record names that figure and says its public words do not hold: "
                                          f"\"{_quote(i.text, 80)}\""),
        Reason("strengthens", "timing",  # (found later or known before: the figure itself does not hold)
               f"the internal record ({_when(i)}) predates the claim ({_when(p)})" if order else
               f"the internal record ({_when(i)}) comes after the claim ({_when(p)}): the figure was found not to hold"),
    )
    return Hit(rule.params.get("base_score", 0.85), reasons,
               f"{p.organization} gave {figure} in public; its own record says that figure does not hold")


def _negates_the_same(p: Statement, i: Statement) -> bool:
    """Does the record deny what the denial denies: a word of what the claim denies (its object) within six
    words after a negation of the record ("not taken from anyone's balance" after "did not touch the balances")?"""
    denied = {stem(w) for w in re.findall(r"[a-z]{4,}", p.frame.object.lower())
              if w not in ("none", "that", "this", "their", "with", "company", "group", "firm", "organisation",
                           "organization", "business")}
    if not denied:
        return False  # ("it was not hidden within the company": the company is no thing denied)
    low = i.text.lower()
    return any({stem(w) for w in re.findall(r"[a-z]{4,}", " ".join(low[m.end():].split()[:6]))} & denied
               for m in re.finditer(r"\b(?:not|never|no|none)\b|n't\b", low)
               if not re.search(r"\b(?:do|please)\s{1,3}$|\bdon$", low[:m.start()]))  # ("do not forward it": an order)


def _ran_before(i: Statement, p: Statement) -> bool:
    """Does a record of a period (a range) begin at least a year before the claim and run on past it?"""
    return i.date.precision == "range" and i.date.start is not None and p.date.start is not None \
        and (p.date.start - i.date.start).days >= 365


#: What was done on learning something, with no date of the learning: "as soon as we discovered", "once we
#: became aware", "upon identifying".
_ON_LEARNING = re.compile(r"\b(?:as soon as|once|upon|immediately after|immediately upon)\s(?:\w+\s){0,2}?"
                          r"(?:discover|learn|bec[ao]me aware|were made aware|identif|detect|found|notic)")


#: A claim in one person's own voice.
_FIRST_PERSON = re.compile(r"\b(?:I|me|my|myself)\b")


def _tells_earlier_day(p: Statement, i: Statement) -> bool:
    """Does the record's own sentence date what it tells to a day on or before the pledge ("Between 15:34
    and 18:52 on Monday 24 June the platform stopped routing calls", written up weeks later)? It tells the
    stop that the pledge answered, not one after it."""
    days = [m.value for m in i.mentioned_dates if m.value.known and m.value.precision == "day"]
    return bool(days) and p.date.start is not None and all(d.end is not None and d.end <= p.date.start for d in days)


def _halted_is_pledged(rules: RuleSet, p: Statement, i: Statement) -> bool:
    """Is what the record says stopped ("Client access suspended", "paused withdrawals": the words next
    to its halting verb) a thing the pledge names ("we will notify and assist individuals" names no
    client access)? A record whose halting verb has no words beside it is not held to this."""
    halts = _verb_forms(tuple(rules.stance.get("halt_verbs", ()))) | frozenset(rules.stance.get("halt_verbs", ()))
    near: set[str] = set()
    for clause in re.split(r"[;.:\n]|\s[-–—]{1,2}\s", i.text.lower()):  # the clause the halting verb stands in
        words = re.findall(r"[a-z][a-z\-]+", clause)
        if halts & set(words):
            near |= {w for w in words if w not in halts and w not in _HALT_STOP}
    if not near:
        return True
    pledged = {w for w in re.findall(r"[a-z][a-z\-]+", (p.frame.object + " " + p.frame.target + " " + p.text).lower())}
    return bool({stem(w) for w in near} & {stem(w) for w in pledged})


#: Small words beside a halting verb that name nothing halted.
_HALT_STOP = frozenset({"the", "a", "an", "and", "or", "of", "to", "for", "has", "have", "had", "been", "was", "were", "is",
                        "are", "be", "we", "they", "it", "all", "our", "their", "its", "this", "that", "will", "until",
                        "temporarily", "immediately", "now", "today", "yesterday", "after", "on", "at", "in", "by"})


def _not_shown_to_speaker(p: Statement, i: Statement) -> bool:
    """Is ``p`` what one person says they knew ("I didn't know about it", "I do not recall hearing
    of it"), and ``i`` an unsigned record (a deck, a sheet) that never names them? Nothing then
    shows it reached them (a message may have, as its addressee), so stance alone judges nothing."""
    return bool(p.speaker) and bool(_FIRST_PERSON.search(p.text)) and not i.speaker and not _reaches(p.speaker, i)


#: A claim that revises what was said before: "smaller than first reported", "than initially estimated".
_REVISED = re.compile(r"\b(?:first|initially|originally|previously|earlier)\s(?:reported|announced|estimated|stated|thought|feared)\b")
#: A denial that something is new or another one ("not a new breach", "no second leak").
_NOT_NEW = re.compile(r"\b(?:not|no|never)\b[^.;\n]{0,30}\b(?:new|another|second|separate|additional|further)\b")
_NEW_ONE = re.compile(r"\b(?:new|another|second|separate|additional|further)\b")
#: A present uncertainty: "there is no information at this time about whether ...", "we do not yet know".
_UNKNOWN_YET = re.compile(r"\bno (?:information|indication|details?|data)\b[^.;\n]{0,20}\b(?:at this (?:time|stage|point)|"
                          r"yet|so far|currently)\b")


#: A denial of knowing that says how things stand now: "we are not aware at this time of ...", "we have no
#: knowledge so far of ...".
_AWARE_AS_OF_NOW = re.compile(r"\b(?:not|no)\s(?:aware|awareness|knowledge|evidence|indication)\b[^.;\n]{0,40}?"
                              r"\b(?:at this (?:time|stage|point)|at present|so far|to date|currently|as yet)\b|"
                              r"\b(?:at this (?:time|stage|point)|at present|so far|to date|currently|as yet),?\s(?:we|i)\s"
                              r"(?:are|am|have)\snot\s(?:aware|seen)\b")


#: A record's positive finding: "tests have confirmed the strain", "the lab found it in the product".
_FOUND = re.compile(r"(?<!to be )(?<!not )(?<!n't )(?<!never )(?<!yet )\b(?:confirmed|found|identified|detected|established|traced|matched|typed)\b")
# (not "to be confirmed", "not yet identified": a finding still to come)


_STANDING = re.compile(r"\b(?:is|are|do|does)\s{1,3}(?:not|never)\b|\b(?:isn't|aren't|don't|doesn't)\b|\bnever\s{1,3}[a-z]+s\b")
_PAST = re.compile(r"\b(?:was|were|did|had|didn't|wasn't|weren't|hadn't)\b")


def _standing(text: str) -> bool:
    """Is a denial a standing rule, said in the present ("are not eligible", "we do not sell your
    data", "never shares"), not a denial of what happened ("we did not know")?"""
    low = text.lower()
    return bool(_STANDING.search(low)) and not _PAST.search(low)


def _practice_forms(verb: str) -> frozenset[str]:
    """A check's words as verb and noun: "test" -> test, tests, tested, testing; "inspect" ->
    inspection, inspections."""
    stem = verb[:-1] if verb.endswith("e") else verb
    return _verb_forms((verb,)) | {verb, verb + "s", stem + "ion", stem + "ions", verb + "ion", verb + "ions",
                                   stem + "ing", stem + "ings"}


@lru_cache(maxsize=8)
def _practice_patterns(verbs: tuple[str, ...]) -> tuple[tuple[str, re.Pattern[str], re.Pattern[str], re.Pattern[str]], ...]:
    """Per check of rules/stance.yaml practice_verbs: its words anywhere, run as a routine in the
    organization's own voice or of every unit it makes, and said not run (see _practices)."""
    out = []
    for v in verbs:
        every = _practice_forms(v)
        forms = "|".join(sorted(re.escape(f) for f in every))
        past = "|".join(sorted(re.escape(f) for f in every if f.endswith("ed")))
        now = "|".join(sorted(re.escape(f) for f in every if not f.endswith("ed")))
        out.append((v, re.compile(r"\b(?:" + forms + r")\b"),
                    re.compile(r"\b(?:we|our|every|each|all)\b(?:\s{1,3}[\w\-]+){0,8}?\s{1,3}(?:" + now + r"|(?:is|are)\s{1,3}"
                               r"(?:[a-z]+\s{1,3})?(?:" + (past or now) + r"))\b"),
                    re.compile(r"(?:\b(?:not|never|no longer|without|no|nobody|no one)|n't)\s{1,3}(?:[a-z\-]+\s{1,3}){0,2}?(?:"
                               + forms + r")\b")))
    return tuple(out)


def _practices(rules: RuleSet, low: str, *, negated: bool) -> set[str]:
    """The checks of rules/stance.yaml practice_verbs a lower-cased text names, run (``negated``
    False: "every puree goes through 20 tests", "we screen for", "all lots are tested"; not "our
    regulators, who review them", not "after testing found", not one event such as "the lot had
    been tested") or said not run ("finished products are not tested", "no one reviewed them",
    "without any testing")."""
    return set(_practices_in(low, negated, tuple(rules.stance.get("practice_verbs", ()))))


@lru_cache(maxsize=8192)
def _practices_in(low: str, negated: bool, verbs: tuple[str, ...]) -> frozenset[str]:
    """:func:`_practices` for one text (a statement is compared with many: read once)."""
    if negated and not _ANY_NEGATION.search(low):
        return frozenset()
    out = set()
    for v, anywhere, routine, denied in _practice_patterns(verbs):
        named = (anywhere if negated else routine).search(low)
        if named is None:
            continue
        if bool(denied.search(low)) == negated:
            out.add(v)
    return frozenset(out)


_ANY_NEGATION = re.compile(r"\b(?:not|never|no|nobody|without)\b|n't")


def _practice_not_run(rules: RuleSet, rule_of_type: dict[str, Rule], p: Statement, i: Statement, pair: Pair) -> Hit | None:
    """A public claim that the organization runs a check ("every puree goes through more than 20
    rigorous tests, and we screen for heavy metals") and an earlier internal record of the same
    matter that the same check is not run ("finished products are not tested for heavy metals"):
    a tension in both sides' own words, weakened because the record may cover less than the claim."""
    rule = rule_of_type.get("denial-vs-evidence")
    if rule is None or p.kind != "public" or p.role != "claim" or i.kind != "internal" or i.role != "evidence":
        return None
    if pair.score < rule.params.get("min_topic", 0.34) or p.frame.modality in ("commitment", "question") \
            or p.frame.polarity != "positive" or p.text.rstrip().endswith("?") or len(i.text) > 300 \
            or i.frame.hedged or _another_partys(p) or not _before(i, p, 1):
        return None  # (a record of a sentence or two: a table's negation is not the check's)
    low_p, low_i = _tokens(p.text)[0], _tokens(i.text)[0]
    lapsed = _practices(rules, low_i, negated=True)  # (the rarer side first)
    checks = lapsed and lapsed & _practices(rules, low_p, negated=False)
    if not checks:
        return None
    check = sorted(checks)[0]
    matter = matter_of(p, i, pair.shared) or "the same matter"
    reasons = (
        Reason("strengthens", "practice-not-run", f"in public {p.organization} said it runs the {check} check on "
                                                  f"{matter}; its internal record says that check is not run"),
        Reason("strengthens", "timing", f"the internal record ({_when(i)}) predates the claim ({_when(p)})"),
        Reason("weakens", "record-scope", "the record may cover less than the claim does (one product, one stage, "
                                          "one period)"),
    )
    return Hit(rule.params.get("practice_score", 0.7), reasons,
               f"on {matter}, {p.organization} said in public that it runs the {check} check; its earlier internal "
               f"record says the {check} check is not run")


@lru_cache(maxsize=8)
def _safeguard_pattern(verbs: tuple[str, ...]) -> re.Pattern[str]:
    """A safeguard told as done: "names were removed", "the data is encrypted", "we delete it" (not "will delete")."""
    past = "|".join(sorted(re.escape(f) for f in _verb_forms(verbs) if f.endswith("ed")))
    now = "|".join(sorted(re.escape(v + "s") for v in verbs) + [re.escape(v) for v in verbs])
    return re.compile(r"\b(?:(?:is|are|was|were|been|be|get|gets|got)\s{1,3}(?:[a-z]+ly\s{1,3})?(?:" + past + r")|"
                      r"(?:we|it|they|company)\s{1,3}(?:always\s{1,3})?(?:" + now + r"|" + past + r"))\b")


def _safeguard_not_applied(rules: RuleSet, rule_of_type: dict[str, Rule], p: Statement, i: Statement,
                           pair: Pair) -> Hit | None:
    """A public claim that a safeguard was applied to a thing ("names, phone numbers and addresses were removed
    before training") and an internal record of the same matter that the same thing was kept ("speaker names
    are left as they appear in the chat"): a tension in both sides' own words (rules/stance.yaml
    safeguard_verbs, kept_as_is), weakened because the record may cover less than the claim."""
    rule = rule_of_type.get("denial-vs-evidence")
    verbs = tuple(rules.stance.get("safeguard_verbs", ()))
    kept = tuple(rules.stance.get("kept_as_is", ()))
    if rule is None or not verbs or not kept or p.kind != "public" or p.role != "claim" or i.kind != "internal" \
            or i.role != "evidence" or p.frame.polarity != "positive" or p.frame.modality in ("commitment", "question") \
            or p.text.rstrip().endswith("?") or i.frame.hedged or _another_partys(p) \
            or not (_before(i, p, 1) or _ran_before(i, p) or i.date.start is None):
        return None
    low_p, toks_p = _tokens(p.text)
    low_i, toks_i = _tokens(i.text)
    if not _safeguard_pattern(verbs).search(low_p) or _ANY_NEGATION.search(low_p) and not re.search(r"\bno (?:individual|one)\b", low_p):
        return None
    hit = next((m for w in kept for m in re.finditer(r"\b" + re.escape(w) + r"\b", low_i)), None)
    if hit is None:
        return None
    # the thing kept, just before the words that keep it ("speaker names are left"), is the thing the claim
    # says was safeguarded ("names ... were removed")
    before = re.findall(r"[a-z][a-z\-]{2,}", low_i[max(0, hit.start() - 40):hit.start()])[-3:]
    things = [w for w in before if w not in _GENERIC_KEPT and (w in toks_p or w.rstrip("s") in toks_p)]
    if not things:
        return None
    thing = things[-1]
    reasons = (
        Reason("strengthens", "safeguard-not-applied", f"in public {p.organization} said the {thing} were dealt with "
                                                       f"(removed, encrypted or the like); its internal record says "
                                                       f"the {thing} were kept as they were"),
        Reason("strengthens", "timing", f"the internal record ({_when(i)}) is no later than the claim ({_when(p)})"),
        Reason("weakens", "record-scope", "the record may cover less than the claim does (one dataset, one stage, "
                                          "one period)"),
    )
    return Hit(rule.params.get("practice_score", 0.7), reasons,
               f"on the {thing}, {p.organization} said in public they were safeguarded; its internal record says they "
               f"were kept as they were")


#: Words before "kept"/"left" that name no thing a safeguard covers.
_GENERIC_KEPT = frozenset({"are", "were", "was", "the", "and", "they", "that", "which", "been", "all", "any", "data"})


def _before_claimed(rules: RuleSet, p: Statement, i: Statement) -> bool:
    """Does the record predate the date the claim gives ("our awareness dates from December 2015":
    a record of December 2015 does not; nor does one of the evening before "the night to 20 January")?
    True when the claim gives none."""
    claimed = next((m.value for m in dates_told(rules, p)), None)
    return claimed is None or (i.date.end is not None and claimed.start is not None
                               and i.date.end < claimed.start - dt.timedelta(days=1))


def _denies_harm(rules: RuleSet, p: Statement, i: Statement) -> bool:
    """Does a public denial deny what a record of harm shows: it speaks of harm, risk or concern
    itself ("no risk to human health", "nicotine is not addictive"), or of the matter the harm is
    named by in other words (one of rules/stance.yaml's families: "our position on nicotine")?"""
    low, toks = _tokens(p.text)
    if _has(rules.stance.get("origin_denied", ()), low, toks):
        return False  # "the failure did not come from outside traffic": the harm granted, its cause denied
    if _grants_harm(rules, low, toks):
        return False  # "we are aware of four deaths; a causal link has not been established": the harm
        # granted in the claim's own words, something else denied
    low, toks = _tokens(p.text)
    if _has(rules.stance.get("harm", ()), low, toks) or _has(rules.lexicon.get("concern", ()), low, toks) \
            or _has(rules.lexicon.get("strong_concern", ()), low, toks) \
            or _has(rules.stance.get("unawareness", ()), low, toks):
        return True  # "not to my knowledge": a denial of knowing, which any record of the matter strains
    if _has(rules.stance.get("benefit", ()), low, toks):
        return True  # "it is not a mock-up; this truck is fully functioning": an assurance the harm strains
    return bool(_stance_families(rules, low) & _stance_families(rules, _tokens(i.text)[0]))


def _denies_occurrence_only(rules: RuleSet, p: Statement, i: Statement) -> bool:
    """Does a denial say that a harm did not happen (rules/stance.yaml occurrence_verbs: "materialise",
    "misuse", "exploit") while the record names no such event, only the weakness or the risk?"""
    verbs = tuple(rules.stance.get("occurrence_verbs", ()))
    if not verbs or not ({p.frame.predicate} | set(p.frame.verbs)) & set(verbs):
        return False
    low, toks = _tokens(i.text)
    single = tuple(w for w in rules.stance.get("harm", ()) if " " not in w)
    done = sorted(w for w in (_verb_forms(single) | set(single)) & toks if w.endswith("ed"))
    told_done = bool(done) and any(not _NEGATED_BEFORE.search(low[max(0, m.start() - 60):m.start()])
                                   for m in _phrase_pattern(tuple(done)).finditer(low))
    if told_done and not _HEDGED.search(low) and not _has(rules.stance.get("hypothetical", ()), low, toks):
        return False  # "a student reported that she was sexually assaulted": the harm told as a thing done
        # (not "review every account for any sign of fraud": a search)
    return not (_verb_forms(verbs) | set(verbs)) & toks


@lru_cache(maxsize=256)
def _word_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b")


def _grants_harm(rules: RuleSet, low: str, toks: frozenset[str], *, inflected: bool = False) -> bool:
    """Does a statement tell of a harm in its own words, not negated ("we are aware of four
    deaths"; not "there were no deaths", "is not addictive", "never caused an injury")?
    ``inflected``: in any form of the words ("the lines damaged by construction work")."""
    single = tuple(w for w in rules.stance.get("harm", ()) if " " not in w)
    forms = set(single) | (_verb_forms(single) if inflected else set())
    words = [w for w in forms if w in toks]
    if not words:
        return False
    for m in _word_pattern(tuple(words)).finditer(low):
        before = low[max(0, m.start() - 40):m.start()].split()[-3:]
        clause = re.split(r"[,;]|\b(?:and|but)\b", low[max(0, m.start() - 60):m.start()])[-1].split()[-5:]
        if not any(b in ("no", "not", "never", "without", "nor", "non") or b.endswith("n't") for b in before) \
                and not any(b in ("not", "never") or b.endswith("n't") for b in clause):
            # ("we don't have any record of assaults": the negation five words before, in the same clause)
            return True
    return False


def _speaks_of_conduct(rules: RuleSet, p: Statement) -> bool:
    """Does a public statement speak of conduct ("fully transparent", "never held back information",
    "no round-tripping", "the article is false"): rules/stance.yaml conduct, misconduct, falsity."""
    low, toks = _tokens(p.text)
    sl = rules.stance
    return _has(sl.get("conduct", ()), low, toks) or _has(sl.get("misconduct", ()), low, toks) \
        or _has(sl.get("falsity", ()), low, toks)


def _stance_families(rules: RuleSet, low: str) -> set[str]:
    """rules/stance.yaml's families a lower-cased text names a word of ("well-being", "body image")."""
    out = set()
    for key, words in rules.stance.items():
        if key.startswith("family:") and any(w in low and re.search(r"(?<![\w-])" + re.escape(w) + r"(?![\w-])", low)
                                             for w in words):
            out.add(key[len("family:"):])
    return out


#: A negation within the four words before a word: "not closing on them", "does not depict the subject advancing".
_NEGATED_BEFORE = re.compile(r"(?:\b(?:not|never|no|nor|without|neither)\b|n't\b)(?:\W+\w+){0,5}\W+$")


@lru_cache(maxsize=64)
def _phrase_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(?:" + "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True)) + r")(?![\w-])")


@lru_cache(maxsize=16384)
def _tells(words: tuple[str, ...], low: str) -> tuple[str, str]:
    """(a word of ``words`` the text says, one it says with a negation before it): "" where none."""
    said = negated = ""
    for m in _phrase_pattern(words).finditer(low):
        if _NEGATED_BEFORE.search(low[max(0, m.start() - 60):m.start()]):
            negated = negated or m.group(0)
        else:
            said = said or m.group(0)
    return said, negated


@lru_cache(maxsize=16384)
def _squeezed(text: str) -> str:
    """A text in lower case, its runs of white space one space (read once for every pair it is judged in)."""
    return " ".join(text.lower().split())


def _told_otherwise(rules: RuleSet, p: Statement, i: Statement) -> tuple[str, str, str] | None:
    """(the name of the opposed pair, the claim's word, the record's) where the claim tells a thing one way
    and the record of the same matter the other way (rules/stance.yaml opposites: "continued to approach the
    officers" against "moving away from officers", or "not closing on them"); None where it does not."""
    low_p, low_i = _squeezed(p.text), _squeezed(i.text)
    for key in rules.stance:
        if not (key.startswith("opposite:") and key.endswith(":a")):
            continue
        name = key[len("opposite:"):-2]
        one, other = rules.stance[key], rules.stance.get(f"opposite:{name}:b", ())
        for mine, theirs in ((one, other),):  # the claim tells it the first way: "approach", "encrypted", "deleted"
            # (not the other way round: "the attacker may have accessed unencrypted fields" against "the encryption
            # covers the card fields only" tells the same thing)
            said, _ = _tells(mine, low_p)
            if not said:
                continue
            told, _ = _tells(theirs, low_i)
            also, denied = _tells(mine, low_i)
            if not told and denied and reports_absence(rules, i.text):
                continue  # "no evidence that the deletion was intentional": the record found nothing to say so
            if (told or denied) and not also and not _tells(theirs, low_p)[0]:
                return name, said, told or f"not {denied}"
    return None


def _near(text: str, phrase: str, keys: set[str], span: int = 6) -> set[str]:
    """The ``keys`` named within ``span`` words of ``phrase`` in ``text`` (by their term key)."""
    low = " ".join(text.lower().split())
    out: set[str] = set()
    for m in _phrase_pattern((phrase,)).finditer(low):
        around = low[max(0, m.start() - 80):m.start()].split()[-span:] + low[m.end():m.end() + 80].split()[:span]
        out |= {term_key(w.strip(".,;:()\"'")) for w in around} & keys
    return out


def _otherwise_hit(rule: Rule, p: Statement, i: Statement, pair: Pair, name: str, said: str, told: str) -> Hit | None:
    """The claim told one way, the record of the same matter the other way: a tension, or nothing where the
    two share no key term beyond the opposed words (one must be about what the other is about)."""
    words = {term_key(w) for w in re.findall(r"[a-z]+", f"{said} {told}")}
    shared = [t for t in pair.shared if term_key(t) not in words and not set(re.findall(r"[a-z]+", t)) & words]
    keys = {term_key(w) for t in shared for w in t.split()}
    shared = [t for t in shared if {term_key(w) for w in t.split()} & _near(p.text, said, keys) & _near(
        i.text, told.removeprefix("not "), keys)]
    if not shared:
        return None  # ("card numbers were encrypted" / "unencrypted passport numbers": what each calls so must be
        # the same thing, named within a few words of the word on both sides)
    matter = ", ".join(shared[:3])
    order = _before(i, p, 1)
    reasons = (
        Reason("strengthens", "told-otherwise", f"on {matter}, the claim says \"{said}\"; the record says \"{told}\" "
                                                f"({name.replace('_', ' ')}: both cannot be so)"),
        Reason("strengthens" if order else "weakens", "timing",
               f"the internal record ({_when(i)}) {'predates' if order else 'does not predate'} the claim ({_when(p)})"),
        Reason("weakens", "words-only", "read from the words each side uses, not from a rule for this kind of claim"),
    )
    return Hit(rule.params.get("stance_score", 0.6), reasons,
               f"on {matter}, {p.organization} told it one way in public (\"{said}\"); its own record tells it "
               f"the other way (\"{told}\")")


_NO_SHARED_TERM = Reason("weakens", "no-shared-term", "the two sentences share no key term: they are paired by what "
                                                     "their documents are about")


def _sentences_share(rules: RuleSet, p: Statement, i: Statement) -> bool:
    """Do the claim and the record themselves share a key term (not the organization's name, not a word that names
    only a worry or nothing in particular), or a figure?"""
    shared = ({term_key(t) for t in p.topics} & {term_key(t) for t in i.topics}) - _org_words(f"{p.organization} {i.organization}")
    return bool(shared) and not _stance_words_only(rules, sorted(shared)) or _shares_figure(p, i)


#: A record that puts the matter as a possibility: "could be", "might", "may well".
_HEDGED = re.compile(r"\b(?:could|might|may|would)\b")


def _own_words(rules: RuleSet, p: Statement, i: Statement, istance: str, pair: Pair) -> bool:
    """A person's denial against their own earlier record that speaks of the very matter they deny, named
    in the same two or more words ("herd immunity is not a goal of our strategy" against their own "one
    argument for keeping them open could be that we would get to herd immunity faster"): who wrote the
    record is what strains the denial. Not a record that denies it too or reports it absent."""
    if len(p.speaker.split()) < 2 or not same_person(p.speaker, i.speaker) or not _before(i, p, 1):
        return False
    if istance not in ("act", "knowledge", "concern", "harm") or reports_absence(rules, i.text):
        return False
    low_p, low_i = " ".join(p.text.lower().split()), " ".join(i.text.lower().split())
    phrase = any(" " in t and t in low_p and t in low_i for t in pair.shared)
    return phrase and not _negates_the_same(p, i) and not general_statement(p) and not _UNKNOWN_YET.search(low_p)


def _own_record(rules: RuleSet, p: Statement, i: Statement) -> bool:
    """A person denies knowing of a matter ("I was not aware of any change", rules/stance.yaml
    'unawareness') and a record of the same matter is their own (its author is the speaker)."""
    if not same_person(p.speaker, i.speaker):
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


def _stance_words_only(rules: RuleSet, shared: Sequence[str]) -> bool:
    """Do the terms a pair shares only name a worry ("issue", "problem": rules/lexicon.yaml
    vague_matter) or nothing in particular (generic_nouns), not what it is about? Two sentences
    that both speak of "an issue" share no matter."""
    if not shared:
        return False
    words = _STANCE_WORDS_CACHE.get(rules.digest)
    if words is None:
        words = _STANCE_WORDS_CACHE[rules.digest] = frozenset(
            w for key in ("vague_matter", "generic_nouns") for w in rules.lexicon.get(key, ()) if " " not in w)
    return all(set(t.lower().split()) <= words for t in shared)


_STANCE_WORDS_CACHE: dict[str, frozenset[str]] = {}


_FIGURE = re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)[ \t\n]?(million|billion|thousand|%|percent|per cent|"
                     r"minutes?|hours?|days?|weeks?|months?)?(?![\w])", re.I)


@lru_cache(maxsize=8192)
def _figures(text: str) -> frozenset[str]:
    """The figures a text gives with a scale or a unit of time, as written without commas ("4.2
    million", "75 minute"); a bare number may be a name's ("Repo 105", "Flight 1282") or a year."""
    out = set()
    for m in _FIGURE.finditer(text):
        num, unit = m.group(1).replace(",", ""), (m.group(2) or "").lower().rstrip("s")
        if unit:
            out.add(f"{num} {unit}")
    return frozenset(out)


def _shares_figure(p: Statement, i: Statement) -> bool:
    """Does the claim give a figure the record gives ("75 minutes", "4.2 million")? It then tells
    what the record tells, in its own figure."""
    return bool(_figures(p.text) & _figures(i.text))


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
    if order is False and not _before(p, i, 1):
        order = None  # the same month (or day): either may have come first
    if order:
        out.append(Reason("strengthens", "timing", f"the internal record ({_when(i)}) predates the claim ({_when(p)})"))
    elif order is None:
        out.append(Reason("weakens", "timing-unknown", "which came first is not established"))
    else:
        out.append(Reason("weakens", "timing", f"the internal record ({_when(i)}) is later than the claim ({_when(p)})"))
    if len(p.speaker.split()) >= 2 and same_person(p.speaker, i.speaker):
        out.append(Reason("strengthens", "own-record", f"the internal record is {p.speaker}'s own, who made the claim"))
    if istance == "attempt":
        out.append(Reason("weakens", "attempt", "the record shows an offer or attempt, not the act itself"))
    if istance == "question":
        out.append(Reason("weakens", "question", "the record asks a question; it does not establish a fact"))
    out.append(Reason("weakens", "not-judged", "no rule could judge this pair: it is listed for review"))
    return tuple(out)


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


#: Words in a row a record must share with a claim to be giving the claim's own words.
QUOTED_RUN = 8


@lru_cache(maxsize=65536)
def _word_run(text: str) -> tuple[list[str], frozenset[str]]:
    """A text's words in order and as a set, once per text (every pair of a claim reads them)."""
    words = re.findall(r"[a-z0-9']+", text.lower())
    return words, frozenset(words)


def _quotes_claim(p: Statement, i: Statement) -> bool:
    """Does the record give the claim's own words, QUOTED_RUN of them or more in a row with the
    claim's verb among them (a draft of the statement sent for review, a copy pasted into a
    message)? Such a record agrees with the claim; it is no evidence against it."""
    pw, pset = _word_run(p.text)
    iw, iset = _word_run(i.text)
    if len(pw) < QUOTED_RUN or len(iw) < QUOTED_RUN or len(pset & iset) < QUOTED_RUN:
        return False
    m = SequenceMatcher(None, pw, iw, autojunk=False).find_longest_match(0, len(pw), 0, len(iw))
    if m.size < QUOTED_RUN:
        return False
    # the words it gives must be the claim's own claim (its verb among them), not a string both
    # happen to carry (a signature, a disclaimer, a pasted link)
    pred = p.frame.predicate
    return not pred or any(w.startswith(pred[:4]) for w in pw[m.a:m.a + m.size])


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
    if _quotes_claim(p, i):
        return [], None, "the record gives the claim's own words (a draft or copy of it): it agrees with the claim"
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
        if any(rule.type == "assurance-vs-concern" for _, rule in hits) and not _sentences_share(rules, p, i):
            # a worry paired with an assurance only by what their documents are about, the two sentences sharing no
            # term ("the misappropriated data was secured and deleted" / "this is a serious exposure"): a tension at most
            hits = [(Hit(min(h.score, rule.params.get("stance_score", 0.6)), h.reasons + (_NO_SHARED_TERM,), h.point), rule)
                    if rule.type == "assurance-vs-concern" else (h, rule) for h, rule in hits]
        return hits, None, why
    practice = _practice_not_run(rules, rule_of_type, p, i, pair) or _safeguard_not_applied(rules, rule_of_type, p, i, pair)
    if practice is not None:
        return [(practice, rule_of_type["denial-vs-evidence"])], None, ""
    # same matter, opposed stances, no rule could judge: a candidate for review
    ps = stance(p)
    told = _told_otherwise(rules, p, i) if "denial-vs-evidence" in rule_of_type else None
    if told and ps != "question" and p.frame.modality != "commitment" and not _another_partys(p):
        rule = rule_of_type["denial-vs-evidence"]
        hit = _otherwise_hit(rule, p, i, pair, *told) if pair.score >= rule.params.get("stance_min_topic", 1.0) else None
        if hit is not None:  # told one way in public, the other way in its own record
            return [(hit, rule)], None, ""
    if ps == "states" and "denial-vs-evidence" in rule_of_type and stance(i) == "disowns":
        # a plain statement, said inside not to be so ("recordings are encrypted" / "what our website says about
        # recordings is not accurate"); other plain statements stay unjudged, listed as before
        hit = _stance_hit(rules, rule_of_type["denial-vs-evidence"], p, i, ps, "disowns", pair)
        if hit is not None:
            return [(hit, rule_of_type["denial-vs-evidence"])], None, ""
    if ps == "gives-figure" and "numeric-mismatch" in rule_of_type and stance(i) == "disowns":
        hit = _figure_disowned(rule_of_type["numeric-mismatch"], p, i, pair)
        if hit is not None:  # "130,271 tents were dispatched" / "the figure of 130,271 used in external briefings
            return [(hit, rule_of_type["numeric-mismatch"])], None, ""  # could not be reconciled"
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
    # (a record of the same month as the claim may come before it: listed, its order unknown)
    if (_before(i, p, 1) if ps == "commits" else _before(p, i, 1)) and istance != "disowns":
        if ps != "commits" and istance in FIRM_EVIDENCE.get(ps, ()) and istance != "concern":
            return [], (rule, istance), ""  # a later record of harm, misconduct or settled knowledge:
            # the claim may have stood while it was so; listed, its timing a weakness (never judged)
        if ps == "denies" and _standing(p.text):
            return [], (rule, istance), ""  # a rule stated in the present ("researchers who break these
            # rules are not eligible for a reward") stands after it is said: a later record of the act
            # is listed, its timing a weakness
        return [], None, ("timing: the record predates the commitment" if ps == "commits"
                          else "timing: the record is later than the claim")
    hit = _stance_hit(rules, rule, p, i, ps, istance, pair)
    if hit is not None:
        return [(hit, rule)], None, ""
    return [], (rule, istance), ""
