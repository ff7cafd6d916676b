"""Dense retrieval of small passages, scored with their units.

1. Candidates: the passages nearest to the question's vector; each passage was embedded with its document
   title and heading path (its context), so a section that never names its page is still found by it.
2. Each candidate scores ``cos(question, passage) + unit_weight × the best cos(question, unit)``, its
   units (sentences, list items with their lead-in, table rows with their header) embedded with the same
   context. The weight is chosen on the development documents (``assistant eval --tune``). When the
   question asks for a kind of value (an amount, a date, ...), only units that state one count at full
   weight: a passage that cannot give the value falls behind one that can (``value_penalty``).
3. Three small corrections (``RetrievalParams``): a page's opening passage loses a little, as does a passage
   in the question's own language (the embedder favours it whatever it says); a longer passage gains a
   little. Test documents: hit@1 0.706 → 0.748, MRR@10 0.812 → 0.833 (docs/experiments.md).
   A question naming Nordic or Baltic countries ranks a page about another country lower
   (``country_penalty``; a document's country is set at ingest, ``DocumentEntry.country``).
4. Translations of one page among the results share one slot, the asker's language first
   (``assistant.retrieve.translations``).

BM25 candidates and a document-level vector were measured and removed: neither gained anything on the
test documents (docs/experiments.md).
"""

from __future__ import annotations

import logging
import math
import time
from dataclasses import dataclass, field, replace

import numpy as np

from assistant.answer.kinds import EXCLUSIVE, can_answer
from assistant.answer.places import countries_asked, named_in
from assistant.index.store import ChromaStore, Passage, where_clause
from assistant.models.embedder import Embedder
from assistant.retrieve.questions import alternatives
from assistant.retrieve.translations import group_translations
from assistant.types import Filters, Hit, Retrieved, SentenceMatch, Side

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class RetrievalParams:
    candidates: int = 30
    unit_weight: float = 2.0
    group_translations: bool = True
    follow_up_weight: float = 1.0  # a follow-up's own vector, added to that of the joined text
    # How much a passage's best unit loses when no unit of it states the kind of value asked for (chosen on
    # the development documents: 0.2 and anything above rank the same; docs/experiments.md).
    value_penalty: float = 0.2
    # Three small corrections of the ranking (development documents; docs/experiments.md): the opening passage
    # of a page with several (its title and introduction, close to any question naming the page's programme)
    # loses ``intro_penalty``; a passage in the question's own language loses ``same_language_penalty`` (the
    # embedder favours it whatever it says); a longer passage gains ``length_weight`` × log(1 + words).
    intro_penalty: float = 0.04
    same_language_penalty: float = 0.02
    length_weight: float = 0.02
    # A passage of a page about one Nordic or Baltic country (``DocumentEntry.country``) loses ``country_penalty``
    # when the question names others only: "the fee in Estonia" is not answered by the Icelandic page that the
    # embedder puts first for an Icelandic asker (docs/experiments.md).
    country_penalty: float = 0.3
    # A question asking which of two things ("… in Sweden or in Denmark?") keeps the best passage for each side
    # among the first ``alternative_rank`` passages, so that both can be quoted (docs/experiments.md).
    alternative_rank: int = 3


@dataclass(frozen=True)
class Evidence:
    """A candidate passage and its similarity to the question at each level."""

    hit: Hit
    passage: float
    unit: float  # the best unit of the passage
    answering: float  # the best unit that can state the asked kind of value (else ``unit`` less the penalty)
    opening: bool = False  # the first passage of a page that has several
    same_language: bool = False  # in the question's language
    elsewhere: bool = False  # of a page about another country than the one(s) the question names


@dataclass
class Candidates:
    rows: list[Evidence]
    units: dict[str, tuple[SentenceMatch, ...]]  # scored units by chunk id
    vectors: dict[str, np.ndarray]  # passage vectors by chunk id
    unit_vectors: dict[str, np.ndarray] = field(default_factory=dict)  # by chunk id, in the passage's unit order


def unit_matches(passage: Passage, vector: np.ndarray) -> tuple[SentenceMatch, ...]:
    """The passage's units with their similarity to ``vector``, best first."""
    hit = passage.hit
    if not hit.units or len(passage.unit_vectors) != len(hit.units):
        return ()
    scores = passage.unit_vectors @ vector
    matches = [
        SentenceMatch(hit.chunk_id, unit.text(hit.text), unit.start, unit.end, float(score), unit.spans, unit.kind)
        for unit, score in zip(hit.units, scores, strict=True)
    ]
    return tuple(sorted(matches, key=lambda m: (-m.score, m.start)))


def answering(
    matches: tuple[SentenceMatch, ...], best: float, kinds: tuple[str, ...], penalty: float, language: str = ""
) -> float:
    """The unit evidence a passage (in ``language``) ranks by: its best unit that can state the asked kind of
    value; ``best`` less ``penalty`` when none can; ``best`` when no value is asked (or ``penalty`` is 0)."""
    if not kinds or penalty <= 0:
        return best
    stating = [m.score for m in matches if can_answer(m.text, kinds, language)]
    return stating[0] if stating else best - penalty


