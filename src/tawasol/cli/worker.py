"""`tawasol worker` and `tawasol jobs`: the background jobs on PostgreSQL's job queue."""

from __future__ import annotations

import json
import logging

import typer

from tawasol.config import Settings, get_settings

jobs_app = typer.Typer(help="The background jobs: their schedule, and runs queued or failed.", no_args_is_help=True)


def _queue(s: Settings):  # type: ignore[no-untyped-def]
    from tawasol.service.bootstrap import bootstrap
    from tawasol.service.job_queue import build_queue
    from tawasol.service.jobs import platform_jobs

    if not s.database_url.startswith("postgres"):
        typer.echo("error: the job queue needs PostgreSQL (TAWASOL_DATABASE_URL); on SQLite `tawasol serve` "
                   "runs the jobs itself", err=True)
        raise typer.Exit(2)
    platform = bootstrap(s, steps=[])  # the jobs need the database, not the message pipeline's models
    jobs = platform_jobs(platform)
    return platform, jobs, build_queue(s.effective_database_url, jobs)


def worker(
    concurrency: int = typer.Option(2, min=1, help="Jobs run at once by this worker."),
    name: str = typer.Option(None, help="Worker name in the logs and the queue tables (default: generated)."),
) -> None:
    """Run the background jobs and their schedule (retention purge, insights): start one or more per
    deployment; each job runs once per period whatever their number."""
    from tawasol.service.job_queue import enqueue_scheduled, run_worker

    s = get_settings()
    logging.basicConfig(level=s.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    platform, jobs, queue = _queue(s)
    if not s.jobs_in_worker:
        logging.getLogger(__name__).warning(
            "TAWASOL_JOBS=in-process: the server processes run the periodic jobs too")
    try:
        logging.getLogger(__name__).info("queued at start: %s", enqueue_scheduled(queue, jobs))
        run_worker(queue, concurrency=concurrency, name=name)
    finally:
        platform.engine.dispose()


@jobs_app.command("list")
def list_jobs() -> None:
    """Each job's schedule and its runs waiting, running and failed (failed runs are kept for inspection)."""
    from tawasol.service.job_queue import TASK_PREFIX, cron_for

    s = get_settings()
    platform, jobs, queue = _queue(s)
    rows = []
    with queue.open():
        for job in jobs:
            counts = {status: [j.id for j in queue.job_manager.list_jobs(task=TASK_PREFIX + job.name, status=status)]
                      for status in ("todo", "doing", "failed")}
            rows.append({"job": job.name, "every_seconds": job.every_seconds,
                         "cron": cron_for(job.every_seconds) if job.every_seconds > 0 else None,
                         "waiting": len(counts["todo"]), "running": len(counts["doing"]), "failed": counts["failed"]})
    platform.engine.dispose()
    typer.echo(json.dumps({"runs_in": "worker" if s.jobs_in_worker else "server processes", "jobs": rows}, indent=1))


@jobs_app.command("enqueue")
def enqueue(job: str = typer.Argument(..., help="Job name: retention, insights or qa-review.")) -> None:
    """Queue one run of a job now, for the workers (exit 1 when a run of it is already waiting)."""
    from tawasol.service.job_queue import enqueue as defer

    platform, _, queue = _queue(get_settings())
    try:
        job_id = defer(queue, job)
    except KeyError as exc:
        typer.echo(f"error: {exc.args[0]}", err=True)
        raise typer.Exit(2) from None
    finally:
        platform.engine.dispose()
    if job_id is None:
        typer.echo(f"a run of {job} is already waiting", err=True)
        raise typer.Exit(1)
    typer.echo(json.dumps({"job": job, "id": job_id}))
