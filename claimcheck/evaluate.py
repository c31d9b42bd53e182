"""Score a scan against hand-labelled gold: statements, kinds, dates, speakers, flags (``claimcheck eval``).

A *case* is a folder holding documents and a ``gold.yaml`` (format in tests/corpora/README.md).
:func:`evaluate` finds the cases under the given paths, runs ``scan`` on each case folder and
scores the resulting :class:`~claimcheck.models.Report` with :func:`score_case`. Totals are
micro-averaged: every count is summed over cases before any ratio is taken.

Matching rules (documented in the README of the corpus):

- a tool statement *matches* a gold statement when it comes from the same file (its
  ``Source.path``, or one of ``also_reported_in``, relative to the case folder) and its text holds
  at least half of the gold keywords (rounded up), case-insensitively;
- a tool finding *matches* a gold contradiction when its public statement matches one of the gold
  ``public`` ids and one of its internal statements matches one of the gold ``internal`` ids (both
  may be a single id or a list of alternatives);
- date accuracy is judged at the gold precision: ``day`` the same day; ``month``/``quarter``/
  ``year`` the tool's whole date lies inside that month/quarter/year; ``range`` the tool's
  start..end lies inside the gold range (both ends, inclusive); ``unknown`` the tool left it undated.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field, fields
from pathlib import Path, PurePosixPath
from typing import Any, Callable, Mapping, Sequence, TextIO

from ._yaml import LocDict, YamlProblem, load_file, loc_of
from .dates import parse_date_value
from .errors import ConfigError, Problem
from .models import DateValue, Report, Statement

GOLD_FILE = "gold.yaml"
FINDING_TYPES = (
    "commitment-vs-action", "denial-vs-evidence", "knowledge-timing", "numeric-mismatch",
    "assurance-vs-concern",
)
LEVELS = ("contradiction", "tension")
ROLES = ("claim", "evidence", "third-party", "context")
PRECISIONS = ("day", "month", "quarter", "year", "range", "unknown")

#: The targets of issue 3, checked on the totals by :func:`meets_targets`.
TARGETS: dict[str, float] = {
    "flag_precision": 0.90,
    "flag_recall": 0.80,
    "date_accuracy": 0.90,
    "kind_accuracy": 0.95,
    "speaker_accuracy": 0.90,
    "organization_accuracy": 0.90,
}


# --------------------------------------------------------------------------------------- gold


@dataclass(frozen=True)
class GoldStatement:
    id: str
    kind: str
    file: str
    keywords: tuple[str, ...]
    date: DateValue | None = None     # None: date not labelled
    speaker: str = ""                 # "": not labelled
    organization: str = ""
    role: str = ""


@dataclass(frozen=True)
class GoldPair:
    public: tuple[str, ...]           # alternatives: any of these gold statement ids
    internal: tuple[str, ...]
    type: str
    level: str
    why: str = ""
    expect_reasons: tuple[str, ...] = ()


@dataclass(frozen=True)
class GoldNotPair:
    a: tuple[str, ...]
    b: tuple[str, ...]
    why: str = ""


@dataclass(frozen=True)
class Gold:
    path: Path
    negative_control: bool
    statements: tuple[GoldStatement, ...]
    contradictions: tuple[GoldPair, ...]
    not_contradictions: tuple[GoldNotPair, ...]
    domain: str = ""
    extra: Mapping[str, Any] = field(default_factory=dict)  # other keys (e.g. adversarial)

    def statement(self, sid: str) -> GoldStatement:
        return next(s for s in self.statements if s.id == sid)


def _ids(value: Any) -> tuple[str, ...] | None:
    if isinstance(value, str) and value:
        return (value,)
    if isinstance(value, list) and value and all(isinstance(v, str) and v for v in value):
        return tuple(value)
    return None


def load_gold(path: Path) -> Gold:
    """Load and validate a gold.yaml; every problem is reported at once as a ConfigError."""
    path = Path(path)
    display = str(path)
    problems: list[Problem] = []

    def bad(obj: Any, key: str | None, message: str) -> None:
        line, col = loc_of(obj, key)
        problems.append(Problem(display, line, col, message))

    try:
        data = load_file(path, display)
    except YamlProblem as exc:
        raise ConfigError([Problem(exc.path, exc.line, exc.col, exc.message)]) from None
    except OSError as exc:
        raise ConfigError([Problem(display, 1, 1, f"cannot read: {exc.strerror or exc}")]) from None
    if not isinstance(data, LocDict):
        raise ConfigError([Problem(display, 1, 1, "gold file must be a mapping")])

    case_dir = path.parent
    neg = data.get("negative_control", False)
    if not isinstance(neg, bool):
        bad(data, "negative_control", "negative_control must be true or false")
        neg = False

    statements: list[GoldStatement] = []
    kinds: dict[str, str] = {}
    raw_statements = data.get("statements")
    if not isinstance(raw_statements, list) or not raw_statements:
        bad(data, "statements" if "statements" in data else None,
            "statements must be a non-empty list")
        raw_statements = []
    for item in raw_statements:
        if not isinstance(item, LocDict):
            bad(raw_statements, None, "each statement must be a mapping")
            continue
        sid = item.get("id")
        if not isinstance(sid, str) or not sid:
            bad(item, "id", "statement needs an id (text)")
            continue
        if sid in kinds:
            bad(item, "id", f"duplicate statement id '{sid}'")
            continue
        kind = item.get("kind")
        if kind not in ("public", "internal"):
            bad(item, "kind", f"statement {sid}: kind must be public or internal")
            kinds[sid] = ""  # unknown: no kind checks downstream (one problem, not a cascade)
            kind = "public"
        else:
            kinds[sid] = kind
        file = item.get("file")
        if not isinstance(file, str) or not file:
            bad(item, "file", f"statement {sid}: file (path relative to the case folder) is required")
            file = ""
        elif not (case_dir / file).is_file():
            bad(item, "file", f"statement {sid}: no such file '{file}' in {case_dir}")
        kw = item.get("keywords")
        if not isinstance(kw, list) or not kw or not all(isinstance(k, str) and k.strip() for k in kw):
            bad(item, "keywords", f"statement {sid}: keywords must be a non-empty list of text")
            kw = []
        date = _gold_date(item, sid, bad)
        speaker = item.get("speaker") or ""
        org = item.get("organization") or ""
        role = item.get("role") or ""
        for key, val in (("speaker", speaker), ("organization", org)):
            if not isinstance(val, str):
                bad(item, key, f"statement {sid}: {key} must be text")
        if role and role not in ROLES:
            bad(item, "role", f"statement {sid}: role must be one of {', '.join(ROLES)}")
        statements.append(GoldStatement(
            id=sid, kind=kind, file=file.replace("\\", "/") if isinstance(file, str) else "",
            keywords=tuple(k.strip() for k in kw), date=date,
            speaker=speaker if isinstance(speaker, str) else "",
            organization=org if isinstance(org, str) else "", role=role if isinstance(role, str) else ""))

    def check_ids(obj: LocDict, key: str, want_kind: str | None, label: str) -> tuple[str, ...]:
        ids = _ids(obj.get(key))
        if ids is None:
            bad(obj, key, f"{label}: {key} must be a statement id or a list of ids")
            return ()
        for sid in ids:
            if sid not in kinds:
                bad(obj, key, f"{label}: unknown statement id '{sid}'")
            elif want_kind and kinds[sid] and kinds[sid] != want_kind:
                bad(obj, key, f"{label}: statement {sid} is {kinds[sid]}, expected {want_kind}")
        return ids

    pairs: list[GoldPair] = []
    raw_pairs = data.get("contradictions") or []
    if not isinstance(raw_pairs, list):
        bad(data, "contradictions", "contradictions must be a list")
        raw_pairs = []
    if neg and raw_pairs:
        bad(data, "contradictions", "a negative control cannot list contradictions")
    for n, item in enumerate(raw_pairs, 1):
        if not isinstance(item, LocDict):
            bad(raw_pairs, None, "each contradiction must be a mapping")
            continue
        label = f"contradiction {n}"
        pub = check_ids(item, "public", "public", label)
        internal = check_ids(item, "internal", "internal", label)
        ftype = item.get("type")
        if ftype not in FINDING_TYPES:
            bad(item, "type", f"{label}: type must be one of {', '.join(FINDING_TYPES)}")
        level = item.get("level")
        if level not in LEVELS:
            bad(item, "level", f"{label}: level must be contradiction or tension")
        reasons = item.get("expect_reasons") or []
        if not isinstance(reasons, list) or not all(isinstance(r, str) for r in reasons):
            bad(item, "expect_reasons", f"{label}: expect_reasons must be a list of reason codes")
            reasons = []
        pairs.append(GoldPair(pub, internal, str(ftype), str(level), str(item.get("why") or ""),
                              tuple(reasons)))

    nots: list[GoldNotPair] = []
    raw_nots = data.get("not_contradictions") or []
    if not isinstance(raw_nots, list):
        bad(data, "not_contradictions", "not_contradictions must be a list")
        raw_nots = []
    for n, item in enumerate(raw_nots, 1):
        if not isinstance(item, LocDict):
            bad(raw_nots, None, "each not_contradictions entry must be a mapping")
            continue
        label = f"not_contradictions {n}"
        nots.append(GoldNotPair(check_ids(item, "a", None, label), check_ids(item, "b", None, label),
                                str(item.get("why") or "")))

    if problems:
        raise ConfigError(problems)
    known = {"negative_control", "statements", "contradictions", "not_contradictions", "domain"}
    return Gold(path=path, negative_control=neg, statements=tuple(statements),
                contradictions=tuple(pairs), not_contradictions=tuple(nots),
                domain=str(data.get("domain") or ""),
                extra={k: v for k, v in data.items() if k not in known})


def _gold_date(item: LocDict, sid: str, bad: Callable[[Any, str | None, str], None]) -> DateValue | None:
    raw = item.get("date")
    precision = item.get("precision")
    if raw is None:
        if precision not in (None, "unknown"):
            bad(item, "precision", f"statement {sid}: precision given without a date")
        return DateValue.undated() if precision == "unknown" else None
    if precision not in PRECISIONS:
        bad(item, "precision" if "precision" in item else "date",
            f"statement {sid}: precision must be one of {', '.join(PRECISIONS)}")
        return None
    if str(raw).strip().lower() in ("undated", "unknown"):
        return DateValue.undated()
    value = parse_date_value(str(raw), source="gold")
    if value is None or value.start is None:
        bad(item, "date", f"statement {sid}: cannot read date '{raw}' (use 2020-06-11, 2020-06, "
                          "2020 or 2017-09/2018-12)")
        return None
    natural = value.precision
    ok = (precision == natural or (precision == "range" and natural in ("range", "month", "year"))
          or (precision == "quarter" and natural == "range"))
    if not ok:
        bad(item, "date", f"statement {sid}: date '{raw}' does not have precision {precision}")
        return None
    return DateValue(value.start, value.end, precision, "gold", str(raw))


# ------------------------------------------------------------------------------------ scoring


@dataclass
class Counts:
    """Summable counts; ratios are taken only at the end (micro-average)."""

    gold_statements: int = 0
    found_statements: int = 0
    kind_total: int = 0
    kind_correct: int = 0
    date_total: int = 0
    date_correct: int = 0
    speaker_total: int = 0
    speaker_correct: int = 0
    organization_total: int = 0
    organization_correct: int = 0
    role_total: int = 0
    role_correct: int = 0
    findings: int = 0
    findings_correct: int = 0          # match some gold contradiction (duplicates included)
    findings_duplicate: int = 0        # a second finding for an already matched gold pair
    gold_flags: int = 0
    gold_flags_found: int = 0
    type_total: int = 0
    type_correct: int = 0
    level_correct: int = 0
    reasons_total: int = 0
    reasons_correct: int = 0
    negative_control_flags: int = 0
    not_contradiction_flags: int = 0
    gold_flags_listed: int = 0         # gold pairs with a finding at any level, candidates included
    candidates: int = 0                # findings at level candidate (not flags: never in precision)
    gold_pairs: int = 0                # --gold-statements: gold pairs ...
    gold_pairs_aligned: int = 0        # ... that alignment proposed as a pair
    aligned_pairs: int = 0             # every pair alignment proposed

    def add(self, other: "Counts") -> None:
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))

    def ratios(self) -> dict[str, float | None]:
        def r(a: int, b: int) -> float | None:
            return a / b if b else None
        return {
            "statement_recall": r(self.found_statements, self.gold_statements),
            "kind_accuracy": r(self.kind_correct, self.kind_total),
            "date_accuracy": r(self.date_correct, self.date_total),
            "speaker_accuracy": r(self.speaker_correct, self.speaker_total),
            "organization_accuracy": r(self.organization_correct, self.organization_total),
            "role_accuracy": r(self.role_correct, self.role_total),
            "flag_precision": r(self.findings_correct, self.findings),
            "flag_recall": r(self.gold_flags_found, self.gold_flags),
            "type_accuracy": r(self.type_correct, self.type_total),
            "level_accuracy": r(self.level_correct, self.type_total),
            "reason_accuracy": r(self.reasons_correct, self.reasons_total),
            "listed_recall": r(self.gold_flags_listed, self.gold_flags),
            "pair_recall": r(self.gold_pairs_aligned, self.gold_pairs),
        }


@dataclass
class CaseScore:
    case: str                          # case folder as given / found
    counts: Counts
    negative_control: bool = False
    domain: str = ""
    error: str = ""                    # scan failed: every gold item counts as missed
    missed_statements: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)       # "I2 date: got 2020-06-17, want 2018-03-07"
    false_flags: list[str] = field(default_factory=list)  # finding ids matching no gold pair
    missed_flags: list[str] = field(default_factory=list)


@dataclass
class EvalResult:
    cases: list[CaseScore]
    total: Counts

    def ratios(self) -> dict[str, float | None]:
        return self.total.ratios()


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower()
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    text = re.sub(r"[\u2010-\u2015-]", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def keyword_hits(text: str, keywords: Sequence[str]) -> int:
    """How many keywords occur in text (case-insensitive, hyphens and spaces alike)."""
    t = _norm(text)
    return sum(1 for k in keywords if _norm(k) and _norm(k) in t)


def _rel(path: str, case_dir: Path) -> str:
    p = path.replace("\\", "/")
    try:
        if Path(p).is_absolute():
            p = Path(p).resolve().relative_to(case_dir.resolve()).as_posix()
    except ValueError:
        pass
    while p.startswith("./"):
        p = p[2:]
    return p


def _same_file(tool_path: str, gold_file: str, case_dir: Path) -> bool:
    p = _rel(tool_path, case_dir)
    g = gold_file[2:] if gold_file.startswith("./") else gold_file
    if p == g:
        return True
    # scanned from a parent folder: the tool path carries a prefix ("corpora/case/docs/a.eml")
    return p.endswith("/" + g) and PurePosixPath(p).name == PurePosixPath(g).name


def statement_matches(st: Statement, gs: GoldStatement, case_dir: Path) -> bool:
    """Same file (or reported again in it) and at least half the gold keywords, rounded up."""
    paths = [st.source.path] + [s.path for s in st.also_reported_in]
    if not any(_same_file(p, gs.file, case_dir) for p in paths):
        return False
    need = math.ceil(len(gs.keywords) / 2)
    return keyword_hits(st.text, gs.keywords) >= need


def date_matches(tool: DateValue, gold: DateValue) -> bool:
    """Is the tool's date right at the gold's precision (see module docstring)?"""
    if gold.start is None:
        return tool.start is None
    if tool.start is None or tool.end is None or gold.end is None:
        return False
    if gold.precision == "day":
        return tool.start == gold.start and tool.end == gold.start
    return gold.start <= tool.start and tool.end <= gold.end


def _person_norm(name: str) -> list[str]:
    name = unicodedata.normalize("NFKD", name)
    name = "".join(c for c in name if not unicodedata.combining(c))
    name = re.sub(r"\b(mr|mrs|ms|dr|sen|rep|gov)\.?\s", " ", name.lower())
    tokens = re.findall(r"[a-z][a-z'\-]*", name)
    suffixes = {"jr", "sr", "ii", "iii", "iv"}
    return [t for t in tokens if t not in suffixes]


def speaker_matches(tool: str, gold: str) -> bool:
    """Fuzzy-equal person names; a matching last name is enough ("Roe" = "Jane Roe")."""
    a, b = _person_norm(tool), _person_norm(gold)
    if not a or not b:
        return False
    if a == b or a[-1] == b[-1]:
        return True
    from rapidfuzz import fuzz
    return fuzz.token_sort_ratio(" ".join(a), " ".join(b)) >= 90


def organization_matches(tool: str, gold: str) -> bool:
    """Case-insensitive, with a small fuzzy tolerance; a legal suffix ("Corp", "& Company", "Inc.")
    makes no other organization, nor does naming it shorter or longer by whole words ("Samsung"
    for "Apex Electronics", "Westfield" for "Westfield University")."""
    a, b = _norm(tool), _norm(gold)
    if not a or not b:
        return False
    if a == b:
        return True
    from rapidfuzz import fuzz

    from .corpus import GENERIC_FIRST, org_key
    if fuzz.ratio(a, b) >= 90:
        return True
    ka, kb = org_key(tool).split(), org_key(gold).split()
    if ka and ka == kb:
        return True  # "National Motors Corporation" is "National Motors" (a generic first word or not)
    short, long_ = sorted((ka, kb), key=len)
    return bool(short) and short[0] not in GENERIC_FIRST and len(short[0]) >= 4 and long_[:len(short)] == short


def score_case(case_dir: Path, report: Report, gold: Gold) -> CaseScore:
    """Score one scanned case against its gold labels."""
    case_dir = Path(case_dir)
    c = Counts()
    score = CaseScore(case=str(case_dir), counts=c, negative_control=gold.negative_control,
                      domain=gold.domain)
    # candidates[gold id] = ids of tool statements that match it
    candidates: dict[str, list[Statement]] = {}
    for gs in gold.statements:
        cands = [st for st in report.statements if statement_matches(st, gs, case_dir)]
        cands.sort(key=lambda st: (-keyword_hits(st.text, gs.keywords), st.kind != gs.kind,
                                   st.source.line, st.id))
        candidates[gs.id] = cands
        c.gold_statements += 1
        if not cands:
            score.missed_statements.append(gs.id)
            continue
        c.found_statements += 1
        best = cands[0]
        c.kind_total += 1
        if best.kind == gs.kind:
            c.kind_correct += 1
        else:
            score.wrong.append(f"{gs.id} kind: got {best.kind}, want {gs.kind}")
        if gs.date is not None:
            c.date_total += 1
            if date_matches(best.date, gs.date):
                c.date_correct += 1
            else:
                score.wrong.append(f"{gs.id} date: got {best.date.iso()}, want {gs.date.text or 'undated'}")
        if gs.speaker:
            c.speaker_total += 1
            if speaker_matches(best.speaker, gs.speaker):
                c.speaker_correct += 1
            else:
                score.wrong.append(f"{gs.id} speaker: got {best.speaker!r}, want {gs.speaker!r}")
        if gs.organization:
            c.organization_total += 1
            if organization_matches(best.organization, gs.organization):
                c.organization_correct += 1
            else:
                score.wrong.append(
                    f"{gs.id} organization: got {best.organization!r}, want {gs.organization!r}")
        if gs.role:
            c.role_total += 1
            if best.role == gs.role:
                c.role_correct += 1
            else:
                score.wrong.append(f"{gs.id} role: got {best.role}, want {gs.role}")

    cand_ids = {gid: {st.id for st in sts} for gid, sts in candidates.items()}

    def any_of(gids: Sequence[str]) -> set[str]:
        out: set[str] = set()
        for g in gids:
            out |= cand_ids.get(g, set())
        return out

    c.gold_flags = len(gold.contradictions)
    matched_pairs: set[int] = set()
    listed: set[int] = set()
    for f in report.findings:
        for n, pair in enumerate(gold.contradictions):
            if f.public in any_of(pair.public) and set(f.internal) & any_of(pair.internal):
                listed.add(n)
        if f.level == "candidate":  # listed for review below the flags: not a flag
            c.candidates += 1
            continue
        c.findings += 1
        if gold.negative_control:
            c.negative_control_flags += 1
        hit = None
        for n, pair in enumerate(gold.contradictions):
            if f.public in any_of(pair.public) and set(f.internal) & any_of(pair.internal):
                hit = n
                if n not in matched_pairs:
                    break
        if hit is None:
            score.false_flags.append(f.id)
            for nots in gold.not_contradictions:
                a, b = any_of(nots.a), any_of(nots.b)
                if (f.public in a and set(f.internal) & b) or (f.public in b and set(f.internal) & a):
                    c.not_contradiction_flags += 1
                    break
            continue
        c.findings_correct += 1
        if hit in matched_pairs:
            c.findings_duplicate += 1
            continue
        matched_pairs.add(hit)
        pair = gold.contradictions[hit]
        c.type_total += 1
        c.type_correct += f.type == pair.type
        c.level_correct += f.level == pair.level
        if pair.expect_reasons:
            codes = {r.code for r in f.reasons}
            c.reasons_total += 1
            c.reasons_correct += set(pair.expect_reasons) <= codes
    c.gold_flags_found = len(matched_pairs)
    c.gold_flags_listed = len(listed)
    for n, pair in enumerate(gold.contradictions):
        if n not in matched_pairs:
            score.missed_flags.append(f"{'|'.join(pair.public)} x {'|'.join(pair.internal)}")
    return score


def find_cases(paths: Sequence[Path]) -> list[Path]:
    """Case folders (folders holding gold.yaml) under the paths, sorted, without duplicates."""
    seen: dict[Path, None] = {}
    for p in paths:
        p = Path(p)
        if p.is_file() and p.name == GOLD_FILE:
            seen.setdefault(p.parent, None)
        elif p.is_dir():
            for g in sorted(p.rglob(GOLD_FILE)):
                seen.setdefault(g.parent, None)
    return list(seen)


def _cases_and_golds(paths: Sequence[Path]) -> tuple[list[Path], list[Gold]]:
    """The cases under ``paths`` and their gold files; every broken gold file at once as ConfigError."""
    cases = find_cases(paths)
    golds = []
    problems: list[Problem] = []
    for case in cases:
        try:
            golds.append(load_gold(case / GOLD_FILE))
        except ConfigError as exc:
            problems.extend(exc.problems)
    if problems:
        raise ConfigError(problems)
    return cases, golds


def evaluate(paths: Sequence[Path], *, scan: Callable[[Path], Report]) -> EvalResult:
    """Find the cases under ``paths``, scan and score each one; a broken gold raises ConfigError."""
    cases, golds = _cases_and_golds(paths)
    total = Counts()
    scores = []
    for case, gold in zip(cases, golds):
        try:
            report = scan(case)
        except Exception as exc:  # one broken case never stops the evaluation
            c = Counts(gold_statements=len(gold.statements), gold_flags=len(gold.contradictions))
            score = CaseScore(case=str(case), counts=c, negative_control=gold.negative_control,
                              domain=gold.domain, error=f"{type(exc).__name__}: {exc}")
            score.missed_statements = [s.id for s in gold.statements]
        else:
            score = score_case(case, report, gold)
        scores.append(score)
        total.add(score.counts)
    return EvalResult(scores, total)


def meets_targets(result: EvalResult) -> dict[str, bool]:
    """Each target of issue 3 on the totals, plus zero flags in negative controls. A ratio with
    nothing to measure misses no target: flag precision and recall when no flag was expected and
    none found (negative controls alone; a flag there fails precision and its own target), a
    statement accuracy when the gold lists no statement. A gold statement not found leaves its
    accuracies undefined, and that is a miss."""
    r = result.ratios()
    t = result.total
    nothing = {"flag_precision": t.findings == 0 and t.gold_flags == 0, "flag_recall": t.gold_flags == 0}

    def met(k: str, v: float) -> bool:
        if r[k] is None:
            return nothing.get(k, t.gold_statements == 0)
        return r[k] >= v  # type: ignore[operator]
    out = {k: met(k, v) for k, v in TARGETS.items()}
    out["negative_control_flags"] = result.total.negative_control_flags == 0
    return out


def result_to_dict(result: EvalResult) -> dict[str, Any]:
    """JSON-ready form for ``claimcheck eval --json``."""
    def case_dict(s: CaseScore) -> dict[str, Any]:
        return {
            "case": s.case, "domain": s.domain, "negative_control": s.negative_control,
            "error": s.error, "counts": vars(s.counts).copy(), "scores": s.counts.ratios(),
            "missed_statements": s.missed_statements, "wrong": s.wrong,
            "false_flags": s.false_flags, "missed_flags": s.missed_flags,
        }
    return {
        "cases": [case_dict(s) for s in result.cases],
        "total": {"counts": vars(result.total).copy(), "scores": result.ratios()},
        "targets": dict(TARGETS, negative_control_flags=0),
        "meets_targets": meets_targets(result),
    }


def _fmt(v: float | None) -> str:
    return "-" if v is None else f"{v:.2f}"


def render_table(result: EvalResult, out: Any, *, gold_statements: bool = False) -> None:
    """Print a rich table, one row per case and a micro-averaged total row, to a Console or stream.
    ``gold_statements``: the comparison-alone mode (pairs aligned instead of statement fields)."""
    from rich.console import Console
    from rich.table import Table

    console = out if isinstance(out, Console) else Console(file=out, width=160, soft_wrap=False)
    table = Table(title="claimcheck eval" + (" --gold-statements" if gold_statements else ""), show_lines=False)
    cols = (("case", "stmts", "pairs aligned", "aligned", "flag P", "flag R", "listed", "type", "level",
             "neg-ctl flags", "not-pair flags") if gold_statements else
            ("case", "stmts", "kind", "date", "speaker", "org", "flag P", "flag R", "type",
             "neg-ctl flags", "not-pair flags"))
    for col in cols:
        table.add_column(col, justify="left" if col == "case" else "right")

    def row(name: str, c: Counts, style: str | None = None) -> None:
        r = c.ratios()
        if gold_statements:
            table.add_row(
                name, f"{c.found_statements}/{c.gold_statements}", f"{c.gold_pairs_aligned}/{c.gold_pairs}",
                str(c.aligned_pairs), _fmt(r["flag_precision"]), _fmt(r["flag_recall"]),
                f"{c.gold_flags_listed}/{c.gold_flags}", _fmt(r["type_accuracy"]), _fmt(r["level_accuracy"]),
                str(c.negative_control_flags), str(c.not_contradiction_flags), style=style)
            return
        table.add_row(
            name, f"{c.found_statements}/{c.gold_statements}", _fmt(r["kind_accuracy"]),
            _fmt(r["date_accuracy"]), _fmt(r["speaker_accuracy"]), _fmt(r["organization_accuracy"]),
            _fmt(r["flag_precision"]), _fmt(r["flag_recall"]), _fmt(r["type_accuracy"]),
            str(c.negative_control_flags), str(c.not_contradiction_flags), style=style)

    for s in result.cases:
        name = Path(s.case).name + (" (neg)" if s.negative_control else "")
        if s.error:
            name += " [error]"
        row(name, s.counts)
    table.add_section()
    row("TOTAL", result.total, style="bold")
    console.print(table)
    errors = [s for s in result.cases if s.error]
    for s in errors:
        console.print(f"{s.case}: scan failed: {s.error}", markup=False)
    met = meets_targets(result)
    missing = [k for k, ok in met.items() if not ok]
    console.print("targets met" if not missing else "targets not met: " + ", ".join(missing),
                  markup=False)


def write_table(result: EvalResult, stream: TextIO) -> None:
    """Plain-stream convenience wrapper around :func:`render_table`."""
    render_table(result, stream)


# ------------------------------------------------------------------- comparison alone (gold mode)


def _locate(doc_text: str, spans: Sequence[Any], keywords: Sequence[str]) -> tuple[int, int] | None:
    """Character range of the sentence (or run of up to three sentences) of ``spans`` that holds
    the most ``keywords``; None when no run holds at least half of them."""
    need = math.ceil(len(keywords) / 2)
    best: tuple[int, int, int] | None = None  # (hits, -length, start) -> (start, end)
    best_range: tuple[int, int] | None = None
    for n in range(len(spans)):
        for width in (1, 2, 3):
            if n + width > len(spans):
                break
            start, end = spans[n].start, spans[n + width - 1].end
            hits = keyword_hits(doc_text[start:end], keywords)
            key = (hits, -width, -start)
            if hits >= need and (best is None or key > best):
                best, best_range = key, (start, end)
    return best_range


def gold_case_statements(case_dir: Path, gold: Gold, *, pipe: Any, rules: Any) -> list[Statement]:
    """Statements built from the gold labels of one case: each gold statement's sentence located
    in its file (the file's text as ingest reads it) by its keywords, given the gold kind, role,
    date, speaker and organization, its frame read by the spaCy pipeline (extract/frame.py).
    Every other sentence of the case's documents comes along as ``context`` (kind from its
    document), so alignment sees each record's document around it as it would in a scan."""
    import hashlib

    from .extract.sentences import split_sentences
    from .ingest import ingest_paths
    from .models import INTERNAL_DOC_KINDS, DateMention, Source

    from .dates import find_dates

    # the case's own notes (a README.md beside gold.yaml) are not one of its documents
    docs = [d for r in ingest_paths([case_dir]) for d in r.documents
            if d.text.strip() and _rel(d.path, case_dir) != "README.md"]
    sentences = {d.id: split_sentences(d.text, pipe.splitter) for d in docs}
    wanted: list[tuple[Any, int, int, GoldStatement | None]] = []
    taken: set[tuple[str, int]] = set()
    for gs in gold.statements:
        found = None
        for d in docs:
            if not _same_file(d.path, gs.file, case_dir):
                continue
            where = _locate(d.text, sentences[d.id], gs.keywords)
            if where is not None and (found is None or keyword_hits(d.text[where[0]:where[1]], gs.keywords)
                                      > keyword_hits(found[0].text[found[1]:found[2]], gs.keywords)):
                found = (d, where[0], where[1])
        if found is not None:
            wanted.append((found[0], found[1], found[2], gs))
            taken.update((found[0].id, s.start) for s in sentences[found[0].id]
                         if found[1] <= s.start < found[2])
    for d in docs:
        for s in sentences[d.id]:
            if (d.id, s.start) not in taken:
                wanted.append((d, s.start, s.end, None))
    texts = [re.sub(r"\s", " ", d.text[a:b]) for d, a, b, _ in wanted]
    generic = frozenset(rules.lexicon.get("generic_nouns", ()))
    family = rules.noun_family_of()
    out: list[Statement] = []
    for (d, a, b, gs), parsed in zip(wanted, pipe.nlp.pipe(texts, batch_size=64)):
        frame, topics, ents = _read_parsed(parsed, rules, generic, family)
        line, page = d.locate(a)
        text = d.text[a:b]
        anchor = d.date.start
        mentions = tuple(DateMention(m.start, m.end, m.value, m.role) for m in find_dates(text, anchor=anchor))
        if gs is not None:
            kind, role = gs.kind, gs.role or ("claim" if gs.kind == "public" else "evidence")
            date = gs.date if gs.date is not None else d.date
            sid, speaker, org = gs.id, gs.speaker, gs.organization
        else:
            kind = "internal" if d.kind in INTERNAL_DOC_KINDS else "public"
            role, date, speaker, org = "context", d.date, d.author, d.organization
            sid = "c" + hashlib.sha256(f"{d.id}|{a}".encode()).hexdigest()[:10]
        out.append(Statement(
            id=sid, document=d.id, kind=kind, role=role, speaker=speaker,  # type: ignore[arg-type]
            organization=org, date=date, text=text,
            source=Source(d.path, line, a, b, page, d.part), entities=ents, topics=topics,
            frame=frame, mentioned_dates=mentions))
    return out


