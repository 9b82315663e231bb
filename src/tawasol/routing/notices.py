"""The notices the system posts to the customer (someone joined, resolved, transferred, the wait...), in
the conversation's language, from one catalogue: `notices.yaml` beside this module."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

CATALOGUE = Path(__file__).with_name("notices.yaml")


@lru_cache(maxsize=1)
def catalogue() -> dict[str, Any]:
    """The parsed catalogue; every notice must exist in every language it declares (checked on load)."""
    data = yaml.safe_load(CATALOGUE.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or data.get("version") != 1 or not isinstance(data.get("notices"), dict):
        raise ValueError(f"{CATALOGUE}: expected version 1 with a 'notices' mapping")
    languages = list(data.get("languages") or [])
    for key, texts in data["notices"].items():
        missing = [lang for lang in languages if not str((texts or {}).get(lang) or "").strip()]
        if missing:
            raise ValueError(f"{CATALOGUE}: notice {key!r} has no text in {missing}")
    return data


def languages() -> list[str]:
    return list(catalogue()["languages"])


def notice_language(language: str | None) -> str:
    """The catalogue language for `language` (fr, ar, ary, ary_Latn, en, es; "ar_MA" -> ar), else the fallback."""
    known = languages()
    if language in known:
        return str(language)
    base = (language or "").split("_")[0].split("-")[0]
    return base if base in known else str(catalogue()["fallback"])


def notice(key: str, language: str | None, **values: Any) -> str:
    """The text of notice `key` in `language`, with its {placeholders} filled."""
    data = catalogue()
    texts = data["notices"].get(key)
    if texts is None:
        raise KeyError(f"unknown notice {key!r}; known: {sorted(data['notices'])}")
    lang = notice_language(language)
    if "n" in values:
        ordinals = (data.get("ordinals") or {}).get(lang) or {}
        values.setdefault("ordinal", ordinals.get("first" if values["n"] == 1 else "other", ""))
    return str(texts[lang]).format(**values)
