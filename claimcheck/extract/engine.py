"""What extraction depends on (``ExtractSettings``: model, rules, thoroughness), the model and
rules loaded once per settings (``_engine``), and the fingerprint that keys cached statements."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache

from .. import __version__
from ..nlp import Pipeline, describe_model, load_pipeline
from ..ruleset import RuleSet, load_rules
from .sentences import CueIndex


@dataclass(frozen=True)
class ExtractSettings:
    """What extraction depends on. ``rules`` is the run's RuleSet, loaded once by the caller
    (None: the default rules); settings compare and hash by the rules' content digest, so the
    engine below, a worker pool and every cache key follow a rule edit."""

    model: str | None = None
    rules: RuleSet | None = None
    thorough: bool = False


@lru_cache(maxsize=1)
def _default_rules() -> RuleSet:
    return load_rules([])


@lru_cache(maxsize=4)
def _engine(settings: ExtractSettings) -> tuple[Pipeline, RuleSet, CueIndex]:
    rules = settings.rules if settings.rules is not None else _default_rules()
    return load_pipeline(settings.model), rules, CueIndex(rules)


def warm_up(settings: ExtractSettings) -> None:
    """Load the model and rules ``extract_batch`` will use (a worker does it as it starts)."""
    _engine(settings)


def extractor_fingerprint(settings: ExtractSettings) -> str:
    """Versions of claimcheck, the model and the rules: what invalidates cached statements."""
    rules = settings.rules if settings.rules is not None else _default_rules()
    raw = f"{__version__}|{describe_model(settings.model)[0]}|{rules.digest}|{settings.thorough}"
    return hashlib.sha256(raw.encode()).hexdigest()[:16]


def model_description(settings: ExtractSettings) -> tuple[str, bool]:
    return describe_model(settings.model)
