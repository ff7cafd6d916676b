"""Ranking logic: a passage's unit evidence when the question asks for a kind of value."""

from assistant.retrieve.retriever import Candidates, Evidence, RetrievalParams, Retriever, answering
from assistant.types import Hit, SentenceMatch

ABOUT = SentenceMatch("a", "Ydelsen udbetales hver måned til din konto.", 0, 44, 0.70)
AMOUNT = SentenceMatch("b", "Enlige får 12 500 kr. om måneden.", 0, 33, 0.62)


def candidates(kinds: tuple[str, ...], penalty: float) -> Candidates:
    rows = [
        Evidence(Hit("a", "da.md", ABOUT.text, "Ydelse", "da", 0.0), 0.50, 0.70, answering((ABOUT,), 0.70, kinds, penalty)),
        Evidence(Hit("b", "da.md", AMOUNT.text, "Ydelse", "da", 0.0), 0.50, 0.62, answering((AMOUNT,), 0.62, kinds, penalty)),
    ]
    return Candidates(rows, {"a": (ABOUT,), "b": (AMOUNT,)}, {})


def test_a_passage_that_states_the_asked_value_ranks_first() -> None:
    ranked = Retriever.rank(candidates(("money",), 0.2), RetrievalParams())
    assert [hit.chunk_id for hit, _ in ranked] == ["b", "a"]


def test_without_a_value_asked_the_closest_unit_wins() -> None:
    assert [hit.chunk_id for hit, _ in Retriever.rank(candidates((), 0.2), RetrievalParams())] == ["a", "b"]
    assert [hit.chunk_id for hit, _ in Retriever.rank(candidates(("money",), 0.0), RetrievalParams())] == ["a", "b"]


def test_the_unit_evidence_of_a_passage() -> None:
    assert answering((ABOUT, AMOUNT), 0.70, ("money",), 0.2) == 0.62  # the best unit holding an amount
    assert round(answering((ABOUT,), 0.70, ("money",), 0.2), 2) == 0.50  # none holds one: the best, less the penalty
    assert answering((ABOUT,), 0.70, (), 0.2) == 0.70
