"""Two-part questions: split, retrieved part by part, answered from each part's own quotes."""

from dataclasses import replace
from typing import Any

import pytest

from assistant.answering import ExtractiveAnswerer
from assistant.decomposition import merge_retrieved, split_question
from assistant.types import Hit, Retrieved, SentenceMatch


@pytest.mark.parametrize(
    ("question", "language", "parts"),
    [
        (
            "Who is the director of the Nordic Welfare Centre, and when is the conference?",
            "en",
            ("Who is the director of the Nordic Welfare Centre", "When is the conference?"),
        ),
        (
            "Hvilke danske kommuner besøgte delegationen, og i hvilken by blev konferencen holdt?",
            "da",
            ("Hvilke danske kommuner besøgte delegationen", "I hvilken by blev konferencen holdt?"),
        ),
        (
            "Was ist Nordregio und wann findet die Konferenz statt?",
            "de",
            ("Was ist Nordregio", "Wann findet die Konferenz statt?"),
        ),
        (
            "Kas organizuos internetinį seminarą ir kada jis vyks?",
            "lt",
            ("Kas organizuos internetinį seminarą", "Kada jis vyks?"),
        ),
        (
            "Яке місто приєдналося першим і коли відбулися візити?",
            "uk",
            ("Яке місто приєдналося першим", "Коли відбулися візити?"),
        ),
        ("من هو مدير المركز ومتى سيعقد المؤتمر؟", "ar", ("من هو مدير المركز", "متى سيعقد المؤتمر؟")),
        (
            "Yaa ah agaasimaha Xarunta iyo goorma ayuu shirku dhacayaa?",
            "so",
            ("Yaa ah agaasimaha Xarunta", "Goorma ayuu shirku dhacayaa?"),
        ),
    ],
)
def test_a_second_question_after_and_is_split_off(question: str, language: str, parts: tuple[str, ...]) -> None:
    assert split_question(question, language) == parts


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("Where and when is the conference?", "en"),  # one clause asking two things of one event
        ("What do UNHCR and IKEA do together?", "en"),  # "and" between names
        ("Vilka danska kommuner och vilken flyktingorganisation besökte delegationen?", "sv"),  # one shared verb
        ("Hvornår og hvor holdes konferencen?", "da"),
        ("ኣብ ዴንማርክ ኣየኖት ምምሕዳራት ክበጽሑ እዮም?", "ti"),  # no word list for Tigrinya: never split
    ],
)
def test_one_question_is_left_whole(question: str, language: str) -> None:
    assert split_question(question, language) == (question,)


def hit(chunk_id: str, score: float, text: str = "") -> Hit:
    return Hit(
        chunk_id=chunk_id, doc_id=f"{chunk_id}.txt", text=text or f"Text {chunk_id}.", title=chunk_id, language="en", score=score
    )


def sentence(chunk_id: str, text: str, score: float) -> SentenceMatch:
    return SentenceMatch(chunk_id, text, 0, len(text), score)


def test_rankings_are_interleaved_without_repeats_and_cut_to_k() -> None:
    whole = Retrieved((hit("a", 0.6), hit("b", 0.5), hit("c", 0.4)), {"a": (sentence("a", "Text a.", 0.5),)}, {"embed": 10.0})
    first = Retrieved((hit("a", 0.7), hit("d", 0.6)), {"a": (sentence("a", "Text a.", 0.65),)}, {"embed": 12.0})
    second = Retrieved((hit("e", 0.8), hit("b", 0.3)), {}, {"embed": 11.0})
    merged = merge_retrieved(whole, [first, second], k=4)
    assert [h.chunk_id for h in merged.hits] == ["a", "e", "b", "d"]
    assert merged.hits[0].score == 0.7  # the best any query gave it
    assert merged.sentences["a"][0].score == 0.65
    assert merged.timings_ms["embed"] == 33.0


def two_part_case() -> tuple[tuple[str, Retrieved], list[tuple[str, Retrieved]]]:
    director = "The director is Ewa Persson Göransson."
    date = "The conference is on 20 November in Copenhagen."
    mixed = "The centre arranges meetings in 2017."
    whole = Retrieved((hit("m", 0.5, mixed),), {"m": (sentence("m", mixed, 0.45),)})
    first = Retrieved((hit("d", 0.7, director),), {"d": (sentence("d", director, 0.7),)})
    second = Retrieved((hit("c", 0.6, date),), {"c": (sentence("c", date, 0.62),)})
    return ("Who is the director, and when is the conference?", whole), [
        ("Who is the director", first),
        ("When is the conference?", second),
    ]


def test_each_part_is_answered_from_its_own_quotes() -> None:
    whole, parts = two_part_case()
    draft = ExtractiveAnswerer(min_score=0.39).answer_parts("en", whole, parts)
    assert not draft.abstained
    assert [c.hit.chunk_id for c in draft.citations] == ["d", "c"]  # not the whole question's in-between quote
    assert "[1]" in draft.text and "[2]" in draft.text


def weakened(retrieved: Retrieved, score: float = 0.2) -> Retrieved:
    sentences = {cid: tuple(replace(s, score=score) for s in group) for cid, group in retrieved.sentences.items()}
    return Retrieved(retrieved.hits, sentences)


def test_a_part_without_an_answer_leaves_the_other_and_all_without_one_abstain() -> None:
    whole, parts = two_part_case()
    weak = [(question, weakened(r)) for question, r in parts]
    answerer = ExtractiveAnswerer(min_score=0.39)
    one = answerer.answer_parts("en", whole, [parts[0], weak[1]])
    assert [c.hit.chunk_id for c in one.citations] == ["d"]
    # No part answered: the whole question's own answer (here above the threshold) is given instead.
    assert [c.hit.chunk_id for c in answerer.answer_parts("en", whole, weak).citations] == ["m"]
    silent = (whole[0], Retrieved(whole[1].hits, {}))
    assert answerer.answer_parts("en", silent, weak).abstained


def test_two_part_question_cites_both_answers(seed_assistant: Any) -> None:
    answer = seed_assistant.ask(
        "Who is the director of the Nordic Welfare Centre, and when is the Nordic integration conference?"
    )
    assert not answer.abstained
    quotes = " ".join(c.quote for c in answer.citations)
    assert "Ewa Persson Göransson" in quotes and "20 november" in quotes
    assert answer.searched_for == ""  # the parts were searched as written
    assert len({h.chunk_id for h in answer.passages}) == len(answer.passages)


def test_a_later_part_carries_the_names_the_earlier_ones_ask_about() -> None:
    from assistant.decomposition import carry_names
    from assistant.names import NameIndex

    names = NameIndex(["Det gjorde Refugee-led Innovation Fund i år.", "Fonden hedder Innovation Fund."])
    parts = split_question("Was ist der Innovation Fund und welche Initiative unterstützt er?", "de")
    assert carry_names(parts, names.mentioned) == (
        "Was ist der Innovation Fund",
        "Welche Initiative unterstützt er? (Innovation Fund)",
    )
    assert carry_names(("Which cities joined", "When?"), names.mentioned) == ("Which cities joined", "When?")
