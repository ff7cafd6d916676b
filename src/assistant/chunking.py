"""Token-aware chunking that respects paragraphs and headings, with stable ids and exact spans.

A document is cut into paragraphs (blank-line separated); page furniture is dropped; a short line without
final punctuation (or a Markdown ``#`` line) is a heading and starts a new section. Paragraphs of a section
are packed into chunks of at most ``max_tokens`` tiktoken tokens; a paragraph that alone is too long is cut
at sentence boundaries. Consecutive chunks of one section share up to ``overlap`` tokens of whole sentences.
Every chunk's text is exactly ``document.text[start:end]``.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from assistant.cleaning import is_boilerplate, patterns_digest
from assistant.sentences import Sentence, split_sentences
from assistant.types import Chunk, Document

_PARAGRAPH = re.compile(r"\S(?:.*?\S)?(?=[ \t\u00a0]*\n[ \t\u00a0]*\n|\s*\Z)", re.DOTALL)
_TERMINAL = tuple(".!…:;,።")  # a question may be a heading ("What do we do?")
MAX_HEADING_CHARS = 90


@lru_cache(maxsize=1)
def _encoding() -> object:
    import tiktoken

    return tiktoken.get_encoding("cl100k_base")


def count_tokens(text: str) -> int:
    return len(_encoding().encode(text, disallowed_special=()))  # type: ignore[attr-defined]


@dataclass(frozen=True)
class _Block:
    """A run of text (a paragraph, or a heading line) with its span and section heading."""

    start: int
    end: int
    heading: str
    is_heading: bool


def is_heading_line(line: str) -> bool:
    line = line.strip()
    if line.startswith("#"):
        return True
    return 0 < len(line) <= MAX_HEADING_CHARS and not line.endswith(_TERMINAL) and not line[0].islower()


def _blocks(text: str) -> list[_Block]:
    blocks: list[_Block] = []
    heading = ""
    for match in _PARAGRAPH.finditer(text):
        paragraph = match.group(0)
        if is_boilerplate(paragraph):
            continue
        start = match.start()
        lines = paragraph.split("\n")
        # A heading may stand alone, or as the first line of a paragraph that continues below it.
        first = lines[0]
        if is_heading_line(first) and (len(lines) == 1 or len(lines[1].strip()) > len(first.strip())):
            heading = first.strip().lstrip("#").strip()
            blocks.append(_Block(start, start + len(first.rstrip()), heading, True))
            rest_offset = len(first) + 1
            if len(lines) == 1:
                continue
            rest = paragraph[rest_offset:]
            lead = len(rest) - len(rest.lstrip())
            start = start + rest_offset + lead
        blocks.append(_Block(start, match.end(), heading, False))
    return blocks


def chunk_id_for(doc_id: str, text: str, seen: dict[str, int]) -> str:
    base = hashlib.sha256(f"{doc_id}\x00{text}".encode()).hexdigest()[:20]
    count = seen.get(base, 0)
    seen[base] = count + 1
    return base if count == 0 else f"{base}-{count}"


class Chunker:
    def __init__(self, max_tokens: int = 200, overlap: int = 30, counter: Callable[[str], int] = count_tokens, context: int = 1):
        if max_tokens < 20 or not 0 <= overlap < max_tokens // 2 or context < 0:
            raise ValueError("need max_tokens >= 20, 0 <= overlap < max_tokens / 2 and context >= 0")
        self.max_tokens = max_tokens
        self.overlap = overlap
        self.count = counter
        self.context = context

    @property
    def params(self) -> dict[str, object]:
        # "sentences" names how quotable units are cut (sentences + clauses of long ones), "context" how many
        # neighbours on each side a passage's context window spans: changing either re-embeds every
        # document at the next ingest; so does a change to the page-furniture patterns ("cleaning").
        return {
            "max_tokens": self.max_tokens,
            "overlap": self.overlap,
            "tokenizer": "tiktoken/cl100k_base",
            "sentences": 2,
            "context": self.context,
            "cleaning": patterns_digest(),
            "translations": 2,  # how passages are linked as translations (2: also by translated sentences)
        }

    def contexts(self, document: Document, chunks: Sequence[Chunk]) -> list[str]:
        """Each chunk's context window: the document text from ``context`` chunks before it to ``context``
        chunks after it (in document order), so a passage can be found by what its neighbours say."""
        ordered = sorted(range(len(chunks)), key=lambda i: chunks[i].start)
        windows = [""] * len(chunks)
        for rank, i in enumerate(ordered):
            first = chunks[ordered[max(0, rank - self.context)]]
            last = chunks[ordered[min(len(ordered) - 1, rank + self.context)]]
            windows[i] = document.text[first.start : max(last.end, chunks[i].end)]
        return windows

    def split(self, document: Document) -> list[Chunk]:
        text = document.text
        spans: list[tuple[int, int, str]] = []
        for heading, units in self._sections(text):
            spans.extend((start, end, heading) for start, end in self._pack(text, units))
        seen: dict[str, int] = {}
        chunks = []
        for ordinal, (start, end, heading) in enumerate(spans):
            piece = text[start:end]
            chunks.append(Chunk(chunk_id_for(document.doc_id, piece, seen), document.doc_id, piece, start, end, heading, ordinal))
        return chunks

    def _sections(self, text: str) -> list[tuple[str, list[Sentence]]]:
        """Group blocks into sections; each section is a list of units (paragraphs or, if long, sentences)."""
        sections: list[tuple[str, list[Sentence]]] = []
        for block in _blocks(text):
            if block.is_heading or not sections or sections[-1][0] != block.heading:
                sections.append((block.heading, []))
            body = text[block.start : block.end]
            if block.is_heading or self.count(body) <= self.max_tokens:
                sections[-1][1].append(Sentence(body, block.start, block.end))
            else:
                sections[-1][1].extend(self._cut_long(body, block.start))
        return _merge_bare_headings(sections)

    def _cut_long(self, body: str, offset: int) -> list[Sentence]:
        units: list[Sentence] = []
        for sentence in split_sentences(body, offset):
            if self.count(sentence.text) <= self.max_tokens:
                units.append(sentence)
                continue
            words = list(re.finditer(r"\S+", sentence.text))  # a run-on "sentence": cut between words
            step = max(1, len(words) * self.max_tokens // (2 * self.count(sentence.text)))
            for i in range(0, len(words), step):
                group = words[i : i + step]
                units.append(Sentence("", sentence.start + group[0].start(), sentence.start + group[-1].end()))
        return units

    def _pack(self, text: str, units: list[Sentence]) -> list[tuple[int, int]]:
        spans: list[tuple[int, int]] = []
        i = 0
        while i < len(units):
            j = i
            while j + 1 < len(units):
                cost = self.count(text[units[i].start : units[j + 1].end])
                if cost > self.max_tokens:
                    break
                j = j + 1
            if j == i and j + 1 < len(units) and is_heading_line(text[units[i].start : units[i].end]):
                j += 1  # never leave a heading alone in a chunk
            spans.append((units[i].start, units[j].end))
            if j + 1 >= len(units):
                break
            # Start the next chunk a few units back so neighbours share up to `overlap` tokens.
            back = j + 1
            while back - 1 > i and self.count(text[units[back - 1].start : units[j].end]) <= self.overlap:
                back -= 1
            i = back
        return spans


def _merge_bare_headings(sections: list[tuple[str, list[Sentence]]]) -> list[tuple[str, list[Sentence]]]:
    """A section that is only a heading joins the next section (or, at the end, the previous one)."""
    merged: list[tuple[str, list[Sentence]]] = []
    pending: list[Sentence] = []
    pending_headings: list[str] = []
    for heading, units in sections:
        if len(units) == 1 and units[0].text == units[0].text.strip() and is_heading_line(units[0].text):
            pending.extend(units)
            pending_headings.append(heading)
            continue
        path = " > ".join(dict.fromkeys([*pending_headings, heading])) if pending_headings else heading
        merged.append((path, [*pending, *units]))
        pending, pending_headings = [], []
    if pending:
        if merged:
            merged[-1][1].extend(pending)
        else:
            merged.append((" > ".join(pending_headings), pending))
    return merged
