"""Connecting to Chroma (a folder, or a server), and telling a server that is down from a bad request."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any


class StoreUnavailable(RuntimeError):
    """The Chroma index or server cannot be reached."""


class IndexMismatch(RuntimeError):
    """The index was built with another embedder than the one configured."""


def open_client(index_dir: Path, url: str | None = None, headers: dict[str, str] | None = None) -> Any:
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    settings = ChromaSettings(anonymized_telemetry=False)
    if url:
        from urllib.parse import urlparse

        parsed = urlparse(url)
        try:
            return chromadb.HttpClient(
                host=parsed.hostname or "127.0.0.1",
                port=parsed.port or 8000,
                ssl=parsed.scheme == "https",
                headers=headers or {},
                settings=settings,
            )
        except Exception as error:  # chromadb raises plain ValueError/ConnectionError variants
            raise StoreUnavailable(f"the Chroma server at {url} is not reachable ({error})") from error
    index_dir.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(index_dir), settings=settings)


def parse_headers(text: str) -> dict[str, str]:
    """'Authorization: Bearer x; X-Other: y' -> headers for a Chroma server behind auth."""
    headers = {}
    for part in text.split(";"):
        name, sep, value = part.partition(":")
        if sep and name.strip():
            headers[name.strip()] = value.strip()
    return headers


def is_connection_error(error: BaseException) -> bool:
    """Errors that mean the Chroma server could not be reached (not a bad request)."""
    if isinstance(error, ConnectionError | TimeoutError):
        return True
    module = type(error).__module__
    if module.startswith(("httpx", "httpcore")):
        return True
    return "Could not connect to a Chroma server" in str(error)


@contextmanager
def reachable(location: str) -> Iterator[None]:
    """Turn connection failures inside the block into ``StoreUnavailable`` naming the server."""
    try:
        yield
    except StoreUnavailable:
        raise
    except Exception as error:
        if is_connection_error(error):
            raise StoreUnavailable(f"the Chroma server at {location} is not reachable ({error})") from error
        raise
