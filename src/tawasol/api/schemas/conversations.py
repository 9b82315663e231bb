"""The customer side: open a conversation, post a message, read the transcript, the queue, the survey."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from tawasol.api.schemas.common import LANG, ConversationPublic, MessagePublic, Public, Strict


class CustomerIn(Strict):
    name: str | None = Field(default=None, max_length=200)
    email: str | None = Field(default=None, max_length=320)
    phone: str | None = Field(default=None, max_length=64)
    external_id: str | None = Field(default=None, max_length=128)
    # hex HMAC-SHA256 of external_id under the tenant's identity secret; without it external_id is ignored
    external_id_signature: str | None = Field(default=None, max_length=128)
    preferred_language: LANG | None = None
    consent: dict[str, Any] = Field(default_factory=dict)


class ConversationCreate(Strict):
    tenant: str = Field(min_length=1, max_length=64)
    channel: Literal["web", "api", "whatsapp", "email", "voice"] = "web"
    customer: CustomerIn = Field(default_factory=CustomerIn)
    language: LANG | None = None


class ConversationCreated(Public):
    id: str
    customer_token: str
    status: str
    messages: list[MessagePublic]  # what opens the conversation: the AI disclosure


class MessageCreate(Strict):
    # The character limit is enforced by the service (413), not here (422), so it stays configurable.
    text: str = Field(min_length=1)
    client_message_id: str | None = Field(default=None, min_length=1, max_length=128)


class MessagePosted(Public):
    message: MessagePublic
    replies: list[MessagePublic]
    status: str
    replayed: bool = False


class MessagesPublic(Public):
    conversation: ConversationPublic
    data: list[MessagePublic]
    count: int


class CsatIn(Strict):
    score: int = Field(ge=1, le=5)
    comment: str | None = Field(default=None, max_length=1000)


class CsatRecorded(Public):
    conversation_id: str
    score: int
