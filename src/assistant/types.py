"""Frozen dataclasses that cross module boundaries. Standard library only."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from typing import Any


@dataclass(frozen=True)
class Document:
    """One source file, as text, with what we know about it."""

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


@dataclass(frozen=True)
class Chunk:
    """A passage of a document; ``text == document.text[start:end]``."""

    chunk_id: str
    doc_id: str
    text: str
    start: int
    end: int
    heading: str = ""
    ordinal: int = 0


@dataclass(frozen=True)
class Hit:
    """A retrieved passage with its document metadata and score."""

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
    # Linked translations of this passage (chunk ids, from the index) and, after grouping at query time,
    # the other-language versions shown beside it.
    translation_ids: tuple[str, ...] = ()
    translations: tuple[Hit, ...] = ()


@dataclass(frozen=True)
class Citation:
    n: int
    hit: Hit
    quote: str  # the sentence(s) of the passage used in the answer
    quote_start: int = 0  # offsets of the quote inside hit.text
    quote_end: int = 0


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
    """A sentence of a retrieved passage and its similarity to the question."""

    chunk_id: str
    text: str
    start: int  # offsets inside the passage text
    end: int
    score: float


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
class Retrieved:
    """Ranked passages (best first), the sentences of each that match the question, and step timings."""

    hits: tuple[Hit, ...]
    sentences: dict[str, tuple[SentenceMatch, ...]]
    timings_ms: dict[str, float] = field(default_factory=dict)
    names: tuple[str, ...] = ()  # the corpus names the question mentions (folded), see assistant.names
    query: str = ""  # the question as searched: misspelt names written as the corpus writes them

    def top(self, k: int) -> Retrieved:
        """The same result cut to the best ``k`` passages."""
        if k >= len(self.hits):
            return self
        hits = self.hits[:k]
        return replace(self, hits=hits, sentences={h.chunk_id: self.sentences.get(h.chunk_id, ()) for h in hits})

    @property
    def best_sentence_score(self) -> float:
        return max((s.score for group in self.sentences.values() for s in group), default=0.0)
