"""``assistant eval``: run a gold set through the same pipeline as ``assistant ask`` and report.

Writes ``results.jsonl``, ``metrics.json``, ``report.md`` and PNG plots into ``--out``; with ``--gate``
it fails (exit 1) when a headline metric falls below the thresholds file; with ``--compare DIR`` it also
reports what changed against an earlier run (``assistant.comparison``).
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import sys
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from assistant.language import detect_language
from assistant.metrics import (
    hit_at,
    is_relevant,
    keywords_present,
    mean,
    ndcg,
    percentile,
    reciprocal_rank,
    relevance,
)

logger = logging.getLogger(__name__)
RANK_DEPTH = 10
HEADLINE = ("hit@5", "citation_precision", "abstention_unanswerable")


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
                )
            except (json.JSONDecodeError, KeyError, TypeError) as error:
                raise GoldError(f"{path}:{number}: {error}") from error
            if split is None or item.split == split:
                items.append(item)
    return items


@dataclass
class ItemScore:
    id: str
    lang: str
    answerable: bool
    abstained: bool
    confidence: float
    latency_ms: float
    language_ok: bool
    hit1: float | None = None
    hit5: float | None = None
    mrr10: float | None = None
    ndcg10: float | None = None
    cited: int = 0
    cited_relevant: int = 0
    citation_hit: float | None = None
    keywords_ok: float | None = None
    answer_language_ok: float | None = None  # only for generators that write prose
    cross_lingual: bool = False  # no document holding the evidence is in the question's language
    baselines: dict[str, dict[str, float]] = field(default_factory=dict)


def score_item(item: GoldItem, result: dict[str, Any], k: int) -> ItemScore:
    score = ItemScore(
        id=item.id,
        lang=item.lang,
        answerable=item.answerable,
        abstained=bool(result["abstained"]),
        confidence=float(result.get("confidence", 0.0)),
        latency_ms=float(result["timings_ms"].get("total", 0.0)),
        language_ok=result["language"] == item.lang,
    )
    cited_rel = [is_relevant(c["text"], item.evidence) for c in result["citations"]] if item.evidence else []
    score.cited = len(result["citations"])
    score.cited_relevant = sum(cited_rel) if item.answerable else 0
    if item.answerable:
        rels = relevance([p["text"] for p in result["passages"]], item.evidence)
        score.hit1, score.hit5 = hit_at(rels, 1), hit_at(rels, k)
        score.mrr10, score.ndcg10 = reciprocal_rank(rels, RANK_DEPTH), ndcg(rels, RANK_DEPTH)
        score.citation_hit = 1.0 if any(cited_rel) else 0.0
        score.keywords_ok = 1.0 if (not score.abstained and keywords_present(result["answer"], item.answer_keywords)) else 0.0
    if result.get("generator", "extractive") != "extractive" and not score.abstained:
        score.answer_language_ok = 1.0 if detect_language(strip_quotes(result["answer"]), fallback="") == item.lang else 0.0
    return score


def strip_quotes(answer: str) -> str:
    """The answer's own words: quoted source text and citation markers removed."""
    return re.sub(r"“[^”]*”|\[\d+\]", " ", answer)


def ranking_scores(rels: list[bool], k: int) -> dict[str, float]:
    return {"hit@1": hit_at(rels, 1), "hit@5": hit_at(rels, k), "mrr@10": reciprocal_rank(rels), "ndcg@10": ndcg(rels)}


