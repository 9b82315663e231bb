"""Personal data: a revealed message, a data-subject export, an erasure."""

from __future__ import annotations

from typing import Any

from pydantic import Field

from tawasol.api.schemas.common import ConversationPublic, MessagePublic, Public, Strict


class RevealIn(Strict):
    conversation_id: str
    message_id: str
    reason: str = Field(min_length=3, max_length=300)


class EraseIn(Strict):
    confirm: bool = Field(description="must be true: erasure cannot be undone")


class Revealed(Public):
    message_id: str
    text: str


class ExportedCustomer(Public):
    id: str
    name: str | None
    email: str | None
    phone: str | None
    external_id: str | None
    preferred_language: str | None
    consent: dict[str, Any]
    attributes: dict[str, Any]
    created_at: str


class ExportedMessage(MessagePublic):
    # the customer's or the agent's words as written, while their key exists (None: no longer readable)
    original_text: str | None = None


class ExportedConversation(ConversationPublic):
    messages: list[ExportedMessage]


class CustomerExport(Public):
    """Everything held about a customer (data-subject access), with their own words decrypted."""

    customer: ExportedCustomer
    conversations: list[ExportedConversation]
    exported_at: str


class CustomerErased(Public):
    customer_id: str
    conversations: int
    key_shredded: bool
