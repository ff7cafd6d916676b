"""The short answer line: which kinds of value a question asks for, the values each quote states (rendered in the
asker's language), and the one the line states; and how a quote is shown (``quote_text``)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from assistant.answer.abstention import codes, fold, years
from assistant.answer.addresses import in_address
from assistant.answer.choosing import CHOOSABLE, ValueChooser, value_clauses
from assistant.answer.deadlines import by_role, one_end, roles_said
from assistant.answer.kinds import EXCLUSIVE, asked_details, asked_kinds, asked_place
from assistant.answer.places import country_of, named_in, town_of
from assistant.answer.values import RELATED, Value, contact_detail, find_values, rate_named
from assistant.answer.weekdays import day_lines, on_days, weekly
from assistant.languages.locale import listed, render
from assistant.languages.messages import message
from assistant.types import Hit, SentenceMatch, Side

MAX_PLACES = 4  # a quote naming more places than this lists, not answers


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
