"""A news quote with no day of its own was given on the day of the event the story opens with."""

from __future__ import annotations

import datetime as dt

from claimcheck.dates import find_dates, story_day
from claimcheck.extract import ExtractSettings, extract_batch
from claimcheck.models import DateValue, Document, Statement

WED = DateValue(dt.date(2014, 4, 30), dt.date(2014, 4, 30), "day", "test")


def read(text: str) -> dict[str, Statement]:
    doc = Document(id="n", path="news.txt", kind="news", date=WED, text=text)
    return {s.text: s for s in extract_batch([doc], settings=ExtractSettings())[0]}


def day(st: Statement) -> str:
    return st.date.start.isoformat() if st.date.known else ""


def test_quotes_after_a_lede_dated_tuesday_are_tuesdays() -> None:
    got = read(
        "Acme Health officials deny waiting list\n\n"
        "SPRINGFIELD -- The leaders of Acme Health on Tuesday rejected allegations that the hospital kept "
        "a hidden list of patients waiting for appointments.\n\n"
        "\"There is no secret list here, and I have never known of one,\" director Jane Roe of Acme Health said "
        "in an interview.\n\n"
        "Acme Health has said it will review its scheduling rules.\n\n"
        "Governor John Poe said Monday that he had asked for an inquiry. Roe said the hospital would cooperate "
        "with any inquiry.\n")
    quote = next(s for t, s in got.items() if "secret list" in t)
    assert day(quote) == "2014-04-29"  # the lede's Tuesday, not the article's Wednesday
    poe = next(s for t, s in got.items() if "asked for an inquiry" in t)
    assert day(poe) == "2014-04-28"  # his own Monday
    later = next(s for t, s in got.items() if "would cooperate" in t)
    assert day(later) == "2014-04-30"  # after another dated event: the article's date


def test_a_speaker_not_named_in_the_lede_keeps_the_article_date() -> None:
    got = read(
        "SPRINGFIELD -- An analysis presented Tuesday by Dr. Jane Roe of Acme Medical Center found more "
        "children with high lead.\n\n"
        "State spokesman John Poe said the numbers did not match the state's own data.\n")
    st = next(s for t, s in got.items() if "did not match" in t)
    assert day(st) == "2014-04-30"


def test_story_day_needs_a_named_recent_day_and_no_other_date_before() -> None:
    anchor = dt.date(2014, 4, 30)
    text = "April 30, 2014. Acme on Tuesday rejected the claims. The complaint, filed in July, says more. X"
    found = [(m.start, m.value) for m in find_dates(text, anchor=anchor)]
    quote_at = text.index("The complaint")
    hit = story_day(found, quote_at, anchor)
    assert hit is not None and hit[1].start == dt.date(2014, 4, 29)
    assert story_day(found, text.index("X"), anchor) is None  # July came up in between
    own = "Acme resigned on Wednesday, five days after the ruling. X"
    assert story_day([(m.start, m.value) for m in find_dates(own, anchor=anchor)], own.index("X"), anchor) is None


def test_a_two_letter_organization_named_in_the_lede_speaks_on_its_day() -> None:
    """'AB and harbor officials said on Tuesday ...', then 'AB said its engineers ...' in the next
    paragraph: the organization's short name in capitals ties the quote to the lede's day."""
    got = read(
        "NORTHGATE -- Oil is escaping from the well at roughly 1,000 barrels a day, AB and harbor officials "
        "said on Tuesday.\n\n"
        "AB, which operates the well, said its engineers put the leak at about 1,000 barrels a day.\n")
    st = next(s for t, s in got.items() if "its engineers" in t)
    assert day(st) == "2014-04-29"
