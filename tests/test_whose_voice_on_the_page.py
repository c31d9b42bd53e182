"""Whose organization a document speaks for, as sets 90 and 91 showed it read on documents nobody here wrote
(issue 14): a chair's turn "CHAIR (Jane Roe):" names a person, and a member's "MEMBER (Greens):" or a reporter's
"Q. (Northgate News):" a party or an outlet that asks, never whom the witness speaks for; a ministry's letterhead
over "Press conference, ..." holds its own briefing; a records release under a form heading ("RESPONSE TO A
REQUEST ...") is released by the body named below it; a letterhead gives one name in two languages or scripts
("MINISTRY OF FAIR TRADE (MINISTERIO DE COMERCIO JUSTO)", "FIRST NORTHGATE BANK (北門銀行)"); a legal form
alone ("the B.V.") is no name; a front matter's author that is an organization ("Stichting Acme Hulp") is the
page's owner; an interview "with Jane van Roe (Acme Alliantie)" is hers and Acme's; a recorded private
conversation is an internal record whose turns are its participants'; a broadcaster's interview of a listed guest
is the guest's organization's word, its host the channel's; "MEDIA AVAILABILITY - Acme Drugs, ..." is Acme's;
an account's thread is the organization's post; "Jane Roe, Owner, Acme FC" is Acme's owner; "Statement by the
Minister of Fair Trade, Jane Roe, on ..." is hers. Organization names
fold letters no decomposition reaches ("Kızılay" is "Kizilay") and legal forms written first ("PT ... Tbk").
Each test asserts on records and fails on the code before it."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck.corpus import org_key
from claimcheck.evaluate.matching import defined_names, organization_matches_in_case, speaker_matches
from claimcheck.ingest.headers import _org_case
from folder_helpers import docs as _docs, one as _one, report as _report

pytestmark = pytest.mark.model


def _said(rep, text: str):
    return next(s for s in rep.statements if text in s.text)


HEARING = """NORTHGATE PARLIAMENT - COMMITTEE OF INQUIRY INTO THE RIVER POLLUTION
Hearing of Monday 17 January 2022 - transcript excerpt

CHAIR (Hannah Major): Mrs Roe, you were minister for the environment. What did your cabinet know?

JANE ROE (former Minister for the Environment): We knew there was a spill on the worksite. Nobody put
the health advice on my table.

MEMBER (Greens): Did you see the advice about eggs and vegetables?

JANE ROE (former Minister for the Environment): I did not see that document personally.

JOHN DOE (Chief Executive, Acme Tunnels): Acme Tunnels reported the spill to the waste agency.
"""


def test_a_chairs_and_a_members_brackets_name_no_organization_a_witness_speaks_for(tmp_path: Path) -> None:
    _one(tmp_path, "hearing", "2022-01-17-hearing.txt", HEARING)
    rep = _report(tmp_path)
    said = _said(rep, "Nobody put")
    assert said.speaker == "Jane Roe"
    assert said.organization not in ("Hannah Major", "Greens")
    assert _said(rep, "What did your cabinet know").speaker == "Hannah Major"


BRIEFING = """MINISTRY OF FAIR TRADE (MINISTERIO DE COMERCIO JUSTO)
Press conference, Northgate, Thursday 11 May 2023 - transcript excerpt

JANE ROE (Minister of Fair Trade): Good afternoon. I learned about the shipment only at the end of April.

Q. (Northgate Radio): When did the ministry know?

JANE ROE (Minister of Fair Trade): The report of 16 December did not indicate any breach.
"""


def test_a_ministrys_letterhead_over_its_press_conference_is_its_own_briefing(tmp_path: Path) -> None:
    _one(tmp_path, "press", "2023-05-11-briefing.txt", BRIEFING)
    doc = _docs(tmp_path)[0]
    assert doc.organization == "Ministry of Fair Trade"
    said = _said(_report(tmp_path), "I learned about the shipment")
    assert said.organization in ("Ministry of Fair Trade", "Ministerio de Comercio Justo")
    assert said.kind == "public" and said.role == "claim"


RELEASE = """RESPONSE TO A REQUEST FOR ACCESS TO PUBLIC INFORMATION
Ministry of Fair Trade - Legal Department
Northgate, 14 July 2023

Dear Sir,

In reply to your request of 15 May 2023 the Ministry provides the following excerpts.

--------------------------------------------------------------------------
EXCERPT A - Operations Centre, duty log
Date/time: 16.12.2022, 10:48
Entry 14: Received by telephone a report of an unidentified object. Information passed to the minister's office.

