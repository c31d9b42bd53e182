"""Releases headed in the language they were issued in, and names the tagger gets wrong (issue 14; what
set 82 showed, read generically): "ACME - ANNOUNCEMENT", "ACME GMBH - PRESSEERKLÄRUNG (English working
translation)", "ÁCME - STATEMENT" are the organization's own release, not a story; "Acme Israel CEO Jane Roe
said" is hers and Acme Israel's, whatever the tagger took the two names for; "German discounter Acme told"
and "a Acme spokesperson said" speak for Acme; "Acme said" is the one organization the folder names "Acme
Deutschland"; a name in a relative clause of the subject ("where Acme is headquartered") does not speak;
"JEAN-CLAUDE ROE (Deputy CEO, Acme):" is Jean-Claude Roe's turn even when the host opens with "Mr Roe, ...";
"the statement said" after "In a statement on its website the club said" is the club's; a company's
"consumer notice" is its own public word; a military message's "DTG: 291600Z APR 04" dates it, and its "SUBJ:" and
indented "TO:" lines are no statements; a "customer-facing deck" is public, though filed with slides. Each test asserts on records and fails on the code before it."""

from __future__ import annotations

from pathlib import Path

import pytest

from folder_helpers import docs as _docs, one as _one, report as _report

pytestmark = pytest.mark.model


def _said(rep, text: str):
    return next(s for s in rep.statements if text in s.text)


@pytest.mark.parametrize("heading", ["ACME ISRAEL - ANNOUNCEMENT", "ACME DEUTSCHLAND - PRESSEERKLÄRUNG (English working translation)",
                                     "ACME SAINT-ÉTIENNE - COMMUNIQUÉ (English version)", "ÁCME - STATEMENT"])
def test_a_release_headed_in_its_own_language_is_the_organizations_own(tmp_path: Path, heading: str) -> None:
    _one(tmp_path, "press", "2017-05-12-statement.txt",
         f"{heading}\nMadrid, 12 May 2017\n\n"
         "The services provided to our customers have not been affected at any time.\n")
    doc = _docs(tmp_path)[0]
    assert doc.kind == "press-release"
    assert doc.organization.lower() == heading.split(" - ")[0].lower()
    st = _said(_report(tmp_path), "have not been affected")
    assert (st.kind, st.role) == ("public", "claim")


def test_the_name_after_a_title_is_the_person_and_the_name_before_it_the_company(tmp_path: Path) -> None:
    _one(tmp_path, "press", "2022-04-27-recall.txt",
         "STRAUB ISRAEL - ANNOUNCEMENT\n27 April 2022\n\n"
         "The company widened the recall today.\n\n"
         "Straub Israel CEO Eyan Dorel said: \"We will not take any risks where the health of the public is "
         "concerned.\"\n")
    st = _said(_report(tmp_path), "will not take any risks")
    assert (st.speaker, st.role) == ("Eyan Dorel", "claim")
    assert st.organization.lower().startswith("straub israel")


def test_a_company_by_the_noun_of_its_kind_and_its_unnamed_spokesperson(tmp_path: Path) -> None:
    _one(tmp_path, "press", "2008-03-26-statement.txt",
         "LODL DEUTSCHLAND - PRESSEERKLÄRUNG (English working translation)\nNeckarsulm, 26 March 2008\n\n"
         "Camera systems in our stores serve only to detect theft.\n")
    _one(tmp_path, "news", "2008-03-27-story.html",
         "<html><body><h1>Lodl rejects spying claims</h1><p class=\"meta\">27 March 2008</p>"
         "<p>German discounter Lodl told Grocery Trade Daily today that it did not use secret cameras in its stores.</p>"
         "<p>\"The cameras were installed to combat shoplifting,\" a Lodl spokesperson said.</p>"
         "<p>Lodl said it no longer employs private investigators.</p>"
         "<p>The data protection authority in Northgate, where Lodl is headquartered, said it was examining the reports.</p>"
         "</body></html>")
    rep = _report(tmp_path)
    for text in ("did not use secret cameras", "installed to combat shoplifting", "no longer employs"):
        st = _said(rep, text)
        assert (st.speaker, st.organization, st.role) == ("", "Lodl Deutschland", "claim"), text
    authority = _said(rep, "was examining the reports")
    assert authority.speaker != "Lodl" and authority.organization != "Lodl Deutschland"


