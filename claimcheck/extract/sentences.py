"""The cheap first pass: split a document into sentences and keep those that can hold a claim.

Only sentences kept here go through the parser and NER. A sentence is kept when its tokens hit
a cue list of rules/lexicon.yaml (reporting verbs, quotation marks, commitment, denial,
assurance, concern, knowledge, action or evidence words) or it carries a figure. The later
stages only ever accept sentences with such a cue, so parsing everything (``thorough``) gives
the same statements: this filter is an optimization, never a second opinion.

A sentence of an internal record needs more (``need="frame"``): a figure, or a cue that can give
its frame a modality other than a bare report, which the reader drops. The other cue-bearing
sentences of such a record still feed the guess of its organization (entities only, no parse).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterator

from ..ruleset import RuleSet
from .frame import WORD_NUMBERS, OVER_LIMIT, reader_words

_PARA = re.compile(r"\n[ \t]*\n+")
_NUM = re.compile(r"\d")
_SCALE = re.compile(r"\b(?:hundred|thousand|million|billion|trillion|dozens?)\b", re.I)
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
#: Digits that only place a sentence in time (years, "June 11", "11 June", "4 p.m.", "10:30") are
#: masked before the figure test: a date or a clock time alone makes no claim, and e-mails are
#: full of them. Dates are read later in every kept sentence all the same.
_CALENDAR = re.compile(
    rf"\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}"
    r"|\b(?:19|20)\d\d\b(?!\s*(?:%|percent|people|units|[a-z]+s\b))"
    r"|\b\d{1,2}(?::\d\d)?\s*(?:[ap]\.?m\.?)(?!\w)|\b\d{1,2}:\d\d\b")
#: Who a cue word can be about: "we", "our", "the company", or a capitalized name after the first word.
_ANCHOR = re.compile(r"\b(?:[Ww]e|[Oo]ur|[Uu]s|I|[Mm]y|[Cc]ompany|[Ff]irm|[Aa]gency|[Ss]pokes(?:man|woman|person)|"
                     r"[Oo]fficials?|[Ee]xecutives?|(?:former )?[Ee]mployees|[Rr]egulators?|[Aa]uditors?)\b"
                     r"|\s[A-Z][a-z]+|\s[A-Z]{2,}|\s(?=[A-Z0-9&]{2,5}\b)[0-9&]*[A-Z][A-Z0-9&]*")
_CUE_KEYS = ("report_verbs", "commitment", "commitment_cues", "denial", "assurance", "concern", "knowledge",
             "action", "evidence_nouns", "evidence_verbs", "position_change")
MAX_SENTENCE_CHARS = 1200
#: A capitalised abbreviation ("Ga.", "Inc.", "Calif.") closing a sentence: the next word is one
#: that opens sentences, not a name the abbreviation could belong to ("Mr. Roe", "St. Louis").
_ABBREV_END = re.compile(r"(?<=[\s,(])([A-Z][a-z]{1,4}\.)(\s+)(?=(?:The|A|An|It|He|She|They|We|Its|This|That|"
                         r"These|Those|But|In|On|At|After|Before|When|While)\s)")
#: A news dateline opening a sentence: "SEATTLE, June 17, 2020 —", "WASHINGTON (Reuters) -",
#: "OMAHA, Neb. --". The document date comes from it (ingest); statements start after it.
DATELINE = re.compile(
    r"(?<![A-Z.'\- ])[A-Z][A-Z.'\- ]{2,40}(?:,\s*[A-Z][a-z]{1,12}\.?){0,3}"
    r"(?:,?\s*[A-Z][a-z]{2,9}\.?\s+\d{1,2}(?:,\s*\d{4})?)?"
    r"\s*(?:\([^)]{1,40}\)\s*)?(?:—|–|--|-)\s+")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    paragraph: int


def iter_paragraphs(text: str) -> Iterator[tuple[int, int]]:
    pos = 0
    for m in _PARA.finditer(text):
        yield pos, m.start()
        pos = m.end()
    yield pos, len(text)


#: A line that starts an item of its own: a bullet, a number, a "Label: value" field, a chat or
#: slide marker, a table's row ("| January | Intrusion found |"). A paragraph made of such lines is
#: read line by line (slides, forms, notes, tables).
_ITEM = re.compile(r"[ \t]{0,8}(?:[-*•–·▪○◦]\s|\d{1,2}[.)]\s|[A-Za-z][\w /&'()-]{0,30}:\s|\[[^\]\n]{1,40}\]\s|"
                   r"(?:slide|page)\s+\d{1,3}\b|\|[^|\n]{1,300}\|)", re.I)
_BULLET = re.compile(r"[-*•–·▪○◦]\s+")
#: A message or memo header field: its line is metadata, never a statement.
HEADER_FIELD = re.compile(r"(?i)(?:to|from|cc|bcc|sent|date|subject|re|attachments?|importance|dated?|memo to|memo from|distribution|distribution list|recipients|prepared by|prepared for|classification|owner|"
                          r"version|change ticket|ticket|reference|ref|case no|file no|bates(?: no)?|filed|date filed|submitted|subj|dtg)"
                          r"[ \t]{0,4}:")


def item_units(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """The units of the paragraph ``text[a:b]``: itself, or its items when most of its lines
    start one (a continuation line joins the item above it)."""
    lines: list[tuple[int, int]] = []
    pos = a
    for line in text[a:b].split("\n"):
        if line.strip():
            lines.append((pos, pos + len(line)))
        pos += len(line) + 1
    if len(lines) < 2:
        return [(a, b)]
    starts = [bool(_ITEM.match(text, s, e)) for s, e in lines]
    if sum(starts) < 2 or sum(starts) * 2 < len(lines):
        return [(a, b)]
    units: list[list[int]] = []
    for (s, e), starts_item in zip(lines, starts):
        if _TABLE_RULE.fullmatch(text, s, e):
            if units and text.startswith("|", units[-1][0]):
                units.pop()  # a table's heading row, over its rule: names of columns, no statement
            continue
        if starts_item or not units:
            units.append([s, e])
        else:
            units[-1][1] = e
    return [(s, e) for s, e in units]


#: A table's rule under its heading row: "|------|:-----:|".
_TABLE_RULE = re.compile(r"[ \t]{0,8}\|?(?:[ \t]{0,4}:?-{1,60}:?[ \t]{0,4}\|){1,20}[ \t]{0,4}(?::?-{1,60}:?[ \t]{0,4})?")


#: A short answer that says nothing without the sentence after it ("No, sir.", "Not to my
#: knowledge, Mr. Chairman.", "Absolutely not."): joined with that sentence of the same turn.
_ANSWER = re.compile(r"(?:no|not|never|none|yes|correct|absolutely(?: not)?|certainly not|of course not)\b"
                     r"[^!?\n]{0,45}[.!]$", re.I)


def split_sentences(text: str, splitter: Any) -> list[Span]:
    """Sentence spans (character offsets into ``text``), never crossing a blank line nor, in a
    paragraph of items (bullets, fields, slides), an item's end."""
    spans: list[Span] = []
    paras = [(n, u) for n, (a, b) in enumerate((a, b) for a, b in iter_paragraphs(text) if text[a:b].strip())
             for u in item_units(text, a, b)]
    docs = splitter.pipe(text[a:b] for _n, (a, b) in paras)
    for (n, (a, _b)), doc in zip(paras, docs):
        unit_start = len(spans)
        for sent in doc.sents:
            s, e = sent.start_char, sent.end_char
            chunk = text[a + s:a + e]
            stripped = chunk.strip()
            if not stripped:
                continue
            lead = len(chunk) - len(chunk.lstrip())
            field = HEADER_FIELD.match(stripped)
            if field and "\n" in stripped and re.match(r"(?i)(?:to|cc|bcc|from|distribution|distribution list|recipients)\b", stripped) \
                    and all(re.match(r"[ \t]{3,40}\S", ln) for ln in stripped.split("\n")[1:]):
                continue  # "TO:    GEN Jane Roe\n       GEN John Doe": its addressees, listed on indented lines
            if field and "\n" in stripped:  # "Re: Findings\nDuring the checks we found ...": the body, not the label line
                cut = stripped.index("\n") + 1
                cut += len(stripped[cut:]) - len(stripped[cut:].lstrip())
                lead += cut
                stripped = stripped[cut:]
            heading = _HEADING_LINE.match(stripped)
            if heading and len(stripped) - heading.end() > 40:
                # "Chairman's comment\n"The quarter was ..." said Jane Roe": a heading over the paragraph
                lead += heading.end()
                stripped = stripped[heading.end():]
            bullet = _BULLET.match(stripped)
            if bullet and len(stripped) - bullet.end() > 3:  # "- We make it worse": the item, not its bullet
                lead += bullet.end()
                stripped = stripped[bullet.end():]
            dl = DATELINE.match(stripped)
            if dl and len(stripped) - dl.end() > 20:  # "SEATTLE, June 17, 2020 — Acme said ...": the place is no speaker
                lead += dl.end()
                stripped = stripped[dl.end():]
            start = a + s + lead
            end = start + len(stripped)
            # an abbreviation ending a sentence ("... in Blakely, Ga. The agency says ..."): the
            # tokenizer keeps the period with the word, so the next sentence is cut off here
            for m in _ABBREV_END.finditer(text, start, end):
                if m.end() - start > 20 and end - m.end() > 20:
                    spans.append(Span(start, m.end() - len(m.group(2)), n))
                    start = m.end()
            # very long "sentences" (tables, run-on lists) are cut so one line cannot stall the parser
            while end - start > MAX_SENTENCE_CHARS:
                spans.append(Span(start, start + MAX_SENTENCE_CHARS, n))
                start += MAX_SENTENCE_CHARS
            if len(spans) > unit_start and _ANSWER.match(text[spans[-1].start:spans[-1].end]):
                # "Not to my knowledge, Mr. Chairman. Our research was about taste.": a short answer
                # says what it says with the sentence that follows it in the same turn
                start = spans.pop().start
            spans.append(Span(start, end, n))
    return _rejoined(text, spans)


