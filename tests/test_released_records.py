"""What blind sets 34 and 35 showed, read generically (issue 14): a records release whose pages
carry Bates numbers between rules is many records, each read with its own header, date and writer,
and each an internal record (released, never published), the releasing body's when the page names
no writer and the record before's when it is an attachment; a form's date labelled by what happened
("Date of decision:") or set in a later column ("Prepared for: ...   Date: ...") dates it; a front
matter's "prepared:" dates its page; an executive's office in a turn label ("THE MEC FOR HEALTH
(Ms J R Roe):") names its holder, initials and all, and speaks for the department, which is the
one "Northgate Department of Health" the folder names. Each test asserts on records."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from claimcheck.corpus.orgs import org_families
from claimcheck.extract.attribution import title_words, turn_org, turn_speaker
from claimcheck.ingest import ingest_paths
from claimcheck.ingest.headers import read_header
from claimcheck.ruleset import load_rules
from claimcheck.pipeline import ScanOptions, run

_RELEASE = (
    "NORTHGATE DEPARTMENT OF ENVIRONMENTAL PROTECTION\n"
    "Records released in response to public information requests\n"
    "Matter: Acme Chemical, Inc. - Tank 12\n"
    "\n"
    "------------------------------------------------------------ NDEP-AC-000412\n"
    "ORDER No. 7-14 (excerpt)\n"
    "Issued: January 22, 2014\n"
    "\n"
    "Acme Chemical, Inc. informed the inspector on January 21, 2014 that Tank 12 held a second product.\n"
    "Acme Chemical shall provide by 4:00 p.m. today all information on the composition of the material.\n"
    "------------------------------------------------------------ NDEP-AC-000413\n"
    "ACME CHEMICAL, INC.\n"
    "10 Barlow Drive, Springfield\n"
    "\n"
    "January 22, 2014\n"
    "\n"
    "Re: Response to Order No. 7-14\n"
    "\n"
    "A glycol product is blended into our solvent as an extender because the solvent is scarce.\n"
    "\n"
    "Sincerely,\n"
    "\n"
    "Jane Roe\n"
    "President\n"
    "------------------------------------------------------------ NDEP-AC-000414\n"
    "Attachment A: Tank 12 blend history (extract from the terminal blending log)\n"
    "  2013-12-19  Glycol product added as extender   300 gal\n"
    "------------------------------------------------------------ NDEP-AC-000414\n"
    "                                                      Page 2 of 2\n"
    "[Compiled for testing; wording invented.]\n")


def _docs(folder: Path) -> list:
    return [d for r in ingest_paths([folder]) for d in r.documents]


def test_a_records_release_is_one_internal_record_per_bates_page(tmp_path: Path) -> None:
    (tmp_path / "release.txt").write_text(_RELEASE, encoding="utf-8")
    docs = {d.part: d for d in _docs(tmp_path)}
    assert set(docs) == {"cover", "rec1", "rec2", "rec3"}  # the footer and note after the last number are no record
    order, letter, log = docs["rec1"], docs["rec2"], docs["rec3"]
    assert {order.kind, letter.kind, log.kind} == {"internal-report"}
    assert order.organization == "Northgate Department of Environmental Protection"  # the releasing body's own
    assert (letter.author, letter.organization) == ("Jane Roe", "Acme Chemical, Inc")
    assert (log.author, log.organization) == ("Jane Roe", "Acme Chemical, Inc")  # the letter's attachment
    assert str(letter.date.start) == "2014-01-22"
    assert letter.line_base == 12  # its first line in the file
    blended = next(s for s in run([tmp_path], options=ScanOptions(use_cache=False)).statements
                   if "is blended into our solvent" in s.text)
    assert (blended.kind, blended.speaker, blended.source.line) == ("internal", "Jane Roe", 19)


def test_one_record_with_a_bates_number_is_no_release(tmp_path: Path) -> None:
    (tmp_path / "memo.txt").write_text(
        "------------------------------------------------------------ NDEP-AC-000412\n"
        "MEMO\nFROM: Jane Roe\nDATE: March 14, 2013\nRE: Water balance\n\nThe water balance remains positive.\n",
        encoding="utf-8")
    assert [d.part for d in _docs(tmp_path)] == [""]


def test_a_forms_date_of_decision_and_a_date_in_a_later_column_date_it() -> None:
    decided = read_header("UCI EXEMPTION -- CERTIFICATE OF APPROVAL\nAthlete: Jane ROE\n"
                          "Date of decision: 29 June 2011\nSubstance: a corticosteroid\n")
    assert str(decided.date.start) == "2011-06-29"
    column = read_header("ACME LTD. -- 2010 ANNUAL INSPECTION\n"
                         "Prepared for: Northgate Mining Corporation          Date: January 28, 2011\n"
                         "Observations: a tension crack noted on the crest.\n")
    assert str(column.date.start) == "2011-01-28"
    assert read_header("Athlete: Jane ROE\nDate of birth: 28 April 1980\nTeam: Acme\n").date is None


def test_a_front_matters_prepared_date_dates_the_page(tmp_path: Path) -> None:
    (tmp_path / "data.md").write_text(
        "---\ntitle: \"Deaths and licence status (department data)\"\norganization: \"Acme Health\"\n"
        "prepared: \"2016-12-02\"\n---\n\nCumulative deaths to 13 September 2016: 77.\n", encoding="utf-8")
    (doc,) = _docs(tmp_path)
    assert (str(doc.date.start), doc.date.precision) == ("2016-12-02", "day")


def test_an_executives_office_names_its_holder_and_speaks_for_the_department(tmp_path: Path) -> None:
    label = "THE MEC FOR HEALTH (Ms J R Roe): The department's records show that 36 users have died."
    assert turn_speaker(label) == "Ms J R Roe"  # initials before the surname
    assert turn_org(label, 0, title_words(load_rules())) == "Department of Health"
    assert turn_speaker("THE MEC FOR HEALTH (Health): Yes.") == "THE MEC FOR HEALTH"  # one word is no holder
    (tmp_path / "press").mkdir()
    (tmp_path / "press" / "2016-06-30-release.txt").write_text(
        "NORTHGATE DEPARTMENT OF HEALTH\nMEDIA STATEMENT\n\nSpringfield, 30 June 2016\n\n"
        "The Northgate Department of Health has completed the transfer of patients.\n\n"
        "\"Each patient has been moved safely,\" said Health MEC Jane Roe.\n", encoding="utf-8")
    (tmp_path / "2016-09-13-hansard.txt").write_text(
        "NORTHGATE PROVINCIAL LEGISLATURE\nUNREVISED HANSARD\nTuesday, 13 September 2016\n\n"
        "Question 412 - Mr J Doe (DA) asked the MEC for Health how many patients had died.\n\n"
        "THE MEC FOR HEALTH (Ms J R Roe): Madam Speaker, the department's records show that 36 patients have "
        "died since the transfers.\n\nMR J DOE: Will the MEC table the names?\n", encoding="utf-8")
    statements = run([tmp_path], options=ScanOptions(use_cache=False)).statements
    died = next(s for s in statements if "36 patients have died" in s.text)
    completed = next(s for s in statements if "has completed the transfer" in s.text)
    assert (died.speaker, died.role) == ("J R Roe", "claim")
    assert died.organization == completed.organization  # one department, however it is named


def test_a_departments_name_without_its_place_joins_the_one_longer_name() -> None:
    canon = {n: n for n in ("Department of Health", "Northgate Department of Health", "State Department",
                            "Northgate State Department", "Acme")}
    families = org_families(canon, Counter(list(canon)))
    assert families.get("Department of Health", "Department of Health") == "Northgate Department of Health"
    assert families.get("State Department", "State Department") == "State Department"  # two words: too generic


def test_a_front_matters_publisher_owns_a_product_sheet_headed_by_the_products_name(tmp_path: Path) -> None:
    (tmp_path / "sheet.md").write_text(
        "---\ntitle: \"Acmetherm K9 Rainscreen Board -- Product Data Sheet\"\npublisher: \"Acme Insulation Ltd\"\n"
        "date: 2008-03-01\n---\n\n# Acmetherm(R) K9 Rainscreen Board\n\n## Fire performance\n\n"
        "- The product has been tested to BS 8414-1 and meets the criteria of BR 135.\n"
        "- It is therefore acceptable for use in buildings above 18 metres in height.\n", encoding="utf-8")
    (doc,) = _docs(tmp_path)
    assert doc.organization == "Acme Insulation Ltd"  # the publisher's, not the product's name heading the page
    tested = next(s for s in run([tmp_path], options=ScanOptions(use_cache=False)).statements
                  if "acceptable for use" in s.text)
    assert (tested.kind, tested.organization, tested.role) == ("public", "Acme Insulation Ltd", "claim")


def test_a_name_only_a_hearings_heading_gives_is_the_venue_not_the_witnesses_organization(tmp_path: Path) -> None:
    (tmp_path / "2019-02-21-hearing.txt").write_text(
        "NORTHGATE STATE BOARD OF ELECTIONS AND ETHICS ENFORCEMENT\n"
        "In the Matter of: Investigation of Irregularities Affecting\nCounties Within the 9th District\n"
        "Evidentiary Hearing - Day 4\n"
        "Thursday, February 21, 2019\n\nEXCERPT OF PROCEEDINGS\n\n"
        "MR. DOE: Ms. Roe, your son described warning you in April 2017. Do you dispute his account?\n\n"
        "JANE ROE: No, sir. He did raise concerns, and I chose to believe the contractor.\n\n"
        "MS. POE: What did you mean by the remark?\n\n"
        "JANE ROE: I was bitter after losing the primary. It was a careless remark.\n", encoding="utf-8")
    said = next(s for s in run([tmp_path], options=ScanOptions(use_cache=False)).statements
                if "chose to believe" in s.text)
    assert said.speaker == "Jane Roe"
    assert "BOARD" not in said.organization.upper()  # the board holds the hearing; she does not speak for it


def test_a_classification_marking_heading_a_memo_is_no_organization() -> None:
    header = read_header("OFFICIAL - SENSITIVE\n\nTO:    Home Secretary (private office)\n"
                         "FROM:  Jane Roe, Director General, Acme Enforcement\nDATE:  21 June 2017\n"
                         "RE:    Summary of performance\n\n1. Returns were 12,503 in 2016-17.\n")
    assert header.organization.lower() not in ("official", "official - sensitive")
    assert header.letterhead == ""


def test_a_salutation_without_a_comma_makes_a_letter(tmp_path: Path) -> None:
    (tmp_path / "2016-05-letter.txt").write_text(
        "Acme Financial Planning Pty Limited\n33 Alfred Street, Springfield\n\n[Date: May 2016]\n\n"
        "Senior Manager, Financial Advisers\nNorthgate Securities Commission\n\nDear Sir/Madam\n\n"
        "Our review indicates that the fees arose from an administrative error, rather than from any "
        "decision to charge customers who were not receiving services.\n\nYours faithfully\n\nRegulatory Affairs\n",
        encoding="utf-8")
    (doc,) = _docs(tmp_path)
    assert doc.kind == "letter"
    error = next(s for s in run([tmp_path], options=ScanOptions(use_cache=False)).statements
                 if "administrative error" in s.text)
    assert (error.kind, error.role) == ("public", "claim")


_CHAT = ("Acme Feeders - Microsoft Teams chat export\nChannel: Crisis Cell\nExported: 2021-05-26\n\n"
         "[25/05/2021 07:12] Jane Roe: Explosion reported aft of hold 2. What is the status of the crew?\n"
         "[25/05/2021 07:20] Fleet Operations (K. Nowak): Master decided to abandon. All 25 crew are being taken off.\n"
         "[25/05/2021 08:05] Duty Manager (John Doe): Headcount complete: 25 crew ashore.\n")


def test_a_chat_writer_named_in_brackets_after_a_desk_is_the_writer(tmp_path: Path) -> None:
    (tmp_path / "chat.txt").write_text(_CHAT, encoding="utf-8")
    assert [d.author for d in _docs(tmp_path)] == ["Jane Roe", "K. Nowak", "John Doe"]


def test_a_chat_writer_with_no_organization_writes_in_the_channels(tmp_path: Path) -> None:
    (tmp_path / "internal").mkdir()
    (tmp_path / "internal" / "chat.txt").write_text(_CHAT.replace("Acme Feeders - Microsoft Teams chat export\n", "")
                                                    .replace("(K. Nowak)", "").replace("Duty Manager (John Doe)", "Fleet Operations"),
                                                    encoding="utf-8")
    (tmp_path / "2021-05-21-release.txt").write_text(
        "ACME FEEDERS LTD\nPRESS RELEASE\n\nSingapore, 21 May 2021 -- Acme Feeders Ltd said all crew were safe.\n\n"
        "Acme Feeders' Fleet Operations team is in contact with the master.\n", encoding="utf-8")
    (tmp_path / "internal" / "update.eml").write_text(
        "From: Fleet Operations <ops@acmefeeders.com>\nTo: Board <board@acmefeeders.com>\nDate: Tue, 25 May 2021 09:00:00 +0000\n"
        "Subject: Crew update\n\nAll 25 crew are ashore and safe.\n", encoding="utf-8")
    (tmp_path / "internal" / "salvage.eml").write_text(  # the salvor's record: no one organization owns them all
        "From: Salvage Desk <desk@globexsalvage.com>\nTo: Ops Desk <ops@acmefeeders.com>\n"
        "Date: Tue, 25 May 2021 10:00:00 +0000\nSubject: Tow\n\nOur tug is alongside and the tow is ready.\n",
        encoding="utf-8")
    statements = run([tmp_path], options=ScanOptions(use_cache=False)).statements
    fleet = {s.organization for s in statements if s.speaker == "Fleet Operations"}
    roe = {s.organization for s in statements if s.speaker == "Jane Roe"}
    assert len(fleet) == 1 and fleet == roe and fleet != {""}


def test_a_portuguese_parliaments_record_is_testimony_with_its_turns(tmp_path: Path) -> None:
    (tmp_path / "2021-09-22-cpi.txt").write_text(
        "SENADO FEDERAL - COMISSÃO PARLAMENTAR DE INQUÉRITO\n"
        "Reunião de 22 de setembro de 2021 (Wednesday, September 22, 2021)\n"
        "Oitiva: Jane Roe Júnior, Diretora-Executiva, Acme Saúde\n\n"
        "O SR. JOHN DOE (Relator): Ms. Roe, the dossier lists nine deaths. Did Acme Saúde hide deaths?\n\n"
        "A SRA. JANE ROE JÚNIOR: No, Senator. Acme Saúde did not hide any death.\n\n"
        "O SR. JOHN DOE (Relator): And the spreadsheets?\n\n"
        "A SRA. JANE ROE JÚNIOR: Those spreadsheets were manipulated by former doctors.\n", encoding="utf-8")
    (doc,) = _docs(tmp_path)
    assert doc.kind == "testimony"
    hide = next(s for s in run([tmp_path], options=ScanOptions(use_cache=False)).statements
                if "did not hide any death" in s.text)
    assert hide.speaker == "Jane Roe Júnior"  # "A SRA." is an honorific
    assert hide.kind == "public"


def test_not_knowing_yet_why_is_no_claim_of_when_it_was_learned() -> None:
    from claimcheck.detect.stance import stance_of
    from claimcheck.rulecheck import _with_scopes, statement_from_spec
    rules = load_rules()

    def stance(text: str) -> str:
        spec = {"id": "p", "kind": "public", "role": "claim", "organization": "Acme", "date": "2018-06-15",
                "text": text, "predicate": "know", "polarity": "negative", "modality": "knowledge", "verbs": ["know"]}
        return stance_of(_with_scopes(statement_from_spec(spec, 0), rules), rules)
    assert stance("We do not yet know why the component failed; the maker is analysing it.") == "states"
    assert stance("We did not know about the failure until June 3.") == "claims-learned"


def test_a_heading_naming_the_statement_and_its_matter_makes_a_release(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "ACME PARTNERS - STATEMENT REGARDING NORTHGATE CAPITAL\nLondon, 12 April 2017\n\n"
        "Acme Partners confirms that it has ended its engagement with Northgate Capital.\n\n"
        "That is completely not the case. Our client was Northgate and our work was carried out for it.\n",
        encoding="utf-8")
    (tmp_path / "b.txt").write_text(
        "ACME PARTNERS - STATEMENT BY JANE ROE, CHIEF EXECUTIVE\nLondon, 6 July 2017\n\n"
        "Three months ago we ended our work for Northgate Capital.\n", encoding="utf-8")
    docs = {Path(d.path).name: d for d in _docs(tmp_path)}
    assert {(d.kind, d.organization) for d in docs.values()} == {("press-release", "Acme Partners")}
    denied = next(s for s in run([tmp_path], options=ScanOptions(use_cache=False)).statements
                  if "completely not the case" in s.text)
    assert (denied.kind, denied.organization, denied.role) == ("public", "Acme Partners", "claim")


def test_a_ministrys_press_service_and_statement_headings_make_its_releases(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "MINISTRY OF FAIR TRADE OF THE NORTHGATE REPUBLIC - PRESS SERVICE\n"
        "Comments of the Minister to news agencies\nSpringfield, 19 July 2016\n\n"
        "\"Northgate has no state doping schemes. The accusations rest on the testimony of one man.\"\n",
        encoding="utf-8")
    (tmp_path / "b.txt").write_text(
        "MINISTRY OF FAIR TRADE OF THE NORTHGATE REPUBLIC\nStatement (English version for international media)\n"
        "Springfield, 10 November 2015\n\nThe Ministry is interested in an objective investigation.\n",
        encoding="utf-8")
    docs = {Path(d.path).name: d for d in _docs(tmp_path)}
    assert {(d.kind, d.organization) for d in docs.values()} == {
        ("press-release", "Ministry of Fair Trade of the Northgate Republic")}


def test_an_exchange_announcement_is_the_companys_filing_named_by_its_ticker_line(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "ASX ANNOUNCEMENT\n\nThe Acme Entertainment Group Limited (ASX: ACM)\n\nSydney, Tuesday 12 October 2021\n\n"
        "FURTHER RESPONSE TO MEDIA REPORTS\n\nThe Acme rejects those claims. The reports were not kept secret.\n",
        encoding="utf-8")
    (doc,) = _docs(tmp_path)
    assert (doc.kind, doc.organization) == ("filing", "The Acme Entertainment Group Limited")
    secret = next(s for s in run([tmp_path], options=ScanOptions(use_cache=False)).statements
                  if "not kept secret" in s.text)
    assert (secret.kind, secret.role) == ("public", "claim")
