"""A document's structure: headings with levels, paragraphs, list items with their lead-in, table rows
with their header, and blocks of short lines (addresses, contact details).

Every loader fills a ``TextBuilder``; the builder writes the document's text (blocks separated by blank
lines, items and rows of one list or table by single line breaks) and records each block's span in it, so
that every passage and quote is a span of ``Document.text``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.types import Block

HEADING = "heading"
PARAGRAPH = "paragraph"
ITEM = "item"  # a list item; ``lead`` is the span of the list's lead-in paragraph, if it has one
ROW = "row"  # a table row; ``lead`` is the span of the table's header row, if it has one
LINES = "lines"  # short lines kept as they are (an address, a contact block)
KINDS = (HEADING, PARAGRAPH, ITEM, ROW, LINES)
SHORT_LINE = 60  # characters: a line of an address or contact block, not of wrapped prose
LABEL_LINE = re.compile(r"^[^\W\d_][\w .’'-]{0,30}:\s*\S")  # "Phone: …", "Adrese: …", "Opening hours: …"
MAX_HEADING_CHARS = 90  # a heading typed without its markup is no longer than this


def short_heading(text: str) -> bool:
    """A line that may stand as a heading typed without heading markup (a bold paragraph): short, and not ending
    as a sentence or a lead-in does."""
    text = text.strip()
    return 0 < len(text) <= MAX_HEADING_CHARS and not text.endswith((".", ":", ";", ","))


_STREET = re.compile(r"^[^\d:]{3,40}\s\d{1,4}[A-Za-z]?\b")  # "Vienības iela 8", "Asemakatu 6 B", "Rådhusgata 5"
_SENTENCE_END = re.compile(r"[^\W\d_]{2}[.!?](?:\s|$)")
_NUMBER_OR_END = re.compile(r"\d|[.:;,]$")  # an office's name line holds neither


def office_over_street(name: str, street: str) -> bool:
    """Are these the first two lines of an address block: an office's name ("Borgerservice Sønderborg") over its
    street and number ("Rådhustorvet 10, 6400 Sønderborg")? Such a name is no heading."""
    name, street = name.strip(), street.strip()
    sentence = bool(_SENTENCE_END.search(street))  # "Joining costs 50 DKK per year. Families …" is no street
    return (
        bool(name) and not _NUMBER_OR_END.search(name) and street[:1].isupper() and bool(_STREET.search(street)) and not sentence
    )


_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_SOFT = re.compile(r"[\u00ad\u200b\ufeff]")  # soft hyphens, zero-width spaces, byte-order marks


def clean_inline(text: str) -> str:
    """One line of text: soft hyphens gone, every run of spaces (justified PDF text, non-breaking spaces)
    one space, line breaks spaces."""
    text = _SOFT.sub("", text)
    return _SPACES.sub(" ", text.replace("\r", " ").replace("\n", " ")).strip()


def clean_lines(text: str) -> str:
    """Several short lines: each cleaned, empty ones dropped."""
    return "\n".join(line for line in (clean_inline(part) for part in text.splitlines()) if line)


@dataclass
class TextBuilder:
    """Appends blocks to a text; ``blocks`` holds their spans."""

    parts: list[str] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    length: int = 0
    _group: str = ""  # the list or table the last block belongs to ("" for none)

    def _append(self, text: str, kind: str, level: int = 0, lead: tuple[int, int] | None = None, group: str = "") -> Block | None:
        if not text:
            return None
        if self.parts:
            separator = "\n" if group and group == self._group else "\n\n"
            self.parts.append(separator)
            self.length += len(separator)
        start = self.length
        self.parts.append(text)
        self.length += len(text)
        block = Block(kind, start, self.length, level, lead)
        self.blocks.append(block)
        self._group = group
        return block

    def heading(self, text: str, level: int) -> Block | None:
        return self._append(clean_inline(text), HEADING, max(1, min(level, 6)))

    def paragraph(self, text: str) -> Block | None:
        return self._append(clean_inline(text), PARAGRAPH)

    def lines(self, text: str) -> Block | None:
        cleaned = clean_lines(text)
        return self._append(cleaned, LINES if "\n" in cleaned else PARAGRAPH)

    def item(self, text: str, lead: Block | None, group: str) -> Block | None:
        """A list item of list ``group`` (any name unique to that list)."""
        return self._append(clean_inline(text), ITEM, lead=(lead.start, lead.end) if lead else None, group=group)

    def row(self, cells: list[str], header: Block | None, group: str) -> Block | None:
        """A table row of table ``group``; the header row itself is added with ``header=None``."""
        text = " | ".join(cell for cell in (clean_inline(c) for c in cells))
        if not text.strip(" |"):
            return None
        return self._append(text, ROW, lead=(header.start, header.end) if header else None, group=group)

    @property
    def text(self) -> str:
        return "".join(self.parts)

    @property
    def last(self) -> Block | None:
        return self.blocks[-1] if self.blocks else None

    def lead_in(self) -> Block | None:
        """The last block when it is a paragraph that introduces a list ("You can take part if you:")."""
        last = self.last
        if last is not None and last.kind == "paragraph" and is_lead_in(self.text[last.start : last.end]):
            return last
        return None


def is_lead_in(text: str, running_on: bool = True) -> bool:
    """A paragraph that introduces a list: it ends with a colon ("You can take part if you:"), or its sentence runs
    on into the list's items, its last word short and in lower case ("Du har rett til introduksjonsprogram hvis du"; not
    with ``running_on`` False: a paragraph's last sentence without a full stop is no lead-in unless a list follows)."""
    stripped = text.rstrip()
    words = stripped.split()
    # a short last word in lower case ("hvis du", "jos", "die"): not a byline or a centre's name ("… centras")
    runs_on = len(words) >= 4 and words[-1].isalpha() and words[-1].islower() and len(words[-1]) <= 4
    return len(text) < 400 and (stripped.endswith((":", "：")) or (running_on and runs_on))


