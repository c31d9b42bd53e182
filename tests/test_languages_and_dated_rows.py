"""What blind sets 49-51 showed, read generically (issues 14 and 15): records arrive in other languages
(a letterhead "SECRETARÍA DE ...", a "Comunicado de prensa", "Para:/De:" labels, bilingual labels
"TO / DESTINATAIRE:", a date written 2022年7月22日); a memo to an elected council or a report to a
regulator is the organization's word on the record, not its internal note; a log's rows carry their
own dates; "City of Northgate" and "Northgate" are one government; a minister's portfolio ("Secretary
of Energy") names no organization. And what must not flag: an instruction not to do something ("Do
not send it outside the company") is no record that an act was not done. Each test asserts on records
or on the report's findings."""

from __future__ import annotations

from pathlib import Path

from claimcheck.corpus.orgs import canonical_orgs
from claimcheck.dates.values import parse_date_value
from claimcheck.evaluate.matching import keyword_hits
from claimcheck.ingest.headers import org_of_phrase
from folder_helpers import docs as _docs, one as _one, report as _report

_FLAGS = ("contradiction", "tension")


def test_a_letterhead_of_a_public_body_in_spanish_names_the_organization_of_its_release(tmp_path: Path) -> None:
    _one(tmp_path, "press", "2019-06-16-comunicado.txt",
         "SECRETARÍA DE PESCA\nMinisterio de Hacienda -- República de Northgate\n\nCOMUNICADO DE PRENSA\n"
         "Northgate, 16 de junio de 2019\n\nThe causes of the event have not yet been established.\n")
    [doc] = _docs(tmp_path)
    assert doc.organization == "Secretaría de Pesca"
    report = _report(tmp_path)
    assert {s.organization for s in report.statements if "causes of the event" in s.text} == {"Secretaría de Pesca"}


def test_a_ministers_portfolio_names_no_organization_but_a_company_after_a_title_does() -> None:
    assert org_of_phrase("Secretary of Energy") == ""
    assert org_of_phrase("CEO of Acme AG") == "Acme AG"
    assert org_of_phrase("Director of Acme Energy") == "Acme Energy"


def test_a_bilingual_memo_to_the_elected_council_is_the_citys_letter_on_the_record(tmp_path: Path) -> None:
    _one(tmp_path, "press", "2019-07-27-memo.txt",
         "CITY OF NORTHGATE - MEMORANDUM / NOTE DE SERVICE\n\n"
         "TO / DESTINATAIRE:   Mayor and Members of Council\n"
         "FROM / EXPÉDITEUR:   General Manager, Transportation Services Department\n"
         "DATE:                July 27, 2019\n"
         "RE / OBJET:          Light rail - trial running to begin\n\n"
         "Trial running will require at least 98 per cent of scheduled service on each of 12 consecutive days.\n")
    [doc] = _docs(tmp_path)
    assert (doc.kind, doc.organization, doc.date.iso()) == ("letter", "City of Northgate", "2019-07-27")
    assert doc.title == "Light rail - trial running to begin"
    report = _report(tmp_path)
    assert {s.kind for s in report.statements if "98 per cent" in s.text} == {"public"}


def test_a_memo_between_two_offices_stays_internal(tmp_path: Path) -> None:
    _one(tmp_path, "internal", "2019-08-16-note.txt",
         "MEMORANDUM\n\nTO:   Director, Rail Operations\nFROM: General Manager\nDATE: August 16, 2019\n\n"
         "Trial running results are to be rescored on the older form.\n")
    [doc] = _docs(tmp_path)
    assert doc.kind == "memo"


def test_a_report_to_a_regulator_dated_in_japanese_is_the_companys_submission(tmp_path: Path) -> None:
    _one(tmp_path, "records", "report-to-regulator.txt",
         "                                        2022年7月22日\n"
         "To: Insurance Business Division, Supervisory Bureau, Northgate Financial Agency\n\n"
         "                                        Acme Insurance Inc.\n\n"
         "Voluntary report on suspected inappropriate claims by a repair partner\n\n"
         "Having examined that report, we were unable to confirm that any instruction to commit fraud was given.\n")
    [doc] = _docs(tmp_path)
    assert (doc.kind, doc.date.iso(), doc.date.precision) == ("filing", "2022-07-22", "day")


