"""Organization names, decided once over a run: one canonical name for every spelling
(:func:`canonical_orgs`), names written shorter, longer or as a domain label grouped into one
family (:func:`org_families`), and units a text says another organization owns mapped to it
(:func:`owned_by`). Part of the corpus step (:mod:`claimcheck.corpus`)."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from typing import Iterable, Mapping, Sequence

from rapidfuzz import fuzz, process

_SUFFIX = re.compile(r"\b(inc|incorporated|corp|corporation|co|company|ltd|limited|llc|plc|group|holdings|the)\b\.?", re.I)
#: International legal forms and country tails that end a name without being part of it (the key
#: is already lower-case, punctuation turned to spaces: "S.A." is "s a").
_TAIL = re.compile(r"\s(?:ag|se|s a|sa|a s|gmbh|tbk|bhd|sdn bhd|ltda|s a de c v|s de r l|n v|nv|b v|bv|s p a|spa|kgaa|k k|kk|ab|oyj|oy|asa|pty|s a r l|sarl|"
                   r"sas|srl|s r l|pte|llp|l p|lp|kg|n a|na|usa|u s a|u s|us|uk|u k)$")
#: Letters no decomposition takes to a Latin base letter ("Kızılay", "Łódź", "Øresund"): their plain forms.
UNDECOMPOSED = str.maketrans({"ı": "i", "İ": "I", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D",
                               "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "ð": "d"})
NEAR_MATCH = 92          # rapidfuzz ratio for two spellings of one organization


#: A word joined to the next in CamelCase ("GlobexKline"): two lower-case letters, then a capital
#: and a lower-case letter, so "McDonald", "JPMorgan" and "iPhone" stay one word.
_CAMEL = re.compile(r"(?<=[a-z]{2})(?=[A-Z][a-z])")


#: A government house by its field, in an organization's key: "ministry of fair trade", "national department of fair trade".
_HOUSE_OF = re.compile(r"(?:national |federal |state |provincial )?(?:ministry|department|dept) (?:of|for) (?:the )?(?P<field>.+)$")


def org_key(name: str) -> str:
    """The spelling-free key of an organization's name: no case, legal suffix, possessive or
    accent ("ÉCOLE RÜHL" and "Ecole-ruhl" are one key)."""
    name = unicodedata.normalize("NFKD", name.translate(UNDECOMPOSED))
    name = "".join(c for c in name if not unicodedata.combining(c))
    name = _CAMEL.sub(" ", name)  # "NorthGateKline" is "North Gate Kline": its words and its initials
    key = _SUFFIX.sub(" ", name.lower().replace("’", "'"))
    key = re.sub(r"'s\b", "", key)
    key = re.sub(r"[^a-z0-9&]+", " ", key).strip()
    key = re.sub(r"^united states (?!of\b)", "u s ", key)  # "United States Acme Service" is "U.S. Acme Service"
    while key.endswith((" &", " and")):  # "Acme Chase & Co." without its suffix: the name ends before "&"
        key = key.rsplit(" ", 1)[0]
    lead = re.match(r"(?:pt|cv|ooo|oao|zao|pao|jsc|ojsc) (?=\S+ \S)", key)
    if lead:
        key = key[lead.end():]  # "PT Acme Indonesia Tbk", "OOO Acme": a legal form written before the name
    while True:  # "Acme AG", "Acme S.A.", "Acme Sales, U.S.A.": a trailing legal form or country is no name word
        tail = _TAIL.search(key)
        before = key[:tail.start()].rstrip(" &") if tail else ""
        if not tail or not re.search(r"[a-z0-9]", re.sub(r"\b(?:of|the|and|for)\b", "", before)) \
                or before.rsplit(" ", 1)[-1] in ("of", "the", "for", "in", "and"):
            return key  # "AG" alone, "Bank of the US": the tail is the name
        key = before


def _initials(key: str) -> str:
    words = [w for w in key.split() if w not in ("of", "for", "and", "&", "on", "the", "u", "s")]
    return "".join(w[0] for w in words) if len(words) > 1 else ""


def head_initial_keys(key: str) -> list[str]:
    """A lower-case name with its first two to five words written as their initials, the rest as
    they are: "north eastmoor state department of parks" -> ["ne state department of parks",
    "nes department of parks", ...] (no small word among the initialled ones, one word left)."""
    words = key.split()
    return [" ".join(["".join(w[0] for w in words[:j])] + words[j:]) for j in range(2, min(5, len(words) - 1) + 1)
            if all(w not in ("of", "for", "and", "&", "the") for w in words[:j])]


def _spelled_words(name: str) -> list[str]:
    """The name's words as written, legal words kept: "Acme Corporation of Ohio" ->
    ["acme", "corporation", "of", "ohio"] (whose initials give "ACO", and whose domain label may
    be "acmecorp")."""
    name = unicodedata.normalize("NFKD", name.translate(UNDECOMPOSED))
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
    by_head: dict[str, int] = {}  # "nes department of parks": a name's first words by their initials
    key_of = {name: org_key(name) for name in counts}
    for name, _ in sorted(counts.items(), key=lambda kv: (-len(key_of[kv[0]]), kv[0])):
        k = key_of[name]
        if not k:
            continue
        candidates = [by_key.get(k), by_initials.get(k.replace(" ", "")), by_head.get(k)]
        if "&" in k and " " not in k:  # "AG&E", "A&T": the "&" stands for the "and" initials leave out
            candidates.append(by_initials.get(k.replace("&", "")))
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
        for head in head_initial_keys(k):  # ("North Eastmoor State Department of Parks" is the "NES Department of Parks")
            by_head.setdefault(head, n)
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
        place = _GOVERNMENT_OF.fullmatch(k)
        if place:  # "City of Northgate" is the "Northgate" an address or a short mention names
            by_first.setdefault(place["place"], n)
    return name_groups(groups, counts)


#: A government named by its place: "city of northgate", "government of northgate" (an org key).
_GOVERNMENT_OF = re.compile(r"(?:(?:city|town|county|municipality|borough|village|shire|district|region|province|government|"
                            r"state|commonwealth|republic|kingdom)\s(?:of|de|du)|land|freistaat|stadt|kanton)\s(?P<place>[a-z0-9]{4,30})")


def name_groups(groups: list[list[str]], counts: Counter[str]) -> dict[str, str]:
    """Every spelling of each group -> the group's name: its most frequent longest form."""
    out: dict[str, str] = {}
    for g in groups:
        # a slug ("acmenetwork", a workspace's or a domain's spelling of "Acme Network") names
        # no group that has the name in words
        spaced = {org_key(n).replace(" ", "") for n in g if " " in org_key(n)}
        best = max(g, key=lambda n: (" " in org_key(n) or org_key(n) not in spaced,
                                     counts[n] + (2 if " " in n.strip() else 0), len(n), n))
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


