"""``Assistant.from_settings()``: the one place that turns settings into concrete parts."""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from assistant.answer.abstention import AbstentionModel
from assistant.answer.choosing import embedding_chooser
from assistant.answer.extractive import ExtractiveAnswerer
from assistant.answer.generated import GeneratedAnswerer, SupportCheck
from assistant.answer.generators import Generator, LlamaCppGenerator, OpenAIGenerator, TokenCallback
from assistant.answer.kinds import own_or_joined_kinds
from assistant.answer.places import towns_named
from assistant.config import Settings
from assistant.index.chroma import StoreUnavailable, parse_headers, reachable
from assistant.index.store import ChromaStore
from assistant.ingest.chunking import Chunker
from assistant.ingest.indexing import Indexer, Progress
from assistant.languages.detection import detect_language, normalise_code, unsupported_script
from assistant.languages.locale import language_name
from assistant.languages.messages import message
from assistant.models.embedder import Embedder, SentenceTransformerEmbedder
from assistant.offline import configure_offline
from assistant.retrieve.questions import clean_question, contextual_question, joined_question, may_follow_up
from assistant.retrieve.retriever import RetrievalParams, Retriever
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
        AbstentionModel.shipped(),
        settings.max_quotes,
        settings.quote_margin,
        max_passages=settings.max_passages,
        chooser=embedding_chooser(embedder) if embedder is not None else None,
        towns_of=document_towns(store) if store is not None else None,
    )
    if settings.generator == "extractive":
        return extractive
    if store is None or embedder is None:
        raise UnknownGenerator("an LLM generator needs the index and the embedder to check its citations")
    return GeneratedAnswerer(
        make_generator(settings), extractive, support_check(store, embedder), settings.llm_passages, settings.min_support
    )


def document_towns(store: ChromaStore, cached: int = 256) -> Callable[[str], frozenset[str]]:
    """A document id → the towns its indexed text names (title and headings included), read once per revision."""
    found: OrderedDict[tuple[str, str], frozenset[str]] = OrderedDict()
    lock = threading.Lock()

    def towns_of(doc_id: str) -> frozenset[str]:
        manifest = store.active()
        entry = manifest.documents.get(doc_id) if manifest is not None else None
        key = (doc_id, entry.revision if entry is not None else "")
        with lock:
            if key in found:
                found.move_to_end(key)
                return found[key]
        passages = store.document_passages(doc_id)
        text = "\n".join(f"{p.hit.context}\n{p.hit.text}" for p in passages)
        towns = towns_named(f"{entry.title if entry is not None else ''}\n{text}")
        with lock:
            found[key] = towns
            while len(found) > cached:
                found.popitem(last=False)
        return towns

    return towns_of


def support_check(store: ChromaStore, embedder: Embedder) -> SupportCheck:
    """How well a generated claim is supported: its best similarity to a unit of the cited passages."""

    def check(claim: str, chunk_ids: Sequence[str]) -> tuple[float, SentenceMatch | None]:
        vector = embedder.embed_documents([claim])[0]
        best: tuple[float, SentenceMatch | None] = (0.0, None)
        for passage in store.passages_by_chunk(list(chunk_ids)):
            if not len(passage.unit_vectors):
                continue
            scores = passage.unit_vectors @ vector
            i = int(np.argmax(scores))
            if float(scores[i]) > best[0]:
                unit = passage.hit.units[i]
                best = (
                    float(scores[i]),
                    SentenceMatch(
                        passage.hit.chunk_id,
                        unit.text(passage.hit.text),
                        unit.start,
                        unit.end,
                        float(scores[i]),
                        unit.spans,
                        unit.kind,
                    ),
                )
        return best

    return check


