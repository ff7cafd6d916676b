"""Values found in source sentences of every source language, and rendered for every asker language."""

import datetime as dt

import pytest

from assistant.answer.values import Value, contact_detail, find_values, parse_number, rate_named
from assistant.languages.detection import SUPPORTED
from assistant.languages.locale import country_name, language_name, render

FOUND = [
    # (kind, source language, sentence, what is found)
    ("money", "da", "Enlig uden børn får 12 500 kr. om måneden.", [(12500.0, "DKK")]),
    ("money", "sv", "Deltar du på heltid får du 312 kronor per dag.", [(312.0, "SEK")]),
    ("money", "nb", "Stønaden er 21 200 kr per måned.", [(21200.0, "NOK")]),
    ("money", "is", "Skráningargjald er 12.000 kr.", [(12000.0, "ISK")]),
    ("money", "fi", "Työmarkkinatuki on 45,65 euroa päivässä.", [(45.65, "EUR")]),
    ("money", "et", "Kursuse hüvitis on 150 eurot.", [(150.0, "EUR")]),
    ("money", "lv", "Atkārtotas pārbaudes maksa ir 30 EUR.", [(30.0, "EUR")]),
    ("money", "lt", "Užstatas – 50 EUR.", [(50.0, "EUR")]),
    (
        "money",
        "lt",
        "Pajamos: ne mažiau kaip 1 038 eurai per mėnesį ir 519 eurų kitam nariui.",
        [(1038.0, "EUR"), (519.0, "EUR")],
    ),
    ("money", "en", "A statement costs ISK 9,800.", [(9800.0, "ISK")]),
    ("money", "de", "Ein Stipendium von 2.400 Euro pro Person.", [(2400.0, "EUR")]),
    ("money", "en", "The course starts in May.", []),
    ("percent", "nb", "58 prosent av deltakerne var i arbeid.", [58.0]),
    ("percent", "da", "41 procent var i job eller uddannelse.", [41.0]),
    ("percent", "en", "an employment rate of 35 %", [35.0]),
    ("percent", "fi", "Naisista 24,5 % työllistyi.", [24.5]),
    ("number", "da", "I alt deltog 214 personer i programmet i 2025.", [214.0]),
    ("number", "lt", "Iš 687 dalyvių dauguma buvo moterys.", [687.0]),
    ("number", "en", "1) knowledge 2) partnerships", []),
    ("duration", "nb", "Programmet varer fra tre måneder til to år.", [(3.0, "month", 2.0, "year")]),
    ("duration", "nb", "Programmet varte i gjennomsnitt 22 måneder.", [(22.0, "month", None, "")]),
    ("duration", "fi", "Koulutus kestää yleensä 40 viikkoa.", [(40.0, "week", None, "")]),
    ("duration", "sv", "Programmet varar i högst två år.", [(2.0, "year", None, "")]),
    ("duration", "lv", "Kurss ilgst 16 stundas.", [(16.0, "hour", None, "")]),
    ("duration", "et", "Moodul kestab 8 nädalat.", [(8.0, "week", None, "")]),
    ("duration", "is", "Námskeiðið er 60 klukkustundir.", [(60.0, "hour", None, "")]),
    ("duration", "de", "Der Austausch dauert drei Wochen.", [(3.0, "week", None, "")]),
    ("duration", "lt", "Programa trunka 6 mėnesius.", [(6.0, "month", None, "")]),
    ("duration", "da", "Der er ingen frist.", []),
    ("duration", "lt", "Kursų trukmė – 80 akademinių valandų.", [(80.0, "hour", None, "")]),
    ("duration", "et", "Hinnang antakse hiljemalt 30 kalendripäeva jooksul.", [(30.0, "day", None, "")]),
    ("duration", "lv", "Skolas ielā 5, no plkst. 18.00 līdz 20.15.", []),
    ("duration", "nb", "Programmet varer 2 skoleår for 3 mandager.", []),
]

