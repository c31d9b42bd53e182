"""Dates: explicit values, in-text expressions resolved against an anchor, datelines."""

from __future__ import annotations

import datetime as dt

import pytest

from claimcheck.dates import find_dateline, find_dates, parse_date_value

D = dt.date
A = D(2020, 6, 17)  # a Wednesday: the anchor (document date) for most rows


def only(text: str, anchor: dt.date | None = A):
    """The single mention found in ``text`` (fails if there is not exactly one)."""
    found = find_dates(text, anchor=anchor)
    assert len(found) == 1, [(m.value.text, m.value.start, m.value.end) for m in found]
    return found[0]


# (text, anchor, start, end, precision)
TABLE = [
    # absolute days / months / years in news forms
    ("The meeting was on June 11.", A, D(2020, 6, 11), D(2020, 6, 11), "day"),
    ("He spoke June 11, 2020, in Seattle.", A, D(2020, 6, 11), D(2020, 6, 11), "day"),
    ("She wrote on 11 June 2020.", A, D(2020, 6, 11), D(2020, 6, 11), "day"),
    ("The pilot began in Sept. 2017.", A, D(2017, 9, 1), D(2017, 9, 30), "month"),
    ("It grew in 2019.", A, D(2019, 1, 1), D(2019, 12, 31), "year"),
    ("2019's figures were worse.", A, D(2019, 1, 1), D(2019, 12, 31), "year"),
    ("Sales fell in June 2020.", A, D(2020, 6, 1), D(2020, 6, 30), "month"),
    ("On Thursday, June 11, 2020, it rained.", A, D(2020, 6, 11), D(2020, 6, 11), "day"),
    ("Filed Dec. 3, 2018 in court.", A, D(2018, 12, 3), D(2018, 12, 3), "day"),
    ("Posted 2018-11-05 to the list.", A, D(2018, 11, 5), D(2018, 11, 5), "day"),
    ("Dated 6/11/2020 on the form.", A, D(2020, 6, 11), D(2020, 6, 11), "day"),
    ("An email of March 3rd, 2017 said so.", A, D(2017, 3, 3), D(2017, 3, 3), "day"),
    ("The 3rd of March 2017 was cold.", A, D(2017, 3, 3), D(2017, 3, 3), "day"),
    ("It happened in the 1990s.", A, D(1990, 1, 1), D(1999, 12, 31), "range"),
    ("Absolute dates need no anchor: June 11, 2020.", None, D(2020, 6, 11), D(2020, 6, 11), "day"),
    # relative to the anchor
    ("He said so yesterday.", A, D(2020, 6, 16), D(2020, 6, 16), "day"),
    ("She spoke today.", A, A, A, "day"),
    ("He told the paper last Thursday.", A, D(2020, 6, 11), D(2020, 6, 11), "day"),
    ("The company said on Thursday it would stop.", A, D(2020, 6, 11), D(2020, 6, 11), "day"),
    ("The company said on Wednesday it would stop.", A, A, A, "day"),
    ("The board will meet on Friday.", A, D(2020, 6, 19), D(2020, 6, 19), "day"),
    ("Ministers met last week.", A, D(2020, 6, 8), D(2020, 6, 14), "range"),
    ("The group released emails this week.", A, D(2020, 6, 15), D(2020, 6, 21), "range"),
    ("The firm said last month it would.", A, D(2020, 5, 1), D(2020, 5, 31), "month"),
    ("Earlier this month, it changed course.", A, D(2020, 6, 1), A, "range"),
    ("That was one week ago.", A, D(2020, 6, 10), D(2020, 6, 10), "day"),
    ("He left three days ago.", A, D(2020, 6, 14), D(2020, 6, 14), "day"),
    ("They sued 10 days ago.", A, D(2020, 6, 7), D(2020, 6, 7), "day"),
    ("It started two months ago.", A, D(2020, 4, 1), D(2020, 4, 30), "month"),
    ("It's been only one week since the president told reporters so.", A, D(2020, 6, 10), D(2020, 6, 10), "day"),
    ("It’s been two weeks since the vote.", A, D(2020, 6, 3), D(2020, 6, 3), "day"),
    ("A week earlier, he denied it.", A, D(2020, 6, 10), D(2020, 6, 10), "day"),
    ("Profits rose last year.", A, D(2019, 1, 1), D(2019, 12, 31), "year"),
    ("Profits rose this year.", A, D(2020, 1, 1), D(2020, 12, 31), "year"),
    ("The deal closed in June.", A, D(2020, 6, 1), D(2020, 6, 30), "month"),
    ("The deal closed in September.", A, D(2019, 9, 1), D(2019, 9, 30), "month"),
    ("The deal closed on March 3.", A, D(2020, 3, 3), D(2020, 3, 3), "day"),
    ("The deal closed on July 3.", A, D(2019, 7, 3), D(2019, 7, 3), "day"),
    ("It was reported last quarter.", A, D(2020, 1, 1), D(2020, 3, 31), "quarter"),
    ("Over the past decade, arrests rose.", A, D(2010, 6, 17), A, "range"),
    ("Sales fell in the past two years.", A, D(2018, 6, 17), A, "range"),
    ("It was agreed late last year.", A, D(2019, 9, 1), D(2019, 12, 31), "range"),
    ("Revenue in the fourth quarter of last year fell.", A, D(2019, 10, 1), D(2019, 12, 31), "quarter"),
    ("They met last summer.", A, D(2019, 6, 1), D(2019, 8, 31), "range"),
    ("They met in the spring.", A, D(2020, 3, 1), D(2020, 5, 31), "range"),
    ("The inbox changed this spring.", A, D(2020, 3, 1), D(2020, 5, 31), "range"),
    ("Crews will work this winter.", A, D(2020, 12, 1), D(2021, 2, 28), "range"),
    ("The hearing was the day before yesterday.", A, D(2020, 6, 15), D(2020, 6, 15), "day"),
    # ranges
    ("Emails sent between September 2017 and December 2018 show it.", A, D(2017, 9, 1), D(2018, 12, 31), "range"),
    ("It ran from March to May 2019.", A, D(2019, 3, 1), D(2019, 5, 31), "range"),
    ("It ran from November to February 2019.", A, D(2018, 11, 1), D(2019, 2, 28), "range"),
    ("Talks ran September 2017 to December 2018.", A, D(2017, 9, 1), D(2018, 12, 31), "range"),
    ("In 2017-2018 the pilot ran.", A, D(2017, 1, 1), D(2018, 12, 31), "range"),
    ("The 2017–18 season was long.", A, D(2017, 1, 1), D(2018, 12, 31), "range"),
    ("It ran from 2015 through 2017.", A, D(2015, 1, 1), D(2017, 12, 31), "range"),
    ("It ran between 2015 and 2017.", A, D(2015, 1, 1), D(2017, 12, 31), "range"),
    ("The summit ran June 11-12, 2020.", A, D(2020, 6, 11), D(2020, 6, 12), "range"),
    ("The summit ran 11-12 June 2020.", A, D(2020, 6, 11), D(2020, 6, 12), "range"),
    ("From June 1 to June 5, 2020 it ran.", A, D(2020, 6, 1), D(2020, 6, 5), "range"),
    ("From early 2016 to late 2017 it ran.", A, D(2016, 1, 1), D(2017, 12, 31), "range"),
    # partial / fuzzy
    ("It began in early 2016.", A, D(2016, 1, 1), D(2016, 4, 30), "range"),
    ("It began in mid-2016.", A, D(2016, 5, 1), D(2016, 8, 31), "range"),
    ("It began in late 2016.", A, D(2016, 9, 1), D(2016, 12, 31), "range"),
    ("It began at the end of 2016.", A, D(2016, 9, 1), D(2016, 12, 31), "range"),
    ("It began in the first half of 2016.", A, D(2016, 1, 1), D(2016, 6, 30), "range"),
    ("It began in early June 2016.", A, D(2016, 6, 1), D(2016, 6, 10), "range"),
    ("It began in late February 2016.", A, D(2016, 2, 21), D(2016, 2, 29), "range"),
    ("Results for the fourth quarter of 2018 were weak.", A, D(2018, 10, 1), D(2018, 12, 31), "quarter"),
    ("Results for Q4 2018 were weak.", A, D(2018, 10, 1), D(2018, 12, 31), "quarter"),
    ("It launched in spring 2019.", A, D(2019, 3, 1), D(2019, 5, 31), "range"),
    ("It launched in the fall of 2019.", A, D(2019, 9, 1), D(2019, 11, 30), "range"),
    ("It launched in winter 2019.", A, D(2018, 12, 1), D(2019, 2, 28), "range"),
    ("The plant was shut from mid-March until early May.", D(2020, 6, 18), D(2020, 3, 11), D(2020, 5, 10), "range"),
    ("By the end of last year, 40 stores had closed.", A, D(2019, 9, 1), D(2019, 12, 31), "range"),
    ("Complaints rose sharply in the early 2000s.", A, D(2000, 1, 1), D(2003, 12, 31), "range"),
    ("Results for fiscal 2019 were flat.", A, D(2019, 1, 1), D(2019, 12, 31), "year"),
    ("The ban will take effect next month.", A, D(2020, 7, 1), D(2020, 7, 31), "month"),
    # forms seen in mail and notices
    ("From jk@example.org Fri May 16 08:12:44 2014", A, D(2014, 5, 16), D(2014, 5, 16), "day"),
    ("Offices stay closed on Monday, February 21, for the holiday.", A, D(2022, 2, 21), D(2022, 2, 21), "day"),
    ("Salads produced on September 8 and 9, 2020 were recalled.", A, D(2020, 9, 8), D(2020, 9, 9), "range"),
    ("Night shift: June 9, 1800-2200.", A, D(2020, 6, 9), D(2020, 6, 9), "day"),
]


