"""Per-file limits on analysis: a document whose extraction runs too long is cut off and reported."""

from __future__ import annotations

import time
from pathlib import Path

import claimcheck.runtime.execute as execute
import claimcheck.extract as extract_mod
from claimcheck.pipeline import ScanOptions, run


def test_limits_slow_analysis_is_cut_off_and_reported(tmp_path: Path, monkeypatch) -> None:
    real = extract_mod.extract_batch
    extract_mod._engine(extract_mod.ExtractSettings())  # load the model outside the tiny limit

    def slow(docs, *, settings):
        if any("stall" in d.text for d in docs):
            time.sleep(5)
        return real(docs, settings=settings)

    monkeypatch.setattr(extract_mod, "extract_batch", slow)
    monkeypatch.setattr(execute, "ANALYSIS_BASE_SECONDS", 0.5)
    monkeypatch.setattr(execute, "ANALYSIS_SECONDS_PER_10K_CHARS", 0.0)
    (tmp_path / "stall.txt").write_text("The company said it will stall the data sale.\n")
    (tmp_path / "fine.txt").write_text("The company said it will never sell the data to anyone.\n")
    report = run([tmp_path], options=ScanOptions(use_cache=False, jobs=1))
    files = {f.path: f for f in report.files}
    assert files["stall.txt"].status == "failed"
    assert any(e.path == "stall.txt" and "took longer" in e.message for e in report.errors)
    assert files["fine.txt"].status == "parsed"
