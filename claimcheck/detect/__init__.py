"""Where a rule fires: compare each aligned public claim with internal evidence, explain why.

Each rule of rules/detect.yaml names a ``type`` implemented by one function of ``checks`` and
sets its parameters. A check returns a score and reasons (what strengthens, what weakens the
flag); a finding is a contradiction only when the score is high and nothing weakens it, a
tension when something does. Several internal statements backing one claim under one rule are one finding.

The stage in modules: ``shared`` (the ``Hit`` record, word and date helpers, same matter),
``stance`` (a statement's stance toward its matter), ``checks`` (one function per rule type),
``judge`` (one pair judged, and ``judge_pair`` for ``claimcheck explain``) and this module
(``detect`` over an alignment, finding ids, one finding per quote).
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import replace
from typing import Callable, Sequence

from ..align import Alignment, Pair, term_key
from ..models import Finding, Reason, Statement
from ..ruleset import Rule, RuleSet
from .checks import CHECKS, check_assurance, check_commitment, check_denial, check_knowledge, check_numeric
from .judge import (CONDUCT_CLAIMS, FIRM_EVIDENCE, _FIRST_PERSON, PairJudgement, _candidate_reasons, _judge, _Later, _reaches, align_min_topic,
                    judge_pair, matter_of, misconduct_pair_score, NO_SHARED_WORDS)
from .shared import _org_words, LIGHT_VERBS, Hit, _has, _tokens, dates_told
from .stance import OPPOSED, STANCE_WORDS, reports_absence, stance_of

__all__ = ["CHECKS", "FIRM_EVIDENCE", "LEVEL_ORDER", "LIGHT_VERBS", "OPPOSED", "STANCE_WORDS", "Hit", "PairJudgement",
           "align_min_topic", "check_assurance", "check_commitment", "check_denial", "check_knowledge", "check_numeric",
           "detect", "finding_id", "judge_pair", "matter_of", "reports_absence", "stance_of"]


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
    for pair in _misconduct_pairs(alignment, rules, stance):
        p, i = by_id[pair.public], by_id[pair.internal]
        hits, _, _ = _judge(p, i, pair, rules, rule_of_type, stance,
                            lambda p=p: later_index[p.organization].candidates(p))
        for hit, rule in hits:  # a flag, or nothing: such a pair is never listed as a candidate
            grouped[(p.id, rule.id)].append((Hit(hit.score, hit.reasons + (NO_SHARED_WORDS,), hit.point), i, pair))
    findings: list[Finding] = []
    low: list[Finding] = []  # pairs a rule compared but could not be sure of: listed for review
    for (pid, rid), hits in grouped.items():
        rule = rules.rule(rid)
        p = by_id[pid]
        hits.sort(key=lambda h: (-h[0].score, h[1].date.start or dt.date.max, h[1].id))
        best, best_i, best_pair = hits[0]
        if best.score < rule.params.get("min_score", 0.5):  # a rule compared them, unsure: for review
            low.append(_as_candidate(
                rule, p, best_i, best_pair, stance, best.reasons,
                Reason("weakens", "below-threshold", f"the {rule.id} rule scored the pair {best.score:.2f}, under "
                                                     f"the {rule.params.get('min_score', 0.5)} a flag needs")))
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
        explanation = _flag_explained(rule, level, topic, best.point, p.organization, reasons)
        findings.append(Finding(
            id=finding_id(rid, p, internal), level=level, type=rule.type, rule=rid,  # type: ignore[arg-type]
            score=round(max(0.0, min(1.0, best.score)), 3), public=pid,
            internal=tuple(s.id for s in internal), organization=p.organization, topic=topic,
            point=best.point, explanation=explanation, reasons=tuple(reasons)))
    # a stance-only tension on records a wording rule already cites for another claim adds a
    # second, weaker reading of the same evidence: the judged finding stands for it
    # (unless it is another sentence of the judged claim's own quote: the quote is one finding,
    # cited from its first sentence, see _one_per_quote)
    judged_by = [f for f in findings if not any(r.code == "stance-only" for r in f.reasons)]
    judged = {i for f in judged_by for i in f.internal}
    quotes = {(by_id[f.public].document, by_id[f.public].speaker, f.rule) for f in judged_by if by_id[f.public].speaker}
    kept: list[Finding] = []
    for f in findings:
        if any(r.code == "stance-only" for r in f.reasons) and set(f.internal) <= judged \
                and (by_id[f.public].document, by_id[f.public].speaker, f.rule) not in quotes:
            # still listed for review: the record strains this claim too
            low.append(_demoted(f, by_id[f.public], Reason(
                "weakens", "cited-elsewhere", "a rule judged these records against another claim; read on stance alone here")))
        else:
            kept.append(f)
    findings = []
    public_by_doc: dict[str, list[Statement]] = defaultdict(list)
    if any(f.type in ("assurance-vs-concern", "numeric-mismatch", "knowledge-timing", "denial-vs-evidence") for f in kept):
        for st in alignment.statements:
            if st.kind == "public":
                public_by_doc[st.document].append(st)
    internal_by_doc: dict[str, list[Statement]] = defaultdict(list)
    if any(f.type == "assurance-vs-concern" for f in kept):
        for st in alignment.statements:
            if st.kind == "internal":
                internal_by_doc[st.document].append(st)
    for f in kept:
        f = _own_learning_unreached(f, by_id, rules)
        alike = _record_assures_alike(f, by_id, internal_by_doc)
        if alike is not None:  # still listed for review: the organization's own record gives the same assurance
            low.append(_demoted(f, by_id[f.public], Reason(
                "weakens", "record-agrees", f"the record's own document gives the same assurance: "
                                            f"\"{_quote_of(alike)}\"")))
            continue
        disclosed = _disclosed_alongside(f, by_id, public_by_doc, stance, rules)
        revised = _figure_made_public(f, by_id, public_by_doc) if disclosed is None else None
        if disclosed is None and revised is None:
            findings.append(f)
        elif disclosed is not None:  # still listed for review: the assurance and the disclosure are read together
            low.append(_demoted(f, by_id[f.public], Reason(
                "weakens", "disclosed-alongside", f"the claim's own document discloses what the record shows: "
                                                  f"\"{_quote_of(disclosed.text)}\"")))
        else:  # a later count the organization made public itself: a revision, listed for review
            low.append(_demoted(f, by_id[f.public], Reason(
                "weakens", "figure-made-public", f"the organization made the record's figure public itself, no earlier "
                                                 f"than the record: \"{_quote_of(revised.text)}\"")))
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
        findings.append(_candidate(rule, p, internal, matter, _opposed_point(p, matter, ps, istance),
                                   _candidate_reasons(rules, p, i, ps, istance)))
    findings.extend(f for f in low if not set(f.internal) <= flagged[f.public])
    # a claim no rule flagged gets its records of opposed stance in other words (_stance_candidates):
    # a claim with no finding as a candidate of its own, one listed for review already in that listing
    judged = {f.public for f in findings if f.level != "candidate"}
    listed_at: dict[str, int] = {}  # each claim's first candidate finding
    for n, f in enumerate(findings):
        if f.level == "candidate":
            listed_at.setdefault(f.public, n)
    for extra in _stance_candidates(alignment, rules, stance, judged):
        n = listed_at.get(extra.public)
        if n is None:
            findings.append(extra)
        else:  # a claim listed for review already: its firmest opposed records of other words join it
            f = findings[n]
            more = tuple(i for i in extra.internal if i not in f.internal)
            if more:
                findings[n] = replace(f, internal=tuple(sorted(f.internal + more, key=lambda i: (
                    by_id[i].date.start or dt.date.max, i))))
    findings.extend(_review_candidates(alignment, rules, stance, {f.public for f in findings}, by_id))
    findings.sort(key=lambda f: (LEVEL_ORDER.get(f.level, 9), -f.score, f.id))
    return tuple(_one_per_quote(findings, by_id))


def _explained(type_: str, topic: str, point: str, reasons: tuple[Reason, ...]) -> str:
    """A candidate's explanation: the matter, the point, every reason that strengthens it (the
    record is the speaker's own, it came first) and every reason that weakens it."""
    strong = "; ".join(r.text for r in reasons if r.effect == "strengthens")
    weak = "; ".join(r.text for r in reasons if r.effect == "weakens")
    return (f"CANDIDATE ({type_}) on {topic or 'the same matter'}: {point}."
            + (f" Strengthened by: {strong}." if strong else "") + f" Weakened by: {weak}.")


