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


def test_a_denial_of_what_happened_is_not_judged_against_a_later_record() -> None:
    # no rule reads a denial of what happened against a later record: at most the review list
    # shows it, its timing weakening it (an inquiry's later report can tell what was known before)
    past = dict(RULE, text="Researchers who broke these rules were not paid a reward.", verbs=["break", "pay"],
                predicate="pay")
    found = [f for f in _findings([past, PAID]) if f.public == "p"]
    assert [(f.level, {r.code for r in f.reasons}) for f in found] == [("candidate", {"review-only", "timing"})]


def test_sentences_of_a_page_with_nobody_quoted_are_each_listed() -> None:
    terms = dict(RULE, id="q", text="Do not keep user data beyond what the report needs, or the reward is void.",
                 verbs=["keep", "need"], predicate="keep", document="terms")
    found = {f.public for f in _findings([terms, dict(RULE, document="terms"), PAID]) if f.level == "candidate"}
    assert found == {"p", "q"}  # not one finding cited from the page's first sentence


# The review list's last pass: a claim in words no stance list knows, nothing else listed for it
SHAPE = {"id": "p", "kind": "public", "role": "claim", "organization": "Acme", "date": "2018-10-10",
         "document": "interview", "text": "It appears the building is in very good shape.", "predicate": "appear",
         "modality": "report", "topics": ["building", "shape"]}
SURVEY = {"kind": "internal", "role": "evidence", "organization": "Acme", "document": "survey",
          "text": "The waterproofing below the pool deck has failed.", "predicate": "fail", "modality": "report",
          "topics": ["waterproofing", "pool deck", "building"]}
ABOUT = {"kind": "public", "role": "context", "organization": "Acme", "document": "interview",
         "text": "The pool deck and the building's garage were inspected.", "topics": ["pool deck", "garage"]}


def _review(specs: list[dict[str, Any]]) -> list[Any]:
    stmts = build([_with_scopes(statement_from_spec(s, n), RULES) for n, s in enumerate(specs)])
    return [f for f in detect(align(stmts, min_topic=0.99), RULES) if f.public == "p"]


def test_a_claim_no_stance_reads_lists_its_organizations_nearest_earlier_record() -> None:
    found = _review([SHAPE, ABOUT, dict(SURVEY, id="i", date="2018-10-01")])
    assert [(f.level, f.internal) for f in found] == [("candidate", ("i",))]
    codes = {(r.effect, r.code) for r in found[0].reasons}
    assert ("weakens", "review-only") in codes and ("strengthens", "timing") in codes


def test_the_review_list_keeps_the_nearest_records_earlier_ones_first() -> None:
    records = [dict(SURVEY, id=f"i{n}", date=f"2018-0{n}-01", document=f"survey{n}") for n in range(1, 8)]
    later = dict(SURVEY, id="late", date="2018-11-01", document="survey-late")
    found = _review([SHAPE, ABOUT, later, *records])
    assert len(found) == 1 and set(found[0].internal) == {"i3", "i4", "i5", "i6", "i7"}  # five, nearest in time, none later


def test_the_review_list_takes_no_other_organizations_record_and_no_question() -> None:
    assert _review([SHAPE, ABOUT, dict(SURVEY, id="i", date="2018-10-01", organization="Globex")]) == []
    asked = dict(SHAPE, text="Is the building in good shape?")
    assert _review([asked, ABOUT, dict(SURVEY, id="i", date="2018-10-01")]) == []


def test_a_record_of_a_document_about_something_else_is_not_listed() -> None:
    other = dict(SURVEY, id="i", date="2018-10-01", text="Lunch will be served in the lobby.", topics=["lunch", "lobby"])
    assert _review([SHAPE, ABOUT, other]) == []


