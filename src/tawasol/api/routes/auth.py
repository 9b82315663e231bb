"""Login and logout of agents, supervisors and admins."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request

from tawasol.api.deps import LimitsDep, PlatformDep, bearer, handle
from tawasol.api.schemas import LoginIn, TokenOut
from tawasol.domain.errors import Unauthorized
from tawasol.service import auth
from tawasol.service.views import user_view

router = APIRouter(prefix="/api/v1/auth", tags=["auth"])


@router.post("/login")
async def login(body: LoginIn, request: Request, platform: PlatformDep, limits: LimitsDep) -> TokenOut:
    throttle = limits.logins
    client = request.client.host if request.client else "?"
    wait = await throttle.wait(body.email, client)
    if wait is not None:
        raise HTTPException(429, "too many failed logins; wait a minute", headers={"Retry-After": str(int(wait) + 1)})
    ttl = platform.settings.user_token_ttl_hours
    try:
        token, who = await handle(platform, lambda uow: auth.login(uow, body.email, body.password, ttl))
    except Unauthorized:
        await throttle.failed(body.email, client)
        raise
    await throttle.succeeded(body.email, client)
    return TokenOut.model_validate({"access_token": token, "user": user_view(who.user, who.tenant_ids)})


@router.post("/logout", status_code=204)
async def logout(request: Request, platform: PlatformDep) -> None:
    raw = bearer(request)
    if raw:
        await handle(platform, lambda uow: auth.logout(uow, raw))
