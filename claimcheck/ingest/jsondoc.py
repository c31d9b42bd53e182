"""JSON (.json) and JSON Lines (.jsonl/.ndjson) records: one document per record with text.

Accepted shapes: an object with text, a list of such objects, or an object holding the list under
"records", "messages", "items", "documents" or "data". Field names: text|body|content|message,
date|timestamp|published|created_at, author|user|from|speaker, source|publisher, kind,
organization, title|subject. A file with no such records is skipped with the reason.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

from ..dates import parse_date_value
from ..models import DOC_KINDS, DateValue, Document
from .base import Malformed, ReadContext, Skip, decode_text, make_document, normalize_newlines

_TEXT = ("text", "body", "content", "message")
_DATE = ("date", "timestamp", "published", "published_at", "created_at", "sent", "time", "ts")
_AUTHOR = ("author", "speaker", "from", "sender", "user_profile", "user_name", "username", "user")
_CONTAINERS = ("records", "messages", "items", "documents", "data")


def _str(value: Any) -> str:
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, dict):
        for key in ("name", "real_name", "display_name", "text"):
            if isinstance(value.get(key), str):
                return value[key].strip()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return ""


def _first(rec: dict[str, Any], keys: tuple[str, ...]) -> Any:
    lowered = {str(k).lower(): v for k, v in rec.items()}
    for key in keys:
        if key in lowered and lowered[key] not in (None, ""):
            return lowered[key]
    return None


def _date(value: Any) -> DateValue | None:
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        seconds = float(value) / (1000.0 if value > 1e11 else 1.0)    # epoch seconds or milliseconds
        try:
            day = dt.datetime.fromtimestamp(seconds, tz=dt.timezone.utc).date()
        except (OverflowError, OSError, ValueError):
            return None
        return DateValue.day(day, "meta", str(value))
    raw = str(value).strip()
    if re.fullmatch(r"\d{9,13}(?:\.\d+)?", raw):       # epoch seconds as text (Slack "ts")
        return _date(float(raw))
    dv = parse_date_value(raw, source="meta")
    if dv is None:
        m = re.match(r"(?<!\s)\s*(\d{4}-\d{2}-\d{2})", raw)
        if m:
            dv = parse_date_value(m.group(1), source="meta")
    if dv is None:
        from .email.dates import parse_mail_date

        dv = parse_mail_date(raw, source="meta")
    if dv is not None and dv.text != raw:
        dv = DateValue(dv.start, dv.end, dv.precision, "meta", raw)
    return dv


def records_of(data: Any) -> list[dict[str, Any]] | None:
    """The record objects of a loaded JSON value, or None when it holds no records."""
    if isinstance(data, dict):
        if _first(data, _TEXT) is not None and isinstance(_first(data, _TEXT), str):
            return [data]
        for key in _CONTAINERS:
            inner = data.get(key)
            if isinstance(inner, list):
                return [r for r in inner if isinstance(r, dict)]
        return None
    if isinstance(data, list):
        recs = [r for r in data if isinstance(r, dict)]
        return recs if recs else None
    return None


def _documents(records: list[dict[str, Any]], ctx: ReadContext, line_of: list[int] | None) -> list[Document]:
    docs: list[Document] = []
    for n, rec in enumerate(records, 1):
        text = _first(rec, _TEXT)
        if not isinstance(text, str) or not text.strip():
            continue
        text = normalize_newlines(text)
        fields: dict[str, Any] = {}
        author = _str(_first(rec, _AUTHOR))
        if author:
            fields["author"] = author[:200]
        for key, target in (("organization", "organization"), ("title", "title"), ("subject", "title"),
                            ("source", "publisher"), ("publisher", "publisher")):
            value = _str(rec.get(key))
            if value and target not in fields:
                fields[target] = value[:300]
        kind = _str(rec.get("kind"))
        if kind not in DOC_KINDS:
            kind = "unknown"
        line = line_of[n - 1] if line_of else 1
        docs.append(make_document(ctx, text=text, part=f"rec{n}", kind=kind, date=_date(_first(rec, _DATE)),
                                  line_base=line, line_exact=False, **fields))
    return docs


def read_json(data: bytes, ctx: ReadContext) -> list[Document]:
    """Read a .json file of records."""
    text = decode_text(data)
    try:
        loaded = json.loads(text)
    except json.JSONDecodeError as exc:
        raise Malformed(f"invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}") from None
    records = records_of(loaded)
    if records is None:
        raise Skip(f"JSON is not records with text (top level is {type(loaded).__name__})")
    docs = _documents(records, ctx, _record_lines(normalize_newlines(text), records))
    if not docs:
        raise Skip("JSON records have no text field (text, body, content or message)")
    return docs


def _record_lines(text: str, records: list[dict[str, Any]]) -> list[int]:
    """The file's line of each record's text value (found in order as JSON writes it, with or
    without escaped non-ASCII), so a citation names the line a reader opens; 1 when not found."""
    lines, at, line, counted = [], 0, 1, 0
    for rec in records:
        value = _first(rec, _TEXT)
        pos = -1
        if isinstance(value, str):
            for ascii_only in (False, True):
                pos = text.find(json.dumps(value, ensure_ascii=ascii_only), at)
                if pos >= 0:
                    break
        if pos < 0:
            lines.append(1 if not lines else lines[-1])
            continue
        line += text.count("\n", counted, pos)
        counted = at = pos
        lines.append(line)
    return lines


def read_jsonl(data: bytes, ctx: ReadContext) -> list[Document]:
    """Read a .jsonl file: one JSON object per line (blank lines allowed)."""
    text = normalize_newlines(decode_text(data))
    records: list[dict[str, Any]] = []
    lines: list[int] = []
    bad = 0
    for i, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError:
            bad += 1
            continue
        if isinstance(value, dict):
            records.append(value)
            lines.append(i)
    if not records:
        raise Skip("JSON Lines file without record objects" + (f" ({bad} invalid lines)" if bad else ""))
    docs = _documents(records, ctx, lines)
    if not docs:
        raise Skip("JSON records have no text field (text, body, content or message)")
    return docs


READERS = {"json": read_json, "jsonl": read_jsonl, "ndjson": read_jsonl}
