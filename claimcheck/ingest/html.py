"""HTML pages (.html/.htm) through selectolax (lexbor): main text, title, date, author, publisher.

selectolax is used instead of a hand-written parser because real pages are malformed in every
way a browser tolerates; lexbor parses them the way a browser does, quickly and without
executing anything. Scripts, styles, navigation, forms and other chrome are dropped; block
elements become paragraphs. ``line_exact`` is False, and ``line_map`` maps offsets in the
extracted text back to the page's own source lines (:func:`line_map`), so ``path:line`` cites
the line of the .html file a reader opens.
"""

from __future__ import annotations

import re
from typing import Any

from selectolax.lexbor import LexborHTMLParser

from ..dates import find_dateline, parse_date_value
from ..models import DateValue, Document
from .base import _BYLINE, Malformed, ReadContext, Skip, decode_text, guess_kind, make_document
from .headers import _AGENCY as AGENCY, GOVERNMENT_NAME, LEGAL_FORMS, ORG_WORDS, filename_date, org_of_phrase

_DROP = frozenset({"script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
                   "nav", "form", "button", "select", "textarea", "input", "head", "canvas", "audio",
                   "video", "picture", "dialog"})
_CHROME = frozenset({"header", "footer", "aside"})
_BLOCK = frozenset({"p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li",
                    "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "table", "tr", "figure",
                    "figcaption", "address", "hr", "header", "footer", "aside", "body", "details",
                    "summary", "center"})
_CELL = frozenset({"td", "th"})

