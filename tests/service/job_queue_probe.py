"""A `tawasol worker` over probe jobs, for tests/service/test_job_queue.py: each run writes a row.

python tests/service/job_queue_probe.py DATABASE_URL WORKER_NAME"""

from __future__ import annotations

import logging
import sys

import psycopg

from tawasol.service.job_queue import build_queue, conninfo, current_period, run_worker
from tawasol.service.jobs import PeriodicJob


def main(url: str, worker: str) -> None:
    logging.basicConfig(level=logging.INFO, format=f"{worker} %(levelname)s %(name)s: %(message)s")

    def record(job: str) -> None:
        with psycopg.connect(conninfo(url), autocommit=True) as conn:
            conn.execute("INSERT INTO probe_runs (job, period, worker) VALUES (%s, %s, %s)",
                         (job, current_period(), worker))

    def fail() -> None:
        record("fails")
        raise RuntimeError("the probe job fails on purpose")

    jobs = [PeriodicJob("tick", 1, lambda: record("tick")), PeriodicJob("once", 0, lambda: record("once")),
            PeriodicJob("fails", 0, fail)]
    run_worker(build_queue(url, jobs, retry_wait_seconds=0), concurrency=2, name=worker)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