def aggregate(scores: Sequence[ItemScore]) -> dict[str, Any]:
    answerable = [s for s in scores if s.answerable]
    unanswerable = [s for s in scores if not s.answerable]
    cited = sum(s.cited for s in answerable) + sum(s.cited for s in unanswerable)
    latencies = [s.latency_ms for s in scores]
    metrics: dict[str, Any] = {
        "items": len(scores),
        "answerable": len(answerable),
        "unanswerable": len(unanswerable),
        "hit@1": mean([s.hit1 for s in answerable if s.hit1 is not None]),
        "hit@5": mean([s.hit5 for s in answerable if s.hit5 is not None]),
        "mrr@10": mean([s.mrr10 for s in answerable if s.mrr10 is not None]),
        "ndcg@10": mean([s.ndcg10 for s in answerable if s.ndcg10 is not None]),
        # Citations on unanswerable items are never relevant: they count against precision.
        "citation_precision": (sum(s.cited_relevant for s in answerable) / cited) if cited else None,
        "citation_recall": mean([s.citation_hit for s in answerable if s.citation_hit is not None]),
        "keyword_accuracy": mean([s.keywords_ok for s in answerable if s.keywords_ok is not None]),
        "answer_language_accuracy": mean([s.answer_language_ok for s in scores if s.answer_language_ok is not None]),
        "abstention_unanswerable": mean([1.0 if s.abstained else 0.0 for s in unanswerable]),
        "false_abstention": mean([1.0 if s.abstained else 0.0 for s in answerable]),
        "language_id_accuracy": mean([1.0 if s.language_ok else 0.0 for s in scores]),
        "latency_p50_ms": percentile(latencies, 50),
        "latency_p95_ms": percentile(latencies, 95),
    }
    names = sorted({name for s in answerable for name in s.baselines})
    metrics["baselines"] = {
        name: {
            metric: mean([s.baselines[name][metric] for s in answerable if name in s.baselines])
            for metric in ("hit@1", "hit@5", "mrr@10", "ndcg@10")
        }
        for name in names
    }
    return metrics


def per_language(scores: Sequence[ItemScore]) -> dict[str, dict[str, Any]]:
    groups: dict[str, list[ItemScore]] = defaultdict(list)
    for s in scores:
        groups[s.lang].append(s)
    return {lang: aggregate(group) for lang, group in sorted(groups.items())}


def abstention_curve(
    scores: Sequence[ItemScore], steps: int = 31, low: float = 0.25, high: float = 0.55
) -> list[dict[str, float]]:
    """For each threshold: the share of unanswerable items abstained on and of answerable ones wrongly abstained on."""
    answerable = [s.confidence for s in scores if s.answerable]
    unanswerable = [s.confidence for s in scores if not s.answerable]
    curve = []
    for i in range(steps):
        t = round(low + (high - low) * i / (steps - 1), 3)
        curve.append(
            {
                "threshold": t,
                "abstention_unanswerable": mean([1.0 if c < t else 0.0 for c in unanswerable]) or 0.0,
                "false_abstention": mean([1.0 if c < t else 0.0 for c in answerable]) or 0.0,
            }
        )
    return curve


def check_gate(metrics: dict[str, Any], thresholds: dict[str, float]) -> list[str]:
    failures = []
    for name, floor in thresholds.items():
        value = metrics.get(name)
        if isinstance(floor, int | float) and (value is None or value < floor):
            failures.append(f"{name} = {value if value is None else round(value, 4)} < threshold {floor}")
    return failures


def run_eval_command(args: argparse.Namespace) -> int:
    from assistant.comparison import compare, load_run, render
    from assistant.config import Settings
    from assistant.pipeline import Assistant
    from assistant.report import write_outputs

    settings = Settings()
    if args.generator and args.generator != settings.generator:
        settings = settings.model_copy(update={"generator": args.generator})
    gold_paths = args.gold or [Path("eval/gold.jsonl")]
    try:
        items = load_gold(gold_paths, getattr(args, "split", None))
    except (GoldError, OSError) as error:
        logger.error("%s", error)
        return 2
    if not items:
        logger.error("no gold items to run")
        return 2
    before = load_run(args.compare) if getattr(args, "compare", None) is not None else None
    assistant = Assistant.from_settings(settings)
    if assistant.store.count() == 0:
        logger.error("the index is empty: run 'assistant ingest' first")
        return 2
    results, scores = run_items(assistant, items, args.k, baselines=not args.no_baselines)
    overall = aggregate(scores)
    curve = abstention_curve(scores)
    report = {
        "overall": overall,
        "per_language": per_language(scores),
        "abstention_curve": curve,
        "recommended_min_score": recommend_threshold(curve),
        "by_language_match": split_by_language_match(scores),
        "settings": {
            "k": args.k,
            "min_score": settings.min_score,
            "embed_model": settings.embed_model,
            "generator": settings.generator,
            "gold": [str(p) for p in gold_paths],
            "split": getattr(args, "split", None) or "all",
        },
    }
    comparison = compare(before, report, results) if before is not None else None
    write_outputs(args.out, items, results, scores, report, comparison)
    logging.getLogger("assistant").warning("wrote %s", args.out)
    if comparison is not None:
        sys.stdout.write("\n".join(render(comparison)) + "\n")
    if args.gate is not None:
        thresholds = json.loads(Path(args.gate).read_text(encoding="utf-8"))
        failures = check_gate(overall, {k: v for k, v in thresholds.items() if k in HEADLINE})
        if failures:
            for failure in failures:
                logger.error("regression gate: %s", failure)
            return 1
    return 0


