"""Tests for the persistent per-file cache (claimcheck.runtime.cache)."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from claimcheck.runtime import cache as cache_mod
from claimcheck.runtime.cache import DB_NAME, Cache, CacheLocationError, file_key
from claimcheck.ingest import IngestResult
from claimcheck.models import DateValue, Document, ErrorRecord, FileRecord, Source, Statement


def _statement(i: int) -> Statement:
    return Statement(
        id=f"s{i}", document="d1", kind="public", role="claim", speaker="", organization="Org",
        date=DateValue.day(dt.date(2020, 1, 1 + i % 28), "header"), text=f"text {i}",
        source=Source("a.txt", 1 + i, 0, 5))


def _outputs(name: str = "a.txt", i: int = 0) -> list:
    """A cache value as execute stores it: one (IngestResult, statements, errors) per output."""
    doc = Document(id=f"d{i}", path=name, kind="email", date=DateValue.day(dt.date(2020, 1, 2), "header"),
                   recipients=("x@example.org",), aliases=(("Org Inc", "Org"),), page_starts=(0, 10))
    result = IngestResult(FileRecord(name, "parsed", documents=(doc.id,), sha256="ab"), (doc,),
                          quote_keys=((doc.id, "key"),))
    return [(result, (_statement(i), _statement(i + 1)), (ErrorRecord(name, "late", "extract"),))]


def test_cache_roundtrip_keeps_records_equal(tmp_path: Path) -> None:
    value = _outputs()
    with Cache(tmp_path / "c") as cache:
        key = file_key(sha256="ab", path="a.txt", fingerprint="fp")
        assert cache.get(key) is None
        cache.put(key, "a.txt", value)
        assert cache.get(key) == value
    with Cache(tmp_path / "c") as cache:  # persisted across connections
        assert cache.get(key) == value
        assert cache.hits == 1 and cache.misses == 0


@pytest.mark.parametrize("field", ["sha256", "path", "fingerprint", "options"])
def test_cache_key_depends_on_every_part(field: str) -> None:
    base = {"sha256": "ab", "path": "a.txt", "fingerprint": "fp", "options": ""}
    changed = dict(base, **{field: base[field] + "x"})
    assert file_key(**base) != file_key(**changed)


def test_cache_corrupt_database_is_rebuilt_with_warning(tmp_path: Path) -> None:
    directory = tmp_path / "c"
    directory.mkdir()
    (directory / DB_NAME).write_bytes(b"this is not a sqlite database" * 100)
    with Cache(directory) as cache:
        assert cache.enabled
        assert any("rebuilt" in w for w in cache.warnings)
        cache.put("k", "a.txt", _outputs())
        assert cache.get("k") == _outputs()


def test_cache_unloadable_row_is_a_miss_and_dropped(tmp_path: Path) -> None:
    with Cache(tmp_path) as cache:
        assert cache._conn is not None
        cache._conn.execute("INSERT INTO entries VALUES ('k', x'00ff', 'a.txt', 0)")
        assert cache.get("k") is None
        assert len(cache) == 0


def test_cache_refuses_directory_inside_scanned_folder(tmp_path: Path) -> None:
    scanned = tmp_path / "docs"
    scanned.mkdir()
    with pytest.raises(CacheLocationError):
        Cache(scanned / ".cache", scanned=[scanned])
    Cache(tmp_path / "elsewhere", scanned=[scanned]).close()  # a sibling is fine


def test_cache_two_concurrent_processes_both_finish(tmp_path: Path) -> None:
    script = textwrap.dedent("""
        import sys
        from claimcheck.runtime.cache import Cache
        from claimcheck.runtime.runmemo import StoredReplay
        name, directory = sys.argv[1], sys.argv[2]
        with Cache(directory) as cache:
            for i in range(150):
                cache.put_many([(f"{name}-{i}-{j}", "p", StoredReplay(name.encode(), (), i)) for j in range(3)])
                assert cache.get(f"{name}-{i}-0") == StoredReplay(name.encode(), (), i)
            assert not cache.warnings, cache.warnings
        print("ok")
    """)
    procs = [subprocess.Popen([sys.executable, "-c", script, name, str(tmp_path)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                              cwd=Path(__file__).resolve().parents[1])
             for name in ("a", "b")]
    outs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs
    with Cache(tmp_path) as cache:
        assert len(cache) == 2 * 150 * 3


def test_cache_key_changes_with_package_source(monkeypatch: pytest.MonkeyPatch) -> None:
    from claimcheck.runtime import cache as cache_mod

    before = cache_mod._records_schema()
    monkeypatch.setattr(cache_mod, "_code_digest", lambda: "edited")
    assert cache_mod._records_schema() != before


def test_code_digest_follows_extraction_code_not_what_runs_after_it(tmp_path: Path) -> None:
    import shutil

    pkg = tmp_path / "claimcheck"
    shutil.copytree(Path(cache_mod.__file__).resolve().parents[1], pkg,
                    ignore=shutil.ignore_patterns("__pycache__", "default_rules"))
    before = cache_mod._code_digest(pkg)
    (pkg / "align.py").write_text((pkg / "align.py").read_text() + "\n# tuned\n")
    (pkg / "corpus" / "orgs.py").write_text((pkg / "corpus" / "orgs.py").read_text() + "\n# tuned\n")
    (pkg / "report" / "markdown.py").write_text((pkg / "report" / "markdown.py").read_text() + "\n# tuned\n")
    (pkg / "cli" / "scanning.py").write_text((pkg / "cli" / "scanning.py").read_text() + "\n# tuned\n")
    assert cache_mod._code_digest(pkg) == before  # re-aligning needs no re-parse, nor a new command line
    (pkg / "extract" / "frame.py").write_text((pkg / "extract" / "frame.py").read_text() + "\n# tuned\n")
    assert cache_mod._code_digest(pkg) != before


class _Planted:
    """What an attacker stores in a shared cache: unpickling it creates ``target``."""

    def __init__(self, target: Path) -> None:
        self.target = target

    def __reduce__(self):
        return (open, (str(self.target), "w"))


def test_issue_17_planted_pickle_in_the_cache_runs_nothing(tmp_path: Path) -> None:
    """Every row of a used cache (per-file rows and the whole-run replay) replaced by a pickle that
    would create a file when loaded: the next scan loads none of them, gives the same report and
    says once per cache use that entries were ignored."""
    import json
    import pickle
    import sqlite3

    from click.testing import CliRunner

    from claimcheck.cli import cli

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("The company said it will never sell the data to anyone.\n")
    (docs / "b.txt").write_text("We sold the data to the agency last year, the memo said.\n")
    args = ["scan", str(docs), "--format", "json", "--cache", str(tmp_path / "c"), "--jobs", "1", "--fail-on", "never"]
    first = CliRunner().invoke(cli, args)
    assert first.exit_code == 0, first.output
    marker = tmp_path / "pwned"
    db = sqlite3.connect(tmp_path / "c" / DB_NAME)
    rows = db.execute("SELECT key FROM entries").fetchall()
    assert len(rows) == 3  # two files and one run replay
    db.execute("UPDATE entries SET value = ?", (pickle.dumps(_Planted(marker)),))
    db.commit()
    db.close()
    again = CliRunner().invoke(cli, args)
    assert again.exit_code == 0, again.output
    assert not marker.exists()
    out = json.loads(again.stdout)
    assert out["files"] == json.loads(first.stdout)["files"]
    assert out["statements"] == json.loads(first.stdout)["statements"]
    warned = [line for line in again.stderr.splitlines() if "not written by this claimcheck" in line]
    assert 1 <= len(warned) <= 2, again.stderr
    assert "Traceback" not in again.stderr


@pytest.mark.parametrize("blob", [
    b"", b"\x80\x04K\x01.", b"null", b"[]", b'["outputs"]', b'["exec", []]', b'["outputs", {}]',
    b'["outputs", [[1, 2, 3]]]', b'["replay", ["!!not base64", [], 0]]', b'["replay", ["", [], true]]',
    b'["replay", ["", [1], 0]]', b"[" * 100_000 + b"]" * 100_000,
])
def test_cache_foreign_or_malformed_rows_are_misses(tmp_path: Path, blob: bytes) -> None:
    with Cache(tmp_path) as cache:
        assert cache._conn is not None
        cache._conn.execute("INSERT INTO entries VALUES ('k', ?, 'a.txt', 0)", (blob,))
        cache._conn.execute("INSERT INTO entries VALUES ('j', ?, 'b.txt', 0)", (blob,))
        assert cache.get_many(["k", "j"]) == {}
        assert len(cache) == 0
        assert len([w for w in cache.warnings if "not written by this claimcheck" in w]) == 1


def test_cache_codec_roundtrips_every_shape() -> None:
    from claimcheck.runtime import codec
    from claimcheck.runtime.runmemo import StoredReplay

    for value in (_outputs(), [], StoredReplay(b"\x00\xff zlib", ("w",), 1)):
        assert codec.loads(codec.dumps(value)) == value


def test_cache_directory_is_created_private(tmp_path: Path) -> None:
    import stat

    with Cache(tmp_path / "new" / "cache"):
        pass
    for folder in (tmp_path / "new", tmp_path / "new" / "cache"):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_cache_inside_a_scanned_files_folder_names_that_folder(tmp_path: Path) -> None:
    """Scanning one file: the refusal names the folder the cache would be in, and the file."""
    (tmp_path / "memo.txt").write_text("x")
    with pytest.raises(CacheLocationError) as err:
        Cache(tmp_path / "cache", scanned=[tmp_path / "memo.txt"])
    assert f"inside the scanned folder {tmp_path.resolve()} (the folder of the scanned file {tmp_path / 'memo.txt'})" \
        in str(err.value)
