"""A body split into the reply and the quoted earlier messages it carries: "On <date>, X wrote:"
attributions, "-----Original Message-----" separators, Outlook From:/Sent:/To:/Subject: blocks and
"> " lines (de-quoted and split again, for nested quotes)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...models import DateValue
from .addresses import _person, display_name
from .dates import parse_mail_date



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
#: A memo's heading over its own To/From lines: "Memorandum", "MEMO", "Internal memo".
_MEMO_HEAD = re.compile(r"(?i)^\W{0,4}(?:(?:internal|inter-?office|office)\s+)?(?:memorandum|memo)\W{0,4}$")
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
            before = next((ln for ln in reversed(lines[:i]) if ln.strip()), "")
            if _FIELD.match(before) or _MEMO_HEAD.match(before):
                block = None  # "Memorandum / To: Market Participants / From: Acme": a memo's own form in the body, no quote
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
