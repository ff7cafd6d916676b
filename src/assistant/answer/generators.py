"""LLM generator backends behind one small interface: ``chat(system, user) -> text`` (with optional streaming).

``openai``: any OpenAI-compatible endpoint through llama-index's ``OpenAILike`` (llama.cpp's server, vLLM,
Ollama, a hosted API). ``llamacpp``: a local GGUF model through ``llama-cpp-python`` (optional extra).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

TokenCallback = Callable[[str], None]


class GeneratorError(RuntimeError):
    """The generator failed or timed out; the caller falls back to the extractive answer."""


class Generator(Protocol):
    name: str

    def chat(self, system: str, user: str, on_token: TokenCallback | None = None) -> str: ...


class OpenAIGenerator:
    name = "openai"

    def __init__(self, base_url: str, model: str, api_key: str = "none", timeout: float = 60.0, max_tokens: int = 400):
        if not base_url:
            raise GeneratorError("ASSISTANT_OPENAI_BASE_URL is not set")
        self.base_url, self.model, self.api_key, self.timeout, self.max_tokens = base_url, model, api_key, timeout, max_tokens
        self._llm: Any = None

    @property
    def llm(self) -> Any:
        if self._llm is None:
            from llama_index.llms.openai_like import OpenAILike

            self._llm = OpenAILike(
                model=self.model,
                api_base=self.base_url,
                api_key=self.api_key or "none",
                timeout=self.timeout,
                max_retries=0,
                is_chat_model=True,
                temperature=0.1,
                max_tokens=self.max_tokens,
            )
        return self._llm

    def chat(self, system: str, user: str, on_token: TokenCallback | None = None) -> str:
        from llama_index.core.llms import ChatMessage

        messages = [ChatMessage(role="system", content=system), ChatMessage(role="user", content=user)]
        try:
            if on_token is None:
                return str(self.llm.chat(messages).message.content or "")
            parts = []
            for chunk in self.llm.stream_chat(messages):
                if chunk.delta:
                    parts.append(chunk.delta)
                    on_token(chunk.delta)
            return "".join(parts)
        except Exception as error:  # network, timeout, HTTP status, bad payload: all mean "fall back"
            raise GeneratorError(f"{type(error).__name__}: {error}") from error


class LlamaCppGenerator:
    name = "llamacpp"

    def __init__(self, model_path: str, threads: int = 0, max_tokens: int = 400, context: int = 4096):
        self.model_path, self.threads, self.max_tokens, self.context = model_path, threads, max_tokens, context
        self._llm: Any = None

    @property
    def llm(self) -> Any:
        if self._llm is None:
            try:
                from llama_cpp import Llama
            except ImportError as error:
                raise GeneratorError("llama-cpp-python is not installed: pip install '.[local-llm]'") from error
            self._llm = Llama(model_path=self.model_path, n_ctx=self.context, n_threads=self.threads or None, verbose=False)
        return self._llm

    def chat(self, system: str, user: str, on_token: TokenCallback | None = None) -> str:
        messages = [{"role": "system", "content": system}, {"role": "user", "content": user}]
        try:
            if on_token is None:
                result = self.llm.create_chat_completion(messages=messages, max_tokens=self.max_tokens, temperature=0.1)
                return str(result["choices"][0]["message"]["content"] or "")
            parts = []
            for chunk in self.llm.create_chat_completion(
                messages=messages, max_tokens=self.max_tokens, temperature=0.1, stream=True
            ):
                delta = chunk["choices"][0]["delta"].get("content") or ""
                if delta:
                    parts.append(delta)
                    on_token(delta)
            return "".join(parts)
        except GeneratorError:
            raise
        except Exception as error:
            raise GeneratorError(f"{type(error).__name__}: {error}") from error
