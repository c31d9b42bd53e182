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
from claimcheck.models import DateValue, Source, Statement


def _statement(i: int) -> Statement:
    return Statement(
        id=f"s{i}", document="d1", kind="public", role="claim", speaker="", organization="Org",
        date=DateValue.day(dt.date(2020, 1, 1 + i % 28), "header"), text=f"text {i}",
        source=Source("a.txt", 1 + i, 0, 5))


def test_cache_roundtrip_keeps_records_equal(tmp_path: Path) -> None:
    value = ("record", (_statement(1), _statement(2)), ())
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
        cache.put("k", "a.txt", 42)
        assert cache.get("k") == 42


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
        name, directory = sys.argv[1], sys.argv[2]
        with Cache(directory) as cache:
            for i in range(150):
                cache.put_many([(f"{name}-{i}-{j}", "p", (name, i, j)) for j in range(3)])
                assert cache.get(f"{name}-{i}-0") == (name, i, 0)
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
    (pkg / "report" / "markdown.py").write_text((pkg / "report" / "markdown.py").read_text() + "\n# tuned\n")
    assert cache_mod._code_digest(pkg) == before  # re-aligning needs no re-parse
    (pkg / "extract" / "frame.py").write_text((pkg / "extract" / "frame.py").read_text() + "\n# tuned\n")
    assert cache_mod._code_digest(pkg) != before
