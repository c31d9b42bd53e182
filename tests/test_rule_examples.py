"""Every rule's own examples (rules/*.yaml) run as tests; a marked known miss is a strict xfail."""

from __future__ import annotations

import pytest

from claimcheck.rulecheck import run_example
from claimcheck.ruleset import iter_examples, load_rules

RULES = load_rules()


def _params() -> list:
    out = []
    for rule, n, ex in iter_examples(RULES):
        marks = [pytest.mark.xfail(reason=ex.xfail, strict=True)] if ex.xfail else []
        out.append(pytest.param(rule, n, ex, id=f"{rule.id}[{n}-{ex.expect}]", marks=marks))
    return out


@pytest.mark.parametrize("rule, index, example", _params())
def test_rule_example(rule, index, example) -> None:
    result = run_example(RULES, rule, index, example)
    assert result.status == "ok", result.detail


@pytest.mark.parametrize("rule", RULES.rules, ids=lambda r: r.id)
def test_every_rule_has_a_firing_and_a_quiet_example(rule) -> None:
    expects = {ex.expect for ex in rule.examples}
    assert expects == {"finding", "none"}


def test_rules_hold_no_case_words() -> None:
    import re
    from pathlib import Path
    root = Path(__file__).resolve().parent.parent
    banned = re.compile(r"microsoft|\bDEA\b|drug enforcement|brad smith|aclu|facial recognition", re.I)
    for folder in ("claimcheck", "rules"):
        for p in (root / folder).rglob("*"):
            if p.is_file() and p.suffix in (".py", ".yaml"):
                assert not banned.search(p.read_text(encoding="utf-8")), p
