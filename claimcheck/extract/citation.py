"""The part of a sentence a statement cites (:func:`_cited`): without a turn or note label, a
salutation or a form's label, and a quotation cited as the words inside its marks."""

from __future__ import annotations

import dataclasses
import re
from typing import Sequence

from .attribution import TURN_LABEL, turn_speaker
from .sentences import HEADER_FIELD, Span


#: A paragraph that opens with a dated update or note: "**Update, March 17, 2018:**", "UPDATE (Nov. 2):".
_UPDATE = re.compile(r"[ \t*_]{0,4}(?i:update[d]?|editor's note|correction|clarification)[ \t]{0,2}[,(\-–—]?[ \t]{0,2}"
                     r"(?P<when>[A-Za-z0-9.,' ]{4,40}?)[ \t]{0,2}\)?[ \t]{0,2}:")


#: A salutation alone on the first line of a letter's or an e-mail's body ("Jane,", "Dear Ms. Roe,",
#: "Hi team,"): a greeting word and up to four words, or up to four capitalized words, then a comma.
_SALUTATION = re.compile(r"[ \t]{0,4}(?:(?i:dear|hi|hello|hey|good morning|good afternoon|good evening)"
                         r"(?:[ \t]{1,3}[\w.'\-]{1,30}){0,4}|[A-Z][\w.'\-]{0,30}(?:[ \t]{1,3}[A-Z][\w.'\-]{0,30}){0,3})"
                         r"[ \t]{0,2},[ \t]{0,4}\n")
#: A form's label alone on the first line ("Reviewer Comment:", "**Findings:**"): up to five words, a colon.
_LABEL_LINE = re.compile(r"[ \t]{0,4}[*_]{0,2}[A-Z][\w'/&()\-]{0,30}(?:[ \t]{1,3}[\w'/&()\-]{1,30}){0,4}"
                         r"[ \t]{0,2}:[*_]{0,2}[ \t]{0,4}\n")
#: A Markdown heading over the sentence ("## Summary\n- Start: 02:45 ..."): the section's title.
_MD_HEADING = re.compile(r"[ \t]{0,3}#{1,6}[ \t][^\n]{1,120}\n")
#: A list item's marker, which may open the body under a heading.
_BULLET = re.compile(r"[ \t]{0,8}[-*•][ \t]{1,4}\S")
#: The body of a line after a salutation or a label: a capital, a figure or a quotation.
_BODY_START = re.compile(r"[ \t]{0,8}[A-Z0-9\"“‘'*(]")
#: After a quotation's closing mark, the report going on with more of what was said ('"We are
#: safe," that its parts are tested ...'): no attribution, the sentence stays whole.
_GOES_ON = re.compile(r"[ \t\n,]{0,4}(?:that|and|but|or|while|which|because)\b")
#: A double quotation mark (the marks a cited span is balanced on).
_QUOTE_MARK = re.compile(r"[\"“”]")
#: After a quotation's closing mark, the sentence's end and nothing more ('... data."', '... data".').
_QUOTE_ENDS = re.compile(r"[.!?]{0,3}[ \t\n]{0,40}")
#: A quotation that is a whole claim opens with a capital or a figure ('"We will ...'), not with a
#: word of the reporter's sentence ('called it "misleading."').
_CLAIM_OPENS = re.compile(r"[ \t]{0,2}[‘'(\[]{0,2}[A-Z0-9]")
#: A word of an attribution.
_WORD = re.compile(r"[\w'’\-]{1,40}")
#: How many words may stand between the reporting verb and the quotation it introduces ('told
#: reporters on Tuesday in Northgate, "...'): more, and the words before the quotation say more
#: than who said it.
_LEAD_WORDS = 8


def _field_label(label: str, rest: str) -> bool:
    """A record's field label, not a speaker: "Worst case: 4,200 units" (a figure needs what it
    counts), "Status in Region B: no recall" (a label with a lower-case word)."""
    words = re.sub(r"\([^()]*\)", " ", label).strip(" \t*_:.").split()  # ("ROE (Head of Sales, Acme):": a speaker)
    return bool(re.match(r"[~<>$€£]?\d", rest)) or any(w[:1].islower() for w in words[1:])


def _unlabeled(text: str, span: Span) -> Span:
    """A sentence without the transcript turn label or dated note's label it opens with ("**ROE
    (Acme CEO):** ", "A. ", "Mr. ROE. ", "Update, May 2:") and without the stray opening quotation
    mark of the next sentence it may end with ('... a spokesperson said. "'). What a statement
    is read on (its frame, topics, speaker and date come from the whole of this)."""
    start, end = span.start, span.end
    head = text[start:min(end, start + 200)]
    if turn_speaker(head.split("\n", 1)[0]):
        m = TURN_LABEL.match(head)
        if m and start + m.end() < end and not _field_label(head[:m.end()], head[m.end():]):
            start += m.end()
    else:
        m = _UPDATE.match(head)  # "**Update, March 17, 2018:** ": a dated note's label
        if m:
            rest = re.match(r"[*_ \t]{0,4}", head[m.end():])
            if start + m.end() + rest.end() < end:
                start += m.end() + rest.end()
    tail = text[max(start, end - 4):end]
    m = re.search(r"(?<=[.!?,;:])\s+[\"“]$", tail)
    if m:
        end -= len(tail) - m.start()
    return dataclasses.replace(span, start=start, end=end) if (start, end) != (span.start, span.end) else span


