"""The extractive answer: which units are quoted, the short answer line, and the abstention decision."""

from assistant.answer.abstention import AbstentionModel, answer_features, details_missing, fit, years_missing
from assistant.answer.extractive import ExtractiveAnswerer, compose
from assistant.answer.kinds import required_kinds
from assistant.answer.places import towns_asked
from assistant.answer.short_line import line_kinds, quote_text, short_answer
from assistant.types import Hit, Retrieved, SentenceMatch, Unit

ROWS = "Husstand | Per måned\nEnslig | 21 200 kr\nPar | 42 400 kr"
PROSE = "Programmet varer fra tre måneder til to år. Stønaden utbetales hver måned. Kontakt oss for mer informasjon."
CONTACT = "Fjellvik kommune\nStorgata 1, 5000 Fjellvik\nTlf. 55 12 34 56"


def unit(chunk: str, text: str, start: int, end: int, score: float, kind: str = "sentence", spans: tuple = ()) -> SentenceMatch:
    return SentenceMatch(chunk, text, start, end, score, spans or ((start, end),), kind)


def passages() -> Retrieved:
    prose = Hit("p", "nb.html", PROSE, "Introduksjonsprogrammet", "nb", 2.0, units=())
    table = Hit("t", "nb.html", ROWS, "Introduksjonsprogrammet", "nb", 1.9)
    contact = Hit("c", "nb.html", CONTACT, "Introduksjonsprogrammet", "nb", 1.8)
    first = PROSE.index("Stønaden")
    units = {
        "p": (
            unit("p", PROSE[:43], 0, 43, 0.62),
            unit("p", PROSE[first : first + 32], first, first + 32, 0.58),
        ),
        "t": (
            unit("t", "Husstand | Per måned\nEnslig | 21 200 kr", 0, 39, 0.60, "row", ((0, 20), (21, 39))),
            unit("t", "Husstand | Per måned\nPar | 42 400 kr", 0, 56, 0.55, "row", ((0, 20), (40, 56))),
        ),
        "c": (unit("c", CONTACT, 0, len(CONTACT), 0.61, "lines"),),
    }
    return Retrieved((prose, table, contact), units, signals={"unit": 0.62, "best_unit": 0.62})


def answerer() -> ExtractiveAnswerer:
    return ExtractiveAnswerer(AbstentionModel.at_least(0.4))


def test_a_value_question_quotes_only_units_holding_that_kind_of_value() -> None:
    draft = answerer().answer("Hvor mye er stønaden per måned for en enslig?", "nb", passages())
    assert not draft.abstained
    quotes = [c.quote for c in draft.citations]
    assert all("kr" in q for q in quotes) and "Husstand: Enslig; Per måned: 21 200 kr" in quotes[0]


def test_a_contact_block_is_quoted_only_for_a_contact_question() -> None:
    open_question = answerer().answer("Hva er introduksjonsprogrammet?", "nb", passages())
    assert all("Tlf." not in c.quote for c in open_question.citations)
    contact = answerer().answer("Hva er telefonnummeret?", "nb", passages())
    assert any("55 12 34 56" in c.quote for c in contact.citations)


def test_short_answer_line_in_the_askers_language() -> None:
    draft = answerer().answer("Скільки триває програма?", "uk", passages())
    first = draft.text.splitlines()[0]
    assert first == "Коротко: 3 місяці – 2 роки [1]"
    money = answerer().answer("Скільки грошей отримує одна людина на місяць?", "uk", passages())
    assert (
        money.text.splitlines()[0].replace("\u00a0", " ") == "Коротко: 21 200 норвезьких крон на місяць [1]"
    )  # the column "Per måned"


def test_a_name_in_an_item_of_a_quoted_list_is_no_short_line() -> None:
    lines = ["The programme is open to adults who:", "have registered with Registers Iceland,", "hold a permit."]
    text = "\n".join(lines)
    spans = tuple((text.index(line), text.index(line) + len(line)) for line in lines)
    hit = Hit("l", "en.md", text, "Welcome programme", "en", 1.0)
    whole = SentenceMatch("l", text, 0, len(text), 0.8, spans, "list")
    assert short_answer("en", ("name",), [(hit, whole, 1)], "Who can take part in the programme?") == ""
    item = SentenceMatch("l", lines[1], spans[1][0], spans[1][1], 0.8, (spans[1],), "sentence")
    assert short_answer("en", ("name",), [(hit, item, 1)], "Who registers people?") != ""


