"""Answers with numbered citations from retrieved passages, and the decision to abstain.

The default ``ExtractiveAnswerer`` needs no LLM: it quotes the units of the retrieved passages (sentences,
list items with their lead-in, table rows with their header) most similar to the question, each followed
by ``[n]``, introduced in the asker's language. Quotes stay in their source language. When the question
asks for a kind of value (a number, an amount, a date, ...), only units holding one are quoted, and the value
is stated first on a short line (``assistant.answer.short_line``). Whether to answer at all is the abstention
model's decision (``assistant.answer.abstention``); when it abstains, it says so and lists the closest sources.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from assistant.answer.abstention import AbstentionModel, answer_features, share_missing
from assistant.answer.choosing import ValueChooser
from assistant.answer.deadlines import days_asked
from assistant.answer.kinds import (
    EXCLUSIVE,
    asked_details,
    can_answer,
    own_or_joined_kinds,
    required_kinds,
    states,
)
from assistant.answer.places import towns_asked, towns_written_otherwise
from assistant.answer.quotes import MAX_QUOTE_CHARS, both_sides, rows_named_first, whole_lists, with_asked_day
from assistant.answer.short_line import COMPARED, line_kinds, quote_text, short_answer, sides_line
from assistant.answer.values import contact_details
from assistant.answer.weekdays import days_named
from assistant.languages.messages import message
from assistant.types import Citation, Hit, Retrieved, SentenceMatch, Side

PASSAGE_WEIGHT = 0.2  # a unit of a weaker passage must be this much better per point of passage score
SAME_LANGUAGE_BONUS = 0.02
TownsOf = Callable[[str], frozenset[str]]


@dataclass(frozen=True)
class Draft:
    abstained: bool
    text: str
    citations: tuple[Citation, ...]
    confidence: float = 0.0
    fallback: str = ""  # why a generator's answer was replaced by the extractive one
    note: str = ""  # e.g. how many unsupported generated sentences were dropped


def answerable_units(
    question: str, language: str, retrieved: Retrieved, kinds: tuple[str, ...] | None = None, named: bool = True
) -> Retrieved:
    """Only the units that can give the kind of value the question asks for, when it asks for one; and
    a block of contact details (an address, phone, e-mail) only for a question about contact, place, time or a
    person ("Kontaktperson: …" is a line of such a block)."""
    kinds = required_kinds(question, language) if kinds is None else kinds
    about_contact = bool({"contact", "place", "time", "name"} & set(kinds))
    # A phone number or an e-mail address asked for is answered only by a unit that gives one ("Foto:
    # norden.org" is no answer to "What is their phone number?"). An address may be written without a
    # postcode, so it is required only when some unit gives one with it (then the phone line beside it is
    # no answer to "What is the address?").
    asked = asked_details(question, language) if "contact" in kinds else ()
    details = [d for d in asked if d in ("phone", "email")]
    if "address" in asked and any(
        "address" in contact_details(unit.text, language) for group in retrieved.sentences.values() for unit in group
    ):
        details.append("address")

    written = {h.chunk_id: h.language for h in (*retrieved.hits, *retrieved.judged)}

    def fits(unit: SentenceMatch) -> bool:
        if not about_contact and unit.kind in ("lines", "line") and states(unit.text, "contact"):
            return False
        source = written.get(unit.chunk_id, "")
        if details:  # the detail asked stands for any contact detail; a value kind asked with it still counts
            if not contact_details(unit.text, language) & set(details):
                return False
            return all(states(unit.text, kind, source) for kind in kinds if kind in EXCLUSIVE)
        return not kinds or can_answer(unit.text, kinds, source)

    kept = {cid: tuple(s for s in group if fits(s)) for cid, group in retrieved.sentences.items()}
    if named and "contact" in kinds:  # a phone number or an address belongs to the place or office the question names
        hits = {h.chunk_id: h for h in retrieved.hits}
        kept = {cid: group if names_the_asked(question, hits.get(cid)) else () for cid, group in kept.items()}
    return replace(retrieved, sentences=kept)


def names_the_asked(question: str, hit: Hit | None) -> bool:
    """Does the passage (with its document title and headings) hold at least half of the names the question
    gives ("Gaišā Osta", "Tartu")? Another office's number is no answer (a user trial got a Danish language
    centre's phone number for a Riga refugee centre the index does not hold)."""
    if hit is None:
        return True
    also = towns_written_otherwise(question)  # "… في أوسلو" names Oslo
    return share_missing(question, f"{hit.title}\n{hit.context}\n{hit.text}", also) <= 0.5


