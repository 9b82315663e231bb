"""Predicted satisfaction (CSAT) for every closed conversation, learned from those that have a survey answer.

Inputs are conversation features, one row per conversation, e.g. wait_seconds, handle_seconds,
messages, negative_share, escalated, resolved, repeat_within_7d, channel, language, intent.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from tawasol.domain.errors import InvalidInput
from tawasol.predict.card import ModelCard, data_fingerprint, model_version, utc_now
from tawasol.predict.table import Schema, infer_schema
from tawasol.predict.tabular import CrossValidation, TabularPredictor, Wording, cross_validate, rows_with_target

MODEL_NAME = "tawasol.predict.csat"
CSAT_WORDING = Wording(outcome="predicted satisfaction", unit="points", scale=1.0)


@dataclass(frozen=True)
class CsatConfig:
    target: str
    id_col: str | None = None
    sensitive: Sequence[str] = ()
    use_sensitive: bool = False
    scale: tuple[float, float] = (1.0, 5.0)
    folds: int = 5
    seed: int = 0


class CsatModel(TabularPredictor):
    """Fitted CSAT model: `score` gives the expected survey score, clipped to the survey's scale."""

    card: ModelCard

    def __init__(self, schema: Schema, scale: tuple[float, float], seed: int = 0) -> None:
        super().__init__(schema, "regression", CSAT_WORDING, seed)
        self.scale = scale

    def score(self, frame: pd.DataFrame) -> np.ndarray:
        return np.clip(super().score(frame), *self.scale)


def _prepare(frame: pd.DataFrame, config: CsatConfig) -> tuple[pd.DataFrame, np.ndarray, Schema]:
    frame = rows_with_target(frame, config.target)
    y = pd.to_numeric(frame[config.target], errors="coerce")
    if y.isna().any():
        raise InvalidInput("target", f"{config.target!r} must hold numeric survey scores")
    schema = infer_schema(frame, config.target, config.id_col, config.sensitive, config.use_sensitive)
    return frame, y.to_numpy(dtype=float), schema


def _card(frame: pd.DataFrame, y: np.ndarray, schema: Schema, config: CsatConfig,
          metrics: dict[str, object]) -> ModelCard:
    when, fingerprint = utc_now(), data_fingerprint(frame)
    return ModelCard(
        name=MODEL_NAME, version=model_version("csat", fingerprint, when), task="predicted CSAT (regression)",
        trained_at=when.isoformat(timespec="seconds"),
        data={"fingerprint": fingerprint, "rows": len(frame), "target": config.target, "mean": float(y.mean()),
              "scale": list(config.scale), "inputs": schema.inputs, "excluded": schema.excluded},
        metrics=metrics,
        intended_use="Estimate satisfaction of conversations without a survey answer, for analytics in aggregate.",
        limitations=["Learned only from customers who answered surveys, who may differ from those who do not.",
                     "Use for trends and coaching, not to judge a single agent on a single conversation."])


def evaluate_csat(frame: pd.DataFrame, config: CsatConfig) -> tuple[CrossValidation, ModelCard]:
    """k-fold CV (mae, r2, spearman, top features) and the card that records them."""
    frame, y, schema = _prepare(frame, config)
    cv = cross_validate(frame, y, schema, "regression", config.folds, config.seed)
    return cv, _card(frame, y, schema, config, {**cv.metrics, "cv": f"{config.folds}-fold"})


def train_csat(frame: pd.DataFrame, config: CsatConfig, metrics: dict[str, object] | None = None) -> CsatModel:
    frame, y, schema = _prepare(frame, config)
    model = CsatModel(schema, config.scale, config.seed)
    model.fit(frame, y)
    model.card = _card(frame, y, schema, config, metrics or {})
    return model
