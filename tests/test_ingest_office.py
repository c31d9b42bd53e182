"""Office formats: .docx built with python-docx, Outlook .msg built by a minimal compound-file writer."""

from __future__ import annotations

import datetime as dt
import io
import struct
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimcheck.ingest.base import Skip, context_for
from claimcheck.ingest.office import READERS, read_docx, read_msg

# --------------------------------------------------------------------------- a .msg writer
# No Python library writes Outlook .msg files (extract-msg and olefile only read them), so the
# test writes the compound-file (CFB v3) container itself: every stream in the mini stream, the
# MAPI string properties extract-msg reads (__substg1.0_<tag>001F, UTF-16LE), the transport
# headers stream (007D) and PR_CLIENT_SUBMIT_TIME in __properties_version1.0.

ENDOFCHAIN, FREESECT, FATSECT, NOSTREAM = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF


def write_cfb(tree: dict) -> bytes:
    """tree: {name: bytes | dict} (dict = storage). Returns the file bytes."""
    entries = []  # [name, type, data, children_ids]

    def add(name, node):
        idx = len(entries)
        entries.append([name, 1 if isinstance(node, dict) else 2, node if isinstance(node, bytes) else b"", []])
        if isinstance(node, dict):
            for child, sub in node.items():
                entries[idx][3].append(add(child, sub))
        return idx

    entries.append(["Root Entry", 5, b"", []])
    for child, sub in tree.items():
        entries[0][3].append(add(child, sub))
    # mini stream: every stream here is < 4096 bytes
    mini = bytearray()
    minifat = []
    starts = {}
    for i, (_n, typ, data, _c) in enumerate(entries):
        if typ != 2:
            continue
        if not data:
            starts[i] = ENDOFCHAIN
            continue
        assert len(data) < 4096
        first = len(mini) // 64
        count = (len(data) + 63) // 64
        starts[i] = first
        minifat.extend(list(range(first + 1, first + count)) + [ENDOFCHAIN])
        mini += data + b"\0" * (count * 64 - len(data))
    sectors = []  # list of 512-byte payloads; FAT chain built after

    def alloc(data):
        start = len(sectors)
        n = max(1, (len(data) + 511) // 512)
        for k in range(n):
            sectors.append(data[k * 512:(k + 1) * 512].ljust(512, b"\0"))
        return start, n

    chains = []
    mini_start, mini_n = alloc(bytes(mini)) if mini else (ENDOFCHAIN, 0)
    if mini:
        chains.append((mini_start, mini_n))
    mf = b"".join(struct.pack("<I", x) for x in minifat)
    mf += struct.pack("<I", FREESECT) * ((-len(minifat)) % 128)
    mf_start, mf_n = alloc(mf)
    chains.append((mf_start, mf_n))
    # directory
    def sort_key(i):
        return (len(entries[i][0]), entries[i][0].upper())
    left = {}
    right = {}
    child = {}
    for i, e in enumerate(entries):
        kids = sorted(e[3], key=sort_key)
        child[i] = kids[0] if kids else NOSTREAM
        for a, b in zip(kids, kids[1:]):
            right[a] = b
    d = bytearray()
    for i, (name, typ, data, _c) in enumerate(entries):
        nm = name.encode("utf-16-le") + b"\0\0"
        rec = nm.ljust(64, b"\0") + struct.pack("<HBB", len(nm), typ, 1)
        rec += struct.pack("<III", left.get(i, NOSTREAM), right.get(i, NOSTREAM), child[i] if typ != 2 else NOSTREAM)
        rec += b"\0" * 16 + b"\0" * 4 + b"\0" * 16
        if typ == 5:
            rec += struct.pack("<IQ", mini_start, len(mini))
        elif typ == 2:
            rec += struct.pack("<IQ", starts[i], len(data))
        else:
            rec += struct.pack("<IQ", 0, 0)
        assert len(rec) == 128
        d += rec
    d += b"\0" * ((-len(d)) % 512)
    # unused dir entries must be empty with NOSTREAM siblings
    dir_start, dir_n = alloc(bytes(d))
    chains.append((dir_start, dir_n))
    nfat = 1
    while (len(sectors) + nfat) > nfat * 128:
        nfat += 1
    fat_start = len(sectors)
    fat = [FREESECT] * (nfat * 128)
    for start, n in chains:
        for k in range(n):
            fat[start + k] = start + k + 1 if k < n - 1 else ENDOFCHAIN
    for k in range(nfat):
        fat[fat_start + k] = FATSECT
    fatb = b"".join(struct.pack("<I", x) for x in fat)
    for k in range(nfat):
        sectors.append(fatb[k * 512:(k + 1) * 512])
    difat = [fat_start + k for k in range(nfat)] + [FREESECT] * (109 - nfat)
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 16 + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
    header += b"\0" * 6 + struct.pack("<IIIIIIIII", 0, nfat, dir_start, 0, 4096, mf_start, mf_n, ENDOFCHAIN, 0)
    header += b"".join(struct.pack("<I", x) for x in difat)
    assert len(header) == 512, len(header)
    return header + b"".join(sectors)


def u16(s: str) -> bytes:
    return s.encode("utf-16-le")


def make_msg(*, subject: str, body: str, sender: str, to: str, date: str, cc: str = "", message_id: str = "", filetime: int | None = None) -> bytes:
    headers = f"From: {sender}\r\nTo: {to}\r\n" + (f"Cc: {cc}\r\n" if cc else "") + \
        f"Subject: {subject}\r\nDate: {date}\r\n" + (f"Message-ID: {message_id}\r\n" if message_id else "") + "\r\n"
    props = b"\0" * 32
    if filetime is not None:
        props += struct.pack("<IIQ", 0x00390040, 2, filetime)  # PR_CLIENT_SUBMIT_TIME
    return write_cfb({
        "__substg1.0_001A001F": u16("IPM.Note"),
        "__substg1.0_0037001F": u16(subject),
        "__substg1.0_1000001F": u16(body),
        "__substg1.0_007D001F": u16(headers),
        "__substg1.0_0C1A001F": u16(sender.split("<")[0].strip()),
        "__properties_version1.0": props,
        "__nameid_version1.0": {"__substg1.0_00020102": b"", "__substg1.0_00030102": b"", "__substg1.0_00040102": b""},
    })


def filetime(when: dt.datetime) -> int:
    return int((when - dt.datetime(1601, 1, 1)).total_seconds() * 10**7)


THREAD_BODY = (
    "We will not sell the system to the agency until a law is in place.\r\n"
    "\r\n"
    "Jane\r\n"
    "\r\n"
    "-----Original Message-----\r\n"
    "From: John Doe [mailto:jdoe@abc.gov]\r\n"
    "Sent: Monday, March 13, 2017 5:45 PM\r\n"
    "To: Roe, Jane\r\n"
    "Subject: pilot\r\n"
    "\r\n"
    "Can we start the pilot in April?\r\n"
)


def outlook_msg(**kw) -> bytes:
    args = dict(subject="RE: pilot", body=THREAD_BODY, sender="Jane Roe <jane.roe@contoso.com>",
                to="John Doe <jdoe@abc.gov>", cc="Ann Smith <ann@abc.gov>",
                date="Tue, 14 Mar 2017 23:02:00 -0500", message_id="<m2@contoso.com>",
                filetime=filetime(dt.datetime(2017, 3, 15, 4, 2)))
    args.update(kw)
    return make_msg(**args)


def ctx(data: bytes, name: str):
    return context_for(data, Path(name), name)


# --------------------------------------------------------------------------- .msg

def test_registered_extensions():
    assert READERS == {"docx": read_docx, "msg": read_msg}


def test_msg_reply_and_quoted_message():
    data = outlook_msg()
    docs = read_msg(data, ctx(data, "mail/pilot.msg"))
    reply = docs[0]
    assert (reply.kind, reply.author, reply.author_address, reply.organization, reply.title) == (
        "email", "Jane Roe", "jane.roe@contoso.com", "Contoso", "RE: pilot")
    # the day written in the sender's Date header, not the UTC day of the submit time
    assert reply.date.iso() == "2017-03-14" and reply.date.source == "header"
    assert reply.recipients == ("John Doe", "Ann Smith")
    assert reply.message_id == "m2@contoso.com"
    assert reply.text.startswith("We will not sell the system")
    assert "Can we start" not in reply.text
    assert reply.line_base == 1 and reply.line_exact is False and reply.path == "mail/pilot.msg"
    quoted = [d for d in docs if d.quoted]
    assert len(quoted) == 1
    assert (quoted[0].author, quoted[0].date.iso(), quoted[0].text.strip()) == (
        "John Doe", "2017-03-13", "Can we start the pilot in April?")


def test_msg_without_date_header_uses_submit_time():
    data = outlook_msg(date="", body="Short note.\r\n")
    docs = read_msg(data, ctx(data, "a.msg"))
    assert [d.date.iso() for d in docs] == ["2017-03-15"]


@pytest.mark.parametrize("data,reason", [
    (b"From: a@b.c\n\nnot an outlook file", "not an Outlook .msg"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "malformed .msg"),
])
def test_malformed_msg_fails_with_reason(data, reason):
    with pytest.raises(ValueError, match=reason):
        read_msg(data, ctx(data, "x.msg"))


def test_truncated_msg_fails_with_reason():
    data = outlook_msg()[:1200]
    with pytest.raises(ValueError, match="malformed .msg"):
        read_msg(data, ctx(data, "x.msg"))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(min_value=0, max_value=4000), st.binary(min_size=1, max_size=64))