@pytest.mark.parametrize(("text", "anchor", "start", "end", "precision"), TABLE,
                         ids=[row[0][:40] for row in TABLE])
def test_dates_table(text, anchor, start, end, precision):
    m = only(text, anchor)
    assert (m.value.start, m.value.end, m.value.precision) == (start, end, precision)
    assert text[m.start:m.end] == m.value.text
    assert m.value.start <= m.value.end


@pytest.mark.parametrize(("text", "source"), [
    ("It grew in 2019.", "text"),
    ("He said so yesterday.", "relative"),
    ("The deal closed in June.", "relative"),
    ("It ran from March to May 2019.", "text"),
])
def test_dates_source_tells_absolute_from_anchor_resolved(text, source):
    assert only(text).value.source == source


# discourse-relative: resolved against the previous date mentioned in the same text
DISCOURSE = [
    ("In September 2017 they met. The following month they signed.", 1, D(2017, 10, 1), D(2017, 10, 31), "month"),
    ("On June 1, 2020 he left. Ten days later he came back.", 1, D(2020, 6, 11), D(2020, 6, 11), "day"),
    ("On June 1, 2020 he left. Ten days later he came back. The next day he quit.", 2,
     D(2020, 6, 12), D(2020, 6, 12), "day"),
    ("The demo was on March 3, 2017. The day before, staff prepared.", 1, D(2017, 3, 2), D(2017, 3, 2), "day"),
    ("The pilot ended in 2018. The following year it was dropped.", 1, D(2019, 1, 1), D(2019, 12, 31), "year"),
    ("The offer came on May 5, 2018. Two weeks later it was withdrawn.", 1, D(2018, 5, 19), D(2018, 5, 19), "day"),
    ("The offer came on May 5, 2018. A month later it was withdrawn.", 1, D(2018, 6, 1), D(2018, 6, 30), "month"),
    ("The offer came on May 5, 2018. That same day it was withdrawn.", 1, D(2018, 5, 5), D(2018, 5, 5), "day"),
    ("On July 4th, 2019 the plant exploded; a week later it reopened.", 1, D(2019, 7, 11), D(2019, 7, 11), "day"),
    ("She joined the company in 2012 and left two years later.", 1, D(2014, 1, 1), D(2014, 12, 31), "year"),
]