def test_a_guests_turns_are_his_though_the_host_opens_by_naming_him(tmp_path: Path) -> None:
    _one(tmp_path, "transcripts", "2018-11-10-radio-interview.txt",
         "TRANSCRIPT - sports radio interview, Saturday 10 November 2018 (extract)\n"
         "Guest: Jean-Claude Roe, Deputy Chief Executive, Acme Football Club\n\n"
         "HOST: Mr Roe, the minutes of a meeting in 2014 are out there. Didn't the club know?\n\n"
         "JEAN-CLAUDE ROE (Deputy CEO, Acme Football Club): The remarks of March 2014 were reported through the works "
         "council. We looked at it at the time.\n\n"
         "HOST: And the forms?\n\n"
         "JEAN-CLAUDE ROE: As soon as the channel showed us those forms, we launched an internal inquiry.\n")
    rep = _report(tmp_path)
    assert _docs(tmp_path)[0].people == (("Jean-Claude Roe", "Acme Football Club"),)
    for text in ("were reported through the works council", "we launched an internal inquiry"):
        st = _said(rep, text)
        assert (st.speaker, st.organization, st.role) == ("Jean-Claude Roe", "Acme Football Club", "claim")


def test_the_statement_the_story_said_the_club_issued_speaks_for_the_club(tmp_path: Path) -> None:
    _one(tmp_path, "news", "2018-11-15-story.html",
         "<html><body><h1>Northgate Football Club says its inquiry found no proven discrimination</h1>"
         "<p class=\"meta\">15/11/2018</p>"
         "<p>One week after the revelations, the deputy chief executive of Northgate Football Club met the minister "
         "on Thursday to hand over the results of the internal inquiry.</p>"
         "<p>In a statement on its website the club said the inquiry was based on a review of e-mail exchanges. "
         "\"The inquiry shows that there is no proven case of discrimination within Northgate Football Club,\" the "
         "club wrote.</p>"
         "<p>\"None of these forms ever went up to the general management,\" the statement said, adding that no "
         "change could be observed.</p></body></html>")
    rep = _report(tmp_path)
    for text in ("None of these forms", "no proven case of discrimination"):
        st = _said(rep, text)
        assert (st.kind, st.organization, st.role) == ("public", "Northgate Football Club", "claim"), text


def test_a_military_messages_date_time_group_dates_it_and_its_header_lines_say_nothing(tmp_path: Path) -> None:
    _one(tmp_path, "internal", "p4-message.txt",
         "UNCLASSIFIED//FOR OFFICIAL USE ONLY (declassified for release to the Committee on Oversight, 2007)\n\n"
         "PERSONAL FOR MESSAGE\n"
         "DTG:   291600Z APR 04\n"
         "FROM:  MG Jane A. Roe, Commander, Northgate Task Force\n"
         "TO:    GEN John P. Doe, CDR NORTHCOM\n"
         "       GEN Mary D. Poe, CDR SOUTHCOM\n"
         "SUBJ:  Possible fratricide, CPL John Loe\n\n"
         "1. The investigation into the death of CPL Loe on 22 April is close to finished, and I expect it to "
         "conclude that he was struck by rounds fired by his own platoon.\n")
    doc = _docs(tmp_path)[0]
    assert (doc.date.start.isoformat(), doc.date.precision) == ("2004-04-29", "day")
    rep = _report(tmp_path)
    assert [s.text.split()[:2] for s in rep.statements] == [["The", "investigation"]]


