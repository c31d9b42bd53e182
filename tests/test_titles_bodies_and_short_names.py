"""Titles, governing bodies and short names read as what they are (issue 14; what sets 74 to 77 showed,
read generically): a hearing's "IN ATTENDANCE: Jane Roe (Chairperson, Acme Bank), John Doe (former
Chairman)" places its witnesses; "Chairperson" is a title, never an organization; a memo "FROM:
Vice-President, Administration" names no organization; a signer with an accented name signs for the office
that sent the mail; "Chairman of the Management Board" speaks for the company; "CISO Office" under a mail is a
unit; "Acting Chief Plant Protection Officer Dr Jane Roe" holds one long title; "MEDIA RELEASE - <body> -
<date>" names its issuer; "ACME - ACME MUTUAL EXCHANGE" is the short name and the long; "author: Network Engineering, Acme" is
Acme's; "she said" is
the woman named before it, not the man named after; "..., according to spokeswoman Jane Roe" is hers; "Acme
Island Emergency Agency (AI-EA)" defines its short name; "DOC. 47 - notes of 20.10.2017" is a released
record of that day. Each test asserts on records and fails on the code before it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from claimcheck.dates import find_dates
from claimcheck.extract.attribution import acronym_definitions
from folder_helpers import docs as _docs, one as _one, report as _report

pytestmark = pytest.mark.model


def _said(rep, text: str):
    return next(s for s in rep.statements if text in s.text)


def test_a_hearings_attendance_line_places_its_witnesses(tmp_path: Path) -> None:
    _one(tmp_path, "hearing", "2016-06-09-committee.txt",
         "NATIONAL ASSEMBLY - COMMITTEE ON FINANCE\nInquiry into the receivership of Acme Bank Limited\n"
         "Nairobi, Thursday, 9 June 2016\n\n"
         "PRESENT: Hon. Jane Doe (Chairperson) and members.\n"
         "IN ATTENDANCE: Ms Mary Roe (Chairperson, Acme Bank), Mr John Poe (former Chairman), Mr Ken Loe (Director).\n\n"
         "HON. DOE (Chairperson): Mr Poe, you may proceed.\n\n"
         "MR JOHN POE: Thank you, Chairperson. The auditors never once questioned our treatment of these assets.\n\n"
         "HON. MEMBER: When did the board learn of it?\n\n"
         "MR JOHN POE: The reclassification came out of the blue at the very end.\n\n"
         "MS MARY ROE: Chairperson, the board's priority is the depositors.\n")
    rep = _report(tmp_path)
    assert {(_said(rep, t).speaker, _said(rep, t).organization) for t in ("never once questioned", "priority is the depositors")} \
        == {("John Poe", "Acme Bank"), ("Mary Roe", "Acme Bank")}
    assert all(s.organization != "Chairperson" for s in rep.statements)


def test_a_surprise_is_a_claim_about_when_it_learned(tmp_path: Path) -> None:
    from claimcheck.detect.stance import stance_of
    from claimcheck.ruleset import load_rules
    _one(tmp_path, "press", "2020-03-02-statement.txt",
         "ACME BANK LIMITED - PRESS STATEMENT\n2 March 2020\n\n"
         "The auditors' reclassification came out of the blue, Acme Bank said today.\n"
         "The change was sprung on us at the end of the audit, said chief executive Jane Roe.\n")
    rep = _report(tmp_path)
    rules = load_rules([])
    assert {stance_of(_said(rep, t), rules) for t in ("out of the blue", "sprung on us")} == {"claims-learned"}


def test_a_memo_from_a_title_names_no_organization(tmp_path: Path) -> None:
    _one(tmp_path, "internal", "2020-03-24-memo.txt",
         "MEMORANDUM - PRIVILEGED AND CONFIDENTIAL\n\nTO:      Dr. Jane Roe, President and Vice-Chancellor\n"
         "FROM:    Vice-President, Administration\nDATE:    24 March 2020\nRE:      Re-engagement of counsel\n\n"
         "As agreed on Friday, I have re-engaged insolvency counsel to review options for our finances.\n")
    (doc,) = _docs(tmp_path)
    assert doc.kind == "memo" and doc.organization != "Vice-President"


def test_a_mail_from_an_office_is_signed_by_its_holder(tmp_path: Path) -> None:
    _one(tmp_path, "internal", "2020-08-20-mail.eml",
         "From: Office of the President <president@northgate-univ.example>\nTo: Director <dir@ministry.example>\n"
         "Date: Thu, 20 Aug 2020 16:05:44 -0400\nSubject: financial position\n\n"
         "Dear Director,\n\nOur liquidity has deteriorated and we are considering creditor protection.\n\n"
         "Regards,\nRenée Haché\nPresident and Vice-Chancellor\n")
    (doc,) = _docs(tmp_path)
    assert doc.author == "Renée Haché"


def test_the_companys_board_speaks_for_the_company(tmp_path: Path) -> None:
    _one(tmp_path, "press", "2009-12-10-release.txt",
         "ACME RAIL AG - PRESS RELEASE\nBerlin, 10 December 2009\n\n"
         "The Management Board of Acme Rail AG today confirmed that the station project will go ahead.\n\n"
         "\"The figures are sound and the financing is secured,\" said Dr. Jan Roe, Chairman of the Management Board.\n")
    rep = _report(tmp_path)
    assert _said(rep, "figures are sound").organization == _said(rep, "today confirmed").organization == "Acme Rail AG"


def test_an_officers_office_under_a_mail_is_a_unit(tmp_path: Path) -> None:
    _one(tmp_path, "internal", "2021-07-20-mail.eml",
         "From: Chief Information Security Officer <ciso.office@acme.example>\nTo: Media Desk <media@acme.example>\n"
         "Date: Tue, 20 Jul 2021 17:40:03 +0300\nSubject: wording for media enquiries\n\n"
         "Team,\n\nOur forensic review found no breach of our systems. No impact on operations.\n\nCISO Office\n")
    (doc,) = _docs(tmp_path)
    assert doc.organization.lower() == "acme"


def test_a_long_title_before_a_name_is_no_organization(tmp_path: Path) -> None:
    _one(tmp_path, "press", "2022-07-04-release.txt",
         "Northgate Department of Fair Trade - Media release - 4 July 2022\n\n"
         "A new detection at Eastport is linked to earlier cases, Acting Chief Plant Protection Officer "
         "Dr Jane Roe said today.\n")
    rep = _report(tmp_path)
    assert _said(rep, "linked to earlier cases").organization == "Northgate Department of Fair Trade"


def test_a_release_line_names_its_issuer(tmp_path: Path) -> None:
    _one(tmp_path, "press", "2022-07-04-release.txt",
         "MEDIA RELEASE - Northgate Department of Fair Trade - 4 July 2022\nNew detection linked to known cases\n\n"
         "A new detection at Eastport is linked to earlier cases, the department said today.\n")
    (doc,) = _docs(tmp_path)
    assert (doc.kind, doc.organization) == ("press-release", "Northgate Department of Fair Trade")


def test_a_short_name_over_its_long_name_heads_a_release(tmp_path: Path) -> None:
    _one(tmp_path, "press", "2021-10-20-comunicato.txt",
         "NMEX - NORTHGATE MUTUAL EXCHANGE OF AUTHORS\nCOMUNICATO / STATEMENT (English version) - Rome, 20 October 2021\n\n"
         "NMEX informs its members that a criminal group made copies of certain files.\n\n"
         "\"NMEX will not respond to the ransom demand,\" said Director General Jane Roe.\n")
    (doc,) = _docs(tmp_path)
    assert (doc.kind, doc.organization) == ("press-release", "NMEX")





def test_a_unit_and_its_organization_in_front_matter(tmp_path: Path) -> None:
    _one(tmp_path, "internal", "2019-01-15-summary.md",
         "---\nauthor: Network Reliability Engineering, Northwind\nsource: internal post-incident summary\n"
         "date: 2019-01-15\n---\n# Outage review\n\nA management card failed and flooded the network with packets.\n")
    (doc,) = _docs(tmp_path)
    assert doc.organization == "Northwind"


def test_she_said_is_the_woman_named_before_not_the_man_named_after(tmp_path: Path) -> None:
    _one(tmp_path, "news", "2019-01-02-story.html",
         "<html><head><title>States press Northwind on outage - Telecom Daily</title></head><body><article>\n"
         "<p>January 2, 2019</p>\n"
         "<p>Northwind said on Wednesday that the outage was \"caused by a faulty card from a vendor,\" according to "
         "spokeswoman Jane Roe. \"There is no indication that this outage was triggered by any maintenance,\" "
         "she said.</p>\n"
         "<p>Regulator chairman John Doe called the outage \"completely unacceptable\" and ordered an inquiry.</p>\n"
         "</article></body></html>\n")
    rep = _report(tmp_path)
    assert (_said(rep, "no indication").speaker, _said(rep, "no indication").organization) == ("Jane Roe", "Northwind")
    assert _said(rep, "faulty card").speaker == "Jane Roe"


def test_a_short_name_of_some_letters_is_defined_by_its_brackets() -> None:
    defined = acronym_definitions("Jane Roe, Administrator, Acme Island Emergency Agency (AI-EA); reporters.")
    assert defined == {"AI-EA": "Acme Island Emergency Agency"}
    assert acronym_definitions("the Northgate Food Board (NFB) and the United Kingdom (UKIP)") == {"NFB": "Northgate Food Board"}


def test_a_dotted_date_is_day_first() -> None:
    found = [(m.value.start, m.value.precision) for m in find_dates("entry of 12.10.2018, as delivered", anchor=None)]
    assert found == [(dt.date(2018, 10, 12), "day")]
    assert find_dates("version 31.02.2019 and 1.2.3", anchor=None) == []


def test_a_release_of_numbered_documents_is_one_record_each(tmp_path: Path) -> None:
    _one(tmp_path, "records", "2019-04-30-distribution.txt",
         "NORTHGATE ASSEMBLY\nCommittee of Inquiry into the depot theft\n\nLetter No. 112      Northgate, 30 April 2019\n\n"
         "To: Members of the Committee\nSubject: Distribution of documents received - excerpts\n\n"
         "Dear Members,\n\nThe following excerpts from documents received by the Committee are distributed.\n\n"
         "---------------------------------------------------------------------\n"
         "DOC. 47 - Chief of Staff of the Minister. Personal working notes (transcribed), entry of 20.10.2017, "
         "as delivered to the Committee:\n\n"
         "  \"20/10 - 15h00 - two officers at the office. Handed me a sheet on the recovery. Phoned the Minister "
         "and gave him the essentials.\"\n\n"
         "---------------------------------------------------------------------\n"
         "DOC. 52 - Office of the Prime Minister. Registry of documents received, entry of 12.10.2018:\n\n"
         "  \"12/10/2018 - copy of an unsigned document on the recovery received from the military adviser and "
         "handed to the Chief of Staff.\"\n\n"
         "---------------------------------------------------------------------\n"
         "The Committee secretariat\n")
    parts = {d.part: d for d in _docs(tmp_path)}
    assert (parts["ex1"].kind, parts["ex1"].date.start) == ("internal-report", dt.date(2017, 10, 20))
    assert (parts["ex2"].kind, parts["ex2"].date.start) == ("internal-report", dt.date(2018, 10, 12))


def test_he_said_after_a_person_introduced_in_a_joined_clause(tmp_path: Path) -> None:
    _one(tmp_path, "news", "2020-05-07-story.html",
         "<html><head><title>Plant blames lockdown - Coastal Times</title></head><body><article>\n"
         "<p>By Staff Reporter | May 7, 2020</p>\n"
         "<p>Hours after vapour escaped from a tank at Acme Polymers' plant early on Thursday, a manager at the unit, "
         "Ravi Rao, spoke to reporters at the gate.</p>\n"
         "<p>\"We have always looked after the tanks properly and never had a problem,\" he said.</p>\n"
         "<p>Share: Chatapp | Photoapp</p>\n"
         "</article></body></html>\n")
    rep = _report(tmp_path)
    assert (_said(rep, "never had a problem").speaker, _said(rep, "never had a problem").organization) \
        == ("Ravi Rao", "Acme Polymers")


def test_he_answered_after_a_person_who_was_asked(tmp_path: Path) -> None:
    _one(tmp_path, "news", "2020-07-13-story.html",
         "<html><head><title>Panel clears club - Sports Daily</title></head><body><article>\n<p>By Staff Reporter | July 13, 2020</p>\n"
         "<p>The panel said it had weighed evidence from the club's witnesses. John Poe, a director of the club, was "
         "asked at the hearing whether he had ever arranged payments to the sponsor. He answered: \"Absolutely, "
         "categorically, no.\"</p>\n</article></body></html>\n")
    rep = _report(tmp_path)
    assert _said(rep, "categorically").speaker == "John Poe"


def test_a_tables_heading_names_its_owner_and_a_marking_does_not(tmp_path: Path) -> None:
    _one(tmp_path, "internal", "tracker.csv",
         "# Acme Senior Care - Planilha de acompanhamento (excerpt)\n# Total followed: 636\n"
         "patient_id,unit,outcome\n0417,North,discharged\n")
    _one(tmp_path, "memo", "2016-09-01-tally.txt",
         "CONFIDENTIAL - Internal memo\nIncident tally\n\nDate: 1 September 2016\n\n"
         "Thirty-five thermal events have been reported so far across the markets.\n")
    orgs = {d.path.split("/")[-1]: d.organization for d in _docs(tmp_path)}
    assert orgs["tracker.csv"] == "Acme Senior Care"
    assert orgs["2016-09-01-tally.txt"] != "CONFIDENTIAL"
