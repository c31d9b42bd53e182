"""An organization's own words placed with no config (issue 14, "Who"): its help and status pages
saved as text or HTML, its signature behind an editor's note, a record headed by its name and a
unit, a witness placed under the hearing's caption, a blog post that names a partner firm, a
speaker introduced by "who". Each test asserts on records."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from claimcheck.corpus import build
from claimcheck.extract import ExtractSettings, extract_batch
from claimcheck.extract.attribution import clean_org
from claimcheck.ingest import ingest_paths
from claimcheck.ingest.email.signature import cut_signature, signature_organization
from claimcheck.ingest.headers import read_header
from claimcheck.models import DateValue, Document, Source, Statement

DAY = DateValue(dt.date(2018, 10, 22), dt.date(2018, 10, 22), "day", "test")


def _docs(root: Path) -> dict[str, Document]:
    return {d.path.rsplit("/", 1)[-1]: d for r in ingest_paths([root]) for d in r.documents}


def test_a_saved_help_or_status_page_is_the_sites_own_word(tmp_path: Path) -> None:
    (tmp_path / "tipping.txt").write_text(
        "Copied from: primenow.northgate.com/help  (Prime Now > Help > Tipping)\n\nTipping your courier\n\n"
        "The entire tip goes to the courier who delivers your order, the company said in its guidance. "
        "Reports say couriers said the same.\n")
    (tmp_path / "status.txt").write_text(
        "Copied from: status.globex.com - Messages - October 21-22, 2018\n\n"
        "Oct 21, 23:09  We're investigating reports of service unavailability, users said.\n")
    (tmp_path / "help.txt").write_text(
        "Saved copy of a help-center page, captured 14 June 2017 from support.initech.com\n\n"
        "Initech Help Center  >  Getting Started  >  Pricing\n\nOur revenue comes from two places.\n\n"
        "Was this article helpful?   [Yes]  [No]\n")
    docs = _docs(tmp_path)
    assert (docs["tipping.txt"].kind, docs["tipping.txt"].organization) == ("post", "Northgate")
    assert (docs["status.txt"].kind, docs["status.txt"].organization) == ("post", "Globex")
    assert (docs["help.txt"].kind, docs["help.txt"].organization) == ("post", "Initech")
    # a news clip copied from a news site stays news
    (tmp_path / "clip.txt").write_text("Copied from: dailyherald.example.com\n\nBy Jane Roe, staff reporter\n\n"
                                       "Acme said on Monday that tips go to couriers.\n")
    assert _docs(tmp_path)["clip.txt"].kind == "news"


def test_a_page_whose_footer_names_its_company_by_legal_form_is_the_companys(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(
        "<html><head><title>How are my orders executed? | Help Center</title></head><body>"
        "<nav><a href='/'>Help Center</a></nav><article><p>We route your order to market makers that compete "
        "to fill it, and our execution quality is as good as anyone's.</p></article>"
        "<footer><p>Related: <a href='/fees'>Fees</a></p><p>Acme Financial LLC, member FINRA/SIPC.</p></footer>"
        "</body></html>")
    doc = _docs(tmp_path)["page.html"]
    assert (doc.kind, doc.organization) == ("post", "Acme Financial LLC")


def test_a_signature_behind_an_editors_note_still_names_the_writers_company(tmp_path: Path) -> None:
    lines = ["All,", "", "Final count: 55 countries.", "", "Joost", "", "Joost Roe",
             "Supply Chain Manager, Acme Nederland B.V.", "", "", "[Reconstruction from public reporting; not the "
             "original message. Names other than the sender's invented for this copy of it.]", ""]
    kept = cut_signature(lines, author="Joost Roe")
    assert kept == lines[:3]
    # the domain's label ("effem") names none of it: a legal form names the company, never a unit
    assert signature_organization(lines[len(kept):], author="Joost Roe", label="effem") == "Acme Nederland B.V"
    # a title line's tail without a legal form may still be a unit: left unplaced
    assert signature_organization(["Jane Roe", "Product Manager, Location Platform"], author="Jane Roe",
                                  label="gmail") == ""


def test_a_record_headed_by_its_company_then_a_unit_is_the_companys() -> None:
    h = read_header("ACME FINANCIAL - BROKERAGE OPERATIONS\nCALL NOTE FORM\n\nCall date: 2016-05-19\n"
                    "Prepared by: Brokerage Ops\nSubject: rates\nClassification: Internal - Confidential\n")
    assert (h.kind, h.organization) == ("internal-report", "Acme Financial")


def test_a_witness_is_placed_by_the_line_under_the_caption_and_the_agency_holding_it_is_the_venue() -> None:
    h = read_header("Hearing transcript (excerpt)\nUNITED STATES OF AMERICA\nFEDERAL TRADE COMMISSION\n\nIn the Matter of Acme Technologies, Inc.\n\n"
                    "INVESTIGATIONAL HEARING OF JOSEPH ROE\nChief Security Officer, Acme Technologies, Inc.\n\n"
                    "Friday, November 4, 2016\n\nAPPEARANCES:\n  Witness: Joseph Roe (sworn)\n\n"
                    "Q.   What did Acme change?\n\nA.   A great deal.\n")
    assert h.kind == "testimony"
    assert h.witnesses == (("Joseph Roe", "Acme Technologies, Inc"),)
    assert (h.organization, h.venue) == ("", "Federal Trade Commission")


def test_a_possessive_or_a_web_address_is_no_organizations_name() -> None:
    assert clean_org("Our") == ""
    assert clean_org("Our quarterly reports") == ""
    assert clean_org("Acme.com") == "Acme"
    assert clean_org("The Acme Group") == "Acme Group"


def test_a_person_introduced_by_who_speaks_for_the_employer_of_her_clause() -> None:
    text = ("AMSTERDAM, Feb. 23 (Europe Wire) - Eline Bijveld, who coordinates corporate affairs for Acme in the "
            "Netherlands, said that 55 countries were involved, mostly in Europe.\n")
    doc = Document(id="n", path="news.html", kind="news", date=DAY, text=text)
    [st] = [s for s in extract_batch([doc], settings=ExtractSettings())[0] if "55 countries" in s.text]
    assert (st.speaker, st.organization) == ("Eline Bijveld", "Acme")


def _st(sid: str, org: str, doc: str, *, kind: str = "public", text: str = "", speaker: str = "") -> Statement:
    return Statement(id=sid, document=doc, kind=kind, role="claim" if kind == "public" else "evidence",
                     speaker=speaker, organization=org, date=DAY, text=text or f"Statement {sid}.",
                     source=Source(path=f"{doc}.txt", line=1, start=0, end=12))


def test_an_unplaced_post_naming_the_records_owner_speaks_for_it_not_for_a_firm_it_mentions() -> None:
    docs = [Document(id="b", path="blog.md", kind="post", date=DAY, text="", title="How Acme Makes Money",
                     author="Jane Roe"),
            Document(id="c", path="aclu.html", kind="post", date=DAY, text="", publisher="Rights Union",
                     title="Records show Acme pitched it"),
            Document(id="h", path="hearing.md", kind="testimony", date=DAY, text="", publisher="Northgate City Clerk",
                     title="Council hearing: Acme contract"),
            Document(id="m", path="memo.txt", kind="memo", date=DAY, text="")]
    sts = [_st("p1", "Globex Securities", "b", speaker="Jane Roe",
               text="We send orders to firms such as Globex Securities rather than to an exchange."),
           _st("p2", "Globex Securities", "b", speaker="Jane Roe", text="Acme stays in business by rebates."),
           _st("u", "Rights Union", "c", text="Acme made a promise, but Acme has not said more."),
           _st("h1", "Northgate City Clerk", "h", text="Acme will not deploy the software this year."),
           _st("h2", "", "h", text="We do not believe Acme."),
           _st("i1", "Acme", "m", kind="internal"), _st("i2", "Acme", "m", kind="internal")]
    got = {s.id: s for s in build(sts, docs)}
    assert (got["p1"].organization, got["p1"].role) == ("Acme", "claim")
    assert got["p2"].organization == "Acme"
    # a page its site names is that publisher's voice, however often it names the company
    assert (got["u"].organization, got["u"].role) == ("Rights Union", "third-party")
    # a hearing's transcript is its speakers', whoever published it: the clerk guessed is the owner;
    # a voice nobody placed there is another speaker's, left unplaced
    assert got["h1"].organization == "Acme"
    assert got["h2"].organization == ""


def test_a_parliaments_witness_list_written_surname_first_places_each_witness() -> None:
    h = read_header("JOINT STANDING COMMITTEE ON NORTHERN AFFAIRS\nPublic hearing transcript\n\nWITNESSES\n"
                    "ROE, Mr Jean-Paul, Chief Executive, Acme Mining\n"
                    "DOE, Ms Simone, Group Executive, Corporate Relations, Acme Mining\n\n"
                    "CHAIR: Mr Roe, why was the option chosen?\n\nMr ROE: In 2012 the company looked at four options.\n")
    assert h.witnesses == (("Jean-Paul Roe", "Acme Mining"), ("Simone Doe", "Acme Mining"))


def test_a_record_kept_inside_an_organization_by_its_marking_is_that_organizations() -> None:
    h = read_header("CONFIDENTIAL - NOT FOR DISTRIBUTION OUTSIDE ACME DAIRY\n\nMEMORANDUM\n\nTO: Branch Managers\n"
                    "FROM: Jane Roe, President\nDATE: February 16, 2015\nRE: Pull-back\n")
    assert (h.internal, h.organization) == (True, "Acme Dairy")
    assert read_header("NOT FOR DISTRIBUTION OUTSIDE THE COMPANY\n\nMEMORANDUM\nTO: All\nFROM: Jane Roe\n").organization == ""


def test_a_company_officer_in_a_story_about_an_agency_speaks_for_the_company() -> None:
    text = ("WASHINGTON, May 7 (Wire) - The Food and Drug Administration released records on Thursday about the "
            "Acme Dairy plant. The FDA listed 16 instances of positive tests.\n\n"
            "Company spokesman Joe Roe said in a statement that several swab tests showed listeria on non-food "
            "surfaces at the Springfield plant in 2013.\n")
    doc = Document(id="n", path="news.html", kind="news", date=DAY, text=text)
    read = extract_batch([doc], settings=ExtractSettings())[0]
    [st] = [s for s in read if "swab tests" in s.text]
    # not the agency the story is about, nor the plant's town the tagger takes for a company
    assert (st.speaker, st.organization) == ("Joe Roe", "")
    docs = [doc, Document(id="m", path="memo.txt", kind="memo", date=DAY, text="")]
    recs = [_st("i1", "Acme Dairy", "m", kind="internal"), _st("i2", "Acme Dairy", "m", kind="internal"),
            _st("n2", "Food and Drug Administration", "n", text="The agency released records about the Acme Dairy plant.")]
    got = {s.id: s for s in build(list(read) + recs, docs)}
    assert got[st.id].organization == "Acme Dairy"  # the records' owner, whose officer he is


def test_a_release_signed_by_the_records_owner_is_its_voice_whoever_it_names_most() -> None:
    docs = [Document(id="r", path="release.md", kind="press-release", date=DAY, text="", title="Statement on the gorge",
                     author="Acme Iron Ore, Perth"),
            Document(id="m", path="memo.txt", kind="memo", date=DAY, text="")]
    sts = [_st("p", "PKKP", "r", speaker="Acme Iron Ore, Perth",
               text="Over many years Acme has worked constructively with the PKKP people, and the PKKP know it."),
           _st("i1", "Acme", "m", kind="internal"), _st("i2", "Acme", "m", kind="internal")]
    got = {s.id: s for s in build(sts, docs)}
    assert (got["p"].organization, got["p"].role) == ("Acme", "claim")


def test_an_unnamed_outsider_speaks_for_where_they_work() -> None:
    text = ("WASHINGTON, Oct. 22 (Wire) - Acme's code-hosting service was degraded for a day.\n\n"
            "A developer who runs pipelines for a payments start-up said the outage had halted his team's "
            "deployments for most of Monday.\n")
    doc = Document(id="n", path="news.html", kind="news", date=DAY, text=text)
    [st] = [s for s in extract_batch([doc], settings=ExtractSettings())[0] if "halted" in s.text]
    # an outsider placed by "a payments start-up" as written, hyphen kept (so the story's company is
    # not given the developer's words)
    assert (st.speaker, st.organization, st.role) == ("", "payments start-up", "third-party")


def test_an_organizations_reply_to_a_member_of_the_public_is_its_public_word(tmp_path: Path) -> None:
    def eml(name: str, to: str) -> None:
        (tmp_path / name).write_text(
            f"From: Acme Support <support@acme-logistics.com>\nTo: {to}\nDate: Fri, 20 Apr 2018 14:47:05 -0700\n"
            "Subject: Re: my pay\nMessage-ID: <x-{name}@acme-logistics.com>\n\nHello,\n\nOur commitment on "
            "earnings is unchanged: you still earn $18-25 per hour, including 100% of your tips.\n")
    eml("driver.eml", '"Dana W." <dana.w.driver@gmail.com>')
    eml("colleague.eml", '"Jo Roe" <jo.roe@acme-logistics.com>')
    eml("mixed.eml", '"Dana W." <dana.w.driver@gmail.com>, "Jo Roe" <jo.roe@acme-logistics.com>')
    docs = _docs(tmp_path)
    assert [docs[n].kind for n in ("driver.eml", "colleague.eml", "mixed.eml")] == ["letter", "email", "email"]


def test_a_numeric_date_that_reads_both_ways_is_taken_as_the_file_name_dates_it(tmp_path: Path) -> None:
    body = ("OFFICIAL-SENSITIVE\nAcme Health -- Data Sciences\nIncident report: results missing\n\n"
            "Version: 0.3\nDate: 03/10/2020\n\n1. Summary\n   Between 25 September and 2 October, positive results "
            "were left out of the daily report because the file hit its row limit.\n")
    (tmp_path / "2020-10-03_incident-report.txt").write_text(body)
    (tmp_path / "incident-report.txt").write_text(body)  # no name to go by: the header's own reading
    (tmp_path / "2020-03-09_incident-report.txt").write_text(body)  # a name that says another day
    docs = _docs(tmp_path)
    assert docs["2020-10-03_incident-report.txt"].date.iso() == "2020-10-03"
    assert docs["incident-report.txt"].date.iso() == "2020-03-10"
    assert docs["2020-03-09_incident-report.txt"].date.iso() == "2020-03-10"


def test_an_organizations_own_event_heading_names_who_holds_it() -> None:
    h = read_header("ACME ROCKETS -- SPRING TRAINING NEWS CONFERENCE\nBallpark of the Palms, West Palm Beach\n"
                    "Transcript, February 13, 2020\n\nPARTICIPANTS: Jim Roe, Owner; Dana Doe, Manager\n\n"
                    "JIM ROE: We're here to apologize for breaking the rules.\n\nQ. Did it help you win?\n\n"
                    "JIM ROE: In our opinion it did not.\n")
    assert (h.kind, h.organization) == ("interview", "Acme Rockets")


def test_a_title_in_a_participants_line_is_nobodys_organization() -> None:
    text = ("ACME ROCKETS -- NEWS CONFERENCE\nTranscript, February 13, 2020\n\n"
            "PARTICIPANTS: Jim Roe, Owner; Dana Doe, Manager\n\n"
            "JIM ROE: We're here to apologize for breaking the rules.\n")
    doc = Document(id="t", path="presser.txt", kind="interview", date=DAY, text=text, organization="Acme Rockets")
    assert all(s.organization != "Owner" for s in extract_batch([doc], settings=ExtractSettings())[0])


def test_a_markdown_memo_with_bulleted_labels_and_a_statement_headed_by_its_maker() -> None:
    h = read_header("CONFIDENTIAL - Committee of Managing Directors\n\n**MEMORANDUM**\n\n"
                    "- **To:** Committee of Managing Directors\n- **From:** Walter Roe, CEO Exploration & Production\n"
                    "- **Date:** 2 September 2002\n- **Subject:** Reserves\n\nWe are boxed in.\n")
    assert (h.author, h.date.iso() if h.date else None) == ("Walter Roe", "2002-09-02")
    s = read_header("STATEMENT OF JEFF ROE\nSpringfield -- January 13, 2020\n\nI accept the decision. I do not cheat.\n")
    assert s.author == "Jeff Roe"


def test_a_datelines_place_and_an_organization_naming_itself_are_no_speakers() -> None:
    text = ("LONDON / THE HAGUE, 9 January 2004 -- The Acme Petroleum Group of Companies today announced that it "
            "has recategorised 3.9 billion barrels of proved reserves.\n\n"
            "Reserves are reviewed each year by the Group's reserves auditor, the company said.\n")
    doc = Document(id="r", path="release.md", kind="press-release", date=DAY, text=text)
    orgs = {s.text[:8]: s.organization for s in extract_batch([doc], settings=ExtractSettings())[0]}
    assert orgs["LONDON /"] == "Acme Petroleum Group of Companies"
    assert "Group" not in orgs.values()
    assert clean_org("the Group") == "" and clean_org("Company") == ""


def test_a_decks_presented_line_is_a_label_not_a_speaker() -> None:
    text = ("Acme Rockets -- Baseball Operations\nDeck: \"Codebreaker\" -- prototype review\n"
            "Presented: September 22, 2016, by Baseball Ops intern (D. Roe)\n\nSlide 1: Codebreaker\n"
            "- Excel-based tool to decode opposing catchers' sign sequences\n")
    doc = Document(id="d", path="internal/deck.txt", kind="internal-report", date=DAY, text=text,
                   organization="Acme Rockets")
    assert all(s.speaker not in ("Presented", "Deck") for s in extract_batch([doc], settings=ExtractSettings())[0])


def test_both_companies_speak_through_the_storys_company_and_a_reserved_domain_names_none() -> None:
    from claimcheck.ingest.base import organization_label
    assert organization_label("ford-me.example.com") == "" and organization_label("status.acme.example") == "acme"
    assert organization_label("mail.acme.co.uk") == "acme"
    text = ("DEARBORN, Sept. 6 (Wire) - Acme Motor said on Wednesday it had replaced tires abroad in 1999.\n\n"
            "Both companies said they had seen no reason to notify U.S. regulators because the tire problems "
            "abroad did not point to a safety problem at home.\n")
    doc = Document(id="n", path="news.html", kind="news", date=DAY, text=text)
    [st] = [s for s in extract_batch([doc], settings=ExtractSettings())[0] if "no reason to notify" in s.text]
    assert st.organization == "Acme Motor"


def test_a_knight_named_in_full_is_the_same_person_by_sir_and_first_name() -> None:
    text = ("LONDON, Feb. 5 (Wire) - Sir Philip Roe, chairman of Acme Petroleum, said he would not resign.\n\n"
            "Last month, speaking to about 1,000 staff, Sir Philip said he had first been told in late 2003 that "
            "the reserves might need to be cut.\n")
    doc = Document(id="n", path="news.html", kind="news", date=DAY, text=text)
    [st] = [s for s in extract_batch([doc], settings=ExtractSettings())[0] if "first been told" in s.text]
    assert st.speaker == "Philip Roe"