def test_a_deck_its_maker_shows_customers_is_public_though_it_sits_with_slides(tmp_path: Path) -> None:
    _one(tmp_path, "slides", "2019-01-security-deck.txt",
         "SLIDE TEXT EXPORT -- \"Acme Security: Protecting Your Meetings\" (customer-facing deck, January 2019)\n"
         "Acme Video Communications, Inc. -- San Jose, California\n\n"
         "--- Slide 1 ---\nAcme Security\nEnterprise-grade protection for every meeting\n\n"
         "--- Slide 4 ---\nIn-meeting security\n"
         "* Meetings can be protected with end-to-end encryption using 256-bit AES encryption\n")
    _one(tmp_path, "slides", "2019-02-roadmap-deck.txt",
         "SLIDE TEXT EXPORT -- \"Platform roadmap\" (engineering all-hands, February 2019)\n\n"
         "--- Slide 1 ---\nRoadmap\n\n--- Slide 2 ---\n* Key management stays on our servers this year\n")
    kinds = {d.path.split("/")[-1]: d.kind for d in _docs(tmp_path)}
    assert kinds["2019-01-security-deck.txt"] in ("post", "press-release")
    assert kinds["2019-02-roadmap-deck.txt"] not in ("post", "press-release", "news")


def test_a_companys_consumer_notice_is_its_own_public_word(tmp_path: Path) -> None:
    _one(tmp_path, "press", "2022-04-25-recall-notice.md",
         "---\ntitle: \"Voluntary recall of chocolate products\"\nauthor: \"Acme Israel, Corporate Communications\"\n"
         "source: \"Acme Israel consumer notice (English rendering)\"\ndate: 2022-04-25\n---\n\n"
         "# Voluntary recall of chocolate products\n\n"
         "Acme Israel announces that routine quality checks at its factory identified a small number of samples "
         "containing salmonella.\n")
    doc = _docs(tmp_path)[0]
    assert doc.kind in ("press-release", "post") and doc.organization == "Acme Israel"


def test_a_name_a_letterhead_gave_in_capitals_is_written_as_the_texts_write_it(tmp_path: Path) -> None:
    _one(tmp_path, "internal", "2011-07-20-memo.txt",
         "NORTHNOTAR B.V. - SECURITY OFFICE\nINTERNAL MEMO\nDate: 20 July 2011\nFrom: Security Officer\n"
         "To: Management Team\n\n"
         "On our own records we cannot say that the revoked list NorthNotar published is complete.\n\n"
         "The NorthNotar servers logged requests we cannot trace.\n")
    rep = _report(tmp_path)
    assert _said(rep, "revoked list").organization.split()[0] == "NorthNotar"


def test_a_minister_sitting_in_the_house_speaks_for_the_ministry_in_a_committees_record(tmp_path: Path) -> None:
    _one(tmp_path, "hearing", "2019-02-06-joint-committee.txt",
         "HOUSES OF THE OIREACHTAS\nJOINT COMMITTEE ON HEALTH\n\nWednesday, 6 February 2019\n"
         "Cost Escalation: New Hospital - Discussion (Resumed)\n\n"
         "The Joint Committee met at 9 a.m.\n\n"
         "Chairman: I call the Minister to make his opening statement.\n\n"
         "Minister for Health (Deputy Jane Roe): Thank you, Chairman. On 27 August 2018 I was informed that there "
         "was a potentially significant overrun.\n\n"
         "Deputy John Doe: Three weeks earlier you had been told the thing was going over by hundreds of millions. "
         "How is that not misleading the House?\n\n"
         "Deputy Jane Roe: I reject the suggestion that I knew at that point that the overspend was several hundred "
         "million euro.\n")
    assert _docs(tmp_path)[0].kind == "testimony"
    rep = _report(tmp_path)
    for text in ("I was informed that there was a potentially significant overrun", "I reject the suggestion"):
        st = _said(rep, text)
        assert (st.speaker, st.organization) == ("Jane Roe", "Ministry of Health"), text  # (no department named)
    assert _said(rep, "going over by hundreds of millions").organization != "Ministry of Health"


def test_an_unnamed_spokesperson_of_a_two_word_name_speaks_for_the_whole_name(tmp_path: Path) -> None:
    _one(tmp_path, "news", "2023-07-20-story.html",
         "<html><body><h1>Insurer kept referrals going</h1><p class=\"meta\">20 July 2023</p>"
         "<p>The insurer kept sending claims to the repair chain after the audit.</p>"
         "<p>\"We did not know of the inflated claims,\" a Sompu Japan spokesperson said.</p></body></html>")
    st = _said(_report(tmp_path), "did not know of the inflated claims")
    assert st.organization == "Sompu Japan"


