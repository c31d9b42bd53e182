"""What blind sets 38 and 39 showed, read generically (issues 14 and 15): a listed company's
announcement ("ANNOUNCEMENT - ...", "(Stock Code: 123)") is its own disclosure, every sentence its
claim; a release's dateline is the day it was issued, not a date its words tell, so "announces that
it has discovered" beside "discovered suspicious activity in March" claims no learning at the
release's date; a legislature's record ("LEGISLATIVE COUNCIL ... Joint Meeting of the Panel on
...") is testimony and its "HON JANE ROE:" a member asking, not the witness's organization; a
body named by a concern word ("the Board risk committee") voices no concern, and a quality of what
a sentence is about ("an accurate notice was more useful") assures nothing. Each test asserts on
records."""

from __future__ import annotations

from pathlib import Path

from claimcheck.ingest import ingest_paths
from claimcheck.pipeline import ScanOptions, run
from claimcheck.rulecheck import statement_from_sentence
from claimcheck.detect import stance_of
from claimcheck.nlp import load_pipeline
from claimcheck.ruleset import load_rules

_ANNOUNCEMENT = (
    "ACME AIRWAYS LIMITED\n"
    "(Incorporated in England with limited liability)\n"
    "(Stock Code: 123)\n"
    "\n"
    "ANNOUNCEMENT - DATA SECURITY EVENT\n"
    "\n"
    "LONDON, 24 October 2018 -- Acme Airways Limited (\"Acme\") announces that it has discovered\n"
    "unauthorised access to certain information of passengers. Up to 9.4 million passengers are affected.\n"
    "\n"
    "{timeline}"
    "Acme has notified the police and the privacy commissioner and is contacting affected passengers.\n"
    "\n"
    "By order of the Board\n")
_TIMELINE = ("Timeline. Acme discovered suspicious activity on its network in March 2018 and took immediate\n"
             "action to investigate and contain it, with the help of an outside security firm.\n\n")
_FORENSICS = (
    "From: Head of IT Security <security@acme-air.example>\n"
    "To: Executive Committee <exco@acme-air.example>\n"
    "Date: Mon, 7 May 2018 09:12:00 +0800\n"
    "Subject: Forensics confirmation\n"
    "\n"
    "The forensic team has now confirmed what we feared: the attackers accessed passenger databases\n"
    "and moved data out of our environment.\n"
    "\n"
    "Head of IT Security\n"
    "Acme Airways Limited\n")


def _case(tmp_path: Path, timeline: str) -> Path:
    (tmp_path / "press").mkdir()
    (tmp_path / "internal").mkdir()
    (tmp_path / "press" / "announcement.txt").write_text(_ANNOUNCEMENT.format(timeline=timeline), encoding="utf-8")
    (tmp_path / "internal" / "forensics.eml").write_text(_FORENSICS, encoding="utf-8")
    return tmp_path


def test_a_listed_companys_announcement_is_its_own_disclosure(tmp_path: Path) -> None:
    _case(tmp_path, _TIMELINE)
    doc = next(d for r in ingest_paths([tmp_path / "press"]) for d in r.documents)
    assert doc.kind == "filing"
    # (dated by its dateline, below a heading of a dateline's shape: "ANNOUNCEMENT - ...")
    assert doc.date.start is not None and doc.date.start.isoformat() == "2018-10-24"
    report = run([tmp_path / "press"], options=ScanOptions(use_cache=False))
    timeline = next(s for s in report.statements if "suspicious activity" in s.text)
    assert (timeline.kind, timeline.role, timeline.organization) == ("public", "claim", "Acme Airways Limited")


def test_a_release_that_dates_its_learning_itself_is_no_knowledge_timing_flag(tmp_path: Path) -> None:
    report = run([_case(tmp_path, _TIMELINE)], options=ScanOptions(use_cache=False))
    timing = [f for f in report.findings if f.type == "knowledge-timing"]
    assert timing and all(f.level == "candidate" for f in timing)
    assert any(r.code == "disclosed-alongside" for f in timing for r in f.reasons)


def test_without_its_own_timeline_the_release_dates_its_learning_by_the_dateline(tmp_path: Path) -> None:
    # the control: the same release without the sentence dating the discovery is flagged
    report = run([_case(tmp_path, "")], options=ScanOptions(use_cache=False))
    assert any(f.type == "knowledge-timing" and f.level in ("contradiction", "tension") for f in report.findings)


