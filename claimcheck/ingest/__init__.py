"""Ingest: walk files and folders, read each with the reader for its format, account for every file.

``ingest_paths`` streams one :class:`IngestResult` per file found (sorted, deterministic); each
file is "parsed", "skipped" (with reason) or "failed" (with reason and an ErrorRecord). A broken
claimcheck.yaml or sidecar raises ConfigError before anything is yielded. Readers come from the
modules in ``_READER_MODULES`` (see :mod:`claimcheck.ingest.base` for the contract). What the
walk finds, and which config and sidecars apply, is :mod:`.walk`; quoted e-mail copies are
matched in :mod:`.quotes`.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import importlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator, Sequence

from ..config import SIDECAR_SUFFIXES, CorpusConfig, inside, is_metadata_file
from ..models import DateValue, Document, ErrorRecord, FileRecord
from .defuse import defuse_documents
from .base import MAX_FILE_BYTES, FileTimeout, Malformed, ReadContext, Reader, Skip, display_path, time_limit
from .base import NotRegular as _NotRegular
from .base import open_regular as _open_regular
from .base import read_fd as _read_fd
from .quotes import dropped_quotes, quote_keys
from .walk import NOT_NESTED, WalkOptions, _Entry, _flatten, _rel, plan_paths

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

_READER_MODULES: tuple[str, ...] = ("text", "html", "email", "jsondoc", "pdf", "office", "chat", "social", "printed", "table")


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


__all__ = ["IngestResult", "ingest_paths", "dropped_quotes", "READERS", "FOLDER_READERS", "TEXT_SNIFFERS",
           "DEFAULT_MAX_FILE_BYTES", "DEFAULT_TIME_LIMIT", "quote_keys", "WalkOptions", "plan_paths", "ReadContext", "Skip", "Malformed", "read_file"]
