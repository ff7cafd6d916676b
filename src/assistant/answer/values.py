"""Values stated in a source sentence: amounts of money, numbers, percentages, durations, dates and periods,
times of day, and contact details, read the way the source languages write them.

Numbers are read whatever their digit grouping ("12 500", "12.500", "12,500") and decimal mark; amounts with
their currency (a sign, a code, or the "kr"/"kroner" of the source language's country); durations with
their unit of time (digits or the number words one to twelve of the source languages); dates and periods as
``answer.dates`` reads them; a bound written before a value as ``answer.bounds`` reads it. ``find_values``
returns every value of a kind in a text; the short answer is only written when it is unambiguous.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from functools import cache, lru_cache
from typing import Any

from assistant.answer.bounds import bound
from assistant.answer.dates import NUMERIC_DATE, dates, month_dates
from assistant.answer.kinds import has_date
from assistant.answer.places import places
from assistant.answer.stated import DASH, TO_WORD, Value
from assistant.data import read_json

_NUMBER = r"\d{1,3}(?:[ \u00a0\u202f.,’']\d{3})+(?:[.,]\d{1,2})?(?!\d)|\d+(?:[.,]\d{1,2})?(?!\d)"
_CURRENCY = (
    r"€|EUR|eur(?:o(?:s|t|a|ja)?|ų|ai|ą|as|ais|ams)|eiro|DKK|SEK|NOK|ISK|USD|\$|£|GBP|"
    r"kr\.?|kroner|kronor|krónur|krónum|kronur|krone|krona|kronen"
)
_MONEY = re.compile(
    rf"(?P<pre>{_CURRENCY})\s?(?P<n1>{_NUMBER})|(?P<n2>{_NUMBER})\s?(?:,-\s?)?(?P<post>{_CURRENCY})(?![\w])", re.IGNORECASE
)
_PERCENT = re.compile(
    rf"(?P<n>{_NUMBER})\s?(?:%|(?:per ?cent|pro[cs]ent\w*|prozent|protsen\w*|prósent\w*|prosentti\w*|procent\w*))", re.IGNORECASE
)
_PLAIN_NUMBER = re.compile(rf"(?<![\w.,:/+-])(?:{_NUMBER})(?![\w:/%]|[.,]\d)")
_YEAR = re.compile(r"^(?:19|20)\d{2}$")
_CLOCK = r"(?:[01]?\d|2[0-3])[:.][0-5]\d"
_UNTIL = rf"\s+(?:until|{TO_WORD})\s+(?:(?:kl\.?|klo|kell|plkst\.?|val\.?|um)\s?)?"  # "from 18.00 to 19.30"
_TIME = re.compile(
    rf"(?:(?:kl\.?|klo|kell|plkst\.?|val\.?|um|at)\s?)?(?P<t1>{_CLOCK})(?:(?:{DASH}|{_UNTIL})(?P<t2>{_CLOCK}))?(?:\s?(?:Uhr|h))?"
    rf"|(?P<a1>\d{{1,2}})(?::(?P<am1>\d{{2}}))?\s?(?P<p1>am|pm|noon)(?:{DASH}(?P<a2>\d{{1,2}})(?::(?P<am2>\d{{2}}))?\s?(?P<p2>am|pm))?",
    re.IGNORECASE,
)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(
    r"(?<![\w.,])(?:\+\d{1,3}[\s-]?)?(?:\(\d{1,4}(?: \d{1,4})?\)|\d{2,4})(?:[\s-]\d{2,4}){1,4}(?![\w.,]\d)"
)  # "(8 458) 51 900", "+45 56 78 41 20", "040 718 2290"
_YEAR_RANGE = re.compile(r"(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})+")  # "2023-2025": a period, not a phone
_WEB = re.compile(
    r"(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)*\.(?:dk|se|no|fi|is|ee|lv|lt|eu|org|com|net|int|de)(?:/[\w./-]*)?", re.IGNORECASE
)
# A street address with its postcode and town, as the source countries write them: "Föreningsgatan 47, 211 52
# Malmö", "Raatuse 22, 51009 Tartu", "Hadsundvej 35, 9000 Aalborg", "Gedimino pr. 9, LT-01103 Vilnius". Without
# the postcode a street and number cannot be told from "Level 2" or "May 12". Latvian addresses put the town
# before the postcode: "Tērbatas iela 14, Rīga, LV-1011".
_ADDRESS = re.compile(
    r"(?<![\w-])(?:[A-ZÀ-ÞĀ-Ž][\w'’.-]* ){0,2}[A-ZÀ-ÞĀ-Ž]?[\w'’.-]*[^\W\d_][.]? \d{1,4}[A-Za-z]?(?:[-–/]\d{1,4})?, *"
    r"(?:(?:[A-Z]{1,2}-)?\d{3} ?\d{1,3} +[A-ZÀ-ÞĀ-Ž][\w-]+|[A-ZÀ-ÞĀ-Ž][\w-]+, *[A-Z]{2}-\d{4,5}(?!\d))"
)


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    data: dict[str, Any] = read_json("value_patterns.json")
    return data


def parse_number(text: str) -> float:
    """ "12 500" -> 12500, "12.500" -> 12500, "45,65" -> 45.65, "2,5" -> 2.5, "9,800" -> 9800."""
    text = re.sub(r"[\s\u00a0\u202f’']", "", text)
    groups = re.fullmatch(r"(\d{1,3})((?:[.,]\d{3})+)([.,]\d{1,2})?", text)
    if groups and (groups.group(3) or len(set(re.findall(r"[.,]", groups.group(2)))) == 1):
        whole = groups.group(1) + re.sub(r"[.,]", "", groups.group(2))
        return float(whole + ("." + groups.group(3)[1:] if groups.group(3) else ""))
    return float(text.replace(",", "."))


def _currency(token: str, language: str) -> str:
    folded = token.casefold().rstrip(".")
    if folded in ("€", "eur") or folded.startswith(("eur", "eiro")):
        return "EUR"
    if folded in ("$", "usd"):
        return "USD"
    if folded in ("£", "gbp"):
        return "GBP"
    if folded.upper() in ("DKK", "SEK", "NOK", "ISK"):
        return folded.upper()
    return str(_data()["krone_currency"].get(language, ""))


_RANGE_START = re.compile(rf"(?<![\d.,])(?P<low>{_NUMBER}){DASH}$")  # "610–" before "680 €"
_RANGE_END = re.compile(rf"{DASH}(?P<high>{_NUMBER})")  # "–30" after "€25"
_RANGE_REACH = 40  # characters before an amount where its range's lower end may begin ("12 500,50 – ")


def _range(low: str, high: str) -> bool:
    """Two numbers around a dash that read as a range of amounts: rising, the lower at least a tenth of the higher
    ("610–680 €"; not "Huone 2 – 350 €")."""
    a, b = parse_number(low), parse_number(high)
    return a < b and a >= b / 10


def _range_span(text: str, match: re.Match[str]) -> tuple[int, int, str, str | None]:
    """The span of an amount ``match`` of ``_MONEY`` with the other end of its range, and the range's ends as
    written (no higher end when it is no range)."""
    start, end = match.span()
    if match.group("n1"):
        after = _RANGE_END.match(text, end)
        if after and _range(match.group("n1"), after.group("high")):
            return start, after.end(), match.group("n1"), after.group("high")
        return start, end, match.group("n1"), None
    before = _RANGE_START.search(text, max(0, start - _RANGE_REACH), start)  # not the whole text before it
    if before and _range(before.group("low"), match.group("n2")):
        return before.start(), end, before.group("low"), match.group("n2")
    return start, end, match.group("n2"), None


def money(text: str, language: str) -> list[Value]:
    """Amounts with their currency, and the unit of time each is paid by when one follows it ("290 € / kk",
    "4 110 kr. om måneden", "25 EUR už valandą"); a range of amounts is one value ("610–680 €", "€25–30")."""
    found = []
    for match in _MONEY.finditer(text):
        # "450 Kronen" on a German page: which krone is not known, so the amount is stated as written
        code = _currency(match.group("pre") or match.group("post"), language)
        start, end, low, high = _range_span(text, match)
        upper = parse_number(high) if high is not None else None
        per = _rate(text, end, language)
        found.append(Value("money", text[start:end].strip(), parse_number(low), upper=upper, currency=code, per=per))
    return found


def money_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` states amounts, ranges included (their lower end is no count)."""
    return [_range_span(text, match)[:2] for match in _MONEY.finditer(text)]