_LEGISLATURE = (
    "LEGISLATIVE COUNCIL OF NORTHGATE\n"
    "Joint Meeting of the Panel on Security and Panel on Information Technology\n"
    "Wednesday, 14 November 2018, Conference Room 1\n"
    "Agenda item: Data leakage incident of Acme Airways Limited\n"
    "\n"
    "CHAIRMAN: I invite the representatives of Acme Airways to speak.\n"
    "\n"
    "MR JOHN DOE (Chief Executive Officer, Acme Airways Limited): We apologise to our passengers.\n"
    "Our systems came under a sustained attack.\n"
    "\n"
    "HON JANE ROE: Passengers lost five months in which they could have protected themselves.\n"
    "\n"
    "MR JOHN DOE: We understand the frustration.\n")


def test_a_legislatures_record_is_testimony_and_its_honourable_members_ask(tmp_path: Path) -> None:
    (tmp_path / "hearing.txt").write_text(_LEGISLATURE, encoding="utf-8")
    doc = next(d for r in ingest_paths([tmp_path]) for d in r.documents)
    assert doc.kind == "testimony"
    statements = run([tmp_path], options=ScanOptions(use_cache=False)).statements
    member = next(s for s in statements if s.text.startswith("Passengers lost"))
    assert member.role == "third-party" and member.organization != "Acme Airways Limited"
    witness = next(s for s in statements if s.text.startswith("We understand"))
    assert (witness.role, witness.organization) == ("claim", "Acme Airways Limited")


def test_a_body_named_by_a_concern_word_and_a_quality_of_the_subject_take_no_stance() -> None:
    rules, pipe = load_rules(), load_pipeline()

    def stance(text: str, kind: str) -> str:
        return stance_of(statement_from_sentence(text, kind, rules, pipe), rules)
    assert stance("I suggest we brief the Board risk committee this week.", "internal") != "concern"
    assert stance("The risk to patients is real.", "internal") == "concern"
    assert stance("We believed an accurate notice was more useful to passengers than an early one.", "public") \
        != "asserts-safety"
    assert stance("We make safe products.", "public") == "asserts-safety"


def test_a_successor_formed_by_a_merger_owns_both_merged_companies() -> None:
    from claimcheck.ingest.relations import ownership
    text = "Apex Group was formed through the merger of Acme and\nGlobex in July 2015."
    assert ownership(text) == (("Acme", "Apex Group"), ("Globex", "Apex Group"))


def test_an_acronym_spelled_out_as_a_unit_of_a_known_organization_is_that_organizations() -> None:
    # "ACS" from a domain, spelled "Acme Cement Syria" in a release, beside "Acme" (the family of
    # "AcmeGlobex"): the unit's records are the family's
    from claimcheck.corpus.orgs import spelled_out
    canon = {"Acme": "AcmeGlobex", "AcmeGlobex": "AcmeGlobex", "ACS": "ACS"}
    assert spelled_out(canon, {"Acme Cement Syria"})["ACS"] == "AcmeGlobex"
    # (spelled out as no known organization's unit, the acronym takes the full name)
    assert spelled_out({"NSO": "NSO"}, {"Northgate Safety Office"})["NSO"] == "Northgate Safety Office"


def test_a_purpose_told_is_no_assurance() -> None:
    rules, pipe = load_rules(), load_pipeline()
    text = ("The review established that the subsidiary provided funds to armed groups in order to maintain "
            "operations and to ensure safe passage of employees.")
    assert stance_of(statement_from_sentence(text, "public", rules, pipe), rules) != "asserts-safety"


_BANK_RELEASE = ("BANK OF NORTHGATE\n"
                 "News release -- Statement: update on the settlement system\n"
                 "\n"
                 "SPRINGFIELD, 20 October 2014\n"
                 "\n"
                 "The settlement system closed at 20:00 this evening, well after its normal close.\n")
_BANK_MEMO = ("BANK OF NORTHGATE -- RESTRICTED\n"
              "\n"
              "MEMORANDUM\n"
              "\n"
              "TO:      Governor; Deputy Governor, Markets and Banking; Deputy Governor,\n"
              "         Financial Stability; Chief Operating Officer; Secretary of Court\n"
              "FROM:    Executive Director, Banking Services\n"
              "DATE:    21 October 2014\n"
              "RE:      Disruption of Monday 20 October 2014 -- initial factual summary\n"
              "\n"
              "No settlement failures or financial loss to the Bank identified.\n")


def test_a_bank_of_a_place_heads_its_release_and_marks_its_memo(tmp_path: Path) -> None:
    (tmp_path / "release.txt").write_text(_BANK_RELEASE, encoding="utf-8")
    (tmp_path / "memo.txt").write_text(_BANK_MEMO, encoding="utf-8")
    docs = [d for r in ingest_paths([tmp_path]) for d in r.documents]
    assert sorted((d.kind, d.organization) for d in docs) == [("memo", "Bank of Northgate"),
                                                              ("press-release", "Bank of Northgate")]


