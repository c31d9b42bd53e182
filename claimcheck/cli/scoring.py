"""eval and rules: the scan scored against labelled cases, and the rule files listed,
validated and run on their own examples."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from ._shared import handle_errors


@click.command(name="eval")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, file_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--rules", "rules_dirs", multiple=True, type=click.Path(exists=True))
@click.option("--thorough", is_flag=True)
@click.option("--gold-statements", "gold_statements", is_flag=True,
              help="Score the comparison alone: align and detect on the gold statements (perfect extraction).")
@handle_errors
def eval_cmd(paths: tuple[str, ...], as_json: bool, rules_dirs: tuple[str, ...], thorough: bool,
             gold_statements: bool) -> None:
    """Score the scan against labelled cases (folders holding a gold.yaml); exit 1 when a target is missed.

    \b
    Example:
      claimcheck eval tests/corpora
      claimcheck eval --gold-statements tests/corpora
    """
    from ..evaluate import evaluate, evaluate_gold_statements, meets_targets, render_table, result_to_dict
    from ..pipeline import ScanOptions, run

    if gold_statements:
        if thorough:
            raise click.UsageError("--thorough has no effect with --gold-statements (every gold sentence is parsed)")
        from ..nlp import load_pipeline
        from ..ruleset import load_rules
        result = evaluate_gold_statements([Path(p) for p in paths], rules=load_rules([Path(p) for p in rules_dirs]),
                                          pipe=load_pipeline())
    else:
        options = ScanOptions(rules_dirs=rules_dirs, thorough=thorough, use_cache=False, jobs=1)
        result = evaluate([Path(p) for p in paths], scan=lambda case: run([case], options=options))
    if as_json:
        click.echo(json.dumps(result_to_dict(result), indent=2, sort_keys=True))
    else:
        render_table(result, sys.stdout, gold_statements=gold_statements)
    if not gold_statements:  # a missed target of the scan fails, as in CI
        sys.exit(0 if all(meets_targets(result).values()) else 1)


@click.group()
def rules() -> None:
    """List, validate and test detection rules."""


@rules.command(name="list")
@click.option("--rules", "rules_dirs", multiple=True, type=click.Path(exists=True))
@handle_errors
def rules_list(rules_dirs: tuple[str, ...]) -> None:
    """List the loaded rules."""
    from ..ruleset import load_rules
    rs = load_rules([Path(p) for p in rules_dirs])
    from ..report._common import safe_message

    for r in rs.rules:
        click.echo(safe_message(f"{r.id}\t{r.type}\t{r.path}:{r.line}\t{r.description}"))


@rules.command(name="validate")
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
@handle_errors
def rules_validate(paths: tuple[str, ...]) -> None:
    """Validate rule files; every problem is printed as path:line:col: message (exit 2)."""
    from ..ruleset import load_rules
    rs = load_rules([Path(p) for p in paths])
    click.echo(f"ok: {len(rs.rules)} rules in {len(rs.files)} files")


@rules.command(name="test")
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
@handle_errors
def rules_test(paths: tuple[str, ...]) -> None:
    """Run the examples each rule carries (exit 1 on a failure or an unexpected pass)."""
    from ..rulecheck import run_all
    from ..ruleset import load_rules
    results = run_all(load_rules([Path(p) for p in paths]))
    from ..report._common import safe_message

    for r in results:
        click.echo(safe_message(f"{r.status:5} {r.rule}[{r.index}] {r.name}: {r.detail}"))
    bad = [r for r in results if r.status in ("FAIL", "XPASS")]
    click.echo(f"{len(results) - len(bad)} passed, {len(bad)} failed")
    sys.exit(1 if bad else 0)
