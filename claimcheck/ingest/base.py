"""The reader contract shared by every ingest format: context, Skip, document building, decoding.

A reader is ``Callable[[bytes, ReadContext], list[Document]]``. It gets the raw bytes of one file
and a :class:`ReadContext`, returns the documents it found, raises :class:`Skip` ("reason") for a
file it declines (status "skipped"), and may raise anything else (status "failed"; the caller
isolates it). :func:`make_document` fills ids, paths, config aliases and every override, so
readers only pass what they read from the file.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import stat
import re
import signal
import threading
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator, Mapping, Sequence

from ..config import CorpusConfig
from ..dates import parse_date_value
from ..models import DOC_KINDS, DateValue, Document
from .headers import LOG_KINDS
from .relations import ownership


#: Largest file read (a file above it is skipped unread, by its size on disk).
MAX_FILE_BYTES = 50 * 1024 * 1024


class NotRegular(Exception):
    """What was opened is not a regular file (a FIFO, a device, a file swapped for a link)."""


def open_regular(path: Path) -> tuple[int, int]:
    """Open ``path`` for reading without following a final symbolic link and without blocking on
    a FIFO; return (fd, size) of the regular file opened, else raise :class:`NotRegular`. The
    checks are made on what was opened, so a file swapped after the walk cannot slip through."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise NotRegular("symbolic link (not followed)") from None
        raise
    try:
        st = os.fstat(fd)
    except OSError:
        os.close(fd)
        raise
    if not stat.S_ISREG(st.st_mode):
        os.close(fd)
        raise NotRegular("not a regular file")
    return fd, st.st_size


def read_fd(fd: int, limit: int) -> bytes | None:
    """Read at most ``limit`` bytes from ``fd`` (closed after); None when there are more."""
    with os.fdopen(fd, "rb") as fh:
        data = fh.read(limit + 1)
    return None if len(data) > limit else data


def read_regular(path: Path, limit: int = 0) -> bytes:
    """The bytes of the regular file ``path`` (never through a final link, never a FIFO);
    raise :class:`NotRegular`, OSError, or :class:`Skip` when it holds more than ``limit``
    (default :data:`MAX_FILE_BYTES`) bytes. For readers that open files themselves (folder exports)."""
    limit = limit or MAX_FILE_BYTES
    fd, size = open_regular(path)
    if size > limit:
        os.close(fd)
        raise Skip(f"file too large ({size:,} bytes; limit {limit:,} bytes)")
    data = read_fd(fd, limit)
    if data is None:
        raise Skip(f"file too large (limit {limit:,} bytes)")
    return data


@dataclass(frozen=True)
class ReadContext:
    """What a reader knows about the file besides its bytes."""

    display: str                      # path relative to the scanned root, "/" separators, escaped
    path: Path                        # absolute path on disk
    sha256: str                       # of the raw bytes
    config: CorpusConfig = field(default_factory=CorpusConfig)
    meta: Mapping[str, Any] = field(default_factory=dict)  # config `documents:` globs, then sidecar
    date_override: DateValue | None = None                 # --date for a single file


Reader = Callable[[bytes, ReadContext], "list[Document]"]


class Skip(Exception):
    """Raised by a reader to decline a file: status "skipped" with this message as reason."""


class Malformed(ValueError):
    """Raised by a reader for a broken file (invalid JSON, bad front matter): status "failed"
    with this message as the reason, as written (no exception class name in front)."""


class FileTimeout(BaseException):
    """Raised inside a reader when the per-file time limit is reached.

    A BaseException so that a reader's ``except Exception`` cannot swallow it.
    """


def context_for(data: bytes, path: Path, display: str | None = None, *,
                config: CorpusConfig | None = None, meta: Mapping[str, Any] | None = None,
                date_override: DateValue | None = None) -> ReadContext:
    """Build a ReadContext for ``data`` (tests and folder readers use this)."""
    return ReadContext(display=display if display is not None else Path(path).name,
                       path=Path(path), sha256=hashlib.sha256(data).hexdigest(),
                       config=config or CorpusConfig(), meta=dict(meta or {}),
                       date_override=date_override)


# --------------------------------------------------------------------------- documents

_META_TEXT_FIELDS = ("author", "organization", "title", "publisher")


