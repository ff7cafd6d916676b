"""Turn an ``Answer`` into safe HTML for the chat: ``[n]`` links that open their source passage.

Everything that comes from a document or a user is escaped here; nothing else in the UI builds HTML.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass

from assistant.languages.locale import language_name, listed
from assistant.languages.messages import message
from assistant.types import Answer, Citation, Hit

RTL_LANGUAGES = frozenset({"ar", "fa"})
SEARCHED_SHOWN = 200  # characters of a searched text shown above the answer
_MARKER = re.compile(r"\[(\d+)\]")
_QUOTE = re.compile(r"“[^”]*”")


def direction(language: str) -> str:
    return "rtl" if language in RTL_LANGUAGES else "ltr"


def escape(text: str) -> str:
    return html.escape(text, quote=True)


def highlight(passage: str, quote_start: int, quote_end: int) -> str:
    """The passage, escaped, with the quoted span wrapped in ``<mark>``."""
    if not 0 <= quote_start < quote_end <= len(passage):
        return escape(passage)
    return (
        escape(passage[:quote_start])
        + "<mark>"
        + escape(passage[quote_start:quote_end])
        + "</mark>"
        + escape(passage[quote_end:])
    )


def highlight_spans(passage: str, spans: tuple[tuple[int, int], ...]) -> str:
    """The passage, escaped, with each quoted span (a lead-in and its item, a header and its row) marked."""
    valid = sorted((s, e) for s, e in spans if 0 <= s < e <= len(passage))
    parts, position = [], 0
    for start, end in valid:
        if start < position:
            continue
        parts.append(escape(passage[position:start]) + "<mark>" + escape(passage[start:end]) + "</mark>")
        position = end
    return "".join(parts) + escape(passage[position:])


@dataclass(frozen=True)
class SourceGroup:
    """One source page; several citations when the page exists in several languages."""

    key: str
    citations: tuple[Citation, ...]


def group_citations(citations: tuple[Citation, ...]) -> list[SourceGroup]:
    groups: dict[str, list[Citation]] = {}
    for citation in citations:
        groups.setdefault(citation.hit.group or citation.hit.doc_id, []).append(citation)
    return [SourceGroup(key, tuple(items)) for key, items in groups.items()]


def anchor(turn: int, n: int) -> str:
    return f"cite-{turn}-{n}"


def link_markers(text: str, turn: int, known: set[int]) -> str:
    """Escape the answer text, isolate each quote ("“…”") from the text around it (a Swedish quote in an
    Arabic answer keeps its own direction and punctuation), and make each known ``[n]`` an isolated link
    to its source."""

    def replace(match: re.Match[str]) -> str:
        n = int(match.group(1))
        if n not in known:
            return match.group(0)
        return f'<bdi class="marker"><a class="cite" href="#{anchor(turn, n)}" data-cite="{anchor(turn, n)}">[{n}]</a></bdi>'

    quoted = _QUOTE.sub(lambda m: f'<bdi class="quote" dir="auto">{m.group(0)}</bdi>', escape(text))
    return _MARKER.sub(replace, quoted)


def short_line_html(line: str, turn: int, known: set[int], language: str) -> str | None:
    """The short answer line with each value isolated (``<bdi>``: left to right for digits and signs only, else by
    its own first letter), so that "0480-45 12 00" or a Swedish amount keeps its own order inside an Arabic line;
    None when ``line`` is no short answer line."""
    prefix = message("short_answer", language, value="")
    if not prefix or not line.startswith(prefix) or not _MARKER.search(line):
        return None
    parts = [escape(prefix)]
    for part in re.split(r"(\[\d+\](?:; )?)", line[len(prefix) :]):
        if _MARKER.match(part):
            parts.append(link_markers(part, turn, known))
        elif part.strip():
            space = " " if part.endswith(" ") else ""
            # a value of digits and signs only ("75 42 18 90", "16:30–18:30") reads left to right in any line; with
            # letters its own first letter decides ("19 يونيو 2026", "середа 16:30")
            way = "auto" if any(ch.isalpha() for ch in part) else "ltr"
            parts.append(f'<bdi class="value" dir="{way}">{escape(part.strip())}</bdi>{space}')
    return "".join(parts)


def source_label(hit: Hit, longest: int = 80) -> str:
    """The title of a cited passage's document and its section ("FOR-IN projekto … › Baltijos šalių
    delegacija"), so that two passages of one page are told apart in the list of sources."""
    title = hit.title.strip()
    parts = [p.strip() for p in hit.heading.split(" > ") if p.strip() and p.strip().casefold() != title.casefold()]
    heading = " › ".join(parts)  # the heading path without the title its first heading often repeats
    if not heading:
        return hit.title
    return f"{hit.title} › {heading if len(heading) <= longest else heading[: longest - 1] + '…'}"


