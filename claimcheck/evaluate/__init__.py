"""Score a scan against hand-labelled gold: statements, kinds, dates, speakers, flags (``claimcheck eval``).

A *case* is a folder holding documents and a ``gold.yaml`` (format in tests/corpora/README.md).
:func:`evaluate` finds the cases under the given paths, runs ``scan`` on each case folder and
scores the resulting :class:`~claimcheck.models.Report` with ``scoring.score_case``. Totals are
micro-averaged: every count is summed over cases before any ratio is taken.

The modules: ``gold.py`` (gold.yaml loaded and validated, cases found), ``matching.py`` (when a
tool's statement, date, speaker or organization matches the gold's: the matching rules),
``scoring.py`` (counts, scores, targets, the JSON form), ``table.py`` (the table),
``gold_statements.py`` (``--gold-statements``: the comparison stages alone).
"""

from __future__ import annotations

from .gold import find_cases, load_gold
from .gold_statements import evaluate_gold_statements
from .scoring import TARGETS, EvalResult, evaluate, meets_targets, result_to_dict
from .table import render_table, write_table

__all__ = ["TARGETS", "EvalResult", "evaluate", "evaluate_gold_statements", "find_cases", "load_gold",
           "meets_targets", "render_table", "result_to_dict", "write_table"]
