"""E-mail reader: headers, organization, signatures, quoted history as own documents, mbox, encodings."""

from __future__ import annotations

import base64
import quopri
from pathlib import Path

import pytest

from claimcheck.config import CorpusConfig
from claimcheck.ingest import dropped_quotes, ingest_paths
from claimcheck.ingest.base import context_for, organization_from_domain
from claimcheck.ingest.email import read_eml, read_mbox
from claimcheck.ingest.email.dates import parse_mail_date
from claimcheck.ingest.email.signature import cut_signature

REPLY = """\
From: "Kim Lee" <kim.lee@mail.northwind-example.com>
To: Pat Doe <pat@abc.gov>, ops@abc.gov
Cc: Sam Roe <sam@northwind-example.com>
Subject: RE: Pilot next steps
Date: Thu, 21 Jun 2018 11:12:03 -0400
Message-ID: <reply-1@northwind-example.com>
In-Reply-To: <orig-1@abc.gov>
References: <root-0@abc.gov> <orig-1@abc.gov>

Pat,

We can run the training for your analysts in July.

Best,
Kim

Kim Lee
Account Executive

-----Original Message-----
From: Pat Doe <pat@abc.gov>
Sent: Tuesday, June 19, 2018 6:15 PM
To: Kim Lee <kim.lee@mail.northwind-example.com>
Subject: Pilot next steps

Kim,

Could you put on a training for our analysts this summer?

Thank you,
Pat Doe
Office of the CIO
"""


def eml(data: str | bytes, name: str = "m.eml", **kw):
    raw = data.encode("utf-8") if isinstance(data, str) else data
    return read_eml(raw, context_for(raw, Path("/in") / name, name, **kw))


def test_headers_and_fields():
    docs = eml(REPLY)
    reply = docs[0]
    assert reply.kind == "email" and reply.part == "" and not reply.quoted
    assert reply.author == "Kim Lee" and reply.author_address == "kim.lee@mail.northwind-example.com"
    assert reply.organization == "Northwind-example"
    assert reply.recipients == ("Pat Doe", "ops@abc.gov", "Sam Roe")
    assert reply.title == "RE: Pilot next steps"
    assert reply.message_id == "reply-1@northwind-example.com"
    assert reply.in_reply_to == "orig-1@abc.gov" and reply.thread_id == "root-0@abc.gov"
    assert reply.date.iso() == "2018-06-21" and reply.date.source == "header"


def test_signature_and_quote_cut_from_reply_and_line_base():
    reply = eml(REPLY)[0]
    assert reply.text == "Pat,\n\nWe can run the training for your analysts in July.\n"
    assert reply.line_base == 10
    line = REPLY.split("\n").index("We can run the training for your analysts in July.") + 1
    assert reply.locate(reply.text.index("We can"))[0] == line


def test_outlook_quote_becomes_own_document():
    quote = eml(REPLY)[1]
    assert quote.quoted and quote.part == "quote1" and quote.kind == "email"
    assert quote.author == "Pat Doe" and quote.author_address == "pat@abc.gov" and quote.organization == "ABC"
    assert quote.date.iso() == "2018-06-19"
    assert quote.title == "Pilot next steps"
    assert quote.text == "Kim,\n\nCould you put on a training for our analysts this summer?\n"
    line = REPLY.split("\n").index("Kim,") + 1
    assert quote.line_base == line


GMAIL = """\
From: Ana Diaz <ana@example.org>
To: Bo Chen <bo@example.net>
Subject: Re: numbers
Date: Wed, 15 Mar 2017 08:00:00 +0000

Thanks, those numbers help.

On Tue, Mar 14, 2017 at 9:02 AM, Bo Chen <bo@example.net> wrote:
> We shipped 200 units last quarter.
>
> On Mon, Mar 13, 2017 at 5:00 PM Ana Diaz <ana@example.org>
> wrote:
>> How many units did you ship?
"""


def test_gmail_attribution_and_nested_quotes():
    docs = eml(GMAIL)
    assert docs[0].text == "Thanks, those numbers help.\n"
    q1, q2 = docs[1], docs[2]
    assert (q1.part, q1.author, q1.author_address, q1.date.iso()) == ("quote1", "Bo Chen", "bo@example.net", "2017-03-14")
    assert q1.text == "We shipped 200 units last quarter.\n"
    assert (q2.part, q2.author, q2.date.iso()) == ("quote2", "Ana Diaz", "2017-03-13")
    assert q2.text == "How many units did you ship?\n"
    lines = GMAIL.split("\n")
    assert q1.line_base == lines.index("> We shipped 200 units last quarter.") + 1
    assert q2.line_base == lines.index(">> How many units did you ship?") + 1