def test_dates_written_with_year_month_day_characters_are_read() -> None:
    day = parse_date_value("2022年7月22日", source="header")
    month = parse_date_value("2022年7月", source="header")
    assert day is not None and (day.iso(), day.precision) == ("2022-07-22", "day")
    assert month is not None and (month.start.isoformat(), month.end.isoformat(), month.precision) == \
        ("2022-07-01", "2022-07-31", "month")


def test_spanish_labels_and_an_internal_notice_mark_a_staff_notice_internal(tmp_path: Path) -> None:
    _one(tmp_path, "noise", "2019-06-10-aviso.txt",
         "ACME S.A. - PLANTA NORTE\nAVISO INTERNO / INTERNAL NOTICE\nFecha: 10 de junio de 2019\n"
         "Para: Personal de planta\nDe: Jefatura de Planta\n\nShift changes for the winter harvest schedule begin on Monday.\n")
    [doc] = _docs(tmp_path)
    assert doc.kind in ("memo", "internal-report") and doc.date.iso() == "2019-06-10"
    assert doc.author == "Jefatura de Planta"


def test_a_logs_rows_with_a_date_column_are_records_of_their_own_days(tmp_path: Path) -> None:
    _one(tmp_path, "internal", "scores-2019.csv",
         "# Acme Rail - daily scorecard summary\n"
         "date,day_count,daily_result,remarks\n"
         "2019-07-29,1,OVERALL FAIL,travel times failed all segments\n"
         "2019-08-16,7,PASS,criteria version changed per the contractor's letter\n")
    docs = _docs(tmp_path)
    rows = {d.part: (d.date.iso(), d.line_base) for d in docs if d.part}
    assert rows == {"r3": ("2019-07-29", 3), "r4": ("2019-08-16", 4)}
    report = _report(tmp_path)
    dated = {s.source.line: s.date.iso() for s in report.statements if "criteria version" in s.text or "travel times" in s.text}
    assert dated == {3: "2019-07-29", 4: "2019-08-16"}


def test_a_month_column_dates_its_rows_by_month(tmp_path: Path) -> None:
    _one(tmp_path, "internal", "sheet.csv",
         "site,month,units_real,units_declared\nA-01,2016-09,48210,19300\nA-02,2016-10,22480,11020\n")
    parts = {d.part: (d.date.iso(), d.date.precision) for d in _docs(tmp_path) if d.part}
    assert parts == {"r2": ("2016-09", "month"), "r3": ("2016-10", "month")}


def test_a_log_dated_on_one_day_only_stays_one_record(tmp_path: Path) -> None:
    _one(tmp_path, "internal", "ride-log-2016-10-25.csv",
         "date,time,event\n2016-10-25,09:55,Ride opened to guests after checks\n2016-10-25,13:09,South pump stopped again\n")
    assert [d.part for d in _docs(tmp_path)] == [""]


def test_a_city_and_its_place_name_are_one_organization() -> None:
    canon = canonical_orgs(["City of Northgate", "City of Northgate", "Northgate"])
    assert canon["Northgate"] == canon["City of Northgate"] == "City of Northgate"


def test_a_table_column_name_matches_a_keyword_written_with_underscores() -> None:
    assert keyword_hits("site A-01, units real 48210, units declared 19300.", ["units_real", "units_declared"]) == 2


def test_an_instruction_not_to_send_it_is_no_record_that_an_act_was_not_done(tmp_path: Path) -> None:
    _one(tmp_path, "press", "2019-06-28-statement.txt",
         "ACME SALMON S.A. -- PUBLIC STATEMENT\n28 June 2019\n\n"
         "Based on an initial review, the company believes the articles present a distorted picture\nof our operations.\n\n"
         "Acme Salmon today reports the conclusions of the forensic review it commissioned.\n")
    _one(tmp_path, "internal", "2016-09-12-instruction.eml",
         "From: Production Management <produccion@acmesalmon.example>\nTo: Area heads <areas@acmesalmon.example>\n"
         "Date: Mon, 12 Sep 2016 08:31:57 -0300\nSubject: Weekly load - new criterion\n\n"
         "The weekly figure you load must come from the declared column.\n"
         "Do not send it outside the company and do not copy it into any report that goes to the fisheries service.\n\n"
         "Production Management\nAcme Salmon S.A.\n")
    report = _report(tmp_path)
    contrary = [f for f in report.findings if f.level in _FLAGS and any(r.code == "negated-act" for r in f.reasons)]
    assert contrary == []


