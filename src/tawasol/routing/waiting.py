"""What the customer is told while waiting: their place and an estimated wait, in their language."""

from __future__ import annotations

import math

from tawasol.routing.notices import notice

DEFAULT_HANDLE_SECONDS = 240


def estimate_wait(position: int, free_slots: int, agents: int, handle_seconds: int = DEFAULT_HANDLE_SECONDS) -> int:
    """Seconds until an agent takes the conversation at `position` (1 = next)."""
    if position <= free_slots:
        return 0
    ahead = position - free_slots
    servers = max(1, agents)
    return int(math.ceil(ahead / servers) * handle_seconds)


def _minutes(seconds: int) -> int:
    return max(1, int(math.ceil(seconds / 60)))


def wait_notice(language: str | None, position: int, seconds: int, agents_online: int = 1) -> str:
    """The sentence the widget shows, e.g. "You are number 3 in the queue. Estimated wait: about 4 min."."""
    if agents_online <= 0:
        return notice("no_agent_available", language)
    if seconds <= 0:
        return notice("wait_soon", language)
    return notice("wait_position", language, n=position, m=_minutes(seconds))
