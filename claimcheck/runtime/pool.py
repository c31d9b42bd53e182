"""Worker processes the parent can stop: a time limit that is a limit.

A ``SIGALRM`` handler runs only between bytecodes, never inside the regular-expression engine or
spaCy's Cython code, so a file that stalls there stalls the scan. Here each chunk of files is
analysed in a worker process with a deadline: when the chunk's budget is spent, or its worker
dies (a crash, the kernel's OOM killer, the address-space limit), the worker is killed and
replaced. A chunk of several files is then redone one file per job, each with its own budget, so
the one file at fault is found and the others give the results they give without it; a single
file past its budget is reported failed with the reason and the stage it had reached. Nothing is
ever redone in the parent.

Workers run with an address-space limit (``RLIMIT_AS``), die with the process that started them
(``PR_SET_PDEATHSIG`` on Linux, and an end-of-file on their pipe between jobs), and load the
extractor's model once, as they start. The pool has the shape of ``ProcessPoolExecutor`` that
``execute`` needs: ``submit`` returns a Future of the chunk's outputs, which always completes.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from concurrent.futures import Future
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Any, Callable, Sequence

#: Address space a worker may map. A worker with the model loaded maps about 330 MB; the limit
#: leaves room for a big document and stops one that would take the machine's memory.
WORKER_MEMORY_BYTES = 2 << 30
#: Workers in a row that die before they are ready (a broken install) before queued work fails.
MAX_FAILED_STARTS = 3

#: (tasks) -> seconds: how long a job may run.
Budget = Callable[[Sequence[Any]], float]
#: (task, reason, stage) -> outputs of a task that could not be analysed.
Failed = Callable[[Any, str, str], list[Any]]


@dataclass(eq=False)
class _Job:
    tasks: list[Any]
    args: tuple[Any, ...]
    future: Future
    budget: "Budget | None" = None
    fn: str = "chunk"            # which job function of jobs.JOBS the worker runs
    parent: "_Job | None" = None
    index: int = 0
    parts: list[Any] = field(default_factory=list)
    left: int = 0


class _Worker:
    def __init__(self, ctx: Any, init: tuple[Any, ...], memory: int | None) -> None:
        self.conn, child = ctx.Pipe(duplex=True)
        self.proc = ctx.Process(target=_worker_main, args=(child, init, memory), daemon=True)
        self.proc.start()
        child.close()
        self.ready = False
        self.job: _Job | None = None
        self.deadline = 0.0
        self.budget = 0.0
        self.stage = "starting"

    def kill(self) -> None:
        try:
            self.proc.kill()
        except (OSError, ValueError):
            pass
        self.proc.join(5)
        try:
            self.conn.close()
        except OSError:
            pass


class WorkerPool:
    """Up to ``jobs`` workers (started as jobs come, or all at once with ``start_all``), each
    loading its model with ``init``; ``failed`` builds the outputs of a task that could not be
    analysed."""

    def __init__(self, jobs: int, init: tuple[Any, ...], *, failed: Failed,
                 memory: int | None = WORKER_MEMORY_BYTES, start_all: bool = False) -> None:
        # spawn, not forkserver: a worker's parent must be this process, so that it dies with it
        # (a forkserver outlives a killed client while any worker holds its "alive" pipe)
        self._ctx = multiprocessing.get_context("spawn")
        self.jobs = max(1, jobs)
        self.init = init
        self.failed = failed
        self.memory = memory
        self._queue: deque[_Job] = deque()
        self._workers: list[_Worker] = []
        self._lock = threading.Lock()
        self._wake_r, self._wake_w = self._ctx.Pipe(duplex=False)
        self._closing = False
        self.stopped = 0           # workers killed over a deadline or found dead (for tests and events)
        self._failed_starts = 0    # workers in a row that died before they were ready
        if start_all:
            self.start_all()
        self._thread = threading.Thread(target=self._loop, name="claimcheck-pool", daemon=True)
        self._thread.start()

    # -- the ProcessPoolExecutor surface execute uses ---------------------------------------
    def submit(self, tasks: Sequence[Any], *args: Any, budget: Budget | None = None, fn: str = "chunk") -> Future:
        """Run ``jobs.JOBS[fn](tasks, *args)`` (by default ``_process_chunk``) in a worker; a
        Future of its per-task outputs that always completes (a task whose worker is stopped or
        dies gets ``failed`` outputs). ``budget(tasks)``: the seconds the job may run (None: no limit)."""
        fut: Future = Future()
        with self._lock:
            if self._closing:
                raise RuntimeError("pool is shut down")
            self._queue.append(_Job(list(tasks), args, fut, budget, fn))
        self._wake()
        return fut

    def shutdown(self, wait: bool = True, cancel_futures: bool = False) -> None:
        with self._lock:
            self._closing = True
            if cancel_futures:
                while self._queue:
                    self._queue.popleft().future.cancel()
        self._wake()
        if wait:
            self._thread.join()
        else:
            self.terminate()

    def terminate(self) -> None:
        """Stop every worker now (a chunk in progress is not waited for)."""
        with self._lock:
            self._closing = True
            workers, self._workers = self._workers, []
            queued = list(self._queue)
            self._queue.clear()
        for w in workers:
            w.kill()
            if w.job is not None and not w.job.future.done():
                w.job.future.cancel()
        for job in queued:
            job.future.cancel()
        self._wake()

    def start_all(self) -> None:
        """Start every worker not running yet (they load the model before any job comes)."""
        with self._lock:
            while len(self._workers) < self.jobs and not self._closing:
                self._workers.append(_Worker(self._ctx, self.init, self.memory))
        if hasattr(self, "_thread"):
            self._wake()

    @property
    def pids(self) -> list[int]:
        return [w.proc.pid for w in self._workers if w.proc.pid is not None]

    # -- the manager thread -----------------------------------------------------------------
    def _wake(self) -> None:
        try:
            self._wake_w.send_bytes(b"")
        except (OSError, ValueError):
            pass

    def _loop(self) -> None:
        try:
            self._run()
        except BaseException as exc:  # a bug here must fail the scan, never hang it
            with self._lock:
                jobs = [w.job for w in self._workers if w.job is not None] + list(self._queue)
                self._queue.clear()
            for job in jobs:
                while job.parent is not None:
                    job = job.parent
                if not job.future.done():
                    job.future.set_exception(exc)
            raise

    def _run(self) -> None:
        try:
            while True:
                with self._lock:
                    self._dispatch()
                    if self._closing and not self._queue and not any(w.job for w in self._workers):
                        break
                    waitables: list[Any] = [self._wake_r]
                    for w in self._workers:
                        waitables += [w.conn, w.proc.sentinel]
                    deadlines = [w.deadline for w in self._workers if w.job is not None and w.deadline]
                timeout = max(0.0, min(deadlines) - time.monotonic()) if deadlines else None
                try:
                    ready = wait(waitables, timeout)
                except (OSError, ValueError):  # a worker closed under us (terminate): look again
                    continue
                if self._wake_r in ready:
                    while self._wake_r.poll():
                        self._wake_r.recv_bytes()
                with self._lock:
                    self._service(set(ready))
        finally:
            with self._lock:
                workers, self._workers = self._workers, []
            for w in workers:
                try:
                    w.conn.send(None)  # a clean stop between jobs
                except (OSError, ValueError):
                    pass
                w.proc.join(2)
                if w.proc.is_alive():
                    w.kill()

    def _dispatch(self) -> None:
        while self._queue:
            idle = next((w for w in self._workers if w.ready and w.job is None), None)
            if idle is None:
                starting = sum(1 for w in self._workers if not w.ready)
                while len(self._workers) < self.jobs and starting < len(self._queue):
                    self._workers.append(_Worker(self._ctx, self.init, self.memory))
                    starting += 1
                return
            job = self._queue.popleft()
            if job.future.cancelled():
                continue
            try:
                idle.conn.send((job.fn, job.tasks, job.args))
            except (OSError, ValueError):  # died while idle: noticed by its sentinel
                self._queue.appendleft(job)
                idle.ready = False
                return
            idle.job = job
            idle.stage = "waiting for the worker"
            idle.budget = job.budget(job.tasks) if job.budget is not None else 0.0
            idle.deadline = time.monotonic() + idle.budget if job.budget is not None else 0.0

    def _service(self, ready: set[Any]) -> None:
        now = time.monotonic()
        for w in list(self._workers):
            if w.conn in ready:
                try:
                    while w.conn.poll():
                        self._message(w, w.conn.recv())
                except (EOFError, OSError):  # died: its exit code says how
                    w.proc.join(2)
                    self._lost(w, _death(w.proc.exitcode))
                    continue
                except Exception as exc:  # noqa: BLE001 - a result that does not unpickle
                    self._lost(w, f"its result could not be read ({type(exc).__name__})")
                    continue
            if w not in self._workers:
                continue
            if w.proc.sentinel in ready or not w.proc.is_alive():
                w.proc.join(1)
                self._lost(w, _death(w.proc.exitcode))
            elif w.job is not None and w.deadline and now >= w.deadline:
                self._lost(w, f"took longer than {_seconds(w.budget)} s")

    def _message(self, w: _Worker, msg: Any) -> None:
        kind = msg[0]
        if kind == "ready":
            w.ready = True
            self._failed_starts = 0
        elif kind == "stage":
            w.stage = msg[1]
        elif kind == "done" and w.job is not None:
            job, w.job = w.job, None
            self._complete(job, msg[1])
        elif kind == "error" and w.job is not None:
            job, w.job = w.job, None
            self._fail(job, f"analysis failed: {msg[1]}"[:300], "extract")

    def _lost(self, w: _Worker, why: str) -> None:
        """Kill and forget worker ``w``; its job, if any, is split or failed."""
        w.kill()
        if w in self._workers:
            self._workers.remove(w)
        self.stopped += 1
        job = w.job
        w.job = None
        if not w.ready:
            self._failed_starts += 1
            if self._failed_starts >= MAX_FAILED_STARTS:  # cannot start one: fail what waits, once
                while self._queue:
                    queued = self._queue.popleft()
                    self._complete_all(queued, f"no worker could start ({why})")
        if job is None:
            return
        stage = "ingest" if w.stage.startswith(("reading", "waiting")) else "extract"
        self._fail(job, f"{why} while {w.stage}" if w.stage else why, stage)

    def _fail(self, job: _Job, reason: str, stage: str) -> None:
        if len(job.tasks) > 1:  # find the file at fault: each file again, alone, with its own budget
            job.parts = [None] * len(job.tasks)
            job.left = len(job.tasks)
            singles = [_Job([t], job.args, job.future, job.budget, job.fn, parent=job, index=i)
                       for i, t in enumerate(job.tasks)]
            self._queue.extendleft(reversed(singles))
            return
        self._complete(job, [self.failed(job.tasks[0], reason, stage)])

    def _complete_all(self, job: _Job, reason: str) -> None:
        self._complete(job, [self.failed(t, reason, "extract") for t in job.tasks])

    def _complete(self, job: _Job, per_task: list[Any]) -> None:
        parent = job.parent
        if parent is None:
            if not job.future.done():
                job.future.set_result(per_task)
            return
        parent.parts[job.index] = per_task[0]
        parent.left -= 1
        if parent.left == 0 and not parent.future.done():
            parent.future.set_result(parent.parts)


def _seconds(n: float) -> str:
    return f"{n:.0f}" if n >= 10 else f"{n:.3g}"


def _death(code: int | None) -> str:
    if code is not None and code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        hint = " (out of memory?)" if -code == signal.SIGKILL else ""
        return f"its worker was killed by {name}{hint}"
    return f"its worker exited (code {code})" if code else "its worker stopped"


# ------------------------------------------------------------------------------- worker side

def _die_with_parent() -> None:
    """Ask Linux to kill this process when the one that started it dies (kill -9 included)."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # pragma: no cover - not Linux
        pass


def _limit_memory(limit: int | None) -> None:
    if not limit:
        return
    try:
        import resource

        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ImportError, ValueError, OSError):  # pragma: no cover - not POSIX
        pass


def _worker_main(conn: Connection, init: tuple[Any, ...], memory: int | None) -> None:
    parent = os.getppid()
    _die_with_parent()
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(0)
    from .jobs import JOBS, _init_worker

    _init_worker(*init)
    _limit_memory(memory)  # after the model: its loading maps far more than it keeps
    conn.send(("ready",))

    def stage(text: str) -> None:
        conn.send(("stage", text))

    while True:
        try:
            msg = conn.recv()
        except (EOFError, OSError):
            os._exit(0)  # the parent is gone
        if msg is None:
            break
        fn, tasks, args = msg
        try:
            result = JOBS[fn](tasks, *args, progress=stage)
        except MemoryError:
            result = None
            conn.send(("error", "out of memory"))
        except BaseException as exc:  # noqa: BLE001 - reported, the worker goes on
            result = None
            conn.send(("error", f"{type(exc).__name__}: {exc}"))
        if result is not None:
            conn.send(("done", result))
    conn.close()
