"""arabic's dialect -> MSA maps are read from nlu/seed/arabic.yaml over the Darija resource (nlu/seed/darija.yaml):
bound once, normalised, the entries of arabic.yaml winning where both hold a word."""

from __future__ import annotations

from tawasol.nlu import arabic, darija
from tawasol.nlu.normalize import normalize
from tawasol.seeddata import load


def test_the_maps_hold_both_seeds_normalised_with_arabic_yaml_winning() -> None:
    seed = load("nlu", "arabic.yaml")
    for own, base, merged in (
        ("dialect_to_msa", darija.ARABIC_TO_MSA, arabic._DIALECT),
        ("arabizi_to_msa", darija.ARABIZI_TO_MSA, arabic._ARABIZI),
    ):
        entries = seed.texts_by_key(own)
        assert entries, own
        for word, msa in entries.items():
            assert merged[normalize(word)] == normalize(msa)
        for word, msa in base.items():
            if word not in entries and normalize(word) not in {normalize(w) for w in entries}:
                assert merged[normalize(word)] == normalize(msa)
        assert all(normalize(k) == k and normalize(v) == v for k, v in merged.items())


def test_dialect_words_read_as_msa() -> None:
    assert arabic.dialect_to_msa("فين") == "اين" and arabic.dialect_to_msa("bghit") == "اريد"
    assert arabic.msa_reading(normalize("فين لاكارط")) == "اين البطاقه"
    assert arabic.dialect_to_msa(normalize("ماكاينش")) == "لا يوجد"
