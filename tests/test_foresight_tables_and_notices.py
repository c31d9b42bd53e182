"""What blind sets 44 and 45 showed, read generically (issues 14 and 15): "nobody saw this coming" is a
claim about when the organization knew; a review list takes, of a memo's sentences, the one on the
claim's matter; a brand written "acmeJet" heads its letterhead; a chat export's heading names its
organization in brackets; a Markdown table is read row by row; an acronym may take more than initials
("NAL" for Northgate Airlines); "(Co-CEO)" and "MD & CEO" are titles; a page whose front matter names
its publisher and speaks as "we" is the publisher's own; a memo to "Emergency Council, Acme Corp." is
Acme's, whoever in it wrote it; "[Acme Corp. notice]" is Acme's notice and "Intranet notice" is not.
Each test asserts on records."""

from __future__ import annotations

from pathlib import Path

from claimcheck.corpus.orgs import org_families
from claimcheck.detect.stance import stance_of
from claimcheck.ingest.headers import read_header
from claimcheck.ruleset import load_rules
from folder_helpers import docs as _docs, one as _one, report as _report


def _statement(report, start: str):
    return next(s for s in report.statements if s.text.startswith(start))


def test_nobody_saw_it_coming_is_strained_by_an_earlier_warning_of_the_same_matter(tmp_path: Path) -> None:
    _one(tmp_path, "press", "2022-11-07-commissioner-remarks.txt",
         "NORTHGATE POLICE AGENCY - PRESS RELEASE\n7 November 2022\n\n"
         "Commissioner Jane Roe told the assembly committee that the crowd crush in the festival lane was a "
         "tragedy. \"But nobody, the police included, saw this crowd crush coming,\" she said.\n")
    _one(tmp_path, "internal", "2022-10-26-festival-risk-report.txt",
         "NORTHGATE POLICE AGENCY\nINTERNAL - INTELLIGENCE REPORT\nDate: 26 October 2022\n\n"
         "The festival lane will draw a dense crowd, and we are concerned about a crowd crush in the lane "
         "if officers are not posted there.\n")
    report = _report(tmp_path)
    claim = _statement(report, "But nobody")
    assert stance_of(claim, load_rules()) == "claims-learned"
    flagged = [f for f in report.findings if f.public == claim.id and f.level in ("contradiction", "tension")]
    assert [f.type for f in flagged] == ["knowledge-timing"]


def test_having_seen_it_coming_is_no_claim_about_when_it_was_known(tmp_path: Path) -> None:
    _one(tmp_path, "press", "2022-11-07-release.txt",
         "NORTHGATE POLICE AGENCY - PRESS RELEASE\n7 November 2022\n\n"
         "\"Our officers saw this crowd crush coming and closed the lane in time,\" Commissioner Jane Roe said.\n")
    report = _report(tmp_path)
    assert stance_of(_statement(report, "Our officers saw"), load_rules()) != "claims-learned"


def test_a_brand_with_a_capital_inside_heads_its_letterhead() -> None:
    header = read_header("acmeJet plc\nRegulatory announcement - Cyber incident\n\n"
                         "LUTON, 19 May 2020 - acmeJet has been the target of a cyber attack.\n")
    assert header.organization == "acmeJet plc"


def test_a_chat_exports_heading_names_its_organization_in_brackets(tmp_path: Path) -> None:
    _one(tmp_path, "noise", "2020-03-30-ops-chat.txt",
         "Slack export — #ops-control (acmeJet)\n\n"
         "[2020-03-30 06:41] Duty Ops Manager: Final rescue flights landed overnight.\n"
         "[2020-03-30 06:44] Fleet Planning: Parking plan confirmed for the remaining tails.\n")
    docs = _docs(tmp_path)
    assert [d.kind for d in docs] == ["chat", "chat"]
    assert {d.organization for d in docs} == {"acmeJet"}


def test_a_markdown_table_is_read_row_by_row_without_its_heading_row(tmp_path: Path) -> None:
    _one(tmp_path, "internal", "2020-04-30-incident-timeline.md",
         "---\ntitle: \"Cyber incident - working timeline\"\norganization: Acme Air\ndate: 2020-04-30\n"
         "classification: Strictly confidential\n---\n\n"
         "| When | Event |\n|------|-------|\n"
         "| January 2020 | Intrusion identified by security operations; forensics firm engaged |\n"
         "| April 2020 | Scope confirmed: about 9m customer records exposed; passport data not touched |\n")
    report = _report(tmp_path)
    texts = [s.text for s in report.statements]
    assert any(t.startswith("| January 2020 | Intrusion identified") and "April" not in t for t in texts)
    assert any(t.startswith("| April 2020 | Scope confirmed") for t in texts)
    assert not any("When" in t and "Event" in t for t in texts)


