import numpy as np

from assistant.translations import group_translations, mutual_pairs
from assistant.types import Hit


def hit(cid: str, language: str, score: float, links: tuple[str, ...] = ()) -> Hit:
    return Hit(chunk_id=cid, doc_id=f"{cid}.txt", text=cid, title=cid, language=language, score=score, translation_ids=links)


def test_mutual_nearest_neighbours_above_threshold() -> None:
    left = np.array([[1.0, 0.0], [0.0, 1.0]])
    right = np.array([[0.9, 0.436], [0.6, 0.8], [0.0, 1.0]])
    pairs = mutual_pairs(["a", "b"], left, ["x", "y", "z"], right, minimum=0.7)
    assert [(a, b) for a, b, _ in pairs] == [("a", "x"), ("b", "z")]
    assert mutual_pairs(["a"], left[:1], ["y"], right[1:2], minimum=0.7) == []  # 0.6 is too far


def test_one_slot_per_fact_and_the_askers_language_wins() -> None:
    ranked = [hit("da1", "da", 0.8, ("lv1",)), hit("sv1", "sv", 0.7), hit("lv1", "lv", 0.6, ("da1",)), hit("lt1", "lt", 0.5)]
    grouped = group_translations(ranked, "lv")
    assert [h.chunk_id for h in grouped] == ["lv1", "sv1", "lt1"]
    assert grouped[0].score == 0.8  # the group keeps its best rank
    assert [t.chunk_id for t in grouped[0].translations] == ["da1"]


def test_best_scoring_version_when_no_version_is_in_the_askers_language() -> None:
    ranked = [hit("da1", "da", 0.8, ("lv1",)), hit("lv1", "lv", 0.6, ("da1",))]
    grouped = group_translations(ranked, "uk")
    assert [h.chunk_id for h in grouped] == ["da1"] and grouped[0].translations[0].chunk_id == "lv1"


def test_a_linked_version_that_was_not_retrieved_is_fetched() -> None:
    stored = {"lv1": hit("lv1", "lv", 0.0, ("da1",))}
    grouped = group_translations(
        [hit("da1", "da", 0.8, ("lv1",))], "lv", fetch=lambda ids: [stored[i] for i in ids if i in stored]
    )
    assert grouped[0].chunk_id == "lv1" and grouped[0].score == 0.8
    assert grouped[0].translations[0].chunk_id == "da1"


def test_unlinked_hits_pass_through_in_order() -> None:
    ranked = [hit("a", "da", 0.9), hit("b", "da", 0.8)]
    assert [h.chunk_id for h in group_translations(ranked, "da")] == ["a", "b"]
