"""Ingest core: file accounting, text/markdown/HTML/JSON readers, document dates and kinds."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from claimcheck.ingest import READERS, IngestResult, dropped_quotes, ingest_paths
from claimcheck.ingest.base import context_for, guess_kind, make_document
from claimcheck.models import DateValue, Document


def scan(*paths: Path, **kw) -> dict[str, IngestResult]:
    return {r.record.path: r for r in ingest_paths(list(paths), **kw)}


def write(root: Path, rel: str, content: str | bytes) -> Path:
    p = root / rel
    p.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        p.write_bytes(content)
    else:
        p.write_text(content, encoding="utf-8")
    return p


def test_registry_has_core_formats():
    for ext in ("txt", "md", "html", "htm", "eml", "mbox", "json", "jsonl"):
        assert ext in READERS


def test_every_file_accounted_for_sorted_and_deterministic(tmp_path):
    write(tmp_path, "b/z.txt", "Zed said it.\n")
    write(tmp_path, "a.txt", "Alpha text.\n")
    write(tmp_path, "b/photo.xyz", "whatever")
    write(tmp_path, "b/empty.md", "")
    first = [r.record for r in ingest_paths([tmp_path])]
    second = [r.record for r in ingest_paths([tmp_path])]
    assert first == second
    assert [r.path for r in first] == ["a.txt", "b/empty.md", "b/photo.xyz", "b/z.txt"]
    by = {r.path: r for r in first}
    assert by["a.txt"].status == "parsed" and by["a.txt"].documents
    assert by["b/photo.xyz"].status == "skipped" and by["b/photo.xyz"].reason == "unsupported extension .xyz"
    assert by["b/empty.md"].status == "skipped" and by["b/empty.md"].reason == "empty file"


def test_document_id_is_content_based_not_path(tmp_path):
    write(tmp_path, "one/x.txt", "Same words.\n")
    write(tmp_path, "two/y.txt", "Same words.\n")
    res = scan(tmp_path)
    a, b = res["one/x.txt"].documents[0], res["two/y.txt"].documents[0]
    assert a.id == b.id and a.id.startswith("d") and len(a.id) == 13
    assert a.path == "one/x.txt"


def test_undated_text_is_undated_never_mtime(tmp_path):
    write(tmp_path, "note.txt", "Nothing dated here.\n")
    doc = scan(tmp_path)["note.txt"].documents[0]
    assert doc.date.known is False and doc.date.source == "undated"


def test_cli_date_override(tmp_path):
    p = write(tmp_path, "note.txt", "Nothing dated here.\n")
    d = DateValue.day(dt.date(2020, 6, 18), "cli", "2020-06-18")
    doc = scan(p, date=d)["note.txt"].documents[0]
    assert doc.date.iso() == "2020-06-18" and doc.date.source == "cli"


def test_markdown_front_matter_fields_and_line_base(tmp_path):
    write(tmp_path, "s.md", "---\ndate: 2020-06-11\nkind: interview\nsource: Example Radio\nauthor: Jane Roe\n"
                            "organization: Example Org\ntitle: Talk\nextra: ok\n---\nFirst line.\nSecond line.\n")
    doc = scan(tmp_path)["s.md"].documents[0]
    assert doc.date.iso() == "2020-06-11" and doc.date.source == "front-matter"
    assert (doc.kind, doc.publisher, doc.author, doc.organization, doc.title) == (
        "interview", "Example Radio", "Jane Roe", "Example Org", "Talk")
    assert doc.text.startswith("First line.")
    assert doc.line_base == 10
    assert doc.locate(doc.text.index("Second"))[0] == 11


def test_markdown_invalid_front_matter_fails_with_position(tmp_path):
    write(tmp_path, "bad.md", "---\ndate: [2020\ntitle: x\n---\nBody.\n")
    r = scan(tmp_path)["bad.md"]
    assert r.record.status == "failed"
    assert "bad.md:" in r.record.reason and "YAML" in r.record.reason
    assert r.errors and r.errors[0].stage == "ingest"


def test_txt_starting_with_rule_is_plain_text(tmp_path):
    write(tmp_path, "r.txt", "---\nnot: [yaml\n---\nBody.\n")
    doc = scan(tmp_path)["r.txt"].documents[0]
    assert doc.text.startswith("---") and doc.line_base == 1


def test_text_keeps_file_lines(tmp_path):
    write(tmp_path, "a.txt", "l1\r\nl2\rl3\nl4 target\n")
    doc = scan(tmp_path)["a.txt"].documents[0]
    assert doc.locate(doc.text.index("target"))[0] == 4


@pytest.mark.parametrize("text,kind", [
    ("FOR IMMEDIATE RELEASE\n\nAcme announced today a new plan.", "press-release"),
    ("MEMORANDUM\n\nTo: staff\nFrom: ops\nRe: plans\n\nText.", "memo"),
    ("To: staff\nFrom: ops\nSubject: plans\n\nText.", "memo"),
    ("# Memo: the vendor review\n\nTo: Ines\nFrom: Wendell\n\nThe vendor said it would, according to staff.", "memo"),
    ("Q: Will you sell it?\nA: No.\nQ: Never?\nA: Not now.", "interview"),
    ("Hearing before the committee\n\nMR. SMITH: We did.\nMS. JONES: When?\nMR. SMITH: Last year.", "testimony"),
    ("By Pat Lee\n\nThe company said on Monday that it would stop, according to a filing.", "news"),
    ("Remarks by the Chair, as prepared for delivery\n\nThank you all for coming.", "speech"),
    ("INTERNAL USE ONLY\nIncident report 22-07\n\nAt 09:10 the export job failed.", "internal-report"),
    ("Shopping list: eggs, milk.", "unknown"),
])
def test_guess_kind(text, kind):
    assert guess_kind(text) == kind


def test_html_reader_text_meta_date_and_scripts_dropped(tmp_path):
    write(tmp_path, "p.html", """<html><head><title>Plan | Site</title>
