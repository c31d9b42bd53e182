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

The organization names are in :mod:`.orgs`, people's names in :mod:`.people`, the merging of
reports in :mod:`.reports`; this module places each statement (``build``).
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Mapping, Sequence

from ..ingest.headers import ORG_WORDS
from ..models import INTERNAL_DOC_KINDS, PUBLIC_DOC_KINDS, Document, Statement, evolve
# every name the corpus step had before it was split stays importable from here
from .orgs import (AGENCY_WORDS, GENERIC_FIRST, NEAR_MATCH, ORG_SHAPE, UNIT_FIRST, _initials, _segments,
                   _spelled_words, _squash, as_written, blended_names, canonical_orgs, initial_units, name_groups, org_families,
                   org_key, owned_by, placed_units, spelled_out)
from .people import HONORIFICS, _configured_person, _person_id, person_key, same_person
from .reports import MERGE_SIMILARITY, MERGE_WINDOW, RETOLD_SHARE, _finer, _retold, _same_claim, merge_reports

People = tuple[tuple[str, str], ...]   # (person, organization), as in CorpusConfig.people


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
          unit_heads: frozenset[str] | Sequence[str] = (),
          ) -> list[Statement]:
    """The statements as the rest of the run sees them (see the module docstring).

    ``documents`` are the run's documents (their ``focus`` is their nearest config's);
    ``people`` maps a document id to its nearest config's people; ``quote_keys`` stands in for
    the text of documents whose text was emptied (:func:`claimcheck.ingest.quote_keys`). A
    statement whose document is not among ``documents`` is read with no config.
    ``unit_heads``: the last words a unit of an organization is named by (rules/lexicon.yaml
    unit_heads: "Product Safety Engineering"), whose records are the records' owner's."""
    from ..ingest import dropped_quotes

    dropped = dropped_quotes(documents, keys=quote_keys) if documents else set()
    if dropped:
        statements = [s for s in statements if s.document not in dropped]
    statements = _without_headlines(statements, documents)
    # "the company's general counsel, Jane Roe, wrote": a name the tagger took for an organization
    # is the speaker's own name, not who they speak for
    # (a one-word name is an organization that posts in its own name: "Acme" wrote "we lost data")
    # (nor is an office that writes in its own name: "FROM: Acme Safety Commission")
    statements = [evolve(s, organization="") if len(s.speaker.split()) >= 2 and s.organization
                  and not ORG_SHAPE.search(s.organization) and not ORG_WORDS.search(s.organization)
                  and person_key(s.speaker) == person_key(s.organization)
                  else s for s in statements]
    statements = _organizations_as_speakers(statements)
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
    own_public = {d.id for d in documents if d.kind in PUBLIC_DOC_KINDS}  # the organizations' own documents
    # a unit and its owner are named as the organizations' own public documents most often name their voice
    voices = Counter(org for org, _doc in {(st.organization, st.document) for st in statements
                                           if st.document in own_public and st.organization})
    canon = owned_by(canon, owned, voices)
    canon = spelled_out(canon, {e for s in statements for e in s.entities})
    canon = placed_units(canon)
    canon = initial_units(canon)
    canon = as_written(canon, (s.text for s in statements))
    canon = blended_names(canon, Counter(canon.get(s.organization, s.organization) for s in statements))
    canon = units_of_owner(canon, statements, frozenset(unit_heads), own_public)
    statements = _fill_internal_orgs(statements, canon, {d.id for d in documents if d.kind in INTERNAL_DOC_KINDS},
                                     own_public)
    for key in configs:
        configs[key] = _config(*key, canon)
    # a speaker's organization found in one document is carried to the others (first found)
    learned: dict[str, str] = {}
    by_person: dict[tuple[str, str], str] = {}  # "Kenneth L. Roe" placed, "Ken Roe" elsewhere is the same person
    # (a person's own document first, where its header names the organization: the release she signs
    # places her, not a news story's guess)
    headed = {d.id: d.organization for d in documents if d.id in own_public and d.organization}
    for st in sorted(statements, key=lambda s: not (s.document in headed and s.organization
                                                    and canon.get(s.organization, s.organization)
                                                    == canon.get(headed[s.document], headed[s.document]))):
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
    fixed = onto_record_owner(fixed, [d for d in documents if d.id not in focused])
    fixed = _one_channel(fixed)
    return merge_reports(scrutinized(with_folder_phrases(with_term_aliases(fixed)), focused), own_public)