#: Words of an organization's form a shorter name of it may leave out ("Acme State" University).
_FORM_TAILS = frozenset({"university", "college", "institute", "school", "hospital", "company", "corporation", "group"})

#: What a company's one-word name may run on into past the short form it is also called by
#: ("Acmegroup" for "Acme").
_CLIPPED_TAILS = ("group", "corp", "bank", "co")

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


#: A group's or a holding company's name: "Acme Holdings Limited", "Acme Group".
_GROUP = re.compile(r"(?i)\b(?:holdings?|group|groupe|gruppe|grupo|gruppo)\b")


def syllabic(label: str, words: list[str]) -> bool:
    """Is ``label`` ("acmex") the first two or more letters of each word of a two- or three-word
    name in turn ("Acmeros Mexteca": ac + mex)? The short name a company is known by, made of the
    first syllables of its legal name's words."""
    words = [w for w in words if w not in ("of", "and", "&", "the", "de", "del", "la")]
    if not 2 <= len(words) <= 3 or len(label) < 5:
        return False

    def fit(i: int, j: int) -> bool:
        if j == len(words):
            return i == len(label)
        return any(label[i:i + k] == words[j][:k] and fit(i + k, j + 1) for k in range(2, min(len(words[j]), len(label) - i) + 1))
    return fit(0, 0)


def _acronym_fits(acronym: str, key_words: list[str]) -> bool:
    """Is ``acronym`` ("aal") every word's initial in order, with letters from inside a word after
    its initial ("acme airlines": a, a, then airlines' l)? Two words at least; "of/and/the" may
    give nothing."""
    words = [w for w in key_words if w not in ("of", "and", "&", "the", "for")]
    if len(words) < 2 or len(words) > len(acronym):
        return False

    def fit(i: int, j: int) -> bool:  # acronym[i:] from words[j:]
        if j == len(words):
            return i == len(acronym)
        w = words[j]
        if i >= len(acronym) or w[0] != acronym[i]:
            return False
        i += 1
        if fit(i, j + 1):
            return True
        pos = 1
        while i < len(acronym):  # more letters of this word, in order
            pos = w.find(acronym[i], pos) + 1
            if not pos:
                return False
            i += 1
            if fit(i, j + 1):
                return True
        return False
    return fit(0, 0)