def test_fuzz_msg_reader_raises_only_reasons(pos, junk):
    base = bytearray(outlook_msg())
    pos = pos % len(base)
    base[pos:pos + len(junk)] = junk
    data = bytes(base)
    try:
        docs = read_msg(data, ctx(data, "f.msg"))
    except (ValueError, Skip):
        return
    assert all(d.kind == "email" for d in docs)


# --------------------------------------------------------------------------- .docx

def make_docx(*, created: dt.datetime | None = dt.datetime(2019, 4, 2, 15, 0),
              modified: dt.datetime | None = dt.datetime(2019, 5, 1, 9, 0),
              author: str = "Jane Roe", title: str = "") -> bytes:
    import docx

    d = docx.Document()
    d.add_paragraph("MEMORANDUM")
    d.add_heading("Pilot review", level=1)
    d.add_paragraph("The pilot with the agency will continue through June.")
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Units"
    table.cell(0, 1).text = "Price"
    table.cell(1, 0).text = "200"
    table.cell(1, 1).text = "$1.2 million"
    d.add_paragraph("We do not plan to expand it.")
    props = d.core_properties
    props.author = author
    props.title = title
    if created is not None:
        props.created = created
    if modified is not None:
        props.modified = modified
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def test_docx_paragraphs_and_tables_in_order_with_properties():
    data = make_docx()
    docs = read_docx(data, ctx(data, "memos/review.docx"))
    assert len(docs) == 1
    doc = docs[0]
    lines = doc.text.split("\n")
    assert lines[:5] == ["MEMORANDUM", "Pilot review", "The pilot with the agency will continue through June.",
                         "Units\tPrice", "200\t$1.2 million"]
    assert lines[-1] == "We do not plan to expand it."
    assert (doc.kind, doc.author, doc.title, doc.date.iso(), doc.date.source) == (
        "memo", "Jane Roe", "Pilot review", "2019-04-02", "metadata")
    assert doc.line_exact is False
    assert doc.locate(doc.text.index("We do not plan")) == (len(lines), None)


