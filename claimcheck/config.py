"""Corpus configuration: an optional claimcheck.yaml at a scanned folder root, and FILE.meta.yaml sidecars.

``load_corpus_config(root)`` returns a frozen :class:`CorpusConfig` (empty when there is no
claimcheck.yaml); ``load_sidecar(path)`` returns the overrides of one sidecar. Both collect every
problem (YAML syntax, duplicate key, unknown key with a suggestion, wrong type, bad kind, bad
date) and raise :class:`~claimcheck.errors.ConfigError` with ``path:line:col: message`` lines.
Keys of claimcheck.yaml: ``focus``, ``aliases``, ``people``, ``documents`` (glob -> overrides),
``ignore`` (globs of files that are not evidence, e.g. a README; skipped with that reason) and
``file_timeout`` (seconds a file may take before its worker is stopped; the scan root's counts).
A claimcheck.yaml in a subfolder applies to that subtree. Dates in the returned overrides are already :class:`~claimcheck.models.DateValue` objects whose
``source`` says where they came from ("config" or "sidecar").
"""

from __future__ import annotations

import difflib
import fnmatch
import functools
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

import yaml

from . import _yaml
from .dates import parse_date_value
from .errors import ConfigError, Problem
from .models import DOC_KINDS

CONFIG_NAME = "claimcheck.yaml"
SIDECAR_SUFFIXES = (".meta.yaml", ".meta.yml")

#: keys a per-file override (sidecar, or a ``documents:`` entry) may set
META_KEYS = ("date", "kind", "source", "publisher", "author", "organization", "title")
CONFIG_KEYS = ("focus", "aliases", "people", "documents", "ignore", "file_timeout")


@dataclass(frozen=True)
class CorpusConfig:
    """What claimcheck.yaml says about a folder; every field empty when there is no file."""

    root: Path | None = None
    path: str = ""                                           # display path of claimcheck.yaml
    focus: str = ""
    aliases: tuple[tuple[str, tuple[str, ...]], ...] = ()    # (canonical, (alias, ...))
    people: tuple[tuple[str, str], ...] = ()                 # (person, organization)
    documents: tuple[tuple[str, Mapping[str, Any]], ...] = field(default=())  # (glob, overrides)
    ignore: tuple[str, ...] = ()                             # globs of files that are not evidence
    file_timeout: float | None = None                        # seconds a file may take (0: no limit)

    def alias_pairs(self) -> tuple[tuple[str, str], ...]:
        """(alias, canonical) pairs, the canonical name included as its own alias."""
        out: list[tuple[str, str]] = []
        for canonical, names in self.aliases:
            out.append((canonical, canonical))
            out.extend((name, canonical) for name in names)
        return tuple(out)

    def organization_for(self, name_or_domain: str) -> str:
        """Canonical organization whose aliases include ``name_or_domain`` (a name or an e-mail
        domain; "mail.contoso.com" matches alias "contoso.com"), else ""."""
        key = name_or_domain.strip().lower().rstrip(".")
        if not key:
            return ""
        for canonical, names in self.aliases:
            for alias in (canonical, *names):
                a = alias.strip().lower()
                if key == a or ("." in a and key.endswith("." + a)):
                    return canonical
        return ""

    def ignores(self, relpath: str) -> bool:
        """True when an ``ignore:`` glob matches ``relpath`` (relative to the config's folder)."""
        return bool(self.ignore) and bool(self._ignore_globs.matches(relpath))

    def meta_for(self, relpath: str) -> dict[str, Any]:
        """Overrides from every ``documents:`` glob matching ``relpath`` (later entries win)."""
        out: dict[str, Any] = {}
        if self.documents:
            for n in self._document_globs.matches(relpath):
                out.update(self.documents[n][1])
        return out

    # compiled once per config (not once per file and glob: fnmatch's own cache holds 32,768
    # patterns, so 200,000 globs were compiled again for every file)
    @functools.cached_property
    def _ignore_globs(self) -> "_Globs":
        return _Globs(self.ignore)

    @functools.cached_property
    def _document_globs(self) -> "_Globs":
        return _Globs(pattern for pattern, _ in self.documents)


_WILDCARD = re.compile(r"[*?\[]")


