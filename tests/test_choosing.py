"""Which of several values in a quote answers the question: clauses, and the chooser's margin."""

from collections.abc import Sequence

import numpy as np

from assistant.answer.choosing import clause_of, embedding_chooser, value_clauses
from assistant.answer.short_line import short_answer
from assistant.types import Hit, SentenceMatch

QUOTE = "I 2025 deltog i alt 214 personer, mod 187 i 2024. Af de 76, der afsluttede, kom 31 i job."


class WordEmbedder:
    """Deterministic vectors: one dimension per word of a small vocabulary."""

    vocabulary = ("2025", "2024", "job", "deltog", "afsluttede")

    def vector(self, text: str) -> np.ndarray:
        v = np.array([1.0 if word in text else 0.0 for word in self.vocabulary]) + 0.01
        return v / np.linalg.norm(v)

    def embed_documents(self, texts: Sequence[str], titles: Sequence[str] | None = None) -> np.ndarray:
        return np.stack([self.vector(t) for t in texts])

    def embed_query(self, text: str) -> np.ndarray:
        return self.vector(text)


def test_each_value_is_read_with_its_clause() -> None:
    assert clause_of(QUOTE, QUOTE.index("187")) == "mod 187 i 2024."
    assert value_clauses(QUOTE, ["214", "187", "31"]) == [
        "I 2025 deltog i alt 214 personer",
        "mod 187 i 2024.",
        "kom 31 i job.",
    ]
    assert value_clauses("Pris: 30 euro", ["45"]) == ["Pris: 30 euro"]  # not found: the whole text


def test_values_sharing_a_clause_each_get_their_part_of_it() -> None:
    text = "The NEET share ranged from 15 per cent in Norway to 31 per cent in Latvia."
    assert value_clauses(text, ["15 per cent", "31 per cent"]) == [
        "The NEET share ranged from 15 per cent in Norway to",
        "31 per cent in Latvia.",
    ]


def test_the_chooser_needs_a_clear_winner() -> None:
    choose = embedding_chooser(WordEmbedder(), margin=0.02)
    clauses = value_clauses(QUOTE, ["214", "187"])
    assert choose("deltog 2025", clauses) == 0 and choose("2024", clauses) == 1
    assert choose("deltog", ["deltog i 2025", "deltog i 2024"]) is None  # both equally like the question
    assert choose("deltog 2025", ["same clause", "same clause"]) is None


def test_the_short_line_states_the_chosen_value_or_nothing() -> None:
    hit = Hit("h", "da.md", QUOTE, "Årsrapport", "da", 1.0)
    quoted = [(hit, SentenceMatch("h", QUOTE, 0, len(QUOTE), 0.6), 1)]
    assert short_answer("en", ("number",), quoted, "How many deltog in 2025?") == ""  # no chooser: several numbers
    line = short_answer("en", ("number",), quoted, "How many deltog in 2025?", embedding_chooser(WordEmbedder()))
    assert line.startswith("In short: 214 [1]")


def test_of_a_rows_values_the_column_whose_header_is_asked_is_stated() -> None:
    from assistant.answer.short_line import row_values
    from assistant.types import Unit

    text = "Tid i 2025 | Tid i 2024\n18 måneder | 24 måneder"
    header, row = (0, text.index("\n")), (text.index("\n") + 1, len(text))
    hit = Hit("t", "da.md", text, "Modtageklasse", "da", 1.0, units=(Unit((header, row), "row"),))
    match = SentenceMatch("t", text, 0, len(text), 0.6, (header, row), "row")
    assert row_values(hit, match, "duration", "en") == ["Tid i 2025: 18 months", "Tid i 2024: 24 months"]
    chooser = embedding_chooser(WordEmbedder())
    assert row_values(hit, match, "duration", "en", "How long in 2024?", chooser) == ["24 months"]
    assert len(row_values(hit, match, "duration", "en", "How long?", chooser)) == 2  # no header asked: both, labelled


def test_a_column_header_paying_by_a_unit_of_time_gives_the_rate_once() -> None:
    from assistant.answer.short_line import row_values
    from assistant.types import Unit

    text = "Per år | Per måned\n260.300 kr. | 21.692 kr."
    header, row = (0, text.index("\n")), (text.index("\n") + 1, len(text))
    hit = Hit("t", "nb.md", text, "Introduksjonsstønad", "nb", 1.0, units=(Unit((header, row), "row"),))
    match = SentenceMatch("t", text, 0, len(text), 0.6, (header, row), "row")
    labelled = [line.replace("\u00a0", " ") for line in row_values(hit, match, "money", "en")]
    assert labelled == ["Per år: 260,300 Norwegian kroner", "Per måned: 21,692 Norwegian kroner"]  # the header says it
    chosen = row_values(hit, match, "money", "en", "Hvor mye per måned?", lambda question, labels: 1)  # the 2nd column
    assert [line.replace("\u00a0", " ") for line in chosen] == ["21,692 Norwegian kroner per month"]


def test_a_day_of_every_month_is_stated_as_written_not_another_things_date() -> None:
    text = "Madklubben mødes den 15. hver måned kl. 17.30.\nHold 1 starter 12. januar 2027."
    monthly, course = text.split("\n")
    hit = Hit("h", "da.md", text, "Sprogcafé", "da", 1.0)
    first = SentenceMatch("h", monthly, 0, len(monthly), 0.7)
    second = SentenceMatch("h", course, len(monthly) + 1, len(text), 0.6)
    line = short_answer("en", ("date",), [(hit, first, 1), (hit, second, 1)], "When does the food club meet?")
    assert line.startswith("In short: 15. hver måned [1]")  # no calendar date: as the source writes it
    assert short_answer("en", ("date",), [(hit, second, 1)], "When does Hold 1 start?").startswith("In short: 12 January 2027")


def test_of_two_durations_in_a_quote_the_one_whose_clause_answers_is_stated() -> None:
    class Total(WordEmbedder):
        vocabulary = ("yhteensä", "viikossa")

    text = "Opetusta on 25 tuntia viikossa, eli koko koulutus on yhteensä 1000 tuntia."
    hit = Hit("h", "fi.txt", text, "Kotoutumiskoulutus", "fi", 1.0)
    quoted = [(hit, SentenceMatch("h", text, 0, len(text), 0.6), 1)]
    question = "Kuinka monta tuntia koulutus kestää yhteensä?"
    assert short_answer("fi", ("duration",), quoted, question) == ""  # no chooser: two durations
    line = short_answer("fi", ("duration",), quoted, question, embedding_chooser(Total()))
    assert " ".join(line.split()) == "Lyhyesti: 1 000 tuntia [1]"  # the thousands still shown with their unit
