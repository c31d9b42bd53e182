"""The file readers: .eml, Apple Mail .emlx, and mailboxes (.mbox) split on their "From " lines by
this module (not ``mailbox.mbox``) so that each message keeps its line offset in the file."""

from __future__ import annotations

import datetime as dt
import re

from ...models import DateValue, Document
from ..base import ReadContext, Skip, decode_text, looks_binary
from .dates import _MONTHS
from .message import _KNOWN_HEADERS, read_message



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
