"""Whose page, memo or press availability it is, and when, read from headings as they come (issue
14; what sets 64 and 65 showed, read generically): a city's own newsroom page ("... | City of
Northgate News", "Press Releases" in its navigation) is the city's release; a memo whose letterhead
is set after the form ("MEMORANDUM      CITY OF NORTHGATE") is the city's, whichever of its services
signs it; a heading "ACME COUNCIL BRIEFING -- April 12, 2017" dates its deck to the day, and so does
"Thursday, May 21, 2015 (before Game 3)"; a league's name in capitals over "Commissioner Jane Roe" is
a heading, so "MEDIA AVAILABILITY" is not her employer and the league's own availability is its voice;
the chat program named over an export ("(Acmesoft Teams)") owns none of its messages; a Nordic
company's name with its form ("Acme AS — Northgate, 31 July 2020, 14:05") heads its release, the time
after it no label; a unit named before its department ("Rail Group, Department for Transit") places
the record in the department; a release under its owner's copyright with no byline is the owner's, and
"For Immediate Release:" is no speaker's label; an order headed "Before the NORTHGATE TRADE
COMMISSION" is the commission's; "THE CHAIRMAN (SEN. ROE):" is a member's turn, no organization, and
the tagger's sentence end after "SEN." does not cut the label; a spokesman "for the rail
infrastructure manager ACME PLK" speaks for that company though the tagger takes its name for a
person's. The evaluator also counts "NES Department of Health" as the "North Eastmoor State Department
of Health" (tests/test_evaluate.py), and so does the corpus (the last release test). Each test asserts
on records."""

from __future__ import annotations

from pathlib import Path

import pytest

from folder_helpers import docs as _docs, one as _one, report as _report

pytestmark = pytest.mark.model


def test_a_citys_own_newsroom_page_is_its_release(tmp_path: Path) -> None:
    _one(tmp_path, "press", "2017-04-08-release.html",
         "<html><head><title>Sirens Activated Overnight; No Emergency | City of Northgate News</title></head><body>"
         "<div class=\"util\">City of Northgate · 311 · Services · Departments</div>"
         "<nav>NorthgateCityNews: Home | Press Releases | Events | Photos</nav><main>"
         "<h1>Sirens Activated Overnight; No Emergency</h1><p class=\"date\">Saturday, April 8, 2017</p>"
         "<p>All of the City's outdoor warning sirens were set off at about 11:42 p.m. on Friday night. "
         "The Office of Emergency Management (OEM) shut the system down manually.</p>"
         "<p>We believe the activation was caused by an unauthorized outside party.</p></main>"
         "<footer>City of Northgate · 1 Main Street</footer></body></html>")
    [doc] = _docs(tmp_path)
    assert (doc.kind, doc.organization) == ("press-release", "City of Northgate")


def test_a_memo_with_the_citys_name_after_the_form_is_the_citys(tmp_path: Path) -> None:
    _one(tmp_path, "internal", "2017-04-05-memo.txt",
         "MEMORANDUM                                              CITY OF NORTHGATE\n\n"
         "DATE:     April 5, 2017\n"
         "TO:       Honorable Mayor and Members of the City Council\n"
         "FROM:     Director, Parks Services\n"
         "SUBJECT:  Spring collection schedule\n\n"
         "Collection for the April cycle begins on Monday. Residents should place items at the curb.\n")
    [doc] = _docs(tmp_path)
    assert (doc.kind, doc.organization) == ("memo", "City of Northgate")


@pytest.mark.parametrize("heading, day", [
    ("ACME CITY COUNCIL BRIEFING -- April 12, 2017", "2017-04-12"),
    ("ACME LEAGUE MEDIA DAY\nThursday, May 21, 2015 (before Game 3, Western Final)", "2015-05-21"),
])
def test_a_heading_line_dates_its_record_to_the_day(tmp_path: Path, heading: str, day: str) -> None:
    _one(tmp_path, "internal", "deck.txt",
         f"{heading}\n\"Siren System: Incident Review\"\n\n"
         "Slide 2 -- Timeline\n  Fri 11:42 PM   All sirens activate\n\n"
         "Slide 3 -- Impact\n  About 4,400 calls to the emergency line\n")
    [doc] = _docs(tmp_path)
    assert (doc.date.iso(), doc.date.precision) == (day, "day")


