"""explain: what the tool did with a file, a line of it, two statements or a finding, and why."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import click

from ._shared import _check_model, _load_saved, _reviewed, _write, handle_errors


@click.command()
@click.argument("targets", metavar="FILE[:LINE] | ID ID | FINDING", nargs=-1, required=True)
@click.option("--report", "saved", type=click.Path(exists=True, dir_okay=False),
              help="The saved JSON report holding the statements (ID ID) or the finding (FINDING).")
@click.option("--format", "-f", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--rules", "rules_dirs", multiple=True, type=click.Path(exists=True),
              help="Extra rules folder or file, as given to scan.")
@click.option("--model", help="spaCy pipeline, as given to scan.")
@click.option("--no-cache", is_flag=True, help="Do not read or write the cache.")
@handle_errors
def explain(targets: tuple[str, ...], saved: str | None, fmt: str, rules_dirs: tuple[str, ...],
            model: str | None, no_cache: bool) -> None:
    """Say what the tool did with a file, a line of it, or two statements, and why.

    For a file: each document's kind, date and author and where each came from, and the
    statements read from it (FILE:LINE: those on that line). For two statement ids of a saved
    report: both sides, whether a rule could compare them, and the finding that joins them; for
    a finding id, the same for its public claim and each internal record.

    \b
    Examples:
      claimcheck explain DIR/internal/memo.docx
      claimcheck explain DIR/emails/2018-03-07.eml:16 --format json
      claimcheck explain s4b0907ea4c9e s733640b166 --report findings.json
      claimcheck explain Fde17f00d1b --report findings.json
    """
    from ..report import explain as ex
    from ..ruleset import load_rules

    _check_model(model)
    rules = load_rules([Path(p) for p in rules_dirs])
    out = io.StringIO()
    if len(targets) == 2 and not any(Path(t).exists() for t in targets):
        if not saved:
            raise click.UsageError("two statement ids need the saved report that holds them: --report SAVED.json")
        rep = _reviewed(_load_saved(saved), None, None, None, (), (), ())
        ids = [_statement_id(rep, t) for t in targets]
        data = ex.explain_pair(rep, ids[0], ids[1], rules=rules)
        ex.render_pair_text(data, out) if fmt == "text" else None
    elif len(targets) == 1 and saved and not Path(targets[0].rpartition(":")[0] or targets[0]).exists():
        from ..review import resolve_ids
        rep = _reviewed(_load_saved(saved), None, None, None, (), (), ())
        [fid] = resolve_ids([targets[0]], rep)
        finding = next(f for f in rep.findings if f.id == fid)
        data = {"finding": fid, "pairs": [ex.explain_pair(rep, finding.public, i, rules=rules)
                                          for i in finding.internal if i in {s.id for s in rep.statements}]}
        for pair in data["pairs"] if fmt == "text" else ():
            ex.render_pair_text(pair, out)
            out.write("\n")
    elif len(targets) == 1:
        path, line = _file_line(targets[0])
        data = _explain_file(path, line, rules=rules, model=model, use_cache=not no_cache)
        ex.render_file_text(data, out) if fmt == "text" else None
    else:
        raise click.UsageError("give one FILE or FILE:LINE, or two statement ids with --report SAVED.json")
    if fmt == "json":
        out.write(json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False) + "\n")
    _write(out.getvalue(), None)


def _statement_id(report: Any, wanted: str) -> str:
    ids = sorted({s.id for s in report.statements})
    hits = [i for i in ids if i == wanted] or [i for i in ids if wanted and i.startswith(wanted)]
    if len(hits) != 1:
        raise click.BadParameter(f"{wanted!r} is {'ambiguous' if hits else 'not a statement id of this report'}",
                                 param_hint="ID")
    return hits[0]


def _file_line(target: str) -> tuple[str, int | None]:
    if Path(target).exists():
        if Path(target).is_dir():
            raise click.BadParameter(f"{target!r} is a folder: explain one file in it (FILE or FILE:LINE)",
                                     param_hint="FILE")
        return target, None
    head, sep, tail = target.rpartition(":")
    if sep and tail.isdigit() and Path(head).is_file():
        return head, int(tail)
    raise click.BadParameter(f"{target!r}: no such file (give FILE, FILE:LINE, or two statement ids)",
                             param_hint="FILE")


def _corpus_root(path: Path) -> Path:
    """The folder a file is scanned with: the nearest one up holding a claimcheck.yaml (its
    aliases, people and focus shape what is read), else the file's own folder."""
    folder = path.resolve().parent
    for candidate in (folder, *folder.parents):
        if (candidate / "claimcheck.yaml").is_file() or (candidate / "claimcheck.yml").is_file():
            return candidate
    return folder


def _explain_file(path: str, line: int | None, *, rules: Any, model: str | None, use_cache: bool) -> dict[str, Any]:
    """Scan the file's corpus (cached), read the file itself again for its text, and explain it."""
    import dataclasses

    from .. import extract
    from ..ingest import DEFAULT_MAX_FILE_BYTES, DEFAULT_TIME_LIMIT, _meta_for, plan_paths, read_file
    from ..pipeline import ScanOptions, run
    from ..report.explain import explain_file

    root = _corpus_root(Path(path))
    entries, sidecars = plan_paths([root])
    target = Path(path).resolve()
    entry = next((e for e in entries if e.path == target), None)
    if entry is None:  # not part of a scan of its folder (hidden, a folder export's member): alone
        root = Path(path)
        entries, sidecars = plan_paths([path])
        entry = entries[0] if entries else None
    meta = _meta_for(entry, sidecars) if entry is not None else {}
    sidecar = entry is not None and bool(sidecars.get(entry.path))
    result = read_file(entry, meta, date=None, max_file_bytes=DEFAULT_MAX_FILE_BYTES,
                       time_limit_s=DEFAULT_TIME_LIMIT) if entry is not None else None
    documents = list(result.documents) if result is not None else []
    if line is not None:  # a line past the end would explain nothing, silently
        from ..report.explain import line_count

        count = line_count(path, documents)
        if not 1 <= line <= count:
            raise click.BadParameter(f"{path} has {count} line{'' if count == 1 else 's'}: there is no line {line}",
                                     param_hint="FILE:LINE")
    report = run([str(root)], options=ScanOptions(model=model, use_cache=use_cache), rules=rules)
    mine = {d.id for d in documents}
    shown = entry.display if entry is not None else path
    report = dataclasses.replace(report, statements=tuple(s for s in report.statements if s.document in mine),
                                 files=tuple(f for f in report.files if f.path == shown))
    explain_batch = getattr(extract, "explain_batch", None)
    notes = None
    if explain_batch is not None and documents:
        notes = explain_batch(documents, settings=extract.ExtractSettings(model, rules))
    return explain_file(path, line, report=report, documents=documents, meta=meta, sidecar=sidecar, notes=notes)
