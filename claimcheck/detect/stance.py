"""How a statement stands toward its matter, in one word (:func:`stance_of`), which public
stances oppose which internal ones (``OPPOSED``), and those stances in words (``STANCE_WORDS``)."""

from __future__ import annotations

import re
from functools import lru_cache

from ..models import Frame, Statement
from ..ruleset import RuleSet
from .shared import LIGHT_VERBS, _another_partys, _has, _tokens, _verb_forms, dates_told, said_on, vouches_attitude


_ABSENCE = re.compile(r"\b(no|none|nothing|not any)\b[^.;:]{0,40}?\b(was|were|has been|have been|is|are)?\s*"
                      r"(found|detected|identified|seen|observed|reproduced)\b"
                      # nothing of the kind reported or received ("no message, e-mail, call or other communication
                      # from the attackers has been received"), in a longer reach, no contrast or later event between
                      r"|\b(?:no|none|nothing|not any)\b(?:(?!\b(?:but|although|though|while|when|after|because|since|yet|"
                      r"until|however)\b)[^.;:]){0,80}?\b(?:reported|received|recorded|logged|filed)\b")


def reports_absence(rules: RuleSet, text: str) -> bool:
    """Does the record report that something is absent ("no cause was found", "ruled out",
    rules/stance.yaml harm_absent)? Such a record agrees with a denial; it shows no harm."""
    low, toks = _tokens(text)
    return bool(_ABSENCE.search(low)) or _has(rules.stance.get("harm_absent", ()), low, toks)


#: A negated clause inside a statement whose main verb is positive: a verb negated ("does not
#: contain", "was never"), or a thing said to be absent ("no defect exists", "no asbestos was found").
_INNER_NEGATION = re.compile(r"\b(?:(?:do|does|did|is|are|was|were|has|have|had|can|could|will|would)\s+(?:not|never)"
                             r"|never|no longer|(?:do|does|did|is|are|was|were|has|have|had|ca|could|wo|would)n't)\s+\w+"
                             r"|\bno\s+\w+(?:\s+\w+)?\s+(?:was|were|is|are|has been|have been|exists?|existed)\b")

#: A negation that bears on a harm or fault itself, not on an act: "no defect exists", "there is no
#: risk", "does not cause / pose / raise / increase ...", "is not toxic / harmful / dangerous".
_HARM_NEGATED = re.compile(r"\bno\s+(?:\w+\s+)?(?:defect|risk|danger|hazard|harm|problem|fault|evidence|link)s?\b"
                           r"|\b(?:not|never|n't)\s+(?:\w+\s+)?(?:cause|pose|raise|increase|contain|harm|hurt|"
                           r"toxic|harmful|dangerous|unsafe|defective|addictive|carcinogenic)\w*")

_NEGATED_ADMISSION = re.compile(r"\b(?:not|never|n't|no longer|refuse[sd]? to)\s+(?:\w+\s+)?"
                                r"(?:recogni|acknowledg|admit|accept|concede|apologi|regret)")


