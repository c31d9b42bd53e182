"""Who speaks at a hearing and whose a heading is, from the document's own structure (issue 14;
what sets 70 and 71 showed, read generically): at an inquest, "MR ROE (for the family):" is counsel
for the family, not the company the witness works for, and "THE CORONER:" presides; a question
"Mr Doe, you are Acme's head of risk." places the witness it addresses; an inquest's heading over
speaker turns makes the transcript testimony (a story whose headline names an inquest stays news);
"ACME A LARKSPUR - STATEMENT" heads the company's release (a one-letter word inside a name);
a system's extract ("Extract run: 30/06/2016") is an internal report; "(EUROPE)" in a letterhead
reads "(Europe)"; "Jane died" and "Jane's parents" make a name the tagger took for a company a
person's, and the company a story opens on acts in it though the tagger knows no name of it; a
release its signer wrote places him, not a news story's guess. Each test asserts on records."""

from __future__ import annotations

from pathlib import Path

import pytest

from folder_helpers import docs as _docs, one as _one, report as _report

pytestmark = pytest.mark.model

_INQUEST = ("NORTHGATE CORONER'S COURT\nINQUEST TOUCHING THE DEATH OF JANE ROE\n"
            "Before: Dr Alan Poe, Senior Coroner\nDay 2 - Tuesday 25 September 2018\n\n"
            "MR HYDE (for the family): Mr Doe, you are Acme's head of risk and compliance.\n"
            "MR DOE: I am.\n"
            "MR HYDE: Your complaint log shows nine reactions in the year before she died.\n"
            "MR DOE: We reviewed the wording of our warning notices in April 2016.\n"
            "THE CORONER: Was any of that information looked at as a pattern?\n"
            "MR DOE: Each complaint was dealt with by customer care at the time, sir.\n")


def _placed(tmp_path: Path) -> dict[str, tuple[str, str, str]]:
    return {s.text: (s.speaker, s.organization, s.role) for s in _report(tmp_path).statements}


def test_counsel_for_a_party_and_the_coroner_speak_for_no_company(tmp_path: Path) -> None:
    _one(tmp_path, "hearing", "2018-09-25-inquest.txt", _INQUEST)
    [doc] = _docs(tmp_path)
    assert doc.kind == "testimony"
    placed = _placed(tmp_path)
    hyde = {v for k, v in placed.items() if v[0] == "Hyde"}
    assert {o for _, o, _ in hyde} == {"Counsel for the family"} and {r for *_, r in hyde} <= {"third-party", "context"}
    assert all(o != "Acme" for s, o, _ in placed.values() if s == "The Coroner")


def test_a_question_naming_the_witnesss_employer_places_his_answers(tmp_path: Path) -> None:
    """(Before counsel was told apart, everyone here was Acme's; now only the question places Doe.)"""
    _one(tmp_path, "hearing", "2018-09-25-inquest.txt", _INQUEST)
    placed = _placed(tmp_path)
    assert {o for s, o, _ in placed.values() if s == "Doe"} == {"Acme"}


def test_a_headline_naming_an_inquest_is_still_a_story(tmp_path: Path) -> None:
    """A guard (the inquest heading above must not make every story about an inquest a transcript)."""
    _one(tmp_path, "news", "2018-10-03-daily.html",
         "<html><head><title>Acme to label food after Roe inquest - Daily</title></head><body><article>\n"
         "<h1>Acme to label food after Roe inquest</h1><p>By Jane Poe | Wednesday 3 October 2018</p>\n"
         "<p>Acme will trial full labels from next month, the chain said today. Its chief executive said "
         "the company was sorry.</p></article></body></html>\n")
    [doc] = _docs(tmp_path)
    assert doc.kind == "news"


@pytest.mark.parametrize("heading, org", [
    ("ACME A LARKSPUR - STATEMENT", "Acme A Larkspur"),
    ("ACME A LARKSPUR (EUROPE) LTD - STATEMENT", "Acme A Larkspur (Europe) LTD"),
])
def test_a_release_heading_with_a_one_letter_word_in_the_name(tmp_path: Path, heading: str, org: str) -> None:
    """The heading names the organization (its kind may be read as its own page or its release)."""
    _one(tmp_path, "press", "2018-09-21-statement.txt",
         f"{heading}\nIssued Friday 21 September 2018, London\n\n"
         "Everyone at Acme is deeply saddened and our thoughts remain with the family. We will take part\n"
         "fully and openly in the inquest, which opens on Monday.\n")
    [doc] = _docs(tmp_path)
    assert doc.kind in ("press-release", "post") and doc.organization == org


