"""Answers with numbered citations from retrieved passages, and the decision to abstain.

The default ``ExtractiveAnswerer`` needs no LLM: it quotes the sentences of the retrieved passages that
are most similar to the question (sentence vectors stored at ingest), each followed by ``[n]``, and
introduces them in the asker's language. Quotes stay in their source language. When the best sentence is
not similar enough, it abstains and lists the closest sources instead.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from assistant.answer_types import can_answer, required_kinds
from assistant.countries import about_other_country, countries
from assistant.messages import message
from assistant.names import mentions, only_names
from assistant.types import Citation, Hit, Retrieved, SentenceMatch

SAME_LANGUAGE_BONUS = 0.02
PASSAGE_WEIGHT = 0.5  # chosen on the dev split: precision 0.75 -> 0.77, recall unchanged
MAX_QUOTE_CHARS = 700
MIN_FURTHER_QUOTE_WORDS = 4  # a heading ("Baltijos šalių delegacija") may answer, but never adds to an answer


@dataclass(frozen=True)
class Draft:
    abstained: bool
    text: str
    citations: tuple[Citation, ...]
    confidence: float = 0.0
    fallback: str = ""  # why a generator's answer was replaced by the extractive one
    note: str = ""  # e.g. how many unsupported generated sentences were dropped


def answerable_sentences(question: str, language: str, retrieved: Retrieved) -> Retrieved:
    """Keep only sentences that can give the kind of answer the question asks for (a number, an amount of
    money, a phone number or address, a time of day), when it asks for one, and that are not about another
    country than the one(s) it asks about."""
    kinds = required_kinds(question, language)
    asked = countries(question, language, adjectives=True)
    if not kinds and not asked:
        return retrieved
    languages = {h.chunk_id: h.language for h in retrieved.hits}

    def fits(sentence: SentenceMatch) -> bool:
        if kinds and not can_answer(sentence.text, kinds):
            return False
        return not about_other_country(sentence.text, languages.get(sentence.chunk_id, ""), asked)

    kept = {cid: tuple(s for s in group if fits(s)) for cid, group in retrieved.sentences.items()}
    return replace(retrieved, sentences=kept)


def naming_sentences(retrieved: Retrieved) -> Retrieved:
    """Only the sentences that name one of the names the question mentions."""
    kept = {cid: tuple(s for s in group if mentions(s.text, retrieved.names)) for cid, group in retrieved.sentences.items()}
    return replace(retrieved, sentences=kept)


class ExtractiveAnswerer:
    name = "extractive"

    def __init__(
        self, min_score: float = 0.39, max_quotes: int = 3, margin: float = 0.04, per_passage: int = 2, max_passages: int = 3
    ):
        self.min_score = min_score
        self.max_quotes = max_quotes
        self.max_passages = max_passages
        self.margin = margin
        self.per_passage = per_passage

    def answer(self, question: str, language: str, retrieved: Retrieved, on_token: object = None) -> Draft:
        chosen, confidence = self.choose(question, language, retrieved)
        if not chosen:
            return abstention(language, retrieved.hits, confidence=confidence)
        draft = compose(language, retrieved.hits, chosen)
        return Draft(draft.abstained, draft.text, draft.citations, confidence)

    def answer_parts(self, language: str, whole: tuple[str, Retrieved], parts: list[tuple[str, Retrieved]]) -> Draft:
        """A two-part question (``assistant.decomposition``): each part's quotes in turn, without repeats. The
        whole question is answered only when no part can be: one vector for two questions lands between
        their answers."""
        chosen: list[SentenceMatch] = []
        confidence = 0.0
        hits: dict[str, Hit] = {}
        for question, retrieved in parts:
            found, score = self.choose(question, language, retrieved)
            confidence = max(confidence, score)
            spans = {(c.chunk_id, c.start, c.end) for c in chosen}
            chosen.extend(s for s in found if (s.chunk_id, s.start, s.end) not in spans)
            hits.update((h.chunk_id, h) for h in retrieved.hits if h.chunk_id not in hits)
        if not chosen:
            return self.answer(whole[0], language, whole[1])
        draft = compose(language, tuple(hits.values()), chosen)
        return Draft(draft.abstained, draft.text, draft.citations, confidence)

    def choose(self, question: str, language: str, retrieved: Retrieved) -> tuple[list[SentenceMatch], float]:
        """The sentences to quote (none: abstain) and the confidence the decision compared with ``min_score``."""
        eligible = answerable_sentences(question, language, retrieved)
        confidence = eligible.best_sentence_score
        floor = self.min_score
        naming = naming_sentences(eligible)
        if any(naming.sentences.values()) and only_names(retrieved.query or question, retrieved.names):
            # "Jonava?": a sentence naming it is the answer, however little else it shares with two words.
            eligible, floor = naming, 0.0
        if not eligible.hits or eligible.best_sentence_score < floor:
            return [], confidence
        return self.select(language, eligible, floor), confidence

    def select(self, language: str, retrieved: Retrieved, floor: float | None = None) -> list[SentenceMatch]:
        """The best sentences: within ``margin`` of the best one and above ``floor`` (default ``min_score``), at
        most ``per_passage`` from one passage and from at most ``max_passages`` passages."""
        floor = self.min_score if floor is None else floor
        hits = {h.chunk_id: h for h in retrieved.hits}
        top_score = max((h.score for h in retrieved.hits), default=0.0)
        pool: list[tuple[float, SentenceMatch]] = []
        for chunk_id, group in retrieved.sentences.items():
            hit = hits.get(chunk_id)
            if hit is None:
                continue
            bonus = SAME_LANGUAGE_BONUS if hit.language == language else 0.0
            # A sentence from a weaker passage must be that much better to be quoted.
            context = PASSAGE_WEIGHT * (hit.score - top_score)
            pool.extend((s.score + bonus + context, s) for s in group[: self.per_passage])
        pool.sort(key=lambda pair: (-pair[0], pair[1].chunk_id, pair[1].start))
        if not pool:
            return []
        best = pool[0][0]
        naming = {cid for cid, hit in hits.items() if retrieved.names and mentions(hit.text, retrieved.names)}
        chosen: list[SentenceMatch] = []
        seen_texts: set[str] = set()
        length = 0
        for adjusted, sentence in pool:
            if len(chosen) >= self.max_quotes or adjusted < max(floor, best - self.margin):
                break
            key = " ".join(sentence.text.split()).casefold()
            if key in seen_texts or (chosen and length + len(sentence.text) > MAX_QUOTE_CHARS):
                continue
            if chosen and is_heading(sentence):
                continue
            if any(c.chunk_id == sentence.chunk_id and c.start < sentence.end and sentence.start < c.end for c in chosen):
                continue  # a clause of a sentence already quoted, or the sentence of a quoted clause
            cited = {c.chunk_id for c in chosen}
            if sentence.chunk_id not in cited and len(cited) >= self.max_passages:
                continue
            if sentence.chunk_id not in cited and naming & cited and sentence.chunk_id not in naming:
                continue  # the answer quotes a passage naming what was asked about ("Nordregio"): stay there
            seen_texts.add(key)
            chosen.append(sentence)
            length += len(sentence.text)
        return widen(with_section_sentence(chosen, retrieved.sentences), retrieved.sentences)


def is_heading(sentence: SentenceMatch) -> bool:
    return len(sentence.text.split()) < MIN_FURTHER_QUOTE_WORDS


def with_section_sentence(chosen: list[SentenceMatch], groups: dict[str, tuple[SentenceMatch, ...]]) -> list[SentenceMatch]:
    """A heading quoted as the answer ("Nordisk idébank" for "What is the idea bank?") says little on its
    own: the passage's best sentence that is not a heading comes with it, when the answer quotes nothing
    else from that passage. It is context for an answer already given, so it needs no threshold, and it
    adds no citation."""
    if not chosen or not is_heading(chosen[0]) or any(c.chunk_id == chosen[0].chunk_id for c in chosen[1:]):
        return chosen
    first = chosen[0]
    others = [s for s in groups.get(first.chunk_id, ()) if (s.start, s.end) != (first.start, first.end)]
    if any(s.start <= first.start and first.end <= s.end for s in others):
        return chosen  # a short clause of a longer sentence ("…, says Ewa Göransson."), not a heading
    body = [s for s in others if not is_heading(s)]
    return [first, max(body, key=lambda s: s.score), *chosen[1:]] if body else chosen


def widen(chosen: list[SentenceMatch], groups: dict[str, tuple[SentenceMatch, ...]]) -> list[SentenceMatch]:
    """Quote the whole sentence a chosen clause belongs to (a clause is matched on its own but read in its
    sentence: "…, says the director Ewa Persson Göransson" needs its first half, and a number may sit in the
    other clause), unless that sentence is too long to quote; the clause's score is kept."""
    widened: list[SentenceMatch] = []
    spans: set[tuple[str, int, int]] = set()
    for sentence in chosen:
        containers = [
            s
            for s in groups.get(sentence.chunk_id, ())
            if s.start <= sentence.start and sentence.end <= s.end and len(s.text) <= MAX_QUOTE_CHARS
        ]
        if containers:
            whole = max(containers, key=lambda s: s.end - s.start)
            sentence = replace(whole, score=sentence.score)
        span = (sentence.chunk_id, sentence.start, sentence.end)
        if span not in spans:
            spans.add(span)
            widened.append(sentence)
    return widened


