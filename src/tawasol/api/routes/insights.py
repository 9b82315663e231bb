"""Predictions and staffing for staff: churn risk with reasons, outreach, model cards, staffing plan."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query
from pydantic import BaseModel, ConfigDict, Field
from starlette.concurrency import run_in_threadpool

from tawasol.api.deps import CurrentUser, PlatformDep, publish_events
from tawasol.service import insights, proactive, staffing

router = APIRouter(prefix="/api/v1/insights", tags=["insights"])


class OutreachSend(BaseModel):
    model_config = ConfigDict(extra="forbid")
    kind: str | None = Field(default=None, pattern="^(churn_risk|unusual_bill|incident|repeat_contact)$")


@router.get("/customers/{customer_id}/churn")
async def customer_churn(customer_id: str, who: CurrentUser, platform: PlatformDep) -> dict[str, Any]:
    return await run_in_threadpool(insights.customer_churn, platform.uow(readonly=True), who, customer_id)


@router.get("/conversations/{conversation_id}/csat")
async def conversation_csat(conversation_id: str, who: CurrentUser, platform: PlatformDep) -> dict[str, Any]:
    return await run_in_threadpool(insights.conversation_csat, platform.uow(readonly=True), who, conversation_id)


@router.get("/outreach")
async def outreach(who: CurrentUser, platform: PlatformDep, tenant: str | None = Query(None, max_length=64),
                   limit: int = Query(50, ge=1, le=500)) -> dict[str, Any]:
    return await run_in_threadpool(proactive.outreach_list, platform.uow(readonly=True), who, tenant, limit)


@router.post("/outreach/{customer_id}/send", status_code=201)
async def send_outreach(customer_id: str, who: CurrentUser, platform: PlatformDep,
                        body: OutreachSend | None = None) -> dict[str, Any]:
    uow = platform.uow()
    result = await run_in_threadpool(proactive.send_outreach, uow, who, customer_id, body.kind if body else None)
    await publish_events(platform, uow.events)
    return result


@router.get("/staffing")
async def staffing_plan(
    who: CurrentUser, platform: PlatformDep, tenant: str | None = Query(None, max_length=64),
    interval_minutes: int = Query(30), aht: float | None = Query(None, gt=0, le=7200),
    target_sl: float = Query(0.8, gt=0, lt=1), answer_within: float = Query(20, gt=0, le=3600),
    patience: float | None = Query(None, gt=0, le=3600), shrinkage: float = Query(0.3, ge=0, lt=1),
    max_occupancy: float = Query(0.85, gt=0, le=1), queue: str | None = Query(None, max_length=100),
    weeks: int = Query(8, ge=1, le=52), horizon_days: int = Query(7, ge=1, le=28),
) -> dict[str, Any]:
    q = staffing.StaffingQuery(tenant, interval_minutes, aht, target_sl, answer_within, patience, shrinkage,
                               max_occupancy, queue, weeks, horizon_days)
    return await run_in_threadpool(staffing.staffing, platform.uow(readonly=True), who, q)


@router.get("/model-cards")
async def model_cards(who: CurrentUser, platform: PlatformDep,
                      tenant: str | None = Query(None, max_length=64)) -> dict[str, Any]:
    return await run_in_threadpool(insights.model_cards, platform.uow(readonly=True), who, tenant)


@router.post("/refresh")
async def refresh(who: CurrentUser, platform: PlatformDep,
                  tenant: str | None = Query(None, max_length=64)) -> dict[str, Any]:
    return await run_in_threadpool(insights.refresh_for, platform.uow, who, tenant)
