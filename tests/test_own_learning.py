"""When one person says they learned of a matter ("I learned about this object only at the end of April") and
the organization's records of months before were written by others and never name them, the organization knew and
that it reached the speaker is not shown: a tension, weakened so, as set 90 showed it (issue 15). The claim's own
document telling that a unit knew ("It was established that on 16 December the operations centre received
information") does not tell when the speaker learned, so the pair is no longer set aside as disclosed alongside.
A record naming the speaker keeps the contradiction. A person's denial of an act ("I did not participate in the
appointment") against their own earlier record of it in other words ("Following my direction, the Ministry appointed
...") is a tension, strengthened as their own record; the same record by someone else is only listed. Each test
asserts on the report's records and fails on the code before it (the guard of the last excepted)."""

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


STATEMENT = """MINISTRY OF FAIR TRADE - MEDIA STATEMENT
26 May 2021

Statement by Jane Roe, Minister of Fair Trade, on the Acme Media contract

I did not participate in the appointment of Acme Media to the roadshow contract. I did not influence officials in any way.
"""

DIRECTION = """MEMORANDUM
TO: Heads of branch, Ministry of Fair Trade
FROM: {sender}
DATE: 20 January 2020
RE: Roadshow contract

1. {first} appointed Acme Media to the roadshow contract on 15 January.
2. The Director-General will sign the agreement this week.
"""


def _on_appointment(rep):
    by_id = {s.id: s for s in rep.statements}
    return [f for f in rep.findings if "did not participate" in by_id[f.public].text and f.level != "candidate"]


def test_a_persons_denial_of_an_act_against_their_own_earlier_record_of_it_is_a_tension(tmp_path: Path) -> None:
    """(set 89: "I did not influence officials" against the minister's own direction, in other words)."""
    _one(tmp_path, "press", "2021-05-26-statement.txt", STATEMENT)
    _one(tmp_path, "internal", "2020-01-20-memo.txt",
         DIRECTION.format(sender="Jane Roe, Minister of Fair Trade", first="Following my direction, the Ministry"))
    [flag] = _on_appointment(_report(tmp_path))
    assert flag.level == "tension" and flag.type == "denial-vs-evidence"
    assert any(r.code == "own-record" and r.effect == "strengthens" for r in flag.reasons)


def test_the_same_record_by_someone_else_is_only_listed(tmp_path: Path) -> None:
    _one(tmp_path, "press", "2021-05-26-statement.txt", STATEMENT)
    _one(tmp_path, "internal", "2020-01-20-memo.txt",
         DIRECTION.format(sender="John Doe, Director-General, Ministry of Fair Trade", first="The Ministry"))
    assert _on_appointment(_report(tmp_path)) == []
