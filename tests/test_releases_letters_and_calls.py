"""What blind sets 40 and 41 showed, read generically (issue 14): a release is known by more of its
own marks ("Media release" under the name issuing it, a newswire's tag on its dateline, "summary for
the media", "ACME AIR -- STATEMENT ON ..." above a dateline), a letterhead may give one name in two
languages ("ACME MAIL AG / ACME MAIL LTD") and its name in capitals may hold "McROE"-style
capitals; a published letter's heading names its writer; a proceeding "In the matter of" is a
hearing, and the body holding it ("... Council") is its venue; a recording of an organization's own
call released by an inquiry is that organization's record, dated by its recording; "RECORDS RELEASE"
heads a released record; a chat export's "[Roe (EVP, Ops)] [8:12 AM] ..." is one message each; a
recording's turns open with their time; "was first told of it in November" is not when the
sentence was said, and "Asked about it on Thursday, Acme said" was said then. Each test asserts on
records."""

from __future__ import annotations

from pathlib import Path

from claimcheck.ingest import ingest_paths
from claimcheck.ingest.base import organization_label
from claimcheck.models import INTERNAL_DOC_KINDS
from claimcheck.pipeline import ScanOptions, run


def _docs(path: Path) -> list:
    return [d for r in ingest_paths([path]) for d in r.documents]


def _statements(path: Path) -> list:
    return list(run([path], options=ScanOptions(use_cache=False)).statements)


def _findings(tmp_path: Path, public: tuple[str, str], internal: tuple[str, str]) -> list:
    """The findings of a folder of one public document (press/) and one internal record (internal/)."""
    for folder, (name, text) in (("press", public), ("internal", internal)):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / name).write_text(text, encoding="utf-8")
    return list(run([tmp_path], options=ScanOptions(use_cache=False)).findings)


def _flags(findings: list) -> list:
    return [f for f in findings if f.level in ("contradiction", "tension")]


_MEDIA_RELEASE = (
    "ACME MAIL\n"
    "Media release\n"
    "\n"
    "BERN, 6 February 2018 --\n"
    "\n"
    "Northgate Bus to repay CHF 78.3 million in subsidies\n"
    "\n"
    "The regulator found that Northgate Bus moved profits into other business areas.\n"
    "\n"
    "Acme Mail's group management was first told of the unlawful bookings in\n"
    "November 2017, when the Director of the regulator informed the chief executive.\n")
_BILINGUAL_MEMO = (
    "ACME MAIL AG / ACME MAIL SERVICES\n"
    "Internal Audit - FILE NOTE - CONFIDENTIAL\n"
    "\n"
    "TO:      Chief Executive\n"
    "FROM:    Head of Internal Audit\n"
    "DATE:    21 August 2013\n"
    "RE:      Northgate Bus - allocation of value flows\n"
    "\n"
    "Northgate Bus makes cost rebookings to the detriment of publicly funded transport.\n")


def test_a_media_release_under_its_name_is_that_organizations_and_its_bilingual_letterhead_one_name(
        tmp_path: Path) -> None:
    (tmp_path / "release.txt").write_text(_MEDIA_RELEASE, encoding="utf-8")
    (tmp_path / "memo.txt").write_text(_BILINGUAL_MEMO, encoding="utf-8")
    release = next(d for d in _docs(tmp_path / "release.txt"))
    assert (release.kind, release.organization) == ("press-release", "Acme Mail")
    memo = next(d for d in _docs(tmp_path / "memo.txt"))
    assert ("Acme Mail AG", "Acme Mail Services") in memo.owners
    statements = _statements(tmp_path)
    told = next(s for s in statements if "first told" in s.text)
    # the memo's "ACME MAIL AG" is the release's Acme Mail: the release's words are claims
    assert (told.kind, told.role, told.organization) == ("public", "claim", "Acme Mail")
    # "was first told ... in November 2017" is when management learned it, not when it was said
    assert told.date.start is not None and told.date.start.isoformat() == "2018-02-06"
    record = next(s for s in statements if "rebookings" in s.text)
    assert record.organization == "Acme Mail"


