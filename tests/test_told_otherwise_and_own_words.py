"""Comparing by meaning, as sets 86 and 87 showed it read generically (issue 15): a claim told one way and
the organization's own record of the same matter told the other way ("continued to approach the officers"
against "moving away from officers", or "does not depict the subject advancing on the officers":
rules/stance.yaml opposites) is a tension, and not where the record tells it the same way or is another
organization's; a person's denial against their own earlier record naming the very matter ("herd immunity")
is a tension, weakened where the record only muses; a record that something was not received or reported
("no message from the attackers has been received") agrees with a denial; a record that disowns its public
words and quotes them ('the June 26 media line ("never paid an honorarium") is not accurate') strains the
claim that says those words only; a unit's name given in two languages under its organization's name is
not the organization's other name; an assault told in a record is harm. Each test asserts on records or
findings and fails on the code before it."""

from __future__ import annotations

from pathlib import Path

import pytest

from folder_helpers import docs as _docs, one as _one, report as _report

pytestmark = pytest.mark.model

RELEASE = ("ACME POLICE DEPARTMENT - NEWS RELEASE\nOctober 21, 2014\n\n"
           "Officers responded to reports of a man breaking into vehicles on the south side. "
           "He refused to comply and continued to approach the officers with the knife raised.\n")


def _flags(rep) -> list[tuple[str, str, str, tuple[str, ...]]]:
    by = {s.id: s for s in rep.statements}
    return [(f.level, f.type, by[f.public].text, tuple(by[i].text for i in f.internal))
            for f in rep.findings if f.level != "candidate"]


def _reasons(rep, public: str) -> set[str]:
    by = {s.id: s for s in rep.statements}
    return {r.code for f in rep.findings if f.level != "candidate" and public in by[f.public].text for r in f.reasons}


@pytest.mark.parametrize("record", [
    "Subject is moving away from officers when first round strikes.",
    "Reviewer note: the footage does not depict the subject advancing on the officers at the moment of the shooting.",
])
def test_a_claim_told_one_way_against_its_own_record_told_the_other_way_is_a_tension(tmp_path: Path, record: str) -> None:
    _one(tmp_path, "press", "2014-10-21-release.txt", RELEASE)
    _one(tmp_path, "internal", "2014-10-22-video-review.txt",
         "ACME POLICE DEPARTMENT - INTERNAL MEMORANDUM\nTO: Chief of Detectives\nFROM: Video Review Unit\n"
         f"DATE: October 22, 2014\nRE: Dashboard camera review\n\n{record}\n")
    rep = _report(tmp_path)
    flags = _flags(rep)
    assert [(lv, t) for lv, t, p, _ in flags if "continued to approach" in p] == [("tension", "denial-vs-evidence")]
    assert "told-otherwise" in _reasons(rep, "continued to approach")


@pytest.mark.parametrize("record,org", [
    ("Subject is approaching the officers when first round strikes.", "ACME POLICE DEPARTMENT"),  # told the same way
    ("Subject is moving away from officers when first round strikes.", "NORTHGATE SHERIFF'S OFFICE"),  # another's
])
def test_a_record_telling_it_the_same_way_or_another_organizations_is_no_flag(tmp_path: Path, record: str, org: str) -> None:
    _one(tmp_path, "press", "2014-10-21-release.txt", RELEASE)
    _one(tmp_path, "internal", "2014-10-22-video-review.txt",
         f"{org} - INTERNAL MEMORANDUM\nTO: Chief of Detectives\nFROM: Video Review Unit\n"
         f"DATE: October 22, 2014\nRE: Dashboard camera review\n\n{record}\n")
    assert not [f for f in _flags(_report(tmp_path)) if "continued to approach" in f[2]]


TRANSCRIPT = ("TRANSCRIPT - evening news interview\nWednesday 18 March 2020\n\n"
              "PRESENTER: Why are the schools still open?\n\n"
              "JOHN DOE (State Epidemiologist, Acme Health Agency): Herd immunity is not a goal of our strategy. "
              "Our goal is to slow the spread so that health care can cope.\n")


