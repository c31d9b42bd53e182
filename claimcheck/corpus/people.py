"""People's names: an honorific or a shorter form of a name does not make another person.
Part of the corpus step (:mod:`claimcheck.corpus`)."""

from __future__ import annotations

import re
from functools import lru_cache


HONORIFICS = re.compile(r"^(chief|mr|mrs|ms|dr|sen|senator|rep|representative|gov|governor|mayor|"
                        r"commissioner|councilmember|council member|president|judge|prof|professor|"
                        r"secretary|director|sheriff|officer|captain|general|minister)\.?\s+", re.I)


@lru_cache(maxsize=65536)
def person_key(name: str) -> str:
    """An honorific does not make another person: "Chief Jane Roe" is "Jane Roe"."""
    return HONORIFICS.sub("", name.strip()).lower()


_NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


def _person_id(name: str) -> tuple[str, str]:
    """(surname, first initial) of a full name; ("", "") for a single word."""
    k = [w for w in person_key(name).replace(".", " ").replace(",", " ").split() if w not in _NAME_SUFFIXES]
    return (k[-1], k[0][:1]) if len(k) >= 2 else ("", "")


def same_person(a: str, b: str) -> bool:
    """"Ray Roe" and "Raymond Roe", "Dr. Jane Roe" and "Jane Roe", "Thomas E. Roe Jr." and
    "Thomas E. Roe": one surname, one first initial."""
    ia = _person_id(a)
    return bool(ia[0]) and ia == _person_id(b)


def _configured_person(speaker: str, configured: dict[str, str]) -> str:
    key = person_key(speaker)
    if key in configured:
        return key
    return next((k for k in configured if key.startswith(k + " ") and " " in k), "")
