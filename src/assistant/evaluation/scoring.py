"""Per-item scores and their aggregates: ranking, quotes, keywords, abstention, language."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from assistant.evaluation.gold import GoldItem
from assistant.evaluation.metrics import (
    contains_evidence,
    hit_at,
    is_relevant,
    keywords_present,
    mean,
    median,
    ndcg,
    percentile,
    reciprocal_rank,
    relevance,
)

RANK_DEPTH = 10
_CITATION = re.compile(r"\[\d+\]")
HEADLINE = (
    "hit@1",
    "hit@5",
    "mrr@10",
    "keyword_accuracy",
    "quote_precision",
    "answer_line",
    "abstention_unanswerable",
    "false_abstention",
)


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
    quotes_relevant: int = 0
    quote_hit: float | None = None  # the answer's quotes together hold the gold evidence
    answer_line_ok: float | None = None  # a value question: the answer's first line states the gold value
    answer_line_given: bool = False  # the answer opens with a short line (a value and its citation)
    citation_hit: float | None = None
    keywords_ok: float | None = None
    answer_language_ok: float | None = None  # only for generators that write prose
    cross_lingual: bool = False  # no document holding the evidence is in the question's language
    follow_up: bool = False  # asked after an earlier question of the conversation
    passage_words: list[int] = field(default_factory=list)
    baselines: dict[str, dict[str, float]] = field(default_factory=dict)


def words(text: str) -> int:
    return len(text.split())


def score_item(item: GoldItem, result: dict[str, Any], k: int) -> ItemScore:
    score = ItemScore(
        id=item.id,
        lang=item.lang,
        answerable=item.answerable,
        abstained=bool(result["abstained"]),
        confidence=float(result.get("confidence", 0.0)),
        latency_ms=float(result["timings_ms"].get("total", 0.0)),
        language_ok=result["language"] == item.lang,
        passage_words=[words(p["text"]) for p in result["passages"][:k]],
    )
    score.cited = len(result["citations"])
    if item.answerable and item.evidence:
        cited_rel = [is_relevant(c["text"], item.evidence) for c in result["citations"]]
        score.cited_relevant = sum(cited_rel)
        score.quotes_relevant = sum(contains_evidence(c["quote"], item.evidence) for c in result["citations"])
        rels = relevance([p["text"] for p in result["passages"]], item.evidence)
        score.hit1, score.hit5 = hit_at(rels, 1), hit_at(rels, k)
        score.mrr10, score.ndcg10 = reciprocal_rank(rels, RANK_DEPTH), ndcg(rels, RANK_DEPTH)
        score.citation_hit = 1.0 if any(cited_rel) else 0.0
        if not score.abstained:
            quoted = "\n".join(c["quote"] for c in result["citations"])
            score.quote_hit = 1.0 if contains_evidence(quoted, item.evidence) else 0.0
        score.keywords_ok = 1.0 if (not score.abstained and keywords_present(result["answer"], item.answer_keywords)) else 0.0
        if item.value_kind:
            first = result["answer"].strip().split("\n")[0]
            score.answer_line_ok = 1.0 if (not score.abstained and keywords_present(first, item.answer_keywords)) else 0.0
    score.answer_line_given = not score.abstained and bool(_CITATION.search(result["answer"].strip().split("\n")[0]))
    if result.get("generator", "extractive") != "extractive" and not score.abstained:
        from assistant.languages.detection import detect_language

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
    cited = sum(s.cited for s in scores)
    answered = [s for s in answerable if not s.abstained]
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
        # Of the answered answerable questions, the share whose quoted words contain the gold evidence.
        "quote_precision": mean([s.quote_hit for s in answered if s.quote_hit is not None]),
        # Stricter: of all the quotes given for answered answerable questions, the share holding it.
        "quote_unit_precision": (sum(s.quotes_relevant for s in answered) / c) if (c := sum(s.cited for s in answered)) else None,
        "citation_recall": mean([s.citation_hit for s in answerable if s.citation_hit is not None]),
        "keyword_accuracy": mean([s.keywords_ok for s in answerable if s.keywords_ok is not None]),
        # Of the answerable questions asking for a value: the answer's first line states it.
        "answer_line": mean([s.answer_line_ok for s in answerable if s.answer_line_ok is not None]),
        # Of the short lines given to answerable value questions, the share stating the gold value; and how
        # often an unanswerable question got one (a value stated where the sources have none).
        "answer_line_precision": mean(
            [s.answer_line_ok for s in answerable if s.answer_line_given and s.answer_line_ok is not None]
        ),
        "answer_line_on_unanswerable": mean([1.0 if s.answer_line_given else 0.0 for s in unanswerable]),
        "answer_language_accuracy": mean([s.answer_language_ok for s in scores if s.answer_language_ok is not None]),
        "abstention_unanswerable": mean([1.0 if s.abstained else 0.0 for s in unanswerable]),
        "false_abstention": mean([1.0 if s.abstained else 0.0 for s in answerable]),
        "language_id_accuracy": mean([1.0 if s.language_ok else 0.0 for s in scores]),
        "median_passage_words": median([w for s in scores for w in s.passage_words]),
        "latency_p50_ms": percentile(latencies, 50),
        "latency_p95_ms": percentile(latencies, 95),
    }
    names = sorted({name for s in answerable for name in s.baselines})
    metrics["baselines"] = {
        name: {
            metric: mean([s.baselines[name][metric] for s in answerable if name in s.baselines and metric in s.baselines[name]])
            for metric in ("hit@1", "hit@5", "mrr@10", "ndcg@10", "median_passage_words")
        }
        for name in names
    }
    return metrics


def per_language(scores: Sequence[ItemScore]) -> dict[str, dict[str, Any]]:
    groups: dict[str, list[ItemScore]] = defaultdict(list)
    for s in scores:
        groups[s.lang].append(s)
    return {lang: aggregate(group) for lang, group in sorted(groups.items())}


def abstention_curve(scores: Sequence[ItemScore], steps: int = 21) -> list[dict[str, float]]:
    """For each threshold on the answer confidence: unanswerable abstained and answerable wrongly abstained."""
    answerable = [s.confidence for s in scores if s.answerable]
    unanswerable = [s.confidence for s in scores if not s.answerable]
    curve = []
    for i in range(steps):
        t = round(i / (steps - 1), 3)
        curve.append(
            {
                "threshold": t,
                "abstention_unanswerable": mean([1.0 if c < t else 0.0 for c in unanswerable]) or 0.0,
                "false_abstention": mean([1.0 if c < t else 0.0 for c in answerable]) or 0.0,
            }
        )
    return curve


def split_by_language_match(scores: Sequence[ItemScore]) -> dict[str, dict[str, Any]]:
    """Metrics for same-language and cross-lingual answerable items (with baselines)."""
    answerable = [s for s in scores if s.answerable]
    return {
        "same_language": aggregate([s for s in answerable if not s.cross_lingual]),
        "cross_lingual": aggregate([s for s in answerable if s.cross_lingual]),
    }


def split_by_follow_up(scores: Sequence[ItemScore]) -> dict[str, dict[str, Any]]:
    """Metrics for standalone questions and for follow-ups ({} when the gold set has no follow-ups)."""
    if not any(s.follow_up for s in scores):
        return {}
    return {
        "standalone": aggregate([s for s in scores if not s.follow_up]),
        "follow_up": aggregate([s for s in scores if s.follow_up]),
    }


def check_gate(metrics: dict[str, Any], thresholds: dict[str, float]) -> list[str]:
    """Failures: a metric below its floor (or, for names starting with 'max_', above its ceiling)."""
    failures = []
    for name, bound in thresholds.items():
        if not isinstance(bound, int | float):
            continue
        ceiling = name.startswith("max_")
        metric = name[4:] if ceiling else name
        value = metrics.get(metric)
        if value is None or (value > bound if ceiling else value < bound):
            relation = ">" if ceiling else "<"
            failures.append(f"{metric} = {value if value is None else round(value, 4)} {relation} threshold {bound}")
    return failures
