"""Incremental ingest: corpus files → structured documents → passages and units → vectors → a new version.

A document whose file, metadata, chunking and embedder are unchanged keeps its records; a changed one gets
records of a new revision (passages whose text and context did not change reuse their vectors); the new
version's manifest lists every document's revision and becomes active in one pointer update. The work is
that of the changed documents plus a small constant, whatever the size of the index. Killed before the
switch, the index answers as before; the next ingest removes the orphaned records. The previous version
stays available for ``rollback``; older revisions are deleted.
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import numpy as np

from assistant.answer.places import home_country
from assistant.index.manifest import DocumentEntry, Manifest, now
from assistant.index.store import ChromaStore, encode_units
from assistant.ingest.chunking import Chunker
from assistant.ingest.cleaning import calm_capitals
from assistant.ingest.corpus import CorpusScan, has_document, scan_corpus
from assistant.ingest.loaders import SUPPORTED_SUFFIXES
from assistant.models.embedder import Embedder
from assistant.types import Chunk, Document, IngestReport, SkippedFile, Unit

logger = logging.getLogger(__name__)
Progress = Callable[[int, int], None]
EMBED_STEP = 32  # texts per progress step
# How passages and units are embedded (with their context in the model's title slot); stored with the index
# and with each record, so a change re-embeds instead of reusing vectors made the old way.
VECTORS_VERSION = 3  # 3: lines in capitals embedded in capitalised words (cleaning.calm_capitals)


class CorpusError(ValueError):
    """The corpus folder is missing, not a folder, or holds no readable document; nothing was changed."""


class PruneRefused(RuntimeError):
    """The ingest would remove more than half of the indexed documents and pruning was not confirmed."""


def unit_key(chunk: Chunk, unit: Unit) -> tuple[str, str]:
    """A unit is embedded with its passage's context (title and headings): without it, hit@1 on the test
    documents falls from 0.68 to 0.53 (docs/experiments.md)."""
    return (chunk.context, unit.text(chunk.text))


def texts_to_embed(chunks: list[Chunk], stored: dict[str, tuple[np.ndarray, np.ndarray, str]]) -> list[tuple[str, str]]:
    """(context, text) pairs to embed: each new passage and its units, all with the passage's context
    (document title and heading path); a passage stored with the same text, context and units keeps its
    vectors."""
    texts: list[tuple[str, str]] = []
    for chunk in chunks:
        if chunk.chunk_id in stored and stored[chunk.chunk_id][2] == encode_units(chunk.units, VECTORS_VERSION):
            continue
        texts.append((chunk.context, chunk.text))
        texts.extend(unit_key(chunk, unit) for unit in chunk.units)
    return list(dict.fromkeys(texts))


def new_version() -> str:
    return f"v{time.time_ns() // 1_000_000}-{uuid.uuid4().hex[:6]}"


def revision_of(content_hash: str, manifest: Manifest, nonce: str = "") -> str:
    key = json.dumps([content_hash, manifest.embedder, manifest.chunking, nonce], sort_keys=True, default=str)
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]


def check_folder(corpus_dir: Path) -> None:
    """``CorpusError`` when the folder cannot be what the user meant: missing, not a folder, or without a
    single file of a supported type (cheap: nothing is read)."""
    if not corpus_dir.exists():
        raise CorpusError(f"corpus folder '{corpus_dir}' does not exist: nothing was changed")
    if not corpus_dir.is_dir():
        raise CorpusError(f"'{corpus_dir}' is not a folder: nothing was changed")
    if not has_document(corpus_dir):
        raise CorpusError(f"no document in '{corpus_dir}' ({', '.join(SUPPORTED_SUFFIXES)}): nothing was changed")


def checked_scan(corpus_dir: Path, unchanged: Callable[[str, str], bool] | None = None) -> CorpusScan:
    """The corpus scan (files for which ``unchanged`` holds are not read again), or ``CorpusError`` when
    the folder holds no readable document."""
    scan = scan_corpus(corpus_dir, unchanged)
    if not scan.documents and not scan.kept:
        skipped = f" ({len(scan.skipped)} file(s) could not be read)" if scan.skipped else ""
        raise CorpusError(f"no readable document in '{corpus_dir}'{skipped}: nothing was changed")
    return scan


class Indexer:
    """Brings a store in line with a corpus folder."""

    def __init__(self, store: ChromaStore, embedder: Embedder, chunker: Chunker):
        self.store = store
        self.embedder = embedder
        self.chunker = chunker

    def ingest(
        self, corpus_dir: Path, progress: Progress | None = None, rebuild: bool = False, prune: bool = False
    ) -> IngestReport:
        started = time.perf_counter()
        report = IngestReport()
        check_folder(corpus_dir)
        self.store.refresh()
        previous = None if rebuild else self.store.check_compatible(self.embedder.model_id)
        if rebuild:
            active_version = self.store.pointer().get("active")
            previous = self.store.manifest(active_version) if active_version else None
        chunking = {**self.chunker.params, "vectors": VECTORS_VERSION}
        manifest = Manifest(self.embedder.model_id, self.embedder.dimension, chunking, version=new_version())
        if previous is not None and previous.chunking != manifest.chunking:
            report.warnings.append("chunking parameters changed: every document is chunked again")
        old = previous.revisions() if previous is not None else {}
        nonce = manifest.version if rebuild else ""

        def unchanged(doc_id: str, content_hash: str) -> bool:
            return previous is not None and old.get(doc_id) == revision_of(content_hash, manifest, nonce)

        scan = checked_scan(corpus_dir, unchanged)
        report.skipped.extend(scan.skipped)
        report.warnings.extend(scan.warnings)
        for doc_id in scan.kept:
            manifest.documents[doc_id] = previous.documents[doc_id]  # type: ignore[union-attr]
            report.unchanged.append(doc_id)
        changed: list[tuple[Document, str]] = []
        for document in scan.documents:
            revision = revision_of(document.content_hash, manifest, nonce)
            if old.get(document.doc_id) == revision and previous is not None:
                manifest.documents[document.doc_id] = previous.documents[document.doc_id]
                report.unchanged.append(document.doc_id)
                continue
            (report.updated if document.doc_id in old else report.added).append(document.doc_id)
            changed.append((document, revision))
        unreadable = {s.path for s in scan.skipped}
        report.removed = sorted(set(old) - {d.doc_id for d in scan.documents} - set(scan.kept) - unreadable)
        for doc_id in sorted(unreadable & set(old)):  # a file that cannot be read now keeps its last good revision
            manifest.documents[doc_id] = previous.documents[doc_id]  # type: ignore[union-attr]
        report.skipped = [
            SkippedFile(s.path, f"{s.reason}; its last readable version is still answered from") if s.path in old else s
            for s in report.skipped
        ]
        if old and len(report.removed) > len(old) / 2 and not prune:
            raise PruneRefused(
                f"this ingest would remove {len(report.removed)} of the {len(old)} indexed documents "
                f"(is '{corpus_dir}' the right folder?); nothing was changed. Confirm with --prune."
            )
        if changed or report.removed or previous is None or rebuild:
            self._write(manifest, changed, report, progress, reuse=not rebuild)
            self._switch(manifest, previous, {d.doc_id for d, _ in changed} | set(report.removed))
        report.chunks_total = manifest.passage_count if (changed or report.removed or previous is None) else self.store.count()
        report.seconds = round(time.perf_counter() - started, 2)
        logger.info(
            "ingest: %d added, %d updated, %d unchanged, %d removed, %d skipped, %d passages embedded",
            len(report.added),
            len(report.updated),
            len(report.unchanged),
            len(report.removed),
            len(report.skipped),
            report.chunks_embedded,
        )
        return report

    # -- writing -----------------------------------------------------------------------------------
    def _write(
        self,
        manifest: Manifest,
        changed: list[tuple[Document, str]],
        report: IngestReport,
        progress: Progress | None,
        reuse: bool,
    ) -> None:
        planned = [(document, revision, self.chunker.split(document)) for document, revision in changed]
        stored = {document.doc_id: (self.store.stored_vectors(document.doc_id) if reuse else {}) for document, _, _ in planned}
        work = [
            (document, revision, chunks, texts_to_embed(chunks, stored[document.doc_id]))
            for document, revision, chunks in planned
        ]
        total = sum(len(texts) for *_, texts in work)
        done = 0
        if progress:
            progress(0, total)
        indexed_at = now()
        for document, revision, chunks, texts in work:
            fresh: dict[tuple[str, str], np.ndarray] = {}
            # Texts of similar length side by side: a batch is padded to its longest text, so a passage
            # batched with short units would cost the model as much as a batch of passages.
            texts = sorted(texts, key=lambda pair: len(pair[0]) + len(pair[1]))
            for i in range(0, len(texts), EMBED_STEP):
                batch = texts[i : i + EMBED_STEP]
                vectors = self.embedder.embed_documents(
                    [calm_capitals(text) for _, text in batch], [calm_capitals(title) for title, _ in batch]
                )
                fresh.update(zip(batch, vectors, strict=True))
                done += len(batch)
                if progress:
                    progress(done, total)
            vectors, unit_vectors = self._vectors(chunks, stored[document.doc_id], fresh)
            self.store.write_document(document, revision, chunks, vectors, unit_vectors, indexed_at, VECTORS_VERSION)
            manifest.documents[document.doc_id] = DocumentEntry(
                revision,
                document.title,
                document.language,
                len(chunks),
                document.publisher,
                document.date,
                document.url,
                document.tags,
                document.group or document.doc_id,
                indexed_at,
                home_country(f"{document.title}\n{document.text}", document.language),
            )
            report.chunks_embedded += sum(1 for c in chunks if (c.context, c.text) in fresh)

    def _vectors(
        self, chunks: list[Chunk], stored: dict[str, tuple[np.ndarray, np.ndarray, str]], fresh: dict[tuple[str, str], np.ndarray]
    ) -> tuple[np.ndarray, list[np.ndarray]]:
        dimension = self.embedder.dimension
        vectors = np.zeros((len(chunks), dimension), dtype=np.float32)
        unit_vectors: list[np.ndarray] = []
        for i, chunk in enumerate(chunks):
            kept = stored.get(chunk.chunk_id)
            if kept is not None and kept[2] == encode_units(chunk.units, VECTORS_VERSION):
                vectors[i], units = kept[0], kept[1]
            else:
                vectors[i] = fresh[(chunk.context, chunk.text)]
                units = np.asarray([fresh[unit_key(chunk, u)] for u in chunk.units], dtype=np.float32)
                units = units.reshape(-1, dimension)
            unit_vectors.append(units)
        return vectors, unit_vectors

    # -- switching and cleaning ---------------------------------------------------------------------
    def _switch(self, manifest: Manifest, previous: Manifest | None, changed: set[str]) -> None:
        manifest.built_at = now()
        self.store.save_version(manifest)
        pointer = self.store.pointer()
        older = self.store.manifest(pointer["previous"]) if pointer.get("previous") else None
        self.store.set_pointer(manifest.version, previous.version if previous is not None else None)
        self.cleanup(manifest, previous, older, changed)

    def cleanup(self, active: Manifest, previous: Manifest | None, older: Manifest | None, changed: set[str]) -> None:
        """Delete the records in neither the active nor the previous version: the revisions of ``older`` (the
        version that just dropped out) that neither uses, those an interrupted ingest left for the documents
        changed now, and those of documents no version lists."""
        keep = {(d, e.revision) for m in (active, previous) if m is not None for d, e in m.documents.items()}
        candidates = set(changed)
        if older is not None:
            candidates |= {d for d, e in older.documents.items() if (d, e.revision) not in keep}
        candidates |= self.store.stored_documents() - {d for d, _ in keep}
        removed = self.store.delete_unlisted(keep, candidates)
        if removed:
            logger.info("removed %d passages of old revisions", removed)
        kept_versions = {active.version, previous.version if previous is not None else ""}
        self.store.drop_versions([v for v in self.store.version_ids() if v not in kept_versions])
