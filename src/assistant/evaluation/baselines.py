"""Baselines scored in the same evaluation run. Each is a ranker: ``rank(question, language, k)`` -> passage
texts, best first.

- ``bm25``: the product's passages ranked by BM25 alone (``assistant.evaluation.bm25``);
- ``dense``: the product's passages ranked by the similarity of their vectors alone (context headers included);
- ``dense_plain``: the product's passages embedded without their context header (structure-aware chunks,
  no header);
- ``llamaindex_default``: a ``VectorStoreIndex`` with LlamaIndex's default ``SentenceSplitter`` and
  ``similarity_top_k`` (2) over the same files, same embedder.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from assistant.models.embedder import Embedder

logger = logging.getLogger(__name__)
Ranker = Callable[[str, str, int], list[str]]


def active_passages(assistant: Any) -> list[Any]:
    manifest = assistant.store.active()
    return [p for doc_id in sorted(manifest.documents) for p in assistant.store.document_passages(doc_id)]


def bm25_ranker(assistant: Any) -> Ranker:
    from assistant.evaluation.bm25 import BM25

    passages = {p.record: p.hit for p in active_passages(assistant)}
    index = BM25((record, f"{hit.context}\n\n{hit.text}", hit.language) for record, hit in passages.items())

    def rank(question: str, language: str, k: int) -> list[str]:
        return [passages[record].text for record in index.search(question, language, k)]

    return rank


def dense_ranker(assistant: Any) -> Ranker:
    def rank(question: str, language: str, k: int) -> list[str]:
        return [p.hit.text for p in assistant.store.query(assistant.embedder.embed_query(question), k)]

    return rank


def dense_plain_ranker(assistant: Any) -> Ranker:
    """All active passages, embedded as plain text (brute force: an evaluation corpus is small)."""
    texts = [p.hit.text for p in active_passages(assistant)]
    vectors = assistant.embedder.embed_documents(texts)

    def rank(question: str, language: str, k: int) -> list[str]:
        scores = vectors @ assistant.embedder.embed_query(question)
        return [texts[i] for i in np.argsort(-scores)[:k]]

    return rank


def llamaindex_ranker(corpus_dir: Path, embedder: Embedder) -> Ranker:
    """A ``VectorStoreIndex`` with LlamaIndex's default splitter and ``similarity_top_k``, same embedder, over
    the same documents as the product reads them."""
    from llama_index.core import Document, VectorStoreIndex
    from llama_index.core.embeddings import BaseEmbedding

    from assistant.ingest.corpus import scan_corpus

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