def test_no_short_line_when_no_value_is_certain() -> None:
    retrieved = passages()
    quoted = [(retrieved.hits[1], retrieved.sentences["t"][0], 1)]
    assert short_answer("en", ("date",), quoted) == ""  # no date in the quote
    draft = answerer().answer("Hva er introduksjonsprogrammet?", "nb", retrieved)
    assert draft.text.splitlines()[0] == "Ifølge kildene:"  # an open question has no short line


def test_row_quotes_read_header_and_cell() -> None:
    retrieved = passages()
    assert quote_text(retrieved.hits[1], retrieved.sentences["t"][1]) == "Husstand: Par; Per måned: 42 400 kr"


def test_citations_hold_spans_of_their_passage() -> None:
    retrieved = passages()
    draft = compose("en", retrieved.hits, [retrieved.sentences["t"][0], retrieved.sentences["p"][0]])
    for citation in draft.citations:
        assert all(0 <= s < e <= len(citation.hit.text) for s, e in citation.spans)
        assert f"[{citation.n}]" in draft.text


def test_abstains_below_the_decision_threshold_and_lists_closest_sources() -> None:
    weak = Retrieved(passages().hits, passages().sentences, signals={"unit": 0.2, "best_unit": 0.2})
    draft = ExtractiveAnswerer(AbstentionModel.at_least(0.4)).answer("Hva er stønaden?", "nb", weak)
    assert draft.abstained and "Introduksjonsprogrammet" in draft.text and not draft.citations


def test_between_answering_and_being_sure_the_closest_passages_are_shown_as_such() -> None:
    def model(sure: float) -> AbstentionModel:  # confidence 0.5 at the passages' best unit (0.62)
        return AbstentionModel({"best_unit": 40.0}, -40.0 * 0.62, threshold=0.4, sure=sure)

    question = "Hvor mye er stønaden per måned for en enslig?"
    hedged = ExtractiveAnswerer(model(sure=0.6)).answer(question, "nb", passages())
    assert not hedged.abstained and hedged.citations
    assert hedged.text.startswith("Kildene svarer kanskje ikke nøyaktig på dette.") and "Kort sagt" not in hedged.text
    plain = ExtractiveAnswerer(model(sure=0.5)).answer(question, "nb", passages())
    assert plain.text.replace("\u00a0", " ").startswith("Kort sagt: 21 200 norske kroner per måned [1]")


def test_a_value_is_stated_only_from_the_short_line_threshold() -> None:
    model = AbstentionModel({"best_unit": 40.0}, -40.0 * 0.62, threshold=0.4, sure=0.5, line=0.6)  # confidence 0.5
    question = "Hvor mye er stønaden per måned for en enslig?"
    draft = ExtractiveAnswerer(model).answer(question, "nb", passages())
    assert draft.text.startswith("Ifølge kildene:") and "Kort sagt" not in draft.text  # answered plainly, no value line
    model.line = 0.5
    assert ExtractiveAnswerer(model).answer(question, "nb", passages()).text.startswith("Kort sagt:")
    assert AbstentionModel.shipped().states_value(0.65) and not AbstentionModel.shipped().states_value(0.55)


def test_an_answer_in_a_chosen_language_reads_the_question_in_its_own() -> None:
    question = "How much is the monthly allowance for a single person?"
    draft = answerer().answer(question, "so", passages(), reading="en")
    assert draft.text.replace("\u00a0", " ").startswith("Si kooban: 21") and "[1]" in draft.text.splitlines()[0]
    assert not answerer().answer(question, "so", passages()).text.startswith("Si kooban")  # read as Somali: no cue


def test_abstains_when_no_unit_holds_the_asked_kind() -> None:
    draft = answerer().answer("When does the course start?", "en", passages())
    assert draft.abstained


