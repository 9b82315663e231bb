"""What the virtual agent says around answers and flows, in every language it serves (seed/messages.yaml)."""

from __future__ import annotations

from tawasol.seeddata import load

_SEED = load("bot", "messages.yaml")
MESSAGES_FILE = _SEED.path
# message key -> language -> text, each checked to be a non-empty string (errors name the file and key)
MESSAGES: dict[str, dict[str, str]] = {key: _SEED.texts_by_key(key) for key in _SEED.mapping("", _SEED.data)}


def say(key: str, language: str, **values: object) -> str:
    """The message in the customer's language (French when that language has no text)."""
    texts = MESSAGES[key]
    text = texts.get(language) or texts.get("ary" if language == "ary_Latn" else "fr") or texts["fr"]
    return text.format(**values) if values else text


def pick(texts: dict[str, str], language: str) -> str:
    """A flow's per-language text, with the same fallback as the articles."""
    from tawasol.bot.retrieval import FALLBACK_LANGUAGES

    for lang in FALLBACK_LANGUAGES.get(language, FALLBACK_LANGUAGES["fr"]):
        if texts.get(lang):
            return texts[lang]
    return next(iter(texts.values()), "")
