"""Hybrid, document-aware retrieval.

1. Candidates: the passages nearest to the question's vector (each passage was embedded with its document
   title and heading path) and, optionally, the best BM25 rows (``assistant.index.lexical``).
2. Each candidate is scored with evidence at three levels:
   ``passage`` cos(question, passage) + ``unit_weight`` × the best cos(question, unit of the passage)
   + ``document_weight`` × cos(question, the passage's document vector)
   + ``lexical_weight`` × its BM25 score relative to the best one (for passages in the question's language;
   BM25 cannot see a Ukrainian question's match in Danish text).
   The weights are chosen on the development documents (``assistant eval --tune``).
3. The passages come back best first, each with its units scored against the question.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, replace

import numpy as np

from assistant.index.lexical import LexicalIndex
from assistant.index.store import ChromaStore, Passage, where_clause
from assistant.models.embedder import Embedder
from assistant.retrieve.translations import group_translations
from assistant.types import Filters, Hit, Retrieved, SentenceMatch

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class RetrievalParams:
    candidates: int = 30
    unit_weight: float = 1.0
    document_weight: float = 0.75
    lexical_weight: float = 0.05
    use_lexical: bool = True
    group_translations: bool = True


@dataclass(frozen=True)
class Evidence:
    """A candidate passage and its similarity to the question at each level."""

    hit: Hit
    passage: float
    unit: float  # the best unit of the passage
    document: float
    lexical: float  # BM25 relative to the best candidate (0 across languages)


@dataclass
class Candidates:
    rows: list[Evidence]
    units: dict[str, tuple[SentenceMatch, ...]]  # scored units by chunk id
    vectors: dict[str, np.ndarray]  # passage vectors by chunk id


def unit_matches(passage: Passage, vector: np.ndarray) -> tuple[SentenceMatch, ...]:
    """The passage's units with their similarity to ``vector``, best first."""
    hit = passage.hit
    if not hit.units or len(passage.unit_vectors) != len(hit.units):
        return ()
    scores = passage.unit_vectors @ vector
    matches = [
        SentenceMatch(hit.chunk_id, unit.text(hit.text), unit.start, unit.end, float(score), unit.spans, unit.kind)
        for unit, score in zip(hit.units, scores, strict=True)
    ]
    return tuple(sorted(matches, key=lambda m: (-m.score, m.start)))


