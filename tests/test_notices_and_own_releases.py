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
