"""What blind set 15 showed, read generically (issue 14): a company's office as a release's author
names the company; a group's companies named by one word and what they do are one organization;
a witness list that starts on its heading's line; a witness written "Jr." answering as "Mr. ROE".
And (issue 15) a denial that grants the harm in its own words, or a pair sharing only "a defect",
gets no flag on stance alone. Each test asserts on records or on detect's findings."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

from claimcheck.align import align
from claimcheck.corpus.orgs import org_families
from claimcheck.detect import detect
from claimcheck.ingest import ingest_paths
from claimcheck.models import DateValue, Frame, Source, Statement
from claimcheck.pipeline import ScanOptions, run
from claimcheck.ruleset import load_rules

RULES = load_rules()


def test_a_companys_office_as_author_names_the_company_and_no_person(tmp_path: Path) -> None:
    (tmp_path / "recall.md").write_text(
        "---\ntitle: Acme Expands Voluntary Recall\ndate: 2008-02-28\nsource: press release\n"
        "author: Acme International Inc., Media Relations\n---\n\nAcme International Inc. today said it is "
        "extending its voluntary recall to all remaining lots.\n")
    (doc,) = [d for r in ingest_paths([tmp_path]) for d in r.documents]
    assert (doc.organization, doc.author) == ("Acme International Inc", "")


def test_a_groups_companies_named_by_one_word_and_their_trade_are_one_organization() -> None:
    names = ["Acme Energy Company", "Acme Coal Services", "Acme Coal Services", "Globex International Inc",
             "Globex Healthcare Corporation", "Initech Foundation", "Initech Controls"]
    families = org_families({n: n for n in names}, Counter(names))
    # named by the parent (the shortest name), not by the unit the records name most
    assert families["Acme Coal Services"] == families["Acme Energy Company"] == "Acme Energy Company"
    assert families["Globex International Inc"] == families["Globex Healthcare Corporation"]
    # "Foundation" and "Controls" are no trade of a group: two organizations
    assert families["Initech Foundation"] != families["Initech Controls"]


HEARING = """U.S. HOUSE OF REPRESENTATIVES
COMMITTEE ON ENERGY AND COMMERCE
SUBCOMMITTEE ON OVERSIGHT AND INVESTIGATIONS

Hearing: "Contaminated Supplies"
Tuesday, April 29, 2008, Washington, D.C.

Witnesses (panel II): Dr. Jane Doe, Director, Center for Drug Evaluation, Northgate Agency;
Robert L. Roe Jr., Chairman and Chief Executive Officer, Acme International Inc.;
John Poe, President and CEO, Globex Laboratories LLC

Mr. CHAIRMAN. Mr. Roe, what happened?

