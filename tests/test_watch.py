"""claimcheck watch: a long-lived process whose every re-scan reports what a fresh scan would."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from claimcheck.cli import cli
from claimcheck.runtime.memo import Memo
from claimcheck.models import Report
from claimcheck.pipeline import ScanOptions, run
from claimcheck.report.jsonout import dumps, report_to_dict
from claimcheck.runtime.watch import ScanEvent, Watcher, changed_files, snapshot

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _folder(tmp_path: Path) -> Path:
    """A case folder plus an extra document from another case (added and removed by the tests)."""
    root = tmp_path / "case"
    shutil.copytree(SEEDS / "carmaker-emissions", root)
    return root


def _fresh(root: Path) -> dict[str, Any]:
    return report_to_dict(run([str(root)], options=ScanOptions(jobs=1, use_cache=False)))


def _published(reports: list[Report]) -> Any:
    def publish(report: Report) -> int:
        reports.append(report)
        return 0
    return publish


@pytest.mark.model
@pytest.mark.parametrize("jobs", [1, 2])
def test_each_rescan_reports_what_a_fresh_scan_would(tmp_path: Path, jobs: int) -> None:
    """Add a document, change one in place, remove one: after each change the resident scan's
    report (and its JSON text, written with the line memo) equals a fresh scan's, and only the
    files that changed are parsed."""
    root = _folder(tmp_path)
    reports: list[Report] = []
    w = Watcher([str(root)], ScanOptions(jobs=jobs, use_cache=False), _published(reports))
    try:
        first = w.scan()
        assert 0 < first.parsed < first.files  # every document (not the config, README, gold file)
        extra = root / "news" / "extra-wire.txt"
        shutil.copy(SEEDS / "microsoft-dea" / "news" / sorted(os.listdir(SEEDS / "microsoft-dea" / "news"))[0], extra)
        steps = [lambda: None,                                          # added above
                 lambda: extra.write_text(extra.read_text().replace("said", "stated", 1)),  # changed in place
                 lambda: extra.unlink()]                                 # removed
        expected_parsed = [1, 1, 0]
        for step, parsed in zip(steps, expected_parsed):
            step()
            event = w.scan()
            assert event.parsed == parsed
            assert report_to_dict(reports[-1]) == _fresh(root)
            assert dumps(reports[-1], memo=w.resident.memo) == dumps(reports[-1])
    finally:
        w.close()


@pytest.mark.model
def test_a_same_size_edit_is_seen(tmp_path: Path) -> None:
    """A file rewritten with the same size is hashed again (its mtime and ctime moved)."""
    root = _folder(tmp_path)
    target = root / "public" / "2014-12-10-service-action-release.md"
    reports: list[Report] = []
    w = Watcher([str(root)], ScanOptions(jobs=1, use_cache=False), _published(reports))
    try:
        w.scan()
        text = target.read_text()
        swapped = text.replace(" the ", " thy ", 1)
        assert len(swapped) == len(text) and swapped != text
        target.write_text(swapped)
        event = w.scan()
        assert event.parsed == 1 and event.changed == 1
        assert report_to_dict(reports[-1]) == _fresh(root)
    finally:
        w.close()


def test_memo_returns_the_remembered_value_only_for_the_same_object() -> None:
    memo, calls = Memo(), []

    def make(obj: Any) -> str:
        calls.append(obj)
        return f"v{len(calls)}"

    a, b = ["same"], ["same"]  # equal, not the same object
    assert memo.get("k", a, make) == "v1"
    assert memo.get("k", a, make) == "v1"
    assert memo.get("k", b, make) == "v2"
    assert memo.get("other", a, make) == "v3"  # another kind of value
    assert len(calls) == 3


def test_memo_forgets_what_a_round_did_not_ask_for() -> None:
    memo, calls = Memo(), []

    def make(obj: Any) -> int:
        calls.append(obj)
        return len(calls)

    kept, dropped = ["kept"], ["dropped"]
    memo.get("k", kept, make)
    memo.get("k", dropped, make)
    memo.next_round()
    memo.get("k", kept, make)       # asked for again in round 2: carried on
    memo.next_round()
    assert memo.get("k", kept, make) == 1
    assert memo.get("k", dropped, make) == 3   # not asked in round 2: computed again


def test_snapshot_sees_added_changed_and_removed_files(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    a, b = tmp_path / "a.txt", tmp_path / "sub" / "b.txt"
    a.write_text("one")
    b.write_text("two")
    before = snapshot([tmp_path])
    assert set(before) == {str(a), str(b)}
    a.write_text("ONE!")
    b.unlink()
    (tmp_path / "c.txt").write_text("three")
    assert changed_files(before, snapshot([tmp_path])) == 3


def test_loop_waits_for_the_folder_to_settle(tmp_path: Path) -> None:
    """A change is scanned once the folder has not moved for one poll (a copy in progress is not
    read half-written); an unchanged folder is not scanned again."""
    (tmp_path / "a.txt").write_text("first")
    polls: list[int] = []
    scans: list[tuple[int, int, bytes]] = []   # (poll, files changed, b.txt as scanned)
    w = Watcher([str(tmp_path)], ScanOptions(jobs=1, use_cache=False), lambda r: 0)

    def scan(now: Any = None) -> ScanEvent:
        b = tmp_path / "b.txt"
        scans.append((len(polls), changed_files(w.seen, now or snapshot(w.paths)), b.read_bytes() if b.exists() else b""))
        return _bump(w)

    w.scan = scan  # type: ignore[method-assign]
    writes = [lambda: None,                                     # poll 1: nothing changed
              lambda: (tmp_path / "b.txt").write_text("x"),     # poll 2: a file arrives
              lambda: (tmp_path / "b.txt").write_text("xy"),    # poll 3: still being written
              lambda: None,                                     # poll 4: settled -> scan
              lambda: None]

    def sleep(_: float) -> None:
        writes[len(polls)]()
        polls.append(1)

    w.loop(interval=0, max_scans=2, on_event=lambda e: None, sleep=sleep)
    assert scans == [(0, 1, b""), (4, 1, b"xy")]  # a.txt at once; b.txt only once it stopped moving


def _bump(w: Watcher) -> ScanEvent:
    w.seen = snapshot(w.paths)
    w.scans += 1
    return ScanEvent(w.scans, 0.0, 0, 0, 0, 0, 0, (), (), 0)


@pytest.mark.model
def test_cli_watch_writes_the_scan_report_and_json_events(tmp_path: Path) -> None:
    root = _folder(tmp_path)
    watched, scanned = tmp_path / "w.json", tmp_path / "s.json"
    os.chmod(tmp_path, 0o755)
    watched.write_text("old report\n")
    os.chmod(watched, 0o640)
    res = CliRunner().invoke(cli, ["watch", str(root), "-f", "json", "-o", str(watched), "--no-cache",
                                   "--max-scans", "1", "--events", "json", "--fail-on", "tension", "-j", "1"],
                             catch_exceptions=False)
    CliRunner().invoke(cli, ["scan", str(root), "-f", "json", "-o", str(scanned), "--no-cache", "-q",
                             "--fail-on", "never", "-j", "1"], catch_exceptions=False)
    assert watched.read_text() == scanned.read_text()
    assert (watched.stat().st_mode & 0o777) == 0o640     # rewritten in place of the old file, same mode
    event = json.loads(res.stderr.strip().splitlines()[-1])
    findings = json.loads(scanned.read_text())["findings"]
    assert event["scan"] == 1 and event["findings"] == len(findings) and findings
    assert event["new_findings"] == sorted(f["id"] for f in findings)
    assert res.exit_code == event["exit_code"] == 1     # --fail-on tension, as scan would exit
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".w.json")]  # no temporary left


@pytest.mark.model
def test_a_bad_config_during_the_watch_is_reported_and_the_watch_goes_on(tmp_path: Path) -> None:
    """The first scan's errors stop the command (exit 2, as scan); a config broken later is
    reported, the last report stays, and the scan after the fix runs."""
    root = _folder(tmp_path)
    config = root / "claimcheck.yaml"
    good = config.read_text()
    errors: list[str] = []
    events: list[ScanEvent] = []
    reports: list[Report] = []
    w = Watcher([str(root)], ScanOptions(jobs=1, use_cache=False), _published(reports))
    polls = iter([lambda: config.write_text("aliases: [unclosed\n"),   # broken
                  lambda: None,                                        # settled: scan fails
                  lambda: config.write_text(good + "\n"),              # fixed
                  lambda: None])                                       # settled: scan
    try:
        w.loop(interval=0, max_scans=2, on_event=events.append, on_error=lambda e: errors.append(str(e)),
               sleep=lambda s: next(polls)())
    finally:
        w.close()
    assert len(errors) == 1 and "claimcheck.yaml" in errors[0]
    assert [e.scan for e in events] == [1, 2] and len(reports) == 2
    assert report_to_dict(reports[-1]) == _fresh(root)


@pytest.mark.model
def test_cli_watch_cannot_write_its_report_exits_2_with_a_message(tmp_path: Path) -> None:
    root = _folder(tmp_path)
    res = CliRunner().invoke(cli, ["watch", str(root), "-f", "json", "-o", str(tmp_path / "gone" / "w.json"),
                                   "--no-cache", "--max-scans", "1", "-j", "1"], catch_exceptions=False)
    assert res.exit_code == 2
    assert "cannot write" in res.stderr and "w.json" in res.stderr


def test_resident_heap_is_frozen_after_a_scan_and_thawed_now_and_then(tmp_path: Path) -> None:
    """After each scan the heap is frozen (re-scans skip walking the resident records); every
    THAW_EVERY scans it is thawed and collected, so cyclic garbage cannot pile up for ever."""
    import gc

    from claimcheck.runtime import watch

    (tmp_path / "a.txt").write_text("nothing to see")
    w = Watcher([str(tmp_path)], ScanOptions(jobs=1, use_cache=False), lambda r: 0)
    try:
        w.scan()
        assert gc.get_freeze_count() > 0
        thawed = []
        real = gc.unfreeze
        gc.unfreeze = lambda: (thawed.append(w.scans), real())[1]  # type: ignore[assignment]
        try:
            for _ in range(watch.THAW_EVERY):
                w.scan()
        finally:
            gc.unfreeze = real  # type: ignore[assignment]
        assert thawed == [watch.THAW_EVERY - 1]
    finally:
        w.close()
    assert gc.get_freeze_count() == 0
