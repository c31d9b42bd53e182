"""Cache values as data: records to JSON and back through their own type annotations, never code.

A cached value is one of a closed set of shapes (:data:`SHAPES`), each written as
``[shape name, payload]`` with orjson. A record is the list of its field values in field order;
a tuple is a list; a date is its ISO text. Decoding is driven by the record classes' annotations
(``claimcheck.models`` and ``IngestResult``): every field is checked for its type as it is
rebuilt, so a row that is not exactly what claimcheck writes (foreign, truncated, tampered,
written by another layout) raises :class:`Undecodable` and is a cache miss. Nothing in a row can
name a class, a function or a module: the only classes that come out are the ones the shape
names, and the only operations are list walks, type checks and ``date.fromisoformat``.
"""

from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import types
import typing
from typing import Any, Callable, Literal, Union

import orjson

from ..models import field_names


class Undecodable(ValueError):
    """A stored value that is not one claimcheck wrote with this layout."""


Decoder = Callable[[Any], Any]


def _fail(expected: str, got: Any) -> Undecodable:
    return Undecodable(f"expected {expected}, got {type(got).__name__}")


def _scalar(kind: type) -> Decoder:
    if kind is float:
        def dec_float(v: Any) -> float:
            if type(v) is float or type(v) is int:
                return float(v)
            raise _fail("float", v)
        return dec_float
    if kind is type(None):
        def dec_none(v: Any) -> None:
            if v is not None:
                raise _fail("null", v)
        return dec_none

    def dec(v: Any) -> Any:
        if type(v) is not kind:
            raise _fail(kind.__name__, v)
        return v
    return dec


def _date(v: Any) -> dt.date:
    if type(v) is not str or len(v) != 10:
        raise _fail("ISO date", v)
    try:
        return dt.date.fromisoformat(v)
    except ValueError as exc:
        raise Undecodable(str(exc)) from None


_DECODERS: dict[Any, Decoder] = {}


def decoder(tp: Any) -> Decoder:
    """The decoder of type ``tp`` (memoized; built from annotations once per type)."""
    try:
        known = _DECODERS.get(tp)
    except TypeError:  # an unhashable annotation: build afresh
        known = None
    if known is not None:
        return known
    dec = _build(tp)
    try:
        _DECODERS[tp] = dec
    except TypeError:
        pass
    return dec


def _build(tp: Any) -> Decoder:
    if tp in (str, int, bool, float, type(None)):
        return _scalar(tp)
    if tp is dt.date:
        return _date
    if tp is bytes:
        def dec_bytes(v: Any) -> bytes:
            if type(v) is not str:
                raise _fail("base64 text", v)
            try:
                return base64.b64decode(v, validate=True)
            except ValueError as exc:
                raise Undecodable(str(exc)) from None
        return dec_bytes
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin is Literal:
        allowed = frozenset(args)

        def dec_literal(v: Any) -> Any:
            if type(v) is not str or v not in allowed:
                raise Undecodable(f"unexpected value {v!r}"[:80])
            return v
        return dec_literal
    if origin in (Union, types.UnionType) and len(args) == 2 and type(None) in args:
        inner = decoder(args[0] if args[1] is type(None) else args[1])

        def dec_optional(v: Any) -> Any:
            return None if v is None else inner(v)
        return dec_optional
    if origin in (Union, types.UnionType):
        options = [decoder(a) for a in args]

        def dec_union(v: Any) -> Any:
            for opt in options:
                try:
                    return opt(v)
                except Undecodable:
                    continue
            raise _fail(str(tp), v)
        return dec_union
    if origin is tuple or origin is list:
        make = tuple if origin is tuple else list
        if len(args) == 2 and args[1] is Ellipsis or origin is list:
            item = decoder(args[0])
            scalar = args[0] in (str, int, bool)

            def dec_seq(v: Any) -> Any:
                if type(v) is not list:
                    raise _fail("list", v)
                if scalar:
                    for x in v:
                        if type(x) is not args[0]:
                            raise _fail(args[0].__name__, x)
                    return make(v)
                return make([item(x) for x in v])
            return dec_seq
        items = [decoder(a) for a in args]
        if args == (str, str):
            def dec_pair(v: Any) -> tuple[Any, ...]:
                if type(v) is not list or len(v) != 2 or type(v[0]) is not str or type(v[1]) is not str:
                    raise _fail("a pair of texts", v)
                return (v[0], v[1])
            return dec_pair
        if len(items) == 3:
            d0, d1, d2 = items

            def dec_triple(v: Any) -> tuple[Any, ...]:
                if type(v) is not list or len(v) != 3:
                    raise _fail("list of 3", v)
                return (d0(v[0]), d1(v[1]), d2(v[2]))
            return dec_triple

        def dec_fixed(v: Any) -> tuple[Any, ...]:
            if type(v) is not list or len(v) != len(items):
                raise _fail(f"list of {len(items)}", v)
            return tuple([d(x) for d, x in zip(items, v)])
        return dec_fixed
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return _record_decoder(tp)
    raise TypeError(f"no decoder for {tp!r}")


