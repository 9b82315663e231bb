"""The AI disclosure shown at the start of every conversation, in the customer's language."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

DISCLOSURES = {
    "fr": "Vous échangez avec un assistant virtuel. Tapez « agent » à tout moment pour parler à un conseiller.",
    "ar": "أنت تتحدث مع مساعد افتراضي. اكتب «agent» في أي وقت للتحدث مع موظف.",
    "ary": "راك كتهضر مع مساعد افتراضي (ماشي بنادم). إلا بغيتي شي مستشار، كتب «agent» فأي وقت.",
    "ary_Latn": "Rak kathder m3a mosa3id virtuel. Kteb « agent » f ay we9t bach thder m3a chi conseiller.",
    "en": "You are talking to a virtual assistant. Type 'agent' at any time to talk to a person.",
    "es": "Está hablando con un asistente virtual. Escriba «agent» en cualquier momento para hablar con una persona.",
}
FALLBACK_LANGUAGE = "fr"


def disclosure_text(language: str | None, tenant_settings: Mapping[str, Any] | None = None) -> str:
    """The disclosure for `language`; a tenant may override any language in settings["ai_disclosure"]."""
    overrides = (tenant_settings or {}).get("ai_disclosure") or {}
    if not isinstance(overrides, Mapping):
        raise ValueError("tenant setting 'ai_disclosure' must map a language code to a text")
    default = (tenant_settings or {}).get("default_language") or FALLBACK_LANGUAGE
    for code in (language, (language or "").split("_")[0], default, FALLBACK_LANGUAGE):
        if not code:
            continue
        if str(overrides.get(code) or "").strip():
            return str(overrides[code])
        if code in DISCLOSURES:
            return DISCLOSURES[code]
    return DISCLOSURES[FALLBACK_LANGUAGE]
