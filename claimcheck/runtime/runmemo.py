"""Whole-run memo: re-scanning an unchanged folder with the same options replays the stored output.

Per-file caching (:mod:`claimcheck.runtime.cache`) spares the parse, but a re-run would still unpickle every
document's statements, align and detect over all of them and render the report: seconds on a big
folder. A fact-check queue re-runs the scan every time anything lands, so the whole result is
memoized too, keyed by everything the output depends on:

* the source of claimcheck (every module, renderers included), the model's name and version, the
  rules' digest;
* every regular file under the scanned paths: its relative path and the sha256 of its bytes (not
  its mtime: a touched file with the same bytes is the same input, an edited one is not);
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


#: Files of any size are part of the run's identity (ingest skips the large ones, saying so).
NO_LIMIT = 1 << 62


def inputs_digest(paths: Sequence[str | os.PathLike[str]], *, hashes: FileHashes | None = None) -> str:
    """Relative path and content hash of every regular file under ``paths`` (walk order sorted).
    ``hashes`` keeps each file's hash for the rest of the run (the per-file cache keys)."""
    hashes = hashes or FileHashes()
    digest = hashlib.sha256()

    def state_of(path: Path) -> str:
        found = hashes.get(path, NO_LIMIT)
        return found[0] if found is not None else "unreadable"

    for given in paths:
        root = Path(os.path.abspath(given))  # the paths ingest walks: one hash table for both
        digest.update(b"\x1droot\x1e" + os.fsencode(str(given)) + b"\x1e" + os.fsencode(str(root.resolve())))
        if root.is_file():
            digest.update(b"\x1e" + state_of(root).encode())
            continue
        for folder, dirs, files in os.walk(root):
            dirs.sort()
            for name in sorted(files):
                path = Path(folder, name)
                if path.is_symlink() and not path.exists():
                    state = "dangling"
                elif not path.is_file():
                    state = "special"
                else:
                    state = state_of(path)
                rel = path.relative_to(root).as_posix()
                digest.update(b"\x1d" + rel.encode("utf-8", "surrogateescape") + b"\x1e" + state.encode())
    return digest.hexdigest()


def run_key(paths: Sequence[str | os.PathLike[str]], model: str | None, options: Sequence[Any], *,
            hashes: FileHashes | None = None) -> str:
    """The memo key of a run over ``paths`` with ``model`` and ``options`` (reprs that shape the
    output); ``hashes`` keeps the files' hashes for the run that follows a miss."""
    from .. import __version__
    from ..nlp import describe_model

    raw = "\x1f".join([__version__, source_digest(), repr(describe_model(model)), inputs_digest(paths, hashes=hashes),
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
