"""The bound a value's words give it: "højst 3 måneder" is at most three months, "ca. 300 kr" about 300 kroner.

The words of each source language that bound an amount, a count or a duration written right after them are listed
in ``value_patterns.json`` (``bounds``: about, at most, at least, over, under); the short answer states the bound
as a sign ("≤ 3 місяці", "~300 шведських крон"), which reads the same in every language.
"""

from __future__ import annotations

import re
from functools import cache

from assistant.data import read_json


@cache
def _bound_words(language: str) -> tuple[re.Pattern[str], tuple[str, ...]] | None:
    """The words of ``language`` that bound a value written right after them or one short word before it (ending
    the text searched), and the bound each gives."""
    listed: dict[str, list[str]] = read_json("value_patterns.json")["bounds"].get(language, {})
    words = [(symbol, word) for symbol, found in listed.items() for word in found]
    if not words:
        return None
    words.sort(key=lambda item: -len(item[1]))  # "maksimaalselt kuni" before "kuni"
    # after a word of six letters or more, one short word may stand between ("höchstens für 4 Monate"); not after
    # "over" or "do" ("over de 3 år" is "during the three years")
    gap = r"(?:\s+[^\W\d_]{1,3})?"
    alternatives = "|".join(f"(?P<b{i}>{re.escape(word)}{gap if len(word) >= 6 else ''})" for i, (_, word) in enumerate(words))
    return re.compile(rf"(?<!\w)(?:{alternatives})\s*$", re.IGNORECASE), tuple(symbol for symbol, _ in words)


def bound(text: str, value: str, language: str) -> str:
    """The bound the words right before ``value`` (as written in ``text``, a unit in ``language``) give it ("up to
    300 €": "≤"), or "". A word that ends a range begun by a number ("fra 200 op til 300 kr.", "no 200 līdz 300")
    gives none."""
    words = _bound_words(language)
    at = text.find(value)
    if words is None or at < 0:
        return ""
    pattern, symbols = words
    found = pattern.search(text, max(0, at - 30), at)
    if found is None or re.search(r"\d\D{0,12}$", text[max(0, found.start() - 14) : found.start()]):
        return ""
    return symbols[int(str(found.lastgroup)[1:])]
