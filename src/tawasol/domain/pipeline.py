"""The message-processing pipeline's step interface; capabilities implement it, the service runs it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from tawasol.domain.analysis import MessageAnalysis
from tawasol.domain.model import Conversation, Customer, DecisionRecord, Message, Tenant


@dataclass
class Reply:
    """Something the virtual agent says back; `sources` cite knowledge-base articles."""

    text: str
    author: str = "bot"
    sources: list[dict[str, Any]] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Escalation:
    """The decision to hand the conversation to a person, with the reasons behind it."""

    reasons: list[dict[str, Any]]
    priority: int = 0
    queue: str | None = None
    skills: list[str] = field(default_factory=list)


@dataclass
class MessageContext:
    """Everything a step may read or add while one customer message goes through the pipeline."""

    tenant: Tenant
    conversation: Conversation
    customer: Customer
    message: Message
    history: list[Message]
    text: str  # redacted once the privacy step has run: what may be stored, logged, shown or sent out
    # What the customer typed, for the local models to read in memory only (never stored, logged or sent).
    raw_text: str = ""
    analysis: MessageAnalysis = field(default_factory=MessageAnalysis)
    replies: list[Reply] = field(default_factory=list)
    escalation: Escalation | None = None
    decisions: list[DecisionRecord] = field(default_factory=list)
    stop: bool = False  # a step may end the pipeline early (e.g. after escalating)


    @property
    def understood_text(self) -> str:
        """The text local understanding reads: the raw text when known, else the (redacted) text."""
        return self.raw_text or self.text


@runtime_checkable
class PipelineStep(Protocol):
    """One stage of message processing. `process` mutates and returns the context."""

    name: str

    def process(self, ctx: MessageContext) -> MessageContext: ...
