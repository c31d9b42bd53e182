"""Ingest: walk files and folders, read each with the reader for its format, account for every file.

``ingest_paths`` streams one :class:`IngestResult` per file found (sorted, deterministic); each
file is "parsed", "skipped" (with reason) or "failed" (with reason and an ErrorRecord). A broken
claimcheck.yaml or sidecar raises ConfigError before anything is yielded. Readers come from the
modules in ``_READER_MODULES`` (see :mod:`claimcheck.ingest.base` for the contract).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import errno
import functools
import hashlib
import importlib
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator, Mapping, Sequence

from ..config import (
    CONFIG_NAME, SIDECAR_SUFFIXES, CorpusConfig, config_path_in, inside, is_metadata_file, link_problem,
    load_corpus_config, sidecar_for, sidecar_problems,
)
from ..errors import ConfigError, Problem
from ..models import DateValue, Document, ErrorRecord, FileRecord
from .defuse import defuse_documents
from .base import MAX_FILE_BYTES, FileTimeout, Malformed, ReadContext, Reader, Skip, display_path, time_limit
from .base import NotRegular as _NotRegular
from .base import open_regular as _open_regular
from .base import read_fd as _read_fd

DEFAULT_MAX_FILE_BYTES = MAX_FILE_BYTES
DEFAULT_TIME_LIMIT = 30.0  # seconds per file, and per MB for files above 1 MB
_MB = 1024 * 1024


@dataclass(frozen=True)
class IngestResult:
    record: FileRecord
    documents: tuple[Document, ...]
    errors: tuple[ErrorRecord, ...] = ()
    #: (document id, :func:`quote_keys` value) once the documents' texts are emptied
    quote_keys: tuple[tuple[str, str], ...] = ()
    #: (person, organization) of the file's nearest claimcheck.yaml, for the corpus step
    #: (its ``focus`` is on each document)
    people: tuple[tuple[str, str], ...] = ()


FolderReader = Callable[[Path, CorpusConfig], "list[IngestResult]"]
TextSniffer = Callable[[str, ReadContext], "list[Document] | None"]

_READER_MODULES: tuple[str, ...] = ("text", "html", "email", "jsondoc", "pdf", "office", "chat", "printed")


def _load_registry() -> tuple[dict[str, Reader], list[tuple[Callable[[Path], bool], FolderReader]], list[TextSniffer]]:
    readers: dict[str, Reader] = {}
    folders: list[tuple[Callable[[Path], bool], FolderReader]] = []
    sniffers: list[TextSniffer] = []
    for name in _READER_MODULES:
        # a missing reader module is a packaging bug: let the ImportError surface
        module = importlib.import_module(f"{__name__}.{name}")
        for ext, reader in getattr(module, "READERS", {}).items():
            readers[ext.lower().lstrip(".")] = reader
        folders.extend(getattr(module, "FOLDER_READERS", []))
        sniffers.extend(getattr(module, "TEXT_SNIFFERS", []))
    return readers, folders, sniffers


READERS: dict[str, Reader] = {}
FOLDER_READERS: list[tuple[Callable[[Path], bool], FolderReader]] = []
TEXT_SNIFFERS: list[TextSniffer] = []
READERS_, FOLDER_READERS_, TEXT_SNIFFERS_ = _load_registry()
READERS.update(READERS_)
FOLDER_READERS.extend(FOLDER_READERS_)
TEXT_SNIFFERS.extend(TEXT_SNIFFERS_)
del READERS_, FOLDER_READERS_, TEXT_SNIFFERS_


def extension_of(name: str) -> str:
    """Lower-case extension without the dot ("" when none); ".tar.gz" style is not needed."""
    base = name.rsplit("/", 1)[-1]
    if "." not in base.lstrip("."):
        return ""
    return base.rsplit(".", 1)[-1].lower()


# --------------------------------------------------------------------------- walking

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


# --------------------------------------------------------------------------- reading one file

@functools.lru_cache(maxsize=64)
def _real_root(root: Path) -> str:
    return os.path.realpath(root)


def _inside_root(en: _Entry) -> bool:
    """The file found by the walk still resolves under the resolved scan root when it is read
    (the walk never enters a folder link, but a folder could be swapped for one since)."""
    return inside(os.path.realpath(en.real or en.path), _real_root(en.root))


def _human(n: int) -> str:
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):g} MB"
    if n >= 1024:
        return f"{n / 1024:g} KB"
    return f"{n} bytes"


def _result(en: _Entry, status: str, reason: str = "", docs: Sequence[Document] = (), sha: str = "",
            error: str = "") -> IngestResult:
    record = FileRecord(path=en.display, status=status, reason=reason,  # type: ignore[arg-type]
                        stage="ingest" if status == "failed" else "",
                        documents=tuple(d.id for d in docs), sha256=sha)
    errors = (ErrorRecord(en.display, error or reason, "ingest"),) if status == "failed" else ()
    return IngestResult(record, tuple(docs), errors, people=en.config.people if docs else ())


def read_file(en: _Entry, meta: dict[str, Any], *, date: DateValue | None, max_file_bytes: int,
              time_limit_s: float, known: tuple[str, int] | None = None) -> IngestResult:
    """Read one file with its reader; every outcome becomes an IngestResult, nothing raises.
    ``known``: the (sha256, size) of the file's bytes when the caller hashed them this run (used
    when the bytes read have that size: a file is hashed once per run)."""
    if en.status:
        return _result(en, en.status, en.reason)
    name = en.path.name
    if is_metadata_file(name):
        target = next((name[:-len(sfx)] for sfx in SIDECAR_SUFFIXES if name.lower().endswith(sfx)), "")
        if target and not (en.path.parent / target).exists():
            return _result(en, "skipped", f"metadata file for a missing file {display_path(target)!r}")
        return _result(en, "skipped", "metadata file")
    if name.startswith("."):
        return _result(en, "skipped", "hidden file")
    if en.config.ignore and en.config.ignores(_rel(en.path, en.config.root) if en.config.root else en.relpath):
        return _result(en, "skipped", "ignored by claimcheck.yaml")
    ext = extension_of(name)
    reader = READERS.get(ext)
    if reader is None:
        return _result(en, "skipped", f"unsupported extension .{ext}" if ext else "unsupported file type (no extension)")
    if not en.named and not _inside_root(en):
        return _result(en, "skipped", "resolves outside the scanned folder (a folder on its path is now a link)")
    try:
        fd, size = _open_regular(en.real or en.path)
        if size > max_file_bytes:
            os.close(fd)
            return _result(en, "skipped", f"file too large ({_human(size)}; limit {_human(max_file_bytes)})")
        if size == 0:       # nothing to read (and a /proc file, whose size is 0, is never read)
            os.close(fd)
            return _result(en, "skipped", "empty file", sha=hashlib.sha256(b"").hexdigest())
        data = _read_fd(fd, max_file_bytes)
    except _NotRegular as exc:
        return _result(en, "skipped", str(exc))
    except PermissionError:
        return _result(en, "failed", "permission denied")
    except OSError as exc:
        return _result(en, "failed", f"cannot read: {exc.strerror or exc}")
    if data is None:
        return _result(en, "skipped", f"file too large (limit {_human(max_file_bytes)})")
    sha = known[0] if known is not None and known[1] == len(data) else hashlib.sha256(data).hexdigest()
    if not data.strip():
        return _result(en, "skipped", "empty file", sha=sha)
    ctx = ReadContext(display=en.display, path=en.path, sha256=sha, config=en.config, meta=meta, date_override=date)
    # the limit stops pathological input, not big honest files: it grows with each MB past the first
    budget = time_limit_s * max(1.0, len(data) / _MB) if time_limit_s else 0
    try:
        with time_limit(budget):
            docs = reader(data, ctx)
    except Skip as exc:
        return _result(en, "skipped", str(exc) or "skipped by reader", sha=sha)
    except Malformed as exc:
        return _result(en, "failed", str(exc)[:500] or "malformed file", sha=sha)
    except FileTimeout:
        return _result(en, "failed", f"took longer than {budget:g} s", sha=sha)
    except PermissionError:
        return _result(en, "failed", "permission denied", sha=sha)
    except RecursionError:
        return _result(en, "failed", "too deeply nested to read", sha=sha)
    except MemoryError:
        return _result(en, "failed", "out of memory while reading", sha=sha)
    except Exception as exc:  # per-file isolation: one bad file never stops a run
        msg = f"{type(exc).__name__}: {exc}"[:500]
        return _result(en, "failed", f"could not read: {msg}", sha=sha)
    if not docs:
        return _result(en, "skipped", "no text found", sha=sha)
    docs, notes = defuse_documents(docs)
    return _result(en, "parsed", "; ".join(notes), docs=docs, sha=sha)


def _meta_for(en: _Entry, sidecars: dict[Path, dict[str, Any]]) -> dict[str, Any]:
    # `documents:` globs are relative to the folder of the claimcheck.yaml that applies
    rel = _rel(en.path, en.config.root) if en.config.root is not None else en.relpath
    meta = en.config.meta_for(rel)
    meta.update(sidecars.get(en.path, {}))
    return meta


def ingest_paths(paths: Sequence[str | Path], *, date: DateValue | None = None,
                 max_file_bytes: int = DEFAULT_MAX_FILE_BYTES,
                 time_limit: float = DEFAULT_TIME_LIMIT, walk: WalkOptions = WalkOptions()) -> Iterator[IngestResult]:
    """Stream one IngestResult per file found under ``paths`` (recursive, sorted).

    Raises ConfigError (every problem) for a broken root claimcheck.yaml (or ``--config``) before
    yielding; a broken sidecar or nested config fails the files it describes.
    ``date`` (the CLI's --date) overrides the document date of every file read.
    """
    entries, sidecars = plan_paths(paths, walk=walk)
    return _stream(entries, sidecars, date=date, max_file_bytes=max_file_bytes, time_limit_s=time_limit)


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


def _stream(entries: list[_Entry], sidecars: dict[Path, dict[str, Any]], *, date: DateValue | None,
            max_file_bytes: int, time_limit_s: float) -> Iterator[IngestResult]:
    for en in entries:
        if en.folder is not None:
            yield from _read_folder(en, sidecars, date=date, max_file_bytes=max_file_bytes, time_limit_s=time_limit_s)
            continue
        yield read_file(en, _meta_for(en, sidecars), date=date, max_file_bytes=max_file_bytes, time_limit_s=time_limit_s)


def _read_folder(en: _Entry, sidecars: dict[Path, dict[str, Any]], *, date: DateValue | None,
                 max_file_bytes: int, time_limit_s: float) -> Iterator[IngestResult]:
    """A folder claimed by a folder reader; files it does not account for are read normally."""
    reader, inner = en.folder
    files = list(_flatten(inner))
    try:
        with time_limit(time_limit_s * max(1, len(files))):
            results = list(reader(en.path, en.config))
    except FileTimeout:
        results = None
        reason = f"took longer than {time_limit_s * max(1, len(files)):g} s"
    except Exception as exc:
        results = None
        reason = f"could not read folder export: {type(exc).__name__}: {exc}"[:500]
    if results is None:
        for f in files:
            yield _result(f, "failed", reason)
        return
    seen = {r.record.path for r in results}
    for r in results:
        docs, notes = defuse_documents(r.documents)
        if notes:
            reason = "; ".join(x for x in (r.record.reason, *notes) if x)
            r = dataclasses.replace(r, documents=tuple(docs), record=dataclasses.replace(r.record, reason=reason))
        yield dataclasses.replace(r, people=en.config.people) if r.documents and not r.people else r
    for f in files:
        if f.display not in seen:
            yield read_file(f, _meta_for(f, sidecars), date=date, max_file_bytes=max_file_bytes, time_limit_s=time_limit_s)


# --------------------------------------------------------------------------- quoted duplicates

_WS = re.compile(r"\s+")
_QUOTE_MARKS = re.compile(r"^[ \t]*(?:>[ \t]?)+", re.M)


def _norm(text: str) -> str:
    return _WS.sub(" ", _QUOTE_MARKS.sub("", text)).strip().casefold()


def _day(doc: Document) -> dt.date | None:
    return doc.date.start if doc.date.known and doc.date.start == doc.date.end else None


def _fuzzy_same(a: str, b: str, *, strict: bool) -> bool:
    """Near-identical normalized texts; short texts must be identical ("line 1" vs "line 2")."""
    from rapidfuzz import fuzz

    if a == b:
        return True
    if min(len(a), len(b)) < 40:
        return False
    return fuzz.ratio(a, b) >= (95 if strict else 90)


def quote_keys(documents: Sequence[Document], *, chars: int | None = None) -> dict[str, str]:
    """What :func:`dropped_quotes` compares of each document with an author: its normalized text
    (its first ``chars`` characters), computed where the text still is, so that the documents
    can travel without it."""
    return {d.id: _norm(d.text[:chars] if chars else d.text) for d in documents if d.author.strip() and d.text}


def dropped_quotes(documents: Sequence[Document], *, keys: Mapping[str, str] | None = None) -> set[str]:
    """Ids of quoted-message documents whose original is also present.

    Match by Message-ID when both are known, else same author + same day + near-identical
    normalized text (an undated quote: same author + all but identical text). The same earlier
    message quoted in several replies, with no original in the folder, is kept once (the first
    by path and part). ``keys`` (id -> :func:`quote_keys` value) stand in for documents whose
    text was emptied.
    """
    norms: dict[str, str] = dict(keys or {})

    def norm(d: Document) -> str:
        if d.id not in norms:
            norms[d.id] = _norm(d.text)
        return norms[d.id]

    # candidates are bucketed by (author, day); fuzzy comparison only inside a bounded bucket,
    # exact comparison through a set otherwise, so thousands of replies stay near-linear
    buckets: dict[tuple[str, Any], list[Document]] = {}
    by_author: dict[str, list[Document]] = {}
    exact: set[tuple[str, Any, str]] = set()
    by_msgid: set[str] = set()

    def add(d: Document) -> None:
        author = d.author.strip().casefold()
        buckets.setdefault((author, _day(d)), []).append(d)
        by_author.setdefault(author, []).append(d)
        exact.add((author, _day(d), norm(d)))
        exact.add((author, "any", norm(d)))

    quotes = sorted((d for d in documents if d.quoted), key=lambda d: (d.path, d.part, d.id))
    # only a quote's author is ever looked up: the others' messages need no index
    authors = {q.author.strip().casefold() for q in quotes}
    for d in documents:
        if not d.quoted and d.author.strip():
            if d.author.strip().casefold() in authors:
                add(d)
            if d.message_id:
                by_msgid.add(d.message_id)
    dropped: set[str] = set()
    for q in quotes:
        author = q.author.strip().casefold()
        if q.message_id and q.message_id in by_msgid:
            dropped.add(q.id)
            continue
        if not author or not norm(q):
            continue
        day = _day(q)
        same = (author, day if day is not None else "any", norm(q)) in exact
        if not same:
            if day is not None:
                near = buckets.get((author, day), [])
            else:
                near = by_author.get(author, [])
            if len(near) <= _MAX_FUZZY_BUCKET:
                same = any(_fuzzy_same(norm(q), norm(c), strict=day is None) for c in near)
        if same:
            dropped.add(q.id)
        else:
            add(q)                      # kept: a later quote of the same message is dropped
    return dropped


_MAX_FUZZY_BUCKET = 300


__all__ = ["IngestResult", "ingest_paths", "dropped_quotes", "READERS", "FOLDER_READERS", "TEXT_SNIFFERS",
           "DEFAULT_MAX_FILE_BYTES", "DEFAULT_TIME_LIMIT", "quote_keys", "WalkOptions", "plan_paths", "ReadContext", "Skip", "Malformed", "read_file"]
