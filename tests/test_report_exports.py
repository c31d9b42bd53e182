"""CSV, TimelineJS, GitHub annotations, HTML (parser-level), filters and progress."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from html.parser import HTMLParser

import pytest

from claimcheck.report import render
from claimcheck.report.filters import filter_report
from claimcheck.report.progress import progress


def _out(report, fmt: str, **kw) -> str:
    buf = io.StringIO()
    render(report, fmt, buf, **kw)
    return buf.getvalue()


def test_csv_rows(make_report) -> None:
    rows = list(csv.DictReader(io.StringIO(_out(make_report(hostile=True), "csv"))))
    assert len(rows) == 6
    assert list(rows[0])[:6] == ["date", "display_date", "description", "link", "series", "html"]
    by = {r["id"]: r for r in rows}
    assert by["s-mail1"]["date"] == "2017-09-01" and by["s-mail1"]["display_date"] == "2017-09"
    assert by["s-mail1"]["date_precision"] == "month" and by["s-mail1"]["series"] == "internal"
    assert by["s-pub"]["finding_ids"] == "f-9z8y7x f-1a2b3c" and by["s-pub"]["source"] == "press/2020-06-11-release.html:12"
    assert by["s-undated"]["date"] == "" and by["s-undated"]["display_date"] == "undated"
    assert "<script>" not in by["s-pub"]["html"] and "&lt;script&gt;" in by["s-pub"]["html"]
    assert "\x1b" not in _out(make_report(hostile=True), "csv")


def test_csv_formula_injection(make_report) -> None:
    r = make_report()
    evil = r.statements[0].__class__(**{**r.statements[0].__dict__, "text": "=HYPERLINK(\"http://x\")", "speaker": "+1"})
    import dataclasses
    rows = list(csv.DictReader(io.StringIO(_out(dataclasses.replace(r, statements=(evil,)), "csv"))))
    assert rows[0]["description"].startswith("'=") and rows[0]["speaker"] == "'+1"


def test_timelinejs(make_report) -> None:
    d = json.loads(_out(make_report(hostile=True), "timelinejs"))
    ev = {e["unique_id"]: e for e in d["events"]}
    assert "s-undated" not in ev and len(ev) == 5
    assert ev["s-mail1"]["start_date"] == {"year": 2017, "month": 9} and "end_date" not in ev["s-mail1"]
    assert ev["s-pdf"]["start_date"] == {"year": 2019}
    assert ev["s-pub"]["start_date"] == {"year": 2020, "month": 6, "day": 11}
    assert ev["s-mail2"]["end_date"] == {"year": 2018, "month": 12, "day": 31}
    assert ev["s-pub"]["group"] == "public" and ev["s-mail1"]["group"] == "internal"
    assert "<script>" not in ev["s-pub"]["text"]["text"] and "&lt;script&gt;" in ev["s-pub"]["text"]["text"]
    assert "f-1a2b3c" in ev["s-pub"]["text"]["text"]
    assert "1 undated" in d["title"]["text"]["text"]


def test_github_annotations(make_report) -> None:
    lines = _out(make_report(hostile=True), "github").splitlines()
    assert lines[0].startswith("::error file=corpus/press/2020-06-11-release.html,line=12,title=claimcheck contradiction f-9z8y7x%3A ")
    assert lines[1].startswith("::warning file=corpus/press/2020-06-11-release.html,line=12,")
    assert lines[-1].startswith("::notice ")
    for line in lines:
        cmd, props, msg = re.match(r"^::(\w+) ([^:]*)::(.*)$", line).groups()
        for prop in props.split(","):
            key, _, value = prop.partition("=")
            assert key in ("file", "line", "title") and ":" not in value and "," not in value
        assert "\n" not in msg and "\r" not in msg and "\x1b" not in line
    assert "%0Apublic: " in lines[1] and "%0Aweakens: A pilot is not a sale." in lines[1]


def test_github_escapes_percent_and_newline(make_report) -> None:
    import dataclasses
    r = make_report()
    f = dataclasses.replace(r.findings[0], point="100% a,b:c", explanation="x%y")
    line = _out(dataclasses.replace(r, findings=(f,)), "github").splitlines()[0]
    assert "title=claimcheck tension f-1a2b3c%3A 100%25 a%2Cb%3Ac" in line and "::x%25y" in line


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def test_html_is_self_contained_and_inert(make_report) -> None:
    page = _out(make_report(hostile=True), "html")
    p = _Collect()
    p.feed(page)
    tags = [t for t, _ in p.tags]
    assert tags.count("script") == 2 and "img" not in tags and "iframe" not in tags
    csp = next(a["content"] for t, a in p.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in csp and "script-src 'sha256-" in csp and "unsafe-inline" not in csp.split("script-src")[1]
    for t, a in p.tags:
        assert not any(k.startswith("on") for k in a), (t, a)
        for k in ("href", "src"):
            assert not a.get(k) or a[k].startswith("#"), (t, a)
    before, rest = page.split('<script type="application/json" id="claimcheck-data">')
    data, after = rest.split("</script>", 1)
    # the hostile text's OSC 8 hyperlink is shown escaped, as inert text (never an attribute)
    shown = (before + after).replace("\\x1b]8;;http://evil.example", "")
    assert "http://" not in shown and "https://" not in shown
    assert "<" not in data and json.loads(data)["statements"][3]["text"].startswith("We have never")
    # month-wide bar: the month event is wider than a day event
    widths = {a["id"]: float(re.search(r"width:([\d.]+)%", a["style"]).group(1)) for t, a in p.tags if t == "a" and a.get("class", "").startswith("ev ")}
    assert widths["ev-s-mail1"] > widths["ev-s-pub"] and widths["ev-s-mail2"] > 10 * widths["ev-s-mail1"]
    assert 'class="ev internal month flag"' in page


def test_filters(make_report) -> None:
    r = make_report()
    ids = lambda rep: sorted(s.id for s in rep.statements)
    fids = lambda rep: sorted(f.id for f in rep.findings)
    since = filter_report(r, since="2020")
    # kept findings cite statements outside the window; those are kept, undated otherwise dropped
    assert fids(since) == ["f-1a2b3c", "f-9z8y7x"]
    assert ids(since) == ["s-critic", "s-mail1", "s-mail2", "s-pub", "s-undated"]
    early = filter_report(r, until=dt.date(2018, 1, 31))
    assert fids(early) == ["f-1a2b3c"] and "s-critic" not in ids(early) and "s-pdf" not in ids(early)
    assert fids(filter_report(r, level="contradiction")) == ["f-9z8y7x"]
    ent = filter_report(r, entity="border agency")
    assert fids(ent) == ["f-1a2b3c"] and "s-pdf" not in ids(ent) and "s-mail2" in ids(ent)
    assert fids(filter_report(r, topic="unit")) == [] and ids(filter_report(r, topic="unit")) == ["s-pdf"]
    assert "s-critic" not in ids(filter_report(r, aligned_only=True))
    assert len(filter_report(r, entity="nobody").files) == len(r.files)
    with pytest.raises(ValueError):
        filter_report(r, since="June")


def test_progress_silent_when_not_tty() -> None:
    buf = io.StringIO()
    with progress(10, enabled=True, stream=buf) as advance:
        for _ in range(10):
            advance()
    assert buf.getvalue() == ""


def test_progress_draws_on_tty() -> None:
    class TTY(io.StringIO):
        def isatty(self) -> bool:
            return True

    buf = TTY()
    with progress(3, enabled=True, stream=buf) as advance:
        advance(3)
    assert "3/3" in buf.getvalue()
    off = TTY()
    with progress(3, enabled=False, stream=off) as advance:
        advance()
    assert off.getvalue() == ""
