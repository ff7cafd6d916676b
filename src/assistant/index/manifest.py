"""What one version of the index holds: the embedder, the chunking, and each document's revision.

A version is a manifest; switching versions is switching which manifest the pointer names. Records
(passages, revision entries) carry the revision of their document, so a version's records
are those whose (document, revision) the manifest lists: a new version shares every unchanged document's
records with the previous one.
"""

from __future__ import annotations

import base64
import json
import zlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

PACKED = "z:"


@dataclass(frozen=True)
class DocumentEntry:
    """One document of a version: its revision and what the chat lists about it."""

    revision: str
    title: str = ""
    language: str = ""
    passages: int = 0
    publisher: str = ""
    date: str = ""
    url: str = ""
    tags: tuple[str, ...] = ()
    group: str = ""
    indexed_at: str = ""
    country: str = ""  # the one Nordic or Baltic country the document is about ("" when several or none)


@dataclass
class Manifest:
    embedder: str
    dimension: int
    chunking: dict[str, Any]
    documents: dict[str, DocumentEntry] = field(default_factory=dict)
    version: str = ""
    built_at: str = ""

    def to_json(self) -> str:
        data = {
            "embedder": self.embedder,
            "dimension": self.dimension,
            "chunking": self.chunking,
            "documents": {doc_id: {**vars(entry), "tags": list(entry.tags)} for doc_id, entry in self.documents.items()},
            "version": self.version,
            "built_at": self.built_at,
        }
        return json.dumps(data, sort_keys=True, ensure_ascii=False)

    def to_text(self) -> str:
        """The manifest as stored: compressed JSON (a manifest of 10,000 documents is a few MB of JSON)."""
        return PACKED + base64.b64encode(zlib.compress(self.to_json().encode("utf-8"), 6)).decode("ascii")

    @classmethod
    def from_text(cls, text: str) -> Manifest:
        if text.startswith(PACKED):
            text = zlib.decompress(base64.b64decode(text[len(PACKED) :])).decode("utf-8")
        return cls.from_json(text)

    @classmethod
    def from_json(cls, text: str) -> Manifest:
        data = json.loads(text)
        documents = {
            doc_id: DocumentEntry(**{**entry, "tags": tuple(entry.get("tags", ()))})
            for doc_id, entry in data.get("documents", {}).items()
        }
        return cls(
            data["embedder"],
            int(data["dimension"]),
            dict(data["chunking"]),
            documents,
            str(data.get("version", "")),
            str(data.get("built_at", "")),
        )

    def revisions(self) -> dict[str, str]:
        return {doc_id: entry.revision for doc_id, entry in self.documents.items()}

    @property
    def passage_count(self) -> int:
        return sum(entry.passages for entry in self.documents.values())


def now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
