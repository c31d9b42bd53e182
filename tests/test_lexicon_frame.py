"""Issue 16 point 4, rules are data: the frame reader's hedge adverbs, target verbs and negated
assurance phrases are read from the loaded lexicon (rules/lexicon.yaml), so a word an editor adds
changes the frame the reader gives a sentence (hedged, target, modality and polarity)."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck.errors import RuleFileError
from claimcheck.ruleset import load_rules
from lexicon_helpers import DEFAULT, frame_of as _frame, with_words as _with


@pytest.mark.model
def test_an_adverb_added_to_hedge_adverbs_hedges_the_clause(tmp_path: Path) -> None:
    text = "The plant is supposedly safe for residents."
    assert _frame(text, DEFAULT).hedged is False
    after = _frame(text, _with(tmp_path, "hedge_adverbs", "supposedly"))
    assert (after.hedged, after.modality) == (True, "assurance")


@pytest.mark.model
def test_a_verb_added_to_target_verbs_takes_its_object_for_the_target(tmp_path: Path) -> None:
    text = "We coached the agency on the new rules."
    assert _frame(text, DEFAULT).target == ""
    assert _frame(text, _with(tmp_path, "target_verbs", "coach")).target == "the agency"


@pytest.mark.model
def test_a_no_phrase_added_to_assurance_assures_in_a_negated_clause(tmp_path: Path) -> None:
    text = "There is no hazard in the water."
    before = _frame(text, DEFAULT)
    assert (before.modality, before.polarity) == ("report", "negative")
    after = _frame(text, _with(tmp_path, "assurance", "no hazard"))
    assert (after.modality, after.polarity) == ("assurance", "positive")


def test_the_frame_word_lists_are_registered_and_misspellings_rejected(tmp_path: Path) -> None:
    from claimcheck.extract.frame import reader_words

    words = reader_words(DEFAULT)
    assert {"reportedly", "allegedly"} <= words.hedge_adverbs and {"persuade", "pitch"} <= words.target_verbs
    assert set(words.no_risk) == {"no risk", "no danger", "no threat"}
    path = tmp_path / "typo.yaml"
    path.write_text("lexicon:\n  target_verb: [coach]\n", encoding="utf-8")
    with pytest.raises(RuleFileError) as exc:
        load_rules([path])
    assert "typo.yaml:2:3" in str(exc.value) and "unknown key 'target_verb'" in str(exc.value)
