"""Issue 16 point 4, rules are data: the title words the reader places people by (person titles,
title modifiers, officer, spokesperson and former titles, and the words that end an organization's
name in a transcript label) are read from the loaded lexicon (rules/lexicon.yaml), so a word an
editor adds changes who a statement's speaker speaks for. Each test adds a word the default lists
lack and reads the change off the extractor's statements (speaker, organization) or its plan."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from claimcheck.errors import RuleFileError
from claimcheck.ruleset import RuleSet, load_rules
from lexicon_helpers import DEFAULT, with_words as _with

TITLE_KEYS = ("person_titles", "title_modifiers", "officer_titles", "spokesperson_titles", "former_titles",
              "label_titles", "member_titles", "honorifics")


def _doc(text: str, *, kind: str = "news", focus: str = ""):
    from claimcheck.models import DateValue, Document

    return Document(id="n", path="n.md", kind=kind, organization="", focus=focus,
                    date=DateValue.day(dt.date(2020, 1, 2), "header"), text=text)


def _voices(text: str, rules: RuleSet, **kw: str) -> list[tuple[str, str]]:
    """(speaker, organization) of each statement the extractor reads from ``text``."""
    from claimcheck.extract import ExtractSettings, extract_statements

    return [(s.speaker, s.organization)
            for s in extract_statements(_doc(text, **kw), settings=ExtractSettings(rules=rules))]


@pytest.mark.model
def test_a_title_added_to_person_titles_names_the_organization_before_it(tmp_path: Path) -> None:
    text = "Acme Provost Jane Roe said the plant is safe."
    assert _voices(text, DEFAULT) == [("Jane Roe", "")]
    assert _voices(text, _with(tmp_path, "person_titles", "provost")) == [("Jane Roe", "Acme")]


def test_a_sentence_naming_a_title_in_person_titles_is_read_for_context(tmp_path: Path) -> None:
    """The plan parses a public document's sentence that names a title even with no cue, so the
    reader learns who speaks for whom (no model: the plan runs the sentence splitter only)."""
    from claimcheck.extract import ExtractSettings, plan_batch

    doc = _doc("The provost toured the plant on Monday.")

    def context(rules: RuleSet) -> int:
        return len(plan_batch([doc], settings=ExtractSettings(rules=rules, model="none")).plans[0].context)

    assert context(DEFAULT) == 0
    assert context(_with(tmp_path, "person_titles", "provost")) == 1


@pytest.mark.model
def test_a_word_added_to_title_modifiers_is_no_organization(tmp_path: Path) -> None:
    text = "Provisional Director Jane Roe said the plant is safe."
    assert _voices(text, DEFAULT) == [("Jane Roe", "Provisional")]
    assert _voices(text, _with(tmp_path, "title_modifiers", "provisional")) == [("Jane Roe", "")]


@pytest.mark.model
def test_a_title_added_to_officer_titles_holds_office_in_the_story_s_organization(tmp_path: Path) -> None:
    text = "Treasurer Jane Roe said the plant is safe."
    assert _voices(text, DEFAULT, focus="Acme") == [("Treasurer Jane Roe", "")]
    assert _voices(text, _with(tmp_path, "officer_titles", "treasurer"), focus="Acme") == [("Treasurer Jane Roe", "Acme")]


@pytest.mark.model
def test_a_title_added_to_spokesperson_titles_speaks_for_the_organization_named(tmp_path: Path) -> None:
    text = "Jane Roe, a liaison, said the plant of Acme Corp. is safe."
    assert _voices(text, DEFAULT) == [("Jane Roe", "")]
    assert _voices(text, _with(tmp_path, "spokesperson_titles", "liaison")) == [("Jane Roe", "Acme Corp")]


@pytest.mark.model
def test_a_word_added_to_former_titles_speaks_for_nobody(tmp_path: Path) -> None:
    text = "Jane Roe, a quondam executive of Acme Corp., said the plant is safe."
    assert _voices(text, DEFAULT) == [("Jane Roe", "Acme Corp")]
    assert _voices(text, _with(tmp_path, "former_titles", "quondam")) == [("Jane Roe", "")]


INTERVIEW = """\
# Evening interview: Mara Quill with Tom Segal