@lru_cache(maxsize=8)
def _harm_patterns(words: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(a negated harm word, any harm word) as two alternations of the words, built once."""
    alts = "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True)) or "(?!)"
    return (re.compile(r"\b(?:not|never|non-?|lowers?|lowered|reduces?|reduced|reducing|prevents?|prevented|less|"
                       r"decreases?|decreased|minimi[sz]es?|minimi[sz]ed)\s+(?:\w+\s+)?(?:" + alts + r")\b"),
            re.compile(r"\b(?:" + alts + r")\b"))


def _negated_harm(words: tuple[str, ...], low: str) -> bool:
    """A harm word the record negates or lessens ("glyphosate was not carcinogenic in the animal
    studies", "controlled release lowers abuse potential"), and no other harm word it asserts: no
    evidence of harm."""
    negated, any_word = _harm_patterns(words)
    return bool(negated.search(low)) and not any_word.search(negated.sub(" ", low))


def _denies_the_harm(rules: RuleSet, low: str, toks: frozenset[str]) -> bool:
    """Does a statement negate a harm or concern itself ("no defect exists", "is not toxic"), not an
    act that a harm word stands near ("the city was not using corrosion control")?"""
    return bool(_HARM_NEGATED.search(low)) and (_has(rules.stance.get("harm", ()), low, toks)
                                                or _has(rules.lexicon.get("concern", ()), low, toks))


#: knowing denied: "did not know", "had no idea", "not aware", "knew of no breach", "knew nothing"
#: "neither planned nor directed": both acts denied.
#: Tests that found neither of two things: "neither hepatitis A nor E. coli was detected in any of them" (a
#: result reported, no act denied).
_NEITHER_FOUND = re.compile(r"\bneither\b[^;]{1,80}?\bnor\b[^;]{1,80}?\b(?:was|were|is|are|has\s{1,3}been|have\s{1,3}been)\s{1,3}"
                            r"(?:detected|found|identified|present)\b")
_NEITHER_NOR = re.compile(r"\bneither\b[^.;]{1,80}?\bnor\b")
#: What a commitment to vindicate past conduct promises ("would show so at trial"): no new act.
_PROOF_VERBS = frozenset({"show", "prove", "demonstrate", "establish", "defend", "vindicate"})
#: "We know of no stricter standards anywhere than ours", "there is no safer product than": a
#: comparison none is said to beat, a boast of the organization's own.
_NONE_BETTER = re.compile(r"\b(?:know of no|there is no|there are no|nobody has|no one has)\s{1,3}(?:\w+er|better|more\s{1,3}\w+)"
                          r"\b[^.;]{0,80}?\bthan\b")
#: A denial by its subject or its object: "Nobody here touched the labels", "Nothing that has been put
#: before me amounts to evidence", "the company has nothing to do with these explosions".
_NONE_DID = re.compile(r"^\W{0,4}(?:nobody|no one|no-one|nothing)\s(?!(?:is|was|else|more|can|could|should|would|will|must|may|might)\b)"
                       r"|\bnothing\s(?:at\s)?(?:all\s)?to\sdo\swith\b")
#: A condition's clause at the head of a sentence ("If the produce is not good enough, ..."): what it
#: negates is the condition's, not the claim's.
_IF_CLAUSE = re.compile(r"(?:^|[;:]\s{0,3})(?:if|unless|when|whenever|where)\b[^,;.]{0,160},"
                        # a condition that ends the sentence: "switch over even if no fault signal is sent."
                        r"|\b(?:even\s)?(?:if|unless)\s[^,;.]{0,160}(?=[.;]|$)")
_KNOWING_DENIED = re.compile(r"(?:\b(?:not|no|never)|n't)(?:\s{1,3}\w+){0,2}\s{1,3}(?:know|knew|known|aware|idea|knowledge)\b"
                             r"|\b(?:know|knew|known|aware)\s{1,3}(?:of\s{1,3})?(?:no|nothing|none)\b")


#: words that date what a sentence tells ("a month ago", "last year", "in 2016")
_WHEN = re.compile(r"\b(?:ago|last (?:week|month|year|spring|summer|fall|autumn|winter)|earlier this (?:week|month|year)|"
                   r"(?:19|20)\d\d|(?:of|in) this year|"
                   # a month named as when it happened ("only in June did we ...", "since mid-March")
                   r"(?:in|on|since|until|by|from)\s(?:early\s|mid-|late\s)?(?:january|february|march|april|may|june|july|"
                   r"august|september|october|november|december))\b")


def _others_told(frame: Frame) -> bool:
    """Is the frame others being told, in the passive ("those individuals have been informed", "all staff were
    notified"): the organization telling them, not it coming to know?"""
    return frame.predicate in ("inform", "notify", "alert", "tell", "warn", "contact") and bool(frame.actor) \
        and frame.actor == frame.object \
        and bool(re.match(r"(?i)(?:those|these|all|every|each|affected|the\s(?:affected\s)?(?:individuals|people|customers|"
                          r"members|staff|officers|employees|families|patients|users|clients|residents|parents|students))\b",
                          frame.actor))


def learns(frame: Frame, sl: dict) -> bool:
    """Is a verb of coming to know (rules/stance.yaml learning_verbs) the frame's predicate or one
    of its verbs ("we discovered ...", "we learned that ...")?"""
    verbs = set(sl.get("learning_verbs", ()))
    return frame.predicate in verbs or bool(set(frame.verbs) & verbs)


#: Knowledge as of now, qualifying what is said: "according to what we know now", "as far as we know", "to the
#: best of our knowledge", "from what we can tell".
_SO_FAR_KNOWN = re.compile(r"\b(?:according to what|as far as|from what|based on what|to the best of (?:our|my) knowledge)"
                           r"(?:\s(?:we|i)\s(?:know|can tell|are aware|have seen|have learned)(?:\snow|\sso far|\sat this (?:time|stage))?)?\b")
@lru_cache(maxsize=8)
def _denied_assurance_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    alts = "|".join(sorted((re.escape(w) for w in words if " " not in w and len(w) > 3), key=len, reverse=True)) or "(?!)"
    return re.compile(r"\b(?:not|cannot|never|no longer)\s(?:[\w\-]{1,20}\s){0,12}?(?:" + alts + r")\b|n't\s(?:[\w\-]{1,20}\s){0,12}?(?:"
                      + alts + r")\b")


def _denied_assurance(rules: RuleSet, low: str) -> bool:
    """Does a record deny what an assurance would say (rules/lexicon.yaml assurance words after a
    negation: "engineers do not consider the dam can be shown to be a safe structure",
    "the valve is not reliable")? A worry in its own words."""
    return bool(_denied_assurance_pattern(tuple(rules.lexicon.get("assurance", ()))).search(low))


#: A prediction, not the matter taken as settled: "if they go down it will most likely be in heavy rain".
_PREDICTED = re.compile(r"\b(?:will|would|could|might|may)\s{1,3}most\s{1,3}likely\b")


def _instrument(frame: Frame, sl: dict) -> bool:
    """Is the frame's subject an instrument of finding out ("those inspections did not identify
    any condition before November", rules/stance.yaml instruments): what it found, not when anyone
    learned?"""
    words = frame.actor.lower().split()
    return bool(words) and words[-1] in set(sl.get("instruments", ()))


def _dated(rules: RuleSet, st: Statement, low: str) -> bool:
    """Do a statement's words date what they tell ("a month ago", "in 2016", a date of its own), not
    only the day they were said ("a spokesperson said on Saturday that it had found the cause")?"""
    return bool(dates_told(rules, st)) or any(not said_on(rules, st.text, m.start()) for m in _WHEN.finditer(low))


def _dating(rules: RuleSet, st: Statement, sl: dict, low: str, toks: frozenset[str]) -> bool:
    """Do a public statement's words date what it tells: rules/stance.yaml dating ("first
    learned", "dates back"), or dating_with_date beside a date of its own ("traced back to 2011")?"""
    return _has(sl.get("dating", ()), low, toks) or (_has(sl.get("dating_with_date", ()), low, toks) and _dated(rules, st, low))


def _dates_learning(rules: RuleSet, st: Statement, sl: dict, low: str, toks: frozenset[str]) -> bool:
    """Does a public statement of knowing say when the knowing began: a date of its own, words
    that date it ("first learned", "only recently"), or a verb of coming to know ("we discovered
    the intrusion", rules/stance.yaml learning_verbs), or knowing denied ("we knew of no breach":
    not before it was said)?"""
    return st.frame.polarity == "negative" or bool(_KNOWING_DENIED.search(low)) or _dated(rules, st, low) or _dating(rules, st, sl, low, toks) \
        or _has(sl.get("recent_learning", ()), low, toks) or learns(st.frame, sl)


#: A relative clause's verb of benefit: "replacement product that meets our standards" says what
#: the replacement is, not what the claim assures.
#: Benefit words that assure nothing: negated ("it is not yet possible to confirm the number of victims")
#: or describing whom a study enrolled ("eight healthy male volunteers").
_NOT_A_BENEFIT = re.compile(r"\b(?:not|never|no\s{1,3}longer)\s{1,3}(?:yet\s{1,3}|always\s{1,3})?possible\s{1,3}to\b|"
                            # a lack told: "the turbine ran without sufficient lubrication", "not enough staff"
                            r"\b(?:without|lacking|lack\s{1,3}of|not)\s{1,3}(?:sufficient|enough|adequate|proper)\b|"
                            r"\bhealthy\s{1,3}(?:(?:male|female|adult|young|older|human)\s{1,3}){0,2}(?:volunteers?|subjects?|"
                            r"participants?|donors?|adults?|individuals?|people|men|women|controls?)\b")
_RELATIVE_BENEFIT = re.compile(r"\b(?:that|which)\s{1,3}(?:meets?|compl(?:y|ies)|improves?|reduces?|prevents?|helps?)\b")


#: A purpose clause opening a sentence: "To protect data consistency, each server shuts itself down" tells
#: what an act is for, no assurance that all is well.
_PURPOSE_FIRST = re.compile(r"\W{0,4}(?:in order\s)?to\s[a-z]{2,20}\s[^,;.]{1,80},")


#: An aim in an infinitive: "worked with specialists to investigate and secure our systems".
_TO_AIM = re.compile(r"\b(?:in\sorder\s)?to\s(?:[a-z]{2,20}\s(?:and|or)\s)?(?:secure|protect|ensure|safeguard|keep|make)\b"
                     r"[^,;.]{0,80}")


def assures_only_a_purpose(rules: RuleSet, st: Statement) -> bool:
    """Is a statement's only word of assurance in a purpose: the clause it opens with ("To protect data
    consistency, each server is designed to shut itself down") or an aim in an infinitive ("we have
    worked with specialists to investigate and secure our systems")? What an act is for, not that all
    is well."""
    low, toks = _tokens(st.text)
    if not _PURPOSE_FIRST.match(low) and not _TO_AIM.search(low):
        return False
    rest, rest_toks = _tokens(_TO_AIM.sub(" ", _PURPOSE_FIRST.sub(" ", low, count=1)))
    return not _has(rules.stance.get("benefit", ()), rest, rest_toks) \
        and not _has(tuple(rules.lexicon.get("assurance", ())), rest, rest_toks)


def _without(pattern: re.Pattern[str], low: str, toks: frozenset[str]) -> tuple[str, frozenset[str]]:
    """A lower-cased text and its tokens without what ``pattern`` matches (unchanged when nothing does)."""
    return _tokens(pattern.sub(" ", low)) if pattern.search(low) else (low, toks)


#: What a figure of protection is against: "efficacy against severe disease", "protects from
#: infection", "prevented hospitalisation" name the harm kept away, not harm done.
_PROTECTED = re.compile(r"\b(?:against|protect(?:s|ed|ion|ing)?\s{1,3}(?:from|against)|prevent(?:s|ed|ing)?|"
                        r"reduc(?:e|es|ed|ing)\s{1,3}the\s{1,3}risk\s{1,3}of|(?:efficacy|effectiveness),)"
                        r"\s{1,3}(?:[\w/\-]{1,30}\s{1,3}){0,4}[\w/\-]{1,30}")  # (a table's "Efficacy, severe disease | 100%")


#: A harm searched for, not found: "review of every affected account for any sign of fraud", "checking for
#: signs of tampering" (what a search looks for is no harm done).
_SEARCHED = re.compile(r"\bfor\s{1,3}(?:any\s{1,3})?(?:signs?|evidence|indications?|traces?)\s{1,3}of\s{1,3}[\w\-]{1,30}"
                       r"(?:\s{1,3}[\w\-]{1,30})?")


#: Its own search that found nothing of a thing: "we examined our systems and found no trace of any intrusion" (not
#: "found no evidence that it was introduced here": where, not whether; not "cannot rule out").
_FOUND_NOTHING = re.compile(r"\b(?:we|i)\b[^.;]{0,60}?\bfound\s{1,3}no\s{1,3}(?:traces?|evidence|signs?|indications?)\s{1,3}of\b")


#: A standing practice of not holding something: "we never know or store your password", "do not see or keep".
_NEVER_HELD = re.compile(r"\b(?:never|do\s{1,3}not|don't|cannot|can't)\s{1,3}(?:know|see|store|keep|hold|access|retain)"
                         r"\s{1,3}(?:or|and|nor)\s{1,3}(?:know|see|store|keep|hold|access|retain)\b")


#: Declining to speak of it: "would not comment on when ...", "declined to comment", "did not comment".
_NO_COMMENT = re.compile(r"\b(?:would|will|did|does|do|could)\s{1,3}not\s{1,3}(?:comment|say|discuss|disclose)\s{1,3}"
                         r"(?:on|when|whether|how|why|what)\b|\b(?:declined|refused)\s{1,3}to\s{1,3}"
                         r"(?:comment|say|discuss|disclose)\b|\b(?:would|will|did)\s{1,3}not\s{1,3}comment\b")


#: Not knowing yet why or how something happened: a question still open, not a claim of when the
#: organization learned of it ("we do not yet know why the component failed").
#: A negation that makes a word of foresight after it a claim that nobody foresaw ("nobody saw this
#: coming", "could not have been foreseen", "couldn't have predicted").
_NOT_FORESEEN = re.compile(r"\b(?:nobody|no one|no-one|none|not|never|cannot)\b|n't\b")


def unforeseen(sl: dict, low: str, toks: frozenset[str]) -> bool:
    """Does a claim say nobody could have seen the matter coming (rules/stance.yaml unforeseen:
    "there were no warning signs"; foresight after a negation within 60 characters before it: "nobody,
    the police included, saw this coming")? It dates the organization's knowledge to the matter itself."""
    if _has(sl.get("unforeseen", ()), low, toks):
        return True
    for m in _foresight_pattern(tuple(sl.get("foresight", ()))).finditer(low):
        if m.start() and _NOT_FORESEEN.search(low, max(0, m.start() - 60), m.start()):
            return True
    return False


@lru_cache(maxsize=8)
def _foresight_pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """The foresight phrases, "this" or "it" in one followed by up to three words ("saw this crowd crush coming")."""
    alts = [r"\s".join(re.escape(w) + (r"(?:\s[\w\-]{1,30}){0,3}" if w in ("this", "it") else "") for w in p.split())
            for p in phrases]
    return re.compile(r"\b(?:" + "|".join(alts) + r")\b" if alts else r"(?!)")


#: The organization's own inquiry finding something: "an internal review found that", "our investigation
#: has established that".
_OWN_FINDING = re.compile(r"\b(?:review|investigation|inquiry|enquiry|audit|probe|examination)\b[^.;]{0,60}?\b"
                          r"(?:found|concluded|established|determined|confirmed)\s(?:that\s)?")
_OPEN_QUESTION = re.compile(r"\b(?:do|does|did)\s+not\s+(?:yet\s+)?know\s+(?:yet\s+)?(?:why|how|what caused|whether)\b|"
                            r"\b(?:don't|doesn't|didn't)\s+(?:yet\s+)?know\s+(?:yet\s+)?(?:why|how|what caused|whether)\b|"
                            # "it is not possible to establish the source of individual infections"
                            # ("it is not yet possible to confirm the number of victims")
                            r"\b(?:not\s+(?:yet\s{1,3})?possible|impossible|unable|cannot|can't)\s+to\s+(?:establish|determine|say|tell|"
                            r"identify|confirm)\s+(?:(?:exactly|precisely|yet|fully)\s{1,3})?(?:the\s+)?"
                            r"(?:source|cause|origin|reason|why|how|whether|which|what|number|extent|scale)\b")


def stance_of(st: Statement, rules: RuleSet) -> str:
    """How a statement stands toward its matter, in one word (ruleset.STANCES).

    Public: commits, denies, asserts-safety (safety or benefit), asserts-conduct (proper conduct:
    "we acted responsibly", "disclosed promptly"), claims-learned, gives-figure, hypothesizes,
    changes-position, explains (an account of a cause or a reason), states. Internal: harm, concern, question (a question asked internally can
    be evidence of concern), knowledge, act, attempt (an offer or pitch: trying is not doing),
    figure, mentions, disowns (the organization's own public words said inside to be untrue). Read from the frame, then from rules/stance.yaml's lists over the text."""
    f = st.frame
    sl = rules.stance
    low, toks = _tokens(st.text)
    if st.kind == "public":
        if st.text.rstrip(" \t\r\n*_").endswith("?"):
            return "question"  # "**How did you discover the incident?**": an FAQ's heading asks, it claims nothing
        if f.modality == "position-change":
            return "changes-position"
        if _NEVER_HELD.search(low):
            return "states"  # "we never know or store your master password": how a system is built, no date of learning
        if _NO_COMMENT.search(low):
            return "states"  # "would not comment on when the company learned of it": nothing said of the matter
        if _OPEN_QUESTION.search(low):
            return "states"  # "we do not yet know why the component failed": a cause still open, no date of learning
        if _NEITHER_FOUND.search(low):
            return "states"  # "neither hepatitis A nor E. coli was detected in any of them": a test's result, no act denied
        if f.polarity == "negative" and _OWN_FINDING.search(low) and not reports_absence(rules, st.text):
            return "states"  # "an internal review found that the tests were not carried out as required": its
            # own finding of a lapse, an admission (not "our review found no evidence of it": a denial)
        if _has(sl.get("admission", ()), low, toks) and not _NEGATED_ADMISSION.search(low):
            return "states"  # "the company recognizes that what it did did not work": an admission, no denial
        if _NONE_BETTER.search(low):
            return "asserts-conduct"  # "we know of no stricter standards than ours": a boast, no date of learning
        if f.polarity == "negative" and _SO_FAR_KNOWN.search(low):
            return "denies"  # "according to what we know now, nobody's identity has been misused": what has not
            # happened, as far as it knows; no account of when it learned anything
        if _others_told(f):
            return "states"  # "those individuals have been informed": whom it told, not when it learned
        if f.modality in ("knowledge", "denial") and _dated(rules, st, low) \
                and learns(f, sl) and not _instrument(f, sl) and not _has(sl.get("lessons", ()), low, toks) \
                and not _another_partys(st) and not reports_absence(rules, st.text):
            return "claims-learned"  # "we discovered a month ago that the metric was wrong": when, not a denial
            # ("no asbestos had been found in any sample" reports an absence: a denial)
        if (_has(sl.get("never_told", ()), low, toks) or unforeseen(sl, low, toks)) and not _another_partys(st):
            return "claims-learned"  # "nobody ever reported any wrongdoing to us", "nobody saw this coming":
            # it did not know, it says
        if f.modality == "denial" or _has(sl.get("dispute", ()), low, toks) or _has(sl.get("falsity", ()), low, toks):
            return "denies"
        if f.polarity == "positive" and _FOUND_NOTHING.search(low) and not _another_partys(st) \
                and not _denies_the_harm(rules, low, toks):  # (not "no defect exists": an assurance, below)
            return "denies"  # "we examined our systems and found no trace of any intrusion": nothing found, it says
        if _NONE_DID.search(low) and not _another_partys(st) and not vouches_attitude(rules, st.text) \
                and not _NONE_BETTER.search(low):
            return "denies"  # "Nobody here touched the labels", "we have nothing to do with these explosions"
        if (f.modality == "knowledge" or _dating(rules, st, sl, low, toks)) and not _has(sl.get("lessons", ()), low, toks):
            if _another_partys(st):
                return "states"  # "Globex knew the truth," said an Acme spokesperson
            if _dates_learning(rules, st, sl, low, toks) and not _instrument(f, sl):
                return "claims-learned"
            # "I know there are critics who say it cannot be done": knowing now dates no learning
        if _NEITHER_NOR.search(low) and not _another_partys(st):
            return "denies"  # "management neither planned nor directed the effort"
        if f.modality == "commitment" and _has(sl.get("conduct_assurance", ()), low, toks) \
                and (f.predicate in _PROOF_VERBS or _has(sl.get("lessons", ()), low, toks)):
            return "asserts-conduct"  # "acted responsibly, and would show so at trial": the conduct is the claim
        if f.modality == "commitment" and not _has(sl.get("requests", ()), low, toks):
            return "commits"  # not "I would ask that you not report it in those terms": a request
        if f.polarity == "positive" and _has(sl.get("hypothetical", ()), low, toks) and (
                f.modality == "concern" or _has(sl.get("harm", ()), low, toks)):
            return "hypothesizes"  # "a breach could in the future lead to the loss of that information"
        if vouches_attitude(rules, st.text):
            return "asserts-conduct"  # "we have always taken safety seriously": its conduct, not the product
        if (f.modality == "assurance" and not assures_only_a_purpose(rules, st)
                or _has(sl.get("benefit", ()), *_without(_TO_AIM, *_without(_RELATIVE_BENEFIT, *_without(_NOT_A_BENEFIT, low, toks))))) \
                and not _has(sl.get("precaution", ()), low, toks) \
                and (f.predicate not in sl.get("aspiration_verbs", ()) or re.search(r"\bassured?\b", low)):
            # "we want a safe operation": an aim ("wanted parents to be assured that its foods are safe": an assurance)
            return "asserts-safety"
        if f.polarity == "negative" and _denies_the_harm(rules, low, toks):
            return "asserts-safety"  # "the coating is not toxic" (not "the city was not using corrosion control")
        if f.polarity == "negative":
            return "denies"  # "the company has no input into its agenda", "we don't invest client assets"
        if _has(sl.get("conduct_assurance", ()), low, toks):
            return "asserts-conduct"  # "we acted responsibly at every step", "fully visible to our regulators"
        if f.modality == "concern" and _INNER_NEGATION.search(_IF_CLAUSE.sub(" ", low)) and not _denies_the_harm(rules, low, toks):
            return "states"  # "workers closed it without the gas restored, and the foreman did not double-check":
            # a lapse told, whose "not" is the lapse itself (an admission), no act denied
        if _INNER_NEGATION.search(_IF_CLAUSE.sub(" ", low)):  # the main verb is positive, a clause under it denies:
            # (not a condition's: "if the produce is not good enough, we send it back")
            # "the letter makes clear that no defect exists", "tests show our talc does not contain it"
            if _denies_the_harm(rules, low, toks):
                return "asserts-safety"  # the harm itself denied ("no defect exists", "does not cause cancer")
            return "denies"  # an act denied ("the city was not using corrosion control")
        if _has(sl.get("account", ()), low, toks) and not _another_partys(st):
            return "explains"  # "the breakdown is mainly associated with unapproved cleaning methods"
        if f.quantities:
            return "gives-figure"
        return "states"
    if st.text.rstrip().endswith("?"):
        return "question"
    if _has(sl.get("public_words", ()), low, toks) and (_has(sl.get("disowning", ()), low, toks)
                                                         or _has(sl.get("falsity", ()), low, toks)):
        return "disowns"  # "the 256-bit figure in external collateral does not describe the cipher": its own public
        # words, said inside not to be so
    strong = rules.lexicon.get("strong_concern", ())
    absent = reports_absence(rules, st.text)  # "no evidence of", "ruled out", "no cause was found"
    unprotected = _without(_PROTECTED, *_without(_SEARCHED, low, toks))  # "efficacy against severe disease: 100%",
    # "a review for any sign of fraud": no harm
    if f.polarity == "positive" and not absent and (_has(sl.get("harm", ()), *unprotected) or _has(strong, low, toks)) \
            and not _negated_harm(tuple(w for w in sl.get("harm", ()) if " " not in w), low):
        return "harm"
    if not absent and _has(sl.get("fault", ()), low, toks):
        return "harm"  # "the motors are not connected, so the truck cannot move": a fault, negated in its words
    if not _has(sl.get("falsity", ()), low, toks) and not _has(sl.get("disavowal", ()), low, toks) and (
            (f.polarity == "positive" and not absent and _has(sl.get("misconduct", ()), low, toks))
            or _has(sl.get("concealment", ()), low, toks)):  # not "it is not true that it cannot be shared"
        return "misconduct"  # "signs of forged and backdated contracts", "not to be shared outside the company"
    if (f.modality == "concern" and not absent) or _has(sl.get("unsupported", ()), low, toks) \
            or ((_has(sl.get("lapse", ()), low, toks) or _has(sl.get("dissent", ()), low, toks))
                and not _has(sl.get("falsity", ()), low, toks)) \
            or (f.polarity == "negative" and not absent and _has(strong, low, toks)
                and not _has(sl.get("falsity", ()), low, toks)  # not "it is not true that the cars exceed the limit"
                and not _negated_harm(tuple(w for w in strong if " " not in w), low)) \
            or (f.polarity == "negative" and not absent and _denied_assurance(rules, low)
                and not _has(sl.get("falsity", ()), low, toks)):  # not "it is not true that it is not safe"
        return "concern"  # also "you cannot say it is not a carcinogen; we have not done the testing",
        # "nobody looked at them together" (a lapse in its own checks)
    unaware = _has(sl.get("unawareness", ()), low, toks)  # "we do not yet know how far it went": no knowledge
    if (f.modality == "knowledge" and not unaware) or (
            f.polarity == "positive" and not absent and not _has(sl.get("falsity", ()), low, toks)
            and _has(sl.get("established", ()), low, toks) and not _PREDICTED.search(low)):
        return "knowledge"  # "there is general scientific agreement that ...": the matter taken as settled
    verbs = set(f.verbs) | {f.predicate}
    halt = tuple(sl.get("halt_verbs", ()))
    stopped = {w.lower().strip(".,;:") for w in (f.actor + " " + f.object).split()} if f.verbs else toks
    if f.polarity == "positive" and (verbs & set(halt) or (not f.verbs and _verb_forms(halt) & toks)) \
            and not stopped & set(sl.get("mishaps", ())):  # ("the leak has been stopped": a mishap ended, no activity;
        # of a record read without a parse, any mishap it names)
        return "halts"  # "withdrawals have been paused": the activity stopped (read off the words
        # when the record was read without a parse)
    attempt = set(sl.get("attempt_verbs", ()))
    if f.modality in ("action", "commitment") and f.polarity == "positive":
        done = verbs - attempt - LIGHT_VERBS
        acts = set(rules.lexicon.get("action", ())) - attempt
        if f.predicate in attempt or (verbs & attempt and not done & acts):
            return "attempt"
        return "act"
    if f.quantities:
        return "figure"
    return "mentions"


#: public stance -> (internal stances it is opposed to, the comparison type it calls for)
OPPOSED: dict[str, tuple[frozenset[str], str]] = {
    "asserts-safety": (frozenset({"harm", "misconduct", "concern", "question", "figure", "disowns"}), "assurance-vs-concern"),
    "denies": (frozenset({"act", "attempt", "halts", "harm", "misconduct", "knowledge", "figure", "concern", "mentions",
                          "question", "disowns"}),
               "denial-vs-evidence"),
    "commits": (frozenset({"act", "attempt", "halts"}), "commitment-vs-action"),
    "claims-learned": (frozenset({"knowledge", "concern", "harm", "misconduct", "question", "act", "halts", "figure",
                                  "mentions", "disowns"}),
                       "knowledge-timing"),
    # "we acted responsibly at every step" against a record of concealment, harm or a concern kept inside
    "asserts-conduct": (frozenset({"misconduct", "harm", "concern", "knowledge", "question"}), "denial-vs-evidence"),
    "gives-figure": (frozenset({"figure", "disowns"}), "numeric-mismatch"),
    "hypothesizes": (frozenset({"harm"}), "knowledge-timing"),
    # an account of a cause or a reason against a record of the matter that says otherwise: listed
    # for review only (no FIRM_EVIDENCE entry, so never judged on stance alone)
    "explains": (frozenset({"harm", "knowledge", "concern", "figure", "misconduct"}), "denial-vs-evidence"),
}


STANCE_WORDS = {
    "commits": "made a commitment", "denies": "denied it", "asserts-safety": "gave an assurance of safety or benefit",
    "asserts-conduct": "gave an assurance of its own proper conduct",
    "claims-learned": "said when it learned of it", "gives-figure": "gave a figure", "changes-position": "changed position",
    "states": "made a statement", "hypothesizes": "spoke of it as a risk that may come", "explains": "gave its account of a cause", "harm": "evidence of harm",
    "misconduct": "evidence of misconduct or concealment", "concern": "a concern", "question": "a question raised",
    "knowledge": "earlier knowledge", "act": "the act itself", "attempt": "an offer or attempt",
    "halts": "the activity stopped", "figure": "a different figure",
    "mentions": "a mention", "disowns": "that its own public words are not so",
}
