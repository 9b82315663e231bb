"""The nlu word lists and escalation cues are read from nlu/seed/{words,cues}.yaml by the validating loader."""

from __future__ import annotations

import re

from tawasol.nlu import lexicons
from tawasol.seeddata import load


def test_every_cue_list_is_a_signal_of_compiled_patterns() -> None:
    cues = load("nlu", "cues.yaml")
    assert set(cues.data) == set(lexicons.SIGNAL_PATTERNS)
    for name, patterns in lexicons.SIGNAL_PATTERNS.items():
        assert [p.pattern for p in patterns] == list(cues.strings(name))
        assert all(isinstance(p, re.Pattern) for p in patterns)
    assert any(p.search("je veux parler a un conseiller") for p in lexicons.SIGNAL_PATTERNS["human_request"])


def test_the_word_lists_are_read_per_language() -> None:
    assert set(lexicons.FUNCTION_WORDS) == set(lexicons.FREQUENT_WORDS) == {"fr", "en", "es"}
    assert "wach" in lexicons.DARIJA_LATIN and "ديال" in lexicons.DARIJA_ARABIC
    assert "مرحبا" in lexicons.DARIJA_ARABIC_WEAK and "مرحبا" in lexicons.PHONETIC_COLLISIONS


def test_one_darija_resource_under_the_old_names() -> None:
    from tawasol.nlu import darija, dialect_words

    assert lexicons.DARIJA_ARABIC is darija.MARKERS_ARABIC and lexicons.DARIJA_LATIN is darija.MARKERS_LATIN
    assert dialect_words.DARIJA_ARABIC is darija.ARABIC_TO_MSA and dialect_words.DARIJA_ARABIZI is darija.ARABIZI_TO_MSA
    assert darija.ARABIC_TO_MSA["الفيرمو"] == "التحويل"
    seed = load("nlu", "darija.yaml")
    assert set(seed.data) == {"markers_latin", "markers_arabic", "markers_arabic_weak", "phonetic_collisions",
                              "arabic_to_msa", "arabizi_to_msa", "french_loans_in_arabizi"}
