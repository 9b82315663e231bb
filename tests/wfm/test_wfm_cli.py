"""`tawasol wfm` commands on small files."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
from typer.testing import CliRunner

from tawasol.cli import app
from tests.wfm.test_forecast import synthetic_calls

runner = CliRunner()


def test_erlang_command_reports_the_classic_example() -> None:
    result = runner.invoke(app, ["wfm", "erlang", "--volume", "100", "--interval-minutes", "30", "--aht", "180",
                                 "--target-sl", "0.8", "--answer-within", "20", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["agents"] == 14 and report["scheduled_agents"] == 20
    assert set(report) >= {"service_level", "asa_seconds", "occupancy", "abandon_rate"}
    with_patience = runner.invoke(app, ["wfm", "erlang", "--volume", "100", "--interval-minutes", "30", "--aht", "180",
                                        "--patience", "120", "--json"])
    assert json.loads(with_patience.output)["abandon_rate"] > 0


def test_forecast_and_plan_commands(tmp_path: Path) -> None:
    stamps, values = synthetic_calls(days=25)
    path = tmp_path / "calls.csv"
    frame = pd.DataFrame({"day": [s[:10] for s in stamps], "time": [s[11:] for s in stamps], "calls": values})
    frame.to_csv(path, index=False)
    result = runner.invoke(app,
                           ["wfm", "forecast", "--data", str(path), "--time-col", "day,time", "--value-col", "calls",
                                 "--horizon", "20", "--origins", "5", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert len(report["forecasts"]) == 20 and report["backtest"]["mase"] < report["backtest"]["mase_seasonal_naive"]
    assert report["structure"] in {"daily", "weekly", "both"}
    assert report["backtest"]["mase_best_naive"] == min(report["backtest"]["mase_naive_by_season"].values())
    text = runner.invoke(app, ["wfm", "forecast", "--data", str(path), "--time-col", "day,time", "--value-col", "calls",
                               "--horizon", "20", "--origins", "5", "--structure", "weekly"])
    assert text.exit_code == 0, text.output
    assert "best naive" in text.output and "m=20 " in text.output and "m=100 " in text.output
    bad = runner.invoke(app, ["wfm", "forecast", "--data", str(path), "--time-col", "day,time", "--value-col", "calls",
                              "--horizon", "20", "--structure", "monthly"])
    assert bad.exit_code != 0 and "structure must be" in bad.output
    plan = runner.invoke(app, ["wfm", "plan", "--data", str(path), "--time-col", "day,time", "--value-col", "calls",
                               "--horizon", "20", "--interval-minutes", "30",
                               "--aht", "240", "--containment", "0.3", "--json"])
    assert plan.exit_code == 0, plan.output
    assert json.loads(plan.output)["summary"]["agent_hours_saved"] > 0
