"""PDF text into structured blocks with pypdfium2, from the layout of its lines.

Each page's characters are grouped into lines with their font size, weight and position. Lines repeated in
the top or bottom margin of several pages (running headers and footers) and page numbers are dropped. A line in
a larger font than the body text, or a short bold line, is a heading (larger fonts rank higher; a title wrapped
over lines is one heading); a line starting with a bullet or a number starts a list item, unless the full-width
paragraph line above runs on into it, and so does an indented line below a lead-in ending with a colon or a
heading (a list whose bullets were drawn); a wide vertical gap or a short line ending a sentence ends a paragraph;
short "Label: value" lines after a short line stay lines (opening hours, contacts). Justified text's runs of
spaces become one space, and a word hyphenated at a line end is joined again.
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections import Counter
from dataclasses import dataclass
from typing import Any

from assistant.ingest.blocks import LABEL_LINE, Block, TextBuilder, add_table, clean_inline, office_over_street

BULLETS = "•·▪◦●○■□➢►‣⁃\uf0b7\uf0a7\uf076\uf0d8\uf0fc-–"
_BULLET = re.compile(rf"^\s*(?:[{re.escape(BULLETS)}]|\d{{1,2}}[.)]|[a-z]\))\s+")
# A line that a wrapped sentence can start with ("5. des Folgemonats", "– und …"): an item only when the line
# above does not run on into it.
_AMBIGUOUS_BULLET = re.compile(r"^\s*(?:[-–]|\d{1,2}[.)]|[a-z]\))\s+")
_PAGE_NUMBER = re.compile(
    r"^\W*(?:page|side|sida|sivu|lk|lpp|psl|puslapis|seite|bls|страница|сторінка)?\.?\s*\d{1,4}\s*(?:(?:/|of|av|af|iš|no|von|из|з)\s*\d{1,4})?\W*$",
    re.IGNORECASE,
)
_TERMINAL = (".", "!", "?", "…", ":", ";")
# A short line "Label: value" ("Reede: 9:00–13:00", "Telefon: +372 …") after a short line: the two are lines of
# a block (opening hours, a contact block), not a paragraph wrapped by the page width.
SHORT_LINE = 0.7  # of the widest line's right edge
MARGIN_LINES = 3  # lines at the top and bottom of a page that may be running headers or footers
CELL_GAP = 2.0  # a horizontal gap wider than this many font sizes separates table cells (when rows share them)
CELL = " | "
# A narrower gap before a number separates cells too ("Nye borgere i integrationsprogrammet   142   118   97": a
# browser's print of a table pads its cells by about a font size); such a separator is kept only in a table's rows.
NUMBER_GAP = 0.75
SOFT_CELL = " \u00a6 "
_CELLS = re.compile(r" \| | \u00a6 ")


@dataclass
class Line:
    text: str
    size: float
    bold: bool
    left: float
    right: float
    top: float
    bottom: float
    page: int
    cells: tuple[float, ...] = ()  # the left edge of each table cell, when the line has cell gaps


def _page_lines(textpage: Any, page_number: int) -> list[Line]:
    import pypdfium2.raw as raw

    text = textpage.get_text_range()
    lines: list[Line] = []
    chars: list[int] = []

    def close() -> None:
        if not chars:
            return
        visible = [i for i in chars if i < len(text) and not text[i].isspace()]
        if visible:
            boxes = [textpage.get_charbox(i) for i in visible]
            sizes = [raw.FPDFText_GetFontSize(textpage.raw, i) for i in visible]
            piece, cells = _with_cells(text, visible, boxes, statistics.median(sizes))
            weights = [raw.FPDFText_GetFontWeight(textpage.raw, i) for i in visible]
            lines.append(
                Line(
                    piece,
                    statistics.median(sizes),
                    sum(w >= 600 for w in weights) > 0.6 * len(weights),
                    min(b[0] for b in boxes),
                    max(b[2] for b in boxes),
                    max(b[3] for b in boxes),
                    min(b[1] for b in boxes),
                    page_number,
                    cells,
                )
            )
        chars.clear()

    for index in range(min(textpage.count_chars(), len(text))):
        if text[index] in "\r\n":
            close()
        else:
            chars.append(index)
    close()
    return lines


def _with_cells(
    text: str, visible: list[int], boxes: list[tuple[float, float, float, float]], size: float
) -> tuple[str, tuple[float, ...]]:
    """The line's text and its cells' left edges: where two characters are further apart than a word space
    can be (table cells set side by side), a cell separator `` | ``."""
    parts = [text[visible[0]]]
    starts = [boxes[0][0]]
    for k in range(1, len(visible)):
        gap = boxes[k][0] - boxes[k - 1][2]
        if gap > CELL_GAP * size:
            parts.append(CELL)
            starts.append(boxes[k][0])
        elif (
            gap > NUMBER_GAP * size
            and text[visible[k]].isdigit()
            and (text[visible[k - 1]].isalnum() or text[visible[k - 1]] in "%).")
        ):
            parts.append(SOFT_CELL)
            starts.append(boxes[k][0])
        elif visible[k] - visible[k - 1] > 1:  # a space (or a generated one) between them
            parts.append(" ")
        parts.append(text[visible[k]])
    return "".join(parts), tuple(starts) if len(starts) > 1 else ()


def _shape(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.split())).casefold()


def drop_running_lines(pages: list[list[Line]]) -> list[list[Line]]:
    """Without page numbers and the header and footer lines repeated on several pages."""
    margins: Counter[str] = Counter()
    for lines in pages:
        margin = {id(line): line for line in (*lines[:MARGIN_LINES], *lines[-MARGIN_LINES:])}
        for shape in {_shape(line.text) for line in margin.values()}:
            margins[shape] += 1
    repeated = {shape for shape, count in margins.items() if count >= 2 and count >= len(pages) / 2}
    kept = []
    for lines in pages:
        edge = {id(line) for line in (*lines[:MARGIN_LINES], *lines[-MARGIN_LINES:])}
        kept.append(
            [
                line
                for line in lines
                if not (id(line) in edge and (_PAGE_NUMBER.match(line.text) or _shape(line.text) in repeated))
            ]
        )
    return kept


def read_pdf_lines(pdf: Any) -> list[Line]:
    pages = []
    for number in range(len(pdf)):
        page = pdf[number]
        textpage = page.get_textpage()
        try:
            pages.append(_page_lines(textpage, number))
        finally:
            textpage.close()
            page.close()
    return [line for page in drop_running_lines(pages) for line in page]


def _join(previous: str, line: str) -> str:
    if previous.endswith("-") and len(previous) > 1 and previous[-2].isalpha() and line[:1].islower():
        return previous[:-1] + line  # "integra-" + "tion"
    if previous.endswith(("–", "—")) and previous[-2:-1].isdigit() and line[:1].isdigit():
        return previous + line  # "kl. 9.00–" + "12.00": a range wrapped at its dash
    return f"{previous} {line}"


def table_rows(lines: list[Line]) -> tuple[dict[int, list[str]], set[int]]:
    """Table rows by the index of their line, and the lines that continue a row's cell (a wrapped cell).
    A line with cell gaps is a row when another one is at most two lines away and one at most four away shares its
    columns; a short line between rows,
    or right after one, is the continuation of the cell above it."""
    gapped = [i for i, line in enumerate(lines) if line.cells]
    rows: dict[int, list[str]] = {}
    consumed: set[int] = set()
    for i in gapped:
        near = [j for j in gapped if j != i and abs(j - i) <= 4]  # a wrapped cell puts the next row further down
        if not any(abs(j - i) <= 2 for j in near) or not any(_aligned(lines[i], lines[j]) for j in near):
            continue
        rows[i] = [clean_inline(cell) for cell in _CELLS.split(lines[i].text)]
    for i in sorted(rows):
        j = i + 1
        while j < len(lines) and j not in rows and _continues_cell(lines[i], lines[j - 1], lines[j], j + 1 in rows):
            column = max(k for k, start in enumerate(lines[i].cells) if start <= lines[j].left + 1)
            rows[i][column] = f"{rows[i][column]} {clean_inline(lines[j].text)}"
            consumed.add(j)
            j += 1
    return rows, consumed


def _spaced(text: str) -> str:
    """A line outside a table: its cell gaps are the wide spaces of justified prose when its "cells" are words
    ("Põhimoodul | annab | ülevaate | Eesti | riigist,"), else kept (a table's row the rows above did not claim)."""
    text = text.replace(SOFT_CELL, " ")  # a number after a wide space, outside a table, is prose
    cells = text.split(CELL)
    words = sum(len(cell.split()) for cell in cells)
    prose = len(cells) >= 4 and words <= 2 * len(cells) and not any(ch.isdigit() for ch in text)
    return " ".join(cells) if prose else text


def _aligned(line: Line, other: Line) -> bool:
    """Does ``line`` share its columns with ``other`` (at least half of its cells after the first start where one of
    the other's does)? Rows of a table do; the wide spaces of justified text in a narrow column fall anywhere."""
    tolerance = max(3.0, 0.5 * line.size)
    inner, others = line.cells[1:], other.cells[1:]
    shared = sum(any(abs(a - b) <= tolerance for b in others) for a in inner)
    return shared >= max(1, (len(inner) + 1) // 2)


def _continues_cell(row: Line, above: Line, line: Line, row_follows: bool) -> bool:
    """A short line right below a table row, inside its columns, that another row follows or that sits in a
    column after the first."""
    if line.cells or line.page != row.page or len(line.text) >= 60 or line.left < row.cells[0] - 1:
        return False
    close = above.bottom - line.top < 0.6 * row.size
    return close and (row_follows or line.left > row.cells[1] - 1)


def _label_after_short(paragraph: str, previous: Line | None, text: str, widest: float) -> bool:
    """Does ``text`` ("Reede: 9:00–13:00") follow a paragraph of one short line as the next line of a block?"""
    return previous is not None and previous.right < widest * SHORT_LINE and len(paragraph) <= 80 and bool(LABEL_LINE.match(text))


def _figures_after_short(paragraph: str, previous: Line | None, line: Line, text: str, widest: float) -> bool:
    """Do two short lines that both hold figures follow each other ("Montag 9–13 Uhr" over "Dienstag 13–18 Uhr"): lines
    of a block broken by hand, not a paragraph wrapped by the page width?"""
    short = widest * SHORT_LINE
    return (
        previous is not None
        and previous.right < short
        and line.right < short
        and len(paragraph) <= 80
        and not paragraph.endswith(_TERMINAL)
        and text[:1].isupper()
        and any(ch.isdigit() for ch in paragraph)
        and any(ch.isdigit() for ch in text)
    )


def _street_after_office(paragraph: str, previous: Line | None, line: Line, text: str, widest: float) -> bool:
    """Is ``text`` ("Vienības iela 8, Daugavpils") a street and number under an office's name on a short line
    ("Daugavpils Sociālais dienests"): the first two lines of an address block?"""
    short = widest * SHORT_LINE
    return previous is not None and previous.right < short and line.right < short and office_over_street(paragraph, text)


def parse_pdf_lines(lines: list[Line], builder: TextBuilder | None = None) -> TextBuilder:
    builder = builder or TextBuilder()
    if not lines:
        return builder
    weights: Counter[float] = Counter()
    for line in lines:
        weights[round(line.size, 1)] += len(line.text)
    body = weights.most_common(1)[0][0]
    heading_sizes = sorted({round(line.size, 1) for line in lines if line.size >= body * 1.15}, reverse=True)
    widest = max(line.right for line in lines)
    lefts: Counter[int] = Counter()
    for line in lines:
        if round(line.size, 1) == body:
            lefts[round(line.left)] += len(line.text)
    body_left = lefts.most_common(1)[0][0] if lefts else 0
    normal_gap = statistics.median([a.bottom - b.top for a, b in itertools.pairwise(lines) if a.page == b.page] or [0.0])

    def level(line: Line) -> int:
        size = round(line.size, 1)
        if size in heading_sizes:
            return 1 + heading_sizes.index(size)
        return len(heading_sizes) + 1  # a bold line of body size

    def is_heading(line: Line) -> bool:
        text = line.text.strip()
        if len(text) > 120 or _BULLET.match(text):
            return False
        if round(line.size, 1) in heading_sizes:
            return True
        return line.bold and len(text) < 90 and (not text.endswith(_TERMINAL) or text.endswith("?"))  # "Kes saavad osaleda?"

    rows, consumed = table_rows(lines)
    table: list[list[str]] = []
    paragraph: list[str] = []
    kind = ""  # "", "item", "heading", "lines"
    group = ""
    lead: Block | None = None
    previous: Line | None = None
    heading_level = 0
    item_left = 0.0
    item_bullet = False  # whether the current item's bullet is written

    def flush() -> None:
        nonlocal paragraph, kind, group, lead
        text = " ".join(paragraph)
        if text.strip():
            if kind == "heading":
                builder.heading(text, heading_level)
                group = ""
            elif kind == "lines":
                builder.lines("\n".join(paragraph))
                group = ""
            elif kind == "item":
                if not group:
                    group = f"list{len(builder.blocks)}"
                    lead = builder.lead_in()
                builder.item(_BULLET.sub("", text, count=1) if item_bullet else text, lead, group)
            else:
                builder.paragraph(text)
                group = ""
        paragraph, kind = [], ""

    for index, line in enumerate(lines):
        if index in consumed:
            continue
        if index in rows:
            flush()
            table.append(rows[index])
            previous = line
            continue
        if table:
            add_table(builder, table, f"table{index}")
            table = []
        text = clean_inline(_spaced(line.text))
        if not text:
            continue
        heading = is_heading(line)
        new_page = previous is not None and previous.page != line.page
        gap = (previous.bottom - line.top) if previous is not None and not new_page else 0.0
        runs_on = (
            bool(paragraph)
            and kind == ""  # in a list, "2. …" under an item that runs to the margin is the next item
            and previous is not None
            and not new_page
            and previous.right >= widest * 0.85
            and not paragraph[-1].endswith(_TERMINAL)
        )
        bullet = bool(_BULLET.match(text)) and not (runs_on and _AMBIGUOUS_BULLET.match(text))
        # A list whose bullets are drawn, not written (a browser's or a word processor's print): indented lines
        # below a lead-in ending with a colon, each item starting below a line that ends short of the margin.
        indented = not heading and line.left >= body_left + 1.5 * body
        if indented and not bullet and previous is not None and not new_page:
            lead_in = kind == "" and bool(paragraph) and paragraph[-1].endswith(":") and previous.left < line.left - body
            under_heading = kind == "heading" and previous.left < line.left - body
            next_item = kind == "item" and not item_bullet and previous.right < widest * 0.85
            bullet = lead_in or under_heading or next_item
        wide_gap = gap > normal_gap + 0.45 * body
        # A line left of where the item began is no wrapped part of it: the paragraph after a list.
        outdented = kind == "item" and line.left < item_left - 0.3 * body
        ended = bool(paragraph) and paragraph[-1].endswith(_TERMINAL) and previous is not None and previous.right < widest * 0.85
        continues_page = new_page and bool(paragraph) and not paragraph[-1].endswith(_TERMINAL) and text[:1].islower()
        same_heading = (
            kind == "heading"
            and heading
            and previous is not None
            and abs(previous.size - line.size) < 0.5
            and not new_page
            and gap < line.size
        )  # a title wrapped over lines: the space between them is under a line of its size
        if same_heading:
            paragraph[-1] = f"{paragraph[-1]} {text}"
        elif (
            heading
            or bullet
            or (kind == "heading")
            or (wide_gap and not continues_page)
            or (new_page and not continues_page)
            or ended
            or outdented
        ):
            flush()
            if heading:
                kind, heading_level = "heading", level(line)
            elif bullet:
                kind, item_left, item_bullet = "item", line.left, bool(_BULLET.match(text))
            paragraph = [text]
        elif kind == "lines" and line.right < widest * SHORT_LINE:
            paragraph.append(text)
        elif kind == "lines":
            flush()
            paragraph = [text]
        elif (
            kind == ""
            and len(paragraph) == 1
            and (
                _label_after_short(paragraph[0], previous, text, widest)
                or _street_after_office(paragraph[0], previous, line, text, widest)
                or _figures_after_short(paragraph[0], previous, line, text, widest)
            )
        ):
            kind = "lines"
            paragraph.append(text)
        elif paragraph:
            paragraph[-1] = _join(paragraph[-1], text)
        else:
            paragraph = [text]
        previous = line
    flush()
    if table:
        add_table(builder, table, "table-end")
    return builder
