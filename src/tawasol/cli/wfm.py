"""`tawasol wfm` commands."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Annotated

import typer

from tawasol.domain.errors import InvalidInput

app = typer.Typer(help="Workforce management: Erlang C/A staffing, volume forecasts, staffing plans.",
                  no_args_is_help=True)

DataOpt = Annotated[Path, typer.Option(help="history CSV", exists=True, dir_okay=False)]
TimeOpt = Annotated[str, typer.Option(help="timestamp column; several comma-separated columns are joined (date,time)")]
ValueOpt = Annotated[str, typer.Option(help="column with the contact count per interval")]
SeasonOpt = Annotated[int | None, typer.Option(help="seasonal-naive period; default: intervals per day")]
JsonOpt = Annotated[bool, typer.Option("--json", help="print JSON")]


def _history(data: Path, time_col: str, value_col: str) -> tuple[list[str], list[float]]:
    import pandas as pd  # lazily: `tawasol --help` does not pay for pandas

    frame = pd.read_csv(data, encoding="utf-8-sig")
    cols = [c.strip() for c in time_col.split(",")]
    missing = [c for c in [*cols, value_col] if c not in frame.columns]
    if missing:
        raise typer.BadParameter(f"not in the data: {', '.join(missing)}; have {', '.join(frame.columns)}")
    stamps = frame[cols].astype(str).agg(" ".join, axis=1).tolist()
    values = pd.to_numeric(frame[value_col], errors="coerce").fillna(0.0).tolist()
    return stamps, values


def _json(obj: object) -> str:
    return json.dumps(obj, indent=1, default=lambda v: None if isinstance(v, float) and math.isinf(v) else str(v))


@app.command()
def erlang(
    volume: Annotated[float, typer.Option(help="contacts offered in the interval")],
    interval_minutes: Annotated[float, typer.Option(help="interval length in minutes")],
    aht: Annotated[float, typer.Option(help="average handle time in seconds")],
    target_sl: Annotated[float, typer.Option(help="service level target, e.g. 0.8")] = 0.8,
    answer_within: Annotated[float, typer.Option(help="service level threshold in seconds")] = 20.0,
    patience: Annotated[float | None, typer.Option(help="mean caller patience in seconds (Erlang A)")] = None,
    shrinkage: Annotated[float, typer.Option(help="share of paid time off the phones")] = 0.3,
    max_occupancy: Annotated[float, typer.Option(help="upper bound on agent occupancy")] = 0.85,
    as_json: JsonOpt = False,
) -> None:
    """Fewest agents meeting the target (Erlang C, or Erlang A with --patience), and what they achieve."""
    from tawasol.wfm import required_agents, scheduled_agents, traffic_erlangs

    try:
        load = traffic_erlangs(volume, interval_minutes, aht)
        m = required_agents(load, aht, target_sl, answer_within, patience, max_occupancy)
        report = {**m.to_dict(), "scheduled_agents": scheduled_agents(m.agents, shrinkage),
                  "model": "erlang_a" if patience else "erlang_c"}
    except InvalidInput as exc:
        raise typer.BadParameter(str(exc)) from exc
    if as_json:
        typer.echo(_json(report))
        return
    for key, value in report.items():
        typer.echo(f"{key:>16}: {value:.4f}" if isinstance(value, float) else f"{key:>16}: {value}")


@app.command()
def forecast(data: DataOpt, time_col: TimeOpt, value_col: ValueOpt,
             horizon: Annotated[int, typer.Option(help="intervals to forecast")],
             season_length: SeasonOpt = None, origins: Annotated[int, typer.Option(help="backtest windows")] = 20,
             structure: Annotated[str, typer.Option(help="seasonal structure: auto (chosen by backtest), daily, "
                                                         "weekly or both")] = "auto",
             as_json: JsonOpt = False) -> None:
    """Forecast the next intervals; backtest MASE beside the best seasonal-naive baseline (a day, a week)."""
    from tawasol.wfm import ProfileForecaster, backtest, parse_structure

    stamps, values = _history(data, time_col, value_col)
    try:
        chosen = parse_structure(structure)
        result = backtest(values, stamps, horizon, season_length, origins, chosen)
        model = ProfileForecaster(None, chosen).fit(values, stamps)
        future, pred = model.predict(horizon)
    except InvalidInput as exc:
        raise typer.BadParameter(str(exc)) from exc
    rows = [{"timestamp": t, "forecast": round(float(v), 2)}
            for t, v in zip(future or [""] * horizon, pred, strict=True)]
    if as_json:
        typer.echo(_json({"forecasts": rows, "structure": model.structure_, "backtest": result.to_report()}))
        return
    for row in rows:
        typer.echo(f"{row['timestamp']}  {row['forecast']:.1f}")
    naive = ", ".join(f"m={k} {v:.3f}" for k, v in result.naive.items())
    structures = ", ".join(f"{k} {v:.3f}" for k, v in result.mase_by_structure.items())
    typer.echo(f"backtest ({result.origins} windows of {result.horizon}, MASE scaled by m={result.season_length}): "
               f"model ({result.structure}, forecast uses {model.structure_}) {result.mase:.3f} vs best naive "
               f"{result.mase_best_naive:.3f} (m={result.best_naive_season}), "
               f"{result.improvement_over_best_naive:.1%} better")
    typer.echo(f"  seasonal naive: {naive}; structures: {structures}")


@app.command()
def plan(data: DataOpt, time_col: TimeOpt, value_col: ValueOpt,
         horizon: Annotated[int, typer.Option(help="intervals to plan")],
         interval_minutes: Annotated[float, typer.Option(help="interval length in minutes")],
         aht: Annotated[float, typer.Option(help="average handle time in seconds")],
         target_sl: Annotated[float, typer.Option(help="service level target")] = 0.8,
         answer_within: Annotated[float, typer.Option(help="service level threshold in seconds")] = 20.0,
         patience: Annotated[float | None, typer.Option(help="mean caller patience in seconds (Erlang A)")] = None,
         shrinkage: Annotated[float, typer.Option(help="share of paid time off the phones")] = 0.3,
         max_occupancy: Annotated[float, typer.Option(help="upper bound on agent occupancy")] = 0.85,
         containment: Annotated[float, typer.Option(help="share of contacts the virtual agent resolves")] = 0.0,
         as_json: JsonOpt = False) -> None:
    """Agents per interval for the forecast, with the virtual agent containing a share of contacts and without."""
    from tawasol.wfm import ProfileForecaster, StaffingTarget, plan_summary, staffing_plan

    stamps, values = _history(data, time_col, value_col)
    target = StaffingTarget(interval_minutes, aht, target_sl, answer_within, patience, shrinkage, max_occupancy)
    try:
        future, pred = ProfileForecaster().fit(values, stamps).predict(horizon)
        rows = staffing_plan(pred.tolist(), future, target, containment)
    except InvalidInput as exc:
        raise typer.BadParameter(str(exc)) from exc
    summary = plan_summary(rows, interval_minutes)
    if as_json:
        typer.echo(_json({"containment": containment, "rows": [r.to_dict() for r in rows], "summary": summary}))
        return
    typer.echo(f"{'interval':>20} {'volume':>8} {'to people':>9} {'agents':>6} {'sched':>5} {'no-bot':>6} {'sched':>5}")
    for r in rows:
        typer.echo(f"{r.timestamp:>20} {r.volume:>8.1f} {r.human_volume:>9.1f} {r.agents:>6} {r.scheduled_agents:>5} "
                   f"{r.agents_without_bot:>6} {r.scheduled_without_bot:>5}")
    typer.echo(f"agent-hours {summary['agent_hours']:.1f} with the virtual agent ({containment:.0%} contained), "
               f"{summary['agent_hours_without_bot']:.1f} without; saved {summary['agent_hours_saved']:.1f}")
