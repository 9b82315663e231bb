"""Placeholders, their consistency within a conversation, and the fail-closed pipeline step."""

from __future__ import annotations

import json

import pytest

from tawasol.domain.model import Conversation, Customer, Message, Tenant
from tawasol.domain.pipeline import MessageContext, PipelineStep
from tawasol.privacy import PrivacyStep, RedactionFailed, RedactionSession, redact
from tawasol.privacy.step import PLACEHOLDERS_KEY
from tests.privacy.pii_cases import VISA


def context(text: str, author: str = "customer") -> MessageContext:
    tenant = Tenant(slug="acme", name="Acme")
    customer = Customer(tenant_id=tenant.id)
    conversation = Conversation(tenant_id=tenant.id, customer_id=customer.id)
    message = Message(tenant_id=tenant.id, conversation_id=conversation.id, author=author, text=text)
    return MessageContext(tenant=tenant, conversation=conversation, customer=customer, message=message,
                          history=[], text=text)


def test_redact_replaces_values_by_typed_placeholders() -> None:
    result = redact(f"appelez le 0612345678, carte {VISA}")
    assert result.text == "appelez le [PHONE_1], carte [CARD_1]"
    assert [e.type for e in result.entities] == ["PHONE", "CARD"]


def test_placeholders_stay_consistent_across_messages_and_spellings() -> None:
    session = RedactionSession()
    first = session.redact("mon numéro est 06 12 34 56 78")
    second = session.redact("je répète: +212 6 12 34 56 78, ou sinon 0700112233")
    assert first.text == "mon numéro est [PHONE_1]"
    assert second.text == "je répète: [PHONE_1], ou sinon [PHONE_2]"


def test_a_serialised_session_carries_on_numbering_without_clear_values() -> None:
    session = RedactionSession()
    session.redact("0612345678 et jean@example.com")
    payload = session.to_json()
    assert "0612345678" not in payload and "jean@example.com" not in payload
    restored = RedactionSession.from_json(payload)
    assert restored.redact("0612345678, 0700112233").text == "[PHONE_1], [PHONE_2]"
    assert redact("jean@example.com", json.loads(payload)["placeholders"]).text == "[EMAIL_1]"


def test_a_secret_changes_the_keys_of_the_mapping() -> None:
    plain = redact("0612345678").placeholders
    keyed = redact("0612345678", secret=b"customer-secret").placeholders
    assert set(plain).isdisjoint(keyed)


def test_privacy_step_redacts_and_records_masked_entities() -> None:
    step = PrivacyStep()
    assert isinstance(step, PipelineStep) and step.name == "privacy"
    ctx = step.process(context(f"ma CIN BE123456 et ma carte {VISA}"))
    assert ctx.text == "ma CIN [CIN_1] et ma carte [CARD_1]"
    assert [(e.type, e.text) for e in ctx.analysis.pii] == [("CIN", "[CIN_1]"), ("CARD", "[CARD_1]")]
    assert "BE123456" not in json.dumps(ctx.analysis.to_dict())
    again = step.process(context("BE123456 encore"))
    again.analysis.extra[PLACEHOLDERS_KEY] = {}
    ctx2 = context("toujours BE123456")
    ctx2.analysis.extra[PLACEHOLDERS_KEY] = ctx.analysis.extra[PLACEHOLDERS_KEY]
    assert step.process(ctx2).text == "toujours [CIN_1]"


def test_privacy_step_fails_closed(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(text: str) -> list[object]:
        raise RuntimeError(f"boom on {text}")

    monkeypatch.setattr("tawasol.privacy.redaction.detect", broken)
    ctx = context("ma carte 4990695848304011")
    with pytest.raises(RedactionFailed) as caught:
        PrivacyStep().process(ctx)
    assert "4990695848304011" not in str(caught.value) and caught.value.__cause__ is None
    assert ctx.text == "" and ctx.stop


def test_privacy_step_fails_closed_on_a_corrupt_mapping() -> None:
    ctx = context("0612345678")
    ctx.analysis.extra[PLACEHOLDERS_KEY] = {"PHONE:x": "not-a-placeholder"}
    with pytest.raises(RedactionFailed):
        PrivacyStep().process(ctx)
    assert "0612345678" not in ctx.text
