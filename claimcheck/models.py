"""Frozen records passed between the stages: ingest -> extract -> align -> detect -> report.

Every stage takes and returns these plain records; only ``claimcheck.extract`` sees a spaCy
``Doc``. Records are immutable so a stage cannot change what an earlier stage produced, and
they serialize to JSON through :func:`to_jsonable` (the JSON contract in README.md).
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Literal

Kind = Literal["public", "internal"]
Precision = Literal["day", "month", "quarter", "year", "range", "unknown"]
Level = Literal["contradiction", "tension", "candidate"]
FileStatus = Literal["parsed", "skipped", "failed"]

#: Document kinds ingest may set (``Document.kind``). ``news`` holds both public statements it
#: quotes and internal evidence it reports; the others decide a statement's kind by default.
DOC_KINDS = (
    "email", "memo", "chat", "internal-report", "pitch",           # internal
    "press-release", "interview", "testimony", "post", "speech", "filing", "letter",  # public
    "news", "unknown",                                            # mixed / undecided
)
INTERNAL_DOC_KINDS = frozenset({"email", "memo", "chat", "internal-report", "pitch"})
PUBLIC_DOC_KINDS = frozenset({"press-release", "interview", "testimony", "post", "speech", "filing", "letter"})


@dataclass(frozen=True)
class DateValue:
    """A date with its precision and provenance.

    ``start``/``end`` are inclusive calendar days covering the expression: "June 2020" is
    2020-06-01..2020-06-30 with precision ``month``; a day has start == end. An undated value
    has ``start is None`` and precision ``unknown``.
    """

    start: dt.date | None
    end: dt.date | None
    precision: Precision
    source: str = "undated"  # how it was found: header, front-matter, sidecar, cli, meta, dateline, text, relative, document, config, undated
    text: str = ""           # the expression as written ("last Thursday", "Date: ...")

    @classmethod
    def undated(cls) -> "DateValue":
        return cls(None, None, "unknown", "undated", "")

    @classmethod
    def day(cls, d: dt.date, source: str, text: str = "") -> "DateValue":
        return cls(d, d, "day", source, text)

    @property
    def known(self) -> bool:
        return self.start is not None

    def iso(self) -> str | None:
        """ISO text at the value's precision: 2020-06-11, 2020-06, 2020, 2017-09/2018-12."""
        if self.start is None or self.end is None:
            return None
        if self.precision == "day":
            return self.start.isoformat()
        if self.precision == "month":
            return self.start.strftime("%Y-%m")
        if self.precision == "year":
            return str(self.start.year)
        return f"{self.start.isoformat()}/{self.end.isoformat()}"


@dataclass(frozen=True)
class DateMention:
    """A date expression found in a text, with character offsets into that text."""

    start: int
    end: int
    value: DateValue
    #: point | since | until | before | after | ago | range ("since 2015" -> since); "" = not set
    role: str = ""


@dataclass(frozen=True)
class Document:
    """One unit of text from ingest: a file, or one message of an mbox, PDF or thread.

    ``text`` is the body that extraction reads. Offsets into ``text`` map back to the file with
    ``line_base`` (1-based line of ``text[0]`` in the file) and ``page_starts`` (offsets in
    ``text`` where each PDF page begins; empty for other formats). ``line_exact`` is False when
    ``text`` was rebuilt from markup (HTML, DOCX, PDF) so lines count within the extracted text.
    """

    id: str                      # stable: sha256 of content (+ part), shortened; never the path
    path: str                    # as shown to users: relative to the scanned root, "/" separators
    part: str = ""               # "" for a whole file; "msg3", "quote1", "p2-msg1" for parts
    text: str = ""
    kind: str = "unknown"        # one of DOC_KINDS
    date: DateValue = field(default_factory=DateValue.undated)
    title: str = ""
    author: str = ""             # person, e.g. the email From display name
    author_address: str = ""     # e-mail address when known
    organization: str = ""       # organization of the author or publisher, when known
    publisher: str = ""          # outlet for news ("The Northgate Ledger")
    recipients: tuple[str, ...] = ()
    line_base: int = 1
    line_exact: bool = True
    page_starts: tuple[int, ...] = ()
    thread_id: str = ""          # Message-ID / In-Reply-To chain root when known
    message_id: str = ""
    in_reply_to: str = ""
    quoted: bool = False         # a quoted earlier message split out of a reply
    aliases: tuple[tuple[str, str], ...] = ()  # (alias, canonical) from claimcheck.yaml / sidecar
    focus: str = ""              # organization in focus from config, if any
    first_page: int = 1          # page number of the page that begins at page_starts[0] (PDF parts)
    page_lines: bool = False     # lines restart at 1 on each page; line_base = line of text[0] on its page
    people: tuple[tuple[str, str], ...] = ()  # (person, organization) the document itself states (witness list)
    venue: str = ""              # the body holding a hearing ("U.S. Senate"): its members' organization
    owners: tuple[tuple[str, str], ...] = ()  # (unit, owner) the text states ("Acme, a subsidiary of Apex")
    #: (offset in ``text``, line in the file) at each point where the file's line changes, for text
    #: rebuilt from markup (HTML): ``locate`` then gives the file's own line. Sorted by offset.
    line_map: tuple[tuple[int, int], ...] = ()

    def locate(self, offset: int) -> tuple[int, int | None]:
        """Return (line, page) of a character offset in ``text``; page is 1-based or None."""
        offset = max(0, offset)
        if self.line_map:

            i = bisect.bisect_right(self.line_map, (offset, float("inf"))) - 1
            return self.line_map[max(i, 0)][1], None
        if not self.page_starts:
            return self.line_base + _newlines_before(self.text, 0, offset), None
        index = sum(1 for p in self.page_starts if p <= offset) or 1
        page = self.first_page + index - 1
        if not self.page_lines:
            return self.line_base + _newlines_before(self.text, 0, offset), page
        start = self.page_starts[index - 1]
        base = self.line_base if index == 1 else 1
        return base + _newlines_before(self.text, min(start, offset), offset), page