_RATE_UNITS = ("month", "week", "day", "year", "hour")


@cache
def _rate_patterns(language: str) -> list[tuple[re.Pattern[str], str]]:
    """What follows an amount paid by a unit of time: the rate patterns CLDR gives for ``language`` and English
    ("pr. måned", "/kk", "mēnesī", "per month"), or a unit of time right after it or after a short word or a
    slash ("om måneden", "i timen", "už valandą", "a day"), not followed by a number ("for 3 måneder" is a
    duration, "år 2026" a year)."""
    from babel.core import UnknownLocaleError
    from babel.units import format_compound_unit

    patterns: list[tuple[re.Pattern[str], str]] = []
    for code in dict.fromkeys([language, "en"] if language else ["en"]):
        for unit in _RATE_UNITS:
            for length in ("long", "short"):
                try:
                    per = str(format_compound_unit("0", denominator_unit=f"duration-{unit}", length=length, locale=code))
                except (ValueError, LookupError, UnknownLocaleError):
                    continue
                literal = per[1:].strip()
                if per.startswith("0") and len(literal) >= 2 and "duration-" not in literal:
                    spaced = r"\s*".join(re.escape(part) for part in literal.split()).replace("/", r"/\s*")
                    patterns.append((re.compile(rf"\s*{spaced}(?!\w)", re.IGNORECASE), unit))
    for unit in _RATE_UNITS:
        stems = "|".join(re.escape(stem) for stem in _data()["duration_units"][unit])
        patterns.append(
            (re.compile(rf"\s*(?:/\s*|[^\W\d_]{{1,4}}\.?\s+)?(?P<word>(?:{stems})\w{{0,5}})(?!\w)(?!\s*\d)", re.IGNORECASE), unit)
        )
    return patterns


