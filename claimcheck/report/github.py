"""GitHub Actions workflow annotations: ::error for contradictions, ::warning for tensions."""

from __future__ import annotations

import posixpath
from typing import TextIO

from claimcheck.models import Report, Source
from claimcheck.report._common import one_line, sanitize, view, who


def _data(text: str) -> str:
    """Escape a command's message (GitHub's escapeData): %, CR, LF."""
    return sanitize(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(text: str) -> str:
    """Escape a command property value (GitHub's escapeProperty): also ':' and ','."""
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def _file(report: Report, src: Source) -> str:
    """Path as the repository sees it: a single relative scan root is prefixed."""
    if len(report.roots) == 1 and not posixpath.isabs(report.roots[0].replace("\\", "/")):
        root = report.roots[0].replace("\\", "/")
        return posixpath.normpath(posixpath.join(root, src.path))
    return src.path


def render_github(report: Report, out: TextIO) -> None:
    """Renderer for ``--format github``: one annotation per finding, at its public statement."""
    v = view(report)
    for f in v.findings:
        cmd = {"contradiction": "error", "tension": "warning"}.get(f.level, "notice")  # a candidate is for review
        pub = v.statements.get(f.public)
        props = []
        if pub is not None:
            props += [f"file={_prop(_file(report, pub.source))}", f"line={int(pub.source.line)}"]
        props.append(f"title={_prop(f'claimcheck {f.level} {f.id}: {one_line(f.point, 120)}')}")
        lines = [one_line(f.explanation)]
        if pub is not None:
            lines.append(f"public: \u201c{one_line(pub.text, 300)}\u201d \u2014 {who(pub)}, "
                         f"{pub.date.iso() or 'undated'}, {pub.source.ref()}")
        for sid in f.internal:
            s = v.statements.get(sid)
            if s is not None:
                lines.append(f"internal: \u201c{one_line(s.text, 300)}\u201d \u2014 {who(s)}, "
                             f"{s.date.iso() or 'undated'}, {s.source.ref()}")
        lines += [f"{r.effect}: {one_line(r.text)}" for r in f.reasons]
        out.write(f"::{cmd} {','.join(props)}::{_data(chr(10).join(lines))}\n")
    c = v.counts()["findings"]
    out.write(f"::notice title=claimcheck::{c['contradiction']} contradiction(s), {c['tension']} tension(s)\n")
