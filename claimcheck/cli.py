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

LEVELS = ("contradiction", "tension", "candidate")
FAIL_ON = ("contradiction", "tension", "never")
FORMATS = ("terminal", "json", "markdown", "html", "timelinejs", "csv", "github")


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


def _exit_code(findings: Any, fail_on: str) -> int:
    if fail_on == "never":
        return 0
    wanted = {"contradiction"} if fail_on == "contradiction" else {"contradiction", "tension"}
    return 1 if any(f.level in wanted for f in findings) else 0


def _check_output(output: str | None, inputs: tuple[str, ...]) -> None:
    if not output or output == "-":
        return
    out = Path(output).resolve()
    for p in inputs:
        root = Path(p).resolve()
        if out == root or (root.is_dir() and root in out.parents):
            raise click.UsageError(f"refusing to write {output!r} inside the scanned input {p!r}: inputs are never written")


def _emit(report: Any, fmt: str, output: str | None, *, show_all: bool) -> str | None:
    """Render and write; return the text written, or None when it went to a terminal in colour
    (that text depends on the terminal and is not memoized)."""
    from .report import render

    color = fmt == "terminal" and not (output and output != "-") and sys.stdout.isatty()
    buf = io.StringIO()
    render(report, fmt, buf, color=color, show_all=show_all)
    text = buf.getvalue()
    _write(text, output)
    return None if (color or (fmt == "terminal" and not output)) else text


def _write(text: str, output: str | None) -> None:
    if output and output != "-":
        _replace(output, text)      # a reader of the file sees the old report or the new one
    else:
        sys.stdout.write(text)
        sys.stdout.flush()


def _reviewed(report: Any, baseline: str | None, since: str | None, until: str | None,
              entity: tuple[str, ...], topic: tuple[str, ...], level: tuple[str, ...]) -> Any:
    """The report as the user asked to see it: findings not in ``baseline``, then the filters."""
    if baseline:
        from .baseline import apply_baseline, load_baseline
        report = apply_baseline(report, load_baseline(baseline))
    return _filters(report, since, until, entity, topic, level)


def _filters(report: Any, since: str | None, until: str | None, entity: tuple[str, ...],
             topic: tuple[str, ...], level: tuple[str, ...]) -> Any:
    if not level:  # candidates are listed for review only when asked for (--level candidate)
        import dataclasses
        if any(f.level == "candidate" for f in report.findings):
            report = dataclasses.replace(report, findings=tuple(f for f in report.findings if f.level != "candidate"))
    if not (since or until or entity or topic or level):
        return report
    from .report.filters import filter_report
    return filter_report(report, since=since, until=until, entity=entity or None, topic=topic or None,
                         level=level or None)


