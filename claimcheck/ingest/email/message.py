"""One RFC 822 message read into documents: capped and decoded headers, author, recipients, date,
thread ids, the body part as text, the reply and each quoted message (``thread.py``) with its
signature cut (``signature.py``), line numbers confirmed against the file, attached messages as
parts of their own."""

from __future__ import annotations

import email.utils
import re
from email import policy
from email.message import EmailMessage, Message
from email.parser import BytesParser, Parser

from ...models import DateValue, Document
from ..base import (Malformed, ReadContext, Skip, decode_text, make_document, normalize_newlines,
                    free_mail, organization_from_domain, organization_label)
from .addresses import _looks_like_person, _person, display_name
from .dates import parse_mail_date
from ..headers import _OFFICE as OFFICE, _POST_NOMINALS, _UNIT_WORDS as UNIT_WORDS, JOB_TITLE, org_of_phrase
from .signature import cut_signature, signature_organization
from .thread import split_thread

#: The bare reserved placeholder domains (RFC 2606): an address there stands for anyone's (a
#: customer's), not an organization's ("chief@citypd.example.gov" still names the city's police).
_ANYONE = frozenset({"example.com", "example.net", "example.org"})



_KNOWN_HEADERS = re.compile(r"^(?:from|to|cc|subject|date|message-id|received|return-path|mime-version|"
                            r"content-type|x-[\w-]+|delivered-to|reply-to|sender|references|in-reply-to)\s*:",
                            re.I | re.M)



#: A sender's address that mails the organization's users, not its colleagues: "no-reply@", "notifications@".
_MASS_SENDER = re.compile(r"(?i)(?:no-?reply|do-?not-?reply|notifications?|newsletters?|news|updates|alerts|"
                          # a channel that speaks to the public: "market.announcements@", "kundinformation@"
                          # (not a press office's "media@": its note to a newsroom may be off the record)
                          r"(?:market[-_.])?announcements?|kundinformation|customer[-_.]?(?:notices?|info(?:rmation)?))@")
#: A mailing list of people outside the staff: students, alumni, members, customers, the community.
_OUTSIDE_LIST = re.compile(r"(?i)(?:^|[-_.])(?:students|alumni|members|customers|clients|community|parents|"
                           r"residents|subscribers|policyholders|patients|participants|"
                           # the same lists in other languages: "berorda-kunder@" (sv), "kunden@" (de), "clientes@"
                           r"kunder|kunden|clientes|klanten|asiakkaat)@")
#: A message written to be quoted: "Our answer, which you may quote as coming from an Acme spokesman".
_FOR_QUOTING = re.compile(r"(?i)\b(?:you\s{1,4}(?:may|can)\s{1,4}quote|may\s{1,4}be\s{1,4}quoted|can\s{1,4}be\s{1,4}quoted|"
                          r"on\s{1,4}the\s{1,4}record|"
                          r"attributable\s{1,4}to\s{1,4}(?:a|an|the)\s{1,4}(?:\w{1,30}\s{1,4}){0,3}spokes(?:man|woman|person))\b")

#: A directory entry's organization in brackets after the name, in capitals: "Roe, Jane (ACMEHA/ASACME)".
_BRACKETED_ORG = re.compile(r"^[^<>()]{2,60}\((?P<org>[A-Z][A-Z&.\-]{1,11}(?:/[A-Z][A-Z&.\-]{1,11})?)\)\s*(?:<|$)")
#: Bracketed capitals that are a unit, a place or a role, not the organization ("(OPS)", "(HR)", "(DC)").
_NOT_BRACKET_ORG = frozenset({"ops", "hr", "it", "dc", "us", "uk", "eu", "ceo", "cfo", "coo", "cto", "pr", "legal", "finance",
                              "comms", "ext", "contractor", "temp", "gc", "qa", "rd", "r&d", "na", "emea", "apac", "latam"})

#: A chief officer's initials: "CEO", "CFO", "CTO".
_CHIEF_OF = re.compile(r"c[a-z]{1,3}o")


def _only_a_unit(signed: str) -> bool:
    """Does a signature's organization name only a unit ("Site Services"), not one of its own
    ("Department of Human Services")?"""
    words = {w for w in re.findall(r"[a-z]+", signed.lower()) if not (JOB_TITLE.fullmatch(w) or _CHIEF_OF.fullmatch(w))}
    # ("CTO Office", "Chief Executive's Office": an officer's own office, a unit all the same)
    return words <= UNIT_WORDS and not re.search(r"(?i)\b(?:of|for)\b", signed)


