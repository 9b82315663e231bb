"""A linear text classifier over `Featurizer` features, calibrated, saved as plain data (no pickle).

Training uses scikit-learn's LinearSVC; serving is a NumPy gather-and-sum over the few columns one
message touches. Scores become probabilities through a softmax whose temperature is fitted on
out-of-fold scores of the training data (never on a test split).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from scipy.optimize import minimize_scalar
from sklearn.model_selection import StratifiedKFold
from sklearn.svm import LinearSVC

from tawasol.nlu.features import FeatureConfig, Featurizer

# 2: intent features may include Arabic stems and dialect words; 3: dialect words read as MSA (older artifacts still
# load)
FORMAT_VERSION = 3
SUPPORTED_FORMATS = frozenset({1, 2, 3})
ARTIFACT_TYPES = frozenset({"tawasol.nlu.linear"})


class ArtifactError(ValueError):
    """A model artifact that is missing, of an unknown type, or of an unsupported format."""


def softmax(scores: np.ndarray, temperature: float) -> np.ndarray:
    z = scores * temperature
    z = z - z.max(axis=-1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=-1, keepdims=True)


MULTI_CLASS = ("ovr", "crammer_singer")


def _fit_svc(x: Any, y: np.ndarray, c: float, multi_class: str = "ovr") -> LinearSVC:
    """One-vs-rest (class-balanced), or Crammer-Singer: one joint multi-class margin, same linear scores at serving."""
    if multi_class == "crammer_singer":
        return LinearSVC(C=c, multi_class="crammer_singer", max_iter=2000, tol=1e-3).fit(x, y)
    return LinearSVC(C=c, class_weight="balanced", max_iter=5000).fit(x, y)


def _oof_scores(x: Any, y: np.ndarray, c: float, folds: int, seed: int, multi_class: str = "ovr") -> np.ndarray | None:
    """Out-of-fold decision scores, or None when some label has too few examples to split."""
    _, counts = np.unique(y, return_counts=True)
    folds = min(folds, int(counts.min()))
    if folds < 2:
        return None
    n_labels = len(counts)
    scores = np.zeros((len(y), n_labels), dtype=np.float64)
    for train, held in StratifiedKFold(folds, shuffle=True, random_state=seed).split(np.zeros(len(y)), y):
        scores[held] = _fit_svc(x[train], y[train], c, multi_class).decision_function(x[held]).reshape(len(held), -1)
    return scores


def fit_temperature(scores: np.ndarray, y: np.ndarray) -> float:
    def nll(t: float) -> float:
        p = softmax(scores, t)
        return float(-np.log(p[np.arange(len(y)), y] + 1e-12).mean())

    return float(minimize_scalar(nll, bounds=(0.1, 50.0), method="bounded").x)


class LinearTextClassifier:
    """Calibrated multi-class linear model on n-gram features; `fit` returns self, `predict_proba` serves."""

    def __init__(
        self, features: FeatureConfig | None = None, c: float = 1.0,
        folds: int = 3, seed: int = 0, multi_class: str = "ovr"
    ) -> None:
        if multi_class not in MULTI_CLASS:
            raise ValueError(f"multi_class must be one of {MULTI_CLASS}, got {multi_class!r}")
        self.features = features or FeatureConfig()
        self.c = c
        self.multi_class = multi_class  # training objective only: serving and the artifact's arrays are the same
        self.folds = folds
        self.seed = seed
        self.labels_: list[str] = []
        self.featurizer_: Featurizer | None = None
        self.weights_: np.ndarray = np.zeros((0, 0), dtype=np.float32)  # (n_features, n_labels)
        self.bias_: np.ndarray = np.zeros(0, dtype=np.float32)
        self.temperature_: float = 1.0
        self.oof_proba_: np.ndarray | None = None  # out-of-fold probabilities of the training rows
        self.oof_scores_: np.ndarray | None = None  # and their raw scores
        self.version_: str = ""

    def fit(self, texts: Sequence[str], labels: Sequence[str]) -> LinearTextClassifier:
        if len(texts) != len(labels) or not texts:
            raise ValueError(f"expected as many labels as texts (and at least one), got {len(texts)} and {len(labels)}")
        self.labels_ = sorted(set(labels))
        if len(self.labels_) < 2:
            raise ValueError(f"expected at least 2 labels, got {self.labels_}")
        index = {label: i for i, label in enumerate(self.labels_)}
        y = np.array([index[label] for label in labels])
        self.featurizer_ = Featurizer(self.features).fit(texts)
        x = self.featurizer_.transform(texts)
        oof = _oof_scores(x, y, self.c, self.folds, self.seed, self.multi_class)
        model = _fit_svc(x, y, self.c, self.multi_class)
        coef = model.coef_ if len(self.labels_) > 2 else np.vstack([-model.coef_[0], model.coef_[0]])
        bias = model.intercept_ if len(self.labels_) > 2 else np.array([-model.intercept_[0], model.intercept_[0]])
        if oof is not None and len(self.labels_) == 2:
            oof = np.column_stack([-oof[:, 0], oof[:, 0]])
        self.weights_ = np.ascontiguousarray(coef.T, dtype=np.float32)
        self.bias_ = bias.astype(np.float32)
        self.temperature_ = fit_temperature(oof, y) if oof is not None else 5.0
        self.oof_proba_ = softmax(oof, self.temperature_) if oof is not None else None
        self.oof_scores_ = oof
        self.version_ = self._digest()
        return self

    def _check_fitted(self) -> Featurizer:
        if self.featurizer_ is None:
            raise RuntimeError("this model is not fitted yet: call fit() or load() first")
        return self.featurizer_

    def scores(self, text: str, normalized: str | None = None) -> np.ndarray:
        idx, val = self._check_fitted().sparse_row(text, normalized)
        if len(idx) == 0:
            return self.bias_.astype(np.float64)
        return (val @ self.weights_[idx] + self.bias_).astype(np.float64)

    def predict_proba(self, text: str, normalized: str | None = None) -> np.ndarray:
        return softmax(self.scores(text, normalized), self.temperature_)

    def predict_proba_many(self, texts: Sequence[str]) -> np.ndarray:
        x = self._check_fitted().transform(texts)
        return softmax(np.asarray(x @ self.weights_) + self.bias_, self.temperature_)

    def _digest(self) -> str:
        h = hashlib.sha256(self.weights_.tobytes())
        h.update(json.dumps(self.labels_).encode())
        return h.hexdigest()[:12]

    # persistence: a directory holding manifest.json, vocabulary.json and arrays.npz
    def save(self, path: Path, extra: dict[str, Any] | None = None) -> None:
        featurizer = self._check_fitted()
        path.mkdir(parents=True, exist_ok=True)
        manifest = {
            "type": "tawasol.nlu.linear",
            "format": FORMAT_VERSION,
            "version": self.version_,
            "labels": self.labels_,
            "features": self.features.to_dict(),
            "c": self.c,
            "multi_class": self.multi_class,
            "temperature": self.temperature_,
            "extra": extra or {},
        }
        vocab = sorted(featurizer.vocabulary_, key=featurizer.vocabulary_.__getitem__)
        (path / "vocabulary.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
        np.savez(path / "arrays.npz", weights=self.weights_, bias=self.bias_, idf=featurizer.idf_)
        (path / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> tuple[LinearTextClassifier, dict[str, Any]]:
        """Load a saved model; refuses artifacts of unknown type or format. Returns the model and its extras."""
        manifest_path = path / "manifest.json"
        if not manifest_path.is_file():
            raise ArtifactError(f"no model at {path}: expected a manifest.json")
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        if manifest.get("type") not in ARTIFACT_TYPES:
            raise ArtifactError(f"refusing to load {path}: type {manifest.get('type')!r} is not one of "
                                f"{sorted(ARTIFACT_TYPES)}")
        if manifest.get("format") not in SUPPORTED_FORMATS:
            raise ArtifactError(f"refusing to load {path}: format {manifest.get('format')!r}, expected one of "
                                f"{sorted(SUPPORTED_FORMATS)}")
        model = cls(FeatureConfig(**manifest["features"]), c=float(manifest["c"]),
                    multi_class=str(manifest.get("multi_class", "ovr")))
        with np.load(path / "arrays.npz", allow_pickle=False) as arrays:
            model.weights_ = np.ascontiguousarray(arrays["weights"], dtype=np.float32)
            model.bias_ = arrays["bias"].astype(np.float32)
            idf = arrays["idf"].astype(np.float32)
        vocab = json.loads((path / "vocabulary.json").read_text(encoding="utf-8"))
        featurizer = Featurizer(model.features)
        featurizer.vocabulary_ = {f: i for i, f in enumerate(vocab)}
        featurizer.idf_ = idf
        model.featurizer_ = featurizer
        model.labels_ = list(manifest["labels"])
        model.temperature_ = float(manifest["temperature"])
        model.version_ = str(manifest["version"])
        return model, dict(manifest.get("extra", {}))
