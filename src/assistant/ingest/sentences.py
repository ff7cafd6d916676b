"""Split text into sentences with character spans (script-agnostic, no models)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.answer.kinds import is_month  # month names of the source languages (data/value_patterns.json)

# A sentence ends at . ! ? … or their Arabic/Ethiopic forms, followed by space and a letter that is not lower
# case (a capital, or a script without case) or a quote/bracket; or at a line break. Abbreviations such as
# "t.ex." or "38.000 kr. á ári" rarely precede a capital; a single lower-case letter before the period is one too
# ("z. B.", "d. h."; "kurs C." ends its sentence).
_END = re.compile(r"(?<=[.!?…؟።፧])[\"'”’»)\]]*\s+(?=[\"'“‘«(\[]?(?P<next>[^\W\d_]))|\n+")
_LETTER_ABBREVIATION = re.compile(r"(?<![^\W\d_])(?P<letter>[^\W\d_])\.$")
_ABBREVIATION = re.compile(
    r"(?:\b(?:bl\.a|t\.ex|f\.eks|m\.fl|dvs|ca|nr|d|g|pvz|pl|dr|mr|mrs|st|sct|skt|vs|e\.g|i\.e)\.)$", re.IGNORECASE
)


_ORDINAL = re.compile(r"(?<![\d.])\d{1,2}\.$")
_WORD = re.compile(r"[^\W\d_]+")


def _ordinal_date(before: str, after: str) -> bool:
    """ "bis spätestens 10. April 2026": a day written as an ordinal before a month's name is no sentence end."""
    word = _WORD.match(after)
    return bool(_ORDINAL.search(before)) and word is not None and is_month(word.group(0))


def _letter_abbreviation(before: str) -> bool:
    """ "z." of "z. B.": a single lower-case letter before the period."""
    match = _LETTER_ABBREVIATION.search(before)
    return match is not None and match.group("letter").islower()


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int
    end: int


def split_sentences(text: str, offset: int = 0) -> list[Sentence]:
    """Sentences of ``text`` whose spans index into the original (``offset`` added)."""
    sentences: list[Sentence] = []
    start = 0
    for match in _END.finditer(text):
        candidate = text[start : match.start()]
        if "\n" not in match.group(0) and (
            match.group("next").islower()
            or _ABBREVIATION.search(candidate)
            or _letter_abbreviation(candidate)
            or _ordinal_date(candidate, text[match.end() :])
        ):
            continue
        _append(sentences, text, start, match.start(), offset)
        start = match.end()
    _append(sentences, text, start, len(text), offset)
    return sentences


def _append(sentences: list[Sentence], text: str, start: int, end: int, offset: int) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if not stripped:
        return
    lead = len(piece) - len(piece.lstrip())
    begin = start + lead
    sentences.append(Sentence(stripped, begin + offset, begin + len(stripped) + offset))
