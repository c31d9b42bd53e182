"""Per-file limits (issues 17 and 19): a file whose analysis runs too long, or that kills or
exhausts its worker, is stopped from outside and reported failed; the rest of the scan goes on."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import claimcheck.extract as extract_mod
from claimcheck.cli import cli
from claimcheck.pipeline import ScanOptions, run
from claimcheck.runtime import execute, jobs

REPO = Path(__file__).resolve().parents[1]


def _folder(root: Path, special: dict[str, str]) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for i in range(6):
        (root / f"f{i}.txt").write_text(f"The official said {i} things.\nA plain line.\n")
    for name, text in special.items():
        (root / name).write_text(text)
    return root


def _outputs(root: Path, extractor: str, **kw) -> dict[str, tuple]:
    out = execute.scan_paths([root], settings=("x",), extractor=f"limits_helpers:{extractor}", **kw)  # type: ignore[arg-type]
    return {r.record.path: (r.record, tuple(s.text for s in stmts)) for r, stmts, _ in out}


@pytest.mark.parametrize("jobs", [1, 2])
def test_limits_file_stalled_in_c_code_is_stopped_and_the_rest_is_unchanged(tmp_path: Path, jobs: int) -> None:
    """A file whose analysis spins inside the regex engine (where SIGALRM never runs) is stopped
    when its budget is spent, reported failed with how far it got; every other file gives what
    it gives in a scan without it."""
    root = _folder(tmp_path / "docs", {"stall.txt": "The official said STALL.\n"})
    out = _outputs(root, "stall_batch", jobs=jobs, file_timeout=2)
    record, stmts = out.pop("stall.txt")
    assert (record.status, record.stage, stmts) == ("failed", "extract", ())
    assert record.reason == "not analysed: took longer than 2 s while analysing 1 document of 25 characters"
    (root / "stall.txt").unlink()
    assert out == _outputs(root, "stall_batch", jobs=jobs, file_timeout=2)


def test_limits_worker_memory_is_capped(tmp_path: Path) -> None:
    """Issue 19: a worker's address space is limited, so a file asking for 3 GB fails alone."""
    root = _folder(tmp_path / "docs", {"hog.txt": "The official said HOG.\n"})
    out = _outputs(root, "hog_batch", jobs=1, file_timeout=60)
    record, _ = out.pop("hog.txt")
    assert out["f0.txt"][0].status == "parsed"
    errors = [r for r, _, e in execute.scan_paths([root / "hog.txt"], settings=("x",), extractor="limits_helpers:hog_batch",
                                                  jobs=1, file_timeout=60) for r in e]
    assert [e.message for e in errors] == ["MemoryError: "]