Mr. ROE. We were alarmed to find that one of our products had been used in a deliberate scheme to adulterate a medicine. The contaminant entered the supply chain abroad, before the ingredient ever reached our plant.
"""


def test_a_witness_list_begun_on_its_headings_line_places_each_witness(tmp_path: Path) -> None:
    (tmp_path / "2008-04-29_hearing.txt").write_text(HEARING)
    (doc,) = [d for r in ingest_paths([tmp_path]) for d in r.documents]
    assert dict(doc.people) == {"Dr. Jane Doe": "Northgate Agency", "Robert L. Roe Jr.": "Acme International Inc",
                                "John Poe": "Globex Laboratories LLC"}
    said = [s for s in run([tmp_path], options=ScanOptions(use_cache=False)).statements if "contaminant" in s.text]
    # "Mr. ROE." is the witness written "Robert L. Roe Jr.", who speaks for his company
    assert said and [(s.speaker, s.organization) for s in said] == [("Robert L. Roe Jr.", "Acme International Inc")]


def _st(sid: str, kind: str, text: str, day: dt.date, *, topics: tuple[str, ...], **frame: object) -> Statement:
    return Statement(id=sid, document=f"doc-{sid}", kind=kind, role="claim" if kind == "public" else "evidence",  # type: ignore[arg-type]
                     speaker="", organization="Acme", date=DateValue.day(day, "test"), text=text,
                     source=Source(f"{sid}.txt", 1, 0, len(text)), topics=topics, frame=Frame(**frame))  # type: ignore[arg-type]


def _flags(statements: list[Statement]) -> list[tuple[str, str]]:
    return [(f.public, f.type) for f in detect(align(statements, min_topic=0.0), RULES) if f.level != "candidate"]


def test_a_denial_that_grants_the_harm_is_not_strained_by_a_record_of_it() -> None:
    record = _st("i", "internal", "Reports with fatal outcome: 4, causality not assessed; the deaths are under review.",
                 dt.date(2008, 2, 26), topics=("death", "report", "heparin", "patient"), predicate="review",
                 modality="report")
    granted = _st("p", "public", "The company is aware of four deaths among heparin patients; a causal link to the "
                  "drug has not been established.", dt.date(2008, 2, 28), topics=("death", "heparin", "patient"),
                  predicate="establish", modality="denial", polarity="negative")
    assert _flags([granted, record]) == []
    denied = _st("q", "public", "There have been no deaths among heparin patients linked to the drug.",
                 dt.date(2008, 2, 28), topics=("death", "heparin", "patient"), predicate="be", modality="denial",
                 polarity="negative")
    assert ("q", "denial-vs-evidence") in _flags([denied, record])


def test_sharing_only_a_defect_word_makes_no_matter_for_a_stance_alone() -> None:
    claim = _st("p", "public", "The recall is not an admission that the car has a defect; our position remains that "
                "it does not.", dt.date(1987, 1, 13), topics=("defect", "recall"), predicate="have",
                modality="denial", polarity="negative")
    record = _st("i", "internal", "One test vehicle had a deliberately defective idle valve.", dt.date(1986, 12, 9),
                 topics=("defect", "idle valve", "vehicle"), predicate="have", modality="report")
    assert _flags([claim, record]) == []


def test_a_one_word_name_ending_a_two_word_name_is_that_company() -> None:
    names = ["Globex", "Globex", "Globex", "Nordic Globex ASA", "Initech", "North Initech"]
    families = org_families({n: n for n in names}, Counter(names))
    assert families["Nordic Globex ASA"] == families["Globex"] == "Globex"  # as the corpus names it most
    assert families["North Initech"] != families["Initech"]  # "North ..." is a region's, not a name's first word


def test_a_companys_office_after_its_legal_name_leaves_no_author(tmp_path: Path) -> None:
    (tmp_path / "update.md").write_text(
        "---\ntitle: Globex subject to cyber attack\ndate: 2019-03-19\nsource: press release\n"
        "author: Nordic Globex ASA, Corporate Communications\n---\n\nNo safety incidents have resulted from the "
        "attack at any of our plants.\n")
    (doc,) = [d for r in ingest_paths([tmp_path]) for d in r.documents]
    assert (doc.organization, doc.author) == ("Nordic Globex ASA", "")


def test_a_team_named_after_a_two_word_company_names_the_company(tmp_path: Path) -> None:
    (tmp_path / "statement.md").write_text(
        "---\ntitle: Statement regarding the allegations\ndate: 2009-07-10\nsource: Company newsroom\n"
        "author: Acme International Corporate Affairs\n---\n\nAcme International has checked the facts.\n")
    (doc,) = [d for r in ingest_paths([tmp_path]) for d in r.documents]
    assert (doc.organization, doc.author) == ("Acme International", "")


def test_a_counsels_opinion_is_counsels(tmp_path: Path) -> None:
    (tmp_path / "2008-06-03_opinion.txt").write_text(
        "CONFIDENTIAL - LEGALLY PRIVILEGED\n\nOPINION (extract)\nDate: 3 June 2008\n"
        "Instructed by: John Doe, Legal Manager, Acme Newspapers\nCounsel: Jane Roe QC\n\n"
        "In my view the documents disclosed show a settled practice of obtaining the material unlawfully.\n")
    (doc,) = [d for r in ingest_paths([tmp_path]) for d in r.documents]
    assert doc.author == "Jane Roe QC"


def test_an_acronym_counts_the_small_words_of_the_name_it_stands_for() -> None:
    from claimcheck.corpus.orgs import spelled_out
    canon = {"NOTA": "NOTA", "News of the Acme": "News of the Acme"}
    assert spelled_out(canon, ["News of the Acme"])["NOTA"] == "News of the Acme"
