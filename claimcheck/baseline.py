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


def baseline_text(report: Report) -> str:
    """The baseline document as text (deterministic JSON, trailing newline; safe to print:
    controls and workflow commands from input escaped)."""
    from claimcheck.report._common import guard_output

    return guard_output(json.dumps(baseline_dict(report), sort_keys=True, indent=2, ensure_ascii=False) + "\n", "json-text")


def write_baseline(report: Report, path: str | Path) -> None:
    """Write the report's findings as reviewed (UTF-8, see :func:`baseline_text`)."""
    Path(path).write_text(baseline_text(report), encoding="utf-8")


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