def output_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Options shared by `scan` and `report`: format, output, filters, exit status."""
    for deco in reversed([
        click.option("--format", "-f", "fmt", type=click.Choice(FORMATS), default="terminal", show_default=True,
                     help="Output format."),
        click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write to FILE instead of stdout."),
        click.option("--fail-on", type=click.Choice(FAIL_ON), default="contradiction", show_default=True,
                     help="Exit 1 when a finding at or above this level is reported."),
        click.option("--baseline", type=click.Path(exists=True, dir_okay=False),
                     help="Report only findings not in this baseline file."),
        click.option("--since", help="Keep statements dated on or after this date (YYYY[-MM[-DD]])."),
        click.option("--until", help="Keep statements dated on or before this date."),
        click.option("--entity", multiple=True, help="Keep what concerns this organization or person."),
        click.option("--topic", multiple=True, help="Keep what concerns this topic."),
        click.option("--level", multiple=True, type=click.Choice(LEVELS), help="Keep findings of this level."),
        click.option("--all", "show_all", is_flag=True, help="Timeline of every statement, not only aligned ones."),
    ]):
        fn = deco(fn)
    return fn


def _finish(report: Any, fmt: str, output: str | None, fail_on: str, baseline: str | None,
            since: str | None, until: str | None, entity: tuple[str, ...], topic: tuple[str, ...],
            level: tuple[str, ...], show_all: bool) -> tuple[str | None, int]:
    """Apply baseline and filters, write the output; return (text written or None, exit code)."""
    report = _reviewed(report, baseline, since, until, entity, topic, level)
    text = _emit(report, fmt, output, show_all=show_all)
    return text, _exit_code(report.findings, fail_on)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
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
@click.option("--model", help="spaCy pipeline to load (default: en_core_web_sm, then the bundled package).")
@click.option("--thorough", is_flag=True, help="Parse every sentence (slow reference mode).")
@click.option("--jobs", "-j", type=click.IntRange(min=1), help="Worker processes (default: all cores).")
@click.option("--cache", "cache_dir", type=click.Path(file_okay=False), help="Cache folder (default: user cache).")
@click.option("--no-cache", is_flag=True, help="Do not read or write the cache.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar or warnings on stderr.")
@handle_errors
def scan(paths: tuple[str, ...], fmt: str, output: str | None, fail_on: str, baseline: str | None,
         since: str | None, until: str | None, entity: tuple[str, ...], topic: tuple[str, ...],
         level: tuple[str, ...], show_all: bool, rules_dirs: tuple[str, ...], doc_date: str | None,
         model: str | None, thorough: bool, jobs: int | None, cache_dir: str | None, no_cache: bool,
         quiet: bool, follow_symlinks: bool, nested_configs: bool, config_file: str | None) -> None:
    """Scan documents and report public claims that the internal record strains.

    \b
    Examples:
      claimcheck scan seeds/CASE
      claimcheck scan DIR --format markdown -o report.md
      claimcheck scan DIR --format json -o findings.json --fail-on contradiction
    """
    _check_output(output, paths)
    date = None
    if doc_date:
        from .dates import parse_date_value
        date = parse_date_value(doc_date, source="cli")
        if date is None:
            raise click.BadParameter(f"not a date: {doc_date!r} (use YYYY-MM-DD)", param_hint="--date")
    from .ruleset import load_rules
    from .runtime.hashes import FileHashes

    rules = load_rules([Path(p) for p in rules_dirs])  # once per run: a bad rule file fails here
    hashes = FileHashes()  # each file hashed once: for the run memo's key, then the cache's
    memo_key = None
    if not no_cache:  # an unchanged folder with the same options replays the last output (runmemo.py)
        memo_key = _memo_key(paths, model, rules.digest, date, thorough, fmt, output, fail_on, baseline,
                             since, until, entity, topic, level, show_all, hashes=hashes,
                             walk=(follow_symlinks, nested_configs, _config_key(config_file)))
        replay = _memo(cache_dir, paths, memo_key)
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
                          nested_configs=nested_configs, config=config_file)
    with progress(None, enabled=not quiet) as advance:
        report = run(paths, options=options, on_progress=advance, rules=rules, hashes=hashes)
    if not any(f.status == "parsed" for f in report.files):
        raise NothingReadable(f"nothing readable under {', '.join(paths)} "
                              f"({len(report.files)} file(s): {', '.join(sorted({f.status for f in report.files})) or 'none'})")
    if not quiet:
        for w in report.warnings:
            _say(f"warning: {w}")
    text, code = _finish(report, fmt, output, fail_on, baseline, since, until, entity, topic, level, show_all)
    if memo_key is not None and text is not None:
        _memo(cache_dir, paths, memo_key, store=(text, report.warnings, code))
    sys.exit(code)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@output_options
@walk_options
@click.option("--rules", "rules_dirs", multiple=True, type=click.Path(exists=True),
              help="Extra rules folder or file (adds to or overrides the defaults).")
@click.option("--model", help="spaCy pipeline to load (default: en_core_web_sm, then the bundled package).")
@click.option("--thorough", is_flag=True, help="Parse every sentence (slow reference mode).")
@click.option("--jobs", "-j", type=click.IntRange(min=1), help="Worker processes (default: all cores).")
@click.option("--cache", "cache_dir", type=click.Path(file_okay=False), help="Cache folder (default: user cache).")
@click.option("--no-cache", is_flag=True, help="Do not read or write the cache (results still stay in memory).")
@click.option("--interval", type=click.FloatRange(min=0.05), default=2.0, show_default=True,
              help="Seconds between two looks at the folder.")
@click.option("--max-scans", type=click.IntRange(min=1), help="Stop after this many scans (default: until interrupted).")
@click.option("--events", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="One line per scan on stderr, as text or as a JSON object.")
@handle_errors
def watch(paths: tuple[str, ...], fmt: str, output: str | None, fail_on: str, baseline: str | None,
          since: str | None, until: str | None, entity: tuple[str, ...], topic: tuple[str, ...],
          level: tuple[str, ...], show_all: bool, rules_dirs: tuple[str, ...], model: str | None,
          thorough: bool, jobs: int | None, cache_dir: str | None, no_cache: bool, interval: float,
          max_scans: int | None, events: str, follow_symlinks: bool, nested_configs: bool,
          config_file: str | None) -> None:
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
    options = ScanOptions(rules_dirs=rules_dirs, model=model, thorough=thorough, jobs=jobs,
                          cache_dir=cache_dir, use_cache=not no_cache, follow_symlinks=follow_symlinks,
                          nested_configs=nested_configs, config=config_file)

    def publish(report: Any) -> int:
        report = _reviewed(report, baseline, since, until, entity, topic, level)
        if output and output != "-":
            from .report import render
            buf = io.StringIO()
            render(report, fmt, buf, color=False, show_all=show_all, memo=watcher.resident.memo)
            _replace(output, buf.getvalue())
        else:
            _emit(report, fmt, output, show_all=show_all)
        return _exit_code(report.findings, fail_on)

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
          store: tuple[str, tuple[str, ...], int] | None = None) -> Any:
    """The stored replay of ``key`` (None on a miss), or store one; never fails the run."""
    from .runtime.cache import Cache
    from .runtime.runmemo import Replay, lookup
    from .runtime.runmemo import store as put

    with Cache(cache_dir, scanned=list(paths)) as cache:
        if store is None:
            return lookup(cache, key)
        put(cache, key, Replay(store[0], tuple(store[1]), store[2]), label=f"run of {', '.join(paths)}")
    return None


@cli.command()
@click.argument("saved", type=click.Path(exists=True, dir_okay=False))
@output_options
@handle_errors
def report(saved: str, fmt: str, output: str | None, fail_on: str, baseline: str | None,
           since: str | None, until: str | None, entity: tuple[str, ...], topic: tuple[str, ...],
           level: tuple[str, ...], show_all: bool) -> None:
    """Re-render a saved JSON report without rescanning.

    \b
    Example:
      claimcheck report findings.json --format markdown -o report.md
    """
    rep = _load_saved(saved)
    _, code = _finish(rep, fmt, output, fail_on, baseline, since, until, entity, topic, level, show_all)
    sys.exit(code)


@cli.command()
@click.argument("saved", type=click.Path(exists=True, dir_okay=False))
@click.option("--output", "-o", required=True, type=click.Path(dir_okay=False), help="Baseline file to write.")
@handle_errors
def baseline(saved: str, output: str) -> None:
    """Record the findings of a saved JSON report as reviewed.

    \b
    Example:
      claimcheck scan DIR -f json -o findings.json --fail-on never
      claimcheck baseline findings.json -o baseline.json
      claimcheck scan DIR --baseline baseline.json     # only new findings
    """
    from .baseline import baseline_text

    rep = _load_saved(saved)
    _replace(output, baseline_text(rep))
    _say(f"baseline: {len(rep.findings)} reviewed finding(s) written to {output}")


def _load_saved(saved: str) -> Any:
    """A saved JSON report; a file that is not one is exit 2 with what is wrong (the field named)."""
    from .report.jsonout import load_report

    try:
        return load_report(Path(saved).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ClaimcheckError(f"{saved}: cannot read: {getattr(exc, 'strerror', None) or exc}") from None
    except ValueError as exc:
        raise click.UsageError(f"{saved}: not a claimcheck JSON report ({exc})") from None


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
    """Score the scan against labelled cases (folders holding a gold.yaml).

    \b
    Example:
      claimcheck eval tests/corpora
      claimcheck eval --gold-statements tests/corpora
    """
    from .evaluate import evaluate, evaluate_gold_statements, render_table, result_to_dict
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
