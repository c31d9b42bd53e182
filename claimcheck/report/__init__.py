"""Report renderers: one in-memory Report, many formats (terminal, json, markdown, html, ...)."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import TextIO

from claimcheck.models import Report
from claimcheck.report._common import guard_output
from claimcheck.report.csvout import render_csv
from claimcheck.report.github import render_github
from claimcheck.report.html import render_html
from claimcheck.report.jsonout import LineCache, dumps, render_json
from claimcheck.report.markdown import render_markdown
from claimcheck.report.terminal import render_terminal
from claimcheck.report.timelinejs import render_timelinejs

Renderer = Callable[[Report, TextIO], None]

RENDERERS: dict[str, Renderer] = {
    "terminal": render_terminal,
    "json": render_json,
    "markdown": render_markdown,
    "html": render_html,
    "timelinejs": render_timelinejs,
    "csv": render_csv,
    "github": render_github,
}
FORMATS = tuple(RENDERERS)
#: Formats that honour ``show_all`` (the others always hold every statement).
_SHOW_ALL = {"terminal", "markdown", "html"}


def render(report: Report, fmt: str, out: TextIO, *, color: bool = False, show_all: bool = False,
           width: int | None = None, memo: LineCache | None = None, sections: str = "all", rows: str = "all") -> None:
    """Write ``report`` as ``fmt`` to ``out``. ``color``/``width`` only affect ``terminal`` (no
    ``width``: rich's own detection, ``COLUMNS`` honoured); ``show_all`` lists every statement in
    the terminal/markdown/html timeline (default: aligned only); ``sections`` (all, findings,
    timeline) picks the parts of the terminal and markdown reports; ``rows`` (all, findings,
    statements) the rows of ``csv``; ``memo`` (a :class:`LineCache`, e.g. ``claimcheck watch``'s)
    lets ``json`` reuse the lines of records it wrote before."""
    if fmt not in RENDERERS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    buf = io.StringIO()
    if fmt == "json":
        buf.write(dumps(report, memo=memo))
    elif fmt == "terminal":
        render_terminal(report, buf, color=color, show_all=show_all, width=width, sections=sections)
    elif fmt == "markdown":
        render_markdown(report, buf, show_all=show_all, sections=sections)
    elif fmt in _SHOW_ALL:
        RENDERERS[fmt](report, buf, show_all=show_all)  # type: ignore[call-arg]
    elif fmt == "csv":
        render_csv(report, buf, rows=rows)
    else:
        RENDERERS[fmt](report, buf)
    # the output boundary: whatever a renderer let through, nothing from input reaches a
    # terminal or a CI log raw (see guard_output)
    out.write(guard_output(buf.getvalue(), fmt, color=color))
