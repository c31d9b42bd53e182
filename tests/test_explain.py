"""``claimcheck explain`` through the CLI (issue 18, point 2): a file, a line, two statements; text and JSON."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimcheck.cli import cli

SEED = Path(__file__).resolve().parent.parent / "seeds" / "microsoft-dea"
MAIL = SEED / "emails" / "2018-03-07-face-api-pilot.eml"


def run(*args: object):
    return CliRunner().invoke(cli, [str(a) for a in args])


@pytest.mark.model
def test_explain_file_says_kind_date_author_and_where_each_came_from() -> None:
    res = run("explain", MAIL, "-f", "json")
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    [doc] = data["documents"]
    assert doc["path"] == "emails/2018-03-07-face-api-pilot.eml"
    assert (doc["kind"], doc["kind_source"]) == ("email", "the e-mail reader (an e-mail is internal)")
    assert (doc["date"], doc["date_source"]) == ("2018-03-07", "header")
    assert doc["date_text"].startswith("Wed, 07 Mar 2018")
    assert (doc["author"], doc["author_source"]) == ("Kevin Marsh", "the From: header")
    assert doc["focus"] == "Microsoft Corp"  # read with its corpus's claimcheck.yaml, as a scan reads it
    assert len(doc["statements"]) >= 2
    # sentence-level reasons are said to be missing, not silently left out
    if doc["sentences"] is None:
        assert any("explain_batch" in m for m in data["missing"])
    text = run("explain", MAIL).stdout
    assert "kind    email  (from the e-mail reader" in text and "(from the Date: header" in text


@pytest.mark.model
def test_explain_line_keeps_the_statements_on_that_line(tmp_path: Path) -> None:
    data = json.loads(run("explain", f"{MAIL}:16", "-f", "json").stdout)
    stmts = data["documents"][0]["statements"]
    assert [s["line"] for s in stmts] == [16] and stmts[0]["text"].startswith("Microsoft would like to offer DEA")
    assert json.loads(run("explain", f"{MAIL}:16", "-f", "json").stdout)["line_text"].startswith("Microsoft would like")
    meta = tmp_path / "memo.txt"
    meta.write_text("We will review the pilot next quarter, the team said.\n")
    (tmp_path / "memo.txt.meta.yaml").write_text("kind: memo\ndate: 2019-02-01\nauthor: Lee Park\n")
    doc = json.loads(run("explain", meta, "-f", "json").stdout)["documents"][0]
    assert doc["kind_source"] == "sidecar FILE.meta.yaml" and doc["author_source"] == "sidecar FILE.meta.yaml"
    assert doc["date_source"] == "sidecar"
    release = SEED.parent / "carmaker-emissions" / "public" / "2014-12-10-service-action-release.md"
    doc = json.loads(run("explain", release, "-f", "json").stdout)["documents"][0]
    assert (doc["kind"], doc["kind_source"]) == ("press-release", "the file's front matter")
    assert (doc["date"], doc["date_source"]) == ("2014-12-10", "front-matter")


def test_explain_refuses_what_it_cannot_explain(tmp_path: Path) -> None:
    for args in (["explain", tmp_path / "nope.txt"], ["explain", tmp_path], ["explain", "s1", "s2"]):
        res = run(*args)
        assert res.exit_code == 2 and len(res.stderr.strip().splitlines()) == 1, args


def test_explain_a_line_past_the_end_is_an_error_naming_the_line_count(tmp_path: Path) -> None:
    """issue 18: FILE:N past the file's end explained nothing (0 statements, exit 0)."""
    note = tmp_path / "note.txt"
    note.write_text("Acme said the pilot ended.\n\nNorthgate said it did not.", encoding="utf-8")  # 3 lines
    docx = Path(__file__).resolve().parent / "corpora" / "chemical-pfas-denial" / "lab" / "2016-09-19-outfall-sampling-memo.docx"
    for target, count in ((f"{note}:4", 3), (f"{note}:0", 3), (f"{note}:99", 3), (f"{docx}:11", 10)):
        res = run("explain", target, "-f", "json", "--model", "none", "--no-cache")
        assert res.exit_code == 2, (target, res.output)
        lines = res.stderr.strip().splitlines()
        assert len(lines) == 1 and f"has {count} lines: there is no line {target.rpartition(':')[2]}" in lines[0]
        assert res.stdout == ""
    res = run("explain", f"{note}:3", "-f", "json", "--model", "none", "--no-cache")
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)["line_text"] == "Northgate said it did not."


def test_explain_pair_from_a_saved_report(tmp_path: Path, make_report) -> None:
    from claimcheck.report.jsonout import dumps

    saved = tmp_path / "r.json"
    saved.write_text(dumps(make_report()), encoding="utf-8")
    res = run("explain", "s-mail1", "s-pub", "--report", saved, "-f", "json")
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert data["public"]["id"] == "s-pub" and data["internal"]["id"] == "s-mail1"  # sides sorted out
    assert [f["id"] for f in data["findings"]] == ["f-1a2b3c"]
    assert data["findings"][0]["reasons"][1]["code"] == "scope"
    assert isinstance(data["paired"], bool)
    text = run("explain", "s-mail1", "s-pub", "--report", saved).stdout
    assert "finding f-1a2b3c: tension" in text and "- weakens [scope] A pilot is not a sale." in text
    none = json.loads(run("explain", "s-pdf", "s-mail2", "--report", saved, "-f", "json").stdout)
    assert none["findings"] == []
    whole = json.loads(run("explain", "f-1a", "--report", saved, "-f", "json").stdout)  # a finding, by prefix
    assert whole["finding"] == "f-1a2b3c" and [p["internal"]["id"] for p in whole["pairs"]] == ["s-mail1", "s-mail2"]
    assert "finding f-1a2b3c: tension" in run("explain", "f-1a2b3c", "--report", saved).stdout