def _last_block(lines: list[str]) -> list[str]:
    """A message's last block of one to four short lines after a blank line (a sign-off), or []."""
    while lines and not lines[-1].strip():
        lines = lines[:-1]
    n = len(lines)
    while n > 0 and lines[n - 1].strip():
        n -= 1
    block = lines[n:]
    return block if 1 <= len(block) <= 4 and n > 0 and all(len(ln.strip()) <= 70 for ln in block) else []


def _split_raw(data: bytes) -> tuple[bytes, bytes, int]:
    """(header bytes, body bytes, number of lines before the body)."""
    m = re.search(rb"\r?\n\r?\n", data)
    if not m:
        return data, b"", data.count(b"\n") + 1
    head = data[:m.start()]
    return head, data[m.end():], data[:m.end()].count(b"\n")


#: Caps applied to a message's header fields before the standard library parses them: its
#: header parser takes memory far beyond the input on many RFC 2047 encoded-words (a 420 KB
#: Subject of 30,000 of them took 6.1 GB). A field is cut after MAX_FIELD_WORDS encoded-words or
#: MAX_FIELD_BYTES; a header block keeps its first MAX_FIELDS fields; a message holding more than
#: MAX_MESSAGE_WORDS encoded-words anywhere (attached messages' headers too) is not read.
MAX_FIELD_WORDS = 200
MAX_FIELD_BYTES = 64 * 1024
MAX_FIELDS = 1000
MAX_MESSAGE_WORDS = 2000
_ENCODED_WORD = re.compile(rb"=\?[^?\s]{1,80}\?[bBqQ]\?")
_FIELD_START = re.compile(rb"^(?=[^ \t\r\n])", re.M)


def _cap_headers(head: bytes) -> bytes:
    """``head`` with each field cut to the caps above (unchanged when within them)."""
    if len(head) <= MAX_FIELD_BYTES and len(_ENCODED_WORD.findall(head)) <= MAX_FIELD_WORDS:
        return head
    starts = [m.start() for m in _FIELD_START.finditer(head)] or [0]
    if starts[0] != 0:
        starts.insert(0, 0)
    fields = [head[a:b] for a, b in zip(starts, starts[1:] + [len(head)])][:MAX_FIELDS]
    out = []
    for field in fields:
        field = field[:MAX_FIELD_BYTES]
        words = list(_ENCODED_WORD.finditer(field))
        if len(words) > MAX_FIELD_WORDS:
            field = field[:words[MAX_FIELD_WORDS].start()].rstrip()
        out.append(field.rstrip(b"\r\n"))
    return b"\n".join(out)


def _decode_header_block(head: bytes) -> str:
    try:
        return head.decode("utf-8")
    except UnicodeDecodeError:
        return head.decode("cp1252", errors="replace")


def _hdr(headers: Message, name: str) -> str:
    try:
        value = headers.get(name)
    except Exception:
        return ""
    if value is None:
        return ""
    try:
        text = str(value)
    except Exception:
        return ""
    return re.sub(r"\s+", " ", text).strip()


def _part_text(part: Message) -> tuple[str, bool]:
    """(decoded text of a leaf part, whether its transfer encoding kept the file's lines)."""
    cte = str(part.get("Content-Transfer-Encoding", "") or "").strip().lower()
    try:
        payload = part.get_payload(decode=True)
    except Exception:
        payload = None
    if payload is None:
        raw = part.get_payload()
        payload = raw.encode("utf-8", "surrogateescape") if isinstance(raw, str) else b""
    try:
        charset = part.get_content_charset()
    except Exception:
        charset = None
    text = None
    if charset and charset.lower() not in ("us-ascii", "ascii"):   # "ascii" often mislabels 8-bit text
        try:
            text = payload.decode(charset)
        except (LookupError, UnicodeDecodeError):
            text = None
    if text is None:
        try:
            text = decode_text(payload) if payload else ""
        except Skip:
            text = payload.decode("utf-8", errors="replace")
    return normalize_newlines(text), cte in ("", "7bit", "8bit", "binary")