#: A heading on a line of its own above a paragraph's first sentence, with no blank line between:
#: a few words, no sentence's punctuation, and the next line opens a quotation.
_HEADING_LINE = re.compile(r"[A-Z][\w'’&\- ]{2,40}(?<![.,;:!?\s])[ \t]*\n(?=[\"“])")
#: An abbreviation a figure follows ("Rs. 2,819 crore", "No. 1 shared disk", "approx. 40"):
#: the tokenizer may end a sentence at its period, though the sentence goes on with the figure.
_BEFORE_FIGURE = re.compile(r"(?<![\w.])(?:Rs|Re|Nos?|Art|Fig|Vol|approx|ca|pp?|Sec|Para)\.$", re.I)


#: A title abbreviation just inside a parenthesis ("THE CHAIRMAN (SEN.", "ROE (Dr."): the tokenizer
#: may end a sentence at its period, though the label goes on with the name.
_OPEN_TITLE = re.compile(r"\([A-Za-z]{1,8}\.$"
                         # a rank or a title abbreviated before a name: "said Cpl. Jane Roe", "Sgt. John Doe of ..."
                         r"|(?<![\w.])(?:Cpl|Sgt|Det|Insp|Supt|Lt|Capt|Col|Maj|Cmdr|Cst|Const|Pte|Gov|Sen|Rep|Hon|Prof|Rev|Atty)\.$")