def _musing(tmp_path: Path, author: str) -> None:
    _one(tmp_path, "internal", "2020-03-14-reply.eml",
         f"From: {author} <jdoe@acmehealth.example>\nTo: Jane Roe <jroe@acmehealth.example>\n"
         "Date: Sat, 14 Mar 2020 11:48:00 +0100\nSubject: A suggestion\n\n"
         "Forwarding for interest. One argument for keeping the schools open could be that we would get to "
         "herd immunity faster.\n\n/John\n\nJohn Doe\nState Epidemiologist\nAcme Health Agency\n")


def test_a_denial_against_the_speakers_own_earlier_record_of_the_very_matter_is_a_tension(tmp_path: Path) -> None:
    _one(tmp_path, "transcripts", "2020-03-18-interview.txt", TRANSCRIPT)
    _musing(tmp_path, "John Doe")
    rep = _report(tmp_path)
    flags = [f for f in _flags(rep) if "Herd immunity is not a goal" in f[2]]
    assert [(lv, t) for lv, t, _, _ in flags] == [("tension", "denial-vs-evidence")]
    assert any("herd immunity faster" in i for i in flags[0][3])
    assert {"own-record", "hedged"} <= _reasons(rep, "Herd immunity is not a goal")


def test_a_record_naming_the_matter_is_no_strain_on_someone_elses_denial_by_its_own_words(tmp_path: Path) -> None:
    _one(tmp_path, "transcripts", "2020-03-18-interview.txt", TRANSCRIPT)
    _musing(tmp_path, "Mary Major")
    rep = _report(tmp_path)
    assert "own-record" not in _reasons(rep, "Herd immunity is not a goal")


def test_the_folders_two_word_matter_keys_a_record_whose_tagger_split_it(tmp_path: Path) -> None:
    _one(tmp_path, "transcripts", "2020-03-18-interview.txt", TRANSCRIPT)
    _musing(tmp_path, "John Doe")
    rep = _report(tmp_path)
    record = next(s for s in rep.statements if "herd immunity faster" in s.text)
    assert "herd immunity" in record.topics


@pytest.mark.parametrize("record", [
    "Attacker contact: no message, e-mail, call or other communication from the attackers has been received on any "
    "company channel.",
    "No ransom demand was received by the group.",
])
def test_a_record_that_nothing_was_received_agrees_with_the_denial(tmp_path: Path, record: str) -> None:
    _one(tmp_path, "press", "2022-03-25-statement.txt",
         "ACME RAIL - PRESS STATEMENT\nRome, 25 March 2022\n\n"
         "The companies of the Acme Rail Group have not received any ransom request following the cyber attack.\n")
    _one(tmp_path, "internal", "2022-03-24-status.txt",
         "ACME RAIL - STATUS REPORT - CONFIDENTIAL\nTO: Chief Executive\nFROM: Security Operations\n"
         f"DATE: 24 March 2022\nRE: Ransomware incident\n\n{record}\n")
    assert not [f for f in _flags(_report(tmp_path)) if "ransom request" in f[2]]


MEMO = ("ACME CHARITY - INTERNAL MEMORANDUM\nTO: Executive Director\nFROM: Finance\nDATE: July 8, 2020\n"
        "RE: Speaker fees\n\n"
        "The June 26 media line (\"never paid an honorarium\") is therefore not accurate as written for the "
        "charity itself.\n")


def test_a_record_disowning_quoted_public_words_strains_the_claim_that_says_them_only(tmp_path: Path) -> None:
    _one(tmp_path, "press", "2020-06-26-reply.txt",
         "ACME CHARITY - MEDIA STATEMENT\nJune 26, 2020\n\n"
         "Acme Charity has never paid an honorarium to these individuals for their involvement.\n")
    _one(tmp_path, "hearing", "2020-07-28-committee.txt",
         "STANDING COMMITTEE ON FINANCE\nTuesday, July 28, 2020\n\n"
         "THE CHAIR: Mr. Roe, on the speaking payments.\n\n"
         "MR. JOHN ROE (Co-founder, Acme Charity): Speakers are not paid to speak at our charity events.\n")
    _one(tmp_path, "internal", "2020-07-08-memo.txt", MEMO)
    flagged = {p for _, _, p, _ in _flags(_report(tmp_path))}
    assert any("never paid an honorarium" in p for p in flagged)
    assert not any("Speakers are not paid" in p for p in flagged)


