"""Optional second-stage rerankers behind one small interface.

The default needs none: ``Retriever`` already rescores candidates by sentence-level similarity with the
stored vectors (no multilingual cross-encoder can be had offline here). When ``ASSISTANT_RERANKER`` names a
sentence-transformers ``CrossEncoder`` (id or path), its scores reorder the top candidates.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import Any, Protocol

from assistant.types import Hit


class Reranker(Protocol):
    name: str

    def scores(self, question: str, hits: Sequence[Hit]) -> list[float]: ...


class CrossEncoderReranker:
    """A sentence-transformers CrossEncoder scoring (question, passage) pairs; loaded on first use."""

    def __init__(self, model_id: str, model: Any = None):
        self.name = model_id
        self._model = model
        self._lock = threading.Lock()

    @property
    def model(self) -> Any:
        with self._lock:
            if self._model is None:
                from sentence_transformers import CrossEncoder

                self._model = CrossEncoder(self.name, device="cpu")
        return self._model

    def scores(self, question: str, hits: Sequence[Hit]) -> list[float]:
        if not hits:
            return []
        return [float(s) for s in self.model.predict([(question, h.text) for h in hits], show_progress_bar=False)]


def rerank(reranker: Reranker | None, question: str, hits: list[Hit], depth: int = 20) -> list[Hit]:
    """Reorder the first ``depth`` hits by the reranker's scores (stable for ties); the rest keep their order."""
    if reranker is None or len(hits) < 2:
        return hits
    head, tail = hits[:depth], hits[depth:]
    scores = reranker.scores(question, head)
    order = sorted(range(len(head)), key=lambda i: (-scores[i], i))
    return [head[i] for i in order] + tail
