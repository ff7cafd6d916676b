"""The command line and its JSON contract."""

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from assistant.app import cli

CITATION_KEYS = {
    "n": int,
    "chunk_id": str,
    "source": str,
    "title": str,
    "language": str,
    "text": str,
    "quote": str,
    "score": float,
}
PASSAGE_KEYS = {"chunk_id": str, "source": str, "title": str, "language": str, "text": str, "score": float}


def check_contract(data: dict[str, Any]) -> None:
    for key, kind in {
        "question": str,
        "language": str,
        "abstained": bool,
        "answer": str,
        "citations": list,
        "passages": list,
        "timings_ms": dict,
    }.items():
        assert isinstance(data[key], kind), key
    for citation in data["citations"]:
        for key, kind in CITATION_KEYS.items():
            assert isinstance(citation[key], kind), key
        assert all(0 <= s < e <= len(citation["text"]) for s, e in citation["spans"])
        for start, end in citation["spans"]:  # every quoted part is the passage's own text, shown in the quote
            assert " ".join(citation["text"][start:end].split()).split(" | ")[-1] in " ".join(citation["quote"].split())
        assert f"[{citation['n']}]" in data["answer"]
    for passage in data["passages"]:
        for key, kind in PASSAGE_KEYS.items():
            assert isinstance(passage[key], kind), key
    assert {"retrieve", "answer", "total"} <= set(data["timings_ms"])


@pytest.fixture()
def use_seed(monkeypatch: pytest.MonkeyPatch, seed_assistant: Any) -> Any:
    monkeypatch.setattr(cli, "make_assistant", lambda: seed_assistant)
    return seed_assistant


def test_ask_json_contract(use_seed: Any, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["ask", "Who is the director of the Nordic Welfare Centre?", "--json", "--k", "4"]) == 0
    data = json.loads(capsys.readouterr().out)
    check_contract(data)
    assert len(data["passages"]) == 4
    assert data["citations"] and data["passages"][0]["source"].endswith(".txt")
    assert [p["score"] for p in data["passages"]] == sorted((p["score"] for p in data["passages"]), reverse=True)


def test_ask_batch_one_line_per_input(use_seed: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    batch = tmp_path / "q.jsonl"
    batch.write_text(
        json.dumps({"question": "Hvornår holdes den nordiske integrationskonference?"})
        + "\n\n"
        + json.dumps({"question": "Which city?", "lang": "lv"})
        + "\n",
        encoding="utf-8",
    )
    assert cli.main(["ask", "--batch", str(batch), "--json"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(lines) == 2
    check_contract(lines[0])
    assert lines[0]["language"] == "da" and lines[1]["language"] == "lv"


def test_a_batch_that_is_not_json_lines_answers_nothing(
    use_seed: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    batch = tmp_path / "q.jsonl"
    batch.write_text(json.dumps({"question": "Which city?"}) + "\nnot json\n" + json.dumps({"q": 1}) + "\n", encoding="utf-8")
    assert cli.main(["ask", "--batch", str(batch), "--json"]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and "line 2: not JSON" in captured.err and "line 3: needs a 'question'" in captured.err
    batch.write_text(json.dumps({"question": "Which city?", "lang": "xx"}) + "\n", encoding="utf-8")
    assert cli.main(["ask", "--batch", str(batch)]) == 2
    assert "unknown language code 'xx'" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["ask", "Which city?", "--lang", "xx"], "unknown language code 'xx'"),
        (["ask", "Which city?", "--k", "0"], "must be at least 1"),
        (["ask", "Which city?", "--k", "-3"], "must be at least 1"),
        (["ask", "Which city?", "--k", "many"], "is not a whole number"),
        (["ask", "Which city?", "--source-lang", "klingon"], "unknown language code"),
        (["eval", "--k", "0"], "must be at least 1"),
    ],
)
def test_bad_arguments_exit_2_with_a_message(arguments: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        cli.main(arguments)
    assert exit_info.value.code == 2 and message in capsys.readouterr().err


def test_an_unknown_source_is_no_such_document(use_seed: Any, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["ask", "Which city?", "--source", "nope.txt"]) == 2
    assert "no such document in the index: 'nope.txt'" in capsys.readouterr().err
    assert cli.main(["ask", "Which city?", "--source", "002_f239626ca5b98d50.tx"]) == 2
    assert "did you mean '002_f239626ca5b98d50.txt'" in capsys.readouterr().err
    assert cli.main(["ask", "Which city?", "--source", "002_f239626ca5b98d50.txt", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert all(p["source"] == "002_f239626ca5b98d50.txt" for p in data["passages"])


def test_help_shows_examples_and_language_codes(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["ask", "--help"])
    out = capsys.readouterr().out
    assert exit_info.value.code == 0 and "examples:" in out and "assistant index rollback" in out
    assert "da sv nb is fi et lv lt en de pl uk ru ar fa so ti" in out


def test_index_status_and_rollback(use_seed: Any, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["index", "status"]) == 0
    out = capsys.readouterr().out
    assert "live version:" in out and "documents: 5" in out and "embeddinggemma" in out
    corpus = str(use_seed.settings.corpus_dir.resolve())
    assert f"corpus folder: {corpus}" in out  # which folder this index was built from
    assert cli.main(["index", "status", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["corpus"] == corpus


@pytest.mark.parametrize("question", ["", "   \n\t ", "\x00\x01\x02"])
def test_empty_questions_get_a_clear_message(use_seed: Any, capsys: pytest.CaptureFixture[str], question: str) -> None:
    assert cli.main(["ask", question, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["abstained"] and data["message"] == "Please type a question." and not data["citations"]


def test_huge_question_is_cut_not_crashed(use_seed: Any, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["ask", "integration " * 9000 + "\x07", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    check_contract(data)
    assert "2000" in data["message"] and len(data["question"]) <= 2000


def test_human_output_lists_citations(use_seed: Any, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["ask", "Which Danish municipalities did the Baltic delegation visit?"]) == 0
    out = capsys.readouterr().out
    assert "[1]" in out and "002_f239626ca5b98d50.txt" in out


def test_real_process_without_index_says_how_to_build_it(tmp_path: Path) -> None:
    env = {**os.environ, "ASSISTANT_INDEX_DIR": str(tmp_path / "index"), "ASSISTANT_CORPUS_DIR": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-m", "assistant", "ask", "Which city?", "--json"], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert "make index" in json.loads(done.stdout)["answer"]
    assert "Traceback" not in done.stderr


def test_missing_batch_file_is_a_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["ask", "--batch", "/nonexistent.jsonl"]) == 2
    assert "not found" in capsys.readouterr().err


def test_ingest_of_a_mistyped_folder_changes_nothing(tmp_path: Path) -> None:
    env = {**os.environ, "ASSISTANT_INDEX_DIR": str(tmp_path / "index"), "ASSISTANT_EMBED_MODEL": "hash-embedder"}
    done = subprocess.run(
        [sys.executable, "-m", "assistant", "ingest", "--corpus", str(tmp_path / "nonexistent")],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 2 and "does not exist: nothing was changed" in done.stderr
    assert "Traceback" not in done.stderr and not (tmp_path / "index").exists()