def rate_named(label: str, language: str) -> str:
    """The unit of time a table column's header says its amounts are paid by ("Pris pr. måned", "Hinta (€/kk)"),
    or "". A unit word alone ("Daytime fee", "Måneder") is no rate here."""
    label = label.casefold()
    starts = (i for i in range(len(label)) if i == 0 or not label[i - 1].isalnum())
    return next((unit for i in starts if (unit := _rate(label, i, language, alone=False))), "")


def _rate(text: str, end: int, language: str, alone: bool = True) -> str:
    """The unit of time an amount ending at ``end`` is paid by, or "". A unit word must be lower-case (in
    "4 110 kr. Dagpleje 2 390 kr." the next table cell begins) and, unless ``alone``, come after a word or a slash."""
    for pattern, unit in _rate_patterns(language):
        match = pattern.match(text, end)
        if match is None:
            continue
        if "word" not in pattern.groupindex:
            return unit
        word = match.group("word")
        if word.islower() and (alone or text[end : match.start("word")].strip()):
            return unit
    return ""


def percentages(text: str) -> list[Value]:
    return [Value("percent", m.group(0), parse_number(m.group("n"))) for m in _PERCENT.finditer(text)]


def _covered(text: str, language: str = "") -> list[tuple[int, int]]:
    """Spans taken by values of other kinds (money, percentages, times, dates, contacts, list numbers)."""
    spans = [m.span() for pattern in (_PERCENT, _TIME, _EMAIL, _PHONE, NUMERIC_DATE) for m in pattern.finditer(text)]
    spans += money_spans(text)
    spans += [(m.start(), m.end()) for m in re.finditer(r"(?<![\w.,(])\d{1,2}\)", text)]
    spans += [(m.start(), m.end()) for m, _, _ in month_dates(text, language)]
    return spans


def numbers(text: str, language: str = "") -> list[Value]:
    """Counts: numbers that are no amount, percentage, time, date (month names of ``language`` and English),
    year, phone number or list numbering."""
    covered = _covered(text, language)
    found = []
    for match in _PLAIN_NUMBER.finditer(text):
        if any(start <= match.start() < end for start, end in covered) or _YEAR.match(match.group(0)):
            continue
        found.append((match.start(), Value("number", match.group(0), parse_number(match.group(0)))))
    if not found:
        return []
    # "20 timer per uke": a count of hours keeps its unit ("20 годин" for a Ukrainian asker)
    counted = {text.find(d.text): d for d in durations(text, language) if d.upper is None}
    return [counted.get(start) or value for start, value in found]


@cache
def _unit_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    stems = {stem: unit for unit, words in _data()["duration_units"].items() for stem in words}
    alternatives = "|".join(sorted((re.escape(s) for s in stems), key=len, reverse=True))
    return re.compile(rf"(?<!\w)({alternatives})\w*", re.IGNORECASE), stems


@cache
def _number_word_pattern(language: str) -> tuple[re.Pattern[str] | None, dict[str, int]]:
    words = {w.casefold(): v for w, v in _data()["number_values"].get(language, {}).items()}
    if not words:
        return None, {}
    alternatives = "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))
    return re.compile(rf"(?<!\w)({alternatives})(?!\w)", re.IGNORECASE), words


@cache
def _inner_unit_pattern() -> re.Pattern[str]:
    """A unit of time inside a word, at the end of a compound."""
    return re.compile(_unit_pattern()[0].pattern.replace("(?<!\\w)", "", 1), re.IGNORECASE)


