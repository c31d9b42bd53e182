"""Smoke test of the benchmark: a tiny corpus through every step; structure only, no timings."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
BENCH = REPO / "benchmarks"


def test_make_corpus_is_deterministic_and_mixes_formats(tmp_path: Path) -> None:
    sys.path.insert(0, str(BENCH))
    try:
        import make_corpus
    finally:
        sys.path.remove(str(BENCH))
    a = make_corpus.make_corpus(tmp_path / "a", words=6000, docs=30, with_seeds=True)
    b = make_corpus.make_corpus(tmp_path / "b", words=6000, docs=30, with_seeds=True)
    files_a = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*") if p.is_file())
    files_b = sorted(p.relative_to(tmp_path / "b") for p in (tmp_path / "b").rglob("*") if p.is_file())
    assert a == b and files_a == files_b
    assert all((tmp_path / "a" / f).read_bytes() == (tmp_path / "b" / f).read_bytes() for f in files_a)
    suffixes = {f.suffix for f in files_a}
    assert {".txt", ".html", ".md", ".eml", ".mbox", ".jsonl"} <= suffixes
    assert any(f.parts[0] == "cases" for f in files_a)  # the seed cases are mixed in
    assert 4000 <= a["words"] - make_corpus.copy_seeds(tmp_path / "c") <= 9000
    added = make_corpus.make_corpus(tmp_path / "a", words=200, docs=1, start=30, with_seeds=False)
    assert added["files"] == 1 and (tmp_path / "a").rglob("doc000030.*")


@pytest.mark.model
@pytest.mark.slow
def test_bench_scan_tiny_run_prints_every_ratio(tmp_path: Path) -> None:
    out_json = tmp_path / "bench.json"
    proc = subprocess.run(
        [sys.executable, str(BENCH / "bench_scan.py"), "--words", "3000", "--docs", "8", "--jobs", "1",
         "--no-seeds", "--scaling", "300", "--repeat", "2", "--work", str(tmp_path / "work"), "--json", str(out_json)],
        cwd=REPO, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    lines = proc.stdout.splitlines()
    for prefix in ("RATIO cold vs baseline:", "RATIO warm vs cold:", "RATIO +1% docs vs cold:",
                   "RATIO +1% docs in claimcheck watch vs cold:",
                   "CHECK findings fast == thorough:", "RATIO peak RSS 4x vs 1x:", "SCALING 300 statements:",
                   "INFO cold vs a baseline with one math thread per process"):
        assert any(line.startswith(prefix) for line in lines), (prefix, proc.stdout)
    assert all(re.search(r"(PASS|MISS)$", ln) for ln in lines if ln.startswith(("RATIO", "CHECK")))
    data = json.loads(out_json.read_text())
    assert set(data["ratios"]) >= {"cold_vs_baseline", "warm_vs_cold", "plus1_vs_cold", "rss_4x_vs_1x"}
    for step in ("baseline", "baseline_one_thread", "cold", "thorough", "warm", "plus1", "watch_plus1", "cold_4x"):
        assert data[step]["exit"] == 0, data[step]
    assert all(r["parsed"] == 1 and r["changed"] == 1 for r in data["runs"]["watch_plus1"])  # only the new file
    assert data["findings"]["watch_identical_to_rescan"] is True
    runs = data["runs"]
    assert all(len(runs[step]) == 2 and all(r["exit"] == 0 for r in runs[step]) for step in runs)
    fastest = {step: min(r["seconds"] for r in runs[step]) for step in runs}
    assert data["ratios"]["cold_vs_baseline"] == round(fastest["baseline"] / fastest["cold"], 3)
    assert data["ratios"]["plus1_vs_cold"] == round(fastest["plus1"] / fastest["cold"], 4)
    assert data["ratios"]["watch_plus1_vs_cold"] == round(fastest["watch_plus1"] / fastest["cold"], 4)
    assert data["scaling"][0]["statements"] == 300 and "us_per_statement" in data["scaling"][0]
