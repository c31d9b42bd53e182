"""Whose page, release or press conference it is, read from its own layout (issue 14; what sets 58
and 59 showed, read generically): a moderator's line naming an office is no person, so the people
speaking at the organization's own press conference speak for it; a letterhead over a release heading
written in two languages ("Fréttatilkynning / Press statement") or over "Statement and apology"; a
company's own web page, its title's last part the brand that opens its navigation beside "The company";
"© Crown Copyright" names no owner, and "Media enquiries: ... Communications" names the press desk's
organization; "Deputy First Minister" is a rank, no ministry; a joint briefing headed "MINISTRY OF
ENERGY / ACME OIL" is two organizations' (not one name in two languages), and "(Minister of Energy)"
in a turn label names the ministry; a university's own media availability (an en dash after its name)
is its voice, not a venue, and a portfolio in a turn label ("Vice-President, Finance and Services") is
no organization (set 61); a front matter whose source is a news agency's wire copy is a story, its
quotes its speakers' (set 60). Each test asserts on records."""

from __future__ import annotations

from pathlib import Path

import pytest

from folder_helpers import docs as _docs, one as _one, report as _report

pytestmark = pytest.mark.model


def _said(report, words: str) -> set[tuple[str, str, str]]:
    return {(s.speaker.lower(), s.organization, s.role) for s in report.statements if words in s.text}


def test_a_moderator_named_by_an_office_is_no_person_and_the_hosts_people_speak_for_it(tmp_path: Path) -> None:
    _one(tmp_path, "hearing", "2018-05-23-press-conference.txt",
         "ACME UNIVERSITY - PRESS CONFERENCE BY FORMER HEAD COACH AND COACH\n"
         "Verbatim record (excerpt)\n"
         "Venue: Acme University Hall, Northgate\n"
         "Date: 23 May 2018 (Wednesday)\n"
         "Moderator: Acme University Public Relations Department (Press Office)\n\n"
         "MODERATOR (Public Relations Dept.): We will now begin. Please keep questions brief.\n\n"
         "JOHN DOE (former head coach): I never used words telling him to hurt the quarterback.\n\n"
         "JANE ROE (coach): I never told him the aim was to injure anyone.\n\n"
         "REPORTER (Daily News): Did you order the hit?\n\n"
         "JOHN DOE: The play did not come from an instruction of mine.\n")
    [doc] = _docs(tmp_path)
    assert all("University" not in name for name, _ in doc.people)
    report = _report(tmp_path)
    assert _said(report, "telling him to hurt") == {("john doe", "Acme University", "claim")}
    assert _said(report, "aim was to injure") == {("jane roe", "Acme University", "claim")}


def test_a_letterhead_over_a_release_heading_in_two_languages_is_the_companys_release(tmp_path: Path) -> None:
    _one(tmp_path, "press", "2019-11-11-statement.txt",
         "ACMEFISK HF.\n"
         "Fréttatilkynning / Press statement\n"
         "Northgate, 11 November 2019\n\n"
         "Acmefisk has asked an outside law firm to review its operations abroad.\n\n"
         "CEO Jane Roe said: \"Our business has been examined by the authorities for years, and nothing\n"
         "unlawful was found.\"\n")
    _one(tmp_path, "press", "2021-06-22-apology.txt",
         "ACMEFISK HF.\n"
         "Yfirlýsing og afsökunarbeiðni / Statement and apology\n"
         "Northgate, 22 June 2021\n\n"
         "Acmefisk today sets out its view of the case. We apologise for what went wrong abroad.\n")
    docs = {d.path.split("/")[-1]: d for d in _docs(tmp_path)}
    assert {(d.kind, d.organization) for d in docs.values()} == {("press-release", "Acmefisk HF")}
    assert _said(_report(tmp_path), "nothing\nunlawful was found") == {("jane roe", "Acmefisk HF", "claim")}


_SITE_PAGE = """<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Acmefisk's review finalised | Acmefisk</title></head>
<body>
<header><nav>Acmefisk | The company | Operations | Products | News | Contact</nav></header>
<main>
<p class="crumbs">Home / The company / News</p>
<h1>Acmefisk's review finalised</h1>
<p class="date">July 2020</p>
<p>The board of Acmefisk has received the report of the law firm on the allegations made last year.</p>
<p>Board chairman John Doe said: "Some of what was alleged was plainly baseless. The facts alleged
there were simply not known to us."</p>
</main>
<footer>Acmefisk hf. &middot; Harbour Street 30, Northgate &middot; Privacy</footer>
</body>
</html>
"""


