"""Did a change help? An evaluation run compared with an earlier one, overall, per language and per item.

``assistant eval --compare DIR`` reads DIR's ``metrics.json`` and ``results.jsonl`` (written by an earlier
run, e.g. the committed ``eval/report``) before writing the new run, and adds what moved to the new
``report.md`` and ``comparison.json``: the metrics that changed, overall and per question language, and
the items whose outcome changed (which passage came first, abstained or answered, keywords found).
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from assistant.evaluation.report import METRIC_ROWS

logger = logging.getLogger(__name__)
# The report's metrics, less latency: timings move from run to run without any change.
METRICS = tuple(name for name in METRIC_ROWS if not name.startswith("latency"))
# Per item: the outcome flags a maintainer reads an item's change from.
OUTCOMES = ("hit1", "hit5", "mrr10", "abstained", "citation_hit", "keywords_ok", "language_ok")


def load_run(folder: Path) -> dict[str, Any] | None:
    """An earlier run's metrics and per-item scores, or None (with a warning) when it cannot be read."""
    try:
        metrics = json.loads((folder / "metrics.json").read_text(encoding="utf-8"))
        items = {}
        for line in (folder / "results.jsonl").read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                items[row["gold"]["id"]] = {"question": row["gold"]["question"], **row["score"]}
    except (OSError, ValueError, KeyError, TypeError) as error:
        logger.warning("cannot compare with %s: %s", folder, error)
        return None
    return {"folder": str(folder), "metrics": metrics, "items": items}


def compare(before: dict[str, Any], metrics: dict[str, Any], results: list[dict[str, Any]]) -> dict[str, Any]:
    """What changed from the run ``before`` (see ``load_run``) to this run's ``metrics`` and ``results``."""
    old = before["metrics"]
    languages = sorted(set(old.get("per_language", {})) | set(metrics.get("per_language", {})))
    per_language = {
        lang: changed(old.get("per_language", {}).get(lang, {}), metrics.get("per_language", {}).get(lang, {}))
        for lang in languages
    }
    items = []
    for row in results:
        item_id = row["gold"]["id"]
        earlier = before["items"].get(item_id)
        if earlier is None:
            continue
        moved = {
            name: [earlier.get(name), row["score"].get(name)] for name in OUTCOMES if earlier.get(name) != row["score"].get(name)
        }
        if moved:
            items.append({"id": item_id, "lang": row["gold"]["lang"], "question": row["gold"]["question"], "changed": moved})
    return {
        "against": before["folder"],
        "overall": changed(old.get("overall", {}), metrics.get("overall", {})),
        "per_language": {lang: delta for lang, delta in per_language.items() if delta},
        "items": items,
        "items_compared": sum(1 for row in results if row["gold"]["id"] in before["items"]),
    }


def changed(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[float | None]]:
    """The metrics whose value differs (by more than rounding) between two metric tables."""
    moved: dict[str, list[float | None]] = {}
    for name in METRICS:
        old, new = before.get(name), after.get(name)
        if old is None and new is None:
            continue
        if old is None or new is None or abs(float(old) - float(new)) > 5e-4:
            moved[name] = [old, new]
    return moved


def _value(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def _plain(value: Any) -> str:
    return str(round(value, 3)) if isinstance(value, float) else str(value)


def _arrow(pair: list[float | None]) -> str:
    old, new = pair
    sign = "" if old is None or new is None else f" ({new - old:+.3f})"
    return f"{_value(old)} → {_value(new)}{sign}"


def render(comparison: dict[str, Any]) -> list[str]:
    """Markdown lines for ``report.md``."""
    lines = [f"## Change against {comparison['against']}", ""]
    overall = comparison["overall"]
    if not overall and not comparison["per_language"] and not comparison["items"]:
        return [*lines, f"Nothing changed ({comparison['items_compared']} items compared).", ""]
    lines += ["| metric | before → after |", "|---|---|"]
    lines += [f"| {name} | {_arrow(pair)} |" for name, pair in overall.items()] or ["| (no overall change) | |"]
    lines += ["", "Per question language:", "", "| lang | metric | before → after |", "|---|---|---|"]
    for lang, moved in comparison["per_language"].items():
        lines += [f"| {lang} | {name} | {_arrow(pair)} |" for name, pair in moved.items()]
    lines += ["", f"Items whose outcome changed ({len(comparison['items'])} of {comparison['items_compared']}):", ""]
    for item in comparison["items"]:
        what = ", ".join(f"{name} {_plain(old)} → {_plain(new)}" for name, (old, new) in item["changed"].items())
        lines.append(f"- `{item['id']}` ({item['lang']}): {what}. {item['question']}")
    return [*lines, ""]
