"""Extraction on small hand-written texts: attribution, kind and role, dates, frames (needs the model)."""

from __future__ import annotations

import datetime as dt

import pytest

from claimcheck.extract import ExtractSettings, extract_statements
from claimcheck.models import DateValue, Document

pytestmark = pytest.mark.model
SETTINGS = ExtractSettings()


def scan(text: str, *, kind: str = "news", day: str = "2020-06-18", **fields) -> list:
    doc = Document(id="d1", path="doc.txt", text=text, kind=kind,
                   date=DateValue.day(dt.date.fromisoformat(day), "cli"), **fields)
    return list(extract_statements(doc, settings=SETTINGS))


def test_extract_trailing_attribution_and_relative_statement_date() -> None:
    [st] = [s for s in scan('Acme president Jane Roe said last Thursday that the company would not sell '
                            'its drones to police departments.') if s.kind == "public"]
    assert st.speaker == "Jane Roe" and st.organization == "Acme"
    assert st.date.iso() == "2020-06-11" and st.date.source == "relative"
    assert (st.frame.predicate, st.frame.polarity, st.frame.modality) == ("sell", "negative", "commitment")
    assert st.frame.scope == "local-law-enforcement"


def test_extract_dateline_is_not_the_speaker() -> None:
    found = scan("SEATTLE, June 17, 2020 — Acme spokesman Bob Ray said the company will never share customer "
                 "data with advertisers.")
    assert [s.speaker for s in found if s.kind == "public"] == ["Bob Ray"]


def test_extract_quote_opened_before_its_attribution_takes_the_later_speaker() -> None:
    text = ('"Every Acme heater is safe. Our parts are lead-free and tested by a laboratory," said Jane Roe, '
            "Acme's chief executive.")
    publics = [s for s in scan(text, kind="press-release", organization="Acme") if s.kind == "public"]
    assert len(publics) == 2 and {s.speaker for s in publics} == {"Jane Roe"}


def test_extract_sentence_starting_mid_quote_finds_its_speaker() -> None:
    text = ('Acme\'s privacy chief, Jane Roe, rejected the finding. "We have never shared patient data with '
            'advertisers," Roe said in an interview.')
    [st] = [s for s in scan(text) if s.frame.modality == "denial"]
    assert st.speaker == "Jane Roe" and st.frame.polarity == "negative"


def test_extract_news_reporting_records_is_internal_evidence_not_dated_by_release() -> None:
    text = ("Emails released on Tuesday by a watchdog show that Acme offered its drones to a federal agency "
            "between September 2017 and December 2018.")
    [st] = scan(text)
    assert st.kind == "internal" and st.role == "evidence" and st.organization == "Acme"
    assert st.date.iso() == "2017-09-01/2018-12-31" and st.date.precision == "range"


def test_extract_a_critic_is_third_party_not_the_company() -> None:
    text = ('Acme said it will not sell drones to police. "Acme knew about the defects for years," said '
            "Jane Roe, a lawyer for the Privacy Coalition.")
    roles = {s.speaker or s.organization: s.role for s in scan(text, focus="Acme") if s.kind == "public"}
    assert roles == {"Acme": "claim", "Jane Roe": "third-party"}


@pytest.mark.parametrize("text", ["Every Acme heater is safe for home use.", "Our paints are lead-free."])
def test_extract_assurances_in_a_release(text: str) -> None:
    [st] = scan(text, kind="press-release", organization="Acme")
    assert st.frame.modality == "assurance" and st.role == "claim"


def test_extract_rates_are_not_counts() -> None:
    [st] = scan("Acme sells about 60,000 wagons a year, its chief executive said.", kind="press-release",
                organization="Acme")
    assert [q.unit for q in st.frame.quantities] == ["wagon/year"]


def test_extract_greetings_and_headings_are_not_statements() -> None:
    text = "Hi team,\n\nThanks again.\n\nQuarterly Report\nFacilities Division\n\nSee you Monday."
    assert scan(text, kind="email", author="Ann Lee", organization="Acme") == []


