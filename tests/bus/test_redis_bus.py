"""The Redis bus: two API instances sharing one Redis serve the same conversation's WebSockets."""

from __future__ import annotations

import asyncio
import uuid

import pytest
from fastapi.testclient import TestClient

from tawasol.api import create_app
from tawasol.bus import InMemoryBus
from tawasol.bus.redis_bus import RedisBus
from tawasol.service.bootstrap import bootstrap
from tests import factories

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


def test_in_memory_bus_delivers_in_order() -> None:
    async def scenario() -> list[int]:
        bus = InMemoryBus()
        sub = await bus.subscribe(["c"])
        for i in range(5):
            await bus.publish("c", {"i": i})
        await bus.publish("other", {"i": 99})
        got = []
        it = sub.__aiter__()
        for _ in range(5):
            got.append((await it.__anext__())["i"])
        await sub.close()
        return got

    assert asyncio.run(scenario()) == [0, 1, 2, 3, 4]


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
