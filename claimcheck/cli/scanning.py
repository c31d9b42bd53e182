"""scan, watch and report: a folder scanned (once, or again on every change) or a saved report
re-rendered, through the same output options."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path
from typing import Any, Callable

import click

from ..errors import ClaimcheckError, NothingReadable
from ._shared import (
    _check_model, _check_output, _emit, _exit_code, _finish, _load_saved, _replace, _reviewed, _say,
    _use_color, _write, handle_errors, output_options, walk_options,
)


def run_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Options `scan` and `watch` share, defined once so the two commands cannot drift: the folders
    to read, the output options, what the walk may read, and the rules, model, workers, cache and
    time limit of the run."""
    for deco in reversed([
        click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True)),
        output_options,
        walk_options,
        click.option("--rules", "rules_dirs", multiple=True, type=click.Path(exists=True),
                     help="Extra rules folder or file (adds to or overrides the defaults)."),
        click.option("--model", help="spaCy pipeline to load (default: en_core_web_sm, then the bundled package; "
                                     "'none': the rule-based fallback)."),
        click.option("--thorough", is_flag=True, help="Parse every sentence (slow reference mode)."),
        click.option("--jobs", "-j", type=click.IntRange(min=1), help="Worker processes (default: all cores)."),
        click.option("--cache", "cache_dir", type=click.Path(file_okay=False), help="Cache folder (default: user cache)."),
        click.option("--no-cache", is_flag=True,
                     help="Do not read or write the cache (a watch still keeps results in memory)."),
        click.option("--file-timeout", type=click.FloatRange(min=0, max=86_400),
                     help="Seconds a file may take before its worker is stopped and the file reported failed "
                          "(plus 10 per MB; default: claimcheck.yaml's file_timeout, else 60; 0: no limit)."),
    ]):
        fn = deco(fn)
    return fn


@click.command()
@run_options
@click.option("--date", "doc_date", help="Document date for a single file (YYYY-MM-DD).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar or warnings on stderr.")
@handle_errors
def scan(paths: tuple[str, ...], fmt: str, output: str | None, fail_on: tuple[str, ...], baseline: str | None,
         review_file: str | None, since: str | None, until: str | None, entity: tuple[str, ...],
         topic: tuple[str, ...], level: tuple[str, ...], show_all: bool, color: str, sections: str | None,
         rows: str, rules_dirs: tuple[str, ...], doc_date: str | None, model: str | None, thorough: bool,
         jobs: int | None, cache_dir: str | None, no_cache: bool, quiet: bool, follow_symlinks: bool,
         nested_configs: bool, config_file: str | None,
         file_timeout: float | None) -> None:
    """Scan documents and report public claims that the internal record strains.

    \b
    Examples:
      claimcheck scan seeds/CASE
      claimcheck scan DIR --format markdown -o report.md
      claimcheck scan DIR --format json -o findings.json --fail-on contradiction,error
    """
    _check_output(output, paths)
    date = _check_date(doc_date, paths)
    _check_model(model)
    from ..ruleset import load_rules
    from ..runtime.hashes import FileHashes

    rules = load_rules([Path(p) for p in rules_dirs])  # once per run: a bad rule file fails here
    hashes = FileHashes()  # each file hashed once: for the run memo's key, then the cache's
    memo_key = None
    if not no_cache:  # an unchanged folder with the same options replays the last output (runmemo.py)
        memo_key = _memo_key(paths, model, rules.digest, date, thorough, fmt, output, fail_on, baseline,
                             _review_key(paths, review_file), since, until, entity, topic, level, show_all,
                             sections, rows, file_timeout, hashes=hashes,
                             walk=(follow_symlinks, nested_configs, _config_key(config_file)))
        replay = _memo(cache_dir, paths, memo_key, quiet=quiet)
        if replay is not None:
            if not quiet:
                for w in replay.warnings:
                    _say(f"warning: {w}")
            _write(replay.output, output)
            sys.exit(replay.exit_code)

    from ..pipeline import ScanOptions, run
    from ..report.progress import progress

    options = ScanOptions(rules_dirs=rules_dirs, model=model, date=date, thorough=thorough, jobs=jobs,
                          cache_dir=cache_dir, use_cache=not no_cache, follow_symlinks=follow_symlinks,
                          nested_configs=nested_configs, config=config_file, file_timeout=file_timeout)
    total = None
    if not quiet:
        from ..ingest import plan_paths
        total = len(plan_paths(paths, walk=options.walk())[0])  # the file list: a total and an ETA
    with progress(total, enabled=not quiet) as advance:
        report = run(paths, options=options, on_progress=advance, rules=rules, hashes=hashes)
    if not any(f.status == "parsed" for f in report.files):
        raise NothingReadable(f"nothing readable under {', '.join(paths)} "
                              f"({len(report.files)} file(s): {', '.join(sorted({f.status for f in report.files})) or 'none'})")
    warnings = list(report.warnings) + _date_warnings(report, date)
    if not quiet:
        for w in warnings:
            _say(f"warning: {w}")
    text, code, said = _finish(report, fmt, output, fail_on, baseline, since, until, entity, topic, level,
                               show_all, review_file=review_file, color=color, sections=sections, rows=rows,
                               quiet=quiet)
    from ..runtime.jobs import CUT_OFF

    # a file stopped over its budget depends on the machine's load: the next run tries it again
    if memo_key is not None and text is not None and not any(f.reason.startswith(CUT_OFF) for f in report.files):
        # the cache's own warnings belong to this run, not to every replay of its output
        kept = tuple(w for w in (*warnings, *said) if not w.startswith("cache "))
        _memo(cache_dir, paths, memo_key, store=(text, kept, code))
    sys.exit(code)


