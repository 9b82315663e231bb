"""Background jobs of the embedded deployment: an in-process scheduler of periodic tasks."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from dataclasses import dataclass

from starlette.concurrency import run_in_threadpool

log = logging.getLogger(__name__)


@dataclass
class PeriodicJob:
    name: str
    every_seconds: float
    run: Callable[[], object]  # blocking; runs in a worker thread
    first_delay_seconds: float = 0.0  # let the server start serving before the first run


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