def test_docx_modified_date_when_created_missing_and_meta_kind_wins():
    data = make_docx(title="Quarterly update")
    data = _drop_core_element(data, "dcterms:created")
    docs = read_docx(data, context_for(data, Path("u.docx"), "u.docx", meta={"kind": "internal-report"}))
    assert docs[0].date.iso() == "2019-05-01" and docs[0].title == "Quarterly update"
    assert docs[0].kind == "internal-report"


def _drop_core_element(data: bytes, tag: str) -> bytes:
    import re

    src = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as out:
        for item in src.infolist():
            content = src.read(item.filename)
            if item.filename == "docProps/core.xml":
                content = re.sub(rb"<" + tag.encode() + rb"[^>]*>[^<]*</" + tag.encode() + rb">", b"", content)
            out.writestr(item, content)
    return buf.getvalue()


def test_docx_that_is_a_zip_of_junk_fails_with_reason():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("junk.bin", b"\x00\x01garbage")
    data = buf.getvalue()
    with pytest.raises(ValueError, match="not a valid .docx"):
        read_docx(data, ctx(data, "j.docx"))


def test_docx_not_a_zip_fails_and_empty_docx_skipped():
    with pytest.raises(ValueError, match="not a .docx"):
        read_docx(b"plain text", ctx(b"plain text", "t.docx"))
    import docx

    buf = io.BytesIO()
    docx.Document().save(buf)
    with pytest.raises(Skip, match="no text"):
        read_docx(buf.getvalue(), ctx(buf.getvalue(), "e.docx"))


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(min_value=0, max_value=20000), st.binary(min_size=1, max_size=64))
def test_fuzz_docx_reader_raises_only_reasons(pos, junk):
    base = bytearray(make_docx())
    pos = pos % len(base)
    base[pos:pos + len(junk)] = junk
    data = bytes(base)
    try:
        docs = read_docx(data, ctx(data, "f.docx"))
    except (ValueError, Skip):
        return
    assert len(docs) == 1
