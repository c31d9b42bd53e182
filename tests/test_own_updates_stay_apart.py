"""An organization's own update a day after its release tells something new, not a retelling of
it (set 64: a cruise line's 1 August update, "testing of the entire crew has now been carried
out", was merged into its 31 July release and lost its own citation). Asserts on the corpus's
statements."""

from __future__ import annotations

import datetime as dt

from claimcheck.corpus.reports import merge_reports
from claimcheck.models import DateValue, Frame, Source, Statement


def _st(sid: str, doc: str, text: str, day: dt.date, *, doc_dated: bool = True) -> Statement:
    date = DateValue.day(day, "document" if doc_dated else "text")
    return Statement(id=sid, document=doc, kind="public", role="claim", speaker="", organization="Acme Line",
                     date=date, text=text, source=Source(f"{doc}.txt", 1, 0, len(text)),
                     topics=("crew", "test", "ship"),
                     frame=Frame(actor="the crew", predicate="test", object="the crew", modality="report"))


def test_an_update_of_the_next_day_is_not_merged_into_the_release_before_it() -> None:
    release = _st("a", "release-0731", "All crew on board will be tested.", dt.date(2020, 7, 31))
    update = _st("b", "update-0801", "Testing of the entire crew has now been carried out.", dt.date(2020, 8, 1))
    kept = merge_reports([release, update], primary={"release-0731", "update-0801"})
    assert sorted(s.id for s in kept) == ["a", "b"]


def test_a_story_of_the_next_day_retelling_the_release_is_still_merged() -> None:
    release = _st("a", "release-0731", "All crew on board will be tested.", dt.date(2020, 7, 31))
    story = _st("c", "story-0801", "All of the crew on board will be tested, the company said.", dt.date(2020, 8, 1))
    kept = merge_reports([release, story], primary={"release-0731"})
    assert [s.id for s in kept] == ["a"] and kept[0].also_reported_in