def _opening(text: str, at: int, start: int) -> bool:
    """Does the quotation mark at ``at`` open a quotation (a straight one: at the span's start or
    after a space or a bracket)?"""
    c = text[at]
    return c == "“" or (c == '"' and (at == start or text[at - 1] in " \t\n([{—–-/"))


def _introduced(text: str, start: int, at: int, said: Sequence[int]) -> bool:
    """Are the words of the sentence from ``start`` to the quotation mark at ``at`` an attribution
    introducing the quotation ('Jane Roe said: "', 'Acme's chief executive, Jane Roe, told
    reporters, "', 'In a statement, Acme said, "')? A reporting verb (``said``: the offsets of
    the sentence's reporting verbs, outside quotations) stands before the mark, with at most a few
    words after it, and the words end in a comma or a colon or are the verb itself."""
    verbs = [v for v in said if start <= v < at]
    if not verbs:
        return False
    verb = max(verbs)
    between = text[verb:at]
    words = _WORD.findall(between)
    if not words or len(words) > _LEAD_WORDS + 1:
        return False
    tail = between.rstrip(" \t\n")
    return tail.endswith((",", ":")) or len(words) == 1


def _cited(text: str, span: Span, said: Sequence[int] = ()) -> Span:
    """The part of a sentence a statement cites: the claim alone, what a reporter would quote.

    - Without a transcript turn label or a dated note's label, and without the stray opening
      quotation mark of the next sentence (:func:`_unlabeled`).
    - Without a salutation, a form's label or a Markdown heading alone on the first line: "Jane,\\nOur crew finished
      ..." cites "Our crew finished ...", "Reviewer Comment:\\nDesign flaw ..." cites
      "Design flaw ...".
    - A claim that is a quotation is cited as the words inside its marks: '"We are safe," said
      Jane Roe, Acme's chief.' cites 'We are safe' (the attribution after the closing mark and
      the comma it put in place of a full stop are the reporter's, not the claim's). A quotation
      of several sentences is cited sentence by sentence the same way, so no citation carries a
      mark whose partner is in another sentence: '"We are safe.' cites 'We are safe.', 'Our
      parts are tested," Roe said.' cites 'Our parts are tested'.
    - A sentence that only contains a quotation ('Acme said it "will never" sell drones.') or that
      reports without quoting ('Acme said it would not sell drones.') is the claim, whole; so is
      a quotation interrupted by its attribution ('"We will not," Roe said, "sell drones."'), and
      one the report goes on from with more of what was said ('"We are safe," that its ...').
    - A quotation the sentence ends with, after an attribution that introduces it, is cited as
      the words inside its marks: 'Jane Roe said: "We will never sell the data."' and 'In a
      statement, Acme said, "No customer data was affected."' cite the quoted sentence. The
      attribution is a reporting verb (``said``: the offsets of the sentence's reporting verbs, as
      the parse reads them; none, no such trimming) with at most a few words after it, then a
      comma, a colon or the mark (:func:`_introduced`); the quotation opens with a capital. A
      quoted phrase inside prose ('Acme called the report "misleading."'), a quotation followed
      by more words and one after words that are not clearly an attribution stay whole.

    Only the citation (text, offsets, line) changes: the statement is read on the whole sentence.
    Linear in the span: bounded patterns at its start, one pass over its quotation marks.
    """
    span = _unlabeled(text, span)
    start, end = span.start, span.end
    for _ in range(2):  # a label, then a salutation ("Reply:\\nJane,\\n...")
        indent = start
        while indent > 0 and start - indent < 8 and text[indent - 1] in " \t":
            indent -= 1
        if indent and text[indent - 1] != "\n":
            break  # the span starts inside a line: no salutation or label line of its own
        head = text[start:min(end, start + 120)]
        heading = _MD_HEADING.match(head)
        m = _SALUTATION.match(head) or _LABEL_LINE.match(head) or heading
        if not m or HEADER_FIELD.match(head) or not head[m.end():].strip() \
                or not (_BODY_START.match(head, m.end()) or (m is heading and _BULLET.match(head, m.end()))):
            break
        start += m.end()
        start += len(text[start:end]) - len(text[start:end].lstrip())
    marks = [m.start() for m in _QUOTE_MARK.finditer(text, start, end)]
    opens = [a for a in marks if _opening(text, a, start)]
    closes = [a for a in marks if a > start and not _opening(text, a, start) and text[a - 1] in ".!?,"]
    if len(marks) == 1 and opens == [start]:
        start += 1  # a quotation that goes on in the next sentence
    elif (len(marks) == len(closes) == 1 or (len(marks) == 2 and opens == [start] and len(closes) == 1)) \
            and not _GOES_ON.match(text, closes[0] + 1, end):
        # a quotation that began in an earlier sentence, or one that starts this sentence; its
        # end, and after it the attribution or nothing
        if opens:
            start += 1
        end = closes[0]
        if text[end - 1] == ",":
            end -= 1
    elif said and len(opens) == 1 and opens[0] > start and len(marks) <= 2 \
            and _CLAIM_OPENS.match(text, opens[0] + 1, end) and _introduced(text, start, opens[0], said):
        # a quotation after its attribution: cited from its first word to its closing mark, when
        # that mark ends the sentence (or it goes on in the next sentence, with no closing mark)
        close = marks[-1] if len(marks) == 2 else end
        if close == end or (close > opens[0] and _QUOTE_ENDS.fullmatch(text, close + 1, end)):
            start, end = opens[0] + 1, close
    while end > start and text[end - 1].isspace():
        end -= 1
    return dataclasses.replace(span, start=start, end=end) if (start, end) != (span.start, span.end) else span