def compose(language: str, hits: tuple[Hit, ...], chosen: list[SentenceMatch]) -> Draft:
    """Number the cited passages in order of first use and write the answer with ``[n]`` markers."""
    by_id = {h.chunk_id: h for h in hits}
    numbers: dict[str, int] = {}
    quotes: dict[str, list[SentenceMatch]] = {}
    lines = []
    for sentence in chosen:
        hit = by_id[sentence.chunk_id]
        if hit.text[sentence.start : sentence.end] != sentence.text:
            continue  # never cite a passage that does not contain the quote
        n = numbers.setdefault(sentence.chunk_id, len(numbers) + 1)
        quotes.setdefault(sentence.chunk_id, []).append(sentence)
        lines.append(f"- “{sentence.text}” [{n}]")
    if not lines:
        return abstention(language, hits)
    citations = []
    for chunk_id, n in numbers.items():
        parts = sorted(quotes[chunk_id], key=lambda s: s.start)
        start, end = parts[0].start, max(s.end for s in parts)
        # The passage's text from the first quoted sentence to the end of the last: always a substring of it.
        citations.append(Citation(n, by_id[chunk_id], by_id[chunk_id].text[start:end], start, end))
    text = message("intro", language) + "\n\n" + "\n".join(lines)
    if any(by_id[cid].language != language for cid in numbers):
        text += "\n\n" + message("quoted", language)
    return Draft(False, text, tuple(citations))


def abstention(language: str, hits: tuple[Hit, ...], closest: int = 3, confidence: float = 0.0) -> Draft:
    text = message("abstain", language)
    titles = list(dict.fromkeys(h.title for h in hits))[:closest]
    if titles:
        text += "\n\n" + message("closest", language) + "\n" + "\n".join(f"- {title}" for title in titles)
    return Draft(True, text, (), confidence)