def test_first_pass_drops_what_the_reader_would_drop_and_thorough_agrees() -> None:
    from pathlib import Path

    from claimcheck.extract import _engine, extract_batch, first_pass
    from claimcheck.extract.sentences import split_sentences
    from claimcheck.ingest import ingest_paths

    _, _, cues = _engine(SETTINGS)
    email = Document(id="e", path="e.eml", kind="email", date=DateValue.day(dt.date(2020, 1, 2), "header"),
                     text="Can we sell the drones to the county police next week?\n\n"
                          "We will sell the drones to the county police next week.")
    spans = split_sentences(email.text, _engine(SETTINGS)[0].splitter)
    assert [first_pass(email, s, cues) for s in spans] == [False, True]  # a question asserts nothing
    interview = Document(id="i", path="i.txt", kind="interview", date=DateValue.day(dt.date(2020, 1, 2), "header"),
                         text="REPORTER: Will Acme sell drones to police, Ms. Roe?\n\n"
                              "ROE: Acme will not sell drones to police departments.")
    spans = split_sentences(interview.text, _engine(SETTINGS)[0].splitter)
    assert [first_pass(interview, s, cues) for s in spans] == [False, True]  # the interviewer's turn
    root = Path(__file__).resolve().parent.parent / "seeds"
    docs = [d for r in ingest_paths([root]) for d in r.documents]
    fast = extract_batch(docs, settings=SETTINGS)
    thorough = extract_batch(docs, settings=ExtractSettings(thorough=True))
    assert sum(map(len, fast)) > 20 and fast == thorough


def test_narrowed_first_pass_drops_only_what_the_reader_drops(monkeypatch: pytest.MonkeyPatch) -> None:
    """News sentences with no way to a speaker, and internal sentences with no cue that can give a
    frame other than "report", are never parsed. Reading them anyway must find nothing more."""
    from pathlib import Path

    import claimcheck.extract as extract
    from claimcheck.ingest import ingest_paths

    day = DateValue.day(dt.date(2020, 1, 2), "header")
    email = Document(id="e", path="e.eml", kind="email", date=day, organization="Acme", author="Ann Lee",
                     text="Room 4B is booked from 2 p.m. for the review.\n\n"
                          "Dana told the team that the budget had gone better than planned.\n\n"
                          "Legal says this puts us over the state threshold.\n\n"
                          "Acme cancelled the merger in May, according to the documents.\n\n"
                          "We'll ship three units to the county.")
    news = Document(id="n", path="n.txt", kind="news", date=day,
                    text="Acme spent $5 million on the new plant in 2019.\n\nAcme said it would not sell the drones.")
    root = Path(__file__).resolve().parent
    docs = [email, news] + [d for p in (root / "corpora", root / "heldout", root.parent / "seeds")
                            for r in ingest_paths([p]) for d in r.documents]
    narrowed = extract.extract_batch(docs, settings=SETTINGS)
    assert [s.text for s in narrowed[0]] == ["Legal says this puts us over the state threshold.",
                                             "Acme cancelled the merger in May, according to the documents.",
                                             "We'll ship three units to the county."]
    assert [s.text for s in narrowed[1]] == ["Acme said it would not sell the drones."]
    plain = extract._is_candidate
    dropped = [0]

    def wide(sentence: str, cues, need: str = "") -> bool:
        if plain(sentence, cues, "") and not plain(sentence, cues, need):
            dropped[0] += 1
        return plain(sentence, cues, "")

    monkeypatch.setattr(extract, "_is_candidate", wide)
    assert extract.extract_batch(docs, settings=SETTINGS) == narrowed
    assert dropped[0] >= 10  # the narrowing did drop sentences, and none of them was a statement


def test_organization_guess_of_a_record_reads_sentences_the_narrowed_pass_does_not_parse() -> None:
    """A memo with no sender organization: the focus guess counts the organizations of every
    cue-bearing sentence (NER alone for those the narrowed first pass drops), in both modes."""
    from claimcheck.extract import extract_batch

    memo = Document(id="m", path="m.md", kind="memo", date=DateValue.day(dt.date(2020, 1, 2), "header"),
                    text="The Federal Trade Commission told the board about the weather.\n\n"
                         "The Federal Trade Commission told the press about the lunch.\n\n"
                         "We will ship the drones to Acme Corp next week.")
    [fast] = extract_batch([memo], settings=SETTINGS)
    [thorough] = extract_batch([memo], settings=ExtractSettings(thorough=True))
    assert [(s.text, s.organization) for s in fast] == [("We will ship the drones to Acme Corp next week.",
                                                        "Federal Trade Commission")]
    assert fast == thorough