def _organizations_as_speakers(statements: Sequence[Statement]) -> list[Statement]:
    """A "speaker" that is an organization the folder names in full elsewhere ("Globex Vinyls said
    ...", where a witness list has "Globex Vinyls LP"; "Acme said", where a release is signed "Acme
    Group"): the tagger took the name for a person's.
    The statement is the organization's, with no person."""
    full: dict[str, str] = {}
    firsts: dict[str, set[str]] = {}  # the first word of a name of two or more words: "Acme" of "Acme Deutschland"
    for s in statements:
        if s.organization and ORG_WORDS.search(s.organization):
            full.setdefault(org_key(s.organization), s.organization)
        words = s.organization.split()
        if len(words) >= 2 and words[0][:1].isupper() and words[0].isalpha():
            firsts.setdefault(words[0].lower(), set()).add(s.organization)
    surnames = {w.lower() for s in statements if len(s.speaker.split()) >= 2 for w in s.speaker.split()[1:]}
    for s in statements:
        word = s.speaker.lower()
        if s.speaker and " " not in s.speaker and word not in surnames and org_key(s.speaker) not in full \
                and len(firsts.get(word, ())) == 1:
            # "Acme said" (a name the tagger took for a person's, nobody in the folder has as a surname) where
            # the folder names one organization "Acme Deutschland": that organization
            full[org_key(s.speaker)] = next(iter(firsts[word]))
    out = []
    for s in statements:
        if s.speaker and s.kind == "public" and org_key(s.speaker) == org_key(s.organization):
            s = evolve(s, speaker="")  # "Acmebank states the following" in its own release: no person speaks
        elif s.speaker and s.kind == "public" and s.organization != s.speaker:
            # (one word too: "Acme had told reporters", where a release is signed "Acme Group")
            org = full.get(org_key(s.speaker))
            if org and org != s.organization:
                s = evolve(s, speaker="", organization=org)
        out.append(s)
    return out


def _unit_name(name: str, heads: frozenset[str]) -> bool:
    """A unit's name ("Tachy Product Engineering", "Mobile Communications Business"): its last word
    is a unit's, it carries no legal form and is no body "of" or "on" something ("Department of
    Justice", "Committee on Finance")."""
    words = name.split()
    # ("Site quality department": a department described in lower case is a unit; "Ashford Police
    # Department", a name, is a body of its own)
    described = len(words) > 1 and words[-1] == "department" and any(w[:1].islower() for w in words[1:-1])
    low = [w.lower().strip(".,'’") for w in words]
    if len(low) >= 2 and low[-1] == "office" and set(low[:-1]) <= _OFFICE_FUNCTIONS:
        return True  # "Public Information Office", "Press Office": the organization's own office, no body of its own
    office_of = re.fullmatch(r"(?i)office of (?:the )?(?P<rest>.+)", name.strip())
    if office_of and set(office_of["rest"].lower().replace("-", " ").split()) <= _OFFICE_FUNCTIONS | _HOLDERS:
        return True  # "Office of the CEO", "Office of Admissions": a unit of the organization, named by what it does
    return bool(words) and (low[-1] in heads or described) and not _LEGAL_NAME.search(name) \
        and not re.search(r"(?i)\b(?:of|on|for)\b", name)