def add_table(builder: TextBuilder, rows: list[list[str]], group: str, has_header: bool = False) -> None:
    """Rows of one table; the first row is its header when ``has_header`` says so, or when it names the
    columns (see ``looks_like_header``)."""
    if not rows:
        return
    first, rest = rows[0], rows[1:]
    header = None
    if rest and (has_header or looks_like_header(first, rest)):
        header = builder.row(first, None, group)
    else:
        rest = rows
    for row in rest:
        builder.row(row, header, group)


_DATA = re.compile(r"\d{1,2}[:.]\d{2}|\d[\d ]*[.,]\d|(?<!\d)(?!(?:19|20)\d{2}(?!\d))\d{3,}|(?<!\d)\d{1,2}(?!\d)")


def looks_like_data(first: list[str]) -> bool:
    """A first row that states values rather than naming columns: a time, an amount or a number that is no
    year ("Mandag | 09:00–15:00"); a header may hold years ("Nøgletal | 2024 | 2025")."""
    return any(_DATA.search(cell) for cell in first)


_NUMERIC = re.compile(r"^[\d\s.,:%–\-+/()€$£kr]*\d[\d\s.,:%–\-+/()€$£kr]*$")


def looks_like_header(first: list[str], rest: list[list[str]]) -> bool:
    """The first row names the columns: it has no digits while the other rows do, or some column holds
    words in the first row and numbers below it."""
    if not any(ch.isdigit() for cell in first for ch in cell) and any(
        ch.isdigit() for row in rest for cell in row for ch in cell
    ):
        return True
    for column, cell in enumerate(first):
        below = [row[column] for row in rest if column < len(row) and row[column].strip()]
        if below and any(ch.isalpha() for ch in cell) and sum(bool(_NUMERIC.match(v.strip())) for v in below) >= 0.7 * len(below):
            return True
    return False


def is_line_block(lines: list[str]) -> bool:
    """Consecutive lines that each start with a capital or a digit ("Kontaktperson: …", "Adresse: …", "Tlf. …"):
    a contact or address block written without hard breaks, kept line by line, when every line is short or,
    among three or more, at least half are labelled ("Opening hours: Monday to Thursday 9:00–15:00, Friday …").
    Wrapped prose has lines that start in lower case, or run long without labels."""
    lines = [line.strip() for line in lines]
    if len(lines) < 2 or any(not line or line[0].islower() for line in lines):
        return False
    if all(len(line) <= SHORT_LINE for line in lines):
        return True
    return len(lines) >= 3 and 2 * sum(bool(LABEL_LINE.match(line)) for line in lines) >= len(lines)
