"""Which sentences are read at all (:func:`first_pass`, and why one is not: :func:`skip_reason`)
and which of those are parsed (:func:`needs_parse`), before any parse."""

from __future__ import annotations

import re

from ..models import INTERNAL_DOC_KINDS, PUBLIC_DOC_KINDS, Document
from .attribution import turn_at
from .sentences import HEADER_FIELD, CueIndex, Span


SKIP_TURNS = frozenset({"q", "question", "interviewer", "moderator", "host", "reporter", "chair", "chairman", "chairwoman",
                        "presenter", "anchor", "newsreader", "correspondent"})


def first_pass(doc: Document, span: Span, cues: CueIndex) -> bool:
    """Can this sentence of ``doc`` become a statement? Voice first: in an internal record or a
    public document of the organization every substantive sentence is a statement of its voice
    (stance is read later and is never a reason to drop one); in news only reported speech is,
    so a sentence there needs a way to a speaker (a quotation, a reporting verb, "according to",
    a cited record). What is dropped before any parse, and why: :func:`skip_reason`."""
    return not skip_reason(doc, span, cues)


def _wrapped(text: str) -> bool:
    """A long item wrapped over indented lines ("- Negotiated a recall on ...\n    (floor mats,
    2007); saved $100M+"): one sentence without its period, not a heading or an address block."""
    lines = text.split("\n")
    return len(text.split()) >= 10 and all(ln[:1] in (" ", "\t") for ln in lines[1:] if ln.strip())


def _in_editors_note(text: str, span: Span) -> bool:
    """Is the sentence inside a bracketed note standing on lines of its own ("[Reconstruction
    of the hearing; not the official record. Names shortened.]")?"""
    opened = text.rfind("[", 0, span.start + 1)
    if opened < 0 or "]" in text[opened:span.start] or "\n\n" in text[opened:span.start]:
        return False
    if text[text.rfind("\n", 0, opened) + 1:opened].strip():
        return False  # the bracket does not open its line
    closed = text.find("]", max(span.start, span.end - 2))
    if closed < 0 or "\n\n" in text[span.start:closed] or "[" in text[span.start + 1:closed]:
        return False
    end = text.find("\n", closed)
    return not text[closed + 1:end if end >= 0 else len(text)].strip()


#: A product's name listed on a line of its own: a brand in capitals, the name's words, a few
#: words of what it is ("ACME Protect + Refresh aerosol sunscreen"); no sentence, whatever a
#: tagger reads as its verb ("Protect").
_PRODUCT_LINE = re.compile(r"[A-Z]{3,20}(?:[ \t]{1,3}(?:[A-Z][\w'\-]{0,20}|\+|&)){1,5}(?:[ \t]{1,3}[a-z][a-z\-]{1,20}){0,3}")


#: A Markdown heading on its own line ("## Contributing factors"): a title, not a sentence.
_MD_HEADING = re.compile(r"#{1,6}[ \t][^\n]{0,200}")


#: A record's credit line, with no colon: "Prepared by Risk and Finance.", "Compiled for the board".
_CREDIT_LINE = re.compile(r"(?i)[ \t]{0,4}(?:prepared|compiled|drafted|written|produced)[ \t]{1,3}(?:by|for)\b")


#: A record's classification marking on a line of its own, perhaps with how it was released in brackets.
_MARKING = re.compile(r"[ \t]{0,4}(?:UNCLASSIFIED|CLASSIFIED|CONFIDENTIAL|SECRET|TOP SECRET|RESTRICTED|FOR OFFICIAL USE ONLY|"
                      r"OFFICIAL[- ]SENSITIVE|FOUO)(?:[ \t]{0,2}(?://|-{1,2})[ \t]{0,2}[A-Z][A-Z ]{1,40})?[ \t]{0,4}"
                      r"(?:\([^()]{0,200}\)[ \t]{0,4})?$")


def skip_reason(doc: Document, span: Span, cues: CueIndex) -> str:
    """Why the first pass drops this sentence of ``doc`` ("" when it keeps it)."""
    text = doc.text[span.start:span.end]
    if len(text) < 12 or not re.search(r"[a-z]", text) or len(text.split()) < 3:
        return "too short to say anything"
    if "[" in doc.text[max(0, span.start - 400):span.start + 1] and _in_editors_note(doc.text, span):
        return "an editor's note in brackets"
    if "\n" in text and not re.search(r"[.!?:;\"”’']\s*$", text) and not _wrapped(text):
        return "a heading, caption or address block (lines with no sentence end)"
    if len(text) <= 120 and _PRODUCT_LINE.fullmatch(text.strip()):
        return "a product's name on a line of its own (a list item, no sentence)"
    if _MD_HEADING.fullmatch(text.strip()):
        return "a heading, caption or address block (a Markdown heading)"
    if _MARKING.match(text) and len(text.split()) <= 24:
        return "a classification marking"  # "UNCLASSIFIED//FOR OFFICIAL USE ONLY (declassified for release to ...)"
    if HEADER_FIELD.match(text) or (_CREDIT_LINE.match(text) and len(text.split()) <= 10):
        return "a header field"  # "From: Jane Roe, Director of ...", "Prepared by Risk and Finance."
    if cues.is_boilerplate(text):
        return "boilerplate or small talk (rules/lexicon.yaml boilerplate, phatic)"
    if doc.kind in INTERNAL_DOC_KINDS:
        return ""
    if doc.kind in PUBLIC_DOC_KINDS:
        turn = turn_at(doc.text, span.start)
        return f"the interviewer's turn ({turn})" if turn and turn.lower() in SKIP_TURNS else ""
    if not _is_candidate(text, cues):
        return f"{doc.kind} prose with no way to a speaker (no quotation, reporting verb, 'according to' or cited record)"
    return ""


def left_out(doc: Document, span: Span, cues: CueIndex) -> str:
    """Why a sentence of ``doc`` is no statement: the first pass's reason, else the reader's."""
    return skip_reason(doc, span, cues) or \
        "read, but no one could be named as saying it (or it has no verb): context, not a statement"


def needs_parse(doc: Document, span: Span, cues: CueIndex) -> bool:
    """Is this kept sentence parsed? Every one but an internal record's sentence with no cue that
    could give it a stance (read without a parse, _DocReader.light)."""
    return doc.kind not in INTERNAL_DOC_KINDS or _is_candidate(doc.text[span.start:span.end], cues, "frame")


def _is_candidate(sentence: str, cues: CueIndex, need: str = "") -> bool:
    tokens = re.findall(r"[a-z']+", sentence.lower())
    return cues.hits(sentence, tokens, need)
