"""``claimcheck explain``: say what the tool did with a file, a line, or a pair of statements, and why.

For a file (or ``file:line``): each document's kind, date and author and where each came from,
the statements read from it and, when the reader can say so (``claimcheck.extract.explain_batch``),
each sentence kept or left out with the reason. For two statements of a saved report: both sides,
the finding that joins them if any, whether alignment paired them (and if not, which of its
conditions failed), the shared matter, each side's stance, the rule outcome and the reasons, as
the scan judged them (``claimcheck.detect.judge_pair`` with alignment's own terms and score).
What the installed claimcheck cannot explain yet is listed under ``missing``, never left out
silently.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Any, Sequence, TextIO

from claimcheck.models import Document, Report, Statement, to_jsonable
from claimcheck.report._common import one_line, sanitize

EMAIL_EXTS = {".eml", ".mbox", ".msg"}
CHAT_EXTS = {".jsonl", ".ndjson"}


def front_matter(path: str) -> dict[str, Any]:
    """The YAML front matter of a text file (``---`` ... ``---`` at the top), or {}."""
    import yaml

    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            head = fh.read(16384)
    except OSError:
        return {}
    m = re.match(r"\ufeff?---[ \t]*\n(.*?)\n---[ \t]*\n", head, re.S)
    if not m:
        return {}
    try:
        data = yaml.safe_load(m.group(1))
    except yaml.YAMLError:
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def _kind_source(doc: Document, meta: dict[str, Any], sidecar: bool, ext: str,
                 front: dict[str, Any] | None = None) -> str:
    from claimcheck.ingest.base import guess_kind
    from claimcheck.ingest.text import form_kind, record_form

    if doc.quoted:
        return "the quoted message's own headers"
    if meta.get("kind") == doc.kind:
        return "sidecar FILE.meta.yaml" if sidecar else "claimcheck.yaml documents:"
    if front and front.get("kind") == doc.kind:
        return "the file's front matter"
    if ext in EMAIL_EXTS:
        return "the e-mail reader (an e-mail is internal)"
    if doc.kind == "chat":
        return "the chat reader"
    if doc.text and guess_kind(doc.text, doc.title) == doc.kind:
        return "a guess from the text and title (no sidecar, front matter or claimcheck.yaml kind)"
    if doc.text and form_kind(doc.text) == doc.kind:
        return "the head of its form (field lines, 'Submitted to:', an own publication's genre)"
    if doc.text and doc.kind == "internal-report" and record_form(doc.text) == doc.kind:
        return "the head of an internal record (a record's title or header labels)"
    if doc.text and doc.kind in ("internal-report", "post"):
        return "the file's reader (its folder or name, when nothing in its text says its kind)"
    return "the file's reader"


_DATE_SOURCES = {
    "header": "the Date: header", "meta": "the page's or file's metadata", "front-matter": "front matter",
    "sidecar": "sidecar FILE.meta.yaml or claimcheck.yaml", "config": "claimcheck.yaml", "cli": "--date",
    "dateline": "the dateline at the top of the text", "text": "a date in the text", "undated": "nowhere: undated",
}


def _author_source(doc: Document, meta: dict[str, Any], sidecar: bool, ext: str,
                   front: dict[str, Any] | None = None) -> str:
    if not doc.author:
        return ""
    if meta.get("author") == doc.author:
        return "sidecar FILE.meta.yaml" if sidecar else "claimcheck.yaml documents:"
    if front and front.get("author") == doc.author:
        return "the file's front matter"
    if ext in EMAIL_EXTS:
        return "the From: header"
    if ext in {".html", ".htm", ".xhtml"}:
        return "the page's author metadata"
    return "the file's reader"


def document_record(doc: Document, meta: dict[str, Any], sidecar: bool, ext: str,
                    front: dict[str, Any] | None = None) -> dict[str, Any]:
    """What the reader decided about one document, each value with where it came from."""
    return {
        "path": doc.path, "part": doc.part, "id": doc.id,
        "kind": doc.kind, "kind_source": _kind_source(doc, meta, sidecar, ext, front),
        "date": doc.date.iso(), "date_precision": doc.date.precision,
        "date_source": doc.date.source, "date_source_text": _DATE_SOURCES.get(doc.date.source, doc.date.source),
        "date_text": doc.date.text,
        "author": doc.author, "author_source": _author_source(doc, meta, sidecar, ext, front),
        "organization": doc.organization, "title": doc.title, "focus": doc.focus,
    }


def _statement_record(s: Statement) -> dict[str, Any]:
    return {
        "id": s.id, "ref": s.source.ref(), "line": s.source.line, "kind": s.kind, "role": s.role,
        "speaker": s.speaker, "organization": s.organization, "date": s.date.iso(),
        "date_source": s.date.source, "modality": s.frame.modality, "polarity": s.frame.polarity,
        "text": s.text,
    }


def explain_file(path: str, line: int | None, *, report: Report, documents: Sequence[Document],
                 meta: dict[str, Any], sidecar: bool, notes: list[tuple[Any, ...]] | None) -> dict[str, Any]:
    """The explanation of one file (``documents`` with their text, as ingest read them; ``report``
    the scan of that file; ``notes`` what explain_batch said per document, or None)."""
    ext = Path(path).suffix.lower()
    front = front_matter(path) if ext in (".md", ".markdown", ".txt") else {}
    docs = []
    for n, doc in enumerate(documents):
        stmts = [s for s in report.statements if s.document == doc.id]
        sentences = None
        if notes is not None:
            sentences = [to_jsonable(x) for x in notes[n]]
        if line is not None:
            stmts = [s for s in stmts if _covers(doc, s.source.start, s.source.end, line)]
            if sentences is not None:
                sentences = [x for x in sentences if _covers(doc, x.get("start", 0), x.get("end", 0), line)
                             or x.get("line") == line]
        rec = document_record(doc, meta, sidecar, ext, front)
        rec["statements"] = [_statement_record(s) for s in stmts]
        rec["sentences"] = sentences
        docs.append(rec)
    files = [{"path": f.path, "status": f.status, "reason": f.reason} for f in report.files]
    line_text = _line_text(path, line) if line is not None else None
    missing = [] if notes is not None else [
        "sentence by sentence, kept or left out and why: needs claimcheck.extract.explain_batch, "
        "not in this claimcheck yet"]
    return {"target": path, "line": line, "line_text": line_text, "files": files, "documents": docs,
            "missing": missing}


def line_count(path: str, documents: Sequence[Document]) -> int:
    """How many lines ``FILE:LINE`` can name: a text file's own lines (a last line without a
    newline counts), for a binary format (PDF, DOCX, MSG) the highest line its documents reach."""
    if Path(path).suffix.lower() not in _BINARY:
        try:
            data = Path(path).read_bytes()
        except OSError:
            data = b"\0"
        if b"\0" not in data[:8192]:
            return data.count(b"\n") + (1 if data and not data.endswith(b"\n") else 0)
    last = 0
    for doc in documents:
        ends = [len(doc.text) - 1] + [p - 1 for p in doc.page_starts if p > 0]
        last = max([last, *(doc.locate(max(e, 0))[0] for e in ends)])
    return last


_BINARY = (".pdf", ".docx", ".msg")


def _line_text(path: str, line: int) -> str | None:
    """The file's own line ``line`` when the file is text (None for a binary format)."""
    try:
        data = Path(path).read_bytes()
    except OSError:
        return None
    if b"\0" in data[:8192] or Path(path).suffix.lower() in _BINARY:
        return None
    lines = data.decode("utf-8", "replace").replace("\r\n", "\n").split("\n")
    return lines[line - 1] if 0 < line <= len(lines) else None


