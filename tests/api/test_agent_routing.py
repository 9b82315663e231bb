"""Routing through the API: auto-assignment by language, wait notice, decline, transfer, presence, CSAT."""

from __future__ import annotations

from typing import Any

import pytest

from tawasol.service import admin
from tests import factories


@pytest.fixture
def centre(platform, client):  # type: ignore[no-untyped-def]
    t = factories.tenant(platform)
    admin.ensure_queue(platform.uow(), t.slug, "darija", [], ["ary", "ary_Latn"], 60)

    def agent(languages: list[str], capacity: int = 2) -> dict[str, Any]:
        u = factories.user(platform, [t.slug], languages=languages)
        admin.create_user(platform.uow(), u["email"], factories.PASSWORD, "agent", [t.slug], languages=languages,
                          capacity=capacity)
        headers = factories.login(client, u["email"])
        return {"id": u["id"], "headers": headers}

    return {"t": t, "agent": agent}


def _online(client, a) -> None:  # type: ignore[no-untyped-def]
    assert client.put("/api/v1/agent/presence", json={"presence": "online"}, headers=a["headers"]).status_code == 200


def _escalate(client, slug, language="fr", **customer):  # type: ignore[no-untyped-def]
    r = client.post("/api/v1/conversations", json={"tenant": slug, "language": language, "customer": customer})
    conv_id, auth = r.json()["id"], {"Authorization": f"Bearer {r.json()['customer_token']}"}
    r = client.post(f"/api/v1/conversations/{conv_id}/messages", headers=auth, json={"text": "agent"})
    assert r.status_code == 201, r.text
    return conv_id, auth


def _detail(client, conv_id, headers):  # type: ignore[no-untyped-def]
    return client.get(f"/api/v1/agent/conversations/{conv_id}", headers=headers).json()


def test_escalation_goes_to_the_agent_who_speaks_the_language(client, centre) -> None:  # type: ignore[no-untyped-def]
    french, darija = centre["agent"](["fr"]), centre["agent"](["ary", "fr"])
    _online(client, french)
    _online(client, darija)
    conv_id, auth = _escalate(client, centre["t"].slug, language="ary")
    detail = _detail(client, conv_id, darija["headers"])
    assert detail["conversation"]["status"] == "assigned"
    assert detail["conversation"]["assigned_agent_id"] == darija["id"]
    assert detail["queue"]["name"] == "darija"
    assert detail["handoff"]["reasons_in_words"] == ["asked for a person"]
    assert any(d["kind"] == "routing" for d in detail["decisions"])
    texts = [m["text"] for m in client.get(f"/api/v1/conversations/{conv_id}/messages", headers=auth).json()["data"]]
    assert any("دخل معاك للمحادثة" in t for t in texts), texts  # the Darija notice, not the English one
    assert not any("joined the conversation" in t for t in texts)


def test_customer_is_told_place_and_wait_in_their_language(client, centre) -> None:  # type: ignore[no-untyped-def]
    busy = centre["agent"](["fr"], capacity=1)
    _online(client, busy)
    _escalate(client, centre["t"].slug)
    conv_id, auth = _escalate(client, centre["t"].slug)
    status = client.get(f"/api/v1/conversations/{conv_id}/queue", headers=auth).json()
    assert status["status"] == "queued" and status["position"] == 1 and status["estimated_wait_seconds"] > 0
    texts = [m["text"] for m in client.get(f"/api/v1/conversations/{conv_id}/messages", headers=auth).json()["data"]]
    assert any("dans la file d'attente" in t for t in texts)


def test_decline_and_away_requeue_to_another_agent(client, centre) -> None:  # type: ignore[no-untyped-def]
    a, b = centre["agent"](["fr"]), centre["agent"](["fr"])
    _online(client, a)
    conv_id, _ = _escalate(client, centre["t"].slug)
    assert _detail(client, conv_id, a["headers"])["conversation"]["assigned_agent_id"] == a["id"]
    _online(client, b)
    assert client.post(f"/api/v1/agent/conversations/{conv_id}/decline", headers=a["headers"]).status_code == 200
    assert _detail(client, conv_id, b["headers"])["conversation"]["assigned_agent_id"] == b["id"]
    assert client.post(f"/api/v1/agent/conversations/{conv_id}/decline", headers=a["headers"]).status_code == 409
    _online(client, a)
    client.put("/api/v1/agent/presence", json={"presence": "away"}, headers=b["headers"])
    assert _detail(client, conv_id, a["headers"])["conversation"]["assigned_agent_id"] == a["id"]


