"""Builds the .docx and .pdf documents of the holdout2 set from a small line markup.

Markup (one element per line, blank lines ignored):
  T: text        Title style (document title; also set as core property title)
  # text         Heading 1
  ## text        Heading 2
  - text         List Bullet
  1. text        List Number
  | a | b | c    table row (consecutive rows form one table; first row is the header)
  @ a // b // c  one paragraph with manual line breaks (address block)
  anything else  Normal paragraph

Run:  /work/main/.venv/bin/python eval/holdout2/build/docsrc.py
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from pathlib import Path

import docx
from docx.enum.text import WD_BREAK
from docx.shared import Pt

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "documents"
SRC = HERE / "src"


def build_docx(markup: str, target: Path, title: str, author: str, language: str, footer: str = "") -> None:
    document = docx.Document()
    document.core_properties.title = title
    document.core_properties.author = author
    document.core_properties.language = language
    style = document.styles["Normal"]
    style.font.name = "DejaVu Sans"
    style.font.size = Pt(10.5)
    if footer:
        section = document.sections[0]
        section.footer.paragraphs[0].text = footer
        section.header.paragraphs[0].text = title
    rows: list[list[str]] = []

    def flush_table() -> None:
        nonlocal rows
        if not rows:
            return
        table = document.add_table(rows=len(rows), cols=len(rows[0]))
        table.style = "Table Grid"
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                cell = table.cell(r, c)
                cell.text = value
                if r == 0:
                    for run in cell.paragraphs[0].runs:
                        run.bold = True
        document.add_paragraph()
        rows = []

    for raw in markup.splitlines():
        line = raw.rstrip()
        if not line.strip():
            continue
        if line.startswith("|"):
            rows.append([cell.strip() for cell in line.strip().strip("|").split("|")])
            continue
        flush_table()
        if line.startswith("T: "):
            document.add_paragraph(line[3:], style="Title")
        elif line.startswith("## "):
            document.add_paragraph(line[3:], style="Heading 2")
        elif line.startswith("# "):
            document.add_paragraph(line[2:], style="Heading 1")
        elif line.startswith("- "):
            document.add_paragraph(line[2:], style="List Bullet")
        elif re.match(r"^\d+\. ", line):
            document.add_paragraph(line.split(". ", 1)[1], style="List Number")
        elif line.startswith("@ "):
            parts = [p.strip() for p in line[2:].split("//")]
            paragraph = document.add_paragraph()
            for i, part in enumerate(parts):
                run = paragraph.add_run(part)
                if i < len(parts) - 1:
                    run.add_break(WD_BREAK.LINE)
        else:
            document.add_paragraph(line)
    flush_table()
    document.save(str(target))


def to_pdf(source_docx: Path, target_pdf: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            ["soffice", "--headless", "--convert-to", "pdf", "--outdir", tmp, str(source_docx)],
            check=True, capture_output=True, timeout=180,
        )
        produced = Path(tmp) / (source_docx.stem + ".pdf")
        target_pdf.write_bytes(produced.read_bytes())


DOCS = [
    # (source markup file, output name, title, author, language, page footer or "")
    ("lumivaara-kotoutumisohjelma.txt", "lumivaara-kotoutumisohjelma.docx",
     "Kotoutumisohjelma Lumivaarassa", "Lumivaaran kaupunki, kotoutumispalvelut", "fi-FI", ""),
    ("vejupis-kvalifikaciju-pripazinimas.txt", "vejupis-kvalifikaciju-pripazinimas.docx",
     "Užsienyje įgytos kvalifikacijos pripažinimas", "Vėjupio migrantų informacijos centras", "lt-LT", ""),
    ("ekvalla-bostad-nyanlanda.txt", "ekvalla-bostad-nyanlanda.docx",
     "Bostad för nyanlända i Ekvalla kommun", "Ekvalla kommun, Socialförvaltningen", "sv-SE", ""),
    ("kadakaranna-ajutine-kaitse.txt", "kadakaranna-ajutine-kaitse.pdf",
     "Ajutine kaitse Ukrainast saabunud sõjapõgenikele", "Kadakaranna Vallavalitsus", "et-EE",
     "Kadakaranna Vallavalitsus · Mere tee 5, 74201 Kadakaranna · Vallamaja infotelefon 622 4000 · www.kadakaranna.ee"),
    ("skovmarsk-gastfamilien-ukraine.txt", "skovmarsk-gastfamilien-ukraine.pdf",
     "Leitfaden für Gastfamilien und Ehrenamtliche", "Skovmarsk Kommune", "de-DE",
     "Skovmarsk Kommune · Rådhuspladsen 1 · 6393 Skovmarsk · Zentrale: 74 28 60 00 · www.skovmarsk.dk"),
]


def main() -> None:
    only = set(sys.argv[1:])
    for source, output, title, author, language, footer in DOCS:
        if only and output not in only:
            continue
        markup = (SRC / source).read_text(encoding="utf-8")
        target = OUT / output
        if output.endswith(".docx"):
            build_docx(markup, target, title, author, language, footer)
        else:
            with tempfile.TemporaryDirectory() as tmp:
                intermediate = Path(tmp) / (Path(output).stem + ".docx")
                build_docx(markup, intermediate, title, author, language, footer)
                to_pdf(intermediate, target)
        print("built", target.name)


if __name__ == "__main__":
    main()
