"""A flow's HTTP action: one pooled client per back end for the process, each action's own timeout."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
import pytest

from tawasol.bot.flows import Action, ActionFailed, close_action_clients, run_action


class _Backend(ThreadingHTTPServer):
    """Records which TCP connection (client port) carried each request and the cookies it sent."""

    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.ports: list[int] = []
        self.cookies: list[str] = []
        self.lock = threading.Lock()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as real back ends do
    server: _Backend

    def do_GET(self) -> None:  # noqa: N802 - the http.server protocol
        with self.server.lock:
            self.server.ports.append(self.client_address[1])
            self.server.cookies.append(self.headers.get("Cookie", ""))
        if self.path.startswith("/slow"):
            time.sleep(1.0)
        body = json.dumps({"path": self.path}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Set-Cookie", "session=of-another-customer; Path=/")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_: Any) -> None:
        pass


@pytest.fixture
def backend() -> Iterator[_Backend]:
    server = _Backend()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    close_action_clients()
    server.shutdown()
    server.server_close()


def test_successive_actions_reuse_one_connection(backend: _Backend) -> None:
    action = Action(method="GET", path="/bills/{contract}")
    results = [run_action(action, backend.url, {"contract": str(n)}) for n in range(5)]
    assert [r["path"] for r in results] == [f"/bills/{n}" for n in range(5)]
    assert len(set(backend.ports)) == 1  # a client per call would open five


def test_actions_from_many_threads_share_the_client(backend: _Backend) -> None:
    action = Action(method="GET", path="/n/{n}")
    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(lambda n: run_action(action, backend.url, {"n": str(n)}), range(40)))
    assert sorted(r["path"] for r in results) == sorted(f"/n/{n}" for n in range(40))
    assert len(set(backend.ports)) <= 8


def test_each_action_keeps_its_own_timeout_on_the_shared_client(backend: _Backend) -> None:
    quick = Action(method="GET", path="/slow", timeout=0.2, retries=0)
    patient = Action(method="GET", path="/slow", timeout=5.0, retries=0)
    with pytest.raises(ActionFailed, match="ReadTimeout"):
        run_action(quick, backend.url, {})
    assert run_action(patient, backend.url, {}) == {"path": "/slow"}


def test_a_cookie_set_for_one_customer_is_not_sent_for_the_next(backend: _Backend) -> None:
    action = Action(method="GET", path="/c")
    run_action(action, backend.url, {})
    run_action(action, backend.url, {})
    assert backend.cookies == ["", ""]


def test_a_test_transport_is_still_used() -> None:
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        return httpx.Response(200, json={"ok": True})

    transport = httpx.MockTransport(handler)
    try:
        result = run_action(Action(method="GET", path="/x"), "http://backend.test", {}, transport=transport)
        assert result == {"ok": True}
    finally:
        close_action_clients()
    assert seen == ["http://backend.test/x"]