_DATE_META = ("article:published_time", "og:article:published_time", "datepublished", "date", "pubdate",
              "publishdate", "publish-date", "publish_date", "dc.date", "dc.date.issued", "dcterms.date",
              "dcterms.created", "sailthru.date", "parsely-pub-date", "article.published", "published_time")

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-:.]+)""", re.I)


MAX_HTML_DEPTH = 2000
_CONTAINER_TAG = re.compile(r"<(/?)(?:div|section|article|aside|blockquote|center|details|dialog|dir|dl|fieldset|"
                            r"figcaption|figure|footer|header|hgroup|main|menu|nav|ol|ul|table|form|search)\b", re.I)


def parse_html(markup: str) -> LexborHTMLParser:
    """Parse markup; raise Malformed when containers nest deeper than :data:`MAX_HTML_DEPTH`.

    The parser's cost grows with the square of that depth, inside C code where the per-file
    time limit cannot interrupt it, so the depth is measured first with one linear scan.
    """
    depth = deepest = 0
    for m in _CONTAINER_TAG.finditer(markup):
        depth = max(0, depth - 1) if m.group(1) else depth + 1
        if depth > deepest:
            deepest = depth
            if deepest > MAX_HTML_DEPTH:
                raise Malformed(f"HTML nested more than {MAX_HTML_DEPTH} levels deep: not read")
    return LexborHTMLParser(markup)


#: A sidebar's heading that lists other pages: "Related", "Read more", "More on this story", "Most read".
_LINK_BOX = re.compile(r"(?i)(?:related|read (?:more|next|also)|more (?:on|from|stories)|most (?:read|popular)|see also|"
                       r"recommended|also read|trending|latest)\b")


def _link_box(node: Any) -> bool:
    """Is an aside inside the story a box of links to other pages ("Related: ..."), not a box of the story's own
    text (a background box that quotes the organization)?"""
    text = " ".join((node.text(deep=True) or "").split())
    return bool(_LINK_BOX.match(text)) or len(text.split()) < 12


def html_to_text(root: Any, nodes: list[str] | None = None) -> str:
    """Visible text of a node, paragraphs split by blank lines (iterative: deep trees are fine).
    ``nodes``, when given, receives the raw text of each visible text node, in order."""
    parts: list[str] = []
    stack: list[tuple[Any, bool]] = [(root, False)]
    while stack:
        node, closing = stack.pop()
        tag = node.tag
        if closing:
            if tag in _BLOCK:
                parts.append("\n\n")
            elif tag in _CELL:
                parts.append(" | ")
            continue
        if tag == "-text":
            raw = node.text(deep=False) or ""
            if nodes is not None:
                nodes.append(raw)
            parts.append(re.sub(r"\s+", " ", raw))
            continue
        if tag in _DROP or tag == "-comment" or (tag in _CHROME and node is not root and root.tag == "body") \
                or (tag == "aside" and node is not root and _link_box(node)):  # "Related" links inside the story
            continue
        if tag == "br":
            parts.append("\n")
            continue
        if tag in _BLOCK:
            parts.append("\n\n")
        stack.append((node, True))
        children = []
        child = node.child
        while child is not None:
            children.append(child)
            child = child.next
        stack.extend((c, False) for c in reversed(children))
    text = "".join(parts)
    lines = [re.sub(r"[ \t\u00a0]+", " ", ln).strip() for ln in text.split("\n")]
    text = "\n".join(lines)
    text = re.sub(r"\n{3,}", "\n\n", text)
    text = re.sub(r"( \| )+$", "", text, flags=re.M)
    return text.strip() + "\n" if text.strip() else ""


_ENCODED = re.compile(r"[&<>]")


def _in_text(src: str, pos: int) -> bool:
    """Whether ``src[pos]`` is character data, not inside a tag (the last of '<' '>' before it is '>')."""
    return src.rfind(">", 0, pos) >= src.rfind("<", 0, pos)


def line_map(markup: str, nodes: list[str], text: str, root_tag: str = "body") -> tuple[tuple[int, int], ...]:
    """(offset in ``text``, line in ``markup``) at the start of each visible text node and after
    each line break inside one. Each node is found in order: its text in ``text`` (whitespace
    collapsed), its first characters in the markup (up to any that markup may encode as an
    entity), outside tags, from the opening tag of ``root_tag`` (the element read) on, so the same
    words in the title or a meta tag are not taken for it. A node not found is left out: its
    offsets take the previous line."""
    src = markup.replace("\r\n", "\n").replace("\r", "\n")
    anchors: list[tuple[int, int]] = []
    at_txt = at_src = 0
    opening = re.search(r"<body\b", src, re.I)
    if opening is not None:
        at_src = opening.start()
        inner = re.search(rf"<{re.escape(root_tag)}\b", src[at_src:], re.I) if root_tag else None
        at_src += inner.start() if inner is not None else 0
    line, counted = 1, 0
    for raw in nodes:
        words = raw.split()
        if not words:
            continue
        pos = text.find(" ".join(words), at_txt)
        if pos < 0:
            continue
        body = raw.lstrip()
        # the first run of the node's text that markup writes as it is (an entity such as &amp;
        # may open the node), and the line breaks of the node before that run
        plain = next((x for x in _ENCODED.split(body) if x.strip()), "")
        prefix = plain.strip()[:60]
        before = body[:body.find(prefix)].count("\n") if prefix else 0
        spos = src.find(prefix, at_src) if prefix else -1
        while spos >= 0 and not _in_text(src, spos):
            spos = src.find(prefix, spos + 1)
        if spos < 0:
            continue
        line += src.count("\n", counted, spos)
        counted = spos
        at_src, at_txt = spos + len(prefix), pos + len(" ".join(words))
        anchors.append((pos, line - before))
        line_of_node = line - before
        # line breaks inside the node: the word after each starts on a later line
        k, nl = pos, 0
        for i, piece in enumerate(re.split(r"(\s+)", body)):
            if i % 2:
                nl += piece.count("\n")
                if piece.count("\n"):
                    anchors.append((k + 1, line_of_node + nl))
                k += 1
            else:
                k += len(piece)
    return tuple(sorted(set(anchors)))


def _meta(tree: Any, *names: str) -> str:
    wanted = {n.lower() for n in names}
    for node in tree.css("meta"):
        attrs = node.attributes
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").strip().lower()
        if key in wanted:
            value = (attrs.get("content") or "").strip()
            if value:
                return value
    return ""


def _find_date(tree: Any) -> DateValue | None:
    for name in _DATE_META:
        raw = _meta(tree, name)
        if raw:
            dv = _parse(raw)
            if dv is not None:
                return dv
    for node in tree.css("time"):
        raw = (node.attributes.get("datetime") or "").strip()
        if raw:
            dv = _parse(raw)
            if dv is not None:
                return dv
    return None


def _parse(raw: str) -> DateValue | None:
    dv = parse_date_value(raw, source="meta")
    if dv is None:
        m = re.match(r"(?<!\s)\s*(\d{4}-\d{2}-\d{2})", raw)
        if m:
            dv = parse_date_value(m.group(1), source="meta")
    if dv is not None:
        return DateValue(dv.start, dv.end, dv.precision, "meta", raw)
    return None


def _json_ld(tree: Any) -> dict[str, str]:
    """datePublished, author, publisher and headline from schema.org JSON-LD blocks, if any."""
    import json

    found: dict[str, str] = {}
    for node in tree.css('script[type="application/ld+json"]')[:10]:
        raw = node.text() or ""
        if len(raw) > 200_000:
            continue
        try:
            data = json.loads(raw)
        except (ValueError, RecursionError):
            continue
        stack, seen = [data], 0
        while stack and seen < 500:
            item = stack.pop()
            seen += 1
            if isinstance(item, list):
                stack.extend(item)
                continue
            if not isinstance(item, dict):
                continue
            for key in ("datePublished", "dateCreated", "headline"):
                if isinstance(item.get(key), str) and key not in found:
                    found[key] = item[key].strip()
            for key in ("author", "publisher"):
                value = item.get(key)
                if isinstance(value, list) and value:
                    value = value[0]
                name = value.get("name") if isinstance(value, dict) else value
                if isinstance(name, str) and name.strip() and key not in found:
                    found[key] = name.strip()
            stack.extend(v for v in item.values() if isinstance(v, (dict, list)))
    return found


def read_html(data: bytes, ctx: ReadContext) -> list[Document]:
    """Read one HTML page into one document."""
    m = _CHARSET.search(data[:4096])
    declared = m.group(1).decode("ascii", "replace") if m else None
    markup = decode_text(data, declared=declared)
    tree = parse_html(markup)
    body_root = None
    for selector in ("article", "main", "[role=main]"):
        node = tree.css_first(selector)
        if node is not None and len((node.text() or "").strip()) > 80:
            body_root = node
            break
    if body_root is None:
        body_root = tree.body
    if body_root is None:
        raise Skip("HTML without a body")
    nodes: list[str] = []
    text = html_to_text(body_root, nodes)
    if not text.strip():
        raise Skip("HTML without visible text")
    title = _meta(tree, "og:title", "twitter:title")
    if not title:
        t = tree.css_first("title")
        title = (t.text() or "").strip() if t is not None else ""
    if not title:
        h = tree.css_first("h1")
        title = (h.text() or "").strip() if h is not None else ""
    title = re.sub(r"\s+", " ", title)
    fields: dict[str, Any] = {"title": title[:300]}
    author = _meta(tree, "author", "article:author", "byl", "dc.creator", "parsely-author")
    if author and not author.lower().startswith(("http://", "https://")):
        fields["author"] = re.sub(r"^\s*by\s+", "", author, flags=re.I)[:200]
    publisher = _meta(tree, "og:site_name", "application-name", "publisher", "dc.publisher")
    if publisher:
        fields["publisher"] = publisher[:200]
    date = _find_date(tree)
    ld = _json_ld(tree)
    if date is None and (ld.get("datePublished") or ld.get("dateCreated")):
        date = _parse(ld.get("datePublished") or ld.get("dateCreated", ""))
    if "author" not in fields and ld.get("author") and not ld["author"].lower().startswith("http"):
        fields["author"] = ld["author"][:200]
    if "publisher" not in fields and ld.get("publisher"):
        fields["publisher"] = ld["publisher"][:200]
    if not fields.get("title") and ld.get("headline"):
        fields["title"] = ld["headline"][:300]
    if date is None:
        mention = find_dateline(text)
        if mention is not None and mention.value.known:
            v = mention.value
            date = DateValue(v.start, v.end, v.precision, "dateline", v.text or text[mention.start:mention.end])
    if date is None:
        date = filename_date(ctx.display)  # "2019-08-06-agency-statement.html", as a text file is dated
    owner = _owner(tree)
    if not owner and re.search(r"(?i)\bblog\b", str(fields.get("title", ""))):
        page = tree.body.text(separator="\n")[:800] if tree.body is not None else ""  # (its heading, not the article)
        blogs = _OWN_BLOGS.search("\n".join(ln.strip() for ln in page.split("\n") if ln.strip()))
        owner = blogs["org"].strip() if blogs else ""  # "Acme Library blogs | All blogs": the organization's own blog
    newsroom = _newsroom_owner(tree, str(fields.get("title", ""))) if "author" not in fields and not owner else ""
    guessed: list[str] = []  # the page's kind by its own words: read once, and only when a reading below asks

    def kind() -> str:
        if not guessed:
            guessed.append(guess_kind(text, str(fields.get("title", ""))))
        return guessed[0]
    desk = _CONTACT_DESK.search(text) if not owner and "author" not in fields and "organization" not in fields else None
    if newsroom and kind() in ("unknown", "news", "press-release") and not _BYLINE.search(text[:1500]):
        # "mfvm.dk > News > Press releases" over "Statement on ... - Ministry of Fair Trade": the
        # organization's own newsroom page, named by its title's last part
        fields.update(kind="press-release", organization=newsroom)
    elif desk and kind() == "press-release":
        # "Media enquiries: Acme Government Communications" closing a release: the organization whose press desk it is
        fields.update(kind="press-release", organization=desk["org"])
    elif owner and "author" not in fields and "organization" not in fields and not _BYLINE.search(text[:1500]) \
            and kind() == "press-release":
        # "Copyright 1999-2020 Acme Department of Parks" under a release with no byline: its own release
        fields.update(kind="press-release", organization=owner)
    elif owner and "author" not in fields and kind() == "unknown" and not _story_byline(tree) and not _NO_COMMENT.search(text):
        # (not a story under its newsroom's byline: "<p class="byline">Redacción / Hermosillo, ...</p>")
        # a page of the organization's own site (a help page, a policy, a product page): no byline,
        # no press or transcript marks, and the organization's copyright on it: its public word
        fields.update(kind="post", organization=owner)
    elif "kind" not in fields and kind() == "unknown" and (_story_byline(tree) or _NO_COMMENT.search(text)):
        fields.update(kind="news")  # a page under a newsroom's byline, in whatever language, or one telling who
        # "did not comment" on it: a story
    return [make_document(ctx, text=text, date=date, line_exact=False, line_map=line_map(markup, nodes, text, body_root.tag or "body"),
                          **fields)]


#: A reporter's words of someone asked: "did not comment on the report", "declined to comment", "did not respond
#: to a request for comment", "could not be reached for comment" (a story, not the organization's own page).
_NO_COMMENT = re.compile(r"(?i)\b(?:did[ \t]not|didn't|declined[ \t]to|refused[ \t]to)[ \t](?:immediately[ \t])?"
                         r"(?:comment|respond[ \t]to[ \t](?:a[ \t]|our[ \t])?requests?[ \t]for[ \t]comment)\b"
                         r"|\bcould[ \t]not[ \t]be[ \t]reached[ \t]for[ \t]comment\b")


#: A page's navigation naming a newsroom: "News > Press releases", "Newsroom".
_NEWSROOM_NAV = re.compile(r"(?i)\b(?:press|news|media)[ \t]releases?\b|\bnewsroom\b|\bpress[ \t]room\b|\bpress[ \t]office\b|"
                           r"\bnews[ \t](?:and|&amp;|&)[ \t]media\b|\bmedia[ \t]cent(?:re|er)\b")
#: A release's press desk naming its organization: "Media enquiries: Acme Government Communications".
_CONTACT_DESK = re.compile(r"(?m)^[^\S\n]*(?i:media|press)[ \t](?i:enquiries|inquiries|contact)[ \t]?:[ \t]*(?P<org>[A-Z][\w&'’\-]{1,30}"
                           r"(?:[ \t][A-Z][\w&'’\-]{1,30}){0,4}?)[ \t](?:Communications|Press[ \t]Office|Media[ \t]Relations|"
                           r"Media[ \t]Office|News[ \t]Office|Press[ \t]Desk)\b")
#: A company site's own sections in its navigation: "The company", "About us", "Investors", "Careers".
_COMPANY_NAV = re.compile(r"(?i)\b(?:about[ \t]us|the[ \t]company|our[ \t]company|investors?|investor[ \t]relations|careers|"
                          r"our[ \t]products)\b")
#: A newsroom's own name after its owner's in a title: "City of Northgate News", "Acme Newsroom".
_SITE_SECTION = re.compile(r"[ \t](?:News(?:room)?|Press[ \t]Releases|Media[ \t]Cent(?:re|er)|Press[ \t]Room)$")
#: A title's last part naming the site's owner: "Statement on ... - Ministry of Fair Trade", "... | Acme Corp".
_TITLE_OWNER = re.compile(r"[ \t](?:-|–|—|\|)[ \t](?P<org>[A-Z][^-–—|\n]{2,80})$")


#: A public service's name: "Navy Region Hawaii", "Northgate Police", "Acme Fire Service".
_SERVICE = re.compile(r"\b(?:Navy|Army|Air[ \t]Force|Marine[ \t]Corps|Coast[ \t]Guard|Police|Constabulary|Fire[ \t](?:Service|"
                      r"Department|Brigade)|Defen[cs]e[ \t]Force)\b")


def _newsroom_owner(tree: Any, title: str) -> str:
    """The organization whose newsroom a page is: navigation outside its main text naming a
    newsroom or its press releases, and a title ending with a name that is an organization's."""
    m = _TITLE_OWNER.search(title)
    if not m or tree.body is None:
        return ""
    org = _SITE_SECTION.sub("", m["org"].strip())  # "... | City of Northgate News": the city's newsroom
    main = tree.css_first("main") or tree.css_first("article")
    nav = [n.text(separator=" ") for n in tree.css("nav, header, .breadcrumb, .breadcrumbs, .topbar, [role=navigation]")]
    brand = next((re.split(r"[ \t]{1,8}[|·•][ \t]{1,8}", t.strip(), maxsplit=1)[0] for t in nav if t and t.strip()), "")
    if brand == org and any(_COMPANY_NAV.search(t or "") for t in nav):
        return org  # "... | Acme" under "Acme | The company | Products | News": a company's own site
    if not (ORG_WORDS.search(org) or AGENCY.match(org) or GOVERNMENT_NAME.match(org) or re.fullmatch(r"[A-Z][A-Z&]{1,7}", org)
            or _SERVICE.search(org)):
        return ""  # ("... - Ministry of Fair Trade", "... | Acme Corp", "... | City of Northgate", "... - ACME")
    if main is None and not nav:
        return ""
    if not any(_NEWSROOM_NAV.search(t or "") for t in nav):
        page = tree.body.text(separator="\n")[:600]
        head = page.split((main.text(separator="\n") or "")[:40].strip() or "\0", 1)[0] if main is not None else ""
        if not _NEWSROOM_NAV.search(head):
            return ""
    return org


