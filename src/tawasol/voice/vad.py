"""Voice activity and end of turn: Silero VAD (the ONNX model shipped inside faster-whisper), streamed.

`SpeechDetector` gives the probability of speech of each 32 ms window, keeping the model's state between
chunks. `TurnDetector` turns that into the two things a call needs: the customer started speaking (barge-in
during an answer) and the customer finished a turn (so many milliseconds of silence after speech), with the
audio of the turn.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from tawasol.voice.audio import MODEL_RATE, Samples
from tawasol.voice.models import require_engine

WINDOW = 512  # samples at 16 kHz: 32 ms, what Silero v5/v6 reads
CONTEXT = 64
MS_PER_WINDOW = 1000 * WINDOW // MODEL_RATE

_session: Any = None
_session_lock = threading.Lock()


def _silero() -> Any:
    """One ONNX session per process, one thread (sessions are safe to share between threads)."""
    global _session
    with _session_lock:
        if _session is None:
            require_engine()
            import onnxruntime  # type: ignore[import-untyped,import-not-found,unused-ignore]
            from faster_whisper.utils import get_assets_path  # type: ignore[import-untyped,import-not-found,unused-ignore]

            opts = onnxruntime.SessionOptions()
            opts.inter_op_num_threads = 1
            opts.intra_op_num_threads = 1
            opts.log_severity_level = 4
            path = Path(get_assets_path()) / "silero_vad_v6.onnx"
            _session = onnxruntime.InferenceSession(str(path), providers=["CPUExecutionProvider"], sess_options=opts)
        return _session


class SpeechDetector:
    """Streaming Silero: feed any number of samples, get one speech probability per complete 32 ms window."""

    def __init__(self) -> None:
        self._session = _silero()
        self._h = np.zeros((1, 1, 128), dtype=np.float32)
        self._c = np.zeros((1, 1, 128), dtype=np.float32)
        self._context = np.zeros(CONTEXT, dtype=np.float32)
        self._pending = np.zeros(0, dtype=np.float32)

    def probabilities(self, samples: Samples) -> list[float]:
        self._pending = np.concatenate([self._pending, samples.astype(np.float32)])
        out: list[float] = []
        while len(self._pending) >= WINDOW:
            window, self._pending = self._pending[:WINDOW], self._pending[WINDOW:]
            frame = np.concatenate([self._context, window])[None, :]
            prob, self._h, self._c = self._session.run(None, {"input": frame, "h": self._h, "c": self._c})
            self._context = window[-CONTEXT:]
            out.append(float(np.asarray(prob).reshape(-1)[0]))
        return out


@dataclass(frozen=True)
class TurnOptions:
    threshold: float = 0.5  # speech when the probability reaches it
    min_speech_ms: int = 160  # shorter bursts (a click, a cough) are no speech
    end_silence_ms: int = 640  # this much silence after speech ends the turn
    pre_roll_ms: int = 192  # audio kept before the detected start (the first phoneme)
    max_turn_ms: int = 20_000  # a turn this long is cut and transcribed


@dataclass
class TurnEvents:
    started: bool = False  # speech began in this chunk (confirmed, min_speech_ms long)
    turns: list[Samples] = field(default_factory=list)  # finished turns, audio at 16 kHz


class TurnDetector:
    """Speech start and end of turn from a stream of 16 kHz audio."""

    def __init__(self, options: TurnOptions | None = None, detector: SpeechDetector | None = None) -> None:
        self.options = options or TurnOptions()
        self._detector = detector or SpeechDetector()
        self._windows: list[Samples] = []  # audio of the current turn (with its pre-roll)
        self._pre: list[Samples] = []
        self._speech_ms = 0
        self._silence_ms = 0
        self._in_turn = False
        self._buffer = np.zeros(0, dtype=np.float32)

    @property
    def in_turn(self) -> bool:
        return self._in_turn

    def feed(self, samples: Samples) -> TurnEvents:
        events = TurnEvents()
        self._buffer = np.concatenate([self._buffer, samples.astype(np.float32)])
        whole = len(self._buffer) - len(self._buffer) % WINDOW
        chunk, self._buffer = self._buffer[:whole], self._buffer[whole:]
        for i, prob in enumerate(self._detector.probabilities(chunk)):
            self._step(chunk[i * WINDOW : (i + 1) * WINDOW], prob >= self.options.threshold, events)
        return events

    def _step(self, window: Samples, speech: bool, events: TurnEvents) -> None:
        o = self.options
        if not self._in_turn:
            self._pre.append(window)
            self._speech_ms = self._speech_ms + MS_PER_WINDOW if speech else 0
            keep = (o.pre_roll_ms + self._speech_ms) // MS_PER_WINDOW + 1
            self._pre = self._pre[-keep:]
            if self._speech_ms >= o.min_speech_ms:
                self._in_turn, self._silence_ms = True, 0
                self._windows, self._pre = self._pre, []
                events.started = True
            return
        self._windows.append(window)
        self._silence_ms = 0 if speech else self._silence_ms + MS_PER_WINDOW
        if self._silence_ms >= o.end_silence_ms or len(self._windows) * MS_PER_WINDOW >= o.max_turn_ms:
            events.turns.append(np.concatenate(self._windows))
            self._windows, self._in_turn, self._speech_ms = [], False, 0

    def flush(self) -> Samples | None:
        """The turn in progress when the call ends (the caller hung up mid-sentence), if any."""
        if not self._in_turn:
            return None
        turn = np.concatenate(self._windows)
        self._windows, self._in_turn, self._speech_ms = [], False, 0
        return turn
