"""BM25 over the product's passages with SQLite's FTS5: the lexical baseline of the evaluation.

Each passage is tokenised in its own language (Snowball stems, lower-cased, diacritics folded); a question
is tokenised in its language and unstemmed, and FTS5 ranks the passages with BM25.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable
from functools import cache
from typing import Any

from assistant.answer.abstention import fold

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
STEMMERS = {
    "da": "danish",
    "sv": "swedish",
    "nb": "norwegian",
    "fi": "finnish",
    "lt": "lithuanian",
    "et": "estonian",
    "en": "english",
    "de": "german",
    "ru": "russian",
    "ar": "arabic",
}


@cache
def _stemmer(language: str) -> Any:
    import Stemmer

    name = STEMMERS.get(language)
    if name is None or name not in Stemmer.algorithms():
        return None
    return Stemmer.Stemmer(name)


def tokenize(text: str, language: str) -> list[str]:
    words = [w.casefold() for w in _WORD.findall(text)]
    stemmer = _stemmer(language)
    if stemmer is not None:
        words = stemmer.stemWords(words)
    return [fold(w) for w in words if len(w) > 1 or w.isdigit()]


class BM25:
    """An in-memory FTS5 table of passages: (key, text, language)."""

    def __init__(self, rows: Iterable[tuple[str, str, str]]):
        self._db = sqlite3.connect(":memory:", check_same_thread=False)
        self._db.execute(
            "CREATE VIRTUAL TABLE rows USING fts5(tokens, key UNINDEXED, tokenize = 'unicode61 remove_diacritics 0')"
        )
        self._db.executemany(
            "INSERT INTO rows (tokens, key) VALUES (?, ?)",
            [(" ".join(tokenize(text, language)), key) for key, text, language in rows],
        )

    def search(self, question: str, language: str, n: int) -> list[str]:
        """The keys of the best ``n`` passages, best first."""
        tokens = list(dict.fromkeys(tokenize(question, language) + tokenize(question, "")))
        if not tokens:
            return []
        expression = " OR ".join(f'"{token}"' for token in tokens)
        found = self._db.execute("SELECT key FROM rows WHERE rows MATCH ? ORDER BY bm25(rows) LIMIT ?", (expression, n))
        return [str(key) for (key,) in found]
