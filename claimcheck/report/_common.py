"""Helpers shared by the renderers: ordering, lookups, the default timeline selection, sanitizing."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from claimcheck.models import Finding, Report, Statement

LEVEL_RANK = {"contradiction": 0, "tension": 1, "candidate": 2}

# ESC-introduced sequences: CSI (ESC [ ... final), OSC / DCS / SOS / PM / APC strings (ended by BEL
# or ESC \), then any other two-byte ESC sequence. C1 forms (0x9b CSI, 0x9d OSC ...) too.
_ESC_SEQ = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]?"
    r"|\x1b[\]PX^_][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x9b[0-?]*[ -/]*[@-~]?"
    r"|[\x9d\x90\x98\x9e\x9f][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[ -/]*[0-~]?"
)
# Remaining C0 controls except \t and \n, DEL, C1 controls, and bidi overrides/isolates that can
# make a line display differently from what it contains.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def sanitize(text: str) -> str:
    """Remove terminal escape/control sequences (keeps \\n and \\t; \\r becomes \\n)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ESC_SEQ.sub("", text)
    return _CONTROL.sub("", text)


def one_line(text: str, limit: int | None = None) -> str:
    """Collapse all whitespace to single spaces; cut to ``limit`` characters with an ellipsis."""
    text = " ".join(text.split())
    if limit is not None and len(text) > limit:
        text = text[: max(1, limit - 1)].rstrip() + "\u2026"
    return text


def statement_key(s: Statement) -> tuple:
    """Order by date (undated last), then the end of the date, then id."""
    if s.date.start is None:
        return (1, dt.date.max, dt.date.max, s.id)
    return (0, s.date.start, s.date.end or s.date.start, s.id)


def finding_key(f: Finding) -> tuple:
    """Contradictions first, then higher score, then id."""
    return (LEVEL_RANK.get(f.level, 9), -f.score, f.id)


def date_label(s: Statement) -> str:
    """The statement's date at its precision (2020-06-11, 2020-06, 2017-09-01/2018-12-31), or 'undated'."""
    return s.date.iso() or "undated"


@dataclass(frozen=True)
class View:
    """A report with lookups the renderers need, computed once."""

    report: Report
    statements: dict[str, Statement]
    ordered: tuple[Statement, ...]          # every statement, date order
    findings: tuple[Finding, ...]           # finding order
    flags: dict[str, tuple[str, ...]]       # statement id -> finding ids referencing it
    aligned: frozenset[str]                 # aligned ids plus everything a finding references

    def shown(self, show_all: bool) -> tuple[Statement, ...]:
        """The default timeline: statements aligned across sides (or flagged); all with show_all."""
        if show_all:
            return self.ordered
        return tuple(s for s in self.ordered if s.id in self.aligned)

    def counts(self) -> dict[str, dict[str, int] | int]:
        rep = self.report
        files = {"parsed": 0, "skipped": 0, "failed": 0}
        for f in rep.files:
            files[f.status] = files.get(f.status, 0) + 1
        st = {"public": 0, "internal": 0}
        for s in rep.statements:
            st[s.kind] = st.get(s.kind, 0) + 1
        fi = {"contradiction": 0, "tension": 0}
        for f in rep.findings:
            fi[f.level] = fi.get(f.level, 0) + 1
        return {"documents": len(rep.documents), "files": files, "statements": st, "findings": fi}


def view(report: Report) -> View:
    """Build the lookups for ``report``."""
    statements = {s.id: s for s in report.statements}
    findings = tuple(sorted(report.findings, key=finding_key))
    flags: dict[str, list[str]] = {}
    for f in findings:
        for sid in (f.public, *f.internal):
            ids = flags.setdefault(sid, [])
            if f.id not in ids:
                ids.append(f.id)
    aligned = frozenset(report.aligned) | frozenset(flags)
    return View(
        report=report,
        statements=statements,
        ordered=tuple(sorted(report.statements, key=statement_key)),
        findings=findings,
        flags={k: tuple(v) for k, v in flags.items()},
        aligned=aligned,
    )


def who(s: Statement) -> str:
    """Speaker and organization as one label."""
    if s.speaker and s.organization:
        return f"{s.speaker} ({s.organization})"
    return s.speaker or s.organization or "unattributed"
