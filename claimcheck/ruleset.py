"""Where rules are loaded and validated: rules/*.yaml (lexicon, scopes, detection rules).

Every problem in every file is collected and raised together as one RuleFileError with
``path:line:col: message`` lines; nothing runs on half-loaded rules. ``--rules DIR`` files are
read after the defaults: a rule with the same id replaces the default one, lexicon lists and
scopes given again replace the default ones.
"""

from __future__ import annotations

import difflib
import hashlib
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Iterator, Sequence

from . import _yaml
from .errors import Problem, RuleFileError

RULE_TYPES = ("commitment-vs-action", "denial-vs-evidence", "knowledge-timing",
              "numeric-mismatch", "assurance-vs-concern")
LEXICON_KEYS = ("report_verbs", "quote_marks", "commitment", "commitment_cues", "denial", "assurance", "concern",
                "strong_concern", "knowledge", "action", "evidence_nouns", "evidence_verbs",
                "hedges", "approximators", "generic_nouns", "vague_matter", "predicate_families", "position_change",
                "noun_families", "boilerplate", "phatic", "negative_verbs", "telling_verbs",
                "person_titles", "title_modifiers", "officer_titles", "spokesperson_titles", "former_titles",
                "label_titles", "member_titles", "honorifics", "hedge_adverbs", "target_verbs",
                "record_authors", "unit_heads", "body_heads", "body_anaphors", "office_titles", "party_words", "counsel_titles", "org_nouns",
                "free_not_assuring", "site_nouns", "object_acts", "event_counts")
RULE_KEYS = ("id", "type", "description", "params", "examples", "message")
EXAMPLE_KEYS = ("name", "expect", "level", "statements", "xfail")
STATEMENT_KEYS = ("id", "kind", "role", "organization", "speaker", "date", "text", "predicate",
                  "polarity", "modality", "object", "target", "condition", "topics", "quantities",
                  "mentioned", "hedged", "document", "verbs", "entities", "actor")
SCOPE_KEYS = ("id", "label", "patterns", "name_suffixes")
STANCE_KEYS = ("public_words", "disowning", "qualifiers", "benefit", "occurrence_verbs", "dispute", "dating", "dating_with_date", "practice_verbs", "safeguard_verbs", "kept_as_is", "lessons", "families", "harm", "harm_absent", "belief_verbs", "falsity", "attempt_verbs", "purpose_marks",
               "unawareness", "admission", "hypothetical", "recent_learning", "misconduct", "concealment", "conduct",
               "conduct_assurance", "attitude", "origin_denied", "figure_measures", "aspiration_verbs", "fault", "advice_words", "finding_verbs",
               "unsupported", "lapse", "dissent", "instruments", "account", "disavowal", "precaution", "denied_knowing", "learning_verbs", "requests",
               "figure_scopes", "event_units", "established", "halt_verbs", "kept_stopped", "mishaps", "partial_figure", "qualities", "quality_hedges", "attain_verbs", "minimizers", "no_action_needed", "reported_figure", "never_told", "unforeseen", "foresight", "all_clear", "completion", "left_undone", "provisional", "opposites", "examples")
STANCE_EXAMPLE_KEYS = ("text", "kind", "stance", "xfail")
#: What claimcheck.detect.stance_of may say of a statement (public, then internal stances).
STANCES = ("commits", "denies", "asserts-safety", "asserts-conduct", "claims-learned", "gives-figure", "changes-position",
           "hypothesizes", "explains", "states", "harm", "misconduct", "concern", "question", "knowledge", "act", "attempt", "halts", "figure",
           "mentions", "disowns")
#: The parameters every rule type reads (detect/), and the ones each type adds: the schema is
#: closed, so a misspelt parameter is an error instead of a default silently used.
COMMON_PARAMS = ("min_topic", "base_score", "min_score", "contradiction_min", "stance_min_topic", "stance_score",
                 "own_record_score")
