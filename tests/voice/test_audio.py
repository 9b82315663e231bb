"""Telephone audio: mu-law as G.711 defines it, resampling that keeps the tone, WAV round trips."""

from __future__ import annotations

import warnings
from pathlib import Path

import numpy as np
import pytest

from tawasol.voice import audio


def _tone(freq: float, rate: int, seconds: float = 0.5, level: float = 0.5) -> np.ndarray:
    t = np.arange(int(rate * seconds)) / rate
    return (level * np.sin(2 * np.pi * freq * t)).astype(np.float32)


def _peak_hz(x: np.ndarray, rate: int) -> float:
    spectrum = np.abs(np.fft.rfft(x * np.hanning(len(x))))
    return float(np.fft.rfftfreq(len(x), 1 / rate)[int(np.argmax(spectrum))])


def test_mulaw_matches_the_reference_codec_on_every_value() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        audioop = pytest.importorskip("audioop")  # gone in 3.13: the reference only where it still exists
    every_byte = bytes(range(256))
    assert audio.mulaw_decode(every_byte).astype("<i2").tobytes() == audioop.ulaw2lin(every_byte, 2)
    ramp = np.arange(-32768, 32768, 7, dtype=np.int16)
    assert audio.mulaw_encode(ramp) == audioop.lin2ulaw(ramp.astype("<i2").tobytes(), 2)


def test_mulaw_round_trip_keeps_the_signal_within_companding_error() -> None:
    x = audio.to_pcm16(_tone(440, 8000))
    back = audio.mulaw_decode(audio.mulaw_encode(x)).astype(np.float64)
    snr = 10 * np.log10(np.sum(x.astype(np.float64) ** 2) / np.sum((x - back) ** 2))
    assert snr > 30
    assert audio.mulaw_encode(np.array([0, 32767, -32768], dtype=np.int16)) == bytes([0xFF, 0x80, 0x00])


def test_telephone_frames_become_16_khz_audio_with_the_same_tone() -> None:
    payload = audio.to_telephone(_tone(440, 16000), 16000)
    assert len(payload) == 4000  # 0.5 s at 8 kHz, one byte a sample
    back = audio.from_telephone(payload)
    assert len(back) == 8000
    assert abs(_peak_hz(back, 16000) - 440) < 5
    assert abs(_peak_hz(audio.resample(_tone(1000, 22050), 22050, 16000), 16000) - 1000) < 5


def test_resampling_down_filters_what_the_line_cannot_carry() -> None:
    high = audio.resample(_tone(6000, 16000), 16000, 8000)  # above 4 kHz Nyquist: must not fold back as 2 kHz
    assert np.sqrt(np.mean(high**2)) < 0.05


def test_wav_round_trip(tmp_path: Path) -> None:
    x = _tone(300, 16000, 0.2)
    audio.write_wav(tmp_path / "t.wav", x, 16000)
    y, rate = audio.read_wav(tmp_path / "t.wav")
    assert rate == 16000 and np.max(np.abs(x - y)) < 1e-4
