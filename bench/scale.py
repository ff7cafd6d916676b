"""The whole path at 1k, 10k and 100k passages, built through the product's own ingest.

Synthetic documents (headings and sentences from a fixed vocabulary, ten passages each) are embedded by a
synthetic embedder (a topic centre per document plus noise, unit length, the real model's id and
dimension), so building 100k passages takes minutes, not days; the indexes are kept in ``bench/.cache``
and reused. On each index: the time to add one one-page document (no model time: the synthetic
embedder), a new process's start to its first answer and its peak memory (the real model embeds the
questions), warm question times, and the index's size on disk.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "bench" / ".cache"
MODEL = ROOT / "models" / "embeddinggemma-300m"
PASSAGES_PER_DOCUMENT = 10
logger = logging.getLogger("bench")
WORDS = [
    "integration",
    "programme",
    "language",
    "course",
    "municipality",
    "refugee",
    "family",
    "reunification",
    "allowance",
    "recognition",
    "qualification",
    "employment",
    "housing",
    "school",
    "children",
    "adult",
    "education",
    "welcome",
    "centre",
    "volunteer",
    "mentor",
    "project",
    "registration",
    "deadline",
    "application",
    "permit",
    "residence",
    "citizen",
    "office",
    "advice",
    "interpreter",
    "meeting",
    "workshop",
]


class SyntheticEmbedder:
    """Unit vectors around a topic centre per document title: cheap, deterministic, clustered as real
    embeddings are. It carries the real model's id and dimension, so the real model can query the index."""

    def __init__(self, model_id: str = str(MODEL), dimension: int = 768, topics: int = 300):
        self.model_id = model_id
        self._dimension = dimension
        self.centres = np.random.default_rng(7).standard_normal((topics, dimension)).astype(np.float32)

    @property
    def dimension(self) -> int:
        return self._dimension

    def _vector(self, text: str, title: str) -> np.ndarray:
        topic = int(hashlib.blake2b(title.encode(), digest_size=4).hexdigest(), 16) % len(self.centres)
        seed = int(hashlib.blake2b(text.encode(), digest_size=8).hexdigest(), 16)
        vector = self.centres[topic] + 0.6 * np.random.default_rng(seed).standard_normal(self._dimension).astype(np.float32)
        return vector / np.linalg.norm(vector)

    def embed_documents(self, texts: Any, titles: Any = None) -> np.ndarray:
        titles = titles if titles is not None else [""] * len(texts)
        if not len(texts):
            return np.zeros((0, self._dimension), dtype=np.float32)
        return np.stack([self._vector(t, n) for t, n in zip(texts, titles, strict=True)])

    def embed_query(self, text: str) -> np.ndarray:
        return self._vector(text, text)


def synthetic_document(number: int, sections: int = PASSAGES_PER_DOCUMENT) -> str:
    """A Markdown page whose sections are each about one passage long."""
    rng = np.random.default_rng(number)
    lines = [f"# Programme {number}: {' '.join(rng.choice(WORDS, 3))}", ""]
    for section in range(sections):
        lines += [f"## Section {section}: {' '.join(rng.choice(WORDS, 2))}", ""]
        for _ in range(11):
            sentence = " ".join(rng.choice(WORDS, 12)).capitalize()
            lines.append(f"{sentence} in {rng.integers(2000, 2030)} with {rng.integers(1, 500)} participants.")
        lines.append("")
    return "\n".join(lines)


