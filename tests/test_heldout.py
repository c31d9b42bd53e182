"""Held-out cases (tests/heldout): the evaluation runs and negative controls raise no flag."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

from claimcheck.evaluate import EvalResult, evaluate, find_cases, load_gold
from claimcheck.pipeline import ScanOptions, run

ROOT = Path(__file__).resolve().parent.parent
HELDOUT = ROOT / "tests" / "heldout"


@lru_cache(maxsize=1)
def _result() -> EvalResult:
    return evaluate([HELDOUT], scan=lambda case: run([case], options=ScanOptions(use_cache=False, jobs=1)))


def test_heldout_golds_load_and_cover_a_negative_control() -> None:
    cases = find_cases([HELDOUT])
    assert len(cases) == 6
    golds = [load_gold(c / "gold.yaml") for c in cases]
    assert any(g.negative_control for g in golds)


@pytest.mark.model
def test_heldout_evaluation_runs_and_scores_every_case() -> None:
    result = _result()
    assert {Path(s.case).name for s in result.cases} == {c.name for c in find_cases([HELDOUT])}
    assert [(Path(s.case).name, s.error) for s in result.cases if s.error] == []
    assert result.total.gold_statements == sum(
        len(load_gold(c / "gold.yaml").statements) for c in find_cases([HELDOUT]))


@pytest.mark.model
def test_heldout_negative_controls_raise_no_flags() -> None:
    result = _result()
    negatives = [s for s in result.cases if s.negative_control]
    assert negatives
    assert [(Path(s.case).name, s.counts.negative_control_flags) for s in negatives] == \
        [(Path(s.case).name, 0) for s in negatives]