def test_a_year_the_evidence_does_not_name_is_a_signal() -> None:
    assert years_missing("Hvor mange deltok i 2023?", "I 2025 deltog 214 personer, mod 187 i 2024.") == 1.0
    assert years_missing("Hvor mange deltog i 2025?", "I 2025 deltog 214 personer.") == 0.0
    assert years_missing("Hvor mange deltog?", "I 2025 deltog 214 personer.") == 0.0


def level(text: str) -> Retrieved:
    return Retrieved((Hit("k", "lt.html", text, "Lietuvių kalbos kursai", "lt", 2.0),), {})


def test_a_level_the_best_passage_does_not_name_is_a_missing_detail() -> None:
    a1 = level("2026 m. gegužės 11 d. prasideda nauji kursai pradedantiesiems (A1 lygis).")
    assert details_missing("Kada prasidės A2 lygio kursai?", a1) == 1.0  # only A1 is there: no answer about A2
    assert details_missing("Kada prasidės a1 lygio kursai?", a1) == 0.0
    assert details_missing("Kada prasidės kursai?", a1) == 0.0
    assert details_missing("Kada prasidės kursai 2027 m.?", a1) == 1.0  # a year, as before
    assert details_missing("Kada prasidės A2 lygio kursai?", Retrieved((), {})) == 0.0
    model = AbstentionModel.shipped()
    assert model.weights["detail_missing"] < -5  # a strong signal: the shipped model all but declines


def test_a_numbered_thing_the_best_passage_numbers_otherwise_is_a_missing_detail() -> None:
    shifts = level("1. maiņa | 2.–13. jūnijs\n2. maiņa | 7.–18. jūlijs")
    assert details_missing("Kad sākas 3. maiņa?", shifts) == 1.0  # two shifts only
    assert details_missing("Kad sākas 2. maiņa?", shifts) == 0.0
    assert details_missing("When does the 3rd shift start?", shifts) == 0.0  # another language: no signal
    course = level("Nýtt námskeið fyrir byrjendur (stig 1) hefst 4. maí 2026. Námskeiðið er 60 kennslustundir.")
    assert details_missing("Hvað kostar námskeiðið (stig 2)?", course) == 1.0
    assert details_missing("Hvað kostar námskeiðið (stig 1)?", course) == 0.0
    assert details_missing("Hvað eru margar kennslustundir 2 daga vikunnar?", course) == 0.0  # "kennslustundir" unnumbered


def test_features_and_a_fitted_model_separate_clear_cases() -> None:
    retrieved = passages()
    features = answer_features("Hvor mye er stønaden?", retrieved, retrieved, True)
    assert features["value_present"] == 1.0 and features["asks_value"] == 1.0 and features["unit"] == 0.62
    rows = [{"unit": 0.3 + i / 100, "value_present": 1.0} for i in range(20)] + [
        {"unit": 0.6 + i / 100, "value_present": 1.0} for i in range(20)
    ]
    model = fit(rows, [False] * 20 + [True] * 20, features=("unit",))
    assert model.confidence({"unit": 0.75}) > 0.5 > model.confidence({"unit": 0.3})


def test_units_of_a_hit() -> None:
    hit = Hit("t", "d", ROWS, "T", "nb", 1.0, units=(Unit(((0, 20), (21, 39)), "row"),))
    assert hit.units[0].text(hit.text) == "Husstand | Per måned\nEnslig | 21 200 kr"


def test_a_follow_up_is_a_feature_of_the_decision() -> None:
    retrieved = passages()
    assert answer_features("Hva er stønaden?", retrieved, retrieved, True)["follow_up"] == 0.0
    assert answer_features("Hva er stønaden? Og i Sverige?", retrieved, retrieved, True, follow_up=True)["follow_up"] == 1.0
    seen: list[dict[str, float]] = []

    class Recording(AbstentionModel):
        def confidence(self, features: dict[str, float]) -> float:
            seen.append(features)
            return 1.0

    ExtractiveAnswerer(Recording()).answer("Hva er introduksjonsprogrammet? Og når?", "nb", retrieved, asked="Og når?")
    ExtractiveAnswerer(Recording()).answer("Hva er introduksjonsprogrammet?", "nb", retrieved)
    assert [f["follow_up"] for f in seen] == [1.0, 0.0]


