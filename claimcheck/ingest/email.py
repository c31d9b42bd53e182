"""E-mail (.eml) and mailboxes (.mbox): headers, body, signatures cut, quoted history split out.

MIME is parsed by the standard library's ``email`` package with ``policy.default`` (encoded-words,
quoted-printable, base64, multipart, charsets) rather than by hand. Headers are parsed from the
header block decoded as UTF-8, else Windows-1252, so undeclared 8-bit headers come out right.
An mbox is split on its "From " separator lines by this module (not ``mailbox.mbox``) so that each
message keeps its line offset in the file for source references.

The reply's own text is ``Document.text``; each quoted earlier message ("On <date>, X wrote:",
"-----Original Message-----", an Outlook From:/Sent:/To:/Subject: block, "> " lines) becomes its
own Document (part "quote1", ``quoted=True``) with the date and author of its attribution.
"""

from __future__ import annotations

import datetime as dt
import functools
import email.utils
import re
from dataclasses import dataclass, field
from email import policy
from email.message import EmailMessage, Message
from email.parser import BytesParser, Parser

from ..models import DateValue, Document
from .base import (Malformed, ReadContext, Skip, decode_text, looks_binary, make_document, normalize_newlines,
                   organization_from_domain, organization_label)
from .headers import JOB_WORDS, ORG_WORDS

_HEADER_LINE = re.compile(r"^[!-9;-~]+:[ \t]*\S?|^[ \t]+\S")
_KNOWN_HEADERS = re.compile(r"^(?:from|to|cc|subject|date|message-id|received|return-path|mime-version|"
                            r"content-type|x-[\w-]+|delivered-to|reply-to|sender|references|in-reply-to)\s*:",
                            re.I | re.M)

# ----------------------------------------------------------------------------- dates


