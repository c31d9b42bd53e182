"""Issue 16 point 4, rules are data: the words that decide a frame's modality and polarity are read
from the loaded lexicon (rules/lexicon.yaml), and the first pass derives its cues from the same
words, so a word an editor adds changes what the reader decides and the filter lets it through."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from claimcheck.errors import RuleFileError
from claimcheck.ruleset import load_rules
from lexicon_helpers import DEFAULT, frame_of as _frame, with_words as _with


@pytest.mark.model
def test_a_pledge_verb_added_to_the_commitment_list_makes_a_commitment(tmp_path: Path) -> None:
    text = "We swear to keep the plant open."
    assert _frame(text, DEFAULT).modality != "commitment"
    assert _frame(text, _with(tmp_path, "commitment", "swear")).modality == "commitment"


@pytest.mark.model
def test_a_word_added_to_the_commitment_list_reaches_the_reader_through_the_first_pass(tmp_path: Path) -> None:
    """End to end: a release's sentence with the new word is a commitment; an internal record's
    sentence is parsed only when the first pass sees a modal cue, and the new word is one (a
    private commitment is kept as evidence of acting)."""
    from claimcheck.extract import ExtractSettings, extract_statements
    from claimcheck.models import DateValue, Document

    day = DateValue.day(dt.date(2020, 1, 2), "header")
    release = Document(id="r", path="r.txt", kind="press-release", organization="Acme", date=day,
                       text="We swear to keep the plant open.")
    email = Document(id="e", path="e.eml", kind="email", organization="Acme", author="Ann Lee", date=day,
                     text="Hi team,\n\nWe swear to keep the plant open.\n\nThanks.")

    def frames(doc: Document, rules: object) -> list[tuple[str, str]]:
        return [(s.frame.modality, s.frame.predicate)
                for s in extract_statements(doc, settings=ExtractSettings(rules=rules)) if "swear" in s.text]

    custom = _with(tmp_path, "commitment", "swear")
    assert frames(release, DEFAULT) == [("report", "swear")]
    assert frames(release, custom) == [("commitment", "swear")]
    assert frames(email, DEFAULT) == [("report", "")]  # left out of the parse by the first pass
    assert frames(email, custom) == [("action", "swear")]


@pytest.mark.model
def test_a_verb_added_to_the_negative_verbs_negates_its_clause(tmp_path: Path) -> None:
    text = "We shelved the expansion of the plant."
    before = _frame(text, DEFAULT)
    assert before.polarity == "positive"
    after = _frame(text, _with(tmp_path, "negative_verbs", "shelve"))
    assert (after.polarity, after.modality) == ("negative", "denial")  # a negated past


def test_the_first_pass_takes_its_modal_cues_from_the_reader_words(tmp_path: Path) -> None:
    from claimcheck.extract.sentences import CueIndex

    assert "swearing" not in CueIndex(DEFAULT).modal_words
    assert "swearing" in CueIndex(_with(tmp_path, "commitment", "swear")).modal_words
    assert {"wo", "'ll", "vowed", "refused"} <= CueIndex(DEFAULT).modal_words


def test_the_reader_word_lists_are_registered_and_misspellings_rejected(tmp_path: Path) -> None:
    for key in ("commitment", "commitment_cues", "denial", "negative_verbs", "telling_verbs"):
        assert DEFAULT.lexicon.get(key), key
    path = tmp_path / "typo.yaml"
    path.write_text("lexicon:\n  negative_verb: [shelve]\n", encoding="utf-8")
    with pytest.raises(RuleFileError) as exc:
        load_rules([path])
    assert "unknown key 'negative_verb'" in str(exc.value) and "negative_verbs" in str(exc.value)
