"""Redis pub/sub bus: any API process can serve any WebSocket, events travel through Redis."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Sequence
from typing import Any

import redis.asyncio as aioredis

from tawasol.bus.base import EventBus, Subscription

_PREFIX = "tawasol:"


class _RedisSubscription(Subscription):
    def __init__(self, pubsub: Any, early: list[dict[str, Any]]) -> None:
        self.pubsub = pubsub
        self.early = early  # events that arrived while we waited for the confirmations
        self._closed = False

    async def __aiter__(self) -> AsyncIterator[dict[str, Any]]:  # type: ignore[override]
        while self.early:
            yield self.early.pop(0)
        while not self._closed:
            msg = await self.pubsub.get_message(ignore_subscribe_messages=True, timeout=1.0)
            if msg is None or msg.get("type") != "message":
                continue
            yield json.loads(msg["data"])

    async def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        try:
            await self.pubsub.unsubscribe()
        finally:
            await self.pubsub.aclose()


class RedisBus(EventBus):
    def __init__(self, url: str) -> None:
        self.url = url
        self.redis = aioredis.from_url(url, decode_responses=True)

    async def publish(self, channel: str, event: dict[str, Any]) -> None:
        await self.redis.publish(_PREFIX + channel, json.dumps(event, ensure_ascii=False, default=str))

    async def subscribe(self, channels: Sequence[str]) -> Subscription:
        pubsub = self.redis.pubsub()
        await pubsub.subscribe(*[_PREFIX + c for c in channels])
        # Wait for the subscribe confirmations so that nothing published afterwards is missed.
        confirmed, early = 0, []
        while confirmed < len(channels):
            msg = await pubsub.get_message(timeout=5.0)
            if msg is None:
                break
            if msg.get("type") == "subscribe":
                confirmed += 1
            elif msg.get("type") == "message":
                early.append(json.loads(msg["data"]))
        return _RedisSubscription(pubsub, early)

    async def close(self) -> None:
        await self.redis.aclose()
