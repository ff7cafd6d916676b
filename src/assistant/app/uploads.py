"""Accept an uploaded document into the corpus folder: supported types and sizes only, a safe file name."""

from __future__ import annotations

import re
import shutil
import unicodedata
from pathlib import Path

from assistant.ingest.loaders import MAX_FILE_BYTES, SUPPORTED_SUFFIXES, UnreadableFile, load_file


class UploadRejected(ValueError):
    """The upload is of an unsupported type, too large, or empty."""


def safe_name(name: str) -> str:
    """A plain file name with no folders, no leading dots and only word characters, dots and dashes."""
    base = Path(name.replace("\\", "/")).name
    base = unicodedata.normalize("NFKC", base)
    base = re.sub(r"[^\w.\-]+", "_", base).strip("._") or "document"
    return base[:120]


def store_upload(source: Path, original_name: str, folder: Path) -> Path:
    """Copy ``source`` into ``folder`` (the uploads folder of the corpus) under a sanitised, non-clobbering
    name, and read it as the ingest will; return the new path. Raises ``UploadRejected`` (and keeps nothing)
    for an unsupported, empty, too large or unreadable file."""
    name = safe_name(original_name)
    suffix = Path(name).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise UploadRejected(f"unsupported file type '{suffix or '(none)'}': use {', '.join(SUPPORTED_SUFFIXES)}")
    size = source.stat().st_size
    if size == 0:
        raise UploadRejected("the file is empty")
    if size > MAX_FILE_BYTES:
        raise UploadRejected(f"the file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB")
    target_dir = folder.resolve()
    target_dir.mkdir(parents=True, exist_ok=True)
    stem, counter = Path(name).stem, 1
    target = target_dir / name
    while target.exists():
        counter += 1
        target = target_dir / f"{stem}-{counter}{suffix}"
    if target.resolve().parent != target_dir:
        raise UploadRejected("invalid file name")
    shutil.copyfile(source, target)
    try:  # a file that cannot be read is not kept in the corpus, where every ingest would skip it again
        load_file(target)
    except UnreadableFile as error:
        target.unlink(missing_ok=True)
        raise UploadRejected(str(error)) from error
    return target


REMOVED_FOLDER = ".removed"  # hidden: the ingest does not read it


def uploaded_files(folder: Path) -> list[str]:
    """The names of the documents added through the interface, in name order."""
    if not folder.is_dir():
        return []
    return sorted(p.name for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))


def remove_upload(name: str, folder: Path) -> Path:
    """Move the added document ``name`` out of the corpus, into ``folder/.removed`` (where it can be taken
    back by hand); return where it went. Raises ``UploadRejected`` for a name that is not an added document."""
    target_dir = folder.resolve()
    source = target_dir / Path(name).name
    if not name or Path(name).name != name or name.startswith(".") or not source.is_file():
        raise UploadRejected(f"'{name}' is not an added document")
    kept = target_dir / REMOVED_FOLDER
    kept.mkdir(exist_ok=True)
    destination, counter = kept / source.name, 1
    while destination.exists():
        counter += 1
        destination = kept / f"{source.stem}-{counter}{source.suffix}"
    source.rename(destination)
    return destination
