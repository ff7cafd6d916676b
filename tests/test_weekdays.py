"""Days of the week: found by their CLDR names in any supported language, and a question about one day gets
no short line from another day's unit."""

import pytest

from assistant.answer.abstention import AbstentionModel
from assistant.answer.extractive import ExtractiveAnswerer
from assistant.answer.weekdays import days_named
from assistant.types import Hit, Retrieved, SentenceMatch

MONDAY, WEDNESDAY, THURSDAY, SATURDAY = 0, 2, 3, 5


@pytest.mark.parametrize(
    ("text", "language", "days"),
    [
        ("Välkomstcenter ማልሞ ቀዳም ክፉት ድዩ?", "ti", {SATURDAY}),
        ("Mihin aikaan toimisto on auki torstaisin?", "fi", {THURSDAY}),
        ("Работает ли центр по субботам?", "ru", {SATURDAY}),
        ("Чи працює центр у суботу?", "uk", {SATURDAY}),
        ("Līdz cikiem ceturtdienās strādā birojs?", "lv", {THURSDAY}),
        ("Jak umówić się na czwartkową konsultację?", "pl", {THURSDAY}),
        ("ما هي ساعات العمل يوم السبت؟", "ar", {SATURDAY}),
        ("Kennt á mánudögum og miðvikudögum kl. 17:30–19:30.", "is", {MONDAY, 1, WEDNESDAY}),  # a range, see below
        ("Dag: Lördag; Öppet: 10.00–14.00", "sv", {SATURDAY}),
        ("Open Monday to Thursday 9 am – 3 pm.", "en", {0, 1, 2, 3}),
        ("Åpent man.–fre. 9–15", "nb", {0, 1, 2, 3, 4}),
        ("Hvor mange deltog man i 2023?", "da", set()),  # "man" is a day only in a range
        ("Wie viel kostet der Kurs?", "de", set()),
        ("Dag: Lördag", "xx", set()),  # a language CLDR does not know
        ("Коли відкрито у п'ятницю?", "uk", {4}),  # typed with ' where CLDR writes ʼ
        ("Коли відкрито у п’ятницю?", "uk", {4}),
        ("Скільки українців серед клієнтів?", "uk", set()),  # "серед" (among) is not "середа" cut short
        ("У середу о 10:00", "uk", {WEDNESDAY}),
        ("ما هي الجمعية التي تساعد اللاجئين؟", "ar", set()),  # an association, not Friday (الجمعة)
        ("ما هي ساعات العمل يوم الجمعة؟", "ar", {4}),
        ("ساعت کاری سه‌شنبه چیست؟", "fa", {1}),  # Tuesday, written with a zero-width non-joiner: not Saturday
        ("ساعت کاری شنبه چیست؟", "fa", {SATURDAY}),
        ("E–N 9.00–16.00\nR 9.00–13.00", "et", {0, 1, 2, 3, 4}),  # a short name opening a line before a time
        ("Vi har 3 ti 10.00 pladser", "da", set()),  # "ti" (ten) inside a sentence is no Tuesday
        ("goorma ayuu xirmaa xafiiska maalinta jimcaha", "so", {4}),  # "Jimco" with its article: "jimcaha"
        ("Xafiisku ma furan yahay Talaadada?", "so", {1}),
    ],
)
def test_days_named(text: str, language: str, days: set[int]) -> None:
    assert days_named(text, language) == days


def unit(chunk: str, text: str, start: int, score: float) -> SentenceMatch:
    return SentenceMatch(chunk, text, start, start + len(text), score, ((start, start + len(text)),), "row")


MONDAY_ROW = "Dag: Måndag; Öppet: 09.00–16.00; Kommentar: Drop-in hela dagen"
SATURDAY_ROW = "Dag: Lördag; Öppet: 10.00–14.00; Kommentar: Jämna veckor"


def opening_hours(*rows: tuple[str, float]) -> Retrieved:
    text = "\n".join(row for row, _ in rows)
    hit = Hit("h", "sv.html", text, "Välkomstcenter Malmö", "sv", 2.0)
    units = tuple(unit("h", row, text.index(row), score) for row, score in rows)
    return Retrieved((hit,), {"h": units}, signals={"unit": 0.7, "best_unit": 0.7})