def write_corpus(folder: Path, documents: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(documents):
        path = folder / f"doc{number:06d}.md"
        if not path.exists():
            path.write_text(synthetic_document(number), encoding="utf-8")


def settings_for(folder: Path, url: str = "") -> Any:
    from assistant.config import Settings

    return Settings(corpus_dir=folder / "corpus", index_dir=folder / "index", embed_model=str(MODEL), chroma_url=url)


def build(passages: int, url: str = "") -> Path:
    """The cached index of ``passages`` synthetic passages (built the first time)."""
    from assistant.pipeline import Assistant

    folder = CACHE / (f"{passages}" + ("-server" if url else ""))
    marker = folder / "built.json"
    if marker.exists() and not url:
        return folder
    write_corpus(folder / "corpus", passages // PASSAGES_PER_DOCUMENT)
    assistant = Assistant.from_settings(settings_for(folder, url), embedder=SyntheticEmbedder())
    clock = time.perf_counter()
    report = assistant.index()
    marker.write_text(json.dumps({"passages": report.chunks_total, "build_s": time.perf_counter() - clock}), encoding="utf-8")
    logger.info("built %d passages in %.0f s", report.chunks_total, time.perf_counter() - clock)
    return folder


def disk_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


def add_one_document(folder: Path, url: str = "") -> dict[str, float]:
    """Add a one-page document, then remove it again (so the cached index stays as built)."""
    from assistant.pipeline import Assistant

    assistant = Assistant.from_settings(settings_for(folder, url), embedder=SyntheticEmbedder())
    page = folder / "corpus" / "added.md"
    page.write_text(synthetic_document(10**7, sections=2), encoding="utf-8")
    try:
        clock = time.perf_counter()
        report = assistant.index()
        add_s = time.perf_counter() - clock
    finally:
        page.unlink()
    clock = time.perf_counter()
    assistant.index()
    remove_s = time.perf_counter() - clock
    return {"add_s": add_s, "added_passages": float(report.chunks_embedded), "remove_s": remove_s}


FIRST_ANSWER = """
import json, os, sys, time, statistics
started = float(sys.argv[1])
from assistant.config import Settings
from assistant.pipeline import Assistant
settings = Settings(corpus_dir=sys.argv[2] + "/corpus", index_dir=sys.argv[2] + "/index", embed_model=sys.argv[3], chroma_url=sys.argv[4])
assistant = Assistant.from_settings(settings)
assistant.ask("How long does the integration programme last?")
first = time.time() - started
times = []
for i in range(60):
    clock = time.perf_counter()
    assistant.ask(f"Which course starts in {2000 + i} for refugees in section {i}?")
    times.append((time.perf_counter() - clock) * 1000)
rss = next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM")) / 1024
times.sort()
print(json.dumps({"start_to_first_answer_s": first, "warm_p50_ms": times[len(times) // 2], "warm_p95_ms": times[int(len(times) * 0.95) - 1], "peak_rss_mb": rss}))
"""


def serving_process(folder: Path, url: str = "") -> dict[str, float]:
    """A new process: start, open the index, load the real model, answer; then 60 warm questions."""
    env = {**os.environ, "OMP_WAIT_POLICY": os.environ.get("OMP_WAIT_POLICY", "PASSIVE")}
    done = subprocess.run(
        [sys.executable, "-c", FIRST_ANSWER, str(time.time()), str(folder), str(MODEL), url],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        cwd=ROOT,
    )
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def scale_benchmark(sizes: tuple[int, ...] = (1_000, 10_000, 100_000), server: bool = True) -> dict[str, Any]:
    results: dict[str, Any] = {}
    for size in sizes:
        folder = build(size)
        row: dict[str, Any] = {"passages": json.loads((folder / "built.json").read_text())["passages"]}
        row["build_s"] = json.loads((folder / "built.json").read_text())["build_s"]
        row["disk_mb"] = disk_mb(folder / "index")
        row.update(add_one_document(folder))
        row["disk_after_add_and_remove_mb"] = disk_mb(folder / "index")
        row.update(serving_process(folder))
        results[f"embedded-{size}"] = row
        logger.info("embedded %d: %s", size, row)
    if server:
        from assistant.testing import ChromaServer

        for size in sizes[:2]:  # filling a server with 100k passages over HTTP takes too long for each run
            scratch = CACHE / f"server-{size}"
            shutil.rmtree(scratch, ignore_errors=True)
            chroma = ChromaServer(scratch / "data")
            chroma.start()
            try:
                folder = build(size, chroma.url)
                row = {"passages": json.loads((folder / "built.json").read_text())["passages"]}
                row.update(add_one_document(folder, chroma.url))
                row.update(serving_process(folder, chroma.url))
                results[f"server-{size}"] = row
                logger.info("server %d: %s", size, row)
            finally:
                chroma.stop()
    return results
