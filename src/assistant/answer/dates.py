"""Dates and periods stated in a source text: with the month names CLDR gives for the source language (matched by
stem, so inflected forms such as "februāra" or "aprillil" are read), numeric dates day first, periods ("5.–9.
december 2022", "6.6.–9.8.2026", "vom 1. bis 31. Juli 2026"), and a day of every month as the source writes it."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from functools import cache

from assistant.answer.kinds import monthly_days
from assistant.answer.stated import DASH, Value

NUMERIC_DATE = re.compile(
    r"(?<![\d.])(?P<d>[0-3]?\d)[./](?P<m>[01]?\d)[./](?P<y>(?:19|20)\d{2})(?!\d)|(?P<iy>(?:19|20)\d{2})-(?P<im>[01]\d)-(?P<id>[0-3]\d)"
)


@cache
def month_names(code: str) -> tuple[tuple[str, str, int, str], ...]:
    """(context, width, month, name) of every month name CLDR gives language ``code`` (through Babel), in the
    format and stand-alone contexts, wide and abbreviated; () for a code Babel does not know."""
    from babel import Locale

    try:
        locale = Locale.parse(code)
    except (ValueError, LookupError):
        return ()
    return tuple(
        (context, width, int(number), name)
        for context in ("format", "stand-alone")
        for width in ("wide", "abbreviated")
        for number, name in locale.months[context][width].items()
    )


@cache
def _months(language: str) -> list[tuple[str, int, bool]]:
    """(form, month, stem) for the month names of ``language`` (CLDR, wide and abbreviated, both contexts) and
    of English, longest first. A wide name is matched by its stem (the name less its last two letters, keeping
    four), so inflected forms such as "februāra" or "maijā" are read; an abbreviation only as a whole word
    (with or without its dot), so "bal." (balandis) is not read in "balų" nor the stem "mai" in "maiņa"."""
    forms: dict[str, tuple[int, bool]] = {}
    for code in dict.fromkeys([language, "en"] if language else ["en"]):
        for _, width, number, written in month_names(code):
            name = written.casefold().rstrip(".")
            if width == "wide":
                forms[name[: max(4, len(name) - 2)]] = (number, True)
            elif len(name) >= 3:
                forms.setdefault(name, (number, False))
    return sorted(((form, month, stem) for form, (month, stem) in forms.items()), key=lambda item: -len(item[0]))


@cache
def _month_regex(language: str) -> re.Pattern[str]:
    months = _months(language)
    stems = "|".join(re.escape(form) for form, _, stem in months if stem)
    whole = "|".join(re.escape(form) for form, _, stem in months if not stem)
    alternatives = "|".join(part for part in (stems and rf"(?:{stems})\w*", whole and rf"(?:{whole})(?!\w)") if part)
    day = r"(?P<d1>[0-3]?\d)\.?(?:(?:" + DASH + r"|\s+(?:bis|til|till|to|until|kuni|līdz|iki|asti)\s+)(?P<d2>[0-3]?\d)\.?)?"
    year = r"(?P<y>(?:19|20)\d{2})"
    return re.compile(
        rf"(?<!\w)(?:"
        rf"{year}\.?\s*(?:gada|m\.)\s*(?:(?P<ld>[0-3]?\d)\.\s*)?(?P<lm>{alternatives})\.?(?:\s*(?P<ld2>[0-3]?\d)(?:{DASH}(?P<ld3>[0-3]?\d))?\s*d\.?)?"
        rf"|{day}\s*(?:de\s+)?(?P<m1>{alternatives})\.?(?:,?\s*(?P<y1>(?:19|20)\d{{2}}))?"
        rf"|(?P<m2>{alternatives})\.?\s+(?P<d3>[0-3]?\d)(?:st|nd|rd|th)?(?:,?\s*(?P<y2>(?:19|20)\d{{2}}))?"
        rf")(?!\w)",
        re.IGNORECASE,
    )


def _month_number(name: str, language: str) -> int | None:
    folded = name.casefold()
    months = _months(language)
    return next((month for form, month, stem in months if folded.startswith(form) and (stem or folded == form)), None)


@cache
def _writes_months_lower_case(language: str) -> bool:
    """Does ``language`` write the names of months lower-case (CLDR: "vasario", not "February")?"""
    from babel import Locale

    try:
        names = Locale.parse(language).months["format"]["wide"].values()
    except (ValueError, LookupError):
        return False
    return all(name == name.lower() for name in names)


def _named_after(text: str, start: int, language: str) -> bool:
    """A capitalised month name inside a sentence of a language that writes months lower-case begins a name: the
    Lithuanian street "Vasario 16-osios g." (16 February Street) is no date."""
    before = text[:start].rstrip()
    return text[start].isupper() and _writes_months_lower_case(language) and bool(before) and before[-1] not in ".!?:;|(\n"


def month_dates(text: str, language: str) -> list[tuple[re.Match[str], dt.date | None, dt.date | None]]:
    found: list[tuple[re.Match[str], dt.date | None, dt.date | None]] = []
    for match in _month_regex(language).finditer(text):
        groups = match.groupdict()
        name = groups["lm"] or groups["m1"] or groups["m2"]
        month = _month_number(name, language) if name else None
        day_text = groups["ld"] or groups["ld2"] or groups["d1"] or groups["d3"]
        end_text = groups["ld3"] or groups["d2"]
        year_text = groups["y"] or groups["y1"] or groups["y2"]
        if month is None or day_text is None or (groups["m2"] and _named_after(text, match.start("m2"), language)):
            continue
        year = int(year_text) if year_text else 1900
        try:
            start = dt.date(year, month, int(day_text))
            end = dt.date(year, month, int(end_text)) if end_text else None
        except ValueError:
            continue
        found.append((match, start, end))
    return found


def dates(text: str, language: str) -> list[Value]:
    found: list[tuple[int, Value]] = []
    for match, start, end in month_dates(text, language):
        has_year = start is not None and start.year != 1900
        found.append((match.start(), Value("date", match.group(0).strip(), day=start, until=end, has_year=has_year)))
    for match in NUMERIC_DATE.finditer(text):
        try:
            if match.group("y"):
                day = dt.date(int(match.group("y")), int(match.group("m")), int(match.group("d")))
            else:
                day = dt.date(int(match.group("iy")), int(match.group("im")), int(match.group("id")))
        except ValueError:
            continue
        found.append((match.start(), Value("date", match.group(0), day=day)))
    found = _numeric_periods(text, found)
    if not found:  # a day of every month ("20. hver måned") has no calendar date: stated as the source writes it
        found = [(match.start(), Value("date", match.group(0).strip(), has_year=False)) for match in monthly_days(text)]
    found.sort(key=lambda pair: pair[0])
    values = [value for _, value in found]
    return _periods(text, values)


_DAY_MONTH_BEFORE = re.compile(rf"(?<![\d.])(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.?{DASH}$")  # "6.6.–" before "9.8.2026"


def _numeric_periods(text: str, found: list[tuple[int, Value]]) -> list[tuple[int, Value]]:
    """A day and month without a year right before a dash and a whole numeric date ("6.6.–9.8.2026") begin a
    period that ends on that date, in its year."""
    periods = []
    for at, value in found:
        before = _DAY_MONTH_BEFORE.search(text, max(0, at - 12), at) if value.day is not None and value.until is None else None
        if before is not None and value.day is not None:
            try:
                start = dt.date(value.day.year, int(before.group("m")), int(before.group("d")))
            except ValueError:
                start = None
            if start is not None and start < value.day:
                periods.append(
                    (before.start(), replace(value, text=text[before.start() : at] + value.text, day=start, until=value.day))
                )
                continue
        periods.append((at, value))
    return periods


def _periods(text: str, values: list[Value]) -> list[Value]:
    """Two dates joined by a dash, "to", "til", "līdz", "iki" … are one period."""
    if len(values) == 2 and values[0].day is not None and values[1].day is not None:
        first, second = values
        assert first.day is not None and second.day is not None
        between = text[text.find(first.text) + len(first.text) : text.find(second.text)]
        if len(between) <= 12 and re.fullmatch(
            r"\s*(?:[–—-]|to|til|till|until|bis|kuni|līdz|iki|asti)\s*", between, re.IGNORECASE
        ):
            start, end = first.day, second.day
            if not first.has_year and second.has_year:
                start = start.replace(year=end.year)
            elif first.has_year and not second.has_year:
                end = end.replace(year=start.year)
            has_year = first.has_year or second.has_year
            return [Value("date", f"{first.text}{between}{second.text}", day=start, until=end, has_year=has_year)]
    return values
