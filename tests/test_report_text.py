"""Terminal and markdown reports: content, default timeline selection, escaping of hostile text."""

from __future__ import annotations

import io
import re

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from claimcheck.report import render
from claimcheck.report._common import sanitize
from claimcheck.report.markdown import md


def _out(report, fmt: str, **kw) -> str:
    buf = io.StringIO()
    render(report, fmt, buf, **kw)
    return buf.getvalue()


def test_sanitize_shows_escapes_and_controls_escaped() -> None:
    dirty = "a\x1b[31mb\x1b[0m c\x1b]0;title\x07d \x1b]8;;http://x\x1b\\e\x9b2Jf\x00g\x07h\u202ei\r\nj\tk"
    assert sanitize(dirty) == ("a\\x1b[31mb\\x1b[0m c\\x1b]0;title\\x07d \\x1b]8;;http://x\\x1b\\e\\x9b2Jf"
                               "\\x00g\\x07h\\u202ei\nj\tk")


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_sanitize_property(s: str) -> None:
    out = sanitize(s)
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", out)


def test_terminal_timeline_and_findings(make_report) -> None:
    out = _out(make_report(), "terminal", width=140)
    lines = out.splitlines()
    # date order, precision shown as written, undated last
    order = [next(i for i, l in enumerate(lines) if l.strip().startswith(d)) for d in ("2017-09 ", "2017-09-01/2018-12-31", "2019", "2020-06-11", "undated")]
    assert order == sorted(order)
    assert "mail/box.mbox#msg2:40" in out and "news/report.txt:p2:4" in out
    row = next(l for l in lines if l.strip().startswith("2020-06-11"))
    assert "f-9z8y7x" in row and "f-1a2b3c" in row
    # the third-party statement is not aligned: hidden by default, shown with show_all
    assert "Ann Critic" not in out and "1 of 6 statements hidden" in out
    assert "Ann Critic" in _out(make_report(), "terminal", show_all=True, width=140)
    # findings: contradiction first, both sides, reasons
    assert out.index("f-9z8y7x CONTRADICTION") < out.index("f-1a2b3c TENSION")
    assert "- weakens [scope] A pilot is not a sale." in out
    assert "Dana Roe (Acme Aerial), 2017-09 (month), mail/pilot.eml:9" in out
    assert "skipped  scan.bin: binary file" in out


def test_terminal_lanes_distinct(make_report) -> None:
    out = _out(make_report(), "terminal", width=140)
    header = next(l for l in out.splitlines() if "PUBLIC" in l)
    pub_col, int_col = header.index("PUBLIC"), header.index("internal")
    timeline = out.split("Findings (")[0].splitlines()
    jo = [l.index("Jo Smith") for l in timeline if "Jo Smith" in l]
    dana = [l.index("Dana Roe") for l in timeline if "Dana Roe" in l]
    assert jo and dana
    assert all(pub_col - 2 <= i < int_col for i in jo) and all(i >= int_col - 2 for i in dana)
    colored = _out(make_report(), "terminal", color=True)
    assert "\x1b[1;36m" in colored and "\x1b[35m" in colored


def test_terminal_hostile_has_no_escape_sequences(make_report) -> None:
    out = _out(make_report(hostile=True), "terminal", show_all=True)
    assert "\x1b" not in out and "\x9b" not in out and "\x07" not in out
    assert "[click](javascript:" in out  # shown literally, not interpreted as markup
    colored = _out(make_report(hostile=True), "terminal", color=True)
    assert "\x1b]" not in colored and "\x1b[2J" not in colored and "\x1b[31mRED" not in colored


def test_markdown_structure(make_report) -> None:
    out = _out(make_report(), "markdown")
    assert out.index("## Findings") < out.index("## Timeline") < out.index("## Files not read")
    assert "- Findings: 1 contradiction, 1 tension" in out
    assert "### f-9z8y7x \u00b7 contradiction: whether agency work was kept quiet" in out
    assert "| Public statement | Internal record |" in out
    assert "Dana Roe (Acme Aerial), 2017-09 (month), mail/pilot.eml:9" in out
    assert "- *weakens* (scope): A pilot is not a sale." in out
    assert "| scan.bin | skipped | binary file |" in out
    assert "Ann Critic" not in out and "Ann Critic" in _out(make_report(), "markdown", show_all=True)


def test_markdown_hostile_renders_inert(make_report) -> None:
    out = _out(make_report(hostile=True), "markdown", show_all=True)
    rendered = MarkdownIt("commonmark").enable("table").render(out)
    assert "<script" not in rendered and "<img" not in rendered
    assert "javascript:" not in re.findall(r'href="([^"]*)"', rendered).__str__()
    assert "<a " not in rendered and "<code>" not in rendered.split("<h2>Timeline")[0].split("<h2>Findings")[1]
    # every table row keeps its column count (pipes in text do not split cells)
    for table in re.findall(r"<table>.*?</table>", rendered, re.S):
        head = table.split("</thead>")[0].count("<th>")
        for row in re.findall(r"<tr>(.*?)</tr>", table.split("</thead>")[1], re.S):
            assert row.count("<td") == head
    assert "\x1b" not in out


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_md_escape_round_trips_as_text(s: str) -> None:
    cell = md(s)
    assert "\n" not in cell and "<" not in cell
    html = MarkdownIt("commonmark").enable("table").render(f"| a |\n| --- |\n| {cell} |\n")
    assert html.count("<td") == 1 and "<a " not in html and "<em>" not in html and "<code>" not in html