@pytest.mark.parametrize("head, org", [
    ("ACX MARKET ANNOUNCEMENT\nMonday 16 November 2020, 3:58pm AEDT\nMarket update: equity market to reopen tomorrow\n", "ACX"),
    ("NORTHGATE DEL COBRE, S.A. DE C.V.\nComunicado de prensa / Aviso a la Bolsa de Valores\nCananea, 12 de agosto de 2014\n",
     "Northgate del Cobre"),
    ("FIRST NORTHGATE MEDICAL CENTRE\n16 Hospital Road, Lagos\n\nPRESS STATEMENT: OUR MANAGEMENT OF THE CASE\nTuesday, 29 July 2014\n",
     "First Northgate Medical Centre"),
    ("MEDIA STATEMENT\nThe Mint | Te Acme\nTuesday 28 May 2019, 8.02pm\n", "The Mint"),
])
def test_a_release_names_its_issuer_however_its_head_is_set(tmp_path: Path, head: str, org: str) -> None:
    _one(tmp_path, "press", "2020-11-16-release.txt",
         head + "\nThe cause was a software problem confined to one part of the system, and no customer data was affected.\n")
    doc = _docs(tmp_path)[0]
    assert doc.organization == org and doc.kind in ("press-release", "post", "filing")


def test_a_role_in_brackets_after_the_sender_is_no_organization(tmp_path: Path) -> None:
    _one(tmp_path, "internal", "2014-07-21-note.txt",
         "FIRST NORTHGATE MEDICAL CENTRE — INTERNAL MEMORANDUM\n\n"
         "TO:      Medical Director; Matron\n"
         "FROM:    Dr. Jane Roe, Lead Consultant Physician (Chair, Incident Committee)\n"
         "DATE:    Monday, 21 July 2014\nRE:      Patient in Room 5\n\n"
         "1. The patient admitted last night is not responding to treatment and must stay isolated.\n")
    assert _docs(tmp_path)[0].organization == "First Northgate Medical Centre"


def test_a_pages_copyright_names_its_owner_up_to_the_sentences_end_and_a_byline_makes_it_a_story(tmp_path: Path) -> None:
    _one(tmp_path, "news", "2014-08-20-story.html",
         "<html><head><title>Derrame en el arroyo | Diario Acme</title></head><body><article>"
         "<h1>La procuraduria descarta lluvias como causa del derrame</h1>"
         "<p class=\"byline\">Redaccion / Hermosillo, 20 de agosto de 2014</p>"
         "<p>La procuraduria rechazo este miercoles la version de la minera.</p></article>"
         "<footer>&copy; 2014 Diario Acme. Aviso de privacidad. Contacto.</footer></body></html>")
    doc = _docs(tmp_path)[0]
    assert doc.kind == "news" and "Aviso" not in doc.organization


def test_a_name_blended_from_the_starts_of_anothers_words_is_the_same_organization(tmp_path: Path) -> None:
    _one(tmp_path, "internal", "2023-09-23-memo.txt",
         "NORTHGATE HEALTH INSURANCE CORPORATION\nMEMORANDUM\n\nTO: President\nFROM: Acting Senior Manager, IT\n"
         "DATE: 23 September 2023\nRE: Incident\n\n"
         "Firewall logs show large outbound transfers from internal file shares to outside addresses.\n")
    _one(tmp_path, "press", "2023-09-23-advisory.txt",
         "NORTHHEALTH - PUBLIC ADVISORY\n23 September 2023\n\n"
         "NorthHealth assures the public that no personal information of members has been compromised. "
         "NorthHealth continues to work with the authorities.\n")
    rep = _report(tmp_path)
    assert _said(rep, "outbound transfers").organization == _said(rep, "no personal information").organization


