"""One public statement reported by several documents merged into one event listing every
source (:func:`merge_reports`). Part of the corpus step (:mod:`claimcheck.corpus`)."""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict
from functools import lru_cache

from rapidfuzz import fuzz, process

from ..align import _words, object_overlap, stem, topic_overlap
from ..models import Statement
from .people import same_person

MERGE_SIMILARITY = 90    # token_sort_ratio for one statement reported twice

#: Share of the shorter telling's own words (no reporting verb, names or stop words) the other
#: telling of one statement holds.
RETOLD_SHARE = 0.6
MERGE_WINDOW = 50  # earlier reports of the same claim shape looked at for a later, undated retelling


def merge_reports(statements: list[Statement], primary: frozenset[str] | set[str] = frozenset()) -> list[Statement]:
    """One public statement reported by several documents becomes one event with every source.
    (A record quoted in several e-mails is handled above: quoted copies are dropped.) The event
    is cited from the organization's own document (``primary``: press release, post, filing,
    transcript) before a news report of it on the same day."""
    kept: list[Statement] = []
    texts: dict[tuple, list[str]] = defaultdict(list)     # same speaker: near-identical wording
    members: dict[tuple, list[int]] = defaultdict(list)
    by_claim: dict[tuple, list[int]] = defaultdict(list)  # same claim shape: one statement retold
    by_org: dict[tuple, list[int]] = defaultdict(list)    # the same voice's statements: told in other words
    # the first report of a statement (by date, then text: never by path, so ids survive moves)
    for st in sorted(statements, key=lambda s: (s.date.start is None, s.date.start or 0, s.document not in primary,
                                                s.text, s.source.path)):
        if st.kind != "public":
            kept.append(st)
            continue
        key = (st.role, st.organization.lower(), st.speaker.lower())
        claim = (st.role, st.organization.lower(), st.frame.predicate, st.frame.polarity, st.frame.modality)
        dup = None
        if texts[key]:
            for _, _, pos in process.extract(st.text, texts[key], scorer=fuzz.token_sort_ratio,
                                             score_cutoff=MERGE_SIMILARITY, limit=5):
                if kept[members[key][pos]].document != st.document and not _own_later(st, kept[members[key][pos]], primary):
                    dup = members[key][pos]
                    break
        if dup is None:
            dup = next((n for n in reversed(by_claim[claim][-MERGE_WINDOW:])
                        if kept[n].document != st.document
                        and (not kept[n].speaker or not st.speaker or kept[n].speaker.lower() == st.speaker.lower())
                        # (the organization's own later document is no retelling of what a story quoted before)
                        and not _own_later(st, kept[n], primary) and not _own_other_day(st, kept[n], primary)
                        and _same_claim(kept[n], st)), None)
        if dup is None:
            dup = next((n for n in reversed(by_org[(st.role, st.organization.lower())][-MERGE_WINDOW:])
                        if kept[n].document != st.document and not _own_later(st, kept[n], primary)
                        and _retold(kept[n], st)), None)
        if dup is None:
            texts[key].append(st.text)
            members[key].append(len(kept))
            by_claim[claim].append(len(kept))
            by_org[(st.role, st.organization.lower())].append(len(kept))
            kept.append(st)
        else:
            o = kept[dup]
            if _finer(st, o, primary):  # "told a subcommittee in April that ..." first, then the transcript
                kept[dup] = dataclasses.replace(st, also_reported_in=o.also_reported_in + (o.source,) + st.also_reported_in)
            else:
                kept[dup] = dataclasses.replace(o, also_reported_in=o.also_reported_in + (st.source,))
    return kept


#: Words of a retelling that are not the claim's: the reporting verb, its audience, the outlet.
_TELLING = frozenset({"said", "say", "says", "told", "tell", "tells", "testified", "testify", "reporter", "reporters",
                      "interview", "statement", "hearing", "congressional", "subcommittee", "committee", "ago",
                      "month", "week", "year", "earlier", "later", "chairman", "chief", "executive", "head",
                      "he", "she", "i", "we", "they", "january", "february", "march", "april", "may", "june", "july",
                      "august", "september", "october", "november", "december", "monday", "tuesday", "wednesday",
                      "thursday", "friday", "saturday", "sunday", "today", "yesterday"})


