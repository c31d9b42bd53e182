"""Organization names as the folder writes them (issue 14; what set 54 showed, read generically): an
e-mail domain's label that adds a web word after the organization's one-word name ("Acmesites",
"Acmegroup") is that organization; one that adds a word of its own ("Acmefoods" beside "Acme") is
not read as it by this rule. Asserts on the corpus's organization families."""

from __future__ import annotations

from collections import Counter

from claimcheck.corpus.orgs import canonical_orgs, org_families


def _families(names: list[str]) -> dict[str, str]:
    return org_families(canonical_orgs(names), Counter(names))


def test_a_domain_label_adding_a_web_word_is_the_organization() -> None:
    fam = _families(["Acmefield Ltd", "Acmefieldsites", "Acmefieldgroup", "Office for Nuclear Regulation"])
    assert fam["Acmefieldsites"] == fam["Acmefieldgroup"] == "Acmefield Ltd"
    assert fam["Office for Nuclear Regulation"] == "Office for Nuclear Regulation"


def test_a_domain_label_adding_another_word_is_not_taken_for_the_organization() -> None:
    fam = _families(["Acmefield Ltd", "Acmefieldfoods"])
    assert fam["Acmefieldfoods"] != "Acmefield Ltd"
