"""CSV export: one row per finding and per statement (``rows``), TimelineSetter columns first, then
claimcheck's own; files that could not be read follow as rows of their own."""

from __future__ import annotations

import csv
import datetime as dt
import html
import posixpath
from pathlib import PurePosixPath
from typing import TextIO
from urllib.parse import quote

from claimcheck.models import Finding, Report, Source, Statement
from claimcheck.report._common import View, date_label, one_line, sanitize, unread, view, who

#: TimelineSetter's columns (date, display_date, description, link, series, html), then ours.
COLUMNS = (
    "date", "display_date", "description", "link", "series", "html", "timestamp",
    "row", "id", "kind", "role", "speaker", "organization", "date_end", "date_precision", "source", "finding_ids",
    "level", "type", "score", "statement_ids", "review_status", "review_note", "reviewed_by",
)
ROWS = ("all", "findings", "statements")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(text: str) -> str:
    """The one place text enters a cell: sanitized, and a leading formula character is quoted
    with an apostrophe so a spreadsheet shows it instead of evaluating it."""
    text = sanitize(text)
    return "'" + text if text.startswith(_FORMULA_START) else text


def link(report: Report, src: Source) -> str:
    """A link to the cited file: with one scanned root, a relative URL from where the scan ran
    (or a ``file:`` URL for an absolute root); else the path within the scan. A PDF page adds
    ``#page=N``."""
    path = src.path
    page = f"#page={src.page}" if src.page is not None else ""
    if len(report.roots) == 1:
        root = report.roots[0].replace("\\", "/")
        single = root.lower().endswith("/" + path.lower()) or root.lower() == path.lower()  # one scanned file
        full = root if single else posixpath.join(root, path)
        if posixpath.isabs(full):
            return PurePosixPath(posixpath.normpath(full)).as_uri() + page
        path = posixpath.normpath(full)
    return quote(path) + page


def timestamp(d: dt.date | None) -> str:
    """Unix seconds at 00:00 UTC of ``d`` (TimelineSetter's timestamp), or ''."""
    if d is None:
        return ""
    return str(int(dt.datetime(d.year, d.month, d.day, tzinfo=dt.timezone.utc).timestamp()))


def _statement_row(report: Report, v: View, s: Statement) -> dict[str, str]:
    start = s.date.start.isoformat() if s.date.start else ""
    end = s.date.end.isoformat() if s.date.end and s.date.end != s.date.start else ""
    desc = one_line(s.text)
    return {
        "date": start,
        "display_date": date_label(s) if s.date.start else "undated",
        "description": desc,
        "link": link(report, s.source),
        "series": s.kind,
        "html": f"<p>{html.escape(sanitize(desc))}</p><p>{html.escape(sanitize(who(s)))} \u2014 "
                f"{html.escape(sanitize(s.source.ref()))}</p>",
        "timestamp": timestamp(s.date.start),
        "row": "statement",
        "id": s.id,
        "kind": s.kind,
        "role": s.role,
        "speaker": s.speaker,
        "organization": s.organization,
        "date_end": end,
        "date_precision": s.date.precision,
        "source": s.source.ref(),
        "finding_ids": " ".join(v.flags.get(s.id, ())),
    }


def _finding_row(report: Report, v: View, f: Finding) -> dict[str, str]:
    pub = v.statements.get(f.public)
    review = v.reviews.get(f.id)
    row = _statement_row(report, v, pub) if pub is not None else {}
    quotes = "".join(f"<p>{html.escape(sanitize(one_line(s.text)))} \u2014 {html.escape(sanitize(s.source.ref()))}</p>"
                      for s in (v.statements.get(i) for i in (f.public, *f.internal)) if s is not None)
    row.update({
        "description": one_line(f.point),
        "series": f"finding: {f.level}",
        "html": f"<p><strong>{html.escape(sanitize(f.level))}</strong>: {html.escape(sanitize(one_line(f.point)))}</p>{quotes}",
        "row": "finding",
        "id": f.id,
        "kind": "",
        "role": "",
        "speaker": pub.speaker if pub is not None else "",
        "organization": f.organization,
        "finding_ids": f.id,
        "level": f.level,
        "type": f.type,
        "score": f"{f.score:.2f}",
        "statement_ids": " ".join((f.public, *f.internal)),
        "review_status": review.status if review else "",
        "review_note": one_line(review.note) if review else "",
        "reviewed_by": review.by if review else "",
    })
    return row


def render_csv(report: Report, out: TextIO, *, rows: str = "all") -> None:
    """Renderer for ``--format csv`` (RFC 4180 quoting, ``\\n`` line ends, header row): with
    ``rows="all"`` the findings, then the statements, then each file not read; ``findings`` or
    ``statements`` only those rows."""
    if rows not in ROWS:
        raise ValueError(f"rows must be one of {', '.join(ROWS)}; got {rows!r}")
    v = view(report)
    writer = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(COLUMNS)
    records: list[dict[str, str]] = []
    if rows in ("all", "findings"):
        records += [_finding_row(report, v, f) for f in v.findings]
    if rows in ("all", "statements"):
        records += [_statement_row(report, v, s) for s in v.ordered]
    if rows == "all":
        records += [{"description": one_line(f.reason) or f.status, "row": "file", "source": f.path,
                     "link": link(report, Source(f.path, 1, 0, 0)), "series": f"file: {f.status}",
                     "review_status": "", "kind": f.status} for f in unread(report)]
    for row in records:
        writer.writerow([cell(row.get(c, "")) for c in COLUMNS])
