"""CSV export: one row per statement, TimelineSetter columns first, then claimcheck's own."""

from __future__ import annotations

import csv
import html
from typing import TextIO

from claimcheck.models import Report
from claimcheck.report._common import date_label, one_line, sanitize, view, who

#: TimelineSetter's columns (date, display_date, description, link, series, html), then ours.
COLUMNS = (
    "date", "display_date", "description", "link", "series", "html", "timestamp",
    "id", "kind", "role", "speaker", "organization", "date_end", "date_precision", "source", "finding_ids",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(text: str) -> str:
    """The one place text enters a cell: sanitized, and a leading formula character is quoted
    with an apostrophe so a spreadsheet shows it instead of evaluating it."""
    text = sanitize(text)
    return "'" + text if text.startswith(_FORMULA_START) else text


def render_csv(report: Report, out: TextIO) -> None:
    """Renderer for ``--format csv`` (RFC 4180 quoting, ``\\n`` line ends, header row)."""
    v = view(report)
    writer = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(COLUMNS)
    for s in v.ordered:
        start = s.date.start.isoformat() if s.date.start else ""
        end = s.date.end.isoformat() if s.date.end and s.date.end != s.date.start else ""
        desc = one_line(s.text)
        row = {
            "date": start,
            "display_date": date_label(s) if s.date.start else "undated",
            "description": desc,
            "link": "",
            "series": s.kind,
            "html": f"<p>{html.escape(sanitize(desc))}</p><p>{html.escape(sanitize(who(s)))} \u2014 "
                    f"{html.escape(sanitize(s.source.ref()))}</p>",
            "timestamp": "",
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
        writer.writerow([cell(row[c]) for c in COLUMNS])
