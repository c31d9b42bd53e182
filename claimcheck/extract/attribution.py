"""Where a speaker is attributed: reporting verbs, trailing and colon attributions, titles, pronouns."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Iterable, Sequence

from ..offices import PORTFOLIOS
from ..ruleset import RuleSet

ORG_SUFFIX = re.compile(r"(?<!\s)[,.]?\s+(inc|corp|corporation|co|company|ltd|llc|plc|group|holdings|l\.p)\.?$", re.I)
PRONOUNS_ORG = frozenset({"we", "it", "company", "firm", "corporation", "spokesperson", "spokesman",
                          "spokeswoman", "representative"})
PRONOUNS_PERSON = frozenset({"he", "she", "they"})
#: A pattern that matches nothing (a title list left empty names no title).
_NEVER = re.compile(r"(?!)")


@dataclass(frozen=True)
class TitleWords:
    """The title words of rules/lexicon.yaml the reader places people by (see the comments there).
    Empty by default: a DocContext made without rules knows no title."""

    person: frozenset[str] = frozenset()     # lexicon.person_titles
    modifiers: frozenset[str] = frozenset()  # lexicon.title_modifiers: "Chief Executive", never an organization
    officer: frozenset[str] = frozenset()    # lexicon.officer_titles: hold office in the story's organization
    former: frozenset[str] = frozenset()     # lexicon.former_titles: a title no longer held
    label: frozenset[str] = frozenset()      # lexicon.label_titles: end an organization's name in "(Acme SVP)"
    member: frozenset[str] = frozenset()     # lexicon.member_titles: a hearing's members, whose turns are the venue's
    honorifics: frozenset[str] = frozenset()  # lexicon.honorifics: "Mr.", "Judge": left off a turn's name
    spokes: re.Pattern[str] = _NEVER         # lexicon.spokesperson_titles, on lower-case text
    mention: re.Pattern[str] = _NEVER        # any of lexicon.person_titles, any case
    bodies: frozenset[str] = frozenset()     # lexicon.body_heads: "Commission" ends a public body's name
    body_refs: frozenset[str] = frozenset()  # lexicon.body_anaphors: "the agency" stands for any such body
    offices: frozenset[str] = frozenset()    # lexicon.office_titles: "Northgate Attorney General" holds an office
    org_nouns: frozenset[str] = frozenset()  # lexicon.org_nouns: "the utility said" is the story's organization
    sites: frozenset[str] = frozenset()      # lexicon.site_nouns: "the Springfield plant" names a place, no speaker
    units: frozenset[str] = frozenset()      # lexicon.unit_heads: "(Infrastructure)" names a unit, no organization


def _any_word(words: frozenset[str], flags: int = 0) -> re.Pattern[str]:
    """Any of ``words`` as a whole word or phrase (longest first; literals only, so linear)."""
    if not words:
        return _NEVER
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w))) + r")\b", flags)


@lru_cache(maxsize=8)
def title_words(ruleset: RuleSet) -> TitleWords:
    """The title words of ``ruleset`` (no Python copy of them: a word added in YAML counts)."""
    lex = ruleset.lexicon

    def words(key: str) -> frozenset[str]:
        return frozenset(lex.get(key, ()))

    person = words("person_titles")
    return TitleWords(person, words("title_modifiers"), words("officer_titles"), words("former_titles"),
                      words("label_titles"), words("member_titles"), words("honorifics"),
                      _any_word(words("spokesperson_titles")), _any_word(person, re.I),
                      words("body_heads"), words("body_anaphors"), words("office_titles"), words("org_nouns"),
                      words("site_nouns"), words("unit_heads"))


#: (a recording's turns may open with their time: "[00:00:12] MR. ROE: ..."). The space after the name
#: is bounded: unbounded, every length of the lazy name ran to the end of a long run of spaces.
_TURN = re.compile(r"^\s*(?:\[\d{1,2}:\d{2}(?::\d{2})?\][ \t]{1,4})?(?:\*\*|__)?([A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ.'\-_ ]{1,60}?)\s{0,80}(?:\((?P<paren>[^)]{1,80})\)\s{0,80})?"
                   # a parliament's record: "Jane Roe (Northgate East) (Lab):", a constituency, then a party
                   r"(?:\([^()\n]{1,20}\)\s{0,80})?(?::(?:\*\*|__)?|(?:\*\*|__):)\s{1,80}\S"
                   # the record's style: "Mr. STUMPF. Thank you.", "Chairman WICKER. The committee ..."
                   r"|^\s*((?i:Mr|Ms|Mrs|Dr|Senator|Sen|Rep|Representative|Chairman|Chairwoman|Chair|Madam Chair|"
                   r"Secretary|Judge|Commissioner|The Chairman|The Witness)\.?\s+(?:[A-Z][a-z]+\s+)?[A-Z](?:[a-z]{1,3})?[A-Z'][A-Z'\-]{0,30})"
                   r"(?:\s*\([^)\n]{1,40}\))?\.\s+\S"
                   # a deposition's questions and answers: "Q. Did you ...", "A. I did not."
                   r"|^\s*(?P<qa>Q|A)\.\s+\S")
#: The turn label a transcript line opens with, up to the words spoken (the labels _TURN reads),
#: which a citation leaves out. The name is taken whole, never given back a letter at a time (a
#: lookahead and its backreference, an atomic group before Python 3.11): a lazy name retried at every
#: length from every position was linear, but slow enough on 100 KB of "A A A" to miss the budget.
TURN_LABEL = re.compile(r"[ \t]{0,8}(?:\[\d{1,2}:\d{2}(?::\d{2})?\][ \t]{1,4})?(?:\*\*|__)?[A-ZÀ-ÖØ-Þ](?=(?P<name>[A-Za-zÀ-ÖØ-öø-ÿ.'\-_ ]{1,60}))(?P=name)[ \t]{0,4}(?:\([^)\n]{1,80}\)[ \t]{0,4})?"
                         r"(?:\([^()\n]{1,20}\)[ \t]{0,4})?(?::(?:\*\*|__)?|(?:\*\*|__):)\s{1,8}"
                         r"|[ \t]{0,8}(?:Mr|Ms|Mrs|Dr|Senator|Sen|Rep|Representative|Chairman|Chairwoman|Chair|Madam Chair|"
                         r"Secretary|Judge|Commissioner|The Chairman|The Witness)\.?[ \t]{1,4}(?:[A-Z][a-z]{1,30}[ \t]{1,4})?"
                         r"[A-Z](?:[a-z]{1,3})?[A-Z'][A-Z'\-]{0,30}(?:[ \t]{0,4}\([^)\n]{1,40}\))?\.\s{1,8}|[ \t]{0,8}[QA]\.\s{1,8}")
#: First words of a "Label:" that is no speaker's turn.
NOT_TURNS = frozenset({"for", "embargoed", "released", "posted", "published", "updated",  # "For Immediate Release: ..."
                       "about", "note", "notes", "update", "summary", "recommendation", "recommendations",
                       "background", "conclusion", "conclusions", "action", "actions", "next", "status", "result",
                       "results", "source", "sources", "editor's", "editors", "correction", "disclaimer", "contact",
                       "media", "press", "headline", "finding", "findings", "risk", "risks", "goal", "bottom",
                       "key", "owner", "version", "title", "slide", "page", "record", "territory", "call", "product",
                       "contact", "notes", "agenda", "attendees", "decision", "decisions", "issue", "issues",
                       "question", "answer", "comment", "comments", "export", "channel", "participants",
                       "account", "handle", "captured", "archived", "snapshot", "thread", "platform", "replies",
                       "reply", "views", "likes", "reposts", "retweets", "rns", "ref", "reference", "isin", "ticker",
                       "distribution", "visibility", "posted", "published", "copied", "section", "dateline",
                       "presented", "prepared", "deck",
                       "program", "programme", "show", "transcript", "aired", "location", "exported", "format",
                       "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
                       "tomorrow", "tonight", "morning", "afternoon", "evening", "daily", "weekly", "when", "where",
                       "time", "times", "venue", "tickets", "parking", "schedule", "deadline", "cost", "price",
                       "appearances", "present", "also", "reported", "exhibit", "exhibits", "index", "volume",
                       "classification", "prepared", "author", "audience", "purpose", "scope", "subject", "status",
                       "headline", "context", "method", "caveat", "caveats", "observation", "observations",
                       "filed", "submitted", "dated", "received", "signed", "docket", "document", "released", "recording",
                       "issued", "released", "embargo", "embargoed", "meeting", "place",
                       # a form's or a stock note's fields ("Item: blood capsules", "Topic: assessment")
                       "item", "items", "topic", "topics", "quantity", "reason", "category", "reference",
                       # a military message's header ("DTG: 291600Z APR 04", "SUBJ: ...")
                       "dtg", "subj",
                       # a letter's reference lines: "File: 8000-C12", "Our ref: ...", "Tel: ..."
                       "file", "ref", "reference", "our", "your", "case", "tel", "telephone", "phone", "fax",
                       "email", "e-mail", "web", "encl", "enclosure", "enclosures", "attn", "attention",
                       # a log's or a ticket's fields ("Severity: Major", "System: FPRSA-R", "Follow-up: review")
                       "severity", "priority", "system", "systems", "impact", "incident", "follow-up", "followup",
                       "root", "cause", "workaround", "resolution", "ticket", "entry", "entries", "event", "events",
                       # the same form's labels in the languages records come in ("Firmado: Jane Roe, Directora",
                       # "Betreff: ...", "Materia: ...", "Kostenstelle: 4710", "Thema: ...", "Objet: ...")
                       "firmado", "firma", "assinado", "gez", "gezeichnet", "signé", "firmato", "betreff", "materia", "asunto",
                       "assunto", "objet", "oggetto", "thema", "tema", "fecha", "datum", "kostenstelle", "buchungstext",
                       "betrag", "empfänger", "freigabe", "vermerk", "anexo", "anlage", "annexe", "allegato", "ant"})
HEADER_LABEL = re.compile(r"(?i)^(?:to|from|cc|bcc|sent|date|subject|re|attachments?)\s*:")
#: Who answers in a Q./A. transcript or a deposition.
ANSWER_TURNS = frozenset({"a", "answer", "the witness", "witness"})
_ACRONYM_DEF = re.compile(r"(?<![\w.&'-])((?:[A-Z][\w.&'-]*\s+){1,7}[A-Z][\w.&'-]*)\s+\(([A-Z][A-Z.&\-]{1,9})\)")


@dataclass
class DocContext:
    """What the reader of one document remembers between sentences (per document only)."""

    focus: str = ""
    publisher: str = ""
    person_org: dict[str, str] = field(default_factory=dict)   # full name -> org
    last_person: str = ""
    last_quote_speaker: tuple[str, str, int] | None = None       # (speaker, org, paragraph)
    quote_intro: tuple[str, str, int] | None = None              # "Jane Roe, CEO, said:" (speaker, org, paragraph)
    acronyms: dict[str, str] = field(default_factory=dict)       # ACR -> Long Name
    surnames: dict[str, str] = field(default_factory=dict)       # Roe -> Jane Roe
    titles: TitleWords = field(default_factory=TitleWords)       # the rules' title words
    brands: frozenset[str] = frozenset()                          # names used as makers' names: brand_words
    visitors: frozenset[str] | None = None                        # a programme's guests' surnames: is_visitor
    chairs: frozenset[str] | None = None                          # a hearing's presiding surnames: is_chair
    text: str = ""                                                # the document's text (named_body)
    at: int = 0                                                   # where the sentence read now starts

    def canonical_person(self, name: str) -> str:
        name = " ".join(name.split())
        parts = name.split()
        if len(parts) == 2 and parts[0].rstrip(".").lower() in self.titles.honorifics:
            full = self.canonical_person(parts[1])  # "Ms Roe" is the "Jane Roe" named before
            if full != parts[1]:
                return full
        if " " not in name:
            if name in self.surnames:
                return self.surnames[name]
            low = {k.lower(): v for k, v in self.surnames.items()}
            if name.lower() in low:
                return low[name.lower()]
        else:
            # "VAN ROE:", "GOV. DÍAZ DE ROE:" are the "Jan van Roe", "Ana Díaz de Roe" named before: a
            # surname with its particle (an abbreviated title before it left off)
            words = [w for w in parts if not w.endswith(".")]
            if len(words) >= 2 and any(w.lower() in _PARTICLES for w in words[:-1]):
                tail = " " + " ".join(words).lower()
                full = {v.lower(): v for v in self.surnames.values()
                        if len(v.split()) > len(words) and (" " + v.lower()).endswith(tail)}
                if len(full) == 1:
                    return next(iter(full.values()))
        return name

    def without_honorific(self, person: str) -> str:
        """"Mr. Jane Roe" of a witness list is the "Jane Roe" the text names (a name broken over a
        line, "Dana\nRoe", joined)."""
        parts = person.split()
        while len(parts) > 2 and parts[0].rstrip(".").lower() in self.titles.honorifics:
            parts = parts[1:]
        return " ".join(parts)

    def remember(self, person: str, org: str = "") -> None:
        written = self.without_honorific(person)
        person = person_cased(written)
        if not person:
            return
        if person != written and person in self.person_org:
            org = ""  # "JANE ROE" in capitals is the "Jane Roe" already placed: a heading's guess adds nothing
        parts = person.split()
        if len(parts) == 2 and parts[0].rstrip(".").lower() in self.titles.honorifics:
            full = self.canonical_person(person)
            if full != person:  # "Ms Roe, you were the board's secretary" is the "Jane Roe" named before,
                person = full  # and the list that placed her outranks what a question calls her
                org = "" if self.person_org.get(full) else org
            elif parts[1] in self.surnames:
                return
        self.last_person = person
        parts = person.split()
        if len(parts) > 1:
            self.surnames[parts[-1]] = person
            if len(parts) > 2 and parts[-1].rstrip(".,").lower() in _NAME_SUFFIXES:
                self.surnames[parts[-2].rstrip(",")] = person  # "Robert L. Roe Jr." is "Mr. ROE" in the turns
            if re.search(r"\b(?:Sir|Dame)\s{1,3}" + re.escape(parts[0]) + r"\b", self.text):
                self.surnames.setdefault(parts[0], person)  # "Sir Philip Roe" is "Sir Philip" later
        if org:
            self.person_org[person] = org


_WORD = re.compile(r"[A-Za-z][A-Za-z.&'\-]*")
#: Lower-case words inside a body's name ("Food and Fair Trade Administration", "Department of Fair Trade").
_NAME_LINKS = frozenset({"of", "and", "for", "on", "&"})
#: Capitalized words that open a sentence or a phrase and are never the first word of a name.
_NOT_NAME = frozenset({"the", "a", "an", "this", "that", "its", "in", "on", "at", "by", "for", "from", "and", "but",
                       "after", "before", "when", "while", "with", "according", "to", "as", "if", "since"})


@lru_cache(maxsize=16)
def _words_of(text: str) -> tuple[tuple[tuple[int, int, str], ...], tuple[int, ...]]:
    words = tuple((m.start(), m.end(), m.group()) for m in _WORD.finditer(text))
    return words, tuple(w[0] for w in words)


def _joined(text: str, a: tuple[int, int, str], b: tuple[int, int, str]) -> bool:
    """Are two words of the text one phrase's (only spaces, or one line break, between them)?"""
    gap = text[a[1]:b[0]]
    return len(gap) <= 3 and gap.strip() == ""


