"""The walk: which files and folders a scan finds, with the claimcheck.yaml and sidecars that
apply to each, before any document is read (:func:`plan_paths`; :class:`WalkOptions` says what
it may follow). Reading what it found is :func:`claimcheck.ingest.read_file`."""

from __future__ import annotations

import dataclasses
import errno
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator, Sequence

from ..config import (
    CONFIG_NAME, CorpusConfig, config_path_in, is_metadata_file, link_problem, load_corpus_config, sidecar_for,
    sidecar_problems,
)
from ..errors import ConfigError, Problem
from .base import display_path


@dataclass(frozen=True)
class WalkOptions:
    """What the walk may read beyond the plain files under each scanned folder (issue 19).

    By default a leak cannot reach out of its folder or steer the analysis: symbolic links are
    skipped, and only the claimcheck.yaml at a scanned folder's root (or ``config``) and the
    sidecars beside the files at that root are used. ``follow_symlinks`` reads a link that
    resolves to a regular file under the resolved scanned folder (never one outside it);
    ``nested_configs`` applies claimcheck.yaml files and sidecars found deeper (a broken one
    fails the files it describes, not the scan)."""

    follow_symlinks: bool = False
    nested_configs: bool = False
    config: str | None = None        # --config: used instead of each root's claimcheck.yaml


NOT_NESTED = "not used: below the scan root (--nested-configs applies it)"


@dataclass(frozen=True)
class _Entry:
    path: Path                 # absolute
    display: str
    root: Path
    config: CorpusConfig
    relpath: str               # unescaped relative path, for globs
    status: str = ""           # preset "skipped"/"failed" (walk problems) or "" to read
    reason: str = ""
    folder: Any = None         # (folder reader, [entries]) when a folder reader claims it
    given: str = ""            # the scanned path as the user gave it (prefix for config messages)
    real: Path | None = None   # what is opened when ``path`` is a followed symbolic link
    named: bool = False        # a file named on the command line (not found by a walk)


def _rel(path: Path, root: Path) -> str:
    try:
        rel = path.relative_to(root)
    except ValueError:
        rel = Path(path.name)
    text = rel.as_posix()
    return text if text != "." else path.name


def _walk(root: Path, start: Path, base_config: CorpusConfig, out: list[_Entry], *,
          problems: list[Problem] | None = None, prefix: str = "", walk: WalkOptions = WalkOptions(),
          broken: str = "") -> None:
    """Iterative, sorted walk that never follows directory symlinks, and file symlinks only as
    :class:`WalkOptions` allows (never out of the resolved ``root``).

    With ``walk.nested_configs`` a claimcheck.yaml in a subfolder applies to that subtree (the
    nearest one wins), so a folder of case folders can be scanned at once; a broken one fails
    every file of its subtree. Without it, such files are listed, skipped, and nothing more.
    """
    from . import FOLDER_READERS  # the package's registry, read when the walk runs

    real_root = os.path.realpath(root)
    stack: list[tuple[Path, CorpusConfig, str]] = [(start, base_config, broken)]
    while stack:
        folder, config, broken = stack.pop()
        nested = folder != root
        if nested and walk.nested_configs and not broken and config_path_in(folder) is not None:
            rel = _rel(folder, root)
            shown = display_path(f"{prefix}/{rel}/claimcheck.yaml" if prefix else f"{rel}/claimcheck.yaml")
            try:
                config = load_corpus_config(folder, display=shown, follow_symlinks=walk.follow_symlinks)
            except ConfigError as exc:
                broken = f"broken {shown}: {exc.problems[0]}"
                if len(exc.problems) > 1:
                    broken += f" (and {len(exc.problems) - 1} more problem(s))"
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: os.fsencode(e.name))
        except PermissionError:
            rel = _rel(folder, root)
            out.append(_Entry(folder, display_path(rel), root, config, rel, "failed", "permission denied (folder not readable)"))
            continue
        except OSError as exc:
            rel = _rel(folder, root)
            out.append(_Entry(folder, display_path(rel), root, config, rel, "failed", f"cannot list folder: {exc.strerror or exc}"))
            continue
        subdirs: list[tuple[Path, CorpusConfig, str]] = []
        for e in entries:
            p = Path(e.path)
            rel = _rel(p, root)
            shown = display_path(rel)
            try:
                if e.is_symlink():
                    try:
                        st = os.stat(p)
                    except OSError as exc:
                        why = "symbolic link loop" if exc.errno == errno.ELOOP else "broken symbolic link"
                        out.append(_Entry(p, shown, root, config, rel, "skipped", why))
                        continue
                    if stat.S_ISDIR(st.st_mode):
                        out.append(_Entry(p, shown, root, config, rel, "skipped", "symbolic link to a folder (not followed)"))
                        continue
                    why = link_problem(p, Path(real_root), follow_symlinks=walk.follow_symlinks)
                    if why:
                        out.append(_Entry(p, shown, root, config, rel, "skipped", why))
                        continue
                    out.append(_file_entry(p, shown, root, config, rel, nested=nested, walk=walk, broken=broken,
                                           real=Path(os.path.realpath(p))))
                    continue
                if e.is_dir(follow_symlinks=False):
                    if e.name.startswith("."):
                        out.append(_Entry(p, shown + "/", root, config, rel, "skipped", "hidden folder"))
                        continue
                    claimed = next((fr for pred, fr in FOLDER_READERS if _safe_pred(pred, p)), None)
                    if claimed is not None:
                        inner: list[_Entry] = []
                        _walk(root, p, config, inner, problems=problems, prefix=prefix, walk=walk, broken=broken)
                        out.append(_Entry(p, shown + "/", root, config, rel, folder=(claimed, inner)))
                        continue
                    subdirs.append((p, config, broken))
                    continue
                if not e.is_file(follow_symlinks=False):
                    out.append(_Entry(p, shown, root, config, rel, "skipped", "not a regular file"))
                    continue
            except OSError as exc:
                out.append(_Entry(p, shown, root, config, rel, "failed", f"cannot stat: {exc.strerror or exc}"))
                continue
            out.append(_file_entry(p, shown, root, config, rel, nested=nested, walk=walk, broken=broken))
        stack.extend(reversed(subdirs))
    # keep a global order by relative path bytes for determinism across nested calls
    out.sort(key=lambda en: os.fsencode(en.relpath))


