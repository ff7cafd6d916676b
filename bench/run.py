"""Benchmarks: where the time goes. `make bench` runs them and writes docs/BENCHMARKS.md.

Figures are ratios measured in one run where possible (machines are shared and noisy).
"""

from __future__ import annotations

import json
import logging
import os
import platform
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

from bench.serving import concurrency_benchmark, serving_benchmark
from bench.sizes import size_benchmark

ROOT = Path(__file__).resolve().parent.parent
logger = logging.getLogger("bench")


def percentile(values: list[float], q: float) -> float:
    return float(np.percentile(values, q)) if values else float("nan")


def machine() -> dict[str, Any]:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        "?",
    )
    memory = next(
        (line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal")), "0"
    )
    import torch

    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gb": round(int(memory) / 1024 / 1024, 1),
        "python": platform.python_version(),
        "torch": torch.__version__,
        "torch_threads": torch.get_num_threads(),
    }


def timed_encode(embedder: Any, texts: list[str]) -> tuple[float, np.ndarray]:
    embedder.embed_documents(texts[:2])  # warm up
    clock = time.perf_counter()
    vectors = embedder.embed_documents(texts)
    return time.perf_counter() - clock, vectors


def indexing_benchmark(assistant: Any) -> dict[str, Any]:
    from assistant.corpus import scan_corpus
    from assistant.indexing import passage_sentences

    from assistant.models.embedder import SentenceTransformerEmbedder, resolve_dtype

    documents = scan_corpus(assistant.settings.corpus_dir).documents
    split = [(d, assistant.chunker.split(d)) for d in documents]
    chunks = [c for _, cs in split for c in cs]
    texts = [c.text for c in chunks]
    sentences = list(dict.fromkeys(s.text for c in chunks for s in passage_sentences(c)))
    contexts = list(dict.fromkeys(w for d, cs in split for w in assistant.chunker.contexts(d, cs)))
    encode_s, vectors = timed_encode(assistant.embedder, texts)
    sentence_s, _ = timed_encode(assistant.embedder, sentences)
    context_s, _ = timed_encode(assistant.embedder, contexts)
    # The same model in float32, for the speed and agreement of the default dtype.
    float32 = SentenceTransformerEmbedder(assistant.settings.embed_model, assistant.settings.embed_batch_size, dtype="float32")
    encode_f32_s, vectors_f32 = timed_encode(float32, texts)
    agreement = np.sum(vectors * vectors_f32, axis=1)
    del float32
    report = assistant.index(rebuild=True)
    ingest_s = report.seconds
    clock = time.perf_counter()
    again = assistant.index()
    reingest_s = time.perf_counter() - clock
    return {
        "chunks": len(texts),
        "sentences": len(sentences),
        "dtype": resolve_dtype(assistant.settings.embed_dtype),
        "raw_encode_chunks_per_s": len(texts) / encode_s,
        "raw_encode_sentences_s": sentence_s,
        "contexts": len(contexts),
        "raw_encode_contexts_s": context_s,
        "raw_encode_float32_chunks_per_s": len(texts) / encode_f32_s,
        "dtype_speedup_vs_float32": encode_f32_s / encode_s,
        "dtype_cosine_to_float32_min": float(agreement.min()),
        "ingest_s": ingest_s,
        "ingest_chunks_per_s": len(texts) / ingest_s,
        "ingest_vs_raw_passage_encode": (len(texts) / ingest_s) / (len(texts) / encode_s),
        "ingest_vs_raw_encode_of_all_units": (encode_s + sentence_s + context_s) / ingest_s,
        "ingest_vs_raw_float32_passage_encode": encode_f32_s / ingest_s,
        "unchanged_reingest_s": reingest_s,
        "unchanged_reingest_embedded": again.chunks_embedded,
    }


def question_benchmark(assistant: Any) -> dict[str, Any]:
    from assistant.evaluation.gold import load_gold

    questions = [item.question for item in load_gold([ROOT / "eval" / "gold.jsonl"])]
    for question in questions[:5]:
        assistant.ask(question)  # warm: model, language models, BM25
    assistant.embedder._cache.clear()
    steps: dict[str, list[float]] = {}
    for question in questions:
        answer = assistant.ask(question)
        for key, value in answer.timings_ms.items():
            steps.setdefault(key, []).append(value)
    bare = []
    for question in questions:
        clock = time.perf_counter()
        assistant.embedder._encode([question], assistant.embedder._prompt("query"))
        bare.append((time.perf_counter() - clock) * 1000)
    result: dict[str, Any] = {key: {"p50": percentile(v, 50), "p95": percentile(v, 95)} for key, v in steps.items()}
    result["bare_query_embedding"] = {"p50": percentile(bare, 50), "p95": percentile(bare, 95)}
    result["total_vs_bare_embedding_p50"] = result["total"]["p50"] / result["bare_query_embedding"]["p50"]
    result["questions"] = len(questions)
    return result


SECTIONS = ("indexing", "questions", "sizes", "serving", "concurrency")


def main(argv: list[str] | None = None) -> int:
    """Run all sections, or those named on the command line (merged into bench/results.json)."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    from assistant.config import Settings
    from assistant.offline import configure_offline
    from assistant.pipeline import Assistant

    configure_offline()
    wanted = [name for name in (argv if argv is not None else sys.argv[1:]) if name in SECTIONS] or list(SECTIONS)
    path = ROOT / "bench" / "results.json"
    results: dict[str, Any] = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    results.update({"machine": machine(), "date": time.strftime("%Y-%m-%d")})
    with tempfile.TemporaryDirectory() as scratch:
        settings = Settings(index_dir=Path(scratch) / "index")
        assistant = Assistant.from_settings(settings)
        if "indexing" in wanted or any(s in wanted for s in ("serving", "concurrency", "questions")):
            logger.info("indexing")
            indexing = indexing_benchmark(assistant)
            if "indexing" in wanted:
                results["indexing"] = indexing
        if "questions" in wanted:
            logger.info("questions")
            results["questions"] = question_benchmark(assistant)
        if "sizes" in wanted:
            logger.info("index sizes")
            results["sizes"] = size_benchmark(assistant.embedder.dimension, Path(scratch))
        if "serving" in wanted:
            logger.info("serving")
            results["serving"] = serving_benchmark(settings)
        if "concurrency" in wanted:
            logger.info("concurrency")
            results["concurrency"] = concurrency_benchmark(settings)
    path.write_text(json.dumps(results, indent=2), encoding="utf-8")
    from bench.report import write_report

    write_report(results, ROOT / "docs" / "BENCHMARKS.md")
    logger.info("wrote docs/BENCHMARKS.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
