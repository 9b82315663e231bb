"""The in-process bus: ordered delivery, publishing from other threads, and what a slow consumer is told."""

from __future__ import annotations

import asyncio
import threading
from typing import Any

from tawasol.bus import InMemoryBus, Subscription


async def _take(sub: Subscription, n: int) -> list[dict[str, Any]]:
    it = sub.__aiter__()
    return [await asyncio.wait_for(it.__anext__(), timeout=5) for _ in range(n)]


def test_in_memory_bus_delivers_in_order_and_only_its_channels() -> None:
    async def scenario() -> list[int]:
        bus = InMemoryBus()
        sub = await bus.subscribe(["c"])
        for i in range(5):
            await bus.publish("c", {"i": i})
        await bus.publish("other", {"i": 99})
        got = [e["i"] for e in await _take(sub, 5)]
        await sub.close()
        return got

    assert asyncio.run(scenario()) == [0, 1, 2, 3, 4]


def test_a_slow_consumer_is_told_how_many_events_it_missed_and_keeps_the_newest() -> None:
    """A consumer that falls behind is not dropped in silence: the oldest events make way and a
    resync marker (with the count) comes first, so it can reload from its last seq."""
    async def scenario() -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        bus = InMemoryBus(backlog=10)
        sub = await bus.subscribe(["c"])
        for i in range(25):
            await bus.publish("c", {"type": "message", "i": i})
        first = await _take(sub, 11)
        await bus.publish("c", {"type": "message", "i": 25})  # still subscribed afterwards
        after = await _take(sub, 1)
        await sub.close()
        return first, after

    first, after = asyncio.run(scenario())
    assert first[0] == {"type": "resync", "reason": "slow_consumer", "missed": 15}
    assert [e["i"] for e in first[1:]] == list(range(15, 25))
    assert after == [{"type": "message", "i": 25}]


def test_publishing_from_another_thread_reaches_the_subscriber_loop() -> None:
    async def scenario() -> list[dict[str, Any]]:
        bus = InMemoryBus()
        sub = await bus.subscribe(["c"])
        t = threading.Thread(target=lambda: asyncio.run(bus.publish("c", {"from": "thread"})))
        t.start()
        t.join()
        got = await _take(sub, 1)
        await sub.close()
        return got

    assert asyncio.run(scenario()) == [{"from": "thread"}]


def test_closing_the_bus_ends_every_subscription() -> None:
    async def scenario() -> list[dict[str, Any]]:
        bus = InMemoryBus()
        sub = await bus.subscribe(["c"])
        reader = asyncio.create_task(_drain(sub))
        await asyncio.sleep(0)
        await bus.close()
        return await asyncio.wait_for(reader, timeout=5)

    assert asyncio.run(scenario()) == []


async def _drain(sub: Subscription) -> list[dict[str, Any]]:
    return [event async for event in sub]
