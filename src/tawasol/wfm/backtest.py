"""Rolling-origin backtest of a volume forecaster against the seasonal-naive baseline (MASE)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass

import numpy as np

from tawasol.domain.errors import InvalidInput
from tawasol.wfm.forecast import ProfileForecaster, Stamp


@dataclass(frozen=True)
class BacktestResult:
    """Errors over the last `origins` windows of `horizon` intervals, each forecast from the past only."""

    horizon: int
    origins: int
    season_length: int
    mase: float
    mase_seasonal_naive: float
    mae: float
    mae_seasonal_naive: float

    @property
    def improvement(self) -> float:
        """Relative MASE reduction over seasonal naive (0.1 = 10 % better)."""
        return 1.0 - self.mase / self.mase_seasonal_naive if self.mase_seasonal_naive > 0 else 0.0

    def to_dict(self) -> dict[str, float | int]:
        return {**asdict(self), "improvement": self.improvement}


def seasonal_naive(history: np.ndarray, horizon: int, season_length: int) -> np.ndarray:
    """Repeat the last observed season."""
    if history.size < season_length:
        raise InvalidInput("history", "history shorter than one season")
    last = history[-season_length:]
    return np.asarray(np.resize(last, horizon))


def mase_scale(history: np.ndarray, season_length: int) -> float:
    """In-sample MAE of the seasonal-naive forecast: the denominator of MASE."""
    diffs = np.abs(history[season_length:] - history[:-season_length])
    return float(diffs.mean()) if diffs.size else float("nan")


def backtest(values: Sequence[float], timestamps: Sequence[Stamp] | None, horizon: int,
             season_length: int | None = None, origins: int = 20) -> BacktestResult:
    """Refit at each of the last `origins` non-overlapping windows and score both forecasts by MASE.

    `season_length` is the seasonal-naive period (and the MASE scale); by default the intervals per day.
    """
    y = np.asarray(values, dtype=float)
    stamps = list(timestamps) if timestamps is not None else None
    m = season_length or ProfileForecaster(None).fit(y, stamps).cal_.grid.shape[1]
    usable = (y.size - 3 * m) // horizon
    origins = min(origins, usable)
    if origins < 1:
        raise InvalidInput("history", "not enough history to backtest: need three seasons plus one horizon")
    model_err, naive_err, scale_sum = [], [], 0.0
    for k in range(origins, 0, -1):
        cut = y.size - k * horizon
        hist, actual = y[:cut], y[cut: cut + horizon]
        model = ProfileForecaster(season_length if stamps is None else None)
        model.fit(hist, None if stamps is None else stamps[:cut])
        _, pred = model.predict(horizon)
        scale = mase_scale(hist, m)
        model_err.append(np.abs(actual - pred).mean() / scale)
        naive_err.append(np.abs(actual - seasonal_naive(hist, horizon, m)).mean() / scale)
        scale_sum += scale
    mean_scale = scale_sum / origins
    return BacktestResult(horizon, origins, m, float(np.mean(model_err)), float(np.mean(naive_err)),
                          float(np.mean(model_err) * mean_scale), float(np.mean(naive_err) * mean_scale))
