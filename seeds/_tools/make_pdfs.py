"""Generate the printed-email records releases (PDF) of the seed cases; run from the repo root.

    /tmp/venv/bin/python seeds/_tools/make_pdfs.py

The PDFs are committed; this script is how they were made (fpdf2, core fonts, fixed creation
date so the output is byte-stable). Each release looks like what agencies and committees
publish: a cover line with the release date, printed emails with From/Sent/To/Subject blocks,
"(b)(6)" redactions, a Bates number and a "Page N of M" footer on every page.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from fpdf import FPDF

ROOT = Path(__file__).resolve().parent.parent


class Release(FPDF):
    def __init__(self, bates_prefix: str, bates_start: int, banner: str):
        super().__init__(format="letter")
        self.bates_prefix, self.bates_start, self.banner = bates_prefix, bates_start, banner
        self.set_auto_page_break(auto=True, margin=22)
        self.set_creation_date(dt.datetime(2020, 1, 1, tzinfo=dt.timezone.utc))

    def header(self) -> None:
        self.set_font("Helvetica", "I", 8)
        self.cell(0, 5, self.banner, align="C", new_x="LMARGIN", new_y="NEXT")
        self.ln(2)

    def footer(self) -> None:
        self.set_y(-15)
        self.set_font("Helvetica", "", 8)
        self.cell(0, 5, f"Page {self.page_no()} of {{nb}}", align="L")
        self.cell(0, 5, f"{self.bates_prefix}-{self.bates_start + self.page_no() - 1:06d}", align="R")


def write_release(path: Path, *, bates: str, start: int, banner: str, cover: str,
                  emails: list[tuple[list[tuple[str, str]], str]]) -> None:
    pdf = Release(bates, start, banner)
    pdf.alias_nb_pages()
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 11)
    pdf.multi_cell(0, 6, cover, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    for headers, body in emails:
        pdf.set_font("Helvetica", "", 10)
        for key, value in headers:
            pdf.set_font("Helvetica", "B", 10)
            pdf.cell(22, 5, f"{key}:")
            pdf.set_font("Helvetica", "", 10)
            pdf.multi_cell(0, 5, value, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
        pdf.multi_cell(0, 5, body, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(6)
    path.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(path))


def carmaker() -> None:
    write_release(
        ROOT / "carmaker-emissions/records/2016-01-27-committee-release.pdf",
        bates="HEC-VW", start=4411,
        banner="Documents produced to the Committee - released January 27, 2016",
        cover=("COMMITTEE ON ENERGY AND COMMERCE\nDocuments released January 27, 2016\n"
               "Emissions compliance correspondence, 2014 (produced by the company)"),
        emails=[
            ([("From", "Jens Kahler"), ("Sent", "Tuesday, December 9, 2014 6:52 PM"),
              ("To", "Dietmar Roth; (b)(6)"), ("Subject", "Press text for the service action")],
             "Dietmar,\n\nI saw the draft press text for tomorrow. The sentence that every TDI "
             "is certified to meet the emission standards is true for the test cycle, but our own "
             "road measurements show the cars exceed the NOx limit in normal driving, and the "
             "update does not change that. I am concerned that we are telling customers there is "
             "nothing to worry about.\n\nCan we at least remove 'complete confidence'?\n\n"
             "Jens Kahler\nPowertrain Development\nVolkswagen AG"),
            ([("From", "Dietmar Roth"), ("Sent", "Wednesday, December 10, 2014 7:31 AM"),
              ("To", "Jens Kahler"), ("Subject", "RE: Press text for the service action")],
             "Jens,\n\nCommunications will not change the text; it was approved in the US. "
             "Please keep the road data inside the working group for now.\n\nDietmar"),
        ])


if __name__ == "__main__":
    carmaker()