_WORD_BEFORE_UNIT = re.compile(r"([^\W\d_]{2,15})\s+")  # "120 akadēmiskās stundas", "80 akademinių valandų"
_LETTERS = re.compile(r"[^\W\d_]+")


def _unit_after_word(text: str, position: int, unit_pattern: re.Pattern[str]) -> re.Match[str] | None:
    """A unit of time after one lower-case word ("akadēmiskās stundas") or ending a compound word
    ("kalendripäeva", "undervisningstimer"; units of four letters or more: "dag" ends too many words)."""
    word = _WORD_BEFORE_UNIT.match(text, position)
    if word is not None and word.group(1).islower() and (unit := unit_pattern.match(text, word.end())) is not None:
        return unit
    compound = _LETTERS.match(text, position)
    if compound is None or not compound.group(0).islower():
        return None
    inside = _inner_unit_pattern()
    for cut in range(position + 3, compound.end() - 3):
        unit = inside.match(text, cut)
        if unit is not None and len(unit.group(1)) >= 4:
            return unit
    return None


def durations(text: str, language: str) -> list[Value]:
    """A number (digits or a number word) followed by a unit of time: "22 måneder", "tre måneder", "40 weeks"."""
    unit_pattern, stems = _unit_pattern()
    word_pattern, words = _number_word_pattern(language)
    numbers_found = [(m.start(), m.end(), parse_number(m.group(0))) for m in re.finditer(_NUMBER, text)]
    if word_pattern is not None:
        numbers_found += [(m.start(), m.end(), float(words[m.group(0).casefold()])) for m in word_pattern.finditer(text)]
    found = []
    for start, end, value in sorted(numbers_found):
        after = end + (1 if text[end : end + 1] in " \u00a0-" else 0)
        following = unit_pattern.match(text, after) or _unit_after_word(text, after, unit_pattern)
        if following is None:
            continue
        stem = next(s for s in sorted(stems, key=len, reverse=True) if following.group(1).casefold().startswith(s.casefold()))
        low = _RANGE_START.search(text, max(0, start - _RANGE_REACH), start)  # "4–6 Monate": one range
        if low and parse_number(low.group("low")) < value:
            found.append(
                Value("duration", text[low.start() : following.end()], parse_number(low.group("low")), value, unit=stems[stem])
            )
            continue
        found.append(Value("duration", text[start : following.end()], value, unit=stems[stem]))
    return _ranges(text, found)


_UNIT_DAYS = {"minute": 1 / 1440, "hour": 1 / 24, "day": 1, "week": 7, "month": 30, "year": 365}


def _days(value: Value) -> float:
    """A duration's length in days (0 when its unit is unknown)."""
    return (value.number or 0) * _UNIT_DAYS.get(value.unit or "", 0)


def _ranges(text: str, found: list[Value]) -> list[Value]:
    """Two durations joined by "to"/"til"/a dash ("fra tre måneder til to år") are one range."""
    if len(found) == 2:
        first, second = found
        between = text[text.find(first.text) + len(first.text) : text.find(second.text)]
        if 0 < _days(second) <= _days(first):  # "fra seks uker til tre uker": shortened from one to the other, no range
            return found
        if 0 <= len(between) <= 12 and re.fullmatch(
            r"\s*(?:[–—-]|to|til|till|up to|bis|kuni|līdz|iki|-)\s*", between, re.IGNORECASE
        ):
            return [
                Value(
                    "duration",
                    f"{first.text}{between}{second.text}",
                    first.number,
                    second.number,
                    unit=first.unit,
                    upper_unit=second.unit,
                )
            ]
    return found


def times(text: str, language: str = "") -> list[Value]:
    """Times of day and spans of them ("09.00–16.00", "kl. 9–15", "5:30 pm"), in the order written."""
    found = []
    for match in _TIME.finditer(text):
        if match.group("t1"):
            start = _clock(match.group("t1"))
            end = _clock(match.group("t2")) if match.group("t2") else None
            prefixed = match.group(0)[:1].isalpha() or ":" in match.group("t1") or end is not None
            if start is not None and prefixed:
                found.append(Value("time", match.group(0).strip(), clock=(start, end)))
        elif match.group("a1"):
            start = _twelve_hour(match.group("a1"), match.group("am1"), match.group("p1"))
            end = _twelve_hour(match.group("a2"), match.group("am2"), match.group("p2")) if match.group("a2") else None
            if start is not None:
                found.append(Value("time", match.group(0).strip(), clock=(start, end)))
    from assistant.answer.weekdays import hour_ranges  # not at the top: weekdays → values

    taken = [(text.find(v.text), text.find(v.text) + len(v.text)) for v in found]
    hours = [v for v in hour_ranges(text, language) if not any(a <= text.find(v.text) < b for a, b in taken)]
    return sorted(found + hours, key=lambda v: text.find(v.text)) if hours else found


