"""The eval harness scores hand-built Reports against gold labels (no extractor needed)."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest

from claimcheck.errors import ConfigError
from claimcheck.evaluate import evaluate, find_cases, load_gold, meets_targets, render_table, result_to_dict
from claimcheck.evaluate.matching import date_matches, organization_matches, speaker_matches
from claimcheck.evaluate.scoring import score_case
from claimcheck.models import DateValue, Finding, Reason, Report, Source, Statement

GOLD = """\
domain: test
negative_control: false
statements:
  - {id: P1, kind: public, file: docs/statement.md, date: "2020-06-11", precision: day,
     speaker: "Jane Roe", organization: "Contoso Corp", keywords: ["police departments", "national law"]}
  - {id: I1, kind: internal, file: mail/pitch.eml, date: "2017-09/2018-12", precision: range,
     speaker: "Sam Poe", organization: "Contoso Corp", keywords: ["pilot", "face API", "agency"]}
  - {id: I2, kind: internal, file: mail/no.eml, date: "2018-11", precision: month,
     organization: "Agency", keywords: ["decided not to buy"]}
contradictions:
  - {public: P1, internal: [I1], type: commitment-vs-action, level: tension,
     expect_reasons: [scope, timing], why: "x"}
not_contradictions:
  - {a: P1, b: I2, why: "the agency's decision"}
