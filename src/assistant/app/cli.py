"""The command line: ``assistant ingest | index | ask | eval | serve``.

Input is checked before anything runs: an unknown language code, a non-positive ``--k``, an unknown
``--source`` or a batch file that is not JSON lines is refused with a message and exit code 2, and
nothing is changed or answered.
"""

from __future__ import annotations

import argparse
import difflib
import json
import logging
import sys
from pathlib import Path
from typing import Any

logger = logging.getLogger("assistant")
USAGE_ERROR = 2


def emit(text: str = "") -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def fail(text: str, code: int = USAGE_ERROR) -> int:
    sys.stderr.write(f"error: {text}\n")
    return code


def positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


def language_code(text: str) -> str:
    from assistant.languages.detection import SUPPORTED, normalise_code

    if text == "auto":
        return text
    code = normalise_code(text)
    if code is None:
        raise argparse.ArgumentTypeError(f"unknown language code '{text}'; supported: {', '.join(SUPPORTED)} (or auto)")
    return code


def epilog() -> str:
    from assistant.languages.detection import SUPPORTED

    return (
        "examples:\n"
        "  assistant ingest                      index corpus/ (only what changed)\n"
        "  assistant ingest --corpus my-docs     index another folder\n"
        "  assistant index status                which version is live, built when, from what\n"
        "  assistant index rollback              return to the previous version in one step\n"
        '  assistant ask "Hvor lang tid varer integrationsprogrammet?"\n'
        '  assistant ask "Скільки коштує курс?" --lang uk --k 3 --json\n'
        '  assistant ask --batch questions.jsonl  one {"question": ..., "lang"?: ...} per line\n'
        "  assistant eval --corpus eval/corpus/documents --gold eval/corpus/gold.jsonl --split test\n"
        "  assistant serve                       the chat on http://127.0.0.1:7860\n\n"
        f"language codes: {' '.join(SUPPORTED)}"
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="assistant",
        description="Multilingual questions and answers over integration-programme sources, with cited passages.",
        epilog=epilog(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log more")
    commands = parser.add_subparsers(dest="command", required=True)

    ingest = commands.add_parser(
        "ingest", help="index the corpus (incremental)", epilog=epilog(), formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ingest.add_argument("--corpus", type=Path, help="corpus folder (default: ASSISTANT_CORPUS_DIR or corpus/)")
    ingest.add_argument("--rebuild", action="store_true", help="embed every document again")
    ingest.add_argument("--if-missing", action="store_true", help="do nothing when the index already has passages")
    ingest.add_argument("--prune", action="store_true", help="allow removing more than half of the indexed documents")
    ingest.add_argument("--json", action="store_true", help="print the ingest report as JSON")

    index = commands.add_parser("index", help="the index's versions: status, rollback")
    index.add_argument(
        "action", choices=["status", "rollback"], help="status: which version is live; rollback: return to the previous one"
    )
    index.add_argument("--json", action="store_true", help="print the status as JSON")

    ask = commands.add_parser(
        "ask", help="answer a question with cited passages", epilog=epilog(), formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ask.add_argument("question", nargs="?", help="the question (or use --batch)")
    ask.add_argument("--lang", type=language_code, help="answer language (default: detected)")
    ask.add_argument("--k", type=positive_int, help="passages to retrieve (default 5)")
    ask.add_argument("--json", action="store_true", help="print the JSON contract")
    ask.add_argument("--batch", type=Path, help="JSONL file with one {'question', 'lang'?} per line")
    ask.add_argument("--source-lang", type=language_code, action="append", default=[], help="only sources in this language")
    ask.add_argument("--source", action="append", default=[], help="only this document (its path in the corpus)")
    ask.add_argument("--tag", action="append", default=[], help="only documents with this region/country tag")

    evaluate = commands.add_parser("eval", help="run a gold set and write a report")
    evaluate.add_argument("--gold", type=Path, nargs="+", default=None, help="gold JSONL file(s)")
    evaluate.add_argument(
        "--corpus", type=Path, default=None, help="index this folder into its own evaluation index and run on it"
    )
    evaluate.add_argument(
        "--tune", action="store_true", help="choose retrieval weights and fit the abstention model on these items"
    )
    evaluate.add_argument("--out", type=Path, default=Path("eval/report"), help="output folder")
    evaluate.add_argument("--k", type=positive_int, default=5)
    evaluate.add_argument("--split", choices=["dev", "test"], default=None, help="only items of this split")
    evaluate.add_argument("--generator", default=None, help="answer generator (default: settings)")
    evaluate.add_argument("--no-baselines", action="store_true", help="skip the baselines and ablations")
    evaluate.add_argument("--gate", type=Path, default=None, help="fail when metrics fall below these thresholds")
    evaluate.add_argument("--compare", type=Path, default=None, help="an earlier run's folder: report what changed")

    serve = commands.add_parser("serve", help="launch the chat UI")
    serve.add_argument("--host")
    serve.add_argument("--port", type=positive_int)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    from assistant.index.chroma import IndexMismatch, StoreUnavailable
    from assistant.index.versions import NothingToRollBack
    from assistant.ingest.indexing import CorpusError, PruneRefused
    from assistant.models.embedder import ModelNotFound
    from assistant.pipeline import UnknownGenerator

    try:
        if args.command == "ingest":
            return run_ingest(args)
        if args.command == "index":
            return run_index(args)
        if args.command == "ask":
            return run_ask(args)
        if args.command == "eval":
            if args.tune:
                from assistant.evaluation.tuning import run_tune_command

                return run_tune_command(args)
            from assistant.evaluation.runner import run_eval_command

            return run_eval_command(args)
        if args.command == "serve":
            from assistant.app.ui import launch

            logging.getLogger("assistant").setLevel(logging.INFO)
            launch(host=args.host, port=args.port)
            return 0
    except (CorpusError, PruneRefused, NothingToRollBack) as error:
        return fail(str(error))
    except (IndexMismatch, ModelNotFound, StoreUnavailable, UnknownGenerator) as error:
        return fail(str(error), 1)
    except KeyboardInterrupt:
        return fail("interrupted", 130)
    return fail(f"unknown command {args.command}")


def make_assistant() -> Any:
    from assistant.config import Settings
    from assistant.pipeline import Assistant

    return Assistant.from_settings(Settings())


def run_ingest(args: argparse.Namespace) -> int:
    from assistant.app.progress import ProgressBar, load_with_spinner

    assistant = make_assistant()
    if args.if_missing and not args.rebuild and assistant.store.count() > 0:
        emit(f"index already built ({assistant.store.count()} passages); skipping")
        return 0
    corpus = args.corpus or assistant.settings.corpus_dir
    from assistant.ingest.indexing import check_folder

    check_folder(corpus)  # a missing or empty folder is refused before the model is loaded
    from assistant.index.chroma import reachable

    with reachable(assistant.store.location):
        assistant.store.count()  # and so is a Chroma server that is down
    if not args.json:
        load_with_spinner(lambda: assistant.embedder.dimension, "loading the embedding model")
    with ProgressBar("embedding", disable=args.json) as bar:
        report = assistant.index(corpus, progress=bar.update, rebuild=args.rebuild, prune=args.prune)
    if args.json:
        emit(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
        return 0
    emit(
        f"added {len(report.added)}, updated {len(report.updated)}, unchanged {len(report.unchanged)}, "
        f"removed {len(report.removed)}, skipped {len(report.skipped)}; "
        f"{report.chunks_embedded} passages embedded, {report.chunks_total} in the index ({report.seconds} s)"
    )
    for skipped in report.skipped:
        emit(f"  skipped {skipped.path}: {skipped.reason}")
    for warning in report.warnings:
        emit(f"  warning: {warning}")
    return 0


def run_index(args: argparse.Namespace) -> int:
    from assistant.index.versions import rollback, status

    assistant = make_assistant()
    if args.action == "rollback":
        from assistant.app.uploads import match_uploads_to_index

        found = rollback(assistant.store)
        match_uploads_to_index(assistant.settings, assistant.store.active())
        emit("rolled back: " + found.lines()[0])
        return 0
    current = status(assistant.store)
    if current is None:
        return fail("nothing is indexed yet: run 'assistant ingest'", 1)
    location = str(assistant.store.location)
    index = location if "://" in location else str(Path(location).resolve())
    where = {"index": index, "corpus": str(assistant.settings.corpus_dir.resolve())}
    if args.json:
        from dataclasses import asdict

        emit(json.dumps({**asdict(current), **where}, indent=2))
    else:
        for line in current.lines():
            emit(line)
        emit(f"index: {where['index']}; corpus folder: {where['corpus']}")
    return 0


def read_batch(path: Path) -> list[dict[str, Any]]:
    """The items of a JSON-lines batch file; ``ValueError`` naming every bad line when any is bad."""
    from assistant.languages.detection import normalise_code

    items: list[dict[str, Any]] = []
    problems: list[str] = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError:
        raise ValueError(f"batch file {path} is not UTF-8 text (JSON lines expected)") from None
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as error:
            problems.append(f"line {number}: not JSON ({error.msg})")
            continue
        if not isinstance(item, dict) or not isinstance(item.get("question"), str):
            problems.append(f"line {number}: needs a 'question' string")
        elif item.get("lang") and normalise_code(str(item["lang"])) is None:
            problems.append(f"line {number}: unknown language code '{item['lang']}'")
        else:
            items.append(item)
    if problems:
        shown = "; ".join(problems[:5]) + (f"; and {len(problems) - 5} more" if len(problems) > 5 else "")
        raise ValueError(f"batch file {path} is not JSON lines of questions: {shown}")
    if not items:
        raise ValueError(f"batch file {path} holds no question")
    return items


def unknown_sources(assistant: Any, sources: list[str]) -> str:
    """A message naming the requested documents the index does not hold (and close matches), or ""."""
    known = [row["source"] for row in assistant.documents()]
    missing = [source for source in sources if source not in known]
    if not missing:
        return ""
    hints = []
    for source in missing:
        close = difflib.get_close_matches(source, known, n=2)
        hints.append(f"'{source}'" + (f" (did you mean {' or '.join(repr(c) for c in close)}?)" if close else ""))
    return f"no such document in the index: {', '.join(hints)}; {len(known)} documents are indexed ('assistant index status')"


def run_ask(args: argparse.Namespace) -> int:
    from assistant.languages.messages import message
    from assistant.types import Filters

    if args.batch is None and args.question is None:
        return fail("give a question, or --batch FILE.jsonl")
    items: list[dict[str, Any]] = []
    if args.batch is not None:
        if not args.batch.is_file():
            return fail(f"batch file {args.batch} not found")
        try:
            items = read_batch(args.batch)
        except ValueError as error:
            return fail(str(error))
    lang = None if args.lang in (None, "auto") else args.lang
    assistant = make_assistant()
    if args.source and (problem := unknown_sources(assistant, args.source)):
        return fail(problem)
    filters = Filters(tuple(args.source_lang), tuple(args.source), tuple(args.tag))
    if items:
        for item in items:
            answer = assistant.ask(item["question"], item.get("lang") or lang, args.k, filters)
            emit(json.dumps(answer.to_json(), ensure_ascii=False))
        return 0
    answer = assistant.ask(args.question, lang, args.k, filters)
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
