"""The end of a message: signatures, sign-off blocks, "Sent from my ..." and legal disclaimers cut
(``cut_signature``), and the organization a signature block names (``signature_organization``)."""

from __future__ import annotations

import re

from ..headers import JOB_TITLE, JOB_WORDS, LEGAL_FORMS, ORG_WORDS, org_of_phrase



_SIG_DASH = re.compile(r"^--\s?$")
_SENT_FROM = re.compile(r"^\s*(?:sent from my \w+|sent from (?:mail|outlook|yahoo mail)|get outlook for \w+|"
                        r"sent via \w+|sent from my mobile)", re.I)
_DISCLAIMER = re.compile(
    r"^\s*(?:confidentiality notice|disclaimer\s*:|"
    r"(?:this|the information in this) (?:e-?mail|message|communication|transmission)\b.{0,80}?"
    r"\b(?:confidential|privileged|intended (?:solely|only) for|intended recipient)|"
    r"the information (?:contained|transmitted) in this (?:e-?mail|message)|"
    r"if you (?:are not the intended|have received this (?:e-?mail|message|communication) in error))", re.I)
_SIGN_OFF = re.compile(r"^\s*(?:best|best regards|best wishes|regards|kind regards|warm regards|warmly|thanks|"
                       r"thank you|thanks again|thanks so much|many thanks|cheers|sincerely|respectfully|"
                       r"all the best|yours|yours truly|take care|talk soon|v/r|very respectfully)\s*[,.!]?\s*$", re.I)


def _name_block(rest: list[str]) -> bool:
    """Lines after a sign-off that look like a signature: few, short, no questions. A line in
    square brackets is an editor's or a records office's note, not the writer's text."""
    rest = [r for r in rest if not (r.startswith("[") and r.endswith("]"))]
    return len(rest) <= 8 and all(len(r) <= 90 and len(r.split()) <= 14 and not r.endswith("?") for r in rest)


def _is_name_line(line: str, names: set[str]) -> bool:
    """The writer's name: full, first, a short form of the first ("Rob" for Robert), or the full
    name with letters after it ("Robert Roe, P.E.")."""
    text = re.sub(r"^[\s\-\u2013\u2014~]+", "", line).strip().rstrip(".,!").strip()
    if not text:
        return False
    low = text.casefold()
    if low in names or re.split(r",\s*", low, maxsplit=1)[0] in names:
        return True
    # a short form shares the first name's first three letters ("Rob", "Stevie" for Steven)
    return 3 <= len(low) <= 8 and low.isalpha() \
        and any(" " not in n and n != low and n[:3] == low[:3] for n in names)


def cut_signature(lines: list[str], *, author: str = "") -> list[str]:
    """Lines without the signature, sign-off block, "Sent from my ..." and legal disclaimers.

    A sign-off is a closing formula ("Best,", "Thanks,") or the writer's own name (full or first
    name, when ``author`` is known) near the end, followed only by a short name/title block.
    """
    end = len(lines)
    for i, ln in enumerate(lines):
        if _SIG_DASH.match(ln) or _SENT_FROM.match(ln) or _DISCLAIMER.match(ln):
            end = i
            break
    lines = lines[:end]
    nonblank = [i for i, ln in enumerate(lines) if ln.strip()]
    if not nonblank:
        return []
    names: set[str] = set()
    author = re.sub(r"\s+", " ", author or "").strip()
    if author and "@" not in author:
        names = {author.casefold(), author.split()[0].casefold()}
    tail = nonblank[-12:]
    for pos, i in enumerate(tail):
        if i == nonblank[0]:
            continue
        closing = _SIGN_OFF.match(lines[i])
        if not closing and not (names and _is_name_line(lines[i], names)):
            continue
        rest = [lines[k].strip() for k in tail[pos + 1:]]
        if not _name_block(rest):
            continue
        cut = i
        if not closing:
            # "Warm wishes for the holidays,\nKevin": a short closing line ending in a comma
            before = [k for k in nonblank if k < i]
            if before and before[-1] != nonblank[0]:
                prev = lines[before[-1]].strip()
                if prev.endswith(",") and len(prev.split()) <= 4:
                    cut = before[-1]
        lines = lines[:cut]
        break
    while lines and not lines[-1].strip():
        lines.pop()
    return lines


#: A signature line that is no organization's name: a job title or a contact line.
_SIG_TITLE = re.compile(r"(?i)\b(?:" + "|".join(JOB_WORDS) + r"|sent from|mobile|tel|phone|fax|cell|reconstruct\w*|"
                        r"confidential|original|e-?mail|www)\b")


