"""What blind set 32 showed, read generically (issues 14 and 15): an organization's notice whose
front matter names its genre in `channel:` or `type:` ("acme.se customer notice", "press release")
is its own word, and `company:` names whose document it is; "ACME AB -- PRESS UPDATE" and "MEDIA
INFORMATION" headings in capitals make a release, "A message from the Board of Directors of Acme"
a statement, "JOINT MEDIA STATEMENT BY THE MINISTRY OF ..." its first maker's, and a heading's
second line that goes on ("AND THE MINISTRY OF ...") is no letterhead; a legal form in capitals
stays in capitals; an annual report's title makes a filing; an organization's release a
year later is a statement of its own, not a retelling of the earlier one; "all flights are
cancelled" reports the act (no denial of it). Each test asserts on records."""

from __future__ import annotations

from pathlib import Path

from claimcheck.ingest import ingest_paths
from claimcheck.ingest.base import guess_kind
from claimcheck.ingest.headers import _org_case, read_header
from claimcheck.pipeline import ScanOptions, run


def _write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def _docs(folder: Path) -> dict[str, object]:
    return {Path(d.path).name: d for r in ingest_paths([folder]) for d in r.documents}


def _report(folder: Path):
    return run([folder], options=ScanOptions(use_cache=False))


def test_a_front_matters_channel_or_type_names_the_genre_and_company_the_owner(tmp_path: Path) -> None:
    docs = _docs(_write(tmp_path, {
        "notice.md": "---\ntitle: \"Many of our stores are closed\"\npublisher: Acme Sverige\n"
                     "channel: acme.se customer notice\ndate: 2021-07-03\n---\n\n"
                     "One of our suppliers has been hit by an IT attack, and the tills in our stores are not working.\n",
        "release.md": "---\ntitle: \"Acme publishes figures\"\npublisher: Acme Communications\ntype: press release\n"
                      "date: 2023-02-15\n---\n\nAcme has today published the fees paid to its presenters.\n",
        "report.md": "---\ntitle: \"Annual Financial Report at 30 June 2020 -- excerpt, Directors' Report\"\n"
                     "company: Acme Football Club S.p.A.\ndate: 2020-09\n---\n\n"
                     "In March 2020 the Company agreed with the players a reduction of compensation equal to four "
                     "monthly salaries.\n"}))
    assert (docs["notice.md"].kind, docs["notice.md"].organization) == ("post", "Acme Sverige")
    assert docs["release.md"].kind == "press-release"
    assert (docs["report.md"].kind, docs["report.md"].organization) == ("filing", "Acme Football Club S.p.A.")


def test_release_headings_in_capitals_and_a_message_from_the_board() -> None:
    update = "ACME SVERIGE AB -- PRESS UPDATE\n\nSOLNA, 6 July 2021 -- Acme continues to reopen stores.\n"
    assert guess_kind(update) == "press-release"
    info = "ACME GROUP -- CORPORATE COMMUNICATIONS\nMEDIA INFORMATION\n\nFRANKFURT, 15 February 2023 -- Acme is " \
           "experiencing a disruption of its IT systems.\n"
    assert guess_kind(info) == "press-release"
    board = "A message from the Board of Directors of Acme Resorts Limited -- 1 August 2019\n\nMuch of this " \
            "reporting rests on unsubstantiated allegations.\n"
    assert guess_kind(board, "A message from the Acme Resorts Board of Directors") == "press-release"
    story = "Acme stores reopen\nBy Jane Roe\n\nSOLNA, 6 July 2021 -- In a press update, Acme said stores were reopening.\n"
    assert guess_kind(story) == "news"  # a story's words about a press update make no release


def test_a_joint_statements_heading_names_its_first_maker_not_its_second_line() -> None:
    text = ("JOINT MEDIA STATEMENT BY THE MINISTRY OF FAIR TRADE\nAND THE MINISTRY OF NORTHGATE AFFAIRS\n\n"
            "NORTHGATE, 20 July 2018\n\nACME'S IT SYSTEM TARGET OF CYBERATTACK\n\n"
            "1. Acme's database was the target of a major cyberattack.\n")
    assert read_header(text).organization == "Ministry of Fair Trade"
    assert guess_kind(text) == "press-release"
    assert _org_case("ACME SVERIGE AB") == "Acme Sverige AB"


