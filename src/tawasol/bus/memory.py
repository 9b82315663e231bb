"""In-process bus: events go straight to this process's subscriber queues; the embedded default.

Publishing is safe from any thread or event loop: delivery hops onto the subscriber's loop.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from tawasol.bus.base import DEFAULT_BACKLOG, EventBus, Subscription
from tawasol.bus.fanout import Fanout, LocalSubscription


class InMemoryBus(EventBus):
    def __init__(self, backlog: int = DEFAULT_BACKLOG) -> None:
        self._fanout = Fanout(backlog)

    async def publish(self, channel: str, event: dict[str, Any]) -> None:
        self._fanout.deliver(channel, event)

    async def subscribe(self, channels: Sequence[str]) -> Subscription:
        sub = LocalSubscription(channels, self._fanout.backlog, self._release)
        self._fanout.add(sub)
        return sub

    async def _release(self, sub: LocalSubscription) -> None:
        self._fanout.remove(sub)

    async def close(self) -> None:
        self._fanout.end_all()
