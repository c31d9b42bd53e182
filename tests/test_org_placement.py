"""Who a statement speaks for, read from the document's own structure with no config (issue 14,
"Who"): witness lists in every layout, a record's letterhead, a signature's title line, a team
writing in its organization's name, a unit and its owner named as the folder names them, acronyms
written with "&". Each test asserts on records."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

from claimcheck.corpus import build, canonical_orgs, org_families, owned_by
from claimcheck.extract.attribution import DocContext, turn_person
from claimcheck.ingest import ingest_paths
from claimcheck.ingest.email.signature import signature_organization
from claimcheck.ingest.headers import read_header
from claimcheck.models import DateValue, Source, Statement

DAY = DateValue(dt.date(2021, 6, 7), dt.date(2021, 6, 7), "day", "test")

WITNESSES = """COMMITTEE ON OVERSIGHT
U.S. HOUSE OF REPRESENTATIVES

Transcript, June 7, 2021

WITNESSES:
  Mr. John Doe, Chairman and Chief Executive Officer, Globex, Inc.
  Ms. Jane Roe, Senior Vice President and General Manager, Acme Toys; Global Head of
  Infant Products, Globex, Inc.

Chairwoman SMITH. The committee will come to order.
"""


def test_a_witness_with_a_second_title_after_a_semicolon_speaks_for_the_first_one() -> None:
    h = read_header(WITNESSES)
    assert h.witnesses == (("Mr. John Doe", "Globex, Inc"), ("Ms. Jane Roe", "Acme Toys"))
    assert h.venue == "U.S. House of Representatives"


def test_a_witness_line_with_the_title_in_parentheses_and_a_chamber_by_its_own_name() -> None:
    h = read_header("HOUSE OF COMMONS - NORTHLAND\nSubcommittee on Food Safety\nMonday, April 20, 2009\n\n"
                    "Witness: Mr. Michael Roe (President and Chief Executive Officer, Acme Foods Inc.)\n\n"
                    "The Chair: Mr. Roe, members have questions.\n")
    assert h.witnesses == (("Mr. Michael Roe", "Acme Foods Inc"),)
    assert h.venue == "House of Commons"
    listed = read_header("ACME - MEDIA BRIEFING\nTranscript, April 17, 2018\n\nSPEAKERS:\n"
                         "  JANE ROE (Chairman and Chief Executive Officer, Acme Airlines)\n  Reporters\n\n"
                         "JANE ROE (Chairman and CEO): This is a sad day.\n")
    assert listed.witnesses[0] == ("Jane Roe", "Acme Airlines")  # the name as the turns give it


def test_a_turn_keeps_a_name_written_in_mixed_case() -> None:
    assert turn_person("Michael McRoe", DocContext()) == ("Michael McRoe", False)
    assert turn_person("MICHAEL ROE", DocContext()) == ("Michael Roe", False)


def test_a_record_headed_by_a_name_then_its_form_belongs_to_that_name(tmp_path: Path) -> None:
    assert read_header("ACME RAILWAY - HAZARDOUS MATERIALS FIELD LOG\nSubject: tank readings\n").letterhead == \
        "Acme Railway"
    assert read_header("A.P. ROE - NORTHGATE\n").letterhead == ""  # a name with a dash, no form after it
    folder = tmp_path / "internal"
    folder.mkdir()
    (folder / "log.txt").write_text("ACME RAILWAY - HAZARDOUS MATERIALS FIELD LOG\nIncident: derailment\n"
                                    "Method: thermal camera\n\nAll five cars show declining shell temperatures since "
                                    "the fires were put out, and no reading is higher than the one before.\n")
    [doc] = [d for r in ingest_paths([tmp_path]) for d in r.documents]
    assert (doc.kind, doc.organization) == ("internal-report", "Acme Railway")


def test_a_signature_title_line_names_the_employer_before_a_place_line() -> None:
    sig = ["Dan", "", "Daniel Roe", "Regulatory Affairs Manager, Globex Northland", "Springfield, Ontario"]
    assert signature_organization(sig, author="Daniel Roe", label="globex") == "Globex Northland"
    # with no domain to confirm it, a title line's tail may be a unit ("Manager, Location Platform")
    assert signature_organization(["Jane Roe", "Product Manager, Location Platform"], author="Jane Roe",
                                  label="gmail") == ""


def test_a_team_writing_in_its_organizations_name_and_an_official_account(tmp_path: Path) -> None:
    (tmp_path / "post.md").write_text("---\ntitle: \"Return to service\"\ndate: 2022-01-20\nsource: Company newsroom\n"
                                      "author: Acme Engineering\n---\n\nWe are sorry to our community for the downtime "
                                      "that began on October 28 and lasted 73 hours.\n")
    (tmp_path / "posts.txt").write_text("Account export: @Acme (official) - posts between 2021-10-28 and 2021-10-31\n\n"
                                        "2021-10-29 11:30  Acme is temporarily unavailable while we work through an "
                                        "internal system issue.\n")
    docs = {d.path.rsplit("/", 1)[-1]: d for r in ingest_paths([tmp_path]) for d in r.documents}
    assert (docs["post.md"].author, docs["post.md"].organization) == ("", "Acme")
    assert docs["posts.txt"].organization == "Acme"


def _st(sid: str, org: str, *, kind: str = "public", speaker: str = "", doc: str = "d") -> Statement:
    return Statement(id=sid, document=doc, kind=kind, role="claim" if kind == "public" else "evidence",
                     speaker=speaker, organization=org, date=DAY, text=f"Statement {sid}.",
                     source=Source(path=f"{doc}.txt", line=1, start=0, end=12))


def test_a_unit_and_its_owner_are_named_as_the_folder_most_names_them() -> None:
    canon = {"Acme Toys": "Acme Toys", "Globex": "Globex"}
    owned = [("Acme Toys", "Globex")]
    # the folder is about the unit: its releases, records and testimony; the owner is named once
    assert owned_by(canon, owned, Counter({"Acme Toys": 9, "Globex": 2})) == {"Acme Toys": "Acme Toys",
                                                                               "Globex": "Acme Toys"}
    # the folder is about the owner (its releases, its records): the unit speaks for it
    assert owned_by(canon, owned, Counter({"Acme Toys": 2, "Globex": 9})) == {"Acme Toys": "Globex", "Globex": "Globex"}
    assert owned_by(canon, owned) == {"Acme Toys": "Globex", "Globex": "Globex"}  # no counts: the owner


def test_an_acronym_written_with_an_ampersand_is_the_name_it_abbreviates() -> None:
    canon = canonical_orgs(["Apex Gas and Electric Company", "AG&E"])
    assert canon["AG&E"] == canon["Apex Gas and Electric Company"]
    names = ["Apex Gas and Electric Company", "AG&E Applied Technology Services"]
    fam = org_families({n: n for n in names}, Counter(names))
    assert fam["AG&E Applied Technology Services"] == "Apex Gas and Electric Company"


def test_an_office_writing_a_record_in_its_own_name_keeps_its_organization() -> None:
    [st] = build([_st("i", "Acme Safety Commission", kind="internal", speaker="Acme Safety Commission")])
    assert st.organization == "Acme Safety Commission"
    [person] = build([_st("j", "Jane Roe", kind="internal", speaker="Jane Roe")])
    assert person.organization == ""  # a person's own name taken for an organization is none



def _doc(words: list[str], pos: list[str], heads: list[int], deps: list[str], ents: list[str]):
    """A parsed sentence built by hand (no model): lemmas are the lower-cased words."""
    import spacy
    from spacy.tokens import Doc
    return Doc(spacy.blank("en").vocab, words=words, pos=pos, heads=heads, deps=deps, lemmas=[w.lower() for w in words], ents=ents)


def _titles():
    from claimcheck.extract.attribution import title_words
    from claimcheck.ruleset import load_rules
    return title_words(load_rules([]))


def test_a_title_of_a_group_whose_name_begins_with_the_names_that_group() -> None:
    from claimcheck.extract.attribution import _named_employer
    # "Jane Roe, executive director of The Acme Reform Network": "The" is the name's own first word
    doc = _doc(["Jane", "Roe", ",", "executive", "director", "of", "The", "Acme", "Reform", "Network"],
               ["PROPN", "PROPN", "PUNCT", "ADJ", "NOUN", "ADP", "DET", "PROPN", "PROPN", "PROPN"],
               [1, 1, 1, 4, 1, 4, 9, 9, 9, 5],
               ["compound", "ROOT", "punct", "amod", "appos", "prep", "det", "compound", "compound", "pobj"],
               ["B-PERSON", "I-PERSON"] + ["O"] * 8)
    assert _named_employer(list(doc), _titles()) == "Acme Reform Network"


def test_an_organization_speaks_though_its_clause_names_someone() -> None:
    from claimcheck.extract.attribution import speaker_of
    # "Globex, whose Relay software Acme uses, said ...", where the tagger took "Acme" (a maker's
    # name the story uses as a brand) for a person
    doc = _doc(["Globex", ",", "whose", "Relay", "software", "Acme", "uses", ",", "said", "it", "helped", "."],
               ["PROPN", "PUNCT", "DET", "PROPN", "NOUN", "PROPN", "NOUN", "PUNCT", "VERB", "PRON", "VERB", "PUNCT"],
               [8, 0, 6, 4, 6, 6, 0, 0, 8, 10, 8, 8],
               ["nsubj", "punct", "poss", "compound", "compound", "compound", "appos", "punct", "ROOT", "nsubj",
                "ccomp", "punct"],
               ["B-ORG", "O", "O", "O", "O", "B-PERSON", "O", "O", "O", "O", "O", "O"])
    ctx = DocContext(titles=_titles(), brands=frozenset({"Acme"}))
    assert speaker_of(doc[8], ctx) == ("", "Globex", "org")



def test_every_sentence_of_a_quotation_that_runs_on_is_its_speakers() -> None:
    from claimcheck.extract import ExtractSettings, extract_batch
    from claimcheck.models import Document
    text = ("SPRINGFIELD, October 9, 2008 - Acme Foods Inc. said today that its sampling program found a small "
            "number of positive results.\n\n"
            "\"You will find bacteria in any food plant,\" said Jane Roe, President and CEO. \"Our testing is "
            "designed to catch positives. The plant team has turned up only a handful, which is what we "
            "expected. Consumers face no risk.\"\n")
    doc = Document(id="r", path="release.txt", kind="press-release", date=DAY, text=text,
                   organization="Acme Foods Inc")
    got = {s.text: s for s in extract_batch([doc], settings=ExtractSettings())[0]}
    st = next(s for t, s in got.items() if t.startswith("The plant team"))
    assert (st.speaker, st.organization) == ("Jane Roe", "Acme Foods Inc")


def test_a_speaker_that_is_an_organization_named_in_full_elsewhere_is_that_organization() -> None:
    from claimcheck.models import Document
    docs = [Document(id="h", path="hearing.txt", kind="testimony", date=DAY, text=""),
            Document(id="n", path="news.txt", kind="news", date=DAY, text=""),
            Document(id="m", path="memo.txt", kind="memo", date=DAY, text="")]
    sts = [_st("t", "Globex Vinyls LP", speaker="Paul Doe", doc="h"),
           _st("s", "Northgate Safety Board", speaker="Globex Vinyls", doc="n"),
           _st("i", "Acme Railway", kind="internal", doc="m")]
    got = {s.id: s for s in build(sts, docs)}
    # the tagger took the company for a person; the story's organization guess does not take it over
    assert (got["s"].speaker, got["s"].organization, got["s"].role) == ("", "Globex Vinyls LP", "third-party")
