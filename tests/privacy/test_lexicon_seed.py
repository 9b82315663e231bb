"""The privacy cues and name/place lists are read from privacy/seed/lexicon.yaml by the validating loader."""

from __future__ import annotations

from tawasol.privacy import lexicon
from tawasol.seeddata import load


def test_every_list_of_the_seed_file_is_a_public_name() -> None:
    seed = load("privacy", "lexicon.yaml")
    assert {key.upper() for key in seed.data} == {n for n in vars(lexicon) if n.isupper() and not n.startswith("_")}
    assert "tel" in lexicon.PHONE_CUES or "téléphone" in lexicon.PHONE_CUES
    assert isinstance(lexicon.FIRST_NAMES, frozenset) and lexicon.FIRST_NAMES_AR and "hello" in lexicon.NOT_NAMES
