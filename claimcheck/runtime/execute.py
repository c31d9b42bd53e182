"""Run ingest + extraction over a folder: cache first, then a process pool, streamed in input order.

:func:`scan_paths` is what the pipeline calls. For every file found it reads the bytes, hashes
them and asks the cache (:mod:`claimcheck.runtime.cache`) first; only misses are parsed (HTML, e-mail,
PDF...) and extracted, so a warm re-run reads and hashes files and never imports spaCy.

Misses are grouped into chunks (about :data:`CHUNK_BYTES` of input each) so that the
extractor's ``extract_batch`` can feed ``nlp.pipe`` whole batches. Chunks go to worker processes
(:mod:`claimcheck.runtime.pool`: spawned, so no state is inherited from the parent; each worker
loads the model once, as it starts; a big folder starts them before reading the cache), where a
chunk past its time budget (:func:`claimcheck.runtime.jobs.job_budget`) is stopped from outside and
its files retried one by one, a file past its own budget reported failed. With no time limit
(``file_timeout=0``) and ``jobs=1`` the chunks are processed in this process instead. Output is one
item per file in input order whatever ``jobs`` is, and extraction is a pure per-document function,
so results are identical for any ``jobs``. Documents leave a chunk with their text emptied
(jobs.py), and the parent never holds more than a bounded window of results, so memory follows the
largest chunk, not the corpus.

What a job does in its worker is in jobs.py, a big file's three jobs are driven by splitfile.py,
and the pools that outlive a scan (the shared one, a watch's :class:`~claimcheck.runtime.resident.Resident`)
are in resident.py.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
from collections import deque
from concurrent.futures import CancelledError, Future
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Sequence

from .hashes import FileHashes, hash_file
from .jobs import (EXTRACTOR, IngestOptions, Output, _failed_outputs, _process_chunk, _Task, cut_off,
                   job_budget)
from .pool import WorkerPool
from .resident import Resident, shared_pool
from .splitfile import _SplitFile

if TYPE_CHECKING:
    from .cache import Cache
    from ..extract import ExtractSettings



#: Input bytes per chunk of misses: big enough for nlp.pipe batching, small enough to balance
#: two workers on a few-MB corpus and to keep a worker's memory low.
CHUNK_BYTES = 192 * 1024
#: Near the end of a run chunks shrink (a share of what is left, never below this), so that the
#: workers finish together instead of one of them parsing the last big chunk alone.
MIN_CHUNK_BYTES = 24 * 1024
#: Chunks per worker that the input not yet handed out is split into (guided scheduling).
TAIL_SHARES = 2
#: A run over at least this many files starts its workers (``jobs > 1``) before it reads the
#: cache: they load the model while this process hashes files and reads cache rows, so a re-run
#: with a few new files does not wait for the model after the cache. A run that then finds
#: nothing to parse stops them without waiting for the model to load.
PRELOAD_MIN_FILES = 256
CHUNK_FILES = 128
#: Files looked up in the cache per query.
LOOKUP_GROUP = 256
#: Finished outputs the parent may hold while an earlier file is still being worked on. The
#: pipeline keeps every output anyway; this only bounds how far the cache reading runs ahead of
#: an unfinished file (wide enough that a re-run reads the whole cache while the model loads).
SLOT_WINDOW = 16 * LOOKUP_GROUP
#: Chunks in flight per worker (bounds the parent's memory while keeping workers busy).
IN_FLIGHT_PER_JOB = 3
#: A file at least this big (bytes on disk), with more than one worker, is analysed in three
#: steps so that every worker parses a share of it (:class:`_SplitFile`); a smaller one is one
#: job, or a share of a chunk.
SPLIT_FILE_BYTES = 1024 * 1024



def default_jobs() -> int:
    """All cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)



def fingerprint(settings: "ExtractSettings", *, extractor: str = EXTRACTOR) -> str:
    """The extractor's fingerprint (versions of claimcheck, model and rules) for cache keys."""
    if extractor == EXTRACTOR:
        from ..extract import extractor_fingerprint

        return str(extractor_fingerprint(settings))
    from .. import __version__  # another extractor (tests, plugins): its name and settings

    return f"{__version__}:{extractor}:{settings!r}"