def named_body(text: str, at: int, heads: frozenset[str]) -> str:
    """The public body a story named last before ``at`` whose name ends in one of ``heads``
    ("The Northgate Product Safety Commission said ... The agency said": "Northgate Product Safety
    Commission"); "" when none. The head is capitalized, the name has a word before it or an
    "of"-part after it ("Department of Fair Trade")."""
    if not heads or at <= 0:
        return ""
    words, starts = _words_of(text)
    i = bisect.bisect_left(starts, at) - 1
    while i >= 0:
        w = words[i][2].rstrip(".")
        if w[:1].isupper() and w.lower() in heads:
            j = i
            while j > 0 and i - j < 8 and _joined(text, words[j - 1], words[j]):
                prev = words[j - 1][2]
                if prev[:1].isupper() and prev.lower() not in _NOT_NAME and not prev.endswith(("'s", "’s")):
                    j -= 1
                elif prev.lower() in _NAME_LINKS and j > 1 and words[j - 2][2][:1].isupper() \
                        and words[j - 2][2].lower() not in _NOT_NAME and _joined(text, words[j - 2], words[j - 1]):
                    j -= 2
                else:
                    break
            k = i
            if k + 2 < len(words) and words[k + 1][2] in ("of", "for") and _joined(text, words[k], words[k + 1]):
                m = k + 2
                if words[m][2] == "the" and m + 1 < len(words):
                    m += 1
                while m < len(words) and m - k < 7 and words[m][2][:1].isupper() and _joined(text, words[m - 1], words[m]):
                    k = m
                    m += 1
            if j < i or k > i:
                return text[words[j][0]:words[k][1]].rstrip(".,") if k > i else text[words[j][0]:words[i][1]]
        i -= 1
    return ""


def record_author(ctx: "DocContext", noun: str) -> str:
    """Who wrote "the report" a sentence cites: the public body named in the sentence that last
    mentioned a ``noun`` before it ("The Northgate Trade Commission released its report on
    Monday."), or in one of the two mentions before that; "" when none names one."""
    text = ctx.text
    mentions = [m.start() for m in re.finditer(r"\b" + re.escape(noun) + r"\b", text[:ctx.at], re.I)]
    for pos in reversed(mentions[-3:]):  # "The 120-page report, written in 2006, ..." names none: the one before
        since = max(text.rfind(". ", 0, pos), text.rfind("\n\n", 0, pos), 0)
        name = named_body(text, pos, ctx.titles.bodies)
        if name and since <= text.find(name, since) < pos:
            return name
    return ""


#: The records an organization issues in its own voice: "the statement said" is its.
_OWN_VOICE_RECORDS = frozenset({"statement", "release", "announcement", "communiqué", "communique", "notice"})


def _focus_issued(ctx: "DocContext", noun: str) -> bool:
    """Did the story say, where it last named ``noun`` (a statement, a release), that the
    organization it is about issued it: "In a statement on its website the club said ..."?"""
    if noun not in _OWN_VOICE_RECORDS:
        return False
    text = ctx.text[:ctx.at]
    mentions = [m for m in re.finditer(r"\b" + re.escape(noun) + r"\b", text, re.I)]
    if not mentions:
        return False
    pos = mentions[-1].start()
    since = max(text.rfind(". ", 0, pos), text.rfind("\n\n", 0, pos), 0)
    until = ctx.text.find(". ", pos)
    sentence = ctx.text[since:until if until > 0 else pos + 200].lower()
    heads = "|".join(sorted(ctx.titles.org_nouns))
    return bool(re.search(r"\b(?:its|their)\s+(?:own\s+)?(?:\w+\s+)?" + re.escape(noun)
                          + r"|\bthe\s+(?:" + heads + r")\s+(?:said|wrote|stated|announced|added)\b", sentence))


def body_named_in(tokens: Iterable[Any], ctx: "DocContext") -> str:
    """The public body a definite noun among ``tokens`` stands for ("the agency", "the
    commission's chair"): the one the story named last before the sentence (:func:`named_body`);
    "" when no such noun or no such name."""
    tw = ctx.titles
    for t in tokens:
        lemma = t.lemma_.lower()
        if t.pos_ != "NOUN" or not (lemma in tw.body_refs or lemma in tw.bodies) \
                or not any(c.dep_ == "det" and c.lower_ in ("the", "that", "this") for c in t.children):
            continue
        heads = tw.bodies if lemma in tw.body_refs else frozenset({lemma})
        return named_body(ctx.text, ctx.at, heads)
    return ""


def office_before(tokens: Sequence[Any], titles: TitleWords) -> str:
    """The public office a place's title before a name makes its holder speak for: "Acting U.S.
    Attorney [Jane Roe]" -> "U.S. Attorney's Office", "Northgate Attorney General [Jane Roe]" ->
    "Northgate Attorney General's Office"; "" when ``tokens`` (the words just before the name) do
    not end in a title of lexicon.office_titles after a place's name."""
    words = list(tokens)
    for n in (3, 2, 1):
        if len(words) <= n or " ".join(t.lower_ for t in words[-n:]) not in titles.offices \
                or not all(t.text[:1].isupper() for t in words[-n:]):
            continue  # an office's title is capitalized before a name: "Houston attorney Jane Roe" holds none
        place: list[Any] = []
        for t in reversed(words[:-n]):
            if t.pos_ != "PROPN" or t.lower_ in titles.modifiers or t.lower_ in titles.person or len(place) >= 4:
                break
            place.insert(0, t)
        if not place or not all(t.ent_type_ in ("GPE", "LOC", "ORG", "NORP", "") for t in place):
            return ""
        title = " ".join(t.text[:1].upper() + t.text[1:] for t in words[-n:])
        return f"{' '.join(t.text for t in place)} {title}'s Office"
    return ""


def acronym_definitions(text: str) -> dict[str, str]:
    """"Northgate Food Board (NFB)" -> {"NFB": "Northgate Food Board"} when the initials agree."""
    out: dict[str, str] = {}
    for m in _ACRONYM_DEF.finditer(text):
        words, acr = m.group(1).split(), m.group(2).replace(".", "")
        letters = acr.replace("-", "").upper()
        for k in range(len(words)):
            cand = [w for w in words[k:] if w[0].isupper()]
            initials = "".join(w[0] for w in cand).upper()
            if initials == letters or len(letters) >= 3 and initials[:1] == letters[:1] \
                    and _in_order(initials, letters) and _in_order(letters, "".join(cand).upper()):
                # ("Northgate Island Emergency Agency (NI-EA)": a short name of some letters of the words, in order)
                out[acr] = " ".join(words[k:]).strip(" ,")
                break
    return out


def _in_order(part: str, whole: str) -> bool:
    """Are the letters of ``part`` found in ``whole`` in the same order?"""
    rest = iter(whole)
    return all(c in rest for c in part)


#: What an organization calls itself in its own documents ("the Group", "the Company"): no name.
_SELF_NOUNS = frozenset({"group", "company", "firm", "corporation", "organization", "organisation", "bank",
                         "partnership", "business"})


#: A body that governs an organization from inside, named by its kind alone: "Management Board", "Board of
#: Directors", "Executive Committee" (not "Northgate Water Board", which names a body of its own).
_GOVERNING_BODY = re.compile(r"(?i)(?:(?:management|supervisory|executive|administrative|governing|holding)[ \t])?"
                             r"(?:board|committee)(?:[ \t]of[ \t](?:the[ \t])?(?:directors|management|governors|trustees))?")


_BOARD_OF = re.compile(r"(?i:(?:management|supervisory|executive|administrative|governing)[ \t])?(?i:board)"
                       r"(?:[ \t]of[ \t](?:directors|management|governors|trustees))?[ \t]of[ \t](?:the[ \t])?(?=[A-Z])")


#: Words that begin a question or a sentence and never a name ("Will Acme pay?", "In response, Acme ...").
_FUNCTION_WORDS = frozenset({"will", "would", "did", "does", "do", "can", "could", "should", "shall", "is", "are",
                             "was", "were", "has", "have", "had", "in", "on", "at", "for", "from", "by", "after",
                             "before", "when", "if", "as", "but", "and", "why", "how", "what", "while", "since", "with"})
_LEADING_FUNCTION = re.compile(r"^(?:" + "|".join(sorted(w.capitalize() for w in _FUNCTION_WORDS)) + r")\s+(?=[A-Z])")