def _opposed_point(p: Statement, matter: str, ps: str, istance: str) -> str:
    return (f"on {matter or 'the same matter'}, {p.organization} {STANCE_WORDS.get(ps, ps)} in public; "
            f"its internal record shows {STANCE_WORDS.get(istance, istance)}")


def _candidate(rule: Rule, p: Statement, internal: Sequence[Statement], matter: str, point: str,
               reasons: tuple[Reason, ...]) -> Finding:
    """A pair listed for review below the flags (score 0: no flag stands on it)."""
    return Finding(id=finding_id(rule.id + "#candidate", p, internal), level="candidate", type=rule.type,  # type: ignore[arg-type]
                   rule=rule.id, score=0.0, public=p.id, internal=tuple(s.id for s in internal),
                   organization=p.organization, topic=matter, point=point,
                   explanation=_explained(rule.type, matter, point, reasons), reasons=reasons)


def _quote_of(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 3].rstrip() + "..."


def _disclosed_alongside(f: Finding, by_id: dict[str, Statement], public_by_doc: dict[str, list[Statement]],
                         stance: Callable[[Statement], str], rules: RuleSet) -> Statement | None:
    """An assurance strained by records its own document discloses ("we store PINs in a secure
    part of our systems", beside "on Friday we discovered that we had also been recording PINs
    in log files"): the organization told what the record shows in the same breath, so the pair
    is no hidden strain. The disclosure: a statement of the claim's document and organization
    that says when the organization learned of the matter (claims-learned), no earlier than the
    records, sharing a key term with them. (Read as widely as any earlier public admission by
    the organization, it cost a flag on a development set and removed none: not done.)
    A claim of when it learned is read so by :func:`_learning_told_alongside`."""
    if f.type == "knowledge-timing":
        return _learning_told_alongside(f, by_id, public_by_doc, stance, rules)
    if f.type == "denial-vs-evidence":
        return _act_told_alongside(f, by_id, public_by_doc)
    if f.type != "assurance-vs-concern":
        return None
    p = by_id[f.public]
    records = [by_id[i] for i in f.internal]
    starts = [i.date.start for i in records if i.date.start is not None]
    keys = {term_key(t) for i in records for t in i.topics}
    for q in public_by_doc.get(p.document, ()):  # the claim's document's public statements
        if q.id == p.id or q.organization != p.organization:
            continue
        if starts and q.date.start is not None and q.date.start < min(starts):
            continue
        if stance(q) == "claims-learned" and keys & {term_key(t) for t in q.topics}:
            return q
    return None


