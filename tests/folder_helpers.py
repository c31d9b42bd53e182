"""A folder of documents written for one test, and what claimcheck reads from it (for the tests
of reading and comparing generically: test_agencies_broadcasts_and_shares,
test_foresight_tables_and_notices)."""

from __future__ import annotations

from pathlib import Path

from claimcheck.ingest import ingest_paths
from claimcheck.pipeline import ScanOptions, run


def docs(path: Path) -> list:
    """The documents ingest reads under ``path``."""
    return [d for r in ingest_paths([path]) for d in r.documents]


def report(path: Path):
    """The report of a scan of ``path``, no cache."""
    return run([path], options=ScanOptions(use_cache=False))


def one(tmp_path: Path, folder: str, name: str, text: str) -> Path:
    """A folder holding one more document, ``folder/name``."""
    (tmp_path / folder).mkdir(exist_ok=True)
    (tmp_path / folder / name).write_text(text, encoding="utf-8")
    return tmp_path