class ExtractiveAnswerer:
    name = "extractive"

    def __init__(
        self,
        abstention: AbstentionModel | None = None,
        max_quotes: int = 3,
        margin: float = 0.3,
        per_passage: int = 2,
        max_passages: int = 2,
        use_kinds: bool = True,
        passages: int = 3,
        passage_weight: float = PASSAGE_WEIGHT,
        chooser: ValueChooser | None = None,
        use_days: bool = True,
        use_names: bool = True,
        use_places: bool = True,
        whole_lists: bool = True,
        towns_of: TownsOf | None = None,
        named_rows: bool = True,
        date_roles: bool = True,
    ):
        self.abstention = abstention or AbstentionModel()
        self.max_quotes = max_quotes
        self.max_passages = max_passages
        self.margin = margin
        self.per_passage = per_passage
        self.use_kinds = use_kinds
        self.passages = passages  # units are quoted from the best this many passages
        self.passage_weight = passage_weight
        self.chooser = chooser  # picks the answering value when a quote holds several
        self.use_days = use_days  # a question naming a day of the week gets no short line from another day's unit
        self.use_names = use_names  # contact details only from a passage that holds the names the question gives
        self.use_places = use_places  # towns and countries (a gazetteer) on the short line of "which town" questions
        self.whole_lists = whole_lists  # two items of one list chosen for an open question: the whole list quoted
        self.towns_of = towns_of  # a document id → the towns it names (the short line's town check); None: no check
        self.named_rows = named_rows  # the row of a table that names a word of the question comes first among its rows
        self.date_roles = date_roles  # a deadline question is answered by the date its clause calls one, not the start

    def answer(
        self,
        question: str,
        language: str,
        retrieved: Retrieved,
        on_token: object = None,
        asked: str | None = None,
        reading: str | None = None,
    ) -> Draft:
        """``asked`` is the text whose kind of value counts when it is not the whole ``question`` (a follow-up
        "And when was it?" searched together with the question before it asks for a date of its own).
        ``reading`` is the language the question is written in, when the answer is wanted in another one
        (``language``): the question's cues are read in it, the answer is written in ``language``."""
        asked = asked or question
        reading = reading or language
        chosen, confidence = self.choose(question, reading, retrieved, asked)
        if not chosen:
            return abstention(language, retrieved.hits, confidence=confidence)
        kinds = own_or_joined_kinds(asked, question, reading) if self.use_kinds else ()
        asked_days = days_named(asked, reading)  # a follow-up's own day: "А в п'ятницю?"
        days = (asked_days or days_named(question, reading)) if self.use_days else frozenset()
        if days and any(kind in EXCLUSIVE for kind in kinds):  # "When is it open on Friday?", not "How do I book it?"
            chosen = with_asked_day(chosen, retrieved, days, kinds, self.max_quotes)
        sure = self.abstention.is_sure(confidence)  # unsure: the closest passages, shown as such, state no value
        stated = self.abstention.states_value(confidence)  # a value on the short line needs more (docs/experiments.md)
        line = line_kinds(asked, reading, kinds, weekday=bool(days)) if sure and stated else ()
        if retrieved.sides and sure and stated and not any(kind in EXCLUSIVE for kind in line):
            line = COMPARED  # "Which has more hours, … or …?" names no kind: the one both sides' quotes state
        if asked != question and not required_kinds(asked, reading) and not asked_days:
            # A bare follow-up ("Og i Sverige?") is ranked by what the question before it asked, but the value
            # found is too often the earlier subject's to be stated; another day's hours ("А в п'ятницю?") are.
            line = ()
        if not self.use_places:
            line = tuple(kind for kind in line if kind != "place")
        roles = days_asked(asked, reading) if self.date_roles and "date" in line else ()
        draft = compose(
            language,
            retrieved.hits,
            chosen,
            line,
            question,
            self.chooser,
            days,
            self.towns_of,
            sure,
            reading,
            retrieved.sides,
            roles,
        )
        return Draft(draft.abstained, draft.text, draft.citations, confidence)

    def confidence(self, question: str, language: str, retrieved: Retrieved, asked: str | None = None) -> float:
        """How sure the answer would be (the abstention model's probability that it answers)."""
        return self.choose(question, language, retrieved, asked)[1]

    def choose(
        self, question: str, language: str, retrieved: Retrieved, asked: str | None = None
    ) -> tuple[list[SentenceMatch], float]:
        """The units to quote (none: abstain) and the answer's confidence (the abstention model's)."""
        kinds = own_or_joined_kinds(asked or question, question, language) if self.use_kinds else ()
        judged = retrieved.judged_view()  # the passages as the abstention model was fitted on them
        asks_value = any(kind in EXCLUSIVE for kind in kinds)
        follow_up = asked is not None and asked != question
        answering = answerable_units(question, language, judged, kinds, self.use_names)
        features = answer_features(question, judged, answering, asks_value, follow_up)
        confidence = self.abstention.confidence(features)
        eligible = answerable_units(question, language, retrieved, kinds, self.use_names)
        if not any(eligible.sentences.values()) or not self.abstention.answers(confidence):
            return [], confidence
        if self.named_rows:
            eligible = rows_named_first(asked or question, eligible)  # a follow-up names its row itself
        chosen = self.select(language, eligible)
        if retrieved.sides:  # "… in Sweden or in Denmark?": a quote of each side
            chosen = both_sides(chosen, eligible, self.max_quotes)
        if self.whole_lists:  # "What are the requirements?": the list, not two of its items
            chosen = whole_lists(chosen, retrieved, only_chosen=asks_value)
        return chosen, confidence

    def select(self, language: str, retrieved: Retrieved) -> list[SentenceMatch]:
        """The best units: within ``margin`` of the best one, at most ``per_passage`` from one passage and
        from at most ``max_passages`` passages, and never the same text twice."""
        hits = {h.chunk_id: h for h in retrieved.hits[: self.passages]}
        top_score = max((h.score for h in retrieved.hits), default=0.0)
        pool: list[tuple[float, SentenceMatch]] = []
        for chunk_id, group in retrieved.sentences.items():
            hit = hits.get(chunk_id)
            if hit is None:
                continue
            bonus = SAME_LANGUAGE_BONUS if hit.language == language else 0.0
            context = self.passage_weight * (hit.score - top_score)
            pool.extend((s.score + bonus + context, s) for s in group[: self.per_passage])
        pool.sort(key=lambda pair: (-pair[0], pair[1].chunk_id, pair[1].start))
        if not pool:
            return []
        best = pool[0][0]
        chosen: list[SentenceMatch] = []
        seen: set[str] = set()
        length = 0
        for adjusted, unit in pool:
            if len(chosen) >= self.max_quotes or adjusted < best - self.margin:
                break
            key = " ".join(unit.text.split()).casefold()
            if key in seen or (chosen and length + len(unit.text) > MAX_QUOTE_CHARS):
                continue
            cited = {c.chunk_id for c in chosen}
            if unit.chunk_id not in cited and len(cited) >= self.max_passages:
                continue
            seen.add(key)
            chosen.append(unit)
            length += len(unit.text)
        return chosen


