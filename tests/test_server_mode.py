"""A Chroma server that goes down and comes back: clear errors naming the URL, then recovery."""

from pathlib import Path
from typing import Any

import pytest

from assistant.app import cli
from assistant.app.chat import App, Session, index_banner
from assistant.app.feedback import FeedbackStore
from assistant.config import Settings
from assistant.index.chroma import StoreUnavailable
from assistant.pipeline import Assistant
from assistant.testing import ChromaServer, HashEmbedder

pytestmark = pytest.mark.server


def one_page_corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Jonava\n\nJonava was the first Baltic city to join the programme.", encoding="utf-8")
    return corpus


def test_server_down_and_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    server = ChromaServer(tmp_path / "data")
    server.start()
    try:
        corpus = one_page_corpus(tmp_path)
        settings = Settings(corpus_dir=corpus, index_dir=tmp_path / "unused", chroma_url=server.url)
        assistant = Assistant.from_settings(settings, embedder=HashEmbedder())
        assistant.index()
        assert not (tmp_path / "unused").exists()  # nothing written locally in server mode
        before = assistant.ask("Which city joined first?", lang="en").to_json()
        assert before["passages"]

        server.stop()
        with pytest.raises(StoreUnavailable, match=server.url):
            assistant.ask("Which city joined first?", lang="en")
        with pytest.raises(StoreUnavailable, match=server.url):
            assistant.index()
        monkeypatch.setattr(cli, "make_assistant", lambda: assistant)
        assert cli.main(["ask", "Which city joined first?"]) == 1
        assert server.url in capsys.readouterr().err
        loads: list[str] = []
        monkeypatch.setattr("assistant.app.progress.load_with_spinner", lambda *a, **k: loads.append("model"))
        assert cli.main(["ingest", "--corpus", str(corpus)]) == 1  # said before the model is loaded
        assert server.url in capsys.readouterr().err and loads == []
        app = App(assistant, FeedbackStore(tmp_path / "fb.sqlite3"))
        chat, _, _, box = list(app.respond("Which city joined first?", [], Session(), "en"))[-1]
        assert server.url in chat[-1]["content"] and box == "Which city joined first?"  # the question is kept
        assert server.url in index_banner(assistant)
        assert app.ask_json("Which city joined first?")["error"] == "store_unavailable"

        server.start()
        after = assistant.ask("Which city joined first?", lang="en").to_json()
        assert after["answer"] == before["answer"]
        assert [p["chunk_id"] for p in after["passages"]] == [p["chunk_id"] for p in before["passages"]]
        assert index_banner(assistant) == ""
    finally:
        server.stop()


def test_app_starts_while_the_server_is_down(tmp_path: Path) -> None:
    server = ChromaServer(tmp_path / "data")  # never started
    settings = Settings(corpus_dir=tmp_path, index_dir=tmp_path / "i", chroma_url=server.url)
    assistant = Assistant.from_settings(settings, embedder=HashEmbedder())
    assert server.url in index_banner(assistant)
    with pytest.raises(StoreUnavailable, match="not reachable"):
        assistant.ask("Which city?")


def test_embedded_and_server_indexes_hold_the_same_passages(seed_assistant: Any, server_assistant: Any) -> None:
    def passages(assistant: Any) -> set[tuple[str, str]]:
        manifest = assistant.store.active()
        return {(p.hit.chunk_id, p.hit.doc_id) for doc in manifest.documents for p in assistant.store.document_passages(doc)}

    assert passages(seed_assistant) == passages(server_assistant)
    assert server_assistant.store.active().revisions() == seed_assistant.store.active().revisions()


def test_a_second_app_instance_sees_another_instances_ingest(tmp_path: Path) -> None:
    """Two app instances share one Chroma server: one ingests, the other answers from the new version."""
    server = ChromaServer(tmp_path / "data")
    server.start()
    try:
        corpus = one_page_corpus(tmp_path)
        first = Assistant.from_settings(
            Settings(corpus_dir=corpus, index_dir=tmp_path / "one", chroma_url=server.url), embedder=HashEmbedder()
        )
        second = Assistant.from_settings(
            Settings(corpus_dir=corpus, index_dir=tmp_path / "two", chroma_url=server.url), embedder=HashEmbedder()
        )
        first.index()
        assert second.ask("Jonava first city", lang="en").passages
        (corpus / "b.txt").write_text("Tartu\n\nTartu opened a welcome centre for newcomers in 2026.", encoding="utf-8")
        first.index()
        import time

        time.sleep(1.1)  # readers trust their view of the pointer for up to a second
        hits = second.ask("Tartu welcome centre", lang="en").passages
        assert any("Tartu" in h.text for h in hits)
    finally:
        server.stop()
