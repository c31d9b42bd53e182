"""The corpus step: what is decided once over every extracted statement of a run.

``build`` runs between extraction and alignment, over all statements together:

1. quoted copies dropped: a quoted earlier message whose original is also present
   (:func:`claimcheck.ingest.dropped_quotes`) takes its statements with it;
2. organization names merged: every spelling (suffixes, initials, near matches) -> one canonical
   name (:func:`canonical_orgs`);
3. people and focus: each statement is read with the ``people`` and ``focus`` of its own file's
   nearest claimcheck.yaml, as ingest handed them on (``IngestResult.people``,
   ``Document.focus``), so a folder of case folders is read as each case alone would be. A person
   a config names gets that organization; a speaker's organization found in one document is
   carried to the others; a public statement is a claim when its organization is the one in
   focus, else a third party's;
4. one statement reported by several documents merged into one event listing every source
   (:func:`merge_reports`).

Pure: records in, records out; no runtime object.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Mapping, Sequence

from rapidfuzz import fuzz, process

from .align import _words, object_overlap, stem, topic_overlap
from .models import INTERNAL_DOC_KINDS, PUBLIC_DOC_KINDS, Document, Statement, evolve

_SUFFIX = re.compile(r"\b(inc|incorporated|corp|corporation|co|company|ltd|limited|llc|plc|group|holdings|the)\b\.?", re.I)
NEAR_MATCH = 92          # rapidfuzz ratio for two spellings of one organization
MERGE_SIMILARITY = 90    # token_sort_ratio for one statement reported twice

People = tuple[tuple[str, str], ...]   # (person, organization), as in CorpusConfig.people


def org_key(name: str) -> str:
    """The spelling-free key of an organization's name: no case, legal suffix, possessive or
    accent ("ÉCOLE RÜHL" and "Ecole-ruhl" are one key)."""
    name = unicodedata.normalize("NFKD", name)
    name = "".join(c for c in name if not unicodedata.combining(c))
    key = _SUFFIX.sub(" ", name.lower().replace("’", "'"))
    key = re.sub(r"'s\b", "", key)
    key = re.sub(r"[^a-z0-9&]+", " ", key).strip()
    while key.endswith((" &", " and")):  # "Acme Chase & Co." without its suffix: the name ends before "&"
        key = key.rsplit(" ", 1)[0]
    return key


def _initials(key: str) -> str:
    words = [w for w in key.split() if w not in ("of", "for", "and", "&", "on", "the", "u", "s")]
    return "".join(w[0] for w in words) if len(words) > 1 else ""


def _spelled_words(name: str) -> list[str]:
    """The name's words as written, legal words kept: "Acme Corporation of Ohio" ->
    ["acme", "corporation", "of", "ohio"] (whose initials give "ACO", and whose domain label may
    be "acmecorp")."""
    name = unicodedata.normalize("NFKD", name)
    name = "".join(c for c in name if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9&]+", " ", re.sub(r"'s\b", "", name.lower().replace("’", "'"))).split()


#: Words an agency's name begins with after its place ("Lakeland Department of ...").
AGENCY_WORDS = frozenset({"department", "office", "bureau", "ministry", "agency", "commission", "board", "division",
                          "administration", "authority", "council", "institute", "directorate", "service"})


def canonical_orgs(names: Iterable[str]) -> dict[str, str]:
    """Map every spelling to one canonical name (the most frequent longest form)."""
    counts = Counter(n for n in names if n)
    groups: list[list[str]] = []
    keys: list[str] = []
    # the first group (in creation order) whose key matches: the same key, its initials, its first
    # word (for a one-word name), or a near spelling. Indexes make the first three lookups; the
    # near spellings come from one rapidfuzz call over every key.
    by_key: dict[str, int] = {}
    by_initials: dict[str, int] = {}
    by_first: dict[str, int] = {}
    key_of = {name: org_key(name) for name in counts}
    for name, _ in sorted(counts.items(), key=lambda kv: (-len(key_of[kv[0]]), kv[0])):
        k = key_of[name]
        if not k:
            continue
        candidates = [by_key.get(k), by_initials.get(k.replace(" ", ""))]
        if len(k.split()) == 1 and len(k) > 3:
            candidates.append(by_first.get(k))
        if keys:
            candidates.extend(n for _, _, n in process.extract(k, keys, scorer=fuzz.ratio,
                                                               score_cutoff=NEAR_MATCH, limit=None))
        found = min((n for n in candidates if n is not None), default=None)
        if found is not None:
            groups[found].append(name)
            continue
        n = len(keys)
        groups.append([name])
        keys.append(k)
        by_key.setdefault(k, n)
        initials = _initials(k)
        if initials:
            by_initials.setdefault(initials, n)
        spelled = _initials(" ".join(_spelled_words(name)))
        if len(spelled) >= 3:  # "ACA" for "Acme Corporation of America": a legal word has its letter
            by_initials.setdefault(spelled, n)
            words = k.split()
            if len(initials) >= 4 and len(words) > 1 and words[1] in AGENCY_WORDS:
                # "Lakeland Department of Water Supply" is also "DWS": a place before an agency
                by_initials.setdefault(initials[1:], n)
        by_first.setdefault(k.split()[0], n)
    return name_groups(groups, counts)


def name_groups(groups: list[list[str]], counts: Counter[str]) -> dict[str, str]:
    """Every spelling of each group -> the group's name: its most frequent longest form."""
    out: dict[str, str] = {}
    for g in groups:
        best = max(g, key=lambda n: (counts[n] + (2 if " " in n.strip() else 0), len(n), n))
        for n in g:
            out[n] = best
    return out


