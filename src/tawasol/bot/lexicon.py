"""Retrieval lexicon: telecom customer-service concepts in French, English, Spanish, Arabic, Darija and Arabizi.

Each concept lists the surface forms customers use; a question and an article that share a concept
match even when they share no word or script ("lfatoura ghalya" / "facture élevée" / "فاتورة مرتفعة").
Forms are written as people type them; the tokenizer normalises and stems both sides the same way.
The forms live in ``seed/lexicon.yaml`` (add forms there); this module reads them once and keeps the
public names.
"""

from __future__ import annotations

from tawasol.seeddata import load

_SEED = load("bot", "lexicon.yaml")

CONCEPTS: dict[str, tuple[str, ...]] = _SEED.strings_by_key("concepts")

# Everyday customer wording, per language: what people type rather than what articles say (slang,
# paraphrases, inflections the stemmer does not reach). Merged into CONCEPTS below; base forms are
# enough in French, English and Spanish, where the tokenizer also matches them by stem.
PARAPHRASES: dict[str, dict[str, tuple[str, ...]]] = {
    language: _SEED.strings_by_key(f"paraphrases.{language}") for language in _SEED.mapping("paraphrases")
}

for _concepts in PARAPHRASES.values():
    for _concept, _forms in _concepts.items():
        CONCEPTS[_concept] = CONCEPTS.get(_concept, ()) + _forms

# Function words of the six languages and scripts: they carry no retrieval signal.
STOPWORDS: frozenset[str] = frozenset(_SEED.text("stopwords").split())

# Arabizi words that fold onto another language's word ("chher" -> "cher"): no concept (see the seed file).
NO_CONCEPT: frozenset[str] = frozenset(_SEED.strings("no_concept"))

# Per language, words that stay content words although another language's stopwords list them.
CONTENT_WORDS: dict[str, tuple[str, ...]] = _SEED.strings_by_key("content_words")

# A verb of knowing before a question word frames the question; it is no content word (see the seed file).
FRAMING_VERBS: frozenset[str] = frozenset(_SEED.strings("framing_verbs"))
QUESTION_WORDS: frozenset[str] = frozenset(_SEED.strings("question_words"))

# Place names (countries, regions, large cities): a place says where, not what (see the seed file).
PLACES: frozenset[str] = frozenset(_SEED.text("places").split())

# Two-word place names: both words are the place ("new" of "New York" is not a new SIM card).
PLACE_PHRASES: frozenset[str] = frozenset(_SEED.strings("place_phrases"))
