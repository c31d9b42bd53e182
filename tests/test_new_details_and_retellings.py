"""What the better reading of sets 29 and 30 exposed in the comparison, each asserted on findings
or records: a claim that dates when the organization learned a new detail of a matter it made
public before ("the breach announced on June 20 affects all members") is no knowledge-timing
contradiction of records about the matter; "we are not announcing a new breach" is strained only
by a record of another one; "there is no information at this time about whether ..." is a present
uncertainty, no denial; a record saying an act is still to do ("need full restart") shows no act a
denial denies; the organization's own later document is no retelling of a story's earlier quote;
a signature naming "Department of X" is the sender's organization, though every word of it is a
unit's word."""

from __future__ import annotations

from pathlib import Path

from claimcheck.ingest import ingest_paths
from claimcheck.pipeline import ScanOptions, run


def _write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def _flags(folder: Path) -> list:
    return [f for f in run([folder], options=ScanOptions(use_cache=False)).findings if f.level != "candidate"]


_MEMO = ("ACME BANK\nMEMORANDUM\nTO: Executive Committee\nFROM: Security and Privacy Incident Team\n"
         "DATE: 18 June 2019\nRE: Data breach\n\nScope as currently established: about 2.7 million individual members "
         "are affected by the data breach.\nIn May 2019 police informed us that personal information of members "
         "had been passed outside the organization.\n")


def test_a_new_detail_of_a_matter_made_public_before_is_no_knowledge_timing_flag(tmp_path: Path) -> None:
    folder = _write(tmp_path, {
        "internal/2019-06-18-memo.txt": _MEMO,
        "press/2019-11-01-update.md": "---\ntitle: Update on the data breach\ndate: 2019-11-01\nsource: Acme Bank, Northgate\n"
                                      "author: Acme Bank Media Relations\n---\n\nAcme Bank was informed yesterday by the provincial police force "
                                      "that the data breach announced on June 20 affects all of its 4.2 million individual "
                                      "members.\n"})
    assert [f for f in _flags(folder) if f.type == "knowledge-timing"] == []


def test_learning_a_matter_itself_after_the_records_still_flags(tmp_path: Path) -> None:
    folder = _write(tmp_path, {
        "internal/2019-06-18-memo.txt": _MEMO,
        "press/2019-11-01-update.md": "---\ntitle: Data breach\ndate: 2019-11-01\nsource: Acme Bank, Northgate\n"
                                      "author: Acme Bank Media Relations\n---\n\nAcme Bank was informed yesterday by the provincial police force "
                                      "that personal information of members had been passed outside the organization in a "
                                      "data breach.\n"})
    assert [f.type for f in _flags(folder)] == ["knowledge-timing"]


def test_not_new_and_not_yet_known_are_no_denials_a_record_of_the_matter_strains(tmp_path: Path) -> None:
    folder = _write(tmp_path, {
        "internal/2019-10-31-briefing.eml": "From: Jane Roe <jane.roe@acmebank.example>\nTo: Board <board@acmebank.example>\n"
                                            "Date: Thu, 31 Oct 2019 18:00:00 -0400\nSubject: Police briefing\n\n"
                                            "Their analysis of the seized data shows that all individual members are affected "
                                            "by the same breach, not the 2.7 million we announced in June.\n",
        "press/2019-11-01-conference.txt": "ACME BANK - PRESS CONFERENCE\nNovember 1, 2019\n\nJOHN DOE (Chief Executive, Acme Bank): "
                                           "We're not announcing a new breach. There is no information at this time about "
                                           "whether more business members have been affected by the breach.\n"})
    assert [f for f in _flags(folder) if f.type == "denial-vs-evidence"] == []


