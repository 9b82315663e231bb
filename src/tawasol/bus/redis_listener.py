"""The process's one Redis pub/sub connection: it subscribes the channels local subscribers need,
reads every message in one task and hands it to the fan-out; it reconnects with back-off and
subscribes again, telling the subscribers that events may have been missed meanwhile."""

from __future__ import annotations

import asyncio
import builtins
import contextlib
import json
import logging
from collections import deque
from collections.abc import Callable, Sequence
from typing import Any

from redis.asyncio.connection import AbstractConnection
from redis.exceptions import ConnectionError, TimeoutError

from tawasol.bus.base import BUS_RECONNECTED
from tawasol.bus.fanout import Fanout

log = logging.getLogger(__name__)
PREFIX = "tawasol:"
_LOST = (ConnectionError, TimeoutError, OSError, asyncio.TimeoutError)


class RedisListener:
    def __init__(self, connect: Callable[[], AbstractConnection], fanout: Fanout, *,
                 confirm_timeout: float, health_interval: float, max_backoff: float = 5.0) -> None:
        self.loop = asyncio.get_running_loop()
        self._connect, self._fanout = connect, fanout
        self._confirm_timeout, self._health_interval, self._max_backoff = confirm_timeout, health_interval, max_backoff
        self._wanted: dict[str, asyncio.Future[None]] = {}  # channel -> confirmed by Redis
        self._pending: dict[str, deque[asyncio.Future[None]]] = {}  # SUBSCRIBE replies expected, in order
        self._late: set[str] = set()  # confirmed after a subscriber stopped waiting: resync on confirmation
        self._conn: AbstractConnection | None = None
        self._send_lock = asyncio.Lock()  # FIFO: commands reach Redis in the order they were decided
        self.closed = False
        self._task = self.loop.create_task(self._run(), name="tawasol-redis-listener")

    async def want(self, channels: Sequence[str]) -> None:
        """Subscribe the channels not yet subscribed; returns when Redis has confirmed them all, or
        after `confirm_timeout` (then the subscribers get a resync marker once it has)."""
        new = [ch for ch in channels if ch not in self._wanted]
        for ch in new:
            self._wanted[ch] = self.loop.create_future()
        conn = self._conn
        if new and conn is not None:
            for ch in new:
                self._pending.setdefault(ch, deque()).append(self._wanted[ch])
            await self._send(conn, "SUBSCRIBE", *[PREFIX + ch for ch in new])
        waits = {ch: self._wanted[ch] for ch in channels if ch in self._wanted}
        try:
            await asyncio.wait_for(asyncio.gather(*map(asyncio.shield, waits.values())), self._confirm_timeout)
        except builtins.TimeoutError:
            late = [ch for ch, fut in waits.items() if not fut.done()]
            self._late.update(late)
            log.warning("Redis has not confirmed a subscription within %.1f s (%s): events may be missed until it does",
                        self._confirm_timeout, ", ".join(late[:3]))

    async def unwant(self, channels: Sequence[str]) -> None:
        """Unsubscribe the channels that no local subscriber listens to any more."""
        listened = set(self._fanout.channels())
        idle = [ch for ch in channels if ch in self._wanted and ch not in listened]
        for ch in idle:
            fut = self._wanted.pop(ch)
            if not fut.done():
                fut.set_result(None)
            self._late.discard(ch)
        conn = self._conn
        if idle and conn is not None:
            await self._send(conn, "UNSUBSCRIBE", *[PREFIX + ch for ch in idle])

    async def _send(self, conn: AbstractConnection, *args: str) -> None:
        async with self._send_lock:
            if conn is not self._conn:  # reconnected meanwhile: the new connection subscribed everything
                return
            with contextlib.suppress(*_LOST):  # the reader notices the loss and reconnects
                await conn.send_command(*args, check_health=False)

    async def _run(self) -> None:
        backoff, connected_before, failures = 0.1, False, 0
        while not self.closed:
            conn = self._connect()
            try:
                await conn.connect()  # type: ignore[no-untyped-call]  # untyped in redis-py
                await self._subscribe_all(conn, resync=connected_before)
                if connected_before:
                    log.info("Redis bus reconnected; %d channels subscribed again", len(self._wanted))
                connected_before, backoff, failures = True, 0.1, 0
                await self._read(conn)
            except _LOST as exc:
                failures += 1
                if failures == 1:  # once per outage, not once per attempt
                    log.warning("Redis bus connection lost or refused (%s); reconnecting", exc)
            except Exception:  # noqa: BLE001 - the reader must outlive a bad reply
                failures += 1
                log.exception("Redis bus reader failed; reconnecting")
            finally:
                self._conn = None
                with contextlib.suppress(Exception):
                    await conn.disconnect(nowait=True)
            if not self.closed:
                await asyncio.sleep(backoff)
                backoff = min(backoff * 2, self._max_backoff)

    async def _subscribe_all(self, conn: AbstractConnection, resync: bool) -> None:
        async with self._send_lock:
            self._pending = {}
            channels = list(self._wanted)
            for ch in channels:
                fut = self._wanted[ch]
                self._pending[ch] = deque([fut if not fut.done() else self.loop.create_future()])
            if resync:
                self._late.update(channels)
            self._conn = conn
            if channels:
                await conn.send_command("SUBSCRIBE", *[PREFIX + ch for ch in channels], check_health=False)

    async def _read(self, conn: AbstractConnection) -> None:
        unanswered = False
        while True:
            reply = await conn.read_response(timeout=self._health_interval, push_request=True)
            if reply is None:  # quiet: is Redis still there?
                if unanswered:
                    raise TimeoutError(f"no reply to PING within {self._health_interval} s")
                unanswered = True
                await conn.send_command("PING", check_health=False)
                continue
            unanswered = False
            self._on_reply(reply)

    def _on_reply(self, reply: Any) -> None:
        if not isinstance(reply, list) or len(reply) < 2:
            return
        kind, channel = reply[0], str(reply[1]).removeprefix(PREFIX)
        if kind == "message" and len(reply) == 3:
            try:
                event = json.loads(reply[2])
            except ValueError:
                log.warning("ignored a message on %s that is not JSON", channel)
                return
            self._fanout.deliver(channel, event)
        elif kind == "subscribe":
            waiting = self._pending.get(channel)
            if waiting:
                fut = waiting.popleft()
                if not fut.done():
                    fut.set_result(None)
            if channel in self._late and channel in self._wanted:
                self._late.discard(channel)
                self._fanout.interrupted([channel], BUS_RECONNECTED)

    async def aclose(self) -> None:
        self.closed = True
        self._task.cancel()
        with contextlib.suppress(asyncio.CancelledError, Exception):
            await self._task
        for fut in self._wanted.values():
            if not fut.done():
                fut.set_result(None)
        self._wanted.clear()
