"""Contact-volume forecasting per interval with daily and weekly seasonality, and its backtest.

The model is a multiplicative profile: volume(day, slot) = level(day) x weekday factor x intraday
shape(weekday, slot). The daily level follows simple exponential smoothing; the weekday factor and
the intraday shape are exponentially weighted averages over past days. A day already under way
updates the level from what it has seen.

Three seasonal structures: `daily` (one intraday shape, no weekday effect), `weekly` (each weekday its
own factor and its own shape) and `both` (weekday factors, each weekday's shape shrunk towards the
all-days shape). `auto` chooses among them by a rolling-origin backtest on the history itself
(`choose_structure`): which one fits a series is a property of the series (a bank open on weekdays
with the same day shape, a shop whose Saturday is another day), not of the code.
Why not statsforecast: it pulls numba (a large JIT compile on first use, on a 2-core box), and the
generic MSTL/ETS models do not know that days can be missing (holidays, closed weekends); a calendar
keyed by date and time of day handles that directly and runs in milliseconds.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Literal

import numpy as np
import pandas as pd

from tawasol.domain.errors import InvalidInput

Stamp = str | datetime  # the start of an interval: ISO text or a datetime
Structure = Literal["daily", "weekly", "both"]
STRUCTURES: tuple[Structure, ...] = ("daily", "weekly", "both")

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
    rows: np.ndarray | None = None  # per observation: its cell in the grid, and its timestamp
    cols: np.ndarray | None = None
    stamps: pd.DatetimeIndex | None = None

    @property
    def n_obs(self) -> int:
        return int(np.count_nonzero(~np.isnan(self.grid)))

    @property
    def weekly_season(self) -> int | None:
        """Intervals in a week of opening days, when the calendar knows weekdays (several of them)."""
        return self.grid.shape[1] * len(self.weekdays) if len(self.weekdays) > 1 else None

    def head(self, n: int) -> _Calendar:
        """The calendar of the first `n` observations only (a backtest's history), without a re-parse."""
        if self.rows is None or self.cols is None:
            raise InvalidInput("history", "this calendar cannot be cut")
        values = self.grid[self.rows[:n], self.cols[:n]]
        n_rows = int(self.rows[n - 1]) + 1
        grid = np.full((n_rows, self.grid.shape[1]), np.nan)
        grid[self.rows[:n], self.cols[:n]] = values
        days = None if self.days is None else self.days[:n_rows]
        return replace(self, grid=grid, cats=self.cats[:n_rows], days=days, rows=self.rows[:n], cols=self.cols[:n],
                       stamps=None if self.stamps is None else self.stamps[:n])


def _layout(values: np.ndarray, timestamps: Sequence[Stamp] | None, season_length: int | None) -> _Calendar:
    """Days x time-of-day when timestamps show intraday data, else blocks of `season_length`."""
    if timestamps is not None:
        ts = pd.DatetimeIndex(pd.to_datetime(pd.Series(list(timestamps)), errors="raise"))
        per_day = pd.Series(ts.normalize()).value_counts()
        if int(per_day.max()) > 1:
            if not ts.is_monotonic_increasing:
                raise InvalidInput("timestamps", "timestamps must be in increasing order")
            norm = ts.normalize()
            day_index = pd.DatetimeIndex(norm.unique()).sort_values()
            rows = np.asarray(day_index.get_indexer(norm))
            tod = ts - norm
            slot_index = pd.TimedeltaIndex(tod.unique()).sort_values()
            cols = np.asarray(slot_index.get_indexer(tod))
            grid = np.full((len(day_index), len(slot_index)), np.nan)
            grid[rows, cols] = values
            cats = np.asarray(day_index.weekday)
            slot_times = [t.to_pytimedelta() for t in slot_index]
            return _Calendar(grid, cats, slot_times, [d.to_pydatetime() for d in day_index],
                             {int(c) for c in cats}, rows=rows, cols=cols, stamps=ts)
    if season_length is None or season_length < 1:
        raise InvalidInput("season_length",
                           "season_length is needed when timestamps do not show several intervals per day")
    n_blocks = -(-values.size // season_length)
    flat = np.full(n_blocks * season_length, np.nan)
    flat[: values.size] = values
    step, stamps = None, None
    if timestamps is not None:
        stamps = pd.DatetimeIndex(pd.to_datetime(pd.Series(list(timestamps))))
        step = pd.Series(stamps).diff().median() if len(stamps) > 1 else None
    index = np.arange(values.size)
    return _Calendar(flat.reshape(n_blocks, season_length), np.zeros(n_blocks, dtype=int), None, None, step=step,
                     rows=index // season_length, cols=index % season_length, stamps=stamps)


def parse_structure(text: str) -> Structure | Literal["auto"]:
    """`auto` or one of STRUCTURES, else InvalidInput naming the choices."""
    for choice in ("auto", *STRUCTURES):
        if text == choice:
            return choice  # type: ignore[return-value]  # narrowed by the equality above
    raise InvalidInput("structure", f"structure must be auto or one of {', '.join(STRUCTURES)}; got {text!r}")


def _ew_weights(n: int, halflife: float) -> np.ndarray:
    return np.asarray(0.5 ** (np.arange(n)[::-1] / halflife))


class ProfileForecaster:
    """Level x weekday factor x intraday shape; fit on a history, predict the next `horizon` intervals.

    `structure` is one of daily / weekly / both, or `auto` (the default): chosen by a backtest of one-day
    forecasts over the last days of the history (`choose_structure`), `both` when the history is too
    short to tell.
    """

    def __init__(self, season_length: int | None = None, structure: Structure | Literal["auto"] = "auto") -> None:
        parse_structure(structure)
        self.season_length = season_length
        self.structure = structure

    def fit(self, values: Sequence[float] | np.ndarray, timestamps: Sequence[Stamp] | None = None) -> ProfileForecaster:
        y = np.asarray(values, dtype=float)
        if y.size == 0 or np.isnan(y).any():
            raise InvalidInput("values", "values must be a non-empty series without blanks")
        return self.fit_calendar(_layout(y, timestamps, self.season_length))

    def fit_calendar(self, cal: _Calendar) -> ProfileForecaster:
        """Fit on a laid-out history (what `fit` does after parsing; backtests cut one calendar instead)."""
        self.cal_ = cal
        self.last_timestamp_ = None if cal.stamps is None else cal.stamps[-1]
        if self.structure == "auto":
            self.scores_ = choose_structure(cal)
            self.structure_: Structure = min(self.scores_, key=self.scores_.__getitem__) if self.scores_ else "both"
        else:
            self.structure_ = self.structure
        grid = cal.grid
        cats = cal.cats if self.structure_ != "daily" else np.zeros_like(cal.cats)
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
        shrink = 0.0 if self.structure_ == "weekly" else _SHRINK
        shapes = {-1: overall}
        for c in np.unique(fc):
            rows = norm[fc[ok] == c]
            if rows.shape[0] == 0:
                shapes[int(c)] = overall
                continue
            wc = _ew_weights(rows.shape[0], _SHAPE_HALFLIFE)
            shapes[int(c)] = (wc @ rows + shrink * overall) / (wc.sum() + shrink)
        return shapes

    def _cat(self, weekday: int) -> int:
        return 0 if self.structure_ == "daily" else weekday

    def _level(self, means: np.ndarray, fc: np.ndarray) -> tuple[dict[int, float], float, float]:
        # Start from each weekday's share of the (recency-weighted) daily means: starting from 1.0 lets
        # the level chase a weekend dip with a high alpha, and the weekday factors then soak up the lag.
        w0 = _ew_weights(means.size, _FACTOR_HALFLIFE)
        raw0 = {int(c): float(w0[fc == c] @ means[fc == c] / w0[fc == c].sum()) for c in np.unique(fc)}
        scale0 = float(np.mean(list(raw0.values())))
        factors = {c: (v / scale0 if scale0 > 0 and v > 0 else 1.0) for c, v in raw0.items()}
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
            cat = self._cat(int(cal.cats[-1]))
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
                cat = self._cat(day.weekday())
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
            offset = block * n_slots + first - (cal.n_obs - 1)
            return [(self.last_timestamp_ + cal.step * (offset + k)).isoformat(sep=" ")
                    for k in range(n_slots - first)]
        return [""] * (n_slots - first)


def one_step_errors(cal: _Calendar, structure: Structure, horizon: int, origins: int) -> list[tuple[float, float]]:
    """(model MAE, daily seasonal-naive MAE) of `origins` forecasts of `horizon` intervals at the series' end."""
    m = cal.grid.shape[1]
    flat = cal.grid[cal.rows, cal.cols] if cal.rows is not None else cal.grid.ravel()
    out = []
    for k in range(origins, 0, -1):
        cut = flat.size - k * horizon
        actual = flat[cut: cut + horizon]
        _, pred = ProfileForecaster(m, structure).fit_calendar(cal.head(cut)).predict(horizon)
        naive = np.resize(flat[cut - m: cut], horizon)
        out.append((float(np.abs(actual - pred).mean()), float(np.abs(actual - naive).mean())))
    return out


def choose_structure(cal: _Calendar, origins: int | None = None) -> dict[Structure, float]:
    """Mean error relative to daily seasonal naive of one-day forecasts over the last days, per structure.

    Without a weekday calendar the three structures are the same model: empty. `origins` defaults to two
    weeks of opening days; fewer when the history is short, none (empty) below two weeks of history
    before the first origin.
    """
    if len(cal.weekdays) < 2 or cal.rows is None:
        return {}
    m = cal.grid.shape[1]
    week = len(cal.weekdays)
    n = cal.n_obs
    wanted = origins or 2 * week
    usable = (n - 2 * week * m) // m
    k = min(wanted, usable)
    if k < max(2, week // 2):
        return {}
    scores: dict[Structure, float] = {}
    for structure in STRUCTURES:
        errs = np.asarray(one_step_errors(cal, structure, m, k))
        scores[structure] = float(errs[:, 0].mean() / max(errs[:, 1].mean(), 1e-9))
    return scores
