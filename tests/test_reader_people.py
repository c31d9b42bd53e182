"""Who speaks and for whom, on documents as they arrive: surnames NER takes for organizations,
directory-style display names, signature blocks, team addresses, Markdown transcript turns,
front-matter bylines with titles. Each test asserts on the records the reader returns."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from claimcheck.extract import ExtractSettings, extract_batch
from claimcheck.ingest import ingest_paths
from claimcheck.ingest.email.addresses import display_name
from claimcheck.ingest.email.signature import signature_organization
from claimcheck.models import DateValue, Document, Statement

SETTINGS = ExtractSettings()
DAY = DateValue(dt.date(2022, 5, 17), dt.date(2022, 5, 17), "day", "test")


def read(doc: Document) -> list[Statement]:
    return list(extract_batch([doc], settings=SETTINGS)[0])


def docs(tmp_path: Path, name: str, text: str) -> list[Document]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return [d for r in ingest_paths([path]) for d in r.documents]


def test_a_lone_surname_is_the_person_introduced_with_the_employer_in_the_title() -> None:
    text = ("Jon Brisk and Northgate Inc. Chief Executive Officer Vikram Thandavan traded jabs on Monday.\n\n"
            "Thandavan said the company suspends more than half a million spam accounts each day.\n")
    doc = Document(id="n", path="news.txt", kind="news", date=DAY, text=text)
    got = {s.text: s for s in read(doc)}
    st = got["Thandavan said the company suspends more than half a million spam accounts each day."]
    assert (st.kind, st.speaker) == ("public", "Vikram Thandavan")
    assert st.organization.startswith("Northgate")


def test_a_published_thread_is_not_an_internal_record() -> None:
    text = ("Northgate chief executive Vikram Thandavan defended the figure.\n\n"
            "In a 13-post thread on Monday, Thandavan said the company has for years estimated that "
            "less than 5% of its users are spam accounts.\n")
    doc = Document(id="n", path="news.txt", kind="news", date=DAY, text=text)
    (st,) = [s for s in read(doc) if "13-post" in s.text]
    assert st.kind == "public"


def test_responding_to_a_lawsuit_says_nothing() -> None:
    text = ("Commissioner Walt Brenner said the league had never received such a study.\n\n"
            "Brenner was responding to a lawsuit filed last month by 38 retired players.\n")
    doc = Document(id="n", path="news.txt", kind="news", date=DAY, text=text)
    assert not [s for s in read(doc) if "responding" in s.text]


def test_directory_display_names_drop_the_unit() -> None:
    assert display_name('"Roe, Dana (Field Ops)"') == "Dana Roe"
    assert display_name("Roe, Dana") == "Dana Roe"
    assert display_name("Dana Roe (Acme)") == "Dana Roe"


def test_the_signature_names_the_organization() -> None:
    sig = ["Thanks,", "Dan", "", "Daniel Roe", "Senior Manager, Product Quality & Field Campaigns",
           "Northgate Motor America", "Fountain Valley, CA 92708"]
    assert signature_organization(sig, author="Daniel Roe", label="nmausa") == "Northgate Motor America"
    # the unit's line comes before the organization's
    sig = ["Rob", "", "Robert Roe, P.E.", "Water Treatment Specialist", "Office of Drinking Water",
           "Lakeland Department of Environmental Quality"]
    assert signature_organization(sig, author="Robert Roe", label="lakeland") == \
        "Lakeland Department of Environmental Quality"
    # an abbreviated domain: the line whose first letter is the label's
    sig = ["Elena Marsh", "Political & Government Outreach", "Friendbook | Washington, DC"]
    assert signature_organization(sig, author="Elena Marsh", label="fb") == "Friendbook"
    assert signature_organization(["Elena Marsh", "(555) 010-2000"], author="Elena Marsh", label="fb") == ""


EML = """\
From: "Outreach & Events (DC)" <outreach-dc@fb.example>
Sender: Elena Marsh <emarsh@fb.example>
To: Policy Ops <policy-ops@fb.example>
Subject: Request: look into a vendor
Date: Tue, 22 Sep 2015 14:06:19 -0400
Message-ID: <abc@fb.example>

Hi team,

Several campaigns tell us the vendor's voter models are built on scraped profile data.

Thanks,
Elena

