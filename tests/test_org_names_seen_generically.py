"""Organization names as the folder writes them (issue 14; what set 54 showed, read generically): an
e-mail domain's label that adds a web word after the organization's one-word name ("Acmesites",
"Acmegroup") is that organization; one that adds a word of its own ("Acmefoods" beside "Acme") is
not read as it by this rule; a site the organization runs ("NORTHGATE POWER STATION" heading an incident
report) is its unit, whose records are the organization's (set 60). Asserts on the corpus's
organization families and on statements."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from claimcheck.corpus.orgs import canonical_orgs, org_families
from folder_helpers import one as _one, report as _report


def _families(names: list[str]) -> dict[str, str]:
    return org_families(canonical_orgs(names), Counter(names))


def test_a_domain_label_adding_a_web_word_is_the_organization() -> None:
    fam = _families(["Acmefield Ltd", "Acmefieldsites", "Acmefieldgroup", "Office for Nuclear Regulation"])
    assert fam["Acmefieldsites"] == fam["Acmefieldgroup"] == "Acmefield Ltd"
    assert fam["Office for Nuclear Regulation"] == "Office for Nuclear Regulation"


def test_a_domain_label_adding_another_word_is_not_taken_for_the_organization() -> None:
    fam = _families(["Acmefield Ltd", "Acmefieldfoods"])
    assert fam["Acmefieldfoods"] != "Acmefield Ltd"


@pytest.mark.model
def test_a_site_the_organization_runs_is_its_unit_and_its_records_are_the_organizations(tmp_path: Path) -> None:
    _one(tmp_path, "internal", "2016-06-07-facts.eml",
         "From: Station Manager <manager@acmegen.example>\nTo: Corporate Affairs <affairs@acmegen.example>\n"
         "Date: Tue, 07 Jun 2016 13:10:00 +0300\nSubject: Facts for the statement\n\n"
         "The transformer tripped at 11:29 and the station lost 183 MW.\n\nStation Manager\nAcmegen\n")
    _one(tmp_path, "internal", "2016-06-08-note.eml",
         "From: Corporate Affairs <affairs@acmegen.example>\nTo: Board <board@acmegen.example>\n"
         "Date: Wed, 08 Jun 2016 09:10:00 +0300\nSubject: Outage\n\n"
         "We issued the statement on the outage yesterday afternoon.\n\nCorporate Affairs\nAcmegen\n")
    _one(tmp_path, "internal", "2016-06-10-incident-report.txt",
         "NORTHGATE POWER STATION\nINCIDENT REPORT - UNIT TRANSFORMER TRIP\nDate: 10 June 2016\n"
         "Prepared by: Station Manager\n\n"
         "The fence line was inspected after the trip and found intact, with no break.\n")
    report = _report(tmp_path)
    orgs = {s.organization for s in report.statements if "fence line was inspected" in s.text}
    assert orgs == {"Acmegen"}
