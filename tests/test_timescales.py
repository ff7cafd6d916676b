from assistant.answer.extractive import line_kinds, short_answer
from assistant.answer.kinds import required_kinds
from assistant.answer.timescales import SPAN, SPENT, scale_asked
from assistant.types import Hit, SentenceMatch


def test_the_scale_of_time_a_question_counts_in_is_read_from_cldr_words_of_its_language() -> None:
    assert scale_asked("Hur många timmar är kursen?", "sv") == SPENT
    assert scale_asked("Скільки годин триває курс?", "uk") == SPENT
    assert scale_asked("Immisa saacadood ayuu socdaa koorsada?", "so") == SPENT
    assert scale_asked("Сколько недель длится курс?", "ru") == SPAN
    assert scale_asked("How long is the programme?", "en") == frozenset()
    assert scale_asked("How many hours per week?", "en") == frozenset()  # both scales: no choice


def test_a_duration_of_the_other_scale_is_no_answer() -> None:
    text = "Sfi är kostnadsfri för dig som är över 16 år. Samhällsorienteringen omfattar 100 timmar."
    hit = Hit("s", "sv.html", text, "Sfi", "sv", 2.0)
    cut = text.index("Samhälls")
    age = SentenceMatch("s", text[: cut - 1], 0, cut - 1, 0.7, ((0, cut - 1),), "sentence")
    hours = SentenceMatch("s", text[cut:], cut, len(text), 0.6, ((cut, len(text)),), "sentence")
    question = "Hur många timmar är samhällsorienteringen?"
    kinds = line_kinds(question, "sv", required_kinds(question, "sv"))
    quoted = [(hit, age, 1), (hit, hours, 1)]
    assert short_answer("sv", kinds, quoted, question, scale=scale_asked(question, "sv")) == "Kort sagt: 100 timmar [1]"
    years = "Hur många år måste man vara?"
    assert short_answer("sv", ("duration",), [(hit, hours, 1)], years, scale=scale_asked(years, "sv")) == ""
