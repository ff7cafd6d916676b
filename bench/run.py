"""Benchmarks of the whole path. `make bench` runs them and writes docs/BENCHMARKS.md.

``python -m bench.run [section ...]`` runs the named sections only (merged into bench/results.json).
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

ROOT = Path(__file__).resolve().parent.parent
SECTIONS = ("ingest", "questions", "threads", "scale", "serving", "concurrency")
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


def question_benchmark(assistant: Any) -> dict[str, Any]:
    """Per-step times of the seed gold questions, warm, in one process."""
    from assistant.evaluation.gold import load_gold

    questions = [item.question for item in load_gold([ROOT / "eval" / "gold.jsonl"])]
    for question in questions[:5]:
        assistant.ask(question)
    steps: dict[str, list[float]] = {}
    for question in questions:
        answer = assistant.ask(question + " ")  # not a cached query vector
        for key, value in answer.timings_ms.items():
            steps.setdefault(key, []).append(value)
    result: dict[str, Any] = {key: {"p50": percentile(v, 50), "p95": percentile(v, 95)} for key, v in steps.items()}
    result["questions"] = len(questions)
    return result


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    from assistant.offline import configure_offline

    configure_offline()
    from assistant.config import Settings
    from assistant.pipeline import Assistant

    wanted = [name for name in (argv if argv is not None else sys.argv[1:]) if name in SECTIONS] or list(SECTIONS)
    path = ROOT / "bench" / "results.json"
    results: dict[str, Any] = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    results = {k: v for k, v in results.items() if k in (*SECTIONS, "machine", "date")}
    results.update({"machine": machine(), "date": time.strftime("%Y-%m-%d")})
    settings = Settings()
    with tempfile.TemporaryDirectory() as scratch:
        for name in wanted:
            logger.info("benchmark: %s", name)
            if name == "ingest":
                from bench.ingest import ingest_benchmark

                results[name] = ingest_benchmark(Path(scratch) / "ingest")
            elif name == "questions":
                seeds = Settings(index_dir=Path(scratch) / "questions")
                assistant = Assistant.from_settings(seeds)
                assistant.index()
                results[name] = question_benchmark(assistant)
            elif name == "threads":
                from bench.threads import threads_benchmark

                results[name] = threads_benchmark(settings.embed_model)
            elif name == "scale":
                from bench.scale import scale_benchmark

                results[name] = scale_benchmark()
            elif name in ("serving", "concurrency"):
                from bench.serving import concurrency_benchmark, serving_benchmark

                served = Settings(index_dir=Path(scratch) / "served")
                if not served.index_dir.exists():
                    Assistant.from_settings(served).index()
                results[name] = (serving_benchmark if name == "serving" else concurrency_benchmark)(served)
            path.write_text(json.dumps(results, indent=2, default=str), encoding="utf-8")
    from bench.report import write_report

    write_report(results, ROOT / "docs" / "BENCHMARKS.md")
    logger.info("wrote docs/BENCHMARKS.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
