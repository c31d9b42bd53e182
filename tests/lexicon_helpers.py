"""Rule sets with words added to one lexicon list, for the tests that prove a word list is read
from rules/lexicon.yaml (test_lexicon_reader, test_lexicon_frame, test_lexicon_titles)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from claimcheck.ruleset import RuleSet, load_rules

DEFAULT = load_rules()


def with_words(tmp_path: Path, key: str, *added: str) -> RuleSet:
    """The default rules with ``added`` words appended to lexicon list ``key`` (a rules folder
    given after the defaults replaces the list)."""
    folder = tmp_path / "rules"
    folder.mkdir(exist_ok=True)
    words = ", ".join(f'"{w}"' for w in list(DEFAULT.lexicon[key]) + list(added))
    (folder / "extra.yaml").write_text(f"lexicon:\n  {key}: [{words}]\n", encoding="utf-8")
    return load_rules([folder])


def frame_of(text: str, rules: RuleSet) -> Any:
    """The frame the reader gives ``text`` read as one sentence (needs the model)."""
    from claimcheck.extract.frame import read_sentence
    from claimcheck.nlp import load_pipeline

    return read_sentence(load_pipeline().nlp(text)[:], rules)[1]
