"""Records in the forms and languages they arrive in (issue 14; what sets 80 and 81 showed after their first
scores, read generically): a recorded meeting of a company's directors with its managers is an internal record,
and "(Diretora-Presidente)" in its turn labels is a title, not an organization; "NOTA A IMPRENSA - ACME" over a
text that names Acme is Acme's release; a letter opening "Senhor Presidente," under "NORTHGATE WATER AND
SANITATION COMPANY - NOWASCO" is that company's letter; a record's parts headed "INCIDENT 2013-11" are dated so;
"Office of Communications" under a letterhead is the letterhead's office and "Statement attributed to Jane Roe,
Chief Information Officer" names who speaks; a report "prepared_for: Meeting with Jane Roe, ..." names no
client; a union branch's letterhead over a "contact note" owns it, and its "Raised with:" line names no witness.
Each test asserts on records and fails on the code before it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from folder_helpers import docs as _docs, one as _one, report as _report

pytestmark = pytest.mark.model


def test_a_directors_meeting_with_managers_is_internal_and_its_titles_name_no_one(tmp_path: Path) -> None:
    _one(tmp_path, "internal", "2014-07-27-meeting.txt",
         "NOWASCO - NORTHGATE WATER AND SANITATION COMPANY\n"
         "Reuniao da Diretoria com superintendentes e gerentes operacionais\nData: 27 de julho de 2014\n"
         "Transcricao parcial (audio gravado por participante).\n\n"
         "[Partial transcript of a recording made by a participant; not a verbatim transcript.]\n\n"
         "JANE ROE (Diretora-Presidente): Good morning. The reservoir is at 15.9 percent this morning.\n\n"
         "JOHN DOE (Diretor Metropolitano): If the rains fail again, there will not be water for bathing here.\n")
    (doc,) = _docs(tmp_path)
    assert doc.kind == "internal-report"
    rep = _report(tmp_path)
    assert {s.organization for s in rep.statements} & {"Diretora-Presidente", "Diretor Metropolitano"} == set()


def test_a_release_named_after_its_kind_in_another_language(tmp_path: Path) -> None:
    _one(tmp_path, "press", "2014-10-24-nota.txt",
         "NOTA A IMPRENSA - NOWASCO\nSao Paulo, 24 de outubro de 2014\n\n"
         "A Nowasco esclarece que o objetivo da reuniao foi ampliar a comunicacao.\n\n"
         "English working text: Nowasco clarifies that the meeting aimed to widen its water-saving campaign.\n")
    (doc,) = _docs(tmp_path)
    assert doc.organization == "NOWASCO"


def test_a_letter_under_a_long_name_and_its_short_form(tmp_path: Path) -> None:
    _one(tmp_path, "records", "2014-11-07-carta.txt",
         "NORTHGATE WATER AND SANITATION COMPANY - NOWASCO\nPresidencia\n\nSao Paulo, 7 de novembro de 2014\n\n"
         "Ref.: Oficio da CPI de 29/10/2014\n\nSenhor Presidente,\n\n"
         "At the July meeting I reminded employees that institutional communication follows the management.\n\n"
         "Respectfully,\n\nJane Roe\nDiretora-Presidente\n")
    (doc,) = _docs(tmp_path)
    assert (doc.kind, doc.author) == ("letter", "Jane Roe")
    assert doc.organization in ("Nowasco", "Northgate Water and Sanitation Company")


def test_a_records_parts_headed_by_what_happened_and_when(tmp_path: Path) -> None:
    _one(tmp_path, "records", "2018-05-04-extract.txt",
         "NORTHGATE COUNTY SCHOOLS\nSTUDENT DISCIPLINE HISTORY - EXTRACT\n"
         "Prepared for: Office of the Superintendent (confidential - student record)\nExtract run: Friday, May 4, 2018\n\n"
         "INCIDENT 2013-11 (Westfield Middle)\n  Disposition: Referred to the diversion programme, 3-day assignment.\n\n"
         "INCIDENTS 2016-2017 (Northgate High)\n  Various conduct entries; none coded as diversion referrals.\n")
    rep = _report(tmp_path)
    referred = next(s for s in rep.statements if "diversion programme" in s.text)
    various = next(s for s in rep.statements if "Various conduct" in s.text)
    assert (referred.date.start, referred.date.precision) == (dt.date(2013, 11, 1), "month")
    assert (various.date.start, various.date.end) == (dt.date(2016, 1, 1), dt.date(2017, 12, 31))


def test_an_office_under_a_letterhead_and_a_statement_attributed_without_a_colon(tmp_path: Path) -> None:
    _one(tmp_path, "press", "2018-05-07-statement.txt",
         "NORTHGATE COUNTY PUBLIC SCHOOLS\nOffice of Communications\nStatement - Monday, May 7, 2018\n\n"
         "Statement attributed to Jane Roe, Chief Public Information Officer\n\n"
         "The District has previously and accurately stated that he did not take part in the programme.\n")
    (doc,) = _docs(tmp_path)
    assert (doc.organization, doc.author) == ("Northgate County Public Schools", "Jane Roe")


def test_a_report_prepared_for_a_meeting_names_no_client(tmp_path: Path) -> None:
    _one(tmp_path, "internal", "2012-07-staff-document.md",
         "---\ntitle: \"Where the team is at (staff document, excerpt)\"\n"
         "author: \"Members of the production team, Northgate Radio\"\n"
         "prepared_for: \"Meeting with Jane Roe, Director of Talk, Northgate Radio\"\n"
         "date: 2012-07\n---\n\nThe host's conduct toward junior staff has gone unchecked for years.\n")
    (doc,) = _docs(tmp_path)
    assert doc.organization == "Northgate Radio"


def test_a_union_branchs_note_is_the_unions_and_raised_with_names_no_witness(tmp_path: Path) -> None:
    _one(tmp_path, "internal", "2010-note.txt",
         "NORTHGATE MEDIA GUILD - NORTH BRANCH\nRepresentative's contact note (informal - no grievance filed)\n\n"
         "Date: 2010 (spring)\nMatter: Concern raised by a producer, Q (Northgate Radio)\n"
         "Raised with: John Doe, Executive Producer, Q; subsequently Jane Roe, Director, Northgate Radio\n\n"
         "Summary: A producer asked me to raise her difficulties working with the host. I relayed the concern.\n")
    (doc,) = _docs(tmp_path)
    assert doc.organization == "Northgate Media Guild"
