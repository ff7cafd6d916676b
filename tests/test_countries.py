import pytest

from assistant.countries import about_other_country, countries


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Vilka kommuner i Sverige besöker delegationen?", "sv", {"SE"}),
        ("Danijoje Baltijos šalių delegacija lankysis", "lt", {"DK"}),
        ("Intensyvi programa planuojama Švedijoje.", "lt", {"SE"}),
        ("Як отримати дозвіл на роботу в Литві?", "uk", {"LT"}),
        ("كيف أحصل على تصريح إقامة في الدنمارك؟", "ar", {"DK"}),
        ("Sideen ku heli karaa guri Denmark?", "so", {"DK"}),  # English spelling in a Somali question
        ("ኣብ ሽወደን ከመይ ጌረ ስራሕ ክረክብ እኽእል?", "ti", {"SE"}),
        ("Mis kuupäevadel toimusid õppevisiidid Taani ja Rootsi?", "et", {"DK", "SE"}),
        ("I de baltiske lande støtter UNHCR stater og myndigheder", "da", set()),
        ("Konferensen hålls i norra Sverige", "sv", {"SE"}),  # Swedish 'norra' is north, not Estonian Norway
        ("Lietuvos darbo rinka esti atvira", "lt", {"LT"}),  # 'esti' (is) is not Estonia
    ],
)
def test_countries_named(text: str, language: str, expected: set[str]) -> None:
    assert countries(text, language) == expected


def test_adjectives_count_in_questions_only() -> None:
    assert countries("Which Swedish municipalities take part?", "en", adjectives=True) == {"SE"}
    assert countries("the Danish Refugee Council works in Lithuania", "en") == {"LT"}


def test_about_other_country() -> None:
    asked = frozenset({"SE"})
    assert about_other_country("Danijoje delegacija lankysis Roskildėje", "lt", asked)
    assert not about_other_country("Mokomųjų vizitų į Daniją ir Švediją tikslas", "lt", asked)
    assert not about_other_country("Delegacijos nariams bus pristatyta", "lt", asked)  # names no country
    assert not about_other_country("Danijoje delegacija lankysis Roskildėje", "lt", frozenset())


def test_place_words_in_any_language() -> None:
    from assistant.countries import names_a_place

    for word in ("Lettland", "Латвії", "Lithuanian", "Baltiska", "балтійських", "Nordiska", "Ziemeļvalstīs"):
        assert names_a_place(word), word
    for word in ("Nordregio", "NordForsk", "Jonava", "Dagfinn", "Skåne"):
        assert not names_a_place(word), word