TYPE_PARAMS = {
    "commitment-vs-action": ("scope_penalty", "predates_penalty", "condition_penalty"),
    "denial-vs-evidence": ("hedge_penalty", "ongoing_after_days", "later_evidence_penalty", "practice_score"),
    "knowledge-timing": ("min_gap_days", "recent_days"),
    "numeric-mismatch": ("tolerance", "approx_tolerance", "later_evidence_penalty", "period_penalty",
                         "denied_figure_score", "partial_figure_score"),
    "assurance-vs-concern": ("strong_bonus", "later_evidence", "contrary_score", "contrary_after_days",
                             "family_penalty", "hedge_penalty", "later_evidence_penalty"),
}
#: Fields a rule's ``message`` may name, as ``{field}``: what the finding says instead of its
#: default head ("CONTRADICTION (type) on topic: point").
MESSAGE_FIELDS = ("level", "LEVEL", "type", "rule", "topic", "point", "organization")
TOP_KEYS = ("rules", "lexicon", "scopes", "stance")
ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@dataclass(frozen=True)
class Scope:
    id: str
    label: str
    patterns: tuple[str, ...]
    name_suffixes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Example:
    name: str
    expect: str                 # finding | none
    level: str | None
    statements: tuple[dict, ...]
    xfail: str | None
    path: str
    line: int


@dataclass(frozen=True)
class StanceExample:
    text: str
    kind: str                   # public | internal
    stance: str                 # one of STANCES
    xfail: str | None
    path: str
    line: int


@dataclass(frozen=True)
class Rule:
    id: str
    type: str
    description: str
    params: dict
    examples: tuple[Example, ...]
    path: str
    line: int
    message: str = ""           # template of its findings' head (MESSAGE_FIELDS); "" = the default

    def head(self, **fields: str) -> str:
        """The head of a finding's text: the rule's ``message`` with ``fields`` filled in, or the
        default "LEVEL (type) on topic: point"."""
        fields = {**fields, "LEVEL": fields.get("level", "").upper(), "type": self.type, "rule": self.id}
        if self.message:
            return self.message.format_map(fields).rstrip(".")
        return f"{fields['LEVEL']} ({self.type}) on {fields.get('topic') or 'the same topic'}: {fields.get('point', '')}"


@dataclass(frozen=True, eq=False)
class RuleSet:
    """The loaded rules. Two rule sets are equal when their ``digest`` is: a hash of the content
    loaded (each file's name and bytes, in load order), never of the folders it came from, so
    everything cached or kept resident on it follows an edit and survives a move."""

    rules: tuple[Rule, ...]
    lexicon: dict[str, Any]
    scopes: tuple[Scope, ...]
    files: tuple[str, ...] = ()
    digest: str = ""            # content digest; computed from the records when not given
    stance: dict[str, tuple[str, ...]] = field(default_factory=dict)  # rules/stance.yaml word lists
    stance_examples: tuple["StanceExample", ...] = ()

    def __post_init__(self) -> None:
        if not self.digest:
            raw = repr((self.rules, sorted(self.lexicon.items()), self.scopes, sorted(self.stance.items())))
            object.__setattr__(self, "digest", hashlib.sha256(raw.encode()).hexdigest()[:16])

    def __eq__(self, other: object) -> bool:
        return isinstance(other, RuleSet) and other.digest == self.digest

    def __hash__(self) -> int:
        return hash(self.digest)

    def only(self, rule: Rule) -> "RuleSet":
        """This rule set with ``rule`` alone (``rules test`` runs one rule's examples)."""
        return RuleSet((rule,), self.lexicon, self.scopes, self.files,
                       hashlib.sha256(f"{self.digest}|{rule.id}".encode()).hexdigest()[:16], self.stance)

    def words(self, key: str) -> frozenset[str]:
        return frozenset(w for w in self.lexicon.get(key, ()) if " " not in w)

    def phrases(self, key: str) -> tuple[str, ...]:
        return tuple(w for w in self.lexicon.get(key, ()) if " " in w)

    def rule(self, rule_id: str) -> Rule:
        return next(r for r in self.rules if r.id == rule_id)

    def noun_family_of(self) -> dict[str, str]:
        """Each word of the lexicon's ``noun_families`` -> its family's head word."""
        out = {w: head for head, words in self.lexicon.get("noun_families", {}).items() for w in words}
        for key, words in self.stance.items():  # rules/stance.yaml families: one matter, other words
            if key.startswith("family:"):
                for w in words:
                    out.setdefault(w, key[len("family:"):])
        return out