def test_an_organizations_release_a_year_later_is_its_own_statement(tmp_path: Path) -> None:
    folder = _write(tmp_path, {
        "press/2021-01-20-fees.txt": "FOR IMMEDIATE RELEASE\n\nDUBLIN, 20 January 2021 -- Acme today published the fees "
                                     "paid to its highest-paid presenters. The published amounts are the full fees "
                                     "paid by Acme to each presenter in the calendar year.\n",
        "press/2023-02-15-fees.txt": "FOR IMMEDIATE RELEASE\n\nDUBLIN, 15 February 2023 -- Acme today published the fees "
                                     "paid to its highest-paid presenters. The published amounts are the full fees "
                                     "paid by Acme to each presenter in the calendar year.\n"})
    said = [s for s in _report(folder).statements if "full fees" in s.text]
    assert sorted(s.source.path.split("/")[-1] for s in said) == ["2021-01-20-fees.txt", "2023-02-15-fees.txt"]


def test_a_passive_negative_verb_reports_the_act(tmp_path: Path) -> None:
    folder = _write(tmp_path, {
        "press/2023-02-15-disruption.txt": "ACME AIR -- MEDIA INFORMATION\n\nFRANKFURT, 15 February 2023 -- Acme Air is "
                                           "experiencing a disruption of its IT systems.\n\nAll Acme Air domestic flights "
                                           "from Frankfurt are cancelled for today.\n",
        "internal/2023-02-15-ops.eml": "From: Duty Ops <ops@acmeair.de>\nTo: Crews <crews@acmeair.de>\n"
                                       "Date: Wed, 15 Feb 2023 07:10:00 +0100\nSubject: ops decision\n\n"
                                       "Decision: cancel domestic flights from Frankfurt for the day.\n"})
    report = _report(folder)
    cancelled = next(s for s in report.statements if "are cancelled" in s.text)
    assert (cancelled.frame.predicate, cancelled.frame.polarity) == ("cancel", "positive")
    assert [f for f in report.findings if f.type == "denial-vs-evidence" and f.level != "candidate"
            and f.public == cancelled.id] == []  # "cancelled" is no denial that the records' cancelling breaks


# What blind set 33 showed, read generically: a participants line with a moderator after a ";"
# ("Speakers: Jane Roe, President; Head of Press Office (moderator)") lists one speaker, who speaks
# for the document's organization; "ACME -- PRESS RELEASE" and "ACME UNIVERSITY -- NEWS" headings
# name their organization; a hyphenated title in a turn label ("Vice-President, Executive Board")
# names no organization; front matter's `speaker:` speaks when an office wrote the page; "STATEMENT
# BY THE ACME COMMISSIONER, JANE ROE" is Jane Roe's; "I didn't know about it" is not strained, on
# stance alone, by an unsigned record that never names the speaker.

def test_a_listed_speaker_without_an_organization_speaks_for_the_conference_host(tmp_path: Path) -> None:
    folder = _write(tmp_path, {"2019-09-27-conference.txt":
        "ACME ELECTRIC POWER CO., INC. -- NEWS CONFERENCE\nDate: Friday, 27 September 2019, 11:00\n"
        "Speakers: Jane Roe, President; Head of Public Relations Office (moderator)\n\n"
        "MODERATOR: We will begin.\n\n"
        "JANE ROE (President): The money and goods were held temporarily and have already been returned.\n\n"
        "Q. (Reporter, Daily News): Who received what?\n\n"
        "JANE ROE (President): The committee found that 20 people had been handed money or goods.\n"})
    held = next(s for s in _report(folder).statements if "held temporarily" in s.text)
    assert (held.speaker, held.organization, held.role) == ("Jane Roe", "Acme Electric Power Co", "claim")


