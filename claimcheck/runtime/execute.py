"""Run ingest + extraction over a folder: cache first, then a process pool, streamed in input order.

:func:`scan_paths` is what the pipeline calls. For every file found it reads the bytes, hashes
them and asks the cache (:mod:`claimcheck.runtime.cache`) first; only misses are parsed (HTML, e-mail,
PDF...) and extracted, so a warm re-run reads and hashes files and never imports spaCy.

Misses are grouped into chunks (about :data:`CHUNK_BYTES` of input each) so that the
extractor's ``extract_batch`` can feed ``nlp.pipe`` whole batches. Chunks go to worker processes
(:mod:`claimcheck.runtime.pool`: spawned, so no state is inherited from the parent; each worker
loads the model once, as it starts; a big folder starts them before reading the cache), where a
chunk past its time budget (:func:`job_budget`) is stopped from outside and its files retried one
by one, a file past its own budget reported failed. With no time limit (``file_timeout=0``) and
``jobs=1`` the chunks are processed in this process instead. Output is one item per file in input
order whatever ``jobs`` is, and extraction is a pure per-document function, so results are
identical for any ``jobs``. Documents leave a chunk with their text emptied (a signed text's
normalized first 400 characters go along as its ``quote_keys`` entry, for ``dropped_quotes``;
nothing else after extraction reads the text), and the parent never holds more than a bounded
window of results, so memory follows the largest chunk, not the corpus.
"""

from __future__ import annotations

import dataclasses
import hashlib
import atexit
import os
from collections import deque
from concurrent.futures import CancelledError, Future
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Sequence

from .hashes import FileHashes, hash_file
from .memo import Memo
from .pool import WorkerPool
from ..models import DateValue, Document, ErrorRecord, Statement, evolve

if TYPE_CHECKING:
    from .cache import Cache
    from ..extract import ExtractSettings
    from ..ingest import IngestResult

Output = tuple["IngestResult", tuple[Statement, ...], tuple[ErrorRecord, ...]]

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
#: Parse jobs per worker for such a file (more than one each: the shares finish together).
SPLIT_PARTS_PER_JOB = 2
#: Default extractor (module:function taking (docs, *, settings) -> list of statement tuples).
EXTRACTOR = "claimcheck.extract:extract_batch"


