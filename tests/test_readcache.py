from pathlib import Path
from typing import Any

from assistant.readcache import ReadCache


def test_lookup_returns_hits_and_misses_in_order_and_evicts_the_oldest() -> None:
    cache = ReadCache(entries=2)
    cache.remember("v1", "vector", {"a": 1, "b": 2})
    assert cache.lookup("v1", "vector", ["b", "x", "a"]) == ({"b": 2, "a": 1}, ["x"])
    assert cache.lookup("v2", "vector", ["a"]) == ({}, ["a"])  # another index version
    cache.lookup("v1", "vector", ["a"])  # a is now the most recent
    cache.remember("v1", "vector", {"c": 3})
    assert cache.lookup("v1", "vector", ["a", "b", "c"]) == ({"a": 1, "c": 3}, ["b"])
    cache.clear()
    assert cache.lookup("v1", "vector", ["a"]) == ({}, ["a"])


def test_answers_follow_a_changed_document_after_reingest(fake_assistant: Any) -> None:
    """Cached reads belong to one index version: a re-ingest's new version is read afresh."""
    corpus: Path = fake_assistant.settings.corpus_dir
    (corpus / "a.txt").write_text("Jonava\n\nJonava was the first Baltic city to join the programme.", encoding="utf-8")
    fake_assistant.index()
    question = "Which Baltic city was the first to join the programme?"
    assert "Jonava" in fake_assistant.ask(question, lang="en").passages[0].text
    assert fake_assistant.ask(question, lang="en").passages[0].text == fake_assistant.ask(question, lang="en").passages[0].text
    (corpus / "a.txt").write_text("Kaunas\n\nKaunas was the first Baltic city to join the programme.", encoding="utf-8")
    fake_assistant.index()
    texts = [p.text for p in fake_assistant.ask(question, lang="en").passages]
    assert any("Kaunas" in t for t in texts) and not any("Jonava" in t for t in texts)