def quote_opening(quote: str, words: int = 6) -> str:
    """The first words of a quote ("“Jonava blev den første baltiske by,…”"), to tell apart two passages of one
    section."""
    parts = quote.split()
    return "“" + " ".join(parts[:words]) + ("…" if len(parts) > words else "") + "”"


def render_citation(citation: Citation, turn: int, language: str, same_label: bool = False) -> str:
    """A cited passage as an expandable source; ``same_label``: another cited passage of the answer has the
    same title and section, so the summary adds the quote's first words."""
    hit = citation.hit
    label = source_label(hit) + (f" · {quote_opening(citation.quote)}" if same_label else "")
    rows = [
        ("source_title", hit.title),
        ("source_publisher", hit.publisher),
        ("source_date", hit.date),
        ("source_language", language_name(hit.language, language)),
        ("source_location", hit.url or hit.doc_id),
    ]
    versions = "".join(
        f'<details class="translation"><summary>{escape(message("also_in", language))}: '
        f"{escape(language_name(t.language, language))}</summary>"
        f'<blockquote class="passage" dir="auto">{escape(t.text)}</blockquote></details>'
        for t in hit.translations
    )
    meta = "".join(
        f"<div><b>{escape(message(key, language))}:</b> <bdi>{escape(value)}</bdi></div>" for key, value in rows if value
    )
    spans = citation.spans or ((citation.quote_start, citation.quote_end),)
    return (
        f'<details class="source" id="{anchor(turn, citation.n)}" data-n="{citation.n}">'
        f"<summary><bdi>[{citation.n}]</bdi> <bdi>{escape(label)}</bdi> ({escape(language_name(hit.language, language))})</summary>"
        f'<div class="source-meta">{meta}</div>'
        f'<blockquote class="passage" dir="auto">{highlight_spans(hit.text, spans)}</blockquote>'
        f"{versions}</details>"
    )


def clipped(text: str, most: int = SEARCHED_SHOWN) -> str:
    """The end of a long searched text (a follow-up joined to a 2,000-character question), after "…"."""
    return text if len(text) <= most else "…" + text[-most:].lstrip()


def render_answer(answer: Answer, turn: int) -> str:
    """The answer with linked markers, then its sources (translations of one page shown together)."""
    language = answer.language
    known = {c.n for c in answer.citations}
    first, _, rest = answer.text.partition("\n")
    line = short_line_html(first, turn, known, language)
    if line is None:
        body = link_markers(answer.text, turn, known).replace("\n", "<br>")
    else:
        body = line + ("<br>" + link_markers(rest, turn, known).replace("\n", "<br>") if rest else "")
    parts = [f'<div class="answer" dir="{direction(language)}" lang="{escape(language)}">']
    if answer.searched_for:  # say how a misspelt name or a follow-up was read, so the asker can check it
        searched = clipped(answer.searched_for)
        parts.append(f'<div class="searched-for">{escape(message("searched_for", language, text=searched))}</div>')
    parts.append(body)
    if answer.citations:
        labels = Counter(source_label(c.hit) for c in answer.citations)

        def cited(c: Citation) -> str:
            return render_citation(c, turn, language, same_label=labels[source_label(c.hit)] > 1)

        parts.append(f'<div class="sources"><div class="sources-title">{escape(message("sources", language))}</div>')
        for group in group_citations(answer.citations):
            if len({c.hit.language for c in group.citations}) > 1:  # a page and its translation
                versions = escape(listed([language_name(c.hit.language, language) for c in group.citations], language))
                parts.append(
                    f'<div class="source-group"><div class="group-note">{escape(message("same_page", language))} ({versions})</div>'
                )
                parts.extend(cited(c) for c in group.citations)
                parts.append("</div>")
            else:
                parts.extend(cited(c) for c in group.citations)
        parts.append("</div>")
    elif answer.abstained and answer.passages and not answer.message:
        parts.append(render_closest(answer.passages, language))
    parts.append("</div>")
    return "".join(parts)


def render_closest(passages: tuple[Hit, ...], language: str, count: int = 3) -> str:
    """An abstention's closest passages, folded away: the asker can check for themselves that they do not
    answer the question (they are not cited, so they carry no [n])."""
    items = "".join(
        f'<div class="closest-passage"><div class="source-meta"><b><bdi>{escape(hit.title)}</bdi></b> ({escape(language_name(hit.language, language))}, '
        f"{escape(hit.url or hit.doc_id)})</div>"
        f'<blockquote class="passage" dir="auto">{escape(hit.text)}</blockquote></div>'
        for hit in passages[:count]
    )
    return f'<details class="closest"><summary>{escape(message("show_closest", language))}</summary>{items}</details>'


def render_question(question: str) -> str:
    """The asker's question as written, its direction from its own first letters ("What…?" stays left to right in
    an Arabic interface, its question mark at its end)."""
    return f'<div dir="auto">{escape(question)}</div>'