def test_the_short_line_states_the_contact_detail_asked() -> None:
    text = "Integration services\nE-mail: integration@harjula.example.fi\nPhone: 044 718 2350 (Mon–Fri 9–11)"
    block = Hit("k", "en.docx", text, "Integration programme", "en", 2.0)
    quoted = [(block, unit("k", text, 0, len(text), 0.6, "lines"), 1)]
    phone = short_answer("en", ("contact",), quoted, "What's the phone number for integration services?")
    assert phone == "In short: 044 718 2350 [1]"
    assert short_answer("ar", ("contact",), quoted, "ما هو البريد الإلكتروني؟") == "باختصار: integration@harjula.example.fi [1]"
    both = short_answer("en", ("contact",), quoted, "How can I contact integration services?")
    assert "044 718 2350" in both and "integration@harjula.example.fi" in both
    assert short_answer("en", ("contact",), quoted, "What is the postal address?") == ""  # the block holds none
    office = "Välkomstcenter Malmö\nFöreningsgatan 47, 211 52 Malmö\nTelefon: 040-34 58 20"
    hit = Hit("m", "sv.html", office, "Välkomstcenter", "sv", 2.0)
    at_office = [(hit, unit("m", office, 0, len(office), 0.6, "lines"), 1)]
    assert short_answer("ar", ("contact",), at_office, "ما هو عنوان المركز؟") == "باختصار: Föreningsgatan 47, 211 52 Malmö [1]"


def test_when_and_how_long_are_both_stated() -> None:
    text = "Kurset starter mandag 13. april 2026 og varer 60 timer i alt."
    hit = Hit("s", "da.md", text, "Samfundsorientering", "da", 2.0)
    quoted = [(hit, unit("s", text, 0, len(text), 0.6), 1)]
    question = "Коли стартує курс і скільки годин він триває?"
    line = short_answer("uk", line_kinds(question, "uk", required_kinds(question, "uk")), quoted, question)
    assert " ".join(line.split()) == "Коротко: 13 квітня 2026 р. [1]; 60 годин [1]"


def test_a_phone_question_is_not_answered_by_a_web_address() -> None:
    text = "Foto: norden.org"
    hit = Hit("f", "sv.html", text, "Nordens välfärdscenter", "sv", 2.0)
    retrieved = Retrieved((hit,), {"f": (unit("f", text, 0, len(text), 0.7, "line"),)}, signals={"unit": 0.7, "best_unit": 0.7})
    assert answerer().answer("What is the phone number of the centre?", "en", retrieved).abstained
    assert not answerer().answer("What is their website?", "en", retrieved).abstained


def test_an_address_question_quotes_the_address() -> None:
    text = "Introduksjonskontoret, Storgata 14, 6800 Fjordby"
    phone = "Telefon: 57 12 34 56"
    hit = Hit("k", "nb.docx", f"{text}\n{phone}", "Fjordby", "nb", 2.0)
    units = (
        unit("k", phone, len(text) + 1, len(text) + 1 + len(phone), 0.72, "line"),
        unit("k", text, 0, len(text), 0.60, "line"),
    )
    retrieved = Retrieved((hit,), {"k": units}, signals={"unit": 0.72, "best_unit": 0.72})
    draft = answerer().answer("What is the address of the office in Fjordby?", "en", retrieved)
    assert [c.quote for c in draft.citations] == [text]
    assert draft.text.startswith("In short: Storgata 14, 6800 Fjordby [1]")


def test_a_who_question_may_quote_a_contact_block_naming_the_person() -> None:
    block = "Jobcenter Skovmarsk\nKontaktperson: Mette Kjærgaard Holm, teamleder\nTelefon: 74 28 61 40"
    hit = Hit("k", "da.md", block, "Integrationsprogram", "da", 2.0)
    units = {"k": (unit("k", block, 0, len(block), 0.7, "lines"),)}
    retrieved = Retrieved((hit,), units, signals={"unit": 0.7, "best_unit": 0.7})
    draft = answerer().answer("Who leads the integration team?", "en", retrieved)
    assert not draft.abstained and "Mette Kjærgaard Holm" in draft.text
    assert answerer().answer("What does the programme cost?", "en", retrieved).abstained  # no name, no price


