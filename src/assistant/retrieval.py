"""Hybrid retrieval: dense (Chroma) + lexical (BM25) candidates, rescored by sentence-level similarity.

1. Candidates: the dense top-N from Chroma and the BM25 top-N, merged.
2. Rescoring: each candidate gets ``semantic = passage_weight * cos(question, passage)
   + (1 - passage_weight) * max cos(question, sentence of passage)``, using vectors stored at ingest time
   (no model call beyond the one query embedding).
3. The passage's context window (the passage with its neighbours, embedded at ingest) adds
   ``context_weight * cos(question, window)``: a passage is found by what its section is about even when
   its own wording is far from the question's (chosen on the dev split: hit@1 0.863 -> 0.882).
4. Lexical evidence is added as a bonus scaled by the passage's BM25 score relative to the best one, at
   full weight when question and passage share a language and reduced otherwise: BM25 cannot see a
   Ukrainian question's match in Danish text, so it must not outvote a strong cross-lingual dense hit.
5. When the question names a country, a sentence naming only other countries is no evidence for its
   passage (``assistant.countries``; chosen on the dev split: MRR 0.912 -> 0.914).
6. A short question about a rare corpus name ("What is Studiefrämjandet?") lifts the passages holding it
   by ``name_weight`` (``NameIndex.subject``).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace

import numpy as np

from assistant.countries import about_other_country, countries
from assistant.embedding import Embedder
from assistant.lexical import LexicalIndex
from assistant.names import NameIndex, loose
from assistant.reranking import Reranker, rerank
from assistant.store import ChromaStore, where_clause
from assistant.translations import group_translations
from assistant.types import Filters, Hit, Retrieved, SentenceMatch

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class RetrievalParams:
    candidates: int = 30
    passage_weight: float = 0.5
    context_weight: float = 0.2
    lexical_weight: float = 0.05
    cross_lingual_lexical_weight: float = 0.015
    use_lexical: bool = True
    use_dense: bool = True
    # "score": semantic score + language-weighted BM25 bonus; "rrf": weighted reciprocal-rank fusion of
    # the dense, sentence-level and BM25 rankings (BM25 weighted down across languages).
    # A short question about a rare corpus name ("What is Studiefrämjandet?"): passages holding the name
    # gain this much (times the share of its names they hold), since few words carry little for the embedder.
    name_weight: float = 0.1
    fusion: str = "score"
    rrf_k: int = 60


class Retriever:
    def __init__(
        self, store: ChromaStore, embedder: Embedder, params: RetrievalParams | None = None, reranker: Reranker | None = None
    ):
        self.store = store
        self.embedder = embedder
        self.params = params or RetrievalParams()
        self.reranker = reranker
        self._lexical: LexicalIndex | None = None
        self._lexical_key: tuple[str | None, int] = (None, -1)
        self._lock = threading.Lock()

    def lexical(self) -> LexicalIndex:
        """The BM25 index, rebuilt when the number of stored passages changed."""
        with self._lock:
            key = (self.store.version, self.store.count())
            if self._lexical is None or key != self._lexical_key:
                self._lexical = LexicalIndex(self.store.all_passages())
                self._lexical_key = key
            return self._lexical

    def names(self) -> NameIndex:
        """The corpus's names (for misspelt names in questions and for language detection)."""
        return self.lexical().names

    def invalidate(self) -> None:
        with self._lock:
            self._lexical = None

    def search(self, question: str, language: str, k: int = 5, filters: Filters | None = None) -> Retrieved:
        timings: dict[str, float] = {}
        clock = time.perf_counter()
        # One BM25 index (and its names) for the whole search, even if an ingest swaps it meanwhile.
        lexical = self.lexical() if self.params.use_lexical else None
        if lexical is not None:
            question = lexical.names.correct(question)  # "Yonava" -> the corpus's "Jonava"
        vector = self.embedder.embed_query(question)
        timings["embed"] = (time.perf_counter() - clock) * 1000

        clock = time.perf_counter()
        n = self.params.candidates
        pool: dict[str, Hit] = {}
        if self.params.use_dense:
            for hit in self.store.query(vector, n, where_clause(filters)):
                pool[hit.chunk_id] = hit
        lexical_scores: dict[str, float] = {}
        if lexical is not None:
            ranked = lexical.search(question, language, n)
            ranked = [(hit, score) for hit, score in ranked if filters is None or filters.matches(hit)]
            top = ranked[0][1] if ranked else 1.0
            for hit, score in ranked:
                lexical_scores[hit.chunk_id] = score / top
                pool.setdefault(hit.chunk_id, hit)
        timings["search"] = (time.perf_counter() - clock) * 1000

        clock = time.perf_counter()
        asked = countries(question, language, adjectives=True)
        names = lexical.names.mentioned(question) if lexical is not None else ()
        hits, sentences = self._rescore(vector, language, list(pool.values()), lexical_scores, asked)
        if lexical is not None and self.params.name_weight:
            hits = boost_named(hits, lexical.names.subject(question, names), self.params.name_weight)
        hits = rerank(self.reranker, question, hits)
        # One slot per fact: translations of a passage are grouped, the asker's language preferred.
        grouped = group_translations(hits, language, self._fetch_allowed(filters))[:k]
        missing = [h.chunk_id for h in grouped if h.chunk_id not in sentences]
        missing += [t.chunk_id for h in grouped for t in h.translations if t.chunk_id not in sentences]
        if missing:
            sentences.update(self._sentences(vector, missing))
        sentences = lift_translated(grouped, sentences)
        timings["rescore"] = (time.perf_counter() - clock) * 1000
        return Retrieved(tuple(grouped), {h.chunk_id: sentences.get(h.chunk_id, ()) for h in grouped}, timings, names, question)

    def _fetch_allowed(self, filters: Filters | None) -> Callable[[list[str]], list[Hit]]:
        def fetch(chunk_ids: list[str]) -> list[Hit]:
            return [h for h in self.store.hits(chunk_ids) if filters is None or filters.matches(h)]

        return fetch

    def _sentences(self, vector: np.ndarray, chunk_ids: list[str]) -> dict[str, tuple[SentenceMatch, ...]]:
        records, vectors = self.store.sentence_records(chunk_ids)
        by_chunk: dict[str, list[SentenceMatch]] = {}
        if records:
            for record, sim in zip(records, vectors @ vector, strict=True):
                by_chunk.setdefault(record.chunk_id, []).append(replace(record, score=float(sim)))
        return {cid: tuple(sorted(group, key=lambda s: -s.score)) for cid, group in by_chunk.items()}

    def _rescore(
        self,
        vector: np.ndarray,
        language: str,
        pool: list[Hit],
        lexical_scores: dict[str, float],
        asked: frozenset[str] = frozenset(),
    ) -> tuple[list[Hit], dict[str, tuple[SentenceMatch, ...]]]:
        if not pool:
            return [], {}
        ids = [hit.chunk_id for hit in pool]
        passage_vectors = self.store.chunk_vectors(ids)
        context_vectors = self.store.context_vectors(ids) if self.params.context_weight else {}
        sentences = self._sentences(vector, ids)
        weight = self.params.passage_weight
        passage_sims: dict[str, float] = {}
        sentence_sims: dict[str, float] = {}
        context_sims = {cid: float(v @ vector) for cid, v in context_vectors.items()}
        semantic: dict[str, float] = {}
        for hit in pool:
            passage_sim = float(passage_vectors[hit.chunk_id] @ vector) if hit.chunk_id in passage_vectors else hit.score
            # A sentence about another country than the one asked about is no evidence for the passage.
            evidence = [s.score for s in sentences.get(hit.chunk_id, ()) if not about_other_country(s.text, hit.language, asked)]
            best_sentence = max(evidence, default=passage_sim)
            passage_sims[hit.chunk_id], sentence_sims[hit.chunk_id] = passage_sim, best_sentence
            semantic[hit.chunk_id] = (
                weight * passage_sim
                + (1 - weight) * best_sentence
                + self.params.context_weight * context_sims.get(hit.chunk_id, 0.0)
            )
        same_language = {h.chunk_id: h.language == language for h in pool}
        if self.params.fusion == "rrf":
            rankings = [passage_sims, sentence_sims, context_sims, lexical_scores]
            fused = rrf_fuse(rankings, [1.0, 1.0, self.params.context_weight, 1.0], same_language, self.params)
        else:
            fused = score_fuse(semantic, lexical_scores, same_language, self.params)
        rescored = [replace(hit, score=fused[hit.chunk_id]) for hit in pool]
        rescored.sort(key=lambda h: (-h.score, h.chunk_id))
        return rescored, sentences


