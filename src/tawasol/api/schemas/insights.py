"""Predictions and staffing: churn risk with reasons, predicted CSAT, outreach, model cards, staffing plan.

Model cards, metrics and per-feature contributions are documents the models write (their keys depend on
the model), so they stay objects here."""

from __future__ import annotations

from typing import Any

from pydantic import Field

from tawasol.api.schemas.common import Public, Strict


class ModelCardBrief(Public):
    version: str
    method: str | None
    label: str | None
    trained_at: str | None
    metrics: dict[str, Any]
    reason: str | None


class ChurnPublic(Public):
    """A customer's churn risk with its reasons; before the first refresh only a status."""

    customer_id: str
    score: float | None
    status: str | None = None
    band: str | None = None
    method: str | None = None
    label: str | None = None
    reasons: list[str | None] | None = None
    contributions: list[dict[str, Any]] | None = None
    model_version: str | None = None
    scored_at: str | None = None
    decision_id: str | None = None
    model_card: ModelCardBrief | None = None


class CsatPredictionPublic(Public):
    """A closed conversation's predicted satisfaction; before any prediction only a status."""

    conversation_id: str
    predicted: float | None
    status: str | None = None
    band: str | None = None
    reasons: list[str | None] | None = None
    model_version: str | None = None


class OutreachSend(Strict):
    kind: str | None = Field(default=None, pattern="^(churn_risk|unusual_bill|incident|repeat_contact)$")


class OutreachItemPublic(Public):
    rank: int
    customer_id: str
    priority: float
    reasons: list[str]
    language: str | None
    kinds: list[str]
    name: str | None


class OutreachPublic(Public):
    """Customers to contact first, each with its reasons (strongest first)."""

    tenant: str
    churn_method: str | None
    count: int
    data: list[OutreachItemPublic]


class OutreachReason(Public):
    kind: str
    text: str


class OutreachSent(Public):
    conversation_id: str
    customer_id: str
    language: str
    kind: str
    status: str
    text: str
    decision_id: str
    reasons: list[OutreachReason]


class ModelCardPublic(Public):
    kind: str
    version: str
    created_at: str
    card: dict[str, Any]


class ModelCardsPublic(Public):
    tenant: str
    data: list[ModelCardPublic]
    count: int


class ChurnRefresh(Public):
    method: str
    label: str
    version: str
    scored: int
    bands: dict[str, int]
    labels: dict[str, int]
    metrics: dict[str, Any]
    reason: str | None = None  # why rules scored instead of a trained model


class CsatRefresh(Public):
    method: str
    scored: int
    reason: str | None = None  # why nothing was predicted
    version: str | None = None
    surveys: int | None = None
    metrics: dict[str, float] | None = None


class RefreshPublic(Public):
    tenant: str
    churn: ChurnRefresh
    csat: CsatRefresh
    refreshed_at: str


class HistorySpan(Public):
    from_: str = Field(alias="from")
    to: str
    conversations: int
    weeks: int


class Containment(Public):
    rate: float
    contained: int
    ended: int
    applied: float
    definition: str
    note: str | None = None  # for a queue: its volume already excludes what the bot contained


class StaffingTargetPublic(Public):
    service_level: float
    answer_within: float
    patience: float | None
    shrinkage: float
    max_occupancy: float


class BacktestPublic(Public):
    horizon: int
    origins: int
    season_length: int
    mase: float
    mase_seasonal_naive: float
    mae: float
    mae_seasonal_naive: float
    improvement: float


class PlanSummaryPublic(Public):
    agent_hours: float
    agent_hours_without_bot: float
    agent_hours_saved: float
    peak_scheduled_agents: int
    peak_scheduled_without_bot: int


class PlanRowPublic(Public):
    timestamp: str
    volume: float
    human_volume: float
    agents: int
    scheduled_agents: int
    service_level: float
    agents_without_bot: int
    scheduled_without_bot: int


class RecentVolume(Public):
    timestamp: str
    volume: float


class StaffingPublic(Public):
    """Forecast volume, the bot's measured containment, and agents needed with and without it."""

    tenant: str
    queue: str | None
    timezone: str
    interval_minutes: int
    history: HistorySpan
    containment: Containment
    aht_seconds: float
    aht_source: str
    target: StaffingTargetPublic
    backtest: BacktestPublic | None
    summary: PlanSummaryPublic
    rows: list[PlanRowPublic]
    recent: list[RecentVolume]
