"""Stance of each side (rules/stance.yaml), judge_pair, and the candidate level."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from claimcheck.align import Pair, align
from claimcheck.cli import _exit_code
from claimcheck.detect import detect, judge_pair, stance_of
from claimcheck.models import DateValue, Frame, Source, Statement
from claimcheck.rulecheck import run_stance_example
from claimcheck.ruleset import load_rules

RULES = load_rules()


def st(sid: str, kind: str, text: str, *, date: str, org: str = "Acme", topics: tuple[str, ...] = (),
       **frame: object) -> Statement:
    y, m, d = (int(x) for x in date.split("-"))
    return Statement(id=sid, document=f"doc-{sid}", kind=kind, role="claim" if kind == "public" else "evidence",  # type: ignore[arg-type]
                     speaker="", organization=org, date=DateValue.day(dt.date(y, m, d), "test"), text=text,
                     source=Source(f"{sid}.txt", 1, 0, len(text)), topics=topics, frame=Frame(**frame))  # type: ignore[arg-type]


BENEFIT = st("p", "public", "Connecting with others can have positive benefits for teen users.", date="2021-09-01",
             topics=("teen user", "user", "teen"), predicate="have", modality="report")
HARM = st("i", "internal", "For one in three teen users we make the problem worse.", date="2020-03-01",
          topics=("teen user", "user", "teen", "problem"), predicate="make", modality="report")


@pytest.mark.model
@pytest.mark.parametrize("index", range(len(RULES.stance_examples)))
def test_stance_examples(index: int) -> None:
    from claimcheck.nlp import load_pipeline
    result = run_stance_example(RULES, index, RULES.stance_examples[index], load_pipeline())
    assert result.status == "ok", result.detail


def test_stance_reads_benefit_and_harm_from_the_word_lists() -> None:
    assert stance_of(BENEFIT, RULES) == "asserts-safety"
    assert stance_of(HARM, RULES) == "harm"


def test_offer_is_an_attempt_not_the_act() -> None:
    pitch = st("i", "internal", "We pitched the software to the city.", date="2019-01-01", predicate="pitch",
               verbs=("pitch",), modality="action")
    sale = st("j", "internal", "We sold the software to the city.", date="2019-01-01", predicate="sell",
              verbs=("sell",), modality="action")
    assert stance_of(pitch, RULES) == "attempt"
    assert stance_of(sale, RULES) == "act"


def test_judge_pair_lists_an_unjudged_opposed_pair_as_candidate() -> None:
    # below the rule's stance_min_topic the pair is only listed; on the same matter (the default
    # score) it is judged on stance as detect judges it: a tension, weakened by 'stance-only'
    j = judge_pair(BENEFIT, HARM, RULES, score=0.1)
    assert (j.paired, j.level, j.type) == (True, "candidate", "assurance-vs-concern")
    judged = judge_pair(BENEFIT, HARM, RULES)
    assert (judged.level, judged.type) == ("tension", "assurance-vs-concern")
    assert "stance-only" in {r.code for r in judged.reasons}
    assert (j.public_stance, j.internal_stance) == ("asserts-safety", "harm")
    assert "teen user" in j.matter
    codes = {r.code for r in j.reasons}
    assert {"opposed-stance", "timing", "not-judged"} <= codes


def test_judge_pair_other_organization_is_not_paired() -> None:
    other = st("i", "internal", HARM.text, date="2020-03-01", org="Globex", topics=HARM.topics, modality="report")
    j = judge_pair(BENEFIT, other, RULES)
    assert not j.paired and j.level is None


def test_judge_pair_same_stance_is_no_candidate() -> None:
    calm = st("i", "internal", "Teen users tell us they enjoy the app.", date="2020-03-01",
              topics=("teen user", "user", "teen"), predicate="tell", modality="report")
    assert judge_pair(BENEFIT, calm, RULES).level is None


def test_judge_pair_rule_gives_contradiction() -> None:
    p = st("p", "public", "We will not sell the software to police departments.", date="2020-06-01",
           topics=("software", "police department"), predicate="sell", polarity="negative", modality="commitment",
           object="the software", target="police departments", verbs=("sell",))
    i = st("i", "internal", "We sold the software to two police departments.", date="2020-09-01",
           topics=("software", "police department"), predicate="sell", modality="action", object="the software",
           target="two police departments", verbs=("sell",))
    j = judge_pair(p, i, RULES)
    assert j.level in ("contradiction", "tension") and j.type == "commitment-vs-action"


def test_candidates_are_findings_below_flags_and_never_fail_the_run() -> None:
    undated = dataclasses.replace(HARM, date=DateValue.undated())  # which came first is unknown
    findings = detect(align([BENEFIT, undated], min_topic=0.1), RULES)
    assert [f.level for f in findings] == ["candidate"]
    assert findings[0].type == "assurance-vs-concern" and "teen user" in findings[0].topic
    assert "timing-unknown" in {r.code for r in findings[0].reasons}
    assert _exit_code(findings, "contradiction") == 0
    assert _exit_code(findings, "tension") == 0


def test_earlier_harm_on_the_same_matter_strains_an_assurance_as_a_tension() -> None:
    findings = detect(align([BENEFIT, HARM], min_topic=0.1), RULES)
    assert [(f.level, f.type) for f in findings] == [("tension", "assurance-vs-concern")]
    assert {"opposed-stance", "timing", "stance-only"} <= {r.code for r in findings[0].reasons}
    later = dataclasses.replace(HARM, date=DateValue.day(dt.date(2022, 1, 1), "test"))
    # a later record flags nothing; it is listed for review, its timing a weakness (the claim may
    # have stood while it was so)
    found = detect(align([BENEFIT, later], min_topic=0.1), RULES)
    assert [f.level for f in found] == ["candidate"]
    assert any(r.code == "timing" and r.effect == "weakens" for r in found[0].reasons)


def test_a_record_reporting_harm_absent_is_not_harm() -> None:
    clean = st("i", "internal", "Tests of the retained samples found no evidence of harm to teen users.",
               date="2020-03-01", topics=HARM.topics, predicate="find", modality="report")
    assert stance_of(clean, RULES) == "mentions"
    assert detect(align([BENEFIT, clean], min_topic=0.1), RULES) == ()


def test_figures_of_different_measures_are_no_candidate() -> None:
    from claimcheck.models import Quantity
    p = st("p", "public", "Global warming will reach 3 degrees.", date="2021-01-01", topics=("warming", "degree"),
           predicate="reach", modality="figure", quantities=(Quantity(3, "degree"),))
    i = st("i", "internal", "Polar warming reached 10 degrees.", date="2020-01-01", topics=("warming", "degree"),
           predicate="reach", modality="figure", quantities=(Quantity(10, "degree"),))
    assert [f for f in detect(align([p, i], min_topic=0.1), RULES)] == []


def test_a_pledge_to_keep_an_activity_going_is_strained_by_a_later_halt() -> None:
    pledge = st("p", "public", "We are processing all refunds and will continue to.", date="2022-11-07",
                topics=("refund",), predicate="process", modality="commitment")
    halt = st("i", "internal", "Refunds have been paused on most accounts.", date="2022-11-08",
              topics=("refund", "account"), predicate="pause", modality="report", verbs=("pause",))
    assert stance_of(halt, RULES) == "halts"
    findings = detect(align([pledge, halt], min_topic=0.1), RULES)
    assert [(f.level, f.type) for f in findings] == [("tension", "commitment-vs-action")]
    assert {"opposed-stance", "timing", "stance-only"} <= {r.code for r in findings[0].reasons}
    earlier = dataclasses.replace(halt, date=DateValue.day(dt.date(2022, 11, 1), "test"))
    assert [f.level for f in detect(align([pledge, earlier], min_topic=0.1), RULES)] != ["tension"]


def test_a_doubt_in_public_is_strained_by_earlier_settled_knowledge() -> None:
    doubt = st("p", "public", "The evidence that the additive corrodes pipes remains far from settled.", date="1997-10-01",
               topics=("additive", "pipe"), predicate="remain", modality="report")
    settled = st("i", "internal", "There is general agreement among our chemists that the additive corrodes pipes.",
                 date="1982-09-01", topics=("additive", "pipe", "chemist"), predicate="be", modality="report")
    assert (stance_of(doubt, RULES), stance_of(settled, RULES)) == ("denies", "knowledge")
    findings = detect(align([doubt, settled], min_topic=0.1), RULES)
    assert [(f.level, f.type) for f in findings] == [("tension", "denial-vs-evidence")]
    unsure = dataclasses.replace(settled, text="Our chemists are split on whether the additive corrodes pipes.")
    assert [f.level for f in detect(align([doubt, unsure], min_topic=0.1), RULES) if f.level != "candidate"] == []


def test_a_negative_public_statement_is_a_denial() -> None:
    p = st("p", "public", "The company has no input into the panel's agenda.", date="2015-08-01",
           topics=("panel", "agenda"), predicate="have", modality="report", polarity="negative")
    assert stance_of(p, RULES) == "denies"
    assert stance_of(dataclasses.replace(p, frame=Frame(predicate="have", modality="report")), RULES) == "states"


def test_a_passing_i_know_is_no_settled_knowledge_against_a_denial() -> None:
    doubt = st("p", "public", "The evidence that the additive corrodes pipes remains far from settled.", date="1997-10-01",
               topics=("additive", "pipe"), predicate="remain", modality="report")
    aside = st("i", "internal", "I know what the additive does to the pipe schedule.", date="1982-09-01",
               topics=("additive", "pipe", "schedule"), predicate="know", modality="knowledge")
    assert stance_of(aside, RULES) == "knowledge"
    assert [f.level for f in detect(align([doubt, aside], min_topic=0.1), RULES) if f.level != "candidate"] == []


def test_a_denial_of_knowing_is_not_a_date_of_knowing() -> None:
    claim = st("p", "public", "There is no known report or study with any mention of a risk of collapse at the dam.",
               date="2019-02-11", topics=("report", "risk", "collapse", "dam"), predicate="be",
               modality="knowledge", polarity="negative")
    record = st("i", "internal", "Annual probability of failure of the dam is 1 in 5,000, twice the tolerable maximum.",
                date="2018-10-03", topics=("probability", "failure", "dam", "collapse"), predicate="be",
                modality="concern")
    found = detect(align([claim, record], min_topic=0.0), RULES)
    assert all(f.type != "knowledge-timing" for f in found)


def test_a_finding_stands_on_its_firmest_record() -> None:
    # two records back the same assurance: one plainly contradicts it, one voices a worry (a weaker,
    # weakened reading); the finding is the contradiction, whatever order the records come in
    claim = st("p", "public", "Every diesel we sell is certified to meet federal emission standards.",
               date="2014-12-10", topics=("diesel", "emission standard", "standard"), predicate="certify",
               modality="assurance")
    worry = st("w", "internal", "I am concerned that we are telling customers the diesel meets every emission standard.",
               date="2014-05-16", topics=("diesel", "emission standard", "standard", "customer"), predicate="concern",
               modality="concern")
    fault = st("f", "internal", "The diesel cars do not meet the emission standard limits outside the test cycle.",
               date="2014-06-01", topics=("diesel", "emission standard", "standard", "limit"), predicate="meet",
               modality="concern")
    for order in ([claim, worry, fault], [claim, fault, worry]):
        found = [f for f in detect(align(order, min_topic=0.0), RULES) if f.level != "candidate"]
        assert found and found[0].level == "contradiction", [(f.level, f.explanation) for f in found]


def test_a_record_read_without_a_parse_still_shows_an_activity_stopped() -> None:
    light = st("i", "internal", "Withdrawals on most coins have been paused today while we work on it.",
               date="2022-11-08", modality="report")
    assert stance_of(light, RULES) == "halts"
    assert stance_of(st("j", "internal", "Withdrawals were never paused.", date="2022-11-08",
                        modality="report", polarity="negative"), RULES) != "halts"


def test_a_pledge_broken_before_it_was_withdrawn_is_still_broken() -> None:
    pledge = st("p", "public", "We have been processing all withdrawals, and will continue to be.", date="2022-11-07",
                topics=("withdrawal",), predicate="continue", modality="commitment")
    halted = st("i", "internal", "Withdrawals on most coins have been paused today while we work on it.",
                date="2022-11-08", topics=("withdrawal",), modality="report")
    later = st("q", "public", "We are no longer processing withdrawals and we are sorry.", date="2022-11-10",
               topics=("withdrawal",), predicate="process", modality="report", polarity="negative")
    found = [f for f in detect(align([pledge, halted, later], min_topic=0.0), RULES) if f.level != "candidate"]
    assert [(f.public, f.type) for f in found] == [("p", "commitment-vs-action")], found


def test_saying_what_is_not_known_is_no_date_of_knowing() -> None:
    claim = st("p", "public", "Let us agree that there is a great deal we really do not know about how climate will change.",
               date="1997-10-13", topics=("climate", "deal"), predicate="know", modality="knowledge")
    record = st("i", "internal", "There is general scientific agreement that carbon dioxide is warming the climate.",
                date="1978-06-06", topics=("climate", "carbon dioxide"), predicate="be", modality="knowledge")
    found = detect(align([claim, record], min_topic=0.0), RULES)
    assert all(f.type != "knowledge-timing" for f in found)


def test_figures_agree_when_the_record_gives_each_of_them_among_others() -> None:
    """'events of 2% or more were fatigue (3.8%) and headache (2.0%)' against a record giving
    'fatigue 3.8%, headache 2.0%': every public figure is one of the record's, so no mismatch;
    a record giving 5.1% for the same thing is one."""
    from claimcheck.models import Quantity
    pct = lambda v: Quantity(value=v, unit="percent", text=f"{v}%")  # noqa: E731
    pub = st("p", "public", "The only severe events with a frequency of 2% or more were fatigue (3.8%) and headache "
             "(2.0%) after the second dose.", date="2020-11-18", topics=("severe event", "fatigue", "headache"),
             predicate="be", modality="report", quantities=(pct(2.0), pct(3.8), pct(2.0)))
    same = st("i", "internal", "Severe events >= 2% after dose 2: headache 2.0%, fatigue 3.8%.", date="2020-11-17",
              topics=("severe event", "fatigue", "headache"), predicate="be", modality="report",
              quantities=(pct(2.0), pct(2.0), pct(3.8)))
    other = dataclasses.replace(same, id="j", text="Severe events >= 2% after dose 2: headache 5.1%, fatigue 9.0%.",
                                frame=dataclasses.replace(same.frame, quantities=(pct(5.1), pct(9.0))))
    assert judge_pair(pub, same, RULES).level is None
    assert judge_pair(pub, other, RULES).level in ("candidate", "contradiction", "tension")


def test_a_claim_of_learning_with_no_date_of_its_own_is_not_dated_by_when_it_was_said() -> None:
    """'We told the agency within hours of discovering the attack' (said in June) dates no learning:
    a May record of the attack does not refute it; 'we only recently learned of the attack' does
    date it to when it was said."""
    rec = st("i", "internal", "The attack encrypted the billing servers; payment to be made tonight.", date="2021-05-07",
             topics=("attack", "billing server", "payment"), predicate="encrypt", modality="report", polarity="positive")
    told = st("p", "public", "We reached out to the agency within hours of discovering the attack.", date="2021-06-08",
              topics=("agency", "hour", "attack"), predicate="reach", modality="knowledge", polarity="positive")
    recent = dataclasses.replace(told, id="q", text="We only recently learned of the attack.")
    assert judge_pair(told, rec, RULES).type != "knowledge-timing" or judge_pair(told, rec, RULES).level != "contradiction"
    j = judge_pair(recent, rec, RULES)
    assert (j.level, j.type) == ("contradiction", "knowledge-timing"), j


def test_a_denial_of_something_else_is_not_refuted_by_a_record_of_harm() -> None:
    """'The cookware does not contain the chemical' denies a composition, not the birth defects an
    earlier record shows; 'the chemical poses no risk to human health' denies the harm itself."""
    harm = st("i", "internal", "Two of the seven infants were born with birth defects after exposure to the chemical.",
              date="1981-06-01", topics=("infant", "birth defect", "chemical", "exposure"), predicate="bear",
              modality="report", polarity="positive")
    contains = st("p", "public", "The cookware does not contain the chemical.", date="2003-04-16",
                  topics=("cookware", "chemical"), predicate="contain", modality="denial", polarity="negative")
    risk = dataclasses.replace(contains, id="q", text="Exposure to the chemical poses no risk to human health.")
    assert stance_of(contains, RULES) == "denies" and stance_of(harm, RULES) == "harm"
    assert judge_pair(contains, harm, RULES).level not in ("contradiction", "tension")
    assert judge_pair(risk, harm, RULES).level in ("contradiction", "tension")


def test_a_record_of_concealment_strains_a_public_word_on_conduct_not_a_safety_claim() -> None:
    """'Not to be shared outside the company' (stance.yaml concealment) and 'signs of forged and
    backdated contracts' (misconduct) are evidence of misconduct; they strain 'we never held back
    information' and 'the accusations are unfounded', not 'the cookware is safe'."""
    hold = st("i", "internal", "The water results are not to be shared outside the company at this time.",
              date="1984-03-01", topics=("water result", "result", "company"), predicate="share", modality="report",
              polarity="negative")
    forged = st("j", "internal", "Documents: signs of forged and backdated contracts in several transactions.",
                date="2018-05-01", topics=("contract", "transaction", "document"), predicate="", modality="report",
                polarity="positive")
    never = st("p", "public", "Company officials said the company never held back information on the water results.",
               date="2004-08-13", topics=("water result", "result", "information", "company"), predicate="hold",
               modality="denial", polarity="negative")
    safe = st("q", "public", "The company said the water results show the water is safe.", date="2004-08-13",
              topics=("water result", "result", "company", "water"), predicate="show", modality="assurance",
              polarity="positive")
    unfounded = st("r", "public", "The accusations about the contracts in these transactions are unfounded.",
                   date="2019-02-08", topics=("accusation", "contract", "transaction"), predicate="be",
                   modality="denial", polarity="negative")
    assert stance_of(hold, RULES) == "misconduct" and stance_of(forged, RULES) == "misconduct"
    assert judge_pair(never, hold, RULES).level == "tension"
    assert judge_pair(unfounded, forged, RULES).level == "tension"
    assert judge_pair(safe, hold, RULES).level not in ("contradiction", "tension")


