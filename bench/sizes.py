"""Search latency with 1k, 10k and 100k chunks (synthetic vectors and texts), embedded and server mode."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import numpy as np

SIZES = (1_000, 10_000, 100_000)
QUERIES = 50


def fill(collection: Any, size: int, dimension: int, rng: np.random.Generator, start: int) -> None:
    for offset in range(start, size, 2_000):
        n = min(2_000, size - offset)
        vectors = rng.normal(size=(n, dimension)).astype(np.float32)
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
        ids = [f"s{offset + i}" for i in range(n)]
        collection.add(
            ids=ids,
            embeddings=vectors,
            documents=[f"synthetic passage {offset + i}" for i in range(n)],
            metadatas=[{"doc_id": f"doc{(offset + i) // 20}.txt", "language": "da"} for i in range(n)],
        )


def measure(collection: Any, dimension: int, rng: np.random.Generator) -> float:
    times = []
    for _ in range(QUERIES):
        query = rng.normal(size=dimension).astype(np.float32)
        query /= np.linalg.norm(query)
        clock = time.perf_counter()
        collection.query(query_embeddings=[query.tolist()], n_results=30, include=["documents", "metadatas", "distances"])
        times.append((time.perf_counter() - clock) * 1000)
    return float(np.percentile(times, 50))


def run_sizes(client: Any, dimension: int) -> dict[str, float]:
    rng = np.random.default_rng(7)
    collection = client.get_or_create_collection(
        "bench-sizes", embedding_function=None, configuration={"hnsw": {"space": "cosine"}}
    )
    results = {}
    filled = 0
    for size in SIZES:
        fill(collection, size, dimension, rng, filled)
        filled = size
        results[str(size)] = measure(collection, dimension, rng)
    return results


def size_benchmark(dimension: int, scratch: Path) -> dict[str, Any]:
    import sys

    from assistant.store import open_client
    from assistant.testing import ChromaServer

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    embedded = run_sizes(open_client(scratch / "sizes-embedded"), dimension)
    server = ChromaServer(scratch / "sizes-server")
    server.start()
    try:
        served = run_sizes(open_client(scratch, server.url), dimension)
    finally:
        server.stop()
    return {
        "embedded_p50_ms": embedded,
        "server_p50_ms": served,
        "embedded_100k_vs_1k": embedded["100000"] / embedded["1000"],
        "server_100k_vs_1k": served["100000"] / served["1000"],
    }
