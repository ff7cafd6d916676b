"""Shared fixtures: a guard against non-loopback connections, the real model once per session, a seed index."""

from __future__ import annotations

import ipaddress
import os
import shutil
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from assistant.offline import configure_offline
from assistant.testing import ChromaServer

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
MODEL = Path(os.environ.get("ASSISTANT_TEST_MODEL", ROOT / "models" / "embeddinggemma-300m"))

configure_offline()
_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex
_real_getaddrinfo = socket.getaddrinfo


class NetworkBlocked(OSError):
    """A test tried to reach a non-loopback address."""


def is_loopback(host: Any) -> bool:
    if isinstance(host, bytes):
        host = host.decode()
    if not isinstance(host, str):
        return False
    if host in ("localhost", "", "ip6-localhost"):
        return True
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return False


def _check(address: Any) -> None:
    if isinstance(address, tuple) and not is_loopback(address[0]):
        raise NetworkBlocked(f"tests may only connect to loopback, not {address!r}")


def guarded_connect(self: socket.socket, address: Any) -> None:
    if self.family in (socket.AF_INET, socket.AF_INET6):
        _check(address)
    return _real_connect(self, address)


def guarded_connect_ex(self: socket.socket, address: Any) -> int:
    if self.family in (socket.AF_INET, socket.AF_INET6):
        _check(address)
    return _real_connect_ex(self, address)


def guarded_getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
    if host is not None and not is_loopback(host):
        raise NetworkBlocked(f"tests may only resolve loopback names, not {host!r}")
    return _real_getaddrinfo(host, *args, **kwargs)


@pytest.fixture(autouse=True, scope="session")
def network_guard() -> Iterator[None]:
    socket.socket.connect = guarded_connect  # type: ignore[method-assign]
    socket.socket.connect_ex = guarded_connect_ex  # type: ignore[method-assign]
    socket.getaddrinfo = guarded_getaddrinfo
    yield
    socket.socket.connect = _real_connect  # type: ignore[method-assign]
    socket.socket.connect_ex = _real_connect_ex  # type: ignore[method-assign]
    socket.getaddrinfo = _real_getaddrinfo


@pytest.fixture(scope="session")
def embedder() -> Any:
    """The real default embedding model, loaded once per test session."""
    from assistant.models.embedder import SentenceTransformerEmbedder

    if not MODEL.is_dir():
        pytest.fail(f"the embedding model is not provisioned at {MODEL}: run 'make models'")
    return SentenceTransformerEmbedder(str(MODEL))


@pytest.fixture(scope="session")
def seed_settings(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from assistant.config import Settings

    base = tmp_path_factory.mktemp("seed")
    corpus = base / "corpus"
    shutil.copytree(CORPUS, corpus)
    return Settings(corpus_dir=corpus, index_dir=base / "index", embed_model=str(MODEL), feedback_db=base / "feedback.sqlite3")


def assistant_over(pages: dict[str, str], root: Path, embedder: Any) -> Any:
    """An indexed Assistant over ``pages`` (file name → text) written to ``root``/corpus, with ``embedder``."""
    from assistant.config import Settings
    from assistant.pipeline import Assistant

    corpus = root / "corpus"
    corpus.mkdir()
    for name, text in pages.items():
        (corpus / name).write_text(text, encoding="utf-8")
    settings = Settings(corpus_dir=corpus, index_dir=root / "index", feedback_db=root / "fb.sqlite3")
    assistant = Assistant.from_settings(settings, embedder=embedder)
    assistant.index()
    return assistant


@pytest.fixture(scope="session")
def seed_assistant(seed_settings: Any, embedder: Any) -> Any:
    """An Assistant over the seed corpus with the real model and a real Chroma in a temp folder (built once)."""
    from assistant.pipeline import Assistant

    assistant = Assistant.from_settings(seed_settings, embedder=embedder)
    assistant.index()
    return assistant


@pytest.fixture()
def fake_settings(tmp_path: Path) -> Any:
    from assistant.config import Settings

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    return Settings(
        corpus_dir=corpus, index_dir=tmp_path / "index", embed_model="hash-embedder", feedback_db=tmp_path / "fb.sqlite3"
    )


@pytest.fixture()
def fake_assistant(fake_settings: Any) -> Any:
    """An Assistant with the deterministic hash embedder over an empty temp corpus."""
    from assistant.pipeline import Assistant
    from assistant.testing import HashEmbedder

    return Assistant.from_settings(fake_settings, embedder=HashEmbedder())


@pytest.fixture(scope="session")
def chroma_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ChromaServer]:
    server = ChromaServer(tmp_path_factory.mktemp("chroma-server"))
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def server_assistant(seed_settings: Any, embedder: Any, chroma_server: ChromaServer) -> Any:
    """The seed corpus indexed on a real Chroma server, with the real model."""
    from assistant.pipeline import Assistant

    settings = seed_settings.model_copy(update={"chroma_url": chroma_server.url})
    assistant = Assistant.from_settings(settings, embedder=embedder)
    assistant.index()
    return assistant


@pytest.fixture(params=["embedded", "server"])
def any_assistant(request: pytest.FixtureRequest) -> Any:
    """Each question test runs against the embedded index and against a Chroma server."""
    return request.getfixturevalue("seed_assistant" if request.param == "embedded" else "server_assistant")
