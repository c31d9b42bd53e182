"""Saved social-media posts read one post each, an account placed by its name or handle, an
organization named before its officer's title, a filing's "Filed with ..." date, a thing named in
the plural not taken for an organization (issue 14). Each test asserts on records."""

from __future__ import annotations

from pathlib import Path

from claimcheck.ingest import ingest_paths
from claimcheck.ingest.headers import org_of_phrase
from claimcheck.ingest.social import organization_of_account, organization_of_handle
from claimcheck.models import Document
from claimcheck.pipeline import ScanOptions, run


def _docs(root: Path) -> list[Document]:
    return [d for r in ingest_paths([root]) for d in r.documents]


CAPTURE = """[Reconstruction; not the original posts.]
Social media capture log -- @acmenews and related posts
Captured by: desk researcher

----------------------------------------------------------------
Jane Roe (@janeroe) -- Wed, Mar 24, 2021, 2:10 PM
Roe is a state senator. Her post:
"Acme drivers have no time for breaks."

----------------------------------------------------------------
Acme News (@acmenews) -- Wed, Mar 24, 2021, 10:30 PM   [reply to @janeroe]
1/2 That is simply not true. Every driver gets paid breaks.

Acme News (@acmenews) -- Thu, Mar 25, 2021, 9:00 AM
2/2 We hope other employers follow our lead.

----------------------------------------------------------------
Note from capture desk: the reply shows as Mar 25 in UTC.
"""


def test_a_capture_of_posts_is_read_one_post_each_by_its_account(tmp_path: Path) -> None:
    (tmp_path / "capture.txt").write_text(CAPTURE)
    docs = _docs(tmp_path)
    got = [(d.kind, d.author, d.organization, d.date.iso()) for d in docs]
    assert got == [("post", "Jane Roe", "", "2021-03-24"), ("post", "", "Acme", "2021-03-24"),
                   ("post", "", "Acme", "2021-03-25")]
    assert "capture desk" not in docs[-1].text  # the desk's note after the rule is nobody's post
    # each post cites its own lines in the file
    lines = CAPTURE.split("\n")
    assert lines[docs[1].line_base - 1].startswith("1/2 That is simply not true")


def test_a_single_accounts_thread_capture_is_that_organizations_post(tmp_path: Path) -> None:
    (tmp_path / "2022-05-13-thread-capture.txt").write_text(
        "Capture: @GlobexNews thread, Friday May 13, 2022 (6 posts)\nCaptured for: health desk\n\n"
        "[1/6] The facts matter. Our investigation found no link between our formula and the illnesses.\n\n"
        "[2/6] We test every batch before it ships.\n")
    (doc,) = _docs(tmp_path)
    assert (doc.kind, doc.organization, doc.date.iso()) == ("post", "Globex", "2022-05-13")


def test_an_accounts_organization_comes_from_its_name_or_handle() -> None:
    assert organization_of_account("Acme News", "acmenews") == "Acme"
    assert organization_of_account("Jane Roe", "janeroe") == ""  # a person's account
    assert organization_of_account("Acme News", "dailyherald") == ""  # the handle spells another name
    assert organization_of_handle("GlobexNews") == "Globex"
    assert organization_of_handle("initechnewsroom") == "Initech"
    assert organization_of_handle("janeroe") == ""


def test_an_organization_named_before_a_job_title_is_the_writers() -> None:
    assert org_of_phrase("Jane Roe, Acme Fellow and Vice President of Engineering") == "Acme"
    assert org_of_phrase("Jane Roe, Globex CEO") == "Globex"
    # a title's own words are no organization
    assert org_of_phrase("By Jane Roe, Staff Writer") == ""
    assert org_of_phrase("Jane Roe, Senior Vice President") == ""
    assert org_of_phrase("Jane Roe, Global Head of Sales") == ""


def test_a_filings_filed_with_line_dates_it(tmp_path: Path) -> None:
    (tmp_path / "annual.txt").write_text(
        "FORM 10-K\nANNUAL REPORT\nFor the fiscal year ended December 31, 2006\n\nACME FINANCIAL CORPORATION\n\n"
        "Filed with the Commission: first quarter of 2007 (excerpt prepared for the file)\n\n"
        "We manage credit risk by holding to underwriting standards that we regard as sound and disciplined.\n")
    (doc,) = _docs(tmp_path)
    assert (doc.date.iso(), doc.date.precision) == ("2007-01-01/2007-03-31", "quarter")


def test_a_name_the_text_also_writes_in_the_plural_is_no_organization(tmp_path: Path) -> None:
    (tmp_path / "post.md").write_text(
        "---\ntitle: Protecting your data\ndate: 2018-10-08\nsource: Company newsroom\n"
        "author: Jane Roe, Vice President of Engineering\n---\n\n"
        "At the start of this year we began a review of how third-party developers get access to account data "
        "and our APIs.\n\nAs part of the review we identified a bug in one of the Acme+ People APIs, and we patched "
        "it right away in March 2018. Because of the bug, apps could also see profile fields. The People API let "
        "apps read fields users had not made public. We found no sign that any developer knew about the bug or "
        "was abusing the API.\n")
    statements = run([tmp_path], options=ScanOptions(use_cache=False)).statements
    assert statements and all(s.organization != "API" for s in statements)


def test_a_letters_reference_line_is_no_speakers_turn(tmp_path: Path) -> None:
    (tmp_path / "2022-07-22-response.txt").write_text(
        "ACME COMMUNICATIONS INC.\n1 Main Street, Springfield\n\n22 July 2022\n\nMs. Jane Roe\nSecretary General\n"
        "Telecommunications Commission\n\nRE: Service outage of July 2022 -- response to the request for information\n"
        "File: 8000-C12-202203868\n\nDear Ms. Roe,\n\n"
        "The configuration change made in this phase deleted a routing filter on distribution routers.\n\n"
        "Yours sincerely,\n\nJohn Doe\nSenior Vice President, Regulatory\nAcme Communications Inc.\n")
    statements = run([tmp_path], options=ScanOptions(use_cache=False)).statements
    said = [s for s in statements if "routing filter" in s.text]
    assert said and all(s.speaker != "File" for s in said)
