"""The Redis bus: two API instances sharing one Redis serve the same conversation's WebSockets."""

from __future__ import annotations

import asyncio
import contextlib
import shutil
import socket
import subprocess
import time
import uuid
from typing import Any

import pytest
import redis
from fastapi.testclient import TestClient

from tawasol.api import create_app
from tawasol.bus import Subscription
from tawasol.bus.redis_bus import RedisBus
from tawasol.service.bootstrap import bootstrap
from tests import factories
from tests.conftest import skip_or_fail

pytestmark = pytest.mark.redis


def test_publish_reaches_subscriber_of_another_connection(redis_url) -> None:  # type: ignore[no-untyped-def]
    async def scenario() -> dict:  # type: ignore[type-arg]
        a, b = RedisBus(redis_url), RedisBus(redis_url)
        channel = f"test:{uuid.uuid4().hex}"
        sub = await b.subscribe([channel])
        await a.publish(channel, {"type": "message", "text": "سلام"})
        it = sub.__aiter__()
        event = await asyncio.wait_for(it.__anext__(), timeout=5)
        await sub.close()
        await a.close()
        await b.close()
        return event

    assert asyncio.run(scenario()) == {"type": "message", "text": "سلام"}


def test_two_app_instances_share_websocket_events(settings, redis_url) -> None:  # type: ignore[no-untyped-def]
    """A customer's WebSocket is on instance A; the message is posted through instance B."""
    s = settings.model_copy(update={"redis_url": redis_url})
    platform_a, platform_b = bootstrap(s), bootstrap(s, migrate=False)
    assert isinstance(platform_a.bus, RedisBus) and isinstance(platform_b.bus, RedisBus)
    with TestClient(create_app(platform_a)) as a, TestClient(create_app(platform_b)) as b:
        tenant = factories.tenant(platform_a)
        conv_id, auth = factories.open_conversation(a, tenant.slug)
        token = auth["Authorization"].split()[1]
        with a.websocket_connect(f"/api/v1/conversations/{conv_id}/ws?token={token}") as ws:
            assert ws.receive_json()["type"] == "backlog"
            r = b.post(f"/api/v1/conversations/{conv_id}/messages", headers=auth, json={"text": "agent"})
            assert r.status_code == 201
            seen = []
            for _ in range(10):
                event = ws.receive_json()
                seen.append(event["type"])
                if event["type"] == "status":
                    assert event["status"] == "queued"
                    break
            assert "message" in seen and "status" in seen
    platform_a.engine.dispose()
    platform_b.engine.dispose()


async def _take(sub: Subscription, n: int, timeout: float = 5) -> list[dict[str, Any]]:
    it = sub.__aiter__()
    return [await asyncio.wait_for(it.__anext__(), timeout=timeout) for _ in range(n)]


def test_two_hundred_subscribers_share_one_pubsub_connection(redis_url) -> None:  # type: ignore[no-untyped-def]
    """Each WebSocket is a subscriber; the process keeps one Redis connection for all of them."""
    async def scenario() -> tuple[list[int], int, int]:
        bus, publisher = RedisBus(redis_url), RedisBus(redis_url)
        prefix = uuid.uuid4().hex
        subs = [await bus.subscribe([f"{prefix}:{i}"]) for i in range(200)]
        connections = await _count_pubsub(publisher, bus.client_name)
        for i in range(200):
            await publisher.publish(f"{prefix}:{i}", {"i": i})
        got = [(await _take(sub, 1))[0]["i"] for sub in subs]
        for sub in subs:
            await sub.close()
        numsub = await _numsub_settled(publisher, [f"tawasol:{prefix}:{i}" for i in range(200)])
        await bus.close()
        await publisher.close()
        return got, connections, numsub

    got, connections, numsub = asyncio.run(scenario())
    assert got == list(range(200))
    assert connections == 1
    assert numsub == 0  # the last subscriber of a channel leaving unsubscribes it in Redis


async def _collect(sub: Subscription, into: list[dict[str, Any]]) -> None:
    async for event in sub:
        into.append(event)


async def _numsub_settled(bus: RedisBus, channels: list[str]) -> int:
    """Subscribers Redis counts on the channels, once the UNSUBSCRIBEs already sent have been read."""
    deadline = time.monotonic() + 5
    while True:
        n = sum(count for _, count in await bus.redis.pubsub_numsub(*channels))
        if n == 0 or time.monotonic() > deadline:
            return n
        await asyncio.sleep(0.05)


async def _count_pubsub(bus: RedisBus, name: str) -> int:
    return sum(1 for c in await bus.redis.client_list(_type="pubsub") if c.get("name") == name)


