"""Stand-in extractors for tests/test_limits.py, importable by worker processes (by name)."""

from __future__ import annotations

import hashlib
import os
import re
import time
from pathlib import Path

from claimcheck.models import DateValue, Document, Source, Statement


def _statements(doc: Document) -> tuple[Statement, ...]:
    out = []
    for n, line in enumerate(doc.text.split("\n")):
        if "said" in line:
            sid = hashlib.sha256(f"{doc.id}{line}".encode()).hexdigest()[:12]
            out.append(Statement(sid, doc.id, "public", "claim", "", "", DateValue.undated(), line,
                                 Source(doc.path, doc.line_base + n, 0, len(line))))
    return tuple(out)


def stall_batch(docs: list[Document], *, settings: object) -> list[tuple[Statement, ...]]:
    """STALL: a catastrophic pattern in the C regex engine, where no signal handler can run."""
    for doc in docs:
        if "STALL" in doc.text:
            re.match(r"(a|aa)+b", "a" * 80)  # runs for ages, holding the GIL
    return [_statements(d) for d in docs]


def hog_batch(docs: list[Document], *, settings: object) -> list[tuple[Statement, ...]]:
    """HOG: asks for 3 GB at once (a worker's address space is capped below that)."""
    for doc in docs:
        if "HOG" in doc.text:
            block = bytearray(3 << 30)
            del block
    return [_statements(d) for d in docs]


def sleepy_batch(docs: list[Document], *, settings: object) -> list[tuple[Statement, ...]]:
    """Writes this worker's pid next to the document, then sleeps (a stalled scan to kill)."""
    for doc in docs:
        marker = os.environ.get("CLAIMCHECK_TEST_PID_FILE")
        if marker:
            Path(marker).write_text(str(os.getpid()))
        time.sleep(3600)
    return [_statements(d) for d in docs]
