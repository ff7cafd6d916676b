"""Split text into sentences with character spans (script-agnostic, no models)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.answer.kinds import is_month  # month names of the source languages (data/value_patterns.json)

# A sentence ends at . ! ? … or their Arabic/Ethiopic forms, followed by space and a capital/non-Latin letter
# or a quote/bracket; or at a line break. Abbreviations such as "t.ex." rarely precede a capital.
_END = re.compile(r"(?<=[.!?…؟።፧])[\"'”’»)\]]*\s+(?=[\"'“‘«(\[]?[^\W\d_a-z])|\n+")
_ABBREVIATION = re.compile(r"(?:\b(?:bl\.a|t\.ex|f\.eks|m\.fl|dvs|ca|nr|d|g|pvz|pl|dr|mr|mrs|st|vs|e\.g|i\.e)\.)$", re.IGNORECASE)


_ORDINAL = re.compile(r"(?<![\d.])\d{1,2}\.$")
_WORD = re.compile(r"[^\W\d_]+")


def _ordinal_date(before: str, after: str) -> bool:
    """ "bis spätestens 10. April 2026": a day written as an ordinal before a month's name is no sentence end."""
    word = _WORD.match(after)
    return bool(_ORDINAL.search(before)) and word is not None and is_month(word.group(0))


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
        if "\n" not in match.group(0) and (_ABBREVIATION.search(candidate) or _ordinal_date(candidate, text[match.end() :])):
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
