"""Volume forecasts beat seasonal naive on seasonal data; staffing plans account for the virtual agent."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from tawasol.wfm import ProfileForecaster, StaffingTarget, backtest, plan_summary, staffing_plan


def synthetic_calls(days: int = 45, seed: int = 0) -> tuple[list[str], np.ndarray]:
    """Weekday 30-minute intervals 08:00-18:00 with a two-peak day, a Monday surge and Poisson noise."""
    rng = np.random.default_rng(seed)
    slots = np.arange(20)
    shape = 1 + 0.8 * np.exp(-((slots - 4) ** 2) / 6) + 0.5 * np.exp(-((slots - 13) ** 2) / 8)
    stamps, values = [], []
    day = datetime(2024, 1, 1)
    while len(stamps) < days * 20:
        if day.weekday() < 5:
            level = 40 * (1.3 if day.weekday() == 0 else 1.0) * rng.uniform(0.95, 1.05)
            for s in slots:
                stamps.append((day + timedelta(hours=8, minutes=30 * int(s))).isoformat(sep=" "))
                values.append(rng.poisson(level * shape[s]))
        day += timedelta(days=1)
    return stamps, np.asarray(values, dtype=float)


def test_forecast_continues_the_calendar_skipping_closed_days() -> None:
    stamps, values = synthetic_calls(days=20)
    model = ProfileForecaster().fit(values, stamps)
    future, pred = model.predict(25)
    assert len(future) == len(pred) == 25
    assert future[0] > stamps[-1]
    assert all(pd.Timestamp(s).weekday() < 5 for s in future)
    assert (pred >= 0).all()


def test_forecast_beats_seasonal_naive_on_seasonal_data() -> None:
    stamps, values = synthetic_calls()
    result = backtest(values, stamps, horizon=20, origins=10)
    assert result.season_length == 20
    assert result.mase < 0.9 * result.mase_seasonal_naive


def test_forecast_without_timestamps_uses_the_season_length() -> None:
    _, values = synthetic_calls()
    result = backtest(values, None, horizon=20, season_length=20, origins=10)
    assert result.mase < result.mase_seasonal_naive
    stamps, pred = ProfileForecaster(20).fit(values).predict(5)
    assert stamps is None and pred.shape == (5,)


@pytest.mark.dataset
def test_bank_calls_backtest_beats_seasonal_naive_by_ten_percent(data_dir: Path) -> None:
    frame = pd.read_csv(data_dir / "callcenter_bank_calls_5min" / "bank_calls_5min.csv")
    stamps = (frame["date"] + " " + frame["interval_start"]).tolist()
    result = backtest(frame["calls"].to_numpy(dtype=float), stamps, horizon=169, origins=10)
    assert result.season_length == 169
    assert result.improvement >= 0.10


def test_staffing_plan_with_containment_needs_fewer_agents() -> None:
    target = StaffingTarget(interval_minutes=30, aht_seconds=180, target_sl=0.8, answer_within=20)
    rows = staffing_plan([100, 200, 0], ["09:00", "09:30", "10:00"], target, containment=0.3)
    assert rows[0].agents_without_bot == 14 and rows[0].scheduled_without_bot == 20
    assert rows[0].human_volume == pytest.approx(70)
    assert all(r.agents <= r.agents_without_bot for r in rows)
    assert rows[1].agents < rows[1].agents_without_bot
    assert rows[2].agents == 0
    summary = plan_summary(rows, 30)
    assert summary["agent_hours_saved"] > 0


def test_leading_empty_days_do_not_blow_up_the_forecast() -> None:
    import numpy as np
    import pandas as pd

    from tawasol.wfm import ProfileForecaster

    days, per_day = 28, 24
    stamps = pd.date_range("2026-01-05", periods=days * per_day, freq="h")
    shape = np.concatenate([np.zeros(8), np.full(10, 20.0), np.zeros(6)])
    values = np.tile(shape, days)
    values[: 7 * per_day] = 0.0  # a week before the tenant's first contact
    _, forecast = ProfileForecaster().fit(values, stamps).predict(per_day)
    assert np.nanmax(forecast) < 100