def make_document(ctx: ReadContext, *, text: str, part: str = "", kind: str = "unknown",
                  date: DateValue | None = None, **fields: Any) -> Document:
    """Build a Document for ``ctx``: id from content (+ part), overrides applied.

    Precedence: sidecar/config meta > what the reader found > ``--date`` (which only dates an
    undated document). A quoted earlier
    message (``quoted=True``) keeps its own date and author: overrides describe the file's own
    message, not the history it quotes. Kind: meta > reader's kind > :func:`guess_kind`.
    A document without any date is undated, never dated from the file's mtime.
    """
    quoted = bool(fields.get("quoted", False))
    meta = ctx.meta or {}
    doc_id = "d" + ctx.sha256[:12] + (f"-{part}" if part else "")
    meta_kind = meta.get("kind")
    if isinstance(meta_kind, str) and meta_kind in DOC_KINDS and not quoted:
        kind = meta_kind
    elif kind not in DOC_KINDS or kind == "unknown":
        kind = guess_kind(text, str(fields.get("title", "")))
    if not quoted:
        meta_date = meta.get("date")
        if isinstance(meta_date, str):
            meta_date = parse_date_value(meta_date, source="sidecar")
        if isinstance(meta_date, DateValue) and meta_date.known:
            date = meta_date
        if (date is None or not date.known) and ctx.date_override is not None and ctx.date_override.known:
            date = ctx.date_override  # --date dates an undated document; never one dated by itself
        for key in _META_TEXT_FIELDS:
            value = meta.get(key)
            if key == "publisher" and not value:
                value = meta.get("source")
            if isinstance(value, str) and value.strip():
                fields[key] = value.strip()
    if date is None:
        date = DateValue.undated()
    fields.setdefault("owners", ownership(text))
    return Document(id=doc_id, path=ctx.display, part=part, text=text, kind=kind, date=date,
                    aliases=ctx.config.alias_pairs(), focus=ctx.config.focus, **fields)


# --------------------------------------------------------------------------- kind guessing

_PRESS = re.compile(r"for immediate release|\b(?:press|media) release\b|\bannounced today\b|\bmedia contact\b|\bpress contact\b|"
                    r"^[^\S\n]*(?:media|press)[ \t](?:enquiries|inquiries)[ \t]?:|"
                    # a newswire's tag on its dateline, "PRELIMINARY REPORT - SUMMARY FOR THE MEDIA"
                    r"\((?:globe newswire|pr newswire|business wire|marketwired|accesswire)\)|"
                    r"\b(?:summary|information|note|briefing) for (?:the )?(?:media|press)\b|"
                    r"^[^\S\n]*###[^\S\n]*$|\bnews release\b"
                    # a listed company's announcement through a regulatory news service: "RNS Number : 4417X"
                    r"|^[^\S\n]*RNS[ \t]Number\b|\bregulatory announcement\b|\bad[- ]hoc announcement\b"
                    # a heading in capitals: "ACME AB -- PRESS UPDATE", "JOINT MEDIA STATEMENT BY THE MINISTRY OF ..."
                    r"|^[^\S\n]*(?-i:[A-Z0-9&.,'\- ]{0,60}\b(?:PRESS|MEDIA|MARKET) (?:UPDATE|STATEMENT|NOTICE|RELEASE|INFORMATION|ADVISORY|RESPONSE|ANNOUNCEMENT)\b"
                    # ("PRESS STATEMENT: OUR HANDLING OF THE CASE": the statement, then its matter)
                    r"(?:[ \t]BY[ \t][A-Z0-9&.,'\- ]{3,120}|:[ \t][A-Z0-9&.,'’\- ]{3,120})?)[^\S\n]*$"
                    # a heading naming its maker, then the genre: "Acme Telecom -- Notice to customers and press statement"
                    r"|^[^\S\n]{0,4}(?-i:[A-Z][\w&.'’\-]{0,30}(?:[ \t][A-Z][\w&.'’\-]{0,30}){0,3})[ \t](?:--|[-–—|])[ \t]"
                    r"(?:notice to (?:customers|clients|members)(?: and (?:press|media) statement)?|(?:press|media) statement)[^\S\n]*$"
                    # a line naming the page a statement under its letterhead: "Statement (English version)"
                    r"|^[^\S\n]*(?:press |media |official )?statement(?:[ \t]\([^()\n]{0,80}\))?[^\S\n]*$"
                    # the same line in two languages: "Pressemitteilung / Press statement", "Press release / Comunicado"
                    r"|^[^\S\n]*(?:[^\n/]{3,40}[ \t]/[ \t])?(?:press|media)[ \t](?:statement|release)(?:[ \t]/[ \t][^\n/]{3,40})?[^\S\n]*$"
                    # a statement its maker heads in capitals: "STATEMENT BY THE BOARD OF DIRECTORS" (not a witness's
                    # "STATEMENT OF JANE ROE BEFORE THE COMMITTEE")
                    r"|^[^\S\n]*(?-i:STATEMENT BY THE (?:(?!BEFORE|COMMITTEE|HEARING)[A-Z&,.'\- ]){3,80})[^\S\n]*$"
                    # a notice to the public in capitals on a line of its own: "PUBLIC NOTIFICATION", "COMUNICADO DE PRENSA"
                    r"|^[^\S\n]*(?-i:PUBLIC (?:NOTIFICATION|NOTICE|ANNOUNCEMENT)|COMUNICADO DE PRENSA|COMMUNIQU[ÉE] DE PRESSE|"
                    r"COMUNICATO STAMPA|PRESSEMITTEILUNG|NOTA DE PRENSA|NOTA À IMPRENSA)\b[^\n]{0,40}$",
                    re.I | re.M)
