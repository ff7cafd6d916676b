"""Lexical (BM25) search over passages, with Snowball stemming in each passage's own language."""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Sequence
from functools import cache
from typing import Any

from assistant.types import Hit

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
STEMMERS = {
    "da": "danish",
    "sv": "swedish",
    "nb": "norwegian",
    "fi": "finnish",
    "lt": "lithuanian",
    "en": "english",
    "de": "german",
    "ru": "russian",
    "ar": "arabic",
}


@cache
def _stemmer(language: str) -> Any:
    import Stemmer

    name = STEMMERS.get(language)
    return Stemmer.Stemmer(name) if name else None


def fold(word: str) -> str:
    """Lower-case and strip diacritics, so 'Rīga' meets 'Riga' and 'Šiauliai' meets 'Siauliai'."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def tokenize(text: str, language: str) -> list[str]:
    words = [w.casefold() for w in _WORD.findall(text)]
    stemmer = _stemmer(language)
    if stemmer is not None:
        words = stemmer.stemWords(words)
    return [fold(w) for w in words if len(w) > 1 or w.isdigit()]


class LexicalIndex:
    """BM25 over a fixed list of passages; rebuild it when the index changes."""

    def __init__(self, passages: Sequence[Hit]):
        import bm25s

        logging.getLogger("bm25s").setLevel(logging.WARNING)  # bm25s sets its own logger to DEBUG
        from assistant.names import NameIndex

        self.passages = list(passages)
        self.names = NameIndex(f"{p.title}\n{p.text}" for p in self.passages)
        self._bm25 = bm25s.BM25()
        if self.passages:
            corpus = [tokenize(f"{p.title}\n{p.text}", p.language) for p in self.passages]
            self._bm25.index([tokens or ["\u2205"] for tokens in corpus], show_progress=False)

    def search(self, query: str, language: str, k: int, allowed: set[str] | None = None) -> list[tuple[Hit, float]]:
        """Top passages by BM25, best first; passages scoring 0 are left out."""
        if not self.passages:
            return []
        # The query is stemmed in its own language and also unstemmed, to meet names and other-language stems.
        tokens = list(dict.fromkeys(tokenize(query, language) + tokenize(query, "")))
        if not tokens:
            return []
        n = len(self.passages)
        indexes, scores = self._bm25.retrieve([tokens], k=n, show_progress=False)
        ranked = []
        for index, score in zip(indexes[0], scores[0], strict=True):
            passage = self.passages[int(index)]
            if score <= 0 or (allowed is not None and passage.chunk_id not in allowed):
                continue
            ranked.append((passage, float(score)))
            if len(ranked) >= k:
                break
        return ranked
