"""Who speaks, read from the record's own layout (issue 14; what sets 55-57 showed, read generically):
a press statement's transcript headed "TRANSCRIPT -- PRESS STATEMENT BY JANE ROE, PRESIDENT OF
ACMEBANK" or "REMARKS TO THE PRESS BY ..."; a company head's title ("President of Acmebank") names the
company; a role's turn label naming its member ("RAPPORTEUR (Sen. Jane Roe):") names no organization;
an e-mail signed by an office over its organization's name; a security marking ("PROTECTED B --
INTERNAL") is no letterhead; "Federal Minister for Aviation" names the ministry, "Federal Minister" none;
a publisher written in two scripts; a footer's "Todos os direitos reservados"; an inquiry's record of an
interview places the interviewee in the organization its witness line names. Each test asserts on
records."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck.ingest.headers import org_of_phrase, read_header
from folder_helpers import docs as _docs, one as _one, report as _report

pytestmark = pytest.mark.model


def _said(report, words: str) -> set[tuple[str, str]]:
    return {(s.speaker, s.organization) for s in report.statements if words in s.text}


def test_a_press_statements_transcript_heading_names_the_speaker_and_the_company(tmp_path: Path) -> None:
    _one(tmp_path, "press", "2020-09-07-press-conference.txt",
         "TRANSCRIPT -- PRESS STATEMENT BY JANE ROE, PRESIDENT OF ACMEBANK\n"
         "Head office, Northgate -- Monday, 7 September 2020\n\n"
         "JANE ROE: Your money and your accounts have not been touched by this attack.\n\n"
         "QUESTION: Has anyone asked the bank for a ransom?\n\n"
         "JANE ROE: No. There has been no request for a ransom of any kind.\n")
    [doc] = _docs(tmp_path)
    assert (doc.author, doc.organization) == ("Jane Roe", "Acmebank")
    assert _said(_report(tmp_path), "have not been touched") == {("Jane Roe", "Acmebank")}


def test_remarks_to_the_press_name_the_speakers_organization_after_the_title(tmp_path: Path) -> None:
    _one(tmp_path, "press", "2016-03-15-remarks.txt",
         "TRANSCRIPT -- REMARKS TO THE PRESS BY DR. JANE ROE, GOVERNOR, NORTHGATE BANK\n"
         "Governor's residence -- 15 March 2016\n\n"
         "DR. JANE ROE: I have submitted my resignation to the Honourable Prime Minister.\n"
         "My first duty was to get the money back.\n")
    [doc] = _docs(tmp_path)
    assert doc.organization == "Northgate Bank"
    assert {org for _, org in _said(_report(tmp_path), "first duty")} == {"Northgate Bank"}


def test_a_company_heads_title_names_the_company_but_not_a_board_or_a_portfolio() -> None:
    assert org_of_phrase("Jane Roe, President of Acmebank") == "Acmebank"
    assert org_of_phrase("Jane Roe, CEO of Acmebank") == "Acmebank"
    assert org_of_phrase("Jane Roe, Chairman of the Board") == ""
    assert org_of_phrase("Jane Roe, President of Finance") == ""


def test_a_roles_turn_label_naming_its_member_names_no_organization(tmp_path: Path) -> None:
    _one(tmp_path, "hearing", "2021-05-19-inquiry.txt",
         "NORTHGATE SENATE -- INQUIRY COMMITTEE\nMeeting of 19 May 2021 -- testimony of John Doe\n\n"
         "RAPPORTEUR (Sen. Jane Roe): Why were the offers left unanswered?\n\n"
         "MR. JOHN DOE: We answered the company many times, around twenty times.\n\n"
         "RAPPORTEUR: So the company is lying?\n")
    report = _report(tmp_path)
    assert not any("Sen." in s.organization or "Jane Roe" in s.organization for s in report.statements)
    assert {sp for sp, _ in _said(report, "offers left unanswered")} == {"Jane Roe"}


def test_an_email_signed_by_an_office_is_placed_by_the_organization_under_it(tmp_path: Path) -> None:
    _one(tmp_path, "internal", "2016-02-12-reply.eml",
         "From: Director General, Pay Modernization <dg.paymod@apsa-bsfa.example.ca>\n"
         "To: ADM Compensation <adm.comp@apsa-bsfa.example.ca>\n"
         "Date: Fri, 12 Feb 2016 17:42:10 -0500\nSubject: RE: readiness assessment\n\n"
         "My view is that we do not reopen the plan at this stage.\n\n"
         "DG, Pay Modernization\nAcme Public Services Agency\n")
    [doc] = _docs(tmp_path)
    assert doc.organization == "Acme Public Services Agency"


def test_a_security_marking_heading_a_memo_is_no_letterhead(tmp_path: Path) -> None:
    header = read_header("PROTECTED B -- INTERNAL\n\nMEMORANDUM\n\nTO:      Steering Committee\n"
                         "FROM:    Director, Testing\nDATE:    February 3, 2016\nRE:      Go-live\n\n"
                         "The final round of regression testing was shortened.\n")
    assert header.organization != "Protected B" and header.letterhead != "Protected B"
    assert header.internal


def test_a_minister_for_a_field_names_the_ministry_and_a_rank_names_none(tmp_path: Path) -> None:
    _one(tmp_path, "press", "2020-06-26-handout.txt",
         "PRESS INFORMATION DEPARTMENT\nHandout -- Northgate, 26 June 2020\n\n"
         "Federal Minister for Aviation Jane Roe said on Friday that the licences of 262 pilots were dubious.\n\n"
         "Federal Minister John Doe said on Friday that the review would go on.\n")
    report = _report(tmp_path)
    assert {org for _, org in _said(report, "262 pilots")} == {"Ministry of Aviation"}
    assert "Ministry of Federal" not in {s.organization for s in report.statements}


def test_a_publisher_written_in_two_scripts_is_read_by_its_latin_name(tmp_path: Path) -> None:
    _one(tmp_path, "press", "2018-01-26-notice.md",
         "---\ntitle: \"Regarding the unauthorized transfer\"\npublisher: \"アクメ株式会社 (Acme, Inc.)\"\n"
         "date: 2018-01-26\n---\n\n"
         "Today we confirmed that 523 million tokens were sent without authorization from an address we hold.\n")
    [doc] = _docs(tmp_path)
    assert doc.organization == "Acme, Inc."
    assert {org for _, org in _said(_report(tmp_path), "523 million")} == {"Acme, Inc"}


def test_a_footers_rights_reserved_in_portuguese_is_not_part_of_the_owners_name(tmp_path: Path) -> None:
    _one(tmp_path, "news", "2018-03-06-page.html",
         "<html><head><title>Acme says audit found nothing | Agro Northgate</title>"
         "<meta property=\"article:published_time\" content=\"2018-03-06T10:15:00-03:00\"></head><body>"
         "<h1>Acme says audit found nothing</h1><p>We checked every lot ourselves.</p>"
         "<footer>© 2018 Agro Northgate. Todos os direitos reservados.</footer></body></html>")
    [doc] = _docs(tmp_path)
    assert "direitos" not in doc.organization and "Todos" not in doc.organization


def test_an_inquirys_record_of_an_interview_places_the_interviewee_in_the_organization_listed(
        tmp_path: Path) -> None:
    _one(tmp_path, "hearing", "2009-08-30-interview.txt",
         "NORTHGATE MOTOR SPORT FEDERATION\nInterview conducted on behalf of the federation -- race inquiry\n"
         "Date: 30 August 2009\nInterviewee: John Doe, Director of Engineering, Acme Racing Team\n"
         "CONFIDENTIAL -- partial record\n\n"
         "FEDERATION ADVISER: What was said at the meeting before the race?\n"
         "MR DOE: I can't really recall it.\n"
         "FEDERATION ADVISER: Nothing at all?\n"
         "MR DOE: He came to me the day before the race and raised it himself.\n")
    report = _report(tmp_path)
    [(_, org)] = _said(report, "raised it himself")
    assert org.startswith("Acme Racing")  # (the corpus may write it without its "Team")
    assert not any(o.startswith("Acme Racing") for _, o in _said(report, "What was said at the meeting"))


def test_a_chair_named_in_brackets_asks_for_the_house_not_for_the_company_the_subject_names(
        tmp_path: Path) -> None:
    _one(tmp_path, "hearing", "2018-09-05-committee.txt",
         "PARLIAMENT OF NORTHGATE\nJoint meeting: Standing Committee on Finance\nNorthgate -- Wednesday, 5 September 2018\n"
         "Subject: Acme International -- evidence of former CEO\n\n"
         "CHAIRPERSON (Mr Y. Roe): Mr Doe, you were summoned. You have the floor.\n\n"
         "MR J. DOE: I knew of no accounting irregularities in the company's books.\n\n"
         "CHAIRPERSON (Mr Y. Roe): You are presenting yourself as a saint of the company.\n")
    report = _report(tmp_path)
    [chair] = [s for s in report.statements if "presenting yourself" in s.text]
    assert chair.role != "claim" and "Acme" not in chair.organization


def test_the_united_states_and_us_spellings_of_an_agency_are_one_organization() -> None:
    from claimcheck.corpus.orgs import canonical_orgs
    canon = canonical_orgs(["U.S. Acme Service", "United States Acme Service", "U.S. Acme Service"])
    assert canon["United States Acme Service"] == canon["U.S. Acme Service"]


def test_a_club_named_under_a_units_line_places_its_message(tmp_path: Path) -> None:
    _one(tmp_path, "noise", "2013-03-11-renewal.eml",
         "From: Acme FC Membership <membership@acmefc.example.com.au>\nTo: Member 1048 <member1048@example.com>\n"
         "Date: Mon, 11 Mar 2013 09:00:00 +1100\nSubject: Your 2013 membership pack is on its way\n\n"
         "Thanks for renewing your membership for the 2013 season.\n\nGo Acme,\nMembership Services\nAcme Football Club\n")
    [doc] = _docs(tmp_path)
    assert doc.organization == "Acme Football Club"


def test_a_statement_on_behalf_of_a_founder_names_him_and_his_company(tmp_path: Path) -> None:
    _one(tmp_path, "press", "2011-12-statement.txt",
         "STATEMENT ON BEHALF OF MR JEAN-CLAUDE ROE, FOUNDER OF ACME IMPLANTS\n"
         "Issued to the press by his counsel\nParis, December 2011\n\n"
         "Mr Roe maintains that the gel used in the implants presents no danger to health.\n")
    [doc] = _docs(tmp_path)
    assert (doc.author, doc.organization) == ("Jean-Claude Roe", "Acme Implants")


def test_a_company_name_in_capitals_may_hold_a_letter_and_digit_word(tmp_path: Path) -> None:
    _one(tmp_path, "press", "2009-09-11-statement.txt",
         "ACME F1 TEAM -- STATEMENT\nMONZA, Italy, 11 September 2009\n\n"
         "The complaint concerns allegations the team regards as untrue.\n")
    [doc] = _docs(tmp_path)
    assert doc.organization.lower() == "acme f1 team"


def test_a_ministers_portfolio_in_the_departments_own_notice_leaves_him_speaking_for_it(tmp_path: Path) -> None:
    _one(tmp_path, "press", "1983-09-notice.txt",
         "DEPARTMENT OF HEALTH AND SOCIAL SERVICES OF NORTHGATE\nPRESS NOTICE\nFor immediate release: September 1983\n\n"
         "The Minister for Health, Mr John Doe, said:\n\n"
         "  \"There is no conclusive proof that this happens.\"\n")
    orgs = {org for _, org in _said(_report(tmp_path), "no conclusive proof")}
    assert orgs and "Health" not in orgs and all(o.startswith("Department of Health") for o in orgs)


def test_a_passive_verb_of_writing_makes_its_subject_no_speaker(tmp_path: Path) -> None:
    _one(tmp_path, "broadcast", "2016-11-29-interview.txt",
         "NORTHGATE TV -- evening news\nAir date: 29 November 2016\n"
         "Segment: Interview with John Doe, general manager of Acme Air\n\n"
         "REPORTER: Mr Doe, the crew reported running out of fuel. Was the aircraft supposed to stop anywhere?\n\n"
         "JOHN DOE (General Manager, Acme Air): The route had refuelling options built in. Bogotá was written "
         "into the flight plan as the place to top up, and it is closer than Medellín.\n\n"
         "REPORTER: And Springfield? There was talk of a stop there.\n")
    speakers = {sp for sp, _ in _said(_report(tmp_path), "written into the flight plan")}
    assert "Bogotá" not in speakers


def test_a_team_issuing_its_own_releases_is_no_unit_of_the_body_whose_record_the_folder_holds(
        tmp_path: Path) -> None:
    _one(tmp_path, "press", "2009-09-11-statement.txt",
         "ACME F1 TEAM -- STATEMENT\nMONZA, Italy, 11 September 2009\n\n"
         "The team regards the allegations as untrue and has lodged a criminal complaint.\n")
    _one(tmp_path, "press", "2009-09-16-statement.txt",
         "ACME F1 TEAM -- STATEMENT\nPARIS, 16 September 2009\n\n"
         "The team will not dispute the charges before the council.\n")
    _one(tmp_path, "hearing", "2009-08-30-interview.txt",
         "NORTHGATE MOTOR SPORT FEDERATION\nInterview conducted on behalf of the federation -- race inquiry\n"
         "Date: 30 August 2009\nInterviewee: John Doe, Director of Engineering, Acme F1 Team\n"
         "CONFIDENTIAL -- partial record\n\n"
         "FEDERATION ADVISER: What was said at the meeting before the race?\n"
         "MR DOE: I can't really recall it.\n"
         "FEDERATION ADVISER: Did you know before the start that there would be a crash?\n"
         "MR DOE: I'd rather not answer that.\n"
         "FEDERATION ADVISER: Nothing at all?\n")
    report = _report(tmp_path)
    orgs = {s.organization.lower() for s in report.statements if "regards the allegations" in s.text}
    assert orgs == {"acme f1 team"}
