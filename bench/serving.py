"""A real serving process: time to first answer, peak memory, and concurrent clients through the Gradio API."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np

from assistant.testing import free_port

ROOT = Path(__file__).resolve().parent.parent
QUESTIONS = [
    "Which was the first Baltic city to join the Intercultural Cities programme?",
    "Яке місто першим серед балтійських міст приєдналося до програми Intercultural Cities?",
    "Hvornår holdes den nordiske integrationskonference?",
    "متى يعقد المؤتمر الشمالي للاندماج في كوبنهاغن؟",
    "Kas izveidoja Bēgļu stipendijas iniciatīvu Lietuvā?",
    "Who is the director of the Nordic Welfare Centre?",
    "Welche baltische Stadt trat als erste dem Programm Intercultural Cities bei?",
    "Kurių Lietuvos savivaldybių atstovai vyko į mokomąjį vizitą?",
]


@contextmanager
def serving(settings: Any) -> Iterator[tuple[subprocess.Popen[bytes], str, float]]:
    """Start `python app.py` on a free port; yield (process, url, seconds from start to the first answer)."""
    from gradio_client import Client

    port = free_port()
    env = {**os.environ, "ASSISTANT_PORT": str(port), "ASSISTANT_INDEX_DIR": str(settings.index_dir)}
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "app.py")], env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    url = f"http://127.0.0.1:{port}"
    try:
        client = None
        while client is None:
            if process.poll() is not None:
                raise RuntimeError("the app exited")
            try:
                client = Client(url, verbose=False)
            except Exception:
                time.sleep(0.5)
        client.predict(QUESTIONS[0], None, api_name="/ask")
        yield process, url, time.perf_counter() - started
    finally:
        process.terminate()
        process.wait(timeout=30)


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def serving_benchmark(settings: Any) -> dict[str, Any]:
    from gradio_client import Client

    with serving(settings) as (process, url, first_answer_s):
        client = Client(url, verbose=False)
        for question in QUESTIONS:
            client.predict(question, None, api_name="/ask")
        return {"start_to_first_answer_s": first_answer_s, "peak_rss_mb": peak_rss_mb(process.pid)}


def run_clients(url: str, clients: int, per_client: int) -> dict[str, Any]:
    from gradio_client import Client

    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()

    def worker(index: int) -> None:
        client = Client(url, verbose=False)
        for n in range(per_client):
            question = f"{QUESTIONS[(index + n) % len(QUESTIONS)]} ({index}.{n})"  # unique: no query-cache hits
            clock = time.perf_counter()
            try:
                data = client.predict(question, None, api_name="/ask")
                ok = isinstance(data, dict) and "answer" in data and "error" not in data
            except Exception as error:  # counted, not raised: a load test reports errors
                ok, data = False, str(error)
            with lock:
                latencies.append((time.perf_counter() - clock) * 1000)
                if not ok:
                    errors.append(str(data)[:200])

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(clients)]
    clock = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - clock
    return {
        "clients": clients,
        "questions": len(latencies),
        "errors": len(errors),
        "error_samples": errors[:3],
        "questions_per_s": len(latencies) / elapsed,
        "p50_ms": float(np.percentile(latencies, 50)),
        "p95_ms": float(np.percentile(latencies, 95)),
    }


def concurrency_benchmark(settings: Any) -> dict[str, Any]:
    with serving(settings) as (_, url, _started):
        runs = [run_clients(url, clients, 6) for clients in (1, 4, 16)]
        load = run_clients(url, 20, 10)
    return {"runs": runs, "load_20x10": load}
