"""The agent console: who I am, the inbox, a conversation with its handoff packet, replies, assist, colleagues."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from tawasol.api.schemas.common import (
    ConversationPublic,
    DecisionPublic,
    MessagePublic,
    Public,
    QueuePublic,
    QueueStatusPublic,
    StaffMessagePublic,
    Strict,
    UserPublic,
)
from tawasol.api.schemas.conversations import MessageCreate


class AgentMessageCreate(MessageCreate):
    internal: bool = False


class PresenceIn(Strict):
    presence: Literal["online", "away", "offline"]


class ResolveIn(Strict):
    disposition: str | None = Field(default=None, max_length=100)
    summary: str | None = Field(default=None, max_length=4000)


class TransferIn(Strict):
    queue: str | None = Field(default=None, max_length=100)
    agent_id: str | None = Field(default=None, max_length=36)
    note: str | None = Field(default=None, max_length=2000)


class TenantBrief(Public):
    id: str
    slug: str
    name: str


class MePublic(UserPublic):
    tenants: list[TenantBrief]


class InboxConversationPublic(ConversationPublic):
    last_message: MessagePublic | None  # what the customer last wrote (redacted); None before they write
    customer_name: str | None
    priority: int
    assigned_at: str | None
    queued_at: str | None


class InboxPublic(Public):
    data: list[InboxConversationPublic]
    count: int


class BotAnswer(Public):
    text: str
    outcome: str | None
    sources: list[str | None]  # the titles of the articles it cited


class PreviousContact(Public):
    id: str
    date: str
    status: str
    language: str | None
    first_message: str
    disposition: str | None
    summary: str | None


class HandoffPacket(Public):
    """Everything the agent needs at a glance: why, language, intent, sentiment, what the bot did, history."""

    reasons: list[dict[str, Any]]
    reasons_in_words: list[str]
    language: str | None
    code_switching: bool
    intent: str | None
    intent_confidence: float | None
    sentiment: str | None
    sentiment_intensity: float | None
    signals: dict[str, Any]
    worst_negative_intensity: float
    segment: Any  # the customer's segment attribute, as the tenant stored it
    bot_answers: list[BotAnswer]
    actions_tried: list[str]
    summary: str
    previous_contacts: list[PreviousContact]


class AgentBrief(Public):
    id: str
    display_name: str


class CustomerBrief(Public):
    id: str
    name: str | None
    preferred_language: str | None
    attributes: dict[str, Any]
    external_id: str | None


class ConversationDetailPublic(Public):
    handoff: HandoffPacket
    assigned_agent: AgentBrief | None
    queue_status: QueueStatusPublic
    conversation: ConversationPublic
    customer: CustomerBrief | None
    queue: QueuePublic | None
    messages: list[StaffMessagePublic]
    decisions: list[DecisionPublic]
    previous_conversations: list[ConversationPublic]


class SuggestionPublic(Public):
    text: str
    source: str  # "kb" or "past_reply"
    score: float
    language: str | None
    title: str | None
    article_key: str | None
    url: str | None
    intent: str | None


class AssistPublic(Public):
    """Suggested replies for the customer's last messages, in their language, ranked by the case's intent."""

    language: str | None
    query: str
    intent: str | None
    suggestions: list[SuggestionPublic]


class KbHitPublic(SuggestionPublic):
    excerpt: str


class KbHitsPublic(Public):
    data: list[KbHitPublic]
    count: int


class ColleaguePublic(Public):
    id: str
    display_name: str
    presence: str
    languages: list[str]
    skills: list[str]
    load: int
    capacity: int


class TenantQueuePublic(QueuePublic):
    tenant_id: str


class ColleaguesPublic(Public):
    """Agents and queues one can transfer to."""

    agents: list[ColleaguePublic]
    queues: list[TenantQueuePublic]
