"""The README's newcomer loop, run as written (issue 18): scan, explain a miss, dismiss a false
positive, confirm a finding, re-scan as CI does, on a copy of a bundled case with two findings.

The commands are read from the README's block; only its placeholders (the ids and a file name)
are replaced, by values read off the report as a newcomer would."""

from __future__ import annotations

import json
import re
import shlex
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from claimcheck.cli import cli

ROOT = Path(__file__).resolve().parent.parent
CASE = ROOT / "tests" / "corpora" / "drugmaker-impurity"
LOOP = re.compile(r"A newcomer's loop:\n\n```sh\n(.*?)\n```", re.S)
#: The placeholders of the README's block: a claim and a record not flagged, a finding dismissed,
#: a finding confirmed, a file to explain.
CLAIM, RECORD, FALSE_POSITIVE, HOLDS, FILE = ("s3611b7f6", "sa13600e4", "Fde17f00d1b", "F1a2b3c4d5e",
                                              "documents/internal/memo.docx")


def readme_loop() -> list[list[str]]:
    block = LOOP.search((ROOT / "README.md").read_text(encoding="utf-8"))
    assert block, "README: the newcomer's loop block is gone"
    return [shlex.split(line, comments=True) for line in block.group(1).splitlines() if line.strip()]


def run(args: list[str]):
    assert args[0] == "claimcheck", args
    return CliRunner().invoke(cli, args[1:])


@pytest.mark.model
def test_the_readme_newcomer_loop(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(CASE, tmp_path / "documents", ignore=shutil.ignore_patterns("gold.yaml"))
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))  # the README's commands use the default cache
    steps = iter(readme_loop())
    given: dict[str, str] = {}

    def step(*expect: str) -> list[str]:
        """The README's next command, its placeholders filled in; ``expect``: its first words."""
        args = [given.get(a, a) for a in next(steps)]
        assert args[:len(expect)] == list(expect), args
        return args

    # 1. scan, then read the findings and the statement ids off the report
    res = run(step("claimcheck", "scan", "documents/"))
    assert res.exit_code == 0, res.output
    report = json.loads(Path("findings.json").read_text())
    findings = sorted(report["findings"], key=lambda f: f["id"])
    assert [f["level"] for f in findings] == ["contradiction", "contradiction"] and report["reviews"] == []
    res = run(step("claimcheck", "report", "findings.json", "--all"))
    assert res.exit_code == 1  # two contradictions, not yet reviewed
    shown = set(re.findall(r"\b(s[0-9a-f]{8,})\b", res.stdout))
    by_text = {s["text"]: s for s in report["statements"]}
    claim = next(s for t, s in by_text.items() if "acted as soon as we knew" in t)
    record = next(s for t, s in by_text.items() if "prepare a recall plan" in t)
    flagged = {f["public"] for f in findings} | {i for f in findings for i in f["internal"]}
    assert claim["role"] == "claim" and record["kind"] == "internal" and not {claim["id"], record["id"]} & flagged
    short = {s["id"]: next(x for x in shown if s["id"].startswith(x)) for s in (claim, record)}
    given.update({CLAIM: short[claim["id"]], RECORD: short[record["id"]]})

    # 2. a miss: why this claim and this record were not flagged; what was read from a file
    args = step("claimcheck", "explain", short[claim["id"]], short[record["id"]])
    res = run(args)
    assert res.exit_code == 0, res.output
    assert claim["id"] in res.stdout and record["id"] in res.stdout
    data = json.loads(run([*args, "-f", "json"]).stdout)
    assert (data["public"]["id"], data["internal"]["id"]) == (claim["id"], record["id"]) and data["findings"] == []
    given[FILE] = "documents/mail/2018-11-27-re-nmba-result.eml"
    res = run(step("claimcheck", "explain", given[FILE]))
    assert res.exit_code == 0 and record["id"] in res.stdout, res.output

    # 3. a false positive dismissed, 4. a finding that holds confirmed
    given.update({FALSE_POSITIVE: findings[0]["id"], HOLDS: findings[1]["id"]})
    assert run(step("claimcheck", "review", findings[0]["id"], "--dismiss")).exit_code == 0
    assert run(step("claimcheck", "review", findings[1]["id"], "--confirm")).exit_code == 0
    review = yaml.safe_load(Path("documents/claimcheck-review.yaml").read_text())["findings"]
    assert {fid: (e["status"], e["note"], e["level"]) for fid, e in review.items()} == {
        findings[0]["id"]: ("dismissed", "a different plant", "contradiction"),
        findings[1]["id"]: ("confirmed", "checked with the desk", "contradiction")}

    # 5. committed (not run here), then CI re-scans: the confirmed contradiction fails the run
    assert next(steps)[:2] == ["git", "add"]
    res = run(step("claimcheck", "scan", "documents/", "--format", "github"))
    assert res.exit_code == 1, res.output
    assert findings[1]["id"] in res.stdout and findings[0]["id"] not in res.stdout
    assert "1 dismissed in review" in res.stdout
    assert next(steps, None) is None  # every command of the block was run
    data = json.loads(run(["claimcheck", "report", "findings.json", "-f", "json", "--fail-on", "never"]).stdout)
    assert {r["finding"]: r["status"] for r in data["reviews"]} == {
        findings[0]["id"]: "dismissed", findings[1]["id"]: "confirmed"}
    assert data["stale_reviews"] == []
    assert run(["claimcheck", "scan", "documents/", "-f", "json", "--fail-on", "contradiction,error"]).exit_code == 1
    # once the confirmed one is dismissed too, CI passes
    assert run(["claimcheck", "review", findings[1]["id"], "--dismiss", "--report", "findings.json"]).exit_code == 0
    assert run(["claimcheck", "scan", "documents/", "--format", "github", "--fail-on", "contradiction,error"]).exit_code == 0