def test_a_quoted_message_from_a_free_mail_address_is_placed_by_its_own_signature(tmp_path: Path) -> None:
    _one(tmp_path, "internal", "2009-08-05-thread.eml",
         "From: Jane Roe <jroe@acme-athletics.example>\nTo: Dr John Doe <jdoe.medical@isp-mail.example>\n"
         "Date: Wed, 05 Aug 2009 16:42:10 +0200\nSubject: RE: team medical matter\n\n"
         "Doc,\n\nGo ahead with the medical work-up before the championships.\n\nRegards\nJane Roe\nGeneral Manager\n"
         "Acme Athletics Federation\n\n-----Original Message-----\n"
         "From: Dr John Doe [mailto:jdoe.medical@isp-mail.example]\nSent: 05 August 2009 10:17\nTo: Jane Roe\n"
         "Subject: team medical matter\n\nDear Jane\n\nEither we get an opinion from a specialist here at home and carry that "
         "report with us, or we leave things as they are.\n\nKind regards\nDr John Doe\nChief Medical Officer, AAF\n")
    quoted = [d for d in _docs(tmp_path) if d.quoted]
    assert [(d.author, d.organization) for d in quoted] == [("Dr John Doe", "AAF")]


def test_a_witness_is_named_without_honorific_or_letters_and_placed_in_the_government_his_title_names(
        tmp_path: Path) -> None:
    _one(tmp_path, "hearing", "2020-08-11-committee-transcript.txt",
         "PARLIAMENT OF NORTHGATE\nPUBLIC ACCOUNTS AND ESTIMATES COMMITTEE\nInquiry into the response to the pandemic\n"
         "Tuesday, 11 August 2020\n\nUNCORRECTED TRANSCRIPT\n\nWITNESS: The Hon. Jane Roe MP, Premier of Northgate.\n\n"
         "The CHAIR: Thank you, Premier.\n\n"
         "A MEMBER: Why were private guards chosen instead of soldiers?\n\n"
         "Ms ROE: My understanding is that help of that kind was never on the table for the state.\n")
    report = _report(tmp_path)
    said = {(s.speaker, s.organization) for s in report.statements if "never on the table" in s.text}
    assert said == {("Jane Roe", "Government of Northgate")}


def test_a_witness_placed_by_a_head_of_governments_title_is_placed_so_in_a_release_too(
        tmp_path: Path) -> None:
    _one(tmp_path, "press", "2020-03-27-media-release.txt",
         "MEDIA RELEASE\nFROM THE PREMIER\n\nFriday, 27 March 2020\n\n"
         "Following agreement at National Cabinet today, travellers will be quarantined in hotels. National Cabinet "
         "has also agreed that the defence force will help.\n\n"
         "Premier Jane Roe said: \"These are the next steps we need to take to slow the spread of this virus.\"\n")
    _one(tmp_path, "hearing", "2020-08-11-committee-transcript.txt",
         "PARLIAMENT OF NORTHGATE\nPUBLIC ACCOUNTS AND ESTIMATES COMMITTEE\nTuesday, 11 August 2020\n\n"
         "UNCORRECTED TRANSCRIPT\n\nWITNESS: The Hon. Jane Roe MP, Premier of Northgate.\n\n"
         "A MEMBER: Why were private guards chosen?\n\n"
         "Ms ROE: I am glad you raised it, because there is a lot of misunderstanding about it. My understanding is "
         "that help of that kind was never on the table for the state. The idea that soldiers were turned away is "
         "just not right.\n")
    report = _report(tmp_path)
    placed = {s.organization for s in report.statements if s.speaker == "Jane Roe"}
    assert placed == {"Government of Northgate"}


