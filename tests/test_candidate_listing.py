"""Pairs listed for review below the flags (issue 15, candidates): a rule stated in the present
stands after it is said, so a later record of the act is listed; a page's sentences with nobody
quoted are each their own claim, not one quote cited from its first sentence. Asserts on findings."""

from __future__ import annotations

from typing import Any

from claimcheck.align import align
from claimcheck.corpus import build
from claimcheck.detect import detect
from claimcheck.rulecheck import _with_scopes, statement_from_spec
from claimcheck.ruleset import load_rules

RULES = load_rules()


def _findings(specs: list[dict[str, Any]]) -> list[Any]:
    stmts = build([_with_scopes(statement_from_spec(s, n), RULES) for n, s in enumerate(specs)])
    return list(detect(align(stmts, min_topic=0.0), RULES))


RULE = {"id": "p", "kind": "public", "role": "claim", "organization": "Acme", "date": "2016-03-22",
        "text": "Researchers who break these rules are not eligible for a reward.", "predicate": "be",
        "polarity": "negative", "modality": "report", "verbs": ["break", "be"], "object": "eligible for a reward",
        "topics": ["researcher", "reward", "rule"]}
PAID = {"id": "i", "kind": "internal", "role": "evidence", "organization": "Acme", "date": "2016-12-08",
        "text": "Reward approved for the researchers who broke the rules: $100,000.00 USD", "predicate": "approve",
        "polarity": "positive", "modality": "figure", "verbs": ["approve", "break"],
        "topics": ["reward", "researcher", "rule"]}


def test_a_standing_rule_lists_a_later_record_of_the_act_for_review() -> None:
    found = [f for f in _findings([RULE, PAID]) if f.public == "p"]
    assert [(f.level, f.internal) for f in found] == [("candidate", ("i",))]
    assert "timing" in {r.code for r in found[0].reasons if r.effect == "weakens"}


def test_a_denial_of_what_happened_lists_no_later_record() -> None:
    past = dict(RULE, text="Researchers who broke these rules were not paid a reward.", verbs=["break", "pay"],
                predicate="pay")
    assert [f for f in _findings([past, PAID]) if f.public == "p"] == []


def test_sentences_of_a_page_with_nobody_quoted_are_each_listed() -> None:
    terms = dict(RULE, id="q", text="Do not keep user data beyond what the report needs, or the reward is void.",
                 verbs=["keep", "need"], predicate="keep", document="terms")
    found = {f.public for f in _findings([terms, dict(RULE, document="terms"), PAID]) if f.level == "candidate"}
    assert found == {"p", "q"}  # not one finding cited from the page's first sentence