def _body_part(msg: Message) -> Message | None:
    """The text/plain part (else text/html) that is not an attachment."""
    if isinstance(msg, EmailMessage):
        try:
            body = msg.get_body(preferencelist=("plain", "html"))
            if body is not None:
                return body
        except Exception:
            pass
    for part in msg.walk():
        if part.get_content_maintype() == "text" and not part.is_multipart():
            return part
    return None


def _html_text(markup: str) -> str:
    from ..html import html_to_text, parse_html

    tree = parse_html(markup)
    root = tree.body or tree.root
    return html_to_text(root) if root is not None else ""


def read_message(data: bytes, ctx: ReadContext, *, part_prefix: str = "", line_offset: int = 0,
                 file_text: str | None = None, file_pos: int = 0,
                 fallback_date: DateValue | None = None) -> list[Document]:
    """Documents of one RFC 822 message (the reply, then its quoted messages).

    ``line_offset`` lines of the file come before ``data``; ``file_text`` (the whole file, CRLF as
    LF) and ``file_pos`` (where ``data`` starts in it) let the reply's position be confirmed.
    """
    head, body, head_lines = _split_raw(data)
    words = len(_ENCODED_WORD.findall(data))
    if words > MAX_MESSAGE_WORDS:
        raise Malformed(f"{words:,} RFC 2047 encoded-words in one message (at most {MAX_MESSAGE_WORDS:,} are read)")
    capped = _cap_headers(head)
    if capped is not head:          # the body keeps its line numbers: they are counted on ``data``
        data = capped + b"\n\n" + body
        head = capped
    header_text = normalize_newlines(_decode_header_block(head))
    if not _KNOWN_HEADERS.search(header_text):
        raise Skip("no e-mail headers found")
    headers = Parser(policy=policy.default).parsestr(header_text + "\n\n", headersonly=True)
    msg = BytesParser(policy=policy.default).parsebytes(data)

    from_raw = _hdr(headers, "From")
    author, address = _person(from_raw)
    sender, sender_address = _person(_hdr(headers, "Sender"))
    if sender and not _looks_like_person(author) and _looks_like_person(sender):
        author, address = sender, sender_address or address  # a team's address, sent by a person
    if not author and address:
        author = address.split("@")[0]
    try:
        rec_pairs = email.utils.getaddresses([_hdr(headers, "To"), _hdr(headers, "Cc")])
    except Exception:
        rec_pairs = []
    recipients = tuple(dict.fromkeys(display_name(n or a) for n, a in rec_pairs if (n or a).strip()))
    try:
        to_pairs = [(n, a) for n, a in email.utils.getaddresses([_hdr(headers, "To")]) if a or n]
    except Exception:
        to_pairs = []
    subject = _hdr(headers, "Subject")
    message_id = _hdr(headers, "Message-ID").strip("<> ")
    in_reply_to = (_hdr(headers, "In-Reply-To").split() or [""])[0].strip("<> ")
    refs = [r.strip("<> ") for r in re.findall(r"<[^<>]+>", _hdr(headers, "References"))]
    thread_id = refs[0] if refs else (in_reply_to or message_id)
    date = parse_mail_date(_hdr(headers, "Date"), source="header")
    if date is None:
        # no usable Date: the first relay's Received stamp ("...; Tue, 14 Mar 2017 09:02:00 -0400")
        try:
            received = headers.get_all("Received") or []
        except Exception:
            received = []
        for value in reversed(received):
            stamp = str(value).rsplit(";", 1)[-1] if ";" in str(value) else ""
            date = parse_mail_date(stamp, source="header")
            if date is not None:
                break
    if date is None:
        date = fallback_date
    organization = organization_from_domain(address.rsplit("@", 1)[-1], ctx.config) if "@" in address else ""
    bracketed = _BRACKETED_ORG.search(from_raw.replace('"', "")) if "(" in from_raw else None
    if bracketed and not set(bracketed["org"].lower().split("/")) & _NOT_BRACKET_ORG:
        organization = bracketed["org"].split("/")[0]  # "Roe, Jane (ACMEHA/ASACME)" <jroe@northgate.gov>: the agency
        # her directory entry names, not the government-wide domain (a bilingual pair: its first form)
    people = dict(ctx.config.people)
    if author in people and (not organization or not ctx.config.organization_for(address.rsplit("@", 1)[-1])):
        organization = people[author]          # config people: beats a guess from the domain

    part = _body_part(msg)
    exact = True
    body = ""
    if part is not None:
        body, exact = _part_text(part)
        if part.get_content_subtype() == "html":
            body, exact = _html_text(body), False
    body_line = line_offset + head_lines + 1
    lines = body.split("\n")
    segments = split_thread(lines)

    is_reply = bool(in_reply_to) or bool(re.match(r"(?<!\s)\s*(?:re|aw|sv)\s*:", subject, re.I))
    if len(segments) > 1 and segments[1].quoted and not segments[1].author and segments[1].date is None \
            and is_reply and len(to_pairs) == 1:
        # "> " lines with no attribution in a reply to one person: that person wrote them
        segments[1].author = display_name(to_pairs[0][0] or to_pairs[0][1])
        segments[1].address = to_pairs[0][1]
    shift = 0
    if file_text is not None and exact:
        # where the body really starts in the file (after MIME boundaries and part headers)
        first_line = next((k for k, ln in enumerate(lines) if ln.strip()), None)
        if first_line is not None:
            anchor = _skip_lines(file_text, file_pos, head_lines)
            pos = file_text.find(lines[first_line], anchor, anchor + len(data) + 1)
            if pos >= 0:
                shift = line_offset + 1 + file_text.count("\n", file_pos, pos) - (body_line + first_line)
            else:
                exact = False
    docs: list[Document] = []
    q = 0
    for seg in segments:
        kept = cut_signature(seg.lines, author=author if seg is segments[0] and not seg.quoted else seg.author)
        lead = 0
        while lead < len(kept) and not kept[lead].strip():
            lead += 1
        kept = kept[lead:]
        text = "\n".join(kept).rstrip() + "\n" if kept else ""
        if not text.strip():
            continue
        line_base = body_line + shift + seg.start + lead
        line_exact = exact
        if file_text is not None and exact and not seg.quoted:
            # confirm the reply's text is in the file, line for line, where we say it is
            pos = _skip_lines(file_text, file_pos, line_base - 1 - line_offset)
            line_exact = file_text.startswith(text.rstrip("\n"), pos)
        if seg is segments[0] and not seg.quoted and author and not _looks_like_person(author):
            # "From: Director, Acme" signed "Jane Roe / Director": the person who signs, above a title
            sig = [ln.strip() for ln in seg.lines if ln.strip()][-8:]  # the message's last lines: its sign-off
            signer = next((a for a, b in zip(sig, sig[1:]) if _looks_like_person(a) and JOB_TITLE.search(b)), "")
            if signer:
                author = _POST_NOMINALS.sub("", re.sub(r"^(?:Professor|Prof\.?)\s", "", signer)).strip()
                # ("Professor Jane Roe AC" over "Vice-Chancellor": the person, without title or letters)
        if seg is segments[0] and not seg.quoted:
            domain = address.rsplit("@", 1)[-1] if "@" in address else ""
            if not (domain and ctx.config.organization_for(domain)) and author not in people:
                # the signature's organization beats a guess from the domain's label ("Amausa")
                signed = signature_organization(seg.lines[len(kept) + lead:], author=author,
                                                label=organization_label(domain))
                if not signed and not "".join(seg.lines[len(kept) + lead:]).strip():
                    # no signature cut (signed by an office: "DG, Pay Modernization / Acme Services"):
                    # the message's last block of short lines, read as one
                    signed = signature_organization(_last_block(seg.lines), author=author,
                                                    label=organization_label(domain))
                # a sender named as an organization's office ("Acme Systems Communications") names it
                office = org_of_phrase(author) if OFFICE.search(author) else ""
                if signed and _only_a_unit(signed):
                    signed = ""  # signed "Site Services": a unit of the sender's organization, not another one
                organization = signed or office or organization
            # an organization's reply to members of the public (every recipient at a free mail
            # provider, or at the bare reserved placeholder "example.net" standing for a customer's
            # address; the sender at the organization's own domain): its word to the public, a letter
            addressed = [a for _, a in rec_pairs if a.strip()]
            public = bool(addressed) and bool(organization_label(domain)) and all(
                "@" in a and (free_mail(a.rsplit("@", 1)[-1]) or a.rsplit("@", 1)[-1].lower() in _ANYONE)
                for a in addressed)
            if not public and any(_OUTSIDE_LIST.search(a) for a in addressed):
                public = True  # "To: all-students@acme.edu": a message to a community outside its staff, its word in public
            inside = any("@" in a and organization_label(a.rsplit("@", 1)[-1]) == organization_label(domain) for a in addressed)
            if not public and _MASS_SENDER.match(address) and bool(organization_label(domain)) and not inside:
                public = True  # "From: Acme <no-reply@acme.com> / To: [affected user]": a notice sent to its users
            if not public and addressed and not inside and bool(organization_label(domain)) and _FOR_QUOTING.search(text[:3000]):
                public = True  # a reply to a newsroom "which you may quote as coming from an Acme spokesman": said in public
            if author and organization and re.sub(r"[^a-z0-9]", "", author.lower()) == re.sub(r"[^a-z0-9]", "", organization.lower()):
                author = ""  # "From: Acme <help@acme.com>": the organization writes in its own name, no person
            docs.append(make_document(
                ctx, text=text, part=part_prefix, kind="letter" if public else "email", date=date, title=subject,
                author=author, author_address=address, organization=organization, recipients=recipients,
                line_base=line_base, line_exact=line_exact, thread_id=thread_id, message_id=message_id,
                in_reply_to=in_reply_to))
        else:
            q += 1
            qorg = (organization_from_domain(seg.address.rsplit("@", 1)[-1], ctx.config)
                    if "@" in seg.address else "")
            qdomain = seg.address.rsplit("@", 1)[-1] if "@" in seg.address else ""
            if seg.author in people and (not qorg or not ctx.config.organization_for(qdomain)):
                qorg = people[seg.author]
            elif not (qdomain and ctx.config.organization_for(qdomain)):
                # as for the reply: the quoted message's own signature beats a guess from its domain's label
                signed = signature_organization(seg.lines[len(kept) + lead:], author=seg.author,
                                                label=organization_label(qdomain))
                if signed and not _only_a_unit(signed) \
                        and not re.match(r"(?i)office[ \t]of[ \t]the\b", signed):  # ("Office of the CIO": its unit)
                    qorg = signed
            qpart = f"{part_prefix}-quote{q}" if part_prefix else f"quote{q}"
            docs.append(make_document(
                ctx, text=text, part=qpart, kind="email", date=seg.date,
                title=seg.subject or re.sub(r"^\s*(?:re|fwd?|aw)\s*:\s*", "", subject, flags=re.I),
                author=seg.author, author_address=seg.address, organization=qorg,
                recipients=seg.recipients, line_base=line_base, line_exact=line_exact,
                thread_id=thread_id, quoted=True))
    # attached messages become their own parts (never merged into the body)
    att = 0
    for sub in _attached_messages(msg):
        payload = sub.get_payload()
        inner = payload[0] if isinstance(payload, list) and payload else None
        if isinstance(inner, Message):
            att += 1
            try:
                raw = inner.as_bytes(policy=policy.default)
                name = f"{part_prefix}-att{att}" if part_prefix else f"att{att}"
                for d in read_message(raw, ctx, part_prefix=name, line_offset=line_offset):
                    docs.append(_inexact(d))
            except Skip:
                continue
    return docs


def _attached_messages(msg: Message) -> list[Message]:
    """message/rfc822 parts of ``msg``, not descending into them (they are read recursively)."""
    found: list[Message] = []
    stack = [msg] if msg.is_multipart() else []
    while stack:
        node = stack.pop(0)
        if node is not msg and node.get_content_type() == "message/rfc822":
            found.append(node)
            continue
        payload = node.get_payload() if node.is_multipart() else None
        if isinstance(payload, list):
            stack.extend(p for p in payload if isinstance(p, Message))
    return found


def _skip_lines(text: str, pos: int, count: int) -> int:
    """Character offset ``count`` lines after offset ``pos`` in ``text`` (end if beyond)."""
    for _ in range(max(0, count)):
        nxt = text.find("\n", pos)
        if nxt < 0:
            return len(text)
        pos = nxt + 1
    return pos


def _inexact(doc: Document) -> Document:
    import dataclasses

    return dataclasses.replace(doc, line_exact=False)