#: An organization's own news page by its heading: "ACME UNIVERSITY -- NEWS", "ACME | Newsroom".
_OWN_NEWS = re.compile(r"^[^\S\n]{0,4}[A-ZÀ-Þ][A-ZÀ-Þ0-9&.,'\- ]{2,60}[ \t](?:--|[-–—|])[ \t](?i:news|newsroom|news centre|"
                       r"news center|press office|media centre|media center|press service|press centre|press center|"
                       r"spokes(?:man|woman|person)['’]?s[ \t]office|office[ \t]of[ \t]the[ \t]spokes(?:man|woman|person)|"
                       # "ACME - STATEMENT REGARDING NORTHGATE CAPITAL": its statement, then the matter
                       r"(?:(?:media|press|news)[ \t])?statement(?:[ \t](?:regarding|on|about|concerning|in response to|by|from)\b[^\n]{1,80})?|"
                       # "ACME -- NOTICE TO CUSTOMERS AND STAKEHOLDERS": its own notice
                       r"(?:customer[ \t]|service[ \t]|public[ \t])?notice(?:[ \t]to[ \t](?:customers|clients|members|stakeholders|"
                       r"shareholders|passengers|patients|the[ \t]public)\b[^\n]{0,60})?|"
                       # its announcement, or its release in the language it was written in: "ACME - ANNOUNCEMENT",
                       # "ACME - COMMUNIQUÉ (English version)", "ACME GMBH - PRESSEERKLÄRUNG (English working translation)"
                       r"announcement|communiqu[ée](?:[ \t]de[ \t]presse)?|comunicado(?:[ \t]de[ \t](?:prensa|imprensa))?|"
                       r"comunicato(?:[ \t]stampa)?|presseerkl[äa]rung|pressemitteilung|persbericht|nota[ \t]de[ \t]prensa)"
                       r"(?:[ \t]{1,3}\([^()\n]{1,40}\))?[^\S\n]*$")
#: A page or letter that says whose message it is: "A message from the Acme Board of Directors",
#: "An open letter from our chief executive", "Statement from the Board".
_OWN_MESSAGE = re.compile(r"^\W{0,4}(?i:an?[ \t])?(?i:open[ \t])?(?i:message|letter|statement)[ \t](?i:from)[ \t]"
                          r"(?:(?i:the|our)[ \t])?[A-Z]"
                          # "A Memo to the Acme Community", "An update to our customers": its own word to those it serves
                          r"|^\W{0,4}(?i:an?[ \t])?(?i:open[ \t])?(?i:memo|message|letter|note|update)[ \t](?i:to)[ \t]"
                          r"(?i:the|our|all)[ \t](?:[A-Z][\w&'\-]{0,30}[ \t]){0,3}"
                          r"(?i:community|customers|users|members|clients|partners|shareholders|investors|depositors|"
                          r"policyholders|passengers|patients|fans|supporters)\b")
#: ("Remarks by Jane Roe" as a heading; not a story's "14 remarks by nine employees")
_SPEECH = re.compile(r"\bas prepared for delivery\b|\bprepared remarks\b|(?-i:\bRemarks (?:by|of)\b)|^\W{0,4}remarks (?:by|of)\b|"
                     r"\bkeynote (?:address|speech)\b|\b(?:opening|closing|welcoming|introductory) (?:remarks|address)\b", re.I | re.M)
_REPORT = re.compile(r"^[^\w\n]*(?:(?:confidential\W+)?(?:for )?internal use only\b|(?:\w+\s+){0,3}(?:incident|audit|"
                     r"inspection|investigation|status|lab(?:oratory)?|test) report\b|minutes of the\b|meeting minutes\b|"
                     r"(?:\w+\s+){0,3}" + LOG_KINDS + r" log\b)",
                     re.I | re.M)