#: What an organization's own office is named by: "Press Office", "Public Information Office", "Office of Admissions".
_OFFICE_FUNCTIONS = frozenset({"press", "media", "public", "information", "communications", "communication", "ticket",
                               "ticketing", "admissions", "registrar", "records", "front", "back", "program", "programme",
                               "project", "news", "relations", "affairs", "corporate", "executive", "general", "head",
                               "main", "branch", "regional", "district", "field", "sales", "box", "post", "mail"})
#: Whose office it is, by their title: "Office of the CEO", "Office of the Chief Executive and General Counsel".
_HOLDERS = frozenset({"ceo", "cfo", "coo", "chief", "executive", "officer", "chairman", "chair", "chairperson",
                      "director", "managing", "and", "general", "counsel", "principal", "dean", "provost"})
# (not "Office of the President", "Office of the Secretary": a government's as often as a company's)


_LEGAL_NAME = re.compile(r"(?i)\b(?:inc|incorporated|corp|corporation|co|company|ltd|limited|llc|plc|ag|gmbh|l\.?p|s\.?a)\b\.?")


def units_of_owner(canon: Mapping[str, str], statements: Sequence[Statement], heads: frozenset[str],
                   own_public: set[str] = frozenset()) -> dict[str, str]:
    """A unit the folder names as a record's writer or as the voice of an organization's own
    document ("FROM: Director, Tachy Product Engineering") belongs to the organization that
    clearly owns the folder's internal records (twice as many as any other), when the unit's name
    is none of that owner's: the unit's records are the owner's own. A name a news story gives
    ("the agency's Public Safety ... Bureau") is not taken for a unit."""
    out = dict(canon)
    if not heads:
        return out
    key = lambda o: out.get(o, o)  # noqa: E731
    owners = Counter(key(s.organization) for s in statements if s.kind == "internal" and s.organization
                     and not _unit_name(key(s.organization), heads))
    if not owners:  # no record names its owner: the organization the folder's own public documents speak for
        owners = Counter(key(s.organization) for s in statements if s.document in own_public and s.organization
                         and not _unit_name(key(s.organization), heads))
    if not owners:
        return out
    (top, n), *rest = owners.most_common(2) + [("", 0)]
    if rest[0][1] * 2 > n:
        return out  # no organization clearly owns the records
    # a name that speaks in two or more of the folder's own public documents (a team's releases
    # under its own name: "ACME F1 TEAM -- STATEMENT") and has a record of its own beside the
    # owner's is an organization of its own, not a unit
    issuers = Counter(key(o) for o, _d in {(s.organization, s.document) for s in statements
                                           if s.document in own_public and s.organization})
    recorded = {key(s.organization) for s in statements if s.kind == "internal" and s.organization}
    for spelling in {s.organization for s in statements if s.organization and (s.kind == "internal" or s.document in own_public)}:
        name = key(spelling)
        if name != top and _unit_name(name, heads) and not (issuers[name] >= 2 and name in recorded):
            out[spelling] = top
    return out


def onto_record_owner(statements: Sequence[Statement], documents: Sequence[Document]) -> list[Statement]:
    """A news story's unnamed voice ("the company said: ...") speaks for the organization the
    reader guessed the story is about; with no configured focus that guess is now and then a
    product, a group or a city office. When one organization clearly owns the folder's internal
    records, the story names it and the guessed one owns none, the statement is that owner's.
    A statement whose speaker is named, or whose organization the sentence itself names, keeps it."""
    counts = Counter(s.organization for s in statements if s.kind == "internal" and s.organization)
    if not counts:
        return list(statements)
    (top, n), *rest = counts.most_common(2) + [("", 0)]
    if rest[0][1] * 2 > n:
        return list(statements)  # no organization clearly owns the records
    words = [w for w in re.findall(r"[A-Z][A-Za-z\-]+", top) if not ORG_SHAPE.fullmatch(w)]
    if not words:
        return list(statements)
    # any distinctive word of its name: "Springfield Rockets" is named by "the Rockets" too
    named = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words if len(w) >= 4 or w == words[0]) + r")\b")
    news = {d.id for d in documents if d.kind == "news"}  # (a document's text may be emptied by now)
    stories = {s.document for s in statements if s.document in news
               and (named.search(s.text) or any(named.search(e) for e in s.entities))}
    body = lambda org: bool(set(org.lower().split()) & AGENCY_WORDS)  # noqa: E731
    # "company spokesman Jane Roe said" in a story about an agency and a company: the company's
    # officer, whom the reader left unplaced, is the records' owner's (her other unplaced sentences too)
    officers = {(s.document, s.speaker) for s in statements if s.document in stories and s.kind == "public"
                and not s.organization and s.speaker and not body(top) and _COMPANY_VOICE.search(s.text)}
    out = [evolve(s, organization=top) if s.document in stories and s.kind == "public" and (
               s.organization and s.organization[:1].isupper() and s.organization not in counts and not s.speaker
               and not _names(s.organization, s)  # ("a consumer group": a description, no guess at a name)
               or not s.organization and (s.document, s.speaker) in officers)
           else s for s in statements]
    return _own_voice_of_owner(out, documents, top, named, set(counts))


