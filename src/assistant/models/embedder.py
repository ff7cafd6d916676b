"""The multilingual sentence-transformers embedder, loaded lazily and offline."""

from __future__ import annotations

import ctypes
import functools
import logging
import mmap
import sys
import threading
from collections import Counter, OrderedDict
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

import numpy as np

logger = logging.getLogger(__name__)


class Embedder(Protocol):
    """What the rest of the product needs from an embedding model."""

    model_id: str

    @property
    def dimension(self) -> int: ...

    def embed_documents(self, texts: Sequence[str], titles: Sequence[str] | None = None) -> np.ndarray:
        """Vectors of passages; ``titles`` (one per text) give each its context: the document title and
        heading path."""
        ...

    def embed_query(self, text: str) -> np.ndarray: ...


class ModelNotFound(RuntimeError):
    """The configured model is neither a local folder nor available offline."""


class SentenceTransformerEmbedder:
    """Any sentence-transformers model (id or path); uses its ``query``/``document`` prompts when it has them."""

    def __init__(self, model_id: str, batch_size: int = 8, threads: int = 0, cache_size: int = 512, dtype: str = "auto"):
        self.model_id = model_id
        self.dtype = dtype
        self.batch_size = batch_size
        self.threads = threads
        self._model: Any = None
        self._lock = threading.Lock()
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._cache_size = cache_size

    @property
    def model(self) -> Any:
        with self._lock:
            if self._model is None:
                self._model = self._load()
        return self._model

    def _load(self) -> Any:
        import torch
        from sentence_transformers import SentenceTransformer

        if self.threads > 0:
            torch.set_num_threads(self.threads)
        path = Path(self.model_id).expanduser()
        looks_local = self.model_id.startswith((".", "/", "~")) or path.exists() or self.model_id.startswith("models/")
        if looks_local and not path.is_dir():
            raise ModelNotFound(
                f"embedding model folder '{self.model_id}' not found; run 'make models' "
                "(or set ASSISTANT_EMBED_MODEL to another sentence-transformers model id or path)"
            )
        dtype = resolve_dtype(self.dtype)
        logger.info("loading embedding model %s (%s)", self.model_id, dtype)
        try:
            model = SentenceTransformer(str(path) if looks_local else self.model_id, device="cpu")
        except OSError as error:
            raise ModelNotFound(f"cannot load embedding model '{self.model_id}' offline: {error}") from error
        if dtype == "bfloat16":
            to_bfloat16(model)
        return model

    @property
    def dimension(self) -> int:
        getter = getattr(self.model, "get_embedding_dimension", None) or self.model.get_sentence_embedding_dimension
        return int(getter())

    def _prompt(self, name: str) -> str:
        return str(getattr(self.model, "prompts", {}).get(name, ""))

    def embed_documents(self, texts: Sequence[str], titles: Sequence[str] | None = None) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        if titles is None:
            return self._encode(list(texts), self._prompt("document"))
        return self._encode(with_titles(self._prompt("document"), texts, titles), "")

    def embed_query(self, text: str) -> np.ndarray:
        with self._lock:
            cached = self._cache.get(text)
            if cached is not None:
                self._cache.move_to_end(text)
                return cached
        vector = self._encode([text], self._prompt("query"))[0]
        with self._lock:
            self._cache[text] = vector
            if len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)
        return vector

    def _encode(self, texts: list[str], prompt: str) -> np.ndarray:
        vectors = self.model.encode(
            texts,
            prompt=prompt or None,
            batch_size=self.batch_size,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        vectors = np.asarray(vectors, dtype=np.float32)
        # Normalised here, in float32: a bfloat16 model's own unit vectors are off by a few thousandths.
        return vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)


TITLE_SLOT = "title: none | text: "


def with_titles(prompt: str, texts: Sequence[str], titles: Sequence[str]) -> list[str]:
    """Texts with their context. A model whose document prompt has a title slot (EmbeddingGemma's
    "title: none | text: ") gets the context there, as it was trained; any other model gets it as a first
    line of the text, after its own prompt."""
    if prompt == TITLE_SLOT:
        return [f"title: {title or 'none'} | text: {text}" for text, title in zip(texts, titles, strict=True)]
    return [f"{prompt}{title}\n\n{text}" if title else f"{prompt}{text}" for text, title in zip(texts, titles, strict=True)]


DTYPES = ("auto", "float32", "bfloat16")


def resolve_dtype(name: str) -> str:
    """``auto``: bfloat16 where the CPU has fast bfloat16 kernels (AVX-512 or Arm BF16), else float32.

    On the 2-core AVX-512 machines here bfloat16 encodes passages 2.6-2.8x faster than float32 and its
    vectors agree with float32 ones to a cosine of 0.999 or more (docs/BENCHMARKS.md).
    """
    if name not in DTYPES:
        raise ValueError(f"unknown embedding dtype '{name}'; known: {', '.join(DTYPES)}")
    if name != "auto":
        return name
    import torch

    try:
        fast = bool(torch.ops.mkldnn._is_mkldnn_bf16_supported())
    except (AttributeError, RuntimeError):
        fast = False
    return "bfloat16" if fast else "float32"


def to_bfloat16(model: Any) -> None:
    """Run the model in bfloat16 except its token-embedding table.

    The table (for EmbeddingGemma two thirds of the weights) stays float32 and memory-mapped from the
    weights file, so only the rows of tokens actually seen are read into memory; converting it would
    materialise all of it (peak memory 2.2 GB instead of 1.4 GB). Its output is cast to bfloat16.
    Buffers (rotary frequencies) stay float32, as transformers keeps them.
    """
    import torch

    transformer = getattr(model[0], "auto_model", None)
    table = transformer.get_input_embeddings() if transformer is not None else None
    keep = {id(p) for p in table.parameters()} if table is not None else set()
    # Pages are released only for storage that exactly one parameter uses (never tied or shared weights).
    users = Counter(p.untyped_storage().data_ptr() for p in model.parameters())
    with torch.no_grad():
        for parameter in model.parameters():
            if id(parameter) in keep or not parameter.is_floating_point():
                continue
            old = parameter.data
            parameter.data = old.to(torch.bfloat16)
            if users[old.untyped_storage().data_ptr()] == 1:
                _release_pages(old.data_ptr(), old.numel() * old.element_size())
    if table is not None:
        table.register_forward_hook(lambda _module, _inputs, output: output.to(torch.bfloat16))


def _release_pages(address: int, size: int) -> None:
    """Tell the kernel the whole pages of a float32 weight that was just replaced are no longer needed.

    The weights file is memory-mapped: the pages read while converting would otherwise stay resident
    (~400 MB for EmbeddingGemma) for the life of the process. Called while the old tensor is still
    referenced and only for storage no other parameter shares, so nothing that is read later is dropped.
    """
    if not sys.platform.startswith("linux"):
        return
    page = mmap.PAGESIZE
    start = -(-address // page) * page
    end = (address + size) // page * page
    if end > start:
        _libc().madvise(ctypes.c_void_p(start), ctypes.c_size_t(end - start), MADV_DONTNEED)


MADV_DONTNEED = 4


@functools.cache
def _libc() -> Any:
    return ctypes.CDLL(None, use_errno=True)