#: Head words of an agency's name that a shorter form leaves off ("Water Supply"); a board or a
#: council of a company is a body of it, not the company.
_AGENCY_HEADS = frozenset({"department", "ministry", "bureau", "office", "agency", "administration", "directorate",
                           "secretariat"})


#: Words a domain's label adds after an organization's one-word name: "acmesites", "acmegroup".
_DOMAIN_TAILS = frozenset({"sites", "site", "group", "online", "global", "world", "mail", "intl", "corp"})


def org_families(canonical: Mapping[str, str], counts: Counter[str], mentioned: Iterable[str] = ()) -> dict[str, str]:
    """Group names that are one organization written shorter or longer: "Acme Trust" and "Acme
    Trust Bank, N.A." (a token prefix after legal suffixes), "Apex" and "Apex Research and
    Engineering Company" (a unit named after its parent), and an e-mail domain's label
    ("Acmetrust", "Usdoj", "Apexchem") with the name it abbreviates. Each family is named by
    its core (the shortest key that prefixes the others), spelled as the corpus most often does."""
    # names the texts mention (entities) may name a family whose members the statements carry
    # only in short ("Apextoys" from an address, "Apex Toys Inc" in a signature)
    names = sorted(set(canonical.values()) | {m for m in mentioned if m and len(org_key(m).split()) >= 2})
    # an acronym that begins two of the names ("ACM Texas City", "ACM Products North America"):
    # the family both belong to, named by it
    # (not one the folder spells out: "ACM Labs" and "ACM Field Services" beside "Apex Chemical
    # Manufacturing" are that company's, as the initials below say)
    firsts = Counter(n.split()[0] for n in set(canonical.values()) if len(n.split()) >= 2
                     and re.fullmatch(r"[A-Z][A-Z&]{1,5}", n.split()[0]))
    keys = {n: org_key(n) for n in names}
    spelled = {_initials(k) for k in keys.values()}
    cores = {a for a, c in firsts.items() if c >= 2 and a.replace("&", "").lower() not in spelled}
    keys.update((a, org_key(a)) for a in cores)
    names = sorted(set(names) | cores)
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
    # a ministry and the department of the same field are one body where the folder names both ("Ministry
    # of Fair Trade" over a minister's briefing, "National Department of Fair Trade" on its submissions)
    houses: dict[str, list[str]] = defaultdict(list)
    for name in names:
        field = _HOUSE_OF.match(keys[name])
        if field and name not in parent:
            houses[field["field"]].append(name)
    for same_field in houses.values():
        if len(same_field) > 1:
            head = max(same_field, key=lambda n: (weight.get(n, 0), n))
            for name in same_field:
                if name != head and root(name) != root(head):
                    parent[name] = root(head)
    # a unit named after its parent's acronym ("AGE Field Services", "AG&E Labs"), when the folder
    # spells the parent out ("Apex Gas and Electric Company") and no other name has those initials
    by_name_initials: dict[str, set[str]] = defaultdict(set)
    for other in names:
        ini = _initials(keys[other])
        if len(ini) >= 3:
            by_name_initials[ini].add(other)
    for name in names:
        words = name.split()
        letters = words[0].replace("&", "").replace(".", "") if words else ""
        if name in parent or len(words) < 2 or len(letters) < 3 or not (
                re.fullmatch(r"[A-Z][A-Z&.]{1,10}", words[0]) or re.fullmatch(r"[A-Z][a-z]{2,3}", words[0])):
            continue  # (a letterhead in capitals given title case: "Acm Field Services" of "ACM FIELD SERVICES")
        family = {root(o) for o in by_name_initials.get(letters.lower(), ()) if o != name} - {root(name)}
        if len(family) == 1:
            parent[name] = family.pop()
    # an acronym that takes more than the initials ("AAL" for "Acme Airlines": A, A and airLines'
    # l), when no name has it as its initials and exactly one name's words give it so
    by_letter: dict[str, list[str]] = defaultdict(list)
    for other in names:
        if len(keys[other].split()) >= 2:
            by_letter[keys[other][0]].append(other)
    for name in names:
        if name in parent or not re.fullmatch(r"[A-Z]{3,5}", name) or name.lower() in by_name_initials:
            continue
        family = {root(o) for o in by_letter.get(name[0].lower(), ()) if _acronym_fits(name.lower(), keys[o].split())} - {root(name)}
        if len(family) == 1:
            parent[name] = family.pop()
    # a name written "A.B. Roe - Northgate" (a founder's name, a dash, the name the corpus uses):
    # its last part is the family of the names that part begins
    by_first_word: dict[str, list[str]] = defaultdict(list)
    for other in names:
        ok = keys[other].split()
        if ok and len(ok[0]) >= 4 and ok[0] not in GENERIC_FIRST:
            by_first_word[ok[0]].append(other)
    for name in names:
        parts = re.split(r"\s[-–—]\s", name)  # spaced: "Acme-Style" is one word
        last = org_key(parts[-1]).split() if len(parts) >= 2 else []
        if name in parent or not last:
            continue
        if len(last) == 1:
            family = {root(o) for o in by_first_word.get(last[0], ()) if o != name} - {name}
        else:  # "ACME - NORTHGATE REFINING" over the records of "Northgate Refining S.A.": a group, then its company
            tail = " ".join(last)
            family = {root(o) for o in names if o != name and (keys[o] == tail or keys[o].startswith(tail + " "))} - {name}
        if family:  # the family the corpus names most
            parent[name] = max(family, key=lambda f: (weight[f], f))
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
    def family_weights() -> Counter[str]:
        """Each family's weight as it stands (its names', the joined ones too)."""
        out: Counter[str] = Counter()
        for n in names:
            out[root(n)] += weight[n]
        return out

    family_weight = family_weights()
    for name in names:
        k = keys[name]
        longer = by_tail.get(k, [])
        if name in parent or len(k.split()) < 2 or len(longer) != 1 or (
                k.split()[0] in GENERIC_FIRST and len(k.split()) < 3):
            continue  # ("Department of Fair Trade", four words, is the one "Northgate Department of Fair Trade"
            # the folder names; "State Department" is too generic for any one longer name)
        target = root(longer[0])
        if target != name:
            if family_weight[root(name)] > family_weight[target]:
                parent[target] = root(name)  # named as the corpus names it most ("Acme Group", not
                # the "Springfield Acme Group Co., Ltd" of its letterhead)
            else:
                parent[name] = target
    # a one-word name that ends one two-word name ("Globex" and "Nordic Globex ASA"): one company,
    # named as the corpus names it most (its units' names counted with it)
    family_weight = family_weights()
    by_second: dict[str, list[str]] = defaultdict(list)
    for other in names:
        ok = keys[other].split()
        if len(ok) == 2 and ok[0] not in GENERIC_FIRST | UNIT_FIRST and len(ok[1]) >= 5:
            by_second[ok[1]].append(other)
    for name in names:
        k = keys[name]
        longer = by_second.get(k, [])
        if " " in k or len(k) < 5 or k in GENERIC_FIRST or len(longer) != 1:
            continue
        a, b = root(name), root(longer[0])
        if a != b:
            if family_weight[a] >= family_weight[b]:
                parent[b] = a
                family_weight[a] += family_weight[b]
            else:
                parent[a] = b
                family_weight[b] += family_weight[a]
    # a one-word name clipped from a name that runs on into a word of its form ("Acme" and
    # "Acmegroup Inc"): one company, named as the corpus names it most
    by_first: dict[str, list[str]] = defaultdict(list)
    for other in names:
        ok = keys[other].split()
        if ok:
            by_first[ok[0]].append(other)
    for name in names:
        k = keys[name]
        if " " in k or len(k) < 4 or k in GENERIC_FIRST:
            continue
        for tail in _CLIPPED_TAILS:
            for longer in by_first.get(k + tail, ()):
                a, b = root(name), root(longer)
                if a != b:
                    if weight[a] >= weight[b]:
                        parent[b] = a
                    else:
                        parent[a] = b
    # a name whose words are clippings of another's, in order, the other adding only a word of its
    # form ("Acme State" and "Acmeville State University"): one organization
    # (the spellings too: "Acmeville State University" may already stand under its initials);
    # indexed by each word's first four letters, which a clipping keeps (one lookup per name)
    by_clip: dict[tuple[str, ...], list[tuple[str, list[str]]]] = defaultdict(list)
    for spelling, member in list(canonical.items()) + [(n, n) for n in names]:
        ok = keys[spelling].split() if spelling in keys else org_key(spelling).split()
        if not 2 <= len(ok) <= 5 or member not in keys or ok[0] in GENERIC_FIRST:
            continue
        by_clip[tuple(w[:4] for w in ok)].append((member, ok))
        if ok[-1] in _FORM_TAILS:
            by_clip[tuple(w[:4] for w in ok[:-1])].append((member, ok))
    for name in names:
        k = keys[name].split()
        if not 2 <= len(k) <= 4 or k[0] in GENERIC_FIRST:
            continue
        for longer, lk in by_clip.get(tuple(w[:4] for w in k), ()):
            if longer == name or lk[:len(k)] == k or len(lk) > len(k) + 1:
                continue
            if all(a == b or (len(a) >= 4 and b.startswith(a)) for a, b in zip(k, lk)) \
                    and all(w in _FORM_TAILS for w in lk[len(k):]):
                a_, b_ = root(name), root(longer)
                if a_ != b_:  # named as the texts write it, not by an address's initials ("ASU")
                    if weight[a_] >= weight[b_] or (b_.isupper() and " " not in b_):
                        parent[b_] = a_
                    else:
                        parent[a_] = b_
    # an agency named without its head word ("Water Supply" for the "Department of Water Supply")
    # joins the one agency the corpus names in full
    by_agency: dict[str, list[str]] = defaultdict(list)
    for other in names:
        ok = keys[other].split()
        if len(ok) >= 3 and ok[0] in _AGENCY_HEADS and ok[1] in ("of", "for"):
            by_agency[" ".join(ok[3:] if ok[2] == "the" else ok[2:])].append(other)
    for name in names:
        full = by_agency.get(keys[name], [])
        if name not in parent and len(full) == 1 and len(keys[name].split()) >= 2 and root(full[0]) != name:
            parent[name] = root(full[0])
    # a one-word, lower-cased label (an e-mail domain's) joins the name it abbreviates; candidates
    # share its first letters (or, for "Pharma", its whole last word)
    by_start: dict[str, list[str]] = defaultdict(list)
    by_last: dict[str, list[str]] = defaultdict(list)
    for other in names:
        ok = keys[other].split()
        if len(ok) >= 2:
            by_start[_squash(keys[other])[:2]].append(other)
            by_last[ok[-1]].append(other)
    # one-word names of five letters or more, the most used spelling of each key last (it wins)
    by_word1 = {keys[o]: o for o in sorted(names, key=lambda n: (weight[n], n)) if " " not in keys[o] and len(keys[o]) >= 5}
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
        # "Onepeloton", "Getacme": a domain label that is one organization's one-word name with a
        # short word before or after it
        word = next((by_word1[k[i:]] for i in range(1, min(4, len(k) - 4)) if k[i:] in by_word1), None) \
            or next((by_word1[k[:-i]] for i in range(1, min(7, len(k) - 4)) if k[:-i] in by_word1
                     and (i <= 3 or k[-i:] in _DOMAIN_TAILS)), None)  # ("Acmesites", "Acmegroup", "Acmeonline")
        if word is not None and word != name:
            target = root(word)
            if target != name:
                parent[name] = target
            continue
        for other in sorted(set(by_start.get(k[:2], [])) | set(by_last.get(k, [])), key=lambda n: (-weight[n], n)):
            ok = keys[other].split()
            if ok[0] in GENERIC_FIRST and not k.startswith(_squash(" ".join(ok[:2]))):
                continue
            if _squash(keys[other]) == k or _segments(k, ok) or (ok[-1] == k and len(k) >= 5) or syllabic(k, ok) \
                    or _segments(k, _spelled_words(other)):  # "acmecorp": "Acme Corporation of Ohio"
                target = root(other)  # "Pharma" (pharma.com) for "Apex Pharma" too
                if target != name:
                    parent[name] = target
                break
        else:
            # "Acmerewards" (acmerewards.com) beside "Acme Holdings Limited": a group's subsidiary, by the
            # group's distinctive first word and its product's word (not "Acmefoods" beside "Acme Ltd": a
            # name of its own, unless the folder names a group or holding company that owns such names)
            for cut in range(5, len(k) - 3):
                sharing = {root(o) for o in by_start.get(k[:2], []) if keys[o].split()[0] == k[:cut]
                           and len(keys[o].split()) >= 2 and keys[o].split()[0] not in GENERIC_FIRST and _GROUP.search(o)}
                if cut >= 6 and k[:cut] in by_word1 and k[:cut] not in GENERIC_FIRST and _GROUP.search(by_word1[k[:cut]]):
                    sharing.add(root(by_word1[k[:cut]]))  # ("Acme Holdings Limited" keyed "acme")
                if sharing:  # (of two such families, the one the folder's statements name most)
                    best = max(sharing, key=lambda n: (weight[n], n))
                    if best != name:
                        parent[name] = best
                    break
    # a name that begins with the last two words of one longer name: a company and the merger
    # named after it ("Kline Beecham Labs" and "Globex Kline Beecham", the merged company written
    # "GlobexKlineBeecham"): one family, named by the merged company
    by_last_two: dict[str, list[str]] = defaultdict(list)
    for other in names:
        ok = keys[other].split()
        if len(ok) >= 3 and ok[0] not in GENERIC_FIRST:
            by_last_two[" ".join(ok[-2:])].append(other)
    for name in names:
        k = keys[name].split()
        if name in parent or len(k) < 3 or k[0] in GENERIC_FIRST:
            continue
        merged = [o for o in by_last_two.get(" ".join(k[:2]), ()) if o != name]
        if len(merged) == 1 and root(merged[0]) != root(name):
            parent[root(name)] = root(merged[0])
    # a one-word name written together that a longer name writes apart, after its initials:
    # "Northgate" for "A. B. North Gate Works & Company" (initials, then the name in two words)
    by_joined: dict[str, list[str]] = defaultdict(list)
    for other in names:
        ok = [w for w in keys[other].split() if len(w) > 1]
        if len(ok) >= 3 and len(keys[other].split()) > len(ok):
            by_joined[ok[0] + ok[1]].append(other)
    for name in names:
        k = keys[name].replace(" ", "")  # "Northgate", or "North Gate" written apart as well
        if name in parent or len(keys[name].split()) > 2 or len(k) < 5 or len(by_joined.get(k, ())) != 1:
            continue
        target = root(by_joined[k][0])
        if target != name and root(name) != target:
            parent[root(target)] = root(name)  # the family keeps the short name the corpus uses
    # companies of one group named by one word and what they do ("Acme Energy Company", "Acme
    # Coal Services", "Acme International Inc."): a parent and its operating units, one family
    by_group: dict[str, list[str]] = defaultdict(list)
    for name in names:
        ok = keys[name].split()
        if len(ok) >= 2 and len(ok[0]) >= 4 and ok[0] not in GENERIC_FIRST and set(ok[1:]) <= _LINE_OF_BUSINESS \
                and name[:1].isupper():
            by_group[ok[0]].append(name)
    for members in by_group.values():
        # named by the shortest (the parent: "Acme Energy", not "Acme Coal Services"), then the most used
        roots = sorted({root(m) for m in members}, key=lambda r: (len(keys[r].split()), -weight[r], r))
        for other in roots[1:]:
            if other != roots[0]:
                parent[other] = roots[0]
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


