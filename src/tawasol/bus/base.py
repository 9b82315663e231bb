"""The bus interface: publish an event on a channel; subscribe to channels as an async iterator.

A subscriber is never dropped in silence. When events may be missing from its stream, it reads
`{"type": "resync", "reason": ..., "missed": n}` at the place of the gap, then the events that follow:
reason `slow_consumer` (it fell `backlog` events behind; the oldest were dropped, `missed` says how
many) or `bus_reconnected` (the connection to Redis was lost and restored; `missed` is None: unknown).
A consumer resynchronises from its last seq (the WebSocket's `after_seq`).
"""

from __future__ import annotations

import abc
from collections.abc import AsyncIterator, Sequence
from typing import Any

RESYNC = "resync"
SLOW_CONSUMER = "slow_consumer"
BUS_RECONNECTED = "bus_reconnected"
DEFAULT_BACKLOG = 1000  # events a subscriber may fall behind before the oldest are dropped


def resync_event(reason: str, missed: int | None) -> dict[str, Any]:
    return {"type": RESYNC, "reason": reason, "missed": missed}


class Subscription(abc.ABC):
    """Events of the subscribed channels, in order per channel; close it when done."""

    @abc.abstractmethod
    def __aiter__(self) -> AsyncIterator[dict[str, Any]]: ...

    @abc.abstractmethod
    async def close(self) -> None: ...

    async def __aenter__(self) -> Subscription:
        return self

    async def __aexit__(self, *_: Any) -> None:
        await self.close()


class EventBus(abc.ABC):
    @abc.abstractmethod
    async def publish(self, channel: str, event: dict[str, Any]) -> None: ...

    @abc.abstractmethod
    async def subscribe(self, channels: Sequence[str]) -> Subscription:
        """Returns once the subscription is active, so no event published afterwards is missed."""

    async def close(self) -> None:
        """Release the bus's connections; every open subscription ends."""
        return None