def test_a_systems_extract_is_an_internal_report(tmp_path: Path) -> None:
    _one(tmp_path, "internal", "2016-06-30-log-extract.txt",
         "ACME LARKSPUR (EUROPE) LTD - CUSTOMER CARE\n"
         "ALLERGY / ADVERSE REACTION COMPLAINTS - EXTRACT FILTERED ON \"SESAME\"\n"
         "Period: 17/07/2015 - 29/06/2016        Extract run: 30/06/2016 (monthly Risk & Compliance pack)\n\n"
         "Ref     | Date rec'd | Product (as reported)       | Outcome reported by customer  | Handling\n"
         "--------+------------+-----------------------------+-------------------------------+---------\n"
         "CC-0713 | 03/08/2015 | Falafel flatbread           | Mouth swelling, antihistamine | Apology\n"
         "CC-0902 | 19/09/2015 | Artisan baguette (chicken)  | Hives, throat tight, GP visit | Apology\n\n"
         "Summary: 9 sesame-related reports in period; 6 involve artisan baguettes (sesame in dough, not shown\n"
         "on baguette wrapper); 4 customers report hospital treatment, 1 a medical centre.\n"
         "Escalation: none of the above escalated to Risk & Compliance as a product-labelling matter.\n")
    [doc] = _docs(tmp_path)
    assert (doc.kind, doc.organization) == ("internal-report", "Acme Larkspur (Europe) LTD")


def test_a_person_the_tagger_took_for_a_company_is_not_the_storys_focus(tmp_path: Path) -> None:
    _one(tmp_path, "news", "2018-10-03-daily.html",
         "<html><head><title>Brio A Pane to label food - Daily</title></head><body><article>\n"
         "<h1>Brio A Pane to put full labels on food after Natasha inquest</h1><p>Wednesday 3 October 2018</p>\n"
         "<p>Brio A Pane will trial full ingredient labelling on food made in its shop kitchens from next "
         "month, the chain said today.</p>\n"
         "<p>Chief executive Clive Schlee said: \"I want to say again how deeply sorry we are for the loss of "
         "Natasha. We will start trialling full ingredient labels next month.\"</p>\n"
         "<p>Natasha's parents, Nadim and Tanya Ednan-Laperouse, said they welcomed the move.</p>\n"
         "</article></body></html>\n")
    placed = _placed(tmp_path)
    assert {o for s, o, _ in placed.values() if s == "Clive Schlee"} == {"Brio A Pane"}


def test_a_release_its_signer_wrote_places_him_over_a_storys_guess(tmp_path: Path) -> None:
    _one(tmp_path, "news", "2022-10-06-herald.html",
         "<html><head><title>Health body warns on syrups - Herald</title></head><body><article>\n"
         "<h1>Health body warns on syrups</h1><p>6 October 2022</p>\n"
         "<p>The Northgate Health Organization on Wednesday issued an alert on four syrups.</p>\n"
         "<p>Managing director Jon Q. Doe said the company had followed every norm.</p>\n"
         "<p>The Northgate Health Organization said the syrups were unsafe.</p></article></body></html>\n")
    _one(tmp_path, "press", "2022-10-08-press-note.txt",
         "ACME PHARMACEUTICALS LIMITED\n\nPRESS NOTE\nNew Delhi, 8 October 2022\n\n"
         "Acme Pharmaceuticals is shocked and saddened by media reports. We have never compromised on quality.\n\n"
         "Jon Q. Doe\nManaging Director\n")
    placed = _placed(tmp_path)
    assert placed["We have never compromised on quality."][1] == "Acme Pharmaceuticals Limited"


def test_a_name_over_its_own_media_briefing_heads_the_transcript(tmp_path: Path) -> None:
    """"ACME ATHLETICS" over "MEDIA BRIEFING - TRANSCRIPT (EXTRACT)": the body holding its own briefing, not an
    organization named "Media Briefing"."""
    _one(tmp_path, "press", "2009-08-27-briefing.txt",
         "ACME ATHLETICS\nMEDIA BRIEFING - TRANSCRIPT (EXTRACT)\nVenue: Acme offices, Springfield\n"
         "Date: Thursday, 27 August 2009\n\n"
         "MEDIA LIAISON: Good morning. The President will make a short statement and then take a few questions.\n\n"
         "JANE ROE (President): Thank you. Nobody at Acme Athletics asked for such an examination.\n\n"
         "REPORTER: Did anyone advise you to withdraw her?\n\n"
         "JANE ROE: No. Nobody advised us of anything.\n")
    [doc] = _docs(tmp_path)
    assert doc.organization == "Acme Athletics"


