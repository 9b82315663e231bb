"""The server's view of the job queue's workers: in worker mode, /health and the log warn while no `tawasol
worker` has sent a heartbeat lately (procrastinate's workers table, on PostgreSQL)."""

from __future__ import annotations

import logging
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from tawasol.config import Settings
from tawasol.domain.model import utcnow
from tawasol.service import job_queue, worker_watch
from tawasol.store.db import make_engine, make_session_factory
from tawasol.store.migrate import upgrade
from tawasol.store.tables import start_mappers
from tawasol.store.uow import UnitOfWork


def test_the_watch_waits_as_long_as_the_queue_does_before_calling_a_worker_gone() -> None:
    assert worker_watch.SILENT_AFTER_SECONDS == job_queue.STALLED_AFTER_SECONDS


def test_in_process_jobs_need_no_worker(database_url: str, tmp_path: Path) -> None:
    start_mappers()
    upgrade(database_url)
    engine = make_engine(database_url)
    try:
        settings = Settings(home=tmp_path, database_url=database_url, jobs="in-process")
        health = worker_watch.jobs_health(UnitOfWork(make_session_factory(engine)), settings)
        assert (health.mode, health.worker_seen, health.warning) == ("in-process", None, None)
    finally:
        engine.dispose()


@pytest.mark.postgres
@pytest.mark.parametrize("database_url", ["postgres"], indirect=True)
def test_worker_mode_warns_until_a_heartbeat_is_fresh(
    database_url: str, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    start_mappers()
    upgrade(database_url)
    engine = make_engine(database_url)
    settings = Settings(home=tmp_path, database_url=database_url, jobs="worker")

    def health() -> worker_watch.JobsHealth:
        return worker_watch.jobs_health(UnitOfWork(make_session_factory(engine)), settings)

    try:
        none = health()
        assert (none.mode, none.worker_seen, none.last_heartbeat_seconds_ago) == ("worker", False, None)
        assert none.warning is not None and "tawasol worker" in none.warning
        with engine.begin() as conn:
            conn.execute(
                text("INSERT INTO procrastinate_workers (last_heartbeat) VALUES (:at)"),
                {"at": utcnow() - timedelta(seconds=5)},
            )
        alive = health()
        assert alive.worker_seen is True and alive.warning is None
        assert alive.last_heartbeat_seconds_ago is not None and alive.last_heartbeat_seconds_ago < 60
        with engine.begin() as conn:
            conn.execute(
                text("UPDATE procrastinate_workers SET last_heartbeat = :at"), {"at": utcnow() - timedelta(minutes=5)}
            )
        silent = health()
        assert silent.worker_seen is False and silent.warning is not None and "s old" in silent.warning

        class Just:  # check() reads the platform's settings and unit of work only
            def __init__(self) -> None:
                self.settings = settings

            def uow(self, readonly: bool = False) -> UnitOfWork:
                return UnitOfWork(make_session_factory(engine), readonly=readonly)

        with caplog.at_level(logging.WARNING, logger="tawasol.service.worker_watch"):
            worker_watch.check(Just())  # type: ignore[arg-type]
        assert any("heartbeat" in r.getMessage() for r in caplog.records)
    finally:
        engine.dispose()