def _read_parsed(parsed: Any, rules: Any, generic: frozenset[str], family: dict[str, str]) -> tuple[Any, tuple[str, ...], tuple[str, ...]]:
    """Frame, topics (with their family names) and entities of one parsed sentence."""
    from .extract.frame import read_sentence, topics_of

    sent = parsed[:]
    root, frame = read_sentence(sent, rules)
    clause = parsed[min(t.i for t in root.subtree):max(t.i for t in root.subtree) + 1]
    topics = topics_of(clause, generic) or topics_of(sent, generic)
    topics = topics + tuple(dict.fromkeys(family[t] for t in topics if t in family and family[t] not in topics))
    ents = tuple(dict.fromkeys(e.text.strip() for e in parsed.ents
                               if e.label_ in ("ORG", "PERSON", "GPE", "PRODUCT", "NORP", "FAC")))
    return frame, topics, ents


def reread(st: Statement, text: str, *, pipe: Any, rules: Any) -> Statement:
    """``st`` with another text, read again by the model (frame, topics, entities); everything
    else (kind, role, speaker, organization, date, source) kept. Adversarial tests use it."""
    from .models import evolve

    frame, topics, ents = _read_parsed(pipe.nlp(re.sub(r"\s", " ", text)), rules,
                                       frozenset(rules.lexicon.get("generic_nouns", ())), rules.noun_family_of())
    from .dates import find_dates
    from .models import DateMention

    mentions = tuple(DateMention(m.start, m.end, m.value, m.role) for m in find_dates(text, anchor=st.date.start))
    return evolve(st, text=text, frame=frame, topics=topics, entities=ents, mentioned_dates=mentions)


