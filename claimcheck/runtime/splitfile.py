"""A big file analysed by every worker: the parent's side of its three jobs (plan, parse in shares,
read; the jobs themselves are in jobs.py), advanced from the runner's loop (execute.py)."""

from __future__ import annotations

from concurrent.futures import Future
from typing import TYPE_CHECKING, Any, Sequence

from .jobs import Output, _Planned, _Task

if TYPE_CHECKING:
    from .execute import _Runner



#: Parse jobs per worker for such a file (more than one each: the shares finish together).
SPLIT_PARTS_PER_JOB = 2



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
