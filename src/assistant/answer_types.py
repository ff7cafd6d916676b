"""What kind of answer does a question need, and can a sentence give it?

A question such as "How many refugees did Jonava receive?" is not answered by a sentence about Jonava
that holds no number, nor "What is the phone number of the Danish Refugee Council?" by a sentence about
the council without one. The kinds, their question cues per language and what an answering sentence
must contain are data (``data/answer_types.json``); the abstain decision keeps only sentences that can
give every kind a question asks for.

- ``number_or_date``: how many / how much / when … → a digit, a number word or a month name;
- ``money``: cost, price, budget, salary, rent … → a currency sign or name (with a number);
- ``contact``: phone number, e-mail, website … → a phone number, an e-mail address or a web address;
- ``clock``: opening hours, at what time … → a time of day (9:00, kl. 9).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any

from assistant.data import read_json

_DIGIT = re.compile(r"\d")
_LIST_MARKER = re.compile(r"(?<![\w.,(])\d{1,2}\)")  # "1) viden 2) partnerskaber": numbering, not a quantity
_WORD = re.compile(r"[^\W\d_]+")
NUMBER_OR_DATE = "number_or_date"


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    data: dict[str, Any] = read_json("answer_types.json")
    return data


def kinds() -> tuple[str, ...]:
    return tuple(_data()["questions"])


@cache
def _question_pattern(kind: str, language: str) -> re.Pattern[str] | None:
    patterns = _data()["questions"][kind].get(language)
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE) if patterns else None


@cache
def _answer_pattern(kind: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in _data()["answers"][kind]), re.IGNORECASE)


@lru_cache(maxsize=1)
def _number_words() -> frozenset[str]:
    return frozenset(word.casefold() for word in _data()["number_words"])


@lru_cache(maxsize=1)
def _month_stems() -> tuple[str, ...]:
    return tuple(stem.casefold() for stem in _data()["month_stems"])


def required_kinds(question: str, language: str) -> tuple[str, ...]:
    """The kinds of answer ``question`` asks for (empty for an open question)."""
    text = question.strip()
    return tuple(kind for kind in kinds() if (pattern := _question_pattern(kind, language)) and pattern.search(text))


def can_answer(sentence: str, required: tuple[str, ...]) -> bool:
    """Does ``sentence`` hold something of every required kind?"""
    return all(
        has_number_or_date(sentence) if kind == NUMBER_OR_DATE else bool(_answer_pattern(kind).search(sentence))
        for kind in required
    )


def asks_for_number_or_date(question: str, language: str) -> bool:
    return NUMBER_OR_DATE in required_kinds(question, language)


@lru_cache(maxsize=1)
def _duration_compound() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in _data()["duration_compounds"]), re.IGNORECASE)


def has_number_or_date(sentence: str) -> bool:
    sentence = _LIST_MARKER.sub(" ", sentence)
    if _DIGIT.search(sentence) or _duration_compound().search(sentence):
        return True
    for word in _WORD.findall(sentence.casefold()):
        if word in _number_words() or any(word == s or (len(s) >= 4 and word.startswith(s)) for s in _month_stems()):
            return True
    return False
