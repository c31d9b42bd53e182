"""Plain text (.txt) and Markdown (.md) with optional YAML front matter.

Text sniffers registered by other readers (a chat log or a printed email saved as .txt) are
tried first; otherwise the whole file is one document whose lines are the file's lines.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

import yaml

from .. import _yaml
from ..config import META_KEYS
from ..dates import find_dateline, find_dates, parse_date_value
from ..models import INTERNAL_DOC_KINDS, DateValue, Document
from .base import (_BYLINE as BYLINE_OR_DATELINE, recorded_in_private, Malformed, ReadContext, Skip, decode_text, guess_kind, make_document, normalize_newlines,
                   organization_from_domain)
from .relations import ownership
from .headers import (_letterhead as letterhead, _AGENCY as AGENCY, _FORM_WORDS as FORM_WORDS, OWN_EVENT, _org_case, _SALUTATION as SALUTATION, _BY_LINE as BY_LINE, _LEGAL_WORD as LEGAL_WORD, _OFFICE as OFFICE, _UNIT_WORDS as UNIT_WORDS, JOB_TITLE, ORG_WORDS, Header, filename_date, org_of_phrase, statement_maker,
                      read_header, addressed_organization, INTERNAL_LABELS, INTERNAL_VALUE, title_only, FACING_OUT)
from .social import organization_of_handle

_FRONT_OPEN = re.compile(r"\A---[ \t]*\n")
_FRONT_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.M)


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """(front matter YAML or None, body, number of lines before the body)."""
    m = _FRONT_OPEN.match(text)
    if not m:
        return None, text, 0
    close = _FRONT_CLOSE.search(text, m.end())
    if not close:
        return None, text, 0
    yaml_text = text[m.end():close.start()]
    body_start = close.end()
    if body_start < len(text) and text[body_start] == "\n":
        body_start += 1
    return yaml_text, text[body_start:], text.count("\n", 0, body_start)


def _front_fields(data: Any, ctx: ReadContext) -> dict[str, Any]:
    """Map front matter keys onto Document fields; unknown keys are ignored (extras allowed)."""
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise Malformed("front matter is not a mapping")
    out: dict[str, Any] = {}
    speaker = next((data[k] for k in ("speaker", "spokesperson", "spokesman", "spokeswoman", "spokesperson_name")
                    if isinstance(data.get(k), str) and data[k].strip()), None)  # ("spokesperson: Jane Roe")
    if isinstance(speaker, str) and speaker.strip() and not data.get("author"):
        out["author"] = re.sub(r"^(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+(?=\S+\s+\S)", "", speaker.strip())
        # "speaker: Jane Roe, Vice-Chancellor": whose words the page gives ("Dr Jane Roe": Jane Roe)
    elif isinstance(speaker, str) and speaker.strip() and (OFFICE.search(" " + str(data.get("author", "")))
                                                           or OFFICE.search(" " + str(data.get("author", "")).split(",")[0])):
        # ("author: Media Relations, Acme Agency": an office of it)
        out["speaker"] = speaker.strip()  # an office wrote it down; the speaker said it
    # "channel: acme.se customer notice", "type: press release": the genre, read with the publisher
    channel = next((v for v in (data.get("channel"), data.get("type")) if isinstance(v, str) and v.strip()), "")
    if channel:
        out["channel"] = channel.strip()
    if data.get("date") is None:  # "prepared: 2016-12-02", "published: ...": the document's date by another name
        value = next((data[k] for k in _FRONT_DATE_KEYS if data.get(k) is not None
                      and not isinstance(data[k], (dict, list))), None)
        dv = parse_date_value(str(value).strip(), source="front-matter") if value is not None else None
        if dv is not None:
            out["date"] = dv
    company = next((data[k] for k in ("company", "issuer", "issued_by", "organisation") if isinstance(data.get(k), str)
                    and data[k].strip()), "")
    if company and not data.get("organization"):
        # "company: Acme Holdings S.p.A.", "issuer: ACME": whose document it is; of "Acme Police, Acme Ministry
        # of the Interior -- minister's office", the part an organization's word names, else the first
        parts = [x.strip() for x in re.split(r"[ \t]{0,3}[,;][ \t]{0,3}|[ \t][—–-]{1,2}[ \t]", company.strip()) if x.strip()]
        out["organization"] = next((x for x in parts if ORG_WORDS.search(x) or AGENCY.match(x)), parts[0])
    sender = data.get("from")
    if isinstance(sender, str) and sender.strip() and not data.get("organization") and "organization" not in out \
            and "@" not in sender:
        # "from: Acmestyrelsen (Acme Food Administration), Animal Health": the writing body, by its
        # name in brackets when the brackets give an organization's name, else by its first part
        first = sender.split(",")[0].strip()
        paren = re.search(r"\(([^()]{3,80})\)", first)
        named = paren.group(1).strip() if paren and (ORG_WORDS.search(paren.group(1)) or AGENCY.match(paren.group(1))) \
            else re.sub(r"[ \t]{0,4}\([^()]{0,80}\)", "", first).strip()
        if named and (ORG_WORDS.search(named) or AGENCY.match(named)):
            out["organization"] = named
        elif not data.get("author") and _FROM_PEOPLE.fullmatch(first):
            out["author"] = first  # "from: Jane Roe and John Doe, Members of the Board": who wrote it
    marks = [str(data[k]) for k in sorted(INTERNAL_LABELS) if isinstance(data.get(k), str)]
    mark = next((m for m in marks if INTERNAL_VALUE.search(m)), marks[0] if marks else "")  # any label that marks it
    if mark and INTERNAL_VALUE.search(mark) and not data.get("kind"):
        # "classification: Internal - Board": a record, a note when it says whom it is to or from
        out["kind"] = "memo" if data.get("to") or data.get("from") else "internal-report"
        addressee = data.get("to")
        if isinstance(addressee, str) and "organization" not in out and not data.get("organization"):
            org, governing = addressed_organization(addressee)
            if org and governing:
                out["organization"] = org  # "to: Board of Directors, Acme Ltd": a note to its board is Acme's record
    client = next((data[k] for k in ("prepared_for", "prepared for", "commissioned_by", "commissioned by", "client")
                   if isinstance(data.get(k), str) and data[k].strip()), "")
    if re.match(r"(?i)\W{0,3}(?:meeting|briefing|call|discussion|presentation|session|workshop)s?\b", client.strip()):
        client = ""  # "prepared_for: Meeting with Jane Roe, Director, Acme Radio": an occasion, no client organization
    if client and "organization" not in out and not data.get("organization"):
        # "prepared_for: Board of Acme Football Club": a review written for the organization is its record
        body_of, _ = addressed_organization(client.strip())
        named = re.sub(r"^(?:the\s+)?(?:(?:board(?:\s+of\s+directors)?|directors|council|trustees|management|"
                       r"executive committee)\s+of\s+)?(?:the\s+)?", "", client.strip(), flags=re.I)
        out["organization"] = body_of or named.split(",")[0].strip()  # ("Board of Directors, Acme SA": Acme SA's)
    for key in META_KEYS:
        value = data.get(key)
        if value is None or isinstance(value, (dict, list)):
            continue
        value = str(value).strip()
        if not value:
            continue
        if key == "date":
            dv = parse_date_value(value, source="front-matter")
            if dv is not None:
                out["date"] = dv
        elif key in ("source", "publisher"):
            site = _SITE.match(value)
            # "acme.com/facts2019": the site's owner, as an address names its organization
            out["publisher"] = organization_from_domain(site.group("host")) if site else _latin_name(value)
        else:
            out[key] = value
    return out


#: A name in a script other than the Latin, then its Latin form in brackets: "コインチェック株式会社 (Acme, Inc.)".
_BOTH_SCRIPTS = re.compile(r"(?P<native>[^\x00-\u024f()]{2,60}?)[ \t]{0,3}[(（](?P<latin>[A-Za-z][^()（）\n]{1,60})[)）]")


def _latin_name(value: str) -> str:
    """A publisher named in two scripts, read by its Latin form (the form the rest of the records use)."""
    m = _BOTH_SCRIPTS.fullmatch(value.strip())
    return m["latin"].strip() if m else value


#: A front matter's sender that is one or two people: "Jane Roe", "Jane Roe and John Doe".
_FROM_PEOPLE = re.compile(r"[A-Z][a-z'\-]{1,30}(?:[ \t][A-Z][a-z'\-]{1,30}){1,3}(?:[ \t](?:and|&)[ \t][A-Z][a-z'\-]{1,30}(?:[ \t][A-Z][a-z'\-]{1,30}){1,3})?")


#: Front-matter keys that date a document when it has no "date:" key, in order of preference.
_FRONT_DATE_KEYS = ("published", "issued", "released", "sent", "prepared", "dated", "submitted", "created",
                    "posted", "written", "updated")


#: A page speaking as its publisher: "we", "our", "us" (outside quotation marks).
_OWN_VOICE = re.compile(r"\b(?:[Ww]e|[Oo]ur|us)\b")
#: A publisher written as a name: "Acme Public Library", "Bank of Northgate".
_A_NAME = re.compile(r"[A-Z][\w&.'\-]{0,30}(?:,?[ \t]{1,3}(?:[A-Z][\w&.'\-]{0,30}|of|and|the|for|&)){0,7}")  # ("Acme, Inc.")
#: Words in quotation marks: another's voice.
_QUOTED = re.compile(r"[\"“][^\"“”\n]{0,400}[\"”]")


#: A source written as a web address: "acme.com/facts2019", "https://www.acme.co.uk/news".
_SITE = re.compile(r"(?:https?://)?(?:www\.)?(?P<host>(?:[a-z0-9\-]{1,40}\.){1,4}[a-z]{2,6})(?:/\S{0,200})?"
                   r"(?:[ \t]{1,3}(?:--|[-–—|:])[ \t][^\n]{0,200})?$", re.I)  # ("acme.org - Questions (snapshot)": the site, its page's title)


def _first_heading(body: str) -> str:
    m = re.search(r"^#\s+(.+?)\s*#*\s*$", body[:3000], re.M)
    return m.group(1).strip() if m else ""


def read_text(data: bytes, ctx: ReadContext, *, markdown: bool = False) -> list[Document]:
    """Read a .txt or .md file."""
    from . import TEXT_SNIFFERS

    text = normalize_newlines(decode_text(data))
    if not text.strip():
        raise Skip("empty file")
    fields: dict[str, Any] = {}
    line_base = 1
    body = text
    if markdown or text.startswith("---"):
        fm, rest, skipped_lines = split_front_matter(text)
        if fm is not None:
            try:
                loaded = _yaml.loads(fm, ctx.display)
            except yaml.YAMLError as exc:     # _yaml.loads lets a non-printable-character error through
                if markdown:
                    raise Malformed(f"front matter is not valid YAML: {exc}") from None
                loaded = None
            except _yaml.YamlProblem as exc:
                if markdown:
                    # positions are inside the front matter, which starts on file line 2
                    raise Malformed(f"front matter is not valid YAML at {ctx.display}:{exc.line + 1}:{exc.col}: "
                                    f"{exc.message}") from None
                loaded = None          # a .txt that merely starts with a "---" rule
            if isinstance(loaded, dict) or markdown:
                if loaded is not None and not isinstance(loaded, dict):
                    raise Malformed(f"front matter of {ctx.display} is not a mapping of keys")
                fields = _front_fields(loaded, ctx)
                body, line_base = rest, 1 + skipped_lines
    if markdown and "title" not in fields:
        heading = _first_heading(body)
        if heading:
            fields["title"] = heading
    for sniff in TEXT_SNIFFERS:
        found = sniff(body, ctx)
        if found:
            return list(found)
    if not body.strip():
        raise Skip("no text after front matter")
    released = _released_records(body, ctx, fields, line_base)
    if released:
        return released
    return [_read_body(body, ctx, fields, line_base)]


def _read_body(body: str, ctx: ReadContext, fields: dict[str, Any], line_base: int, *, part: str = "",
               default_date: DateValue | None = None) -> Document:
    """One document from ``body`` (front matter's ``fields`` already read): its header, date, kind,
    author and organization."""
    fields = dict(fields)
    header = read_header(body)
    date: DateValue | None = fields.pop("date", None)
    if date is None and header.date is not None:
        date = header.date
    if date is None:
        mention = find_dateline(body)
        if mention is not None and mention.value.known:
            v = mention.value
            date = DateValue(v.start, v.end, v.precision, "dateline", v.text or body[mention.start:mention.end])
    if date is None:
        date = default_date or filename_date(ctx.display)
    else:
        date = _day_month_as_named(date, filename_date(ctx.display))
    kind = fields.pop("kind", "unknown")
    channel = fields.pop("channel", "")
    speaker = fields.pop("speaker", "")
    office_author = bool(OFFICE.search(" " + str(fields.get("author", ""))))  # before the header reading clears it
    _apply_header(fields, header, "\n".join(body.split("\n")[:12]))
    if speaker and (not fields.get("author") or OFFICE.search(" " + str(fields.get("author", "")).split(",")[0])):
        # "Jane Roe, Vice-Chancellor"; "spokesperson: Jane Roe" under "author: Media Relations, Acme": she says it
        fields["author"] = re.sub(r"^(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+(?=\S+\s+\S)", "",  # ("Dr Jane Roe": Jane Roe)
                                  re.split(r"(?<!\s)\s*,", speaker, maxsplit=1)[0].strip())
    if kind == "unknown" and recorded_in_private(body.split("\n", 3)[:3]):
        kind = "chat"  # "EXCERPT OF AUDIO RECORDING - conversation of 12 April": a private talk, whoever hosts it
    if kind == "unknown":
        # (a story under a byline or a dateline is no record, though it quotes one's title words)
        kind = _kind_from_front_matter(fields, office_author=office_author, channel=channel) or header.kind \
            or (record_form(body) if not BYLINE_OR_DATELINE.search(body[:1500]) else "") or "unknown"
        if kind == "filing" and header.kind == "filing" and _INTERNAL_PATH.search(f"{ctx.path.parent.name}/{ctx.path.name}"):
            kind = "internal-report"  # a letter to a ministry the reporter keeps with the internal records: a record
            # on its file, not a submission the organization made public
        if kind in ("news", "unknown") and _INTERVIEW_HEAD.search("\n".join(body.split("\n")[:12])):
            kind = "interview"  # "Interviewer: ... correspondent" / "Guest: Jane Roe, CEO": the guest's own words
        elif kind == "unknown":
            kind = _op_ed(body, fields)
        if kind == "unknown" and any(_DISCLOSURE.search(ln) for ln in [str(fields.get("title", "")), *body.split("\n")[:8]]
                                     if len(ln.strip()) <= 80):
            kind = "filing"  # "Half-year report -- Stock exchange announcement": the company's own disclosure
        if kind == "unknown" and guess_kind(body, str(fields.get("title", ""))) == "unknown":
            kind = form_kind(body) or path_kind(f"{ctx.path.parent.name}/{ctx.path.name}", body) or "unknown"
        if kind == "unknown" and fields.get("organization") and _REVIEW_TITLE.search(str(fields.get("title", ""))):
            kind = "internal-report"  # "title: Cyber incident review (extract)", "organization: Acme": its own
            # review of what happened, a record of what it found
        if kind == "unknown" and _A_NAME.fullmatch(str(fields.get("publisher", ""))) and not fields.get("author") \
                and _OWN_VOICE.search(_QUOTED.sub(" ", body[:2000])) and guess_kind(body, str(fields.get("title", ""))) == "unknown":
            kind = "post"  # "publisher: Acme Library" over "We can now confirm ...": its own page, in its own voice
            fields["organization"] = fields["publisher"]  # (whatever its heading's first words look like)
    if kind not in INTERNAL_DOC_KINDS and _RECORDS_RELEASE.match(body.lstrip()[:200]):
        kind = "internal-report"  # "RECORDS RELEASE - INVESTIGATION FILE / Item: radio frequency ...": a record released
    held = str(fields.get("organization", ""))
    if held and (AGENCY.search(held) or _HEARING_BODY.search(held)) and not fields.get("venue") \
            and (kind if kind != "unknown" else guess_kind(body, str(fields.get("title", "")))) in ("testimony", "interview") \
            and held not in {org for _name, org in header.witnesses} \
            and not OWN_EVENT.search(next((ln for ln in body.split("\n")[:3] if ln.strip()), "")) \
            and not _OWN_BRIEFING.match(([ln for ln in body.split("\n")[:4] if ln.strip()] + ["", ""])[1]):
        # (not "ACME UNIVERSITY -- MEDIA AVAILABILITY ON ...": the university holds its own briefing)
        fields["venue"], fields["organization"] = held, ""  # "NORTHGATE STATE BOARD OF ...": the body holding the hearing
    if kind == "post" and not fields.get("organization") and not fields.get("publisher"):
        # (a front matter's publisher is the page's owner: "publisher: Acme Ltd" over a product's heading)
        owner = publication_owner(body, ctx)
        if owner:
            fields["organization"] = owner
    if not fields.get("organization") and (kind if kind != "unknown" else guess_kind(body, str(fields.get("title", "")))) \
            == "press-release":
        announcer = _ANNOUNCER.search(body, 0, 1500)
        if announcer:  # "Acme Pharmaceuticals, Inc. announced today that ...": the release's own organization
            fields["organization"] = announcer["org"].rstrip(" ,.")
        else:
            fields["organization"] = about_us(body)
    if kind in INTERNAL_DOC_KINDS and not fields.get("organization") and header.letterhead:
        fields["organization"] = header.letterhead  # "ACME - FIELD LOG" heading a record found by its folder
    if kind in ("speech", "post", "interview") and not fields.get("author"):
        intro = _SELF_INTRO.search(body, 0, 1500)
        if intro and JOB_TITLE.search(intro["title"]):
            fields["author"] = intro["name"]  # "Hello, I'm Jane Roe, chief executive of Acme Air."
    if (kind in ("letter", "post") or kind == "internal-report") and not fields.get("author"):
        # (a record that is a letter: "Yours faithfully,\n\nJane Roe\nDirector of Maintenance")
        signer = letter_signer(body)
        if signer:
            fields["author"] = signer
            signed_org = "" if fields.get("organization") else signer_organization(body, signer)
            if signed_org:
                fields["organization"] = signed_org
    if (kind if kind != "unknown" else guess_kind(body, str(fields.get("title", "")))) in ("press-release", "filing") \
            and not fields.get("author"):
        signed = release_signer(body)
        if signed:  # "Jane Roe, Group Chief Executive" closing an announcement: whose words it gives
            fields["author"] = signed
        else:
            issued = _ISSUED_STATEMENT.search(body, 0, 2000)
            if issued and JOB_TITLE.search(issued["title"]):
                fields["author"] = issued["name"]  # "Jane Roe, Chief Executive of Acme, issued the following statement:"
    if header.spellings:  # one organization named twice in its letterhead: the corpus names it once
        fields["owners"] = ownership(body) + header.spellings
    return make_document(ctx, text=body, part=part, kind=kind, date=date, line_base=line_base, **fields)


#: A title naming an organization's review of an event: "... incident review", "Lessons learned", "Investigation report".
_REVIEW_TITLE = re.compile(r"(?i)\b(?:incident|internal|post-?incident|independent)[ \t]review\b|\blessons[ \t]learn|"
                           r"\binvestigation[ \t](?:report|findings|summary)\b|\breview[ \t]of[ \t]the[ \t](?:incident|attack|failure|outage)\b")


#: A released record's heading: "RECORDS RELEASE - INVESTIGATION FILE", "Released under the Freedom of Information Act".
_RECORDS_RELEASE = re.compile(r"(?i)(?:records?|documents?|file)[ \t]release\b|released[ \t]under[ \t](?:the[ \t])?(?:freedom[ \t]of[ \t]information|foi)")


#: The line under a letterhead saying the body holds the event itself: "Press conference, Northgate, 11 May".
_OWN_BRIEFING = re.compile(r"(?i)[ \t]{0,8}\W{0,3}(?:press|news|media)[ \t]{1,3}(?:conference|briefing)\b")


#: A body that holds hearings, by its name's last word: "World Motor Sport Council", "Appeals Tribunal".
_HEARING_BODY = re.compile(r"\b(?:Council|Tribunal|Court|Commission|Committee|Inquiry|Assembly)$")


#: A page divider of a records release: a rule, then the page's Bates number ("------ ACME-FOI-000412").
_BATES_DIVIDER = re.compile(r"^[ \t]{0,8}[-=_]{8,}(?:[ \t]{1,8}|[ \t]{0,8}\n[ \t]{0,8})"  # (or the number on the line below the rule)
                            r"(?P<bates>[A-Z][A-Z0-9]{0,11}(?:[-_.][A-Z0-9]{1,12}){0,3}[-_. ]\d{3,10})[ \t]{0,8}$",
                            re.M)


#: A released page that goes with the record before it: "Attachment A: ...", "Enclosure 2".
_ATTACHED = re.compile(r"(?i)(?:attachment|enclosure|annex|appendix|schedule)\b")
#: What follows a release's last record: page footers ("Page 1 of 2", "Page footer: ...") and bracketed notes.
_RELEASE_TAIL = re.compile(r"(?im)^[ \t]*page\b[^\n]{0,80}$|\[[^\]]{0,800}\]")


def _released_records(body: str, ctx: ReadContext, fields: dict[str, Any], line_base: int) -> list[Document]:
    """A records release (an FOI or court production whose pages carry Bates numbers between rules):
    one document per released record, read with its own header, date and author; released, not
    published, so each is an internal record of whoever wrote it (the releasing body's, when the page
    names no writer). The release's cover is read as one more document. [] when ``body`` is no such release."""
    dividers = list(_BATES_DIVIDER.finditer(body))
    if len(dividers) < 2:
        return _closed_records(body, ctx, fields, line_base) or _excerpt_records(body, ctx, fields, line_base)
    docs, cover_date, releaser = _release_cover(body[:dividers[0].start()], ctx, fields, line_base)
    for n, (m, nxt) in enumerate(zip(dividers, dividers[1:] + [None]), 1):
        start = m.end() + 1
        end = nxt.start() if nxt is not None else len(body)
        page = body[start:end]
        if nxt is None and len(_RELEASE_TAIL.sub("", page).strip()) < 40:
            continue  # after the last record's closing number: the release's page footer and notes
        if len(page.strip()) < 40:
            continue  # the blank between one record's closing number and the next's opening one
        lead = len(page) - len(page.lstrip("\n"))
        page_base = line_base + body.count("\n", 0, start + lead)
        docs.append(_released_page(page, ctx, page_base, n, cover_date, docs, releaser))
    return docs


#: A public body's kind in the languages releases come in ("ORGANISMO NACIONAL DE ... (ONA)", "REGISTRO NACIONAL").
_BODY_WORD = re.compile(r"(?i)\b(?:organismo|organisme|instituto|institut|registro|agencia|agence|autoridad|autorit|ministerio|"
                        r"minist|comisi[oó]n|commission|oficina|servicio|service|direcci[oó]n|direction|superintendenc|tribunal|"
                        r"corte|court|consejo|conseil|council|authority|agency|office|bureau|board|department|departamento)")


def _release_cover(cover: str, ctx: ReadContext, fields: dict[str, Any], line_base: int
                   ) -> tuple[list[Document], DateValue | None, str]:
    """A release's cover: its document (when it says anything), its date (the pages' default) and
    the releasing body ("WEST VIRGINIA DEPARTMENT OF FAIR TRADE" heading it), for the pages that
    name no writer."""
    cover_doc = _read_body(cover, ctx, fields, line_base, part="cover") if cover.strip() else None
    cover_date = cover_doc.date if cover_doc is not None and cover_doc.date.known else None
    first = next((ln.strip() for ln in cover.split("\n") if ln.strip()), "")
    named = re.sub(r"[ \t]{1,3}\([A-Z][A-Za-z&]{1,8}\)$", "", first)  # "ORGANISMO NACIONAL DE ... (ONA)"
    releaser = _org_case(first) if first.isupper() and AGENCY.search(_org_case(first)) else \
        _org_case(named) if named != first and named.isupper() and len(named.split()) >= 3 and _BODY_WORD.search(named) \
        and not {w.lower().strip(".,") for w in named.split()} & (FORM_WORDS - {"of", "and", "the", "a", "in", "on", "for"}) else ""
    if not releaser:  # "RESPONSE TO A REQUEST FOR ACCESS ..." over "Ministry of Fair Trade - Legal Department": the body below the form
        releaser = next((name for ln in [x for x in cover.split("\n") if x.strip()][1:4]
                         if (name := letterhead(ln)) and AGENCY.search(name)), "")
        if releaser and cover_doc is not None and not cover_doc.organization:
            cover_doc = dataclasses.replace(cover_doc, organization=releaser,
                                            kind="letter" if cover_doc.kind in ("news", "unknown") else cover_doc.kind)
            # (the body's reply to the requester, under its own name: no story about it)
    return ([cover_doc] if cover_doc is not None and len(cover.strip()) >= 40 else []), cover_date, releaser


def _released_page(page: str, ctx: ReadContext, page_base: int, n: int, cover_date: DateValue | None,
                   before: list[Document], releaser: str) -> Document:
    """One released page read as an internal record: its own header, date and writer (a released
    letter signed "Sincerely, Jane Roe"); an attachment ("Attachment A: ...") the record before's;
    the releasing body's when nothing else names whose it is."""
    doc = _read_body(page.strip("\n").rstrip(), ctx, {}, page_base, part=f"rec{n}", default_date=cover_date)
    kind = doc.kind if doc.kind in INTERNAL_DOC_KINDS else "internal-report"
    org, author = doc.organization, doc.author or letter_signer(page)
    if not org and before and _ATTACHED.match(page.lstrip()):
        org, author = before[-1].organization, author or before[-1].author
    return dataclasses.replace(doc, kind=kind, organization=org or releaser, author=author)


#: A page's closing Bates number, set to the right, then the rule under the page:
#: "                                     ACME-WOB-000214\n--------------------".
_BATES_CLOSING = re.compile(r"^[ \t]{4,}(?P<bates>[A-Z][A-Z0-9]{0,11}(?:[-_][A-Z0-9]{1,12}){0,3}[-_ ]\d{3,10})[ \t]{0,8}\n"
                            r"[ \t]{0,8}[-=_]{8,}[ \t]{0,8}$", re.M)
#: A rule on a line of its own: where a release's cover ends and its first page begins.
_RULE_LINE = re.compile(r"^[ \t]{0,8}[-=_]{8,}[ \t]{0,8}$", re.M)


def _closed_records(body: str, ctx: ReadContext, fields: dict[str, Any], line_base: int) -> list[Document]:
    """A records release whose pages end with their Bates number over a rule (the number closes
    the page instead of opening it): the cover runs to the first rule, each page to its number;
    read as :func:`_released_records` reads its pages. [] when ``body`` is no such release."""
    closings = list(_BATES_CLOSING.finditer(body))
    if len(closings) < 2:
        return []
    first_rule = _RULE_LINE.search(body, 0, closings[0].start())
    if first_rule is None:
        return []
    docs, cover_date, releaser = _release_cover(body[:first_rule.start()], ctx, fields, line_base)
    start = first_rule.start()
    for n, m in enumerate(closings, 1):
        page = body[start:m.start()]
        page_start = start
        start = m.end() + 1
        text = _RULE_LINE.sub("", page)
        if len(_RELEASE_TAIL.sub("", text).strip()) < 40:
            continue  # a page withheld in full: "[Page ... withheld under art. 10.]"
        page_base = line_base + body.count("\n", 0, page_start) + page.count("\n", 0, page.find(text.strip()[:20]))
        docs.append(_released_page(text, ctx, page_base, n, cover_date, docs, releaser))
    return docs


#: A released record's heading under a rule: "EXCERPT 1 - Application for a production order", "DOC. 47 - notes", "ENCLOSURE 2 --
#: letter of 3 May", "EXCERPT A -- Acme Agency, Security Division" (the label, its number or letter, its title).
_EXCERPT_HEAD = re.compile(r"^[ \t]{0,8}[-=_]{8,}[ \t]{0,8}\n[ \t]{0,8}(?P<label>(?:EXCERPT|EXTRACT|ENCLOSURE|ATTACHMENT|EXHIBIT|ANNEX|"
                           r"DOCUMENT|RECORD|DOC\.|ITEM)[ \t]{1,3}(?:N[oº°]\.?[ \t]{0,2})?(?:[A-Z]|\d{1,3})\b[^\n]{0,200})$", re.M)
#: A released record the release says its organization filed with the authority: "(as submitted by the company)",
#: "filed by the operator".
_AS_FILED = re.compile(r"(?i)\b(?:as\s(?:submitted|filed|lodged)\sby|submitted\sby\sthe|filed\sby\sthe)\b")
#: The label naming whose filing a released form is: "Company: Acme Refining S.A.A.", "Operator: Acme".
_FILED_FOR = re.compile(r"(?im)^[ \t]{0,4}(?:company|operator|licensee|registrant|applicant|permit holder)[ \t]{0,3}:[ \t]{0,3}"
                        r"(?P<org>[A-Z][^\n]{1,80})$")


#: A released record that is the releasing authority's own decision: "Resolution No. 1741", "Resolución Directoral",
#: "Order of 3 May", "Decision notice", "Judgment".
_RULING = re.compile(r"(?i)^\W{0,4}(?:resoluci[oó]n|resolution|decision|decisi[oó]n|order|ruling|judg(?:e)?ment|sentencia|"
                     r"determination|finding)s?\b")
#: A released record's title naming its organization, then the unit that wrote it: "Acme Agency, Security Division".
_ORG_AND_UNIT = re.compile(r"(?P<org>[A-Z][\w&.'’\-]{1,30}(?:[ \t][A-Z&][\w&.'’\-]{0,30}){0,5}),[ \t]{1,3}(?P<unit>[A-Z][^,\n]{2,80})$")
_RELEASE_UNITS = frozenset({"division", "directorate", "branch", "office", "unit", "section", "bureau", "secretariat"})


def _excerpt_records(body: str, ctx: ReadContext, fields: dict[str, Any], line_base: int) -> list[Document]:
    """A records release whose records are headed "EXCERPT 1 - ...", "ENCLOSURE 2 - ..." under rules (an
    access-to-information reply, a tabled set of documents): the cover, then one document per record, read
    with its own header, date and writer. A record the release says its organization filed with the authority
    ("as submitted by the company") is that organization's filing, its public word; a published decision
    stays public; any other is a released internal record. [] when ``body`` is no such release."""
    heads = list(_EXCERPT_HEAD.finditer(body))
    if len(heads) < 2:
        return _delimited_extracts(body, ctx, fields, line_base)
    docs, cover_date, releaser = _release_cover(body[:heads[0].start()], ctx, fields, line_base)
    made = _MADE_BY_ORG.search(body[:heads[0].start()])  # "the ITOs filed by the Northgate Police Service": the records' maker
    maker = made["org"].strip() if made else ""
    for n, (m, nxt) in enumerate(zip(heads, heads[1:] + [None]), 1):
        start = m.start("label")
        page = _RULE_LINE.sub("", body[start:nxt.start() if nxt is not None else len(body)])
        if len(_RELEASE_TAIL.sub("", page).strip()) < 40:
            continue  # a record withheld in full
        page_base = line_base + body.count("\n", 0, start)
        label = m["label"]
        told = next((d.value for d in find_dates(label, anchor=cover_date.start if cover_date else None) if d.value.known and d.value.precision in ("day", "month")), None)
        doc = _read_body(page.rstrip(), ctx, {}, page_base, part=f"ex{n}", default_date=told or cover_date)
        if told is None and (doc.date == cover_date or not doc.date.known):
            head = "\n".join(page.split("\n")[1:5])  # "Sworn: August 2017", "Date of execution: 7 December 2017"
            told = next((d.value for d in find_dates(head, anchor=cover_date.start if cover_date else None)
                         if d.value.known and d.value.precision in ("day", "month")), None)
        if told is not None and (doc.date == cover_date or not doc.date.known):
            doc = dataclasses.replace(doc, date=told)  # "EXCERPT 1 - report, filed 15/01/2022": the record's own day
        title = re.split(r"\s(?:--|[-–—])\s", label, maxsplit=1)[1] if re.search(r"\s(?:--|[-–—])\s", label) else ""
        unit = _ORG_AND_UNIT.match(title.strip())
        if not doc.organization and unit and unit["unit"].split()[-1].lower() in UNIT_WORDS | _RELEASE_UNITS:
            doc = dataclasses.replace(doc, organization=unit["org"].strip())  # "EXCERPT A -- Acme, Security Division"
        filed = _AS_FILED.search(label) or _AS_FILED.search(page[:400])
        if _RULING.search(title or label) and releaser:  # "EXCERPT 2 - Resolution No. 1741 (operative part)": the
            docs.append(dataclasses.replace(doc, kind="press-release", organization=releaser))  # authority's own decision
            continue
        named = _FILED_FOR.search(page[:1500])
        if filed:
            org = _org_case(named["org"].strip(" .")) if named else doc.organization
            docs.append(dataclasses.replace(doc, kind="filing", organization=org or doc.organization))
            continue
        if doc.kind in ("press-release", "filing", "testimony", "letter"):
            docs.append(dataclasses.replace(doc, organization=doc.organization or releaser))
            continue
        kind = doc.kind if doc.kind in INTERNAL_DOC_KINDS else "internal-report"
        docs.append(dataclasses.replace(doc, kind=kind, organization=doc.organization or maker or releaser,
                                        author=doc.author or letter_signer(page)))
    return docs


#: The marks around a record a release quotes whole: "--- EXTRACT BEGINS ---" ... "--- EXTRACT ENDS ---",
#: "[BEGIN EXCERPT]" ... "[END EXCERPT]".
_EXTRACT_BEGINS = re.compile(r"(?im)^[ \t]{0,8}[-=*\[]{1,8}[ \t]{0,4}(?:(?:extract|excerpt)[ \t]{1,3}begins?|begin(?:s)?[ \t]{1,3}"
                             r"(?:extract|excerpt))[ \t]{0,4}[-=*\]]{1,8}[ \t]{0,8}$")
_EXTRACT_ENDS = re.compile(r"(?im)^[ \t]{0,8}[-=*\[]{1,8}[ \t]{0,4}(?:(?:extract|excerpt)[ \t]{1,3}ends?|end(?:s)?[ \t]{1,3}"
                           r"(?:extract|excerpt))[ \t]{0,4}[-=*\]]{1,8}[ \t]{0,8}$")
_TO_VALUE = re.compile(r"(?im)^[ \t]{0,4}to[ \t]{0,4}:[ \t]{0,8}(?P<to>[^\n]{2,160})$")


def _delimited_extracts(body: str, ctx: ReadContext, fields: dict[str, Any], line_base: int) -> list[Document]:
    """A release that quotes records whole between marks ("--- EXTRACT BEGINS ---" ... "--- EXTRACT ENDS ---"):
    the cover and its notes as one document, each record as one more, read with its own header, date and
    writer. A record one organization addressed to another ("From: Acme Corp., Security Office" / "To: the
    regulator, Incident Response") is its word to that body, a letter; any other is a released internal
    record. [] when ``body`` quotes no record so."""
    begins, ends = list(_EXTRACT_BEGINS.finditer(body)), list(_EXTRACT_ENDS.finditer(body))
    spans: list[tuple[int, int, int]] = []  # (begin mark's start, record's start, record's end)
    for b in begins:
        end = next((e for e in ends if e.start() > b.end()), None)
        if end is None or (spans and b.start() < spans[-1][2]):
            continue
        spans.append((b.start(), b.end() + 1, end.start()))
    if not spans:
        return []
    cover = body
    for start, _, stop in reversed(spans):  # the cover keeps its notes; each record's lines leave it blank
        cover = cover[:start] + "\n" * body.count("\n", start, stop) + cover[stop:]
    docs, cover_date, releaser = _release_cover(cover, ctx, fields, line_base)
    for n, (_, start, stop) in enumerate(spans, 1):
        page = body[start:stop]
        if len(page.strip()) < 40:
            continue
        doc = _read_body(page.rstrip(), ctx, {}, line_base + body.count("\n", 0, start), part=f"ex{n}",
                         default_date=cover_date)
        to = _TO_VALUE.search(page[:1500])
        addressed = org_of_phrase(to["to"]) or to["to"].split(",")[0].strip() if to else ""
        if doc.organization and addressed and addressed.split()[0].lower() != doc.organization.split()[0].lower():
            docs.append(dataclasses.replace(doc, kind="letter"))  # its word to another body
            continue
        kind = doc.kind if doc.kind in INTERNAL_DOC_KINDS else "internal-report"
        docs.append(dataclasses.replace(doc, kind=kind, organization=doc.organization or releaser,
                                        author=doc.author or letter_signer(page)))
    return docs


#: A release's cover naming who made the records it releases: "the informations filed by the Northgate Police
#: Service", "documents produced by Acme Ltd".
_MADE_BY_ORG = re.compile(r"\b(?:filed|produced|prepared|submitted|written|kept)[ \t\n]{1,3}by[ \t\n]{1,3}(?:the[ \t\n]{1,3})?"
                          r"(?P<org>[A-Z][\w&.'’\-]{1,30}(?:[ \t\n](?:of[ \t\n]|for[ \t\n]|and[ \t\n])?[A-Z][\w&.'’\-]{1,30}){0,5})")


#: The organization a release opens with, named with its legal form: "Acme Pharmaceuticals, Inc.
#: announced today that ...", "Northgate Water plc (LSE: NGW) today reported ...".
_ANNOUNCER = re.compile(r"(?:^|\n|\.[ \t]{1,3}|--[ \t]{1,3})(?P<org>[A-Z][\w&.'\-]{1,30}(?:[ \t][A-Z&][\w&.'\-]{0,30}){0,4},?[ \t]"
                        r"(?:Inc|Incorporated|Corp|Corporation|Ltd|Limited|LLC|plc|PLC|AG|GmbH|S\.A|N\.V|Co)\.?)"
                        r"(?:\s\([^()]{1,60}\)){0,2}\s{1,3}(?:today\s|on[ \t]\w+\s)?"
                        r"(?:announced|reported|said|confirmed|released|issued|launched|received)\b")


_SIGN_OFF = re.compile(r"^[ \t]{0,8}(?:sincerely|sincerely yours|yours sincerely|respectfully|respectfully yours|"
                       r"yours truly|very truly yours|yours faithfully|faithfully yours|faithfully|cordially|yours cordially|"
                       r"regards|best regards|kind regards|warm regards|with regards|with best regards|with kind regards|"
                       r"best wishes)[ \t]{0,4},?[ \t]{0,8}$", re.I)
_NAME_LINE = re.compile(r"[ \t]{0,8}((?:(?:Mr|Ms|Mrs|Dr)\.?[ \t]{1,4})?[A-Z][\w.'\-]{0,30}(?:[ \t]{1,4}[A-Z][\w.'\-]{0,30}){1,3})"
                        r"[ \t]{0,8}")


def letter_signer(body: str) -> str:
    """Who signs a letter: the name line after its sign-off ("Sincerely,\n\nJane Roe\nVice
    President, Acme"), or, in a letter that opens "Dear ...", the name under the office that closes
    it ("The Minister of Fair Trade,\nJ.A. van Roe"); "" when there is none."""
    lines = _closing_lines(body)
    for n, line in enumerate(lines):
        if _SIGN_OFF.match(line):
            rest = lines[n + 1:]
            if rest:
                m = _NAME_LINE.fullmatch(rest[0])
                if m:
                    return m.group(1)
    last = lines[-2:]
    if len(last) == 2 and SALUTATION.search(body[:3000]) and last[0].endswith(",") and len(last[0]) <= 100 \
            and JOB_TITLE.search(last[0]):
        m = _CLOSING_NAME.fullmatch(last[1])
        if m:
            return last[1]
    named = _NAME_LINE.fullmatch(last[0]) if len(last) == 2 else None
    if named and len(last[1]) <= 100 and _signed_title(last[1].split(",")[0]) and not ORG_WORDS.search(last[0]):
        return named.group(1)  # "Jane Roe\nClub Doctor, Acme Football Club": signed, no sign-off
    return ""


def about_us(body: str) -> str:
    """The organization a release's closing boilerplate is about: "About Acme Air" on a line of its own,
    then a paragraph that opens with the name ("Acme Air is the national carrier of ..."); "" when none is."""
    for m in _ABOUT_US.finditer(body):
        org = m["org"]
        rest = body[m.end():m.end() + 200].lstrip()
        if rest.startswith(org) or rest.lower().startswith("the " + org.lower()):
            return org
    return ""


#: The heading of a release's boilerplate about its organization: "About Acme Air", "## About Acme Corp.:".
_ABOUT_US = re.compile(r"(?m)^[ \t]{0,4}(?:#{1,3}[ \t]{1,3})?\**About[ \t]{1,3}(?P<org>[A-Z][\w&.'\-]{0,30}(?:[ \t][A-Z&][\w&.'\-]{0,30}){0,5}?)"
                       r"\.?\**[ \t]{0,3}:?[ \t]{0,3}$")


def release_signer(body: str) -> str:
    """Who signs a release on a line of their own among its last lines: "Jane Roe, Group Chief
    Executive" -> "Jane Roe"; "" when none does, or when the line is a media contact's ("Jane Roe,
    Media Relations Manager")."""
    closing = _closing_lines(body)[-4:]
    for n, line in enumerate(closing):
        m = _SIGNED_RELEASE.fullmatch(line)
        if m and JOB_TITLE.search(m["title"]) and (not _CONTACT_TITLE.search(m["title"]) or n == len(closing) - 1
                                                   and _SPOKESPERSON.fullmatch(m["title"].strip())):
            return m["name"]  # (a statement signed "Jane Roe, Spokeswoman" on its last line is hers)
    if len(closing) >= 2:  # "Jane Roe\nChief Executive Officer, Acme Group": the name, its title under it
        named = _NAME_LINE.fullmatch(closing[-2])
        title = closing[-1].split(",")[0]
        if named and len(closing[-1]) <= 100 and JOB_TITLE.search(title) and not _CONTACT_TITLE.search(title) \
                and not ORG_WORDS.search(closing[-2]):
            return named.group(1)
    return ""


#: A release's signature line: a person's name, a comma, a title.
_SIGNED_RELEASE = re.compile(r"(?P<name>[A-Z][\w.'’\-]{1,30}(?:[ \t][A-Z][\w.'’\-]{1,30}){1,3}),[ \t]{1,3}(?P<title>[A-Z][^\n,;:]{2,60}?)\.?")
#: A release that gives one person's statement: "Jane Roe, Commissioner of the Acme Agency (AA), issued the
#: following statement today:" (the words that follow, quoted, are hers).
_ISSUED_STATEMENT = re.compile(r"(?P<name>[A-Z][\w.'’\-]{1,30}(?:[ \t][A-Z][\w.'’\-]{1,30}){1,3}),[ \t]{1,3}"
                               r"(?P<title>[A-Za-z][^\n;:\"“]{2,120}?),?[ \t]{1,3}(?:today[ \t]{1,3})?"
                               r"(?:issued|released|made|gave|delivered)[ \t]{1,3}the[ \t]{1,3}following[ \t]{1,3}statement\b")
#: A spokesperson's title alone: "Spokesman", "Chief Spokeswoman".
_SPOKESPERSON = re.compile(r"(?i)(?:(?:chief|official|company|group|senior)[ \t])?spokes(?:man|woman|person)")
#: Titles of whom to contact about a release, not of its voice.
_CONTACT_TITLE = re.compile(r"(?i)\b(?:media|press|communications?|relations|contact|spokes\w*|public affairs|investor)\b")


def _closing_lines(body: str) -> list[str]:
    """The non-blank lines (stripped) among a document's last 25, without an editor's note in
    brackets after its signature ("[Reconstruction ...; wording invented.]")."""
    return [ln.strip() for ln in _TRAILING_NOTE.sub("", body.rstrip()).split("\n")[-25:] if ln.strip()]


#: An editor's note in brackets closing a document, after its signature.
_TRAILING_NOTE = re.compile(r"\n[ \t]{0,8}\[[^\[\]]{0,600}\][ \t]{0,8}$")
#: A title under a signature: a job word, or a profession's ("Club Doctor", "Head Coach", "Team Captain").
_SIGNED_TITLE = re.compile(r"(?i)\b(?:doctor|physician|surgeon|nurse|coach|captain|pilot|superintendent|principal|"
                           r"registrar|clerk|pharmacist)\b")
#: A name's last word that makes it an organization's, beyond the legal and sector words: "Acme Football Club".
_SIGNED_ORG = re.compile(r"\b(?:Club|Federation|League|Union|Society|Hospital|School|College|Church|Police|Service|Trust)\b")


def _signed_title(text: str) -> bool:
    return bool(JOB_TITLE.search(text) or _SIGNED_TITLE.search(text))


def signer_organization(body: str, signer: str) -> str:
    """The organization a signature gives under its name: "Jane Roe\nClub Doctor, Acme Football
    Club" -> "Acme Football Club"; "" when the line under the name names none."""
    lines = _closing_lines(body)
    for n, line in enumerate(lines[:-1]):
        if line == signer or line.startswith(signer + " "):
            title, comma, org = lines[n + 1].partition(",")
            org = org.strip().rstrip(".")
            if comma and _signed_title(title) and (ORG_WORDS.search(org) or _SIGNED_ORG.search(org)) \
                    and len(org.split()) <= 6 and org[:1].isupper():
                return org
    return ""


#: The name under an office closing a letter, initials and small words allowed: "A.C. van Roe", "Jane Roe".
_CLOSING_NAME = re.compile(r"(?:(?:[A-Z]\.){1,4}[ \t]?|[A-Z][a-z'\-]{1,20}[ \t])(?:[a-z]{1,4}[ \t]){0,2}[A-Z][\w'\-]{1,30}")


#: A title naming whose statement a document is: "Acme statement on ...", "Acme responds to ...".
_TITLE_ORG = re.compile(r"(?P<org>[A-Z][\w&.'\-]{1,30}(?: [A-Z][\w&.'\-]{1,30}){0,3})(?:'s|’s)? "
                        r"(?:statement|responds|response|announces|update|says|comments)\b")

#: An author that is an organization's team: "Acme Engineering", "Acme Trust and Safety Team".
_UNIT_AUTHOR = re.compile(r"(?P<org>[A-Z][\w&.\-]{1,40}(?: [A-Z][\w&.\-]{1,40}){0,2}?) (?P<unit>[A-Z][a-z]{1,20}(?: (?:[A-Z][a-z]{1,20}|and|&)){0,3})")


def _team_of(author: str) -> str:
    """The organization of an author that is one of its teams ("Acme Engineering", "Acme
    International Corporate Affairs": a name, then unit words only), or ""."""
    if not _UNIT_AUTHOR.fullmatch(author):
        return ""
    words = author.split()
    if len(words) > 2 and words[0].lower() == "the":
        words = words[1:]  # "The Acme Team": Acme's team
    for k in range(1, min(len(words), 4)):
        unit = words[k:]
        if unit and unit[0][:1].isupper() and all(w.lower() in UNIT_WORDS for w in unit) \
                and not all(w.lower() in UNIT_WORDS for w in words[:k]):  # ("Corporate Communications": a unit)
            return " ".join(words[:k])
    return ""


#: An office as an author: "Office of the President", "President's Office", "Press Office".
_AN_OFFICE = re.compile(r"(?i)(?:the\s)?office\sof\b|[\w'’. ]{1,40}\soffice$")


def _names_title(name: str, title: str) -> bool:
    """Does the name a header found open the document's title (a product's name heading its sheet)?"""
    def squash(x: str) -> str:
        return re.sub(r"[^a-z0-9]", "", re.sub(r"\((?:R|TM|C)\)|[®™©]", "", x).lower())
    return bool(squash(name)) and squash(title).startswith(squash(name))


#: A broadcast heading's line naming its guest: "Guest: Jane Roe, President of Acme".
_GUEST_LINE = re.compile(r"(?im)^\W{0,4}guests?[ \t]{0,3}:")  # (an inquiry's "Interviewee:" is heard by the body heading it)


def _apply_header(fields: dict[str, Any], header: Header, header_text: str = "") -> None:
    """Author and organization: the front matter's, read as "Name, Title, Organization"; else the header's."""
    author = fields.get("author", "")
    if author:
        # "Corporate Communications Department": a unit writing in the organization's name names
        # no organization of its own (the source or header does)
        org = "" if set(re.findall(r"[a-z]+", author.lower())) <= UNIT_WORDS else org_of_phrase(author)
        unit, comma, owner = author.rpartition(",")
        if not org and comma and unit.split() and unit.split()[-1].lower() in UNIT_WORDS \
                and not re.search(r"\d|\b[A-Z]{2,}\b", unit) \
                and re.fullmatch(r"[A-Z][\w&.'’\-]{1,40}(?:[ \t][A-Z][\w&.'’\-]{1,40}){0,3}", owner.strip()):
            org = owner.strip()  # "Network Reliability Engineering, Acme": a unit, then the organization it is part of
            # (not "ACME Region 8 Public Affairs, Denver": the unit names its organization, then a place)
        name = re.split(r"(?<!\s)\s*,", author, maxsplit=1)[0].strip()
        if org and name != author and (LEGAL_WORD.search(name) or name.strip(" .") == org.strip(" .")):
            fields["author"] = ""  # "Acme International Inc., Media Relations": the company's office, no person
        elif (org or JOB_TITLE.search(author[len(name):])) and name != author:
            # "Dana Roe, VP & Deputy General Counsel": the name ("Office of the President, Acme
            # University": an office, no person)
            fields["author"] = "" if _AN_OFFICE.match(name) or set(name.lower().split()) <= UNIT_WORDS else name
            # ("Editorial management, Acme": a unit writing in the organization's name, no person)
        elif org and OFFICE.search(author):
            fields["author"] = ""  # "Acme Group Communications": an office, not a speaker
            office = OFFICE.search(" " + org)
            org = ((" " + org)[:office.start()].strip(" ,") if office else "") or org  # ("Acme Health Press Office")
            owner = re.split(r"\s(?:--|[-–—|:])\s|,", str(fields.get("publisher", "")), maxsplit=1)[0].strip()
            if len(org) <= 3 and owner[:1].isupper() and not set(owner.lower().split()) & _GENRE_WORDS:
                org = owner  # "KI Communications Office" writing on "Acme Institutet -- News": the publisher's own
        elif set(re.findall(r"[a-z]+", author.lower())) <= UNIT_WORDS:
            fields["author"] = ""  # "Corporate Communications": a unit writing in the organization's name, no person
        elif org and org.strip(" .") == author.strip(" .") and ORG_WORDS.search(author):
            fields["author"] = ""  # "author: Stichting Acme Hulp": the organization itself, no person
        elif not org:
            team = _team_of(author.strip())
            if team:
                fields["author"], org = "", team  # "Acme Engineering", "Acme Security Team": a team
                # writing in the organization's name, not a person
        if org and not fields.get("organization"):
            fields["organization"] = org
    by = BY_LINE.match(fields.get("title", "")) if not fields.get("author") else None
    maker = statement_maker(str(fields.get("title", ""))) if not fields.get("author") and not by else ""
    if maker:  # title: "Statement from President Jane Roe"
        fields["author"] = maker
    elif by:  # title: "Statement of Dr. Dana Roe, CEO of Acme"
        fields["author"] = re.split(r"(?<!\s)\s*,", by["rest"], maxsplit=1)[0].strip()
        org = org_of_phrase(by["rest"]) or org_of_phrase(re.sub(r"(?i)^.*?\bof\s+", "", by["rest"].split(",", 1)[-1]))
        if org and not fields.get("organization"):
            fields["organization"] = org
    elif header.author:
        fields["author"] = header.author
    if not fields.get("organization"):
        org = header.organization
        guests = [o for _p, o in header.witnesses if o and o != org]  # (not the host, who asks for the channel)
        if org and guests and _GUEST_LINE.search(header_text):
            fields.setdefault("venue", org)  # "BROADCASTER -- LIVE INTERVIEW" over "Guest: Jane Roe, President of Acme":
            org = guests[0]  # the channel holds the interview; the guest speaks for Acme
        if org and fields.get("publisher") and _names_title(org, str(fields.get("title", ""))):
            org = ""  # "# Acme(R) Board" heading a product sheet that "publisher: Acme Ltd" put out: a product
        org = org or org_of_phrase(fields.get("publisher", ""))
        author = fields.get("author", "")
        if not org and re.fullmatch(r"[A-Z][\w&.\-]{1,40}", author or "") and not title_only(author):
            org = author  # "author: Acme" on a post: one name, an organization's, not a person's (not
            # "FROM: Vice-President": a title)
        squash = lambda x: re.sub(r"[^a-z]", "", x.lower())  # noqa: E731
        if not org and author and squash(author) and squash(author) == squash(fields.get("publisher", "")):
            org, fields["author"] = author, ""  # "author: Acme Trust" on acmetrust.com: the organization, no person
        titled = _TITLE_ORG.match(fields.get("title", "")) if not org else None
        if titled:
            org = titled["org"]  # title: "Acme statement on warehouse injury reporting"
        if org:
            fields["organization"] = org
    if not fields.get("title") and header.title:
        fields["title"] = header.title
    if header.witnesses:
        fields["people"] = header.witnesses
        if not fields.get("organization"):
            orgs = [o for _p, o in header.witnesses if o]
            if orgs:
                fields["organization"] = orgs[0]  # the first witness's: whose testimony the hearing takes
    if header.venue:
        fields["venue"] = header.venue


#: A title line naming an organization's own working record: notes, minutes, a log, a case note,
#: a briefing, an inventory or inspection, an incident write-up, a working draft.
_RECORD_TITLE = re.compile(
    r"\b(?:(?:meeting|call|visit|field|sales call|site|case|technical|briefing|handover|file|call-?)\s*notes?|(?<!\d )minutes|"
    r"(?:shift|duty|incident|event|call|test|maintenance|change)\s+log|log export|case (?:note|record|response)|"
    r"response record|technical note|briefing note|inventory (?:check|count|record)|inspection (?:summary|record|findings)|"
    r"incident (?:doc|document|review|summary|report)|post-?incident review|post-?mortem|working (?:document|draft))\b", re.I)
#: Labels of an internal record's header: who it went to, who was there, who owns it.
_RECORD_LABEL = re.compile(r"^[ \t*_#>\-]{0,6}(?:distribution|circulation|attendees|present|participants|owner|"
                           r"requested by|prepared by|prepared for|version|case no|action items?|cc)[ \t*_]{0,4}[:.]",
                           re.I | re.M)
#: Genres an organization publishes to everyone (a notice, a bulletin, a newsletter): not records.
_NOTICE_TITLE = re.compile(r"\b(?:notice|bulletin|newsletter|news|announcement|press release)\b", re.I)


#: The role lines heading an interview transcript: who asks and who answers.
_INTERVIEW_HEAD = re.compile(r"(?im)^\W{0,4}(?:interviewer|host|moderator)\s*:.*\n(?:.*\n){0,3}?\W{0,4}"
                             r"(?:guest|interviewee)s?\s*:|^\W{0,4}(?:guest|interviewee)s?\s*:.*\n(?:.*\n){0,3}?\W{0,4}"
                             r"(?:interviewer|host|moderator)\s*:")


#: A company's own disclosure to the market, by its title line.
_DISCLOSURE = re.compile(r"\b(?:company announcement|stock exchange announcement|(?:asx|nzx|sgx|jse|tsx|market|regulatory|"
                         r"exchange) announcement|(?:interim|annual|quarterly|half-year|"
                         r"half-yearly)(?: financial)? report|directors['’] report|trading (?:update|statement)|investor update|"
                         r"earnings release|results announcement)\b"
                         # a listed company's heading ("ANNOUNCEMENT - DATA SECURITY EVENT") and code line ("(Stock Code: 293)")
                         r"|^\W{0,4}announcement(?:[ \t]{1,3}[-–—:][ \t]|[ \t]*$)|\(stock code:?[ \t]{0,3}\d{1,6}\)"
                         # a listed company's heading lines: "(Incorporated in the Republic of ...)", "Share codes: ..."
                         r"|^\W{0,4}\(incorporated in [^()\n]{3,60}\)|\bshare codes?[ \t]{0,3}:", re.I)
_OPINION = re.compile(r"^\W{0,4}(?:opinion|op-?ed|guest (?:column|essay|opinion)|commentary|viewpoint)\b", re.I)
_OP_ED_BY = re.compile(r"^\W{0,4}(?i:by)\s+(?P<name>[A-Z][\w.'\-]{0,30}(?:\s[A-Z][\w.'\-]{0,30}){1,3}),\s*(?P<rest>[^\n]{3,200})$")


def _op_ed(body: str, fields: dict[str, Any]) -> str:
    """"post" for an opinion piece signed by an organization's officer ("Opinion | ..." over
    "By Jane Roe, Chief Executive Officer, Acme Corp"): the organization's own public words, its
    author the signer. "unknown" otherwise (a columnist's byline leaves it to the news reader)."""
    head = [ln for ln in body.split("\n")[:8] if ln.strip()]
    if not any(_OPINION.match(ln) for ln in head):
        return "unknown"
    for ln in head:
        m = _OP_ED_BY.match(ln.strip())
        if m and JOB_TITLE.search(m["rest"]) and org_of_phrase(m["rest"]):
            fields.setdefault("author", m["name"])
            fields.setdefault("organization", org_of_phrase(m["rest"]))
            return "post"
    return "unknown"


def record_form(body: str) -> str:
    """"internal-report" when the head of an otherwise unclassified text is an internal record's:
    a title line naming one (meeting or call notes, minutes, a shift log, a case or technical
    note, a briefing note, an inventory check, an incident document, a working draft), or two
    labels of an internal header (Distribution, Attendees, Present, Owner, Requested by, Version,
    ...). A notice, bulletin or newsletter is not a record; "" otherwise."""
    lines = [ln for ln in body.split("\n")[:40] if ln.strip()]
    titles = [ln for ln in lines[:8] if not ln.lstrip().startswith(("[", "(")) and len(ln.strip()) <= 120][:6]
    if any(_NOTICE_TITLE.search(ln) and len(ln.strip()) <= 80 for ln in titles[:3]):
        return ""
    if any(_RECORD_TITLE.search(ln) and not re.search(r"[a-z]\.[ \t]+[A-Z]", ln) for ln in titles):
        # (a title is no sentence: "The Chair: ... Commissioner, you have five minutes." names no minutes)
        return "internal-report"
    if len({m.group(0).strip(" \t*_#>-:.").lower() for m in _RECORD_LABEL.finditer("\n".join(lines[:20]))}) >= 2:
        return "internal-report"
    return ""


#: A form's field line, "Shoot date: Thursday, October 12" or "FDN No.: 02-0147": a short label in
#: words that are not all capitals (not a transcript's "MR. ROE:"), a colon, a value.
_FORM_FIELD = re.compile(r"^[ \t]{0,4}[*_]{0,2}(?P<label>[A-Z][A-Za-z.()/#&'\-]{0,20}(?:[ \t][A-Za-z.()/#&'\-]{1,20}){0,3})"
                         r"[ \t]{0,2}:[*_]{0,2}[ \t]{1,8}\S", re.M)
#: An organization's own publication by its genre, named in its first lines: an advertisement, a
#: social-media post, a status page's incident history.
_OWN_PUBLICATION = re.compile(r"\b(?:(?:full-page |print |newspaper )?advertisement|ad copy|social(?:[- ]media)? post|"
                              r"official (?:page|account|channel)|status page|incident history|help[- ]cent(?:er|re)|"
                              r"help page|was this (?:article|page|answer) helpful)\b|^[ \t]{0,4}post(?:ed| text)[ \t]{0,2}:",
                              re.I | re.M)
#: Labels of a page's or a release's furniture, not of a record's form.
_PAGE_LABELS = frozenset({"published", "updated", "posted", "author", "by", "byline", "url", "link", "source", "section",
                          "tags", "contact", "media contact", "press contact", "phone", "tel", "email", "e-mail",
                          "website", "photo", "credit", "headline", "title", "subject", "to", "from"})
#: A record sent to a regulator or a court: "Submitted to: the device regulator", "Filed: May 2, 2018".
_SUBMITTED = re.compile(r"^[ \t]{0,4}(?:submitted to|filed with|filed|date filed)[ \t]{0,2}:", re.I | re.M)


#: Who publishes it: "status.acme.com - incident history", "(Acme Motor Company official page)".
_PUBLISHER_HOST = re.compile(r"\b(?:status|www|blog|news|newsroom|support)\.([a-z0-9\-]{2,40}\.[a-z]{2,10}(?:\.[a-z]{2,3})?)\b", re.I)
#: A saved page's source line: "Copied from: primenow.acme.com/help", "captured ... from support.acme.com".
_COPIED_FROM = re.compile(r"\b(?:copied|captured|saved|archived)\b[^\n]{0,60}?\bfrom[ \t]{0,2}:?[ \t]{0,4}(?:https?://)?"
                          r"(?:[a-z0-9\-]{1,30}\.){0,2}([a-z0-9\-]{2,40}\.[a-z]{2,10})\b", re.I)
_OFFICIAL_OF = re.compile(r"\(([A-Z][^()\n]{1,60}?)\s(?:official|verified)\s(?:page|account|channel)\)")


#: A speaker introducing themself at the start of a monologue: "Hello, I'm Jane Roe, chief
#: executive of Acme Air." (name, then a title).
_SELF_INTRO = re.compile(r"\b(?:I'm|I am|my name is)[ \t]{1,3}(?P<name>[A-Z][a-z'\-]{1,30}(?:[ \t][A-Z][a-z.'\-]{0,30}){1,2}),"
                         r"[ \t]{1,3}(?P<title>[^,.\n]{3,80})")


def publication_owner(body: str, ctx: ReadContext) -> str:
    """The organization an own publication's first lines name as its publisher: its page's host
    ("status.acme.com" -> Acme) or the account it was posted from; "" when they name none."""
    head = "\n".join(body.split("\n")[:8])
    m = _OFFICIAL_OF.search(head)
    if m:
        return m.group(1).strip()
    m = _PUBLISHER_HOST.search(head) or _COPIED_FROM.search(head)
    if m:
        return organization_from_domain(m.group(1), ctx.config)
    m = _CAPTURED_ACCOUNT.search(head)  # "Capture: @AcmeNews thread": the account it was posted from
    return organization_of_handle(m.group(1)) if m else ""


_CAPTURED_ACCOUNT = re.compile(r"\bcapture[d]?\b[^\n@]{0,40}@([A-Za-z0-9_]{2,30})\b", re.I)


#: Words of a file's name or folder that say what it holds, when its text says nothing: a
#: reporter's "internal/" or "memos/" folder, a "...-call-notes.txt", a "press/" folder.
_INTERNAL_PATH = re.compile(r"(?i)(?:^|[/_\-. ])(?:internal|memos?|e-?mails?|chats?|slack|minutes|notes|slides|decks?|"
                            r"intranet|leak(?:ed|s)?)(?=$|[/_\-. ])")
_PUBLIC_PATH = re.compile(r"(?i)(?:^|[/_\-. ])(?:press|press-releases?|releases|statements?|newsroom|blog|posts?)(?=$|[/_\-. ])")
_FILING_PATH = re.compile(r"(?i)(?:^|[/_\-. ])(?:filings?|submissions?|regulatory)(?=$|[/_\-. ])")


def path_kind(display: str, body: str) -> str:
    """The kind a file's own name or folder gives a text nothing else classified: "internal-report"
    under an "internal", "memos", "emails" or "chats" folder or for a "-notes" or "-minutes" file,
    "post" under a "press", "statements" or "blog" folder, "filing" under a "filings" folder (a
    notice filed is a filing); "" for a notice, bulletin or newsletter (an office's notice is
    nobody's claim or record) and for a name that says neither."""
    near = "/".join(display.split("/")[-2:])  # the file's own folder and name, not the case's
    if _FILING_PATH.search(near) and not _INTERNAL_PATH.search(near):
        return "filing"  # a "filings/" folder: what an organization filed with a regulator or a court
    lines = [ln for ln in body.split("\n")[:8] if ln.strip() and not ln.lstrip().startswith(("[", "<"))]
    if any(_NOTICE_TITLE.search(ln) and len(ln.strip()) <= 80 for ln in lines[:3]) \
            or _NOTICE_TITLE.search(display.rsplit("/", 1)[-1]):
        return ""
    inside, public = bool(_INTERNAL_PATH.search(near)), bool(_PUBLIC_PATH.search(near))
    if inside and lines and FACING_OUT.search(lines[0]) and re.search(r"(?i)\b(?:deck|slides?|presentation|webinar)\b", lines[0]):
        return "post"  # "slides/": a deck, but "(customer-facing deck, January 2019)" is shown to customers
    if inside == public:
        return ""
    return "internal-report" if inside else "post"


def form_kind(body: str) -> str:
    """The kind of a text no other sign classified, from a form's head: "filing" for a record
    submitted to someone outside ("Submitted to: ..."), "post" for an organization's own
    publication named by its genre in its first lines (an advertisement, a social-media post with
    its "Posted:" line, a status page's incident history), "internal-report" for four or more
    distinct field lines in its first twenty lines ("FDN No.:", "Version:", "Product:",
    "Analyst:"; a call sheet's "Project:", "Client:", "Shoot date:"); "" otherwise. A page's
    furniture (Published, URL, Contact: two of them) makes no record's form."""
    lines = [ln for ln in body.split("\n")[:40] if ln.strip()][:20]
    head = "\n".join(ln for ln in lines if len(ln) <= 100)
    if _SUBMITTED.search(head):
        return "filing"
    if _OWN_PUBLICATION.search("\n".join(ln for ln in lines[:6] if not ln.lstrip().startswith("["))):
        return "post"
    labels = {m["label"].strip().lower() for m in _FORM_FIELD.finditer(head) if re.search(r"[a-z]", m["label"])}
    if len(labels - _PAGE_LABELS) >= 4 and len(labels & _PAGE_LABELS) <= 1:
        return "internal-report"
    return ""


def _kind_from_front_matter(fields: dict[str, Any], *, office_author: bool = False, channel: str = "") -> str:
    """``source: press release`` / ``Company newsroom`` / ``Company magazine``: the organization's own words."""
    source = fields.get("publisher", "")
    if not source:
        return ""
    if _NEWS_SOURCE.search(str(source)):
        return "news"  # "source: NT news agency (wire copy, as carried by regional papers)": a story, whoever it quotes
    # "publisher: Acme Sverige" with "channel: acme.se customer notice": the channel names the genre
    named_only = bool(channel) and not _GENRE.search(source)
    genre = f"{source} {channel}" if named_only else source
    if (office_author or OFFICE.search(" " + str(source))) and org_of_phrase(source):
        # (or "source: Northgate Ministry of Fisheries, Public Relations": the organization's own office published it)
        return "press-release"  # author "Acme Corporate Communications", source "Acme, Inc.": its own notice
    titled = _TITLE_ORG.match(str(fields.get("title", "")).strip("\"' "))
    if titled and org_of_phrase(source) and titled["org"].split()[0].lower() in org_of_phrase(source).lower():
        return "press-release"  # title "Acme statement regarding ...", source "Acme Corporation, Tokyo": its statement
    if _PRESS_GENRE.search(genre):
        kind = "press-release"  # ("DER Acme (in our own behalf)": the publisher speaking of itself)
    elif _POST_GENRE.search(genre):
        kind = "post"
    else:
        return ""
    if named_only:
        if not fields.get("organization"):
            fields["organization"] = source  # the publisher is a name, its channel the genre
        return kind
    if not org_of_phrase(source):
        fields.pop("publisher", None)  # a genre ("press release"), not a publisher's name
        owner = _SOURCE_OWNER.match(source.strip())
        if owner and not fields.get("organization") \
                and not set(owner["name"].lower().split()) & (_GENRE_WORDS | {"company", "corporate", "our", "the", "internal"}):
            fields["organization"] = owner["name"]  # "Acme Engineering blog": Acme's own blog
    return kind


#: A source that is a news outlet by what it says it is: "news agency", "wire copy", "newspaper".
_NEWS_SOURCE = re.compile(r"(?i)\b(?:news[ \t]agency|wire[ \t](?:copy|service|story|report)|newspaper|news[ \t]service|"
                          r"broadcaster|news[ \t]desk)\b")
#: A source's genre that is the organization's release, or its own post or notice to its customers.
_PRESS_GENRE = re.compile(r"press|release|newsroom|statement|media|\b(?:in|on) (?:our|its) own behalf\b", re.I)
_POST_GENRE = re.compile(r"\b(?:company|corporate)\b|blog|magazine|website|web site|help (?:page|center)|newsletter|"
                         r"\bcommunity\b|\bforum\b|official post|customer notice|consumer notice|recall notice|notice to customers|service notice|"
                         r"promotion|marketing|advertis|brochure|fact sheet|catalog|annual report|shareholder letter|"
                         r"\bhelp\b|\bfaq\b|"
                         # its people's own accounts: "thread, account of the President of Acme", "social media post"
                         r"\btweets?\b|\bsocial media\b|\bofficial account\b|\baccount of the\b|(?<!mail )(?<!e-mail )\bthread\b", re.I)
_GENRE = re.compile(f"{_PRESS_GENRE.pattern}|{_POST_GENRE.pattern}", re.I)

#: Words of a source's genre: "press release", "Engineering blog", "newsroom".
_GENRE_WORDS = frozenset({"press", "release", "releases", "blog", "newsroom", "news", "website", "site", "magazine",
                          "media", "centre", "center", "statement", "statements", "official", "post", "page"})
#: A source named by its owner, then unit and genre words: "Acme Engineering blog", "Acme Newsroom".
_SOURCE_OWNER = re.compile(r"(?P<name>[A-Z][\w&.'\-]{1,30}(?: [A-Z][\w&.'\-]{1,30}){0,2}?)"
                           r"(?: (?:[A-Z][a-z]{2,20}|[a-z]{2,20})){0,2} (?i:blog|newsroom|news(?:room)?|website|web site|"
                           r"magazine|media cent(?:er|re)|press releases?|statement)$")


def _day_month_as_named(date: DateValue, named: DateValue | None) -> DateValue:
    """A header's numeric date that reads both ways ("03/10/2020": 10 March or 3 October) taken
    the way the file's own name dates the document ("2020-10-03_incident-report.txt")."""
    if named is None or date.precision != "day" or named.precision != "day" or date.start is None \
            or named.start is None or date.start == named.start or not re.search(r"\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}", date.text or ""):
        return date
    swapped = (date.start.year, date.start.day, date.start.month)
    if date.start.day <= 12 and (named.start.year, named.start.month, named.start.day) == swapped:
        return DateValue(named.start, named.end, "day", date.source, date.text)
    return date


def _read_txt(data: bytes, ctx: ReadContext) -> list[Document]:
    return read_text(data, ctx, markdown=False)


def _read_md(data: bytes, ctx: ReadContext) -> list[Document]:
    return read_text(data, ctx, markdown=True)


READERS = {"txt": _read_txt, "text": _read_txt, "md": _read_md, "markdown": _read_md}
