"""Third parties placed in the organization they speak for, with no config: a public body a story
names and then calls "the agency" or "the commission". Each test asserts on the records."""

from __future__ import annotations

import datetime as dt

from claimcheck.extract import ExtractSettings, extract_batch
from claimcheck.extract.attribution import named_body
from claimcheck.models import DateValue, Document, Statement

SETTINGS = ExtractSettings()
DAY = DateValue(dt.date(2022, 5, 17), dt.date(2022, 5, 17), "day", "test")
HEADS = frozenset({"commission", "administration", "department", "agency"})


def read(text: str) -> dict[str, Statement]:
    doc = Document(id="n", path="news.txt", kind="news", date=DAY, text=text)
    return {s.text: s for s in extract_batch([doc], settings=SETTINGS)[0]}


def test_named_body_is_the_last_capitalized_name_with_the_head() -> None:
    text = ("The Northgate Product Safety Commission on Saturday warned owners. Acme disagreed. "
            "The Department of Fair Trade said nothing. The commission said more.")
    assert named_body(text, text.index("The commission"), frozenset({"commission"})) \
        == "Northgate Product Safety Commission"
    assert named_body(text, text.index("The commission"), HEADS) == "Department of Fair Trade"
    assert named_body(text, text.index("Acme"), frozenset({"department"})) == ""
    # a head alone ("Commission officials") names no body
    assert named_body("Commission officials met. The commission said so.", 28, HEADS) == ""


def test_the_agency_is_the_body_the_story_named() -> None:
    got = read("The Northgate Food Administration traced the outbreak last month to the Acme plant in Blakely.\n\n"
               "The agency says the plant shipped product on 12 occasions after internal tests had found bacteria.\n\n"
               "Acme said the plant was safe.\n")
    st = got["The agency says the plant shipped product on 12 occasions after internal tests had found bacteria."]
    assert (st.role, st.organization) == ("third-party", "Northgate Food Administration")
    assert "Northgate Food Administration" in st.entities  # named, so the corpus step keeps it there


def test_the_commissions_chair_speaks_for_the_commission_not_the_company() -> None:
    got = read("According to the Northgate Product Safety Commission, Acme received 150 reports of injuries.\n\n"
               "Acme said its machines were safe when used as directed.\n\n"
               "Jane Roe, the commission's chair, said companies that keep selling products they know can hurt "
               "people have to answer for it.\n")
    st = next(s for t, s in got.items() if t.startswith("Jane Roe"))
    assert (st.speaker, st.organization, st.role) == ("Jane Roe", "Northgate Product Safety Commission", "third-party")


def test_a_places_office_title_is_the_office_not_the_place() -> None:
    got = read("Acting U.S. Attorney Jane Roe told reporters that the truck had never driven on its own.\n\n"
               "Northgate Attorney General Dana Poe sued Acme on Wednesday.\n\n"
               "Poe said in a statement that Acme had hidden the studies from doctors.\n\n"
               "Houston attorney Sam Loe said the documents would change how juries see the case.\n")
    by = {t.split()[0] + t.split()[1]: s for t, s in got.items()}
    assert by["ActingU.S."].organization == "U.S. Attorney's Office"
    assert (by["Poesaid"].speaker, by["Poesaid"].organization) == ("Dana Poe", "Northgate Attorney General's Office")
    assert "Office" not in by["Houstonattorney"].organization  # a lawyer in private practice holds no office


def test_the_report_is_the_words_of_the_body_that_released_it() -> None:
    got = read("The Northgate Trade Commission released its report on Monday on the February outage at Acme.\n\n"
               "The 40-page report, written over five months, cites a log from the night of the outage.\n\n"
               "The report says the outage lasted at least 12 hours and blocked more than 92 million calls.\n\n"
               "Acme said in a statement that it had already put changes in place.\n")
    st = got["The report says the outage lasted at least 12 hours and blocked more than 92 million calls."]
    assert st.organization == "Northgate Trade Commission"  # not "report"
    assert "Northgate Trade Commission" in st.entities


def test_a_story_about_a_press_release_is_no_press_release() -> None:
    from claimcheck.ingest.base import guess_kind

    story = ("Agency says Acme statement was inaccurate\n\nBy a staff reporter | Wednesday, November 4, 2009\n\n"
             "WASHINGTON -- The Northgate Safety Administration corrected Acme, saying a company press release "
             "issued Monday misstated what the agency had concluded, officials said.\n")
    assert guess_kind(story) != "press-release"
    release = "Acme recalls mats\n\nFor immediate release\n\nAcme today announced a recall.\n"
    assert guess_kind(release) == "press-release"


def test_a_long_title_after_the_name_ends_in_the_employer() -> None:
    got = read("Acme said it would reshape the pedals.\n\n"
               "At a briefing on Monday, Jane Roe, group vice president and general manager of the Acme division "
               "of Acme Sales, rejected reports that electronics were behind the complaints.\n\n"
               "There is absolutely no evidence of any defect other than the floor mats, Roe told reporters.\n")
    st = next(s for t, s in got.items() if t.startswith("There is"))
    assert st.speaker == "Jane Roe" and st.organization.startswith("Acme")


def test_the_party_label_is_the_legislator_named_before() -> None:
    got = read("WASHINGTON -- Rep. Dana Lee on Sunday made public an internal Acme document.\n\n"
               "Appearing on a Sunday programme, the Northgate Democrat said Acme had been either lying or "
               "grossly incompetent.\n\n"
               "Acme spokesman Sam Loe said the document appeared to be genuine.\n")
    st = next(s for t, s in got.items() if t.startswith("Appearing"))
    assert (st.speaker, st.organization, st.role) == ("Dana Lee", "U.S. House of Representatives", "third-party")


def test_an_unnamed_lawyer_speaks_for_the_party() -> None:
    got = read("Acme says its weed killer is safe when used as directed.\n\n"
               "A lawyer for the plaintiffs said the e-mails showed that the company had shaped the science.\n")
    st = next(s for t, s in got.items() if t.startswith("A lawyer"))
    assert (st.role, st.speaker, st.organization) == ("third-party", "", "counsel for the plaintiffs")


def test_a_former_title_drops_only_its_own_employer() -> None:
    got = read("Acme said users can turn location history off.\n\n"
               "Jane Roe, a Northgate computer scientist and former chief technologist at the Trade Commission, "
               "said the company ought to be clear.\n\n"
               "Sam Loe, a former executive of Globex, said the setting was confusing.\n")
    roe = next(s for t, s in got.items() if t.startswith("Jane Roe"))
    loe = next(s for t, s in got.items() if t.startswith("Sam Loe"))
    assert roe.organization == "Northgate"  # "former" is the second title's, not the first
    assert loe.organization != "Globex"  # no longer speaks for Globex
