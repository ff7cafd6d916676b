"""One ``Settings`` object, read from ``ASSISTANT_*`` environment variables. Nothing happens at import."""

from __future__ import annotations

from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_EMBED_MODEL = "models/embeddinggemma-300m"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="ASSISTANT_", extra="ignore")

    corpus_dir: Path = Path("corpus")
    index_dir: Path = Path("index")
    # Any sentence-transformers model id or local path.
    embed_model: str = DEFAULT_EMBED_MODEL
    embed_batch_size: int = 8
    # "auto" (bfloat16 where the CPU runs it fast, else float32), "float32" or "bfloat16".
    embed_dtype: str = "auto"
    torch_threads: int = 0  # 0: leave torch's default
    collection: str = "passages"
    # A Chroma server (http://host:port) instead of the embedded index in index_dir; optional headers
    # for a server behind auth: "Authorization: Bearer TOKEN; X-Other: value".
    chroma_url: str = ""
    chroma_headers: str = ""

    # Chunking, measured in tiktoken (cl100k_base) tokens.
    chunk_tokens: int = 200
    chunk_overlap: int = 30
    # A passage's context window spans this many neighbouring passages on each side (0: the passage alone).
    chunk_context: int = 1

    # Retrieval and answering.
    top_k: int = 5
    candidates: int = 30
    fusion: str = "score"  # or "rrf"
    # Weight of the question's similarity to a passage's context window (chosen on the dev split; 0: off).
    context_weight: float = 0.2
    # Optional sentence-transformers CrossEncoder (id or path) that reorders the top candidates.
    reranker: str = ""
    # Abstain when the best sentence similarity is below this (chosen on the dev split).
    min_score: float = 0.39
    max_quotes: int = 3
    max_passages: int = 2  # passages one extractive answer cites (chosen on the dev split: precision 0.78 -> 0.80)
    # Quote further sentences only when they score within this margin of the best one.
    quote_margin: float = 0.04
    max_question_chars: int = 2000
    # "extractive" (no LLM), "openai" (any OpenAI-compatible endpoint) or "llamacpp" (a local GGUF).
    generator: str = "extractive"
    openai_base_url: str = ""
    openai_model: str = "local-model"
    openai_api_key: str = ""
    openai_timeout: float = 60.0
    llamacpp_model: str = "models/qwen2.5-coder-1.5b-instruct-q4_k_m.gguf"
    llm_passages: int = 3  # passages given to the LLM (keep prompts short on CPU)
    min_support: float = 0.45  # a generated sentence needs this similarity to a sentence of a passage it cites

    # Server.
    host: str = "127.0.0.1"
    port: int = 7860
    feedback_db: Path = Path("feedback.sqlite3")
    # Optional login: "alice:secret,bob:other" or a file with one "user:password" per line.
    auth: str = ""
    auth_file: Path | None = None
    # Who may upload and re-index when login is on: comma-separated user names; empty = every signed-in user.
    editors: str = ""
    # Questions answered at once per app process (CPU-bound: about the number of cores).
    concurrency: int = 2
    queue_size: int = 256
