"""Issue 17: every regular expression that reads document text runs in linear time on any input.

The patterns are found, not listed: every compiled pattern held by a claimcheck module (at module
level, in a list, dict or class), and every pattern written as a literal in a ``re.*`` call in the
source. Each is run with ``finditer`` (the worst way to apply it: a search from every position)
over adversarial strings of 100 KB built from a short prefix, a unit repeated (one letter, 10,000
spaces, ``(``...) and a short suffix, the shapes that make a backtracking engine blow up. The
budget is one second per pattern and string; the patterns run in a child process that is stopped
after a few seconds, so a catastrophic pattern fails the test instead of hanging it.
"""

from __future__ import annotations

import ast
import importlib
import multiprocessing
import pkgutil
import re
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import claimcheck

SIZE = 100_000
BUDGET_S = 1.0
#: How long the parent waits for one pattern before it stops the child (a catastrophic pattern
#: on 100 KB would run for hours; anything over the budget fails anyway).
HANG_S = 8.0
#: Modules whose patterns read configuration, rules or command lines, never document text.
NOT_DOCUMENT_TEXT = {"claimcheck.cli", "claimcheck.config", "claimcheck._yaml", "claimcheck.ruleset",
                     "claimcheck.rulecheck", "claimcheck.evaluate", "claimcheck.baseline", "claimcheck.__main__"}


def _walk(obj: object, out: dict[tuple[str, int], str], where: str, depth: int = 0) -> None:
    if isinstance(obj, re.Pattern):
        if isinstance(obj.pattern, str):
            out.setdefault((obj.pattern, obj.flags), where)
    elif depth < 3 and isinstance(obj, (list, tuple, set, frozenset)):
        for x in obj:
            _walk(x, out, where, depth + 1)
    elif depth < 3 and isinstance(obj, dict):
        for x in obj.values():
            _walk(x, out, where, depth + 1)


_RE_CALLS = {"compile", "search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split"}


def _literal_patterns(path: Path, name: str, out: dict[tuple[str, int], str]) -> None:
    """Patterns written as a string literal in a ``re.f(...)`` call (compiled only when called)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in _RE_CALLS
                and isinstance(node.func.value, ast.Name) and node.func.value.id == "re" and node.args
                and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
            continue
        flags = 0
        for arg in list(node.args[1:]) + [k.value for k in node.keywords if k.arg == "flags"]:
            for flag in ast.walk(arg):
                if isinstance(flag, ast.Attribute) and isinstance(flag.value, ast.Name) and flag.value.id == "re":
                    flags |= int(getattr(re, flag.attr, 0)) if isinstance(getattr(re, flag.attr, 0), re.RegexFlag) else 0
        try:
            compiled = re.compile(node.args[0].value, flags)
        except re.error:
            continue
        out.setdefault((compiled.pattern, compiled.flags), f"{name}:{node.lineno}")


def document_patterns() -> list[tuple[str, int, str]]:
    found: dict[tuple[str, int], str] = {}
    root = Path(claimcheck.__file__).parent
    for info in pkgutil.walk_packages(claimcheck.__path__, "claimcheck."):
        if info.name in NOT_DOCUMENT_TEXT or info.name.startswith(("claimcheck.cli.", "claimcheck.evaluate.")):  # packages' modules
            continue
        module = importlib.import_module(info.name)
        for key, value in vars(module).items():
            _walk(value, found, f"{info.name}.{key}")
            if isinstance(value, type) and value.__module__ == info.name:
                for k2, v2 in vars(value).items():
                    _walk(v2, found, f"{info.name}.{key}.{k2}")
        file = Path(module.__file__ or "")
        if file.is_file() and root in file.parents:
            _literal_patterns(file, info.name, found)
    # patterns built at run time from the default rules' word lists (rules/lexicon.yaml)
    from claimcheck.extract.attribution import title_words
    from claimcheck.ruleset import load_rules

    _walk(vars(title_words(load_rules())), found, "claimcheck.extract.attribution.title_words(default rules)")
    return sorted(((p, f, where) for (p, f), where in found.items()), key=lambda t: t[2])


PATTERNS = document_patterns()


def _run_all(conn, text: str, first: int) -> None:  # the child: one message per pattern
    for pattern, flags, _where in PATTERNS[first:]:
        compiled = re.compile(pattern, flags)
        start = time.perf_counter()
        for _ in compiled.finditer(text):
            pass
        conn.send(time.perf_counter() - start)
    conn.close()


def slow_patterns(text: str) -> list[str]:
    """Every pattern over the budget on ``text`` (a hung one is stopped, and the rest still run)."""
    ctx = multiprocessing.get_context("fork")
    slow: list[str] = []
    first = 0
    while first < len(PATTERNS):
        parent, child = ctx.Pipe(duplex=False)
        proc = ctx.Process(target=_run_all, args=(child, text, first), daemon=True)
        proc.start()
        child.close()
        try:
            for pattern, _flags, where in PATTERNS[first:]:
                first += 1
                if not parent.poll(HANG_S):
                    slow.append(f"{where}: still running after {HANG_S} s: {pattern[:200]!r}")
                    break
                elapsed = parent.recv()
                if elapsed > BUDGET_S:
                    slow.append(f"{where}: {elapsed:.2f} s: {pattern[:200]!r}")
        finally:
            proc.kill()
            proc.join()
    return slow


def _check(text: str) -> None:
    slow = slow_patterns(text)
    assert not slow, f"patterns over {BUDGET_S} s on {text[:30]!r}...{text[-30:]!r} ({len(text):,} chars):\n" + "\n".join(slow)


def test_patterns_are_found() -> None:
    wheres = {w.split(":")[0].rsplit(".", 1)[0] for _, _, w in PATTERNS}
    assert len(PATTERNS) > 100
    for module in ("claimcheck.dates", "claimcheck.extract.sentences", "claimcheck.ingest.base", "claimcheck.ingest.email"):
        assert any(w == module or w.startswith(module + ".") for w in wheres), module  # a module or its package


_UNITS = [" ", "\n", "\t", "a", "A", "1", ".", ",", "-", "(", "<", '"', "'", "/", ":", "@", "=", "—", "*", "#",
          "a ", "A ", "A.", "1,", "1 ", " \n", "Aa", "> ", "a.", ". ", "A, ", "<b>", "=?", "&#", "a-", "x@a."]
_AFFIXES = ["", "A", "a", "The ", "1", '"', "A ", "x said the company.", "!", "\n", "Re:", "<a@b.c>", "Page 1"]


@pytest.mark.slow
@settings(max_examples=8, deadline=None, suppress_health_check=list(HealthCheck))
@given(prefix=st.sampled_from(_AFFIXES), unit=st.sampled_from(_UNITS) | st.text(min_size=1, max_size=3),
       suffix=st.sampled_from(_AFFIXES))
@example(prefix="A", unit=" ", suffix="x said the company.")   # the dateline bomb of issue 17
@example(prefix="", unit="(", suffix="a")
@example(prefix="", unit="\n", suffix="")
@example(prefix="", unit="A ", suffix=":")
@example(prefix="", unit="a", suffix="")
@example(prefix="", unit="1 ", suffix="")
@example(prefix="", unit="FEB", suffix="")  # a month name run on: "[a-z]*" after it was quadratic
def test_every_document_pattern_is_linear(prefix: str, unit: str, suffix: str) -> None:
    _check(prefix + unit * (SIZE // len(unit)) + suffix)
