"""Evaluation metrics on normalised text. Pure functions, no I/O.

Normalisation (before any matching): Unicode NFKC, case-folded, curly quotes and dashes unified,
whitespace collapsed. A passage is relevant to an item when it contains one of the item's evidence quotes,
compared without list markers (an evidence quote copied from the source's "om du: - har fyllt 16 år" matches the
loaded list, whose items carry no marker) and without table cell separators (" | ", where a loader read cells).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Sequence

_SINGLE_QUOTES = re.compile(r"[‘’‚‛′`´]")
_DOUBLE_QUOTES = re.compile(r"[“”„‟″«»]")
_DASHES = re.compile(r"[‐‑‒–—―−]")
_SPACE = re.compile(r"\s+")
_DASH_MARKER = re.compile(r"(?:^|(?<= ))[-•*·▪◦●] ")  # a bullet, or a spaced dash (both sides lose it alike)
_NUMBER_MARKER = re.compile(r"(?:^|(?<=: ))\(?\d{1,2}[.)] ")  # "datum: 1. måndag": a numbered list's first item


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    text = _SINGLE_QUOTES.sub("'", text)
    text = _DOUBLE_QUOTES.sub('"', text)
    text = _DASHES.sub("-", text)
    return _SPACE.sub(" ", text).strip()


def without_list_markers(text: str) -> str:
    """Normalised text without list markers, for matching evidence quotes."""
    text = _NUMBER_MARKER.sub("", _DASH_MARKER.sub("", normalise(text)))
    return _SPACE.sub(" ", text.replace(" | ", " ")).strip()  # a table's cell separators are the loader's, not the text's


def is_relevant(passage: str, evidence: Sequence[str]) -> bool:
    text = without_list_markers(passage)
    return any(without_list_markers(quote) in text for quote in evidence if quote.strip())


def relevance(passages: Sequence[str], evidence: Sequence[str]) -> list[bool]:
    return [is_relevant(p, evidence) for p in passages]


def hit_at(rels: Sequence[bool], k: int) -> float:
    return 1.0 if any(rels[:k]) else 0.0


def reciprocal_rank(rels: Sequence[bool], k: int = 10) -> float:
    for rank, relevant in enumerate(rels[:k], 1):
        if relevant:
            return 1.0 / rank
    return 0.0


def ndcg(rels: Sequence[bool], k: int = 10) -> float:
    """Binary-relevance nDCG@k; the ideal ranking puts all relevant retrieved passages first."""
    gains = [1.0 / math.log2(rank + 1) for rank, rel in enumerate(rels[:k], 1) if rel]
    ideal_count = min(sum(1 for r in rels if r), k)
    if ideal_count == 0:
        return 0.0
    ideal = sum(1.0 / math.log2(rank + 1) for rank in range(1, ideal_count + 1))
    return sum(gains) / ideal


_GROUPED_DIGITS = re.compile(r"(?<=\d)[ .,'’](?=\d{3}(?!\d))")


def normalise_numbers(text: str) -> str:
    """Normalised text with digit-group separators dropped: "12 500", "12.500" and "12,500" all read
    "12500", whichever locale wrote them."""
    return _GROUPED_DIGITS.sub("", normalise(text))


_CITATION = re.compile(r"\[\d+\]")
_LEADING_ZEROS = re.compile(r"(?<![\d.,])0+(?=\d)")  # "09.30" is "9.30"
_NUMBER = re.compile(r"\d+(?:[.,:]\d+)?")  # a keyword that is one number, matched whole


def keywords_present(answer: str, groups: Sequence[Sequence[str]]) -> bool:
    """Every group has at least one alternative in the answer (normalised substring match, digit groups
    compared without their separators). A number is matched whole: "20" is not found in "2026" nor in "1,20",
    and citation markers ("[2]") are no numbers of the answer."""
    text = _unpadded(normalise_numbers(_CITATION.sub(" ", answer)))
    return all(any(_found(_unpadded(normalise_numbers(alt)), text) for alt in group) for group in groups)


def _unpadded(text: str) -> str:
    return _LEADING_ZEROS.sub("", text)


def _found(keyword: str, text: str) -> bool:
    """``keyword`` in ``text``; a number only whole ("14" in "14:00" and "14.00", not in "2014" or "1,14"). A keyword
    of several parts (a phone number, a date) is matched as written."""
    if not _NUMBER.fullmatch(keyword):
        return bool(keyword) and keyword in text
    before, after = r"(?<!\d)(?<!\d[.,])", r"(?!\d)(?![.,](?!00(?!\d))\d)"
    return re.search(before + re.escape(keyword) + after, text) is not None


def contains_evidence(text: str, evidence: Sequence[str]) -> bool:
    """Does ``text`` (a quote) contain one of the gold evidence phrases?"""
    return is_relevant(text, evidence)


def median(values: Sequence[float]) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def mean(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None


def percentile(values: Sequence[float], q: float) -> float | None:
    """Nearest-rank percentile (q in 0..100)."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[rank - 1]
