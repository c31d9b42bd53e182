"""Persistent per-file cache of ingest + extract results (SQLite, never inside a scanned folder).

One row per file: the key is the sha256 of the file's bytes, its display path, the extractor
fingerprint (versions of claimcheck, model and rules) and the ingest options; the value is the
file's IngestResult (documents with ``text`` stripped: nothing after extraction reads it), its
statements and its extraction errors.

The key also holds a hash of claimcheck's own source files (report/ aside), so a development
checkout never reuses results of code that has since changed; a release changes it only on
upgrade. Values are data, never code: JSON through the record types (:mod:`claimcheck.runtime.codec`),
so a cache shared between users or restored in CI cannot run anything; a row that is not exactly
what claimcheck writes (foreign, damaged, tampered) is a miss, reported once per run, dropped and
recomputed. A schema fingerprint of every record class (field names and types) and the
claimcheck version are part of the key, so a changed record layout never meets an old row. The
database lives in the user's own cache directory (or ``--cache DIR``), created private to the
user (0700); a cache directory inside a scanned folder is refused.

Concurrency: WAL journal and a busy timeout, so two runs sharing a cache both finish; each run
writes in short transactions. A corrupt or unreadable database file is moved aside and rebuilt
with a warning; the cache is an optimisation and never stops a run.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import sqlite3
import time
from pathlib import Path
from typing import Any, Iterable, Sequence

from .. import __version__
from ..errors import ClaimcheckError
from . import codec

#: Bump when the layout of the table or of the stored value changes (2: JSON, was pickle).
CACHE_FORMAT = 2
DB_NAME = "claimcheck-cache.sqlite3"
BUSY_TIMEOUT_MS = 60_000
_SQL_VARS = 500  # keys per SELECT ... IN (...) (SQLite's variable limit is 999 on old builds)


class CacheLocationError(ClaimcheckError):
    """The cache directory would be inside a folder being scanned."""


def default_cache_dir() -> Path:
    """The per-user cache directory (platformdirs), e.g. ~/.cache/claimcheck on Linux."""
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("claimcheck", appauthor=False))


def _records_schema() -> str:
    """Field names and types of every record class a cached value holds."""
    from .. import models

    parts = [f"format={CACHE_FORMAT}", f"claimcheck={__version__}"]
    classes: list[Any] = [
        obj for obj in vars(models).values()
        if isinstance(obj, type) and dataclasses.is_dataclass(obj) and obj.__module__ == models.__name__
    ]
    try:  # IngestResult is stored too; its layout belongs in the fingerprint
        from ..ingest import IngestResult

        classes.append(IngestResult)
    except ImportError:  # pragma: no cover - ingest not importable yet
        pass
    parts.append(f"code={_code_digest()}")
    for cls in sorted(classes, key=lambda c: c.__qualname__):
        if dataclasses.is_dataclass(cls):
            fields = ",".join(f"{f.name}:{f.type}" for f in dataclasses.fields(cls))
        else:  # NamedTuple or similar
            fields = ",".join(getattr(cls, "_fields", ()))
        parts.append(f"{cls.__qualname__}({fields})")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


#: Modules that run after extraction (or never in a scan): changing them cannot change a file's
#: cached documents and statements, so they are not part of the per-file key. The whole-run memo
#: (runmemo.py) hashes every module.
_AFTER_EXTRACTION = ("report/", "corpus/", "align.py", "detect/", "cli/", "pipeline.py", "runtime/runmemo.py",
                     "runtime/watch.py", "evaluate/", "baseline.py", "rulecheck.py", "__main__.py")


def source_digest(root: Path | None = None, *, skip: tuple[str, ...] = ()) -> str:
    """Hash of the package's modules (relative path and bytes), leaving out paths under ``skip``."""
    root = root or Path(__file__).resolve().parent.parent  # the claimcheck package
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*.py")):
        rel = path.relative_to(root).as_posix()
        if skip and rel.startswith(skip):
            continue
        digest.update(rel.encode() + b"\0")
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"unreadable")
    return digest.hexdigest()