@pytest.mark.parametrize("tail", [
    "\n-- \nKim Lee\n+1 555 0100\n",
    "\nSent from my iPhone\n",
    "\nCONFIDENTIALITY NOTICE: This e-mail is intended only for the addressee.\n",
    "\nThis email and any attachments are confidential and may be privileged.\n",
    "\nRegards,\nKim Lee\nDirector, Operations\nNorthwind\n",
])
def test_signatures_cut(tail):
    lines = ("We will ship in May.\n" + tail).split("\n")
    assert [ln for ln in cut_signature(lines) if ln.strip()] == ["We will ship in May."]


def test_signoff_not_cut_when_long_text_follows():
    lines = ["Thanks,", "but I have one more long paragraph that is clearly part of the message and goes on and on."]
    assert cut_signature(lines) == lines


def test_quoted_duplicate_dropped_when_original_present(tmp_path):
    (tmp_path / "reply.eml").write_text(REPLY)
    original = """From: Pat Doe <pat@abc.gov>
To: Kim Lee <kim.lee@mail.northwind-example.com>
Subject: Pilot next steps
Date: Tue, 19 Jun 2018 18:15:00 -0400
Message-ID: <orig-1@abc.gov>

Kim,

Could you put on a training for our analysts this summer?

Thank you,
Pat Doe
"""
    (tmp_path / "orig.eml").write_text(original)
    docs = [d for r in ingest_paths([tmp_path]) for d in r.documents]
    quote = next(d for d in docs if d.quoted)
    assert dropped_quotes(docs) == {quote.id}


def test_config_alias_for_domain():
    cfg = CorpusConfig(aliases=(("Northwind Corp", ("Northwind", "northwind-example.com")),))
    docs = eml(REPLY, config=cfg)
    assert docs[0].organization == "Northwind Corp"
    assert docs[0].aliases and ("Northwind", "Northwind Corp") in docs[0].aliases


@pytest.mark.parametrize("domain,org", [
    ("mail.contoso.com", "Contoso"), ("abc.gov", "ABC"), ("dept.northwind.co.uk", "Northwind"),
    ("dept.example.co.uk", ""), ("gmail.com", ""),
    # a country's code after the label is no part of the name; a mail service names no organization
    ("lcs-sy.example", "LCS"), ("northwind-uk.com", "Northwind"), ("private-mail.example", ""),
    ("securemail.net", ""), ("dailymail.co.uk", "Dailymail"),
])
def test_organization_from_domain(domain, org):
    assert organization_from_domain(domain) == org


def test_mbox_one_document_per_message_with_line_base():
    mbox = ("From alice@example.org Mon Mar 13 17:00:00 2017\n"
            "From: Alice <alice@example.org>\nSubject: one\nDate: Mon, 13 Mar 2017 17:00:00 +0000\n\n"
            "First body line.\n\n"
            "From bob@example.org Tue Mar 14 09:00:00 2017\n"
            "From: Bob <bob@example.org>\nSubject: two\nDate: Tue, 14 Mar 2017 09:00:00 +0000\n\n"
            "Second body.\n>From the top, escaped.\n")
    raw = mbox.encode()
    docs = read_mbox(raw, context_for(raw, Path("/in/box.mbox"), "box.mbox"))
    assert [d.part for d in docs] == ["msg1", "msg2"]
    assert [d.author for d in docs] == ["Alice", "Bob"]
    assert [d.date.iso() for d in docs] == ["2017-03-13", "2017-03-14"]
    lines = mbox.split("\n")
    assert docs[0].line_base == lines.index("First body line.") + 1
    assert docs[1].line_base == lines.index("Second body.") + 1
    assert "From the top" in docs[1].text


def _mime(body: bytes, headers: str) -> bytes:
    return (headers.encode("ascii") + b"\n" + body)


def test_encoded_word_headers():
    raw = _mime(b"Body.\n", "From: =?utf-8?q?Jos=C3=A9_P=C3=A9rez?= <jose@example.org>\n"
                            "Subject: =?iso-8859-1?b?" + base64.b64encode("Café plan".encode("latin-1")).decode() + "?=\n"
                            "Date: Mon, 13 Mar 2017 17:00:00 +0000\n")
    d = eml(raw)[0]
    assert d.author == "José Pérez" and d.title == "Café plan"