#: A clause that says a thing came to no harm: "core banking and branches unaffected", "no customer funds
#: at risk", "the deposits remain safe".
_ALL_CLEAR = re.compile(r"\b(?:unaffected|unharmed|intact|not\s(?:been\s)?(?:affected|impacted|compromised|at\srisk)|"
                        r"(?:is|are|was|were|remains?|remained|stays?|stayed)\s(?:fully\s)?(?:safe|secure|protected)|"
                        r"no\s(?:[\w\-]{1,30}\s){0,3}?(?:at\srisk|affected|impacted|compromised|lost|exposed|accessed))\b")
_NOT_A_THING = frozenset({"i", "we", "you", "they", "it", "our", "your", "their", "my", "its", "his", "her", "the", "a",
                          "an", "and", "or", "of", "with", "us", "this", "that", "these", "those", "all", "every", "any"})


def _assured_things(p: Statement) -> set[str]:
    """The words naming what an assurance says is safe: its subject's nouns ("your deposits and
    your money with us" -> deposits, money), each also without a plural's s."""
    words = {w for w in re.findall(r"[a-z][a-z\-]{2,}", p.frame.actor.lower()) if w not in _NOT_A_THING}
    return words | {w[:-1] for w in words if w.endswith("s") and len(w) > 4}


def _record_assures_alike(f: Finding, by_id: dict[str, Statement],
                          internal_by_doc: dict[str, list[Statement]]) -> str | None:
    """An assurance ("your deposits and your money with us are safe") whose record's own document
    says the same thing came to no harm ("Customer money: core banking, ATMs and branches
    unaffected; no customer funds at risk"): the record's trouble is another thing's (a log-in
    fault), and on what was assured the organization said in private what it said in public.
    The clause of the record's document (the record itself included) that says so, or None."""
    if f.type != "assurance-vs-concern":
        return None
    p = by_id[f.public]
    things = _assured_things(p)
    if p.frame.modality != "assurance" or not things:
        return None
    for d in dict.fromkeys(by_id[i].document for i in f.internal):
        for st in internal_by_doc.get(d, ()):
            for clause in re.split(r"[;.\n]\s", st.text):
                low = clause.lower()
                if _ALL_CLEAR.search(low) and any(re.search(r"\b" + re.escape(w) + r"s?\b", low) for w in things):
                    return clause.strip()
    return None


#: Key terms (each word and phrase) a statement of a denial's own document shares with its records, at
#: least, to tell what they show. (Two to four shared terms are a story's same matter, "accounts
#: opened", not the record retold: on sets 1-43 a lower bound lost five true flags.)
TOLD_ALONGSIDE_TERMS = 6


def _act_told_alongside(f: Finding, by_id: dict[str, Statement],
                        public_by_doc: dict[str, list[Statement]]) -> Statement | None:
    """A denial whose own document tells what the record shows: "the virus spread to tools and
    automated material handling systems that run the old operating system" beside "our main computer systems
    were not affected", against a record "Affected: fab tools and automated material handling
    systems ... old operating system". The denial is of something else of the same kind, and the act the
    record shows was told in the same breath. The teller: a positive statement of the claim's
    document and organization, no earlier than the records, sharing at least
    TOLD_ALONGSIDE_TERMS of the records' key terms and more than three times as many as the
    denial shares with them (a denial that names the records' matter, "no scheme to open these
    accounts" beside "employees opened accounts without consent", still denies what they show)."""
    p = by_id[f.public]
    records = [by_id[i] for i in f.internal]
    starts = [i.date.start for i in records if i.date.start is not None]
    keys = {term_key(t) for i in records for t in i.topics}
    own = len(keys & {term_key(t) for t in p.topics})
    for q in public_by_doc.get(p.document, ()):
        if q.id == p.id or q.organization != p.organization or q.frame.polarity != "positive":
            continue
        if starts and q.date.start is not None and q.date.start < min(starts):
            continue
        told = len(keys & {term_key(t) for t in q.topics})
        if told >= TOLD_ALONGSIDE_TERMS and told > 3 * own:
            return q
    return None


