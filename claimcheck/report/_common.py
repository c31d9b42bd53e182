"""Helpers shared by the renderers: ordering, lookups, the default timeline selection, sanitizing."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Sequence

from claimcheck.models import FileRecord, Finding, Report, Review, Statement

LEVEL_RANK = {"contradiction": 0, "tension": 1, "candidate": 2}

# Every C0 control but \t and \n, DEL, every C1 control (0x9b CSI, 0x9d OSC ...), and the bidi
# overrides/isolates that can make a line display differently from what it contains.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# Workflow commands a CI log would obey if input formed them: "##[name]" anywhere in a line
# (the runner's legacy syntax), "::name" at the start of a line (after blanks). A "::" after a
# blank is defanged too, since a renderer may wrap the line there.
_LEGACY_COMMAND = re.compile(r"##\[")
_COMMAND = re.compile(r"(?:^|(?<=\s))::(?=[A-Za-z_-])", re.M)


def _show(match: re.Match[str]) -> str:
    ch = match.group()
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def sanitize(text: str) -> str:
    """Input-derived text made safe for a terminal or a CI log: control characters and escape
    sequences shown escaped (ESC [2J becomes the six characters ``\\x1b[2J``; \\r becomes a line
    break, vertical tab and form feed spaces; \\n and \\t kept), and workflow commands formed by
    the text defanged (``##[`` becomes ``##\\[`` and a line-leading ``::name`` becomes ``\\::name``)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x0b", " ").replace("\x0c", " ")
    text = _CONTROL.sub(_show, text)
    text = _LEGACY_COMMAND.sub("##\\\\[", text)
    return _COMMAND.sub("\\\\::", text)


def safe_message(text: object) -> str:
    """A message for stderr (errors, warnings) made safe like :func:`sanitize`, line breaks kept."""
    return sanitize(str(text))


# What may stay of an escape sequence in coloured terminal output: rich's own SGR styles.
_SGR = re.compile(r"\x1b\[[0-9;]*m")
_SCRIPT = re.compile(r"(<script\b[^>]*>.*?</script>)", re.S)


def guard_output(text: str, fmt: str, *, color: bool = False) -> str:
    """The last step of every rendered report, whatever the renderer did: no control character
    (beyond \\t and \\n, and in coloured terminal output rich's SGR styles) and no workflow
    command that input formed. Each format escapes in its own syntax, so the text it holds is
    unchanged for its readers: JSON and TimelineJS write ``#`` as ``\\u0023`` (and controls as
    ``\\u`` escapes), HTML as ``&#35;`` (``\\u0023`` inside its JSON script); the others as
    :func:`sanitize` does. A line that would
    begin with ``::`` gets a backslash in front (never in the ``github`` format, whose own lines
    are the commands and whose messages cannot start a line)."""
    if fmt in ("json", "timelinejs", "json-text"):       # "json-text": any other JSON document
        # the JSON writer (jsonout.dumps) escapes every control character itself; this pass
        # stays a substring search on a large report (a watch rewrites it after every scan)
        if fmt != "json":
            text = _CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
        return _LEGACY_COMMAND.sub("\\\\u0023#[", text) if "##[" in text else text
    if fmt == "html":
        parts = _SCRIPT.split(text)
        for n, part in enumerate(parts):
            if n % 2:
                parts[n] = _LEGACY_COMMAND.sub("\\\\u0023#[", _CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", part))
            else:
                parts[n] = _LEGACY_COMMAND.sub("&#35;#[", _CONTROL.sub(_show, part))
        text = "".join(parts)
    elif color and fmt == "terminal":
        pieces = _SGR.split(text)
        styles = _SGR.findall(text)
        out = [_CONTROL.sub(_show, pieces[0])]
        for style, piece in zip(styles, pieces[1:]):
            out.append(style)
            out.append(_CONTROL.sub(_show, piece))
        text = _LEGACY_COMMAND.sub("##\\\\[", "".join(out))
    else:
        text = _LEGACY_COMMAND.sub("##\\\\[", _CONTROL.sub(_show, text.replace("\r", "\n")))
    if fmt == "github":
        return text
    return _LINE_COMMAND.sub(r"\1\\\\::", text)


_LINE_COMMAND = re.compile(r"^([ \t]*)::", re.M)


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
    short_ids: dict[str, str] = field(default_factory=dict)  # statement id -> short_ids()

    def short(self, sid: str) -> str:
        """A statement's id as the timeline shows it: a prefix ``claimcheck explain`` accepts."""
        return self.short_ids.get(sid, sid)

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


SHORT_ID = 9  # "s" and 8 hex digits: a statement id's shortest shown prefix


def short_ids(ids: Sequence[str], least: int = SHORT_ID) -> dict[str, str]:
    """Each id's shortest prefix of at least ``least`` characters that no other id of ``ids``
    starts with (``claimcheck explain`` takes a unique prefix of a report's statement id)."""
    order = sorted(set(ids))
    out = {}
    for n, i in enumerate(order):
        need = least
        for other in (order[n - 1] if n else "", order[n + 1] if n + 1 < len(order) else ""):
            common = 0
            while common < min(len(i), len(other)) and i[common] == other[common]:
                common += 1
            need = max(need, common + 1)
        out[i] = i[:need]
    return out


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
        short_ids=short_ids([s.id for s in report.statements]),
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
