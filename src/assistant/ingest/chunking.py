"""Structure-aware chunking: passages that follow the document's sections, with their heading path.

A document's blocks are grouped into sections by its headings. A section's blocks are packed into
passages of at most ``max_tokens`` tiktoken tokens without ever cutting a heading from the text below it,
a list from its lead-in or a table's rows from its header (a list or table too long for one passage is
cut between items or rows). A section shorter than ``min_tokens`` shares its passage with the next
section under the same parent heading. Each passage carries its context, the document title and heading
path, which is embedded with it; its text stays a span of the document.

Each passage also lists its quotable units (``assistant.types.Unit``): the sentences of its paragraphs,
each list item with its lead-in, each table row with its header row, each block of short lines.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from assistant.ingest.blocks import is_lead_in
from assistant.ingest.datelines import dateline
from assistant.ingest.sentences import split_sentences
from assistant.types import Block, Chunk, Document, Unit

MIN_UNIT_LETTERS = 4
MAX_LINES_UNIT = 300  # characters: a longer block of short lines is quoted line by line


@lru_cache(maxsize=1)
def _encoding() -> object:
    from assistant.offline import configure_offline

    configure_offline()  # tiktoken reads llama-index-core's bundled cache, never the network
    import tiktoken

    return tiktoken.get_encoding("cl100k_base")


def count_tokens(text: str) -> int:
    return len(_encoding().encode(text, disallowed_special=()))  # type: ignore[attr-defined]


@dataclass
class _Atom:
    """Blocks that stay together: a heading run, a lead-in with its list, a table, or one block."""

    blocks: list[Block]
    tokens: int = 0


@dataclass
class _Section:
    path: tuple[str, ...]
    atoms: list[_Atom] = field(default_factory=list)

    @property
    def tokens(self) -> int:
        return sum(atom.tokens for atom in self.atoms)


def chunk_id_for(doc_id: str, text: str, context: str, seen: dict[str, int]) -> str:
    base = hashlib.sha256(f"{doc_id}\x00{context}\x00{text}".encode()).hexdigest()[:20]
    count = seen.get(base, 0)
    seen[base] = count + 1
    return base if count == 0 else f"{base}-{count}"


def document_blocks(document: Document) -> list[Block]:
    """The document's blocks; a document without structure is read as plain text."""
    if document.blocks:
        return list(document.blocks)
    from assistant.ingest.plain import parse_plain

    builder = parse_plain(document.text)
    if builder.text != document.text:  # spans must index document.text: one paragraph per blank-line run
        return [
            Block("paragraph", m.start(), m.end())
            for m in re.finditer(r"\S(?:.*?\S)?(?=\n\s*\n|\s*\Z)", document.text, re.DOTALL)
        ]
    return list(builder.blocks)


