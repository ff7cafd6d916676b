"""Structure of plain text (a captured web page saved as .txt): headings, paragraphs, lists, short lines.

Paragraphs are separated by blank lines. A paragraph whose lines start with bullets or numbers is a list
(a paragraph ending with a colon or running on into it just before it is its lead-in, and a paragraph of
lines in lower case below such a lead-in is a list whose bullets were lost); a short line without final punctuation
(or a question: "Who can take part?") that is followed by text is a heading (Markdown ``#`` marks give
levels), and a page's first line, perhaps over its date, is its title; a paragraph of several short
lines, or of "Label: value" lines however long, is kept line by line (addresses, opening hours); lines of cells separated by `` | `` or tabs are a
table. Page furniture (language switchers, breadcrumb trails and the menu lines around them, skip links) is
dropped.
"""

from __future__ import annotations

import re

from assistant.ingest.blocks import (
    LABEL_LINE,
    MAX_HEADING_CHARS,
    SHORT_LINE,
    Block,
    TextBuilder,
    add_table,
    is_lead_in,
    office_over_street,
)
from assistant.ingest.cleaning import before_footer, is_boilerplate, is_page_furniture

_PARAGRAPHS = re.compile(r"\n[ \t\u00a0]*\n")
BULLET = re.compile(r"^\s*(?:[-•*–·▪◦●○]|\(?\d{1,2}[.)]|\(?[a-z][.)])\s+")
_SYMBOL_BULLET = re.compile(r"^\s*[-•*–·▪◦●○]\s+")
_HASHES = re.compile(r"^(#{1,6})\s+")
_UNDERLINE = re.compile(r"={3,}|-{3,}|_{3,}")
_SENTENCE_INSIDE = re.compile(r"[^\W\d_]{2}[.!?] +[^\W\d_]")  # "nyhetsbrev. Vi", not "1. REGISTREERIMINE"
_CELLS = re.compile(r"\s+\|\s+|\t+")
_GAP = re.compile(r" {2,}")
_COLUMN = re.compile(r"(?:^|(?<= {2}))\S")  # where a fixed-width column starts: the line's start or after 2+ spaces
_WORDS_ONLY = re.compile(r"[^\W\d_][\w'’-]*(?: [^\W\d_][\w'’.-]*)*")  # words and spaces: no "?", comma or dash
_PHONE = re.compile(r"\+?\d[\d \-]{6,}\d")
_TERMINAL = tuple(".!?…:;,።")
MAX_TITLE_CHARS = 150


def looks_like_heading(line: str, question: bool = False) -> bool:
    """A short line without final punctuation (with ``question``, a question mark is allowed: "Who can take
    part?") that starts with a capital letter or a digit, and is no contact line ("Tel. 87 13 00 00",
    "info@…") or key-value line ("Address: …")."""
    line = line.strip()
    ending = line.endswith(_TERMINAL) and not (question and line.endswith("?"))
    if not 0 < len(line) <= MAX_HEADING_CHARS or ending or line[0].islower():
        return False
    if _SYMBOL_BULLET.match(line):  # "- er over 18 år": a list item, however short
        return False
    if not any(ch.isalpha() for ch in line) or _SENTENCE_INSIDE.search(line):  # "--"; "… nyhetsbrev. Vi har" (wrapped)
        return False
    if "@" in line or "http" in line or "www." in line or sum(ch.isdigit() for ch in line) >= 6:
        return False
    head, colon, rest = line.partition(": ")
    key_value = colon and len(head.split()) <= 3 and (any(ch.isdigit() for ch in rest) or len(rest.split()) <= 3)
    return not key_value


def looks_like_title(line: str) -> bool:
    """A page's first line as its title: up to 150 characters without final punctuation, not starting in
    lower case, no address; dates and numbers are allowed ("Kotoutumislain muutokset voimaan 1.8.2026 – …")."""
    line = line.strip()
    return (
        0 < len(line) <= MAX_TITLE_CHARS
        and not line.endswith(_TERMINAL)
        and not line[0].islower()
        and not _SYMBOL_BULLET.match(line)
        and "@" not in line
        and "http" not in line
    )


