"""examples/github-actions.yml run end to end: its claimcheck commands, in order, in a tmp repository."""

from __future__ import annotations

import re
import shlex
import shutil
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from claimcheck.cli import cli

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / "examples" / "github-actions.yml"
SEED = ROOT / "seeds" / "microsoft-dea"
SETUP_LINE = re.compile(r"^#\s+(claimcheck (?:scan|baseline|report)\b.*)$", re.M)


def _workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def _steps() -> list[dict]:
    return _workflow()["jobs"]["claimcheck"]["steps"]


def _commands(run: str) -> list[list[str]]:
    """The shell commands of a ``run:`` block (one per line; a folded block is one line)."""
    return [shlex.split(line) for line in run.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def setup_commands() -> list[list[str]]:
    """The one-time baseline commands the workflow's header comment tells the user to run."""
    return [shlex.split(m.group(1)) for m in SETUP_LINE.finditer(WORKFLOW.read_text(encoding="utf-8"))]


@dataclass
class StepRun:
    name: str
    exit_codes: list[int] = field(default_factory=list)
    stdout: str = ""
    skipped: bool = False


def claimcheck(argv: list[str]) -> tuple[int, str]:
    assert argv[0] == "claimcheck", argv
    result = CliRunner().invoke(cli, argv[1:])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    assert "Traceback" not in result.output
    return result.exit_code, result.stdout


def run_job(repo: Path) -> dict[str, StepRun]:
    """The job's steps as GitHub runs them: in order; after a failed step, only ``if: always()`` ones.

    ``uses:`` steps are checked, not run: checkout (the repo is already here), setup-python (this
    interpreter), upload-artifact (its ``path`` must exist). ``pip install .`` is checked against
    pyproject.toml (it must provide the ``claimcheck`` command); the claimcheck commands run in-process."""
    failed = False
    runs: dict[str, StepRun] = {}
    for step in _steps():
        name = step.get("name") or step.get("uses", "")
        rec = runs[name] = StepRun(name)
        if failed and str(step.get("if", "")).strip() != "always()":
            rec.skipped = True
            continue
        uses = step.get("uses", "")
        if uses.startswith("actions/upload-artifact"):
            for p in str(step["with"]["path"]).split():
                assert (repo / p).is_file(), f"artifact {p} was not produced"
            continue
        if uses:
            assert uses.split("@")[0] in ("actions/checkout", "actions/setup-python"), uses
            continue
        for argv in _commands(step["run"]):
            if argv[:2] == ["pip", "install"]:
                assert argv[2:] == ["."], argv  # installs the checked-out repository
                scripts = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"]
                assert scripts["claimcheck"] == "claimcheck.cli:main"
                continue
            code, out = claimcheck(argv)
            rec.exit_codes.append(code)
            rec.stdout += out
            failed = failed or code != 0
    return runs


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository checkout holding the seed case as ``documents/``, with the baseline recorded
    by the commands of the workflow's header comment; the current directory is its root. The
    commands run verbatim; their cache goes to a tmp folder (XDG_CACHE_HOME), like a fresh runner's."""
    root = tmp_path / "repo"
    shutil.copytree(SEED, root / "documents")
    monkeypatch.chdir(root)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    cmds = setup_commands()
    assert [c[:2] for c in cmds] == [["claimcheck", "scan"], ["claimcheck", "baseline"]]
    for argv in cmds:
        code, _ = claimcheck(argv)
        assert code == 0, argv
    assert (root / "claimcheck-baseline.json").is_file()
    assert (tmp_path / "cache" / "claimcheck").is_dir()  # not the user's own cache
    return root


def test_workflow_shape() -> None:
    wf = _workflow()
    steps = _steps()
    runs = [c for s in steps if "run" in s for c in _commands(s["run"])]
    assert ["pip", "install", "."] in runs
    scans = [c for c in runs if c[:2] == ["claimcheck", "scan"]]
    assert scans and all("--baseline" in c for c in scans)
    # The workflow triggers on the folder it scans and on the baseline file.
    triggers = wf.get("on") or wf.get(True)  # YAML 1.1 reads a bare `on` key as True
    for event in ("push", "pull_request"):
        paths = triggers[event]["paths"]
        assert "claimcheck-baseline.json" in paths
        for c in scans:
            assert f"{c[2].rstrip('/')}/**" in paths
    # The report is kept even when the annotation step fails the job.
    for s in steps:
        if s.get("uses", "").startswith("actions/upload-artifact") or "--format markdown" in s.get("run", ""):
            assert s.get("if") == "always()", s


@pytest.mark.model
def test_workflow_with_nothing_new_passes(repo: Path) -> None:
    runs = run_job(repo)
    codes = [c for r in runs.values() for c in r.exit_codes]
    assert len(codes) == 2 and codes == [0, 0]
    assert not any(r.skipped for r in runs.values())
    github = runs["Annotate new findings (exit 1 on a new contradiction or an unreadable file)"].stdout
    assert github.splitlines() == ["::notice title=claimcheck::0 contradiction(s), 0 tension(s)"]
    report = (repo / "claimcheck-report.md").read_text(encoding="utf-8")
    assert "## Findings\n\nNo findings." in report


@pytest.mark.model
def test_workflow_flags_a_new_contradiction_and_keeps_the_report(repo: Path) -> None:
    from test_e2e_reports import NEW_DENIAL

    old_ids = {e["id"] for e in yaml.safe_load((repo / "claimcheck-baseline.json").read_text())["findings"]}
    assert old_ids
    (repo / "documents" / "public" / "2020-06-22-statement.md").write_text(NEW_DENIAL, encoding="utf-8")
    runs = run_job(repo)
    annotate = runs["Annotate new findings (exit 1 on a new contradiction or an unreadable file)"]
    assert annotate.exit_codes == [1]  # the job fails on the new contradiction ...
    markdown = runs["Markdown report of the new findings"]
    assert not markdown.skipped and markdown.exit_codes == [0]  # ... and still writes the report
    errors = [l for l in annotate.stdout.splitlines() if l.startswith("::")]
    assert len(errors) == 2 and errors[1].startswith("::notice ")
    m = re.match(r"::error file=([^,]+),line=(\d+),title=claimcheck contradiction (F[0-9a-f]{10})", errors[0])
    assert m, errors[0]
    path, line, fid = m.groups()
    assert path == "documents/public/2020-06-22-statement.md"  # as the repository sees it
    assert 1 <= int(line) <= len(NEW_DENIAL.splitlines())
    assert fid not in old_ids
    report = (repo / "claimcheck-report.md").read_text(encoding="utf-8")
    headed = re.findall(r"^### (F[0-9a-f]{10}) ", report, re.M)
    assert headed[0] == fid and headed.count(fid) == 1  # the flag first; candidates for review after it
