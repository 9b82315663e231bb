"""Personal data: reveal a masked message (permitted roles, audited), export and erase a customer."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict, Field
from starlette.concurrency import run_in_threadpool

from tawasol.api.deps import CurrentUser, PlatformDep
from tawasol.domain.errors import NotFound
from tawasol.domain.model import Role
from tawasol.service import privacy as svc

router = APIRouter(prefix="/api/v1/privacy", tags=["privacy"])


class RevealIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    conversation_id: str
    message_id: str
    reason: str = Field(min_length=3, max_length=300)


class EraseIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    confirm: bool = Field(description="must be true: erasure cannot be undone")


@router.post("/reveal")
async def reveal(body: RevealIn, who: CurrentUser, platform: PlatformDep) -> dict[str, Any]:
    return await run_in_threadpool(svc.reveal, platform.uow(), platform.extras["keyring"], who,
                                   body.conversation_id, body.message_id, body.reason)


def _tenant_slug(platform: Any, who: Any, tenant: str) -> str:
    with platform.uow(readonly=True) as uow:
        t = uow.tenants.by_slug(tenant)
        if t is None or t.id not in who.tenant_ids:
            raise NotFound("tenant not found")
        return tenant


@router.get("/tenants/{tenant}/customers/{customer_id}/export")
async def export(tenant: str, customer_id: str, who: CurrentUser, platform: PlatformDep) -> dict[str, Any]:
    who.require(Role.ADMIN)
    slug = await run_in_threadpool(_tenant_slug, platform, who, tenant)
    return await run_in_threadpool(svc.export_customer, platform.uow(), platform.extras["keyring"], slug,
                                   customer_id, who.user.email)


@router.post("/tenants/{tenant}/customers/{customer_id}/erase")
async def erase(tenant: str, customer_id: str, body: EraseIn, who: CurrentUser,
                platform: PlatformDep) -> dict[str, Any]:
    who.require(Role.ADMIN)
    if not body.confirm:
        from tawasol.domain.errors import InvalidInput

        raise InvalidInput("confirm", "must be true to erase")
    slug = await run_in_threadpool(_tenant_slug, platform, who, tenant)
    return await run_in_threadpool(svc.erase_customer, platform.uow(), slug, customer_id, who.user.email)