_QA = re.compile(r"^[^\S\n]*(?:Q|A|Q\.|A\.)\s*[:.)]\s+\S", re.M)
_SPEAKER_TURN = re.compile(r"^[^\S\n]*(?:\*\*|__)?(?:(?:MR|MS|MRS|DR|SEN|REP|O SR|A SRA|Mr|Ms|Mrs|Dr|Sen|Senator|Hon)\.?\s+)?[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ.'\-]+(?:\s+[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ.'\-]*){0,5}"
                           r"[^\S\n]*(?:\([^()\n]{1,80}\)[^\S\n]*)?(?::(?:\*\*|__)?|(?:\*\*|__):)\s+\S"
                           r"|^[^\S\n]*(?i:Mr|Ms|Mrs|Dr|Senator|Sen|Rep|Representative|Chairman|Chairwoman|Chair|Madam Chair|"
                           r"Secretary|Judge|Commissioner|The Chairman|The Witness)\.?\s+(?:[A-Z][a-z]+\s+)?[A-Z](?:[a-z]{1,3})?[A-Z'][A-Z'\-]{0,30}"
                           r"(?:\s*\([^)\n]{1,40}\))?\.\s+\S"
                           # a committee's record: "Mr. Jane Roe (President, Acme):", "Ms. Jane Roe:"
                           r"|^[^\S\n]*(?:Mr|Ms|Mrs|Dr|Hon|Prof|Deputy|Senator|Councillor|Councilor|Minister|Teachta)\.?[^\S\n]+[A-Z][a-z'\-]{1,20}(?:[^\S\n]+[A-Z][a-zA-Z'\-]{1,20}){1,2}"
                           r"[^\S\n]*(?:\([^()\n]{2,80}\)[^\S\n]*)?:\s+\S"
                           # a parliament's record: "The Prime Minister (Jane Roe):", "Jane Roe (Northgate East) (Lab):"
                           r"|^[^\S\n]*(?:The[^\S\n]+[A-Z][A-Za-z]{1,20}(?:[^\S\n]+(?:[A-Z][A-Za-z]{1,20}|of|for|and|the)){0,7}"
                           r"[^\S\n]*\([A-Z][a-z'\-]{1,20}(?:[^\S\n][A-Z][a-z'\-]{1,20}){1,2}\)"
                           r"|[A-Z][a-z'\-]{1,20}(?:[^\S\n][A-Z][a-z'\-]{1,20}){1,2}[^\S\n]*\([^()\n]{2,40}\)[^\S\n]*\([A-Za-z ]{2,20}\)"
                           # "Minister for Health (Deputy Jane Roe):", a committee's "Chairman:"
                           r"|Minister[^\S\n]+(?:for|of)[^\S\n]+[A-Z][A-Za-z,' \-]{2,60}?[^\S\n]*\([^()\n]{3,60}\)"
                           r"|(?:Chairman|Chairwoman|Chairperson|Chair|An[^\S\n]Cathaoirleach|Cathaoirleach)):\s+\S",
                           re.M)
#: A parliament's record: what members and ministers say on its floor is on the record, as testimony is.
_PARLIAMENT = re.compile(r"\b(?:house of commons|house of lords|hansard|prime minister's questions|legislative assembly|"
                         r"house of representatives|questions without notice|question time|"
                         r"legislative council|"
                         r"national assembly|parliamentary debate|parliament|congress|sitting of|"
                         # other languages' parliaments: "SENADO DE NORTHGATE", "Comissão Parlamentar de Inquérito"
                         r"senado|parlamento|parlamentar|congreso|câmara dos deputados|cámara de diputados|bundestag|"
                         r"assemblée nationale|tweede kamer|oireachtas|d[áa]il [ée]ireann|seanad [ée]ireann|riksdag|storting|"
                         r"folketing|knesset|lok sabha|rajya sabha|eduskunta)\b", re.I)
_TESTIMONY = re.compile(r"\b(?:testimony|testif(?:y|ied|ies)|hearing before|sworn|committee on|select committee|"
                        r"standing committee|joint meeting of the panels?|panel on|in the matter of)\b", re.I)