_TELLING_STEMS = frozenset(stem(w) for w in _TELLING)


@lru_cache(maxsize=65536)
def _own_words(text: str) -> frozenset[str]:
    """A telling's own words (stemmed, no stop words and no words of the telling around it)."""
    return frozenset(_words(text) - _TELLING_STEMS)


def _finer(new: Statement, old: Statement, primary: frozenset[str] | set[str]) -> bool:
    """Should ``new`` be the event's main source instead of ``old``: a day where ``old`` has only a
    month, or the organization's own document where ``old`` is a report of it."""
    rank = {"day": 0, "range": 1, "month": 2, "quarter": 3, "year": 4}
    rn, ro = rank.get(new.date.precision, 5), rank.get(old.date.precision, 5)
    return rn < ro or (rn == ro and new.document in primary and old.document not in primary)


def _retold(a: Statement, b: Statement) -> bool:
    """One public statement told twice in other words: "I believe X is not addictive" (the
    transcript) and "he told a subcommittee that he believed X was not addictive" (the news a month
    later). The same person (or both unnamed), dates that can be the same day, and most of the
    shorter telling's own words found in the longer one."""
    if not a.date.known or not b.date.known:
        return False
    reported_later = b.date.source == "document" and b.date.start >= a.date.start
    if not (a.date.start <= b.date.end and b.date.start <= a.date.end) and not reported_later:
        return False
    if bool(a.speaker) != bool(b.speaker) or (a.speaker and not same_person(a.speaker, b.speaker)):
        return False
    names = {stem(w.lower()) for w in (a.speaker + " " + b.speaker).split()}
    wa, wb = (_own_words(x.text) - names for x in (a, b))
    short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    shared = len(short & long_)
    if bool(_NEGATED.search(a.text)) != bool(_NEGATED.search(b.text)):
        return False  # "X is addictive" and "X is not addictive" are two statements
    return shared >= 3 and shared >= RETOLD_SHARE * len(short)


_NEGATED = re.compile(r"(?i)\b(?:not|never|no|none|nothing|n't)\b|n't\b")


#: Days after which an organization's own document says again, or anew, what its own earlier one
#: said: a release of this year's figures is no retelling of last year's release.
OWN_AGAIN_DAYS = 90


def _own_later(st: Statement, earlier: Statement, primary: frozenset[str] | set[str]) -> bool:
    """Is ``st`` the organization's own document of a later day than a story's ``earlier``
    report, or a season after its own earlier document? Then it says something again, or
    something new: it retells no quote (a release a week later may retell another's words)."""
    if st.document not in primary or earlier.date.end is None or st.date.start is None:
        return False
    if earlier.document in primary:
        return (st.date.start - earlier.date.end).days > OWN_AGAIN_DAYS
    return st.date.start > earlier.date.end  # (a month's story may retell its day)


def _own_other_day(st: Statement, earlier: Statement, primary: frozenset[str] | set[str]) -> bool:
    """Are both the organization's own documents, in its own voice, of different days? Its update of 1 August
    ("testing of the entire crew has now been carried out") tells something new after its release of
    31 July ("all crew will be tested"), in other words or the same shape: no retelling (the same
    sentence repeated word for word is still one statement, merged by its wording)."""
    return st.document in primary and earlier.document in primary and not st.speaker and not earlier.speaker \
        and st.date.start is not None and earlier.date.end is not None and st.date.start > earlier.date.end
    # (both in the organization's own voice, no one quoted: another party's release retelling what its
    # president said days before is still a retelling)


def _same_claim(a: Statement, b: Statement) -> bool:
    """Two reports of one public statement: same day, same predicate, polarity, modality and object."""
    if a.kind != "public" or not a.date.known or not b.date.known:
        return False
    reported_later = b.date.source == "document" and b.date.start >= a.date.start  # no date of its own
    if a.date.start != b.date.start and not reported_later:
        return False
    fa, fb = a.frame, b.frame
    if (fa.predicate, fa.polarity, fa.modality) != (fb.predicate, fb.polarity, fb.modality):
        return False
    return object_overlap(a, b) >= 0.5 or topic_overlap(a.topics, b.topics, {})[0] >= 0.5
