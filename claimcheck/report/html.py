"""HTML report: one self-contained page (inline CSS/JS, strict CSP) with a two-lane timeline."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import html
import json
from typing import TextIO
from urllib.parse import quote

from claimcheck.models import Report, Statement
from claimcheck.report._common import View, date_label, one_line, sanitize, view, who
from claimcheck.report.jsonout import report_to_dict

ROW_H, AXIS_H, LANE_PAD = 22, 28, 14


def e(text: object) -> str:
    """The one place text enters the page as markup: sanitized and HTML-escaped (quotes too)."""
    return html.escape(sanitize(str(text)), quote=True)


def _jattr(values: object) -> str:
    """A JSON list for a data-* attribute (then escaped as an attribute value)."""
    return e(json.dumps(sorted(set(values)), ensure_ascii=False))  # type: ignore[arg-type]


def _json_script(data: object) -> str:
    """JSON safe inside <script type="application/json">: no '<', '>', '&' or line separators."""
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    for ch, rep in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                    ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(ch, rep)
    return text


def _frag(sid: str, prefix: str) -> str:
    return "#" + quote(prefix + sid, safe="")


CSS = """
*{box-sizing:border-box}body{font:14px/1.45 system-ui,sans-serif;margin:0 auto;max-width:1200px;padding:1em;color:#222}
[hidden],.off{display:none!important}h1{margin:.2em 0}.muted{color:#666}
#filters{display:flex;gap:1em;flex-wrap:wrap;padding:.6em;background:#f4f4f4;border-radius:6px;margin:.8em 0}
.tl{position:relative;border:1px solid #ddd;border-radius:6px;background:#fff;overflow:hidden;margin:.5em 0}
.lane{position:absolute;left:0;right:0;border-top:1px dashed #ccc}.lane span{position:absolute;right:4px;top:0;font-size:11px;color:#666;text-transform:uppercase}
.lane.public{background:#eef6fb}.lane.internal{background:#fbf0f7}
.tick{position:absolute;top:0;bottom:0;border-left:1px solid #eee;font-size:11px;color:#888;padding-left:2px}
.ev{position:absolute;height:16px;min-width:6px;border-radius:4px;display:block;text-decoration:none;opacity:.85}
.ev.public{background:#1f77b4}.ev.internal{background:#b4387f}.ev.flag{outline:2px solid #d62728;opacity:1}
.ev.day{border-radius:50%;width:10px!important;margin-left:-5px}
svg.links{position:absolute;left:0;top:0;width:100%;pointer-events:none}
svg.links line{stroke:#d62728;stroke-width:1.5;stroke-dasharray:4 3}svg.links line.tension{stroke:#e8a200}
.finding{border:1px solid #ddd;border-left:6px solid #e8a200;border-radius:6px;padding:.6em 1em;margin:1em 0}
.finding.contradiction{border-left-color:#d62728}.pair{display:grid;grid-template-columns:1fr 1fr;gap:1em}
blockquote{margin:.3em 0;padding:.4em .8em;border-left:3px solid #ccc;background:#fafafa}
.pub blockquote{border-color:#1f77b4}.int blockquote{border-color:#b4387f}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #eee;padding:.3em;text-align:left;vertical-align:top}
.strengthens{color:#2a7d2a}.weakens{color:#a66a00}.badge{font-weight:bold;text-transform:uppercase}
"""

JS = """(function(){
var $=function(i){return document.getElementById(i);};
function list(el,n){try{return JSON.parse(el.getAttribute('data-'+n)||'[]');}catch(x){return [];}}
function apply(){
var ent=$('f-entity').value,top=$('f-topic').value,lev=$('f-level').value,all=$('f-all').checked,n=0;
document.querySelectorAll('[data-filter]').forEach(function(el){
var ok=(!ent||list(el,'entities').indexOf(ent)>=0)&&(!top||list(el,'topics').indexOf(top)>=0)
&&(!lev||list(el,'levels').indexOf(lev)>=0)&&(all||el.getAttribute('data-aligned')==='1');
el.classList.toggle('off',!ok);if(ok&&el.classList.contains('ev'))n++;});
document.querySelectorAll('svg.links line').forEach(function(l){
var f=$(l.getAttribute('data-finding')),a=$(l.getAttribute('data-a')),b=$(l.getAttribute('data-b'));
var ok=f&&a&&b&&!f.classList.contains('off')&&!a.classList.contains('off')&&!b.classList.contains('off');
l.classList.toggle('off',!ok);});
$('shown-count').textContent=String(n);}
['f-entity','f-topic','f-level','f-all'].forEach(function(i){$(i).addEventListener('change',apply);});
apply();})();"""


def _csp() -> str:
    digest = base64.b64encode(hashlib.sha256(JS.encode("utf-8")).digest()).decode("ascii")
    return ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
            f"script-src 'sha256-{digest}'; base-uri 'none'; form-action 'none'")


def _span(s: Statement) -> tuple[dt.date, dt.date]:
    assert s.date.start is not None
    return s.date.start, s.date.end or s.date.start


def _filter_attrs(v: View, s: Statement, aligned: bool) -> str:
    levels = [f.level for f in v.findings if f.id in v.flags.get(s.id, ())]
    ents = [*s.entities, s.organization] if s.organization else list(s.entities)
    return (f'data-filter="1" data-aligned="{int(aligned)}" data-entities="{_jattr(ents)}" '
            f'data-topics="{_jattr(s.topics)}" data-levels="{_jattr(levels)}"')


def _timeline(v: View, show_all: bool) -> str:
    dated = [s for s in v.ordered if s.date.start is not None]
    if not dated:
        return '<p class="muted">No dated statements.</p>'
    lo = min(_span(s)[0] for s in dated)
    hi = max(_span(s)[1] for s in dated)
    pad = max(3, ((hi - lo).days + 1) // 40)
    # a document may date itself 0001-01-01 or 9999-12-31: the padding stops at the calendar's ends
    lo = lo - dt.timedelta(days=min(pad, (lo - dt.date.min).days))
    hi = hi + dt.timedelta(days=min(pad, (dt.date.max - hi).days))
    total = (hi - lo).days + 1

    def x(d: dt.date) -> float:
        return round((d - lo).days / total * 100, 3)

    rows: dict[str, list[float]] = {"public": [], "internal": []}
    place: dict[str, tuple[float, float, int]] = {}
    for s in dated:
        a, b = _span(s)
        left, width = x(a), max(0.5, round(((b - a).days + 1) / total * 100, 3))
        ends = rows[s.kind]
        row = next((i for i, end in enumerate(ends) if end + 0.8 < left), len(ends))
        if row == len(ends):
            ends.append(0.0)
        ends[row] = left + max(width, 1.0)
        place[s.id] = (left, width, row)
    n_pub, n_int = max(1, len(rows["public"])), max(1, len(rows["internal"]))
    top = {"public": AXIS_H + LANE_PAD, "internal": AXIS_H + n_pub * ROW_H + 3 * LANE_PAD}
    height = top["internal"] + n_int * ROW_H + LANE_PAD
    parts = [f'<div class="tl" id="timeline-box" style="height:{height}px">']
    parts.append(f'<div class="lane public" style="top:{AXIS_H}px;height:{n_pub * ROW_H + 2 * LANE_PAD}px"><span>public</span></div>')
    parts.append(f'<div class="lane internal" style="top:{top["internal"] - LANE_PAD}px;bottom:0"><span>internal</span></div>')
    years = range(lo.year + (lo > dt.date(lo.year, 1, 1)), hi.year + 1)
    monthly = total < 3 * 366
    for y in range(lo.year, hi.year + 1):
        for m in (range(1, 13) if monthly else (1,)):
            d = dt.date(y, m, 1)
            if lo <= d <= hi:
                label = f"{y}" if m == 1 else (f"{y}-{m:02d}" if total < 400 else "")
                parts.append(f'<div class="tick" style="left:{x(d)}%">{e(label)}</div>')
    del years
    lines = []
    for f in v.findings:
        if f.public not in place:
            continue
        pl, pw, pr = place[f.public]
        for sid in f.internal:
            if sid in place:
                il, iw, ir = place[sid]
                lines.append(
                    f'<line class="{e(f.level)}" data-finding="f-{e(f.id)}" data-a="ev-{e(f.public)}" '
                    f'data-b="ev-{e(sid)}" x1="{pl + pw / 2:.3f}%" y1="{top["public"] + pr * ROW_H + 8}" '
                    f'x2="{il + iw / 2:.3f}%" y2="{top["internal"] + ir * ROW_H + 8}"/>')
    parts.append(f'<svg class="links" height="{height}" aria-hidden="true">{"".join(lines)}</svg>')
    for s in dated:
        left, width, row = place[s.id]
        aligned = show_all or s.id in v.aligned
        flags = v.flags.get(s.id, ())
        cls = f"ev {s.kind} {s.date.precision}" + (" flag" if flags else "")
        tip = f"{date_label(s)} ({s.date.precision}) {who(s)}: {one_line(s.text, 200)} [{s.source.ref()}]"
        parts.append(
            f'<a class="{e(cls)}" id="ev-{e(s.id)}" href="{e(_frag(s.id, "s-"))}" title="{e(tip)}" '
            f'data-kind="{e(s.kind)}" data-findings="{_jattr(flags)}" {_filter_attrs(v, s, aligned)} '
            f'style="left:{left}%;width:{width}%;top:{top[s.kind] + row * ROW_H}px"></a>')
    parts.append("</div>")
    return "\n".join(parts)


def _quote(v: View, sid: str, cls: str) -> str:
    s = v.statements.get(sid)
    if s is None:
        return f'<div class="{cls}"><p class="muted">statement {e(sid)} not in this report</p></div>'
    return (f'<div class="{cls}"><blockquote>{e(s.text)}</blockquote><p class="muted">{e(who(s))}, '
            f'{e(date_label(s))} ({e(s.date.precision)}), <a href="{e(_frag(s.id, "s-"))}">{e(s.source.ref())}</a></p></div>')


def _findings(v: View) -> str:
    if not v.findings:
        return "<p>No findings.</p>"
    out = []
    for f in v.findings:
        cited = [v.statements[i] for i in (f.public, *f.internal) if i in v.statements]
        ents = {f.organization, *(x for s in cited for x in (*s.entities, s.organization))} - {""}
        tops = {f.topic, *(t for s in cited for t in s.topics)} - {""}
        reasons = "".join(f'<li class="{e(r.effect)}">{e(r.effect)} ({e(r.code)}): {e(r.text)}</li>' for r in f.reasons)
        internal = "".join(_quote(v, i, "int") for i in f.internal)
        out.append(
            f'<article class="finding {e(f.level)}" id="f-{e(f.id)}" data-filter="1" data-aligned="1" '
            f'data-entities="{_jattr(ents)}" data-topics="{_jattr(tops)}" data-levels="{_jattr([f.level])}">'
            f'<h3><span class="badge">{e(f.level)}</span> {e(f.point)}</h3>'
            f'<p class="muted">{e(f.id)} \u00b7 {e(f.type)} \u00b7 score {f.score:.2f} \u00b7 {e(f.organization)} \u00b7 topic: {e(f.topic)}</p>'
            f'<div class="pair">{_quote(v, f.public, "pub")}<div>{internal}</div></div>'
            f'<p>{e(f.explanation)}</p><ul>{reasons}</ul></article>')
    return "\n".join(out)


def _statements(v: View, show_all: bool) -> str:
    rows = []
    for s in v.ordered:
        flags = " ".join(f'<a href="{e(_frag(i, "f-"))}">{e(i)}</a>' for i in v.flags.get(s.id, ()))
        rows.append(
            f'<tr id="s-{e(s.id)}" class="{e(s.kind)}" {_filter_attrs(v, s, show_all or s.id in v.aligned)}>'
            f'<td>{e(date_label(s))}</td><td>{e(s.date.precision)}</td><td>{e(s.kind)} ({e(s.role)})</td>'
            f'<td>{e(who(s))}</td><td>{e(one_line(s.text))}</td><td>{e(s.source.ref())}</td><td>{flags}</td></tr>')
    return ('<table><thead><tr><th>Date</th><th>Precision</th><th>Side</th><th>Who</th><th>Statement</th>'
            '<th>Source</th><th>Findings</th></tr></thead><tbody>' + "\n".join(rows) + "</tbody></table>")


def _files(report: Report) -> str:
    bad = sorted((f for f in report.files if f.status != "parsed"), key=lambda f: (f.status, f.path))
    rows = [f"<tr><td>{e(f.path)}</td><td>{e(f.status)}</td><td>{e(f.reason)}</td></tr>" for f in bad]
    rows += [f"<tr><td>{e(x.path)}</td><td>error ({e(x.stage)})</td><td>{e(x.message)}</td></tr>"
             for x in sorted(report.errors, key=lambda x: (x.path, x.stage, x.message))]
    if not rows:
        return "<p>Every file was read.</p>"
    return "<table><thead><tr><th>File</th><th>Status</th><th>Reason</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>"


def _options(values: set[str]) -> str:
    return "".join(f'<option value="{e(x)}">{e(x)}</option>' for x in sorted(values - {""}, key=str.casefold))


def render_html(report: Report, out: TextIO, *, show_all: bool = False) -> None:
    """Renderer for ``--format html``."""
    v = view(report)
    c = v.counts()
    ents = {x for s in report.statements for x in (*s.entities, s.organization)} | {f.organization for f in report.findings}
    tops = {t for s in report.statements for t in s.topics} | {f.topic for f in report.findings}
    undated = sum(1 for s in v.ordered if s.date.start is None)
    out.write(
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{e(_csp())}">\n'
        '<meta name="referrer" content="no-referrer"><meta name="viewport" content="width=device-width">\n'
        f'<title>claimcheck report</title><style>{CSS}</style></head><body>\n'
        '<header><h1>claimcheck report</h1>'
        f'<p class="muted">{c["documents"]} documents ({c["files"]["parsed"]} files parsed, {c["files"]["skipped"]} skipped, '
        f'{c["files"]["failed"]} failed) \u00b7 {c["statements"]["public"]} public, {c["statements"]["internal"]} internal statements \u00b7 '
        f'<strong>{c["findings"]["contradiction"]} contradiction, {c["findings"]["tension"]} tension</strong> \u00b7 '
        f'model {e(report.model)}{" (degraded)" if report.degraded else ""} \u00b7 claimcheck {e(report.tool_version)}</p>'
        + "".join(f'<p class="muted">warning: {e(w)}</p>' for w in report.warnings) + "</header>\n"
        '<section id="filters"><label>Entity <select id="f-entity"><option value="">all</option>'
        f'{_options(ents)}</select></label><label>Topic <select id="f-topic"><option value="">all</option>'
        f'{_options(tops)}</select></label><label>Finding level <select id="f-level"><option value="">any</option>'
        '<option value="contradiction">contradiction</option><option value="tension">tension</option></select></label>'
        f'<label><input type="checkbox" id="f-all"{" checked" if show_all else ""}> every statement (not only aligned)</label>'
        '<span class="muted"><span id="shown-count"></span> events shown</span></section>\n'
        f'<section id="timeline"><h2>Timeline</h2>{_timeline(v, show_all)}'
        + (f'<p class="muted">{undated} undated statement(s) are listed below, not drawn.</p>' if undated else "")
        + f'</section>\n<section id="findings"><h2>Findings</h2>\n{_findings(v)}</section>\n'
        f'<section id="statements"><h2>Statements</h2>{_statements(v, show_all)}</section>\n'
        f'<section id="files"><h2>Files not read</h2>{_files(report)}</section>\n'
        f'<script type="application/json" id="claimcheck-data">{_json_script(report_to_dict(report))}</script>\n'
        f"<script>{JS}</script>\n</body></html>\n")
