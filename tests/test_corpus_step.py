"""corpus.build: each statement read with its own file's config; names merged; quoted copies and
repeated reports folded (no model: records built by hand)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from claimcheck.corpus import build
from claimcheck.models import DateValue, Document, Frame, Source, Statement


def st(sid: str, document: str, *, speaker: str = "", organization: str = "", role: str = "third-party",
       kind: str = "public", text: str = "", day: int = 1) -> Statement:
    text = text or f"{sid}: we never sell location data to anyone"
    return Statement(
        id=sid, document=document, kind=kind, role=role, speaker=speaker,  # type: ignore[arg-type]
        organization=organization, date=DateValue.day(dt.date(2020, 1, day), "text"), text=text,
        source=Source(f"{document}.txt", 1, 0, len(text)), topics=("location data",),
        frame=Frame(predicate="sell", polarity="negative", modality="denial", object="location data"))


def doc(did: str, *, focus: str = "", author: str = "", quoted: bool = False, text: str = "") -> Document:
    return Document(id=did, path=f"{did}.txt", kind="news", focus=focus, author=author, quoted=quoted, text=text)


CASE_A = (("Ann Lee", "Acme Corp"),)
CASE_B = (("Ann Lee", "Borealis Inc"), ("Bo Chan", "Borealis Inc"))


def test_corpus_each_statement_is_read_with_its_own_files_config() -> None:
    """Two case folders configure the same name for different organizations and focus on
    different organizations: each statement gets its own case's answer."""
    docs = [doc("a1", focus="Acme Corp"), doc("b1", focus="Borealis Inc")]
    out = {s.id: s for s in build(
        [st("pa", "a1", speaker="Ann Lee"), st("pb", "b1", speaker="Ann Lee", text="pb: a different sentence here"),
         st("qb", "b1", speaker="Bo Chan", text="qb: yet another sentence"),
         st("xb", "b1", organization="Acme", text="xb: Acme says something else entirely")],
        docs, people={"a1": CASE_A, "b1": CASE_B})}
    assert (out["pa"].organization, out["pa"].role) == ("Acme Corp", "claim")
    assert (out["pb"].organization, out["pb"].role) == ("Borealis Inc", "claim")
    assert (out["qb"].organization, out["qb"].role) == ("Borealis Inc", "claim")
    # Acme is not in focus in case B: its words there are a third party's (and its name merged)
    assert (out["xb"].organization, out["xb"].role) == ("Acme Corp", "third-party")


def test_corpus_one_config_reads_as_before() -> None:
    """The same people and focus on every document: a name NER took for an organization is the
    configured person; an honorific does not make another person."""
    docs = [doc("a1", focus="Acme Corp"), doc("a2", focus="Acme Corp")]
    people = {"a1": CASE_A, "a2": CASE_A}
    out = {s.id: s for s in build(
        [st("p1", "a1", organization="Ann Lee"),
         st("p2", "a2", speaker="Chief Ann Lee", text="p2: another sentence by her", day=5)], docs, people=people)}
    assert (out["p1"].speaker, out["p1"].organization, out["p1"].role) == ("Ann Lee", "Acme Corp", "claim")
    assert (out["p2"].organization, out["p2"].role) == ("Acme Corp", "claim")


def test_corpus_a_statement_reported_by_two_documents_is_merged() -> None:
    docs = [doc("n1"), doc("n2")]
    out = build([st("s1", "n1", speaker="Ann Lee", organization="Acme", role="claim"),
                 st("s2", "n2", speaker="Ann Lee", organization="Acme Corp", role="claim")], docs)
    assert len(out) == 1
    assert out[0].organization == "Acme Corp"
    assert [s.path for s in out[0].also_reported_in] == ["n2.txt" if out[0].id == "s1" else "n1.txt"]


def test_corpus_a_merged_statement_is_cited_from_the_organizations_own_document() -> None:
    # the news report sorts first by its text; the company's own post is the source to cite
    docs = [doc("news"), Document(id="post", path="post.txt", kind="post")]
    out = build([st("n", "news", organization="Acme", role="claim", text="Acme said it lost six hours of data."),
                 st("p", "post", organization="Acme", role="claim", text="We lost six hours of data.")], docs)
    assert [(s.id, [a.path for a in s.also_reported_in]) for s in out] == [("p", ["news.txt"])]