def test_a_record_that_a_harm_is_absent_is_no_record_that_the_claim_is_false() -> None:
    import datetime as dt
    from claimcheck.detect.checks import _contrary_record
    from claimcheck.models import DateValue, Frame, Source, Statement
    rules = load_rules()
    rule = next(r for r in rules.rules if "contrary_score" in r.params)

    def st(sid: str, kind: str, text: str, day: dt.date, frame: Frame) -> Statement:
        return Statement(id=sid, document=f"doc-{sid}", kind=kind, role="claim" if kind == "public" else "evidence",
                         speaker="", organization="Acme", date=DateValue.day(day, "test"), text=text,
                         source=Source(f"{sid}.txt", 1, 0, len(text)), topics=("settlement system",), frame=frame)
    claim = st("p", "public", "The reviewers identified the cause of the outage in the settlement system's changes.",
               dt.date(2015, 3, 24), Frame(predicate="identify", verbs=("identify",), modality="report"))
    record = Frame(predicate="identify", verbs=("identify",), polarity="negative", modality="report")
    absent = st("i", "internal", "No settlement failures or losses to the bank identified in the settlement system.",
                dt.date(2014, 10, 21), record)
    assert _contrary_record(rule, rules, claim, absent) is None
    # (the control: a record that the act itself was not done is contrary)
    undone = st("j", "internal", "The reviewers have not identified the cause in the settlement system.",
                dt.date(2014, 10, 21), record)
    assert _contrary_record(rule, rules, claim, undone) is not None


_INQUIRY = ("COMMISSION OF INQUIRY INTO THE EVENTS AT THE NORTHGATE MINE\n"
            "\n"
            "HELD AT: CIVIC CENTRE, SPRINGFIELD\n"
            "DATE: 23 OCTOBER 2012\n"
            "BEFORE: JUDGE J ROE (CHAIRPERSON)\n"
            "\n"
            "TRANSCRIPT OF PROCEEDINGS (EXCERPT)\n"
            "\n"
            "CHAIRPERSON: Mr Doe, you may proceed with your opening.\n"
            "\n"
            "ADV DOE: Thank you, Chair. I represent the injured workers. We will lead evidence that the\n"
            "operation was planned with the company.\n")
_PRODUCED = ("COMMISSION OF INQUIRY INTO THE EVENTS AT THE NORTHGATE MINE\n"
             "Documents produced by Acme Mining Plc -- Bundle C (Security correspondence)\n"
             "Records release to the parties -- pages AM-C-004411 to AM-C-004412\n"
             "\n"
             "ACME -- EXECUTIVE SITUATION REPORT No. 5\n"
             "Date: 14 August 2012, 19:30\n"
             "\n"
             "1. Police presence\n"
             "   Numbers remain insufficient to disarm the group gathered on the hill.\n")


def test_an_inquirys_transcript_is_testimony_and_its_advocates_ask(tmp_path: Path) -> None:
    (tmp_path / "transcript.txt").write_text(_INQUIRY, encoding="utf-8")
    doc = next(d for r in ingest_paths([tmp_path]) for d in r.documents)
    assert doc.kind == "testimony"
    statements = run([tmp_path], options=ScanOptions(use_cache=False)).statements
    advocate = next(s for s in statements if s.text.startswith("I represent"))
    assert advocate.role == "third-party"


def test_documents_produced_by_an_organization_are_its_records(tmp_path: Path) -> None:
    (tmp_path / "bundle.txt").write_text(_PRODUCED, encoding="utf-8")
    doc = next(d for r in ingest_paths([tmp_path]) for d in r.documents)
    assert doc.organization == "Acme Mining Plc" and doc.kind == "internal-report"
    # (produced "by or on behalf of" the company: still the company's records)
    (tmp_path / "bundle.txt").write_text(_PRODUCED.replace("produced by Acme", "produced by or on behalf of Acme"),
                                         encoding="utf-8")
    doc = next(d for r in ingest_paths([tmp_path]) for d in r.documents)
    assert doc.organization == "Acme Mining Plc"


_CLOSED_RELEASE = (
    "DECISION ON A REQUEST UNDER THE PUBLIC ACCESS ACT\n"
    "Subject: documents on signals received by the authority, 2016-2017\n"
    "Released documents -- pages NFA-WOB-000214 to NFA-WOB-000216\n"
    "\n"
    "======================================================================\n"
    "DOCUMENT 7 -- Extract from the signals register (intake)\n"
    "======================================================================\n"
    "Register no.   Received          Source       Summary\n"
    "2016-S-[red.]  November 2016     anonymous    Possible large-scale use of the\n"
    "                                              product in poultry houses.\n"
    "                                                 NFA-WOB-000214\n"
    "----------------------------------------------------------------------\n"
    "======================================================================\n"
    "DOCUMENT 12 -- Note to the Minister\n"
    "======================================================================\n"
    "From:    Inspector General, Northgate Food Authority\n"
    "Date:    22 July 2017\n"
    "Subject: State of play\n"
    "\n"
    "1. The authority received the first signal about the product in poultry houses in November 2016.\n"
    "                                                 NFA-WOB-000215\n"
    "----------------------------------------------------------------------\n"
    "[Page NFA-WOB-000216 withheld in full.]\n"
    "                                                 NFA-WOB-000216\n")


