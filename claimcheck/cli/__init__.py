"""The command line: a thin layer over pipeline.run, the renderers, baselines, eval and rules.

The click group and the entry point live here; the commands live by what they do:
``scanning`` (scan, watch, report), ``reviewing`` (review, baseline), ``explaining`` (explain)
and ``scoring`` (eval, rules); ``_shared`` holds the options, checks and output every command
shares. The names the single ``cli.py`` module had are all still importable from here.
"""

from __future__ import annotations

import click

from .. import __version__
from ._shared import (
    COLORS, FAIL_ON, FORMATS, INTERNAL_ERROR, LEVELS, NO_MODEL, ROWS, OneLineErrors, _check_model, _check_output,
    _date_option, _emit, _exit_code, _fail_on, _filters, _finish, _load_saved, _replace, _reviewed, _say, _use_color,
    _write, handle_errors, output_options, walk_options,
)
from .explaining import _corpus_root, _explain_file, _file_line, _statement_id, explain
from .reviewing import baseline, review
from .scanning import _check_date, _config_key, _date_warnings, _memo, _memo_key, _review_key, report, scan, watch
from .scoring import eval_cmd, rules, rules_list, rules_test, rules_validate

__all__ = [
    "COLORS", "FAIL_ON", "FORMATS", "INTERNAL_ERROR", "LEVELS", "NO_MODEL", "ROWS", "OneLineErrors", "baseline",
    "cli", "eval_cmd", "explain", "handle_errors", "main", "output_options", "report", "review", "rules",
    "rules_list", "rules_test", "rules_validate", "scan", "walk_options", "watch",
    "_check_date", "_check_model", "_check_output", "_config_key", "_corpus_root", "_date_option",
    "_date_warnings", "_emit", "_exit_code", "_explain_file", "_fail_on", "_file_line", "_filters", "_finish",
    "_load_saved", "_memo", "_memo_key", "_replace", "_review_key", "_reviewed", "_say", "_statement_id",
    "_use_color", "_write",
]


@click.group(cls=OneLineErrors, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="claimcheck")
def cli() -> None:
    """Find where what an organization said in public strains against its internal record."""


for _command in (scan, watch, report, baseline, review, explain, eval_cmd, rules):
    cli.add_command(_command)
del _command


def main() -> None:
    from ..runtime.jobs import single_threaded_math

    single_threaded_math()  # before spaCy brings numpy in
    cli(prog_name="claimcheck")
