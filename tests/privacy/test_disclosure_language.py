"""The AI disclosure reads, to the product's own language identifier, as the language it is given in."""

from __future__ import annotations

import pytest

from tawasol.bench.dialogues import LANGUAGES, product_language_identifier
from tawasol.privacy import disclosure_text


@pytest.mark.parametrize("language", LANGUAGES)
def test_disclosure_reads_as_its_language(language: str) -> None:
    text = disclosure_text(language)
    assert product_language_identifier()(text) == language, text
