"""E-mail that is said in public (issue 14; what set 58 showed, read generically): a press office's
answer to a newsroom "which you may quote as coming from an Acme spokesman"; a customer notice sent
by "kundinformation@" to a list of affected customers; market announcements sent to "Market
Participants" whose body sets out a memo's own To/From form (no quoted message). A colleague's
note inside the organization stays internal. Each test asserts on ingested documents' kinds and
parts."""

from __future__ import annotations

from pathlib import Path

from folder_helpers import docs as _docs, one as _one


def _kinds(tmp_path: Path) -> dict[str, str]:
    return {(d.path.split("/")[-1] + (":" + d.part if d.part else "")): d.kind for d in _docs(tmp_path)}


def test_a_press_offices_answer_to_a_newsroom_for_quoting_is_said_in_public(tmp_path: Path) -> None:
    _one(tmp_path, "press", "reply.eml",
         "From: Acme Press Office <press@acme-energy.example>\nTo: Wire Bureau <desk@wire.example>\n"
         "Date: Fri, 06 Jul 2007 11:42:09 +0200\nSubject: Re: Your enquiry\n\n"
         "Dear colleagues,\n\nOur answer, which you may quote as coming from an Acme spokesman:\n\n"
         "\"We informed the public and the regulator fully and from the very first hour.\"\n")
    _one(tmp_path, "press", "spokeswoman.eml",
         "From: Jane Roe <jane.roe@acme-energy.example>\nTo: Wire Bureau <desk@wire.example>\n"
         "Date: Fri, 06 Jul 2007 12:02:09 +0200\nSubject: Re: Your enquiry\n\n"
         "This can be quoted as coming from an Acme spokeswoman: the plant was never at risk.\n")
    assert _kinds(tmp_path) == {"reply.eml": "letter", "spokeswoman.eml": "letter"}


def test_a_colleagues_note_inside_the_organization_stays_internal(tmp_path: Path) -> None:
    _one(tmp_path, "internal", "note.eml",
         "From: Jane Roe <jane.roe@acme-energy.example>\nTo: John Doe <john.doe@acme-energy.example>\n"
         "Date: Fri, 06 Jul 2007 10:02:09 +0200\nSubject: Line for the wire\n\n"
         "John, the line below is one you may quote if asked. The valve log says otherwise.\n")
    assert _kinds(tmp_path) == {"note.eml": "email"}


def test_a_customer_notice_to_a_list_of_affected_customers_is_said_in_public(tmp_path: Path) -> None:
    _one(tmp_path, "customer", "notice.eml",
         "From: Acme Services <kundinformation@acme.example>\nTo: Affected customers <berorda-kunder@acme.example>\n"
         "Date: Sat, 20 Jan 2024 13:12:40 +0100\nSubject: Customer notice: attack on a data centre\n\n"
         "Dear customer,\n\nDuring the night one of our data centres was hit by a ransomware attack.\n")
    assert _kinds(tmp_path) == {"notice.eml": "letter"}


def test_market_announcements_setting_out_a_memos_form_are_said_in_public_and_hold_no_quote(tmp_path: Path) -> None:
    msg = ("From market.announcements@acmex.example Tue Aug 25 18:05:11 2020\n"
           "From: Acmex Limited <market.announcements@acmex.example>\n"
           "To: Market Participants <participants@acmex.example>\n"
           "Date: Tue, 25 Aug 2020 18:05:11 +1200\nSubject: MEMO - Connectivity issue\n\n"
           "Memorandum\nTo: Market Participants\nFrom: Acmex Limited\nDate: Tuesday, 25 August 2020\n"
           "Subject: Connectivity issue\n\n"
           "This afternoon Acmex was the target of a denial of service attack. Trading was halted.\n\n")
    _one(tmp_path, "announcements", "memos.mbox", msg)
    assert _kinds(tmp_path) == {"memos.mbox:msg1": "letter"}


def test_a_press_desks_note_to_a_newsrooms_bookers_without_quoting_words_stays_a_message(tmp_path: Path) -> None:
    _one(tmp_path, "correspondence", "note.eml",
         "From: Acme Communications <media@acme.example>\nTo: bookers@daily.example\n"
         "Date: Thu, 12 Nov 2020 10:02:11 -0700\nSubject: Setting the record straight\n\n"
         "Producers and bookers,\n\nThe claims aired last night about our machines are false.\n")
    _one(tmp_path, "press", "notice.eml",
         "From: Acme <noreply@notifications.acme.example>\nTo: [Registered user]\n"
         "Date: Wed, 29 Nov 2023 10:15:00 +0000\nSubject: Important information about your data\n\n"
         "Dear user,\n\nWe are writing to tell you about an attack on our systems.\n")
    assert _kinds(tmp_path) == {"note.eml": "email", "notice.eml": "letter"}