def boost_named(hits: list[Hit], keys: tuple[str, ...], weight: float) -> list[Hit]:
    """``hits`` with a bonus for holding the names ``keys`` (folded), best first again."""
    if not keys:
        return hits
    folded = {h.chunk_id: loose(h.text) for h in hits}
    boosted = [replace(h, score=h.score + weight * sum(key in folded[h.chunk_id] for key in keys) / len(keys)) for h in hits]
    return sorted(boosted, key=lambda h: (-h.score, h.chunk_id))


def lift_translated(hits: list[Hit], sentences: dict[str, tuple[SentenceMatch, ...]]) -> dict[str, tuple[SentenceMatch, ...]]:
    """A passage chosen for the asker's language keeps its sentence order but is as confident as its best
    translation: a Latvian sentence may match a Latvian question less well than the Danish original does."""
    lifted = dict(sentences)
    for hit in hits:
        own = sentences.get(hit.chunk_id, ())
        best_translation = max((s.score for t in hit.translations for s in sentences.get(t.chunk_id, ())), default=0.0)
        best_own = max((s.score for s in own), default=0.0)
        if own and best_translation > best_own:
            gap = best_translation - best_own
            lifted[hit.chunk_id] = tuple(replace(s, score=s.score + gap) for s in own)
    return lifted


def rrf_fuse(
    rankings: list[dict[str, float]], weights: list[float], same_language: dict[str, bool], params: RetrievalParams
) -> dict[str, float]:
    """Weighted reciprocal-rank fusion. The last ranking is the lexical one: its weight is scaled down for
    passages in another language than the question (BM25 cannot see a cross-lingual match)."""
    fused = dict.fromkeys(same_language, 0.0)
    last = len(rankings) - 1
    for position, (scores, weight) in enumerate(zip(rankings, weights, strict=True)):
        ordered = sorted((cid for cid in scores if cid in fused), key=lambda cid: (-scores[cid], cid))
        for rank, cid in enumerate(ordered, 1):
            factor = weight
            if position == last and not same_language[cid]:
                factor *= params.cross_lingual_lexical_weight / params.lexical_weight
            fused[cid] += factor / (params.rrf_k + rank)
    return fused


def score_fuse(
    semantic: dict[str, float], lexical: dict[str, float], same_language: dict[str, bool], params: RetrievalParams
) -> dict[str, float]:
    """Semantic score plus a BM25 bonus (BM25 relative to the best, 0..1) weighted by language match."""
    return {
        cid: value
        + (params.lexical_weight if same_language[cid] else params.cross_lingual_lexical_weight) * lexical.get(cid, 0.0)
        for cid, value in semantic.items()
    }