#: What a company of a group does, after the group's name: "Acme Energy", "Acme Coal Services".
_LINE_OF_BUSINESS = frozenset({
    "international", "healthcare", "health", "energy", "coal", "services", "service", "industries", "systems",
    "technologies", "technology", "pharmaceuticals", "pharma", "medical", "financial", "finance", "capital",
    "resources", "mining", "motors", "motor", "foods", "food", "communications", "networks", "labs", "laboratories",
    "america", "usa", "global", "worldwide", "operations", "products", "brands", "electric", "power", "gas", "oil",
    "petroleum", "chemical", "chemicals", "steel", "airlines", "airways", "insurance", "securities", "investments",
    "enterprises", "solutions", "sciences", "biosciences", "devices", "distribution", "logistics", "shipping",
    "automotive", "nutrition", "consumer", "retail", "wireless", "telecom", "telecommunications", "north", "europe",
    "canada", "uk"})
_ACRONYM = re.compile(r"^(?:[A-Z]\.?&?){2,6}$")  # "FAA", "U.S.", "J&J"
_LEADING_COUNTRY = re.compile(r"^(?:the\s+)?(?:u\.?\s?s\.?|united states)\s+", re.I)


def _name_initials(name: str) -> set[str]:
    """The initials a name's acronym may be: "U.S. Northgate Safety Office" -> {"nso",
    "usnso"}, "Office of the Clerk" -> {"oc", "otc"}; one word gives none."""
    out = set()
    for text in {name, _LEADING_COUNTRY.sub("", name)}:
        words = [w for w in re.findall(r"[A-Za-z][A-Za-z'’\-]*", text.replace("U.S.", "U S"))
                 if w.lower() not in ("of", "for", "and", "the", "on", "in")]
        if len(words) >= 2:
            out.add("".join(w[0] for w in words).lower())
        every = re.findall(r"[A-Za-z][A-Za-z'’\-]*", text)
        if len(every) > len(words) >= 2:  # "News of the World" -> NOTW, "Department of Justice" -> DOJ
            out.add("".join(w[0] for w in every).lower())
    return out


