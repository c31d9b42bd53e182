"""The command line: exit codes, formats holding the same findings, refusals, rule tooling."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimcheck.cli import cli

SEED = Path(__file__).resolve().parent.parent / "seeds" / "microsoft-dea"


def invoke(*args: str) -> object:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.mark.model
@pytest.mark.parametrize("fail_on, code", [("tension", 1), ("never", 0)])
def test_cli_exit_code_follows_fail_on(tmp_path: Path, fail_on: str, code: int) -> None:
    out = tmp_path / "f.json"
    result = invoke("scan", str(SEED), "-f", "json", "-o", str(out), "--no-cache", "-q", "--fail-on", fail_on)
    assert result.exit_code == code
    data = json.loads(out.read_text())
    assert data["schema_version"] == 1
    assert {"documents", "statements", "findings", "errors", "files"} <= set(data)


@pytest.mark.model
def test_cli_markdown_and_json_hold_the_same_findings(tmp_path: Path) -> None:
    js, md = tmp_path / "f.json", tmp_path / "f.md"
    invoke("scan", str(SEED), "-f", "json", "-o", str(js), "--no-cache", "-q", "--fail-on", "never")
    invoke("report", str(js), "-f", "markdown", "-o", str(md), "--fail-on", "never")
    ids = [f["id"] for f in json.loads(js.read_text())["findings"]]
    assert ids
    text = md.read_text()
    assert all(i in text for i in ids)


@pytest.mark.model
def test_cli_baseline_round_trip_reports_only_new_findings(tmp_path: Path) -> None:
    js, base = tmp_path / "f.json", tmp_path / "baseline.json"
    invoke("scan", str(SEED), "-f", "json", "-o", str(js), "--no-cache", "-q", "--fail-on", "never")
    assert invoke("baseline", str(js), "-o", str(base)).exit_code == 0
    again = tmp_path / "g.json"
    result = invoke("scan", str(SEED), "-f", "json", "-o", str(again), "--no-cache", "-q",
                    "--baseline", str(base), "--fail-on", "tension")
    assert result.exit_code == 0
    assert json.loads(again.read_text())["findings"] == []


def test_cli_refuses_output_inside_the_scanned_folder(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("The company said it will not sell the data.\n")
    result = invoke("scan", str(tmp_path), "-o", str(tmp_path / "report.md"), "--no-cache", "-q")
    assert result.exit_code == 2
    assert not (tmp_path / "report.md").exists()


def test_cli_nothing_readable_exits_2(tmp_path: Path) -> None:
    (tmp_path / "blob.bin").write_bytes(b"\x00\x01\x02")
    result = invoke("scan", str(tmp_path), "--no-cache", "-q", "--fail-on", "never")
    assert result.exit_code == 2


def test_cli_broken_rules_report_every_problem_with_positions(tmp_path: Path) -> None:
    rules = tmp_path / "bad.yaml"
    rules.write_text("rules:\n  - id: Bad_Id\n    type: commitment-vs-actoin\n    severty: 1\n"
                     "  - id: ok-id\n    type: numeric-mismatch\n    params: {tolerance: high}\n")
    result = CliRunner().invoke(cli, ["rules", "validate", str(rules)])
    assert result.exit_code == 2
    lines = [l for l in result.output.splitlines() if l.startswith(str(rules))]
    assert len(lines) == 4
    assert any(":2:" in l and "kebab-case" in l for l in lines)
    assert any(":3:" in l and "did you mean 'commitment-vs-action'" in l for l in lines)
    assert any(":4:" in l and "unknown key 'severty'" in l for l in lines)
    assert any(":7:" in l and "params.tolerance must be a number" in l for l in lines)


def test_cli_duplicate_yaml_key_is_a_positioned_error(tmp_path: Path) -> None:
    rules = tmp_path / "dup.yaml"
    rules.write_text("rules:\n  - id: a-rule\n    type: numeric-mismatch\n    type: knowledge-timing\n")
    result = CliRunner().invoke(cli, ["rules", "validate", str(rules)])
    assert result.exit_code == 2
    assert f"{rules}:4:5: duplicate key 'type'" in result.output


def test_cli_rules_test_passes_on_default_rules() -> None:
    result = CliRunner().invoke(cli, ["rules", "test"])
    assert result.exit_code == 0, result.output
    assert " 0 failed" in result.output


def test_cli_unknown_model_is_an_error_not_a_silent_fallback(tmp_path: Path) -> None:
    out = tmp_path / "f.json"
    result = CliRunner().invoke(cli, ["scan", str(SEED), "--model", "no_such_model_pkg", "--no-cache",
                                      "-f", "json", "-o", str(out), "--fail-on", "never"])
    assert result.exit_code == 2
    assert not out.exists()
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "no_such_model_pkg" in lines[0] and "--model" in lines[0]
    # the rule-based fallback asked for on purpose
    result = CliRunner().invoke(cli, ["scan", str(SEED), "--model", "none", "--no-cache", "-q", "-j", "1",
                                      "-f", "json", "-o", str(out), "--fail-on", "never"])
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text())["degraded"] is True


def test_cli_model_none_says_the_fallback_was_chosen_not_missing(tmp_path: Path) -> None:
    """issue 18: --model none was reported as "no spaCy English model was found" (install it)."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "note.txt").write_text("Acme said the pilot ended in May.\n", encoding="utf-8")
    out = tmp_path / "f.json"
    result = CliRunner().invoke(cli, ["scan", str(tmp_path / "docs"), "--model", "none", "--no-cache", "-j", "1",
                                      "-f", "json", "-o", str(out), "--fail-on", "never"])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text())
    assert data["degraded"] is True and data["model"] == "rule-based fallback"
    assert data["warnings"] == ["--model none: the rule-based reader was chosen (no spaCy model loaded), "
                                "so speaker attribution and claim frames are degraded."]
    assert "no spaCy English model was found" not in result.stderr
    assert result.stderr.count("--model none: the rule-based reader was chosen") == 1


def test_cli_without_a_model_runs_degraded_and_says_so_once(tmp_path: Path, monkeypatch) -> None:
    from claimcheck import nlp

    monkeypatch.setattr(nlp, "MODEL_CHAIN", ("no_such_model_pkg",))
    nlp.describe_model.cache_clear()
    nlp.load_pipeline.cache_clear()
    out = tmp_path / "f.json"
    try:
        result = CliRunner().invoke(cli, ["scan", str(SEED), "--no-cache", "-j", "1", "-q",
                                          "-f", "json", "-o", str(out), "--fail-on", "never"])
    finally:
        nlp.describe_model.cache_clear()
        nlp.load_pipeline.cache_clear()
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text())
    assert data["degraded"] is True and data["model"] == "rule-based fallback"
    assert sum(1 for f in data["files"] if f["status"] == "parsed") > 0
    assert any("no spaCy English model was found" in w for w in data["warnings"])  # not asked for: said


@pytest.mark.model
def test_cli_scan_cannot_write_its_report_exits_2_with_a_message(tmp_path: Path) -> None:
    result = invoke("scan", str(SEED), "-f", "json", "-o", str(tmp_path / "gone" / "f.json"), "--no-cache", "-q")
    assert result.exit_code == 2
    assert "cannot write" in result.stderr  # type: ignore[attr-defined]
