"""Reads over a tenant's history for reports and models (features of churn and CSAT, staffing forecasts,
supervisor alerts, routing fairness, proactive outreach, the agent's past replies): queries against table
columns, returning typed rows."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any, NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from tawasol.domain.model import Conversation, ConversationStatus, Customer, CustomerScore, Message
from tawasol.store import tables

_convs = tables.conversations.c
_msgs = tables.messages.c
_decisions = tables.decision_records.c
_customers = tables.customers.c
_scores = tables.customer_scores.c
_OPEN = [ConversationStatus.BOT.value, ConversationStatus.QUEUED.value, ConversationStatus.ASSIGNED.value]
_ENDED = [ConversationStatus.RESOLVED.value, ConversationStatus.CLOSED.value]


class ConversationFacts(NamedTuple):
    """One conversation's columns that reports read (no text)."""

    id: str
    customer_id: str
    status: str
    channel: str
    language: str | None
    queue_id: str | None
    assigned_agent_id: str | None
    subject: str | None
    created_at: datetime
    closed_at: datetime | None
    queued_at: datetime | None
    assigned_at: datetime | None


class MessageSignal(NamedTuple):
    """A message's author and analysis (no text), for features over history."""

    conversation_id: str
    author: str
    analysis: Any


class CustomerProfile(NamedTuple):
    id: str
    preferred_language: str | None
    attributes: Any
    created_at: datetime


class WaitSample(NamedTuple):
    """A routing decision's language and the seconds the conversation waited for an agent."""

    language: str | None
    wait_seconds: float


class ReportRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def conversations_since(self, tenant_id: str, since: datetime) -> list[ConversationFacts]:
        stmt = select(
            _convs.id,
            _convs.customer_id,
            _convs.status,
            _convs.channel,
            _convs.language,
            _convs.queue_id,
            _convs.assigned_agent_id,
            _convs.subject,
            _convs.created_at,
            _convs.closed_at,
            _convs.queued_at,
            _convs.assigned_at,
        ).where(_convs.tenant_id == tenant_id, _convs.created_at >= since)
        return [ConversationFacts._make(row) for row in self.session.execute(stmt).tuples()]

    def message_signals(self, tenant_id: str, since: datetime, authors: Sequence[str]) -> list[MessageSignal]:
        stmt = select(_msgs.conversation_id, _msgs.author, _msgs.analysis).where(
            _msgs.tenant_id == tenant_id, _msgs.created_at >= since, _msgs.author.in_(list(authors))
        )
        return [MessageSignal._make(row) for row in self.session.execute(stmt).tuples()]

    def escalated_since(self, tenant_id: str, since: datetime) -> set[str]:
        """Ids of the tenant's conversations with an escalation decision since then."""
        stmt = select(_decisions.conversation_id).where(
            _decisions.tenant_id == tenant_id, _decisions.kind == "escalation", _decisions.created_at >= since
        )
        return {cid for cid in self.session.scalars(stmt) if cid is not None}

    def customer_profiles(self, tenant_id: str) -> list[CustomerProfile]:
        stmt = select(_customers.id, _customers.preferred_language, _customers.attributes, _customers.created_at).where(
            _customers.tenant_id == tenant_id
        )
        return [CustomerProfile._make(row) for row in self.session.execute(stmt).tuples()]

    def routing_waits(self, tenant_ids: Sequence[str], since: datetime) -> list[WaitSample]:
        """Language and wait of every routing decision of these tenants since then."""
        stmt = select(_decisions.inputs).where(
            _decisions.tenant_id.in_(list(tenant_ids)), _decisions.kind == "routing", _decisions.created_at >= since
        )
        return [
            WaitSample(inputs.get("language"), float(inputs.get("wait_seconds") or 0))
            for inputs in self.session.scalars(stmt)
            if isinstance(inputs, dict)
        ]

    def customer_messages_in_open(
        self, tenant_ids: Sequence[str], since: datetime, limit: int = 500
    ) -> list[tuple[Message, Conversation]]:
        """Customers' messages since then in conversations still open, newest first, with their conversation."""
        stmt = (
            select(Message, Conversation)
            .join(tables.conversations, _convs.id == _msgs.conversation_id)
            .where(
                _msgs.tenant_id.in_(list(tenant_ids)),
                _msgs.author == "customer",
                _msgs.created_at >= since,
                _convs.status.in_(_OPEN),
            )
            .order_by(_msgs.created_at.desc())
            .limit(limit)
        )
        return [(m, c) for m, c in self.session.execute(stmt).tuples()]

    def scores_of_kind(self, tenant_id: str, kind: str) -> list[CustomerScore]:
        stmt = select(CustomerScore).where(_scores.tenant_id == tenant_id, _scores.kind == kind)
        return list(self.session.scalars(stmt).all())

    def conversations_created_since(self, tenant_id: str, since: datetime) -> list[Conversation]:
        stmt = select(Conversation).where(_convs.tenant_id == tenant_id, _convs.created_at >= since)
        return list(self.session.scalars(stmt).all())

    def customers_of(self, tenant_id: str) -> list[Customer]:
        return list(self.session.scalars(select(Customer).where(_customers.tenant_id == tenant_id)).all())

    def customer_names(self, customer_ids: Sequence[str]) -> dict[str, str | None]:
        if not customer_ids:
            return {}
        stmt = select(_customers.id, _customers.name).where(_customers.id.in_(list(customer_ids)))
        return {str(i): n for i, n in self.session.execute(stmt).tuples()}

    def ended_conversation_languages(
        self, tenant_id: str, exclude_id: str, languages: Sequence[str] | None, limit: int
    ) -> dict[str, str | None]:
        """The tenant's latest resolved or closed conversations (id -> language), optionally in these languages."""
        stmt = select(_convs.id, _convs.language).where(
            _convs.tenant_id == tenant_id, _convs.id != exclude_id, _convs.status.in_(_ENDED)
        )
        if languages is not None:
            stmt = stmt.where(_convs.language.in_(list(languages)))
        stmt = stmt.order_by(_convs.updated_at.desc()).limit(limit)
        return {str(i): lang for i, lang in self.session.execute(stmt).tuples()}

    def exchanges(self, conversation_ids: Sequence[str]) -> list[Message]:
        """The customers' and agents' messages of these conversations, by conversation then seq."""
        if not conversation_ids:
            return []
        stmt = (
            select(Message)
            .where(_msgs.conversation_id.in_(list(conversation_ids)), _msgs.author.in_(["customer", "agent"]))
            .order_by(_msgs.conversation_id, _msgs.seq)
        )
        return list(self.session.scalars(stmt).all())