#: A blog's own heading naming whose blogs they are: "Acme Library blogs", "Acme Corp blog".
_OWN_BLOGS = re.compile(r"^(?P<org>[A-Z][\w&.'’\-]{1,30}(?:[ \t][A-Z][\w&.'’\-]{1,30}){0,4})[ \t]blogs?\b", re.M)


#: A byline that is a newsroom's, not an officer's: "By Jane Roe", "Redacción / Hermosillo", "Staff reporter".
_NEWSROOM_BYLINE = re.compile(r"(?i)^\s*by\s|\b(?:redacci[óo]n|reda[çc][ãa]o|r[ée]daction|redaktion|redazione|staff|reporters?|"
                              r"correspondents?|corresponsal|agencia|agency|wire|desk)\b")


def _story_byline(tree: Any) -> bool:
    """Does the page carry a newsroom's byline in an element of its own ("<p class="byline">Redacción /
    Hermosillo, 20 de agosto de 2014</p>"), not an officer's ("Jane Roe, Vice-President · June 7")?"""
    node = tree.css_first('[class*="byline"]')
    return node is not None and bool(_NEWSROOM_BYLINE.search(node.text()[:200]))


#: "© 2018 Acme", "Copyright 2004-2019 Acme Corp. All rights reserved.", "(c) Acme Inc 2020".
_COPYRIGHT = re.compile(r"(?:©|\(c\)|\bcopyright\b)[ \t]{0,3}(?:\d{4}(?:[ \t]{0,2}[-–][ \t]{0,2}\d{4})?[ \t]{0,3},?[ \t]{0,3})?"
                        r"(?P<org>[A-Z][\w&.'’]{0,30}(?:[ \t]{1,2}[A-Z&][\w&.'’]{0,30}){0,5})", re.I)