<meta property="og:site_name" content="Example News">
<meta name="author" content="By Pat Lee">
<meta property="article:published_time" content="2020-06-18T07:15:00-07:00">
<script>alert('x')</script><style>p{}</style></head>
<body><nav>Home | About</nav><article><h1>Plan</h1><p>The company said it would stop selling the
product.</p><p>Critics disagreed, <b>strongly</b>.</p><script>evil()</script></article></body></html>""")
    doc = scan(tmp_path)["p.html"].documents[0]
    assert doc.date.iso() == "2020-06-18" and doc.date.source == "meta"
    assert doc.publisher == "Example News" and doc.author == "Pat Lee" and doc.title == "Plan | Site"
    assert "alert" not in doc.text and "evil" not in doc.text and "Home | About" not in doc.text
    assert "Critics disagreed, strongly." in doc.text
    assert doc.line_exact is False


def test_html_time_datetime(tmp_path):
    write(tmp_path, "t.htm", "<body><p>Posted <time datetime='2019-03-02'>March 2</time>. Words here.</p></body>")
    doc = scan(tmp_path)["t.htm"].documents[0]
    assert doc.date.iso() == "2019-03-02" and doc.date.source == "meta"


def test_html_without_body_text_is_skipped(tmp_path):
    write(tmp_path, "h.html", "<html><head><title>x</title><script>1</script></head></html>")
    r = scan(tmp_path)["h.html"]
    assert r.record.status == "skipped" and "HTML" in r.record.reason


def test_json_records_shapes(tmp_path):
    write(tmp_path, "a.json", '{"records": [{"text": "We will not.", "date": "2020-06-11", "author": "Jane Roe",'
                              ' "source": "Radio", "kind": "interview", "organization": "Org", "title": "T"},'
                              ' {"body": "Second.", "timestamp": 1592000000}, {"no": "text"}]}')
    write(tmp_path, "b.json", '[{"content": "One."}]')
    write(tmp_path, "c.json", '{"message": "Single."}')
    write(tmp_path, "d.jsonl", '{"text": "l1"}\n\n{"text": "l3", "date": "2021-01-02"}\nnot json\n')
    res = scan(tmp_path)
    a = res["a.json"].documents
    assert [d.part for d in a] == ["rec1", "rec2"]
    assert (a[0].kind, a[0].author, a[0].publisher, a[0].organization, a[0].title) == (
        "interview", "Jane Roe", "Radio", "Org", "T")
    assert a[0].date.iso() == "2020-06-11" and a[1].date.iso() == "2020-06-12"
    assert res["b.json"].documents[0].text == "One."
    assert res["c.json"].documents[0].text == "Single."
    d = res["d.jsonl"].documents
    assert [x.line_base for x in d] == [1, 3] and d[1].date.iso() == "2021-01-02"


@pytest.mark.parametrize("content", ['"just a string"', "42", '{"a": 1}', "[1, 2, 3]", "null"])
def test_json_not_records_is_skipped(tmp_path, content):
    write(tmp_path, "x.json", content)
    r = scan(tmp_path)["x.json"]
    assert r.record.status == "skipped" and "JSON" in r.record.reason


def test_invalid_json_fails_with_position(tmp_path):
    write(tmp_path, "x.json", '{"text": "a",\n  oops}')
    r = scan(tmp_path)["x.json"]
    assert r.record.status == "failed" and "line 2" in r.record.reason


def _doc(**kw) -> Document:
    base = dict(id="d1", path="a.eml", text="We can run the training in July.", author="Kim Lee",
                date=DateValue.day(dt.date(2018, 6, 19), "header"))
    base.update(kw)
    return Document(**base)


def test_dropped_quotes_by_author_day_text():
    original = _doc(id="orig")
    quote = _doc(id="q", quoted=True, text="> We can run the\n> training in July.", path="b.eml", part="quote1")
    other_day = _doc(id="q2", quoted=True, date=DateValue.day(dt.date(2018, 6, 20), "header"), part="quote2")
    other_author = _doc(id="q3", quoted=True, author="Someone Else", part="quote3")
    assert dropped_quotes([original, quote, other_day, other_author]) == {"q"}


def test_dropped_quotes_by_message_id_and_repeated_quotes():
    original = _doc(id="orig", message_id="abc@x")
    quote = _doc(id="q", quoted=True, message_id="abc@x", text="different text entirely")
    assert dropped_quotes([original, quote]) == {"q"}
    q1 = _doc(id="qa", quoted=True, path="a.eml", part="quote1")
    q2 = _doc(id="qb", quoted=True, path="b.eml", part="quote1")
    assert dropped_quotes([q1, q2]) == {"qb"}


def test_make_document_meta_precedence(tmp_path):
    ctx = context_for(b"x", tmp_path / "a.txt", "a.txt",
                      meta={"date": DateValue.day(dt.date(2020, 1, 2), "sidecar"), "kind": "memo",
                            "publisher": "Pub", "author": "Au"})
    d = make_document(ctx, text="t", kind="news", date=DateValue.day(dt.date(2019, 1, 1), "header"))
    assert (d.kind, d.date.iso(), d.date.source, d.publisher, d.author) == ("memo", "2020-01-02", "sidecar", "Pub", "Au")
    q = make_document(ctx, text="t", part="quote1", kind="email", quoted=True, author="Orig",
                      date=DateValue.day(dt.date(2019, 1, 1), "header"))
    assert (q.kind, q.date.iso(), q.author) == ("email", "2019-01-01", "Orig")
    assert q.id.endswith("-quote1")


def test_text_sniffers_tried_first(tmp_path, monkeypatch):
    import claimcheck.ingest as ingest

    def sniff(text, ctx):
        if text.startswith("[chat]"):
            return [make_document(ctx, text=text, part="msg1", kind="chat")]
        return None

    monkeypatch.setattr(ingest, "TEXT_SNIFFERS", [sniff])
    write(tmp_path, "a.txt", "[chat] hello\n")
    write(tmp_path, "b.txt", "Plain words.\n")
    res = scan(tmp_path)
    assert [(d.part, d.kind) for d in res["a.txt"].documents] == [("msg1", "chat")]
    assert res["b.txt"].documents[0].part == ""


def test_folder_reader_claims_folder_and_leftovers_are_read(tmp_path, monkeypatch):
    import claimcheck.ingest as ingest
    from claimcheck.models import FileRecord

    def claims(path):
        return (path / "export.marker").exists()

    def read_export(path, config):
        rel = f"{path.name}/channel.json"
        return [IngestResult(FileRecord(rel, "parsed", documents=("dX",)), ())]

    write(tmp_path, "exp/export.marker", "x")
    write(tmp_path, "exp/channel.json", "[]")
    write(tmp_path, "exp/notes.txt", "Left over.\n")
    monkeypatch.setattr(ingest, "FOLDER_READERS", [(claims, read_export)])
    res = scan(tmp_path)
    assert res["exp/channel.json"].record.status == "parsed"
    assert res["exp/notes.txt"].record.status == "parsed"
    assert res["exp/export.marker"].record.status == "skipped"

    def broken(path, config):
        raise RuntimeError("bad export")

    monkeypatch.setattr(ingest, "FOLDER_READERS", [(claims, broken)])
    res = scan(tmp_path)
    assert {p: r.record.status for p, r in res.items()} == {
        "exp/channel.json": "failed", "exp/export.marker": "failed", "exp/notes.txt": "failed"}
    assert all("bad export" in r.record.reason for r in res.values())


def test_missing_reader_module_is_an_import_error(monkeypatch):
    import claimcheck.ingest as ingest

    monkeypatch.setattr(ingest, "_READER_MODULES", ("text", "no_such_reader"))
    with pytest.raises(ImportError):
        ingest._load_registry()


def test_same_file_given_twice_is_read_once(tmp_path):
    p = write(tmp_path, "a.txt", "Words.\n")
    records = [r.record for r in ingest_paths([p, p])]
    assert len(records) == 1


def test_undated_quote_dropped_only_when_text_is_the_same():
    original = _doc(id="orig")
    same = _doc(id="q", quoted=True, date=DateValue.undated(), part="quote1")
    other = _doc(id="q2", quoted=True, date=DateValue.undated(), text="We cannot run the training at all.",
                 path="c.eml", part="quote1")
    assert dropped_quotes([original, same, other]) == {"q"}


def test_dropped_quotes_with_emptied_text_uses_quote_keys():
    import dataclasses

    from claimcheck.ingest import quote_keys

    original = _doc(id="orig")
    quote = _doc(id="q", quoted=True, part="quote1", path="b.eml")
    keys = quote_keys([original, quote])
    stripped = [dataclasses.replace(d, text="") for d in (original, quote)]
    assert dropped_quotes(stripped) == set()
    assert dropped_quotes(stripped, keys=keys) == {"q"}


def test_short_quotes_need_identical_text():
    a = _doc(id="a", quoted=True, text="line 1", part="quote1")
    b = _doc(id="b", quoted=True, text="line 2", part="quote2")
    c = _doc(id="c", quoted=True, text="line 1", part="quote3")
    assert dropped_quotes([a, b, c]) == {"c"}


def test_many_quotes_by_one_author_are_compared_exactly():
    originals = [_doc(id=f"o{i}", text=f"Message number {i} about the shipment schedule for the spring.")
                 for i in range(400)]
    quotes = [_doc(id=f"q{i}", quoted=True, path="r.mbox", part=f"msg{i}-quote1",
                   text=f"Message number {i} about the shipment schedule for the spring.") for i in range(400)]
    other = _doc(id="x", quoted=True, path="r.mbox", part="msgx-quote1", text="Message number 5 about the shipment "
                 "schedule for the spring!")
    dropped = dropped_quotes(originals + quotes + [other])
    assert dropped == {q.id for q in quotes}


def test_json_chat_style_records(tmp_path):
    write(tmp_path, "c.json", '[{"ts": "1592000000.000200", "user": "U1", "user_profile": {"real_name": "Kim Lee"},'
                              ' "text": "We shipped it."}]')
    d = scan(tmp_path)["c.json"].documents[0]
    assert d.author == "Kim Lee" and d.date.iso() == "2020-06-12"


def test_html_json_ld_metadata(tmp_path):
    write(tmp_path, "ld.html", """<html><head><script type="application/ld+json">
{"@context": "https://schema.org", "@graph": [{"@type": "NewsArticle", "headline": "Plant to close",
 "datePublished": "2021-04-07T08:00:00Z", "author": [{"@type": "Person", "name": "Lee Park"}],
 "publisher": {"@type": "Organization", "name": "Valley Gazette"}}]}
