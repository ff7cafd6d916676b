"""Markdown (with optional YAML front matter) into structured blocks, with markdown-it-py's CommonMark
parser and its table extension: headings keep their levels, list items their lead-in, table rows their
header; inline markup (emphasis, links, code) is reduced to its text."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from assistant.ingest.blocks import Block, TextBuilder, is_line_block

_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL)


def split_front_matter(text: str) -> tuple[dict[str, Any], str, str]:
    """(fields, body, warning): the YAML front matter's fields with dates as ISO text, and the rest."""
    import yaml

    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text, ""
    body = text[match.end() :]
    try:
        loaded = yaml.safe_load(match.group(1))
    except yaml.YAMLError:
        return {}, body, "front matter is not valid YAML: ignored"
    if not isinstance(loaded, dict):
        return {}, body, "front matter is not a set of 'key: value' fields: ignored"
    return {str(key): plain_value(value) for key, value in loaded.items()}, body, ""


def plain_value(value: Any) -> Any:
    """YAML values as the metadata expects them: dates and times as ISO text, lists item by item."""
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [plain_value(v) for v in value]
    return value


def inline_text(token: Any, soft: str = " ") -> str:
    """The text of an inline token: markup dropped, soft breaks as ``soft``, hard breaks as line breaks."""
    parts: list[str] = []
    for child in token.children or ():
        if child.type in ("text", "code_inline", "html_inline"):
            parts.append(child.content if child.type != "html_inline" else "")
        elif child.type == "softbreak":
            parts.append(soft)
        elif child.type == "hardbreak":
            parts.append("\n")
        elif child.type == "image":
            parts.append(child.content or "")
    return "".join(parts)


def parse_markdown(body: str, builder: TextBuilder | None = None) -> TextBuilder:
    from markdown_it import MarkdownIt

    builder = builder or TextBuilder()
    tokens = MarkdownIt("commonmark").enable("table").parse(body)
    lists: list[tuple[str, Block | None]] = []  # open lists: (group, lead-in)
    in_item = 0
    item_text: list[str] = []
    table_group = ""
    header: Block | None = None
    row: list[str] = []
    in_head = False
    heading_level = 0
    for index, token in enumerate(tokens):
        kind = token.type
        if kind == "heading_open":
            heading_level = int(token.tag[1])
        elif kind in ("bullet_list_open", "ordered_list_open"):
            lead = builder.lead_in()
            if lists:
                lead = lists[-1][1]
            lists.append((f"list{index}", lead))
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif kind == "list_item_open":
            if in_item and item_text:  # a nested list starts: its parent item is complete
                builder.item(
                    " ".join(item_text), lists[-2][1] if len(lists) > 1 else None, lists[-2][0] if len(lists) > 1 else ""
                )
            in_item += 1
            item_text = []
        elif kind == "list_item_close":
            if item_text:
                group, lead = lists[-1]
                builder.item(" ".join(item_text), lead, group)
            item_text = []
            in_item -= 1
        elif kind == "table_open":
            table_group, header = f"table{index}", None
        elif kind == "thead_open":
            in_head = True
        elif kind == "thead_close":
            in_head = False
        elif kind == "tr_open":
            row = []
        elif kind == "tr_close":
            added = builder.row(row, None if in_head else header, table_group)
            if in_head:
                header = added
        elif kind == "inline":
            text = inline_text(token)
            parent = tokens[index - 1].type if index else ""
            if parent == "heading_open":
                builder.heading(text, heading_level)
            elif parent in ("th_open", "td_open"):
                row.append(text)
            elif in_item:
                item_text.append(text)
            elif "\n" in text.strip():
                builder.lines(text)
            elif is_line_block(broken := inline_text(token, soft="\n").strip().split("\n")):
                builder.lines("\n".join(broken))
            else:
                builder.paragraph(text)
        elif kind in ("fence", "code_block"):
            builder.lines(token.content)
    return builder