--------------------------------------------------------------------------
EXCERPT B - daily operational report for 16.12.2022
One contact of undetermined character was recorded in the north-western sector; identification not achieved.
"""


def test_a_release_under_a_form_heading_is_the_body_below_it(tmp_path: Path) -> None:
    _one(tmp_path, "records", "2023-07-14-release.txt", RELEASE)
    docs = _docs(tmp_path)
    cover = next(d for d in docs if d.part == "cover")
    assert cover.organization == "Ministry of Fair Trade" and cover.kind == "letter"
    records = [d for d in docs if d.part != "cover"]
    assert len(records) == 2
    assert all(d.organization == "Ministry of Fair Trade" and d.kind == "internal-report" for d in records)


def test_a_letterhead_in_another_script_names_the_bank(tmp_path: Path) -> None:
    _one(tmp_path, "transcript", "2016-07-12-briefing.txt",
         "FIRST NORTHGATE BANK (北門銀行) -- PRESS BRIEFING\nTuesday, 12 July 2016, head office (transcript)\n\n"
         "JANE ROE (Vice President): Thank you for coming. About NT$70 million was taken from 34 machines.\n\n"
         "REPORTER (Northgate News Agency): Are the machines still running?\n\n"
         "JANE ROE (Vice President): No customer account was touched; customers will bear no loss.\n")
    assert _docs(tmp_path)[0].organization == "First Northgate Bank"
    assert _said(_report(tmp_path), "No customer account").organization == "First Northgate Bank"


def test_a_legal_form_alone_is_no_organization(tmp_path: Path) -> None:
    _one(tmp_path, "interview", "2020-06-19-interview.txt",
         "TRANSCRIPT - online video interview\nBroadcast: 19 June 2020\n\n"
         "INTERVIEWER: People are asking what is in it for you and the B.V.\n\n"
         "ROE: Nothing. The B.V. does the purchase and sale. We are doing this completely for nothing.\n\n"
         "INTERVIEWER: And the B.V.?\n\nROE: The B.V. is a shell. Nobody is getting rich.\n")
    rep = _report(tmp_path)
    assert rep.statements
    assert {s.organization for s in rep.statements} & {"B.V", "B.V.", "the B.V."} == set()


def test_an_author_that_is_an_organization_owns_the_page(tmp_path: Path) -> None:
    _one(tmp_path, "press", "2020-04-16-faq.md",
         '---\nsource: "acmehulp.nl - Frequently asked questions (page snapshot, translated from Dutch)"\n'
         'author: "Stichting Acme Hulp"\ndate: 2020-04-16\n---\n\n# Acme Hulp - Frequently asked questions\n\n'
         "**Does anyone earn money from this?**\nNo. We bring in protective equipment without any profit motive. "
         "Nobody in the alliance is paid for the sourcing work.\n")
    doc = _docs(tmp_path)[0]
    assert doc.organization == "Stichting Acme Hulp" and doc.author == ""
    said = _said(_report(tmp_path), "without any profit motive")
    assert said.organization == "Stichting Acme Hulp" and said.role == "claim"


def test_an_interview_with_a_named_guest_and_organization_is_theirs(tmp_path: Path) -> None:
    _one(tmp_path, "interview", "2020-06-19-interview.txt",
         "TRANSCRIPT - online video interview with Jane van Roe (Acme Alliantie)\nBroadcast: 19 June 2020, web channel\n\n"
         "INTERVIEWER: People are asking what is in it for you.\n\n"
         "VAN ROE: Nothing. We are doing this completely for nothing. Nobody at Acme is getting rich from a pandemic.\n")
    assert _docs(tmp_path)[0].organization == "Acme Alliantie"
    said = _said(_report(tmp_path), "completely for nothing")
    assert said.organization == "Acme Alliantie" and said.kind == "public"


RECORDING = """EXCERPT OF AUDIO RECORDING - conversation of 12 April 2020 (evening)
Participants: Jane van Roe, John Doe, Mary Major (by phone)
Source: transcript prepared from a recording later described in press reporting

[00:03:12] Doe: The ministry wants 40 million pieces. If we do it through the company we buy
           and sell ourselves, the spread is ours.
