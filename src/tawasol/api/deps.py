"""Dependencies shared by the routes: the platform, the limits, the caller's identity, and `handle`, which runs a
service handler the way every route does (thread pool, one unit of work, events after commit)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Annotated, Any, TypeVar

from fastapi import Depends, Request
from starlette.concurrency import run_in_threadpool

from tawasol.api.limits import Limits
from tawasol.domain.errors import DomainError
from tawasol.service import auth
from tawasol.service.bootstrap import Platform
from tawasol.service.principals import CustomerPrincipal, UserPrincipal
from tawasol.store.uow import UnitOfWork

log = logging.getLogger(__name__)
T = TypeVar("T")


def get_platform(request: Request) -> Platform:
    return request.app.state.platform  # type: ignore[no-any-return]


PlatformDep = Annotated[Platform, Depends(get_platform)]


def get_limits(request: Request) -> Limits:
    return request.app.state.limits  # type: ignore[no-any-return]


LimitsDep = Annotated[Limits, Depends(get_limits)]


async def handle(platform: Platform, handler: Callable[[UnitOfWork], T], readonly: bool = False) -> T:
    """Run `handler` in the thread pool (handlers block on the database) inside a new unit of work, then
    publish the events it committed. A handler that raises publishes nothing; the error reaches the
    app's error mapping (`api/errors.py`)."""
    uow = platform.uow(readonly=readonly)
    result = await run_in_threadpool(handler, uow)
    await publish_events(platform, uow.events)
    return result


def bearer(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() != "bearer" or not value.strip():
        return None
    return value.strip()


async def current_user(request: Request, platform: PlatformDep) -> UserPrincipal:
    token = bearer(request)
    return await handle(platform, lambda uow: auth.authenticate_user(uow, token), readonly=True)


CurrentUser = Annotated[UserPrincipal, Depends(current_user)]


async def current_customer(request: Request, conversation_id: str, platform: PlatformDep) -> CustomerPrincipal:
    token = bearer(request)
    return await handle(platform, lambda uow: auth.authenticate_customer(uow, token, conversation_id),
                        readonly=True)


CurrentCustomer = Annotated[CustomerPrincipal, Depends(current_customer)]


async def publish_events(platform: Platform, uow_events: list[tuple[str, dict[str, Any]]]) -> None:
    """Publish after commit; a failing bus must not undo an acknowledged message."""
    for channel, event in uow_events:
        try:
            await platform.bus.publish(channel, event)
        except Exception:  # noqa: BLE001
            log.exception("event bus publish failed on %s", channel)


__all__ = ["CurrentCustomer", "CurrentUser", "DomainError", "LimitsDep", "PlatformDep", "bearer", "handle",
           "publish_events"]
