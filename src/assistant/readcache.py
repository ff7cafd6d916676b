"""A bounded, thread-safe read cache of per-chunk data (vectors, sentences, passages) for one process.

Entries are keyed by the Chroma collection's name, which names an index *version*: an ingest writes a
new version and switches to it, so an entry can never be stale for readers in any process. The store
clears the cache when it writes into a version itself.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from typing import Any

DEFAULT_ENTRIES = 20_000  # per-chunk items; ~6 KB each for a 768-dimension model with its sentences


class ReadCache:
    def __init__(self, entries: int = DEFAULT_ENTRIES):
        self.entries = entries
        self._items: OrderedDict[tuple[str, str, str], Any] = OrderedDict()
        self._lock = threading.Lock()

    def lookup(self, space: str, kind: str, keys: Iterable[str]) -> tuple[dict[str, Any], list[str]]:
        """The cached values among ``keys`` and the keys that are missing (in their order)."""
        found: dict[str, Any] = {}
        missing: list[str] = []
        with self._lock:
            for key in dict.fromkeys(keys):
                item = self._items.get((space, kind, key))
                if item is None:
                    missing.append(key)
                else:
                    self._items.move_to_end((space, kind, key))
                    found[key] = item
        return found, missing

    def remember(self, space: str, kind: str, values: dict[str, Any]) -> None:
        with self._lock:
            for key, value in values.items():
                self._items[(space, kind, key)] = value
                self._items.move_to_end((space, kind, key))
            while len(self._items) > self.entries:
                self._items.popitem(last=False)

    def get(self, space: str, kind: str, keys: Sequence[str], fetch: Callable[[list[str]], dict[str, Any]]) -> dict[str, Any]:
        """The values for ``keys``: cached ones, and the missing ones from ``fetch(missing)`` (then cached).
        Keys ``fetch`` does not return are absent from the result."""
        found, missing = self.lookup(space, kind, keys)
        if missing:
            fetched = fetch(missing)
            self.remember(space, kind, fetched)
            found.update(fetched)
        return found

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