def test_a_unit_named_in_two_languages_under_its_organization_is_not_its_other_name(tmp_path: Path) -> None:
    _one(tmp_path, "noise", "2020-03-10-notice.txt",
         "ACMEMYNDIGHETEN -- IT-ENHETEN / IT UNIT\nIntranet notice, 10 March 2020\n\nRemote access capacity\n\n"
         "Because more staff are working from home, VPN capacity has been doubled from this evening.\n")
    _one(tmp_path, "internal", "2020-03-14-mail.eml",
         "From: John Doe <jdoe@acmemyndigheten.example>\nTo: Jane Roe <jroe@acmemyndigheten.example>\n"
         "Date: Sat, 14 Mar 2020 11:48:00 +0100\nSubject: Schools\n\n"
         "Children are most likely spreading it mainly among themselves.\n\nJohn Doe\nAcmemyndigheten\n")
    orgs = {s.organization for s in _report(tmp_path).statements}
    assert "It Unit" not in orgs and "IT Unit" not in orgs
    assert any(o.lower() == "acmemyndigheten" for o in orgs)


def test_an_assault_told_in_a_record_strains_a_denial_that_any_is_on_record(tmp_path: Path) -> None:
    _one(tmp_path, "press", "2021-06-22-statement.txt",
         "ACME SCHOOLS - PRESS RELEASE\nJune 22, 2021\n\n"
         "Superintendent John Doe said: \"We don't have any record of assaults occurring in our restrooms.\"\n")
    _one(tmp_path, "internal", "2021-05-28-incident.txt",
         "ACME SCHOOLS - INCIDENT REPORT - CONFIDENTIAL\nTO: Superintendent\nFROM: Principal, North High School\n"
         "DATE: May 28, 2021\nRE: Incident\n\n"
         "Today a female student reported that a male student sexually assaulted her in a girls' restroom.\n")
    assert [lv for lv, _, p, _ in _flags(_report(tmp_path)) if "record of assaults" in p]


def test_a_rule_said_to_cover_everyone_against_a_record_that_it_covers_only_some_is_a_tension(tmp_path: Path) -> None:
    _one(tmp_path, "press", "2022-12-22-notice.txt",
         "ACME VAULT - PRESS RELEASE\nDecember 22, 2022\n\n"
         "Since 2018, we have required a twelve-character minimum for master passwords.\n")
    _one(tmp_path, "internal", "2022-12-27-memo.txt",
         "ACME VAULT - INTERNAL MEMORANDUM\nTO: Security Engineering\nFROM: Jane Roe\nDATE: 27 December 2022\n"
         "RE: Password rules\n\nThe twelve-character minimum is only enforced on new accounts and on password change.\n")
    rep = _report(tmp_path)
    assert "told-otherwise" in _reasons(rep, "twelve-character minimum for master passwords")


def test_a_standing_practice_of_not_holding_a_secret_is_no_claim_of_when_it_learned(tmp_path: Path) -> None:
    _one(tmp_path, "press", "2022-12-22-notice.txt",
         "ACME VAULT - PRESS RELEASE\nDecember 22, 2022\n\n"
         "We never know or store your master password.\n")
    _one(tmp_path, "internal", "2018-02-09-ticket.txt",
         "ACME VAULT - ENGINEERING TICKET SEC-1182 - INTERNAL\nDate: 2018-02-09\n\n"
         "We are worried that forced migration of the master password settings risks lockouts for old clients.\n")
    rep = _report(tmp_path)
    by = {s.id: s for s in rep.statements}
    assert not [f for f in rep.findings if f.type == "knowledge-timing" and "never know" in by[f.public].text]
