"""Personal data: reveal a masked message (permitted roles, audited), export and erase a customer."""

from __future__ import annotations

from fastapi import APIRouter

from tawasol.api.deps import CurrentUser, PlatformDep, handle
from tawasol.api.schemas import CustomerErased, CustomerExport, EraseIn, Revealed, RevealIn
from tawasol.domain.errors import InvalidInput, NotFound
from tawasol.domain.model import Role
from tawasol.service import privacy as svc
from tawasol.service.bootstrap import Platform
from tawasol.service.principals import UserPrincipal
from tawasol.store.uow import UnitOfWork

router = APIRouter(prefix="/api/v1/privacy", tags=["privacy"])


@router.post("/reveal")
async def reveal(body: RevealIn, who: CurrentUser, platform: PlatformDep) -> Revealed:
    return Revealed.model_validate(await handle(platform, lambda uow: svc.reveal(
        uow, platform.keyring, who, body.conversation_id, body.message_id, body.reason)))


def _served(uow: UnitOfWork, who: UserPrincipal, tenant: str) -> None:
    """Another tenant's slug answers 404 like an unknown one."""
    with uow:
        t = uow.tenants.by_slug(tenant)
        if t is None or t.id not in who.tenant_ids:
            raise NotFound("tenant not found")


async def _check_served(platform: Platform, who: UserPrincipal, tenant: str) -> None:
    await handle(platform, lambda uow: _served(uow, who, tenant), readonly=True)


# Only messages kept sealed (the customer's and agents' words) carry `original_text`: the others lack the key.
@router.get("/tenants/{tenant}/customers/{customer_id}/export", response_model_exclude_unset=True)
async def export(tenant: str, customer_id: str, who: CurrentUser, platform: PlatformDep) -> CustomerExport:
    who.require(Role.ADMIN)
    await _check_served(platform, who, tenant)
    return CustomerExport.model_validate(await handle(platform, lambda uow: svc.export_customer(
        uow, platform.keyring, tenant, customer_id, who.user.email)))


@router.post("/tenants/{tenant}/customers/{customer_id}/erase")
async def erase(tenant: str, customer_id: str, body: EraseIn, who: CurrentUser,
                platform: PlatformDep) -> CustomerErased:
    who.require(Role.ADMIN)
    if not body.confirm:
        raise InvalidInput("confirm", "must be true to erase")
    await _check_served(platform, who, tenant)
    return CustomerErased.model_validate(await handle(platform, lambda uow: svc.erase_customer(
        uow, tenant, customer_id, who.user.email)))

