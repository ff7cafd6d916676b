"""Passages that are translations of one another (the same page in Danish and Latvian, say).

At ingest, each passage of a new or changed document is compared with its nearest passages in other
languages; a pair is linked when their similarity is at least ``MIN_SIMILARITY`` and each is the other's
best match within the partner document (mutual nearest neighbours: chunk boundaries differ between
languages, and a one-sided best match is often just the same topic). Links are stored on both passages.

At query time, ``group_translations`` keeps one slot per fact: the version in the asker's language when
there is one, otherwise the best-scoring one, with the other versions listed beside it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

import numpy as np

from assistant.store import ChromaStore
from assistant.types import Hit

MIN_SIMILARITY = 0.70
# Inside two documents already linked as translations (a passage pair >= MIN_SIMILARITY), mutual best
# sentences of the Danish and Latvian UNHCR pages at >= 0.65 are all true translations; below it some are
# merely the same topic.
MIN_SENTENCE_SIMILARITY = 0.65
NEIGHBOURS = 8
SEPARATOR = "|"


def mutual_pairs(
    left_ids: Sequence[str], left: np.ndarray, right_ids: Sequence[str], right: np.ndarray, minimum: float = MIN_SIMILARITY
) -> list[tuple[str, str, float]]:
    """Pairs (left id, right id, similarity) that are each other's best match and similar enough."""
    if not len(left_ids) or not len(right_ids):
        return []
    sims = left @ right.T
    best_right = sims.argmax(axis=1)
    best_left = sims.argmax(axis=0)
    return [
        (left_ids[i], right_ids[int(j)], float(sims[i, j]))
        for i, j in enumerate(best_right)
        if best_left[int(j)] == i and sims[i, j] >= minimum
    ]


def split_links(value: object) -> list[str]:
    return [v for v in str(value or "").split(SEPARATOR) if v]


def group_translations(hits: Sequence[Hit], language: str, fetch: Callable[[list[str]], list[Hit]] | None = None) -> list[Hit]:
    """Collapse linked translations into one hit each, keeping rank order by the group's best score.

    ``hits`` carry their linked chunk ids in ``translation_ids``. The representative is the version in
    ``language`` (fetched with ``fetch`` when it was linked but not retrieved), else the best-scoring one;
    the other versions go into its ``translations``.
    """
    grouped: list[list[Hit]] = []
    owner: dict[str, int] = {}
    for hit in hits:
        index = next((owner[cid] for cid in (hit.chunk_id, *hit.translation_ids) if cid in owner), None)
        if index is None:
            index = len(grouped)
            grouped.append([])
        grouped[index].append(hit)
        for cid in (hit.chunk_id, *hit.translation_ids):
            owner.setdefault(cid, index)
    wanted = sorted(
        {cid for group in grouped if all(h.language != language for h in group) for h in group for cid in h.translation_ids}
        - {h.chunk_id for h in hits}
    )
    extra = {h.chunk_id: h for h in (fetch(wanted) if fetch and wanted else [])}
    result = []
    for group in grouped:
        best = group[0]  # hits arrive best first
        if all(h.language != language for h in group):
            native = [extra[c] for h in group for c in h.translation_ids if c in extra and extra[c].language == language]
            if native:
                group = [*group, replace(native[0], score=best.score)]
        same = [h for h in group if h.language == language]
        chosen = same[0] if same else best
        others = tuple(replace(h, translation_ids=()) for h in group if h.chunk_id != chosen.chunk_id)
        result.append(replace(chosen, score=max(chosen.score, best.score), translations=others))
    return result


def link_document(store: ChromaStore, doc_id: str, language: str) -> int:
    """Find and store the translation links of one document's passages; returns the number of new pairs
    (linking the partner document afterwards finds the same pairs again and counts none)."""
    ids, vectors = store.document_vectors(doc_id)
    pairs: set[tuple[str, str]] = set()
    for partner in sorted(store.neighbour_documents(vectors, language, NEIGHBOURS, MIN_SIMILARITY) - {doc_id}):
        partner_ids, partner_vectors = store.document_vectors(partner)
        pairs.update((left, right) for left, right, _ in mutual_pairs(ids, vectors, partner_ids, partner_vectors))
        pairs.update(sentence_pairs(store, ids, partner_ids))
    return store.add_links(sorted(pairs))


def sentence_pairs(store: ChromaStore, ids: Sequence[str], partner_ids: Sequence[str]) -> set[tuple[str, str]]:
    """Passage pairs holding a sentence and its translation (mutual best sentences, similarity at least
    ``MIN_SENTENCE_SIMILARITY``). Chunk boundaries differ between languages: one Danish passage may hold
    what two Latvian ones say, and only one of them is its mutual best passage."""
    left, left_vectors = store.sentence_records(list(ids))
    right, right_vectors = store.sentence_records(list(partner_ids))
    # Each sentence is named by its passage: a mutual sentence pair is a passage pair.
    found = mutual_pairs(
        [s.chunk_id for s in left], left_vectors, [s.chunk_id for s in right], right_vectors, MIN_SENTENCE_SIMILARITY
    )
    return {(left_id, right_id) for left_id, right_id, _ in found}
