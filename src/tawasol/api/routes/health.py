"""Liveness and readiness."""

from dataclasses import asdict

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from tawasol import __version__
from tawasol.api.deps import PlatformDep, handle
from tawasol.api.schemas import HealthPublic
from tawasol.api.schemas.health import JobsHealthPublic
from tawasol.service import worker_watch

router = APIRouter(tags=["health"])


@router.get("/health", response_model=HealthPublic, responses={503: {"model": HealthPublic}})
async def health(platform: PlatformDep) -> JSONResponse:
    db_ok = await run_in_threadpool(platform.database_ok)
    jobs = None
    if db_ok:
        found = await handle(platform, lambda uow: worker_watch.jobs_health(uow, platform.settings), readonly=True)
        jobs = JobsHealthPublic.model_validate(asdict(found))
    body = HealthPublic(status="ok" if db_ok else "degraded", version=__version__, database=db_ok,
                        pipeline=platform.pipeline.step_names, jobs=jobs,
                        warnings=[jobs.warning] if jobs is not None and jobs.warning else [])
    return JSONResponse(body.model_dump(), status_code=200 if db_ok else 503)
