"""Answers with numbered citations from retrieved passages, and the decision to abstain.

The default ``ExtractiveAnswerer`` needs no LLM: it quotes the units of the retrieved passages (sentences,
list items with their lead-in, table rows with their header) most similar to the question, each followed
by ``[n]``, introduced in the asker's language. Quotes stay in their source language. When the question
asks for a kind of value (a number, an amount, a date, ...), only units holding one are quoted. Whether to
answer at all is the abstention model's decision (``assistant.answer.abstention``); when it abstains, it
says so and lists the closest sources.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from assistant.answer.abstention import AbstentionModel, answer_features, codes, fold, share_missing, years
from assistant.answer.addresses import in_address
from assistant.answer.choosing import CHOOSABLE, ValueChooser, value_clauses
from assistant.answer.deadlines import by_role, days_asked, one_end, roles_said
from assistant.answer.kinds import (
    EXCLUSIVE,
    asked_details,
    asked_kinds,
    asked_place,
    can_answer,
    own_or_joined_kinds,
    required_kinds,
    states,
)
from assistant.answer.places import country_of, named_in, town_of, towns_asked, towns_written_otherwise
from assistant.answer.quotes import MAX_QUOTE_CHARS, both_sides, rows_named_first, whole_lists, with_asked_day
from assistant.answer.values import RELATED, Value, contact_detail, contact_details, find_values, rate_named
from assistant.answer.weekdays import day_lines, days_named, on_days, weekly
from assistant.languages.locale import listed, render
from assistant.languages.messages import message
from assistant.types import Citation, Hit, Retrieved, SentenceMatch, Side

PASSAGE_WEIGHT = 0.2  # a unit of a weaker passage must be this much better per point of passage score
SAME_LANGUAGE_BONUS = 0.02
MAX_PLACES = 4  # a quote naming more places than this lists, not answers
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


def quote_text(hit: Hit, unit: SentenceMatch) -> str:
    """A unit as the answer shows it: a sentence as written, a list item after its lead-in, a table row
    with each cell after its column's header ("Household: single; Allowance: 12 500 kr.")."""
    spans = unit.spans or ((unit.start, unit.end),)
    parts = [hit.text[start:end] for start, end in spans]
    if unit.kind == "list":  # "… om du: har fyllt 16 år; saknar grundläggande svenska"
        items = [" ".join(part.split()) for part in parts[1:]]
        items = [item.rstrip(";,") for item in items[:-1]] + items[-1:]  # "3 eurai;" is no "3 eurai;; kitiems"
        return " ".join(parts[0].split()) + " " + "; ".join(items)
    if unit.kind == "row" and len(parts) == 2:
        header, row = (part.split(" | ") for part in parts)
        if len(header) == len(row):
            return "; ".join(f"{h}: {c}" if h.strip() else c for h, c in zip(header, row, strict=True))
        return " — ".join(parts)
    return " ".join(" ".join(part.split("\n")) if unit.kind != "lines" else joined_lines(part.split("\n")) for part in parts)


def joined_lines(lines: list[str]) -> str:
    """The lines of a block on one line: after ", ", or after a space where a line ends in punctuation of its own
    ("Öffnungszeiten: Montag …", not "Öffnungszeiten:, Montag …")."""
    text = ""
    for line in (line.strip() for line in lines):
        if not line:
            continue
        text += (" " if text[-1] in ":;,.–—-" else ", ") + line if text else line
    return text


def line_kinds(question: str, language: str, kinds: tuple[str, ...], weekday: bool = False) -> tuple[str, ...]:
    """The kinds of value the short answer states: the question's exclusive kind, a date with a time asked
    together ("when and at what time"; not when the question names the day of the week: "When is it open on
    Fridays?" asks for the hours), and contact details (a street address among them)."""
    if not kinds:
        return ()
    asked = asked_kinds(question, language)
    found = [k for k in kinds if k in EXCLUSIVE or k in ("contact", "name", "place")]
    paired = next((k for k in ("time", "duration") if k in found), None)
    if paired and "date" in asked and not (weekday and paired == "time"):
        found.insert(found.index(paired), "date")
    return tuple(found)


