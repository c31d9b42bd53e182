"""Issue 19: an untrusted leak stays inside its folder. Each row of the issue's table, through the CLI.

Most tests run without the model (``--model no_such_model_pkg``: every file is still read and
accounted for) so that they check what is read and printed, quickly; the hostile-leak test at the
end runs the seed case with the model, next to every input at test size.
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import types
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimcheck.cli import cli

SEED = Path(__file__).resolve().parent.parent / "seeds" / "microsoft-dea"
NO_MODEL = ("--model", "no_such_model_pkg")
SECRET = "confidential.source@private.example"
ESC = "\x1b"


def run(*args: str) -> object:
    return CliRunner().invoke(cli, list(args))


def scan_json(folder: Path, *extra: str) -> tuple[dict, object]:
    out = folder.parent / f"{folder.name}-report.json"
    result = run("scan", str(folder), "-f", "json", "-o", str(out), "--no-cache", "-q", "-j", "1",
                 "--fail-on", "never", *NO_MODEL, *extra)
    assert result.exit_code == 0, result.output
    return json.loads(out.read_text()), result


def files_of(report: dict) -> dict[str, tuple[str, str]]:
    return {f["path"]: (f["status"], f["reason"]) for f in report["files"]}


# -- 1. nothing outside the folder ---------------------------------------------------------------

@pytest.fixture
def linked(tmp_path: Path) -> Path:
    private = tmp_path / "private"
    private.mkdir()
    (private / "inbox.mbox").write_text(f"From x@y Mon Mar 13 17:00:00 2017\nFrom: Source <{SECRET}>\n"
                                        "Subject: tip\n\nThe company said it sold the drones.\n")
    (private / "notes").write_text("PRIVATE-NOTE the company said nothing.\n")
    (private / "settings.yaml").write_text("kind: PRIVATE-YAML-VALUE\n")
    leak = tmp_path / "leak"
    leak.mkdir()
    (leak / "memo.txt").write_text("The company said it would not sell the drones.\n")
    (leak / "inbox.mbox").symlink_to(private / "inbox.mbox")
    (leak / "notes.txt").symlink_to(Path("..") / "private" / "notes")
    (leak / "passwd.txt").symlink_to("/etc/passwd")
    (leak / "status.txt").symlink_to("/proc/self/status")
    (leak / "memo.txt.meta.yaml").symlink_to(private / "settings.yaml")
    (leak / "same.txt").symlink_to(leak / "memo.txt")
    os.mkfifo(leak / "pipe.txt")
    return leak


def test_issue_19_links_out_of_the_folder_are_never_read(linked: Path) -> None:
    for extra in ((), ("--follow-symlinks",)):
        report, result = scan_json(linked, *extra)
        text = json.dumps(report) + result.output
        assert SECRET not in text and "PRIVATE-NOTE" not in text and "PRIVATE-YAML" not in text
        assert "root:" not in text and "VmPeak" not in text       # /etc/passwd, /proc/self/status
        files = files_of(report)
        for name in ("inbox.mbox", "notes.txt", "passwd.txt", "status.txt", "memo.txt.meta.yaml"):
            status, reason = files[name]
            assert status == "skipped", name
            assert reason == "symbolic link pointing outside the scanned folder (never followed)", (name, reason)
        assert files["pipe.txt"] == ("skipped", "not a regular file")
        assert files["memo.txt"][0] == "parsed"
    # a link that stays inside is read only when asked
    assert files_of(scan_json(linked)[0])["same.txt"][0] == "skipped"
    assert files_of(scan_json(linked, "--follow-symlinks")[0])["same.txt"][0] == "parsed"


# -- 2. the leak cannot steer the analysis -------------------------------------------------------

def _steered(tmp_path: Path) -> Path:
    leak = tmp_path / "leak"
    (leak / "mail").mkdir(parents=True)
    (leak / "mail" / "claimcheck.yaml").write_text('ignore: ["*"]\ndocuments: {"*": {kind: press-release}}\n')
    (leak / "mail" / "internal.eml").write_text("From: a@corp.example\nTo: b@corp.example\nSubject: plan\n"
                                                "Date: Mon, 13 Mar 2017 10:00:00 +0000\n\nWe sold it anyway.\n")
    (leak / "mail" / "other.txt").write_text("An internal note.\n")
    (leak / "mail" / "other.txt.meta.yaml").write_text("kind: press-release\n")
    (leak / "broken.txt").write_text("A note with a broken sidecar.\n")
    (leak / "broken.txt.meta.yaml").write_text("kind: nonsense\n")
    (leak / "top.txt").write_text("The company said it would not sell.\n")
    return leak


def test_issue_19_configs_below_the_root_are_listed_not_used(tmp_path: Path) -> None:
    report, _ = scan_json(_steered(tmp_path))
    files = files_of(report)
    assert files["mail/internal.eml"][0] == "parsed"          # not dropped by the planted ignore
    kinds = {d["path"]: d["kind"] for d in report["documents"]}
    assert kinds["mail/internal.eml"] == "email" and kinds["mail/other.txt"] != "press-release"
    assert files["mail/claimcheck.yaml"] == (
        "skipped", "claimcheck.yaml not used: below the scan root (--nested-configs applies it)")
    assert files["mail/other.txt.meta.yaml"] == (
        "skipped", "sidecar not used: below the scan root (--nested-configs applies it)")
    # a broken sidecar fails its file, not the scan (it was exit 2 for everything)
    status, reason = files["broken.txt"]
    assert status == "failed" and reason.startswith("broken sidecar ") and ":1:1: bad kind 'nonsense'" in reason


def test_issue_19_nested_configs_apply_only_when_asked(tmp_path: Path) -> None:
    report, _ = scan_json(_steered(tmp_path), "--nested-configs")
    files = files_of(report)
    assert files["mail/internal.eml"] == ("skipped", "ignored by claimcheck.yaml")


def test_issue_19_config_option_replaces_the_root_config(tmp_path: Path) -> None:
    leak = _steered(tmp_path)
    (leak / "claimcheck.yaml").write_text('ignore: ["*.txt"]\n')
    mine = tmp_path / "mine.yaml"
    mine.write_text("focus: Corp\n")
    report, _ = scan_json(leak, "--config", str(mine))
    files = files_of(report)
    assert files["claimcheck.yaml"] == ("skipped", "claimcheck.yaml not used: --config given")
    assert files["mail/other.txt"][0] == "parsed"


# -- 3. bounded memory per file --------------------------------------------------------------------

def _eml(words: int) -> bytes:
    subject = " ".join("=?utf-8?q?ab?=" for _ in range(words))
    return (f"From: a@corp.example\nTo: b@corp.example\nDate: Mon, 13 Mar 2017 10:00:00 +0000\n"
            f"Subject: {subject}\n\nThe company said it would not sell the product.\n").encode()


def test_issue_19_encoded_word_headers_are_capped_before_parsing(tmp_path: Path) -> None:
    leak = tmp_path / "leak"
    leak.mkdir()
    (leak / "many.eml").write_bytes(_eml(3000))       # 42 KB; the issue's 420 KB took 6.1 GB
    (leak / "some.eml").write_bytes(_eml(600))
    report, _ = scan_json(leak)
    files = files_of(report)
    assert files["many.eml"] == ("failed", "3,000 RFC 2047 encoded-words in one message (at most 2,000 are read)")
    assert files["some.eml"][0] == "parsed"
    title = next(d["title"] for d in report["documents"] if d["path"] == "some.eml")
    assert title == "ab" * 200                         # cut after 200 encoded-words


def _docx(xml_padding: int) -> bytes:
    import docx

    doc = docx.Document()
    doc.add_paragraph("The company said it would not sell the product.")
    buf = io.BytesIO()
    doc.save(buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "word/document.xml" and xml_padding:
                data = data.replace(b"?>", b"?><!--" + b" " * xml_padding + b"-->", 1)
            z.writestr(info.filename, data)
    return out.getvalue()


def test_issue_19_docx_bomb_is_refused_before_parsing(tmp_path: Path) -> None:
    leak = tmp_path / "leak"
    leak.mkdir()
    (leak / "bomb.docx").write_bytes(_docx(20 * 1024 * 1024))    # 57 KB on disk, 20 MB of XML
    (leak / "fine.docx").write_bytes(_docx(0))
    files = files_of(scan_json(leak)[0])
    status, reason = files["bomb.docx"]
    assert status == "failed" and "a compression bomb; at most 200x is read" in reason
    assert files["fine.docx"][0] == "parsed"


def test_issue_19_folder_exports_honour_the_limits(tmp_path: Path) -> None:
    leak = tmp_path / "leak"
    (leak / "slack" / "general").mkdir(parents=True)
    (tmp_path / "private.json").write_text('[{"id": "U1", "real_name": "PRIVATE-NAME"}]')
    (leak / "slack" / "users.json").symlink_to(tmp_path / "private.json")
    (leak / "slack" / "general" / "2020-01-01.json").write_text(
        '[{"user": "U1", "text": "The company said it would not sell.", "ts": "1577880000.0"}]')
    report, _ = scan_json(leak)
    assert "PRIVATE-NAME" not in json.dumps(report)
    assert files_of(report)["slack/general/2020-01-01.json"][0] == "parsed"


# -- 4. nothing raw reaches a terminal or a CI log -------------------------------------------------

OSC52 = "\x1b]52;c;cm0gLXJmIH4=\x07"


def test_issue_19_escapes_in_config_keys_and_sidecar_values_are_shown_escaped(tmp_path: Path) -> None:
    leak = tmp_path / "leak"
    leak.mkdir()
    (leak / "a.txt").write_text("The company said it would not sell.\n")
    (leak / "b.txt").write_text("Another note.\n")
    (leak / "claimcheck.yaml").write_text('"\\e]52;c;cm0gLXJmIH4=\\a\\e]0;title\\a\\e[2J": 1\n')
    result = run("scan", str(leak), "--no-cache", "-q", *NO_MODEL)
    assert result.exit_code == 2
    assert ESC not in result.output and "\x07" not in result.output
    assert "unknown key '\\x1b]52;c;cm0gLXJmIH4=\\x07\\x1b]0;title\\x07\\x1b[2J'" in result.output
    (leak / "claimcheck.yaml").unlink()
    (leak / "a.txt.meta.yaml").write_text('kind: "\\e]52;c;cm0gLXJmIH4=\\a"\n')
    for fmt in ("terminal", "json", "markdown", "csv", "html", "timelinejs", "github"):
        result = run("scan", str(leak), "--no-cache", "-q", "-f", fmt, "--fail-on", "never", *NO_MODEL)
        assert result.exit_code == 0, result.output
        assert ESC not in result.output and "\x07" not in result.output, fmt


def _saved(tmp_path: Path, make_report, **changes) -> Path:
    from claimcheck.report.jsonout import dumps

    path = tmp_path / "saved.json"
    path.write_text(dumps(make_report(**changes)))
    return path


def test_issue_19_saved_report_fields_never_reach_the_terminal_raw(tmp_path: Path, make_report) -> None:
    import dataclasses

    rep = make_report()
    bad_id = f"F{OSC52}\x1b[5m"
    findings = tuple(dataclasses.replace(f, id=bad_id) for f in rep.findings[:1]) + rep.findings[1:]
    path = _saved(tmp_path, make_report, findings=findings)
    for fmt in ("terminal", "markdown", "csv", "github", "html", "json", "timelinejs"):
        result = run("report", str(path), "-f", fmt, "--fail-on", "never")
        assert result.exit_code == 0, result.output
        assert ESC not in result.output and "\x07" not in result.output, fmt


WORKFLOW = "##[error]pwned\n::add-mask::secret\n  ::error file=x::injected ##[add-mask]x"


@pytest.mark.parametrize("fmt", ["terminal", "json", "markdown", "csv", "html", "timelinejs", "github"])
def test_issue_19_no_workflow_command_formed_by_input(tmp_path: Path, make_report, fmt: str) -> None:
    import dataclasses

    rep = make_report()
    statements = tuple(dataclasses.replace(s, text=s.text + " " + WORKFLOW) for s in rep.statements)
    findings = tuple(dataclasses.replace(f, point=WORKFLOW, explanation=WORKFLOW) for f in rep.findings)
    path = _saved(tmp_path, make_report, statements=statements, findings=findings)
    result = run("report", str(path), "-f", fmt, "--fail-on", "never", "--all")
    assert result.exit_code == 0, result.output
    assert "##[" not in result.output
    own = ("::error ", "::warning ", "::notice ") if fmt == "github" else ()
    for line in result.output.splitlines():
        assert not line.lstrip().startswith("::") or line.startswith(own), line
    if fmt == "json":                 # escaped in the format's own syntax: the data is unchanged
        data = json.loads(result.output)
        assert WORKFLOW in data["findings"][0]["point"]


# -- 5. malformed input is exit 2 with the field named, a crash is never exit 1 ------------------------

def _deep(n: int) -> str:
    return '{"statements": [], "findings": ' + "[" * n + "]" * n + "}"


@pytest.mark.parametrize("mutate,field", [
    (lambda d: d.__setitem__("findings", json.loads(_deep(400))["findings"]), "findings[0]: expected an object"),
    (lambda d: d["statements"][0].__setitem__("kind", "secret"), "statements[0].kind"),
    (lambda d: d["statements"][0].__setitem__("text", 42), "statements[0].text"),
    (lambda d: d["statements"][0].__setitem__("source", None), "statements[0].source"),
    (lambda d: d["statements"][0].__setitem__("date_start", "2020-13-45"), "statements[0].date_start"),
    (lambda d: d["findings"][0].__setitem__("score", "1e999"), "findings[0].score"),
    (lambda d: d["findings"][0].__setitem__("score", "BIG"), "findings[0].score: expected a finite number, got inf"),
    (lambda d: d["findings"][0].pop("level"), "findings[0]: missing field 'level'"),
])
def test_issue_19_malformed_saved_report_is_exit_2_naming_the_field(tmp_path: Path, make_report, mutate, field) -> None:
    from claimcheck.report.jsonout import report_to_dict

    data = report_to_dict(make_report())
    mutate(data)
    path = tmp_path / "saved.json"
    path.write_text(json.dumps(data).replace('"score": "BIG"', '"score": 1e999'))
    for args in (("report", str(path)), ("baseline", str(path), "-o", str(tmp_path / "b.json"))):
        result = run(*args)
        assert result.exit_code == 2, (args, result.output)
        assert field in result.output and "Traceback" not in result.output


def test_issue_19_deeply_nested_report_and_baseline_are_exit_2(tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text('{"statements": [], "findings": []' + ', "x": ' + "[" * 100_000 + "]" * 100_000 + "}")
    assert run("report", str(path)).exit_code == 2
    base = tmp_path / "deep-base.json"
    base.write_text("[" * 100_000 + "]" * 100_000)
    leak = tmp_path / "leak"
    leak.mkdir()
    (leak / "a.txt").write_text("The company said it would not sell.\n")
    result = run("scan", str(leak), "--no-cache", "-q", "--baseline", str(base), *NO_MODEL)
    assert result.exit_code == 2 and "baseline nested too deeply" in result.output


def test_issue_19_year_one_does_not_crash_the_html_report(tmp_path: Path, make_report) -> None:
    import dataclasses
    import datetime as dt

    from claimcheck.models import DateValue

    rep = make_report()
    early = DateValue.day(dt.date(1, 1, 1), "front-matter")
    late = DateValue.day(dt.date(9999, 12, 31), "front-matter")
    statements = (dataclasses.replace(rep.statements[0], date=early), dataclasses.replace(rep.statements[1], date=late),
                  *rep.statements[2:])
    path = _saved(tmp_path, make_report, statements=statements)
    result = run("report", str(path), "-f", "html", "--fail-on", "never")
    assert result.exit_code == 0 and "</html>" in result.output


def test_issue_19_billion_laughs_in_rules_is_refused_before_validation(tmp_path: Path) -> None:
    rules = tmp_path / "rules.yaml"
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi"):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    rules.write_text("rules:\n  - id: x\n    type: denial-vs-evidence\n    params:\n"
                     + "".join(f"      {line}\n" for line in lines))
    assert len(rules.read_bytes()) < 700
    result = run("rules", "validate", str(rules))
    assert result.exit_code == 2
    assert "values once aliases are expanded" in result.output and len(result.output) < 2000


def test_issue_19_long_problem_messages_are_cut(tmp_path: Path) -> None:
    leak = tmp_path / "leak"
    leak.mkdir()
    (leak / "a.txt").write_text("The company said it would not sell.\n")
    (leak / "claimcheck.yaml").write_text(f"documents:\n  a.txt: {{kind: {'x' * 100_000}}}\n")
    result = run("scan", str(leak), "--no-cache", "-q", *NO_MODEL)
    assert result.exit_code == 2 and len(result.output) < 2000 and "more characters)" in result.output


def test_issue_19_unsearchable_folder_is_an_accounted_failure(tmp_path: Path, monkeypatch) -> None:
    leak = tmp_path / "leak"
    (leak / "locked").mkdir(parents=True)
    (leak / "a.txt").write_text("The company said it would not sell.\n")
    (leak / "locked" / "b.txt").write_text("Behind a folder without search permission.\n")
    locked = str(leak / "locked") + os.sep
    # tests run as root, which ignores permissions: a folder without x is simulated where the
    # walk and the memo look into it (its names can be listed, nothing in it can be stat'ed)
    for name in ("stat", "lstat", "open"):
        real = getattr(os, name)

        def denied(path, *args, _real=real, **kwargs):
            if os.fsdecode(path).startswith(locked) if isinstance(path, (str, bytes, os.PathLike)) else False:
                raise PermissionError(13, "Permission denied", os.fsdecode(path))
            return _real(path, *args, **kwargs)
        monkeypatch.setattr(os, name, denied)
    out = tmp_path / "r.json"
    result = run("scan", str(leak), "-f", "json", "-o", str(out), "-q", "-j", "1", "--fail-on", "never",
                 "--cache", str(tmp_path / "cache"), *NO_MODEL)
    assert result.exit_code == 0, result.output
    files = files_of(json.loads(out.read_text()))
    assert files["locked/b.txt"] == ("failed", "permission denied") and files["a.txt"][0] == "parsed"


def test_issue_19_a_crash_is_exit_3_not_1(tmp_path: Path, monkeypatch) -> None:
    import claimcheck.pipeline

    def boom(*args, **kwargs):
        raise RuntimeError("unexpected \x1b[2J")
    monkeypatch.setattr(claimcheck.pipeline, "run", boom)
    leak = tmp_path / "leak"
    leak.mkdir()
    (leak / "a.txt").write_text("Words.\n")
    result = run("scan", str(leak), "--no-cache", "-q")
    assert result.exit_code == 3
    assert "internal error (RuntimeError: unexpected \\x1b[2J)" in result.output and ESC not in result.output


# -- 6. outputs and the run memo -------------------------------------------------------------------------

def test_issue_19_output_is_replaced_atomically_by_every_command(tmp_path: Path, make_report) -> None:
    saved = _saved(tmp_path, make_report)
    leak = tmp_path / "leak"
    leak.mkdir()
    (leak / "a.txt").write_text("The company said it would not sell.\n")
    commands = {
        "scan": ("scan", str(leak), "--no-cache", "-q", "--fail-on", "never", *NO_MODEL, "-o"),
        "report": ("report", str(saved), "--fail-on", "never", "-o"),
        "baseline": ("baseline", str(saved), "-o"),
    }
    for name, args in commands.items():
        out = tmp_path / f"{name}.out"
        out.write_text("OLD REPORT\n")
        reader = tmp_path / f"{name}.reader"
        os.link(out, reader)           # what a reader holding the old file open sees
        result = run(*args, str(out))
        assert result.exit_code == 0, result.output
        assert reader.read_text() == "OLD REPORT\n", name       # truncated and rewritten before
        assert out.read_text() != "OLD REPORT\n" and not os.path.samefile(out, reader)


def test_issue_19_globs_are_compiled_once_per_glob(tmp_path: Path, monkeypatch) -> None:
    import claimcheck.config

    leak = tmp_path / "leak"
    leak.mkdir()
    for i in range(3):
        (leak / f"doc{i}.txt").write_text(f"The company said it would not sell {i}.\n")
    globs = [f'  "archive/file-{i}.txt": {{kind: memo}}' for i in range(40_000)]
    globs += [f'  "drafts-{i}/*.txt": {{kind: memo}}' for i in range(5)]
    (leak / "claimcheck.yaml").write_text("documents:\n" + "\n".join(globs) + "\n")
    compiled = []
    real = re.compile

    def counting(pattern, flags=0):
        if isinstance(pattern, str) and pattern.startswith("(?s:"):   # what fnmatch.translate makes
            compiled.append(pattern)
        return real(pattern, flags)
    monkeypatch.setattr(re, "compile", counting)
    report, _ = scan_json(leak)
    assert all(status == "parsed" for path, (status, _) in files_of(report).items() if path.startswith("doc"))
    assert len(compiled) <= 2 * 5         # the issue's 200,000 globs x 9 files: one regex per file x glob


def test_issue_19_run_memo_never_hashes_what_the_scan_skips(tmp_path: Path, monkeypatch) -> None:
    import hashlib as real_hashlib

    import claimcheck.runtime.hashes as hashes_module
    import claimcheck.runtime.runmemo as runmemo

    outside = tmp_path / "big.bin"
    with open(outside, "wb") as fh:          # sparse: 60 MB on paper, nothing on disk
        fh.truncate(60 * 1024 * 1024)
    leak = tmp_path / "leak"
    leak.mkdir()
    (leak / "a.txt").write_text("The company said it would not sell.\n")
    (leak / "huge.txt").symlink_to(outside)
    with open(leak / "inside-huge.txt", "wb") as fh:    # above the size limit: skipped unread
        fh.truncate(60 * 1024 * 1024)
    (leak / ".git").mkdir()                              # a hidden folder is skipped unread
    with open(leak / ".git" / "pack", "wb") as fh:
        fh.truncate(20 * 1024 * 1024)
    hashed = [0]

    class Counting:
        def __init__(self, *a):
            self._h = real_hashlib.sha256(*a)

        def update(self, data):
            hashed[0] += len(data)
            self._h.update(data)

        def hexdigest(self):
            return self._h.hexdigest()
    counting = types.SimpleNamespace(sha256=Counting)
    monkeypatch.setattr(runmemo, "hashlib", counting)
    monkeypatch.setattr(hashes_module, "hashlib", counting)
    result = run("scan", str(leak), "-q", "-j", "1", "--fail-on", "never", "--cache", str(tmp_path / "cache"),
                 *NO_MODEL)
    assert result.exit_code == 0, result.output
    assert hashed[0] < 1024 * 1024


def test_issue_19_run_memo_size_limit_is_the_scans() -> None:
    from claimcheck.ingest import DEFAULT_MAX_FILE_BYTES
    from claimcheck.runtime.runmemo import MAX_FILE_BYTES

    assert MAX_FILE_BYTES == DEFAULT_MAX_FILE_BYTES


# -- the hostile leak: the seed case next to every input above ----------------------------------------------

@pytest.mark.model
@pytest.mark.slow
def test_issue_19_hostile_leak_keeps_the_seed_finding(tmp_path: Path) -> None:
    clean = tmp_path / "clean.json"
    assert run("scan", str(SEED), "-f", "json", "-o", str(clean), "--no-cache", "-q", "-j", "1",
               "--fail-on", "never").exit_code == 0
    leak = tmp_path / "leak"
    shutil.copytree(SEED, leak)
    private = tmp_path / "private"
    private.mkdir()
    (private / "inbox.mbox").write_text(f"From x@y Mon Mar 13 17:00:00 2017\nFrom: Source <{SECRET}>\n"
                                        "Subject: tip\n\nMicrosoft said it sold the software to the DEA.\n")
    (leak / "emails" / "inbox.mbox").symlink_to(private / "inbox.mbox")
    (leak / "passwd.txt").symlink_to("/etc/passwd")
    (leak / "status.txt").symlink_to("/proc/self/status")
    os.mkfifo(leak / "pipe.txt")
    (leak / "emails" / "claimcheck.yaml").write_text('ignore: ["*"]\n')
    (leak / "news" / "bad.txt").write_text("x\n")
    (leak / "news" / "bad.txt.meta.yaml").write_text("kind: nope\n")
    (leak / "emails" / "many.eml").write_bytes(_eml(3000))
    (leak / "noise" / "bomb.docx").write_bytes(_docx(20 * 1024 * 1024))
    (leak / "noise" / "ci.txt").write_text(f"The company said ##[error]pwned {OSC52}\n::add-mask::x\n")
    (leak / "noise" / "ancient.md").write_text("---\ndate: 0001-01-01\n---\nThe company said it never sold it.\n")
    hostile = tmp_path / "hostile.json"
    result = run("scan", str(leak), "-f", "json", "-o", str(hostile), "--no-cache", "-j", "1", "--fail-on", "never")
    assert result.exit_code == 0, result.output
    assert ESC not in result.output and "Traceback" not in result.output
    before, after = json.loads(clean.read_text()), json.loads(hostile.read_text())
    assert [f["id"] for f in after["findings"]] == [f["id"] for f in before["findings"]] != []
    assert SECRET not in hostile.read_text()
    assert sum(after["summary"]["files"].values()) == len(after["files"])
    for fmt in ("terminal", "html", "markdown", "csv", "github", "timelinejs"):
        out = run("report", str(hostile), "-f", fmt, "--fail-on", "never", "--all")
        assert out.exit_code == 0 and ESC not in out.output and "##[" not in out.output, fmt


def test_issue_19_a_folder_swapped_for_a_link_after_the_walk_is_not_followed(tmp_path: Path) -> None:
    from claimcheck import ingest

    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "a.txt").write_text(f"{SECRET} said nothing.\n")
    leak = tmp_path / "leak"
    (leak / "sub").mkdir(parents=True)
    (leak / "sub" / "a.txt").write_text("The company said it would not sell.\n")
    entries, sidecars = ingest.plan_paths([leak])
    shutil.rmtree(leak / "sub")            # between the walk and the read
    (leak / "sub").symlink_to(outside, target_is_directory=True)
    results = {r.record.path: r for r in ingest._stream(entries, sidecars, date=None, max_file_bytes=1 << 20,
                                                        time_limit_s=0)}
    record = results["sub/a.txt"].record
    assert (record.status, record.reason) == ("skipped", "resolves outside the scanned folder (a folder on its path is now a link)")
    assert not results["sub/a.txt"].documents
