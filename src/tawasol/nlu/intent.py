"""Intent classification with a calibrated confidence and an out-of-scope answer."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

from tawasol.domain.analysis import IntentResult
from tawasol.nlu.features import FeatureConfig
from tawasol.nlu.linear import ArtifactError, LinearTextClassifier

OUT_OF_SCOPE = "out_of_scope"
INTENT_FEATURES = FeatureConfig(word_ngrams=2, char_min=2, char_max=5, skeleton_ngrams=2, skeleton_chars=4)


def _best_threshold(proba: np.ndarray, y: np.ndarray, oos: int | None) -> float:
    """Confidence below which the answer is out of scope, chosen on out-of-fold predictions of the training data.

    With out-of-scope examples: maximise in-scope accuracy + 0.5 x out-of-scope recall (out-of-fold
    scores of out-of-scope examples are optimistic: they resemble each other more than new ones). Without: reject at
    most 2 % of the in-scope messages that would have been answered right.
    """
    top = proba.argmax(axis=1)
    conf = proba.max(axis=1)
    if oos is None:
        right = conf[top == y]
        return float(min(0.5, np.quantile(right, 0.02))) if len(right) else 0.0
    in_scope = y != oos
    best, best_t = -1.0, 0.0
    for t in np.linspace(0.0, 0.9, 91):
        said_oos = (top == oos) | (conf < t)
        acc = float(((top == y) & ~said_oos)[in_scope].mean()) if in_scope.any() else 0.0
        recall = float(said_oos[~in_scope].mean()) if (~in_scope).any() else 0.0
        if acc + 0.5 * recall > best:
            best, best_t = acc + 0.5 * recall, float(t)
    return best_t


class IntentClassifier:
    """Trainable from `text,label` pairs of any of the tenant's languages; label `out_of_scope` marks negatives."""

    def __init__(self, oos_label: str = OUT_OF_SCOPE, c: float = 1.0, features: FeatureConfig | None = None) -> None:
        self.oos_label = oos_label
        self.c = c
        self.features = features or INTENT_FEATURES
        self.model_: LinearTextClassifier | None = None
        self.threshold_: float = 0.0

    def fit(self, texts: Sequence[str], labels: Sequence[str]) -> IntentClassifier:
        model = LinearTextClassifier(self.features, c=self.c, folds=3).fit(texts, labels)
        if model.oof_proba_ is not None:
            index = {label: i for i, label in enumerate(model.labels_)}
            y = np.array([index[label] for label in labels])
            self.threshold_ = _best_threshold(model.oof_proba_, y, index.get(self.oos_label))
        model.oof_proba_ = None
        self.model_ = model
        return self

    @property
    def labels(self) -> list[str]:
        return self._fitted().labels_

    @property
    def version(self) -> str:
        return self._fitted().version_

    def _fitted(self) -> LinearTextClassifier:
        if self.model_ is None:
            raise RuntimeError("this intent classifier is not fitted yet: call fit() or load() first")
        return self.model_

    def _result(self, proba: np.ndarray) -> IntentResult:
        model = self._fitted()
        order = np.argsort(-proba)[:3]
        ranking = [(model.labels_[i], round(float(proba[i]), 4)) for i in order]
        label, confidence = ranking[0]
        oos = label == self.oos_label or confidence < self.threshold_
        return IntentResult(
            label=self.oos_label if oos else label,
            confidence=float(proba[order[0]]),
            out_of_scope=oos,
            ranking=ranking,
            model_version=model.version_,
        )

    def predict(self, text: str, normalized: str | None = None) -> IntentResult:
        return self._result(self._fitted().predict_proba(text, normalized))

    def predict_many(self, texts: Sequence[str]) -> list[IntentResult]:
        return [self._result(p) for p in self._fitted().predict_proba_many(texts)]

    def save(self, path: Path) -> None:
        self._fitted().save(path, extra={"kind": "intent", "oos_label": self.oos_label, "threshold": self.threshold_})

    @classmethod
    def load(cls, path: Path) -> IntentClassifier:
        model, extra = LinearTextClassifier.load(path)
        if extra.get("kind") != "intent":
            raise ArtifactError(f"refusing to load {path} as an intent model: it holds a {extra.get('kind')!r} model")
        clf = cls(oos_label=str(extra["oos_label"]), c=model.c, features=model.features)
        clf.model_ = model
        clf.threshold_ = float(extra["threshold"])
        return clf