DATES = [
    ("de", "Bewerbungsschluss: 15. März 2026, 23:59 Uhr", dt.date(2026, 3, 15), None),
    ("lv", "no 2026. gada 2. februāra līdz 27. februārim", dt.date(2026, 2, 2), dt.date(2026, 2, 27)),
    ("lt", "2022 m. gruodžio 5 – 9 d. vyks vizitas", dt.date(2022, 12, 5), dt.date(2022, 12, 9)),
    ("et", "Kursused algavad 13. aprillil 2026", dt.date(2026, 4, 13), None),
    ("fi", "Laki tulee voimaan 1.8.2026.", dt.date(2026, 8, 1), None),
    ("da", "Kampdag den 8. marts 2026 kl. 11.00", dt.date(2026, 3, 8), None),
    ("sv", "Sfi-veckan pågår 9–15 mars 2026.", dt.date(2026, 3, 9), dt.date(2026, 3, 15)),
    ("nb", "Søknadsfrist 1. oktober 2026.", dt.date(2026, 10, 1), None),
    ("is", "Námskeiðið hefst 4. maí 2026.", dt.date(2026, 5, 4), None),
    ("en", "Registration is open until 25 September 2026.", dt.date(2026, 9, 25), None),
    ("en", "The conference was on November 20, 2018.", dt.date(2018, 11, 20), None),
    ("lv", "Pieteikumus pieņem līdz 2. maijam 2025.", dt.date(2025, 5, 2), None),
    ("da", "Frist: 12. jan. 2026", dt.date(2026, 1, 12), None),
]


def test_a_count_of_hours_keeps_its_unit_and_a_bare_number_is_no_duration() -> None:
    counted = find_values("Opplæring i norsk omfatter 20 timer per uke.", "number", "nb")
    assert [(v.kind, v.number, v.unit) for v in counted] == [("duration", 20.0, "hour")]
    assert render(counted[0], "uk") == "20 годин"
    assert find_values("Skolas ielā 5, no plkst. 18.00", "duration", "lv") == []


@pytest.mark.parametrize(
    ("language", "sentence", "minutes"),
    [
        ("de", "Ein Gespräch dauert höchstens 30 Minuten.", 30.0),
        ("is", "Fyrsta heimsóknin tekur um 90 mínútur.", 90.0),
        ("fi", "Käynti kestää 45 minuuttia.", 45.0),
        ("lv", "Saruna ilgst 15 minūtes.", 15.0),
        ("nb", "Samtalen varer høyst 60 minutter.", 60.0),
    ],
)
def test_minutes_are_a_duration(language: str, sentence: str, minutes: float) -> None:
    """ "How long may a call last?" was answered "2" (days before a visit) where the page says "30 Minuten"."""
    found = find_values(sentence, "duration", language)
    assert [(v.number, v.unit) for v in found] == [(minutes, "minute")]
    assert render(found[0], "uk").endswith("хвилин") and render(found[0], "en").endswith("minutes")


@pytest.mark.parametrize(("kind", "language", "sentence", "expected"), FOUND)
def test_values_are_found_in_every_source_language(kind: str, language: str, sentence: str, expected: list) -> None:
    values = find_values(sentence, kind, language)
    if kind == "money":
        assert [(v.number, v.currency) for v in values] == expected
    elif kind in ("percent", "number"):
        assert [v.number for v in values] == expected
    else:
        assert [(v.number, v.unit, v.upper, v.upper_unit) for v in values] == expected


@pytest.mark.parametrize(("language", "sentence", "start", "end"), DATES)
def test_dates_and_periods_with_inflected_month_names(language: str, sentence: str, start: dt.date, end: dt.date | None) -> None:
    values = find_values(sentence, "date", language)
    assert len(values) == 1 and values[0].day == start and values[0].until == end


def test_a_date_without_year_and_no_date_at_all() -> None:
    [value] = find_values("Konferensen hålls den 20 november i Köpenhamn.", "date", "sv")
    assert (value.day.month, value.day.day, value.has_year) == (11, 20, False)
    assert find_values("Kontakta oss på telefon.", "date", "sv") == []


