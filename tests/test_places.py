"""Places on the short line: towns from GeoNames and countries from CLDR, matched when inflected."""

from typing import Any

import pytest

from assistant.answer.kinds import required_kinds
from assistant.answer.places import named_in, places
from assistant.answer.short_line import short_answer
from assistant.answer.values import find_values
from assistant.languages.locale import render
from assistant.types import Hit, SentenceMatch


@pytest.mark.parametrize(
    ("sentence", "language", "expected"),
    [
        # Lithuanian genitives and locatives of Danish, Latvian and Estonian towns
        ("Delegacija lankysis Roskildės savivaldybėje.", "lt", ["Roskilde"]),
        ("Latvijai atstovaus Jekabpilio, Jelgavos, Balvų miestų darbuotojai.", "lt", ["Jēkabpils", "Jelgava", "Balvi"]),
        ("Konferensen hålls den 20 november i Köpenhamn.", "sv", ["Köpenhamn"]),  # a name as written
        ("Kurss notiek Rīgā un Daugavpilī.", "lv", ["Rīgā", "Daugavpils"]),
        ("Tapahtuma järjestetään Tampereella.", "fi", ["Tampere"]),
    ],
)
def test_towns_are_found_as_written_or_inflected(sentence: str, language: str, expected: list[str]) -> None:
    assert [town for town, _ in places(sentence, language) if town] == expected


def test_words_that_are_also_small_towns_are_no_places() -> None:
    # "Time" and "Salo" are towns (Norway, Finland) and words; "Norden" is no inflection of Nora (Sweden).
    assert places("Time: 17:30–19:00. Salo on suuri.", "en") == []
    assert places("Samarbejdet i Norden og Baltikum", "da") == []
    assert places("Kontakt: NAV, EU og UNHCR", "da") == []  # acronyms


def test_countries_are_rendered_in_the_askers_language() -> None:
    [value] = find_values("Jonava blev optaget i Litauen", "place", "da")[1:]
    assert value.territory == "LT"
    assert render(value, "uk") == "Литва"
    assert render(value, "ar") == "ليتوانيا"


def test_a_question_names_places_in_its_own_language() -> None:
    assert named_in("Какой город Литвы первым вошёл в программу?", "ru") == {"LT"}
    assert "tartu" in named_in("Wo findet der Familientag in Tartu statt?", "de")
    assert named_in("Какой номер телефона центра в Таллинне?", "ru") == {"tallinn"}  # GeoNames' Cyrillic spellings


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("Which Danish municipalities did the delegation visit?", "en"),
        ("Mitkä Latvian kunnat osallistuivat opintomatkalle?", "fi"),
        ("Какие эстонские города входили в делегацию?", "ru"),
        ("Hvilke byer har skrevet under?", "da"),
        ("Які міста брали участь?", "uk"),
    ],
)
def test_which_towns_questions_ask_for_a_place(question: str, language: str) -> None:
    assert "place" in required_kinds(question, language)


def quoted(text: str, language: str = "lt") -> list[tuple[Hit, SentenceMatch, int]]:
    hit = Hit("a", "doc.md", text, "FOR-IN", language, 1.0)
    return [(hit, SentenceMatch("a", text, 0, len(text), 0.7, ((0, len(text)),), "sentence"), 1)]


def test_the_short_line_lists_the_towns_a_quote_names() -> None:
    quote = quoted("Estijos delegaciją sudaro Tartu, Pärnu ir Narvos miestų atstovai.")
    line = short_answer("uk", ("place",), quote, "Які міста Естонії були в делегації?")
    assert line == "Коротко: Tartu, Pärnu і Narva [1]"


def test_no_country_answers_a_question_that_names_a_town() -> None:
    quote = quoted("Šeimos diena vyks Estijoje.")
    assert short_answer("de", ("place",), quote, "Wo findet der Familientag in Tartu statt?") == ""
    assert short_answer("de", ("place",), quote, "Wo findet der Familientag statt?") == "Kurz gesagt: Estland [1]"


def test_no_place_line_when_the_quote_names_none_but_the_asked() -> None:
    quote = quoted("Kursai vyksta Vilniuje.")
    assert short_answer("en", ("place",), quote, "Where in Vilnius are the courses?") == ""
    # The town asked, written another way in the source ("Köpenhamn" for Copenhagen), is no answer either.
    quote = quoted("Konferensen hålls i Köpenhamn.", "sv")
    assert short_answer("en", ("place",), quote, "Where in Copenhagen is the conference held?") == ""


