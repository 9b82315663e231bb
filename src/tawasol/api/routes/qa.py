"""Quality review endpoints: thin over service/qa (which checks who may see or change what)."""

from __future__ import annotations

from fastapi import APIRouter, Query

from tawasol.api.deps import CurrentUser, PlatformDep, handle
from tawasol.api.schemas.qa import (
    QaAgentSummaryPublic,
    QaCalibrationPublic,
    QaCorrectionIn,
    QaCorrectionPublic,
    QaQueuePublic,
    QaResultPublic,
    QaScorecardIn,
    QaScorecardPublic,
)
from tawasol.service import qa as svc

router = APIRouter(prefix="/api/v1/qa", tags=["quality"])


@router.get("/conversations/{conversation_id}")
async def conversation_result(conversation_id: str, who: CurrentUser, platform: PlatformDep) -> QaResultPublic:
    """The latest review of a conversation, corrections applied (an agent: their own conversations only)."""
    return QaResultPublic.model_validate(
        await handle(platform, lambda uow: svc.results(uow, who, conversation_id), readonly=True))


@router.post("/conversations/{conversation_id}/corrections")
async def correct(conversation_id: str, body: QaCorrectionIn, who: CurrentUser,
                  platform: PlatformDep) -> QaCorrectionPublic:
    """A supervisor's answer to one question (recorded as a decision and in the audit log)."""
    return QaCorrectionPublic.model_validate(await handle(
        platform, lambda uow: svc.correct(uow, who, conversation_id, body.question, body.choice, body.note)))


@router.get("/agents/{agent_id}/summary")
async def agent_summary(agent_id: str, who: CurrentUser, platform: PlatformDep,
                        days: int = Query(90, ge=1, le=366)) -> QaAgentSummaryPublic:
    """An agent's trend per question (ISO weeks) and the conversations behind each low answer."""
    return QaAgentSummaryPublic.model_validate(
        await handle(platform, lambda uow: svc.agent_summary(uow, who, agent_id, days), readonly=True))


@router.get("/queue")
async def review_queue(who: CurrentUser, platform: PlatformDep, limit: int = Query(50, ge=1, le=200),
                       max_score: float = Query(svc.LOW_SCORE, ge=0, le=100),
                       max_confidence: float = Query(svc.LOW_CONFIDENCE, ge=0, le=1),
                       agent_id: str | None = Query(None, max_length=36)) -> QaQueuePublic:
    """Conversations worth a supervisor's review: complaints, the lowest scores, the least sure answers."""
    return QaQueuePublic.model_validate(await handle(
        platform, lambda uow: svc.review_queue(uow, who, limit, max_score, max_confidence, agent_id), readonly=True))


@router.get("/calibration")
async def calibration(who: CurrentUser, platform: PlatformDep,
                      days: int = Query(90, ge=1, le=366)) -> QaCalibrationPublic:
    """Kappa and accuracy of the automatic review against the supervisors' corrections and confirmations."""
    return QaCalibrationPublic.model_validate(
        await handle(platform, lambda uow: svc.calibration(uow, who, days), readonly=True))


@router.get("/tenants/{tenant}/scorecard")
async def get_scorecard(tenant: str, who: CurrentUser, platform: PlatformDep) -> QaScorecardPublic:
    return QaScorecardPublic.model_validate(
        await handle(platform, lambda uow: svc.get_scorecard(uow, who, tenant), readonly=True))


@router.put("/tenants/{tenant}/scorecard")
async def save_scorecard(tenant: str, body: QaScorecardIn, who: CurrentUser,
                         platform: PlatformDep) -> QaScorecardPublic:
    """A new version of the tenant's scorecard (admin); reviews from now on use it."""
    definition = body.model_dump(exclude_none=True)
    return QaScorecardPublic.model_validate(
        await handle(platform, lambda uow: svc.save_scorecard(uow, who, tenant, definition)))