def initial_units(canon: Mapping[str, str]) -> dict[str, str]:
    """``canon`` with a division named by its organization's initials then its own name ("AG Corporate &
    Investment Banking", "AG CIB" beside "Acme Générale") named as that organization, when exactly one
    name of the folder has those initials (its words' first letters, accents and all)."""
    full: dict[str, set[str]] = defaultdict(set)
    for name in set(canon.values()):
        words = [w for w in re.findall(r"[^\W\d_][\w'’\-]*", name) if w.lower() not in ("of", "for", "and", "the", "de", "des", "du", "la")]
        if 2 <= len(words) <= 4 and not _ACRONYM.match(name.split()[0]):
            full["".join(w[0] for w in words).lower()].add(name)
    out = dict(canon)
    for spelling, name in canon.items():
        head = name.split()[0] if name else ""
        if len(name.split()) >= 2 and re.fullmatch(r"[A-Z]{2,5}", head):
            owners = full.get(head.lower(), set()) - {name}
            if len(owners) == 1:
                out[spelling] = next(iter(owners))
    return out


def placed_units(canon: Mapping[str, str]) -> dict[str, str]:
    """``canon`` with a regional unit named by a place before its organization's acronym ("Northgate
    Province NPS" beside "NPS", named in full or not) named as that organization: the unit speaks
    for it. The place is one to three capitalized words, none an organization's word."""
    named = {spelling: name for spelling, name in canon.items() if spelling and _ACRONYM.match(spelling)}
    if not named:
        return dict(canon)
    out = dict(canon)
    for spelling, name in canon.items():
        words = spelling.split()
        if 2 <= len(words) <= 4 and words[-1] in named and named[words[-1]] != name \
                and all(w[:1].isupper() and w[1:].islower() for w in words[:-1]) \
                and not ORG_SHAPE.search(" ".join(words[:-1])):
            out[spelling] = named[words[-1]]
    return out


