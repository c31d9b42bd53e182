"""What blind set 48 showed, read generically (issues 14 and 15): a spreadsheet export (.csv, .tsv) is a
record read row by row, each row on its own line; a listed company's "trading statement" is its own
filing; a release signed by a name over its title line is in that person's voice. And what must not
flag: a denial of knowing that says how things stand now ("not aware at this time"); a pledge to keep
customers informed against a record that systems were shut down; a description whose modifier's verb
("a script routinely used to ...") against a record that something else could not be used. Each test
asserts on records or on the report's findings."""

from __future__ import annotations

from pathlib import Path

from folder_helpers import docs as _docs, one as _one, report as _report

_FLAGS = ("contradiction", "tension")


def test_a_csv_log_is_a_record_read_row_by_row_on_its_own_lines(tmp_path: Path) -> None:
    _one(tmp_path, "internal", "ride-log-2016-10-25.csv",
         "# Acme Parks -- ride operations log, 25/10/2016\n"
         "date,time,entered_by,event,action_taken\n"
         "2016-10-25,09:55,Attendant,Pre-opening checks complete,Ride opened to guests\n"
         "2016-10-25,13:09,Attendant,\"South pump stopped again, earth fault\",Reset on phone instruction; supervisor not notified\n")
    [doc] = _docs(tmp_path)
    assert doc.kind == "internal-report" and doc.date.iso() == "2016-10-25"
    lines = doc.text.split("\n")
    assert lines[1] == ""  # the header row names the columns: no statement
    assert lines[3].startswith("date 2016-10-25, time 13:09") and "South pump stopped again, earth fault." in lines[3]
    report = _report(tmp_path)
    cited = {s.source.line for s in report.statements if "South pump" in s.text}
    assert cited == {4}  # the row's own line in the file


def test_a_tsv_ledger_row_keeps_its_label_and_its_figures(tmp_path: Path) -> None:
    _one(tmp_path, "internal", "fund-summary.tsv",
         "category\tfy2018\tfy2019\tnotes\nLegal fees\t212000\t188000\t\n")
    [doc] = _docs(tmp_path)
    assert doc.text.split("\n")[1] == "Legal fees: fy2018 212000, fy2019 188000."


def test_a_listed_companys_trading_statement_is_its_own_filing(tmp_path: Path) -> None:
    _one(tmp_path, "press", "2019-02-08-trading-statement.txt",
         "Acme Limited\n(Incorporated in the Republic of Northgate)\nShare codes: NSE: ACM\n\n"
         "TRADING STATEMENT AND PROJECT UPDATE -- EXTRACT\n\nNorthgate, 8 February 2019\n\n"
         "The forecast total capital cost of the project is now estimated at US$11.6 billion.\n")
    [doc] = _docs(tmp_path)
    assert (doc.kind, doc.organization) == ("filing", "Acme Limited")


def test_a_release_signed_by_a_name_over_its_title_line_is_in_that_voice(tmp_path: Path) -> None:
    _one(tmp_path, "press", "2016-10-26-statement.txt",
         "ACME LEISURE GROUP\nASX ANNOUNCEMENT\n\n26 October 2016\n\nINCIDENT -- STATEMENT\n\n"
         "Safety of our guests always comes first at the park.\n\nJane Roe\nChief Executive Officer, Acme Leisure Group\n")
    [doc] = _docs(tmp_path)
    assert doc.author == "Jane Roe"


def test_not_aware_at_this_time_is_not_strained_by_an_earlier_record_of_the_matter(tmp_path: Path) -> None:
    _one(tmp_path, "press", "2020-05-12-update.txt",
         "ACME LOGISTICS -- MEDIA STATEMENT\n12 May 2020\n\n"
         "We are not aware at this time of any information from this server having been published.\n")
    _one(tmp_path, "internal", "2020-02-18-incident-summary.txt",
         "ACME LOGISTICS\nINTERNAL - INCIDENT SUMMARY\nDate: 18 February 2020\n\n"
         "Ransomware executed across the server estate and information on one server was encrypted.\n")
    report = _report(tmp_path)
    assert [f for f in report.findings if f.level in _FLAGS] == []


def test_a_pledge_to_keep_customers_informed_is_not_broken_by_systems_shut_down(tmp_path: Path) -> None:
    _one(tmp_path, "press", "2020-05-05-notice.txt",
         "ACME LOGISTICS -- MEDIA STATEMENT\n5 May 2020\n\nAcme Logistics has detected a ransomware attack on its "
         "systems. As a precaution we have shut down certain systems.\n"
         "We will keep customers informed as systems are progressively restored.\n")
    _one(tmp_path, "internal", "2020-05-05-bridge-notes.md",
         "MAJOR INCIDENT BRIDGE\nRunning notes, Tuesday 5 May 2020. Acme Logistics internal.\n\n"
         "- 07:05  Decision (Group CIO): isolate affected segments, shut down selected corporate systems, suspend "
         "external email.\n- 08:30  Partner confirms the ransomware variant.\n")
    report = _report(tmp_path)
    assert [f for f in report.findings if f.level in _FLAGS] == []