def clean_org(name: str) -> str:
    name = re.split(r"\n|[\"“”]", name.strip())[0]  # an entity run on over a line break or into a quoted title
    name = re.sub(r"^(the)\s+", "", name.strip(), flags=re.I)
    name = _LEADING_FUNCTION.sub("", name)  # "Will Acme pay?": a question's first word, no part of the name
    if name.strip(" ,.;:").lower() in _FUNCTION_WORDS:
        return ""  # "In response to ...": a sentence's first word the tagger took for a name
    name = re.sub(r"(?<=\w)['’]s?$", "", name)  # ("Acme Polymers' plant": the plural's possessive too)
    name = re.sub(r"(?<=[A-Za-z])\.(?:com|net|org|io)$", "", name)  # "Acme.com ran degraded": Acme
    if name.strip(" ,.;:").lower() in _SELF_NOUNS:
        return ""  # "the Group's reserves auditor": the organization naming itself, no name of one
    board_of = _BOARD_OF.match(name)
    if board_of:  # "the Management Board of Acme AG": Acme's board speaks for Acme
        name = name[board_of.end():]
    if _GOVERNING_BODY.fullmatch(name.strip(" ,.;:")):
        return ""  # "Chairman of the Management Board": the organization's own board, no organization's name
    owner = re.match(r"(?i)(?:our|your|their|its|my|his|her)\b\s*", name)
    if owner:  # "Our quarterly reports": a possessive, no organization's name ("Our" alone is none)
        name = name[owner.end():]
        if not name[:1].isupper():
            return ""
    name = name.strip(" ,.;:")
    if _LEGAL_FORM_ALONE.fullmatch(name):
        return ""  # "the B.V. signs the contract": the company's legal form standing for it, no name
    return name


#: A legal form written alone: "B.V.", "GmbH", "S.A.", "Inc", "plc" (no name before it).
_LEGAL_FORM_ALONE = re.compile(r"(?i)(?:b\.\s?v|n\.\s?v|s\.\s?a|s\.\s?p\.\s?a|s\.\s?r\.\s?l|gmbh|inc|ltd|llc|plc|"
                               r"corp|co|pty|pte|oyj|a/s|k\.k|sarl|tbk|bhd|ltda)\.?")  # (not "AB", "AG": short names too)


#: Lower-case words a person's name may hold ("Maria de la Cruz", "Jan van Dyke").
#: What follows a surname in a full name: "Jr.", "III", "QC".
_NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "qc", "kc", "esq", "md", "phd"})
_NAME_PARTICLES = frozenset({"de", "la", "del", "della", "di", "da", "van", "von", "der", "den", "du", "le", "bin", "al",
                             "el", "y", "e", "dos", "das", "ter", "ten", "zu", "per", "des", "dei", "degli", "et", "und"})


#: A turn label alone on its line, the words on the lines below: "EL SENYOR PRESIDENT DE LA GENERALITAT (Jane Roe):",
#: "JANE ROE:" (a name in capitals of two words or more, or with its parenthesis; not "BACKGROUND:").
_TURN_ALONE = re.compile(r"[ \t]{0,8}(?P<name>[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ.'\-]{0,30}(?: [A-ZÀ-ÖØ-Þ.'\-]{1,30}){0,8})"
                         r"[ \t]{0,8}(?P<paren>\([^()\n]{1,80}\))?[ \t]{0,8}:[ \t]{0,8}")  # (words one space apart:
# a name and the space after it are never two readings of one run of spaces)


def _turn_match(line: str) -> re.Match[str] | None:
    """_TURN's match of a turn label's line; a label alone on its line (its words below) read as if they followed it."""
    m = _TURN.match(line)
    if m is not None:
        return m
    first = line.split("\n", 1)[0]
    alone = _TURN_ALONE.fullmatch(first)
    if alone is None or not (alone["paren"] or len(alone["name"].split()) >= 2) \
            or alone["name"].split()[0].lower() in NOT_TURNS or HEADER_LABEL.match(alone["name"] + ":"):
        return None
    return _TURN.match(first.rstrip() + " .")


def turn_speaker(paragraph: str) -> str:
    """Transcript turns: "SMITH: We will ..." -> "SMITH"; "Mr. STUMPF. Thank you." -> "Mr. STUMPF"."""
    m = _turn_match(paragraph)
    if not m:
        return ""
    label = (m.group(1) or m.group(3) or m.group("qa") or "").strip()
    if m.group(1) and (label.split()[0].lower().rstrip(".") in NOT_TURNS or HEADER_LABEL.match(label + ":") or label.lower() == "speaker"):
        # ("Speaker: Jane Roe, Director" heading speaking notes names who speaks; it is no turn)
        return ""  # "About Acme: ...", "Note: ...", "From: ...": a label, not a speaker
    if re.fullmatch(r"[QA]\.", label):
        return label[0]  # "Q. (journalist): ...": a question, as "Q." is
    words = label.split()
    held = _HELD_BY.fullmatch(m.group("paren") or "") if m.group(1) and (
        words[0].lower() in _OFFICE_ARTICLES or label.lower() in _CHAIR_LABELS or _MINISTER_OF.fullmatch(label)) else None
    if held:
        return held.group(0)  # "The Prime Minister (Jane Roe):": a parliament's record names the office, then its holder
    if m.group(1) and _role_held_by(label, m.group("paren") or ""):
        return m.group("paren").strip()  # "RAPPORTEUR (Sen. Jane Roe):": the member holding the role
    if m.group(1) and (len(label) > 40 or len(words) > 1 and (words[0] == "I" and not label.isupper() or any(
            w[:1].islower() and w.lower() not in _NAME_PARTICLES for w in words[1:]))):
        return ""  # "I want to say clearly: we are sorry": a sentence with a colon, not a speaker's name
        # (a name in capitals may open with "I": "I GUSTI NGURAH ROE (Chief Executive):")
    return label


#: A minister's office in a turn label: "THE MINISTER FOR FAIR TRADE", "Minister of Fair Trade".
#: A provincial or state executive's office names its department: "THE MEC FOR HEALTH", "Secretary of
#: State for Fair Trade" speak for the Department of Fair Trade.
_MINISTER_OF = re.compile(r"(?i:the\s)?(?P<office>(?i:minister|mec|secretary(?:\sof\sstate)?|cabinet\ssecretary))"
                          r"\s(?i:for|of)\s(?P<field>[A-Za-z][A-Za-z ,&]{2,40})")

#: The article an office's turn label opens with ("THE PRIME MINISTER (Jane Roe):", Irish "AN
#: TAOISEACH (Jane Roe):"): the office's holder is named in its parenthesis.
_OFFICE_ARTICLES = frozenset({"the", "an", "el", "la", "le", "il", "lo", "der", "die", "o"})  # ("EL SENYOR PRESIDENT DE LA ...")

#: A chair's turn label naming its holder in brackets: "CHAIRPERSON (Mr Y. Roe):", "CHAIR (Jane Roe):".
_CHAIR_LABELS = frozenset({"chairperson", "chair", "chairman", "chairwoman", "presiding officer", "convener", "convenor",
                           "deputy chairperson", "deputy chair", "acting chairperson", "acting chair"})

#: A person's name in a turn label's parenthesis after an office: "(Jane Roe)", "(Dame Jane Roe)",
#: "(Ms J R Roe)": two words at least, initials allowed before the names.
_HELD_BY = re.compile(r"(?=\S{1,30}\s\S)(?:(?:Sir|Dame|Dr|Mr|Mrs|Ms|Lord|Lady)\.?\s)?(?:[A-Z]\.?\s){0,3}"
                      r"[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ'\-]{1,20}(?:\s[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ'\-]{1,20}){0,2}")  # ("(Jane Roé Doe)")
#: A parenthesis naming a member who holds a role, by an honorific of office: "RAPPORTEUR (Sen. Jane
#: Roe):", "CHAIR (Cllr J. Roe):".
_MEMBER_HELD_BY = re.compile(r"(?:Sen|Senator|Rep|Hon|Cllr|Councillor|Deputy|Dep|Deputada|Deputado|Senadora?|Dip|Judge|"
                             r"Justice|Prof|Sir|Dame|Dr|Mr|Mrs|Ms|SEN|SENATOR|REP|HON|CLLR|DEP|DR|MR|MRS|MS)\.?\s(?:[A-Z]\.?\s){0,3}[A-Z][\w'\-]{1,20}(?:\s[A-Z][\w'\-]{1,20}){0,3}")


def _role_held_by(label: str, paren: str) -> bool:
    """Is a turn label one word of a role ("RAPPORTEUR", "PRESIDENT") whose parenthesis names the
    member holding it by an honorific ("(Sen. Jane Roe)")? The member speaks; the parenthesis names
    no organization."""
    words = label.split()
    if len(words) == 2 and words[0].lower() == "the":
        words = words[1:]  # "THE CHAIRMAN (SEN. ROE):"
    return len(words) == 1 and bool(_MEMBER_HELD_BY.fullmatch(paren.strip()))


@lru_cache(maxsize=64)
def _turn_starts(text: str) -> tuple[tuple[int, ...], tuple[str, ...]]:
    offsets: list[int] = []
    labels: list[str] = []
    pos = 0
    lines = text.split("\n")
    first_line = -1
    for n, line in enumerate(lines):
        if line[:1].strip() or line.startswith((" ", "\t")):
            m = _turn_match(line)
            if m:  # "Note: ...", "Captured: ...": a label, no speaker, but it ends the turn before
                offsets.append(pos)
                labels.append(turn_speaker(line))
                first_line = n if len(offsets) == 1 else first_line
        pos += len(line) + 1
    raw = lines[first_line].split(":", 1)[0] if len(offsets) == 1 else ""
    if raw and labels[0] and not raw.isupper() and "(" not in raw and first_line < 6 \
            and first_line + 2 < len(lines) and not lines[first_line + 1].strip() and any(ln.strip() for ln in lines[first_line + 2:]) \
            and not re.match(r"[ \t]{0,4}[\"“'‘]", lines[first_line].split(":", 1)[-1]):  # (not 'Jane Roe: "I never did"')
        return (), ()  # "Serious IT incident: university offline" alone on its line near the top, the only
        # label in the text: a headline with its subtitle, no speaker's turn
    return tuple(offsets), tuple(labels)


#: A turn label of whoever asks: "Q.", "REPORTER", "JOURNALIST", "QUESTION".
_ASKER_TURN = re.compile(r"(?i)(?:q|question|reporter|journalist|correspondent|interviewer|questioner|member of the press)\.?")


def turn_orgs(text: str, titles: TitleWords) -> list[str]:
    """The organizations the transcript's turn labels name, in order ("ROE (Chief Executive, Acme):")."""
    out = []
    for offset in _turn_starts(text)[0]:
        if turn_of_member(text, offset):
            continue  # "Jane Roe (Northgate East) (Lab):" a member's constituency, no organization
        org = turn_org(text, offset, titles)
        end = text.find("\n", offset)
        label = _turn_match(text[offset:end if end >= 0 else len(text)])
        if label and (label.group("qa") or label.group(1) and _ASKER_TURN.fullmatch(label.group(1).strip())):
            continue  # "Q. (Northgate News):", "REPORTER (Acme Radio):": the outlet asking, no one heard
        counsel = COUNSEL_LABEL.fullmatch(label.group(1).strip()) if label and label.group(1) else None
        if counsel and not org:
            org = counsel_party(counsel["party"])  # "COUNSEL FOR ACME:": Acme is heard through its lawyer
        if org and org not in out and not org.startswith("Counsel for "):  # (a described party's lawyer asks; it is not heard)
            out.append(org)
    return out


def turn_heading(text: str) -> str:
    """A transcript's heading: its text before the first turn label that names a speaker ("" when none)."""
    offsets, labels = _turn_starts(text)
    return next((text[:at] for at, label in zip(offsets, labels) if label), "")


#: A heading's line naming a witness or a guest: "Public hearing - witness: Jane Roe, ...", "WITNESSES:".
_WITNESS_LINE = re.compile(r"(?i)\b(?:witness(?:es)?|guests?|interviewee|speakers?|panel|oitiva|depoente|testigos?)\b[^\n]{0,3}:")