def test_a_denial_of_collecting_is_refuted_by_a_record_of_capturing_or_logging() -> None:
    """lexicon.yaml predicate_families collect: 'capture' and 'log' are collecting."""
    deny = st("p", "public", "Acme does not collect or store payload data.", date="2010-04-27",
              topics=("payload datum", "payload", "datum"), predicate="collect", object="payload data",
              modality="denial", polarity="negative", verbs=("collect", "store"))
    capture = st("i", "internal", "fyi we're also capturing payload on the open networks.", date="2008-03-02",
                 topics=("payload", "open network", "network"), predicate="capture", object="payload",
                 modality="report", polarity="positive", verbs=("capture",))
    j = judge_pair(deny, capture, RULES)
    assert (j.level, j.type) == ("contradiction", "denial-vs-evidence"), j


def test_a_claim_and_an_earlier_record_sharing_no_word_are_listed_as_a_candidate_only() -> None:
    """'Acme has no input into the network's agenda' and an earlier Acme record of harm in other
    words share no key term: listed as a candidate (reason no-shared-term), never flagged; a
    later record or another organization's is not listed."""
    claim = st("p", "public", "Acme has no input into the network's agenda or its communications.", date="2015-08-09",
               topics=("input", "network", "agenda", "communication"), predicate="have", modality="denial",
               polarity="negative")
    early = st("i", "internal", "The product makes the problem worse for one in three young users.",
               date="2014-11-09", topics=("product", "problem", "young user"), predicate="make", modality="report",
               polarity="positive")
    later = dataclasses.replace(early, id="j", document="doc-j", date=DateValue.day(dt.date(2016, 1, 5), "test"))
    other = dataclasses.replace(early, id="k", document="doc-k", organization="Globex")
    assert stance_of(claim, RULES) == "denies" and stance_of(early, RULES) == "harm"
    found = detect(align([claim, early, later, other], min_topic=0.15), RULES)
    assert [(f.level, f.public, f.internal) for f in found] == [("candidate", "p", ("i",))]
    assert "no-shared-term" in {r.code for r in found[0].reasons}