**TOM SEGAL (Example News):** What happened here?

**MARA QUILL (Friendbook Provost):** We will never sell the data of our members.
"""


@pytest.mark.model
@pytest.mark.parametrize("key", ["label_titles", "person_titles"])
def test_a_title_added_ends_the_organization_s_name_in_a_turn_label(tmp_path: Path, key: str) -> None:
    quill = [v for v in _voices(INTERVIEW, DEFAULT, kind="interview") if v[0] == "Mara Quill"]
    assert quill == [("Mara Quill", "Friendbook Provost")]
    quill = [v for v in _voices(INTERVIEW, _with(tmp_path, key, "provost"), kind="interview") if v[0] == "Mara Quill"]
    assert quill == [("Mara Quill", "Friendbook")]


HEARING = """\
HEARING BEFORE THE COMMITTEE ON COMMERCE

ALDERMAN POE: Will your company sell the data of its members?

PASTOR ROE: We will never sell the data of our members.
"""


def _hearing(rules: RuleSet) -> list[tuple[str, str, str]]:
    from claimcheck.extract import ExtractSettings, extract_statements
    from claimcheck.models import DateValue, Document

    doc = Document(id="h", path="h.txt", kind="testimony", organization="Acme", text=HEARING,
                   date=DateValue.day(dt.date(2020, 1, 2), "header"), people=(("Jane Roe", "Acme"),))
    return [(s.speaker, s.organization, s.role) for s in extract_statements(doc, settings=ExtractSettings(rules=rules))]


@pytest.mark.model
def test_an_honorific_added_is_left_off_a_turn_s_name_and_finds_the_witness(tmp_path: Path) -> None:
    assert _hearing(DEFAULT)[1] == ("Pastor Roe", "", "third-party")
    assert _hearing(_with(tmp_path, "honorifics", "pastor"))[1] == ("Jane Roe", "Acme", "claim")


@pytest.mark.model
def test_a_title_added_to_member_titles_is_left_off_a_member_s_name(tmp_path: Path) -> None:
    assert _hearing(DEFAULT)[0][0] == "Alderman Poe"
    assert _hearing(_with(tmp_path, "member_titles", "alderman"))[0][0] == "Poe"


def test_a_turn_labelled_with_a_member_title_is_a_member_s(tmp_path: Path) -> None:
    from claimcheck.extract.attribution import DocContext, title_words, turn_person

    def person(rules: RuleSet) -> tuple[str, bool]:
        return turn_person("ALDERMAN POE", DocContext(titles=title_words(rules)))

    assert person(DEFAULT) == ("Alderman Poe", False)
    assert person(_with(tmp_path, "member_titles", "alderman")) == ("Poe", True)


def test_the_title_lists_are_registered_and_misspellings_rejected(tmp_path: Path) -> None:
    for key in TITLE_KEYS:
        assert DEFAULT.lexicon.get(key), key
    path = tmp_path / "typo.yaml"
    path.write_text("lexicon:\n  person_title: [provost]\n", encoding="utf-8")
    with pytest.raises(RuleFileError) as exc:
        load_rules([path])
    assert "typo.yaml:2:3" in str(exc.value) and "unknown key 'person_title'" in str(exc.value)


def test_the_title_patterns_are_built_from_the_lexicon() -> None:
    """The spokesperson and mention patterns hold the lexicon's words, and an empty list matches nothing."""
    from claimcheck.extract.attribution import TitleWords, title_words

    words = title_words(DEFAULT)
    assert words.spokes.search("a press secretary said") and not words.spokes.search("a press release said")
    assert words.mention.search("The Chief Executive said") and not words.mention.search("The chiefly said")
    empty = TitleWords()
    assert not empty.spokes.search("spokesman") and not empty.mention.search("president")
