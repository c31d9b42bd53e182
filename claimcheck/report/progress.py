"""Progress on stderr for long runs: a rich bar with documents done and rate, silent when not a TTY."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TextIO


def _noop(n: int = 1) -> None:
    return None


@contextmanager
def progress(total: int | None, *, enabled: bool = True, stream: TextIO | None = None,
             description: str = "documents") -> Iterator[Callable[[int], None]]:
    """Yield ``advance(n=1)``. Draws only when ``enabled`` and the stream (default stderr) is a
    terminal; otherwise writes nothing at all, so stdout and logs stay clean."""
    stream = stream if stream is not None else sys.stderr
    try:
        tty = bool(stream.isatty())
    except (AttributeError, ValueError):
        tty = False
    if not (enabled and tty):
        yield _noop
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn,
    )
    from rich.progress import ProgressColumn
    from rich.text import Text

    class _Rate(ProgressColumn):
        def render(self, task) -> Text:  # type: ignore[override]
            speed = task.finished_speed or task.speed
            return Text(f"{speed:.1f} docs/s" if speed else "", style="dim")

    console = Console(file=stream, stderr=stream is sys.stderr)
    bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), _Rate(),
                   TimeElapsedColumn(), console=console, transient=True)
    with bar:
        task = bar.add_task(description, total=total)

        def advance(n: int = 1) -> None:
            bar.advance(task, n)

        yield advance
