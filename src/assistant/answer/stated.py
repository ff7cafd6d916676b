"""What a source text states: a value as written and as understood, shared by the modules that find values
(``values``, ``dates``, ``weekdays``) and the one that renders them (``languages.locale``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

DASH = r"\s*[–—-]\s*"  # a dash between the ends of a range, spaced or not
# The word for "to" between the ends of a range in the source languages ("9.00 til 15.00", "Monday to Thursday",
# "von 10 bis 14", "no 18.00 līdz 19.30", "nuo … iki …", "kuni", "od … do …")
TO_WORD = r"(?:to|til|till|bis|līdz|iki|kuni|do)"


@dataclass(frozen=True)
class Value:
    """A value as found in a source text (``text`` as written) and as understood."""

    kind: str
    text: str
    number: float | None = None
    upper: float | None = None  # the end of a range of durations
    currency: str = ""
    unit: str = ""  # of a duration: year, month, week, day, hour
    upper_unit: str = ""
    day: dt.date | None = None
    until: dt.date | None = None  # the end of a period
    has_year: bool = True
    clock: tuple[dt.time, dt.time | None] | None = None
    territory: str = ""  # a country (its CLDR code), rendered in the asker's language
    per: str = ""  # of an amount: the unit of time it is paid by ("month" in "4 110 kr. om måneden")
    bound: str = ""  # "~", "≤", "≥", ">" or "<": what the words right before it say ("højst 3 måneder": "≤")
    days: tuple[int, ...] = ()  # of a time: the days of the week it holds on (0 = Monday): "Torsdag 9.30–11.30"
