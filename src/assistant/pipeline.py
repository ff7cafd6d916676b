"""``Assistant.from_settings()``: the one place that turns settings into concrete parts."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from assistant.answering import ExtractiveAnswerer
from assistant.chunking import Chunker
from assistant.config import Settings
from assistant.conversation import contextual_question
from assistant.decomposition import carry_names, merge_retrieved, split_question
from assistant.embedding import Embedder, SentenceTransformerEmbedder
from assistant.generation import Generator, LlamaCppGenerator, OpenAIGenerator, TokenCallback
from assistant.indexing import Progress, ingest
from assistant.language import detect_language, normalise_code
from assistant.llm_answering import GeneratedAnswerer, SupportCheck
from assistant.messages import message
from assistant.offline import configure_offline
from assistant.questions import clean_question
from assistant.reranking import CrossEncoderReranker
from assistant.retrieval import RetrievalParams, Retriever
from assistant.store import ChromaStore, StoreUnavailable, parse_headers, reachable
from assistant.types import Answer, Filters, IngestReport, Retrieved, SentenceMatch

logger = logging.getLogger(__name__)


class UnknownGenerator(ValueError):
    """ASSISTANT_GENERATOR names no known answer generator."""


GENERATORS = ("extractive", "llamacpp", "openai")
Answerer = ExtractiveAnswerer | GeneratedAnswerer


def make_generator(settings: Settings) -> Generator:
    if settings.generator == "openai":
        return OpenAIGenerator(settings.openai_base_url, settings.openai_model, settings.openai_api_key, settings.openai_timeout)
    return LlamaCppGenerator(settings.llamacpp_model, settings.torch_threads)


def make_answerer(settings: Settings, store: ChromaStore | None = None, embedder: Embedder | None = None) -> Answerer:
    """The answer generator named by ``settings.generator``: extractive, or an LLM checked against the passages."""
    if settings.generator not in GENERATORS:
        raise UnknownGenerator(f"unknown generator '{settings.generator}'; known: {', '.join(GENERATORS)}")
    extractive = ExtractiveAnswerer(
        settings.min_score, settings.max_quotes, settings.quote_margin, max_passages=settings.max_passages
    )
    if settings.generator == "extractive":
        return extractive
    if store is None or embedder is None:
        raise UnknownGenerator("an LLM generator needs the index and the embedder to check its citations")
    return GeneratedAnswerer(
        make_generator(settings), extractive, support_check(store, embedder), settings.llm_passages, settings.min_support
    )


def support_check(store: ChromaStore, embedder: Embedder) -> SupportCheck:
    """How well a generated claim is supported: its best similarity to a sentence of the cited passages."""

    def check(claim: str, chunk_ids: Sequence[str]) -> tuple[float, SentenceMatch | None]:
        records, vectors = store.sentence_records(list(chunk_ids))
        if not records:
            return 0.0, None
        similarities = vectors @ embedder.embed_documents([claim])[0]
        best = int(np.argmax(similarities))
        return float(similarities[best]), records[best]

    return check


class Assistant:
    def __init__(
        self,
        settings: Settings,
        store: ChromaStore,
        embedder: Embedder,
        chunker: Chunker,
        retriever: Retriever,
        answerer: Answerer,
    ):
        self.settings = settings
        self.store = store
        self.embedder = embedder
        self.chunker = chunker
        self.retriever = retriever
        self.answerer = answerer
        self._checked = False

    @classmethod
    def from_settings(cls, settings: Settings | None = None, embedder: Embedder | None = None) -> Assistant:
        configure_offline()
        settings = settings or Settings()
        store = ChromaStore.open(
            settings.index_dir, settings.chroma_url, parse_headers(settings.chroma_headers), settings.collection
        )
        embedder = embedder or SentenceTransformerEmbedder(
            settings.embed_model, settings.embed_batch_size, settings.torch_threads, dtype=settings.embed_dtype
        )
        chunker = Chunker(settings.chunk_tokens, settings.chunk_overlap, context=settings.chunk_context)
        reranker = CrossEncoderReranker(settings.reranker) if settings.reranker else None
        params = RetrievalParams(candidates=settings.candidates, fusion=settings.fusion, context_weight=settings.context_weight)
        retriever = Retriever(store, embedder, params, reranker)
        answerer = make_answerer(settings, store, embedder)
        return cls(settings, store, embedder, chunker, retriever, answerer)

    def warm_up(self) -> list[threading.Thread]:
        """Load the heavy parts (language models, embedding model, BM25 index) in the background, so the
        first question does not wait for them; a question asked meanwhile waits for what it needs."""

        def language() -> None:
            detect_language("Hvor ligger Jonava, og hvem er direktør?", "en")

        def model_and_lexical() -> None:
            self.embedder.embed_query("warm up")
            try:
                with reachable(self.store.location):
                    if self.store.count():
                        self.retriever.lexical()
            except StoreUnavailable as error:  # the first question reports it to the user
                logger.warning("warm-up: %s", error)

        threads = [
            threading.Thread(target=job, name=f"warm-up-{job.__name__}", daemon=True) for job in (language, model_and_lexical)
        ]
        for thread in threads:
            thread.start()
        return threads

    # -- indexing ---------------------------------------------------------------------------
    def index(self, corpus_dir: Path | None = None, progress: Progress | None = None, rebuild: bool = False) -> IngestReport:
        with reachable(self.store.location):
            report = ingest(corpus_dir or self.settings.corpus_dir, self.store, self.embedder, self.chunker, progress, rebuild)
        self.retriever.invalidate()
        self._checked = False
        return report

    def documents(self) -> list[dict[str, Any]]:
        """One row per indexed document: id, title, language, chunk count."""
        rows: dict[str, dict[str, Any]] = {}
        with reachable(self.store.location):
            passages = self.store.all_passages()
        for hit in passages:
            row = rows.setdefault(
                hit.doc_id,
                {
                    "source": hit.doc_id,
                    "title": hit.title,
                    "language": hit.language,
                    "chunks": 0,
                    "publisher": hit.publisher,
                    "date": hit.date,
                    "tags": list(hit.tags),
                    "indexed_at": hit.indexed_at,
                },
            )
            row["chunks"] += 1
        return sorted(rows.values(), key=lambda r: str(r["source"]))

    # -- questions --------------------------------------------------------------------------
    def ask(
        self,
        question: str,
        lang: str | None = None,
        k: int | None = None,
        filters: Filters | None = None,
        answer_k: int | None = None,
        history: Sequence[str] = (),
        fallback_language: str = "en",
        on_token: TokenCallback | None = None,
    ) -> Answer:
        """Answer ``question``; ``k`` passages are returned, the answer quotes from the top ``answer_k`` (default k).

        ``history`` holds the earlier questions of a conversation: a short follow-up ("and in Latvia?") is
        retrieved together with the previous one. ``fallback_language`` is used when the question is too
        short to tell its language.
        """
        started = time.perf_counter()
        k = max(1, min(k or self.settings.top_k, 50))
        answer_k = max(1, min(answer_k or k, k))
        cleaned = clean_question(question, self.settings.max_question_chars)
        forced = normalise_code(lang)
        if cleaned.empty:
            text = message("empty", forced or fallback_language)
            return Answer(question or "", forced or fallback_language, True, text, (), (), {"total": 0.0}, message=text)
        with reachable(self.store.location):
            if self.store.count() == 0:
                language = forced or detect_language(cleaned.text, fallback_language)
                text = message("no_index", language)
                return Answer(cleaned.text, language, True, text, (), (), {"total": 0.0}, message=text)
            self._check_index()
            clock = time.perf_counter()
            # The corpus's names ("Persson", "Jonava") are no evidence of the asker's language.
            language = forced or detect_language(cleaned.text, fallback_language, self.retriever.names().is_name)
            detect_ms = (time.perf_counter() - clock) * 1000
            earlier = [clean_question(h, self.settings.max_question_chars).text for h in history]
            query = contextual_question(earlier, cleaned.text)
            whole = self.retriever.search(query, language, k, filters)
            # "Who is …, and when is …?": each question retrieved on its own too (assistant.decomposition).
            split = carry_names(split_question(query, language), self.retriever.names().mentioned)
            parts = [(part, self.retriever.search(part, language, k, filters)) for part in split] if len(split) > 1 else []
        retrieved = merge_retrieved(whole, [r for _, r in parts], k) if parts else whole
        retrieve_ms = sum(retrieved.timings_ms.values())
        clock = time.perf_counter()
        answer_parts = getattr(self.answerer, "answer_parts", None)
        if parts and answer_parts is not None:
            top = [(part, r.top(answer_k)) for part, r in parts]
            draft = answer_parts(language, (query, whole.top(answer_k)), top)
        else:
            draft = self.answerer.answer(query, language, retrieved.top(answer_k), on_token)
        answer_ms = (time.perf_counter() - clock) * 1000
        note = message("truncated", language, n=self.settings.max_question_chars) if cleaned.truncated else ""
        timings = {
            "detect": detect_ms,
            **retrieved.timings_ms,
            "retrieve": retrieve_ms,
            "answer": answer_ms,
            "total": (time.perf_counter() - started) * 1000,
        }
        return Answer(
            question=cleaned.text,
            language=language,
            abstained=draft.abstained,
            text=(note + "\n\n" + draft.text) if note else draft.text,
            citations=draft.citations,
            passages=retrieved.hits,
            timings_ms=timings,
            generator=self.answerer.name,
            message=note,
            confidence=draft.confidence,
            fallback=draft.fallback,
            notes=draft.note,
            searched_for=searched_for(query, whole, parts),
        )

    def _check_index(self) -> None:
        if not self._checked:
            self.store.check_compatible(self.embedder.model_id, self.embedder.dimension)
            self._checked = True


def searched_for(query: str, whole: Retrieved, parts: list[tuple[str, Retrieved]]) -> str:
    """The question as searched when misspelt names in it were respelled ("yonava" -> "Jonava"), else ""."""
    if whole.query and whole.query != query:
        return whole.query
    return " ".join(r.query for part, r in parts if r.query and r.query != part)