def test_a_document_puts_at_most_two_claims_on_the_review_list_positions_first() -> None:
    said = [dict(SHAPE, id=f"s{n}", text=f"The building had its {n}th inspection.") for n in range(4)]
    figure = dict(SHAPE, id="p", text="The building's garage holds 120 cars.", modality="figure",
                  quantities=[{"value": 120, "unit": "car"}])
    stmts = build([_with_scopes(statement_from_spec(s, n), RULES)
                   for n, s in enumerate([*said, figure, ABOUT, dict(SURVEY, id="i", date="2018-10-01")])])
    review = [f.public for f in detect(align(stmts, min_topic=0.99), RULES)
              if any(r.code == "review-only" for r in f.reasons)]
    assert len(review) == 2 and "p" in review  # a figure is a position: listed before plain statements


def test_one_plain_statement_is_listed_beside_a_documents_two_positions() -> None:
    # the stance lists do not know every way a claim is worded: past two positions, one plain
    # statement of the document is still listed, and no more
    said = [dict(SHAPE, id=f"s{n}", text=f"The building had its {n}th inspection.") for n in range(4)]
    figures = [dict(SHAPE, id=f"f{n}", text=f"The building's garage {n} holds 120 cars.", modality="figure",
                    quantities=[{"value": 120, "unit": "car"}]) for n in range(2)]
    stmts = build([_with_scopes(statement_from_spec(s, n), RULES)
                   for n, s in enumerate([*said, *figures, ABOUT, dict(SURVEY, id="i", date="2018-10-01")])])
    review = [f.public for f in detect(align(stmts, min_topic=0.99), RULES)
              if any(r.code == "review-only" for r in f.reasons)]
    assert sorted(review)[:2] == ["f0", "f1"] and len(review) == 3  # two positions, then one plain statement


# An assurance read beside its own document's disclosure of the matter
SECURE = {"id": "p", "kind": "public", "role": "claim", "organization": "Acme Bank", "date": "2019-08-05",
          "document": "blog", "text": "We store PINs in a particularly secure part of our systems.", "predicate": "store",
          "modality": "assurance", "object": "PINs", "topics": ["pin", "system"]}
DISCLOSED = {"id": "q", "kind": "public", "role": "claim", "organization": "Acme Bank", "date": "2019-08-05",
             "document": "blog", "text": "In August 2019 we discovered that we had also been recording PINs in log files.",
             "predicate": "discover", "verbs": ["discover", "record"], "modality": "knowledge",
             "topics": ["pin", "log file"]}
WORRY = {"id": "i", "kind": "internal", "role": "evidence", "organization": "Acme Bank", "date": "2019-08-02",
         "document": "chat", "text": "Engineers are worried: PINs sit in plaintext in the request logs.", "predicate": "worry",
         "modality": "concern", "topics": ["pin", "request log", "engineer"]}


def test_an_assurance_beside_its_own_documents_disclosure_is_no_flag() -> None:
    alone = [f for f in _findings([SECURE, WORRY]) if f.public == "p"]
    assert [f.level for f in alone] == ["tension"]  # the assurance against the worry, as before
    together = [f for f in _findings([SECURE, DISCLOSED, WORRY]) if f.public == "p"]
    assert [f.level for f in together] == ["candidate"]
    assert "disclosed-alongside" in {r.code for r in together[0].reasons}


def test_a_claim_listed_for_review_also_lists_its_firmest_earlier_records_in_other_words(tmp_path) -> None:
    # (a blind case, read as a newcomer's folder: no README, no gold): the claim alignment paired with
    # plain mentions only is listed with the earlier record of concern that shares few of its words
    import shutil
    from pathlib import Path

    from claimcheck.pipeline import ScanOptions, run
    case = Path(__file__).parent / "blind14" / "countrywide-loan-quality-2006"
    shutil.copytree(case, tmp_path / "case", ignore=shutil.ignore_patterns("README.md", "gold.yaml"))
    report = run([tmp_path / "case"], options=ScanOptions(use_cache=False))
    by_id = {s.id: s for s in report.statements}
    claim = next(s for s in report.statements if "lender of prime-quality mortgages" in s.text)
    record = next(s for s in report.statements if "no more dangerous product" in s.text)
    listed = [f for f in report.findings if f.public == claim.id]
    assert listed and all(f.level == "candidate" for f in listed)
    assert any(record.id in f.internal for f in listed), [by_id[i].text[:60] for f in listed for i in f.internal]