def test_a_word_that_only_begins_like_a_month_is_no_date() -> None:
    # "maiņa" (a shift) begins as "maijs" (May) does; "balų" (points) as the abbreviation "bal." (April).
    assert [v.text for v in find_values("1. maiņa: 2.–13. jūnijs", "date", "lv")] == ["2.–13. jūnijs"]
    assert find_values("Surinko 10 balų.", "date", "lt") == []


def test_a_street_named_after_a_date_is_no_date() -> None:
    # "Vasario 16-osios g." is 16 February Street: Lithuanian writes months lower-case, so a capital inside a
    # sentence begins a name; at a sentence's start the month is read.
    assert find_values("Savivaldybė, Vasario 16-osios g. 62, LT-76295 Šiauliai", "date", "lt") == []
    assert [v.day for v in find_values("Vasario 16 d. vyks renginys.", "date", "lt")] == [dt.date(1900, 2, 16)]
    assert [v.text for v in find_values("The course starts on May 5.", "date", "en")] == ["May 5"]


def test_times_of_day_and_contacts() -> None:
    [day] = find_values("Torsdag | kl. 10.00–17.30", "time", "da")
    assert day.clock == (dt.time(10, 0), dt.time(17, 30))
    [english] = find_values("Monday | 9 am – 4 pm", "time", "en")
    assert english.clock == (dt.time(9, 0), dt.time(16, 0))
    assert find_values("Laki tulee voimaan 1.8.2026.", "time", "fi") == []
    contacts = [v.text for v in find_values("Telefon: +372 640 5570, e-post: keeleope@example.ee", "contact", "et")]
    assert contacts == ["keeleope@example.ee", "+372 640 5570"]
    assert find_values("Ring gerne til os.", "contact", "da") == []
    assert find_values("ILO-UNHCR Fælles Handlingsplan 2023-2025", "contact", "da") == []  # a period (user trial)
    assert find_values("2026 m. gegužės 11 d. prasideda kursai.", "number", "lt") == []  # a day of a month


@pytest.mark.parametrize(
    ("text", "kind", "language", "stated"),
    [("Tilskuddet er på højst 3.000 kr. om måneden.", "money", "da", "≤ 3\u00a0000 данських крон на місяць"),
     ("Kurset varer op til 12 måneder.", "duration", "da", "≤ 12 місяців"),
     ("Bidraget är ca. 300 kr per dag.", "money", "sv", "~300 шведських крон на день"),
     ("Maksu on enintään 50 euroa.", "money", "fi", "≤ 50 євро"),
     ("Dalyvauti gali ne mažiau kaip 10 žmonių.", "number", "lt", "≥ 10"),
     ("Es nehmen rund 120 Personen teil.", "number", "de", "~120"),
     ("Kurs trwa do 6 miesięcy.", "duration", "pl", "≤ 6 місяців"),
     ("Pabalsts līdz 300 eiro mēnesī.", "money", "lv", "≤ 300 євро на місяць"),
     ("Die Wohnung wird höchstens für 4 Monate vermietet.", "duration", "de", "≤ 4 місяці"),  # a short word between
     ("Pagaidu mītnē var dzīvot ne ilgāk kā 90 dienas.", "duration", "lv", "≤ 90 днів")],
)  # fmt: skip
def test_a_value_keeps_the_bound_its_words_give_it(text: str, kind: str, language: str, stated: str) -> None:
    [value] = find_values(text, kind, language)
    assert render(value, "uk") == stated


@pytest.mark.parametrize(
    ("text", "kind", "language"),
    [("The fee is 300 euros.", "money", "en"), ("no 200 līdz 300 eiro", "money", "lv"),
     ("fra 200 op til 300 kr.", "money", "da"), ("Kurset varer 12 måneder.", "duration", "da"),
     ("Kurset holdes over de 3 måneder.", "duration", "da")],  # "over" is no bound with a word between
)  # fmt: skip
def test_a_value_without_bounding_words_or_ending_a_range_has_no_bound(text: str, kind: str, language: str) -> None:
    assert all(not value.bound for value in find_values(text, kind, language))


