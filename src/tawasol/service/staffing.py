"""Forecast and staffing from the tenant's own conversations: volume per interval (optionally per queue),
the virtual agent's containment as Tawasol measures it, and agents needed with and without it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import numpy as np
import pandas as pd

from tawasol.domain.errors import InvalidInput, NotFound
from tawasol.domain.model import utcnow
from tawasol.service.insights import SUPERVISORS, tenant_for
from tawasol.service.principals import UserPrincipal
from tawasol.store.uow import UnitOfWork
from tawasol.wfm import ProfileForecaster, StaffingTarget, backtest, plan_summary, staffing_plan

DEFAULT_AHT = 300.0
CONTAINMENT = ("share of ended conversations the virtual agent resolved without them ever reaching "
               "the status queued or assigned (no escalation, no agent)")


@dataclass(frozen=True)
class StaffingQuery:
    tenant: str | None = None
    interval_minutes: int = 30
    aht: float | None = None
    target_sl: float = 0.8
    answer_within: float = 20.0
    patience: float | None = None
    shrinkage: float = 0.3
    max_occupancy: float = 0.85
    queue: str | None = None
    weeks: int = 8
    horizon_days: int = 7


def _zone(tenant: Any) -> ZoneInfo:
    try:
        return ZoneInfo(str((tenant.settings or {}).get("timezone") or "Africa/Casablanca"))
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def _measured(rows: list[Any], escalated: set[str]) -> tuple[float, int, int, float | None]:
    """(containment, contained, ended, median handle seconds of agent-handled conversations)."""
    ended = [r for r in rows if r.status in ("resolved", "closed")]
    contained = [r for r in ended if r.queued_at is None and r.assigned_agent_id is None and r.id not in escalated]
    handle = [(pd.Timestamp(r.closed_at) - pd.Timestamp(r.assigned_at)).total_seconds() for r in ended
              if r.assigned_at is not None and r.closed_at is not None]
    rate = len(contained) / len(ended) if ended else 0.0
    return rate, len(contained), len(ended), float(np.median(handle)) if handle else None


def _series(stamps: list[datetime], zone: ZoneInfo, minutes: int, now: datetime, weeks: int) -> pd.Series:
    """Contacts per interval, local time, from the first day of the window up to the interval under way."""
    start = pd.Timestamp(now - timedelta(weeks=weeks)).tz_convert(zone).normalize()
    end = pd.Timestamp(now).tz_convert(zone).floor(f"{minutes}min")
    index = pd.date_range(start, end, freq=f"{minutes}min", inclusive="left")
    local = pd.DatetimeIndex([pd.Timestamp(s if s.tzinfo else s.replace(tzinfo=ZoneInfo("UTC"))) for s in stamps])
    counts = pd.Series(1, index=local.tz_convert(zone).floor(f"{minutes}min")).groupby(level=0).sum() \
        if len(local) else pd.Series(dtype=float)
    series = counts.reindex(index, fill_value=0).astype(float).tz_localize(None)
    # Start on the first day with contacts: leading empty days would make the forecaster's level start at 0.
    busy = series[series > 0]
    return series[series.index >= busy.index[0].normalize()] if len(busy) else series


def staffing(uow: UnitOfWork, who: UserPrincipal, q: StaffingQuery) -> dict[str, Any]:
    who.require(*SUPERVISORS)
    if q.interval_minutes not in (15, 30, 60):
        raise InvalidInput("interval_minutes", f"expected 15, 30 or 60, got {q.interval_minutes}")
    now = utcnow()
    with uow:
        tenant = tenant_for(uow, who, q.tenant)
        since = now - timedelta(weeks=q.weeks)
        queue = None
        if q.queue:
            queue = next((x for x in uow.queues.for_tenant(tenant.id) if x.name == q.queue), None)
            if queue is None:
                raise NotFound("queue not found")
        rows = [r for r in uow.reports.conversations_since(tenant.id, since)
                if not str(r.subject or "").startswith("proactive:")]
        escalated = uow.reports.escalated_since(tenant.id, since)
    containment, contained, ended, handle = _measured(rows, escalated)
    if queue is not None:  # conversations in a queue already reached people: the bot's share is behind them
        rows = [r for r in rows if r.queue_id == queue.id]
    zone = _zone(tenant)
    series = _series([r.created_at for r in rows], zone, q.interval_minutes, now, q.weeks)
    per_day = 24 * 60 // q.interval_minutes
    if len(series) < 2 * per_day or series.sum() == 0:
        raise InvalidInput("history", "not enough conversation history to forecast: need two full days with contacts")
    stamps = [t.isoformat(sep=" ") for t in series.index]
    values = [float(v) for v in series.to_numpy()]
    model = ProfileForecaster().fit(values, stamps)
    horizon = q.horizon_days * per_day
    future, volumes = model.predict(horizon)
    aht, aht_source = (q.aht, "given") if q.aht else ((min(max(handle, 30.0), 3600.0), "measured") if handle
                                                         else (DEFAULT_AHT, "default"))
    target = StaffingTarget(q.interval_minutes, aht, q.target_sl, q.answer_within, q.patience, q.shrinkage,
                            q.max_occupancy)
    used = 0.0 if queue is not None else min(containment, 0.95)
    plan = staffing_plan([float(v) for v in volumes], future, target, used)
    try:
        bt = backtest(values, stamps, horizon=per_day, origins=7).to_dict()
    except InvalidInput:
        bt = None
    return {
        "tenant": tenant.slug, "queue": q.queue, "timezone": str(zone), "interval_minutes": q.interval_minutes,
        "history": {"from": stamps[0], "to": stamps[-1], "conversations": len(rows), "weeks": q.weeks},
        "containment": {"rate": round(containment, 4), "contained": contained, "ended": ended,
                        "applied": round(used, 4), "definition": CONTAINMENT,
                        **({"note": "a queue's volume already excludes what the bot contained"} if queue else {})},
        "aht_seconds": round(aht, 1), "aht_source": aht_source,
        "target": {"service_level": q.target_sl, "answer_within": q.answer_within, "patience": q.patience,
                   "shrinkage": q.shrinkage, "max_occupancy": q.max_occupancy},
        "backtest": bt, "summary": plan_summary(plan, q.interval_minutes),
        "rows": [r.to_dict() for r in plan],
        "recent": [{"timestamp": s, "volume": float(v)} for s, v in zip(stamps[-per_day:],
                                                                        series.to_numpy()[-per_day:], strict=True)],
    }