def test_an_act_still_to_do_is_no_record_that_it_was_done(tmp_path: Path) -> None:
    from claimcheck.detect.checks import _act_in_words
    from claimcheck.ruleset import load_rules
    folder = _write(tmp_path, {
        "press/2017-03-02-summary.md":
            "---\ntitle: \"Summary of the Acme Store Service Disruption\"\ndate: 2017-03-02\nsource: Acme Cloud\n"
            "author: The Acme Cloud Team\n---\n\nWe had not completely restarted the index or placement subsystem in our "
            "larger regions for many years, and the safety checks took longer than expected.\n"})
    denial = next(s for s in run([folder], options=ScanOptions(use_cache=False)).statements if "restarted" in s.text)
    rules = load_rules()
    assert denial.frame.predicate == "restart"
    assert _act_in_words(rules, denial, "index + placement restarted at 11:02, placement subsystem back")
    assert not _act_in_words(rules, denial, "index + placement need full restart.")


def test_the_organizations_own_later_document_is_no_retelling_of_a_storys_quote(tmp_path: Path) -> None:
    folder = _write(tmp_path, {
        "news/2019-02-08-raid.html":
            "<html><head><title>Police raid Acme offices | The Northgate Times</title></head><body><article>"
            "<h1>Police raid Acme offices</h1><p class='byline'>By Jane Doe <time datetime='2019-02-08'>February 8, 2019</time></p>"
            "<p>NORTHGATE - Officers searched the offices of payments company Acme on Friday (Feb 8), after reports "
            "alleging accounting fraud at its regional headquarters.</p>"
            "<p>Acme said it had met officers at its headquarters and handed over material they requested. A spokesman "
            "said the company is working closely with the police to clear all allegations. The accusations against "
            "Acme employees are unfounded, and no criminal actions were conducted, the spokesman said.</p>"
            "</article></body></html>",
        "press/2019-03-26-review-results.txt":
            "FOR IMMEDIATE RELEASE\n\nAcme AG: Independent review completed\n\nSouthport, 26 March 2019 -- Acme AG today "
            "reports the conclusion\nof the external review of allegations concerning its regional office.\n\n"
            "The independent review found no evidence of round-tripping or corruption.\nIt did not find criminal conduct "
            "by the headquarters of Acme. According\nto the review, criminal liability under local law may, however, "
            "attach to\nindividual local employees, and Acme will take appropriate\nsteps against them.\n"})
    statements = run([folder], options=ScanOptions(use_cache=False)).statements
    unfounded = [s for s in statements if "unfounded" in s.text]
    assert unfounded and unfounded[0].source.path.startswith("news/")
    assert all(not s.also_reported_in for s in statements if "criminal conduct" in s.text)


def test_a_signature_naming_a_department_of_something_is_the_senders_organization(tmp_path: Path) -> None:
    _write(tmp_path, {"advice.eml": "From: \"Legal Services Division\" <legal@northgate.gov.example>\n"
                                    "To: \"Deputy Secretary\" <dep.sec@northgate.gov.example>\nDate: Thu, 14 Mar 2019 17:05:22 +1100\n"
                                    "Subject: Advice\n\nThe advice is that the debts cannot be defended.\n\nRegards,\n"
                                    "Legal Services Division\nDepartment of Human Services\n"})
    assert [d.organization for r in ingest_paths([tmp_path]) for d in r.documents] == ["Department of Human Services"]


def test_a_products_name_listed_on_its_own_line_is_no_claim(tmp_path: Path) -> None:
    folder = _write(tmp_path, {
        "press/2021-07-14-recall.txt": "FOR IMMEDIATE RELEASE\n\nACME CONSUMER RECALLS AEROSOL SUNSCREENS\n\n"
                                       "NORTHGATE, July 14, 2021 - Acme Consumer Inc. is voluntarily recalling all lots of five "
                                       "aerosol sunscreen products.\n\nThe only products affected are aerosol sunscreens:\n"
                                       "- ACMEGLOW Protect + Refresh aerosol sunscreen\n- ACMEGLOW Beach Defense aerosol sunscreen\n\n"
                                       "Consumers should stop using the affected products.\n"})
    texts = [s.text for s in run([folder], options=ScanOptions(use_cache=False)).statements]
    assert texts and not any(t.startswith("ACMEGLOW") for t in texts)
    assert any("stop using" in t for t in texts)  # the sentences around the list stay
