"""Markdown report: summary, findings (both quotes side by side), timeline table, unread files."""

from __future__ import annotations

import re
from typing import TextIO

from claimcheck.models import Report, Statement
from claimcheck.report._common import View, date_label, one_line, sanitize, unread, view, who

# Backslash-escapable ASCII punctuation that has meaning in CommonMark/GFM inline or table syntax.
_MD_PUNCT = re.compile(r"([\\`*_\[\]|~])")


def md(text: str) -> str:
    """The one place document text enters markdown: one line, no HTML, no markup, no link.

    Newlines (also U+2028/2029) become spaces, ``& < >`` become entities (no raw HTML, no
    ``<scheme:...>`` autolink), and ``\\ ` * _ [ ] | ~`` are backslash-escaped (no emphasis, code
    span, link or image, table cell break)."""
    text = one_line(sanitize(text).replace("\u2028", " ").replace("\u2029", " "))
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_PUNCT.sub(r"\\\1", text)


def _who_when(s: Statement) -> str:
    return f"{md(who(s))}, {md(date_label(s))} ({md(s.date.precision)}), {md(s.source.ref())}"


def _quote_cell(s: Statement | None, sid: str) -> str:
    if s is None:
        return f"statement {md(sid)} not in this report"
    return f"\u201c{md(s.text)}\u201d<br>\u2014 {_who_when(s)}"


def _summary(v: View, out: TextIO) -> None:
    c = v.counts()
    rep = v.report
    out.write("# claimcheck report\n\n")
    out.write(f"- Documents read: {c['documents']} (files: {c['files']['parsed']} parsed, "
              f"{c['files']['skipped']} skipped, {c['files']['failed']} failed)\n")
    out.write(f"- Statements: {c['statements']['public']} public, {c['statements']['internal']} internal\n")
    reviewed = c["reviews"]
    out.write(f"- Findings: {c['findings']['contradiction']} contradiction, {c['findings']['tension']} tension"
              + (f" ({reviewed['confirmed']} confirmed, {reviewed['dismissed']} dismissed)" if any(reviewed.values()) else "")
              + "\n")
    out.write(f"- Model: {md(rep.model)}{' (degraded)' if rep.degraded else ''}; "
              f"claimcheck {md(rep.tool_version)}, schema {rep.schema_version}\n")
    for w in rep.warnings:
        out.write(f"- Warning: {md(w)}\n")
    out.write("\n")


def _findings(v: View, out: TextIO) -> None:
    out.write("## Findings\n\n")
    if not v.findings:
        out.write("No findings.\n\n")
        return
    for f in v.findings:
        status = v.status(f.id)
        mark = f" \u00b7 {status}" if status != "unreviewed" else ""
        out.write(f"### {md(f.id)} \u00b7 {md(f.level)}{mark}: {md(f.point)}\n\n")
        out.write(f"**{md(f.level)}** \u00b7 {md(f.type)} \u00b7 score {f.score:.2f} \u00b7 "
                  f"{md(f.organization)} \u00b7 topic: {md(f.topic)} \u00b7 rule {md(f.rule)}\n\n")
        if status != "unreviewed":
            out.write(f"> **Review: {md(status)}**: {md(v.review_line(f.id))}\n\n")
        internal = "<br><br>".join(_quote_cell(v.statements.get(i), i) for i in f.internal) or "(none)"
        out.write("| Public statement | Internal record |\n| --- | --- |\n")
        out.write(f"| {_quote_cell(v.statements.get(f.public), f.public)} | {internal} |\n\n")
        out.write(f"{md(f.explanation)}\n\n")
        for r in f.reasons:
            effect = f"**{md(r.effect)}**" if r.effect == "strengthens" else f"*{md(r.effect)}*"
            out.write(f"- {effect} "
                      f"({md(r.code)}): {md(r.text)}\n")
        out.write("\n" if f.reasons else "")


def _timeline(v: View, out: TextIO, show_all: bool) -> None:
    shown = v.shown(show_all)
    out.write("## Timeline\n\n")
    hidden = len(v.ordered) - len(shown)
    if hidden:
        out.write(f"{hidden} of {len(v.ordered)} statements not aligned with the other side are "
                  "not listed (`--all` lists every one).\n\n")
    if not shown:
        out.write("No statements.\n\n")
        return
    out.write("| Date | Precision | Side | Who | Statement | Source | Id | Findings |\n"
              "| --- | --- | --- | --- | --- | --- | --- | --- |\n")
    for s in shown:
        side = "**public**" if s.kind == "public" else "*internal*"
        role = f" ({md(s.role)})" if s.role not in ("claim", "evidence") else ""
        flags = ", ".join(md(i) for i in v.flags.get(s.id, ()))
        out.write(f"| {md(date_label(s))} | {md(s.date.precision)} | {side}{role} | {md(who(s))} | "
                  f"{md(one_line(s.text, 300))} | {md(s.source.ref())} | `{v.short(s.id)}` | {flags} |\n")
    out.write("\n")


def _files(report: Report, out: TextIO) -> None:
    bad = unread(report)
    if bad:
        out.write("## Files not read\n\n| File | Status | Reason |\n| --- | --- | --- |\n")
        for f in bad:
            out.write(f"| {md(f.path)} | {md(f.status)} | {md(f.reason) or 'no reason given'} |\n")
        out.write("\n")
    if report.errors:
        out.write("## Errors\n\n| File | Stage | Message |\n| --- | --- | --- |\n")
        for e in sorted(report.errors, key=lambda e: (e.path, e.stage, e.message)):
            out.write(f"| {md(e.path)} | {md(e.stage)} | {md(e.message)} |\n")
        out.write("\n")


def render_markdown(report: Report, out: TextIO, *, show_all: bool = False, sections: str = "all") -> None:
    """Renderer for ``--format markdown`` (``sections``: all, findings, timeline)."""
    v = view(report)
    _summary(v, out)
    if sections in ("all", "findings"):
        _findings(v, out)
    if sections in ("all", "timeline"):
        _timeline(v, out, show_all)
    _files(report, out)
