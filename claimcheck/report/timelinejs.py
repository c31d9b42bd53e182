"""TimelineJS3 JSON export: one event per dated statement, at its date precision, grouped by side
(public, internal) with third parties (a critic, a regulator quoted in the news) in a group of their own."""

from __future__ import annotations

import datetime as dt
import html
import json
from typing import Any, TextIO

from claimcheck.models import Report, Statement
from claimcheck.report._common import date_label, one_line, sanitize, unread, view, who


def _h(text: str) -> str:
    """The one place text enters the export: TimelineJS renders headline/text as HTML, so escape."""
    return html.escape(sanitize(text), quote=True)


def _date(d: dt.date, precision: str) -> dict[str, int]:
    if precision == "year":
        return {"year": d.year}
    if precision in ("month", "quarter"):
        return {"year": d.year, "month": d.month}
    return {"year": d.year, "month": d.month, "day": d.day}


def group(s: Statement) -> str:
    """The TimelineJS group: ``public``, ``internal``, or ``third party`` for words the tool keeps
    as context and never tests as the organization's claim."""
    return "third party" if s.role == "third-party" else s.kind


def _event(s: Statement, flags: tuple[str, ...], v: Any = None) -> dict[str, Any]:
    assert s.date.start is not None
    p = s.date.precision
    mark = "Third party: " if s.role == "third-party" else ""
    event: dict[str, Any] = {
        "start_date": _date(s.date.start, p),
        "display_date": date_label(s),
        "group": group(s),
        "unique_id": s.id,
        "text": {
            "headline": _h(one_line(f"{mark}{who(s)}", 120)),
            "text": f"<p>{_h(one_line(s.text))}</p><p><small>{_h(s.source.ref())}"
                    + (f" \u2014 findings: {_h(' '.join(flags))}" if flags else "") + "</small></p>"
                    + "".join(f"<p><small>{_h(fid)} review: {_h(one_line(v.review_line(fid)))}</small></p>"
                              for fid in flags if v is not None and v.status(fid) != "unreviewed"),
        },
    }
    end = s.date.end
    ranged = p in ("range", "quarter") or (p == "unknown" and end and end != s.date.start)
    if end and ranged:
        event["end_date"] = _date(end, "month" if p == "quarter" else "day")
    return event


def timelinejs_dict(report: Report, *, title: str = "claimcheck timeline") -> dict[str, Any]:
    """The TimelineJS3 document; undated statements are left out (TimelineJS needs a date)."""
    v = view(report)
    dated = [s for s in v.ordered if s.date.start is not None]
    undated = len(v.ordered) - len(dated)
    c = v.counts()
    summary = (f"{c['statements']['public']} public and {c['statements']['internal']} internal statements; "
               f"{c['findings']['contradiction']} contradictions, {c['findings']['tension']} tensions")
    if undated:
        summary += f"; {undated} undated statements not shown"
    failed = [f for f in unread(report) if f.status == "failed"]
    if failed:
        summary += "; files not read: " + ", ".join(f"{f.path} ({one_line(f.reason, 80) or 'failed'})" for f in failed)
    return {
        "title": {"text": {"headline": _h(title), "text": f"<p>{_h(summary)}</p>"}},
        "events": [_event(s, v.flags.get(s.id, ()), v) for s in dated],
    }


def render_timelinejs(report: Report, out: TextIO) -> None:
    """Renderer for ``--format timelinejs`` (deterministic JSON)."""
    out.write(json.dumps(timelinejs_dict(report), sort_keys=True, indent=2, ensure_ascii=False) + "\n")
