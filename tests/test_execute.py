"""Tests for claimcheck.runtime.execute: cache before ingest, parallel chunks, input order, isolation."""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from claimcheck.runtime import execute, jobs, resident, splitfile
from claimcheck.runtime.cache import Cache
from claimcheck.models import DateValue, Document, Source, Statement

REPO = Path(__file__).resolve().parents[1]
FAKE = "test_execute:fake_batch"
CALLS: list[str] = []


def env_batch(docs: list[Document], *, settings: object) -> list[tuple[Statement, ...]]:
    """One statement per document whose text is the worker's math thread settings."""
    text = f"{os.getenv('OPENBLAS_NUM_THREADS')} {os.getenv('OMP_NUM_THREADS')}"
    return [(Statement("s", d.id, "public", "claim", "", "", DateValue.undated(), text, Source(d.path, 1, 0, 1)),)
            for d in docs]


def fake_batch(docs: list[Document], *, settings: object) -> list[tuple[Statement, ...]]:
    """A deterministic stand-in extractor: one statement per line that contains 'said'."""
    out = []
    for doc in docs:
        CALLS.append(doc.path)
        if "EXPLODE" in doc.text:
            raise ValueError("boom")
        if "CRASH" in doc.text and multiprocessing.parent_process() is not None:
            os._exit(3)  # a worker dying hard (segfault, OOM kill)
        stmts = []
        offset = 0
        for n, line in enumerate(doc.text.split("\n")):
            if "said" in line:
                sid = hashlib.sha256(f"{doc.id}{line}".encode()).hexdigest()[:12]
                org = doc.aliases[0][1] if doc.aliases else ""  # shows what extraction saw
                stmts.append(Statement(sid, doc.id, "public", "claim", "", org, DateValue.undated(), line,
                                       Source(doc.path, doc.line_base + n, offset, offset + len(line))))
            offset += len(line) + 1
        out.append(tuple(stmts))
    return out


def _corpus(root: Path, n: int = 24) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        body = "\n".join(f"Line {j} of file {i}: the official said {i * j}." if j % 3 == 0 else f"Plain line {j}."
                         for j in range(40))
        (root / f"f{i:03d}.txt").write_text(body)
    (root / "image.xyz").write_bytes(b"\x00\x01")
    (root / "empty.txt").write_text("")
    return root


def _scan(root: Path, **kw: object) -> list[tuple]:
    kw.setdefault("settings", ("fake",))
    kw.setdefault("extractor", FAKE)
    return list(execute.scan_paths([root], **kw))  # type: ignore[arg-type]


@pytest.fixture(autouse=True)
def _small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(execute, "CHUNK_BYTES", 4096)  # several chunks even on a tiny corpus
    monkeypatch.setattr(execute, "LOOKUP_GROUP", 5)
    monkeypatch.setattr(execute, "SLOT_WINDOW", 8)
    CALLS.clear()


def test_execute_every_file_once_in_order_with_text_stripped(tmp_path: Path) -> None:
    out = _scan(_corpus(tmp_path / "docs"), jobs=1)
    paths = [r.record.path for r, _, _ in out]
    assert paths == sorted(paths) and len(paths) == 26
    status = {r.record.path: r.record.status for r, _, _ in out}
    assert status["image.xyz"] == "skipped" and status["empty.txt"] == "skipped"
    assert all(d.text == "" for r, _, _ in out for d in r.documents)
    assert sum(len(s) for _, s, _ in out) == 24 * 14


def test_execute_jobs_2_identical_to_jobs_1(tmp_path: Path) -> None:
    root = _corpus(tmp_path / "docs")
    parallel = _scan(root, jobs=2)
    assert len(CALLS) < 24  # most chunks ran in worker processes, not here
    assert parallel == _scan(root, jobs=1)


def test_execute_one_failing_document_is_isolated(tmp_path: Path) -> None:
    root = _corpus(tmp_path / "docs", n=6)
    (root / "f002.txt").write_text("The official said EXPLODE here.\n")
    out = _scan(root, jobs=1)
    errors = {r.record.path: e for r, _, e in out if e}
    assert list(errors) == ["f002.txt"] and errors["f002.txt"][0].stage == "extract"
    assert all(len(s) == 14 for r, s, _ in out if r.record.path.startswith("f0") and r.record.path != "f002.txt")