@dataclass(frozen=True)
class Option:
    """A value the short line could state: as rendered, with what it is compared with the question (its
    clause, or a table row whole), its citation number and, of a date, the day its clause says it is ("end":
    a deadline; "start")."""

    text: str
    clause: str
    n: int
    role: str = ""


def options(
    kind: str,
    quoted: list[tuple[Hit, SentenceMatch, int]],
    language: str,
    question: str,
    days: frozenset[int] = frozenset(),
    reading: str | None = None,
    chooser: ValueChooser | None = None,
    weekly_dates: bool = True,
    roles: tuple[str, ...] = (),
) -> list[list[Option]]:
    """Per quote holding a value of ``kind``, its values (each rendered once, as first written, in ``language``);
    a quote that names days of the week, none of ``days`` (those the question names), holds none. The question is
    read in ``reading`` (default ``language``). With ``weekly_dates``, a quote holding no date answers "when" with
    the days of the week and times it names ("Dag: Torsdag; Tidspunkt: 9.30–11.30"). ``roles``: the days a date
    question asks for (``deadlines.days_asked``); a period answers a question for one of them with that end."""
    found: list[list[Option]] = []
    reading = reading or language
    details = asked_details(question, reading) if kind == "contact" else ()
    # "A2", "2026" (a year pins a figure, not a date: "When was the 2025 report approved?" is answered by 2026's day)
    pinning = (codes,) if kind in ("date", "time") else (codes, years)
    pins = [(pinned, named) for pinned in pinning if (named := pinned(question))]
    for hit, unit, n in quoted:
        if days and not on_days(unit.text, hit.language, days):  # Monday's hours are no answer about Saturday
            continue
        if pins and pinned_elsewhere(quote_text(hit, unit), pins):
            continue  # the A1 price is no answer about A2, nor 2025's count about 2026
        if kind == "name" and unit.kind == "list":  # "Who can take part?": the list answers, not a name in an item
            continue
        labelled = row_values(hit, unit, kind, language, question, chooser) if kind != "place" else []  # places: the whole row's
        if labelled:
            found.append([Option("; ".join(labelled[:3]), quote_text(hit, unit), n)])
            continue
        text = day_lines(unit.text, hit.language, days) if days else unit.text  # Friday's line of a block of hours
        values = find_values(text, kind, hit.language)
        if kind == "name":  # a name the question already holds is what it asks about, not the answer
            asked = set(re.findall(r"\w+", question.casefold()))
            values = [v for v in values if not set(re.findall(r"\w+", v.text.casefold())) <= asked]
        if kind == "place":
            values = asked_places(values, question, reading)
        for related in RELATED.get(kind, ()):
            values = values or find_values(text, related, hit.language)
        values = [v for v in values if v.kind != "number" or not in_address(text, text.find(v.text), len(v.text))]
        if kind == "date" and weekly_dates and not values:  # "When is the café?": "Dag: Torsdag; Tidspunkt: 9.30–11.30"
            values = weekly(text, hit.language)
        if kind == "contact" and details:  # the phone number asked for, not the e-mail beside it
            values = [v for v in values if contact_detail(v) in details]
        if kind == "time" and not days and len(values) > 1 and (week := week_of(text, hit.language, len(values), language)):
            found.append([Option(week, text, n)])  # "When is it open?": "mandag–onsdag 15–18, torsdag 16–19", whole
            continue
        if kind == "time" and not days and values and len(timed := weekly(text, hit.language)) == len(values):
            values = timed  # "tiistai ja torstai klo 17.00–19.15": the time with the days the source gives it
        by_text: dict[str, Value] = {}
        for value in values:
            by_text.setdefault(render(value, language), value)
        if not by_text:
            continue
        if unit.kind == "row":
            contexts = [quote_text(hit, unit)] * len(by_text)
        else:
            contexts = value_clauses(text, [value.text for value in by_text.values()])
        if kind == "date" and roles:
            dated = list(by_text.values())
            said = roles_said(text, [v.text for v in dated], contexts)
            if len(roles) == 1:  # "Until when can I apply?": "from 2 February until 27 February" ends on the 27th
                dated = [one_end(v, roles[0]) if role in ("", roles[0]) else v for v, role in zip(dated, said, strict=True)]
            found.append([Option(render(v, language), c, n, r) for v, c, r in zip(dated, contexts, said, strict=True)])
            continue
        found.append([Option(text, clause, n) for text, clause in zip(by_text, contexts, strict=True)])
    return found


