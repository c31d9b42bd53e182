"""Whole-run memo: re-scanning an unchanged folder with the same options replays the stored output.

Per-file caching (:mod:`claimcheck.runtime.cache`) spares the parse, but a re-run would still unpickle every
document's statements, align and detect over all of them and render the report: seconds on a big
folder. A fact-check queue re-runs the scan every time anything lands, so the whole result is
memoized too, keyed by everything the output depends on:

* the source of claimcheck (every module, renderers included), the model's name and version, the
  rules' digest;
* every file under the scanned paths that the scan would read: its relative path and the sha256 of
  its bytes (not its mtime: a touched file with the same bytes is the same input, an edited one is
  not); a file the scan skips unread is keyed by what the skip depends on, never read (a link it
  does not follow by its target's name, a file above the size limit by size and mtime);
* the scanned paths as given, and every option that shapes the output (format, filters,
  baseline file bytes, ``--fail-on``, ``--all``, ``--date``, ``--thorough``, ``--model``, rules
  folders). ``--jobs`` is not part of it: results are identical for any number of workers.

A hit writes the stored output, repeats the stored warnings and exits with the stored code. Any
change to any of the above is a miss, and the run goes through the pipeline as usual (still
served per file by the cache). Entries live in the cache database under ``run:`` keys; only the
newest :data:`MAX_RUNS` are kept.
"""

from __future__ import annotations

import hashlib
import os
import stat
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Sequence

from .hashes import FileHashes

if TYPE_CHECKING:
    from .cache import Cache

PREFIX = "run:"
#: Memoized runs kept in a cache (different folders or options); older ones are dropped.
MAX_RUNS = 8


@dataclass(frozen=True)
class Replay:
    """What a run printed: the rendered output, its warnings and its exit status."""

    output: str
    warnings: tuple[str, ...]
    exit_code: int


@lru_cache(maxsize=1)
def source_digest() -> str:
    """Hash of every module of the installed package (renderers included)."""
    from .cache import source_digest as digest

    return digest()


#: Files above this are skipped by the scan unread: the memo does not hash them either, it keys
#: them by size and modification time. It is ingest.DEFAULT_MAX_FILE_BYTES (a test keeps the two
#: equal), written out so that a memo hit does not import the readers.
MAX_FILE_BYTES = 50 * 1024 * 1024


def _skipped_unread(path: Path, *, follow_symlinks: bool, root: str) -> str:
    """What a file the scan skips without reading it is keyed by ("" for a file it reads): a link
    it does not follow by its target's name, a special file by its kind, a file above the size
    limit by size and mtime. Nothing here opens the file."""
    try:
        st = os.lstat(path)
        if stat.S_ISLNK(st.st_mode):
            real = os.path.realpath(path)
            if not follow_symlinks or not (real == root or real.startswith(root.rstrip(os.sep) + os.sep)):
                return "link:" + os.readlink(path)
            st = os.stat(real)
        if not stat.S_ISREG(st.st_mode):
            return "special"
        if st.st_size > MAX_FILE_BYTES:
            return f"large:{st.st_size}:{st.st_mtime_ns}"
    except OSError as exc:
        return f"unreadable:{exc.errno}"
    return ""


def inputs_digest(paths: Sequence[str | os.PathLike[str]], *, hashes: FileHashes | None = None,
                  follow_symlinks: bool = False) -> str:
    """Relative path and content hash of every file under ``paths`` that the scan would read
    (walk order sorted; see :func:`_skipped_unread` for the others). ``hashes`` keeps each file's
    hash for the rest of the run (the per-file cache keys)."""
    hashes = hashes or FileHashes()
    digest = hashlib.sha256()

    def state_of(path: Path, root: str) -> str:
        skipped = _skipped_unread(path, follow_symlinks=follow_symlinks, root=root)
        if skipped:
            return skipped
        found = hashes.get(path, MAX_FILE_BYTES)
        return found[0] if found is not None else "unreadable"

    for given in paths:
        root = Path(os.path.abspath(given))  # the paths ingest walks: one hash table for both
        real_root = os.path.realpath(root)
        digest.update(b"\x1droot\x1e" + os.fsencode(str(given)) + b"\x1e" + os.fsencode(real_root))
        if not os.path.isdir(root):     # a file named on the command line is read even through a link
            digest.update(b"\x1e" + state_of(root, real_root if os.path.islink(root) else "").encode())
            continue
        for folder, dirs, files in os.walk(root, onerror=lambda exc: digest.update(f"\x1dunlisted:{exc.errno}".encode())):
            dirs.sort()
            hidden = [d for d in dirs if d.startswith(".")]   # skipped by the scan whatever they hold
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            for name in hidden:
                rel = Path(folder, name).relative_to(root).as_posix()
                digest.update(b"\x1d" + rel.encode("utf-8", "surrogateescape") + b"\x1ehidden-folder")
            for name in sorted(files):
                path = Path(folder, name)
                if name.startswith("."):
                    state = "hidden"          # skipped by the scan whatever it holds
                else:
                    state = state_of(path, real_root)
                rel = path.relative_to(root).as_posix()
                digest.update(b"\x1d" + rel.encode("utf-8", "surrogateescape") + b"\x1e" + state.encode())
    return digest.hexdigest()


def run_key(paths: Sequence[str | os.PathLike[str]], model: str | None, options: Sequence[Any], *,
            hashes: FileHashes | None = None, follow_symlinks: bool = False) -> str:
    """The memo key of a run over ``paths`` with ``model`` and ``options`` (reprs that shape the
    output); ``hashes`` keeps the files' hashes for the run that follows a miss."""
    from .. import __version__
    from ..nlp import describe_model

    raw = "\x1f".join([__version__, source_digest(), repr(describe_model(model)),
                       inputs_digest(paths, hashes=hashes, follow_symlinks=follow_symlinks),
                       *(repr(o) for o in options)])
    return PREFIX + hashlib.sha256(raw.encode("utf-8", "surrogateescape")).hexdigest()


@dataclass(frozen=True)
class StoredReplay:
    """A :class:`Replay` as the cache holds it: the output compressed."""

    blob: bytes
    warnings: tuple[str, ...]
    exit_code: int


def lookup(cache: "Cache", key: str) -> Replay | None:
    value = cache.get(key)
    if not isinstance(value, StoredReplay):
        return None
    try:
        return Replay(zlib.decompress(value.blob).decode("utf-8"), value.warnings, value.exit_code)
    except (zlib.error, UnicodeDecodeError):
        cache.delete([key])
        return None


def store(cache: "Cache", key: str, replay: Replay, *, label: str) -> None:
    blob = zlib.compress(replay.output.encode("utf-8", "surrogatepass"), 3)
    cache.put(key, label, StoredReplay(blob, tuple(replay.warnings), replay.exit_code))
    cache.prune(PREFIX, keep=MAX_RUNS)
