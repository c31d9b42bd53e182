"""The JSON contract: ``report_to_dict`` / ``report_from_dict`` and the ``json`` renderer."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json
import re
import types
import typing
from typing import Any, Callable, TextIO

import orjson

from claimcheck import SCHEMA_VERSION
from claimcheck.runtime.memo import Memo
from claimcheck.models import (
    DateValue, Document, ErrorRecord, FileRecord, FileStatus, Finding, Report, Source, Statement, field_names,
    to_jsonable,
)
from claimcheck.report._common import finding_key, statement_key, view

_DOC_SPECIAL = {"text", "date"}
_STMT_SPECIAL = {"date", "source", "also_reported_in"}


def _date_fields(d: DateValue) -> dict[str, Any]:
    return {
        "date": d.iso(),
        "date_start": d.start.isoformat() if d.start else None,
        "date_end": d.end.isoformat() if d.end else None,
        "date_precision": d.precision,
        "date_source": d.source,
        "date_text": d.text,
    }


def _date_from(d: dict[str, Any]) -> DateValue:
    start, end = d.get("date_start"), d.get("date_end")
    return DateValue(
        start=dt.date.fromisoformat(start) if start else None,
        end=dt.date.fromisoformat(end) if end else None,
        precision=d.get("date_precision", "unknown"),
        source=d.get("date_source", "undated"),
        text=d.get("date_text", ""),
    )


def _ordered(report: Report) -> dict[str, Any]:
    """The report's top-level values in the contract's canonical order, records left as records:
    files and documents by path, statements by date then id, findings by level, score, id."""
    status = {f.path: f.status for f in report.files}
    return {
        "schema_version": report.schema_version,
        "tool_version": report.tool_version,
        "model": report.model,
        "degraded": report.degraded,
        "roots": list(report.roots),
        "summary": view(report).counts(),
        "files": sorted(report.files, key=lambda f: (f.path, f.status)),
        "documents": [(d, status.get(d.path, "parsed"))
                      for d in sorted(report.documents, key=lambda d: (d.path, d.part, d.id))],
        "statements": sorted(report.statements, key=statement_key),
        "findings": sorted(report.findings, key=finding_key),
        "errors": sorted(report.errors, key=lambda e: (e.path, e.stage, e.message)),
        "warnings": list(report.warnings),
        "aligned": sorted(report.aligned),
    }


def _state(obj: Any) -> dict[str, Any]:
    """A record's fields as a new dict (nested records, tuples and dates left as they are)."""
    state = getattr(obj, "__dict__", None)
    names = field_names(type(obj))
    if state is not None and len(state) == len(names):
        return dict(state)
    return {n: getattr(obj, n) for n in names}


def _document_record(doc: Document, status: str) -> dict[str, Any]:
    d = _state(doc)
    for name in _DOC_SPECIAL:
        del d[name]
    d.update(_date_fields(doc.date))
    d["status"] = status
    return d


def _source_record(s: Source) -> dict[str, Any]:
    d = _state(s)
    d["ref"] = s.ref()
    return d


def _statement_record(st: Statement) -> dict[str, Any]:
    d = _state(st)
    for name in _STMT_SPECIAL:
        del d[name]
    d.update(_date_fields(st.date))
    d["source"] = _source_record(st.source)
    d["also_reported_in"] = [_source_record(s) for s in st.also_reported_in]
    return d


_RECORD = {"documents": lambda item: _document_record(*item), "statements": _statement_record}


def report_to_dict(report: Report) -> dict[str, Any]:
    """The JSON contract (README "JSON output") as plain Python values. Lists are in a canonical,
    deterministic order: files and documents by path, statements by date then id, findings by
    level, score, id. Documents carry no full text."""
    data = _ordered(report)
    for key in ("files", "documents", "statements", "findings", "errors"):
        record = _RECORD.get(key, _state)
        data[key] = [to_jsonable(record(item)) for item in data[key]]
    return data


# -- decoding ---------------------------------------------------------------------------------

def _dec(tp: Any, value: Any) -> Any:
    """Decode a JSON value into the annotated type (dataclasses, tuples, dates, optionals)."""
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        if value is None:
            return None
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return _dec(args[0], value)
    if origin is tuple:
        args = typing.get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_dec(args[0], v) for v in value)
        return tuple(_dec(a, v) for a, v in zip(args, value))
    if origin is typing.Literal:
        return value
    if tp is dt.date:
        return dt.date.fromisoformat(value) if value else None
    if tp is float:
        return float(value)
    if dataclasses.is_dataclass(tp):
        return _record(tp, value)
    return value


@functools.lru_cache(maxsize=None)
def _fields_of(cls: type) -> tuple[tuple[str, Any], ...]:
    """(name, resolved type) of each field: resolving the annotations costs more than decoding a
    record, so it is done once per class, not once per record of a large report."""
    hints = typing.get_type_hints(cls)
    return tuple((f.name, hints[f.name]) for f in dataclasses.fields(cls))


def _record(cls: type, d: dict[str, Any], **special: Any) -> Any:
    kwargs: dict[str, Any] = {}
    for name, tp in _fields_of(cls):
        if name in special:
            kwargs[name] = special[name]
        elif name in d:
            value = d[name]
            kwargs[name] = value if tp is str or tp is int or tp is bool else _dec(tp, value)
    return cls(**kwargs)


def _source_from(d: dict[str, Any]) -> Source:
    return _record(Source, d)


