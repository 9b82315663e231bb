"""Event shapes and channel names for the bus (customer widget, agent console, supervisors)."""

from __future__ import annotations

from typing import Any

from tawasol.domain.model import Conversation, Message
from tawasol.service.views import conversation_view, message_view


def conversation_channel(conversation_id: str) -> str:
    return f"conversation:{conversation_id}"


def tenant_channel(tenant_id: str) -> str:
    """Staff of a tenant (agents' inboxes, supervisor views) listen here."""
    return f"tenant:{tenant_id}"


def message_event(m: Message, staff: bool = False) -> dict[str, Any]:
    return {"type": "message", "conversation_id": m.conversation_id, "message": message_view(m, staff=staff)}


def conversation_event(kind: str, c: Conversation, **extra: Any) -> dict[str, Any]:
    return {"type": kind, "conversation_id": c.id, "conversation": conversation_view(c), **extra}


def status_event(c: Conversation, **extra: Any) -> dict[str, Any]:
    return {"type": "status", "conversation_id": c.id, "status": c.status, **extra}


def typing_event(conversation_id: str, author: str, typing: bool = True) -> dict[str, Any]:
    return {"type": "typing", "conversation_id": conversation_id, "author": author, "typing": typing}