_MONTHS = {m: i for i, names in enumerate(
    [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
     ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
     ("dec", "december")], 1) for m in names}
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_MDY = re.compile(rf"^(?:[a-z]+\.?,?\s+)?({_MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I)
_DMY = re.compile(rf"^(?:[a-z]+\.?,?\s+)?(\d{{1,2}})\s+({_MONTH_RE})\.?,?\s+(\d{{4}})\b", re.I)
_YMD = re.compile(r"^(\d{4})-(\d{2})-(\d{2})\b")


def _fast_day(raw: str) -> dt.date | None:
    """The common printed forms without dateparser (which costs ~15 ms a call)."""
    try:
        m = _MDY.match(raw)
        if m:
            return dt.date(int(m[3]), _MONTHS[m[1].lower()], int(m[2]))
        m = _DMY.match(raw)
        if m:
            return dt.date(int(m[3]), _MONTHS[m[2].lower()], int(m[1]))
        m = _YMD.match(raw)
        if m:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None
    return None


def parse_mail_date(value: str, *, source: str = "header") -> DateValue | None:
    """A header or attribution date ("Tue, 14 Mar 2017 09:02:00 -0400", "Tuesday, June 19, 2018
    6:15 PM") as a day DateValue in the writer's own time zone; None when not a date."""
    raw = re.sub(r"\s+", " ", value or "").strip()
    if not raw or len(raw) > 120:
        return None
    return _parse_mail_date(raw, source)


@functools.lru_cache(maxsize=4096)
def _parse_mail_date(raw: str, source: str) -> DateValue | None:
    day: dt.date | None = None
    try:
        parsed = email.utils.parsedate_to_datetime(raw)
        day = parsed.date() if parsed is not None else None
    except (TypeError, ValueError, IndexError, OverflowError):
        day = None
    if day is None:
        day = _fast_day(raw)
    if day is None:
        if not re.search(r"\d", raw) or not re.search(r"\d{4}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2}", raw):
            return None
        try:
            import dateparser

            cleaned = re.sub(r"\bat\b", " ", raw)
            found = dateparser.parse(cleaned, languages=["en"],
                                     settings={"REQUIRE_PARTS": ["day", "month", "year"],
                                               "PREFER_DATES_FROM": "past"})
        except Exception:
            found = None
        if found is None:
            return None
        day = found.date()
    if not (1970 <= day.year <= 2100):
        return None
    return DateValue.day(day, source, raw)


# ----------------------------------------------------------------------------- splitting


@dataclass
class Segment:
    """One message inside a body: the reply itself (index 0) or a quoted earlier message."""

    start: int                                   # index of its first line in the body's lines
    lines: list[str] = field(default_factory=list)
    author: str = ""
    address: str = ""
    date: DateValue | None = None
    subject: str = ""
    recipients: tuple[str, ...] = ()
    quoted: bool = False


_SEPARATOR = re.compile(r"^\s*[-_=*]{2,}\s*(?:original message|forwarded message|original|begin forwarded message)"
                        r"\s*[-_=*:]*\s*$|^\s*begin forwarded message:\s*$", re.I)
_UNDERSCORES = re.compile(r"^\s*_{10,}\s*$")
_FIELD = re.compile(r"^\s*\*?(from|sent|date|to|cc|bcc|subject|importance)\s*:\*?\s*(.*)$", re.I)
_ATTR_START = re.compile(r"^\s*(?:On|Le|Am|El)\s+\S", re.I)
_WROTE = re.compile(r"\b(?:wrote|a écrit|schrieb|escribió)\s*:\s*$", re.I)
_QUOTED = re.compile(r"^[ \t]*>")
_DEQUOTE = re.compile(r"^[ \t]*>[ \t]?")


def _header_block(lines: list[str], i: int) -> tuple[dict[str, str], int] | None:
    """An Outlook-style From:/Sent:/To:/Subject: block at ``i``; (fields, index after it)."""
    fields: dict[str, str] = {}
    j = i
    while j < len(lines) and not lines[j].strip():
        j += 1
    first = j
    last_key = ""
    while j < len(lines):
        m = _FIELD.match(lines[j])
        if m:
            last_key = m.group(1).lower()
            fields.setdefault(last_key, m.group(2).strip())
            j += 1
            continue
        if last_key and lines[j][:1] in (" ", "\t") and lines[j].strip() and j - first < 12:
            fields[last_key] += " " + lines[j].strip()      # folded continuation
            j += 1
            continue
        break
    if "from" in fields and ({"sent", "date"} & fields.keys()) and ({"to", "subject"} & fields.keys()):
        return fields, j
    return None


def _attribution(lines: list[str], i: int) -> tuple[str, int] | None:
    """"On <date>, X <x@y> wrote:" over up to three lines at ``i``; (text, index after it)."""
    if not _ATTR_START.match(lines[i]):
        # "Jane Roe <j@x.org> wrote:" with no date, when quoted lines follow
        if _WROTE.search(lines[i]) and not _QUOTED.match(lines[i]) and len(lines[i]) <= 160:
            j = i + 1
            while j < len(lines) and not lines[j].strip():
                j += 1
            if j < len(lines) and _QUOTED.match(lines[j]):
                return lines[i].strip(), i + 1
        return None
    joined = ""
    for k in range(i, min(i + 3, len(lines))):
        joined = (joined + " " + lines[k].strip()).strip()
        if len(joined) > 300:
            return None
        if _WROTE.search(joined):
            return joined, k + 1
    return None


def _split_attribution(text: str) -> tuple[str, str, DateValue | None]:
    """(author, address, date) from "On Tue, Mar 14, 2017 at 9:02 AM, Jane Roe <j@x.org> wrote:"."""
    dated = bool(_ATTR_START.match(text))
    body = re.sub(r"^\s*\S+\s+", "", text) if dated else text     # drop "On"
    body = _WROTE.sub("", body).strip().rstrip(",")
    address = ""
    m = re.search(r"<?(?<![\w.+'-])([\w.+'-]+@[\w-]+(?:\.[\w-]+)+)>?", body)
    if m:
        address = m.group(1)
        body = (body[:m.start()] + body[m.end():]).strip().rstrip(",").strip()
    q = re.search(r'"([^"]{1,80})"\s*$', body)
    if q:                                             # "Chen, Bo" <bo@x> : the quoted display name
        name = display_name(q.group(1))
        rest = body[:q.start()].strip().rstrip(",")
        return name, address, parse_mail_date(rest, source="header") if dated else None
    body = body.replace('"', "")
    if not dated:
        return body.strip(), address, None
    pieces = [p.strip() for p in body.split(",")]
    for k in range(len(pieces) - 1, 0, -1):
        date = parse_mail_date(", ".join(pieces[:k]), source="header")
        if date is not None:
            name = ", ".join(pieces[k:]).strip()
            if not name or len(name) < 60:
                return name, address, date
    m = re.match(r"^(.*\b(?:\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?|\d{4}))\s+(.+)$", body)
    if m:
        date = parse_mail_date(m.group(1), source="header")
        if date is not None:
            return m.group(2).strip(), address, date
    return "", address, parse_mail_date(body, source="header")


_LAST_FIRST = re.compile(r"^([A-Z][\w'\-]+),\s*([A-Z][\w.'\-]*(?:\s+[A-Z][\w.'\-]*)?)$")


def display_name(name: str) -> str:
    """"Chen, Bo" -> "Bo Chen" (the directory form Outlook prints); other names unchanged."""
    name = re.sub(r"\s+", " ", name or "").strip().strip('"').strip()
    # "Roe, Dana (OPS)": a directory's unit after the name is not part of it
    name = re.sub(r"(?<=\w)\s*\([^()]{1,60}\)$", "", name).strip()
    m = _LAST_FIRST.match(name)
    return f"{m.group(2)} {m.group(1)}" if m else name


def _looks_like_person(name: str) -> bool:
    """"Jane Q. Roe" yes; "Policy Team", "Outreach & Events (DC)", "alerts" no."""
    words = name.split()
    return 2 <= len(words) <= 4 and not ORG_WORDS.search(name) \
        and all(re.fullmatch(r"[A-Z][a-zA-Z.'\-]*", w) for w in words)


def _person(value: str) -> tuple[str, str]:
    """(display name, address) from a header-like "Name <addr>" / "addr" / "Name [mailto:addr]"."""
    value = re.sub(r"\[mailto:([^\]]+)\]", r"<\1>", value or "")
    m = re.fullmatch(r"(?<![^<>])([^<>]{0,200}?)\s*<([^<>@\s]+@[^<>\s]+)>", value.strip())
    if m:                                      # "Chen, Bo <bo@x>": the comma is part of the name
        return display_name(m.group(1)), m.group(2)
    name, addr = email.utils.parseaddr(value)
    if "@" not in value:                       # "Lee, Grace (Service Ops)": a name alone
        return display_name(value), ""
    if not name and not addr:
        return value.strip(), ""
    if not name and "@" not in addr:
        return display_name(addr), ""
    return display_name(name), addr.strip()


def split_thread(lines: list[str], *, offset: int = 0, depth: int = 0) -> list[Segment]:
    """Split body lines into the reply (first segment) and quoted earlier messages (the rest)."""
    segments = [Segment(start=offset)]
    current = segments[0]
    i = 0
    n = len(lines)
    while i < n:
        line = lines[i]
        new: Segment | None = None
        nxt = i
        if _SEPARATOR.match(line) or _UNDERSCORES.match(line):
            block = _header_block(lines, i + 1)
            if block is not None or _SEPARATOR.match(line):
                fields, nxt = block if block is not None else ({}, i + 1)
                new = _segment_from_fields(fields, offset + nxt)
        elif _FIELD.match(line) and line.lstrip().lower().lstrip("*").startswith("from"):
            block = _header_block(lines, i)
            if block is not None and i > 0:
                fields, nxt = block
                new = _segment_from_fields(fields, offset + nxt)
        else:
            attr = _attribution(lines, i)
            if attr is not None:
                author, address, date = _split_attribution(attr[0])
                nxt = attr[1]
                new = Segment(start=offset + nxt, author=author, address=address, date=date, quoted=True)
            elif _QUOTED.match(line) and depth < 20:
                new = Segment(start=offset + i, quoted=True)
                nxt = i
        if new is None:
            current.lines.append(line)
            i += 1
            continue
        # a quoted region: "> " lines are de-quoted one level and split again (nested quotes)
        j = nxt
        while j < n and not lines[j].strip():
            j += 1
        if j < n and _QUOTED.match(lines[j]) and depth < 20:
            k = j
            while k < n and (_QUOTED.match(lines[k]) or not lines[k].strip()):
                k += 1
            inner = [_DEQUOTE.sub("", ln) for ln in lines[j:k]]
            nested = split_thread(inner, offset=offset + j, depth=depth + 1)
            head = nested[0]
            new.lines = head.lines
            new.start = head.start
            if not new.author and head.author:
                new.author, new.address, new.date = head.author, head.address, head.date
            segments.append(new)
            segments.extend(nested[1:])
            # lines after the quoted region (a bottom-posted or interleaved reply) go back to the
            # message the region sat in; the region's lines become blank there so lines still count
            local = current.start - offset
            current.lines.extend([""] * max(0, k - local - len(current.lines)))
            i = k
            continue
        segments.append(new)
        current = new
        i = nxt
    return segments


def _segment_from_fields(fields: dict[str, str], start: int) -> Segment:
    author, address = _person(fields.get("from", ""))
    date = parse_mail_date(fields.get("sent") or fields.get("date") or "", source="header")
    rec = tuple(x for x in (_person(p)[0] or _person(p)[1] for p in re.split(r"[;,]\s*(?=[^,;]*(?:@|\w))", fields.get("to", "")))
                if x)
    return Segment(start=start, author=author, address=address, date=date,
                   subject=fields.get("subject", ""), recipients=rec, quoted=True)


# ----------------------------------------------------------------------------- signatures

_SIG_DASH = re.compile(r"^--\s?$")
_SENT_FROM = re.compile(r"^\s*(?:sent from my \w+|sent from (?:mail|outlook|yahoo mail)|get outlook for \w+|"
                        r"sent via \w+|sent from my mobile)", re.I)
_DISCLAIMER = re.compile(
    r"^\s*(?:confidentiality notice|disclaimer\s*:|"
    r"(?:this|the information in this) (?:e-?mail|message|communication|transmission)\b.{0,80}?"
    r"\b(?:confidential|privileged|intended (?:solely|only) for|intended recipient)|"
    r"the information (?:contained|transmitted) in this (?:e-?mail|message)|"
    r"if you (?:are not the intended|have received this (?:e-?mail|message|communication) in error))", re.I)
_SIGN_OFF = re.compile(r"^\s*(?:best|best regards|best wishes|regards|kind regards|warm regards|warmly|thanks|"
                       r"thank you|thanks again|thanks so much|many thanks|cheers|sincerely|respectfully|"
                       r"all the best|yours|yours truly|take care|talk soon|v/r|very respectfully)\s*[,.!]?\s*$", re.I)


def _name_block(rest: list[str]) -> bool:
    """Lines after a sign-off that look like a signature: few, short, no questions."""
    return len(rest) <= 8 and all(len(r) <= 90 and len(r.split()) <= 14 and not r.endswith("?") for r in rest)


def _is_name_line(line: str, names: set[str]) -> bool:
    """The writer's name: full, first, a short form of the first ("Rob" for Robert), or the full
    name with letters after it ("Robert Roe, P.E.")."""
    text = re.sub(r"^[\s\-\u2013\u2014~]+", "", line).strip().rstrip(".,!").strip()
    if not text:
        return False
    low = text.casefold()
    if low in names or re.split(r",\s*", low, maxsplit=1)[0] in names:
        return True
    # a short form shares the first name's first three letters ("Rob", "Stevie" for Steven)
    return 3 <= len(low) <= 8 and low.isalpha() \
        and any(" " not in n and n != low and n[:3] == low[:3] for n in names)


def cut_signature(lines: list[str], *, author: str = "") -> list[str]:
    """Lines without the signature, sign-off block, "Sent from my ..." and legal disclaimers.

    A sign-off is a closing formula ("Best,", "Thanks,") or the writer's own name (full or first
    name, when ``author`` is known) near the end, followed only by a short name/title block.
    """
    end = len(lines)
    for i, ln in enumerate(lines):
        if _SIG_DASH.match(ln) or _SENT_FROM.match(ln) or _DISCLAIMER.match(ln):
            end = i
            break
    lines = lines[:end]
    nonblank = [i for i, ln in enumerate(lines) if ln.strip()]
    if not nonblank:
        return []
    names: set[str] = set()
    author = re.sub(r"\s+", " ", author or "").strip()
    if author and "@" not in author:
        names = {author.casefold(), author.split()[0].casefold()}
    tail = nonblank[-12:]
    for pos, i in enumerate(tail):
        if i == nonblank[0]:
            continue
        closing = _SIGN_OFF.match(lines[i])
        if not closing and not (names and _is_name_line(lines[i], names)):
            continue
        rest = [lines[k].strip() for k in tail[pos + 1:]]
        if not _name_block(rest):
            continue
        cut = i
        if not closing:
            # "Warm wishes for the holidays,\nKevin": a short closing line ending in a comma
            before = [k for k in nonblank if k < i]
            if before and before[-1] != nonblank[0]:
                prev = lines[before[-1]].strip()
                if prev.endswith(",") and len(prev.split()) <= 4:
                    cut = before[-1]
        lines = lines[:cut]
        break
    while lines and not lines[-1].strip():
        lines.pop()
    return lines


#: A signature line that is no organization's name: a job title or a contact line.
_SIG_TITLE = re.compile(r"(?i)\b(?:" + "|".join(JOB_WORDS) + r"|sent from|mobile|tel|phone|fax|cell|reconstruct\w*|"
                        r"confidential|original|e-?mail|www)\b")


def signature_organization(sig: list[str], *, author: str = "", label: str = "") -> str:
    """The organization a signature block names ("Jane Roe / Senior Manager, Quality / Acme Motor
    America" -> "Acme Motor America"), or "". A line qualifies when it is a short run of
    capitalized words that is neither the writer's name, a job title, an address nor a phone
    line ("Acme | Springfield, IL" gives "Acme"). Among several, the one the domain's ``label``
    abbreviates ("amausa": Acme Motor America), else one with an organization word, else the last
    one whose first letter is the label's."""
    names = {author.casefold(), author.split()[0].casefold()} if author.strip() else set()
    found: list[str] = []
    for raw in sig[:10]:
        line = raw.strip().strip("-–—*_ ")
        if not line or len(line) > 70 or re.search(r"[\d@<>:/\\()\[\]]", line) or _SIG_TITLE.search(line):
            continue
        if _is_name_line(line, names) or _SIGN_OFF.match(line):
            continue
        head = re.split(r"\s[|·•]\s|\s[-–—]\s|,", line)[0].strip()
        if head.casefold() in names:
            continue
        words = head.split()
        if not 1 <= len(words) <= 7:
            continue
        small = ("of", "and", "&", "the", "for", "de", "in", "on")
        if not all(w[:1].isupper() or w.lower() in small for w in words) or words[0].lower() in small:
            continue
        found.append(head)
    if not found:
        return ""
    key = re.sub(r"[^a-z]", "", label.lower())

    def abbreviates(name: str) -> bool:
        words = [w.lower() for w in re.findall(r"[A-Za-z]+", name) if w.lower() not in ("of", "and", "the", "for")]
        squash = "".join(words)
        initials = "".join(w[0] for w in words)
        return bool(key) and len(key) >= 2 and (squash.startswith(key) or key.startswith(squash)
                                                or (len(initials) >= 2 and key.startswith(initials)))

    for name in found:
        if abbreviates(name):
            return name
    for name in reversed(found):  # a unit's line ("Office of ...") comes before its organization's
        if ORG_WORDS.search(name):
            return name
    if key:
        for name in reversed(found):
            if name[:1].lower() == key[:1]:
                return name
    return ""


# ----------------------------------------------------------------------------- one message


def _split_raw(data: bytes) -> tuple[bytes, bytes, int]:
    """(header bytes, body bytes, number of lines before the body)."""
    m = re.search(rb"\r?\n\r?\n", data)
    if not m:
        return data, b"", data.count(b"\n") + 1
    head = data[:m.start()]
    return head, data[m.end():], data[:m.end()].count(b"\n")


#: Caps applied to a message's header fields before the standard library parses them: its
#: header parser takes memory far beyond the input on many RFC 2047 encoded-words (a 420 KB
#: Subject of 30,000 of them took 6.1 GB). A field is cut after MAX_FIELD_WORDS encoded-words or
#: MAX_FIELD_BYTES; a header block keeps its first MAX_FIELDS fields; a message holding more than
#: MAX_MESSAGE_WORDS encoded-words anywhere (attached messages' headers too) is not read.
MAX_FIELD_WORDS = 200
MAX_FIELD_BYTES = 64 * 1024
MAX_FIELDS = 1000
MAX_MESSAGE_WORDS = 2000
_ENCODED_WORD = re.compile(rb"=\?[^?\s]{1,80}\?[bBqQ]\?")
_FIELD_START = re.compile(rb"^(?=[^ \t\r\n])", re.M)


def _cap_headers(head: bytes) -> bytes:
    """``head`` with each field cut to the caps above (unchanged when within them)."""
    if len(head) <= MAX_FIELD_BYTES and len(_ENCODED_WORD.findall(head)) <= MAX_FIELD_WORDS:
        return head
    starts = [m.start() for m in _FIELD_START.finditer(head)] or [0]
    if starts[0] != 0:
        starts.insert(0, 0)
    fields = [head[a:b] for a, b in zip(starts, starts[1:] + [len(head)])][:MAX_FIELDS]
    out = []
    for field in fields:
        field = field[:MAX_FIELD_BYTES]
        words = list(_ENCODED_WORD.finditer(field))
        if len(words) > MAX_FIELD_WORDS:
            field = field[:words[MAX_FIELD_WORDS].start()].rstrip()
        out.append(field.rstrip(b"\r\n"))
    return b"\n".join(out)


def _decode_header_block(head: bytes) -> str:
    try:
        return head.decode("utf-8")
    except UnicodeDecodeError:
        return head.decode("cp1252", errors="replace")


def _hdr(headers: Message, name: str) -> str:
    try:
        value = headers.get(name)
    except Exception:
        return ""
    if value is None:
        return ""
    try:
        text = str(value)
    except Exception:
        return ""
    return re.sub(r"\s+", " ", text).strip()


def _part_text(part: Message) -> tuple[str, bool]:
    """(decoded text of a leaf part, whether its transfer encoding kept the file's lines)."""
    cte = str(part.get("Content-Transfer-Encoding", "") or "").strip().lower()
    try:
        payload = part.get_payload(decode=True)
    except Exception:
        payload = None
    if payload is None:
        raw = part.get_payload()
        payload = raw.encode("utf-8", "surrogateescape") if isinstance(raw, str) else b""
    try:
        charset = part.get_content_charset()
    except Exception:
        charset = None
    text = None
    if charset and charset.lower() not in ("us-ascii", "ascii"):   # "ascii" often mislabels 8-bit text
        try:
            text = payload.decode(charset)
        except (LookupError, UnicodeDecodeError):
            text = None
    if text is None:
        try:
            text = decode_text(payload) if payload else ""
        except Skip:
            text = payload.decode("utf-8", errors="replace")
    return normalize_newlines(text), cte in ("", "7bit", "8bit", "binary")


def _body_part(msg: Message) -> Message | None:
    """The text/plain part (else text/html) that is not an attachment."""
    if isinstance(msg, EmailMessage):
        try:
            body = msg.get_body(preferencelist=("plain", "html"))
            if body is not None:
                return body
        except Exception:
            pass
    for part in msg.walk():
        if part.get_content_maintype() == "text" and not part.is_multipart():
            return part
    return None


def _html_text(markup: str) -> str:
    from .html import html_to_text, parse_html

    tree = parse_html(markup)
    root = tree.body or tree.root
    return html_to_text(root) if root is not None else ""


def read_message(data: bytes, ctx: ReadContext, *, part_prefix: str = "", line_offset: int = 0,
                 file_text: str | None = None, file_pos: int = 0,
                 fallback_date: DateValue | None = None) -> list[Document]:
    """Documents of one RFC 822 message (the reply, then its quoted messages).

    ``line_offset`` lines of the file come before ``data``; ``file_text`` (the whole file, CRLF as
    LF) and ``file_pos`` (where ``data`` starts in it) let the reply's position be confirmed.
    """
    head, body, head_lines = _split_raw(data)
    words = len(_ENCODED_WORD.findall(data))
    if words > MAX_MESSAGE_WORDS:
        raise Malformed(f"{words:,} RFC 2047 encoded-words in one message (at most {MAX_MESSAGE_WORDS:,} are read)")
    capped = _cap_headers(head)
    if capped is not head:          # the body keeps its line numbers: they are counted on ``data``
        data = capped + b"\n\n" + body
        head = capped
    header_text = normalize_newlines(_decode_header_block(head))
    if not _KNOWN_HEADERS.search(header_text):
        raise Skip("no e-mail headers found")
    headers = Parser(policy=policy.default).parsestr(header_text + "\n\n", headersonly=True)
    msg = BytesParser(policy=policy.default).parsebytes(data)

    author, address = _person(_hdr(headers, "From"))
    sender, sender_address = _person(_hdr(headers, "Sender"))
    if sender and not _looks_like_person(author) and _looks_like_person(sender):
        author, address = sender, sender_address or address  # a team's address, sent by a person
    if not author and address:
        author = address.split("@")[0]
    try:
        rec_pairs = email.utils.getaddresses([_hdr(headers, "To"), _hdr(headers, "Cc")])
    except Exception:
        rec_pairs = []
    recipients = tuple(dict.fromkeys(display_name(n or a) for n, a in rec_pairs if (n or a).strip()))
    try:
        to_pairs = [(n, a) for n, a in email.utils.getaddresses([_hdr(headers, "To")]) if a or n]
    except Exception:
        to_pairs = []
    subject = _hdr(headers, "Subject")
    message_id = _hdr(headers, "Message-ID").strip("<> ")
    in_reply_to = (_hdr(headers, "In-Reply-To").split() or [""])[0].strip("<> ")
    refs = [r.strip("<> ") for r in re.findall(r"<[^<>]+>", _hdr(headers, "References"))]
    thread_id = refs[0] if refs else (in_reply_to or message_id)
    date = parse_mail_date(_hdr(headers, "Date"), source="header")
    if date is None:
        # no usable Date: the first relay's Received stamp ("...; Tue, 14 Mar 2017 09:02:00 -0400")
        try:
            received = headers.get_all("Received") or []
        except Exception:
            received = []
        for value in reversed(received):
            stamp = str(value).rsplit(";", 1)[-1] if ";" in str(value) else ""
            date = parse_mail_date(stamp, source="header")
            if date is not None:
                break
    if date is None:
        date = fallback_date
    organization = organization_from_domain(address.rsplit("@", 1)[-1], ctx.config) if "@" in address else ""
    people = dict(ctx.config.people)
    if author in people and (not organization or not ctx.config.organization_for(address.rsplit("@", 1)[-1])):
        organization = people[author]          # config people: beats a guess from the domain

    part = _body_part(msg)
    exact = True
    body = ""
    if part is not None:
        body, exact = _part_text(part)
        if part.get_content_subtype() == "html":
            body, exact = _html_text(body), False
    body_line = line_offset + head_lines + 1
    lines = body.split("\n")
    segments = split_thread(lines)

    is_reply = bool(in_reply_to) or bool(re.match(r"(?<!\s)\s*(?:re|aw|sv)\s*:", subject, re.I))
    if len(segments) > 1 and segments[1].quoted and not segments[1].author and segments[1].date is None \
            and is_reply and len(to_pairs) == 1:
        # "> " lines with no attribution in a reply to one person: that person wrote them
        segments[1].author = display_name(to_pairs[0][0] or to_pairs[0][1])
        segments[1].address = to_pairs[0][1]
    shift = 0
    if file_text is not None and exact:
        # where the body really starts in the file (after MIME boundaries and part headers)
        first_line = next((k for k, ln in enumerate(lines) if ln.strip()), None)
        if first_line is not None:
            anchor = _skip_lines(file_text, file_pos, head_lines)
            pos = file_text.find(lines[first_line], anchor, anchor + len(data) + 1)
            if pos >= 0:
                shift = line_offset + 1 + file_text.count("\n", file_pos, pos) - (body_line + first_line)
            else:
                exact = False
    docs: list[Document] = []
    q = 0
    for seg in segments:
        kept = cut_signature(seg.lines, author=author if seg is segments[0] and not seg.quoted else seg.author)
        lead = 0
        while lead < len(kept) and not kept[lead].strip():
            lead += 1
        kept = kept[lead:]
        text = "\n".join(kept).rstrip() + "\n" if kept else ""
        if not text.strip():
            continue
        line_base = body_line + shift + seg.start + lead
        line_exact = exact
        if file_text is not None and exact and not seg.quoted:
            # confirm the reply's text is in the file, line for line, where we say it is
            pos = _skip_lines(file_text, file_pos, line_base - 1 - line_offset)
            line_exact = file_text.startswith(text.rstrip("\n"), pos)
        if seg is segments[0] and not seg.quoted:
            domain = address.rsplit("@", 1)[-1] if "@" in address else ""
            if not (domain and ctx.config.organization_for(domain)) and author not in people:
                # the signature's organization beats a guess from the domain's label ("Amausa")
                signed = signature_organization(seg.lines[len(kept) + lead:], author=author,
                                                label=organization_label(domain))
                organization = signed or organization
            docs.append(make_document(
                ctx, text=text, part=part_prefix, kind="email", date=date, title=subject,
                author=author, author_address=address, organization=organization, recipients=recipients,
                line_base=line_base, line_exact=line_exact, thread_id=thread_id, message_id=message_id,
                in_reply_to=in_reply_to))
        else:
            q += 1
            qorg = (organization_from_domain(seg.address.rsplit("@", 1)[-1], ctx.config)
                    if "@" in seg.address else "")
            if seg.author in people and (not qorg or not ctx.config.organization_for(seg.address.rsplit("@", 1)[-1])):
                qorg = people[seg.author]
            qpart = f"{part_prefix}-quote{q}" if part_prefix else f"quote{q}"
            docs.append(make_document(
                ctx, text=text, part=qpart, kind="email", date=seg.date,
                title=seg.subject or re.sub(r"^\s*(?:re|fwd?|aw)\s*:\s*", "", subject, flags=re.I),
                author=seg.author, author_address=seg.address, organization=qorg,
                recipients=seg.recipients, line_base=line_base, line_exact=line_exact,
                thread_id=thread_id, quoted=True))
    # attached messages become their own parts (never merged into the body)
    att = 0
    for sub in _attached_messages(msg):
        payload = sub.get_payload()
        inner = payload[0] if isinstance(payload, list) and payload else None
        if isinstance(inner, Message):
            att += 1
            try:
                raw = inner.as_bytes(policy=policy.default)
                name = f"{part_prefix}-att{att}" if part_prefix else f"att{att}"
                for d in read_message(raw, ctx, part_prefix=name, line_offset=line_offset):
                    docs.append(_inexact(d))
            except Skip:
                continue
    return docs


def _attached_messages(msg: Message) -> list[Message]:
    """message/rfc822 parts of ``msg``, not descending into them (they are read recursively)."""
    found: list[Message] = []
    stack = [msg] if msg.is_multipart() else []
    while stack:
        node = stack.pop(0)
        if node is not msg and node.get_content_type() == "message/rfc822":
            found.append(node)
            continue
        payload = node.get_payload() if node.is_multipart() else None
        if isinstance(payload, list):
            stack.extend(p for p in payload if isinstance(p, Message))
    return found


def _skip_lines(text: str, pos: int, count: int) -> int:
    """Character offset ``count`` lines after offset ``pos`` in ``text`` (end if beyond)."""
    for _ in range(max(0, count)):
        nxt = text.find("\n", pos)
        if nxt < 0:
            return len(text)
        pos = nxt + 1
    return pos


def _inexact(doc: Document) -> Document:
    import dataclasses

    return dataclasses.replace(doc, line_exact=False)


def read_eml(data: bytes, ctx: ReadContext) -> list[Document]:
    """Read one .eml file."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        data = decode_text(data).encode("utf-8")       # a UTF-16 export: MIME wants bytes
    if looks_binary(data[:8192]) and not data[:3] == b"\xef\xbb\xbf":
        raise Skip("binary file")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if data.startswith(b"From ") and b"\n" in data:
        first, rest = data.split(b"\n", 1)
        if not _KNOWN_HEADERS.match(first.decode("latin-1")):
            if len(split_mbox(data)) > 1:
                return read_mbox(data, ctx)       # a mailbox saved with an .eml name
            text = _file_text(data)
            docs = read_message(rest, ctx, line_offset=1, file_text=text, file_pos=text.find("\n") + 1)
            return docs
    return read_message(data, ctx, file_text=_file_text(data))


def read_emlx(data: bytes, ctx: ReadContext) -> list[Document]:
    """Apple Mail .emlx: a byte-count line, the RFC 822 message, then an XML property list."""
    first, _, rest = data.partition(b"\n")
    if not first.strip().isdigit():
        return read_eml(data, ctx)
    message = rest[:int(first.strip())]
    text = _file_text(data)
    return read_message(message, ctx, line_offset=1, file_text=text, file_pos=text.find("\n") + 1)


def _file_text(data: bytes) -> str:
    """The file as text with CRLF as LF (lone CRs kept, so line counts match the byte lines)."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    return text.replace("\r\n", "\n")


_FROM_LINE = re.compile(rb"^From \S*.*$")


_FROM_STAMP = re.compile(rb"\d{1,2}:\d{2}(?::\d{2})?\s+(?:[A-Z]{3,4}\s+|[+-]\d{4}\s+)?\d{4}\s*$|\d{4}\s+\d{1,2}:\d{2}")


def split_mbox(data: bytes) -> list[tuple[int, bytes]]:
    """(0-based line index of the first header line, message bytes) per message of an mbox."""
    lines = data.split(b"\n")
    starts = [i for i, ln in enumerate(lines)
              if ln.startswith(b"From ") and (i == 0 or not lines[i - 1].strip())]
    # a body line "From here on, ..." after a blank line is not a separator: when the file's
    # separators carry a time stamp ("From x Mon Mar 13 17:00:00 2017"), require one
    stamped = [i for i in starts if _FROM_STAMP.search(lines[i])]
    if stamped and stamped[0] == starts[0]:
        starts = stamped
    out = []
    for k, s in enumerate(starts):
        e = starts[k + 1] if k + 1 < len(starts) else len(lines)
        chunk = b"\n".join(lines[s + 1:e])
        chunk = re.sub(rb"(?m)^>(>*From )", rb"\1", chunk)       # mboxrd un-escaping
        out.append((s + 1, chunk))
    return out


_ASCTIME = re.compile(r"\b(?:mon|tue|wed|thu|fri|sat|sun)\w*\s+([a-z]{3})\w*\s+(\d{1,2})\s+[\d:]+\s+(?:[A-Z]{3,4}\s+)?(\d{4})",
                      re.I)


def _from_line_date(line: str) -> DateValue | None:
    """The delivery date of an mbox "From sender Mon Mar 13 17:00:00 2017" line, if any."""
    m = _ASCTIME.search(line)
    if not m or m.group(1).lower() not in _MONTHS:
        return None
    try:
        day = dt.date(int(m.group(3)), _MONTHS[m.group(1).lower()], int(m.group(2)))
    except ValueError:
        return None
    return DateValue.day(day, "header", line.strip()[:120])


def read_mbox(data: bytes, ctx: ReadContext) -> list[Document]:
    """Read an mbox: one document per message (part "msg1", ...), plus its quoted messages."""
    if looks_binary(data[:8192]):
        raise Skip("binary file")
    messages = split_mbox(data)
    if not messages:
        raise Skip("no 'From ' separator lines: not an mbox")
    text = _file_text(data)
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
    docs: list[Document] = []
    for n, (start, chunk) in enumerate(messages, 1):
        if not chunk.strip():
            continue
        pos = line_starts[start] if start < len(line_starts) else len(text)
        separator = text[line_starts[start - 1]:pos] if 0 < start < len(line_starts) else ""
        try:
            docs.extend(read_message(chunk, ctx, part_prefix=f"msg{n}", line_offset=start, file_text=text,
                                     file_pos=pos, fallback_date=_from_line_date(separator)))
        except Skip:
            continue
    if not docs:
        raise Skip("mbox without readable messages")
    return docs


READERS = {"eml": read_eml, "emlx": read_emlx, "mbox": read_mbox, "mbx": read_mbox}