def default_jobs() -> int:
    """All cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


@dataclass(frozen=True)
class IngestOptions:
    """The ingest options that change what a file yields (part of every cache key)."""

    date: DateValue | None = None
    max_file_bytes: int | None = None
    time_limit: float | None = None
    walk: Any = None             # ingest.WalkOptions: which links, configs and sidecars are used

    def resolved(self) -> "IngestOptions":
        from ..ingest import DEFAULT_MAX_FILE_BYTES, DEFAULT_TIME_LIMIT

        return IngestOptions(self.date,
                             DEFAULT_MAX_FILE_BYTES if self.max_file_bytes is None else self.max_file_bytes,
                             DEFAULT_TIME_LIMIT if self.time_limit is None else self.time_limit, self.walk)


@dataclass
class _Task:
    """One unit of work: a file entry (or a folder claimed by a folder reader) from ingest."""

    entry: Any                   # ingest._Entry
    meta: dict[str, Any]
    size: int = 0
    known: tuple[str, int] | None = None  # (sha256, size) hashed for the cache key


# ------------------------------------------------------------------------------- worker side

def _resolve(spec: str) -> Callable[..., Any]:
    import importlib

    module, _, name = spec.partition(":")
    return getattr(importlib.import_module(module), name)


#: Characters of a signed message's text kept (normalized) after extraction: enough for ingest.dropped_quotes to
#: tell a quoted copy from its original, small enough that memory does not follow the corpus text.
QUOTE_KEY_CHARS = 400


def _strip(result: "IngestResult") -> "IngestResult":
    """Documents as the rest of the run needs them: no text (the normalized opening of a signed
    text rides along in ``quote_keys``, for dropped_quotes, computed here in the worker) and no
    corpus aliases (only extraction reads them; a large alias list repeated in every document
    would make memory and the cache follow the corpus)."""
    from ..ingest import quote_keys

    keys = tuple(quote_keys(result.documents, chars=QUOTE_KEY_CHARS).items())
    docs = tuple(evolve(d, text="", aliases=()) if d.text or d.aliases else d for d in result.documents)
    return dataclasses.replace(result, documents=docs, quote_keys=keys)


def _ingest(task: _Task, options: IngestOptions, sidecars: dict[Path, dict[str, Any]]) -> list["IngestResult"]:
    from .. import ingest

    en = task.entry
    if en.folder is not None:
        return list(ingest._read_folder(en, sidecars, date=options.date, max_file_bytes=options.max_file_bytes,
                                        time_limit_s=options.time_limit))
    return [ingest.read_file(en, task.meta, date=options.date, max_file_bytes=options.max_file_bytes,
                             time_limit_s=options.time_limit, known=task.known)]


def _extract(docs: Sequence[Document], settings: "ExtractSettings", extractor: str,
             ) -> tuple[list[tuple[Statement, ...]], list[tuple[ErrorRecord, ...]]]:
    """Statements per document; one failing document never takes down its chunk."""
    if not docs:
        return [], []
    from ..ingest.base import FileTimeout, time_limit

    batch = _resolve(extractor)
    try:
        with time_limit(sum(analysis_time_limit(d) for d in docs)):
            out = [tuple(s) for s in batch(list(docs), settings=settings)]
        if len(out) == len(docs):
            return out, [()] * len(docs)
    except (Exception, FileTimeout):  # noqa: BLE001 - retry one document at a time to isolate the bad one
        pass
    stmts: list[tuple[Statement, ...]] = []
    errs: list[tuple[ErrorRecord, ...]] = []
    for doc in docs:
        where = f"{doc.path}#{doc.part}" if doc.part else doc.path
        limit = analysis_time_limit(doc)
        try:
            with time_limit(limit):
                stmts.append(tuple(batch([doc], settings=settings)[0]))
            errs.append(())
        except FileTimeout:
            stmts.append(())
            errs.append((ErrorRecord(where, f"analysis took longer than {limit:.0f} s; cut off", "extract"),))
        except Exception as exc:  # noqa: BLE001
            stmts.append(())
            errs.append((ErrorRecord(where, f"{type(exc).__name__}: {exc}"[:500], "extract"),))
    return stmts, errs


#: Seconds of analysis allowed per document: a base, plus time per 10,000 characters of text
#: (the parser runs at roughly 5,000-10,000 words a second on this class of machine).
ANALYSIS_BASE_SECONDS = 60.0
ANALYSIS_SECONDS_PER_10K_CHARS = 5.0


def analysis_time_limit(doc: Document) -> float:
    return ANALYSIS_BASE_SECONDS + ANALYSIS_SECONDS_PER_10K_CHARS * len(doc.text) / 10_000


#: Seconds a file may take, read and analysed, in its worker before the worker is stopped (its
#: size adds :data:`FILE_SECONDS_PER_MB` per MB). A chunk of several files gets the budget of
#: one file of its total size; past it, each of its files is tried again alone with its own.
DEFAULT_FILE_TIMEOUT = 60.0
FILE_SECONDS_PER_MB = 10.0
#: How the reason of a file stopped from outside begins (such a result is never cached).
CUT_OFF = "not analysed: "


def job_budget(tasks: Sequence[_Task], timeout: float) -> float:
    """Seconds a job of ``tasks`` may run: ``timeout`` plus :data:`FILE_SECONDS_PER_MB` per MB."""
    size = sum(t.size or _folder_size(t) for t in tasks)
    return timeout + FILE_SECONDS_PER_MB * size / (1024 * 1024)


def _folder_size(task: _Task) -> int:
    if task.entry.folder is None:
        return 0
    from ..ingest import _flatten

    total = 0
    for f in _flatten(task.entry.folder[1]):
        try:
            total += os.stat(f.path).st_size
        except OSError:
            pass
    return total


def _failed_outputs(task: _Task, reason: str, stage: str) -> list[Output]:
    """The outputs of a task whose worker was stopped or died: every file failed, with why."""
    from ..ingest import _flatten, _result

    entries = list(_flatten(task.entry.folder[1])) if task.entry.folder is not None else [task.entry]
    out: list[Output] = []
    for en in entries:
        r = _result(en, "failed", CUT_OFF + reason)
        record = dataclasses.replace(r.record, stage=stage)
        out.append((dataclasses.replace(r, record=record, errors=(ErrorRecord(en.display, record.reason, stage),)),
                    (), ()))
    return out


def cut_off(outputs: Sequence[Output]) -> bool:
    """True when these outputs are a stopped worker's (they depend on the budget and the load)."""
    return any(r.record.reason.startswith(CUT_OFF) for r, _, _ in outputs)


