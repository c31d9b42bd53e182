"""Issue 17: no file is read whole by accident when it is hashed for the cache."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from click.testing import CliRunner

import claimcheck.runtime.hashes as hashes
from claimcheck.cli import cli


class _Reads:
    """An ``os`` for the hashing module whose ``fdopen`` files record every read size."""

    def __init__(self) -> None:
        self.sizes: list[int] = []

    def __getattr__(self, name):
        return getattr(os, name)

    def fdopen(self, fd, mode="r", *a, **k):
        fh = os.fdopen(fd, mode, *a, **k)
        reads = self.sizes

        class Tracked:
            def __enter__(self):
                return self

            def __exit__(self, *exc):
                fh.close()

            def fileno(self):
                return fh.fileno()

            def read(self, n=-1):
                reads.append(n)
                return fh.read(n)
        return Tracked()


def test_hash_streams_in_bounded_blocks(tmp_path: Path, monkeypatch) -> None:
    data = bytes(range(256)) * 40  # 10 KB
    (tmp_path / "f.bin").write_bytes(data)
    reads = _Reads()
    monkeypatch.setattr(hashes, "_BLOCK", 1024)
    monkeypatch.setattr(hashes, "os", reads)
    assert hashes.hash_file(tmp_path / "f.bin", 1 << 62) == (hashlib.sha256(data).hexdigest(), len(data))
    assert reads.sizes and max(reads.sizes) <= 1024
    assert hashes.hash_file(tmp_path / "f.bin", 5000) is None  # over the limit: None, not a partial hash
    assert max(reads.sizes) <= 1024


def _slack(root: Path) -> Path:
    export = root / "slack"
    (export / "general").mkdir(parents=True)
    (export / "users.json").write_text(json.dumps([{"id": "U1", "name": "ann", "real_name": "Ann Lee"}]))
    (export / "channels.json").write_text(json.dumps([{"id": "C1", "name": "general"}]))
    (export / "general" / "2019-03-14.json").write_text(json.dumps(
        [{"type": "message", "user": "U1", "ts": "1552554000.000100",
          "text": "We already sold the data to the agency, the company said internally."}]))
    return export


def test_issue_17_slack_export_with_the_cache_hashes_in_blocks(tmp_path: Path, monkeypatch) -> None:
    """Row 'a folder holding a Slack export, scanned with the default cache': the export's files
    were hashed with read(1 << 62); now every read is one bounded block, and the scan works."""
    docs = tmp_path / "docs"
    _slack(docs)
    reads = _Reads()
    monkeypatch.setattr(hashes, "os", reads)
    result = CliRunner().invoke(cli, ["scan", str(docs), "-f", "json", "--cache", str(tmp_path / "c"), "-j", "1",
                                      "--fail-on", "never"])
    assert result.exit_code == 0, result.output
    assert reads.sizes and max(reads.sizes) <= hashes._BLOCK
    files = {f["path"]: f["status"] for f in json.loads(result.stdout)["files"]}
    assert files["slack/general/2019-03-14.json"] == "parsed"
