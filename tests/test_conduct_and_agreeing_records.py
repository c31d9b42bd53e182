"""What sets 54 and 55 showed, read generically (issue 15): "seriously injured" is a harm's degree, not
an attitude vouched for ("we take this very seriously"); an assurance ("your money with us is safe") whose
record's own document says the same thing came to no harm ("no customer funds at risk") is listed for
review, not flagged; a pledge is not broken by a record whose negation bears on another clause; and the
comparison alone finds a gold statement whose keywords lie in a log's
entries or a chat's messages. Each test asserts on records or on the report's findings."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from claimcheck.dates.values import parse_date_value
from claimcheck.detect.judge import judge_pair
from claimcheck.detect.stance import stance_of
from claimcheck.evaluate import load_gold
from claimcheck.evaluate.gold_statements import gold_case_statements
from claimcheck.nlp import load_pipeline
from claimcheck.rulecheck import statement_from_sentence
from claimcheck.ruleset import load_rules
from folder_helpers import one as _one, report as _report

pytestmark = pytest.mark.model

_FLAGS = ("contradiction", "tension")

_RELEASE = ("ACME BANK -- MEDIA STATEMENT\n24 November 2021\n\n"
            "Let me be clear: your deposits and your money with us are safe.\n")
_SITREP = ("From: Head of Technology Risk <risk@acmebank.example>\nTo: CEO Office <ceo@acmebank.example>\n"
           "Date: Wed, 24 Nov 2021 12:15:07 +0800\nSubject: SITREP 4 -- login disruption\n\n"
           "1. Timeline: our vendor fix restored the online deposits service at 02:00 today; the same failure "
           "recurred from 10:00 today with partial impact.\n"
           "{money}"
           "\nHead of Technology Risk\nAcme Bank\n")


def _flags(path: Path) -> list:
    return [f for f in _report(path).findings if f.level in _FLAGS]


def test_an_assurance_whose_records_document_says_the_same_is_listed_not_flagged(tmp_path: Path) -> None:
    _one(tmp_path, "press", "2021-11-24-statement.txt", _RELEASE)
    _one(tmp_path, "internal", "2021-11-24-sitrep.eml", _SITREP.format(
        money="2. Customer money: core banking and branches unaffected; no customer funds at risk.\n"))
    report = _report(tmp_path)
    assert [f for f in report.findings if f.level in _FLAGS] == []
    # the pair stays listed for review, saying why
    assert any(r.code == "record-agrees" for f in report.findings for r in f.reasons)


def test_an_assurance_against_an_earlier_failure_flags_when_the_record_is_silent_on_what_was_assured(
        tmp_path: Path) -> None:
    _one(tmp_path, "press", "2021-11-24-statement.txt", _RELEASE)
    _one(tmp_path, "internal", "2021-11-24-sitrep.eml", _SITREP.format(money=""))
    assert [f.type for f in _flags(tmp_path)] == ["assurance-vs-concern"]


def test_seriously_injured_is_a_harms_degree_not_an_attitude() -> None:
    rules, pipe = load_rules(), load_pipeline()
    injured = statement_from_sentence("Eight people were seriously injured and 22 slightly injured.", "public",
                                      rules, pipe)
    vouched = statement_from_sentence("We take the safety of our customers very seriously.", "public", rules, pipe)
    assert stance_of(injured, rules) != "asserts-conduct"
    assert stance_of(vouched, rules) == "asserts-conduct"


def _case(tmp_path: Path, keywords_i1: str, keywords_i2: str) -> Path:
    case = tmp_path / "case"
    case.mkdir()
    _one(case, "internal", "2012-01-19-log.txt",
         "Record of calls, 13 January 2012\n\n"
         "21:57  Master calls. The ship has hit a rock.\nMain power lost.\nWater in the engine room.\n"
         "Stability holding.\n22:06  Master calls again. Two compartments flooded.\n")
    _one(case, "internal", "2016-03-30-chat.txt",
         "Team chat export\n\n"
         "[2016-03-30 09:14] Team Lead: Acting pay files are piling up again.\n"
         "[2016-03-30 09:16] Team Lead 2: Retro pay has to be done line by line by hand.\n"
         "[2016-03-30 09:19] Team Lead: The workflow keeps dropping transactions.\n")
    _one(case, "press", "2016-02-24-release.txt",
         "ACME -- NEWS RELEASE\nFebruary 24, 2016\n\nThe pay system is ready to pay everyone on time.\n")
    (case / "gold.yaml").write_text(
        "domain: \"test / test\"\nnegative_control: false\nstatements:\n"
        "  - {id: P1, kind: public, role: claim, file: press/2016-02-24-release.txt, date: \"2016-02-24\", "
        "precision: day, organization: Acme, keywords: [\"ready to pay everyone\", \"on time\"]}\n"
        f"  - {{id: I1, kind: internal, role: evidence, file: internal/2012-01-19-log.txt, date: \"2012-01-19\", "
        f"precision: day, organization: Acme, keywords: {keywords_i1}}}\n"
        f"  - {{id: I2, kind: internal, role: evidence, file: internal/2016-03-30-chat.txt, date: \"2016-03-30\", "
        f"precision: day, organization: Acme, keywords: {keywords_i2}}}\n"
        "contradictions:\n  - {public: P1, internal: [I1, I2], type: assurance-vs-concern, level: tension, "
        "why: \"test\"}\n", encoding="utf-8")
    return case


def test_gold_keywords_spread_over_a_logs_entries_or_a_chats_messages_are_found(tmp_path: Path) -> None:
    case = _case(tmp_path, '["21:57  Master calls", "Water in the engine room", "compartments flooded"]',
                 '["piling up again", "line by line by hand", "keeps dropping transactions"]')
    by_id = {s.id: s for s in gold_case_statements(case, load_gold(case / "gold.yaml"), pipe=load_pipeline(),
                                                   rules=load_rules())}
    assert "compartments flooded" in by_id["I1"].text and "21:57" in by_id["I1"].text
    assert by_id["I2"].source.path == "internal/2016-03-30-chat.txt" and "piling up again" in by_id["I2"].text



def test_a_pledge_is_not_broken_by_a_record_whose_negation_bears_on_another_clause() -> None:
    rules, pipe = load_rules(), load_pipeline()
    pledge = dataclasses.replace(statement_from_sentence(
        "We will compensate all affected customers at 88.549 yen per token.", "public", rules, pipe),
        organization="Acme", date=parse_date_value("2018-01-28", source="test"))
    record = dataclasses.replace(statement_from_sentence(
        "Compensate all affected holders in yen, not in tokens. Total: approx. 46.3bn yen. The 58bn yen figure "
        "used at the press conference is not the compensation amount.", "internal", rules, pipe),
        organization="Acme", date=parse_date_value("2018-01-27", source="test"))
    judged = judge_pair(pledge, record, rules)
    assert judged.level not in ("contradiction", "tension")


def test_an_assurance_that_tells_the_harm_and_that_it_is_over_is_not_strained_by_the_record_of_it() -> None:
    rules, pipe = load_rules(), load_pipeline()
    restored = dataclasses.replace(statement_from_sentence(
        "Our flight operations are running normally again today: the fibre-optic lines damaged by construction "
        "work near the airport have been repaired, and our IT systems have been stable since Wednesday afternoon.",
        "public", rules, pipe), organization="Acme Air", date=parse_date_value("2023-02-16", source="test"))
    record = dataclasses.replace(statement_from_sentence(
        "Not a security event: the carrier confirms physical damage, a cable bundle cut yesterday at a rail "
        "construction site near the airport.", "internal", rules, pipe),
        organization="Acme Air", date=parse_date_value("2023-02-15", source="test"))
    assert stance_of(restored, rules) == "asserts-safety" and stance_of(record, rules) == "harm"
    assert judge_pair(restored, record, rules).level not in ("contradiction", "tension")