_INTERVIEW_REPLY = (
    "<html><body><article><h1>The chief executive under pressure</h1>\n"
    "<p>By Jane Doe</p>\n"
    "<p>The interview was published on 11 February 2018.</p>\n"
    "<p>Asked about the documents on Thursday, 8 February, Acme Mail said in a written reply that its "
    "chief executive had known of certain conflicts, but not of unlawful bookings.</p>\n"
    "<p>Asked about the regulator's statement last week that the bookings were unlawful, an Acme Mail "
    "spokesman said the company disagreed.</p>\n"
    "</article></body></html>\n")


def test_a_reply_asked_for_on_a_day_was_said_that_day_not_a_week_before(tmp_path: Path) -> None:
    (tmp_path / "2018-02-11-interview.html").write_text(_INTERVIEW_REPLY, encoding="utf-8")
    statements = _statements(tmp_path)
    reply = next(s for s in statements if "written reply" in s.text)
    assert reply.date.start is not None and reply.date.start.isoformat() == "2018-02-08"
    # ("last week" is the regulator's statement's date, not the spokesman's)
    other = next(s for s in statements if "disagreed" in s.text)
    assert other.date.start is not None and other.date.start.isoformat() == "2018-02-11"


_TEAM_STATEMENT = (
    "ACME McROE RACING\n"
    "MEDIA STATEMENT - FOR IMMEDIATE RELEASE\n"
    "\n"
    "WOKING, England, 16 July 2007 --\n"
    "\n"
    "Our own internal investigation confirms that no rival material has at any time been held by any\n"
    "team member other than the chief designer.\n")
_LETTER = (
    "ACME McROE RACING\n"
    "Published text - letter from John Doe to Richard Roe, President, the Federation\n"
    "Woking, 1 August 2007 (extract)\n"
    "\n"
    "We first learned in March 2007 that a rival's mechanic had approached our chief designer.\n")


def test_a_name_in_capitals_with_mc_heads_its_statement_and_its_published_letter_names_the_writer(
        tmp_path: Path) -> None:
    (tmp_path / "statement.txt").write_text(_TEAM_STATEMENT, encoding="utf-8")
    (tmp_path / "letter.txt").write_text(_LETTER, encoding="utf-8")
    statement = next(d for d in _docs(tmp_path / "statement.txt"))
    assert (statement.kind, statement.organization) == ("press-release", "Acme McRoe Racing")
    letter = next(d for d in _docs(tmp_path / "letter.txt"))
    assert (letter.organization, letter.author) == ("Acme McRoe Racing", "John Doe")


_PROCEEDING = (
    "NORTHGATE MOTOR SPORT COUNCIL - EXTRAORDINARY MEETING\n"
    "Paris - Thursday 13 September 2007\n"
    "\n"
    "In the matter of: Acme Racing - Article 151(c) of the Sporting Code\n"
    "\n"
    "EXTRACT OF THE VERBATIM RECORD (pages 41-43)\n"
    "\n"
    "MR. DOE (counsel for Acme): Is the content of your statement true?\n"
    "\n"
    "MR. ROE: Yes.\n"
    "\n"
    "MR. POE (counsel for Globex): The inquiry did not extend to the drivers. Is that right?\n"
    "\n"
    "MR. ROE: That is right. The drivers were not part of it.\n")


def test_a_proceeding_in_the_matter_of_a_party_is_a_hearing_held_by_the_council(tmp_path: Path) -> None:
    (tmp_path / "hearing.txt").write_text(_PROCEEDING, encoding="utf-8")
    doc = next(d for d in _docs(tmp_path))
    assert doc.kind == "testimony"
    # the council holding it is its venue, nobody's voice
    assert doc.organization == ""
    assert all(s.organization != "Northgate Motor Sport Council" for s in _statements(tmp_path))