#: A hearing's heading that is no legislature's: "INQUEST TOUCHING THE DEATH OF ...", "CORONER'S COURT",
#: "ROYAL COMMISSION INTO ..." (with speaker turns below it: the record of the hearing, not a story about it).
_COURT_HEADING = re.compile(r"(?i)\b(?:inquest|coroner['’]s court|royal commission)\b")
_INTERVIEW = re.compile(r"\b(?:interview|transcript|podcast)\b", re.I)
_MEMO = re.compile(r"^[^\S\n]*MEMORANDUM\b|^[^\S\n]*MEMO\b"
                   # the form in the languages records come in: "MINUTA INTERNA", "MEMORANDO", "NOTA INTERNA", "NOTE INTERNE"
                   r"|^[^\S\n]*(?:MINUTA|MEMORANDO|MEMORANDO INTERNO|NOTA INTERNA|NOTE INTERNE|PROMEMORIA|AKTENNOTIZ)\b", re.M)
_MEMO_HEADERS = re.compile(r"^[^\S\n]*(?:to|from|re|subject|date|cc|para|de|fecha|asunto|materia|assunto|data|objet|"
                           r"betreff|datum|von|an)\s*:", re.I | re.M)
_BYLINE = re.compile(r"^[^\S\n]*by\s+[A-Z][\w.'\-]+(?:\s+[A-Z][\w.'\-]+){0,3}\s*$|^[^\S\n]*By\s+[A-Z]"
                     # a staff byline: "By a Berlin correspondent", "By our reporter"
                     r"|^[^\S\n]*By\s+(?:a|an|our|the)\s+(?:[A-Za-z\-]+\s+){0,3}(?:correspondent|reporter|staff|writer|"
                     r"editor|bureau)\b"
                     # a dateline opening the story: "BERLIN, Feb. 26, 2019 --"
                     # ("SPRINGFIELD, Ill. (June 27, 2021) -", "SPRINGFIELD, Ill. (AP) --")
                     r"|^[^\S\n]*[A-Z][A-Z.'\-]{1,20}(?:[ \t][A-Z][A-Z.'\-]{1,20}){0,2},(?:[ \t][A-Z][a-z]{1,5}\.)?[ \t]\(?"
                     r"(?:[A-Z][a-z]{2,8}\.?[ \t]\d{1,2},[ \t]\d{4}|\d{1,2}[ \t][A-Z][a-z]{2,8}[ \t]\d{4}|AP|Reuters|AFP|UPI)\)?"
                     r"[ \t]?(?:\u2014|\u2013|--|-)", re.M)
#: A line that is a place and a date alone, under a headline: "New York, February 6, 2014" (a
#: story's dateline in title case; a memo, a letter or a release is told apart before it).
_PLACE_DATE_LINE = re.compile(r"^[^\S\n]*[A-Z][a-z]{2,20}(?:[ \t][A-Z][a-z]{2,20}){0,2},(?:[ \t][A-Z][a-z]{1,5}\.,)?[ \t]"
                              r"(?:[A-Z][a-z]{2,8}\.?[ \t]\d{1,2},[ \t]\d{4}|\d{1,2}[ \t][A-Z][a-z]{2,8}[ \t]\d{4})[^\S\n]*$", re.M)
_REPORTING = re.compile(r"\b(?:said|told|according to|reported|spokes(?:man|woman|person)|"
                        r"declined to comment|did not respond)\b", re.I)


def _press_in_prose(head: str, m: re.Match[str]) -> bool:
    """Is a press-release mark a story's words about one ("a company press release issued Monday
    misstated ...", under a byline), not the document's own? Only "press/news release" or
    "announced today" after a lower-case word, in a text with a byline."""
    if not re.fullmatch(r"(?i)press release|media release|news release|announced today", m.group()):
        return False
    before = head[max(0, m.start() - 30):m.start()].split()
    return bool(before) and before[-1][:1].islower() and bool(_BYLINE.search(head[:1500]) or _STAFF_BYLINE.search(head[:1500]))


#: A report laid before a legislature, so published: "as tabled before the Senate", "laid before Parliament".
_TABLED = re.compile(r"(?i)\b(?:as[ \t]tabled|tabled[ \t](?:before|in)|laid[ \t](?:before|in)[ \t](?:the[ \t])?(?:parliament|house|senate|"
                     r"assembly|congress|legislature))\b")


#: A byline that names no one: "By a staff reporter", "By the health correspondent".
_STAFF_BYLINE = re.compile(r"^[^\S\n]*By\s+(?:a|an|the|our)\s+[a-z]+", re.M)


#: An editor's note in brackets on lines of its own, at most a few lines long.
_EDITORS_NOTE = re.compile(r"(?m)^[ \t]{0,4}\[[^\]\[]{0,800}\][ \t]{0,4}$")