def test_an_organizations_release_and_news_headings_and_a_hyphenated_title(tmp_path: Path) -> None:
    assert read_header("ACME POLICE SERVICE -- PRESS RELEASE\n\nDUBLIN, 1 December 2016 -- Gardaí launch a "
                       "road safety operation.\n").organization == "Acme Police Service"
    page = ("ACME UNIVERSITY -- NEWS\nMaastricht, 24 December 2019\n\nACME hit by serious cyberattack\n\n"
            "Acme University (AU) has been hit by a serious cyberattack. The problems started on Monday 23 December.\n")
    assert guess_kind(page) == "press-release"
    folder = _write(tmp_path, {"2020-02-05-symposium.txt":
        "ACME UNIVERSITY -- SYMPOSIUM\nMaastricht, Wednesday 5 February 2020\n\n"
        "JANE ROE (Vice-President, Executive Board): We paid 30 bitcoin, which was then about 197,000 euros.\n\n"
        "Q. (Reporter, NOS): Could you have rebuilt without paying?\n\n"
        "JANE ROE (Vice-President, Executive Board): Possibly, but it would have taken months.\n"})
    paid = next(s for s in _report(folder).statements if "30 bitcoin" in s.text)
    assert paid.organization not in ("Vice-President", "Executive Board")


def test_front_matters_speaker_speaks_for_the_publisher_when_an_office_wrote_the_page(tmp_path: Path) -> None:
    docs = _docs(_write(tmp_path, {"decision.md":
        "---\ntitle: \"Vice-Chancellor's decision\"\npublisher: Acme Institutet -- News\ndate: 2015-08-28\n"
        "author: AI Communications Office\nspeaker: Jane Roe, Vice-Chancellor\n---\n\n"
        "The Vice-Chancellor concludes that the researcher has not committed scientific misconduct.\n",
        "statement.md": "---\ntitle: \"Statement on the documents\"\ndate: 2018-05-10\nsource: \"Acme Health, Dublin\"\n"
                        "author: \"Acme Health Press Office\"\n---\n\nThe documents were released today.\n"}))
    assert (docs["decision.md"].author, docs["decision.md"].organization) == ("Jane Roe", "Acme Institutet")
    assert docs["statement.md"].organization == "Acme Health"


def test_a_statement_by_an_office_names_its_holder() -> None:
    head = read_header("STATEMENT BY THE ACME COMMISSIONER, NÓIRÍN O'ROE\n\nDublin, Saturday 25 March 2017\n\n"
                       "I want to apologise to the public for the failings disclosed this week.\n")
    assert head.author == "Nóirín O'Roe"
    from claimcheck.ingest.headers import _person_case
    assert _person_case("DJ ROE") == "DJ Roe"  # initials in capitals stay as written


def test_i_did_not_know_is_not_strained_by_an_unsigned_record_that_never_names_the_speaker(tmp_path: Path) -> None:
    folder = _write(tmp_path, {
        "internal/2016-09-22-deck-export.txt": "ACME BASEBALL - CODEBREAKER (slide export)\nDate: 22 September 2016\n\n"
                                               "Slide 2: The study\nThe study decodes catchers' signs from the video "
                                               "feed for the advance report.\nSlide 4: Where the value is\nValue is "
                                               "highest when the decode is available while the game is still going.\n"
                                               "Questions for Jeff: staffing, how we share the report with the coaching "
                                               "staff.\n",
        "press/2020-02-13-press-conference.txt": "ACME BASEBALL -- SPRING TRAINING NEWS CONFERENCE\nFebruary 13, 2020\n\n"
                                                 "JIM ROE (Owner, Acme Baseball): The report says clearly that I didn't "
                                                 "know about it. We are going to move forward.\n\n"
                                                 "Q. (Reporter): Did you know about the decoding?\n\n"
                                                 "JIM ROE (Owner, Acme Baseball): No. I learned of it from the report.\n"})
    report = _report(folder)
    knew = {s.id for s in report.statements if s.speaker == "Jim Roe"}
    assert knew
    assert [f for f in report.findings if f.public in knew and f.level != "candidate"] == []


