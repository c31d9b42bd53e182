"""review and baseline: what a person decided about findings, kept next to the documents or
in a baseline file."""

from __future__ import annotations

from pathlib import Path

import click

from ._shared import _load_saved, _replace, _say, handle_errors


@click.command()
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
    from ..baseline import merged_baseline

    rep = _load_saved(saved)
    text, added, kept = merged_baseline(rep, None if replace else output)
    _replace(output, text)
    _say(f"baseline: {added} finding(s) added, {kept} kept from the existing file, written to {output}")


@click.command()
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
    from ..review import REVIEW_FILE, default_reviewer, read_review, record, resolve_ids, review_file_for

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