def test_the_towns_a_question_asks_about_and_a_document_names() -> None:
    from assistant.answer.places import towns_asked, towns_named

    assert towns_asked("What is the allowance in Tartu?", "en") == {"tartu"}
    assert towns_asked("Який телефон у Таллінні?", "uk") == {"tallinn"}
    assert towns_asked("What time does it open?", "en") == set()  # "Time" is a Norwegian town, not asked here
    assert towns_named("Tartu\nKohanemine › Toetused\nTallinnas on teine keskus.") == {"tartu", "tallinn"}


def test_the_towns_of_an_indexed_document_are_read_from_its_passages(fake_assistant: Any) -> None:
    from assistant.pipeline import document_towns

    corpus = fake_assistant.settings.corpus_dir
    (corpus / "a.txt").write_text("Kohanemine\n\nTartu linn maksab toetust. Kontor asub Raekoja platsil.", encoding="utf-8")
    fake_assistant.index()
    towns_of = document_towns(fake_assistant.store)
    assert towns_of("a.txt") == {"tartu"} and towns_of("missing.txt") == frozenset()
    (corpus / "a.txt").write_text("Kohanemine\n\nPärnu linn maksab toetust.", encoding="utf-8")
    fake_assistant.index()
    assert towns_of("a.txt") == {"parnu"}  # a new revision is read again


def test_towns_written_in_arabic_or_ethiopic_script_are_read_by_their_latin_names() -> None:
    from assistant.answer.places import towns_written_otherwise

    assert towns_written_otherwise("ما هو رقم هاتف مكتب المفوضية في أوسلو؟") == ["Oslo"]
    assert towns_written_otherwise("شماره تلفن مرکز پذیرش تالین چیست؟") == ["Tallinn"]
    assert towns_written_otherwise("ቁጽሪ ተሌፎን ቤት ጽሕፈት UNHCR ኣብ ኦስሎ እንታይ እዩ?") == ["Oslo"]
    assert towns_written_otherwise("ما هي ساعات العمل في بريغا؟") == ["Riga"]  # "in Riga", the preposition attached
    assert towns_written_otherwise("كم عدد اللاجئين الذين حصلوا على وظائف في الدنمارك؟") == []


def test_a_phone_number_comes_only_from_a_passage_naming_the_town_asked_in_another_script() -> None:
    from assistant.answer.extractive import names_the_asked
    from assistant.types import Hit

    question = "ما هو رقم هاتف مكتب المفوضية في أوسلو؟"  # a user trial got the Vejle café's number
    vejle = Hit("v", "cafe.docx", "Sprogcafé i Vejle. Tlf. +45 76 81 42 90", "Sprogcafé Vejle", "da", 1.0)
    oslo = Hit("o", "unhcr.html", "UNHCR i Oslo: telefon 22 00 00 00", "UNHCR Norge", "nb", 1.0)
    assert not names_the_asked(question, vejle) and names_the_asked(question, oslo)


def test_a_question_naming_a_country_is_answered_only_by_its_towns() -> None:
    from assistant.answer.short_line import asked_places

    found = find_values("Jonava ir Reykjanesbær prisijungė prie iniciatyvos.", "place", "lt")
    asked = asked_places(found, "Which town in Iceland joined Cities #WithRefugees?", "en")
    assert [v.text for v in asked] == ["Reykjanesbær"]
    assert asked_places(find_values("Jonava prisijungė pirmoji.", "place", "lt"), "Which town in Iceland joined?", "en") == []
    assert [v.text for v in asked_places(found, "Which towns joined?", "en")] == ["Jonava", "Reykjanesbær"]


@pytest.mark.parametrize(
    ("question", "language", "expected"),
    [
        ("Що таке програма FOR-IN і які міста брали участь?", "uk", ["Tartu", "Pärnu"]),
        ("Какие города участвовали в проекте?", "ru", ["Tartu", "Pärnu"]),
        ("ما هي المدن التي شاركت؟", "ar", ["Tartu", "Pärnu"]),
        ("Which countries took part in the visit?", "en", ["EE"]),
        ("Kuri šalys dalyvavo vizite?", "lt", ["EE"]),
    ],
)
def test_a_question_for_towns_is_not_answered_by_a_country_nor_the_reverse(
    question: str, language: str, expected: list[str]
) -> None:
    from assistant.answer.short_line import asked_places

    found = find_values("Estijos delegaciją sudaro Tartu ir Pärnu miestų atstovai.", "place", "lt")
    assert [v.text for v in asked_places(found, question, language)] == expected
    country_only = find_values("Intensyvi programa planuojama Švedijoje.", "place", "lt")
    assert [v.text for v in asked_places(country_only, question, language)] == ([] if expected != ["EE"] else ["SE"])
    assert [v.text for v in asked_places(country_only, "Where is it planned?", "en")] == ["SE"]  # "where": either


