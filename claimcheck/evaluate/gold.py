"""The gold labels of a case: ``gold.yaml`` loaded and validated (every problem at once, at
``path:line:col``), and the case folders found under the given paths."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Mapping, Sequence

from .._yaml import LocDict, YamlProblem, load_file, loc_of
from ..dates import parse_date_value
from ..errors import ConfigError, Problem
from ..models import DateValue



GOLD_FILE = "gold.yaml"
FINDING_TYPES = (
    "commitment-vs-action", "denial-vs-evidence", "knowledge-timing", "numeric-mismatch",
    "assurance-vs-concern",
)
LEVELS = ("contradiction", "tension")
ROLES = ("claim", "evidence", "third-party", "context")
PRECISIONS = ("day", "month", "quarter", "year", "range", "unknown")



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
