"""Saved social-media posts: a capture of an account's thread, or a log of posts by several
accounts, as a researcher pastes them into a text file ("Acme News (@acmenews) -- Wed, Mar 24,
2021, 10:30 PM" over each post).

Each post is the public word of its account, dated by its own line: an organization's account
("Acme News", "@AcmeNews") speaks for the organization; a person's account for the person. A
capture desk's notes between posts ("Note from capture desk: ...") are nobody's post.
"""

from __future__ import annotations

import re

from .base import ReadContext, make_document
from .printed import parse_header_date
from ..models import DateValue, Document

#: A post's own line: "Acme News (@acmenews) -- Wed, Mar 24, 2021, 10:30 PM   [reply to @roe]".
_POST_LINE = re.compile(r"^[ \t]{0,4}(?P<name>[A-Z][^\n()@]{1,60}?)[ \t]{0,4}\(@(?P<handle>[A-Za-z0-9_]{1,30})\)"
                        r"[ \t]{0,4}(?:--|[-–—·|])[ \t]{0,4}(?P<when>[^\n\[]{6,60}?)[ \t]*(?:\[[^\]\n]{0,80}\])?[ \t]*$")
#: A rule between posts, and a capture desk's own note after them.
_RULE = re.compile(r"^[ \t]{0,8}[-=_*]{6,200}[ \t]{0,8}$")
_NOTE = re.compile(r"^[ \t]*(?:note|editor'?s note|desk note|capture note)\b[^\n:]{0,40}:", re.I)
#: Words an account's name or handle adds to its organization's name: "Acme News", "AcmeNewsroom".
_ACCOUNT_WORDS = ("newsroom", "news", "press", "media", "official", "global", "corporate", "corp", "inc", "hq",
                  "help", "support", "care", "comms", "pr")
_CLOCK = re.compile(r",?[ \t]{0,4}\d{1,2}:\d{2}(?:[ \t]{0,4}[AaPp]\.?[Mm]\.?)?(?:[ \t]{0,4}(?:[A-Z]{2,4}|UTC[+-]?\d{0,4}))?[ \t]{0,8}$")


def organization_of_account(name: str, handle: str) -> str:
    """The organization an account speaks for, if it is one's: its name less the account words
    ("Acme News" -> Acme) when its handle spells that name ("@acmenews"); "" for a person's."""
    words = name.split()
    while len(words) > 1 and words[-1].lower().strip(".") in _ACCOUNT_WORDS:
        words = words[:-1]
    if len(words) == len(name.split()):
        return ""  # no account word: a person's name ("Jane Roe (@janeroe)")
    base = " ".join(words)
    if not re.sub(r"[^a-z0-9]", "", handle.lower()).startswith(re.sub(r"[^a-z0-9]", "", base.lower())):
        return ""
    return base


def organization_of_handle(handle: str) -> str:
    """An organization's name from an account handle alone: "@AcmeNews" -> Acme, "@acmenews" ->
    Acme; "" when no account word ends it (a person's handle names no organization)."""
    low = handle.lower()
    for word in sorted(_ACCOUNT_WORDS, key=len, reverse=True):
        if low.endswith(word) and len(low) - len(word) >= 3:
            base = handle[: len(handle) - len(word)].rstrip("_")
            return base[:1].upper() + base[1:]
    return ""


def _post_date(when: str) -> DateValue | None:
    when = re.sub(r"^[A-Za-z]{3,9}\.?,[ \t]{0,4}", "", when.strip())  # "Wed, Mar 24, 2021" -> "Mar 24, 2021"
    return parse_header_date(_CLOCK.sub("", when).strip(" ,"))


def sniff_social_capture(text: str, ctx: ReadContext) -> list[Document] | None:
    """Text sniffer: two or more posts each under its account's line -> one Document per post."""
    try:
        return _posts(text, ctx)
    except Exception:  # a sniffer never fails a file the plain reader can read
        return None


def _posts(text: str, ctx: ReadContext) -> list[Document] | None:
    if (ctx.meta or {}).get("kind") not in (None, "", "post") or text.count("(@") < 2:
        return None  # (two posts' lines at least: most files are read without splitting them)
    lines = text.split("\n")
    heads = [(n, m) for n, line in enumerate(lines) if (m := _POST_LINE.match(line))]
    if len(heads) < 2:
        return None
    docs: list[Document] = []
    for k, (n, m) in enumerate(heads):
        end = heads[k + 1][0] if k + 1 < len(heads) else len(lines)
        body: list[str] = []
        for line in lines[n + 1:end]:
            if _RULE.match(line) or _NOTE.match(line):
                break  # the rule closes the post; what follows it is the desk's, not the account's
            body.append(line)
        content = "\n".join(body).strip()
        if not content:
            continue
        name, handle = m["name"].strip(), m["handle"]
        org = organization_of_account(name, handle)
        docs.append(make_document(ctx, text="\n".join(body).rstrip(), part=f"p{len(docs) + 1}", kind="post",
                                  date=_post_date(m["when"]), author=name if not org else "",
                                  organization=org, line_base=n + 2))
    return docs or None


#: An account archive's heading: "Export: @Acme timeline (account archive)", "Posts of @Acme".
_ARCHIVE_HEAD = re.compile(r"(?i)\b(?:export|archive|timeline|posts)\b[^\n@]{0,40}@(?P<handle>[A-Za-z0-9_]{2,30})\b"
                           r"|@(?P<handle2>[A-Za-z0-9_]{2,30})[ \t]{1,4}(?:timeline|posts|archive)\b")
#: One post of an archive set out as a table: "2013-01-31 16:12     | The text of the post".
_ARCHIVE_ROW = re.compile(r"^[ \t]{0,4}(?P<when>\d{4}-\d{2}-\d{2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?[ \t]{0,8}\|[ \t]{0,8}(?P<text>\S[^\n]*)$")


def sniff_account_archive(text: str, ctx: ReadContext) -> list[Document] | None:
    """Text sniffer: an account's archive of its own posts set out as a table under a heading naming
    the account ("Export: @Acme timeline", rows "2013-01-31 16:12 | ...") -> one post per row, the
    account's own public word."""
    if (ctx.meta or {}).get("kind") not in (None, "", "post"):
        return None
    head = _ARCHIVE_HEAD.search(text, 0, 600)
    if head is None:
        return None
    lines = text.split("\n")
    rows = [(n, m) for n, line in enumerate(lines) if (m := _ARCHIVE_ROW.match(line))]
    if len(rows) < 2:
        return None
    handle = head["handle"] or head["handle2"]
    org = organization_of_handle(handle) or handle[:1].upper() + handle[1:]
    return [make_document(ctx, text=m["text"].rstrip(), part=f"p{k + 1}", kind="post",
                          date=parse_header_date(m["when"]), organization=org, line_base=n + 1)
            for k, (n, m) in enumerate(rows)] or None


TEXT_SNIFFERS = [sniff_social_capture, sniff_account_archive]