def test_corpus_a_quoted_copy_whose_original_is_present_is_dropped() -> None:
    body = "We will not sell location data to anyone, whatever they pay us for it."
    docs = [doc("orig", author="Ann Lee", text=body), doc("reply-quote1", author="Ann Lee", quoted=True, text="> " + body)]
    out = build([st("a", "orig", kind="internal", role="evidence", text=body),
                 st("b", "reply-quote1", kind="internal", role="evidence", text=body)], docs)
    assert [s.id for s in out] == ["a"]


def test_corpus_records_naming_no_organization_are_the_one_that_speaks_in_the_folders_own_documents() -> None:
    docs = [Document(id="chat", path="chat.txt", kind="chat"), Document(id="pr", path="pr.txt", kind="press-release"),
            doc("news")]
    out = {s.id: s for s in build(
        [st("c", "chat", speaker="jchen", kind="internal", role="evidence", text="suspensions averaged 500k a day"),
         st("p", "pr", organization="Chirper, Inc", role="claim", text="we estimate that fewer than 5% are spam"),
         st("n", "news", organization="Other Corp", text="Other Corp said something else")], docs)}
    assert out["c"].organization == "Chirper, Inc"
    # two organizations speaking about as much in their own documents: no guess
    docs.append(Document(id="pr2", path="pr2.txt", kind="press-release"))
    out = {s.id: s for s in build(
        [st("c", "chat", speaker="jchen", kind="internal", role="evidence", text="suspensions averaged 500k a day"),
         st("p", "pr", organization="Chirper, Inc", role="claim", text="we estimate that fewer than 5% are spam"),
         st("q", "pr2", organization="Globex", role="claim", text="Globex sells widgets in every market")], docs)}
    assert out["c"].organization == ""


def test_corpus_one_matter_named_two_ways_keys_by_both() -> None:
    """'PFAS-9, the chemical also called K9' in one text: a record that writes 'K-9' keys by
    'pfas-9' too, so a claim about PFAS-9 can be paired with it."""
    news = st("n1", "a1", organization="Acme", text="Acme said there are no known effects of PFAS-9, the chemical also "
                                                   "called K9, even among workers.")
    memo = st("m1", "m", organization="Acme", kind="internal", role="evidence",
              text="K-9 was measured in the cord blood of one infant.")
    out = {s.id: s for s in build([news, memo], [doc("a1"), doc("m")])}
    assert "pfas-9" in out["m1"].topics


def test_corpus_a_name_that_calls_something_names_nothing() -> None:
    """'Acme called the report a hit job' is speech, not a second name: no statement keys by
    'the', and a record that only says 'the' gets no 'acme' topic."""
    news = st("n1", "a1", organization="Acme", text="Acme called the report a hit job meant to move the stock.")
    memo = st("m1", "m", organization="Acme", kind="internal", role="evidence",
              text="Please use the overflow lot on the east side.")
    out = {s.id: s for s in build([news, memo], [doc("a1"), doc("m")])}
    assert "acme" not in out["m1"].topics and "the" not in out["n1"].topics


def test_corpus_a_news_headline_is_not_a_statement() -> None:
    """The headline is the outlet's summary of its story; the story's own sentence stays."""
    d = Document(id="a1", path="a1.html", kind="news", title="Acme says study finds no effects | The Ledger")
    out = {s.id for s in build([st("h", "a1", organization="Acme", text="Acme says study finds no effects"),
                                st("b", "a1", organization="Acme", text="Acme said the study finds no effects at all.")],
                               [d])}
    assert out == {"b"}


def test_corpus_a_speakers_own_name_is_not_their_organization() -> None:
    """The tagger may take 'Jane Roe' for an organization ('the company's counsel, Jane Roe,
    wrote'): the speaker's own name is no organization; a real one stays."""
    out = {s.id: s for s in build([st("a", "d1", speaker="Jane Roe", organization="Jane Roe", text="a: one thing said"),
                                   st("b", "d1", speaker="Bo Chan", organization="Acme Corp", text="b: another"),
                                   st("c", "d1", speaker="Borealis", organization="Borealis", text="c: we lost data")],
                                  [doc("d1")])}
    assert out["a"].organization == "" and out["b"].organization == "Acme Corp" and out["c"].organization == "Borealis"


