"""Personal data end to end: nothing in clear in the database, masked for agents, reveal, erase, audit."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import text

from tawasol.service import audit
from tests import factories

CARD, PHONE, CIN = "4111 1111 1111 1111", "06 12 34 56 78", "BK123456"
MESSAGE = f"salam, ma carte {CARD} a été débitée deux fois, appelez-moi au {PHONE}, CIN {CIN}"


def _all_database_text(platform) -> str:  # type: ignore[no-untyped-def]
    """Every value of every table, as the database returns it."""
    chunks = []
    with platform.engine.connect() as conn:
        tables = [t for t in conn.dialect.get_table_names(conn)]
        for table in tables:
            for row in conn.execute(text(f'SELECT * FROM "{table}"')):
                for value in row:
                    if isinstance(value, (bytes, memoryview)):
                        chunks.append(bytes(value).decode("latin-1"))
                    elif value is not None:
                        chunks.append(value if isinstance(value, str) else json.dumps(value, default=str)
                                      if isinstance(value, (dict, list)) else str(value))
    return "\n".join(chunks)


@pytest.fixture
def setup(platform, client):  # type: ignore[no-untyped-def]
    t = factories.tenant(platform)
    agent = factories.login(client, factories.user(platform, [t.slug], role="agent")["email"])
    supervisor = factories.login(client, factories.user(platform, [t.slug], role="supervisor")["email"])
    admin = factories.login(client, factories.user(platform, [t.slug], role="admin")["email"])
    conv_id, auth = factories.open_conversation(client, t.slug, name="Sara")
    r = client.post(f"/api/v1/conversations/{conv_id}/messages", headers=auth, json={"text": MESSAGE})
    assert r.status_code == 201, r.text
    return {"tenant": t, "conv": conv_id, "auth": auth, "agent": agent, "supervisor": supervisor, "admin": admin,
            "message": r.json()["message"]}


def _stored(client, setup, message_id):  # type: ignore[no-untyped-def]
    """The text staff read (as stored) of one message."""
    detail = client.get(f"/api/v1/agent/conversations/{setup['conv']}", headers=setup["agent"]).json()
    return next(m["text"] for m in detail["messages"] if m["id"] == message_id)


def test_message_is_redacted_in_the_database_and_for_staff_the_customer_reads_their_words(
        client, platform, setup, caplog) -> None:  # type: ignore[no-untyped-def]
    assert setup["message"]["text"] == MESSAGE  # the customer's own transcript shows what they typed
    stored = _stored(client, setup, setup["message"]["id"])
    assert "[CARD_1]" in stored and "[PHONE_1]" in stored and "[CIN_1]" in stored
    mine = client.get(f"/api/v1/conversations/{setup['conv']}/messages", headers=setup["auth"]).json()["data"]
    assert MESSAGE in [m["text"] for m in mine]
    dump = _all_database_text(platform)
    for value in (CARD, PHONE, CIN, CARD.replace(" ", ""), PHONE.replace(" ", "")):
        assert value not in dump
    if platform.engine.url.get_backend_name() == "sqlite":
        raw = b"".join(p.read_bytes() for p in Path(platform.engine.url.database).parent.glob("tawasol.db*"))
        for value in (CARD, PHONE, CIN):
            assert value.encode() not in raw
    assert all(CARD not in r.getMessage() for r in caplog.records)


def test_agent_sees_mask_supervisor_reveals_with_audit(client, platform, setup) -> None:  # type: ignore[no-untyped-def]
    detail = client.get(f"/api/v1/agent/conversations/{setup['conv']}", headers=setup["agent"]).json()
    texts = [m["text"] for m in detail["messages"]]
    assert any("[CARD_1]" in t for t in texts) and not any(CARD in t for t in texts)
    body = {"conversation_id": setup["conv"], "message_id": setup["message"]["id"], "reason": "customer dispute"}
    assert client.post("/api/v1/privacy/reveal", json=body, headers=setup["agent"]).status_code == 403
    r = client.post("/api/v1/privacy/reveal", json=body, headers=setup["supervisor"])
    assert r.status_code == 200 and CARD in r.json()["text"]
    with platform.uow() as uow:
        from tawasol.domain.model import AuditEntry

        actions = [e.action for e in uow.session.query(AuditEntry).all()]
    assert "pii.reveal" in actions


def test_placeholders_stay_consistent_within_the_conversation(client, setup) -> None:  # type: ignore[no-untyped-def]
    r = client.post(f"/api/v1/conversations/{setup['conv']}/messages", headers=setup["auth"],
                    json={"text": f"je répète, mon numéro est le {PHONE.replace(' ', '')}"})
    assert "[PHONE_1]" in _stored(client, setup, r.json()["message"]["id"])


def test_export_then_erase_removes_readable_data(client, platform, setup) -> None:  # type: ignore[no-untyped-def]
    slug = setup["tenant"].slug
    from tawasol.domain.model import Conversation, CustomerScore

    with platform.uow() as uow:
        conv = uow.session.get(Conversation, setup["conv"])
        customer_id = conv.customer_id
        uow.session.add(CustomerScore(tenant_id=conv.tenant_id, customer_id=customer_id, kind="churn", score=0.8,
                                      band="high", model_version="t", explanation={"reasons": ["x"]}))
        uow.commit()
    exported = client.get(f"/api/v1/privacy/tenants/{slug}/customers/{customer_id}/export", headers=setup["admin"])
    assert exported.status_code == 200
    originals = [m.get("original_text") for c in exported.json()["conversations"] for m in c["messages"]]
    assert MESSAGE in originals
    assert client.get(f"/api/v1/privacy/tenants/{slug}/customers/{customer_id}/export",
                      headers=setup["agent"]).status_code == 403
    r = client.post(f"/api/v1/privacy/tenants/{slug}/customers/{customer_id}/erase", json={"confirm": True},
                    headers=setup["admin"])
    assert r.status_code == 200 and r.json()["key_shredded"] is True
    body = {"conversation_id": setup["conv"], "message_id": setup["message"]["id"], "reason": "after erasure"}
    assert client.post("/api/v1/privacy/reveal", json=body, headers=setup["supervisor"]).status_code == 404
    again = client.get(f"/api/v1/privacy/tenants/{slug}/customers/{customer_id}/export", headers=setup["admin"]).json()
    assert again["customer"]["name"] is None
    with platform.uow() as uow:
        assert uow.session.query(CustomerScore).filter_by(customer_id=customer_id).count() == 0
    assert all(m.get("original_text") is None for c in again["conversations"] for m in c["messages"])


def test_audit_verify_catches_an_edited_row(client, platform, setup) -> None:  # type: ignore[no-untyped-def]
    body = {"conversation_id": setup["conv"], "message_id": setup["message"]["id"], "reason": "check"}
    client.post("/api/v1/privacy/reveal", json=body, headers=setup["supervisor"])
    checked, broken = audit.verify(platform.uow())
    assert checked >= 2 and broken is None
    with platform.engine.begin() as conn:
        first = conn.execute(text("SELECT MIN(seq) FROM audit_log")).scalar()
        conn.execute(text("UPDATE audit_log SET actor = 'someone-else' WHERE seq = :s"), {"s": first})
    assert audit.verify(platform.uow())[1] == first


def test_redaction_failure_stores_nothing(client, platform, setup, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from tawasol.privacy import redaction

    def boom(self, text):  # type: ignore[no-untyped-def]
        raise RuntimeError("detector crashed")

    monkeypatch.setattr(redaction.RedactionSession, "redact", boom)
    before = client.get(f"/api/v1/conversations/{setup['conv']}/messages", headers=setup["auth"]).json()["count"]
    r = client.post(f"/api/v1/conversations/{setup['conv']}/messages", headers=setup["auth"],
                    json={"text": f"ma carte {CARD}", "client_message_id": "fail-1"})
    assert r.status_code == 503
    monkeypatch.undo()
    after = client.get(f"/api/v1/conversations/{setup['conv']}/messages", headers=setup["auth"]).json()["count"]
    assert after == before
    r = client.post(f"/api/v1/conversations/{setup['conv']}/messages", headers=setup["auth"],
                    json={"text": f"ma carte {CARD}", "client_message_id": "fail-1"})
    assert r.status_code == 201 and CARD not in _stored(client, setup, r.json()["message"]["id"])
