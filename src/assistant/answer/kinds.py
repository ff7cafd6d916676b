"""What kind of value does a question ask for, and can a quoted unit state it?

"How much is the allowance?" is not answered by a sentence about the allowance that holds no amount,
nor "What is the phone number?" by one without a number. The question cues per kind and language are
data (``data/value_kinds.json``: money, percent, duration, time, date, number, contact, place, name); the
exclusive kinds are resolved by precedence (percent > money > duration > time > date > number: "What share of
the fee …?" asks for a percentage), while
contact, place and name may come with them ("when and where"). What a unit must hold for each kind is in
``data/value_patterns.json`` (currency signs and names, percent words, clock times, phone numbers and
e-mail addresses, digits, number words and month names of the source languages). A place or a name is
not checked: any unit may state one.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from typing import Any

from assistant.data import read_json

EXCLUSIVE = ("percent", "money", "duration", "time", "date", "number")
FREE = ("contact", "place", "name")
KINDS = EXCLUSIVE + FREE
CONTACT_DETAILS = ("phone", "email", "address", "web")
_DIGIT = re.compile(r"\d")
_LIST_MARKER = re.compile(r"(?<![\w.,(])\d{1,2}\)")  # "1) viden 2) partnerskaber": numbering, not a quantity
_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def _cues() -> dict[str, dict[str, list[str]]]:
    data: dict[str, Any] = read_json("value_kinds.json")
    return data["kinds"]


@lru_cache(maxsize=1)
def _patterns() -> dict[str, Any]:
    data: dict[str, Any] = read_json("value_patterns.json")
    return data


def _any_pattern(patterns: list[str] | None) -> re.Pattern[str] | None:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE) if patterns else None


@cache
def _question_pattern(kind: str, language: str) -> re.Pattern[str] | None:
    cues = _cues().get(kind, {}).get(language)
    if isinstance(cues, dict):  # contact: grouped by the detail asked
        return _any_pattern([p for group in cues.values() for p in group])
    return _any_pattern(cues)


@cache
def _detail_patterns(language: str) -> dict[str, re.Pattern[str]]:
    groups: Any = _cues()["contact"].get(language, {})
    return {detail: pattern for detail in CONTACT_DETAILS if (pattern := _any_pattern(groups.get(detail)))}


@cache
def _answer_pattern(kind: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in _patterns()["answers"][kind]), re.IGNORECASE)


@cache
def _number_words(language: str) -> frozenset[str]:
    """The number words from two up of ``language`` (of every source language when it is not one of them)."""
    values, extra = _patterns()["number_values"], _patterns()["number_words"]
    languages = [language] if language in values or language in extra else [*values, *extra]
    words: set[str] = set()
    for code in languages:
        words.update(word for word, number in values.get(code, {}).items() if number >= 2)
        words.update(extra.get(code, ()))
    return frozenset(word.casefold() for word in words)


SOURCE_LANGUAGES = ("da", "sv", "nb", "is", "fi", "et", "lv", "lt", "en", "de", "pl")


@lru_cache(maxsize=1)
def _month_stems() -> tuple[str, ...]:
    """The listed stems (inflected forms: "februāra", "gegužės") and CLDR's month names of the source languages
    through Babel, as written and standing alone ("mai", "März", "júlí", "czerwca", "gegužė")."""
    from assistant.answer.dates import month_names  # not at the top: dates → kinds

    names = {name.casefold() for code in SOURCE_LANGUAGES for _, width, _, name in month_names(code) if width == "wide"}
    return tuple(dict.fromkeys([*(stem.casefold() for stem in _patterns()["month_stems"]), *sorted(names)]))


@lru_cache(maxsize=1)
def _duration_compound() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in _patterns()["duration_compounds"]), re.IGNORECASE)


def asked_kinds(question: str, language: str) -> tuple[str, ...]:
    """Every kind whose cues ``question`` shows, before precedence."""
    text = unicodedata.normalize("NFC", question.strip())
    return tuple(kind for kind in KINDS if (pattern := _question_pattern(kind, language)) and pattern.search(text))


def required_kinds(question: str, language: str) -> tuple[str, ...]:
    """The kinds of value ``question`` asks for: at most one of the exclusive kinds (by precedence) and
    any of contact, place and name. Empty for an open question. "When" on a day of the week asks for a time."""
    found = asked_kinds(question, language)
    exclusive = next((kind for kind in EXCLUSIVE if kind in found), None)
    if exclusive == "date":  # "Wann … am Donnerstag geöffnet?": the day is given, its hours are asked
        from assistant.answer.weekdays import days_named  # not at the top: weekdays → locale → values → kinds

        exclusive = "time" if days_named(question, language) else exclusive
    return tuple(k for k in (exclusive, *(k for k in FREE if k in found)) if k)


def own_or_joined_kinds(asked: str, question: str, language: str) -> tuple[str, ...]:
    """The kinds a follow-up ``asked`` asks for itself ("А коли це було?": a date), else, when it only changes the
    place or the day ("А в Литве?", "А в п'ятницю?"), those of ``question``, the text it is searched as, joined to
    the one before it. A follow-up about another thing ("Und das Stipendium?", "Entä … korvaus?") asks what it
    asks, not what the question before it did (the test documents' follow-ups lost two answers to a date asked
    before)."""
    own = required_kinds(asked, language)
    if own or question == asked:
        return own
    from assistant.answer.places import named_in  # not at the top: places → abstention, weekdays → locale → kinds
    from assistant.answer.weekdays import days_named

    return required_kinds(question, language) if named_in(asked, language) or days_named(asked, language) else ()


def asked_details(question: str, language: str) -> tuple[str, ...]:
    """Which contact details a question asks for ("phone", "email", "address", "web"); empty when it asks
    for contact in general ("How can I reach them?"). An e-mail address is an e-mail, not an address."""
    text = unicodedata.normalize("NFC", question.strip())
    found = [detail for detail, pattern in _detail_patterns(language).items() if pattern.search(text)]
    if "email" in found and "address" in found:
        found.remove("address")
    return tuple(found)


@cache
def _place_words(kind: str, language: str) -> re.Pattern[str] | None:
    pattern = _patterns()["place_asked"][kind].get(language)
    return re.compile(pattern, re.IGNORECASE) if pattern else None


def asked_place(question: str, language: str) -> str:
    """What kind of place a question asks for when it names one: "town" ("Which cities took part?", "В якому
    місті…?"), "country", or "" (either, or "where")."""
    text = unicodedata.normalize("NFC", question.strip())
    found = [kind for kind in ("town", "country") if (pattern := _place_words(kind, language)) and pattern.search(text)]
    return found[0] if len(found) == 1 else ""


def has_number(text: str, language: str = "") -> bool:
    """A digit (not list numbering), a number word of ``text``'s language (of any, when not known: the Danish
    "to" is not read in English), or a number joined to a unit of time."""
    text = _LIST_MARKER.sub(" ", text)
    if _DIGIT.search(text) or _duration_compound().search(text):
        return True
    words = _number_words(language)
    return any(word in words for word in _WORD.findall(text.casefold()))


_YEAR_OR_DATE = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)|(?<![\d.])[0-3]?\d[./][01]?\d(?:[./]\d{2,4})?(?![\d.])")


