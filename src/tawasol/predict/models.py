"""Tabular models for any customer table: a regularised linear model on engineered features,
blended with gradient boosting, for a yes/no outcome (churn) or a number (satisfaction)."""

from __future__ import annotations

from itertools import combinations
from typing import Any

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingClassifier, HistGradientBoostingRegressor
from sklearn.linear_model import LogisticRegression, Ridge
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import OneHotEncoder, OrdinalEncoder, SplineTransformer, StandardScaler
from sklearn.utils.validation import check_is_fitted
from threadpoolctl import threadpool_limits

from tawasol.predict.table import Schema

MISSING = "(missing)"
_CONTINUOUS_MIN_VALUES = 11  # fewer distinct numbers than this: treated as categories by the linear model
_MAX_PAIRS_OF = 6  # pairwise log-ratios among at most this many continuous columns


def prepare(frame: pd.DataFrame, schema: Schema) -> pd.DataFrame:
    """Model-ready frame: numbers as floats (blanks kept as NaN), categories as text with a missing marker."""
    out = {c: pd.to_numeric(frame[c], errors="coerce").astype(float) for c in schema.numeric}
    for c in schema.categorical:
        col = frame[c]
        out[c] = col.map(lambda v: MISSING if v is None or (isinstance(v, float) and np.isnan(v))
                         else str(v)).astype(object)
    return pd.DataFrame(out, index=frame.index)[schema.inputs]


class LogFeatures(BaseEstimator, TransformerMixin):
    """Signed log of each continuous column and log-ratios of pairs: how one amount compares with another."""

    def __init__(self, columns: list[str]) -> None:
        self.columns = columns

    def fit(self, X: pd.DataFrame, y: Any = None) -> LogFeatures:
        self.medians_ = X[self.columns].median().fillna(0.0)
        self.pairs_ = list(combinations(self.columns[:_MAX_PAIRS_OF], 2))
        return self

    def transform(self, X: pd.DataFrame) -> np.ndarray:
        check_is_fitted(self)
        raw = X[self.columns].fillna(self.medians_)
        logs = np.sign(raw) * np.log1p(np.abs(raw))
        missing = X[self.columns].isna().to_numpy(dtype=float)
        parts = [raw.to_numpy(), logs.to_numpy(), missing]
        parts += [(logs[a] - logs[b]).to_numpy()[:, None] for a, b in self.pairs_]
        return np.hstack(parts)

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        names = list(self.columns) + [f"log {c}" for c in self.columns] + [f"{c} missing" for c in self.columns]
        return np.array(names + [f"{a} / {b}" for a, b in self.pairs_], dtype=object)


def _split_numeric(X: pd.DataFrame, schema: Schema) -> tuple[list[str], list[str]]:
    continuous = [c for c in schema.numeric if X[c].nunique() >= _CONTINUOUS_MIN_VALUES]
    return continuous, [c for c in schema.numeric if c not in continuous]


class _AsText(BaseEstimator, TransformerMixin):
    """Few-valued numbers (0/1 flags, counts of 1-5) as categories for the linear model."""

    def fit(self, X: pd.DataFrame, y: Any = None) -> _AsText:
        return self

    def transform(self, X: pd.DataFrame) -> np.ndarray:
        return X.astype(object).where(X.notna(), MISSING).astype(str).to_numpy()


def linear_features(X: pd.DataFrame, schema: Schema) -> ColumnTransformer:
    continuous, discrete = _split_numeric(X, schema)
    parts: list[tuple[str, Any, list[str]]] = []
    if continuous:
        spline = SplineTransformer(n_knots=4, degree=3, knots="quantile", extrapolation="linear")
        parts.append(("num", make_pipeline(LogFeatures(continuous), spline, StandardScaler()), continuous))
    cats = discrete + schema.categorical
    if cats:
        onehot = OneHotEncoder(handle_unknown="infrequent_if_exist", min_frequency=10, sparse_output=False)
        parts.append(("cat", make_pipeline(_AsText(), onehot), cats))
    return ColumnTransformer(parts)


def boosting_features(schema: Schema) -> ColumnTransformer:
    ordinal = OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1, max_categories=60)
    return ColumnTransformer([("num", "passthrough", schema.numeric), ("cat", ordinal, schema.categorical)])


class BlendedModel(BaseEstimator):
    """Average of a regularised linear model and gradient boosting; `task` is 'classification' or 'regression'."""

    def __init__(self, schema: Schema, task: str = "classification", random_state: int = 0) -> None:
        self.schema = schema
        self.task = task
        self.random_state = random_state

    def fit(self, X: pd.DataFrame, y: np.ndarray) -> BlendedModel:
        # one thread: the box is shared, and BLAS threads fighting over two cores made fits 10x slower
        with threadpool_limits(1):
            return self._fit(X, y)

    def _fit(self, X: pd.DataFrame, y: np.ndarray) -> BlendedModel:
        if self.task not in ("classification", "regression"):
            raise ValueError(f"task must be 'classification' or 'regression', got {self.task!r}")
        X = prepare(X, self.schema)
        cat_mask = [False] * len(self.schema.numeric) + [True] * len(self.schema.categorical)
        # 100 rows per leaf suits thousands of customers; small tenants need smaller leaves or the
        # boosted half cannot split at all and squeezes every score towards the base rate.
        leaf = min(100, max(10, len(X) // 10))
        boost_args = dict(learning_rate=0.03, max_iter=300, max_leaf_nodes=4, min_samples_leaf=leaf,
                          l2_regularization=1.0, categorical_features=cat_mask, random_state=self.random_state)
        if self.task == "classification":
            linear: Any = LogisticRegression(C=0.3, solver="newton-cholesky", max_iter=200)
            boost: Any = HistGradientBoostingClassifier(**boost_args)  # type: ignore[arg-type]
        else:
            linear = Ridge(alpha=3.0)
            boost = HistGradientBoostingRegressor(**boost_args)  # type: ignore[arg-type]
        self.linear_ = Pipeline([("features", linear_features(X, self.schema)), ("model", linear)]).fit(X, y)
        self.boost_ = Pipeline([("features", boosting_features(self.schema)), ("model", boost)]).fit(X, y)
        return self

    def predict(self, X: pd.DataFrame) -> np.ndarray:
        """Probability of the positive class (classification) or the predicted value (regression)."""
        check_is_fitted(self)
        X = prepare(X, self.schema)
        with threadpool_limits(1):
            if self.task == "classification":
                return np.asarray((self.linear_.predict_proba(X)[:, 1] + self.boost_.predict_proba(X)[:, 1]) / 2)
            return np.asarray((self.linear_.predict(X) + self.boost_.predict(X)) / 2)
