"""The files in ``corpus/`` and their metadata, as ``Document``s.

Metadata comes from ``corpus/metadata.json`` (file name → fields), from the file itself (Markdown front
matter, an HTML ``<title>``/``lang``, PDF/DOCX properties), and otherwise is inferred (title from the
first line of content, language by detection). Unreadable files are reported, never fatal.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.ingest.cleaning import is_boilerplate
from assistant.ingest.datelines import dateline
from assistant.ingest.loaders import SUPPORTED_SUFFIXES, Loaded, UnreadableFile, load_file
from assistant.ingest.markdown import plain_value
from assistant.languages.detection import SUPPORTED, detect_language, normalise_code
from assistant.types import Document, SkippedFile

logger = logging.getLogger(__name__)

METADATA_FILE = "metadata.json"
TEXT_FIELDS = ("title", "language", "publisher", "date", "url", "translation_of")


@dataclass
class CorpusScan:
    documents: list[Document] = field(default_factory=list)
    kept: dict[str, str] = field(default_factory=dict)  # doc_id → fingerprint of files not read again
    skipped: list[SkippedFile] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def read_metadata(corpus_dir: Path, warnings: list[str]) -> dict[str, dict[str, Any]]:
    path = corpus_dir / METADATA_FILE
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        warnings.append(f"{METADATA_FILE}: not valid JSON ({error}); metadata ignored")
        return {}
    if not isinstance(data, dict):
        warnings.append(f"{METADATA_FILE}: expected an object of file name → fields; ignored")
        return {}
    return {str(name): fields for name, fields in data.items() if isinstance(fields, dict)}


def source_files(corpus_dir: Path) -> list[tuple[str, Path]]:
    """(path relative to ``corpus_dir``, path) of every file below it, in path order, without hidden files
    and folders and metadata files."""
    found: list[tuple[str, Path]] = []
    for folder, folders, files in os.walk(corpus_dir):
        folders[:] = [name for name in folders if not name.startswith(".")]
        prefix = os.path.relpath(folder, corpus_dir).replace(os.sep, "/")
        prefix = "" if prefix == "." else prefix + "/"
        found += [(prefix + name, Path(folder, name)) for name in files if not name.startswith(".") and name != METADATA_FILE]
    return sorted((pair for pair in found if pair[1].is_file()), key=lambda pair: pair[0])


def iter_source_files(corpus_dir: Path) -> Iterator[Path]:
    for _, path in source_files(corpus_dir):
        yield path


def has_document(corpus_dir: Path) -> bool:
    """Whether any file of a supported type lies below ``corpus_dir`` (stops at the first)."""
    for _folder, folders, files in os.walk(corpus_dir):
        folders[:] = [name for name in folders if not name.startswith(".")]
        if any(not name.startswith(".") and os.path.splitext(name)[1].lower() in SUPPORTED_SUFFIXES for name in files):
            return True
    return False


def infer_title(text: str) -> str:
    for paragraph in text.split("\n\n"):
        line = paragraph.strip().splitlines()[0].strip() if paragraph.strip() else ""
        if line and not is_boilerplate(line):
            return line.lstrip("# ").strip()[:150]
    return ""


def clean_fields(doc_id: str, fields: dict[str, Any], warnings: list[str]) -> dict[str, Any]:
    """Keep the known fields with the right types; warn about the rest."""
    cleaned: dict[str, Any] = {}
    if "language" not in fields and fields.get("lang"):
        fields = {**fields, "language": fields["lang"]}
    for key in TEXT_FIELDS:
        value = plain_value(fields.get(key))  # a YAML date (date: 2026-01-15) is ISO text
        if value is None or value == "":
            continue
        if not isinstance(value, str | int | float):
            warnings.append(f"{doc_id}: metadata field '{key}' should be text; ignored")
            continue
        cleaned[key] = str(value).strip()
    tags = fields.get("tags", [])
    if isinstance(tags, str):
        tags = [tags]
    if isinstance(tags, list):
        cleaned["tags"] = tuple(str(tag) for tag in tags if str(tag).strip())
    else:
        warnings.append(f"{doc_id}: metadata field 'tags' should be a list; ignored")
    if "language" in cleaned:
        code = normalise_code(cleaned["language"])
        if code is None:
            warnings.append(f"{doc_id}: language '{cleaned['language']}' is not one of {', '.join(SUPPORTED)}; detected instead")
            del cleaned["language"]
        else:
            cleaned["language"] = code
    return cleaned


def fingerprint(path: Path, fields: dict[str, Any]) -> str:
    """What a document is made of: its bytes and its entry in ``metadata.json`` (everything else about it
    is derived from these by code whose version is stored with the index)."""
    try:
        digest = hashlib.sha256(path.read_bytes())
    except OSError as error:
        raise UnreadableFile(f"cannot read file ({error.strerror or error})") from error
    digest.update(json.dumps(fields, sort_keys=True, default=str).encode("utf-8"))
    return digest.hexdigest()


def build_document(
    corpus_dir: Path, path: Path, manifest: dict[str, dict[str, Any]], warnings: list[str], content_hash: str = ""
) -> Document:
    doc_id = path.relative_to(corpus_dir).as_posix()
    loaded = load_file(path)
    warnings.extend(f"{doc_id}: {warning}" for warning in loaded.warnings)
    fields = clean_fields(doc_id, {**loaded.metadata, **manifest.get(doc_id, {})}, warnings)
    if not loaded.text.strip():
        raise UnreadableFile("no text")
    language = fields.get("language") or detect_language(loaded.text)
    date = fields.get("date", "")
    if not date and (found := dateline(loaded.text, loaded.blocks, language)) is not None:
        date = found[1]  # "Updated 20 January 2025" under the title of a page without metadata
    return Document(
        doc_id=doc_id,
        text=loaded.text,
        title=fields.get("title") or first_heading(loaded) or infer_title(loaded.text) or path.stem,
        language=language,
        content_hash=content_hash or fingerprint(path, manifest.get(doc_id, {})),
        publisher=fields.get("publisher", ""),
        date=date,
        url=fields.get("url", ""),
        tags=fields.get("tags", ()),
        group=fields.get("translation_of") or doc_id,
        blocks=loaded.blocks,
    )


def first_heading(loaded: Loaded) -> str:
    """The title a document's headings give: the first of the highest level among its first three headings (a
    newsletter's "View this e-mail in your browser" line is no title beside its level-1 heading)."""
    headings = [b for b in loaded.blocks if b.kind == "heading"][:3]
    if not headings:
        return ""
    top = min(b.level for b in headings)
    heading = next(b for b in headings if b.level == top)
    return loaded.text[heading.start : heading.end][:150]


