"""End to end with the real embedding model and a real Chroma in a temp folder (index built once)."""

from pathlib import Path
from typing import Any

import pytest

from assistant.evaluation.metrics import is_relevant
from tests.conftest import assistant_over

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
    assert all(0 <= s < e <= len(c.hit.text) for c in answer.citations for s, e in c.spans)


def test_answers_in_the_askers_language(any_assistant: Any) -> None:
    answer = any_assistant.ask("Яке місто першим серед балтійських міст приєдналося до програми Intercultural Cities?")
    assert answer.language == "uk"
    # The town asked comes first, in a Ukrainian line (the quote names Riga too); then the quotes' intro.
    assert answer.text.startswith("Коротко: Jonava") and "\n\nЗгідно з джерелами:" in answer.text


@pytest.mark.parametrize(
    ("question", "language"),
    [("Who is Ewa Persson Göransson?", "en"), ("Що таке Nordregio?", "uk"), ("Хто такий Дагфінн Гейбротен?", "uk")],
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


def test_a_danish_question_gets_the_danish_version_first(any_assistant: Any) -> None:
    answer = any_assistant.ask("Hvilken by var den første baltiske by i Intercultural Cities-programmet?")
    first = answer.passages[0]
    assert first.language == "da" and "Jonava" in first.text
    assert any(t.language == "lv" for t in first.translations)


def test_a_bare_follow_up_keeps_the_subject_and_asks_its_own_kind(seed_assistant: Any) -> None:
    first = "Що таке програма FOR-IN і які міста брали участь?"
    follow_up = seed_assistant.ask("А коли це було?", history=[first])
    assert not follow_up.abstained and follow_up.searched_for.startswith(first)
    assert follow_up.text.startswith("Коротко: 5–9") and "2022" in follow_up.text.splitlines()[0]


def test_a_quote_with_several_values_gives_the_one_asked_for(seed_assistant: Any) -> None:
    from assistant.answer.choosing import embedding_chooser

    choose = embedding_chooser(seed_assistant.embedder)
    clauses = ["I 2025 deltog i alt 214 personer i integrationsprogrammet", "mod 187 i 2024"]
    assert choose("Скільки людей брало участь у програмі у 2025 році?", clauses) == 0
    women = ["Blant kvinnene var 47 prosent i arbeid eller utdanning ett år etter programmet", "mot 70 prosent av mennene."]
    assert choose("Какой процент женщин работал или учился через год после программы?", women) == 0
    assert choose("How many took part?", ["214 and 187 took part", "214 and 187 took part"]) is None


def test_a_short_question_answered_on_its_own_is_not_read_as_a_follow_up(seed_assistant: Any) -> None:
    first = "Що таке програма FOR-IN і які міста брали участь?"
    answer = seed_assistant.ask("Хто такий Dagfinn Høybråten?", history=[first])
    assert not answer.abstained and answer.searched_for == ""


def test_a_phone_number_the_pages_do_not_give_is_not_answered(seed_assistant: Any) -> None:
    answer = seed_assistant.ask("What is the phone number of the Nordic Welfare Centre?")
    assert answer.abstained and not answer.citations


def test_the_chats_example_questions_are_answered_by_the_shipped_pages(seed_assistant: Any) -> None:
    from assistant.app.ui import EXAMPLES

    for question, source in EXAMPLES:  # a newcomer's first click must not meet "the sources do not answer"
        answer = seed_assistant.ask(question)
        assert not answer.abstained and answer.citations, question
        assert answer.citations[0].hit.doc_id == source, question


def test_the_chat_offers_only_examples_its_own_sources_answer(seed_assistant: Any, small_assistant: Any) -> None:
    from assistant.app.ui import EXAMPLES, indexed_examples

    assert indexed_examples(seed_assistant) == [question for question, _ in EXAMPLES]
    assert indexed_examples(small_assistant) == []  # a caseworker's own corpus


def test_a_chat_over_a_caseworkers_own_corpus_opens_without_examples(small_assistant: Any, tmp_path: Path) -> None:
    import gradio as gr

    from assistant.app.ui import create

    settings = small_assistant.settings.model_copy(update={"feedback_db": tmp_path / "feedback.sqlite3"})
    demo, _ = create(settings, small_assistant)
    assert not any(isinstance(block, gr.Dataset) for block in demo.blocks.values())


SMALL_CORPUS = {
    "ezermala.md": "---\ntitle: Integrācijas kursi Ezermalas novadā\nlanguage: lv\n---\n\n# Integrācijas kursi Ezermalas novadā\n\n"
    "Latviešu valodas kurss ilgst 12 nedēļas, nodarbības notiek divas reizes nedēļā.\n\n"
    "Kurss sākas 2026. gada 6. aprīlī. Pieteikties var līdz 2026. gada 20. martam.\n\n"
    "## Kontakti\n\nEzermalas novada Integrācijas centrs, Ezera iela 12, Ezermala, LV-4501\n\nTālrunis: +371 2612 3456\n",
    "fjordby.md": "---\ntitle: Introduksjonsprogrammet i Fjordby kommune\nlanguage: nb\n---\n\n# Introduksjonsprogrammet\n\n"
    "Programmet varer i inntil 24 måneder. Neste oppstart er 2. september 2026.\n\n"
    "Deltakere over 25 år får 248 000 kroner i året i introduksjonsstønad.\n\n## Kontakt\n\nTelefon: 57 12 34 56\n",
}


@pytest.mark.parametrize(
    "question",
    [
        "How long does the Latvian language course in Ezermala last?",
        "Сколько длится программа в Fjordby?",
        "Hvor mye får deltakere over 25 år i Fjordby?",
    ],
)
def test_a_caseworkers_own_two_documents_answer_their_questions(small_assistant: Any, question: str) -> None:
    """An index of a few passages: how far the best unit stands out is measured among all units, so the
    answer is not refused for want of other passages to stand out from."""
    answer = small_assistant.ask(question)
    assert not answer.abstained and answer.citations


@pytest.mark.parametrize(
    "question",
    [
        "Telefonnummer des Integrationszentrums in Tartu?",  # neither page is about Tartu
        "What is the phone number of Gaišā Osta in Riga?",
    ],
)
def test_another_places_phone_number_is_no_answer(small_assistant: Any, question: str) -> None:
    answer = small_assistant.ask(question)
    assert answer.abstained and "+371 2612 3456" not in answer.text and "57 12 34 56" not in answer.text


def test_the_phone_number_of_a_place_the_pages_name_is_given(small_assistant: Any) -> None:
    answer = small_assistant.ask("What is the phone number of the integration centre in Ezermala?")
    assert not answer.abstained and "+371 2612 3456" in answer.text


@pytest.fixture(scope="module")
def small_assistant(tmp_path_factory: Any, embedder: Any) -> Any:
    return assistant_over(SMALL_CORPUS, tmp_path_factory.mktemp("small"), embedder)


def test_a_question_in_an_unsupported_script_is_told_so(seed_assistant: Any) -> None:
    answer = seed_assistant.ask("哪个波罗的海城市最先加入了跨文化城市计划？")  # Chinese (user trial)
    assert answer.message.startswith("Questions in this script are not supported; the answer is in")
    assert answer.text.startswith(answer.message)
    assert "not supported" not in seed_assistant.ask("Hvilken by var den første baltiske by i Intercultural Cities?").text
