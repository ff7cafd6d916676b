import pytest

from assistant.answer_types import asks_for_number_or_date, can_answer, has_number_or_date, kinds, required_kinds
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


def test_a_question_of_names_only_is_answered_by_the_sentences_naming_them() -> None:
    from dataclasses import replace

    low = replace(retrieved((0.3, 0.35, 0.2)), names=("jonava",))
    answerer = ExtractiveAnswerer(min_score=0.39)
    for question in ("Jonava?", "Hvad er Jonava?", "Що таке Jonava?"):
        draft = answerer.answer(question, "da", low)
        assert not draft.abstained, question
        assert "Riga blev" not in draft.text  # scores higher but does not name Jonava
    assert answerer.answer("Hvor mange flygtninge bor i Jonava?", "da", low).abstained  # asks more than the name
    assert answerer.answer("Riga?", "da", replace(low, names=())).abstained  # not a name the sources hold


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
    assert has_number_or_date("lokakuussa") and has_number_or_date("joulukuun alussa")
    # Finnish month stems are whole month words: "loka-" alone would date "lokalsamfund".
    assert not has_number_or_date("rummelige og imødekommende lokalsamfund")


@pytest.mark.parametrize(
    "duration",
    [
        "i det treåriga programmet",
        "ett tvåårigt projekt",
        "ein dreijähriges Programm",
        "kolmivuotinen ohjelma",
        "trīsgadīga programma",
        "trejų metų programa",
        "trzyletni program",
        "to ukers kurs",
    ],
)
def test_a_number_joined_to_a_unit_is_a_number(duration: str) -> None:
    # "How long does the programme last?" is answered by "det treåriga programmet".
    assert has_number_or_date(duration)


def test_a_number_word_prefix_alone_is_not_a_number() -> None:
    assert not has_number_or_date("totalt ansvar for tolkning")


def test_list_numbering_is_not_a_number() -> None:
    # "How many refugees live in Denmark?" is not answered by "these areas: 1) knowledge 2) partnerships".
    assert not has_number_or_date("på følgende områder: 1) viden 2) strategiske partnerskaber")
    assert has_number_or_date("byer (12) og kommuner") and has_number_or_date("modtog 12 flygtninge")


@pytest.mark.parametrize(
    ("question", "language", "kind"),
    [
        ("What is the phone number of the Danish Refugee Council?", "en", "contact"),
        ("Hvad er kommunens e-mail?", "da", "contact"),
        ("Який телефон у центру?", "uk", "contact"),
        ("شماره تلفن دفتر چیست؟", "fa", "contact"),
        ("Waa maxay lambarka taleefanka?", "so", "contact"),
        ("What is the total budget of the project?", "en", "money"),
        ("Hvad koster et sprogkursus?", "da", "money"),
        ("Mikä on vähimmäispalkka?", "fi", "money"),
        ("Сколько стоит аренда квартиры?", "ru", "money"),
        ("كم تكلفة الدورة؟", "ar", "money"),
        ("What are the opening hours of the office?", "en", "clock"),
        ("Hvad er åbningstiderne?", "da", "clock"),
        ("Kokios savivaldybės darbo laiko valandos?", "lt", "clock"),
    ],
)
def test_answer_kinds_are_recognised_in_many_languages(question: str, language: str, kind: str) -> None:
    assert kind in required_kinds(question, language)


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("How does UNHCR address integration?", "en"),  # "address" as a verb
        ("Who funds the Refugee-led Innovation Fund?", "en"),
        ("Er sprogkurset gratis?", "da"),
        ("متى أجريت الزيارات الدراسية؟", "ar"),  # "conducted" shares letters with "wage"
        ("Vai bēgļi var bez maksas braukt?", "lv"),  # "free of charge" is not an amount
    ],
)
def test_open_questions_need_no_special_answer(question: str, language: str) -> None:
    assert not set(required_kinds(question, language)) - {"number_or_date"}


def test_every_kind_has_cues_in_every_language() -> None:
    from assistant.answer_types import _data

    languages = set(_data()["questions"]["number_or_date"])
    assert len(languages) == 17
    for kind in kinds():
        assert set(_data()["questions"][kind]) == languages, kind


