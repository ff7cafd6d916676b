"""Write an evaluation run to disk: results.jsonl, metrics.json, report.md and PNG plots."""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)
METRIC_ROWS = (
    "hit@1",
    "hit@5",
    "mrr@10",
    "ndcg@10",
    "median_passage_words",
    "citation_precision",
    "quote_precision",
    "quote_unit_precision",
    "citation_recall",
    "keyword_accuracy",
    "answer_line",
    "answer_line_precision",
    "answer_line_on_unanswerable",
    "answer_language_accuracy",
    "abstention_unanswerable",
    "false_abstention",
    "language_id_accuracy",
    "latency_p50_ms",
    "latency_p95_ms",
)
BASELINES = ("bm25", "dense", "dense_plain", "llamaindex_default")
ABLATION_COLUMNS = (
    "hit@1",
    "mrr@10",
    "quote_precision",
    "keyword_accuracy",
    "answer_line",
    "answer_line_precision",  # a layer that only withholds wrong lines shows here
    "abstention_unanswerable",
    "false_abstention",
)


def fmt(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:.0f}" if value >= 10 else f"{value:.3f}"
    return str(value)


def write_outputs(
    out: Path,
    results: list[dict[str, Any]],
    scores: Sequence[Any],
    report: dict[str, Any],
    comparison: dict[str, Any] | None = None,
) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with (out / "results.jsonl").open("w", encoding="utf-8") as handle:
        for row in results:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    (out / "metrics.json").write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    changes: list[str] = []
    if comparison is not None:
        from assistant.evaluation.comparison import render

        (out / "comparison.json").write_text(json.dumps(comparison, ensure_ascii=False, indent=2), encoding="utf-8")
        changes = render(comparison)
    else:
        (out / "comparison.json").unlink(missing_ok=True)  # never leave an earlier run's comparison beside this one
    (out / "report.md").write_text(render_markdown(report, results, changes), encoding="utf-8")
    try:
        write_plots(out, report, scores)
    except ImportError:
        logger.warning("matplotlib is not installed: no plots (pip install '.[eval]')")


def overall_table(overall: dict[str, Any]) -> list[str]:
    baselines = overall.get("baselines", {})
    names = [name for name in BASELINES if name in baselines]
    lines = ["| metric | product | " + " | ".join(names) + " |", "|---|---|" + "---|" * len(names)]
    for metric in METRIC_ROWS:
        cells = [fmt(baselines[name].get(metric)) for name in names]
        lines.append(f"| {metric} | {fmt(overall.get(metric))} | " + " | ".join(cells) + " |")
    return lines


def ablation_table(overall: dict[str, Any], ablations: dict[str, dict[str, Any]]) -> list[str]:
    if not ablations:
        return ["—"]
    lines = ["| variant | " + " | ".join(ABLATION_COLUMNS) + " |", "|---|" + "---|" * len(ABLATION_COLUMNS)]
    lines.append("| product | " + " | ".join(fmt(overall.get(c)) for c in ABLATION_COLUMNS) + " |")
    for name, metrics in ablations.items():
        cells = []
        for column in ABLATION_COLUMNS:
            value, base = metrics.get(column), overall.get(column)
            delta = f" ({value - base:+.3f})" if isinstance(value, float) and isinstance(base, float) else ""
            cells.append(fmt(value) + delta)
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return lines


def language_table(per_language: dict[str, dict[str, Any]]) -> list[str]:
    columns = (
        "hit@1",
        "hit@5",
        "mrr@10",
        "citation_precision",
        "keyword_accuracy",
        "answer_line",
        "abstention_unanswerable",
        "false_abstention",
        "language_id_accuracy",
    )
    lines = [
        "| lang | items | " + " | ".join(columns) + " | Δhit@5 vs best baseline |",
        "|---|---|" + "---|" * (len(columns) + 1),
    ]
    for lang, metrics in per_language.items():
        baseline_hits = [b.get("hit@5") for b in metrics.get("baselines", {}).values() if b.get("hit@5") is not None]
        delta = (metrics["hit@5"] - max(baseline_hits)) if baseline_hits and metrics.get("hit@5") is not None else None
        delta_text = "—" if delta is None else f"{delta:+.2f}"
        lines.append(
            f"| {lang} | {metrics['items']} | " + " | ".join(fmt(metrics.get(c)) for c in columns) + f" | {delta_text} |"
        )
    return lines


def match_table(groups: dict[str, dict[str, Any]]) -> list[str]:
    if not groups:
        return ["—"]
    found = {n for g in groups.values() for n in g.get("baselines", {})}
    names = [n for n in BASELINES if n in found]
    lines = ["| items | n | metric | product | " + " | ".join(names) + " |", "|---|---|---|---|" + "---|" * len(names)]
    for label, metrics in groups.items():
        for metric in ("hit@1", "hit@5", "mrr@10"):
            cells = [fmt(metrics.get("baselines", {}).get(n, {}).get(metric)) for n in names]
            lines.append(
                f"| {label} | {metrics.get('answerable', 0)} | {metric} | {fmt(metrics.get(metric))} | "
                + " | ".join(cells)
                + " |"
            )
    return lines


FOLLOW_UP_COLUMNS = ("hit@1", "mrr@10", "keyword_accuracy", "answer_line", "abstention_unanswerable", "false_abstention")


