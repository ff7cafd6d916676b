"""Deterministic fakes for unit tests of logic (part of the product so other projects can reuse them)."""

from __future__ import annotations

import hashlib
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

_WORD = re.compile(r"[^\W_]+")


class HashEmbedder:
    """Bag of hashed word trigrams: similar texts get similar vectors; no model, no randomness."""

    def __init__(self, dimension: int = 64, model_id: str = "hash-embedder", delay: float = 0.0):
        self.model_id = model_id
        self._dimension = dimension
        self.delay = delay  # seconds per embedded text, to give fault tests time to strike
        self.calls = 0
        self.embedded = 0

    @property
    def dimension(self) -> int:
        return self._dimension

    def _vector(self, text: str) -> np.ndarray:
        vector = np.zeros(self._dimension, dtype=np.float32)
        for word in _WORD.findall(text.casefold()):
            padded = f"#{word}#"
            for i in range(max(1, len(padded) - 2)):
                digest = hashlib.blake2b(padded[i : i + 3].encode(), digest_size=4).digest()
                vector[int.from_bytes(digest, "little") % self._dimension] += 1.0
        norm = float(np.linalg.norm(vector))
        return vector / norm if norm else vector

    def embed_documents(self, texts: Sequence[str], titles: Sequence[str] | None = None) -> np.ndarray:
        if titles is not None:
            texts = [f"{title}\n\n{text}" if title else text for text, title in zip(texts, titles, strict=True)]
        self.calls += 1
        self.embedded += len(texts)
        if self.delay:
            time.sleep(self.delay * len(texts))
        if not texts:
            return np.zeros((0, self._dimension), dtype=np.float32)
        return np.stack([self._vector(t) for t in texts])

    def embed_query(self, text: str) -> np.ndarray:
        return self._vector(text)


def wait_for_http(url: str, seconds: float, interval: float = 0.3) -> bool:
    """Poll ``url`` until it answers (True) or ``seconds`` pass (False)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return True
        except OSError:
            time.sleep(interval)
    return False


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class ChromaServer:
    """A real `chroma run` process on a free loopback port, stoppable and restartable on the same data."""

    def __init__(self, path: Path):
        self.path = path
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.executable = shutil.which("chroma", path=str(Path(sys.executable).parent)) or "chroma"
        self.process: Any = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            [self.executable, "run", "--path", str(self.path), "--host", "127.0.0.1", "--port", str(self.port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        if not wait_for_http(f"{self.url}/api/v2/heartbeat", 60):
            raise RuntimeError(f"chroma server did not start on {self.url}")

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=30)
            self.process = None


class ScriptedGenerator:
    """An LLM stand-in that returns scripted replies (or raises), recording the prompts it was given."""

    name = "scripted"

    def __init__(self, replies: list[str | Exception]):
        self.replies = list(replies)
        self.prompts: list[tuple[str, str]] = []

    def chat(self, system: str, user: str, on_token: Any = None) -> str:
        self.prompts.append((system, user))
        reply = self.replies.pop(0) if self.replies else ""
        if isinstance(reply, Exception):
            raise reply
        if on_token is not None:
            for word in reply.split(" "):
                on_token(word + " ")
        return reply
