"""People in mail headers: "Name <addr>", "addr", "Name [mailto:addr]", the directory form "Chen, Bo"
(Bo Chen), and whether a display name is a person's or a team's."""

from __future__ import annotations

import email.utils
import re

from ..headers import JOB_TITLE, ORG_WORDS



_LAST_FIRST = re.compile(r"^([A-Z][\w'\-]+),\s*([A-Z][\w.'\-]*(?:\s+[A-Z][\w.'\-]*)?)$")


def display_name(name: str) -> str:
    """"Chen, Bo" -> "Bo Chen" (the directory form Outlook prints); other names unchanged."""
    # ('"Director", Acme' where the header quoted part of a name with a comma in it)
    name = re.sub(r"\s+", " ", name or "").replace('"', "").strip()
    # "Roe, Dana (OPS)": a directory's unit after the name is not part of it
    name = re.sub(r"(?<=\w)\s*\([^()]{1,60}\)$", "", name).strip()
    # "Jane Roe, M.D.", "Jane Roe, PhD": a degree after the name is not part of it
    name = re.sub(r",?[ \t]{1,2}(?:M\.?D\.?|Ph\.?D\.?|Pharm\.?D\.?|D\.?O\.?|R\.?N\.?|Esq\.?|MBA|MPH|J\.?D\.?)$", "", name).strip()
    m = _LAST_FIRST.match(name)
    if m and JOB_TITLE.fullmatch(m.group(1)):
        return name  # "Director, Acme": an office and its organization, no surname first
    return f"{m.group(2)} {m.group(1)}" if m else name


def _looks_like_person(name: str) -> bool:
    """"Jane Q. Roe", "Zoë Haché" yes; "Policy Team", "Outreach & Events (DC)", "alerts", "Chief Executive" (an
    office, every word a title's) no."""
    words = name.split()
    return 2 <= len(words) <= 4 and not ORG_WORDS.search(name) \
        and all(w[0].isupper() and re.fullmatch(r"[^\W\d_][^\W\d_.'’\-]*(?:[.'’\-][^\W\d_]*)*\.?", w) for w in words) \
        and not all(JOB_TITLE.search(w) or w.lower() in ("of", "and", "the", "group") for w in words)


def _person(value: str) -> tuple[str, str]:
    """(display name, address) from a header-like "Name <addr>" / "addr" / "Name [mailto:addr]"."""
    value = re.sub(r"\[mailto:([^\]]+)\]", r"<\1>", value or "")
    m = re.fullmatch(r"(?<![^<>])([^<>]{0,200}?)\s*<([^<>@\s]+@[^<>\s]+)>", value.strip())
    if m:                                      # "Chen, Bo <bo@x>": the comma is part of the name
        return display_name(m.group(1)), m.group(2)
    name, addr = email.utils.parseaddr(value)
    if "@" not in value:                       # "Lee, Grace (Service Ops)": a name alone
        return display_name(value), ""
    if not name and not addr:
        return value.strip(), ""
    if not name and "@" not in addr:
        return display_name(addr), ""
    return display_name(name), addr.strip()
