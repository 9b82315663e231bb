"""Dependencies shared by the routes: the platform, units of work, the caller's identity."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from starlette.concurrency import run_in_threadpool

from tawasol.domain.errors import DomainError
from tawasol.service import auth
from tawasol.service.bootstrap import Platform
from tawasol.service.principals import CustomerPrincipal, UserPrincipal


def get_platform(request: Request) -> Platform:
    return request.app.state.platform  # type: ignore[no-any-return]


PlatformDep = Annotated[Platform, Depends(get_platform)]


def bearer(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() != "bearer" or not value.strip():
        return None
    return value.strip()


async def current_user(request: Request, platform: PlatformDep) -> UserPrincipal:
    return await run_in_threadpool(auth.authenticate_user, platform.uow(readonly=True), bearer(request))


CurrentUser = Annotated[UserPrincipal, Depends(current_user)]


async def current_customer(request: Request, conversation_id: str, platform: PlatformDep) -> CustomerPrincipal:
    return await run_in_threadpool(auth.authenticate_customer, platform.uow(readonly=True), bearer(request),
                                   conversation_id)


CurrentCustomer = Annotated[CustomerPrincipal, Depends(current_customer)]


async def publish_events(platform: Platform, uow_events: list[tuple[str, dict]]) -> None:  # type: ignore[type-arg]
    """Publish after commit; a failing bus must not undo an acknowledged message."""
    for channel, event in uow_events:
        try:
            await platform.bus.publish(channel, event)
        except Exception:  # noqa: BLE001
            import logging

            logging.getLogger(__name__).exception("event bus publish failed on %s", channel)


__all__ = ["CurrentCustomer", "CurrentUser", "DomainError", "PlatformDep", "bearer", "publish_events"]
