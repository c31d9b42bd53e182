"""What blind sets 46 and 47 showed, read generically (issue 14): a release that gives "the following
statement" of a named officer is that officer's; a release's closing "About Acme Air" boilerplate names
its organization; a spokesman's office heading a dated statement is the organization's own release,
signed by its spokesman; a "Statement on ..." line under an organization's media centre heading is its
release; "opening remarks" are a speech; a front matter marked internal is a record, its "to:" board
names the organization and its "from:" people its authors; a signature's unit ("... Division") or
building ("... City Center") is not the sender's organization;
a turn label in capitals may open with "I"; a note's routing in brackets ("via Director, Planning")
names no organization. Each test asserts on records."""

from __future__ import annotations

from pathlib import Path

from claimcheck.extract.attribution import turn_speaker
from claimcheck.ingest.email.signature import signature_organization
from claimcheck.ingest.headers import read_header
from folder_helpers import docs as _docs, one as _one


def test_a_release_giving_an_officers_following_statement_is_in_her_voice(tmp_path: Path) -> None:
    _one(tmp_path, "press", "2014-04-14-statement.txt",
         "NEWS RELEASE\nNorthgate Revenue Agency\n\nStatement from the Commissioner on the data breach\n\n"
         "NORTHGATE, April 14, 2014 - Jane Roe, Commissioner of the Northgate Revenue Agency (NRA), issued the "
         "following statement today:\n\n\"We became aware of the removal of these numbers on Friday, April 11. "
         "We notified the privacy office the same day.\"\n\nMedia Relations: 555-0100\n")
    [doc] = _docs(tmp_path)
    assert (doc.kind, doc.author) == ("press-release", "Jane Roe")


def test_a_releases_about_boilerplate_names_its_organization(tmp_path: Path) -> None:
    _one(tmp_path, "press", "2019-04-25-response.txt",
         "PRESS RELEASE\nCorporate Communications\n\nNORTHGATE, 25 April 2019 -- The airline today responded to "
         "questions raised in the media about its 2018 statements.\n\nManagement wishes to reassure shareholders "
         "that the statements were prepared in full conformity with the accounting standards (NAS).\n\n"
         "About Acme Air\nAcme Air is the national carrier of Northgate.\n\nMedia contact: Corporate Secretary\n")
    [doc] = _docs(tmp_path)
    assert (doc.kind, doc.organization) == ("press-release", "Acme Air")


def test_about_a_topic_is_no_boilerplate(tmp_path: Path) -> None:
    _one(tmp_path, "press", "2019-04-25-response.txt",
         "PRESS RELEASE\n\nNORTHGATE, 25 April 2019 -- The airline today responded to questions.\n\n"
         "About Connectivity\nThe agreement covers in-flight internet on the fleet.\n")
    [doc] = _docs(tmp_path)
    assert doc.organization == ""


def test_a_spokesmans_office_statement_under_a_dateline_is_the_organizations_release_in_his_voice(tmp_path: Path) -> None:
    _one(tmp_path, "press", "1998-10-01-statement.txt",
         "ACME AIRLINES -- SPOKESMAN'S OFFICE\nSTATEMENT ON FLIGHT 86 CARGO\n\nNORTHGATE, 1 October 1998 --\n\n"
         "Yesterday's report in the press contains nothing new. The shipment met every international regulation "
         "for air transport.\n\nAcme concealed nothing.\n\nJohn Doe, Spokesman\n")
    [doc] = _docs(tmp_path)
    assert (doc.kind, doc.organization, doc.author) == ("press-release", "Acme Airlines", "John Doe")


def test_a_media_contact_closing_a_release_is_still_not_its_voice(tmp_path: Path) -> None:
    _one(tmp_path, "press", "2020-01-01-release.txt",
         "ACME CORP. -- PRESS RELEASE\n\nNORTHGATE, 1 January 2020 -- Acme Corp. opened a plant.\n\n"
         "John Doe, Spokesman\nMedia Relations: 555-0100\n")
    [doc] = _docs(tmp_path)
    assert doc.author == ""


def test_a_statement_on_a_matter_under_a_media_centre_heading_is_the_organizations_release(tmp_path: Path) -> None:
    _one(tmp_path, "press", "2014-08-08-statement.txt",
         "NORTHGATE HEALTH ORGANIZATION -- MEDIA CENTRE\nStatement on the first meeting of the Emergency Committee\n\n"
         "NORTHGATE, 8 August 2014 --\n\nThe Director-General has accepted the Committee's advice and declared "
         "the outbreak an emergency.\n")
    [doc] = _docs(tmp_path)
    assert (doc.kind, doc.organization) == ("press-release", "Northgate Health Organization")


def test_opening_remarks_are_a_speech(tmp_path: Path) -> None:
    _one(tmp_path, "speeches", "2015-01-remarks.md",
         "---\ntitle: \"Director-General's opening remarks -- Executive Board special session\"\n"
         "speaker: \"Dr Jane Roe, Director-General, Northgate Health Organization\"\ndate: 2015-01\n---\n\n"
         "Members of the Board,\n\nNobody in the region had seen this virus before.\n")
    [doc] = _docs(tmp_path)
    assert (doc.kind, doc.author) == ("speech", "Jane Roe")  # the name, without "Dr" (as the text names her)


def test_front_matter_marked_internal_is_a_record_of_the_organization_whose_board_it_is_to(tmp_path: Path) -> None:
    _one(tmp_path, "letters", "2019-04-02-objection.md",
         "---\ntitle: \"Letter of objection to the 2018 financial statements\"\ndate: 2019-04-02\n"
         "from: \"Jane Roe and John Doe, Members of the Board of Commissioners\"\n"
         "to: \"Board of Directors, PT Acme Air (Persero) Tbk\"\nclassification: \"Internal - Board\"\n---\n\n"
         "We decline to sign the 2018 annual report in its present form.\n")
    [doc] = _docs(tmp_path)
    assert (doc.kind, doc.organization, doc.author) == ("memo", "PT Acme Air", "Jane Roe and John Doe")


def test_front_matter_without_an_internal_marking_stays_as_it_was(tmp_path: Path) -> None:
    _one(tmp_path, "letters", "2019-04-02-letter.md",
         "---\ntitle: \"Letter to customers\"\ndate: 2019-04-02\nclassification: \"Public\"\n"
         "to: \"Board of Directors, Acme Ltd\"\n---\n\nWe will refund every ticket.\n")
    [doc] = _docs(tmp_path)
    assert doc.kind not in ("memo", "internal-report")


def test_a_signatures_unit_or_building_is_not_the_senders_organization() -> None:
    assert signature_organization(["Group Accounting Division", "Acme City Center"], author="Group Accounting",
                                  label="acme-air") == ""
    assert signature_organization(["Group Accounting Division", "Acme Air Holdings"], author="Group Accounting",
                                  label="acme-air") == "Acme Air Holdings"


def test_a_turn_label_in_capitals_may_open_with_i() -> None:
    assert turn_speaker("I GUSTI JANE ROE (President & CEO): Thank you.") == "I GUSTI JANE ROE"
    assert turn_speaker("I want to say clearly: we are sorry.") == ""


def test_a_notes_routing_in_brackets_names_no_organization() -> None:
    header = read_header("BRIEFING NOTE\n\nTO:    Director-General\nFROM:  Assistant Director-General (via Director, PED)\n"
                         "DATE:  10 June 2014\n\nText.\n")
    assert (header.author, header.organization) == ("Assistant Director-General", "")
