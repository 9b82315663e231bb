"""Churn risk per customer: honest cross-validated evaluation, a fitted model, explanations, fairness, card."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from tawasol.predict.card import ModelCard, data_fingerprint, model_version, utc_now
from tawasol.predict.fairness import FairnessReport, fairness_audit
from tawasol.predict.table import Schema, encode_target, infer_schema
from tawasol.predict.tabular import (
    CrossValidation,
    TabularPredictor,
    Wording,
    cross_validate,
    rows_with_target,
    sensitive_columns,
)

MODEL_NAME = "tawasol.predict.churn"
CHURN_WORDING = Wording(outcome="churn risk", unit="points", scale=100.0)


@dataclass(frozen=True)
class ChurnConfig:
    """What to predict from which columns, and how to audit it."""

    target: str
    positive: str | None = None
    id_col: str | None = None
    sensitive: Sequence[str] = ()
    use_sensitive: bool = False  # sensitive columns are audited, and model inputs only when this is True
    folds: int = 5
    decision_threshold: float = 0.5
    fairness_warn_above: float = 0.1
    seed: int = 0


@dataclass
class ChurnEvaluation:
    """Everything `tawasol predict churn` reports."""

    rows: int
    positive: str
    positive_rate: float
    schema: Schema
    cv: CrossValidation
    fairness: FairnessReport
    card: ModelCard
    examples: list[dict[str, object]] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        return {"rows": self.rows, "positive": self.positive, "positive_rate": self.positive_rate,
                **{k: v for k, v in self.cv.metrics.items()}, "top_features": self.cv.top_features,
                "fairness": self.fairness.to_dict(), "inputs": self.schema.inputs,
                "excluded": self.schema.excluded, "model_card": self.card.to_dict(), "examples": self.examples}


class ChurnModel(TabularPredictor):
    """Fitted churn model: `score` gives probabilities, `explain` the reasons per customer."""

    card: ModelCard

    def __init__(self, schema: Schema, seed: int = 0) -> None:
        super().__init__(schema, "classification", CHURN_WORDING, seed)


def _prepare(frame: pd.DataFrame, config: ChurnConfig) -> tuple[pd.DataFrame, np.ndarray, str, Schema]:
    frame = rows_with_target(frame, config.target)
    y, positive = encode_target(frame[config.target], config.positive)
    schema = infer_schema(frame, config.target, config.id_col, config.sensitive, config.use_sensitive)
    return frame, y, positive, schema


def _card(frame: pd.DataFrame, y: np.ndarray, positive: str, schema: Schema, config: ChurnConfig,
          metrics: dict[str, object], warnings: list[str], source: str) -> ModelCard:
    when = utc_now()
    fingerprint = data_fingerprint(frame)
    return ModelCard(
        name=MODEL_NAME, version=model_version("churn", fingerprint, when), task="churn risk (binary classification)",
        trained_at=when.isoformat(timespec="seconds"),
        data={"source": source, "fingerprint": fingerprint, "rows": len(frame), "target": config.target,
              "positive": positive, "positive_rate": float(y.mean()), "inputs": schema.inputs,
              "excluded": schema.excluded},
        metrics=metrics, fairness_warnings=warnings,
        intended_use="Rank customers for retention outreach and give agents context; a person decides what to do.",
        limitations=["Probabilities reflect the training population and period; "
                     "retrain when the customer base changes.",
                     "Explanations compare a customer with typical customers; they show association, not cause.",
                     f"Decision threshold {config.decision_threshold} is used for the fairness audit."])


def evaluate_churn(frame: pd.DataFrame, config: ChurnConfig, source: str = "", examples: int = 3) -> ChurnEvaluation:
    """Stratified k-fold CV (roc_auc, pr_auc, brier, top features), fairness on out-of-fold scores, model card."""
    frame, y, positive, schema = _prepare(frame, config)
    cv = cross_validate(frame, y, schema, "classification", config.folds, config.seed)
    fairness = fairness_audit(y, cv.oof_scores, sensitive_columns(frame, config.sensitive),
                              config.decision_threshold, config.fairness_warn_above)
    card = _card(frame, y, positive, schema, config, {**cv.metrics, "cv": f"stratified {config.folds}-fold"},
                 fairness.warnings, source)
    shown = []
    if examples:
        model = ChurnModel(schema, config.seed).fit(frame, y)
        top_rows = np.argsort(-cv.oof_scores)[:examples]
        reasons = model.explain(frame.iloc[top_rows])
        for i, why in zip(top_rows, reasons, strict=True):
            ident = str(frame.iloc[i][config.id_col]) if config.id_col else str(i)
            shown.append({"id": ident, "churn_risk": float(cv.oof_scores[i]), "reasons": [c.text for c in why]})
    return ChurnEvaluation(len(frame), positive, float(y.mean()), schema, cv, fairness, card, shown)


def train_churn(frame: pd.DataFrame, config: ChurnConfig, source: str = "",
                metrics: dict[str, object] | None = None) -> ChurnModel:
    """Fit on every labelled row; pass the metrics of `evaluate_churn` to record them on the card."""
    frame, y, positive, schema = _prepare(frame, config)
    model = ChurnModel(schema, config.seed).fit(frame, y)
    model.card = _card(frame, y, positive, schema, config, metrics or {}, [], source)
    return model
