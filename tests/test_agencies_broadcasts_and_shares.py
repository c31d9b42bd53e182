"""What blind sets 42 and 43 showed, read generically (issues 14 and 15): a letterhead may end in a
legal form with dots ("S.p.A.") and a letter record is signed "Yours faithfully"; an agency writes
from a sub-domain of its department's (.gov) and heads its releases in capitals ("UNITED STATES ...
SERVICE"), a statement "attributable to" its spokesman; a post capture's "Thread:" line is no
speaker; a workspace slug ("acmenetwork") names no organization that has its name in words; a
livestream's timed turns are a broadcast, not a chat; "A Memo to the Acme Community" is the
organization's own word. And in comparison: a percentage of one whole is not a percentage of
another; a denial beside a sentence of its own document retelling the record is no hidden
contradiction; "connected without being confirmed virus-free" assures nothing. Each test asserts
on records."""

from __future__ import annotations

from pathlib import Path

from claimcheck.corpus.orgs import canonical_orgs
from claimcheck.ingest.base import organization_label
from claimcheck.ingest.headers import read_header, statement_maker
from folder_helpers import docs as _docs, one as _one, report as _report


def _case(tmp_path: Path, public: tuple[str, str], internal: tuple[str, str]):
    """The report on a folder of one public document (press/) and one internal record (internal/)."""
    for folder, (name, text) in (("press", public), ("internal", internal)):
        _one(tmp_path, folder, name, text)
    return _report(tmp_path)


def _flags(report) -> list:
    return [f for f in report.findings if f.level in ("contradiction", "tension")]


def test_letterhead_with_a_dotted_legal_form_and_a_letter_record_signed_yours_faithfully(tmp_path: Path) -> None:
    _one(tmp_path, "internal", "2018-02-28-letter-to-ministry.txt",
        "Condensed rendering; the original letter's wording is not reproduced.\n\n"
        "ACME PER L'ENERGIA S.p.A.\nDirectorate of Maintenance\n\n"
        "To: Ministry of Works - Directorate General for Concessions\n\n"
        "Northgate/Rome, 28 February 2018\n\n"
        "Re: Northgate viaduct - retrofit of the stays - request for approval\n\n"
        "Further delay in approving the works carries consequences for the safety of the structure.\n\n"
        "Yours faithfully,\n\nJane Roe\nDirector of Maintenance\n")
    (doc,) = _docs(tmp_path)
    assert doc.kind == "internal-report"
    assert doc.organization.startswith("Acme per l'Energia")
    assert doc.author == "Jane Roe"


def test_an_agency_under_its_departments_domain_speaks_as_the_agency() -> None:
    assert organization_label("acmes.dhs.gov") == "acmes"
    assert organization_label("mail.dhs.gov") == "dhs"  # a mail host is no agency
    assert organization_label("dhs.gov") == "dhs"


def test_an_agencys_letterhead_in_capitals_and_a_statement_attributable_to_its_spokesman(tmp_path: Path) -> None:
    _one(tmp_path, "press", "2024-07-20-statement.txt",
        "UNITED STATES PROTECTIVE SERVICE\nOffice of Communication and Media Relations\n"
        "245 Murray Lane SW, Northgate, NG 20223\n\nFOR IMMEDIATE RELEASE\nNORTHGATE, July 20, 2024\n\n"
        "Statement attributable to Chief of Communications Jane Roe\n"
        "regarding resource requests from the detail\n\n"
        "The agency reviewed documentation concerning resource requests submitted by the detail.\n"
        "That review found that some requests for specialized units were not filled at the time.\n")
    (doc,) = _docs(tmp_path)
    assert doc.organization == "United States Protective Service"
    stmts = list(_report(tmp_path).statements)
    assert stmts and {s.speaker for s in stmts} == {"Jane Roe"}
    # a company's own desk is no agency; the United States' houses and courts are no letterhead
    assert read_header("ACME CUSTOMER SERVICE\n\nDear customer,\n").organization != "Acme Customer Service"
    assert read_header("UNITED STATES SENATE\n\nHearing on ...\n").organization == ""
    assert statement_maker("Statement of Acme Corporation") == ""  # the company's, not a person's
    assert statement_maker("Statement attributable to Press Secretary Jane Roe") == "Jane Roe"


def test_a_post_captures_thread_line_is_no_speaker(tmp_path: Path) -> None:
    _one(tmp_path, "press", "2024-07-14-spokesman-post.txt",
        "[Capture of a public social-media post]\nAccount: Jane Roe (@AcmeAgency communications chief)\n"
        "Posted: Sunday, July 14, 2024, 12:05 p.m. ET\n"
        "Thread: replies to posts circulating after the rally\n\n"
        "------------------------------------------------------------------\n"
        "Claims are circulating today that the detail asked for more assets and was turned down.\n"
        "Let us be clear: the idea that the detail requested additional resources and was rebuffed is absolutely false.\n")
    speakers = {s.speaker for s in _report(tmp_path).statements}
    assert "Thread" not in speakers
    assert "Jane Roe" in speakers