def test_a_denial_of_knowing_is_strained_by_an_earlier_record_not_by_one_from_the_month_it_names() -> None:
    """'Our awareness dates from December 2015; I am not aware of any earlier internal report': a
    September record of the matter strains it (weakened: not shown to have reached the speaker);
    a record of December 11 is the awareness the claim dates."""
    from claimcheck.models import DateMention
    text = "Our awareness of the firm's use of the data dates from December 2015; I am not aware of any earlier report."
    deny = dataclasses.replace(
        st("p", "public", text, date="2018-04-10", topics=("firm", "datum", "report", "awareness"), predicate="be",
           modality="denial", polarity="negative"),
        mentioned_dates=(DateMention(text.index("December"), text.index("December") + 13,
                                     DateValue(dt.date(2015, 12, 1), dt.date(2015, 12, 31), "month", "text")),))
    sept = st("i", "internal", "Campaigns tell us the firm's voter models are built on our data.", date="2015-09-22",
              topics=("firm", "datum", "voter model", "campaign"), predicate="build", modality="report",
              polarity="positive")
    dec = dataclasses.replace(sept, id="j", document="doc-j", date=DateValue.day(dt.date(2015, 12, 11), "test"))
    j = judge_pair(deny, sept, RULES)
    assert j.level == "tension" and "not-shown-to-speaker" in {r.code for r in j.reasons}, j
    assert judge_pair(deny, dec, RULES).level not in ("contradiction", "tension")