def answerer(**options: bool) -> ExtractiveAnswerer:
    return ExtractiveAnswerer(AbstentionModel.at_least(0.4), **options)


def test_a_question_about_saturday_gets_its_short_line_from_the_saturday_row() -> None:
    retrieved = opening_hours((MONDAY_ROW, 0.70), (SATURDAY_ROW, 0.65))
    draft = answerer().answer("What are the opening hours on Saturday?", "en", retrieved)
    assert draft.text.index("Lördag") < draft.text.index("Måndag")  # the asked day's quote first; none is dropped
    assert draft.text.startswith("In short: 10:00–14:00 [1]")
    without = answerer(use_days=False).answer("What are the opening hours on Saturday?", "en", retrieved)
    assert without.text.startswith("In short: Monday 09:00–16:00 [1]")  # what the ablation row removes (the day said)


def test_another_days_hours_are_quoted_but_never_stated_as_the_answer() -> None:
    retrieved = opening_hours((MONDAY_ROW, 0.70))
    draft = answerer().answer("ما هي ساعات العمل يوم السبت؟", "ar", retrieved)
    assert not draft.abstained and [c.quote for c in draft.citations] == [MONDAY_ROW]  # what the sources say
    assert draft.text.startswith("وفقًا للمصادر:")  # and no short line stating Monday's hours
    monday = answerer().answer("What are the opening hours on Monday?", "en", retrieved)
    assert monday.text.startswith("In short: 09:00–16:00 [1]")


def test_the_asked_days_unit_of_a_quoted_passage_is_quoted_and_answers() -> None:
    # The Saturday row is below the quote margin (0.3): only the Monday row would be quoted.
    retrieved = opening_hours((MONDAY_ROW, 0.95), (SATURDAY_ROW, 0.60))
    draft = answerer().answer("When is the centre open on Saturday?", "en", retrieved)  # "when" + a time
    assert [c.quote for c in draft.citations] == [f"{MONDAY_ROW}\n{SATURDAY_ROW}"]
    assert draft.text.startswith("In short: 10:00–14:00 [1]")  # no date is asked for beside the hours
    open_question = answerer().answer("How do I book a Saturday visit?", "en", retrieved)
    assert "Lördag" not in open_question.text  # a question for no value keeps the quotes as ranked


def test_the_asked_days_line_of_a_block_of_hours_gives_the_short_line() -> None:
    from assistant.answer.short_line import short_answer
    from assistant.answer.weekdays import day_lines, days_named
    from assistant.types import Hit, SentenceMatch

    block = "Neljapäev: 9:00–16:00\nReede: 9:00–13:00"
    friday = days_named("When is the office open on Friday?", "en")
    assert day_lines(block, "et", friday) == "Reede: 9:00–13:00"
    assert day_lines("Reede ja laupäev suletud", "et", friday) == "Reede ja laupäev suletud"  # one line: as it is
    assert day_lines("Åbent mandag–torsdag 9–15, fredag 9–12", "da", friday) == "fredag 9–12"  # its part of a line
    assert day_lines("Åbent mandag–fredag 9–15", "da", friday) == "Åbent mandag–fredag 9–15"
    assert day_lines("Dienstag 10:00–14:00 und Donnerstag 13:00–17:00.", "de", frozenset({3})) == "Donnerstag 13:00–17:00."
    assert day_lines("Mandag og onsdag: 18.00–21.00", "nb", frozenset({0})) == "Mandag og onsdag: 18.00–21.00"
    assert days_named("tiistaisin ja torstaisin", "fi", dashed=True) == {1, 3}  # two days, not a range
    assert days_named("ma–to 9–15", "fi", dashed=True) == {0, 1, 2, 3}
    hit = Hit("h", "leaflet.pdf", block, "Vastuvõtuajad", "et", 1.0)
    quoted = [(hit, SentenceMatch("h", block, 0, len(block), 0.7, ((0, len(block)),), "lines"), 1)]
    assert (
        short_answer("en", ("time",), quoted, "When is the office open on Friday?", None, friday) == "In short: 09:00–13:00 [1]"
    )


