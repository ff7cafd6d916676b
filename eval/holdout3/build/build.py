"""Build the .docx and .pdf documents of holdout3 from content.py. Run with /tmp/h3venv/bin/python build.py"""
import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).parent))
import content as C
import docx
from docx.shared import Pt
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet, ParagraphStyle
from reportlab.lib import colors
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import SimpleDocTemplate, Paragraph, Spacer, Table, TableStyle, ListFlowable, ListItem
from xml.sax.saxutils import escape

OUT = Path(__file__).resolve().parent.parent / "documents"


def make_docx(items, path, title):
    d = docx.Document()
    d.core_properties.title = title
    for kind, val in items:
        if kind == "h1":
            d.add_heading(val, level=1)
        elif kind == "h2":
            d.add_heading(val, level=2)
        elif kind == "p":
            d.add_paragraph(val)
        elif kind == "bullets":
            for b in val:
                d.add_paragraph(b, style="List Bullet")
        elif kind == "table":
            t = d.add_table(rows=len(val), cols=len(val[0]))
            t.style = "Table Grid"
            for i, row in enumerate(val):
                for j, cell in enumerate(row):
                    t.cell(i, j).text = cell
    d.save(path)


def make_pdf(items, path, title):
    pdfmetrics.registerFont(TTFont("DejaVu", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"))
    pdfmetrics.registerFont(TTFont("DejaVuB", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"))
    ss = getSampleStyleSheet()
    body = ParagraphStyle("b", parent=ss["BodyText"], fontName="DejaVu", fontSize=10, leading=13)
    h1 = ParagraphStyle("h1", parent=ss["Heading1"], fontName="DejaVuB", fontSize=16, leading=20)
    h2 = ParagraphStyle("h2", parent=ss["Heading2"], fontName="DejaVuB", fontSize=12.5, leading=16)
    story = []
    for kind, val in items:
        if kind == "h1":
            story.append(Paragraph(escape(val), h1))
        elif kind == "h2":
            story.append(Paragraph(escape(val), h2))
        elif kind == "p":
            story.append(Paragraph(escape(val).replace("\n", "<br/>"), body))
            story.append(Spacer(1, 4))
        elif kind == "bullets":
            story.append(ListFlowable([ListItem(Paragraph(escape(b), body), leftIndent=14) for b in val],
                                      bulletType="bullet", bulletFontName="DejaVu", start="•", leftIndent=14))
            story.append(Spacer(1, 4))
        elif kind == "table":
            t = Table(val, hAlign="LEFT")
            t.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), "DejaVu"), ("FONTNAME", (0, 0), (-1, 0), "DejaVuB"),
                                   ("FONTSIZE", (0, 0), (-1, -1), 9.5), ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                                   ("BACKGROUND", (0, 0), (-1, 0), colors.whitesmoke)]))
            story.append(t)
            story.append(Spacer(1, 8))
    doc = SimpleDocTemplate(str(path), pagesize=A4, title=title, author="holdout3",
                            leftMargin=50, rightMargin=50, topMargin=50, bottomMargin=50)
    def footer(canvas, doc_):
        canvas.saveState(); canvas.setFont("DejaVu", 8)
        canvas.drawString(50, 30, f"{title} – {doc_.page}")
        canvas.restoreState()
    doc.build(story, onFirstPage=footer, onLaterPages=footer)


if __name__ == "__main__":
    make_docx(C.NB_FJELLVIK, OUT / "nb_fjellvik_introduksjonsprogram.docx", "Introduksjonsprogrammet i Fjellvik kommune")
    make_docx(C.DE_FACHTAG, OUT / "de_ostseebruecke_fachtag_anerkennung.docx", "Fachtag: Berufliche Anerkennung von Geflüchteten im Baltikum")
    make_docx(C.SV_EN_LINDASA, OUT / "sv_en_lindasa_bostad_nyanlanda.docx", "Bostad för nyanlända i Lindåsa kommun")
    make_pdf(C.LT_ALKSNIAI, OUT / "lt_alksnenai_ataskaita_2025.pdf", "Alksnėnų integracijos centro 2025 metų veiklos ataskaita")
    make_pdf(C.EN_CHECKLIST, OUT / "en_fjellvik_first_90_days_checklist.pdf", "Your first 90 days in Fjellvik")
    print("built")