def test_sentences_give_an_answer_of_the_asked_kind() -> None:
    assert can_answer("Ring på +45 33 73 50 00 eller skriv til info@drc.dk.", ("contact",))
    assert can_answer("Read more at www.norden.org", ("contact",))
    assert not can_answer("Dansk Flygtningehjælp hjælper flygtninge i 2022.", ("contact",))
    assert can_answer("Projektet har et budget på 1,2 mio. kr.", ("money",))
    assert can_answer("The fund pays up to EUR 20 000.", ("money",))
    assert not can_answer("Projektet startede i 2022 med 30 kommuner.", ("money",))
    assert can_answer("Kontoret har åbent kl. 9-15.", ("clock",))
    assert can_answer("Open 9:00 to 16:00", ("clock",))
    assert not can_answer("Konferencen holdes den 20. november.", ("clock",))
    assert can_answer("Det koster 500 kr. i 2024.", ("number_or_date", "money"))


def test_a_phone_question_is_not_answered_by_a_sentence_without_a_number() -> None:
    question = "What is the phone number of the Jonava office?"
    assert ExtractiveAnswerer(min_score=0.4).answer(question, "en", retrieved((0.7, 0.3, 0.65))).abstained
    passage = "Jonava office: +370 349 12345."
    phone = Retrieved((hit("c", passage, "en", 0.7),), {"c": (match("c", passage, passage, 0.6),)})
    draft = ExtractiveAnswerer(min_score=0.4).answer(question, "en", phone)
    assert not draft.abstained and "+370" in draft.text


def test_an_answer_cites_at_most_max_passages() -> None:
    close = retrieved((0.7, 0.3, 0.69), passage_b=0.7)
    assert len(ExtractiveAnswerer(min_score=0.4, max_passages=2).answer("Which city?", "en", close).citations) == 2
    assert len(ExtractiveAnswerer(min_score=0.4, max_passages=1).answer("Which city?", "en", close).citations) == 1


def test_a_clause_and_its_sentence_are_not_both_quoted() -> None:
    passage = "Det kan handla om arbete og uddannelse i mange kommuner, siger centrets direktør Ewa Persson Göransson."
    clause = "siger centrets direktør Ewa Persson Göransson."
    sentences = (match("c", clause, passage, 0.7), match("c", passage, passage, 0.69))
    draft = ExtractiveAnswerer(min_score=0.4).answer(
        "Who is the director?", "en", Retrieved((hit("c", passage, "da", 0.7),), {"c": sentences})
    )
    assert draft.text.count("Göransson") == 1 and len(draft.citations) == 1
    assert "Det kan handla om arbete" in draft.text  # the clause matched; its whole sentence is quoted


def test_a_clause_is_quoted_alone_when_its_sentence_is_too_long_to_quote() -> None:
    sentence = "Det kan handla om arbete og uddannelse " + "i mange kommuner og regioner, " * 30 + "siger Ewa Göransson."
    clause = "siger Ewa Göransson."
    start = sentence.index(clause)
    sentences = (SentenceMatch("c", clause, start, len(sentence), 0.7), match("c", sentence, sentence, 0.5))
    draft = ExtractiveAnswerer(min_score=0.4).answer(
        "Who is the director?", "en", Retrieved((hit("c", sentence, "da", 0.7),), {"c": sentences})
    )
    assert f"“{clause}”" in draft.text and "Det kan handla" not in draft.text


def test_once_a_passage_naming_the_subject_is_quoted_others_are_not_added() -> None:
    nordregio = "Nordens välfärdscenter ska tillsammans med Nordregio skapa en mötesplats."
    other = "UNHCR har styrket sit fokus på integration."
    hits = (hit("a", nordregio, "sv", 0.49), hit("b", other, "da", 0.47))
    sentences = {"a": (match("a", nordregio, nordregio, 0.5),), "b": (match("b", other, other, 0.49),)}
    answerer = ExtractiveAnswerer(min_score=0.39, max_quotes=3, margin=0.05)
    asked = Retrieved(hits, sentences, names=("nordregio",))
    assert [c.hit.chunk_id for c in answerer.answer("Hvad er Nordregio?", "da", asked).citations] == ["a"]
    # Without a name in the question (or when no quoted passage names it) both stay.
    plain = Retrieved(hits, sentences)
    assert [c.hit.chunk_id for c in answerer.answer("Hvad er det?", "da", plain).citations] == ["a", "b"]
    unnamed = Retrieved(hits, sentences, names=("jonava",))
    assert [c.hit.chunk_id for c in answerer.answer("Hvad er Jonava?", "da", unnamed).citations] == ["a", "b"]


