"""Endpoints of the supervisor view: live queues, agents, alerts, routing fairness."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query
from pydantic import BaseModel

from tawasol.api.deps import CurrentUser, PlatformDep, handle
from tawasol.api.schemas import FairnessPublic, OverviewPublic
from tawasol.service import supervisor as svc

router = APIRouter(prefix="/api/v1/supervisor", tags=["supervisor"])


@router.get("/overview")
async def overview(who: CurrentUser, platform: PlatformDep) -> OverviewPublic:
    return OverviewPublic.model_validate(await handle(platform, lambda uow: svc.overview(uow, who)))


@router.get("/fairness")
async def fairness(who: CurrentUser, platform: PlatformDep, days: int = Query(30, ge=1, le=365),
                   reference: str = Query("fr", max_length=16)) -> FairnessPublic:
    return FairnessPublic.model_validate(await handle(platform, lambda uow: svc.fairness(uow, who, days, reference)))


class MetricsPublic(BaseModel):
    """Service figures per queue and language over the last `hours`, with hourly arrival buckets."""

    hours: int
    since: str
    buckets: list[str]
    groups: list[dict[str, Any]]


@router.get("/metrics", response_model=MetricsPublic)
async def metrics(who: CurrentUser, platform: PlatformDep, hours: int = Query(24, ge=1, le=744)) -> MetricsPublic:
    return MetricsPublic.model_validate(await handle(platform, lambda uow: svc.metrics(uow, who, hours)))