def test_waiting_conversation_goes_to_agent_who_comes_online(client, centre) -> None:  # type: ignore[no-untyped-def]
    a = centre["agent"](["fr"])
    conv_id, _ = _escalate(client, centre["t"].slug)
    assert _detail(client, conv_id, a["headers"])["conversation"]["status"] == "queued"
    _online(client, a)
    assert _detail(client, conv_id, a["headers"])["conversation"]["assigned_agent_id"] == a["id"]


def test_transfer_wrap_up_and_csat(client, centre) -> None:  # type: ignore[no-untyped-def]
    a, b = centre["agent"](["fr"]), centre["agent"](["fr", "ary"])
    _online(client, a)
    conv_id, auth = _escalate(client, centre["t"].slug)
    r = client.post(f"/api/v1/agent/conversations/{conv_id}/transfer", headers=a["headers"],
                    json={"agent_id": b["id"], "note": "needs Darija"})
    assert r.status_code == 409  # b is offline
    _online(client, b)
    r = client.post(f"/api/v1/agent/conversations/{conv_id}/transfer", headers=a["headers"], json={"agent_id": b["id"]})
    assert r.json()["assigned_agent_id"] == b["id"]
    r = client.post(f"/api/v1/agent/conversations/{conv_id}/transfer", headers=b["headers"], json={"queue": "nope"})
    assert r.status_code == 404
    assert client.post(f"/api/v1/conversations/{conv_id}/csat", headers=auth, json={"score": 5}).status_code == 409
    client.post(f"/api/v1/agent/conversations/{conv_id}/messages", headers=b["headers"], json={"text": "C'est réglé."})
    client.post(f"/api/v1/agent/conversations/{conv_id}/resolve", headers=b["headers"], json={"disposition": "solved"})
    wrap = [m for m in _detail(client, conv_id, b["headers"])["messages"] if m["analysis"].get("kind") == "wrap_up"]
    assert "C'est réglé." in wrap[0]["analysis"]["summary"]
    assert client.post(f"/api/v1/conversations/{conv_id}/csat", headers=auth, json={"score": 6}).status_code == 422
    assert client.post(f"/api/v1/conversations/{conv_id}/csat", headers=auth, json={"score": 4}).status_code == 201
    customer_view = client.get(f"/api/v1/conversations/{conv_id}/messages", headers=auth).json()["data"]
    assert not any("CSAT" in m["text"] for m in customer_view)


def test_supervisor_overview_and_fairness(client, platform, centre) -> None:  # type: ignore[no-untyped-def]
    a = centre["agent"](["fr"])
    _online(client, a)
    _escalate(client, centre["t"].slug)
    _escalate(client, centre["t"].slug, language="ary")
    sup = factories.user(platform, [centre["t"].slug], role="supervisor")
    headers = factories.login(client, sup["email"])
    assert client.get("/api/v1/supervisor/overview", headers=a["headers"]).status_code == 403
    view = client.get("/api/v1/supervisor/overview", headers=headers).json()
    darija = next(q for q in view["queues"] if q["name"] == "darija")
    assert darija["waiting"] == 1
    assert next(x for x in view["agents"] if x["id"] == a["id"])["load"] == 1
    fair = client.get("/api/v1/supervisor/fairness", headers=headers).json()
    assert [g["language"] for g in fair["groups"]] == ["fr"]


def test_assist_and_kb_search_stay_in_tenant(client, platform, centre) -> None:  # type: ignore[no-untyped-def]
    a = centre["agent"](["fr"])
    other = factories.login(client, factories.user(platform, [factories.tenant(platform).slug])["email"])
    _online(client, a)
    conv_id, _ = _escalate(client, centre["t"].slug)
    r = client.get(f"/api/v1/agent/conversations/{conv_id}/assist", headers=a["headers"])
    assert r.status_code == 200 and "suggestions" in r.json()
    assert client.get(f"/api/v1/agent/conversations/{conv_id}/assist", headers=other).status_code == 404
    assert client.post(f"/api/v1/agent/conversations/{conv_id}/decline", headers=other).status_code == 404
    assert client.get("/api/v1/agent/kb", params={"q": "facture"}, headers=a["headers"]).status_code == 200