Elena Marsh
Political & Government Outreach
Friendbook | Washington, DC
"""


def test_a_team_address_sent_by_a_person_is_that_persons_and_the_signature_places_it(tmp_path: Path) -> None:
    (doc,) = docs(tmp_path, "m.eml", EML)
    assert (doc.author, doc.organization) == ("Elena Marsh", "Friendbook")
    assert "Political & Government Outreach" not in doc.text  # the signature is cut from the body


MBOX_SHORT_NAME = """\
From rob@lakeland.gov Fri Apr 24 10:41:07 2015
From: "Roe, Robert (DEQ)" <RoeR@lakeland.gov>
To: "Busch, Sam (DEQ)" <BuschS@lakeland.gov>
Subject: RE: corrosion control status
Date: Fri, 24 Apr 2015 10:41:07 -0400
Message-ID: <a1@lakeland.gov>

Sam,

The city is not currently practicing corrosion control treatment at the plant.

Rob

Robert Roe, P.E.
Water Treatment Specialist
Lakeland Department of Environmental Quality
"""


def test_a_short_first_name_signs_off_and_the_directory_name_is_the_author(tmp_path: Path) -> None:
    (doc,) = docs(tmp_path, "box.mbox", MBOX_SHORT_NAME)
    assert doc.author == "Robert Roe"
    assert doc.organization == "Lakeland Department of Environmental Quality"
    assert "Water Treatment Specialist" not in doc.text and "\nRob\n" not in doc.text


INTERVIEW = """\
# Evening interview: Mara Quill with Tom Segal

Transcript, March 21, 2018
Program: Example News special interview

**TOM SEGAL (Example News):** What happened here?

**MARA QUILL (Friendbook CEO):** What happened is a serious breach of trust, and I am truly sorry.

**SEGAL:** What are you changing?

