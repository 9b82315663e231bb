"""Telephone audio: G.711 mu-law at 8 kHz <-> 16-bit PCM, resampling, WAV files.

Written with numpy (and scipy's polyphase filter for resampling): the stdlib `audioop` is gone in Python 3.13.
Inside the voice package audio is mono float32 in [-1, 1] at `MODEL_RATE` (what Whisper and Silero read).
"""

from __future__ import annotations

import io
import wave
from math import gcd
from pathlib import Path

import numpy as np
from numpy.typing import NDArray
from scipy.signal import resample_poly

MODEL_RATE = 16_000
TELEPHONE_RATE = 8_000
Samples = NDArray[np.float32]

_BIAS = 0x84
_BIAS14 = 0x21
_CLIP14 = 8159


def mulaw_decode(data: bytes) -> NDArray[np.int16]:
    """G.711 mu-law bytes -> 16-bit linear samples."""
    u = ~np.frombuffer(data, dtype=np.uint8).astype(np.int32) & 0xFF
    sign = u & 0x80
    exponent = (u >> 4) & 0x07
    mantissa = u & 0x0F
    magnitude = (((mantissa << 3) + _BIAS) << exponent) - _BIAS
    return np.where(sign != 0, -magnitude, magnitude).astype(np.int16)


def mulaw_encode(samples: NDArray[np.int16]) -> bytes:
    """16-bit linear samples -> G.711 mu-law bytes (on the 14-bit magnitude, as the reference codec does)."""
    v = samples.astype(np.int32) >> 2
    mask = np.where(v < 0, 0x7F, 0xFF)
    v = np.minimum(np.abs(v), _CLIP14) + _BIAS14
    segment = np.floor(np.log2(v)).astype(np.int32) - 5
    code = (np.clip(segment, 0, 7) << 4) | ((v >> (np.clip(segment, 0, 7) + 1)) & 0x0F)
    code = np.where(segment > 7, 0x7F, code)  # beyond the last segment: the loudest code
    return (code ^ mask).astype(np.uint8).tobytes()


def to_float(samples: NDArray[np.int16]) -> Samples:
    return (samples.astype(np.float32) / 32768.0).astype(np.float32)


def to_pcm16(samples: Samples) -> NDArray[np.int16]:
    return np.clip(np.round(samples * 32767.0), -32768, 32767).astype(np.int16)


def resample(samples: Samples, from_rate: int, to_rate: int) -> Samples:
    """Polyphase resampling with an anti-aliasing filter (e.g. 22 050 Hz -> 16 000 Hz, 16 000 -> 8 000)."""
    if from_rate == to_rate or samples.size == 0:
        return samples.astype(np.float32)
    g = gcd(from_rate, to_rate)
    return resample_poly(samples, to_rate // g, from_rate // g).astype(np.float32)


def from_telephone(payload: bytes) -> Samples:
    """A media frame's mu-law 8 kHz bytes -> float32 at 16 kHz."""
    return resample(to_float(mulaw_decode(payload)), TELEPHONE_RATE, MODEL_RATE)


def to_telephone(samples: Samples, rate: int) -> bytes:
    """float32 audio at `rate` -> mu-law 8 kHz bytes for media frames."""
    return mulaw_encode(to_pcm16(resample(samples, rate, TELEPHONE_RATE)))


def read_wav(source: Path | bytes) -> tuple[Samples, int]:
    """A mono or stereo 16-bit WAV -> (mono float32 samples, sample rate)."""
    with wave.open(io.BytesIO(source) if isinstance(source, bytes) else str(source), "rb") as w:
        if w.getsampwidth() != 2:
            raise ValueError(f"expected 16-bit PCM WAV, got {8 * w.getsampwidth()}-bit")
        raw = np.frombuffer(w.readframes(w.getnframes()), dtype="<i2")
        channels, rate = w.getnchannels(), w.getframerate()
    if channels > 1:
        raw = raw.reshape(-1, channels).mean(axis=1).astype(np.int16)
    return to_float(raw.astype(np.int16)), rate


def write_wav(path: Path, samples: Samples, rate: int) -> None:
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(to_pcm16(samples).astype("<i2").tobytes())
