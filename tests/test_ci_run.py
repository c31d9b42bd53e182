""".ci/run, the CI entry point: CI=1 for the tests, chromium installed or the run stopped (issue 18).

The script is run from a copy of the repository's .ci folder with a PATH of stand-ins: ``apt-get``
says what the install would do, ``python3`` (the test command's first step) records the
environment it was started with and stops the run, so nothing is installed or tested for real."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TOOLS = ("dirname", "id", "mktemp", "tail", "rm", "cat")


def _ci_run(tmp_path: Path, *, chromium: bool, apt: str) -> tuple[subprocess.CompletedProcess[str], Path]:
    repo = tmp_path / "repo"
    (repo / ".ci").mkdir(parents=True)
    shutil.copy(ROOT / ".ci" / "run", repo / ".ci" / "run")
    bin_ = tmp_path / "bin"
    bin_.mkdir()
    for tool in TOOLS:
        (bin_ / tool).symlink_to(shutil.which(tool))
    marker = tmp_path / "tests-started"

    def stub(name: str, body: str) -> None:
        (bin_ / name).write_text(f"#!/bin/bash\n{body}\n", encoding="utf-8")
        (bin_ / name).chmod(0o755)

    stub("python3", f'echo "CI=${{CI-unset}}" > {marker}; exit 3')
    stub("apt-get", apt)
    if chromium:
        stub("chromium", "exit 0")
    bash = shutil.which("bash") or "/bin/bash"
    res = subprocess.run([bash, str(repo / ".ci" / "run")], capture_output=True, text=True, timeout=60,
                         env={"PATH": str(bin_), "HOME": str(tmp_path)})
    return res, marker


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_ci_run_exports_ci_before_the_tests(tmp_path: Path) -> None:
    res, marker = _ci_run(tmp_path, chromium=True, apt="echo apt-get must not run >&2; exit 100")
    assert res.returncode == 3, res.stderr  # the stand-in test command ran, and stopped the run
    assert marker.read_text() == "CI=1\n"
    assert "apt-get must not run" not in res.stderr


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_ci_run_stops_when_chromium_cannot_be_installed(tmp_path: Path) -> None:
    res, marker = _ci_run(tmp_path, chromium=False,
                          apt='[ "$1" = install ] && { echo "E: Unable to locate package chromium"; exit 100; }; exit 0')
    assert res.returncode == 1, res.stderr
    assert not marker.exists()  # the tests never started without chromium
    assert "could not install chromium" in res.stderr and "E: Unable to locate package chromium" in res.stderr
    # apt-get says it worked but no chromium command appeared: stopped as well
    res, marker = _ci_run(tmp_path / "again", chromium=False, apt="exit 0")
    assert res.returncode == 1 and not marker.exists() and "no chromium command is on PATH" in res.stderr
