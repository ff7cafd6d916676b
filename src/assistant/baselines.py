"""Baselines scored in the same evaluation run: BM25 only, dense only, and LlamaIndex's defaults.

Each baseline is a ranker: ``rank(question, language, k) -> passage texts, best first``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from assistant.corpus import scan_corpus
from assistant.embedding import Embedder
from assistant.lexical import LexicalIndex
from assistant.retrieval import Retriever
from assistant.store import ChromaStore

logger = logging.getLogger(__name__)
Ranker = Callable[[str, str, int], list[str]]


def bm25_ranker(store: ChromaStore) -> Ranker:
    index = LexicalIndex(store.all_passages())

    def rank(question: str, language: str, k: int) -> list[str]:
        return [hit.text for hit, _ in index.search(question, language, k)]

    return rank


def dense_ranker(store: ChromaStore, embedder: Embedder) -> Ranker:
    def rank(question: str, language: str, k: int) -> list[str]:
        return [hit.text for hit in store.query(embedder.embed_query(question), k)]

    return rank


def llamaindex_ranker(corpus_dir: Path, embedder: Embedder) -> Ranker:
    """A ``VectorStoreIndex`` with LlamaIndex's default splitter and ``similarity_top_k``, same embedder."""
    from llama_index.core import Document, VectorStoreIndex
    from llama_index.core.embeddings import BaseEmbedding

    class Adapter(BaseEmbedding):
        def _get_query_embedding(self, query: str) -> list[float]:
            return [float(x) for x in embedder.embed_query(query)]

        def _get_text_embedding(self, text: str) -> list[float]:
            return [float(x) for x in embedder.embed_documents([text])[0]]

        def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
            return [[float(x) for x in row] for row in embedder.embed_documents(texts)]

        async def _aget_query_embedding(self, query: str) -> list[float]:
            return self._get_query_embedding(query)

    scan = scan_corpus(corpus_dir)
    documents = [Document(text=d.text, metadata={"source": d.doc_id}) for d in scan.documents]
    adapter: Any = Adapter(model_name=embedder.model_id, embed_batch_size=8)
    index = VectorStoreIndex.from_documents(documents, embed_model=adapter)
    retriever = index.as_retriever()  # default similarity_top_k (2)

    def rank(question: str, language: str, k: int) -> list[str]:
        return [node.get_content() for node in retriever.retrieve(question)][:k]

    return rank


def variant_ranker(retriever: Retriever, **changes: Any) -> Ranker:
    """The product's own retriever with some parameters changed (an ablation), sharing model and index."""
    variant = Retriever(retriever.store, retriever.embedder, replace(retriever.params, **changes), retriever.reranker)

    def rank(question: str, language: str, k: int) -> list[str]:
        return [hit.text for hit in variant.search(question, language, k).hits]

    return rank
