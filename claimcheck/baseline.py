"""Baselines for CI: record reviewed finding ids, then report only findings that are new."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from claimcheck.errors import ConfigError, Problem
from claimcheck.models import Report

BASELINE_FORMAT = "claimcheck-baseline"
BASELINE_VERSION = 1


def baseline_dict(report: Report) -> dict:
    """The baseline document: every finding id with a short summary, sorted by id."""
    by_id = {s.id: s for s in report.statements}
    entries = []
    for f in sorted(report.findings, key=lambda f: f.id):
        pub = by_id.get(f.public)
        entries.append({
            "id": f.id,
            "level": f.level,
            "type": f.type,
            "point": f.point,
            "public": pub.source.ref() if pub else f.public,
        })
    return {"format": BASELINE_FORMAT, "version": BASELINE_VERSION, "findings": entries}


def baseline_text(report: Report, data: dict | None = None) -> str:
    """The baseline document as text (deterministic JSON, trailing newline; safe to print:
    controls and workflow commands from input escaped)."""
    from claimcheck.report._common import guard_output

    value = data if data is not None else baseline_dict(report)
    return guard_output(json.dumps(value, sort_keys=True, indent=2, ensure_ascii=False) + "\n", "json-text")


def merged_baseline(report: Report, existing: str | Path | None) -> tuple[str, int, int]:
    """The baseline text for ``report``, merged into the baseline at ``existing`` when there is
    one: never silently overwritten, its entries are kept and the report's new ones added. The
    existing file is validated first (a broken one is reported, not replaced). Returns (text,
    entries added, entries kept from the old file)."""
    data = baseline_dict(report)
    kept = 0
    added = len(data["findings"])
    if existing is not None and Path(existing).exists():
        old = _entries(existing)
        new_ids = {e["id"] for e in data["findings"]}
        carried = [e for fid, e in old.items() if fid not in new_ids]
        kept = len(old)
        data["findings"] = sorted(data["findings"] + carried, key=lambda e: e["id"])
        added = len(new_ids - set(old))
    return baseline_text(report, data), added, kept


def write_baseline(report: Report, path: str | Path, *, replace: bool = False) -> tuple[int, int]:
    """Write the report's findings as reviewed, merged into an existing baseline at ``path``
    unless ``replace``; returns (entries added, entries kept)."""
    text, added, kept = merged_baseline(report, None if replace else path)
    Path(path).write_text(text, encoding="utf-8")
    return added, kept


def _entries(path: str | Path) -> dict[str, dict]:
    """The entries of an existing baseline by id (a bare id becomes ``{"id": id}``)."""
    load_baseline(path)  # validates: a broken file is reported, not overwritten
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    out: dict[str, dict] = {}
    for entry in data["findings"]:
        if isinstance(entry, dict):
            out[entry["id"]] = {k: v for k, v in entry.items() if k in ("id", "level", "type", "point", "public")}
        else:
            out[entry] = {"id": entry}
    return out


def load_baseline(path: str | Path) -> set[str]:
    """Read the finding ids from a baseline file.

    Also accepts a saved JSON report (its findings count as reviewed). Raises ConfigError
    (``path:line:col: message``) for a file that cannot be read or is not a baseline."""
    p = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError([Problem(p, 1, 1, f"cannot read baseline: {exc}")]) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ConfigError([Problem(p, exc.lineno, exc.colno, f"baseline is not valid JSON: {exc.msg}")]) from None
    except RecursionError:
        raise ConfigError([Problem(p, 1, 1, "baseline nested too deeply")]) from None
    findings = data.get("findings") if isinstance(data, dict) else None
    if not isinstance(findings, list):
        raise ConfigError([Problem(p, 1, 1, "not a claimcheck baseline (no 'findings' list)")])
    ids: set[str] = set()
    for n, entry in enumerate(findings):
        fid = entry.get("id") if isinstance(entry, dict) else entry
        if not isinstance(fid, str) or not fid:
            raise ConfigError([Problem(p, 1, 1, f"findings[{n}]: expected an object with a string 'id'")])
        ids.add(fid)
    return ids


def apply_baseline(report: Report, ids: set[str] | frozenset[str]) -> Report:
    """Keep only findings whose id is not in ``ids``; adds a warning counting the ones hidden."""
    new = tuple(f for f in report.findings if f.id not in ids)
    hidden = len(report.findings) - len(new)
    warnings = report.warnings
    if hidden:
        warnings = (*warnings, f"{hidden} known finding{'s' * (hidden != 1)} hidden by the baseline")
    return dataclasses.replace(report, findings=new, warnings=warnings)