@pytest.mark.parametrize(
    ("text", "language", "stated"),
    [("Dag: Torsdag; Tidspunkt: 9.30–11.30; Aktivitet: Sprogcafé", "da", ["четвер 09:30–11:30"]),
     ("Mandag–torsdag 9–15", "da", ["понеділок–четвер 09:00–15:00"]),
     ("tiistaisin ja torstaisin klo 17–19", "fi", ["вівторок і четвер 17:00–19:00"]),
     ("Day: Tuesday; Open: 9 am – 4 pm; legal adviser 12 noon – 3 pm", "en", ["вівторок 09:00–16:00", "вівторок 12:00–15:00"]),
     ("Kurset starter 3. marts kl. 17.00.", "da", []),
     ("Dienstag: 10.00–14.00; Mittwoch: geschlossen", "de", ["вівторок 10:00–14:00"]),
     ("Mandag og onsdag: 18.00–21.00", "nb", ["понеділок і середа 18:00–21:00"])],
)  # fmt: skip
def test_a_weekly_time_is_stated_with_its_days(text: str, language: str, stated: list[str]) -> None:
    from assistant.answer.weekdays import weekly

    assert [render(value, "uk") for value in weekly(text, language)] == stated


@pytest.mark.parametrize(
    ("text", "kind", "language", "stated"),
    [("Käsittely kestää 4–6 kuukautta.", "duration", "fi", "4–6 місяців"),
     ("Valvira | 383 € 4–6 Monate", "duration", "de", "4–6 місяців"),
     ("Läksykahvila on kesätauolla 6.6.–9.8.2026.", "date", "fi", "6 черв. – 9 серп. 2026\u202fр."),
     ("Vom 1. bis 31. Juli 2026 geschlossen.", "date", "de", "1–31 лип. 2026\u202fр.")],
)  # fmt: skip
def test_a_range_is_stated_with_both_ends(text: str, kind: str, language: str, stated: str) -> None:
    [value] = find_values(text, kind, language)
    assert render(value, "uk") == stated


@pytest.mark.parametrize(
    ("text", "language", "hours"),
    [("Åbent: fredag 9–12", "da", (9, 12)), ("Avoinna ma–pe 8–16", "fi", (8, 16)), ("Mo–Do 9–15 Uhr", "de", (9, 15)),
     ("Öppet kl. 10-14", "sv", (10, 14)), ("Fri 9–13", "en", (9, 13))],
)  # fmt: skip
def test_opening_hours_in_whole_hours(text: str, language: str, hours: tuple[int, int]) -> None:
    [value] = find_values(text, "time", language)
    assert value.clock == (dt.time(hours[0]), dt.time(hours[1]))


@pytest.mark.parametrize(
    ("text", "language"),
    [("Kurset varer 9–12 måneder.", "da"), ("Kurs trwa 2–3 lata.", "pl"), ("Afsnit 9-12 i loven", "da"),
     ("fredag 14-9", "da"), ("Ryhmässä on 8–12 henkeä.", "fi")],
)  # fmt: skip
def test_a_range_of_numbers_is_no_time_of_day(text: str, language: str) -> None:
    assert find_values(text, "time", language) == []


@pytest.mark.parametrize(
    "address",
    [
        "Föreningsgatan 47, 211 52 Malmö",
        "Raatuse 22, 51009 Tartu",
        "Hadsundvej 35, 9000 Aalborg",
        "Gedimino pr. 9, LT-01103 Vilnius",
        "Tērbatas iela 14, Rīga, LV-1011",
        "Šiaulių g. 5, LT-01100 Vilnius",
    ],
)
def test_a_street_address_with_its_postcode(address: str) -> None:
    block = f"Välkomstcenter\n{address}\nTelefon: 040-34 58 20"
    found = [v for v in find_values(block, "contact", "sv") if contact_detail(v) == "address"]
    assert [v.text for v in found] == [address]