**QUILL:** We're going to investigate every app and we will tell people if their data was misused.
"""


def test_markdown_turns_name_the_speaker_and_the_organization_in_parentheses(tmp_path: Path) -> None:
    (doc,) = docs(tmp_path, "interview.md", INTERVIEW)
    got = {s.text: (s.speaker, s.organization) for s in read(doc)}
    mine = {t: v for t, v in got.items() if "QUILL" in t or "investigate" in t}
    assert mine and all(v == ("Mara Quill", "Friendbook") for v in mine.values()), got
    assert all(sp != "Program" for sp, _ in got.values())


def test_a_byline_with_a_title_is_the_name(tmp_path: Path) -> None:
    text = ('---\ntitle: "Suspending a vendor"\ndate: 2018-03-16\nsource: Company newsroom\n'
            'author: "Dana Roe, VP & Deputy General Counsel"\n---\n\nWe are suspending the vendor today.\n')
    (doc,) = docs(tmp_path, "post.md", text)
    assert doc.author == "Dana Roe"


def test_days_of_a_schedule_are_not_speakers() -> None:
    text = ("All-Star Weekend returns to the city from February 21 to 23.\n\n"
            "Sunday: the All-Star Game at 3 p.m. Tickets go on sale January 31.\n")
    doc = Document(id="p", path="schedule.md", kind="post", date=DAY, organization="Tri League", text=text)
    assert all(s.speaker != "Sunday" for s in read(doc))


def test_panel_witness_lines_and_role_labels_name_people_and_their_organizations() -> None:
    from claimcheck.ingest.headers import read_header
    head = read_header(
        "U.S. HOUSE OF REPRESENTATIVES\nSUBCOMMITTEE ON CONSUMER POLICY\nThursday, July 25, 2019\n\n"
        "WITNESSES (excerpts from two panels):\n"
        "  Panel I: James Roe, Co-Founder and Chief Product Officer, Vapor Labs, Inc.\n"
        "  Panel II: Ann Doe, Chief Administrative Officer, Vapor Labs, Inc.; Max Poe, President, Campaign for Clean Air\n\n"
        "Mr. ROE. Thank you, Mr. Chairman. We never wanted any young person to use our products.\n")
    assert head.witnesses == (("James Roe", "Vapor Labs, Inc"), ("Ann Doe", "Vapor Labs, Inc"),
                              ("Max Poe", "Campaign for Clean Air"))
    head = read_header("Conference 2015 - Laguna Beach\n"
                       "Interviewer: Jon Kern, Global Technology Editor, The Daily Ledger\n"
                       "On-stage interview: Eliza Hume, Founder and CEO, Bloodwork\n"
                       "Transcript, October 21, 2015\n\nKERN: Is that right?\n")
    # whoever answers comes first (the document's organization is theirs), the interviewer after
    assert head.witnesses == (("Eliza Hume", "Bloodwork"), ("Jon Kern", "The Daily Ledger"))


def test_a_hyphenated_surname_is_the_person_introduced() -> None:
    text = ("Sam Rook-Fried, the founder of the exchange, apologized on Monday.\n\n"
            "In a long series of posts, Rook-Fried wrote that he had made mistakes and would repay customers.\n")
    doc = Document(id="n", path="news.txt", kind="news", date=DAY, text=text)
    (st,) = [s for s in read(doc) if "series of posts" in s.text]
    assert st.speaker == "Sam Rook-Fried" and st.organization != "Rook-Fried"


def test_accents_do_not_make_another_organization() -> None:
    from claimcheck.corpus import canonical_orgs, org_key
    assert org_key("ÉCOLE RÜHL") == org_key("Ecole-ruhl")
    canon = canonical_orgs(["ÉCOLE RÜHL", "Ecole-ruhl"])
    assert canon["Ecole-ruhl"] == canon["ÉCOLE RÜHL"]


def test_a_deposition_answer_is_the_deponents(tmp_path: Path) -> None:
    text = ("IN THE STATE COURT OF ELM COUNTY\n\nVIDEOTAPED DEPOSITION OF RAYMOND DeLUCA\nApril 29, 2013\n\n"
            "APPEARANCES: Lance Roe, Esq., for Plaintiffs; counsel for Northgate Motors LLC.\n\n"
            "Q. Did you approve a change to the switch?\n\n"
            "A. I was not aware of any change to the detent plunger or spring on that switch.\n")
    (doc,) = docs(tmp_path, "deposition.txt", text)
    got = {s.text: s.speaker for s in read(doc)}
    # the citation is the answer, not its "A." label
    assert got.get("I was not aware of any change to the detent plunger or spring on that switch.") == \
        "Raymond Deluca", got
    assert all(sp != "Appearances" for sp in got.values())
    assert not any(t.startswith("Q.") for t in got)


def test_a_former_title_does_not_place_the_speaker() -> None:
    text = ("Jim Hale Snabb, a former co-chief executive of Softworks, said the rebuild took ten days.\n\n"
            "Snabb said volumes fell only about 20 percent.\n")
    doc = Document(id="n", path="news.txt", kind="news", date=DAY, text=text)
    assert all(s.organization != "Softworks" for s in read(doc))


def test_a_spokesman_for_an_unnamed_group_is_not_the_storys_organization() -> None:
    text = ("Northgate Motors said the stall was rare and the car stayed controllable.\n\n"
            '"That is not a comfort complaint," said a spokesman for a Washington consumer group.\n')
    doc = Document(id="n", path="news.txt", kind="news", date=DAY, text=text)
    (st,) = [s for s in read(doc) if "comfort complaint" in s.text]
    assert st.organization == "Washington consumer group" and st.role == "third-party"


def test_a_newsroom_label_and_a_time_are_not_organizations(tmp_path: Path) -> None:
    from claimcheck.ingest.headers import org_of_phrase
    assert org_of_phrase("Company blog") == "" and org_of_phrase("Company newsroom") == ""
    assert org_of_phrase("Acme Company") == "Acme Company"
    chat = ("Employee forum -- Office of the Chairman\nSession: September 26, 2001 (internal employee forum)\n"
            "Transcript excerpt\n\n"
            "DANA.ROE (10:00 AM): Good morning. I'm glad to take your questions today.\n\n"
            "EMPLOYEE_Q (10:07 AM): Should we be worried about our savings?\n\n"
            "DANA.ROE (10:18 AM): The company is fundamentally sound and we will not change course.\n")
    (doc,) = docs(tmp_path, "forum.txt", chat)
    assert all("10:18" not in s.organization for s in read(doc))


def test_texts_say_which_organization_owns_a_unit() -> None:
    from claimcheck.ingest.relations import ownership
    assert ownership("Deliveries go to Malvo Air, a subsidiary of Lyon Air Group, this year.") == \
        (("Malvo Air", "Lyon Air Group"),)
    assert ownership("two plants of Neil Consumer Products Co., the Jensen & Jensen subsidiary that makes it") == \
        (("Neil Consumer Products Co", "Jensen & Jensen"),)
    assert ownership("The United States alleged that 4T and its predecessor, Aero Technologies,\nknew") == \
        (("Aero Technologies", "4T"),)
    assert ownership("Jensen & Jensen said today that its Neil Consumer Products subsidiary would recall") == \
        (("Neil Consumer Products", "Jensen & Jensen"),)
    assert ownership("cash passed between Asian subsidiaries and partners; the unit of measure is dB") == ()


def test_a_units_statements_are_its_owners() -> None:
    from claimcheck.corpus import build
    from claimcheck.models import Frame, Source

    def st(sid: str, kind: str, org: str, doc: str) -> Statement:
        return Statement(id=sid, document=doc, kind=kind, role="claim" if kind == "public" else "evidence",
                         speaker="", organization=org, date=DAY, text=f"text {sid}",
                         source=Source(f"{doc}.txt", 1, 0, 5), frame=Frame())
    documents = [Document(id="a", path="a.txt", kind="memo", text=""),
                 Document(id="b", path="b.txt", kind="news", text="",
                          owners=(("Aero Technologies", "4T"),))]
    out = build([st("i", "internal", "Aero Company", "a"), st("p", "public", "4T Company", "b")], documents)
    orgs = {s.id: s.organization for s in out}
    assert orgs["i"] == orgs["p"], orgs


def test_agency_letterheads_and_filing_registrants_name_the_organization() -> None:
    from claimcheck.ingest.headers import read_header
    head = read_header("FOR IMMEDIATE RELEASE\nThursday, July 26, 2018\n\nU.S. Department of Justice\n"
                       "Office of Public Affairs\n\nWASHINGTON -- 4T Company has agreed to pay $9.1 million.\n")
    assert head.organization == "U.S. Department of Justice"
    head = read_header("UNITED STATES SECURITIES AND EXCHANGE COMMISSION\nFORM 10-Q\n"
                       "For the quarterly period ended March 31, 2022\nCHIRPER, INC.\nFiled: May 2022\n\n"
                       "Item 2. Some accounts on our platform are false or spam accounts.\n")
    assert (head.organization, head.kind) == ("Chirper, Inc", "filing")


def test_a_letterhead_set_in_columns_names_the_organization_in_its_first_column() -> None:
    from claimcheck.ingest.headers import read_header
    head = read_header("Department of Harbor Safety                                  Memorandum\n"
                       "Northgate Region\n\nDate:    April 26, 2010\nFrom:    Deputy Director\n"
                       "Subj:    Scheduling\n\n1. Some offices keep requests in a paper log.\n")
    assert head.organization == "Department of Harbor Safety"


def test_a_post_signed_by_an_organization_is_that_organizations(tmp_path: Path) -> None:
    text = ('---\ntitle: "Database incident"\ndate: 2017-02-01\nsource: Company blog\nauthor: CodeHarbor\n---\n\n'
            "Yesterday one of our databases suffered a serious incident. We lost six hours of database data.\n")
    (doc,) = docs(tmp_path, "post.md", text)
    assert doc.organization == "CodeHarbor"
    assert all(s.organization == "CodeHarbor" for s in read(doc))


def test_a_mixed_case_member_turn_and_a_vocative_are_the_members() -> None:
    text = ("WITNESSES:\n  Mary T. Roe, Chief Executive Officer, Northgate Motors Company\n\n"
            "MS. ROE. What happened with the switch was a failure of our company, and we accept responsibility.\n\n"
            "MS. DeGATTE. Ms. Roe, the engineer who signed off on the new switch in 2006 told a court under oath "
            "last year that he knew of no change.\n")
    doc = Document(id="h", path="hearing.txt", kind="testimony", date=DAY, venue="U.S. House of Representatives",
                   people=(("Mary T. Roe", "Northgate Motors Company"),), text=text)
    got = {s.text: (s.speaker, s.organization, s.role) for s in read(doc)}
    (member,) = [v for t, v in got.items() if "signed off" in t]
    assert member == ("Degatte", "U.S. House of Representatives", "third-party"), got


def test_an_outlets_reporting_is_a_source_not_the_storys_organization() -> None:
    text = ("Meridian Corp. confirmed the messages but said its timeline is accurate.\n\n"
            "A Meridian Corp. spokesperson said the company learned of the sale in December.\n\n"
            "The chief executive said the company's knowledge began with The New York Ledger's reporting.\n\n"
            "The New York Ledger's reporting named the company.\n\n"
            "The New York Ledger's investigation found more.\n\nThe New York Ledger's story ran first.\n")
    doc = Document(id="n", path="news.txt", kind="news", date=DAY, text=text)
    got = {s.text: (s.organization, s.role) for s in read(doc)}
    assert got["Meridian Corp. confirmed the messages but said its timeline is accurate."] == ("Meridian Corp", "claim")


def test_a_citation_leaves_out_the_turn_label_and_a_stray_quotation_mark(tmp_path: Path) -> None:
    (doc,) = docs(tmp_path, "interview.md", INTERVIEW)
    sts = read(doc)
    (quill,) = [s for s in sts if "serious breach" in s.text]
    assert quill.text.startswith("What happened is a serious breach")
    assert doc.text[quill.source.start:quill.source.end] == quill.text
    text = ('"These were two separate matters," a Northgate spokesperson said. "Some employees heard '
            'speculation in September."\n')
    news = Document(id="n", path="news.txt", kind="news", date=DAY, text=text)
    (first,) = [s for s in read(news) if "separate matters" in s.text]
    assert not first.text.rstrip().endswith('"'), first.text


LETTER = """\
NORTHGATE MOTOR AMERICA
10550 Talbert Avenue, Fountain Valley, CA 92708

