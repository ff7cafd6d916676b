"""Clean a question before it reaches the pipeline: control characters, whitespace, length."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class CleanQuestion:
    text: str
    truncated: bool = False

    @property
    def empty(self) -> bool:
        return not self.text


def clean_question(raw: str | None, max_chars: int = 2000) -> CleanQuestion:
    """Drop control/format characters (NUL included), collapse whitespace, cut at ``max_chars``."""
    if not raw:
        return CleanQuestion("")
    kept = "".join(
        " " if ch.isspace() else ch
        for ch in raw
        if ch.isspace() or unicodedata.category(ch)[0] != "C" or ch in "\u200c\u200d"  # keep ZWNJ/ZWJ (Persian)
    )
    text = _SPACES.sub(" ", kept).strip()
    text = unshout(text)
    if len(text) > max_chars:
        cut = text[:max_chars]
        space = cut.rfind(" ")
        return CleanQuestion(cut[:space] if space > max_chars * 0.8 else cut, truncated=True)
    return CleanQuestion(text)


def unshout(text: str) -> str:
    """'WHO ORGANISED THE WEBINAR?' -> 'Who organised the webinar?' (capitals everywhere confuse the embedder)."""
    cased = [ch for ch in text if ch.isupper() or ch.islower()]
    if len(text.split()) < 3 or len(cased) < 8 or sum(ch.isupper() for ch in cased) < 0.8 * len(cased):
        return text
    lowered = text.lower()
    return lowered[:1].upper() + lowered[1:]
