"""The fast attribute ruler gives exactly the annotations of the model's own attribute_ruler."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

spacy = pytest.importorskip("spacy")

from claimcheck.nlp import MODEL_CHAIN, FastAttributeRuler, fast_attribute_ruler, load_pipeline  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.model


def _model() -> object:
    for name in MODEL_CHAIN:
        try:
            return spacy.load(name, exclude=["senter"])
        except (OSError, ImportError):
            continue
    pytest.skip("no English model installed")


def _sentences() -> list[str]:
    texts = []
    paths = sorted((ROOT / "seeds").rglob("*")) + sorted((ROOT / "tests" / "corpora").rglob("*"))
    for path in paths:
        if path.suffix in (".txt", ".md", ".eml", ".html"):
            texts += [re.sub(r"\s+", " ", s).strip() for s in re.split(r"(?<=[.!?])\s+|\n\s*\n", path.read_text(errors="replace"))]
    # shapes the multi-token and regex patterns exist for
    texts += ["Y'all gotta see this, let's go.", "There are two ways; there's one.", "I ain't gonna sign it.",
              "C'mon, we gotta ship it.", "  Spaces   and\ttabs.", "He gets it and got it."]
    return [t for t in texts if t]


def _annotations(docs: list) -> list[tuple]:
    return [(t.text, t.pos_, t.tag_, t.lemma_, str(t.morph)) for d in docs for t in d]


def test_same_pos_lemma_and_morph_as_the_models_ruler() -> None:
    texts = _sentences()
    assert len(texts) > 400
    reference = _model()
    fast = _model()
    assert fast_attribute_ruler(fast)
    assert "claimcheck_attribute_ruler" in fast.pipe_names and "attribute_ruler" not in fast.pipe_names
    a = _annotations(list(reference.pipe(texts)))
    b = _annotations(list(fast.pipe(texts)))
    assert len(a) > 10000
    assert a == b


def test_unsupported_patterns_keep_the_models_ruler() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "a", "OP": "+"}]], {"POS": "DET"})
    assert fast_attribute_ruler(nlp) is False
    assert nlp.pipe_names == ["attribute_ruler"]
    with pytest.raises(ValueError):
        FastAttributeRuler(ruler)


def test_a_simple_table_applies_in_pattern_order() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "dea"}]], {"POS": "PROPN"})
    ruler.add([[{"LOWER": {"IN": ["dea", "fbi"]}}]], {"POS": "NOUN"})  # later pattern wins
    ruler.add([[{"LOWER": "the"}, {"LOWER": "fbi"}]], {"LEMMA": "bureau"}, index=-1)
    assert fast_attribute_ruler(nlp)
    doc = nlp("the DEA and the FBI")
    assert [t.pos_ for t in doc] == ["", "NOUN", "", "", "NOUN"]
    assert doc[4].lemma_ == "bureau"


def test_the_scan_pipeline_uses_it() -> None:
    pipe = load_pipeline(None)
    if pipe.degraded:
        pytest.skip("no English model installed")
    assert "claimcheck_attribute_ruler" in pipe.nlp.pipe_names
