"""Two-part questions ("Who is the director of the Nordic Welfare Centre, and when is the conference?").

One query vector for two questions lands between their answers, and an answer kind one part asks for
("when" → a date) would otherwise be demanded of the other part's answer too. ``split_question`` finds
where a second question starts: a word for "and" followed, at most two short words later, by an
interrogative (``data/two_part.json``), with at least three words on each side and a first part that can
stand as a question of its own. Each part is then retrieved and answered on its own (the whole question
only when no part can be), and ``merge_retrieved`` interleaves the rankings so that both parts' passages
are among the top k.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache

from assistant.data import read_json
from assistant.language import is_question_word
from assistant.names import loose
from assistant.types import Hit, Retrieved, SentenceMatch

MIN_PART_WORDS = 3
MAX_GAP_WORDS = 2  # short words between "and" and the interrogative: "og i hvilken by", "and in which city"
MAX_GAP_LETTERS = 4
_TOKEN = re.compile(r"[^\W\d_][^\W_]*", re.UNICODE)
_ARABIC_AND = "و"


@lru_cache(maxsize=1)
def _words() -> dict[str, tuple[frozenset[str], frozenset[str]]]:
    raw = read_json("two_part.json")
    return {code: (frozenset(entry["and"]), frozenset(entry["ask"])) for code, entry in raw.items() if not code.startswith("_")}


def split_question(question: str, language: str) -> tuple[str, ...]:
    """The questions ``question`` is made of: two (or more) when it joins questions with "and", else itself."""
    words = _words().get(language)
    if words is None:
        return (question,)
    conjunctions, interrogatives = words
    tokens = list(_TOKEN.finditer(question))
    for i, token in enumerate(tokens):
        word = token.group().casefold()
        if word in conjunctions:
            following = tokens[i + 1 : i + 2 + MAX_GAP_WORDS]
            start = token.start()
        elif language == "ar" and word.startswith(_ARABIC_AND) and word[1:] in interrogatives:
            following, start = [token], token.start()  # "ومتى": "and when"
        else:
            continue
        if not opens_question(following, interrogatives):
            continue
        left, right = question[:start].rstrip(" ,;:–—-"), question[start:]
        right = right[len(word) :].lstrip(" ,") if word in conjunctions else right[1:]
        right = right[:1].upper() + right[1:]  # a question of its own ("When is …?"), cased like one
        if is_question(left) and count_words(right) >= MIN_PART_WORDS:
            return (left, *split_question(right, language))
    return (question,)


def carry_names(parts: tuple[str, ...], mentioned: Callable[[str], tuple[str, ...]]) -> tuple[str, ...]:
    """Each part after the first, followed by the names the parts before it ask about, in brackets: "Welche
    Initiative unterstützt er? (Innovation Fund)". A second question often points back with a
    pronoun ("er", "it", "jis"), and alone it would be searched without what it points to. ``mentioned``
    gives a text's corpus names as folded keys (``NameIndex.mentioned``)."""
    carried: list[str] = []
    names: list[str] = []
    for part in parts:
        carried.append(f"{part} ({' '.join(names)})" if names and carried else part)
        keys = set(mentioned(part))
        names.extend(w for w in _TOKEN.findall(part) if loose(w) in keys and w not in names)
    return tuple(carried)


def opens_question(tokens: list[re.Match[str]], interrogatives: frozenset[str]) -> bool:
    """True when an interrogative comes first, or after only short words ('in', 'i', 'из')."""
    for token in tokens:
        word = token.group().casefold()
        if word in interrogatives or (word.startswith(_ARABIC_AND) and word[1:] in interrogatives):
            return True
        if len(word) > MAX_GAP_LETTERS:
            return False
    return False


def count_words(text: str) -> int:
    return len(_TOKEN.findall(text))


def is_question(text: str) -> bool:
    """Can ``text`` stand as a question of its own? Four words, or three with a copula ("Was ist Nordregio"):
    "Vilka danska kommuner" shares its verb with the question after "och", and is not split off."""
    words = _TOKEN.findall(text)
    return len(words) >= MIN_PART_WORDS + 1 or (len(words) >= MIN_PART_WORDS and sum(is_question_word(w) for w in words) >= 2)


def merge_retrieved(whole: Retrieved, parts: list[Retrieved], k: int) -> Retrieved:
    """The whole question's ranking interleaved with each part's (whole, part 1, part 2, whole, …), without
    repeats, cut to ``k``; each passage keeps the best score any query gave it, each sentence too."""
    rankings = [whole.hits, *(part.hits for part in parts)]
    best_score: dict[str, float] = {}
    for ranking in rankings:
        for hit in ranking:
            best_score[hit.chunk_id] = max(hit.score, best_score.get(hit.chunk_id, hit.score))
    merged: dict[str, Hit] = {}
    for rank in range(max(len(r) for r in rankings)):
        for ranking in rankings:
            if rank < len(ranking) and ranking[rank].chunk_id not in merged:
                merged[ranking[rank].chunk_id] = ranking[rank]
    hits = tuple(replace(h, score=best_score[h.chunk_id]) for h in list(merged.values())[:k])
    sentences: dict[str, tuple[SentenceMatch, ...]] = {}
    for hit in hits:
        best: dict[tuple[int, int], SentenceMatch] = {}
        for result in (whole, *parts):
            for sentence in result.sentences.get(hit.chunk_id, ()):
                span = (sentence.start, sentence.end)
                if span not in best or sentence.score > best[span].score:
                    best[span] = sentence
        sentences[hit.chunk_id] = tuple(sorted(best.values(), key=lambda s: -s.score))
    timings = dict(whole.timings_ms)
    for part in parts:
        for step, value in part.timings_ms.items():
            timings[step] = timings.get(step, 0.0) + value
    names = tuple(dict.fromkeys(n for result in (whole, *parts) for n in result.names))
    return Retrieved(hits, sentences, timings, names, whole.query)
