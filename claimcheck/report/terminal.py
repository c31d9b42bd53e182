"""Terminal report (rich): findings first (with their review), then the timeline in public/internal lanes, then files."""

from __future__ import annotations

from typing import TextIO

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from claimcheck.models import Report, Statement
from claimcheck.report._common import View, date_label, one_line, sanitize, unread, view, who

PUBLIC_STYLE = "bold cyan"
INTERNAL_STYLE = "magenta"
LEVEL_STYLE = {"contradiction": "bold red", "tension": "yellow"}
NARROW = 100  # columns below which the timeline has one statement column instead of two lanes
STATUS_STYLE = {"confirmed": "bold green", "dismissed": "dim"}


def _t(text: str, style: str = "") -> Text:
    """The one place document text enters rich: sanitized and never parsed as markup."""
    return Text(sanitize(text), style=style)


def _entry(s: Statement, limit: int) -> Text:
    style = PUBLIC_STYLE if s.kind == "public" else INTERNAL_STYLE
    out = _t(who(s), style)
    out.append_text(_t(f" [{s.role}]" if s.role not in ("claim", "evidence") else "", "dim"))
    out.append("\n")
    out.append_text(_t(one_line(s.text, limit), "default"))
    out.append("\n")
    out.append_text(_t(s.source.ref(), "dim"))
    return out


def _timeline(v: View, console: Console, show_all: bool) -> None:
    shown = v.shown(show_all)
    hidden = len(v.ordered) - len(shown)
    table = Table(title="Timeline", box=box.SIMPLE_HEAD, show_lines=False, expand=True)
    table.add_column("Date", no_wrap=True)
    narrow = console.width < NARROW  # one statement column: two lanes would leave each too little
    if narrow:
        table.add_column("Statement", ratio=1, overflow="fold")
    else:
        table.add_column("PUBLIC", style=PUBLIC_STYLE, ratio=1, overflow="fold")
        table.add_column("internal", style=INTERNAL_STYLE, ratio=1, overflow="fold")
    table.add_column("Flags", max_width=20, overflow="fold")
    for s in shown:
        entry = _entry(s, 160)
        if narrow:
            side = _t(f"{s.kind.upper() if s.kind == 'public' else s.kind}: ",
                      PUBLIC_STYLE if s.kind == "public" else INTERNAL_STYLE)
            cells: tuple[Text, ...] = (side + entry,)
        else:
            cells = (entry, Text("")) if s.kind == "public" else (Text(""), entry)
        flags = Text(" ".join(v.flags.get(s.id, ())), style="bold red" if s.id in v.flags else "")
        table.add_row(_t(date_label(s)), *cells, flags)
    console.print(table)
    if hidden:
        console.print(Text(f"{hidden} of {len(v.ordered)} statements hidden (not aligned with the other "
                           "side); --all shows every one.", style="dim"))


def _quote(label: str, s: Statement | None, sid: str, style: str) -> Text:
    out = Text(f"  {label}: ", style=style)
    if s is None:
        out.append(f"(statement {sid} not in this report)", style="dim")
        return out
    out.append_text(_t(f"\u201c{one_line(s.text, 400)}\u201d"))
    out.append("\n    \u2014 ")
    out.append_text(_t(f"{who(s)}, {date_label(s)} ({s.date.precision}), {s.source.ref()}", "dim"))
    return out


def _findings(v: View, console: Console) -> None:
    console.print()
    if not v.findings:
        console.print(Text("No findings.", style="bold green"))
        return
    console.print(Text(f"Findings ({len(v.findings)})", style="bold underline"))
    for f in v.findings:
        console.print()
        head = Text(f"{f.id} ", style="bold")
        head.append(f.level.upper(), style=LEVEL_STYLE.get(f.level, "bold"))
        status = v.status(f.id)
        if status != "unreviewed":
            head.append(f" [{status.upper()}]", style=STATUS_STYLE.get(status, "bold"))
        head.append_text(_t(f"  {f.type}  score {f.score:.2f}  {f.organization} / {f.topic}", "dim"))
        console.print(head)
        if status != "unreviewed":
            console.print(_t("  review: " + one_line(v.review_line(f.id)), STATUS_STYLE.get(status, "")))
        console.print(_t(one_line(f.point), "bold"))
        console.print(_quote("public", v.statements.get(f.public), f.public, PUBLIC_STYLE))
        for sid in f.internal:
            console.print(_quote("internal", v.statements.get(sid), sid, INTERNAL_STYLE))
        console.print(_t("  " + one_line(f.explanation)))
        for r in f.reasons:
            mark, style = ("+", "green") if r.effect == "strengthens" else ("-", "yellow")
            line = Text(f"    {mark} {r.effect} ", style=style)
            line.append_text(_t(f"[{r.code}] {one_line(r.text)}"))
            console.print(line)


def _files(report: Report, console: Console) -> None:
    bad = unread(report)
    errors = sorted(report.errors, key=lambda e: (e.path, e.stage, e.message))
    if bad:
        console.print()
        console.print(Text("Files not read", style="bold underline"))
        for f in bad:
            line = Text(f"  {f.status:8} ", style="red" if f.status == "failed" else "yellow")
            line.append_text(_t(f"{f.path}: {one_line(f.reason) or 'no reason given'}"))
            console.print(line)
    if errors:
        console.print()
        console.print(Text("Errors", style="bold underline"))
        for e in errors:
            console.print(_t(f"  {e.path} [{e.stage}]: {one_line(e.message)}", "red"))
    for w in report.warnings:
        console.print(_t(f"warning: {one_line(w)}", "yellow"))


def render_terminal(report: Report, out: TextIO, *, color: bool = False, show_all: bool = False,
                    width: int | None = None, sections: str = "all") -> None:
    """Write the terminal report: summary, findings, then the timeline (``sections``: all,
    findings, timeline), then files not read. ``color`` adds ANSI styles; ``width`` defaults to
    rich's own detection (the terminal's width, ``COLUMNS`` honoured, else 80)."""
    console = Console(file=out, force_terminal=color, no_color=not color, color_system="standard" if color else None,
                      width=width, markup=False, highlight=False, emoji=False, soft_wrap=False,
                      legacy_windows=False, force_jupyter=False)
    v = view(report)
    c = v.counts()
    summary = Text(f"claimcheck {report.tool_version}: {c['documents']} documents, ", style="bold")
    summary.append(f"{c['statements']['public']} public / {c['statements']['internal']} internal statements, "
                   f"{c['findings']['contradiction']} contradictions, {c['findings']['tension']} tensions")
    reviewed = c["reviews"]
    if any(reviewed.values()):
        summary.append(f" ({reviewed['confirmed']} confirmed, {reviewed['dismissed']} dismissed)")
    console.print(summary)
    if report.degraded:
        console.print(_t(f"degraded: {report.model}", "bold yellow"))
    if sections in ("all", "findings"):
        _findings(v, console)
    if sections in ("all", "timeline"):
        console.print()
        _timeline(v, console, show_all)
    _files(report, console)
