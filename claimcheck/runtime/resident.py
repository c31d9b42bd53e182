"""Worker pools that outlive one scan: this process's shared pool (a library caller or a test suite
scanning many times loads the model in its workers once) and :class:`Resident`, what ``claimcheck
watch`` keeps from one scan to the next."""

from __future__ import annotations

import atexit
from typing import TYPE_CHECKING, Any, Sequence

from .hashes import FileHashes
from .jobs import Output, _failed_outputs
from .memo import Memo
from .pool import WorkerPool

if TYPE_CHECKING:
    from ..extract import ExtractSettings
    from .cache import Cache



def _new_pool(settings: "ExtractSettings", extractor: str, jobs: int, *, start_all: bool = True) -> WorkerPool:
    """A pool of ``jobs`` workers; with ``start_all`` they start now, each loading the model while
    the parent goes on hashing files and reading the cache (else as chunks come: a small scan
    that sends one chunk loads the model in one worker only)."""
    return WorkerPool(jobs, (settings, extractor), failed=_failed_outputs, start_all=start_all)


_SHARED: list[tuple[tuple[Any, ...], WorkerPool]] = []


def shared_pool(settings: "ExtractSettings", extractor: str, jobs: int, *, start_all: bool = True) -> WorkerPool:
    """This process's pool, kept from one scan to the next (a library caller or a test suite
    scanning many times loads the model in its workers once); stopped at exit, and its workers
    die with the process in any case."""
    args = (jobs,)
    if _SHARED and _SHARED[0][0] != args:
        _SHARED.pop()[1].terminate()
    if not _SHARED:
        if not _registered:
            atexit.register(stop_shared_pool)
            _registered.append(True)
        _SHARED.append((args, _new_pool(settings, extractor, jobs, start_all=start_all)))
    elif start_all:
        _SHARED[0][1].start_all()
    return _SHARED[0][1]


_registered: list[bool] = []


def stop_shared_pool() -> None:
    while _SHARED:
        _SHARED.pop()[1].terminate()


class Resident:
    """What a long-lived process (``claimcheck watch``) keeps from one scan to the next: the
    worker pool (each worker keeps its model loaded), every file's output by cache key (so an
    unchanged file costs a dict lookup, not a cache row to unpickle), and each file's hash by
    (size, mtime, inode, ctime) so that an unchanged file is not read again; ``memo`` holds what
    later steps derive from one record. ``retain`` drops what the last scan did not use, so
    memory follows the folder as it is now."""

    def __init__(self) -> None:
        self.pool: WorkerPool | None = None
        self.pool_args: tuple[Any, ...] = ()
        self.outputs: dict[str, list[Output]] = {}
        self.hashes = FileHashes()  # each file's hash while its stat stamp holds
        self._used_outputs: set[str] = set()
        self.misses = 0          # keyed files found in neither memory nor the cache (parsed)
        self.memo = Memo()       # what later steps derive from one record (claimcheck.runtime.memo)

    def workers(self, settings: "ExtractSettings", extractor: str, jobs: int) -> WorkerPool:
        args = (settings, extractor, jobs)
        if self.pool is not None and self.pool_args != args:
            self.close()
        if self.pool is None:
            self.pool, self.pool_args = _new_pool(settings, extractor, jobs), args
        return self.pool

    def discard_pool(self) -> None:
        """Stop the pool; the next scan starts a fresh one."""
        if self.pool is not None:
            self.pool.terminate()
        self.pool = None

    def get_many(self, keys: Sequence[str], cache: "Cache | None") -> dict[str, Any]:
        found = {k: self.outputs[k] for k in keys if k in self.outputs}
        rest = [k for k in keys if k not in found]
        if rest and cache is not None:
            more = cache.get_many(rest)
            self.outputs.update(more)
            found.update(more)
        self._used_outputs.update(found)
        self.misses += len(set(keys) - found.keys())
        return found

    def put_many(self, rows: Sequence[tuple[str, str, Any]]) -> None:
        for key, _, outputs in rows:
            self.outputs[key] = outputs
            self._used_outputs.add(key)

    def retain(self) -> None:
        """Forget outputs and hashes the last scan did not use (deleted or changed files)."""
        self.outputs = {k: v for k, v in self.outputs.items() if k in self._used_outputs}
        self.hashes.retain()
        self._used_outputs = set()

    def close(self) -> None:
        """Stop the workers now (the process is leaving: a chunk in progress is not waited for)."""
        if self.pool is not None:
            self.pool.terminate()
        self.pool = None