def test_quoted_printable_body():
    body = quopri.encodestring("Le café coûte 3 € — long line ".encode("utf-8") * 5)
    raw = _mime(body, "From: a@example.org\nDate: Mon, 13 Mar 2017 17:00:00 +0000\nMIME-Version: 1.0\n"
                      "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n")
    d = eml(raw)[0]
    assert "Le café coûte 3 € — long line" in d.text
    assert d.line_exact is False


def test_base64_body():
    body = base64.encodebytes("Zürich office will pilot it.\n".encode("utf-8"))
    raw = _mime(body, "From: a@example.org\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n"
                      "Content-Transfer-Encoding: base64\n")
    assert eml(raw)[0].text == "Zürich office will pilot it.\n"


def test_windows_1252_declared_and_undeclared():
    declared = _mime("We’ll ship – €5 café\n".encode("cp1252"),
                     "From: a@example.org\nContent-Type: text/plain; charset=windows-1252\nContent-Transfer-Encoding: 8bit\n")
    undeclared = _mime("We’ll ship – €5 café\n".encode("cp1252"), "From: Rene <r@example.org>\n")
    assert eml(declared)[0].text == "We’ll ship – €5 café\n"
    assert eml(undeclared)[0].text == "We’ll ship – €5 café\n"
    latin1_header = "From: Ren\xe9 <r@example.org>\nSubject: caf\xe9\n\nBody.\n".encode("latin-1")
    d = eml(latin1_header)[0]
    assert d.author == "René" and d.title == "café"


def test_crlf_email_lines():
    raw = REPLY.replace("\n", "\r\n").encode()
    reply = eml(raw)[0]
    assert reply.text == "Pat,\n\nWe can run the training for your analysts in July.\n"
    assert reply.line_base == 10


def test_html_only_email_converted():
    raw = _mime(b"<html><body><p>We will <b>not</b> sell it.</p><script>x()</script></body></html>\n",
                "From: a@example.org\nContent-Type: text/html; charset=utf-8\n")
    d = eml(raw)[0]
    assert d.text.strip() == "We will not sell it." and d.line_exact is False


def test_multipart_prefers_plain_and_attachment_not_merged():
    raw = (b"From: a@example.org\nSubject: s\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=XX\n\n"
           b"--XX\nContent-Type: multipart/alternative; boundary=YY\n\n"
           b"--YY\nContent-Type: text/plain; charset=utf-8\n\nPlain body.\n"
           b"--YY\nContent-Type: text/html; charset=utf-8\n\n<p>HTML body.</p>\n--YY--\n"
           b"--XX\nContent-Type: text/plain; name=notes.txt\nContent-Disposition: attachment; filename=notes.txt\n\n"
           b"ATTACHED SECRET\n"
           b"--XX\nContent-Type: message/rfc822\n\nFrom: Old <old@example.org>\nSubject: earlier\n"
           b"Date: Mon, 13 Mar 2017 17:00:00 +0000\n\nEarlier message text.\n"
           b"--XX--\n")
    docs = eml(raw)
    assert docs[0].text == "Plain body.\n"
    assert all("ATTACHED SECRET" not in d.text for d in docs)
    att = [d for d in docs if d.part == "att1"]
    assert att and att[0].author == "Old" and att[0].text.strip() == "Earlier message text."


@pytest.mark.parametrize("value,iso", [
    ("Tue, 14 Mar 2017 09:02:00 -0400", "2017-03-14"),
    ("Tuesday, June 19, 2018 6:15 PM", "2018-06-19"),
    ("Tue, Mar 14, 2017 at 9:02 AM", "2017-03-14"),
    ("not a date", None),
])
def test_parse_mail_date(value, iso):
    d = parse_mail_date(value)
    assert (d.iso() if d else None) == iso


def test_config_people_give_organization_when_domain_is_unknown():
    cfg = CorpusConfig(people=(("Kim Lee", "Northwind Corp"), ("Pat Doe", "Agency X")),
                       aliases=(("ABC Agency", ("abc.gov",)),))
    docs = eml(REPLY, config=cfg)
    assert docs[0].organization == "Northwind Corp"      # domain alias unknown -> people entry
    assert docs[1].organization == "ABC Agency"          # domain alias known -> alias wins


def test_utf16_eml_with_bom():
    raw = ("From: Zoë <z@example.org>\r\nSubject: s\r\n\r\nCafé plan.\r\n").encode("utf-16")
    d = eml(raw)[0]
    assert d.author == "Zoë" and d.text == "Café plan.\n"


