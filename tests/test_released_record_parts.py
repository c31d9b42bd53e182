"""A released record of several dated parts (issue 14; what set 61 showed, read generically): a
court's release of sworn filings, each part headed "Affiant: ..." and "Sworn: August 2017" (or "Date
of execution: 7 December 2017"), dates each part's sentences by its own line and gives them their
affiant, not the release's date nor a "Sworn" speaker; the cover note above the parts keeps the
release's date. Asserts on statements."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from folder_helpers import one as _one, report as _report

pytestmark = pytest.mark.model

_RELEASE = """NORTHGATE COURT OF JUSTICE
RELEASE OF VETTED JUDICIAL AUTHORIZATION MATERIALS
Cover note to media applicants, 3 October 2018
Vetted copies of the Informations to Obtain filed by the Northgate Police Service are released.

-------------------------------------------------------------

EXCERPT 1 - Application for a production order
Affiant: Det.-Const. Jane Roe, 51 Division
Sworn: August 2017
-------------------------------------------------------------

Investigators are now aware of five men whose disappearances remain unexplained.

-------------------------------------------------------------

EXCERPT 2 - Application for a general warrant
Affiant: Det.-Const. Jane Roe
Sworn: October 2017
-------------------------------------------------------------

A vehicle seen outside one man's home on the day he was last seen has been associated with the suspect.

-------------------------------------------------------------

EXCERPT 3 - Report to a justice on a general warrant
Date of execution: 7 December 2017
-------------------------------------------------------------

Members of the project entered the residence covertly under the authorized warrant.
"""


def _dated(report, words: str) -> set[tuple[str, dt.date | None, dt.date | None]]:
    return {(s.speaker, s.date.start, s.date.end) for s in report.statements if words in s.text}


def test_each_part_of_a_released_record_is_dated_by_its_own_line_and_written_by_its_affiant(tmp_path: Path) -> None:
    _one(tmp_path, "records", "2018-10-03-release.txt", _RELEASE)
    report = _report(tmp_path)
    assert _dated(report, "five men") == {("Jane Roe", dt.date(2017, 8, 1), dt.date(2017, 8, 31))}
    assert {d for _, d, _e in _dated(report, "associated with the suspect")} == {dt.date(2017, 10, 1)}
    assert {d for _, d, _e in _dated(report, "entered the residence")} == {dt.date(2017, 12, 7)}
    assert {d for _, d, _e in _dated(report, "are released")} == {dt.date(2018, 10, 3)}  # the cover note: the release's