class _Globs:
    """A list of globs matched against relative paths, each compiled at most once.

    A glob matches the whole relative path; "**/x.txt" also matches "x.txt" at the root; a glob
    without "/" also matches the file name anywhere. Globs without wildcards (the common case of a
    long ``documents:`` list) are looked up in dictionaries instead of being compiled."""

    def __init__(self, patterns: Any):
        self.exact: dict[str, list[int]] = {}       # literal relative path -> glob indexes
        self.names: dict[str, list[int]] = {}       # literal bare name -> glob indexes
        self.wild: list[tuple[int, Any, Any, Any]] = []  # (index, path regex, '**/'-less regex, name regex)
        for n, raw in enumerate(patterns):
            pattern = raw.strip()
            if pattern.startswith("./"):
                pattern = pattern[2:]
            bare = "/" not in pattern
            if not _WILDCARD.search(pattern):
                self.exact.setdefault(pattern, []).append(n)
                if bare:
                    self.names.setdefault(pattern, []).append(n)
                continue
            if pattern.startswith("**/") and not _WILDCARD.search(pattern[3:]):
                self.exact.setdefault(pattern[3:], []).append(n)
            full = re.compile(fnmatch.translate(pattern))
            alt = re.compile(fnmatch.translate(pattern[3:])) if pattern.startswith("**/") else None
            self.wild.append((n, full, alt, full if bare else None))

    def matches(self, relpath: str) -> list[int]:
        """Indexes of the globs matching ``relpath``, in order."""
        found = set(self.exact.get(relpath, ()))
        name = relpath.rsplit("/", 1)[-1]
        found.update(self.names.get(name, ()))
        for n, full, alt, by_name in self.wild:
            if n in found:
                continue
            if full.match(relpath) or (alt is not None and alt.match(relpath)) \
                    or (by_name is not None and by_name.match(name)):
                found.add(n)
        return sorted(found)


def is_metadata_file(name: str) -> bool:
    """True for claimcheck.yaml and FILE.meta.yaml sidecars (accounted for as skipped)."""
    low = name.lower()
    return low in (CONFIG_NAME, "claimcheck.yml") or low.endswith(SIDECAR_SUFFIXES)


def sidecar_for(path: Path, listing: set[str] | None = None) -> Path | None:
    """The sidecar of ``path`` if one exists: ``FILE.meta.yaml`` next to ``FILE`` (whatever kind
    of file it is: the caller checks it with :func:`link_problem`). ``listing`` (the names in
    ``path``'s folder, when the caller has listed it) spares a stat per suffix."""
    for suffix in SIDECAR_SUFFIXES:
        if listing is not None and path.name + suffix not in listing:
            continue
        candidate = path.with_name(path.name + suffix)
        if os.path.lexists(candidate):
            return candidate
    return None


class _Problems:
    def __init__(self, display: str):
        self.display = display
        self.items: list[Problem] = []

    def add(self, loc: tuple[int, int], message: str) -> None:
        self.items.append(Problem(self.display, loc[0], loc[1], message))


def _suggest(key: str, known: tuple[str, ...]) -> str:
    close = difflib.get_close_matches(str(key), known, n=1, cutoff=0.6)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    return f"unknown key '{key}'{hint}; known keys: {', '.join(known)}"


def _check_meta(obj: Any, probs: _Problems, *, date_source: str, where: str = "") -> dict[str, Any]:
    """Validate one override mapping; return it normalized (date -> DateValue, source -> publisher)."""
    out: dict[str, Any] = {}
    if not isinstance(obj, dict):
        probs.add(_yaml.loc_of(obj), f"{where}expected a mapping of {', '.join(META_KEYS)}")
        return out
    for key, value in obj.items():
        loc = _yaml.loc_of(obj, str(key))
        if key not in META_KEYS:
            probs.add(loc, where + _suggest(str(key), META_KEYS))
            continue
        if key == "date":
            if isinstance(value, (int, str)) and not isinstance(value, bool):
                dv = parse_date_value(str(value), source=date_source)
                if dv is None:
                    probs.add(loc, f"{where}bad date '{value}': use YYYY-MM-DD, YYYY-MM, YYYY or START/END")
                else:
                    out["date"] = dv
            else:
                probs.add(loc, f"{where}'date' must be a date string like 2020-06-11")
            continue
        if not isinstance(value, str) or not value.strip():
            probs.add(loc, f"{where}'{key}' must be a non-empty string")
            continue
        if key == "kind":
            if value not in DOC_KINDS:
                close = difflib.get_close_matches(value, DOC_KINDS, n=1)
                hint = f" (did you mean '{close[0]}'?)" if close else ""
                probs.add(loc, f"{where}bad kind '{value}'{hint}; one of: {', '.join(DOC_KINDS)}")
                continue
        out["publisher" if key == "source" else key] = value.strip()
    return out


