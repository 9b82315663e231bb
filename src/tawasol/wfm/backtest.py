"""Rolling-origin backtest of a volume forecaster against seasonal-naive baselines (MASE).

Every structure of the model (daily, weekly, both) and the `auto` choice among them are scored on the
same windows, beside seasonal naive at each candidate season length: one day of intervals and, when the
calendar knows weekdays, one week of opening days. The model is only worth its keep when it beats the
best of these baselines, so that one is always reported. `auto` is scored honestly: at each origin the
structure is chosen from the history before that origin only.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

import numpy as np

from tawasol.domain.errors import InvalidInput
from tawasol.wfm.forecast import (
    STRUCTURES,
    ProfileForecaster,
    Stamp,
    Structure,
    _layout,
    choose_structure,
    parse_structure,
)


@dataclass(frozen=True)
class BacktestResult:
    """Errors over the last `origins` windows of `horizon` intervals, each forecast from the past only.

    `mase` is the model as asked (`structure`, `auto` by default); `mase_seasonal_naive` the naive at
    `season_length` (one day); `naive` maps every candidate season length to its naive MASE.
    """

    horizon: int
    origins: int
    season_length: int
    mase: float
    mase_seasonal_naive: float
    mae: float
    mae_seasonal_naive: float
    structure: str = "auto"
    chosen: str = "both"  # what `auto` picks on the whole series: the structure of the forecast
    mase_by_structure: dict[str, float] = field(default_factory=dict)
    naive: dict[int, float] = field(default_factory=dict)
    choices: dict[str, int] = field(default_factory=dict)  # auto's choice at each origin

    @property
    def improvement(self) -> float:
        """Relative MASE reduction over the daily seasonal naive (0.1 = 10 % better)."""
        return 1.0 - self.mase / self.mase_seasonal_naive if self.mase_seasonal_naive > 0 else 0.0

    @property
    def best_naive_season(self) -> int:
        naive = self.naive or {self.season_length: self.mase_seasonal_naive}
        return min(naive, key=naive.__getitem__)

    @property
    def mase_best_naive(self) -> float:
        return (self.naive or {self.season_length: self.mase_seasonal_naive})[self.best_naive_season]

    @property
    def improvement_over_best_naive(self) -> float:
        best = self.mase_best_naive
        return 1.0 - self.mase / best if best > 0 else 0.0

    def to_dict(self) -> dict[str, float | int]:
        """The summary fields (the API's schema)."""
        return {"horizon": self.horizon, "origins": self.origins, "season_length": self.season_length,
                "mase": self.mase, "mase_seasonal_naive": self.mase_seasonal_naive, "mae": self.mae,
                "mae_seasonal_naive": self.mae_seasonal_naive, "improvement": self.improvement}

    def to_report(self) -> dict[str, object]:
        """Everything: every structure, every naive season length, the best naive and auto's choices."""
        return {**self.to_dict(), "structure": self.structure, "chosen": self.chosen,
                "mase_by_structure": self.mase_by_structure,
                "mase_naive_by_season": {str(k): v for k, v in self.naive.items()},
                "best_naive_season": self.best_naive_season, "mase_best_naive": self.mase_best_naive,
                "improvement_over_best_naive": self.improvement_over_best_naive, "choices": self.choices}


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
             season_length: int | None = None, origins: int = 20,
             structure: Structure | Literal["auto"] = "auto") -> BacktestResult:
    """Refit at each of the last `origins` non-overlapping windows and score the forecasts by MASE.

    `season_length` is the daily seasonal-naive period (and the MASE scale); by default the intervals
    per day. The weekly naive (a week of opening days) is scored too when the history holds it.
    """
    parse_structure(structure)
    if horizon < 1:
        raise InvalidInput("horizon", "horizon must be >= 1")
    y = np.asarray(values, dtype=float)
    if y.size == 0 or np.isnan(y).any():
        raise InvalidInput("values", "values must be a non-empty series without blanks")
    stamps = list(timestamps) if timestamps is not None else None
    cal = _layout(y, stamps, season_length if stamps is None else None)
    if stamps is not None and cal.days is None and season_length is not None:
        cal = _layout(y, stamps, season_length)
    m = season_length or cal.grid.shape[1]
    usable = (y.size - 3 * m) // horizon
    origins = min(origins, usable)
    if origins < 1:
        raise InvalidInput("history", "not enough history to backtest: need three seasons plus one horizon")
    seasons = [m]
    week = cal.weekly_season
    if week is not None and week != m and y.size - origins * horizon >= week:
        seasons.append(week)
    model_err: dict[str, list[float]] = {s: [] for s in STRUCTURES}
    auto_err: list[float] = []
    naive_err: dict[int, list[float]] = {s: [] for s in seasons}
    choices: Counter[str] = Counter()
    scale_sum = 0.0
    for k in range(origins, 0, -1):
        cut = y.size - k * horizon
        hist, actual = y[:cut], y[cut: cut + horizon]
        head = cal.head(cut)
        scale = mase_scale(hist, m)
        scale_sum += scale
        for s in STRUCTURES:
            _, pred = ProfileForecaster(cal.grid.shape[1], s).fit_calendar(head).predict(horizon)
            model_err[s].append(float(np.abs(actual - pred).mean() / scale))
        scores = choose_structure(head)
        pick: Structure = min(scores, key=scores.__getitem__) if scores else "both"
        choices[pick] += 1
        auto_err.append(model_err[pick][-1])
        for season in seasons:
            naive_err[season].append(float(np.abs(actual - seasonal_naive(hist, horizon, season)).mean() / scale))
    mean_scale = scale_sum / origins
    by_structure = {s: float(np.mean(e)) for s, e in model_err.items()}
    mase = float(np.mean(auto_err)) if structure == "auto" else by_structure[structure]
    naive = {s: float(np.mean(e)) for s, e in naive_err.items()}
    full_scores = choose_structure(cal)
    chosen = (min(full_scores, key=full_scores.__getitem__) if full_scores else "both") if structure == "auto" \
        else structure
    return BacktestResult(horizon, origins, m, mase, naive[m], mase * mean_scale, naive[m] * mean_scale,
                          structure, chosen, by_structure, naive, dict(choices))
