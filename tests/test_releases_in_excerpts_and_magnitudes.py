"""Records released in excerpts, names cut short and figures told by their order of magnitude (issues 14
and 15; what sets 72 and 73 showed, read generically): an access-to-information reply whose records are
headed "EXCERPT 1 - ..." under rules is one document per record, the one "as submitted by the company"
that company's filing dated as its heading says, the authority's own resolution its decision; "EXCERPT A --
Acme Agency, Security Division" is that agency's record; a sidebar inside a story is no part of it; "Tine
van den Berg" is one name; ", Jane Roe, said" gives the speaker though the parse misses the subject; a
group's letterhead over its company ("ACME - NORTHGATE REFINING") is that company's family; "thousands of
barrels" is a figure that an earlier "0.16 barrels" is compared with. Each test asserts on records."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from folder_helpers import docs as _docs, one as _one, report as _report

pytestmark = pytest.mark.model

_RELEASE = ("NORTHGATE ENVIRONMENTAL ENFORCEMENT AGENCY (NEEA)\nDirectorate of Enforcement\nLima, 27 October 2022\n\n"
            "RE: Access-to-information request No. 2022-0918\n\nDear requester,\n\n"
            "In response to your request, we enclose the text of the preliminary report submitted by Acme Refining "
            "S.A.A. on 15 January 2022, together with the operative part of a resolution issued yesterday.\n\n"
            "--------------------------------------------------------------------------\n"
            "EXCERPT 1 - Preliminary report, filed 15/01/2022 (as submitted by the company)\n\n"
            "Company: Acme Refining S.A.A.\nStart of event: 15/01/2022, approx. 17:25\n"
            "Estimated volume released: 0.16 barrels of crude oil.\nStatus: Contained.\n\n"
            "--------------------------------------------------------------------------\n"
            "EXCERPT 2 - Resolution No. 1741-2022 (operative part, summarised)\n\n"
            "Article 1. Declare Acme Refining S.A.A. responsible for submitting false information in its report.\n"
            "Article 2. Impose a fine of 3,000 units.\n")


def test_a_release_in_excerpts_is_one_document_per_record(tmp_path: Path) -> None:
    _one(tmp_path, "records", "2022-10-27-release.txt", _RELEASE)
    parts = {d.part: d for d in _docs(tmp_path)}
    assert (parts["ex1"].kind, parts["ex1"].organization, parts["ex1"].date.start) \
        == ("filing", "Acme Refining S.A.A", dt.date(2022, 1, 15))
    assert (parts["ex2"].kind, parts["ex2"].organization) == ("press-release", "Northgate Environmental Enforcement Agency")


def test_an_excerpt_headed_by_an_agency_and_its_unit_is_the_agencys(tmp_path: Path) -> None:
    _one(tmp_path, "records", "2024-02-28-tabled-documents.txt",
         "DOCUMENTS TABLED IN THE HOUSE, 28 FEBRUARY 2024\n\n"
         "------------------------------------------------------------------------\n"
         "EXCERPT A -- NHA, National Security Management Division\n"
         "------------------------------------------------------------------------\n"
         "Memorandum, September 2018. The two scientists shipped samples without a transfer agreement.\n\n"
         "------------------------------------------------------------------------\n"
         "EXCERPT B -- Summary of the fact-finding report by an outside firm\n"
         "------------------------------------------------------------------------\n"
         "The firm found that the scientists had shared information without authority.\n")
    parts = {d.part: d for d in _docs(tmp_path)}
    assert parts["ex1"].organization == "NHA" and parts["ex1"].kind in ("internal-report", "memo")


def test_a_sidebar_inside_a_story_is_no_part_of_it(tmp_path: Path) -> None:
    _one(tmp_path, "news", "2022-01-19-story.html",
         "<html><head><title>Acme on the spill - Lima News</title></head><body><article>\n"
         "<h1>Acme on the spill</h1><p>Lima, 19 January 2022</p>\n"
         "<p>Acme said on Wednesday that it did not cause the ecological disaster.</p>\n"
         "<aside class=\"related\"><h3>Related</h3><ul><li>Tsunami alert: what the Navy said</li></ul></aside>\n"
         "</article></body></html>\n")
    [doc] = _docs(tmp_path)
    assert "Navy" not in doc.text


def test_a_name_with_particles_after_a_comma_speaks(tmp_path: Path) -> None:
    _one(tmp_path, "news", "2022-01-19-story.txt",
         "Acme on the spill\n\nLima, 19 January 2022\n\n"
         "The communications manager of Acme in Peru, Tine van den Wall Bake, said on Wednesday morning that the "
         "company does not consider itself responsible for the oil that reached the beaches.\n")
    assert {s.speaker for s in _report(tmp_path).statements} == {"Tine van den Wall Bake"}


def test_a_groups_letterhead_over_its_company_joins_the_companys_family(tmp_path: Path) -> None:
    _one(tmp_path, "press", "2022-01-28-statement.txt",
         "ACME - NORTHGATE REFINING\nStatement - Lima, 28 January 2022\n\n"
         "The volume spilled is estimated at 10,396 barrels, and cleanup is under way along the coast.\n")
    _one(tmp_path, "internal", "2022-01-15-email.eml",
         "From: Jorge Diaz <jdiaz@northgaterefining.example>\nTo: Operations <ops@northgaterefining.example>\n"
         "Date: Sat, 15 Jan 2022 21:40:00 -0500\nSubject: Discharge gap\n\n"
         "The meters show a gap of thousands of barrels between what the tanker pumped and what the tanks took.\n\n"
         "Jorge Diaz\nTerminal Supervisor, Northgate Refining S.A.A.\n")
    orgs = {s.organization for s in _report(tmp_path).statements}
    assert len(orgs) == 1 and next(iter(orgs)).startswith("Northgate Refining")


def test_thousands_of_barrels_is_a_figure_a_small_one_is_compared_with() -> None:
    from claimcheck.extract.frame import quantities_of
    from claimcheck.nlp import load_pipeline

    nlp = load_pipeline().nlp
    [q] = quantities_of(nlp("Even on the most generous reading we are talking about thousands of barrels.")[:], ())
    assert (q.value, q.unit, q.low, q.high) == (1000.0, "barrel", 1000.0, None)


def test_excerpts_a_cover_says_a_body_filed_are_that_bodys_records_dated_by_their_own_lines(tmp_path: Path) -> None:
    _one(tmp_path, "records", "2018-10-03-release.txt",
         "NORTHGATE COURT OF JUSTICE\nRELEASE OF VETTED AUTHORIZATION MATERIALS\n\n"
         "Cover note to media applicants, 3 October 2018\nVetted copies of the informations filed by the Northgate "
         "Police Service in support of judicial authorizations are released.\n\n"
         "-------------------------------------------------------------\n"
         "EXCERPT 1 – Application for a production order\nAffiant: Det.-Const. Jon Roe\nSworn: August 2017\n"
         "-------------------------------------------------------------\n"
         "[...] The similarities suggest the cases may be related, and it is reasonable to fear the worst.\n\n"
         "-------------------------------------------------------------\n"
         "EXCERPT 2 – Report to a justice on a general warrant\nDate of execution: 7 December 2017\n"
         "-------------------------------------------------------------\n"
         "[...] Officers entered the residence covertly and made a forensic image of a computer.\n")
    parts = {d.part: d for d in _docs(tmp_path)}
    assert [(parts[p].organization, parts[p].date.start) for p in ("ex1", "ex2")] == [
        ("Northgate Police Service", dt.date(2017, 8, 1)), ("Northgate Police Service", dt.date(2017, 12, 7))]


def test_a_background_box_inside_a_story_stays_part_of_it(tmp_path: Path) -> None:
    """(A guard: a box of the story's own text, which quotes the organization, is kept; only link lists go.)"""
    _one(tmp_path, "news", "2018-02-11-interview.html",
         "<html><head><title>Interview - Sunday</title></head><body><article>\n<h1>Interview</h1>\n"
         "<p>Acme's chief executive said she only learned of the bookings last November.</p>\n"
         "<aside class=\"box\"><h3>Background: what Acme told us on Thursday</h3><p>Asked about the documents on "
         "Thursday, Acme said in a written reply that its chief executive had known of goal conflicts, but not of "
         "unlawful bookings.</p></aside>\n</article></body></html>\n")
    [doc] = _docs(tmp_path)
    assert "written reply" in doc.text


def test_a_company_the_tagger_takes_for_a_place_is_named_by_its_employees_title(tmp_path: Path) -> None:
    """"The communications manager of Repsa in Peru" (the tagger reads "Repsa" as a place): Repsa is the
    employer the title names, and counts toward the story's focus; "Peru" is no one's employer."""
    from claimcheck.extract.reader import _employer_named
    from claimcheck.nlp import load_pipeline
    from spacy.tokens import Span

    nlp = load_pipeline().nlp
    doc = nlp("The communications manager of Repsa in Peru said the company was not responsible.")
    doc.ents = [Span(doc, 4, 5, label="GPE"), Span(doc, 6, 7, label="GPE")]
    repsa, peru = doc.ents
    assert _employer_named(repsa) and not _employer_named(peru)


def test_a_record_a_document_describes_is_not_the_describers_speech(tmp_path: Path) -> None:
    """"The staff memo released today describes a sophisticated effort ..." in a chair's turn stays the chair's
    words (only "described X as Y" gives speech), while "It described the filing as ..." is the company's."""
    _one(tmp_path, "hearing", "2019-07-25-hearing.txt",
         "HEARING BEFORE THE SUBCOMMITTEE ON CONSUMER POLICY\nJuly 25, 2019\n"
         "Witnesses:\n  Panel I: John Doe, Chief Product Officer, Acme Labs, Inc.\n\n"
         "Mr. ROE. The subcommittee will come to order. The staff memo released today describes a sophisticated "
         "effort to get Acme's messages directly in front of students. Mr. Doe, you are recognized.\n\n"
         "Mr. DOE. Thank you, Mr. Chairman. We never wanted any young person to use our product.\n\n"
         "Mr. ROE. Did your company pay a school to run a summer program?\n\n"
         "Mr. DOE. We did fund a program, and we stopped it when we saw how it was read.\n")
    said = {s.text: s.speaker for s in _report(tmp_path).statements}
    memo = next(t for t in said if t.startswith("The staff memo"))
    assert said[memo] == "Roe"
