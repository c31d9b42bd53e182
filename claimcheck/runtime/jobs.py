"""What runs in a worker (or, with no time limit and ``jobs=1``, in this process): a chunk of files
ingested and extracted (``_process_chunk``), a big file's three steps (plan, parse a share, read;
driven from the parent by :class:`claimcheck.runtime.splitfile._SplitFile`), the time budgets of a
job and of a document's analysis, the outputs of a stopped job, and a worker's start.

Documents leave a job with their text emptied (a signed text's normalized first 400 characters go
along as its ``quote_keys`` entry, for ``dropped_quotes``; nothing else after extraction reads the
text), so memory follows the largest chunk, not the corpus.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Sequence

from ..models import DateValue, Document, ErrorRecord, Statement, evolve

if TYPE_CHECKING:
    from ..extract import ExtractSettings
    from ..ingest import IngestResult

Output = tuple["IngestResult", tuple[Statement, ...], tuple[ErrorRecord, ...]]



#: Default extractor (module:function taking (docs, *, settings) -> list of statement tuples).
EXTRACTOR = "claimcheck.extract:extract_batch"



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


# A big file in three steps (see splitfile._SplitFile): one worker reads it and plans its sentences, every
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



#: Thread pools of the numeric libraries under spaCy (numpy's OpenBLAS, OpenMP, MKL).
MATH_THREAD_VARS = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


def single_threaded_math() -> None:
    """One math thread per process, unless the user set one: parallelism here is one process per
    core (``--jobs``), and a BLAS pool in each of them only fights the other workers for the same
    cores. OpenBLAS's idle threads also spin; on 2 cores that cost about a tenth of a scan.
    Must run before numpy is imported (the CLI's entry point, and each worker's initializer)."""
    for var in MATH_THREAD_VARS:
        os.environ.setdefault(var, "1")



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