def test_limits_slow_file_through_scan_fails_with_reason_and_budget_from_option(tmp_path: Path, monkeypatch) -> None:
    """Through `claimcheck scan`: --file-timeout sets the budget; a file past it is failed with the
    reason, and the report holds the same statements for the others as a scan without it."""
    seen: list[float] = []
    real = execute.job_budget

    def budget(tasks, timeout):
        seen.append(timeout)
        return 0.001 if any(t.entry.display == "slow.txt" for t in tasks) else real(tasks, timeout)

    monkeypatch.setattr(execute, "job_budget", budget)
    root = _folder(tmp_path / "docs", {"slow.txt": "The company said it will never sell the data.\n"})
    args = ["scan", str(root), "-f", "json", "--no-cache", "-j", "1", "--fail-on", "never", "--file-timeout", "45"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    files = {f["path"]: f for f in data["files"]}
    assert files["slow.txt"]["status"] == "failed"
    assert files["slow.txt"]["reason"].startswith("not analysed: took longer than 0.001 s while ")
    assert {e["path"] for e in data["errors"]} == {"slow.txt"}
    assert set(seen) == {45.0}
    (root / "slow.txt").unlink()
    without = json.loads(CliRunner().invoke(cli, args).stdout)
    assert [s["text"] for s in data["statements"]] == [s["text"] for s in without["statements"]]


def test_limits_budget_from_claimcheck_yaml(tmp_path: Path, monkeypatch) -> None:
    seen: list[float] = []
    real = execute.job_budget
    monkeypatch.setattr(execute, "job_budget", lambda tasks, timeout: seen.append(timeout) or real(tasks, timeout))
    root = _folder(tmp_path / "docs", {"claimcheck.yaml": "file_timeout: 7\n"})
    run([root], options=ScanOptions(use_cache=False, jobs=1))
    assert set(seen) == {7.0}
    seen.clear()
    run([root], options=ScanOptions(use_cache=False, jobs=1, file_timeout=9))  # the option wins
    assert set(seen) == {9.0}


def test_limits_default_budget_is_seconds_not_hours(tmp_path: Path) -> None:
    task = jobs._Task(entry=None, meta={}, size=12 * 1024 * 1024)
    assert jobs.job_budget([task], jobs.DEFAULT_FILE_TIMEOUT) == 60 + 120  # a 12 MB file: 3 minutes


def test_limits_soft_limit_in_process_when_the_hard_one_is_off(tmp_path: Path, monkeypatch) -> None:
    """--file-timeout 0: no worker, files analysed in this process (--jobs 1) under the old
    SIGALRM limit, which still cuts off a document stalled in Python code."""
    real = extract_mod.extract_batch
    extract_mod._engine(extract_mod.ExtractSettings())  # load the model outside the tiny limit

    def slow(docs, *, settings):
        if any("stall" in d.text for d in docs):
            time.sleep(5)
        return real(docs, settings=settings)

    monkeypatch.setattr(extract_mod, "extract_batch", slow)
    monkeypatch.setattr(jobs, "ANALYSIS_BASE_SECONDS", 0.5)
    monkeypatch.setattr(jobs, "ANALYSIS_SECONDS_PER_10K_CHARS", 0.0)
    (tmp_path / "stall.txt").write_text("The company said it will stall the data sale.\n")
    (tmp_path / "fine.txt").write_text("The company said it will never sell the data to anyone.\n")
    report = run([tmp_path], options=ScanOptions(use_cache=False, jobs=1, file_timeout=0))
    files = {f.path: f for f in report.files}
    assert files["stall.txt"].status == "failed"
    assert any(e.path == "stall.txt" and "took longer" in e.message for e in report.errors)
    assert files["fine.txt"].status == "parsed"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a zombie waiting for its parent's reaper is dead for this purpose
        return Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.parametrize("jobs", [1, 2])
def test_limits_workers_die_with_the_main_process(tmp_path: Path, jobs: int) -> None:
    """Issue 19: kill -9 of the main process mid-scan leaves no worker behind."""
    root = _folder(tmp_path / "docs", {})
    pid_file = tmp_path / "worker.pid"
    script = textwrap.dedent(f"""
        import sys
        sys.path.insert(0, {str(REPO / 'tests')!r})
        from claimcheck.runtime import execute
        if __name__ == "__main__":
            list(execute.scan_paths([{str(root)!r}], settings=("x",), extractor="limits_helpers:sleepy_batch",
                                    jobs={jobs}, file_timeout=3600))
    """)
    env = dict(os.environ, CLAIMCHECK_TEST_PID_FILE=str(pid_file), PYTHONPATH=str(REPO))
    main = subprocess.Popen([sys.executable, "-c", script], env=env, cwd=tmp_path)
    try:
        deadline = time.monotonic() + 120
        while not pid_file.exists() and time.monotonic() < deadline and main.poll() is None:
            time.sleep(0.1)
        assert pid_file.exists(), "the worker never started"
        time.sleep(0.2)
        worker = int(pid_file.read_text())
        assert _alive(worker)
    finally:
        main.send_signal(signal.SIGKILL)
        main.wait()
    deadline = time.monotonic() + 30
    while _alive(worker) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _alive(worker)