def _owner(tree: Any) -> str:
    """The organization a page's copyright notice names (in its footer, or at the end of the page)."""
    node = tree.css_first("footer")
    text = (node.text() if node is not None else (tree.body.text() if tree.body is not None else "")[-600:]) or ""
    m = _COPYRIGHT.search(text[:2000]) or _NAME_THEN_COPYRIGHT.search(text[:2000])
    if m is None:
        # no copyright: a footer line naming an organization by its legal form ("Acme Financial
        # LLC, member FINRA/SIPC.", "Acme Nutrition Company, Springfield, New York")
        for line in (node.css("p, div, span, li") if node is not None else []):
            found = org_of_phrase(line.text(strip=True)[:200])
            if found and LEGAL_FORMS.search(line.text()[:200]):
                return found
        return ""
    words = m["org"].split()
    cut = next((n for n, w in enumerate(words) if w.lower().strip(".,") in _RIGHTS_WORDS or (len(w) == 4 and w.isdigit())),
               len(words))
    if any(w.lower().strip(".,") == "copyright" for w in words[:cut]):
        return ""  # "© Crown Copyright": a kind of copyright, no owner's name
    stop = next((n + 1 for n, w in enumerate(words[:cut]) if w.endswith(".") and len(w.strip(".")) > 4 and "." not in w.strip(".")
                 and not LEGAL_FORMS.fullmatch(w)), cut)
    cut = min(cut, stop)  # "© 2014 Diario Acme. Aviso de privacidad.": the name ends with its sentence
    org = " ".join(words[:cut]).strip(" .,")  # "Acme Corp. All rights reserved": the name before "All"
    # ("Acme em Pauta. Todos os direitos reservados": before "Todos")
    return org if org[:1].isupper() and len(org) >= 2 else ""


#: The first word of "All rights reserved" in the languages a footer is written in.
_RIGHTS_WORDS = frozenset({"all", "todos", "todas", "tous", "alle", "tutti", "tots", "wszelkie", "alla", "rights", "reserved"})


#: "Acme © 2016 · Privacy & Legal": the name set before the mark.
_NAME_THEN_COPYRIGHT = re.compile(r"(?P<org>[A-Z][\w&.'’]{0,30}(?:[ \t][A-Z&][\w&.'’]{0,30}){0,3})[ \t]{0,2}(?:©|\(c\))"
                                  r"[ \t]{0,2}\d{4}\b")


READERS = {"html": read_html, "htm": read_html, "xhtml": read_html}