def _file_entry(p: Path, shown: str, root: Path, config: CorpusConfig, rel: str, *, nested: bool,
                walk: WalkOptions, broken: str, real: Path | None = None) -> _Entry:
    """A file found by the walk; configs and sidecars below the root are not used unless asked."""
    name = p.name.lower()
    if broken:
        return _Entry(p, shown, root, config, rel, "failed", broken, real=real)
    if name in (CONFIG_NAME, "claimcheck.yml"):
        if nested and not walk.nested_configs:
            return _Entry(p, shown, root, config, rel, "skipped", f"claimcheck.yaml {NOT_NESTED}", real=real)
        if not nested and walk.config:
            return _Entry(p, shown, root, config, rel, "skipped", "claimcheck.yaml not used: --config given", real=real)
    elif is_metadata_file(name) and nested and not walk.nested_configs:
        return _Entry(p, shown, root, config, rel, "skipped", f"sidecar {NOT_NESTED}", real=real)
    return _Entry(p, shown, root, config, rel, real=real)


def _safe_pred(pred: Callable[[Path], bool], path: Path) -> bool:
    try:
        return bool(pred(path))
    except Exception:
        return False


def _root_config(folder: Path, shown: str, walk: WalkOptions, problems: list[Problem]) -> CorpusConfig:
    try:
        if walk.config:
            return load_corpus_config(folder, display=display_path(walk.config), path=Path(walk.config))
        return load_corpus_config(folder, display=shown, follow_symlinks=walk.follow_symlinks)
    except ConfigError as exc:
        problems.extend(exc.problems)
        return CorpusConfig(root=folder)