def test_a_chat_exports_slashed_dates_are_read_in_the_order_that_keeps_them_near_the_files_day(
        tmp_path: Path) -> None:
    _one(tmp_path, "internal", "2017-06-06-ops-chat.txt",
         "Group export: \"EOD Ops Bridge\"\n\n"
         "06/06/2017 22:47 - Reconciliation Analyst: Ledger out of balance on the savings book.\n"
         "06/06/2017 23:14 - Batch Lead: The job re-read six days of files and posted them again.\n"
         "07/06/2017 02:40 - Head of Operations: Root cause confirmed, reversal job being built.\n")
    days = sorted({d.date.iso() for d in _docs(tmp_path)})
    assert days == ["2017-06-06", "2017-06-07"]


def test_a_pledge_is_not_broken_by_a_record_that_a_leak_was_stopped(tmp_path: Path) -> None:
    _one(tmp_path, "press", "2008-12-22-release.txt",
         "ACME POWER AUTHORITY -- NEWS RELEASE\nDecember 22, 2008\n\n"
         "Acme is sampling river water upstream and downstream of the plant together with state agencies and "
         "will share results as they become available.\n")
    _one(tmp_path, "internal", "2009-01-09-notice.txt",
         "ACME POWER AUTHORITY -- FOSSIL POWER GROUP\nINTERNAL USE ONLY\nDate: January 9, 2009\n\n"
         "Early this morning a leak developed in a storage pond at the river plant. Some water reached the river. "
         "The leak has been stopped. Regulators have been notified.\n")
    report = _report(tmp_path)
    assert [f for f in report.findings if f.level in _FLAGS] == []


def test_a_government_is_the_same_organization_by_its_place_its_adjective_or_its_name() -> None:
    from claimcheck.evaluate.matching import organization_matches
    assert organization_matches("Government of Northgate", "Northgatean Government")
    assert organization_matches("Northgate", "Government of Northgate")
    assert organization_matches("City of Northgate", "Northgate")
    assert not organization_matches("Government of Northgate", "Government of Westmark")
    assert not organization_matches("Ministry of Energy", "Government of Northgate")


def test_a_signature_naming_a_unit_then_its_city_places_the_sender_in_the_city() -> None:
    from claimcheck.ingest.email.signature import signature_organization
    sig = ["Director, Rail Operations", "Northgate Transit | City of Northgate"]
    assert signature_organization(sig, author="Director, Rail Operations", label="northgate") == "City of Northgate"


def test_no_evidence_that_cards_were_compromised_is_not_refuted_by_a_record_that_the_breach_was_found(
        tmp_path: Path) -> None:
    _one(tmp_path, "press", "2018-04-23-security-statement.txt",
         "ACME RIDES -- SECURITY STATEMENT\n23 April 2018\n\n"
         "On 14 January we found unauthorised access to a computer system that stores customer and driver data.\n\n"
         "We have seen no evidence that passwords or credit card numbers were compromised.\n")
    _one(tmp_path, "internal", "2018-04-02-notice-timing.eml",
         "From: Jane Roe <jane.roe@acmerides.example>\nTo: Security team <security@acmerides.example>\n"
         "Date: Mon, 02 Apr 2018 09:10:00 +0400\nSubject: Customer notice - timing\n\n"
         "Please make sure the notice says 14 January is when we found it, not when it started, and that it is "
         "clear card data and passwords were outside the affected store.\n\nJane Roe\nHead of Security, Acme Rides\n")
    report = _report(tmp_path)
    assert [f for f in report.findings if f.level in _FLAGS] == []