def test_one_persons_denial_of_knowing_needs_a_record_that_reached_them() -> None:
    """'I am not aware of any earlier report', said by Jane Roe: an unsigned record that never names
    her judges nothing on stance alone; the same record naming her ("for Jane") strains it."""
    text = "I am not aware of any earlier internal report on the firm's use of the data."
    deny = dataclasses.replace(st("p", "public", text, date="2018-04-10", topics=("firm", "datum", "report"),
                                  predicate="be", modality="denial", polarity="negative"), speaker="Jane Roe")
    sheet = st("i", "internal", "Campaigns tell us the firm's voter models are built on our data.", date="2015-09-22",
               topics=("firm", "datum", "voter model", "campaign"), predicate="build", modality="report",
               polarity="positive")
    for_her = dataclasses.replace(sheet, id="j", document="doc-j",
                                  text="Note for Jane: campaigns tell us the firm's voter models are built on our data.")
    assert judge_pair(deny, sheet, RULES).level not in ("contradiction", "tension")
    assert judge_pair(deny, for_her, RULES).level == "tension"


def test_a_record_negating_its_harm_word_shows_no_harm_but_one_asserting_another_does() -> None:
    said = st("i", "internal", "What you can say is that the ingredient was not carcinogenic in the long-term studies.",
              date="2003-11-21", predicate="be", modality="report", polarity="positive")
    both = dataclasses.replace(said, text="The ingredient was not carcinogenic, but the mixture proved toxic to the liver.")
    assert stance_of(said, RULES) != "harm"
    assert stance_of(both, RULES) == "harm"