February 13, 2023

The Honorable Joseph Roe
U.S. House of Representatives
Washington, DC 20515

Dear Congressman Roe:

Northgate has developed a software upgrade that disables the theft mode shown in online videos.

Sincerely,

Robert Hale
Vice President, Government Affairs
Northgate Motor America
"""


def test_a_letter_on_letterhead_is_its_senders_public_word_signed_by_its_signer(tmp_path: Path) -> None:
    (doc,) = docs(tmp_path, "letter.txt", LETTER)
    assert (doc.kind, doc.organization, doc.author) == ("letter", "Northgate Motor America", "Robert Hale")
    (st,) = [s for s in read(doc) if "software upgrade" in s.text]
    assert (st.kind, st.organization) == ("public", "Northgate Motor America")
    # a letter to a regulator names the agency in the addressee's block: the sender is still the letterhead's
    (doc,) = docs(tmp_path, "fda.txt", LETTER.replace("The Honorable Joseph Roe\nU.S. House of Representatives",
                                                      "Division of Cosmetics\nFood and Drug Administration"))
    assert doc.organization == "Northgate Motor America"
    # no letterhead: an unsigned note to the chairman is not the organization's public word
    (doc,) = docs(tmp_path, "note.txt", "Dear Mr. Roe,\n\nIs the company now a risky place to work?\n")
    assert doc.kind != "letter"


def test_an_internal_forum_laid_out_as_a_transcript_gives_each_turn_its_speaker(tmp_path: Path) -> None:
    text = ("eSpeak -- Office of the Chairman\nSession: September 26, 2001 (internal employee forum)\n"
            "Transcript excerpt\n\n"
            "DANA.ROE (10:09 AM): The company stock is a real bargain at these prices.\n\n"
            "EMPLOYEE_Q (10:15 AM): Is there anything else coming that we don't know about?\n\n"
            "DANA.ROE (10:18 AM): The company is fundamentally sound.\n")
    (doc,) = docs(tmp_path, "forum.txt", text)
    assert doc.kind in ("memo", "internal-report")
    got = {s.text: s.speaker for s in read(doc)}
    assert got.get("The company is fundamentally sound.") == "Dana Roe", got
    assert got.get("Is there anything else coming that we don't know about?") == "Employee Q", got


def test_a_dated_update_dates_its_paragraph_and_a_filing_is_dated_by_its_filing(tmp_path: Path) -> None:
    text = ('---\ntitle: "Suspending a vendor"\ndate: 2018-03-16\nsource: Company newsroom\nauthor: Acme\n---\n\n'
            "We are suspending the vendor while we look into new reports.\n\n"
            "**Update, March 17, 2018:** Some reports describe this as a data breach. That is wrong.\n")
    (doc,) = docs(tmp_path, "post.md", text)
    dates = {s.text: s.date.iso() for s in read(doc)}
    assert dates["Some reports describe this as a data breach."] == "2018-03-17", dates
    from claimcheck.ingest.headers import read_header
    head = read_header("UNITED STATES SECURITIES AND EXCHANGE COMMISSION\nFORM 10-Q\n"
                       "For the quarterly period ended March 31, 2022\nCHIRPER, INC.\nFiled: May 2022\n\n"
                       "Item 2. Some accounts on our platform are false or spam accounts.\n")
    assert head.date is not None and head.date.iso() == "2022-05"


def test_a_records_marking_and_a_statements_title_name_the_organization(tmp_path: Path) -> None:
    memo = ("# Peak Week Safety Readout\n\nVersion: 1.3\nDate: 2019-08-09\n"
            "Owner: Workplace Health & Safety (WHS), NA Operations\nClassification: Northgate Confidential\n\n"
            "## 1. Headline\n- Staffing at the sites is critically low heading into the fourth quarter.\n")
    (doc,) = docs(tmp_path, "readout.md", memo)
    assert doc.organization == "Northgate"
    assert all(s.speaker != "Classification" for s in read(doc))
    post = ('---\ntitle: "Northgate statement on warehouse injury reporting"\ndate: 2020-09-29\n'
            'source: Company newsroom\nauthor: "Day One Blog / Operations"\n---\n\n'
            "We reject the assertion that we have misled anyone.\n")
    (doc,) = docs(tmp_path, "statement.md", post)
    assert doc.organization == "Northgate"


def test_a_representative_before_a_name_is_a_legislator_not_a_spokesperson() -> None:
    text = ("Northgate Tobacco Corp. said the documents were stolen.\n\n"
            "Representative Henry A. Wexler, the California Democrat who led the April hearing, said the papers "
            "showed the companies knew the truth about nicotine.\n")
    doc = Document(id="n", path="news.txt", kind="news", date=DAY, text=text)
    (st,) = [s for s in read(doc) if "Wexler" in s.text]
    assert st.organization != "Northgate Tobacco Corp" and st.role == "third-party"


def test_a_witness_listed_with_an_honorific_speaks_for_the_listed_organization(tmp_path: Path) -> None:
    """"Mr. Kenji Roe, Senior Vice President for Global Quality Assurance, Northgate Corporation": the
    turns of "Mr. ROE" are Kenji Roe's, for Northgate, not for the unit named in his title."""
    text = ("UNITED STATES SENATE\nCOMMITTEE ON COMMERCE\n\nThursday, November 20, 2014\n\n"
            "WITNESSES:\n  Mr. Kenji Roe, Senior Vice President for Global Quality Assurance, Northgate Corporation\n"
            "  Mr. Dan Poe, Deputy Administrator, Highway Safety Administration\n\n"
            "Senator NELSON. Mr. Roe, you may proceed with your statement.\n\n"
            "Mr. ROE. Thank you, Mr. Chairman. Northgate is committed to being fully transparent with regulators "
            "and investigators, and we will continue to cooperate with them.\n")
    (doc,) = docs(tmp_path, "2014-11-20-hearing.txt", text)
    got = {s.text: (s.speaker, s.organization) for s in read(doc)}
    (roe,) = [v for t, v in got.items() if "fully transparent" in t]
    assert roe == ("Kenji Roe", "Northgate Corporation"), got


