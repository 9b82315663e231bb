"""Short addresses of the web pages, and the widget's own endpoints: place in the queue and CSAT."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import RedirectResponse

from tawasol.api.deps import CurrentCustomer, PlatformDep, handle
from tawasol.api.routes import admin
from tawasol.api.schemas import CsatIn, CsatRecorded, QueueStatusPublic
from tawasol.service import handoff

router = APIRouter(tags=["widget"])


# Only a queued conversation has an SLA, a wait and a notice: for the others those keys stay absent.
@router.get("/api/v1/conversations/{conversation_id}/queue", response_model_exclude_unset=True)
async def queue_status(conversation_id: str, who: CurrentCustomer, platform: PlatformDep) -> QueueStatusPublic:
    status = await handle(platform, lambda uow: handoff.waiting_status(uow, who.tenant_id, conversation_id))
    return QueueStatusPublic.model_validate(status.fields())


@router.post("/api/v1/conversations/{conversation_id}/csat", status_code=201)
async def csat(conversation_id: str, body: CsatIn, who: CurrentCustomer, platform: PlatformDep) -> CsatRecorded:
    return CsatRecorded.model_validate(await handle(platform, lambda uow: handoff.record_csat(
        uow, who.tenant_id, conversation_id, body.score, body.comment, platform.staff_text_redactor)))


# The admin console's API comes with its page (one include in app.py for the pages and what they need).
router.include_router(admin.router)
router.include_router(admin.kb_router)
router.include_router(admin.settings_router)

for _name in ("console", "supervisor", "widget", "insights", "admin"):
    def _page(name: str = _name) -> RedirectResponse:
        return RedirectResponse(f"/static/{name}.html")

    router.add_api_route(f"/{_name}", _page, methods=["GET"], include_in_schema=False)