def make_embedder(settings: Settings) -> Embedder:
    embedder: Embedder = SentenceTransformerEmbedder(
        settings.embed_model, settings.embed_batch_size, settings.torch_threads, dtype=settings.embed_dtype
    )
    if settings.embed_cache is not None:
        from assistant.models.cache import CachedEmbedder

        embedder = CachedEmbedder(embedder, settings.embed_cache)
    return embedder


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
        self.indexer = Indexer(store, embedder, chunker)
        self._checked = False

    @classmethod
    def from_settings(cls, settings: Settings | None = None, embedder: Embedder | None = None) -> Assistant:
        configure_offline()
        settings = settings or Settings()
        store = ChromaStore.open(
            settings.index_dir, settings.chroma_url, parse_headers(settings.chroma_headers), settings.collection
        )
        embedder = embedder or make_embedder(settings)
        chunker = Chunker(settings.chunk_tokens, settings.chunk_min_tokens)
        params = RetrievalParams(candidates=settings.candidates, unit_weight=settings.unit_weight)
        retriever = Retriever(store, embedder, params)
        answerer = make_answerer(settings, store, embedder)
        return cls(settings, store, embedder, chunker, retriever, answerer)

    def warm_up(self) -> list[threading.Thread]:
        """Load the heavy parts (language detector, embedding model) in the background, so the first
        question does not wait for them; a question asked meanwhile waits for what it needs."""

        def language() -> None:
            detect_language("Hvor ligger Jonava, og hvem er direktør?", "en")

        def model() -> None:
            self.embedder.embed_query("warm up")

        threads = [threading.Thread(target=job, name=f"warm-up-{job.__name__}", daemon=True) for job in (language, model)]
        for thread in threads:
            thread.start()
        return threads

    # -- indexing ---------------------------------------------------------------------------
    def index(
        self, corpus_dir: Path | None = None, progress: Progress | None = None, rebuild: bool = False, prune: bool = False
    ) -> IngestReport:
        with reachable(self.store.location):
            report = self.indexer.ingest(corpus_dir or self.settings.corpus_dir, progress, rebuild, prune)
        self._checked = False
        return report

    def index_if_missing(self) -> IngestReport | None:
        """Build the index from the corpus folder when nothing is indexed yet (a first start); ``None`` when an
        index exists. A missing or empty corpus folder raises ``CorpusError``, a server that is down
        ``StoreUnavailable``."""
        with reachable(self.store.location):
            if self.store.count() > 0:
                return None
        logger.info("nothing is indexed yet: indexing %s (first start)", self.settings.corpus_dir)
        return self.index()

    def documents(self) -> list[dict[str, Any]]:
        """One row per indexed document (from the active version's manifest, not from its passages)."""
        with reachable(self.store.location):
            manifest = self.store.active()
        if manifest is None:
            return []
        return [
            {
                "source": doc_id,
                "title": entry.title,
                "language": entry.language,
                "chunks": entry.passages,
                "publisher": entry.publisher,
                "date": entry.date,
                "tags": list(entry.tags),
                "indexed_at": entry.indexed_at,
            }
            for doc_id, entry in sorted(manifest.documents.items())
        ]

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
            # the question is read in its own language even when the answer is wanted in another one (a chosen
            # Somali answer to an English question still needs the English question's cues)
            reading = detect_language(cleaned.text, forced or fallback_language, continuing=bool(history))
            language = forced or reading
            detect_ms = (time.perf_counter() - clock) * 1000
            earlier = [clean_question(h, self.settings.max_question_chars).text for h in history]
            query, retrieved = self._search(cleaned.text, earlier, reading, k, filters)
        clock = time.perf_counter()
        draft = self.answerer.answer(query, language, retrieved.top(answer_k), on_token, asked=cleaned.text, reading=reading)
        answer_ms = (time.perf_counter() - clock) * 1000
        note = message("truncated", language, n=self.settings.max_question_chars) if cleaned.truncated else ""
        if unsupported_script(cleaned.text):  # "维耶勒…多少钱？" was answered in English without a word
            unsupported = message("unsupported_script", language, name=language_name(language, language))
            note = f"{note}\n\n{unsupported}" if note else unsupported
        timings = {
            "detect": detect_ms,
            **retrieved.timings_ms,
            "retrieve": sum(retrieved.timings_ms.values()),
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
            searched_for=query if query != cleaned.text else "",
        )

    def _search(self, question: str, earlier: list[str], language: str, k: int, filters: Filters | None) -> tuple[str, Retrieved]:
        """The text searched for ``question`` and what it found. A follow-up is searched joined to the question
        before it; a short question that may be one but cannot be answered on its own is searched joined too,
        and the reading the answer would be more confident in wins."""
        query = contextual_question(earlier, question, language)
        kinds = own_or_joined_kinds(question, query, language)  # what it asks, or (a bare follow-up) the one before
        retrieved = self.retriever.search(query, language, k, filters, follow_up=question, kinds=kinds)
        judge = self.answerer if isinstance(self.answerer, ExtractiveAnswerer) else getattr(self.answerer, "extractive", None)
        if judge is None or not may_follow_up(earlier, question, language):
            return query, retrieved
        alone = judge.confidence(question, language, retrieved)
        if judge.abstention.is_sure(alone):
            return query, retrieved  # answered on its own with confidence: not read as a follow-up
        joined = joined_question(earlier, question)
        other = self.retriever.search(
            joined, language, k, filters, follow_up=question, kinds=kinds or own_or_joined_kinds(question, joined, language)
        )
        if judge.confidence(joined, language, other, question) > alone:
            return joined, other
        return query, retrieved

    def _check_index(self) -> None:
        if not self._checked:
            self.store.check_compatible(self.embedder.model_id, self.embedder.dimension)
            self._checked = True


__all__ = ["Assistant", "StoreUnavailable", "UnknownGenerator"]
