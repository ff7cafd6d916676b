"""Names in questions that are misspelt or transliterated ("Yonava", "Йонава", "Dagfin") meet the corpus's
own spelling ("Jonava", "Dagfinn").

The corpus's names are the words it only ever writes capitalised. A question word that is not a corpus
word but is one edit (two for long words) away from exactly one such name, directly or after
transliteration from Cyrillic, is taken to mean that name and replaced by it, so both the embedder and
BM25 see the spelling the sources use.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from assistant.countries import names_a_place
from assistant.language import CYRILLIC, is_question_word
from assistant.lexical import fold

_WORD = re.compile(r"[^\W\d_][^\W_]*(?:-[^\W_]+)*", re.UNICODE)
MIN_LENGTH = 5
RARE = 3  # a name in at most this many passages is an anchor (two translations and one more)
SUBJECT_QUESTION_WORDS = 6  # a question with at most this many words besides its names is about them
_SENTENCE_END = ".!?:\n•–—-|>"
_PUNCTUATION = "\"'“”„«»‘’()[]{}.,;:!?¿¡…"
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


def deletions(word: str, depth: int) -> set[str]:
    """``word`` and every string made by deleting up to ``depth`` of its characters."""
    found = {word}
    frontier = {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1 :] for w in frontier for i in range(len(w))}
        found |= frontier
    return found


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
        inside: set[str] = set()  # written capitalised inside a sentence, or with inner capitals (IKEA, NordForsk)
        frequency: Counter[str] = Counter()  # in how many texts (passages) each word occurs
        for text in texts:
            frequency.update({loose(word) for word in _WORD.findall(text)})
            for found in _WORD.finditer(text):
                word, key = found.group(), loose(found.group())
                if not word[:1].isupper():
                    lowercase.add(key)
                    continue
                capitalised.setdefault(key, word)
                before = text[: found.start()].rstrip(" \t\u00a0\"'“”„«(")
                if any(ch.isupper() for ch in word[1:]) or (before and before[-1] not in _SENTENCE_END):
                    inside.add(key)
        self.vocabulary = set(capitalised) | lowercase
        self.proper = {key for key in capitalised if key not in lowercase}
        self.names = {key: capitalised[key] for key in self.proper if len(key) >= MIN_LENGTH}
        # Written capitalised inside a sentence too: a name, not only a sentence's first word ("Vizito").
        self.inside_names = {key for key in self.names if key in inside}
        # Symmetric-delete index: a name within the edit limit of a word shares a deletion variant with it,
        # so a question word is compared with a handful of names, not all of them. Place words ("Estland",
        # "Baltijā") are no respelling's target: another language's word for a place is not a misspelling.
        self._variants: dict[str, set[str]] = {}
        for key in (key for key, name in self.names.items() if not names_a_place(name)):
            for variant in deletions(key, 2 if len(key) >= 6 else 1):
                self._variants.setdefault(variant, set()).add(key)
        # Rare names say what a question is about; "Lietuvos" or "UNHCR" in many passages say little.
        self.anchors = {key for key in self.proper & inside if len(key) >= 3 and frequency[key] <= RARE}

    def mentioned(self, question: str) -> tuple[str, ...]:
        """The corpus names ``question`` mentions, as folded keys: words the corpus writes capitalised inside
        sentences and never in lower case, and the question capitalises too (unless it has no capitals at
        all): "Nordregio", "IKEA", "Persson", but not "refugees" in "How does UNHCR help refugees?"."""
        words = _WORD.findall(question)
        cased = any(ch.isupper() for ch in question)
        keys = (loose(word) for word in words if not cased or word[:1].isupper())
        return tuple(dict.fromkeys(key for key in keys if key in self.anchors))

    def subject(self, question: str, mentioned: tuple[str, ...] | None = None) -> tuple[str, ...]:
        """The rare names a short question is about ("What is Studiefrämjandet?", "Who runs Hej Främling?"):
        ``mentioned`` (computed when not given) less place words, and only when at most
        ``SUBJECT_QUESTION_WORDS`` other words are left. In a longer question a name is more often context
        ("… refugees from Ukraine")."""
        keys = [key for key in (self.mentioned(question) if mentioned is None else mentioned) if not names_a_place(key)]
        others = [w for w in _WORD.findall(question) if loose(w) not in keys]
        return tuple(keys) if keys and len(others) <= SUBJECT_QUESTION_WORDS else ()

    def is_name(self, word: str) -> bool:
        """True for a word the corpus only writes capitalised ("Persson", "IKEA"): no clue to a language."""
        return loose(word.strip(_PUNCTUATION)) in self.proper

    def match(self, word: str, inside_only: bool = False) -> str | None:
        """The corpus name ``word`` stands for, when it stands for exactly one; None for corpus words.
        ``inside_only``: only names the corpus also capitalises inside a sentence."""
        probe = loose(transliterate(word)) if CYRILLIC.search(word) else loose(word)
        if len(probe) < MIN_LENGTH or (probe in self.vocabulary and probe not in self.names):
            return None
        if probe not in self.names and names_a_place(word):
            return None  # another language's word for a place is not a misspelling ("Lettland" is not "Estland")
        if probe in self.names:
            return self.names[probe]
        limit = 1 if len(probe) < 8 else 2
        candidates = {key for variant in deletions(probe, limit) for key in self._variants.get(variant, ())}
        if inside_only:
            candidates &= self.inside_names
        found = {self.names[key] for key in candidates if within(probe, key, limit)}
        return found.pop() if len(found) == 1 else None

    def correct(self, question: str) -> str:
        """``question`` with each misspelt or transliterated name written as the corpus writes it. A word the
        asker writes in lower case in a question with capitals is an ordinary word of theirs: it is only
        taken for a name the corpus capitalises inside sentences, never for a sentence's first word
        ("vizite" is not "Vizito")."""
        cased = any(ch.isupper() for ch in question)

        def replace(found: re.Match[str]) -> str:
            word = found.group()
            name = self.match(word, inside_only=cased and word[:1].islower())
            return word if name is None or name.casefold() == word.casefold() else name  # "cities" stays

        return _WORD.sub(replace, question)


def mentions(text: str, keys: Iterable[str]) -> bool:
    """True when ``text`` contains one of the folded name ``keys``."""
    folded = loose(text)
    return any(key in folded for key in keys)


def only_names(question: str, keys: Iterable[str]) -> bool:
    """True when ``question`` asks nothing but what the sources say of names they hold: every word is one
    of the folded name ``keys`` or a question word ("Jonava?", "Hvad er Nordregio?", "Who is IKEA?")."""
    names = set(keys)
    words = [loose(word) for word in _WORD.findall(question)]
    return bool(names) and any(w in names for w in words) and all(w in names or is_question_word(w) for w in words)
