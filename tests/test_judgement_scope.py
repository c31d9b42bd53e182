"""What a claim's words do not claim: the day it was said is no date of learning, a denial of
expecting denies no act, a denied cause grants the harm, an attitude to safety is conduct; and
pairs the comparison cannot be sure of are listed for review, never dropped (issue 15)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from claimcheck.align import Alignment, Pair, align
from claimcheck.detect import detect, judge_pair, stance_of
from claimcheck.models import DateMention, DateValue, Frame, Source, Statement
from claimcheck.ruleset import load_rules

RULES = load_rules()


def st(sid: str, kind: str, text: str, *, date: str, org: str = "Acme", topics: tuple[str, ...] = (),
       document: str = "", **frame: object) -> Statement:
    y, m, d = (int(x) for x in date.split("-"))
    return Statement(id=sid, document=document or f"doc-{sid}", kind=kind,  # type: ignore[arg-type]
                     role="claim" if kind == "public" else "evidence", speaker="", organization=org,
                     date=DateValue.day(dt.date(y, m, d), "test"), text=text,
                     source=Source(f"{sid}.txt", 1, 0, len(text)), topics=topics, frame=Frame(**frame))  # type: ignore[arg-type]


def parsed(sid: str, kind: str, text: str, *, date: str, topics: tuple[str, ...] = ()) -> Statement:
    """A statement whose frame the reader gives its text (needs the model)."""
    from claimcheck.extract.frame import read_sentence
    from claimcheck.nlp import load_pipeline
    frame = read_sentence(load_pipeline().nlp(text)[:], RULES)[1]
    return dataclasses.replace(st(sid, kind, text, date=date, topics=topics), frame=frame)


def flagged(j) -> bool:  # type: ignore[no-untyped-def]
    return j.level in ("contradiction", "tension")


def test_the_day_a_finding_was_announced_dates_no_learning() -> None:
    """'A spokesperson said on Saturday that Acme had found an internal cause' says when it was
    said, not when Acme learned: a Thursday record of the failure strains nothing. 'Acme first
    learned of the fault on Saturday' does date the learning."""
    record = st("i", "internal", "Treating it as an internal failure of the cluster, not an attack.", date="2021-10-28",
                topics=("internal failure", "failure", "cluster", "attack"), predicate="treat", modality="concern",
                polarity="positive")
    said = ("A company spokesperson said on Saturday that Acme had found an internal cause for the cluster failure "
            "and that it had not been caused by an attack.")
    learned = "Acme said that it first learned of the cluster failure on Saturday and that it had not been caused by an attack."
    sat = DateValue.day(dt.date(2021, 10, 30), "text")

    def claim(sid: str, text: str) -> Statement:
        return dataclasses.replace(
            st(sid, "public", text, date="2021-11-01", topics=("cluster failure", "failure", "cluster", "cause"),
               predicate="cause", modality="denial", polarity="negative", verbs=("find", "learn", "cause")),
            mentioned_dates=(DateMention(text.index("Saturday"), text.index("Saturday") + 8, sat),))
    assert stance_of(claim("p", said), RULES) != "claims-learned"
    assert not flagged(judge_pair(claim("p", said), record, RULES))
    q = claim("q", learned)
    assert stance_of(q, RULES) == "claims-learned"
    j = judge_pair(q, record, RULES)
    assert flagged(j) and j.type == "knowledge-timing", j


@pytest.mark.model
def test_a_denial_of_expecting_denies_no_act_a_record_of_expecting_could_refute() -> None:
    """'He did not expect the reviews to find problems' expects none (negation of a verb of
    belief, rules/stance.yaml belief_verbs): an engineering record that expects the review to
    come back clean agrees with it."""
    claim = parsed("p", "public", "He said he did not expect the coating reviews to find problems.", date="2018-05-16",
                   topics=("coating review", "review", "problem"))
    record = parsed("i", "internal", "Engineering expects the coating review to come back with no findings of concern.",
                    date="2018-05-15", topics=("coating review", "review", "finding", "concern"))
    assert claim.frame.predicate != "expect"
    assert not flagged(judge_pair(claim, record, RULES))