@lru_cache(maxsize=64)
def venue_heading(text: str) -> tuple[str, str]:
    """(the transcript's heading without its witness lines, the text after the heading), each with
    its whitespace run together; ("", "") when no turn names a speaker. A name only that heading
    gives is the venue holding the hearing ("NORTHGATE STATE BOARD OF ELECTIONS / Evidentiary
    Hearing"), not whom its witnesses speak for; a witness list or line ("WITNESSES:" and its
    entries, "- witness: Jane Roe, ...") says whom they speak for, and is left out of it."""
    heading = turn_heading(text)
    if not heading:
        return "", ""
    kept, listing = [], False
    for ln in heading.split("\n"):
        named = bool(_WITNESS_LINE.search(ln))
        listing = (named and ln.rstrip().endswith(":")) or (listing and bool(ln.strip()))
        if not (named or listing):
            kept.append(ln)
    return " ".join(" ".join(kept).split()), " ".join(text[len(heading):].split())


def turn_label_words(text: str) -> frozenset[str]:
    """The words of the transcript turn labels in ``text``, in capitals ("MR. ROE:" -> MR., ROE):
    a name NER reads in a label is the speaker's, never the organization a story is about."""
    return frozenset(w.upper() for label in _turn_starts(text)[1] for w in label.split())


@lru_cache(maxsize=64)
def speaker_turns(text: str) -> int:
    """How many speaker turns (labels that name someone) the text holds."""
    return sum(1 for label in _turn_starts(text)[1] if label)


#: A surname's particle: "van Roe", "de la Roe", "von Roe".
_PARTICLES = frozenset({"van", "von", "der", "den", "de", "del", "della", "la", "le", "da", "dos", "du", "ter", "ten"})


def turn_at(text: str, offset: int) -> str:
    """The speaker turn ``offset`` lies in: the last turn label at or before it (a turn runs on
    over paragraphs until the next one); "" before the first turn or where there are none."""
    offsets, labels = _turn_starts(text)
    n = bisect.bisect_right(offsets, offset) - 1
    return labels[n] if n >= 0 else ""


#: A speaker's part in a programme or a meeting, in a turn label's parenthesis ("ROE (HOST):"): no
#: organization.
TURN_ROLES = frozenset({"host", "co-host", "cohost", "guest", "moderator", "interviewer", "interviewee", "panelist",
                        "witness", "participant", "questioner", "anchor", "co-anchor", "caller", "narrator", "announcer",
                        "voiceover", "v/o", "o/s", "audience", "unidentified", "presenter", "speaker", "chair"})


#: Roles of a programme's visitors: they speak for themselves, not for the programme's organization.
VISITOR_ROLES = frozenset({"guest", "caller"})


def turn_role(text: str, offset: int) -> str:
    """The role the parenthesis of the turn label ``offset`` lies in gives ("ROE (GUEST):" ->
    "guest"), one of :data:`TURN_ROLES`; "" for none."""
    offsets, _labels = _turn_starts(text)
    n = bisect.bisect_right(offsets, offset) - 1
    if n < 0:
        return ""
    end = text.find("\n", offsets[n])
    m = _turn_match(text[offsets[n]:end if end >= 0 else len(text)])
    paren = (m.group("paren") or "") if m else ""
    words = [w.lower().strip(".:") for w in re.split(r"[\s,/|]+", paren) if w]
    return next((w for w in words if w in TURN_ROLES), "")


def turn_of_office_holder(text: str, offset: int) -> bool:
    """Is the turn label ``offset`` lies in a presiding or questioning role that names its holder in
    brackets ("CHAIRPERSON (Mr Y. Roe):", "RAPPORTEUR (Sen. Jane Roe):")? The holder is a member of
    the body holding the hearing, not a witness."""
    offsets, _labels = _turn_starts(text)
    n = bisect.bisect_right(offsets, offset) - 1
    if n < 0:
        return False
    end = text.find("\n", offsets[n])
    m = _turn_match(text[offsets[n]:end if end >= 0 else len(text)])
    if not m or not m.group(1) or not m.group("paren"):
        return False
    label, paren = m.group(1).strip(), m.group("paren")
    return (label.lower() in _CHAIR_LABELS and bool(_HELD_BY.fullmatch(paren))) or _role_held_by(label, paren)


def is_visitor(text: str, person: str, ctx: "DocContext") -> bool:
    """Is ``person`` a programme's guest: a turn label of the text gives them a visitor's role
    ("ROE (GUEST):"), which holds for their later turns ("ROE:") too."""
    if ctx.visitors is None:
        offsets, labels = _turn_starts(text)
        ctx.visitors = frozenset(turn_person(label, ctx)[0].split()[-1].lower() for off, label in zip(offsets, labels)
                                 if label and turn_role(text, off) in VISITOR_ROLES and turn_person(label, ctx)[0])
    return bool(person) and person.split()[-1].lower() in ctx.visitors


#: A hearing's presiding member, named with the role in brackets in its header: "PRESENT: Sir
#: Jane Roe (Chairman), panel members", "Judge John Doe (presiding)".
_CHAIR = re.compile(r"(?P<name>[A-Z][\w.'\-]{1,30}(?:[ \t][A-Z][\w.'\-]{1,30}){0,3})[ \t]{0,2}\((?:the[ \t])?"
                    r"(?i:chair(?:man|woman|person)?|presiding(?:[ \t]\w{1,12})?)\)")


def is_chair(text: str, person: str, ctx: "DocContext") -> bool:
    """Is ``person`` who presides over a hearing the header names ("Sir Jane Roe (Chairman)")? Their
    turns ask and rule; they speak for no witness's organization."""
    if ctx.chairs is None:
        ctx.chairs = frozenset(m["name"].split()[-1].lower() for m in _CHAIR.finditer(text[:3000]))
    return bool(person) and person.split()[-1].lower() in ctx.chairs


#: A turn label's parenthesis naming the party a lawyer speaks for: "(for the family)", "(counsel for the
#: claimants)", "(on behalf of Acme)", "(representing the inquiry)".
#: A lawyer's office, in a turn label or its parenthesis: "counsel", "leading counsel", "solicitor", ...
_LAWYER = r"(?i:(?:leading |junior )?counsel|solicitor|barrister|advocate|attorney|lawyer)"
_COUNSEL_FOR = re.compile(r"(?:" + _LAWYER + r"[ \t]{1,3})?"
                          r"(?i:for|on behalf of|representing|instructed by)[ \t]{1,3}(?P<party>(?i:the[ \t]{1,3})?\S[^()\n]{1,60})")

#: A turn label of whoever presides over a hearing by office alone: "THE CORONER:", "THE COURT:".
PRESIDING_LABELS = frozenset({"the coroner", "the court", "the judge", "the chair", "the chairman", "the chairwoman",
                              "the chairperson", "the presiding officer", "the commissioner", "the president",
                              "the sheriff", "the magistrate"})


#: A turn label that is a lawyer's office for a party: "COUNSEL FOR ACME", "Counsel for the claimants".
COUNSEL_LABEL = re.compile(_LAWYER + r"[ \t]{1,3}(?i:for|to)[ \t]{1,3}"
                           r"(?P<party>(?i:the[ \t]{1,3})?\S[^()\n:]{1,60})")


def counsel_party(party: str) -> str:
    """Whom a lawyer at a hearing speaks for: a named party ("Acme", "ACME LTD") is that organization, whose
    voice its counsel is there; a party described ("the family", "the claimants") is "Counsel for the family"."""
    party = " ".join(party.split()).strip(" ,.")
    if party[:1].isupper() and not party.lower().startswith("the "):
        return clean_org(party.title() if party.isupper() else party)
    return f"Counsel for {party}"


def turn_org(text: str, offset: int, titles: TitleWords) -> str:
    """The organization the parenthesis of the turn label ``offset`` lies in names: "ROE (Acme
    CEO):" -> "Acme", "SEGALL (Example News):" -> "Example News"; "" for a title alone ("ROE
    (Chief Executive):") or no parenthesis. A word of ``titles`` (person or label titles) ends the name."""
    offsets, _labels = _turn_starts(text)
    n = bisect.bisect_right(offsets, offset) - 1
    if n < 0:
        return ""
    start = offsets[n]
    end = text.find("\n", start)
    m = _turn_match(text[start:end if end >= 0 else len(text)])
    paren = m.group("paren") if m else None
    if not paren or re.search(r"\d:\d|\d{4}", paren) or _role_held_by(m.group(1).strip(), paren):
        return ""  # "ROE (10:18 AM):", "ROE (2019):": a time, not an organization ("RAPPORTEUR (Sen. Jane Roe):": a member)
    if m.group(1).strip().lower() in _CHAIR_LABELS and _HELD_BY.fullmatch(paren.strip()):
        return ""  # "CHAIR (Jane Roe):": the person in the chair, no organization
    party = _COUNSEL_FOR.fullmatch(paren.strip())
    if party:  # "MR ROE (for the family):", "MS DOE (counsel for the claimants):": a lawyer for another party
        return counsel_party(party["party"])
    if (m.group(1).split()[0].lower() in _OFFICE_ARTICLES or _MINISTER_OF.fullmatch(m.group(1).strip())) \
            and _HELD_BY.fullmatch(paren):  # (or "Minister for Health (Deputy Jane Roe):", a minister sitting in the house)
        # "The Prime Minister (Jane Roe):": the holder of an office; "THE MINISTER FOR FAIR
        # TRADE (Jane Roe):" speaks for the Ministry of Fair Trade
        ministry = _MINISTER_OF.fullmatch(m.group(1).strip())
        if not ministry:
            return ""
        department = f"Department of {ministry['field'].strip().title()}"
        # (a record that names the minister's department so: "officials from the Department of Fair Trade")
        return department if department.lower() in text[:3000].lower() else _house_of(ministry)
    to_body = _TITLE_TO_BODY.fullmatch(paren.strip())
    if to_body and to_body["title"].split()[0].lower() in titles.person:
        return clean_org(to_body["body"])  # "ROE (Secretary to the Mint):": the body she heads
    held = _MINISTER_OF.fullmatch(paren.strip())
    if held and not held["field"].lower().startswith(("state", "the ")):
        # "PRINCE ROE (Minister of Fair Trade):" at a joint briefing speaks for the Ministry of Fair Trade
        return _house_of(held)
    title, comma, employer = paren.rpartition(",")
    if comma and title.strip() and employer.strip()[:1].isupper() and any(
            w.lower().strip(".,&:") in titles.person for w in re.split(r"[\s/|\-]+", title)):
        # ("Vice-President, Executive Board": a hyphenated title; "Group Executive: Generation, Acme": a title and its field)
        paren = employer  # "ROE (President and Chief Executive Officer, Acme Bio):" the employer after the title
        if len(employer.split()) >= 2 and {w.lower().strip(".,&") for w in employer.split()} - {"and", "", "of", "the"} \
                <= titles.units | _PORTFOLIO_WORDS:
            return ""  # "ROE (Vice-President, Finance and Services):": her portfolio, a unit of the organization
    words = [w for w in re.split(r"[\s,/|]+", paren) if w]
    kept: list[str] = []
    for w in words:
        if w.lower().strip(".&") in titles.person or w.lower() in titles.label or w.lower() in ("the", "of", "&", "and") \
                or any(part in titles.person for part in w.lower().strip(".&").split("-")[1:]) \
                or w.lower().strip(".:") in TURN_ROLES or w.lower() in titles.modifiers:
            break  # ("Managing Director", "Deputy Chief": a title's first word is no organization's)
        kept.append(w)
    name = " ".join(kept)
    if kept and all(w.lower().strip(".,") in _MINISTER_RANKS for w in kept):
        return ""  # "MORRISON (Prime Minister):", "ROE (Deputy First Minister):": a rank, no organization
    if len(kept) == 1 and kept[0].lower().strip(".,&") in titles.units:
        return ""  # "OFFICIAL (Infrastructure):": a unit of the organization the transcript is of, not another
    return clean_org(name) if kept and kept[0][:1].isupper() and all(
        w[:1].isupper() or w[:1].isdigit() or w.lower() in _NAME_PARTICLES or re.match(r"[a-z]{1,2}['’][A-Z]", w)
        for w in kept[1:]) else ""  # ("Strade per l'Acme": another language's small words inside a name)


