"""Run the examples rule files carry (``claimcheck rules test`` and the test suite)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .align import align
from .corpus import build
from .dates import parse_date_value
from .detect import detect
from .models import DateMention, DateValue, Frame, Quantity, Source, Statement
from .ruleset import Example, Rule, RuleSet, StanceExample


@dataclass(frozen=True)
class ExampleResult:
    rule: str
    index: int
    name: str
    status: str          # ok | FAIL | xfail | XPASS
    detail: str


def statement_from_spec(spec: dict, n: int) -> Statement:
    date = parse_date_value(str(spec.get("date", "")), source="example") or DateValue.undated()
    mentioned = ()
    if spec.get("mentioned"):
        mv = parse_date_value(str(spec["mentioned"]), source="text")
        if mv:
            mentioned = (DateMention(0, 1, mv),)
    quantities = tuple(Quantity(float(q["value"]), str(q.get("unit", "")), bool(q.get("approx", False)),
                                str(q.get("value")),
                                float(q["low"]) if q.get("low") is not None else None,
                                float(q["high"]) if q.get("high") is not None else None)
                       for q in spec.get("quantities", []) or [])
    frame = Frame(actor=str(spec.get("actor", "")), predicate=str(spec.get("predicate", "")),
                  polarity=spec.get("polarity", "positive"),
                  modality=str(spec.get("modality", "report")), object=str(spec.get("object", "")),
                  target=str(spec.get("target", "")), condition=str(spec.get("condition", "")),
                  quantities=quantities,
                  verbs=tuple(str(v) for v in spec.get("verbs", []) or ()) or (str(spec.get("predicate", "")),),
                  hedged=bool(spec.get("hedged", False)))
    text = str(spec.get("text", ""))
    sid = str(spec.get("id", f"s{n}"))
    return Statement(id=sid, document=str(spec.get("document", f"example-{sid}")), kind=spec.get("kind", "public"),
                     role=spec.get("role", "claim"), speaker=str(spec.get("speaker", "")),
                     organization=str(spec.get("organization", "")), date=date, text=text,
                     source=Source(f"example:{sid}", 1, 0, len(text)),
                     topics=tuple(str(t) for t in spec.get("topics", []) or []), frame=frame,
                     entities=tuple(str(e) for e in spec.get("entities", []) or []),
                     mentioned_dates=mentioned)


def _with_scopes(st: Statement, rules: RuleSet) -> Statement:
    from dataclasses import replace

    from .extract.frame import classify_scope
    scope = classify_scope(st.frame.target, rules.scopes) if st.frame.target else ""
    return replace(st, frame=replace(st.frame, scope=scope))


def run_example(rules: RuleSet, rule: Rule, index: int, example: Example) -> ExampleResult:
    only = rules.only(rule)
    stmts = [_with_scopes(statement_from_spec(s, n), rules) for n, s in enumerate(example.statements)]
    findings = detect(align(build(stmts), min_topic=0.0), only)
    fired = [f for f in findings if f.rule == rule.id and f.level != "candidate"]  # candidates are not flags
    if example.expect == "finding":
        ok = bool(fired) and (example.level is None or fired[0].level == example.level)
        detail = "no finding" if not fired else f"{fired[0].level} (score {fired[0].score})"
    else:
        ok = not fired
        detail = "no finding" if not fired else f"unexpected {fired[0].level}: {fired[0].point}"
    if example.xfail:
        status = "XPASS" if ok else "xfail"
    else:
        status = "ok" if ok else "FAIL"
    return ExampleResult(rule.id, index, example.name, status, detail)


def run_all(rules: RuleSet) -> list[ExampleResult]:
    """Every rule's examples, then the stance examples (these need the model: skipped without it)."""
    out = [run_example(rules, rule, n, ex) for rule in rules.rules for n, ex in enumerate(rule.examples)]
    if rules.stance_examples:
        from .nlp import load_pipeline
        pipe = load_pipeline()
        if not pipe.degraded:
            out.extend(run_stance_example(rules, n, ex, pipe) for n, ex in enumerate(rules.stance_examples))
    return out


def statement_from_sentence(text: str, kind: str, rules: RuleSet, pipe: Any) -> Statement:
    """A statement made of one sentence read by the model (frame.read_sentence), undated."""
    from .extract.frame import read_sentence, topics_of

    doc = pipe.nlp(text)
    _, frame = read_sentence(doc[:], rules)
    topics = topics_of(doc[:], frozenset(rules.lexicon.get("generic_nouns", ())))
    return Statement(id="s0", document="example", kind=kind, role="claim" if kind == "public" else "evidence",  # type: ignore[arg-type]
                     speaker="", organization="", date=DateValue.undated(), text=text,
                     source=Source("example", 1, 0, len(text)), topics=topics, frame=frame)


def run_stance_example(rules: RuleSet, index: int, example: StanceExample, pipe: Any) -> ExampleResult:
    from .detect import stance_of

    got = stance_of(statement_from_sentence(example.text, example.kind, rules, pipe), rules)
    ok = got == example.stance
    status = ("XPASS" if ok else "xfail") if example.xfail else ("ok" if ok else "FAIL")
    return ExampleResult("stance", index, example.text, status, f"{got} (want {example.stance})")
