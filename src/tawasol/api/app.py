"""The FastAPI application: routes, error mapping, limits, static pages."""

from __future__ import annotations

import logging
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool

from tawasol import __version__
from tawasol.api import errors
from tawasol.api.input_guard import InputGuard
from tawasol.api.limits import BodySizeLimit, Limits
from tawasol.api.routes import (
    agent,
    auth,
    conversations,
    health,
    insights,
    knowledge,
    pages,
    privacy,
    qa,
    supervisor,
    voice,
    ws,
)
from tawasol.api.security_headers import SecurityHeaders
from tawasol.service.bootstrap import Platform, bootstrap
from tawasol.service.jobs import server_scheduler

WEB = Path(__file__).resolve().parents[1] / "web" / "static"


class _HideTokens(logging.Filter):
    """Server logs must not keep the bearer tokens that WebSocket URLs carry in their query string: uvicorn
    writes them in its access lines and in the WebSocket handshake lines of `uvicorn.error`."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str) and "token=" in record.msg:
            record.msg = _hide(record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(_hide(a) if isinstance(a, str) else a for a in record.args)
        elif isinstance(record.args, dict):
            record.args = {k: _hide(v) if isinstance(v, str) else v for k, v in record.args.items()}
        return True


_TOKEN = re.compile(r"((?:^|[?&\s])token=)[^&\s\"']+")
# A filter on a logger applies only to the records logged on that very logger, so each one uvicorn logs on.
UVICORN_LOGGERS = ("uvicorn", "uvicorn.error", "uvicorn.access", "uvicorn.asgi")


def _hide(text: str) -> str:
    return _TOKEN.sub(r"\1***", text)


def hide_tokens_in_server_logs() -> None:
    """Idempotent: one filter per uvicorn logger."""
    for name in UVICORN_LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(f, _HideTokens) for f in logger.filters):
            logger.addFilter(_HideTokens())


hide_tokens_in_server_logs()


def _docs(app: FastAPI) -> None:
    """Swagger UI at /docs and ReDoc at /redoc with their assets served from the installed package
    fastapi-offline (MIT; Swagger UI Apache-2.0, ReDoc MIT), so that an offline site shows them."""
    import fastapi_offline
    from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
    from fastapi.responses import HTMLResponse

    assets = Path(fastapi_offline.__file__).parent / "static"
    app.mount("/docs/assets", StaticFiles(directory=assets), name="docs-assets")

    @app.get("/docs", include_in_schema=False)
    async def swagger_ui() -> HTMLResponse:
        return get_swagger_ui_html(openapi_url="/openapi.json", title="Tawasol API",
                                   swagger_js_url="/docs/assets/swagger-ui-bundle.js",
                                   swagger_css_url="/docs/assets/swagger-ui.css",
                                   swagger_favicon_url="/docs/assets/favicon.png")

    @app.get("/redoc", include_in_schema=False)
    async def redoc() -> HTMLResponse:
        return get_redoc_html(openapi_url="/openapi.json", title="Tawasol API",
                              redoc_js_url="/docs/assets/redoc.standalone.js",
                              redoc_favicon_url="/docs/assets/favicon.png", with_google_fonts=False)


def create_app(platform: Platform | None = None, warm_up: bool = True) -> FastAPI:
    """Build the app around a platform (bootstrapped from the settings when not given)."""
    platform = platform or bootstrap()

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        if warm_up:
            await run_in_threadpool(platform.warm_up)
        scheduler = server_scheduler(platform)  # none in the server when `tawasol worker` runs the jobs
        scheduler.start()
        try:
            yield
        finally:
            await scheduler.stop()
            await platform.aclose()

    app = FastAPI(title="Tawasol", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="Customer service where AI and people work together.")
    _docs(app)
    app.state.platform = platform
    s = platform.settings
    app.state.limits = Limits.from_settings(s)
    errors.install(app)
    for router in (health.router, auth.router, conversations.router, agent.router, privacy.router, knowledge.router,
                   ws.router,
                   supervisor.router, pages.router, insights.router, qa.router, voice.router):
        app.include_router(router)
    if WEB.is_dir():
        app.mount("/static", StaticFiles(directory=WEB, html=True), name="static")
    # Outermost last: the size limit reads the body first, then the guard refuses what no column can store.
    app.add_middleware(InputGuard)
    app.add_middleware(BodySizeLimit, max_bytes=s.max_body_bytes)
    app.add_middleware(SecurityHeaders)
    return app