def compose(
    language: str,
    hits: tuple[Hit, ...],
    chosen: list[SentenceMatch],
    kinds: tuple[str, ...] = (),
    question: str = "",
    chooser: ValueChooser | None = None,
    days: frozenset[int] = frozenset(),
    towns_of: TownsOf | None = None,
    sure: bool = True,
    reading: str | None = None,
    sides: tuple[Side, ...] = (),
    roles: tuple[str, ...] = (),
) -> Draft:
    """Number the cited passages in order of first use and write the answer with ``[n]`` markers, after a
    short answer line when the question asks for a value the quotes state. With ``towns_of`` (a document id →
    the towns its text names), a question naming a town takes its short line only from documents naming it, and
    opens as unsure when no quoted document names it (or one of the towns it compares). A question about two
    things (``sides``) gets each side's value from its own quote, in the question's order, or no line."""
    by_id = {h.chunk_id: h for h in hits}
    numbers: dict[str, int] = {}
    quoted: dict[str, list[SentenceMatch]] = {}
    lines = []
    in_order: list[tuple[Hit, SentenceMatch, int]] = []
    for unit in chosen:
        hit = by_id[unit.chunk_id]
        spans = unit.spans or ((unit.start, unit.end),)
        if not all(0 <= s < e <= len(hit.text) for s, e in spans):
            continue  # never cite a passage that does not contain the quote
        n = numbers.setdefault(unit.chunk_id, len(numbers) + 1)
        quoted.setdefault(unit.chunk_id, []).append(unit)
        in_order.append((hit, unit, n))
        lines.append(f"- “{quote_text(hit, unit)}” [{n}]")
    if not lines:
        return abstention(language, hits)
    citations = []
    for chunk_id, n in numbers.items():
        hit = by_id[chunk_id]
        units = sorted(quoted[chunk_id], key=lambda u: u.start)
        spans = tuple(sorted({span for u in units for span in (u.spans or ((u.start, u.end),))}))
        quote = "\n".join(quote_text(hit, u) for u in units)
        citations.append(Citation(n, hit, quote, spans[0][0], spans[-1][1], spans))
    quoted_in_order = list(in_order)
    asked = towns_asked(question, reading or language) if towns_of is not None else set()
    if asked and towns_of is not None:  # Kärneva's allowance is not Tartu's
        named = frozenset().union(*(towns_of(h.doc_id) for h, _, _ in in_order))
        sure = sure and asked <= named  # a town asked that no quoted page names: the closest passages, said so
        in_order = [(h, u, n) for h, u, n in in_order if asked <= towns_of(h.doc_id)]
    text = message("intro" if sure else "intro_unsure", language) + "\n\n" + "\n".join(lines)
    if sides:  # "Which is higher, … or …?": one value would answer one side only
        line = sides_line(language, kinds, quoted_in_order, sides, question, chooser, reading) if sure else ""
    else:
        line = short_answer(language, kinds, in_order, question, chooser, days, reading, roles)
    if line:
        text = f"{line}\n\n{text}"
    if any(by_id[cid].language != language for cid in numbers):
        text += "\n\n" + message("quoted", language)
    return Draft(False, text, tuple(citations))


def abstention(language: str, hits: tuple[Hit, ...], closest: int = 3, confidence: float = 0.0) -> Draft:
    text = message("abstain", language)
    titles = list(dict.fromkeys(h.title for h in hits))[:closest]
    if titles:
        text += "\n\n" + message("closest", language) + "\n" + "\n".join(f"- {title}" for title in titles)
    return Draft(True, text, (), confidence)