def _covers(doc: Document, start: int, end: int, line: int) -> bool:
    first, _ = doc.locate(start)
    last, _ = doc.locate(max(start, end - 1))
    return first <= line <= last


def report_pairs(report: Report, rules: Any) -> dict[tuple[str, str], Any]:
    """Alignment over a saved report's statements, as the scan aligned them (the corpus step's
    statements, the same rules), with every proposed pair kept whatever its score: (public id,
    internal id) -> :class:`claimcheck.align.Pair`. A pair scoring below the rules' lowest
    ``min_topic`` was not kept by the scan."""
    from claimcheck.align import align

    alignment = align(report.statements, min_topic=0.0, noun_families=rules.noun_family_of())
    return {(pr.public, pr.internal): pr for pr in alignment.pairs}


def explain_pair(report: Report, a: str, b: str, *, rules: Any,
                 pairs: dict[tuple[str, str], Any] | None = None) -> dict[str, Any]:
    """Two statements of ``report``: both sides, the finding that joins them, and the comparison
    as the scan made it: paired by alignment or not (and which condition failed), the shared
    matter, each side's stance, the rule outcome and its reasons (:func:`claimcheck.detect.judge_pair`
    with alignment's shared terms and score). ``pairs``: :func:`report_pairs`, when the caller has it."""
    from claimcheck.align import unpaired_reason
    from claimcheck.detect import align_min_topic, judge_pair

    by_id = {s.id: s for s in report.statements}
    sa, sb = by_id[a], by_id[b]
    public, internal = (sa, sb) if sa.kind == "public" or sb.kind != "public" else (sb, sa)
    joined = [f for f in report.findings if f.public == public.id and internal.id in f.internal]
    reviews = {r.finding: r for r in report.reviews}
    if pairs is None:
        pairs = report_pairs(report, rules)
    min_topic = align_min_topic(rules)
    publics = [s for s in report.statements
               if s.kind == "public" and s.role == "claim" and s.organization == public.organization]

    def judged(p: Statement) -> tuple[str, Any, Any]:
        """(why not paired or "", alignment's pair, the judgement) of ``p`` against ``internal``."""
        pair = pairs.get((p.id, internal.id))
        why = unpaired_reason(p, internal)
        if not why and pair is None:
            why = "no shared matter: they share no key term, object word or counted unit"
        elif not why and pair.score < min_topic:
            why = (f"too little shared matter: topic score {pair.score:.3f} is below {min_topic:.2f}"
                   + (f" (shared: {', '.join(pair.shared)})" if pair.shared else ""))
        j = judge_pair(p, internal, rules, shared=pair.shared if pair else (), paired=not why,
                       score=pair.score if pair else 0.0, publics=publics)
        return why, pair, (replace(j, why=why) if why else j)

    why_not, pair, judgement = judged(public)
    via = public
    if joined:
        # a finding on a quote cites the quote's first sentence for all of them (same document and
        # speaker): the record may have been judged against another sentence of the quote
        rank = {"contradiction": 3, "tension": 2, "candidate": 1}
        best = rank.get(judgement.level or "", 0)
        for q in publics:
            if q.id != public.id and q.document == public.document and q.speaker == public.speaker:
                got = judged(q)
                if not got[0] and rank.get(got[2].level or "", 0) > best:
                    (why_not, pair, judgement), via, best = got, q, rank.get(got[2].level or "", 0)
    paired = not why_not
    # the finding is the scan's verdict: its level is its strongest record's, with what the
    # other records add (a record on its own may be weaker)
    level = max((f.level for f in joined), key=lambda lv: {"contradiction": 3, "tension": 2}.get(lv, 1),
                default=judgement.level)
    return {
        "public": _statement_record(public), "internal": _statement_record(internal),
        "same_side": public.kind == internal.kind,
        "findings": [{"id": f.id, "level": f.level, "rule": f.rule, "point": f.point,
                      "reasons": [to_jsonable(r) for r in f.reasons],
                      "review": to_jsonable(reviews[f.id]) if f.id in reviews else None} for f in joined],
        "paired": paired, "not_paired_because": why_not,
        "judged_with": _statement_record(via) if via is not public else None,
        "alignment": {"score": pair.score, "shared": list(pair.shared), "min_topic": min_topic} if pair else None,
        "level": level,
        "judgement": to_jsonable(judgement),
        "missing": [],
    }


