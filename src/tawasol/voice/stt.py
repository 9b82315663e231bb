"""Speech to text: faster-whisper (int8, one thread), language given or identified among the product's languages.

Darija is spoken Arabic to Whisper: it is transcribed in Arabic script (language `ar`), and the text identifier
of the NLU step then tells `ary` from MSA on the words.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from typing import Any

import numpy as np

from tawasol.voice.audio import MODEL_RATE, Samples
from tawasol.voice.models import SpeechModel, VoiceUnavailable, require_engine

# the product's languages and dialects -> the Whisper language that transcribes them
SPOKEN = {"fr": "fr", "ar": "ar", "ary": "ar", "ary_Latn": "ar", "en": "en", "es": "es"}
WHISPER_LANGUAGES = ("fr", "ar", "en", "es")
TOKENS_PER_SECOND = 12  # well above speech (Arabic script costs the most tokens a word)
MAX_TOKENS = 220  # under Whisper's 448-token window with its prompt


class LanguageNotSupported(VoiceUnavailable):
    """No speech model for this language; the message names the ones there are."""


@dataclass(frozen=True)
class Transcription:
    text: str
    language: str  # the Whisper language (fr, ar, en, es)
    language_probability: float
    audio_seconds: float
    compute_seconds: float

    @property
    def real_time_factor(self) -> float:
        return self.compute_seconds / self.audio_seconds if self.audio_seconds else 0.0


class SpeechRecognizer:
    """One loaded Whisper model; `transcribe` is safe to call from several threads (one decode at a time each
    `workers`)."""

    def __init__(self, model: SpeechModel, threads: int = 1, beam_size: int = 5, workers: int = 1) -> None:
        self.model = model
        self.threads = threads
        self.beam_size = beam_size
        self.workers = workers
        self._whisper: Any = None
        self._lock = threading.Lock()

    def _load(self) -> Any:
        with self._lock:
            if self._whisper is None:
                require_engine()
                from faster_whisper import WhisperModel  # type: ignore[import-untyped,import-not-found,unused-ignore]

                self._whisper = WhisperModel(
                    str(self.model.path),
                    device="cpu",
                    compute_type="int8",
                    cpu_threads=self.threads,
                    num_workers=self.workers,
                    local_files_only=True,
                )
            return self._whisper

    def languages(self) -> tuple[str, ...]:
        """The Whisper languages this model transcribes (an English-only model: en alone)."""
        return WHISPER_LANGUAGES if self._load().model.is_multilingual else ("en",)

    def whisper_language(self, language: str) -> str:
        """The Whisper language for a product language, or LanguageNotSupported naming the supported ones."""
        spoken = SPOKEN.get(language)
        supported = self.languages()
        if spoken is None or spoken not in supported:
            names = sorted(k for k, v in SPOKEN.items() if v in supported)
            raise LanguageNotSupported(
                f"no speech model for language {language!r} in {self.model.name}; "
                f"supported: {', '.join(names)} (TAWASOL_VOICE_MODEL brings another model)"
            )
        return spoken

    def identify(self, audio: Samples) -> tuple[str, float]:
        """The most probable of the supported languages, with its probability among all Whisper's languages."""
        whisper = self._load()
        supported = self.languages()
        if len(supported) == 1:
            return supported[0], 1.0
        _, _, probs = whisper.detect_language(audio)
        best = max((p for p in probs if p[0] in supported), key=lambda p: p[1])
        return str(best[0]), float(best[1])

    def transcribe(self, audio: Samples, language: str | None = None) -> Transcription:
        """Transcribe one utterance (float32 at 16 kHz). `language` is a product language (fr, ar, ary, en,
        es...); without it the language is identified among the supported ones."""
        started = time.perf_counter()
        audio = np.ascontiguousarray(audio, dtype=np.float32)
        whisper = self._load()
        seconds = len(audio) / MODEL_RATE
        options = {
            "beam_size": self.beam_size,
            "vad_filter": False,
            "condition_on_previous_text": False,
            "without_timestamps": True,
            # an utterance of a few seconds holds a few dozen tokens: a decoder looping on a robotic or
            # noisy turn is cut, so one bad turn cannot hold the line for many seconds
            "max_new_tokens": min(MAX_TOKENS, int(TOKENS_PER_SECOND * seconds) + 16),
        }
        if language:
            lang, prob = self.whisper_language(language), 1.0
            segments, _ = whisper.transcribe(audio, language=lang, **options)
        else:  # one pass: Whisper's own identification, kept when it names a supported language
            segments, info = whisper.transcribe(audio, language=None, **options)
            lang, prob = str(info.language), float(info.language_probability)
            supported = self.languages()
            if lang not in supported:
                lang, prob = max(
                    ((str(c), float(p)) for c, p in info.all_language_probs or [] if c in supported),
                    key=lambda cp: cp[1],
                    default=(supported[0], 0.0),
                )
                segments, _ = whisper.transcribe(audio, language=lang, **options)
        text = " ".join(s.text.strip() for s in segments).strip()
        return Transcription(
            text=text,
            language=lang,
            language_probability=prob,
            audio_seconds=seconds,
            compute_seconds=time.perf_counter() - started,
        )