def _process_chunk(tasks: Sequence[_Task], options: IngestOptions, sidecars: dict[Path, dict[str, Any]],
                   settings: "ExtractSettings", extractor: str, *,
                   progress: Callable[[str], None] | None = None) -> list[list[Output]]:
    """Ingest and extract a chunk of tasks; one list of outputs per task (a folder gives several).
    ``progress`` hears which step the chunk is at (a worker tells its parent, so a file stopped
    over its budget is reported with how far it got)."""
    results = []
    for t in tasks:
        if progress is not None:
            progress(f"reading {t.entry.display}")
        results.append(_ingest(t, options, sidecars))
    docs = [d for per_task in results for r in per_task for d in r.documents]
    if progress is not None and docs:
        chars = sum(len(d.text) for d in docs)
        progress(f"analysing {len(docs)} document{'s' if len(docs) != 1 else ''} of {chars:,} characters")
    stmts, errs = _extract(docs, settings, extractor)
    return _task_outputs(results, stmts, errs)


def _task_outputs(results: Sequence[list["IngestResult"]], stmts: Sequence[tuple[Statement, ...]],
                  errs: Sequence[tuple[ErrorRecord, ...]]) -> list[list[Output]]:
    """Each task's outputs: its files' ingest results (stripped) with their documents' statements
    and errors (``stmts`` and ``errs`` are per document, in the order of ``results``)."""
    by_doc = iter(zip(stmts, errs))
    out: list[list[Output]] = []
    for per_task in results:
        outputs: list[Output] = []
        for r in per_task:
            file_stmts: list[Statement] = []
            file_errs: list[ErrorRecord] = []
            for _doc in r.documents:
                s, e = next(by_doc)
                file_stmts.extend(s)
                file_errs.extend(e)
            outputs.append((_strip(r), tuple(file_stmts), tuple(file_errs)))
        out.append(outputs)
    return out


# A big file in three steps (see _SplitFile): one worker reads it and plans its sentences, every
# worker parses a share of their texts (parsing is most of the cost and needs no context), one
# worker reads the parses into statements with the whole document in view. The statements are
# extract_batch's own (tests/test_execute.py compares them).

@dataclass
class _Planned:
    results: list["IngestResult"]
    plan: Any                    # extract.BatchPlan, or None when planning failed (the read step then extracts)


def _plan_file(tasks: Sequence[_Task], options: IngestOptions, sidecars: dict[Path, dict[str, Any]],
               settings: "ExtractSettings", extractor: str, *,
               progress: Callable[[str], None] | None = None) -> list[Any]:
    [task] = tasks
    if progress is not None:
        progress(f"reading {task.entry.display}")
    results = _ingest(task, options, sidecars)
    docs = [d for r in results for d in r.documents]
    if progress is not None:
        progress(f"finding the sentences of {sum(len(d.text) for d in docs):,} characters")
    from ..extract import plan_batch

    try:
        plan = plan_batch(docs, settings=settings)
    except Exception:  # noqa: BLE001 - the read step extracts document by document and says why
        plan = None
    return [_Planned(results, plan)]


def _parse_part(tasks: Sequence[_Task], texts: Sequence[str], settings: "ExtractSettings", *,
                progress: Callable[[str], None] | None = None) -> list[Any]:
    if progress is not None:
        progress(f"parsing {len(texts):,} sentences of {tasks[0].entry.display}")
    from ..extract import pack_parses, parse_texts

    return [pack_parses(parse_texts(texts, settings=settings))]


def _read_file(tasks: Sequence[_Task], planned: _Planned, packed: Sequence[bytes], settings: "ExtractSettings",
               extractor: str, *, progress: Callable[[str], None] | None = None) -> list[list[Output]]:
    from ..extract import read_batch, unpack_parses
    from ..ingest.base import FileTimeout, time_limit

    docs = [d for r in planned.results for d in r.documents]
    if progress is not None:
        progress(f"reading the parses of {tasks[0].entry.display}")
    stmts: list[tuple[Statement, ...]] | None = None
    if planned.plan is not None:
        try:
            with time_limit(sum(analysis_time_limit(d) for d in docs)):
                parsed = [d for part in packed for d in unpack_parses(part, settings=settings)]
                stmts = read_batch(planned.plan, parsed, settings=settings)
        except (Exception, FileTimeout):  # noqa: BLE001 - again document by document, to say which failed
            stmts = None
    if stmts is None:
        stmts, errs = _extract(docs, settings, extractor)
    else:
        errs = [()] * len(docs)
    return _task_outputs([planned.results], stmts, errs)