[00:03:30] Van Roe: Then we just bring that stuff here and we become millionaires.
[00:03:37] Major: Keep the foundation out of it on paper.
"""


def test_a_recorded_private_conversation_is_an_internal_record_of_its_participants(tmp_path: Path) -> None:
    _one(tmp_path, "internal", "2020-04-12-recording.txt", RECORDING)
    rep = _report(tmp_path)
    said = _said(rep, "we become millionaires")
    assert said.kind == "internal" and said.speaker == "Jane van Roe"
    assert _said(rep, "Keep the foundation").speaker == "Mary Major"


def test_a_broadcasters_interview_of_a_listed_guest_is_the_guests_organizations_word(tmp_path: Path) -> None:
    _one(tmp_path, "transcript", "2023-02-27-interview.txt",
         "NORTHGATE TV -- LIVE INTERVIEW (excerpt)\nMonday, 27 February 2023, evening programme hosted by John Doe\n"
         "Guest: Jane Roe, President of Acme Relief\n\n"
         "JOHN DOE: Yesterday you defended the sale as legal. Did you know about it at the time?\n\n"
         "JANE ROE: I had no knowledge that the tents were being sold. They used their own initiative.\n")
    rep = _report(tmp_path)
    said = _said(rep, "I had no knowledge")
    assert said.organization == "Acme Relief" and said.role == "claim"
    asked = _said(rep, "defended the sale")
    assert asked.speaker == "John Doe" and asked.organization != "Acme Relief"


def test_a_media_availability_names_its_host_and_not_the_outlets_asking(tmp_path: Path) -> None:
    _one(tmp_path, "interview", "2024-05-09-availability.txt",
         "MEDIA AVAILABILITY - Acme Drugs, Northgate, 9 May 2024\nTranscript excerpt. Speaker: Jane Roe, President\n\n"
         "ROE: All of our stores are open again.\n\nQ. (Northgate News): Is prescription information safe?\n\n"
         "ROE: The experts have found no evidence that our customer databases were compromised.\n")
    assert _docs(tmp_path)[0].organization == "Acme Drugs"
    assert _said(_report(tmp_path), "found no evidence").organization == "Acme Drugs"


def test_an_accounts_thread_is_the_organizations_post(tmp_path: Path) -> None:
    _one(tmp_path, "social", "2023-02-26-thread.md",
         '---\nsource: "Thread, account of the President of Acme Relief (text export)"\n'
         'author: "Jane Roe, President, Acme Relief"\ndate: 2023-02-26\n---\n\n'
         "1/ About the claims in today's papers: yes, our company sold 2,050 tents to the association. "
         "They were charged at cost, the price of raw materials.\n")
    doc = _docs(tmp_path)[0]
    assert doc.kind == "post" and doc.organization == "Acme Relief"
    said = _said(_report(tmp_path), "charged at cost")
    assert said.kind == "public" and said.speaker == "Jane Roe"


def test_an_owner_named_with_the_club_speaks_for_it(tmp_path: Path) -> None:
    _one(tmp_path, "press", "2021-10-letter.md",
         '---\ntitle: "An open letter from Jane Roe"\nauthor: "Jane Roe, Owner, Acme FC"\n'
         'source: "acmefc.com club website"\ndate: 2021-10\n---\n\n# An open letter to supporters\n\n'
         "The investigation did not show unlawful activity, but it showed clear violations of our policies.\n")
    doc = _docs(tmp_path)[0]
    assert doc.author == "Jane Roe" and doc.organization == "Acme FC"


@pytest.mark.parametrize("a, b", [("Kızılay Çadır ve Tekstil A.Ş.", "KIZILAY ÇADIR VE TEKSTİL A.Ş."),
                                  ("PT Bank Acme Indonesia Tbk", "Bank Acme Indonesia"), ("Łódź Acme", "Lodz Acme")])
def test_organization_keys_fold_letters_and_legal_forms_written_first(a: str, b: str) -> None:
    assert org_key(a) == org_key(_org_case(b) if b.isupper() else b)


def test_a_name_in_capitals_keeps_its_letters_in_title_case() -> None:
    assert _org_case("ACME ÇADIR VE TEKSTİL A.Ş.") == "Acme Çadir ve Tekstil A.Ş."


def test_the_grader_takes_a_letterheads_name_in_two_languages_for_one(tmp_path: Path) -> None:
    (tmp_path / "press").mkdir()
    (tmp_path / "press" / "a.txt").write_text("MINISTRY OF FAIR TRADE (MINISTERIO DE COMERCIO JUSTO)\nPress conference\n",
                                              encoding="utf-8")
    defined = defined_names(tmp_path)
    assert organization_matches_in_case("Ministry of Fair Trade", "Ministerio de Comercio Justo", defined)
    assert not organization_matches_in_case("Ministry of Fair Trade", "Ministerio de Comercio Justo", frozenset())
    assert speaker_matches("Jane Kinik", "Jane Kınık")


def test_a_statement_by_an_office_then_its_holder_is_the_holders(tmp_path: Path) -> None:
    _one(tmp_path, "press", "2021-05-26-statement.txt",
         "MINISTRY OF FAIR TRADE - MEDIA STATEMENT\n26 May 2021\n\n"
         "Statement by the Minister of Fair Trade, Jane Roe, on the Acme Media contract\n\n"
         "I did not participate in the appointment of Acme Media to the roadshow contract.\n")
    assert _docs(tmp_path)[0].author == "Jane Roe"
    assert _said(_report(tmp_path), "did not participate").speaker == "Jane Roe"
