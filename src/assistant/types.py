"""Frozen dataclasses that cross module boundaries. Standard library only."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from typing import Any


@dataclass(frozen=True)
class Block:
    """A structural part of a document's text: its kind (heading, paragraph, item, row, lines), its span
    in ``Document.text``, a heading's level, and the span of a list item's lead-in or a row's header row."""

    kind: str
    start: int
    end: int
    level: int = 0
    lead: tuple[int, int] | None = None


@dataclass(frozen=True)
class Document:
    """One source file, as text, with its structure and what we know about it."""

    doc_id: str  # path relative to the corpus folder, with forward slashes
    text: str
    title: str
    language: str
    content_hash: str
    publisher: str = ""
    date: str = ""
    url: str = ""
    tags: tuple[str, ...] = ()
    group: str = ""  # shared by translations of one page (metadata "translation_of"); else the doc_id
    blocks: tuple[Block, ...] = ()


@dataclass(frozen=True)
class Unit:
    """A quotable part of a passage: a sentence, a list item with its lead-in, a table row with its header
    row, or a block of short lines. ``spans`` are offsets inside the passage text, in order."""

    spans: tuple[tuple[int, int], ...]
    kind: str = "sentence"

    def text(self, passage: str) -> str:
        return "\n".join(passage[start:end] for start, end in self.spans)

    @property
    def start(self) -> int:
        return self.spans[0][0]

    @property
    def end(self) -> int:
        return self.spans[-1][1]


@dataclass(frozen=True)
class Chunk:
    """A passage of a document; ``text == document.text[start:end]``. ``heading`` is its heading path
    ("Allowance > Families"), ``context`` the document title and heading path that are embedded and
    indexed with it (the quoted text stays the source's own)."""

    chunk_id: str
    doc_id: str
    text: str
    start: int
    end: int
    heading: str = ""
    ordinal: int = 0
    context: str = ""
    units: tuple[Unit, ...] = ()

    @property
    def indexed_text(self) -> str:
        """The context header, then the passage (what a reader of the passage alone would need)."""
        return f"{self.context}\n\n{self.text}" if self.context else self.text


@dataclass(frozen=True)
class Hit:
    """A retrieved passage with its document metadata, its quotable units and its score."""

    chunk_id: str
    doc_id: str
    text: str
    title: str
    language: str
    score: float
    start: int = 0
    end: int = 0
    heading: str = ""
    publisher: str = ""
    date: str = ""
    url: str = ""
    tags: tuple[str, ...] = ()
    group: str = ""
    indexed_at: str = ""
    context: str = ""
    units: tuple[Unit, ...] = ()
    ordinal: int = 0
    # Other-language versions of this passage (translations of one page), shown beside it.
    translations: tuple[Hit, ...] = ()


@dataclass(frozen=True)
class Citation:
    n: int
    hit: Hit
    quote: str  # the units of the passage used in the answer, joined by line breaks
    quote_start: int = 0  # where the quoted units begin and end inside hit.text
    quote_end: int = 0
    spans: tuple[tuple[int, int], ...] = ()  # the quoted parts inside hit.text (highlighted)


@dataclass(frozen=True)
class Answer:
    question: str
    language: str
    abstained: bool
    text: str
    citations: tuple[Citation, ...]
    passages: tuple[Hit, ...]
    timings_ms: dict[str, float] = field(default_factory=dict)
    generator: str = "extractive"
    message: str = ""  # set when the question itself was rejected (empty, ...)
    confidence: float = 0.0  # best sentence similarity: what the abstain decision compares to the threshold
    fallback: str = ""  # set when an LLM answer was replaced by the extractive one, with the reason
    notes: str = ""
    searched_for: str = ""  # the question as searched, when names in it were respelled ("yonava" -> "Jonava")

    def to_json(self) -> dict[str, Any]:
        """The stable JSON contract of ``assistant ask --json``."""
        return {
            "question": self.question,
            "language": self.language,
            "abstained": self.abstained,
            "answer": self.text,
            "searched_for": self.searched_for,
            "citations": [
                {
                    "n": c.n,
                    "chunk_id": c.hit.chunk_id,
                    "source": c.hit.doc_id,
                    "title": c.hit.title,
                    "language": c.hit.language,
                    "text": c.hit.text,
                    "quote": c.quote,
                    "spans": [list(span) for span in (c.spans or ((c.quote_start, c.quote_end),))],
                    "score": round(c.hit.score, 4),
                    "start": c.hit.start,
                    "end": c.hit.end,
                    "publisher": c.hit.publisher,
                    "date": c.hit.date,
                    "translations": [
                        {"chunk_id": t.chunk_id, "source": t.doc_id, "title": t.title, "language": t.language, "text": t.text}
                        for t in c.hit.translations
                    ],
                }
                for c in self.citations
            ],
            "passages": [
                {
                    "chunk_id": h.chunk_id,
                    "source": h.doc_id,
                    "title": h.title,
                    "language": h.language,
                    "text": h.text,
                    "score": round(h.score, 4),
                }
                for h in self.passages
            ],
            "timings_ms": {k: round(v, 1) for k, v in self.timings_ms.items()},
            "generator": self.generator,
            "message": self.message,
            "confidence": round(self.confidence, 4),
            "fallback": self.fallback,
            "notes": self.notes,
        }


