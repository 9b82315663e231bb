"""The bot lexicon is read from bot/seed/lexicon.yaml through the validating loader."""

from __future__ import annotations

from tawasol.bot import lexicon
from tawasol.seeddata import load


def test_the_seed_file_gives_every_public_name() -> None:
    seed = load("bot", "lexicon.yaml")
    base = seed.strings_by_key("concepts")
    assert set(base) <= set(lexicon.CONCEPTS) and all(base.values())
    assert set(lexicon.PARAPHRASES) == {"fr", "en", "es", "ar", "ary", "ary_Latn"}
    # paraphrases are appended to the base forms of their concept, in order
    assert lexicon.CONCEPTS["bill"][: len(base["bill"])] == base["bill"]
    assert {"le", "the", "واش", "wach"} <= lexicon.STOPWORDS
    assert {"maroc", "casablanca", "بلجيكا"} <= lexicon.PLACES and "new york" in lexicon.PLACE_PHRASES
