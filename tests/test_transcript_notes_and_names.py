"""A hearing's transcript read generically (issue 14; what set 54 showed): an editor's note in square
brackets ("Excerpt only; not an official transcript.") names no organization, nor does the running
footer that repeats the inquiry's name; a witness named in capitals ("ROBERT ROE, on former oath:")
is written as names are, "Robert Roe", when a later turn ("MR ROE:") is read as theirs; an affidavit
("CONFIRMATORY AFFIDAVIT / I, the undersigned, JANE ROE / do hereby make oath and state") is its
deponent's sworn public word (what set 58 showed); a turn that relays another party's words ("told us
that ...") keeps its speaker on their own side (set 60); a house's question time ("Mr DOE (Prime Minister):")
is read turn by turn, and a rank ("Prime Minister") names no organization (set 46). Asserts on
documents and statements."""

from __future__ import annotations

from pathlib import Path

import pytest

from folder_helpers import docs as _docs, one as _one, report as _report

pytestmark = pytest.mark.model

_HEARING = """NORTHGATE FLOODS COMMISSION OF INQUIRY
Commissioner: The Honourable Justice J. Doe
TRANSCRIPT OF PROCEEDINGS - FURTHER HEARINGS
NORTHGATE, FRIDAY 3 FEBRUARY 2012, 10.00 AM

[Reconstruction for testing; wording invented.
Excerpt only; not an official transcript.]

ROBERT ROE, on former oath:

MR LAMB (Counsel Assisting): Mr Roe, when did the dam go into the third strategy?

MR ROE: I made that call at about eight o'clock on the Saturday morning.

MR LAMB: Your own note from that weekend said the second strategy, didn't it?

MR ROE: I corrected it. It was a mistake in my note, not a change in what we were doing.

Northgate Floods Commission of Inquiry  |  Transcript excerpt  |  Day 2
"""


def test_an_editors_note_and_a_running_footer_name_no_organization_and_a_witness_is_cased(tmp_path: Path) -> None:
    _one(tmp_path, "hearing", "2012-02-03-transcript.txt", _HEARING)
    said = {(s.speaker, s.organization) for s in _report(tmp_path).statements if "I made that call" in s.text}
    assert said == {("Robert Roe", "")}


_AFFIDAVIT = """IN THE HIGH COURT OF NORTHGATE
MAIN DIVISION
In the matter between:
THE PROSECUTOR-GENERAL                                         Applicant

CONFIRMATORY AFFIDAVIT (EXCERPT)

I, the undersigned,
JANE ROE
do hereby make oath and state that:

 15. I was not involved in, did not know of, and did not so much as suspect any unlawful act
     by Mr Doe. If he engaged in such conduct, he never informed me of it.

SIGNED AND SWORN at Northgate on this 27th day of May 2021.
"""


def test_an_affidavit_is_its_deponents_sworn_public_word(tmp_path: Path) -> None:
    _one(tmp_path, "court", "2021-05-27-affidavit.txt", _AFFIDAVIT)
    [doc] = _docs(tmp_path)
    assert (doc.kind, doc.author) == ("testimony", "Jane Roe")
    said = {(s.kind, s.speaker) for s in _report(tmp_path).statements if "did not know of" in s.text}
    assert said == {("public", "Jane Roe")}


def test_question_time_is_read_turn_by_turn_and_a_rank_names_no_organization(tmp_path: Path) -> None:
    _one(tmp_path, "hansard", "2020-02-question-time.txt",
         "HOUSE OF REPRESENTATIVES -- QUESTIONS WITHOUT NOTICE (extract)\nSport grants program\nFebruary 2020\n\n"
         "Mr ROE (Leader of the Opposition): My question is to the Prime Minister. What role did his office play?\n\n"
         "Mr DOE (Prime Minister): The minister made the decisions. My office did not sign off on who received funding.\n")
    [doc] = _docs(tmp_path)
    assert doc.kind == "testimony"
    said = {(s.speaker, s.organization) for s in _report(tmp_path).statements if "did not sign off" in s.text}
    assert said == {("Doe", "")}


def test_a_turn_relaying_another_partys_words_keeps_its_speaker_on_their_side(tmp_path: Path) -> None:
    _one(tmp_path, "hearing", "2022-03-02-call.txt",
         "ACMETEL - CONFERENCE CALL ON THE INVESTIGATION\n2 March 2022, 14:00 CET\nEdited transcript\n\n"
         "OPERATOR: Welcome. Today's speaker is Jane Roe, President and CEO.\n\n"
         "JANE ROE (President and CEO): Thank you. Yesterday the US Department of Justice told us that, in its view, "
         "the disclosure we made was insufficient.\n\n"
         "JANE ROE (President and CEO): Our investigation did not find that any employee was directly involved.\n")
    report = _report(tmp_path)
    said = {(s.speaker, s.organization) for s in report.statements if "did not find that any employee" in s.text}
    assert said == {("Jane Roe", "Acmetel")}