def test_a_denied_cause_grants_the_harm_a_record_of_it_does_not_refute() -> None:
    """'The failure did not come from outside traffic' (rules/stance.yaml origin_denied) grants the
    failure and denies its cause; a record of the failure agrees. 'The cluster did not fail'
    denies the harm itself: the same record strains it."""
    record = st("i", "internal", "Treating it as an internal failure of the cluster, not an attack.", date="2021-10-28",
                topics=("internal failure", "failure", "cluster"), predicate="treat", modality="concern",
                polarity="positive")
    cause = st("p", "public", "The cluster failure did not come from outside traffic but from the growing number of servers.",
               date="2021-11-01", topics=("cluster failure", "failure", "cluster", "traffic"), predicate="come",
               modality="denial", polarity="negative")
    harm = dataclasses.replace(cause, id="q", text="The cluster did not fail at any point.")
    assert stance_of(cause, RULES) == stance_of(harm, RULES) == "denies"
    assert stance_of(record, RULES) in ("harm", "concern")
    assert not flagged(judge_pair(cause, record, RULES))
    assert flagged(judge_pair(harm, record, RULES))


def test_an_attitude_to_safety_is_conduct_a_record_of_harm_does_not_flag() -> None:
    """'Acme has always taken safety seriously' vouches for Acme's conduct (rules/stance.yaml
    attitude), not for the product: a record of deaths is listed for review, not flagged; 'the
    sleeper is safe' is an assurance the same record strains."""
    deaths = st("i", "internal", "The honest answer is that 32 infant deaths are linked to the sleeper.", date="2019-04-03",
                topics=("infant death", "death", "sleeper"), predicate="be", modality="report", polarity="positive")
    attitude = st("p", "public", "Acme has always taken the safety of the sleeper seriously.", date="2021-06-07",
                  topics=("safety", "sleeper"), predicate="take", modality="assurance", polarity="positive")
    safe = dataclasses.replace(attitude, id="q", text="The sleeper is safe when used as directed.")
    assert stance_of(attitude, RULES) == "asserts-conduct" and stance_of(safe, RULES) == "asserts-safety"
    assert not flagged(judge_pair(attitude, deaths, RULES))
    assert flagged(judge_pair(safe, deaths, RULES))


def _levels(found) -> list[tuple[str, str, tuple[str, ...]]]:  # type: ignore[no-untyped-def]
    return [(f.level, f.public, f.internal) for f in found]


def test_a_pair_a_rule_scored_under_its_threshold_is_listed_for_review() -> None:
    """A rule that compares a pair and scores it under min_score leaves it for review (a candidate,
    reason below-threshold), not dropped without a trace."""
    deny = st("p", "public", "Acme never sold the software to the city.", date="2020-06-01",
              topics=("software", "city"), predicate="sell", object="the software", modality="denial",
              polarity="negative", verbs=("sell",))
    sold = st("i", "internal", "We may have sold the software to the city last year.", date="2019-03-01",
              topics=("software", "city"), predicate="sell", object="the software", modality="action",
              polarity="positive", verbs=("sell",), hedged=True)
    al = Alignment(statements=(deny, sold), pairs=(Pair("p", "i", "Acme", 1.0, ("software", "city")),))
    flagged_at = detect(al, RULES)
    assert [f.level for f in flagged_at] == ["contradiction"] or [f.level for f in flagged_at] == ["tension"]
    strict = dataclasses.replace(RULES, rules=tuple(
        dataclasses.replace(r, params={**r.params, "min_score": 0.99}) if r.type == "denial-vs-evidence" else r
        for r in RULES.rules))
    found = detect(al, strict)
    assert _levels(found) == [("candidate", "p", ("i",))]
    assert "below-threshold" in {r.code for r in found[0].reasons}