#: First words too common to make two names one organization ("American Airlines" and "American
#: Civil Liberties Union" share no organization).
GENERIC_FIRST = frozenset({
    "american", "national", "united", "general", "first", "international", "federal", "us", "u", "new", "state",
    "city", "county", "university", "department", "office", "bureau", "center", "centers", "global", "world",
    "royal", "north", "south", "east", "west", "central", "pacific", "atlantic", "great", "standard", "public",
    "european", "british", "china", "chinese", "japan", "the", "st", "saint", "of", "and", "southern", "northern",
    "eastern", "western", "commonwealth", "republic", "association", "institute", "committee", "house", "senate"})


#: An entity that reads as an organization's full name (a legal or sector word in it).
ORG_SHAPE = re.compile(r"\b(?:inc|corp|corporation|co|company|ltd|llc|plc|ag|group|holdings|bank|airlines?|"
                       r"airways|foods?|toys?|health|pharma\w*|chemicals?|energy|power|motors?|labs?|"
                       r"laboratories|systems|technologies|industries|department|university|league|"
                       r"association|agency|services|partners|media|electronics|insurance)\b", re.I)


UNIT_FIRST = frozenset({"board", "council", "trustees", "friends", "office", "division", "unit", "chair", "members"})


def _squash(key: str) -> str:
    return re.sub(r"[^a-z0-9]", "", key)


def _segments(label: str, words: list[str]) -> bool:
    """Can ``label`` ("rivertonchem", "ashfordpd", "usdoj") be written as the first word whole (or
    its first four letters and more) then a prefix of each following word, in order, words of
    "of/and/&/the" allowed to give one letter or none?"""
    if not words:
        return False
    # "jnwchase" for "JNWorthy Chase": a short cut of a long first word, the last word whole
    cut = (len(words) >= 2 and len(words[-1]) >= 4 and len(label) >= 7 and label.startswith(words[0][:3])
           and label.endswith(words[-1]))
    if not label.startswith(words[0][:4]) and not cut:
        return False

    def fit(i: int, j: int) -> bool:  # label[i:] from words[j:]
        if i == len(label):
            return all(w in ("of", "and", "&", "the", "for") for w in words[j:]) or j == len(words) or j >= 1
        if j == len(words):
            return False
        w = words[j]
        if j >= 1 and fit(i, j + 1):  # a word the label leaves out ("apexair": Apex Regional Airlines)
            return True
        k = 1
        while k <= len(w) and i + k <= len(label) and label[i + k - 1] == w[k - 1]:
            if fit(i + k, j + 1):
                return True
            k += 1
        return False

    first = words[0]
    return (label.startswith(first) and fit(len(first), 1)) or ((len(first) > 4 or cut) and fit(0, 0))


