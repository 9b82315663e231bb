"""The agent console's API: login, inbox, claim, reply, notes, resolve, and tenant isolation."""

from __future__ import annotations

import pytest

from tests import factories


@pytest.fixture
def world(platform, client):  # type: ignore[no-untyped-def]
    a = factories.tenant(platform)
    b = factories.tenant(platform)
    agent_a = factories.user(platform, [a.slug])
    agent_b = factories.user(platform, [b.slug])
    return {"a": a, "b": b, "agent_a": factories.login(client, agent_a["email"]),
            "agent_b": factories.login(client, agent_b["email"])}


def _escalated(client, slug):  # type: ignore[no-untyped-def]
    conv_id, auth = factories.open_conversation(client, slug, name="Hamza")
    r = client.post(f"/api/v1/conversations/{conv_id}/messages", headers=auth, json={"text": "agent"})
    assert r.status_code == 201 and r.json()["status"] == "queued", r.text
    return conv_id, auth


def test_login_rejects_wrong_password(client, platform) -> None:  # type: ignore[no-untyped-def]
    t = factories.tenant(platform)
    u = factories.user(platform, [t.slug])
    r = client.post("/api/v1/auth/login", json={"email": u["email"], "password": "wrong-password"})
    assert r.status_code == 401


def test_agent_claims_replies_and_customer_reads_it(client, world) -> None:  # type: ignore[no-untyped-def]
    conv_id, auth = _escalated(client, world["a"].slug)
    inbox = client.get("/api/v1/agent/conversations", params={"status": "queued"}, headers=world["agent_a"]).json()
    assert conv_id in [c["id"] for c in inbox["data"]]
    claimed = client.post(f"/api/v1/agent/conversations/{conv_id}/claim", headers=world["agent_a"])
    assert claimed.json()["status"] == "assigned"
    r = client.post(f"/api/v1/agent/conversations/{conv_id}/messages", headers=world["agent_a"],
                    json={"text": "Bonjour Hamza, je regarde votre dossier."})
    assert r.status_code == 201
    note = client.post(f"/api/v1/agent/conversations/{conv_id}/messages", headers=world["agent_a"],
                       json={"text": "client VIP, proposer un geste", "internal": True})
    assert note.status_code == 201
    seen = [m["text"] for m in client.get(f"/api/v1/conversations/{conv_id}/messages", headers=auth).json()["data"]]
    assert "Bonjour Hamza, je regarde votre dossier." in seen
    assert "client VIP, proposer un geste" not in seen  # internal notes stay internal
    detail = client.get(f"/api/v1/agent/conversations/{conv_id}", headers=world["agent_a"]).json()
    assert any(d["kind"] == "escalation" for d in detail["decisions"])
    done = client.post(f"/api/v1/agent/conversations/{conv_id}/resolve", headers=world["agent_a"],
                       json={"disposition": "billing_explained"})
    assert done.json()["status"] == "resolved"


def test_other_tenant_sees_nothing(client, world) -> None:  # type: ignore[no-untyped-def]
    conv_id, _ = _escalated(client, world["a"].slug)
    other = world["agent_b"]
    assert conv_id not in [c["id"] for c in client.get("/api/v1/agent/conversations", headers=other).json()["data"]]
    assert client.get(f"/api/v1/agent/conversations/{conv_id}", headers=other).status_code == 404
    assert client.post(f"/api/v1/agent/conversations/{conv_id}/claim", headers=other).status_code == 404
    r = client.post(f"/api/v1/agent/conversations/{conv_id}/messages", headers=other, json={"text": "hi"})
    assert r.status_code == 404


def test_agent_serving_two_tenants_sees_both(client, platform, world) -> None:  # type: ignore[no-untyped-def]
    both = factories.user(platform, [world["a"].slug, world["b"].slug])
    headers = factories.login(client, both["email"])
    c1, _ = _escalated(client, world["a"].slug)
    c2, _ = _escalated(client, world["b"].slug)
    ids = [c["id"] for c in client.get("/api/v1/agent/conversations", headers=headers).json()["data"]]
    assert c1 in ids and c2 in ids


def test_reply_requires_claim_and_second_claim_conflicts(client, platform, world) -> None:  # type: ignore[no-untyped-def]
    conv_id, _ = _escalated(client, world["a"].slug)
    other = factories.login(client, factories.user(platform, [world["a"].slug])["email"])
    r = client.post(f"/api/v1/agent/conversations/{conv_id}/messages", headers=world["agent_a"], json={"text": "x"})
    assert r.status_code == 409
    assert client.post(f"/api/v1/agent/conversations/{conv_id}/claim", headers=world["agent_a"]).status_code == 200
    assert client.post(f"/api/v1/agent/conversations/{conv_id}/claim", headers=other).status_code == 409


def test_presence_validation(client, world) -> None:  # type: ignore[no-untyped-def]
    online = client.put("/api/v1/agent/presence", json={"presence": "online"}, headers=world["agent_a"])
    assert online.json()["presence"] == "online"
    sleeping = client.put("/api/v1/agent/presence", json={"presence": "sleeping"}, headers=world["agent_a"])
    assert sleeping.status_code == 422


def test_logout_revokes_token(client, world) -> None:  # type: ignore[no-untyped-def]
    assert client.get("/api/v1/agent/me", headers=world["agent_a"]).status_code == 200
    client.post("/api/v1/auth/logout", headers=world["agent_a"])
    assert client.get("/api/v1/agent/me", headers=world["agent_a"]).status_code == 401
