"""Intent classification with a calibrated confidence and an out-of-scope answer.

The default model is a linear SVM (Crammer-Singer multi-class) over word, character, cross-script and Arabic
stem/dialect n-grams. With an optional embedder, a logistic-regression head over sentence vectors is added and the
two are combined (standardised scores, embedding weight 1.5, chosen on data carved from Banking77's training
file); that model then needs the same embedder when it is loaded. Embedders: the full MiniLM encoder
(`onnx_encoder`: ~1-2 ms per message on onnxruntime in int8, ~3 ms in float32, ~25 ms in the NumPy
fallback) or the static token vectors distilled from it (`static_vectors`, ~0.05 ms per message).

Encoder modes (`encoder_mode`, recorded in the model file): "always" runs the embedder on every
message; "cascade" (the default for the full encoder) runs it only when the sparse model is unsure: the
margin between its two best probabilities is below a gate chosen on the out-of-fold predictions of the
training data (the lowest gate whose accuracy is within CASCADE_TOLERANCE of the encoder on every message),
and when it can read the message: at least READABLE of its words are whole words of the encoder's
vocabulary (MiniLM is an English model: Arabic script and Arabizi are not read, French partly).

Arabizi reading (`arabizi_reading`, recorded in the model file; older models load without it): a message the
language identifier calls `ary_Latn` is featurised with its known Darija words and French loans replaced by their
MSA words, the way Arabic-script dialect words are, so that a model trained mostly on Arabic script (or MSA) also
reads Darija written in Latin letters (project Darija banking questions in Arabizi, ArBanking77-trained model:
dev 15.7 -> 78.4 %; `benchmarks/nlu.md`).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

from tawasol.domain.analysis import IntentResult
from tawasol.nlu.arabic import arabizi_reading, knows_arabizi
from tawasol.nlu.embeddings import SentenceEncoder
from tawasol.nlu.features import FeatureConfig
from tawasol.nlu.language import LanguageIdentifier, builtin_identifier
from tawasol.nlu.linear import ArtifactError, LinearTextClassifier, fit_temperature, softmax
from tawasol.nlu.normalize import normalize
from tawasol.nlu.onnx_encoder import OnnxSentenceEncoder, fast_encoder, runtime_available
from tawasol.nlu.static_vectors import StaticVectors

OUT_OF_SCOPE = "out_of_scope"
INTENT_FEATURES = FeatureConfig(word_ngrams=2, char_min=2, char_max=5, skeleton_ngrams=2, skeleton_chars=4, arabic=2)
# Crammer-Singer multi-class SVM rather than one-vs-rest: chosen on ArBanking77 train -> val (92.94 -> 93.71), a carve
# of its train file without near-paraphrases (88.59 -> 89.24), 15 % of Banking77 train (90.41 -> 90.47) and CLINC150
# train -> val (in-scope 92.73 -> 93.10); serving is the same linear model
INTENT_MULTI_CLASS = "crammer_singer"
EMBEDDERS = ("minilm", "minilm-int8", "static-minilm")
ENCODER_MODES = ("always", "cascade")
Embedder = SentenceEncoder | OnnxSentenceEncoder | StaticVectors
EMBEDDING_WEIGHT = 1.5
CASCADE_TOLERANCE = 0.001  # out-of-fold accuracy the cascade may give up against the encoder on every message
ALWAYS = 2.0  # a gate above any margin: the embedder reads every message
READABLE = 0.5  # cascade: the encoder reads messages of which at least half the words are in its vocabulary


def embedder_kind(embedder: Embedder) -> str:
    """"minilm" for float32 MiniLM (NumPy or onnxruntime: the same vectors), "minilm-int8", "static-minilm"."""
    if isinstance(embedder, StaticVectors):
        return "static-minilm"
    return "minilm-int8" if getattr(embedder, "precision", "fp32") == "int8" else "minilm"


def installed_embedder(kind: str) -> Embedder:
    """The installed embedder of a kind recorded in a model file (EmbeddingModelMissing with the install hint)."""
    if kind == "static-minilm":
        return StaticVectors.installed()
    return fast_encoder(precision="int8" if kind == "minilm-int8" else "fp32")


def embedder_for(embeddings: bool | str, model_dir: Path | None) -> Embedder | None:
    """The optional embedder a command-line option asks for (True: the serving configuration), cached under
    `model_dir`; None for False."""
    if embeddings == "static":
        return StaticVectors.installed(model_dir / "static-vectors" if model_dir else None)
    cache = model_dir / "onnx-encoder" if model_dir else None
    if embeddings is True:  # the serving configuration: int8 on onnxruntime, else the NumPy fallback (logged)
        return fast_encoder(cache, "int8" if runtime_available() else "fp32")
    if embeddings in ("minilm", "minilm-int8"):
        return fast_encoder(cache, "int8" if embeddings == "minilm-int8" else "fp32")
    if embeddings:
        raise ValueError(f"embeddings must be False, True, 'minilm', 'minilm-int8' or 'static', got {embeddings!r}")
    return None


def _margin(proba: np.ndarray) -> np.ndarray:
    """Best minus second-best probability, per row (1 for a single label)."""
    if proba.shape[-1] < 2:
        return np.ones(proba.shape[:-1])
    top2 = np.partition(proba, -2, axis=-1)[..., -2:]
    return top2[..., 1] - top2[..., 0]


def _best_gate(sparse_oof: np.ndarray, combined_oof: np.ndarray, y: np.ndarray,
               reads: np.ndarray | None = None) -> float:
    """The lowest margin gate whose out-of-fold accuracy is within CASCADE_TOLERANCE of the encoder on every
    message it can read (`reads`, default all)."""
    margin = _margin(sparse_oof)
    reads = np.ones(len(y), dtype=bool) if reads is None else reads
    sparse_right, combined_right = sparse_oof.argmax(axis=1) == y, combined_oof.argmax(axis=1) == y
    target = float(np.where(reads, combined_right, sparse_right).mean()) - CASCADE_TOLERANCE
    for gate in np.round(np.linspace(0.05, 1.0, 20), 2):
        if float(np.where((margin < gate) & reads, combined_right, sparse_right).mean()) >= target:
            return float(gate)
    return ALWAYS


def _best_threshold(proba: np.ndarray, y: np.ndarray, oos: int | None) -> float:
    """Confidence below which the answer is out of scope, chosen on out-of-fold predictions of the training data.

    With out-of-scope examples: the highest threshold that costs at most one point of in-scope accuracy
    (answering a known question matters more than catching every stray one; messages the model
    classifies as out of scope are rejected whatever the threshold). Without: reject at most 2 % of
    the in-scope messages that would have been answered right.
    """
    top = proba.argmax(axis=1)
    conf = proba.max(axis=1)
    if oos is None:
        right = conf[top == y]
        return float(min(0.5, np.quantile(right, 0.02))) if len(right) else 0.0
    in_scope = y != oos
    if not in_scope.any():
        return 0.0
    right = (top == y) & (top != oos)
    base = float(right[in_scope].mean())
    best_t = 0.0
    for t in np.linspace(0.0, 0.9, 91):
        if float((right & (conf >= t))[in_scope].mean()) >= base - 0.01:
            best_t = float(t)
    return best_t


def _standardise(scores: np.ndarray) -> np.ndarray:
    return (scores - scores.mean(axis=-1, keepdims=True)) / scores.std(axis=-1, keepdims=True).clip(1e-9)


def embedding_head(x: np.ndarray, y: np.ndarray, c: float = 20.0,
                   max_iter: int = 1000) -> tuple[np.ndarray, np.ndarray]:
    """Logistic regression on sentence embeddings, as (weights (dim, n_labels), bias (n_labels))."""
    head = LogisticRegression(C=c, max_iter=max_iter).fit(x, y)
    coef, bias = head.coef_, head.intercept_
    if coef.shape[0] == 1:  # two labels: scikit-learn keeps one row
        coef, bias = np.vstack([-coef[0], coef[0]]), np.array([-bias[0], bias[0]])
    return np.ascontiguousarray(coef.T, dtype=np.float32), bias.astype(np.float32)


class IntentClassifier:
    """Trainable from `text,label` pairs of any of the tenant's languages; label `out_of_scope` marks negatives."""

    def __init__(
        self,
        oos_label: str = OUT_OF_SCOPE,
        c: float = 1.0,
        features: FeatureConfig | None = None,
        encoder: Embedder | None = None,
        encoder_mode: str | None = None,
        multi_class: str = INTENT_MULTI_CLASS,
        arabizi: bool = True,
        language: LanguageIdentifier | None = None,
    ) -> None:
        if encoder_mode is not None and encoder_mode not in ENCODER_MODES:
            raise ValueError(f"encoder_mode must be one of {ENCODER_MODES} (or None: cascade for MiniLM, always for "
                             f"static vectors), got {encoder_mode!r}")
        self.oos_label = oos_label
        self.c = c
        self.features = features or INTENT_FEATURES
        self.multi_class = multi_class
        self.arabizi = arabizi  # read Arabizi messages through the Darija -> MSA maps
        self.language = language  # tells which messages are Arabizi; the seed-trained identifier when None
        self.encoder = encoder  # optional embedder (full encoder or static vectors); None keeps the sparse-only model
        self.encoder_mode = encoder_mode
        self.model_: LinearTextClassifier | None = None
        self.threshold_: float = 0.0
        self.head_: tuple[np.ndarray, np.ndarray] | None = None  # embedding head (weights, bias)
        self.temperature_: float = 1.0  # of the combined scores, when there is a head
        self.mode_: str = "always"  # resolved encoder mode
        self.gate_: float = ALWAYS  # the embedder reads messages whose sparse margin is below this
        self.min_known_: float = 0.0  # ... and with at least this share of words in its vocabulary

    def _view(self, text: str, normalized: str | None = None, language: str | None = None) -> tuple[str, str | None]:
        """What the sparse model reads: the message, or its MSA reading when it is Arabizi."""
        if not self.arabizi:
            return text, normalized
        norm = normalize(text) if normalized is None else normalized
        if language is None:
            if not knows_arabizi(norm):
                return text, normalized
            language = (self.language or builtin_identifier()).identify(text, norm).label
        if language != "ary_Latn":
            return text, normalized
        reading = arabizi_reading(norm)
        return reading, reading

    def fit(self, texts: Sequence[str], labels: Sequence[str]) -> IntentClassifier:
        views = [self._view(t)[0] for t in texts]
        model = LinearTextClassifier(self.features, c=self.c, folds=3, multi_class=self.multi_class).fit(views, labels)
        index = {label: i for i, label in enumerate(model.labels_)}
        y = np.array([index[label] for label in labels])
        oof = model.oof_proba_
        if self.encoder is not None:
            default = "always" if isinstance(self.encoder, StaticVectors) else "cascade"
            self.mode_ = self.encoder_mode or default
            sparse_oof = oof
            oof = self._fit_head(model, self.encoder.encode(texts), y)
            self.gate_, self.min_known_ = ALWAYS, READABLE if self.mode_ == "cascade" else 0.0
            if self.mode_ == "cascade" and oof is not None and sparse_oof is not None:
                reads = np.array([self._reads(t) for t in texts], dtype=bool)
                self.gate_ = _best_gate(sparse_oof, oof, y, reads)
                use = (_margin(sparse_oof) < self.gate_) & reads
                oof = np.where(use[:, None], oof, sparse_oof)  # the cascade's own answers
        if oof is not None:
            self.threshold_ = _best_threshold(oof, y, index.get(self.oos_label))
        model.oof_proba_ = model.oof_scores_ = None
        self.model_ = model
        return self

    def _fit_head(self, model: LinearTextClassifier, x: np.ndarray, y: np.ndarray) -> np.ndarray | None:
        self.head_ = embedding_head(x, y)
        if model.oof_scores_ is None:
            return None
        oof = np.zeros_like(model.oof_scores_)
        folds = min(3, int(np.bincount(y).min()))
        for train, held in StratifiedKFold(folds, shuffle=True, random_state=0).split(x, y):
            weights, bias = embedding_head(x[train], y[train])
            oof[held] = x[held] @ weights + bias
        combined = _standardise(model.oof_scores_) + EMBEDDING_WEIGHT * _standardise(oof)
        self.temperature_ = fit_temperature(combined, y)
        return softmax(combined, self.temperature_)

    @property
    def labels(self) -> list[str]:
        return self._fitted().labels_

    @property
    def version(self) -> str:
        if self.head_ is None or self.encoder is None:
            return self._fitted().version_
        return f"{self._fitted().version_}+{embedder_kind(self.encoder)}"

    def _fitted(self) -> LinearTextClassifier:
        if self.model_ is None:
            raise RuntimeError("this intent classifier is not fitted yet: call fit() or load() first")
        return self.model_

    def _result(self, proba: np.ndarray) -> IntentResult:
        model = self._fitted()
        order = np.argsort(-proba)[:3]
        ranking = [(model.labels_[i], round(float(proba[i]), 4)) for i in order]
        label, _ = ranking[0]
        confidence = float(proba[order[0]])
        oos = label == self.oos_label or confidence < self.threshold_
        return IntentResult(
            label=self.oos_label if oos else label, confidence=confidence,
            out_of_scope=oos, ranking=ranking, model_version=self.version
        )

    def _proba(self, text: str, normalized: str | None = None) -> np.ndarray:
        model = self._fitted()
        if self.head_ is None or self.encoder is None:
            return model.predict_proba(text, normalized)
        scores = model.scores(text, normalized)
        if self.gate_ <= 1.0 or self.min_known_ > 0:
            sparse = softmax(scores, model.temperature_)
            if _margin(sparse) >= self.gate_ or not self._reads(text):  # sure, or unreadable for the encoder
                return sparse
        weights, bias = self.head_
        embedded = self.encoder.encode([text])[0] @ weights + bias
        combined = _standardise(scores) + EMBEDDING_WEIGHT * _standardise(embedded)
        return softmax(combined, self.temperature_)

    def _reads(self, text: str) -> bool:
        """Whether the encoder can read the message (enough of its words are in the encoder's vocabulary)."""
        tokenizer = getattr(self.encoder, "tokenizer", None)
        return self.min_known_ <= 0 or tokenizer is None or tokenizer.known_share(text) >= self.min_known_

    @property
    def encoder_use(self) -> str:
        """How the embedder is used, for reports."""
        if self.head_ is None:
            return "none"
        if self.mode_ == "always":
            return "always"
        return f"cascade: margin < {self.gate_:.2f}, known words >= {self.min_known_:.0%}"

    def predict(self, text: str, normalized: str | None = None, language: str | None = None) -> IntentResult:
        """`language`: the message's language when already known (the analyser's), else identified when needed."""
        return self._result(self._proba(*self._view(text, normalized, language)))

    def predict_many(self, texts: Sequence[str]) -> list[IntentResult]:
        if self.head_ is not None and self.encoder is not None:
            weights, bias = self.head_
            model = self._fitted()
            scores = (np.vstack([model.scores(*self._view(t)) for t in texts]) if texts
                      else np.zeros((0, len(self.labels))))
            proba = softmax(scores, model.temperature_)
            reads = np.array([self._reads(t) for t in texts], dtype=bool)
            unsure = np.flatnonzero((_margin(proba) < self.gate_) & reads)
            if len(unsure):
                embedded = self.encoder.encode([texts[i] for i in unsure]) @ weights + bias
                combined = _standardise(scores[unsure]) + EMBEDDING_WEIGHT * _standardise(embedded)
                proba[unsure] = softmax(combined, self.temperature_)
            return [self._result(p) for p in proba]
        return [self._result(p) for p in self._fitted().predict_proba_many([self._view(t)[0] for t in texts])]

    def save(self, path: Path) -> None:
        embeddings = embedder_kind(self.encoder) if self.head_ is not None and self.encoder is not None else None
        extra = {"kind": "intent", "oos_label": self.oos_label, "threshold": self.threshold_, "embeddings": embeddings,
                 "arabizi_reading": self.arabizi}
        if embeddings is not None:
            extra.update(temperature=self.temperature_, encoder_mode=self.mode_, gate=self.gate_,
                         min_known_words=self.min_known_)
        self._fitted().save(path, extra=extra)
        if self.head_ is not None:
            np.savez(path / "embedding_head.npz", weights=self.head_[0], bias=self.head_[1])

    @classmethod
    def load(cls, path: Path, encoder: Embedder | None = None) -> IntentClassifier:
        """Load a saved model; one trained with embeddings needs the same optional embedder (installed or given)."""
        model, extra = LinearTextClassifier.load(path)
        if extra.get("kind") != "intent":
            raise ArtifactError(f"refusing to load {path} as an intent model: it holds a {extra.get('kind')!r} model")
        clf = cls(
            oos_label=str(extra["oos_label"]), c=model.c, features=model.features, multi_class=model.multi_class,
            # models saved before the Arabizi reading featurise as they did
            arabizi=bool(extra.get("arabizi_reading", False)),
        )
        clf.model_ = model
        clf.threshold_ = float(extra["threshold"])
        kind = extra.get("embeddings")
        if kind:
            kind = "minilm" if kind is True else kind  # format-1 artifacts recorded a flag
            if kind not in EMBEDDERS:
                raise ArtifactError(f"refusing to load {path}: embedder {kind!r} is not one of {EMBEDDERS}")
            if encoder is not None and embedder_kind(encoder) != kind:
                raise ArtifactError(f"{path} was trained with the {kind} embedder, got a {embedder_kind(encoder)} one")
            # without one given: the installed package (EmbeddingModelMissing with the install hint when absent)
            clf.encoder = encoder or installed_embedder(kind)
            clf.mode_ = str(extra.get("encoder_mode", "always"))
            if clf.mode_ not in ENCODER_MODES:
                raise ArtifactError(f"refusing to load {path}: encoder mode {clf.mode_!r} "
                                    f"is not one of {ENCODER_MODES}")
            clf.encoder_mode = clf.mode_
            clf.gate_ = float(extra.get("gate", ALWAYS))
            clf.min_known_ = float(extra.get("min_known_words", 0.0))
            with np.load(path / "embedding_head.npz", allow_pickle=False) as arrays:
                clf.head_ = (np.ascontiguousarray(arrays["weights"], dtype=np.float32),
                             arrays["bias"].astype(np.float32))
            clf.temperature_ = float(extra["temperature"])
        return clf