def _collect(paths: Sequence[str | Path], walk: WalkOptions = WalkOptions()) -> tuple[list[_Entry], list[Problem]]:
    entries: list[_Entry] = []
    problems: list[Problem] = []
    for raw in paths:
        given = Path(raw)
        absolute = Path(os.path.abspath(given))
        if absolute.is_dir() and not given.is_symlink():
            config = _root_config(absolute, display_path(f"{given.as_posix().rstrip('/')}/claimcheck.yaml"), walk, problems)
            found: list[_Entry] = []
            prefix = given.as_posix().rstrip("/")
            _walk(absolute, absolute, config, found, problems=problems, prefix=prefix, walk=walk)
            entries.extend(dataclasses.replace(en, given=prefix) for en in found)
        elif absolute.is_dir():
            entries.append(_Entry(absolute, display_path(given.as_posix()), absolute.parent, CorpusConfig(), given.as_posix(),
                                  "skipped", "symbolic link to a folder (not followed)"))
        elif os.path.lexists(absolute):
            # a file named on the command line is read even through a link: the user chose it
            parent = absolute.parent
            config = _root_config(parent, display_path(str((given.parent / "claimcheck.yaml").as_posix())), walk, problems)
            name = absolute.name
            real = Path(os.path.realpath(absolute)) if os.path.islink(absolute) else None
            entry = _Entry(absolute, display_path(name), parent, config, name, real=real, named=True)
            try:
                st = os.stat(absolute)
                if not stat.S_ISREG(st.st_mode):
                    entry = _Entry(absolute, display_path(name), parent, config, name, "skipped", "not a regular file")
            except OSError as exc:
                why = "symbolic link loop" if exc.errno == errno.ELOOP else f"cannot stat: {exc.strerror or exc}"
                entry = _Entry(absolute, display_path(name), parent, config, name, "skipped", why)
            entries.append(entry)
        else:
            entries.append(_Entry(absolute, display_path(given.as_posix()), absolute.parent, CorpusConfig(), given.as_posix(),
                                  "failed", "no such file or folder"))
    unique: list[_Entry] = []
    seen: set[Path] = set()
    for en in entries:                      # the same file given twice (or inside a given folder)
        if en.path in seen and not en.status:
            continue
        seen.add(en.path)
        unique.append(en)
    return unique, problems


def _flatten(entries: list[_Entry]) -> Iterator[_Entry]:
    for en in entries:
        if en.folder is not None:
            yield from _flatten(en.folder[1])
        else:
            yield en


def plan_paths(paths: Sequence[str | Path], *, walk: WalkOptions | None = None,
               ) -> tuple[list[_Entry], dict[Path, dict[str, Any]]]:
    """Walk ``paths`` and load configs and sidecars without reading any document (raises
    ConfigError for the root config). claimcheck.runtime.execute uses it to consult its cache before any
    file is parsed. A sidecar is used only when the walk would read it (see :class:`WalkOptions`);
    a broken one fails the file it describes, with the problem as the reason."""
    entries, problems = _collect(paths, walk or WalkOptions())
    if problems:
        raise ConfigError(problems)
    usable = {en.path: en for en in _flatten(entries) if not en.status and is_metadata_file(en.path.name)}
    sidecars: dict[Path, dict[str, Any]] = {}
    broken: dict[Path, str] = {}
    listings: dict[Path, set[str] | None] = {}  # one listing per folder instead of a stat per file
    for en in _flatten(entries):
        if en.status or is_metadata_file(en.path.name):
            continue
        folder = en.path.parent
        if folder not in listings:
            try:
                listings[folder] = set(os.listdir(folder))
            except OSError:
                listings[folder] = None
        side = sidecar_for(en.path, listings[folder])
        if side is None:
            continue
        side_entry = usable.get(side)
        if side_entry is None and (not en.named or link_problem(side, side.parent)):
            continue                # a sidecar the walk skipped (a link, below the root) says why itself
        rel = en.display.rsplit("/", 1)
        shown = (rel[0] + "/" if len(rel) == 2 else "") + display_path(side.name)
        if en.given:
            shown = f"{display_path(en.given)}/{shown}"
        elif en.path.parent != Path.cwd():
            shown = display_path(side.as_posix()) if Path(side).is_absolute() else shown
        meta, probs = sidecar_problems(side_entry.real or side if side_entry else side, display=shown)
        if probs:
            extra = f" (and {len(probs) - 1} more problem(s))" if len(probs) > 1 else ""
            broken[en.path] = f"broken sidecar {probs[0]}{extra}"
            continue
        sidecars[en.path] = meta
    if broken:
        entries = _mark_failed(entries, broken)
    return entries, sidecars


def _mark_failed(entries: list[_Entry], reasons: dict[Path, str]) -> list[_Entry]:
    out = []
    for en in entries:
        if en.folder is not None:
            en = dataclasses.replace(en, folder=(en.folder[0], _mark_failed(en.folder[1], reasons)))
        elif en.path in reasons:
            en = dataclasses.replace(en, status="failed", reason=reasons[en.path])
        out.append(en)
    return out
