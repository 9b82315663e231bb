"""Entities of the contact centre: tenants, customers, conversations, messages, people, decisions."""

from __future__ import annotations

import enum
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any


def new_id() -> str:
    return str(uuid.uuid4())


def utcnow() -> datetime:
    return datetime.now(UTC)


class ConversationStatus(str, enum.Enum):
    BOT = "bot"
    QUEUED = "queued"
    ASSIGNED = "assigned"
    RESOLVED = "resolved"
    CLOSED = "closed"


class Author(str, enum.Enum):
    CUSTOMER = "customer"
    BOT = "bot"
    AGENT = "agent"
    SYSTEM = "system"


class Role(str, enum.Enum):
    AGENT = "agent"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"


class Presence(str, enum.Enum):
    ONLINE = "online"
    AWAY = "away"
    OFFLINE = "offline"


class Channel(str, enum.Enum):
    WEB = "web"
    API = "api"
    WHATSAPP = "whatsapp"
    EMAIL = "email"
    VOICE = "voice"


# Which status may follow which: a resolved conversation can be reopened by the customer,
# a closed one never changes again.
ALLOWED_TRANSITIONS: dict[ConversationStatus, set[ConversationStatus]] = {
    ConversationStatus.BOT: {ConversationStatus.QUEUED, ConversationStatus.ASSIGNED,
                             ConversationStatus.RESOLVED, ConversationStatus.CLOSED},
    ConversationStatus.QUEUED: {ConversationStatus.ASSIGNED, ConversationStatus.RESOLVED,
                                ConversationStatus.CLOSED, ConversationStatus.BOT},
    ConversationStatus.ASSIGNED: {ConversationStatus.QUEUED, ConversationStatus.RESOLVED,
                                  ConversationStatus.CLOSED},
    ConversationStatus.RESOLVED: {ConversationStatus.BOT, ConversationStatus.QUEUED,
                                  ConversationStatus.CLOSED},
    ConversationStatus.CLOSED: set(),
}


@dataclass
class Tenant:
    slug: str
    name: str
    settings: dict[str, Any] = field(default_factory=dict)
    id: str = field(default_factory=new_id)
    created_at: datetime = field(default_factory=utcnow)


@dataclass
class Customer:
    tenant_id: str
    name: str | None = None
    email: str | None = None
    phone: str | None = None
    external_id: str | None = None
    preferred_language: str | None = None
    consent: dict[str, Any] = field(default_factory=dict)
    attributes: dict[str, Any] = field(default_factory=dict)
    contact_encrypted: bytes | None = None  # name/email/phone, AES-GCM under the customer's key
    id: str = field(default_factory=new_id)
    created_at: datetime = field(default_factory=utcnow)


@dataclass
class Conversation:
    tenant_id: str
    customer_id: str
    channel: str = Channel.WEB.value
    language: str | None = None
    status: str = ConversationStatus.BOT.value
    queue_id: str | None = None
    assigned_agent_id: str | None = None
    subject: str | None = None
    id: str = field(default_factory=new_id)
    created_at: datetime = field(default_factory=utcnow)
    updated_at: datetime = field(default_factory=utcnow)
    closed_at: datetime | None = None
    priority: int = 0
    queued_at: datetime | None = None
    assigned_at: datetime | None = None

    def move_to(self, status: ConversationStatus) -> bool:
        """Change status if the transition is allowed; returns whether anything changed."""
        current = ConversationStatus(self.status)
        if status == current:
            return False
        if status not in ALLOWED_TRANSITIONS[current]:
            from tawasol.domain.errors import Conflict

            raise Conflict(f"conversation is {current.value}, cannot become {status.value}")
        self.status = status.value
        self.updated_at = utcnow()
        if status in (ConversationStatus.RESOLVED, ConversationStatus.CLOSED):
            self.closed_at = self.updated_at
        return True


