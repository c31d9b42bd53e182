"""End to end through the real CLI: baseline round trip, stable ids, determinism, every format, hostile corpus."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from claimcheck.cli import FORMATS, cli
from claimcheck.ingest.base import display_path
from claimcheck.pipeline import ScanOptions, run
from claimcheck.report.jsonout import report_to_dict

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "microsoft-dea"
FINDING_ID = re.compile(r"\bF[0-9a-f]{10}\b")

#: A public statement the company did not make in the seed case: a flat denial of what its own
#: emails show (written for this test; it creates one new denial-vs-evidence finding).
NEW_DENIAL = """---
title: "Statement on facial recognition and federal agencies"
date: 2020-06-22
kind: press-release
organization: Microsoft Corp
---

# Statement on facial recognition and federal agencies

REDMOND, Wash., June 22, 2020 - In response to questions from reporters, a Microsoft spokesperson
said: "Microsoft has never offered or piloted its facial recognition technology with the Drug
Enforcement Administration, and we have no plans to do so."
"""

#: A document with nothing to do with the case.
UNRELATED = """Parking garage notice, June 2020

Level 2 of the visitor garage will be repainted on Saturday. Please use level 3 until Monday.
The elevators stay in service and the bicycle racks move to the east entrance for the weekend.
"""


def cc(*args: object) -> Result:
    """Run the CLI in-process; a Python exception (a traceback) fails the test."""
    result = CliRunner().invoke(cli, [str(a) for a in args])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    assert "Traceback" not in result.output
    return result


def scan(folder: Path, *extra: object) -> Result:
    return cc("scan", folder, "--no-cache", "-q", *extra)


def scan_json(folder: Path, out: Path, *extra: object) -> dict:
    result = scan(folder, "-f", "json", "-o", out, "--fail-on", "never", *extra)
    assert result.exit_code == 0, result.output
    return json.loads(out.read_text(encoding="utf-8"))


def ids(data: dict) -> list[str]:
    return [f["id"] for f in data["findings"]]


def flag_ids(data: dict) -> list[str]:
    """Contradictions and tensions: the findings a CI job acts on (candidates are for review)."""
    return [f["id"] for f in data["findings"] if f["level"] in ("contradiction", "tension")]


def statement_paths(data: dict, finding: dict) -> set[str]:
    by_id = {s["id"]: s for s in data["statements"]}
    return {by_id[sid]["source"]["path"] for sid in (finding["public"], *finding["internal"])}


@pytest.fixture(scope="module")
def seed_scan(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    """The seed case copied to tmp and scanned once to JSON: (saved JSON path, its data)."""
    tmp = tmp_path_factory.mktemp("seed")
    shutil.copytree(SEED, tmp / "case")
    out = tmp / "findings.json"
    data = scan_json(tmp / "case", out)
    assert len(data["findings"]) >= 1
    return out, data


# --------------------------------------------------------------------------- 1. baseline round trip

@pytest.mark.model
def test_baseline_round_trip_reports_exactly_the_new_finding(seed_scan, tmp_path: Path) -> None:
    saved, before = seed_scan
    base = tmp_path / "baseline.json"
    result = cc("baseline", saved, "-o", base)
    assert result.exit_code == 0
    assert sorted(e["id"] for e in json.loads(base.read_text())["findings"]) == sorted(ids(before))

    case = tmp_path / "case"
    shutil.copytree(SEED, case)
    # Nothing new: exit 0 even with --fail-on tension, and no finding reported.
    out = tmp_path / "same.json"
    result = scan(case, "-f", "json", "-o", out, "--baseline", base, "--fail-on", "tension")
    assert result.exit_code == 0
    assert json.loads(out.read_text())["findings"] == []

    (case / "public" / "2020-06-22-statement.md").write_text(NEW_DENIAL, encoding="utf-8")
    full = scan_json(case, tmp_path / "full.json")
    # The new document adds one finding and leaves the reviewed ones as they were.
    assert set(ids(before)) < set(ids(full))
    assert len(flag_ids(full)) == len(flag_ids(before)) + 1

    out = tmp_path / "new.json"
    result = scan(case, "-f", "json", "-o", out, "--baseline", base, "--fail-on", "tension")
    assert result.exit_code == 1  # computed on the new finding
    new = json.loads(out.read_text())
    assert len(flag_ids(new)) == 1
    (finding,) = [f for f in new["findings"] if f["level"] in ("contradiction", "tension")]
    assert finding["id"] not in ids(before)
    assert "public/2020-06-22-statement.md" in statement_paths(new, finding)
    # The exit code follows the new findings only: at --fail-on never it is 0.
    result = scan(case, "-f", "json", "-o", out, "--baseline", base, "--fail-on", "never")
    assert result.exit_code == 0


@pytest.mark.model
def test_finding_ids_survive_moves_renames_and_unrelated_documents(seed_scan, tmp_path: Path) -> None:
    _, before = seed_scan
    case = tmp_path / "case"
    shutil.copytree(SEED, case)
    (case / "archive" / "2018").mkdir(parents=True)
    (case / "emails" / "2018-03-07-face-api-pilot.eml").rename(case / "archive" / "2018" / "pilot.eml")
    (case / "emails" / "2017-09-12-reston-demo-invitation.eml").rename(case / "archive" / "invite.eml")
    (case / "public" / "2020-06-11-post-live-interview.md").rename(case / "public" / "transcript.md")
    (case / "noise").rename(case / "misc")
    moved = scan_json(case, tmp_path / "moved.json")
    assert ids(moved) == ids(before)

    (case / "misc" / "parking-notice.txt").write_text(UNRELATED, encoding="utf-8")
    added = scan_json(case, tmp_path / "added.json")
    assert "misc/parking-notice.txt" in {f["path"] for f in added["files"] if f["status"] == "parsed"}
    assert ids(added) == ids(before)


@pytest.mark.model
def test_finding_id_survives_moving_the_file_that_reports_the_claim_first(seed_scan, tmp_path: Path) -> None:
    _, before = seed_scan
    case = tmp_path / "case"
    shutil.copytree(SEED, case)
    (case / "press").mkdir()
    (case / "news" / "2020-06-17-wire-report.txt").rename(case / "press" / "wire.txt")
    assert ids(scan_json(case, tmp_path / "moved.json")) == ids(before)


# --------------------------------------------------------------------------- 3. determinism

@pytest.mark.model
def test_same_scan_twice_is_byte_identical(seed_scan, tmp_path: Path) -> None:
    saved, _ = seed_scan
    case = saved.parent / "case"
    outputs = {}
    for run in ("a", "b"):
        for fmt, ext in (("json", "json"), ("markdown", "md")):
            out = tmp_path / f"{run}.{ext}"
            assert scan(case, "-f", fmt, "-o", out, "--fail-on", "never").exit_code == 0
            outputs[run, fmt] = out.read_bytes()
    assert outputs["a", "json"] == outputs["b", "json"] == saved.read_bytes()
    assert outputs["a", "markdown"] == outputs["b", "markdown"]
    # and re-rendering the saved JSON gives the same markdown as the scan did
    rerender = tmp_path / "re.md"
    assert cc("report", saved, "-f", "markdown", "-o", rerender, "--fail-on", "never").exit_code == 0
    assert rerender.read_bytes() == outputs["a", "markdown"]


# --------------------------------------------------------------------------- 4. every format

class _Findings(HTMLParser):
    """Finding cards (<article class="finding ..." id="f-ID">) and the embedded JSON data."""

    def __init__(self) -> None:
        super().__init__()
        self.cards: list[str] = []
        self.data = ""
        self._in_data = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "article" and "finding" in (a.get("class") or "").split():
            self.cards.append((a.get("id") or "").removeprefix("f-"))
        self._in_data = tag == "script" and a.get("id") == "claimcheck-data"

    def handle_endtag(self, tag: str) -> None:
        self._in_data = False

    def handle_data(self, data: str) -> None:
        if self._in_data:
            self.data += data


def _ids_in(fmt: str, text: str, data: dict) -> dict[str, list[str] | set[str]]:
    """The finding ids each format holds, read from its structure (ordered where it has an order)."""
    if fmt == "json":
        return {"findings": [f["id"] for f in json.loads(text)["findings"]]}
    if fmt == "markdown":
        heads = [m.group(1) for m in re.finditer(r"^### (F[0-9a-f]{10}) \u00b7 ", text, re.M)]
        timeline = text.split("## Timeline", 1)[1]
        return {"findings": heads, "timeline": set(FINDING_ID.findall(timeline))}
    if fmt == "html":
        p = _Findings()
        p.feed(text)
        return {"findings": p.cards, "embedded": [f["id"] for f in json.loads(p.data)["findings"]]}
    if fmt == "csv":
        everything = list(csv.DictReader(io.StringIO(text)))
        rows = [r for r in everything if r["row"] == "statement"]
        # one finding row per finding, in the report's order
        assert [r["id"] for r in everything if r["row"] == "finding"] == [f["id"] for f in data["findings"]]
        flagged: dict[str, set[str]] = {}
        for row in rows:
            for fid in row["finding_ids"].split():
                flagged.setdefault(fid, set()).add(row["id"])
        # every statement a finding cites carries its id in the row, and only those
        for f in data["findings"]:
            assert flagged.get(f["id"]) == {f["public"], *f["internal"]} & {r["id"] for r in rows}
            assert f["public"] in flagged[f["id"]]
        return {"findings": set(flagged)}
    if fmt == "timelinejs":
        events = json.loads(text)["events"]
        found: set[str] = set()
        for ev in events:
            found |= set(FINDING_ID.findall(ev["text"]["text"].split("findings:", 1)[-1]))
        return {"findings": found}
    if fmt == "github":
        heads = [re.match(r"::(error|warning) [^:]*title=claimcheck (?:contradiction|tension) (F[0-9a-f]{10})",
                          line) for line in text.splitlines() if not line.startswith("::notice")]
        assert all(heads), text
        return {"findings": [m.group(2) for m in heads if m]}
    if fmt == "terminal":
        return {"findings": set(FINDING_ID.findall(text))}
    raise AssertionError(f"no check for format {fmt}")


@pytest.mark.model
def test_every_format_holds_the_same_findings(seed_scan, tmp_path: Path) -> None:
    """One saved report (the seed case plus a new denial: two findings) re-rendered in every format."""
    case = tmp_path / "case"
    shutil.copytree(SEED, case)
    (case / "public" / "2020-06-22-statement.md").write_text(NEW_DENIAL, encoding="utf-8")
    saved = tmp_path / "saved.json"
    data = scan_json(case, saved)
    expected = ids(data)
    assert len(flag_ids(data)) == 2
    levels = {f["id"]: f["level"] for f in data["findings"]}
    assert set(FORMATS) == {"terminal", "json", "markdown", "html", "timelinejs", "csv", "github"}
    for fmt in FORMATS:
        out = tmp_path / f"report.{fmt}"
        result = cc("report", saved, "-f", fmt, "-o", out, "--fail-on", "never")
        assert result.exit_code == 0, (fmt, result.output)
        held = _ids_in(fmt, out.read_text(encoding="utf-8"), data)
        for part, found in held.items():
            want = flag_ids(data) if fmt == "github" else expected  # annotations: flags only
            if isinstance(found, list):
                assert found == want, (fmt, part)  # same findings, same order
            else:
                assert found == set(want), (fmt, part)
        if fmt == "github":  # contradictions are errors, tensions warnings
            kinds = re.findall(r"^::(error|warning) ", out.read_text(), re.M)
            assert kinds == ["error" if levels[i] == "contradiction" else "warning" for i in flag_ids(data)]


# --------------------------------------------------------------------------- 5. hostile corpus

#: Text meant to run in the reader's browser, break markdown or drive the reader's terminal.
PWN = ('<script>window.__pwned=1</script> <img src=x onerror="window.__pwned=2"> '
       '<a href="javascript:window.__pwned=3">x</a> [click](javascript:window.__pwned=4) '
       '| col | `tick` \x1b[31mRED\x1b[0m \x1b]0;title\x07 \x1b]8;;http://evil.example\x1b\\link\x1b]8;;\x1b\\')
ANSI_NAME = b"\x1b[31mred\x1b[0m-offer.eml"


def build_hostile_corpus(root: Path) -> Path:
    """test_hostile's folder of broken files, plus a pledge and an email that carry PWN into a finding."""
    from test_hostile import build_hostile

    build_hostile(root)
    (root / "claimcheck.yaml").write_text(
        "focus: Acme Aerial\naliases:\n  Acme Aerial: [Acme, acme.example]\npeople:\n  Jo Smith: Acme Aerial\n")
    esc = PWN.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    (root / "2021-03-01-statement.html").write_text(
        "<!doctype html><html><head><title>Acme Aerial statement</title>"
        '<meta name="date" content="2021-03-01"><script>window.__pwned = 10</script></head>'
        f'<body onload="window.__pwned=11"><h1>Acme Aerial statement {esc}</h1>\n'
        "<p>March 1, 2021 &mdash; Acme Aerial chief executive Jo Smith said: \"We will not sell our drones "
        f"to police departments until there is a law {esc}.\"</p>\n"
        '<p><a href="javascript:window.__pwned=12">Read more</a> <img src="x" onerror="window.__pwned=13"></p>'
        "</body></html>\n", encoding="utf-8")
    eml = ("From: Dana Roe <dana@acme.example>\nTo: Chief <chief@citypd.example.gov>\n"
           "Subject: Drones for the city police <script>window.__pwned=20</script>\n"
           "Date: Mon, 12 Apr 2021 09:00:00 -0400\nMessage-ID: <x1@acme.example>\n"
           "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n"
           f"Chief,\n\nWe will sell the city police department ten of our drones next month {PWN}.\n\nDana\n")
    with open(os.fsencode(root) + b"/" + ANSI_NAME, "wb") as fh:
        fh.write(eml.encode("utf-8"))
    (root / "broken-base64.eml").write_bytes(
        b"From: x@acme.example\nContent-Type: multipart/mixed; boundary=\"zz\"\n\n--zz\n"
        b"Content-Type: text/plain\nContent-Transfer-Encoding: base64\n\n@@@ not base64 @@@")
    # one line longer than the NLP model takes in one piece (1.2 million characters)
    (root / "huge-line.txt").write_text("word " * 240_000 + "\n")
    return root


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The hostile corpus scanned end to end to json, html, markdown and terminal."""
    tmp = tmp_path_factory.mktemp("hostile")
    root = build_hostile_corpus(tmp / "corpus")
    before = _snapshot(root)
    runs: dict = {"root": root, "tmp": tmp}
    for fmt, name in (("json", "report.json"), ("html", "report.html"), ("markdown", "report.md"),
                      ("terminal", None)):
        args = ["-f", fmt, "--all", "--fail-on", "tension", "-j", "1"]
        if name:
            args += ["-o", tmp / name]
        result = scan(root, *args)
        runs[fmt] = result
    runs["unchanged"] = before == _snapshot(root)
    runs["data"] = json.loads((tmp / "report.json").read_text(encoding="utf-8"))
    return runs


def _snapshot(root: Path) -> dict[bytes, tuple[int, int]]:
    """(size, mtime) of every entry under root, to check that a scan wrote nothing there."""
    out = {}
    for dirpath, dirnames, filenames in os.walk(os.fsencode(root)):
        for name in dirnames + filenames:
            st = os.lstat(os.path.join(dirpath, name))
            out[os.path.join(dirpath, name)] = (st.st_size, st.st_mtime_ns)
    return out


@pytest.mark.model
def test_hostile_corpus_scans_end_to_end(hostile_run: dict) -> None:
    for fmt in ("json", "html", "markdown", "terminal"):
        result = hostile_run[fmt]
        assert result.exit_code in (0, 1), (fmt, result.output)
        assert "Traceback" not in result.stderr
    assert hostile_run["unchanged"], "the scanned folder must not be written"
    data = hostile_run["data"]
    # The hostile pledge and email made it through to a finding (so their text is in every report).
    assert hostile_run["json"].exit_code == 1
    assert len(data["findings"]) == 1
    paths = statement_paths(data, data["findings"][0])
    assert paths == {"2021-03-01-statement.html", "\\x1b[31mred\\x1b[0m-offer.eml"}
    # Every file is accounted for, with a status and, unless parsed, a reason.
    files = {f["path"]: f for f in data["files"]}
    assert len(files) == len(data["files"])
    statuses = {f["status"] for f in data["files"]}
    assert statuses <= {"parsed", "skipped", "failed"}
    assert all(f["reason"] for f in data["files"] if f["status"] != "parsed")
    assert not any("\x1b" in p for p in files)
    # ... and nothing under the folder is missing: every top-level entry has a record (or holds one).
    top = {display_path(os.fsdecode(n)) for n in os.listdir(os.fsencode(hostile_run["root"]))}
    shown = {p.split("/")[0] for p in files}
    assert top == shown, top ^ shown
    for name, status in (("empty.txt", "skipped"), ("binary.txt", "skipped"), ("garbage.eml", "skipped"),
                         ("badjson.json", "failed"), ("bad-front.md", "failed"),
                         ("2021-03-01-statement.html", "parsed"), ("\\x1b[31mred\\x1b[0m-offer.eml", "parsed"),
                         ("bad\\xffname\\x1b[31m.txt", "parsed")):
        assert files[name]["status"] == status, name
    assert files["broken-base64.eml"]["status"] in ("parsed", "skipped", "failed")
    # Every error names a file that has a record, and a failed file has an error.
    errors = {e["path"].split("#")[0] for e in data["errors"]}
    assert errors <= set(files)
    assert {p for p, f in files.items() if f["status"] == "failed"} <= errors
    # The huge line is read; what the model cannot take is reported, not dropped silently.
    huge = files["huge-line.txt"]  # a megabyte-long line is read and analysed, not dropped
    assert huge["status"] == "parsed" or "huge-line.txt" in errors


def test_hostile_file_that_fails_extraction_is_counted_failed(tmp_path: Path, monkeypatch) -> None:
    """A file that is read but whose analysis raises is 'failed' (stage extract), with an error,
    and the other files of the run are still analysed."""
    import claimcheck.extract as extract_mod
    from claimcheck.pipeline import ScanOptions, run

    real = extract_mod.extract_batch

    def flaky(docs, *, settings):
        if any("poison" in d.text for d in docs):
            raise RuntimeError("analysis blew up")
        return real(docs, settings=settings)

    monkeypatch.setattr(extract_mod, "extract_batch", flaky)
    (tmp_path / "poison.txt").write_text("The company said it will never sell poison to anyone.\n")
    (tmp_path / "fine.txt").write_text("The company said it will never sell the data to anyone.\n")
    # file_timeout=0: analysed in this process, where the patched extractor is
    report = run([tmp_path], options=ScanOptions(use_cache=False, jobs=1, file_timeout=0))
    files = {f.path: f for f in report.files}
    assert files["poison.txt"].status == "failed" and files["poison.txt"].stage == "extract"
    assert files["fine.txt"].status == "parsed"
    assert any(e.path.endswith("poison.txt") and e.stage == "extract" for e in report.errors)


@pytest.mark.model
def test_hostile_reports_are_inert(hostile_run: dict) -> None:
    tmp = hostile_run["tmp"]
    term = hostile_run["terminal"].stdout
    assert "Acme Aerial" in term and "\x1b" not in term and "\x9b" not in term and "\x07" not in term
    md = (tmp / "report.md").read_text(encoding="utf-8")
    assert "\x1b" not in md and "\x07" not in md
    assert "window.\\_\\_pwned=4" in md  # the hostile text is there, as text
    # Parsed as markdown (markdown-it, which rich depends on): no link, image or HTML from the
    # documents (the renderer's own <br> only), and every table row has its header's cell count.
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").enable("table").parse(md)
    inline = [c for t in tokens for c in (t.children or [])]
    assert {c.content for c in inline if c.type in ("html_inline", "html_block")} <= {"<br>"}
    assert [t for t in tokens if t.type == "html_block"] == []
    assert not any(c.type in ("link_open", "image") for c in inline)
    for table in re.findall(r"((?:^\|.*\|\n)+)", md, re.M):
        rows = table.splitlines()
        assert len({len(re.findall(r"(?<!\\)\|", r)) for r in rows}) == 1, rows
    page = (tmp / "report.html").read_text(encoding="utf-8")
    assert "\x1b" not in page
    assert "<script>window.__pwned" not in page and "onerror=\"window" not in page
    assert 'href="javascript:' not in page


@pytest.mark.model
@pytest.mark.browser
def test_hostile_html_report_runs_nothing_in_chromium(hostile_run: dict) -> None:
    from test_browser import CDP, _chromium, _errors

    tmp = hostile_run["tmp"]
    cdp = CDP(_chromium(), tmp / "profile")
    try:
        target = cdp.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = cdp.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime", "Log"):
            cdp.send(f"{domain}.enable", session=session)
        cdp.events.clear()
        cdp.send("Page.navigate", {"url": (tmp / "report.html").as_uri()}, session=session)
        cdp.wait_event("Page.loadEventFired")

        def js(expr: str) -> object:
            res = cdp.send("Runtime.evaluate", {"expression": expr, "returnByValue": True}, session=session)
            assert "exceptionDetails" not in res, res
            return res["result"].get("value")

        assert _errors(cdp) == []
        assert js("window.__pwned === undefined") is True
        assert js("document.querySelectorAll('img').length") == 0
        assert js("document.querySelectorAll('[onerror],[onload],[onclick]').length") == 0
        assert js("Array.from(document.querySelectorAll('a[href]')).filter(a => "
                  "!a.getAttribute('href').startsWith('#')).length") == 0
        # The page works: the finding card is there, and the hostile text shows as text.
        assert js("document.querySelectorAll('article.finding').length") == 1
        assert js("document.body.textContent.includes('<script>window.__pwned=1</script>')") is True
        assert js("document.body.textContent.includes('\\u001b')") is False
        data = js("JSON.parse(document.getElementById('claimcheck-data').textContent).findings.length")
        assert data == 1
        assert _errors(cdp) == []
    finally:
        cdp.close()


@pytest.mark.model
def test_finding_ids_are_unique_across_levels(seed_scan) -> None:
    """A candidate listed for the same claim and rule as a flag has an id of its own: a review, a
    baseline and a watch's new/gone lists key on it."""
    for case in ("carmaker-emissions", "microsoft-dea"):
        data = report_to_dict(run([str(SEED.parent / case)], options=ScanOptions(jobs=1, use_cache=False)))
        all_ids = ids(data)
        assert len(all_ids) == len(set(all_ids)), case
