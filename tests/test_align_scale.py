"""Alignment at scale: which records a claim is compared with, and the bound on how many."""

from __future__ import annotations

import datetime as dt

import pytest

from claimcheck import align as align_mod
from claimcheck.align import align
from claimcheck.models import DateValue, Frame, Source, Statement


def st(sid: str, kind: str, topics: tuple[str, ...], *, document: str = "", modality: str = "action",
       predicate: str = "sell", polarity: str = "positive", obj: str = "") -> Statement:
    text = f"{sid} {predicate} {' '.join(topics)}"
    return Statement(
        id=sid, document=document or f"doc-{sid}", kind=kind,  # type: ignore[arg-type]
        role="claim" if kind == "public" else "evidence", speaker="", organization="Acme",
        date=DateValue.day(dt.date(2020, 1, 1), "document"), text=text, source=Source(f"{sid}.txt", 1, 0, len(text)),
        topics=topics, frame=Frame(predicate=predicate, polarity=polarity, modality=modality, object=obj))


def paired(al: object) -> set[str]:
    return {p.internal for p in al.pairs}  # type: ignore[attr-defined]


def test_claims_pair_through_the_record_document_and_detect_judges_the_sentence() -> None:
    """Alignment pairs by matter, the record's document included (no stage takes a predicate
    from another); the commitment rule still needs the record's own sentence on the matter."""
    from claimcheck.detect import detect
    from claimcheck.ruleset import load_rules
    claim = st("p", "public", ("drone", "police department"), modality="commitment", polarity="negative")
    on_topic = st("a", "internal", ("drone", "police department"), document="memo")
    beside = st("b", "internal", ("office furniture",), document="memo")  # same memo, other matter
    al = align([claim, on_topic, beside], min_topic=0.2)
    assert paired(al) == {"a", "b"}  # through the memo's key terms
    flags = [f for f in detect(al, load_rules()) if f.level != "candidate"]
    assert flags and all(set(f.internal) == {"a"} for f in flags)


def test_knowledge_claims_still_pair_through_the_document() -> None:
    claim = st("p", "public", ("drone", "police department"), modality="knowledge")
    on_topic = st("a", "internal", ("drone", "police department"), document="memo")
    beside = st("b", "internal", ("office furniture",), document="memo")
    al = align([claim, on_topic, beside], min_topic=0.2)
    assert paired(al) == {"a", "b"}


def test_records_scored_per_claim_are_bounded_rarest_terms_first(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(align_mod, "MAX_CANDIDATES", 3)
    claim = st("p", "public", ("turbine blade", "maintenance"), modality="commitment", polarity="negative")
    rare = st("r", "internal", ("turbine blade",))
    common = [st(f"c{n}", "internal", ("maintenance",)) for n in range(10)]
    al = align([claim, rare, *common], min_topic=0.0)
    assert "r" in paired(al)  # the record sharing the rarer term is always compared
    assert len(al.pairs) == 3
    monkeypatch.setattr(align_mod, "MAX_CANDIDATES", 400)
    al = align([claim, rare, *common], min_topic=0.0)
    assert len(al.pairs) == 11
