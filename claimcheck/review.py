"""Review state: a desk's verdict on each finding, kept in a plain YAML file next to the documents.

``claimcheck-review.yaml`` maps each stable finding id to a status (``confirmed`` or
``dismissed``), a note, the reviewer's name and the time. It is written sorted by id, one key per
line, so a desk can commit it and read its diffs; it is validated like a config file (every
problem as ``path:line:col: message``, all at once). A dismissed finding is still shown, marked,
but no longer fails a run (``--fail-on``) or raises a GitHub annotation.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import getpass
import os
import re
from collections.abc import Collection, Iterable, Sequence
from pathlib import Path

import yaml

from claimcheck import _yaml
from claimcheck.errors import ConfigError, Problem
from claimcheck.models import Finding, Report, Review

REVIEW_FILE = "claimcheck-review.yaml"
REVIEW_VERSION = 1
STATUSES = ("confirmed", "dismissed")
TOP_KEYS = ("version", "findings")
#: ``status`` is required; ``level``, ``point`` and ``public`` are copied from the finding when
#: known, so a reader of the file (or its diff) sees what was reviewed without a report at hand.
ENTRY_KEYS = ("status", "note", "by", "at", "level", "point", "public")
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,79}$")
_AT = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$")
_HEADER = ("# claimcheck review state: one entry per finding id, written by `claimcheck review`.\n"
           "# status: confirmed | dismissed. A dismissed finding is shown, marked, but fails no run.\n")


@dataclasses.dataclass(frozen=True)
class Entry:
    """One finding's entry as stored (a Review plus the informational copies)."""

    review: Review
    extra: tuple[tuple[str, str], ...] = ()  # (key, value) of level / point / public


def _suggest(key: str, known: Sequence[str]) -> str:
    close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    return f"unknown key '{key}'{hint}; known keys: {', '.join(known)}"


