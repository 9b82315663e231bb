"""Workforce management: Erlang C/A staffing, volume forecasting with backtests, staffing plans."""

from tawasol.wfm.backtest import BacktestResult, backtest, mase_scale, seasonal_naive
from tawasol.wfm.erlang import (
    QueueMetrics,
    erlang_a_metrics,
    erlang_b,
    erlang_c,
    erlang_c_metrics,
    queue_metrics,
    required_agents,
    scheduled_agents,
    traffic_erlangs,
)
from tawasol.wfm.forecast import STRUCTURES, ProfileForecaster, Structure, choose_structure, parse_structure
from tawasol.wfm.plan import PlanRow, StaffingTarget, plan_summary, staff_interval, staffing_plan

__all__ = [
    "STRUCTURES", "BacktestResult", "PlanRow", "ProfileForecaster", "QueueMetrics", "StaffingTarget", "backtest",
    "erlang_a_metrics", "erlang_b", "erlang_c", "erlang_c_metrics", "mase_scale", "plan_summary",
    "queue_metrics", "required_agents", "scheduled_agents", "seasonal_naive", "staff_interval",
    "Structure", "choose_structure", "parse_structure",
    "staffing_plan", "traffic_erlangs",
]
