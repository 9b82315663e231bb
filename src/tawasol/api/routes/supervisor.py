"""Endpoints of the supervisor view: live queues, agents, alerts, routing fairness."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query
from starlette.concurrency import run_in_threadpool

from tawasol.api.deps import CurrentUser, PlatformDep
from tawasol.service import supervisor as svc

router = APIRouter(prefix="/api/v1/supervisor", tags=["supervisor"])


@router.get("/overview")
async def overview(who: CurrentUser, platform: PlatformDep) -> dict[str, Any]:
    return await run_in_threadpool(svc.overview, platform.uow(), who)


@router.get("/fairness")
async def fairness(who: CurrentUser, platform: PlatformDep, days: int = Query(30, ge=1, le=365),
                   reference: str = Query("fr", max_length=16)) -> dict[str, Any]:
    return await run_in_threadpool(svc.fairness, platform.uow(), who, days, reference)
