"""Accept an uploaded document into the corpus folder: supported types and sizes only, a safe file name."""

from __future__ import annotations

import logging
import re
import shutil
import unicodedata
from pathlib import Path

from assistant.config import Settings
from assistant.index.manifest import Manifest
from assistant.ingest.loaders import MAX_FILE_BYTES, SUPPORTED_SUFFIXES, UnreadableFile, load_file

logger = logging.getLogger(__name__)


class UploadRejected(ValueError):
    """The upload is of an unsupported type, too large, or empty."""


def safe_name(name: str) -> str:
    """A plain file name with no folders, no leading dots and only word characters, dots and dashes."""
    base = Path(name.replace("\\", "/")).name
    base = unicodedata.normalize("NFKC", base)
    base = re.sub(r"[^\w.\-]+", "_", base).strip("._") or "document"
    return base[:120]


def store_upload(source: Path, original_name: str, folder: Path) -> Path:
    """Copy ``source`` into ``folder`` (the uploads folder of the corpus) under a sanitised name, and read it
    as the ingest will; return the new path. A document added earlier under the same name is replaced (a
    new version of it; the earlier file is set aside in ``.removed``, as a removal does). Raises
    ``UploadRejected`` (and keeps nothing, changes nothing) for an unsupported, empty, too large or unreadable
    file."""
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
    target = target_dir / name
    if target.resolve().parent != target_dir:
        raise UploadRejected("invalid file name")
    incoming = target_dir / f".incoming-{name}"  # hidden: the ingest does not read it
    shutil.copyfile(source, incoming)
    try:  # a file that cannot be read is not kept in the corpus, where every ingest would skip it again
        load_file(incoming)
    except UnreadableFile as error:
        incoming.unlink(missing_ok=True)
        raise UploadRejected(str(error)) from error
    if target.is_file():
        remove_upload(name, folder)
    incoming.rename(target)
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


def match_uploads(listed: set[str], folder: Path) -> tuple[list[str], list[str]]:
    """Make the added documents in ``folder`` those the index lists (``listed``: their file names), after a
    return to an earlier version: one the index lists again comes back from ``.removed`` (its latest copy
    there), one it no longer lists is set aside there. Returns (restored, set aside)."""
    present = set(uploaded_files(folder))
    kept = folder.resolve() / REMOVED_FOLDER
    restored = []
    for name in sorted(listed - present):
        stem, suffix = Path(name).stem, Path(name).suffix
        copies = [
            p
            for p in kept.glob(f"{stem}*{suffix}")
            if p.name == name or re.fullmatch(rf"{re.escape(stem)}-\d+{re.escape(suffix)}", p.name)
        ]
        if copies:
            max(copies, key=lambda p: p.stat().st_mtime_ns).rename(folder.resolve() / name)
            restored.append(name)
    set_aside = sorted(present - listed)
    for name in set_aside:
        remove_upload(name, folder)
    return restored, set_aside


def match_uploads_to_index(settings: Settings, manifest: Manifest | None) -> None:
    """After a return to an earlier version, the uploads folder holds the added documents that version
    lists: a removal undone brings its file back, an upload undone sets its file aside."""
    try:
        prefix = settings.uploads_dir.resolve().relative_to(settings.corpus_dir.resolve()).as_posix() + "/"
    except ValueError:
        return  # uploads kept outside the corpus folder are not the index's documents
    if manifest is None:
        return
    listed = {d[len(prefix) :] for d in manifest.documents if d.startswith(prefix) and "/" not in d[len(prefix) :]}
    restored, set_aside = match_uploads(listed, settings.uploads_dir)
    if restored or set_aside:
        logger.info("added documents restored: %s; set aside: %s", restored, set_aside)
