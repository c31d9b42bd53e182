"""The JSON contract: ``report_to_dict`` / ``report_from_dict`` and the ``json`` renderer."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json
import math
import re
import types
import typing
from typing import Any, Callable, Protocol, TextIO

import orjson

from claimcheck import SCHEMA_VERSION
from claimcheck.models import (
    DateValue, Document, ErrorRecord, FileRecord, FileStatus, Finding, Report, Review, Source, Statement, field_names,
    to_jsonable,
)
from claimcheck.report._common import finding_key, statement_key, view


class LineCache(Protocol):
    """What :func:`dumps` asks of a cache of JSON lines, defined here so that the report stage
    needs nothing from whoever keeps the lines (``claimcheck watch`` passes its
    :class:`claimcheck.runtime.memo.Memo`, which has this method; the report stage does not
    import the runtime wing, issue 16). ``lookup(kind, make)`` returns a function of a record
    that gives ``make(record)``, or the value it gave before for that very record: records are
    immutable, so either is the same line."""

    def lookup(self, kind: str, make: Callable[[Any], str]) -> Callable[[Any], str]: ...


_DOC_SPECIAL = {"text", "date", "line_map"}
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
        "reviews": sorted((r for r in report.reviews if r.finding in {f.id for f in report.findings}),
                          key=lambda r: r.finding),
        "stale_reviews": sorted(report.stale_reviews, key=lambda r: r.finding),
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
    for key in ("files", "documents", "statements", "findings", "errors", "reviews", "stale_reviews"):
        record = _RECORD.get(key, _state)
        data[key] = [to_jsonable(record(item)) for item in data[key]]
    return data


# -- decoding ---------------------------------------------------------------------------------
# A saved report is input like any other (it may come from anyone): every field is checked
# against the record types, and a bad one is a ValueError naming it ("statements[3].source.line:
# expected an integer, got 'x'"), never a KeyError, a TypeError or an infinite score.

class ReportFormatError(ValueError):
    """A saved report that does not match the JSON contract; the message names the field."""


def _bad(where: str, message: str, value: Any = None) -> ReportFormatError:
    shown = "" if value is None else f", got {_short(value)}"
    return ReportFormatError(f"{where or 'report'}: {message}{shown}")


def _short(value: Any) -> str:
    text = repr(value) if not isinstance(value, (dict, list)) else type(value).__name__.replace("dict", "an object").replace("list", "a list")
    return text if len(text) <= 60 else text[:57] + "..."


def _dec(tp: Any, value: Any, where: str) -> Any:
    """Decode a JSON value into the annotated type (dataclasses, tuples, dates, optionals, literals)."""
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = typing.get_args(tp)
        if value is None:
            if type(None) in args:
                return None
            raise _bad(where, "must not be null")
        return _dec(next(a for a in args if a is not type(None)), value, where)
    if value is None and tp is not typing.Any:
        raise _bad(where, "must not be null")
    if origin is tuple:
        if not isinstance(value, list):
            raise _bad(where, "expected a list", value)
        args = typing.get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_dec(args[0], v, f"{where}[{i}]") for i, v in enumerate(value))
        if len(value) != len(args):
            raise _bad(where, f"expected a list of {len(args)} values", value)
        return tuple(_dec(a, v, f"{where}[{i}]") for i, (a, v) in enumerate(zip(args, value)))
    if origin is typing.Literal:
        allowed = typing.get_args(tp)
        if value not in allowed or isinstance(value, bool):
            raise _bad(where, f"must be one of {', '.join(map(str, allowed))}", value)
        return value
    if tp is dt.date:
        if not isinstance(value, str):
            raise _bad(where, "expected a date (YYYY-MM-DD)", value)
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise _bad(where, "not a date (YYYY-MM-DD)", value) from None
    if tp is float:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            raise _bad(where, "expected a finite number", value)
        return float(value)
    if tp is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise _bad(where, "expected an integer", value)
        return value
    if tp is str:
        if not isinstance(value, str):
            raise _bad(where, "expected a string", value)
        return value
    if tp is bool:
        if not isinstance(value, bool):
            raise _bad(where, "expected true or false", value)
        return value
    if dataclasses.is_dataclass(tp):
        return _record(tp, value, where)
    return value


@functools.lru_cache(maxsize=None)
def _fields_of(cls: type) -> tuple[tuple[str, Any, bool], ...]:
    """(name, resolved type, required) of each field: resolving the annotations costs more than
    decoding a record, so it is done once per class, not once per record of a large report."""
    hints = typing.get_type_hints(cls)
    return tuple((f.name, hints[f.name], f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING)
                 for f in dataclasses.fields(cls))


def _record(cls: type, d: Any, where: str, **special: Any) -> Any:
    if not isinstance(d, dict):
        raise _bad(where, f"expected an object ({cls.__name__})", d)
    kwargs: dict[str, Any] = {}
    for name, tp, required in _fields_of(cls):
        if name in special:
            kwargs[name] = special[name]
        elif name in d:
            value = d[name]
            if tp is str:                   # the common case, checked inline for speed
                if not isinstance(value, str):
                    raise _bad(f"{where}.{name}", "expected a string", value)
                kwargs[name] = value
            else:
                kwargs[name] = _dec(tp, value, f"{where}.{name}")
        elif required:
            raise _bad(where, f"missing field {name!r}")
    return cls(**kwargs)


def _date_from(d: dict[str, Any], where: str) -> DateValue:
    return DateValue(
        start=_dec(dt.date | None, d.get("date_start"), f"{where}.date_start"),
        end=_dec(dt.date | None, d.get("date_end"), f"{where}.date_end"),
        precision=_dec(_PRECISION, d.get("date_precision", "unknown"), f"{where}.date_precision"),
        source=_dec(str, d.get("date_source", "undated"), f"{where}.date_source"),
        text=_dec(str, d.get("date_text", ""), f"{where}.date_text"),
    )


_PRECISION = typing.get_type_hints(DateValue)["precision"]


def _items(d: dict[str, Any], key: str, *, required: bool = False, where: str = "") -> list[Any]:
    value = d.get(key, [] if not required else None)
    if not isinstance(value, list):
        raise _bad(f"{where}.{key}" if where else key, "expected a list", value)
    return value


def report_from_dict(d: dict[str, Any]) -> Report:
    """Rebuild a Report from :func:`report_to_dict` output (documents come back without text).

    Raises ValueError (a :class:`ReportFormatError` naming the field) for anything that is not a
    claimcheck report of a known schema version."""
    if not isinstance(d, dict) or "statements" not in d or "findings" not in d:
        raise ReportFormatError("not a claimcheck JSON report (no statements/findings)")
    version = d.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool) or version > SCHEMA_VERSION:
        raise ReportFormatError(f"unsupported schema_version {_short(version)} (this claimcheck reads <= {SCHEMA_VERSION})")
    documents = []
    for n, x in enumerate(_items(d, "documents")):
        where = f"documents[{n}]"
        if not isinstance(x, dict):
            raise _bad(where, "expected an object", x)
        documents.append(_record(Document, x, where, text="", date=_date_from(x, where)))
    statements = []
    for n, x in enumerate(_items(d, "statements", required=True)):
        where = f"statements[{n}]"
        if not isinstance(x, dict):
            raise _bad(where, "expected an object", x)
        if "source" not in x:
            raise _bad(where, "missing field 'source'")
        also = _items(x, "also_reported_in", where=where)
        statements.append(_record(
            Statement, x, where, date=_date_from(x, where), source=_record(Source, x["source"], f"{where}.source"),
            also_reported_in=tuple(_record(Source, s, f"{where}.also_reported_in[{i}]") for i, s in enumerate(also))))
    return Report(
        schema_version=version,
        tool_version=_dec(str, d.get("tool_version", ""), "tool_version"),
        model=_dec(str, d.get("model", ""), "model"),
        degraded=_dec(bool, d.get("degraded", False), "degraded"),
        roots=_dec(tuple[str, ...], d.get("roots", []), "roots"),
        files=tuple(_record(FileRecord, x, f"files[{n}]") for n, x in enumerate(_items(d, "files"))),
        documents=tuple(documents),
        statements=tuple(statements),
        findings=tuple(_record(Finding, x, f"findings[{n}]") for n, x in enumerate(_items(d, "findings", required=True))),
        errors=tuple(_record(ErrorRecord, x, f"errors[{n}]") for n, x in enumerate(_items(d, "errors"))),
        warnings=_dec(tuple[str, ...], d.get("warnings", []), "warnings"),
        aligned=_dec(tuple[str, ...], d.get("aligned", []), "aligned"),
        reviews=tuple(_record(Review, x, f"reviews[{n}]") for n, x in enumerate(_items(d, "reviews"))),
        stale_reviews=tuple(_record(Review, x, f"stale_reviews[{n}]")
                            for n, x in enumerate(_items(d, "stale_reviews"))),
    )


def load_report(text: str) -> Report:
    """Parse a saved JSON report (``claimcheck report saved.json``); ValueError naming what is wrong."""
    try:
        data = json.loads(text, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        raise ReportFormatError(f"not valid JSON: line {exc.lineno} column {exc.colno}: {exc.msg}") from None
    except RecursionError:
        raise ReportFormatError("nested too deeply to be a claimcheck report") from None
    return report_from_dict(data)


def _no_constant(name: str) -> Any:
    raise ReportFormatError(f"not valid JSON: {name} is not a number")


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


def dumps(report: Report, *, memo: LineCache | None = None) -> str:
    """Deterministic JSON text (sorted keys, trailing newline), one record per line: the top-level
    keys and every element of a top-level list sit on their own line, so a saved report diffs
    record by record. The same values as :func:`report_to_dict`, written by orjson straight from
    the records (a large folder's report in a fraction of a second instead of seconds: nothing is
    copied into intermediate dicts but the top level of each record). C1 controls, DEL, line
    separators and bidi overrides are written as \\u escapes so ``cat report.json`` is safe
    (C0 controls are escaped by any JSON writer). With a ``memo`` (a :class:`LineCache`;
    ``claimcheck watch`` passes its own), the line of a document or statement written before,
    the very same record, is written again."""
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


def _document_lines(memo: LineCache) -> Callable[[tuple[Document, str]], str]:
    """The JSON line of a (document, status), remembered per document and status."""
    by_status = {s: memo.lookup(f"json-document:{s}", lambda d, s=s: _encode(_document_record(d, s)))
                 for s in typing.get_args(FileStatus)}
    return lambda item: by_status[item[1]](item[0])


def _statement_lines(memo: LineCache) -> Callable[[Statement], str]:
    return memo.lookup("json-statement", lambda s: _encode(_statement_record(s)))


def render_json(report: Report, out: TextIO) -> None:
    """Renderer for ``--format json``."""
    out.write(dumps(report))