"""


def make_case(tmp_path: Path, gold: str = GOLD, name: str = "case1") -> Path:
    case = tmp_path / name
    (case / "docs").mkdir(parents=True)
    (case / "mail").mkdir()
    (case / "docs/statement.md").write_text("x")
    (case / "mail/pitch.eml").write_text("x")
    (case / "mail/no.eml").write_text("x")
    (case / "gold.yaml").write_text(gold)
    return case


def st(sid: str, path: str, text: str, *, kind: str = "public", speaker: str = "",
       org: str = "", date: DateValue | None = None, role: str = "claim") -> Statement:
    return Statement(id=sid, document="d" + sid, kind=kind, role=role, speaker=speaker,  # type: ignore[arg-type]
                     organization=org, date=date or DateValue.undated(), text=text,
                     source=Source(path, 3, 0, len(text)))


def day(y: int, m: int, d: int) -> DateValue:
    return DateValue.day(dt.date(y, m, d), "header")


def finding(fid: str, public: str, internal: tuple[str, ...], *, type_: str = "commitment-vs-action",
            level: str = "tension", reasons: tuple[str, ...] = ("scope", "timing")) -> Finding:
    return Finding(id=fid, level=level, type=type_, rule="r", score=0.8, public=public,  # type: ignore[arg-type]
                   internal=internal, organization="Contoso Corp", topic="t", point="p",
                   explanation="e", reasons=tuple(Reason("weakens", c, c) for c in reasons))


def report(statements: list[Statement], findings: list[Finding]) -> Report:
    return Report(schema_version=1, tool_version="t", model="m", degraded=False, roots=(),
                  files=(), documents=(), statements=tuple(statements), findings=tuple(findings),
                  errors=())


GOOD = [
    st("s1", "docs/statement.md", "We will not sell it to police departments until a national law.",
       speaker="Jane Roe", org="Contoso Corp", date=day(2020, 6, 11)),
    st("s2", "mail/pitch.eml", "We offer the agency a pilot of the Face API.", kind="internal",
       speaker="Sam Poe", org="Contoso Corp", date=day(2018, 3, 7), role="evidence"),
    st("s3", "mail/no.eml", "We decided not to buy it.", kind="internal", org="Agency",
       date=day(2018, 11, 14), role="evidence"),
]


def test_perfect_report_scores_one_everywhere(tmp_path: Path) -> None:
    case = make_case(tmp_path)
    score = score_case(case, report(GOOD, [finding("f1", "s1", ("s2",))]), load_gold(case / "gold.yaml"))
    r = score.counts.ratios()
    assert r["statement_recall"] == 1.0
    assert r["kind_accuracy"] == r["date_accuracy"] == r["speaker_accuracy"] == 1.0
    assert r["organization_accuracy"] == r["flag_precision"] == r["flag_recall"] == 1.0
    assert r["type_accuracy"] == r["level_accuracy"] == r["reason_accuracy"] == 1.0
    assert score.counts.date_total == 3 and score.counts.speaker_total == 2


def test_statement_needs_same_file_and_half_the_keywords(tmp_path: Path) -> None:
    case = make_case(tmp_path)
    stmts = [
        # right keywords, wrong file
        st("a", "mail/no.eml", "Not to police departments until a national law."),
        # right file, only 1 of 3 keywords (needs 2)
        st("b", "mail/pitch.eml", "The pilot starts soon.", kind="internal"),
    ]
    score = score_case(case, report(stmts, []), load_gold(case / "gold.yaml"))
    assert set(score.missed_statements) == {"P1", "I1", "I2"}
    assert score.counts.found_statements == 0
    # 2 of 3 keywords, case-insensitive and with the case folder prefix on the path: a match
    stmts = [st("c", "case1/mail/pitch.eml", "A PILOT for the AGENCY.", kind="internal")]
    score = score_case(case, report(stmts, []), load_gold(case / "gold.yaml"))
    assert "I1" not in score.missed_statements


def test_wrong_fields_are_counted_and_explained(tmp_path: Path) -> None:
    case = make_case(tmp_path)
    bad = [
        st("s1", "docs/statement.md", "Police departments, national law.", kind="internal",
           speaker="Brad Pitt", org="Other Inc", date=day(2020, 6, 17)),
        st("s2", "mail/pitch.eml", "agency pilot", kind="internal", speaker="Poe",
           org="Contoso Corp", date=day(2020, 6, 17)),
    ]
    score = score_case(case, report(bad, []), load_gold(case / "gold.yaml"))
    c = score.counts
    assert (c.kind_correct, c.kind_total) == (1, 2)
    assert (c.date_correct, c.date_total) == (0, 2)
    assert (c.speaker_correct, c.speaker_total) == (1, 2)  # "Poe" matches "Sam Poe" by last name
    assert (c.organization_correct, c.organization_total) == (1, 2)
    assert any(w.startswith("P1 date") for w in score.wrong)


def test_flags_false_duplicate_not_pair_and_type(tmp_path: Path) -> None:
    case = make_case(tmp_path)
    fs = [
        finding("f1", "s1", ("s2",), type_="denial-vs-evidence", level="contradiction", reasons=("scope",)),
        finding("f2", "s1", ("s3", "s2")),  # duplicate of the same gold pair
        finding("f3", "s1", ("s3",)),       # a not_contradictions pair: a false flag
    ]
    score = score_case(case, report(GOOD, fs), load_gold(case / "gold.yaml"))
    c = score.counts
    assert (c.findings, c.findings_correct, c.findings_duplicate) == (3, 2, 1)
    assert (c.gold_flags, c.gold_flags_found) == (1, 1)
    assert (c.type_correct, c.level_correct, c.reasons_correct) == (0, 0, 0)
    assert c.not_contradiction_flags == 1
    assert score.false_flags == ["f3"]


def test_missed_flag_and_negative_control(tmp_path: Path) -> None:
    case = make_case(tmp_path)
    score = score_case(case, report(GOOD, []), load_gold(case / "gold.yaml"))
    assert score.counts.ratios()["flag_recall"] == 0.0
    assert score.counts.ratios()["flag_precision"] is None
    assert score.missed_flags == ["P1 x I1"]
    neg = GOLD.replace("negative_control: false", "negative_control: true").split("contradictions:")[0]
    neg_case = make_case(tmp_path, neg, name="neg")
    score = score_case(neg_case, report(GOOD, [finding("f1", "s1", ("s3",))]),
                       load_gold(neg_case / "gold.yaml"))
    assert score.counts.negative_control_flags == 1


@pytest.mark.parametrize("tool,gold,ok", [
    (day(2020, 6, 11), DateValue.day(dt.date(2020, 6, 11), "gold"), True),
    (day(2020, 6, 12), DateValue.day(dt.date(2020, 6, 11), "gold"), False),
    (DateValue(dt.date(2020, 6, 1), dt.date(2020, 6, 30), "month"),
     DateValue.day(dt.date(2020, 6, 11), "gold"), False),
    (day(2018, 11, 14), DateValue(dt.date(2018, 11, 1), dt.date(2018, 11, 30), "month"), True),
    (day(2018, 12, 1), DateValue(dt.date(2018, 11, 1), dt.date(2018, 11, 30), "month"), False),
    (DateValue(dt.date(2017, 9, 1), dt.date(2018, 12, 31), "range"),
     DateValue(dt.date(2017, 9, 1), dt.date(2018, 12, 31), "range"), True),
    (DateValue(dt.date(2017, 9, 1), dt.date(2020, 6, 17), "range"),
     DateValue(dt.date(2017, 9, 1), dt.date(2018, 12, 31), "range"), False),
    (DateValue.undated(), DateValue.undated(), True),
    (day(2020, 1, 1), DateValue.undated(), False),
    (DateValue.undated(), DateValue(dt.date(2019, 1, 1), dt.date(2019, 12, 31), "year"), False),
])
def test_date_matches_at_gold_precision(tool: DateValue, gold: DateValue, ok: bool) -> None:
    assert date_matches(tool, gold) is ok


@pytest.mark.parametrize("tool,gold,ok", [
    ("Brad Smith", "Brad Smith", True), ("Smith", "Brad Smith", True),
    ("Mr. Brad Smith", "Brad Smith", True), ("Bradford Smith", "Brad Smith", True),
    ("Brad Pitt", "Brad Smith", False), ("", "Brad Smith", False),
    # a gold speaker's title, note or recipient is no part of the name
    ("Jane Roe", "Jane Roe, Chair of the Audit Committee", True), ("Jane Roe", "Jane Roe (as reported)", True),
    ("Jane Roe", "Jane Roe to John Doe", True), ("John Doe", "Jane Roe to John Doe", False),
    ("Chair of the Audit Committee", "Jane Roe, Chair of the Audit Committee", False),
    ("Roe", "Anthony (Jack) Roe", True), ("Project Director, Acme JV", "Project Director, Acme JV", True),
])
def test_speaker_matches(tool: str, gold: str, ok: bool) -> None:
    assert speaker_matches(tool, gold) is ok


def test_bad_gold_reports_every_problem_with_position(tmp_path: Path) -> None:
    bad = GOLD.replace("kind: internal, file: mail/pitch.eml", "kind: secret, file: mail/missing.eml")
    bad = bad.replace("type: commitment-vs-action", "type: lies")
    bad = bad.replace('date: "2018-11", precision: month', 'date: "2018-11", precision: day')
    bad = bad.replace("b: I2", "b: I9")
    case = make_case(tmp_path, bad)
    with pytest.raises(ConfigError) as err:
        load_gold(case / "gold.yaml")
    msgs = [str(p) for p in err.value.problems]
    assert len(msgs) == 5, msgs
    assert all(m.startswith(str(case / "gold.yaml") + ":") for m in msgs)
    joined = "\n".join(msgs)
    for part in ("kind must be", "no such file 'mail/missing.eml'", "type must be one of",
                 "does not have precision day", "unknown statement id 'I9'"):
        assert part in joined
    line_of_type = next(p.line for p in err.value.problems if "type must" in p.message)
    assert line_of_type == 11


def test_duplicate_key_and_syntax_errors_are_config_errors(tmp_path: Path) -> None:
    case = make_case(tmp_path, "negative_control: false\nnegative_control: true\nstatements: []\n")
    with pytest.raises(ConfigError) as err:
        load_gold(case / "gold.yaml")
    assert err.value.problems[0].line == 2 and "duplicate key" in err.value.problems[0].message


def test_evaluate_finds_cases_totals_and_survives_a_failing_scan(tmp_path: Path) -> None:
    c1 = make_case(tmp_path / "corpus", name="a")
    c2 = make_case(tmp_path / "corpus" / "nested", name="b")
    assert find_cases([tmp_path / "corpus", c1 / "gold.yaml"]) == [c1, c2]

    def scan(path: Path) -> Report:
        if path.name == "b":
            raise RuntimeError("boom")
        return report(GOOD, [finding("f1", "s1", ("s2",))])

    result = evaluate([tmp_path / "corpus"], scan=scan)
    assert [Path(s.case).name for s in result.cases] == ["a", "b"]
    assert result.cases[1].error == "RuntimeError: boom"
    assert result.total.gold_statements == 6 and result.total.found_statements == 3
    assert result.total.gold_flags == 2 and result.total.gold_flags_found == 1
    data = json.loads(json.dumps(result_to_dict(result)))
    assert data["total"]["scores"]["flag_recall"] == 0.5
    assert data["meets_targets"]["flag_recall"] is False
    assert data["meets_targets"]["flag_precision"] is True
    buf = io.StringIO()
    render_table(result, buf)
    text = buf.getvalue()
    assert "TOTAL" in text and "scan failed" in text and "flag_recall" in text


def test_meets_targets_needs_zero_negative_control_flags(tmp_path: Path) -> None:
    case = make_case(tmp_path)
    result = evaluate([case], scan=lambda p: report(GOOD, [finding("f1", "s1", ("s2",))]))
    assert all(meets_targets(result).values())
    result.total.negative_control_flags = 1
    assert meets_targets(result)["negative_control_flags"] is False


def test_seed_gold_files_load() -> None:
    root = Path(__file__).resolve().parent.parent
    cases = find_cases([root / "seeds", root / "tests" / "corpora"])
    assert cases, "no gold.yaml found under seeds/ or tests/corpora/"
    for case in cases:
        load_gold(case / "gold.yaml")


def test_an_acronym_written_with_an_ampersand_matches_the_name_it_abbreviates() -> None:
    """"&" in an acronym stands for the "and" that initials leave out: "AG&E" is "Apex Gas and
    Electric Company" (legal suffix aside), "G&T" is "Globex & Trust Co."; not a name whose
    initials differ."""
    assert organization_matches("Apex Gas and Electric Company", "AG&E")
    assert organization_matches("AG&E", "Apex Gas and Electric Co.")
    assert organization_matches("G&T", "Globex & Trust Co.")
    assert not organization_matches("AG&E", "Apex Gas Company")
    assert not organization_matches("AG&E", "Apex Grid and Electric Systems Group")


def test_an_acronym_counts_the_form_word_and_the_small_words_of_the_name_as_written() -> None:
    """"ABC" is the "Acme Broadcasting Corporation", "NRCOT" the "Northgate Reliability Council
    of Texas, Inc." (a trailing "Inc." aside); not a name whose written initials differ."""
    assert organization_matches("Acme Broadcasting Corporation", "ABC")
    assert organization_matches("NRCOT", "Northgate Reliability Council of Texas, Inc")
    assert not organization_matches("ABC", "Acme Broadcasting Services")
    assert not organization_matches("NRCOT", "Northgate Reliability Council of Tennessee and Ohio")


