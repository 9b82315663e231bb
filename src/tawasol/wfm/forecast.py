"""Contact-volume forecasting per interval with daily and weekly seasonality, and its backtest.

The model is a multiplicative profile: volume(day, slot) = level(day) x weekday factor x intraday
shape(weekday, slot). The daily level follows simple exponential smoothing; the weekday factor and
the intraday shape are exponentially weighted averages over past days, the weekday-specific shape
shrunk towards the all-days shape. A day already under way updates the level from what it has seen.
Why not statsforecast: it pulls numba (a large JIT compile on first use, on a 2-core box), and the
generic MSTL/ETS models do not know that days can be missing (holidays, closed weekends); a calendar
keyed by date and time of day handles that directly and runs in milliseconds.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import numpy as np
import pandas as pd

from tawasol.domain.errors import InvalidInput

Stamp = str | datetime  # the start of an interval: ISO text or a datetime

_ALPHAS = (0.05, 0.1, 0.2, 0.3, 0.5, 0.7)
_SHAPE_HALFLIFE = 20.0  # days; intraday shapes move slowly
_FACTOR_HALFLIFE = 30.0
_SHRINK = 4.0  # pseudo-days of the all-days shape in a weekday's shape


@dataclass
class _Calendar:
    """Observations laid out as a (day x slot) grid; `cats` is the weekday (or 0 without a calendar)."""

    grid: np.ndarray
    cats: np.ndarray
    slot_times: list[timedelta] | None
    days: list[datetime] | None
    weekdays: set[int] = field(default_factory=set)
    step: pd.Timedelta | None = None


def _layout(values: np.ndarray, timestamps: Sequence[Stamp] | None, season_length: int | None) -> _Calendar:
    """Days x time-of-day when timestamps show intraday data, else blocks of `season_length`."""
    if timestamps is not None:
        ts = pd.DatetimeIndex(pd.to_datetime(pd.Series(list(timestamps)), errors="raise"))
        per_day = pd.Series(ts.normalize()).value_counts()
        if int(per_day.max()) > 1:
            days = sorted(set(ts.normalize()))
            tod = ts - ts.normalize()
            slot_times = sorted(set(tod))
            row = {d: i for i, d in enumerate(days)}
            col = {t: j for j, t in enumerate(slot_times)}
            grid = np.full((len(days), len(slot_times)), np.nan)
            grid[[row[d] for d in ts.normalize()], [col[t] for t in tod]] = values
            cats = np.array([d.weekday() for d in days])
            return _Calendar(grid, cats, [t.to_pytimedelta() for t in slot_times],
                             [d.to_pydatetime() for d in days], {int(c) for c in cats})
    if season_length is None or season_length < 1:
        raise InvalidInput("season_length",
                           "season_length is needed when timestamps do not show several intervals per day")
    n_blocks = -(-values.size // season_length)
    flat = np.full(n_blocks * season_length, np.nan)
    flat[: values.size] = values
    step = None
    if timestamps is not None:
        ts = pd.DatetimeIndex(pd.to_datetime(pd.Series(list(timestamps))))
        step = pd.Series(ts).diff().median() if len(ts) > 1 else None
    return _Calendar(flat.reshape(n_blocks, season_length), np.zeros(n_blocks, dtype=int), None, None, step=step)


def _ew_weights(n: int, halflife: float) -> np.ndarray:
    return np.asarray(0.5 ** (np.arange(n)[::-1] / halflife))


class ProfileForecaster:
    """Level x weekday factor x intraday shape; fit on a history, predict the next `horizon` intervals."""

    def __init__(self, season_length: int | None = None) -> None:
        self.season_length = season_length

    def fit(self, values: Sequence[float] | np.ndarray, timestamps: Sequence[Stamp] | None = None) -> ProfileForecaster:
        y = np.asarray(values, dtype=float)
        if y.size == 0 or np.isnan(y).any():
            raise InvalidInput("values", "values must be a non-empty series without blanks")
        self.cal_ = _layout(y, timestamps, self.season_length)
        self.last_timestamp_ = None if timestamps is None else pd.Timestamp(list(timestamps)[-1])
        grid, cats = self.cal_.grid, self.cal_.cats
        full = ~np.isnan(grid).any(axis=1)
        if full.sum() < 2:
            raise InvalidInput("values", "need at least two full seasons of history")
        fg, fc = grid[full], cats[full]
        means = fg.mean(axis=1)
        # Empty seasons before the first contact (a new tenant, a new queue) are not a level of zero:
        # starting the smoothed level there makes the multiplicative factors explode.
        start = int(np.argmax(means > 0)) if (means > 0).any() else 0
        if 0 < start <= len(means) - 2:
            fg, fc, means = fg[start:], fc[start:], means[start:]
        self.shapes_ = self._shapes(fg, fc, means)
        self.factors_, self.alpha_, self.level_ = self._level(means, fc)
        self.partial_ = None if full[-1] else grid[-1]
        return self

    def _shapes(self, fg: np.ndarray, fc: np.ndarray, means: np.ndarray) -> dict[int, np.ndarray]:
        ok = means > 0
        norm = fg[ok] / means[ok, None]
        w = _ew_weights(norm.shape[0], _SHAPE_HALFLIFE)
        overall = w @ norm / w.sum() if ok.any() else np.ones(fg.shape[1])
        shapes = {-1: overall}
        for c in np.unique(fc):
            rows = norm[fc[ok] == c]
            wc = _ew_weights(rows.shape[0], _SHAPE_HALFLIFE)
            shapes[int(c)] = (wc @ rows + _SHRINK * overall) / (wc.sum() + _SHRINK)
        return shapes

    def _level(self, means: np.ndarray, fc: np.ndarray) -> tuple[dict[int, float], float, float]:
        factors = {int(c): 1.0 for c in np.unique(fc)}
        best = (np.inf, _ALPHAS[0], float(means[-1]), np.zeros_like(means))
        for _ in range(2):  # alternate: smooth the deseasonalised level, then re-estimate weekday factors
            f = np.array([factors[int(c)] for c in fc])
            best = (np.inf, _ALPHAS[0], float(means[-1]), np.zeros_like(means))
            for alpha in _ALPHAS:
                preds, level, err = np.empty_like(means), means[0] / f[0], 0.0
                for i, m in enumerate(means):
                    preds[i] = level
                    if i > 0:
                        err += abs(m - level * f[i])
                    level += alpha * (m / f[i] - level)
                if err < best[0]:
                    best = (err, alpha, float(level), preds)
            ratio = means / np.maximum(best[3], 1e-9)
            w = _ew_weights(means.size, _FACTOR_HALFLIFE)
            raw = {int(c): float(w[fc == c] @ ratio[fc == c] / w[fc == c].sum()) for c in np.unique(fc)}
            scale = float(np.mean(list(raw.values()))) or 1.0
            factors = {c: v / scale for c, v in raw.items()}
        return factors, best[1], best[2]

    def _block_forecast(self, cat: int) -> np.ndarray:
        shape = self.shapes_.get(cat, self.shapes_[-1])
        return np.asarray(self.level_ * self.factors_.get(cat, 1.0) * shape)

    def predict(self, horizon: int) -> tuple[list[str] | None, np.ndarray]:
        """Forecasts for the next `horizon` intervals, with their timestamps when the calendar is known."""
        if horizon < 1:
            raise InvalidInput("horizon", "horizon must be >= 1")
        cal = self.cal_
        out: list[float] = []
        stamps: list[str] = []
        if self.partial_ is not None:  # finish the day under way, its level corrected by what it saw
            seen = ~np.isnan(self.partial_)
            cat = int(cal.cats[-1])
            expected = self._block_forecast(cat)
            share = expected[seen].sum() / max(expected.sum(), 1e-9)
            ratio = self.partial_[seen].sum() / max(expected[seen].sum(), 1e-9)
            adjusted = expected * ratio ** share
            first = int(np.nonzero(~seen)[0][0])
            out.extend(adjusted[first:])
            stamps.extend(self._stamps(len(cal.grid) - 1, cal.days[-1] if cal.days else None, first))
        day = cal.days[-1] if cal.days else None
        block = len(cal.grid) - 1
        while len(out) < horizon:
            block += 1
            if day is not None:
                day = day + timedelta(days=1)
                while cal.weekdays and day.weekday() not in cal.weekdays:
                    day = day + timedelta(days=1)
                cat = day.weekday()
            else:
                cat = 0
            out.extend(self._block_forecast(cat))
            stamps.extend(self._stamps(block, day, 0))
        values = np.maximum(np.asarray(out[:horizon]), 0.0)
        return (stamps[:horizon] if (cal.days or cal.step is not None) else None), values

    def _stamps(self, block: int, day: datetime | None, first: int) -> list[str]:
        cal = self.cal_
        n_slots = cal.grid.shape[1]
        if day is not None and cal.slot_times is not None:
            return [(day + t).isoformat(sep=" ") for t in cal.slot_times[first:]]
        if cal.step is not None and self.last_timestamp_ is not None:
            offset = block * n_slots + first - (np.count_nonzero(~np.isnan(cal.grid.ravel())) - 1)
            return [(self.last_timestamp_ + cal.step * (offset + k)).isoformat(sep=" ")
                    for k in range(n_slots - first)]
        return [""] * (n_slots - first)
