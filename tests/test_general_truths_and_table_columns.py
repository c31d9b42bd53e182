"""What sets 60 and 61 showed, read generically (issues 14, 15): a negative claim that is a general
truth about a kind of thing ("decryption keys do not automatically restore all systems") denies no
act, so a record that the organization restored its systems another way contradicts nothing; a
table's "REMARKS" column does not make a cargo manifest a speech. Asserts on findings and documents."""

from __future__ import annotations

from pathlib import Path

import pytest

from folder_helpers import docs as _docs, one as _one, report as _report


@pytest.mark.model
def test_a_general_truth_about_a_kind_of_thing_is_no_denial_a_record_contradicts(tmp_path: Path) -> None:
    _one(tmp_path, "press", "2016-06-07-release.txt",
         "ACME UNIVERSITY\nMedia release\nNorthgate, 7 June 2016\n\n"
         "Decryption takes time, and decryption keys do not automatically restore all systems or guarantee the "
         "recovery of data.\n")
    _one(tmp_path, "internal", "2016-06-06-memo.eml",
         "From: Jane Roe <jane.roe@acmeuniversity.example>\nTo: John Doe <john.doe@acmeuniversity.example>\n"
         "Date: Mon, 06 Jun 2016 18:00:00 -0600\nSubject: Status\n\n"
         "Most services have been restored from our own systems without using the keys.\n")
    report = _report(tmp_path)
    by_id = {s.id: s for s in report.statements}
    flagged = [f for f in report.findings if f.level != "candidate" and "decryption keys" in by_id[f.public].text]
    assert flagged == []
    assert any("decryption keys" in s.text and s.kind == "public" for s in report.statements)


def test_a_tables_remarks_column_does_not_make_a_manifest_a_speech(tmp_path: Path) -> None:
    _one(tmp_path, "internal", "2014-03-08-manifest.txt",
         "ACME AIRLINES - CARGO MANIFEST (extract)\n"
         "Flight: AC370   Date: 08 MAR 2014   Sector: NTH-STH\n\n"
         "AWB            PCS  WEIGHT(kg)  NATURE OF GOODS                         SHC / REMARKS\n"
         "232-xxxx xxxx  133     1,990    CONSOL - LITHIUM ION BATTERIES (NNR)    Handle with care.\n"
         "232-xxxx xxxx   ..     4,566    FRESH FRUIT                             PER - perishable\n")
    [doc] = _docs(tmp_path)
    assert doc.kind not in ("speech", "interview", "testimony")
