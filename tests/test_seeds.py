"""The seed cases give their stated outcomes, asserted on the JSON report (issue 2 item 10, 11)."""

from __future__ import annotations

import datetime as dt
import json
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest

from claimcheck.evaluate import evaluate
from claimcheck.evaluate.matching import speaker_matches

pytestmark = pytest.mark.model

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_ARTICLE = ROOT.parent / "shared" / "seeds" / "000_65cae857a9c6ae1a.txt"


def run_pipeline(path: Path, **options: Any) -> Any:
    """pipeline.run on one path, without the user's cache (tests must not write outside tmp)."""
    try:
        from claimcheck.pipeline import ScanOptions, run
    except ImportError as exc:  # the lead's pipeline is not there yet: fail loudly, do not skip
        pytest.fail(f"claimcheck.pipeline.run is not available yet: {exc}")
    return run([path], options=ScanOptions(use_cache=False, **options))


@lru_cache(maxsize=None)
def scan_json(name: str) -> dict[str, Any]:
    from claimcheck.report.jsonout import report_to_dict
    report = run_pipeline(SEEDS / name)
    return json.loads(json.dumps(report_to_dict(report)))


def by_id(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {s["id"]: s for s in data["statements"]}


def codes(finding: dict[str, Any]) -> set[str]:
    return {r["code"] for r in finding.get("reasons", [])}


def test_microsoft_dea_pledge_and_emails_are_a_tension_naming_scope_and_timing() -> None:
    data = scan_json("microsoft-dea")
    st = by_id(data)
    linked = []
    for f in data["findings"]:
        pub = st[f["public"]]
        internal = [st[i] for i in f["internal"]]
        if (speaker_matches(pub["speaker"], "Brad Smith") and pub["organization"] == "Microsoft Corp"
                and "police departments" in pub["text"].lower()
                and any(i["source"]["path"].startswith("emails/") and i["organization"] == "Microsoft Corp"
                        for i in internal)):
            linked.append(f)
    assert linked, [(f["public"], f["internal"], f["explanation"]) for f in data["findings"]]
    f = linked[0]
    assert f["level"] == "tension"
    assert f["type"] == "commitment-vs-action"
    assert {"scope", "timing"} <= codes(f), f["reasons"]
    text = f["explanation"].lower()
    assert "police" in text and ("federal" in text or "agency" in text)  # the scope difference
    assert st[f["public"]]["date"] == "2020-06-11"


def test_microsoft_dea_aclu_attorney_is_third_party_context() -> None:
    data = scan_json("microsoft-dea")
    st = by_id(data)
    wessler = [s for s in data["statements"] if speaker_matches(s["speaker"], "Nathan Freed Wessler")]
    assert wessler, "the ACLU attorney's words were not extracted"
    for s in wessler:
        assert s["role"] == "third-party", s
        assert s["organization"] != "Microsoft Corp", s
    for f in data["findings"]:
        assert not speaker_matches(st[f["public"]]["speaker"], "Nathan Freed Wessler"), f


def test_microsoft_dea_agency_decision_is_not_the_company_action() -> None:
    data = scan_json("microsoft-dea")
    st = by_id(data)
    for f in data["findings"]:
        for i in f["internal"]:
            s = st[i]
            if s["source"]["path"] == "emails/2018-11-14-dea-decision.eml" and "decided not" in s["text"]:
                pytest.fail(f"the agency's own decision was used as company evidence: {f}")


def test_carmaker_assurance_contradicts_engineers_concern_but_apology_does_not() -> None:
    data = scan_json("carmaker-emissions")
    st = by_id(data)
    hits = [f for f in data["findings"]
            if st[f["public"]]["source"]["path"] == "public/2014-12-10-service-action-release.md"
            and any(st[i]["source"]["path"] in ("internal/engineering-thread-2014.mbox",
                                                "records/2016-01-27-committee-release.pdf")
                    for i in f["internal"])]
    assert hits, [(f["public"], f["type"]) for f in data["findings"]]
    assert any(f["type"] == "assurance-vs-concern" and f["level"] == "contradiction" for f in hits)
    for f in data["findings"]:
        assert not speaker_matches(st[f["public"]]["speaker"], "Martin Winterkorn"), f
    # the PDF is dated by its release (2016); its emails keep their own 2014 dates
    pdf = [s for s in data["statements"] if s["source"]["path"].endswith(".pdf")]
    assert pdf and all(s["date"] and s["date"].startswith("2014-12") for s in pdf if s["kind"] == "internal")


def test_negative_control_seed_raises_nothing() -> None:
    data = scan_json("analgesic-recall-negative")
    assert [f for f in data["findings"] if f["level"] != "candidate"] == []  # candidates are for review, not flags
    assert data["statements"], "nothing was extracted: a silent negative control proves nothing"


def test_every_seed_meets_its_gold() -> None:
    result = evaluate([SEEDS], scan=lambda p: run_pipeline(p))
    for case in result.cases:
        c = case.counts
        assert not case.error, case.error
        assert c.gold_flags_found == c.gold_flags, (case.case, case.missed_flags)
        assert c.findings_correct == c.findings, (case.case, case.false_flags)
        assert c.negative_control_flags == 0, case.case


@pytest.mark.skipif(not SEED_ARTICLE.is_file(), reason="the seed article is kept outside the project")
def test_seed_article_alone_yields_the_statement_the_emails_and_a_link(tmp_path: Path) -> None:
    from claimcheck.models import DateValue
    from claimcheck.report.jsonout import report_to_dict
    # copy so nothing is ever written next to the original
    article = tmp_path / SEED_ARTICLE.name
    article.write_bytes(SEED_ARTICLE.read_bytes())
    report = run_pipeline(article, date=DateValue.day(dt.date(2020, 6, 18), "cli"))
    data = json.loads(json.dumps(report_to_dict(report)))
    st = by_id(data)
    smith = [s for s in data["statements"] if speaker_matches(s["speaker"], "Brad Smith")
             and s["kind"] == "public" and "police departments" in s["text"].lower()]
    assert smith and smith[0]["date"] == "2020-06-11", smith
    evidence = [s for s in data["statements"] if s["kind"] == "internal" and "DEA" in s["text"]]
    assert evidence, "the reported DEA emails were not kept as internal evidence"
    assert any(st[f["public"]]["id"] in {s["id"] for s in smith}
               and set(f["internal"]) & {s["id"] for s in evidence} for f in data["findings"])