def test_initials_of_a_names_first_words_then_the_same_words_match_it() -> None:
    """"NES Department of Health" is the "North Eastmoor State Department of Health" (the set-65
    case of a state's health department written with its state's initials); not another state's
    initials, nor the same state's other department."""
    assert organization_matches("NES Department of Health", "North Eastmoor State Department of Health")
    assert organization_matches("North Eastmoor State Department of Health", "NES Department of Health")
    assert not organization_matches("NWS Department of Health", "North Eastmoor State Department of Health")
    assert not organization_matches("NES Department of Labor", "North Eastmoor State Department of Health")


def _at(sid: str, path: str, text: str, start: int, **kw: object) -> Statement:
    s = st(sid, path, text, **kw)  # type: ignore[arg-type]
    return Statement(**{**s.__dict__, "source": Source(path, 3, start, start + len(text))})


def test_a_gold_statement_quoted_over_several_sentences_is_found_as_a_passage(tmp_path: Path) -> None:
    """No single statement holds 2 of I1's 3 keywords; two consecutive ones of its file, each
    holding one, do (a passage): both match it, and a finding citing either counts for its pair.
    The same two sentences far apart in the file are no passage."""
    case = make_case(tmp_path)
    gold = load_gold(case / "gold.yaml")
    near = [GOOD[0], _at("x", "mail/pitch.eml", "We met the agency in March.", 0, kind="internal", role="evidence"),
            _at("y", "mail/pitch.eml", "A pilot was offered.", 40, kind="internal", role="evidence")]
    score = score_case(case, report(near, [finding("f1", "s1", ("y",))]), gold)
    assert "I1" not in score.missed_statements and score.counts.found_by_passage == 1
    assert score.counts.gold_flags_found == 1
    far = near[:2] + [_at("y", "mail/pitch.eml", "A pilot was offered.", 5000, kind="internal", role="evidence")]
    score = score_case(case, report(far, [finding("f1", "s1", ("y",))]), gold)
    assert "I1" in score.missed_statements and score.counts.found_by_passage == 0
    assert score.counts.gold_flags_found == 0