def test_a_claim_of_proper_conduct_is_strained_by_earlier_concealment_only_listed_against_harm() -> None:
    """'We acted responsibly and disclosed the results promptly' (stance.yaml conduct_assurance):
    an earlier record of concealment strains it (a tension); a record of harm is listed for review
    only (reporting harm is proper conduct); a later record of concealment is only listed."""
    conduct = st("p", "public", "The company acted responsibly at every step and disclosed the water results promptly.",
                 date="2004-08-13", topics=("water result", "result", "company"), predicate="act", modality="report",
                 polarity="positive")
    hold = st("i", "internal", "The water results are not to be shared outside the company at this time.",
              date="1984-03-01", topics=("water result", "result", "company"), predicate="share", modality="report",
              polarity="negative")
    harm = st("h", "internal", "The water results show the chemical harmful at these levels.",
              date="1984-03-01", topics=("water result", "result", "chemical"), predicate="show", modality="report",
              polarity="positive")
    assert stance_of(conduct, RULES) == "asserts-conduct"
    judged = judge_pair(conduct, hold, RULES)
    assert judged.level == "tension"
    assert judge_pair(conduct, harm, RULES).level == "candidate"
    later = dataclasses.replace(hold, date=DateValue.day(dt.date(2005, 1, 1), "test"))
    assert judge_pair(conduct, later, RULES).level == "candidate"  # listed, never judged: it came later


def test_a_denial_of_knowing_is_strained_by_an_earlier_record_of_concealment() -> None:
    """'I had no reason to believe there was a problem' speaks of no conduct, but it denies
    knowing (stance.yaml unawareness): an earlier record of concealment on the matter strains it."""
    unaware = st("p", "public", "I had no reason to believe at that time that there was a device in our engines.",
                 date="2015-10-08", topics=("device", "engine"), predicate="have", modality="denial",
                 polarity="negative")
    hide = st("i", "internal", "We must keep this quiet: the device in the engines cannot be explained to the authorities.",
              date="2014-05-01", topics=("device", "engine", "authority"), predicate="keep", modality="report",
              polarity="positive")
    assert stance_of(hide, RULES) == "misconduct"
    assert judge_pair(unaware, hide, RULES).level == "tension"