def test_a_sentence_about_another_country_does_not_answer() -> None:
    passage = "Danijoje delegacija lankysis Roskildės savivaldybėje. Švedijoje delegacija lankysis Eslöv savivaldybėje."
    denmark, sweden = passage.split(". ")
    sentences = {"c": (match("c", denmark + ".", passage, 0.6), match("c", sweden, passage, 0.5))}
    found = Retrieved((hit("c", passage, "lt", 0.7),), sentences)
    draft = ExtractiveAnswerer(min_score=0.4).answer("Vilka kommuner i Sverige besöker delegationen?", "sv", found)
    assert "Eslöv" in draft.text and "Roskildės" not in draft.text
    # Asked about Denmark, the Danish sentence is the answer; a question naming no country keeps both.
    draft = ExtractiveAnswerer(min_score=0.4, margin=0.2).answer("Which Danish municipality?", "en", found)
    assert "Roskildės" in draft.text and "Eslöv" not in draft.text
    draft = ExtractiveAnswerer(min_score=0.4, margin=0.2).answer("Which municipalities?", "en", found)
    assert "Roskildės" in draft.text and "Eslöv" in draft.text


def test_only_sentences_about_other_countries_abstain() -> None:
    passage = "I Letland har UNHCR udviklet en håndbog."
    found = Retrieved((hit("c", passage, "da", 0.7),), {"c": (match("c", passage, passage, 0.6),)})
    assert ExtractiveAnswerer(min_score=0.4).answer("Hvad har UNHCR udviklet i Estland?", "da", found).abstained


def test_a_heading_never_adds_to_an_answer() -> None:
    passage = "Baltijos šalių delegacija\n\nPrie delegacijos prisijungs ministerijos atstovas."
    heading, sentence = passage.split("\n\n")
    found = Retrieved(
        (hit("c", passage, "lt", 0.7),), {"c": (match("c", sentence, passage, 0.6), match("c", heading, passage, 0.59))}
    )
    draft = ExtractiveAnswerer(min_score=0.4).answer("Who joins the delegation?", "en", found)
    assert "ministerijos atstovas" in draft.text and "Baltijos šalių delegacija" not in draft.text
    # Alone, a heading-like line ("Generalsekreterare Dagfinn Høybråten") can still be the answer.
    alone = Retrieved((hit("c", passage, "lt", 0.7),), {"c": (match("c", heading, passage, 0.6),)})
    assert "Baltijos šalių delegacija" in ExtractiveAnswerer(min_score=0.4).answer("Which delegation?", "en", alone).text


def test_a_heading_answer_comes_with_its_sections_best_sentence() -> None:
    passage = "Nordisk idébank\nMånga kommuner efterfrågar tips. Därför skapas en webbaserad idébank med metoder."
    other = "UNHCR arbetar med integration i regionen."
    hits = (hit("h", passage, "sv", 0.6), hit("o", other, "da", 0.5))
    sentences = {
        "h": (
            match("h", "Nordisk idébank", passage, 0.5),
            match("h", "Därför skapas en webbaserad idébank med metoder.", passage, 0.3),
            match("h", "Många kommuner efterfrågar tips.", passage, 0.2),
        ),
        "o": (match("o", other, other, 0.3),),
    }
    draft = ExtractiveAnswerer(min_score=0.39).answer("What is the idea bank?", "en", Retrieved(hits, sentences))
    assert [c.hit.chunk_id for c in draft.citations] == ["h"]  # context from the same passage: no new citation
    citation = draft.citations[0]  # two quotes from one passage: the citation spans them, inside the passage
    assert citation.quote == citation.hit.text[citation.quote_start : citation.quote_end]
    assert citation.quote.startswith("Nordisk idébank") and citation.quote.endswith("med metoder.")
    assert "webbaserad idébank" in draft.text and "Många kommuner" not in draft.text
    full = {"h": (match("h", "Därför skapas en webbaserad idébank med metoder.", passage, 0.6),), "o": sentences["o"]}
    plain = ExtractiveAnswerer(min_score=0.39).answer("What is the idea bank?", "en", Retrieved(hits, full))
    assert plain.text.count("“") == 1  # a sentence answer gets nothing added
