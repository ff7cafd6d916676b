"""Which units of the retrieved passages are quoted, and in which order: the rows of a table that name the
question's words first, a list made whole, the asked day of the week first, a unit of each side of a question
about two things."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from assistant.answer.abstention import fold, word_stem
from assistant.answer.kinds import can_answer
from assistant.answer.weekdays import days_named
from assistant.types import Retrieved, SentenceMatch

MAX_QUOTE_CHARS = 700
MAX_LIST_ITEMS = 10  # a longer list is quoted item by item


def both_sides(chosen: list[SentenceMatch], eligible: Retrieved, max_quotes: int) -> list[SentenceMatch]:
    """``chosen`` with each side's first eligible unit (``Retrieved.sides``, in the side's order): it takes the
    place of the first quote of its document, or when none, is added (in place of the last quote of a document
    quoted twice, when the quotes are full)."""
    document = {h.chunk_id: h.doc_id for h in eligible.hits}
    chosen = list(chosen)
    for side in eligible.sides:
        units = {u.spans: u for u in eligible.sentences.get(side.chunk_id, ())}
        ordered = [units[spans] for spans in side.order if spans in units] or list(units.values())
        doc = document.get(side.chunk_id)
        if doc is None or not ordered or ordered[0] in chosen:
            continue
        same = [i for i, u in enumerate(chosen) if document.get(u.chunk_id) == doc]
        if same:
            chosen[same[0]] = ordered[0]
            continue
        if len(chosen) >= max_quotes:
            quoted = [document.get(u.chunk_id) for u in chosen]
            twice = [i for i, d in enumerate(quoted) if quoted.count(d) > 1]
            if not twice:
                continue
            del chosen[twice[-1]]
        chosen.append(ordered[0])
    return chosen


def _stems(text: str) -> set[str]:
    """The stems of the words of four letters or more of ``text``, so that inflected forms meet."""
    return {word_stem(word) for word in re.findall(r"\w{4,}", fold(text))}


def rows_named_first(question: str, retrieved: Retrieved) -> Retrieved:
    """Among the rows of one table in a passage, those whose cells hold the most words of the question that the
    header, all the other rows and the page's title and headings do not ("Üüritoetus" for "Kui suur on
    üüritoetus?", "maka" for "dvalarleyfi fyrir maka") rank first: the embedder tells rows that share their
    header apart poorly. A table where no row, or every row, names such a word keeps its order."""
    question_stems = _stems(question)

    def named(stems: set[str], asked: set[str]) -> int:
        return sum(1 for q in asked if any(s.startswith(q) or q.startswith(s) for s in stems))

    hits = {h.chunk_id: h for h in retrieved.hits}
    changed = dict(retrieved.sentences)
    for chunk_id, group in retrieved.sentences.items():
        hit = hits.get(chunk_id)
        if hit is None:
            continue
        tables: dict[tuple[int, int], list[SentenceMatch]] = {}
        for unit in group:
            if unit.kind == "row" and len(unit.spans) == 2:
                tables.setdefault(unit.spans[0], []).append(unit)
        lifted: dict[int, float] = {}
        page = _stems(f"{hit.title}\n{hit.context}")  # words naming the page ("Forum", "Malmö") name no row
        asked = {q for q in question_stems if not named(page, {q})}
        for (start, end), rows in tables.items():
            header = _stems(hit.text[start:end])
            own = {id(row): _stems(hit.text[row.spans[1][0] : row.spans[1][1]]) - header for row in rows}
            shared = set.intersection(*own.values())
            counts = {id(row): named(own[id(row)] - shared, asked) for row in rows}
            most = max(counts.values())
            best = [row for row in rows if counts[id(row)] == most]
            if most and len(best) < len(rows):
                top = max(row.score for row in rows)
                lifted.update({id(row): top + 1e-3 * (1 + row.score) for row in best})
        if lifted:
            units = [replace(u, score=lifted[id(u)]) if id(u) in lifted else u for u in group]
            changed[chunk_id] = tuple(sorted(units, key=lambda u: (-u.score, u.start)))
    return replace(retrieved, sentences=changed)


def whole_lists(
    chosen: list[SentenceMatch], retrieved: Retrieved, most: int = MAX_LIST_ITEMS, only_chosen: bool = False
) -> list[SentenceMatch]:
    """Where two or more chosen units are items of one list (one lead-in), or the best one is, that list's lead-in
    and all its items (at most ``most``, within ``MAX_QUOTE_CHARS``) as one quote, in the place of its first chosen
    item ("Which documents do I need?" is answered by the whole list, not its best item). With ``only_chosen`` (a
    question for a value), the lead-in once with the chosen items only: not the same lead-in quoted before each."""
    hits = {h.chunk_id: h for h in retrieved.hits}

    def list_of(unit: SentenceMatch) -> tuple[str, tuple[int, int]] | None:
        return (unit.chunk_id, unit.spans[0]) if unit.kind == "item" and len(unit.spans) == 2 else None

    counts = Counter(key for unit in chosen if (key := list_of(unit)) is not None)
    first = list_of(chosen[0]) if chosen and not only_chosen else None  # the best quote an item: its list answers
    merged: list[SentenceMatch] = []
    done: set[tuple[str, tuple[int, int]]] = set()
    for unit in chosen:
        key = list_of(unit)
        if key is None or (counts[key] < 2 and key != first):
            merged.append(unit)
            continue
        if key in done:
            continue
        done.add(key)
        hit = hits.get(unit.chunk_id)
        members = [u for u in chosen if list_of(u) == key] if only_chosen else (hit.units if hit else ())
        items = sorted(u.spans[1] for u in members if u.kind == "item" and len(u.spans) == 2 and u.spans[0] == key[1])
        if hit is None or len(items) > most or sum(end - start for start, end in items) > MAX_QUOTE_CHARS:
            merged.extend(u for u in chosen if list_of(u) == key)
            continue
        spans = (key[1], *items)
        text = "\n".join(hit.text[start:end] for start, end in spans)
        score = max(u.score for u in chosen if list_of(u) == key)
        merged.append(SentenceMatch(unit.chunk_id, text, spans[0][0], spans[-1][1], score, spans, "list"))
    return merged


def with_asked_day(
    chosen: list[SentenceMatch], retrieved: Retrieved, days: frozenset[int], kinds: tuple[str, ...], most: int
) -> list[SentenceMatch]:
    """The quotes naming the day of the week a question for a value asks about come first, those writing it out
    before those holding it in a range ("Kolmapäev | 15.00–18.00" before "Telefon … (E–N 12.00–18.00)"); when no
    quote writes it out, the best unit of a quoted passage that does ("Piektdiena: 10:00–15:00" for "When is it open
    on Friday?") is quoted: first when a quote holds the day in a range, else second."""
    hits = {h.chunk_id: h for h in retrieved.hits}

    def names_day(unit: SentenceMatch) -> int:
        """2: the unit writes out an asked day; 1: it holds one in a range; 0: neither."""
        hit = hits.get(unit.chunk_id)
        if hit is None or not days_named(unit.text, hit.language) & days:
            return 0
        return 2 if days_named(unit.text, hit.language, ranges=False) & days else 1

    best = max((names_day(unit) for unit in chosen), default=0)
    found = sorted(
        (
            unit
            for chunk_id in dict.fromkeys(u.chunk_id for u in chosen)
            for unit in retrieved.sentences.get(chunk_id, ())
            if names_day(unit) > best and (not kinds or can_answer(unit.text, kinds, hits[unit.chunk_id].language))
        ),
        key=lambda unit: -names_day(unit),
    )
    if not found:  # the asked day's quote first ("Onsdag | 12:00–18:00", then Friday's)
        return sorted(chosen, key=lambda unit: -names_day(unit))
    if best == 1:  # the quotes hold the day in a range only, a quoted passage writes it out: that unit first
        return sorted([found[0], *chosen], key=lambda unit: -names_day(unit))[:most]
    return [chosen[0], found[0], *chosen[1:]][:most]