def spelled_out(canon: Mapping[str, str], mentioned: Iterable[str]) -> dict[str, str]:
    """``canon`` with an organization named only by its acronym ("NSO") named in full when the
    folder spells it out ("Northgate Safety Office" among the organizations or the names
    the texts mention): one name per organization, the one a reader knows. An acronym two
    different full names could stand for is left as it is."""
    acronyms = {n for n in set(canon.values()) if _ACRONYM.match(n)}
    if not acronyms:
        return dict(canon)
    full: dict[str, Counter[str]] = defaultdict(Counter)
    for name in list(canon.values()) + list(mentioned):
        if not name or _ACRONYM.match(name) or not name[:1].isupper() or len(name) > 80:
            continue
        for ini in _name_initials(name):
            full[ini][name] += 1
    expand: dict[str, str] = {}
    for acro in acronyms:
        found = full.get(acro.replace(".", "").replace("&", "").lower())
        if found and len({org_key(_LEADING_COUNTRY.sub("", n)) for n in found}) != 1:
            # two names with those initials: the one an organization of the folder goes by, when
            # only one does ("Acme State University" speaks; "Acme Springs University" is only named)
            speaking = set(canon.values())
            found = Counter({n: c for n, c in found.items() if n in speaking})
        if not found or len({org_key(_LEADING_COUNTRY.sub("", n)) for n in found}) != 1:
            continue
        expand[acro] = max(found, key=lambda n: (found[n], -len(n), n))
    if expand:  # a unit named after its parent ("ACS", spelled "Acme Cement Syria", beside "Acme"): the
        # parent's family, as org_families joins the names that begin with another's (see there)
        by_key = {org_key(spelling): name for spelling, name in canon.items() if spelling}
        for acro, name in expand.items():
            words = org_key(name).split()
            for size in range(len(words) - 1, 0, -1):
                if size == 1 and (len(words[0]) < 4 or words[0] in GENERIC_FIRST) or words[size] in ("&", "and", "of"):
                    continue  # ("Acme & Northgate" is a partnership, not a unit of Acme)
                family = by_key.get(" ".join(words[:size]))
                if family is not None and not _ACRONYM.match(family):
                    expand[acro] = family
                    break
    return {spelling: expand.get(name, name) for spelling, name in canon.items()}


