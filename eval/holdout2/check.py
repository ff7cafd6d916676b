"""Checker for the holdout2 evaluation set.

Run from anywhere:  /work/main/.venv/bin/python /work/main/eval/holdout2/check.py
Prints every problem found, then "OK" (exit 0) or "FAILED: n problems" (exit 1).

It reads the documents only through the product loader (assistant.ingest.loaders.load_file), so every
evidence phrase is checked against the text exactly as the product sees it.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
DOCS = HERE / "documents"
GOLD = HERE / "gold.jsonl"
METADATA = DOCS / "metadata.json"

LANGS = ["da", "sv", "nb", "is", "fi", "et", "lv", "lt", "en", "de", "pl", "uk", "ru", "ar", "fa", "so", "ti"]
DOC_LANGS = ["da", "sv", "nb", "is", "fi", "et", "lv", "lt", "en", "de"]
VALUE_KINDS = {"money", "number", "date", "duration", "time", "contact", "place", "name", "percent", ""}
FORMATS = [".html", ".md", ".txt", ".docx", ".pdf"]
FIELDS = {
    "id": str, "question": str, "lang": str, "answerable": bool, "evidence": list, "answer_keywords": list,
    "answer": str, "multi_document": bool, "documents": list, "value_kind": str, "split": str,
}
ID_PATTERN = re.compile(r"^H2-([a-z]{2})-(\d{2})$")
MIN_PER_LANG, MIN_UNANSWERABLE, MIN_MULTI = 6, 20, 6
MIN_WORDS, MAX_WORDS = 700, 2000
EVIDENCE_WORDS = (5, 20)

sys.path.insert(0, str(HERE.parent.parent / "src"))
from assistant.evaluation.metrics import without_list_markers  # noqa: E402
from assistant.ingest.loaders import load_file  # noqa: E402

norm = without_list_markers  # evidence is matched as the evaluation matches it (list markers aside)


def words(text: str) -> int:
    return sum(1 for token in text.split() if any(ch.isalnum() for ch in token))


def main() -> int:
    problems: list[str] = []

    def problem(message: str) -> None:
        problems.append(message)
        print("PROBLEM:", message)

    # ---- documents and metadata
    files = sorted(p for p in DOCS.iterdir() if p.is_file() and p.name != "metadata.json")
    try:
        metadata = json.loads(METADATA.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        problem(f"metadata.json unreadable: {error}")
        metadata = {}
    if set(metadata) != {p.name for p in files}:
        problem(f"metadata keys differ from files: only in metadata {sorted(set(metadata) - {p.name for p in files})}, "
                f"only on disk {sorted({p.name for p in files} - set(metadata))}")
    if len(files) != 14:
        problem(f"expected 14 documents, found {len(files)}")
    texts: dict[str, str] = {}
    normed: dict[str, str] = {}
    for path in files:
        try:
            loaded = load_file(path)
        except Exception as error:  # noqa: BLE001 - report any loader failure
            problem(f"{path.name}: loader failed: {error}")
            continue
        texts[path.name] = loaded.text
        normed[path.name] = norm(loaded.text)
        count = words(loaded.text)
        if not MIN_WORDS <= count <= MAX_WORDS:
            problem(f"{path.name}: {count} words in the loaded text, expected {MIN_WORDS}-{MAX_WORDS}")
    for name, entry in metadata.items():
        for key, kind in (("title", str), ("language", str), ("publisher", str), ("date", str), ("tags", list)):
            if not isinstance(entry.get(key), kind):
                problem(f"metadata {name}: field {key!r} missing or not {kind.__name__}")
        if entry.get("date") and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", entry["date"]):
            problem(f"metadata {name}: date {entry['date']!r} is not YYYY-MM-DD")
        if "translation_of" in entry and entry["translation_of"] not in metadata:
            problem(f"metadata {name}: translation_of {entry['translation_of']!r} is not a document")
    formats = Counter(p.suffix.lower() for p in files)
    for suffix in FORMATS:
        if formats[suffix] < 2:
            problem(f"format {suffix}: {formats[suffix]} documents, need at least 2")
    doc_langs = Counter(entry.get("language") for entry in metadata.values())
    missing_langs = [lang for lang in DOC_LANGS if doc_langs[lang] < 1]
    if len([lang for lang in DOC_LANGS if doc_langs[lang] >= 1]) < 10:
        problem(f"document languages missing: {missing_langs}")
    if not any("translation_of" in entry for entry in metadata.values()):
        problem("no translation pair marked in metadata")

    # ---- gold items
    items: list[dict] = []
    for number, line in enumerate(GOLD.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            items.append(json.loads(line))
        except json.JSONDecodeError as error:
            problem(f"gold.jsonl line {number}: invalid JSON ({error})")
    ids = Counter(item.get("id") for item in items)
    for duplicate in [i for i, n in ids.items() if n > 1]:
        problem(f"duplicate id {duplicate}")
    for item in items:
        label = item.get("id", "?")
        if set(item) != set(FIELDS):
            problem(f"{label}: fields {sorted(set(item) ^ set(FIELDS))} missing or unexpected")
            continue
        bad = [key for key, kind in FIELDS.items() if not isinstance(item[key], kind)]
        if bad:
            problem(f"{label}: wrong types for {bad}")
            continue
        match = ID_PATTERN.match(item["id"])
        if not match or match.group(1) != item["lang"]:
            problem(f"{label}: id does not match H2-<lang>-<nn> with lang {item['lang']}")
        if item["lang"] not in LANGS:
            problem(f"{label}: unknown lang {item['lang']}")
        if item["value_kind"] not in VALUE_KINDS:
            problem(f"{label}: unknown value_kind {item['value_kind']!r}")
        if item["split"] != "test":
            problem(f"{label}: split should be 'test'")
        if not item["question"].strip() or not item["answer"].strip():
            problem(f"{label}: empty question or answer")
        if not item["documents"]:
            problem(f"{label}: no documents listed")
        for doc in item["documents"]:
            if doc not in texts:
                problem(f"{label}: document {doc} not found/loaded")
        if not all(isinstance(e, str) for e in item["evidence"]):
            problem(f"{label}: evidence must be strings")
            continue
        if not all(isinstance(g, list) and g and all(isinstance(s, str) for s in g) for g in item["answer_keywords"]):
            problem(f"{label}: answer_keywords must be a list of non-empty lists of strings")
            continue
        if not item["answerable"]:
            if item["evidence"] or item["answer_keywords"]:
                problem(f"{label}: unanswerable item has evidence or keywords")
            if item["multi_document"]:
                problem(f"{label}: unanswerable item marked multi_document")
            continue
        if not item["evidence"]:
            problem(f"{label}: answerable item without evidence")
        supplied: set[str] = set()
        for phrase in item["evidence"]:
            n = words(phrase)
            if not EVIDENCE_WORDS[0] <= n <= EVIDENCE_WORDS[1]:
                problem(f"{label}: evidence has {n} words (5-20): {phrase!r}")
            hits = [doc for doc in item["documents"] if doc in normed and norm(phrase) in normed[doc]]
            if not hits:
                problem(f"{label}: evidence not found in its documents: {phrase!r}")
            supplied.update(hits)
        for doc in item["documents"]:
            if doc not in supplied:
                problem(f"{label}: listed document {doc} supplies no evidence")
        if item["multi_document"] and len(supplied) < 2:
            problem(f"{label}: multi_document item draws evidence from {len(supplied)} document(s)")
        for group in item["answer_keywords"]:
            if not any(norm(spelling) in normed.get(doc, "") for spelling in group for doc in item["documents"]):
                problem(f"{label}: no spelling of keyword group {group} occurs in its documents")

    # ---- set-level counts
    per_lang = Counter(item.get("lang") for item in items)
    for lang in LANGS:
        if per_lang[lang] < MIN_PER_LANG:
            problem(f"language {lang}: {per_lang[lang]} questions, need {MIN_PER_LANG}")
    unanswerable = sum(1 for item in items if item.get("answerable") is False)
    multi = sum(1 for item in items if item.get("multi_document") is True)
    if unanswerable < MIN_UNANSWERABLE:
        problem(f"{unanswerable} unanswerable items, need {MIN_UNANSWERABLE}")
    if multi < MIN_MULTI:
        problem(f"{multi} multi-document items, need {MIN_MULTI}")
    used = {doc for item in items for doc in item.get("documents", [])}
    for name in texts:
        if name not in used:
            problem(f"document {name} is not used by any question")

    kinds = Counter(item.get("value_kind") for item in items)
    print(f"items: {len(items)}  unanswerable: {unanswerable}  multi-document: {multi}")
    print("per language:", dict(sorted(per_lang.items())))
    print("value kinds:", dict(sorted(kinds.items())))
    print("formats:", dict(sorted(formats.items())), " document languages:", dict(sorted(doc_langs.items())))
    print("words:", {name: words(text) for name, text in sorted(texts.items())})
    if problems:
        print(f"FAILED: {len(problems)} problems")
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