def test_an_efficacy_row_of_a_table_is_no_record_of_harm(tmp_path: Path) -> None:
    _one(tmp_path, "internal", "2021-03-18-topline.md",
         "---\ntitle: Topline results\norganization: Acme Bio\ndate: 2021-03-18\nclassification: Confidential\n---\n\n"
         "| Endpoint | Result |\n|---|---|\n"
         "| Vaccine efficacy, severe disease and hospitalisation | 100% |\n"
         "| Serious adverse events | 12 cases of severe disease in the placebo arm |\n")
    report = _report(tmp_path)
    rules = load_rules()
    assert stance_of(_statement(report, "| Vaccine efficacy"), rules) != "harm"


def test_an_acronym_that_takes_more_than_initials_joins_the_name_it_stands_for() -> None:
    from collections import Counter
    names = {"Northgate Airlines": "Northgate Airlines", "NAL": "NAL"}
    families = org_families(names, Counter({"Northgate Airlines": 5, "NAL": 2}))
    assert families.get("NAL", "NAL") == families.get("Northgate Airlines", "Northgate Airlines")
    other = org_families({"Northgate Airlines": "Northgate Airlines", "XAL": "XAL"},
                         Counter({"Northgate Airlines": 5, "XAL": 2}))
    assert other.get("XAL", "XAL") != other.get("Northgate Airlines", "Northgate Airlines")


def test_a_hyphenated_title_in_a_turns_brackets_and_two_joined_titles_are_no_organization(tmp_path: Path) -> None:
    _one(tmp_path, "hearing", "2022-10-19-press-conference.txt",
         "GLOBEX CORP. -- EMERGENCY PRESS CONFERENCE\nNorthgate -- Wednesday, 19 October 2022\n\n"
         "JANE ROE (Co-CEO): Our users' data was running in duplicate across data centers.\n\n"
         "JANE ROE: What was not duplicated were the operating tools our engineers use.\n")
    _one(tmp_path, "calls", "2025-03-10-analyst-call.txt",
         "Acme Bank Limited -- Analyst Conference Call\nDate: Monday, 10 March 2025\n\n"
         "Moderator: Welcome. I now hand over to Mr. John Doe, MD & CEO.\n\n"
         "John Doe: By around September and October of last year we began to see the differences surfacing.\n\n"
         "John Doe: It went through internal and statutory audits and none of them flagged it.\n")
    report = _report(tmp_path)
    duplicate = _statement(report, "Our users' data")
    assert duplicate.organization.startswith("Globex Corp")
    surfacing = _statement(report, "By around September")
    assert surfacing.organization.startswith("Acme Bank") and surfacing.role == "claim"


def test_a_page_whose_publisher_speaks_as_we_is_its_own_post(tmp_path: Path) -> None:
    _one(tmp_path, "web", "2023-11-07-service-update.md",
         "---\ntitle: \"Service update: cybersecurity incident\"\npublisher: \"Northgate Public Library\"\n"
         "date: 2023-11-07\n---\n\n# Service update -- cybersecurity incident\n\n"
         "We can now confirm the incident was a ransomware attack. At this time there is no evidence that "
         "personal information of staff or customers has been taken.\n")
    _one(tmp_path, "news", "2023-11-08-report.md",
         "---\ntitle: \"Library hit by ransomware\"\npublisher: \"Northgate Courier\"\nauthor: John Doe\n"
         "date: 2023-11-08\n---\n\nThe Northgate Public Library said a ransomware attack had shut its website.\n")
    (own, story) = sorted(_docs(tmp_path), key=lambda d: d.path)[::-1]
    assert (own.kind, own.organization) == ("post", "Northgate Public Library")
    assert story.kind != "post"


def test_a_memo_to_a_governing_body_of_an_organization_is_its_record(tmp_path: Path) -> None:
    _one(tmp_path, "internal", "2022-10-21-working-memo.txt",
         "TO:    Emergency Council, Acme Corp.\nFROM:  Incident Recovery Working Group\nDATE:  21 October 2022\n"
         "RE:    Why recovery took days\n\n"
         "1. The operations tools ran only in the burned building.\n"
         "2. With those offline, switching services to other sites had to be done by hand.\n")
    _one(tmp_path, "noise", "2022-12-10-canteen.txt",
         "TO: All staff, Riverside\nFROM: Facilities\nDATE: 10 December 2022\nRE: Canteen hours\n\n"
         "The canteen closes at 14:00 on 24 December.\n")
    _one(tmp_path, "letters", "2009-01-07-letter-to-board.txt",
         "To: The Board of Directors, Northgate Computer Services Ltd.\nFrom: John Doe, Chairman\n"
         "Date: January 7, 2009\n\nDear Board Members,\n\nThe cash on the balance sheet does not exist.\n")
    docs = {d.path.split("/")[-1]: d for d in _docs(tmp_path)}
    memo = docs["2022-10-21-working-memo.txt"]
    assert memo.organization == "Acme Corp."
    assert docs["2022-12-10-canteen.txt"].organization != "Riverside"
    letter = docs["2009-01-07-letter-to-board.txt"]
    assert letter.kind == "memo" and letter.organization.startswith("Northgate Computer Services")


