"""Ingest with the real model: ingest time against the raw encode of the same passages, the cost of adding
one page to an index, and the time from uploading a 30-page document to its first answer."""

from __future__ import annotations

import json
import logging
import shutil
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
EVAL_DOCUMENTS = ROOT / "eval" / "corpus" / "documents"
WORDS_PER_PAGE = 500
logger = logging.getLogger("bench")


def raw_encode(assistant: Any, documents: list[Any]) -> tuple[float, int, int]:
    """Seconds to encode the documents' passages (with their context, as ingest does) and nothing else;
    the number of passages and of quotable units."""
    chunks = [c for d in documents for c in assistant.chunker.split(d)]
    assistant.embedder.embed_documents(["warm up"], ["warm up"])
    clock = time.perf_counter()
    assistant.embedder.embed_documents([c.text for c in chunks], [c.context for c in chunks])
    return time.perf_counter() - clock, len(chunks), sum(len(c.units) for c in chunks)


def chapters(limit_words: int) -> list[tuple[str, str]]:
    """(title, text) of the dev corpus documents, in name order, up to ``limit_words`` words."""
    from assistant.ingest.loaders import load_file

    result, words = [], 0
    for path in sorted(p for p in EVAL_DOCUMENTS.iterdir() if p.is_file() and p.suffix != ".json"):
        text = load_file(path).text.strip()
        result.append((path.stem, text))
        words += len(text.split())
        if words >= limit_words:
            break
    return result


def write_docx(path: Path, parts: list[tuple[str, str]]) -> int:
    """A Word report with a heading per chapter; returns its word count."""
    import docx

    document = docx.Document()
    document.add_heading("Integration programmes in the Nordic and Baltic countries: collected guides", 0)
    for title, text in parts:
        document.add_heading(title, 1)
        for paragraph in text.split("\n"):
            if paragraph.strip():
                document.add_paragraph(paragraph.strip())
    document.save(str(path))
    return sum(len(text.split()) for _, text in parts)


def question_about(parts: list[tuple[str, str]]) -> dict[str, Any]:
    """A dev gold question whose evidence lies in one of the chapters (to check the upload is answerable)."""
    names = {title for title, _ in parts}
    for line in (ROOT / "eval" / "corpus" / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        if item["answerable"] and item["lang"] == "en" and any(Path(d).stem in names for d in item["documents"]):
            return dict(item)
    raise RuntimeError("no gold question about the chosen chapters")


def ingest_benchmark(scratch: Path) -> dict[str, Any]:
    from assistant.app.uploads import store_upload
    from assistant.config import Settings
    from assistant.ingest.corpus import scan_corpus
    from assistant.pipeline import Assistant

    corpus = scratch / "corpus"
    shutil.copytree(ROOT / "corpus", corpus)
    settings = Settings(corpus_dir=corpus, index_dir=scratch / "index", uploads=corpus / "uploads")
    assistant = Assistant.from_settings(settings)
    seeds = scan_corpus(corpus).documents
    raw_s, passages, units = raw_encode(assistant, seeds)
    clock = time.perf_counter()
    report = assistant.index()
    ingest_s = time.perf_counter() - clock
    clock = time.perf_counter()
    assistant.index()
    unchanged_s = time.perf_counter() - clock
    result: dict[str, Any] = {
        "seed_passages": passages,
        "seed_units": units,
        "seed_raw_encode_s": raw_s,
        "seed_ingest_s": ingest_s,
        "seed_throughput_vs_raw": raw_s / ingest_s,
        "seed_passages_embedded": report.chunks_embedded,
        "unchanged_reingest_s": unchanged_s,
    }
    # One page added to the seed index.
    page_parts = chapters(WORDS_PER_PAGE)[:1]
    page_text = " ".join(page_parts[0][1].split()[:WORDS_PER_PAGE])
    page = scratch / "one-page.md"
    page.write_text(f"# One page\n\n{page_text}\n", encoding="utf-8")
    page_raw_s, page_passages, _ = raw_encode(assistant, [d for d in scan_corpus(scratch).documents if d.doc_id == "one-page.md"])
    store_upload(page, page.name, settings.uploads_dir)
    clock = time.perf_counter()
    assistant.index()
    result.update(
        page_words=len(page_text.split()),
        page_passages=page_passages,
        page_raw_encode_s=page_raw_s,
        page_add_s=time.perf_counter() - clock,
    )
    result["page_add_vs_raw"] = result["page_add_s"] / page_raw_s
    # A 30-page upload, to its first answer.
    parts = chapters(30 * WORDS_PER_PAGE)
    report_path = scratch / "collected-guides.docx"
    words = write_docx(report_path, parts)
    item = question_about(parts)
    upload_docs = scan_corpus(scratch).documents
    big_raw_s, big_passages, big_units = raw_encode(assistant, [d for d in upload_docs if d.doc_id == report_path.name])
    clock = time.perf_counter()
    stored = store_upload(report_path, report_path.name, settings.uploads_dir)
    report = assistant.index()
    upload_ingest_s = time.perf_counter() - clock
    answer = assistant.ask(item["question"])
    upload_to_answer_s = time.perf_counter() - clock
    doc_id = stored.relative_to(corpus).as_posix()
    result.update(
        upload_words=words,
        upload_pages=round(words / WORDS_PER_PAGE, 1),
        upload_passages=big_passages,
        upload_units=big_units,
        upload_raw_encode_s=big_raw_s,
        upload_ingest_s=upload_ingest_s,
        upload_throughput_vs_raw=big_raw_s / upload_ingest_s,
        upload_to_first_answer_s=upload_to_answer_s,
        upload_question=item["question"],
        upload_answered_from_upload=bool(not answer.abstained and answer.passages and answer.passages[0].doc_id == doc_id),
    )
    logger.info("ingest: %s", {k: v for k, v in result.items() if isinstance(v, float | int)})
    return result