def follow_up_section(groups: dict[str, dict[str, Any]]) -> list[str]:
    """Standalone questions against follow-ups asked after an earlier question (nothing without follow-ups)."""
    if not groups:
        return []
    lines = [
        "## Standalone questions and follow-ups",
        "",
        "| items | n | " + " | ".join(FOLLOW_UP_COLUMNS) + " |",
        "|---|---|" + "---|" * len(FOLLOW_UP_COLUMNS),
    ]
    for label, metrics in groups.items():
        cells = " | ".join(fmt(metrics.get(c)) for c in FOLLOW_UP_COLUMNS)
        lines.append(f"| {label} | {metrics.get('items', 0)} | {cells} |")
    return [*lines, ""]


def failures(results: list[dict[str, Any]]) -> list[str]:
    lines = []
    for row in results:
        gold, result, score = row["gold"], row["result"], row["score"]
        problem = ""
        if gold["answerable"] and score["abstained"]:
            problem = "abstained on an answerable question"
        elif gold["answerable"] and not score["hit5"]:
            problem = "no relevant passage in the top 5"
        elif gold["answerable"] and not score["keywords_ok"]:
            problem = "answer misses keywords"
        elif not gold["answerable"] and not score["abstained"]:
            problem = "answered an unanswerable question"
        if problem:
            lines.append(f"- `{gold['id']}` ({problem}, confidence {result.get('confidence', 0):.3f}): {gold['question']}")
    return lines


def render_markdown(report: dict[str, Any], results: list[dict[str, Any]], changes: Sequence[str] = ()) -> str:
    settings = report["settings"]
    lines = [
        "# Evaluation report",
        "",
        f"Run {datetime.now(UTC).strftime('%Y-%m-%d %H:%M UTC')}; gold {', '.join(settings['gold'])} "
        f"(split: {settings['split']}); corpus {settings.get('corpus', '')}; k={settings['k']}; "
        f"generator={settings['generator']}; embedder={settings['embed_model']}; retrieval {settings.get('retrieval', {})}.",
        "",
        *changes,
        "## Overall (product vs baselines; baselines are rankers, so only retrieval metrics apply)",
        "",
        "median_passage_words: the median length of the passages each system returns (its top k), so that a",
        "system with bigger passages cannot win by size alone.",
        "",
        *overall_table(report["overall"]),
        "",
        "## Ablations: the product without one of its layers (change against the product in brackets)",
        "",
        *ablation_table(report["overall"], report.get("ablations", {})),
        "",
        "## Per language",
        "",
        *language_table(report["per_language"]),
        "",
        "## Same-language and cross-lingual questions (answerable items)",
        "",
        "Cross-lingual: no document holding the evidence is in the question's language.",
        "",
        *match_table(report.get("by_language_match", {})),
        "",
        *follow_up_section(report.get("by_follow_up", {})),
        "## Abstention trade-off (threshold on the answer confidence; the shipped model answers at "
        f"{report.get('settings', {}).get('abstention_threshold') or 0.5})",
        "",
        "| threshold | unanswerable abstained | answerable wrongly abstained |",
        "|---|---|---|",
        *[
            f"| {p['threshold']:.2f} | {p['abstention_unanswerable']:.2f} | {p['false_abstention']:.2f} |"
            for p in report["abstention_curve"]
        ],
        "",
        "## Items that failed",
        "",
        *(failures(results) or ["None."]),
        "",
    ]
    return "\n".join(lines)


def write_plots(out: Path, report: dict[str, Any], scores: Sequence[Any]) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    languages = list(report["per_language"])
    series = ("hit@5", "citation_precision", "keyword_accuracy")
    figure, axis = plt.subplots(figsize=(max(8, len(languages) * 0.7), 4))
    width = 0.8 / len(series)
    for i, metric in enumerate(series):
        values = [report["per_language"][lang].get(metric) or 0.0 for lang in languages]
        axis.bar([x + i * width for x in range(len(languages))], values, width, label=metric)
    axis.set_xticks([x + width for x in range(len(languages))], languages)
    axis.set_ylim(0, 1.05)
    axis.set_title("Scores per question language")
    axis.legend(loc="lower right")
    figure.tight_layout()
    figure.savefig(out / "per_language.png", dpi=100)
    plt.close(figure)

    figure, axis = plt.subplots(figsize=(6, 3.5))
    axis.hist([s.latency_ms for s in scores], bins=30)
    axis.set_xlabel("latency per question (ms)")
    axis.set_ylabel("questions")
    figure.tight_layout()
    figure.savefig(out / "latency.png", dpi=100)
    plt.close(figure)

    curve = report["abstention_curve"]
    figure, axis = plt.subplots(figsize=(6, 3.5))
    axis.plot([p["threshold"] for p in curve], [p["abstention_unanswerable"] for p in curve], label="unanswerable abstained")
    axis.plot([p["threshold"] for p in curve], [p["false_abstention"] for p in curve], label="answerable wrongly abstained")
    axis.axvline(0.5, color="grey", linestyle=":", label="decision threshold")
    axis.set_xlabel("threshold")
    axis.legend()
    figure.tight_layout()
    figure.savefig(out / "abstention.png", dpi=100)
    plt.close(figure)
