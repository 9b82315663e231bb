"""Commands: what callers ask the service layer to do, as typed data."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class CustomerDetails:
    name: str | None = None
    email: str | None = None
    phone: str | None = None
    external_id: str | None = None
    preferred_language: str | None = None
    consent: dict[str, Any] = field(default_factory=dict)
    external_id_signature: str | None = None  # see service/identity.py: unsigned ids are ignored


@dataclass(frozen=True)
class OpenConversation:
    tenant_slug: str
    channel: str = "web"
    customer: CustomerDetails = field(default_factory=CustomerDetails)
    language: str | None = None


@dataclass(frozen=True)
class CustomerSaid:
    conversation_id: str
    tenant_id: str
    text: str
    client_message_id: str | None = None


@dataclass(frozen=True)
class AgentSaid:
    conversation_id: str
    text: str
    client_message_id: str | None = None
    internal: bool = False  # an internal note: visible to staff only
