"""Faults lose nothing: a real ingest process killed with SIGKILL leaves the previous index answering."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

INGEST = """
import sys
from pathlib import Path
from assistant.config import Settings
from assistant.pipeline import Assistant
from assistant.testing import HashEmbedder
root = Path(sys.argv[1])
settings = Settings(corpus_dir=root / "corpus", index_dir=root / "index")
assistant = Assistant.from_settings(settings, embedder=HashEmbedder(delay=float(sys.argv[2])))
report = assistant.index()
print("DONE", report.chunks_total, flush=True)
"""

QUESTIONS = ["Which city joined the programme first?", "What does the ministry do for refugees?", "language cafe"]


def snapshot(root: Path) -> list[Any]:
    from assistant.config import Settings
    from assistant.pipeline import Assistant
    from assistant.testing import HashEmbedder

    assistant = Assistant.from_settings(Settings(corpus_dir=root / "corpus", index_dir=root / "index"), embedder=HashEmbedder())
    answers = [assistant.ask(q, lang="en").to_json() for q in QUESTIONS]
    return [(a["answer"], [p["chunk_id"] for p in a["passages"]], assistant.store.count()) for a in answers]


def run_ingest(root: Path, delay: float) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-c", INGEST, str(root), str(delay)], stdout=subprocess.PIPE, text=True)


def write_corpus(corpus: Path, extra: int) -> None:
    corpus.mkdir(parents=True, exist_ok=True)
    (corpus / "a.txt").write_text("Jonava\n\nJonava was the first Baltic city to join the programme.", encoding="utf-8")
    (corpus / "b.txt").write_text("Ministry\n\nThe ministry supports refugees with language courses.", encoding="utf-8")
    for i in range(extra):
        (corpus / f"extra{i}.txt").write_text(
            f"Topic {i}\n\nA language cafe number {i} opened for newcomers in town {i}.", encoding="utf-8"
        )


def test_sigkill_during_ingest_keeps_the_previous_index(tmp_path: Path) -> None:
    write_corpus(tmp_path / "corpus", extra=0)
    first = run_ingest(tmp_path, 0.0)
    assert "DONE" in first.communicate(timeout=120)[0]
    before = snapshot(tmp_path)

    write_corpus(tmp_path / "corpus", extra=20)  # a change that takes a while to embed (~16 s)
    for delay_before_kill in (0.5, 3.0, 5.0, 8.0, 11.0):
        process = run_ingest(tmp_path, 0.4)
        time.sleep(delay_before_kill)
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
        assert process.returncode == -signal.SIGKILL
        assert snapshot(tmp_path) == before

    final = run_ingest(tmp_path, 0.0)
    out = final.communicate(timeout=120)[0]
    assert "DONE" in out
    total = int(out.split()[-1])
    again = run_ingest(tmp_path, 0.0)
    assert int(again.communicate(timeout=120)[0].split()[-1]) == total  # no duplicates after repeats
    assert snapshot(tmp_path) != before
    leftover = json.dumps(sorted(p.name for p in (tmp_path / "index").iterdir()))
    assert "chroma.sqlite3" in leftover