def test_a_list_whose_item_is_the_best_quote_or_two_of_whose_items_are_chosen_is_quoted_whole() -> None:
    from assistant.answer.quotes import whole_lists

    text = "Du kan läsa SFI om du:\nhar fyllt 16 år\nsaknar grundläggande svenska\nbor i Tallmora"
    lead = (0, 22)
    items = [(23, 38), (39, 67), (68, 82)]
    hit = Hit("l", "sv.txt", text, "SFI", "sv", 2.0, units=tuple(Unit((lead, span), "item") for span in items))
    first, second = (
        unit("l", text[s:e], s, e, score, "item", (lead, (s, e))) for (s, e), score in zip(items[:2], (0.7, 0.6), strict=True)
    )
    other = unit("l", "x", 0, 1, 0.5)
    merged = whole_lists([first, other, second], Retrieved((hit,), {}))
    assert [u.kind for u in merged] == ["list", "sentence"]
    assert quote_text(hit, merged[0]) == "Du kan läsa SFI om du: har fyllt 16 år; saknar grundläggande svenska; bor i Tallmora"
    assert [u.kind for u in whole_lists([first, other], Retrieved((hit,), {}))] == ["list", "sentence"]  # the best quote
    assert whole_lists([other, second], Retrieved((hit,), {})) == [other, second]  # one item, not the best: as chosen
    draft = compose("sv", (hit,), merged[:1])
    assert draft.citations[0].spans == (lead, *items)  # the passage panel marks the lead-in and every item


def test_two_items_of_one_list_quoted_for_a_value_share_their_lead_in_once() -> None:
    from assistant.answer.quotes import whole_lists

    text = "Skráning lýkur 5. september. Skráðu þig:\ná skrifstofunni, Aðalstræti 1\ní síma 450 3000\ná netinu"
    lines = text.split("\n")
    starts = [sum(len(line) + 1 for line in lines[:i]) for i in range(len(lines))]
    lead, *items = [(start, start + len(line)) for start, line in zip(starts, lines, strict=True)]
    hit = Hit("l", "is.md", text, "Námskeið", "is", 2.0, units=tuple(Unit((lead, span), "item") for span in items))
    first, second = (unit("l", text[s:e], s, e, 0.7, "item", (lead, (s, e))) for s, e in items[:2])
    merged = whole_lists([second, first], Retrieved((hit,), {}), only_chosen=True)
    assert len(merged) == 1 and merged[0].spans == (lead, items[0], items[1])  # not the third item
    assert quote_text(hit, merged[0]) == (
        "Skráning lýkur 5. september. Skráðu þig: á skrifstofunni, Aðalstræti 1; í síma 450 3000"
    )
    assert whole_lists([first], Retrieved((hit,), {}), only_chosen=True) == [first]  # one item: as chosen


def test_a_block_of_lines_is_quoted_on_one_line_without_a_comma_after_a_label() -> None:
    from assistant.answer.short_line import joined_lines

    assert joined_lines(["Borgerservice", "Rådhustorvet 10", "Öffnungszeiten:", "  Montag 10.00–15.00", ""]) == (
        "Borgerservice, Rådhustorvet 10, Öffnungszeiten: Montag 10.00–15.00"
    )


def test_a_question_naming_a_town_takes_its_short_line_only_from_a_document_naming_it() -> None:
    text = "Kohanemistoetus on 300 eurot kuus."
    other = Hit("k", "karneva.md", text, "Kärneva vald – kohanemine", "et", 2.0)
    same = Hit("t", "tartu.md", text, "Kohanemine", "et", 1.9)  # the passage does not name the town, its page does
    towns = {"karneva.md": frozenset({"narva"}), "tartu.md": frozenset({"tartu"})}
    question = "How big is the adaptation allowance in Tartu?"
    kinds = line_kinds(question, "en", required_kinds(question, "en"))
    chosen = [unit("k", text, 0, len(text), 0.7)]
    another = compose("en", (other,), chosen, kinds, question, towns_of=towns.__getitem__).text
    assert not another.startswith("In short") and "Kohanemistoetus" in another  # the quote stays, no line
    assert another.startswith("The sources may not answer exactly this.")  # and is shown as the closest passage
    assert compose("en", (other,), chosen, kinds, question).text.startswith("In short")  # without the check
    named = compose("en", (same,), [unit("t", text, 0, len(text), 0.7)], kinds, question, towns_of=towns.__getitem__).text
    assert named.startswith("In short") and "300" in named.splitlines()[0]
    assert compose("en", (same,), [unit("t", text, 0, len(text), 0.7)], (), question, towns_of=towns.__getitem__).text.startswith(
        "According to the sources:"
    )
    both = "Is the adaptation allowance bigger in Tartu or in Narva?"  # each town named by one quoted page: sure
    chosen_both = [unit("t", text, 0, len(text), 0.7), unit("k", text, 0, len(text), 0.6)]
    assert towns_asked(both, "en") == {"tartu", "narva"}
    assert compose("en", (same, other), chosen_both, (), both, towns_of=towns.__getitem__).text.startswith("According")


