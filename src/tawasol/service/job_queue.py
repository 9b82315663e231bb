"""The deployment's job queue on PostgreSQL, for `tawasol worker`: procrastinate (MIT).

Why procrastinate: the queue lives in the PostgreSQL the deployment already has (no broker to run, jobs in the
same backups), a periodic job is deferred once per period whatever the number of workers (a unique row per
task and timestamp), and a job's runs are kept in its tables (`procrastinate_jobs`, `procrastinate_events`):
failed is a status, never a lost message. Its schema is an Alembic revision (0006g).

Every job is retried `MAX_ATTEMPTS` times, `RETRY_WAIT_SECONDS` apart, then stays `failed` (logged, and shown by
`tawasol jobs list`); a job left running by a worker that died is retried by the `retry-stalled` job."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from contextvars import ContextVar

import procrastinate
from procrastinate.exceptions import AlreadyEnqueued
from procrastinate.job_context import JobContext
from sqlalchemy.engine import make_url

from tawasol.service.jobs import PeriodicJob
from tawasol.store.db import normalise_url

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 3  # runs of one job, the first included
RETRY_WAIT_SECONDS = 30
STALLED_AFTER_SECONDS = 60  # a worker without heartbeat this long is gone (heartbeat every 10 s)
TASK_PREFIX = "tawasol."
RETRY_STALLED = "retry-stalled"
_period: ContextVar[int | None] = ContextVar("period", default=None)


def current_period() -> int | None:
    """The scheduled time (Unix seconds) of the periodic run in progress in this thread; None when enqueued."""
    return _period.get()


def conninfo(database_url: str) -> str:
    """The libpq URL of the deployment's database (SQLAlchemy's without its driver name)."""
    url = make_url(normalise_url(database_url))
    if url.get_backend_name() != "postgresql":
        raise ValueError("the job queue needs PostgreSQL (TAWASOL_DATABASE_URL)")
    return url.set(drivername="postgresql").render_as_string(hide_password=False)


def cron_for(seconds: float) -> str:
    """A cron schedule (6th field: seconds) for an interval: exact when it divides a minute, an hour or a day,
    otherwise the nearest shorter one that does (the job runs at least as often as asked)."""
    s = max(1, int(seconds))
    if s < 60:
        step = max(d for d in range(1, 61) if 60 % d == 0 and d <= s)
        return "* * * * * *" if step == 1 else f"* * * * * */{step}"
    if s < 3600:
        step = max(d for d in range(1, 61) if 60 % d == 0 and d <= s // 60)
        return "* * * * *" if step == 1 else f"*/{step} * * * *"
    if s < 86400:
        step = max(d for d in range(1, 25) if 24 % d == 0 and d <= s // 3600)
        return "0 * * * *" if step == 1 else f"0 */{step} * * *"
    return "0 0 * * *"


def _runner(job: PeriodicJob) -> Callable[..., object]:
    def run(context: JobContext, timestamp: int | None = None) -> object:
        attempt = (context.job.attempts if context.job else 0) + 1
        _period.set(timestamp)
        try:
            result = job.run()
        except Exception:
            then = "kept as failed, see `tawasol jobs list`" if attempt >= MAX_ATTEMPTS else "to be retried"
            log.exception("job %s failed (attempt %d of %d): %s", job.name, attempt, MAX_ATTEMPTS, then)
            raise
        log.info("job %s done (period %s): %s", job.name, timestamp, result)
        return result

    run.__name__ = job.name
    return run


def _retry_stalled(after_seconds: float) -> Callable[..., object]:
    async def retry_stalled(context: JobContext, timestamp: int | None = None) -> int:
        """Jobs left `doing` by a worker that stopped sending heartbeats go back to the queue."""
        manager = context.app.job_manager
        stalled = list(await manager.get_stalled_jobs(seconds_since_heartbeat=after_seconds))
        for job in stalled:
            log.warning("job %s #%s was running on a worker that stopped: queued again", job.task_name, job.id)
            await manager.retry_job(job)
        return len(stalled)

    return retry_stalled


def build_queue(database_url: str, jobs: Iterable[PeriodicJob], retry_wait_seconds: int = RETRY_WAIT_SECONDS,
                stalled_after_seconds: int = STALLED_AFTER_SECONDS) -> procrastinate.App:
    """The queue with one task per job, each scheduled by its interval (0: only when enqueued)."""
    app = procrastinate.App(connector=procrastinate.PsycopgConnector(conninfo=conninfo(database_url)))
    retry = procrastinate.RetryStrategy(max_attempts=MAX_ATTEMPTS - 1, wait=retry_wait_seconds)
    for job in jobs:
        name = TASK_PREFIX + job.name
        # lock: one run of a job at a time; queueing_lock: at most one waiting, so late periods do not pile up
        task = app.task(name=name, pass_context=True, retry=retry, lock=name, queueing_lock=name)(_runner(job))
        if job.every_seconds > 0:
            app.periodic(cron=cron_for(job.every_seconds), periodic_id=job.name)(task)
    stalled = app.task(name=TASK_PREFIX + RETRY_STALLED, pass_context=True,
                       queueing_lock=TASK_PREFIX + RETRY_STALLED)(_retry_stalled(stalled_after_seconds))
    app.periodic(cron=cron_for(max(1, stalled_after_seconds // 2)), periodic_id=RETRY_STALLED)(stalled)
    return app


def enqueue(app: procrastinate.App, name: str) -> int | None:
    """Queue one run of the job now; None when a run of it is already waiting."""
    task = app.tasks.get(TASK_PREFIX + name)
    if task is None:
        known = sorted(n.removeprefix(TASK_PREFIX) for n in app.tasks if n.startswith(TASK_PREFIX))
        raise KeyError(f"no job {name!r}; jobs: {', '.join(known)}")
    try:
        with app.open():
            return task.defer()
    except AlreadyEnqueued:
        return None


def enqueue_scheduled(app: procrastinate.App, jobs: Iterable[PeriodicJob]) -> list[str]:
    """At a worker's start, one run of each scheduled job (as a server process runs them at its start), so a new
    deployment has its scores without waiting for the first period; none is added when one is already waiting."""
    return [job.name for job in jobs if job.every_seconds > 0 and enqueue(app, job.name) is not None]


def run_worker(app: procrastinate.App, concurrency: int = 2, name: str | None = None,
               stalled_after_seconds: int = STALLED_AFTER_SECONDS) -> None:
    """Run jobs and defer the periodic ones until SIGINT/SIGTERM (then finish the running jobs)."""
    # succeeded runs are deleted (the table stays small; every run is in the log), failed ones kept
    app.run_worker(concurrency=concurrency, name=name, stalled_worker_timeout=stalled_after_seconds,
                   update_heartbeat_interval=max(1.0, stalled_after_seconds / 6), delete_jobs="successful")
