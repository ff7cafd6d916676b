"""Thumbs up/down with an optional comment, stored locally in SQLite with the question, answer and citations.

Nothing else about users is stored: no names, addresses or sessions.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

SCHEMA = """
CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created TEXT NOT NULL,
    question TEXT NOT NULL,
    answer TEXT NOT NULL,
    citations TEXT NOT NULL,
    language TEXT NOT NULL,
    vote INTEGER NOT NULL,
    comment TEXT NOT NULL DEFAULT ''
)
"""


class FeedbackStore:
    def __init__(self, path: Path):
        self.path = path
        self._lock = threading.Lock()
        path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as connection:
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute(SCHEMA)

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(self.path, timeout=30)

    def record(
        self, question: str, answer: str, citations: list[dict[str, Any]], language: str, vote: int, comment: str = ""
    ) -> int:
        """Store one rating (+1 or -1); returns its id. Safe to call from many threads and processes."""
        row = (
            datetime.now(UTC).isoformat(timespec="seconds"),
            question,
            answer,
            json.dumps(citations, ensure_ascii=False),
            language,
            1 if vote > 0 else -1,
            comment[:2000],
        )
        with self._lock, self._connect() as connection:
            cursor = connection.execute(
                "INSERT INTO feedback (created, question, answer, citations, language, vote, comment) VALUES (?, ?, ?, ?, ?, ?, ?)",
                row,
            )
            return int(cursor.lastrowid or 0)

    def add_comment(self, feedback_id: int, comment: str) -> bool:
        with self._lock, self._connect() as connection:
            cursor = connection.execute("UPDATE feedback SET comment = ? WHERE id = ?", (comment[:2000], feedback_id))
            return cursor.rowcount == 1

    def all(self) -> list[dict[str, Any]]:
        with self._connect() as connection:
            connection.row_factory = sqlite3.Row
            return [dict(row) for row in connection.execute("SELECT * FROM feedback ORDER BY id")]
