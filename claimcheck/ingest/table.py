"""Spreadsheet exports (.csv, .tsv): a log, a tracker or a ledger released as a table.

Each data row is read as one line of text, on the row's own line of the file, so a citation's
``path:line`` is the row's: its short cells as "column value" (``time 13:09``), then its cells of
prose as sentences ("South pump stopped again - earth fault."). Comment lines before the header
("# Ride operations log, 25/10/2016") are the document's heading; the header row names the
columns and is no statement. The text is then read as a plain text file is (its kind from its
heading or folder, its date from its heading or name). Parsing is the standard library's ``csv``
(quoting, embedded commas); a row that spans lines is joined onto its first line.

A log whose rows carry their own dates (a "date" or "timestamp" column) is a record per row: each
dated row is a part of its own, dated by its cell, as a chat export's messages are.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import re

from ..dates.values import parse_date_value
from ..models import INTERNAL_DOC_KINDS, DateValue, Document
from .base import Malformed, ReadContext, Skip, decode_text, normalize_newlines
from .text import read_text

#: A cell that is a figure, a date or a time: "212000", "2016-10-25", "13:09", "$7.6M".
_FIGURE = re.compile(r"[-+$€£]?\d[\d.,:/%\-]*[A-Za-z]{0,2}")


def _prose(cell: str) -> bool:
    """A cell of prose: three words or more, the first opening with a letter ("Ride opened to guests"),
    not a figure or a code."""
    return cell[:1].isalpha() and len(cell.split(None, 2)) == 3


def _row_text(header: list[str], row: list[str]) -> str:
    """One row as a line, its cells in order: a first cell that names the row ("Legal fees") as its
    label, short cells as "column value" ("time 13:09"), cells of prose as sentences."""
    parts: list[tuple[bool, str]] = []  # (prose?, text)
    label = ""
    for n, cell in enumerate(row):
        value = " ".join(cell.split())
        if not value or value.lower() in ("n/a", "na", "-", "--"):
            continue
        name = header[n].strip().replace("_", " ") if n < len(header) else ""
        if not parts and not label and n == 0 and not _FIGURE.fullmatch(value) and not _prose(value):
            label = value  # "Acme Ltd", "Q3": what the row is about
        elif _prose(value):
            parts.append((True, value if value[-1] in ".!?" else value + "."))
        else:
            parts.append((False, f"{name} {value}".strip() if name and name.lower() != value.lower() else value))
    out = label
    for k, (prose, text) in enumerate(parts):
        after_short = k > 0 and not parts[k - 1][0]
        if not out:
            out = text
        elif prose:
            out += (": " if after_short or (k == 0 and label) else " ") + text
        else:
            out += (", " if after_short else (": " if k == 0 and label else " ")) + text
    if parts and not parts[-1][0] or not parts:
        out += "."
    return out


#: A column holding each row's date: "date", "month", "timestamp", "Date sent", "logged at", "report date".
_DATE_COLUMN = re.compile(r"(?i)(?:date|day|month|period|timestamp|time[ _]?stamp|date[ _]?time|sent|created|logged|logged[ _]at|"
                          r"posted|when|date[ _]of[ _][a-z ]{1,20}|[a-z]{1,20}[ _]date)")


def table_text(text: str, delimiter: str) -> str:
    """The table's text, line for line: comment lines as the heading, the header row blank, each
    data row as one line (a quoted cell's line breaks kept as blank lines after it)."""
    return _table(text, delimiter)[0]


def _table(text: str, delimiter: str) -> tuple[str, dict[int, str]]:
    """:func:`table_text`, and each data row's cell in the table's date column by its 0-based line."""
    lines = text.split("\n")
    out: list[str] = []
    dated: dict[int, str] = {}
    date_column: int | None = None
    header: list[str] | None = None
    n = 0
    while n < len(lines):
        line = lines[n]
        if header is None and (line.lstrip().startswith("#") or not line.strip()):
            out.append(line.lstrip().lstrip("#").strip())  # "# Ride operations log, 25/10/2016": the heading
            n += 1
            continue
        # a record may run over several lines inside quotes: read until the quotes close
        chunk, taken = line, 1
        while chunk.count('"') % 2 and n + taken < len(lines):
            chunk += "\n" + lines[n + taken]
            taken += 1
        cells = next(csv.reader(io.StringIO(chunk), delimiter=delimiter), [])
        if header is None:
            header = cells
            date_column = next((k for k, c in enumerate(cells) if _DATE_COLUMN.fullmatch(c.strip())), None)
            out.append("")
        else:
            out.append(_row_text(header, cells) if any(c.strip() for c in cells) else "")
            if date_column is not None and date_column < len(cells) and cells[date_column].strip():
                dated[n] = cells[date_column].strip()
        out.extend([""] * (taken - 1))
        n += taken
    return "\n".join(out), dated


def _delimiter(text: str) -> str:
    """The delimiter of a .csv: a comma, or the semicolon (or tab, or bar) a spreadsheet in a locale
    with a decimal comma writes, as the csv module's sniffer reads the first rows below the heading."""
    rows = [ln for ln in text.split("\n") if ln.strip() and not ln.lstrip().startswith("#")][:20]
    try:
        return csv.Sniffer().sniff("\n".join(rows)[:20_000], delimiters=",;\t|").delimiter
    except csv.Error:
        return ","


def read_table(data: bytes, ctx: ReadContext) -> list[Document]:
    text = normalize_newlines(decode_text(data))
    if not text.strip():
        raise Skip("empty file")
    delimiter = "\t" if ctx.path.suffix.lower() == ".tsv" else _delimiter(text)
    try:
        body, dated = _table(text, delimiter)
    except csv.Error as exc:  # a NUL byte, a field past csv's size limit
        raise Malformed(f"not a readable table: {exc}") from None
    docs = read_text(body.encode("utf-8"), ctx)
    # a table of rows is a record kept (a log, a tracker, a ledger), whatever its heading's words
    docs = [d if d.kind in INTERNAL_DOC_KINDS else dataclasses.replace(d, kind="internal-report") for d in docs]
    return _rows_by_date(docs[0], dated) if len(docs) == 1 and not docs[0].part and not (ctx.meta or {}).get("date") \
        else docs


def _rows_by_date(doc: Document, cells: dict[int, str]) -> list[Document]:
    """A log whose rows carry their own dates as parts of their own ("r5" for the row on line 5),
    each dated by its cell; the rest (the heading, undated rows) stays the document. Unchanged
    unless most rows are dated, on two days at least: one date column repeating the file's
    day dates nothing the file does not."""
    dates: dict[int, DateValue] = {}
    for n, cell in cells.items():
        found = parse_date_value(cell, source="header")
        if found is not None and found.known:
            dates[n] = found
    if len(dates) < max(2, (len(cells) + 1) // 2) or len({d.start for d in dates.values()}) < 2:
        return [doc]
    lines = doc.text.split("\n")
    rows: list[Document] = []
    for n, date in sorted(dates.items()):
        k = n + 1 - doc.line_base  # the row's line in the document's text
        if not 0 <= k < len(lines) or not lines[k].strip():
            continue
        rows.append(dataclasses.replace(doc, id=f"{doc.id}-r{n + 1}", part=f"r{n + 1}", text=lines[k], line_base=n + 1,
                                        date=date))
        lines[k] = ""
    rest = dataclasses.replace(doc, text="\n".join(lines))
    return ([rest] if rest.text.strip() else []) + rows


READERS = {"csv": read_table, "tsv": read_table}
