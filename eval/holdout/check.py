#!/usr/bin/env python3
"""Checks the hold-out set: eval/holdout/gold.jsonl against eval/holdout/documents/.

Run with the product's venv so that its loader is used:
    .venv/bin/python eval/holdout/check.py
Exits 1 and lists every problem if anything fails.
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
try:
    from assistant.ingest.loaders import load_file
except ImportError:  # not installed in this interpreter: use the source tree
    sys.path.insert(0, "/work/main/src")
    from assistant.ingest.loaders import load_file

LANGS = ["da", "sv", "nb", "is", "fi", "et", "lv", "lt", "en", "de", "pl", "uk", "ru", "ar", "fa", "so", "ti"]
DOC_LANGS = {"da", "sv", "nb", "fi", "et", "lv", "lt", "is", "en", "de"}
FIELDS = {
    "id": str, "question": str, "lang": str, "answerable": bool, "evidence": list, "answer_keywords": list,
    "answer": str, "multi_document": bool, "documents": list, "value_kind": str, "split": str,
}
KINDS = {"money", "number", "date", "duration", "time", "contact", "place", "name", "percent", ""}
EXPECT_TOTAL, EXPECT_UNANSWERABLE, EXPECT_MULTI, MIN_PER_LANG = 85, 15, 5, 5


def norm(text: str) -> str:
    return " ".join(text.split())


def main() -> int:
    problems: list[str] = []

    # ---- documents and metadata ----
    files = sorted(p for p in DOCS.iterdir() if p.is_file() and p.name != "metadata.json")
    texts: dict[str, str] = {}
    for path in files:
        try:
            texts[path.name] = norm(load_file(path).text)
        except Exception as error:
            problems.append(f"{path.name}: loader failed: {error}")
    meta = json.loads((DOCS / "metadata.json").read_text(encoding="utf-8"))
    if set(meta) != {p.name for p in files}:
        problems.append(f"metadata.json keys {sorted(set(meta) ^ {p.name for p in files})} do not match the files")
    for name, fields in meta.items():
        for key in ("title", "language", "publisher", "date", "tags"):
            if key not in fields:
                problems.append(f"metadata.json {name}: missing {key}")
        if fields.get("date") and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", fields["date"]):
            problems.append(f"metadata.json {name}: bad date {fields['date']!r}")
        if fields.get("language") not in DOC_LANGS:
            problems.append(f"metadata.json {name}: language {fields.get('language')!r}")
    doc_langs = Counter(fields.get("language") for fields in meta.values())
    missing = DOC_LANGS - set(doc_langs)
    if missing:
        problems.append(f"no document in {sorted(missing)}")
    formats = Counter(p.suffix for p in files)
    for suffix in (".md", ".html", ".txt", ".docx", ".pdf"):
        if formats[suffix] < 2:
            problems.append(f"only {formats[suffix]} {suffix} documents")
    for name, text in texts.items():
        words = len(text.split())
        if not 300 <= words <= 900:
            problems.append(f"{name}: {words} words (expected 300-900)")

    # ---- questions ----
    rows = []
    for number, line in enumerate(GOLD.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError as error:
            problems.append(f"gold.jsonl line {number}: not JSON ({error})")
    ids = Counter(r.get("id") for r in rows)
    problems += [f"duplicate id {i}" for i, c in ids.items() if c > 1]
    for r in rows:
        rid = r.get("id", "?")
        for key, kind in FIELDS.items():
            if key not in r:
                problems.append(f"{rid}: missing field {key}")
            elif not isinstance(r[key], kind):
                problems.append(f"{rid}: field {key} should be {kind.__name__}")
        extra = set(r) - set(FIELDS)
        if extra:
            problems.append(f"{rid}: unexpected fields {sorted(extra)}")
        if any(k not in r for k in FIELDS):
            continue
        if r["lang"] not in LANGS:
            problems.append(f"{rid}: unknown lang {r['lang']}")
        if not re.fullmatch(rf"H-{re.escape(r['lang'])}-\d\d", rid):
            problems.append(f"{rid}: id does not match H-<lang>-<nn>")
        if r["split"] != "test":
            problems.append(f"{rid}: split {r['split']!r}")
        if r["value_kind"] not in KINDS:
            problems.append(f"{rid}: value_kind {r['value_kind']!r}")
        if not r["question"].strip() or not r["answer"].strip():
            problems.append(f"{rid}: empty question or answer")
        unknown = [d for d in r["documents"] if d not in texts]
        if unknown or not r["documents"]:
            problems.append(f"{rid}: documents {unknown or '[]'} not in documents")
            continue
        if not r["answerable"]:
            if r["evidence"] or r["answer_keywords"]:
                problems.append(f"{rid}: unanswerable but has evidence or keywords")
            if r["multi_document"]:
                problems.append(f"{rid}: unanswerable and multi_document")
            continue
        if not r["evidence"] or not r["answer_keywords"]:
            problems.append(f"{rid}: answerable without evidence or keywords")
        used = set()
        for phrase in r["evidence"]:
            words = len(phrase.split())
            if not 5 <= words <= 20:
                problems.append(f"{rid}: evidence has {words} words: {phrase!r}")
            hits = [d for d in r["documents"] if norm(phrase) in texts[d]]
            if not hits:
                problems.append(f"{rid}: evidence not found verbatim in {r['documents']}: {phrase!r}")
            used.update(hits)
        if unused := set(r["documents"]) - used:
            problems.append(f"{rid}: no evidence from listed document(s) {sorted(unused)}")
        if r["multi_document"] and len(used) < 2:
            problems.append(f"{rid}: multi_document but evidence from {len(used)} document(s)")
        joined = " ".join(texts[d] for d in r["documents"]).lower()
        for group in r["answer_keywords"]:
            if not isinstance(group, list) or not group or not all(isinstance(k, str) and k for k in group):
                problems.append(f"{rid}: keyword group {group!r} should be a non-empty list of strings")
            elif not any(k.lower() in joined for k in group):
                problems.append(f"{rid}: no spelling of keyword group {group} occurs in its documents")

    # ---- totals ----
    per_lang = Counter(r.get("lang") for r in rows)
    for lang in LANGS:
        if per_lang[lang] < MIN_PER_LANG:
            problems.append(f"language {lang}: {per_lang[lang]} questions (< {MIN_PER_LANG})")
    unanswerable = sum(1 for r in rows if r.get("answerable") is False)
    multi = sum(1 for r in rows if r.get("multi_document") is True)
    if len(rows) != EXPECT_TOTAL:
        problems.append(f"{len(rows)} questions (expected {EXPECT_TOTAL})")
    if unanswerable != EXPECT_UNANSWERABLE:
        problems.append(f"{unanswerable} unanswerable (expected {EXPECT_UNANSWERABLE})")
    if multi != EXPECT_MULTI:
        problems.append(f"{multi} multi-document (expected {EXPECT_MULTI})")
    doc_lang = {name: fields.get("language") for name, fields in meta.items()}
    cross = sum(1 for r in rows if all(doc_lang.get(d) != r.get("lang") for d in r.get("documents", [])))

    print(f"documents: {len(files)}  formats: {dict(sorted(formats.items()))}  languages: {dict(sorted(doc_langs.items()))}")
    print(f"questions: {len(rows)}  unanswerable: {unanswerable}  multi-document: {multi}  cross-lingual: {cross}")
    print("per language: " + ", ".join(f"{lang} {per_lang[lang]}" for lang in LANGS))
    if problems:
        print(f"\nFAILED: {len(problems)} problem(s)")
        for p in problems:
            print(" -", p)
        return 1
    print("OK: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
