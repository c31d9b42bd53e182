"""The whole-run memo: an unchanged folder with the same options replays the stored output
without running the pipeline; any change to the inputs' bytes or to an output option is a miss."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

import claimcheck.pipeline
from claimcheck.runtime import runmemo
from claimcheck.runtime.cache import Cache
from claimcheck.cli import cli

SEED = Path(__file__).resolve().parent.parent / "seeds" / "microsoft-dea"

pytestmark = pytest.mark.model


def scan(folder: Path, cache: Path, out: Path, *extra: str) -> object:
    return CliRunner().invoke(cli, ["scan", str(folder), "--cache", str(cache), "-q", "-f", "json", "-o", str(out),
                                    "--jobs", "1", *extra], catch_exceptions=False)


def _forbid_pipeline(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*_a: object, **_k: object) -> None:
        raise AssertionError("the pipeline ran although the run was memoized")

    monkeypatch.setattr(claimcheck.pipeline, "run", boom)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(SEED, folder)
    return folder


def test_unchanged_folder_replays_output_and_exit_code(corpus: Path, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    first = scan(corpus, tmp_path / "c", tmp_path / "a.json", "--fail-on", "tension")
    assert first.exit_code == 1  # the seed's tension
    for f in corpus.rglob("*"):  # same bytes, new mtimes: still the same input
        os.utime(f, (1, 1))
    _forbid_pipeline(monkeypatch)
    second = scan(corpus, tmp_path / "c", tmp_path / "b.json", "--fail-on", "tension")  # another output path
    assert second.exit_code == 1
    assert (tmp_path / "b.json").read_bytes() == (tmp_path / "a.json").read_bytes()


def test_changed_bytes_or_options_are_misses(corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    scan(corpus, tmp_path / "c", tmp_path / "a.json", "--fail-on", "never")
    calls: list[int] = []
    real = claimcheck.pipeline.run

    def counting(*a: object, **k: object) -> object:
        calls.append(1)
        return real(*a, **k)

    monkeypatch.setattr(claimcheck.pipeline, "run", counting)
    assert scan(corpus, tmp_path / "c", tmp_path / "b.json", "--fail-on", "tension").exit_code == 1
    assert len(calls) == 1  # --fail-on changes the exit code: not the same run
    scan(corpus, tmp_path / "c", tmp_path / "b.md", "--fail-on", "never", "-f", "markdown")
    assert len(calls) == 2  # another format
    email = next(p for p in corpus.rglob("*.eml"))
    email.write_bytes(email.read_bytes().replace(b"DEA", b"DEA office", 1))
    scan(corpus, tmp_path / "c", tmp_path / "c.json", "--fail-on", "never")
    assert len(calls) == 3  # one file's bytes changed
    (corpus / "new.txt").write_text("A new note arrived.\n", encoding="utf-8")
    scan(corpus, tmp_path / "c", tmp_path / "d.json", "--fail-on", "never")
    assert len(calls) == 4  # a file was added
    paths = [f["path"] for f in json.loads((tmp_path / "d.json").read_text())["files"]]
    assert "new.txt" in paths


def test_no_cache_never_replays(corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    scan(corpus, tmp_path / "c", tmp_path / "a.json")
    _forbid_pipeline(monkeypatch)
    result = CliRunner().invoke(cli, ["scan", str(corpus), "--no-cache", "-q", "-f", "json", "-o", str(tmp_path / "b.json")],
                                catch_exceptions=False)
    assert result.exit_code == 3 and "the pipeline ran" in result.output  # the forbidden pipeline: a crash, exit 3


def test_a_damaged_memo_row_is_a_miss(corpus: Path, tmp_path: Path) -> None:
    scan(corpus, tmp_path / "c", tmp_path / "a.json", "--fail-on", "never")
    with Cache(tmp_path / "c") as cache:
        keys = [k for (k,) in cache._conn.execute("SELECT key FROM entries WHERE key LIKE 'run:%'")]  # type: ignore[union-attr]
        assert len(keys) == 1
        cache.put(keys[0], "x", (b"not zlib", [], 0))
    result = scan(corpus, tmp_path / "c", tmp_path / "b.json", "--fail-on", "never")
    assert result.exit_code == 0
    assert (tmp_path / "b.json").read_bytes() == (tmp_path / "a.json").read_bytes()


def test_only_the_newest_runs_are_kept(tmp_path: Path) -> None:
    with Cache(tmp_path / "c") as cache:
        for n in range(runmemo.MAX_RUNS + 3):
            runmemo.store(cache, f"{runmemo.PREFIX}{n:03d}", runmemo.Replay("x", (), 0), label="t")
        cache.put("file-entry", "f", 1)
        keys = {k for (k,) in cache._conn.execute("SELECT key FROM entries")}  # type: ignore[union-attr]
    assert len([k for k in keys if k.startswith(runmemo.PREFIX)]) == runmemo.MAX_RUNS
    assert "file-entry" in keys


def test_inputs_digest_follows_bytes_and_names_not_mtimes(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("one")
    before = runmemo.inputs_digest([tmp_path])
    os.utime(tmp_path / "a.txt", (5, 5))
    assert runmemo.inputs_digest([tmp_path]) == before
    (tmp_path / "a.txt").write_text("two")
    changed = runmemo.inputs_digest([tmp_path])
    assert changed != before
    (tmp_path / "a.txt").rename(tmp_path / "b.txt")
    assert runmemo.inputs_digest([tmp_path]) not in (before, changed)
