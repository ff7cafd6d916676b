"""Word documents into structured blocks with python-docx: paragraph styles give headings (Title, Heading
1-9; a short paragraph all in bold is a heading too) and list items (list styles or numbering), tables keep their
header row; page headers and footers are furniture and left out."""

from __future__ import annotations

import re
from typing import Any

from assistant.answer.values import contacts
from assistant.ingest.blocks import LABEL_LINE, SHORT_LINE, Block, TextBuilder, is_line_block, looks_like_data, short_heading

_HEADING_STYLE = re.compile(
    r"^(?:heading|overskrift|rubrik|otsikko|pealkiri|virsraksts|antraštė|überschrift)\s*(\d)", re.IGNORECASE
)


_TYPED_BULLET = re.compile(r"^\s*[•▪◦●○–-][\t ]+")


def _style(paragraph: Any) -> str:
    try:
        return str(paragraph.style.name or "")
    except (AttributeError, KeyError, ValueError):
        return ""


def _is_list(paragraph: Any, style: str) -> bool:
    if "list" in style.lower():
        return True
    properties = paragraph._p.pPr
    return properties is not None and properties.numPr is not None


def _bold_heading(paragraph: Any, text: str) -> bool:
    """A short paragraph written all in bold, without final punctuation: a heading typed without a heading style."""
    runs = [run for run in paragraph.runs if run.text.strip()]
    if not runs or not short_heading(text) or "\n" in text.strip():
        return False
    return all(run.bold or (run.bold is None and bool(getattr(paragraph.style.font, "bold", False))) for run in runs)


def _cells(row: Any) -> list[str]:
    values: list[str] = []
    previous = None
    for cell in row.cells:
        if cell._tc is previous:  # a merged cell is repeated once per grid column
            continue
        previous = cell._tc
        values.append(" ".join(cell.text.split()))
    return values


def parse_docx(document: Any, builder: TextBuilder | None = None) -> TextBuilder:
    """Blocks of an opened ``docx.Document``."""
    from docx.table import Table

    builder = builder or TextBuilder()
    group = ""
    lead: Block | None = None
    count = 0
    styled = 1  # the level of the last heading given by a style
    pending: list[str] = []  # plain paragraphs in a row: an address typed one line per paragraph is one block

    def flush() -> None:
        if len(pending) >= 2 and is_line_block(pending) and contacts("\n".join(pending)):
            builder.lines("\n".join(pending))
        else:
            for text in pending:
                builder.paragraph(text)
        pending.clear()

    for part in document.iter_inner_content():
        count += 1
        if isinstance(part, Table):
            flush()
            group = ""
            rows = [_cells(row) for row in part.rows]
            rows = [r for r in rows if any(r)]
            # Word marks no header row: the first row is one unless it states values ("Mandag | 09:00–15:00").
            header = builder.row(rows[0], None, f"t{count}") if len(rows) >= 2 and not looks_like_data(rows[0]) else None
            for row in rows[1:] if header is not None else rows:
                builder.row(row, header, f"t{count}")
            continue
        text = part.text
        if not text.strip():
            continue
        style = _style(part)
        heading = _HEADING_STYLE.match(style)
        if style.lower() == "title":
            flush()
            builder.heading(text, 1)
            group = ""
        elif heading:
            flush()
            styled = int(heading.group(1)) + 1
            builder.heading(text, styled)
            group = ""
        elif not _is_list(part, style) and _bold_heading(part, text):
            flush()
            builder.heading(text.strip(), min(6, styled + 1))
            group = ""
        elif _is_list(part, style) or _TYPED_BULLET.match(text):  # "•\tär mellan 18 och 64 år": a typed bullet
            flush()
            if not group:
                group = f"l{count}"
                lead = builder.lead_in()
            builder.item(_TYPED_BULLET.sub("", text, count=1), lead, group)
        else:
            group = ""
            if "\n" in text.strip() or "\v" in text:
                flush()
                builder.lines(text.replace("\v", "\n"))
            elif len(text.strip()) > SHORT_LINE and not LABEL_LINE.match(text.strip()):  # prose ends an address
                flush()
                builder.paragraph(text)
            else:
                pending.append(text)
    flush()
    return builder
