"""A real server killed with SIGKILL mid-traffic loses no acknowledged message, and retries store once."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

from tawasol.config import Settings
from tawasol.service import admin
from tawasol.service.bootstrap import bootstrap

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _start(home: Path, model_dir: Path, port: int) -> subprocess.Popen:  # type: ignore[type-arg]
    env = {**os.environ, "TAWASOL_HOME": str(home), "TAWASOL_MODEL_DIR": str(model_dir),
           "TAWASOL_RATE_LIMIT_PER_MINUTE": "100000", "TAWASOL_LOG_LEVEL": "warning",
           "TAWASOL_INSIGHTS_INTERVAL_SECONDS": "0"}
    env.pop("TAWASOL_DATABASE_URL", None)
    proc = subprocess.Popen([sys.executable, "-m", "tawasol.cli", "serve", "--port", str(port)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health", timeout=1).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise AssertionError("server did not start")


def test_sigkill_loses_no_acknowledged_message(tmp_path: Path, model_dir: Path) -> None:
    home = tmp_path / "home"
    platform = bootstrap(Settings(home=home, model_dir=model_dir))
    admin.create_tenant(platform.uow(), "durable", "Durable Co")
    platform.engine.dispose()
    port = _free_port()
    proc = _start(home, model_dir, port)
    base = f"http://127.0.0.1:{port}"
    opened = httpx.post(f"{base}/api/v1/conversations", json={"tenant": "durable", "customer": {}}).json()
    url = f"{base}/api/v1/conversations/{opened['id']}/messages"
    headers = {"authorization": f"Bearer {opened['customer_token']}"}
    acked: list[str] = []
    sent: list[str] = []
    stop = threading.Event()

    def traffic() -> None:
        with httpx.Client(timeout=5) as client:
            i = 0
            while not stop.is_set():
                cid = f"msg-{i}"
                sent.append(cid)
                try:
                    body = {"text": f"message {i}", "client_message_id": cid}
                    if client.post(url, headers=headers, json=body).status_code == 201:
                        acked.append(cid)
                except httpx.HTTPError:
                    return
                i += 1

    worker = threading.Thread(target=traffic)
    worker.start()
    deadline = time.monotonic() + 60
    while len(acked) < 15 and time.monotonic() < deadline:
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)  # no shutdown, no flush: like a crash
    assert proc.wait() == -signal.SIGKILL
    stop.set()
    worker.join()
    assert len(acked) >= 15

    proc = _start(home, model_dir, port)
    try:
        stored = httpx.get(url, headers=headers).json()["data"]
        stored_ids = [m["client_message_id"] for m in stored if m["client_message_id"]]
        assert set(acked) <= set(stored_ids), "an acknowledged message was lost"
        for cid in sent:  # the client retries everything it is unsure about
            r = httpx.post(url, headers=headers, json={"text": f"message {cid[4:]}", "client_message_id": cid})
            assert r.status_code == 201
        stored = httpx.get(url, headers=headers).json()["data"]
        stored_ids = [m["client_message_id"] for m in stored if m["client_message_id"]]
        assert sorted(stored_ids) == sorted(set(sent)), "a retry stored a message twice or lost one"
    finally:
        proc.terminate()
        proc.wait(timeout=30)
