"""Recognition quality on recorded audio: WER and CER per language, real-time factor."""

from __future__ import annotations

import csv
import re
import statistics
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tawasol.voice.audio import MODEL_RATE, read_wav, resample
from tawasol.voice.stt import SPOKEN, SpeechRecognizer

_PUNCT = re.compile(r"[^\w\s']|_", re.UNICODE)
_ARABIC_MARKS = re.compile(r"[\u064B-\u0652\u0640]")  # harakat and tatweel


def normalise(text: str) -> str:
    """Lower case, no punctuation, no Arabic diacritics, one space: what WER compares."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = _ARABIC_MARKS.sub("", text)
    text = re.sub("[أإآ]", "ا", text).replace("ة", "ه").replace("ى", "ي")
    return " ".join(_PUNCT.sub(" ", text).replace("'", " ").split())


def edit_distance(ref: Sequence[str], hyp: Sequence[str]) -> int:
    previous = list(range(len(hyp) + 1))
    for i, r in enumerate(ref, 1):
        current = [i]
        for j, h in enumerate(hyp, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (r != h)))
        previous = current
    return previous[-1]


def wer(reference: str, hypothesis: str) -> float:
    ref, hyp = normalise(reference).split(), normalise(hypothesis).split()
    return edit_distance(ref, hyp) / max(len(ref), 1)


def cer(reference: str, hypothesis: str) -> float:
    ref, hyp = normalise(reference).replace(" ", ""), normalise(hypothesis).replace(" ", "")
    return edit_distance(list(ref), list(hyp)) / max(len(ref), 1)


@dataclass(frozen=True)
class Sample:
    path: Path
    language: str
    text: str


def read_transcripts(audio_dir: Path, transcripts: Path) -> list[Sample]:
    """A CSV with columns file, language, text (file relative to `audio_dir`)."""
    with transcripts.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    missing = {"file", "language", "text"} - set(rows[0] if rows else {})
    if missing:
        raise ValueError(f"{transcripts}: missing columns {sorted(missing)} (need file, language, text)")
    samples = [Sample(audio_dir / r["file"], r["language"], r["text"]) for r in rows]
    absent = [str(s.path) for s in samples if not s.path.is_file()]
    if absent:
        raise ValueError(f"audio files not found: {absent[:3]}")
    return samples


def evaluate(recognizer: SpeechRecognizer, samples: list[Sample], language_given: bool = True) -> dict[str, Any]:
    """Per language: WER and CER over the words of all its files, median real-time factor, and (without the
    language given) how often the language was identified right."""
    rows: list[dict[str, Any]] = []
    for s in samples:
        audio, rate = read_wav(s.path)
        heard = recognizer.transcribe(resample(audio, rate, MODEL_RATE), s.language if language_given else None)
        rows.append(
            {
                "file": s.path.name,
                "language": s.language,
                "reference": s.text,
                "hypothesis": heard.text,
                "identified": heard.language,
                "wer": round(wer(s.text, heard.text), 3),
                "cer": round(cer(s.text, heard.text), 3),
                "rtf": round(heard.real_time_factor, 3),
                "ref_words": len(normalise(s.text).split()),
                "ref_chars": len(normalise(s.text).replace(" ", "")),
            }
        )
    languages: dict[str, Any] = {}
    for lang in sorted({r["language"] for r in rows}):
        mine = [r for r in rows if r["language"] == lang]
        words, chars = sum(r["ref_words"] for r in mine), sum(r["ref_chars"] for r in mine)
        languages[lang] = {
            "files": len(mine),
            "wer": round(sum(r["wer"] * r["ref_words"] for r in mine) / max(words, 1), 3),
            "cer": round(sum(r["cer"] * r["ref_chars"] for r in mine) / max(chars, 1), 3),
            "rtf_median": round(statistics.median(r["rtf"] for r in mine), 3),
        }
        if not language_given:
            right = sum(r["identified"] == SPOKEN.get(lang, lang) for r in mine)
            languages[lang]["language_id_accuracy"] = round(right / len(mine), 3)
    return {
        "model": recognizer.model.name,
        "beam_size": recognizer.beam_size,
        "threads": recognizer.threads,
        "language_given": language_given,
        "languages": languages,
        "files": rows,
    }
