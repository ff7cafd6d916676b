"""Interface and answer texts in every supported language, from one data file in the package."""

from __future__ import annotations

from functools import lru_cache

from assistant.data import read_json

FALLBACK = "en"


@lru_cache(maxsize=1)
def catalogue() -> dict[str, dict[str, str]]:
    data: dict[str, dict[str, str]] = read_json("messages.json")
    return data


def message(key: str, language: str, **values: object) -> str:
    """The text for ``key`` in ``language`` (English when that language lacks it)."""
    texts = catalogue()
    template = texts.get(language, {}).get(key) or texts[FALLBACK][key]
    return template.format(**values) if values else template
