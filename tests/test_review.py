"""The reporter's review loop through the CLI: review state, fail-closed options, terminal, exports (issue 18)."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import re
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from claimcheck.cli import cli
from claimcheck.models import Review
from claimcheck.report.jsonout import dumps

AT = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")


def run(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(cli, [str(a) for a in args], env=env)


@pytest.fixture
def saved(tmp_path: Path, make_report) -> Path:
    """A saved JSON report whose scanned root is a real folder (where the review file goes)."""
    docs = tmp_path / "docs"
    docs.mkdir()
    path = tmp_path / "findings.json"
    path.write_text(dumps(dataclasses.replace(make_report(), roots=(str(docs),))), encoding="utf-8")
    return path


def _review_file(saved: Path) -> Path:
    return saved.parent / "docs" / "claimcheck-review.yaml"


# -- point 1: review state ------------------------------------------------------------------------

def test_review_dismiss_writes_the_file_next_to_the_documents(saved: Path) -> None:
    res = run("review", "f-9z8y7x", "--dismiss", "--note", "a different plant", "--by", "Ana", "--report", saved)
    assert res.exit_code == 0, res.output
    data = yaml.safe_load(_review_file(saved).read_text())
    entry = data["findings"]["f-9z8y7x"]
    assert entry["status"] == "dismissed" and entry["note"] == "a different plant" and entry["by"] == "Ana"
    assert AT.match(entry["at"]) and entry["level"] == "contradiction"
    assert entry["public"] == "press/2020-06-11-release.html:12"
    # a unique prefix is enough; a second review keeps the first entry; a re-review without a note keeps it
    assert run("review", "f-1a", "--confirm", "--note", "checked", "--by", "Bo", "--report", saved).exit_code == 0
    assert run("review", "f-9z8y7x", "--dismiss", "--by", "Cy", "--report", saved).exit_code == 0
    text = _review_file(saved).read_text()
    data = yaml.safe_load(text)
    assert list(data["findings"]) == ["f-1a2b3c", "f-9z8y7x"]  # sorted by id: diffs stay per entry
    assert data["findings"]["f-1a2b3c"]["status"] == "confirmed"
    assert data["findings"]["f-9z8y7x"]["note"] == "a different plant" and data["findings"]["f-9z8y7x"]["by"] == "Cy"
    assert run("review", "f-1a2b3c", "--clear", "--report", saved).exit_code == 0
    assert list(yaml.safe_load(_review_file(saved).read_text())["findings"]) == ["f-9z8y7x"]
    # a saved report that carried a verdict since cleared: the review file wins
    rendered = saved.parent / "rendered.json"
    rendered.write_text(run("report", saved, "-f", "json", "--fail-on", "never").stdout)
    assert run("review", "f-9z8y7x", "--clear", "--report", saved).exit_code == 0
    again = json.loads(run("report", rendered, "-f", "json", "--fail-on", "never").stdout)
    assert again["reviews"] == []


def test_review_unknown_id_or_no_action_is_a_one_line_error(saved: Path) -> None:
    res = run("review", "f-nope", "--dismiss", "--report", saved)
    assert res.exit_code == 2 and len(res.stderr.strip().splitlines()) == 1 and "f-nope" in res.stderr
    assert not _review_file(saved).exists()
    res = run("review", "f-9z8y7x", "--report", saved)
    assert res.exit_code == 2 and "--confirm, --dismiss or --clear" in res.stderr
    res = run("review", "f-9z8y7x", "--dismiss")
    assert res.exit_code == 2 and "--report" in res.stderr
    # issue 18: both verdicts at once were accepted, the last one winning
    for both in (["--confirm", "--dismiss"], ["--dismiss", "--confirm"], ["--dismiss", "--clear"]):
        res = run("review", "f-9z8y7x", *both, "--report", saved)
        assert res.exit_code == 2 and len(res.stderr.strip().splitlines()) == 1, both
        assert "exclude each other" in res.stderr
    assert not _review_file(saved).exists()


def test_review_without_a_report_says_the_ids_were_not_checked(saved: Path) -> None:
    """issue 18: with --folder (or --file) and no report the ids cannot be checked without a
    scan; the review is recorded and the missing check is said, not passed over."""
    docs = saved.parent / "docs"
    res = run("review", "F0nothing", "--dismiss", "--note", "x", "--folder", docs)
    assert res.exit_code == 0, res.output
    assert list(yaml.safe_load(_review_file(saved).read_text())["findings"]) == ["F0nothing"]
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 2 and lines[0].startswith("warning: F0nothing not checked against any finding")
    assert "--report" in lines[0]
    # with the report, the same id is refused (exit 2, one line, the id named), nothing written
    before = _review_file(saved).read_text()
    res = run("review", "F0other", "--confirm", "--report", saved, "--folder", docs)
    assert res.exit_code == 2 and len(res.stderr.strip().splitlines()) == 1 and "F0other" in res.stderr
    assert _review_file(saved).read_text() == before


def test_stale_review_entries_are_warned_once_and_listed_in_json(saved: Path) -> None:
    """issue 18: review entries whose id is no finding of the report are said once on stderr
    (how many, the first few) and carried in the JSON under stale_reviews, sorted by id."""
    rf = _review_file(saved)
    stale = [f"F0stale{n}" for n in range(7)]
    rf.write_text("version: 1\nfindings:\n" + "".join(
        f"  {fid}:\n    status: dismissed\n    note: gone\n" for fid in [*reversed(stale), "f-9z8y7x"]),
        encoding="utf-8")
    res = run("report", saved, "-f", "json", "--fail-on", "never")
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert [r["finding"] for r in data["reviews"]] == ["f-9z8y7x"]
    assert [r["finding"] for r in data["stale_reviews"]] == stale
    assert data["stale_reviews"][0] == {"finding": "F0stale0", "status": "dismissed", "note": "gone", "by": "", "at": ""}
    warned = [line for line in res.stderr.splitlines() if "no finding of this report" in line]
    assert len(warned) == 1 and warned[0].startswith("warning: 7 review entries match")
    assert ", ".join(stale[:5]) + " and 2 more" in warned[0] and "F0stale5" not in warned[0]
    # a filter does not make a reviewed finding stale
    only = json.loads(run("report", saved, "-f", "json", "--level", "tension", "--fail-on", "never").stdout)
    assert [r["finding"] for r in only["stale_reviews"]] == stale
    # a stale entry is cleared by its exact id, even with a report it is not in
    res = run("review", "F0stale3", "--clear", "--report", saved)
    assert res.exit_code == 0, res.output
    assert "F0stale3" not in yaml.safe_load(rf.read_text())["findings"]
    assert run("review", "F0stale", "--clear", "--report", saved).exit_code == 2  # not a prefix: exact ids only
    rf.write_text("version: 1\nfindings:\n  f-9z8y7x:\n    status: dismissed\n", encoding="utf-8")
    res = run("report", saved, "-f", "json", "--fail-on", "never")
    assert json.loads(res.stdout)["stale_reviews"] == [] and "stale" not in res.stderr


@pytest.mark.model
def test_a_scan_warns_of_stale_review_entries(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "note.txt").write_text("Acme said the pilot ended in May.\n")
    (docs / "claimcheck-review.yaml").write_text(
        "version: 1\nfindings:\n  F0gone:\n    status: confirmed\n", encoding="utf-8")
    out = tmp_path / "out.json"
    args = ("scan", docs, "-f", "json", "-o", out, "--fail-on", "never", "--cache", tmp_path / "cache")
    for _ in range(2):  # a replayed scan says it again
        res = run(*args)
        assert res.exit_code == 0, res.output
        assert [r["finding"] for r in json.loads(out.read_text())["stale_reviews"]] == ["F0gone"]
        warned = [line for line in res.stderr.splitlines() if "no finding of this report" in line]
        assert len(warned) == 1 and "1 review entry matches" in warned[0] and "F0gone" in warned[0], res.stderr


def test_dismissed_finding_fails_no_run_and_raises_no_annotation(saved: Path) -> None:
    assert run("report", saved, "-f", "json").exit_code == 1  # the contradiction fails the run
    run("review", "f-9z8y7x", "--dismiss", "--note", "a different plant", "--report", saved)
    res = run("report", saved, "-f", "json")
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert {r["finding"]: r["status"] for r in data["reviews"]} == {"f-9z8y7x": "dismissed"}
    assert data["summary"]["reviews"] == {"confirmed": 0, "dismissed": 1}
    assert run("report", saved, "-f", "json", "--fail-on", "tension").exit_code == 1  # the tension still counts
    only = json.loads(run("report", saved, "-f", "json", "--level", "tension").stdout)  # reviewed one filtered out
    assert only["reviews"] == [] and only["summary"]["reviews"] == {"confirmed": 0, "dismissed": 0}
    gh = run("report", saved, "-f", "github").stdout
    assert "f-9z8y7x" not in gh and "f-1a2b3c" in gh and "1 dismissed in review" in gh


@pytest.mark.parametrize("fmt", ["terminal", "markdown", "html", "csv", "json", "timelinejs", "github"])
def test_every_renderer_shows_status_and_note(saved: Path, fmt: str) -> None:
    run("review", "f-1a2b3c", "--confirm", "--note", "checked with the desk", "--by", "Ana", "--report", saved)
    out = run("report", saved, "-f", fmt, "--fail-on", "never").stdout
    assert "confirmed" in out and "checked with the desk" in out


def test_review_file_validated_like_a_config(saved: Path) -> None:
    rf = _review_file(saved)
    rf.write_text("version: 1\nfindings:\n  f-9z8y7x:\n    status: dismised\n    nte: x\n  f-1a2b3c:\n"
                  "    status: confirmed\n    at: yesterday\n", encoding="utf-8")
    res = run("report", saved)
    assert res.exit_code == 2
    lines = res.stderr.strip().splitlines()
    assert f"{rf}:4:5: finding f-9z8y7x: status must be one of confirmed, dismissed; got 'dismised' (did you mean 'dismissed'?)" in lines
    assert any(line.startswith(f"{rf}:5:5: finding f-9z8y7x: unknown key 'nte'") for line in lines)
    assert any(line.startswith(f"{rf}:8:5: finding f-1a2b3c: 'at' must be an ISO 8601 time") for line in lines)
    # a broken review file is reported, never overwritten
    before = rf.read_text()
    assert run("review", "f-9z8y7x", "--confirm", "--report", saved).exit_code == 2
    assert rf.read_text() == before


def test_baseline_is_merged_never_silently_overwritten(tmp_path: Path, make_report) -> None:
    rep = make_report()
    one = tmp_path / "one.json"
    one.write_text(dumps(dataclasses.replace(rep, findings=rep.findings[:1])), encoding="utf-8")
    two = tmp_path / "two.json"
    two.write_text(dumps(dataclasses.replace(rep, findings=rep.findings[1:])), encoding="utf-8")
    base = tmp_path / "baseline.json"
    assert run("baseline", one, "-o", base).exit_code == 0
    res = run("baseline", two, "-o", base)
    assert res.exit_code == 0 and "1 finding(s) added, 1 kept" in res.stderr
    assert sorted(e["id"] for e in json.loads(base.read_text())["findings"]) == ["f-1a2b3c", "f-9z8y7x"]
    assert run("baseline", two, "-o", base, "--replace").exit_code == 0
    assert [e["id"] for e in json.loads(base.read_text())["findings"]] == [rep.findings[1].id]
    base.write_text("{broken", encoding="utf-8")
    assert run("baseline", one, "-o", base).exit_code == 2 and base.read_text() == "{broken"


# -- point 4: options that fail closed ------------------------------------------------------------

def test_date_refused_on_a_folder(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Text.\n")
    res = run("scan", tmp_path, "--date", "2020-06-18", "--no-cache")
    assert res.exit_code == 2
    assert len(res.stderr.strip().splitlines()) == 1 and "--date" in res.stderr and "sidecar" in res.stderr


@pytest.mark.model
def test_date_does_not_override_a_dated_document(tmp_path: Path) -> None:
    mail = tmp_path / "m.eml"
    mail.write_text("From: Dana Roe <dana@acme.example>\nTo: ops@agency.example\nSubject: pilot\n"
                    "Date: Wed, 08 Mar 2023 10:00:00 +0000\n\nWe will start the pilot with the agency next week.\n")
    out = tmp_path / "out" / "r.json"
    out.parent.mkdir()
    res = run("scan", mail, "--date", "2023-03-01", "--no-cache", "-f", "json", "-o", out, "--fail-on", "never")
    assert res.exit_code == 0, res.output
    doc = json.loads(out.read_text())["documents"][0]
    assert doc["date"] == "2023-03-08" and doc["date_source"] == "header"
    assert "--date 2023-03-01 not applied to m.eml" in res.stderr
    assert "claimcheck: scanning 1 files" in res.stderr  # CI (no terminal): progress as plain lines


@pytest.mark.parametrize("args", [("--since", "yesterday"), ("--until", "2020-13-01"), ("-f", "pdf"),
                                  ("--fail-on", "sometimes")])
def test_option_errors_are_one_line(saved: Path, args: tuple[str, str]) -> None:
    res = run("report", saved, *args)
    assert res.exit_code == 2
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and args[0] in lines[0] and "Traceback" not in res.output


def test_filter_matching_nothing_warns(saved: Path) -> None:
    res = run("report", saved, "--entity", "Nobody Inc", "--fail-on", "never", "-f", "json")
    assert res.exit_code == 0
    assert "warning: --entity 'nobody inc' matches nothing in this report" in res.stderr
    res = run("report", saved, "--entity", "Acme", "--fail-on", "never", "-f", "json")
    assert "matches nothing" not in res.stderr


def test_failed_files_in_github_and_fail_on_error(saved: Path) -> None:
    gh = run("report", saved, "-f", "github", "--fail-on", "never").stdout
    assert re.search(r"^::warning file=[^,]*broken\.eml,title=claimcheck could not read broken\.eml::truncated MIME headers$",
                     gh, re.M)
    assert run("report", saved, "--fail-on", "error", "-f", "json").exit_code == 1
    assert run("report", saved, "--fail-on", "never", "-f", "json").exit_code == 0
    rows = list(csv.DictReader(io.StringIO(run("report", saved, "-f", "csv").stdout)))
    assert [r["source"] for r in rows if r["row"] == "file"] == ["broken.eml", "scan.bin"]
    assert "broken.eml" in run("report", saved, "-f", "timelinejs").stdout


def test_eval_exits_1_when_a_target_is_missed(tmp_path: Path) -> None:
    case = tmp_path / "case"
    case.mkdir()
    (case / "memo.txt").write_text("Nothing here but the weather.\n")
    (case / "gold.yaml").write_text(
        "domain: test\nstatements:\n  - id: P1\n    kind: public\n    file: memo.txt\n    date: undated\n"
        "    precision: unknown\n    keywords: [zebra, giraffe]\ncontradictions: []\n")
    res = run("eval", tmp_path, "--json")
    assert res.exit_code == 1, res.output
    assert not all(json.loads(res.stdout)["meets_targets"].values())


CORPORA = Path(__file__).resolve().parent / "corpora"


@pytest.mark.model
def test_eval_passes_a_clean_negative_control_and_fails_one_with_a_flag(tmp_path: Path) -> None:
    # issue 18: no flag expected and none found left flag precision and recall undefined, and
    # eval counted them as missed targets (exit 1)
    res = run("eval", CORPORA / "university-breach-negative", "--json")
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert data["total"]["scores"]["flag_precision"] is None and data["total"]["scores"]["flag_recall"] is None
    assert all(data["meets_targets"].values())
    # a case whose scan flags a contradiction, labelled a negative control: still a failure
    import shutil
    case = tmp_path / "flagged-negative"
    shutil.copytree(CORPORA / "bank-breach-numbers", case)
    gold = yaml.safe_load((case / "gold.yaml").read_text())
    gold.update(negative_control=True, contradictions=[], not_contradictions=[])
    gold.pop("adversarial", None)
    (case / "gold.yaml").write_text(yaml.safe_dump(gold))
    res = run("eval", case, "--json")
    assert res.exit_code == 1, res.output
    met = json.loads(res.stdout)["meets_targets"]
    assert met["negative_control_flags"] is False and met["flag_precision"] is False


# -- point 5: terminal ----------------------------------------------------------------------------

def test_terminal_width_from_columns_findings_first(saved: Path) -> None:
    out = run("report", saved, "--fail-on", "never", env={"COLUMNS": "80"}).stdout
    assert max(len(line) for line in out.splitlines()) <= 80
    assert "press/2020-06-11-release.html:12" in out  # file:line never cut
    assert out.index("Findings (") < out.index("Timeline")
    wide = run("report", saved, "--fail-on", "never", env={"COLUMNS": "150"}).stdout
    assert max(len(line) for line in wide.splitlines()) > 80
    only = run("report", saved, "--fail-on", "never", "--findings-only").stdout
    assert "Findings (" in only and "Timeline" not in only
    tl = run("report", saved, "--fail-on", "never", "--timeline").stdout
    assert "Timeline" in tl and "Findings (" not in tl
    md = run("report", saved, "-f", "markdown", "--fail-on", "never", "--findings-only").stdout
    assert "## Findings" in md and "## Timeline" not in md


@pytest.mark.parametrize("columns", ["80", "130", "200"])
def test_timeline_never_splits_a_file_and_line(tmp_path: Path, make_report, columns: str) -> None:
    # issue 18: a long file name was folded mid-token ("...invitati" / "on.eml:14")
    long = "correspondence/2017/outreach/2017-09-12-regional-demo-invitation-follow-up.eml"
    report = make_report()
    stmts = tuple(dataclasses.replace(s, source=dataclasses.replace(s.source, path=long))
                  if s.id == "s-mail1" else s for s in report.statements)
    path = tmp_path / "r.json"
    path.write_text(dumps(dataclasses.replace(report, statements=stmts)), encoding="utf-8")
    out = run("report", str(path), "--timeline", "--fail-on", "never", env={"COLUMNS": columns}).stdout
    timeline = out.split("Timeline", 1)[1]
    assert max(len(line) for line in timeline.splitlines()) <= int(columns)
    name = "2017-09-12-regional-demo-invitation-follow-up.eml:9"
    [line] = [line for line in timeline.splitlines() if "regional-demo" in line or "follow-up" in line]
    assert name in line
    full = [line for line in timeline.splitlines() if long + ":9" in line]
    assert full or "\u2026" in line  # shortened from the left, never cut on the right
    for ref in ("press/2020-06-11-release.html:12", "mail/box.mbox#msg2:40"):
        assert any(ref in line for line in timeline.splitlines()), ref


def test_color_always_never_and_no_color(saved: Path, monkeypatch) -> None:
    assert "\x1b[" in run("report", saved, "--fail-on", "never", "--color", "always").stdout
    assert "\x1b[" not in run("report", saved, "--fail-on", "never", "--color", "never").stdout
    import sys

    from claimcheck import cli as cli_mod

    class TTY(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stdout", TTY())
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert cli_mod._use_color("terminal", None, "auto") is True
    monkeypatch.setenv("NO_COLOR", "1")
    assert cli_mod._use_color("terminal", None, "auto") is False


# -- point 6: exports -----------------------------------------------------------------------------

def test_csv_finding_rows_with_link_and_timestamp(saved: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(run("report", saved, "-f", "csv", "--rows", "findings").stdout)))
    assert [r["id"] for r in rows] == ["f-9z8y7x", "f-1a2b3c"] and {r["row"] for r in rows} == {"finding"}
    first = rows[0]
    assert first["level"] == "contradiction" and first["statement_ids"].split()[0] == "s-pub"
    assert first["link"].endswith("docs/press/2020-06-11-release.html") and first["timestamp"] == "1591833600"
    stmts = list(csv.DictReader(io.StringIO(run("report", saved, "-f", "csv", "--rows", "statements").stdout)))
    assert {r["row"] for r in stmts} == {"statement"}
    pdf = next(r for r in stmts if r["id"] == "s-pdf")
    assert pdf["link"].endswith("#page=2") and all(r["link"] for r in stmts)
    assert all(r["timestamp"] for r in stmts if r["date"])


def test_timelinejs_marks_third_parties(saved: Path) -> None:
    events = {e["unique_id"]: e for e in json.loads(run("report", saved, "-f", "timelinejs").stdout)["events"]}
    assert events["s-critic"]["group"] == "third party"
    assert events["s-critic"]["text"]["headline"].startswith("Third party: ")
    assert events["s-pub"]["group"] == "public" and events["s-mail1"]["group"] == "internal"


def test_corpus_own_files_not_listed_as_unread(tmp_path: Path, make_report) -> None:
    from claimcheck.models import FileRecord

    rep = make_report()
    files = rep.files + (FileRecord("README.md", "skipped", reason="ignored by claimcheck.yaml"),
                         FileRecord("claimcheck.yaml", "skipped", reason="metadata file"),
                         FileRecord("gold.yaml", "skipped", reason="unsupported extension .yaml"),
                         FileRecord("claimcheck-review.yaml", "skipped", reason="unsupported extension .yaml"))
    path = tmp_path / "r.json"
    path.write_text(dumps(dataclasses.replace(rep, files=files)), encoding="utf-8")
    for fmt in ("terminal", "markdown", "html"):
        out = run("report", path, "-f", fmt, "--fail-on", "never").stdout
        assert "scan.bin" in out and "broken.eml" in out
        assert not re.search(r"README\.md|claimcheck\.yaml|gold\.yaml|claimcheck-review\.yaml", out.split("claimcheck-data")[0]), fmt


def test_review_state_round_trips_through_json(make_report) -> None:
    from claimcheck.report.jsonout import load_report

    rep = dataclasses.replace(make_report(), reviews=(Review("f-1a2b3c", "dismissed", "n", "Ana", "2026-12-04T16:40:00Z"),))
    assert load_report(dumps(rep)).reviews == rep.reviews


@pytest.mark.model
def test_a_review_changes_a_replayed_scan(tmp_path: Path) -> None:
    """An unchanged folder replays its last output (runmemo); a new review must not be missed."""
    import shutil

    docs = tmp_path / "case"
    shutil.copytree(Path(__file__).resolve().parent.parent / "seeds" / "microsoft-dea", docs)
    out, cache = tmp_path / "out.json", tmp_path / "cache"
    args = ("scan", docs, "--cache", cache, "-q", "-f", "json", "-o", out, "--fail-on", "tension")
    assert run(*args).exit_code == 1
    fid = json.loads(out.read_text())["findings"][0]["id"]
    assert run("review", fid, "--dismiss", "--note", "x", "--folder", docs).exit_code == 0
    assert run(*args).exit_code == 0
    data = json.loads(out.read_text())
    assert [r["status"] for r in data["reviews"]] == ["dismissed"]
    # a review file outside the folder (--review) is an input of the replay too
    other = tmp_path / "desk.yaml"
    assert run("review", fid, "--confirm", "--note", "holds", "--file", other).exit_code == 0
    assert run(*args, "--review", other).exit_code == 1  # confirmed again: the tension counts
    assert run("review", fid, "--dismiss", "--file", other).exit_code == 0
    assert run(*args, "--review", other).exit_code == 0
    # the review file is the corpus's own: not a file "not read" in the reports
    md = run("scan", docs, "--cache", cache, "-q", "-f", "markdown", "--fail-on", "never").stdout
    assert "claimcheck-review.yaml" not in md and "gold.yaml" not in md


@pytest.mark.model
def test_a_corrupt_pdf_in_ci_is_annotated_and_fails_with_fail_on_error(tmp_path: Path) -> None:
    docs = tmp_path / "documents"
    docs.mkdir()
    (docs / "note.txt").write_text("The company said it would never sell the data.\n")
    (docs / "leak.pdf").write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage\n")
    res = run("scan", docs, "--no-cache", "-q", "-f", "github", "--fail-on", "contradiction,error")
    assert res.exit_code == 1, res.output
    assert re.search(r"^::warning file=[^,]*leak\.pdf,title=claimcheck could not read leak\.pdf::", res.stdout, re.M)
    assert run("scan", docs, "--no-cache", "-q", "-f", "github").exit_code == 0  # the default: findings only