def _w(out: TextIO, text: str = "") -> None:
    out.write(sanitize(text) + "\n")


def render_file_text(data: dict[str, Any], out: TextIO) -> None:
    """The file explanation as plain lines."""
    where = f"{data['target']}" + (f", line {data['line']}" if data["line"] is not None else "")
    _w(out, f"explain {where}")
    if data.get("line_text") is not None:
        _w(out, f"  | {one_line(data['line_text'], 200)}")
    for f in data["files"]:
        if f["status"] != "parsed":
            _w(out, f"  file {f['path']}: {f['status']}: {f['reason']}")
    for d in data["documents"]:
        _w(out)
        _w(out, f"document {d['path']}{'#' + d['part'] if d['part'] else ''}")
        _w(out, f"  kind    {d['kind']}  (from {d['kind_source']})")
        date = d["date"] or "undated"
        _w(out, f"  date    {date} ({d['date_precision']})  (from {d['date_source_text']}"
                f"{': ' + one_line(d['date_text'], 80) if d['date_text'] else ''})")
        _w(out, f"  author  {d['author'] or '(none)'}" + (f"  (from {d['author_source']})" if d["author"] else ""))
        if d["organization"] or d["focus"]:
            _w(out, f"  organization {d['organization'] or '(none)'}; focus {d['focus'] or '(none)'}")
        _w(out, f"  {len(d['statements'])} statement(s)" + (" on that line" if data["line"] is not None else ""))
        for s in d["statements"]:
            _w(out, f"    {s['id']} {s['ref']}  {s['kind']} {s['role']}, {s['modality']}"
                    f"{' (negative)' if s['polarity'] == 'negative' else ''}, {who_of(s)}, {s['date'] or 'undated'}")
            _w(out, f"      \u201c{one_line(s['text'], 200)}\u201d")
        if d["sentences"] is not None:
            for x in d["sentences"]:
                mark = "kept" if x.get("kept") else "left out"
                _w(out, f"    line {x.get('line')}: {mark}: {one_line(str(x.get('reason', '')), 120)}")
    for m in data["missing"]:
        _w(out)
        _w(out, f"not explained yet: {m}")