def _code_digest(root: Path | None = None) -> str:
    """Hash of the source that makes a file's cached value (readers, extractor, models...): a
    changed reader or extractor in a development checkout must not be served results cached by
    the previous code."""
    return source_digest(root, skip=_AFTER_EXTRACTION)[:16]


_SCHEMA: str | None = None


def records_schema() -> str:
    """Memoized :func:`_records_schema`."""
    global _SCHEMA
    if _SCHEMA is None:
        _SCHEMA = _records_schema()
    return _SCHEMA


def file_key(*, sha256: str, path: str, fingerprint: str, options: str = "") -> str:
    """The cache key of one file: content hash, display path, extractor and ingest options."""
    raw = "\x1f".join((records_schema(), sha256, path, fingerprint, options))
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def _busy(exc: BaseException) -> bool:
    """A lock held by another connection, which is not a damaged database."""
    return isinstance(exc, sqlite3.OperationalError) and any(
        w in str(exc).lower() for w in ("locked", "busy"))


def _inside(child: Path, parent: Path) -> bool:
    try:
        child.relative_to(parent)
        return True
    except ValueError:
        return False


def _private_dir(path: Path) -> None:
    """Create ``path`` (and missing parents) readable and writable by this user only. An existing
    directory is left as it is: the user chose it, and may share it on purpose."""
    if path.is_dir():
        return
    old = os.umask(0o077)
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
    finally:
        os.umask(old)