@pytest.mark.parametrize(("text", "index", "start", "end", "precision"), DISCOURSE,
                         ids=[row[0][-40:] for row in DISCOURSE])
def test_dates_discourse_relative(text, index, start, end, precision):
    found = find_dates(text, anchor=A)
    m = found[index]
    assert (m.value.start, m.value.end, m.value.precision) == (start, end, precision)
    assert m.value.source == "relative"


def test_dates_day_list_with_and_is_not_a_range():
    found = find_dates("Night shift: June 9 and 16.", anchor=A)
    assert [(m.value.start, m.value.end) for m in found][:1] == [(D(2020, 6, 9), D(2020, 6, 9))]


def test_dates_discourse_without_earlier_date_is_dropped():
    assert find_dates("Ten days later he came back.", anchor=A) == []


@pytest.mark.parametrize(("text", "role", "marker_text"), [
    ("We have done so since 2015.", "since", "since 2015"),
    ("Since late 2017, the firm has sold to agencies.", "since", "Since late 2017"),
    ("The pause lasts until March 2021.", "until", "until March 2021"),
    ("It was done before June 2019.", "before", "before June 2019"),
    ("It happened after 2016.", "after", "after 2016"),
    ("They met three days ago.", "ago", "three days ago"),
    ("Emails sent between September 2017 and December 2018.", "range", "between September 2017 and December 2018"),
    ("They met on June 11, 2020.", "point", "June 11, 2020"),
])
def test_dates_role_marks_temporal_scope(text, role, marker_text):
    m = only(text)
    assert m.role == role
    assert m.value.text == marker_text == text[m.start:m.end]