def test_a_pledge_that_branches_stay_open_is_not_broken_by_a_batch_cycle_stopped(tmp_path: Path) -> None:
    _one(tmp_path, "press", "2017-06-07-advisory.txt",
         "ACME BANK - CLIENT ADVISORIES, 7 JUNE 2017\n\nUPDATE - 7 June 2017, 9:30 AM\n\n"
         "We have traced the problem to an internal system error: certain transactions were posted a second time on the "
         "evening of June 6. To speed up the corrections, access to our electronic channels is temporarily suspended. "
         "All branches will open on\nschedule and will stay open until 7:30 PM today.\n")
    _one(tmp_path, "internal", "2017-06-08-incident-report.eml",
         "From: Head of Core Banking Operations <cbo@acmebank.example>\nTo: President <president@acmebank.example>\n"
         "Date: Thu, 08 Jun 2017 10:00:00 +0800\nSubject: Incident report - double posting (EOD 6 June)\n\n"
         "What happened: during the 6 June end-of-day run, the posting job read its input from the archive folder. "
         "Transaction files were posted a second time.\n\n"
         "Detection: reconciliation break at 22:47; cause confirmed 23:14; cycle stopped 23:20.\n\n"
         "Security: Information Security reviewed batch server, scheduler and network logs. Not a cyber incident.\n\n"
         "Head of Core Banking Operations\nAcme Bank\n")
    report = _report(tmp_path)
    assert [f for f in report.findings if f.level in _FLAGS] == []


def test_a_letter_to_a_regulator_signed_yours_sincerely_is_the_companys_submission(tmp_path: Path) -> None:
    _one(tmp_path, "correspondence", "2017-10-letter-to-regulator.txt",
         "Acme Limited\nOffice of the Chief Legal Officer\n\nTo: Northgate Securities and Investments Commission\n"
         "Attention: Deputy Senior Executive Leader\n\nRe: Fee for no service - independent external review\n\n"
         "We enclose the final report. The report was prepared independently by Roe & Partners and sets out its "
         "findings on how the practice arose.\n\nYours sincerely\n\nOffice of the Chief Legal Officer\nAcme Limited\n")
    [doc] = _docs(tmp_path)
    assert doc.kind == "filing"
    report = _report(tmp_path)
    assert {(s.kind, s.organization) for s in report.statements if "prepared independently" in s.text} == \
        {("public", "Acme Limited")}


def test_a_designs_purpose_is_no_assurance_an_earlier_worry_strains(tmp_path: Path) -> None:
    _one(tmp_path, "press", "2016-03-30-cause.md",
         "---\ntitle: \"Cause of the March 22 system malfunction\"\npublisher: \"Acme Airways Co., Ltd.\"\n"
         "date: 2016-03-30\ncategory: press release\n---\n\n"
         "The domestic passenger system runs on four database servers.\n\n"
         "To protect data consistency, each server is designed to shut itself down when\nthis happens.\n")
    _one(tmp_path, "internal", "2016-03-22-ops-chat.txt",
         "IT ops bridge export, 2016-03-22\n\n"
         "[2016-03-22 04:10] DB Lead: I am worried the consistency guard will shut the database servers down one by one.\n"
         "[2016-03-22 04:12] Network Lead: Concerned the sync switch is failing silently.\n")
    report = _report(tmp_path)
    assert [f for f in report.findings if f.level in _FLAGS] == []


def test_front_matter_marked_official_sensitive_is_an_internal_record(tmp_path: Path) -> None:
    _one(tmp_path, "internal", "2023-07-post-incident-summary.md",
         "---\ntitle: \"Post-incident summary\"\ndate: 2023-07-14\nprepared_by: Head of Digital, Data and Technology\n"
         "audience: Executive Team; Audit and Risk Assurance Committee\nclassification: OFFICIAL-SENSITIVE\n---\n\n"
         "## Timeline\n\n- **August 2021** - Forensic analysis shows the attacker's first foothold on our mail server "
         "dates from this month.\n")
    [doc] = _docs(tmp_path)
    assert doc.kind in ("internal-report", "memo")


def test_a_public_notification_under_the_bodys_name_is_its_release(tmp_path: Path) -> None:
    _one(tmp_path, "press", "2023-08-08-notification.txt",
         "THE NORTHGATE COMMISSION\nPUBLIC NOTIFICATION\n\nLondon, 8 August 2023\n\nCyber-attack on our systems\n\n"
         "The Northgate Commission has been the target of a cyber-attack. Suspicious activity was spotted in "
         "October 2022.\n")
    [doc] = _docs(tmp_path)
    assert (doc.kind, doc.organization) == ("press-release", "The Northgate Commission")