def _check_date(doc_date: str | None, paths: tuple[str, ...]) -> Any:
    """``--date``: one file's date, refused on a folder or several paths (their documents carry
    their own dates; a folder's undated files take theirs from a sidecar or claimcheck.yaml)."""
    if not doc_date:
        return None
    if len(paths) != 1 or Path(paths[0]).is_dir():
        raise click.UsageError(
            "--date dates one undated file, not a folder or several paths (their documents keep their "
            "own dates): give each undated file a FILE.meta.yaml sidecar (date: YYYY-MM-DD) or a "
            "'documents:' entry in claimcheck.yaml")
    from ..dates import parse_date_value
    date = parse_date_value(doc_date, source="cli")
    if date is None or not date.known:
        raise click.BadParameter(f"not a date: {doc_date!r} (use YYYY-MM-DD)", param_hint="--date")
    return date


def _date_warnings(report: Any, date: Any) -> list[str]:
    """Say so when --date was not used because the file dates itself (a header, a dateline)."""
    if date is None:
        return []
    kept = sorted({f"{d.path}{'#' + d.part if d.part else ''} ({d.date.iso()}, from its {d.date.source})"
                   for d in report.documents if d.date.known and d.date.source != "cli"})
    return ([f"--date {date.iso()} not applied to {', '.join(kept[:5])}{' ...' if len(kept) > 5 else ''}: "
             "--date only dates undated documents"] if kept else [])


def _review_key(paths: tuple[str, ...], review_file: str | None) -> str:
    """The bytes of every review file a run would read (a changed review changes the output)."""
    import hashlib

    from ..review import review_file_for

    digest = hashlib.sha256()
    for f in [review_file_for(p) for p in paths] + ([Path(review_file)] if review_file else []):
        try:
            digest.update(str(f).encode() + b"\0" + f.read_bytes())
        except OSError:
            digest.update(str(f).encode() + b"\0-")
    return digest.hexdigest()


@click.command()
@run_options
@click.option("--interval", type=click.FloatRange(min=0.05), default=2.0, show_default=True,
              help="Seconds between two looks at the folder.")
