"""`scan` and `watch` take their shared options from one decorator (cli/scanning.run_options), so
an option both accept means the same in both: same flags, type, default and help."""

from __future__ import annotations

import click
import pytest
from click.testing import CliRunner

from claimcheck.cli import cli, scan, watch

SCAN_ONLY = {"doc_date", "quiet"}
WATCH_ONLY = {"interval", "max_scans", "events"}


def _params(command: click.Command) -> dict[str, click.Parameter]:
    return {p.name: p for p in command.params if p.name}


def _shape(p: click.Parameter) -> dict:
    """Everything click says of a parameter (flags, type, default, help, ...), the callback too."""
    return {**p.to_info_dict(), "callback": p.callback}


def test_scan_and_watch_expose_the_same_shared_options() -> None:
    s, w = _params(scan), _params(watch)
    assert set(s) - set(w) == SCAN_ONLY
    assert set(w) - set(s) == WATCH_ONLY
    shared = set(s) & set(w)
    assert {"paths", "fmt", "output", "fail_on", "config_file", "rules_dirs", "model", "thorough", "jobs",
            "cache_dir", "no_cache", "file_timeout"} <= shared
    assert {name: _shape(s[name]) for name in shared} == {name: _shape(w[name]) for name in shared}
    # the shared options come first and in one order in both commands
    assert [p.name for p in scan.params if p.name in shared] == [p.name for p in watch.params if p.name in shared]


@pytest.mark.parametrize("command", ["scan", "watch"])
def test_help_lists_every_option(command: str) -> None:
    result = CliRunner().invoke(cli, [command, "--help"])
    assert result.exit_code == 0, result.output
    for p in _params(scan if command == "scan" else watch).values():
        if isinstance(p, click.Option):
            assert p.opts[0] in result.output, p.opts[0]
