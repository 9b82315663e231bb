"""Silero VAD streamed: silence starts no turn, a spoken sentence is one turn ended by the silence after it."""

from __future__ import annotations

import shutil

import numpy as np
import pytest

from tawasol.voice.audio import MODEL_RATE, resample
from tawasol.voice.models import VoiceUnavailable, require_engine
from tawasol.voice.vad import SpeechDetector, TurnDetector, TurnOptions


@pytest.fixture(scope="module")
def sentence() -> np.ndarray:
    from tests.conftest import skip_or_fail

    try:
        require_engine()
    except VoiceUnavailable as exc:
        skip_or_fail(str(exc))
    if shutil.which("espeak-ng") is None:
        skip_or_fail("espeak-ng not installed (apt-get install espeak-ng)")
    from tawasol.voice.tts import Synthesizer

    speech = Synthesizer().synthesize("Bonjour, je voudrais payer ma facture.", "fr")
    return resample(speech.samples, speech.rate, MODEL_RATE)


def _stream(detector: TurnDetector, signal: np.ndarray, chunk: int = 320) -> tuple[int, list[np.ndarray]]:
    started, turns = 0, []
    for i in range(0, len(signal), chunk):  # 20 ms frames, as a telephone stream sends them
        events = detector.feed(signal[i : i + chunk])
        started += events.started
        turns += events.turns
    return started, turns


def test_silence_and_line_noise_start_no_turn(sentence: np.ndarray) -> None:
    rng = np.random.default_rng(0)
    hiss = (0.003 * rng.standard_normal(3 * MODEL_RATE)).astype(np.float32)
    started, turns = _stream(TurnDetector(), np.concatenate([np.zeros(MODEL_RATE, np.float32), hiss]))
    assert started == 0 and turns == []


def test_a_sentence_then_silence_is_one_turn_holding_the_sentence(sentence: np.ndarray) -> None:
    gap = np.zeros(MODEL_RATE, np.float32)
    started, turns = _stream(TurnDetector(), np.concatenate([gap, sentence, gap]))
    assert started == 1 and len(turns) == 1
    assert len(sentence) * 0.8 < len(turns[0]) < len(sentence) + MODEL_RATE


def test_two_sentences_apart_are_two_turns_and_a_hang_up_flushes_the_third(sentence: np.ndarray) -> None:
    gap = np.zeros(MODEL_RATE, np.float32)
    detector = TurnDetector(TurnOptions(end_silence_ms=480))
    started, turns = _stream(detector, np.concatenate([sentence, gap, sentence, gap, sentence[:MODEL_RATE]]))
    assert started == 3 and len(turns) == 2
    assert detector.in_turn and detector.flush() is not None and detector.flush() is None


def test_probabilities_stream_across_chunk_borders(sentence: np.ndarray) -> None:
    whole = SpeechDetector().probabilities(sentence)
    pieces = SpeechDetector()
    streamed = [p for i in range(0, len(sentence), 333) for p in pieces.probabilities(sentence[i : i + 333])]
    assert len(streamed) == len(whole) == len(sentence) // 512
    assert np.allclose(whole, streamed, atol=1e-5)
    assert max(whole) > 0.8
