"""Short addresses of the web pages, and the widget's own endpoints: place in the queue and CSAT."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from fastapi.responses import RedirectResponse
from pydantic import BaseModel, ConfigDict, Field
from starlette.concurrency import run_in_threadpool

from tawasol.api.deps import CurrentCustomer, PlatformDep, publish_events
from tawasol.service import handoff

router = APIRouter(tags=["widget"])


class CsatIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    score: int = Field(ge=1, le=5)
    comment: str | None = Field(default=None, max_length=1000)


@router.get("/api/v1/conversations/{conversation_id}/queue")
async def queue_status(conversation_id: str, who: CurrentCustomer, platform: PlatformDep) -> dict[str, Any]:
    return await run_in_threadpool(handoff.waiting_status, platform.uow(), who.tenant_id, conversation_id)


@router.post("/api/v1/conversations/{conversation_id}/csat", status_code=201)
async def csat(conversation_id: str, body: CsatIn, who: CurrentCustomer, platform: PlatformDep) -> dict[str, Any]:
    uow = platform.uow()
    result = await run_in_threadpool(handoff.record_csat, uow, who.tenant_id, conversation_id, body.score,
                                     body.comment)
    await publish_events(platform, uow.events)
    return result


for _name in ("console", "supervisor", "widget", "insights"):
    def _page(name: str = _name) -> RedirectResponse:
        return RedirectResponse(f"/static/{name}.html")

    router.add_api_route(f"/{_name}", _page, methods=["GET"], include_in_schema=False)