def default_rules_dir() -> Path:
    return Path(str(resources.files("claimcheck") / "default_rules"))


def _suggest(word: str, choices: Sequence[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _check_keys(obj: dict, allowed: Sequence[str], where: str, path: str,
                problems: list[Problem]) -> None:
    for key in obj:
        if key not in allowed:
            line, col = _yaml.loc_of(obj, str(key))
            problems.append(Problem(path, line, col,
                                    f"{where}: unknown key '{key}'{_suggest(str(key), allowed)}"))


def _str_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _load_file(path: Path, display: str, problems: list[Problem]) -> dict | None:
    try:
        data = _yaml.load_file(path, display)
    except _yaml.YamlProblem as exc:
        problems.append(Problem(exc.path, exc.line, exc.col, exc.message))
        return None
    except OSError as exc:
        problems.append(Problem(display, 1, 1, f"cannot read: {exc.strerror or exc}"))
        return None
    if data is None:
        return {}
    if not isinstance(data, dict):
        problems.append(Problem(display, 1, 1, "a rule file must be a mapping with 'rules', 'lexicon' or 'scopes'"))
        return None
    _check_keys(data, TOP_KEYS, "rule file", display, problems)
    return data


def _parse_examples(raw: Any, rule_label: str, display: str, problems: list[Problem]) -> list[Example]:
    out: list[Example] = []
    if raw is None:
        return out
    if not isinstance(raw, list):
        line, col = _yaml.loc_of(raw)
        problems.append(Problem(display, line, col, f"{rule_label}: 'examples' must be a list"))
        return out
    for n, ex in enumerate(raw):
        line, col = _yaml.loc_of(ex)
        if not isinstance(ex, dict):
            problems.append(Problem(display, line, col, f"{rule_label}: example #{n + 1} must be a mapping"))
            continue
        _check_keys(ex, EXAMPLE_KEYS, f"{rule_label} example #{n + 1}", display, problems)
        expect = ex.get("expect")
        if expect not in ("finding", "none"):
            el, ec = _yaml.loc_of(ex, "expect")
            problems.append(Problem(display, el, ec, f"{rule_label} example #{n + 1}: 'expect' must be finding or none; got {expect!r}"))
        level = ex.get("level")
        if level is not None and level not in ("contradiction", "tension"):
            el, ec = _yaml.loc_of(ex, "level")
            problems.append(Problem(display, el, ec, f"{rule_label} example #{n + 1}: 'level' must be contradiction or tension"))
        stmts = ex.get("statements") or []
        if not isinstance(stmts, list) or not all(isinstance(s, dict) for s in stmts):
            problems.append(Problem(display, line, col, f"{rule_label} example #{n + 1}: 'statements' must be a list of mappings"))
            stmts = []
        for s in stmts:
            _check_keys(s, STATEMENT_KEYS, f"{rule_label} example #{n + 1} statement", display, problems)
        out.append(Example(str(ex.get("name", f"#{n + 1}")), str(expect), level,
                           tuple(dict(s) for s in stmts), ex.get("xfail"), display, line))
    return out


def _parse_rules(raw: Any, display: str, problems: list[Problem]) -> list[Rule]:
    rules: list[Rule] = []
    if not isinstance(raw, list):
        line, col = _yaml.loc_of(raw)
        problems.append(Problem(display, line, col, "'rules' must be a list"))
        return rules
    for n, item in enumerate(raw):
        line, col = _yaml.loc_of(item)
        if not isinstance(item, dict):
            problems.append(Problem(display, line, col, f"rule #{n + 1}: must be a mapping"))
            continue
        rid = item.get("id")
        label = f"rule '{rid}'" if isinstance(rid, str) else f"rule #{n + 1}"
        _check_keys(item, RULE_KEYS, label, display, problems)
        if not isinstance(rid, str):
            problems.append(Problem(display, line, col, f"{label}: missing required key 'id'"))
        elif not ID_RE.match(rid):
            il, ic = _yaml.loc_of(item, "id")
            problems.append(Problem(display, il, ic, f"{label}: 'id' must be kebab-case"))
        rtype = item.get("type")
        if rtype not in RULE_TYPES:
            tl, tc = _yaml.loc_of(item, "type")
            got = "missing" if rtype is None else f"got '{rtype}'{_suggest(str(rtype), RULE_TYPES)}"
            problems.append(Problem(display, tl, tc, f"{label}: 'type' must be one of {', '.join(RULE_TYPES)}; {got}"))
        params = item.get("params") or {}
        if not isinstance(params, dict):
            pl, pc = _yaml.loc_of(item, "params")
            problems.append(Problem(display, pl, pc, f"{label}: 'params' must be a mapping"))
            params = {}
        known = COMMON_PARAMS + TYPE_PARAMS.get(str(rtype), ())
        for key, value in params.items():
            if rtype in TYPE_PARAMS and key not in known:
                pl, pc = _yaml.loc_of(params, str(key))
                problems.append(Problem(display, pl, pc, f"{label}: unknown parameter 'params.{key}' for type "
                                                         f"{rtype}{_suggest(str(key), known)}; known: {', '.join(known)}"))
            elif key == "later_evidence":
                if value not in ("drop", "weaken"):
                    pl, pc = _yaml.loc_of(params, key)
                    problems.append(Problem(display, pl, pc, f"{label}: params.{key} must be drop or weaken"))
            elif not isinstance(value, (int, float)) or isinstance(value, bool):
                pl, pc = _yaml.loc_of(params, key)
                problems.append(Problem(display, pl, pc, f"{label}: params.{key} must be a number; got {value!r}"))
        message = _parse_message(item, label, display, problems)
        examples = _parse_examples(item.get("examples"), label, display, problems)
        if isinstance(rid, str):
            rules.append(Rule(rid, str(rtype), str(item.get("description", "")), dict(params),
                              tuple(examples), display, line, message))
    return rules


def _parse_message(item: dict, label: str, display: str, problems: list[Problem]) -> str:
    """A rule's ``message``: a string whose ``{fields}`` are all in MESSAGE_FIELDS."""
    import string

    if "message" not in item:
        return ""
    raw = item["message"]
    ml, mc = _yaml.loc_of(item, "message")
    if not isinstance(raw, str) or not raw.strip():
        problems.append(Problem(display, ml, mc, f"{label}: 'message' must be a non-empty string"))
        return ""
    try:
        names = [name for _, name, _, _ in string.Formatter().parse(raw) if name is not None]
    except ValueError as exc:
        problems.append(Problem(display, ml, mc, f"{label}: 'message' is not a valid template: {exc}"))
        return ""
    for name in names:
        if name not in MESSAGE_FIELDS:
            problems.append(Problem(display, ml, mc, f"{label}: 'message' names an unknown field '{{{name}}}'"
                                                     f"{_suggest(name, MESSAGE_FIELDS)}; known: {', '.join(MESSAGE_FIELDS)}"))
    return raw.strip()


def _parse_lexicon(raw: Any, display: str, problems: list[Problem]) -> dict[str, Any]:
    if not isinstance(raw, dict):
        line, col = _yaml.loc_of(raw)
        problems.append(Problem(display, line, col, "'lexicon' must be a mapping"))
        return {}
    _check_keys(raw, LEXICON_KEYS, "lexicon", display, problems)
    out: dict[str, Any] = {}
    for key, value in raw.items():
        line, col = _yaml.loc_of(raw, str(key))
        if key in ("predicate_families", "noun_families", "event_counts"):
            if not isinstance(value, dict) or not all(_str_list(v) for v in value.values()):
                problems.append(Problem(display, line, col, f"lexicon.{key} must map names to lists of words"))
                continue
            out[key] = {k: tuple(w.lower() for w in v) for k, v in value.items()}
        elif not _str_list(value):
            problems.append(Problem(display, line, col, f"lexicon.{key} must be a list of strings"))
        else:
            out[key] = tuple(w.lower() for w in value)
    return out


def _parse_scopes(raw: Any, display: str, problems: list[Problem]) -> list[Scope]:
    out: list[Scope] = []
    if not isinstance(raw, list):
        line, col = _yaml.loc_of(raw)
        problems.append(Problem(display, line, col, "'scopes' must be a list"))
        return out
    for n, item in enumerate(raw):
        line, col = _yaml.loc_of(item)
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            problems.append(Problem(display, line, col, f"scope #{n + 1}: must be a mapping with an 'id'"))
            continue
        _check_keys(item, SCOPE_KEYS, f"scope '{item['id']}'", display, problems)
        pats = item.get("patterns", [])
        sufs = item.get("name_suffixes", [])
        if not _str_list(pats) or not _str_list(sufs):
            problems.append(Problem(display, line, col, f"scope '{item['id']}': patterns and name_suffixes must be lists of strings"))
            continue
        out.append(Scope(item["id"], str(item.get("label", item["id"])),
                         tuple(p.lower() for p in pats), tuple(s.lower() for s in sufs)))
    return out


def _parse_stance(raw: Any, display: str, problems: list[Problem]) -> tuple[dict[str, tuple[str, ...]], list[StanceExample]]:
    if not isinstance(raw, dict):
        line, col = _yaml.loc_of(raw)
        problems.append(Problem(display, line, col, "'stance' must be a mapping of word lists"))
        return {}, []
    _check_keys(raw, STANCE_KEYS, "stance", display, problems)
    lists: dict[str, tuple[str, ...]] = {}
    examples: list[StanceExample] = []
    for key, value in raw.items():
        line, col = _yaml.loc_of(raw, str(key))
        if key == "families":
            if not isinstance(value, dict) or not all(_str_list(v) for v in value.values()):
                problems.append(Problem(display, line, col, "stance.families must map names to lists of words"))
                continue
            lists.update({f"family:{k}": tuple(w.lower() for w in v) for k, v in value.items()})
            continue
        if key == "opposites":
            if not isinstance(value, dict) or not all(isinstance(v, list) and len(v) == 2 and all(_str_list(x) and x for x in v)
                                                      for v in value.values()):
                problems.append(Problem(display, line, col, "stance.opposites must map names to two lists of words "
                                                            "(one way of telling it, then the way that cannot also be true)"))
                continue
            for k, (a, b) in value.items():
                lists[f"opposite:{k}:a"] = tuple(w.lower() for w in a)
                lists[f"opposite:{k}:b"] = tuple(w.lower() for w in b)
            continue
        if key == "examples":
            if not isinstance(value, list):
                problems.append(Problem(display, line, col, "stance.examples must be a list"))
                continue
            for n, ex in enumerate(value):
                el, ec = _yaml.loc_of(ex)
                if not isinstance(ex, dict):
                    problems.append(Problem(display, el, ec, f"stance example #{n + 1} must be a mapping"))
                    continue
                _check_keys(ex, STANCE_EXAMPLE_KEYS, f"stance example #{n + 1}", display, problems)
                text, kind, stance = ex.get("text"), ex.get("kind"), ex.get("stance")
                if not isinstance(text, str) or not text.strip():
                    problems.append(Problem(display, el, ec, f"stance example #{n + 1}: 'text' must be a sentence"))
                if kind not in ("public", "internal"):
                    kl, kc = _yaml.loc_of(ex, "kind")
                    problems.append(Problem(display, kl, kc, f"stance example #{n + 1}: 'kind' must be public or internal; got {kind!r}"))
                if stance not in STANCES:
                    sl, sc = _yaml.loc_of(ex, "stance")
                    problems.append(Problem(display, sl, sc, f"stance example #{n + 1}: 'stance' must be one of "
                                                             f"{', '.join(STANCES)}; got {stance!r}{_suggest(str(stance), STANCES)}"))
                examples.append(StanceExample(str(text), str(kind), str(stance), ex.get("xfail"), display, el))
        elif not _str_list(value):
            problems.append(Problem(display, line, col, f"stance.{key} must be a list of strings"))
        else:
            lists[str(key)] = tuple(w.lower() for w in value)
    return lists, examples


def rule_files(dirs: Sequence[Path]) -> list[tuple[Path, str]]:
    """The YAML files to load, defaults first, each with its display path."""
    files: list[tuple[Path, str]] = []
    for d in dirs:
        d = Path(d)
        if d.is_file():
            files.append((d, str(d)))
            continue
        for p in sorted(d.glob("*.yaml")) + sorted(d.glob("*.yml")):
            display = f"rules/{p.name}" if d == default_rules_dir() else str(p)
            files.append((p, display))
    return files


def load_rules(extra: Sequence[Path] = (), *, include_defaults: bool = True) -> RuleSet:
    """Load default rules plus ``extra`` dirs/files; raise RuleFileError listing every problem."""
    dirs = ([default_rules_dir()] if include_defaults else []) + [Path(p) for p in extra]
    problems: list[Problem] = []
    for d in dirs:
        if not d.exists():
            problems.append(Problem(str(d), 1, 1, "rules path does not exist"))
    rules: dict[str, Rule] = {}
    seen_in_file: dict[tuple[str, str], int] = {}
    lexicon: dict[str, Any] = {}
    scopes: dict[str, Scope] = {}
    stance: dict[str, tuple[str, ...]] = {}
    stance_examples: list[StanceExample] = []
    digest = hashlib.sha256()
    displays = []
    for path, display in rule_files([d for d in dirs if d.exists()]):
        displays.append(display)
        try:
            data_bytes = path.read_bytes()
        except OSError:
            data_bytes = b""
        # what is loaded, not where from: the file's name (it orders the overrides) and bytes
        digest.update(f"{path.name}\0{len(data_bytes)}\0".encode("utf-8", "surrogateescape") + data_bytes)
        data = _load_file(path, display, problems)
        if data is None:
            continue
        if "rules" in data:
            for rule in _parse_rules(data["rules"], display, problems):
                if (display, rule.id) in seen_in_file:
                    problems.append(Problem(display, rule.line, 1, f"rule '{rule.id}': duplicate id (first at line {seen_in_file[(display, rule.id)]})"))
                seen_in_file[(display, rule.id)] = rule.line
                rules[rule.id] = rule
        if "lexicon" in data:
            lexicon.update(_parse_lexicon(data["lexicon"], display, problems))
        if "scopes" in data:
            for scope in _parse_scopes(data["scopes"], display, problems):
                scopes[scope.id] = scope
        if "stance" in data:
            lists, exs = _parse_stance(data["stance"], display, problems)
            stance.update(lists)
            stance_examples.extend(exs)
    if problems:
        raise RuleFileError(problems)
    return RuleSet(tuple(rules.values()), lexicon, tuple(scopes.values()), tuple(displays),
                   digest.hexdigest()[:16], stance, tuple(stance_examples))


def iter_examples(ruleset: RuleSet) -> Iterator[tuple[Rule, int, Example]]:
    for rule in ruleset.rules:
        for n, ex in enumerate(rule.examples):
            yield rule, n, ex