@lru_cache(maxsize=8)
def _newline_offsets(text: str) -> tuple[int, ...]:
    return tuple(m.start() for m in re.finditer("\n", text))


def _newlines_before(text: str, start: int, offset: int) -> int:
    """``text.count("\\n", start, offset)``, from an index built once per text: every statement
    of a document is located, so counting from the top each time is quadratic in a big one."""
    if offset <= start:
        return 0
    nl = _newline_offsets(text)
    return bisect.bisect_left(nl, offset) - bisect.bisect_left(nl, start)


@dataclass(frozen=True)
class FileRecord:
    """What happened to one file found under the scanned paths: every file gets one."""

    path: str
    status: FileStatus
    reason: str = ""             # why skipped / failed ("binary file", "unsupported extension .xyz")
    stage: str = ""              # ingest | extract | ... for failures
    documents: tuple[str, ...] = ()  # ids of documents produced
    sha256: str = ""


@dataclass(frozen=True)
class Quantity:
    value: float
    unit: str = ""               # normalized unit lemma ("device", "percent", "usd")
    approx: bool = False         # "about", "roughly", "more than"
    text: str = ""
    low: float | None = None     # bounds implied by qualifiers ("more than 200" -> low=200)
    high: float | None = None


@dataclass(frozen=True)
class Frame:
    """What a statement asserts, read from the parse: who does what to whom, how firmly."""

    actor: str = ""              # grammatical subject as written ("the company", "we")
    predicate: str = ""          # main verb lemma ("sell", "pitch", "deny")
    object: str = ""             # direct object phrase
    target: str = ""             # recipient / scope phrase ("police departments", "the agency")
    polarity: Literal["positive", "negative"] = "positive"
    modality: str = "report"     # commitment | denial | assurance | concern | knowledge | action | report | figure
    condition: str = ""          # "until there is a national law"
    temporal_scope: str = ""     # "never", "since 2015", "until ..."
    quantities: tuple[Quantity, ...] = ()
    verbs: tuple[str, ...] = ()  # every verb lemma in the asserted clause (predicate families)
    hedged: bool = False         # "may have", "reportedly": the text does not assert it firmly
    scope: str = ""              # target scope id from rules/scope.yaml ("federal-government")


@dataclass(frozen=True)
class Source:
    path: str
    line: int
    start: int                   # character offsets into the document text
    end: int
    page: int | None = None
    part: str = ""

    def ref(self) -> str:
        """Compiler-style reference: path:line, path:p3:line 12, box.mbox#msg2:14."""
        name = f"{self.path}#{self.part}" if self.part else self.path
        if self.page is not None:
            return f"{name}:p{self.page}:{self.line}"
        return f"{name}:{self.line}"


