"""Run extraction over ingested files: serial placeholder (parallelism and caching come next)."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

from .models import ErrorRecord, Statement

if TYPE_CHECKING:
    from .cache import Cache
    from .extract import ExtractSettings
    from .ingest import IngestResult


def extract_all(results: Iterable["IngestResult"], *, settings: "ExtractSettings", jobs: int = 1,
                cache: "Cache | None" = None, on_progress: Callable[[int], None] | None = None,
                ) -> Iterator[tuple["IngestResult", tuple[Statement, ...], tuple[ErrorRecord, ...]]]:
    """Extract statements file by file, in input order."""
    from .extract import extract_statements

    for result in results:
        statements: list[Statement] = []
        errors: list[ErrorRecord] = []
        for doc in result.documents:
            try:
                statements.extend(extract_statements(doc, settings=settings))
            except Exception as exc:  # one bad document never stops the run
                errors.append(ErrorRecord(doc.path, f"{type(exc).__name__}: {exc}", "extract"))
        slim = dataclasses.replace(result, documents=tuple(dataclasses.replace(d, text="") for d in result.documents))
        if on_progress:
            on_progress(1)
        yield slim, tuple(statements), tuple(errors)