#: What a worker can be asked to run (``WorkerPool.submit(..., fn=)``).
JOBS: dict[str, Callable[..., list[Any]]] = {"chunk": _process_chunk, "plan": _plan_file,
                                             "parse": _parse_part, "read": _read_file}


# ------------------------------------------------------------------------------- parent side

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


#: Thread pools of the numeric libraries under spaCy (numpy's OpenBLAS, OpenMP, MKL).
MATH_THREAD_VARS = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


def single_threaded_math() -> None:
    """One math thread per process, unless the user set one: parallelism here is one process per
    core (``--jobs``), and a BLAS pool in each of them only fights the other workers for the same
    cores. OpenBLAS's idle threads also spin; on 2 cores that cost about a tenth of a scan.
    Must run before numpy is imported (the CLI's entry point, and each worker's initializer)."""
    for var in MATH_THREAD_VARS:
        os.environ.setdefault(var, "1")


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


class _SplitFile:
    """A big file's analysis in three steps, driven from the parent's loop: one worker reads the
    file and plans its sentences (``plan``), every worker parses a share of the sentence texts
    (``parse``: most of the cost, and context-free), one worker reads the parses into statements
    with the whole document in view (``read``). Each step is a job with the file's budget; a step
    stopped or failed gives the file's failed outputs, with the step it reached. It has the part
    of a Future that ``_Runner._settle`` uses: ``done()`` and ``result()`` (one task's outputs)."""

    def __init__(self, runner: "_Runner", task: _Task) -> None:
        self.runner = runner
        self.task = task
        self.planned: _Planned | None = None
        self.parts: list[Future[Any]] = []
        self.read: Future[Any] | None = None
        self.outputs: list[Output] | None = None
        self.current: list[Future[Any]] = [self._submit("plan", runner.options, runner.sidecars,
                                                        runner.settings, runner.extractor)]

    def _submit(self, fn: str, *args: Any) -> Future[Any]:
        r = self.runner
        return r._executor().submit([self.task], *args, budget=r._budget if r.file_timeout else None, fn=fn)

    def advance(self) -> None:
        """Hand out the next step if the current one is done."""
        while self.outputs is None and all(f.done() for f in self.current):
            got = [f.result()[0] for f in self.current]
            if self.read is not None:  # the last step: the file's outputs
                self.outputs = got[0]
            elif self.planned is None:  # planned: hand out the parse shares
                if not isinstance(got[0], _Planned):
                    self.outputs = got[0]  # the step failed: the file's failed outputs
                    return
                self.planned = got[0]
                texts = self.planned.plan.texts if self.planned.plan is not None else ()
                self.parts = [self._submit("parse", list(part), self.runner.settings)
                              for part in _shares(texts, self.runner.jobs * SPLIT_PARTS_PER_JOB)]
                self.current = self.parts
            else:  # parsed: one worker reads them all
                failed = next((g for g in got if not isinstance(g, bytes)), None)
                if failed is not None:
                    self.outputs = failed
                    return
                planned, self.planned = self.planned, None
                self.read = self._submit("read", planned, got, self.runner.settings, self.runner.extractor)
                self.current = [self.read]

    def done(self) -> bool:
        self.advance()
        return self.outputs is not None

    def result(self) -> list[list[Output]]:
        from concurrent.futures import FIRST_COMPLETED, wait

        while not self.done():
            wait([f for f in self.current if not f.done()], return_when=FIRST_COMPLETED)
        assert self.outputs is not None
        return [self.outputs]


def _shares(texts: Sequence[str], parts: int) -> list[Sequence[str]]:
    """``texts`` cut in order into up to ``parts`` runs of about equal characters (none empty)."""
    total = sum(len(t) for t in texts)
    out: list[list[str]] = [[]]
    done = 0
    for t in texts:
        if out[-1] and len(out) < parts and done >= total * len(out) / parts:
            out.append([])
        out[-1].append(t)
        done += len(t)
    return [o for o in out if o]


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


def _init_worker(settings: "ExtractSettings", extractor: str) -> None:
    """A worker's start: one math thread, then the extractor's model and rules, loaded once."""
    single_threaded_math()
    if extractor != EXTRACTOR:
        return
    try:
        from ..extract import warm_up

        warm_up(settings)
    except Exception:  # noqa: BLE001 - the first chunk loads it again and reports what went wrong
        pass


def _started() -> None:
    """Nothing: submitted once per worker so that the pool starts them all at once."""


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