def test_an_organizations_bracketed_notice_is_its_own_and_an_intranet_notice_is_not(tmp_path: Path) -> None:
    _one(tmp_path, "press", "2022-10-15-notice.txt",
         "[Acme Corp. notice -- English version]\nNorthgate, October 15, 2022\n\n"
         "Service disruption caused by data center fire\n\n"
         "At around 3:30 this afternoon, a fire at the data center cut power to our equipment there.\n\nAcme Corp.\n")
    _one(tmp_path, "noise", "2014-07-21-canteen.txt",
         "Intranet notice - Northgate site services\nDate: 21 July 2014\n\n"
         "The main canteen in building 80 will serve a reduced menu during the summer works.\n")
    docs = {d.path.split("/")[-1]: d for d in _docs(tmp_path)}
    notice = docs["2022-10-15-notice.txt"]
    assert (notice.kind, notice.organization) == ("post", "Acme Corp.")
    assert docs["2014-07-21-canteen.txt"].organization != "Intranet"


def test_the_review_list_takes_the_sentence_of_a_record_on_the_claims_matter() -> None:
    # (a blind case, read as a newcomer's folder): a board's letter calling reporting "outright
    # falsehoods" is listed with its own files; of each file's sentences, the one on reporting and
    # deposits, not an instruction about what to tell patrons
    case = Path(__file__).parent / "blind32" / "crown-resorts-riverbank-accounts-2019"
    report = _report(case)
    by_id = {s.id: s for s in report.statements}
    claim = _statement(report, next(s.text for s in report.statements if "outright falsehoods" in s.text)[:40])
    listed = [by_id[i].text for f in report.findings if f.public == claim.id for i in f.internal]
    assert any("reporting threshold" in t for t in listed)
    assert any("No change to existing reporting" in t for t in listed)


def test_a_name_in_capitals_with_and_over_a_media_statement_is_the_releases_organization(tmp_path: Path) -> None:
    _one(tmp_path, "press", "2019-11-28-statement.txt",
         "NORTHGATE HEALTH AND CARE BOARD — MEDIA STATEMENT\n\n"
         "NORTHGATE, 28 November 2019 — Responding to reports about water safety, a spokesperson said:\n\n"
         "\"Every inspection report on the water system has been followed up.\"\n")
    (doc,) = _docs(tmp_path)
    assert (doc.kind, doc.organization) == ("press-release", "Northgate Health and Care Board")


def test_opposed_stances_on_no_shared_term_are_listed_not_flagged(tmp_path: Path) -> None:
    _one(tmp_path, "press", "2018-06-17-statement.txt",
         "ACME HOLDINGS LIMITED - MEDIA STATEMENT\n17 June 2018\n\n"
         "The group learned of the intrusion on the evening of Thursday 14 June and reported it to the "
         "relevant authorities straight away.\n")
    _one(tmp_path, "noise", "2018-06-11-office-move.eml",
         "From: Facilities <facilities@acmeholdings.com>\nTo: All staff <staff@acmeholdings.com>\n"
         "Date: Mon, 11 Jun 2018 09:00:00 +0200\nSubject: Office move\n\n"
         "Teams on floors 6 and 7 will move to the refurbished north wing over the weekend.\n\n"
         "Please pack desks into the crates provided by Thursday and label them.\n")
    report = _report(tmp_path)
    claim = _statement(report, "The group learned")
    assert not [f for f in report.findings if f.public == claim.id and f.level in ("contradiction", "tension")]


def test_a_request_for_internal_checks_is_no_internal_marking() -> None:
    header = read_header("TO:    Automobile Bureau, Ministry of Transport\nFROM:  Acme Motors, Ltd.\nDATE:  2016\n"
                         "RE:    Response to request for internal check of test practices\n\nOur review found nothing.\n")
    assert header.internal is False
    marked = read_header("FOR INTERNAL USE ONLY\nTO: Board\nFROM: Jane Roe\nDATE: 2016\nRE: Tests\n\nText.\n")
    assert marked.internal is True