@dataclass
class Message:
    tenant_id: str
    conversation_id: str
    author: str
    text: str
    seq: int = 0
    author_user_id: str | None = None
    client_message_id: str | None = None
    text_encrypted: bytes | None = None
    in_reply_to: str | None = None
    analysis: dict[str, Any] = field(default_factory=dict)
    id: str = field(default_factory=new_id)
    created_at: datetime = field(default_factory=utcnow)


@dataclass
class User:
    """A person who logs in: agent, supervisor or admin; may serve several tenants."""

    email: str
    password_hash: str
    role: str = Role.AGENT.value
    display_name: str = ""
    languages: list[str] = field(default_factory=list)
    skills: list[str] = field(default_factory=list)
    capacity: int = 3
    presence: str = Presence.OFFLINE.value
    active: bool = True
    ui_language: str | None = None  # the staff screens' language (fr, ar, en); None: the browser's
    id: str = field(default_factory=new_id)
    created_at: datetime = field(default_factory=utcnow)
    last_assigned_at: datetime | None = None


# An agent is a user with the agent role; the alias keeps the domain vocabulary.
Agent = User


@dataclass
class Membership:
    """Which tenants a user serves."""

    user_id: str
    tenant_id: str
    id: str = field(default_factory=new_id)


@dataclass
class Queue:
    tenant_id: str
    name: str
    skills: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    sla_seconds: int = 60
    is_default: bool = False
    id: str = field(default_factory=new_id)


@dataclass
class DecisionRecord:
    """One automated decision: what went in (redacted), which model, what came out, and why."""

    tenant_id: str
    kind: str
    outcome: str
    model: str
    model_version: str
    conversation_id: str | None = None
    message_id: str | None = None
    inputs: dict[str, Any] = field(default_factory=dict)
    reasons: list[dict[str, Any]] = field(default_factory=list)
    id: str = field(default_factory=new_id)
    created_at: datetime = field(default_factory=utcnow)


@dataclass
class AuthToken:
    """An opaque bearer token, stored only as its SHA-256 hash."""

    token_hash: str
    kind: str  # "user" or "customer"
    expires_at: datetime
    tenant_id: str | None = None
    user_id: str | None = None
    conversation_id: str | None = None
    created_at: datetime = field(default_factory=utcnow)


@dataclass
class CustomerKey:
    """The customer's data key, wrapped by the master key; erasing it crypto-shreds their raw data."""

    customer_id: str
    tenant_id: str
    wrapped_key: bytes | None
    master_key_id: str
    created_at: datetime = field(default_factory=utcnow)
    shredded_at: datetime | None = None


@dataclass
class AuditEntry:
    """One link of the tamper-evident audit chain (hash covers prev_hash and the content)."""

    actor: str
    action: str
    target: str
    prev_hash: str
    hash: str
    tenant_id: str | None = None
    details: dict[str, Any] = field(default_factory=dict)
    created_at: datetime = field(default_factory=utcnow)
    seq: int | None = None


@dataclass
class Article:
    """One language variant of a knowledge-base article; variants share `article_key`."""

    tenant_id: str
    article_key: str
    language: str
    title: str
    body: str
    tags: list[str] = field(default_factory=list)
    intent: str | None = None
    url: str | None = None
    id: str = field(default_factory=new_id)
    updated_at: datetime = field(default_factory=utcnow)


@dataclass
class CustomerScore:
    """A customer's latest churn risk, or the predicted CSAT of one closed conversation, with its reasons."""

    tenant_id: str
    customer_id: str
    kind: str  # "churn" or "csat"
    score: float
    band: str
    model_version: str
    explanation: dict[str, Any] = field(default_factory=dict)
    conversation_id: str | None = None
    id: str = field(default_factory=new_id)
    created_at: datetime = field(default_factory=utcnow)


@dataclass
class ModelCardRecord:
    """A tenant's model card as stored: what a score model learned from, when, and how well it does."""

    tenant_id: str
    kind: str
    version: str
    card: dict[str, Any] = field(default_factory=dict)
    id: str = field(default_factory=new_id)
    created_at: datetime = field(default_factory=utcnow)