def pinned_elsewhere(quote: str, pins: Sequence[tuple[Callable[[str], set[str]], set[str]]]) -> bool:
    """Does ``quote`` name levels or years (``pins``: each finder with what the question names) none of which the
    question names?"""
    return any((held := pinned(quote)) and not asked & held for pinned, asked in pins)


def asked_places(values: list[Value], question: str, language: str) -> list[Value]:
    """The places of a quote that can answer ``question``: not those it names itself ("Which town in
    Lithuania…?" is not answered by "Lithuania"), towns rather than the countries beside them, and no country
    for a question that names a town ("Where in Tartu…?" is not answered by "Estonia")."""
    named = named_in(question, language)
    values = [v for v in values if (v.territory or fold(town_of(v.text) or v.text)) not in named]
    towns = [v for v in values if not v.territory]
    asked = asked_place(question, language)  # "Which cities took part?" is not answered by a country, nor the reverse
    if asked == "country":
        return [v for v in values if v.territory]
    lands = {code for code in named if code.isupper()}  # "Which town in Iceland…?" is not answered by Jonava
    if lands:  # and no other country either
        return [v for v in towns if country_of(v.text) in lands]
    if towns or asked == "town" or any(place.islower() for place in named):  # nor a question naming a town
        return towns
    return values


def state_value(kind: str, found: list[list[Option]], question: str, chooser: ValueChooser | None, language: str = "en") -> str:
    """The line's part for ``kind``, from the first quote holding a value of it: its one value, the one whose
    clause ``chooser`` finds answering, (contact details) up to three, (places) all, up to four, or (dates) each
    asked day ("start", "end") once, in the question's order; else ""."""
    if not found:
        return ""
    first = found[0]
    if len(first) == 1:
        return f"{first[0].text} [{first[0].n}]"
    if kind == "date" and all(option.role for option in first) and len({o.role for o in first}) == len(first):
        return "; ".join(f"{option.text} [{option.n}]" for option in first)  # "kursi sākas 2. martā", "līdz 16. februārim"
    if kind == "contact":
        return ", ".join(option.text for option in first[:3]) + f" [{first[0].n}]"
    if kind == "place" and len(first) <= MAX_PLACES:  # "Which towns took part?": all the quote names
        return listed([option.text for option in first], language) + f" [{first[0].n}]"
    if chooser is not None and kind in CHOOSABLE:
        picked = chooser(question, [option.clause for option in first])
        if picked is not None:
            return f"{first[picked].text} [{first[picked].n}]"
    return ""


def short_answer(
    language: str,
    kinds: tuple[str, ...],
    quoted: list[tuple[Hit, SentenceMatch, int]],
    question: str = "",
    chooser: ValueChooser | None = None,
    days: frozenset[int] = frozenset(),
    reading: str | None = None,
    roles: tuple[str, ...] = (),
) -> str:
    """One line in the asker's language stating the asked value(s), each with its citation; "" when a
    kind's value cannot be told with confidence (no quote holds one, or the quotes hold different ones and
    neither ``chooser`` nor the first quote tells which answers). ``roles``: the days a date question asks for
    ("end": a deadline, "start"), taken from the quotes whose clauses say so."""
    # "When is the café?" / "What day and at what time?": a quote holding no date answers with the weekly time it
    # gives, in the quotes' order (the café's "every Thursday 18.00–19.30" before another line's "23 June")
    found = {
        kind: options(kind, quoted, language, question, days, reading, chooser, roles=roles if kind == "date" else ())
        for kind in kinds
    }
    if roles and "date" in found:
        found["date"] = by_role(found["date"], roles)
    if "date" in kinds and "time" in kinds and found["date"]:
        dated = options("date", quoted, language, question, days, reading, chooser, weekly_dates=False)
        if not dated or dated[0] != found["date"][0]:
            kinds = tuple(kind for kind in kinds if kind != "time")  # the weekly time of the first says it
    parts = [state_value(kind, found[kind], question, chooser, language) for kind in kinds]
    if not parts or not all(parts):
        return ""
    return message("short_answer", language, value="; ".join(parts))


