"""The bus interface: publish an event on a channel; subscribe to channels as an async iterator."""

from __future__ import annotations

import abc
from collections.abc import AsyncIterator, Sequence
from typing import Any


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
        return None