@click.option("--max-scans", type=click.IntRange(min=1), help="Stop after this many scans (default: until interrupted).")
@click.option("--events", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="One line per scan on stderr, as text or as a JSON object.")
@handle_errors
def watch(paths: tuple[str, ...], fmt: str, output: str | None, fail_on: tuple[str, ...], baseline: str | None,
          review_file: str | None, since: str | None, until: str | None, entity: tuple[str, ...],
          topic: tuple[str, ...], level: tuple[str, ...], show_all: bool, color: str, sections: str | None,
          rows: str, rules_dirs: tuple[str, ...], model: str | None,
          thorough: bool, jobs: int | None, cache_dir: str | None, no_cache: bool, interval: float,
          max_scans: int | None, events: str, follow_symlinks: bool, nested_configs: bool,
          config_file: str | None, file_timeout: float | None) -> None:
    """Scan, then scan again whenever a file is added, changed or removed.

    One process keeps the model loaded in its workers and every file's results in memory, so a
    re-scan after a new document costs that document's parse, alignment and the report. The
    report is rewritten in full after each scan (atomically with -o). Stops on Ctrl-C, or after
    --max-scans scans with the last scan's exit status.

    \b
    Examples:
      claimcheck watch DIR -f json -o findings.json --fail-on never
      claimcheck watch DIR -f markdown -o report.md --interval 10
    """
    import dataclasses

    from ..pipeline import ScanOptions
    from ..runtime.watch import Watcher

    _check_output(output, paths)  # a bad rule file fails the first scan (each scan loads the rules once)
    _check_model(model)
    options = ScanOptions(rules_dirs=rules_dirs, model=model, thorough=thorough, jobs=jobs,
                          cache_dir=cache_dir, use_cache=not no_cache, follow_symlinks=follow_symlinks,
                          nested_configs=nested_configs, config=config_file, file_timeout=file_timeout)

    def publish(report: Any) -> int:
        report = _reviewed(report, baseline, since, until, entity, topic, level, review_file)
        if output and output != "-":
            from ..report import render
            buf = io.StringIO()
            render(report, fmt, buf, color=_use_color(fmt, output, color), show_all=show_all,
                   sections=sections or "all", rows=rows, memo=watcher.resident.memo)
            _replace(output, buf.getvalue())
        else:
            _emit(report, fmt, output, show_all=show_all, color=color, sections=sections or "all", rows=rows)
        return _exit_code(report, fail_on)

    def on_event(event: Any) -> None:
        if events == "json":
            click.echo(json.dumps(dataclasses.asdict(event), sort_keys=True), err=True)
        else:
            click.echo(f"scan {event.scan}: {event.files} files ({event.changed} changed, {event.parsed} parsed), "
                       f"{event.findings} findings ({len(event.new_findings)} new, {len(event.gone_findings)} gone) "
                       f"in {event.seconds:.2f} s", err=True)

    def on_error(exc: ClaimcheckError) -> None:
        _say(f"claimcheck: {exc} (report not updated; watching for the next change)")

    import signal

    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))  # stop the workers on the way out
    watcher = Watcher(paths, options, publish)
    try:
        last = watcher.loop(interval=interval, max_scans=max_scans, on_event=on_event, on_error=on_error)
    except KeyboardInterrupt:
        sys.exit(0)
    finally:
        watcher.close()
    sys.exit(last.exit_code)


def _memo_key(paths: tuple[str, ...], model: str | None, rules_digest: str, date: Any, thorough: bool,
              fmt: str, output: str | None, fail_on: str, baseline: str | None, *filters: Any,
              hashes: Any = None, walk: tuple[bool, bool, str | None] = (False, False, None)) -> str:
    """Everything the output depends on besides the inputs' bytes (the output path is not); the
    rules by their content digest, not their folders; what the walk may read (issue 19)."""
    import hashlib

    from ..runtime.runmemo import run_key

    rules_key = rules_digest
    baseline_key = hashlib.sha256(Path(baseline).read_bytes()).hexdigest() if baseline else None
    to_file = bool(output and output != "-")
    return run_key(paths, model, (rules_key, date, thorough, fmt, to_file, fail_on, baseline_key, filters, walk),
                   hashes=hashes, follow_symlinks=walk[0])


def _config_key(config_file: str | None) -> str | None:
    """What a --config file contributes to the run memo: its bytes (it lies outside the inputs)."""
    import hashlib

    return hashlib.sha256(Path(config_file).read_bytes()).hexdigest() if config_file else None


def _memo(cache_dir: str | None, paths: tuple[str, ...], key: str,
          store: tuple[str, tuple[str, ...], int] | None = None, *, quiet: bool = True) -> Any:
    """The stored replay of ``key`` (None on a miss), or store one; never fails the run."""
    from ..runtime.cache import Cache
    from ..runtime.runmemo import Replay, lookup
    from ..runtime.runmemo import store as put

    with Cache(cache_dir, scanned=list(paths)) as cache:
        if store is None:
            found = lookup(cache, key)
            if not quiet:
                for w in cache.warnings:
                    click.echo(f"warning: {w}", err=True)
            return found
        put(cache, key, Replay(store[0], tuple(store[1]), store[2]), label=f"run of {', '.join(paths)}")
    return None


@click.command()
@click.argument("saved", type=click.Path(exists=True, dir_okay=False))
@output_options
@handle_errors
def report(saved: str, fmt: str, output: str | None, fail_on: tuple[str, ...], baseline: str | None,
           review_file: str | None, since: str | None, until: str | None, entity: tuple[str, ...],
           topic: tuple[str, ...], level: tuple[str, ...], show_all: bool, color: str, sections: str | None,
           rows: str) -> None:
    """Re-render a saved JSON report without rescanning.

    \b
    Example:
      claimcheck report findings.json --format markdown -o report.md
    """
    rep = _load_saved(saved)
    _, code, _ = _finish(rep, fmt, output, fail_on, baseline, since, until, entity, topic, level, show_all,
                         review_file=review_file, color=color, sections=sections, rows=rows)
    sys.exit(code)
