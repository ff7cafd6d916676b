"""End to end with the real embedding model and a real Chroma in a temp folder (index built once)."""

from typing import Any

import pytest

from assistant.metrics import is_relevant

JONAVA = ["Jonava blev den første baltiske by", "Jonava Lietuvā kļuva par pirmo Baltijas valstu pilsētu"]


@pytest.mark.parametrize(
    "question",
    [
        "Which was the first Baltic city to join the Intercultural Cities programme?",
        "Яке місто першим серед балтійських міст приєдналося до програми Intercultural Cities?",
    ],
)
def test_first_intercultural_city_is_retrieved_and_cited(any_assistant: Any, question: str) -> None:
    answer = any_assistant.ask(question)
    assert any(is_relevant(p.text, JONAVA) for p in answer.passages[:3])
    assert not answer.abstained
    assert "Jonava" in answer.text
    assert all(c.quote in c.hit.text for c in answer.citations)


def test_answers_in_the_askers_language(any_assistant: Any) -> None:
    answer = any_assistant.ask("Яке місто першим серед балтійських міст приєдналося до програми Intercultural Cities?")
    assert answer.language == "uk"
    assert answer.text.startswith("Згідно з джерелами")


@pytest.mark.parametrize(
    ("question", "language"),
    [("WHO IS EWA PERSSON GÖRANSSON?", "en"), ("Що таке Nordregio?", "uk"), ("Хто такий Дагфінн Гейбротен?", "uk")],
)
def test_names_from_the_corpus_do_not_decide_the_answer_language(any_assistant: Any, question: str, language: str) -> None:
    answer = any_assistant.ask(question)
    assert answer.language == language
    assert not answer.abstained and answer.citations


@pytest.mark.parametrize(
    ("question", "language"),
    [("What is the minimum wage in Estonia?", "en"), ("Скільки біженців прийняла Йонава у 2022 році?", "uk")],
)
def test_questions_the_corpus_cannot_answer_abstain(any_assistant: Any, question: str, language: str) -> None:
    answer = any_assistant.ask(question)
    assert answer.abstained and not answer.citations
    assert answer.language == language
    assert answer.passages  # the closest sources are still shown


def test_language_override_and_filters(any_assistant: Any) -> None:
    from assistant.types import Filters

    answer = any_assistant.ask(
        "Which city joined the Intercultural Cities programme first?", lang="lv", filters=Filters(languages=("lv",))
    )
    assert answer.language == "lv"
    assert answer.passages and all(p.language == "lv" for p in answer.passages)


def test_second_ingest_of_the_seed_corpus_embeds_nothing(any_assistant: Any) -> None:
    report = any_assistant.index()
    assert report.chunks_embedded == 0 and len(report.unchanged) == 5


def test_latvian_question_gets_the_latvian_version_of_a_fact_in_danish_and_latvian(any_assistant: Any) -> None:
    answer = any_assistant.ask("Kura pilsēta pirmā no Baltijas valstīm pievienojās Starpkultūru pilsētu programmai?")
    assert answer.language == "lv" and not answer.abstained
    first = answer.citations[0].hit
    assert first.language == "lv" and "Jonava" in first.text
    assert any(t.language == "da" and "Jonava" in t.text for t in first.translations)
    assert len({p.chunk_id for p in answer.passages} & {t.chunk_id for t in first.translations}) == 0  # one slot per fact


def test_translation_links_are_found_at_ingest(any_assistant: Any) -> None:
    linked = [h for h in any_assistant.store.all_passages() if h.translation_ids]
    assert len(linked) >= 20
    assert all(h.doc_id[:3] in ("000", "001") for h in linked)


def test_a_passage_whose_translation_is_split_in_two_is_linked_to_both(any_assistant: Any) -> None:
    # The Danish "I de baltiske lande støtter UNHCR …" passage holds what two Latvian passages say; only
    # one of them is its mutual best passage, the other is found through its translated sentences.
    passages = any_assistant.store.all_passages()
    danish = next(h for h in passages if h.text.startswith("I\xa0de baltiske lande") or h.text.startswith("I de baltiske lande"))
    latvian = {h.chunk_id: h.text for h in passages if h.chunk_id in danish.translation_ids}
    assert any("UNHCR atbalsta valsts" in text for text in latvian.values())
    assert any("Baltijas valstis ir daļa no" in text for text in latvian.values())
    # Every Latvian passage is linked except those without a Danish counterpart sentence.
    unlinked = [h for h in passages if h.doc_id.startswith("001") and not h.translation_ids]
    assert len(unlinked) <= 3