def test_figures_in_one_currency_measuring_different_things_are_no_mismatch() -> None:
    """'A net loss of $2.8 billion' and '$50 billion off its balance sheet' (stance.yaml
    figure_measures: loss vs balance) are two quantities; two net losses that differ are one."""
    from claimcheck.models import Quantity
    loss = st("p", "public", "Northgate reported a net loss of $2.8 billion for the quarter.", date="2008-06-16",
              topics=("northgate", "quarter", "net loss"), predicate="report", modality="figure",
              quantities=(Quantity(2.8e9, "usd", text="$2.8 billion"),))
    sheet = st("i", "internal", "Northgate took $50 billion off its balance sheet at the end of the quarter.",
               date="2008-06-01", topics=("northgate", "quarter", "balance sheet"), predicate="take",
               modality="figure", quantities=(Quantity(50e9, "usd", text="$50 billion"),))
    sheet = dataclasses.replace(sheet, frame=dataclasses.replace(sheet.frame, predicate="report"))  # one verb
    other_loss = dataclasses.replace(sheet, text="The ledger reports a net loss of $6.1 billion for the quarter.",
                                     topics=("northgate", "quarter", "net loss"),
                                     frame=dataclasses.replace(sheet.frame, quantities=(Quantity(6.1e9, "usd", text="$6.1 billion"),)))
    assert detect(align([loss, sheet], min_topic=0.1), RULES) == ()
    assert [f.type for f in detect(align([loss, other_loss], min_topic=0.1), RULES)
            if f.level != "candidate"] == ["numeric-mismatch"]


def test_an_admission_is_no_assurance_a_concern_could_strain() -> None:
    """'Customers feel unsure about the safety of our cars, and I accept full responsibility'
    reads as an assurance frame (it speaks of safety) but admits the fault: no flag."""
    admits = st("p", "public", "Customers have begun to feel unsure about the safety of our cars, and I accept full "
                               "responsibility for that.", date="2010-02-24", topics=("safety", "car"),
                predicate="feel", modality="assurance", polarity="positive")
    worry = st("i", "internal", "Engineers are worried about the safety of the pedals in our cars.", date="2009-09-01",
               topics=("safety", "car", "pedal"), predicate="worry", modality="concern", polarity="positive")
    assures = dataclasses.replace(admits, text="Our cars are safe and customers can rely on them.")
    assert [f.level for f in detect(align([admits, worry], min_topic=0.1), RULES) if f.level != "candidate"] == []
    assert [f.level for f in detect(align([assures, worry], min_topic=0.1), RULES)] != []


def test_a_record_read_without_a_parse_still_shows_the_denied_act() -> None:
    """An internal record kept without a parse has no verbs in its frame; the act a denial names
    is still read off its words ('payload is logged as well' against 'we do not collect payload',
    rules/lexicon.yaml predicate_families), unless the record negates it."""
    deny = st("p", "public", "Acme does not collect or store payload data.", date="2010-04-27",
              topics=("payload datum", "payload", "datum"), predicate="collect", modality="denial", polarity="negative",
              verbs=("collect", "store"))  # the parse gave no object: the key terms name what is denied
    logged = st("i", "internal", "Data frames from open networks are logged as well, including payload data.",
                date="2006-10-01", topics=("payload datum", "payload", "datum", "network"), modality="report",
                polarity="positive")
    never = dataclasses.replace(logged, text="Data frames from open networks are never logged, nor any payload data.")
    other = dataclasses.replace(logged, text="Access paths were closed where identified, including the payload server.")
    find = dataclasses.replace(deny, text="Acme found no evidence that the intruder is still inside.",
                               topics=("evidence", "intruder"),
                               frame=dataclasses.replace(deny.frame, predicate="find", verbs=("find",),
                                                         object="no evidence that the intruder is still inside"))
    assert judge_pair(deny, logged, RULES).level in ("contradiction", "tension")
    assert judge_pair(deny, never, RULES).level not in ("contradiction", "tension")
    assert judge_pair(find, other, RULES).level not in ("contradiction", "tension")  # nothing the denial names
    maybe = dataclasses.replace(logged, text="Payload data from open networks could be logged as well.")
    assert judge_pair(deny, maybe, RULES).level == "tension"  # hedged by its words


