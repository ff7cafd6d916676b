"""The development corpus and its gold set (eval/corpus): size, languages, formats, split by document, and
evidence that really occurs in the documents as the product reads them."""

from collections import Counter
from pathlib import Path

import pytest

from assistant.evaluation.gold import GoldItem, load_gold
from assistant.evaluation.metrics import without_list_markers
from assistant.ingest.corpus import scan_corpus
from assistant.languages.detection import SUPPORTED

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = ROOT / "eval" / "corpus" / "documents"
GOLD = ROOT / "eval" / "corpus" / "gold.jsonl"
FOLLOW_UPS = ROOT / "eval" / "corpus" / "followups.jsonl"
UNANSWERABLE = ROOT / "eval" / "corpus" / "unanswerable.jsonl"


@pytest.fixture(scope="module")
def items() -> list[GoldItem]:
    return load_gold([GOLD])


@pytest.fixture(scope="module")
def follow_ups() -> list[GoldItem]:
    return load_gold([FOLLOW_UPS])


@pytest.fixture(scope="module")
def open_unanswerable() -> list[GoldItem]:
    return load_gold([UNANSWERABLE])


@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    return {d.doc_id: without_list_markers(d.text) for d in scan_corpus(DOCUMENTS).documents}


def test_the_corpus_looks_like_the_real_thing(texts: dict[str, str]) -> None:
    new = [doc for doc in texts if not doc.startswith("seeds/")]
    assert len(new) >= 40
    assert {Path(doc).suffix for doc in new} == {".md", ".html", ".txt", ".docx", ".pdf"}
    languages = {d.language for d in scan_corpus(DOCUMENTS).documents if not d.doc_id.startswith("seeds/")}
    assert len(languages) >= 8


def test_the_gold_set_covers_every_language_and_both_kinds(items: list[GoldItem]) -> None:
    assert len(items) >= 250
    per_language = Counter(item.lang for item in items)
    assert set(per_language) == set(SUPPORTED) and min(per_language.values()) >= 8
    assert sum(not item.answerable for item in items) >= 40
    assert sum(item.multi_document for item in items) >= 10
    assert len({item.id for item in items}) == len(items)


def test_split_by_document(items: list[GoldItem], follow_ups: list[GoldItem], open_unanswerable: list[GoldItem]) -> None:
    split_of: dict[str, set[str]] = {}
    for item in items + follow_ups + open_unanswerable:
        for doc in item.documents[:1]:  # the document a question was written about decides its split
            split_of.setdefault(doc, set()).add(item.split)
    assert all(len(splits) == 1 for splits in split_of.values())
    assert {s for splits in split_of.values() for s in splits} == {"dev", "test"}


def test_evidence_occurs_in_its_documents(items: list[GoldItem], follow_ups: list[GoldItem], texts: dict[str, str]) -> None:
    for item in items + follow_ups:
        assert item.answerable == bool(item.evidence) == bool(item.answer_keywords), item.id
        for quote in item.evidence:
            assert any(without_list_markers(quote) in texts[doc] for doc in item.documents), (item.id, quote)


def test_follow_ups_lean_on_the_question_before(follow_ups: list[GoldItem], items: list[GoldItem]) -> None:
    from assistant.retrieve.questions import MAX_OPEN_FOLLOW_UP_WORDS, is_follow_up, may_follow_up

    assert len(follow_ups) >= 60 and set(Counter(i.lang for i in follow_ups)) == set(SUPPORTED)
    assert sum(not i.answerable for i in follow_ups) >= 10
    assert not {i.id for i in follow_ups} & {i.id for i in items}
    for item in follow_ups:
        assert len(item.history) == 1, item.id
        assert is_follow_up(item.question) or may_follow_up(list(item.history), item.question), item.id
    assert max(len(i.question.split()) for i in follow_ups) <= MAX_OPEN_FOLLOW_UP_WORDS


def test_open_unanswerable_questions(open_unanswerable: list[GoldItem], items: list[GoldItem], texts: dict[str, str]) -> None:
    assert all(not i.answerable and not i.evidence and not i.answer_keywords for i in open_unanswerable)
    per_language = Counter(i.lang for i in open_unanswerable)
    assert set(per_language) == set(SUPPORTED) and min(per_language.values()) >= 4
    assert not {i.id for i in open_unanswerable} & {i.id for i in items}
    assert all(doc in texts for i in open_unanswerable for doc in i.documents)


@pytest.mark.parametrize(("folder", "documents", "questions"), [("holdout", 12, 85), ("holdout2", 14, 110)])
def test_the_holdout_sets_are_whole_and_their_evidence_occurs(folder: str, documents: int, questions: int) -> None:
    holdout = ROOT / "eval" / folder
    items = load_gold([holdout / "gold.jsonl"])
    texts = {d.doc_id: without_list_markers(d.text) for d in scan_corpus(holdout / "documents").documents}
    assert len(texts) >= documents and len(items) >= questions
    assert set(Counter(i.lang for i in items)) == set(SUPPORTED) and all(i.split == "test" for i in items)
    assert sum(not i.answerable for i in items) >= 15
    for item in items:
        assert item.answerable == bool(item.evidence), item.id
        assert all(doc in texts for doc in item.documents), item.id
        for quote in item.evidence:
            assert any(without_list_markers(quote) in texts[doc] for doc in item.documents), (item.id, quote)
