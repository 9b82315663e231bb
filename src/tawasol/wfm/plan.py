"""Staffing plan: agents per interval for a forecast, with and without the virtual agent's containment."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass

from tawasol.domain.errors import InvalidInput
from tawasol.wfm.erlang import required_agents, scheduled_agents, traffic_erlangs


@dataclass(frozen=True)
class StaffingTarget:
    """Service goal and working assumptions for every interval of a plan."""

    interval_minutes: float
    aht_seconds: float
    target_sl: float = 0.8
    answer_within: float = 20.0
    patience_seconds: float | None = None
    shrinkage: float = 0.3
    max_occupancy: float = 0.85


@dataclass(frozen=True)
class PlanRow:
    """One interval: contacts reaching people, agents on the phones, agents to schedule."""

    timestamp: str
    volume: float
    human_volume: float
    agents: int
    scheduled_agents: int
    service_level: float
    agents_without_bot: int
    scheduled_without_bot: int

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


def staff_interval(volume: float, target: StaffingTarget) -> tuple[int, int, float]:
    """(agents, scheduled agents, service level) for one interval's volume."""
    load = traffic_erlangs(max(volume, 0.0), target.interval_minutes, target.aht_seconds)
    m = required_agents(load, target.aht_seconds, target.target_sl, target.answer_within,
                        target.patience_seconds, target.max_occupancy)
    return m.agents, scheduled_agents(m.agents, target.shrinkage), m.service_level


def staffing_plan(volumes: Sequence[float], timestamps: Sequence[str] | None, target: StaffingTarget,
                  containment: float = 0.0) -> list[PlanRow]:
    """Agents per interval when the virtual agent resolves `containment` of contacts, beside none."""
    if not 0 <= containment < 1:
        raise InvalidInput("containment", "containment must be in [0, 1)")
    stamps = list(timestamps) if timestamps is not None else [str(i) for i in range(len(volumes))]
    rows = []
    for stamp, volume in zip(stamps, volumes, strict=True):
        human = float(volume) * (1.0 - containment)
        agents, scheduled, sl = staff_interval(human, target)
        base, base_scheduled, _ = staff_interval(float(volume), target) if containment else (agents, scheduled, sl)
        rows.append(PlanRow(stamp, float(volume), human, agents, scheduled, sl, base, base_scheduled))
    return rows


def plan_summary(rows: Sequence[PlanRow], interval_minutes: float) -> dict[str, float]:
    """Scheduled agent-hours with and without the virtual agent, and the hours it saves."""
    hours = sum(r.scheduled_agents for r in rows) * interval_minutes / 60.0
    without = sum(r.scheduled_without_bot for r in rows) * interval_minutes / 60.0
    return {"agent_hours": hours, "agent_hours_without_bot": without, "agent_hours_saved": without - hours,
            "peak_scheduled_agents": max((r.scheduled_agents for r in rows), default=0),
            "peak_scheduled_without_bot": max((r.scheduled_without_bot for r in rows), default=0)}
