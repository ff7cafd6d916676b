"""Incremental ingest into versions that share unchanged documents' records; guards; rollback."""

from pathlib import Path
from typing import Any

import pytest

from assistant.index.chroma import IndexMismatch
from assistant.index.versions import NothingToRollBack, rollback, status
from assistant.ingest.indexing import CorpusError, PruneRefused
from assistant.testing import HashEmbedder

DOCS = {
    "a.txt": "Jonava\n\nJonava was the first Baltic city to join the Intercultural Cities programme.",
    "b.txt": "Riga\n\nRiga was the first Baltic capital in the programme. Riga is in Latvia.",
    "c.md": "---\ntitle: Jobs\nlanguage: en\ndate: 2026-01-15\n---\n# Jobs\n\nHaving a job is an important step for refugees.",
}


def write(corpus: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (corpus / name).write_text(text, encoding="utf-8")


def answers(assistant: Any) -> list[Any]:
    return [assistant.ask(q, lang="en").to_json()["passages"] for q in ("first Baltic city", "Riga capital", "job refugees")]


def test_second_ingest_embeds_nothing(fake_assistant: Any) -> None:
    write(fake_assistant.settings.corpus_dir, DOCS)
    first = fake_assistant.index()
    assert sorted(first.added) == sorted(DOCS) and first.chunks_embedded == first.chunks_total > 0
    embedded = fake_assistant.embedder.embedded
    second = fake_assistant.index()
    assert second.chunks_embedded == 0 and sorted(second.unchanged) == sorted(DOCS)
    assert fake_assistant.embedder.embedded == embedded
    assert second.chunks_total == first.chunks_total


def test_a_change_costs_the_changed_document_only(fake_assistant: Any) -> None:
    corpus = fake_assistant.settings.corpus_dir
    write(corpus, DOCS)
    fake_assistant.index()
    embedded = fake_assistant.embedder.embedded
    write(corpus, {"b.txt": DOCS["b.txt"] + "\n\nNews\n\nRiga opened a welcome centre in 2026."})
    report = fake_assistant.index()
    assert report.updated == ["b.txt"] and sorted(report.unchanged) == ["a.txt", "c.md"]
    # Only b.txt's new passage (it merges the short sections) and its units were embedded.
    new = [p for p in fake_assistant.store.document_passages("b.txt")]
    assert report.chunks_embedded == 1 and fake_assistant.embedder.embedded - embedded == 1 + len(new[0].hit.units)
    hits = fake_assistant.ask("welcome centre Riga", lang="en").passages
    assert any("welcome centre" in h.text for h in hits)


def test_changed_and_deleted_documents_and_old_revisions_cleaned(fake_assistant: Any) -> None:
    corpus = fake_assistant.settings.corpus_dir
    write(corpus, DOCS)
    fake_assistant.index()
    write(corpus, {"a.txt": DOCS["a.txt"] + "\n\nNew\n\nA new paragraph about Jonava and refugees."})
    (corpus / "b.txt").unlink()
    report = fake_assistant.index()
    assert report.updated == ["a.txt"] and report.removed == ["b.txt"] and report.unchanged == ["c.md"]
    assert {row["source"] for row in fake_assistant.documents()} == {"a.txt", "c.md"}
    write(corpus, {"c.md": DOCS["c.md"] + "\n\nMore about jobs."})
    fake_assistant.index()  # the version before the last one drops out: its records are deleted
    store = fake_assistant.store
    revisions = {m["revision"] for m in store.passages.get(include=["metadatas"])["metadatas"]}
    pointer = store.pointer()
    kept = {e.revision for v in pointer.values() for e in store.manifest(v).documents.values()}
    assert revisions <= kept
    assert len(store.version_ids()) == 2


def test_missing_or_empty_folder_is_refused_and_the_index_answers_as_before(fake_assistant: Any, tmp_path: Path) -> None:
    write(fake_assistant.settings.corpus_dir, DOCS)
    fake_assistant.index()
    before = answers(fake_assistant)
    with pytest.raises(CorpusError, match="does not exist"):
        fake_assistant.index(tmp_path / "nonexistent")
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(CorpusError, match="no document in"):
        fake_assistant.index(empty)
    (empty / "broken.pdf").write_bytes(b"%PDF broken")
    with pytest.raises(CorpusError, match="could not be read"):
        fake_assistant.index(empty)
    a_file = tmp_path / "file.txt"
    a_file.write_text("x", encoding="utf-8")
    with pytest.raises(CorpusError, match="not a folder"):
        fake_assistant.index(a_file)
    assert answers(fake_assistant) == before


def test_removing_most_documents_needs_prune(fake_assistant: Any, tmp_path: Path) -> None:
    write(fake_assistant.settings.corpus_dir, DOCS)
    fake_assistant.index()
    before = answers(fake_assistant)
    other = tmp_path / "other"
    other.mkdir()
    (other / "one.txt").write_text("Only one document about Tartu.", encoding="utf-8")
    with pytest.raises(PruneRefused, match="--prune"):
        fake_assistant.index(other)
    assert answers(fake_assistant) == before
    report = fake_assistant.index(other, prune=True)
    assert sorted(report.removed) == sorted(DOCS) and report.added == ["one.txt"]


def test_rollback_returns_to_the_previous_version_in_one_step(fake_assistant: Any) -> None:
    corpus = fake_assistant.settings.corpus_dir
    write(corpus, DOCS)
    fake_assistant.index()
    with pytest.raises(NothingToRollBack):
        rollback(fake_assistant.store)
    before = answers(fake_assistant)
    first = status(fake_assistant.store)
    write(corpus, {"a.txt": "Jonava\n\nA completely different text about Alytus."})
    fake_assistant.index()
    assert answers(fake_assistant) != before
    back = rollback(fake_assistant.store)
    assert first is not None and back.version == first.version and back.documents == 3
    assert answers(fake_assistant) == before
    assert rollback(fake_assistant.store).version != first.version  # a second rollback undoes the first


def test_status_names_version_model_and_counts(fake_assistant: Any) -> None:
    assert status(fake_assistant.store) is None
    write(fake_assistant.settings.corpus_dir, DOCS)
    fake_assistant.index()
    current = status(fake_assistant.store)
    assert current is not None and current.documents == 3 and current.embedder == "hash-embedder"
    assert current.passages == fake_assistant.store.count() and current.built_at
    assert "previous" in " ".join(current.lines())


def test_another_embedder_is_refused(fake_assistant: Any) -> None:
    write(fake_assistant.settings.corpus_dir, DOCS)
    fake_assistant.index()
    from assistant.pipeline import Assistant

    other = Assistant.from_settings(fake_assistant.settings, embedder=HashEmbedder(model_id="another"))
    with pytest.raises(IndexMismatch, match="--rebuild"):
        other.ask("Jonava?")
    report = other.index(rebuild=True)
    assert report.chunks_embedded == report.chunks_total > 0


def test_unreadable_file_keeps_its_last_good_revision(fake_assistant: Any) -> None:
    corpus = fake_assistant.settings.corpus_dir
    write(corpus, DOCS)
    fake_assistant.index()
    (corpus / "a.txt").write_bytes(b"\x00\x01 binary now")
    report = fake_assistant.index()
    assert [s.path for s in report.skipped] == ["a.txt"] and report.removed == []
    assert "last readable version is still answered from" in report.skipped[0].reason  # the report says so
    assert any("Jonava" in h.text for h in fake_assistant.ask("Jonava first Baltic city", lang="en").passages)


def test_unit_vectors_are_stored_as_int8_and_older_float16_ones_still_read() -> None:
    import base64

    import numpy as np

    from assistant.index.store import decode_vectors, encode_vectors

    rng = np.random.default_rng(3)
    vectors = rng.standard_normal((12, 64)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    query = vectors[0] + 0.5 * vectors[1]
    decoded = decode_vectors(encode_vectors(vectors), 64)
    assert decoded.shape == vectors.shape
    assert np.abs(decoded @ query - vectors @ query).max() < 0.01
    assert len(encode_vectors(vectors)) < len(base64.b64encode(vectors.astype(np.float16).tobytes()))
    legacy = base64.b64encode(vectors.astype(np.float16).tobytes()).decode("ascii")
    assert np.allclose(decode_vectors(legacy, 64), vectors, atol=1e-3)
    assert decode_vectors(encode_vectors(vectors[:0]), 64).shape == (0, 64)


def test_an_unchanged_file_is_not_read_again(fake_assistant: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from assistant.ingest import corpus

    write(fake_assistant.settings.corpus_dir, DOCS)
    fake_assistant.index()
    read: list[str] = []
    original = corpus.load_file

    def counting(path: Path) -> Any:
        read.append(path.name)
        return original(path)

    monkeypatch.setattr(corpus, "load_file", counting)
    (fake_assistant.settings.corpus_dir / "b.txt").write_text("Riga\n\nRiga is the capital of Latvia.", encoding="utf-8")
    report = fake_assistant.index()
    assert read == ["b.txt"]
    assert report.updated == ["b.txt"] and sorted(report.unchanged) == ["a.txt", "c.md"]


def test_lines_in_capitals_are_embedded_in_capitalised_words_and_shown_as_written(fake_assistant: Any) -> None:
    seen: list[str] = []
    embedder = fake_assistant.embedder
    original = embedder.embed_documents

    def recording(texts: Any, titles: Any = None) -> Any:
        seen.extend([*texts, *(titles or [])])
        return original(texts, titles)

    embedder.embed_documents = recording
    page = "TÕLKETEENUS UUSSISSERÄNDAJATELE PÄRNUS\n\nTõlketeenus on tasuta.\n\nHINNAKIRI\n\nSuuline tõlge maksab 35 € tunnis."
    write(fake_assistant.settings.corpus_dir, {"tolk.txt": page})
    fake_assistant.index()
    assert any("Tõlketeenus Uussisserändajatele Pärnus" in text for text in seen)
    assert not any("UUSSISSERÄNDAJATELE" in text for text in seen)
    hit = fake_assistant.retriever.search("tõlge hind", "et").hits[0]
    assert hit.title == "TÕLKETEENUS UUSSISSERÄNDAJATELE PÄRNUS"  # the source's own words are shown
