"""A question before it is searched: cleaned (control characters, whitespace, length, shouting), and a
short follow-up ("and in Latvia?") joined to the question before it."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import Literal

_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class CleanQuestion:
    text: str
    truncated: bool = False

    @property
    def empty(self) -> bool:
        """Nothing to search for: no letter and no digit ("", "???", "…")."""
        return not any(ch.isalnum() for ch in self.text)


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


# Words that open a follow-up in the supported languages ("and", "what about", "also"); the Arabic "and" is written
# onto the next word ("وماذا عن …", "وفي …").
_FOLLOW_UP = re.compile(
    r"^(and|what about|how about|also|og|hvad med|hva med|och|hur är det med|ja|entä|ent|un|o|ir|und|i|a|а|і|и|و"
    r"|و(?:ماذا|ما|في|هل|كم|متى|أين|اين|كيف|عن|بالنسبة)|ama|iyo|ከ|እሞ)\b",
    re.IGNORECASE,
)
MAX_FOLLOW_UP_WORDS = 5
# Singular third-person pronouns that point back to the question before ("And what is her e-mail address?", "Und
# wie ist ihre Telefonnummer?"), per language. Plural ones are left out ("Can refugees bring their children?" points
# within itself), and so are words that are other words too: the Arabic "هو" is also "is" ("ما هو …"), the German
# "Ihre" (capitalised) is "your", so German is read as written.
_POINTS_BACK = {
    "en": r"her|his|its|him|she|he",
    "da": r"hendes|hans|hun|han",
    "nb": r"hennes|hans|hun|han",
    "sv": r"hennes|hans|hon|han",
    "is": r"hennar|hans|hún|hann",
    "fi": r"hänen|hän|häneen|häneltä|hänelle",
    "et": r"tema|temaga|temale",
    "lv": r"viņa|viņas|viņai|viņam",
    "lt": r"jos|jo|ji|jis|jam|jai|ją|ja|juo",
    "de": r"ihre|ihren|ihrer|ihrem|ihm|seine|seinen|seiner|seinem|sie|er",
    "pl": r"jej|jego|niej|niego|nią|nim|ona|on",
    "uk": r"її|його|неї|нього|ним|нею|вона|він",
    "ru": r"её|ее|его|неё|нее|него|ним|ней|она|он",
    "fa": r"او",
    "so": r"iyada|isaga|kiisa|keeda",
    "ti": r"ንሳ|ንሱ|ናታ|ናቱ",
}
MAX_POINTING_WORDS = 8


MAX_BARE_FOLLOW_UP_WORDS = 3
MAX_OPEN_FOLLOW_UP_WORDS = 6


def names_something(question: str) -> bool:
    """Does the question name its own subject: a number, a capitalised word after the first, or (in a
    question not written in Latin letters) a Latin-script name?"""
    latin = sum(1 for ch in question if ch.isascii() and ch.isalpha())
    letters = sum(1 for ch in question if ch.isalpha())
    if latin and latin < letters / 2:
        return True
    return bool(re.search(r"\d|\s[A-ZÀ-ÞĀ-Ž]", question.strip()))


def points_back(question: str, language: str) -> bool:
    """A question of at most eight words with a third-person pronoun of ``language`` ("And what is her e-mail
    address?"): it asks about someone or something named before."""
    pattern = _POINTS_BACK.get(language)
    words = question.split()
    flags = 0 if language == "de" else re.IGNORECASE
    return bool(pattern and len(words) <= MAX_POINTING_WORDS and re.search(rf"(?<!\w)(?:{pattern})(?!\w)", question, flags))


def is_follow_up(question: str, language: str = "") -> bool:
    """A short question that leans on the one before it: it opens with "and", "what about" (in any of the
    languages; up to eight words when it names nothing), it is at most three words long and names nothing ("When was it?", "А коли це було?"), or
    (``language`` given) it points back with a pronoun ("And what is her e-mail address?")."""
    words = question.strip().split()
    if language and points_back(question, language):
        return True
    opens = bool(_FOLLOW_UP.match(question.strip()))
    if opens and len(words) <= MAX_POINTING_WORDS and not names_something(question):
        return True  # "А до какого числа можно записаться?": "and", nothing named, up to eight words
    if not words or len(words) > MAX_FOLLOW_UP_WORDS:
        return False
    return opens or (len(words) <= MAX_BARE_FOLLOW_UP_WORDS and not names_something(question))


def contextual_question(previous: list[str], question: str, language: str = "") -> str:
    """The text to retrieve with: the previous question joined to a short follow-up, else the question itself."""
    if not (previous and is_follow_up(question, language)):
        return question
    return joined_question(previous, question)


def joined_question(previous: list[str], question: str) -> str:
    return f"{previous[-1]} {question.strip()}" if previous else question


def may_follow_up(previous: list[str], question: str, language: str = "") -> bool:
    """A short question after another that the rules of ``is_follow_up`` do not tell ("Wie viele
    Kommunen?", "Aga Eestis?"): it is searched both alone and joined to the one before it."""
    return bool(previous) and not is_follow_up(question, language) and len(question.split()) <= MAX_OPEN_FOLLOW_UP_WORDS


@cache
def joining_word(language: str, style: Literal["or", "standard"] = "or") -> str:
    """The word a language joins two alternatives with (CLDR's "or" list pattern: "eller", "або", "یا"), or
    two items (``style="standard"``: "og", "і")."""
    from babel.lists import format_list

    from assistant.languages.locale import babel_locale

    try:
        joined = str(format_list(["\x01", "\x02"], style=style, locale=babel_locale(language)))
    except (ValueError, LookupError):
        return ""
    word = joined.partition("\x01")[2].partition("\x02")[0].strip(" ,")
    return word if word.isalpha() else ""  # the Arabic "و" is written onto the next word: no word of its own


_SENTENCE_END = re.compile(r"[.!?;؟።]\s")


def alternatives(question: str, language: str, style: Literal["or", "standard"] = "or") -> tuple[str, str] | None:
    """A question about two things ("… in Sweden or in Denmark?"): the text before its last "or" (or "and",
    ``style="standard"``) and the text after it, within the sentence that holds it; None when it has none.
    The word is the question's language's (CLDR), so a Latvian or Lithuanian question particle opening the
    sentence ("Vai …", "Ar …") is no alternative: it has no text before it."""
    word = joining_word(language, style)
    if not word:
        return None
    found = list(re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", question, re.IGNORECASE))
    if not found:
        return None
    last = found[-1]
    before, after = question[: last.start()], question[last.end() :]
    ends = list(_SENTENCE_END.finditer(before))
    if ends:
        before = before[ends[-1].end() :]
    before, after = before.strip(" ,:–-"), after.strip()
    if len(before.split()) < 2 or not any(ch.isalnum() for ch in after):
        return None
    return before, after
