"""Search latency with 1k, 10k and 100k chunks (synthetic vectors and texts), embedded and server mode.

Each size has its own collection and every query vector is timed on all of them in a shuffled order, so
drift on a shared machine hits all sizes alike. Two kinds of synthetic vectors:

- ``clustered``: unit vectors scattered around 300 topic centres, as real embeddings of a corpus are
  (many passages per subject) — the realistic case;
- ``uniform``: independent random unit vectors, the worst case for an HNSW index (no neighbourhoods).
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import numpy as np

SIZES = (1_000, 10_000, 100_000)
KINDS = ("clustered", "uniform")
WARMUP = 20
QUERIES = 200
TOPICS = 300
SPREAD = 0.9  # noise around a topic centre, per dimension, relative to the centre's


class Vectors:
    def __init__(self, kind: str, dimension: int, seed: int = 7):
        self.kind = kind
        self.dimension = dimension
        self.rng = np.random.default_rng(seed)
        self.centres = self.rng.normal(size=(TOPICS, dimension)).astype(np.float32)

    def draw(self, n: int) -> np.ndarray:
        vectors = self.rng.normal(size=(n, self.dimension)).astype(np.float32)
        if self.kind == "clustered":
            vectors = self.centres[self.rng.integers(0, TOPICS, n)] + SPREAD * vectors
        return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def fill(collection: Any, size: int, vectors: Vectors) -> None:
    for offset in range(0, size, 2_000):
        n = min(2_000, size - offset)
        collection.add(
            ids=[f"s{offset + i}" for i in range(n)],
            embeddings=vectors.draw(n),
            documents=[f"synthetic passage {offset + i}" for i in range(n)],
            metadatas=[{"doc_id": f"doc{(offset + i) // 20}.txt", "language": "da"} for i in range(n)],
        )


def run_sizes(client: Any, dimension: int, kind: str) -> dict[str, float]:
    vectors = Vectors(kind, dimension)
    collections = {}
    for size in SIZES:
        collection = client.get_or_create_collection(
            f"bench-{kind}-{size}", embedding_function=None, configuration={"hnsw": {"space": "cosine"}}
        )
        fill(collection, size, vectors)
        collections[size] = collection
    times: dict[int, list[float]] = {size: [] for size in SIZES}
    order = list(SIZES)
    for round_number in range(WARMUP + QUERIES):
        query = vectors.draw(1)[0].tolist()
        vectors.rng.shuffle(order)
        for size in order:
            clock = time.perf_counter()
            collections[size].query(query_embeddings=[query], n_results=30, include=["documents", "metadatas", "distances"])
            if round_number >= WARMUP:
                times[size].append((time.perf_counter() - clock) * 1000)
    return {str(size): float(np.percentile(values, 50)) for size, values in times.items()}


def size_benchmark(dimension: int, scratch: Path) -> dict[str, Any]:
    from assistant.store import open_client

    from assistant.testing import ChromaServer

    results: dict[str, Any] = {}
    for kind in KINDS:
        embedded = run_sizes(open_client(scratch / f"sizes-embedded-{kind}"), dimension, kind)
        server = ChromaServer(scratch / f"sizes-server-{kind}")
        server.start()
        try:
            served = run_sizes(open_client(scratch, server.url), dimension, kind)
        finally:
            server.stop()
        results[kind] = {
            "embedded_p50_ms": embedded,
            "server_p50_ms": served,
            "embedded_100k_vs_1k": embedded["100000"] / embedded["1000"],
            "server_100k_vs_1k": served["100000"] / served["1000"],
        }
    return results
