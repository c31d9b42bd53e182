"""Which organization a text says owns another: "Acme Labs, a subsidiary of Apex Group", "Acme
Labs, the Apex Group subsidiary that makes ...", "Apex and its predecessor, Acme Labs", "Apex
said that its Acme Labs subsidiary ...". The corpus step reads a unit's statements as its
owner's (a reporter checks the parent's public words against the unit's records).

Linear on any text: the patterns look only at a bounded window around each relation word.
"""

from __future__ import annotations

import re

#: A name: capitalized words, with "&", "and", "of" inside ("Roe & Roe", "Bank of Apex").
_NAME = r"(?:[A-Z0-9][\w.'’\-]{0,30})(?:\s(?:&|and|of|[A-Z0-9][\w.'’\-]{0,30})){0,5}"
_KEY = re.compile(r"\b(?:subsidiary|subsidiaries|predecessors?|division|unit)\b")
WINDOW = 160
MAX_RELATION_WORDS = 500  # relation words looked at per text (a text is not an org chart)

#: "Acme Labs, a subsidiary of Apex Group" / "Acme Labs, a unit of Apex"
_CHILD_OF = re.compile(rf"(?P<child>{_NAME}),?\s(?:a|an|the)\s(?:wholly[- ]owned\s)?$")
_OF_PARENT = re.compile(rf"^\s(?:of|owned by)\s(?P<parent>{_NAME})")
#: "Acme Labs, a Apex Group subsidiary" / "Acme Labs Co., the Apex subsidiary that ..."
_CHILD_A_PARENT = re.compile(rf"(?P<child>{_NAME}),\s(?:a|an|the)\s(?P<parent>{_NAME})\s$")
#: "Apex and its predecessor, Acme Labs" / "Apex and its subsidiary Acme"
_PARENT_AND_ITS = re.compile(rf"(?P<parent>{_NAME})\sand\sits\s(?:former\s)?$")
_THEN_CHILD = re.compile(rf"^,?\s(?P<child>{_NAME})")
#: "Apex said today that its Acme Labs subsidiary"
_PARENT_ITS = re.compile(rf"^(?P<parent>{_NAME})\s(?:said|says|announced|confirmed)\b[^.;]{{0,60}}?\bits\s(?P<child>{_NAME})\s$")

_SMALL = frozenset({"&", "and", "of"})
#: Words that open a sentence in capitals before a name ("Then Acme's ...", "At Acme's ...").
_OPENERS = frozenset({"then", "the", "and", "but", "at", "in", "on", "when", "after", "before", "while", "as", "by",
                      "for", "from", "with", "under", "inside", "meanwhile", "also", "so", "since", "until"})


def _trim(name: str) -> str:
    words = name.strip(" ,.").split()
    while words and (words[0] in _SMALL or words[0].lower() in ("the", "a", "an")):
        words.pop(0)
    while words and words[-1] in _SMALL:
        words.pop()
    return " ".join(words).strip(" ,")


def ownership(text: str) -> tuple[tuple[str, str], ...]:
    """(unit, owner) pairs the text states, in order, each once."""
    out: list[tuple[str, str]] = []
    for n, m in enumerate(_KEY.finditer(text)):
        if n >= MAX_RELATION_WORDS:
            break
        before = text[max(0, m.start() - WINDOW):m.start()].replace("\n", " ")
        after = text[m.end():m.end() + WINDOW].replace("\n", " ")
        pair = None
        a = _CHILD_OF.search(before)
        b = _OF_PARENT.match(after)
        if a and b:
            pair = (a["child"], b["parent"])
        if pair is None:
            c = _CHILD_A_PARENT.search(before)
            if c:
                pair = (c["child"], c["parent"])
        if pair is None:
            p = _PARENT_AND_ITS.search(before)
            ch = _THEN_CHILD.match(after)
            if p and ch:
                pair = (ch["child"], p["parent"])
        if pair is None:
            # the sentence, after a dateline's dash ("SPRINGFIELD, Ill. — Apex said today that its ...")
            sentence = re.split(r"(?<=[.;!?])\s", before)[-1].lstrip("—–-: ")
            q = _PARENT_ITS.search(sentence)
            if q:
                pair = (q["child"], q["parent"])
        if pair is None:
            continue
        child, parent = _trim(pair[0]), _trim(pair[1])
        if child and parent and child.lower() != parent.lower() and (child, parent) not in out:
            out.append((child, parent))
    for n, m in enumerate(_POSSESSED_UNIT.finditer(text)):
        if n >= MAX_RELATION_WORDS:
            break
        child, parent = _trim(m["child"]), _trim(m["parent"])
        words = parent.split()
        while words and words[0].lower() in _OPENERS:
            words.pop(0)  # "Then Acme's ...": the sentence's first word is no part of the name
        parent = " ".join(words)
        if child and parent and child.lower() != parent.lower() and (child, parent) not in out:
            out.append((child, parent))
    for n, m in enumerate(_MERGED.finditer(text)):  # "Apex Group was formed through the merger of Acme and Globex"
        if n >= MAX_RELATION_WORDS:
            break
        parent = _trim(m["parent"])
        for child in (_trim(m["a"]), _trim(m["b"])):
            if child and parent and child.lower() != parent.lower() and (child, parent) not in out:
                out.append((child, parent))
    return tuple(out)


#: One word of a name in a merger's list: capitalized, no "and" inside ("Acme and Globex" is two).
_WORD = r"[A-Z][\w.'’\-]{0,30}"
#: "Apex Group was formed through the merger of Acme and Globex", "Apex, formed by the merger of
#: Acme and Globex": the successor answers for both (its statements are read against their records).
_MERGED = re.compile(rf"\b(?P<parent>{_WORD}(?:\s{{1,3}}{_WORD}){{0,3}}),?\s{{1,3}}(?:(?:was|were|is)\s{{1,3}})?(?:formed|created)"
                     rf"\s{{1,3}}(?:through|by|from|in)\s{{1,3}}(?:the\s{{1,3}})?(?:\d{{4}}\s{{1,3}})?merger\s{{1,3}}(?:of|between)\s{{1,3}}"
                     rf"(?P<a>{_WORD}(?:\s{{1,3}}{_WORD}){{0,3}})\s{{1,3}}(?:and|&|with)\s{{1,3}}(?P<b>{_WORD}(?:\s{{1,3}}{_WORD}){{0,3}})")


#: "Acme's Jet Research Laboratory", "Acme's Space Flight Center": a laboratory, centre or
#: division the text gives an owner by the possessive
_POSSESSED_UNIT = re.compile(r"\b(?P<parent>[A-Z][\w&\-]{1,30}(?:[ \t][A-Z][\w&\-]{1,30}){0,3})['’]s[ \t\n]{1,2}"
                             r"(?P<child>(?:[A-Z][\w\-]{1,30}[ \t\n]{1,2}){1,4}(?:Laboratory|Laboratories|Center|Centre|Division|"
                             r"Institute|Research Unit))\b")