def score_gold_case(case_dir: Path, gold: Gold, statements: Sequence[Statement], *,
                    rules: Any) -> CaseScore:
    """Run align and detect on ``statements`` (from :func:`gold_case_statements`) and score them:
    flag precision and recall as in a scan, plus how many gold pairs alignment proposed."""
    from . import __version__
    from .align import align
    from .detect import align_min_topic, detect

    min_topic = align_min_topic(rules)
    alignment = align(statements, min_topic=min_topic, noun_families=rules.noun_family_of())
    findings = detect(alignment, rules)
    report = Report(schema_version=1, tool_version=__version__, model="gold statements", degraded=False,
                    roots=(str(case_dir),), files=(), documents=(), statements=alignment.statements,
                    findings=findings, errors=())
    score = score_case(case_dir, report, gold)
    ids = {s.id for s in statements}
    proposed = {(p.public, p.internal) for p in alignment.pairs}
    c = score.counts
    c.gold_pairs = len(gold.contradictions)
    c.gold_pairs_aligned = sum(1 for pair in gold.contradictions
                               if any((a, b) in proposed for a in pair.public for b in pair.internal))
    c.aligned_pairs = len(alignment.pairs)
    score.missed_statements = [s.id for s in gold.statements if s.id not in ids]
    return score


def evaluate_gold_statements(paths: Sequence[Path], *, rules: Any, pipe: Any) -> EvalResult:
    """``claimcheck eval --gold-statements``: the comparison stages alone, on perfect statements."""
    cases, golds = _cases_and_golds(paths)
    total = Counts()
    scores = []
    for case, gold in zip(cases, golds):
        try:
            statements = gold_case_statements(case, gold, pipe=pipe, rules=rules)
            score = score_gold_case(case, gold, statements, rules=rules)
        except Exception as exc:  # one broken case never stops the evaluation
            c = Counts(gold_statements=len(gold.statements), gold_flags=len(gold.contradictions),
                       gold_pairs=len(gold.contradictions))
            score = CaseScore(case=str(case), counts=c, negative_control=gold.negative_control,
                              domain=gold.domain, error=f"{type(exc).__name__}: {exc}")
        scores.append(score)
        total.add(score.counts)
    return EvalResult(scores, total)