def run_items(
    assistant: Any, items: Sequence[GoldItem], k: int, baselines: bool = True
) -> tuple[list[dict[str, Any]], list[ItemScore]]:
    from tqdm import tqdm

    from assistant.baselines import bm25_ranker, dense_ranker, llamaindex_ranker, variant_ranker

    rankers = {}
    if baselines:
        rankers = {
            "bm25": bm25_ranker(assistant.store),
            "dense": dense_ranker(assistant.store, assistant.embedder),
            "llamaindex_default": llamaindex_ranker(assistant.settings.corpus_dir, assistant.embedder),
            "product_without_bm25": variant_ranker(assistant.retriever, use_lexical=False),
            "product_rrf": variant_ranker(assistant.retriever, fusion="rrf"),
        }
    evidence_languages = evidence_language_map(assistant.settings.corpus_dir, items)
    results: list[dict[str, Any]] = []
    scores: list[ItemScore] = []
    for item in tqdm(items, desc="eval", unit="q"):
        started = time.perf_counter()
        answer = assistant.ask(item.question, k=max(k, RANK_DEPTH), answer_k=k)
        result = answer.to_json()
        result["timings_ms"]["total"] = (time.perf_counter() - started) * 1000
        score = score_item(item, result, k)
        score.cross_lingual = item.answerable and item.lang not in evidence_languages.get(item.id, set())
        if item.answerable:
            for name, rank in rankers.items():
                score.baselines[name] = ranking_scores(
                    relevance(rank(item.question, answer.language, RANK_DEPTH), item.evidence), k
                )
        results.append({"gold": asdict(item), "result": result, "score": asdict(score)})
        scores.append(score)
    return results, scores


def evidence_language_map(corpus_dir: Path, items: Sequence[GoldItem]) -> dict[str, set[str]]:
    """For each item, the languages of the corpus documents that contain one of its evidence quotes."""
    from assistant.corpus import scan_corpus
    from assistant.metrics import normalise

    documents = [(normalise(d.text), d.language) for d in scan_corpus(corpus_dir).documents]
    return {
        item.id: {language for text, language in documents if any(normalise(q) in text for q in item.evidence)} for item in items
    }


def split_by_language_match(scores: Sequence[ItemScore]) -> dict[str, dict[str, Any]]:
    """Metrics for same-language and cross-lingual answerable items (with baselines)."""
    answerable = [s for s in scores if s.answerable]
    return {
        "same_language": aggregate([s for s in answerable if not s.cross_lingual]),
        "cross_lingual": aggregate([s for s in answerable if s.cross_lingual]),
    }


def recommend_threshold(curve: list[dict[str, float]]) -> float | None:
    """The threshold maximising (unanswerable abstained - answerable wrongly abstained), Youden's J;
    ties go to the lowest threshold. Compute it on the dev split only."""
    if not curve:
        return None
    best = max(p["abstention_unanswerable"] - p["false_abstention"] for p in curve)
    return min(p["threshold"] for p in curve if p["abstention_unanswerable"] - p["false_abstention"] == best)
