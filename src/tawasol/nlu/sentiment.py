"""Sentiment (negative / neutral / positive with an intensity) and the escalation signals.

Runs on customer messages only: the NLU step is only ever given customer messages, and agents'
messages are scored by quality tools, not by this model.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np

from tawasol.domain.analysis import SentimentResult
from tawasol.nlu import seed
from tawasol.nlu.features import FeatureConfig
from tawasol.nlu.lexicons import SIGNAL_PATTERNS
from tawasol.nlu.linear import ArtifactError, LinearTextClassifier
from tawasol.nlu.normalize import normalize

SENTIMENT_FEATURES = FeatureConfig(word_ngrams=2, char_min=2, char_max=5, skeleton_ngrams=1)
LABELS = ("negative", "neutral", "positive")
_ELONGATED = re.compile(r"(\w)\1{3,}")
_EXCLAIM = re.compile(r"[!?]{2,}")
_POSITIVE_EMOJI = re.compile("[😀😁😂😃😄😊😍🥰😘👍❤♥💯🙏👌✅🌹]")
_NEGATIVE_EMOJI = re.compile("[😡🤬😠👎💢😤😩😫😞😒🙄😭😢💔]")


@lru_cache(maxsize=1)
def _polarity_lexicon() -> tuple[dict[str, int], dict[str, int]]:
    """Normalised lexicon entries -> +1 / -1, split into single words and phrases."""
    words, phrases = {}, {}
    for entry, label, _ in seed.sentiment_lexicon():
        key = normalize(entry)
        (phrases if " " in key else words)[key] = 1 if label == "positive" else -1
    return words, phrases


def lexicon_polarity(normalized: str) -> int:
    """Positive minus negative lexicon hits in a normalised message."""
    words, phrases = _polarity_lexicon()
    total = sum(words.get(w, 0) for w in re.findall(r"[^\W_]+", normalized))
    return total + sum(v for p, v in phrases.items() if p in normalized)


def escalation_signals(raw: str, normalized: str) -> dict[str, float]:
    """anger, frustration, urgency and human_request in [0, 1], from cue patterns and typography."""
    signals = {}
    for name, patterns in SIGNAL_PATTERNS.items():
        hits = sum(1 for p in patterns if p.search(normalized))
        signals[name] = hits
    letters = [c for c in raw if c.isalpha() and c.isascii()]
    shouting = len(letters) >= 8 and sum(c.isupper() for c in letters) / len(letters) > 0.7
    typography = int(shouting) + int(bool(_EXCLAIM.search(raw))) + int(bool(_ELONGATED.search(raw)))
    signals["anger"] += 0.5 * typography
    return {name: round(min(1.0, 1 - 0.4**value), 4) for name, value in signals.items()}


class SentimentModel:
    """Linear sentiment model over word, character and cross-script features, plus emoji and typography."""

    def __init__(self, c: float = 0.5, folds: int = 3, lexicon: float = 0.3) -> None:
        self.c = c
        self.lexicon = lexicon  # weight of the polarity lexicon's evidence (0: model only)
        self.folds = folds  # out-of-fold fits used to calibrate probabilities; 0 skips calibration
        self.model_: LinearTextClassifier | None = None

    def fit(self, texts: Sequence[str], labels: Sequence[str]) -> SentimentModel:
        unknown = set(labels) - set(LABELS)
        if unknown:
            raise ValueError(f"sentiment labels must be among {LABELS}, got {sorted(unknown)}")
        self.model_ = LinearTextClassifier(SENTIMENT_FEATURES, c=self.c, folds=self.folds).fit(texts, labels)
        self.model_.oof_proba_ = None
        return self

    def _fitted(self) -> LinearTextClassifier:
        if self.model_ is None:
            raise RuntimeError("this sentiment model is not fitted yet: call fit() or load() first")
        return self.model_

    def predict(self, text: str, normalized: str | None = None) -> SentimentResult:
        norm = normalize(text) if normalized is None else normalized
        model = self._fitted()
        proba = model.predict_proba(text, norm)
        scores = {label: float(proba[model.labels_.index(label)]) if label in model.labels_ else 0.0 for label in LABELS}
        # emoji and the polarity lexicon: evidence that small training sets cannot cover exhaustively
        emoji = len(_POSITIVE_EMOJI.findall(text)) - len(_NEGATIVE_EMOJI.findall(text))
        lexicon = lexicon_polarity(norm) if self.lexicon else 0
        if emoji or lexicon:
            shift = 0.25 * np.tanh(emoji) + self.lexicon * np.tanh(lexicon)
            scores["positive"] = max(0.0, scores["positive"] + shift)
            scores["negative"] = max(0.0, scores["negative"] - shift)
            total = sum(scores.values()) or 1.0
            scores = {k: v / total for k, v in scores.items()}
        signals = escalation_signals(text, norm)
        label = max(scores, key=scores.__getitem__)
        polarity = scores["positive"] - scores["negative"]
        intensity = abs(polarity) if label != "neutral" else 0.0
        if label == "negative":
            intensity = max(intensity, signals["anger"], 0.8 * signals["frustration"])
        return SentimentResult(
            label=label,
            intensity=round(float(min(1.0, intensity)), 4),
            scores={k: round(v, 4) for k, v in scores.items()},
            signals=signals,
        )

    def predict_labels(self, texts: Sequence[str]) -> list[str]:
        return [self.predict(text).label for text in texts]

    def save(self, path: Path) -> None:
        self._fitted().save(path, extra={"kind": "sentiment", "lexicon": self.lexicon})

    @classmethod
    def load(cls, path: Path) -> SentimentModel:
        model, extra = LinearTextClassifier.load(path)
        if extra.get("kind") != "sentiment":
            raise ArtifactError(f"refusing to load {path} as a sentiment model: it holds a {extra.get('kind')!r} model")
        sm = cls(c=model.c, lexicon=float(extra.get("lexicon", 0.0)))
        sm.model_ = model
        return sm