def test_a_leagues_name_in_capitals_over_its_commissioner_is_a_heading_not_his_employer(tmp_path: Path) -> None:
    _one(tmp_path, "press", "availability.txt",
         "ACME HOCKEY LEAGUE - MEDIA AVAILABILITY\n"
         "Commissioner John Doe, Acme Arena, Northgate\n"
         "Thursday, May 21, 2015\n\n"
         "Q: Does the league accept that concussions cause this disease?\n\n"
         "JOHN DOE (Commissioner): Medically and scientifically, nobody has shown yet that the one leads to the other.\n\n"
         "Q: Any update on the salary cap?\n\n"
         "JOHN DOE (Commissioner): We'll have that for the clubs after the Final.\n")
    report = _report(tmp_path)
    said = {(s.speaker, s.organization, s.role) for s in report.statements if "nobody has shown" in s.text}
    assert said == {("John Doe", "Acme Hockey League", "claim")}


def test_the_chat_program_named_over_an_export_owns_none_of_its_messages(tmp_path: Path) -> None:
    _one(tmp_path, "internal", "2020-07-15-chat.txt",
         "Chat export — \"Crew & Hotel ops\" (Acmesoft Teams)\n"
         "Exported 2020-08-06 09:12 for internal review\n\n"
         "[15.07.2020 07:41] Jane Roe (Crewing coordinator): Batch 3 confirmed, 24 crew arriving tomorrow.\n"
         "[15.07.2020 07:58] Hotel Manager: Transport from the airport direct to the ship?\n"
         "[15.07.2020 08:03] Jane Roe (Crewing coordinator): Yes direct. They sign on 16/07.\n")
    docs = _docs(tmp_path)
    assert docs and all(d.kind == "chat" and d.organization == "" for d in docs)


def test_a_nordic_companys_name_over_its_release_heads_it_with_the_time_after_it(tmp_path: Path) -> None:
    _one(tmp_path, "press", "2020-07-31-release.txt",
         "PRESSEMELDING / PRESS RELEASE\n"
         "Acmeruten AS — Northgate, fredag 31. juli 2020 / Friday 31 July 2020, 14:05\n\n"
         "Two crew members on board the ship have tested positive. Both were isolated several days ago.\n\n"
         "Media contact: presse@acmeruten.example\n")
    [doc] = _docs(tmp_path)
    assert (doc.kind, doc.organization) == ("press-release", "Acmeruten AS")


def test_a_unit_named_before_its_department_places_the_record_in_the_department(tmp_path: Path) -> None:
    _one(tmp_path, "internal", "2016-12-slides.txt",
         "[Slide text export — \"Phase One: cost and schedule position\" — December 2016]\n\n"
         "--- Slide 1 ---\n"
         "Phase One: cost and schedule position\n"
         "High Speed Rail Group, Department for Transit\n"
         "December 2016\n\n"
         "--- Slide 2 ---\n"
         "• The point estimate for Phase One remains above the target price\n")
    [doc] = _docs(tmp_path)
    assert doc.organization == "Department for Transit"


def test_a_release_page_under_its_owners_copyright_is_the_owners_release(tmp_path: Path) -> None:
    _one(tmp_path, "press", "2020-07-06-release.html",
         "<html><head><title>Department Releases Report on Care Home Infections | NES Department of Health</title></head>"
         "<body><header><nav>Home | Health Topics | Press Releases | Contact</nav></header><main>"
         "<h1>Department Releases Report on Care Home Infections</h1>"
         "<p class=\"dateline\">For Immediate Release: July 6, 2020</p>"
         "<p>NORTHGATE — The Health Commissioner today released an analysis of how the virus entered care homes.</p>"
         "<p>According to the report, 6,432 care home residents died of the virus between March and early June.</p>"
         "<p class=\"contact\">Contact: Office of Public Affairs</p></main>"
         "<footer><p>Copyright &copy; 1999-2020 North Eastmoor State Department of Health</p></footer></body></html>")
    _one(tmp_path, "internal", "2020-06-30-mail.eml",
         "From: Jane Roe <jroe@health.nes.example>\nTo: John Doe <jdoe@health.nes.example>\n"
         "Date: Tue, 30 Jun 2020 10:00:00 -0400\nSubject: chart\n\n"
         "The out-of-facility deaths bring the care home total to 9,250.\n\n"
         "Jane Roe\nBureau of Surveillance\nNES Department of Health\n")
    [doc] = [d for d in _docs(tmp_path) if d.kind != "email"]
    assert (doc.kind, doc.organization) == ("press-release", "North Eastmoor State Department of Health")
    report = _report(tmp_path)
    said = {(s.speaker, s.role) for s in report.statements if "6,432" in s.text}
    assert said == {("", "claim")}  # "For Immediate Release:" is no speaker's label
    orgs = {s.organization for s in report.statements if "6,432" in s.text or "9,250" in s.text}
    assert len(orgs) == 1  # the state's initials and its name are one department


