"""The gold set itself: format, coverage, and evidence that really occurs in the corpus."""

import json
from collections import Counter
from pathlib import Path

from assistant.evaluation.gold import GoldItem, load_gold
from assistant.evaluation.metrics import normalise
from assistant.languages.detection import SUPPORTED
from tests.conftest import CORPUS, ROOT

GOLD = ROOT / "eval" / "gold.jsonl"
PROBES = ROOT / "eval" / "probes.jsonl"


def items() -> list[GoldItem]:
    return load_gold([GOLD])


def test_every_line_has_the_documented_fields() -> None:
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        raw = json.loads(line)
        assert {"id", "question", "lang", "answerable", "evidence", "answer_keywords", "answer"} <= set(raw)
        assert raw["split"] in ("dev", "test")
    ids = [i.id for i in items()]
    assert len(ids) == len(set(ids))


def test_evidence_quotes_occur_in_the_corpus() -> None:
    corpus = normalise("\n".join(p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))))
    for item in items():
        assert item.answerable == bool(item.evidence), item.id
        for quote in item.evidence:
            assert normalise(quote) in corpus, (item.id, quote)
        if item.answerable:
            assert item.answer_keywords and all(group for group in item.answer_keywords), item.id


def test_probe_items_are_a_split_of_their_own_with_real_evidence() -> None:
    corpus = normalise("\n".join(p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))))
    probes = load_gold([PROBES])
    assert {i.split for i in probes} == {"probe"}
    assert not {i.id for i in probes} & {i.id for i in items()}
    assert sum(1 for i in probes if not i.answerable) >= 20
    for item in probes:
        assert item.answerable == bool(item.evidence) and item.lang in SUPPORTED, item.id
        assert all(normalise(quote) in corpus for quote in item.evidence), item.id


def test_coverage() -> None:
    gold = items()
    assert len(gold) >= 100
    per_language = Counter(i.lang for i in gold)
    assert set(per_language) <= set(SUPPORTED)
    assert sum(1 for n in per_language.values() if n >= 4) >= 14
    assert sum(1 for i in gold if not i.answerable) >= 12
    assert any(i.multi_document for i in gold)
    splits = Counter(i.split for i in gold)
    assert splits["dev"] >= 40 and splits["test"] >= 40


def test_any_gold_file_in_the_format_loads(tmp_path: Path) -> None:
    other = tmp_path / "mine.jsonl"
    other.write_text(
        json.dumps(
            {"id": "x1", "question": "Q?", "lang": "en", "answerable": False, "evidence": [], "answer_keywords": [], "answer": ""}
        )
        + "\n\n",
        encoding="utf-8",
    )
    loaded = load_gold([other])
    assert loaded[0].id == "x1" and loaded[0].split == "" and loaded[0].history == ()
    follow_up = {"id": "x2", "question": "And when?", "answerable": False, "history": ["What is FOR-IN?"]}
    other.write_text(json.dumps(follow_up) + "\n", encoding="utf-8")
    assert load_gold([other])[0].history == ("What is FOR-IN?",)
