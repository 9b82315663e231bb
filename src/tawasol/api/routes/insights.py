"""Predictions and staffing for staff: churn risk with reasons, outreach, model cards, staffing plan."""

from __future__ import annotations

from fastapi import APIRouter, Query
from starlette.concurrency import run_in_threadpool

from tawasol.api.deps import CurrentUser, PlatformDep, handle
from tawasol.api.schemas import (
    ChurnPublic,
    CsatPredictionPublic,
    ModelCardsPublic,
    OutreachPublic,
    OutreachSend,
    OutreachSent,
    RefreshPublic,
    StaffingPublic,
)
from tawasol.service import insights, proactive, staffing

router = APIRouter(prefix="/api/v1/insights", tags=["insights"])


# Before the first refresh (or prediction) the answer is only a status: the score's other keys stay absent.
@router.get("/customers/{customer_id}/churn", response_model_exclude_unset=True)
async def customer_churn(customer_id: str, who: CurrentUser, platform: PlatformDep) -> ChurnPublic:
    return ChurnPublic.model_validate(await handle(platform, lambda uow: insights.customer_churn(
        uow, who, customer_id), readonly=True))


@router.get("/conversations/{conversation_id}/csat", response_model_exclude_unset=True)
async def conversation_csat(conversation_id: str, who: CurrentUser, platform: PlatformDep) -> CsatPredictionPublic:
    return CsatPredictionPublic.model_validate(await handle(platform, lambda uow: insights.conversation_csat(
        uow, who, conversation_id), readonly=True))


@router.get("/outreach")
async def outreach(who: CurrentUser, platform: PlatformDep, tenant: str | None = Query(None, max_length=64),
                   limit: int = Query(50, ge=1, le=500)) -> OutreachPublic:
    return OutreachPublic.model_validate(await handle(platform, lambda uow: proactive.outreach_list(
        uow, who, tenant, limit), readonly=True))


@router.post("/outreach/{customer_id}/send", status_code=201)
async def send_outreach(customer_id: str, who: CurrentUser, platform: PlatformDep,
                        body: OutreachSend | None = None) -> OutreachSent:
    kind = body.kind if body else None
    return OutreachSent.model_validate(await handle(platform, lambda uow: proactive.send_outreach(
        uow, who, customer_id, kind)))


@router.get("/staffing", response_model_exclude_unset=True)  # the containment's note is for a queue only
async def staffing_plan(
    who: CurrentUser, platform: PlatformDep, tenant: str | None = Query(None, max_length=64),
    interval_minutes: int = Query(30), aht: float | None = Query(None, gt=0, le=7200),
    target_sl: float = Query(0.8, gt=0, lt=1), answer_within: float = Query(20, gt=0, le=3600),
    patience: float | None = Query(None, gt=0, le=3600), shrinkage: float = Query(0.3, ge=0, lt=1),
    max_occupancy: float = Query(0.85, gt=0, le=1), queue: str | None = Query(None, max_length=100),
    weeks: int = Query(8, ge=1, le=52), horizon_days: int = Query(7, ge=1, le=28),
) -> StaffingPublic:
    q = staffing.StaffingQuery(tenant, interval_minutes, aht, target_sl, answer_within, patience, shrinkage,
                               max_occupancy, queue, weeks, horizon_days)
    return StaffingPublic.model_validate(await handle(platform, lambda uow: staffing.staffing(uow, who, q),
                                                      readonly=True))


@router.get("/model-cards")
async def model_cards(who: CurrentUser, platform: PlatformDep,
                      tenant: str | None = Query(None, max_length=64)) -> ModelCardsPublic:
    return ModelCardsPublic.model_validate(await handle(platform, lambda uow: insights.model_cards(
        uow, who, tenant), readonly=True))


@router.post("/refresh", response_model_exclude_unset=True)  # each model's summary says only what applies
async def refresh(who: CurrentUser, platform: PlatformDep,
                  tenant: str | None = Query(None, max_length=64)) -> RefreshPublic:
    # The handler opens its own units of work: one to check the caller, one to retrain and rescore.
    return RefreshPublic.model_validate(await run_in_threadpool(insights.refresh_for, platform.uow, who, tenant))
