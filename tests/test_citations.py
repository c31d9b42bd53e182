"""Citations to trust (issue 18, point 3): every statement of every bundled case quotes its
file, whole, at the offsets and the line it cites, and quotes the claim alone.

For each case in tests/corpora and seeds, the scan's JSON (through the CLI) is checked statement
by statement, its own source and every ``also_reported_in`` source alike:

- the offsets: the document's text at ``start:end`` is the quoted text (whitespace normalized);
  where the document's text is a stretch of the file (plain text, Markdown after its front
  matter, an e-mail's body, a JSON record's value), the file's own text at those offsets is too;
- the line: every word of the quoted text runs, in order, from a word of the cited line of the
  file (for a PDF, the line of the cited page's text layer; for HTML, the page's source line with
  its tags and entities read; for JSON, the line of the text value). A .docx cites paragraphs,
  not lines of a file, and has only the offsets checked;
- the claim alone: no quoted text opens with a salutation ("Jane,") or a form's label
  ("Reviewer Comment:") on a line of its own, goes on after a closing quotation mark into an
  attribution ('..." said Jane Roe'), opens with an attribution before the quotation it ends with
  ('Jane Roe told reporters, "We ...."'), or carries a quotation mark without its partner.

An ``also_reported_in`` source has no text of its own in the JSON: the text it cites is its
document's text at its offsets, checked the same way.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimcheck.cli import cli
from claimcheck.ingest import ingest_paths
from claimcheck.ruleset import load_rules

ROOT = Path(__file__).resolve().parent.parent
CASES = sorted(p.parent for p in [*ROOT.glob("tests/corpora/*/gold.yaml"), *ROOT.glob("seeds/*/gold.yaml")])


def _norm(text: str) -> str:
    return " ".join(text.split())


def _raw(case: Path, source: dict) -> str:
    return (case / source["path"]).read_bytes().decode("utf-8", "replace").replace("\r\n", "\n").replace("\r", "\n")


def _lines(case: Path, source: dict) -> list[str] | None:
    """The file's lines as words can be read from them (None: a .docx, which has no lines)."""
    path = case / source["path"]
    suffix = path.suffix.lower()
    if suffix == ".docx":
        return None
    if suffix == ".pdf":
        import pypdfium2 as pdfium

        pdf = pdfium.PdfDocument(str(path))
        try:
            text = pdf[source["page"] - 1].get_textpage().get_text_range()
        finally:
            pdf.close()
        return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lines = _raw(case, source).split("\n")
    if suffix in (".html", ".htm"):  # a tag is no word of a quote; an entity is its character
        lines = [html.unescape(re.sub(r"<[^>]*>", " ", ln)) for ln in lines]
    elif suffix in (".json", ".jsonl"):  # a JSON string's escapes
        lines = [re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m[1], 16)), re.sub(r'\\[nrt"/\\]', " ", ln))
                 for ln in lines]
    return lines


def _runs_from(words: list[str], lines: list[str], at: int) -> bool:
    """Whether ``words``, all of them, run in order from a word of ``lines[at]`` on (into the
    next lines if the quote wraps)."""
    if not words or not 0 <= at < len(lines):
        return False
    first = len(re.findall(r"\w+", lines[at]))
    after: list[str] = []
    for ln in lines[at:]:
        after += re.findall(r"\w+", ln)
        if len(after) >= first + len(words):
            break
    return any(after[i:i + len(words)] == words for i in range(first))


#: What opens a letter's or a form's body rather than the claim: a short line of its own ending in
#: a comma (a salutation) or a colon (a label).
_OPENER = re.compile(r"\s*[*_]{0,2}(?:dear |hi |hello )?[\w.'&/()\- ]{1,40}[,:][*_]{0,2}[ \t]*\n", re.I)


def _forms(lemma: str) -> set[str]:
    """A reporting verb's forms, near enough: 'say' -> 'says', 'said', 'saying'; 'deny' -> 'denied'."""
    stem = lemma[:-1] if lemma.endswith(("e", "y")) else lemma
    out = {lemma, lemma + "s", lemma + "ed", lemma + "d", lemma + "ing", stem + "ing", stem + "ied", stem + "ies",
           lemma + lemma[-1] + "ed"}
    return out | {"said", "told", "wrote", "written"}


REPORTING = set().union(*(_forms(v) for v in load_rules().lexicon["report_verbs"]))
#: A sentence that ends with a quotation opened after a comma, a colon or the verb itself: what
#: comes before it may be the quotation's attribution.
_QUOTE_AT_END = re.compile(r'(?P<before>[^"\u201c\u201d]{1,400}?)[ \t\n]{1,3}["\u201c][A-Z][^"\u201c\u201d]{0,2000}["\u201d][.!?]?\s*')


