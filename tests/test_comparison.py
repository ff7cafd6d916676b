"""Comparing an evaluation run with an earlier one (``assistant eval --compare``)."""

from dataclasses import asdict
from pathlib import Path
from typing import Any

from assistant.evaluation.comparison import compare, load_run, render
from assistant.evaluation.gold import GoldItem
from assistant.evaluation.report import write_outputs
from assistant.evaluation.scoring import aggregate, per_language, score_item

JONAVA = GoldItem("en-1", "Which city was first?", "en", True, ("Jonava was first",), (("jonava",),))
RIGA = GoldItem("lv-1", "Kura galvaspilsēta?", "lv", True, ("Riga was first",), (("riga",),))
BUDGET = GoldItem("en-2", "What is the budget?", "en", False)


def result(item: GoldItem, passages: list[str], abstained: bool = False) -> dict[str, Any]:
    cited = [] if abstained else passages[:1]
    return {
        "language": item.lang,
        "abstained": abstained,
        "answer": "" if abstained else f"{passages[0]} [1]",
        "confidence": 0.5,
        "passages": [{"text": t} for t in passages],
        "citations": [{"text": t, "quote": t} for t in cited],
        "timings_ms": {"total": 10.0},
    }


def run(folder: Path, outcomes: dict[GoldItem, dict[str, Any]], earlier: dict[str, Any] | None = None) -> dict[str, Any]:
    """Score, aggregate and write a run the way ``assistant eval`` does; returns its report."""
    scores = [score_item(item, res, k=5) for item, res in outcomes.items()]
    results = [{"gold": asdict(i), "result": r, "score": asdict(s)} for (i, r), s in zip(outcomes.items(), scores, strict=True)]
    report = {"overall": aggregate(scores), "per_language": per_language(scores)}
    comparison = compare(earlier, report, results) if earlier is not None else None
    write_outputs(folder, results, scores, {**report, **SETTINGS}, comparison)
    return {"report": report, "results": results, "comparison": comparison}


SETTINGS = {
    "abstention_curve": [],
    "settings": {"k": 5, "embed_model": "m", "generator": "extractive", "gold": ["g"], "split": "dev"},
}


def test_a_run_against_itself_changes_nothing(tmp_path: Path) -> None:
    outcomes = {
        JONAVA: result(JONAVA, ["Jonava was first."]),
        RIGA: result(RIGA, ["x", "Riga was first."]),
        BUDGET: result(BUDGET, ["x"], abstained=True),
    }
    run(tmp_path / "a", outcomes)
    earlier = load_run(tmp_path / "a")
    assert earlier is not None
    second = run(tmp_path / "b", outcomes, earlier)
    comparison = second["comparison"]
    assert comparison["items_compared"] == 3
    assert not comparison["overall"] and not comparison["per_language"] and not comparison["items"]
    assert "Nothing changed (3 items compared)" in (tmp_path / "b" / "report.md").read_text(encoding="utf-8")


def test_what_moved_is_reported_overall_per_language_and_per_item(tmp_path: Path) -> None:
    before = {
        JONAVA: result(JONAVA, ["Jonava was first."]),
        RIGA: result(RIGA, ["x", "Riga was first."]),
        BUDGET: result(BUDGET, ["x"]),  # answered an unanswerable question
    }
    after = {
        JONAVA: result(JONAVA, ["Jonava was first."]),
        RIGA: result(RIGA, ["Riga was first.", "x"]),  # the right passage now comes first
        BUDGET: result(BUDGET, ["x"], abstained=True),
    }
    run(tmp_path / "a", before)
    earlier = load_run(tmp_path / "a")
    assert earlier is not None
    comparison = run(tmp_path / "b", after, earlier)["comparison"]
    assert comparison["overall"]["hit@1"] == [0.5, 1.0]
    assert comparison["overall"]["abstention_unanswerable"] == [0.0, 1.0]
    assert set(comparison["per_language"]) == {"en", "lv"}  # both languages moved, each on its own metric
    assert "hit@5" not in comparison["overall"]
    changed = {item["id"]: item["changed"] for item in comparison["items"]}
    assert set(changed) == {"lv-1", "en-2"}
    assert changed["lv-1"]["hit1"] == [0.0, 1.0] and changed["en-2"]["abstained"] == [False, True]
    text = "\n".join(render(comparison))
    assert "| hit@1 | 0.500 → 1.000 (+0.500) |" in text
    assert "`lv-1` (lv): hit1 0.0 → 1.0, mrr10 0.5 → 1.0" in text
    assert (tmp_path / "b" / "comparison.json").exists()


def test_a_later_run_without_compare_leaves_no_stale_comparison(tmp_path: Path) -> None:
    outcomes = {JONAVA: result(JONAVA, ["Jonava was first."])}
    run(tmp_path / "a", outcomes)
    earlier = load_run(tmp_path / "a")
    assert earlier is not None
    run(tmp_path / "a", outcomes, earlier)
    assert (tmp_path / "a" / "comparison.json").exists()
    run(tmp_path / "a", outcomes)
    assert not (tmp_path / "a" / "comparison.json").exists()


def test_an_unreadable_earlier_run_is_a_warning_not_a_crash(tmp_path: Path) -> None:
    assert load_run(tmp_path / "missing") is None
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "metrics.json").write_text("{not json", encoding="utf-8")
    assert load_run(tmp_path / "broken") is None
