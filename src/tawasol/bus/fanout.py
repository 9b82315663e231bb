"""This process's subscribers: channel -> bounded per-subscriber queues, shared by both buses.

A slow consumer loses its oldest events, never the publisher's time or the process's memory, and is
told so by a resync marker at the place of the gap (see `bus.base`). Delivery is safe from any thread
or event loop: it hops onto the subscriber's loop.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections import deque
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from tawasol.bus.base import BUS_RECONNECTED, DEFAULT_BACKLOG, SLOW_CONSUMER, Subscription, resync_event

log = logging.getLogger(__name__)


@dataclass
class _Gap:
    """Events are missing here: `missed` of them, or an unknown number (None)."""

    reason: str
    missed: int | None

    def merge(self, other: _Gap | None) -> _Gap:
        if other is None:
            return self
        unknown = self.missed is None or other.missed is None
        reason = SLOW_CONSUMER if self.reason == other.reason == SLOW_CONSUMER else BUS_RECONNECTED
        return _Gap(reason, None if unknown else (self.missed or 0) + (other.missed or 0))


class LocalSubscription(Subscription):
    def __init__(self, channels: Sequence[str], backlog: int,
                 release: Callable[[LocalSubscription], Awaitable[None]]) -> None:
        self.channels = tuple(dict.fromkeys(channels))
        self.loop = asyncio.get_running_loop()
        self.backlog = backlog
        self.dropped = 0  # events this subscriber lost for being slow, in all
        self._items: deque[dict[str, Any] | _Gap] = deque()
        self._ready = asyncio.Event()
        self._release = release
        self._closed = False

    def deliver(self, event: dict[str, Any]) -> None:
        self._on_loop(self._put, event)

    def interrupted(self, reason: str) -> None:
        """Events may have been lost from here on (the bus reconnected): say so in the stream."""
        self._on_loop(self._put, _Gap(reason, None))

    def _on_loop(self, fn: Callable[..., None], *args: Any) -> None:
        try:
            running: asyncio.AbstractEventLoop | None = asyncio.get_running_loop()
        except RuntimeError:
            running = None
        if running is self.loop:
            fn(*args)
        elif not self.loop.is_closed():
            self.loop.call_soon_threadsafe(fn, *args)

    def _put(self, item: dict[str, Any] | _Gap) -> None:
        if self._closed:
            return
        items = self._items
        if isinstance(item, _Gap) and items and isinstance(items[-1], _Gap):
            items[-1] = items[-1].merge(item)
            return
        if len(items) >= self.backlog:
            gap: _Gap | None = None
            while items and (len(items) >= self.backlog or isinstance(items[0], _Gap)):
                old = items.popleft()
                gap = old.merge(gap) if isinstance(old, _Gap) else _Gap(SLOW_CONSUMER, 1).merge(gap)
                self.dropped += 0 if isinstance(old, _Gap) else 1
            if gap is not None:
                if self.dropped == 1 or self.dropped % self.backlog == 0:
                    log.warning("slow subscriber of %s: %d events dropped so far", ",".join(self.channels),
                                self.dropped)
                items.appendleft(gap)
        items.append(item)
        self._ready.set()

    async def __aiter__(self) -> AsyncIterator[dict[str, Any]]:
        while True:
            while not self._items and not self._closed:
                self._ready.clear()
                await self._ready.wait()
            if self._closed:
                return
            item = self._items.popleft()
            yield resync_event(item.reason, item.missed) if isinstance(item, _Gap) else item

    def end(self) -> None:
        """Stop the stream at once (the consumer closed it, or the bus is closing)."""
        self._on_loop(self._end)

    def _end(self) -> None:
        self._closed = True
        self._items.clear()
        self._ready.set()

    async def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self.end()
        await self._release(self)


class Fanout:
    """Which local subscriber listens to which channel."""

    def __init__(self, backlog: int = DEFAULT_BACKLOG) -> None:
        if backlog < 1:
            raise ValueError(f"backlog: expected at least 1, got {backlog}")
        self.backlog = backlog
        self._subs: dict[str, set[LocalSubscription]] = {}
        self._lock = threading.Lock()  # publishers may run on other threads

    def add(self, sub: LocalSubscription) -> list[str]:
        """Register a subscriber; returns its channels that had no subscriber before."""
        with self._lock:
            new = [ch for ch in sub.channels if ch not in self._subs]
            for ch in sub.channels:
                self._subs.setdefault(ch, set()).add(sub)
        return new

    def remove(self, sub: LocalSubscription) -> list[str]:
        """Unregister a subscriber; returns its channels that have no subscriber left."""
        idle = []
        with self._lock:
            for ch in sub.channels:
                subs = self._subs.get(ch)
                if subs is None:
                    continue
                subs.discard(sub)
                if not subs:
                    del self._subs[ch]
                    idle.append(ch)
        return idle

    def deliver(self, channel: str, event: dict[str, Any]) -> int:
        with self._lock:
            subs = list(self._subs.get(channel, ()))
        for sub in subs:
            sub.deliver(event)
        return len(subs)

    def interrupted(self, channels: Iterable[str], reason: str) -> None:
        for sub in self.subscribers(channels):
            sub.interrupted(reason)

    def subscribers(self, channels: Iterable[str] | None = None) -> set[LocalSubscription]:
        with self._lock:
            wanted = self._subs.keys() if channels is None else channels
            return {sub for ch in wanted for sub in self._subs.get(ch, ())}

    def channels(self) -> list[str]:
        with self._lock:
            return list(self._subs)

    def end_all(self) -> None:
        for sub in self.subscribers():
            sub.end()
        with self._lock:
            self._subs.clear()
