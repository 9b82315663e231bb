"""A `tawasol worker` over probe jobs, for tests/service/test_job_queue.py: each run writes a row.

python tests/service/job_queue_probe.py DATABASE_URL WORKER_NAME

A worker is taken for gone after 3 s without heartbeat (60 s in `tawasol worker`)."""

from __future__ import annotations

import logging
import sys
import time

import psycopg

from tawasol.service.job_queue import build_queue, conninfo, current_period, run_worker
from tawasol.service.jobs import PeriodicJob

STALLED = 3


def main(url: str, worker: str) -> None:
    logging.basicConfig(level=logging.INFO, format=f"{worker} %(levelname)s %(name)s: %(message)s")

    def record(job: str) -> None:
        with psycopg.connect(conninfo(url), autocommit=True) as conn:
            conn.execute("INSERT INTO probe_runs (job, period, worker) VALUES (%s, %s, %s)",
                         (job, current_period(), worker))

    def fail() -> None:
        record("fails")
        raise RuntimeError("the probe job fails on purpose")

    def hangs() -> None:  # the first run hangs until its worker is killed; the next one, on another worker, returns
        record("hangs")
        with psycopg.connect(conninfo(url)) as conn:
            first = conn.execute("SELECT count(*) FROM probe_runs WHERE job = 'hangs'").fetchone() == (1,)
        while first:
            time.sleep(0.2)

    jobs = [PeriodicJob("tick", 1, lambda: record("tick")), PeriodicJob("once", 0, lambda: record("once")),
            PeriodicJob("fails", 0, fail), PeriodicJob("hangs", 0, hangs)]
    queue = build_queue(url, jobs, retry_wait_seconds=0, stalled_after_seconds=STALLED)
    run_worker(queue, concurrency=2, name=worker, stalled_after_seconds=STALLED)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