def org_families(canonical: Mapping[str, str], counts: Counter[str], mentioned: Iterable[str] = ()) -> dict[str, str]:
    """Group names that are one organization written shorter or longer: "Acme Trust" and "Acme
    Trust Bank, N.A." (a token prefix after legal suffixes), "Apex" and "Apex Research and
    Engineering Company" (a unit named after its parent), and an e-mail domain's label
    ("Acmetrust", "Usdoj", "Apexchem") with the name it abbreviates. Each family is named by
    its core (the shortest key that prefixes the others), spelled as the corpus most often does."""
    # names the texts mention (entities) may name a family whose members the statements carry
    # only in short ("Apextoys" from an address, "Apex Toys Inc" in a signature)
    names = sorted(set(canonical.values()) | {m for m in mentioned if m and len(org_key(m).split()) >= 2})
    keys = {n: org_key(n) for n in names}
    weight: Counter[str] = Counter()
    for spelling, c in counts.items():
        weight[canonical.get(spelling, spelling)] += c
    parent: dict[str, str] = {}

    def root(n: str) -> str:
        while n in parent:
            n = parent[n]
        return n

    # each name joins the shortest name whose key is a token prefix of its own (one dict lookup
    # per prefix, so a folder of thousands of organizations costs no more than their words)
    by_key: dict[str, str] = {}
    for name in sorted(names, key=lambda n: (len(keys[n].split()), len(keys[n]), n)):
        k = keys[name].split()
        if not k:
            continue
        for size in range(1 if k[0] not in GENERIC_FIRST else len(k), len(k)):
            shorter = by_key.get(" ".join(k[:size]))
            if size == 1 and len(k[0]) < 4 and not (shorter is not None and shorter.isupper() and len(k[0]) >= 2):
                continue  # "Abc" alone is too short to stand for a family; "ZQ", written as an
                # acronym, names "ZQ Exploration & Production Inc" after it
            if shorter is not None:
                parent[name] = root(shorter)
                break
        same = by_key.get(" ".join(k))
        if same is not None and name not in parent:
            parent[name] = root(same)  # one key, two spellings ("Acme & Co" and "Acme")
        by_key.setdefault(" ".join(k), name)
    # a name that is the tail of a longer one by two words or more joins it, when only one longer
    # name has that tail ("Ridge Foods", cut short by NER, is "Blue Ridge Foods")
    by_tail: dict[str, list[str]] = defaultdict(list)
    for other in names:
        ok = keys[other].split()
        if ok and ok[0] in GENERIC_FIRST | UNIT_FIRST:
            continue  # "Board of Acme", "Office of the Clerk": a body of the organization, not its full name
        for size in range(2, len(ok)):
            if ok[-size - 1] not in ("of", "for", "the", "at", "and", "&", "to", "in"):
                by_tail[" ".join(ok[-size:])].append(other)
    for name in names:
        k = keys[name]
        longer = by_tail.get(k, [])
        if name in parent or len(k.split()) < 2 or len(longer) != 1 or k.split()[0] in GENERIC_FIRST:
            continue
        target = root(longer[0])
        if target != name:
            parent[name] = target
    # a one-word, lower-cased label (an e-mail domain's) joins the name it abbreviates; candidates
    # share its first letters (or, for "Pharma", its whole last word)
    by_start: dict[str, list[str]] = defaultdict(list)
    by_last: dict[str, list[str]] = defaultdict(list)
    for other in names:
        ok = keys[other].split()
        if len(ok) >= 2:
            by_start[_squash(keys[other])[:2]].append(other)
            by_last[ok[-1]].append(other)
    by_squash: dict[str, str] = {}
    for other in sorted(names, key=lambda n: (-weight[n], n)):
        by_squash.setdefault(_squash(keys[other]), other)
    for name in names:
        k = keys[name]
        if name in parent or " " in k or len(k) < 5 or not (name[:1].isupper() and name[1:].islower()):
            continue
        # "Foxcorp", "Acmeinc": the label is a name and its legal suffix written together
        core = re.sub(r"(?:corp|inc|co|llc|group|holdings|usa|us)$", "", k)
        whole = by_squash.get(core) if len(core) >= 3 and core != k else None
        if whole is not None and whole != name:
            target = root(whole)
            if target != name:
                parent[name] = target
            continue
        for other in sorted(set(by_start.get(k[:2], [])) | set(by_last.get(k, [])), key=lambda n: (-weight[n], n)):
            ok = keys[other].split()
            if ok[0] in GENERIC_FIRST and not k.startswith(_squash(" ".join(ok[:2]))):
                continue
            if _squash(keys[other]) == k or _segments(k, ok) or (ok[-1] == k and len(k) >= 5) \
                    or _segments(k, _spelled_words(other)):  # "acmecorp": "Acme Corporation of Ohio"
                target = root(other)  # "Pharma" (pharma.com) for "Apex Pharma" too
                if target != name:
                    parent[name] = target
                break
    # a one-word name written together that a longer name writes apart, after its initials:
    # "Northgate" for "A. B. North Gate Works & Company" (initials, then the name in two words)
    by_joined: dict[str, list[str]] = defaultdict(list)
    for other in names:
        ok = [w for w in keys[other].split() if len(w) > 1]
        if len(ok) >= 3 and len(keys[other].split()) > len(ok):
            by_joined[ok[0] + ok[1]].append(other)
    for name in names:
        k = keys[name]
        if name in parent or " " in k or len(k) < 5 or len(by_joined.get(k, ())) != 1:
            continue
        target = root(by_joined[k][0])
        if target != name and root(name) != target:
            parent[root(target)] = root(name)  # the family keeps the short name the corpus uses
    families: dict[str, list[str]] = defaultdict(list)
    for name in names:
        families[root(name)].append(name)
    out: dict[str, str] = {}
    for core, members in families.items():
        core_key = keys[core]
        same_core = [m for m in members if keys[m] == core_key] or [core]
        best = max(same_core, key=lambda m: (weight[m], -len(m), m))
        for m in members:
            out[m] = best
    return out