#: A word written with a capital inside it: "NorthNotar", "AcmeHealth", "McRoe".
_INNER_CAPITAL = re.compile(r"(?<![\w.])(?:[A-Z][a-z]+[A-Z][A-Za-z]*|[A-Z]{2,5})(?!\w)")  # (or "ACME": a short name in capitals)


def _camel_cased(canon: Mapping[str, str], text: str) -> dict[str, str]:
    """``canon`` with a word a letterhead in capitals gave in title case ("Northnotar B.V." from "NORTHNOTAR
    B.V.", "Acx Limited" from "ACX LIMITED") written as the texts write it twice or more, with a capital
    inside ("NorthNotar") or in short capitals ("ACX")."""
    seen: dict[str, Counter[str]] = defaultdict(Counter)
    for m in _INNER_CAPITAL.finditer(text):
        seen[m.group().lower()][m.group()] += 1
    if not seen:
        return dict(canon)

    def cased(name: str) -> str:
        words = name.split(" ")
        for n, w in enumerate(words):
            if w[:1].isupper() and w[1:].islower() and w.lower() in seen:
                best, count = seen[w.lower()].most_common(1)[0]
                if count >= 2:
                    words[n] = best
        return " ".join(words)

    names = {name: cased(name) for name in set(canon.values()) if name}
    return {spelling: names.get(name, name) for spelling, name in canon.items()}