def test_the_row_naming_a_word_of_the_question_comes_first_among_its_table_rows() -> None:
    from assistant.answer.quotes import rows_named_first

    text = "Toetus | Summa\nKoolitarvete toetus | 60 eurot\nÜüritoetus | kuni 300 eurot kuus\nSaabumistoetus | 200 eurot"
    header, school, rent, arrival = (
        (start := text.index(line), start + len(line))
        for line in (
            "Toetus | Summa",
            "Koolitarvete toetus | 60 eurot",
            "Üüritoetus | kuni 300 eurot kuus",
            "Saabumistoetus | 200 eurot",
        )
    )
    hit = Hit("t", "et.txt", text, "Ajutine kaitse Tartus", "et", 1.0)
    rows = tuple(
        unit("t", text, span[0], span[1], score, "row", (header, span))
        for span, score in ((school, 0.45), (arrival, 0.445), (rent, 0.436))
    )
    retrieved = Retrieved((hit,), {"t": rows})
    first = rows_named_first("Kui suur on üüritoetus Tartus?", retrieved).sentences["t"]
    assert first[0].spans[1] == rent and [u.spans[1] for u in first[1:]] == [school, arrival]
    for question in ("Kui suur on toetus?", "Milline toetus on Tartus?"):  # a header's or the page's word names no row
        assert rows_named_first(question, retrieved).sentences["t"] == rows
    draft = answerer().answer("Kui suur on üüritoetus Tartus?", "et", retrieved)
    assert draft.text.startswith("Lühidalt: ≤ 300 eurot kuus [1]")  # "kuni 300 eurot kuus": up to, a month


def test_items_ending_in_a_semicolon_are_joined_with_one() -> None:
    text = "Bilietai:\nstudentams – 3 eurai;\nkitiems – 5 eurai."
    lead, first, second = ((0, 9), (10, 31), (32, 50))
    hit = Hit("b", "lt.txt", text, "Festivalis", "lt", 2.0)
    items = unit("b", text, 0, 50, 0.7, "list", (lead, first, second))
    assert quote_text(hit, items) == "Bilietai: studentams – 3 eurai; kitiems – 5 eurai."


def test_a_weekly_time_in_the_first_quote_answers_when_before_a_date_further_down() -> None:
    text = "Valodas kafejnīca notiek katru ceturtdienu no plkst. 18.00 līdz 19.30 bibliotēkā.\nDatums: 23. jūnijs; Pasākums: Līgo vakars"
    hit = Hit("z", "lv.md", text, "Dzīvot kopā", "lv", 2.0)
    cafe, party = text.split("\n")
    quoted = [
        (hit, unit("z", cafe, 0, len(cafe), 0.7), 1),
        (hit, unit("z", party, len(cafe) + 1, len(text), 0.6, "row"), 1),
    ]
    question = "Kad notiek valodas kafejnīca?"
    line = short_answer("uk", line_kinds(question, "lv", required_kinds(question, "lv")), quoted, question, reading="lv")
    assert "18:00" in line and "червня" not in line
    dated = short_answer("uk", ("date",), list(reversed(quoted)), question, reading="lv")
    assert "23 червня" in dated  # the date comes first: it answers