def _record_decoder(cls: type) -> Decoder:
    hints = typing.get_type_hints(cls)
    names = tuple(f.name for f in dataclasses.fields(cls))
    count = len(names)
    # fields of one plain type are checked in a tight loop; only the others call a decoder
    plain: dict[type, list[int]] = {}
    other: list[tuple[int, Decoder]] = []

    def dec_record(v: Any) -> Any:
        if type(v) is not list or len(v) != count:
            raise _fail(f"{cls.__name__} ({count} fields)", v)
        for kind, where in plain_items:
            for i in where:
                if type(v[i]) is not kind:
                    raise _fail(f"{cls.__name__}.{names[i]}: {kind.__name__}", v[i])
        if other:
            v = list(v)
            for i, dec in other:
                v[i] = dec(v[i])
        new = object.__new__(cls)
        # the records are frozen dataclasses without __post_init__: setting the checked
        # fields directly builds the same object as __init__, several times faster
        new.__dict__.update(zip(names, v))
        return new

    _DECODERS[cls] = dec_record  # before the fields: a record may hold its own class
    for i, name in enumerate(names):
        tp = hints[name]
        if tp in (str, int, bool):
            plain.setdefault(tp, []).append(i)
        else:
            other.append((i, decoder(tp)))
    plain_items = [(k, tuple(w)) for k, w in plain.items()]
    return dec_record


def _encode(obj: Any) -> Any:
    if obj is None or type(obj) in (str, int, float, bool):
        return obj
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return [_encode(getattr(obj, name)) for name in field_names(type(obj))]
    if isinstance(obj, (list, tuple)):
        return [_encode(x) for x in obj]
    if isinstance(obj, dt.date) and not isinstance(obj, dt.datetime):
        return obj.isoformat()
    if isinstance(obj, bytes):
        return base64.b64encode(obj).decode("ascii")
    raise TypeError(f"cannot store a {type(obj).__name__} in the cache")


def _shapes() -> dict[str, Any]:
    from ..ingest import IngestResult
    from ..models import ErrorRecord, Statement
    from .runmemo import StoredReplay

    output = tuple[IngestResult, tuple[Statement, ...], tuple[ErrorRecord, ...]]
    return {"outputs": list[output], "replay": StoredReplay}  # type: ignore[valid-type]


_SHAPES: dict[str, Any] | None = None


def shapes() -> dict[str, Any]:
    """The closed set of value shapes the cache stores: a file's outputs, a run's replay."""
    global _SHAPES
    if _SHAPES is None:
        _SHAPES = _shapes()
    return _SHAPES


def _shape_of(value: Any) -> str:
    from .runmemo import StoredReplay

    return "replay" if isinstance(value, StoredReplay) else "outputs"


def dumps(value: Any) -> bytes:
    """A value of one of the shapes as JSON bytes."""
    return orjson.dumps([_shape_of(value), _encode(value)])


def loads(blob: Any) -> Any:
    """The value ``blob`` holds; :class:`Undecodable` when it is not exactly a known shape."""
    if not isinstance(blob, (bytes, str)):
        raise Undecodable(f"a {type(blob).__name__} row")
    try:
        data = orjson.loads(blob)
    except orjson.JSONDecodeError as exc:
        raise Undecodable(f"not JSON: {exc}") from None
    if type(data) is not list or len(data) != 2 or type(data[0]) is not str or data[0] not in shapes():
        raise Undecodable("not a claimcheck cache value")
    return decoder(shapes()[data[0]])(data[1])
