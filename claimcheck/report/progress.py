"""Progress on stderr for long runs: a rich bar with a total and ETA on a terminal, and in CI (no
terminal) one plain line every few seconds, so a long scan is never silent."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TextIO

#: Seconds between two plain progress lines when stderr is not a terminal.
LINE_EVERY = 5.0


def _noop(n: int = 1) -> None:
    return None


def _clock(seconds: float) -> str:
    seconds = int(round(seconds))
    return f"{seconds // 60}m{seconds % 60:02d}s" if seconds >= 60 else f"{seconds}s"


def line(done: int, total: int | None, elapsed: float, description: str = "files") -> str:
    """One plain progress line: ``claimcheck: 120/2000 files (6%), 12s elapsed, about 3m08s left``."""
    if total:
        pct = f" ({100 * done // total}%)"
        eta = f", about {_clock(elapsed / done * (total - done))} left" if done and done < total else ""
        return f"claimcheck: {done}/{total} {description}{pct}, {_clock(elapsed)} elapsed{eta}"
    return f"claimcheck: {done} {description}, {_clock(elapsed)} elapsed"


@contextmanager
def progress(total: int | None, *, enabled: bool = True, stream: TextIO | None = None,
             description: str = "files", every: float = LINE_EVERY,
             clock: Callable[[], float] = time.monotonic) -> Iterator[Callable[[int], None]]:
    """Yield ``advance(n=1)``. On a terminal (default stderr): a bar with done/total, rate,
    elapsed time and time left. Elsewhere (CI logs): a line when the run starts, then at most one
    line every ``every`` seconds as files complete. Nothing at all when not ``enabled``."""
    if not enabled:
        yield _noop
        return
    stream = stream if stream is not None else sys.stderr
    try:
        tty = bool(stream.isatty())
    except (AttributeError, ValueError):
        tty = False
    if not tty:
        start = clock()
        state = {"done": 0, "last": start}
        stream.write(f"claimcheck: scanning {total if total is not None else 'the'} {description}\n")
        stream.flush()

        def advance_plain(n: int = 1) -> None:
            state["done"] += n
            now = clock()
            if now - state["last"] >= every:
                state["last"] = now
                stream.write(line(int(state["done"]), total, now - start, description) + "\n")
                stream.flush()

        yield advance_plain
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn, MofNCompleteColumn, Progress, ProgressColumn, TextColumn, TimeElapsedColumn,
        TimeRemainingColumn,
    )
    from rich.text import Text

    class _Rate(ProgressColumn):
        def render(self, task) -> Text:  # type: ignore[override]
            speed = task.finished_speed or task.speed
            return Text(f"{speed:.1f} {description}/s" if speed else "", style="dim")

    console = Console(file=stream, stderr=stream is sys.stderr)
    bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), _Rate(),
                   TimeElapsedColumn(), TextColumn("left"), TimeRemainingColumn(), console=console,
                   transient=True)
    with bar:
        task = bar.add_task(description, total=total)

        def advance(n: int = 1) -> None:
            bar.advance(task, n)

        yield advance