HONORIFICS = re.compile(r"^(chief|mr|mrs|ms|dr|sen|senator|rep|representative|gov|governor|mayor|"
                        r"commissioner|councilmember|council member|president|judge|prof|professor|"
                        r"secretary|director|sheriff|officer|captain|general|minister)\.?\s+", re.I)


@lru_cache(maxsize=65536)
def person_key(name: str) -> str:
    """An honorific does not make another person: "Chief Jane Roe" is "Jane Roe"."""
    return HONORIFICS.sub("", name.strip()).lower()


_NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


def _person_id(name: str) -> tuple[str, str]:
    """(surname, first initial) of a full name; ("", "") for a single word."""
    k = [w for w in person_key(name).replace(".", " ").replace(",", " ").split() if w not in _NAME_SUFFIXES]
    return (k[-1], k[0][:1]) if len(k) >= 2 else ("", "")


def same_person(a: str, b: str) -> bool:
    """"Ray Roe" and "Raymond Roe", "Dr. Jane Roe" and "Jane Roe", "Thomas E. Roe Jr." and
    "Thomas E. Roe": one surname, one first initial."""
    ia = _person_id(a)
    return bool(ia[0]) and ia == _person_id(b)


def _configured_person(speaker: str, configured: dict[str, str]) -> str:
    key = person_key(speaker)
    if key in configured:
        return key
    return next((k for k in configured if key.startswith(k + " ") and " " in k), "")


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
                if kept[members[key][pos]].document != st.document:
                    dup = members[key][pos]
                    break
        if dup is None:
            dup = next((n for n in reversed(by_claim[claim][-MERGE_WINDOW:])
                        if kept[n].document != st.document
                        and (not kept[n].speaker or not st.speaker or kept[n].speaker.lower() == st.speaker.lower())
                        and _same_claim(kept[n], st)), None)
        if dup is None:
            dup = next((n for n in reversed(by_org[(st.role, st.organization.lower())][-MERGE_WINDOW:])
                        if kept[n].document != st.document and _retold(kept[n], st)), None)
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
    drop = {stem(w) for w in _TELLING} | {stem(w.lower()) for w in (a.speaker + " " + b.speaker).split()}
    wa, wb = (_words(x.text) - drop for x in (a, b))
    short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    shared = len(short & long_)
    if bool(_NEGATED.search(a.text)) != bool(_NEGATED.search(b.text)):
        return False  # "X is addictive" and "X is not addictive" are two statements
    return shared >= 3 and shared >= RETOLD_SHARE * len(short)