def test_no_address_without_a_postcode_or_in_a_date() -> None:
    for text in (
        "Kyrkogatan 9, dagtid måndag",
        "On May 12, 2026 Tallinn hosts the fair",
        "Tase B1, 160 tundi",
        "Grupa 2, Rīga, 2026",
    ):
        assert not [v for v in find_values(text, "contact", "en") if contact_detail(v) == "address"]


@pytest.mark.parametrize(
    ("text", "value"), [("12 500", 12500), ("12.500", 12500), ("12,500", 12500), ("45,65", 45.65), ("2.5", 2.5), ("1 120", 1120)]
)
def test_numbers_whatever_their_grouping(text: str, value: float) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize("asker", SUPPORTED)
def test_every_asker_language_gets_every_kind_rendered(asker: str) -> None:
    money = render(Value("money", "12 500 kr.", 12500.0, currency="DKK"), asker)
    assert "12" in money and "500" in money and "kr." not in money
    duration = render(Value("duration", "tre måneder til to år", 3.0, 2.0, unit="month", upper_unit="year"), asker)
    assert "duration-" not in duration and "3" in duration and "2" in duration
    date = render(Value("date", "15. März 2026", day=dt.date(2026, 3, 15)), asker)
    assert "15" in date and "2026" in date
    period = render(Value("date", "5.–9. december 2022", day=dt.date(2022, 12, 5), until=dt.date(2022, 12, 9)), asker)
    assert "5" in period and "9" in period and "2022" in period
    percent = render(Value("percent", "58 prosent", 58.0), asker)
    assert "58" in percent and ("%" in percent or "٪" in percent)
    clock = render(Value("time", "kl. 10.00–17.30", clock=(dt.time(10, 0), dt.time(17, 30))), asker)
    assert "10" in clock and ("17" in clock or "5" in clock)
    assert render(Value("number", "214", 214.0), asker) == "214"
    monthly = render(Value("money", "290 € / kk", 290.0, currency="EUR", per="month"), asker)
    assert (
        "290" in monthly
        and "duration-" not in monthly
        and len(monthly) > len(render(Value("money", "290 €", 290.0, currency="EUR"), asker))
    )
    assert render(Value("contact", "+372 640 5570"), asker) == "+372 640 5570"  # kept as written


def test_rendering_examples_from_cldr() -> None:
    assert render(Value("money", "308 kronor", 308.0, currency="SEK"), "uk") == "308 шведських крон"
    assert render(Value("duration", "2 år", 2.0, unit="year"), "uk") == "2 роки"
    assert render(Value("money", "45,65 euroa", 45.65, currency="EUR"), "en") == "45.65 euros"
    assert language_name("lv", "uk") == "латиська" and language_name("da", "de") == "Dänisch"
    assert country_name("LV", "uk") == "Латвія"


RATES = [
    ("da", "Vuggestue: 4 110 kr. om måneden", "month"),
    ("fi", "Asuntolan vuokra on 290 € / kk.", "month"),
    ("fi", "Lounas maksaa 3,20 euroa päivässä.", "day"),
    ("lt", "Vertėjo paslauga kainuoja 25 EUR už valandą.", "hour"),
    ("lv", "Dalības maksa ir 40 EUR mēnesī.", "month"),
    ("et", "Üür on 250 eurot kuus.", "month"),
    ("sv", "Avgiften är högst 563 kr/mån.", "month"),
    ("is", "Styrkurinn er 40.000 kr. á mánuði.", "month"),
    ("en", "Membership is €50 a year.", "year"),
    ("da", "Kurset koster 1 200 kr. for 3 måneder.", ""),  # the price of three months, not a rate
    ("da", "Gebyret var 5 000 kr. år 2026.", ""),  # a year, not "a year"
    ("da", "Vuggestue 4 110 kr. Dagpleje 2 390 kr.", ""),  # the next cell of a table, not "per day"
    ("en", "The trip costs 300 euro per person.", ""),
]


