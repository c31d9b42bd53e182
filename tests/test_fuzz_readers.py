"""Property-based fuzzing of every core reader: arbitrary bytes never raise an unexpected exception.

A reader may decline a file (Skip) or report a documented problem (ValueError: invalid JSON or
front matter); anything else is a bug. Examples are bounded so CI stays fast.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimcheck.ingest import READERS
from claimcheck.ingest.base import Skip, context_for
from claimcheck.ingest.email.dates import parse_mail_date
from claimcheck.ingest.email.signature import cut_signature
from claimcheck.ingest.email.thread import split_thread
from claimcheck.models import Document

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

_HEADER_NAMES = ["From", "To", "Cc", "Subject", "Date", "Message-ID", "In-Reply-To", "References",
                 "Content-Type", "Content-Transfer-Encoding", "MIME-Version"]
_VALUES = st.one_of(
    st.text(max_size=60),
    st.sampled_from(["=?utf-8?q?Jos=C3=A9?= <j@x.org>", "=?bogus?x?zz?=", "multipart/mixed; boundary=\"B\"",
                     "text/plain; charset=x-unknown", "base64", "quoted-printable", "Tue, 99 Foo 2017 99:99",
                     "<a@b> <c@d>", "\"Unclosed <x@y", "text/html; charset=utf-16"]),
)
_BODY_LINES = st.lists(st.one_of(
    st.text(max_size=50),
    st.sampled_from(["-----Original Message-----", "From: A <a@x.org>", "Sent: Tuesday, June 19, 2018 6:15 PM",
                     "To: B", "Subject: s", "On Tue, Mar 14, 2017 at 9:02 AM, B <b@x.org> wrote:", "> quoted",
                     ">> deeper", "-- ", "Best,", "Sent from my iPhone", "--B", "--B--", "", "=E2=82=AC", "____________"]),
), max_size=30)


@st.composite
def emails(draw) -> bytes:
    headers = draw(st.lists(st.tuples(st.sampled_from(_HEADER_NAMES), _VALUES), max_size=8))
    body = draw(_BODY_LINES)
    sep = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    text = sep.join(f"{k}: {v}" for k, v in headers) + sep + sep + sep.join(body)
    enc = draw(st.sampled_from(["utf-8", "cp1252", "latin-1"]))
    return text.encode(enc, errors="replace")


def _run(ext: str, data: bytes) -> list[Document]:
    ctx = context_for(data, Path(f"/in/f.{ext}"), f"f.{ext}")
    try:
        docs = READERS[ext](data, ctx)
    except (Skip, ValueError):
        return []
    for d in docs:
        assert isinstance(d, Document) and isinstance(d.text, str) and d.line_base >= 1
        assert d.path == f"f.{ext}"
    return docs


@FUZZ
@given(emails())
def test_fuzz_eml_structured(data):
    _run("eml", data)


@FUZZ
@given(st.binary(max_size=600))
def test_fuzz_eml_bytes(data):
    _run("eml", data)
    _run("emlx", data)


@FUZZ
@given(st.lists(emails(), min_size=1, max_size=4))
def test_fuzz_mbox(messages):
    data = b"".join(b"From someone@x Mon Mar 13 17:00:00 2017\n" + m + b"\n\n" for m in messages)
    _run("mbox", data)


@FUZZ
@given(st.text(max_size=300), st.text(max_size=100))
def test_fuzz_front_matter(front, body):
    _run("md", f"---\n{front}\n---\n{body}".encode("utf-8", "surrogatepass"))


@FUZZ
@given(st.binary(max_size=400))
def test_fuzz_text_bytes(data):
    _run("txt", data)


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(
        st.sampled_from(["text", "body", "date", "author", "records", "messages", "kind", "source", "x"]),
        children, max_size=5),
    max_leaves=20,
)


@FUZZ
@given(_JSON)
def test_fuzz_json_values(value):
    import json

    _run("json", json.dumps(value).encode())
    _run("jsonl", (json.dumps(value) + "\n" + json.dumps(value)).encode())


@FUZZ
@given(st.binary(max_size=300))
def test_fuzz_json_bytes(data):
    _run("json", data)
    _run("jsonl", data)


_TAGS = st.sampled_from(["<p>", "</p>", "<div>", "<script>", "</script>", "<article>", "<br>", "<time datetime='2020-13-99'>",
                         "<meta property='article:published_time' content='x'>", "<table><tr><td>", "<!--", "-->",
                         "<body>", "</html>", "<b>", "&amp;", "&#0;", "<header>", "<nav>"])


@FUZZ
@given(st.lists(st.one_of(_TAGS, st.text(max_size=20)), max_size=40))
def test_fuzz_html(pieces):
    _run("html", "".join(pieces).encode("utf-8", "surrogatepass"))


@FUZZ
@given(_BODY_LINES)
def test_fuzz_thread_split_keeps_every_line_once(lines):
    segs = split_thread(list(lines))
    assert segs and not segs[0].quoted
    for s in segs:
        assert 0 <= s.start <= max(len(lines), 1)
        cut_signature(list(s.lines))


@FUZZ
@given(st.text(max_size=80))
def test_fuzz_parse_mail_date(value):
    d = parse_mail_date(value)
    assert d is None or (d.known and d.precision == "day")
