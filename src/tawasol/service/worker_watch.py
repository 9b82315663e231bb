"""Whether the job queue's workers are alive, seen from a server process: when `tawasol worker` runs the periodic
jobs (`TAWASOL_JOBS=worker`, or PostgreSQL by default) and no worker has sent a heartbeat lately, nothing purges
expired data nor refreshes the scores. `/health` says so, and the server logs a warning each minute until one is
back."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Literal

from tawasol.domain.model import utcnow
from tawasol.service.jobs import PeriodicJob
from tawasol.store.uow import UnitOfWork

if TYPE_CHECKING:
    from tawasol.config import Settings
    from tawasol.service.bootstrap import Platform

log = logging.getLogger(__name__)

# a worker without a heartbeat this long is gone (= job_queue.STALLED_AFTER_SECONDS, without importing the queue)
SILENT_AFTER_SECONDS = 60
CHECK_EVERY_SECONDS = 60.0


@dataclass(frozen=True)
class JobsHealth:
    mode: Literal["worker", "in-process"]
    worker_seen: bool | None  # None when this process runs the jobs itself
    last_heartbeat_seconds_ago: float | None
    warning: str | None


def jobs_health(uow: UnitOfWork, settings: Settings, now: datetime | None = None) -> JobsHealth:
    if not settings.jobs_in_worker:
        return JobsHealth("in-process", None, None, None)
    with uow:
        last = uow.workers.last_heartbeat()
    if last is None:
        return JobsHealth(
            "worker",
            False,
            None,
            "no `tawasol worker` heartbeat seen: the periodic jobs (retention "
            "purge, insights refresh) are not running; start `tawasol worker`",
        )
    ago = max(0.0, ((now or utcnow()) - (last if last.tzinfo else last.replace(tzinfo=UTC))).total_seconds())
    if ago > SILENT_AFTER_SECONDS:
        return JobsHealth(
            "worker",
            False,
            round(ago, 1),
            f"the last `tawasol worker` heartbeat is {ago:.0f} s old: "
            "the periodic jobs are not running; start `tawasol worker`",
        )
    return JobsHealth("worker", True, round(ago, 1), None)


def check(platform: Platform) -> JobsHealth:
    health = jobs_health(platform.uow(readonly=True), platform.settings)
    if health.warning:
        log.warning("TAWASOL_JOBS=%s: %s", platform.settings.jobs, health.warning)
    return health


def watch_job(platform: Platform) -> PeriodicJob:
    """The server's own periodic check of the workers, first once they have had time to start."""
    return PeriodicJob(
        "worker-watch", CHECK_EVERY_SECONDS, lambda: check(platform), first_delay_seconds=float(SILENT_AFTER_SECONDS)
    )