_NEGATED = re.compile(r"(?i)\b(?:not|never|no|none|nothing|n't)\b|n't\b")


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


@dataclass
class _Config:
    """One claimcheck.yaml's people and focus, with the organizations made canonical."""

    people: dict[str, str]               # person as configured -> organization as configured
    focus: str                           # canonical
    person_org: dict[str, str]           # person as configured -> canonical organization
    configured: dict[str, str]           # person_key -> canonical organization
    people_keys: dict[str, str]          # person lower-cased -> person as configured
    known: dict[str, str]                # speaker -> the configured person it is ("" if none)


def _config(people: People, focus: str, canon: Mapping[str, str]) -> _Config:
    named = dict(people)
    return _Config(named, canon.get(focus, focus), {k: canon.get(v, v) for k, v in named.items()},
                   {person_key(k): canon.get(v, v) for k, v in named.items()},
                   {k.lower(): k for k in named}, {})


def build(statements: Sequence[Statement], documents: Sequence[Document] = (), *,
          people: Mapping[str, People] | None = None, quote_keys: Mapping[str, str] | None = None,
          ) -> list[Statement]:
    """The statements as the rest of the run sees them (see the module docstring).

    ``documents`` are the run's documents (their ``focus`` is their nearest config's);
    ``people`` maps a document id to its nearest config's people; ``quote_keys`` stands in for
    the text of documents whose text was emptied (:func:`claimcheck.ingest.quote_keys`). A
    statement whose document is not among ``documents`` is read with no config."""
    from .ingest import dropped_quotes

    dropped = dropped_quotes(documents, keys=quote_keys) if documents else set()
    if dropped:
        statements = [s for s in statements if s.document not in dropped]
    statements = _without_headlines(statements, documents)
    # "the company's general counsel, Jane Roe, wrote": a name the tagger took for an organization
    # is the speaker's own name, not who they speak for
    # (a one-word name is an organization that posts in its own name: "Acme" wrote "we lost data")
    statements = [evolve(s, organization="") if len(s.speaker.split()) >= 2 and s.organization
                  and not ORG_SHAPE.search(s.organization) and person_key(s.speaker) == person_key(s.organization)
                  else s for s in statements]
    people = people or {}
    # each document's config: its people and focus; configs shared by many documents once
    config_of: dict[str, tuple[People, str]] = {}
    configs: dict[tuple[People, str], _Config | None] = {((), ""): None}
    for d in documents:
        key = (people.get(d.id, ()), d.focus)
        configs.setdefault(key, None)
        config_of[d.id] = key
    names = [s.organization for s in statements]
    for p, focus in configs:
        names.extend(org for _, org in p)
        if focus:
            names.append(focus)
    owned = [pair for d in documents for pair in d.owners]
    names.extend(n for pair in owned for n in pair)
    canon = canonical_orgs(names)
    mentioned = {e for s in statements for e in s.entities if e[:1].isupper() and ORG_SHAPE.search(e)}
    families = org_families(canon, Counter(n for n in names if n), mentioned)
    canon = {spelling: families.get(name, name) for spelling, name in canon.items()}
    canon = owned_by(canon, owned)
    own_public = {d.id for d in documents if d.kind in PUBLIC_DOC_KINDS}  # the organizations' own documents
    statements = _fill_internal_orgs(statements, canon, {d.id for d in documents if d.kind in INTERNAL_DOC_KINDS},
                                     own_public)
    for key in configs:
        configs[key] = _config(*key, canon)
    # a speaker's organization found in one document is carried to the others (first found)
    learned: dict[str, str] = {}
    by_person: dict[tuple[str, str], str] = {}  # "Kenneth L. Roe" placed, "Ken Roe" elsewhere is the same person
    for st in statements:
        if st.speaker and st.organization and st.speaker not in learned:
            learned[st.speaker] = canon.get(st.organization, st.organization)
            by_person.setdefault(_person_id(st.speaker), learned[st.speaker])
    by_person.pop(("", ""), None)
    for st in statements:
        if st.speaker and st.speaker not in learned and _person_id(st.speaker) in by_person:
            learned[st.speaker] = by_person[_person_id(st.speaker)]
    empty = configs[((), "")]
    fixed = []
    for st in statements:
        cfg = configs[config_of[st.document]] if st.document in config_of else empty
        assert cfg is not None
        fixed.append(_placed(st, cfg, canon, learned))
    focused = {d for d, key in config_of.items() if key[1]}
    return merge_reports(scrutinized(with_term_aliases(fixed), focused), own_public)