class Retriever:
    def __init__(
        self, store: ChromaStore, lexical: LexicalIndex | None, embedder: Embedder, params: RetrievalParams | None = None
    ):
        self.store = store
        self.lexical = lexical
        self.embedder = embedder
        self.params = params or RetrievalParams()

    def with_params(self, **changes: object) -> Retriever:
        """The same retriever with other parameters (an ablation), sharing model and index."""
        return Retriever(self.store, self.lexical, self.embedder, replace(self.params, **changes))  # type: ignore[arg-type]

    def search(self, question: str, language: str, k: int = 5, filters: Filters | None = None) -> Retrieved:
        timings: dict[str, float] = {}
        clock = time.perf_counter()
        vector = self.embedder.embed_query(question)
        timings["embed"] = (time.perf_counter() - clock) * 1000
        clock = time.perf_counter()
        candidates = self.candidates(vector, question, language, filters)
        timings["search"] = (time.perf_counter() - clock) * 1000
        clock = time.perf_counter()
        ranked = self.rank(candidates, self.params)
        signals = ranking_signals(ranked, candidates)
        if self.params.group_translations:
            ranked = group_translations(ranked, candidates.vectors, language)
        hits = tuple(hit for hit, _ in ranked[:k])
        timings["rank"] = (time.perf_counter() - clock) * 1000
        units = {h.chunk_id: candidates.units[h.chunk_id] for h in hits}
        units.update({t.chunk_id: candidates.units[t.chunk_id] for h in hits for t in h.translations})
        return Retrieved(hits, units, timings, question, signals)

    def candidates(self, vector: np.ndarray, question: str, language: str, filters: Filters | None = None) -> Candidates:
        """The dense and lexical candidates with their evidence at each level (before weighting)."""
        n = self.params.candidates
        pool: dict[str, Passage] = {p.record: p for p in self.store.query(vector, n, where_clause(filters))}
        lexical = self._lexical(question, language, n, filters, pool)
        documents = self.store.document_similarities(vector, [p.hit.doc_id for p in pool.values()])
        candidates = Candidates([], {}, {})
        for passage in pool.values():
            candidates.vectors[passage.hit.chunk_id] = passage.vector
            hit = passage.hit
            matches = unit_matches(passage, vector)
            passage_sim = float(passage.vector @ vector)
            candidates.units[hit.chunk_id] = matches
            candidates.rows.append(
                Evidence(
                    hit,
                    passage_sim,
                    matches[0].score if matches else passage_sim,
                    documents.get(hit.doc_id, 0.0),
                    lexical.get(passage.record, 0.0) if hit.language == language else 0.0,
                )
            )
        return candidates

    @staticmethod
    def rank(candidates: Candidates, params: RetrievalParams) -> list[tuple[Hit, float]]:
        """Candidates scored with ``params``' weights, best first."""
        scored = []
        for row in candidates.rows:
            score = (
                row.passage
                + params.unit_weight * row.unit
                + params.document_weight * row.document
                + (params.lexical_weight * row.lexical if params.use_lexical else 0.0)
            )
            scored.append((replace(row.hit, score=score), score))
        scored.sort(key=lambda pair: (-pair[1], pair[0].chunk_id))
        return scored

    def _lexical(
        self, question: str, language: str, n: int, filters: Filters | None, pool: dict[str, Passage]
    ) -> dict[str, float]:
        """BM25 scores relative to the best (0..1) by record; passages found only by BM25 join the pool."""
        if self.lexical is None or not self.params.use_lexical:
            return {}
        manifest = self.store.active()
        if manifest is None:
            return {}
        revisions = manifest.revisions()
        self.lexical.sync(manifest.version, revisions, self._lexical_rows)
        found = self.lexical.search(question, language, n, revisions)
        missing = [record for record, _ in found if record not in pool]
        for passage in self.store.passages_by_record(missing):
            if filters is None or filters.matches(passage.hit):
                pool[passage.record] = passage
        top = found[0][1] if found and found[0][1] > 0 else 1.0
        return {record: score / top for record, score in found if record in pool}

    def _lexical_rows(self, doc_id: str) -> list[tuple[str, str, str]]:
        return [
            (p.record, f"{p.hit.context}\n\n{p.hit.text}" if p.hit.context else p.hit.text, p.hit.language)
            for p in self.store.document_passages(doc_id)
        ]


def ranking_signals(ranked: list[tuple[Hit, float]], candidates: Candidates) -> dict[str, float]:
    """What the ranking says about how well the question is answered: the best passage's similarities
    (passage, best unit, document, lexical), the best unit of any candidate, and the best score's margin
    over the next passage."""
    if not ranked:
        return {}
    rows = {row.hit.chunk_id: row for row in candidates.rows}
    best = rows[ranked[0][0].chunk_id]
    margin = ranked[0][1] - ranked[1][1] if len(ranked) > 1 else ranked[0][1]
    passages = np.array([row.passage for row in candidates.rows])
    units = np.array([row.unit for row in candidates.rows])
    return {
        # How far the best stands out from the other candidates: a similarity scale that holds in every
        # language (questions in some languages meet every passage less closely).
        "passage_z": float((best.passage - passages.mean()) / (passages.std() + 1e-6)),
        "unit_z": float((best.unit - units.mean()) / (units.std() + 1e-6)),
        "passage": best.passage,
        "unit": best.unit,
        "document": best.document,
        # How much better another candidate's document matches: a passage from the wrong page (a
        # neighbouring country's) often ranks first on the strength of its own wording.
        "document_gap": max(row.document for row in candidates.rows) - best.document,
        "lexical": best.lexical,
        "margin": margin,
        "best_unit": max(row.unit for row in candidates.rows),
    }
