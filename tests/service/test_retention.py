"""Retention: raw text goes after its delay, transcripts after theirs, and each purge is audited."""

from __future__ import annotations

import logging
from datetime import timedelta

from sqlalchemy import update

from tawasol.api.app import _HideTokens
from tawasol.domain.model import AuditEntry, Conversation, Message, utcnow
from tawasol.service import admin, privacy
from tests import factories


def test_purge_drops_raw_text_then_transcripts(client, platform) -> None:  # type: ignore[no-untyped-def]
    t = admin.create_tenant(platform.uow(), "keep-short", "Short Retention",
                            settings={"retention": {"raw_text_days": 30, "redacted_days": 365}})
    old_conv, auth_old = factories.open_conversation(client, t.slug)
    new_conv, auth_new = factories.open_conversation(client, t.slug)
    mid_conv, auth_mid = factories.open_conversation(client, t.slug)
    for conv, auth in ((old_conv, auth_old), (new_conv, auth_new), (mid_conv, auth_mid)):
        assert client.post(f"/api/v1/conversations/{conv}/messages", headers=auth,
                           json={"text": "ma carte 4111 1111 1111 1111"}).status_code == 201
    with platform.engine.begin() as conn:
        for conv, age in ((old_conv, 400), (mid_conv, 40)):
            past = utcnow() - timedelta(days=age)
            conn.execute(update(Message.__table__).where(Message.__table__.c.conversation_id == conv)
                         .values(created_at=past))
            conn.execute(update(Conversation.__table__).where(Conversation.__table__.c.id == conv)
                         .values(updated_at=past, created_at=past))
    result = privacy.purge_expired(platform.uow())
    assert result["raw_texts"] >= 2 and result["transcript_messages"] >= 1
    with platform.uow() as uow:
        def msgs(conv: str) -> list[Message]:
            return [m for m in uow.messages.for_conversation(conv) if m.author == "customer"]

        assert all(m.text_encrypted is None and m.text == "[expired]" for m in msgs(old_conv))
        assert all(m.text_encrypted is None and "[CARD_1]" in m.text for m in msgs(mid_conv))
        assert all(m.text_encrypted is not None for m in msgs(new_conv))
        assert "retention.purge" in [e.action for e in uow.session.query(AuditEntry).all()]


def test_a_policy_of_none_keeps_that_kind_and_each_tenant_audits_its_own_counts(client, platform) -> None:  # type: ignore[no-untyped-def]
    keep = admin.create_tenant(platform.uow(), "keep-raw", "Keeps Raw",
                               settings={"retention": {"raw_text_days": None, "redacted_days": None}})
    shorts = [admin.create_tenant(platform.uow(), f"short-{n}", "Short Raw",
                                  settings={"retention": {"raw_text_days": 1, "redacted_days": None}})
              for n in ("a", "b")]
    convs = {}
    for t in (keep, *shorts):
        conv, auth = factories.open_conversation(client, t.slug)
        assert client.post(f"/api/v1/conversations/{conv}/messages", headers=auth,
                           json={"text": "ma carte 4111 1111 1111 1111"}).status_code == 201
        convs[t.id] = conv
    past = utcnow() - timedelta(days=5000)
    with platform.engine.begin() as conn:
        for conv in convs.values():
            conn.execute(update(Message.__table__).where(Message.__table__.c.conversation_id == conv)
                         .values(created_at=past))
            conn.execute(update(Conversation.__table__).where(Conversation.__table__.c.id == conv)
                         .values(updated_at=past, created_at=past))
    result = privacy.purge_expired(platform.uow())
    assert result["transcript_messages"] == 0
    with platform.uow() as uow:
        def customer_msgs(conv: str) -> list[Message]:
            return [m for m in uow.messages.for_conversation(conv) if m.author == "customer"]

        assert all(m.text_encrypted is not None for m in customer_msgs(convs[keep.id]))
        for t in shorts:
            dropped = customer_msgs(convs[t.id])
            assert dropped and all(m.text_encrypted is None and "[CARD_1]" in m.text for m in dropped)
        purges = {e.tenant_id: e.details for e in uow.session.query(AuditEntry).all()
                  if e.action == "retention.purge"}
        assert keep.id not in purges and {t.id for t in shorts} <= set(purges)
        assert all(purges[t.id]["raw_texts"] >= 1 for t in shorts)
        assert sum(d["raw_texts"] for d in purges.values()) == result["raw_texts"]  # each its own count


def test_access_log_hides_websocket_tokens() -> None:
    record = logging.LogRecord("uvicorn.access", logging.INFO, __file__, 1, '%s - "%s %s"',
                               ("127.0.0.1", "GET", "/api/v1/agent/ws?token=SECRET123&x=1"), None)
    _HideTokens().filter(record)
    assert "SECRET123" not in record.getMessage()