class Cache:
    """A SQLite key/value store of per-file results. Use as a context manager or call close()."""

    def __init__(self, directory: str | os.PathLike[str] | None = None, *,
                 scanned: Sequence[str | os.PathLike[str]] = ()) -> None:
        self.directory = Path(directory) if directory is not None else default_cache_dir()
        resolved = self.directory.expanduser().resolve()
        for root in scanned:
            root_path = Path(root).expanduser().resolve()
            base = root_path if root_path.is_dir() else root_path.parent
            if _inside(resolved, base):
                raise CacheLocationError(
                    f"cache directory {self.directory} is inside the scanned folder {base}"
                    f"{'' if root_path.is_dir() else f' (the folder of the scanned file {root})'}; "
                    "claimcheck never writes into an input folder: pick another --cache DIR")
        self.path = resolved / DB_NAME
        self.warnings: list[str] = []
        self.hits = 0
        self.misses = 0
        self._reported_bad = False
        self._conn: sqlite3.Connection | None = None
        self._open()

    # -- connection management -------------------------------------------------------------
    def _connect(self) -> sqlite3.Connection:
        _private_dir(self.path.parent)
        conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
                               check_same_thread=False)
        conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute(
            "CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, value BLOB NOT NULL, "
            "path TEXT NOT NULL, stored REAL NOT NULL)")
        # Touch the table so a file that is not a database fails here, not mid-run.
        conn.execute("SELECT count(*) FROM (SELECT 1 FROM entries LIMIT 1)").fetchone()
        return conn

    def _open(self) -> None:
        deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
        delay = 0.05
        while True:
            try:
                self._conn = self._connect()
                return
            except sqlite3.DatabaseError as exc:
                if not _busy(exc):
                    self._rebuild(exc)
                    return
                # another run holds the database (switching it to WAL, writing): that is not
                # damage, so wait for it; never move a database another process is using
                if time.monotonic() > deadline:
                    self.warnings.append(f"cache {self.path} stayed locked by another run; this run is uncached")
                    self._conn = None
                    return
                time.sleep(delay)
                delay = min(delay * 2, 1.0)

    def _rebuild(self, exc: BaseException) -> None:
        """Move a broken database aside and start an empty one; disable the cache if that fails."""
        self.warnings.append(f"cache {self.path} was unreadable ({exc}); rebuilt it empty")
        if self._conn is not None:
            try:
                self._conn.close()
            except sqlite3.Error:
                pass
            self._conn = None
        stamp = f"{os.getpid()}-{int(time.time())}"
        for suffix in ("", "-wal", "-shm"):
            victim = Path(str(self.path) + suffix)
            try:
                if victim.exists():
                    aside = victim.with_name(victim.name + f".corrupt-{stamp}")
                    os.replace(victim, aside)
                    aside.unlink()
            except OSError:
                pass
        try:
            self._conn = self._connect()
        except sqlite3.Error as exc2:  # still broken (e.g. read-only directory): run uncached
            self.warnings.append(f"cache disabled: {exc2}")
            self._conn = None

    def close(self) -> None:
        if self._conn is not None:
            try:
                self._conn.close()
            finally:
                self._conn = None

    def __enter__(self) -> "Cache":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def enabled(self) -> bool:
        return self._conn is not None

    # -- reads and writes ------------------------------------------------------------------
    def get_many(self, keys: Sequence[str]) -> dict[str, Any]:
        """Values found for ``keys``; rows that fail to load are dropped (and count as misses)."""
        found: dict[str, Any] = {}
        if self._conn is None or not keys:
            self.misses += len(keys)
            return found
        unique = list(dict.fromkeys(keys))
        bad: list[str] = []
        try:
            for i in range(0, len(unique), _SQL_VARS):
                chunk = unique[i:i + _SQL_VARS]
                marks = ",".join("?" * len(chunk))
                for key, blob in self._conn.execute(
                        f"SELECT key, value FROM entries WHERE key IN ({marks})", chunk):
                    try:
                        found[key] = codec.loads(blob)
                    except (codec.Undecodable, RecursionError, MemoryError):  # not ours: just a miss
                        bad.append(key)
        except sqlite3.DatabaseError as exc:
            if not _busy(exc):  # locked beyond the busy timeout: a miss, not damage
                self._rebuild(exc)
            found = {}
        if bad:
            self.delete(bad)
            if not self._reported_bad:
                self._reported_bad = True
                self.warnings.append(f"cache {self.path}: {len(bad)} entr{'y' if len(bad) == 1 else 'ies'} not written "
                                     "by this claimcheck (damaged or foreign) ignored and recomputed")
        self.hits += sum(1 for k in keys if k in found)
        self.misses += sum(1 for k in keys if k not in found)
        return found

    def get(self, key: str) -> Any | None:
        return self.get_many([key]).get(key)

    def put_many(self, items: Iterable[tuple[str, str, Any]]) -> None:
        """Store (key, display path, value) rows in one short transaction."""
        if self._conn is None:
            return
        now = time.time()
        rows = []
        for key, path, value in items:
            try:
                rows.append((key, codec.dumps(value), path, now))
            except (TypeError, ValueError):  # a value JSON cannot hold (lone surrogates): not stored
                continue
        if not rows:
            return
        try:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                self._conn.executemany(
                    "INSERT OR REPLACE INTO entries (key, value, path, stored) VALUES (?, ?, ?, ?)",
                    rows)
                self._conn.execute("COMMIT")
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
        except sqlite3.OperationalError as exc:  # locked beyond the busy timeout: skip storing
            self.warnings.append(f"cache write skipped: {exc}")
        except sqlite3.DatabaseError as exc:
            self._rebuild(exc)

    def put(self, key: str, path: str, value: Any) -> None:
        self.put_many([(key, path, value)])

    def delete(self, keys: Sequence[str]) -> None:
        if self._conn is None or not keys:
            return
        try:
            self._conn.executemany("DELETE FROM entries WHERE key = ?", [(k,) for k in keys])
        except sqlite3.DatabaseError:
            pass

    def prune(self, prefix: str, *, keep: int) -> None:
        """Drop all but the ``keep`` newest entries whose key starts with ``prefix``."""
        if self._conn is None:
            return
        try:
            self._conn.execute(
                "DELETE FROM entries WHERE key >= ? AND key < ? AND key NOT IN "
                "(SELECT key FROM entries WHERE key >= ? AND key < ? ORDER BY stored DESC LIMIT ?)",
                (prefix, prefix + "\uffff", prefix, prefix + "\uffff", keep))
        except sqlite3.DatabaseError:
            pass

    def __len__(self) -> int:
        if self._conn is None:
            return 0
        try:
            return int(self._conn.execute("SELECT count(*) FROM entries").fetchone()[0])
        except sqlite3.DatabaseError:
            return 0
