"""Train, cross-validate and explain a blended model on a customer table (shared by churn and CSAT)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from sklearn.exceptions import NotFittedError
from sklearn.metrics import (
    average_precision_score,
    brier_score_loss,
    mean_absolute_error,
    r2_score,
    roc_auc_score,
)
from sklearn.model_selection import KFold, StratifiedKFold

from tawasol.domain.errors import InvalidInput
from tawasol.predict.explain import Contribution, Reference, explain_rows, global_importance, reference_from
from tawasol.predict.models import BlendedModel
from tawasol.predict.table import Schema

_IMPORTANCE_ROWS_PER_FOLD = 200


@dataclass(frozen=True)
class Wording:
    """How explanations speak: 'raises churn risk by 12 points' or 'lowers predicted satisfaction by 0.30 points'."""

    outcome: str
    unit: str
    scale: float


@dataclass
class CrossValidation:
    """Out-of-fold scores and their metrics; every row was scored by a model that never saw it."""

    metrics: dict[str, float]
    fold_metrics: list[dict[str, float]]
    top_features: list[dict[str, object]]
    oof_scores: np.ndarray = field(repr=False)


def _metrics(task: str, y: np.ndarray, s: np.ndarray) -> dict[str, float]:
    if task == "classification":
        return {"roc_auc": float(roc_auc_score(y, s)), "pr_auc": float(average_precision_score(y, s)),
                "brier": float(brier_score_loss(y, s))}
    return {"mae": float(mean_absolute_error(y, s)), "r2": float(r2_score(y, s)),
            "spearman": float(pd.Series(y).corr(pd.Series(s), method="spearman"))}


def cross_validate(frame: pd.DataFrame, y: np.ndarray, schema: Schema, task: str, folds: int = 5,
                   seed: int = 0, top: int = 10) -> CrossValidation:
    """Stratified (classification) k-fold CV: metrics averaged over folds, global top features on held-out rows."""
    if len(frame) < 2 * folds:
        raise InvalidInput("data", f"needs at least {2 * folds} rows for {folds}-fold cross-validation")
    if task == "classification" and np.bincount(y, minlength=2).min() < folds:
        raise InvalidInput("target", f"each class needs at least {folds} rows")
    splitter = StratifiedKFold(folds, shuffle=True, random_state=seed) if task == "classification" \
        else KFold(folds, shuffle=True, random_state=seed)
    oof = np.zeros(len(frame))
    per_fold, importance = [], np.zeros(len(schema.inputs))
    rng = np.random.default_rng(seed)
    for train, test in splitter.split(frame, y):
        model = BlendedModel(schema, task, seed).fit(frame.iloc[train], y[train])
        oof[test] = model.predict(frame.iloc[test])
        per_fold.append(_metrics(task, y[test], oof[test]))
        sample = rng.choice(test, size=min(_IMPORTANCE_ROWS_PER_FOLD, test.size), replace=False)
        ref = reference_from(frame.iloc[train], schema)
        imp = global_importance(model.predict, frame.iloc[sample], schema, ref)
        importance += np.array([imp[c] for c in schema.inputs]) / folds
    metrics = {k: float(np.mean([m[k] for m in per_fold])) for k in per_fold[0]}
    metrics |= {f"{k}_std": float(np.std([m[k] for m in per_fold])) for k in per_fold[0]}
    order = np.argsort(-importance)[:top]
    tops = [{"feature": schema.inputs[j], "mean_abs_contribution": float(importance[j])} for j in order]
    return CrossValidation(metrics, per_fold, tops, oof)


class TabularPredictor:
    """A blended model fitted on all rows, with the reference population its explanations compare to."""

    def __init__(self, schema: Schema, task: str, wording: Wording, seed: int = 0) -> None:
        self.schema = schema
        self.task = task
        self.wording = wording
        self.seed = seed

    def fit(self, frame: pd.DataFrame, y: np.ndarray) -> TabularPredictor:
        self.model_ = BlendedModel(self.schema, self.task, self.seed).fit(frame, y)
        self.reference_: Reference = reference_from(frame, self.schema)
        return self

    def _check_fitted(self) -> None:
        if not hasattr(self, "model_"):
            raise NotFittedError(f"{type(self).__name__} is not fitted; call fit first")

    def score(self, frame: pd.DataFrame) -> np.ndarray:
        self._check_fitted()
        return self.model_.predict(frame)

    def explain(self, frame: pd.DataFrame, top: int = 3) -> list[list[Contribution]]:
        """The main contributions per row, in words an agent understands."""
        self._check_fitted()
        w = self.wording
        return explain_rows(self.model_.predict, frame, self.schema, self.reference_, w.outcome, w.unit, top, w.scale)


def rows_with_target(frame: pd.DataFrame, target: str) -> pd.DataFrame:
    """Rows whose target is known, re-indexed from 0."""
    if target not in frame.columns:
        raise InvalidInput("target", f"{target!r} is not a column; have {', '.join(frame.columns)}")
    return frame[frame[target].notna()].reset_index(drop=True)


def sensitive_columns(frame: pd.DataFrame, names: Sequence[str]) -> dict[str, pd.Series]:
    return {n: frame[n] for n in names}
