"""Follow-up questions: "and in Latvia?" is retrieved together with the previous question."""

from __future__ import annotations

import re

from assistant.countries import names_any_country, without_countries

# Words that open a follow-up in the supported languages ("and", "what about", "also").
_FOLLOW_UP = re.compile(
    r"^(and|what about|how about|also|og|hvad med|hva med|och|hur är det med|ja|entä|ent|un|o|ir|und|i|a|а|і|и|و|ama|iyo|ከ|እሞ)\b",
    re.IGNORECASE,
)
MAX_FOLLOW_UP_WORDS = 5


def is_follow_up(question: str) -> bool:
    words = question.strip().split()
    return bool(words) and len(words) <= MAX_FOLLOW_UP_WORDS and bool(_FOLLOW_UP.match(question.strip()))


def contextual_question(previous: list[str], question: str) -> str:
    """The text to retrieve with: the previous question joined to a short follow-up, else the question itself.
    A follow-up that names a country ("And in Sweden?", "Og i Sverige?") replaces the countries of the
    previous question ("Which Danish municipalities …?"), which would keep answers about Denmark eligible."""
    if not (previous and is_follow_up(question)):
        return question
    earlier = without_countries(previous[-1]) if names_any_country(question) else previous[-1]
    return f"{earlier} {question.strip()}"
