"""Read one file of a supported type into plain text and the metadata the file itself states.

Each loader returns ``(text, metadata)`` or raises ``UnreadableFile`` with a reason a person can act on.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

SUPPORTED_SUFFIXES = (".txt", ".md", ".html", ".htm", ".pdf", ".docx")
MAX_FILE_BYTES = 20 * 1024 * 1024
_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.DOTALL)


class UnreadableFile(Exception):
    """The file cannot be turned into text; the message says why."""


Loaded = tuple[str, dict[str, Any]]


def _decode(data: bytes) -> tuple[str, str]:
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
    text, warning = _decode(path.read_bytes())
    return text, ({"warning": warning} if warning else {})


def load_markdown(path: Path) -> Loaded:
    import yaml

    text, warning = _decode(path.read_bytes())
    metadata: dict[str, Any] = {"warning": warning} if warning else {}
    match = _FRONT_MATTER.match(text)
    if match:
        try:
            front = yaml.safe_load(match.group(1)) or {}
        except yaml.YAMLError:
            front = {}
            metadata["warning"] = "front matter is not valid YAML: ignored"
        if isinstance(front, dict):
            metadata.update({str(k): v for k, v in front.items()})
        text = text[match.end() :]
    return text, metadata


def load_html(path: Path) -> Loaded:
    from bs4 import BeautifulSoup

    raw, warning = _decode(path.read_bytes())
    soup = BeautifulSoup(raw, "html.parser")
    metadata: dict[str, Any] = {"warning": warning} if warning else {}
    if soup.title and soup.title.string:
        metadata["title"] = soup.title.string.strip()
    html_tag = soup.find("html")
    if html_tag is not None and html_tag.get("lang"):
        metadata["language"] = str(html_tag.get("lang"))
    for tag in soup(["script", "style", "noscript", "nav", "footer", "header", "aside", "form", "template", "svg"]):
        tag.decompose()
    root = soup.find("main") or soup.find("article") or soup.body or soup
    blocks = []
    for element in root.find_all(["h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "td", "blockquote", "pre"]):
        if element.find(["p", "li", "td"]):  # a container: its children are visited on their own
            continue
        line = " ".join(element.get_text(" ", strip=True).split())
        if line:
            blocks.append(line)
    if not blocks:
        blocks = [line.strip() for line in root.get_text("\n").splitlines() if line.strip()]
    text = "\n\n".join(blocks)
    if not text.strip():
        raise UnreadableFile("no text in the HTML page")
    return text, metadata


def load_pdf(path: Path) -> Loaded:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted:
            raise UnreadableFile("encrypted PDF")
        pages = [page.extract_text() or "" for page in reader.pages]
        info = reader.metadata
    except UnreadableFile:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError, AttributeError, IndexError, RecursionError) as error:
        raise UnreadableFile(f"corrupt PDF ({error})") from error
    text = "\n\n".join(page.strip() for page in pages if page.strip())
    if not text:
        raise UnreadableFile("PDF has no extractable text (scanned images?)")
    metadata: dict[str, Any] = {}
    if info is not None and info.title:
        metadata["title"] = str(info.title)
    return text, metadata


def load_docx(path: Path) -> Loaded:
    import docx

    if not zipfile.is_zipfile(path):
        raise UnreadableFile("not a valid DOCX file (not a zip archive)")
    try:
        document = docx.Document(str(path))
    except Exception as error:  # python-docx raises many kinds on a damaged package
        raise UnreadableFile(f"not a valid DOCX file ({type(error).__name__})") from error
    paragraphs = [p.text.strip() for p in document.paragraphs if p.text.strip()]
    text = "\n\n".join(paragraphs)
    if not text:
        raise UnreadableFile("DOCX has no text")
    metadata: dict[str, Any] = {}
    title = document.core_properties.title
    if title:
        metadata["title"] = title
    return text, metadata


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
