"""Extraction on small hand-written texts: attribution, kind and role, dates, frames (needs the model)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from claimcheck.extract import ExtractSettings, extract_batch, extract_statements
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


def test_first_pass_keeps_every_voiced_sentence_and_thorough_agrees() -> None:
    """Voice first: a question inside a record can be the evidence, so it is kept; the
    interviewer's turn is not the organization's voice, so it is not."""
    from pathlib import Path

    from claimcheck.extract import _engine, extract_batch, first_pass
    from claimcheck.extract.sentences import split_sentences
    from claimcheck.ingest import ingest_paths

    _, _, cues = _engine(SETTINGS)
    email = Document(id="e", path="e.eml", kind="email", date=DateValue.day(dt.date(2020, 1, 2), "header"),
                     text="Can we sell the drones to the county police next week?\n\n"
                          "We will sell the drones to the county police next week.")
    spans = split_sentences(email.text, _engine(SETTINGS)[0].splitter)
    assert [first_pass(email, s, cues) for s in spans] == [True, True]
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


def test_voice_first_records_keep_every_substantive_sentence_news_only_reported_speech() -> None:
    """An internal record's sentences are its author's evidence whatever their wording (no cue
    word needed); small talk and disclaimers are not. News keeps reported speech only."""
    from claimcheck.extract import extract_batch

    day = DateValue.day(dt.date(2020, 1, 2), "header")
    email = Document(id="e", path="e.eml", kind="email", date=day, organization="Acme", author="Ann Lee",
                     text="Hi team,\n\nOur business is delivering the substance to the customer.\n\n"
                          "Did anyone flag the coating results to the regulator?\n\n"
                          "This email and any attachments may contain confidential information.\n\n"
                          "Thanks again.")
    news = Document(id="n", path="n.txt", kind="news", date=day,
                    text="The plant sits on the river near the old mill.\n\n"
                         "Acme argued that the coating is harmless to workers.")
    got = extract_batch([email, news], settings=SETTINGS)
    assert [(s.text, s.kind, s.speaker, s.organization) for s in got[0]] == [
        ("Our business is delivering the substance to the customer.", "internal", "Ann Lee", "Acme"),
        ("Did anyone flag the coating results to the regulator?", "internal", "Ann Lee", "Acme")]
    assert got[0][1].frame.modality == "question"
    assert [(s.text, s.kind, s.organization) for s in got[1]] == [
        ("Acme argued that the coating is harmless to workers.", "public", "Acme")]


def test_a_sentence_repeated_through_a_document_is_parsed_once_with_the_same_statements(monkeypatch) -> None:
    """Issue 17: 'a sentence that occurs many times (boilerplate, signatures, a repeated log line)
    is analysed once'. Every occurrence still gives its own statement, at its own offset."""
    import claimcheck.extract as ex

    pipe = ex._engine(SETTINGS)[0]
    seen: list[str] = []
    real = pipe.nlp.pipe

    class Spy:
        def __getattr__(self, name):
            return getattr(pipe.nlp, name)

        def pipe(self, texts, **kw):
            texts = list(texts)
            seen.extend(texts)
            return real(texts, **kw)

    engine = ex._engine
    monkeypatch.setattr(ex.batch, "_engine", lambda settings: (dataclasses.replace(pipe, nlp=Spy()),) + engine(settings)[1:])
    line = "Acme spokesman Bob Ray said the company will never share customer data with advertisers."
    found = scan(" ".join([line] * 40))
    publics = [s for s in found if s.kind == "public"]
    assert len(publics) == 40 and len({s.source.start for s in publics}) == 40
    assert seen.count(line) == 1


def test_a_title_before_a_name_is_no_organization() -> None:
    """'Chief Executive Jane Roe said': 'Chief' qualifies the title; it names no organization."""
    [st] = [s for s in scan("In a call with analysts, Chief Executive Jane Roe said the strategy had been flawed "
                            "and poorly monitored.") if s.kind == "public"]
    assert st.speaker == "Jane Roe" and st.organization != "Chief"
    [st] = [s for s in scan("In a call with analysts, Northgate Chief Executive Jane Roe said the strategy had been "
                            "flawed and poorly monitored.") if s.kind == "public"]
    assert st.organization == "Northgate"