@dataclass(frozen=True)
class Statement:
    id: str                      # stable: hash of document id + normalized text
    document: str                # Document.id
    kind: Kind
    role: Literal["claim", "evidence", "third-party", "context"]
    speaker: str                 # person when known, else ""
    organization: str            # canonical organization, else ""
    date: DateValue              # when the statement was made (or the evidence happened)
    text: str                    # exact text of the span
    source: Source
    entities: tuple[str, ...] = ()   # canonical entity names mentioned
    topics: tuple[str, ...] = ()     # lemmatized key phrases
    frame: Frame = field(default_factory=Frame)
    also_reported_in: tuple[Source, ...] = ()  # other documents reporting the same statement
    mentioned_dates: tuple[DateMention, ...] = ()  # dates in the text (offsets relative to text)

    @property
    def date_end(self) -> dt.date | None:
        return self.date.end


@dataclass(frozen=True)
class SentenceNote:
    """What the reader did with one sentence of a document (``claimcheck explain``)."""

    document: str                # Document.id
    start: int                   # offsets into the document's text
    end: int
    line: int                    # the file's line of ``start``
    kept: bool                   # became a statement
    reason: str                  # why it was kept or left out, in words
    statement: str = ""          # the statement's id when kept


@dataclass(frozen=True)
class Reason:
    """One explained difference: kind is strengthens | weakens; code is machine-readable."""

    effect: Literal["strengthens", "weakens"]
    code: str                    # scope | timing | later-change | third-party | hedged | same-actor | own-record | ...
    text: str


@dataclass(frozen=True)
class Finding:
    id: str                      # stable: hash of rule, public text, internal texts (content only)
    level: Level
    type: str                    # commitment-vs-action | denial-vs-evidence | knowledge-timing | numeric-mismatch | assurance-vs-concern
    rule: str                    # id of the rule in rules/*.yaml
    score: float
    public: str                  # Statement.id
    internal: tuple[str, ...]    # Statement.ids
    organization: str
    topic: str
    point: str                   # the disputed point, one line
    explanation: str             # full sentence(s): point + every reason
    reasons: tuple[Reason, ...] = ()


@dataclass(frozen=True)
class Review:
    """A desk's verdict on one finding, from ``claimcheck-review.yaml`` (claimcheck/review.py)."""

    finding: str                 # Finding.id
    status: Literal["confirmed", "dismissed"]
    note: str = ""
    by: str = ""                 # reviewer name
    at: str = ""                 # when, ISO 8601 UTC ("2026-12-04T16:40:00Z")


@dataclass(frozen=True)
class ErrorRecord:
    path: str
    message: str
    stage: str = "ingest"


@dataclass(frozen=True)
class Report:
    schema_version: int
    tool_version: str
    model: str                   # spaCy pipeline used, or "rule-based fallback"
    degraded: bool
    roots: tuple[str, ...]
    files: tuple[FileRecord, ...]
    documents: tuple[Document, ...]
    statements: tuple[Statement, ...]
    findings: tuple[Finding, ...]
    errors: tuple[ErrorRecord, ...]
    warnings: tuple[str, ...] = ()
    aligned: tuple[str, ...] = ()  # ids of statements aligned with the other side (shown by default)
    reviews: tuple[Review, ...] = ()  # review state of findings in this report (claimcheck/review.py)
    #: review entries whose id is no finding of this report (a finding gone, or its claim changed)
    stale_reviews: tuple[Review, ...] = ()


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def field_names(cls: type) -> tuple[str, ...]:
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(f.name for f in dataclasses.fields(cls))
    return names


_SCALARS = (str, int, float, bool, type(None))


def evolve(obj: Any, **changes: Any) -> Any:
    """``dataclasses.replace`` for these plain frozen records without its per-call overhead
    (no ``__init__``/``__post_init__`` rerun: only for changes that keep the record valid)."""
    new = object.__new__(type(obj))
    state = new.__dict__
    state.update(obj.__dict__)
    state.update(changes)
    return new


def to_jsonable(obj: Any) -> Any:
    """Turn records into JSON-ready values: dates as ISO strings, tuples as lists."""
    if obj is None or isinstance(obj, (str, int, float)):
        return obj
    if hasattr(type(obj), "__dataclass_fields__") and not isinstance(obj, type):
        names = field_names(type(obj))
        state = getattr(obj, "__dict__", None)
        if state is not None and len(state) == len(names):  # fields only, in field order: skip getattr
            return {k: v if type(v) in _SCALARS else to_jsonable(v) for k, v in state.items()}
        return {name: to_jsonable(getattr(obj, name)) for name in names}
    if isinstance(obj, (list, tuple)):
        return [x if type(x) in _SCALARS else to_jsonable(x) for x in obj]
    if isinstance(obj, dict):
        return {str(k): to_jsonable(v) for k, v in obj.items()}
    if isinstance(obj, (dt.date, dt.datetime)):
        return obj.isoformat()
    return obj
