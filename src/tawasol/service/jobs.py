"""The platform's periodic jobs, and the in-process scheduler that runs them in the embedded deployment.

On PostgreSQL they run once per deployment in `tawasol worker` (`service/job_queue.py`) instead, and the server
processes do not run them (`Settings.jobs_in_worker`)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from starlette.concurrency import run_in_threadpool

if TYPE_CHECKING:
    from tawasol.service.bootstrap import Platform

log = logging.getLogger(__name__)


@dataclass
class PeriodicJob:
    name: str
    every_seconds: float
    run: Callable[[], object]  # blocking; runs in a worker thread
    first_delay_seconds: float = 0.0  # let the server start serving before the first run


def platform_jobs(platform: Platform) -> list[PeriodicJob]:
    """Every background job of the platform: the retention purge, the churn/CSAT models retrained and
    every customer rescored (`insights.refresh_all`), and the quality review of the conversations waiting for it
    (`qa.review_pending`; a wrap-up also queues a run)."""
    from tawasol.service import insights, privacy, qa

    s = platform.settings
    return [
        PeriodicJob("retention", s.retention_interval_seconds, lambda: privacy.purge_expired(platform.uow())),
        PeriodicJob("insights", s.insights_interval_seconds, lambda: insights.refresh_all(platform.uow),
                    first_delay_seconds=5.0),
        PeriodicJob(qa.JOB, s.qa_review_interval_seconds, lambda: qa.review_pending(platform.uow),
                    first_delay_seconds=30.0),
    ]


class Scheduler:
    """Runs each job every `every_seconds`; a failing run is logged and retried at the next tick."""

    def __init__(self, jobs: list[PeriodicJob]) -> None:
        self.jobs = [j for j in jobs if j.every_seconds > 0]
        self._tasks: list[asyncio.Task[None]] = []

    async def _loop(self, job: PeriodicJob) -> None:
        await asyncio.sleep(job.first_delay_seconds)
        while True:
            try:
                result = await run_in_threadpool(job.run)
                log.info("job %s done: %s", job.name, result)
            except Exception:  # noqa: BLE001 - a job failure must not stop the server
                log.exception("job %s failed", job.name)
            await asyncio.sleep(job.every_seconds)

    def start(self) -> None:
        self._tasks = [asyncio.create_task(self._loop(j), name=f"job:{j.name}") for j in self.jobs]

    async def stop(self) -> None:
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        self._tasks = []


def server_scheduler(platform: Platform) -> Scheduler:
    """What a server process runs itself: every job in the embedded deployment; when a worker runs them, only the
    check that one is alive (`worker_watch`)."""
    if platform.settings.jobs_in_worker:
        from tawasol.service.worker_watch import watch_job

        log.info("periodic jobs run in `tawasol worker` (TAWASOL_JOBS=%s), not in this process",
                 platform.settings.jobs)
        return Scheduler([watch_job(platform)])  # only the check that a worker is alive
    return Scheduler(platform_jobs(platform))