def test_a_release_whose_pages_close_with_their_bates_number_is_one_record_per_page(tmp_path: Path) -> None:
    (tmp_path / "release.txt").write_text(_CLOSED_RELEASE, encoding="utf-8")
    docs = [d for r in ingest_paths([tmp_path]) for d in r.documents]
    records = [d for d in docs if d.kind in ("internal-report", "memo")]
    assert len(records) == 2
    note = next(d for d in records if d.date.start is not None and d.date.start.isoformat() == "2017-07-22")
    assert note.organization == "Northgate Food Authority"
    # (the register's page starts at its own line of the file)
    register = next(d for d in records if d is not note)
    assert _CLOSED_RELEASE.split("\n")[register.line_base - 1].startswith("DOCUMENT 7")


_BROADCAST = ("TRANSCRIPT -- evening news bulletin\n"
              "Broadcast: Wednesday 9 August 2017\n"
              "Interviewee: Jan van Roe, Inspector General of the Northgate Food Authority\n"
              "\n"
              "PRESENTER: The minister of a neighbouring country said today that the authority knew\n"
              "about the product as early as November. Our reporter spoke to its head.\n"
              "\n"
              "REPORTER: Mr van Roe, they say you knew in November. Did you?\n"
              "\n"
              "VAN ROE: We did receive a report in November. It was a single anonymous report.\n")


def test_a_broadcasts_presenter_asks_and_its_guest_with_a_particle_answers(tmp_path: Path) -> None:
    (tmp_path / "interview.txt").write_text(_BROADCAST, encoding="utf-8")
    doc = next(d for r in ingest_paths([tmp_path]) for d in r.documents)
    assert doc.author == "" and doc.organization == "Northgate Food Authority"
    statements = run([tmp_path], options=ScanOptions(use_cache=False)).statements
    assert not any("neighbouring country" in s.text for s in statements)
    answer = next(s for s in statements if s.text.startswith("We did receive"))
    assert (answer.speaker, answer.organization) == ("Jan van Roe", "Northgate Food Authority")


_COMMITTEE = ("HOUSE OF COMMONS - STANDING COMMITTEE ON NORTHGATE HERITAGE\n"
              "EVIDENCE - Monday, June 20, 2022 (excerpt)\n"
              "\n"
              "The Chair (Hon. Jane Doe): Welcome, witnesses. We will go straight to questions.\n"
              "\n"
              "Mr. John Public (Springfield East, Lib.): Mr. Roe, Acme settled the lawsuit in May. Where did the money\n"
              "come from? Acme is named in every report, and Acme's members pay its fees.\n"
              "\n"
              "Mr. Jan Roe (President, Acme Hockey): Madam Chair, no government funding was used. Acme Hockey\n"
              "liquidated some investments to pay for the settlement.\n"
              "\n"
              "Mr. John Public: Investments held where?\n")
_ACME_RECORD = ("From: Finance <finance@acmehockey.example>\n"
                "To: Board <board@acmehockey.example>\n"
                "Date: Mon, 2 May 2022 09:00:00 -0400\n"
                "Subject: Settlement funding\n"
                "\n"
                "The settlement will be paid from the reserve fund built from registration fees.\n"
                "\n"
                "Finance\n"
                "Acme Hockey\n")


def test_a_committees_record_with_full_names_is_testimony_and_its_members_keep_their_house(tmp_path: Path) -> None:
    (tmp_path / "hearing.txt").write_text(_COMMITTEE, encoding="utf-8")
    (tmp_path / "record.eml").write_text(_ACME_RECORD, encoding="utf-8")
    hearing = next(d for r in ingest_paths([tmp_path / "hearing.txt"]) for d in r.documents)
    assert hearing.kind == "testimony"
    statements = run([tmp_path], options=ScanOptions(use_cache=False)).statements
    member = next(s for s in statements if "settled the lawsuit" in s.text)
    assert member.role != "claim" and member.organization != "Acme Hockey"
    witness = next(s for s in statements if "no government funding" in s.text)
    assert (witness.role, witness.organization) == ("claim", "Acme Hockey")
