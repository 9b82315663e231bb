"""Liveness and readiness."""

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from tawasol import __version__
from tawasol.api.deps import PlatformDep
from tawasol.api.schemas import HealthPublic

router = APIRouter(tags=["health"])


@router.get("/health", response_model=HealthPublic, responses={503: {"model": HealthPublic}})
async def health(platform: PlatformDep) -> JSONResponse:
    db_ok = await run_in_threadpool(platform.database_ok)
    body = HealthPublic(status="ok" if db_ok else "degraded", version=__version__, database=db_ok,
                        pipeline=platform.pipeline.step_names)
    return JSONResponse(body.model_dump(), status_code=200 if db_ok else 503)
