"""Incremental ingest: corpus files → chunks → embeddings → the store, reporting what happened.

Unchanged documents (same content hash, same chunking, same embedder) are not embedded again; a changed
document keeps the vectors of chunks whose text did not change; deleted files are removed from the index.
All changes go into a new version of the index that becomes active in one step when the ingest succeeds.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from assistant.chunking import Chunker
from assistant.corpus import scan_corpus
from assistant.embedding import Embedder
from assistant.sentences import Sentence, clauses, split_sentences
from assistant.staging import staged
from assistant.store import ChromaStore, Manifest
from assistant.translations import link_document
from assistant.types import Chunk, Document, IngestReport

logger = logging.getLogger(__name__)
Progress = Callable[[int, int], None]
MIN_SENTENCE_LETTERS = 4


@dataclass
class _Pending:
    document: Document
    chunks: list[Chunk]
    reused: dict[str, np.ndarray]


def passage_sentences(chunk: Chunk) -> list[Sentence]:
    """Sentences of a chunk (offsets inside the chunk) worth quoting, and the clauses of long ones."""
    sentences = [s for s in split_sentences(chunk.text) if sum(ch.isalpha() for ch in s.text) >= MIN_SENTENCE_LETTERS]
    return sentences + [c for s in sentences for c in clauses(s)]


def ingest(
    corpus_dir: Path,
    store: ChromaStore,
    embedder: Embedder,
    chunker: Chunker,
    progress: Progress | None = None,
    rebuild: bool = False,
) -> IngestReport:
    """Bring the index in line with ``corpus_dir``. Changes are built in a new version of the index and
    switched to in one step at the end (``staging.staged``): an interrupted ingest leaves the index as it was."""
    started = time.perf_counter()
    report = IngestReport()
    store.forget_reads()  # read the index afresh (and find out now if a server is down)
    scan = scan_corpus(corpus_dir)
    report.skipped.extend(scan.skipped)
    report.warnings.extend(scan.warnings)
    manifest = None if rebuild else store.check_compatible(embedder.model_id)
    if manifest is None:
        manifest = Manifest(embedder.model_id, embedder.dimension, chunker.params)
    elif manifest.chunking != chunker.params:
        report.warnings.append("chunking parameters changed: every document is re-chunked")
        manifest.chunking = chunker.params
        manifest.documents = {}

    changed = []
    for document in scan.documents:
        if manifest.documents.get(document.doc_id) == document.content_hash:
            report.unchanged.append(document.doc_id)
            continue
        (report.updated if document.doc_id in manifest.documents else report.added).append(document.doc_id)
        changed.append(document)
    present = {d.doc_id for d in scan.documents} | {s.path for s in scan.skipped}
    report.removed = sorted(set(manifest.documents) - present)

    if changed or report.removed or rebuild or store.version is None:
        with staged(store, copy=not rebuild) as stage:
            _apply(stage, embedder, chunker, manifest, changed, report, progress)
    report.chunks_total = store.count()
    report.seconds = round(time.perf_counter() - started, 2)
    logger.info(
        "ingest: %d added, %d updated, %d unchanged, %d removed, %d skipped, %d chunks embedded",
        len(report.added),
        len(report.updated),
        len(report.unchanged),
        len(report.removed),
        len(report.skipped),
        report.chunks_embedded,
    )
    return report


def _apply(
    stage: ChromaStore,
    embedder: Embedder,
    chunker: Chunker,
    manifest: Manifest,
    changed: list[Document],
    report: IngestReport,
    progress: Progress | None,
) -> None:
    """Write the changes into a staging version of the index."""
    pending: list[_Pending] = []
    for document in changed:
        chunks = chunker.split(document)
        reused = stage.chunk_vectors(sorted(stage.chunk_ids(document.doc_id) & {c.chunk_id for c in chunks}))
        pending.append(_Pending(document, chunks, reused))
    total = sum(len(p.chunks) - len(p.reused) for p in pending)
    done = 0
    if progress:
        progress(0, total)
    for item in pending:
        fresh = [c for c in item.chunks if c.chunk_id not in item.reused]
        vectors = np.zeros((len(item.chunks), embedder.dimension), dtype=np.float32)
        new_vectors = embedder.embed_documents([c.text for c in fresh])
        by_id = dict(item.reused) | {c.chunk_id: v for c, v in zip(fresh, new_vectors, strict=True)}
        for i, chunk in enumerate(item.chunks):
            vectors[i] = by_id[chunk.chunk_id]
        sentences = [(c.chunk_id, s) for c in item.chunks for s in passage_sentences(c)]
        sentence_vectors = _embed_unique([s.text for _, s in sentences], embedder)
        context_vectors = _context_vectors(chunker.contexts(item.document, item.chunks), item.chunks, vectors, embedder)
        stage.write_document(item.document, item.chunks, vectors, sentences, sentence_vectors, context_vectors)
        manifest.documents[item.document.doc_id] = item.document.content_hash
        report.chunks_embedded += len(fresh)
        done += len(fresh)
        if progress:
            progress(done, total)
    for doc_id in report.removed:
        stage.delete_document(doc_id)
        manifest.documents.pop(doc_id, None)
    for item in pending:
        report.translation_links += link_document(stage, item.document.doc_id, item.document.language)
    stage.save_manifest(manifest)


def _context_vectors(windows: list[str], chunks: list[Chunk], vectors: np.ndarray, embedder: Embedder) -> np.ndarray:
    """Embed the context windows; a window that is just its passage (no neighbours) reuses the passage vector."""
    result = vectors.copy()
    wider = [i for i, (window, chunk) in enumerate(zip(windows, chunks, strict=True)) if window != chunk.text]
    if wider:
        result[wider] = _embed_unique([windows[i] for i in wider], embedder)
    return result


def _embed_unique(texts: list[str], embedder: Embedder) -> np.ndarray:
    """Embed each distinct text once (overlapping chunks share sentences, neighbouring chunks may share a
    context window)."""
    unique = list(dict.fromkeys(texts))
    if not unique:
        return np.zeros((0, embedder.dimension), dtype=np.float32)
    vectors = embedder.embed_documents(unique)
    row = {text: i for i, text in enumerate(unique)}
    return np.asarray([vectors[row[t]] for t in texts], dtype=np.float32)
