"""Environment settings that keep every library offline. Called by entry points, never at import."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

OFFLINE_ENV = {
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "HF_HUB_DISABLE_TELEMETRY": "1",
    "GRADIO_ANALYTICS_ENABLED": "False",
    "ANONYMIZED_TELEMETRY": "False",
    "TOKENIZERS_PARALLELISM": "false",
    "HF_HUB_DISABLE_PROGRESS_BARS": "1",  # no "Loading weights" bar on every CLI call
    # OpenMP threads sleep instead of spinning while they wait: with several processes (or a busy
    # machine) spinning threads steal the cores that do the work (docs/deployment.md).
    "OMP_WAIT_POLICY": "PASSIVE",
}


def tiktoken_cache_dir() -> Path | None:
    """The tiktoken cache that llama-index-core ships (so tiktoken never downloads)."""
    spec = importlib.util.find_spec("llama_index.core")
    if spec is None or spec.origin is None:
        return None
    return Path(spec.origin).parent / "_static" / "tiktoken_cache"


def configure_offline() -> None:
    """Set the offline variables unless the user already chose otherwise."""
    for key, value in OFFLINE_ENV.items():
        os.environ.setdefault(key, value)
    cache = tiktoken_cache_dir()
    if cache is not None:
        os.environ.setdefault("TIKTOKEN_CACHE_DIR", str(cache))
