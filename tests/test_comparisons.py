"""Questions about two things ("… in Uppsala or in Trondheim?"): both sides are found and quoted."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from assistant.answer.quotes import both_sides
from assistant.retrieve.questions import alternatives
from assistant.retrieve.retriever import Candidates, Evidence, Retriever, with_sides
from assistant.types import Hit, Retrieved, SentenceMatch, Side, Unit
from tests.conftest import assistant_over


@pytest.mark.parametrize(
    ("question", "language", "expected"),
    [
        (
            "Is it more expensive to apply in Sweden or in Denmark?",
            "en",
            ("Is it more expensive to apply in Sweden", "in Denmark?"),
        ),
        (
            "Hvad varer længst: et mentorforløb i Tampere eller et venskab i Reykjavík?",
            "da",
            ("Hvad varer længst: et mentorforløb i Tampere", "et venskab i Reykjavík?"),
        ),
        ("Де дорожче: у Ризі або у Вільнюсі?", "uk", ("Де дорожче: у Ризі", "у Вільнюсі?")),
        ("کدام ارزان‌تر است، کلاس در مالمو یا در تامپره؟", "fa", ("کدام ارزان‌تر است، کلاس در مالمو", "در تامپره؟")),
        ("Kādās valodās runā konsultanti? Vai kāds runā baltkrieviski?", "lv", None),  # a question particle
        ("Ar galiu gauti pašalpą?", "lt", None),
        ("When does the course start?", "en", None),
    ],
)
def test_a_question_about_two_things_is_split_at_its_languages_or(
    question: str, language: str, expected: tuple[str, str] | None
) -> None:
    assert alternatives(question, language) == expected


def test_and_splits_only_when_asked() -> None:
    question = "Wie lange muss ich warten – in Uppsala und in Trondheim?"
    assert alternatives(question, "de") is None
    assert alternatives(question, "de", "standard") == ("Wie lange muss ich warten – in Uppsala", "in Trondheim?")


def hit(chunk_id: str, doc_id: str, text: str = "", units: tuple[Unit, ...] = ()) -> Hit:
    return Hit(chunk_id, doc_id, text, doc_id, "sv", 0.0, units=units)


def test_each_side_moves_up_among_the_first_passages() -> None:
    ranked = [(hit(c, c[0]), 1.0 - i / 10) for i, c in enumerate(["a1", "a2", "a3", "b1", "c1"])]
    moved = [h.chunk_id for h, _ in with_sides(ranked, ["a1", "b1"], 3)]
    assert moved == ["a1", "a2", "b1", "a3", "c1"]  # the best passage stays first
    both = [h.chunk_id for h, _ in with_sides(ranked, ["b1", "c1"], 3)]
    assert both == ["a1", "b1", "c1", "a2", "a3"]
    assert [h.chunk_id for h, _ in with_sides(ranked, [], 3)] == ["a1", "a2", "a3", "b1", "c1"]


class PartEmbedder:
    """The two sides' texts embed on the axes of their documents' passages."""

    def embed_query(self, text: str) -> np.ndarray:
        return np.array([1.0, 0.0, 0.0, 0.0]) if "Uppsala" in text else np.array([0.0, 1.0, 0.0, 0.0])


def test_each_sides_unit_is_the_one_parallel_to_the_other_sides_best() -> None:
    uppsala_text = "Missed visit: 200 kr\nAcute visit: 50 kr"
    trondheim_text = "Acute visit: 100 kr\nMissed visit: 350 kr"
    rows = (Unit(((0, 20),), "row"), Unit(((21, 39),), "row"))
    uppsala = hit("u", "uppsala.md", uppsala_text, rows)
    trondheim = hit("t", "trondheim.md", trondheim_text, rows)
    missed, acute = np.array([0.0, 0.0, 0.8, 0.6]), np.array([0.0, 0.0, 0.6, -0.8])
    candidates = Candidates(
        [Evidence(uppsala, 0.5, 0.5, 0.5), Evidence(trondheim, 0.5, 0.5, 0.5)],
        {},
        {"u": np.array([0.7, 0.0, 0.7, 0.0]), "t": np.array([0.0, 0.7, 0.7, 0.0])},
        {"u": np.stack([missed, acute]), "t": np.stack([acute * 0.9, missed * 0.9])},
    )
    retriever = Retriever(None, PartEmbedder())  # type: ignore[arg-type]
    question = np.array([0.0, 0.0, 1.0, 0.0])  # closest to the missed visits
    sides = retriever.sides("Is a missed visit dearer in Uppsala or in Trondheim?", "en", question, candidates)
    assert [side.chunk_id for side in sides] == ["u", "t"]
    assert sides[0].order[0] == ((0, 20),) and sides[1].order[0] == ((21, 39),)  # the missed visits' rows
    assert retriever.sides("How much is a missed visit in Uppsala?", "en", question, candidates) == ()


def unit(chunk_id: str, text: str, start: int = 0) -> SentenceMatch:
    return SentenceMatch(chunk_id, text, start, start + len(text), 0.5, ((start, start + len(text)),))


def test_the_side_no_quote_covers_is_quoted() -> None:
    hits = (hit("u", "uppsala.md"), hit("t", "trondheim.md"))
    own, fee = unit("u", "Avgift: 200 kr"), unit("u", "Avboka 24 timmar före", 20)
    other, better = unit("t", "Tolk: 0 kr"), unit("t", "Ikke møtt: 350 kr", 20)
    sides = (Side("u", (own.spans,)), Side("t", (better.spans, other.spans)))
    eligible = Retrieved(hits, {"u": (own, fee), "t": (other, better)}, sides=sides)
    assert both_sides([own], eligible, 3) == [own, better]
    assert both_sides([own, fee, own], eligible, 3) == [own, fee, better]  # the last quote of a page quoted twice
    assert both_sides([own, better], eligible, 3) == [own, better]  # both sides quoted already


@pytest.fixture(scope="module")
def parallel_assistant(tmp_path_factory: Any, embedder: Any) -> Any:
    return assistant_over(PARALLEL_PAGES, tmp_path_factory.mktemp("parallel"), embedder)


@pytest.mark.parametrize(
    "question",
    [
        "Where does a missed dental appointment cost more, in Uppsala or in Trondheim?",
        "Где дороже пропустить приём у стоматолога без отмены – в Уппсале или в Тронхейме?",
    ],
)
def test_a_comparison_quotes_both_pages_and_states_no_single_value(parallel_assistant: Any, question: str) -> None:
    answer = parallel_assistant.ask(question)
    assert not answer.abstained
    assert "200 kr" in answer.text and "350 kr" in answer.text
    assert {c.hit.doc_id for c in answer.citations} == {"uppsala.md", "trondheim.md"}
    line = answer.text.splitlines()[0]  # no single value stated as the answer: each side's, or none
    number = {c.hit.doc_id: c.n for c in answer.citations}
    if "[" in line:
        assert "200" in line and "350" in line and line.index("200") < line.index("350")  # in the question's order
        assert f"[{number['uppsala.md']}]" in line and f"[{number['trondheim.md']}]" in line


def test_two_places_joined_by_and_are_both_answered(parallel_assistant: Any) -> None:
    answer = parallel_assistant.ask("How long do I wait for an ordinary dental appointment in Uppsala and in Trondheim?")
    assert "4 veckor" in answer.text and "6 uker" in answer.text


PARALLEL_PAGES = {
    "uppsala.md": "---\ntitle: Tandvård för asylsökande i Uppsala\nlanguage: sv\n---\n\n# Tandvård för asylsökande i Uppsala\n\n"
    "Folktandvården Uppsala ger akut tandvård till asylsökande vuxna. För andra besök får du en tid inom 4 veckor.\n\n"
    "## Avgifter\n\n| Besök | Avgift | Kommentar |\n|---|---|---|\n| Akut besök, vuxen | 50 kr | per besök |\n"
    "| Uteblivet besök utan avbokning | 200 kr | gäller även barn över 13 år |\n| Barn under 18 år | 0 kr | alla besök |\n\n"
    "Avboka senast 24 timmar före besöket.\n\n## Kontakt\n\nTelefon: 018-611 00 00\n",
    "trondheim.md": "---\ntitle: Tannhelse for asylsøkere i Trondheim\nlanguage: nb\n---\n\n# Tannhelse for asylsøkere i Trondheim\n\n"
    "Den offentlige tannhelsetjenesten i Trondheim gir akutt tannbehandling til voksne asylsøkere. Til andre besøk får du "
    "time innen 6 uker.\n\n## Egenandeler\n\n| Besøk | Egenandel | Kommentar |\n|---|---|---|\n| Akutt time, voksen | 100 kr | per besøk |\n"
    "| Ikke møtt uten å avbestille | 350 kr | gjelder også ungdom over 16 år |\n| Barn under 18 år | 0 kr | alle besøk |\n\n"
    "Avbestill senest 48 timer før timen.\n\n## Kontakt\n\nTelefon: 72 54 00 00\n",
}


def test_a_comparison_states_each_sides_one_value_or_none() -> None:
    from assistant.answer.short_line import COMPARED, sides_line

    hours = (
        hit("s", "sweden.md", "Du läser sfi cirka 20 timmar i veckan."),
        hit("f", "finland.md", "Opiskelet 25 tuntia viikossa."),
    )
    sweden, finland = unit("s", hours[0].text), unit("f", hours[1].text)
    sides = (Side("s", (sweden.spans,)), Side("f", (finland.spans,)))
    quoted = [(hours[1], finland, 1), (hours[0], sweden, 2)]
    assert sides_line("en", COMPARED, quoted, sides, "Where are there more hours, in Sweden or in Finland?") == (
        "In short: ~20 hours [2]; 25 hours [1]"
    )
    assert sides_line("en", COMPARED, quoted[:1], sides, "…?") == ""  # a side without a quote
    two = hit("f", "finland.md", "Opiskelet 25 tuntia viikossa, kesällä 15 tuntia.")
    assert sides_line("en", COMPARED, [(two, unit("f", two.text), 1), (hours[0], sweden, 2)], sides, "…?") == ""
    street = hit("f", "finland.md", "Integration training is arranged at Kauppakatu 14.")
    assert sides_line("en", COMPARED, [(street, unit("f", street.text), 1), (hours[0], sweden, 2)], sides, "…?") == ""
