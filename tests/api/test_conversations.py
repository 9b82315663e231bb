"""The customer's side of the API: open a conversation, post messages, read them back."""

from __future__ import annotations

import pytest

from tests import factories


@pytest.fixture
def slug(platform) -> str:  # type: ignore[no-untyped-def]
    return factories.tenant(platform).slug


def test_open_conversation_returns_id_and_token(client, slug) -> None:  # type: ignore[no-untyped-def]
    r = client.post("/api/v1/conversations", json={"tenant": slug, "channel": "web",
                                                    "customer": {"name": "Hamza", "preferred_language": "fr"}})
    assert r.status_code == 201
    body = r.json()
    assert body["id"] and body["customer_token"] and body["status"] == "bot"


def test_unknown_tenant_is_404(client) -> None:  # type: ignore[no-untyped-def]
    r = client.post("/api/v1/conversations", json={"tenant": "nobody", "channel": "web", "customer": {}})
    assert r.status_code == 404


def test_post_message_stores_it_and_returns_status(client, slug) -> None:  # type: ignore[no-untyped-def]
    conv_id, auth = factories.open_conversation(client, slug)
    r = client.post(f"/api/v1/conversations/{conv_id}/messages", headers=auth,
                    json={"text": "Bonjour, ma facture est trop élevée", "client_message_id": "m1"})
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["message"]["author"] == "customer"
    assert body["message"]["seq"] >= 1
    assert body["status"] in {"bot", "queued"}
    listed = client.get(f"/api/v1/conversations/{conv_id}/messages", headers=auth).json()
    texts = [m["text"] for m in listed["data"]]
    assert "Bonjour, ma facture est trop élevée" in texts


def test_same_client_message_id_stores_once(client, slug) -> None:  # type: ignore[no-untyped-def]
    conv_id, auth = factories.open_conversation(client, slug)
    payload = {"text": "salam, bghit nchouf la facture", "client_message_id": "retry-1"}
    first = client.post(f"/api/v1/conversations/{conv_id}/messages", headers=auth, json=payload)
    second = client.post(f"/api/v1/conversations/{conv_id}/messages", headers=auth, json=payload)
    assert first.status_code == second.status_code == 201
    assert first.json()["message"]["id"] == second.json()["message"]["id"]
    assert [r["id"] for r in first.json()["replies"]] == [r["id"] for r in second.json()["replies"]]
    assert second.json()["replayed"] is True
    listed = client.get(f"/api/v1/conversations/{conv_id}/messages", headers=auth).json()["data"]
    assert sum(1 for m in listed if m["client_message_id"] == "retry-1") == 1


def test_token_opens_only_its_own_conversation(client, slug) -> None:  # type: ignore[no-untyped-def]
    conv_a, auth_a = factories.open_conversation(client, slug)
    conv_b, _ = factories.open_conversation(client, slug)
    r = client.get(f"/api/v1/conversations/{conv_b}/messages", headers=auth_a)
    assert r.status_code == 404
    r = client.post(f"/api/v1/conversations/{conv_b}/messages", headers=auth_a, json={"text": "hi"})
    assert r.status_code == 404


def test_missing_or_wrong_token_is_401(client, slug) -> None:  # type: ignore[no-untyped-def]
    conv_id, _ = factories.open_conversation(client, slug)
    assert client.get(f"/api/v1/conversations/{conv_id}/messages").status_code == 401
    bad = {"Authorization": "Bearer not-a-token"}
    assert client.get(f"/api/v1/conversations/{conv_id}/messages", headers=bad).status_code == 401


def test_expired_token_is_401(client, slug, platform) -> None:  # type: ignore[no-untyped-def]
    from datetime import timedelta

    from tawasol.domain.model import utcnow

    conv_id, auth = factories.open_conversation(client, slug)
    from tawasol.domain.model import AuthToken

    with platform.uow() as uow:
        for tok in uow.session.query(AuthToken).filter_by(conversation_id=conv_id):
            tok.expires_at = utcnow() - timedelta(seconds=1)
        uow.commit()
    r = client.get(f"/api/v1/conversations/{conv_id}/messages", headers=auth)
    assert r.status_code == 401
    assert "expired" in r.json()["detail"]


def test_unknown_conversation_is_404_even_with_valid_token(client, slug) -> None:  # type: ignore[no-untyped-def]
    _, auth = factories.open_conversation(client, slug)
    r = client.post("/api/v1/conversations/00000000-0000-0000-0000-000000000000/messages", headers=auth,
                    json={"text": "hello"})
    assert r.status_code == 404