def test_an_unaligned_record_sharing_a_term_is_listed_for_a_denial_and_a_later_act_for_a_pledge() -> None:
    """Alignment pairs neither (too little in common), but the denial's organization has an
    earlier record of the same matter, and the pledge a later record of the act: each is listed
    for review (reason few-shared-terms), never flagged; a record of another organization is not."""
    deny = st("p", "public", "We don't invest client assets in anything.", date="2022-11-07",
              topics=("client asset", "asset", "client"), predicate="invest", modality="denial", polarity="negative")
    balance = st("i", "internal", "The fiat balance still shows the asset that customers wired in and that went to the fund.",
                 date="2022-11-06", topics=("fiat balance", "balance", "customer", "asset", "fund"), predicate="show",
                 modality="report", polarity="positive")
    other = dataclasses.replace(balance, id="k", document="doc-k", organization="Globex")
    pledge = st("q", "public", "We will not reopen the plant before the review ends.", date="2020-01-10",
                topics=("plant", "review"), predicate="reopen", modality="commitment", polarity="negative")
    reopened = st("j", "internal", "Line 3 of the plant restarted this morning; output at half rate.", date="2020-02-03",
                  topics=("line", "plant", "output", "rate"), predicate="restart", modality="action", polarity="positive",
                  verbs=("restart",))
    assert stance_of(deny, RULES) == "denies" and stance_of(balance, RULES) == "mentions"
    assert stance_of(pledge, RULES) == "commits" and stance_of(reopened, RULES) == "act"
    found = detect(align([deny, balance, other, pledge, reopened], min_topic=0.9), RULES)
    assert sorted(_levels(found)) == [("candidate", "p", ("i",)), ("candidate", "q", ("j",))]
    assert all("few-shared-terms" in {r.code for r in f.reasons} for f in found)


def test_a_stance_reading_of_records_a_rule_cites_for_another_claim_is_listed_not_dropped() -> None:
    """The record a wording rule cites against the denial also strains the assurance, on stance
    alone: the judged finding stands for the record, and the assurance is listed for review
    (reason cited-elsewhere) instead of vanishing."""
    deny = st("p", "public", "Acme never sold the software to the city.", date="2020-06-01",
              topics=("software", "city"), predicate="sell", object="the software", modality="denial",
              polarity="negative", verbs=("sell",))
    safe = st("q", "public", "The software is safe for the city's records.", date="2020-06-02",
              topics=("software", "city", "record"), predicate="be", modality="assurance", polarity="positive")
    sold = st("i", "internal", "We sold the software to the city although it is harmful to its records.",
              date="2019-03-01", topics=("software", "city", "record"), predicate="sell", object="the software",
              modality="action", polarity="positive", verbs=("sell",))
    assert stance_of(sold, RULES) == "harm"
    found = detect(align([deny, safe, sold], min_topic=0.2), RULES)
    levels = {f.public: f.level for f in found}
    assert levels["p"] in ("contradiction", "tension") and levels["q"] == "candidate", _levels(found)
    assert "cited-elsewhere" in {r.code for f in found if f.public == "q" for r in f.reasons}


def test_what_an_inspection_found_before_a_date_is_no_date_of_learning() -> None:
    """'Those inspections did not identify any condition that required repair before November 8'
    (rules/stance.yaml instruments) says what the inspections found: a denial, not a claim of when
    Acme learned; 'we did not learn of any condition before November 8' dates the learning."""
    text = "Those inspections did not identify any condition on the structure that required repair before November 8, 2018."
    nov = DateValue.day(dt.date(2018, 11, 8), "text")

    def claim(sid: str, body: str, actor: str) -> Statement:
        return dataclasses.replace(
            st(sid, "public", body, date="2018-12-31", topics=("condition", "structure", "repair"), predicate="identify",
               modality="denial", polarity="negative", verbs=("identify", "require"), actor=actor),
            mentioned_dates=(DateMention(body.index("November"), body.index("November") + 16, nov),))
    assert stance_of(claim("p", text, "Those inspections"), RULES) == "denies"
    learned = "We did not learn of any condition on the structure that required repair before November 8, 2018."
    assert stance_of(claim("q", learned, "We"), RULES) == "claims-learned"


