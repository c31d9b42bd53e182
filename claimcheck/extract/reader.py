"""One document read into statements (``_DocReader``): each kept sentence's speaker and
organization, its kind (public or internal) and first role, its date and its frame."""

from __future__ import annotations

import bisect
import dataclasses
import hashlib
import re
from collections import Counter
from typing import Any, Iterable

from ..dates import find_dates, parse_date_value, story_day
from ..models import (INTERNAL_DOC_KINDS, PUBLIC_DOC_KINDS, DateMention, DateValue, Document,
                      Frame, Source, Statement)
from ..ruleset import RuleSet
from .attribution import (DocContext, minister_titled, according_to, venue_heading, turn_heading as heading_text, person_cased, acronym_definitions, brand_words, clean_org, learn_titles,
                          org_in, speaker_of, speaker_turns, title_words, turn_at, turn_of_member, turn_of_office_holder, turn_org, turn_person, is_visitor, is_chair,
                          quoted_as_saying, turn_label_words, turn_orgs, PRESIDING_LABELS, COUNSEL_LABEL, counsel_party,
                          ANSWER_TURNS, RECORD_NOUNS)
from .citation import _UPDATE, _cited, _unlabeled
from .firstpass import SKIP_TURNS, first_pass
from .frame import light_topics, read_frame, topics_of
from .sentences import _PARA, CueIndex, Span


RELEASE_VERBS = frozenset({"release", "obtain", "publish", "post", "file", "leak", "make", "receive", "see", "review"})
#: What an outlet or a source produces: "The Daily's reporting" names a source, not the story's subject.
SOURCE_NOUNS = frozenset({"reporting", "report", "story", "article", "investigation", "coverage", "interview",
                          "analysis", "editorial", "column", "podcast", "broadcast"})


#: A later act than the story's opening one ("and later wrote", "said later"); "hours later" is that day.
_LATER = re.compile(r"(?<!hours )(?<!minutes )(?<!moments )\blater\b", re.I)
#: A legislature's member in its record's turn label, with no office or body in brackets: "HON
#: JANE ROE:" (a minister's label names the office: "The Hon. JANE ROE (Minister for Health):");
#: an advocate at an inquiry, named by no party in brackets, asks for those he represents: "ADV ROE:".
_HONOURABLE_MEMBER = re.compile(r"^\W{0,3}(?:(?:the\s+)?hon(?:ourable|orable)?|adv|advocate)\.?\s+[A-Z][^()\n]{1,60}$", re.I)
#: A transcript sentence that opens by addressing someone: "Ms. Roe, ...", "Senator Poe, ...".
_VOCATIVE = re.compile(r"^\W{0,3}(?:Mr|Ms|Mrs|Dr|Senator|Congressman|Congresswoman|Chairman|Madam Chair|Professor)"
                       r"\.?\s+(?P<name>[A-Z][\w'\-]{1,30}),")
#: Reporting verbs that say something only with what was said after them ("responded that ...",
#: a quote); with an object alone they name an act ("responding to a lawsuit").
OBJECT_VERBS = frozenset({"respond", "reply", "answer", "comment", "react", "represent"})
#: People (or a body: "the agency") a story quotes without naming them here: a third party's words.
UNNAMED_PEOPLE = frozenset({"lawyer", "attorney", "analyst", "employee", "worker", "researcher", "scientist", "expert",
                            "engineer", "critic", "investigator", "prosecutor", "doctor", "professor", "economist",
                            "consultant", "advocate", "resident", "parent", "customer", "patient", "witness",
                            "agency", "regulator", "official", "authority"})
#: Words that make a thread or a post a published one ("a 13-post thread", "a public post").
PUBLISHED_MARKS = frozenset({"public", "social", "online", "post", "tweet", "blog", "open", "published",
                             "televised", "broadcast"})


#: A part's own date line inside a record of several parts: "Sworn: August 2017", "Date of execution: 7 December 2017".
_SECTION_DATE = re.compile(r"(?im)^[ \t]{0,4}(?:(?:sworn|dated|date of execution|date of entry|date of the meeting)[ \t]{0,3}:"
                           r"[ \t]{0,3}(?P<value>[^\n]{4,40})|"
                           # a record's part headed by what happened and when: "INCIDENT 2013-11 (north site)",
                           # "INCIDENTS 2016-2017", "ENTRY 12 March 2019 - ..."
                           r"(?:incidents?|entry|entries|events?|visits?|inspections?)[ \t]{1,3}"
                           r"(?P<when>(?:1[89]|20)\d\d(?:[-/](?:0[1-9]|1[0-2]))?(?:[-–](?:1[89]|20)\d\d)?|"
                           r"\d{1,2}[ \t][A-Z][a-z]{2,8}[ \t](?:1[89]|20)\d\d)(?![\w/-])[^\n]{0,80})$")
#: Labels of a released record's part, never a speaker's turn: "Affiant: ...", "Sworn: August 2017".
_PART_LABELS = frozenset({"affiant", "deponent", "declarant", "sworn", "dated", "date", "date of execution", "prepared by"})
#: Who wrote a part of a released record: "Affiant: Det.-Const. Jane Roe, 51 Division".
_PART_AUTHOR = re.compile(r"(?im)^[ \t]{0,4}(?:affiant|deponent|declarant|prepared by)[ \t]{0,3}:[ \t]{0,3}"
                          r"(?P<name>[^\n,/;(]{3,60})")
#: The rest of a turn label's parenthesis: "...)" then the colon.
_CLOSES_LABEL = re.compile(r"[^()\n]{0,60}\)[ \t]{0,3}:")
#: A note in square brackets: "[Reconstruction for testing; excerpt only; not an official transcript.]".
_BRACKET_NOTE = re.compile(r"\[[^\[\]]{10,600}\]")


def _word_end(text: str, at: int) -> bool:
    """Is ``at`` a word boundary in ``text`` (what ``\\b`` after a prefix tests)?"""
    def word(c: str) -> bool:
        return c.isalnum() or c == "_"

    before = word(text[at - 1]) if at > 0 else False
    after = word(text[at]) if at < len(text) else False
    return before != after


_LEGISLATOR = re.compile(r"(?<![Ss]tate )\b(?:(?P<sen>Senator|Sen\.)|(?P<rep>Representative|Rep\.|Congressman|Congresswoman))\s+"
                         r"(?:[A-Z][\w.'\-]*\s+){0,3}")


def _legislature(sent: Any, person: str) -> str:
    """"Senator Dana Lee said": a legislator speaks for the chamber (US style; a state senator does not)."""
    last = person.split()[-1] if person else ""
    for m in _LEGISLATOR.finditer(sent.text):
        if last and last in sent.text[m.start():m.end() + len(last) + 1]:
            return "U.S. Senate" if m["sen"] else "U.S. House of Representatives"
    return ""

def _party_member(text: str, at: int) -> tuple[str, str]:
    """"the Northgate Democrat said": the legislator the story named last before ``at`` ("Rep.
    Dana Lee"), and the chamber they speak for; ("", "") when the story named none."""
    last = None
    for m in _LEGISLATOR.finditer(text, 0, at):
        last = m
    name = " ".join(last.group(0).split()[1:]) if last is not None else ""
    if last is None or not name:
        return "", ""
    return name, "U.S. Senate" if last["sen"] else "U.S. House of Representatives"


def _acted_upon(head: Any, report_verbs: frozenset[str]) -> bool:
    """Is ``head`` the object of a verb or a passive subject, with no reporting verb: a thing done
    to ("discharged X", "found X", "X has been linked to ..."), not someone who acts or speaks?"""
    return head.dep_ in ("dobj", "nsubjpass") and head.head.pos_ in ("VERB", "AUX") \
        and head.head.lemma_.lower() not in report_verbs


#: A wire service's credit in a dateline: "March 23 (Reuters) -", "Jan. 9 (UPI) --".
#: A paragraph's first line naming whose words follow it: "Statement of Dr Jane Roe, spokeswoman of the
#: Ministry:", "Remarks of John Doe, Deputy Minister, to state radio:".
_SECTION_SPEAKER = re.compile(r"[ \t]{0,4}(?:(?:Press[ \t]|Media[ \t])?Statement|Remarks|Comments?|Message|Testimony|Address)"
                              r"[ \t]{1,3}(?:of|by|from)[ \t]{1,3}(?:(?:Mr|Ms|Mrs|Dr|Prof)\.?[ \t]{1,3})?"
                              r"(?P<name>[A-Z][\w'’\-]{1,30}(?:[ \t]{1,3}[A-Z][\w'’\-]{1,30}){1,4})(?:,[^\n:]{0,160})?:[ \t]*")


def _section_speaker(text: str, offset: int) -> str:
    """Whose words the paragraph ``offset`` lies in gives, by its first line: "Statement of Dr Jane Roe,
    spokeswoman of the Ministry:" over the statement's text -> "Jane Roe"; "" when it names none."""
    start = text.rfind("\n\n", 0, offset)
    start = 0 if start < 0 else start + 2
    end = text.find("\n", start)
    m = _SECTION_SPEAKER.fullmatch(text[start:end if end >= 0 else len(text)])
    if not m or _ORGISH_LAST.search(m["name"]):
        return ""  # ("Statement of Acme Corporation:", "Statement by the Northgate Ministry:": no person)
    return m["name"]