def _learning_told_alongside(f: Finding, by_id: dict[str, Statement], public_by_doc: dict[str, list[Statement]],
                             stance: Callable[[Statement], str], rules: RuleSet) -> Statement | None:
    """A claim of learning that tells no date of its own ("announces that it has discovered
    unauthorised access", dated by the release) beside a sentence of the same document and
    organization that dates the learning no later than the records ("discovered suspicious
    activity on its network in March 2018"): the document tells what the records show, so the
    release's date is no claim of when the organization learned."""
    p = by_id[f.public]
    records = [by_id[i] for i in f.internal]
    ends = [i.date.end for i in records if i.date.end is not None]
    if not ends:
        return None
    told = bool(dates_told(rules, p))  # "we first learned of it on 3 May": the claim dates the learning itself
    keys = {term_key(t) for i in records for t in i.topics}
    for q in public_by_doc.get(p.document, ()):
        if q.id == p.id or q.organization != p.organization:
            continue
        if told and (stance(q) in ("claims-learned", "denies") or not keys & {term_key(t) for t in q.topics}):
            continue  # (what the document tells of the matter itself, not of knowing it, and not denied)
        if told and _OWN_LEARNING.search(p.text) and not _FIRST_PERSON.search(q.text):
            continue  # "I learned of it only in April" beside "the operations centre was told in December": what
            # others knew, told openly, does not tell when the speaker did
        if not told and stance(q) != "claims-learned":
            continue
        if any(m.value.start is not None and m.value.start <= min(ends) for m in dates_told(rules, q)):
            return q  # ("This week we learned that a list of the accounts has been shared online" beside
            # "In May 2019 attackers stole encrypted passwords from us": what it learned this week is a
            # later turn of a matter the same document dates to the records' time)
    return None


def _figure_made_public(f: Finding, by_id: dict[str, Statement],
                        public_by_doc: dict[str, list[Statement]]) -> Statement | None:
    """A public figure set against a later internal count that the organization itself made
    public afterwards ("around 380,000 cards" in September; an October memo counting 185,000,
    and the October update saying 185,000): a revision told as it was learned, not a figure the
    record shows false when it was given. The disclosure: a public statement of the claim's
    organization, dated no earlier than every record of the pair, giving one of the records'
    figures (same value, and unit by its last word), in the organization's words or in words naming it (a parent
    company's announcement: "Acme is contacting the holders of 77,000 more cards"). A record
    older than the claim keeps the flag: the count was known when the other figure was given."""
    if f.type != "numeric-mismatch":
        return None
    p = by_id[f.public]
    records = [by_id[i] for i in f.internal]
    starts = [i.date.start for i in records]
    if p.date.start is None or any(d is None or d <= p.date.start for d in starts):
        return None
    head = lambda unit: unit.split()[-1] if unit else ""  # noqa: E731  ("payment card" counts cards)
    figures = {(q.value, head(q.unit)) for i in records for q in i.frame.quantities}
    for statements in public_by_doc.values():
        for q in statements:
            if q.id == p.id or q.date.start is None or q.date.start < max(starts) or not (
                    q.organization == p.organization or p.organization and p.organization.lower() in q.text.lower()):
                continue  # (its own words, or words that name it: "Acme is contacting 77,000 more customers")
            if figures & {(x.value, head(x.unit)) for x in q.frame.quantities}:
                return q
    return None


#: A claim of one's own learning: "I learned", "I was told", "I knew", "it reached me".
_OWN_LEARNING = re.compile(r"\bI\b(?:\s\w+){0,3}?\s(?:learned|learnt|knew|heard|was\s(?:told|informed|made\saware|briefed))\b"
                           r"|\b(?:told|informed|briefed)\sme\b|\breached\sme\b")


def _own_learning_unreached(f: Finding, by_id: dict[str, Statement], rules: RuleSet) -> Finding:
    """A contradiction of when one person says they learned ("I learned about this object only at the end of
    April") by records that others wrote and that never name them ("the operations centre has been kept
    informed"): the organization knew; that it reached the speaker is not shown. A tension, so weakened."""
    p = by_id[f.public]
    if f.type != "knowledge-timing" or f.level != "contradiction" or not p.speaker or not _OWN_LEARNING.search(p.text):
        return f
    records = [by_id[i] for i in f.internal]
    if any(_reaches(p.speaker, i) for i in records):
        return f
    reasons = f.reasons + (Reason("weakens", "not-shown-to-speaker", f"the records were not written by {p.speaker} "
                                                                     f"and do not name them"),)
    return replace(f, level="tension", reasons=reasons,
                   explanation=_flag_explained(rules.rule(f.rule), "tension", f.topic, f.point, f.organization, reasons))