#: A heading saying the text is a recording of a private talk: "AUDIO RECORDING - conversation of ...",
#: "recording of a phone call", "secretly recorded meeting", "leaked recording".
_PRIVATE_RECORDING = re.compile(r"(?i)\b(?:audio|secret(?:ly)?|leaked|covert(?:ly)?|phone|telephone)[ \t]{1,3}record(?:ing|ed)\b[^\n]{0,40}"
                                r"\b(?:conversation|call|meeting|talk)|\brecord(?:ing|ed)[ \t]{1,3}(?:of[ \t]{1,3})?(?:a[ \t]{1,3}|the[ \t]{1,3})?"
                                r"(?:private[ \t]{1,3}|internal[ \t]{1,3}|phone[ \t]{1,3}|telephone[ \t]{1,3})(?:conversation|call|meeting)\b")


def recorded_in_private(lines: Sequence[str]) -> bool:
    """Does one of ``lines`` (a text's heading lines) say the text is a recording of a private talk?"""
    return any(_PRIVATE_RECORDING.search(ln) for ln in lines)


def guess_kind(text: str, title: str = "") -> str:
    """A generic guess of a document's kind from its text shape (no case knowledge). An editor's
    note in brackets on lines of its own ("[Transcribed from the handwritten original, which the
    committee's report described ...]") is about the document, not part of it."""
    head = _EDITORS_NOTE.sub("", text[:6000])
    if _PRESS.search(title) or any(not _press_in_prose(head, m) for m in _PRESS.finditer(head)):
        return "press-release"
    opening = [ln for ln in head[:800].split("\n") if ln.strip()][:3]
    if any(_OWN_MESSAGE.match(t) for t in [title, *opening]):
        return "press-release"  # "A message from the Board of Directors of Acme Limited": its own statement
    own = _OWN_NEWS.match(opening[0]) if opening else None
    stated = bool(own) and (re.search(r"(?i)statement|spokes", own.group()) is not None or len(opening) > 1 and re.match(
        r"(?i)(?:(?:press|media|news)[ \t])?statement[ \t](?:on|regarding|about|by)\b", opening[1]) is not None)
    if own and (not _BYLINE.search(head[:1500]) or stated and not re.search(r"(?m)^[^\S\n]*[Bb]y[ \t]", head[:1500])):
        return "press-release"  # "ACME UNIVERSITY -- NEWS" heading its own page, under no byline ("ACME AIR --
        # STATEMENT ON FLIGHT 86", "ACME AIR -- SPOKESMAN'S OFFICE" under its dateline too: no reporter signs it)
    if recorded_in_private([title, *opening]):
        return "chat"  # "EXCERPT OF AUDIO RECORDING - conversation of 12 April": a private talk, recorded
    if _SPEECH.search(head[:1500]) or _SPEECH.search(title):
        return "speech"
    if any(_DECISION.search(t) for t in [title, *opening]):
        return "press-release"  # "Regulatory Decision - Jane Roe ... (public extract)": an authority's published finding
    headers = {m.group().strip().lower().rstrip(":").strip() for m in _MEMO_HEADERS.finditer(head[:800])}
    if _MEMO.search(head[:800]) or len(headers) >= 3 or {"to", "from"} <= headers:
        return "memo"
    if (_REPORT.search(head[:400]) or _REPORT.search(title)) and _TABLED.search(head[:800]):
        return "press-release"  # "Special Audit Report ... as tabled before the Senate": an authority's finding, published
    if (_REPORT.search(head[:400]) or _REPORT.search(title)) and not _BYLINE.search(head[:1500]):
        return "internal-report"
    qa = len(_QA.findall(head))
    turns = len(_SPEAKER_TURN.findall(head))
    parliament = bool(_PARLIAMENT.search(head[:600]) or _PARLIAMENT.search(title))
    if qa >= 2 or turns >= 3 or (turns >= 2 and parliament):
        if _TESTIMONY.search(head) or _TESTIMONY.search(title) or parliament or _COURT_HEADING.search(head[:600]):
            return "testimony"
        return "interview"
    if _TESTIMONY.search(title) or re.search(r"\bhearing\b", title, re.I):
        return "testimony"
    if _INTERVIEW.search(title) and not _BYLINE.search(head[:600]):
        return "interview"  # (a story under a byline about an interview is news)
    first = next((ln for ln in head[:600].split("\n") if ln.strip()), "")
    if _LEGAL_LETTERHEAD.match(first) and _PLACE_DATE_LINE.search(head[:400], 1) and not _BYLINE.search(head[:1500]):
        return "press-release"  # "ACME CORPORATION / Notice regarding ... / Tokyo, October 14, 2011": its own disclosure
    if _BYLINE.search(head[:1500]) or len(_REPORTING.findall(head)) >= 2 \
            or _PLACE_DATE_LINE.search(head[:400], 1):
        return "news"
    if _LITERATURE.search(head[:400]) or _LITERATURE.search(title):
        return "post"  # the maker's own published literature: its words to its customers
    if _TRADE_NOTICE.search(head[:400]) or _TRADE_NOTICE.search(title):
        return "memo"  # a notice to the trade, not to the public: a record of what the company told its partners
    return "unknown"


