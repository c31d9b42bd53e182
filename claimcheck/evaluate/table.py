"""The ``claimcheck eval`` table: one row per case and a micro-averaged total row."""

from __future__ import annotations

from pathlib import Path
from typing import Any, TextIO

from .scoring import Counts, EvalResult, meets_targets



def _fmt(v: float | None) -> str:
    return "-" if v is None else f"{v:.2f}"


def render_table(result: EvalResult, out: Any, *, gold_statements: bool = False) -> None:
    """Print a rich table, one row per case and a micro-averaged total row, to a Console or stream.
    ``gold_statements``: the comparison-alone mode (pairs aligned instead of statement fields)."""
    from rich.console import Console
    from rich.table import Table

    console = out if isinstance(out, Console) else Console(file=out, width=160, soft_wrap=False)
    table = Table(title="claimcheck eval" + (" --gold-statements" if gold_statements else ""), show_lines=False)
    cols = (("case", "stmts", "pairs aligned", "aligned", "flag P", "flag R", "listed", "type", "level",
             "neg-ctl flags", "not-pair flags") if gold_statements else
            ("case", "stmts", "kind", "date", "speaker", "org", "flag P", "flag R", "type",
             "neg-ctl flags", "not-pair flags"))
    for col in cols:
        table.add_column(col, justify="left" if col == "case" else "right")

    def row(name: str, c: Counts, style: str | None = None) -> None:
        r = c.ratios()
        if gold_statements:
            table.add_row(
                name, f"{c.found_statements}/{c.gold_statements}", f"{c.gold_pairs_aligned}/{c.gold_pairs}",
                str(c.aligned_pairs), _fmt(r["flag_precision"]), _fmt(r["flag_recall"]),
                f"{c.gold_flags_listed}/{c.gold_flags}", _fmt(r["type_accuracy"]), _fmt(r["level_accuracy"]),
                str(c.negative_control_flags), str(c.not_contradiction_flags), style=style)
            return
        table.add_row(
            name, f"{c.found_statements}/{c.gold_statements}", _fmt(r["kind_accuracy"]),
            _fmt(r["date_accuracy"]), _fmt(r["speaker_accuracy"]), _fmt(r["organization_accuracy"]),
            _fmt(r["flag_precision"]), _fmt(r["flag_recall"]), _fmt(r["type_accuracy"]),
            str(c.negative_control_flags), str(c.not_contradiction_flags), style=style)

    for s in result.cases:
        name = Path(s.case).name + (" (neg)" if s.negative_control else "")
        if s.error:
            name += " [error]"
        row(name, s.counts)
    table.add_section()
    row("TOTAL", result.total, style="bold")
    console.print(table)
    errors = [s for s in result.cases if s.error]
    for s in errors:
        console.print(f"{s.case}: scan failed: {s.error}", markup=False)
    met = meets_targets(result)
    missing = [k for k, ok in met.items() if not ok]
    console.print("targets met" if not missing else "targets not met: " + ", ".join(missing),
                  markup=False)


def write_table(result: EvalResult, stream: TextIO) -> None:
    """Plain-stream convenience wrapper around :func:`render_table`."""
    render_table(result, stream)