def report_from_dict(d: dict[str, Any]) -> Report:
    """Rebuild a Report from :func:`report_to_dict` output (documents come back without text).

    Raises ValueError for a dict that is not a claimcheck report of a known schema version."""
    if not isinstance(d, dict) or "statements" not in d or "findings" not in d:
        raise ValueError("not a claimcheck JSON report (no statements/findings)")
    version = d.get("schema_version")
    if not isinstance(version, int) or version > SCHEMA_VERSION:
        raise ValueError(f"unsupported schema_version {version!r} (this claimcheck reads <= {SCHEMA_VERSION})")
    documents = tuple(_record(Document, x, text="", date=_date_from(x)) for x in d.get("documents", []))
    statements = tuple(
        _record(
            Statement, x, date=_date_from(x), source=_source_from(x["source"]),
            also_reported_in=tuple(_source_from(s) for s in x.get("also_reported_in", [])),
        )
        for x in d["statements"]
    )
    return Report(
        schema_version=version,
        tool_version=d.get("tool_version", ""),
        model=d.get("model", ""),
        degraded=bool(d.get("degraded", False)),
        roots=tuple(d.get("roots", [])),
        files=tuple(_record(FileRecord, x) for x in d.get("files", [])),
        documents=documents,
        statements=statements,
        findings=tuple(_record(Finding, x) for x in d["findings"]),
        errors=tuple(_record(ErrorRecord, x) for x in d.get("errors", [])),
        warnings=tuple(d.get("warnings", [])),
        aligned=tuple(d.get("aligned", [])),
    )


def load_report(text: str) -> Report:
    """Parse a saved JSON report (``claimcheck report saved.json``)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not valid JSON: line {exc.lineno} column {exc.colno}: {exc.msg}") from None
    return report_from_dict(data)


def canonical(report: Report) -> Report:
    """What a JSON round trip gives back: canonical order, documents without text."""
    return report_from_dict(report_to_dict(report))


_UNSAFE = re.compile(r"[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_OPTIONS = orjson.OPT_SORT_KEYS | orjson.OPT_PASSTHROUGH_DATACLASS


def _nested(obj: Any) -> Any:
    """orjson's hook for what it does not write itself: a record nested in another (a frame, a
    date mention) becomes its fields, so its keys are sorted like every other object's."""
    if hasattr(type(obj), "__dataclass_fields__") and not isinstance(obj, type):
        return _state(obj)
    raise TypeError(f"not JSON serializable: {type(obj).__name__}")


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def _encode(value: Any) -> str:
    """One value as compact JSON with sorted keys, terminal-safe (see :func:`dumps`)."""
    try:
        text = orjson.dumps(value, default=_nested, option=_OPTIONS).decode("utf-8")
    except orjson.JSONEncodeError:  # a lone surrogate (an undecodable byte kept by a reader):
        # orjson writes only valid UTF-8; the standard encoder writes it as a \\udcxx escape (and,
        # ensuring ASCII, escapes every character outside printable ASCII: safe as it is)
        return json.dumps(to_jsonable(value), sort_keys=True, ensure_ascii=True, separators=(",", ":"))
    return _UNSAFE.sub(_escape, text)


def dumps(report: Report, *, memo: Memo | None = None) -> str:
    """Deterministic JSON text (sorted keys, trailing newline), one record per line: the top-level
    keys and every element of a top-level list sit on their own line, so a saved report diffs
    record by record. The same values as :func:`report_to_dict`, written by orjson straight from
    the records (a large folder's report in a fraction of a second instead of seconds: nothing is
    copied into intermediate dicts but the top level of each record). C1 controls, DEL, line
    separators and bidi overrides are written as \\u escapes so ``cat report.json`` is safe
    (C0 controls are escaped by any JSON writer). With a ``memo`` (``claimcheck watch``), the
    line of a document or statement written before, the very same record, is written again."""
    data = _ordered(report)
    lines_of = {"documents": _document_lines(memo), "statements": _statement_lines(memo)} if memo is not None else {}
    lines = ["{"]
    keys = sorted(data)
    for n, key in enumerate(keys):
        comma = "," if n < len(keys) - 1 else ""
        value = data[key]
        if isinstance(value, list) and value:
            record = _RECORD.get(key)
            lines.append(f"  {_encode(key)}: [")
            last = len(value) - 1
            if key in lines_of:
                line = lines_of[key]
                lines.extend(f"    {line(item)}{',' if i < last else ''}" for i, item in enumerate(value))
            else:
                lines.extend(f"    {_encode(record(item) if record else item)}{',' if i < last else ''}"
                             for i, item in enumerate(value))
            lines.append(f"  ]{comma}")
        else:
            lines.append(f"  {_encode(key)}: {_encode(value)}{comma}")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _document_lines(memo: Memo) -> Callable[[tuple[Document, str]], str]:
    """The JSON line of a (document, status), remembered per document and status."""
    by_status = {s: memo.lookup(f"json-document:{s}", lambda d, s=s: _encode(_document_record(d, s)))
                 for s in typing.get_args(FileStatus)}
    return lambda item: by_status[item[1]](item[0])


def _statement_lines(memo: Memo) -> Callable[[Statement], str]:
    return memo.lookup("json-statement", lambda s: _encode(_statement_record(s)))


def render_json(report: Report, out: TextIO) -> None:
    """Renderer for ``--format json``."""
    out.write(dumps(report))