def _flag_explained(rule: Rule, level: str, topic: str, point: str, organization: str, reasons: Sequence[Reason]) -> str:
    """A flag's explanation: the rule's head for its level, then every reason that weakens it (or that none does)."""
    weak = [r.text for r in reasons if r.effect == "weakens"]
    head = rule.head(level=level, topic=topic, point=point, organization=organization)
    return f"{head}. " + (f"Weakened by: {'; '.join(weak)}." if weak else "Nothing found that weakens it.")


def _demoted(f: Finding, public: Statement, why: Reason) -> Finding:
    """A judged pair listed for review instead of flagged (score 0: no flag stands on it)."""
    reasons = f.reasons + (why,)
    return replace(f, level="candidate", score=0.0, id=finding_id(f.rule + "#candidate", public, ()),
                   reasons=reasons, explanation=_explained(f.type, f.topic, f.point, reasons))


def _as_candidate(rule: Rule, p: Statement, i: Statement, pair: Pair, stance: Callable[[Statement], str],
                  reasons: tuple[Reason, ...], why: Reason) -> Finding:
    """A pair a rule compared without being sure (its score under min_score), for review."""
    matter = matter_of(p, i, pair.shared)
    return _candidate(rule, p, [i], matter, _opposed_point(p, matter, stance(p), stance(i)), tuple(reasons) + (why,))


def misconduct_words(rules: RuleSet) -> tuple[str, ...]:
    """The words without one of which no record reads as misconduct (rules/stance.yaml misconduct,
    concealment): a cheap test before a record's stance is read."""
    return tuple(rules.stance.get("misconduct", ())) + tuple(rules.stance.get("concealment", ()))


def _misconduct_pairs(alignment: Alignment, rules: RuleSet, stance: Callable[[Statement], str]) -> list[Pair]:
    """Records of misconduct or concealment ("they'll never notice", "keep it confidential rather
    than publish it") are rare and strong: each is compared with every public denial or assurance
    of conduct by the same organization that alignment did not pair it with, though the two
    sentences share no word, when their documents share one. The pair scores the lowest topic
    score a stance-only judgement accepts, so no wording rule reads it; the judgement's own
    conditions (the record predates the claim, the claim speaks of conduct) still decide."""
    score = misconduct_pair_score(rules)
    if score is None:
        return []
    claims: dict[str, list[Statement]] = defaultdict(list)
    records: dict[str, list[Statement]] = defaultdict(list)
    words = misconduct_words(rules)
    for st in alignment.statements:  # the records first, read only where a word of misconduct stands
        if st.organization and st.kind == "internal" and st.role == "evidence" \
                and _has(words, *_tokens(st.text)) and stance(st) == "misconduct":
            records[st.organization].append(st)
    for st in alignment.statements:  # then the claims of the organizations that have such records
        if st.organization in records and st.kind == "public" and st.role == "claim" and stance(st) in CONDUCT_CLAIMS:
            claims[st.organization].append(st)
    if not claims:
        return []
    paired = {(p.public, p.internal) for p in alignment.pairs}
    doc_terms = _document_terms(alignment.statements)  # what each document is about

    def about(st: Statement) -> set[str]:  # its document's terms, without the organization's name
        return doc_terms[st.document] - _org_words(st.organization)
    # the two documents still share a matter: a record of misconduct over something else entirely
    # (another product, another market) strains no claim
    return [Pair(p.id, i.id, org, score, ()) for org in sorted(claims) for p in claims[org]
            for i in records.get(org, ()) if (p.id, i.id) not in paired and about(p) & about(i)]


#: Records listed at most per claim that alignment did not pair with it (see _stance_candidates).
MAX_STANCE_CANDIDATES = 2


def _document_terms(statements: Sequence[Statement], documents: set[str] | None = None) -> dict[str, set[str]]:
    """What each document is about: the key terms of all its statements (of ``documents`` only,
    when given)."""
    out: dict[str, set[str]] = defaultdict(set)
    for st in statements:
        if documents is None or st.document in documents:
            out[st.document].update(term_key(t) for t in st.topics)
    return out