def test_a_message_to_all_students_is_the_organizations_word_in_public_signed_without_titles(tmp_path: Path) -> None:
    _one(tmp_path, "press", "2019-06-04-message.eml",
         "From: Vice-Chancellor <vc@acme-uni.example>\nTo: all-staff@acme-uni.example, all-students@acme-uni.example\n"
         "Date: Tue, 04 Jun 2019 09:30:00 +1000\nSubject: Important: data breach\n\n"
         "Dear members of the community,\n\nWe discovered the intrusion a fortnight ago.\n\n"
         "Professor Jane Roe AC\nVice-Chancellor\n")
    [doc] = _docs(tmp_path)
    assert (doc.kind, doc.author) == ("letter", "Jane Roe")


def test_a_recommendation_to_treat_records_as_potentially_exposed_refutes_no_denial(tmp_path: Path) -> None:
    _one(tmp_path, "press", "2019-06-04-message.txt",
         "ACME UNIVERSITY -- MEDIA STATEMENT\n4 June 2019\n\n"
         "We believe the intruder had access to personal details of staff, students and visitors stretching back "
         "19 years.\n\nSystems holding credit card details, travel records, medical records, police checks, "
         "workers' compensation and some performance records were not affected.\n")
    _one(tmp_path, "internal", "2019-05-31-memo.txt",
         "ACME UNIVERSITY\nMEMORANDUM - IN CONFIDENCE\n\nTO:    Vice-Chancellor\nFROM:  Chief Information Security "
         "Officer\nDATE:  31 May 2019\nRE:    Scope statement for community notification - ESD incident\n\n"
         "1. Because the actor removed most traces of its activity, we are unable to say which records in the "
         "Enterprise Systems Domain were copied out.\n\n"
         "2. I therefore recommend the notification state that every personal record held in ESD, back to 2000, "
         "should be treated as potentially exposed. This covers HR, finance, student administration and e-forms "
         "data for staff, students and visitors.\n")
    report = _report(tmp_path)
    assert [f for f in report.findings if f.level in _FLAGS] == []


def test_a_statement_said_then_is_dated_by_the_date_its_sentence_gave_before(tmp_path: Path) -> None:
    _one(tmp_path, "news", "2019-06-04-breach-news.html",
         "<html><head><title>University hit by cyber breach</title>"
         "<meta property=\"article:published_time\" content=\"2019-06-04T10:00:00+10:00\"></head><body>"
         "<article><h1>University hit by cyber breach</h1>"
         "<p>Acme University said on Tuesday that hackers had reached its main administrative system.</p>"
         "<p>In July 2018 it revealed that hackers had been inside its systems, an incident it had kept quiet for "
         "several months; it said then that it did not believe any data was taken.</p></article></body></html>")
    report = _report(tmp_path)
    dated = {s.date.iso() for s in report.statements if "did not believe any data" in s.text}
    assert dated == {"2018-07"}


def test_a_figure_revised_down_from_the_first_report_is_not_strained_by_an_earlier_worst_case(tmp_path: Path) -> None:
    _one(tmp_path, "press", "2019-10-02-report-release.md",
         "---\ntitle: \"Acme University releases detailed account of data breach\"\npublisher: \"Acme University\"\n"
         "date: 2019-10-02\ncategory: media release\n---\n\n"
         "While it is not possible to establish exactly which records were taken, the amount of data removed was "
         "considerably smaller than the two decades of records first reported, and is likely to affect only a "
         "subset of the community.\n")
    _one(tmp_path, "internal", "2019-05-31-memo.txt",
         "ACME UNIVERSITY\nMEMORANDUM - IN CONFIDENCE\n\nTO:    Vice-Chancellor\nFROM:  Chief Information Security "
         "Officer\nDATE:  31 May 2019\nRE:    Scope statement for community notification\n\n"
         "1. Because the actor removed most traces of its activity, we are unable to say which records were "
         "copied out.\n\n2. Every personal record held, back to 2000, should be treated as potentially exposed; I am "
         "concerned the records of two decades of the community are at risk.\n")
    report = _report(tmp_path)
    assert [f for f in report.findings if f.level in _FLAGS] == []


