"""Whisper base transcribes the project's recordings; the evaluation command reports WER per language."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tawasol.cli import app
from tawasol.voice.audio import from_telephone, read_wav, to_telephone
from tawasol.voice.evaluation import cer, normalise, wer
from tawasol.voice.models import SpeechModel
from tawasol.voice.stt import LanguageNotSupported, SpeechRecognizer
from tests.voice.conftest import AUDIO


@pytest.fixture(scope="module")
def recognizer(speech_model_dir: Path) -> SpeechRecognizer:
    return SpeechRecognizer(SpeechModel(speech_model_dir, "whisper-base"))


def _audio(name: str):  # type: ignore[no-untyped-def]
    samples, rate = read_wav(AUDIO / name)
    assert rate == 16000
    return samples


def test_english_question_is_transcribed(recognizer: SpeechRecognizer) -> None:
    heard = recognizer.transcribe(_audio("en-bill.wav"), "en")
    assert {"pay", "bill"} <= set(normalise(heard.text).split())
    assert wer("Hello, I would like to pay my bill.", heard.text) < 0.3
    assert heard.audio_seconds > 1 and heard.compute_seconds > 0


def test_french_question_is_transcribed(recognizer: SpeechRecognizer) -> None:
    heard = recognizer.transcribe(_audio("fr-facture.wav"), "fr")
    assert "facture" in normalise(heard.text).split()
    assert wer("Bonjour, je voudrais payer ma facture.", heard.text) < 0.5


def test_over_the_telephone_line_the_english_words_survive(recognizer: SpeechRecognizer) -> None:
    line = from_telephone(to_telephone(_audio("en-internet.wav"), 16000))  # 8 kHz mu-law and back
    heard = recognizer.transcribe(line, "en")
    assert {"internet", "connection", "slow"} <= set(normalise(heard.text).split())


def test_language_is_identified_among_the_supported_ones(recognizer: SpeechRecognizer) -> None:
    heard = recognizer.transcribe(_audio("en-topup.wav"))
    assert heard.language == "en"
    assert recognizer.whisper_language("ary") == "ar"


def test_a_language_without_a_model_is_a_clear_error(recognizer: SpeechRecognizer) -> None:
    with pytest.raises(LanguageNotSupported, match=r"no speech model for language 'de'.*supported: ar, ary"):
        recognizer.transcribe(_audio("en-bill.wav"), "de")


def test_error_rates() -> None:
    assert wer("je veux payer ma facture", "je veux payer la facture") == pytest.approx(0.2)
    assert wer("Bonjour !", "bonjour") == 0.0
    assert cer("abcd", "abed") == pytest.approx(0.25)
    assert normalise("أريد دفع فاتورتي.") == normalise("اريد دفع فاتورتي")


def test_eval_command_reports_wer_per_language(
    speech_model_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tawasol.config import get_settings

    subset = tmp_path / "t.csv"
    rows = [
        r
        for r in (AUDIO / "transcripts.csv").read_text(encoding="utf-8").splitlines()
        if r.startswith(("file,", "en-bill", "fr-facture"))
    ]
    subset.write_text("\n".join(rows) + "\n", encoding="utf-8")
    monkeypatch.setenv("TAWASOL_VOICE_MODEL", str(speech_model_dir))
    get_settings.cache_clear()
    try:
        result = CliRunner().invoke(
            app, ["voice", "eval", "--audio", str(AUDIO), "--transcripts", str(subset), "--json"]
        )
    finally:
        get_settings.cache_clear()
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert set(report["languages"]) == {"en", "fr"}
    assert report["languages"]["en"]["wer"] < 0.3 and report["languages"]["en"]["rtf_median"] > 0
    bad = tmp_path / "bad.csv"
    bad.write_text("name,lang\nx,y\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["voice", "eval", "--audio", str(AUDIO), "--transcripts", str(bad)])
    assert result.exit_code == 1 and "missing columns" in result.output