def who_of(s: dict[str, Any]) -> str:
    if s["speaker"] and s["organization"]:
        return f"{s['speaker']} ({s['organization']})"
    return s["speaker"] or s["organization"] or "unattributed"


def render_pair_text(data: dict[str, Any], out: TextIO) -> None:
    """The pair explanation as plain lines."""
    for side in ("public", "internal"):
        s = data[side]
        _w(out, f"{side}: {s['id']} {s['ref']}  {s['kind']} {s['role']}, {s['modality']}"
                f"{' (negative)' if s['polarity'] == 'negative' else ''}, {who_of(s)}, {s['date'] or 'undated'}")
        _w(out, f"  \u201c{one_line(s['text'], 200)}\u201d")
    if data["same_side"]:
        _w(out, "both statements are on the same side: a finding compares a public claim with the internal record")
    if data.get("judged_with"):
        w = data["judged_with"]
        _w(out, f"judged with {w['id']} {w['ref']}, a sentence of the same quote (the finding cites the quote's first):")
        _w(out, f"  \u201c{one_line(w['text'], 200)}\u201d")
    if data["paired"]:
        al = data["alignment"]
        _w(out, f"paired for comparison: yes (topic score {al['score']:.3f}, at least {al['min_topic']:.2f})")
    else:
        _w(out, f"paired for comparison: no: {one_line(data['not_paired_because'], 300)}")
    if not data["findings"]:
        _w(out, "no finding joins them")
    for f in data["findings"]:
        _w(out, f"finding {f['id']}: {f['level']} by rule {f['rule']}: {one_line(f['point'])}")
        for r in f["reasons"]:
            _w(out, f"  {'+' if r['effect'] == 'strengthens' else '-'} {r['effect']} [{r['code']}] {one_line(r['text'])}")
        if f["review"]:
            _w(out, f"  review: {f['review']['status']}: {one_line(f['review']['note'])}")
    j = data["judgement"]
    if j is not None and data["paired"]:
        _w(out, "this pair on its own:")
        _w(out, f"  matter: {one_line(j['matter'], 200) or '(none named)'}")
        _w(out, f"  stances: public {j['public_stance']}, internal {j['internal_stance']}")
        _w(out, f"  level: {j['level'] or 'none'}" + (f" by {j['type']}" if j["type"] else "")
                + (f": {one_line(j['why'], 200)}" if j["why"] else "")
                + (f" (the finding is {data['level']}: it takes its strongest record, with what the others add)"
                   if data["findings"] and j["level"] != data["level"] else ""))
        if j["point"]:
            _w(out, f"  point: {one_line(j['point'], 300)}")
        for r in j["reasons"]:
            _w(out, f"  {'+' if r['effect'] == 'strengthens' else '-'} {r['effect']} [{r['code']}] {one_line(r['text'], 300)}")
    for m in data["missing"]:
        _w(out, f"not explained yet: {m}")