def test_a_quote_judged_on_a_later_sentence_is_cited_from_its_first() -> None:
    """A quote whose second sentence a wording rule judges against a record and whose first
    sentence is judged on stance against the same record is one finding, cited from the quote's
    first sentence (the stance-only reading is not dropped as a second reading of the record)."""
    first = st("p1", "public", "We are confident that the chemical has not put human health at risk.",
               date="2003-04-16", topics=("chemical", "human health", "health"), predicate="be", modality="report",
               polarity="positive")
    second = st("p2", "public", "She said that confidence rests on the data about the chemical and human health.",
                date="2003-04-16", topics=("chemical", "human health", "health", "datum"), predicate="rest",
                modality="assurance", polarity="positive")
    first = dataclasses.replace(first, document="release", speaker="Jane Roe", source=Source("release.md", 16, 0, 70))
    second = dataclasses.replace(second, document="release", speaker="Jane Roe",
                                 source=Source("release.md", 16, 75, 150))
    record = st("i", "internal", "Two of the seven infants of exposed workers were born with abnormalities; the "
                                 "chemical may harm human health.", date="1981-06-01",
                topics=("chemical", "human health", "health", "infant"), predicate="bear", modality="concern",
                polarity="positive")
    assert stance_of(first, RULES) == "asserts-safety" and stance_of(record, RULES) == "harm"
    flags = [f for f in detect(align([first, second, record], min_topic=0.1), RULES) if f.level != "candidate"]
    assert [(f.public, f.internal) for f in flags] == [("p1", ("i",))]


def test_a_record_giving_the_claims_own_words_is_no_evidence_against_it() -> None:
    """An internal draft of the public wording ('Proposed replacement for the help article: "This
    setting does not affect other location services on your device."') agrees with the claim."""
    claim = st("p", "public", "This setting does not affect other location services on your device, like the finder.",
               date="2018-08-16", topics=("setting", "location service", "device"), predicate="affect",
               modality="denial", polarity="negative", verbs=("affect",), object="other location services")
    draft = st("i", "internal", 'Proposed replacement for the article: "This setting does not affect other location '
                                'services on your device." It affects them.', date="2018-08-14",
               topics=("setting", "location service", "device", "article"), predicate="affect", modality="action",
               polarity="positive", verbs=("affect", "propose"))
    other = dataclasses.replace(draft, text="The setting affects other location services on every device we ship.")
    assert judge_pair(claim, draft, RULES).level is None
    assert judge_pair(claim, other, RULES).level in ("contradiction", "tension")


def test_an_aim_is_no_assurance_a_concern_could_strain() -> None:
    """'We want a completely safe operation' states an aim (stance.yaml aspiration_verbs): an
    earlier concern does not strain it; 'the operation is completely safe' is an assurance."""
    aim = st("p", "public", "We want a completely safe operation.", date="2010-11-08", topics=("operation", "safety"),
             predicate="want", modality="assurance", polarity="positive")
    worry = st("i", "internal", "The findings are consistent with an oil leak in the operation; a safety concern.",
               date="2010-11-07", topics=("operation", "safety", "leak"), predicate="be", modality="concern",
               polarity="positive")
    safe = dataclasses.replace(aim, text="The operation is completely safe.",
                               frame=dataclasses.replace(aim.frame, predicate="be"))
    assert [f for f in detect(align([aim, worry], min_topic=0.1), RULES) if f.level != "candidate"] == []
    assert [f.level for f in detect(align([safe, worry], min_topic=0.1), RULES) if f.level != "candidate"] != []


def test_a_long_string_both_sides_carry_is_not_the_claims_own_words() -> None:
    """Eight words in a row that both carry but that hold no word of the claim's verb (a shared
    signature or pasted boilerplate) do not make the record a copy of the claim."""
    tail = " Sent from the Acme Northgate regional office mobile device app today."
    pledge = st("p", "public", "We will not sell our drones to police departments until there is a law." + tail,
                date="2021-03-01", topics=("drone", "police department"), predicate="sell", modality="commitment",
                polarity="negative", verbs=("sell",), object="our drones")
    sale = st("i", "internal", "We will sell the city police department ten of our drones next month." + tail,
              date="2021-04-12", topics=("drone", "police department"), predicate="sell", modality="action",
              polarity="positive", verbs=("sell",), object="ten of our drones")
    from claimcheck.detect.judge import _quotes_claim
    assert not _quotes_claim(pledge, sale)


def test_a_denial_that_assures_capability_is_strained_by_an_earlier_record_of_a_fault() -> None:
    """'It is not a shell; this truck is fully functioning' denies and assures (stance.yaml
    benefit); an earlier record that 'the motors are not connected, so the truck cannot move'
    (stance.yaml fault) strains it; a record of the truck's paint colour does not."""
    claim = st("p", "public", "This is not a model and it is not a shell. This truck is fully functioning.",
               date="2016-12-01", topics=("truck", "shell", "model"), predicate="be", modality="denial",
               polarity="negative")
    fault = st("i", "internal", "The gearboxes and motors are not connected, so the truck cannot move.",
               date="2016-11-09", topics=("truck", "gearbox", "motor"), predicate="connect", modality="report",
               polarity="negative")
    paint = dataclasses.replace(fault, text="The truck is painted white for the unveiling.")
    assert stance_of(fault, RULES) == "harm"
    assert judge_pair(claim, fault, RULES).level == "tension"
    assert judge_pair(claim, paint, RULES).level not in ("contradiction", "tension")


