"""One slot per fact when a page exists in several languages (documents that name each other with
``translation_of``): a passage and its translation among the results become one result, the version in
the asker's language first, the other shown beside it."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from assistant.types import Hit

SAME_FACT = 0.75  # cosine of two passages' vectors above which they say the same thing in two languages


def group_translations(ranked: list[tuple[Hit, float]], vectors: dict[str, np.ndarray], language: str) -> list[tuple[Hit, float]]:
    """``ranked`` (best first) with each passage's translations folded into it. Two passages are
    translations when their documents belong to one group (a page and its translations), their
    languages differ, and their vectors are at least ``SAME_FACT`` similar."""
    kept: list[tuple[Hit, float]] = []
    for hit, score in ranked:
        match = next(
            (
                i
                for i, (other, _) in enumerate(kept)
                if other.group
                and other.group == hit.group
                and other.language != hit.language
                and all(t.language != hit.language for t in other.translations)
                and float(vectors[other.chunk_id] @ vectors[hit.chunk_id]) >= SAME_FACT
            ),
            None,
        )
        if match is None:
            kept.append((hit, score))
            continue
        other, best = kept[match]
        if hit.language == language and other.language != language:
            first, second = hit, other  # the asker's language takes the slot, at the better score
        else:
            first, second = other, hit
        kept[match] = (replace(first, score=best, translations=(*first.translations, replace(second, translations=()))), best)
    return kept
