from pathlib import Path
from typing import Any

import pytest

from assistant.retrieval import RetrievalParams, Retriever
from assistant.store import IndexMismatch
from assistant.testing import HashEmbedder

DOCS = {
    "a.txt": "Jonava\n\nJonava was the first Baltic city to join the Intercultural Cities programme.",
    "b.txt": "Riga\n\nRiga was the first Baltic capital in the programme. Riga is in Latvia.",
    "c.md": "---\ntitle: Jobs\nlanguage: en\n---\nJobs\n\nHaving a job is an important step for refugees.",
}


def write(corpus: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (corpus / name).write_text(text, encoding="utf-8")


def test_second_ingest_embeds_nothing(fake_assistant: Any) -> None:
    write(fake_assistant.settings.corpus_dir, DOCS)
    first = fake_assistant.index()
    assert sorted(first.added) == sorted(DOCS) and first.chunks_embedded == first.chunks_total > 0
    embedded = fake_assistant.embedder.embedded
    second = fake_assistant.index()
    assert second.chunks_embedded == 0 and sorted(second.unchanged) == sorted(DOCS)
    assert fake_assistant.embedder.embedded == embedded
    assert second.chunks_total == first.chunks_total


def test_changed_and_deleted_documents(fake_assistant: Any) -> None:
    corpus = fake_assistant.settings.corpus_dir
    write(corpus, DOCS)
    first = fake_assistant.index()
    write(corpus, {"a.txt": DOCS["a.txt"] + "\n\nNew\n\nA new paragraph about Jonava and refugees."})
    (corpus / "b.txt").unlink()
    report = fake_assistant.index()
    assert report.updated == ["a.txt"] and report.removed == ["b.txt"] and sorted(report.unchanged) == ["c.md"]
    assert report.chunks_embedded == 1  # the unchanged chunk of a.txt kept its vector
    sources = {row["source"] for row in fake_assistant.documents()}
    assert sources == {"a.txt", "c.md"}
    assert report.chunks_total == first.chunks_total  # one chunk gone with b.txt, one added to a.txt


def test_every_passage_has_a_context_vector_that_follows_its_document(fake_assistant: Any) -> None:
    corpus = fake_assistant.settings.corpus_dir
    write(corpus, DOCS)
    fake_assistant.index()
    store = fake_assistant.store
    ids = [hit.chunk_id for hit in store.all_passages()]
    assert set(store.context_vectors(ids)) == set(ids)
    (corpus / "b.txt").unlink()
    fake_assistant.index()  # a new version: unchanged documents keep their context vectors
    kept = [hit.chunk_id for hit in store.all_passages()]
    assert set(store.context_vectors(ids)) == set(kept) and len(kept) < len(ids)


def test_repeated_ingests_never_duplicate(fake_assistant: Any) -> None:
    write(fake_assistant.settings.corpus_dir, DOCS)
    counts = {fake_assistant.index().chunks_total for _ in range(3)}
    counts.add(fake_assistant.index(rebuild=True).chunks_total)
    assert len(counts) == 1


def test_manifest_records_how_the_index_was_built(fake_assistant: Any) -> None:
    write(fake_assistant.settings.corpus_dir, DOCS)
    fake_assistant.index()
    manifest = fake_assistant.store.manifest()
    assert manifest.embedder == "hash-embedder" and manifest.dimension == 64
    assert manifest.chunking["max_tokens"] == fake_assistant.settings.chunk_tokens
    assert set(manifest.documents) == set(DOCS)


def test_querying_with_another_embedder_fails_clearly(fake_assistant: Any) -> None:
    from assistant.pipeline import Assistant

    write(fake_assistant.settings.corpus_dir, DOCS)
    fake_assistant.index()
    other = Assistant.from_settings(fake_assistant.settings, embedder=HashEmbedder(model_id="other-model"))
    with pytest.raises(IndexMismatch, match="re-index"):
        other.ask("Which city joined first?")
    with pytest.raises(IndexMismatch):
        other.index()


def test_skipped_files_are_reported_and_others_indexed(fake_assistant: Any) -> None:
    corpus = fake_assistant.settings.corpus_dir
    write(corpus, DOCS)
    (corpus / "bad.pdf").write_bytes(b"garbage")
    report = fake_assistant.index()
    assert [s.path for s in report.skipped] == ["bad.pdf"]
    assert sorted(report.added) == sorted(DOCS)


def test_filters_by_language_source_and_tag(fake_assistant: Any) -> None:
    from assistant.types import Filters

    corpus = fake_assistant.settings.corpus_dir
    write(corpus, DOCS)
    (corpus / "metadata.json").write_text('{"b.txt": {"language": "lv", "tags": ["Baltic"]}}', encoding="utf-8")
    fake_assistant.index()
    only_lv = fake_assistant.retriever.search("first city programme", "en", 5, Filters(languages=("lv",)))
    assert {h.doc_id for h in only_lv.hits} == {"b.txt"}
    only_a = fake_assistant.retriever.search("first city programme", "en", 5, Filters(sources=("a.txt",)))
    assert {h.doc_id for h in only_a.hits} == {"a.txt"}
    tagged = fake_assistant.retriever.search("first city programme", "en", 5, Filters(tags=("Baltic",)))
    assert {h.doc_id for h in tagged.hits} == {"b.txt"}


def test_context_window_lifts_a_passage_whose_neighbours_match(fake_assistant: Any) -> None:
    write(
        fake_assistant.settings.corpus_dir,
        {
            "visits.txt": "Study visits\n\nThe study visits to Denmark and Sweden took place in December.\n\n"
            "Meetings\n\nThe delegation also met local caseworkers.",
            "lunch.txt": "Lunch\n\nLocal caseworkers met for lunch in Riga.",
        },
    )
    fake_assistant.index()
    question = "Whom did the delegation on the study visits to Denmark and Sweden meet?"

    def margin(weight: float) -> float:
        retriever = Retriever(fake_assistant.store, fake_assistant.embedder, RetrievalParams(context_weight=weight))
        scores = {h.text: h.score for h in retriever.search(question, "en", 10).hits}
        met = next(s for t, s in scores.items() if "delegation also met" in t)
        return met - next(s for t, s in scores.items() if "lunch" in t)

    assert margin(0.2) > margin(0.0)


def test_a_window_without_neighbours_reuses_the_passage_vector(fake_settings: Any) -> None:
    from assistant.pipeline import Assistant
    from assistant.testing import HashEmbedder

    long = "\n\n".join(f"Part {i}\n\n" + f"Paragraph {i} says something about refugees and work. " * 30 for i in range(3))
    write(fake_settings.corpus_dir, {**DOCS, "long.txt": long})
    embedded = {}
    for context in (1, 0):
        settings = fake_settings.model_copy(
            update={"chunk_context": context, "index_dir": fake_settings.index_dir / str(context)}
        )
        assistant = Assistant.from_settings(settings, embedder=HashEmbedder())
        assistant.index()
        embedded[context] = assistant.embedder.embedded
    assert embedded[0] < embedded[1]  # no windows embedded
    ids = [hit.chunk_id for hit in assistant.store.all_passages()]
    contexts, passages = assistant.store.context_vectors(ids), assistant.store.chunk_vectors(ids)
    assert all((contexts[cid] == passages[cid]).all() for cid in ids)


def test_translation_links_are_counted_once(fake_assistant: Any) -> None:
    write(fake_assistant.settings.corpus_dir, DOCS)
    fake_assistant.index()
    store = fake_assistant.store
    first, second = sorted(h.chunk_id for h in store.all_passages())[:2]
    assert store.add_links([(first, second)]) == 1
    assert store.add_links([(second, first), (first, second)]) == 0  # already linked, from either side
    linked = {h.chunk_id: h.translation_ids for h in store.hits([first, second])}
    assert second in linked[first] and first in linked[second]