def test_a_slug_names_no_organization_that_has_its_name_in_words() -> None:
    names = ["Acmenetwork"] * 10 + ["Acme Network LLC", "Acme", "Acme Network"]
    canon = canonical_orgs(names)
    assert canon["Acmenetwork"] == canon["Acme Network"] != "Acmenetwork"


def test_a_livestreams_timed_turns_are_a_broadcast_not_a_chat(tmp_path: Path) -> None:
    _one(tmp_path, "press", "2021-11-ama-livestream-excerpt.txt",
        "ACME NETWORK -- \"Ask Jane Anything\" weekly livestream\n"
        "Streamed on the Acme video channel, November 2021\n"
        "Excerpt transcribed from the recording (timestamps approximate)\n\n"
        "[00:41:10] HOST: Next question from the chat. People keep saying the founders are dumping tokens.\n"
        "Jane, are you selling your tokens?\n\n"
        "[00:41:22] JANE ROE: Look, I see this every week. If you think I'm selling, I'm not selling.\n"
        "I have more tokens today than I had a year ago.\n\n"
        "[00:41:58] HOST: So no sales at all?\n\n"
        "[00:42:03] JANE ROE: None. My position is only going one way.\n")
    docs = _docs(tmp_path)
    assert docs and all(d.kind != "chat" for d in docs)
    said = [s for s in _report(tmp_path).statements if "not selling" in s.text]
    assert said and all(s.kind == "public" and s.speaker == "Jane Roe" and s.organization == "Acme Network"
                        for s in said)


def test_a_memo_to_the_community_is_the_organizations_own_word(tmp_path: Path) -> None:
    _one(tmp_path, "press", "2022-06-13-memo.md",
        "---\ntitle: \"A Memo to the Acme Community\"\npublisher: Acme Network\ndate: 2022-06-13\n---\n\n"
        "# A Memo to the Acme Community\n\n"
        "Because of extreme market conditions, Acme is pausing all withdrawals, effective immediately.\n\n"
        "We are taking this step so that Acme is in a stronger position to honor its obligations.\n")
    (doc,) = _docs(tmp_path)
    assert doc.kind == "press-release"
    stmts = [s for s in _report(tmp_path).statements if "pausing" in s.text]
    assert stmts and all(s.kind == "public" and s.role == "claim" for s in stmts)


def test_a_headings_name_in_capitals_keeps_its_acronym_and_a_dateline_is_no_host() -> None:
    assert read_header("NORTHGATE RCMP -- NEWS CONFERENCE, SPEAKING NOTES AS DELIVERED\n\n"
                       "Good afternoon.\n").organization == "Northgate RCMP"
    assert read_header("Northgate, D.F., February 1, 2013 -- remarks at the press conference\n\n"
                       "Good afternoon.\n").organization == ""


_RECOVERY = ("2018-08-05-statement.txt",
             "ACME SEMICONDUCTOR -- STATEMENT\nNORTHGATE, August 5, 2018 --\n\n"
             "As of 2:00 p.m. today, about 80% of the Company's impacted tools had been recovered, "
             "and Acme expects full recovery on August 6.\n")


def test_a_share_of_one_whole_is_no_figure_of_another(tmp_path: Path) -> None:
    report = _case(tmp_path, _RECOVERY, ("2018-08-04-finance.txt",
                                         "ACME SEMICONDUCTOR - INTERNAL - FINANCE NOTE\nDate: August 4, 2018\n\n"
                                         "Preliminary from the recovery curve: Q3 revenue hit approx 3%, gross margin about 1 pt.\n"))
    assert not [f for f in report.findings if f.type == "numeric-mismatch" and f.level != "candidate"]


_TOLD = ("2018-08-06-briefing.txt",
         "ACME SEMICONDUCTOR -- INVESTOR BRIEFING, AUGUST 6, 2018\nTranscript\n\n"
         "JANE ROE (Chief Executive Officer): On August 3 a supplier's new tool was connected to our network. "
         "The virus spread to tools and automated material handling systems that run Windows 7 without the "
         "patches needed for their tool automation interface. Infected tools crashed or kept rebooting.\n\n"
         "Our main computer systems, including production information and customer data, were not affected.\n")