def _options_text(task: _Task, options: IngestOptions, configs: dict[int, tuple[Any, str]] | None = None) -> str:
    """Everything besides the bytes that changes what ingest makes of this file. ``configs``
    remembers each corpus config's text for one run (a folder's files share one config)."""
    en = task.entry
    known = configs.get(id(en.config)) if configs is not None else None
    if known is not None and known[0] is en.config:
        config_text = known[1]
    else:
        config = dataclasses.replace(en.config, root=None) if dataclasses.is_dataclass(en.config) else en.config
        config_text = repr(config)
        if configs is not None:
            configs[id(en.config)] = (en.config, config_text)
    meta = sorted((str(k), repr(v)) for k, v in task.meta.items())
    return repr((options.date, options.max_file_bytes, config_text, meta, en.display))


def _cacheable(task: _Task) -> bool:
    """Files worth hashing: a reader exists and ingest would read the bytes."""
    from ..config import is_metadata_file
    from ..ingest import READERS, extension_of

    en = task.entry
    if en.status or en.folder is not None:
        return False
    name = en.path.name
    return not (is_metadata_file(name) or name.startswith(".")) and extension_of(name) in READERS


def _folder_key_material(task: _Task) -> str:
    """A folder export's identity: the relative path and hash of every file inside it."""
    from ..ingest import _flatten

    parts = []
    for f in _flatten(task.entry.folder[1]):
        h = hash_file(f.path, 1 << 62)
        parts.append(f"{f.relpath}\x1e{h[0] if h else 'unreadable'}")
    return hashlib.sha256("\x1d".join(parts).encode("utf-8", "surrogateescape")).hexdigest()



class _Slot:
    __slots__ = ("outputs",)

    def __init__(self) -> None:
        self.outputs: list[Output] | None = None



def scan_paths(paths: Sequence[str | Path], *, settings: "ExtractSettings",
               options: IngestOptions | None = None, jobs: int | None = None,
               cache: "Cache | None" = None, on_progress: Callable[[int], None] | None = None,
               extractor: str = EXTRACTOR, resident: Resident | None = None,
               hashes: FileHashes | None = None, file_timeout: float | None = None) -> Iterator[Output]:
    """Ingest and extract every file under ``paths``: one output per file, in ingest's order.

    Raises ConfigError (from ingest) before yielding anything. ``jobs`` defaults to all cores;
    ``cache=None`` disables caching. ``on_progress(n)`` is called as files complete. A
    ``resident`` (``claimcheck watch``) keeps the pool, the outputs and the hashes for the next scan.
    ``hashes`` holds the files this run hashed already (the run memo's key); a resident's own is
    used when there is one.
    ``file_timeout`` (seconds, see :func:`job_budget`) runs every file in a worker process that is
    stopped past its budget (the file is then reported failed); None or 0: no limit, and with
    ``jobs=1`` files are analysed in this process.
    """
    from ..ingest import plan_paths

    opts = (options or IngestOptions()).resolved()
    entries, sidecars = plan_paths(paths, walk=opts.walk)
    # A folder export is one task (its reader sees the whole folder); every other file is one.
    tasks = [_Task(en, {} if en.folder is not None else _meta(en, sidecars)) for en in entries]
    return _Runner(settings=settings, options=opts, sidecars=sidecars,
                   jobs=default_jobs() if jobs is None else max(1, jobs), cache=cache,
                   on_progress=on_progress, extractor=extractor, resident=resident, hashes=hashes,
                   file_timeout=file_timeout or 0.0).run(tasks)



def _meta(en: Any, sidecars: dict[Path, dict[str, Any]]) -> dict[str, Any]:
    from ..ingest import _meta_for

    return _meta_for(en, sidecars)



