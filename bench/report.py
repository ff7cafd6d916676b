"""Render bench/results.json as docs/BENCHMARKS.md (sections that were not run are left out)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

STEPS = ("detect", "embed", "search", "rank", "retrieve", "answer", "total")


def header(r: dict[str, Any]) -> list[str]:
    m = r["machine"]
    return [
        "# Benchmarks",
        "",
        f"Measured {r['date']} with `make bench` (`python -m bench.run`; raw figures in `bench/results.json`).",
        f"Machine: {m['cpu']}, {m['cores']} cores, {m['memory_gb']} GB RAM, no GPU; Python {m['python']}, torch {m['torch']} "
        f"({m['torch_threads']} threads). Machines here are shared: read ratios within one run, not absolute times.",
        "",
    ]


def targets(r: dict[str, Any]) -> list[str]:
    """The scale targets of issue 20, from this run's figures."""
    scale, ix = r.get("scale", {}), r.get("ingest", {})
    big, small = scale.get("embedded-100000"), scale.get("embedded-1000")
    if not big or not small or not ix:
        return []
    page = (ix["page_add_s"] + big["add_s"]) / ix["page_raw_encode_s"]
    rows = [
        ("add a one-page document at 100k passages", "≤ 2× embedding the page", f"{page:.2f}×"),
        ("start to first answer at 100k", "≤ 30 s", f"{big['start_to_first_answer_s']:.1f} s"),
        ("warm p50 at 100k / at 1k", "≤ 1.5×", f"{big['warm_p50_ms'] / small['warm_p50_ms']:.2f}×"),
        ("peak serving RSS at 100k", "≤ 2.5 GB", f"{big['peak_rss_mb'] / 1024:.2f} GB"),
        (
            "disk after an add and a remove / one version",
            "≤ 1.2×",
            f"{big['disk_after_add_and_remove_mb'] / big['disk_mb']:.2f}×",
        ),
        ("30-page upload to its first answer", "≤ 2 min", f"{ix['upload_to_first_answer_s']:.0f} s"),
        ("ingest throughput / raw encode of the passages", "≥ 0.5×", f"{ix['upload_throughput_vs_raw']:.2f}×"),
    ]
    return [
        "## Targets",
        "",
        "| target | floor | measured |",
        "|---|---|---|",
        *[f"| {name} | {floor} | {value} |" for name, floor, value in rows],
        "",
        "The one-page add at 100k is the real model's time to ingest a page (on the seed index) plus the time the "
        "100k index adds to an ingest (measured with the synthetic embedder, so without model time), over the raw "
        "encode of the page's passages.",
        "",
    ]


def ingest(ix: dict[str, Any]) -> list[str]:
    return [
        "## Ingest with the real model (EmbeddingGemma-300m)",
        "",
        "Ingest embeds each passage and each of its quotable units (sentences, list items with their lead-in, "
        "table rows with their header), all with the passage's context (title and headings), and stores them; "
        "the raw encode is `embed_documents` of the passages alone.",
        "",
        "| what | passages | units | raw encode of passages s | ingest s | throughput / raw |",
        "|---|---|---|---|---|---|",
        f"| seed corpus (5 pages) | {ix['seed_passages']} | {ix['seed_units']} | {ix['seed_raw_encode_s']:.1f} | "
        f"{ix['seed_ingest_s']:.1f} | {ix['seed_throughput_vs_raw']:.2f}× |",
        f"| one page ({ix['page_words']} words) added to it | {ix['page_passages']} | | {ix['page_raw_encode_s']:.1f} | "
        f"{ix['page_add_s']:.1f} | {1 / ix['page_add_vs_raw']:.2f}× |",
        f"| {ix['upload_pages']:.0f}-page Word upload ({ix['upload_words']} words) | {ix['upload_passages']} | "
        f"{ix['upload_units']} | {ix['upload_raw_encode_s']:.1f} | {ix['upload_ingest_s']:.1f} | "
        f"{ix['upload_throughput_vs_raw']:.2f}× |",
        "",
        f"- Upload of the {ix['upload_pages']:.0f}-page document to its first answer: {ix['upload_to_first_answer_s']:.0f} s "
        f"(question: “{ix['upload_question']}”; answered from the upload: {'yes' if ix['upload_answered_from_upload'] else 'no'}).",
        f"- Ingest with nothing changed: {ix['unchanged_reingest_s']:.2f} s (files are hashed, not parsed again).",
        "",
    ]


