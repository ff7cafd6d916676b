"""Follow-up questions: "and in Latvia?" is retrieved together with the previous question."""

from __future__ import annotations

import re

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
    """The text to retrieve with: the previous question joined to a short follow-up, else the question itself."""
    if not (previous and is_follow_up(question)):
        return question
    return f"{previous[-1]} {question.strip()}"