def test_a_quote_about_another_level_states_no_value_for_the_asked_one() -> None:
    text = "Kitiems užsieniečiams A1 kursas kainuoja 180 eurų. Egzamino mokestis – 25 eurai."
    hit = Hit("a", "lt.pdf", text, "Lietuvių kalbos kursai", "lt", 2.0)
    a1 = text.split(". ")[0] + "."
    quoted = [(hit, unit("a", a1, 0, len(a1), 0.7), 1)]
    assert short_answer("en", ("money",), quoted, "How much does the A2 course cost?") == ""
    assert "180" in short_answer("en", ("money",), quoted, "How much does the A1 course cost?")
    assert "180" in short_answer("en", ("money",), quoted, "How much does the course cost?")


def test_a_time_is_stated_with_the_days_the_source_gives_it() -> None:
    text = "Opetusaika: tiistai ja torstai klo 17.00–19.15"
    hit = Hit("k", "fi.txt", text, "Suomi 2", "fi", 2.0)
    quoted = [(hit, unit("k", text, 0, len(text), 0.7, "line"), 1)]
    line = short_answer("ru", ("time",), quoted, "В какое время проходит курс Suomi 2?", reading="ru")
    assert "вторник" in line and "четверг" in line and "17:00–19:15" in line
    plain = "Kurssi alkaa klo 17.00 Opistotalolla."
    hit = Hit("p", "fi.txt", plain, "Suomi 2", "fi", 2.0)
    assert "17:00" in short_answer("ru", ("time",), [(hit, unit("p", plain, 0, len(plain), 0.7), 1)], "Во сколько?", reading="ru")


def test_a_street_number_is_no_count_and_a_shortened_time_no_range() -> None:
    text = "Kursen hålls i Medborgarhuset, Storgatan 21, och omfattar 100 timmar."
    hit = Hit("s", "sv.md", text, "Samhällsorientering", "sv", 2.0)
    street = "Kursen hålls i Medborgarhuset, Storgatan 21."
    quoted = [(hit, unit("s", street, 0, len(street), 0.7), 1)]
    assert short_answer("so", ("number",), quoted, "Immisa saacadood?", reading="so") == ""
    shortened = "Saksbehandlingstiden er redusert fra seks uker til tre uker."
    hit = Hit("n", "nb.md", shortened, "Bostøtte", "nb", 2.0)
    line = short_answer("ru", ("duration",), [(hit, unit("n", shortened, 0, len(shortened), 0.7), 1)], "Как долго?", reading="ru")
    assert "6–3" not in line


def test_house_numbers_and_postcodes_of_any_source_language_are_no_counts() -> None:
    from assistant.answer.addresses import in_address

    for text, number in [
        ("Adresas: Sodų g. 3, Vilnius", "3"),
        ("Dzirnavu iela 12, Rīga", "12"),
        ("Pikk tn 5, Tallinn", "5"),
        ("Havnegade 14, 4780 Sølvhøj", "4780"),
    ]:
        assert in_address(text, text.find(number), len(number)), text
    for text, number in [("Kursā ir 12 nodarbības, Rīgā", "12"), ("Kurssi 2 alkaa", "2"), ("Kontoret har 14, 4780 kr", "4780")]:
        assert not in_address(text, text.find(number), len(number)), text
    block = "Sølvhøj Sprogcenter, Havnegade 14, 4780 Sølvhøj"
    hit = Hit("c", "da.md", block, "Kontakt", "da", 2.0)
    assert short_answer("so", ("number",), [(hit, unit("c", block, 0, len(block), 0.7), 1)], "Immisa?", reading="so") == ""


def test_a_quote_about_another_year_states_no_value_for_the_asked_one() -> None:
    text = "I 2025 bosatte kommunen 38 personer. Kommunestyret vedtok å ta imot 45 flyktninger i 2026."
    hit = Hit("o", "nb.txt", text, "Nyheter", "nb", 2.0)
    first, second = text.split(". ")
    quoted = [
        (hit, unit("o", first + ".", 0, len(first) + 1, 0.7), 1),
        (hit, unit("o", second, len(first) + 2, len(text), 0.6), 1),
    ]
    assert (
        short_answer("uk", ("number",), quoted, "Скільки біженців прийме Оспевік у 2026 році?", reading="uk") == "Коротко: 45 [1]"
    )