INTERLEAVED = """\
From: Ana Diaz <ana@example.org>
Subject: Re: plan
Date: Wed, 15 Mar 2017 08:00:00 +0000

On Tue, Mar 14, 2017 at 9:02 AM, Bo Chen <bo@example.net> wrote:
> Will you ship in May?

Yes, we will ship in May.
"""


def test_bottom_posted_reply_keeps_its_file_lines():
    docs = eml(INTERLEAVED)
    reply, quote = docs[0], docs[1]
    assert quote.text == "Will you ship in May?\n" and quote.author == "Bo Chen"
    assert "Will you ship" not in reply.text and "Yes, we will ship in May." in reply.text
    line = INTERLEAVED.split("\n").index("Yes, we will ship in May.") + 1
    assert reply.locate(reply.text.index("Yes, we"))[0] == line
    assert reply.text == "Yes, we will ship in May.\n" and reply.line_exact


@pytest.mark.parametrize("line,author,iso", [
    ("On Mar 14, 2017, at 9:02 AM, Bo Chen <bo@example.net> wrote:", "Bo Chen", "2017-03-14"),   # Apple Mail
    ("On 14/03/2017 09:02, Bo Chen wrote:", "Bo Chen", "2017-03-14"),
    ("On Tue, 14 Mar 2017 at 09:02, Bo Chen <bo@example.net> wrote:", "Bo Chen", "2017-03-14"),
    ("On Tue, Mar 14, 2017 at 9:02 AM Bo Chen <bo@example.net> wrote:", "Bo Chen", "2017-03-14"),
    ('On 2017-03-14 09:02, "Chen, Bo" <bo@example.net> wrote:', "Bo Chen", "2017-03-14"),
    ("Bo Chen <bo@example.net> wrote:", "Bo Chen", None),
])
def test_attribution_variants(line, author, iso):
    raw = f"From: Ana <ana@example.org>\nSubject: s\n\nSounds good to me.\n\n{line}\n> We ship in May.\n"
    quote = eml(raw)[1]
    assert quote.author == author and (quote.date.iso() if quote.date.known else None) == iso
    assert quote.text == "We ship in May.\n"


def test_forwarded_message_block_and_last_first_names():
    raw = ("From: Ana <ana@example.org>\nSubject: Fwd: plan\n\nSee below.\n\n"
           "---------- Forwarded message ---------\nFrom: Chen, Bo <bo@example.net>\n"
           "Date: Tue, Mar 14, 2017 at 9:02 AM\nSubject: plan\nTo: Ana <ana@example.org>\n\nWe ship in May.\n")
    docs = eml(raw)
    assert docs[0].text == "See below.\n"
    assert (docs[1].author, docs[1].date.iso(), docs[1].title, docs[1].text) == (
        "Bo Chen", "2017-03-14", "plan", "We ship in May.\n")


@pytest.mark.parametrize("body", [
    "This message is to confirm that we sold 200 units to the agency.",
    "Thanks!\nWe will ship 200 units in May.",
    "We met them.\n\nThanks,\nbut can you send the contract by Friday?",
])
def test_content_that_looks_like_a_signature_is_kept(body):
    lines = body.split("\n")
    assert cut_signature(lines) == lines


def test_name_signoff_and_signature_block_cut():
    lines = ("I would ground two of them.\n\nEllen\n\nEllen Sato\nDirector of Maintenance Engineering\n"
             "Northwind Regional Airlines\n").split("\n")
    assert [x for x in cut_signature(lines, author="Ellen Sato") if x] == ["I would ground two of them."]
    lines = "Please send it.\n\nHappy holidays,\nKevin\n\nKevin Marsh\nAccount Executive\n".split("\n")
    assert [x for x in cut_signature(lines, author="Kevin Marsh") if x] == ["Please send it."]
    lines = "Ellen is right about the risk.\nEllen\n".split("\n")
    assert cut_signature(lines, author="Ellen Sato") == ["Ellen is right about the risk."]


def test_bare_quote_in_reply_is_attributed_to_the_single_recipient():
    raw = ("From: Laura Benton <lb@example.gov>\nTo: Greg Sato <gs@example.gov>\nSubject: RE: go-live\n"
           "Date: Mon, 12 Jul 2021 08:05:44 -0700\n\nGreg,\n\nApproved.\n\nLaura\n\n"
           "> Chief, it is ready to go live. Do we have your approval?\n> Greg\n")
    reply, quote = eml(raw)
    assert reply.text == "Greg,\n\nApproved.\n"
    assert quote.author == "Greg Sato" and quote.author_address == "gs@example.gov" and not quote.date.known
    assert quote.text == "Chief, it is ready to go live. Do we have your approval?\n"