class Chunker:
    def __init__(self, max_tokens: int = 400, min_tokens: int = 350, counter: Callable[[str], int] = count_tokens):
        if max_tokens < 20 or not 0 <= min_tokens < max_tokens:
            raise ValueError("need max_tokens >= 20 and 0 <= min_tokens < max_tokens")
        self.max_tokens = max_tokens
        self.min_tokens = min_tokens
        self.count = counter

    @property
    def params(self) -> dict[str, object]:
        """Stored with the index: a change re-chunks (and re-embeds) every document."""
        from assistant.ingest.cleaning import patterns_digest
        from assistant.ingest.loaders import PARSER_VERSION

        return {
            "max_tokens": self.max_tokens,
            "min_tokens": self.min_tokens,
            "tokenizer": "tiktoken/cl100k_base",
            "chunker": 4,
            "parser": PARSER_VERSION,
            "cleaning": patterns_digest(),
        }

    def split(self, document: Document) -> list[Chunk]:
        text = document.text
        blocks = document_blocks(document)
        found = dateline(text, blocks, document.language)
        skipped = {(found[0].start, found[0].end)} if found else set()  # the page's dateline is quoted by no answer
        sections = self._sections(text, blocks)
        chunks: list[Chunk] = []
        seen: dict[str, int] = {}
        for path, blocks in self._pack(sections):
            start, end = blocks[0].start, blocks[-1].end
            piece = text[start:end]
            context = context_header(document.title, path, piece)
            units = tuple(passage_units(text, blocks, start, skipped))
            chunk_id = chunk_id_for(document.doc_id, piece, context, seen)
            chunks.append(Chunk(chunk_id, document.doc_id, piece, start, end, " > ".join(path), len(chunks), context, units))
        return chunks

    # -- sections and atoms ------------------------------------------------------------------
    def _sections(self, text: str, blocks: Sequence[Block]) -> list[_Section]:
        stack: list[tuple[int, str]] = []
        sections: list[_Section] = []
        pending_headings: list[Block] = []
        index = 0
        while index < len(blocks):
            block = blocks[index]
            if block.kind == "heading":
                while stack and stack[-1][0] >= block.level:
                    stack.pop()
                stack.append((block.level, text[block.start : block.end]))
                pending_headings.append(block)
                index += 1
                continue
            group = [block]
            if block.kind == "paragraph" and index + 1 < len(blocks) and blocks[index + 1].lead == (block.start, block.end):
                index += 1  # a lead-in and its list
                while index < len(blocks) and blocks[index].lead == (block.start, block.end):
                    group.append(blocks[index])
                    index += 1
            elif (
                block.kind == "row"
                and block.lead is None
                and index + 1 < len(blocks)
                and blocks[index + 1].lead == (block.start, block.end)
            ):
                index += 1  # a header row and its rows
                while index < len(blocks) and blocks[index].lead == (block.start, block.end):
                    group.append(blocks[index])
                    index += 1
            else:
                index += 1
            path = tuple(heading for _, heading in stack)
            if pending_headings or not sections or sections[-1].path != path:
                sections.append(_Section(path))
            if pending_headings:
                sections[-1].atoms.append(
                    _Atom(pending_headings, self.count(" ".join(text[b.start : b.end] for b in pending_headings)))
                )
                pending_headings = []
            for atom in self._atoms(text, group):
                sections[-1].atoms.append(atom)
        if pending_headings:  # headings with nothing below them
            path = tuple(heading for _, heading in stack)
            sections.append(
                _Section(path, [_Atom(pending_headings, self.count(text[pending_headings[0].start : pending_headings[-1].end]))])
            )
        return sections

    def _atoms(self, text: str, group: list[Block]) -> list[_Atom]:
        """One atom for the group, or, when it is too long, several: a list or table cut between its items
        (the first part keeps the lead-in), a long paragraph cut between sentences."""
        tokens = self.count(text[group[0].start : group[-1].end])
        if tokens <= self.max_tokens:
            return [_Atom(group, tokens)]
        if len(group) > 1:
            atoms: list[_Atom] = []
            for block in group:
                size = self.count(text[block.start : block.end])
                if atoms and atoms[-1].tokens + size <= self.max_tokens:
                    atoms[-1].blocks.append(block)
                    atoms[-1].tokens += size
                else:
                    atoms.extend(self._atoms(text, [block]) if size > self.max_tokens else [_Atom([block], size)])
            return atoms
        block = group[0]
        atoms = []
        for sentence in split_sentences(text[block.start : block.end], block.start):
            piece = Block(block.kind, sentence.start, sentence.end, block.level, block.lead)
            size = self.count(sentence.text)
            if atoms and atoms[-1].tokens + size <= self.max_tokens:
                last = atoms[-1].blocks[-1]
                atoms[-1].blocks[-1] = Block(block.kind, last.start, sentence.end, block.level, block.lead)
                atoms[-1].tokens += size
            else:
                atoms.append(_Atom([piece], size))
        return atoms

    # -- packing -------------------------------------------------------------------------------
    def _pack(self, sections: list[_Section]) -> list[tuple[tuple[str, ...], list[Block]]]:
        """Passages: a section's atoms packed up to ``max_tokens``; a short section joins the next one under
        the same parent when both fit."""
        packed: list[tuple[tuple[str, ...], list[Block], int]] = []
        for section in sections:
            merge = (
                packed
                and packed[-1][2] < self.min_tokens
                and packed[-1][0][:-1] == section.path[: len(packed[-1][0]) - 1]
                and packed[-1][2] + section.tokens <= self.max_tokens
            )
            current: tuple[tuple[str, ...], list[Block], int] | None = None
            if merge:
                path, blocks, tokens = packed.pop()
                current = (common_prefix(path, section.path), blocks, tokens)
            for atom in section.atoms:
                if current is not None and current[2] + atom.tokens <= self.max_tokens:
                    current = (current[0], current[1] + atom.blocks, current[2] + atom.tokens)
                    continue
                if current is not None and not only_headings(current[1]):
                    packed.append(current)
                    current = None
                if current is None:
                    current = (section.path, list(atom.blocks), atom.tokens)
                else:  # headings alone never make a passage: they open the next one
                    current = (section.path, current[1] + atom.blocks, current[2] + atom.tokens)
            if current is not None:
                packed.append(current)
        return [(path, blocks) for path, blocks, _ in packed]


def only_headings(blocks: list[Block]) -> bool:
    return all(block.kind == "heading" for block in blocks)


def common_prefix(left: tuple[str, ...], right: tuple[str, ...]) -> tuple[str, ...]:
    shared = []
    for a, b in zip(left, right, strict=False):
        if a != b:
            break
        shared.append(a)
    return tuple(shared)


def context_header(title: str, path: tuple[str, ...], text: str) -> str:
    """The document title and the heading path, leaving out what the passage itself begins with."""
    parts = [title] if title else []
    for heading in path:
        if heading and heading not in parts and not text.startswith(heading):
            parts.append(heading)
    return " > ".join(parts)


def passage_units(text: str, blocks: Sequence[Block], offset: int, skipped: set[tuple[int, int]] | None = None) -> list[Unit]:
    """The quotable units of a passage made of ``blocks`` (spans made relative to ``offset``), none from the blocks
    ``skipped`` holds."""
    inside = {(b.start, b.end) for b in blocks}
    leads = {b.lead for b in blocks if b.lead is not None}
    units: list[Unit] = []
    for block in blocks:
        span = (block.start - offset, block.end - offset)
        if block.kind == "heading" or (block.start, block.end) in leads or (block.start, block.end) in (skipped or ()):
            continue  # a heading or a lead-in is quoted only with what it introduces
        if block.kind in ("item", "row"):
            lead = block.lead if block.lead in inside else None
            spans = ((lead[0] - offset, lead[1] - offset), span) if lead else (span,)
            units.append(Unit(spans, block.kind))
        elif block.kind == "lines" and block.end - block.start > MAX_LINES_UNIT:
            for line in re.finditer(r"[^\n]+", text[block.start : block.end]):
                units.append(Unit(((span[0] + line.start(), span[0] + line.end()),), "line"))
        elif block.kind == "lines":
            units.append(Unit((span,), "lines"))
        else:
            for sentence in split_sentences(text[block.start : block.end], span[0]):
                if sum(ch.isalpha() for ch in sentence.text) >= MIN_UNIT_LETTERS and not is_lead_in(
                    sentence.text, running_on=False
                ):
                    units.append(Unit(((sentence.start, sentence.end),), "sentence"))
    return units