def _rejoined(text: str, spans: list[Span]) -> list[Span]:
    out: list[Span] = []
    for sp in spans:
        prev = text[out[-1].start:out[-1].end] if out else ""
        if out and out[-1].paragraph == sp.paragraph and not text[out[-1].end:sp.start].count("\n") and (
                _BEFORE_FIGURE.search(prev) and text[sp.start:sp.start + 1].isdigit()
                or _OPEN_TITLE.search(prev[-12:]) and text[sp.start:sp.start + 1].isupper()):
            out[-1] = Span(out[-1].start, sp.end, sp.paragraph)
        else:
            out.append(sp)
    return out


def inflections(words: set[str]) -> set[str]:
    """Common surface forms of lower-case words (plurals, tenses, comparatives), no lemmatizer needed."""
    out = set(words)
    for w in words:
        out.update({w + "s", w + "es", w + "ed", w + "d", w + "ing"})
        if w.endswith("y"):
            out.update({w[:-1] + "ied", w[:-1] + "ies"})
        if w.endswith("e"):
            out.update({w[:-1] + "ing", w + "r", w + "st"})  # safer, safest
        else:
            out.update({w + "er", w + "est"})
        if len(w) > 2 and w[-1] in "bdglmnprt" and w[-2] in "aeiou" and w[-3] not in "aeiou":
            out.update({w + w[-1] + "ed", w + w[-1] + "ing"})  # ship -> shipped, plan -> planning
    return out


