"""Narrow a Report for display: by date window, entity, topic, finding level, aligned statements."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable

from claimcheck.models import Finding, Report, Statement


def _as_date(value: dt.date | str | None, *, end: bool) -> dt.date | None:
    """Accept a date or ISO text at any precision: 2020, 2020-06, 2020-06-11."""
    if value is None or isinstance(value, dt.date):
        return value
    parts = [int(p) for p in str(value).strip().split("-")]
    if not 1 <= len(parts) <= 3:
        raise ValueError(f"not an ISO date: {value!r} (use YYYY, YYYY-MM or YYYY-MM-DD)")
    y, m, d = (parts + [0, 0])[:3]
    if len(parts) == 3:
        return dt.date(y, m, d)
    if len(parts) == 2:
        if not end:
            return dt.date(y, m, 1)
        return dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1)
    return dt.date(y, 12, 31) if end else dt.date(y, 1, 1)


def _terms(value: str | Iterable[str] | None) -> tuple[str, ...]:
    if value is None:
        return ()
    items = value.split(",") if isinstance(value, str) else list(value)
    return tuple(t.strip().casefold() for t in items if t and t.strip())


def _hit(terms: tuple[str, ...], names: Iterable[str]) -> bool:
    names = [n.casefold() for n in names if n]
    return any(t in n for t in terms for n in names)


def filter_report(
    report: Report,
    *,
    since: dt.date | str | None = None,
    until: dt.date | str | None = None,
    entity: str | Iterable[str] | None = None,
    topic: str | Iterable[str] | None = None,
    level: str | Iterable[str] | None = None,
    aligned_only: bool = False,
) -> Report:
    """Return a Report holding only what matches every given filter.

    - ``since``/``until`` (date or ISO text, inclusive): a statement is kept when its date range
      overlaps the window; undated statements are dropped when a window is given.
    - ``entity``/``topic`` (case-insensitive substring; a comma-separated string or a list means
      any of them): an entity matches the statement's entities, organization or speaker; a topic
      matches its topics.
    - ``level``: findings of exactly these levels (``contradiction``, ``tension``, ``candidate``).
    - ``aligned_only``: statements in ``report.aligned`` or referenced by a finding.

    A finding is kept when its level matches and at least one of its statements matches (its own
    organization/topic count for entity/topic). The statements a kept finding cites are always
    kept so both quotes can be shown. Files, documents and errors are never filtered.
    """
    lo, hi = _as_date(since, end=False), _as_date(until, end=True)
    ents, tops, levels = _terms(entity), _terms(topic), _terms(level)

    def matches(s: Statement, f: Finding | None = None) -> bool:
        if lo or hi:
            if s.date.start is None:
                return False
            if lo and (s.date.end or s.date.start) < lo:
                return False
            if hi and s.date.start > hi:
                return False
        if ents and not _hit(ents, (*s.entities, s.organization, s.speaker, f.organization if f else "")):
            return False
        if tops and not _hit(tops, (*s.topics, f.topic if f else "")):
            return False
        return True

    by_id = {s.id: s for s in report.statements}
    findings = []
    for f in report.findings:
        if levels and f.level.casefold() not in levels:
            continue
        cited = [by_id[i] for i in (f.public, *f.internal) if i in by_id]
        if any(matches(s, f) for s in cited):
            findings.append(f)
    cited_ids = {i for f in findings for i in (f.public, *f.internal)}
    flagged = {i for f in report.findings for i in (f.public, *f.internal)}
    aligned = set(report.aligned) | flagged
    statements = tuple(
        s for s in report.statements
        if s.id in cited_ids or (matches(s) and (not aligned_only or s.id in aligned))
    )
    kept = {s.id for s in statements}
    return dataclasses.replace(
        report,
        statements=statements,
        findings=tuple(findings),
        aligned=tuple(i for i in report.aligned if i in kept),
    )