def test_a_modifiers_verb_is_no_act_the_description_says_is_done(tmp_path: Path) -> None:
    _one(tmp_path, "press", "2018-06-01-briefing.txt",
         "NORTHGATE AIR NAVIGATION -- PRESS RELEASE\n1 June 2018\n\n"
         "Northgate Air Navigation has completed its review of the outage of 3 April.\n"
         "A script routinely used to prepare test systems begins by emptying the existing databases in the test "
         "domain before loading a fresh set of airspace data.\n")
    _one(tmp_path, "internal", "2018-04-06-incident-memo.txt",
         "NORTHGATE AIR NAVIGATION\nINCIDENT REVIEW - INTERNAL\nDate: 6 April 2018\n\n"
         "1.4 The contingency system at the test centre was affected by the same deletion through replication "
         "and could not be used as a straightforward fallback.\n")
    report = _report(tmp_path)
    assert [f for f in report.findings if f.level in _FLAGS] == []


def test_a_front_matter_issuer_names_the_organization_by_its_organizations_part(tmp_path: Path) -> None:
    _one(tmp_path, "internal", "2022-06-08-note.md",
         "---\ndocument: \"Briefing note\"\nissuer: \"Northgate Police Prefecture, Ministry of the Interior -- "
         "prefect's office\"\ndate: 2022-06-08\nclassification: \"Internal -- not for distribution\"\n---\n\n"
         "No headcount underpins the figure.\n")
    _one(tmp_path, "press", "2018-04-04-statement.md",
         "---\ntitle: \"Statement on the outage\"\nissuer: \"ACME AIR NAVIGATION\"\ndate: 2018-04-04\n---\n\n"
         "We are confident that no outside party interfered with our systems.\n")
    orgs = {d.path.split("/")[-1]: d.organization for d in _docs(tmp_path)}
    assert orgs == {"2022-06-08-note.md": "Ministry of the Interior", "2018-04-04-statement.md": "ACME AIR NAVIGATION"}


def test_a_chat_exports_heading_names_an_organization_with_small_words_and_its_unit(tmp_path: Path) -> None:
    _one(tmp_path, "internal", "2022-05-30-chat-export.txt",
         "# Chat export -- group \"Follow-up\" (Ministry of the Interior, minister's cabinet)\n"
         "# Exported 2022-06-03 for the cabinet archive.\n\n"
         "30/05/2022 14:02  CC: Nobody has counted anything yet.\n"
         "30/05/2022 14:05  CS: Then we should not give a number.\n")
    assert {d.organization for d in _docs(tmp_path)} == {"Ministry of the Interior"}


def test_a_government_second_level_domain_is_no_organization() -> None:
    from claimcheck.ingest.base import organization_label
    assert organization_label("interieur.gouv.fr") == "interieur"
    assert organization_label("sat.gob.mx") == "sat"


def test_a_message_from_an_office_signed_by_a_person_over_that_title_is_hers(tmp_path: Path) -> None:
    _one(tmp_path, "internal", "2023-11-20-update.eml",
         "From: Chief Executive <chief.executive@acmelibrary.example>\nTo: All Staff <allstaff@acmelibrary.example>\n"
         "Date: Mon, 20 Nov 2023 17:52:00 +0000\nSubject: Update\n\nDear colleagues,\n\n"
         "The attackers copied staff data held on our servers.\n\nJane Roe\nChief Executive, Acme Library\n")
    [doc] = _docs(tmp_path)
    assert doc.author == "Jane Roe"


def test_a_table_csv_cannot_read_is_a_clear_failure_and_the_rest_is_read(tmp_path: Path) -> None:
    (tmp_path / "internal").mkdir()
    # a field past the csv module's size limit (131,072 characters)
    (tmp_path / "internal" / "broken.csv").write_text("a,b\n1,\"" + "x" * 200_000 + "\"\n", encoding="utf-8")
    _one(tmp_path, "internal", "log.csv", "date,event\n2016-10-25,Pump stopped and was reset by phone\n")
    from claimcheck.ingest import ingest_paths
    results = {r.record.path.split("/")[-1]: r.record for r in ingest_paths([tmp_path])}
    assert results["broken.csv"].status == "failed" and "not a readable table" in results["broken.csv"].reason
    assert results["log.csv"].status == "parsed"


def test_a_semicolon_csv_from_a_decimal_comma_locale_is_read_by_its_own_delimiter(tmp_path: Path) -> None:
    _one(tmp_path, "internal", "fund.csv", "category;fy2018;fy2019\nLegal fees;212,5;188,0\nTravel;10,0;12,5\n")
    [doc] = _docs(tmp_path)
    assert doc.text.split("\n")[1] == "Legal fees: fy2018 212,5, fy2019 188,0."


def test_not_aware_at_this_time_is_not_strained_by_a_finding_still_to_be_confirmed(tmp_path: Path) -> None:
    _one(tmp_path, "press", "2020-05-12-update.txt",
         "ACME LOGISTICS -- MEDIA STATEMENT\n12 May 2020\n\n"
         "We are not aware at this time of any information from this server having been published.\n")
    _one(tmp_path, "internal", "2020-05-05-bridge-notes.txt",
         "ACME LOGISTICS\nINTERNAL - MAJOR INCIDENT NOTES\nDate: 5 May 2020\n\n"
         "Likely entry to the server via an exposed remote desktop service, to be confirmed.\n")
    report = _report(tmp_path)
    assert [f for f in report.findings if f.level in _FLAGS] == []