#: An officer's title that names the body she serves by "to the": "Secretary to the Mint" (not "Leader of the
#: Opposition": a place in the house, no body).
_TITLE_TO_BODY = re.compile(r"(?P<title>[A-Z][a-z]+(?:[ \t][A-Z][a-z]+){0,2})[ \t]to[ \t]the[ \t]"
                            r"(?P<body>[A-Z][A-Za-z]+(?:[ \t][A-Z][A-Za-z]+){0,3})")


def _house_of(office: re.Match[str]) -> str:
    """The ministry or department a _MINISTER_OF match names: "Minister for Fair Trade" -> "Ministry of Fair Trade"."""
    house = "Ministry" if office["office"].lower() == "minister" else "Department"
    return f"{house} of {office['field'].strip().title()}"


#: Words of a portfolio an officer holds inside the organization ("Finance and Services", "Information
#: Technologies"), read with the lexicon's unit words.
_PORTFOLIO_WORDS = frozenset({"services", "service", "technologies", "technology", "information", "operations",
                              "communications", "resources", "administration", "facilities", "academic", "research"})


def turn_of_member(text: str, offset: int) -> bool:
    """Is the turn label ``offset`` lies in a parliament member's, a name with a constituency and a
    party ("Jane Roe (Northgate East) (Lab):")? The member asks; the venue, not the folder's
    organization, is whose words they are."""
    offsets, _labels = _turn_starts(text)
    n = bisect.bisect_right(offsets, offset) - 1
    if n < 0:
        return False
    start = offsets[n]
    end = text.find("\n", start)
    return bool(_MEMBER_LABEL.match(text[start:end if end >= 0 else len(text)]))


_MEMBER_LABEL = re.compile(r"\s{0,8}[A-Z][A-Za-z.'\- ]{1,40}?\s{0,4}\([^()\n]{2,40}\)\s{0,4}\([A-Za-z ]{2,20}\):"
                           # one bracket, the seat then the party: "Mr. Jane Roe (Northgate East, Lib.):"
                           r"|\s{0,8}[A-Z][A-Za-z.'\- ]{1,40}?\s{0,4}\([^()\n,]{2,40},\s{0,3}"
                           r"(?:Lib|Con|CPC|NDP|BQ|Lab|LD|SNP|DUP|PC|Grn|Green|Ind)\.?\):"
                           # a member by the word alone, then the party: "MEMBER (Greens):", "A MEMBER (Lab):"
                           r"|\s{0,8}(?:(?i:an?|the)\s{1,3})?(?i:member|mp|mep|mla|msp|councillor)\s{0,4}\([^()\n]{2,40}\)\s{0,4}:")


#: Words that make a member's word an office: "Deputy Director", "Deputy Chief Constable".
_OFFICE_AFTER_MEMBER_WORD = frozenset({"director", "chief", "head", "general", "manager", "minister", "governor",
                                       "commissioner", "secretary", "president", "editor", "mayor", "leader",
                                       "superintendent", "inspector", "principal", "officer", "counsel", "of"})


def _mc_cased(word: str) -> str:
    """"McCRAW" -> "McCraw", "MacROE" -> "MacRoe": the name as its owner writes it."""
    at = word.index("c") + 1
    return word[:at] + word[at] + word[at + 1:].lower()


def person_cased(name: str) -> str:
    """A name written all in capitals ("ROBERT ROE", from a witness line) as names are written,
    "Robert Roe"; a name with small letters is kept as written ("McRoe", "DeGATTE")."""
    if not name or any(c.islower() for c in name):
        return name
    return re.sub(r"[A-Z]{2,}", lambda m: m.group() if re.fullmatch(r"[IVX]{2,4}|QC|KC|MP|MD|PHD", m.group())
                  else m.group()[0] + m.group()[1:].lower(), name)  # ("O'ROE" -> "O'Roe", "ROE III" -> "Roe III")


def turn_person(turn: str, ctx: "DocContext") -> tuple[str, bool]:
    """(person, is a member holding the hearing) of a turn label: "Mr. ROE" -> ("Jane A. Roe",
    False) when the witness list named him; "Senator WARREN" -> ("Warren", True)."""
    label = re.sub(r"(?<!\s)\s*\([^()]*\)\s*", " ", turn).strip().rstrip(".")
    if " " not in label:
        label = re.sub(r"(?<=[A-Za-z])[._](?=[A-Za-z])", " ", label)  # a handle: "KEN.ROE", "jane_roe"
    words = label.split()
    member = False
    members, honorifics = ctx.titles.member, ctx.titles.honorifics
    while words:
        head = words[0].rstrip(".").lower()
        two = " ".join(w.rstrip(".").lower() for w in words[:2])
        if two in members or two in honorifics:
            member = member or two in members
            words = words[2:]
        elif head in members and len(words) > 1 and words[1].rstrip(".,").lower() in _OFFICE_AFTER_MEMBER_WORD:
            break  # "DEPUTY DIRECTOR ROE", "Chair Of ...": an office's second word, no member of a house
        elif head in members or head in honorifics:
            member = member or head in members
            words = words[1:]
        else:
            break
    # "ROE", "DeGATTE" in capitals given title case; "McCain" is written as its owner spells it
    name = " ".join(w if sum(c.isupper() for c in w) < 2 or len(w) <= 2
                    or sum(c.isupper() for c in w) <= sum(c.islower() for c in w)
                    else _mc_cased(w) if re.fullmatch(r"Ma?c[A-Z]{2,}", w)
                    else re.sub(r"[A-ZÀ-Þ]{2,}", lambda m: m.group()[0] + m.group()[1:].lower(), w)  # ("JEAN-CLAUDE")
                    if not any(c.islower() for c in w) else w[:1] + w[1:].lower()
                    for w in words)
    if not name:
        return "", member
    canonical = ctx.canonical_person(name)
    known = {k.lower(): k for k in ctx.person_org} if canonical == name else {}
    if name.lower() in known:
        return known[name.lower()], member  # "ROE JANG-MI:" is the "Roe Jang-mi" the guest line named
    return canonical, member


def brand_words(sents: Iterable[Any]) -> frozenset[str]:
    """Capitalized names the document uses twice or more to qualify things ("Roe airbags", "Roe
    engineers"): a maker's name, though NER may take it for a surname ("Roe said")."""
    counts: Counter[str] = Counter()
    for s in sents:
        for t in s:
            if t.dep_ in ("compound", "amod") and t.head.pos_ == "NOUN" and t.pos_ in ("PROPN", "ADJ") \
                    and t.text[:1].isupper() and t.text[1:].islower() and t.ent_type_ in ("", "PERSON", "ORG", "NORP"):
                counts[t.text] += 1
    return frozenset(w for w, c in counts.items() if c >= 2)


def org_in(tokens: list[Any]) -> str:
    """The first organization entity among ``tokens`` (compound, possessive, appositive)."""
    for t in tokens:
        if t.ent_type_ == "ORG" and t.ent_iob_ == "B":
            ent = next((e for e in t.doc.ents if e.start == t.i), None)
            if ent is not None:
                return clean_org(ent.text)
    return ""



#: Dependents of a subject that say more about it without naming it: "Acme, which ..., said".
_CLAUSES = frozenset({"relcl", "acl", "advcl", "appos", "punct"})


def _own_words(subj: Any) -> list[Any]:
    """The subject's own words: its head and what modifies it, without a relative or appositive
    clause or punctuation hanging off it."""
    out = [subj]
    for c in subj.children:
        if c.dep_ not in _CLAUSES:
            out.extend(c.subtree)
    return sorted(out, key=lambda t: t.i)


#: Nouns of a written record whose words a story reports ("the report says", "a draft of the
#: order finds"): the record's author speaks, never the organization it is about.
RECORD_NOUNS = frozenset({"report", "study", "filing", "order", "ruling", "complaint", "lawsuit", "audit", "review",
                          "investigation", "analysis", "findings", "finding", "indictment", "judgment", "opinion"})