def test_a_companys_own_page_is_named_by_its_brand_in_title_and_navigation(tmp_path: Path) -> None:
    _one(tmp_path, "press", "2020-07-review-finalised.html", _SITE_PAGE)
    [doc] = _docs(tmp_path)
    assert (doc.kind, doc.organization) == ("press-release", "Acmefisk")
    assert _said(_report(tmp_path), "simply not known to us") == {("john doe", "Acmefisk", "claim")}


def test_a_newspapers_page_is_not_taken_for_its_own_site_by_its_brand(tmp_path: Path) -> None:
    page = (_SITE_PAGE.replace("Acmefisk | The company | Operations | Products | News | Contact",
                               "Northgate Ledger | World | Business | Sport | Opinion")
            .replace("| Acmefisk</title>", "| Northgate Ledger</title>"))
    _one(tmp_path, "news", "2020-07-review-finalised.html", page)
    [doc] = _docs(tmp_path)
    assert doc.organization != "Northgate Ledger"


_GOV_PAGE = """<!DOCTYPE html>
<html><head><title>Review advice published by Ministers - gov.example</title></head>
<body>
<header><nav>Home | About | Topics | News | Publications</nav></header>
<main>
<h1>Review advice published by Ministers</h1>
<p>Published: 2 March 2021</p>
<p>The Northgate Government has today published the legal advice it received during the review.</p>
<p>Deputy First Minister Jane Roe said:</p>
<p>"These papers prove beyond doubt that we did not defy our lawyers' advice by carrying on with the case."</p>
<p>Media enquiries: Northgate Government Communications.</p>
</main>
<footer>Accessibility | Cookies | Privacy | &copy; Crown Copyright</footer>
</body></html>
"""


def test_crown_copyright_names_no_owner_and_the_press_desk_names_the_government(tmp_path: Path) -> None:
    _one(tmp_path, "press", "2021-03-02-advice-published.html", _GOV_PAGE)
    [doc] = _docs(tmp_path)
    assert (doc.kind, doc.organization) == ("press-release", "Northgate Government")
    assert _said(_report(tmp_path), "did not defy our lawyers") == {("jane roe", "Northgate Government", "claim")}


def test_a_joint_briefing_of_a_ministry_and_a_company_keeps_both_voices_apart(tmp_path: Path) -> None:
    _one(tmp_path, "press", "2019-09-17-briefing.txt",
         "MINISTRY OF ENERGY / ACME OIL\n"
         "Joint media briefing on the attacks - transcript (excerpt)\n"
         "Northgate\nTuesday, 17 September 2019\n\n"
         "PRINCE JOHN DOE (Minister of Energy): Over the past two days we contained the damage, and more than\n"
         "half of the lost production has already been restored.\n\n"
         "JANE ROE (President & CEO, Acme Oil): No shipment to any customer has been missed because of these attacks.\n\n"
         "Q. (Wire): Will customers receive the grades they nominated?\n\n"
         "ROE: Volumes will be met.\n")
    report = _report(tmp_path)
    assert {org for _, org, _ in _said(report, "contained the damage")} == {"Ministry of Energy"}
    assert {org for _, org, _ in _said(report, "No shipment")} == {"Acme Oil"}


def test_a_universitys_own_media_availability_is_its_voice_and_a_portfolio_is_no_organization(tmp_path: Path) -> None:
    _one(tmp_path, "press", "2016-06-07-media-availability.txt",
         "UNIVERSITY OF NORTHGATE – MEDIA AVAILABILITY ON RANSOMWARE ATTACK\n"
         "Main campus, Tuesday 7 June 2016\nPartial transcript\n\n"
         "JANE ROE (Vice-President, Finance and Services): So yes, we paid. We are a research institution.\n\n"
         "Q. (Reporter, TV): How many machines were hit?\n\n"
         "JANE ROE: More than 100 computers were affected.\n")
    [doc] = _docs(tmp_path)
    assert doc.organization == "University of Northgate"
    assert {org for _, org, _ in _said(_report(tmp_path), "we paid")} == {"University of Northgate"}


def test_a_front_matter_naming_a_news_agency_is_a_story_whoever_it_quotes(tmp_path: Path) -> None:
    _one(tmp_path, "news", "2017-07-23-wire.md",
         "---\nsource: \"NT news agency (wire copy, as carried by regional papers)\"\nauthor: \"NT\"\n"
         "date: 2017-07-23\ntitle: \"Minister: my state secretary was told in 2016\"\n---\n\n"
         "# Minister: my state secretary was told in 2016\n\n"
         "The Prime Minister said he would hold a press conference on Monday with the agency's new head.\n\n"
         "Speaking to NT, Jane Roe said that her former state secretary had received the information in 2016.\n")
    [doc] = _docs(tmp_path)
    assert doc.kind == "news"
    assert {spk for spk, _, _ in _said(_report(tmp_path), "had received the information")} == {"jane roe"}