def test_an_officer_named_by_title_alone_speaks_for_the_organization_in_focus() -> None:
    """'director Jane Roe said' with no organization named: the organization the story is about; a
    lawyer named the same way is not its officer."""
    text = ("The leaders of the Northgate Health Care System on Tuesday rejected claims that the hospital kept a "
            "hidden list. \"There is no secret list here,\" director Jane Roe said in an interview. "
            "\"They know about the list,\" lawyer Sam Poe said.")
    got = {s.speaker: s.organization for s in scan(text) if s.kind == "public"}
    assert got.get("Jane Roe") == "Northgate Health Care System", got
    assert got.get("Sam Poe") != "Northgate Health Care System", got


def test_a_breach_and_an_intruder_key_as_one_matter() -> None:
    """rules/stance.yaml families: 'security breaches' in a claim and 'intruder' in a record both
    key as 'intrusion', so the two can be paired though they share no word."""
    [pub] = [s for s in scan("Acme spokesman Bob Ray said the company knew of no security breaches at the time.")
             if s.kind == "public"]
    [rec] = scan("An intruder copied the user database files out of our network.", kind="email",
                 author="Jane Roe", organization="Acme")
    assert "intrusion" in pub.topics and "intrusion" in rec.topics, (pub.topics, rec.topics)


# -- Citations to trust (issue 18, point 3): the quoted span is the claim alone -------------------

def _cited_where(text: str, st) -> tuple[str, int, int]:
    """A statement's quote, checked against the document at its offsets, with its line."""
    assert text[st.source.start:st.source.end] == st.text
    return st.text, st.source.line, st.source.start


def test_a_quoted_claim_is_cited_without_the_attribution_after_it_but_read_whole() -> None:
    text = 'Acme opened a plant.\n"Our heaters are safe for every home," Jane Roe, Acme\'s chief, said on June 3.'
    [st] = [s for s in scan(text, kind="press-release", organization="Acme") if "heaters" in s.text]
    assert _cited_where(text, st) == ("Our heaters are safe for every home", 2, text.index("Our heaters"))
    # the reading is the whole sentence's: the speaker and the date are the attribution's
    assert st.speaker == "Jane Roe" and st.date.iso() == "2020-06-03" and st.frame.modality == "assurance"
    # a reported sentence, and one that only contains a quotation, are the claim whole
    text = 'Acme said it would not sell drones to police. Jane Roe said the heaters are "safe for every home."'
    assert [s.text for s in scan(text, focus="Acme")] == [
        "Acme said it would not sell drones to police.", 'Jane Roe said the heaters are "safe for every home."']


def test_a_quotation_of_several_sentences_is_cited_sentence_by_sentence_without_its_marks() -> None:
    text = ('"Every Acme heater is safe. Our parts are tested by a laboratory in Northgate," said Jane Roe, '
            'Acme\'s chief executive. "No heater will ever leave the plant without a safety test."')
    publics = [s for s in scan(text, kind="press-release", organization="Acme") if s.kind == "public"]
    assert [(s.text, s.speaker) for s in publics] == [
        ("Every Acme heater is safe.", "Jane Roe"),
        ("Our parts are tested by a laboratory in Northgate", "Jane Roe"),
        ("No heater will ever leave the plant without a safety test.", "Jane Roe")]
    for s in publics:
        _cited_where(text, s)


def test_a_quotation_after_its_attribution_is_cited_without_it_but_read_whole() -> None:
    for text, claim in [
            ('Acme\'s chief executive, Jane Roe, told reporters, "We are safe."', "We are safe."),
            ('In a statement, Acme said, "No customer data was affected."', "No customer data was affected."),
            ('Jane Roe said "We will never sell the data."', "We will never sell the data."),
            ('In a statement released on June 3, Acme said: "No customer data was affected".',
             "No customer data was affected")]:
        [st] = scan(text, focus="Acme")
        assert _cited_where(text, st) == (claim, 1, text.index(claim)), text
    # the reading is the whole sentence's: the speaker, the date and the frame the attribution gives
    text = ('Acme\'s chief executive, Jane Roe, who founded the company in Northgate, told reporters on '
            'Tuesday: "Our heaters are safe for every home."')
    [st] = scan(text, focus="Acme")
    assert _cited_where(text, st) == ("Our heaters are safe for every home.", 1, text.index("Our heaters"))
    assert (st.speaker, st.organization, st.date.iso(), st.frame.modality) == (
        "Jane Roe", "Acme", "2020-06-16", "assurance")


