"""The PII name/address model is built once per test session, in the session's model directory, and shared."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture(scope="session", autouse=True)
def pii_model(model_dir: Path) -> Iterator[Path]:
    """Detection never trains inside a message: the tests, like the server's warm-up, build the model first."""
    from tawasol.privacy import ner

    where = model_dir / "pii"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("TAWASOL_PII_MODEL_DIR", str(where))  # also for the CLI, which reads the settings' directory
        ner.ensure_ready()
        yield where
