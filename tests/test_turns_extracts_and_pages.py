"""Reading documents as they come, as sets 88 and 89 showed it read generically (issue 14): a turn label alone on
its line ("JOHN ROE:" over his words, "EL SENYOR PRESIDENT DE LA ACME (Carlos Mazón Guixot):") is his turn; in a
speaker's turn, what others told or did not tell ("Nobody told us anything") is the speaker's account; a page under
a site's copyright that says who "did not comment" is a story, not the site's post; a memo "FROM: IT Services - Crew Systems" names a team, no organization; "FROM: Acme Corp., Information
Security Office" is Acme's; a letterhead "ACME AEROMEDICAL CENTER (AeMC) FRANKFURT" names the centre; "enquiry
commissioned by the Board of Acme Bank" is Acme Bank's record; a records release quoting a record between "---
EXTRACT BEGINS ---" and "--- EXTRACT ENDS ---" gives that record with its own header, a company's reply to a
regulator its letter; a folder's "Ministry of Health" and "National Department of Health" are one body. Each test
asserts on records and fails on the code before it."""

from __future__ import annotations

from pathlib import Path

import pytest

from folder_helpers import docs as _docs, one as _one, report as _report

pytestmark = pytest.mark.model


def _said(rep, text: str):
    return next(s for s in rep.statements if text in s.text)


@pytest.mark.parametrize("label", ["JOHN ROE", "THE PRESIDENT OF THE NORTHGATE REGION (John Roe)",
                                   "EL SENYOR PRESIDENT DE LA GENERALITAT (John Roé)"])
def test_a_turn_label_alone_on_its_line_gives_the_words_below_to_its_speaker(tmp_path: Path, label: str) -> None:
    _one(tmp_path, "transcript", "2024-11-15-debate.txt",
         "NORTHGATE ASSEMBLY -- RECORD OF DEBATES (extract)\nSitting of 15 November 2024\n\n"
         "THE SPEAKER (Mary Major):\nThe member has the floor.\n\n"
         f"{label}:\nThank you. Nobody told us anything about the river between four and seven.\n\n"
         "THE SPEAKER (Mary Major):\nThank you.\n")
    st = _said(_report(tmp_path), "Nobody told us anything")
    assert st.speaker in ("John Roe", "John Roé")
    assert st.kind == "public"


def test_a_heading_alone_on_its_line_is_no_turn(tmp_path: Path) -> None:
    _one(tmp_path, "transcript", "2024-11-15-debate.txt",
         "NORTHGATE ASSEMBLY -- RECORD OF DEBATES (extract)\nSitting of 15 November 2024\n\n"
         "JOHN ROE: Thank you. We will publish the review.\n\nBACKGROUND:\nThe river flooded in October.\n")
    assert _said(_report(tmp_path), "We will publish").speaker == "John Roe"
    assert _said(_report(tmp_path), "The river flooded").speaker != "Background"


NEWS_PAGE = """<!DOCTYPE html><html><head><title>Firefighters' report: Acme site had no sprinklers | Rack Dispatch</title></head>
<body><div class="nav">Rack Dispatch | Colocation | Cloud | Power | Security | Jobs</div>
<h1>Firefighters' report: Acme site had no sprinklers and no quick power cut-off</h1>
<p class="byline">24 March 2022</p>
<p>The data centre that burned down a year ago had no automatic extinguishing system, according to an incident
report by the fire service.</p>
<p>{tail}</p>
<footer>&copy; 2022 Rack Dispatch.</footer></body></html>"""


@pytest.mark.parametrize("tail", ["Acme did not comment on the report and has not stated a cause.",
                                  "Acme declined to comment.", "Acme did not respond to a request for comment."])
def test_a_page_telling_who_did_not_comment_is_a_story(tmp_path: Path, tail: str) -> None:
    _one(tmp_path, "news", "2022-03-24-report.html", NEWS_PAGE.format(tail=tail))
    (doc,) = _docs(tmp_path)
    assert doc.kind == "news"
    assert doc.organization != "Rack Dispatch"


