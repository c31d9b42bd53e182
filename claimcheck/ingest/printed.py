"""Printed e-mail (a records release, a thread saved as text): split into one message per header block.

Outlook prints each message as a block of ``From: / Sent: / To: / Cc: / Subject:`` lines; Gmail
prints ``Name <address>   Tue, Mar 14, 2017 at 9:02 AM`` then ``To: ...``. Each block starts a
message whose body runs to the next block; every message is dated by its own header (DateValue
source "header"). Redaction marks ("[REDACTED]", "(b)(6)", "(b)(7)(C)") are not content and are
removed from lines in place, so line numbers do not move. The PDF reader uses
:func:`find_messages` and :func:`message_documents` on its page-joined text; for a ``.txt``
file :func:`sniff_printed_email` is registered as a text sniffer.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from dataclasses import dataclass, field
from typing import Any, Sequence

from ..models import DateValue, Document
from .base import ReadContext, make_document, organization_from_domain

# --------------------------------------------------------------------------- noise marks

#: FOIA exemption marks ("(b)(6)", "(b) (7)(C)", "(b)(7)(C),(b)(6)") and bracketed redactions.
REDACTION_RE = re.compile(
    r"\(b\)\s*\(\d\)(?:\s*\([A-F]\))?(?:\s*[,;]\s*\(b\)\s*\(\d\)(?:\s*\([A-F]\))?)*"
    r"|\[\s*(?:REDACTED|Redacted|redacted|WITHHELD|Withheld)[^\]\n]{0,40}\]"
    r"|\[\s*Quoted text hidden\s*\]",
)


def strip_marks(line: str) -> str:
    """Remove redaction marks from one line (spaces around a removed mark collapse to one)."""
    if "(" not in line and "[" not in line:
        return line
    out = REDACTION_RE.sub("\x00", line)
    if "\x00" not in out:
        return line
    out = re.sub(r"(?<![ \t])[ \t]*\x00[ \t]*", "\x00", out)
    out = re.sub(r"(?<!\x00)\x00+(?=[.,;:!?)\]])", "", out)  # "at (b)(6)." -> "at."
    out = re.sub(r"(?<=\S)\x00+(?=\S)", " ", out)
    return out.replace("\x00", "").rstrip()


# --------------------------------------------------------------------------- header dates

_MONTHS = {m.lower(): i for i, m in enumerate(
    ["January", "February", "March", "April", "May", "June", "July", "August", "September",
     "October", "November", "December"], 1)}
_MONTHS.update({k[:3]: v for k, v in list(_MONTHS.items())})
_MONTHS["sept"] = 9
_MON = r"(?P<mon>jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]{0,6}\.?"
_DATE_PATTERNS = (
    re.compile(_MON + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})\b", re.I),
    re.compile(r"\b(?P<d>\d{1,2})\s+" + _MON + r",?\s+(?P<y>\d{4})\b", re.I),
    re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})\b"),
    re.compile(r"\b(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4}|\d{2})\b"),
)


def parse_header_date(raw: str) -> DateValue | None:
    """Date of a printed header value ("Tuesday, March 14, 2017 9:02 AM", "Tue, Mar 14, 2017 at
    9:02 AM", "3/14/2017 9:02:11 AM", RFC 2822): day precision, source "header"; None if absent.
    The day is the one written (the sender's local day), not converted to another zone."""
    text = " ".join(str(raw).split())
    if not text:
        return None
    for pat in _DATE_PATTERNS:
        m = pat.search(text)
        if not m:
            continue
        try:
            if m.groupdict().get("mon"):
                key = m["mon"].lower().rstrip(".")
                month = _MONTHS[key[:4] if key.startswith("sept") else key[:3]]
            else:
                month = int(m["m"])
            year = int(m["y"])
            if year < 100:
                year += 2000 if year < 70 else 1900
            day = dt.date(year, month, int(m["d"]))
        except (ValueError, KeyError):
            continue
        return DateValue.day(day, "header", text)
    try:
        parsed = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    return DateValue.day(parsed.date(), "header", text) if parsed else None


# --------------------------------------------------------------------------- people

def parse_person(value: str) -> tuple[str, str]:
    """(display name, address) of a printed From/To value; "Roe, Jane" becomes "Jane Roe"."""
    value = " ".join(value.split()).strip(" ;,")
    value = re.sub(r"\[\s*mailto:\s*([^\]\s]+)\s*\]", r"<\1>", value, flags=re.I)
    addr = ""
    m = re.search(r"<\s*([^<>\s]+@[^<>\s]+?)\s*>", value)
    if m:
        addr = m.group(1)
        name = (value[:m.start()] + value[m.end():]).strip(" \"'")
    else:
        m = re.search(r"(?<![\w.+'-])[\w.+'-]+@[\w-]+(?:\.[\w-]+)+", value)
        if m:
            addr = m.group(0)
            name = (value[:m.start()] + value[m.end():]).strip(" \"'()")
        else:
            name = value
    name = re.sub(r"(?<!\s)\s*\((?:[A-Z0-9 &./-]{2,})\)\s*$", "", name).strip(" \"',")  # "Roe, Jane (OPS)"
    parts = [p.strip() for p in name.split(",")]
    if len(parts) == 2 and all(re.fullmatch(r"[A-Za-z][\w.'\- ]{0,40}", p) for p in parts):
        name = f"{parts[1]} {parts[0]}"  # Outlook "Last, First"
    if "@" in name:
        name = ""
    return name, addr.strip(".").lower() if addr else ""


def parse_people(value: str) -> tuple[str, ...]:
    """Recipients of a To/Cc value: display names when printed, else addresses."""
    value = value.strip()
    if not value:
        return ()
    if ";" in value:
        pieces = value.split(";")
    elif "@" in value:
        pieces = [f"{n} <{a}>" if a else n for n, a in email.utils.getaddresses([value])]
    elif value.count(",") == 1:
        pieces = [value]  # Outlook "Last, First": one person
    else:
        pieces = value.split(",")
    out = []
    for piece in pieces:
        name, addr = parse_person(piece)
        if name or addr:
            out.append(name or addr)
    return tuple(dict.fromkeys(out))


# --------------------------------------------------------------------------- header blocks

_HEADER_KEYS = {"from": "from", "sent": "sent", "date": "date", "to": "to", "cc": "cc", "bcc": "bcc",
                "subject": "subject", "attachments": "attachments", "importance": "importance",
                "reply-to": "reply-to"}
_HEADER_LINE = re.compile(r"^[ \t]*(From|Sent|Date|To|Cc|CC|Bcc|BCC|Subject|SUBJECT|FROM|SENT|DATE|TO|"
                          r"Attachments|Importance|Reply-To)[ \t]*:[ \t]*(.*)$")
_ADDRESS_IN = re.compile(r"(?<![\w.+'-])[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
_GMAIL_FROM = re.compile(r"^[ \t]*(?:(?P<name>[^<>:\s][^<>:\n]{0,79}?)[ \t]*)?<(?P<addr>[^<>\s@]+@[^<>\s]+)>[ \t]*(?P<rest>.*)$")
_SEPARATOR = re.compile(r"^[ \t]*-{2,}[ \t]*(?:Original Message|Forwarded message)[ \t]*-{2,}[ \t]*$", re.I)


@dataclass(frozen=True)
class Message:
    """One printed message found in a text: offsets of its header block and body."""

    start: int                  # offset of the first header line
    body_start: int             # offset of the first body line
    end: int                    # offset where the next header block (or the text) ends
    headers: dict[str, str] = field(default_factory=dict)
    layout: str = "outlook"     # outlook | gmail
    separator: bool = False     # preceded by "-----Original Message-----" / "Forwarded message"

    @property
    def author(self) -> tuple[str, str]:
        return parse_person(self.headers.get("from", ""))

    @property
    def date(self) -> DateValue | None:
        return parse_header_date(self.headers.get("sent") or self.headers.get("date") or "")


def _lines(text: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


def _valid_outlook(h: dict[str, str]) -> bool:
    return "from" in h and ("sent" in h or "date" in h) and ("to" in h or "subject" in h)


def find_messages(text: str) -> list[Message]:
    """Every printed message in ``text`` (Outlook or Gmail header blocks), in order."""
    lines = _lines(text)
    found: list[tuple[int, int, dict[str, str], str, bool]] = []  # (start, body_start, headers, layout, sep)
    i, n = 0, len(lines)
    while i < n:
        off, line = lines[i]
        m = _HEADER_LINE.match(line)
        if m and m.group(1).lower() == "from":
            headers: dict[str, str] = {}
            j, last = i, ""
            while j < n:
                hm = _HEADER_LINE.match(lines[j][1])
                if hm:
                    key = _HEADER_KEYS[hm.group(1).lower()]
                    if key in headers and key in ("from", "sent", "date"):
                        break  # the next block starts
                    headers[key] = hm.group(2).strip()
                    last = key
                    j += 1
                    continue
                # a wrapped To/Cc/From value continues on the next line when a header follows it
                if (last in ("to", "cc", "bcc", "from", "subject") and lines[j][1].strip()
                        and j + 1 < n and _HEADER_LINE.match(lines[j + 1][1])):
                    headers[last] = (headers[last] + " " + lines[j][1].strip()).strip()
                    j += 1
                    continue
                if not lines[j][1].strip() and last in ("cc", "bcc", "to", "attachments", "importance") \
                        and j + 1 < n and _HEADER_LINE.match(lines[j + 1][1]):
                    j += 1
                    continue
                break
            if _valid_outlook(headers):
                found.append((off, lines[j][0] if j < n else len(text), headers, "outlook", _sep_before(lines, i)))
                i = j
                continue
        g = _GMAIL_FROM.match(line)
        if g and not m:
            k = i + 1
            rest = g.group("rest").strip()
            date_text = rest if parse_header_date(rest) else ""
            if not date_text and k < n and parse_header_date(lines[k][1]) and len(lines[k][1].strip()) < 60:
                date_text = lines[k][1].strip()
                k += 1
            headers = {"from": f"{(g.group('name') or '').strip()} <{g.group('addr')}>".strip()}
            if date_text:
                headers["date"] = date_text
            j = k
            while j < n:
                hm = _HEADER_LINE.match(lines[j][1])
                if not hm or _HEADER_KEYS[hm.group(1).lower()] not in ("to", "cc", "bcc", "reply-to"):
                    break
                headers[_HEADER_KEYS[hm.group(1).lower()]] = hm.group(2).strip()
                j += 1
            if date_text and "to" in headers:
                found.append((off, lines[j][0] if j < n else len(text), headers, "gmail", _sep_before(lines, i)))
                i = j
                continue
        i += 1
    out = []
    for idx, (start, body_start, headers, layout, sep) in enumerate(found):
        end = found[idx + 1][0] if idx + 1 < len(found) else len(text)
        body_start = min(body_start, end)
        out.append(Message(start, body_start, end, headers, layout, sep))
    # a separator line belongs to the block it announces, not to the previous body
    fixed = []
    for idx, msg in enumerate(out):
        end = msg.end
        if idx + 1 < len(out) and out[idx + 1].separator:
            sep_line = text.rfind("\n", msg.body_start, max(msg.body_start, out[idx + 1].start - 1))
            end = sep_line + 1 if sep_line >= msg.body_start else end
        fixed.append(Message(msg.start, msg.body_start, max(msg.body_start, end), msg.headers, msg.layout, msg.separator))
    return fixed


def _sep_before(lines: list[tuple[int, str]], i: int) -> bool:
    k = i - 1
    while k >= 0 and not lines[k][1].strip():
        k -= 1
    return k >= 0 and bool(_SEPARATOR.match(lines[k][1]))


def looks_like_email_printout(messages: Sequence[Message]) -> bool:
    """True when the blocks are e-mail, not a memo's To/From/Date/Subject header: two or more
    blocks, an Outlook "Sent:" line, a Gmail layout, or an e-mail address in a From line."""
    if not messages:
        return False
    if len(messages) >= 2:
        return True
    h = messages[0].headers
    return messages[0].layout == "gmail" or "sent" in h or bool(_ADDRESS_IN.search(h.get("from", "")))


# --------------------------------------------------------------------------- documents

def _page_index(page_starts: Sequence[int], offset: int) -> int:
    return max(0, sum(1 for p in page_starts if p <= offset) - 1)


def message_documents(ctx: ReadContext, text: str, messages: Sequence[Message], *,
                      page_starts: Sequence[int] = (), line_base: int = 1,
                      front_min_chars: int = 200) -> list[Document]:
    """One Document per message (kind "email", dated by its header, author from From, organization
    from the address domain). With ``page_starts`` (a PDF) parts are "p2-msg1" (page, message on
    that page), pages and per-page lines carry into each document; else parts are "msg1"...
    Text before the first block becomes a "front" document when it has real content."""
    docs: list[Document] = []
    paged = bool(page_starts)
    per_page: dict[int, int] = {}
    if messages and len(text[:messages[0].start].strip()) >= front_min_chars:
        docs.append(_slice_document(ctx, text, 0, messages[0].start, part="front", kind="unknown",
                                    page_starts=page_starts, line_base=line_base, fields={}))
    for n, msg in enumerate(messages, 1):
        name, addr = msg.author
        domain = addr.rsplit("@", 1)[1] if "@" in addr else ""
        recipients = parse_people(msg.headers.get("to", "")) + parse_people(msg.headers.get("cc", ""))
        if paged:
            page = _page_index(page_starts, msg.start) + 1
            per_page[page] = per_page.get(page, 0) + 1
            part = f"p{page}-msg{per_page[page]}"
            at_page_start = not text[page_starts[page - 1]:msg.start].strip()
        else:
            part = f"msg{n}"
            at_page_start = n == 1
        quoted = n > 1 and (msg.separator or not at_page_start)
        organization = organization_from_domain(domain, ctx.config) if domain else ""
        if not organization and name and ctx.config.people:
            organization = dict(ctx.config.people).get(name, "")  # no address printed: config people
        fields: dict[str, Any] = {
            "title": _clean_subject(msg.headers.get("subject", "")),
            "author": name, "author_address": addr,
            "organization": organization,
            "recipients": tuple(dict.fromkeys(recipients)), "quoted": quoted,
        }
        docs.append(_slice_document(ctx, text, msg.body_start, msg.end, part=part, kind="email",
                                    date=msg.date, page_starts=page_starts, line_base=line_base,
                                    fields=fields))
    return docs


def _clean_subject(subject: str) -> str:
    return " ".join(subject.split())


def _slice_document(ctx: ReadContext, text: str, start: int, end: int, *, part: str, kind: str,
                    page_starts: Sequence[int], line_base: int, fields: dict[str, Any],
                    date: DateValue | None = None) -> Document:
    while start < end:  # the body starts at its first non-blank line
        nl = text.find("\n", start, end)
        if nl < 0 or text[start:nl].strip():
            break
        start = nl + 1
    body = text[start:end].rstrip()
    if page_starts:
        p = _page_index(page_starts, start)
        fields = dict(fields, line_base=1 + text.count("\n", page_starts[p], start), first_page=p + 1,
                      page_starts=(0,) + tuple(s - start for s in page_starts if start < s < start + len(body)),
                      page_lines=True, line_exact=False)
    else:
        fields = dict(fields, line_base=line_base + text.count("\n", 0, start))
    return make_document(ctx, text=body, part=part, kind=kind, date=date, **fields)


def clean_text_lines(text: str) -> str:
    """Remove redaction marks line by line (line count unchanged)."""
    return "\n".join(strip_marks(line) for line in text.split("\n"))


def sniff_printed_email(text: str, ctx: ReadContext) -> list[Document] | None:
    """Text sniffer: a printed e-mail thread saved as text -> one Document per message, else None."""
    try:
        if "From" not in text and "FROM" not in text and "<" not in text:
            return None
        cleaned = clean_text_lines(text)
        messages = find_messages(cleaned)
        if not looks_like_email_printout(messages):
            return None
        return message_documents(ctx, cleaned, messages)
    except Exception:  # a sniffer never fails a file the plain reader can read
        return None


TEXT_SNIFFERS = [sniff_printed_email]
READERS: dict[str, Any] = {}
