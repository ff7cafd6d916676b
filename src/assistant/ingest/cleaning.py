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
    lines = [" ".join(line.split()) for line in paragraph.splitlines() if line.strip()]  # "kasulik?  Jah  Ei"
    return bool(lines) and all(_patterns().fullmatch(line) for line in lines)


_SWITCH_CELLS = re.compile(r"\s+[|/·•]\s+|\s*\|\s*| {2,}")
_CRUMB_SEPARATORS = re.compile(r"\s+(?:>|›|»|/|→)\s+")
_END_PUNCTUATION = tuple(".!?…:;,")
_DIGIT = re.compile(r"\d")  # a short line with a number (a street, a phone) is an address's, not a menu's


@lru_cache(maxsize=1)
def _language_names() -> frozenset[str]:
    """Every language's name in its own language and in the supported ones (CLDR through Babel), folded."""
    from babel import Locale, UnknownLocaleError

    from assistant.languages.detection import SUPPORTED

    names: set[str] = set()
    for display in {*SUPPORTED, "en"}:
        names.update(name.casefold() for name in Locale.parse(display).languages.values())
    for code in map(str, Locale.parse("en").languages):
        try:
            own = Locale.parse(code).get_display_name(code)
        except (UnknownLocaleError, ValueError):
            continue
        if own:
            names.add(own.casefold())
    return frozenset(names)


def is_language_switcher(line: str) -> bool:
    """ "Íslenska | English | Polski | العربية", "EST | ENG | РУС", "Suomeksi | På svenska | In English": a line
    of two or more cells, each a language's name (CLDR) or a code of two or three capitals, or a short phrase
    ending in a name ("På svenska")."""
    cells = [cell.strip() for cell in _SWITCH_CELLS.split(line.strip()) if cell.strip()]
    if len(cells) < 2:
        return False
    names = _language_names()

    def is_language(cell: str) -> bool:
        folded = cell.casefold()
        words = folded.split()
        return (
            (2 <= len(cell) <= 3 and cell.isalpha() and cell.isupper())
            or folded in names
            or (len(words) <= 3 and words[-1] in names)
        )

    return sum(is_language(cell) for cell in cells) >= max(2, len(cells) - 1)


def is_breadcrumb(line: str) -> bool:
    """ "Home > Work and education > Recognition", "Avaleht › Uudised › 2026": three or more short parts."""
    parts = _CRUMB_SEPARATORS.split(line.strip())
    return len(parts) >= 3 and all(0 < len(part.split()) <= 6 and not part.endswith(_END_PUNCTUATION) for part in parts)


_COPYRIGHT = re.compile(r"(?:©|\(c\) ?\d{4}|copyright\b).{0,200}", re.IGNORECASE)


_RULE = re.compile(r"[-=_*—–]{3,}")
_FOOTER_CELLS = re.compile(r"\s+\|\s+")


def before_footer(lines: list[str]) -> list[str]:
    """The lines of a paragraph above its page footer: a copyright line ("© 2026 …") and what follows it (privacy
    and cookie links) belong to the site, not the page, and so do the lines right above it that are a bar of
    three or more cells ("VšĮ „Tiltai į namus“ | Įmonės kodas … | Tel. +370 37 20 11 00"), furniture (a share
    line) or a horizontal rule."""
    for index, line in enumerate(lines):
        if _COPYRIGHT.fullmatch(line.strip()):
            while index and _footer_line(lines[index - 1].strip()):
                index -= 1
            return lines[:index]
    return lines


def _footer_line(line: str) -> bool:
    return len(_FOOTER_CELLS.split(line)) >= 3 or bool(_RULE.fullmatch(line)) or bool(_patterns().fullmatch(line))


_FORM_FIELD = re.compile(r"\[\s*_{3,}\s*\]")  # a captured search box: "Otsi: [__________] [Otsi]"


def is_page_furniture(paragraph: str) -> bool:
    """A block of a captured page's navigation: a language switcher, a breadcrumb trail, a form's text box or a
    furniture line ("Skip to content") among lines of at most four words without final punctuation or digits
    ("Menu", "Search") and menu bars ("Pärnu linn | Vallavalitsus | Teenused | Kontakt"), above the page's
    footer."""
    lines = before_footer([line.strip() for line in paragraph.splitlines() if line.strip()])
    marked = [
        is_language_switcher(line) or is_breadcrumb(line) or bool(_patterns().fullmatch(line) or _FORM_FIELD.search(line))
        for line in lines
    ]
    return any(marked) and all(
        mark
        or is_menu_bar(line, gap=2)
        or (len(line.split()) <= 4 and not line.endswith(_END_PUNCTUATION) and not _DIGIT.search(line))
        for mark, line in zip(marked, lines, strict=True)
    )


def is_menu_bar(line: str, gap: int = 3) -> bool:
    """Three or more short link texts in a row ("Home | Services | Contact", or ``gap`` spaces apart as a saved
    page writes them: "Avaleht   Teenused   Kontakt"; two beside a breadcrumb trail): each at most three words, none
    ending as a sentence does."""
    cells = [cell.strip() for cell in re.split(rf"\s+[|·•]\s+|\s{{{gap},}}", line.strip())]
    return len(cells) >= 3 and all(0 < len(cell.split()) <= 3 and not cell.endswith(_END_PUNCTUATION) for cell in cells)


_WORD_OF_FOUR = re.compile(r"[^\W\d_]{4,}")


def calm_capitals(text: str) -> str:
    """``text`` with each line written in capitals ("TÕLKETEENUS UUSSISSERÄNDAJATELE PÄRNUS", a heading typed so)
    in capitalised words ("Tõlketeenus Uussisserändajatele Pärnus"), for the embedder only: it reads capitals
    poorly (a Russian question about the page met its price row at 0.23 under the capitals title, 0.42 under the
    same title capitalised; docs/experiments.md). Lines with a lower-case letter or without a word of six letters
    ("ENIC/NARIC"), and words of three letters or fewer ("EU", "UDI"), stay as written."""
    if not any(ch.isupper() for ch in text):
        return text
    lines = text.split("\n")
    for i, line in enumerate(lines):
        words = _WORD_OF_FOUR.findall(line)
        if any(ch.islower() for ch in line) or not any(len(word) >= 6 for word in words):
            continue
        lines[i] = _WORD_OF_FOUR.sub(lambda match: match.group(0).capitalize(), line)
    return "\n".join(lines)
