"""The rule schema is closed (unknown params are positioned errors), a rule's message heads its
findings, and a RuleSet is known by the digest of its content, not by its folder (issue 16)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from claimcheck.align import align
from claimcheck.corpus import build
from claimcheck.detect import detect
from claimcheck.errors import RuleFileError
from claimcheck.rulecheck import _with_scopes, statement_from_spec
from claimcheck.ruleset import default_rules_dir, load_rules

RULE_HEAD = "rules:\n  - id: my-rule\n    type: {type}\n"


def _problems(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "extra.yaml"
    path.write_text(text)
    with pytest.raises(RuleFileError) as info:
        load_rules([path])
    return str(info.value).splitlines()


@pytest.mark.parametrize("rule_type, key", [
    ("numeric-mismatch", "tolerence"),            # a misspelt parameter
    ("numeric-mismatch", "hedge_penalty"),        # another type's parameter
    ("knowledge-timing", "later_evidence"),
])
def test_ruleset_unknown_param_is_an_error_at_its_position(tmp_path: Path, rule_type: str, key: str) -> None:
    lines = _problems(tmp_path, RULE_HEAD.format(type=rule_type) + f"    params:\n      min_score: 0.5\n      {key}: 0.3\n")
    path = tmp_path / "extra.yaml"
    assert any(line.startswith(f"{path}:6:7: rule 'my-rule': unknown parameter 'params.{key}'") for line in lines), lines


def test_ruleset_unknown_param_suggests_the_known_one(tmp_path: Path) -> None:
    lines = _problems(tmp_path, RULE_HEAD.format(type="numeric-mismatch") + "    params: {tolerence: 0.3}\n")
    assert any("did you mean 'tolerance'?" in line for line in lines), lines


def test_ruleset_every_default_param_is_known() -> None:
    load_rules()  # raises if the closed schema rejects a parameter the default rules use


@pytest.mark.parametrize("message, problem", [
    ("{organization} said {pont}", "unknown field '{pont}' (did you mean 'point'?)"),
    ("{point", "not a valid template"),
    ("", "'message' must be a non-empty string"),
])
def test_ruleset_bad_message_is_an_error_at_its_position(tmp_path: Path, message: str, problem: str) -> None:
    lines = _problems(tmp_path, RULE_HEAD.format(type="numeric-mismatch") + f"    message: \"{message}\"\n")
    assert any(line.startswith(f"{tmp_path / 'extra.yaml'}:4:5: rule 'my-rule': ") and problem in line
               for line in lines), lines


def _with_message(tmp_path: Path, message: str) -> Path:
    """The default commitment-vs-action rule, overridden by a copy that carries ``message``."""
    text = (default_rules_dir() / "detect.yaml").read_text()
    start = text.index("  - id: commitment-vs-action\n")
    end = text.index("\n  - id: ", start + 1)
    rule = text[start:end].replace("    type: commitment-vs-action\n",
                                   f"    type: commitment-vs-action\n    message: \"{message}\"\n", 1)
    path = tmp_path / "message.yaml"
    path.write_text("rules:\n" + rule + "\n")
    return path


def test_ruleset_message_heads_the_findings_text(tmp_path: Path) -> None:
    rules = load_rules([_with_message(tmp_path, "{organization} promised otherwise ({LEVEL}): {point}")])
    rule = rules.rule("commitment-vs-action")
    assert rule.message
    example = next(ex for ex in rule.examples if ex.expect == "finding" and not ex.xfail)
    stmts = [_with_scopes(statement_from_spec(s, n), rules) for n, s in enumerate(example.statements)]
    findings = [f for f in detect(align(build(stmts), min_topic=0.0), rules.only(rule)) if f.rule == rule.id]
    assert findings
    f = findings[0]
    assert f.explanation.startswith(f"{f.organization} promised otherwise ({f.level.upper()}): {f.point}. ")


def test_ruleset_without_message_keeps_the_default_head() -> None:
    rules = load_rules()
    rule = rules.rule("commitment-vs-action")
    assert rule.head(level="tension", topic="data", point="p") == "TENSION (commitment-vs-action) on data: p"


def test_ruleset_digest_follows_content_not_folder(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    for d in (a, b):
        d.mkdir()
        (d / "extra.yaml").write_text("lexicon:\n  hedges: [perhaps]\n")
    ra, rb = load_rules([a]), load_rules([b])
    assert ra == rb and hash(ra) == hash(rb) and ra.digest == rb.digest
    (b / "extra.yaml").write_text("lexicon:\n  hedges: [maybe]\n")
    assert load_rules([b]) != ra
    assert load_rules() != ra


def test_ruleset_the_default_rules_copy_loads_the_same_digest(tmp_path: Path) -> None:
    copy = tmp_path / "defaults"
    shutil.copytree(default_rules_dir(), copy)
    assert load_rules([copy], include_defaults=False).digest == load_rules().digest