def _blend_parts(name: str) -> list[str]:
    """The parts of a one-word name blended from the starts of words: "NorthHealth" -> ["North", "Health"]
    ([] for any other name)."""
    if " " in name or not name.isalpha():
        return []
    parts = re.findall(r"[A-Z][a-z]+", name)
    return parts if len(parts) >= 2 and "".join(parts) == name else []


def blended_names(canon: Mapping[str, str], counts: Mapping[str, int]) -> dict[str, str]:
    """``canon`` with a name blended from the starts of another's first words ("NorthHealth" from "Northgate
    Health Insurance Corporation") and that name taken for one organization, named as the statements name
    it more often (``counts``: statements per name)."""
    names = {n for n in canon.values() if n}
    merged: dict[str, str] = {}
    for short in sorted(names):
        parts = _blend_parts(short)
        if not parts:
            continue
        longs = [n for n in names if n != short and len(n.split()) > len(parts)
                 and all(w.lower().startswith(p.lower()) and len(w) > len(p) or w.lower() == p.lower()
                         for p, w in zip(parts, n.split()))]
        if len(longs) == 1:
            long_ = longs[0]
            keep = short if counts.get(short, 0) >= counts.get(long_, 0) else long_
            merged[short] = merged[long_] = keep
    return {spelling: merged.get(name, name) for spelling, name in canon.items()}


def as_written(canon: Mapping[str, str], texts: Iterable[str]) -> dict[str, str]:
    """``canon`` with each organization named as the texts write it, among its spellings that
    differ only in case and spacing: "Northgate", not "North Gate" from a letterhead in capitals
    ("NORTH GATE - CONFIDENTIAL"), when the statements' texts say "Northgate" more often."""
    text = "\n".join(texts)
    canon = _camel_cased(canon, text)
    same: dict[str, set[str]] = defaultdict(set)
    for spelling, name in canon.items():
        if spelling and _squash(spelling.lower()) == _squash(name.lower()):
            same[name].add(spelling)
    same = {n: sp for n, sp in same.items() if len(sp) > 1}
    if not same:
        return dict(canon)
    better: dict[str, str] = {}
    for name, spellings in same.items():
        said = {sp: len(re.findall(r"(?<!\w)" + re.escape(sp) + r"(?!\w)", text)) for sp in spellings | {name}}
        best = max(sorted(said), key=lambda sp: said[sp])
        if said[best] > said[name]:
            better[name] = best
    return {spelling: better.get(name, name) for spelling, name in canon.items()}


def owned_by(canon: Mapping[str, str], owned: Sequence[tuple[str, str]],
             counts: Mapping[str, int] | None = None) -> dict[str, str]:
    """``canon`` with every spelling of a unit a text says another organization owns ("Acme Labs,
    a subsidiary of Apex") and of its owner (the owner of an owner too) named as one
    organization; a unit that would own itself through a cycle is left as it was. The one name
    is the owner's, unless ``counts`` (the public documents that speak for each spelling) show
    the unit speaks in its own name more often than its owner does: a folder of Acme Toys'
    releases and testimony, where Apex's chief executive testifies once and a release says that
    Acme Toys is "a subsidiary of Apex", is Acme Toys', and a reporter names it so."""
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

    named = {name: top(name) for name in set(canon.values()) | set(parent)}
    if counts:
        weight: Counter[str] = Counter()
        for spelling, n in counts.items():
            weight[canon.get(spelling, spelling)] += n
        members: dict[str, list[str]] = defaultdict(list)
        for name, root in named.items():
            members[root].append(name)
        for root, group in members.items():
            best = max(group, key=lambda n: (weight[n], n == root, n))
            if best != root and weight[best] > weight[root]:
                for name in group:
                    named[name] = best
    return {spelling: named.get(name, name) for spelling, name in canon.items()}