def _record_subject(subj: Any) -> Any:
    """The record a subject names, itself or through "a version / a draft / a copy of": None when
    the subject is no record."""
    t = subj
    for _ in range(3):
        if t.lemma_.lower() in RECORD_NOUNS and t.pos_ == "NOUN":
            return t
        of = next((c for c in t.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if obj is None or t.lemma_.lower() not in ("version", "draft", "copy", "summary", "excerpt", "part", "section"):
            return None
        t = obj
    return None


def _indefinite_org(sub: list[Any]) -> str:
    """The organization a speaker's description names without naming it: "a spokesman for a
    Riverside parents group" -> "Riverside parents group"; "" when there is none."""
    for t in sub:
        if t.dep_ == "pobj" and t.head.lower_ in ("for", "of", "at", "with") \
                and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in t.subtree if c.i < t.i):
            # ("for a payments start-up": the article may hang off a word of the name)
            words = [w for w in t.subtree if w.i <= t.i and w.dep_ not in ("det", "punct")]
            if words:  # the name as written ("payments start-up", its hyphen kept)
                return clean_org(t.doc[words[0].i:t.i + 1].text)
    return ""


def _named_employer(sub: list[Any], titles: TitleWords) -> str:
    """The proper name after a title's "for"/"at"/"of": "a spokeswoman for Northgate Go" ->
    "Northgate Go" (a name NER does not know as an organization); "" when there is none."""
    if any(t.lower_ in titles.former for t in sub):
        return ""  # "a former executive of Acme" no longer speaks for it
    for t in sub:
        if t.lower_ in ("for", "at", "of") and t.head.lemma_.lower() in titles.person:
            run = []
            k = t.i + 1
            if k + 1 < len(t.doc) and t.doc[k].lower_ == "the" and t.doc[k].text[:1].isupper() and t.doc[k + 1].pos_ == "PROPN":
                k += 1  # "director of The Acme Reform Network": the name's own capitalized "The"
            while k < len(t.doc) and k <= sub[-1].i and len(run) < 6 and (
                    t.doc[k].pos_ == "PROPN" or t.doc[k].text == "&"
                    or t.doc[k].text == "-" and not t.doc[k - 1].whitespace_ and k + 1 < len(t.doc)):  # "Roe-Acme"
                run.append(t.doc[k])
                k += 1
            while run and run[-1].pos_ != "PROPN":
                run.pop()
            if run and t.head.lemma_.lower() in ("minister", "secretary") and all(w.lower_ in _PORTFOLIO_WORDS for w in run):
                return ""  # "The Minister for Health, Jane Roe": a portfolio, no organization's name
            if run and run[0].pos_ == "PROPN" and run[0].ent_type_ != "GPE":  # NER may call an unknown name a person
                return clean_org(t.doc[run[0].i:run[-1].i + 1].text)
    return ""


#: A minister's portfolio after "for"/"of" ("Minister for Health and Housing"): what the office covers, not a
#: body's name (the shared portfolios, the fields only a title spelled out names, and the words joining them).
_PORTFOLIO_WORDS = PORTFOLIOS | {"aviation", "housing", "employment", "communications", "infrastructure", "and", "&"}


#: Bodies that hear, judge or review a matter, named before a person's title ("Inquiry chairman
#: Jane Roe"): the person holds office there, not at the organization the story is about.
_OTHER_BODIES = frozenset({"inquiry", "committee", "subcommittee", "commission", "panel", "tribunal", "court",
                           "council", "review", "investigation", "hearing", "regulator", "ministry", "judge"})

_COMPANY_TITLE = re.compile(r"\b(?:company|firm|corporate|chief executive|ceo|cfo|coo|chief financial|chief operating|"
                            r"founder|co-founder|chairman of the board)\b")


def _company_title(low: str) -> bool:
    """Does a speaker's description make them a company's officer ("company spokesman", "chief
    executive", "founder")?"""
    return bool(_COMPANY_TITLE.search(low))


def _public_body(name: str, tw: TitleWords) -> bool:
    """Is ``name`` a public body's ("Northgate Product Safety Administration"): its last word one of
    rules/lexicon.yaml body_heads?"""
    words = name.lower().split()
    return bool(words) and words[-1] in tw.bodies


def _spelled(name: str, ctx: DocContext) -> str:
    """An acronym as the text spells it out: defined ("the Product Safety Administration (PSA)"), or a
    run of capitalized words whose initials it is ("PSA" where the story also writes "Product Safety
    Administration"); the name itself otherwise."""
    if name in ctx.acronyms or not re.fullmatch(r"[A-Z]{2,6}", name):
        return ctx.acronyms.get(name, name)
    for m in re.finditer(r"(?:[A-Z][a-z]+(?:\s+(?:and|of|for|the|&))?\s+){1,6}[A-Z][a-z]+", ctx.text[:20000]):
        if "".join(w[0] for w in m.group().split() if w[:1].isupper()) == name:
            return m.group()
    return name


def _site(ent: Any, tw: TitleWords) -> bool:
    """Is an organization-looking name a place of the organization ("the Broken Arrow plant", "at
    its Springfield facility"): followed by a word of rules/lexicon.yaml site_nouns?"""
    doc = ent.doc
    return ent.end < len(doc) and doc[ent.end].lemma_.lower() in tw.sites


def _who_clause(subj: Any) -> Any:
    """The relative clause "who ..." hanging off a subject, or None."""
    for c in subj.children:
        if c.dep_ == "relcl" and any(w.dep_ in ("nsubj", "nsubjpass") and w.lower_ == "who" for w in c.children):
            return c
    return None


#: Verbs of a person's clause that say they no longer work for the organization it names.
_LEFT_VERBS = frozenset({"leave", "quit", "resign", "retire", "depart", "exit"})


def _employer_in(clause: Any) -> str:
    """The organization a person's clause works for or at ("who coordinates corporate affairs for
    Acme in Europe" -> "Acme"): an organization entity, else the proper name after "for"/"at"
    that is no place; "" when there is none."""
    if clause.lemma_.lower() in _LEFT_VERBS or any(t.lower_ in ("former", "formerly") for t in clause.subtree):
        return ""  # "who left Acme days before publication", "who formerly ran Acme's unit": no longer its voice
    sub = list(clause.subtree)
    found = org_in(sub)
    if found:
        return found
    for t in sub:
        if t.dep_ == "pobj" and t.head.lower_ in ("for", "at") and t.pos_ == "PROPN" and t.ent_type_ not in ("GPE", "PERSON", "DATE"):
            words = [w for w in t.subtree if w.i <= t.i and w.pos_ == "PROPN"]
            return clean_org(" ".join(w.text for w in words))
    return ""


def _current_officer(sub: list[Any], tw: TitleWords) -> bool:
    """Does a subject hold an officer's title now, beside a former one whose organization it names
    ("Chief legal officer Jane Roe, a former FTC commissioner": the officer of the story's
    organization, not of the FTC)?"""
    held = _held(sub, tw)
    if len(held) == len(sub) or not held:
        return False  # no former title, or nothing else held
    return bool({t.lower_ for t in held} & tw.officer or tw.spokes.search(" ".join(t.lower_ for t in held))) \
        and not org_in(held)


def _held(sub: list[Any], tw: TitleWords) -> list[Any]:
    """The subject's words without a title no longer held and what it names: "Jane Roe, a
    Northgate scientist and former chief of Acme" keeps "Northgate", not "Acme"; "a former
    executive of Acme" keeps nothing of Acme; "Jane Roe, who left Acme days before" keeps nothing
    of that clause."""
    left = {w.i for t in sub if t.dep_ == "relcl" and t.lemma_.lower() in _LEFT_VERBS for w in t.subtree}
    if left:
        sub = [t for t in sub if t.i not in left]
    if not any(t.lower_ in tw.former for t in sub):
        return sub
    if any(t.lower_ in tw.former and t.head not in sub for t in sub):
        return []  # "former" hangs off a word outside the subject: trust none of it
    dropped: set[int] = set()
    for t in sub:
        if any(c.lower_ in tw.former for c in t.children):
            dropped |= {w.i for w in t.subtree}
    return [t for t in sub if t.i not in dropped]


def _capitals_word(t: Any) -> bool:
    """A word in capitals the tagger took for a common noun: "ACME president Jane Roe"."""
    return t.is_alpha and len(t.text) >= 2 and t.text.isupper() and t.pos_ in ("NOUN", "ADJ")


def _name_after_title(sub: list[Any], subj: Any, tw: TitleWords) -> Any:
    """The name a subject's head ends, right after a title ("Acme Israel CEO Jane Roe": "Jane Roe"), as a
    span of two or three capitalised words; None when the head is no such name."""
    if subj.pos_ != "PROPN" or not subj.text[:1].isupper() or subj.lemma_.lower() in tw.person:
        return None
    start = subj.i
    while start > sub[0].i and subj.i - start < 2 and subj.doc[start - 1].pos_ == "PROPN" \
            and subj.doc[start - 1].text[:1].isupper() and subj.doc[start - 1].text.isalpha() \
            and subj.doc[start - 1].lemma_.lower() not in tw.person and subj.doc[start - 1].lower_ not in tw.honorifics:
        start -= 1
    if start == subj.i or start == sub[0].i or subj.doc[start - 1].lemma_.lower() not in tw.person \
            or not all(t.text.isalpha() and not t.text.isupper() for t in subj.doc[start:subj.i + 1]):
        return None  # (one word, no title before it, or a name in capitals: "ACME CEO" is no person)
    return subj.doc[start:subj.i + 1]


def _org_before_title(sub: list[Any], start: int, tw: TitleWords) -> str:
    """The name before a title before the person's name at ``start``: "Acme president Jane Roe",
    "Acme's global chief executive Jane Roe" -> "Acme"; "" when there is none."""
    for t in sub:
        if t.i < start and (t.pos_ == "PROPN" or _capitals_word(t)) and t.i + 1 < len(t.doc) \
                and _title_after(t, start, tw) and t.lower_ not in tw.modifiers \
                and t.lemma_.lower() not in tw.person:  # "Chief Executive Jane Roe": a title, no organization
            run = [t]
            while run[0].i > sub[0].i and (run[0].nbor(-1).pos_ == "PROPN" or _capitals_word(run[0].nbor(-1))):
                run.insert(0, run[0].nbor(-1))
            if run[0].lower_ in tw.modifiers or run[0].lemma_.lower() in tw.person:
                return ""  # "Acting Chief Plant Protection Officer Jane Roe": one long title, no organization
            org = clean_org(" ".join(x.text for x in run))
            if org and t.nbor(1).lower_ == "minister":
                field = _minister_for(t.nbor(1), start)
                if field:  # "Federal Minister for Aviation Jane Roe": the ministry the title names
                    return f"Ministry of {field}"
                if all(w in _MINISTER_RANKS for w in org.lower().split()):
                    return ""  # "Federal Minister Jane Roe", "Deputy First Minister": a rank, no ministry
                org = f"Ministry of {org}"  # "Finance Minister Jane Roe": the ministry, not "Finance"
            return org
    return ""


#: Words before "Minister" that rank the office, not name its field ("Federal Minister", "Prime Minister").
_MINISTER_RANKS = frozenset({"federal", "state", "provincial", "national", "regional", "prime", "deputy", "junior", "cabinet",
                             "chief", "union", "first", "senior", "acting", "former"})


def minister_titled(subj: Any) -> tuple[str, str] | None:
    """(name, portfolio) of a subject the parse reads as a name after a minister's title and its
    portfolio ("Deputy Minister of Natural Resources and Environment Jane Roe": ("Jane Roe",
    "Natural Resources and Environment")), the name the subject or the title's "of" holds; None for
    any other subject."""
    if subj.pos_ != "PROPN":
        return None
    if subj.lemma_.lower() in ("minister", "secretary"):
        title = subj
        of = next((c for c in title.children if c.dep_ == "prep" and c.lower_ in ("of", "for")), None)
        last = max((t for t in of.subtree), key=lambda t: t.i) if of is not None else None
    else:
        title = next((c for c in subj.children if c.dep_ in ("nmod", "compound") and c.i < subj.i
                      and c.lemma_.lower() in ("minister", "secretary")), None)
        of = next((c for c in title.children if c.dep_ == "prep" and c.lower_ in ("of", "for")), None) if title is not None else None
        last = subj
    if of is None or last is None or last.pos_ != "PROPN":
        return None
    first = last  # the name: the last word and the words compounded into it just before it
    while first.i > of.i + 1 and (prev := first.doc[first.i - 1]).dep_ == "compound" and prev.head == last:
        first = prev
    name = list(subj.doc[first.i:last.i + 1])
    if not 2 <= len(name) <= 4 or not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in name):
        return None
    field = list(subj.doc[of.i + 1:first.i])  # ("and Environment" may hang off the title, not the "of")
    if not field or not all(t.text[:1].isupper() or t.lower_ in ("and", "&") for t in field):
        return None
    return " ".join(t.text for t in name), " ".join(t.text for t in field)


def _minister_for(minister: Any, end: int) -> str:
    """The field "Minister for Aviation" names, in the words between the title and the person's
    name at ``end`` ("" when none)."""
    words = [w for w in minister.doc[minister.i + 1:end]]
    if len(words) < 2 or words[0].lower_ not in ("for", "of"):
        return ""
    field = [w for w in words[1:] if w.text[:1].isupper() or w.lower_ in ("and", "&")]
    return " ".join(w.text for w in field) if len(field) == len(words) - 2 + 1 and field else ""


def _title_after(t: Any, end: int, tw: TitleWords) -> bool:
    """Does a title word follow the name ``t`` ends, at once, after its possessive or after a few
    lower-case words ("Acme president", "Acme brand manager", "Acme's global chief executive"),
    before the person's name at ``end``?"""
    for k in range(t.i + 1, min(t.i + 5, end)):
        tok = t.doc[k]
        if tok.lemma_.lower() in tw.person:
            return True
        if k == t.i + 1 and tok.tag_ == "POS":
            continue  # "Acme's chief executive Jane Roe": the possessive, then the title
        if tok.pos_ not in ("NOUN", "ADJ") or not tok.text.islower():
            return False  # "Acme's global chief executive": a lower-case word may describe the title
    return False


def quoted_as_saying(verb: Any) -> Any:
    """The person "X quoted Y as saying ..." gives the words to (Y, the object of "quoted"), or None."""
    if verb.dep_ != "pcomp" or verb.head.lower_ != "as" or verb.head.head is verb.head:
        return None
    quoting = verb.head.head
    if quoting.lemma_.lower() not in ("quote", "cite", "describe", "paraphrase"):
        return None
    return next((c for c in quoting.children if c.dep_ == "dobj"), None)