def test_the_asked_days_quote_comes_first_or_is_added() -> None:
    from assistant.answer.quotes import with_asked_day
    from assistant.answer.weekdays import days_named
    from assistant.types import Hit, Retrieved, SentenceMatch

    text = "Fredag | 09:00–13:00\nOnsdag | 12:00–18:00\nMandag | 09:00–15:00"
    rows = [
        SentenceMatch("h", line, 0, len(line), score, ((0, len(line)),), "row")
        for line, score in zip(text.split("\n"), (0.7, 0.6, 0.5), strict=True)
    ]
    retrieved = Retrieved((Hit("h", "hours.docx", text, "Åpningstider", "nb", 1.0),), {"h": tuple(rows)})
    wednesday = days_named("Hva er åpningstidene på onsdag?", "nb")
    assert [u.text for u in with_asked_day(rows[:2], retrieved, wednesday, ("time",), 3)] == [rows[1].text, rows[0].text]
    monday = days_named("Hva er åpningstidene på mandag?", "nb")
    assert [u.text for u in with_asked_day(rows[:2], retrieved, monday, ("time",), 3)] == [
        rows[0].text,
        rows[2].text,
        rows[1].text,
    ]


def test_a_day_written_out_comes_before_a_range_holding_it() -> None:
    from assistant.answer.quotes import with_asked_day
    from assistant.answer.weekdays import days_named

    contact = "Koordinaator: Olena Kravets, Telefon: +372 5345 6712 (E–N 12.00–18.00)"
    text = f"{contact}\nPäev | Kellaaeg\nKolmapäev | 15.00–18.00"
    row = "Kolmapäev | 15.00–18.00"
    units = (unit("h", contact, 0, 0.8), unit("h", row, text.index(row), 0.5))
    retrieved = Retrieved((Hit("h", "kohvik.txt", text, "Kodutöökohvik", "et", 1.0),), {"h": units})
    wednesday = days_named("When is the cafe open on Wednesday?", "en")
    assert days_named(contact, "et") >= wednesday and not days_named(contact, "et", ranges=False) & wednesday
    assert [u.text for u in with_asked_day([units[0]], retrieved, wednesday, ("time",), 3)] == [row, contact]
    assert [u.text for u in with_asked_day([units[1], units[0]], retrieved, wednesday, ("time",), 3)] == [row, contact]
    draft = answerer().answer("When is the cafe open on Wednesday?", "en", retrieved)
    assert draft.text.startswith("In short: 15:00–18:00 [1]")  # not the phone hours of the range


def test_when_it_is_open_is_answered_with_the_whole_week() -> None:
    from assistant.answer.short_line import week_of

    hours = "Lektiecaféen har åbent mandag–onsdag kl. 15–18, torsdag kl. 16–19."
    assert week_of(hours, "da", 2, "uk") == "понеділок–середа 15:00–18:00; четвер 16:00–19:00"
    assert week_of("Day: Tuesday; Open: 9 am – 4 pm; legal adviser 12 noon – 3 pm", "en", 2, "uk") == ""  # one day, two times


def test_the_opening_hours_over_a_week_are_stated_on_the_short_line() -> None:
    from assistant.answer.short_line import short_answer
    from assistant.types import Hit, SentenceMatch

    text = "Lektiecaféen har åbent mandag–onsdag kl. 15–18, torsdag kl. 16–19."
    hit = Hit("h", "vejle.txt", text, "Lektiecafé", "da", 1.0)
    quoted = [(hit, SentenceMatch("h", text, 0, len(text), 0.7, ((0, len(text)),)), 1)]
    week = "Monday–Wednesday 15:00–18:00; Thursday 16:00–19:00 [1]"
    assert short_answer("en", ("time",), quoted, "What are the opening hours?") == f"In short: {week}"
    assert short_answer("en", ("date", "time"), quoted, "When is it open?") == ""  # a date asked too: no week


def test_days_joined_by_the_word_for_to_are_a_range_and_by_and_are_not() -> None:
    from assistant.answer.weekdays import weekly
    from assistant.languages.locale import render

    assert [render(v, "uk") for v in weekly("The centre is open Monday to Thursday 9 am – 3 pm.", "en")] == [
        "понеділок–четвер 09:00–15:00"
    ]
    assert [render(v, "uk") for v in weekly("tiistaisin ja torstaisin klo 17.00–19.15", "fi")] == [
        "вівторок і четвер 17:00–19:15"
    ]