_CALL = (
    "NORTHGATE INQUIRY COMMISSION\n"
    "Transcript prepared from audio recording of Acme Police teleconference\n"
    "Recording date: April 28, 2020 (approx. 17:45)\n"
    "Released by the Commission: October 2022\n"
    "Document ID: COMM0064410\n"
    "\n"
    "[00:00:12] COMMR. ROE: I'm very frustrated right now. The basics on the guns weren't in the notes.\n"
    "\n"
    "[00:00:41] SUPT. DOE: Commissioner, the investigators were clear that the details couldn't go out yet.\n")


def test_a_recording_of_an_organizations_own_call_is_its_record_dated_by_the_recording(tmp_path: Path) -> None:
    (tmp_path / "call.txt").write_text(_CALL, encoding="utf-8")
    docs = _docs(tmp_path)
    # (read as a timed log or a record: the police's own, of the day it was recorded)
    assert all(d.kind in INTERNAL_DOC_KINDS and d.organization == "Acme Police" for d in docs)
    assert all(d.date.start is not None and d.date.start.isoformat() == "2020-04-28" for d in docs)
    statements = _statements(tmp_path)
    frustrated = next(s for s in statements if "frustrated" in s.text)
    assert frustrated.kind == "internal" and "roe" in frustrated.speaker.lower()
    clear = next(s for s in statements if "investigators were clear" in s.text)
    assert "doe" in clear.speaker.lower()  # (each timed turn its own; "Document ID:" is no speaker)


_RECORDS = (
    "RECORDS RELEASE - INVESTIGATION FILE\n"
    "Item:      Approach radio frequency, 8 January 2020\n"
    "\n"
    "APP:      Nothing has been reported to us. What does this light look like?\n"
    "\n"
    "CREW:     It's a missile light, no doubt about it.\n"
    "\n"
    "APP:      Do you still see anything?\n")


def test_a_records_release_heading_marks_a_released_record(tmp_path: Path) -> None:
    (tmp_path / "2020-01-08-approach.txt").write_text(_RECORDS, encoding="utf-8")
    doc = next(d for d in _docs(tmp_path))
    assert doc.kind == "internal-report"


_CHAT = (
    "Chat export\n"
    "Chat: [Cabin Services] flight 86 response (5 members)\n"
    "\n"
    "--------------- Tuesday, December 9, 2014 ---------------\n"
    "[Roe (EVP, Cabin Services)] [8:12 AM] Everyone's account has to be the same\n"
    "[Team leader A] [8:15 AM] The report from the purser says otherwise\n"
    "[Roe (EVP, Cabin Services)] [8:16 AM] Delete it. We are sending a revised version\n")


def test_a_chat_export_with_bracketed_names_and_times_is_one_message_each(tmp_path: Path) -> None:
    (tmp_path / "chat.txt").write_text(_CHAT, encoding="utf-8")
    docs = _docs(tmp_path)
    assert [d.kind for d in docs] == ["chat"] * 3
    assert [d.author for d in docs] == ["Roe", "Team leader A", "Roe"]
    assert all(d.date.start is not None and d.date.start.isoformat() == "2014-12-09" for d in docs)


_NEWSWIRE = (
    "Acme Coffee Responds to Anonymous Report\n"
    "\n"
    "XIAMEN, China, Feb. 03, 2020 (GLOBE NEWSWIRE) -- Acme Coffee Inc. (NASDAQ: ACF)\n"
    "today issued the following statement regarding an anonymous report circulated on\n"
    "January 31, 2020.\n"
    "\n"
    "Acme Coffee categorically denies all allegations in the report.\n")
_AIRLINE = (
    "ACME AIR -- STATEMENT ON FLIGHT 86 (NEW YORK - SEOUL, DECEMBER 5)\n"
    "\n"
    "SEOUL, December 8, 2014 -- Acme Air Lines Co., Ltd.\n"
    "\n"
    "Acme Air apologizes to the passengers of flight 86 for the inconvenience caused.\n")
_REMARKS = (
    "ACME AIR -- REMARKS BY CHAIRMAN JOHN DOE\n"
    "News conference, Acme Air headquarters, Seoul\n"
    "Friday, December 12, 2014, 09:00\n"
    "\n"
    "I stand here to apologize to our customers. The fault is mine.\n")