def test_panel_headings_list_witnesses_and_a_members_questions_are_no_claims(tmp_path: Path) -> None:
    """"PANEL II:" lists the witnesses; the chairman who asks is not one of them, so his turns are
    the venue's, and a question asked in public claims nothing."""
    text = ("HOUSE OF REPRESENTATIVES\nCOMMITTEE ON ENERGY AND COMMERCE\n\nTranscript, Wednesday, February 11, 2009\n\n"
            "Chairman: Hon. Sam Poe (Michigan)\n\n"
            "PANEL I: Family members\n  Mr. Jon Doe, Savage, Minnesota\nPANEL II:\n"
            "  Mr. Kenji Roe, Owner and President, Northgate Corporation of America\n\n"
            "Mr. POE. Did your company ship product after a lab had found salmonella in it?\n\n"
            "Mr. ROE. Our products have always been safe to eat and we have never shipped a contaminated lot.\n")
    (doc,) = docs(tmp_path, "2009-02-11-hearing.txt", text)
    got = {s.text: (s.speaker, s.organization, s.role) for s in read(doc)}
    (asked,) = [v for t, v in got.items() if "ship product" in t]
    assert asked[1] == "U.S. House of Representatives" and asked[2] == "context", got
    (answer,) = [v for t, v in got.items() if "safe to eat" in t]
    assert answer[:2] == ("Kenji Roe", "Northgate Corporation of America"), got
