"""What several resources share: the base classes, and the public views of messages, conversations,
users and queues."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

LANG = Literal["fr", "en", "es", "ar", "ary", "ary_Latn"]
MAX_SEQ = 2**31 - 1  # the range of the `seq` column (INTEGER on PostgreSQL): larger values are refused, 422


class Strict(BaseModel):
    """A request body: an unknown field is refused (422), never ignored."""

    model_config = ConfigDict(extra="forbid")


class Public(BaseModel):
    """A response body. Its fields are exactly those the service hands out: a field the schema does not
    name fails the response (and the tests) instead of vanishing from it unnoticed."""

    model_config = ConfigDict(extra="forbid")


class ChoicePublic(Public):
    """A quick reply offered under a bot question: `label` on the button, `value` sent as the message."""

    label: str
    value: str


class MessagePublic(Public):
    """A message as customers (and events) see it: no analysis."""

    id: str
    conversation_id: str
    seq: int
    author: str
    text: str
    client_message_id: str | None
    in_reply_to: str | None
    created_at: str
    sources: list[dict[str, Any]]  # the knowledge-base articles a bot answer cites, as stored with it
    internal: bool
    choices: list[ChoicePublic] = []  # yes/no or a flow's values, in the customer's language (empty: none)


class StaffMessagePublic(MessagePublic):
    """A message as staff see it, with what the pipeline read in it (language, intent, sentiment...)."""

    analysis: dict[str, Any]


class ConversationPublic(Public):
    id: str
    tenant_id: str
    customer_id: str
    channel: str
    language: str | None
    status: str
    queue_id: str | None
    assigned_agent_id: str | None
    subject: str | None
    created_at: str
    updated_at: str


class UserPublic(Public):
    id: str
    email: str
    role: str
    display_name: str
    languages: list[str]
    skills: list[str]
    capacity: int
    presence: str
    tenant_ids: list[str]
    ui_language: str | None = None  # the staff screens' language (fr, ar, en); None: the browser's


class QueuePublic(Public):
    id: str
    name: str
    skills: list[str]
    languages: list[str]
    sla_seconds: int
    is_default: bool


class DecisionPublic(Public):
    """A decision the platform took (escalation, routing, answer...), with its inputs and reasons."""

    id: str
    kind: str
    outcome: str
    model: str
    model_version: str
    inputs: dict[str, Any]
    reasons: list[dict[str, Any]]
    message_id: str | None
    created_at: str


class QueueStatusPublic(Public):
    """A conversation's place in its queue. Only a queued conversation has an SLA, a wait and a notice."""

    status: str
    position: int
    estimated_wait_seconds: int
    agents_online: int | None
    sla_seconds: int | None = None
    waited_seconds: int | None = None
    notice: str | None = None
