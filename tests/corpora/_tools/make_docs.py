"""Generate the binary documents of the development corpus (PDF with fpdf2, DOCX with python-docx).

    /tmp/venv/bin/python tests/corpora/_tools/make_docs.py

The outputs are committed; this script is how they were made. Dates inside the files are fixed
so the output does not change between runs. The texts are written for this corpus.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


# ------------------------------------------------------------------------------------- DOCX

def write_memo(path: Path, *, date: dt.datetime, author: str, header: list[tuple[str, str]],
               title: str, paragraphs: list[str]) -> None:
    import docx

    doc = docx.Document()
    doc.core_properties.author = author
    doc.core_properties.created = date
    doc.core_properties.modified = date
    doc.core_properties.last_modified_by = author
    doc.core_properties.title = title
    doc.add_heading("MEMORANDUM", level=1)
    for key, value in header:
        p = doc.add_paragraph()
        p.add_run(f"{key}: ").bold = True
        p.add_run(value)
    for text in paragraphs:
        doc.add_paragraph(text)
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(path))


# -------------------------------------------------------------------------------------- PDF

def write_release(path: Path, *, bates: str, start: int, banner: str, cover: str,
                  emails: list[tuple[list[tuple[str, str]], str]]) -> None:
    from fpdf import FPDF

    class Release(FPDF):
        def header(self) -> None:
            self.set_font("Helvetica", "I", 8)
            self.cell(0, 5, banner, align="C", new_x="LMARGIN", new_y="NEXT")
            self.ln(2)

        def footer(self) -> None:
            self.set_y(-15)
            self.set_font("Helvetica", "", 8)
            self.cell(0, 5, f"Page {self.page_no()} of {{nb}}", align="L")
            self.cell(0, 5, f"{bates}-{start + self.page_no() - 1:06d}", align="R")

    pdf = Release(format="letter")
    pdf.set_creation_date(dt.datetime(2021, 1, 1, tzinfo=dt.timezone.utc))
    pdf.set_auto_page_break(auto=True, margin=22)
    pdf.alias_nb_pages()
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 11)
    pdf.multi_cell(0, 6, cover, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    for n, (headers, body) in enumerate(emails):
        if n:
            pdf.add_page()  # agencies print each message on its own page
        for key, value in headers:
            pdf.set_font("Helvetica", "B", 10)
            pdf.cell(22, 5, f"{key}:")
            pdf.set_font("Helvetica", "", 10)
            pdf.multi_cell(0, 5, value, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
        pdf.multi_cell(0, 5, body, new_x="LMARGIN", new_y="NEXT")
    path.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(path))


# ------------------------------------------------------------------------------------ cases

def airline() -> None:
    write_memo(
        ROOT / "airline-corrosion/internal/2019-07-30-spar-fitting-memo.docx",
        date=dt.datetime(2019, 7, 30, 16, 0), author="Ellen Sato",
        title="Corrosion findings, wing spar fittings",
        header=[("To", "Marcus Hale, Chief Executive Officer"),
                ("From", "Ellen Sato, Director of Maintenance Engineering"),
                ("Date", "July 30, 2019"),
                ("Re", "Corrosion findings on wing spar fittings, six aircraft")],
        paragraphs=[
            "During scheduled checks in June and July, technicians found corrosion on the lower "
            "wing spar attach fittings of six of our turboprops. On two aircraft the pitting is "
            "deeper than the limits in the structural repair manual.",
            "Our engineers are worried that the corrosion is spreading faster than the inspection "
            "interval assumes. The detailed inspections on four of the six aircraft are more than "
            "three months overdue because the hangar slots were given to schedule recovery.",
            "Recommendation: ground the two aircraft with out-of-limit pitting until the fittings "
            "are replaced, and complete the overdue inspections before the end of August.",
            "Ellen Sato\nDirector of Maintenance Engineering",
        ])


def pfas() -> None:
    write_memo(
        ROOT / "chemical-pfas-denial/lab/2016-09-19-outfall-sampling-memo.docx",
        date=dt.datetime(2016, 9, 19, 10, 30), author="Irene Kowalski",
        title="Outfall 002 sampling results, August 2016",
        header=[("To", "Gary Lindqvist, Plant Manager"),
                ("From", "Irene Kowalski, Environmental Laboratory"),
                ("Date", "September 19, 2016"),
                ("Re", "PFOA in Outfall 002 samples")],
        paragraphs=[
            "The August composite samples from Outfall 002, which discharges to the Calder River, "
            "contained PFOA at 1,200 parts per trillion. The two previous quarters were 860 and "
            "1,050 parts per trillion.",
            "The source is the fluoropolymer line, which still uses the old surfactant. The plant "
            "is discharging PFOA to the river at these levels every day the line runs.",
            "These results are not part of our permit reporting, because PFOA is not a listed "
            "parameter in our permit. I recommend we tell the state anyway.",
            "Irene Kowalski\nEnvironmental Laboratory Supervisor",
        ])


def utility() -> None:
    write_release(
        ROOT / "utility-hooks-timing/records/2021-02-16-commission-release.pdf",
        bates="SVP-CPUC", start=1207,
        banner="Public Utilities Commission - documents released February 16, 2021",
        cover=("STATE PUBLIC UTILITIES COMMISSION\nInvestigation of the Caldera Fire\n"
               "Records released February 16, 2021 - utility correspondence, 2018"),
        emails=[
            ([("From", "Dale Whitcomb"), ("Sent", "Tuesday, October 9, 2018 4:12 PM"),
              ("To", "Ana Ruiz; (b)(6)"), ("Subject", "Caldera line - worn C-hooks")],
             "Ana,\n\nOur climbing crew finished the Caldera transmission line patrol today. They "
             "found worn C-hooks on at least 19 towers, some worn through more than half their "
             "thickness, which is the kind of wear that can drop a line. Photos are on the share.\n\n"
             "The hooks are almost 100 years old. We need a replacement plan before next fire "
             "season.\n\nDale Whitcomb\nTransmission Line Supervisor\nSierra Valley Power"),
            ([("From", "Ana Ruiz"), ("Sent", "Wednesday, October 10, 2018 9:03 AM"),
              ("To", "Dale Whitcomb"), ("Subject", "RE: Caldera line - worn C-hooks")],
             "Dale,\n\nThanks. I have seen the photos. Put the worn hooks on the 2019 work plan; "
             "we do not have budget to replace them this year.\n\nAna"),
        ])


if __name__ == "__main__":
    airline()
    pfas()
    utility()
