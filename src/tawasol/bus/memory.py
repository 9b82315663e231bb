"""In-process bus: one asyncio queue per subscriber; the embedded default.

Publishing is safe from any thread or event loop: delivery hops onto the subscriber's loop.
"""

from __future__ import annotations

import asyncio
from collections import defaultdict
from collections.abc import AsyncIterator, Sequence
from typing import Any

from tawasol.bus.base import EventBus, Subscription

_MAX_BACKLOG = 1000  # a subscriber this far behind is dropped rather than letting memory grow


class _MemorySubscription(Subscription):
    def __init__(self, bus: InMemoryBus, channels: Sequence[str]) -> None:
        self.bus, self.channels = bus, list(channels)
        self.queue: asyncio.Queue[dict[str, Any] | None] = asyncio.Queue(maxsize=_MAX_BACKLOG)
        self.loop = asyncio.get_running_loop()

    def deliver(self, event: dict[str, Any]) -> None:
        """Put an event on the queue from any thread or event loop."""
        try:
            running = asyncio.get_running_loop()
        except RuntimeError:
            running = None
        if running is self.loop:
            self._put(event)
        elif not self.loop.is_closed():
            self.loop.call_soon_threadsafe(self._put, event)

    def _put(self, event: dict[str, Any] | None) -> None:
        try:
            self.queue.put_nowait(event)
        except asyncio.QueueFull:  # too far behind: drop the subscriber, not the publisher
            self.bus._remove(self)

    async def __aiter__(self) -> AsyncIterator[dict[str, Any]]:  # type: ignore[override]
        while True:
            event = await self.queue.get()
            if event is None:
                return
            yield event

    async def close(self) -> None:
        self.bus._remove(self)
        self.deliver_end()

    def deliver_end(self) -> None:
        try:
            self.queue.put_nowait(None)
        except asyncio.QueueFull:
            pass


class InMemoryBus(EventBus):
    def __init__(self) -> None:
        self._subs: dict[str, set[_MemorySubscription]] = defaultdict(set)

    async def publish(self, channel: str, event: dict[str, Any]) -> None:
        for sub in list(self._subs.get(channel, ())):
            sub.deliver(event)

    async def subscribe(self, channels: Sequence[str]) -> Subscription:
        sub = _MemorySubscription(self, channels)
        for ch in channels:
            self._subs[ch].add(sub)
        return sub

    def _remove(self, sub: _MemorySubscription) -> None:
        for ch in sub.channels:
            self._subs.get(ch, set()).discard(sub)
            if not self._subs.get(ch):
                self._subs.pop(ch, None)
