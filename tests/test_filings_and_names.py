"""A company's filings read as its own words, and news that names the company in forms the first
pass missed (issue 14): "AT&T said ...", "the utility said ..."; a court caption over a party's
response is where it was filed, the party is who speaks; "Filed:" is a field, not a speaker."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck.extract import ExtractSettings, extract_batch
from claimcheck.ingest import ingest_paths
from claimcheck.models import Document, Statement

pytestmark = pytest.mark.model


def ingest(tmp_path: Path, name: str, text: str) -> list[Document]:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return [d for r in ingest_paths([path]) for d in r.documents]


def read(doc: Document) -> list[Statement]:
    return list(extract_batch([doc], settings=ExtractSettings())[0])


NEWS = ("Utility delays work on line\n\nFeb. 28, 2019\n\n"
        "NORTHGATE, Feb. 28 - Acme Power and Light Co. put off the work again, filings show.\n\n"
        "AP&L said rebuilding the line had turned out to be unexpectedly complex. "
        "The utility said the delays came from engineering challenges tied to permits.\n\n"
        "Line crews were seen near the towers on Tuesday.\n")


def test_a_name_with_an_ampersand_and_a_definite_noun_of_its_kind_are_speakers(tmp_path: Path) -> None:
    (doc,) = ingest(tmp_path, "news.txt", NEWS)
    sts = read(doc)
    texts = {s.text.split(" said")[0]: s for s in sts}
    assert "AP&L" in texts and "The utility" in texts, [s.text for s in sts]
    assert texts["The utility"].kind == "public" and texts["The utility"].organization, texts["The utility"]
    assert not any(s.text.startswith("Line crews") for s in sts)  # prose with no speaker stays context


RESPONSE = ("UNITED STATES DISTRICT COURT\nNORTHERN DISTRICT OF NORTHGATE\n\n"
            "UNITED STATES OF AMERICA, Plaintiff, v. ACME POWER COMPANY, Defendant.\n\n"
            "RESPONSE OF ACME POWER COMPANY TO THE COURT'S QUESTIONS (EXCERPT)\n\n"
            "Filed: December 31, 2018\n\n"
            "Acme inspected and patrolled the line in keeping with all applicable regulatory requirements.\n"
            "Those inspections did not identify any condition on the structure that required repair.\n")


def test_a_partys_response_under_a_court_caption_is_the_partys_filing(tmp_path: Path) -> None:
    (doc,) = ingest(tmp_path, "case/response.txt", RESPONSE)
    assert doc.kind == "filing" and doc.organization == "Acme Power Company", (doc.kind, doc.organization)
    sts = read(doc)
    assert sts and all(s.kind == "public" and s.organization == "Acme Power Company" for s in sts), sts
    assert not any(s.speaker == "Filed" or s.text.startswith("December") for s in sts)


NOTICE = ("ACME POWER COMPANY\nLetter to the State Utilities Commission, Energy Division\n"
          "Date: July 22, 2013\nRe: Notice of proposed construction - line 7 tower replacement\n\n"
          "Acme Power Company submits this notice concerning work on line 7.\n"
          "Acme intends to replace six consecutive towers with new steel structures on the line.\n")


def test_a_notice_in_a_filings_folder_is_a_filing_not_an_office_notice(tmp_path: Path) -> None:
    (doc,) = ingest(tmp_path, "filings/2013-07-22-notice-of-construction.txt", NOTICE)
    assert doc.kind == "filing", doc.kind
    assert any(s.kind == "public" and "six consecutive towers" in s.text for s in read(doc))


TEN_K = ("FORM 10-K - ACME HOLDINGS INC.\nFiscal year ended December 31, 2016\nFiled: March 1, 2017\n\n"
         "Item 7. Management's Discussion and Analysis (excerpt)\n\n"
         "A committee of independent directors examined the 2014 security incident. It found that the "
         "Company's security staff knew of the compromise at the time.\n")


def test_a_securities_filings_form_line_names_its_registrant_and_filed_is_no_speaker(tmp_path: Path) -> None:
    (doc,) = ingest(tmp_path, "filings/10-k.txt", TEN_K)
    assert doc.kind == "filing" and doc.organization == "Acme Holdings Inc", (doc.kind, doc.organization)
    sts = read(doc)
    assert sts and all(s.organization == "Acme Holdings Inc" and s.speaker != "Filed" for s in sts), sts


COMMUNITY = ("---\ntitle: \"Update on the active incident\"\ndate: 2022-04-12\n"
             "source: Acme Community (official post)\nauthor: Jane Roe, Head of Engineering\n---\n\n"
             "I want to share where we are on the incident that began on April 5.\n")


def test_a_post_on_the_organizations_own_community_is_its_public_word(tmp_path: Path) -> None:
    (doc,) = ingest(tmp_path, "community/update.md", COMMUNITY)
    assert doc.kind == "post" and doc.organization == "Acme", (doc.kind, doc.organization)


RELEASE_BV = ("---\ntitle: \"Acme voluntarily recalls products made at one factory\"\ndate: 2016-02-23\n"
              "source: press release\nauthor: Acme Nederland B.V., Corporate Affairs\n---\n\n"
              "A consumer found a small piece of plastic in a Crunchy bar. We believe this is an isolated incident.\n")


def test_a_legal_form_of_another_country_names_the_organization(tmp_path: Path) -> None:
    """'Acme Nederland B.V., Corporate Affairs' (B.V., N.V., A/S, Oyj, Pty, S.p.A. are legal forms)
    is Acme Nederland's office, not a person and not the brand the release mentions most."""
    from claimcheck.ingest.headers import org_of_phrase
    assert org_of_phrase("Acme Nederland B.V., Corporate Affairs").rstrip(".") == "Acme Nederland B.V"
    assert org_of_phrase("Northgate Shipping A/S") == "Northgate Shipping A/S"
    (doc,) = ingest(tmp_path, "press/release.md", RELEASE_BV)
    assert doc.organization.startswith("Acme Nederland"), doc.organization
    assert all(s.organization.startswith("Acme Nederland") for s in read(doc))
