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
from tawasol.nlu.arabic import dialect_to_msa, stem_candidates
from tawasol.nlu.features import FeatureConfig
from tawasol.nlu.lexicons import SIGNAL_PATTERNS
from tawasol.nlu.linear import ArtifactError, LinearTextClassifier
from tawasol.nlu.normalize import normalize

# arabic=2: Arabic stems and dialect words read as MSA (UMSAB train+val 5-fold CV: ar 0.6036 -> 0.6084, mean 0.6076 -> 0.6087)
SENTIMENT_FEATURES = FeatureConfig(word_ngrams=2, char_min=2, char_max=5, skeleton_ngrams=1, arabic=2)
LABELS = ("negative", "neutral", "positive")
_LEXICON_FULL_WEIGHT_ROWS = 1000  # chosen on UMSAB train/val files (see benchmarks/nlu.md)
_ELONGATED = re.compile(r"(\w)\1{3,}")
_EXCLAIM = re.compile(r"[!?]{2,}")


_TOKEN = re.compile(r"[^\W_]+")
_ARABIC_LETTER = re.compile("[\u0600-\u06ff]")
# Words that flip the polarity of the next few words (normalised form).
NEGATORS = frozenset(
    "pas ne n jamais rien aucun aucune sans ni not no never nothing none nobody without dont don't didn't doesn't isn't "
    "wasn't aren't can't cannot won't nunca nada ni sin tampoco ninguno ninguna ma machi mashi maxi la lam lan "
    "لا لم لن ليس ليست ما مش مو ماشي بلا بدون غير".split()
)
_NEGATION_SPAN = 3  # a negator reaches this many following words
_DARIJA_NEGATED = (re.compile("^ما(.{3,})ش$"), re.compile(r"^ma(\w{3,}?)(ch|x|sh)$"))  # ma-...-ch wraps the verb
_POSITIVE_EMOJI = frozenset("😀😁😂😃😄😅😆😉😊😋😍😎😘😙😚🙂🤗🤩🥰🥳👍👏🙌💪❤♥💕💖💗💙💚💛💜🧡💯🙏👌✅🌹🌸🎉🎊🏆⭐🌟✨🔥😻💐")
_NEGATIVE_EMOJI = frozenset("😡🤬😠👎💢😤😩😫😞😒🙄😭😢💔😔😟😕🙁☹😣😖😓😰😨😱🤮🤢💩😪🥺🤦😑😐")


@lru_cache(maxsize=1)
def _polarity_lexicon() -> tuple[dict[str, int], dict[tuple[str, ...], int], int]:
    """Normalised lexicon entries -> +1 / -1: single words, phrases as word tuples, and the longest phrase."""
    words: dict[str, int] = {}
    phrases: dict[tuple[str, ...], int] = {}
    for entry, label, _ in seed.sentiment_lexicon():
        key = tuple(_TOKEN.findall(normalize(entry)))
        if not key:
            continue
        value = 1 if label == "positive" else -1
        if len(key) == 1:
            words[key[0]] = value
        else:
            phrases[key] = value
    return words, phrases, max((len(k) for k in phrases), default=1)


def _word_polarity(word: str, words: dict[str, int]) -> tuple[int, bool]:
    """Polarity of one word (0 if unknown) and whether the word carries its own Darija negation."""
    value = words.get(word, 0)
    if value:
        return value, False
    for pattern in _DARIJA_NEGATED:
        m = pattern.match(word)
        if m and words.get(m.group(1)):
            return words[m.group(1)], True
    if _ARABIC_LETTER.match(word):  # clitics: conjunctions, prepositions and the article in front, pronouns behind
        for stem in stem_candidates(word):
            if value := words.get(stem, 0):
                return value, False
        msa = dialect_to_msa(word)  # a dialect word read as the MSA word the lexicon may hold
        if msa is not None and " " not in msa:
            return words.get(msa, 0), False
    elif len(word) > 3 and word.endswith("s"):
        return words.get(word[:-1], 0), False
    return 0, False