# The kinds a question about two things may compare when it names none, in the order tried: the first that both
# sides' quotes state is the line's.
COMPARED = ("money", "percent", "duration", "time", "number")


def sides_line(
    language: str,
    kinds: tuple[str, ...],
    quoted: list[tuple[Hit, SentenceMatch, int]],
    sides: tuple[Side, ...],
    question: str,
    chooser: ValueChooser | None = None,
    reading: str | None = None,
) -> str:
    """The short line of a question about two things: the value of each side (of the first of ``kinds`` that both
    state, one value each), from the side's best quoted unit, in the order the question names them ("~20 годин
    [2]; 25 годин [1]"); "" unless both sides state one and they come from two passages."""
    entries = []
    for side in sides:
        own = [(h, u, n) for h, u, n in quoted if u.chunk_id == side.chunk_id]
        best = next((entry for spans in side.order for entry in own if entry[1].spans == spans), own[0] if own else None)
        entries.append(best)
    found = [entry for entry in entries if entry is not None]
    if len(found) < len(entries) or len({n for _, _, n in found}) < len(found):
        return ""  # a side without a quote, or both sides citing one passage
    for kind in (k for k in kinds if k in EXCLUSIVE):
        parts = [one_value(kind, hit, unit, language) for hit, unit, _ in found]
        if all(parts):
            return message(
                "short_answer", language, value="; ".join(f"{part} [{n}]" for part, (_, _, n) in zip(parts, found, strict=True))
            )
    return ""


def one_value(kind: str, hit: Hit, unit: SentenceMatch, language: str) -> str:
    """The one value of ``kind`` a unit states (a table row's one cell holding one), rendered; "" for none or more."""
    if unit.kind == "row":
        cells = row_values(hit, unit, kind, language)
        return cells[0] if len(cells) == 1 else ""
    found = find_values(unit.text, kind, hit.language)
    if kind == "number":  # a count, not a name's number ("Kauppakatu 14", "Module 2")
        found = [v for v in found if not in_address(unit.text, unit.text.find(v.text), len(v.text))]
    values = {render(value, language) for value in found}
    return values.pop() if len(values) == 1 else ""


def week_of(text: str, source: str, times: int, language: str) -> str:
    """A week's hours stated whole, in the asker's ``language``, when each of the ``times`` times a text (in
    ``source``) holds goes with its own days ("понеділок–середа 15:00–18:00; четвер 16:00–19:00"); "" when any
    shares its days or has none."""
    week = weekly(text, source)
    days = [value.days for value in week]
    if len(week) != times or len(set(days)) != len(days):
        return ""
    return "; ".join(render(value, language) for value in week)


def row_values(
    hit: Hit, unit: SentenceMatch, kind: str, language: str, question: str = "", chooser: ValueChooser | None = None
) -> list[str]:
    """A table row's values of ``kind``: the one of the column whose header ``chooser`` finds asked ("Ansökan via
    webben" for "…if I apply online?"), else each after its column's header ("per day: 45,65 євро; per month:
    981 євро"); [] when the unit is no row with a header."""
    if unit.kind != "row" or len(unit.spans) != 2:
        return []
    header, row = (hit.text[start:end].split(" | ") for start, end in unit.spans)
    if len(header) != len(row):
        return []
    found: list[tuple[str, Value, Value]] = []  # (header, value, value paid by the header's unit of time)
    for label, cell in zip(header, row, strict=True):
        values = find_values(cell, kind, hit.language)
        if len(values) == 1:
            value = rated = values[0]
            if value.kind == "money" and not value.per:  # "Pris pr. måned | 4.110 kr.": a month's price
                rated = replace(value, per=rate_named(label, hit.language))
            found.append((label.strip(), value, rated))
    if len(found) == 1:
        return [render(found[0][2], language)]
    if chooser is not None and len(found) > 1 and all(label for label, _, _ in found):
        picked = chooser(question, [label for label, _, _ in found])
        if picked is not None:
            return [render(found[picked][2], language)]
    # each after its header, which says the rate itself ("Per år: 260 300 kr")
    return [f"{label}: {render(value, language)}" if label else render(rated, language) for label, value, rated in found]


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