def test_a_body_the_tagger_cut_before_its_place_is_named_whole(tmp_path: Path) -> None:
    """"The head of the Passenger Ferry Agency of Northgate has dismissed ...": the story's focus is the agency
    with its place, as the story names it (a guard: the weight "the head of X" now gives X must not leave the
    place off the name)."""
    _one(tmp_path, "news", "2015-07-06-daily.html",
         "<html><head><title>Ferry boss rejects report - Daily</title></head><body><article>\n"
         "<h1>Ferry boss rejects report that new ferries are too tall</h1><p>Monday 06 July 2015</p>\n"
         "<p>The head of the Passenger Ferry Agency of South Africa has dismissed a weekend newspaper report "
         "that the 13 ferries it has taken delivery of are too high for the harbours.</p>\n"
         "<p>The ferries meet every safety standard that applies to them, the agency said in a statement.</p>\n"
         "</article></body></html>\n")
    orgs = {s.organization for s in _report(tmp_path).statements if s.text.startswith("The ferries")}
    assert orgs == {"Passenger Ferry Agency of South Africa"}


def test_counsel_for_a_named_party_speaks_for_it(tmp_path: Path) -> None:
    """"COUNSEL FOR ACME:" at a committee is Acme's voice (its words Acme's claims); "(for the family)" is
    counsel for a party the label only describes."""
    _one(tmp_path, "hearing", "2003-11-11-committee.txt",
         "PARLIAMENT -- HEALTH COMMITTEE\nUrgent session: vitamin deficiency in Acme infant formula\n"
         "Tuesday, 11 November 2003 (transcript, excerpt)\n\n"
         "CHAIR: We will hear first from the importer. Counsel for Acme, please.\n\n"
         "COUNSEL FOR ACME: Thank you. Acme was not informed of that decision. My client learned of it from "
         "the Ministry's findings like everyone else.\n\n"
         "CHAIR: Dr. Poe, for the Ministry.\n")
    placed = {s.text: (s.speaker, s.organization, s.role) for s in _report(tmp_path).statements}
    assert placed["Acme was not informed of that decision."] == ("", "Acme", "claim")


def test_a_company_describing_its_filing_is_its_statement(tmp_path: Path) -> None:
    """"It described the filing as a step of a technical nature": a reporting verb (rules/lexicon.yaml
    report_verbs) gives the company's words in a wire story."""
    _one(tmp_path, "news", "2015-03-09-wire.txt",
         "ECONOMIC WIRE -- BUDAPEST, 9 March 2015, 19:40\n\nACME BOND UNIT SEEKS BANKRUPTCY PROTECTION\n\n"
         "Acme Financial, the bond-issuing member of the Acme Group, filed for bankruptcy protection on Monday as "
         "clients rushed to sell their securities.\n\nThe company said it has no connection to the Northgate case. "
         "It described the filing as a step of a technical nature that would give it time to find the best "
         "solution for bondholders.\n")
    assert any(s.text.startswith("It described the") and s.kind == "public" for s in _report(tmp_path).statements)


def test_a_chat_line_with_the_writers_role_before_the_time_is_one_message(tmp_path: Path) -> None:
    _one(tmp_path, "internal", "2023-05-08-incident-channel-export.txt",
         "Acme Pay — Slack export, channel #inc-0508 (internal)\nExported for the regulatory report file\n\n"
         "Mark Vill (Fraud Ops Lead) 9:41 PM: spike in complaints, users saying balances went down\n"
         "Ana Rey (Incident Commander) 9:52 PM: this is a fraud wave until proven otherwise\n")
    assert [(d.author, d.kind) for d in _docs(tmp_path)] == [("Mark Vill", "chat"), ("Ana Rey", "chat")]


def test_a_memo_in_another_language_addressed_to_the_head_of_the_organization_is_its_record(tmp_path: Path) -> None:
    """"MEMORANDO INTERNO - RESERVADO" is a form, no organization's name; "TO: Director Nacional, NREG" places
    the note in the organization whose head it is addressed to."""
    _one(tmp_path, "internal", "2021-10-11-audit-memo.txt",
         "MEMORANDO INTERNO - RESERVADO\nTO:      Director Nacional, NREG\nFROM:    Coordinación de Seguridad\n"
         "DATE:    11 October 2021\nRE:      audit of queries (first findings)\n\n"
         "1. Scope. We cross-checked the 44 identities published by the account against the query logs.\n")
    [doc] = _docs(tmp_path)
    assert (doc.kind, doc.organization.upper()) == ("memo", "NREG")


def test_a_letterhead_with_its_short_name_over_a_press_release_line_is_the_release_of_it(tmp_path: Path) -> None:
    _one(tmp_path, "press", "2021-10-13-comunicado.txt",
         "REGISTRO NACIONAL DE LAS PERSONAS (NREG)\nMinisterio del Interior - Northgate\n"
         "PRESS RELEASE - Springfield, Wednesday 13 October 2021\n\n"
         "On the publication of identity data\n\n"
         "1. On Saturday 9 October the registry became aware that an account had published identity data of "
         "44 people.\n")
    [doc] = _docs(tmp_path)
    assert (doc.kind, doc.organization) == ("press-release", "Registro Nacional de las Personas")
