"""Who speaks for which organization, from the document's own structure (issue 14, "who")."""

from __future__ import annotations

import datetime as dt

import pytest

from claimcheck.extract import ExtractSettings, extract_batch
from claimcheck.extract.attribution import TitleWords, turn_org
from claimcheck.models import DateValue, Document, Statement

DAY = DateValue.day(dt.date(2021, 9, 14), "header")


def test_a_programme_role_in_a_turn_label_is_no_organization() -> None:
    text = "JANE ROE (HOST): Welcome back.\n\nDANA COLE (Northgate CEO): We fixed it.\n"
    assert turn_org(text, 0, TitleWords()) == ""
    assert turn_org(text, text.index("DANA"), TitleWords(person=frozenset({"ceo"}))) == "Northgate"


@pytest.mark.model
def test_a_programmes_guest_speaks_for_no_one_but_the_host_for_the_programme() -> None:
    text = ("JANE ROE (HOST): Welcome back. The Northgate machines lost votes in three counties.\n\n"
            "DANA COLE (GUEST): Good morning, Jane.\n\n"
            "ROE: Tell us what you found.\n\n"
            "COLE: The software moved votes from one candidate to another.\n")
    doc = Document(id="t", path="show.txt", kind="speech", date=DAY, organization="Apex News", text=text)
    out: list[Statement] = list(extract_batch([doc], settings=ExtractSettings())[0])
    by_text = {s.text: s for s in out}
    host = by_text["The Northgate machines lost votes in three counties."]
    guest = by_text["The software moved votes from one candidate to another."]
    assert (host.speaker.lower(), host.organization, host.role) == ("jane roe", "Apex News", "claim")
    assert (guest.speaker.lower(), guest.organization, guest.role) == ("dana cole", "", "third-party")
