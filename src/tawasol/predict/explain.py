"""Why a score is what it is: each column's contribution for one customer, in words an agent reads.

A column's contribution is the score minus the average score obtained when that column alone takes
the values typical customers have (their frequent categories, or the deciles of a number). It works
for any model, blends included, and is computed on demand for the rows shown.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass

import numpy as np
import pandas as pd

from tawasol.predict.table import Schema

_MAX_CATEGORIES = 12
_QUANTILES = np.linspace(0.05, 0.95, 10)


@dataclass(frozen=True)
class Contribution:
    """One column's push on one customer's score, and the sentence that says it."""

    feature: str
    value: str
    contribution: float
    text: str

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


@dataclass(frozen=True)
class Reference:
    """What typical customers look like: substitute values and weights per column, numeric quartiles."""

    values: dict[str, list[object]]
    weights: dict[str, np.ndarray]
    quartiles: dict[str, tuple[float, float, float]]


def reference_from(frame: pd.DataFrame, schema: Schema) -> Reference:
    values: dict[str, list[object]] = {}
    weights: dict[str, np.ndarray] = {}
    quartiles: dict[str, tuple[float, float, float]] = {}
    for col in schema.numeric:
        series = pd.to_numeric(frame[col], errors="coerce").dropna()
        if series.empty:
            values[col], weights[col] = [np.nan], np.ones(1)
            continue
        qs = np.unique(series.quantile(_QUANTILES).to_numpy())
        values[col] = list(qs)
        weights[col] = np.full(len(qs), 1.0 / len(qs))
        q1, q2, q3 = series.quantile([0.25, 0.5, 0.75]).to_numpy()
        quartiles[col] = (float(q1), float(q2), float(q3))
    for col in schema.categorical:
        counts = frame[col].astype(object).value_counts(dropna=False).head(_MAX_CATEGORIES)
        values[col] = list(counts.index)
        weights[col] = (counts / counts.sum()).to_numpy()
    return Reference(values, weights, quartiles)


def contributions(score: Callable[[pd.DataFrame], np.ndarray], rows: pd.DataFrame, schema: Schema,
                  reference: Reference) -> np.ndarray:
    """(rows x inputs) contributions to the score, in the score's own units."""
    base = score(rows)
    variants, owners = [], []
    for j, col in enumerate(schema.inputs):
        for v in reference.values[col]:
            changed = rows.copy()
            changed[col] = [v] * len(rows)
            variants.append(changed)
            owners.append(j)
    scores = score(pd.concat(variants, ignore_index=True)).reshape(len(variants), len(rows))
    out = np.zeros((len(rows), len(schema.inputs)))
    start = 0
    for j, col in enumerate(schema.inputs):
        k = len(reference.values[col])
        out[:, j] = base - reference.weights[col] @ scores[start: start + k]
        start += k
    return out


def _describe_value(col: str, value: object, reference: Reference) -> str:
    if col in reference.quartiles:
        if value is None or (isinstance(value, float) and np.isnan(value)):
            return f"{col} is not known"
        q1, q2, q3 = reference.quartiles[col]
        number = float(value)  # type: ignore[arg-type]
        level = "low" if number < q1 else "high" if number > q3 else "usual"
        return f"{col} is {number:g} ({level}; typical {q2:g})"
    return f"{col} is {value}" if value == value else f"{col} is not known"


def explain_rows(score: Callable[[pd.DataFrame], np.ndarray], rows: pd.DataFrame, schema: Schema,
                 reference: Reference, outcome: str, unit: str, top: int = 3, scale: float = 100.0,
                 min_effect: float = 0.005) -> list[list[Contribution]]:
    """The `top` strongest pushes per row as sentences: 'Contract is Month-to-month: raises churn risk by 12 points'."""
    contrib = contributions(score, rows, schema, reference)
    explained = []
    for i in range(len(rows)):
        order = np.argsort(-np.abs(contrib[i]))[:top]
        items = []
        for j in order:
            effect = float(contrib[i, j])
            if abs(effect) < min_effect:
                continue
            col = schema.inputs[j]
            value = rows.iloc[i][col]
            verb = "raises" if effect > 0 else "lowers"
            digits = 0 if scale >= 100 else 2
            size = f"{abs(effect) * scale:.{digits}f} {unit}"
            text = f"{_describe_value(col, value, reference)}: {verb} {outcome} by {size}"
            items.append(Contribution(col, str(value), effect, text))
        explained.append(items)
    return explained


def global_importance(score: Callable[[pd.DataFrame], np.ndarray], rows: pd.DataFrame, schema: Schema,
                      reference: Reference) -> dict[str, float]:
    """Mean absolute contribution per column over `rows` (held-out rows for an honest picture)."""
    contrib = contributions(score, rows, schema, reference)
    return dict(zip(schema.inputs, np.abs(contrib).mean(axis=0).tolist(), strict=True))
