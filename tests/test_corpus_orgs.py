"""canonical_orgs: indexes and one rapidfuzz call give the same groups as trying every group."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from claimcheck.corpus import (AGENCY_WORDS, NEAR_MATCH, _initials, _spelled_words, canonical_orgs, name_groups,
                               org_families, org_key)


def reference(names: list[str]) -> dict[str, str]:
    """The plain definition: each spelling joins the first group (in creation order) whose key
    is the same, whose initials it is (or, for a place before an agency's name, "Lakeland
    Department of Water Supply", its initials without the place's, or, three letters or more, its
    initials with its legal words: "ACA" for "Acme Corporation of America"; an acronym with "&" read
    without it: "N&W" for "Northwind and Wind Agency"), whose first word it is
    (one word, 4+ letters), or that is a near spelling."""
    counts = Counter(n for n in names if n)
    groups: list[list[str]] = []
    keys: list[str] = []
    firsts: list[str] = []
    for name, _ in sorted(counts.items(), key=lambda kv: (-len(org_key(kv[0])), kv[0])):
        k = org_key(name)
        if not k:
            continue
        for n, gk in enumerate(keys):
            ini = _initials(gk)
            agency = len(ini) >= 4 and len(gk.split()) > 1 and gk.split()[1] in AGENCY_WORDS
            spelled = _initials(" ".join(_spelled_words(firsts[n])))
            # an acronym written with "&" ("N&W") is read without it: the "and" initials leave out
            short = k.replace("&", "") if "&" in k and " " not in k else None
            if k == gk or k.replace(" ", "") == ini or (agency and k.replace(" ", "") == ini[1:]) or \
                    (short is not None and (short == ini or (agency and short == ini[1:])
                                            or (len(spelled) >= 3 and short == spelled))) or \
                    (len(spelled) >= 3 and k.replace(" ", "") == spelled) or \
                    fuzz.ratio(k, gk) >= NEAR_MATCH or (len(k.split()) == 1 and gk.split()[0] == k and len(k) > 3):
                groups[n].append(name)
                break
        else:
            groups.append([name])
            keys.append(k)
            firsts.append(name)
    return name_groups(groups, counts)  # naming is shared: only the grouping is restated here


WORDS = ["Acme", "Corp", "Inc.", "National", "Bank", "of", "the", "Food", "and", "Drug",
         "Administration", "FDA", "Northwind", "North", "Wind", "Agency", "Ltd", "Acmee", "U.S.", "Trust",
         "Northwinds", "Traders", "International", "N&W", "A&T"]
NAMES = st.lists(st.integers(0, len(WORDS) - 1), min_size=1, max_size=4).map(lambda ix: " ".join(WORDS[i] for i in ix))


@settings(max_examples=300, deadline=None)
@given(st.lists(NAMES, max_size=40))
def test_canonical_orgs_matches_the_plain_definition(names: list[str]) -> None:
    assert canonical_orgs(names) == reference(names)


def test_canonical_orgs_groups_initials_near_spellings_and_first_words() -> None:
    names = ["Food and Drug Administration", "FDA", "Acme Corp", "Acme Corp.", "Acme", "Northwind Traders",
             "Northwind", "Northwnd Traders"]
    out = canonical_orgs(names)
    assert out["FDA"] == out["Food and Drug Administration"] == "Food and Drug Administration"
    assert out["Acme"] == out["Acme Corp."] == out["Acme Corp"]
    assert out["Northwind"] == out["Northwnd Traders"] == out["Northwind Traders"]
    assert out == reference(names)


def test_canonical_orgs_a_spelling_that_fits_two_groups_joins_the_first() -> None:
    # "Northwind" is the first word of the first group and a near spelling of the second
    names = ["Northwind Traders International", "Northwinds", "Northwind"]
    out = canonical_orgs(names)
    assert out["Northwind"] == "Northwind Traders International" and out["Northwinds"] == "Northwinds"
    assert out == reference(names)


def test_an_agency_acronym_without_its_place_is_the_agency() -> None:
    from claimcheck.corpus import canonical_orgs
    canon = canonical_orgs(["DEQ", "Lakeland Department of Environmental Quality"])
    assert canon["DEQ"] == "Lakeland Department of Environmental Quality"
    # the rule is for a place before an agency's name, not any name's tail initials
    canon = canonical_orgs(["AML", "Bank of America Merrill Lynch"])
    assert canon["AML"] == "AML"


def test_a_domain_label_with_its_legal_suffix_written_in_is_the_organization() -> None:
    from collections import Counter
    from claimcheck.corpus import org_families
    names = ["Vox Corporation", "Voxcorp", "Vox News", "Acmeinc", "Acme Inc"]
    families = org_families({n: n for n in names}, Counter(names))
    assert families["Voxcorp"] == families["Vox Corporation"] == "Vox Corporation"
    assert families["Acmeinc"] == "Acme Inc"
    assert families["Vox News"] == "Vox News"


def test_a_domain_label_that_cuts_the_first_word_short_and_keeps_the_last_is_the_organization() -> None:
    """'jnwchase' (an e-mail domain's label) for 'JNWorthy Chase': three letters of a long first
    word, then the last word whole. A label that keeps only a short cut and no whole word stays."""
    from collections import Counter
    from claimcheck.corpus import org_families
    names = ["JNWorthy Chase", "Jnwchase", "Jnwx", "Northgate Chase Bank"]
    families = org_families({n: n for n in names}, Counter(names))
    assert families["Jnwchase"] == "JNWorthy Chase"
    assert families["Jnwx"] == "Jnwx"


def test_a_name_whose_legal_suffix_follows_an_ampersand_keys_without_it() -> None:
    """'Acme Chase & Co' is 'acme chase' (the '&' belonged to the suffix), so a domain label
    'acmechase' and the name 'Acme Chase' are one organization; 'Roe & Poe' keeps its '&'."""
    from collections import Counter
    from claimcheck.corpus import org_families
    assert org_key("Acme Chase & Co") == org_key("Acme Chase") == "acme chase"
    assert org_key("Roe & Poe Inc.") == "roe & poe"
    names = ["JNWorthy Chase & Co", "Jnwchase"]
    assert org_families({n: n for n in names}, Counter(names))["Jnwchase"] == "JNWorthy Chase & Co"


def test_a_name_written_together_joins_the_long_name_that_writes_it_apart_after_initials() -> None:
    """'Northgate' for 'A. B. North Gate Works & Company' (initials, then the name in two words)."""
    from collections import Counter
    from claimcheck.corpus import org_families
    names = ["Northgate", "A. B. North Gate Works & Company", "North Star Gate"]
    families = org_families({n: n for n in names}, Counter(names))
    assert families["A. B. North Gate Works & Company"] == "Northgate"
    assert families["North Star Gate"] == "North Star Gate"


def test_an_acronym_with_the_letter_of_a_legal_word_is_the_organization() -> None:
    """"NCA" for "Northgate Corporation of America": the legal word "Corporation" gives its letter."""
    canon = canonical_orgs(["NCA", "NCA", "Northgate Corporation of America"])
    assert canon["NCA"] == "Northgate Corporation of America"


def test_a_domain_label_with_a_short_legal_word_is_the_organization_that_spells_it_out() -> None:
    """"Northgatecorp" (an e-mail domain's label) for "Northgate Corporation of America"."""
    names = ["Northgate Corporation of America", "Northgatecorp"]
    fam = org_families(canonical_orgs(names), Counter(names))
    assert fam["Northgatecorp"] == fam["Northgate Corporation of America"]


def test_an_acronym_name_heads_the_units_named_after_it() -> None:
    """"ZQ" and "ZQ Exploration & Production Inc" are one organization; a short name that is not
    written as an acronym ("Zq") stands for no family."""
    names = ["ZQ", "ZQ", "ZQ Exploration & Production Inc"]
    fam = org_families(canonical_orgs(names), Counter(names))
    assert fam["ZQ Exploration & Production Inc"] == "ZQ"
    names = ["Zq", "Zq Exploration & Production Inc"]
    fam = org_families(canonical_orgs(names), Counter(names))
    assert fam["Zq Exploration & Production Inc"] != fam["Zq"]


def test_a_camel_case_name_keys_by_its_words_so_its_initials_and_first_word_join_it() -> None:
    """"NorthgateKlineWorks" is "northgate kline works": "NKW" and "Northgate" are the same
    organization; "McAllister" and "JPRoe" stay one word."""
    assert org_key("NorthgateKlineWorks") == "northgate kline works"
    assert org_key("McAllister Labs") == "mcallister labs" and org_key("JPRoe Chase") == "jproe chase"
    names = ["NorthgateKlineWorks", "NKW", "Northgate"]
    canon = canonical_orgs(names)
    fam = org_families(canon, Counter(names))
    family = [fam.get(canon[n], canon[n]) for n in names]
    assert len(set(family)) == 1, (canon, fam)


def test_a_company_named_in_the_tail_of_a_merged_name_is_the_merged_company() -> None:
    """"Kline Beecham Labs" and "GlobexKlineBeecham" (the merger written together): one family,
    named by the merged company; a name sharing only one word with it is not."""
    names = ["GlobexKlineBeecham", "GlobexKlineBeecham", "Kline Beecham Labs", "Beecham Foods"]
    fam = org_families(canonical_orgs(names), Counter(names))
    assert fam["Kline Beecham Labs"] == fam["GlobexKlineBeecham"] == "GlobexKlineBeecham"
    assert fam["Beecham Foods"] != "GlobexKlineBeecham"


def test_a_trailing_legal_form_or_country_is_not_part_of_the_key() -> None:
    assert org_key("Northgate AG") == "northgate"
    assert org_key("Northgate S.A.") == org_key("Northgate GmbH & Co. KG") == "northgate"
    assert org_key("Northgate Motor Sales, U.S.A., Inc") == "northgate motor sales"
    assert org_key("AG") == "ag" and org_key("Bank of the US") == "bank of us"  # no name word would remain
    # so the parent written with its legal form heads its American unit's family
    fam = org_families({"Northgate AG": "Northgate AG", "Northgate Group of America, Inc": "Northgate Group of America, Inc"},
                       Counter({"Northgate AG": 3, "Northgate Group of America, Inc": 2}))
    assert fam["Northgate Group of America, Inc"] == fam["Northgate AG"] == "Northgate AG"


def test_a_name_after_a_spaced_dash_joins_the_family_that_name_begins() -> None:
    """"A.P. Roe - Northgate" (a founder's name, a dash, the name in use) is the family of
    "Northgate Group Services"; "Coca-Style" written with a hyphen is one word, no dash."""
    names = ["A.P. Roe - Northgate", "Northgate Group Services", "Northgate Group Services"]
    counts = Counter(names)
    fam = org_families({n: n for n in counts}, counts)
    assert fam["A.P. Roe - Northgate"] == fam["Northgate Group Services"]
    names = ["Acme-Style", "Style Foods Inc"]
    fam = org_families({n: n for n in names}, Counter(names))
    assert fam["Acme-Style"] == "Acme-Style"


def test_an_organization_is_named_as_the_texts_write_it() -> None:
    from claimcheck.corpus import as_written
    canon = {"North Gate": "North Gate", "Northgate": "North Gate", "NorthGate Labs": "North Gate"}
    out = as_written(canon, ["Northgate said it would appeal.", "Northgate's lawyers filed", "North Gate, a town"])
    assert out["North Gate"] == out["Northgate"] == "Northgate"
    assert out["NorthGate Labs"] == "Northgate"
    assert as_written(canon, ["North Gate said so."])["Northgate"] == "North Gate"


def test_an_agency_named_without_its_head_word_joins_the_agency_named_in_full() -> None:
    names = ["Department of Water Supply", "Water Supply", "Board of Northgate Holdings", "Northgate Holdings"]
    fam = org_families({n: n for n in names}, Counter(names))
    assert fam["Water Supply"] == fam["Department of Water Supply"] == "Department of Water Supply"
    assert fam["Northgate Holdings"] == "Northgate Holdings"  # a board is a body of the company, not its name


def test_a_danish_legal_form_is_no_part_of_the_name() -> None:
    from claimcheck.corpus.orgs import org_key
    assert org_key("Northgate Shipping A/S") == org_key("Northgate Shipping")


def test_a_domain_label_that_is_a_name_with_a_short_word_added_joins_it() -> None:
    """'Onenorthgate' (from onenorthgate.com) is Northgate; 'Acmeco' stays its own when the
    folder names no 'Acmeco' root of five letters or more ('Acme' is too short to claim it)."""
    from collections import Counter

    from claimcheck.corpus.orgs import org_families
    names = {"Onenorthgate": "Onenorthgate", "Northgate": "Northgate", "Getacme": "Getacme", "Acme": "Acme"}
    fam = org_families(names, Counter({"Northgate": 5, "Onenorthgate": 2, "Getacme": 1, "Acme": 3}))
    assert fam["Onenorthgate"] == "Northgate"
    assert fam["Getacme"] == "Getacme"
