"""The spine and the wing: no stage module imports claimcheck.runtime (issue 16).

The stages (ingest -> extract -> corpus -> align -> detect -> report, over models and dates)
are pure functions over records; what caches, parallelizes or stays resident lives in
claimcheck/runtime/ and wraps them from above. This walks every import statement of each
stage's files (function-level and TYPE_CHECKING imports included) and follows it through the
non-stage modules they use (config, ruleset, nlp, ...); another stage is checked on its own.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "claimcheck"
STAGES = ("ingest", "extract", "corpus", "align", "detect", "report", "models", "dates")
WING = "claimcheck.runtime"

#: Stages that still take a runtime object, each until its owner's rewrite removes it (strict:
#: the marker must go the day the import does). Empty: report takes any LineCache
#: (report/jsonout.py), a protocol the wing's Memo meets without report importing it.
STILL_TAKES_A_MEMO: dict[str, str] = {}


def _module_file(name: str) -> Path | None:
    parts = name.split(".")[1:]
    base = PACKAGE.joinpath(*parts)
    for candidate in (base.with_suffix(".py") if parts else None, base / "__init__.py"):
        if candidate is not None and candidate.is_file():
            return candidate
    return None


def _module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path) -> set[str]:
    """Every claimcheck module ``path`` imports, anywhere in the file, as absolute names."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - (node.level - 1)]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            out.add(module)
            out.update(f"{module}.{a.name}" for a in node.names)  # "from . import corpus" names a module
    return {m for m in out if m.split(".")[0] == "claimcheck" and (_module_file(m) or m.startswith(WING))}


def _stage_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in STAGES else None


def wing_imports(stage: str) -> list[str]:
    """Import chains from ``stage`` into the runtime wing ("a -> b -> claimcheck.runtime.x")."""
    start = PACKAGE / f"{stage}.py"
    files = [start] if start.is_file() else sorted((PACKAGE / stage).rglob("*.py"))
    todo = [(_module_name(f), _module_name(f)) for f in files]
    seen = {m for m, _ in todo}
    found = []
    while todo:
        module, chain = todo.pop()
        path = _module_file(module)
        if path is None:
            continue
        for target in sorted(_imports(path)):
            if target.startswith(WING):
                found.append(f"{chain} -> {target}")
            elif target not in seen and _stage_of(target) in (None, stage):
                seen.add(target)
                todo.append((target, f"{chain} -> {target}"))
    return found


@pytest.mark.parametrize("stage", [
    pytest.param(s, marks=pytest.mark.xfail(strict=True, reason=STILL_TAKES_A_MEMO[s])) if s in STILL_TAKES_A_MEMO
    else s for s in STAGES])
def test_architecture_no_stage_imports_the_runtime_wing(stage: str) -> None:
    assert wing_imports(stage) == []


def test_architecture_the_walk_follows_relative_and_function_level_imports() -> None:
    """The walk itself: pipeline.py imports the wing inside run() with a relative import."""
    assert any(m.startswith(WING) for m in _imports(PACKAGE / "pipeline.py"))
    assert "claimcheck.corpus" in _imports(PACKAGE / "pipeline.py")  # "from . import corpus"


def test_architecture_every_stage_exists() -> None:
    for stage in STAGES:
        assert (PACKAGE / f"{stage}.py").is_file() or (PACKAGE / stage / "__init__.py").is_file(), stage


ROOT = PACKAGE.parent
#: Files a user writes beside the documents, named in the text but no part of the tree.
USER_FILES = {"claimcheck.yaml", "FILE.meta.yaml"}


def _named_paths(text: str) -> list[str]:
    """The paths a document names in backticks: files and folders (``ingest/base.py``,
    ``rules/*.yaml``), a name in a module (``runtime/memo.Memo``) or in a top-level module or
    package (``corpus._placed``, ``ingest.WalkOptions``)."""
    out = []
    for t in re.findall(r"`([\w./*-]+)`", text):
        if t.startswith(("/", ".")) or t in USER_FILES:  # /dev/stdout, .github/, a user's file
            continue
        head = t.split(".")[0]
        if "/" in t or t.endswith((".py", ".yaml")) or (
                re.fullmatch(r"[a-z_]+\.\w+", t) and (_module_file(f"claimcheck.{head}") is not None)):
            out.append(t)
    return out


def _exists(name: str) -> bool:
    if "/" not in name and name.endswith((".py", ".yaml")):  # a file named alone, beside the path before it
        return any(ROOT.glob(f"claimcheck/**/{name}")) or any(ROOT.glob(f"rules/{name}"))
    for base in (ROOT, PACKAGE):
        if any(base.glob(name)) or (base / name).exists():
            return True
        folder, _, last = name.rpartition("/")
        module, dot, attr = last.partition(".")
        source = base / folder / f"{module}.py"
        if not source.is_file():
            source = base / folder / module / "__init__.py"
        if dot and attr and attr != "py" and source.is_file() and re.search(
                rf"^\s*(?:def|class) {re.escape(attr)}\b|^{re.escape(attr)}\s*[:=]", source.read_text(encoding="utf-8"), re.M):
            return True
    return False


@pytest.mark.parametrize("doc, section", [("README.md", "## What it does, stage by stage"), ("ARCHITECTURE.md", "")])
def test_architecture_every_path_the_stage_tables_name_exists(doc: str, section: str) -> None:
    """README's stage table and ARCHITECTURE.md's decision table say where each decision is
    made: every path (and module.name) they name is in the tree."""
    text = (ROOT / doc).read_text(encoding="utf-8")
    if section:
        text = text[text.index(section):]
        text = text[:text.find("\n## ", 1)]
    named = _named_paths(text)
    assert len(named) > 10
    assert not _exists("claimcheck/cli.py") and not _exists("runtime/memo.Nothing")  # the check can fail
    assert [n for n in named if not _exists(n)] == []
