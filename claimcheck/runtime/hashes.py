"""One sha256 per file per run: the run memo's key, the per-file cache key and ingest share it.

A scan with the cache on needs a file's hash three times: the whole-run memo key
(:mod:`claimcheck.runtime.runmemo`), the per-file cache key (:mod:`claimcheck.runtime.execute`),
and the file's own record and document ids (ingest, on a miss). :class:`FileHashes` hashes a
file once and hands the same ``(sha256, size)`` to all three; kept by a
:class:`~claimcheck.runtime.resident.Resident`, it also spares a watch re-hashing unchanged files.
A hash is remembered while the file's size, mtime, inode and ctime stay the same.
"""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

Stamp = tuple[int, int, int, int]
_BLOCK = 1 << 20


def hash_file(path: Path, limit: int, size: int | None = None) -> tuple[str, int] | None:
    """(sha256, size) of a file no larger than ``limit``; None when unreadable or too large.
    Read in blocks, so a large ``limit`` never holds a whole file in memory."""
    try:
        if (os.stat(path).st_size if size is None else size) > limit:
            return None
        h = hashlib.sha256()
        n = 0
        # never blocks on a FIFO swapped in after the walk, never hashes anything but a file
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
        with os.fdopen(fd, "rb") as fh:
            if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
                return None
            while n <= limit and (block := fh.read(min(_BLOCK, limit + 1 - n))):
                h.update(block)
                n += len(block)
    except OSError:
        return None
    if n > limit:
        return None
    return h.hexdigest(), n


class FileHashes:
    """``get(path, limit)``: :func:`hash_file`, remembered by path while the file's stat stamp
    holds. ``retain()`` forgets the files not asked for since the last call (a watch's scan)."""

    def __init__(self) -> None:
        self.known: dict[Path, tuple[Stamp, tuple[str, int]]] = {}
        self._used: set[Path] = set()

    def get(self, path: Path, limit: int) -> tuple[str, int] | None:
        try:
            st = os.stat(path)
        except OSError:
            return None
        stamp = (st.st_size, st.st_mtime_ns, st.st_ino, st.st_ctime_ns)
        self._used.add(path)
        known = self.known.get(path)
        if known is not None and known[0] == stamp:
            return known[1] if known[1][1] <= limit else None
        found = hash_file(path, limit, st.st_size)
        if found is not None:
            self.known[path] = (stamp, found)
        return found

    def retain(self) -> None:
        self.known = {k: v for k, v in self.known.items() if k in self._used}
        self._used = set()
