"""Text to speech: Debian's espeak-ng, run as a separate program (it is GPL; nothing of it is linked).

Voices: fr, ar, en, es. Darija in Arabic script is spoken with the Arabic voice; Darija in Latin letters
(Arabizi) with the French one, whose letter-to-sound rules read it far closer than the Arabic voice (which
spells Latin text out). Written answers are made speakable first: links, markup and citations are dropped.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import time
from dataclasses import dataclass

from tawasol.voice.audio import Samples, read_wav
from tawasol.voice.models import VoiceUnavailable

VOICES = {"fr": "fr", "ar": "ar", "ary": "ar", "ary_Latn": "fr", "en": "en-us", "es": "es"}
INSTALL_HINT = "apt-get install espeak-ng"
MAX_CHARS = 1200  # a spoken answer longer than this is cut at a sentence end


class SynthesisUnavailable(VoiceUnavailable):
    """espeak-ng is missing or failed."""


@dataclass(frozen=True)
class Speech:
    samples: Samples
    rate: int
    voice: str
    compute_seconds: float

    @property
    def seconds(self) -> float:
        return len(self.samples) / self.rate if self.rate else 0.0


_URL = re.compile(r"https?://\S+|www\.\S+")
_MARKUP = re.compile(r"[*_`#>|~]+")
_SOURCE = re.compile(r"\((?:source|المصدر|fuente)\s*:[^)]*\)", re.IGNORECASE)
_SPACES = re.compile(r"\s+")
_PLACEHOLDER = re.compile(r"\[([A-Z]+)(?:_[A-Z]+)*_\d+\]")


def speakable(text: str, max_chars: int = MAX_CHARS) -> str:
    """The words of a written answer worth saying aloud."""
    text = _SOURCE.sub(" ", text)
    text = _URL.sub(" ", text)
    text = _PLACEHOLDER.sub(lambda m: m.group(1).lower(), text)
    text = _MARKUP.sub(" ", text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = _SPACES.sub(" ", text).strip()
    if len(text) > max_chars:
        cut = max(text.rfind(p, 0, max_chars) for p in ".!?؟")
        text = text[: cut + 1] if cut > 0 else text[:max_chars]
    return text


class Synthesizer:
    def __init__(self, executable: str = "espeak-ng", words_per_minute: int = 165) -> None:
        self.executable = executable
        self.words_per_minute = words_per_minute

    def available(self) -> bool:
        return shutil.which(self.executable) is not None

    def voice_for(self, language: str) -> str:
        voice = VOICES.get(language) or VOICES.get(language.split("_")[0].split("-")[0])
        if voice is None:
            raise SynthesisUnavailable(f"no voice for language {language!r}; voices: {', '.join(sorted(VOICES))}")
        return voice

    def synthesize(self, text: str, language: str) -> Speech:
        """Speak `text` in `language`; the text goes through standard input, never the command line."""
        path = shutil.which(self.executable)
        if path is None:
            raise SynthesisUnavailable(f"speech synthesis needs espeak-ng, not found: {INSTALL_HINT}")
        voice = self.voice_for(language)
        started = time.perf_counter()
        try:
            done = subprocess.run(
                [path, "-v", voice, "-s", str(self.words_per_minute), "-b", "1", "--stdin", "--stdout"],
                input=speakable(text).encode("utf-8"),
                capture_output=True,
                timeout=30,
                check=False,
            )
        except subprocess.TimeoutExpired as exc:
            raise SynthesisUnavailable("espeak-ng did not answer within 30 s") from exc
        if done.returncode != 0 or len(done.stdout) < 44:
            raise SynthesisUnavailable(
                f"espeak-ng failed ({done.returncode}): {done.stderr.decode('utf-8', 'replace')[:200]}"
            )
        samples, rate = read_wav(_fix_stream_header(done.stdout))
        return Speech(samples=samples, rate=rate, voice=voice, compute_seconds=time.perf_counter() - started)


def _fix_stream_header(wav: bytes) -> bytes:
    """espeak-ng writing to a pipe cannot seek back to fill in the sizes: set them from the bytes received."""
    if wav[:4] != b"RIFF" or wav[36:40] != b"data":
        return wav
    size = len(wav) - 44
    return b"RIFF" + (size + 36).to_bytes(4, "little") + wav[8:40] + size.to_bytes(4, "little") + wav[44:]