def test_an_order_headed_before_a_commission_is_the_commissions(tmp_path: Path) -> None:
    _one(tmp_path, "records", "2023-03-09-order.txt",
         "UNITED STATES OF AMERICA\n"
         "Before the NORTHGATE TRADE COMMISSION\n\n"
         "ADMINISTRATIVE PROCEEDING File No. 3-21345\n"
         "March 9, 2023\n\n"
         "ORDER INSTITUTING CEASE-AND-DESIST PROCEEDINGS\n\n"
         "The Commission finds that the company's staff learned that the attacker had copied donor data.\n")
    [doc] = _docs(tmp_path)
    assert doc.organization == "Northgate Trade Commission"


def test_a_chair_named_in_capitals_by_a_senators_title_is_a_member_not_an_organization(tmp_path: Path) -> None:
    _one(tmp_path, "hearing", "2017-12-11-hearing.txt",
         "SENATE OF NORTHGATE - SEVENTEENTH CONGRESS\n"
         "Joint public hearing: Health and Finance\n"
         "Monday, 11 December 2017 - Transcript excerpt\n\n"
         "THE CHAIRMAN (SEN. ROE): Doctor, the vaccine was licensed on 22 December and paid for on the 29th. Why the hurry?\n\n"
         "DR. DOE (former Secretary of Health): Mr Chairman, there was no rush at all. Everything went through the proper process.\n\n"
         "THE CHAIRMAN: Was it in the budget for 2016?\n\n"
         "DR. DOE: No, it was not in the 2016 budget. It was funded from savings.\n")
    report = _report(tmp_path)
    assert all("SEN" not in s.organization.upper() for s in report.statements)
    assert {s.speaker for s in report.statements if "funded from savings" in s.text} == {"Doe"}
    assert {(s.speaker, s.text[:6]) for s in report.statements if "licensed on 22 December" in s.text} == {("Roe", "Doctor")}


def test_a_spokesman_for_a_company_the_tagger_does_not_know_speaks_for_it(tmp_path: Path) -> None:
    _one(tmp_path, "news", "2023-08-29-story.txt",
         "Trains halted by radio signals\n\n"
         "NORTHGATE, Aug 29 (Wire) - Rail traffic was disrupted on Saturday.\n\n"
         "\"There was no danger to the passengers. Because of the unauthorised radio-stop signals a total of 25 trains "
         "were stopped, with an average delay of 7 minutes,\" said Karol Jakubowski, spokesman for the rail "
         "infrastructure manager PKP PLK. \"All cases have been reported to the services responsible.\"\n\n"
         "The Internal Security Agency is investigating the incidents, said Stanislaw Zaryn, a government spokesman. "
         "The Internal Security Agency declined to comment further.\n")
    report = _report(tmp_path)
    assert {(s.speaker, s.organization) for s in report.statements if "25 trains" in s.text} == {("Karol Jakubowski", "PKP PLK")}


def test_a_courts_caption_names_its_jurisdiction_not_the_filings_organization(tmp_path: Path) -> None:
    """(A guard on the city rule above: "STATE OF NORTHGATE" and "COUNTY OF EASTMOOR" over a
    caption are where the court sits.)"""
    _one(tmp_path, "records", "2020-07-07-exhibit.txt",
         "STATE OF NORTHGATE                                  DISTRICT COURT\n"
         "COUNTY OF EASTMOOR                             FOURTH JUDICIAL DISTRICT\n\n"
         "State of Northgate v. John Doe, No. 27-CR-20-12951\n"
         "DEFENSE EXHIBIT: TRANSCRIPTS OF BODY-WORN CAMERA RECORDINGS, MAY 25, 2020\n"
         "Filed July 7, 2020\n\n"
         "The officer said the man was resisting. The exhibit lists the times of each recording.\n")
    [doc] = _docs(tmp_path)
    assert doc.organization not in ("State of Northgate", "County of Eastmoor")

