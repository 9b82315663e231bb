"""The load benchmark's smallest setting as a smoke test: every acknowledged message reaches the
customer's WebSocket and nothing fails (its timings are reported, never asserted)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_the_smallest_load_loses_no_event_and_has_no_error(model_dir: Path) -> None:
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "load.py"), "--customers", "3", "--messages", "2",
                           "--think-ms", "50", "--ramp-s", "0", "--runs", "1", "--model-dir", str(model_dir), "--json"],
                          capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr[-3000:]
    [row] = json.loads(done.stdout)
    assert row["errors"] == 0 and row["server_log_errors"] == 0, row["runs"]
    assert row["runs"][0]["messages"] == 6
    assert row["events_expected"] >= 6 and row["events_received"] == row["events_expected"]
    assert row["resyncs"] == 0
