"""Citations to trust (issue 18, point 3): every statement of every bundled case cites its file's own line.

For each case in tests/corpora and seeds, the scan's JSON (through the CLI) is checked statement
by statement against the file on disk: the cited line of the file (for a PDF, the line of the
cited page's text layer) holds the start of the quoted text. A .docx has no lines of its own and
is left out. The HTML reader maps offsets in its extracted text back to the page's source lines
(``Document.line_map``), JSON records cite the line of their text value.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimcheck.cli import cli

ROOT = Path(__file__).resolve().parent.parent
CASES = sorted(p.parent for p in [*ROOT.glob("tests/corpora/*/gold.yaml"), *ROOT.glob("seeds/*/gold.yaml")])


def _norm(text: str) -> str:
    return " ".join(text.split())


def _lines(case: Path, source: dict) -> list[str] | None:
    path = case / source["path"]
    if path.suffix.lower() == ".docx":
        return None
    if path.suffix.lower() == ".pdf":
        import pypdfium2 as pdfium

        pdf = pdfium.PdfDocument(str(path))
        try:
            text = pdf[source["page"] - 1].get_textpage().get_text_range()
        finally:
            pdf.close()
        return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return path.read_text(encoding="utf-8", errors="replace").replace("\r\n", "\n").split("\n")


def _starts_on(words: list[str], lines: list[str], at: int) -> bool:
    """Whether ``words`` run, in order, from a word of ``lines[at]`` on (into the next lines if
    the quote wraps); tags and entities in between do not count as words of the quote."""
    if not words or not 0 <= at < len(lines):
        return False
    first = re.findall(r"\w+", lines[at])
    after = re.findall(r"\w+", " ".join(lines[at:at + 4]))
    return any(after[i:i + len(words)] == words for i in range(len(first)))


@pytest.mark.model
@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_every_statement_cites_its_files_own_line(case: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    res = CliRunner().invoke(cli, ["scan", str(case), "--no-cache", "-q", "-f", "json", "-o", str(out),
                                   "--fail-on", "never"])
    assert res.exit_code == 0, res.output
    statements = json.loads(out.read_text())["statements"]
    assert statements
    wrong = []
    for s in statements:
        for src in (s["source"], *s["also_reported_in"]):
            lines = _lines(case, src)
            if lines is None or src is not s["source"]:
                continue
            start = re.findall(r"\w+", s["text"])[:4]
            at = src["line"] - 1
            cited = lines[at] if 0 <= at < len(lines) else ""
            if not _starts_on(start, lines, at):
                wrong.append(f"{src['ref']}: {' '.join(start)!r} does not start on that line ({cited[:60]!r})")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("case", ["plain"])
def test_html_offsets_map_to_the_pages_own_lines(case: str, tmp_path: Path) -> None:
    """Text repeated in the head, an entity opening a node, inline tags, a wrapped paragraph and
    a <br>: each sentence's offset maps to the source line where it starts."""
    from claimcheck.ingest import plan_paths, read_file

    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Ships sold</title>\n"          # 1
        '<meta name="description" content="Ships sold">\n'  # 2
        "</head><body><article>\n"                          # 3
        "<h1>Ships sold</h1>\n"                             # 4
        "<p>&amp; more: the yard <b>sold</b> two\n"         # 5
        "ships in May.\n"                                   # 6
        "The buyer was a navy.<br>It paid cash.</p>\n"      # 7
        "<p>\n"                                             # 8
        "   Nobody   denied it.</p>\n"                      # 9
        "</article></body></html>\n", encoding="utf-8")
    entries, sidecars = plan_paths([page])
    [doc] = read_file(entries[0], {}, date=None, max_file_bytes=10**6, time_limit_s=10).documents
    expect = {"Ships sold": 4, "& more": 5, "ships in May": 6, "The buyer": 7, "It paid": 7, "Nobody": 9}
    for text, line in expect.items():
        assert doc.locate(doc.text.index(text))[0] == line, text
