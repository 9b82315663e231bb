"""The FastAPI application: routes, error mapping, limits, static pages."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool

from tawasol import __version__
from tawasol.api import errors
from tawasol.api.limits import BodySizeLimit, RateLimiter
from tawasol.api.routes import agent, auth, conversations, health, pages, privacy, supervisor, ws
from tawasol.service.bootstrap import Platform, bootstrap

WEB = Path(__file__).resolve().parents[1] / "web" / "static"


def create_app(platform: Platform | None = None, warm_up: bool = True) -> FastAPI:
    """Build the app around a platform (bootstrapped from the settings when not given)."""
    platform = platform or bootstrap()

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        if warm_up:
            await run_in_threadpool(platform.warm_up)
        yield
        await platform.aclose()

    app = FastAPI(title="Tawasol", version=__version__, lifespan=lifespan,
                  description="Customer service where AI and people work together.")
    app.state.platform = platform
    s = platform.settings
    app.state.open_limiter = RateLimiter(s.conversations_per_minute)
    app.state.message_limiter = RateLimiter(s.rate_limit_per_minute)
    errors.install(app)
    for router in (health.router, auth.router, conversations.router, agent.router, privacy.router, ws.router,
                   supervisor.router, pages.router):
        app.include_router(router)
    if WEB.is_dir():
        app.mount("/static", StaticFiles(directory=WEB, html=True), name="static")
    app.add_middleware(BodySizeLimit, max_bytes=s.max_body_bytes)
    return app
