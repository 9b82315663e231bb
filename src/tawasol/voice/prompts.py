"""What the voice channel says by itself: the AI disclosure of a call (spoken, so "say", not "type")."""

from __future__ import annotations

SPOKEN_DISCLOSURES = {
    "fr": "Bonjour, vous parlez avec un assistant virtuel. "
    "Dites « conseiller » à tout moment pour parler à une personne.",
    "ar": "مرحبا، أنت تتحدث مع مساعد افتراضي. قل «موظف» في أي وقت للتحدث مع شخص.",
    "ary": "مرحبا، راك كتهضر مع مساعد افتراضي. إلا بغيتي تهضر مع شي واحد، قول «بغيت نهضر مع شي واحد».",
    "ary_Latn": "Marhba, rak kathder m3a mosa3id virtuel. Ila bghiti thder m3a chi wahed, gol « conseiller ».",
    "en": "Hello, you are talking to a virtual assistant. Say 'agent' at any time to talk to a person.",
    "es": "Hola, está hablando con un asistente virtual. "
    "Diga «agente» en cualquier momento para hablar con una persona.",
}
FALLBACK = "fr"


def spoken_disclosure(language: str | None) -> tuple[str, str]:
    """(language, text) of the disclosure that opens a call."""
    for code in (language, (language or "").split("_")[0]):
        if code and code in SPOKEN_DISCLOSURES:
            return code, SPOKEN_DISCLOSURES[code]
    return FALLBACK, SPOKEN_DISCLOSURES[FALLBACK]
