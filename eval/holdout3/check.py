"""Check eval/holdout3: run as  /work/main/.venv/bin/python eval/holdout3/check.py  (from /work/main).

Loads every document with the product's loader (assistant.ingest.loaders.load_file) and verifies the gold file
against the LOADED text. Prints OK, or one line per problem.
"""
from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
try:
    from assistant.ingest.loaders import load_file
except ImportError:  # not installed in this interpreter: use the source tree
    sys.path.insert(0, str(ROOT / "src"))
    from assistant.ingest.loaders import load_file

LANGS = "da sv nb is fi et lv lt en de pl uk ru ar fa so ti".split()
VALUE_KINDS = {"money", "number", "percent", "date", "time", "duration", "contact", "name", "place", None}
FIELDS = ["id", "question", "lang", "answerable", "evidence", "answer_keywords", "answer",
          "multi_document", "documents", "value_kind", "split"]
DOC_SUFFIXES = {".md", ".html", ".txt", ".docx", ".pdf"}


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def main() -> int:
    problems: list[str] = []
    docs_dir = HERE / "documents"
    files = sorted(p for p in docs_dir.iterdir() if p.suffix.lower() in DOC_SUFFIXES)
    loaded: dict[str, str] = {}
    for path in files:
        try:
            loaded[path.name] = norm(load_file(path).text)
        except Exception as error:  # noqa: BLE001 - report every failure
            problems.append(f"{path.name}: loader failed: {error}")

    # metadata
    try:
        metadata = json.loads((docs_dir / "metadata.json").read_text(encoding="utf-8"))
    except Exception as error:  # noqa: BLE001
        metadata = {}
        problems.append(f"metadata.json unreadable: {error}")
    for name in sorted(set(loaded) | set(metadata)):
        if name not in metadata:
            problems.append(f"metadata.json: no entry for {name}")
            continue
        if name not in loaded:
            problems.append(f"metadata.json: entry for missing/unloadable file {name}")
        entry = metadata[name]
        for key in ("title", "language", "publisher", "date", "tags"):
            if key not in entry:
                problems.append(f"metadata.json[{name}]: missing {key}")
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(entry.get("date", ""))):
            problems.append(f"metadata.json[{name}]: date not YYYY-MM-DD")
        if "translation_of" in entry and entry["translation_of"] not in metadata:
            problems.append(f"metadata.json[{name}]: translation_of names unknown file")

    # gold
    items = []
    for number, line in enumerate((HERE / "gold.jsonl").read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            items.append(json.loads(line))
        except json.JSONDecodeError as error:
            problems.append(f"gold.jsonl line {number}: invalid JSON ({error})")

    ids = Counter(item.get("id") for item in items)
    for dup, count in ids.items():
        if count > 1:
            problems.append(f"duplicate id {dup} ({count}x)")

    per_lang = Counter(item.get("lang") for item in items)
    for lang in LANGS:
        if per_lang[lang] < 5:
            problems.append(f"language {lang}: only {per_lang[lang]} questions (need >= 5)")

    for item in items:
        qid = item.get("id", "?")
        missing = [f for f in FIELDS if f not in item]
        if missing:
            problems.append(f"{qid}: missing fields {missing}")
            continue
        if item["lang"] not in LANGS:
            problems.append(f"{qid}: unknown lang {item['lang']}")
        if not str(qid).startswith(f"H3-{item['lang']}-"):
            problems.append(f"{qid}: id does not match lang")
        if item["value_kind"] not in VALUE_KINDS:
            problems.append(f"{qid}: bad value_kind {item['value_kind']}")
        if item["split"] != "test":
            problems.append(f"{qid}: split is not 'test'")
        if not item["question"].strip() or not item["answer"].strip():
            problems.append(f"{qid}: empty question or answer")
        docs = item["documents"]
        if not docs or any(d not in loaded for d in docs):
            problems.append(f"{qid}: unknown or empty documents {docs}")
            continue
        if item["multi_document"] and len(docs) < 2:
            problems.append(f"{qid}: multi_document but fewer than 2 documents")
        texts = [loaded[d] for d in docs]
        if not item["answerable"]:
            if item["evidence"] or item["answer_keywords"]:
                problems.append(f"{qid}: unanswerable item must have empty evidence and answer_keywords")
            continue
        if not 1 <= len(item["evidence"]) <= 3:
            problems.append(f"{qid}: needs 1-3 evidence phrases")
        for phrase in item["evidence"]:
            words = len(norm(phrase).split())
            if not 4 <= words <= 25:
                problems.append(f"{qid}: evidence has {words} words (want 4-25): {phrase!r}")
            if not any(norm(phrase) in text for text in texts):
                problems.append(f"{qid}: evidence not in loaded text of {docs}: {phrase!r}")
        if item["multi_document"]:
            for d in docs:
                if not any(norm(p) in loaded[d] for p in item["evidence"]):
                    problems.append(f"{qid}: multi-document item has no evidence from {d}")
        for group in item["answer_keywords"]:
            if not isinstance(group, list) or not group:
                problems.append(f"{qid}: keyword group must be a non-empty list: {group!r}")
                continue
            if not any(norm(alt) in text for alt in group for text in texts):
                problems.append(f"{qid}: no keyword alternative of {group} in loaded text of {docs}")

    if problems:
        print(f"{len(problems)} problem(s):")
        for problem in problems:
            print(" -", problem)
        return 1
    unans = sum(not i["answerable"] for i in items)
    multi = sum(i["multi_document"] for i in items)
    print(f"OK ({len(loaded)} documents, {len(items)} questions, {unans} unanswerable, {multi} multi-document)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