@pytest.mark.parametrize(("language", "sentence", "per"), RATES)
def test_an_amount_keeps_the_unit_of_time_it_is_paid_by(language: str, sentence: str, per: str) -> None:
    assert find_values(sentence, "money", language)[0].per == per


@pytest.mark.parametrize(
    ("language", "header", "per"),
    [("da", "Pris pr. måned", "month"), ("fi", "Hinta (€/kk)", "month"), ("is", "Upphæð á mánuði", "month"),
     ("en", "Fee per year", "year"), ("en", "Daytime fee", ""), ("da", "Måneder", ""), ("da", "Type af plads", "")],
)  # fmt: skip
def test_a_column_header_can_say_what_its_amounts_are_paid_by(language: str, header: str, per: str) -> None:
    assert rate_named(header, language) == per


def test_a_rate_is_rendered_as_cldr_writes_it() -> None:
    [monthly] = find_values("Vuggestue: 4 110 kr. om måneden", "money", "da")
    assert render(monthly, "uk") == "4\u00a0110 данських крон на місяць"
    assert render(monthly, "en") == "4,110 Danish kroner per month"


def test_lists_are_joined_as_the_askers_language_writes_them() -> None:
    from assistant.languages.locale import language_name, listed

    names = {asker: [language_name("lv", asker), language_name("da", asker)] for asker in ("fa", "uk", "en")}
    assert listed(names["fa"], "fa") == "لتونیایی و دانمارکی"  # no Latin comma in a right-to-left line
    assert listed(names["uk"], "uk") == "латиська і данська"
    assert listed(names["en"], "en") == "Latvian and Danish"


@pytest.mark.parametrize(
    ("language", "sentence", "rendered", "count"),
    [("fi", "Kaksio: 610–680 € / kk", "610–680 євро на місяць", []),
     ("en", "It costs €25–30 per day.", "25–30 євро на день", []),
     ("fi", "Huone 2 – 350 €", "350 євро", ["2"]),  # a room's number, no range
     ("fi", "Odotusaika 3 kuukautta. Kolmio 820–890 €.", "820–890 євро", ["3 kuukautta"])],
)  # fmt: skip
def test_a_range_of_amounts_is_one_amount(language: str, sentence: str, rendered: str, count: list[str]) -> None:
    [amount] = find_values(sentence, "money", language)
    assert render(amount, "uk") == rendered
    assert [value.text for value in find_values(sentence, "number", language)] == count  # its lower end is no count


@pytest.mark.parametrize(
    ("text", "language", "stated"),
    [
        ("Valodas kafejnīca notiek katru ceturtdienu no plkst. 18.00 līdz 19.30.", "lv", ["четвер 18:00–19:30"]),
        ("The weekly meeting is held every Wednesday from 17:00 to 19:00.", "en", ["середа 17:00–19:00"]),
        ("Treffen jeden Dienstag von 10:00 bis 14:00 Uhr.", "de", ["вівторок 10:00–14:00"]),
        ("Åpent mandag fra kl. 9.00 til kl. 15.00.", "nb", ["понеділок 09:00–15:00"]),
    ],
)
def test_a_span_of_time_written_with_words_is_one_value(text: str, language: str, stated: list[str]) -> None:
    from assistant.answer.weekdays import weekly

    assert [render(value, "uk") for value in weekly(text, language)] == stated


def test_kroner_on_a_page_whose_language_has_no_krone_are_stated_as_written() -> None:
    found = find_values("Die Teilnahme kostet 450 Kronen pro Kurs.", "money", "de")
    assert [render(value, "ru") for value in found] == ["450 Kronen"]
    assert [render(value, "ru") for value in find_values("Deltagelse koster 450 kroner.", "money", "da")] == ["450 датских крон"]


def test_a_phone_number_with_an_area_code_in_brackets_is_whole() -> None:
    found = find_values("Darbo paieška: tel. (8 458) 51 900, el. p. darbas@liepa.lt", "contact", "lt")
    assert "(8 458) 51 900" in [value.text for value in found]