def test_a_quotation_inside_prose_or_after_more_than_an_attribution_is_cited_whole() -> None:
    for text in ['Acme called the report "misleading" and said it would respond to Northgate.',
                 'Jane Roe said the report was, in her words, "misleading."',
                 'Jane Roe said the company\'s motto was, "Safety first."',
                 'Jane Roe said the heaters were "Safe for every home."',
                 'In a statement, Acme said, "No customer data was affected" by the Northgate breach.']:
        assert [s.text for s in scan(text, focus="Acme")] == [text]


def test_an_emails_salutation_line_is_not_cited() -> None:
    text = "Jane,\nOur crew found corrosion on the Northgate line today."
    [st] = scan(text, kind="email", author="Ann Lee", organization="Acme")
    assert _cited_where(text, st) == ("Our crew found corrosion on the Northgate line today.", 2, 6)
    assert st.speaker == "Ann Lee"
    # prose wrapped after a comma is no salutation
    text = "The plant is old. Meanwhile,\nAcme said it would close the Northgate plant."
    assert [s.text for s in scan(text, focus="Acme") if "close" in s.text] == [
        "Meanwhile,\nAcme said it would close the Northgate plant."]


def test_a_forms_label_line_is_not_cited() -> None:
    text = "Reviewer Comment:\nDesign flaw in the Acme switch -- it needs to be fixed."
    [st] = scan(text, kind="internal-report", author="Ann Lee", organization="Acme")
    assert _cited_where(text, st) == ("Design flaw in the Acme switch -- it needs to be fixed.", 2,
                                      text.index("Design"))



def test_a_relative_clause_does_not_name_the_speakers_organization() -> None:
    """'Acme, which leases the rig from Globex and runs the Northgate well, said ...': the speaker is
    Acme (an acronym NER may not tag), not a name inside its relative clause."""
    [st] = [s for s in scan("ZQ, which leased the rig from Globex Drilling Inc. and operates the Northgate well, said its "
                            "engineers put the leak at about 1,000 barrels a day.") if s.kind == "public"]
    assert st.organization == "ZQ", st.organization


def test_a_makers_name_taken_for_a_surname_speaks_for_the_maker_and_the_company_after_it_too() -> None:
    """'Whitfield said ... The company said ...', where 'Whitfield airbags' and 'Whitfield engineers' show
    Whitfield is a maker (NER takes it for a surname): both sentences are Whitfield's, not the
    organization the story names otherwise."""
    text = ("Whitfield e-mails show open talk of altering airbag test data.\n\n"
            "Lawyers said messages exchanged by Whitfield engineers in Japan show that changing data was discussed.\n\n"
            "Whitfield said in a statement on Monday that the exchanges concerned only the formatting of data. "
            "The company said any data changes did not alter the underlying test results.\n\n"
            "Globex, which dropped Whitfield as a supplier and said test data had been manipulated, declined to comment.\n\n"
            "Regulators said Whitfield airbags have been linked to eight deaths.")
    got = {s.text: s.organization for s in scan(text) if s.kind == "public"}
    assert got.get("The company said any data changes did not alter the underlying test results.") == "Whitfield", got
    said = next(org for t, org in got.items() if t.startswith("Whitfield said"))
    assert said == "Whitfield", got


def test_a_distribution_line_of_a_record_is_no_statement() -> None:
    text = ("Distribution: Community Banking Group Risk; Human Resources; Law Department\n\n"
            "Sales integrity cases have risen every quarter since the new goals were set.\n")
    got = [s.text for s in scan(text, kind="memo")]
    assert not any(t.startswith("Distribution") for t in got), got
    assert any("Sales integrity cases" in t for t in got), got