def questions(q: dict[str, Any]) -> list[str]:
    return [
        f"## Questions (warm, {q['questions']} seed gold questions, one process)",
        "",
        "| step | p50 ms | p95 ms |",
        "|---|---|---|",
        *[f"| {k} | {q[k]['p50']:.1f} | {q[k]['p95']:.1f} |" for k in STEPS if k in q],
        "",
    ]


def threads(rows: list[dict[str, Any]]) -> list[str]:
    return [
        "## Threading (query embedding, all processes asking at once)",
        "",
        "| processes | torch threads | OpenMP wait policy | p50 ms | p95 ms |",
        "|---|---|---|---|---|",
        *[f"| {t['processes']} | {t['threads']} | {t['wait_policy']} | {t['p50_ms']:.0f} | {t['p95_ms']:.0f} |" for t in rows],
        "",
    ]


def scale(s: dict[str, Any]) -> list[str]:
    def cell(row: dict[str, Any], key: str, fmt: str) -> str:
        return format(row[key], fmt) if key in row else "–"

    return [
        "## Scale: 1k, 10k and 100k passages (synthetic texts and vectors)",
        "",
        "Synthetic Markdown documents of ten passages each are ingested through the product's own code with a "
        "synthetic embedder (clustered unit vectors with the real model's dimension), so building costs no model "
        "time; the indexes are cached in `bench/.cache`. Adding (and then removing) a one-page document is timed with "
        "the same embedder: it is the index's share of the cost. A new process then opens the index, loads the real "
        "model, answers a first question, and answers 60 more (warm).",
        "",
        "| mode | passages | build s | add one page s | remove it s | disk MB | disk after add+remove MB | "
        "start to first answer s | warm p50 ms | warm p95 ms | peak RSS MB |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
        *[
            f"| {name.split('-')[0]} | {row['passages']} | {cell(row, 'build_s', '.0f')} | {row['add_s']:.2f} | "
            f"{row['remove_s']:.2f} | {cell(row, 'disk_mb', '.0f')} | {cell(row, 'disk_after_add_and_remove_mb', '.0f')} | "
            f"{row['start_to_first_answer_s']:.1f} | {row['warm_p50_ms']:.0f} | {row['warm_p95_ms']:.0f} | {row['peak_rss_mb']:.0f} |"
            for name, row in s.items()
        ],
        "",
        "Disk is about 44 KB per passage: the units' int8 vectors are stored in each passage's metadata, which "
        "Chroma's SQLite also indexes. Versions share records, so an add and a remove leave the size as it was; "
        "the time an add spends beyond its own document is hashing the corpus's files and writing a manifest.",
        "",
    ]


def serving(sv: dict[str, Any]) -> list[str]:
    return [
        "## Serving process (seed corpus)",
        "",
        f"- Start (`python app.py`) to the first answer through the API: {sv['start_to_first_answer_s']:.1f} s.",
        f"- Peak RSS after answering: {sv['peak_rss_mb']:.0f} MB.",
        "",
    ]


def concurrency(cc: dict[str, Any]) -> list[str]:
    return [
        "## Concurrent clients through the Gradio API (`ask` endpoint)",
        "",
        "| clients | questions | errors | questions/s | p50 ms | p95 ms |",
        "|---|---|---|---|---|---|",
        *[
            f"| {c['clients']} | {c['questions']} | {c['errors']} | {c['questions_per_s']:.2f} | {c['p50_ms']:.0f} | {c['p95_ms']:.0f} |"
            for c in [*cc["runs"], cc["load_20x10"]]
        ],
        "",
        "Questions wait in Gradio's queue (`ASSISTANT_QUEUE_SIZE`) and run `ASSISTANT_CONCURRENCY` at a time: the work "
        "is CPU-bound, so more parallelism on 2 cores only adds contention.",
        "",
    ]


SECTIONS: dict[str, Callable[[Any], list[str]]] = {
    "ingest": ingest,
    "questions": questions,
    "threads": threads,
    "scale": scale,
    "serving": serving,
    "concurrency": concurrency,
}


def write_report(r: dict[str, Any], path: Path) -> None:
    lines = header(r) + targets(r)
    for name, render in SECTIONS.items():
        if name in r:
            lines += render(r[name])
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines), encoding="utf-8")
