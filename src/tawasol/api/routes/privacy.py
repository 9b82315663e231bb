"""Personal data: reveal a masked message (permitted roles, audited), export and erase a customer."""

from __future__ import annotations

from fastapi import APIRouter

from tawasol.api.deps import CurrentUser, PlatformDep, handle
from tawasol.api.schemas import CustomerErased, CustomerExport, EraseIn, Revealed, RevealIn
from tawasol.service import privacy as svc

router = APIRouter(prefix="/api/v1/privacy", tags=["privacy"])


@router.post("/reveal")
async def reveal(body: RevealIn, who: CurrentUser, platform: PlatformDep) -> Revealed:
    return Revealed.model_validate(await handle(platform, lambda uow: svc.reveal(
        uow, platform.keyring, who, body.conversation_id, body.message_id, body.reason)))


# Only messages kept sealed (the customer's and agents' words) carry `original_text`: the others lack the key.
@router.get("/tenants/{tenant}/customers/{customer_id}/export", response_model_exclude_unset=True)
async def export(tenant: str, customer_id: str, who: CurrentUser, platform: PlatformDep) -> CustomerExport:
    return CustomerExport.model_validate(await handle(platform, lambda uow: svc.export_customer(
        uow, platform.keyring, tenant, customer_id, who.user.email, who=who)))


@router.post("/tenants/{tenant}/customers/{customer_id}/erase")
async def erase(tenant: str, customer_id: str, body: EraseIn, who: CurrentUser,
                platform: PlatformDep) -> CustomerErased:
    return CustomerErased.model_validate(await handle(platform, lambda uow: svc.erase_customer(
        uow, tenant, customer_id, who.user.email, who=who, confirm=body.confirm)))