def test_an_organization_named_without_its_first_words_is_the_same_one() -> None:
    from claimcheck.evaluate.matching import organization_matches
    assert organization_matches("Roebuck", "Jane Roebuck")  # a founder's name the company goes by
    assert organization_matches("Springfield Acme Group Co., Ltd", "Acme Group")  # a city before the name
    assert not organization_matches("Police", "Northgate County Police")  # a kind of body, not this one
    assert not organization_matches("Northgate", "Office of the Governor of Northgate")  # a place inside a long name
    assert not organization_matches("Group", "Acme Group")


def test_an_organization_named_by_its_first_words_then_the_initials_of_the_rest_is_the_same_one() -> None:
    """"Northgate DHB" is the "Northgate District Health Board"; "Acme Grid ESO" the "Acme Grid Electricity
    System Operator"; initials alone ("DHB") or other initials are not."""
    assert organization_matches("Northgate District Health Board", "Northgate DHB")
    assert organization_matches("Acme Grid ESO", "Acme Grid Electricity System Operator")
    assert not organization_matches("DHB", "Northgate DHB")
    assert not organization_matches("Northgate DHA", "Northgate District Health Board")
    assert not organization_matches("Southgate DHB", "Northgate District Health Board")


def test_an_organization_named_by_its_first_two_words_is_the_same_one_however_short() -> None:
    """"Al Ro" is "Al Ro Northgate Airlines" (two words, each short); "New Northgate" is no "New Northgate Times"."""
    assert organization_matches("Al Ro", "Al Ro Northgate Airlines")
    assert not organization_matches("New Northgate", "New Northgate Times")
    assert not organization_matches("Al", "Al Ro Northgate Airlines")


