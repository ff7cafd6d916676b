"""HTML pages into structured blocks: the main content without the page furniture.

Menus, headers, footers, sidebars, cookie banners, breadcrumbs, share buttons and forms are dropped
(by tag, ARIA role, or a class or id that names them); the rest is walked in order: ``h1``-``h6`` keep their
levels, list items their lead-in, table rows their header row, ``<br>`` lines and ``<address>`` their line
breaks.
"""

from __future__ import annotations

import re
from typing import Any

from assistant.ingest.blocks import Block, TextBuilder, short_heading

DROP_TAGS = ("script", "style", "noscript", "template", "svg", "nav", "aside", "form", "button", "iframe", "dialog", "select")
PAGE_PARTS = ("header", "footer")  # dropped unless inside the main content
DROP_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog"}
FURNITURE = re.compile(
    r"cookie|consent|gdpr|breadcrumb|skip-?link|skip-?to|nav(bar|igation)?\b|menu|sidebar|share|social|newsletter|"
    r"related|site-?header|site-?footer|banner|popup|modal|toolbar|pagination|print-?link",
    re.IGNORECASE,
)
# A class or id that is one of these words (not merely contains it) names a page part: "header", "footer", "crumbs".
FURNITURE_NAMES = re.compile(
    r"(?:site|page|top|main)?-?(?:header|footer|masthead|topbar|crumbs?|top-?links|sub-?pages|sub-?nav|search(?:-?box|-?form)?|"
    r"lang(?:uage)?-?(?:switch\w*|select\w*|menu|links)?|cc-\w+)",
    re.IGNORECASE,
)
BLOCK_TAGS = {
    "p",
    "ul",
    "ol",
    "table",
    "dl",
    "address",
    "pre",
    "blockquote",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "figure",
    "details",
}


def _is_furniture(element: Any) -> bool:
    if element.name in DROP_TAGS:
        return True
    if str(element.get("role", "")).lower() in DROP_ROLES:
        return True
    if element.get("aria-hidden") == "true" or element.has_attr("hidden"):
        return True
    tokens = [*element.get("class", []), str(element.get("id", ""))]
    names = " ".join(tokens)
    if not names.strip() or element.name in ("main", "article", "body", "html"):
        return False
    if FURNITURE.search(names):
        return True
    # "<div class='header'>": a page part by its name alone, unless it holds the page's title
    return any(FURNITURE_NAMES.fullmatch(token) for token in tokens if token) and element.find("h1") is None


def _bold_lead(element: Any) -> Any | None:
    """A paragraph's opening bold run when it stands as a heading: "<p><strong>Kontakti</strong></p>" or
    "<p><b>Ko piedāvājam</b><br>…</p>"; None otherwise (bold words inside a sentence, a bold sentence)."""
    first = next((c for c in element.children if getattr(c, "name", None) or str(c).strip()), None)
    if first is None or getattr(first, "name", None) not in ("strong", "b"):
        return None
    after = first.next_sibling
    while after is not None and not getattr(after, "name", None) and not str(after).strip():
        after = after.next_sibling
    alone = after is None or getattr(after, "name", None) == "br"
    if not alone or not short_heading(_text(first)):
        return None
    if after is not None and len(element.find_all("br")) > 1:  # "<b>Org</b><br>Street 1<br>Tel. …": an address
        return None
    return first


# get_text(" ") puts a space at every tag boundary: "den <strong>15 augusti 2025</strong>." would read "… 2025 ."
_SPACE_BEFORE = re.compile(r"\s+(?=[.,;:!?)\]](?:\s|$))|(?<=[(\[])\s+")


def _text(element: Any) -> str:
    return _SPACE_BEFORE.sub("", " ".join(element.get_text(" ", strip=True).split()))


def _lines(element: Any) -> str:
    for br in element.find_all("br"):
        br.replace_with("\n")
    return "\n".join(" ".join(line.split()) for line in element.get_text("").split("\n"))


def _has_breaks(element: Any) -> bool:
    return element.find("br") is not None