def _load_yaml(path: Path, display: str, probs: _Problems) -> Any:
    try:
        return _yaml.load_file(path, display)
    except _yaml.YamlProblem as exc:
        probs.add((exc.line, exc.col), exc.message)
    except yaml.YAMLError as exc:      # e.g. a control character: raised before _yaml's own handling
        mark = getattr(exc, "problem_mark", None)
        probs.add((mark.line + 1, mark.column + 1) if mark else (1, 1), f"YAML error: {exc}")
    except OSError as exc:
        probs.add((1, 1), f"cannot read: {exc.strerror or exc}")
    return None


def inside(path: Path | str, root: Path | str) -> bool:
    """True when ``path`` (already resolved) is ``root`` (already resolved) or lies under it."""
    path, root = os.fspath(path), os.fspath(root)
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def link_problem(path: Path, root: Path | None, *, follow_symlinks: bool = False) -> str:
    """Why ``path`` may not be read as a document, config or sidecar ("" when it may).

    A symbolic link is read only with ``follow_symlinks``, and then only when it resolves to a
    regular file under ``root`` (resolved): a leak unpacked with ``tar`` or ``unzip`` can hold
    links to the reader's own files. FIFOs, devices and sockets are never read."""
    try:
        st = os.lstat(path)
    except OSError as exc:
        return f"cannot stat: {exc.strerror or exc}"
    if stat.S_ISLNK(st.st_mode):
        real = os.path.realpath(path)
        if root is not None and not inside(real, os.path.realpath(root)):
            return "symbolic link pointing outside the scanned folder (never followed)"
        if not follow_symlinks:
            return "symbolic link (not followed; --follow-symlinks reads links that stay inside the folder)"
        try:
            st = os.stat(real)
        except OSError:
            return "broken symbolic link"
    if not stat.S_ISREG(st.st_mode):
        return "not a regular file"
    return ""


def config_path_in(folder: Path) -> Path | None:
    """The claimcheck.yaml (or .yml) in ``folder``, whatever kind of file it is; None if none."""
    for name in (CONFIG_NAME, "claimcheck.yml"):
        candidate = Path(folder) / name
        if os.path.lexists(candidate):
            return candidate
    return None


#: The last config file parsed, by (device, inode, mtime, size): its YAML, only read afterwards.
_PARSED: dict[tuple[str, int, int, int], Any] = {}