class Retriever:
    def __init__(self, store: ChromaStore, embedder: Embedder, params: RetrievalParams | None = None):
        self.store = store
        self.embedder = embedder
        self.params = params or RetrievalParams()

    def with_params(self, **changes: object) -> Retriever:
        """The same retriever with other parameters (an ablation), sharing model and index."""
        return Retriever(self.store, self.embedder, replace(self.params, **changes))  # type: ignore[arg-type]

    def search(
        self,
        question: str,
        language: str,
        k: int = 5,
        filters: Filters | None = None,
        follow_up: str = "",
        kinds: tuple[str, ...] = (),
    ) -> Retrieved:
        """``follow_up``: the short question that ``question`` joins to the one before it ("And in
        Sweden?"); its own vector is added, so that what it asks weighs as much as the earlier subject.
        ``kinds``: the kinds of value the question asks for (``assistant.answer.kinds.required_kinds``)."""
        timings: dict[str, float] = {}
        clock = time.perf_counter()
        vector = self.query_vector(question, follow_up)
        timings["embed"] = (time.perf_counter() - clock) * 1000
        clock = time.perf_counter()
        candidates = self.candidates(vector, question, language, filters, kinds)
        timings["search"] = (time.perf_counter() - clock) * 1000
        clock = time.perf_counter()
        ranked = self.rank(candidates, self.params)
        blind = self.rank(candidates, self.params, by_value=False)
        signals = ranking_signals(blind, candidates, self.params.candidates)
        if self.params.group_translations:
            ranked = group_translations(ranked, candidates.vectors, language)
            blind = group_translations(blind, candidates.vectors, language)
        sides = self.sides(question, language, vector, candidates)
        hits = tuple(hit for hit, _ in with_sides(ranked, [s.chunk_id for s in sides], self.params.alternative_rank)[:k])
        judged = tuple(hit for hit, _ in blind[:k])
        timings["rank"] = (time.perf_counter() - clock) * 1000
        units = {h.chunk_id: candidates.units[h.chunk_id] for h in (*hits, *judged)}
        units.update({t.chunk_id: candidates.units[t.chunk_id] for h in (*hits, *judged) for t in h.translations})
        return Retrieved(hits, units, timings, question, signals, judged if judged != hits else (), sides)

    def sides(self, question: str, language: str, vector: np.ndarray, candidates: Candidates) -> tuple[Side, ...]:
        """For a question about two things (split at "or", or at "and" between two places it names): each side's
        document is that of the candidate passage nearest to the side's text added to the question; when the two
        are different documents, each side is the passage of its document holding the unit that best answers the
        question and matches the other side's best unit (parallel pages state one fact in similar words: "64
        aktiivista mentoria" beside "58 virkir sjálfboðaliðar"), with its units in that order."""
        if self.params.alternative_rank <= 0 or not candidates.rows:
            return ()
        parts = alternatives(question, language)
        if parts is None and (pair := alternatives(question, language, "standard")) is not None:
            places = [named_in(part, language) for part in pair]  # "… in Uppsala and in Trondheim?", not "when and how long?"
            parts = pair if all(places) and places[0] != places[1] else None
        if not parts:
            return ()
        best = []
        for part in parts:
            both = vector + self.embedder.embed_query(part)
            best.append(max(candidates.rows, key=lambda row: float(candidates.vectors[row.hit.chunk_id] @ both)).hit)
        if best[0].doc_id == best[1].doc_id:
            return ()
        units = {doc: self.document_units(candidates, doc) for doc in (best[0].doc_id, best[1].doc_id)}
        if not all(units.values()):
            return ()
        found = []
        for own, other in ((best[0].doc_id, best[1].doc_id), (best[1].doc_id, best[0].doc_id)):
            counterpart = max(units[other], key=lambda unit: float(unit[1] @ vector))[1]
            scored = sorted(units[own], key=lambda unit: -float(unit[1] @ vector + unit[1] @ counterpart))
            chunk_id = scored[0][0].chunk_id
            found.append(Side(chunk_id, tuple(hit.units[i].spans for hit, _, i in scored if hit.chunk_id == chunk_id)))
        return tuple(found)

    @staticmethod
    def document_units(candidates: Candidates, doc_id: str) -> list[tuple[Hit, np.ndarray, int]]:
        """The units of a document's candidate passages: (passage, unit vector, the unit's index)."""
        return [
            (row.hit, vectors[i], i)
            for row in candidates.rows
            if row.hit.doc_id == doc_id
            and (vectors := candidates.unit_vectors.get(row.hit.chunk_id)) is not None
            and len(vectors) == len(row.hit.units)
            for i in range(len(vectors))
        ]

    def query_vector(self, question: str, follow_up: str = "") -> np.ndarray:
        vector = self.embedder.embed_query(question)
        if not follow_up or follow_up == question or self.params.follow_up_weight <= 0:
            return vector
        combined = vector + self.params.follow_up_weight * self.embedder.embed_query(follow_up)
        return np.asarray(combined / (np.linalg.norm(combined) + 1e-12), dtype=vector.dtype)

    def candidates(
        self,
        vector: np.ndarray,
        question: str = "",
        language: str = "",
        filters: Filters | None = None,
        kinds: tuple[str, ...] = (),
    ) -> Candidates:
        """The nearest passages with their similarity at both levels (before weighting)."""
        candidates = Candidates([], {}, {})
        valued = tuple(kind for kind in kinds if kind in EXCLUSIVE)
        documents = manifest.documents if (manifest := self.store.active()) is not None else {}
        asked = countries_asked(question, language) if self.params.country_penalty > 0 else set()
        for passage in self.store.query(vector, self.params.candidates, where_clause(filters)):
            hit = passage.hit
            matches = unit_matches(passage, vector)
            passage_sim = float(passage.vector @ vector)
            best = matches[0].score if matches else passage_sim
            candidates.vectors[hit.chunk_id] = passage.vector
            candidates.unit_vectors[hit.chunk_id] = passage.unit_vectors
            candidates.units[hit.chunk_id] = matches
            value = answering(matches, best, valued, self.params.value_penalty, hit.language)
            entry = documents.get(hit.doc_id)
            opening = hit.ordinal == 0 and entry is not None and entry.passages > 1
            elsewhere = bool(asked) and entry is not None and entry.country not in ("", *asked)
            candidates.rows.append(Evidence(hit, passage_sim, best, value, opening, hit.language == language, elsewhere))
        return candidates

    @staticmethod
    def rank(candidates: Candidates, params: RetrievalParams, by_value: bool = True) -> list[tuple[Hit, float]]:
        """Candidates scored with ``params``' weights, best first. ``by_value=False`` ranks by the best unit
        whatever the kind of value asked and without the corrections: the similarity signals the abstention
        model reads come from that ranking, as when it was fitted (whether a value is stated is its own
        feature)."""
        scored = []
        for row in candidates.rows:
            score = row.passage + params.unit_weight * (row.answering if by_value else row.unit)
            if by_value:
                score += corrections(row, params)
            scored.append((replace(row.hit, score=score), score))
        scored.sort(key=lambda pair: (-pair[1], pair[0].chunk_id))
        return scored