</script></head><body><p>The plant will close next year, the company said on Tuesday.</p></body></html>""")
    d = scan(tmp_path)["ld.html"].documents[0]
    assert (d.date.iso(), d.date.source, d.author, d.publisher, d.title) == (
        "2021-04-07", "meta", "Lee Park", "Valley Gazette", "Plant to close")


def test_html_declared_windows_1252(tmp_path):
    page = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"></head>'
            '<body><p>“We’ll stop,” she said – in café.</p></body></html>')
    write(tmp_path, "w.html", page.encode("cp1252"))
    assert scan(tmp_path)["w.html"].documents[0].text == "“We’ll stop,” she said – in café.\n"


def test_txt_latin1_and_utf8_bom(tmp_path):
    write(tmp_path, "l.txt", "Ñandú said “no”.\n".encode("cp1252"))
    write(tmp_path, "b.txt", "\ufeffZoë said yes.\n".encode("utf-8"))
    res = scan(tmp_path)
    assert res["l.txt"].documents[0].text == "Ñandú said “no”.\n"
    assert res["b.txt"].documents[0].text == "Zoë said yes.\n"


def test_news_lede_mentioning_a_report_stays_news():
    text = ("By Pat Lee\n\nThe utility knew of the worn hooks, according to an internal inspection report "
            "obtained by the paper, officials said.")
    assert guess_kind(text) == "news"


def test_news_headline_about_a_report_with_byline_is_news():
    assert guess_kind("State audit report faults utility\n\nBy Pat Lee\n\nThe audit, released Monday, said...") == "news"


def test_an_organizations_own_page_is_its_public_word(tmp_path):
    """A page with no byline and no press or transcript marks, under the organization's own
    copyright (a help page, a policy page), is that organization's post; a news story with the
    outlet's copyright stays news."""
    write(tmp_path, "help.html", """<html><head><title>Manage your history - Acme Help</title>
<meta name="date" content="2018-08-12"></head><body><main><h1>Manage your history</h1>
<p>You can turn off History at any time. With History off, the places you go are no longer stored.</p>
</main><footer>&copy;2018 Acme - Privacy Policy - Terms</footer></body></html>""")
    write(tmp_path, "story.html", """<html><head><title>Acme under fire</title>
<meta name="author" content="By Pat Lee"></head><body><article><h1>Acme under fire</h1>
<p>Acme said on Monday that it would stop, according to a filing.</p></article>
<footer>Copyright 2018 The Daily Ledger. All rights reserved.</footer></body></html>""")
    found = scan(tmp_path)
    page = found["help.html"].documents[0]
    assert (page.kind, page.organization) == ("post", "Acme")
    story = found["story.html"].documents[0]
    assert story.kind == "news" and story.organization != "The Daily Ledger"