def _stance_candidates(alignment: Alignment, rules: RuleSet, stance: Callable[[Statement], str],
                       listed: set[str]) -> list[Finding]:
    """Candidates for review that alignment did not pair: a public claim that denies, assures,
    commits, dates its learning or gives a figure, and nothing else found, against its own
    organization's records whose stance opposes it, in the order that can matter (a record before
    the claim; for a commitment, after it). Said in other words ("we have no input into its
    agenda" / "attached is the mission statement with your team's edits"), the story can share
    few words or none; a reporter reviews these below the flags. A record is listed when it shares
    a key term with the claim, or when its stance opposes the claim firmly (harm, misconduct,
    settled knowledge, a concern: FIRM_EVIDENCE).
    At most MAX_STANCE_CANDIDATES per claim: those sharing most words first, then the firm ones,
    then those whose documents share most, then the closest in time."""
    rule_of_type = {r.type: r for r in reversed(rules.rules)}
    claims: list[tuple[Statement, str]] = []  # the claims a candidate may be listed for, and their stance
    for p in alignment.statements:
        if p.kind == "public" and p.role == "claim" and p.id not in listed and p.date.known:
            ps = stance(p)
            if ps in OPPOSED and ps not in ("explains", "gives-figure") and OPPOSED[ps][1] in rule_of_type:
                # (an account, and a figure, are listed against the records alignment pairs them with only)
                claims.append((p, ps))
    if not claims:
        return []
    orgs = {p.organization for p, _ in claims}
    wanted = frozenset().union(*(OPPOSED[ps][0] for _, ps in claims))
    records: dict[str, list[tuple[Statement, str, frozenset[str]]]] = defaultdict(list)
    for s in alignment.statements:  # (the records of organizations with such a claim only)
        if s.kind == "internal" and s.role == "evidence" and s.organization in orgs and s.date.known:
            st_ = stance(s)
            if st_ in wanted:
                records[s.organization].append((s, st_, frozenset(term_key(t) for t in s.topics)))
    if not records:
        return []
    doc_terms = _document_terms(alignment.statements, {p.document for p, _ in claims if p.organization in records}
                                | {i.document for rs in records.values() for i, _, _ in rs})
    paired = {(p.public, p.internal) for p in alignment.pairs}
    out: list[Finding] = []
    for p, ps in claims:
        opposed, firm = OPPOSED[ps][0], FIRM_EVIDENCE.get(ps, frozenset())
        rule = rule_of_type[OPPOSED[ps][1]]
        own = _org_words(p.organization)
        keys = {term_key(t) for t in p.topics} - own
        about = doc_terms[p.document] - own
        ranked = []
        for i, istance, i_keys in records.get(p.organization, ()):
            if istance not in opposed or (p.id, i.id) in paired:
                continue
            assert p.date.start is not None and i.date.start is not None and i.date.end is not None
            if (i.date.end < p.date.start) if ps == "commits" else (i.date.end >= p.date.start):
                continue  # a commitment is broken after it is made; anything else is known before
            shared = sorted(keys & i_keys)
            if not shared and istance not in firm:
                continue
            common = len(about & doc_terms[i.document])
            ranked.append(((-len(shared), istance not in firm, -common, abs((p.date.start - i.date.start).days), i.id),
                           i, istance, shared))
        if not ranked:
            continue
        ranked.sort(key=lambda x: x[0])
        found = ranked[:MAX_STANCE_CANDIDATES]
        _, i, istance, shared = found[0]
        internal = sorted((x[1] for x in found), key=lambda s: (s.date.start or dt.date.max, s.id))
        reasons = _candidate_reasons(rules, p, i, ps, istance) + (
            Reason("weakens", "few-shared-terms", f"the two share only {', '.join(shared)}: too little for "
                                                  f"alignment to pair them") if shared else
            Reason("weakens", "no-shared-term", "the two share no key term: paired by organization, time and "
                                                "opposed stance alone"),)
        point = (f"{p.organization} {STANCE_WORDS.get(ps, ps)} in public; "
                 f"{'a later' if ps == 'commits' else 'an earlier'} internal record shows "
                 f"{STANCE_WORDS.get(istance, istance)}{', in other words' if not shared else ''}")
        explanation = (f"CANDIDATE ({rule.type}): {point}. "
                       f"Weakened by: {'; '.join(r.text for r in reasons if r.effect == 'weakens')}.")
        out.append(Finding(
            id=finding_id(rule.id + "#candidate", p, internal), level="candidate", type=rule.type, rule=rule.id,  # type: ignore[arg-type]
            score=0.0, public=p.id, internal=tuple(x.id for x in internal), organization=p.organization,
            topic=shared[0] if shared else "", point=point, explanation=explanation, reasons=reasons))
    return out


#: Records listed at most per claim for review when nothing else listed the claim (_review_candidates).
#: (Five, not three: on sets 1-30 end to end, six more gold pairs listed and no more candidates,
#: the extra records going into findings already listed.)
MAX_REVIEW_RECORDS = 5
#: Claims of one document listed so at most: those taking a position first (a denial, an assurance,
#: a figure, not a plain statement), then those alignment paired closest; a release of twenty
#: sentences is two claims to review, not twenty.
MAX_REVIEW_CLAIMS = 2
#: Plain statements of one document (no stance read: "the data of our users is kept in the United
#: States") listed so beyond those: the stance lists do not know every way a claim is worded.
MAX_REVIEW_STATES = 1
#: Records of one document, on each side of a claim's date, among which the review list takes the
#: one sharing most of the claim's terms (nearest in time first).
MAX_REVIEW_SIDE = 12
#: Record documents of one organization beyond which the review list takes alignment's pairs only:
#: what a document is about says little among thousands of them (and ranking them all for every
#: claim's document would cost more than the rest of detection).
MAX_REVIEW_DOCUMENTS = 1000
#: Public stances that take no position a record could strain: a question asked, a position changed.
NO_POSITION = frozenset({"question", "changes-position"})


