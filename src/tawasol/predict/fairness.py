"""Fairness audit of a yes/no decision: per group selection rate, TPR and FPR, and the gaps between groups."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field

import numpy as np
import pandas as pd
from fairlearn.metrics import (
    MetricFrame,
    demographic_parity_difference,
    equalized_odds_difference,
    false_positive_rate,
    selection_rate,
    true_positive_rate,
)

_MAX_GROUPS = 12  # a numeric attribute with more distinct values is audited by quartile bands


@dataclass(frozen=True)
class GroupRates:
    group: str
    count: int
    selection_rate: float
    true_positive_rate: float
    false_positive_rate: float


@dataclass(frozen=True)
class AttributeAudit:
    """One sensitive attribute: its groups, the two standard gaps, and whether a gap passes the limit."""

    attribute: str
    groups: list[GroupRates]
    demographic_parity_difference: float
    equalized_odds_difference: float
    threshold: float
    warning: str | None = None

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


@dataclass(frozen=True)
class FairnessReport:
    decision_threshold: float
    attributes: list[AttributeAudit] = field(default_factory=list)

    @property
    def warnings(self) -> list[str]:
        return [a.warning for a in self.attributes if a.warning]

    def to_dict(self) -> dict[str, object]:
        return {"decision_threshold": self.decision_threshold,
                "attributes": {a.attribute: a.to_dict() for a in self.attributes}, "warnings": self.warnings}


def _groups(values: pd.Series) -> pd.Series:
    """Group labels: categories as text, many-valued numbers as quartile bands, missing as its own group."""
    numbers = pd.to_numeric(values, errors="coerce")
    if numbers.notna().all() and numbers.nunique() > _MAX_GROUPS:
        bands = pd.qcut(numbers, 4, duplicates="drop")
        return bands.astype(str)
    return values.map(lambda v: "(missing)" if v is None or v != v else (
        str(int(v)) if isinstance(v, float) and v.is_integer() else str(v))).astype(str)


def audit_attribute(name: str, y_true: np.ndarray, y_pred: np.ndarray, values: pd.Series,
                    warn_above: float = 0.1) -> AttributeAudit:
    groups = _groups(values.reset_index(drop=True))
    y_true = np.asarray(y_true, dtype=int)
    y_pred = np.asarray(y_pred, dtype=int)
    frame = MetricFrame(metrics={"selection_rate": selection_rate, "tpr": true_positive_rate,
                                 "fpr": false_positive_rate, "count": lambda t, p: len(t)},
                        y_true=y_true, y_pred=y_pred, sensitive_features=groups)
    rows = [GroupRates(str(g), int(r["count"]), float(r["selection_rate"]), float(r["tpr"]), float(r["fpr"]))
            for g, r in frame.by_group.iterrows()]
    dpd = float(demographic_parity_difference(y_true, y_pred, sensitive_features=groups))
    eod = float(equalized_odds_difference(y_true, y_pred, sensitive_features=groups))
    warning = None
    if max(dpd, eod) > warn_above:
        worst = "demographic parity" if dpd >= eod else "equalized odds"
        warning = (f"{name}: {worst} difference {max(dpd, eod):.3f} is above {warn_above:.2f}; "
                   "review the groups' rates before using these scores for decisions")
    return AttributeAudit(name, rows, dpd, eod, warn_above, warning)


def fairness_audit(y_true: np.ndarray, scores: np.ndarray, sensitive: Mapping[str, pd.Series],
                   decision_threshold: float = 0.5, warn_above: float = 0.1) -> FairnessReport:
    """Audit the decision `score >= decision_threshold` for every sensitive attribute given."""
    y_pred = (np.asarray(scores) >= decision_threshold).astype(int)
    audits = [audit_attribute(name, y_true, y_pred, values, warn_above) for name, values in sensitive.items()]
    return FairnessReport(decision_threshold, audits)
