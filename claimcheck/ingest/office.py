"""Word .docx (python-docx) and Outlook .msg (extract-msg) readers.

python-docx reads the document body in order (paragraphs and tables) and its core properties;
extract-msg is the maintained reader of Outlook's compound-file .msg format. A .msg is turned
into an RFC 822 message and read by the e-mail reader, so quoted history and signatures are
handled exactly as for .eml (its lines count within the message body: ``line_exact=False``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import email.message
import email.policy
import email.utils
import io
import re
from typing import Any

from ..models import DateValue, Document
from .base import Malformed, ReadContext, Skip, make_document
from .printed import parse_header_date

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

# --------------------------------------------------------------------------- .docx


def _docx_blocks(doc: Any) -> list[str]:
    """Paragraph texts and table rows (cells tab-separated) in document order."""
    from docx.table import Table

    out: list[str] = []
    for block in doc.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                cells: list[str] = []
                for cell in row.cells:
                    text = " ".join(cell.text.split())
                    if text and (not cells or cells[-1] != text):  # merged cells repeat
                        cells.append(text)
                if cells:
                    out.append("\t".join(cells))
            out.append("")
        else:
            out.append(block.text.replace("\r", "").replace("\v", "\n"))
    return out


def _heading(doc: Any) -> str:
    for para in doc.paragraphs[:20]:
        style = (getattr(para.style, "name", "") or "").lower()
        if para.text.strip() and (style.startswith("heading") or style == "title"):
            return " ".join(para.text.split())
    return ""


def _metadata_date(value: Any) -> DateValue | None:
    if isinstance(value, dt.datetime):
        return DateValue.day(value.date(), "metadata", value.isoformat())
    if isinstance(value, dt.date):
        return DateValue.day(value, "metadata", value.isoformat())
    return None


#: What a .docx package may unpack to before python-docx opens it: its XML parts are parsed
#: whole, at several times their size in memory (a 3.7 MB file holding 1 GB of XML peaked at
#: 8.1 GB). An honest document's parts compress 5-20x; a bomb's 1,000x and more.
MAX_DOCX_UNPACKED = 100 * 1024 * 1024
MAX_DOCX_RATIO = 200          # per part, for parts above RATIO_FLOOR bytes unpacked
RATIO_FLOOR = 1024 * 1024
MAX_DOCX_PARTS = 10_000


def check_zip(data: bytes, *, what: str = "package") -> None:
    """Raise Malformed when the zip in ``data`` would unpack beyond the limits above. The sizes
    are those of the zip's directory, which is also what bounds what :mod:`zipfile` unpacks."""
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise Malformed(f"not a valid {what} ({type(exc).__name__}: {exc})"[:300]) from None
    if len(infos) > MAX_DOCX_PARTS:
        raise Malformed(f"{what} holds {len(infos):,} parts (at most {MAX_DOCX_PARTS:,} are read)")
    total = 0
    for info in infos:
        total += info.file_size
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_DOCX_RATIO * max(info.compress_size, 1):
            raise Malformed(f"{what} part {info.filename[:100]!r} unpacks {info.file_size:,} bytes from "
                            f"{info.compress_size:,} (a compression bomb; at most {MAX_DOCX_RATIO}x is read)")
    if total > MAX_DOCX_UNPACKED:
        raise Malformed(f"{what} unpacks to {total:,} bytes (at most {MAX_DOCX_UNPACKED // (1024 * 1024)} MB is read)")