def _table_rows(lines: list[str]) -> list[list[str]] | None:
    """The cells of a table's lines, its first line the header: cells split by " | " or tabs, or a fixed-width
    table whose columns, two or more spaces apart, start at the same place on every line ("Moodul      Maht");
    None when the lines are no table."""
    rows = [[cell.strip() for cell in _CELLS.split(line.strip())] for line in lines]
    if len(lines) >= 2 and min(map(len, rows)) >= 2 and len(set(map(len, rows))) == 1:
        return rows
    starts = [[m.start() for m in _COLUMN.finditer(line.rstrip())] for line in lines]
    if len(lines) < 2 or len(starts[0]) < 2 or any(len(s) != len(starts[0]) for s in starts):
        return None
    if any(abs(a - b) > 1 for s in starts[1:] for a, b in zip(s, starts[0], strict=True)):
        return None
    return [[cell.strip() for cell in _GAP.split(line.strip())] for line in lines]


def _add_list(builder: TextBuilder, lines: list[str], lead: Block | None, group: str) -> None:
    items: list[str] = []
    for line in lines:
        if BULLET.match(line) or not items:
            items.append(BULLET.sub("", line, count=1))
        else:
            items[-1] += " " + line.strip()  # a wrapped item continues on the next line
    for item in items:
        builder.item(item, lead, group)


def _is_lines(lines: list[str]) -> bool:
    """Several short lines, most without final punctuation: an address or contact block."""
    short = sum(1 for line in lines if len(line.strip()) <= SHORT_LINE and not line.strip().endswith((".", "!", "?")))
    labelled = all(LABEL_LINE.match(line.strip()) for line in lines)  # "Alennus: Opiskelijat … saavat 50 % …"
    return len(lines) >= 2 and (short >= 0.75 * len(lines) or labelled)


def parse_plain(text: str, builder: TextBuilder | None = None) -> TextBuilder:
    """Blocks of plain text, added to ``builder`` (a new one by default)."""
    builder = builder or TextBuilder()
    paragraphs = [p for p in _PARAGRAPHS.split(text.replace("\r\n", "\n").replace("\r", "\n")) if p.strip()]
    paragraphs = [p for p in paragraphs if not is_page_furniture(p) or _table_rows(p.strip().split("\n"))]
    for index, paragraph in enumerate(paragraphs):
        lines = [line for line in before_footer(paragraph.split("\n")) if line.strip() and not is_boilerplate(line)]
        if not lines:
            continue
        group = f"p{index}"
        if rows := _table_rows(lines):  # its first line is the header row, not a heading
            add_table(builder, rows, group)
            continue
        first = lines[0].strip()
        ruled = next((i for i in (1, 2) if len(lines) > i and _UNDERLINE.fullmatch(lines[i].strip())), 0)
        if ruled == 1 or (
            ruled == 2 and all(looks_like_heading(line) for line in lines[:2])
        ):  # "Kurser i svenska\n=====": a heading
            # the rule underlines every line above it, as in Markdown ("RANTAMÄEN KANSALAISOPISTO\nSuomen kielen …")
            builder.heading(" ".join(line.strip() for line in lines[:ruled]), 1 if lines[ruled].strip()[0] == "=" else 2)
            lines = lines[ruled + 1 :]
            if not lines:
                continue
            first = lines[0].strip()
        lines = [line for line in lines if not _UNDERLINE.fullmatch(line.strip())]  # a rule above a footer line
        if not lines:
            continue
        first = lines[0].strip()
        marked = _HASHES.match(first)
        following = paragraphs[index + 1 : index + 3]
        if len(lines) == 1 and following and builder.blocks and names_contact(first, following[0]):
            paragraphs[index + 1] = f"{first}\n{following[0]}"  # "Keelekoordinaator Merike Sepp" over their details
            continue
        if not builder.blocks and not marked and looks_like_title(first) and (len(lines) > 1 or following):
            builder.heading(first, 1)  # the page's title, perhaps over a line of its date ("Updated 9 March 2026")
            lines = lines[1:]
            if not lines:
                continue
        elif marked or (looks_like_heading(first, question=True) and _opens_section(lines, following)):
            level = len(marked.group(1)) if marked else (1 if not builder.blocks else 2)
            builder.heading(_HASHES.sub("", first), level)
            lines = lines[1:]
            if not lines:
                continue
        start = _list_start(lines)
        if start:  # a lead-in ("… om du:") on the lines right above its items
            builder.paragraph(" ".join(line.strip() for line in lines[:start]))
            lines = lines[start:]
        lead = builder.lead_in()
        if all(BULLET.match(line) for line in lines[:1]) and sum(bool(BULLET.match(line)) for line in lines) >= max(
            1, len(lines) // 2
        ):
            _add_list(builder, lines, lead, group)
        elif lead is not None and len(lines) >= 2 and all(line.strip()[:1].islower() for line in lines):
            for line in lines:  # items whose bullets were lost in copying, each line one, below a lead-in
                builder.item(line.strip(), lead, group)
        elif rows := _table_rows(lines):
            add_table(builder, rows, group)
        elif _is_lines(lines):
            builder.lines("\n".join(lines))
        else:
            builder.paragraph(" ".join(line.strip() for line in lines))
    return builder


