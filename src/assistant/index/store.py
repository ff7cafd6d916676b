"""The Chroma index (embedded in a folder, or on a Chroma server).

Three collections per index name:
- ``<name>-passages``: one record per passage revision: the passage vector (its context header and text
  embedded together), its text, its document's metadata, and its quotable units with their vectors
  (half-precision, in the record's metadata: read with the passage, never searched by similarity);
- ``<name>-revisions``: one record per document revision written (no vector to search), so clean-ups
  find leftover revisions without reading every passage;
- ``<name>-versions``: one record per index version holding its manifest (``assistant.index.manifest``);
  the collection's metadata names the active and the previous version.

Records carry their document's revision; a version sees the records whose revision its manifest lists,
so versions share unchanged documents' records, and switching versions is one metadata update.
We always pass embeddings: Chroma never embeds anything.
"""

from __future__ import annotations

import base64
import logging
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from assistant.index.chroma import IndexMismatch, StoreUnavailable, open_client, reachable
from assistant.index.manifest import Manifest
from assistant.types import Chunk, Document, Filters, Hit, Unit

logger = logging.getLogger(__name__)
BATCH = 500
POINTER_TTL = 1.0  # seconds a reader trusts its cached view of the active version
COSINE = {"hnsw": {"space": "cosine"}}
# Per process: the active version each embedded index folder was last seen at, and the versions this
# process wrote itself (an embedded Chroma's in-memory view already holds their records).
_SEEN: dict[str, str | None] = {}
_OWN: set[str] = set()


@dataclass(frozen=True, eq=False)
class Passage:
    """A stored passage with its vector and its units' vectors (rows in ``hit.units`` order)."""

    record: str
    hit: Hit
    vector: np.ndarray
    unit_vectors: np.ndarray


def record_id(revision: str, chunk_id: str) -> str:
    return f"{revision[:12]}.{chunk_id}"


def encode_units(units: Sequence[Unit], vectors_version: int = 0) -> str:
    """'v2;sentence:0-42;item:0-20,21-60': how the vectors were made, then each unit's kind and spans
    inside the passage. Two passages with the same encoding can share vectors."""
    return ";".join([f"v{vectors_version}", *(f"{u.kind}:" + ",".join(f"{s}-{e}" for s, e in u.spans) for u in units)])


def decode_units(text: str) -> tuple[Unit, ...]:
    units = []
    for part in filter(None, text.split(";")):
        if ":" not in part:
            continue  # the vectors version
        kind, _, spans = part.partition(":")
        pairs = tuple((int(s), int(e)) for s, e in (span.split("-") for span in spans.split(",")))
        units.append(Unit(pairs, kind))
    return tuple(units)


INT8 = "i8:"


def encode_vectors(vectors: np.ndarray) -> str:
    """Unit vectors as text in a metadata field: each row scaled to int8 with its float32 scale (a cosine
    moves by about 0.001; a quarter of float32's size, half of float16's)."""
    if not len(vectors):
        return ""
    rows = np.asarray(vectors, dtype=np.float32).reshape(len(vectors), -1)
    scales = np.maximum(np.abs(rows).max(axis=1, keepdims=True), 1e-12) / 127.0
    quantised = np.round(rows / scales).astype(np.int8)
    packed = np.concatenate([scales.astype(np.float32).view(np.int8), quantised], axis=1)
    return INT8 + base64.b64encode(packed.tobytes()).decode("ascii")


def decode_vectors(text: str, dimension: int) -> np.ndarray:
    if not text:
        return np.zeros((0, dimension), dtype=np.float32)
    if not text.startswith(INT8):  # written by an earlier version: float16
        flat = np.frombuffer(base64.b64decode(text), dtype=np.float16).astype(np.float32)
        return flat.reshape(-1, dimension)
    packed = np.frombuffer(base64.b64decode(text[len(INT8) :]), dtype=np.int8).reshape(-1, dimension + 4)
    scales = packed[:, :4].copy().view(np.float32)
    return packed[:, 4:].astype(np.float32) * scales


def where_clause(filters: Filters | None) -> dict[str, Any] | None:
    """Chroma ``where`` for the filters (tags are stored as boolean ``tag:<name>`` fields)."""
    if filters is None or filters.empty:
        return None
    parts: list[dict[str, Any]] = []
    if filters.languages:
        parts.append({"language": {"$in": list(filters.languages)}})
    if filters.sources:
        parts.append({"doc_id": {"$in": list(filters.sources)}})
    if filters.tags:
        tag_parts: list[dict[str, Any]] = [{f"tag:{tag}": True} for tag in filters.tags]
        parts.append(tag_parts[0] if len(tag_parts) == 1 else {"$or": tag_parts})
    return parts[0] if len(parts) == 1 else {"$and": parts}