@dataclass(frozen=True)
class SkippedFile:
    path: str
    reason: str


@dataclass
class IngestReport:
    """What an ingest did; mutable while the ingest runs."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    skipped: list[SkippedFile] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    chunks_embedded: int = 0
    translation_links: int = 0
    chunks_total: int = 0
    seconds: float = 0.0

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class SentenceMatch:
    """A quotable unit of a retrieved passage (a sentence, a list item with its lead-in, a table row with
    its header) and its similarity to the question. ``start``/``end`` bound it inside the passage text;
    ``spans`` are its parts (a lead-in and an item are two spans)."""

    chunk_id: str
    text: str
    start: int
    end: int
    score: float
    spans: tuple[tuple[int, int], ...] = ()
    kind: str = "sentence"


@dataclass(frozen=True)
class Filters:
    """Restrict retrieval to source languages, documents and region/country tags (empty: no restriction)."""

    languages: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()

    def matches(self, hit: Hit) -> bool:
        return (
            (not self.languages or hit.language in self.languages)
            and (not self.sources or hit.doc_id in self.sources)
            and (not self.tags or bool(set(self.tags) & set(hit.tags)))
        )

    @property
    def empty(self) -> bool:
        return not (self.languages or self.sources or self.tags)


@dataclass(frozen=True)
class Side:
    """One side of a question asking which of two things: its best passage, and that passage's units (by their
    spans) in the order they answer the question (``Retriever.sides``)."""

    chunk_id: str
    order: tuple[tuple[tuple[int, int], ...], ...]


@dataclass(frozen=True)
class Retrieved:
    """Ranked passages (best first), the units of each scored against the question, step timings, and
    the signals the abstention decision reads (``assistant.answer.abstention``)."""

    hits: tuple[Hit, ...]
    sentences: dict[str, tuple[SentenceMatch, ...]]
    timings_ms: dict[str, float] = field(default_factory=dict)
    query: str = ""  # the text that was searched (a follow-up joined to the previous question)
    signals: dict[str, float] = field(default_factory=dict)
    # The passages in the order that ignores the kind of value asked: the abstention decision reads these,
    # as it was fitted on them (``hits`` may put a passage stating a value first).
    judged: tuple[Hit, ...] = ()
    # A question asking which of two things: each side's best passage (both are quoted).
    sides: tuple[Side, ...] = ()

    def top(self, k: int) -> Retrieved:
        """The same result cut to the best ``k`` passages."""
        if k >= len(self.hits) and k >= len(self.judged):
            return self
        hits, judged = self.hits[:k], self.judged[:k]
        kept = {h.chunk_id: self.sentences.get(h.chunk_id, ()) for h in (*hits, *judged)}
        return replace(self, hits=hits, judged=judged, sentences=kept)

    def judged_view(self) -> Retrieved:
        """The result as the abstention decision reads it: the kind-blind order and its passages' units."""
        if not self.judged:
            return self
        sentences = {h.chunk_id: self.sentences.get(h.chunk_id, ()) for h in self.judged}
        return replace(self, hits=self.judged, sentences=sentences, judged=())

    @property
    def best_sentence_score(self) -> float:
        return max((s.score for group in self.sentences.values() for s in group), default=0.0)
