"""Issue 17: pathological text is cut or split, with a note, before any parser or pattern reads it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.cli import cli
from claimcheck.ingest.defuse import MAX_LINE, MAX_RUN, MAX_TOKEN, defuse, defuse_documents
from claimcheck.models import Document


def test_defuse_leaves_ordinary_text_alone() -> None:
    text = "SEATTLE, June 17, 2020 — The company said it will never sell the data.\n" * 50 + "-" * 80 + "\n"
    d = defuse(text)
    assert (d.text, d.notes, d.cuts, d.split) == (text, (), (), False)


@pytest.mark.parametrize("text, kept, note", [
    ("A" + " " * 10_000 + "x said the company.", "A" + " " * MAX_RUN + "x said the company.",
     "a run of 10,000 U+0020 at line 1 cut to 100"),
    ("intro\n" + "(" * 50_000 + " tail", "intro\n" + "(" * MAX_RUN + " tail", "a run of 50,000 '(' at line 2 cut to 100"),
    ("x " + "ab" * 5_000 + " y", "x " + "ab" * (MAX_TOKEN // 2) + " y", "a 10,000-character token at line 1 cut to 500"),
])
def test_defuse_cuts_runs_and_tokens_keeping_lines(text: str, kept: str, note: str) -> None:
    d = defuse(text)
    assert d.text == kept
    assert d.notes[0] == note
    assert d.text.count("\n") == text.count("\n")
    assert not d.split


def test_defuse_splits_megabyte_lines_at_sentence_ends_without_moving_offsets() -> None:
    text = "The company said it will stop. " * 40_000  # 1.24 MB, one line
    d = defuse(text)
    assert d.split and len(d.text) == len(text)
    lines = d.text.split("\n")
    assert len(lines) > 1 and max(map(len, lines)) <= MAX_LINE
    assert all(line.endswith(".") for line in lines[:-1])
    assert d.text.replace("\n", " ") == text


def test_defuse_documents_moves_page_starts_and_marks_lines_inexact() -> None:
    text = "page one " + "=" * 1000 + "\fpage two"
    doc = Document(id="d", path="x.pdf", text=text, page_starts=(0, text.index("\f") + 1))
    [out], notes = defuse_documents([doc])
    assert out.text[out.page_starts[1]:] == "page two"
    assert out.line_exact and notes == ("text defused: a run of 1,000 '=' at line 1 cut to 100",)
    long_line = Document(id="e", path="y.txt", part="msg1", text="Said so. " * 20_000)
    [out], notes = defuse_documents([long_line])
    assert not out.line_exact and notes[0].startswith("text defused: msg1: ")


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(list("ab (\n.\t") + ["x" * 40, "c" * 150]), max_size=300).map("".join),
       st.integers(min_value=0, max_value=3))
def test_defuse_output_respects_every_bound(text: str, reps: int) -> None:
    text = text * (reps * 50 + 1)
    d = defuse(text)
    assert d.text.count("\n") >= text.count("\n")
    for line in d.text.split("\n"):
        assert len(line) <= MAX_LINE
        assert all(len(tok) <= MAX_TOKEN for tok in line.split())
        run = 1
        for a, b in zip(line, line[1:]):
            run = run + 1 if a == b else 1
            assert run <= max(MAX_RUN, MAX_TOKEN)
    assert len(defuse(d.text).text) == len(d.text)  # defused text is a fixed point


def _scan(folder: Path) -> dict:
    result = CliRunner().invoke(cli, ["scan", str(folder), "--format", "json", "--no-cache", "--jobs", "1", "-q",
                                      "--fail-on", "never"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_issue_17_table_rows_dateline_and_prefix_runs_through_scan(tmp_path: Path) -> None:
    """Rows 1-2 of issue 17 at test size: the dateline bomb and a long run of prefix characters."""
    (tmp_path / "dateline.txt").write_text("A" + " " * 10_000 + "x said the company.\n")
    (tmp_path / "parens.txt").write_text("(" * 50_000 + "a" * 50_000 + "\n")
    (tmp_path / "fine.txt").write_text("The company said it will never sell the data to anyone.\n")
    data = _scan(tmp_path)
    files = {f["path"]: f for f in data["files"]}
    assert {p: f["status"] for p, f in files.items()} == {"dateline.txt": "parsed", "parens.txt": "parsed",
                                                         "fine.txt": "parsed"}
    assert files["dateline.txt"]["reason"] == "text defused: a run of 10,000 U+0020 at line 1 cut to 100"
    assert "text defused: a run of 50,000 '(' at line 1 cut to 100" in files["parens.txt"]["reason"]
    assert files["fine.txt"]["reason"] == ""
    assert data["errors"] == []
