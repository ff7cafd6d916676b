"""Which version of the index is live, and a one-step return to the one before it."""

from __future__ import annotations

from dataclasses import dataclass

from assistant.index.store import ChromaStore


class NothingToRollBack(RuntimeError):
    """The index has no previous version to return to."""


@dataclass(frozen=True)
class IndexStatus:
    version: str
    built_at: str
    documents: int
    passages: int
    embedder: str
    dimension: int
    previous: str = ""
    previous_built_at: str = ""

    def lines(self) -> list[str]:
        lines = [
            f"live version: {self.version} (built {self.built_at})",
            f"documents: {self.documents}, passages: {self.passages}",
            f"embedding model: {self.embedder} ({self.dimension} dimensions)",
        ]
        if self.previous:
            lines.append(
                f"previous version: {self.previous} (built {self.previous_built_at}); 'assistant index rollback' returns to it"
            )
        else:
            lines.append("no previous version to roll back to")
        return lines


def status(store: ChromaStore) -> IndexStatus | None:
    """The live version's description, or None when nothing was indexed yet."""
    store.refresh()
    pointer = store.pointer()
    manifest = store.manifest(pointer["active"]) if pointer.get("active") else None
    if manifest is None:
        return None
    previous = store.manifest(pointer["previous"]) if pointer.get("previous") else None
    return IndexStatus(
        manifest.version,
        manifest.built_at,
        len(manifest.documents),
        manifest.passage_count,
        manifest.embedder,
        manifest.dimension,
        previous.version if previous is not None else "",
        previous.built_at if previous is not None else "",
    )


def rollback(store: ChromaStore) -> IndexStatus:
    """Make the previous version live again (one pointer update); the version it replaces becomes the
    previous one, so a second rollback undoes the first."""
    store.refresh()
    pointer = store.pointer()
    previous = pointer.get("previous")
    if not previous or store.manifest(previous) is None:
        raise NothingToRollBack("the index has no previous version to return to")
    store.set_pointer(previous, pointer.get("active"))
    found = status(store)
    assert found is not None
    return found
