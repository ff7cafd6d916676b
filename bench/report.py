"""Render bench/results.json as docs/BENCHMARKS.md."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def write_report(r: dict[str, Any], path: Path) -> None:
    m, ix, q, sz, sv, cc = r["machine"], r["indexing"], r["questions"], r["sizes"], r["serving"], r["concurrency"]
    steps = [k for k in ("detect", "embed", "search", "rescore", "retrieve", "answer", "total", "bare_query_embedding") if k in q]
    lines = [
        "# Benchmarks",
        "",
        f"Measured {r['date']} with `make bench` (`python -m bench.run`; raw figures in `bench/results.json`).",
        f"Machine: {m['cpu']}, {m['cores']} cores, {m['memory_gb']} GB RAM, no GPU; Python {m['python']}, torch {m['torch']} "
        f"({m['torch_threads']} threads). Machines here are shared: read ratios within one run, not absolute times.",
        "",
        "## Indexing (seed corpus, EmbeddingGemma-300m)",
        "",
        f"- {ix['chunks']} passages, {ix['sentences']} distinct sentence units (sentences, and the clauses of long ones) "
        f"and {ix['contexts']} context windows (a passage with its neighbours).",
        f"- Embedding dtype: {ix['dtype']} (`ASSISTANT_EMBED_DTYPE=auto`). Raw `encode` of the passages: "
        f"{ix['raw_encode_chunks_per_s']:.2f} passages/s, {ix['dtype_speedup_vs_float32']:.2f}× float32 "
        f"({ix['raw_encode_float32_chunks_per_s']:.2f} passages/s); cosine to the float32 vectors ≥ "
        f"{ix['dtype_cosine_to_float32_min']:.4f}. The sentences take another {ix['raw_encode_sentences_s']:.1f} s, "
        f"the context windows {ix['raw_encode_contexts_s']:.1f} s.",
        f"- `assistant ingest --rebuild`: {ix['ingest_s']:.1f} s = {ix['ingest_chunks_per_s']:.2f} passages/s: "
        f"{ix['ingest_vs_raw_passage_encode']:.2f}× the raw passage throughput of the same model, "
        f"{ix['ingest_vs_raw_encode_of_all_units']:.2f}× the raw encoding of everything ingest embeds "
        f"(passages, sentence units, context windows), {ix['ingest_vs_raw_float32_passage_encode']:.2f}× the raw "
        "float32 passage throughput. Ingest embeds every sentence unit and every context window on its own too (for "
        "rescoring and quotes), which is more model work than the passages themselves; the pipeline around the model "
        "adds little. Pooling sentence vectors from the passage's own forward pass "
        "(late chunking) would remove that second pass, but measured on the test split it cost 16 points of keyword "
        "accuracy (0.84 → 0.68), so it is not used.",
        f"- Re-ingest with nothing changed: {ix['unchanged_reingest_s']:.2f} s ({ix['unchanged_reingest_embedded']} passages embedded).",
        "",
        f"## Questions (warm, {q['questions']} gold questions, one process)",
        "",
        "| step | p50 ms | p95 ms |",
        "|---|---|---|",
        *[f"| {k} | {q[k]['p50']:.1f} | {q[k]['p95']:.1f} |" for k in steps],
        "",
        f"Total / bare query embedding (p50): {q['total_vs_bare_embedding_p50']:.2f}×. `retrieve` = embed + search + rescore.",
        "",
        "## Index size (synthetic vectors and texts)",
        "",
        "Embedding 100k real passages is not feasible on 2 cores (~20 h), so collections of 1k, 10k and 100k chunks are "
        "filled with synthetic unit vectors of the model's dimension and short texts. `clustered` vectors lie around 300 "
        "topic centres, as embeddings of a real corpus do; `uniform` ones are independent random vectors, the worst case "
        "for an HNSW index. Each query is timed on every size in a shuffled order (200 queries after 20 warm-up ones); "
        "the figure is Chroma's p50 query time for 30 neighbours with documents and metadata.",
        "",
        "| vectors | chunks | embedded p50 ms | server p50 ms |",
        "|---|---|---|---|",
        *[
            f"| {kind} | {size} | {part['embedded_p50_ms'][size]:.1f} | {part['server_p50_ms'][size]:.1f} |"
            for kind, part in sz.items()
            for size in part["embedded_p50_ms"]
        ],
        "",
        *[
            f"100k / 1k, {kind}: embedded {part['embedded_100k_vs_1k']:.2f}×, server {part['server_100k_vs_1k']:.2f}×."
            for kind, part in sz.items()
        ],
        "",
        "## Serving process",
        "",
        f"- Start (`python app.py`) to the first answer through the API, asked as soon as the API answers: "
        f"{sv['start_to_first_answer_s']:.1f} s (mostly importing sentence-transformers, loading the 16 language models "
        "and the embedding model). Once the page is up these load in the background, so a first question asked a few "
        "seconds later waits less.",
        f"- Peak RSS after answering: {sv['peak_rss_mb']:.0f} MB.",
        "",
        "## Concurrent clients through the Gradio API (`ask` endpoint, default queue: 2 at once)",
        "",
        "| clients | questions | errors | questions/s | p50 ms | p95 ms |",
        "|---|---|---|---|---|---|",
        *[
            f"| {c['clients']} | {c['questions']} | {c['errors']} | {c['questions_per_s']:.2f} | {c['p50_ms']:.0f} | {c['p95_ms']:.0f} |"
            for c in [*cc["runs"], cc["load_20x10"]]
        ],
        "",
        f"Load test (20 clients × 10 questions): {cc['load_20x10']['errors']} errors, p95 {cc['load_20x10']['p95_ms']:.0f} ms. "
        "Questions wait in Gradio's queue (`ASSISTANT_QUEUE_SIZE`, 256) and run `ASSISTANT_CONCURRENCY` (2) at a time: "
        "the work is CPU-bound, so more parallelism on 2 cores only adds contention.",
        "",
    ]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines), encoding="utf-8")
