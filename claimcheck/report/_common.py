"""Helpers shared by the renderers: ordering, lookups, the default timeline selection, sanitizing."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from claimcheck.models import FileRecord, Finding, Report, Review, Statement

LEVEL_RANK = {"contradiction": 0, "tension": 1}

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
    reviews: dict[str, Review]              # finding id -> its review (claimcheck-review.yaml)

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
        rv = {"confirmed": 0, "dismissed": 0}
        for r in self.reviews.values():
            rv[r.status] = rv.get(r.status, 0) + 1
        return {"documents": len(rep.documents), "files": files, "statements": st, "findings": fi, "reviews": rv}

    def status(self, finding_id: str) -> str:
        """``confirmed``, ``dismissed`` or ``unreviewed``."""
        r = self.reviews.get(finding_id)
        return r.status if r is not None else "unreviewed"

    def review_line(self, finding_id: str) -> str:
        """One line for a reviewed finding ("dismissed by Ana, 2026-12-04T16:40:00Z: note"), else ''."""
        r = self.reviews.get(finding_id)
        if r is None:
            return ""
        who_when = ", ".join(x for x in (f"by {r.by}" if r.by else "", r.at) if x)
        return f"{r.status}{' ' + who_when if who_when else ''}{': ' + r.note if r.note else ''}"


def view(report: Report) -> View:
    """Build the lookups for ``report``."""
    statements = {s.id: s for s in report.statements}
    present = {f.id for f in report.findings}  # a filter or baseline may have hidden a reviewed one
    reviews = {r.finding: r for r in report.reviews if r.finding in present}
    # dismissed findings last: what is left to act on comes first
    findings = tuple(sorted(report.findings, key=lambda f: (
        reviews[f.id].status == "dismissed" if f.id in reviews else False, *finding_key(f))))
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
        reviews=reviews,
    )


def who(s: Statement) -> str:
    """Speaker and organization as one label."""
    if s.speaker and s.organization:
        return f"{s.speaker} ({s.organization})"
    return s.speaker or s.organization or "unattributed"


#: Files that belong to the corpus itself (its config, labels, review state): never listed as unread.
CORPUS_FILES = frozenset({"claimcheck.yaml", "claimcheck.yml", "gold.yaml", "claimcheck-review.yaml"})
_CORPUS_REASONS = ("metadata file", "ignored by claimcheck.yaml")


def unread(report: Report) -> tuple[FileRecord, ...]:
    """Files not read, for the reader's attention: skipped or failed, without the corpus's own
    config, labels and the files its claimcheck.yaml says to ignore."""
    return tuple(sorted((f for f in report.files if f.status != "parsed" and not (
        f.status == "skipped" and (f.path.rsplit("/", 1)[-1] in CORPUS_FILES or f.reason in _CORPUS_REASONS))),
        key=lambda f: (f.status, f.path)))