def _attribution_before(text: str) -> bool:
    """Does ``text`` open with an attribution (a reporting verb, at most eight words after it and
    none of them 'was', then a comma or a colon or the quotation) before the quotation it ends with?"""
    m = _QUOTE_AT_END.fullmatch(text.strip())
    if not m:
        return False
    before = m["before"].rstrip()
    words = re.findall(r"[\w'\u2019-]+", before.lower())
    verbs = [i for i, w in enumerate(words) if w in REPORTING]
    if not verbs or {"is", "was", "are", "were", "be", "been"} & set(words[verbs[-1]:]):
        return False  # 'said the motto was, "Safety first."': what was said, not who said it
    return before.endswith((",", ":")) and len(words) - verbs[-1] <= 9 or verbs[-1] == len(words) - 1


def _not_the_claim_alone(text: str) -> str:
    """Why ``text`` quotes more than a claim ("" when it quotes the claim alone)."""
    if _OPENER.match(text):
        return "opens with a salutation or a label line"
    if text.count('"') % 2 or text.count("\u201c") != text.count("\u201d"):
        return "has a quotation mark without its partner"
    body = text.lstrip()
    closing = max(body.rfind('"'), body.rfind("\u201d"))
    if body[:1] in ('"', "\u201c") and closing > 0 and re.search(r"\w", body[closing + 1:]):
        return "goes on after the quotation's closing mark (an attribution)"
    if _attribution_before(text):
        return "opens with the attribution of the quotation it ends with"
    return ""


def _scan(case: Path, tmp_path: Path) -> list[dict]:
    out = tmp_path / "r.json"
    res = CliRunner().invoke(cli, ["scan", str(case), "--no-cache", "-q", "-f", "json", "-o", str(out),
                                   "--fail-on", "never"])
    assert res.exit_code == 0, res.output
    return json.loads(out.read_text())["statements"]


@pytest.mark.model
@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_every_statement_quotes_its_files_text_whole_at_its_offsets_and_line(case: Path, tmp_path: Path) -> None:
    statements = _scan(case, tmp_path)
    assert statements
    texts = {(d.path, d.part): d.text for r in ingest_paths([case]) for d in r.documents}
    wrong = []
    for s in statements:
        for src in (s["source"], *s["also_reported_in"]):
            where = f"{src['ref']} ({src['start']}-{src['end']})"
            doc = texts[(src["path"], src["part"])]
            cited = doc[src["start"]:src["end"]]
            if src is s["source"] and _norm(cited) != _norm(s["text"]):
                wrong.append(f"{where}: the document's text there is {cited!r}, the quote {s['text']!r}")
            raw = _raw(case, src)
            if doc in raw:  # the document's text is a stretch of the file: the file's text at the offsets
                base = raw.index(doc)
                if _norm(raw[base + src["start"]:base + src["end"]]) != _norm(cited):
                    wrong.append(f"{where}: the file's text there is not {cited!r}")
            lines = _lines(case, src)
            if lines is not None and not _runs_from(re.findall(r"\w+", cited), lines, src["line"] - 1):
                at = src["line"] - 1
                wrong.append(f"{where}: {cited!r} does not run whole from that line "
                             f"({lines[at][:60] if 0 <= at < len(lines) else ''!r})")
            why = _not_the_claim_alone(cited)
            if why:
                wrong.append(f"{where}: {cited!r} {why}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("case", ["plain"])
def test_html_offsets_map_to_the_pages_own_lines(case: str, tmp_path: Path) -> None:
    """Text repeated in the head, an entity opening a node, inline tags, a wrapped paragraph and
    a <br>: each sentence's offset maps to the source line where it starts."""
    from claimcheck.ingest import plan_paths, read_file

    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Ships sold</title>\n"          # 1
        '<meta name="description" content="Ships sold">\n'  # 2
        "</head><body><article>\n"                          # 3
        "<h1>Ships sold</h1>\n"                             # 4
        "<p>&amp; more: the yard <b>sold</b> two\n"         # 5
        "ships in May.\n"                                   # 6
        "The buyer was a navy.<br>It paid cash.</p>\n"      # 7
        "<p>\n"                                             # 8
        "   Nobody   denied it.</p>\n"                      # 9
        "</article></body></html>\n", encoding="utf-8")
    entries, sidecars = plan_paths([page])
    [doc] = read_file(entries[0], {}, date=None, max_file_bytes=10**6, time_limit_s=10).documents
    expect = {"Ships sold": 4, "& more": 5, "ships in May": 6, "The buyer": 7, "It paid": 7, "Nobody": 9}
    for text, line in expect.items():
        assert doc.locate(doc.text.index(text))[0] == line, text


@pytest.mark.parametrize("text, attributed", [
    ('Jane Roe told reporters, "We are safe."', True),
    ('In a statement, Acme said: "No customer data was affected."', True),
    ('Jane Roe said "We will never sell the data."', True),
    ('Acme called the report "misleading" and said it would respond.', False),
    ('Jane Roe said the report was, in her words, "misleading."', False),
    ("Jane Roe said the company's motto was, \"Safety first.\"", False),
    ('"We are safe," said Jane Roe.', False),
    ("We are safe.", False)])
def test_the_check_knows_an_attribution_before_a_quotation(text: str, attributed: bool) -> None:
    assert _attribution_before(text) is attributed