#: A signature line naming a unit by its last word: "Group Accounting Division", "Sales Desk".
_UNIT_LAST = re.compile(r"(?i)\b(?:division|unit|desk|section|team)$")


#: A signature line naming a place by its last word: "Acme City Center", "Northgate Tower".
_PLACE_LAST = re.compile(r"(?i)\b(?:cent(?:er|re)|tower|building|house|plaza|park|campus|street|road|avenue|square)$")


#: A signature line's later part naming the government or agency a unit belongs to ("City of Northgate").
_PARENT = re.compile(r"(?:City|Town|County|Municipality|Government|State|Province|Region|District|Ministry|Department)"
                     r"[ \t]of[ \t](?:the[ \t])?[A-Z][\w'\-]{1,30}(?:[ \t][A-Z][\w'\-]{1,30}){0,3}$")


def signature_organization(sig: list[str], *, author: str = "", label: str = "") -> str:
    """The organization a signature block names ("Jane Roe / Senior Manager, Quality / Acme Motor
    America" -> "Acme Motor America"), or "". A line qualifies when it is a short run of
    capitalized words that is neither the writer's name, a job title, an address nor a phone
    line ("Acme | Springfield, IL" gives "Acme"). Among several, the one the domain's ``label``
    abbreviates ("amausa": Acme Motor America), else one with an organization word, else the last
    one whose first letter is the label's."""
    names = {author.casefold(), author.split()[0].casefold()} if author.strip() else set()
    found: list[str] = []
    titled: list[str] = []  # "Regulatory Affairs Manager, Acme Canada": a title line's tail (often a unit)
    for raw in sig[:10]:
        line = raw.strip().strip("-–—*_ ")
        if line and len(line) <= 90 and JOB_TITLE.search(line) and not re.search(r"[\d@<>:/\\\[\]]", line):
            org = org_of_phrase(line)
            if org and not JOB_TITLE.search(org):
                titled.append(org)
        if not line or len(line) > 70 or re.search(r"[\d@<>:/\\()\[\]]", line) or _SIG_TITLE.search(line):
            continue
        if _is_name_line(line, names) or _SIGN_OFF.match(line):
            continue
        parts = [x.strip() for x in re.split(r"\s[|·•]\s|\s[-–—]\s|,", line)]
        head = parts[0]
        owner = next((x for x in parts[1:] if _PARENT.match(x)), "")
        if owner and not ORG_WORDS.search(head):
            head = owner  # "Transit Services | City of Northgate": the unit, then the organization it belongs to
        if head.casefold() in names:
            continue
        words = head.split()
        if not 1 <= len(words) <= 7:
            continue
        small = ("of", "and", "&", "the", "for", "de", "in", "on")
        if not all(w[:1].isupper() or w.lower() in small for w in words) or words[0].lower() in small:
            continue
        found.append(head)
    key = re.sub(r"[^a-z]", "", label.lower())
    if not found and not titled:
        return ""

    def abbreviates(name: str) -> bool:
        words = [w.lower() for w in re.findall(r"[A-Za-z]+", name) if w.lower() not in ("of", "and", "the", "for")]
        squash = "".join(words)
        initials = "".join(w[0] for w in words)
        return bool(key) and len(key) >= 2 and (squash.startswith(key) or key.startswith(squash)
                                                or (len(initials) >= 2 and key.startswith(initials)))

    for name in found + titled:  # a title line's tail only when the domain names it ("Manager, Acme Canada")
        if abbreviates(name):
            return name
    for name in reversed(found):  # a unit's line ("Office of ...") comes before its organization's
        if (ORG_WORDS.search(name) or _PARENT.match(name)) and not _UNIT_LAST.search(name):
            return name  # (not "Group Accounting Division": a unit, whatever word it holds)
    for name in titled:  # "Supply Chain Manager, Acme Nederland B.V.": a legal form names no unit
        if LEGAL_FORMS.search(name):
            return name
    for name in titled:  # "Board Member, Acme Condominium Association": an organization's word, no other line
        if not found and (ORG_WORDS.search(name.split()[-1]) or re.fullmatch(r"[A-Z]{2,6}", name)):
            return name  # ("Chief Medical Officer, ASA": a title, then its organization's initials)
    if key:
        for name in reversed(found):
            if name[:1].lower() == key[:1] and not _PLACE_LAST.search(name) and not _UNIT_LAST.search(name):
                return name  # (not "Acme City Center": the building the office is in)
    return ""
