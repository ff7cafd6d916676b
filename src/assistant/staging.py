"""Build a new index version aside and switch to it in one step, so an interrupted ingest loses nothing.

``staged(store)`` copies the active version's collections into a new version (vectors included: nothing is
embedded again), yields a store bound to that version for the ingest to change, and on success points the
index at it with a single metadata update. Killed at any moment before that update, the index still
answers exactly as before; the half-built version is removed by the next ingest. One previous version is
kept for readers that were mid-query during the switch.
"""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from assistant.store import BATCH, ChromaStore

logger = logging.getLogger(__name__)
KINDS = ("passages", "sentences", "contexts")


def new_version() -> str:
    return f"v{time.time_ns() // 1_000_000}{uuid.uuid4().hex[:4]}"


def versions(store: ChromaStore) -> set[str]:
    prefix = f"{store.name}-"
    names = {getattr(c, "name", c) for c in store.client.list_collections()}
    found = set()
    for name in names:
        for kind in KINDS:
            suffix = f"-{kind}"
            if name.startswith(prefix) and name.endswith(suffix):
                found.add(name[len(prefix) : -len(suffix)])
    return found


def drop(store: ChromaStore, version: str) -> None:
    for kind in KINDS:
        name = store.collection_name(version, kind)
        try:
            store.client.delete_collection(name)
        except Exception:  # already gone (chromadb raises NotFoundError/ValueError by version)
            logger.debug("collection %s already gone", name)


def copy_version(store: ChromaStore, source: str, target: str) -> None:
    for kind in KINDS:
        src = store.client.get_or_create_collection(store.collection_name(source, kind), embedding_function=None)
        dst = store.client.get_or_create_collection(
            store.collection_name(target, kind), embedding_function=None, configuration={"hnsw": {"space": "cosine"}}
        )
        if kind == "passages" and src.metadata:
            dst.modify(metadata=dict(src.metadata))
        offset = 0
        while True:
            got = src.get(include=["embeddings", "documents", "metadatas"], limit=BATCH, offset=offset)
            if got["ids"]:
                texts = got["documents"] if all(t is not None for t in got["documents"] or ()) else None
                dst.add(ids=got["ids"], embeddings=got["embeddings"], documents=texts, metadatas=got["metadatas"])
            if len(got["ids"]) < BATCH:
                break
            offset += BATCH


def activate(store: ChromaStore, version: str) -> None:
    """Point the index at ``version`` (one metadata update) and remember the version it replaces."""
    previous = store.read_pointer()
    pointer = store.client.get_or_create_collection(store.pointer_name, embedding_function=None)
    metadata = {"active": version, **({"previous": previous} if previous else {})}
    pointer.modify(metadata=metadata)
    store.refresh()


def cleanup(store: ChromaStore) -> None:
    """Remove every version that is neither active nor the one kept back."""
    pointer = store.client.get_or_create_collection(store.pointer_name, embedding_function=None)
    keep = {v for v in ((pointer.metadata or {}).get("active"), (pointer.metadata or {}).get("previous")) if v}
    for version in versions(store) - keep:
        drop(store, str(version))


@contextmanager
def staged(store: ChromaStore, copy: bool = True) -> Iterator[ChromaStore]:
    cleanup(store)  # leftovers of an interrupted ingest
    active = store.read_pointer()
    version = new_version()
    stage = ChromaStore(store.client, store.name, version=version)
    try:
        if copy and active:
            copy_version(store, active, version)
        yield stage
    except BaseException:
        drop(store, version)
        raise
    activate(store, version)
    cleanup(store)