_MEDIA_SUMMARY = (
    "CIVIL AVIATION ORGANIZATION OF THE REPUBLIC OF NORTHGATE (CAO.NG)\n"
    "Aircraft Accident Investigation Board\n"
    "\n"
    "PRELIMINARY REPORT - SUMMARY FOR THE MEDIA\n"
    "\n"
    "NORTHGATE, 9 January 2020 --\n"
    "\n"
    "No radio message was received from the pilot.\n")


def test_a_release_by_its_newswire_its_statement_heading_its_remarks_and_its_media_summary(
        tmp_path: Path) -> None:
    for name, text in (("wire.txt", _NEWSWIRE), ("airline.txt", _AIRLINE), ("remarks.txt", _REMARKS),
                       ("summary.txt", _MEDIA_SUMMARY)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    wire = next(d for d in _docs(tmp_path / "wire.txt"))
    # (dated by its dateline, not by the date ending a sentence wrapped onto a short line)
    assert (wire.kind, wire.organization) == ("press-release", "Acme Coffee Inc")
    assert wire.date.start is not None and wire.date.start.isoformat() == "2020-02-03"
    airline = next(d for d in _docs(tmp_path / "airline.txt"))
    assert (airline.kind, airline.organization) == ("press-release", "Acme Air")
    remarks = next(d for d in _docs(tmp_path / "remarks.txt"))
    assert remarks.author == "John Doe"
    summary = next(d for d in _docs(tmp_path / "summary.txt"))
    assert (summary.kind, summary.organization) == (
        "press-release", "Civil Aviation Organization of the Republic of Northgate")


def test_an_e_mail_domain_of_a_governments_second_level_and_a_bilingual_label() -> None:
    assert organization_label("acme-grc.gc.ca") == "acme"
    assert organization_label("acme-sy.com") == "acme"  # (a country's code, as before)
    assert organization_label("acme-widgets.com") == "acme-widgets"


_COMMITTEE = (
    "HOUSE OF COMMONS -- STANDING COMMITTEE ON PUBLIC SAFETY\n"
    "44th Parliament, 1st Session -- Evidence (excerpt)\n"
    "Monday, October 31, 2022\n"
    "\n"
    "The Chair: We resume with our second panel. Commissioner, you have five minutes.\n"
    "\n"
    "Commissioner Jane Roe (Commissioner, Acme Police): Thank you, Mr. Chair. I did not interfere.\n"
    "\n"
    "The Chair: Thank you. Ms. Doe, you have the floor.\n"
    "\n"
    "Ms. Mary Doe (Northgate East, CPC): Commissioner, who asked you to release the details?\n"
    "\n"
    "Commissioner Jane Roe: No one did.\n"
    "\n"
    "Mr. John Poe (Northgate West, LPC): Thank you, Chair.\n")


def test_five_minutes_in_a_chairs_sentence_are_no_minutes(tmp_path: Path) -> None:
    (tmp_path / "committee.txt").write_text(_COMMITTEE, encoding="utf-8")
    doc = next(d for d in _docs(tmp_path))
    assert doc.kind == "testimony"


def test_the_chair_of_a_committee_speaks_for_the_committee_not_its_witness(tmp_path: Path) -> None:
    (tmp_path / "committee.txt").write_text(_COMMITTEE, encoding="utf-8")
    statements = _statements(tmp_path)
    chair = next(s for s in statements if s.text.startswith("We resume"))
    witness = next(s for s in statements if "I did not interfere" in s.text)
    assert witness.organization == "Acme Police"
    assert chair.organization != "Acme Police" and chair.role != "claim"


_NO_LINK = (
    "ACME FOODS -- STATEMENT ON THE LISTERIA OUTBREAK\n"
    "\n"
    "JOHANNESBURG, 5 March 2018 --\n"
    "\n"
    "At this point we are not aware of any direct link between the deaths and our products.\n")
_LAB = (
    "From: QA Manager <qa@acme-foods.example>\n"
    "To: Operations Director <ops@acme-foods.example>\n"
    "Date: Wed, 14 Feb 2018 15:26:00 +0200\n"
    "Subject: Listeria detection on the ready-to-eat line\n"
    "\n"
    "{finding}\n"
    "\n"
    "QA Manager\n"
    "Acme Foods\n")


def _no_link_case(tmp_path: Path, finding: str) -> list:
    return _flags(_findings(tmp_path, ("statement.txt", _NO_LINK), ("lab.eml", _LAB.format(finding=finding))))


def test_a_record_that_could_not_confirm_the_link_shows_no_knowledge_of_it(tmp_path: Path) -> None:
    assert _no_link_case(tmp_path, "Our lab tests of the products have not confirmed the outbreak strain, and the "
                                   "lab does not type strains, so we cannot say which strain it is.") == []


def test_a_record_that_confirmed_the_link_strains_the_denial_of_knowing_it(tmp_path: Path) -> None:
    # the control: the same record, the link confirmed
    assert _no_link_case(tmp_path, "Our lab tests of the products have confirmed the outbreak strain, and the "
                                   "lab has typed the strain in the products.")


_NOTICE = (
    "From: Acme Design <no-reply@acme.example>\n"
    "To: [affected user]\n"
    "Date: Sat, 11 Jan 2020 09:02:17 +1100\n"
    "Subject: Important: we've reset your Acme password\n"
    "\n"
    "Hi there,\n"
    "\n"
    "{before}"
    "This week we learned that a list of about 4 million Acme accounts, with passwords the\n"
    "attackers had managed to decrypt, has been shared online. Your account was on that list,\n"
    "so we have reset your password.\n"
    "\n"
    "The Acme Team\n")
_BREACH_CHANNEL = (
    "From: Security Lead <security@acme.example>\n"
    "To: Leadership <leadership@acme.example>\n"
    "Date: Sun, 26 May 2019 22:10:00 +1000\n"
    "Subject: Intrusion status\n"
    "\n"
    "Scope: we are treating all user records as exposed after the attackers' intrusion; the stolen\n"
    "passwords are hashed and no evidence shows any password has been cracked.\n"
    "\n"
    "Security Lead\n")


def _notice_case(tmp_path: Path, before: str) -> list:
    return _findings(tmp_path, ("notice.eml", _NOTICE.format(before=before)), ("status.eml", _BREACH_CHANNEL))


def test_a_notice_mailed_to_its_users_is_the_organizations_public_word(tmp_path: Path) -> None:
    (tmp_path / "notice.eml").write_text(_NOTICE.format(before=""), encoding="utf-8")
    doc = next(d for d in _docs(tmp_path))
    assert doc.kind == "letter" and doc.organization.lower() == "acme"


def test_learning_a_later_turn_of_a_matter_the_same_notice_dates_to_the_records_is_no_flag(tmp_path: Path) -> None:
    found = _notice_case(tmp_path, "In May 2019 attackers stole encrypted passwords from Acme.\n\n")
    timing = [f for f in found if f.type == "knowledge-timing"]
    assert timing and all(f.level == "candidate" for f in timing)
    assert any(r.code == "disclosed-alongside" for f in timing for r in f.reasons)


def test_learning_dated_this_week_against_an_earlier_record_of_the_matter_is_flagged(tmp_path: Path) -> None:
    # the control: the notice alone, which does not date the matter itself
    found = _notice_case(tmp_path, "")
    assert any(f.type == "knowledge-timing" and f.level in ("contradiction", "tension") for f in found)


_WHATSAPP = (
    "WhatsApp Chat Export - \"Crisis Team\"\n"
    "Exported 2018/03/12 by Group Legal for file\n"
    "\n"
    "04/03/2018, 10:12 - Group Corporate Affairs: The ministry has just called. The minister\n"
    "is briefing the media today; the outbreak is being traced to our plant.\n"
    "04/03/2018, 10:20 - CEO: Crisis team on the call at 11:00. Legal and Quality\n"
    "please join.\n"
    "04/03/2018, 12:41 - Group Quality: Recap for the statement. Our own testing found\n"
    "low-level Listeria in some product on 14 Feb.\n"
    "04/03/2018, 12:44 - Group Quality: Samples have gone to the external lab.\n")


def test_a_chat_export_whose_messages_wrap_is_one_message_each_dated_as_its_file_name_reads(tmp_path: Path) -> None:
    (tmp_path / "2018-03-04-crisis-team-chat.txt").write_text(_WHATSAPP, encoding="utf-8")
    docs = _docs(tmp_path)
    assert [d.author for d in docs] == ["Group Corporate Affairs", "CEO", "Group Quality", "Group Quality"]
    # "04/03/2018" in a file named for 4 March: the day comes first
    assert all(d.kind == "chat" and d.date.start is not None and d.date.start.isoformat() == "2018-03-04" for d in docs)


_SPEAKING_NOTES = (
    "NORTHGATE PROVINCE NPS -- NEWS CONFERENCE, SPEAKING NOTES AS DELIVERED\n"
    "Location: Headquarters, Northgate\n"
    "Date: April 28, 2020, 11:00 a.m.\n"
    "Speaker: Supt. John Doe, Support Services Officer, Northgate Province NPS\n"
    "\n"
    "Good morning.\n"
    "\n"
    "Today I will update you on the timeline our investigators have put together so far.\n")
_NPS_MEMO = (
    "From: Jane Roe <jane.roe@nps.example>\n"
    "To: John Doe <john.doe@nps.example>\n"
    "Date: Wed, 29 Apr 2020 16:22:07 -0300\n"
    "Subject: The timeline\n"
    "\n"
    "The timeline went out without the details we had promised.\n"
    "\n"
    "Jane Roe\n")


def test_speaking_notes_as_delivered_are_a_speech_and_a_regional_unit_speaks_for_its_organization(
        tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text(_SPEAKING_NOTES, encoding="utf-8")
    (tmp_path / "memo.eml").write_text(_NPS_MEMO, encoding="utf-8")
    notes = next(d for d in _docs(tmp_path / "notes.txt"))
    assert (notes.kind, notes.author) == ("speech", "Supt. John Doe")
    statements = _statements(tmp_path)
    update = next(s for s in statements if "timeline our investigators" in s.text)
    # "Speaker: ..." in the heading is no turn; "Northgate Province NPS" is the NPS the memo's writer is of
    assert update.speaker == "Supt. John Doe"
    memo = next(s for s in statements if "without the details" in s.text)
    assert (update.kind, update.role, update.organization) == ("public", "claim", memo.organization)


_DECISION = (
    "NORTHGATE FINANCIAL SERVICES AUTHORITY\n"
    "Regulatory Decision - Mr John Doe (former Chief Executive, Acme Group)\n"
    "Summary of findings (public extract)                               January 2023\n"
    "\n"
    "The Authority has imposed a financial penalty of US$135.6 million on Mr Doe.\n"
    "The Authority found that Mr Doe hid a shortfall of about US$400 million across two funds.\n")


def test_an_authoritys_published_decision_is_its_public_word(tmp_path: Path) -> None:
    (tmp_path / "decision.txt").write_text(_DECISION, encoding="utf-8")
    doc = next(d for d in _docs(tmp_path))
    assert doc.kind == "press-release"
    statements = _statements(tmp_path)
    found = next(s for s in statements if "shortfall" in s.text)
    assert found.kind == "public"


_ARCHIVE = (
    "Export: @AcmeOil timeline (account archive, CSV rendered as text)\n"
    "Range: 2013-01-31 15:00 to 2013-02-01 02:00\n"
    "\n"
    "timestamp            | text\n"
    "2013-01-31 16:12     | The head office is being evacuated because of a problem in the electrical system.\n"
    "2013-01-31 23:30     | Operations, production and fuel supply continue normally across the country.\n")


def test_an_accounts_archive_set_out_as_a_table_is_one_public_post_per_row(tmp_path: Path) -> None:
    (tmp_path / "timeline.txt").write_text(_ARCHIVE, encoding="utf-8")
    docs = _docs(tmp_path)
    assert [d.kind for d in docs] == ["post", "post"]
    assert all(d.organization == "AcmeOil" and d.date.start is not None
               and d.date.start.isoformat() == "2013-01-31" for d in docs)
    assert docs[0].text.startswith("The head office is being evacuated")


_BLOG = (
    "<html><head><title>Learning lessons from the attack - Knowledge Matters blog</title></head><body>\n"
    "<header><p>Acme Library blogs</p><nav>All blogs | Knowledge Matters | About</nav></header>\n"
    "<article><h1>Learning lessons from the attack</h1>\n"
    "<p>Posted 08 March 2024</p>\n"
    "<p>Today we are publishing a paper on the cyber-attack on the Library last October.</p>\n"
    "<p>The Library has made no payment to the criminals responsible for the attack and has not engaged with "
    "them in any way.</p></article>\n"
    "<footer><p>Acme Library, 96 Main Road, Northgate</p></footer></body></html>\n")
_REVIEW = (
    "---\n"
    "title: \"Learning lessons from the attack - Acme Library cyber incident review (extract)\"\n"
    "organization: \"Acme Library\"\n"
    "date: 2024-03-08\n"
    "---\n"
    "\n"
    "About 600GB of files were exfiltrated, including personal data of Library users and staff.\n")


def test_an_organizations_own_blog_and_its_incident_review(tmp_path: Path) -> None:
    (tmp_path / "2024-03-08-blog.html").write_text(_BLOG, encoding="utf-8")
    (tmp_path / "review.md").write_text(_REVIEW, encoding="utf-8")
    blog = next(d for d in _docs(tmp_path / "2024-03-08-blog.html"))
    assert (blog.kind, blog.organization) == ("post", "Acme Library")
    review = next(d for d in _docs(tmp_path / "review.md"))
    assert (review.kind, review.organization) == ("internal-report", "Acme Library")


_LIBRARY_MEMO = (
    "From: Chief Executive <ceo@acmelibrary.example>\n"
    "To: All staff <staff@acmelibrary.example>\n"
    "Date: Mon, 20 Nov 2023 09:00:00 +0000\n"
    "Subject: Update on the attack\n"
    "\n"
    "As we told you last week, the specialists have confirmed that the attack on the Library was ransomware.\n"
    "\n"
    "Chief Executive\n"
    "Acme Library\n")
_LIBRARY_RELEASE = (
    "ACME LIBRARY -- STATEMENT ON THE CYBER-ATTACK\n"
    "\n"
    "NORTHGATE, 8 March 2024 --\n"
    "\n"
    "{claim}\n")


def _library_case(tmp_path: Path, claim: str) -> list:
    return _flags(_findings(tmp_path, ("statement.txt", _LIBRARY_RELEASE.format(claim=claim)),
                            ("update.eml", _LIBRARY_MEMO)))


def test_knowledge_of_another_thing_refutes_no_denied_act(tmp_path: Path) -> None:
    assert _library_case(tmp_path, "The Library has made no payment to the criminals responsible for the attack "
                                   "and has not engaged with them in any way.") == []


def test_settled_knowledge_of_the_matter_strains_a_denial_of_it(tmp_path: Path) -> None:
    # the control: a denial of the fact the record takes as settled
    assert _library_case(tmp_path, "The attack on the Library was not ransomware, the Library said.")


def test_a_statement_heading_names_its_maker_before_a_title_or_the_occasion() -> None:
    from claimcheck.ingest.headers import statement_maker
    assert statement_maker("Statement from Jane Roe following the Northgate Council's decision") == "Jane Roe"
    assert statement_maker("# Statement from Jane Roe, Chief Executive") == "Jane Roe"
    assert statement_maker("Statement from Acme International following the ruling") == ""
    assert statement_maker("Statement from Acme Corporation") == ""  # (the company's, read elsewhere)
