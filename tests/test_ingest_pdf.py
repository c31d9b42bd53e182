"""PDF reader: printed e-mail releases split per message, page furniture removed, pages in references."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from fpdf import FPDF
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimcheck.ingest.base import Skip, context_for
from claimcheck.ingest.pdf import READERS, clean_pages, read_pdf
from claimcheck.models import Source

# A printed thread over three pages: page header, "Page N of M" footer, a Bates number per page,
# (b)(6) redactions. The middle message's body runs from page 1 onto page 2.
THREAD = [
    ["From: Roe, Jane <jane.roe@contoso.com>",
     "Sent: Tuesday, March 14, 2017 9:02 AM",
     "To: Doe, John; (b)(6)",
     "Subject: RE: pilot",
     "",
     "We will not sell the system until a law is in place.",
     "Call me at (b)(6) if needed.",
     "",
     "From: John Doe <jdoe@abc.gov>",
     "Sent: Monday, March 13, 2017 5:45 PM",
     "To: Roe, Jane",
     "Subject: pilot",
     "",
     "Can we start the pilot in April?"],
    ["It is urgent for the agency.",
     "",
     "From: Roe, Jane <jane.roe@contoso.com>",
     "Sent: Friday, March 10, 2017 8:00 AM",
     "To: John Doe <jdoe@abc.gov>",
     "Subject: pilot",
     "",
     "The pilot is ready to ship (b)(7)(C) next week."],
    ["From: (b)(6)",
     "Sent: Thursday, March 9, 2017 4:00 PM",
     "To: Roe, Jane <jane.roe@contoso.com>",
     "Subject: pricing",
     "",
     "Please send the pricing for [REDACTED] units."],
]


def make_pdf(pages: list[list[str]], *, header: str | None = "Records release 17-cv-1234",
             bates: str | None = "ABC", title: str = "") -> bytes:
    pdf = FPDF()
    pdf.set_auto_page_break(False)
    pdf.set_font("Helvetica", size=11)
    if title:
        pdf.set_title(title)
    for i, lines in enumerate(pages):
        pdf.add_page()
        if header:
            pdf.set_xy(10, 8)
            pdf.cell(0, 6, header)
        pdf.set_xy(10, 20)
        for line in lines:
            pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
        pdf.set_xy(10, 280)
        pdf.cell(0, 6, f"Page {i + 1} of {len(pages)}")
        if bates:
            pdf.set_xy(150, 280)
            pdf.cell(0, 6, f"{bates}-{1000 + i:06d}")
    return bytes(pdf.output())


def read(data: bytes, name: str = "release.pdf") -> list:
    return read_pdf(data, context_for(data, Path(name), name))


def ref(doc, needle: str) -> str:
    off = doc.text.index(needle)
    line, page = doc.locate(off)
    return Source(doc.path, line, off, off + len(needle), page, doc.part).ref()


@pytest.fixture(scope="module")
def thread_docs() -> list:
    return read(make_pdf(THREAD))


def test_registered_under_pdf_extension():
    assert READERS == {"pdf": read_pdf}


def test_printed_thread_split_one_document_per_message(thread_docs):
    got = [(d.part, d.kind, d.author, d.author_address, d.organization, d.date.iso(), d.date.source)
           for d in thread_docs]
    assert got == [
        ("p1-msg1", "email", "Jane Roe", "jane.roe@contoso.com", "Contoso", "2017-03-14", "header"),
        ("p1-msg2", "email", "John Doe", "jdoe@abc.gov", "ABC", "2017-03-13", "header"),
        ("p2-msg1", "email", "Jane Roe", "jane.roe@contoso.com", "Contoso", "2017-03-10", "header"),
        ("p3-msg1", "email", "", "", "", "2017-03-09", "header"),
    ]
    assert [d.title for d in thread_docs] == ["RE: pilot", "pilot", "pilot", "pricing"]
    assert thread_docs[0].recipients == ("John Doe",)
    assert len({d.id for d in thread_docs}) == 4


def test_message_bodies_exclude_headers_furniture_and_redactions(thread_docs):
    texts = [d.text for d in thread_docs]
    assert texts[0] == "We will not sell the system until a law is in place.\nCall me at if needed."
    assert "Can we start the pilot in April?" in texts[1] and "It is urgent for the agency." in texts[1]
    assert texts[2] == "The pilot is ready to ship next week."
    assert texts[3] == "Please send the pricing for units."
    joined = "\n".join(texts)
    for noise in ("Page ", "ABC-", "Records release", "(b)", "REDACTED", "From:", "Sent:"):
        assert noise not in joined


def test_page_and_per_page_line_references(thread_docs):
    first, spanning, third, last = thread_docs
    # page 1: line 1 is the blanked page header, then 4 header lines (pdfium drops empty lines)
    assert ref(first, "We will not sell") == "release.pdf#p1-msg1:p1:6"
    assert ref(spanning, "Can we start") == "release.pdf#p1-msg2:p1:12"
    assert ref(spanning, "It is urgent") == "release.pdf#p1-msg2:p2:2"   # lines restart on page 2
    assert ref(third, "The pilot is ready") == "release.pdf#p2-msg1:p2:7"
    assert ref(last, "Please send") == "release.pdf#p3-msg1:p3:6"
    assert all(d.line_exact is False for d in thread_docs)


def test_quoted_messages_marked_when_not_starting_a_page(thread_docs):
    assert [d.quoted for d in thread_docs] == [False, True, True, False]


def test_plain_pdf_is_one_paged_document():
    pages = [["ACME announces a new product line today.", "It ships in June."],
             ["The company said prices will not rise."]]
    docs = read(make_pdf(pages, header=None, bates=None, title="Announcement"), "news/release.pdf")
    assert len(docs) == 1
    doc = docs[0]
    assert doc.part == "" and doc.title == "Announcement" and doc.path == "news/release.pdf"
    assert doc.page_starts[0] == 0 and len(doc.page_starts) == 2
    assert "Page" not in doc.text
    assert ref(doc, "It ships") == "news/release.pdf:p1:2"
    assert ref(doc, "prices will not rise") == "news/release.pdf:p2:1"
    assert doc.date.source == "metadata" and doc.date.precision == "day"
    assert doc.date.start is not None and doc.date.start.year >= 2020


def test_memo_headers_do_not_trigger_email_split():
    pages = [["MEMORANDUM", "To: All staff", "From: Operations", "Date: June 1, 2020",
              "Subject: Retention", "", "Keep every record for seven years."]]
    docs = read(make_pdf(pages, header=None, bates=None))
    assert len(docs) == 1 and docs[0].part == "" and docs[0].kind == "memo"


def test_image_only_pdf_is_skipped_needing_ocr():
    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 60, style="F")  # a drawing, no text layer (like a scan)
    data = bytes(pdf.output())
    with pytest.raises(Skip, match="no text layer: needs OCR"):
        read(data)


def test_encrypted_pdf_fails_with_reason():
    pdf = FPDF()
    pdf.set_encryption(owner_password="owner", user_password="secret")
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.cell(0, 6, "Confidential text")
    with pytest.raises(ValueError, match="encrypted PDF"):
        read(bytes(pdf.output()))


@pytest.mark.parametrize("data,reason", [
    (b"this is not a pdf at all", "not a PDF"),
    (b"%PDF-1.7\n1 0 obj\n<<", "corrupt or unreadable PDF"),
])
def test_not_a_pdf_and_truncated_fail_with_reason(data, reason):
    with pytest.raises(ValueError, match=reason):
        read(data)


def test_truncated_real_pdf_reads_or_fails_cleanly():
    data = make_pdf(THREAD)
    for cut in (len(data) // 3, len(data) // 2, len(data) - 40):
        try:
            docs = read(data[:cut])
        except (ValueError, Skip):
            continue
        assert all(isinstance(d.text, str) for d in docs)


def test_clean_pages_keeps_line_counts_and_header_lines():
    pages = ["Agency header\nFrom: A <a@b.org>\nbody one\nPage 1 of 2\nXYZ 0001234",
             "Agency header\nFrom: A <a@b.org>\nbody two\nPage 2 of 2\nXYZ 0001235"]
    cleaned = clean_pages(pages)
    assert [p.count("\n") for p in cleaned] == [4, 4]
    assert cleaned[0].split("\n") == ["", "From: A <a@b.org>", "body one", "", ""]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400), st.integers(min_value=0, max_value=4000))
def test_fuzz_pdf_reader_raises_only_reasons(junk, cut):
    base = make_pdf([["From: A <a@b.org>", "Sent: May 1, 2019", "To: C <c@d.org>", "hello"]], header=None)
    for data in (junk, b"%PDF-1.4\n" + junk, base[:cut] + junk):
        try:
            docs = read(data)
        except (ValueError, Skip):
            continue
        for d in docs:
            assert d.date.start is None or isinstance(d.date.start, dt.date)


def test_mixed_folder_scan_accounts_for_every_file(tmp_path):
    """ingest_paths over a folder of every new format: right statuses, messages, dates, authors, pages."""
    import io
    import json

    import docx

    from claimcheck.ingest import ingest_paths
    from test_ingest_office import outlook_msg

    root = tmp_path / "case"
    root.mkdir()
    (root / "release.pdf").write_bytes(make_pdf(THREAD))
    (root / "scan.pdf").write_bytes(_image_only_pdf())
    (root / "broken.pdf").write_bytes(make_pdf(THREAD)[:300])
    (root / "pilot.msg").write_bytes(outlook_msg())
    d = docx.Document()
    d.add_paragraph("MEMORANDUM")
    d.add_paragraph("The pilot continues.")
    d.core_properties.created = dt.datetime(2019, 4, 2)
    buf = io.BytesIO()
    d.save(buf)
    (root / "memo.docx").write_bytes(buf.getvalue())
    (root / "junk.docx").write_bytes(b"PK\x03\x04 junk")
    (root / "chat.txt").write_text("[2019-03-14 09:02] alice: we ship in April\n[2019-03-15 09:05] bob: ok\n")
    (root / "printed.txt").write_text("From: Jane Roe <jane@contoso.com>\nSent: Tuesday, March 14, 2017 9:02 AM\n"
                                      "To: John Doe <jdoe@abc.gov>\nSubject: pilot\n\nBody here.\n")
    slack = root / "slack"
    (slack / "general").mkdir(parents=True)
    (slack / "users.json").write_text(json.dumps([{"id": "U1", "real_name": "Jane Roe"}]))
    (slack / "general" / "2019-03-14.json").write_text(json.dumps([{"user": "U1", "text": "hello", "ts": "1552554120.000100"}]))

    results = list(ingest_paths([root]))
    status = {r.record.path: r.record.status for r in results}
    assert status == {
        "release.pdf": "parsed", "scan.pdf": "skipped", "broken.pdf": "failed", "pilot.msg": "parsed",
        "memo.docx": "parsed", "junk.docx": "failed", "chat.txt": "parsed", "printed.txt": "parsed",
        "slack/users.json": "skipped", "slack/general/2019-03-14.json": "parsed",
    }
    reasons = {r.record.path: r.record.reason for r in results}
    assert "needs OCR" in reasons["scan.pdf"] and "PDF" in reasons["broken.pdf"]
    docs = {(d.path, d.part): d for r in results for d in r.documents}
    pdf_first = docs[("release.pdf", "p1-msg1")]
    assert (pdf_first.author, pdf_first.date.iso()) == ("Jane Roe", "2017-03-14")
    assert ref(docs[("release.pdf", "p1-msg2")], "It is urgent") == "release.pdf#p1-msg2:p2:2"
    assert [(p, d.author, d.date.iso()) for (path, p), d in sorted(docs.items()) if path == "chat.txt"] == [
        ("m1", "alice", "2019-03-14"), ("m2", "bob", "2019-03-15")]
    assert docs[("printed.txt", "msg1")].author == "Jane Roe"
    assert docs[("slack/general/2019-03-14.json", "m1")].author == "Jane Roe"
    assert docs[("memo.docx", "")].date.iso() == "2019-04-02"
    assert docs[("pilot.msg", "")].author == "Jane Roe"


def _image_only_pdf() -> bytes:
    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 60, style="F")
    return bytes(pdf.output())
