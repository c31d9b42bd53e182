"""When one person says they learned of a matter ("I learned about this object only at the end of April") and
the organization's records of months before were written by others and never name them, the organization knew and
that it reached the speaker is not shown: a tension, weakened so, as set 90 showed it (issue 15). The claim's own
document telling that a unit knew ("It was established that on 16 December the operations centre received
information") does not tell when the speaker learned, so the pair is no longer set aside as disclosed alongside.
A record naming the speaker keeps the contradiction. Each test asserts on the report's records and fails on the
code before it."""

from __future__ import annotations

from pathlib import Path

import pytest

from folder_helpers import one as _one, report as _report

pytestmark = pytest.mark.model

BRIEFING = """MINISTRY OF FAIR TRADE
Press conference, Northgate, Thursday 11 May 2023 - transcript excerpt

JANE ROE (Minister of Fair Trade): Good afternoon. It was established that on 16 December 2022 the Operations
Centre received information about an object approaching the border.

JANE ROE (Minister of Fair Trade): I learned about this object only at the end of April, when it was found in the
forest.
"""

MEMO = """MEMORANDUM
TO: Head of Operations
FROM: Duty officer, Operations Centre, Ministry of Fair Trade
DATE: 19 December 2022
RE: Search for the object of 16 December

1. A helicopter flew the sector south of the city today. No debris was seen.
2. {line}
"""


def _on_learning(rep):
    by_id = {s.id: s for s in rep.statements}
    return [f for f in rep.findings if f.type == "knowledge-timing" and "I learned about this object" in by_id[f.public].text
            and f.level != "candidate"]


def test_ones_own_learning_against_records_that_never_name_one_is_a_tension(tmp_path: Path) -> None:
    _one(tmp_path, "press", "2023-05-11-briefing.txt", BRIEFING)
    _one(tmp_path, "internal", "2022-12-19-memo.txt",
         MEMO.format(line="The Ministry Operations Centre has been kept informed of the search of the object."))
    [flag] = _on_learning(_report(tmp_path))
    assert flag.level == "tension"
    assert any(r.code == "not-shown-to-speaker" and r.effect == "weakens" for r in flag.reasons)


def test_a_record_naming_the_speaker_keeps_the_contradiction(tmp_path: Path) -> None:
    _one(tmp_path, "press", "2023-05-11-briefing.txt", BRIEFING)
    _one(tmp_path, "internal", "2022-12-19-memo.txt",
         MEMO.format(line="Jane Roe has been kept informed of the search of the object."))
    [flag] = _on_learning(_report(tmp_path))
    assert flag.level == "contradiction"
    assert not any(r.code == "not-shown-to-speaker" for r in flag.reasons)