class CueIndex:
    """Lower-case word and phrase cues from the lexicon, for the first pass and the classifier."""

    def __init__(self, ruleset: RuleSet):
        self.words: set[str] = set()
        self.phrases: list[str] = []
        for key in _CUE_KEYS:
            for w in ruleset.lexicon.get(key, ()):
                if " " in w:
                    self.phrases.append(w)
                else:
                    self.words.add(w)
        # surface forms of common inflections, so the first pass needs no lemmatizer
        self.words |= inflections(self.words) | {"said", "told", "wrote", "sold", "knew", "known", "met", "paid",
                               "built", "ran", "sent", "found", "taught", "bought", "won't", "n't"}
        verbs = set(ruleset.lexicon.get("report_verbs", ()))
        self.report_words = {w for w in self.words if any(w.startswith(v[:-1] if v.endswith("e") else v) for v in verbs)} \
            | {"said", "told", "wrote"}
        org_nouns = sorted(set(ruleset.lexicon.get("org_nouns", ())), key=lambda w: (-len(w), w))
        # "The utility said ...": a definite noun of the organization's kind can be about it
        self.org_anchor = re.compile(r"\b(?:the|its) (?:" + "|".join(re.escape(w) for w in org_nouns) + r")\b", re.I) \
            if org_nouns else None
        self.quote_marks = tuple(ruleset.lexicon.get("quote_marks", ('"',)))
        self.boilerplate = tuple(w.lower() for w in ruleset.lexicon.get("boilerplate", ()))
        self.phatic = tuple(w.lower() for w in ruleset.lexicon.get("phatic", ()))
        # what can give a sentence of an internal record a frame other than "report", read off
        # frame.read_frame's modality rules, from the same lexicon (frame.reader_words): the
        # assurance, concern, knowledge and action words and the position-change phrases; the
        # commitment words (a pledge verb or a future auxiliary); a negation or a negating verb
        # (lexicon.negative_verbs, a denial); a number word (figure); a limit exceeded (concern). The
        # denial words decide only as a reporting verb, which an internal record's frame never has.
        # tests/test_extract.py checks that every sentence this drops reads "report".
        lex = ruleset.lexicon
        rw = reader_words(ruleset)
        drivers = {w for k in ("assurance", "concern", "knowledge", "action") for w in lex.get(k, ()) if " " not in w}
        drivers |= set(rw.negative) | set(WORD_NUMBERS) | set(rw.future_aux) | {"not", "never", "no", "cannot"}
        self.modal_words = inflections(drivers) | {"won't", "can't", "knew", "known", "sold", "met", "paid", "built",
                                                    "ran", "bought", "learnt"}
        self.modal_phrases = [w for k in ("assurance", "concern", "knowledge", "action", "position_change")
                              for w in lex.get(k, ()) if " " in w] \
            + ["n't", "n\u2019t", "'ll", "\u2019ll", "going to", "-free"]

    def is_boilerplate(self, sentence: str) -> bool:
        """Disclaimers and footers anywhere in the sentence; small talk in a short one."""
        low = sentence.lower()
        if any(p in low for p in self.boilerplate):
            return True
        words = re.findall(r"[a-z']+", low)
        if len(words) > 6:
            return False
        opening = " ".join(words[:3])
        return any(opening == p or opening.startswith(p + " ") for p in self.phatic)

    def hits(self, sentence: str, tokens: list[str], need: str = "") -> bool:
        """Can this sentence hold a claim or evidence? A quotation or a figure; or a cue word
        together with someone it can be about: a first-person speaker or a named party.

        ``need="frame"`` narrows it for a sentence of an internal record: it also needs a figure or
        a cue that can give a frame other than "report" (the reader drops a bare report).
        """
        low = sentence.lower()
        quoted = any(q in sentence for q in self.quote_marks)
        # the figure test masks dates first, the costly part: skip it when a quote already decides
        figure = (need == "frame" or not quoted) and bool(_NUM.search(_CALENDAR.sub(" ", sentence))
                                                           or _SCALE.search(sentence))
        if need == "frame" and not figure:
            if not (any(t in self.modal_words for t in tokens) or any(p in low for p in self.modal_phrases)
                    or OVER_LIMIT.search(low)):
                return False
        if quoted or figure:
            return True
        if not (any(t in self.words for t in tokens) or any(p in low for p in self.phrases) or "-free" in low):
            return False
        if _ANCHOR.search(sentence) or (self.org_anchor is not None and self.org_anchor.search(sentence)):
            return True
        # "Brandt said ...", "AP&L said ...": a name opening the sentence, then a reporting verb
        words = sentence.split(None, 2)
        return len(words) > 1 and sentence[:1].isupper() and words[1].lower().strip(",;") in self.report_words