_INCIDENT = ("2018-08-04-incident-report.md",
             "---\ntitle: \"Preliminary Incident Report -- Fab Tool Virus Infection\"\n"
             "classification: Acme Confidential\nprepared_by: Corporate Information Technology\ndate: 2018-08-04\n---\n\n"
             "# Preliminary incident report -- fab tool virus infection\n\n## 1. Summary\n"
             "On the evening of Friday 3 August a newly delivered process tool was installed and connected to the fab "
             "network without first being quarantined and scanned. The vendor installation image contained malware. "
             "It propagated over the tool network to other tools and to AMHS controllers.\n\n## 2. Scope\n"
             "- Affected: fab tools and automated material handling systems (AMHS) that run\n"
             "  Windows 7 and had not received the relevant security patch for their\n  automation interface.\n"
             "- Not affected: the production database, the customer data servers and the corporate ERP, which are "
             "segregated from the tool network. Production information and customer data servers unaffected.\n")


def test_a_denial_beside_its_own_documents_retelling_of_the_record_is_no_flag(tmp_path: Path) -> None:
    report = _case(tmp_path, _TOLD, _INCIDENT)
    denials = [f for f in report.findings if f.type == "denial-vs-evidence"]
    assert denials and all(f.level == "candidate" for f in denials)
    assert any(r.code == "disclosed-alongside" for f in denials for r in f.reasons)  # listed for review, with why


def test_connected_without_being_confirmed_virus_free_assures_nothing(tmp_path: Path) -> None:
    _one(tmp_path, "press", "2018-08-05-statement.txt",
        "ACME SEMICONDUCTOR -- STATEMENT\nNORTHGATE, August 5, 2018 --\n\n"
        "The tool was connected to the Company's computer network without first being isolated and confirmed "
        "to be virus-free, and the virus then spread across the network.\n\n"
        "Our products are lead-free and safe.\n")
    stmts = {s.text.split()[1]: s for s in _report(tmp_path).statements}
    assert stmts["tool"].frame.modality != "assurance"
    assert stmts["products"].frame.modality == "assurance"  # "lead-free" still assures


def test_a_record_signed_with_its_title_and_organization_and_no_sign_off(tmp_path: Path) -> None:
    _one(tmp_path, "internal", "2012-01-17-letter.txt",
         "TYPED TRANSCRIPTION OF HANDWRITTEN LETTER\n\nTo James and Paul,\n\n"
         "These substances have gone into our players without my knowledge.\n\n"
         "I cannot sign off on what I have not been told about.\n\n"
         "Jane Roe\nClub Doctor, Acme Football Club\n\n"
         "[Reconstruction for testing; wording invented.]\n")
    (doc,) = _docs(tmp_path)
    assert (doc.author, doc.organization) == ("Jane Roe", "Acme Football Club")


def test_front_matter_naming_whom_a_record_was_written_for_or_by(tmp_path: Path) -> None:
    _one(tmp_path, "internal", "2013-05-review.md",
         "---\ntitle: \"Review of Governance (Extract)\"\nauthor: \"Dr John Doe\"\n"
         "prepared_for: \"Board of Acme Football Club\"\ndate: 2013-05\n---\n\n"
         "The review found a rapid move into exotic supplements.\n")
    _one(tmp_path, "internal", "2020-06-11-note.md",
         "---\ntitle: \"Note: legal basis\"\nfrom: \"Acmestyrelsen (Acme Veterinary and Food Administration), Animal Health\"\n"
         "to: \"Health Authority\"\ndate: 2020-06-11\n---\n\n# Legal basis\n\nThere is no secure legal basis for the order.\n")
    orgs = {d.path.rsplit("/", 1)[-1]: d.organization for d in _docs(tmp_path)}
    assert orgs == {"2013-05-review.md": "Acme Football Club",
                    "2020-06-11-note.md": "Acme Veterinary and Food Administration"}


def test_a_broadcasts_guest_line_and_a_media_conference_heading_name_the_side_that_speaks(tmp_path: Path) -> None:
    _one(tmp_path, "interview", "2013-04-show-transcript.txt",
         "NORTHGATE 360 -- Globex Footy\nInterview segment: Acme captain Jane Roe\n"
         "Broadcast April 2013 (transcribed from broadcast)\n\n"
         "JOHN DOE: Jane, do you know what you were injected with last year?\n\n"
         "JANE ROE: My understanding is it was a peptide. That's what we were told.\n\n"
         "JOHN DOE: Did you think it was banned?\n\n"
         "JANE ROE: No. We were told the doctor had approved it.\n")
    _one(tmp_path, "press", "2013-02-05-media-conference.txt",
         "ACME FOOTBALL CLUB -- MEDIA CONFERENCE\nNorthgate -- Tuesday 5 February 2013\n\n"
         "JOHN ROE: This afternoon the club asked the league to investigate the supplements program.\n\n"
         "JOHN ROE: We will cooperate fully.\n\n"
         "JANE DOE: The players' welfare is our first concern.\n")
    orgs = {d.path.rsplit("/", 1)[-1]: d.organization for d in _docs(tmp_path)}
    assert orgs == {"2013-04-show-transcript.txt": "Acme", "2013-02-05-media-conference.txt": "Acme Football Club"}