def _out_of_order(i: Statement, when: dt.date, commits: bool) -> bool:
    """Is record ``i`` out of the order that can matter for a claim made ``when``: after it (for
    a commitment, ended before it)?"""
    assert i.date.start is not None and i.date.end is not None
    return i.date.end < when if commits else i.date.start > when


def _review_candidates(alignment: Alignment, rules: RuleSet, stance: Callable[[Statement], str],
                       listed: set[str], by_id: dict[str, Statement]) -> list[Finding]:
    """The review list's last pass: a public claim that takes a position and that no rule, no
    stance and no earlier pass listed, with its own organization's internal records nearest it,
    so a reporter browsing candidates meets the story even when the tool could not judge it (a
    claim said in words no stance list knows: "the building is in very good shape", against "the
    waterproofing below the pool deck has failed").

    A record is near when alignment paired it with the claim (highest score first), else when its
    document is about what the claim's document is about (each such document's record nearest the
    claim); records in the order that can matter come first (before the claim; for a commitment,
    after it), then the most shared terms, then nearest in time. A later record is still listed
    after those (an inquiry's later report can tell what was known earlier), and its timing
    weakens it. A record that reports the harm absent agrees with the claim, and a figure
    against a figure is the numeric rule's to compare (what it left unflagged measures another
    thing): neither is listed. At most MAX_REVIEW_RECORDS per claim, one finding per claim, each weakened by
    "review only". Claims of one document and day share the documents' ranking (computed once)."""
    rule_of_type = {r.type: r for r in reversed(rules.rules)}
    claims = [p for p in alignment.statements if p.kind == "public" and p.role == "claim" and p.id not in listed
              and p.date.known and p.organization and stance(p) not in NO_POSITION]
    if not claims:
        return []
    orgs = {p.organization for p in claims}
    records: dict[str, dict[str, list[Statement]]] = defaultdict(lambda: defaultdict(list))  # org -> document -> records
    for s in alignment.statements:
        if s.kind == "internal" and s.role == "evidence" and s.organization in orgs and s.date.known:
            records[s.organization][s.document].append(s)
    if not records:
        return []
    starts_of: dict[str, list[dt.date]] = {}
    for by_doc in records.values():
        for d, recs in by_doc.items():
            recs.sort(key=lambda i: (i.date.start, i.id))
            starts_of[d] = [i.date.start for i in recs]  # type: ignore[misc]
    absent: dict[str, bool] = {}

    def agrees(i: Statement) -> bool:  # a record reporting the harm absent ("no cause was found") agrees
        found = absent.get(i.id)
        if found is None:
            found = absent[i.id] = reports_absence(rules, i.text)
        return found
    of_document: dict[str, list[Statement]] = defaultdict(list)
    for st in alignment.statements:
        of_document[st.document].append(st)
    terms_of: dict[str, set[str]] = {}

    def doc_terms(d: str) -> set[str]:  # what a document is about, read when a claim needs it
        found = terms_of.get(d)
        if found is None:
            found = terms_of[d] = {term_key(t) for st in of_document.get(d, ()) for t in st.topics}
        return found
    paired: dict[str, list[Pair]] = defaultdict(list)
    for pair in alignment.pairs:
        paired[pair.public].append(pair)
    ranked_docs: dict[tuple[str, str, dt.date, bool], list[tuple[Statement, frozenset[str]]]] = {}

    def nearest_by_document(p: Statement, when: dt.date, commits: bool) -> list[tuple[Statement, frozenset[str]]]:
        """Each record document about what ``p``'s document is about: its record nearest ``when``
        (in the order that can matter first), best documents first."""
        key = (p.organization, p.document, when, commits)
        found = ranked_docs.get(key)
        if found is None:
            about = doc_terms(p.document) - _org_words(p.organization)
            ranked = []
            for d, recs in records[p.organization].items():
                shared = frozenset(about & doc_terms(d))
                if not shared:
                    continue
                k = bisect.bisect_right(starts_of[d], when)  # recs[:k] start on or before the claim
                before = [i for i in reversed(recs[max(0, k - MAX_REVIEW_SIDE):k]) if not agrees(i)]
                after = [i for i in recs[k:k + MAX_REVIEW_SIDE] if not agrees(i)]
                for side in (before, after):
                    if side:
                        i = side[0]
                        ranked.append(((_out_of_order(i, when, commits), -len(shared), abs((when - i.date.start).days), i.id),  # type: ignore[operator]
                                       side, shared))
            ranked.sort(key=lambda x: x[0])
            seen: set[str] = set()
            found = []
            for _, side, shared in ranked:  # one side of one document each
                if side[0].document not in seen:
                    seen.add(side[0].document)
                    found.append((side, shared))
            ranked_docs[key] = found
        return found

    def closest_in_matter(p: Statement, side: list[Statement]) -> Statement:
        """The record of one side of a document (nearest the claim in time first) that shares the
        most of the claim's own terms: of a memo's sentences, the one on the claim's matter."""
        own = {term_key(t) for t in p.topics}
        return max(side, key=lambda i: len(own & {term_key(t) for t in i.topics}))  # ties: the nearest (first)

    listing: list[tuple[tuple[str, bool, float, int, str], Finding]] = []
    for p in claims:
        if not records.get(p.organization):
            continue
        ps = stance(p)
        when = p.date.start
        assert when is not None
        commits = ps == "commits"

        def other_measure(i: Statement) -> bool:  # two figures are the numeric rule's to compare: what it
            return bool(p.frame.quantities and i.frame.quantities)  # left unflagged measures another thing

        near = sorted((pair for pair in paired.get(p.id, ()) if by_id[pair.internal].date.known
                       and not agrees(by_id[pair.internal]) and not other_measure(by_id[pair.internal])),
                      key=lambda pair: (_out_of_order(by_id[pair.internal], when, commits), -pair.score,
                                        abs((when - by_id[pair.internal].date.start).days), pair.internal))  # type: ignore[operator]
        chosen = [by_id[pair.internal] for pair in near[:MAX_REVIEW_RECORDS]]
        matter = ", ".join(near[0].shared[:3]) if near and near[0].shared else ""
        by_document = len(chosen) < MAX_REVIEW_RECORDS and len(records[p.organization]) <= MAX_REVIEW_DOCUMENTS
        for side, shared in (nearest_by_document(p, when, commits) if by_document else ()):
            if len(chosen) >= MAX_REVIEW_RECORDS:
                break
            i = closest_in_matter(p, side)
            if i not in chosen and not other_measure(i):
                chosen.append(i)
                matter = matter or ", ".join(sorted(shared)[:3])
        if not chosen:
            continue
        istance = stance(chosen[0])
        rule = rule_of_type.get(OPPOSED[ps][1] if ps in OPPOSED else "assurance-vs-concern")
        if rule is None:
            continue
        internal = sorted(chosen, key=lambda s: (s.date.start or dt.date.max, s.id))
        reasons = (Reason("weakens", "review-only",
                          "no rule and no stance judged the claim against any record: these are its "
                          "organization's records nearest it in matter and time, listed for review"),) + tuple(
            r for r in _candidate_reasons(rules, p, chosen[0], ps, istance) if r.code in ("timing", "timing-unknown", "own-record"))
        point = (f"{p.organization} {STANCE_WORDS.get(ps, ps)} in public; "
                 f"{'later' if commits else 'earlier'} internal records on {matter or 'the same matter'} "
                 f"are listed for review")
        best = max((pair.score for pair in near[:MAX_REVIEW_RECORDS]), default=0.0)
        listing.append(((p.document, ps == "states", -best, p.source.start, p.id), Finding(
            id=finding_id(rule.id + "#review", p, internal), level="candidate", type=rule.type, rule=rule.id,  # type: ignore[arg-type]
            score=0.0, public=p.id, internal=tuple(x.id for x in internal), organization=p.organization,
            topic=matter.split(", ")[0] if matter else "", point=point,
            explanation=_explained(rule.type, matter, point, reasons), reasons=reasons)))
    out: list[Finding] = []
    taken: Counter[str] = Counter()
    for key, finding in sorted(listing, key=lambda x: x[0]):  # a document's claims that take a position, closest first
        if taken[key[0]] < MAX_REVIEW_CLAIMS or key[1] and taken[key[:2]] < MAX_REVIEW_STATES:
            taken[key[0]] += 1
            taken[key[:2]] += key[1]
            out.append(finding)
    return out


LEVEL_ORDER = {"contradiction": 0, "tension": 1, "candidate": 2}


def _one_per_quote(findings: list[Finding], by_id: dict[str, Statement]) -> list[Finding]:
    """Sentences of one quote (same document, speaker and rule) backed by the same records are
    one claim: one finding, cited from the quote's first sentence, with every backing record."""
    groups: list[list[Finding]] = []
    same_quote: dict[tuple[str, str, str], list[list[Finding]]] = defaultdict(list)  # rule, document, speaker
    for f in findings:  # strongest first
        p = by_id[f.public]
        if f.level == "candidate" and not p.speaker:
            groups.append([f])  # a page's or a release's sentences with nobody quoted are each their own claim
            continue
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
