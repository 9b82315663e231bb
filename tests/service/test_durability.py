"""A real server killed with SIGKILL mid-traffic loses no acknowledged message, and the client's replays of
every message (same client_message_id) store each once and answer with the message stored first."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import httpx
import pytest

from tawasol.config import Settings
from tawasol.service import admin
from tawasol.service.bootstrap import bootstrap

pytestmark = pytest.mark.slow
MESSAGES = 40  # sent by the client; the server is killed after KILL_AFTER of them are acknowledged
KILL_AFTER = 12


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _start(home: Path, model_dir: Path, database_url: str, port: int, log: Path) -> subprocess.Popen:  # type: ignore[type-arg]
    env = {**os.environ, "TAWASOL_HOME": str(home), "TAWASOL_MODEL_DIR": str(model_dir),
           "TAWASOL_DATABASE_URL": database_url, "TAWASOL_RATE_LIMIT_PER_MINUTE": "100000",
           "TAWASOL_LOG_LEVEL": "warning", "TAWASOL_INSIGHTS_INTERVAL_SECONDS": "0",
           "TAWASOL_RETENTION_INTERVAL_SECONDS": "0"}
    with log.open("ab") as out:
        proc = subprocess.Popen([sys.executable, "-m", "tawasol.cli", "serve", "--port", str(port)], env=env,
                                stdout=out, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 180  # models are built at the first start of a test session
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health", timeout=1).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise AssertionError(f"server did not start: {log.read_text()[-2000:]}")


def _stored(url: str, headers: dict[str, str]) -> dict[str, list[str]]:
    """Each client_message_id with the ids of the messages stored under it."""
    stored: dict[str, list[str]] = {}
    for m in httpx.get(url, headers=headers).json()["data"]:
        if m["client_message_id"]:
            stored.setdefault(m["client_message_id"], []).append(m["id"])
    return stored


def test_sigkill_loses_no_acknowledged_message(tmp_path: Path, model_dir: Path, database_url: str) -> None:
    home = tmp_path / "home"
    platform = bootstrap(Settings(home=home, model_dir=model_dir, database_url=database_url), steps=[])
    admin.create_tenant(platform.uow(), "durable", "Durable Co")
    platform.engine.dispose()
    port, log = _free_port(), tmp_path / "server.log"
    proc = _start(home, model_dir, database_url, port, log)
    base = f"http://127.0.0.1:{port}"
    opened = httpx.post(f"{base}/api/v1/conversations", json={"tenant": "durable", "customer": {}}).json()
    url = f"{base}/api/v1/conversations/{opened['id']}/messages"
    headers = {"authorization": f"Bearer {opened['customer_token']}"}
    acked: dict[str, str] = {}  # client_message_id -> id of the message the server acknowledged
    stop = threading.Event()

    def traffic() -> None:
        with httpx.Client(timeout=10) as client:
            for i in range(MESSAGES):
                if stop.is_set():
                    return
                try:
                    r = client.post(url, headers=headers, json={"text": f"message {i}", "client_message_id": f"m-{i}"})
                except httpx.HTTPError:
                    return  # the server is gone
                if r.status_code == 201:
                    acked[f"m-{i}"] = r.json()["message"]["id"]

    sender = threading.Thread(target=traffic)
    sender.start()
    while len(acked) < KILL_AFTER and sender.is_alive():
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)  # no shutdown, no flush: like a crash, mid-stream
    assert proc.wait() == -signal.SIGKILL
    stop.set()
    sender.join()
    assert KILL_AFTER <= len(acked) < MESSAGES, "the kill did not fall mid-stream"

    proc = _start(home, model_dir, database_url, port, log)
    try:
        stored = _stored(url, headers)
        assert {cid: stored.get(cid) for cid in acked} == {cid: [mid] for cid, mid in acked.items()}, \
            "an acknowledged message was lost or stored twice"
        replies: dict[str, str] = {}
        for i in range(MESSAGES):  # the client replays everything, acknowledged or not
            r = httpx.post(url, headers=headers, json={"text": f"message {i}", "client_message_id": f"m-{i}"})
            assert r.status_code == 201, r.text
            replies[f"m-{i}"] = r.json()["message"]["id"]
            if f"m-{i}" in acked:
                assert r.json()["replayed"] is True
        for cid, mid in acked.items():
            assert replies[cid] == mid, "a replay answered with another message than the acknowledged one"
        after = _stored(url, headers)
        assert Counter(len(ids) for ids in after.values()) == Counter({1: MESSAGES}), "a replay stored twice"
        assert {cid: ids[0] for cid, ids in after.items()} == replies
    finally:
        proc.terminate()
        proc.wait(timeout=30)