def scan_corpus(corpus_dir: Path, unchanged: Callable[[str, str], bool] | None = None) -> CorpusScan:
    """Read every supported file below ``corpus_dir``; unreadable ones are skipped with a reason. A file for
    which ``unchanged(doc_id, fingerprint)`` is true is not read again (it is listed in ``kept``), so a
    scan of a large corpus costs hashing its files, not parsing them."""
    scan = CorpusScan()
    if not corpus_dir.is_dir():
        scan.warnings.append(f"corpus folder {corpus_dir} does not exist")
        return scan
    manifest = read_metadata(corpus_dir, scan.warnings)
    for relative, path in source_files(corpus_dir):
        if path.suffix.lower() not in SUPPORTED_SUFFIXES:
            scan.skipped.append(SkippedFile(relative, f"unsupported file type {path.suffix or '(none)'}"))
            continue
        try:
            content_hash = fingerprint(path, manifest.get(relative, {}))
            if unchanged is not None and unchanged(relative, content_hash):
                scan.kept[relative] = content_hash
                continue
            scan.documents.append(build_document(corpus_dir, path, manifest, scan.warnings, content_hash))
        except UnreadableFile as error:
            logger.warning("skipping %s: %s", relative, error)
            scan.skipped.append(SkippedFile(relative, str(error)))
    for name in manifest:
        if not (corpus_dir / name).exists():
            scan.warnings.append(f"{METADATA_FILE}: '{name}' names no file in the corpus")
    return scan