def test_a_german_speaking_states_letterhead_names_it_and_its_place_name_is_the_same_state(tmp_path: Path) -> None:
    _one(tmp_path, "press", "2020-03-05-landespressedienst.txt",
         "LAND NORTHGATE – Landespressedienst / Amt der Landesregierung\nInnsbruck, 5. März 2020\n\n"
         "Guests tested positive after returning home\n\n"
         "On the basis of the information available to us, contagion during the stay appears very improbable.\n")
    [doc] = _docs(tmp_path)
    assert doc.organization == "Land Northgate"
    canon = canonical_orgs(["Land Northgate", "Northgate"])
    assert canon["Northgate"] == "Land Northgate"
    from claimcheck.evaluate.matching import organization_matches
    assert organization_matches("Northgate", "Land Northgate")


def test_a_presenters_question_names_no_author(tmp_path: Path) -> None:
    _one(tmp_path, "transcripts", "2020-03-16-interview.txt",
         "BROADCASTER – evening news, broadcast of Monday, 16 March 2020\nInterview: the health councillor Jane Roe\n"
         "Transcript excerpt (translated)\n\n"
         "PRESENTER: With hindsight, was nothing wrong in the timing?\n\n"
         "ROE: I believe that the sequence of steps was also right.\n")
    [doc] = _docs(tmp_path)
    assert doc.author != "With hindsight"


def test_a_statement_by_the_board_over_the_companys_name_is_the_companys_release(tmp_path: Path) -> None:
    _one(tmp_path, "press", "2019-02-18-liquidation.txt",
         "STATEMENT BY THE BOARD OF DIRECTORS\nACME GLOBAL OPERATIONS GROUP OF COMPANIES\n\nNorthgate, 18 February 2019\n\n"
         "It is with deep regret that the board announces that the companies of the group will enter voluntary "
         "liquidation.\n")
    [doc] = _docs(tmp_path)
    assert (doc.kind, doc.organization) == ("press-release", "Acme Global Operations")


def test_a_media_response_heading_makes_a_release(tmp_path: Path) -> None:
    _one(tmp_path, "press", "2019-01-23-media-response.txt",
         "MEDIA RESPONSE\nAcme Global Operations\nNorthgate, 23 January 2019\n\n"
         "Re: Internal memorandum to staff\n\nThe memorandum circulated to staff was not meant to keep anyone from "
         "speaking to the inquiry.\n")
    [doc] = _docs(tmp_path)
    assert doc.kind == "press-release"


def test_records_released_under_an_information_act_are_internal_records(tmp_path: Path) -> None:
    _one(tmp_path, "records", "oia-release-2010-extracts.txt",
         "RELEASED UNDER THE OFFICIAL INFORMATION ACT 1982\nAcme Defence Force – Operation North – document extracts\n\n"
         "Document 4   Commander TF81 – situation report\n             August 2010\n\n"
         "2. At this stage it is unclear whether any civilians were hit; there may or may not have been some.\n")
    [doc] = _docs(tmp_path)
    assert doc.kind in ("internal-report", "memo")


def test_a_headquarters_letterhead_names_the_force_itself(tmp_path: Path) -> None:
    _one(tmp_path, "internal", "2018-03-minute.txt",
         "HEADQUARTERS ACME DEFENCE FORCE\nMINUTE\n\nTO:    Chief of Defence Force\nFROM:  Chief of Staff\n"
         "DATE:  12 March 2018\nRE:    Location of the operation\n\nThe review confirms the photographs show the area.\n")
    [doc] = _docs(tmp_path)
    assert doc.organization == "Acme Defence Force"


def test_a_district_attorneys_turn_is_no_from_line(tmp_path: Path) -> None:
    _one(tmp_path, "hearing", "2019-05-02-court-transcript.txt",
         "SUPERIOR COURT OF NORTHGATE\nTranscript of proceedings, 2 May 2019\n\n"
         "DA: The evidence shows the defendant knew of the leak.\n\n"
         "COUNSEL: We dispute that.\n")
    [doc] = _docs(tmp_path)
    assert doc.author != "The evidence shows the defendant knew of the leak."
