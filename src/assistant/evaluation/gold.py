"""Gold question sets: JSON lines with the question, its language, whether the sources answer it, the
evidence a relevant passage contains, the keywords a right answer contains, and its split."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path


class GoldError(ValueError):
    """A gold file line does not have the expected fields."""


@dataclass(frozen=True)
class GoldItem:
    id: str
    question: str
    lang: str
    answerable: bool
    evidence: tuple[str, ...] = ()
    answer_keywords: tuple[tuple[str, ...], ...] = ()
    answer: str = ""
    split: str = ""
    multi_document: bool = False
    documents: tuple[str, ...] = ()  # the files holding the evidence (or that an unanswerable one is about)
    value_kind: str = ""  # the kind of value asked for ("money", "date", ...), "" for an open question
    history: tuple[str, ...] = ()  # the earlier questions of the conversation, for a follow-up


def load_gold(paths: Sequence[Path], split: str | None = None) -> list[GoldItem]:
    items: list[GoldItem] = []
    for path in paths:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                raw = json.loads(line)
                item = GoldItem(
                    id=str(raw["id"]),
                    question=str(raw["question"]),
                    lang=str(raw.get("lang", "")),
                    answerable=bool(raw["answerable"]),
                    evidence=tuple(raw.get("evidence", [])),
                    answer_keywords=tuple(tuple(group) for group in raw.get("answer_keywords", [])),
                    answer=str(raw.get("answer", "")),
                    split=str(raw.get("split", "")),
                    multi_document=bool(raw.get("multi_document", False)),
                    documents=tuple(raw.get("documents", [])),
                    value_kind=str(raw.get("value_kind", "")),
                    history=tuple(str(q) for q in raw.get("history", [])),
                )
            except (json.JSONDecodeError, KeyError, TypeError) as error:
                raise GoldError(f"{path}:{number}: {error}") from error
            if split is None or item.split == split:
                items.append(item)
    return items
