"""``claimcheck watch``: one long-lived process that scans a folder, then scans it again each time
a file in it is added, changed or removed.

A fact-check queue drops documents into a folder one at a time. ``claimcheck scan`` re-run for
each of them reads the cache, but must also start Python, load the model in every worker and
unpickle every file's results before it can parse the one new file. Here the workers keep their
model, every file's results stay in memory (:class:`claimcheck.runtime.resident.Resident`) and a file whose
size, mtime, inode and ctime are unchanged is not read again, so a re-scan costs the new files'
parse plus alignment and the report.

Change detection polls: every ``interval`` seconds it lists the folder and ``stat``s each file
(about 20 ms for 2,000 files here), which works the same on every filesystem, network mounts
included. Each scan's result is the same report ``claimcheck scan`` would give on the folder as it
was at that moment (tested), written in full each time (atomically, when written to a file).
"""

from __future__ import annotations

import gc
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

from ..errors import ClaimcheckError
from .resident import Resident
from ..models import Report
from ..pipeline import ScanOptions, run


Snapshot = dict[str, tuple[int, int, int, int]]


def snapshot(paths: Sequence[str | Path]) -> Snapshot:
    """(size, mtime, inode, ctime) of every file under ``paths`` (configs and sidecars included:
    they change what a scan reports too). Unreadable entries are left out."""
    out: Snapshot = {}
    stack = [str(p) for p in paths]
    while stack:
        path = stack.pop()
        try:
            st = os.stat(path)
        except OSError:
            continue
        if os.path.isdir(path):
            try:
                with os.scandir(path) as it:
                    stack.extend(e.path for e in it)
            except OSError:
                continue
        else:
            out[path] = (st.st_size, st.st_mtime_ns, st.st_ino, st.st_ctime_ns)
    return out


def changed_files(before: Snapshot, after: Snapshot) -> int:
    """Files added, removed or changed between two snapshots."""
    return sum(1 for k in before.keys() | after.keys() if before.get(k) != after.get(k))


@dataclass(frozen=True)
class ScanEvent:
    """What one scan of the watch did (one line on stderr; ``--events json`` prints these fields)."""

    scan: int                        # 1 for the first scan
    seconds: float                   # wall time of the scan, report written
    files: int                       # files in the report
    changed: int                     # files added, changed or removed since the previous scan
    parsed: int                      # files parsed (in neither memory nor the cache)
    statements: int
    findings: int
    new_findings: tuple[str, ...]    # finding ids not in the previous scan's report
    gone_findings: tuple[str, ...]   # finding ids of the previous scan no longer reported
    exit_code: int                   # what ``claimcheck scan`` would exit with (``--fail-on``)


#: Every this many scans the frozen heap is thawed and collected (see :func:`_settle_heap`).
THAW_EVERY = 32


def _settle_heap(scan: int) -> None:
    """Move what this scan left in memory out of the cyclic garbage collector's way.

    The resident records (hundreds of thousands of objects on a large folder) survive from scan
    to scan; without this, each re-scan pays for full collections that walk all of them (about
    a sixth of a 1M-word folder's re-scan here, and its spread). Records are acyclic, so
    refcounting still frees the ones a later scan drops; any cyclic garbage among frozen objects
    is collected every :data:`THAW_EVERY` scans."""
    if scan % THAW_EVERY == 0:
        gc.unfreeze()
        gc.collect()
    gc.freeze()


class Watcher:
    """Scan ``paths`` with one :class:`Resident` kept between scans. ``publish(report)`` writes
    the report and returns the scan's exit code; ``scan`` runs one scan now."""

    def __init__(self, paths: Sequence[str], options: ScanOptions, publish: Callable[[Report], int]) -> None:
        self.paths = list(paths)
        self.options = options
        # the rule files are watched too: an edited rule is a change to re-scan for (each scan
        # loads the rules once, and everything resident is keyed on their content digest)
        self.watched = self.paths + [str(p) for p in options.rules_dirs]
        self.publish = publish
        self.resident = Resident()
        self.seen: Snapshot = {}
        self.scans = 0
        self.findings: set[str] = set()

    def scan(self, now: Snapshot | None = None) -> ScanEvent:
        """Scan the folder as it is ``now`` (a snapshot the caller just took, or one taken here)."""
        start = time.perf_counter()
        now = snapshot(self.watched) if now is None else now
        changed = changed_files(self.seen, now)
        self.resident.misses = 0
        report = run(self.paths, options=self.options, resident=self.resident)
        code = self.publish(report)
        self.resident.memo.next_round()
        _settle_heap(self.scans + 1)
        self.seen = now
        self.scans += 1
        flags = [f for f in report.findings if f.level != "candidate"]  # candidates are for review, not flags
        ids = {f.id for f in flags}
        event = ScanEvent(
            scan=self.scans, seconds=round(time.perf_counter() - start, 3), files=len(report.files),
            changed=changed, parsed=self.resident.misses, statements=len(report.statements),
            findings=len(flags), new_findings=tuple(sorted(ids - self.findings)),
            gone_findings=tuple(sorted(self.findings - ids)) if self.scans > 1 else (), exit_code=code)
        self.findings = ids
        return event

    def loop(self, *, interval: float, max_scans: int | None, on_event: Callable[[ScanEvent], None],
             on_error: Callable[[ClaimcheckError], None] = lambda exc: None,
             sleep: Callable[[float], None] = time.sleep) -> ScanEvent:
        """Scan now, then whenever the folder changes, until ``max_scans`` scans (or forever).
        A change is scanned once the folder has been still for one poll, so a file being copied
        in is not read half-written. An error of the first scan (a bad rule or config file) is
        raised; a later one goes to ``on_error`` and the watch waits for the next change (the
        file may be fixed). Returns the last event."""
        event = self.scan()
        on_event(event)
        last = self.seen
        while max_scans is None or self.scans < max_scans:
            sleep(interval)
            now = snapshot(self.watched)
            if now == self.seen:
                last = now
                continue
            if now != last:          # still changing: wait for it to settle
                last = now
                continue
            try:
                event = self.scan(now)
            except ClaimcheckError as exc:
                self.seen = now      # not again until something else changes
                on_error(exc)
                continue
            on_event(event)
            last = self.seen
        return event

    def close(self) -> None:
        self.resident.close()
        gc.unfreeze()
