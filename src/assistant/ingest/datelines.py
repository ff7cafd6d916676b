"""A page's dateline: the short line under its title that says when it was published or updated ("Updated 20
January 2025", "Päivitetty 10.1.2025.", "Publisert 3. mars 2025"). It gives the document its date when no metadata
does, and it is no quotable unit: a question about a course's dates is not answered by the day the page was
changed."""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.types import Block

MAX_WORDS = 7  # "Paskelbta 2025 m. gegužės 6 d." with a word or two more
MAX_OTHER_WORDS = 3  # the words beside the date: "Sist oppdatert", "Viimati uuendatud"
FIRST_BLOCKS = 2  # the dateline is among the first blocks below the title


def dateline(text: str, blocks: Sequence[Block], language: str) -> tuple[Block, str] | None:
    """The dateline block and its date (ISO), or None."""
    from assistant.answer.dates import dates  # not at the top: the answer modules import the ingest ones

    seen = 0
    for block in blocks:
        if block.kind == "heading":
            continue
        seen += 1
        if seen > FIRST_BLOCKS:
            return None
        line = text[block.start : block.end].strip()
        if block.kind not in ("paragraph", "lines") or "\n" in line or len(line.split()) > MAX_WORDS:
            continue
        found = [value for value in dates(line, language) if value.day is not None and value.has_year]
        if len(found) != 1:
            continue
        rest = line.replace(found[0].text, " ")
        words = re.findall(r"[^\W\d_]{2,}", rest)
        if 1 <= len(words) <= MAX_OTHER_WORDS and not re.search(r"\d", rest):
            return block, found[0].day.isoformat()  # type: ignore[union-attr]
    return None
