"""Lexical (BM25) search over passages with SQLite's FTS5, on disk and updated one document at a time.

Each row is one passage revision's context header and text, tokenised in the passage's own language
(Snowball stems, lower-cased, diacritics folded). Rows carry their document's revision like the Chroma
records do; a search keeps the rows of the active version. In embedded mode the ingest writes the rows;
in server mode each app instance keeps its own copy in a local file and fetches, after a version switch,
only the passages of documents whose revision changed. FTS5 ranks with BM25 and returns the top rows only.
"""

from __future__ import annotations

import logging
import re
import sqlite3
import threading
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from functools import cache
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
STEMMERS = {
    "da": "danish",
    "sv": "swedish",
    "nb": "norwegian",
    "fi": "finnish",
    "lt": "lithuanian",
    "et": "estonian",
    "en": "english",
    "de": "german",
    "ru": "russian",
    "ar": "arabic",
}
SCHEMA = """
CREATE VIRTUAL TABLE IF NOT EXISTS rows USING fts5(tokens, record UNINDEXED, doc_id UNINDEXED, revision UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 0');
CREATE TABLE IF NOT EXISTS revisions (doc_id TEXT, revision TEXT, PRIMARY KEY (doc_id, revision));
"""


@cache
def _stemmer(language: str) -> Any:
    import Stemmer

    name = STEMMERS.get(language)
    if name is None or name not in Stemmer.algorithms():
        return None
    return Stemmer.Stemmer(name)


def fold(word: str) -> str:
    """Lower-case and strip diacritics, so 'Rīga' meets 'Riga' and 'Šiauliai' meets 'Siauliai'."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def tokenize(text: str, language: str) -> list[str]:
    words = [w.casefold() for w in _WORD.findall(text)]
    stemmer = _stemmer(language)
    if stemmer is not None:
        words = stemmer.stemWords(words)
    return [fold(w) for w in words if len(w) > 1 or w.isdigit()]


def query_tokens(question: str, language: str) -> list[str]:
    """The question stemmed in its own language and unstemmed (to meet names and other languages' stems)."""
    return list(dict.fromkeys(tokenize(question, language) + tokenize(question, "")))


class LexicalIndex:
    """BM25 rows in one SQLite file; safe for several threads (one connection per thread)."""

    def __init__(self, path: Path):
        self.path = path
        self._local = threading.local()
        self._sync_lock = threading.Lock()
        self.synced_version = ""

    def _connection(self) -> sqlite3.Connection:
        connection = getattr(self._local, "connection", None)
        if connection is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(str(self.path), timeout=30)
            connection.execute("PRAGMA journal_mode=WAL")
            connection.executescript(SCHEMA)
            self._local.connection = connection
        return connection

    def add(self, doc_id: str, revision: str, rows: Iterable[tuple[str, str, str]]) -> None:
        """Add one document revision's rows: (record id, text to index, language)."""
        connection = self._connection()
        with connection:
            connection.execute("DELETE FROM rows WHERE doc_id = ? AND revision = ?", (doc_id, revision))
            connection.executemany(
                "INSERT INTO rows (tokens, record, doc_id, revision) VALUES (?, ?, ?, ?)",
                [(" ".join(tokenize(text, language)), record, doc_id, revision) for record, text, language in rows],
            )
            connection.execute("INSERT OR IGNORE INTO revisions VALUES (?, ?)", (doc_id, revision))

    def keep_only(self, keep: set[tuple[str, str]]) -> None:
        """Delete the rows of every (document, revision) not in ``keep``."""
        connection = self._connection()
        stale = [pair for pair in connection.execute("SELECT doc_id, revision FROM revisions") if tuple(pair) not in keep]
        with connection:
            for doc_id, revision in stale:
                connection.execute("DELETE FROM rows WHERE doc_id = ? AND revision = ?", (doc_id, revision))
                connection.execute("DELETE FROM revisions WHERE doc_id = ? AND revision = ?", (doc_id, revision))

    def revisions(self) -> set[tuple[str, str]]:
        return {(str(d), str(r)) for d, r in self._connection().execute("SELECT doc_id, revision FROM revisions")}

    def sync(
        self, version: str, revisions: dict[str, str], fetch: Callable[[str], Sequence[tuple[str, str, str]]]
    ) -> None:
        """Make sure every active document revision has its rows: ``fetch(doc_id)`` gives the rows of a
        document's active revision (read from Chroma) when this file lacks them."""
        if version == self.synced_version:
            return
        with self._sync_lock:
            if version == self.synced_version:
                return
            have = self.revisions()
            missing = [doc_id for doc_id, revision in revisions.items() if (doc_id, revision) not in have]
            if missing:
                logger.info("lexical index: adding %d changed document(s)", len(missing))
            for doc_id in missing:
                self.add(doc_id, revisions[doc_id], fetch(doc_id))
            self.synced_version = version

    def search(self, question: str, language: str, n: int, revisions: dict[str, str]) -> list[tuple[str, float]]:
        """The best ``n`` active records for ``question`` by BM25 (higher is better), best first."""
        tokens = query_tokens(question, language)
        if not tokens:
            return []
        expression = " OR ".join(f'"{token}"' for token in tokens)
        found: list[tuple[str, float]] = []
        limit = n + 10
        while True:
            rows = self._connection().execute(
                "SELECT record, doc_id, revision, bm25(rows) FROM rows WHERE rows MATCH ? ORDER BY bm25(rows) LIMIT ?",
                (expression, limit),
            ).fetchall()
            found = [(str(record), -float(score)) for record, doc_id, revision, score in rows if revisions.get(doc_id) == revision]
            if len(found) >= n or len(rows) < limit:
                return found[:n]
            limit *= 4

    def close(self) -> None:
        connection = getattr(self._local, "connection", None)
        if connection is not None:
            connection.close()
            self._local.connection = None
