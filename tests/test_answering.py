from assistant.answer_types import asks_for_number_or_date, has_number_or_date
from assistant.answering import ExtractiveAnswerer
from assistant.types import Hit, Retrieved, SentenceMatch

PASSAGE_A = "Jonava blev den første baltiske by. Riga blev den første hovedstad."
PASSAGE_B = "Jonava Lietuvā kļuva par pirmo Baltijas valstu pilsētu."


def hit(chunk_id: str, text: str, language: str, score: float) -> Hit:
    return Hit(chunk_id=chunk_id, doc_id=f"{chunk_id}.txt", text=text, title=f"Title {chunk_id}", language=language, score=score)


def match(chunk_id: str, text: str, passage: str, score: float) -> SentenceMatch:
    start = passage.index(text)
    return SentenceMatch(chunk_id, text, start, start + len(text), score)


def retrieved(scores: tuple[float, float, float], passage_b: float = 0.6) -> Retrieved:
    hits = (hit("a", PASSAGE_A, "da", 0.7), hit("b", PASSAGE_B, "lv", passage_b))
    sentences = {
        "a": (
            match("a", "Jonava blev den første baltiske by.", PASSAGE_A, scores[0]),
            match("a", "Riga blev den første hovedstad.", PASSAGE_A, scores[1]),
        ),
        "b": (match("b", PASSAGE_B, PASSAGE_B, scores[2]),),
    }
    return Retrieved(hits, sentences)


def test_citations_are_numbered_in_order_and_quote_their_passage() -> None:
    draft = ExtractiveAnswerer(min_score=0.4, max_quotes=3, margin=0.1).answer("Which city?", "en", retrieved((0.7, 0.3, 0.65)))
    assert not draft.abstained
    assert [c.n for c in draft.citations] == [1, 2]
    assert draft.text.index("[1]") < draft.text.index("[2]")
    for citation in draft.citations:
        assert citation.quote in citation.hit.text
        assert f"[{citation.n}]" in draft.text
    assert "Riga blev" not in draft.text  # far below the best sentence
    assert draft.text.startswith("According to the sources:")


def test_every_marker_refers_to_a_citation() -> None:
    import re

    draft = ExtractiveAnswerer(min_score=0.4, max_quotes=3, margin=0.5).answer("Which city?", "uk", retrieved((0.7, 0.6, 0.65)))
    numbers = {int(n) for n in re.findall(r"\[(\d+)\]", draft.text)}
    assert numbers == {c.n for c in draft.citations}
    assert draft.text.startswith("Згідно з джерелами:")


def test_abstains_below_threshold_in_the_askers_language() -> None:
    draft = ExtractiveAnswerer(min_score=0.8).answer("Which city?", "lv", retrieved((0.7, 0.3, 0.65)))
    assert draft.abstained and not draft.citations
    assert draft.text.startswith("Avotos nav atbildes")
    assert "Title a" in draft.text  # the closest sources are listed


def test_same_language_passage_is_preferred_on_a_near_tie() -> None:
    draft = ExtractiveAnswerer(min_score=0.4, max_quotes=1).answer(
        "Kura pilsēta?", "lv", retrieved((0.66, 0.3, 0.65), passage_b=0.7)
    )
    assert draft.citations[0].hit.language == "lv"


def test_quotes_from_weaker_passages_need_better_sentences() -> None:
    # Same sentence scores, but passage b ranks far below a: only a is quoted.
    draft = ExtractiveAnswerer(min_score=0.4, max_quotes=3, margin=0.04).answer(
        "Which city?", "en", retrieved((0.7, 0.3, 0.7), passage_b=0.5)
    )
    assert [c.hit.chunk_id for c in draft.citations] == ["a"]


def test_number_questions_need_a_number_in_the_quote() -> None:
    draft = ExtractiveAnswerer(min_score=0.4).answer("How many refugees live in Jonava?", "en", retrieved((0.7, 0.3, 0.65)))
    assert draft.abstained


def test_answer_type_detection() -> None:
    assert asks_for_number_or_date("How many countries?", "en")
    assert asks_for_number_or_date("Hvornår holdes konferencen?", "da")
    assert asks_for_number_or_date("Скільки країн?", "uk")
    assert not asks_for_number_or_date("Who is the director?", "en")
    assert not asks_for_number_or_date("Когда-нибудь", "ru")
    assert has_number_or_date("jobtræning i 30 lande")
    assert has_number_or_date("gennem otte fælles prioriteter")
    assert has_number_or_date("den 20 november") and has_number_or_date("gruodžio mėnesį")
    assert not has_number_or_date("Jonava blev den første baltiske by")
