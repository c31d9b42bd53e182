"""The reader places every voiced sentence (issue 14): items, turns, chats, records quoted in news."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from claimcheck.corpus import scrutinized
from claimcheck.extract import ExtractSettings, extract_batch
from claimcheck.ingest import ingest_paths
from claimcheck.models import DateValue, Document, Source, Statement

pytestmark = pytest.mark.model
SETTINGS = ExtractSettings()
DAY = DateValue.day(dt.date(2021, 9, 14), "header")


def read(doc: Document) -> list[Statement]:
    return list(extract_batch([doc], settings=SETTINGS)[0])


def test_slide_bullets_are_items_of_their_own() -> None:
    deck = Document(id="d", path="deck.txt", kind="internal-report", date=DAY, organization="Apex",
                    text="Slide 7: Body image\n- We make body image issues worse for one in three teen girls\n"
                         "- Teens who already feel bad feel worse after scrolling\n\nSlide 8: Next steps\n- Test a new feed")
    texts = [s.text for s in read(deck)]
    assert "We make body image issues worse for one in three teen girls" in texts
    assert "Teens who already feel bad feel worse after scrolling" in texts


def test_a_turn_runs_on_over_paragraphs_and_questioners_are_not_the_witness() -> None:
    text = ("WITNESSES:\n  Dana Cole, Chief Executive Officer, Apex Bank\n\n"
            "Senator LEE. Will you resign over the fake accounts?\n\n"
            "Ms. COLE. We are deeply sorry.\n\n"
            "Our review identified about 2.1 million accounts that may not have been authorized.\n\n"
            "Mr. PARK. You squeezed your employees to the breaking point.\n")
    doc = Document(id="h", path="hearing.txt", kind="testimony", date=DAY, organization="Apex Bank",
                   venue="U.S. Senate", people=(("Dana Cole", "Apex Bank"),), text=text)
    got = {s.text: (s.speaker, s.organization, s.role) for s in read(doc)}
    assert got["Our review identified about 2.1 million accounts that may not have been authorized."] == \
        ("Dana Cole", "Apex Bank", "claim")
    assert got["You squeezed your employees to the breaking point."] == ("Park", "U.S. Senate", "third-party")


def test_news_quoting_a_record_is_internal_evidence_dated_by_the_record() -> None:
    news = Document(id="n", path="news.txt", kind="news", date=DAY,
                    text="In a 1963 memo, the company's general counsel, Addison Roe, wrote that nicotine is addictive.\n\n"
                         "Senator Dana Lee said the documents showed the company knew the risks.")
    got = {s.text[:20]: s for s in read(news)}
    memo = got["In a 1963 memo, the "]
    assert (memo.kind, memo.speaker, memo.date.iso()) == ("internal", "Addison Roe", "1963")
    senator = got["Senator Dana Lee sai"]
    assert (senator.kind, senator.speaker) == ("public", "Dana Lee")


def test_a_date_in_the_speakers_description_is_not_when_they_spoke() -> None:
    news = Document(id="n", path="news.txt", kind="news", date=DAY,
                    text="Representative Dana Lee, who led the April hearing, said the companies had misled the public.")
    [st] = read(news)
    assert st.date.iso() == "2021-09-14"


def test_a_date_phrase_governing_the_speech_clause_dates_it() -> None:
    news = Document(id="n", path="news.txt", kind="news", date=DAY,
                    text="It's been only two weeks since Apex chief Dana Lee told reporters that the bank "
                         "would not sell the loans until regulators approved.")
    [st] = read(news)
    assert (st.speaker, st.date.iso()) == ("Dana Lee", "2021-08-31")


def test_chat_export_with_header_and_bracketed_names(tmp_path: Path) -> None:
    (tmp_path / "chat.txt").write_text("Export: branch messages (names redacted)\n\n"
                                      "[2013-11-07 09:02] [BANKER 1]: still at 3 today, need 8 by close\n"
                                      "[2013-11-07 09:04] [BANKER 2]: open the savings, they'll never notice\n")
    (tmp_path / "im.txt").write_text("Instant message export\nDate of conversation: 2016-11-15\n\n"
                                    "Dana Roe 6:02 PM: how did the sim session go today\n"
                                    "Lee Park 6:05 PM: so I basically lied to the regulators\n")
    docs = {(d.path, d.author): d for r in ingest_paths([tmp_path]) for d in r.documents}
    assert docs[("chat.txt", "BANKER 2")].text == "open the savings, they'll never notice"
    assert docs[("chat.txt", "BANKER 2")].kind == "chat"
    im = docs[("im.txt", "Lee Park")]
    assert (im.text, im.date.iso()) == ("so I basically lied to the regulators", "2016-11-15")


def _st(sid: str, kind: str, role: str, org: str) -> Statement:
    return Statement(id=sid, document=sid, kind=kind, role=role, speaker="", organization=org, date=DAY,  # type: ignore[arg-type]
                     text="x", source=Source("f", 1, 0, 1))


def test_claims_are_the_words_of_organizations_whose_records_are_in_the_folder() -> None:
    out = scrutinized([_st("a", "internal", "evidence", "Apex"), _st("b", "public", "third-party", "Apex"),
                       _st("c", "public", "claim", "Regulator")])
    assert [s.role for s in out] == ["evidence", "claim", "third-party"]
    alone = [_st("c", "public", "claim", "Regulator")]
    assert [s.role for s in scrutinized(alone)] == ["claim"]  # no records: each document's reading stands


def test_a_legislator_quoted_in_news_speaks_for_the_chamber() -> None:
    news = Document(id="n", path="news.txt", kind="news", date=DAY,
                    text="Senator Dana Lee, a Connecticut Democrat, said the company had misled parents.")
    [st] = read(news)
    assert (st.speaker, st.organization) == ("Dana Lee", "U.S. Senate")


def test_a_record_sentence_with_no_stance_cue_is_kept_without_a_parse() -> None:
    """Voice first, parse where it matters: 'teenagers love the flavour of the product' has no cue
    word, so it is not parsed, and it is its author's evidence all the same, keyed by its words."""
    from claimcheck.extract import _engine, needs_parse
    from claimcheck.extract.sentences import split_sentences

    email = Document(id="e", path="e.eml", kind="email", date=DAY, organization="Apex", author="Ann Lee",
                     text="Teenagers love the flavour of the new pods.\n\n"
                          "We will not ship the coating until the tests pass.")
    pipe, _rules, cues = _engine(SETTINGS)
    spans = split_sentences(email.text, pipe.splitter)
    assert [needs_parse(email, s, cues) for s in spans] == [False, True]
    light, parsed = read(email)
    assert (light.speaker, light.organization, light.kind, light.frame.modality) == ("Ann Lee", "Apex", "internal", "report")
    assert "teenager" in light.topics and "new pod" in light.topics
    assert parsed.frame.modality != "report"


def test_a_report_by_another_party_is_not_the_organizations_internal_record() -> None:
    """'According to internal documents' makes the sentence the organization's evidence; a report
    the story names as another party's ('the Federal Trade Commission report', 'the report of the
    court-appointed examiner') is that party's finding, not the organization's record."""
    news = Document(id="n", path="news.txt", kind="news", date=DAY, focus="Northgate Bank",
                    text="Northgate Bank moved $40 billion off its balance sheet at quarter end, according to internal "
                         "documents.\n\n"
                         "Northgate Bank moved $50 billion off its balance sheet at quarter end, according to the "
                         "report of the court-appointed examiner.\n\n"
                         "According to the Federal Trade Commission report, an engineer at Northgate Bank sent the "
                         "design document to the team in October 2006.")
    got = read(news)
    assert [s.kind for s in got if "$40 billion" in s.text] == ["internal"]
    assert all(s.kind != "internal" for s in got if "$50 billion" in s.text or "Federal Trade" in s.text)