class _Walker:
    def __init__(self, builder: TextBuilder):
        self.builder = builder
        self.groups = 0
        self.marked = 1  # the level of the last heading marked up as one (h1-h6)

    def group(self, prefix: str) -> str:
        self.groups += 1
        return f"{prefix}{self.groups}"

    def lead(self) -> Block | None:
        return self.builder.lead_in()

    def sub_heading(self, text: str) -> None:
        """A heading not marked up as one (a bold paragraph, a FAQ question), one level below the last marked-up one."""
        self.builder.heading(text, min(6, self.marked + 1))

    def walk(self, element: Any) -> None:
        loose: list[str] = []  # text directly inside a container, between blocks
        for child in list(element.children):
            name = getattr(child, "name", None)
            if name is None:
                text = str(child).strip()
                if text and not isinstance(child, _comment_type()):
                    loose.append(text)
                continue
            if _is_furniture(child):
                continue
            if name in BLOCK_TAGS or name in ("div", "section", "article", "main", "li", "header", "footer"):
                self.flush(loose)
                loose = []
                self.block(child)
            else:
                loose.append(_text(child))
        self.flush(loose)

    def flush(self, loose: list[str]) -> None:
        text = " ".join(t for t in loose if t)
        if text.strip():
            self.builder.paragraph(text)

    def block(self, element: Any) -> None:
        name = element.name
        if name in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.marked = int(name[1])
            self.builder.heading(_text(element), self.marked)
        elif name == "p":
            heading = _bold_lead(element)
            if heading is not None:  # "<p><strong>Kontakti</strong></p>", "<p><b>Ko piedāvājam</b><br>text</p>"
                self.sub_heading(_text(heading))
                heading.extract()
                while element.contents and (
                    getattr(element.contents[0], "name", None) == "br" or not str(element.contents[0]).strip()
                ):
                    element.contents[0].extract()
                if not _text(element):
                    return
            if _has_breaks(element):
                self.builder.lines(_lines(element))
            else:
                self.builder.paragraph(_text(element))
        elif name in ("ul", "ol"):
            self.items(element, self.lead(), self.group("list"))
        elif name == "table":
            self.table(element)
        elif name == "dl":
            group, lead = self.group("dl"), self.lead()
            for term in element.find_all("dt"):
                definitions = []
                for sibling in term.find_next_siblings(["dt", "dd"]):
                    if sibling.name == "dt":
                        break
                    definitions.append(_text(sibling))
                said = "; ".join(d for d in definitions if d)
                self.builder.item(f"{_text(term)}: {said}" if said else _text(term), lead, group)
        elif name == "details":  # a FAQ entry: its question a heading, its answer below
            summary = element.find("summary")
            if summary is not None:
                self.sub_heading(_text(summary))
                summary.extract()
            self.walk(element)
        elif name in ("address", "pre"):
            self.builder.lines(_lines(element))
        else:  # containers: div, section, article, blockquote, figure, li outside a list
            if name == "div" and not element.find([*list(BLOCK_TAGS), "div"]) and _has_breaks(element):
                self.builder.lines(_lines(element))
            else:
                self.walk(element)

    def items(self, element: Any, lead: Block | None, group: str) -> None:
        for item in element.find_all("li", recursive=False):
            nested = item.find_all(["ul", "ol"], recursive=False)
            for sub in nested:
                sub.extract()
            text = _text(item)
            if text:
                self.builder.item(text, lead, group)
            for sub in nested:
                self.items(sub, lead, group)

    def table(self, element: Any) -> None:
        group = self.group("table")
        header: Block | None = None
        for row in element.find_all("tr"):
            cells = row.find_all(["th", "td"])
            if not cells:
                continue
            values = [_text(cell) for cell in cells]
            is_header = all(cell.name == "th" for cell in cells) or row.find_parent("thead") is not None
            if header is None and is_header:
                header = self.builder.row(values, None, group)
            else:
                self.builder.row(values, header, group)


def _comment_type() -> type:
    from bs4 import Comment

    return Comment


def parse_html(raw: str, builder: TextBuilder | None = None) -> tuple[TextBuilder, dict[str, Any]]:
    """Blocks of the page's main content, and what the page says about itself (title, language, site)."""
    from bs4 import BeautifulSoup

    builder = builder or TextBuilder()
    soup = BeautifulSoup(raw, "html.parser")
    metadata: dict[str, Any] = {}
    page_title = _text(soup.title) if soup.title else ""
    html_tag = soup.find("html")
    if html_tag is not None and html_tag.get("lang"):
        metadata["language"] = str(html_tag.get("lang"))
    site = soup.find("meta", attrs={"property": "og:site_name"})
    if site is not None and site.get("content"):
        metadata["publisher"] = str(site.get("content")).strip()
    for tag in soup(list(DROP_TAGS)):
        tag.decompose()
    root = soup.find("main") or soup.select_one('[role="main"]') or soup.find("article") or soup.body or soup
    for part in root.find_all(PAGE_PARTS):
        if part.find_parent(["main", "article"]) is None and part is not root:
            part.decompose()
    _Walker(builder).walk(root)
    h1 = root.find("h1")
    title = _text(h1) if h1 is not None else page_title
    if h1 is None and " | " in page_title:  # "Danskuddannelse for voksne udlændinge | Aarhus Kommune"
        title, _, site_name = page_title.rpartition(" | ")
        metadata.setdefault("publisher", site_name.strip())
    if title:
        metadata["title"] = title
    if page_title and page_title != title:
        metadata["page_title"] = page_title
        if "publisher" not in metadata and (named := site_in_title(page_title, title)):
            metadata["publisher"] = named
    return builder, metadata


_TITLE_PARTS = re.compile(r"\s+[|–—·]\s+|\s+-\s+")


def site_in_title(page_title: str, heading: str) -> str:
    """The site a page's ``<title>`` names after its heading ("Gerstu vinur … | Brúin" → "Brúin"): the last part
    after a separator, when the title's other parts share two words with the heading (one, if it has only one
    word of four letters or more) and, after a dash, the heading does not name the site already; "" otherwise."""
    parts = _TITLE_PARTS.split(page_title.strip())
    if len(parts) < 2 or not heading:
        return ""
    site = parts[-1].strip()
    words = {w for w in re.findall(r"\w+", heading.casefold()) if len(w) >= 4}
    shared = words & set(re.findall(r"\w+", " ".join(parts[:-1]).casefold()))
    # after a dash the last part may be the heading's own end ("Introduksjonsprogrammet – Tindrevik kommune");
    # after a bar it is the site, even when the heading names it ("… programa | Pušynės savivaldybė")
    named = site.casefold() in heading.casefold() and "|" not in page_title
    return site if words and len(shared) >= min(2, len(words)) and not named else ""
