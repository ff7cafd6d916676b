"""Numbers that belong to an address, not to a count: a house number after a street's name ("Storgatan 21",
"Sodų g. 3", "Dzirnavu iela 12") and a postcode before a town ("Havnegade 14, 4780 Sølvhøj")."""

from __future__ import annotations

import re

# Street words written lower-case after the name, in the source languages (the name itself is capitalised):
# Latvian "iela", Lithuanian "g." / "gatvė" / "pr." / "al.", Estonian "tn" / "mnt" / "pst", Polish "ul.", "St."
_STREET_WORD = re.compile(
    r"(?:iela|g\.|gatvė|pr\.|al\.|tn\.?|tänav|mnt\.?|maantee|pst\.?|puiestee|ul\.|st\.|street|road|rd\.|str\.)$",
    re.IGNORECASE,
)
_HOUSE_THEN_COMMA = re.compile(r"\d+\s*[A-Za-z]?\s*,\s*$")  # "Havnegade 14, " before "4780 Sølvhøj"
_TOWN_AFTER = re.compile(r"\s+[^\W\d_]*[A-ZÀ-ÞĀ-Žა-ჰ]")  # a capitalised word right after the number


def in_address(text: str, position: int, length: int = 0) -> bool:
    """Is the number written at ``position`` (``length`` characters) a house number or a postcode?"""
    if position < 0:
        return False
    before = text[:position].rstrip()
    word = re.search(r"\S+$", before)
    if word is None:
        return False
    opening = before[: word.start()].rstrip()
    named = word.group()[0].isupper() and bool(opening) and not opening.endswith((".", "!", "?", ":", ";", "\n"))
    if named:  # "Kauppakatu 14", not "Kurssi 2" opening a sentence
        return True
    if _STREET_WORD.search(word.group()) and opening and re.search(r"[^\W\d_]*[A-ZÀ-ÞĀ-Ž]\S*$", opening):
        return True  # "Sodų g. 3", "Dzirnavu iela 12"
    line = text[text.rfind("\n", 0, position) + 1 : position]
    after = text[position + length :] if length else ""
    return bool(_HOUSE_THEN_COMMA.search(line)) and bool(_TOWN_AFTER.match(after))
