"""Read one file of a supported type into structured text and the metadata the file itself states.

``load_file`` returns a ``Loaded`` (text, blocks, metadata, warnings) or raises ``UnreadableFile`` with a
reason a person can act on. Each format has its own parser (``plain``, ``markdown``, ``html``, ``docx``,
``pdf``); all of them fill one ``TextBuilder``.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.ingest.blocks import Block, TextBuilder

SUPPORTED_SUFFIXES = (".txt", ".md", ".html", ".htm", ".pdf", ".docx")
MAX_FILE_BYTES = 20 * 1024 * 1024
PARSER_VERSION = 38  # stored with the index: a change re-reads every document


class UnreadableFile(Exception):
    """The file cannot be turned into text; the message says why."""


@dataclass(frozen=True)
class Loaded:
    text: str
    blocks: tuple[Block, ...]
    metadata: dict[str, Any] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()


def _loaded(builder: TextBuilder, metadata: dict[str, Any] | None = None, warning: str = "") -> Loaded:
    return Loaded(builder.text, tuple(builder.blocks), metadata or {}, (warning,) if warning else ())


def decode(data: bytes) -> tuple[str, str]:
    """Decode text bytes: UTF-8 first, then cp1252 (legacy Western text); binary data is refused."""
    if not data.strip():
        raise UnreadableFile("empty file")
    sample = data[:8192]
    if b"\x00" in sample:
        raise UnreadableFile("binary data, not text")
    try:
        return data.decode("utf-8-sig"), ""
    except UnicodeDecodeError:
        pass
    controls = sum(1 for byte in sample if byte < 32 and byte not in (9, 10, 13))
    if controls > len(sample) * 0.02:
        raise UnreadableFile("binary data, not text")
    try:
        return data.decode("cp1252"), "not UTF-8: read as Windows-1252/Latin-1"
    except UnicodeDecodeError as error:
        raise UnreadableFile(f"unknown text encoding ({error.reason})") from error


def load_text(path: Path) -> Loaded:
    from assistant.ingest.plain import parse_plain

    text, warning = decode(path.read_bytes())
    return _loaded(parse_plain(text), warning=warning)


def load_markdown(path: Path) -> Loaded:
    from assistant.ingest.markdown import parse_markdown, split_front_matter

    text, warning = decode(path.read_bytes())
    fields, body, front_warning = split_front_matter(text)
    loaded = _loaded(parse_markdown(body), fields, warning)
    return Loaded(loaded.text, loaded.blocks, loaded.metadata, tuple(w for w in (warning, front_warning) if w))


def load_html(path: Path) -> Loaded:
    from assistant.ingest.html import parse_html

    raw, warning = decode(path.read_bytes())
    builder, metadata = parse_html(raw)
    if not builder.text.strip():
        raise UnreadableFile("no text in the HTML page")
    return _loaded(builder, metadata, warning)


_FILE_NAME_TITLE = re.compile(r"^Microsoft \w+ - |\.(?:docx?|pdf|odt|rtf|pptx?|txt|html?|md|xlsx?|csv)$", re.IGNORECASE)


def credible_title(title: str, text: str) -> str:
    """A file's own title property, or "" when it is no title of this text: a file name ("Microsoft Word -
    Infoleht.docx") or a template's leftover that none of the text's opening words repeat ("Mall för
    informationsblad"); the first heading is then the title."""
    title = " ".join((title or "").split())
    words = {w for w in re.findall(r"\w+", title.casefold()) if len(w) >= 4}
    opening = set(re.findall(r"\w+", text[:1500].casefold()))
    if not title or _FILE_NAME_TITLE.search(title) or (words and not words & opening):
        return ""
    return title


def load_pdf(path: Path) -> Loaded:
    import pypdfium2 as pdfium

    from assistant.ingest.pdf import parse_pdf_lines, read_pdf_lines

    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as error:
        message = str(error).lower()
        if "password" in message:
            raise UnreadableFile("encrypted PDF") from error
        raise UnreadableFile(f"corrupt PDF ({error})") from error
    try:
        builder = parse_pdf_lines(read_pdf_lines(pdf))
        title = str((pdf.get_metadata_dict() or {}).get("Title", "") or "").strip()
    except pdfium.PdfiumError as error:
        raise UnreadableFile(f"corrupt PDF ({error})") from error
    finally:
        pdf.close()
    if not builder.text.strip():
        raise UnreadableFile("PDF has no extractable text (scanned images?)")
    title = credible_title(title, builder.text)
    return _loaded(builder, {"title": title} if title else {})


def load_docx(path: Path) -> Loaded:
    import docx

    from assistant.ingest.docx import parse_docx

    if not zipfile.is_zipfile(path):
        raise UnreadableFile("not a valid DOCX file (not a zip archive)")
    try:
        document = docx.Document(str(path))
        builder = parse_docx(document)
    except Exception as error:  # python-docx raises many kinds on a damaged package
        raise UnreadableFile(f"not a valid DOCX file ({type(error).__name__})") from error
    if not builder.text.strip():
        raise UnreadableFile("DOCX has no text")
    title = credible_title(document.core_properties.title, builder.text)  # its language property is Word's default
    return _loaded(builder, {"title": title} if title else {})


LOADERS: dict[str, Callable[[Path], Loaded]] = {
    ".txt": load_text,
    ".md": load_markdown,
    ".html": load_html,
    ".htm": load_html,
    ".pdf": load_pdf,
    ".docx": load_docx,
}


def load_file(path: Path) -> Loaded:
    """Dispatch on the suffix; every failure becomes ``UnreadableFile``."""
    loader = LOADERS.get(path.suffix.lower())
    if loader is None:
        raise UnreadableFile(f"unsupported file type {path.suffix or '(none)'}")
    try:
        size = path.stat().st_size
    except OSError as error:
        raise UnreadableFile(f"cannot read file ({error.strerror})") from error
    if size > MAX_FILE_BYTES:
        raise UnreadableFile(f"file too large ({size / (1024 * 1024):.1f} MB; the limit is {MAX_FILE_BYTES // (1024 * 1024)} MB)")
    try:
        return loader(path)
    except OSError as error:
        raise UnreadableFile(f"cannot read file ({error.strerror or error})") from error