def read_review(path: str | Path, *, display: str | None = None) -> dict[str, Entry]:
    """Read and validate a review file: finding id -> entry. A missing file is empty.

    Raises ConfigError with every problem found (``path:line:col: message``)."""
    path = Path(path)
    shown = display or str(path)
    if not path.is_file():
        return {}
    try:
        data = _yaml.load_file(path, shown)
    except _yaml.YamlProblem as exc:
        raise ConfigError([Problem(exc.path, exc.line, exc.col, exc.message)]) from None
    except OSError as exc:
        raise ConfigError([Problem(shown, 1, 1, f"cannot read review file: {exc.strerror or exc}")]) from None
    if data is None:
        return {}
    problems: list[Problem] = []

    def add(loc: tuple[int, int], message: str) -> None:
        problems.append(Problem(shown, loc[0], loc[1], message))

    if not isinstance(data, dict):
        raise ConfigError([Problem(shown, *_yaml.loc_of(data), "expected a mapping with keys version, findings")])
    for key in data:
        if key not in TOP_KEYS:
            add(_yaml.loc_of(data, str(key)), _suggest(str(key), TOP_KEYS))
    version = data.get("version", REVIEW_VERSION)
    if version != REVIEW_VERSION:
        add(_yaml.loc_of(data, "version"), f"unsupported review file version {version!r} (this claimcheck reads {REVIEW_VERSION})")
    findings = data.get("findings") or {}
    entries: dict[str, Entry] = {}
    if not isinstance(findings, dict):
        add(_yaml.loc_of(findings) if "findings" not in data else _yaml.loc_of(data, "findings"),
            "'findings' must be a mapping of finding id -> {status, note, by, at}")
        raise ConfigError(problems)
    for fid, entry in findings.items():
        loc = _yaml.loc_of(findings, str(fid))
        fid = str(fid)
        if not _ID.match(fid):
            add(loc, f"not a finding id: {fid!r}")
            continue
        if not isinstance(entry, dict):
            add(loc, f"finding {fid}: expected a mapping with status, note, by, at")
            continue
        ok = True
        for key, value in entry.items():
            kloc = _yaml.loc_of(entry, str(key))
            if key not in ENTRY_KEYS:
                add(kloc, f"finding {fid}: {_suggest(str(key), ENTRY_KEYS)}")
                ok = False
            elif value is not None and not isinstance(value, str):
                add(kloc, f"finding {fid}: '{key}' must be text, got {type(value).__name__}")
                ok = False
        status = entry.get("status")
        if status is None:
            add(_yaml.loc_of(entry), f"finding {fid}: missing required key 'status' ({' or '.join(STATUSES)})")
            ok = False
        elif isinstance(status, str) and status not in STATUSES:
            close = difflib.get_close_matches(status, STATUSES, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            add(_yaml.loc_of(entry, "status"), f"finding {fid}: status must be one of {', '.join(STATUSES)}; got '{status}'{hint}")
            ok = False
        at = entry.get("at")
        if isinstance(at, str) and at and not _AT.match(at):
            add(_yaml.loc_of(entry, "at"), f"finding {fid}: 'at' must be an ISO 8601 time such as 2026-12-04T16:40:00Z; got '{at}'")
            ok = False
        if ok:
            entries[fid] = Entry(
                Review(fid, status, entry.get("note") or "", entry.get("by") or "", entry.get("at") or ""),
                tuple((k, entry[k]) for k in ("level", "point", "public") if entry.get(k)))
    if problems:
        raise ConfigError(problems)
    return entries


def dump_review(entries: dict[str, Entry]) -> str:
    """The review file's text: a header comment, then every entry sorted by id, keys in a fixed order."""
    findings: dict[str, dict[str, str]] = {}
    for fid in sorted(entries):
        r = entries[fid].review
        item = {"status": r.status}
        if r.note:
            item["note"] = r.note
        if r.by:
            item["by"] = r.by
        if r.at:
            item["at"] = r.at
        item.update(dict(entries[fid].extra))
        findings[fid] = item
    body = yaml.safe_dump({"version": REVIEW_VERSION, "findings": findings}, sort_keys=False,
                          allow_unicode=True, default_flow_style=False, width=100)
    return _HEADER + body


def review_file_for(root: str | Path) -> Path:
    """Where the review file of a scanned path lives: in the folder, or next to a single file."""
    p = Path(root)
    return (p if p.is_dir() else p.parent) / REVIEW_FILE


def load_reviews(paths: Iterable[str | Path], extra: str | Path | None = None) -> tuple[Review, ...] | None:
    """Every review of the scanned roots' review files, then of ``extra`` (``--review FILE``);
    a later file's entry for the same finding wins. None when there is no review file at all."""
    merged: dict[str, Review] = {}
    files = [review_file_for(p) for p in paths]
    if extra is not None:
        files.append(Path(extra))
    seen: set[Path] = set()
    for f in files:
        key = f.resolve()
        if key in seen or not f.is_file():
            continue
        seen.add(key)
        merged.update({fid: e.review for fid, e in read_review(f).items()})
    if not seen:
        return None
    return tuple(merged[k] for k in sorted(merged))


def attach(report: Report, reviews: Iterable[Review] | None) -> Report:
    """The report with the reviews of its own findings attached. The review files are the
    truth: when there are any, they replace what a saved report carried (a cleared verdict stays
    cleared); with none (``None``), a saved report keeps its own."""
    if reviews is None:
        return report
    ids = {f.id for f in report.findings}
    mine = {r.finding: r for r in reviews if r.finding in ids}
    stale = {r.finding: r for r in reviews if r.finding not in ids}
    return dataclasses.replace(report, reviews=tuple(mine[k] for k in sorted(mine)),
                               stale_reviews=tuple(stale[k] for k in sorted(stale)))


def stale_warning(report: Report, *, shown: int = 5) -> str | None:
    """One line about the review entries that match no finding of ``report`` (None if none):
    how many, and the first few ids."""
    ids = [r.finding for r in report.stale_reviews]
    if not ids:
        return None
    more = f" and {len(ids) - shown} more" if len(ids) > shown else ""
    return (f"{len(ids)} review entr{'y matches' if len(ids) == 1 else 'ies match'} no finding of this report "
            f"(stale: the finding is gone or its claim changed): {', '.join(ids[:shown])}{more}; "
            "clear with `claimcheck review ID --clear --folder DIR`")


def dismissed(report: Report) -> frozenset[str]:
    """Ids of the report's dismissed findings."""
    return frozenset(r.finding for r in report.reviews if r.status == "dismissed")


def active(report: Report) -> tuple[Finding, ...]:
    """Findings that still count: every finding not dismissed."""
    gone = dismissed(report)
    return tuple(f for f in report.findings if f.id not in gone)


def resolve_ids(wanted: Sequence[str], report: Report | None, *, also: Collection[str] = ()) -> list[str]:
    """Full finding ids for ``wanted``; with a report, each must be a finding of it or a unique
    prefix of one, or exactly one of ``also`` (a stale entry of the review file, to clear).
    Raises ValueError naming every id that does not resolve."""
    out, bad = [], []
    for w in wanted:
        w = w.strip()
        if report is None:
            (out if _ID.match(w) else bad).append(w if _ID.match(w) else f"{w!r} (not a finding id)")
            continue
        if w in also:
            out.append(w)
            continue
        ids = sorted({f.id for f in report.findings})
        if w in ids:
            out.append(w)
            continue
        hits = [i for i in ids if i.startswith(w)] if w else []
        if len(hits) == 1:
            out.append(hits[0])
        elif hits:
            bad.append(f"{w!r} (matches {len(hits)} findings: {', '.join(hits[:5])})")
        else:
            close = difflib.get_close_matches(w, ids, n=1)
            bad.append(f"{w!r} (no such finding in this report{f'; did you mean {close[0]}?' if close else ''})")
    if bad:
        raise ValueError("cannot review " + "; ".join(bad))
    return out


def default_reviewer() -> str:
    """``CLAIMCHECK_REVIEWER``, else the login name."""
    name = os.environ.get("CLAIMCHECK_REVIEWER", "").strip()
    if name:
        return name
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return ""


def now_utc() -> str:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def record(path: str | Path, ids: Sequence[str], *, status: str | None, note: str = "", by: str = "",
           at: str = "", report: Report | None = None) -> dict[str, Entry]:
    """Set (or with ``status=None`` clear) the review of ``ids`` in the file at ``path``, keeping
    every other entry; a note not given keeps the one already there. Returns the new entries.
    The file is validated first: a broken file is reported, never overwritten."""
    path = Path(path)
    entries = read_review(path)
    extra_of: dict[str, tuple[tuple[str, str], ...]] = {}
    if report is not None:
        by_id = {s.id: s for s in report.statements}
        for f in report.findings:
            pub = by_id.get(f.public)
            extra_of[f.id] = tuple((k, v) for k, v in (
                ("level", f.level), ("point", " ".join(f.point.split())[:200]),
                ("public", pub.source.ref() if pub else "")) if v)
    for fid in ids:
        if status is None:
            entries.pop(fid, None)
            continue
        old = entries.get(fid)
        keep_note = old.review.note if old is not None else ""
        entries[fid] = Entry(Review(fid, status, note or keep_note, by, at or now_utc()),
                             extra_of.get(fid, old.extra if old is not None else ()))
    write_atomic(path, dump_review(entries))
    return entries


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` so a reader sees the old file or the new one, never half of one."""
    import tempfile

    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    except OSError as exc:
        raise ConfigError([Problem(str(path), 1, 1, f"cannot write review file: {exc.strerror or exc}")]) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        try:
            mode = path.stat().st_mode & 0o777
        except OSError:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