class _Runner:
    """Cache lookups, chunking, the pool and in-order streaming for one scan."""

    def __init__(self, *, settings: "ExtractSettings", options: IngestOptions,
                 sidecars: dict[Path, dict[str, Any]], jobs: int, cache: "Cache | None",
                 on_progress: Callable[[int], None] | None, extractor: str,
                 resident: Resident | None = None, hashes: FileHashes | None = None,
                 file_timeout: float = 0.0) -> None:
        self.settings = settings
        self.options = options
        self.sidecars = sidecars
        self.jobs = jobs
        self.cache = cache
        self.on_progress = on_progress
        self.extractor = extractor
        self.resident = resident
        self.hashes = resident.hashes if resident is not None else hashes or FileHashes()
        # a resident process keys files even without a disk cache: its memory is the cache
        self.keyed = cache is not None or resident is not None
        self.fingerprint = fingerprint(settings, extractor=extractor) if self.keyed else ""
        self.file_timeout = file_timeout
        self.pool: WorkerPool | None = None
        self.submitted = 0
        self.in_flight: deque[tuple[Future[list[list[Output]]] | _SplitFile,
                                    list[tuple[_Slot, str | None, _Task]]]] = deque()
        self.unassigned = 0      # bytes of input not yet submitted (files not looked up + pending)
        self.pool_chunks = 0     # chunks handed to the pool
        self.configs: dict[int, tuple[Any, str]] = {}  # _options_text's memo for this run

    # -- pool -------------------------------------------------------------------------------
    def _executor(self, *, start_all: bool = False) -> WorkerPool:
        if self.pool is None:
            self.pool = (self.resident.workers(self.settings, self.extractor, self.jobs) if self.resident is not None
                         else shared_pool(self.settings, self.extractor, self.jobs, start_all=start_all))
        return self.pool

    def _budget(self, tasks: Sequence[_Task]) -> float:
        return job_budget(tasks, self.file_timeout)

    def _chunk_limit(self) -> int:
        """Bytes per chunk: :data:`CHUNK_BYTES`, or a share of the input not yet handed out when
        that is small (the end of a run), so that no worker is left parsing a big chunk alone."""
        share = self.unassigned // (TAIL_SHARES * self.jobs)
        return min(CHUNK_BYTES, max(MIN_CHUNK_BYTES, share))

    def _flush(self, pending: list[tuple[_Slot, str | None, _Task]], *, full: bool) -> None:
        """Submit ``pending``. Bound for the pool, it is cut into chunks of the current size (it
        can have outgrown it: the size shrinks as the input runs out), and a last partial batch
        into at least one part per worker."""
        if not pending:
            return
        size = sum(t.size for _, _, t in pending)
        parts = -(-size // self._chunk_limit())
        self.unassigned -= size
        if self.jobs == 1 or (self.pool is None and not self.file_timeout):
            self._submit(pending, full=full)
            return
        for part in _split(pending, max(parts, 1 if full else self.jobs)):
            self._submit(part, full=full)

    def _submit(self, chunk: list[tuple[_Slot, str | None, _Task]], *, full: bool) -> None:
        if not chunk:
            return
        tasks = [t for _, _, t in chunk]
        # With no time limit, a batch of misses smaller than a chunk (a few new files, or the end
        # of the input) is cheaper in this process than starting workers that each load the
        # model. With a limit, every file is analysed where it can be stopped: in a worker.
        inline = not self.file_timeout and (self.jobs == 1 or (self.pool is None and not full))
        self.submitted += 1
        if inline:
            fut: Future[list[list[Output]]] = Future()
            fut.set_result(_process_chunk(tasks, self.options, self.sidecars, self.settings, self.extractor))
        else:
            self.pool_chunks += 1
            fut = self._executor().submit(tasks, self.options, self.sidecars, self.settings, self.extractor,
                                          budget=self._budget if self.file_timeout else None)
        self.in_flight.append((fut, chunk))

    def _settle(self, block: bool) -> None:
        """Move finished chunks' outputs into their slots (and the cache)."""
        for fut, _chunk in self.in_flight:
            if isinstance(fut, _SplitFile):
                fut.advance()  # hand out a big file's next step as soon as it can go
        while self.in_flight and (block or self.in_flight[0][0].done()):
            fut, chunk = self.in_flight.popleft()
            try:
                per_task = fut.result()
            except CancelledError:  # the pool was stopped under this scan (the process is leaving)
                per_task = [_failed_outputs(task, "the scan was stopped", "extract") for _, _, task in chunk]
            rows = []
            for (slot, key, task), outputs in zip(chunk, per_task):
                slot.outputs = outputs
                if key and not cut_off(outputs):  # a stopped file is tried again next time
                    rows.append((key, task.entry.display, outputs))
            if rows and self.resident is not None:
                self.resident.put_many(rows)
            if rows and self.cache is not None:
                self.cache.put_many(rows)
            block = False  # only wait for the oldest; then take what is already done

    # -- main loop --------------------------------------------------------------------------
    def run(self, tasks: Sequence[_Task]) -> Iterator[Output]:
        slots: deque[_Slot] = deque()
        pending: list[tuple[_Slot, str | None, _Task]] = []
        pending_bytes = 0
        window = self.jobs * IN_FLIGHT_PER_JOB
        for task in tasks:
            task.size = _size(task)
        self.unassigned = sum(t.size for t in tasks)
        try:
            if self.jobs > 1 and (len(tasks) >= PRELOAD_MIN_FILES or self.resident is not None):
                self._executor(start_all=True)
            for group in _groups(tasks, LOOKUP_GROUP):
                keyed = [(task, self._key(task)) for task in group]
                hits = self._lookup([k for _, k in keyed if k])
                for task, key in keyed:
                    slot = _Slot()
                    slots.append(slot)
                    if key and key in hits:
                        slot.outputs = hits[key]
                        self.unassigned -= task.size
                        continue
                    if key is None:  # skipped before reading (status, no reader...): cheap, here
                        slot.outputs = _process_chunk([task], self.options, self.sidecars,
                                                      self.settings, self.extractor)[0]
                        self.unassigned -= task.size
                        continue
                    if self._splits(task):
                        self.unassigned -= task.size
                        self.in_flight.append((_SplitFile(self, task), [(slot, key or None, task)]))
                        continue
                    pending.append((slot, key or None, task))
                    pending_bytes += task.size
                    if pending_bytes >= self._chunk_limit() or len(pending) >= CHUNK_FILES:
                        self._flush(pending, full=True)
                        pending, pending_bytes = [], 0
                        while len(self.in_flight) > window:
                            self._settle(block=True)
                    self._settle(block=False)
                    yield from self._drain(slots)
                if pending and len(slots) > SLOT_WINDOW and slots[0] is pending[0][0]:
                    self._flush(pending, full=False)  # the oldest file waits on this batch
                    pending, pending_bytes = [], 0
                while len(slots) > SLOT_WINDOW and self.in_flight:
                    self._settle(block=True)
                    yield from self._drain(slots)
            self._flush(pending, full=False)
            while self.in_flight:
                self._settle(block=True)
                yield from self._drain(slots)
            yield from self._drain(slots)
        finally:
            self._close()

    def _splits(self, task: _Task) -> bool:
        """Is ``task`` a file big enough to be parsed by every worker (:class:`_SplitFile`)?"""
        return (self.jobs > 1 and self.extractor == EXTRACTOR and task.entry.folder is None
                and task.size >= SPLIT_FILE_BYTES)

    def _lookup(self, keys: list[str]) -> dict[str, Any]:
        if self.resident is not None:
            return self.resident.get_many(keys, self.cache)
        return self.cache.get_many(keys) if self.cache is not None else {}

    def _close(self) -> None:
        """Let go of the pool: this process's shared one, or a resident's, stays up for the next
        scan; its workers stop when the process leaves (at exit, or with it if it is killed)."""
        self.pool = None

    def _drain(self, slots: deque[_Slot]) -> Iterator[Output]:
        while slots and slots[0].outputs is not None:
            outputs = slots.popleft().outputs or []
            for out in outputs:
                if self.on_progress:
                    self.on_progress(1)
                yield out

    def _key(self, task: _Task) -> str | None:
        """Cache key of a task: None = cheap, do it here; '' = work without caching. Sets the
        task's size for chunking."""
        from .cache import file_key

        if task.entry.folder is not None:
            if not self.keyed:
                return ""
            return file_key(sha256=_folder_key_material(task), path=task.entry.display,
                            fingerprint=self.fingerprint, options=_options_text(task, self.options, self.configs))
        if not _cacheable(task):
            return None
        assert self.options.max_file_bytes is not None
        if not self.keyed:
            try:
                task.size = os.stat(task.entry.path).st_size
            except OSError:
                return None
            return "" if task.size <= self.options.max_file_bytes else None
        found = self.hashes.get(task.entry.path, self.options.max_file_bytes)
        if found is None:
            return None  # unreadable or too large: ingest says why, without reading it all
        task.known = found  # ingest reuses it: one hash per file per run
        sha, task.size = found
        return file_key(sha256=sha, path=task.entry.display, fingerprint=self.fingerprint,
                        options=_options_text(task, self.options, self.configs))



def _size(task: _Task) -> int:
    """Bytes on disk of a plain file task (0 for a folder export or an unreadable path)."""
    if task.entry.folder is not None or task.entry.status:
        return 0
    try:
        return os.stat(task.entry.path).st_size
    except OSError:
        return 0


def _split(chunk: list[Any], parts: int) -> list[list[Any]]:
    """``chunk`` (slot, key, task) cut in order into up to ``parts`` runs of about equal bytes."""
    total = sum(t.size for _, _, t in chunk)
    out: list[list[Any]] = [[]]
    done = 0
    for item in chunk:
        if out[-1] and len(out) < parts and done >= total * len(out) / parts:
            out.append([])
        out[-1].append(item)
        done += item[2].size
    return out


def _groups(items: Iterable[Any], n: int) -> Iterator[list[Any]]:
    group: list[Any] = []
    for item in items:
        group.append(item)
        if len(group) >= n:
            yield group
            group = []
    if group:
        yield group