@pytest.mark.parametrize("text", [
    "You may want to March on",
    "it costs 100M",
    "in a second",
    "one of them",
    "a day to remember",
    "It may rain and we may go.",
    "They sold 2000 devices and 1800 units.",
    "Jan said to go to the store.",
    "Call 555-1234 at extension 12.",
    "Prices rose 20% to $2,019.",
    "The score was 3-2 at the end.",
    "She wants to march to the office on foot.",
    "Ten days later he came back.",   # discourse-relative with nothing before it
    "The shift runs 1800-2200 daily.",
])
def test_dates_negatives(text):
    assert find_dates(text, anchor=A) == []


@pytest.mark.parametrize("text", ["He said so yesterday.", "They met last week.", "In June they met.",
                                  "The company said on Thursday.", "It's been a week since he spoke."])
def test_dates_undated_document_drops_relative(text):
    assert find_dates(text, anchor=None) == []


def test_dates_offsets_and_order_in_a_paragraph():
    text = ("It's been only one week since the president said so. The group this week released "
            "emails sent between September 2017 and December 2018; a week ago it sued. In 2019, "
            "the paper reported that in the past decade arrests rose.")
    found = find_dates(text, anchor=D(2020, 6, 18))
    got = [(text[m.start:m.end], m.value.iso()) for m in found]
    assert got == [
        ("It's been only one week since", "2020-06-11"),
        ("this week", "2020-06-15/2020-06-21"),
        ("between September 2017 and December 2018", "2017-09-01/2018-12-31"),
        ("a week ago", "2020-06-11"),
        ("2019", "2019"),
        ("in the past decade", "2010-06-18/2020-06-18"),
    ]
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))


def test_dates_gate_skips_sentences_without_date_words():
    assert find_dates("The committee asked for more information about the program.", anchor=A) == []


# ---- parse_date_value ------------------------------------------------------------------------

VALUES = [
    ("2020-06-11", D(2020, 6, 11), D(2020, 6, 11), "day"),
    ("2020-06", D(2020, 6, 1), D(2020, 6, 30), "month"),
    ("2020", D(2020, 1, 1), D(2020, 12, 31), "year"),
    ("2017-09/2018-12", D(2017, 9, 1), D(2018, 12, 31), "range"),
    ("2017-09-01/2018-12-31", D(2017, 9, 1), D(2018, 12, 31), "range"),
    ("June 2020", D(2020, 6, 1), D(2020, 6, 30), "month"),
    ("June 11, 2020", D(2020, 6, 11), D(2020, 6, 11), "day"),
    ("11 June 2020", D(2020, 6, 11), D(2020, 6, 11), "day"),
    ("Tue, 14 Mar 2017 09:02:11 -0500", D(2017, 3, 14), D(2017, 3, 14), "day"),
    ("Tue, 14 Mar 2017 23:59:59 -0800", D(2017, 3, 14), D(2017, 3, 14), "day"),  # local date as written
    ("2020-06-11T23:30:00-05:00", D(2020, 6, 11), D(2020, 6, 11), "day"),
    ("2020-06-11T02:00:00Z", D(2020, 6, 11), D(2020, 6, 11), "day"),
    ("Q4 2018", D(2018, 10, 1), D(2018, 12, 31), "quarter"),
    ("fourth quarter of 2018", D(2018, 10, 1), D(2018, 12, 31), "quarter"),
    ("Thursday, June 11, 2020 at 3:00 p.m. EDT", D(2020, 6, 11), D(2020, 6, 11), "day"),
    ("11.06.2020", D(2020, 6, 11), D(2020, 6, 11), "day"),
    ("2020/06/11", D(2020, 6, 11), D(2020, 6, 11), "day"),
    ("6/11/2020", D(2020, 6, 11), D(2020, 6, 11), "day"),
    ("11-Jun-2020", D(2020, 6, 11), D(2020, 6, 11), "day"),
    ("early 2016", D(2016, 1, 1), D(2016, 4, 30), "range"),
]


