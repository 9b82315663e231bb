"""The system's notices to customers come from one catalogue, complete in the six languages."""

from __future__ import annotations

import pytest

from tawasol.bench.dialogues import LANGUAGES, product_language_identifier
from tawasol.routing import handoff_notice, wait_notice
from tawasol.routing.notices import catalogue, notice, notice_language


def test_every_notice_exists_in_the_six_languages() -> None:
    data = catalogue()
    assert set(data["languages"]) == set(LANGUAGES)
    for key, texts in data["notices"].items():
        assert set(texts) >= set(LANGUAGES), key


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_notice_reads_as_its_language(language: str) -> None:
    # Judged as the dialogue benchmark judges a reply: by the product's own text language identifier.
    identify = product_language_identifier()
    for key in catalogue()["notices"]:
        text = notice(key, language, agent="Salma", n=2, m=3)
        assert identify(text) == language, (key, text, identify(text))


def test_unknown_language_falls_back_and_regional_codes_map_to_their_language() -> None:
    assert notice_language("ar_MA") == "ar"
    assert notice_language("de") == "fr"
    assert notice_language(None) == "fr"
    with pytest.raises(KeyError):
        notice("no_such_notice", "fr")


def test_french_queue_position_uses_the_ordinal_and_other_languages_the_number() -> None:
    assert "1er" in wait_notice("fr", 1, 120)
    assert "3e" in wait_notice("fr", 3, 120)
    assert "number 3" in wait_notice("en", 3, 120)
    assert wait_notice("es", 2, 0) == notice("wait_soon", "es")
    assert wait_notice("ary", 2, 60, agents_online=0) == notice("no_agent_available", "ary")
    assert handoff_notice("es").text.startswith("Le pongo en contacto")