def test_a_finnish_legal_form_is_no_part_of_the_name() -> None:
    from claimcheck.corpus import org_key
    assert org_key("Northgate Terapia Oy") == org_key("Northgate Terapia")
    assert organization_matches("Terapia", "Northgate Terapia Oy")


def test_a_name_the_cases_documents_define_is_the_organization_it_stands_for(tmp_path: Path) -> None:
    """A grader takes "RIS" for the "Northgate Identity Authority" where the case's letterhead reads
    "NORTHGATE IDENTITY AUTHORITY (RIS)", and a gold name that gives its short form in brackets by
    either; another short name stays another organization, and a heading's "(EXCERPT)" defines nothing."""
    from claimcheck.evaluate.matching import defined_names, organization_matches_in_case

    (tmp_path / "press").mkdir()
    (tmp_path / "press" / "release.txt").write_text(
        "NORTHGATE IDENTITY AUTHORITY (RIS) -- PRESS RELEASE\nPROJECT REPORT (EXCERPT)\n\nThe RIS said ...\n",
        encoding="utf-8")
    (tmp_path / "gold.yaml").write_text("statements: []\n", encoding="utf-8")
    defined = defined_names(tmp_path)
    assert ("NORTHGATE IDENTITY AUTHORITY", "RIS") in defined and not any(s == "EXCERPT" for _, s in defined)
    assert organization_matches_in_case("RIS", "Northgate Identity Authority", defined)
    assert not organization_matches_in_case("RIS", "Northgate Identity Authority")
    assert not organization_matches_in_case("EIA", "Northgate Identity Authority", defined)
    assert organization_matches_in_case("NNP", "Northgate Nationalist Party (NNP)")
