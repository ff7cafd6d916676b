"""Recognise page furniture (language menus, skip links, comment widgets) in captured web text."""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache

from assistant.data import read_text


@lru_cache(maxsize=1)
def _lines() -> tuple[str, ...]:
    text = read_text("boilerplate.txt")
    return tuple(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=1)
def _patterns() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{line})" for line in _lines()), re.IGNORECASE)


def patterns_digest() -> str:
    """A short fingerprint of the patterns: stored with the chunking parameters, so editing them re-chunks."""
    return hashlib.sha256("\n".join(_lines()).encode("utf-8")).hexdigest()[:12]


def is_boilerplate(paragraph: str) -> bool:
    """True when every non-empty line of ``paragraph`` is page furniture."""
    lines = [line.strip() for line in paragraph.splitlines() if line.strip()]
    return bool(lines) and all(_patterns().fullmatch(line) for line in lines)
