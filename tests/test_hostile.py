"""Hostile input at ingest: every file accounted for, nothing raised, nothing written into the folder."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest

import claimcheck.ingest as ingest
from claimcheck.ingest import ingest_paths
from claimcheck.ingest.base import decode_text, display_path, time_limit, FileTimeout, Skip


def scan(*paths, **kw) -> dict[str, ingest.IngestResult]:
    return {r.record.path: r for r in ingest_paths(list(paths), **kw)}


def snapshot(root: Path) -> dict[str, tuple[int, int]]:
    out = {}
    for dirpath, dirnames, filenames in os.walk(os.fsencode(root)):
        for name in dirnames + filenames:
            p = os.path.join(dirpath, name)
            st = os.lstat(p)
            out[os.fsdecode(p)] = (st.st_size, st.st_mtime_ns)
    return out


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    return build_hostile(tmp_path / "corpus")


def build_hostile(root: Path) -> Path:
    """A folder with one file for each kind of hostile input ingest must survive."""
    root.mkdir()
    (root / "empty.txt").write_bytes(b"")
    (root / "blank.md").write_bytes(b"  \n\n")
    (root / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 200)
    (root / "controls.eml").write_bytes(bytes(range(1, 32)) * 50)
    (root / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    (root / ".hidden").mkdir()
    (root / ".hidden" / "x.txt").write_text("hidden\n")
    (root / "bom8.txt").write_bytes("\ufeffCafé said it.\n".encode("utf-8"))
    (root / "utf16.txt").write_bytes("Café said it.\r\n".encode("utf-16"))
    (root / "bad16.txt").write_bytes(b"\xff\xfe" + b"\x00\xd8" + b"a\x00")   # lone surrogate
    (root / "truncated.eml").write_bytes(b"From: a@example.org\nSubject: cut")
    (root / "headers-only.eml").write_bytes(b"From: a@example.org\nSubject: x\n\n")
    (root / "garbage.eml").write_bytes(b"this is not an email at all\njust words\n")
    (root / "bad-mime.eml").write_bytes(b"From: a@example.org\nContent-Type: multipart/mixed; boundary=\"\n\n"
                                        b"--\nbroken\n")
    (root / "trunc.mbox").write_bytes(b"From x@y Mon Mar 13 17:00:00 2017\nFrom: x@y\nSubj")
    (root / "nombox.mbox").write_bytes(b"no separator here\n")
    (root / "nobody.html").write_bytes(b"<html><head><script>alert(1)</script></head></html>")
    (root / "list.json").write_bytes(b"[1, 2, 3]")
    (root / "badjson.json").write_bytes(b"{\"text\": ")
    (root / "bad-front.md").write_bytes(b"---\ndate: [\n---\nBody\n")
    (root / "weird.xyz").write_bytes(b"data")
    (root / "noext").write_bytes(b"data")
    (root / "good.txt").write_text("The agency said it would not buy.\n")
    deep = root
    for i in range(60):
        deep = deep / f"d{i}"
    deep.mkdir(parents=True)
    (deep / "deep.txt").write_text("Deep words.\n")
    (root / "loop").symlink_to(root, target_is_directory=True)
    (root / "self.txt").symlink_to(root / "self.txt")
    (root / "dangling.txt").symlink_to(root / "missing.txt")
    (root / "link.txt").symlink_to(root / "good.txt")
    os.mkfifo(root / "fifo.txt")
    bad_name = os.fsencode(root) + b"/bad\xffname\x1b[31m.txt"
    with open(bad_name, "wb") as fh:
        fh.write(b"Bad name content.\n")
    return root


EXPECTED = {
    "empty.txt": ("skipped", "empty file"),
    "blank.md": ("skipped", "empty file"),
    "binary.txt": ("skipped", "binary file"),
    "controls.eml": ("skipped", "binary file"),
    ".DS_Store": ("skipped", "hidden file"),
    ".hidden/": ("skipped", "hidden folder"),
    "truncated.eml": ("skipped", "no text found"),
    "headers-only.eml": ("skipped", "no text found"),
    "garbage.eml": ("skipped", "no e-mail headers found"),
    "nombox.mbox": ("skipped", "no 'From ' separator lines: not an mbox"),
    "nobody.html": ("skipped", "HTML without visible text"),
    "weird.xyz": ("skipped", "unsupported extension .xyz"),
    "noext": ("skipped", "unsupported file type (no extension)"),
    "loop": ("skipped", "symbolic link to a folder (not followed)"),
    "self.txt": ("skipped", "symbolic link loop"),
    "dangling.txt": ("skipped", "broken symbolic link"),
    "fifo.txt": ("skipped", "not a regular file"),
}


def test_hostile_folder_every_file_accounted(hostile: Path, capsys):
    before = snapshot(hostile)
    results = list(ingest_paths([hostile]))
    by = {r.record.path: r.record for r in results}
    for path, (status, reason) in EXPECTED.items():
        assert (by[path].status, by[path].reason) == (status, reason), path
    assert by["good.txt"].status == "parsed" and by["link.txt"].status == "skipped"
    assert by["link.txt"].reason == "symbolic link (not followed; --follow-symlinks reads links that stay inside the folder)"
    followed = {r.record.path: r.record for r in ingest_paths([hostile], walk=ingest.WalkOptions(follow_symlinks=True))}
    assert followed["link.txt"].status == "parsed"
    assert by["bom8.txt"].status == "parsed" and by["utf16.txt"].status == "parsed"
    assert by["bad16.txt"].status == "skipped" and by["bad16.txt"].reason.startswith("undecodable")
    assert by["/".join(f"d{i}" for i in range(60)) + "/deep.txt"].status == "parsed"
    for failed in ("badjson.json", "bad-front.md"):
        assert by[failed].status == "failed" and by[failed].stage == "ingest"
    assert by["badjson.json"].reason == "invalid JSON at line 1 column 10: Expecting value"
    assert by["bad-front.md"].reason.startswith("front matter is not valid YAML at bad-front.md:3:1:")
    assert by["list.json"].status == "skipped"
    assert by["trunc.mbox"].status in ("skipped", "parsed")
    bad = [p for p in by if p.startswith("bad") and p.endswith(".txt") and "name" in p]
    assert bad == ["bad\\xffname\\x1b[31m.txt"] and by[bad[0]].status == "parsed"
    assert all("\x1b" not in p for p in by)
    # every result has exactly one record; failures carry one error each
    assert len(results) == len(by)
    for r in results:
        assert (r.record.status == "failed") == bool(r.errors)
    assert snapshot(hostile) == before, "ingest must never write into the scanned folder"
    assert capsys.readouterr().err == ""


def test_encodings_come_out_right(hostile: Path):
    res = scan(hostile)
    assert res["bom8.txt"].documents[0].text == "Café said it.\n"
    assert res["utf16.txt"].documents[0].text == "Café said it.\n"


def test_decode_text_cases():
    assert decode_text("naïve".encode("utf-8")) == "naïve"
    assert decode_text("naïve – “x”".encode("cp1252")) == "naïve – “x”"
    assert decode_text(b"\xfe\xff\x00x") == "x"
    with pytest.raises(Skip):
        decode_text(b"\x00\x00abc")


def test_size_limit_refuses_without_reading(tmp_path, monkeypatch):
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * 5000)
    calls = []
    real = ingest._read_fd
    monkeypatch.setattr(ingest, "_read_fd", lambda fd, n: calls.append(fd) or real(fd, n))
    r = scan(tmp_path, max_file_bytes=1000)["big.txt"]
    assert r.record.status == "skipped" and "file too large" in r.record.reason and "limit 1000 bytes" in r.record.reason
    assert calls == []


def test_reader_exception_isolated(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("one\n")
    (tmp_path / "b.txt").write_text("two\n")

    def boom(data, ctx):
        if ctx.display == "a.txt":
            raise RuntimeError("kaboom")
        return ingest.READERS_BACKUP(data, ctx)

    monkeypatch.setattr(ingest, "READERS_BACKUP", ingest.READERS["txt"], raising=False)
    monkeypatch.setitem(ingest.READERS, "txt", boom)
    res = scan(tmp_path)
    assert res["a.txt"].record.status == "failed" and "kaboom" in res["a.txt"].record.reason
    assert res["a.txt"].errors[0].path == "a.txt" and res["a.txt"].errors[0].stage == "ingest"
    assert res["b.txt"].record.status == "parsed"


def test_permission_denied(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("one\n")

    def denied(path):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(ingest, "_open_regular", denied)
    r = scan(tmp_path)["a.txt"]
    assert (r.record.status, r.record.reason) == ("failed", "permission denied")


@pytest.mark.skipif(sys.platform == "win32", reason="SIGALRM")
def test_time_limit_cuts_off_slow_reader(tmp_path, monkeypatch):
    (tmp_path / "slow.txt").write_text("x\n")
    (tmp_path / "z.txt").write_text("fine\n")
    real = ingest.READERS["txt"]

    def slow(data, ctx):
        if ctx.display == "slow.txt":
            try:
                while True:
                    time.sleep(0.01)
            except Exception:        # a reader swallowing exceptions cannot swallow the limit
                pass
        return real(data, ctx)

    monkeypatch.setitem(ingest.READERS, "txt", slow)
    res = scan(tmp_path, time_limit=0.3)
    assert (res["slow.txt"].record.status, res["slow.txt"].record.reason) == ("failed", "took longer than 0.3 s")
    assert res["z.txt"].record.status == "parsed"


def test_time_limit_is_noop_off_main_thread():
    import threading

    out = []

    def work():
        with time_limit(0.01):
            time.sleep(0.05)
        out.append("done")

    t = threading.Thread(target=work)
    t.start()
    t.join()
    assert out == ["done"]


def test_time_limit_raises_on_main_thread():
    with pytest.raises(FileTimeout):
        with time_limit(0.05):
            time.sleep(1)


@pytest.mark.parametrize("raw,shown", [
    ("plain/name.txt", "plain/name.txt"),
    ("a\x1b[31mred.txt", "a\\x1b[31mred.txt"),
    ("bad\udcffname.txt", "bad\\xffname.txt"),
    ("rtl\u202eevil.txt", "rtl\\u202eevil.txt"),
    ("new\nline.txt", "new\\x0aline.txt"),
])
def test_display_path_escapes(raw, shown):
    assert display_path(raw) == shown


def test_missing_path_reported(tmp_path):
    r = scan(tmp_path / "nope.txt")
    (rec,) = [x.record for x in r.values()]
    assert rec.status == "failed" and rec.reason == "no such file or folder"


def test_unreadable_folder(tmp_path, monkeypatch):
    sub = tmp_path / "locked"
    sub.mkdir()
    (sub / "a.txt").write_text("x\n")
    real = os.scandir

    def fake(path):
        if Path(path) == sub:
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(ingest.os, "scandir", fake)
    res = scan(tmp_path)
    assert res["locked"].record.status == "failed" and "permission denied" in res["locked"].record.reason


@pytest.mark.slow
def test_hostile_folder_end_to_end_through_the_cli(tmp_path: Path):
    """The whole scan (ingest, extract, report) over the hostile folder: exit 0/1, no traceback,
    every file in the JSON with the status ingest gave it, nothing written into the folder."""
    import json
    import subprocess

    root = build_hostile(tmp_path / "corpus")
    (root / "script.html").write_text('<body><p>The company said it would stop.<script>alert(1)</script></p>'
                                      '<a href="javascript:alert(2)">x</a><img src=x onerror=alert(3)></body>')
    before = snapshot(root)
    expected = {r.record.path: r.record.status for r in ingest_paths([root])}
    out = tmp_path / "out.json"
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[1]))
    proc = subprocess.run([sys.executable, "-m", "claimcheck", "scan", str(root), "--format", "json", "-o", str(out),
                           "--no-cache", "-j", "1", "-q"], capture_output=True, text=True, env=env, timeout=600)
    assert proc.returncode in (0, 1), proc.stderr
    assert "Traceback" not in proc.stderr
    data = json.loads(out.read_text())
    assert {f["path"]: f["status"] for f in data["files"]} == expected
    failed = {f["path"] for f in data["files"] if f["status"] == "failed"}
    assert {e["path"] for e in data["errors"]} >= failed
    assert snapshot(root) == before


def test_deeply_nested_html_refused_quickly(tmp_path):
    # lexbor's cost grows with the square of container depth, in C where SIGALRM cannot cut it
    (tmp_path / "nest.html").write_text("<div>" * 50000 + "deep" + "</div>" * 50000)
    (tmp_path / "ok.html").write_text("<div>" * 500 + "<p>Fine words here.</p>" + "</div>" * 500)
    res = scan(tmp_path)
    assert (res["nest.html"].record.status, res["nest.html"].record.reason) == (
        "failed", "HTML nested more than 2000 levels deep: not read")
    assert res["ok.html"].record.status == "parsed"


def test_time_limit_nests_without_disarming_the_outer_one():
    with pytest.raises(FileTimeout):
        with time_limit(0.2):
            with time_limit(5):       # cannot extend the outer limit
                pass
            time.sleep(2)
