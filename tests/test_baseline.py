"""Baseline round trip: record reviewed findings, then only new ones are reported."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from claimcheck.baseline import apply_baseline, load_baseline, write_baseline
from claimcheck.errors import ConfigError
from claimcheck.models import Finding
from claimcheck.report.jsonout import dumps


def test_round_trip_reports_only_new(make_report, tmp_path: Path) -> None:
    r = make_report()
    path = tmp_path / "baseline.json"
    write_baseline(r, path)
    data = json.loads(path.read_text())
    assert [e["id"] for e in data["findings"]] == ["f-1a2b3c", "f-9z8y7x"]
    assert data["findings"][0]["public"] == "press/2020-06-11-release.html:12"
    ids = load_baseline(path)
    assert ids == {"f-1a2b3c", "f-9z8y7x"}
    assert apply_baseline(r, ids).findings == ()
    new = Finding(id="f-new", level="tension", type="numeric-mismatch", rule="numeric-mismatch", score=0.5,
                  public="s-pdf", internal=("s-mail1",), organization="Acme Aerial", topic="unit sale",
                  point="how many units", explanation="x")
    later = dataclasses.replace(r, findings=(*r.findings, new))
    kept = apply_baseline(later, ids)
    assert [f.id for f in kept.findings] == ["f-new"]
    assert kept.statements == later.statements
    assert "2 known findings hidden by the baseline" in kept.warnings


def test_baseline_deterministic(make_report, tmp_path: Path) -> None:
    r = make_report()
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    write_baseline(r, a)
    write_baseline(dataclasses.replace(r, findings=r.findings[::-1]), b)
    assert a.read_bytes() == b.read_bytes()


def test_saved_report_works_as_baseline(make_report, tmp_path: Path) -> None:
    p = tmp_path / "report.json"
    p.write_text(dumps(make_report()), encoding="utf-8")
    assert load_baseline(p) == {"f-1a2b3c", "f-9z8y7x"}


@pytest.mark.parametrize("text,line", [("{\n  nope", 2), ("[1]", 1), ('{"findings": [{"x": 1}]}', 1)])
def test_bad_baseline(tmp_path: Path, text: str, line: int) -> None:
    p = tmp_path / "b.json"
    p.write_text(text)
    with pytest.raises(ConfigError) as exc:
        load_baseline(p)
    assert str(exc.value).startswith(f"{p}:{line}:")
    with pytest.raises(ConfigError):
        load_baseline(tmp_path / "missing.json")


def test_example_workflow_is_complete() -> None:
    import yaml

    wf = yaml.safe_load((Path(__file__).parent.parent / "examples" / "github-actions.yml").read_text())
    steps = wf["jobs"]["claimcheck"]["steps"]
    uses = [s.get("uses", "") for s in steps]
    runs = " ".join(s.get("run", "") for s in steps)
    assert any(u.startswith("actions/checkout") for u in uses)
    assert any(u.startswith("actions/setup-python") for u in uses)
    assert any(u.startswith("actions/upload-artifact") for u in uses)
    assert "pip install" in runs and "--baseline claimcheck-baseline.json" in runs
    assert "--format github" in runs and "--format markdown -o claimcheck-report.md" in runs