def is_month(word: str) -> bool:
    """A month's name in one of the source languages ("April", "februāra", "gegužės"), or its abbreviation."""
    word = word.casefold()
    return any(word.startswith(stem) for stem in _month_stems())


def has_date(text: str) -> bool:
    """A year, a numeric date ("1.8.2026", "21.09") or a month name."""
    if _YEAR_OR_DATE.search(text):
        return True
    words = _WORD.findall(text.casefold())
    return any(word == stem or (len(stem) >= 4 and word.startswith(stem)) for word in words for stem in _month_stems())


@lru_cache(maxsize=1)
def _day_of_every_month() -> re.Pattern[str]:
    """A day of the month that recurs: "den 20. hver måned", "fyrir 20. hvers mánaðar", "the 20th of each month",
    "iga kuu 20. kuupäevaks" (a day's ordinal, then within two words a word for the month, or the other way round)."""
    month = "|".join(re.escape(stem) for stem in _patterns()["duration_units"]["month"])
    day = r"(?<![\d.,])[0-3]?\d(?:\.|st|nd|rd|th|\s?d\.)(?!\d)"
    return re.compile(
        rf"{day}\s+(?:[^\W\d_]+\s+){{0,2}}(?:{month})\w*|(?<!\w)(?:{month})\w*\s+(?:[^\W\d_]+\s+)?{day}", re.IGNORECASE
    )


def monthly_days(text: str) -> list[re.Match[str]]:
    """Where ``text`` names a day of every month ("20. hver måned")."""
    return list(_day_of_every_month().finditer(text))


def states(text: str, kind: str, language: str = "") -> bool:
    """Does ``text`` (a unit of a source passage, written in ``language`` when known) state a value of ``kind``?
    A day of the week answers "when" as a date does ("Drop-in: Wednesday 16:00–19:00" says when the drop-in is), and
    so does a day of every month ("Stønaden utbetales den 20. hver måned")."""
    if kind in ("number", "duration"):
        return has_number(text, language)
    if kind == "date":
        if has_date(text) or _day_of_every_month().search(text):
            return True
        from assistant.answer.weekdays import days_named  # not at the top: weekdays → locale → values → kinds

        return bool(language) and bool(days_named(text, language))
    if kind == "time" and not _answer_pattern(kind).search(text):
        from assistant.answer.weekdays import hour_ranges  # not at the top: weekdays → values → kinds

        return bool(hour_ranges(text, language))
    if kind in ("money", "percent", "time", "contact"):
        return bool(_answer_pattern(kind).search(text))
    return True  # place, name: any unit may state one


def can_answer(text: str, required: tuple[str, ...], language: str = "") -> bool:
    """Does ``text`` (in ``language`` when known) hold a value of the question's exclusive kind (the free kinds
    are not required of a single unit: "when and where" may be answered by two)?"""
    exclusive = [kind for kind in required if kind in EXCLUSIVE]
    return all(states(text, kind, language) for kind in exclusive) and (
        "contact" not in required or bool(exclusive) or states(text, "contact")
    )