def test_realizing_an_amount_is_no_claim_of_learning() -> None:
    [st] = [s for s in scan("Northgate said it has traded out of its entire erroneous position, realizing a pre-tax "
                            "loss of approximately $440 million.") if s.kind == "public"]
    assert st.frame.modality != "knowledge"
    [st] = [s for s in scan("Northgate said it realized in March that the trades were erroneous.") if s.kind == "public"]
    assert st.frame.modality == "knowledge"


def test_a_records_figure_line_is_a_statement() -> None:
    """'Low case: 1,063 bopd' on a slide: a figure and what it counts, though it has no verb."""
    got = [s.text for s in scan("Slide 3: Estimated flow range\n- Low case: 1,063 bopd\n- High case: 14,266 bopd\n",
                                kind="internal-report")]
    assert any("1,063" in t for t in got), got


def test_a_report_that_says_speaks_for_its_author_not_the_organization_it_is_about() -> None:
    """'A version of a federal regulator's report on Northgate's cars, released by the company,
    says ...' is the regulator's finding, not Northgate's claim."""
    text = ("Northgate said on Monday that it never collected payload data. A nearly complete version of a federal "
            "regulator's report on Northgate's Street View cars, released by the company on Saturday, says the "
            "collection of e-mails was not the secret work of a single engineer.")
    got = {s.text: (s.organization, s.role) for s in scan(text) if s.kind == "public"}
    (report,) = [v for t, v in got.items() if "secret work" in t]
    assert "regulator" in report[0] and report[1] == "third-party", got


def test_a_bullet_wrapped_over_an_indented_line_is_a_statement_not_a_heading() -> None:
    text = ("Slide 3: Wins for the Safety Group\n"
            "  - Negotiated an \"equipment\" recall on two models regarding sudden acceleration\n"
            "    (floor mats, Sept. 2007, about 55,000 vehicles); saved $100M+ and no defect was found\n"
            "  - Avoided an investigation on frame rust\n")
    got = [s.text for s in scan(text, kind="internal-report")]
    assert any("equipment" in t and "no defect was found" in t for t in got), got


@pytest.mark.model
def test_a_short_answer_is_read_with_the_sentence_after_it_in_the_same_turn() -> None:
    """'Not to my knowledge, Mr. Chairman.' says what it says with the turn's next sentence: one
    statement holding both; an answer alone on its line (its own item) stays apart."""
    testimony = Document(id="t", path="t.txt", kind="testimony", date=DateValue.day(dt.date(1994, 4, 14), "header"),
                         text="MR. ROE. Not to my knowledge, Mr. Chairman. Our research has been directed at the "
                              "taste of our products.\n\n- No.\n- We sold them the drones in March.")
    got = [s.text for s in extract_batch([testimony], settings=SETTINGS)[0]]
    assert "Not to my knowledge, Mr. Chairman. Our research has been directed at the taste of our products." in got
    assert "We sold them the drones in March." in got


def test_a_records_markdown_headings_and_header_fields_are_no_evidence() -> None:
    """'# Post-Incident Review', '## Contributing factors' and 'Owner: Reliability Engineering' are
    a record's titles and fields, not its evidence; a bullet under a heading is cited without it."""
    text = ("# Post-Incident Review: Outage of May 2\n\nOwner: Reliability Engineering\nVersion: 1.2\n\n"
            "## Summary\n- Start: 02:45, three minutes after a new element went into service.\n\n"
            "## Contributing factors\n- The change did not get the peer review that our procedure requires.\n")
    sts = scan(text, kind="internal-report", organization="Acme")
    assert [s.text for s in sts] == ["- Start: 02:45, three minutes after a new element went into service.",
                                     "- The change did not get the peer review that our procedure requires."]
    for st in sts:
        _cited_where(text, st)


def test_a_title_the_sentence_gives_as_places_the_person() -> None:
    """'Jane Roe stepped down as chief executive of Acme AG on Wednesday': her statement later in
    the story ('Roe said ...') is Acme's."""
    sts = scan("Jane Roe stepped down as chief executive of Acme AG on Wednesday, days after the recall.\n\n"
               "In a statement, Roe said she was not aware of any wrongdoing on her part.")
    [st] = [s for s in sts if "not aware" in s.text]
    assert (st.speaker, st.organization) == ("Jane Roe", "Acme AG")
