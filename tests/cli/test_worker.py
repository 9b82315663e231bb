"""`tawasol worker` and `tawasol jobs` as a deployment runs them."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest


def _env(tmp_path: Path, database_url: str, **more: str) -> dict[str, str]:
    return {**os.environ, "TAWASOL_HOME": str(tmp_path / "home"), "TAWASOL_DATABASE_URL": database_url,
            "TAWASOL_LOG_LEVEL": "info", **more}


def _tawasol(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tawasol.cli", *args], env=env, capture_output=True, text=True,
                          timeout=120)


@pytest.mark.postgres
@pytest.mark.parametrize("database_url", ["postgres"], indirect=True)
def test_worker_runs_the_schedule_and_an_enqueued_job(tmp_path: Path, database_url: str) -> None:
    # insights off the schedule: its only run is the one enqueued below (and the quality review off: not measured here)
    env = _env(tmp_path, database_url, TAWASOL_RETENTION_INTERVAL_SECONDS="1", TAWASOL_INSIGHTS_INTERVAL_SECONDS="0",
               TAWASOL_QA_REVIEW_INTERVAL_SECONDS="0")
    assert _tawasol("db", "upgrade", env=env).returncode == 0  # as a deployment does before starting workers
    log = tmp_path / "worker.log"
    with log.open("wb") as out:
        worker = subprocess.Popen([sys.executable, "-m", "tawasol.cli", "worker", "--name", "w1"], env=env,
                                  stdout=out, stderr=subprocess.STDOUT)
    try:
        queued = _tawasol("jobs", "enqueue", "insights", env=env)
        assert queued.returncode == 0, queued.stderr
        deadline = time.monotonic() + 90  # a bound for a hung test, not a timing assertion
        while time.monotonic() < deadline and worker.poll() is None:
            text = log.read_text()
            if "job insights done (period None)" in text and text.count("job retention done (period 1") >= 2:
                break
            time.sleep(0.3)
        listed = _tawasol("jobs", "list", env=env)
        assert listed.returncode == 0 and '"failed": []' in listed.stdout
    finally:
        worker.send_signal(signal.SIGINT)
        code = worker.wait(timeout=60)
    text = log.read_text()
    assert "job insights done (period None)" in text, text[-3000:]
    assert text.count("job retention done (period 1") >= 2
    assert "queued at start: ['retention']" in text
    assert "job retention done (period None)" in text  # the run queued at start
    assert code == 0
    unknown = _tawasol("jobs", "enqueue", "nothing", env=env)
    assert unknown.returncode == 2 and "retention" in unknown.stderr


def test_worker_refuses_sqlite(tmp_path: Path) -> None:
    done = _tawasol("worker", env=_env(tmp_path, ""))
    assert done.returncode == 2
    assert "needs PostgreSQL" in done.stderr