def test_subscribers_of_one_channel_each_get_every_event_and_redis_sees_one(redis_url) -> None:  # type: ignore[no-untyped-def]
    async def scenario() -> tuple[list[list[int]], int, int]:
        bus, publisher = RedisBus(redis_url), RedisBus(redis_url)
        channel = f"test:{uuid.uuid4().hex}"
        a, b = await bus.subscribe([channel]), await bus.subscribe([channel, channel + ":other"])
        [(_, seen_by_redis)] = await publisher.redis.pubsub_numsub("tawasol:" + channel)
        for i in range(3):
            await publisher.publish(channel, {"i": i})
        got = [[e["i"] for e in await _take(s, 3)] for s in (a, b)]
        await a.close()
        await asyncio.sleep(0.2)  # had a.close() unsubscribed the channel, Redis would have read it by now
        [(_, after_one_left)] = await publisher.redis.pubsub_numsub("tawasol:" + channel)
        await b.close()
        await bus.close()
        await publisher.close()
        return got, seen_by_redis, after_one_left

    got, seen_by_redis, after_one_left = asyncio.run(scenario())
    assert got == [[0, 1, 2], [0, 1, 2]]
    assert seen_by_redis == 1 and after_one_left == 1


def test_a_slow_redis_subscriber_is_told_what_it_missed(redis_url) -> None:  # type: ignore[no-untyped-def]
    async def scenario() -> list[dict[str, Any]]:
        bus, publisher = RedisBus(redis_url, backlog=10), RedisBus(redis_url)
        channel = f"test:{uuid.uuid4().hex}"
        sub = await bus.subscribe([channel])
        for i in range(30):
            await publisher.publish(channel, {"i": i})
        await publisher.publish(channel, {"i": "last"})
        await asyncio.sleep(0.5)  # every event has reached this process; the consumer read none
        got = await _take(sub, 11)
        await sub.close()
        await bus.close()
        await publisher.close()
        return got

    got = asyncio.run(scenario())
    assert got[0] == {"type": "resync", "reason": "slow_consumer", "missed": 21}
    assert [e["i"] for e in got[1:]] == [*range(21, 30), "last"]


@pytest.fixture
def private_redis(tmp_path):  # type: ignore[no-untyped-def]
    """A Redis server of this test's own, so that it can be restarted without disturbing anyone."""
    binary = shutil.which("redis-server")
    if binary is None:
        skip_or_fail("redis-server not installed")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    args = [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
            "--dir", str(tmp_path)]
    server = _RedisServer(args, f"redis://127.0.0.1:{port}/0")
    server.start()
    yield server
    server.stop()


class _RedisServer:
    def __init__(self, args: list[str], url: str) -> None:
        self.args, self.url, self.process = args, url, None  # type: ignore[var-annotated]

    def start(self) -> None:
        self.process = subprocess.Popen(self.args, stdout=subprocess.DEVNULL)  # type: ignore[assignment]
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", int(self.url.rsplit(":", 1)[1].split("/")[0]))) == 0:
                    return
            time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()  # type: ignore[unreachable]
            self.process.wait(timeout=10)
            self.process = None


def test_subscribers_survive_a_redis_restart_and_are_told_to_resync(private_redis) -> None:  # type: ignore[no-untyped-def]
    async def scenario() -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        bus, publisher = RedisBus(private_redis.url), RedisBus(private_redis.url)
        sub = await bus.subscribe(["c"])
        await publisher.publish("c", {"i": "before"})
        before = await _take(sub, 1)
        await asyncio.to_thread(private_redis.stop)
        await asyncio.sleep(0.3)
        await asyncio.to_thread(private_redis.start)
        after: list[dict[str, Any]] = []
        reader = asyncio.create_task(_collect(sub, after))
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and {"i": "after"} not in after:
            with contextlib.suppress(redis.ConnectionError):  # the publisher's pool reconnects on its next command
                await publisher.publish("c", {"i": "after"})
            await asyncio.sleep(0.2)
        reader.cancel()
        await sub.close()
        await bus.close()
        await publisher.close()
        return before, after

    before, after = asyncio.run(scenario())
    assert before == [{"i": "before"}]
    assert after[0] == {"type": "resync", "reason": "bus_reconnected", "missed": None}
    assert {"i": "after"} in after[1:]


def test_subscribing_while_another_subscriber_leaves_the_same_channel_misses_nothing(redis_url) -> None:  # type: ignore[no-untyped-def]
    """SUBSCRIBE and UNSUBSCRIBE of one channel interleave; each new subscriber still gets what follows."""
    async def scenario() -> list[int]:
        bus, publisher = RedisBus(redis_url), RedisBus(redis_url)
        channel = f"test:{uuid.uuid4().hex}"
        got = []
        old = await bus.subscribe([channel])
        for i in range(30):
            if i % 2:  # the leaver first: UNSUBSCRIBE then SUBSCRIBE go out back to back
                _, new = await asyncio.gather(old.close(), bus.subscribe([channel]))
            else:
                new, _ = await asyncio.gather(bus.subscribe([channel]), old.close())
            await publisher.publish(channel, {"i": i})
            got.append((await _take(new, 1))[0]["i"])
            old = new
        await old.close()
        await bus.close()
        await publisher.close()
        return got

    assert asyncio.run(scenario()) == list(range(30))
