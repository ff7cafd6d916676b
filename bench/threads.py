"""Threading: query-embedding time with one or two processes on the machine, OpenMP's default wait policy
or ``PASSIVE``, torch's default thread count or one thread per process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
QUERIES = 40

WORKER = """
import json, sys, time
threads = int(sys.argv[2])
from assistant.models.embedder import SentenceTransformerEmbedder
embedder = SentenceTransformerEmbedder(sys.argv[1], threads=threads)
embedder.embed_query("warm up")
print("ready", flush=True)
sys.stdin.readline()  # start together with the other processes
times = []
for i in range(int(sys.argv[3])):
    clock = time.perf_counter()
    embedder.embed_query(f"How long does the integration programme last for family number {i}?")
    times.append((time.perf_counter() - clock) * 1000)
print(json.dumps(times), flush=True)
"""


def run(model: str, processes: int, threads: int, passive: bool) -> dict[str, Any]:
    from assistant.offline import OFFLINE_ENV

    env = {**os.environ, **{k: v for k, v in OFFLINE_ENV.items() if k != "OMP_WAIT_POLICY"}}
    env.pop("OMP_WAIT_POLICY", None)
    if passive:
        env["OMP_WAIT_POLICY"] = "PASSIVE"
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, model, str(threads), str(QUERIES)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            env=env,
            cwd=ROOT,
        )
        for _ in range(processes)
    ]
    for worker in workers:
        assert worker.stdout is not None
        while worker.stdout.readline().strip() != "ready":
            if worker.poll() is not None:
                raise RuntimeError("a benchmark worker exited")
    for worker in workers:
        assert worker.stdin is not None
        worker.stdin.write("go\n")
        worker.stdin.flush()
    times: list[float] = []
    for worker in workers:
        out, _ = worker.communicate(timeout=600)
        times += json.loads(out.strip().splitlines()[-1])
    return {
        "processes": processes,
        "threads": threads or "default",
        "wait_policy": "PASSIVE" if passive else "default",
        "p50_ms": float(np.percentile(times, 50)),
        "p95_ms": float(np.percentile(times, 95)),
    }


def threads_benchmark(model: str) -> list[dict[str, Any]]:
    return [run(model, processes, threads, passive) for processes in (1, 2) for threads in (0, 1) for passive in (False, True)]