def test_execute_warm_run_reads_cache_and_skips_ingest_and_extract(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    root = _corpus(tmp_path / "docs")
    with Cache(tmp_path / "cache") as cache:
        cold = _scan(root, jobs=1, cache=cache)
        assert cache.misses == 25 and cache.hits == 0  # 24 files + empty.txt
    CALLS.clear()
    import claimcheck.ingest as ingest

    real_read = ingest.read_file

    def no_read(en: object, *a: object, **k: object) -> object:
        if en.path.suffix == ".txt":  # type: ignore[attr-defined]
            raise AssertionError("warm run parsed a file")
        return real_read(en, *a, **k)  # type: ignore[arg-type]  # files without a reader: no parsing

    monkeypatch.setattr(ingest, "read_file", no_read)
    with Cache(tmp_path / "cache") as cache:
        warm = _scan(root, jobs=1, cache=cache)
        assert cache.hits == 25 and cache.misses == 0
    assert warm == cold and CALLS == []


def test_execute_changed_file_is_the_only_miss(tmp_path: Path) -> None:
    root = _corpus(tmp_path / "docs")
    with Cache(tmp_path / "cache") as cache:
        _scan(root, jobs=2, cache=cache)
    (root / "f005.txt").write_text("Someone said something new.\n")
    (root / "new.txt").write_text("A newcomer said hello.\n")
    CALLS.clear()
    with Cache(tmp_path / "cache") as cache:
        out = _scan(root, jobs=2, cache=cache)
        assert cache.misses == 2 and cache.hits == 23 + 1
    assert sorted(CALLS) == ["f005.txt", "new.txt"]
    assert [s[0].text for r, s, _ in out if r.record.path == "f005.txt"] == ["Someone said something new."]
    with Cache(tmp_path / "cache2") as cache:
        assert out == _scan(root, jobs=1, cache=cache)


def test_execute_cache_key_includes_date_option(tmp_path: Path) -> None:
    root = _corpus(tmp_path / "docs", n=3)
    import datetime as dt

    with Cache(tmp_path / "cache") as cache:
        _scan(root, jobs=1, cache=cache)
        dated = _scan(root, jobs=1, cache=cache,
                      options=jobs.IngestOptions(date=DateValue.day(dt.date(2020, 1, 2), "cli")))
        assert cache.misses == 8  # 3 files + empty.txt, twice
    assert {d.date.start for r, _, _ in dated for d in r.documents} == {dt.date(2020, 1, 2)}


def test_execute_warm_run_imports_no_parser(tmp_path: Path) -> None:
    """A warm run never imports spaCy (run in a fresh process)."""
    root = tmp_path / "docs"
    root.mkdir()
    (root / "page.html").write_text("<html><body><p>The minister said it would close.</p></body></html>")
    (root / "note.txt").write_text("The minister said it would open.\n")
    script = textwrap.dedent("""
        import sys
        sys.path.insert(0, sys.argv[3])
        from claimcheck.runtime import execute
        from claimcheck.runtime.cache import Cache
        with Cache(sys.argv[2]) as cache:
            out = list(execute.scan_paths([sys.argv[1]], settings=("fake",), jobs=1, cache=cache,
                                          extractor="test_execute:fake_batch"))
            print(cache.hits, len(out), sorted(m for m in ("spacy", "selectolax", "email.parser") if m in sys.modules))
    """)
    args = [sys.executable, "-c", script, str(root), str(tmp_path / "cache"), str(Path(__file__).parent)]
    first = subprocess.run(args, capture_output=True, text=True, cwd=REPO, timeout=120)
    assert first.returncode == 0, first.stderr
    second = subprocess.run(args, capture_output=True, text=True, cwd=REPO, timeout=120)
    assert second.returncode == 0, second.stderr
    assert second.stdout.split(" ", 2)[:2] == ["2", "2"]
    assert "spacy" not in second.stdout


def _record_chunks(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, bool]]:
    """(bytes, went to the pool) of every chunk a runner submits."""
    chunks: list[tuple[int, bool]] = []
    real = execute._Runner._submit

    def submit(self: execute._Runner, chunk: list, *, full: bool) -> None:  # type: ignore[type-arg]
        if chunk:
            chunks.append((sum(t.size for _, _, t in chunk), self.pool is not None))
        real(self, chunk, full=full)

    monkeypatch.setattr(execute._Runner, "_submit", submit)
    return chunks


