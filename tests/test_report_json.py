"""JSON contract: required fields, ISO dates at precision, determinism, round trip (also hypothesis)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck import SCHEMA_VERSION
from claimcheck.models import DateValue, Finding, Reason, Report, Source, Statement
from claimcheck.report import FORMATS, render
from claimcheck.report.jsonout import canonical, dumps, load_report, report_from_dict, report_to_dict


def test_required_fields_and_dates(make_report) -> None:
    d = json.loads(dumps(make_report()))
    assert d["schema_version"] == SCHEMA_VERSION
    for key in ("documents", "files", "statements", "findings", "errors", "summary", "model", "degraded", "warnings"):
        assert key in d
    doc = next(x for x in d["documents"] if x["id"] == "d-press")
    assert {"id", "path", "part", "date", "date_source", "date_precision", "kind", "title", "author",
            "organization", "status"} <= doc.keys()
    assert "text" not in doc and doc["date"] == "2020-06-11" and doc["status"] == "parsed"
    st_ = {x["id"]: x for x in d["statements"]}
    assert st_["s-mail1"]["date"] == "2017-09" and st_["s-mail1"]["date_precision"] == "month"
    assert st_["s-mail1"]["date_end"] == "2017-09-30"
    assert st_["s-mail2"]["date"] == "2017-09-01/2018-12-31"
    assert st_["s-undated"]["date"] is None
    assert st_["s-pdf"]["source"]["ref"] == "news/report.txt:p2:4"
    assert st_["s-mail2"]["source"]["ref"] == "mail/box.mbox#msg2:40"
    assert st_["s-pub"]["also_reported_in"][0]["ref"] == "news/report.txt:3"
    assert st_["s-pub"]["frame"]["modality"] == "denial"
    f = {x["id"]: x for x in d["findings"]}["f-1a2b3c"]
    assert f["public"] == "s-pub" and f["internal"] == ["s-mail1", "s-mail2"]
    assert f["reasons"][1] == {"effect": "weakens", "code": "scope", "text": "A pilot is not a sale."}
    assert d["summary"] == {"documents": 5, "files": {"parsed": 5, "skipped": 1, "failed": 1},
                            "statements": {"public": 3, "internal": 3},
                            "findings": {"contradiction": 1, "tension": 1},
                            "reviews": {"confirmed": 0, "dismissed": 0}}
    assert d["errors"] == [{"path": "broken.eml", "message": "truncated MIME headers", "stage": "ingest"}]
    # canonical order: statements by date (undated last), contradictions first
    assert [x["id"] for x in d["statements"]] == ["s-mail1", "s-mail2", "s-pdf", "s-pub", "s-critic", "s-undated"]
    assert [x["id"] for x in d["findings"]] == ["f-9z8y7x", "f-1a2b3c"]


def test_round_trip(make_report) -> None:
    r = make_report(hostile=True)
    back = report_from_dict(report_to_dict(r))
    assert back == canonical(r)
    assert report_from_dict(report_to_dict(back)) == back
    # equal to the original except document text and order
    assert set(back.statements) == set(r.statements) and set(back.findings) == set(r.findings)
    assert {dataclasses.replace(x, text="") for x in r.documents} == set(back.documents)


@pytest.mark.parametrize("fmt", FORMATS)
def test_deterministic_and_order_independent(make_report, fmt: str) -> None:
    r = make_report(hostile=True)
    shuffled = dataclasses.replace(r, statements=r.statements[::-1], findings=r.findings[::-1],
                                   files=r.files[::-1], documents=r.documents[::-1])
    outs = []
    for rep in (r, r, shuffled, load_report(dumps(r))):
        buf = io.StringIO()
        render(rep, fmt, buf)
        outs.append(buf.getvalue())
    assert outs[0] == outs[1] == outs[2] == outs[3]


def test_rerender_from_saved_json(make_report) -> None:
    r = make_report()
    saved = dumps(r)
    md1, md2 = io.StringIO(), io.StringIO()
    render(r, "markdown", md1)
    render(load_report(saved), "markdown", md2)
    assert md1.getvalue() == md2.getvalue()


@pytest.mark.parametrize("bad", ['{"findings": []}', "[1, 2]", '{"statements": [], "findings": [], "schema_version": 99}', "{nope"])
def test_load_report_rejects(bad: str) -> None:
    with pytest.raises(ValueError):
        load_report(bad)


text = st.text(max_size=40)
dates = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 1, 1))


@st.composite
def date_values(draw) -> DateValue:
    if draw(st.booleans()):
        return DateValue.undated()
    a, b = sorted((draw(dates), draw(dates)))
    prec = draw(st.sampled_from(["day", "month", "quarter", "year", "range"]))
    return DateValue(a, a if prec == "day" else b, prec, draw(text), draw(text))


@st.composite
def reports(draw) -> Report:
    n = draw(st.integers(0, 4))
    stmts = []
    for i in range(n):
        src = Source(draw(text), draw(st.integers(1, 10**6)), 0, draw(st.integers(0, 10**6)),
                     draw(st.none() | st.integers(1, 500)), draw(text))
        stmts.append(Statement(
            id=f"s{i}-{draw(text)}", document=draw(text), kind=draw(st.sampled_from(["public", "internal"])),
            role=draw(st.sampled_from(["claim", "evidence", "third-party", "context"])),
            speaker=draw(text), organization=draw(text), date=draw(date_values()), text=draw(text), source=src,
            entities=tuple(draw(st.lists(text, max_size=3))), topics=tuple(draw(st.lists(text, max_size=3))),
        ))
    ids = [s.id for s in stmts]
    findings = []
    if ids:
        for j in range(draw(st.integers(0, 2))):
            findings.append(Finding(
                id=f"f{j}-{draw(text)}", level=draw(st.sampled_from(["contradiction", "tension"])),
                type=draw(text), rule=draw(text), score=draw(st.floats(0, 1, allow_nan=False)),
                public=draw(st.sampled_from(ids)), internal=tuple(draw(st.lists(st.sampled_from(ids), max_size=3))),
                organization=draw(text), topic=draw(text), point=draw(text), explanation=draw(text),
                reasons=tuple(Reason(draw(st.sampled_from(["strengthens", "weakens"])), draw(text), draw(text))
                              for _ in range(draw(st.integers(0, 2)))),
            ))
    return Report(SCHEMA_VERSION, "0.1.0", draw(text), draw(st.booleans()), (), (), (),
                  tuple(stmts), tuple(findings), (), tuple(draw(st.lists(text, max_size=2))),
                  tuple(draw(st.lists(st.sampled_from(ids), max_size=2))) if ids else ())


@settings(max_examples=60, deadline=None)
@given(reports())
def test_round_trip_property(r: Report) -> None:
    c = canonical(r)
    assert report_from_dict(json.loads(dumps(r))) == c
    assert sorted(c.statements, key=lambda s: s.id) == sorted(r.statements, key=lambda s: s.id)
    assert sorted(c.findings, key=lambda f: f.id) == sorted(r.findings, key=lambda f: f.id)


@settings(max_examples=40, deadline=None)
@given(reports())
def test_every_renderer_accepts_arbitrary_reports(r: Report) -> None:
    for fmt in FORMATS:
        render(r, fmt, io.StringIO())


def test_dumps_writes_the_values_of_report_to_dict(make_report) -> None:
    """The fast writer (orjson, straight from the records) and the plain conversion agree."""
    for r in (make_report(), make_report(hostile=True)):
        assert json.loads(dumps(r)) == report_to_dict(r)


@settings(max_examples=60, deadline=None)
@given(reports())
def test_dumps_writes_the_values_of_report_to_dict_property(r: Report) -> None:
    assert json.loads(dumps(r)) == report_to_dict(r)


def test_dumps_takes_any_line_cache_and_writes_the_same_text(make_report) -> None:
    """report defines the cache it takes (LineCache, issue 16): a plain object with ``lookup``
    serves as well as the wing's Memo, the text is byte for byte the uncached one, and a second
    report of the same records writes the remembered lines instead of encoding them again."""
    from claimcheck.report import render
    from claimcheck.runtime.memo import Memo

    class Lines:
        def __init__(self) -> None:
            self.made = 0
            self.kept: dict[tuple[str, int], tuple[object, str]] = {}

        def lookup(self, kind, make):
            def find(obj):
                hit = self.kept.get((kind, id(obj)))
                if hit is None or hit[0] is not obj:
                    self.made += 1
                    hit = self.kept[(kind, id(obj))] = (obj, make(obj))
                return hit[1]
            return find

    for r in (make_report(), make_report(hostile=True)):
        plain = dumps(r)
        cache = Lines()
        assert dumps(r, memo=cache) == plain
        made = cache.made
        assert made == len(r.documents) + len(r.statements) > 0
        assert dumps(r, memo=cache) == plain and cache.made == made  # every line remembered
        for memo in (Lines(), Memo()):
            out = io.StringIO()
            render(r, "json", out, memo=memo)
            assert out.getvalue() == plain


def test_dumps_keeps_a_lone_surrogate_as_an_escape(make_report) -> None:
    r = make_report()
    odd = dataclasses.replace(r.statements[0], text="caf\udce9 menu\x7f")  # an undecodable byte, kept
    text = dumps(dataclasses.replace(r, statements=(odd, *r.statements[1:])))
    text.encode("utf-8")  # writable as UTF-8
    assert "\x7f" not in text and "\\u007f" in text  # the fallback writer is terminal-safe too
    assert {s["text"] for s in json.loads(text)["statements"]} >= {"caf\udce9 menu\x7f"}


def test_dumps_escapes_terminal_controls(make_report) -> None:
    text = dumps(make_report(hostile=True))
    assert "\x1b" not in text and "\x9b" not in text and "\\u009b" in text
    assert report_from_dict(json.loads(text)) == canonical(make_report(hostile=True))


def test_evolve_matches_dataclasses_replace(make_report) -> None:
    import dataclasses

    from claimcheck.models import evolve, to_jsonable

    rep = make_report()
    for st in rep.statements:
        a = dataclasses.replace(st, organization="Other Org", role="third-party")
        b = evolve(st, organization="Other Org", role="third-party")
        assert a == b and hash(a) == hash(b) and to_jsonable(a) == to_jsonable(b)
        assert st.organization != "Other Org"  # the original is untouched
