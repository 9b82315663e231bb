"""The seasonal structure is chosen by backtest on the series itself; the best naive is always reported."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from tawasol.domain.errors import InvalidInput
from tawasol.wfm import ProfileForecaster, backtest, choose_structure, parse_structure
from tawasol.wfm.forecast import _layout


def weekly_hourly(weeks: int = 4, seed: int = 0) -> tuple[list[str], np.ndarray]:
    """Hourly, open seven days: weekdays with two peaks (Monday +25 %), a short Saturday, a near-empty Sunday."""
    rng = np.random.default_rng(seed)
    h = np.arange(24)
    weekday = np.where((h >= 8) & (h < 20), 30 + 25 * np.exp(-((h - 11) ** 2) / 4) + 15 * np.exp(-((h - 16) ** 2) / 5),
                       2.0)
    saturday = np.where((h >= 9) & (h < 14), 25.0, 1.0)
    sunday = np.full(24, 1.0)
    stamps = pd.date_range("2026-02-02", periods=weeks * 7 * 24, freq="h")
    profile = {d: weekday * (1.25 if d == 0 else 1.0) for d in range(5)} | {5: saturday, 6: sunday}
    values = [rng.poisson(profile[t.weekday()][t.hour]) for t in stamps]
    return [str(t) for t in stamps], np.asarray(values, dtype=float)


def same_every_day(days: int = 30, seed: int = 0) -> tuple[list[str], np.ndarray]:
    """Half-hourly, every day the same two-peak shape and level: no weekly season at all."""
    rng = np.random.default_rng(seed)
    s = np.arange(20)
    shape = 20 * (1 + 0.8 * np.exp(-((s - 4) ** 2) / 6) + 0.5 * np.exp(-((s - 13) ** 2) / 8))
    stamps = [t for d in pd.date_range("2026-03-02", periods=days, freq="D")
              for t in pd.date_range(d + pd.Timedelta(hours=8), periods=20, freq="30min")]
    values = rng.poisson(np.tile(shape, days))
    return [str(t) for t in stamps], np.asarray(values, dtype=float)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_a_weekly_series_chooses_the_weekly_structure_and_beats_the_weekly_naive(seed: int) -> None:
    stamps, values = weekly_hourly(seed=seed)
    scores = choose_structure(_layout(values, stamps, None))
    assert min(scores, key=scores.__getitem__) == "weekly"
    result = backtest(values, stamps, horizon=24, origins=7)
    assert set(result.naive) == {24, 168}
    assert result.best_naive_season == 168  # the day before is a poor guess for a Saturday
    assert result.choices.get("weekly", 0) >= 5 and sum(result.choices.values()) == result.origins
    assert result.chosen == "weekly"
    assert result.mase < result.mase_best_naive
    assert result.mase_by_structure["weekly"] < result.mase_by_structure["daily"]


def test_a_series_without_a_weekly_season_does_not_choose_weekly() -> None:
    stamps, values = same_every_day()
    model = ProfileForecaster().fit(values, stamps)
    assert model.structure_ in {"daily", "both"}
    assert model.scores_["daily"] < model.scores_["weekly"]  # seven separate shapes only add noise
    result = backtest(values, stamps, horizon=20, origins=7)
    assert result.mase < result.mase_best_naive


def test_the_report_names_every_baseline_and_structure() -> None:
    stamps, values = weekly_hourly()
    report = backtest(values, stamps, horizon=24, origins=5, structure="both").to_report()
    assert report["structure"] == "both" and report["chosen"] == "both"
    assert report["mase"] == report["mase_by_structure"]["both"]  # type: ignore[index]
    assert set(report["mase_naive_by_season"]) == {"24", "168"}  # type: ignore[arg-type]
    assert report["mase_best_naive"] == min(report["mase_naive_by_season"].values())  # type: ignore[union-attr]
    assert set(backtest(values, stamps, horizon=24, origins=5).to_dict()) == {
        "horizon", "origins", "season_length", "mase", "mase_seasonal_naive", "mae", "mae_seasonal_naive",
        "improvement"}


def test_short_history_falls_back_to_both_and_bad_input_is_refused() -> None:
    stamps, values = weekly_hourly(weeks=2)
    assert ProfileForecaster().fit(values[: 9 * 24], stamps[: 9 * 24]).structure_ == "both"
    with pytest.raises(InvalidInput, match="structure"):
        parse_structure("monthly")
    with pytest.raises(InvalidInput, match="increasing"):
        ProfileForecaster().fit(values[::-1], stamps[::-1])


def test_a_cut_calendar_equals_a_fresh_layout() -> None:
    stamps, values = weekly_hourly(weeks=2)
    cut = 7 * 24 + 5
    head = _layout(values, stamps, None).head(cut)
    fresh = _layout(values[:cut], stamps[:cut], None)
    np.testing.assert_array_equal(head.grid, fresh.grid)
    assert head.days == fresh.days and head.stamps is not None and head.stamps[-1] == fresh.stamps[-1]  # type: ignore[index]
    a = ProfileForecaster(None, "weekly").fit_calendar(head).predict(30)
    b = ProfileForecaster(None, "weekly").fit(values[:cut], stamps[:cut]).predict(30)
    assert a[0] == b[0]
    np.testing.assert_allclose(a[1], b[1])


@pytest.mark.dataset
def test_bank_calls_training_part_beat_the_best_naive(data_dir: Path) -> None:
    """The first 80 % of the days of the shared call-centre series (the rest is not looked at)."""
    frame = pd.read_csv(data_dir / "callcenter_bank_calls_5min" / "bank_calls_5min.csv")
    days = sorted(frame["date"].unique())
    frame = frame[frame["date"].isin(days[: int(len(days) * 0.8)])]
    stamps = (frame["date"] + " " + frame["interval_start"]).tolist()
    result = backtest(frame["calls"].to_numpy(dtype=float), stamps, horizon=169, origins=10)
    assert set(result.naive) == {169, 845}
    assert result.mase < 0.9 * result.mase_best_naive
