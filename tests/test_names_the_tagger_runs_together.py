"""Names the tagger runs into other words, read from the sentence's own structure (issue 14; what
sets 70 and 71 showed, read generically): "Deputy Minister of Natural Resources and Environment Le
Van Doe said" is Le Van Doe of the Ministry of Natural Resources and Environment, though the tagger
reads the portfolio and the name as one organization; that run-together name is no story's focus,
and "Executives of Acme Steel bowed in apology" makes Acme Steel the one that acts; "Asked about the
pipe ..., plant director Jane Roe said ..." is Jane Roe's, though the parse hangs her name on the
question's clause. Each test asserts on records."""

from __future__ import annotations

from pathlib import Path

import pytest

from folder_helpers import one as _one, report as _report

pytestmark = pytest.mark.model

_STORY = ("<html><head><title>Acme apologises for remark - Coast Daily</title></head><body>\n"
          "<div>Coast Daily | Wednesday, 27 April 2016</div>\n<article>\n<h1>Acme apologises for remark</h1>\n"
          "<p>Executives of Acme Ha Linh Steel bowed in apology at a press conference at the Vung Tau site "
          "yesterday afternoon, a day after a company representative told reporters that people would have "
          "to choose between fish and steel.</p>\n"
          "<p>Deputy general director Wu Fanling said the remarks were a personal view and that the company "
          "would discipline the representative.</p>\n"
          "<p>Asked about the outfall pipe that runs about 1.5 km into the sea, plant director Chen Weiran said "
          "the company had not deviated from what the authorities approved.</p>\n"
          "<p>Deputy Minister of Natural Resources and Environment Le Van Doe said on Monday that the pipeline "
          "itself was licensed.</p>\n</article></body></html>\n")


def _statements(tmp_path: Path) -> dict[str, tuple[str, str]]:
    _one(tmp_path, "news", "2016-04-27-coast-daily.html", _STORY)
    return {" ".join(s.text.split()[:2]): (s.speaker, s.organization) for s in _report(tmp_path).statements}


def test_a_ministers_portfolio_run_into_the_name_is_the_ministry(tmp_path: Path) -> None:
    assert _statements(tmp_path)["Deputy Minister"] == ("Le Van Doe", "Ministry of Natural Resources and Environment")


def test_the_company_whose_people_act_is_the_storys_focus(tmp_path: Path) -> None:
    placed = _statements(tmp_path)
    assert placed["Asked about"][1] == "Acme Ha Linh Steel"
    assert {o for s, o in placed.values() if s == "Wu Fanling"} == {"Acme Ha Linh Steel"}


def test_a_name_before_the_verb_says_what_the_question_clause_hides(tmp_path: Path) -> None:
    assert _statements(tmp_path)["Asked about"][0] == "Chen Weiran"


def test_she_wrote_is_the_person_the_story_just_introduced(tmp_path: Path) -> None:
    """A sentence that makes no statement of its own ("Acme spokeswoman Jane Roe responded on Facebook the
    same day.") still introduces the "she" of the quotation after it."""
    _one(tmp_path, "news", "2024-01-04-wire.html",
         "<html><head><title>Agency says hackers were inside Acme since May - Wire</title></head><body><article>\n"
         "<h1>Agency says hackers were inside Acme since May</h1><p>4 January 2024</p>\n"
         "<p>Hackers were present in Acme's systems since at least May 2023, the head of the Northgate Security "
         "Service's cyber department, Ivo Petrenko, told reporters on Thursday.</p>\n"
         "<p>\"I can't say right now from when they had full access,\" Petrenko said.</p>\n"
         "<p>Acme spokeswoman Olena Marchuk responded on Facebook the same day. \"Acme does not confirm the "
         "information about hackers allegedly having months of access to subscribers' personal data,\" she wrote.</p>\n"
         "</article></body></html>\n")
    placed = {s.text.split()[0]: (s.speaker, s.organization) for s in _report(tmp_path).statements}
    assert placed["Acme"] == ("Olena Marchuk", "Acme")


def test_a_name_tagged_as_a_people_acting_alone_is_an_organization() -> None:
    """"Vodacorp said on Wednesday", the name tagged as a nationality (as the tagger does with real
    companies' names), acts as one body; "Americans said" is a people's."""
    from spacy.tokens import Span

    from claimcheck.extract.reader import _acting_name
    from claimcheck.nlp import load_pipeline

    nlp = load_pipeline().nlp
    company = nlp("Vodacorp said on Wednesday it would abide by the ruling.")
    company.ents = [Span(company, 0, 1, label="NORP")]
    people = nlp("Americans said on Wednesday they would abide by the ruling.")
    people.ents = [Span(people, 0, 1, label="NORP")]
    assert _acting_name(company.ents[0]) and not _acting_name(people.ents[0])


def test_a_place_named_after_a_person_stays_in_the_councils_name(tmp_path: Path) -> None:
    """"Tasman's Bay Regional Council, which issues the consents, said ...": one council's name, though the
    tagger splits it at the possessive ("Bay Regional Council")."""
    _one(tmp_path, "news", "2016-08-15-courier.html",
         "<html><head><title>Outbreak: council to look at bores - Courier</title></head><body><article>\n"
         "<h1>Outbreak: council to look at bores</h1><p>15 August 2016</p>\n"
         "<p>Tasman's Bay Regional Council, which issues the consents for the bores, said it would be looking "
         "closely at how the bore heads were built and maintained.</p></article></body></html>\n")
    assert {s.organization for s in _report(tmp_path).statements if s.text.startswith("Tasman")} \
        == {"Tasman's Bay Regional Council"}
