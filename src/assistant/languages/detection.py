"""Language identification of questions and documents (lingua, restricted to the supported languages)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from assistant.data import read_json

# Query languages the product supports (ISO 639-1). Tigrinya has no detector: Ethiopic script means "ti".
SUPPORTED = (
    "da",
    "sv",
    "nb",
    "is",
    "fi",
    "et",
    "lv",
    "lt",
    "en",
    "de",
    "pl",
    "uk",
    "ru",
    "ar",
    "fa",
    "so",
    "ti",
)
ETHIOPIC = re.compile(r"[\u1200-\u137F\u1380-\u139F\u2D80-\u2DDF\uAB00-\uAB2F]")
LETTER = re.compile(r"[^\W\d_]")
MIN_CONFIDENCE = 0.2
SHORT_TEXT_CONFIDENCE = 0.9
# Icelandic written without ð, þ or an acute vowel only when the detector is this sure ("Hvert er netfang …?"; it
# gives "Hvem er Dagfinn Høybråten?" 0.31)
CLEARLY_ICELANDIC = 0.5
_WORD = re.compile(r"\S+")
CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_CYRILLIC_WORD = re.compile(r"[\u0400-\u04FF']+")
ICELANDIC_LETTERS = re.compile(r"[ðþáíóúý]", re.IGNORECASE)
UKRAINIAN_LETTERS = re.compile(r"[ґєії]")
RUSSIAN_LETTERS = re.compile(r"[ёыэъ]")
NEAR_TIE = 0.8  # the detector's second language this close to its first: the question words decide between them
SHORT_QUESTION_WORDS = 6  # up to this many words (names left out), question words decide
KEPT_LANGUAGE_SHARE = 0.5  # a short follow-up keeps the conversation's language at this share of the best score
# The letters beyond ASCII each Latin-script language writes: a question with 'ā' is not Lithuanian even
# when its first word is the Lithuanian question particle 'ar' (in Latvian, 'with').
LATIN_LETTERS = {
    "da": "æøåé",
    "nb": "æøåéóòô",
    "sv": "åäöé",
    "is": "áðéíóúýþæö",
    "fi": "äöåšž",
    "et": "õäöüšž",
    "lv": "āčēģīķļņšūž",
    "lt": "ąčęėįšųūž",
    "de": "äöüß",
    "pl": "ąćęłńóśźż",
}
_LOWER_WORD = re.compile(r"[^\W\d_]+")


_QUOTED = re.compile(r"\([^()]*\)|„[^“”\"]*[“”\"]|«[^»]*»|“[^”]*”|\"[^\"]*\"")


def without_names(text: str, is_name: Callable[[str], bool] | None = None, tails: bool = False) -> str:
    """Drop the words that name things rather than show the asker's language: names such as 'Dagfinn
    Høybråten' carry letters (ø, å) that outvote the asker's own words. Dropped: capitalised words after the
    first, a short lower-case word between two of them ('Tent Partnership *for* Refugees'), with ``tails``
    a lower-case word with letters beyond ASCII right after one ('Nordens *välfärdscenter*'), words
    ``is_name`` knows as names (the corpus's own, so a lower-cased 'ewa persson göransson' goes too), and
    Latin-script words in a question mostly in another script ('ما هي مبادرة Cities #WithRefugees؟'), and
    what stands in brackets or quotation marks, the source's own terms ('lacagta guriga (bostadsersättning)',
    'Orientierungskurs „Iepazīsti Latviju“'). Kept as is when fewer than two words would remain."""
    unquoted = _QUOTED.sub(" ", text)
    if len(_WORD.findall(unquoted)) >= 2:
        text = unquoted
    words = _WORD.findall(text)
    scripts = [all(is_latin(ch) for ch in LETTER.findall(w)) for w in words if LETTER.search(w)]
    other_script = scripts.count(False) >= scripts.count(True)

    def naming(i: int, word: str) -> bool:
        if other_script and any(is_latin(ch) for ch in LETTER.findall(word)):
            return True
        return i > 0 and (word[:1].isupper() or (is_name is not None and is_name(word)))

    named = [naming(i, w) for i, w in enumerate(words)]
    for i in range(1, len(words) - 1):
        if not named[i] and len(words[i]) <= 3 and named[i - 1] and named[i + 1] and words[i - 1][:1].isupper():
            named[i] = True
    for i in range(1, len(words)):  # 'Nordens välfärdscenter': a name's lower-case word in its own language
        if tails and not named[i] and named[i - 1] and words[i - 1][:1].isupper() and not other_script:
            named[i] = any(not ch.isascii() for ch in LETTER.findall(words[i]))
    kept = [w for w, dropped in zip(words, named, strict=True) if not dropped]
    if other_script and kept:
        return " ".join(kept)  # 'Nordregio چیست؟': one Persian word says more than the name
    return " ".join(kept) if len(kept) >= 2 else text


# The scripts the supported languages are written in: Latin, Cyrillic, Arabic (with Persian) and Ethiopic.
_SUPPORTED_SCRIPT = re.compile(
    r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff\u0400-\u052f\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff"
    r"\u1200-\u139f\u2d80-\u2ddf\uab00-\uab2f]"
)


def unsupported_script(text: str) -> bool:
    """Are most of the question's letters in a script none of the supported languages is written in (Chinese,
    Thai, Hindi…)? The question is still answered, with a word that its language is not supported."""
    letters = LETTER.findall(text)
    return bool(letters) and sum(1 for ch in letters if not _SUPPORTED_SCRIPT.match(ch)) > len(letters) / 2


def is_latin(ch: str) -> bool:
    """A letter of the Latin script (ASCII and the Latin-1 / Latin Extended-A and -B blocks)."""
    return ch.isascii() or "\u00c0" <= ch <= "\u024f"


@lru_cache(maxsize=1)
def _detector() -> Any:
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    codes = [code for code in SUPPORTED if code != "ti"]
    languages = [Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper())) for code in codes]
    return LanguageDetectorBuilder.from_languages(*languages).build()


def detect_language(
    text: str, fallback: str = "en", is_name: Callable[[str], bool] | None = None, continuing: bool = False
) -> str:
    """Best guess of ``text``'s language among SUPPORTED; ``fallback`` when there is too little to go on.
    ``is_name`` tells the corpus's names, which are left out of the evidence. ``continuing``: ``text``
    follows an earlier question in ``fallback``'s language, which a short question keeps unless it is
    clearly in another ("А в Литве?" after a Russian question is Russian, "Och i Finland?" after a Swedish
    one Swedish)."""
    letters = LETTER.findall(text)
    if not letters:
        return fallback
    ethiopic = len(ETHIOPIC.findall(text))
    if ethiopic and ethiopic >= len(letters) / 3:
        return "ti"
    sample = text[:2000]
    stripped = name_tails_dropped(sample, without_names(sample, is_name), is_name)
    short = len(sample.split()) <= SHORT_QUESTION_WORDS
    cyrillic = cyrillic_language(stripped) or cyrillic_language(sample)  # "Латвії" is a name in Ukrainian spelling
    if len(CYRILLIC.findall(stripped)) >= len(LETTER.findall(stripped)) / 2:
        if cyrillic is not None:
            return cyrillic
        if continuing and fallback in ("uk", "ru"):
            return fallback
    if len(stripped.split()) <= SHORT_QUESTION_WORDS:
        by_words = question_word_language(stripped)
        if by_words is not None and (by_words != "is" or ICELANDIC_LETTERS.search(sample)):
            return by_words
    values = _confidences(stripped)
    if stripped != sample and max(values.values(), default=0.0) < MIN_CONFIDENCE * 0.75:
        values = _confidences(sample)  # too little left without the names
    if not ICELANDIC_LETTERS.search(sample) and values.get("is", 0.0) < CLEARLY_ICELANDIC:
        values.pop("is", None)  # Icelandic without ð, þ or an acute vowel: short Danish/Norwegian ("Hvem er …?")
    ranked = sorted(values.items(), key=lambda item: -item[1])
    if continuing and short and ranked and values.get(fallback, 0.0) >= ranked[0][1] * KEPT_LANGUAGE_SHARE:
        return fallback
    if not ranked or ranked[0][1] < MIN_CONFIDENCE:
        return fallback
    if len(ranked) > 1 and ranked[1][1] >= ranked[0][1] * NEAR_TIE:  # "Hva koster et månedskort …": da 0.40, nb 0.40
        by_words = question_word_language(stripped)
        if by_words in (ranked[0][0], ranked[1][0]):
            return str(by_words)
    latin = sum(1 for ch in letters if is_latin(ch))
    if len(text.split()) <= 2 and latin == len(letters) and ranked[0][1] < SHORT_TEXT_CONFIDENCE:
        return fallback  # "IKEA?" says nothing about the asker's language
    return ranked[0][0]


def name_tails_dropped(sample: str, stripped: str, is_name: Callable[[str], bool] | None) -> str:
    """``stripped`` without the lower-case words that continue a name ('Who is the director of Nordens
    välfärdscenter?') when their letters beyond ASCII are letters no language the rest of the question may be
    in writes (its question words', else those lingua rates at least half as likely as the best); kept when
    one does ('Hvilke organisationer i Sverige mødes …' may be Danish)."""
    tailless = without_names(sample, is_name, tails=True)
    if tailless == stripped:
        return stripped
    foreign = {ch for ch in stripped.casefold() if not ch.isascii() and is_latin(ch)}
    foreign -= {ch for ch in tailless.casefold() if not ch.isascii()}
    by_words = question_word_language(tailless)
    if by_words is not None:
        plausible = {by_words}
    else:
        values = _confidences(tailless)
        top = max(values.values(), default=0.0)
        plausible = {code for code, value in values.items() if value >= top / 2}
    writes = any(foreign <= set(LATIN_LETTERS.get(code, "")) for code in plausible)
    return stripped if writes else tailless


def cyrillic_language(text: str) -> str | None:
    """Ukrainian or Russian from letters and words only one of them has ('і', 'ї', 'є', 'ґ', 'що' against
    'ы', 'э', 'ё', 'что'); None when there are none or both. Short questions such as 'Що таке IKEA?' are
    otherwise read as Russian."""
    lowered = text.casefold()
    words = set(_CYRILLIC_WORD.findall(lowered))
    ukrainian = bool(UKRAINIAN_LETTERS.search(lowered)) or bool(words & _question_words()["uk"])
    russian = bool(RUSSIAN_LETTERS.search(lowered)) or bool(words & _question_words()["ru"])
    if ukrainian == russian:
        return None
    return "uk" if ukrainian else "ru"


def question_word_language(text: str) -> str | None:
    """The one language whose question words and copulas (``data/question_words.json``) ``text`` uses
    most: 'Kas ir …?' is Latvian, 'Kas yra …?' Lithuanian, 'Hva er …?' Norwegian. A language whose alphabet
    lacks a letter of the text's lower-case words gets no vote. None on a tie or none: 'Hvem er …?' may be Danish or
    Norwegian."""
    words = _LOWER_WORD.findall(text.casefold())
    lower_case = "".join(w for w in _LOWER_WORD.findall(text) if w.islower())  # names and all-caps don't count
    letters = {ch for ch in lower_case if not ch.isascii() and is_latin(ch)}
    voters = {code: vocabulary for code, vocabulary in _question_words().items() if letters <= set(LATIN_LETTERS.get(code, ""))}
    counts = Counter(code for word in words for code, vocabulary in voters.items() if word in vocabulary)
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def is_question_word(word: str) -> bool:
    """A question word or copula of any language ('hvad', 'ir', 'що')."""
    folded = word.casefold()
    return any(folded in vocabulary for vocabulary in _question_words().values())


@lru_cache(maxsize=1)
def _question_words() -> dict[str, frozenset[str]]:
    raw = read_json("question_words.json")
    return {code: frozenset(words) for code, words in raw.items() if not code.startswith("_")}


def _confidences(text: str) -> dict[str, float]:
    return {
        str(value.language.iso_code_639_1.name.lower()): float(value.value)
        for value in _detector().compute_language_confidence_values(text)
    }


def browser_language(header: str | None) -> str | None:
    """The first supported language of a browser's ``Accept-Language`` header, by preference ("ar,en-US;q=0.9" →
    "ar", "de-DE,nn;q=0.8" → "de", "zh-CN" → None)."""
    ranked = []
    for position, part in enumerate((header or "").split(",")):
        tag, _, weight = part.strip().partition(";q=")
        try:
            quality = float(weight) if weight else 1.0
        except ValueError:
            continue
        ranked.append((-quality, position, tag.strip()))
    for _, _, tag in sorted(ranked):
        if tag != "*" and (code := normalise_code(tag)) is not None:
            return code
    return None


def normalise_code(code: str | None) -> str | None:
    """Map user input such as 'NO', 'nn', 'uk-UA' to a supported code, or None."""
    if not code:
        return None
    short = code.strip().lower().replace("_", "-").split("-")[0]
    short = {"no": "nb", "nn": "nb", "ua": "uk", "per": "fa"}.get(short, short)
    return short if short in SUPPORTED else None