def speaker_of(verb: Any, ctx: DocContext) -> tuple[str, str, str]:
    """(person, organization, kind) for the subject of a reporting verb.

    kind is "person", "org", "pronoun-org", "pronoun-person", "body" (a public body the story named
    before, called "the agency" here: :func:`body_named_in`) or "" when nobody is found.
    """
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if subjects and all(c.dep_ == "nsubjpass" and c.pos_ != "PRON" for c in subjects) and quoted_as_saying(verb) is None:
        # a passive verb's subject is what was said or written ("Bogotá was written into the flight
        # plan as the place to top up"), not who said it: the agent, if the sentence names one ("we
        # were told that ..." keeps its reading: what "we" were told is the turn speaker's account)
        agent = next((g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
        subjects = [agent] if agent is not None else []
    if len(subjects) > 1:  # "LONDON / THE HAGUE, 9 January -- Acme Group today announced": the dateline's
        # place the parse also made a subject is no speaker
        subjects = [c for c in subjects if c.ent_type_ not in ("GPE", "LOC")] or subjects
    subj = subjects[0] if subjects else None
    if subj is None and verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("PROPN", "NOUN"):
        subj = verb.head
    if subj is None:
        subj = quoted_as_saying(verb)  # "the magazine quoted Jane Roe as saying ...": Roe speaks
    if subj is None and verb.dep_ == "ROOT":
        # "Asked about the pipe that runs into the sea, plant director Jane Roe said ...": the parse hung
        # the name on the question's clause; the name just before the verb says it
        subj = next((e.root for e in verb.doc.ents if e.label_ == "PERSON" and len(e) >= 2 and (
            e.end == verb.i or e.end == verb.i - 1 and verb.doc[e.end].text == ",")), None)  # ("..., Jane Roe, said")
    if subj is None:  # "according to X"
        return "", "", ""
    record = _record_subject(subj)
    if record is not None:
        # "a version of a federal regulator's report on Acme's cars says ...": the report's author
        # speaks (its possessor), not the organization the report is about
        owner = next((c for c in record.children if c.dep_ == "poss"), None)
        words = [t for t in owner.subtree if t.dep_ != "case"] if owner is not None else []
        org = org_in(words) or clean_org(" ".join(t.text for t in words))
        if not org and any(c.dep_ == "det" and c.lower_ == "the" for c in record.children):
            org = record_author(ctx, record.lower_)
            if org:  # "X released its report on Monday. The report says ...": X's words
                return "", org, "body"
        return "", org or clean_org(record.text), "record"
    if subj.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "the" for c in subj.children) and ctx.focus \
            and _focus_issued(ctx, subj.lower_):
        return "", ctx.focus, "org"  # "In a statement the club said ... The statement said": its own words
    sub = list(subj.subtree)
    tw = ctx.titles
    kind_noun = next((c for c in subj.children if c.dep_ in ("compound", "amod", "nmod") and c.pos_ == "NOUN"
                      and c.text.islower() and c.lemma_.lower() in tw.org_nouns), None) if subj.pos_ == "PROPN" else None
    if kind_noun is not None and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in verb.doc[kind_noun.i + 1:subj.i + 1]):
        # "German discounter Acme told ...", "the carmaker Acme said": a company by the noun naming its kind,
        # whatever the tagger took the name for
        return "", clean_org(verb.doc[kind_noun.i + 1:subj.i + 1].text), "org"
    clause = {t.i for c in subj.subtree if c.dep_ == "relcl" and c is not subj for t in c.subtree}
    persons = [e for e in verb.doc.ents if (e.label_ == "PERSON" or e.label_ == "ORG" and len(e) >= 3
                                            and e[0].lower_.rstrip(".") in ("mr", "ms", "mrs", "dr", "prof"))
               and e.start >= sub[0].i and e.end <= sub[-1].i + 1  # ("Ms Jane Roe" the tagger took for a company)
               and e.root.i not in clause]  # (not "the authority in Northgate, where Acme is headquartered, said")
    # the name the subject's head is ("Acme Reckitt president Jane Roe": Jane Roe, though NER reads a person
    # in the company's name before her title), else the first one
    person_ent = next((e for e in persons if e.start <= subj.i < e.end), None)
    if person_ent is None and persons:
        # "said Acme Chairman and Founder Jane Roe": the subject is a title; the name after the titles
        person_ent = persons[-1] if subj.lemma_.lower() in ctx.titles.person else persons[0]
    after_title = _name_after_title(sub, subj, tw)
    if after_title is not None and (person_ent is None or person_ent.end <= after_title.start):
        person_ent = after_title  # "Acme Israel CEO Jane Roe said": the name after the title, whatever the
        # tagger made of the two names (an unfamiliar company taken for a person, her name for a company)
    if person_ent is not None and person_ent.text.rstrip(".").lower() in ctx.titles.honorifics:
        # "said Sgt. Jane Roe": the tagger took the abbreviated rank for a name of its own; the name after it
        person_ent = next((e for e in verb.doc.ents if e.label_ == "PERSON" and person_ent.end <= e.start <= person_ent.end + 2),
                          None)
    if person_ent is not None and subj.ent_type_ == "ORG" and not person_ent.start <= subj.i < person_ent.end:
        person_ent = None  # "Acme, whose software Globex uses, said": the organization speaks, not a name in its clause
    # appositive after the verb: "..., said Jane Roe, the group's lawyer"; not "a former executive of Acme"
    held = _held(sub, tw)  # the subject without titles it no longer holds
    if person_ent is not None and person_ent is after_title:  # (her own name after her title is no
        # organization, whatever the tagger called it)
        held = [t for t in held if not person_ent.start <= t.i < person_ent.end]
    org = org_in(held)
    if person_ent is not None and person_ent.text in ctx.brands and person_ent.text not in ctx.surnames:
        return "", clean_org(person_ent.text), "org"  # "Roe said", where "Roe airbags" and "Roe engineers" are a maker's
    if person_ent is not None:
        words = person_ent.text.split()
        while len(words) > 2 and (words[0].lower().strip(".,") in tw.person or words[0].lower().strip(".,") in tw.honorifics):
            words = words[1:]  # "Founder Jane Q. Roe": NER ran the title into the name ("Ms Jane Roe": her honorific)
        person = ctx.canonical_person(" ".join(words))
        if not org:  # "Acting U.S. Attorney Jane Roe": the office, not "U.S."
            org = office_before(verb.doc[sub[0].i:person_ent.start], tw)
        if not org:  # "Acme president Jane Roe" with an organization NER does not know: what the
            # sentence says outranks what the document said of her before
            org = _org_before_title(sub, person_ent.start, tw)
        if not org:
            org = ctx.person_org.get(person, "")
        if not org:
            low = " ".join(t.lower_ for t in sub)
            if re.search(r"\b(?:representative|rep\.?|senator|sen\.?|congressman|congresswoman) " + re.escape(
                    person.split()[0].lower() if person else "\0"), low):
                return person, "", "person"  # "Representative Jane Roe": a legislator's title, no spokesperson's
            named = [e for e in verb.sent.ents if e.label_ == "ORG" and not _site(e, tw)] if tw.spokes.search(low) else []
            employer = _named_employer(held, tw)
            if employer:
                org = employer  # "Jane Roe, a spokeswoman for Northgate Go"
            elif body_named_in(sub, ctx):
                org = body_named_in(sub, ctx)  # "Jane Roe, the commission's chair": the commission the story named
            elif named and not re.search(r"\b(the|its) (company|firm|corporation)", low):
                org = clean_org(named[0].text)  # "a company spokesman" in a sentence about a named company
            elif _indefinite_org(sub):
                org = _indefinite_org(sub)  # "Jane Roe, a spokeswoman for a consumer group"
            elif any(x.i < person_ent.start and x.lower_ in _OTHER_BODIES for x in sub):
                org = ""  # "Inquiry chairman Jane Roe", "panel member John Doe": the body that hears the
                # matter, not the organization the story is about
            elif ctx.focus and _company_title(low) and _public_body(_spelled(ctx.focus, ctx), tw):
                org = ""  # "company spokesman Jane Roe", "chief executive Jane Roe" in a story whose focus is
                # an agency: the company's officer, not the agency's (the corpus places her by the records)
            elif ctx.focus and (re.search(r"\b(the|its) (company|firm|corporation|bank|group|business|utility|airline|maker|manufacturer|agency|department|university|school|hospital|clinic|city|district)('s)?\b", low)
                              or (tw.spokes.search(low) or {t.lower_ for t in held} & tw.officer) and not org_in(sub)
                              or _current_officer(sub, tw)):
                # "director Jane Roe said", "a spokesman said": an officer of the organization the story is about
                org = ctx.focus
        return person, org, "person"
    low = subj.lower_
    title = next((c for c in subj.children if c.dep_ == "appos" and c.lemma_.lower() in tw.person), None)
    if title is not None and subj.pos_ == "PROPN":  # "Jane Roe, the group's chief executive": a person
        name_toks = [t for t in subj.subtree if t.i < title.i and t.pos_ == "PROPN" and t.dep_ != "poss"]
        person = ctx.canonical_person(" ".join(t.text for t in name_toks) or subj.text)
        former = any(t.lower_ in tw.former for t in title.subtree)
        org = ("" if former else org_in(list(title.subtree)) or body_named_in(title.subtree, ctx)) \
            or ctx.person_org.get(person, "")
        if not org and ctx.focus and re.search(r"\b(the|its) \w+$|\bfor the\b", " ".join(t.lower_ for t in title.subtree)):
            org = ctx.focus
        return person, org, "person"
    named = next((c for c in subj.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
    if named is not None and subj.lemma_.lower() in tw.person:
        # "the company's general counsel, Addison Roe, wrote": the title's apposition names the person
        # (NER may take an unfamiliar name for an organization)
        person = ctx.canonical_person(" ".join(t.text for t in named.subtree if t.pos_ == "PROPN"))
        low = " ".join(t.lower_ for t in subj.subtree if t.i < named.i)
        org = org_in([t for t in subj.subtree if t.i < named.i]) or ctx.person_org.get(person, "")
        if not org and ctx.focus and re.search(r"\b(the|its) (company|firm|corporation|bank|group)('s)?\b|\bits\b", low):
            org = ctx.focus
        return person, org, "person"
    lone = verb.doc[sub[0].i:sub[-1].i + 1].text if all(t.pos_ == "PROPN" or t.text == "-" for t in sub) else ""
    if lone and len(sub) >= 2 and sub[0].lower_.rstrip(".") in tw.honorifics and subj.pos_ == "PROPN":
        # "Mr Borgen said" (a British honorific, no period): a person, though NER may call the
        # name an organization; the one introduced before when the story named him in full
        name = verb.doc[sub[1].i:sub[-1].i + 1].text
        person = ctx.surnames.get(name, name)
        return person, ctx.person_org.get(person, ""), "person"
    minister = minister_titled(subj)
    if minister is not None:
        # "Minister of Natural Resources and Environment Jane Roe said": the tagger ran the portfolio
        # and the name into one organization; the name is hers, the portfolio her ministry's
        person, field = minister
        person = ctx.canonical_person(person)
        return person, f"Ministry of {field}", "person"
    if subj.pos_ == "PROPN" and lone in ctx.surnames:
        # "Okafor said" (or "Roe-Okafor said") after "Ada Okafor": the person introduced, though
        # NER may call the lone surname an organization
        person = ctx.surnames[lone]
        return person, ctx.person_org.get(person, ""), "person"
    who = _who_clause(subj)
    if who is not None and subj.pos_ == "PROPN":
        # "Jane Roe, who coordinates corporate affairs for Acme in Europe, said": "who" speaks of a
        # person (NER may take an unfamiliar name for an organization); her employer is the one
        # her clause works for or at
        person = ctx.canonical_person(" ".join(t.text for t in _own_words(subj) if t.pos_ == "PROPN"))
        return person, _employer_in(who) or ctx.person_org.get(person, ""), "person"
    own = _own_words(subj)
    if subj.ent_type_ == "ORG" or (subj.pos_ == "PROPN" and org_in(own)):
        return "", org_in(own) or clean_org(subj.text), "org"
    if subj.pos_ == "PROPN" and org_in(sub) and len(own) < len(sub):
        # "Acme, which leases the rig from Globex and runs the Northgate well, said": the subject
        # is Acme (NER may not know it); the names of its relative clause are not the speaker
        return "", clean_org(" ".join(t.text for t in own if t.pos_ == "PROPN") or subj.text), "org"
    if subj.pos_ == "PROPN" and subj.text in ctx.surnames:
        person = ctx.surnames[subj.text]
        return person, ctx.person_org.get(person, ""), "person"
    if subj.pos_ == "PROPN" and ctx.focus and subj.text.lower() in ctx.focus.lower().split():
        return "", ctx.focus, "org"  # "Acme said", where the organization in focus is Acme
    if subj.lemma_.lower() in tw.person and any(c.lower_ in ("its", "their") or c.lower_ == "the"
                                                      for c in subj.children):
        return "", org or ctx.focus, "pronoun-org"  # "its chief executive said"
    if subj.pos_ == "PROPN" and subj.text[:1].isupper() and subj.ent_type_ != "PERSON" \
            and not any(c.dep_ in ("compound", "flat") for c in subj.children) and subj.text not in ctx.surnames:
        return "", clean_org(subj.text), "org"  # "Acme argued": one capitalized word nobody introduced as a person
    if subj.pos_ == "PROPN" and subj.text[:1].isupper():
        chain = [t for t in subj.children if t.dep_ in ("compound", "flat") and t.pos_ == "PROPN"] + [subj]
        ent_person = " ".join(t.text for t in sorted(chain, key=lambda t: t.i))
        person = ctx.canonical_person(ent_person)
        return person, org or ctx.person_org.get(person, ""), "person"
    body = body_named_in(sub, ctx) if subj.pos_ == "NOUN" else ""
    if body:
        return "", body, "body"  # "the agency said", "the commission's staff said": the body the story named
    if subj.lemma_.lower() in ("company", "firm", "automaker", "carmaker", "maker") and ctx.focus \
            and any(c.lower_ in ("both", "two") for c in subj.children):
        return "", ctx.focus, "org"  # "Both companies said ...": the story's company among them speaks
    if subj.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in subj.children):
        unnamed = _indefinite_org(sub)
        if unnamed:  # "a developer who runs pipelines for a payments start-up said": an outsider, by where they work
            return "", unnamed, "org"
    if low in ("i", "me"):  # the speaker of a transcript turn or the author: the caller knows who
        return "", "", "first-person"
    if low in PRONOUNS_PERSON and ctx.last_person:
        return ctx.last_person, ctx.person_org.get(ctx.last_person, ""), "pronoun-person"
    body_word = next((c for c in subj.children if c.dep_ in ("compound", "amod") and c.pos_ == "NOUN"
                      and (c.lemma_.lower() in tw.body_refs or c.lemma_.lower() in tw.bodies)), None)
    if body_word is not None and subj.lemma_.lower() in PRONOUNS_ORG | tw.person:
        # "an agency spokesman said", "a ministry official said": the public body's voice (the one
        # the story named), never the company the story is about
        lemma = body_word.lemma_.lower()
        heads = tw.bodies if lemma in tw.body_refs else frozenset({lemma})
        here = next((e for e in verb.sent.ents if e.label_ == "ORG" and e.text.split()[-1].lower().rstrip(".") in heads), None)
        return "", clean_org(here.text) if here is not None else named_body(ctx.text, ctx.at, heads), "body"
    maker = [c for c in subj.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.text[:1].isupper()
             and c.i < subj.i] if subj.pos_ == "NOUN" and subj.lemma_.lower() in tw.person else []
    start = min((t.i for c in maker for t in c.subtree), default=subj.i)
    if maker and not org and not any(t.ent_type_ == "PERSON" for t in verb.doc[start:subj.i]) \
            and all(t.pos_ == "PROPN" for t in verb.doc[start:subj.i]):
        # "a Northgate Japan spokesperson said": the name before the title is whom the spokesperson speaks
        # for (the organization the story is about, when its name begins so: "Acme" for "Acmebank")
        name = clean_org(verb.doc[start:subj.i].text)
        if ctx.focus and ctx.focus.lower().startswith(name.lower()):
            name = ctx.focus
        return "", name, "org"
    if low in PRONOUNS_ORG or any(t.lower_ in PRONOUNS_ORG for t in sub) or (
            subj.lemma_.lower() in tw.org_nouns and any(c.lower_ in ("the", "its") for c in subj.children)):
        # "the utility said": the organization the story is about
        if org:
            return "", org, "org"
        unnamed = _indefinite_org(sub)
        if unnamed:
            return "", unnamed, "org"  # "a spokesman for a consumer group": not the story's organization
        return "", ctx.focus, "pronoun-org"
    if org:
        return "", org, "org"
    return "", "", ""


def according_to(sent: Any, ctx: DocContext | None = None) -> tuple[str, str]:
    """"According to X, ..." -> (person, org); "According to Roe", after "Jane Roe, Acme's vice
    president", is that person (``ctx`` knows the surnames the document introduced)."""
    for t in sent:
        if t.lower_ == "according" and t.i + 1 < len(t.doc) and t.nbor(1).lower_ == "to":
            pobj = next((g for g in t.nbor(1).children if g.dep_ == "pobj"), None)
            if pobj is None:
                return "", ""
            sub = list(pobj.subtree)
            if ctx is not None and len(sub) == 1 and pobj.text in ctx.surnames:
                person = ctx.surnames[pobj.text]  # NER may call the lone surname an organization
                return person, ctx.person_org.get(person, "")
            person = next((e.text for e in sent.ents if e.label_ == "PERSON" and e.start >= sub[0].i and e.end <= sub[-1].i + 1), "")
            return person, org_in(sub) or (clean_org(pobj.text) if pobj.pos_ == "PROPN" and pobj.ent_type_ != "PERSON" else "")
    return "", ""


def _name_closing(clause: list[Any]) -> str:
    """The name a title's clause ends with when the tagger knows it as no organization:
    "spokesman for the rail infrastructure manager ACME PLK" -> "ACME PLK" (a run of proper nouns
    after "for", "of" or "at" closing the clause, one of them in capitals or two or more)."""
    run: list[Any] = []
    while clause and clause[-1].pos_ == "PUNCT":
        clause = clause[:-1]  # (the sentence's full stop)
    for t in reversed(clause):
        if t.pos_ != "PROPN" or len(run) >= 4:
            break
        run.insert(0, t)
    k = clause.index(run[0]) if run else 0
    if not run or k == 0 or not any(t.lower_ in ("for", "of", "at") for t in clause[:k]) \
            or not (len(run) >= 2 or run[0].text.isupper() and len(run[0].text) >= 2):
        return ""
    return clean_org(" ".join(t.text for t in run))


def learn_titles(sent: Any, ctx: DocContext) -> None:
    """Remember person -> organization from "ORG president NAME" / "NAME, ORG's president"."""
    for ent in sent.ents:
        if ent.label_ != "PERSON":
            continue
        person = " ".join(ent.text.split())
        org = ""
        before = sent.doc[max(sent.start, ent.start - 5):ent.start]
        # "Acme chief executive Jane Roe", "Acme Inc. Chief Executive Officer Jane Roe"
        # (the word just before the name is the title: "NGN interview: Jane Roe" names no employer)
        titled = len(before) > 0 and (before[-1].pos_ == "NOUN" or before[-1].lower_ in ctx.titles.person)
        org = office_before(before, ctx.titles)  # "Northgate Attorney General Jane Roe sued ..."
        # (not a name before a verb: "the magazine Ledger quoted Acme brand manager Jane Roe")
        after_verb = [t for t in before if t.i > max((x.i for x in before if x.pos_ in ("VERB", "AUX")), default=-1)]
        org = org or (org_in(after_verb) if titled else "")
        if not org and len(before) > 1 and before[-1].text == "," and before[-2].lemma_.lower() in ctx.titles.person:
            # "Acme Health's chief privacy officer, Jane Roe, said": the title set before the name
            lead = sent.doc[max(sent.start, ent.start - 9):ent.start - 1]
            org = org_in(list(lead)) if not any(t.text in ",;" for t in lead[-4:]) else ""
        if not org and titled and before[-1].lower_ in ctx.titles.officer \
                and not any(t.lower_ in ctx.titles.former or t.lower_ in ("of", "for", "at") for t in before):
            tw = ctx.titles
            i = ent.start - 1
            while i > sent.start and sent.doc[i - 1].lower_ in tw.person | tw.modifiers | tw.officer:
                i -= 1  # the title's first word: "chief" of "chief executive"
            nouns = 0
            while i > sent.start and nouns < 2 and sent.doc[i - 1].pos_ == "NOUN" and sent.doc[i - 1].text.islower() \
                    and i - 2 >= sent.start and sent.doc[i - 2].pos_ in ("NOUN", "PROPN"):
                i -= 1  # "Acme brand manager": the title's own nouns, before the employer's name
                nouns += 1
            run = []
            while i - len(run) > sent.start and sent.doc[i - len(run) - 1].pos_ == "PROPN" and len(run) < 4:
                run.insert(0, sent.doc[i - len(run) - 1])
            # "Acme chief executive Jane Roe" (a name NER does not know as an organization) names the
            # employer; "Chief executive Jane Roe apologized", an officer of the story's organization
            org = clean_org(" ".join(t.text for t in run)) if run else ctx.focus
            if run and ctx.focus and all(t.lower_ in ctx.focus.lower().split() for t in run):
                org = ctx.focus  # "Police Chief Jane Roe", where the story is about the "Northgate Police Department"
        heading = bool(org) and org.isupper() and len(org) > 5 and ent.start > sent.start \
            and not sent.doc[ent.start - 1].text.isupper()
        if heading:  # "ACME - MEDIA AVAILABILITY" over "Commissioner Jane Roe, Acme Arena, Northgate": a
            org = ""  # heading's capitals and its venue line, not her employer
        if not org and not heading:
            after = sent.doc[ent.end:min(sent.end, ent.end + 8)]
            if len(after) and after[0].text == ",":
                org = org_in(list(after))
                if not org:
                    low = after.text.lower()
                    if re.match(r"^, (the|its) (company|firm|corporation)'s", low) and ctx.focus:
                        org = ctx.focus
                if not org:
                    # "Jane Roe, group vice president and general manager of the Acme division of
                    # Acme Sales U.S.A., rejected ...": a long title, the employer at its end
                    clause = list(sent.doc[ent.end + 1:min(sent.end, ent.end + 20)])
                    clause = clause[:next((k for k, t in enumerate(clause) if t.text in ",;()"), len(clause))]
                    if clause and clause[0].lemma_.lower() not in ("who", "which", "that") \
                            and any(t.lemma_.lower() in ctx.titles.person for t in clause[:6]):
                        org = org_in(clause) or _name_closing(clause)
            elif len(after) > 3 and after[0].pos_ in ("VERB", "AUX"):
                # "Jane Roe stepped down as chief executive of Acme AG on Wednesday", "Jane Roe joined
                # Acme as its president": the title the sentence gives the name places them
                as_at = next((t.i for t in after if t.lower_ == "as"), None)
                if as_at is not None and as_at - ent.end <= 3:
                    rest = sent.doc[as_at + 1:min(sent.end, as_at + 10)]
                    if any(t.lemma_.lower() in ctx.titles.person or t.lower_ in ctx.titles.officer for t in rest[:4]):
                        org = org_in(list(rest))
        window = " ".join(t.lower_ for t in sent.doc[max(sent.start, ent.start - 5):min(sent.end, ent.end + 8)])
        if org and (any(w in ctx.titles.former for w in window.split())
                    or re.search(r"\bwho (?:had )?(?:left|quit|resigned|retired|departed)\b", window)):
            org = ""  # "Jane Roe, a former chief executive of Acme", "..., who left Acme": no longer its voice
        if org and all(w in ctx.titles.person or w in ctx.titles.modifiers or w in ("&", "and") for w in org.lower().split()):
            org = ""  # "Participants: Jim Roe, Owner; Dana Doe, Manager": a title the tagger took for a name
            # (and "Jane Roe, MD & CEO": two titles)
        if org and person not in ctx.person_org:  # a witness list or an earlier title placed them first
            ctx.remember(person, ctx.acronyms.get(org, org))
        elif " " in person:
            ctx.surnames.setdefault(person.split()[-1], person)
            first = person.split()[0]
            if re.search(r"\b(?:Sir|Dame)\s{1,3}" + re.escape(first) + r"\b", ctx.text):
                ctx.surnames.setdefault(first, person)  # "Sir Philip Roe", later "Sir Philip said"
