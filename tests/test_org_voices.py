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


def _news(text: str) -> dict[str, Statement]:
    doc = Document(id="n", path="story.txt", kind="news", date=DAY, text=text)
    return {s.text: s for s in extract_batch([doc], settings=ExtractSettings())[0]}


@pytest.mark.model
def test_a_title_before_the_name_places_the_person_in_the_story() -> None:
    """"Chief executive Jane Roe" (no organization named: the story's), then the surname speaks;
    next test: "Northgate Health's chief privacy officer, Dana Cole," (the organization before the title)."""
    out = _news("Northgate Motors admits diesel cars were rigged\n\n"
                "WOLFSBURG, Sept. 22, 2015 - Northgate Motors acknowledged on Tuesday that about 11 million cars "
                "carry software that can detect a test. Northgate Motors said it would recall the cars.\n\n"
                "Chief executive Jane Roe apologized in a video statement. \"I am deeply sorry that we have broken "
                "the trust of our customers,\" Roe said.\n")
    st = next(s for t, s in out.items() if t.startswith("I am deeply sorry"))
    assert (st.speaker, st.organization) == ("Jane Roe", "Northgate Motors")


@pytest.mark.model
def test_a_title_set_before_the_name_with_its_organization_places_the_person() -> None:
    out = _news("Hospital websites sent details to ad companies, researchers find\n\n"
                "MILWAUKEE, Feb. 10, 2023 - Researchers say the pages of 30 hospital systems, including "
                "Northgate Health, carried tracking code.\n\n"
                "Northgate Health's chief privacy officer, Dana Cole, rejected that finding. \"We have never shared "
                "patient information with advertisers,\" Cole said in an interview.\n")
    st = next(s for t, s in out.items() if t.startswith("We have never shared"))
    assert (st.speaker, st.organization) == ("Dana Cole", "Northgate Health")


@pytest.mark.model
def test_according_to_a_surname_is_the_person_introduced_not_an_organization() -> None:
    out = _news("Meatpacker promises spacing on its lines\n\n"
                "ALDER FALLS, April 10, 2020 - Northgate Foods will space workers six feet apart. "
                "\"We will slow the lines to make that possible,\" said Dana Cole, a Northgate Foods vice president.\n\n"
                "According to Cole, no employee at the plant has tested positive for the virus.\n")
    st = next(s for t, s in out.items() if t.startswith("According to Cole"))
    assert st.speaker == "Dana Cole" and st.organization != "Cole"


def test_a_parent_naming_its_unit_after_a_datelines_dash_owns_it() -> None:
    from claimcheck.ingest.relations import ownership
    text = ("FOR IMMEDIATE RELEASE\n\nSPRINGFIELD, Ill. — Northgate & Roe said today that its Apex Consumer "
            "Products subsidiary is withdrawing all capsules from store shelves.\n")
    assert ownership(text) == (("Apex Consumer Products", "Northgate & Roe"),)


@pytest.mark.model
def test_a_spokeswoman_for_a_named_rival_speaks_for_the_rival_not_the_story() -> None:
    out = _news("Ride app drivers say pay claims do not add up\n\n"
                "SEATTLE, Sept. 15, 2022 - Northgate said its drivers earn $30 an hour. A Northgate spokeswoman said "
                "Thursday that the company stood by the figure.\n\n"
                "Northgate's smaller rival, Cabana Go, has made pay claims of its own. \"Our drivers average $27 an "
                "hour, and we publish how we calculate it,\" said Rita Moss, a spokeswoman for Cabana Go.\n\n"
                "\"We never saw the data,\" said Jim Poe, a former executive of Northgate.\n")
    rival = next(s for t, s in out.items() if t.startswith("Our drivers average"))
    assert rival.organization == "Cabana Go"
    former = next((s for t, s in out.items() if t.startswith("We never saw")), None)
    assert former is None or former.organization != "Northgate"


def test_a_sender_named_as_an_organizations_office_names_the_organization() -> None:
    from pathlib import Path

    from claimcheck.ingest.base import context_for
    from claimcheck.ingest.email import read_eml
    raw = ("From: Northgate Voting Systems Communications <media@northgatevoting.example>\n"
           "To: bookers@apex.example\nSubject: Setting the record straight\nDate: Thu, 12 Nov 2020 10:02:11 -0700\n\n"
           "Claims being repeated on air that our systems deleted votes are false.\n").encode()
    docs = read_eml(raw, context_for(raw, Path("/in/m.eml"), "m.eml"))
    assert docs[0].organization == "Northgate Voting Systems"
