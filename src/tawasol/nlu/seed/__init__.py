"""Seed corpora written for Tawasol: built-in intents, sentiment and language examples."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

SEED_DIR = Path(__file__).resolve().parent
LANGUAGES = ("fr", "en", "es", "ar", "ary", "ary_Latn")


@lru_cache
def _load(name: str) -> dict[str, Any]:
    return yaml.safe_load((SEED_DIR / name).read_text(encoding="utf-8"))


def intent_examples() -> list[tuple[str, str, str]]:
    """(text, intent, language) rows of the built-in atlas-telecom intents."""
    return [(t, intent, lang) for intent, by_lang in _load("intents_atlas_telecom.yaml").items()
            for lang, texts in by_lang.items() for t in texts]


def sentiment_examples() -> list[tuple[str, str, str]]:
    """(text, sentiment, language) rows: customer-service register, then social-media and everyday register."""
    return [
        (t, label, lang)
        for name in ("sentiment.yaml", "sentiment_social.yaml")
        for label, by_lang in _load(name).items()
        for lang, texts in by_lang.items()
        for t in texts
    ]


def language_examples() -> list[tuple[str, str]]:
    """(text, language) rows from every seed corpus."""
    rows = [(t, lang) for t, _, lang in intent_examples() + sentiment_examples()]
    rows += [(t, lang) for lang, texts in _load("language.yaml").items() for t in texts]
    return rows


def seed_digest() -> str:
    """Changes whenever a seed file changes: part of the built-in models' version."""
    h = hashlib.sha256()
    for path in sorted(SEED_DIR.glob("*.yaml")):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:12]


def sentiment_lexicon() -> list[tuple[str, str, str]]:
    """(word or phrase, positive|negative, language) rows of the polarity lexicon."""
    return [(t, label, lang) for label, by_lang in _load("sentiment_lexicon.yaml").items()
            for lang, texts in by_lang.items() for t in texts]
