"""Priority of a waiting conversation: why it escalated, how the customer feels, who they are, how long."""

from __future__ import annotations

from typing import Any

SEGMENT_BOOST = {"vip": 2, "high_value": 2, "at_risk": 1}
MAX_AGEING = 3.0  # waiting past the SLA raises priority by at most this much


def base_priority(escalation_priority: int, sentiment: dict[str, Any] | None, segment: str | None) -> int:
    """Stored on the conversation when it is queued (0..8)."""
    p = max(0, int(escalation_priority))
    s = sentiment or {}
    signals = s.get("signals") or {}
    if s.get("label") == "negative" and float(s.get("intensity") or 0) >= 0.6:
        p += 1
    if float(signals.get("anger") or 0) >= 0.6 or float(signals.get("urgency") or 0) >= 0.6:
        p += 1
    p += SEGMENT_BOOST.get(str(segment or "").lower(), 0)
    return min(p, 8)


def effective_priority(priority: int, waited_seconds: float, sla_seconds: int) -> float:
    """Ageing: a conversation gains up to MAX_AGEING levels as it waits towards and past its SLA."""
    sla = max(1, sla_seconds)
    return priority + min(MAX_AGEING, max(0.0, waited_seconds) / sla)


def queue_order(entries: list[tuple[str, int, float, int]]) -> list[str]:
    """(id, priority, waited seconds, sla) -> ids in the order agents should take them."""
    return [e[0] for e in sorted(entries, key=lambda e: (-effective_priority(e[1], e[2], e[3]), -e[2]))]