def evidence(normalized: str) -> list[str]:
    """Sentiment evidence of a normalised message as pseudo-words the linear model learns weights for:
    lexicon hits (flipped after a negator), lexicon phrases, and emoji."""
    words, phrases, longest = _polarity_lexicon()
    tokens = _TOKEN.findall(normalized)
    found = []
    for i, token in enumerate(tokens):
        value, self_negated = _word_polarity(token, words)
        if value:
            negated = self_negated or any(t in NEGATORS for t in tokens[max(0, i - _NEGATION_SPAN) : i])
            found.append(("zznot" if negated else "zz") + ("pos" if value > 0 else "neg"))
    for n in range(2, longest + 1):
        for i in range(len(tokens) - n + 1):
            value = phrases.get(tuple(tokens[i : i + n]), 0)
            if value:
                found.append("zzpos" if value > 0 else "zzneg")
    for ch in normalized:
        if ch in _POSITIVE_EMOJI:
            found.append("zzemopos")
        elif ch in _NEGATIVE_EMOJI:
            found.append("zzemoneg")
    return found


_EVIDENCE_VALUE = {"zzpos": 1, "zzneg": -1, "zznotpos": -1, "zznotneg": 0, "zzemopos": 1, "zzemoneg": -1}


def lexicon_polarity(normalized: str, found: list[str] | None = None) -> int:
    """Positive minus negative evidence (lexicon, with negation, and emoji) in a normalised message."""
    return sum(_EVIDENCE_VALUE[e] for e in (evidence(normalized) if found is None else found))


def model_view(normalized: str, found: list[str] | None = None) -> str:
    """What the linear model reads: the normalised message followed by its evidence pseudo-words."""
    found = evidence(normalized) if found is None else found
    return f"{normalized} {' '.join(found)}" if found else normalized


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
    """Linear sentiment model over word, character and cross-script features of the message and its evidence
    pseudo-words (polarity lexicon with negation, emoji), plus typography for the escalation signals."""

    def __init__(self, c: float = 0.5, folds: int = 3, lexicon: float = 0.3, evidence: bool = True) -> None:
        self.c = c
        # weight of the lexicon's evidence added to the model's probabilities (0: model only), for training sets of
        # up to _LEXICON_FULL_WEIGHT_ROWS rows; larger sets weigh the evidence themselves, so it shrinks with size
        self.lexicon = lexicon
        self.evidence = evidence  # the model also reads the evidence pseudo-words (see `model_view`)
        self.folds = folds  # out-of-fold fits used to calibrate probabilities; 0 skips calibration
        self.model_: LinearTextClassifier | None = None
        self.lexicon_ = lexicon  # the weight in use, set by `fit`

    def _view(self, text: str, normalized: str | None = None) -> str:
        norm = normalize(text) if normalized is None else normalized
        return model_view(norm) if self.evidence else norm

    def fit(self, texts: Sequence[str], labels: Sequence[str]) -> SentimentModel:
        unknown = set(labels) - set(LABELS)
        if unknown:
            raise ValueError(f"sentiment labels must be among {LABELS}, got {sorted(unknown)}")
        views = [self._view(t) for t in texts]
        self.model_ = LinearTextClassifier(SENTIMENT_FEATURES, c=self.c, folds=self.folds).fit(views, labels)
        self.model_.oof_proba_ = None
        self.lexicon_ = self.lexicon * min(1.0, _LEXICON_FULL_WEIGHT_ROWS / len(texts))
        return self

    def _fitted(self) -> LinearTextClassifier:
        if self.model_ is None:
            raise RuntimeError("this sentiment model is not fitted yet: call fit() or load() first")
        return self.model_

    def predict(self, text: str, normalized: str | None = None) -> SentimentResult:
        norm = normalize(text) if normalized is None else normalized
        model = self._fitted()
        found = evidence(norm) if self.evidence or self.lexicon_ else []
        view = model_view(norm, found) if self.evidence else norm
        proba = model.predict_proba(view, view)
        scores = {label: float(proba[model.labels_.index(label)]) if label in model.labels_ else 0.0 for label in LABELS}
        # the lexicon's evidence once more on the probabilities: small training sets cannot weigh it enough
        lexical = lexicon_polarity(norm, found) if self.lexicon_ else 0
        if lexical:
            shift = self.lexicon_ * np.tanh(lexical)
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
        self._fitted().save(path, extra={"kind": "sentiment", "lexicon": self.lexicon_, "evidence": self.evidence})

    @classmethod
    def load(cls, path: Path) -> SentimentModel:
        model, extra = LinearTextClassifier.load(path)
        if extra.get("kind") != "sentiment":
            raise ArtifactError(f"refusing to load {path} as a sentiment model: it holds a {extra.get('kind')!r} model")
        sm = cls(c=model.c, lexicon=float(extra.get("lexicon", 0.0)), evidence=bool(extra.get("evidence", False)))
        sm.model_ = model
        sm.lexicon_ = sm.lexicon
        return sm
