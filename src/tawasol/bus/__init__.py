"""Event bus: fan-out of conversation events to WebSockets, in-process or across processes via Redis."""

from tawasol.bus.base import EventBus, Subscription
from tawasol.bus.memory import InMemoryBus


def make_bus(redis_url: str = "") -> EventBus:
    if redis_url:
        from tawasol.bus.redis_bus import RedisBus

        return RedisBus(redis_url)
    return InMemoryBus()


__all__ = ["EventBus", "InMemoryBus", "Subscription", "make_bus"]