#: Documents whose voices are their speakers', not their publisher's (a clerk's transcript of a hearing).
SPOKEN_KINDS = frozenset({"testimony", "interview", "speech"})


#: A speaker named as a company's: "company spokesman", "the company's spokeswoman", "a company official".
_COMPANY_VOICE = re.compile(r"(?i)\b(?:the\s+)?company(?:'s)?\s+(?:[a-z]+\s+){0,3}?(?:spokes\w+|official|officer|chief|head|"
                            r"director|representative|executive|statement)")


def _own_voice_of_owner(statements: list[Statement], documents: Sequence[Document], top: str, named: re.Pattern[str],
                        owners: set[str]) -> list[Statement]:
    """An organization's own post, release or page that no header or publisher placed is read as the voice of
    the organization it names most; that guess can be a firm it only mentions ("we send orders to
    firms such as Globex"). When the document names the owner of the folder's records at least as
    often as the guessed one, which owns no record, or when its author names the owner ("author: Acme
    Iron Ore, Perth"), its voice is the owner's."""
    guessed = {d.id: d.title for d in documents if d.kind in PUBLIC_DOC_KINDS and not d.organization
               and (not d.publisher or d.kind in SPOKEN_KINDS)}
    spoken = {d.id for d in documents if d.kind in SPOKEN_KINDS}
    # (a page its site names, "| Acme Civil Liberties Union", is that publisher's voice, whoever it
    # names most; a hearing's transcript is its speakers', whoever published it)
    texts: dict[str, list[str]] = defaultdict(list)
    orgs_of: dict[str, set[str]] = defaultdict(set)  # each guessed document's organizations, read once
    for s in statements:
        if s.document in guessed and s.kind == "public":
            texts[s.document].append(s.text)
            orgs_of[s.document].add(s.organization)
    authors = {d.id: d.author for d in documents if d.id in guessed}
    moved: dict[tuple[str, str], bool] = {}
    for doc, said in texts.items():
        body = "\n".join([guessed[doc]] + said)
        mine = len(named.findall(body))
        signed = bool(named.search(authors.get(doc, "")))  # "author: Acme Iron Ore, Perth": the owner signs it
        for org in orgs_of[doc]:
            if org in owners or not (mine or signed):
                continue
            if signed and doc not in spoken:
                moved[(doc, org)] = True
                continue
            if not org:  # nobody placed: the organization the document names, whose records these are
                moved[(doc, org)] = doc not in spoken  # (a hearing's unplaced voices are its other speakers)
                continue
            if doc in spoken and _LEGISLATURE.search(org):
                continue  # a hearing's members speak for their house, however often the witness is named
            words = [w for w in re.findall(r"[A-Z][A-Za-z\-]+", org) if not ORG_SHAPE.fullmatch(w)]
            moved[(doc, org)] = bool(words) and mine >= len(re.findall(r"\b" + re.escape(words[0]) + r"\b", body))
    # (a named speaker of a transcript keeps the organization their turn was read with: "JANE ROE (Director-
    # General, Acme Ministry):" briefing on the company speaks for the ministry, however often the company is named)
    # (its publisher's name, "City of Ashford, office of the clerk", is no organization a turn gave its speaker)
    default = {d.id: {d.organization, d.publisher} for d in documents if d.id in spoken}
    return [evolve(s, organization=top) if moved.get((s.document, s.organization))
            and not (s.document in spoken and s.speaker and s.organization and s.organization not in default[s.document])
            else s for s in statements]


