"""Names in questions that are misspelt or transliterated ("Yonava", "Йонава", "Dagfin") meet the corpus's
own spelling ("Jonava", "Dagfinn").

The corpus's names are the words it only ever writes capitalised. A question word that is not a corpus
word but is one edit (two for long words) away from exactly one such name, directly or after
transliteration from Cyrillic, is taken to mean that name and replaced by it, so both the embedder and
BM25 see the spelling the sources use.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from assistant.lexical import fold

_WORD = re.compile(r"[^\W\d_][^\W_]*(?:-[^\W_]+)*", re.UNICODE)
MIN_LENGTH = 5
_PUNCTUATION = "\"'“”„«»‘’()[]{}.,;:!?¿¡…"
CYRILLIC = re.compile(r"[\u0400-\u04FF]")
# Ukrainian/Russian to the Latin spellings Nordic and Baltic names use ("й" is "j" in Jonava).
_CYRILLIC_TO_LATIN = str.maketrans(
    {
        "а": "a", "б": "b", "в": "v", "г": "g", "ґ": "g", "д": "d", "е": "e", "є": "je", "ё": "jo", "ж": "z",
        "з": "z", "и": "i", "і": "i", "ї": "ji", "й": "j", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
        "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "h", "ц": "c", "ч": "c", "ш": "s",
        "щ": "s", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "ju", "я": "ja", "'": "", "’": "",
    }
)  # fmt: skip


# Letters that folding keeps (they do not decompose) but askers often type without: "Hoybraten".
_LOOSE = str.maketrans({"ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ß": "ss"})


def transliterate(word: str) -> str:
    return word.casefold().translate(_CYRILLIC_TO_LATIN)


def loose(word: str) -> str:
    return fold(word).translate(_LOOSE)


def within(a: str, b: str, limit: int) -> bool:
    """True when the edit distance between ``a`` and ``b`` is at most ``limit`` (banded Levenshtein)."""
    if abs(len(a) - len(b)) > limit:
        return False
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
        if min(current) > limit:
            return False
        previous = current
    return previous[-1] <= limit


class NameIndex:
    """The corpus's names, to recognise them in questions however they are spelt."""

    def __init__(self, texts: Iterable[str]):
        capitalised: dict[str, str] = {}
        lowercase: set[str] = set()
        for text in texts:
            for word in _WORD.findall(text):
                key = loose(word)
                if word[:1].isupper():
                    capitalised.setdefault(key, word)
                else:
                    lowercase.add(key)
        self.vocabulary = set(capitalised) | lowercase
        self.proper = {key for key in capitalised if key not in lowercase}
        self.names = {key: capitalised[key] for key in self.proper if len(key) >= MIN_LENGTH}

    def is_name(self, word: str) -> bool:
        """True for a word the corpus only writes capitalised ("Persson", "IKEA"): no clue to a language."""
        return loose(word.strip(_PUNCTUATION)) in self.proper

    def match(self, word: str) -> str | None:
        """The corpus name ``word`` stands for, when it stands for exactly one; None for corpus words."""
        probe = loose(transliterate(word)) if CYRILLIC.search(word) else loose(word)
        if len(probe) < MIN_LENGTH or (probe in self.vocabulary and probe not in self.names):
            return None
        if probe in self.names:
            return self.names[probe]
        limit = 1 if len(probe) < 8 else 2
        found = {name for key, name in self.names.items() if within(probe, key, limit)}
        return found.pop() if len(found) == 1 else None

    def correct(self, question: str) -> str:
        """``question`` with each misspelt or transliterated name written as the corpus writes it."""
        return _WORD.sub(lambda m: self.match(m.group()) or m.group(), question)
