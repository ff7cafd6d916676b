"""Opt-in (`make test-llm`): the local GGUF through llama.cpp's OpenAI-compatible server and in-process."""

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from assistant.testing import free_port, wait_for_http

pytestmark = [
    pytest.mark.llm,
    pytest.mark.skipif(not os.environ.get("ASSISTANT_TEST_LLM"), reason="opt-in: make test-llm"),
]
GGUF = Path(os.environ.get("ASSISTANT_LLAMACPP_MODEL", "models/qwen2.5-coder-1.5b-instruct-q4_k_m.gguf"))
QUESTION = "Which was the first Baltic city to join the Intercultural Cities programme?"


@pytest.fixture(scope="module")
def llama_server() -> Iterator[str]:
    port = free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "llama_cpp.server",
            "--model",
            str(GGUF),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--n_ctx",
            "4096",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    assert wait_for_http(f"{url}/v1/models", 180, interval=1), "llama.cpp server did not start"
    yield f"{url}/v1"
    process.terminate()
    process.wait(timeout=30)


def llm_assistant(seed_assistant: Any, **changes: Any) -> Any:
    from assistant.pipeline import Assistant

    settings = seed_assistant.settings.model_copy(update=changes)
    return Assistant.from_settings(settings, embedder=seed_assistant.embedder)


@pytest.mark.parametrize("backend", ["openai", "llamacpp"])
def test_local_model_answers_with_valid_citations(seed_assistant: Any, llama_server: str, backend: str) -> None:
    assistant = llm_assistant(
        seed_assistant,
        generator=backend,
        openai_base_url=llama_server,
        openai_model="local",
        llamacpp_model=str(GGUF),
        openai_timeout=300,
    )
    data = assistant.ask(QUESTION).to_json()
    assert data["generator"] == backend
    assert data["citations"], data
    assert "Jonava" in data["answer"] or data["fallback"], data
    for citation in data["citations"]:
        assert f"[{citation['n']}]" in data["answer"]