def test_a_record_that_negates_the_act_does_not_show_it() -> None:
    """'I don't see a big event here - if the structures go down it will most likely be in heavy
    rain': the record's verb of the denied act is negated (and 'will most likely' predicts, it
    settles nothing): no denial-vs-evidence, no settled knowledge. 'We saw the condition in 2014'
    shows the act."""
    deny = st("p", "public", "Those inspections did not identify any condition on the structures.", date="2018-12-31",
              topics=("condition", "structure"), predicate="see", object="any condition", modality="denial",
              polarity="negative", verbs=("see",))
    unseen = st("i", "internal", "I don't see a big condition here - if the structures go down it will most likely "
                                 "be in heavy rain.", date="2014-02-25", topics=("condition", "structure", "rain"),
                predicate="be", modality="action", polarity="positive", verbs=("see", "go", "be"))
    seen = dataclasses.replace(unseen, id="j", document="doc-j", text="We saw the condition on the structures in 2014.",
                               frame=Frame(predicate="see", modality="action", polarity="positive", verbs=("see",)))
    assert stance_of(unseen, RULES) != "knowledge"
    assert not flagged(judge_pair(deny, unseen, RULES))
    j = judge_pair(deny, seen, RULES)
    assert flagged(j) and j.type == "denial-vs-evidence", j


def test_going_back_to_an_older_model_dates_nothing() -> None:
    """'It had switched back to an older model' is no date of learning (rules/stance.yaml dating:
    'traced back', 'dates back to', not a bare 'back to')."""
    switched = st("p", "public", "The bank said it had switched back to an older model for measuring the risk.",
                  date="2012-05-11", topics=("model", "risk"), predicate="switch", modality="concern", polarity="positive")
    traced = dataclasses.replace(switched, id="q", text="The bank said the losses date back to a trade in January.")
    assert stance_of(switched, RULES) != "claims-learned"
    assert stance_of(traced, RULES) == "claims-learned"


def test_an_attitude_to_safety_worded_as_an_assurance_is_not_judged_as_one() -> None:
    """The frame may read 'we have always taken safety seriously' as an assurance; the wording rule
    (assurance vs a concern raised inside) does not judge an attitude (rules/stance.yaml attitude)."""
    attitude = st("p", "public", "Acme has always taken the safety of the sleeper seriously.", date="2021-06-07",
                  topics=("safety", "sleeper"), predicate="take", modality="assurance", polarity="positive")
    worry = st("i", "internal", "The sleeper solves the number-one problem parents have at night.", date="2009-03-01",
               topics=("sleeper", "problem", "parent"), predicate="solve", modality="concern", polarity="positive")
    safe = dataclasses.replace(attitude, id="q", text="The sleeper is safe when used as directed.")
    assert not flagged(judge_pair(attitude, worry, RULES))
    assert flagged(judge_pair(safe, worry, RULES))


def test_a_record_of_the_claims_own_month_is_listed_its_order_unknown() -> None:
    """A claim and a record both dated only to October 2018 may come in either order: the pair is
    listed for review (timing unknown), not dropped as 'the record is later'; a record of November
    is later and is not listed."""
    month = DateValue(dt.date(2018, 10, 1), dt.date(2018, 10, 31), "month", "test")
    claim = dataclasses.replace(
        st("p", "public", "Access to customer data is governed by role-based controls.", date="2018-10-01",
           topics=("access", "customer datum", "control"), predicate="govern", modality="action", polarity="positive"),
        date=month)
    record = dataclasses.replace(
        st("i", "internal", "Our access controls leave customer data exposed; too many people hold admin rights.",
           date="2018-10-01", topics=("access", "customer datum", "control"), predicate="leave", modality="concern",
           polarity="positive"), date=month)
    later = dataclasses.replace(record, id="j", date=DateValue.day(dt.date(2018, 11, 20), "test"))
    assert stance_of(claim, RULES) == "asserts-conduct" and stance_of(record, RULES) == "concern"
    j = judge_pair(claim, record, RULES)
    assert j.level == "candidate" and "timing-unknown" in {r.code for r in j.reasons}, j
    assert judge_pair(claim, later, RULES).level is None


def test_an_account_of_a_cause_is_listed_against_a_record_of_harm_never_flagged() -> None:
    """'The breakdown is mainly associated with unapproved cleaning methods' (rules/stance.yaml
    account) against an earlier record that the foam's own polymer breaks down: a candidate for
    review (an account can be honest and wrong), not a flag."""
    account = st("p", "public", "Our assessment is that breakdown of the foam is mainly associated with unapproved "
                                "cleaning methods.", date="2021-04-26", topics=("breakdown", "foam", "cleaning method"),
                 predicate="be", modality="report", polarity="positive")
    record = st("i", "internal", "The returned foam has broken down and become brittle; fragments reach the air path.",
                date="2016-04-01", topics=("foam", "breakdown", "fragment"), predicate="break", modality="report",
                polarity="positive")
    assert stance_of(account, RULES) == "explains" and stance_of(record, RULES) == "harm"
    j = judge_pair(account, record, RULES)
    assert j.level == "candidate", j