@pytest.mark.parametrize(("text", "start", "end", "precision"), VALUES, ids=[v[0] for v in VALUES])
def test_parse_date_value_forms(text, start, end, precision):
    v = parse_date_value(text, source="cli")
    assert v is not None
    assert (v.start, v.end, v.precision, v.source, v.text) == (start, end, precision, "cli", text)


@pytest.mark.parametrize("text", ["", "  ", "junk", "may", "100M", "1", "12", "2020-13-01", "2018-12/2017-01",
                                  "yesterday", "since 2015", "June 31, 2020", "next week"])
def test_parse_date_value_junk_is_none(text):
    assert parse_date_value(text, source="cli") is None


# ---- find_dateline ---------------------------------------------------------------------------

DATELINES = [
    ("Headline here\n\nSEATTLE, June 11, 2020 — The company said", "June 11, 2020", D(2020, 6, 11)),
    ("June 11, 2020 /PRNewswire/ -- Acme today announced", "June 11, 2020", D(2020, 6, 11)),
    ("REDMOND, Wash. — June 11, 2020 — Today we announce", "June 11, 2020", D(2020, 6, 11)),
    ("A title\nPublished: 11 June 2020\n\nBody text.", "11 June 2020", D(2020, 6, 11)),
    ("SAN FRANCISCO, Calif., Sept. 3, 2019 /PRNewswire/ -- Acme", "Sept. 3, 2019", D(2019, 9, 3)),
    ("Headline\nBy Jane Roe | June 11, 2020\n\nText", "June 11, 2020", D(2020, 6, 11)),
    ("NEW YORK, March 2, 2021 -- The bank said", "March 2, 2021", D(2021, 3, 2)),
]


@pytest.mark.parametrize(("text", "written", "day"), DATELINES, ids=[d[1] + str(i) for i, d in enumerate(DATELINES)])
def test_find_dateline_forms(text, written, day):
    m = find_dateline(text)
    assert m is not None
    assert text[m.start:m.end] == written
    assert (m.value.start, m.value.end, m.value.precision, m.value.source) == (day, day, "day", "dateline")


@pytest.mark.parametrize("text", ["WASHINGTON (Reuters) - The agency said on Thursday",
                                  "WASHINGTON, June 11 (Reuters) - The agency said"])
def test_find_dateline_without_full_date_is_recognized_but_unknown(text):
    m = find_dateline(text)
    assert m is not None and not m.value.known and m.value.source == "dateline"


@pytest.mark.parametrize(("text", "written", "start", "end", "precision"), [
    ("CREW NEWS — AUGUST 2019\n\nhello", "AUGUST 2019", D(2019, 8, 1), D(2019, 8, 31), "month"),
    ("From: a@b.c\nDate: Tue, 14 Mar 2017 09:02:11 -0500\n\nHi", "Tue, 14 Mar 2017 09:02:11 -0500",
     D(2017, 3, 14), D(2017, 3, 14), "day"),
    ("Posted on June 11, 2020 at 3:05 PM EDT\nbody", "June 11, 2020 at 3:05 PM EDT",
     D(2020, 6, 11), D(2020, 6, 11), "day"),
])
def test_find_dateline_labels_and_mastheads(text, written, start, end, precision):
    m = find_dateline(text)
    assert text[m.start:m.end] == written
    assert (m.value.start, m.value.end, m.value.precision) == (start, end, precision)


@pytest.mark.parametrize("text", [
    "Just some text that mentions June 11, 2020 in the body.",
    "An ordinary title - with a dash\nbody",
    "",
    "x" * 500 + "\nSEATTLE, June 11, 2020 — late dateline",
])
def test_find_dateline_none(text):
    assert find_dateline(text) is None