#: An authority's published decision by its heading: "Regulatory Decision - ...", "Final Notice", "Decision Notice".
_DECISION = re.compile(r"(?i)^\W{0,4}(?:regulatory|enforcement|final|disciplinary)[ \t](?:decision|notice)\b|^\W{0,4}decision[ \t]notice\b")


#: A company's full legal name in capitals heading a page: "ACME CORPORATION", "NORTHGATE HOLDINGS PLC".
_LEGAL_LETTERHEAD = re.compile(r"^[^\S\n]{0,8}[A-Z][A-Z0-9&.,'\- ]{1,60}[ ,](?:CORPORATION|CORP\.?|INC\.?|INCORPORATED|LTD\.?|"
                               r"LIMITED|PLC|AG|SE|S\.A\.|N\.V\.|GMBH|HOLDINGS|K\.K\.)[^\S\n]{0,8}$")


#: A notice or letter to the company's trade partners: "Notice to Distributors", "Letter to all dealers".
_TRADE_NOTICE = re.compile(r"(?i)\b(?:notice|letter|bulletin|circular|instruction)[ \t]{1,2}to[ \t]{1,2}(?:all[ \t]{1,2})?(?:our[ \t]{1,2})?"
                           r"(?:distributors|dealers|suppliers|retailers|wholesalers|franchisees|resellers|sales agents)\b")


#: A maker's product literature: "Product datasheet", "Technical data sheet", "Sales brochure".
_LITERATURE = re.compile(r"(?i)\b(?:product|technical|sales|safety)?[ \t]?(?:data[ \t]?sheet|brochure|leaflet|spec(?:ification)? sheet)\b")


# --------------------------------------------------------------------------- decoding