def test_a_hearings_chair_named_in_brackets_and_its_subject_naming_the_witness_side(tmp_path: Path) -> None:
    _one(tmp_path, "hearing", "2018-09-05-committee.txt",
         "PARLIAMENT OF THE REPUBLIC OF NORTHGATE\nJoint meeting: Standing Committee on Finance, Portfolio Committees on\n"
         "Public Service and\nAdministration\nNorthgate -- Wednesday, 5 September 2018\n"
         "Subject: Acme International -- evidence of former CEO\n\n"
         "CHAIRPERSON (Mr J. Doe): Mr Roe, you were summoned. You have the floor.\n\n"
         "MR J. ROE: Thank you, Chair. On the day I left I knew of no accounting irregularities in the company's books.\n\n"
         "CHAIRPERSON (Mr J. Doe): The regulators must now move.\n")
    (doc,) = _docs(tmp_path)
    assert doc.organization == "Acme International"
    speakers = {s.speaker for s in _report(tmp_path).statements}
    assert "J. Doe" in speakers and "Chairperson" not in speakers and "CHAIRPERSON" not in speakers


def test_a_review_written_for_an_organizations_board_is_its_record(tmp_path: Path) -> None:
    _one(tmp_path, "records", "2019-03-forensic-extract.txt",
         "=====================================================================\n"
         "PRODUCED TO THE STANDING COMMITTEE ON PUBLIC ACCOUNTS        SCOPA-ACM-0004412\n"
         "PRIVILEGED AND CONFIDENTIAL -- EXTRACT\nGlobex Advisory Services (Pty) Ltd\n"
         "Forensic investigation for the Supervisory Board of Acme Holdings N.V. -- March 2019\n"
         "=====================================================================\n\n"
         "2.1  We identified a series of transactions which we consider fictitious.\n")
    (doc,) = _docs(tmp_path)
    assert doc.organization.startswith("Acme Holdings")


def test_a_listed_companys_announcements_and_results_under_its_name(tmp_path: Path) -> None:
    _one(tmp_path, "press", "2019-12-18-rns.txt",
         "RNS Number : 4417X\nAcme Health Plc\n18 December 2019\n\nAcme Health plc\n(\"Acme\" or the \"Company\")\n\n"
         "Response to share price movement\n\nHaving looked at the report, Acme regards its claims as largely unfounded.\n")
    _one(tmp_path, "press", "2019-08-interim-results.txt",
         "Acme Health plc\nInterim Results for the six months ended 30 June 2019\nLondon, August 2019\n\n"
         "At 30 June 2019 total group borrowings stood at USD 2.1 billion.\n\n"
         "Jane Roe\nChief Financial Officer\n\n[Reconstruction for testing; wording invented.]\n")
    docs = {d.path.rsplit("/", 1)[-1]: d for d in _docs(tmp_path)}
    assert docs["2019-12-18-rns.txt"].kind == "press-release"
    assert docs["2019-08-interim-results.txt"].organization == "Acme Health plc"
    assert docs["2019-08-interim-results.txt"].author == "Jane Roe"
    speakers = {s.speaker for s in _report(tmp_path).statements}
    assert "Rns Number" not in speakers and "RNS Number" not in speakers


def test_a_page_of_an_organizations_newsroom_is_its_release(tmp_path: Path) -> None:
    _one(tmp_path, "press", "2020-11-10-statement.html",
         "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Statement on the legal basis for "
         "the order - Ministry of Fair Trade of Northgate</title></head><body>"
         "<div class=\"topbar\"><a href=\"/\">mft.ng</a> &gt; <a href=\"/news\">News</a> &gt; Press releases</div>"
         "<main><h1>Statement on the legal basis for the order</h1><p>Published 10 November 2020</p>"
         "<p>Over the weekend it came to the ministry's attention that the legal authority for the order was missing. "
         "Until then the problem had not been identified.</p></main></body></html>")
    (doc,) = _docs(tmp_path)
    assert (doc.kind, doc.organization) == ("press-release", "Ministry of Fair Trade of Northgate")


def test_a_time_is_no_organization_and_a_placeholder_domain_names_its_owner(tmp_path: Path) -> None:
    assert organization_label("example-acme.co.uk") == "acme"
    _one(tmp_path, "noise", "2019-09-08-lifeboat.txt",
         "NORTHGATE, 8 September 2019 --\n\nThe inshore lifeboat launched at 3.20pm on Sunday after two paddleboarders "
         "were blown offshore.\n\nBoth were taken aboard and returned to the beach, cold but unhurt.\n")
    assert all(s.organization != "3.20pm" for s in _report(tmp_path).statements)
    assert read_header("TO: Site Quality Managers\nFROM: Group Quality Assurance\nDATE: 2003\nRE: Release criteria\n\n"
                       "Text.\n").organization == ""