def load_corpus_config(root: Path, *, display: str | None = None, path: Path | str | None = None,
                       follow_symlinks: bool = False) -> CorpusConfig:
    """Load ``root/claimcheck.yaml`` (or ``path``, a ``--config`` file whose globs are relative to
    ``root``); an empty config (with ``root`` set) when there is none. A claimcheck.yaml that is a
    symbolic link is read only under the rules of :func:`link_problem`."""
    root = Path(root)
    if path is None:
        found = config_path_in(root)
        if found is None:
            return CorpusConfig(root=root)
        why = link_problem(found, root, follow_symlinks=follow_symlinks)
        if why:
            raise ConfigError([Problem(display or str(found), 1, 1,
                                       f"{why}; name the file with --config to use it")])
        path = Path(os.path.realpath(found)) if follow_symlinks else found
    path = Path(path)
    try:
        st = path.stat()
    except OSError as exc:
        raise ConfigError([Problem(display or str(path), 1, 1, f"cannot read: {exc.strerror or exc}")]) from None
    if not stat.S_ISREG(st.st_mode):
        raise ConfigError([Problem(display or str(path), 1, 1, "not a regular file")])
    shown = display or str(path)
    probs = _Problems(shown)
    # the pipeline and the walk both read the root's config: a long one is parsed once per run
    key = (st.st_dev, st.st_ino, st.st_mtime_ns, st.st_size)
    data = _PARSED.get(key)
    if data is None:
        data = _load_yaml(path, shown, probs)
        if not probs.items and data is not None:
            _PARSED.clear()
            _PARSED[key] = data
    if probs.items:
        raise ConfigError(probs.items)
    if data is None:
        return CorpusConfig(root=root, path=shown)
    if not isinstance(data, dict):
        raise ConfigError([Problem(shown, *_yaml.loc_of(data), f"expected a mapping with keys {', '.join(CONFIG_KEYS)}")])
    focus = ""
    aliases: list[tuple[str, tuple[str, ...]]] = []
    people: list[tuple[str, str]] = []
    documents: list[tuple[str, Mapping[str, Any]]] = []
    ignore: list[str] = []
    file_timeout: float | None = None
    for key, value in data.items():
        loc = _yaml.loc_of(data, str(key))
        if key not in CONFIG_KEYS:
            probs.add(loc, _suggest(str(key), CONFIG_KEYS))
        elif key == "focus":
            if isinstance(value, str) and value.strip():
                focus = value.strip()
            elif value is not None:
                probs.add(loc, "'focus' must be an organization name (a string)")
        elif value is None:
            continue
        elif key == "file_timeout":
            if isinstance(value, (int, float)) and not isinstance(value, bool) and 0 <= value <= 86_400:
                file_timeout = float(value)
            else:
                probs.add(loc, "'file_timeout' must be a number of seconds from 0 (no limit) to 86400")
        elif key == "ignore":
            items = [value] if isinstance(value, str) else value
            if not isinstance(items, list) or not all(isinstance(x, str) and x.strip() for x in items):
                probs.add(loc, "'ignore' must be a list of file globs (e.g. [README.md, \"drafts/*\"])")
            else:
                ignore = [x.strip() for x in items]
        elif not isinstance(value, dict):
            probs.add(loc, f"'{key}' must be a mapping")
        elif key == "aliases":
            for canonical, names in value.items():
                cloc = _yaml.loc_of(value, str(canonical))
                if isinstance(names, str):
                    names = [names]
                if names is None:
                    names = []
                if not isinstance(names, list) or not all(isinstance(n, str) and n.strip() for n in names):
                    probs.add(cloc, f"aliases of '{canonical}' must be a list of strings")
                    continue
                aliases.append((str(canonical), tuple(n.strip() for n in names)))
        elif key == "people":
            for person, org in value.items():
                if not isinstance(org, str) or not org.strip():
                    probs.add(_yaml.loc_of(value, str(person)), f"organization of '{person}' must be a string")
                    continue
                people.append((str(person), org.strip()))
        elif key == "documents":
            for pattern, overrides in value.items():
                where = f"documents['{pattern}']: "
                meta = _check_meta(overrides, probs, date_source="config", where=where)
                if not isinstance(overrides, dict):
                    continue
                documents.append((str(pattern), meta))
    if probs.items:
        raise ConfigError(probs.items)
    return CorpusConfig(root=root, path=shown, focus=focus, aliases=tuple(aliases),
                        people=tuple(people), documents=tuple(documents), ignore=tuple(ignore),
                        file_timeout=file_timeout)


def sidecar_problems(path: Path, *, display: str | None = None) -> tuple[dict[str, Any], list[Problem]]:
    """Load a sidecar, returning (overrides, problems) without raising."""
    shown = display or str(path)
    probs = _Problems(shown)
    data = _load_yaml(Path(path), shown, probs)
    if probs.items:
        return {}, probs.items
    if data is None:
        return {}, []
    meta = _check_meta(data, probs, date_source="sidecar")
    return meta, probs.items


def load_sidecar(path: Path, *, display: str | None = None) -> dict[str, Any]:
    """Overrides from a ``FILE.meta.yaml`` sidecar; raise ConfigError listing every problem."""
    meta, problems = sidecar_problems(Path(path), display=display)
    if problems:
        raise ConfigError(problems)
    return meta