def read_docx(data: bytes, ctx: ReadContext) -> list[Document]:
    """Read a .docx: body text in order, date and author from the core properties."""
    import docx

    if not data.startswith(b"PK"):
        raise ValueError("not a .docx (not a zip package)")
    check_zip(data, what=".docx package")
    try:
        doc = docx.Document(io.BytesIO(data))
        text = "\n".join(_docx_blocks(doc)).strip("\n")
    except Exception as exc:  # zip, XML and zlib errors of a damaged package: one clear reason
        raise ValueError(f"not a valid .docx package ({type(exc).__name__}: {exc})"[:300]) from None
    if not text.strip():
        raise Skip("no text in document")
    props = doc.core_properties
    try:
        date = _metadata_date(props.created) or _metadata_date(props.modified)
    except (ValueError, TypeError):  # a malformed W3CDTF value in docProps/core.xml
        date = None
    fields = {"title": " ".join((props.title or "").split()) or _heading(doc),
              "author": " ".join((props.author or "").split())}
    kind = "unknown"
    if re.search(r"^[^\S\n]*(?:MEMORANDUM|MEMO)\b", text[:500], re.M):
        kind = "memo"
    return [make_document(ctx, text=text, kind=kind, date=date, line_exact=False, **fields)]


# --------------------------------------------------------------------------- .msg


def _as_rfc822(msg: Any) -> tuple[bytes, int]:
    """An RFC 822 rendering of an Outlook message and the number of lines before its body."""
    header = getattr(msg, "header", None)

    def hdr(name: str) -> str:
        try:
            value = header.get(name) if header is not None else None
        except Exception:
            value = None
        return " ".join(str(value).split()) if value else ""

    out = email.message.EmailMessage(policy=email.policy.default.clone(max_line_length=0))
    fields = {
        "From": hdr("From") or str(msg.sender or ""),
        "To": hdr("To") or str(msg.to or ""),
        "Cc": hdr("Cc") or str(msg.cc or ""),
        "Subject": str(msg.subject or "") or hdr("Subject"),
        "Message-ID": hdr("Message-ID") or str(getattr(msg, "messageId", "") or ""),
        "In-Reply-To": hdr("In-Reply-To") or str(getattr(msg, "inReplyTo", "") or ""),
        "References": hdr("References"),
    }
    date_text = hdr("Date")
    if not parse_header_date(date_text) and isinstance(msg.date, dt.datetime):
        date_text = email.utils.format_datetime(msg.date)
    fields["Date"] = date_text
    lines = 0
    for key, value in fields.items():
        value = value.replace("\r", " ").replace("\n", " ").strip()
        if value:
            try:
                out[key] = value
                lines += 1
            except (ValueError, TypeError):
                continue
    body = msg.body
    if isinstance(body, bytes):
        body = body.decode("utf-8", "replace")
    body = (body or "").replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    out.set_content(body or "\n", subtype="plain", charset="utf-8", cte="8bit")
    raw = out.as_bytes()
    head_lines = raw.split(b"\n\n", 1)[0].count(b"\n") + 2
    return raw, head_lines


def read_msg(data: bytes, ctx: ReadContext) -> list[Document]:
    """Read an Outlook .msg: sender, date, subject, body and recipients -> kind "email"."""
    import extract_msg

    if not data.startswith(OLE_MAGIC):
        raise ValueError("not an Outlook .msg (no OLE compound-file header)")
    try:
        msg = extract_msg.openMsg(io.BytesIO(data))
    except Exception as exc:  # olefile / extract-msg errors of a damaged container: one clear reason
        raise ValueError(f"malformed .msg ({type(exc).__name__}: {exc})"[:300]) from None
    try:
        if not hasattr(type(msg), "body"):
            raise Skip(f"Outlook item that is not a message ({type(msg).__name__})")
        try:
            raw, head_lines = _as_rfc822(msg)
        except Exception as exc:
            raise ValueError(f"malformed .msg ({type(exc).__name__}: {exc})"[:300]) from None
    finally:
        try:
            msg.close()
        except Exception:
            pass
    from .email.message import read_message

    docs = read_message(raw, ctx)
    return [dataclasses.replace(d, line_base=max(1, d.line_base - head_lines), line_exact=False)
            for d in docs]


READERS = {"docx": read_docx, "msg": read_msg}