def test_a_chat_export_names_its_organization_after_the_unit_that_exported_it(tmp_path: Path) -> None:
    _one(tmp_path, "internal", "2023-11-bridge-export.txt",
         "Teams -- chat export\nChannel: Cyber Incident Bridge (restricted)\n"
         "Exported by: IT Security, Northgate Public Library\n\n"
         "[2023-10-29 02:14] IT Security Lead: Encryption stopped spreading after we pulled the core links.\n"
         "[2023-10-29 09:30] Director, Digital Services: Website and public PCs stay dark until cleared.\n")
    docs = _docs(tmp_path)
    assert [d.kind for d in docs] == ["chat", "chat"]
    assert {d.organization for d in docs} == {"Northgate Public Library"}


def test_a_unit_in_a_turns_brackets_and_a_hall_heading_a_transcript_name_no_organization(tmp_path: Path) -> None:
    _one(tmp_path, "hearing", "2022-10-19-conference.txt",
         "GLOBEX CORP. -- EMERGENCY PRESS CONFERENCE\nNorthgate -- Wednesday, 19 October 2022\n\n"
         "JANE ROE (Co-CEO): We apologise to everyone affected by the outage.\n\n"
         "GLOBEX OFFICIAL (Infrastructure): Most of our servers went offline within minutes of the fire.\n")
    _one(tmp_path, "briefings", "2022-05-25-briefing.txt",
         "NORTHGATE HIGH SCHOOL AUDITORIUM -- STATE BRIEFING ON THE SHOOTING\nWednesday, May 25, 2022\n\n"
         "COL. JOHN DOE (Director, Northgate Department of Public Safety): The suspect went into the west "
         "side of the building.\n\nCOL. DOE: Local officers arrived and kept him contained.\n")
    report = _report(tmp_path)
    assert _statement(report, "Most of our servers").organization.startswith("Globex")
    assert all(s.organization != "Northgate High School Auditorium" for s in report.statements)


def test_a_notice_to_customers_is_a_release_and_an_announcement_signed_by_its_chief_speaks_in_his_name(
        tmp_path: Path) -> None:
    _one(tmp_path, "press", "2018-06-16-notice.txt",
         "ACME — NOTICE TO CUSTOMERS AND STAKEHOLDERS\n\nNORTHGATE, 16 June 2018\n\n"
         "We are sorry to tell our customers that an outside party has gained access to parts of our systems.\n")
    _one(tmp_path, "press", "2018-06-17-announcement.txt",
         "ACME HOLDINGS LIMITED\n(Incorporated in Northgate)\n\nANNOUNCEMENT — DATA SECURITY INCIDENT\n\n"
         "Northgate, 17 June 2018\n\nThe group learned of the intrusion on the evening of Thursday 14 June.\n\n"
         "John Doe, Group Chief Executive\n\nSponsor: Globex Bank\n")
    _one(tmp_path, "press", "2018-06-18-update.txt",
         "ACME HOLDINGS LIMITED -- MEDIA STATEMENT\n\nNorthgate, 18 June 2018\n\nThe investigation continues.\n\n"
         "Jane Roe, Media Relations Manager\n")
    docs = {d.path.split("/")[-1]: d for d in _docs(tmp_path)}
    assert docs["2018-06-16-notice.txt"].kind == "press-release"
    assert docs["2018-06-17-announcement.txt"].author == "John Doe"
    assert docs["2018-06-18-update.txt"].author != "Jane Roe"  # a media contact, not the voice


def test_a_records_release_numbered_under_its_rules_is_read_record_by_record(tmp_path: Path) -> None:
    _one(tmp_path, "records", "inquiry-exhibits.txt",
         "RECORDS RELEASE — EXHIBITS TENDERED TO THE INQUIRY (EXCERPTS)\nProduced by Acme Limited under notice.\n\n"
         "-------------------------------------------------------------------------------\n"
         "ACME.0041187\nFrom: International Sales Manager, Acme (Northgate)\nTo:   Globex Holdings Ltd (London)\n"
         "Date: [day and month redacted] 1999\nSubject: Shipments - handling of inland transport\n\n"
         "  We would prefer to have an outside party bill freight and trucking together as a single line.\n\n"
         "                                                       Page 1 of 1   ACME.0041187\n"
         "-------------------------------------------------------------------------------\n"
         "ACME.0098032\nACME INTERNATIONAL — MARKET REPORT (extract)\n"
         "Prepared by: Middle East sales desk      Distribution: Senior management\n\n"
         "  Inland transport charges go through a haulier, which passes them on to the ministry.\n\n"
         "                                                       Page 3 of 11  ACME.0098032\n"
         "-------------------------------------------------------------------------------\n")
    docs = [d for d in _docs(tmp_path) if d.part.startswith("rec")]
    assert len(docs) == 2
    assert (docs[0].date.start.year, docs[0].date.precision) == (1999, "year")
    assert docs[1].author == "Middle East sales desk"