def _without_headlines(statements: Sequence[Statement], documents: Sequence[Document]) -> list[Statement]:
    """A news story's headline ("Acme says study finds no effects") is the outlet's summary of
    what its story reports, not anyone's words: the story's own sentence is the statement."""
    titles = {d.id: {_squash(d.title.lower()), _squash(re.split(r"\s[|\-–—]\s", d.title)[0].lower())}
              for d in documents if d.kind == "news" and d.title}  # "Headline | The Daily": the headline
    if not titles:
        return list(statements)
    return [s for s in statements if not (s.document in titles and _squash(s.text.lower()) in titles[s.document])]


#: "PFAS-9, the chemical also called K9", "Project Nimbus, also known as N-2": one matter's two names.
_ALSO_CALLED = re.compile(r"\b(?P<a>[A-Za-z][A-Za-z0-9\-]{1,20})\s{0,2},?\s{0,2}(?:(?:the|a|an)\s{1,2}[a-z]{2,20}\s{1,2})?"
                          r"(?:also\s{1,2})?(?:called|known\s{1,2}as|dubbed)\s{1,2}(?P<b>[A-Za-z][A-Za-z0-9\-]{1,20})\b")


def with_term_aliases(statements: Sequence[Statement]) -> list[Statement]:
    """One matter's two names, learned from the texts ("exposure to PFAS-9, the chemical also
    called K9"): a statement that names either keys by both, so a record that says "K-9" and a
    claim that says "PFAS-9" can be paired. Only names the texts themselves give as the same."""
    pairs: dict[str, str] = {}
    for st in statements:
        if "call" not in st.text and "known" not in st.text and "dubbed" not in st.text:
            continue
        for m in _ALSO_CALLED.finditer(st.text):
            a, b = m["a"], m["b"]
            if (a[:1].isupper() or b[:1].isupper()) and _squash(a.lower()) != _squash(b.lower()) and a.lower() not in _STOP_NAMES:
                pairs[_squash(a.lower())] = b.lower()
                pairs[_squash(b.lower())] = a.lower()
    if not pairs:
        return list(statements)
    out = []
    for st in statements:
        # the names as the text writes them: a reader may keep "C-8" out of a sentence's topics
        said = {_squash(w.lower()) for w in re.findall(r"[A-Za-z0-9][A-Za-z0-9\-]{0,30}", st.text)}
        extra = [pairs[n] for n in sorted(said & pairs.keys())]
        extra = [t for t in dict.fromkeys(extra) if t not in st.topics]
        out.append(evolve(st, topics=st.topics + tuple(extra)) if extra else st)
    return out


_STOP_NAMES = frozenset({"it", "is", "was", "are", "were", "be", "and", "or", "what", "which", "who", "that", "this",
                         "something", "someone", "people", "group", "company", "program", "project", "process"})


