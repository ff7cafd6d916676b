"""Which of several values in a quote answers the question.

"I 2025 deltog 214 personer, mod 187 i 2024" holds two numbers; the short answer line states one only
when it can tell which. Each value is read with its clause (the quote cut at commas, semicolons, colons,
dashes and sentence ends), and the clause most similar to the question gives the value, when it stands out
from the next by a margin. The embedder is multilingual, so a Ukrainian question picks a Danish clause.

Only counts, percentages and amounts are chosen this way. On the development documents the clauses of
dates and times ("the period starts 16.3.2026, applications close 27.2.2026") and of names (a name in one
clause, its role in the next) were told apart wrongly as often as rightly, so those keep the rule "one
value or no short line" (docs/experiments.md).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Protocol

import numpy as np

# Given the question and one clause per candidate value: the index of the answering one, or None.
ValueChooser = Callable[[str, Sequence[str]], "int | None"]
CHOICE_MARGIN = 0.1  # chosen on the development documents (docs/experiments.md)
CHOOSABLE = ("number", "percent", "money", "duration")
_CLAUSE_END = re.compile(r"[,;:–—]\s+|(?<=[.!?])\s+|\n+|\s+\|\s+")


class Embeds(Protocol):
    def embed_documents(self, texts: Sequence[str], titles: Sequence[str] | None = None) -> np.ndarray: ...

    def embed_query(self, text: str) -> np.ndarray: ...


def clause_of(text: str, position: int) -> str:
    """The clause of ``text`` around ``position``."""
    start = 0
    for match in _CLAUSE_END.finditer(text):
        if match.start() > position:
            return text[start : match.start()].strip()
        start = match.end()
    return text[start:].strip()


def value_clauses(text: str, value_texts: Sequence[str]) -> list[str]:
    """One clause per value (found where the value is written; the whole text when it is not found). Values
    that share a clause ("from 15 per cent in Norway to 31 per cent in Latvia") each get the part of it that
    runs from the value to the next one, the first also what leads in to it."""
    positions = []
    searched_from = 0
    for value in value_texts:
        position = text.find(value, searched_from)
        if position < 0:
            position = text.find(value)
        else:
            searched_from = position + len(value)
        positions.append(position)
    whole = [clause_of(text, position) if position >= 0 else text for position in positions]
    clauses = list(whole)
    for i, (clause, position) in enumerate(zip(whole, positions, strict=True)):
        shared = [p for j, p in enumerate(positions) if whole[j] == clause and p >= 0 and j != i]
        if position < 0 or not shared:
            continue
        start = text.find(clause, max(0, position - len(clause)))
        later = [p for p in shared if p > position]
        end = min(later) if later else start + len(clause)
        begin = position if any(p < position for p in shared) else start
        clauses[i] = text[begin:end].strip()
    return clauses


def embedding_chooser(embedder: Embeds, margin: float = CHOICE_MARGIN) -> ValueChooser:
    """A chooser that compares the clauses with the question by their embeddings."""

    def choose(question: str, clauses: Sequence[str]) -> int | None:
        distinct = list(dict.fromkeys(clauses))
        if len(distinct) < 2:
            return None  # the values share one clause: nothing tells them apart
        scores = embedder.embed_documents(distinct) @ embedder.embed_query(question)
        order = np.argsort(-scores)
        if float(scores[order[0]] - scores[order[1]]) < margin:
            return None
        best = distinct[int(order[0])]
        return clauses.index(best) if clauses.count(best) == 1 else None

    return choose