def test_a_later_record_of_harm_is_listed_against_an_assurance_a_later_worry_is_not() -> None:
    """'The formulation reduces abuse' (1998) and a 1999 record that the product is abused: the
    claim may have stood while it was so, listed for review with its timing a weakness; a later
    worry ('we are concerned about the label') is not listed, nor judged."""
    claim = st("p", "public", "The controlled-release formulation is believed to reduce abuse.", date="1998-01-05",
               topics=("formulation", "abuse"), predicate="reduce", modality="report", polarity="positive")
    abused = st("i", "internal", "Our monitoring picked up reports of abuse of the formulation on message boards.",
                date="1999-02-09", topics=("formulation", "abuse", "report"), predicate="pick", modality="report",
                polarity="positive")
    worry = dataclasses.replace(abused, id="j", text="We are concerned about the formulation's label.",
                                topics=("formulation", "label"), frame=Frame(predicate="concern", modality="concern"))
    assert stance_of(claim, RULES) == "asserts-safety" and stance_of(abused, RULES) == "harm"
    j = judge_pair(claim, abused, RULES)
    assert j.level == "candidate" and any(r.code == "timing" and r.effect == "weakens" for r in j.reasons), j
    assert stance_of(worry, RULES) == "concern" and judge_pair(claim, worry, RULES).level is None


def test_a_copula_denied_is_no_act_a_record_of_being_could_show() -> None:
    """'This was not a security incident' denies what a thing is (predicate 'be'): the denial rule
    compares acts, so an update that mentions 'where we are on the incident' shows nothing; 'we
    did not delete the sites' against 'the script deleted the sites' still does."""
    copula = st("p", "public", "This was not a security incident: there was no unauthorized access.", date="2022-04-29",
                topics=("security incident", "incident", "access"), predicate="be", object="a security incident",
                modality="denial", polarity="negative", verbs=("be",))
    update = st("i", "internal", "I want to share where we are on the incident that began on April 5.", date="2022-04-12",
                topics=("incident",), predicate="want", modality="action", polarity="positive", verbs=("want", "share", "be"))
    deny = st("q", "public", "We did not delete the customer sites.", date="2022-04-29", topics=("customer site", "site"),
              predicate="delete", object="the customer sites", modality="denial", polarity="negative", verbs=("delete",))
    deleted = st("j", "internal", "The script deleted the customer sites instead of the app.", date="2022-04-12",
                 topics=("script", "customer site", "site", "app"), predicate="delete", modality="action",
                 polarity="positive", verbs=("delete",))
    from claimcheck.detect import check_denial
    rule = next(r for r in RULES.rules if r.type == "denial-vs-evidence")
    assert check_denial(rule, RULES, copula, update) is None
    assert check_denial(rule, RULES, deny, deleted) is not None


def test_a_claim_that_gives_the_records_own_figure_is_no_denial_on_stance_alone() -> None:
    """'We are not announcing a new breach: the breach affects all 4.2 million members' after a
    record that 'all members, about 4.2 million people, are affected': the claim tells what the
    record tells, in its figure; listed for review at most, never flagged on stance alone. The
    same denial against a record of another figure is still judged."""
    claim = st("p", "public", "We are not announcing a new breach; the data breach announced in June affects all "
               "4.2 million individual members.", date="2019-11-01", topics=("breach", "member", "data"),
               predicate="announce", modality="denial", polarity="negative", verbs=("announce", "affect"))
    same = st("i", "internal", "Their analysis of the seized data shows that all individual members, about 4.2 million "
              "people, are affected by the same breach.", date="2019-10-31", topics=("breach", "member", "data"),
              predicate="show", modality="report", verbs=("show", "affect"))
    other = dataclasses.replace(same, id="j", text=same.text.replace("4.2 million", "6.1 million"))
    assert stance_of(same, RULES) == "harm"
    assert not flagged(judge_pair(claim, same, RULES))
    assert flagged(judge_pair(claim, other, RULES))
