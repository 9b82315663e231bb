"""WebSocket streams: the customer sees replies and agent messages live; agents see their tenants' events."""

from __future__ import annotations

import pytest
from starlette.websockets import WebSocketDisconnect

from tests import factories


def _next_of_type(ws, kind: str, limit: int = 20):  # type: ignore[no-untyped-def]
    for _ in range(limit):
        event = ws.receive_json()
        if event["type"] == kind:
            return event
    raise AssertionError(f"no {kind} event")


def test_customer_receives_backlog_then_live_messages(client, platform) -> None:  # type: ignore[no-untyped-def]
    t = factories.tenant(platform)
    agent = factories.login(client, factories.user(platform, [t.slug])["email"])
    conv_id, auth = factories.open_conversation(client, t.slug)
    token = auth["Authorization"].split()[1]
    with client.websocket_connect(f"/api/v1/conversations/{conv_id}/ws?token={token}") as ws:
        backlog = ws.receive_json()
        assert backlog["type"] == "backlog"
        assert backlog["conversation"]["status"] == "bot"
        client.post(f"/api/v1/conversations/{conv_id}/messages", headers=auth, json={"text": "agent"})
        assert _next_of_type(ws, "message")["message"]["text"] == "agent"
        assert _next_of_type(ws, "status")["status"] == "queued"
        client.post(f"/api/v1/agent/conversations/{conv_id}/claim", headers=agent)
        client.post(f"/api/v1/agent/conversations/{conv_id}/messages", headers=agent, json={"text": "Salam!"})
        for _ in range(10):
            ev = _next_of_type(ws, "message")
            if ev["message"]["author"] == "agent":
                assert ev["message"]["text"] == "Salam!"
                break
        else:
            raise AssertionError("agent message not received")
        ws.send_json({"type": "ping"})
        assert _next_of_type(ws, "pong")


def test_customer_reads_their_words_and_the_agent_s_live_while_staff_events_are_redacted(client, platform) -> None:  # type: ignore[no-untyped-def]
    t = factories.tenant(platform)
    agent = factories.login(client, factories.user(platform, [t.slug])["email"])
    conv_id, auth = factories.open_conversation(client, t.slug)
    token = auth["Authorization"].split()[1]
    typed, reply = "agent svp, mon numéro 0612345678", "Je vous rappelle au 0612345678 dans 5 minutes."
    with client.websocket_connect(f"/api/v1/conversations/{conv_id}/ws?token={token}") as ws:
        ws.receive_json()
        client.post(f"/api/v1/conversations/{conv_id}/messages", headers=auth, json={"text": typed})
        assert _next_of_type(ws, "message")["message"]["text"] == typed
        client.post(f"/api/v1/agent/conversations/{conv_id}/claim", headers=agent)
        posted = client.post(f"/api/v1/agent/conversations/{conv_id}/messages", headers=agent, json={"text": reply})
        assert "0612345678" not in posted.json()["text"]
        for _ in range(10):
            ev = _next_of_type(ws, "message")
            if ev["message"]["author"] == "agent":
                assert ev["message"]["text"] == reply
                break
        else:
            raise AssertionError("agent message not received")
    with client.websocket_connect(f"/api/v1/conversations/{conv_id}/ws?token={token}") as ws:  # the backlog too
        texts = [m["text"] for m in ws.receive_json()["messages"]]
        assert typed in texts and reply in texts


def test_reconnect_with_after_seq_gets_only_missed_messages(client, platform) -> None:  # type: ignore[no-untyped-def]
    t = factories.tenant(platform)
    conv_id, auth = factories.open_conversation(client, t.slug)
    token = auth["Authorization"].split()[1]
    r1 = client.post(f"/api/v1/conversations/{conv_id}/messages", headers=auth, json={"text": "one"}).json()
    last_seen = max([r1["message"]["seq"]] + [r["seq"] for r in r1["replies"]])
    client.post(f"/api/v1/conversations/{conv_id}/messages", headers=auth, json={"text": "two"})
    with client.websocket_connect(f"/api/v1/conversations/{conv_id}/ws?token={token}&after_seq={last_seen}") as ws:
        backlog = ws.receive_json()
        texts = [m["text"] for m in backlog["messages"]]
        assert "two" in texts and "one" not in texts


