"""The scale of time a question counts in: hours and minutes (time spent: "How many hours is the course?") or days
to years (a span: "How many weeks?"). A duration of the other scale answers something else ("över 16 år", an age,
is no answer to "Hur många timmar …?"; "12 vikur" none to "how many lessons-hours"). The words for each unit in
the asker's language come from CLDR (through Babel), in the forms it gives for counts of one, few and many."""

from __future__ import annotations

import re
from functools import cache

from assistant.answer.abstention import fold

SPENT = frozenset({"hour", "minute"})
SPAN = frozenset({"day", "week", "month", "year"})
_COUNTS = (1, 2, 3, 5, 11, 21, 1.5)
_WORD = re.compile(r"[^\W\d_]{3,}")


@cache
def unit_words(language: str) -> dict[str, frozenset[str]]:
    """A unit of time ("hour") → its words in ``language`` (folded, at least three letters), from CLDR."""
    from babel.units import format_unit

    words: dict[str, set[str]] = {}
    for unit in (*SPENT, *SPAN):
        for length in ("long", "short"):
            for count in _COUNTS:
                try:
                    written = str(format_unit(count, f"duration-{unit}", length=length, locale=language))
                except (ValueError, LookupError, KeyError):
                    continue
                if "duration" in written:  # no such form in CLDR: Babel writes the unit's id
                    continue
                words.setdefault(unit, set()).update(fold(w) for w in _WORD.findall(written))
    return {unit: frozenset(found) for unit, found in words.items()}


def scale_asked(question: str, language: str) -> frozenset[str]:
    """The units of the scale the question counts in (``SPENT`` or ``SPAN``), or none when it names no unit of
    time, or units of both scales."""
    asked = {fold(w) for w in _WORD.findall(question)}
    named = {
        unit
        for unit, words in unit_words(language).items()
        if any(q == w or (len(w) >= 4 and q.startswith(w)) for q in asked for w in words)
    }
    spent, span = bool(named & SPENT), bool(named & SPAN)
    if spent == span:
        return frozenset()
    return SPENT if spent else SPAN
