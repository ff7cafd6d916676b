"""The Chroma index (embedded, or a Chroma server) and the manifest that says how it was built.

Each index version has three collections: ``<name>-<version>-passages`` holds passages,
``<name>-<version>-sentences`` the sentences (and clauses of long sentences) of each passage, for
sentence-level rescoring and quote selection, ``<name>-<version>-contexts`` one vector per passage for
its context window (the passage with its neighbours); ``<name>-pointer`` names the active version. The
manifest (embedder id, dimension, chunking parameters, a content hash per document) is JSON in the passage collection's metadata, so it travels with the index
whether that lives in a folder or on a server. We always pass embeddings: Chroma never embeds anything.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

from assistant.readcache import ReadCache
from assistant.sentences import Sentence
from assistant.types import Chunk, Document, Filters, Hit, SentenceMatch

logger = logging.getLogger(__name__)
BATCH = 1000
POINTER_TTL = 1.0  # seconds a reader trusts its cached view of the active version


class IndexMismatch(RuntimeError):
    """The index was built with another embedder or chunking than the one configured."""


class StoreUnavailable(RuntimeError):
    """The Chroma index or server cannot be reached."""


@dataclass
class Manifest:
    embedder: str
    dimension: int
    chunking: dict[str, Any]
    documents: dict[str, str] = field(default_factory=dict)  # doc_id -> content hash

    def to_json(self) -> str:
        return json.dumps(asdict(self), sort_keys=True, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> Manifest:
        data = json.loads(text)
        return cls(data["embedder"], int(data["dimension"]), dict(data["chunking"]), dict(data.get("documents", {})))


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


def _metadata(document: Document, chunk: Chunk) -> dict[str, Any]:
    return {
        "doc_id": document.doc_id,
        "title": document.title,
        "language": document.language,
        "publisher": document.publisher,
        "date": document.date,
        "url": document.url,
        "tags": "|".join(document.tags),
        "heading": chunk.heading,
        "start": chunk.start,
        "end": chunk.end,
        "ordinal": chunk.ordinal,
        "content_hash": document.content_hash,
        "group": document.group or document.doc_id,
        "indexed_at": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        **{f"tag:{tag}": True for tag in document.tags},
    }


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


def hit_from(chunk_id: str, text: str, meta: dict[str, Any], score: float) -> Hit:
    return Hit(
        chunk_id=chunk_id,
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
        translation_ids=tuple(v for v in str(meta.get("translations", "")).split("|") if v),
    )


class ChromaStore:
    """One index: a pair of collections per *version*, and a pointer naming the active version.

    Readers follow the pointer (re-read at most every ``POINTER_TTL`` seconds); an ingest builds a new
    version aside and switches the pointer in one step (see ``staging.py``). A store made with a fixed
    ``version`` (a staging area) reads and writes that version only.
    """

    def __init__(
        self,
        client: Any = None,
        name: str = "passages",
        version: str | None = None,
        connect: Callable[[], Any] | None = None,
        location: str = "",
    ):
        self._client = client
        self._connect = connect
        self.location = location  # the folder or server URL, for messages
        self.name = name
        self.fixed_version = version
        self._collections: dict[str, Any] = {}
        self._pointer_cache: tuple[float, str | None] = (0.0, None)
        self._reads = ReadCache()

    @classmethod
    def open(cls, index_dir: Path, url: str = "", headers: dict[str, str] | None = None, name: str = "passages") -> ChromaStore:
        """A store that connects on first use (a server that is down now may be up by then)."""
        return cls(name=name, connect=lambda: open_client(index_dir, url or None, headers), location=url or str(index_dir))

    @property
    def client(self) -> Any:
        if self._client is None:
            if self._connect is None:
                raise StoreUnavailable("no Chroma client configured")
            self._client = self._connect()
        return self._client

    # -- versions ----------------------------------------------------------------------------
    @property
    def pointer_name(self) -> str:
        return f"{self.name}-pointer"

    def collection_name(self, version: str, kind: str = "passages") -> str:
        return f"{self.name}-{version}-{kind}"

    def read_pointer(self) -> str | None:
        with reachable(self.location):
            pointer = self.client.get_or_create_collection(self.pointer_name, embedding_function=None)
        active = (pointer.metadata or {}).get("active")
        return str(active) if active else None

    @property
    def version(self) -> str | None:
        if self.fixed_version is not None:
            return self.fixed_version
        checked, active = self._pointer_cache
        now = time.monotonic()
        if now - checked > POINTER_TTL:
            active = self.read_pointer()
            self._pointer_cache = (now, active)
        return active

    def refresh(self) -> None:
        """Forget the cached pointer (after this process switched it)."""
        self._pointer_cache = (0.0, None)

    def _collection(self, kind: str) -> Any:
        version = self.version
        if version is None:
            raise StoreUnavailable("the index has no active version yet: run 'assistant ingest'")
        name = self.collection_name(version, kind)
        if name not in self._collections:
            self._collections[name] = self.client.get_or_create_collection(
                name, embedding_function=None, configuration={"hnsw": {"space": "cosine"}}
            )
        return self._collections[name]

    @property
    def passages(self) -> Any:
        return self._collection("passages")

    @property
    def sentences(self) -> Any:
        return self._collection("sentences")

    @property
    def contexts(self) -> Any:
        return self._collection("contexts")

    # -- manifest ----------------------------------------------------------------------------
    def manifest(self) -> Manifest | None:
        if self.version is None:
            return None
        text = (self.passages.metadata or {}).get("manifest")
        return Manifest.from_json(text) if text else None

    def save_manifest(self, manifest: Manifest) -> None:
        self.passages.modify(metadata={"manifest": manifest.to_json()})

    def check_compatible(self, embedder: str, dimension: int | None = None) -> Manifest | None:
        manifest = self.manifest()
        if manifest is None:
            return None
        if manifest.embedder != embedder or (dimension is not None and manifest.dimension != dimension):
            raise IndexMismatch(
                f"the index was built with embedder '{manifest.embedder}' ({manifest.dimension} dimensions), "
                f"but '{embedder}' is configured: run 'assistant ingest --rebuild' to re-index"
            )
        return manifest

    # -- per-chunk reads and writes ------------------------------------------------------------
    def chunk_ids(self, doc_id: str) -> set[str]:
        return set(self.passages.get(where={"doc_id": doc_id}, include=[])["ids"])

    def chunk_vectors(self, chunk_ids: Sequence[str]) -> dict[str, np.ndarray]:
        return self._vectors(self.passages, chunk_ids)

    def context_vectors(self, chunk_ids: Sequence[str]) -> dict[str, np.ndarray]:
        """The context-window vectors of these chunks (none for an index built before they existed)."""
        return self._vectors(self.contexts, chunk_ids)

    def _vectors(self, collection: Any, chunk_ids: Sequence[str]) -> dict[str, np.ndarray]:
        """Vectors by chunk id from a collection keyed by chunk id (cached per version)."""

        def fetch(missing: list[str]) -> dict[str, np.ndarray]:
            got = collection.get(ids=missing, include=["embeddings"])
            return {cid: np.asarray(vec, dtype=np.float32) for cid, vec in zip(got["ids"], got["embeddings"], strict=True)}

        return self._reads.get(collection.name, "vector", chunk_ids, fetch)

    def sentence_records(self, chunk_ids: Sequence[str]) -> tuple[list[SentenceMatch], np.ndarray]:
        """The stored sentences of these chunks (chunk by chunk, in the order given) and their vectors."""

        def fetch(missing: list[str]) -> dict[str, tuple[tuple[SentenceMatch, np.ndarray], ...]]:
            got = self.sentences.get(where={"chunk_id": {"$in": missing}}, include=["embeddings", "metadatas", "documents"])
            grouped: dict[str, list[tuple[SentenceMatch, np.ndarray]]] = {cid: [] for cid in missing}
            for m, text, vector in zip(got["metadatas"], got["documents"], got["embeddings"], strict=True):
                record = SentenceMatch(str(m["chunk_id"]), text, int(m["start"]), int(m["end"]), 0.0)
                grouped.setdefault(record.chunk_id, []).append((record, np.asarray(vector, dtype=np.float32)))
            return {cid: tuple(sorted(pairs, key=lambda pair: pair[0].start)) for cid, pairs in grouped.items()}

        found = self._reads.get(self.sentences.name, "sentences", chunk_ids, fetch) if chunk_ids else {}
        pairs = [pair for cid in dict.fromkeys(chunk_ids) for pair in found.get(cid, ())]
        if not pairs:
            return [], np.zeros((0, 0), dtype=np.float32)
        return [record for record, _ in pairs], np.stack([vector for _, vector in pairs])

    def write_document(
        self,
        document: Document,
        chunks: Sequence[Chunk],
        vectors: np.ndarray,
        sentences: Sequence[tuple[str, Sentence]],
        sentence_vectors: np.ndarray,
        context_vectors: np.ndarray,
    ) -> None:
        """Replace everything stored for ``document`` with these chunks, sentences and context vectors."""
        self.forget_reads()
        keep = {chunk.chunk_id for chunk in chunks}
        stale = sorted(self.chunk_ids(document.doc_id) - keep)
        if stale:
            self.passages.delete(ids=stale)
        self.sentences.delete(where={"doc_id": document.doc_id})
        self.contexts.delete(where={"doc_id": document.doc_id})
        for i in range(0, len(chunks), BATCH):
            part = chunks[i : i + BATCH]
            self.passages.upsert(
                ids=[c.chunk_id for c in part],
                embeddings=vectors[i : i + BATCH],
                documents=[c.text for c in part],
                metadatas=[_metadata(document, c) for c in part],
            )
            self.contexts.upsert(
                ids=[c.chunk_id for c in part],
                embeddings=context_vectors[i : i + BATCH],
                metadatas=[{"doc_id": document.doc_id} for _ in part],
            )
        for i in range(0, len(sentences), BATCH):
            part_s = sentences[i : i + BATCH]
            self.sentences.upsert(
                ids=[f"{cid}:{s.start}-{s.end}" for cid, s in part_s],
                embeddings=sentence_vectors[i : i + BATCH],
                documents=[s.text for _, s in part_s],
                metadatas=[{"chunk_id": cid, "doc_id": document.doc_id, "start": s.start, "end": s.end} for cid, s in part_s],
            )

    def delete_document(self, doc_id: str) -> None:
        self.forget_reads()
        self.passages.delete(where={"doc_id": doc_id})
        self.sentences.delete(where={"doc_id": doc_id})
        self.contexts.delete(where={"doc_id": doc_id})

    # -- translation links ---------------------------------------------------------------------
    def document_vectors(self, doc_id: str) -> tuple[list[str], np.ndarray]:
        got = self.passages.get(where={"doc_id": doc_id}, include=["embeddings"])
        vectors = np.asarray(got["embeddings"], dtype=np.float32) if got["ids"] else np.zeros((0, 0), dtype=np.float32)
        return list(got["ids"]), vectors

    def neighbour_documents(self, vectors: np.ndarray, language: str, n: int, minimum: float) -> set[str]:
        """Documents in other languages holding a passage at least ``minimum`` similar to one of ``vectors``."""
        if not len(vectors) or self.count() == 0:
            return set()
        result = self.passages.query(
            query_embeddings=vectors.tolist(),
            n_results=min(n, self.count()),
            where={"language": {"$ne": language}},
            include=["metadatas", "distances"],
        )
        return {
            str(meta["doc_id"])
            for metas, distances in zip(result["metadatas"], result["distances"], strict=True)
            for meta, distance in zip(metas, distances, strict=True)
            if 1.0 - float(distance) >= minimum
        }

    def add_links(self, pairs: Sequence[tuple[str, str]]) -> int:
        """Record each pair as translations of each other (on both passages); returns how many pairs are new."""
        self.forget_reads()
        links: dict[str, set[str]] = {}
        for left, right in pairs:
            links.setdefault(left, set()).add(right)
            links.setdefault(right, set()).add(left)
        if not links:
            return 0
        got = self.passages.get(ids=sorted(links), include=["metadatas"])
        metadatas = []
        added = 0
        for chunk_id, meta in zip(got["ids"], got["metadatas"], strict=True):
            current = {v for v in str(meta.get("translations", "")).split("|") if v}
            added += len(links[chunk_id] - current)
            metadatas.append({**meta, "translations": "|".join(sorted(current | links[chunk_id]))})
        self.passages.update(ids=list(got["ids"]), metadatas=metadatas)
        return added // 2  # each new pair is new on both of its passages

    def hits(self, chunk_ids: Sequence[str]) -> list[Hit]:
        """Stored passages by id (missing ids are skipped), score 0."""
        if not chunk_ids:
            return []

        def fetch(missing: list[str]) -> dict[str, Hit]:
            got = self.passages.get(ids=missing, include=["documents", "metadatas"])
            return {
                cid: hit_from(cid, text, meta, 0.0)
                for cid, text, meta in zip(got["ids"], got["documents"], got["metadatas"], strict=True)
            }

        found = self._reads.get(self.passages.name, "hit", chunk_ids, fetch)
        return [found[cid] for cid in dict.fromkeys(chunk_ids) if cid in found]

    def forget_reads(self) -> None:
        """Drop cached reads (after this store wrote into its version)."""
        self._reads.clear()

    # -- reads -------------------------------------------------------------------------------
    def count(self) -> int:
        with reachable(self.location):
            if self.version is None:
                return 0
            counted = self._reads.get(self.passages.name, "count", ["all"], lambda _: {"all": int(self.passages.count())})
            return int(counted["all"])

    def query(self, vector: np.ndarray, n: int, where: dict[str, Any] | None = None) -> list[Hit]:
        total = self.count()
        if total == 0:
            return []
        result = self.passages.query(
            query_embeddings=[vector.tolist()],
            n_results=min(n, total),
            where=where or None,
            include=["documents", "metadatas", "distances"],
        )
        return [
            hit_from(cid, text, meta, 1.0 - float(distance))
            for cid, text, meta, distance in zip(
                result["ids"][0], result["documents"][0], result["metadatas"][0], result["distances"][0], strict=True
            )
        ]

    def all_passages(self, where: dict[str, Any] | None = None) -> list[Hit]:
        """Every stored passage (for lexical indexing and listings), in no particular order."""
        if self.version is None:
            return []
        hits: list[Hit] = []
        offset = 0
        while True:
            got = self.passages.get(where=where or None, include=["documents", "metadatas"], limit=BATCH, offset=offset)
            hits.extend(
                hit_from(cid, text, meta, 0.0)
                for cid, text, meta in zip(got["ids"], got["documents"], got["metadatas"], strict=True)
            )
            if len(got["ids"]) < BATCH:
                return hits
            offset += BATCH
