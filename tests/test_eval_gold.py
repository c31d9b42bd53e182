"""``claimcheck eval --gold-statements``: align and detect on the gold statements alone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimcheck.cli import cli
from claimcheck.evaluate import load_gold
from claimcheck.evaluate.gold_statements import gold_case_statements
from claimcheck.nlp import load_pipeline
from claimcheck.ruleset import load_rules

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "microsoft-dea"

pytestmark = pytest.mark.model


def test_eval_gold_statements_builds_every_gold_statement_with_gold_metadata() -> None:
    gold = load_gold(SEED / "gold.yaml")
    stmts = gold_case_statements(SEED, gold, pipe=load_pipeline(), rules=load_rules())
    by_id = {s.id: s for s in stmts}
    for gs in gold.statements:
        st = by_id[gs.id]
        assert st.kind == gs.kind and st.organization == gs.organization and st.speaker == gs.speaker
        assert st.date == gs.date
        assert st.source.path == gs.file
    # the claim's frame is read from its sentence: the pledge to police departments
    assert by_id["P1"].frame.modality == "commitment" and by_id["P1"].frame.polarity == "negative"
    # every other sentence comes along as context, never as a claim or evidence
    others = [s for s in stmts if s.id not in {g.id for g in gold.statements}]
    assert others and all(s.role == "context" for s in others)


def test_eval_gold_statements_cli_json_scores_pairs_and_flags() -> None:
    res = CliRunner().invoke(cli, ["eval", "--gold-statements", "--json", str(SEED)])
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    counts = data["total"]["counts"]
    assert counts["gold_pairs"] == 1 and counts["gold_pairs_aligned"] == 1
    assert counts["gold_flags_found"] == 1 and counts["findings"] == counts["findings_correct"]
    assert data["total"]["scores"]["pair_recall"] == 1.0


def test_eval_gold_statements_refuses_thorough() -> None:
    res = CliRunner().invoke(cli, ["eval", "--gold-statements", "--thorough", str(SEED)])
    assert res.exit_code == 2


def test_a_gold_statement_of_several_sentences_is_keyed_by_the_terms_of_each() -> None:
    """A scan reads each sentence as a statement; a gold statement spanning two is keyed by the
    terms of both, not by its main sentence's alone."""
    import datetime as dt

    from claimcheck.evaluate.gold_statements import reread
    from claimcheck.models import DateValue, Frame, Source, Statement
    text = ("Our awareness of the firm's use of that data dates from press reports in December 2015. "
            "I am not aware of any earlier internal report about Northgate Analytics.")
    st = Statement(id="P2", document="d", kind="public", role="claim", speaker="", organization="Acme",
                   date=DateValue.day(dt.date(2018, 4, 10), "gold"), text="", source=Source("x.txt", 1, 0, 1),
                   topics=(), frame=Frame())
    topics = set(reread(st, text, pipe=load_pipeline(), rules=load_rules()).topics)
    assert {"awareness", "internal report"} <= topics, topics
