from typing import Any

from assistant.evaluation.gold import GoldItem
from assistant.evaluation.scoring import abstention_curve, aggregate, check_gate, score_item


def result(
    passages: list[str], cited: list[str], abstained: bool = False, answer: str = "", confidence: float = 0.5
) -> dict[str, Any]:
    return {
        "language": "en",
        "abstained": abstained,
        "answer": answer,
        "confidence": confidence,
        "passages": [{"text": t} for t in passages],
        "citations": [{"text": t, "quote": t} for t in cited],
        "timings_ms": {"total": 100.0},
    }


ANSWERABLE = GoldItem("a", "Which city?", "en", True, ("Jonava was first",), (("jonava",),))
UNANSWERABLE = GoldItem("u", "Budget?", "en", False)


def test_item_scores_and_aggregate() -> None:
    good = score_item(ANSWERABLE, result(["x", "Jonava was first."], ["Jonava was first.", "x"], answer="Jonava [1]"), k=5)
    assert good.hit1 == 0.0 and good.hit5 == 1.0 and good.mrr10 == 0.5 and good.keywords_ok == 1.0
    assert good.cited == 2 and good.cited_relevant == 1 and good.citation_hit == 1.0
    missed = score_item(ANSWERABLE, result(["x"], [], abstained=True, confidence=0.1), k=5)
    abstained = score_item(UNANSWERABLE, result(["x"], [], abstained=True, confidence=0.2), k=5)
    answered = score_item(UNANSWERABLE, result(["x"], ["x"], answer="x", confidence=0.6), k=5)
    metrics = aggregate([good, missed, abstained, answered])
    assert metrics["hit@5"] == 0.5
    assert metrics["citation_precision"] == 1 / 3  # a citation on an unanswerable item counts against
    assert metrics["citation_recall"] == 0.5
    assert metrics["abstention_unanswerable"] == 0.5 and metrics["false_abstention"] == 0.5
    assert metrics["keyword_accuracy"] == 0.5
    assert metrics["quote_precision"] == 1.0  # the one answered answerable item quotes the evidence
    assert metrics["quote_unit_precision"] == 0.5  # one of its two quotes holds it


def test_abstention_curve_is_monotone() -> None:
    scores = [score_item(ANSWERABLE, result(["Jonava was first"], [], confidence=c), 5) for c in (0.3, 0.5)]
    scores += [score_item(UNANSWERABLE, result([], [], confidence=c), 5) for c in (0.2, 0.4)]
    curve = abstention_curve(scores, steps=5)
    assert [p["abstention_unanswerable"] for p in curve] == sorted(p["abstention_unanswerable"] for p in curve)
    assert curve[0]["false_abstention"] == 0.0 and curve[-1]["false_abstention"] == 1.0


def test_gate() -> None:
    assert check_gate({"hit@5": 0.9, "citation_precision": 0.8}, {"hit@5": 0.85, "citation_precision": 0.8}) == []
    failures = check_gate({"hit@5": 0.8, "citation_precision": None}, {"hit@5": 0.85, "citation_precision": 0.5})
    assert len(failures) == 2


def test_answer_language_is_scored_only_for_prose_generators() -> None:
    ukrainian = GoldItem("a", "Яке місто?", "uk", True, ("Jonava was first",), (("jonava",),))
    prose = result(["Jonava was first"], ["Jonava was first"], answer="Першим балтійським містом стала Йонава [1].")
    prose["generator"] = "openai"
    assert score_item(ukrainian, prose, 5).answer_language_ok == 1.0
    quoted = result(["Jonava was first"], ["Jonava was first"], answer="“Jonava blev den første baltiske by” [1]")
    assert score_item(ukrainian, quoted, 5).answer_language_ok is None


def test_unknown_generator_is_a_clear_error() -> None:
    import pytest

    from assistant.config import Settings
    from assistant.pipeline import UnknownGenerator, make_answerer

    with pytest.raises(UnknownGenerator, match="known: extractive"):
        make_answerer(Settings(generator="gpt-9"))


def test_answer_line_counts_value_questions_only() -> None:
    from dataclasses import replace

    money = replace(ANSWERABLE, answer_keywords=(("308",),), value_kind="money")
    line = score_item(
        money, result(["Jonava was first"], ["Jonava was first"], answer="Коротко: 308 шведських крон [1]\n\nQuote"), 5
    )
    assert line.answer_line_ok == 1.0
    later = score_item(money, result(["Jonava was first"], ["Jonava was first"], answer="Intro:\n- “308 kronor” [1]"), 5)
    assert later.answer_line_ok == 0.0 and later.keywords_ok == 1.0
    assert score_item(ANSWERABLE, result(["x"], []), 5).answer_line_ok is None  # an open question
    assert aggregate([line, later])["answer_line"] == 0.5


def test_keywords_match_whatever_the_digit_grouping() -> None:
    from assistant.evaluation.metrics import keywords_present

    assert keywords_present("12 500 датських крон", [["12.500"]]) and keywords_present("12,500 DKK", [["12 500"]])
    assert not keywords_present("125 kr", [["12 500"]])


def test_gate_ceilings() -> None:
    assert check_gate({"false_abstention": 0.2}, {"max_false_abstention": 0.1}) == ["false_abstention = 0.2 > threshold 0.1"]


def test_follow_ups_are_reported_apart() -> None:
    from assistant.evaluation.report import follow_up_section
    from assistant.evaluation.scoring import split_by_follow_up

    standalone = score_item(ANSWERABLE, result(["Jonava was first."], ["Jonava was first."], answer="Jonava [1]"), k=5)
    follow_up = score_item(ANSWERABLE, result(["x"], [], abstained=True), k=5)
    follow_up.follow_up = True
    assert split_by_follow_up([standalone]) == {} and follow_up_section({}) == []
    groups = split_by_follow_up([standalone, follow_up])
    assert groups["standalone"]["hit@1"] == 1.0 and groups["follow_up"]["false_abstention"] == 1.0
    assert any(line.startswith("| follow_up | 1 |") for line in follow_up_section(groups))


def test_answer_line_precision_counts_the_lines_given() -> None:
    value = GoldItem("v", "How much?", "en", True, ("costs 30 euro",), (("30",),), value_kind="money")
    right = score_item(value, result(["costs 30 euro"], ["costs 30 euro"], answer="In short: 30 euro [1]\n\nx"), k=5)
    wrong = score_item(value, result(["costs 30 euro"], ["costs 30 euro"], answer="In short: 45 euro [1]\n\nx"), k=5)
    none = score_item(value, result(["costs 30 euro"], ["costs 30 euro"], answer="According to the sources:\n- 30 [1]"), k=5)
    tempted = score_item(UNANSWERABLE, result(["x"], ["x"], answer="In short: 45 euro [1]"), k=5)
    metrics = aggregate([right, wrong, none, tempted])
    assert metrics["answer_line"] == 1 / 3 and metrics["answer_line_precision"] == 0.5
    assert metrics["answer_line_on_unanswerable"] == 1.0


def test_decision_threshold_is_the_boundary_unless_it_refuses_too_many() -> None:
    from assistant.evaluation.tuning import decision_threshold

    assert decision_threshold([0.9] * 19 + [0.3], [True] * 20) == 0.5  # never above the model's own boundary
    assert decision_threshold([0.9] * 19 + [0.3, 0.4], [True] * 21) == 0.4  # lowered until at most 5 % are refused
    assert decision_threshold([0.1, 0.9], [False, True]) == 0.5  # unanswerable items do not move it