def test_corpus_a_statement_retold_in_other_words_a_month_later_is_one_event_cited_from_the_transcript() -> None:
    """The transcript's "I believe the product is not addictive" (a day) and the news a month later:
    "Less than a month ago, Acme's chairman, Thomas E. Roe Jr., told a House subcommittee that he
    believed the product was not addictive" (dated to the month): one event, cited from the
    transcript. Another thing he said that month stays its own statement."""
    docs = [doc("news"), Document(id="hearing", path="hearing.txt", kind="testimony")]
    month = DateValue(dt.date(1994, 4, 1), dt.date(1994, 4, 30), "month", "relative", "April")
    told = dataclasses.replace(
        st("n", "news", speaker="Thomas E. Roe Jr.", organization="Acme", role="claim",
           text="Less than a month ago, Acme's chairman, Thomas E. Roe Jr., told a House subcommittee that he "
                "believed the product was not addictive and that smokers choose freely."), date=month)
    said = dataclasses.replace(
        st("t", "hearing", speaker="Thomas E. Roe", organization="Acme", role="claim",
           text="I believe the product is not addictive, and smokers choose freely."),
        date=DateValue.day(dt.date(1994, 4, 14), "document"))
    other = dataclasses.replace(
        st("o", "hearing", speaker="Thomas E. Roe", organization="Acme", role="claim",
           text="Our research has been directed at the taste and quality of our products."),
        date=DateValue.day(dt.date(1994, 4, 14), "document"))
    out = build([told, said, other], docs)
    assert sorted((s.id, tuple(a.path for a in s.also_reported_in)) for s in out) == [
        ("o", ()), ("t", ("news.txt",))]


def test_corpus_a_statement_and_its_negation_by_one_speaker_stay_two() -> None:
    docs = [doc("n1"), doc("n2")]
    a = st("a", "n1", speaker="Jane Roe", organization="Acme", role="claim",
           text="Jane Roe told reporters that the coating was toxic to workers.")
    b = st("b", "n2", speaker="Jane Roe", organization="Acme", role="claim",
           text="The coating is not toxic to workers, Jane Roe said.")
    a = dataclasses.replace(a, frame=Frame(predicate="tell", polarity="positive", modality="report"))
    b = dataclasses.replace(b, frame=Frame(predicate="be", polarity="negative", modality="denial"))
    assert {s.id for s in build([a, b], docs)} == {"a", "b"}


def test_corpus_a_person_placed_in_one_document_is_placed_under_a_shorter_name_in_another() -> None:
    """'Kenneth L. Roe' speaks for Acme in one document; 'Ken Roe', whom another document never
    titles, is the same person (one surname, one initial); 'Dana Roe' is not."""
    docs = [doc("d1"), doc("d2")]
    out = {s.id: s for s in build(
        [st("a", "d1", speaker="Kenneth L. Roe", organization="Acme", role="claim", text="a: we are fine"),
         st("b", "d2", speaker="Ken Roe", text="b: there are no accounting problems at all"),
         st("c", "d2", speaker="Dana Roe", text="c: something else entirely was said")], docs)}
    assert out["b"].organization == "Acme"
    assert out["c"].organization == ""


def test_an_organization_named_by_its_acronym_is_named_in_full_when_the_folder_spells_it_out() -> None:
    """"NSO" speaks; another statement mentions the "Northgate Safety Office": one name, in full. An
    acronym the folder never spells out, or spells out two ways, stays as written."""
    spelled = dataclasses.replace(st("m", "d2", organization="Acme Corp", text="m: the Northgate Safety Office said"),
                                  entities=("Northgate Safety Office", "U.S. Northgate Safety Office"))
    out = {s.id: s for s in build([st("a", "d1", organization="NSO"), spelled,
                                   st("b", "d1", organization="QRB", text="b: another sentence")], [doc("d1"), doc("d2")])}
    assert out["a"].organization == "Northgate Safety Office"
    assert out["b"].organization == "QRB"
    two = dataclasses.replace(spelled, entities=("Northgate Safety Office", "National Science Organization"))
    out = {s.id: s for s in build([st("a", "d1", organization="NSO"), two], [doc("d1"), doc("d2")])}
    assert out["a"].organization == "NSO"