#: A name whose last word is an organization's kind: no person's.
_ORGISH_LAST = re.compile(r"(?i)\b(?:inc|corp|corporation|company|co|ltd|llc|plc|group|holdings|ministry|department|agency|"
                          r"authority|commission|council|board|office|bureau|service|university|bank|association|"
                          r"institute|foundation|police|club|league|union|party|government)\.?$")


#: A brand written in lower case on purpose: "acmeJet", "e.on" (a capital or a dot inside the word).
_LOWER_BRAND = re.compile(r"[a-z][a-z0-9]{0,15}(?:[A-Z.][\w.]{0,20})")
#: A question telling the one it addresses where they work: "Mr Roe, you are Acme's head of risk and compliance."
_ADDRESSED = re.compile(r"(?:(?:Mr|Ms|Mrs|Miss|Dr|Professor|Prof)\.?[ \t])?(?P<name>[A-Z][\w'\-]{1,30}(?:[ \t][A-Z][\w'\-]{1,30}){0,2}),"
                        r"[ \t](?:you[ \t](?:are|were)|you're)[ \t](?:the[ \t])?(?P<org>[A-Z][\w&'\-]{0,30}(?:[ \t][A-Z][\w&'\-]{0,30}){0,4})"
                        r"['’]s[ \t](?P<title>[a-z][a-z ,&\-]{2,60})")
#: Titles only an employer has: "the communications manager of Acme", "a spokeswoman for Acme".
_EMPLOYEE_TITLES = frozenset({"manager", "spokesman", "spokeswoman", "spokesperson", "executive", "officer", "director",
                              "chairman", "chairwoman", "employee", "engineer", "head", "ceo", "cfo", "coo"})


def _employer_named(e: Any) -> bool:
    """Is a one-word name the tagger took for a place the employer a company title names ("the communications
    manager of Acme in Peru", "a spokeswoman for Acme")?"""
    root = e.root
    return len(e) == 1 and root.dep_ == "pobj" and root.head.lower_ in ("of", "for", "at") \
        and root.head.head.lemma_.lower() in _EMPLOYEE_TITLES


def _acting_name(e: Any) -> bool:
    """Is a name the tagger took for a nationality's or a group's ("Acme" as NORP) the singular subject
    of a verb, one proper noun not in the plural ("Acme said", "Acme respects the judgment"; not
    "Americans said")?"""
    root = e.root
    return len(e) == 1 and root.pos_ == "PROPN" and root.tag_ == "NNP" and root.dep_ == "nsubj" \
        and root.head.tag_ in ("VBZ", "VBD") and not root.text.endswith(("ans", "ese", "ish"))


#: Reporting verbs that give speech only with "as": "it described the filing as a technical step".
_CALLING_VERBS = frozenset({"describe", "characterize", "characterise"})
#: Verbs only a person is the subject of, and nouns only a person owns: a name the tagger took for an
#: organization is a person's when "Jane died", "Jane's parents" or "her parents, Jane and John Roe" is written.
_MORTAL_VERBS = frozenset({"die", "pass", "perish", "bear", "marry"})
_KIN_NOUNS = frozenset({"death", "funeral", "parent", "mother", "father", "family", "wife", "husband", "son", "daughter",
                        "brother", "sister", "widow", "birthday", "grave", "inquest"})
_WIRE_CREDIT = re.compile(r"\b\d{1,2}[ \t]{0,2}\((?P<wire>[A-Z][\w&.'’ ]{1,30})\)[ \t]{0,2}(?:-{1,2}|–|—)")

#: Words that name a day on their own, right after a reporting verb ("said Monday", "said yesterday").
_DAY_WORDS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday",
                        "today", "tonight", "last", "this"})

#: First words that begin many organizations' names, so that a name of that one word is no
#: organization's short name ("National" in "National Acme" and "National Globex").
_SHARED_FIRST = frozenset({"national", "united", "general", "international", "federal", "state", "city", "county",
                           "university", "department", "ministry", "office", "bureau", "royal", "central", "public",
                           "european", "british", "american", "association", "institute", "committee", "house", "senate"})


def _same_house(org: str, home: str) -> bool:
    """Is ``org`` the organization ``home`` or its name written shorter or longer ("Acme" in a
    release of "Acme India", a chief executive "Acme's" in a story about "Acme Holdings")?"""
    if org == home:
        return True
    short, long = sorted((org, home), key=len)
    words = short.split()
    return bool(words) and len(words[0]) >= 4 and words[0].lower() not in _SHARED_FIRST \
        and long.lower().startswith(short.lower() + " ")


#: Participles that open a reply with when it was asked for: "Asked about it on Thursday, Acme said".
_ASKED = frozenset({"ask", "question", "contact", "reach", "approach", "interview", "press"})
#: Verbs of being told something: in the passive their date is when the subject learned it.
_BEING_TOLD = frozenset({"tell", "inform", "notify", "brief", "warn", "advise", "alert"})