def test_websocket_with_bad_token_is_closed(client, platform) -> None:  # type: ignore[no-untyped-def]
    t = factories.tenant(platform)
    conv_id, _ = factories.open_conversation(client, t.slug)
    url = f"/api/v1/conversations/{conv_id}/ws?token=nope"
    with pytest.raises(WebSocketDisconnect) as info, client.websocket_connect(url) as ws:
        ws.receive_json()
    assert info.value.code == 4401


def test_agent_socket_streams_tenant_events_and_typing(client, platform) -> None:  # type: ignore[no-untyped-def]
    t = factories.tenant(platform)
    agent = factories.user(platform, [t.slug])
    token = factories.login(client, agent["email"])["Authorization"].split()[1]
    conv_id, auth = factories.open_conversation(client, t.slug)
    with client.websocket_connect(f"/api/v1/agent/ws?token={token}") as ws:
        assert ws.receive_json()["type"] == "hello"
        client.post(f"/api/v1/conversations/{conv_id}/messages", headers=auth, json={"text": "agent"})
        assert _next_of_type(ws, "conversation.queued")["conversation_id"] == conv_id
        ws.send_json({"type": "nonsense"})
        assert "expected" in _next_of_type(ws, "error")["detail"]


def test_closing_the_last_console_requeues_after_grace(client, platform) -> None:  # type: ignore[no-untyped-def]
    import time

    platform.settings.agent_disconnect_grace_seconds = 0.2
    t = factories.tenant(platform)
    agent = factories.user(platform, [t.slug])
    headers = factories.login(client, agent["email"])
    token = headers["Authorization"].split()[1]
    client.put("/api/v1/agent/presence", json={"presence": "online"}, headers=headers)
    with client.websocket_connect(f"/api/v1/agent/ws?token={token}") as ws:
        assert ws.receive_json()["type"] == "hello"
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if client.get("/api/v1/agent/me", headers=headers).json()["presence"] == "offline":
            break
        time.sleep(0.1)
    assert client.get("/api/v1/agent/me", headers=headers).json()["presence"] == "offline"


def test_agent_typing_reaches_the_customer_only_from_a_tenant_it_serves(client, platform) -> None:  # type: ignore[no-untyped-def]
    t, other = factories.tenant(platform), factories.tenant(platform)
    mine = factories.login(client, factories.user(platform, [t.slug])["email"])["Authorization"].split()[1]
    foreign = factories.login(client, factories.user(platform, [other.slug])["email"])["Authorization"].split()[1]
    conv_id, auth = factories.open_conversation(client, t.slug)
    customer_token = auth["Authorization"].split()[1]
    with client.websocket_connect(f"/api/v1/conversations/{conv_id}/ws?token={customer_token}") as customer, \
            client.websocket_connect(f"/api/v1/agent/ws?token={foreign}") as intruder, \
            client.websocket_connect(f"/api/v1/agent/ws?token={mine}") as agent:
        assert customer.receive_json()["type"] == "backlog"
        assert intruder.receive_json()["type"] == "hello" and agent.receive_json()["type"] == "hello"
        intruder.send_json({"type": "typing", "conversation_id": conv_id, "typing": True})
        intruder.send_json({"type": "ping"})
        assert _next_of_type(intruder, "pong")  # the intruder's frame was handled before this one
        agent.send_json({"type": "typing", "conversation_id": conv_id, "typing": False})
        typing = _next_of_type(customer, "typing")
        assert (typing["author"], typing["typing"]) == ("agent", False)  # the intruder's True never came