_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
         (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control bytes in the first 8 KB (not counting tab/CR/LF/FF/ESC)."""
    sample = data[:8192]
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls / len(sample) > 0.05


def decode_text(data: bytes, *, declared: str | None = None) -> str:
    """Decode a text file's bytes: BOM (UTF-8/16/32), else UTF-8, else a declared charset, else
    Windows-1252 (which also reads Latin-1 text). Raise :class:`Skip` for binary content.

    Line endings are NOT normalized here (positions must match the file); use
    :func:`normalize_newlines` when a reader needs it.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(codec)
            except UnicodeDecodeError:
                raise Skip(f"undecodable text: invalid {codec} after byte-order mark") from None
    if looks_binary(data):
        raise Skip("binary file")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def normalize_newlines(text: str) -> str:
    """CRLF and lone CR -> LF (each line break stays one line break, so line numbers hold)."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


# --------------------------------------------------------------------------- display paths

def display_path(relpath: str) -> str:
    """A path safe to print: non-UTF-8 bytes as \\xNN, control and format chars as escapes."""
    if relpath.isascii() and relpath.isprintable() and "\\" not in relpath:
        return relpath  # the common case: nothing to escape
    out = []
    for ch in relpath:
        code = ord(ch)
        if 0xDC80 <= code <= 0xDCFF:           # surrogateescape'd undecodable byte
            out.append(f"\\x{code - 0xDC00:02x}")
        elif ch == "\\":
            out.append("\\\\")
        elif unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Zl", "Zp"):
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
        else:
            out.append(ch)
    return "".join(out)


# --------------------------------------------------------------------------- time limit

@contextlib.contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise :class:`FileTimeout` after ``seconds`` (SIGALRM, main thread only; else a no-op).

    Nests: an inner limit never extends an outer one, and the outer one is re-armed on exit.
    """
    usable = (seconds and seconds > 0 and hasattr(signal, "SIGALRM")
              and threading.current_thread() is threading.main_thread())
    if not usable:
        yield
        return

    def _raise(signum: int, frame: Any) -> None:
        raise FileTimeout(f"took longer than {seconds:g} s")

    started = time.monotonic()
    previous = signal.signal(signal.SIGALRM, _raise)
    outer, _ = signal.setitimer(signal.ITIMER_REAL, seconds)
    if outer and outer < seconds:
        signal.setitimer(signal.ITIMER_REAL, outer)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer:
            signal.setitimer(signal.ITIMER_REAL, max(0.001, outer - (time.monotonic() - started)))


_RESERVED_TLDS = frozenset({"example", "test", "invalid", "localhost"})


#: Second-level labels under a country's code that name a sector, not an organization ("acme.co.uk",
#: "ministry.gouv.fr", "agency.gob.mx", "office.go.jp").
_SECOND_LEVEL = frozenset({"co", "com", "gov", "gc", "ac", "org", "net", "edu", "gouv", "gob", "go", "or", "ne", "govt", "gv"})


def organization_label(domain: str) -> str:
    """The registrable label of an e-mail domain ("mail.acme.co.uk" -> "acme"); "" for a free
    mail provider's or a domain of one label."""
    labels = [x for x in domain.strip().lower().rstrip(".").split(".") if x]
    if labels and labels[-1] in _RESERVED_TLDS:  # a stand-in for the organization's own domain (RFC 2606):
        labels = labels[:-1]  # "status.acme.example" is acme.com's, "acme.com.au.example" acme.com.au's
        country = len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL
        if not country and not (labels and labels[-1] in ("com", "org", "net", "gov", "edu", "int", "mil")):
            labels.append("com")
    if len(labels) < 2 or labels[-2] == "example":
        return ""  # "acme-eu.example.com": the reserved placeholder domain names no organization
    # registrable label: skip a second-level public suffix like co.uk / com.au / gov.uk
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL:
        label = labels[-3]
    elif len(labels) >= 3 and labels[-1] in ("gov", "mil") and re.fullmatch(r"[a-z]{2,6}", labels[-3]) \
            and labels[-3] not in _HOST_LABELS:
        label = labels[-3]  # "acmes.dept.gov": an agency under its department's domain speaks as the agency
    else:
        label = labels[-2]
    placeholder = re.fullmatch(r"example-([a-z][a-z0-9]{2,30})", label)
    if placeholder:
        label = placeholder.group(1)  # "example-acme.co.uk": a stand-in domain written for Acme's own
    if label in FREE_MAIL or label == "example" or _MAIL_LABEL.search(label):
        return ""  # ("example.com.mx": the placeholder under a country's suffix; "private-mail.net": a mail service)
    # "acme-sy", "acme-uk": the organization's label, then its country's code
    pair = re.fullmatch(r"([a-z]{3,5})-[a-z]{2,5}", label)
    if pair:  # "acme-grc": a short name, then its other language's (or its country's code): the first
        return pair.group(1)
    return re.sub(r"(?<=[a-z0-9]{2})-[a-z]{2}$", "", label)


#: Labels of a mail host, never an agency's under its department's domain ("mail.acme.gov").
_HOST_LABELS = frozenset({"mail", "email", "smtp", "mx", "www", "owa", "exch", "lists", "list", "news", "web", "imap",
                          "pop", "relay", "gateway", "gw", "notify", "alerts", "noreply"})


#: A label naming a mail service, not an organization: "private-mail", "securemail", "mail-box"
#: (not "dailymail": a newspaper's).
_MAIL_LABEL = re.compile(r"(?:^|-)(?:e?mail|webmail)(?:-|$)|^(?:private|secure|web|my|fast|free)mail$")


#: Free mail providers: an address there is a person's, no organization's.
FREE_MAIL = frozenset({"gmail", "yahoo", "hotmail", "outlook", "aol", "icloud", "protonmail", "proton", "me", "live", "msn"})


def free_mail(domain: str) -> bool:
    """Is ``domain`` a free mail provider's ("gmail.com", "mail.proton.me")?"""
    labels = [x for x in domain.strip().lower().rstrip(".").split(".") if x]
    return len(labels) >= 2 and (labels[-2] in FREE_MAIL or len(labels) >= 3 and labels[-3] in FREE_MAIL)


def organization_from_domain(domain: str, config: CorpusConfig | None = None) -> str:
    """Organization of an e-mail domain: config aliases first, else the registrable label
    ("mail.contoso.com" -> "Contoso", labels of <= 4 letters upper-cased: "abc.gov" -> "ABC")."""
    domain = domain.strip().lower().rstrip(".")
    if not domain:
        return ""
    if config is not None:
        found = config.organization_for(domain)
        if found:
            return found
    label = organization_label(domain)
    if not label:
        return ""
    if len(label) <= 4 and label.isalpha():
        return label.upper()
    return label[:1].upper() + label[1:]
