"""A safe YAML loader that remembers where every node came from and refuses duplicate keys.

PyYAML's SafeLoader silently keeps the last of two equal keys and turns ``2020-06-11`` into a
``date``; rule and config files need neither. Mappings load as :class:`LocDict` (a dict with
``loc`` = (line, col) of the mapping and ``key_locs`` per key), lists as :class:`LocList`.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

import yaml


class LocDict(dict):
    loc: tuple[int, int] = (1, 1)
    key_locs: dict[str, tuple[int, int]]


class LocList(list):
    loc: tuple[int, int] = (1, 1)


class YamlProblem(Exception):
    """A problem at a position in a YAML file: ``path:line:col: message``."""

    def __init__(self, path: str, line: int, col: int, message: str):
        super().__init__(f"{path}:{line}:{col}: {message}")
        self.path, self.line, self.col, self.message = path, line, col, message


#: libyaml's parser when PyYAML was built with it (about 10x faster; node marks are the same)
_Base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):  # type: ignore[misc, valid-type]
    pass


def _no_timestamps(loader: _Loader, node: yaml.Node) -> str:
    return loader.construct_scalar(node)  # type: ignore[arg-type]


def _mapping(loader: _Loader, node: yaml.MappingNode) -> LocDict:
    result = LocDict()
    result.loc = (node.start_mark.line + 1, node.start_mark.column + 1)
    result.key_locs = {}
    loader.flatten_mapping(node)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        pos = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
        if not isinstance(key, (str, int, float, bool)) or key is None:
            raise YamlProblem(loader.name, *pos, "mapping keys must be plain scalars")
        if key in result:
            first = result.key_locs.get(str(key), pos)
            raise YamlProblem(loader.name, *pos, f"duplicate key '{key}' (first at line {first[0]})")
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_locs[str(key)] = pos
    return result


def _sequence(loader: _Loader, node: yaml.SequenceNode) -> LocList:
    result = LocList(loader.construct_object(child, deep=True) for child in node.value)
    result.loc = (node.start_mark.line + 1, node.start_mark.column + 1)
    return result


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _no_timestamps)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _sequence)


#: Values that aliases may add to a document once expanded, and how deep it may nest: "billion
#: laughs" (aliases of aliases, 560 bytes) would otherwise build, validate and print a structure
#: of billions of values. A long file without aliases (a config listing 200,000 files) is fine.
MAX_NODES = 200_000
MAX_DEPTH = 100
#: Largest rule or config file read (a config listing 200,000 files is about 10 MB).
MAX_FILE_BYTES = 64 * 1024 * 1024


def _check_size(node: yaml.Node, name: str) -> None:
    """Refuse a node graph too big or too deep once aliases are expanded, before any of it is
    constructed. Sizes are computed once per node (an alias is the same node object), so the
    check itself stays linear in the file."""
    sizes: dict[int, int] = {}
    unique = 0
    stack: list[tuple[yaml.Node, int, bool]] = [(node, 1, False)]
    while stack:
        current, depth, done = stack.pop()
        key = id(current)
        if key in sizes and not done:
            continue
        children: list[yaml.Node] = []
        if isinstance(current, yaml.MappingNode):
            for k, v in current.value:
                children.extend((k, v))
        elif isinstance(current, yaml.SequenceNode):
            children = list(current.value)
        if not done:
            unique += 1
            if depth > MAX_DEPTH:
                mark = current.start_mark
                raise YamlProblem(name, mark.line + 1, mark.column + 1, f"nested deeper than {MAX_DEPTH} levels")
            sizes[key] = -1                     # in progress (YAML cannot make a cycle of aliases)
            stack.append((current, depth, True))
            stack.extend((c, depth + 1, False) for c in children if id(c) not in sizes)
            continue
        total = 1 + sum(max(sizes.get(id(c), 1), 1) for c in children)
        if total - unique > MAX_NODES:
            mark = current.start_mark
            raise YamlProblem(name, mark.line + 1, mark.column + 1,
                              f"more than {MAX_NODES:,} values once aliases are expanded")
        sizes[key] = total


def loads(text: str, name: str = "<string>") -> Any:
    """Parse YAML text safely; raise :class:`YamlProblem` with the position of any error."""
    loader = None
    try:
        loader = _Loader(text)
        loader.name = name
        node = loader.get_single_node()
        if node is None:
            return None
        if "&" in text:                 # no anchor, no alias: nothing can expand
            _check_size(node, name)
        return loader.construct_document(node)
    except RecursionError:
        raise YamlProblem(name, 1, 1, "nested too deeply") from None
    except YamlProblem:
        raise
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise YamlProblem(name, line, col, f"YAML syntax error: {exc.problem or exc}") from None
    except yaml.YAMLError as exc:
        raise YamlProblem(name, 1, 1, f"YAML error: {exc}") from None
    finally:
        if loader is not None:
            loader.dispose()


def load_file(path: Path, display: str | None = None) -> Any:
    """Read and parse a YAML file (UTF-8, BOM allowed)."""
    name = display or str(path)
    # never blocks on a FIFO: a config or sidecar in a folder one did not make may be anything
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    with os.fdopen(fd, "rb") as fh:
        if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
            raise YamlProblem(name, 1, 1, "not a regular file")
        data = fh.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise YamlProblem(name, 1, 1, f"file larger than {MAX_FILE_BYTES // (1024 * 1024)} MB")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise YamlProblem(name, 1, 1, f"not UTF-8 text: {exc.reason}") from None
    return loads(text, name)


def loc_of(obj: Any, key: str | None = None) -> tuple[int, int]:
    """Line and column of a loaded mapping/list, or of one of its keys."""
    if key is not None and isinstance(obj, LocDict):
        return obj.key_locs.get(key, obj.loc)
    return getattr(obj, "loc", (1, 1))
