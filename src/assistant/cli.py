"""The command line: ``assistant ingest | ask | eval | serve``."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

logger = logging.getLogger("assistant")


def emit(text: str = "") -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def fail(text: str, code: int = 2) -> int:
    sys.stderr.write(f"error: {text}\n")
    return code


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="assistant", description="Multilingual Q&A over integration-programme sources.")
    parser.add_argument("-v", "--verbose", action="store_true", help="log more")
    commands = parser.add_subparsers(dest="command", required=True)

    ingest = commands.add_parser("ingest", help="index the corpus (incremental)")
    ingest.add_argument("--corpus", type=Path, help="corpus folder (default: ASSISTANT_CORPUS_DIR or corpus/)")
    ingest.add_argument("--rebuild", action="store_true", help="drop the index and embed everything again")
    ingest.add_argument("--if-missing", action="store_true", help="do nothing when the index already has passages")
    ingest.add_argument("--prune", action="store_true", help="allow removing more than half of the indexed documents")
    ingest.add_argument("--json", action="store_true", help="print the ingest report as JSON")

    ask = commands.add_parser("ask", help="answer a question with cited passages")
    ask.add_argument("question", nargs="?", help="the question (or use --batch)")
    ask.add_argument("--lang", help="answer language (default: detected)")
    ask.add_argument("--k", type=int, help="passages to retrieve (default 5)")
    ask.add_argument("--json", action="store_true", help="print the JSON contract")
    ask.add_argument("--batch", type=Path, help="JSONL file with one {'question', 'lang'?} per line")
    ask.add_argument("--source-lang", action="append", default=[], help="only sources in this language")
    ask.add_argument("--source", action="append", default=[], help="only this document (path in the corpus)")
    ask.add_argument("--tag", action="append", default=[], help="only documents with this region/country tag")

    evaluate = commands.add_parser("eval", help="run the gold set and write a report")
    evaluate.add_argument("--gold", type=Path, nargs="+", default=None, help="gold JSONL file(s)")
    evaluate.add_argument(
        "--corpus", type=Path, default=None, help="index this folder into its own evaluation index and run on it"
    )
    evaluate.add_argument(
        "--tune", action="store_true", help="choose retrieval weights and fit the abstention model on these items"
    )
    evaluate.add_argument("--out", type=Path, default=Path("eval/report"), help="output folder")
    evaluate.add_argument("--k", type=int, default=5)
    evaluate.add_argument("--split", choices=["dev", "test"], default=None, help="only items of this split")
    evaluate.add_argument("--generator", default=None, help="answer generator (default: settings)")
    evaluate.add_argument("--no-baselines", action="store_true", help="skip the baselines")
    evaluate.add_argument("--gate", type=Path, default=None, help="fail when metrics fall below these thresholds")
    evaluate.add_argument(
        "--compare",
        type=Path,
        default=None,
        help="an earlier run's folder: report what changed, overall, per language and per item",
    )

    serve = commands.add_parser("serve", help="launch the chat UI")
    serve.add_argument("--host")
    serve.add_argument("--port", type=int)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    from assistant.embedding import ModelNotFound
    from assistant.index.chroma import IndexMismatch, StoreUnavailable
    from assistant.ingest.indexing import CorpusError, PruneRefused
    from assistant.pipeline import UnknownGenerator

    try:
        if args.command == "ingest":
            return run_ingest(args)
        if args.command == "ask":
            return run_ask(args)
        if args.command == "eval":
            if args.tune:
                from assistant.evaluation.tuning import run_tune_command

                return run_tune_command(args)
            from assistant.evaluation.runner import run_eval_command

            return run_eval_command(args)
        if args.command == "serve":
            from assistant.ui import launch

            launch(host=args.host, port=args.port)
            return 0
    except (IndexMismatch, ModelNotFound, StoreUnavailable, UnknownGenerator, CorpusError, PruneRefused) as error:
        return fail(str(error))
    except KeyboardInterrupt:
        return fail("interrupted", 130)
    return fail(f"unknown command {args.command}")


def make_assistant() -> Any:
    from assistant.config import Settings
    from assistant.pipeline import Assistant

    return Assistant.from_settings(Settings())


def run_ingest(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    assistant = make_assistant()
    if args.if_missing and not args.rebuild and assistant.store.count() > 0:
        emit(f"index already built ({assistant.store.count()} passages); skipping")
        return 0
    bar = tqdm(total=0, unit="chunk", desc="embedding", disable=args.json)

    def progress(done: int, total: int) -> None:
        bar.total = total
        bar.n = done
        bar.refresh()

    report = assistant.index(args.corpus, progress=progress, rebuild=args.rebuild, prune=args.prune)
    bar.close()
    if args.json:
        emit(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
        return 0
    emit(
        f"added {len(report.added)}, updated {len(report.updated)}, unchanged {len(report.unchanged)}, "
        f"removed {len(report.removed)}, skipped {len(report.skipped)}; "
        f"{report.chunks_embedded} chunks embedded, {report.chunks_total} in the index ({report.seconds} s)"
    )
    for skipped in report.skipped:
        emit(f"  skipped {skipped.path}: {skipped.reason}")
    for warning in report.warnings:
        emit(f"  warning: {warning}")
    return 0


def read_batch(path: Path) -> Iterator[tuple[int, dict[str, Any] | None, str]]:
    """Yield (line number, item or None, error) for each non-blank line of a JSONL file."""
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except json.JSONDecodeError as error:
                yield number, None, f"line {number}: not JSON ({error.msg})"
                continue
            if not isinstance(item, dict) or not isinstance(item.get("question"), str):
                yield number, None, f"line {number}: needs a 'question' string"
                continue
            yield number, item, ""


def run_ask(args: argparse.Namespace) -> int:
    from assistant.messages import message
    from assistant.types import Filters

    filters = Filters(tuple(args.source_lang), tuple(args.source), tuple(args.tag))
    if args.batch is None and args.question is None:
        return fail("give a question, or --batch FILE.jsonl")
    if args.batch is not None and not args.batch.is_file():
        return fail(f"batch file {args.batch} not found")
    assistant = make_assistant()
    if args.batch is not None:
        for _, item, error in read_batch(args.batch):
            if item is None:
                emit(json.dumps({"error": error}, ensure_ascii=False))
                continue
            answer = assistant.ask(item["question"], item.get("lang") or args.lang, args.k, filters)
            emit(json.dumps(answer.to_json(), ensure_ascii=False))
        return 0
    answer = assistant.ask(args.question, args.lang, args.k, filters)
    if args.json:
        emit(json.dumps(answer.to_json(), ensure_ascii=False, indent=2))
        return 0
    if answer.searched_for:
        emit(message("searched_for", answer.language, text=answer.searched_for))
    emit(answer.text)
    if answer.citations:
        emit()
    for citation in answer.citations:
        hit = citation.hit
        emit(f"[{citation.n}] {hit.title} ({hit.doc_id}, {hit.language}, score {hit.score:.2f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
