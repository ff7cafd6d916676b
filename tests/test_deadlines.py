from assistant.answer.deadlines import days_asked, stated_role
from assistant.answer.kinds import required_kinds
from assistant.answer.short_line import line_kinds, short_answer
from assistant.types import Hit, SentenceMatch

STARTS_AND_CLOSES = "Seuraava mentorointijakso alkaa 16.3.2026, ja sen haku päättyy 27.2.2026."


def quoted(*texts: str, language: str = "fi") -> list[tuple[Hit, SentenceMatch, int]]:
    found = []
    for n, text in enumerate(texts, start=1):
        hit = Hit(f"c{n}", f"{n}.md", text, "Kurssit", language, 2.0 - n / 10)
        found.append((hit, SentenceMatch(f"c{n}", text, 0, len(text), 0.6, ((0, len(text)),), "sentence"), n))
    return found


def line(question: str, language: str, found: list[tuple[Hit, SentenceMatch, int]]) -> str:
    kinds = line_kinds(question, language, required_kinds(question, language))
    return " ".join(short_answer(language, kinds, found, question, roles=days_asked(question, language)).split())


def test_the_days_a_question_asks_for_are_read_in_its_language() -> None:
    assert days_asked("До якого числа треба подати заяву?", "uk") == ("end",)
    assert days_asked("حتى متى يبقى التصريح ساري المفعول؟", "ar") == ("end",)
    assert days_asked("Mihin mennessä kurssille pitää ilmoittautua?", "fi") == ("end",)
    assert days_asked("When does the course start?", "en") == ("start",)
    assert days_asked("Kada prasideda kursai ir iki kada reikia užsiregistruoti?", "lt") == ("start", "end")
    assert days_asked("Когда будет встреча?", "ru") == ()


def test_a_source_clause_says_which_day_its_date_is_in_any_source_language() -> None:
    assert stated_role("ja sen haku päättyy 27.2.2026.") == "end"
    assert stated_role("Tilmelding senest 1. oktober 2026") == "end"
    assert stated_role("2026 m. gegužės 11 d. prasideda nauji kursai") == "start"
    assert stated_role("Prøven afholdes 3. december 2026") == ""
    assert stated_role("Kursen börjar 3 mars och anmälan stänger senast 1 mars") == ""  # both: says nothing


def test_a_deadline_question_gets_the_closing_date_not_the_start() -> None:
    found = quoted(STARTS_AND_CLOSES)
    assert line("Do kiedy można się zgłosić na mentoring?", "pl", found) == "W skrócie: 27 lutego 2026 [1]"
    assert line("When does the next mentoring period start?", "en", found) == "In short: 16 March 2026 [1]"
    assert line("Коли наступний період менторства?", "uk", found) == ""  # two dates and no day asked: no line


def test_a_start_in_the_first_quote_gives_way_to_the_end_of_a_period_in_the_next() -> None:
    found = quoted(
        "Nākamā grupa sāks mācības 2026. gada 7. aprīlī.",
        "Pavasara kursiem var pieteikties no 2026. gada 2. februāra līdz 27. februārim.",
        language="lv",
    )
    assert line("До какого числа можно записаться на курсы?", "ru", found) == "Коротко: 27 февраля 2026 г. [2]"
    assert line("Когда начинаются курсы?", "ru", found) == "Коротко: 7 апреля 2026 г. [1]"


def test_a_question_for_both_days_gets_both_in_its_own_order() -> None:
    found = quoted(
        "Pieteikšanās pavasara kursiem ir atvērta līdz 2026. gada 16. februārim, un kursi sākas 2. martā.", language="lv"
    )
    question = "Kada prasideda kursai ir iki kada reikia užsiregistruoti?"
    assert line(question, "lt", found) == "Trumpai: kovo 2 d. [1]; 2026 m. vasario 16 d. [1]"


def test_without_words_for_the_day_a_single_date_is_stated_as_before() -> None:
    found = quoted("Prøven afholdes 3. december 2026 i Kildeby.", language="da")
    assert line("Hvornår er sidste frist for prøven?", "da", found) == "Kort sagt: 3. december 2026 [1]"


def test_a_registration_period_among_other_dates_ends_on_its_own_day() -> None:
    found = quoted(
        "2026 m. gegužės 11 d. prasideda nauji kursai.",
        "Registracija vyksta nuo 2026 m. birželio 15 d. iki rugpjūčio 20 d. Kursai prasideda 2026 m. rugsėjo 7 d.",
        language="lt",
    )
    assert line("До какого числа можно записаться на осенние курсы?", "ru", found) == "Коротко: 20 августа [2]"


def test_a_start_word_leading_in_to_several_dates_says_nothing_of_any_one() -> None:
    found = quoted("Nye kurs starter 19. januar, 20. april og 24. august 2026.", language="nb")
    assert line("Hvenær byrja næstu norskunámskeið í haust?", "is", found) == ""


def test_a_label_before_a_date_says_which_day_it_is() -> None:
    found = quoted(
        "Íslenska 1 (byrjendur)\nHefst: 15. janúar 2025\nVerð: 39.000 kr.",
        "Skráningarfrestur fyrir bæði námskeiðin er 8. janúar 2025.",
        language="is",
    )
    assert line("ኣብ ሉንዳርቪክ ምዝገባ ትምህርቲ ቋንቋ ኣይስላንድ ክሳብ መዓስ እዩ?", "ti", found).endswith("8, 2025 [2]")
    assert line("Hvenær hefst Íslenska 1?", "is", found) == "Í stuttu máli: 15. janúar 2025 [1]"


def test_a_question_for_a_whole_period_gets_the_whole_period() -> None:
    found = quoted("Sfi-veckan hålls 9.3.–15.3.2026 i hela landet.", language="sv")
    assert days_asked("From when to when is the sfi week?", "en") == ("start", "end")
    assert line("هفته‌ی sfi از چه تاریخی تا چه تاریخی برگزار می‌شود؟", "fa", found) == "به طور خلاصه: 9 تا 15 مارس 2026 [1]"
    assert line("From when to when is the sfi week?", "en", found) == "In short: 9–15 Mar 2026 [1]"
    assert line("Until when is the sfi week?", "en", found) == "In short: 15 March 2026 [1]"
