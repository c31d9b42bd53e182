"""Issue 17's table of hostile inputs, each through `claimcheck scan` at a size where it shows.

Rows covered elsewhere: the dateline bomb and the run of '(' (test_defuse.py), the Slack export
with the cache (test_cache_reads.py), the planted pickle (test_cache.py), a file stalled in C
code and a worker killed or out of memory (test_limits.py).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimcheck.cli import cli

FINE = "The company said it will never sell the data to anyone.\n"


def _scan(folder: Path, *extra: str) -> dict:
    result = CliRunner().invoke(cli, ["scan", str(folder), "-f", "json", "--no-cache", "-q", "--fail-on", "never",
                                      *extra])
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.stderr
    return json.loads(result.stdout)


def _files(data: dict) -> dict[str, dict]:
    return {f["path"]: f for f in data["files"]}


def test_issue_17_claim_then_a_long_run_of_prefix_characters(tmp_path: Path) -> None:
    """'a 2 MB file: "The company said" and a long run of (': killed at 1,500 s. At 200 KB."""
    (tmp_path / "parens.txt").write_text("The company said " + "(" * 200_000 + "\n")
    (tmp_path / "fine.txt").write_text(FINE)
    files = _files(_scan(tmp_path, "-j", "1"))
    assert files["parens.txt"]["status"] == "parsed"
    assert files["parens.txt"]["reason"].startswith("text defused: a run of 200,000 '(' at line 1 cut to 100")
    assert files["fine.txt"]["status"] == "parsed"


def test_issue_17_one_repeated_sentence_on_one_line(tmp_path: Path) -> None:
    """'a 20 MB file of one repeated sentence, one line': killed at 1,500 s. At 220 KB the line is
    broken at sentence ends (lines then count within the text) and the file is read."""
    (tmp_path / "oneline.txt").write_text("The company said it will stop selling the data. " * 4_500)
    (tmp_path / "fine.txt").write_text(FINE)
    data = _scan(tmp_path, "-j", "1")
    files = _files(data)
    assert files["oneline.txt"]["status"] == "parsed", files["oneline.txt"]
    assert "line break(s) added to lines longer than 100,000 characters" in files["oneline.txt"]["reason"]
    assert files["fine.txt"]["status"] == "parsed"


def test_issue_17_nested_inline_markup(tmp_path: Path) -> None:
    """'nested <b><p> HTML: 94 s'."""
    (tmp_path / "nest.html").write_text("<b><p>" * 20_000 + FINE + "</p></b>" * 20_000)
    (tmp_path / "fine.txt").write_text(FINE)
    files = _files(_scan(tmp_path, "-j", "1"))
    assert files["nest.html"]["status"] in ("parsed", "failed") and files["fine.txt"]["status"] == "parsed"
    if files["nest.html"]["status"] == "failed":
        assert files["nest.html"]["reason"]


@pytest.mark.slow
def test_issue_17_big_file_of_one_repeated_sentence_is_accounted_within_its_budget(tmp_path: Path) -> None:
    """'a 12 MB file of one repeated sentence: unfinished after 600 s'. At 2 MB with a 1 s budget
    (plus 10 s per MB): the file ends parsed or failed with its reason, the others are read."""
    (tmp_path / "big.txt").write_text("The company said it will stop selling the data.\n" * 42_000)
    for i in range(4):
        (tmp_path / f"fine{i}.txt").write_text(FINE)
    data = _scan(tmp_path, "-j", "2", "--file-timeout", "1")
    files = _files(data)
    assert all(files[f"fine{i}.txt"]["status"] == "parsed" for i in range(4))
    big = files["big.txt"]
    assert big["status"] == "parsed" or big["reason"].startswith("not analysed: "), big
