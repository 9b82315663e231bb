"""espeak-ng speaks each language as a separate program; a missing one gives the install command."""

from __future__ import annotations

import shutil

import pytest

from tawasol.voice.tts import SynthesisUnavailable, Synthesizer, speakable


@pytest.fixture
def synthesizer() -> Synthesizer:
    if shutil.which("espeak-ng") is None:
        from tests.conftest import skip_or_fail

        skip_or_fail("espeak-ng not installed (apt-get install espeak-ng)")
    return Synthesizer()


@pytest.mark.parametrize(
    ("language", "voice", "text"),
    [
        ("fr", "fr", "Votre facture est disponible dans votre espace client."),
        ("ar", "ar", "فاتورتك متوفرة في فضاء الزبون"),
        ("ary", "ar", "الفاتورة ديالك كاينة ف الحساب ديالك"),
        ("en", "en-us", "Your bill is available in your account."),
        ("es", "es", "Su factura está disponible en su área de cliente."),
    ],
)
def test_each_language_is_spoken_with_its_voice(synthesizer: Synthesizer, language: str, voice: str, text: str) -> None:
    speech = synthesizer.synthesize(text, language)
    assert speech.voice == voice
    assert 1.0 < speech.seconds < 10.0
    assert float(abs(speech.samples).max()) > 0.05  # sound, not silence


def test_text_starting_with_a_dash_is_spoken_not_read_as_an_option(synthesizer: Synthesizer) -> None:
    assert synthesizer.synthesize("--version -v de", "en").seconds > 0.5


def test_missing_espeak_names_the_package() -> None:
    with pytest.raises(SynthesisUnavailable, match="apt-get install espeak-ng"):
        Synthesizer(executable="espeak-ng-not-here").synthesize("bonjour", "fr")


def test_unknown_language_is_a_clear_error(synthesizer: Synthesizer) -> None:
    with pytest.raises(SynthesisUnavailable, match="no voice for language 'zz'"):
        synthesizer.synthesize("hello", "zz")


def test_written_answers_are_made_speakable() -> None:
    said = speakable("**Facture** : voir https://atlas.example/f (source: Facturation) au [PHONE_1].")
    assert said == "Facture : voir au phone."
    long = "Une phrase. " * 200
    assert len(speakable(long)) <= 1200 and speakable(long).endswith(".")