def test_a_chat_name_is_the_person_without_a_title_or_a_role_in_brackets(tmp_path: Path) -> None:
    _one(tmp_path, "internal", "2014-08-06-chat.txt",
         "Chat export - supervisores\n\n"
         "[06/08/2014 07:12] Ing. Jane Roe (Supervisor turno C): the valve on the filling line is leaking\n"
         "[06/08/2014 07:15] John Doe (ITMD): copying it to the plant manager now\n")
    assert [d.author for d in _docs(tmp_path)] == ["Jane Roe", "John Doe"]


def test_a_unit_named_in_another_language_before_its_company_gives_the_company(tmp_path: Path) -> None:
    _one(tmp_path, "internal", "2020-07-21-informe.md",
         "---\nauthor: Gerencia de Ciberdefensa, Acme Argentina\nsource: informe preliminar de incidente (uso interno)\n"
         "date: 2020-07-21\n---\n\n# Informe preliminar\n\n"
         "The ransomware reached the corporate network only; customer systems were not touched.\n")
    assert _docs(tmp_path)[0].organization == "Acme Argentina"


def test_a_presenters_opening_turn_is_no_author_and_a_guest_titled_to_the_body_speaks_for_it(tmp_path: Path) -> None:
    _one(tmp_path, "transcripts", "2019-05-29-radio.txt",
         "NORTHGATE RADIO — MORNING REPORT (transcript excerpt)\nWednesday 29 May 2019, approx. 7.10am\n\n"
         "PRESENTER: Secretary to the Mint Jane Roe joins us. Ms Roe, \"hacked\" is a\nstrong word. What actually happened?\n\n"
         "JANE ROE (Secretary to the Mint): Someone came back again and again and kept working at that bolt until it "
         "gave way. It was persistent, and it was deliberate.\n")
    assert _docs(tmp_path)[0].author != "Secretary to the Mint Jane Roe joins us. Ms Roe"
    st = _said(_report(tmp_path), "It was persistent")
    assert (st.speaker, st.organization) == ("Jane Roe", "Mint")


def test_a_page_whose_byline_names_its_own_officer_is_the_organizations_own(tmp_path: Path) -> None:
    _one(tmp_path, "press", "2016-06-07-statement.html",
         "<html><head><title>Statement on the cyber attack</title></head><body><article>"
         "<h1>Update on the cyber attack on our systems</h1>"
         "<p class=\"byline\">Jane Roe, Vice-President (Finance and Services) &middot; June 7, 2016</p>"
         "<p>Our systems are being restored, and no personal data of students was taken.</p></article>"
         "<footer>&copy; University of Northgate &middot; Privacy &middot; Accessibility</footer></body></html>")
    doc = _docs(tmp_path)[0]
    assert doc.kind == "post" and doc.organization == "University of Northgate"


def test_reports_from_a_place_are_the_news_and_no_record_kept_inside(tmp_path: Path) -> None:
    _one(tmp_path, "news", "2014-08-10-story.html",
         "<html><head><title>Hospital stopped the patient | Northgate Ledger</title></head><body>"
         "<h1>Northgate hospital stopped the patient from travelling</h1><p>Sunday, 10 August 2014</p>"
         "<p>Staff of Acme Medical Centre refused to let the patient leave, a senior member of the hospital told this "
         "newspaper.</p>"
         "<p>Reports from Monrovia now suggest the patient had been in contact with his sister, who died weeks earlier.</p>"
         "</body></html>")
    rep = _report(tmp_path)
    assert not [s for s in rep.statements if s.kind == "internal"]


def test_an_audit_report_tabled_before_a_legislature_is_published(tmp_path: Path) -> None:
    _one(tmp_path, "records", "2020-09-30-audit-excerpt.txt",
         "OFFICE OF THE AUDITOR-GENERAL, REPUBLIC OF NORTHGATE\n"
         "Special Audit Report on the Utilisation of Emergency Funds by the Acme Supplies Authority\n"
         "Excerpts as tabled before the Senate joint committee, 30 September 2020\n\n"
         "(a) The authority used direct procurement for emergency items; commitment letters were issued to suppliers "
         "and the procurement process followed after deliveries were made.\n")
    assert _docs(tmp_path)[0].kind not in ("internal-report", "memo", "email", "chat")
