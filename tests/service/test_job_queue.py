"""The job queue of `tawasol worker` on PostgreSQL, with two real worker processes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import psycopg
import pytest

from tawasol.config import Settings
from tawasol.service.job_queue import MAX_ATTEMPTS, build_queue, conninfo, cron_for, enqueue
from tawasol.service.jobs import PeriodicJob, server_scheduler
from tawasol.store import upgrade

PROBE = Path(__file__).with_name("job_queue_probe.py")
SRC = Path(__file__).resolve().parents[2] / "src"


def _rows(url: str) -> list[tuple[str, int | None, str]]:
    with psycopg.connect(conninfo(url)) as conn:
        return [tuple(r) for r in conn.execute("SELECT job, period, worker FROM probe_runs ORDER BY id")]


@pytest.mark.postgres
@pytest.mark.parametrize("database_url", ["postgres"], indirect=True)
def test_two_workers_run_each_job_once_and_each_period_once(database_url: str, tmp_path: Path) -> None:
    upgrade(database_url)  # the queue's tables (Alembic 0006g)
    with psycopg.connect(conninfo(database_url), autocommit=True) as conn:
        conn.execute("CREATE TABLE probe_runs (id serial PRIMARY KEY, job text, period bigint, worker text)")
    env = {**os.environ, "PYTHONPATH": f"{SRC}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    logs = [open(tmp_path / f"w{i}.log", "wb") for i in (1, 2)]  # noqa: SIM115 - closed below
    workers = [subprocess.Popen([sys.executable, str(PROBE), database_url, f"w{i}"], env=env, stdout=log,
                                stderr=subprocess.STDOUT) for i, log in zip((1, 2), logs, strict=True)]
    try:
        queue = build_queue(database_url, [PeriodicJob("once", 0, print), PeriodicJob("fails", 0, print)])
        assert enqueue(queue, "once") is not None
        assert enqueue(queue, "fails") is not None
        deadline = time.monotonic() + 90  # a bound for a hung test, not a timing assertion
        while time.monotonic() < deadline:
            rows = _rows(database_url)
            ticks = {p for job, p, _ in rows if job == "tick"}
            done = sum(job == "fails" for job, _, _ in rows) >= MAX_ATTEMPTS
            if len(ticks) >= 5 and done and any(job == "once" for job, _, _ in rows):
                break
            assert all(w.poll() is None for w in workers), "a worker exited"
            time.sleep(0.5)
    finally:
        for w in workers:
            w.send_signal(signal.SIGINT)  # a graceful stop: the running jobs finish
        for w in workers:
            w.wait(timeout=60)
        for log in logs:
            log.close()
    rows = _rows(database_url)
    runs = Counter((job, period) for job, period, _ in rows)
    periods = [p for (job, p) in runs if job == "tick"]
    assert len(periods) >= 5
    assert all(period is not None for period in periods)
    assert [key for key, n in runs.items() if key[0] == "tick" and n > 1] == []  # no period ran twice
    assert runs[("once", None)] == 1  # the enqueued job ran once, on one of the two workers
    assert runs[("fails", None)] == MAX_ATTEMPTS  # retried, then given up
    with psycopg.connect(conninfo(database_url)) as conn:
        status = conn.execute("SELECT status::text, attempts FROM procrastinate_jobs WHERE task_name = 'tawasol.fails'"
                              ).fetchall()
    assert status == [("failed", MAX_ATTEMPTS)]  # kept, not lost
    both = (tmp_path / "w1.log").read_text() + (tmp_path / "w2.log").read_text()
    assert both.count("job fails failed (attempt") == MAX_ATTEMPTS
    assert "kept as failed" in both


def test_intervals_become_cron_schedules() -> None:
    assert cron_for(1) == "* * * * * *"
    assert cron_for(15) == "* * * * * */15"
    assert cron_for(45) == "* * * * * */30"  # the nearest shorter interval that divides a minute
    assert cron_for(3600) == "0 * * * *"
    assert cron_for(6 * 3600) == "0 */6 * * *"
    assert cron_for(7 * 86400) == "0 0 * * *"


def test_the_server_runs_the_jobs_on_sqlite_and_leaves_them_to_the_worker_on_postgres(tmp_path: Path) -> None:
    class Just:  # the scheduler only reads the platform's settings and unit of work
        def __init__(self, settings: Settings) -> None:
            self.settings = settings

        def uow(self) -> None: ...

    embedded = Settings(home=tmp_path, database_url="")
    names = [j.name for j in server_scheduler(Just(embedded)).jobs]  # type: ignore[arg-type]
    assert names == ["retention", "insights", "qa-review"]
    postgres = Settings(home=tmp_path, database_url="postgresql://u@h/db")
    # the worker runs the jobs; the server only checks that one is alive
    assert [j.name for j in server_scheduler(Just(postgres)).jobs] == ["worker-watch"]  # type: ignore[arg-type]
    both = Settings(home=tmp_path, database_url="postgresql://u@h/db", jobs="in-process")
    assert len(server_scheduler(Just(both)).jobs) == 3  # type: ignore[arg-type]


@pytest.mark.postgres
@pytest.mark.parametrize("database_url", ["postgres"], indirect=True)
def test_a_job_on_a_worker_killed_mid_run_runs_again_on_another(database_url: str, tmp_path: Path) -> None:
    upgrade(database_url)
    with psycopg.connect(conninfo(database_url), autocommit=True) as conn:
        conn.execute("CREATE TABLE probe_runs (id serial PRIMARY KEY, job text, period bigint, worker text)")
    env = {**os.environ, "PYTHONPATH": f"{SRC}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}

    def start(name: str) -> subprocess.Popen[bytes]:
        with (tmp_path / f"{name}.log").open("wb") as log:
            return subprocess.Popen([sys.executable, str(PROBE), database_url, name], env=env, stdout=log,
                                    stderr=subprocess.STDOUT)

    def wait_for(done: Callable[[list[tuple[str, int | None, str]]], bool]) -> list[tuple[str, int | None, str]]:
        deadline = time.monotonic() + 90  # a bound for a hung test, not a timing assertion
        while time.monotonic() < deadline:
            rows = _rows(database_url)
            if done(rows):
                return rows
            time.sleep(0.3)
        raise AssertionError(f"not reached: {_rows(database_url)}")

    first = start("w1")
    assert enqueue(build_queue(database_url, [PeriodicJob("hangs", 0, print)]), "hangs") is not None
    wait_for(lambda rows: any(job == "hangs" for job, _, _ in rows))
    first.send_signal(signal.SIGKILL)  # mid-run: the job is left `doing` with no worker behind it
    first.wait()
    second = start("w2")
    try:
        rows = wait_for(lambda rows: sum(job == "hangs" for job, _, _ in rows) >= 2)
        with psycopg.connect(conninfo(database_url)) as conn:
            wait_for(lambda _: conn.execute("SELECT count(*) FROM procrastinate_jobs WHERE task_name = "
                                            "'tawasol.hangs'").fetchone() == (0,))  # succeeded (and deleted)
    finally:
        second.send_signal(signal.SIGINT)
        second.wait(timeout=60)
    assert [w for job, _, w in rows if job == "hangs"][:2] == ["w1", "w2"]
    assert "was running on a worker that stopped: queued again" in (tmp_path / "w2.log").read_text()
