"""Login and logout of agents, supervisors and admins."""

from fastapi import APIRouter, Request
from starlette.concurrency import run_in_threadpool

from tawasol.api.deps import PlatformDep, bearer
from tawasol.api.limits import RateLimiter
from tawasol.api.schemas import LoginIn, TokenOut
from tawasol.domain.errors import Unauthorized
from tawasol.service import auth
from tawasol.service.views import user_view

router = APIRouter(prefix="/api/v1/auth", tags=["auth"])
_login_attempts = RateLimiter(limit=20, window=60.0)


@router.post("/login", response_model=TokenOut)
async def login(body: LoginIn, request: Request, platform: PlatformDep) -> TokenOut:
    client = request.client.host if request.client else "?"
    if _login_attempts.hit((client, body.email.lower())) is not None:
        raise Unauthorized("too many attempts; wait a minute")
    token, who = await run_in_threadpool(
        auth.login, platform.uow(), body.email, body.password, platform.settings.user_token_ttl_hours
    )
    return TokenOut(access_token=token, user=user_view(who.user, who.tenant_ids))


@router.post("/logout", status_code=204)
async def logout(request: Request, platform: PlatformDep) -> None:
    raw = bearer(request)
    if raw:
        await run_in_threadpool(auth.logout, platform.uow(), raw)