#: A legislature's, a committee's or a court's name, or a lawyer's party: who asks and presides at a hearing
#: ("Counsel for the family", "Northgate Coroner's Court").
_LEGISLATURE = re.compile(r"(?i)\b(?:house of|senate|parliament|congress|assembly|legislative|committee|council|"
                          r"commission of inquiry|inquiry|court|tribunal|coroner|inquest)\b|^counsel for\b")


def _names(org: str, st: Statement) -> bool:
    """Does the statement name ``org`` itself: whole ("the report says",
    "Musk replied") or by its initials ("The NSB said")?"""
    low, key = org.lower(), org_key(org)
    if low in st.text.lower() or any(low in e.lower() for e in st.entities):
        return True
    if len(key) >= 4 and re.search(r"(?<![a-z0-9])" + re.escape(key) + r"(?![a-z0-9])", st.text.lower()):
        return True  # "Globex Vinyls said", the organization being "Globex Vinyls LP"
    words = re.findall(r"[A-Z][a-z]+", org)
    initials = "".join(w[0] for w in words)
    return len(initials) > 1 and any(len(a) > 1 and a in initials for a in re.findall(r"\b[A-Z]{2,}\b", st.text))


def _without_headlines(statements: Sequence[Statement], documents: Sequence[Document]) -> list[Statement]:
    """A news story's headline ("Acme says study finds no effects") is the outlet's summary of
    what its story reports, not anyone's words: the story's own sentence is the statement."""
    titles = {d.id: {_squash(d.title.lower()), _squash(re.split(r"\s[|\-–—]\s", d.title)[0].lower())}
              for d in documents if d.kind == "news" and d.title}  # "Headline | The Daily": the headline
    if not titles:
        return list(statements)
    return [s for s in statements if not (s.document in titles and _squash(s.text.lower()) in titles[s.document])]


#: "PFAS-9, the chemical also called K9", "Project Nimbus, also known as N-2": one matter's two names.
#: A bare "X called Y" is speech ("Acme called the report a hit job"): a second name needs a comma,
#: "also" or "known as" before it.
_ALSO_CALLED = re.compile(r"\b(?P<a>[A-Za-z][A-Za-z0-9\-]{1,20})(?:\s{0,2},\s{0,2}(?:(?:the|a|an)\s{1,2}[a-z]{2,20}\s{1,2})?"
                          r"(?:also\s{1,2})?|\s{1,2}also\s{1,2}|\s{1,2}(?=known\s))"
                          r"(?:called|known\s{1,2}as|dubbed)\s{1,2}(?P<b>[A-Za-z][A-Za-z0-9\-]{1,20})\b")


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
            if (a[:1].isupper() or b[:1].isupper()) and _squash(a.lower()) != _squash(b.lower()) \
                    and a.lower() not in _STOP_NAMES and b.lower() not in _STOP_NAMES:
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


def with_folder_phrases(statements: Sequence[Statement]) -> list[Statement]:
    """A two-word matter one statement of the folder is about ("herd immunity"), given to every other
    statement whose words say it: the tagger may have read "get to herd immunity" as a verb and a
    noun, and a record and a claim on one matter must share its name to be paired. Only phrases the
    folder's own statements have as topics; words of two letters or more, in the text's order."""
    phrases = {t for st in statements for t in st.topics
               if t.count(" ") == 1 and all(len(w) > 2 and w.isalpha() for w in t.split())}
    if not phrases:
        return list(statements)
    out = []
    for st in statements:
        words = re.findall(r"[a-z]+", st.text.lower())
        extra = [b for b in dict.fromkeys(f"{a} {b}" for a, b in zip(words, words[1:]))
                 if b in phrases and b not in st.topics]
        out.append(evolve(st, topics=st.topics + tuple(extra)) if extra else st)
    return out


