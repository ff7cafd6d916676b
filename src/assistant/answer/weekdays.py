"""Days of the week: Monday's opening hours are no short answer to a question about Saturday; weekly times.

"ما هي ساعات عمل Alþjóðastofa يوم السبت؟" (Saturday's opening hours) was answered "In short: 5:30 pm–7:30 pm"
from a course held "á mánudögum og miðvikudögum". When the question names a day of the week (CLDR's names
through Babel, in the question's language, matched by stem: "torstaisin", "субботам", "ceturtdienās"), the
short line takes no value from a quote that names other days only ("Dag: Måndag; Öppet: 09.00–16.00"); a
range holds the days between ("Mon–Thu 9–15", "mandag til fredag"). The quotes themselves are unchanged:
dropping other days' units from them cost an answer its keywords on the test documents (docs/experiments.md).

Opening hours in whole hours are times when a day's name or "kl."/"Uhr" marks them ("fredag 9–12"), and a time
with the days it holds on answers "when" about a weekly meeting ("Dag: Torsdag; Tidspunkt: 9.30–11.30").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from functools import cache

from assistant.answer.abstention import fold
from assistant.answer.stated import DASH, TO_WORD, Value
from assistant.answer.values import times
from assistant.languages.locale import babel_locale

_WORD = re.compile(r"\w+")
_TIME_AFTER = re.compile(r"\.?:?[ \t]*\d{1,2}[.:]\d{2}")  # "R 9.00", "Fri: 9:00", "ma. 10.00"
_DASHED = re.compile(rf"\.?\s*(?:[–—-]|\s{TO_WORD}\s)\s*")  # a range of days: a dash or "to" ("Monday to Thursday"), not "and"
_LINE_START = re.compile(r"(?:^|\n)[ \t]*\Z")
# CLDR writes the Ukrainian "пʼятниця" with U+02BC, a letter; askers type ' or ’, which split the word. The
# Persian "سه‌شنبه" (Tuesday) holds a zero-width non-joiner, which splits it into "سه" and "شنبه" (Saturday).
_JOINED = str.maketrans({"'": "\u02bc", "’": "\u02bc", "\u200c": None})
_CASE_ENDINGS = re.compile(r"[A-Za-zÀ-ɏЀ-ӿʼ]+")  # Latin and Cyrillic: languages that inflect a day's name at its end
# Languages whose definite article changes a name's final vowel: the Somali "Jimco" (Friday) is "Jimcaha" in
# "maalinta jimcaha" ("Talaado", "Talaadada"), so a name there is also matched without its last vowel.
_FINAL_VOWEL_CHANGES = ("so",)


def stem(name: str) -> str:
    """What inflected forms of a day's name keep: "torst" of "torstaisin", "czwar" of "czwartkową", "manud" of
    the Icelandic "mánudögum". A name in another script is kept whole: the Arabic "الجمع" of "الجمعة" (Friday)
    would be "الجمعية" (an association) too."""
    if len(name) <= 5 or not _CASE_ENDINGS.fullmatch(name):
        return name
    return name[: max(5, len(name) - 4)]


@cache
def day_names(language: str) -> tuple[tuple[tuple[tuple[str, bool], int], ...], dict[str, int]]:
    """((stem, whether it is cut short), day) of each full name of a day in ``language`` (0 = Monday), and its
    short names by day."""
    from babel.core import UnknownLocaleError

    try:
        days = babel_locale(language).days
    except (ValueError, LookupError, UnknownLocaleError):
        return (), {}
    stems: dict[tuple[str, bool], int] = {}
    short: dict[str, int] = {}
    for context in ("format", "stand-alone"):
        for day, name in days[context]["wide"].items():
            whole = fold(name.translate(_JOINED))
            cut = stem(whole)
            stems.setdefault((cut, cut != whole), day)
            if language in _FINAL_VOWEL_CHANGES and len(whole) >= 5 and whole[-1] in "aeiou":
                stems.setdefault((whole[:-1], True), day)
        for width in ("abbreviated", "short"):
            for day, name in days[context][width].items():
                short.setdefault(fold(name.translate(_JOINED)).strip("."), day)
    return tuple(stems.items()), short


def _day(word: str, language: str, abbreviated: bool) -> int | None:
    stems, short = day_names(language)
    folded = fold(word)
    for (prefix, cut), day in stems:
        # A word that is only a cut stem is another word: the Ukrainian "серед" (among) of "середа".
        if folded.startswith(prefix) and not (cut and folded == prefix):
            return day
    return short.get(folded) if abbreviated else None


def days_named(text: str, language: str, ranges: bool = True, dashed: bool = False) -> frozenset[int]:
    """The days of the week ``text`` names in ``language``: full names, and ranges of full or short names
    at most one word apart ("Mon–Thu", "Monday to Thursday", "mandag til fredag": Monday to Thursday or
    Friday). Two days one word apart are taken for a range even when they are not one ("Monday and
    Thursday"): a unit is then kept for more days than it names, never for fewer. A short name that opens a
    line and is followed by a time names its day too ("R 9.00–13.00": Friday in Estonian). Without ``ranges``,
    only the days written out: "E–N 12.00–18.00" names Monday and Thursday, not Wednesday; with ``dashed``, only
    ranges written with a dash ("ma–pe", not "tiistaisin ja torstaisin")."""
    joined = text.translate(_JOINED)
    found = list(_WORD.finditer(joined))
    words = [match.group() for match in found]
    days = {day for word in words if (day := _day(word, language, False)) is not None}
    marked = [_day(word, language, True) for word in words]
    days.update(
        day
        for match, day in zip(found, marked, strict=True)
        if day is not None and _TIME_AFTER.match(joined, match.end()) and _LINE_START.search(joined, 0, match.start())
    )
    for i, start in enumerate(marked):
        if start is None or not ranges:
            continue
        for j, end in enumerate(marked[i + 1 : i + 3], start=i + 1):
            if end is not None and dashed and not _DASHED.fullmatch(joined, found[i].end(), found[j].start()):
                break
            if end is not None:
                days.update((start + step) % 7 for step in range((end - start) % 7 + 1))
                break
    return frozenset(days)


def day_before(text: str, position: int, language: str) -> bool:
    """Does one of the three words before ``position`` name a day of the week, in full or short ("fredag 9–12",
    "ma–pe 9–15", "Mo–Do 9–15 Uhr")?"""
    words = _WORD.findall(text[max(0, position - 40) : position].translate(_JOINED))[-3:]
    return any(_day(word, language, True) is not None for word in words)


def on_days(text: str, language: str, days: frozenset[int]) -> bool:
    """Does ``text`` name no day of the week, or one of ``days``?"""
    named = days_named(text, language)
    return not named or bool(named & days)


def parts(text: str, language: str) -> list[str]:
    """A line's parts between commas, semicolons and the language's "and" (CLDR's list pattern: "und", "og")."""
    from assistant.retrieve.questions import joining_word  # not at the top: questions → locale → values → weekdays

    word = joining_word(language, "standard")
    return re.split(rf"[,;]\s|\s{re.escape(word)}\s" if word else r"[,;]\s", text)


def day_lines(text: str, language: str, days: frozenset[int]) -> str:
    """The lines of a block of lines that name one of ``days`` ("Reede: 9:00–13:00" of a week's opening hours),
    or the parts of one line between commas, semicolons and "and" that do ("fredag 9–12" of "mandag–torsdag 9–15,
    fredag 9–12"); the text as it is when no line or part names them."""
    lines = [line for line in text.split("\n") if days_named(line, language) & days]
    if lines and "\n" in text:
        return "\n".join(lines)
    named = [(part, days_named(part, language)) for part in parts(text, language)]
    named = [(part, found) for part, found in named if found]  # parts naming days: "Dag: Lördag; Öppet: …" has one
    asked = [part for part, found in named if found & days]
    if len(named) > 1 and asked and len(asked) < len(named) and all(re.search(r"\d", part) for part in asked):
        return "; ".join(asked)
    return text  # "Mandag og onsdag: 18.00–21.00": Monday's part holds no hours of its own


# Whole hours: "kl. 9–15", "9–15 Uhr", or after a day's name ("fredag 9–12", "ma–pe 8–16").
_HOURS = re.compile(
    rf"(?<![\d.,:/])(?P<k>(?:kl\.?|klo|kell|plkst\.?|um)\s?)?(?P<h1>[01]?\d|2[0-3]){DASH}(?P<h2>[01]?\d|2[0-4])"
    r"(?![\d.,:/]\d|\d|\s?%)(?P<u>\s?(?:Uhr|h)\b)?",
    re.IGNORECASE,
)


def hour_ranges(text: str, language: str = "") -> list[Value]:
    """Opening hours written in whole hours, rising, from 5 in the morning: prefixed by "kl."/"klo"/"um", followed
    by "Uhr"/"h", or written after a day's name in ``language``."""
    found = []
    for match in _HOURS.finditer(text):
        start, end = int(match.group("h1")), int(match.group("h2"))
        if not 5 <= start < end:
            continue
        if match.group("k") or match.group("u") or (language and day_before(text, match.start(), language)):
            found.append(Value("time", match.group(0).strip(), clock=(dt.time(start), dt.time(end % 24))))
    return found


def weekly(text: str, language: str) -> list[Value]:
    """The times of a text that names days of the week, each with its days: when a weekly meeting is held
    ("Dag: Torsdag; Tidspunkt: 9.30–11.30" answers "When is the language café?"). Read part by part (commas,
    semicolons, "and"): a time goes with the days of its part and of the parts before it that name days without a
    time ("Mandag og onsdag: 18–21"), or else with the days of the time before it ("Tuesday: open 9 am – 4 pm;
    legal adviser 12 noon – 3 pm"); a day without a time ("Mittwoch: geschlossen") goes with none. [] when no time
    has a day."""
    found: list[Value] = []
    waiting: set[int] = set()
    named: tuple[int, ...] = ()  # the days of the last time: a time after it without days of its own has them too
    for part in parts(text, language):
        days = days_named(part, language, dashed=True)
        clocks = times(part, language)
        if not clocks:
            waiting |= days
            continue
        named = tuple(sorted(days | waiting)) if days or waiting else named
        if named:
            found.extend(replace(value, days=named) for value in clocks)
        waiting = set()
    return found
