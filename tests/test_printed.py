"""Printed e-mail saved as text: header blocks split messages (Outlook and Gmail layouts)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.ingest.base import context_for
from claimcheck.ingest.printed import (
    TEXT_SNIFFERS, parse_header_date, parse_person, sniff_printed_email, strip_marks,
)

OUTLOOK = """\
From: Roe, Jane <jane.roe@mail.contoso.com>
Sent: Tuesday, March 14, 2017 9:02 AM
To: Doe, John; Smith, Ann <ann@abc.gov>
Cc:
Subject: RE: pilot

We are not selling this to anyone yet.
Thanks

-----Original Message-----
From: John Doe [mailto:jdoe@abc.gov]
Sent: Monday, March 13, 2017 5:45 PM
To: Roe, Jane
Subject: pilot

Can we start the pilot in April? Reach me at (b)(6).
"""

GMAIL = """\
Gmail - pilot
Jane Roe <jane@contoso.com> Tue, Mar 14, 2017 at 9:02 AM
To: John Doe <jdoe@abc.gov>
Cc: ops@contoso.com
Hello there.
John Doe <jdoe@abc.gov>
Wed, Mar 15, 2017 at 10:00 AM
To: Jane Roe <jane@contoso.com>
Reply text.
"""


def sniff(text: str, name: str = "thread.txt"):
    return sniff_printed_email(text, context_for(text.encode(), Path(name), name))


def test_registered_as_text_sniffer():
    assert TEXT_SNIFFERS == [sniff_printed_email]


def test_outlook_thread_split_with_dates_authors_lines():
    docs = sniff(OUTLOOK)
    got = [(d.part, d.kind, d.author, d.author_address, d.organization, d.date.iso(), d.date.source,
            d.quoted, d.line_base, d.title) for d in docs]
    assert got == [
        ("msg1", "email", "Jane Roe", "jane.roe@mail.contoso.com", "Contoso", "2017-03-14", "header",
         False, 7, "RE: pilot"),
        ("msg2", "email", "John Doe", "jdoe@abc.gov", "ABC", "2017-03-13", "header", True, 16, "pilot"),
    ]
    assert docs[0].text == "We are not selling this to anyone yet.\nThanks"  # separator not in body
    assert docs[1].text == "Can we start the pilot in April? Reach me at."
    assert docs[0].recipients == ("John Doe", "Ann Smith")
    # the file line of a phrase: line_base + newlines before it
    assert docs[0].locate(docs[0].text.index("Thanks")) == (8, None)
    assert OUTLOOK.split("\n")[7] == "Thanks"


def test_gmail_layout_split():
    docs = sniff(GMAIL)
    got = [(d.author, d.author_address, d.date.iso(), d.line_base, d.text, d.recipients) for d in docs]
    assert got == [
        ("Jane Roe", "jane@contoso.com", "2017-03-14", 5, "Hello there.", ("John Doe", "ops@contoso.com")),
        ("John Doe", "jdoe@abc.gov", "2017-03-15", 9, "Reply text.", ("Jane Roe",)),
    ]


def test_config_alias_names_the_organization():
    from claimcheck.config import CorpusConfig
    cfg = CorpusConfig(aliases=(("Contoso Corp", ("contoso.com",)),))
    docs = sniff_printed_email(GMAIL, context_for(GMAIL.encode(), Path("g.txt"), config=cfg))
    assert docs is not None and docs[0].organization == "Contoso Corp"


@pytest.mark.parametrize("text", [
    "MEMORANDUM\nTo: All staff\nFrom: Operations\nDate: June 1, 2020\nSubject: x\n\nbody",
    "Just a note.\nFrom: the desk of the editor\nNothing else.",
    "",
])
def test_memo_and_plain_text_are_not_claimed(text):
    assert sniff(text) is None


@pytest.mark.parametrize("raw,iso", [
    ("Tuesday, March 14, 2017 9:02 AM", "2017-03-14"),
    ("Tue, Mar 14, 2017 at 9:02 AM", "2017-03-14"),
    ("3/14/2017 9:02:11 AM", "2017-03-14"),
    ("3/14/17 9:02 AM", "2017-03-14"),
    ("Tue, 14 Mar 2017 23:02:11 -0500", "2017-03-14"),
    ("14 March 2017 09:02", "2017-03-14"),
    ("Sept. 3, 2019 10:00", "2019-09-03"),
    ("2017-03-14 09:02", "2017-03-14"),
])
def test_header_dates(raw, iso):
    v = parse_header_date(raw)
    assert v is not None and v.iso() == iso and v.precision == "day" and v.source == "header"


@pytest.mark.parametrize("raw", ["", "soon", "February 30, 2017", "13/45/2017"])
def test_bad_header_dates_are_none(raw):
    assert parse_header_date(raw) is None


@pytest.mark.parametrize("raw,expected", [
    ("Roe, Jane <jane@contoso.com>", ("Jane Roe", "jane@contoso.com")),
    ("John Doe [mailto:JDoe@abc.gov]", ("John Doe", "jdoe@abc.gov")),
    ("jane@contoso.com", ("", "jane@contoso.com")),
    ("Roe, Jane (OPS)", ("Jane Roe", "")),
    ('"Jane Roe" <jane@contoso.com>', ("Jane Roe", "jane@contoso.com")),
])
def test_parse_person(raw, expected):
    assert parse_person(raw) == expected


@pytest.mark.parametrize("line,expected", [
    ("Call me at (b)(6) tomorrow", "Call me at tomorrow"),
    ("Agent (b)(7)(C) said", "Agent said"),
    ("(b)(6)", ""),
    ("[REDACTED] agreed", "agreed"),
    ("Sent by (b) (6), (b) (7)(C)", "Sent by"),
    ("No marks (here)", "No marks (here)"),
])
def test_strip_marks(line, expected):
    assert strip_marks(line) == expected


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("From:Sent:To:Subject <@a.b> 2017 Mar 14 ,\n()b6[]REDACTED")),
               max_size=300))
def test_fuzz_sniffer_never_raises(text):
    docs = sniff(text)
    assert docs is None or all(d.kind in ("email", "unknown") for d in docs)


def test_people_config_names_organization_when_no_address_printed():
    from claimcheck.config import CorpusConfig
    text = ("From: Roe, Jane\nSent: Tuesday, March 14, 2017 9:02 AM\nTo: John Doe\nSubject: x\n\nBody.\n")
    cfg = CorpusConfig(people=(("Jane Roe", "Contoso Corp"),))
    docs = sniff_printed_email(text, context_for(text.encode(), Path("p.txt"), config=cfg))
    assert docs is not None and [(d.author, d.organization) for d in docs] == [("Jane Roe", "Contoso Corp")]