def test_a_name_spelt_otherwise_or_a_sentence_opener_does_not_hide_a_contact() -> None:
    from assistant.answer.abstention import question_names, share_missing

    # Latvian writes Borlänge "Borlenge": one letter apart is the same name; two are not
    assert share_missing("Kāds ir Borlenges konsultantes tālruņa numurs?", "Borlänge kommun, telefon 0243-74 12 58") == 0
    assert share_missing("Kāds ir Borgholmas konsultantes tālruņa numurs?", "Borlänge kommun, telefon 0243-74 12 58") == 1
    # a town by another of its names: "Vasa" is Vaasa in Swedish; "about" is not Åbo (Turku)
    assert share_missing("What is the phone number of the office in Vaasa?", "Integrationskontoret i Vasa, tel. 06 325 1190") == 0
    assert share_missing("What is the phone number of the office in Turku?", "Read about the office, tel. 06 325 1190") == 1
    # a follow-up joined to the question before it: "Und" opens a sentence, it names nothing
    joined = "Wer ist die Ansprechpartnerin in Seinäjoki? Und wie ist ihre Telefonnummer?"
    assert "Und" not in question_names(joined) and "Seinäjoki" in question_names(joined)


def test_lithuanian_plural_town_names_inflected() -> None:
    from assistant.answer.places import town_of

    assert town_of("Trakų") == "Trakai" and town_of("Šiauliuose") == "Šiauliai"


def test_the_country_a_document_is_about() -> None:
    from assistant.answer.places import home_country

    estonian = "Eesti keele kursused\n\nTasuta kursused Tallinnas ja Tartus. Eestis elavad ajutise kaitse saajad."
    assert home_country(estonian, "et") == "EE"  # its towns and its name, with the language's country
    assert home_country("Velkommen. Ring til os mandag.", "da") == "DK"  # a Danish page naming none
    survey = "Outcomes in Denmark, Sweden, Norway and Finland. Denmark leads; Sweden and Finland follow; Norway too."
    assert home_country(survey, "en") == ""  # a page about several countries
    assert home_country("Welcome. Call us on Monday.", "en") == ""  # English names no country of its own
    assert home_country("Svenska kurser i Helsingfors.", "sv") == ""  # Swedish is Finland's language too


def test_the_countries_a_question_names_in_any_language() -> None:
    from assistant.answer.places import countries_asked

    assert countries_asked("Kāda valsts nodeva Igaunijā jāmaksā par ārsta kvalifikācijas atzīšanu?", "lv") == {"EE"}
    assert countries_asked("Kura iestāde izvērtē diplomu Zviedrijā un kura – Igaunijā?", "lv") == {"SE", "EE"}
    assert countries_asked("ኣብ ሽወደን ናይ ወጻኢ ዩኒቨርሲቲ ዲግሪ ገንዘብ ይኽፈል ድዩ?", "ti") == {"SE"}
    assert countries_asked("Який телефон центру в Тарту?", "uk") == {"EE"}  # by a town
    assert countries_asked("ما هو رقم هاتف المكتب في أوسلو؟", "ar") == {"NO"}
    assert countries_asked("How much does the course cost?", "en") == set()
    assert countries_asked("ما هي رسوم لم شمل الأسرة في الدنمارك؟", "ar") == {"DK"}  # CLDR writes "الدانمرك"
    assert countries_asked("كم تبلغ الرسوم بالسويد؟", "ar") == {"SE"}  # after the prefix "ب"
    assert countries_asked("Iswiidhan sidee loo codsadaa?", "so") == {"SE"}  # CLDR writes "Iswidhan"
    assert countries_asked("Hvað kostar umsóknin í Noregi?", "is") == {"NO"}  # Noregur, inflected
    assert countries_asked("Is there an island trip?", "en") == set()  # a lower-case word names no country


def test_an_indexed_document_keeps_the_country_it_is_about(fake_assistant: Any) -> None:
    corpus = fake_assistant.settings.corpus_dir
    (corpus / "a.txt").write_text("Kohanemine\n\nTartu linn maksab toetust. Eestis elavad pered saavad abi.", encoding="utf-8")
    (corpus / "b.txt").write_text("Integration in Denmark, Sweden and Norway: a comparison.", encoding="utf-8")
    fake_assistant.index()
    documents = fake_assistant.store.active().documents
    assert documents["a.txt"].country == "EE" and documents["b.txt"].country == ""
    retriever = fake_assistant.retriever
    question = "Kui suur on toetus Lätis?"  # names Latvia: the Estonian page is about another country
    rows = retriever.candidates(retriever.query_vector(question), question, "et").rows
    assert {row.hit.doc_id: row.elsewhere for row in rows} == {"a.txt": True, "b.txt": False}
    question = "Kui suur on toetus Eestis?"
    assert not any(row.elsewhere for row in retriever.candidates(retriever.query_vector(question), question, "et").rows)