def test_a_page_speaking_as_its_owner_stays_its_post(tmp_path: Path) -> None:
    _one(tmp_path, "site", "2022-03-24-help.html", NEWS_PAGE.replace("<h1>", "<h1>Help: ").format(
        tail="We back up every customer's data twice a day in two of our buildings."))
    (doc,) = _docs(tmp_path)
    assert (doc.kind, doc.organization) == ("post", "Rack Dispatch")


@pytest.mark.parametrize("sender,org", [("IT Services - Crew Systems", ""),
                                        ("Acme Corp., Information Security Office", "Acme Corp")])
def test_a_memo_sender_names_its_organization_only_where_it_is_one(tmp_path: Path, sender: str, org: str) -> None:
    _one(tmp_path, "internal", "2015-03-20-notice.txt",
         f"TO:      All cockpit crew\nFROM:    {sender}\nDATE:    20 March 2015\nRE:      Portal maintenance\n\n"
         "The crew roster portal will be unavailable on Sunday night between 01:30 and 04:00.\n")
    (doc,) = _docs(tmp_path)
    assert doc.organization == org


def test_a_letterhead_with_its_short_name_and_city_names_the_centre(tmp_path: Path) -> None:
    _one(tmp_path, "internal", "2009-07-28-record.txt",
         "ACME AEROMEDICAL CENTER (AeMC) FRANKFURT\nClass 1 medical certificate - renewal record (extract)\n"
         "Internal file copy - not for release\n\nDecision date:        July 2009\n"
         "Outcome:              Class 1 certificate re-issued with a waiver.\n")
    (doc,) = _docs(tmp_path)
    assert doc.organization == "Acme Aeromedical Center"


def test_an_enquiry_commissioned_by_a_board_is_the_organizations_record(tmp_path: Path) -> None:
    _one(tmp_path, "internal", "2019-01-30-enquiry.md",
         "---\ntitle: \"Enquiry into allegations concerning the former CEO - summary of findings\"\n"
         "author: \"Independent enquiry commissioned by the Board of Acme Bank (Justice Jane Roe)\"\n"
         "date: 2019-01-30\n---\n\nThe enquiry found that the former CEO breached the code of conduct.\n")
    (doc,) = _docs(tmp_path)
    assert doc.organization == "Acme Bank"


RELEASE = """OFFICE OF A MEMBER OF THE NATIONAL ASSEMBLY
Science and Communications Committee
Seoul, 24 September 2025

RECORDS RELEASE - Materials submitted by Acme Corp. on request of the Committee member

Cover note: The following is an extract of Acme's written reply to the internet security agency dated 21 July
2025, submitted by Acme to this office.

--- EXTRACT BEGINS ---
To: Northgate Internet Agency, Incident Response Division
From: Acme Corp., Information Security Office
Date: 21 July 2025
Re: Your notice of 19 July 2025

We have reviewed the system referred to in your notice. No signs of intrusion were found on the remote
consultation system, and no leakage of customer data has been identified.
--- EXTRACT ENDS ---

Committee office note: Acme later discarded the server ahead of schedule.
"""


def test_a_record_a_release_quotes_between_marks_is_read_with_its_own_header(tmp_path: Path) -> None:
    _one(tmp_path, "records", "2025-09-24-release.txt", RELEASE)
    docs = _docs(tmp_path)
    reply = next(d for d in docs if "No signs of intrusion" in d.text)
    assert (reply.kind, reply.organization, reply.date.start.isoformat()) == ("letter", "Acme Corp", "2025-07-21")
    assert not any("No signs of intrusion" in d.text for d in docs if d is not reply)


def test_a_ministry_and_the_department_of_the_same_field_are_one_body(tmp_path: Path) -> None:
    _one(tmp_path, "transcript", "2021-05-26-briefing.txt",
         "MINISTRY OF HEALTH -- VIRTUAL MEDIA BRIEFING\nDate: Wednesday, 26 May 2021\n\n"
         "MODERATOR (Communications): Good morning.\n\n"
         "DR JOHN ROE (Minister of Health): I did not participate in the company's appointment process.\n")
    _one(tmp_path, "internal", "2020-06-12-submission.txt",
         "NATIONAL DEPARTMENT OF HEALTH\nINTERNAL SUBMISSION\nTO: Minister of Health\nFROM: Director-General\n"
         "DATE: 12 June 2020\nRE: Media budget\n\nThe Minister directed that the company be appointed for the campaign.\n")
    rep = _report(tmp_path)
    assert _said(rep, "did not participate").organization == _said(rep, "directed that the company").organization


