"""Values, language names and country names in the asker's language, from CLDR through Babel.

"12 500 kr." on a Danish page becomes "12 500 датських крон" for a Ukrainian asker, "22 måneder" becomes
"22 місяці", "2026. gada 2. februāra" becomes "2 лютого 2026 р."; names, places and contact details are
kept as written. When CLDR lacks a pattern for a locale (some unit names), the next shorter form is used.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from functools import cache
from typing import Any

from assistant.answer.stated import Value

logger = logging.getLogger(__name__)


# English answers are read in Europe: CLDR's "English (Europe)" writes "24 February 2026" and "18:00" as the
# sources do, where plain "en" (American) would write "February 24, 2026" and "6:00 PM".
REGIONS = {"nb": "nb_NO", "en": "en_150"}


@cache
def babel_locale(code: str) -> Any:
    from babel import Locale

    return Locale.parse(REGIONS.get(code, code))


def listed(items: list[str], asker: str) -> str:
    """Items joined as the asker's language writes a list (CLDR: "латиська та данська", "لتونیایی و دانمارکی")."""
    from babel.lists import format_list

    try:
        return str(format_list(items, style="standard", locale=babel_locale(asker)))
    except (ValueError, LookupError):
        return ", ".join(items)


def language_name(code: str, asker: str) -> str:
    """ "lv" for a Ukrainian asker: "латиська"."""
    try:
        name = babel_locale(asker).languages.get(code) or babel_locale("en").languages.get(code) or code
    except (ValueError, LookupError):
        return code
    return str(name)


def country_name(code: str, asker: str) -> str:
    """An ISO country code ("LV") in the asker's language ("Латвія")."""
    try:
        return str(babel_locale(asker).territories.get(code.upper()) or code)
    except (ValueError, LookupError):
        return code


def _number(value: float, asker: str) -> str:
    from babel.numbers import format_decimal

    return str(format_decimal(value, format="#,##0.##", locale=babel_locale(asker)))


def _money(value: Value, asker: str) -> str:
    from babel.numbers import format_currency, format_decimal

    assert value.number is not None
    whole = float(value.number).is_integer()
    if value.upper is not None:  # "610–680 євро": the range's ends, the currency named once
        whole = whole and float(value.upper).is_integer()
        high = format_currency(
            value.upper, value.currency, locale=babel_locale(asker), format_type="name", currency_digits=not whole
        )
        low = format_decimal(value.number, format="#,##0" if whole else "#,##0.00", locale=babel_locale(asker))
        return f"{low}–{high}"
    text = format_currency(
        value.number, value.currency, locale=babel_locale(asker), format_type="name", currency_digits=not whole
    )
    return str(text)


def _per(amount: str, unit: str, asker: str) -> str:
    """An amount paid by a unit of time, as CLDR writes the rate: "4 110 данських крон на місяць"."""
    from babel.units import format_compound_unit

    for length in ("long", "short"):
        text = format_compound_unit(amount, denominator_unit=f"duration-{unit}", length=length, locale=babel_locale(asker))
        if text and "duration-" not in text:
            return str(text)
    return amount


def _duration(amount: float, unit: str, asker: str) -> str:
    from babel.units import format_unit

    number = int(amount) if float(amount).is_integer() else amount
    digits = str(number).replace(".", "")
    for length in ("long", "short", "narrow"):
        text = str(format_unit(number, f"duration-{unit}", length=length, locale=babel_locale(asker)))
        # A form without the digits ("سنتان", two years) is right but hides the number the quote shows.
        if "duration-" not in text and digits in re.sub(r"[\s.,'’\u00a0\u202f]", "", text):  # "1 000 tuntia"
            # CLDR's Tigrinya month pattern reads "{0}/ኣዋርሕ": show it as a count, not a rate.
            return text.replace("/", " ") if text[:1].isdigit() else text
    return f"{_number(amount, asker)} {unit}"


def _date(day: dt.date, has_year: bool, asker: str) -> str:
    from babel.dates import format_date, format_skeleton

    locale = babel_locale(asker)
    return str(format_date(day, "long", locale=locale) if has_year else format_skeleton("MMMMd", day, locale=locale))


def _period(start: dt.date, end: dt.date, has_year: bool, asker: str) -> str:
    from babel.dates import format_interval

    try:
        return str(format_interval(start, end, "yMMMMd" if has_year else "MMMMd", locale=babel_locale(asker)))
    except (ValueError, KeyError):
        return f"{_date(start, has_year, asker)} – {_date(end, has_year, asker)}"


def _time(clock: tuple[dt.time, dt.time | None], asker: str) -> str:
    from babel.dates import format_time

    locale = babel_locale(asker)
    start = str(format_time(clock[0], "short", locale=locale))
    return start if clock[1] is None else f"{start}–{format_time(clock[1], 'short', locale=locale)}"


def _days(days: tuple[int, ...], asker: str) -> str:
    """Days of the week in the asker's language: three or more in a row as a range ("понеділок–четвер"), else
    listed ("tiistai ja torstai")."""
    from babel.lists import format_list

    names = babel_locale(asker).days["format"]["wide"]
    if len(days) >= 3 and days == tuple(range(days[0], days[-1] + 1)):
        return f"{names[days[0]]}–{names[days[-1]]}"
    return str(format_list([names[day] for day in days], style="standard", locale=babel_locale(asker)))


def render(value: Value, asker: str) -> str:
    """The value in the asker's language (as written when it has no locale form), after its bound when it has one
    ("≤ 3 місяці" for "højst 3 måneder"; "~" for "about" is CLDR's approximately sign in every language here)."""
    text = _rendered(value, asker)
    if not value.bound or value.bound in text[:2]:
        return text
    return f"{value.bound}{text}" if value.bound == "~" else f"{value.bound} {text}"


def _rendered(value: Value, asker: str) -> str:
    try:
        if value.kind == "money" and value.number is not None and value.currency:
            return _per(_money(value, asker), value.per, asker) if value.per else _money(value, asker)
        if value.kind == "percent" and value.number is not None:
            from babel.numbers import format_percent

            return str(format_percent(value.number / 100, format="#,##0.#%", locale=babel_locale(asker)))
        if value.kind == "number" and value.number is not None:
            return _number(value.number, asker)
        if value.kind == "duration" and value.number is not None and value.unit:
            if value.upper is not None and (value.upper_unit or value.unit) == value.unit:  # "4–6 місяців"
                return f"{_number(value.number, asker)}–{_duration(value.upper, value.unit, asker)}"
            text = _duration(value.number, value.unit, asker)
            if value.upper is not None:
                text += " – " + _duration(value.upper, value.upper_unit or value.unit, asker)
            return text
        if value.kind == "date" and value.day is not None:
            if value.until is not None and value.until != value.day:
                return _period(value.day, value.until, value.has_year, asker)
            return _date(value.day, value.has_year, asker)
        if value.kind == "time" and value.clock is not None:
            clock = _time(value.clock, asker)
            return f"{_days(value.days, asker)} {clock}" if value.days else clock
        if value.kind == "place" and value.territory:
            return str(babel_locale(asker).territories[value.territory])
    except (ValueError, KeyError, LookupError, AttributeError) as error:
        logger.debug("cannot render %r for %s: %s", value, asker, error)
    return value.text
