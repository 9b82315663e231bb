"""Fixtures for the NLU tests: one built-in analyser per session (trained from the seed corpora)."""

from __future__ import annotations

import pytest

from tawasol.nlu import Analyzer


@pytest.fixture(scope="session")
def analyzer() -> Analyzer:
    return Analyzer.default()
