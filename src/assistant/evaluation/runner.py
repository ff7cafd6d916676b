"""``assistant eval``: run a gold set through the same pipeline as ``assistant ask`` and report.

Writes ``results.jsonl``, ``metrics.json``, ``report.md`` and PNG plots into ``--out``. With ``--corpus DIR``
the run indexes DIR into its own index (``eval/.index/<folder name>-<hash>``, updated incrementally, vectors
cached in ``eval/.cache``) instead of using the product's index. Besides the product it scores baselines
(BM25, dense, the LlamaIndex default) and ablations (the product without one of its layers) on the same
items; ``--gate`` fails (exit 1) when a headline metric falls below the thresholds file; ``--compare DIR``
reports what changed against an earlier run.
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import json
import logging
import sys
import time
from collections.abc import Sequence
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any

from assistant.evaluation.gold import GoldError, GoldItem, load_gold
from assistant.evaluation.metrics import relevance
from assistant.evaluation.scoring import (
    HEADLINE,
    RANK_DEPTH,
    ItemScore,
    abstention_curve,
    aggregate,
    check_gate,
    per_language,
    ranking_scores,
    score_item,
    split_by_follow_up,
    split_by_language_match,
    words,
)

logger = logging.getLogger(__name__)
EVAL_INDEX_ROOT = Path("eval/.index")
EVAL_CACHE = Path("eval/.cache/vectors.sqlite3")


def eval_settings(args: argparse.Namespace) -> Any:
    from assistant.config import Settings

    settings = Settings()
    if getattr(args, "generator", None) and args.generator != settings.generator:
        settings = settings.model_copy(update={"generator": args.generator})
    corpus = getattr(args, "corpus", None)
    if corpus is not None:
        settings = settings.model_copy(
            update={
                "corpus_dir": corpus,
                "index_dir": eval_index_dir(corpus),
                "embed_cache": EVAL_CACHE,
                "chroma_url": "",
            }
        )
    return settings


def eval_index_dir(corpus: Path) -> Path:
    """``eval/.index/<folder name>-<short hash of its path>``: two corpora called "documents" get two
    indexes."""
    path = corpus.resolve()
    return EVAL_INDEX_ROOT / f"{path.name}-{hashlib.sha256(str(path).encode()).hexdigest()[:8]}"


def run_eval_command(args: argparse.Namespace) -> int:
    from assistant.evaluation.comparison import compare, load_run, render
    from assistant.evaluation.report import write_outputs
    from assistant.pipeline import Assistant

    settings = eval_settings(args)
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
    if getattr(args, "corpus", None) is not None:
        report_ = assistant.index()
        logger.info("evaluation index: %d passages (%d embedded)", report_.chunks_total, report_.chunks_embedded)
    if assistant.store.count() == 0:
        logger.error("the index is empty: run 'assistant ingest' first")
        return 2
    results, scores, ablations = run_items(
        assistant, items, args.k, baselines=not args.no_baselines, ablations=not args.no_baselines
    )
    overall = aggregate(scores)
    report = {
        "overall": overall,
        "per_language": per_language(scores),
        "ablations": {name: aggregate(rows) for name, rows in ablations.items()},
        "abstention_curve": abstention_curve(scores),
        "by_language_match": split_by_language_match(scores),
        "by_follow_up": split_by_follow_up(scores),
        "settings": {
            "k": args.k,
            "embed_model": settings.embed_model,
            "generator": settings.generator,
            "gold": [str(p) for p in gold_paths],
            "corpus": str(settings.corpus_dir),
            "split": getattr(args, "split", None) or "all",
            "retrieval": asdict(assistant.retriever.params),
            "abstention_threshold": abstention_threshold(assistant.answerer),
        },
    }
    comparison = compare(before, report, results) if before is not None else None
    write_outputs(args.out, results, scores, report, comparison)
    logging.getLogger("assistant").warning("wrote %s", args.out)
    if comparison is not None:
        sys.stdout.write("\n".join(render(comparison)) + "\n")
    if args.gate is not None:
        thresholds = json.loads(Path(args.gate).read_text(encoding="utf-8"))
        failures = check_gate(
            overall, {k: v for k, v in thresholds.items() if k in HEADLINE or k.removeprefix("max_") in HEADLINE}
        )
        if failures:
            for failure in failures:
                logger.error("regression gate: %s", failure)
            return 1
    return 0


def variants(assistant: Any) -> dict[str, Any]:
    """The product without one of its layers each: what each layer gains shows as the drop in its row."""
    from assistant.answer.extractive import ExtractiveAnswerer

    def with_parts(**parts: Any) -> Any:
        variant = copy.copy(assistant)
        for name, value in parts.items():
            setattr(variant, name, value)
        return variant

    retriever = assistant.retriever
    rows = {
        "without_unit_evidence": with_parts(retriever=retriever.with_params(unit_weight=0.0)),
        "without_translation_grouping": with_parts(retriever=retriever.with_params(group_translations=False)),
        "without_follow_up_vector": with_parts(retriever=retriever.with_params(follow_up_weight=0.0)),
        "without_value_ranking": with_parts(retriever=retriever.with_params(value_penalty=0.0)),
        "without_ranking_corrections": with_parts(
            retriever=retriever.with_params(intro_penalty=0.0, same_language_penalty=0.0, length_weight=0.0)
        ),
        "without_country_check": with_parts(retriever=retriever.with_params(country_penalty=0.0)),
        "without_both_sides": with_parts(retriever=retriever.with_params(alternative_rank=0)),
    }
    answerer = assistant.answerer
    if isinstance(answerer, ExtractiveAnswerer):

        def without(**changes: Any) -> Any:
            variant = copy.copy(answerer)
            for name, value in changes.items():
                setattr(variant, name, value)
            return with_parts(answerer=variant)

        rows["without_value_kinds"] = without(use_kinds=False)
        rows["without_value_choice"] = without(chooser=None)
        rows["without_weekdays"] = without(use_days=False)
        rows["without_contact_names"] = without(use_names=False)
        rows["without_places"] = without(use_places=False)
        rows["without_whole_lists"] = without(whole_lists=False)
        rows["without_town_check"] = without(towns_of=None)
        rows["without_named_rows"] = without(named_rows=False)
        rows["without_date_roles"] = without(date_roles=False)
        rows["without_line_threshold"] = without(abstention=replace(answerer.abstention, line=None))
    return rows


def run_items(
    assistant: Any, items: Sequence[GoldItem], k: int, baselines: bool = True, ablations: bool = True
) -> tuple[list[dict[str, Any]], list[ItemScore], dict[str, list[ItemScore]]]:
    from tqdm import tqdm

    from assistant.evaluation.baselines import bm25_ranker, dense_plain_ranker, dense_ranker, llamaindex_ranker

    rankers = {}
    if baselines:
        rankers = {
            "bm25": bm25_ranker(assistant),
            "dense": dense_ranker(assistant),
            "dense_plain": dense_plain_ranker(assistant),
            "llamaindex_default": llamaindex_ranker(assistant.settings.corpus_dir, assistant.embedder),
        }
    rows = variants(assistant) if ablations else {}
    evidence_languages = evidence_language_map(assistant.settings.corpus_dir, items)
    results: list[dict[str, Any]] = []
    scores: list[ItemScore] = []
    ablated: dict[str, list[ItemScore]] = {name: [] for name in rows}
    for item in tqdm(items, desc="eval", unit="q"):
        started = time.perf_counter()
        answer = assistant.ask(item.question, k=max(k, RANK_DEPTH), answer_k=k, **conversation(item))
        result = answer.to_json()
        result["timings_ms"]["total"] = (time.perf_counter() - started) * 1000
        score = score_item(item, result, k)
        score.cross_lingual = item.answerable and item.lang not in evidence_languages.get(item.id, set())
        score.follow_up = bool(item.history)
        if item.answerable:
            for name, rank in rankers.items():
                texts = rank(searched_text(item), answer.language, RANK_DEPTH)
                score.baselines[name] = {
                    **ranking_scores(relevance(texts, item.evidence), k),
                    "median_passage_words": float(sorted(words(t) for t in texts[:k])[len(texts[:k]) // 2]) if texts else 0.0,
                }
        for name, variant in rows.items():
            asked = variant.ask(item.question, k=max(k, RANK_DEPTH), answer_k=k, **conversation(item))
            ablated[name].append(score_item(item, asked.to_json(), k))
        results.append({"gold": asdict(item), "result": result, "score": asdict(score)})
        scores.append(score)
    return results, scores, ablated


def abstention_threshold(answerer: Any) -> float | None:
    judge = getattr(answerer, "extractive", answerer)
    model = getattr(judge, "abstention", None)
    return float(model.threshold) if model is not None else None


def conversation(item: GoldItem) -> dict[str, Any]:
    """A follow-up is asked as the chat asks it: with the earlier questions, and the language of the one
    before it for a question too short to tell its own."""
    if not item.history:
        return {}
    from assistant.languages.detection import detect_language

    return {"history": item.history, "fallback_language": detect_language(item.history[-1])}


def searched_text(item: GoldItem) -> str:
    """A follow-up joined to the question before it (what a baseline ranks, and the tuning reads)."""
    from assistant.retrieve.questions import joined_question

    return joined_question(list(item.history), item.question)


def evidence_language_map(corpus_dir: Path, items: Sequence[GoldItem]) -> dict[str, set[str]]:
    """For each item, the languages of the corpus documents that contain one of its evidence quotes."""
    from assistant.evaluation.metrics import without_list_markers
    from assistant.ingest.corpus import scan_corpus

    if not corpus_dir.is_dir():
        return {}
    documents = [(without_list_markers(d.text), d.language) for d in scan_corpus(corpus_dir).documents]
    return {
        item.id: {language for text, language in documents if any(without_list_markers(q) in text for q in item.evidence)}
        for item in items
    }
