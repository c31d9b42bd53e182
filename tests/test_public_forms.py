"""Public documents of the organization read as its own words with no configuration (issue 14):
interview transcripts, signed opinion pieces, help pages, market disclosures; a reporting verb
that gives no one else the sentence does not drop it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from claimcheck.extract import ExtractSettings, extract_batch
from claimcheck.ingest import ingest_paths
from claimcheck.models import DateValue, Document, Statement

DAY = DateValue.day(dt.date(2021, 6, 8), "header")


def ingest(tmp_path: Path, name: str, text: str) -> list[Document]:
    path = tmp_path / name
    path.write_text(text)
    return [d for r in ingest_paths([path]) for d in r.documents]


def read(doc: Document) -> list[Statement]:
    return list(extract_batch([doc], settings=ExtractSettings())[0])


INTERVIEW = ("[Reconstruction; invented for a test.]\n"
             "Network documentary interview segment -- aired July 2019\n"
             "Interviewer: Network correspondent\n"
             "Guest: Jane Roe, Chief Executive Officer, Acme Labs\n\n"
             "NETWORK: Parents say their teenagers cannot stop. What do you say to them?\n\n"
             "ROE: I am sorry their child is using the product. It's not intended for them.\n\n"
             "NETWORK: Your early ads had young models.\n")
OP_ED = ("Opinion | Aug. 19, 2015\n\"Acme: We'll Do Better\"\n"
         "By Jane Roe, Chairman and Chief Executive Officer, Acme Corporation\n\n"
         "Our company can do a better job of being transparent about the work we support.\n")
HELP = ("---\ntitle: Manage your history\ndate: 2018-08-16\nsource: Acme Account Help\nauthor: Acme\n---\n\n"
        "# Manage your history\n\nSome data may be saved as part of your activity on other services.\n")
DISCLOSURE = ("NORTHGATE GROUP A/S\nINTERIM REPORT Q2 2017 -- EXCERPT\nCompany announcement, 16 August 2017\n\n"
              "- The attack is expected to hurt results by USD 200-300m, most of it in the third quarter.\n")


@pytest.mark.parametrize("name,text,want", [
    ("interview.txt", INTERVIEW, ("interview", "", "")),
    ("op-ed.txt", OP_ED, ("post", "Jane Roe", "Acme Corporation")),
    ("help.md", HELP, ("post", "", "")),
    ("q2.txt", DISCLOSURE, ("filing", "", "")),
])
def test_text_forms_of_public_documents(tmp_path: Path, name: str, text: str, want: tuple[str, str, str]) -> None:
    [doc] = ingest(tmp_path, name, text)
    assert doc.kind == want[0]
    if want[1]:  # a signed opinion piece: its signer and the signer's organization
        assert (doc.author, doc.organization) == want[1:]


@pytest.mark.model
def test_interview_guest_speaks_host_and_title_do_not(tmp_path: Path) -> None:
    [doc] = ingest(tmp_path, "interview.txt", INTERVIEW)
    got = [(s.text, s.speaker, s.role) for s in read(doc)]
    assert ("It's not intended for them.", "Jane Roe", "claim") in got
    assert not [t for t, _s, _r in got if "aired" in t or "young models" in t or "Parents say" in t]


@pytest.mark.model
def test_reporting_verb_that_gives_the_sentence_to_no_one_else() -> None:
    text = ("Body image was the only area where teen girls who reported struggling said the app made it worse.\n\n"
            "It is not related to how the aircraft has been maintained.\n\n"
            "Our people could not confirm that the network was unaffected, so they stopped the line.\n\n"
            "Critics said the plan was unsafe.\n\nThe second plan was unsafe too, critics said.\n")
    doc = Document(id="p", path="release.txt", kind="press-release", date=DAY, organization="Acme Corp",
                   author="Jane Roe", text=text)
    got = {s.text: (s.speaker, s.organization, s.role) for s in read(doc)}
    for said in ("Body image was the only area where teen girls who reported struggling said the app made it worse.",
                 "It is not related to how the aircraft has been maintained.",
                 "Our people could not confirm that the network was unaffected, so they stopped the line."):
        assert got.get(said) == ("Jane Roe", "Acme Corp", "claim"), said
    assert "Critics said the plan was unsafe." not in got
    assert "The second plan was unsafe too, critics said." not in got


def _kept(doc: Document) -> list[tuple[str, str]]:
    from claimcheck.extract import _engine
    from claimcheck.extract.firstpass import skip_reason
    from claimcheck.extract.sentences import split_sentences

    pipe, _rules, cues = _engine(ExtractSettings())
    return [(doc.text[s.start:s.end], skip_reason(doc, s, cues)) for s in split_sentences(doc.text, pipe.splitter)]


@pytest.mark.model
def test_an_editors_note_in_brackets_is_no_statement() -> None:
    doc = Document(id="t", path="t.txt", kind="speech", date=DAY, organization="Acme Corp", author="Jane Roe",
                   text="[Reconstruction from public reporting; not the broadcast. Re-worded and condensed.]\n\n"
                        "We found no fault in how the aircraft was maintained, and we said so [on air] at once.\n")
    got = _kept(doc)
    assert [r for _t, r in got[:2]] == ["an editor's note in brackets"] * 2
    assert got[2][1] == ""  # a bracket inside a sentence is not a note


@pytest.mark.model
def test_news_sentence_whose_speaker_is_an_initialism_or_a_role_is_read() -> None:
    doc = Document(id="n", path="n.txt", kind="news", date=DAY,
                   text="In its statement, A&B said it is recalling the lot out of an abundance of caution.\n\n"
                        "The former employees said the steel parts cracked in two of the units.\n")
    assert [r for _t, r in _kept(doc)] == ["", ""]


@pytest.mark.model
def test_represented_that_is_reported_speech() -> None:
    news = Document(id="n", path="n.txt", kind="news", date=DAY,
                    text="In that agreement Northgate represented to Acme that it knew of no security breaches.\n")
    assert [(s.organization, s.kind) for s in read(news)] == [("Northgate", "public")]
    release = Document(id="p", path="p.txt", kind="press-release", date=DAY, organization="Acme Corp",
                       text="This represents a 5% increase in shipments over last year.\n")
    assert [(s.organization, s.role) for s in read(release)] == [("Acme Corp", "claim")]


@pytest.mark.model
def test_news_participle_and_joined_reporting_verbs_keep_their_subject() -> None:
    news = Document(id="n", path="n.txt", kind="news", date=DAY,
                    text="The Northgate Agency discourages companies from paying ransoms, saying payments encourage "
                         "further attacks.\n\n"
                         "Jane Roe replied with an emoji and later wrote that spam accounts may make up 20% of users.\n")
    got = {s.text: (s.speaker, s.organization) for s in read(news)}
    assert got["The Northgate Agency discourages companies from paying ransoms, saying payments encourage "
               "further attacks."][1] == "Northgate Agency"
    assert any(t.startswith("Jane Roe replied") for t in got)


@pytest.mark.model
def test_unnamed_people_in_news_are_a_third_party() -> None:
    news = Document(id="n", path="n.txt", kind="news", date=DAY, focus="Acme",
                    text="The former employees said the steel parts cracked in two of the units.\n\n"
                         "A lawyer for the plaintiffs said the company had shaped the science regulators relied on.\n")
    got = [(s.kind, s.role, s.speaker, s.organization) for s in read(news)]
    # never the company's; an unnamed lawyer speaks for the party ("counsel for the plaintiffs")
    assert got == [("public", "third-party", "", ""), ("public", "third-party", "", "counsel for the plaintiffs")]


@pytest.mark.model
def test_an_abbreviation_ending_a_sentence_ends_it() -> None:
    from claimcheck.extract import _engine
    from claimcheck.extract.sentences import split_sentences

    text = ("The agency traced the outbreak to the plant in Northgate, Ga. The agency says the plant shipped "
            "product on 12 occasions. Mr. Roe met Dr. Poe in St. Louis with Acme Inc. officials on Tuesday.")
    got = [text[s.start:s.end] for s in split_sentences(text, _engine(ExtractSettings())[0].splitter)]
    assert got == ["The agency traced the outbreak to the plant in Northgate, Ga.",
                   "The agency says the plant shipped product on 12 occasions.",
                   "Mr. Roe met Dr. Poe in St. Louis with Acme Inc. officials on Tuesday."]
    news = Document(id="n", path="n.txt", kind="news", date=DAY, focus="Acme", text=text)
    assert ("The agency says the plant shipped product on 12 occasions.", "third-party") in \
        [(s.text, s.role) for s in read(news)]


def test_a_turns_we_and_i_are_its_speakers_own_words(tmp_path: Path) -> None:
    """'MR. ROE: We describe the condition as damage. We do not regard this as a failure, and I
    would ask that you not report it in those terms.' -- the reporting verbs' subjects ('we',
    'you') are the turn's speaker and audience: both sentences are Roe's."""
    path = tmp_path / "2011-03-14-briefing.txt"
    path.write_text("ACME POWER CO. (APC) - PRESS BRIEFING, HEAD OFFICE\nTranscript, March 14, 2011\n"
                    "Speaking for the company: John Roe, Executive Vice President\n\n"
                    "REPORTER (Wire): Is this a failure?\n\n"
                    "MR. ROE: We describe the present condition as damage. We do not regard this as a failure, "
                    "and I would ask that you not report it in those terms.\n")
    docs = [d for r in ingest_paths([path]) for d in r.documents]
    sts = extract_batch(docs, settings=ExtractSettings())[0]
    got = {s.text[:20]: s.speaker for s in sts if "regard" in s.text or "describe" in s.text}
    assert got == {"We describe the pres": "John Roe", "We do not regard thi": "John Roe"}
