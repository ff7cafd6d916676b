"""Ranking logic: a passage's unit evidence when the question asks for a kind of value."""

import math

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


def test_a_small_index_measures_how_far_the_best_stands_out_among_all_units() -> None:
    from assistant.retrieve.retriever import ranking_signals

    rows, units = [], {}
    for i, best in enumerate((0.70, 0.45, 0.44, 0.43)):
        matches = tuple(SentenceMatch(f"p{i}", "x", 0, 1, score) for score in (best, 0.30, 0.28, 0.25, 0.22))
        rows.append(Evidence(Hit(f"p{i}", "d.md", "x", "T", "da", 0.0), 0.5, best, best))
        units[f"p{i}"] = matches
    candidates = Candidates(rows, units, {})
    ranked = Retriever.rank(candidates, RetrievalParams())
    among_passages = ranking_signals(ranked, candidates, pool=4)["unit_z"]
    assert among_passages <= 3**0.5 + 1e-6  # the best of four values cannot stand out further
    assert ranking_signals(ranked, candidates, pool=30)["unit_z"] > 3.0  # among the 20 units it does


def test_the_corrections_of_the_ranking() -> None:
    from assistant.retrieve.retriever import corrections

    params = RetrievalParams()
    short = "Tasuta kursused."
    long = " ".join(["sõna"] * 120)
    intro = Evidence(Hit("i", "et.md", short, "Kursused", "et", 0.0), 0.6, 0.6, 0.6, opening=True, same_language=True)
    body = Evidence(Hit("b", "et.md", long, "Kursused", "et", 0.0), 0.6, 0.6, 0.6)
    assert corrections(body, params) > corrections(intro, params)  # a page's opening, in the asker's language, loses
    assert round(corrections(intro, params) - 0.02 * math.log1p(2), 6) == -0.06
    plain = RetrievalParams(intro_penalty=0.0, same_language_penalty=0.0, length_weight=0.0)
    assert corrections(intro, plain) == corrections(body, plain) == 0.0
    ranked = Retriever.rank(Candidates([intro, body], {"i": (), "b": ()}, {}), params)
    assert [hit.chunk_id for hit, _ in ranked] == ["b", "i"]
    blind = Retriever.rank(Candidates([intro, body], {"i": (), "b": ()}, {}), params, by_value=False)
    assert blind[0][1] == blind[1][1]  # the order the abstention model reads has no corrections


def test_a_page_about_another_country_than_the_one_asked_loses() -> None:
    from assistant.retrieve.retriever import corrections

    params = RetrievalParams()
    icelandic = Evidence(
        Hit("i", "is.txt", "Þjónustan varir í 18 mánuði.", "Móttaka", "is", 0.0), 0.46, 0.43, 0.43, elsewhere=True
    )
    danish = Evidence(Hit("d", "dk.html", "Ægtefæller skal begge være fyldt 24 år.", "Familie", "da", 0.0), 0.40, 0.38, 0.38)
    ranked = Retriever.rank(Candidates([icelandic, danish], {"i": (), "d": ()}, {}), params)
    assert [hit.chunk_id for hit, _ in ranked] == ["d", "i"]
    assert corrections(icelandic, params) - corrections(danish, params) < -params.country_penalty + 0.05
    blind = Retriever.rank(Candidates([icelandic, danish], {"i": (), "d": ()}, {}), params, by_value=False)
    assert blind[0][0].chunk_id == "i"  # the abstention model reads the order without corrections
