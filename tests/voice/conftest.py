"""The speech model for the voice tests: Whisper base assembled once per session from the installed wheels."""

from __future__ import annotations

from pathlib import Path

import pytest

from tawasol.voice.models import VoiceUnavailable, locate
from tests.conftest import skip_or_fail

AUDIO = Path(__file__).parent / "audio"


@pytest.fixture(scope="session")
def speech_model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Skips (fails in CI) with the install command when the `voice` extra or its model wheels are missing."""
    try:
        return locate(None, tmp_path_factory.mktemp("voice-models")).path
    except VoiceUnavailable as exc:
        skip_or_fail(str(exc))
        raise


@pytest.fixture
def database_url(tmp_path: Path) -> str:
    """The voice tests run on SQLite only: calls reach the same message handler the chat tests run on both."""
    return f"sqlite:///{tmp_path / 'tawasol.db'}"
