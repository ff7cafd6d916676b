"""One ``Settings`` object, read from ``ASSISTANT_*`` environment variables. Nothing happens at import."""

from __future__ import annotations

from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_EMBED_MODEL = "models/embeddinggemma-300m"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="ASSISTANT_", extra="ignore")

    corpus_dir: Path = Path("corpus")
    # Where the chat puts uploaded documents (inside the corpus, so an ingest reads them); git ignores
    # corpus/uploads/. Default: <corpus_dir>/uploads.
    uploads: Path | None = None
    # The chat's web fonts (Ethiopic, Arabic script), provisioned by 'make fonts'.
    fonts_dir: Path = Path("fonts")
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

    # Chunking, measured in tiktoken (cl100k_base) tokens: passages of at most chunk_tokens; a section
    # shorter than chunk_min_tokens shares its passage with the next one.
    chunk_tokens: int = 400
    chunk_min_tokens: int = 350
    # Optional cache of computed vectors (a SQLite file): a re-ingest embeds no text twice.
    embed_cache: Path | None = None

    # Retrieval (weights chosen on the development documents; see docs/evaluation.md).
    top_k: int = 5
    candidates: int = 30
    unit_weight: float = 2.0

    # Answering.
    max_quotes: int = 3
    max_passages: int = 2  # passages one extractive answer cites
    quote_margin: float = 0.3  # further units are quoted only within this margin of the best one (chosen on dev)
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

    @property
    def uploads_dir(self) -> Path:
        return self.uploads if self.uploads is not None else self.corpus_dir / "uploads"
