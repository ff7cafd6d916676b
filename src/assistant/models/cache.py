"""A vector cache in front of an embedder: texts it has seen are never embedded again.

Keyed by the model id and the text (document vectors only; queries have their own in-memory cache), kept
in one SQLite file. Used by the evaluation (re-running experiments) and, when ``ASSISTANT_EMBED_CACHE``
is set, by every ingest.
"""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from assistant.models.embedder import Embedder


class CachedEmbedder:
    def __init__(self, embedder: Embedder, path: Path):
        self.inner = embedder
        self.model_id = embedder.model_id
        self.path = path
        self._lock = threading.Lock()
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(str(path), check_same_thread=False)
        self._db.execute("CREATE TABLE IF NOT EXISTS vectors (key TEXT PRIMARY KEY, vector BLOB)")

    @property
    def dimension(self) -> int:
        return self.inner.dimension

    def _key(self, text: str, title: str | None) -> str:
        return hashlib.sha256(f"{self.model_id}\x00{title}\x01{text}".encode()).hexdigest()

    def embed_documents(self, texts: Sequence[str], titles: Sequence[str] | None = None) -> np.ndarray:
        named = list(titles) if titles is not None else [None] * len(texts)
        keys = [self._key(t, n) for t, n in zip(texts, named, strict=True)]
        found: dict[str, np.ndarray] = {}
        with self._lock:
            for i in range(0, len(keys), 500):
                part = keys[i : i + 500]
                marks = ",".join("?" * len(part))
                for key, blob in self._db.execute(f"SELECT key, vector FROM vectors WHERE key IN ({marks})", part):
                    found[key] = np.frombuffer(blob, dtype=np.float32)
        missing = list(dict.fromkeys((t, n) for t, n, k in zip(texts, named, keys, strict=True) if k not in found))
        if missing:
            plain = [t for t, _ in missing]
            if titles is None:
                vectors = self.inner.embed_documents(plain)
            else:
                vectors = self.inner.embed_documents(plain, [n or "" for _, n in missing])
            with self._lock, self._db:
                for (text, title), vector in zip(missing, vectors, strict=True):
                    key = self._key(text, title)
                    found[key] = np.asarray(vector, dtype=np.float32)
                    self._db.execute("INSERT OR REPLACE INTO vectors VALUES (?, ?)", (key, found[key].tobytes()))
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        return np.stack([found[k] for k in keys])

    def embed_query(self, text: str) -> np.ndarray:
        return self.inner.embed_query(text)