def test_execute_big_folder_starts_workers_before_the_cache_and_splits_the_last_batch(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A re-run over a big folder starts the workers before reading the cache (they load the
    model meanwhile), so even a few new files are parsed there; the last misses go to every worker."""
    monkeypatch.setattr(execute, "PRELOAD_MIN_FILES", 5)
    root = _corpus(tmp_path / "docs")
    with Cache(tmp_path / "cache") as cache:
        _scan(root, jobs=1, cache=cache)
    for name in ("f003.txt", "f020.txt", "f021.txt"):
        (root / name).write_text(f"In {name} the official said it changed.\n" * 20)
    CALLS.clear()
    chunks = _record_chunks(monkeypatch)
    with Cache(tmp_path / "cache") as cache:
        out = _scan(root, jobs=2, cache=cache)
    assert CALLS == []  # every miss was parsed in a worker, none in this process
    assert len(chunks) == 3 and all(to_pool for _, to_pool in chunks)  # f003; then f020 and f021 split
    with Cache(tmp_path / "cache2") as cache:
        assert out == _scan(root, jobs=1, cache=cache)


def test_execute_misses_that_outgrow_the_shrinking_chunk_size_are_cut(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """New files spread through a re-run pile up while the chunk size is large, and can add up to
    more than the size it has shrunk to when they are sent: they are cut to that size (not sent
    to one worker as one chunk)."""
    monkeypatch.setattr(execute, "PRELOAD_MIN_FILES", 5)
    monkeypatch.setattr(execute, "SLOT_WINDOW", 1000)  # nothing forces an early flush
    monkeypatch.setattr(execute, "MIN_CHUNK_BYTES", 512)
    root = _corpus(tmp_path / "docs")
    with Cache(tmp_path / "cache") as cache:
        _scan(root, jobs=1, cache=cache)
    new = [f"f{i:03d}.txt" for i in range(2, 24, 4)]  # spread: they pile up while chunks are big
    for name in new:
        (root / name).write_text(f"In {name} the official said it changed.\n" * 30)
    chunks = _record_chunks(monkeypatch)
    with Cache(tmp_path / "cache") as cache:
        out = _scan(root, jobs=2, cache=cache)
    size = (root / new[0]).stat().st_size
    assert len(chunks) >= 3 and all(to_pool for _, to_pool in chunks)
    assert sum(b for b, _ in chunks) == 6 * size and max(b for b, _ in chunks) <= 2 * size
    with Cache(tmp_path / "cache2") as cache:
        assert out == _scan(root, jobs=1, cache=cache)


def test_execute_big_folder_with_nothing_to_parse_leaves_its_workers_to_the_next_scan(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Workers started ahead that get no chunk stay up for this process's next scan (they load
    the model once); stopping the shared pool kills them at once, not waiting for the model."""
    monkeypatch.setattr(execute, "PRELOAD_MIN_FILES", 5)
    root = _corpus(tmp_path / "docs")
    with Cache(tmp_path / "cache") as cache:
        cold = _scan(root, jobs=1, cache=cache)
    resident.stop_shared_pool()
    with Cache(tmp_path / "cache") as cache:
        assert _scan(root, jobs=2, cache=cache) == cold
    pool = resident._SHARED[0][1]
    procs = [w.proc for w in pool._workers]
    assert len(procs) == 2 and all(p.is_alive() for p in procs)
    resident.stop_shared_pool()
    assert all(p.exitcode == -9 for p in procs) and not resident._SHARED


def test_execute_small_folder_parses_its_few_misses_here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = _corpus(tmp_path / "docs", n=6)
    with Cache(tmp_path / "cache") as cache:
        _scan(root, jobs=1, cache=cache)
    text = "The official said it changed.\n"
    (root / "f001.txt").write_text(text)
    CALLS.clear()
    chunks = _record_chunks(monkeypatch)
    with Cache(tmp_path / "cache") as cache:
        _scan(root, jobs=2, cache=cache)
    assert CALLS == ["f001.txt"] and chunks == [(len(text), False)]  # starting workers would cost more


def test_execute_chunks_shrink_at_the_end_of_a_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Guided scheduling: near the end chunks are a share of what is left, so the workers
    finish together instead of one parsing a last full chunk alone."""
    monkeypatch.setattr(execute, "MIN_CHUNK_BYTES", 512)
    root = _corpus(tmp_path / "docs", n=60)
    biggest = max(p.stat().st_size for p in root.iterdir())
    chunks = _record_chunks(monkeypatch)
    out = _scan(root, jobs=2)
    sizes = [b for b, _ in chunks]
    assert sizes[0] >= execute.CHUNK_BYTES and max(sizes) < execute.CHUNK_BYTES + biggest
    assert max(sizes[-3:]) < execute.CHUNK_BYTES / 2 and len(sizes) > 60 * biggest // execute.CHUNK_BYTES
    assert out == _scan(root, jobs=1)


def test_worker_start_loads_the_extractors_model_once(monkeypatch: pytest.MonkeyPatch) -> None:
    import claimcheck.extract as extract

    loaded: list[object] = []
    monkeypatch.setattr(extract, "warm_up", loaded.append)
    jobs._init_worker(("settings",), jobs.EXTRACTOR)  # type: ignore[arg-type]
    jobs._init_worker(("other",), FAKE)  # another extractor: nothing to load
    assert loaded == [("settings",)]

    def broken(settings: object) -> None:
        raise OSError("model files missing")

    monkeypatch.setattr(extract, "warm_up", broken)
    jobs._init_worker(("settings",), jobs.EXTRACTOR)  # the first chunk will report it


@pytest.mark.parametrize("jobs", [1, 2])
def test_execute_file_that_kills_its_worker_fails_alone_and_is_never_redone_here(tmp_path: Path, jobs: int) -> None:
    """Issue 19: a file that kills its worker is reported failed, with why, and never retried in
    this process (it would kill it too); its chunk's other files give the results they give alone."""
    root = _corpus(tmp_path / "docs", n=12)
    (root / "f003.txt").write_text("The official said CRASH now.\n")
    out = _scan(root, jobs=jobs, file_timeout=60)
    assert CALLS == []  # nothing analysed in this process
    alone = {r.record.path: (r, s) for r, s, _ in _scan(root, jobs=1) if r.record.path != "f003.txt"}
    assert [r.record.path for r, _, _ in out] == [r.record.path for r, _, _ in _scan(root, jobs=1)]
    bad = next((r, e) for r, _, e in out if r.record.path == "f003.txt")
    assert (bad[0].record.status, bad[0].record.stage) == ("failed", "extract")
    assert bad[0].record.reason.startswith("not analysed: its worker exited (code 3) while analysing 1 document of 29 characters")
    assert [x.message for x in bad[0].errors] == [bad[0].record.reason]
    assert {r.record.path: s for r, s, _ in out if r.record.path != "f003.txt"} == {p: s for p, (_, s) in alone.items()}


def test_execute_documents_leave_without_aliases(tmp_path: Path) -> None:
    """Only extraction reads a corpus's aliases; documents that kept them would make memory and
    the cache grow with the alias list times the number of documents."""
    root = _corpus(tmp_path / "docs", n=10)
    (root / "claimcheck.yaml").write_text("aliases:\n  Example Org: [EO, example.org]\n")
    with Cache(tmp_path / "cache") as cache:
        for jobs in (2, 1):  # from worker chunks, then from cache rows
            docs = [d for r, _, _ in _scan(root, jobs=jobs, cache=cache) for d in r.documents]
            assert len(docs) == 10 and all(d.aliases == () for d in docs)
            orgs = [st.organization for _, s, _ in _scan(root, jobs=jobs, cache=cache) for st in s]
            assert len(orgs) == 10 * 14 and set(orgs) == {"Example Org"}  # extraction had them


def test_workers_run_one_math_thread_unless_the_user_chose() -> None:
    """Each worker is one process per core: its BLAS pool would only fight the other workers.
    (A fresh interpreter: the worker pool's server keeps the environment it started with.)"""
    script = textwrap.dedent("""
        import os
        from claimcheck.runtime import execute
        from claimcheck.extract import ExtractSettings
        if __name__ == "__main__":
            import sys, tempfile
            from pathlib import Path
            sys.path.insert(0, "tests")
            root = Path(tempfile.mkdtemp())
            (root / "a.txt").write_text("The official said so.")
            out = execute.scan_paths([root], settings=ExtractSettings(), jobs=2, extractor="test_execute:env_batch",
                                     file_timeout=60)
            print([st.text for _, s, _ in out for st in s][0])
    """)
    env = {k: v for k, v in os.environ.items() if k not in jobs.MATH_THREAD_VARS}
    env["OMP_NUM_THREADS"] = "3"  # the user's own choice is kept
    out = subprocess.run([sys.executable, "-c", script], env=env, cwd=REPO, capture_output=True, text=True, timeout=120)
    assert out.stdout.split() == ["1", "3"], out.stderr


def test_cli_entry_sets_one_math_thread_before_spacy_loads() -> None:
    """With --jobs 1 the model runs in the CLI's own process: its entry point sets the same default."""
    script = textwrap.dedent("""
        import os, sys
        from claimcheck.cli import main
        sys.argv = ["claimcheck", "--version"]
        try:
            main()
        except SystemExit:
            pass
        print(os.getenv("OPENBLAS_NUM_THREADS"), os.getenv("MKL_NUM_THREADS"))
    """)
    env = {k: v for k, v in os.environ.items() if k not in jobs.MATH_THREAD_VARS}
    env["MKL_NUM_THREADS"] = "2"
    out = subprocess.run([sys.executable, "-c", script], env=env, cwd=REPO, capture_output=True, text=True, timeout=60)
    assert out.stdout.split()[-2:] == ["1", "2"], out.stdout + out.stderr


def test_quoted_copies_are_found_after_the_texts_are_emptied(tmp_path: Path) -> None:
    """Documents leave extraction without text; the normalized opening of each signed text rides
    along (quote_keys), so dropped_quotes still tells the quoted copy of a message (matched by
    author, day and text: the original has no Message-ID) from the original."""
    from claimcheck.ingest import dropped_quotes, ingest_paths

    sys.path.insert(0, str(Path(__file__).parent))
    from test_ingest_email import REPLY

    root = tmp_path / "mail"
    root.mkdir()
    (root / "reply.eml").write_text(REPLY)
    (root / "orig.eml").write_text("From: Pat Doe <pat@abc.gov>\nTo: Kim Lee <kim@northwind-example.com>\n"
                                   "Subject: Pilot next steps\nDate: Tue, 19 Jun 2018 18:15:00 -0400\n\n"
                                   "Kim,\n\nCould you put on a training for our analysts this summer?\n\n"
                                   "Thank you,\nPat Doe\n")
    full = [d for r in ingest_paths([root]) for d in r.documents]
    expected = dropped_quotes(full)
    assert len(expected) == 1
    out = _scan(root, jobs=1)
    docs = [d for r, _, _ in out for d in r.documents]
    keys = {k: v for r, _, _ in out for k, v in r.quote_keys}
    assert all(d.text == "" for d in docs) and keys
    assert dropped_quotes(docs, keys=keys) == expected
    assert dropped_quotes(docs) == set()  # the texts are gone: without the keys nothing matches


@pytest.mark.model
def test_execute_big_files_parsed_by_every_worker_give_one_jobs_statements(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 17: 'a document larger than a chunk is split ... across workers and stitched back in
    order'. Every file of a bundled case taken as big: read and planned by one worker, its
    sentences parsed in shares by both, read back by one; the outputs are those of one job each."""
    import shutil

    from claimcheck.extract import ExtractSettings

    root = tmp_path / "case"
    shutil.copytree(REPO / "tests" / "corpora" / "airline-corrosion", root)
    one = list(execute.scan_paths([root], settings=ExtractSettings(), jobs=1))
    monkeypatch.setattr(execute, "SPLIT_FILE_BYTES", 1)
    shares: list[int] = []
    real = splitfile._shares
    monkeypatch.setattr(splitfile, "_shares", lambda texts, parts: shares.append(len(got := real(texts, parts))) or got)
    split = list(execute.scan_paths([root], settings=ExtractSettings(), jobs=2))
    assert sum(len(s) for _, s, _ in one) > 10
    assert split == one
    assert len(shares) == len([r for r, _, _ in one if r.record.status == "parsed"]) and max(shares) == 4


@pytest.mark.model
def test_execute_big_file_past_its_budget_fails_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from claimcheck.extract import ExtractSettings

    root = tmp_path / "docs"
    root.mkdir()
    (root / "big.txt").write_text("The company said it will stop selling the data.\n" * 50)
    (root / "fine.txt").write_text("The company said it will never sell the data to anyone.\n")
    monkeypatch.setattr(execute, "SPLIT_FILE_BYTES", 1000)
    made: list[str] = []

    class Spy(splitfile._SplitFile):
        def __init__(self, runner, task):
            made.append(task.entry.display)
            super().__init__(runner, task)

    monkeypatch.setattr(execute, "_SplitFile", Spy)
    real = execute.job_budget
    monkeypatch.setattr(execute, "job_budget", lambda tasks, timeout: 0.001 if tasks[0].entry.display == "big.txt"
                        else real(tasks, timeout))
    out = {r.record.path: (r.record, s) for r, s, _ in execute.scan_paths([root], settings=ExtractSettings(), jobs=2,
                                                                          file_timeout=30)}
    assert out["big.txt"][0].status == "failed" and out["big.txt"][1] == ()
    assert out["big.txt"][0].reason.startswith("not analysed: took longer than 0.001 s while ")
    assert out["fine.txt"][0].status == "parsed" and made == ["big.txt"]