def test_oversized_message_is_413(client, slug, platform) -> None:  # type: ignore[no-untyped-def]
    conv_id, auth = factories.open_conversation(client, slug)
    text = "a" * (platform.settings.max_message_chars + 1)
    r = client.post(f"/api/v1/conversations/{conv_id}/messages", headers=auth, json={"text": text})
    assert r.status_code == 413


def test_oversized_body_is_413(client, slug, platform) -> None:  # type: ignore[no-untyped-def]
    conv_id, auth = factories.open_conversation(client, slug)
    body = b'{"text": "' + b"x" * (platform.settings.max_body_bytes + 10) + b'"}'
    r = client.post(f"/api/v1/conversations/{conv_id}/messages", headers={**auth, "content-type": "application/json"},
                    content=body)
    assert r.status_code == 413


@pytest.mark.parametrize("payload, field", [
    ({"client_message_id": "x"}, "text"),
    ({"text": 42}, "text"),
    ({"text": "ok", "client_message_id": ""}, "client_message_id"),
    ({"text": "ok", "unexpected": 1}, "unexpected"),
])
def test_malformed_fields_are_422_naming_the_field(client, slug, payload, field) -> None:  # type: ignore[no-untyped-def]
    conv_id, auth = factories.open_conversation(client, slug)
    r = client.post(f"/api/v1/conversations/{conv_id}/messages", headers=auth, json=payload)
    assert r.status_code == 422
    assert any(field in [str(p) for p in e["loc"]] for e in r.json()["detail"])


def test_malformed_json_is_422(client, slug) -> None:  # type: ignore[no-untyped-def]
    conv_id, auth = factories.open_conversation(client, slug)
    r = client.post(f"/api/v1/conversations/{conv_id}/messages",
                    headers={**auth, "content-type": "application/json"}, content=b'{"text": "unterminated')
    assert r.status_code == 422


def test_invalid_utf8_is_not_a_500(client, slug) -> None:  # type: ignore[no-untyped-def]
    conv_id, auth = factories.open_conversation(client, slug)
    r = client.post(f"/api/v1/conversations/{conv_id}/messages",
                    headers={**auth, "content-type": "application/json"}, content=b'{"text": "caf\xe9 \xff"}')
    assert 400 <= r.status_code < 500


def test_control_characters_are_removed(client, slug) -> None:  # type: ignore[no-untyped-def]
    conv_id, auth = factories.open_conversation(client, slug)
    r = client.post(f"/api/v1/conversations/{conv_id}/messages", headers={**auth, "content-type": "application/json"},
                    content=b'{"text": "hello world\\u0007 end\\u001b"}')
    assert r.status_code == 201, r.text
    text = r.json()["message"]["text"]
    assert "\x07" not in text and "\x1b" not in text and text.endswith("end")


def test_nul_is_refused_with_the_field_named(client, slug) -> None:  # type: ignore[no-untyped-def]
    conv_id, auth = factories.open_conversation(client, slug)
    r = client.post(f"/api/v1/conversations/{conv_id}/messages", headers={**auth, "content-type": "application/json"},
                    content=b'{"text": "hello\\u0000 world"}')
    assert r.status_code == 422
    assert r.json()["detail"][0]["loc"] == ["body", "text"] and "NUL" in r.json()["detail"][0]["msg"]


def test_lone_surrogate_is_422_not_500(client, slug) -> None:  # type: ignore[no-untyped-def]
    conv_id, auth = factories.open_conversation(client, slug)
    r = client.post(f"/api/v1/conversations/{conv_id}/messages", headers={**auth, "content-type": "application/json"},
                    content=b'{"text": "broken \\ud800 pair"}')
    assert r.status_code == 422
    assert r.json()["detail"][0]["loc"][-1] == "text"


def test_empty_text_is_422(client, slug) -> None:  # type: ignore[no-untyped-def]
    conv_id, auth = factories.open_conversation(client, slug)
    r = client.post(f"/api/v1/conversations/{conv_id}/messages", headers=auth, json={"text": "   \u0000  "})
    assert r.status_code == 422


def test_health_and_openapi(client) -> None:  # type: ignore[no-untyped-def]
    assert client.get("/health").json()["status"] == "ok"
    spec = client.get("/openapi.json").json()
    assert "/api/v1/conversations/{conversation_id}/messages" in spec["paths"]


def test_rate_limit_on_opening_conversations(client, slug, platform) -> None:  # type: ignore[no-untyped-def]
    statuses = [client.post("/api/v1/conversations", json={"tenant": slug, "customer": {}}).status_code
                for _ in range(platform.settings.conversations_per_minute + 2)]
    assert statuses.count(201) == platform.settings.conversations_per_minute
    assert statuses[-1] == 429
