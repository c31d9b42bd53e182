"""Whom a voice speaks for, from what the document itself lists (issue 14; what sets 66 and 67 showed,
read generically): a chat export's "Participants:" line places each writer ("Jane Roe (Adviser, Office
of the President, Acme FC)" writes for Acme FC, "Account lead (Globex / Northgate Media)" for Northgate
Media, two desks of one company are that company); a letterhead with a short name in brackets before
its form ("ACME MANUFACTURING PVT. LTD. (ACMEGEN) -- WORK ORDER") heads its record and joins both
names; a minister's title names the ministry ("Deputy Minister of Health" -> "Ministry of Health"), a
"Minister of State" is a rank; "Ministry spokeswoman" names no organization; a front matter's source
that is an organization's public-relations office makes the page its release; a German press
conference ("ACME-Pressekonferenz", "Auf dem Podium: Jane Roe (ACME-Präsidentin)") is the host's, and
a question calling the speaker "Frau Roe, Sie waren ..." does not take her from the list that placed
her. Each test asserts on records."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck.ingest.headers import org_of_phrase, read_header
from folder_helpers import docs as _docs, one as _one, report as _report

pytestmark = pytest.mark.model


def test_a_chat_exports_participants_line_places_each_writer(tmp_path: Path) -> None:
    _one(tmp_path, "internal", "2019-11-chat.txt",
         "WhatsApp chat export - \"Weekly report\"\n"
         "Participants: Account lead (Globex / Northgate Media); Jane Roe (Adviser, Office of the President, Acme FC)\n\n"
         "[11/11/2019, 9:02] Account lead: Weekly report attached. The pages had 212k impressions.\n"
         "[11/11/2019, 9:41] Jane Roe: Keep the line going through the assembly.\n"
         "[18/11/2019, 9:05] Account lead: Impressions down after the derby.\n")
    placed = {(d.author, d.organization) for d in _docs(tmp_path)}
    assert placed == {("Account lead", "Northgate Media"), ("Jane Roe", "Acme FC")}


def test_two_desks_of_one_company_in_a_participants_line_are_the_company(tmp_path: Path) -> None:
    _one(tmp_path, "internal", "2023-02-05-field-chat.txt",
         "Field chat export\n"
         "Participants: J. Roe (AC Hazmat), T. Doe (AC Operations), D. Poe (contractor - Northgate Response)\n\n"
         "[2023-02-05 09:10] J. Roe: Pressure in car 3 is rising.\n"
         "[2023-02-05 09:14] T. Doe: Prepare for the release option.\n"
         "[2023-02-05 09:20] D. Poe: Our readings do not show polymerisation.\n")
    placed = {(d.author, d.organization) for d in _docs(tmp_path)}
    assert placed == {("J. Roe", "AC"), ("T. Doe", "AC"), ("D. Poe", "Northgate Response")}


def test_a_letterhead_with_a_short_name_before_its_form_heads_the_record(tmp_path: Path) -> None:
    _one(tmp_path, "internal", "2022-03-work-order.txt",
         "ACME MANUFACTURING PVT. LTD. (ACMEGEN) — WORK ORDER\n"
         "W.O. No.: AM/2022/03\n"
         "Date:     March 2022\n"
         "To:       Northgate Fabrication\n\n"
         "Scope of work: dismantling of the deck before restoration; cleaning and painting of the main cables.\n")
    [doc] = _docs(tmp_path)
    assert doc.organization.lower().startswith("acme manufacturing")
    header = read_header("ACME MANUFACTURING LTD (ACMEGEN) - WORK ORDER\nDate: March 2022\n\nScope of work: x")
    assert header.spellings == (("Acme Manufacturing LTD", "ACMEGEN"),)


@pytest.mark.parametrize("phrase, org", [
    ("Deputy Minister of Health", "Ministry of Health"),
    ("Jane Roe, Minister for Transport and Roads", "Ministry of Transport and Roads"),
    ("Minister of State for Trade", ""),
    ("Prime Minister of Northgate", "Government of Northgate"),
    ("Dr Jane Roe, Ministry spokeswoman", ""),
])
def test_a_ministers_title_names_the_ministry(phrase: str, org: str) -> None:
    assert org_of_phrase(phrase) == org


def test_a_front_matter_source_that_is_an_offices_makes_the_page_its_release(tmp_path: Path) -> None:
    _one(tmp_path, "press", "2020-07-20-bulletin.md",
         "---\nsource: Northgate Ministry of Health, Public Relations\ndate: 2020-07-20\n"
         "speaker: \"Dr Jane Roe, Ministry spokeswoman\"\ntype: daily bulletin (televised)\n---\n\n"
         "# Daily bulletin\n\nThe total number of deaths from the disease has reached 14,405.\n")
    [doc] = _docs(tmp_path)
    assert (doc.kind, doc.organization) == ("press-release", "Northgate Ministry of Health")
    report = _report(tmp_path)
    assert {(s.kind, s.organization) for s in report.statements if "14,405" in s.text} \
        == {("public", "Northgate Ministry of Health")}


def test_a_german_press_conference_is_its_hosts_and_a_question_keeps_the_listed_speaker(tmp_path: Path) -> None:
    _one(tmp_path, "hearing", "2015-10-22-pressekonferenz.txt",
         "ACME-Pressekonferenz, Northgate, 22. Oktober 2015, 13:00 Uhr\n"
         "Thema: Zahlung im Zusammenhang mit dem Turnier\n"
         "Auf dem Podium: Jana Roe (ACME-Präsidentin)\n\n"
         "ROE: Ich will Ihnen heute schildern, was ich weiß. Mit Stimmenkauf hat das nichts zu tun.\n\n"
         "FRAGE (Tagesblatt): Frau Roe, Sie waren Vizepräsidentin des Organisationskomitees. Seit wann wissen Sie es?\n\n"
         "ROE: Ich habe davon erst in diesem Sommer erfahren. Vorher wusste ich das nicht.\n")
    report = _report(tmp_path)
    said = {(s.speaker, s.organization, s.role) for s in report.statements if "Vorher wusste" in s.text}
    assert said == {("Jana Roe", "ACME", "claim")}


def test_a_memo_in_spanish_is_a_memo_of_its_letterhead(tmp_path: Path) -> None:
    _one(tmp_path, "internal", "2016-06-minuta.txt",
         "SERVICIO NACIONAL DE NORTHGATE\nDepartamento de Planificación\n\n"
         "MINUTA INTERNA\nPARA: Director Nacional\nDE: Jefatura Departamento de Planificación\n"
         "FECHA: junio de 2016\nMATERIA: Consulta sobre registros\n\n"
         "1. Parámetros de la consulta entregada: egresos por causal, línea residencial. Resultado: 185 registros.\n")
    [doc] = _docs(tmp_path)
    assert (doc.kind, doc.organization) == ("memo", "Servicio Nacional de Northgate")
    report = _report(tmp_path)
    assert {s.speaker for s in report.statements if "185 registros" in s.text} != {"Materia"}


def test_a_chat_dated_day_month_year_with_dashes_is_one_message_a_line(tmp_path: Path) -> None:
    _one(tmp_path, "internal", "2016-07-19-chat.txt",
         "Exportación de chat — grupo \"Cifras\"\nExportado el 22-07-2016\n\n"
         "[19-07-16 09:12] Paula (Comunicaciones): Necesito explicación hoy.\n"
         "[19-07-16 09:20] Rodrigo (Planificación): El 75 sale del cuestionario de 2010.\n"
         "[20-07-16 10:02] Paula (Comunicaciones): Entonces solo criterios, sin número.\n")
    got = sorted((d.author, d.date.start.isoformat()) for d in _docs(tmp_path))
    assert got == [("Paula", "2016-07-19"), ("Paula", "2016-07-20"), ("Rodrigo", "2016-07-19")]


def test_whose_export_a_chat_is_and_whose_notice_a_heading_names(tmp_path: Path) -> None:
    _one(tmp_path, "internal", "2025-04-18-chat.txt",
         "Exported conversation: #sec-ops (internal messenger)\n"
         "Export requested by: Information Security Office, Acme Telecom\nExport date: 2025-04-24\n\n"
         "[2025-04-18 18:23] Kim J-h: Unusual traffic from the billing host.\n"
         "[2025-04-18 23:20] Lee D-w: Confirmed: malware on the subscriber server.\n")
    _one(tmp_path, "press", "2025-04-22-notice.txt",
         "Acme Telecom -- Notice to customers and press statement\nNorthgate, Tuesday 22 April 2025\n\n"
         "At around 11 p.m. on Saturday 19 April, Acme Telecom first identified signs of a leak.\n")
    placed = {(d.kind, d.organization) for d in _docs(tmp_path)}
    assert placed == {("chat", "Acme Telecom"), ("press-release", "Acme Telecom")}


def test_a_record_owned_by_a_company_and_its_unit_is_the_companys(tmp_path: Path) -> None:
    _one(tmp_path, "internal", "2007-03-slides.txt",
         "--- Slide text export: \"Piloter la transformation\" ---\n"
         "--- Owner: Acme Telecom, Direction des Ressources Humaines Groupe ---\n\n"
         "Slide 1\nTarget for the region: 1,200 departures by year end.\n")
    _one(tmp_path, "noise", "2006-10-02-notice.txt",
         "TO: All staff, Siège social (Paris 15e)\nFROM: Direction des Systèmes d'Information\n"
         "DATE: 2 October 2006\nRE: Intranet maintenance\n\nThe portal will be closed on Saturday.\n")
    orgs = {d.path.rsplit("/", 1)[-1]: d.organization for d in _docs(tmp_path)}
    assert orgs == {"2007-03-slides.txt": "Acme Telecom", "2006-10-02-notice.txt": ""}


@pytest.mark.parametrize("line, org", [
    ("INTERNAL AFFAIRS SERVICE", "Internal Affairs Service"),
    ("DIPARTIMENTO DELLA PROTEZIONE NORTHGATE — PRESS POINT AFTER THE MEETING", "Dipartimento della Protezione Northgate"),
    ("PRESIDENZA DEL CONSIGLIO DI NORTHGATE — DIPARTIMENTO DELLA PROTEZIONE NORTHGATE", "Dipartimento della Protezione Northgate"),
    ("CONFIDENTIAL", ""),
])
def test_a_public_bodys_letterhead_in_capitals_names_it(line: str, org: str) -> None:
    assert read_header(f"{line}\nDate: 31 March 2009\n\nThe experts examined the sequence.").organization == org


def test_a_sites_label_made_of_a_companys_first_word_and_a_products_word_joins_the_company(tmp_path: Path) -> None:
    _one(tmp_path, "press", "2010-07-20-statement.txt",
         "LARKSPUR HOLDINGS LIMITED\nPRESS RELEASE\n20 July 2010\n\n"
         "Larkspur Holdings Limited said today that it has never sold customer data to any partner.\n")
    _one(tmp_path, "internal", "2010-07-23-figures.eml",
         "From: Kenneth Lau <kenneth.lau@larkspurrewards.com.hk>\nTo: CEO Office <ceo@larkspurholdings.com.hk>\n"
         "Date: Fri, 23 Jul 2010 18:02:00 +0800\nSubject: Reconciled figures\n\n"
         "Member records supplied to partners for a fee: 1.97 million. Fee income received: HK$44 million.\n")
    report = _report(tmp_path)
    assert {s.organization for s in report.statements if "1.97 million" in s.text} == {"Larkspur Holdings Limited"}


def test_a_phrase_in_lower_case_the_tagger_takes_for_a_name_is_no_ones_organization(tmp_path: Path) -> None:
    _one(tmp_path, "records", "2016-07-06-oficio.txt",
         "MINISTERIO DE NORTHGATE — SERVICIO NACIONAL DE EASTMOOR (SNE)\n"
         "ORD. N° (reservado) — Northgate, 6 de julio de 2016\n\n"
         "A: Sr. Juan Doe, Diputado de la República, Comisión Especial Investigadora\n"
         "   \"SNE II\", Cámara de Diputados\n"
         "DE: Ministra de Northgate, Jana Roe Suárez\n"
         "ANT.: Solicitud de información de fecha 4 de mayo de 2016\n\n"
         "Junto con saludarle, y en respuesta a su solicitud, remito el informe elaborado por el Servicio.\n\n"
         "----------------------------------------------------------------------\n"
         "ANEXO — INFORME SNE: FALLECIMIENTOS 2005-2016\n"
         "Firmado: Hugo Roe, Director Nacional (S), SNE\n\n"
         "1. Entre el 1 de enero de 2005 y el 30 de mayo de 2016 fallecieron 185 niños, niñas y\n"
         "   adolescentes bajo el cuidado del Servicio Nacional de Eastmoor.\n"
         "2. Lugar del fallecimiento: 134 en establecimientos de salud; 49 en residencias de organismos\n"
         "   colaboradores acreditados; 2 en centros de administración directa del Servicio.\n"
         "----------------------------------------------------------------------\n\n"
         "Saluda atentamente a usted,\nJana Roe Suárez\nMinistra de Northgate\n")
    report = _report(tmp_path)
    said = [(s.speaker, s.organization) for s in report.statements if "185" in s.text or "134" in s.text]
    assert said and all(org[:1].isupper() or not org for _speaker, org in said)
    assert all(speaker != "Firmado" for speaker, _org in said)


def test_a_short_name_made_of_its_words_first_syllables_is_the_organization() -> None:
    from collections import Counter

    from claimcheck.corpus.orgs import canonical_orgs, org_families
    from claimcheck.evaluate.matching import organization_matches
    names = ["Aceros Norteños", "Acenor", "Aceros Norteños", "Northgate Steel"]
    fam = org_families(canonical_orgs(names), Counter(names))
    assert fam["Acenor"] == fam["Aceros Norteños"] != fam["Northgate Steel"]
    assert organization_matches("Acenor", "Aceros Norteños") and not organization_matches("Acenor", "Northgate Steel")


def test_a_title_with_its_field_after_a_colon_leaves_the_employer_after_the_comma(tmp_path: Path) -> None:
    _one(tmp_path, "broadcast", "2016-06-12-interview.txt",
         "NORTHGATE TV — broadcast Sunday 12 June 2016\nSegment: \"Acme Power and the coal deal\"\n"
         "Transcript excerpt prepared by the programme's research desk\n\n"
         "JOHN DOE (presenter): Mr Roe, did Acme Power pay the supplier for coal in advance?\n\n"
         "JANE ROE (Group Executive: Generation, Acme Power): No. Acme Power did not give the supplier money up front.\n")
    report = _report(tmp_path)
    assert {s.organization for s in report.statements if "money up front" in s.text} == {"Acme Power"}


def test_a_division_named_by_its_companys_initials_is_the_company() -> None:
    from claimcheck.corpus.orgs import initial_units
    canon = {"Acme Générale": "Acme Générale", "AG Corporate & Investment Banking": "AG Corporate & Investment Banking",
             "AG Cib": "AG Cib", "Northgate Bank": "Northgate Bank"}
    out = initial_units(canon)
    assert out["AG Corporate & Investment Banking"] == out["AG Cib"] == "Acme Générale"
    assert out["Northgate Bank"] == "Northgate Bank"


def test_a_letter_to_shareholders_under_its_name_is_the_companys_public_letter(tmp_path: Path) -> None:
    _one(tmp_path, "press", "2008-01-24-letter.txt",
         "ACME GÉNÉRALE\nThe Chairman\nNorthgate, 24 January 2008\n\nDear Shareholder,\n\n"
         "It is my duty to inform you that management has uncovered an internal fraud. "
         "The fraud came to light on Saturday 19 January.\n\nJohn Doe\n")
    [doc] = _docs(tmp_path)
    assert (doc.kind, doc.organization) == ("letter", "Acme Générale")


def test_a_questioners_outlet_in_a_press_conferences_turn_label_makes_it_no_news_story(tmp_path: Path) -> None:
    _one(tmp_path, "transcripts", "2008-01-24-press-conference.txt",
         "ACME BANK — PRESS CONFERENCE, NORTHGATE\n24 January 2008 — working transcript\n\n"
         "JOHN DOE (Chairman and CEO): This is one man, alone, who got around every one of our controls.\n\n"
         "Q. (Reuters): When did the bank first have any sign that something was wrong?\n\n"
         "JOHN DOE: Nothing pointed to it before last weekend.\n")
    [doc] = _docs(tmp_path)
    assert doc.kind in ("interview", "speech")


def test_a_chat_exports_clock_times_take_the_day_its_file_or_its_day_lines_give(tmp_path: Path) -> None:
    _one(tmp_path, "internal", "2019-06-24-crisis-chat-export.txt",
         "Chat export — channel #crisis-voice (Acme Network Operations)\nExported 2019-06-25 08:02 — times CEST\n\n"
         "[15:41] Jane R. (NOC shift lead): Massive drop in completed calls.\n"
         "[15:52] J. Roe (Security Operations): No indicators of intrusion on the voice core.\n")
    _one(tmp_path, "internal", "2023-01-11-bridge-chat.txt",
         "Teams chat export -- \"Outage bridge 01/10-01/11\"\nExported for the preliminary review, 01/13/2023\n\n"
         "Tue 01/10\n8:47 PM  J. Doe (Ops Supv): System not accepting new notices.\n"
         "Wed 01/11\n6:12 AM  J. Doe (Ops Supv): Database file damaged; restoring from backup.\n")
    got = sorted((d.path.rsplit("/", 1)[-1][:10], d.author, d.date.start.isoformat()) for d in _docs(tmp_path))
    assert got == [("2019-06-24", "J. Roe", "2019-06-24"), ("2019-06-24", "Jane R.", "2019-06-24"),
                   ("2023-01-11", "J. Doe", "2023-01-10"), ("2023-01-11", "J. Doe", "2023-01-11")]


def test_a_spokesperson_in_front_matter_speaks_for_the_office_that_wrote_it_down(tmp_path: Path) -> None:
    _one(tmp_path, "press", "2019-07-15-statement.md",
         "---\ntitle: \"Statement on a matter at the laboratory\"\nauthor: \"Media Relations, Northgate Health Agency\"\n"
         "source: \"Northgate Health Agency - response to media enquiries\"\ndate: 2019-07-15\n"
         "spokesperson: \"Jane Roe\"\n---\n\n# Statement\n\n"
         "The Northgate Health Agency is looking into an administrative matter at the laboratory.\n")
    report = _report(tmp_path)
    assert {(s.speaker, s.organization) for s in report.statements if "administrative matter" in s.text} \
        == {("Jane Roe", "Northgate Health Agency")}


def test_a_paragraphs_first_line_naming_whose_statement_follows_gives_its_speaker(tmp_path: Path) -> None:
    _one(tmp_path, "press", "2020-08-03-response.txt",
         "MINISTRY OF HEALTH RESPONSE TO THE REPORT\nNorthgate, 3 August 2020\n\n"
         "Statement of Dr Jane Roe, spokeswoman of the Northgate Ministry of Health:\n"
         "The ministry has been fully transparent in publishing the figures for patients and deaths.\n\n"
         "Remarks of Dr John Doe, Deputy Minister of Health, to state radio:\n"
         "The outbreak is not large enough to cause death figures like those claimed.\n\n"
         "Statement of Northgate Health Authority:\nThe authority publishes its figures every day.\n")
    report = _report(tmp_path)
    said = {s.text.split()[-1]: s.speaker for s in report.statements
            if any(k in s.text for k in ("fully transparent", "not large enough", "every day"))}
    assert said["deaths."] == "Jane Roe" and said["claimed."] == "John Doe" and said["day."] != "Northgate Health Authority"


def test_a_rank_abbreviated_before_a_name_is_no_speaker_of_its_own(tmp_path: Path) -> None:
    _one(tmp_path, "news", "2019-07-15-story.txt",
         "Police probe lab\n\nNORTHGATE, July 15 (Wire) - Police are investigating a matter at the laboratory.\n\n"
         "\"Based on information received to date, the police have assessed there is no threat to public safety at "
         "this time,\" said Cpl. Jane Roe, a police spokeswoman in Northgate. She would not comment further.\n\n"
         "\"We are not aware of any risk,\" said Sgt. John Doe of the Eastmoor force.\n")
    report = _report(tmp_path)
    speakers = {s.speaker for s in report.statements if "no threat" in s.text or "any risk" in s.text}
    assert speakers == {"Jane Roe", "John Doe"}


def test_a_numbered_release_heading_in_german_and_its_headline_with_a_colon(tmp_path: Path) -> None:
    _one(tmp_path, "press", "2019-12-09-pressemitteilung.txt",
         "JUSTUS-ACME-UNIVERSITÄT NORTHGATE\nPressemitteilung Nr. 214 / 2019 - 9. Dezember 2019\n\n"
         "Schwerwiegender IT-Sicherheitsvorfall: Universität vorübergehend offline\n\n"
         "Die Justus-Acme-Universität Northgate ist von einem schwerwiegenden IT-Sicherheitsvorfall betroffen.\n\n"
         "\"Wir gehen nach derzeitigem Stand von einem Angriff mit einer Schadsoftware aus\", sagte der Präsident "
         "Prof. Dr. Jana Roe.\n")
    [doc] = _docs(tmp_path)
    assert (doc.kind, doc.organization) == ("press-release", "Justus-Acme-Universität Northgate")
    report = _report(tmp_path)
    assert all("Sicherheitsvorfall" not in s.speaker for s in report.statements)


def test_a_day_still_to_come_in_a_storys_opening_leaves_its_quotes_on_the_day_they_were_said(tmp_path: Path) -> None:
    _one(tmp_path, "news", "2022-10-25-story.html",
         "<html><head><title>Bridge to reopen | Northgate Live</title></head><body><article>"
         "<h1>Bridge to reopen after renovation</h1><p class=\"dateline\">NORTHGATE, 25 October 2022</p>"
         "<p>The old suspension bridge will reopen to visitors on Wednesday after seven months of renovation, "
         "Acme Group managing director Jane Roe told reporters on Monday.</p>"
         "<p>Roe said about Rs 2 crore had been spent. \"We did this work through expert agencies,\" she said.</p>"
         "</article></body></html>")
    report = _report(tmp_path)
    days = {s.date.start.isoformat() for s in report.statements if "expert agencies" in s.text}
    assert days == {"2022-10-24"}


def test_an_honorific_name_the_tagger_takes_for_a_company_is_the_speaker(tmp_path: Path) -> None:
    _one(tmp_path, "press", "2010-07-20-statement.txt",
         "PRESS RELEASE\nLarkspur Holdings Limited\nFor immediate release -- Northgate, 20 July 2010\n\n"
         "LARKSPUR ANNOUNCES REVIEW OF CUSTOMER DATA PRACTICES\n\n"
         "Speaking after the meeting, Ms Prudence Roe, Chief Executive Officer, said:\n\n"
         "\"Members' information has been provided to two business partners. We have not sold our customers' data.\"\n")
    report = _report(tmp_path)
    assert {s.speaker for s in report.statements if "not sold" in s.text} == {"Prudence Roe"}


def test_a_review_prepared_for_the_board_of_directors_is_its_letterheads_record(tmp_path: Path) -> None:
    _one(tmp_path, "records", "2020-04-review.txt",
         "ACME FC - INDEPENDENT REVIEW OF CONTRACTS WITH NORTHGATE MEDIA ENTITIES\n"
         "Prepared for the Board of Directors by Eastmoor Forensic (forensic services)\n"
         "CONFIDENTIAL - DRAFT EXCERPT, April 2020\n\n3. Findings\n\n"
         "3.1 Between late 2017 and early 2020 the Club made payments totalling approximately EUR 980,000.\n")
    [doc] = _docs(tmp_path)
    assert doc.organization == "Acme FC"


def test_a_headline_giving_a_persons_quote_still_names_its_speaker(tmp_path: Path) -> None:
    _one(tmp_path, "news", "2012-11-10_extract.html",
         "<html><head><title>Jane Roe: \"I have never doped\" | The Weekend Sport</title>"
         "<meta name=\"pubdate\" content=\"2012-11-10\"></head><body>"
         "<div id=\"masthead\"><a href=\"/\">The Weekend Sport</a> | <a href=\"/cycling\">Cycling</a> | "
         "<a href=\"/football\">Football</a> | <a href=\"/subscribe\">Subscribe</a></div><main><article>"
         "<h1>Jane Roe: \"I have never doped\" -- read the extract from My Time</h1>"
         "<p class=\"standfirst\">In the second extract from her autobiography, the champion explains why she has "
         "never crossed the line.</p><p class=\"byline\">Saturday 10 November 2012</p><blockquote>"
         "<p>People ask me whether I have ever been tempted. The honest answer is no.</p>"
         "<p>I have never had an injection for anything other than my immunisations and the odd drip when I was "
         "properly ill. That is the truth, and anyone who has worked with me knows it.</p></blockquote>"
         "<p><em>Jane Roe, My Time: An Autobiography, is published by Northgate Press.</em></p></article></main>"
         "<aside><h3>More cycling</h3><ul><li>Team reveals squad</li></ul></aside>"
         "<footer>&copy; 2012 The Weekend Sport. All rights reserved.</footer></body></html>")
    report = _report(tmp_path)
    assert {s.speaker for s in report.statements if "injection" in s.text} == {"Jane Roe"}