def _list_start(lines: list[str]) -> int:
    """Where a list starts below lines of text in one paragraph: after a line ending with a colon, or when
    at least two of the remaining lines are items; 0 when the paragraph does not change into a list."""
    if BULLET.match(lines[0]):
        return 0
    for index in range(1, len(lines)):
        if BULLET.match(lines[index]):
            rest = sum(bool(BULLET.match(line)) for line in lines[index:])
            return index if lines[index - 1].rstrip().endswith(":") or rest >= 2 else 0
    return 0


def _opens_section(lines: list[str], following: list[str]) -> bool:
    """A heading-like first line is a heading when text follows it: more lines of its paragraph that are
    longer than it, or content (not a heading-like line) in one of the next two paragraphs. A run of three
    short lines (a menu) is no heading, nor is an office's name over its street and number."""
    if len(lines) > 1:
        if BULLET.match(lines[0]) and BULLET.match(lines[1]):  # "1. …" over "2. …": a numbered list
            return False
        if office_over_street(lines[0], lines[1]) or names_contact(lines[0], "\n".join(lines[1:])):
            return False  # an office's name over its street, a person's over their details: a contact block
        if BULLET.match(lines[1]):  # a heading over its list, unless a sentence runs on into it ("… hvis du")
            return not is_lead_in(lines[0])
        return len(lines[1].strip()) > len(lines[0].strip())
    if following and following[0].strip()[:1].islower():  # "… hvis du" over "er mellom 18 og 55 år,": a lead-in
        return False
    return any(not _single_short_line(paragraph) for paragraph in following)


def names_contact(line: str, block: str) -> bool:
    """Is ``line`` a person's role and name ("Keelekoordinaator Merike Sepp": two to six words and nothing else, the
    last two capitalised) standing over a block of contact details (lines with an e-mail address or a phone number)?"""
    words = line.split()
    if not 2 <= len(words) <= 6 or not _WORDS_ONLY.fullmatch(line) or not all(w[:1].isupper() and len(w) > 2 for w in words[-2:]):
        return False
    details = block.strip().split("\n")
    return len(details) >= 2 and any("@" in d or _PHONE.search(d) for d in details)


def _single_short_line(paragraph: str) -> bool:
    stripped = paragraph.strip()
    return "\n" not in stripped and looks_like_heading(stripped)