def with_sides(ranked: list[tuple[Hit, float]], sides: list[str], rank: int) -> list[tuple[Hit, float]]:
    """``ranked`` with each of ``sides`` (chunk ids) that is below the first ``rank`` passages moved up to the
    last places among them (never above the best passage)."""
    ranked = list(ranked)
    place = [hit.chunk_id for hit, _ in ranked]
    below = [chunk_id for chunk_id in sides if chunk_id in place and place.index(chunk_id) >= rank]
    for offset, chunk_id in enumerate(below):
        at = next(i for i, (hit, _) in enumerate(ranked) if hit.chunk_id == chunk_id)
        ranked.insert(max(1, rank - len(below) + offset), ranked.pop(at))
    return ranked


def corrections(row: Evidence, params: RetrievalParams) -> float:
    """The small structural corrections of a passage's score (see ``RetrievalParams``)."""
    words = len(row.hit.text.split())
    return (
        params.length_weight * math.log1p(words)
        - params.intro_penalty * row.opening
        - params.same_language_penalty * row.same_language
        - params.country_penalty * row.elsewhere
    )


def ranking_signals(ranked: list[tuple[Hit, float]], candidates: Candidates, pool: int = 30) -> dict[str, float]:
    """What the ranking says about how well the question is answered: the best passage's similarities
    (passage, best unit), how far they stand out from the other candidates, the best unit of any
    candidate, and the best score's margin over the next passage.

    How far the best unit stands out is measured among the ``pool`` candidates' best units; an index with
    fewer passages than that measures it among all their units instead, since the best of four values
    cannot stand out by more than √3 standard deviations (a caseworker's three documents were refused
    questions they answer)."""
    if not ranked:
        return {}
    rows = {row.hit.chunk_id: row for row in candidates.rows}
    best = rows[ranked[0][0].chunk_id]
    margin = ranked[0][1] - ranked[1][1] if len(ranked) > 1 else ranked[0][1]
    passages = np.array([row.passage for row in candidates.rows])
    units = np.array([row.unit for row in candidates.rows])
    if len(candidates.rows) < pool:
        units = np.array([m.score for matches in candidates.units.values() for m in matches] or [best.unit])
    return {
        # How far the best stands out from the other candidates: a similarity scale that holds in every
        # language (questions in some languages meet every passage less closely).
        "passage_z": float((best.passage - passages.mean()) / (passages.std() + 1e-6)),
        "unit_z": float((best.unit - units.mean()) / (units.std() + 1e-6)),
        "passage": best.passage,
        "unit": best.unit,
        "margin": margin,
        "best_unit": max(row.unit for row in candidates.rows),
    }
