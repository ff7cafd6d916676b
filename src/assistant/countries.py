"""The Nordic and Baltic countries a question asks about and a sentence is about, in every supported
language ("Sverige", "Švedijos", "Швеції", "السويد" are all Sweden).

A question about one country is not answered by a sentence about another: "Vilka kommuner i Sverige
besöker delegationen?" must not quote "Danijoje … delegacija lankysis Roskildės ir Gentoftės
savivaldybėse". Sentences that name no country are not judged.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any

from assistant.data import read_json
from assistant.language import CYRILLIC, is_latin


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    data: dict[str, Any] = read_json("countries.json")
    return data


@cache
def _patterns(language: str, adjectives: bool) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """One pattern per country: the word starts of ``language`` and of English (names are often written
    the English way, "Denmark" in a Somali question)."""
    tables = ["names", "adjectives"] if adjectives else ["names"]
    stems: dict[str, set[str]] = {}
    for table in tables:
        for code in dict.fromkeys((language, "en")):
            for country, words in _data()[table].get(code, {}).items():
                stems.setdefault(country, set()).update(words)
    patterns = []
    for country, words in sorted(stems.items()):
        alternatives = [
            (r"(?<![^\W\d_])" if word_initial(word) else "") + re.escape(word) for word in sorted(words, key=len, reverse=True)
        ]
        patterns.append((country, re.compile("|".join(alternatives), re.IGNORECASE)))
    return tuple(patterns)


def word_initial(stem: str) -> bool:
    """Latin and Cyrillic stems start a word; Arabic, Persian and Ethiopic ones may follow an attached
    prefix ("بالدنمارك"), so they match anywhere."""
    return is_latin(stem[0]) or bool(CYRILLIC.match(stem))


@lru_cache(maxsize=8192)  # the same source sentences are checked for every question naming a country
def countries(text: str, language: str, adjectives: bool = False) -> frozenset[str]:
    """The countries ``text`` (written in ``language``) names, as ISO codes; with ``adjectives`` also the
    ones it qualifies ("Swedish municipalities"), which is how questions ask."""
    return frozenset(country for country, pattern in _patterns(language, adjectives) if pattern.search(text))


def about_other_country(sentence: str, language: str, asked: frozenset[str]) -> bool:
    """Does ``sentence`` name countries, none of them one the question asks about?"""
    if not asked:
        return False
    named = countries(sentence, language)
    return bool(named) and not named & asked