def test_a_services_newsroom_page_is_its_release(tmp_path: Path) -> None:
    _one(tmp_path, "press", "2021-11-28-statement.html",
         "<html><head><title>Navy investigating reports of odor in base water | Navy Region Northgate</title></head><body>"
         "<nav class=\"topnav\">Home | News | Installations | Contact</nav><div class=\"breadcrumb\">Home &gt; News &gt; "
         "Press Releases</div><article><h1>Navy investigating reports of odor in base water</h1>"
         "<p class=\"dateline\">Posted Nov. 28, 2021</p><p>At this time there is no immediate indication that the water "
         "is not safe.</p></article><footer><p>Navy Region Northgate Public Affairs</p></footer></body></html>")
    (doc,) = _docs(tmp_path)
    assert (doc.kind, doc.organization) == ("press-release", "Navy Region Northgate")


def _servers(tmp_path: Path) -> None:
    _one(tmp_path, "internal", "2024-07-24-secops.eml",
         "From: SecOps Lead <secops@acmetel.example>\nTo: Server Security Team <servers@acmetel.example>\n"
         "Date: Wed, 24 Jul 2024 10:00:00 +0900\nSubject: BPF backdoor cleanup\n\n"
         "Final tally March to July: 43 servers infected with the backdoor, all cleaned with our scripts.\n")
    _one(tmp_path, "press", "2025-09-01-statement.txt",
         "ACMETEL - PRESS RELEASE\nSeoul, 1 September 2025\n\n"
         "We examined our systems after the report and found no trace of any intrusion into our network or servers.\n")


def test_a_claim_that_nothing_was_found_against_an_earlier_record_of_infected_servers_is_a_tension(tmp_path: Path) -> None:
    _servers(tmp_path)
    rep = _report(tmp_path)
    by = {s.id: s for s in rep.statements}
    assert [(f.level, f.type) for f in rep.findings if f.level != "candidate" and "no trace" in by[f.public].text] \
        == [("tension", "denial-vs-evidence")]


def test_an_officials_turn_at_a_briefing_on_the_company_stays_the_officials(tmp_path: Path) -> None:
    _servers(tmp_path)
    _one(tmp_path, "transcript", "2025-11-06-briefing.txt",
         "MINISTRY OF SCIENCE - JOINT INVESTIGATION TEAM\nPress briefing, 6 November 2025\n\n"
         "JOHN ROE (Director-General for Network Policy, MSIT): Between March and July 2024 Acmetel found 43 servers "
         "infected. Acmetel did not report this to the government. The traces had been wiped, which is why Acmetel "
         "did not find them.\n\nQ. Is this concealment?\n\nJOHN ROE (MSIT): We regard the failure to report as grave.\n")
    st = _said(_report(tmp_path), "The traces had been wiped")
    assert st.organization == "MSIT" and st.role == "third-party"



def test_a_worry_sharing_no_word_with_an_assurance_strains_it_at_most(tmp_path: Path) -> None:
    # (set 89's negative control, read as a newcomer's folder: the memo's "serious exposure" and the statement that
    # the data "was secured and deleted" are paired only by what their documents are about)
    import shutil
    case = Path(__file__).parent / "blind89" / "experian-sa-fraudulent-data-request-2020-nc"
    shutil.copytree(case, tmp_path / "case", ignore=shutil.ignore_patterns("README.md", "gold.yaml"))
    rep = _report(tmp_path / "case")
    by = {s.id: s for s in rep.statements}
    found = [f for f in rep.findings if f.level != "candidate" and "secured and deleted" in " ".join(by[f.public].text.split())]
    assert found and all(f.level == "tension" and "no-shared-term" in {r.code for r in f.reasons} for f in found)
