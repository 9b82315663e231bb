"""Hardening of the HTTP and WebSocket surface: bad input is refused with 4xx (never a 500, on SQLite and
PostgreSQL alike), tokens never reach the server log, every response carries security headers."""

from __future__ import annotations

import json
import logging
import socket
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
from starlette.websockets import WebSocketDisconnect

from tawasol.api.app import UVICORN_LOGGERS
from tawasol.api.schemas import MAX_SEQ
from tests import factories

NUL = "a\x00b"


@pytest.fixture
def world(platform, client) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    t = factories.tenant(platform)
    admin = factories.user(platform, [t.slug], role="admin")
    conv_id, customer = factories.open_conversation(client, t.slug)
    return {"t": t, "admin": factories.login(client, admin["email"]), "conv": conv_id, "customer": customer}


# --- 1. tokens never in the server log -------------------------------------------------------------------------

class _Lines(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


@pytest.mark.parametrize("name", UVICORN_LOGGERS)
def test_every_uvicorn_logger_hides_tokens(name: str) -> None:
    lines = _Lines()
    logger = logging.getLogger(name)
    logger.addHandler(lines)
    try:
        logger.warning('%s - "WebSocket %s" [accepted]', "127.0.0.1:5000", "/api/v1/agent/ws?token=SeCrEt-1&x=1")
        logger.warning("GET /api/v1/conversations/c/ws?after_seq=3&token=SeCrEt-2 HTTP/1.1")
    finally:
        logger.removeHandler(lines)
    assert lines.lines and not any("SeCrEt" in line for line in lines.lines)
    assert "token=***&x=1" in lines.lines[0]


@pytest.fixture
def live_url(platform) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """A real uvicorn server with its own logging configuration, as `tawasol serve` runs it."""
    import uvicorn

    from tawasol.api import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(platform, warm_up=False), host="127.0.0.1", port=port,
                                           log_level="info", ws="websockets-sansio"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "the test server did not start"
        time.sleep(0.05)
    yield f"127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


def test_websocket_handshake_lines_do_not_keep_the_token(platform, client, live_url) -> None:  # type: ignore[no-untyped-def]
    from websockets.exceptions import InvalidHandshake
    from websockets.sync.client import connect

    t = factories.tenant(platform)
    staff = factories.login(client, factories.user(platform, [t.slug])["email"])["Authorization"].split()[1]
    conv_id, auth = factories.open_conversation(client, t.slug)
    customer = auth["Authorization"].split()[1]
    lines = _Lines()
    for name in UVICORN_LOGGERS:
        logging.getLogger(name).addHandler(lines)
    try:
        with connect(f"ws://{live_url}/api/v1/agent/ws?token={staff}") as ws:
            assert json.loads(ws.recv(timeout=10))["type"] == "hello"
        with connect(f"ws://{live_url}/api/v1/conversations/{conv_id}/ws?token={customer}&after_seq=0") as ws:
            assert json.loads(ws.recv(timeout=10))["type"] == "backlog"
        # refused handshake: a wrong token is logged too
        with pytest.raises(InvalidHandshake), connect(f"ws://{live_url}/api/v1/agent/ws?token=wrong-{staff}") as ws:
            ws.recv(timeout=10)
        time.sleep(0.2)
    finally:
        for name in UVICORN_LOGGERS:
            logging.getLogger(name).removeHandler(lines)
    handshakes = [line for line in lines.lines if "WebSocket" in line]
    assert len(handshakes) >= 2, lines.lines
    assert not [line for line in lines.lines if staff in line or customer in line]
    assert any("token=***" in line for line in handshakes)


# --- 2. NUL characters: 422 everywhere, before login too ------------------------------------------------------

def _nul_requests(w: dict[str, Any]) -> list[tuple[str, str, dict[str, Any], dict[str, str]]]:
    slug, conv, customer, admin = w["t"].slug, w["conv"], w["customer"], w["admin"]
    articles = f"/api/v1/admin/tenants/{slug}/articles"
    article = {"title": "Roaming", "body": "Composez *123#."}
    return [
        ("POST", "/api/v1/auth/login", {"email": f"x{NUL}@example.com", "password": "whatever-it-is"}, {}),
        ("POST", "/api/v1/conversations", {"tenant": NUL}, {}),
        ("POST", "/api/v1/conversations", {"tenant": slug, "customer": {"external_id": NUL}}, {}),
        ("POST", "/api/v1/conversations", {"tenant": slug, "customer": {"name": NUL}}, {}),
        ("POST", f"/api/v1/conversations/{conv}/messages", {"text": NUL}, customer),
        ("POST", f"/api/v1/conversations/{conv}/messages", {"text": "hi", "client_message_id": NUL}, customer),
        ("GET", f"/api/v1/conversations/{conv}%00/messages", {}, customer),
        ("GET", "/api/v1/agent/conversations/a%00b", {}, admin),
        ("GET", f"/api/v1/insights/outreach?tenant={slug}%00", {}, admin),
        ("PUT", f"{articles}/k%00ey/fr", article, admin),
        ("PUT", f"{articles}/key/fr", {**article, "title": NUL}, admin),
        ("PUT", f"{articles}/key/fr", {**article, "tags": [NUL]}, admin),
        ("POST", f"{articles}/import", {"articles": [{**article, "article_key": NUL, "language": "fr"}]}, admin),
        ("POST", "/api/v1/privacy/reveal", {"conversation_id": conv, "message_id": NUL, "reason": "audit"}, admin),
    ]


def test_nul_characters_are_refused_with_422(client, world) -> None:  # type: ignore[no-untyped-def]
    for method, url, body, headers in _nul_requests(world):
        r = client.request(method, url, json=body or None, headers=headers)
        assert r.status_code == 422, (method, url, r.status_code, r.text)
        assert "NUL" in r.text, r.text


def test_the_refusal_names_the_field(client, world) -> None:  # type: ignore[no-untyped-def]
    r = client.post("/api/v1/conversations", json={"tenant": world["t"].slug, "customer": {"external_id": NUL}})
    assert r.json()["detail"][0]["loc"] == ["body", "customer", "external_id"]
    r = client.post("/api/v1/conversations", json={"tenant": world["t"].slug, "customer": {"consent": {NUL: True}}})
    assert r.json()["detail"][0]["loc"] == ["body", "customer", "consent"]
    r = client.get(f"/api/v1/conversations/{world['conv']}/messages?after_seq=%00", headers=world["customer"])
    assert r.status_code == 422 and r.json()["detail"][0]["loc"] == ["query"]


def test_a_json_escaped_backslash_before_u0000_is_plain_text(client, world) -> None:  # type: ignore[no-untyped-def]
    r = client.post(f"/api/v1/conversations/{world['conv']}/messages",
                    content=json.dumps({"text": "chemin C:\\u0000\\dossier"}),
                    headers={**world["customer"], "content-type": "application/json"})
    assert r.status_code == 201, r.text


# --- 3. after_seq out of range, deep WebSocket frames ----------------------------------------------------------

def test_after_seq_above_the_column_range_is_422(client, world) -> None:  # type: ignore[no-untyped-def]
    url = f"/api/v1/conversations/{world['conv']}/messages"
    assert client.get(url, params={"after_seq": MAX_SEQ}, headers=world["customer"]).status_code == 200
    r = client.get(url, params={"after_seq": MAX_SEQ + 1}, headers=world["customer"])
    assert r.status_code == 422 and "after_seq" in r.text


def test_websocket_after_seq_out_of_range_closes_with_4400(client, world) -> None:  # type: ignore[no-untyped-def]
    token = world["customer"]["Authorization"].split()[1]
    base = f"/api/v1/conversations/{world['conv']}/ws?token={token}"
    with client.websocket_connect(f"{base}&after_seq={MAX_SEQ}") as ws:
        assert ws.receive_json()["type"] == "backlog"
    for after_seq in (MAX_SEQ + 1, 2**64, -1):
        url = f"{base}&after_seq={after_seq}"
        with pytest.raises(WebSocketDisconnect) as closed, client.websocket_connect(url) as ws:
            ws.receive_json()
        assert closed.value.code == 4400


def test_deeply_nested_or_nul_frame_gets_an_error_and_the_socket_lives(client, world) -> None:  # type: ignore[no-untyped-def]
    token = world["customer"]["Authorization"].split()[1]
    with client.websocket_connect(f"/api/v1/conversations/{world['conv']}/ws?token={token}") as ws:
        assert ws.receive_json()["type"] == "backlog"
        ws.send_text('{"a":' * 100_000 + "1" + "}" * 100_000)
        assert ws.receive_json()["type"] == "error"
        ws.send_text(json.dumps({"type": "typing", "typing": True, "x": NUL}))
        error = ws.receive_json()
        assert error["type"] == "error" and "NUL" in error["detail"]
        ws.send_json({"type": "ping"})
        assert ws.receive_json()["type"] == "pong"


def test_agent_frame_with_a_nul_conversation_id_gets_an_error(client, platform, world) -> None:  # type: ignore[no-untyped-def]
    token = world["admin"]["Authorization"].split()[1]
    with client.websocket_connect(f"/api/v1/agent/ws?token={token}") as ws:
        assert ws.receive_json()["type"] == "hello"
        ws.send_text(json.dumps({"type": "typing", "conversation_id": NUL}))
        assert ws.receive_json()["type"] == "error"
        ws.send_json({"type": "ping"})
        assert ws.receive_json()["type"] == "pong"


# --- 4. article keys and links ---------------------------------------------------------------------------------

@pytest.mark.parametrize("url", ["javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,x", "//evil.example",
                                 "ftp://files.example/x", " javascript:alert(1)"])
def test_article_links_are_http_only(client, world, url: str) -> None:  # type: ignore[no-untyped-def]
    base = f"/api/v1/admin/tenants/{world['t'].slug}/articles"
    article = {"title": "Roaming", "body": "Composez *123#.", "url": url}
    r = client.put(f"{base}/roaming/fr", json=article, headers=world["admin"])
    assert r.status_code == 422 and "url" in r.text
    r = client.post(f"{base}/import", headers=world["admin"],
                    json={"articles": [{**article, "article_key": "roaming", "language": "fr"}]})
    assert r.status_code == 422 and "url" in r.text
    assert client.get(base, headers=world["admin"]).json()["count"] == 0


def test_article_key_over_128_characters_is_422(client, world) -> None:  # type: ignore[no-untyped-def]
    base = f"/api/v1/admin/tenants/{world['t'].slug}/articles"
    article = {"title": "Roaming", "body": "Composez *123#.", "url": "https://atlas.example/aide/roaming"}
    assert client.put(f"{base}/{'k' * 128}/fr", json=article, headers=world["admin"]).status_code == 200
    for r in (client.put(f"{base}/{'k' * 129}/fr", json=article, headers=world["admin"]),
              client.get(f"{base}/{'k' * 129}/fr", headers=world["admin"]),
              client.post(f"{base}/import", headers=world["admin"],
                          json={"articles": [{**article, "article_key": "k" * 129, "language": "fr"}]}),
              client.post(f"{base}/import", headers=world["admin"],
                          json={"articles": [{**article, "article_key": "k", "language": "fr", "intent": "i" * 101}]})):
        assert r.status_code == 422, r.text


# --- 5. bodies that are not UTF-8 ------------------------------------------------------------------------------

@pytest.mark.parametrize("body", [b'{"tenant": "caf\xe9"}', '{"tenant": "x"}'.encode("utf-16"),
                                  b'{"tenant": "\\ud800"}'])
def test_a_body_that_is_not_utf8_is_422(client, body: bytes) -> None:  # type: ignore[no-untyped-def]
    r = client.post("/api/v1/conversations", content=body, headers={"content-type": "application/json"})
    assert r.status_code == 422, r.text
    assert r.json()["detail"][0]["loc"][0] == "body"


def test_a_surrogate_pair_is_one_character_and_accepted(client, world) -> None:  # type: ignore[no-untyped-def]
    r = client.post(f"/api/v1/conversations/{world['conv']}/messages", headers={
        **world["customer"], "content-type": "application/json"}, content=b'{"text": "merci \\ud83d\\ude00"}')
    assert r.status_code == 201, r.text


# --- 10. security headers --------------------------------------------------------------------------------------

def test_every_response_carries_security_headers(client, world) -> None:  # type: ignore[no-untyped-def]
    for r in (client.get("/health"), client.get("/static/console.html"), client.get("/api/v1/agent/me"),
              client.post("/api/v1/conversations", content=b"\xff")):
        assert "default-src 'self'" in r.headers["content-security-policy"]
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["referrer-policy"] == "strict-origin-when-cross-origin"


def test_the_console_cannot_be_framed_but_the_widget_can(client) -> None:  # type: ignore[no-untyped-def]
    for page in ("/static/console.html", "/static/supervisor.html", "/static/insights.html"):
        r = client.get(page)
        assert "frame-ancestors 'none'" in r.headers["content-security-policy"]
        assert r.headers["x-frame-options"] == "DENY"
    widget = client.get("/static/widget.html")
    assert widget.status_code == 200
    assert "frame-ancestors *" in widget.headers["content-security-policy"] and "x-frame-options" not in widget.headers
    assert "script-src 'self';" in widget.headers["content-security-policy"]  # no inline script on the pages


# --- 7. login throttle -----------------------------------------------------------------------------------------

def _from(client, address: str):  # type: ignore[no-untyped-def]
    from fastapi.testclient import TestClient

    return TestClient(client.app, client=(address, 40000))


def test_failed_logins_are_throttled_per_address_without_locking_out_the_right_password(client, platform) -> None:  # type: ignore[no-untyped-def]
    t = factories.tenant(platform)
    email = factories.user(platform, [t.slug])["email"]
    attacker, owner = _from(client, "203.0.113.7"), _from(client, "198.51.100.20")
    per_account = platform.settings.login_failures_per_account
    spellings = [email, f" {email}", email.upper(), f"{email.title()}  "]
    for i in range(per_account):  # a leading space or capitals are the same account, not a fresh bucket
        r = attacker.post("/api/v1/auth/login",
                          json={"email": spellings[i % len(spellings)], "password": "wrong-guess"})
        assert r.status_code == 401
    r = attacker.post("/api/v1/auth/login", json={"email": f" {email.upper()}", "password": factories.PASSWORD})
    assert r.status_code == 429 and int(r.headers["retry-after"]) >= 1
    r = owner.post("/api/v1/auth/login", json={"email": email, "password": factories.PASSWORD})
    assert r.status_code == 200, r.text


def test_one_address_cannot_spray_many_accounts(client, platform) -> None:  # type: ignore[no-untyped-def]
    t = factories.tenant(platform)
    victim = factories.user(platform, [t.slug])["email"]
    sprayer = _from(client, "203.0.113.8")
    for i in range(platform.settings.login_failures_per_address):
        sprayer.post("/api/v1/auth/login", json={"email": f"user{i}@example.com", "password": "Summer2026!"})
    assert sprayer.post("/api/v1/auth/login", json={"email": victim, "password": "x"}).status_code == 429
    assert _from(client, "192.0.2.1").post("/api/v1/auth/login", json={
        "email": victim, "password": factories.PASSWORD}).status_code == 200


def test_a_success_clears_the_account_s_failures(client, platform) -> None:  # type: ignore[no-untyped-def]
    t = factories.tenant(platform)
    email = factories.user(platform, [t.slug])["email"]
    me = _from(client, "192.0.2.9")
    for _ in range(2):
        for _ in range(platform.settings.login_failures_per_account - 1):
            assert me.post("/api/v1/auth/login", json={"email": email, "password": "typo"}).status_code == 401
        assert me.post("/api/v1/auth/login", json={"email": email, "password": factories.PASSWORD}).status_code == 200


# --- 12. a replay that says something else ---------------------------------------------------------------------

def test_a_customer_replay_with_another_text_is_409(client, world) -> None:  # type: ignore[no-untyped-def]
    url, auth = f"/api/v1/conversations/{world['conv']}/messages", world["customer"]
    typed = "mon numéro est le 0612345678, rappelez-moi"
    first = client.post(url, headers=auth, json={"text": typed, "client_message_id": "c-1"})
    assert first.status_code == 201
    again = client.post(url, headers=auth, json={"text": f"  {typed} ", "client_message_id": "c-1"})
    assert again.status_code == 201 and again.json()["replayed"] and again.json()["message"]["text"] == typed
    for other in ("mon numéro est le 0699999999, rappelez-moi", "autre chose"):
        r = client.post(url, headers=auth, json={"text": other, "client_message_id": "c-1"})
        assert r.status_code == 409 and "client_message_id" in r.json()["detail"]
    listed = client.get(url, headers=auth).json()["data"]
    assert [m["text"] for m in listed if m.get("client_message_id") == "c-1"] == [typed]


def test_replay_comparison_reads_through_placeholders() -> None:
    from tawasol.service.replays import same_text

    assert same_text("appelez le [PHONE_1] svp", "appelez le 06 12 34 56 78 svp")
    assert not same_text("appelez le [PHONE_1] svp", "appelez le 06 12 34 56 78 demain")
    assert not same_text("bonjour", "bonsoir") and same_text("bonjour", "bonjour")


# --- 6. signed identity ----------------------------------------------------------------------------------------

def _customer_of(platform, conv_id: str):  # type: ignore[no-untyped-def]
    with platform.uow() as uow:
        conv = uow.conversations.get(conv_id)
        return uow.customers.get(conv.customer_id)


def test_only_a_signed_external_id_finds_the_returning_customer(client, platform) -> None:  # type: ignore[no-untyped-def]
    t = factories.tenant(platform)
    first, _ = factories.open_conversation(client, t.slug, name="Nadia", **factories.signed("crm-42"))
    known = _customer_of(platform, first)
    assert known.external_id == "crm-42"
    again, _ = factories.open_conversation(client, t.slug, **factories.signed("crm-42"))
    assert _customer_of(platform, again).id == known.id
    for guess in ({"external_id": "crm-42"},
                  {"external_id": "crm-42", "external_id_signature": "00" * 32},
                  {"external_id": "crm-42",
                   "external_id_signature": factories.signed("crm-43")["external_id_signature"]},
                  factories.signed("crm-42", secret="another-site-s-secret"),
                  {"external_id": "crm-42", "external_id_signature": "é" * 64}):
        r = client.post("/api/v1/conversations", json={"tenant": t.slug, "customer": guess})
        assert r.status_code == 201 and set(r.json()) == {"id", "customer_token", "status", "messages"}
        stranger = _customer_of(platform, r.json()["id"])
        assert stranger.id != known.id and stranger.external_id is None


def test_an_unknown_and_a_known_unsigned_id_get_the_same_answer(client, platform) -> None:  # type: ignore[no-untyped-def]
    t = factories.tenant(platform)
    factories.open_conversation(client, t.slug, **factories.signed("crm-7"))
    answers = [client.post("/api/v1/conversations", json={"tenant": t.slug, "customer": {"external_id": x}})
               for x in ("crm-7", "crm-never-seen")]
    assert [r.status_code for r in answers] == [201, 201]
    assert answers[0].json()["status"] == answers[1].json()["status"]
    assert [m["text"] for m in answers[0].json()["messages"]] == [m["text"] for m in answers[1].json()["messages"]]


def test_a_tenant_without_a_secret_ignores_external_ids(client, platform) -> None:  # type: ignore[no-untyped-def]
    from tawasol.service import admin

    t = admin.create_tenant(platform.uow(), "no-secret-co", "No Secret Co")
    a, _ = factories.open_conversation(client, t.slug, **factories.signed("crm-1"))
    b, _ = factories.open_conversation(client, t.slug, **factories.signed("crm-1"))
    assert _customer_of(platform, a).id != _customer_of(platform, b).id
    assert _customer_of(platform, a).external_id is None


def test_a_rotated_secret_signs_from_now_on(client, platform) -> None:  # type: ignore[no-untyped-def]
    from tawasol.service.identity import new_identity_secret

    t = factories.tenant(platform)
    first, _ = factories.open_conversation(client, t.slug, **factories.signed("crm-9"))
    secret = new_identity_secret(platform.uow(), t.slug)
    assert len(secret) == 64 and secret != factories.IDENTITY_SECRET
    old, _ = factories.open_conversation(client, t.slug, **factories.signed("crm-9"))
    new, _ = factories.open_conversation(client, t.slug, **factories.signed("crm-9", secret=secret))
    assert _customer_of(platform, old).id != _customer_of(platform, first).id
    assert _customer_of(platform, new).id == _customer_of(platform, first).id


def test_an_agent_replay_with_another_text_is_409(client, platform, world) -> None:  # type: ignore[no-untyped-def]
    agent = factories.login(client, factories.user(platform, [world["t"].slug])["email"])
    conv = world["conv"]
    client.post(f"/api/v1/conversations/{conv}/messages", headers=world["customer"], json={"text": "un conseiller svp"})
    assert client.post(f"/api/v1/agent/conversations/{conv}/claim", headers=agent).status_code == 200
    url, reply = f"/api/v1/agent/conversations/{conv}/messages", "Je vous rappelle au 0612345678 dans 5 minutes."
    first = client.post(url, headers=agent, json={"text": reply, "client_message_id": "a-1"})
    again = client.post(url, headers=agent, json={"text": reply, "client_message_id": "a-1"})
    assert first.status_code == again.status_code == 201 and first.json()["id"] == again.json()["id"]
    for other in ("Je vous rappelle au 0699999999 dans 5 minutes.", "Je vous rappelle demain."):
        r = client.post(url, headers=agent, json={"text": other, "client_message_id": "a-1"})
        assert r.status_code == 409 and "client_message_id" in r.json()["detail"]
