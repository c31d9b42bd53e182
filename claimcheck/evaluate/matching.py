"""When a tool's statement, date, speaker or organization matches the gold's.

Matching rules (documented in the README of the corpus):

- a tool statement *matches* a gold statement when it comes from the same file (its
  ``Source.path``, or one of ``also_reported_in``, relative to the case folder) and its text holds
  at least half of the gold keywords (rounded up), case-insensitively; when no single statement
  does, the statements of one passage of that file (consecutive, each holding a keyword, at most
  ``PASSAGE_GAP`` characters apart) that hold half of them together match it, each of them
  (:func:`passage_matches`: a gold statement quoted over several sentences);
- a tool finding *matches* a gold contradiction when its public statement matches one of the gold
  ``public`` ids and one of its internal statements matches one of the gold ``internal`` ids (both
  may be a single id or a list of alternatives; scoring.score_case);
- date accuracy is judged at the gold precision: ``day`` the same day; ``month``/``quarter``/
  ``year`` the tool's whole date lies inside that month/quarter/year; ``range`` the tool's
  start..end lies inside the gold range (both ends, inclusive); ``unknown`` the tool left it undated.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
import unicodedata
from pathlib import Path, PurePosixPath
from typing import Sequence

from ..models import DateValue, Statement
from .gold import GoldStatement



def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower()
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    text = re.sub(r"[\u2010-\u2015_-]", " ", text)  # (a table's column "units_sold" is read as "units sold")
    return re.sub(r"\s+", " ", text).strip()


def keyword_hits(text: str, keywords: Sequence[str]) -> int:
    """How many keywords occur in text (case-insensitive, hyphens, underscores and spaces alike)."""
    t = _norm(text)
    return sum(1 for k in keywords if _norm(k) and _norm(k) in t)


def _rel(path: str, case_dir: Path) -> str:
    p = path.replace("\\", "/")
    try:
        if Path(p).is_absolute():
            p = Path(p).resolve().relative_to(case_dir.resolve()).as_posix()
    except ValueError:
        pass
    while p.startswith("./"):
        p = p[2:]
    return p


def _same_file(tool_path: str, gold_file: str, case_dir: Path) -> bool:
    p = _rel(tool_path, case_dir)
    g = gold_file[2:] if gold_file.startswith("./") else gold_file
    if p == g:
        return True
    # scanned from a parent folder: the tool path carries a prefix ("corpora/case/docs/a.eml")
    return p.endswith("/" + g) and PurePosixPath(p).name == PurePosixPath(g).name


def statement_matches(st: Statement, gs: GoldStatement, case_dir: Path) -> bool:
    """Same file (or reported again in it) and at least half the gold keywords, rounded up."""
    paths = [st.source.path] + [s.path for s in st.also_reported_in]
    if not any(_same_file(p, gs.file, case_dir) for p in paths):
        return False
    need = math.ceil(len(gs.keywords) / 2)
    return keyword_hits(st.text, gs.keywords) >= need


#: How far apart (characters between one statement's end and the next one's start) the sentences
#: of one passage may stand: a paragraph's, not the next section's.
PASSAGE_GAP = 400


def passage_matches(statements: Sequence[Statement], gs: GoldStatement, case_dir: Path) -> list[Statement]:
    """The tool's statements of one passage that together hold what no single one does: a gold
    statement quoted over several sentences ("We found one cracked blade, last year. ... roughly
    10,000 remaining blades") is found when consecutive statements of its file, each holding one of
    its keywords and at most PASSAGE_GAP characters apart, hold at least half of them together.
    Empty when no passage does (the first passage that does, in file order)."""
    need = math.ceil(len(gs.keywords) / 2)
    hits = sorted((st for st in statements if _same_file(st.source.path, gs.file, case_dir)
                   and keyword_hits(st.text, gs.keywords) >= 1), key=lambda st: (st.source.path, st.source.start))
    group: list[Statement] = []
    for st in hits + [None]:  # type: ignore[list-item]
        if group and (st is None or st.source.path != group[-1].source.path
                      or st.source.start - group[-1].source.end > PASSAGE_GAP):
            held = {k for k in gs.keywords if any(keyword_hits(g.text, [k]) for g in group)}
            if len(held) >= need:
                return group
            group = []
        if st is not None:
            group.append(st)
    return []


def date_matches(tool: DateValue, gold: DateValue) -> bool:
    """Is the tool's date right at the gold's precision (see module docstring)?"""
    if gold.start is None:
        return tool.start is None
    if tool.start is None or tool.end is None or gold.end is None:
        return False
    if gold.precision == "day":
        return tool.start == gold.start and tool.end == gold.start
    return gold.start <= tool.start and tool.end <= gold.end


def _person_norm(name: str) -> list[str]:
    from ..corpus.orgs import UNDECOMPOSED
    name = unicodedata.normalize("NFKD", name.translate(UNDECOMPOSED))  # ("Kınık" is "Kinik", as "Łódź" is "Lodz")
    name = "".join(c for c in name if not unicodedata.combining(c))
    name = re.sub(r"\b(mr|mrs|ms|dr|sen|rep|gov)\.?\s", " ", name.lower())
    tokens = re.findall(r"[a-z][a-z'\-]*", name)
    suffixes = {"jr", "sr", "ii", "iii", "iv"}
    return [t for t in tokens if t not in suffixes]


#: What a gold speaker may carry after the person's name: a title ("Jane Roe, Chair of the
#: Audit Committee"), a note ("Jane Roe (as reported)"), a message's recipient ("Jane Roe to John Doe").
_GOLD_SPEAKER_TAIL = re.compile(r"\s*(?:,\s.*|\([^()]*\)|\bto\s+[A-Z].*)$")


def speaker_matches(tool: str, gold: str) -> bool:
    """Fuzzy-equal person names; a matching last name is enough ("Roe" = "Jane Roe"); a gold
    speaker's title, note or a message's recipient after the name is no part of it."""
    if tool.strip() and _person_norm(tool) == _person_norm(gold):
        return True  # "Project Director, Acme JV" given as the gold gives it
    head = _GOLD_SPEAKER_TAIL.sub("", gold)
    return _names_match(tool, head or gold)  # (a title's last word, a recipient's name, is not the speaker's)


def _names_match(tool: str, gold: str) -> bool:
    a, b = _person_norm(tool), _person_norm(gold)
    if not a or not b:
        return False
    if a == b or a[-1] == b[-1]:
        return True
    from rapidfuzz import fuzz
    return fuzz.token_sort_ratio(" ".join(a), " ".join(b)) >= 90


_FUNCTION = frozenset({"of", "for", "and", "the", "on", "in", "&"})


#: Words that name a kind of body, not one body: "Police" alone is not "Northgate County Police".
_KIND_WORDS = frozenset({"police", "group", "council", "bank", "company", "board", "ministry", "agency", "services",
                         "service", "authority", "government", "court", "commission", "trust", "foundation", "team",
                         "club", "school", "college", "hospital", "inquiry", "project", "partners", "holdings"})


def _inner_run(short: list[str], long_: list[str], generic: frozenset[str]) -> bool:
    """Is the shorter name the longer one without its first words: its last word alone ("Roe" of
    "Jane Roe", a name of two or three words) or a run of two words or more inside a name of four
    at most ("Acme Group" of "Springfield Acme Group")? The shorter's first word is no generic or
    kind word ("Police" of "Northgate Police", "Northgate" of "Office of the Governor of Northgate" are not)."""
    if not short or len(short) >= len(long_) or short[0] in generic or short[0] in _KIND_WORDS or len(short[0]) < 4:
        return False
    def dropped_ok(k: int) -> bool:  # the words left off are a name's, not a place's ("U.S. Steel" is not "Steel")
        return all(len(w) > 1 and w not in generic for w in long_[:k])
    if len(short) == 1:
        return 2 <= len(long_) <= 3 and long_[-1] == short[0] and dropped_ok(len(long_) - 1)
    if len(long_) > 4:
        return False
    return any(long_[k:k + len(short)] == short and dropped_ok(k) for k in range(1, len(long_) - len(short) + 1))


def _org_words(name: str) -> list[str]:
    """The name's key words without a leading "the", "U.S." or "United States" ("U.S. Safety
    Office" and "United States Safety Office" are one name)."""
    from ..corpus import org_key
    words = org_key(name).split()
    for lead in (["the"], ["u", "s"], ["us"], ["united", "states"]):
        if words[:len(lead)] == lead and len(words) > len(lead) + 1:
            words = words[len(lead):]
    return words


def _written_initials(name: str) -> set[str]:
    """The initials of a name as written, every word ("Northgate Reliability Council of Texas" ->
    "nrcot") or its capitalized words only ("nrct"), without a trailing legal abbreviation."""
    words = re.findall(r"[A-Za-z][A-Za-z'\-]*", name)
    while words and words[-1].lower().rstrip(".") in ("inc", "ltd", "llc", "plc", "lp", "llp", "co", "corp", "sa", "ag",
                                                      "nv", "bv", "gmbh"):
        words.pop()
    if len(words) < 2:
        return set()
    return {"".join(w[0] for w in words).lower(), "".join(w[0] for w in words if w[:1].isupper()).lower()}


def _word_prefix_acronym(acro: str, name: str) -> bool:
    """Is ``acro`` (4 to 7 capitals) the first letters of each of ``name``'s words, one or more
    per word, in order, every word used ("NOPCO": Northgate Oil Power Co.)? Names of fewer than
    three words never match."""
    acro = acro.strip()
    words = [w.lower() for w in re.findall(r"[A-Za-z]+", name) if w.lower() not in _FUNCTION]
    if not re.fullmatch(r"[A-Z]{4,7}", acro) or len(words) < 3 or len(words) > len(acro):
        return False
    low = acro.lower()

    @lru_cache(maxsize=None)
    def fits(i: int, j: int) -> bool:  # low[i:] spelled by words[j:]
        if j == len(words):
            return i == len(low)
        return any(words[j].startswith(low[i:k]) and fits(k, j + 1) for k in range(i + 1, len(low) + 1))
    return fits(0, 0)


def _head_acronym(acro: str, name: str) -> bool:
    """Does ``acro`` open with capitals that are the initials of ``name``'s first words, the rest of
    both the same words ("NES Department of Parks", "North Eastmoor State Department of Parks")?"""
    from ..corpus.orgs import head_initial_keys
    first, _, rest = acro.strip().partition(" ")
    if not re.fullmatch(r"[A-Z]{2,5}", first) or not rest:
        return False
    return " ".join(acro.lower().split()) in head_initial_keys(" ".join(name.lower().split()))


def _tail_acronym(acro: str, name: str) -> bool:
    """Is ``acro`` the first words of ``name``, then a last word in capitals that is the initials of
    the rest of ``name`` ("Acme DHB" and "Acme District Health Board", "Northgate Grid ESO" and "Northgate
    Grid Electricity System Operator")? At least one word before the initials, two words initialled."""
    words, full = acro.split(), [w for w in re.findall(r"[A-Za-z][\w'\-]*", name)]
    if len(words) < 2 or not re.fullmatch(r"[A-Z]{2,6}", words[-1]):
        return False
    head = [w.lower() for w in words[:-1]]
    if [w.lower() for w in full[:len(head)]] != head:
        return False
    rest = [w for w in full[len(head):] if w.lower() not in _FUNCTION]
    return len(rest) >= 2 and "".join(w[0] for w in rest).upper() == words[-1]


#: A government named by its place: "Government of Northgate", "Northgate Government", "City of Springfield",
#: "State Government of Northgate" (a normalized name).
_GOVERNMENT = re.compile(r"(?:the )?(?:(?:state|provincial|federal|national|regional|city|municipal) )?government of (?P<a>.+)|"
                         r"(?:the )?(?:(?:city|town|county|state|province|municipality) of|land|freistaat|stadt|kanton) (?P<b>.+)|"
                         r"(?:the )?(?P<c>.+?) (?:state |provincial |federal |national |regional |city |municipal )?government")


def _government_place(name: str) -> str:
    """The place a government's name names ("northgate" for "Government of Northgate", "northgatean" for
    "Northgatean Government"), or a bare place's own words ("Northgate", one or two capitalized words
    naming no organization); "" for another name."""
    n = _norm(name)
    m = _GOVERNMENT.fullmatch(n)
    if m:
        return (m["a"] or m["b"] or m["c"] or "").strip()
    words = name.split()
    if 1 <= len(words) <= 2 and all(w[:1].isupper() and not w.isupper() for w in words) \
            and _org_words(name) == [w.lower() for w in words]:
        return n
    return ""


def _demonym(place: str, adjective: str) -> bool:
    """Is ``adjective`` the place's adjective: "northgate" -> "northgatean", "ruritania" -> "ruritanian",
    "westmark" -> "westmarkian"?"""
    return adjective in {place + "n", place + "an", place + "ian", place[:-1] + "ian", place[:-1] + "an"}


def organization_matches(tool: str, gold: str) -> bool:
    """Case-insensitive, with a small fuzzy tolerance; a legal suffix ("Corp", "& Company", "Inc.")
    makes no other organization, nor does naming it shorter or longer by whole words ("Samsung"
    for "Apex Electronics", "Westfield" for "Westfield University"), a leading "U.S." or "United
    States", the same words in another order ("Safety Department", "Department of Safety"), or an
    acronym that is exactly the initials of the other's words ("&" for "and": "AG&E" for "Apex Gas
    and Electric Company")."""
    a, b = _norm(tool), _norm(gold)
    if not a or not b:
        return False
    if a == b:
        return True
    from rapidfuzz import fuzz

    from ..corpus import GENERIC_FIRST
    if fuzz.ratio(a, b) >= 90:
        return True
    ka, kb = _org_words(tool), _org_words(gold)
    if ka and ka == kb:
        return True  # "National Motors Corporation" is "National Motors" (a generic first word or not)
    if ka and sorted(w for w in ka if w not in _FUNCTION) == sorted(w for w in kb if w not in _FUNCTION):
        return True  # "Safety Department" is "U.S. Department of Safety": the same words, in another order
    for acro, name in ((tool, kb), (gold, ka)):
        content = [w for w in name if w not in _FUNCTION]
        if re.fullmatch(r"[A-Z]\.?(?:&?[A-Z]\.?){1,5}", acro.strip()) and len(content) >= 2 \
                and acro.replace(".", "").replace("&", "").strip().lower() == "".join(w[0] for w in content):
            return True  # "NSO" is the "U.S. Northgate Safety Office": its initials, and nothing else; an
            # "&" in an acronym stands for the "and" that initials leave out ("AG&E": Apex Gas and Electric Co.)
    for acro, name in ((tool, gold), (gold, tool)):
        if re.fullmatch(r"[A-Z]{3,6}", acro.strip()) and acro.strip().lower() in _written_initials(name):
            return True  # "ABC" is the "Acme Broadcasting Corporation", "NRCOT" the "Northgate
            # Reliability Council of Texas, Inc.": the initials of the name as written, its form word
            # and its small words too (not a trailing "Inc.")
        if _word_prefix_acronym(acro, name):
            return True  # "NOPCO" is "Northgate Oil Power Co.": each word's first letters, in order
    for acro, name in ((tool, gold), (gold, tool)):
        if _head_acronym(acro, name):
            return True  # "NES Department of Parks" is the "North Eastmoor State Department of Parks": the
            # initials of the first words, then the same words
        if _tail_acronym(acro, name):
            return True  # "Acme DHB" is the "Acme District Health Board": the same first words, then the
            # initials of the rest
    from ..corpus.orgs import org_key, syllabic
    for short_name, name in ((tool, gold), (gold, tool)):
        if " " not in short_name.strip() and syllabic(org_key(short_name), org_key(name).split()):
            return True  # "Acmex" is "Acmeros Mexteca": the first syllables of its words (shared with the corpus)
    pa, pb = _government_place(tool), _government_place(gold)
    if pa and pb and (pa == pb or _demonym(pa, pb) or _demonym(pb, pa)) and (pa != _norm(tool) or pb != _norm(gold)):
        return True  # "Government of Northgate" is the "Northgate Government", the "Northgatean Government" and
        # "Northgate" (a government named by its place), not another place's
    short, long_ = sorted((ka, kb), key=len)
    if _inner_run(short, long_, GENERIC_FIRST):
        return True  # "Roe" is "Jane Roe" (a founder's name the company goes by), "Acme Group" is
        # "Springfield Acme Group Co., Ltd" (a city before the name)
    # a first word of four letters or more, or an acronym in capitals ("NGB" for "NGB Shipping & Ireland")
    acronym = any(w.isupper() and len(w) >= 3 and w.lower() == (short[0] if short else "")
                  for w in (tool.split()[:1] + gold.split()[:1]))
    # (or the first two words or more of it: "Al Ro" for "Al Ro Northgate Airlines")
    return bool(short) and short[0] not in GENERIC_FIRST and (len(short[0]) >= 4 or acronym or len(short) >= 2) \
        and long_[:len(short)] == short


#: A name defined with its short form in brackets: "NORTHGATE IDENTITY AUTHORITY (RIS)", "the Northgate
#: Safety Office (NSO)": capitalized words (with their small joining words), then an acronym in capitals.
_DEFINED = re.compile(r"(?P<long>(?:[A-Z][\w&'’.\-]{0,30}[ \t]{1,3}(?:(?:of|and|for|the|on|de|du|des|di|del|la|le|&)[ \t]{1,3}){0,2}){1,10}"
                      r"[A-Z][\w&'’.\-]{0,30})[ \t]{1,3}\((?P<short>[A-Z][A-Za-z&]{1,7})\)")

#: Words in capitals a heading puts in brackets that name no organization ("PROJECT REPORT (EXCERPT)").
_NOT_SHORT_NAMES = frozenset({"excerpt", "extract", "draft", "copy", "summary", "translation", "confidential", "updated",
                              "final", "revised", "redacted", "english", "original", "note", "notes", "annex"})

#: The files of a case whose text may define a name (not its gold labels, not the writer's notes).
_TEXT_SUFFIXES = frozenset({".txt", ".md", ".html", ".htm", ".eml", ".mbox", ".json", ".csv"})


#: A letterhead line giving one name in capitals, then the same name in another language in brackets.
_IN_TWO_TONGUES = re.compile(r"(?m)^[ \t]{0,8}(?P<long>[A-ZÀ-Þ][A-ZÀ-Þ&'.\-]{1,30}(?:[ \t]{1,3}[A-ZÀ-Þ&][A-ZÀ-Þ&'.\-]{0,30}){1,8})"
                             r"[ \t]{1,3}\((?P<other>[A-ZÀ-Þ][A-ZÀ-Þ'.\-]{1,30}(?:[ \t]{1,3}[A-ZÀ-Þ][A-ZÀ-Þ'.\-]{0,30}){1,8})\)[ \t]{0,8}$")


def defined_names(case_dir: Path) -> frozenset[tuple[str, str]]:
    """(long, short) names a case's own documents define as one organization's ("Northgate Identity
    Authority (NIS)"): a grader takes the one for the other, as the documents do."""
    out: set[tuple[str, str]] = set()
    for path in sorted(Path(case_dir).rglob("*")):
        if not path.is_file() or path.suffix.lower() not in _TEXT_SUFFIXES or path.name in ("README.md", "gold.yaml"):
            continue
        try:
            text = path.read_text(encoding="utf-8", errors="replace")[:200_000]
        except OSError:
            continue
        for m in _IN_TWO_TONGUES.finditer(text):  # "MINISTRY OF FAIR TRADE (MINISTERIO DE COMERCIO JUSTO)" heading a page
            out.add((" ".join(m["long"].split()), " ".join(m["other"].split())))
        for m in _DEFINED.finditer(text):
            long_, short = " ".join(m["long"].split()), m["short"]
            if len(long_.split()) >= 2 and sum(c.isupper() for c in short) >= 2 and short.lower() not in _NOT_SHORT_NAMES:
                out.add((long_, short))
    return frozenset(out)


def organization_matches_in_case(tool: str, gold: str, defined: frozenset[tuple[str, str]] = frozenset()) -> bool:
    """:func:`organization_matches`, a gold name that gives its short form in brackets ("Northgate Nationalist
    Party (NNP)") matched by either, and a name the case's documents define (``defined``) taken for
    the other: "RIS" is the "Northgate Identity Authority" where a letterhead reads
    "NORTHGATE IDENTITY AUTHORITY (RIS)"."""
    if organization_matches(tool, gold):
        return True
    both = re.fullmatch(r"\s*(?P<a>[^()]+?)\s*\((?P<b>[^()]+)\)\s*", gold)
    if both and (organization_matches(tool, both["a"]) or organization_matches(tool, both["b"])):
        return True
    if not tool or not gold:
        return False
    return any(organization_matches(tool, short) and organization_matches(gold, long_)
               or organization_matches(tool, long_) and organization_matches(gold, short) for long_, short in defined)
