"""Multilingual phrase lists (seed/phrases.yaml) matched on whole words of the normalised text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from tawasol.nlu import normalize

SEED = Path(__file__).resolve().parent / "seed"
LANGUAGES = ("fr", "ar", "ary", "ary_Latn", "en", "es")
_NON_WORD = re.compile(r"[^\w']+")
# Arabic clitics glued to the first word of a phrase: و (and), ف (so), ب (with), ل (for), ال (the)
_ARABIC_PREFIXES = ("و", "ف", "ب", "ل", "ال", "وال", "بال")
_LATIN_PREFIXES = ("l", "el")  # Arabizi article glued to a French word: "lmot de passe", "elfacture"


def _words(text: str) -> str:
    return " " + " ".join(_NON_WORD.sub(" ", normalize(text).replace("’", "'")).split()) + " "


@dataclass(frozen=True)
class PhraseBook:
    """category -> language -> normalised phrases."""

    phrases: dict[str, dict[str, tuple[str, ...]]]

    def find(self, category: str, text: str) -> str | None:
        """The first phrase of the category (any language) found in the text, or None."""
        words = _words(text)
        for forms in self.phrases.get(category, {}).values():
            for phrase in forms:
                if phrase in words:
                    return phrase.strip()
                prefixes = _ARABIC_PREFIXES if phrase[1:2] >= "\u0600" else _LATIN_PREFIXES
                if any(f" {p}{phrase[1:]}" in words for p in prefixes):
                    return phrase.strip()
        return None

    def categories(self) -> list[str]:
        return sorted(self.phrases)


def phrase_book_from_dict(data: dict[str, dict[str, list[str]]]) -> PhraseBook:
    return PhraseBook({cat: {lang: tuple(_words(p) for p in forms) for lang, forms in by_lang.items()}
                       for cat, by_lang in data.items()})


@lru_cache(maxsize=1)
def seed_phrases() -> PhraseBook:
    return phrase_book_from_dict(yaml.safe_load((SEED / "phrases.yaml").read_text(encoding="utf-8")))