def test_a_chat_writers_team_a_boards_member_and_an_attributed_statement_name_the_person(tmp_path: Path) -> None:
    folder = _write(tmp_path, {
        "2022-07-02-bridge-chat.txt": "#noc-bridge (export)\n"
                                      "[2022-07-02 01:36] Jane Roe (NOC Core Transport): Route switch executed at 01:35.\n"
                                      "[2022-07-02 01:41] John Doe: Requesting rollback to the old router.\n"
                                      "[2022-07-02 01:50] Jane Roe (NOC Core Transport): Rollback complete.\n",
        "2019-12-29-decision-note.txt": "ACME UNIVERSITY -- CONFIDENTIAL\nDECISION NOTE\n"
                                        "FROM:   Executive Board -- Jane Roe (President), John Doe (Vice-President)\n"
                                        "DATE:   29 December 2019\nRE:     Ransom\n\nThe board decides to pay the ransom.\n",
        "2015-06-04-statement.txt": "ACME RELIEF -- STATEMENT\nWASHINGTON, June 4, 2015\n\n"
                                    "Acme Relief responds to media reports\n\n"
                                    "Statement attributed to Jane Roe, General Counsel and Chief International Officer:\n\n"
                                    "\"We are proud of the work we have done under very difficult conditions.\"\n"})
    every = [d for r in ingest_paths([folder]) for d in r.documents]
    docs = {Path(d.path).name: d for d in every}
    authors = sorted(d.author for d in every if Path(d.path).name.startswith("2022-07-02-bridge-chat"))
    assert authors == ["Jane Roe", "Jane Roe", "John Doe"]
    assert docs["2019-12-29-decision-note.txt"].author == "Jane Roe"
    statement = docs["2015-06-04-statement.txt"]
    assert (statement.author, statement.organization) == ("Jane Roe", "Acme Relief")


def test_a_relative_clauses_verb_is_not_the_records_act(tmp_path: Path) -> None:
    folder = _write(tmp_path, {
        "press/2016-09-21-update.md": "---\ntitle: \"Line signalling update\"\ndate: 2016-09-21\nsource: Acme press release\n"
                                      "---\n\nAcme will continue to monitor the performance of the signalling system on the "
                                      "Northgate line closely.\n",
        "internal/2016-11-10-engineering.eml": "From: Duty Engineer <duty@acme.com>\nTo: Comms <comms@acme.com>\n"
                                               "Date: Thu, 10 Nov 2016 09:00:00 +0800\nSubject: Northgate line signalling findings\n\n"
                                               "The faulty signalling hardware on the Northgate line train, which stopped nearby "
                                               "trains talking to the trackside signalling system, was found by the joint team.\n"})
    report = _report(folder)
    found = next(s for s in report.statements if "faulty signalling hardware" in s.text)
    assert found.frame.predicate == "find" and "stop" not in found.frame.verbs
    assert [f for f in report.findings if f.level != "candidate"] == []  # no pledge to monitor broken by "stopped"


def test_a_finding_that_denies_and_a_record_of_the_act_committed(tmp_path: Path) -> None:
    folder = _write(tmp_path, {
        "press/2015-08-28-decision.md": "---\ntitle: \"Vice-Chancellor's decision\"\npublisher: Acme Institutet press release\n"
                                        "date: 2015-08-28\n---\n\nHaving considered the external expert's opinion, the "
                                        "Vice-Chancellor concludes that Dr Roe has not committed scientific misconduct in "
                                        "the seven articles.\n",
        "internal/2015-05-13-expert-report.txt": "ACME INSTITUTET - CONFIDENTIAL\nEXTERNAL EXPERT REPORT\nDate: 13 May 2015\n\n"
                                                 "In my assessment, Dr Roe has committed scientific misconduct in all seven "
                                                 "of the articles reviewed.\n"})
    report = _report(folder)
    finding = next(s for s in report.statements if "concludes that" in s.text)
    record = next(s for s in report.statements if "In my assessment" in s.text)
    assert (finding.frame.modality, finding.frame.polarity, finding.frame.predicate) == ("denial", "negative", "commit")
    assert record.frame.modality != "commitment"  # misconduct committed is an act, no pledge
    assert [(f.type, f.public) for f in report.findings if f.level != "candidate"] == [("denial-vs-evidence", finding.id)]