def scrutinized(statements: Sequence[Statement], focused: set[str] = frozenset()) -> list[Statement]:
    """Whose public words are claims: with no configured focus, the organizations whose own
    internal records are in the folder (a reporter's folder holds the records of the
    organizations it checks). Anyone else's public words are a third party's. A folder with no
    internal record leaves each document's own reading as it was."""
    owners = {s.organization for s in statements if s.kind == "internal" and s.organization}
    if not owners:
        return list(statements)
    out = []
    for st in statements:
        if st.kind == "public" and st.role in ("claim", "third-party") and st.document not in focused and st.organization:
            role = "claim" if st.organization in owners else "third-party"
            if role != st.role:
                st = evolve(st, role=role)
        out.append(st)
    return out


def owned_by(canon: Mapping[str, str], owned: Sequence[tuple[str, str]]) -> dict[str, str]:
    """``canon`` with every spelling of a unit a text says another organization owns ("Acme Labs,
    a subsidiary of Apex") mapped to its owner's name (the owner of an owner too); a unit that
    would own itself through a cycle is left as it was."""
    parent: dict[str, str] = {}
    for child, owner in owned:
        c, o = canon.get(child, child), canon.get(owner, owner)
        if c and o and c != o and c not in parent:
            parent[c] = o

    def top(name: str) -> str:
        seen = {name}
        while name in parent and parent[name] not in seen:
            name = parent[name]
            seen.add(name)
        return name

    return {spelling: top(name) for spelling, name in canon.items()}


def _fill_internal_orgs(statements: Sequence[Statement], canon: Mapping[str, str],
                        records: set[str] = frozenset(), own_public: set[str] = frozenset()) -> list[Statement]:
    """An internal record whose own header named no organization belongs to the organization
    whose records make up the rest of the folder (the one most internal statements carry). When
    no record names one, it is the organization that speaks in the folder's own public documents
    (its press releases, posts, filings, letters), if one clearly does: a folder of a company's
    chat exports beside its own announcements is that company's."""
    counts = Counter(canon.get(s.organization, s.organization) for s in statements
                     if s.kind == "internal" and s.organization)
    if not counts:
        counts = Counter(canon.get(s.organization, s.organization) for s in statements
                         if s.kind == "public" and s.document in own_public and s.organization)
        if not counts or (len(counts) > 1 and counts.most_common(2)[1][1] * 3 > counts.most_common(1)[0][1]):
            return list(statements)
    (top, n), *rest = counts.most_common(2) + [("", 0)]
    if rest and rest[0][1] * 2 > n:
        return list(statements)  # no organization clearly owns the records
    return [evolve(s, organization=top) if s.kind == "internal" and not s.organization and (s.speaker or s.document in records)
            else s for s in statements]


def _placed(st: Statement, cfg: _Config, canon: Mapping[str, str], learned: Mapping[str, str]) -> Statement:
    """``st`` with its canonical organization and its role, read with its document's config."""
    def person_org(name: str) -> str | None:
        return cfg.person_org[name] if name in cfg.person_org else learned.get(name)

    if not st.speaker and st.organization.lower() in cfg.people_keys:  # NER took a person for an organization
        name = cfg.people_keys[st.organization.lower()]
        st = dataclasses.replace(st, speaker=name, organization=person_org(name) or "")
    org = canon.get(st.organization, st.organization) or person_org(st.speaker) or ""
    speaker_org = person_org(st.speaker)
    if st.kind == "public" and speaker_org is not None and speaker_org != org and st.role == "claim":
        org = speaker_org
    role = st.role
    if st.speaker and st.speaker not in cfg.known:
        cfg.known[st.speaker] = _configured_person(st.speaker, cfg.configured)
    known = cfg.known[st.speaker] if st.speaker else ""
    if known:  # the corpus config knows this person (NER may have run the name into the next word)
        org = cfg.configured[known]
        if st.speaker.lower() != known:
            st = dataclasses.replace(st, speaker=next(k for k in cfg.people if person_key(k) == known))
    if st.kind == "public" and role == "third-party" and not st.organization and org:
        role = "claim"  # a speaker extract could not place, whom the corpus places in an organization
    if st.kind == "public" and cfg.focus and role in ("claim", "third-party"):
        role = "claim" if org == cfg.focus else "third-party"
    return evolve(st, organization=org, role=role) if (org, role) != (st.organization, st.role) else st