def test_explain_pair_says_which_alignment_condition_failed(tmp_path: Path, make_report) -> None:
    from claimcheck.report.jsonout import dumps

    saved = tmp_path / "r.json"
    saved.write_text(dumps(make_report()), encoding="utf-8")
    # a critic quoted in the news is not internal evidence: alignment never compares it with a claim
    data = json.loads(run("explain", "s-pub", "s-critic", "--report", saved, "-f", "json").stdout)
    assert data["paired"] is False and data["level"] is None
    assert "not internal evidence" in data["not_paired_because"]
    assert "paired for comparison: no: " in run("explain", "s-pub", "s-critic", "--report", saved).stdout


CORPORA = Path(__file__).resolve().parent / "corpora"


@pytest.mark.model
@pytest.mark.parametrize("case", [CORPORA / "airline-corrosion", SEED.parent / "carmaker-emissions"])
def test_explain_agrees_with_the_scan_for_every_finding(tmp_path: Path, case: Path) -> None:
    # issue 18: explain used to judge a flagged pair without alignment's shared terms and said
    # "paired: no, level: None"; the carmaker case also has a finding on a quote, which cites the
    # quote's first sentence for records judged against its other sentences
    saved = tmp_path / "r.json"
    assert run("scan", case, "-f", "json", "-o", saved, "--no-cache", "--fail-on", "never").exit_code == 0
    report = json.loads(saved.read_text())
    assert report["findings"]
    for f in report["findings"]:
        for internal in f["internal"]:
            res = run("explain", f["public"], internal, "--report", saved, "-f", "json")
            assert res.exit_code == 0, res.output
            data = json.loads(res.stdout)
            assert data["paired"] is True, (f["id"], internal, data["not_paired_because"])
            assert data["level"] == f["level"], (f["id"], internal)
            assert f["id"] in [x["id"] for x in data["findings"]]
            assert data["judgement"]["paired"] and data["judgement"]["level"] is not None
            if data["judgement"]["level"] == f["level"]:
                assert data["judgement"]["type"] == f["type"]
        whole = json.loads(run("explain", f["id"], "--report", saved, "-f", "json").stdout)
        assert all(x["paired"] and x["level"] == f["level"] for x in whole["pairs"])


@pytest.mark.model
def test_explain_says_for_each_sentence_whether_it_was_kept_and_why(tmp_path: Path) -> None:
    mail = tmp_path / "note.txt"
    mail.write_text("MEMORANDUM\nFROM: Lee Park, Director of Research, Apex Chemical Corporation\nDATE: March 3, 2019\n"
                    "RE: Coating trials\n\nThanks for all the help.\n\nThe coating failed the heat test in every trial we ran.\n\n"
                    "Teenagers love the flavour of the new pods.\n\n"
                    "This email and any attachments may contain confidential information.\n")
    data = json.loads(run("explain", mail, "-f", "json").stdout)
    assert data["missing"] == []
    sentences = {s["line"]: s for s in data["documents"][0]["sentences"]}
    failed = next(s for s in sentences.values() if "heat test" in mail.read_text()[s["start"]:s["end"]] or s["line"] == 8)
    assert failed["kept"] and failed["statement"] and "parsed" in failed["reason"]
    light = sentences[10]
    assert light["kept"] and "without a parse" in light["reason"]
    assert not sentences[6]["kept"] and "small talk" in sentences[6]["reason"]
    assert not sentences[12]["kept"] and "boilerplate" in sentences[12]["reason"]


@pytest.mark.model
def test_timeline_and_explain_show_the_statement_ids_explain_takes(tmp_path: Path) -> None:
    # issue 18: statement ids were only in the JSON, so "explain a miss" needed it
    case = CORPORA / "airline-corrosion"
    saved = tmp_path / "r.json"
    assert run("scan", case, "-f", "json", "-o", saved, "--no-cache", "--fail-on", "never").exit_code == 0
    report = json.loads(saved.read_text())
    ids = {s["id"] for s in report["statements"]}
    terminal = run("report", saved, "--timeline", "--all", "--fail-on", "never").stdout
    shown = re.findall(r"\b(s[0-9a-f]{8,})\b", terminal)
    assert len(shown) == len(ids)  # every statement, each once
    for short in shown:
        assert len([i for i in ids if i.startswith(short)]) == 1, short
    markdown = run("report", saved, "-f", "markdown", "--timeline", "--all", "--fail-on", "never").stdout
    assert sorted(re.findall(r"`(s[0-9a-f]{8,})`", markdown)) == sorted(shown)
    # the short ids read off the timeline are what explain takes
    f = report["findings"][0]
    short = {i: next(s for s in shown if i.startswith(s)) for i in (f["public"], f["internal"][0])}
    data = json.loads(run("explain", short[f["public"]], short[f["internal"][0]], "--report", saved, "-f", "json").stdout)
    assert data["paired"] and data["public"]["id"] == f["public"]
    # explain FILE:LINE names each statement by its id
    pub = next(s for s in report["statements"] if s["id"] == f["public"])
    text = run("explain", f"{case / pub['source']['path']}:{pub['source']['line']}").stdout
    assert f"{pub['id']} {pub['source']['path']}:{pub['source']['line']}" in text
