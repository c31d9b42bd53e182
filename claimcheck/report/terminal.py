"""Terminal report (rich): findings first (with their review), then the timeline in public/internal lanes, then files."""

from __future__ import annotations

from typing import TextIO

from rich import box
from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderResult
from rich.measure import Measurement
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


def shorten_left(ref: str, width: int) -> str:
    """``ref`` (``path:line``) in at most ``width`` cells, shortened from the left with an
    ellipsis; the file name and ``:line`` are kept whole (alone when there is no room for more)."""
    if cell_len(ref) <= width:
        return ref
    keep = ref.rsplit("/", 1)[-1]
    if cell_len(keep) + 1 > width:
        return keep
    out = ref
    while cell_len(out) + 1 > width:
        out = out[1:]
    return "\u2026" + out


class Ref:
    """A statement's short id and ``file:line`` citation in a table cell: never split across
    lines, the path shortened from the left to fit the cell (the file name and line kept whole)."""

    def __init__(self, ref: str, sid: str = "", style: str = "dim"):
        self.ref, self.sid, self.style = sanitize(ref), sid, style

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        keep = self.ref.rsplit("/", 1)[-1]
        head = cell_len(self.sid) + 1 if self.sid else 0
        return Measurement(max(head, min(cell_len(self.ref), cell_len(keep) + 1)), head + cell_len(self.ref))

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        head = Text(self.sid + " ", style="bold") if self.sid else Text("")
        keep = self.ref.rsplit("/", 1)[-1]
        if head.cell_len + cell_len(keep) > options.max_width:  # the id on a line of its own
            yield head
            head = Text("")
        # folded only when the cell cannot hold even the file name and the line
        yield head + Text(shorten_left(self.ref, options.max_width - head.cell_len), style=self.style)


def _entry(s: Statement, limit: int, side: Text | None = None, sid: str = "") -> Group:
    style = PUBLIC_STYLE if s.kind == "public" else INTERNAL_STYLE
    out = side.copy() if side is not None else Text()
    out.append_text(_t(who(s), style))
    out.append_text(_t(f" [{s.role}]" if s.role not in ("claim", "evidence") else "", "dim"))
    out.append("\n")
    out.append_text(_t(one_line(s.text, limit), "default"))
    return Group(out, Ref(s.source.ref(), sid))


def _timeline(v: View, console: Console, show_all: bool) -> None:
    shown = v.shown(show_all)
    hidden = len(v.ordered) - len(shown)
    table = Table(title="Timeline", box=box.SIMPLE_HEAD, show_lines=False, expand=True)
    table.add_column("Date", no_wrap=True)
    # the widest file name and line a statement cell must hold whole (Ref); two lanes below 100
    # columns, or too narrow to hold it, would leave each too little: one statement column then
    need = max((cell_len(sanitize(s.source.ref()).rsplit("/", 1)[-1]) + 1 for s in shown), default=0)
    date_w = max((cell_len(date_label(s)) for s in shown), default=4)
    flags_w = min(20, max((cell_len(" ".join(v.flags.get(s.id, ()))) for s in shown), default=5))
    narrow = console.width < NARROW or (console.width - date_w - max(5, flags_w) - 10) // 2 < need
    if narrow:  # the flags go under the statement: the cell keeps the width
        table.add_column("Statement", ratio=1, overflow="fold")
    else:
        table.add_column("PUBLIC", style=PUBLIC_STYLE, ratio=1, overflow="fold")
        table.add_column("internal", style=INTERNAL_STYLE, ratio=1, overflow="fold")
        table.add_column("Flags", max_width=20, overflow="fold")
    for s in shown:
        flags = Text(" ".join(v.flags.get(s.id, ())), style="bold red" if s.id in v.flags else "")
        if narrow:
            side = _t(f"{s.kind.upper() if s.kind == 'public' else s.kind}: ",
                      PUBLIC_STYLE if s.kind == "public" else INTERNAL_STYLE)
            entry = _entry(s, 160, side, v.short(s.id))
            if s.id in v.flags:
                entry = Group(*entry.renderables, Text("flags: ", style="bold red") + flags)
            table.add_row(_t(date_label(s)), entry)
        else:
            entry = _entry(s, 160, sid=v.short(s.id))
            cells: tuple[Group | Text, ...] = (entry, Text("")) if s.kind == "public" else (Text(""), entry)
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