def test_date_from_received_when_no_date_header():
    raw = ("Received: from b.example by c.example; Wed, 15 Mar 2017 10:00:00 +0000\n"
           "Received: from a.example by b.example; Tue, 14 Mar 2017 23:59:00 -0400\n"
           "From: a@example.org\nSubject: s\n\nWe will ship.\n")
    d = eml(raw)[0]
    assert d.date.iso() == "2017-03-14" and d.date.source == "header"


def test_emlx_and_mbox_saved_as_eml():
    msg = b"From: Kim <k@example.org>\nSubject: s\nDate: Tue, 14 Mar 2017 09:00:00 +0000\n\nWe will ship.\n"
    emlx = str(len(msg)).encode() + b"\n" + msg + b'<?xml version="1.0"?>\n<plist><dict></dict></plist>\n'
    ctx = context_for(emlx, Path("/in/m.emlx"), "m.emlx")
    from claimcheck.ingest import READERS

    (d,) = READERS["emlx"](emlx, ctx)
    assert d.text == "We will ship.\n" and d.author == "Kim" and d.line_base == 6
    box = b"From k@x Tue Mar 14 09:00:00 2017\n" + msg + b"\nFrom k@x Tue Mar 14 10:00:00 2017\n" + msg
    assert [d.part for d in eml(box)] == ["msg1", "msg2"]


def test_multipart_plain_part_positions_for_reply_and_quote():
    raw = ("From: Ana <ana@example.org>\nSubject: Re: s\nMIME-Version: 1.0\n"
           "Content-Type: multipart/alternative; boundary=B\n\n"
           "--B\nContent-Type: text/plain; charset=utf-8\n\n"
           "We will ship in May.\n\nOn Tue, Mar 14, 2017 at 9:02 AM, Bo <bo@example.net> wrote:\n"
           "> When do you ship?\n\n"
           "--B\nContent-Type: text/html; charset=utf-8\n\n<p>We will ship in May.</p>\n--B--\n")
    reply, quote = eml(raw)
    lines = raw.split("\n")
    assert (reply.line_base, reply.line_exact) == (lines.index("We will ship in May.") + 1, True)
    assert (quote.line_base, quote.line_exact) == (lines.index("> When do you ship?") + 1, True)


def test_nested_attached_messages_read_once():
    inner = (b"From: Old <old@example.org>\nSubject: oldest\nMIME-Version: 1.0\n"
             b"Content-Type: multipart/mixed; boundary=I\n\n--I\nContent-Type: text/plain\n\nInner words.\n"
             b"--I\nContent-Type: message/rfc822\n\nFrom: Older <older@example.org>\nSubject: x\n\nOldest words.\n--I--\n")
    raw = (b"From: a@example.org\nSubject: s\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=O\n\n"
           b"--O\nContent-Type: text/plain\n\nTop words.\n--O\nContent-Type: message/rfc822\n\n" + inner + b"--O--\n")
    docs = eml(raw)
    assert [(d.part, d.text.strip()) for d in docs] == [
        ("", "Top words."), ("att1", "Inner words."), ("att1-att1", "Oldest words.")]


def test_mbox_message_without_date_uses_separator_line():
    raw = (b"From k@x Tue Mar 14 09:00:00 2017\nFrom: Kim <k@example.org>\nSubject: s\n\nWe will ship.\n")
    (d,) = read_mbox(raw, context_for(raw, Path("/in/b.mbox"), "b.mbox"))
    assert d.date.iso() == "2017-03-14" and d.date.source == "header"


def test_mbox_body_line_starting_with_from_is_not_a_separator():
    raw = (b"From k@x Tue Mar 14 09:00:00 2017\nFrom: Kim <k@example.org>\nSubject: s\n\nFirst part.\n\n"
           b"From here on, we ship weekly.\n\nFrom j@x Wed Mar 15 09:00:00 2017\nFrom: Jo <j@example.org>\n"
           b"Subject: t\n\nSecond.\n")
    docs = read_mbox(raw, context_for(raw, Path("/in/b.mbox"), "b.mbox"))
    assert [d.part for d in docs] == ["msg1", "msg2"]
    assert "From here on, we ship weekly." in docs[0].text
