"""A figure given in public that the organization's own record names, written out in full, and says does not hold
("the figure of 130,271 used in external briefings could not be reconciled with the waybill records"), as set 91
showed it (issue 15): the claim and the record pair by that very figure, whatever words are around it, and the pair
is a numeric-mismatch contradiction that explains itself. A record naming another figure, or the same figure without
disowning it, flags nothing. Each test asserts on the report's records and fails on the code before it."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck.align import exact_numbers
from folder_helpers import one as _one, report as _report

pytestmark = pytest.mark.model

HEARING = """NORTHGATE ASSEMBLY - DISASTER COMMISSION
Hearing of 27 March 2023 - transcript excerpt

CHAIR (Mary Major): The floor is yours.

JANE ROE (President, Acme Relief): Honourable members, we were in the field from the first hour. Since the
earthquakes, 130,271 tents have been dispatched by Acme Relief to the earthquake zone.
"""

SLIDES = """ACME RELIEF -- DISASTER MANAGEMENT DIRECTORATE
Slide export: "Shelter Response, Year-End Reconciliation"
Prepared: January 2024. Internal working deck.

--- Slide 3 ---
Note: {note}
"""


def _flags(rep):
    return [f for f in rep.findings if f.level in ("contradiction", "tension")]


def test_a_public_figure_its_own_record_says_does_not_hold_is_a_contradiction(tmp_path: Path) -> None:
    _one(tmp_path, "hearing", "2023-03-27-commission.txt", HEARING)
    _one(tmp_path, "internal", "2024-01-tally-slides.txt", SLIDES.format(
        note="figure of 130,271 used in external briefings in March 2023 could not be reconciled with waybill records."))
    rep = _report(tmp_path)
    [flag] = _flags(rep)
    assert flag.type == "numeric-mismatch" and flag.level == "contradiction"
    by_id = {s.id: s for s in rep.statements}
    assert "130,271 tents" in by_id[flag.public].text
    assert any("could not be reconciled" in by_id[i].text for i in flag.internal)
    assert any(r.code == "disowned" and "130,271" in r.text for r in flag.reasons)


@pytest.mark.parametrize("note", [
    "figure of 131,840 used in external briefings in March 2023 could not be reconciled with waybill records.",
    "figure of 130,271 used in external briefings in March 2023 was reconciled with waybill records.",
])
def test_another_figure_or_the_same_figure_upheld_flags_nothing(tmp_path: Path, note: str) -> None:
    _one(tmp_path, "hearing", "2023-03-27-commission.txt", HEARING)
    _one(tmp_path, "internal", "2024-01-tally-slides.txt", SLIDES.format(note=note))
    assert _flags(_report(tmp_path)) == []


def test_exact_figures_are_written_out_numbers_not_years_or_round_thousands() -> None:
    assert exact_numbers("130,271 tents, 48213 calls, 2023, 20,000 masks, NT$83.27 million") == frozenset({"130271", "48213"})
