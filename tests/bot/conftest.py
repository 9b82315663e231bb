"""A conversation driver: runs BotStep turn after turn, storing bot state the way the service does."""

from __future__ import annotations

from pathlib import Path

import pytest

from tawasol.bot import BotStep, KnowledgeIndex, load_articles, load_flows
from tawasol.domain.analysis import Entity, IntentResult, LanguageResult, MessageAnalysis
from tawasol.domain.model import Conversation, Customer, Message, Tenant
from tawasol.domain.pipeline import MessageContext

DEMO_KB = Path(__file__).resolve().parents[2] / "src" / "tawasol" / "demo" / "kb"


@pytest.fixture(scope="session")
def demo_index() -> KnowledgeIndex:
    return KnowledgeIndex.build(load_articles(DEMO_KB), version="test")


class Chat:
    def __init__(self, step: BotStep, settings: dict | None = None) -> None:
        self.step = step
        self.tenant = Tenant(slug="atlas-telecom", name="Atlas", settings={"bot": settings or {}})
        self.customer = Customer(tenant_id=self.tenant.id)
        self.conversation = Conversation(tenant_id=self.tenant.id, customer_id=self.customer.id)
        self.history: list[Message] = []

    def say(self, text: str, intent: str | None = None, confidence: float = 0.9,
            out_of_scope: bool = False, language: str | None = None,
            pii: list[Entity] | None = None, redacted: str | None = None,
            languages: list[str] | None = None, language_confidence: float = 0.95) -> MessageContext:
        """One customer message. `redacted`/`pii`: what the privacy step made of `text` (then `text` is
        the raw text, read in memory only, and the stored message holds the redaction)."""
        stored = redacted if redacted is not None else text
        msg = Message(tenant_id=self.tenant.id, conversation_id=self.conversation.id, author="customer", text=stored)
        analysis = MessageAnalysis(pii=list(pii or []))
        if intent or out_of_scope:
            analysis.intent = IntentResult(label=intent or "out_of_scope", confidence=confidence,
                                           out_of_scope=out_of_scope)
        if language:
            analysis.language = LanguageResult(label=language, confidence=language_confidence,
                                               code_switching=bool(languages),
                                               languages=list(languages or [language]))
        ctx = MessageContext(tenant=self.tenant, conversation=self.conversation, customer=self.customer,
                             message=msg, history=list(self.history), text=stored,
                             raw_text=text if redacted is not None else "", analysis=analysis)
        ctx = self.step.process(ctx)
        self.history.append(msg)
        for reply in ctx.replies:
            self.history.append(Message(tenant_id=self.tenant.id, conversation_id=self.conversation.id,
                                        author="bot", text=reply.text, analysis=dict(reply.extra)))
        return ctx


@pytest.fixture
def chat(demo_index):
    def make(settings: dict | None = None, **kwargs) -> Chat:
        step = BotStep(lambda tenant_id: demo_index, flow_provider=lambda tenant: load_flows(), **kwargs)
        return Chat(step, settings)
    return make
