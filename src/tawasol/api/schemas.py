"""Request and response bodies of the public API (pydantic)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

LANG = Literal["fr", "en", "es", "ar", "ary", "ary_Latn"]
MAX_SEQ = 2**31 - 1  # the range of the `seq` column (INTEGER on PostgreSQL): larger values are refused, 422


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class CustomerIn(_Strict):
    name: str | None = Field(default=None, max_length=200)
    email: str | None = Field(default=None, max_length=320)
    phone: str | None = Field(default=None, max_length=64)
    external_id: str | None = Field(default=None, max_length=128)
    # hex HMAC-SHA256 of external_id under the tenant's identity secret; without it external_id is ignored
    external_id_signature: str | None = Field(default=None, max_length=128)
    preferred_language: LANG | None = None
    consent: dict[str, Any] = Field(default_factory=dict)


class ConversationCreate(_Strict):
    tenant: str = Field(min_length=1, max_length=64)
    channel: Literal["web", "api", "whatsapp", "email", "voice"] = "web"
    customer: CustomerIn = Field(default_factory=CustomerIn)
    language: LANG | None = None


class ConversationCreated(BaseModel):
    id: str
    customer_token: str
    status: str
    messages: list[dict[str, Any]]


class MessageCreate(_Strict):
    # The character limit is enforced by the service (413), not here (422), so it stays configurable.
    text: str = Field(min_length=1)
    client_message_id: str | None = Field(default=None, min_length=1, max_length=128)


class AgentMessageCreate(MessageCreate):
    internal: bool = False


class MessagePosted(BaseModel):
    message: dict[str, Any]
    replies: list[dict[str, Any]]
    status: str
    replayed: bool = False


class MessagesPublic(BaseModel):
    conversation: dict[str, Any]
    data: list[dict[str, Any]]
    count: int


class LoginIn(_Strict):
    email: str = Field(min_length=3, max_length=320)
    password: str = Field(min_length=1, max_length=1024)


class TokenOut(BaseModel):
    access_token: str
    token_type: str = "bearer"
    user: dict[str, Any]


class PresenceIn(_Strict):
    presence: Literal["online", "away", "offline"]


class ResolveIn(_Strict):
    disposition: str | None = Field(default=None, max_length=100)
    summary: str | None = Field(default=None, max_length=4000)