def test_an_acronym_written_with_an_ampersand_is_named_in_full() -> None:
    """"A&N said" where the folder names "Acme & Northgate": the one organization, in full."""
    spelled = dataclasses.replace(st("m", "d2", organization="Acme Corp", text="m: Acme & Northgate said"),
                                  entities=("Acme & Northgate",))
    out = {s.id: s for s in build([st("a", "d1", organization="A&N"), spelled], [doc("d1"), doc("d2")])}
    assert out["a"].organization == "Acme & Northgate"


def test_a_record_writer_the_folder_places_writes_for_that_organization() -> None:
    """Most records in the folder are Northgate's; Jane Roe speaks for Acme in public. Her message
    with no organization of its own is Acme's record, not the folder's majority's; a writer the
    folder does not place takes the majority's."""
    sts = [st("p", "d1", speaker="Jane Roe", organization="Acme Corp", role="claim", text="p: Acme sells nothing"),
           *(st(f"n{k}", "d2", speaker="Bo Chan", organization="Northgate Inc", kind="internal", role="evidence",
                text=f"n{k}: a Northgate record {k}") for k in range(3)),
           st("m", "d3", speaker="Jane Roe", kind="internal", role="evidence", text="m: the data is sold anyway"),
           st("x", "d3", speaker="Ann Lee", kind="internal", role="evidence", text="x: another message")]
    out = {s.id: s for s in build(sts, [doc("d1"), doc("d2"), doc("d3")])}
    assert out["m"].organization == "Acme Corp"
    assert out["x"].organization == "Northgate Inc"


def test_corpus_a_unit_writing_a_record_is_the_record_owners() -> None:
    """'FROM: Director, Tachy Product Engineering': a unit (rules/lexicon.yaml unit_heads) that
    writes a record belongs to the organization that owns the folder's records; a name a news
    story gives ('the agency's Public Safety ... Bureau') stays its own, and without unit_heads
    nothing moves."""
    def internal(sid: str, org: str) -> Statement:
        return st(sid, f"m{sid}", organization=org, kind="internal", role="evidence", text=f"{sid}: the header arcs")
    docs = [Document(id=f"m{n}", path=f"m{n}.txt", kind="memo") for n in ("a", "b", "c", "u")] + [doc("n1")]
    sts = [internal("a", "Acme Corp"), internal("b", "Acme Corp"), internal("c", "Acme Corp"),
           internal("u", "Tachy Product Engineering"),
           st("n", "n1", organization="Public Safety", text="n: the outage began during maintenance")]
    out = {s.id: s for s in build(sts, docs, unit_heads=("engineering", "safety"))}
    assert out["u"].organization == "Acme Corp" and out["n"].organization == "Public Safety"
    assert {s.id: s for s in build(sts, docs)}["u"].organization == "Tachy Product Engineering"


def test_corpus_a_unit_speaking_in_its_organizations_own_document_is_that_organizations() -> None:
    """No record names its owner: the organization the folder's own public documents speak for
    owns its units too ('Nuclear Power Division' in its press briefing)."""
    docs = [Document(id=f"p{n}", path=f"p{n}.txt", kind="press-release") for n in ("a", "b")] + \
        [Document(id="t", path="t.txt", kind="interview")]
    sts = [st("a", "pa", organization="Acme Power Co", role="claim", text="a: we restore service"),
           st("b", "pb", organization="Acme Power Co", role="claim", text="b: we ask for patience"),
           st("u", "t", organization="Nuclear Power Division", speaker="John Roe", text="u: the core is damaged")]
    out = {s.id: s for s in build(sts, docs, unit_heads=("division",))}
    assert out["u"].organization == "Acme Power Co"
