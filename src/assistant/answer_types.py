"""Does the question ask for a number or a date, and can a sentence answer that?

A question such as "How many refugees did Jonava receive?" is not answered by a sentence about Jonava
that holds no number: the abstain decision uses this to refuse near-topic questions the sources cannot answer.
"""

from __future__ import annotations

import json
import re
from functools import cache, lru_cache
from importlib import resources
from typing import Any

_DIGIT = re.compile(r"\d")
_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(resources.files("assistant.data").joinpath("answer_types.json").read_text(encoding="utf-8"))
    return data


@cache
def _question_pattern(language: str) -> re.Pattern[str] | None:
    patterns = _data()["quantity_or_time"].get(language)
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE) if patterns else None


@lru_cache(maxsize=1)
def _number_words() -> frozenset[str]:
    return frozenset(word.casefold() for word in _data()["number_words"])


@lru_cache(maxsize=1)
def _month_stems() -> tuple[str, ...]:
    return tuple(stem.casefold() for stem in _data()["month_stems"])


def asks_for_number_or_date(question: str, language: str) -> bool:
    pattern = _question_pattern(language)
    return bool(pattern and pattern.search(question.strip()))


def has_number_or_date(sentence: str) -> bool:
    if _DIGIT.search(sentence):
        return True
    for word in _WORD.findall(sentence.casefold()):
        if word in _number_words() or any(word == s or (len(s) >= 4 and word.startswith(s)) for s in _month_stems()):
            return True
    return False