def passage_metadata(
    document: Document, revision: str, chunk: Chunk, unit_vectors: np.ndarray, indexed_at: str, vectors_version: int = 0
) -> dict[str, Any]:
    return {
        "doc_id": document.doc_id,
        "revision": revision,
        "chunk_id": chunk.chunk_id,
        "title": document.title,
        "language": document.language,
        "publisher": document.publisher,
        "date": document.date,
        "url": document.url,
        "tags": "|".join(document.tags),
        "group": document.group or document.doc_id,
        "heading": chunk.heading,
        "context": chunk.context,
        "start": chunk.start,
        "end": chunk.end,
        "ordinal": chunk.ordinal,
        "indexed_at": indexed_at,
        "units": encode_units(chunk.units, vectors_version),
        "unit_vectors": encode_vectors(unit_vectors),
        **{f"tag:{tag}": True for tag in document.tags},
    }


def hit_from(text: str, meta: dict[str, Any], score: float) -> Hit:
    return Hit(
        chunk_id=str(meta.get("chunk_id", "")),
        doc_id=str(meta.get("doc_id", "")),
        text=text,
        title=str(meta.get("title", "")),
        language=str(meta.get("language", "")),
        score=score,
        start=int(meta.get("start", 0)),
        end=int(meta.get("end", 0)),
        heading=str(meta.get("heading", "")),
        publisher=str(meta.get("publisher", "")),
        date=str(meta.get("date", "")),
        url=str(meta.get("url", "")),
        tags=tuple(t for t in str(meta.get("tags", "")).split("|") if t),
        group=str(meta.get("group", "")),
        indexed_at=str(meta.get("indexed_at", "")),
        context=str(meta.get("context", "")),
        units=decode_units(str(meta.get("units", ""))),
        ordinal=int(meta.get("ordinal", 0)),
    )


