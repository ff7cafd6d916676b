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
    return tuple((country, alternation(words)) for country, words in sorted(stems.items()))


def alternation(stems: set[str], ending: str = "") -> re.Pattern[str]:
    """One pattern for any of ``stems`` (longest first), each followed by ``ending``; Latin and Cyrillic
    stems only at the start of a word."""
    ordered = sorted(stems, key=len, reverse=True)
    return re.compile(
        "|".join((r"(?<![^\W\d_])" if word_initial(w) else "") + re.escape(w) + ending for w in ordered), re.IGNORECASE
    )


def word_initial(stem: str) -> bool:
    """Latin and Cyrillic stems start a word; Arabic, Persian and Ethiopic ones may follow an attached
    prefix ("بالدنمارك"), so they match anywhere."""
    return is_latin(stem[0]) or bool(CYRILLIC.match(stem))


@lru_cache(maxsize=8192)  # the same source sentences are checked for every question naming a country
def countries(text: str, language: str, adjectives: bool = False) -> frozenset[str]:
    """The countries ``text`` (written in ``language``) names, as ISO codes; with ``adjectives`` also the
    ones it qualifies ("Swedish municipalities"), which is how questions ask."""
    return frozenset(country for country, pattern in _patterns(language, adjectives) if pattern.search(text))


MAX_REGION_ENDING = 8  # "Baltiska", "балтійських", "Nordiska" are region words, not names


@lru_cache(maxsize=1)
def _any_place() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A pattern for every country's name or adjective in every language, and one for the regions."""
    data = _data()
    stems = {
        w for table in ("names", "adjectives") for by_country in data[table].values() for ws in by_country.values() for w in ws
    }
    regions = {w for ws in data.get("regions", {}).values() for w in ws}
    return alternation(stems), alternation(regions, rf"[^\W\d_]{{0,{MAX_REGION_ENDING}}}(?![^\W\d_])")


@lru_cache(maxsize=4096)  # asked of every question word and of every corpus name
def names_a_place(word: str) -> bool:
    """Is ``word`` a Nordic or Baltic country or region, as a name or adjective in any supported language
    ("Lettland", "Латвії", "Lithuanian", "Baltiska")? Such a word is never respelled as a corpus name:
    "Lettland" is not "Estland", nor "Baltiska" the Latvian "Baltijā"."""
    countries_pattern, regions_pattern = _any_place()
    return bool(countries_pattern.search(word) or regions_pattern.search(word))


def names_any_country(text: str) -> bool:
    """Does ``text`` name or qualify a country in any supported language? For short texts whose language
    is uncertain ("Og i Sverige?")."""
    return bool(_any_place()[0].search(text))


def without_countries(text: str) -> str:
    """``text`` without the words that name or qualify a country, in any supported language ("Which Danish
    municipalities …?" → "Which municipalities …?"): a follow-up that names another country replaces them."""
    spans = [m.span() for m in _any_place()[0].finditer(text)]
    if not spans:
        return text
    kept, position = [], 0
    for start, end in sorted(spans):
        if start < position:
            continue
        while start > position and (text[start - 1].isalnum()):
            start -= 1  # the whole word the stem belongs to, its punctuation kept
        rest = re.match(r"[^\W_]*", text[end:])
        end += rest.end() if rest else 0
        kept.append(text[position:start])
        position = end
    kept.append(text[position:])
    return re.sub(r"\s+([?.!,;:؟])", r"\1", re.sub(r"\s{2,}", " ", "".join(kept))).strip()


def about_other_country(sentence: str, language: str, asked: frozenset[str]) -> bool:
    """Does ``sentence`` name countries, none of them one the question asks about?"""
    if not asked:
        return False
    named = countries(sentence, language)
    return bool(named) and not named & asked
