"""Which day a "when" question asks for, when a quote gives several: the last day (a deadline, "until when",
a permit's expiry) or the first (a course's start).

"Seuraava jakso alkaa 16.3.2026, ja sen haku päättyy 27.2.2026" answers "Until when can I apply?" with its
second date only. The question's words per language and the source clauses' words (any source language) are
data (``value_patterns.json``, ``date_role``). A clause naming both days, or neither, says nothing; a period
("from 2 February until 27 February") answers a question for one of its ends with that end.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import replace
from functools import cache
from typing import Any, Protocol, TypeVar

from assistant.answer.stated import Value
from assistant.data import read_json

ROLES = ("end", "start")


class HasRole(Protocol):
    @property
    def role(self) -> str: ...


T = TypeVar("T", bound=HasRole)


@cache
def _roles() -> dict[str, Any]:
    data: dict[str, Any] = read_json("value_patterns.json")["date_role"]
    return data


@cache
def _asked(role: str, language: str) -> re.Pattern[str] | None:
    pattern = _roles()["asked"][role].get(language)
    return re.compile(pattern, re.IGNORECASE) if pattern else None


@cache
def _stated(role: str) -> re.Pattern[str]:
    return re.compile(_roles()["stated"][role], re.IGNORECASE)


def days_asked(question: str, language: str) -> tuple[str, ...]:
    """The days a question asks for ("end", "start"), in the order it asks them; () when it names neither."""
    text = unicodedata.normalize("NFC", question)
    found = []
    for role in ROLES:
        pattern = _asked(role, language)
        match = pattern.search(text) if pattern else None
        if match:
            found.append((match.start(), role))
    return tuple(role for _, role in sorted(found))


def stated_role(clause: str) -> str:
    """The day a source clause says its date is ("end", "start"), or "" when it says neither or both."""
    text = unicodedata.normalize("NFC", clause)
    said = [role for role in ROLES if _stated(role).search(text)]
    return said[0] if len(said) == 1 else ""


_LABEL = re.compile(r"([^\n:]{1,40}):[ \t]*$")  # "Hefst: " before "15. janúar 2025"


def label_before(text: str, position: int) -> str:
    """The label a value is written after on its line ("Hefst" of "Hefst: 15. janúar 2025"), or ""."""
    line = text[text.rfind("\n", 0, position) + 1 : position]
    match = _LABEL.search(line)
    return match.group(1) if match else ""


_BREAK = re.compile(r"(?<=[.!?])\s+(?=[^\W\d_])")


def sentence_breaks(text: str) -> list[re.Match[str]]:
    """Where the sentences of ``text`` end: a mark and the space before a capital letter ("… 20 d. Kursai …", not
    "15 d. iki …" nor "2026 m. gegužės")."""
    return [match for match in _BREAK.finditer(text) if text[match.end()].isupper()]


def sentence_of(text: str, position: int) -> str:
    """The sentence of ``text`` around ``position``."""
    start = 0
    for match in sentence_breaks(text):
        if match.start() > position:
            return text[start : match.start()]
        start = match.end()
    return text[start:]


def roles_said(text: str, values: Sequence[str], clauses: Sequence[str]) -> list[str]:
    """The day each date of ``text`` (``values`` as written, with their ``clauses``) is said to be: by its clause,
    else by the label before it ("Skráningarfrestur: 8. janúar 2025"), else by its sentence when it is the
    sentence's only date ("2026 m. gegužės 11 d. prasideda …"). A word leading in to several dates of one sentence
    says nothing of any one ("Nye kurs starter 19. januar, 20. april og 24. august")."""
    at = [text.find(value) for value in values]
    sentences = [sentence_of(text, position) for position in at]
    said = [
        stated_role(clause)
        or stated_role(label_before(text, position))
        or (stated_role(sentence) if sentences.count(sentence) == 1 else "")
        for clause, position, sentence in zip(clauses, at, sentences, strict=True)
    ]
    shared = [sentence == sentences[0] for sentence in sentences]
    if said[0] and sum(shared) > 1 and not any(role for role, same in zip(said[1:], shared[1:], strict=True) if same):
        said = ["" if same else role for role, same in zip(said, shared, strict=True)]
    return said


def one_end(value: Value, role: str) -> Value:
    """A period's end (``role`` "end") or start ("start"); any other value as it is."""
    if value.day is None or value.until is None:
        return value
    return replace(value, day=value.until if role == "end" else value.day, until=None)


def by_role(found: Sequence[Sequence[T]], asked: Sequence[str]) -> list[list[T]]:
    """The options per quote that can answer a question asking for the days ``asked``. The first quote's one date,
    not said to be another day, answers as before; else the first option said to be each asked day, together as
    one quote's in the question's order, when a quote says so for every one; else every option but those said
    to be a day not asked ("alkaa 16.3." is no deadline)."""
    if found and len(found[0]) == 1 and not found[0][0].role:
        return [list(quote) for quote in found]
    picked = [next((option for quote in found for option in quote if option.role == role), None) for role in asked]
    if all(option is not None for option in picked):
        return [[option for option in picked if option is not None]]
    return [kept for quote in found if (kept := [option for option in quote if option.role in ("", *asked)])]
