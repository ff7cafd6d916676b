from typing import Any

import numpy as np
import pytest

from assistant.models.embedder import SentenceTransformerEmbedder, resolve_dtype

TEXTS = [
    "Jonava blev den første baltiske by, der tilsluttede sig Intercultural Cities-programmet.",
    "UNHCR uzskata, ka integrācija ir dinamisks un daudzšķautņains process.",
    "Яке місто першим у Балтії приєдналося до програми?",
]


def test_dtype_names() -> None:
    assert resolve_dtype("float32") == "float32"
    assert resolve_dtype("bfloat16") == "bfloat16"
    assert resolve_dtype("auto") in ("float32", "bfloat16")
    with pytest.raises(ValueError, match="unknown embedding dtype"):
        resolve_dtype("int4")


@pytest.mark.model
def test_default_dtype_vectors_agree_with_float32(embedder: Any) -> None:
    """The default (bfloat16 on fast CPUs) must give the vectors float32 gives, to rounding."""
    default = embedder.embed_documents(TEXTS)
    reference = SentenceTransformerEmbedder(embedder.model_id, dtype="float32").embed_documents(TEXTS)
    assert np.allclose(np.linalg.norm(default, axis=1), 1.0, atol=1e-5)
    assert np.min(np.sum(default * reference, axis=1)) > 0.99
    query = embedder.embed_query("Which was the first Baltic intercultural city?")
    assert int(np.argmax(default @ query)) == 0
