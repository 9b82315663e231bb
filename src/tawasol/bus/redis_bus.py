"""Redis pub/sub bus: any API process can serve any WebSocket, events travel through Redis.

Each process holds one pub/sub connection (`RedisListener`) whatever its number of WebSockets, and
fans each message out in memory to its local subscribers (`Fanout`); publishing uses a small blocking
pool, so a burst waits for a connection instead of failing.
"""

from __future__ import annotations

import asyncio
import json
import os
import uuid
from collections.abc import Awaitable, Sequence
from typing import Any, TypeVar

import redis.asyncio as aioredis
from redis.asyncio.connection import AbstractConnection

from tawasol.bus.base import DEFAULT_BACKLOG, EventBus, Subscription
from tawasol.bus.fanout import Fanout, LocalSubscription
from tawasol.bus.redis_listener import PREFIX, RedisListener

T = TypeVar("T")


class RedisBus(EventBus):
    def __init__(self, url: str, backlog: int = DEFAULT_BACKLOG, *, publish_connections: int = 16,
                 confirm_timeout: float = 5.0, health_interval: float = 15.0) -> None:
        self.url = url
        self.client_name = f"tawasol-bus-{os.getpid()}-{uuid.uuid4().hex[:8]}"  # how Redis lists our listener
        self._publish_connections = publish_connections
        self._confirm_timeout, self._health_interval = confirm_timeout, health_interval
        self._fanout = Fanout(backlog)
        self._clients: dict[asyncio.AbstractEventLoop, aioredis.Redis] = {}
        self._listener: RedisListener | None = None

    @property
    def redis(self) -> aioredis.Redis:
        """The publishing client of the running event loop (connections belong to one loop)."""
        loop = asyncio.get_running_loop()
        client = self._clients.get(loop)
        if client is None:
            for old in [lp for lp in self._clients if lp.is_closed()]:
                del self._clients[old]
            pool = aioredis.BlockingConnectionPool.from_url(
                self.url, decode_responses=True, max_connections=self._publish_connections, timeout=10)
            client = self._clients[loop] = aioredis.Redis.from_pool(pool)
        return client

    async def publish(self, channel: str, event: dict[str, Any]) -> None:
        await self.redis.publish(PREFIX + channel, json.dumps(event, ensure_ascii=False, default=str))

    async def subscribe(self, channels: Sequence[str]) -> Subscription:
        sub = LocalSubscription(channels, self._fanout.backlog, self._release)
        self._fanout.add(sub)
        listener = self._listener_for(asyncio.get_running_loop())
        try:
            await _on_loop(listener.loop, listener.want(sub.channels))
        except BaseException:
            await sub.close()
            raise
        return sub

    async def _release(self, sub: LocalSubscription) -> None:
        idle = self._fanout.remove(sub)
        listener = self._listener
        if idle and listener is not None and not listener.closed and listener.loop.is_running():
            await _on_loop(listener.loop, listener.unwant(idle))

    def _listener_for(self, loop: asyncio.AbstractEventLoop) -> RedisListener:
        """The listener lives on the loop of the first subscriber; a new one is started only when
        that loop has stopped (tests open and close event loops; a server keeps one)."""
        listener = self._listener
        if listener is None or listener.closed or not listener.loop.is_running():
            self._listener = listener = RedisListener(self._connection, self._fanout,
                                                      confirm_timeout=self._confirm_timeout,
                                                      health_interval=self._health_interval)
        return listener

    def _connection(self) -> AbstractConnection:
        pool = aioredis.ConnectionPool.from_url(self.url, decode_responses=True)
        return pool.connection_class(**{**pool.connection_kwargs, "client_name": self.client_name,
                                        "socket_keepalive": True})

    async def close(self) -> None:
        self._fanout.end_all()
        listener, self._listener = self._listener, None
        if listener is not None and listener.loop.is_running():
            await _on_loop(listener.loop, listener.aclose())
        loop = asyncio.get_running_loop()
        client = self._clients.pop(loop, None)
        if client is not None:
            await client.aclose()


async def _on_loop(loop: asyncio.AbstractEventLoop, work: Awaitable[T]) -> T:
    """Run a coroutine on `loop`, from that loop or any other."""
    if loop is asyncio.get_running_loop():
        return await work
    return await asyncio.wrap_future(asyncio.run_coroutine_threadsafe(work, loop))  # type: ignore[arg-type]