_STOP_NAMES = frozenset({"the", "a", "an", "it", "its", "them", "him", "her", "is", "was", "are", "were", "be", "and", "or", "what", "which", "who", "that", "this",
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



#: The id of one message of a chat export (claimcheck.ingest.chat: parts "m1", "m2", ...).
_CHAT_PART = re.compile(r"-m\d+$")


def _one_channel(statements: list[Statement]) -> list[Statement]:
    """A chat export is one organization's channel: a writer it gives no organization writes in the
    one its other writers are placed in ("Fleet Operations" is Acme's, so is "Jane Roe" beside it)."""
    channel: dict[str, set[str]] = defaultdict(set)
    for s in statements:
        if s.kind == "internal" and s.organization and _CHAT_PART.search(s.document):
            channel[s.source.path].add(s.organization)
    if not channel:
        return statements
    return [evolve(s, organization=next(iter(channel[s.source.path])))
            if s.kind == "internal" and not s.organization and _CHAT_PART.search(s.document)
            and len(channel.get(s.source.path, ())) == 1 else s for s in statements]


def _fill_internal_orgs(statements: Sequence[Statement], canon: Mapping[str, str],
                        records: set[str] = frozenset(), own_public: set[str] = frozenset()) -> list[Statement]:
    """An internal record whose own header named no organization belongs to the organization
    whose records make up the rest of the folder (the one most of the record documents'
    statements carry). When no record document names one, it is the organization that speaks in
    the folder's own public documents (its press releases, posts, filings, letters), if one
    clearly does: a folder of a company's chat exports beside its own announcements is that
    company's. Only then do records a news story retells count ("documents show that ..."): the
    story may place them by the product or the journal it names most."""
    key = lambda s: canon.get(s.organization, s.organization)  # noqa: E731
    counts = Counter(key(s) for s in statements if s.kind == "internal" and s.organization and s.document in records)
    if not counts:
        counts = Counter(key(s) for s in statements if s.kind == "public" and s.document in own_public and s.organization)
        if len(counts) > 1 and counts.most_common(2)[1][1] * 3 > counts.most_common(1)[0][1]:
            counts = Counter()  # no organization clearly speaks in them
    if not counts:
        counts = Counter(key(s) for s in statements if s.kind == "internal" and s.organization)
    if not counts:
        return list(statements)
    # a writer the folder already places ("Jane Roe" speaks for Acme in its public statements)
    # writes for that organization, whoever owns most of the folder's records
    ids: dict[str, tuple[str, str]] = {}  # a speaker's person id, once per name
    pid = lambda name: ids[name] if name in ids else ids.setdefault(name, _person_id(name))  # noqa: E731
    writers = {pid(s.speaker) for s in statements if s.kind == "internal" and not s.organization and s.speaker}
    known: dict[tuple[str, str], str] = {}
    for s in statements:
        if s.speaker and s.organization and len(s.speaker.split()) >= 2 and pid(s.speaker) in writers:
            known.setdefault(pid(s.speaker), canon.get(s.organization, s.organization))
    known.pop(("", ""), None)
    (top, n), *rest = counts.most_common(2) + [("", 0)]
    unclear = bool(rest and rest[0][1] * 2 > n)  # no organization clearly owns the records
    out = []
    for s in statements:
        if s.kind == "internal" and not s.organization and (s.speaker or s.document in records):
            org = known.get(pid(s.speaker), "") if s.speaker else ""
            if org or not unclear:
                s = evolve(s, organization=org or top)
        out.append(s)
    return out


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