class _DocReader:
    def __init__(self, doc: Document, rules: RuleSet, cues: CueIndex, degraded: bool, *,
                 kept: list[Span] | None = None):
        self.doc, self.rules, self.cues, self.degraded = doc, rules, cues, degraded
        self.kept = set(kept) if kept is not None else None  # spans known to pass first_pass
        self._frames: dict[Span, tuple[Any, Frame] | None] = {}  # may_state's frames that NER cannot change
        self.lex = rules.lexicon
        self.generic = frozenset(self.lex.get("generic_nouns", ()))
        self.report_verbs = frozenset(self.lex.get("report_verbs", ()))
        self.evidence_nouns = frozenset(self.lex.get("evidence_nouns", ()))
        self.evidence_verbs = frozenset(self.lex.get("evidence_verbs", ()))
        self.record_authors = frozenset(self.lex.get("record_authors", ()))
        self.party_words = frozenset(self.lex.get("party_words", ()))
        self.counsel_titles = frozenset(self.lex.get("counsel_titles", ()))
        self.aliases = {a: c for a, c in doc.aliases}
        self._alias_prefixes = [(a, a.lower()) for a in self.aliases if len(a) > 2]
        self.noun_family = rules.noun_family_of()
        self._sections: list[tuple[int, DateValue]] | None = None  # a record's dated parts (_section_date)
        self._section_starts: list[int] = []
        self.ctx = DocContext(focus=doc.focus or doc.organization if doc.kind not in ("news", "unknown") else doc.focus,
                              publisher=doc.publisher, titles=title_words(rules))
        self.ctx.acronyms = acronym_definitions(doc.text)
        self.ctx.text = doc.text
        for person, org in doc.people:  # a witness list, a participants line: who speaks for whom
            self.ctx.remember(person, org)
            if not org:  # "Speakers: Jane Roe, President": listed, so she answers (for the document's
                # organization, as no other is named)
                self.ctx.person_org.setdefault(self.ctx.without_honorific(person), "")
        self.anchor = doc.date.start if doc.date.known else None
        self._named_speaker: tuple[str, int] | None = None  # (organization, paragraph) that last spoke by name
        self.mentions: list[DateMention] = []
        self._by_start: list[tuple[int, int]] = []  # (start, index in mentions), sorted: see _mentions_in
        self._story_dates: list[tuple[int, DateValue]] | None = None  # every date of the text: see _story_day
        self._plurals: dict[str, bool] = {}  # one-word names the text also writes in the plural: see _common_noun

    # -- helpers -------------------------------------------------------------------------
    def canon(self, name: str) -> str:
        name = clean_org(name)
        if not name:
            return ""
        name = self.ctx.acronyms.get(name, name)
        hit = self.aliases.get(name) or self.aliases.get(name.lower())
        if hit:
            return hit
        # "Acme Group of America spokesman": the longest configured alias the name begins with
        low = name.lower()
        best = max((a for a, a_low in self._alias_prefixes if low.startswith(a_low) and _word_end(low, len(a_low))),
                   key=len, default="")
        return self.aliases[best] if best else name

    def _focus_from(self, sents: list[Any]) -> str:  # noqa: C901
        """The organization a story is about: the one that acts and speaks in it (subject of a verb,
        owner of its people: "Acme said", "Acme's director"), not the one most named (a product, a
        regulator, the outlet told)."""
        counts: Counter[str] = Counter()
        acts: set[str] = set()  # names some mention of which is not acted upon
        pub = self.doc.publisher.lower()
        wire = _WIRE_CREDIT.search(self.doc.text[:1500])  # "March 23 (Reuters) -": the wire that filed the story
        wires = {wire["wire"].strip().lower()} if wire else set()
        # NER takes a surname for an organization now and then: "Lindqvist said" after "Eva Lindqvist"
        surnames = {e.text.split()[-1] for s in sents for e in s.ents if e.label_ == "PERSON" and " " in e.text.strip()}
        # ("Mr Doe" tagged as a company is a person all the same, and so is his full name)
        surnames |= {e.text.split()[-1] for s in sents for e in s.ents if e.label_ == "ORG" and len(e) >= 2
                     and e[0].lower_.rstrip(".") in ("mr", "ms", "mrs", "dr", "miss")}
        labels = turn_label_words(self.doc.text) if self.doc.kind in ("testimony", "interview", "speech") else frozenset()
        # a name only a hearing's or interview's heading gives is the venue that holds it
        heading, after = venue_heading(self.doc.text) if self.doc.kind in ("testimony", "interview") else ("", "")
        label_orgs = {self.canon(o) for o in turn_orgs(self.doc.text, self.ctx.titles)} if labels else set()
        # an editor's note in brackets speaks of the document, not of whom it is about
        notes = [" ".join(m.group().split()) for m in _BRACKET_NOTE.finditer(self.doc.text[:20000])]
        # ("NORTHGATE INQUIRY" over "Commissioner: ...", which NER runs into one name)
        heading_lines = [" ".join(ln.split()) for ln in heading_text(self.doc.text).split("\n")
                         if len(ln.split()) >= 3] if heading else []
        for s in sents:
            for e in s.ents:
                if e.label_ == "NORP" and _acting_name(e):
                    pass  # "Acme said on Wednesday": a name the tagger took for a people's, acting as one body
                elif e.label_ == "GPE" and _employer_named(e):
                    pass  # "the communications manager of Acme in Peru": a company the tagger took for a place
                elif e.label_ != "ORG" and not (e.label_ == "PERSON" and e.text in self.ctx.brands):
                    continue  # a maker's name NER took for a surname counts as the organization it is
                name = self.canon(e.text)
                if not name[:1].isupper() and not name[:1].isdigit() and not _LOWER_BRAND.match(name):
                    continue  # "residencias de organismos": a phrase in another language the tagger took for a name
                if not name or name.lower() == pub or name.lower() in wires or name in surnames \
                        or name.split()[-1] in surnames and len(name.split()) <= 3 or self._common_noun(name) \
                        or labels and all(w.upper() in labels for w in e.text.split()):  # "MR. ROE:" is no organization
                    continue
                if notes and " ".join(s.text.split()) and any(" ".join(s.text.split()) in n for n in notes):
                    continue  # "[Reconstruction ... Excerpt only; not an official transcript.]": an editor's note
                pre, post = e.doc.text[max(0, e.start_char - 80):e.start_char], e.doc.text[e.end_char:e.end_char + 80]
                if pre.rfind("(") > pre.rfind(")") and _CLOSES_LABEL.match(post) and name not in label_orgs:
                    continue  # "JANE ROE (Vice-President, Finance and Services):": her portfolio in a turn label
                    # (not "ROE (Director General, Acme Health Service):", the employer the label names)
                if s.text.count(" | ") + s.text.count("  |  ") >= 2 and heading:
                    continue  # "Acme Commission of Inquiry | Transcript excerpt | Day 2": a running footer repeats the venue
                if e.text.isupper() and e.start == s.start and e.end < len(e.doc) and e.doc[e.end].text in (",", "-", "–", "—"):
                    continue  # "NORTHGATE, 14 August -": a dateline's place, not an organization
                if heading and (named := " ".join(e.text.split())) in heading and named not in after:
                    continue
                if heading and any(named.startswith(line) for line in heading_lines):
                    continue
                follows = e.doc[e.end:e.end + 4]
                if len(follows) >= 2 and follows[0].lower_ == "of" and follows[1].ent_type_ == "GPE" and follows[1].ent_iob_ == "B":
                    # "the Passenger Ferry Agency of Northgate", which the tagger cut before its place
                    place = next(g for g in e.doc.ents if g.start == follows[1].i)
                    name = self.canon(e.doc[e.start:place.end].text) or name
                head = e.root
                if head.dep_ == "nsubj" and head.head.lemma_.lower() in _MORTAL_VERBS \
                        or head.dep_ in ("poss", "appos") and head.head.lemma_.lower() in _KIN_NOUNS \
                        or head.dep_ == "conj" and head.head.dep_ == "appos" and head.head.head.lemma_.lower() in _KIN_NOUNS:
                    surnames.add(e.text)  # "Jane died", "Jane's parents": a person the tagger took for a name
                    counts.pop(name, None)
                    continue
                if e.text in surnames:
                    continue
                if len(e) == 1 and any(c.dep_ == "cc" for c in (*head.children, *head.head.children)) and (
                        any(c.dep_ == "conj" and c.pos_ == "NOUN" and c.text.islower() for c in head.children)
                        or head.dep_ == "conj" and head.head.pos_ == "NOUN" and head.head.text.islower()):
                    continue  # "voice, IP and transport services": one of a list of kinds of thing, no organization
                weight = 1.0
                minister = minister_titled(head.head.head if head.dep_ == "pobj" and head.head.dep_ == "prep" else head)
                if minister is not None:  # "Minister of Fair Trade Jane Roe said": her ministry, not a name
                    name = f"Ministry of {minister[1]}"
                if head.dep_ in ("nsubj", "nsubjpass", "poss") or (head.dep_ == "compound" and head.head.lemma_.lower()
                                                                   in self.ctx.titles.person):
                    weight = 3.0
                elif head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.dep_ in ("nsubj", "nsubjpass") \
                        and head.head.head.lemma_.lower() in self.ctx.titles.person or e.label_ == "GPE":
                    weight = 3.0  # "Executives of Acme bowed": its people act for it (and "the manager of Acme")
                elif head.dep_ in ("dobj", "dative", "pobj") and (head.head.lemma_.lower() in self.report_verbs or
                                                                 head.head.lower_ == "to" and head.head.head.lemma_.lower() in self.report_verbs):
                    weight = 0.0  # "told The Daily": the outlet, not the story's subject
                if head.dep_ == "poss" and head.head.lemma_.lower() in SOURCE_NOUNS:
                    weight = 0.0  # "The Daily's reporting": a source, not the story's subject
                counts[name] += weight
                if not _acted_upon(head, self.report_verbs):
                    acts.add(name)
        # a name only ever acted upon ("found PFOA in the wells", "discharged X", "X has been linked
        # to cancer") is a substance or a product, not an organization that acts or speaks
        if acts & {n for n, c in counts.items() if c > 0}:
            counts = Counter({n: c for n, c in counts.items() if n in acts})
        best = counts.most_common(1)
        if best and best[0][1] > 0:
            return best[0][0]
        if self.doc.kind not in ("news", "press-release", "post", "unknown"):
            return ""
        return self._untagged_subject(sents[:8], surnames)

    def _untagged_subject(self, sents: list[Any], persons: set[str]) -> str:
        """A name the tagger knows nothing of that acts in the story's opening ("Acme A Roe will trial
        full labels, the chain said"): the proper-noun subject of its first sentences, when no
        organization was tagged at all; "" when there is none."""
        for s in sents:
            for t in s:
                owner = t.dep_ == "poss" and t.head.dep_ in ("nsubj", "nsubjpass") and t.head.head.pos_ in ("VERB", "AUX")
                # ("Acme's network failed on Thursday": the company whose network acts)
                if not (t.dep_ == "nsubj" and t.head.pos_ in ("VERB", "AUX") or owner) or t.pos_ != "PROPN" \
                        or t.ent_type_ in ("PERSON", "GPE", "LOC", "NORP", "DATE"):
                    continue
                left = t.left_edge
                words = t.doc[left.i:t.i + 1]
                if 1 <= len(words) <= 5 and all(w.text[:1].isupper() and not (w.text.isupper() and len(w) > 1) for w in words) \
                        and words.text not in persons \
                        and words[0].lower_ != "the":
                    return self.canon(words.text)
        return ""

    def _common_noun(self, name: str) -> bool:
        """Is a one-word name the text also writes in the plural ("the People API" beside "our
        third-party APIs")? A thing of a kind, not an organization."""
        if re.fullmatch(r"[\d.:,]+\s?(?:[ap]\.?m\.?|h|hrs)?", name, re.I):
            return True  # "3.20pm", "14:30": a time NER took for a name
        if " " in name or not name[:1].isupper():
            return False
        found = self._plurals.get(name)
        if found is None:
            found = self._plurals[name] = bool(re.search(r"\b" + re.escape(name) + r"s\b", self.doc.text))
        return found

    def _add_mentions(self, found: Iterable[DateMention]) -> None:
        for m in found:
            bisect.insort(self._by_start, (m.start, len(self.mentions)))
            self.mentions.append(m)

    def _mentions_in(self, start: int, end: int) -> list[DateMention]:
        """The date mentions inside [start, end), in the order they were found (an index by start,
        so that a document of many thousand statements is not read in quadratic time)."""
        i = bisect.bisect_left(self._by_start, (start, -1))
        hits = []
        while i < len(self._by_start) and self._by_start[i][0] <= end:
            k = self._by_start[i][1]
            if self.mentions[k].end <= end:
                hits.append(k)
            i += 1
        return [self.mentions[k] for k in sorted(hits)]

    # -- the reading -----------------------------------------------------------------------
    def read(self, spans: list[Span], sents: list[Any], context: list[Any] | None = None, *,
             context_spans: Sequence[Span] = ()) -> list[Statement]:
        """Statements of the parsed sentences ``sents`` (at ``spans``); the organization in focus
        and people's titles are learned from ``context`` (default: ``sents``)."""
        doc = self.doc
        sents = [d[:] for d in sents]
        context = sents if context is None else [d[:] for d in context]
        # dates are read in the sentences that can become statements, not in the whole document
        for span in spans:
            self._add_mentions(DateMention(m.start + span.start, m.end + span.start, m.value)
                               for m in find_dates(doc.text[span.start:span.end], anchor=self.anchor))
        self.ctx.brands = brand_words(context)
        if not self.ctx.focus and not doc.focus and doc.kind == "testimony":
            # a hearing is about whom its witnesses speak for: "ROE (Chief Executive, Acme):"
            self.ctx.focus = next((self.canon(o) for o in turn_orgs(doc.text, self.ctx.titles)), "")
        if not self.ctx.focus:
            self.ctx.focus = self.canon(doc.focus) if doc.focus else self._focus_from(context)
        if doc.kind not in INTERNAL_DOC_KINDS:  # an internal record's speaker is its author: no titles needed
            for s in context:
                learn_titles(s, self.ctx)
            if doc.kind == "news":
                self.ctx.last_person = ""  # the titles are learned from the whole story; "she said" is whoever
                # was named before it, never the last person the story names
        out: list[tuple[Span, Statement]] = []
        kept = {(sp.start, sp.end) for sp in spans}
        # a story's sentence that makes no statement may still introduce whom "she said" speaks of next
        # ("Acme spokeswoman Jane Roe responded online the same day."): read in order with the rest
        between = sorted(((sp.start, n) for n, sp in enumerate(context_spans) if (sp.start, sp.end) not in kept),
                         reverse=True) if doc.kind == "news" and len(context_spans) == len(context) else []
        for span, sent in zip(spans, sents):
            while between and between[-1][0] < span.start:
                self._note_subject(context[between.pop()[1]])
            st = self._statement(span, sent)
            if st is not None:
                out.append((span, st))
            elif doc.kind == "news":
                self._note_subject(sent)
        return self._attribute_backwards(out)

    def _note_subject(self, sent: Any) -> None:
        """Remember a person a story's sentence names as the subject of its main verb ("Acme
        spokeswoman Jane Roe responded online"), with the organization her title names: the
        "she" of the next quotation."""
        root = sent.root
        def named(c: Any) -> Any:  # the subject's person: "Jane Roe", or "a manager at the plant, Jane Roe"
            if c.ent_type_ == "PERSON" and c.pos_ == "PROPN":
                return c
            return next((a for a in c.children if a.dep_ == "appos" and a.ent_type_ == "PERSON" and a.pos_ == "PROPN"), None)
        # (the main verb, or one joined to it: "Hours after the leak began, a manager, Jane Roe, spoke to reporters")
        verbs = [root, *(c for c in root.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX"))]
        root, subj = next(((v, named(c)) for v in verbs if v.pos_ in ("VERB", "AUX") for c in v.children
                           if c.dep_ in ("nsubj", "nsubjpass") and named(c) is not None), (root, None))
        if subj is None:
            return
        person, org, how = speaker_of(root, self.ctx)
        if not person:  # "Jane Roe, an Acme director, was asked whether ...": the person asked answers next
            name = next((e for e in sent.ents if e.label_ == "PERSON" and e.start <= subj.i < e.end), None)
            if name is not None and " " in name.text.strip():
                self.ctx.remember(name.text.strip())
            return
        if how == "person" and person and " " in person:  # (a title the document placed her by stays hers)
            self.ctx.remember(person, self.canon(org) if org and person not in self.ctx.person_org else "")

    def light(self, span: Span) -> Statement:
        """An internal record's sentence with no cue that could give it a stance: its author's
        evidence all the same (voice first), read without a parse. Its frame is a plain report (a
        question when it asks), its topics the content words and adjacent pairs of them, its
        dates those the text gives; the comparison can still pair it by matter."""
        doc = self.doc
        read = _unlabeled(doc.text, span)  # the reading is the whole sentence's, the citation the claim's
        said = doc.text[read.start:read.end]
        span = _cited(doc.text, span)
        text = doc.text[span.start:span.end]
        line, page = doc.locate(span.start)
        self._add_mentions(DateMention(m.start + read.start, m.end + read.start, m.value)
                           for m in find_dates(said, anchor=self.anchor))
        sid = hashlib.sha256(f"{doc.id}|{span.start}|{text}".encode()).hexdigest()[:12]
        rel = tuple(DateMention(m.start - span.start, m.end - span.start, m.value)
                    for m in self._mentions_in(span.start, span.end))
        frame = Frame(modality="question" if said.rstrip().endswith("?") else "report")
        topics = light_topics(said, self.generic)
        heads = [self.noun_family[t] for t in topics if t in self.noun_family and self.noun_family[t] not in topics]
        org = doc.organization or (self.canon(doc.focus) if doc.focus else "")
        speaker = self._record_voice(span)
        org = self._listed_org(speaker) or org
        return Statement(
            id=f"s{sid}", document=doc.id, kind="internal", role="evidence", speaker=speaker,
            organization=self.canon(org) if org else "", date=self._section_date(span.start) or self._doc_date(), text=text,
            source=Source(doc.path, line, span.start, span.end, page, doc.part),
            entities=(), topics=topics + tuple(dict.fromkeys(heads)), frame=frame, mentioned_dates=rel)

    def _attribute_backwards(self, found: list[tuple[Span, Statement]]) -> list[Statement]:
        """A quote opened before its attribution ('"A. B," said X.' after '"C.'): the opening
        sentence takes the speaker of the next quoted sentence of the same paragraph."""
        marks = self.cues.quote_marks
        out = [st for _, st in found]
        for n in range(len(found) - 2, -1, -1):
            span, st = found[n]
            nxt_span, nxt = found[n + 1]
            if st.speaker or st.kind != "public" or nxt_span.paragraph != span.paragraph:
                continue
            # the sentences as read, not as cited (a citation drops the quotation marks)
            said = _unlabeled(self.doc.text, span)
            nxt_said = _unlabeled(self.doc.text, nxt_span)
            if not (self.doc.text[said.start:said.end].lstrip().startswith(marks) and nxt.speaker
                    and any(q in self.doc.text[nxt_said.start:nxt_said.end] for q in marks)):
                continue
            out[n] = dataclasses.replace(st, speaker=nxt.speaker, organization=nxt.organization or st.organization,
                                         role=nxt.role)
            found[n] = (span, out[n])
        return out

    def _statement(self, span: Span, sdoc: Any) -> Statement | None:
        doc = self.doc
        sent = sdoc
        self.ctx.at = span.start
        if not self._gate(span, sent):
            return None
        if doc.kind in INTERNAL_DOC_KINDS:
            return self._internal(span, sent)
        if doc.kind in PUBLIC_DOC_KINDS:
            return self._public_doc(span, sent)
        return self._news(span, sent)

    def _quoted(self, sent: Any) -> set[int]:
        """Token indices inside quotation marks. A straight quote glued to the word before it
        closes a quote (so a sentence that starts mid-quote is read right); otherwise it opens one."""
        marks = [t for t in sent if t.text in self.cues.quote_marks or t.text in ("``", "''")]
        if not marks:
            return set()

        def closes(t: Any) -> bool:
            if t.text in ("”", "''"):
                return True
            if t.text in ("“", "``"):
                return False
            return t.i > sent.start and not t.doc[t.i - 1].whitespace_

        inside = closes(marks[0])  # the first mark closes: we started inside a quote
        out: set[int] = set()
        for t in sent:
            if t in marks:
                inside = not closes(t)
                continue
            if inside:
                out.add(t.i)
        return out

    def _speech(self, sent: Any) -> Any:
        """The sentence's reporting verb: the first that gives speech a subject, unless it sits in a
        relative or adverbial clause and the main clause has one ("In a letter to the senators who
        wrote to the company, Jane Roe said that ...", "Minutes after the ministry said ..., Acme
        announced that ...": Roe's and Acme's words)."""
        found = self._first_speech(sent)
        if found is not None and found.dep_ in ("relcl", "advcl"):
            root = sent.root
            if root is not found and root.i > found.i and root.pos_ == "VERB" \
                    and root.lemma_.lower() in self.report_verbs and root.lemma_.lower() not in OBJECT_VERBS \
                    and any(c.dep_ == "nsubj" for c in root.children) \
                    and any(c.dep_ in ("ccomp", "parataxis") for c in root.children):
                return root
        return found

    def _first_speech(self, sent: Any) -> Any:
        quoted = self._quoted(sent)
        for t in sent:
            if t.i in quoted:
                continue
            if t.lemma_.lower() in self.report_verbs and t.pos_ == "VERB":
                if any(c.lower_ == "as" and any(quoted_as_saying(g) is not None for g in c.children) for c in t.children):
                    continue  # "quoted Jane Roe as saying ...": her words, read at "saying"
                if t.lemma_.lower() in OBJECT_VERBS and not quoted and not any(
                        c.dep_ in ("ccomp", "xcomp", "parataxis") for c in t.children):
                    continue  # "was responding to a lawsuit", "commented on the plan": nothing said
                if t.lemma_.lower() in _CALLING_VERBS and not any(c.lower_ == "as" for c in t.children):
                    continue  # "the memo describes an effort": what a thing tells, not "described the filing as ..."

                if any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children) or t.dep_ in ("parataxis", "ccomp", "ROOT", "relcl") \
                        or quoted_as_saying(t) is not None:  # "the magazine quoted Jane Roe as saying ..."
                    return t
                if t.dep_ in ("advcl", "conj") and t.head.pos_ in ("VERB", "AUX") and t.head.i < t.i \
                        and any(c.dep_ == "nsubj" for c in t.head.children) \
                        and any(c.dep_ in ("ccomp", "parataxis") for c in t.children):
                    return t  # "The board rejected it, saying the costs ...", "X declined and later wrote that ..."
        return None

    @staticmethod
    def _main_root(sent: Any) -> Any:
        """The parser may split our sentence in two: prefer a negated or modal root, then a verb."""
        roots = [t for t in sent if t.dep_ == "ROOT"] or [sent.root]
        for r in roots + [c for r in roots for c in r.children if c.dep_ == "ccomp"]:
            if any(c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in ("will", "would", "wo", "shall")) for c in r.children):
                return r
        return next((r for r in roots if r.pos_ in ("VERB", "AUX")), roots[0])

    def _content_root(self, sent: Any, verb: Any) -> Any:
        if verb is None:
            return self._main_root(sent)
        comp = next((c for c in verb.children if c.dep_ in ("ccomp", "xcomp")), None)
        if comp is not None:
            return comp
        if verb.dep_ in ("parataxis", "ccomp") and verb.head is not verb:
            return verb.head
        main = self._main_root(sent)
        return main if main is not verb else verb

    def _date_for_claim(self, span: Span, sent: Any, verb: Any, who: tuple[str, str] = ("", "")) -> DateValue:
        """When a reported statement was made: a date attached to the reporting verb ("said on
        Tuesday", "testified in 2001"), else the document's. A date inside what was said, in the
        speaker's description ("who led the April hearing") or in a clause added after it is not."""
        update = self._update_date(span)
        if verb is None or verb.lemma_.lower() in _BEING_TOLD and any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
            # ("management was first told of it in November 2017": when the subject learned it, not
            # when the sentence was said)
            return update or self._story_day(span, None, who) or self._doc_date()
        attached = {verb.i}
        for c in verb.children:
            if c.dep_ in ("npadvmod", "prep", "advmod", "tmod", "obl", "nmod"):
                attached.update(t.i for t in c.subtree)
        for c in verb.children:
            if c.dep_ == "advcl" and c.i < verb.i and c.tag_ == "VBN" and c.lemma_.lower() in _ASKED:
                # "Asked about it on Thursday, Acme said" (not "Asked about Acme's statement last week":
                # that date is the statement's)
                attached.update(t.i for p in c.subtree if p.dep_ == "prep" and p.lower_ == "on" for t in p.subtree)
            elif c.dep_ == "advcl" and c.i < verb.i and (c.tag_ == "VBG" or any(
                    g.dep_ in ("mark", "advmod") and g.lower_ in ("when", "as", "while") for g in c.children)):
                # "Testifying in 2001, the director said", "When the clip came out in October 2016, she wrote"
                attached.update(t.i for t in c.subtree)
        for m in self._mentions_in(span.start, span.end):
            s_off, e_off = m.start - span.start, m.end - span.start
            toks = [t for t in sent if t.idx - sent[0].idx >= s_off and t.idx - sent[0].idx < e_off]
            if not (toks and m.value.known):
                continue
            ids = {t.i for t in toks}
            # "It's been a week since X told ...": the date phrase governs the verb's clause and
            # holds the clause's own "since"
            governs = verb.dep_ == "advcl" and verb.head.i in ids and any(
                c.dep_ == "mark" and c.i in ids for c in verb.children)
            # "said on Monday the industry must ...", though the parse hangs the date on what was said;
            # "In a letter dated June 30 ..., Jane Roe said": the letter's date is when she said it
            right_after = (min(ids) == verb.i + 2 and sent.doc[verb.i + 1].lower_ in ("on", "last", "this")) or (
                min(ids) == verb.i + 1 and sent.doc[min(ids)].lower_ in _DAY_WORDS)
            dated = min(ids) < verb.i and min(ids) > sent.start and sent.doc[min(ids) - 1].lower_ == "dated"
            if governs or ids <= attached or right_after or dated:
                return DateValue(m.value.start, m.value.end, m.value.precision, m.value.source, m.value.text)
        if any(c.dep_ == "advmod" and c.lower_ == "then" for c in verb.children):
            # "In July 2018 it revealed the intrusion; it said then that no data was taken": "then" is the
            # last date the sentence gave before the verb
            before = [m for m in self._mentions_in(span.start, span.end)
                      if m.value.known and m.start < sent.doc[verb.i].idx - sent[0].idx + span.start]
            if before:
                m = before[-1]
                return DateValue(m.value.start, m.value.end, m.value.precision, m.value.source, m.value.text)
        return update or self._story_day(span, verb, who) or self._doc_date()

    def _story_day(self, span: Span, verb: Any, who: tuple[str, str]) -> DateValue | None:
        """A news quote with no day of its own was given on the day of the event the story opens
        with ("Acme on Tuesday rejected ...") while no other dated event has come up
        (dates/story.py), when it stands in the event's own paragraph or its speaker (``who``:
        person, organization) is named there; not a quote whose sentence carries a date, a
        retelling ("has said") or a later act ("later wrote")."""
        doc = self.doc
        if doc.kind in PUBLIC_DOC_KINDS or doc.kind in INTERNAL_DOC_KINDS or self.anchor is None \
                or doc.date.precision != "day" or _LATER.search(doc.text, span.start, span.end):
            return None
        if any(m.value.known for m in self._mentions_in(span.start, span.end)):
            return None
        if verb is not None and any(c.dep_ == "aux" and c.lemma_.lower() in ("have", "will") for c in verb.children):
            return None
        if self._story_dates is None:
            self._story_dates = [(m.start, m.value) for m in find_dates(doc.text, anchor=self.anchor)]
        found = story_day(self._story_dates, span.start, self.anchor)
        if found is None:
            return None
        off, v = found
        if _PARA.search(doc.text, off, span.start):  # another paragraph: the event's actor speaks
            breaks = [m.end() for m in _PARA.finditer(doc.text, 0, off)]
            end = _PARA.search(doc.text, off)
            para = doc.text[breaks[-1] if breaks else 0:end.start() if end else len(doc.text)]
            person, org = who
            names = [n for n in (person.split()[-1] if person else "", org, org.split()[0] if org else "")
                     if len(n) > 2 or (len(n) == 2 and n.isupper())]  # "AB and harbor officials said on Tuesday"
            if not any(re.search(r"\b%s\b" % re.escape(n), para) for n in names):
                return None
        return DateValue(v.start, v.end, v.precision, "text", v.text)

    def _update_date(self, span: Span) -> DateValue | None:
        """The date of the dated update or note a paragraph opens with ("**Update, March 17,
        2018:** ...", "UPDATE (Nov. 2):"): the words after it were said then, not on the
        document's own date."""
        text = self.doc.text
        para = text.rfind("\n\n", 0, span.start)
        para = 0 if para < 0 else para + 2
        m = _UPDATE.match(text, para, min(len(text), para + 80))
        if m is None or m.end() > span.end:
            return None
        found = find_dates(m.group("when"), anchor=self.anchor)
        v = found[0].value if found else None
        return DateValue(v.start, v.end, v.precision, "text", v.text) if v is not None and v.known else None

    def _doc_date(self) -> DateValue:
        d = self.doc.date
        if not d.known:
            return d
        return DateValue(d.start, d.end, d.precision, "document" if d.source not in ("header",) else "header", d.text)

    def _evidence_date(self, span: Span, sent: Any) -> DateValue:
        """Dates the reported evidence carries (not the date it was released)."""
        def usable(m: DateMention) -> bool:
            s_off = m.start - span.start
            tok = next((t for t in sent if t.idx - sent[0].idx >= s_off), None)
            if tok is None:
                return True
            return not any(a.lemma_.lower() in RELEASE_VERBS for a in [tok.head] + list(tok.head.ancestors)[:1])
        inside = [m for m in self._mentions_in(span.start, span.end) if m.value.known and usable(m)]
        if inside:
            best = max(inside, key=lambda m: (m.value.precision == "range", (m.value.end - m.value.start).days))
            return best.value
        return DateValue.undated()

    def _make(self, span: Span, sent: Any, *, kind: str, role: str, speaker: str, org: str,
              date: DateValue, frame: Frame, root: Any, names: tuple[str, ...] = ()) -> Statement:
        """The statement of ``sent``; ``names``: organizations the sentence names by a common noun
        ("the agency": attribution.body_named_in), kept among its entities as if written out."""
        doc = self.doc
        speaker = person_cased(speaker)  # "ROBERT ROE" from a witness line is "Robert Roe"
        span = _cited(doc.text, span, self._introducing(span, sent))
        text = doc.text[span.start:span.end]
        line, page = doc.locate(span.start)
        ents = tuple(dict.fromkeys([*(self.canon(e.text) if e.label_ == "ORG" else e.text.strip()
                                      for e in sent.ents if e.label_ in ("ORG", "PERSON", "GPE", "PRODUCT", "NORP", "FAC")),
                                    *(self.canon(n) for n in names)]))
        topic_span = sent if root is None else sent.doc[min(t.i for t in root.subtree):max(t.i for t in root.subtree) + 1]
        topics = topics_of(topic_span, self.generic) or topics_of(sent, self.generic)
        heads = [self.noun_family[t] for t in topics if t in self.noun_family and self.noun_family[t] not in topics]
        topics = topics + tuple(dict.fromkeys(heads))  # "research" also keys as its family, "study"
        sid = hashlib.sha256(f"{doc.id}|{span.start}|{text}".encode()).hexdigest()[:12]
        if kind == "public" and role in ("claim", "third-party") and text.rstrip(" \"'”’)").endswith("?"):
            role = "context"  # a question asked in public asserts nothing: no one's claim
        rel = tuple(DateMention(m.start - span.start, m.end - span.start, m.value)
                    for m in self._mentions_in(span.start, span.end))
        return Statement(
            id=f"s{sid}", document=doc.id, kind=kind, role=role, speaker=speaker,  # type: ignore[arg-type]
            organization=self.canon(org) if org else "", date=date, text=text,
            source=Source(doc.path, line, span.start, span.end, page, doc.part),
            entities=ents, topics=topics, frame=frame, mentioned_dates=rel)

    def _introducing(self, span: Span, sent: Any) -> list[int]:
        """Where the reporting verb that introduces the sentence's quotation is ('Roe *said*: "We
        ...', 'Roe, who founded Acme, *told* reporters, "We ...'): the last verb before the
        first opening quotation mark, when it is a reporting verb (none: [])."""
        quoted = self._quoted(sent)
        last = None
        for t in sent:
            if t.text in self.cues.quote_marks or t.text in ("``", "''"):
                if t.i + 1 < sent.end and t.i + 1 in quoted:
                    break  # the first opening mark
                continue
            if t.i not in quoted and t.pos_ in ("VERB", "AUX"):
                last = t
        else:
            return []
        if last is None or last.pos_ != "VERB" or last.lemma_.lower() not in self.report_verbs:
            return []
        return [span.start + last.idx]

    def _frame(self, sent: Any, root: Any, speech_lemma: str = "") -> Frame:
        names = dict(self.ctx.acronyms)
        names.update(self.aliases)
        return read_frame(root, sent, self.rules, scopes=self.rules.scopes, speech_lemma=speech_lemma,
                          org_names=names)

    def _scoped(self, frame: Frame, sent: Any, org: str) -> Frame:
        """Evidence with no grammatical target: the other organizations it names give the scope
        ("pitched the Federal Mapping Agency" -> a federal agency)."""
        if frame.scope:
            return frame
        from .frame import classify_scope
        own = self.canon(org)
        others = [self.canon(e.text) for e in sent.ents if e.label_ == "ORG" and self.canon(e.text) != own]
        scope = classify_scope(" ; ".join(others), self.rules.scopes) if others else ""
        if not scope:
            return frame
        return dataclasses.replace(frame, scope=scope, target=frame.target or others[0])

    def _gate(self, span: Span, sent: Any) -> bool:
        passed = span in self.kept if self.kept is not None else first_pass(self.doc, span, self.cues)
        if not passed:
            return False  # the first pass's own test, so --thorough finds exactly the same statements
        if any(t.pos_ in ("VERB", "AUX") for t in sent):
            return True
        # a verbless line asserts something only in a record's own notes ("Failure rate: 12% in Q3",
        # a slide bullet); elsewhere it is a caption or a heading
        alpha = sum(t.is_alpha for t in sent)
        figure = any(t.like_num and t.i + 1 < sent.end and (sent.doc[t.i + 1].is_alpha or sent.doc[t.i + 1].text == "%")
                     for t in sent)  # "Low case: 1,063 bopd": a figure and what it counts
        return self.doc.kind in INTERNAL_DOC_KINDS and (alpha >= 4 or (figure and alpha >= 2)) \
            and any(t.pos_ in ("NOUN", "PROPN", "ADJ") for t in sent)

    def _evidence_frame(self, span: Span, sent: Any) -> tuple[Any, Frame] | None:
        """The root and frame of an internal record's sentence, or None if it only reports."""
        if span in self._frames:
            return self._frames.pop(span)
        root = self._main_root(sent)
        frame = self._frame(sent, root)
        if sent.text.rstrip().endswith("?"):  # asked inside: a question can be the evidence of a concern
            frame = dataclasses.replace(frame, modality="question")
        return root, frame

    def may_state(self, span: Span, sent: Any) -> bool:
        """Can this sentence of an internal record become a statement?"""
        if not self._gate(span, sent):
            return False
        found = self._evidence_frame(span, sent)
        if not any(t.like_num for t in sent):
            # entities only ever change a frame's figures: with no number the frame is final
            self._frames[span] = found
        return found is not None

    def _internal(self, span: Span, sent: Any) -> Statement | None:
        doc = self.doc
        found = self._evidence_frame(span, sent)
        if found is None:
            return None
        root, frame = found
        if frame.modality == "commitment":  # an offer or plan in a private record is evidence of acting
            frame = dataclasses.replace(frame, modality="action")
        # the record's own header or sender says whose it is; the names it mentions do not (a
        # product, a regulator, a supplier): the corpus step gives a record with no sender's
        # organization the one that owns the folder's other records
        org = doc.organization or (self.canon(doc.focus) if doc.focus else "")
        speaker = self._record_voice(span)
        org = self._listed_org(speaker) or org
        frame = self._scoped(frame, sent, org)
        return self._make(span, sent, kind="internal", role="evidence", speaker=speaker, org=org,
                          date=self._section_date(span.start) or self._doc_date(), frame=frame, root=root)

    def _section_date(self, at: int) -> DateValue | None:
        """The date of the part of a record ``at`` lies in, when the record is several dated parts
        (a release of sworn filings, each "Sworn: August 2017" or "Date of execution: 7 December
        2017" on a line of its own): the nearest such line before it. None for a record of one date."""
        if self._sections is None:
            found = []
            for m in _SECTION_DATE.finditer(self.doc.text):
                value = parse_date_value((m["value"] or m["when"]).strip(" .;"), source="section")
                if value is not None and value.known:
                    found.append((m.start(), value))
            self._sections = found if len(found) >= 2 else []
            self._section_starts = [o for o, _v in self._sections]  # (searched once per statement)
        k = bisect.bisect_right(self._section_starts, at) - 1
        return self._sections[k][1] if k >= 0 else None

    def _listed_org(self, speaker: str) -> str:
        """The organization a record laid out as a transcript gives its speaker in its own witness
        line ("Interviewee: Jane Roe, Director, Acme Racing" in an inquiry's record of the interview):
        she speaks for Acme Racing, not for the body whose letterhead heads the record; "" when the
        record lists none for her (or she is its author)."""
        doc = self.doc
        if not speaker or speaker == doc.author or doc.kind not in ("memo", "internal-report") or not doc.people:
            return ""
        org = self.ctx.person_org.get(self.ctx.without_honorific(speaker), "")
        return self.canon(org) if org else ""

    def _record_voice(self, span: Span) -> str:
        """Who says a record's sentence: the turn's speaker in a record laid out as a transcript
        (an internal forum, a meeting's minutes: "KEN.ROE (10:18 AM): ..."), else its author."""
        doc = self.doc
        if doc.kind not in ("memo", "internal-report"):
            return doc.author
        turn = turn_at(doc.text, span.start)
        if turn and turn.lower() in _PART_LABELS:
            # "Affiant: Det. Jane Roe" over "Sworn: August 2017" heading a part of a released record: its writer
            sworn = [m for m in _PART_AUTHOR.finditer(doc.text, 0, span.start)]
            if not sworn:
                return doc.author
            name = sworn[-1]["name"].strip()
            bare = re.sub(r"^(?:[A-Z][\w\-]{0,12}\.[\w.\-]{0,12}[ \t]{1,3})+", "", name)  # "Det.-Const. Jane Roe"
            return self.ctx.without_honorific(bare if len(bare.split()) >= 2 else name)
        if not turn or turn.lower() in SKIP_TURNS or turn.lower() in ANSWER_TURNS or speaker_turns(doc.text) < 2:
            return doc.author  # one "Label:" line does not make a record a transcript
        person, _member = turn_person(turn, self.ctx)
        return person or doc.author

    def _public_doc(self, span: Span, sent: Any) -> Statement | None:
        doc = self.doc
        turn = turn_at(doc.text, span.start)
        if turn and turn.lower() in SKIP_TURNS:
            return None
        if doc.kind == "interview" and doc.people:
            if not turn and not re.search(r"[.!?][\"'”’)]?\s*$", sent.text):
                return None  # the transcript's title line ("Evening news interview -- aired in May")
            if turn and turn.lower() not in ANSWER_TURNS and turn_person(turn, self.ctx)[0] not in self.ctx.person_org:
                return None  # whoever the guest list does not name asks the questions: context
        verb = self._speech(sent)
        person, org, how = speaker_of(verb, self.ctx) if verb is not None else ("", "", "")
        if how == "record" and not org[:1].isupper():
            org = ""  # "The primary analysis of the trial showed ...": the document's own analysis, no one else's
        if verb is not None and not how and not self._reports_speech(verb, sent):
            verb = None  # "the fault is not related to how the units were serviced": the document's own voice
        vocative = _VOCATIVE.match(sent.text) if turn else None
        if vocative and person and vocative["name"] in person:
            # "Ms. Roe, the engineer told a court ...": the turn's speaker addresses Roe
            person, org, how = "", "", ""
        elif verb is not None and not how and turn \
                and all(c.lower_ in ("we", "i", "you") for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")):
            verb = None  # "We describe it as damage", "I would ask that you not report it": the turn's speaker
        elif verb is not None and not how and turn and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            verb = None  # "JOHN ROE: Nobody told us anything about the river", "the authority never warned us": in a
            # speaker's turn, what others said (or did not) is the turn speaker's account
        elif verb is not None and not how and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            return None  # someone we cannot identify is speaking: not the organization's claim
        quoted = any(q in sent.text for q in self.cues.quote_marks) or self._in_open_quote(span)
        prev = self.ctx.last_quote_speaker
        if verb is None and quoted and prev and prev[2] == span.paragraph:
            person, org = prev[0], prev[1]  # the quote goes on: "...," said X. "More words. And more."
        intro = self.ctx.quote_intro
        if verb is None and quoted and not person and intro and span.paragraph - intro[2] in (0, 1):
            # "Jane Roe, chief executive, said:" then the quote in the paragraphs below it
            person, org = intro[0], intro[1]
            self.ctx.quote_intro = (person, org, span.paragraph)
        said = sent.text.split(":", 1)[1].lstrip() if turn and sent.text.startswith(turn) and ":" in sent.text else sent.text
        addressed = _ADDRESSED.match(said) if turn and doc.kind in ("testimony", "interview") else None
        if addressed and addressed["title"].split()[0].lower() in self.ctx.titles.person | self.ctx.titles.modifiers | {"head"}:
            # "Mr Roe, you are Acme's head of risk.": whom the question addresses works there (his answers are Acme's)
            named_person = self.ctx.canonical_person(addressed["name"])
            self.ctx.person_org.setdefault(named_person, self.canon(addressed["org"]))
        member = visitor = False
        counsel_org = ""
        if not person and turn and how and org:
            org = ""  # "BORJE ROE (CEO): Yesterday the Department of Justice told us that ...": the turn's speaker
            # relays another party's words; the turn speaks for its speaker's side, not the party it names
        if not person and turn:
            if turn.lower() in ANSWER_TURNS:  # "A." answers for the witness (the only one named, else the author)
                # ("WITNESS: Mr John Doe" answers as John Doe)
                person = self.ctx.without_honorific(doc.people[0][0] if len(doc.people) == 1 else doc.author)
            else:
                person, member = turn_person(turn, self.ctx)
                counsel = COUNSEL_LABEL.fullmatch(turn.strip())
                if counsel:  # "COUNSEL FOR ACME:": Acme's lawyer, unnamed, speaks for Acme
                    person, member = "", False
                    counsel_org = counsel_party(counsel["party"])
                member = member or turn_of_member(doc.text, span.start)  # "Jane Roe (Northgate East) (Lab):"
                member = member or (doc.kind == "testimony" and bool(_HONOURABLE_MEMBER.match(turn)))
                member = member or turn_of_office_holder(doc.text, span.start)  # "CHAIRPERSON (Mr Y. Roe):"
                office = turn_org(doc.text, span.start, self.ctx.titles) if member else ""
                office = office if office.startswith(("Ministry of", "Department of")) else ""
                if office:
                    member = False  # "Minister for Health (Deputy Jane Roe):": a member of the house, there as minister
                named = office or (turn_org(doc.text, span.start, self.ctx.titles) if not member else "")
                visitor = is_visitor(doc.text, person, self.ctx)  # "ROE (GUEST):", then "ROE:": speaks for no host
                if named and person:
                    self.ctx.remember(person, self.canon(named))  # "ROE (Acme CEO):" speaks for Acme
                # at a hearing, whoever the witness list does not name asks the questions
                member = member or (doc.kind == "testimony" and bool(doc.people) and person not in self.ctx.person_org) \
                    or (doc.kind == "testimony" and is_chair(doc.text, person, self.ctx)) \
                    or (doc.kind == "testimony" and turn.lower().strip(" .:") in PRESIDING_LABELS)  # "THE CORONER:" presides
            if how in ("pronoun-org", "first-person"):
                org = ""  # "we" in a turn is the turn's speaker's organization, not the story's
            # (a chair at a briefing the organization holds itself speaks for it, not for a venue)
            org = org or counsel_org or self.ctx.person_org.get(person, "") or (
                (doc.venue or (doc.organization if doc.kind in ("interview", "speech") else "")) if member
                else "" if visitor else doc.organization)
        if not person and not turn and not quoted:
            person = _section_speaker(doc.text, span.start)  # "Statement of Dr Jane Roe, spokeswoman of the ...:"
        if not person and not org:
            person, org = doc.author, doc.organization
        if not member and not visitor:
            org = org or doc.organization or doc.publisher or self.ctx.focus
        root = self._content_root(sent, verb)
        frame = self._frame(sent, root, verb.lemma_.lower() if verb is not None else "")
        if quoted and (person or org):
            self.ctx.last_quote_speaker = (person, org, span.paragraph)
        if verb is not None and person and re.search(r":[\s\"“”']*$", sent.text):
            self.ctx.quote_intro = (person, org, span.paragraph)  # "Jane Roe, CEO, said:": the quote follows
        self.ctx.remember(person, org)
        # whose claims are tested: the organization in focus (config, else the most mentioned),
        # else the document's own; anyone else's words are third-party context
        home = self.canon(self.ctx.focus) if self.ctx.focus else self.canon(doc.organization or doc.publisher)
        role = "claim" if not home or _same_house(self.canon(org), home) else "third-party"
        return self._make(span, sent, kind="public", role=role, speaker=person, org=org,
                          date=self._date_for_claim(span, sent, verb), frame=frame, root=root)

    def _in_open_quote(self, span: Span) -> bool:
        """Does ``span`` lie inside a quotation opened earlier in its paragraph, with no quotation
        mark of its own ("...," said X. "First words. These words. Last words.")?"""
        text = self.doc.text
        before = text[max(text.rfind("\n\n", 0, span.start), 0):span.start]
        marks = [q for q in self.cues.quote_marks if len(q) == 1]
        if '"' in marks and before.count('"') % 2 == 1:
            return True
        return before.count("\u201c") > before.count("\u201d") if "\u201c" in marks else False

    def _reports_speech(self, verb: Any, sent: Any) -> bool:
        """Does a reporting verb in the organization's own document give the sentence to someone
        else? Not when it is passive ("the units have been maintained"), inside a clause of its own ("the
        one group where users who reported problems said ..."), says nothing ("maintained under a
        contract": no clause or quotation after it), or its subject is the speaker's own people
        ("our staff could not rule out that ...")."""
        if verb.dep_ in ("relcl", "acl", "xcomp", "pcomp", "pobj", "amod", "csubj"):
            return False
        if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
            return False
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if subjects and all(c.lower_ in ("we", "i") or any(g.dep_ == "poss" and g.lower_ in ("our", "my")
                                                             for g in c.children) for c in subjects):
            return False
        if verb.head is not verb and verb.dep_ in ("parataxis", "ccomp", "advcl", "conj") and verb.i > verb.head.i:
            return True  # a trailing attribution: "..., critics said."
        return any(c.dep_ in ("ccomp", "parataxis", "xcomp", "dobj") for c in verb.children) \
            or any(q in sent.text for q in self.cues.quote_marks)

    def _news(self, span: Span, sent: Any) -> Statement | None:
        verb = self._speech(sent)
        record = self._reports_records(sent)
        if record is not None and not (verb is not None and record is not True and verb in record.ancestors):
            return self._reported_evidence(span, sent)  # "the emails show ...", not "X said the emails show ..."
        if verb is not None and self._in_a_record(verb):
            return self._written_record(span, sent, verb)
        if verb is not None and any(c.dep_ == "neg" for c in verb.children):
            return None  # "did not respond", "declined to comment": nothing was said
        person, org, how = speaker_of(verb, self.ctx) if verb is not None else ("", "", "")
        if verb is not None and not (person or org) and verb.dep_ in ("advcl", "conj") \
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            person, org, how = speaker_of(verb.head, self.ctx)  # the subject carries over to "saying ..."
        if verb is None or not (person or org):
            person2, org2 = according_to(sent, self.ctx)
            if person2 or org2:
                person, org, how = person2, org2, "person" if person2 else "org"
        elif org and not person:
            person2, org2 = according_to(sent, self.ctx)
            if person2 and (not org2 or _same_house(self.canon(org2), self.canon(org))):
                person = person2  # "Acme said that ..., according to spokeswoman Jane Roe": her words, for Acme
        if not (person or org):
            prev = self.ctx.last_quote_speaker
            if prev and prev[2] == span.paragraph and any(q in sent.text for q in self.cues.quote_marks):
                person, org, how = prev[0], prev[1], "person"
            elif verb is not None and self._unnamed_people(verb):
                # "a lawyer for the families said ...", "two engineers said ...": someone
                # the story does not name speaks -- a third party's words, never the organization's
                root = self._content_root(sent, verb)
                return self._make(span, sent, kind="public", role="third-party", speaker="", org=self._counsel_for(verb),
                                  date=self._date_for_claim(span, sent, verb),
                                  frame=self._frame(sent, root, verb.lemma_.lower()), root=root)
            else:
                return None
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None) if verb is not None else None
        if subj is not None and subj.lower_ in self.party_words and not (person and org):
            who, chamber = _party_member(self.doc.text, span.start)  # "the Northgate Democrat said"
            if chamber:
                person, org, how = who, chamber, "person"
        org = self.canon(org) if org else ""
        if person and not org:
            org = self.ctx.person_org.get(person, "") or _legislature(sent, person)
        named = self._named_speaker
        if how == "pronoun-org" and not person and named is not None and named[1] == span.paragraph:
            # "Acme said in a statement ... The company said ...": the organization that spoke just
            # before in the paragraph, not the story's most named one
            org, how = named[0], "org"
        elif how in ("org", "person", "body") and org:
            self._named_speaker = (org, span.paragraph)
        root = self._content_root(sent, verb)
        frame = self._frame(sent, root, verb.lemma_.lower() if verb is not None else "")
        self.ctx.remember(person, org)
        if any(q in sent.text for q in self.cues.quote_marks):
            self.ctx.last_quote_speaker = (person, org, span.paragraph)
        focus = self.canon(self.ctx.focus)
        if org and focus and self.canon(org) == focus:
            role = "claim"
        elif how == "pronoun-org" and focus:
            role, org = "claim", focus
        else:
            role = "third-party"
        return self._make(span, sent, kind="public", role=role, speaker=person, org=org or "",
                          date=self._date_for_claim(span, sent, verb, (person, org)), frame=frame, root=root,
                          names=(org,) if how == "body" else ())

    def _counsel_for(self, verb: Any) -> str:
        """"A lawyer for the plaintiffs said": the party the unnamed lawyer speaks for, "counsel
        for the plaintiffs" (a title of rules/lexicon.yaml counsel_titles, "for" a common noun);
        "" otherwise."""
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.lemma_.lower() not in self.counsel_titles:
            return ""
        for prep in subj.children:
            obj = next((g for g in prep.children if g.dep_ == "pobj"), None) if prep.lower_ == "for" else None
            if obj is not None and obj.pos_ == "NOUN" and any(c.lower_ == "the" for c in obj.children):
                return f"counsel for the {obj.text}"
        return ""

    @staticmethod
    def _unnamed_people(verb: Any) -> bool:
        """Is the reporting verb's subject people the story does not name ("a lawyer for the
        plaintiffs", "former employees", "two outside scientists")?"""
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        return subj is not None and subj.pos_ == "NOUN" and subj.lemma_.lower() in UNNAMED_PEOPLE \
            and any(c.dep_ in ("ccomp", "parataxis") for c in verb.children)

    def _reports_records(self, sent: Any) -> Any:
        """News prose that cites records: the record is what shows it ("emails show", "memos
        obtained by", "according to documents"), not merely a word in someone's quote. Returns
        the verb that cites them (True when none stands for it), or None."""
        quoted = self._quoted(sent)
        for t in sent:
            if t.i in quoted or not (t.lower_ in self.evidence_nouns or t.lemma_.lower() in self.evidence_nouns):
                continue
            if self._another_partys_record(t):
                return None  # "according to the regulator's report", "the examiner's report shows": not its record
            if t.lemma_.lower() == "report" and t.tag_ == "NNS" and (any(
                    c.dep_ == "prep" and c.lower_ == "from" and any(g.ent_type_ in ("GPE", "LOC") for g in c.subtree)
                    for c in t.children) or any(c.lower_ in ("news", "media", "press", "local", "unconfirmed") for c in t.children)):
                return None  # "Reports from Monrovia now suggest ...", "media reports say": the news, no record kept inside
            head = t.head
            if t.dep_ in ("nsubj", "nsubjpass") and head.lemma_.lower() in self.evidence_verbs:
                return head  # "the emails show", "documents reveal"
            shown = next((c for c in t.children if c.dep_ in ("acl", "relcl") and c.lemma_.lower() in self.evidence_verbs), None)
            if shown is not None:
                return shown  # "emails obtained by", "records released on"
            if t.dep_ == "pobj" and head.lower_ == "to" and head.head.lower_ == "according":
                return True  # "according to internal documents"
            if t.dep_ == "pobj" and head.lower_ in ("in", "by") and head.head.lemma_.lower() in self.evidence_verbs:
                return head.head  # "revealed in emails"
        return None

    def _another_partys_record(self, t: Any) -> bool:
        """Is a report, study or audit (attribution.RECORD_NOUNS) named as another party's: its
        possessor ("the examiner's report") or a proper-noun compound ("the Federal Trade
        Commission report") is not the story's organization nor "the company"? Such a record is
        a third party's finding, not the organization's internal evidence."""
        if t.lemma_.lower() not in RECORD_NOUNS:
            return False
        focus = set(re.findall(r"[a-z0-9]+", self.ctx.focus.lower())) if self.ctx.focus else set()
        for c in t.children:
            if c.dep_ == "poss" and c.lower_ not in ("its", "their", "our", "his", "her", "company", "firm") \
                    or c.dep_ == "compound" and c.pos_ == "PROPN":
                owner = re.findall(r"[a-z0-9]+", " ".join(w.text for w in c.subtree if w.dep_ != "case").lower())
                if not owner or owner[0] not in focus:  # "Acme's audit" is the story's own; "the examiner's" is not
                    return True
            if c.dep_ == "prep" and c.lower_ in ("of", "by"):  # "the report of the court-appointed examiner"
                obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if obj is not None and (obj.ent_type_ in ("ORG", "PERSON", "GPE") or obj.lemma_.lower() in self.record_authors):
                    owner = re.findall(r"[a-z0-9]+", " ".join(w.text for w in obj.subtree if w.dep_ not in ("det", "case")).lower())
                    if not owner or not set(owner) & focus:
                        return True
        return False

    def _in_a_record(self, verb: Any) -> bool:
        """"In a 1963 memo, the counsel wrote that ...": the words were written in a record."""
        if verb.lemma_.lower() not in ("write", "say", "warn", "tell", "note", "state", "acknowledge", "admit", "conclude"):
            return False
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ in ("in", "within"):
                obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                # a letter is often an open one: only the records an organization keeps to itself
                if obj is not None and obj.lemma_.lower() not in ("letter", "filing", "statement", "report") \
                        and (obj.lower_ in self.evidence_nouns or obj.lemma_.lower() in self.evidence_nouns) \
                        and not any(m.lemma_.lower() in PUBLISHED_MARKS for m in obj.subtree):
                    return True
        return False

    def _written_record(self, span: Span, sent: Any, verb: Any) -> Statement | None:
        """Words a news story quotes from a record: the writer's internal evidence, dated by the
        record's own date where the sentence gives one."""
        person, org, _how = speaker_of(verb, self.ctx)
        org = self.canon(org) if org else (self.ctx.person_org.get(person, "") if person else "")
        if not org and (person or self.ctx.focus):
            org = self.canon(self.ctx.focus)
        if not (person or org):
            return None
        self.ctx.remember(person, org)
        root = self._content_root(sent, verb)
        frame = self._scoped(self._frame(sent, root, verb.lemma_.lower()), sent, org)
        return self._make(span, sent, kind="internal", role="evidence", speaker=person, org=org,
                          date=self._evidence_date(span, sent), frame=frame, root=root)

    def _reported_evidence(self, span: Span, sent: Any) -> Statement | None:
        """News prose that reports internal records: "emails show the company pitched ..."."""
        ev_verb = next((t for t in sent if t.lemma_.lower() in self.evidence_verbs and t.pos_ == "VERB"), None)
        if not any(t.dep_ in ("nsubj", "nsubjpass") for t in sent):
            return None  # a heading or caption ("Documents produced to the Committee"), not a report
        root = None
        if ev_verb is not None:
            root = next((c for c in ev_verb.children if c.dep_ in ("ccomp", "xcomp", "dobj") and c.pos_ in ("VERB", "PROPN", "NOUN")), None)
        root = root or sent.root
        org = ""
        for t in [root] + list(root.subtree):
            if t.dep_ in ("nsubj", "nsubjpass", "poss") and (t.ent_type_ == "ORG" or t.lower_ in ("company", "firm")):
                org = org_in([t]) or (self.ctx.focus if t.lower_ in ("company", "firm") else clean_org(t.text))
                break
            named = [c for c in t.children if c.dep_ in ("compound", "poss") and c.ent_type_ == "ORG"] \
                if t.dep_ in ("nsubj", "nsubjpass") else []
            if named:  # "documents show some Acme Steel employees pressed ...": the people's organization
                org = org_in([w for c in named for w in c.subtree]) or clean_org(" ".join(w.text for c in named for w in c.subtree))
                break
        if not org:
            for t in sent:  # "emails from X"
                if t.lower_ == "from" and t.head.lemma_.lower() in self.evidence_nouns:
                    org = org_in(list(t.subtree))
                    break
        org = self.canon(org) or self.canon(self.ctx.focus)
        if not org:
            return None
        frame = self._scoped(self._frame(sent, root), sent, org)
        if frame.modality == "report" and not frame.verbs:
            return None
        return self._make(span, sent, kind="internal", role="evidence", speaker="", org=org,
                          date=self._evidence_date(span, sent), frame=frame, root=root)