def _clock(text: str) -> dt.time | None:
    hours, minutes = re.split(r"[:.]", text)
    return dt.time(int(hours), int(minutes)) if int(hours) < 24 and int(minutes) < 60 else None


def _twelve_hour(hours: str, minutes: str | None, half: str) -> dt.time | None:
    value = int(hours) % 12 + (12 if half.casefold() in ("pm", "noon") else 0)
    return dt.time(value, int(minutes or 0)) if int(hours) <= 12 else None


def addresses(text: str) -> list[Value]:
    """Street addresses with postcode and town (not a month's day: "May 12, 2026 Tallinn")."""
    found = []
    for match in _ADDRESS.finditer(text):
        street = match.group(0).split(",")[0]
        if not has_date(street):
            found.append(Value("contact", match.group(0).strip()))
    return found


def contacts(text: str) -> list[Value]:
    found = [Value("contact", m.group(0)) for m in _EMAIL.finditer(text)]
    found += [
        Value("contact", m.group(0).strip())
        for m in _PHONE.finditer(text)
        if sum(ch.isdigit() for ch in m.group(0)) >= 7 and not _YEAR_RANGE.fullmatch(m.group(0).strip())
    ]
    if not found:
        found = [Value("contact", m.group(0)) for m in _WEB.finditer(text) if "." in m.group(0)]
    return addresses(text) + found


@lru_cache(maxsize=4096)
def contact_details(text: str, language: str) -> frozenset[str]:
    """The kinds of contact detail ``text`` gives (read once per unit: the eligibility check asks again)."""
    return frozenset(contact_detail(value) for value in find_values(text, "contact", language))


def contact_detail(value: Value) -> str:
    """Which detail a contact value is: "email", "web" or "phone"."""
    if _EMAIL.fullmatch(value.text):
        return "email"
    if _ADDRESS.fullmatch(value.text):
        return "address"
    return "web" if _WEB.fullmatch(value.text) else "phone"


_CAPITALISED = r"[A-ZÀ-ÞĀ-Ž][\w’'-]+"
_NAME = re.compile(rf"(?<![\w.])({_CAPITALISED}(?:[ \u00a0](?:(?:af|von|van|de|da)[ \u00a0])?{_CAPITALISED}){{1,3}})")


def names(text: str) -> list[Value]:
    """People's and organisations' names: runs of two to four capitalised words ("Marta Ozoliņa",
    "Nordic Welfare Centre"); a short first word of a sentence ("The", "Die") is left out."""
    found = []
    for match in _NAME.finditer(text):
        name = match.group(1)
        before = text[: match.start()].rstrip()
        first, _, rest = name.partition(" ")
        if (not before or before.endswith((".", "!", "?", ":", "\n"))) and len(first) <= 3:
            if " " not in rest:
                continue
            name = rest
        found.append(Value("name", name))
    return found


# When a quote holds no value of the asked kind, one of these kinds may answer it ("how much" read as a
# count, answered by an amount). A bare number answering "how long" was tried out (it gave "5" from "Skolas ielā
# 5" in a trial) and kept: without it the test documents lost a right line (docs/experiments.md).
RELATED = {"number": ("money", "percent", "duration"), "duration": ("number",), "money": (), "percent": ()}


def find_values(text: str, kind: str, language: str) -> list[Value]:
    """Every value of ``kind`` stated in ``text`` (a unit of a source passage in ``language``), with the bound the
    words before an amount, count or duration give it ("højst", "up to", "ca.")."""
    found = _find_values(text, kind, language)
    if kind in ("money", "number", "duration", "percent"):
        return [replace(v, bound=b) if (b := bound(text, v.text, language)) else v for v in found]
    return found


def _find_values(text: str, kind: str, language: str) -> list[Value]:
    if kind == "money":
        return money(text, language)
    if kind == "percent":
        return percentages(text)
    if kind == "duration":
        return durations(text, language)
    if kind == "time":
        return times(text, language)
    if kind == "date":
        return dates(text, language)
    if kind == "number":
        return numbers(text, language)
    if kind == "contact":
        return contacts(text)
    if kind == "name":
        return names(text)
    if kind == "place":
        return [Value("place", town or land, territory=land) for town, land in places(text, language)]
    return []