class ChromaStore:
    def __init__(self, client: Any = None, name: str = "passages", connect: Callable[[], Any] | None = None, location: str = ""):
        self._client = client
        self._connect = connect
        self.location = location  # the folder or server URL, for messages
        self.name = name
        self._collections: dict[str, Any] = {}
        self._active: tuple[float, Manifest | None] = (0.0, None)
        self._manifests: dict[str, Manifest] = {}
        self._lock = threading.Lock()
        self.embedded = False

    @classmethod
    def open(cls, index_dir: Path, url: str = "", headers: dict[str, str] | None = None, name: str = "passages") -> ChromaStore:
        """A store that connects on first use (a server that is down now may be up by then)."""
        store = cls(name=name, connect=lambda: open_client(index_dir, url or None, headers), location=url or str(index_dir))
        store.embedded = not url
        return store

    def _reopen(self) -> None:
        """See the records another process wrote: an embedded Chroma keeps each collection's records in
        memory once loaded, so after another process switched the version this process opens the folder
        afresh (once per version switch; a Chroma server needs nothing of the kind)."""
        from chromadb.api.shared_system_client import SharedSystemClient

        with self._lock:
            SharedSystemClient.clear_system_cache()
            self._client = None
            self._collections = {}
        logger.info("index version changed in another process: reopened %s", self.location)

    @property
    def client(self) -> Any:
        if self._client is None:
            if self._connect is None:
                raise StoreUnavailable("no Chroma client configured")
            with reachable(self.location):
                self._client = self._connect()
        return self._client

    def _collection(self, kind: str, configuration: dict[str, Any] | None = None) -> Any:
        name = f"{self.name}-{kind}"
        if name not in self._collections:
            with reachable(self.location):
                self._collections[name] = self.client.get_or_create_collection(
                    name, embedding_function=None, configuration=configuration
                )
        return self._collections[name]

    @property
    def passages(self) -> Any:
        return self._collection("passages", COSINE)

    @property
    def revisions(self) -> Any:
        return self._collection("revisions")

    @property
    def versions(self) -> Any:
        return self._collection("versions")

    # -- versions --------------------------------------------------------------------------------
    def pointer(self) -> dict[str, str]:
        """{"active": version, "previous": version} (either may be missing)."""
        with reachable(self.location):
            metadata = self.client.get_collection(self.versions.name).metadata or {}
        return {key: str(metadata[key]) for key in ("active", "previous") if metadata.get(key)}

    def manifest(self, version: str) -> Manifest | None:
        if version in self._manifests:
            return self._manifests[version]
        with reachable(self.location):
            got = self.versions.get(ids=[version], include=["documents"])
        if not got["ids"]:
            return None
        manifest = Manifest.from_text(got["documents"][0])
        self._manifests[version] = manifest
        return manifest

    def active(self) -> Manifest | None:
        """The active version's manifest (re-read at most every ``POINTER_TTL`` seconds)."""
        checked, manifest = self._active
        if time.monotonic() - checked <= POINTER_TTL:
            return manifest
        version = self.pointer().get("active")
        if self.embedded and self._connect is not None and version != _SEEN.get(self.location):
            if self.location in _SEEN and version not in _OWN:
                self._reopen()
            _SEEN[self.location] = version
        manifest = self.manifest(version) if version else None
        self._active = (time.monotonic(), manifest)
        return manifest

    def refresh(self) -> None:
        """Forget the cached pointer (after this process switched it)."""
        self._active = (0.0, None)

    def save_version(self, manifest: Manifest) -> None:
        _OWN.add(manifest.version)
        with reachable(self.location):
            self.versions.upsert(ids=[manifest.version], documents=[manifest.to_text()], embeddings=[[0.0]])
        self._manifests[manifest.version] = manifest

    def set_pointer(self, active: str, previous: str | None) -> None:
        """Point the index at ``active`` in one metadata update."""
        metadata = {"active": active, **({"previous": previous} if previous else {})}
        with reachable(self.location):
            self.client.get_collection(self.versions.name).modify(metadata=metadata)
        self.refresh()

    def version_ids(self) -> list[str]:
        with reachable(self.location):
            return list(self.versions.get(include=[])["ids"])

    def drop_versions(self, versions: Sequence[str]) -> None:
        if versions:
            with reachable(self.location):
                self.versions.delete(ids=list(versions))
            for version in versions:
                self._manifests.pop(version, None)

    def check_compatible(self, embedder: str, dimension: int | None = None) -> Manifest | None:
        manifest = self.active()
        if manifest is None:
            return None
        if manifest.embedder != embedder or (dimension is not None and manifest.dimension != dimension):
            raise IndexMismatch(
                f"the index was built with embedder '{manifest.embedder}' ({manifest.dimension} dimensions), "
                f"but '{embedder}' is configured: run 'assistant ingest --rebuild' to re-index"
            )
        return manifest

    # -- writes ------------------------------------------------------------------------------------
    def write_document(
        self,
        document: Document,
        revision: str,
        chunks: Sequence[Chunk],
        vectors: np.ndarray,
        unit_vectors: Sequence[np.ndarray],
        indexed_at: str,
        vectors_version: int = 0,
    ) -> None:
        """Add the records of one document revision (its passages, and its entry in the revisions list)."""
        with reachable(self.location):
            for i in range(0, len(chunks), BATCH):
                part = chunks[i : i + BATCH]
                self.passages.upsert(
                    ids=[record_id(revision, c.chunk_id) for c in part],
                    embeddings=vectors[i : i + BATCH],
                    documents=[c.text for c in part],
                    metadatas=[
                        passage_metadata(document, revision, c, unit_vectors[i + j], indexed_at, vectors_version)
                        for j, c in enumerate(part)
                    ],
                )
            self.revisions.upsert(
                ids=[f"{revision[:12]}.doc"], embeddings=[[0.0]], metadatas=[{"doc_id": document.doc_id, "revision": revision}]
            )

    def stored_vectors(self, doc_id: str) -> dict[str, tuple[np.ndarray, np.ndarray, str]]:
        """The vectors stored for any revision of ``doc_id``, by chunk id: (passage vector, unit vectors,
        units), so an unchanged passage of a changed document is not embedded again."""
        with reachable(self.location):
            got = self.passages.get(where={"doc_id": doc_id}, include=["embeddings", "metadatas"])
        found: dict[str, tuple[np.ndarray, np.ndarray, str]] = {}
        for vector, meta in zip(got["embeddings"], got["metadatas"], strict=True):
            dimension = len(vector)
            found[str(meta["chunk_id"])] = (
                np.asarray(vector, dtype=np.float32),
                decode_vectors(str(meta.get("unit_vectors", "")), dimension),
                str(meta.get("units", "")),
            )
        return found

    def delete_unlisted(self, keep: set[tuple[str, str]], doc_ids: set[str]) -> int:
        """Delete the records of ``doc_ids`` whose (doc_id, revision) is not in ``keep``; returns how many
        passages were deleted."""
        deleted = 0
        with reachable(self.location):
            for doc_id in sorted(doc_ids):
                for collection in (self.passages, self.revisions):
                    got = collection.get(where={"doc_id": doc_id}, include=["metadatas"])
                    stale = [i for i, m in zip(got["ids"], got["metadatas"], strict=True) if (doc_id, m["revision"]) not in keep]
                    if stale:
                        collection.delete(ids=stale)
                        deleted += len(stale) if collection is self.passages else 0
        return deleted

    def stored_documents(self) -> set[str]:
        """Every document id with records of any revision (for cleaning up after interrupted ingests)."""
        with reachable(self.location):
            got = self.revisions.get(include=["metadatas"])
        return {str(m["doc_id"]) for m in got["metadatas"]}

    # -- reads -------------------------------------------------------------------------------------
    def count(self) -> int:
        """Passages in the active version."""
        manifest = self.active()
        return manifest.passage_count if manifest is not None else 0

    def _live(self, metas: Sequence[dict[str, Any]], revisions: dict[str, str]) -> list[bool]:
        return [revisions.get(str(m.get("doc_id"))) == m.get("revision") for m in metas]

    def query(self, vector: np.ndarray, n: int, where: dict[str, Any] | None = None) -> list[Passage]:
        """The ``n`` passages of the active version most similar to ``vector`` (cosine), best first."""
        manifest = self.active()
        if manifest is None or not manifest.documents:
            return []
        revisions = manifest.revisions()
        total = self.passages.count()
        asked = min(total, n + max(10, n // 2))
        while True:
            with reachable(self.location):
                result = self.passages.query(
                    query_embeddings=[vector.tolist()],
                    n_results=max(1, asked),
                    where=where or None,
                    include=["documents", "metadatas", "distances", "embeddings"],
                )
            metas = result["metadatas"][0]
            live = self._live(metas, revisions)
            if sum(live) >= n or asked >= total or len(metas) < asked:
                break
            asked = min(total, asked * 4)  # records of other versions crowd the top: look further
        rows = zip(
            result["ids"][0], result["documents"][0], metas, result["embeddings"][0], result["distances"][0], live, strict=True
        )
        passages = [self._passage(i, text, meta, vec, 1.0 - float(distance)) for i, text, meta, vec, distance, ok in rows if ok]
        return passages[:n]

    def _passage(self, record: str, text: str, meta: dict[str, Any], vector: Any, score: float) -> Passage:
        vector = np.asarray(vector, dtype=np.float32)
        units = decode_vectors(str(meta.get("unit_vectors", "")), len(vector))
        return Passage(record, hit_from(text, meta, score), vector, units)

    def passages_by_chunk(self, chunk_ids: Sequence[str]) -> list[Passage]:
        """Active passages by chunk id (missing ones skipped), score 0."""
        manifest = self.active()
        if manifest is None or not chunk_ids:
            return []
        revisions = manifest.revisions()
        with reachable(self.location):
            got = self.passages.get(
                where={"chunk_id": {"$in": list(chunk_ids)}}, include=["documents", "metadatas", "embeddings"]
            )
        live = self._live(got["metadatas"], revisions)
        rows = zip(got["ids"], got["documents"], got["metadatas"], got["embeddings"], live, strict=True)
        found = {str(meta["chunk_id"]): self._passage(i, text, meta, vec, 0.0) for i, text, meta, vec, ok in rows if ok}
        return [found[c] for c in dict.fromkeys(chunk_ids) if c in found]

    def passages_by_record(self, record_ids: Sequence[str]) -> list[Passage]:
        """Passages by record id (missing ones skipped), score 0."""
        if not record_ids:
            return []
        with reachable(self.location):
            got = self.passages.get(ids=list(record_ids), include=["documents", "metadatas", "embeddings"])
        rows = zip(got["ids"], got["documents"], got["metadatas"], got["embeddings"], strict=True)
        found = {i: self._passage(i, text, meta, vec, 0.0) for i, text, meta, vec in rows}
        return [found[i] for i in dict.fromkeys(record_ids) if i in found]

    def document_passages(self, doc_id: str) -> list[Passage]:
        """The active passages of one document, in document order."""
        manifest = self.active()
        entry = manifest.documents.get(doc_id) if manifest is not None else None
        if entry is None:
            return []
        with reachable(self.location):
            got = self.passages.get(
                where={"$and": [{"doc_id": doc_id}, {"revision": entry.revision}]},
                include=["documents", "metadatas", "embeddings"],
            )
        rows = zip(got["ids"], got["documents"], got["metadatas"], got["embeddings"], strict=True)
        passages = [self._passage(i, t, m, v, 0.0) for i, t, m, v in rows]
        return sorted(passages, key=lambda p: p.hit.ordinal)