def test_advice_in_public_is_no_claim_that_something_is_done() -> None:
    """'Patients who have questions should contact their physician' says what to do; an earlier
    record that 'the physician letter will not be sent' does not contradict it as a claim that
    physicians were told; 'physicians receive the letter' would be such a claim."""
    advice = st("p", "public", "Patients who have recently received a shock should contact their physician.",
                date="2005-05-23", topics=("physician", "letter", "patient"), predicate="contact", modality="action",
                polarity="positive", verbs=("contact", "receive"))
    record = st("i", "internal", "The draft physician letter will not be received by any physician; it will not be sent.",
                date="2005-01-27", topics=("physician", "letter"), predicate="receive", modality="action",
                polarity="negative", verbs=("receive", "send"))
    claim = dataclasses.replace(advice, text="Every physician receives the letter about the device.",
                                frame=dataclasses.replace(advice.frame, predicate="receive"))
    assert judge_pair(advice, record, RULES).level not in ("contradiction", "tension")
    assert judge_pair(claim, record, RULES).level in ("contradiction", "tension")


def _aligned(statements: list[Statement], pairs: tuple = ()) -> object:
    from claimcheck.align import Alignment
    return Alignment(tuple(statements), tuple(pairs))


DENIAL = st("p", "public", "There was no orchestrated effort or scheme by the company to mislead anyone.",
            date="2016-09-20", topics=("effort", "scheme"), predicate="be", modality="denial", polarity="negative")
NEVER_NOTICE = st("i", "internal", "Just open the second account, they'll never notice.", date="2013-11-07",
                  topics=("second account", "account"), predicate="open", modality="action")


#: the claim's own story, which says what the denial is about: accounts
STORY = dataclasses.replace(st("c", "public", "Customers found accounts they had never asked for.", date="2016-09-20",
                               topics=("account", "customer"), predicate="find", modality="report"),
                            document="doc-p", role="context")


def test_a_record_of_misconduct_strains_a_denial_of_conduct_sharing_no_word() -> None:
    """'no orchestrated effort or scheme' against an earlier chat 'they'll never notice': no key
    word in common, so alignment does not pair them; the misconduct record is compared with the
    organization's denial all the same (their documents are both about accounts), as a tension
    that says why it was paired."""
    assert stance_of(DENIAL, RULES) == "denies" and stance_of(NEVER_NOTICE, RULES) == "misconduct"
    [f] = [f for f in detect(_aligned([DENIAL, NEVER_NOTICE, STORY]), RULES) if f.level != "candidate"]
    assert (f.level, f.public, f.internal) == ("tension", "p", ("i",))
    assert "misconduct-record" in {r.code for r in f.reasons}
    # the documents share no matter either (the claim's story is about something else): no flag
    assert [f for f in detect(_aligned([DENIAL, NEVER_NOTICE]), RULES) if f.level != "candidate"] == []


def test_a_misconduct_record_after_the_claim_or_of_another_organization_flags_nothing() -> None:
    later = dataclasses.replace(NEVER_NOTICE, date=DateValue.day(dt.date(2017, 1, 5), "test"))
    other = dataclasses.replace(NEVER_NOTICE, organization="Northgate")
    for record in (later, other):
        assert [f for f in detect(_aligned([DENIAL, record, STORY]), RULES) if f.level != "candidate"] == []


def test_judge_pair_pairs_a_misconduct_record_as_detect_does() -> None:
    """claimcheck explain's judge_pair gives the same tension for the pair detect flags."""
    j = judge_pair(DENIAL, NEVER_NOTICE, RULES)
    assert (j.paired, j.level) == (True, "tension") and "misconduct-record" in {r.code for r in j.reasons}


def test_a_discovery_read_as_a_denial_still_dates_the_learning() -> None:
    """'We discovered in August 2016 that one of our metrics had been calculated incorrectly' reads
    as a denial ('incorrectly'), yet it says when the organization learned: an internal record of
    the same metric a year earlier is a knowledge-timing finding. A sentence with a dating phrase
    and no verb of learning ('I want to begin where I began in April') dates no learning."""
    from claimcheck.models import DateMention
    aug = DateValue(dt.date(2016, 8, 1), dt.date(2016, 8, 31), "month", "text", "August 2016")
    claim = dataclasses.replace(
        st("p", "public", "We discovered in August 2016 that one of our metrics had been calculated incorrectly.",
           date="2016-09-23", topics=("metric", "average duration"), predicate="calculate", verbs=("discover", "calculate"),
           modality="denial", polarity="negative"),
        mentioned_dates=(DateMention(14, 25, aug),))
    record = st("i", "internal", "The average duration metric divides watch time by three-second views only.",
                date="2015-07-15", topics=("metric", "average duration"), predicate="divide", modality="report")
    found = [f for f in detect(_aligned([claim, record], (Pair("p", "i", "Acme", 0.6, ("metric",)),)), RULES)
             if f.level != "candidate"]
    assert [(f.type, f.public) for f in found] == [("knowledge-timing", "p")]
    begin = dataclasses.replace(claim, text="I want to begin where I began in April.", frame=Frame(
        predicate="begin", verbs=("want", "begin"), modality="report"))
    assert [f for f in detect(_aligned([begin, record], (Pair("p", "i", "Acme", 0.6, ("metric",)),)), RULES)
            if f.level != "candidate" and f.type == "knowledge-timing"] == []
