"""The inbox previews what the customer last wrote, as stored (redacted), not the hand-off notice or the
bot's reply after it."""

from __future__ import annotations

from tawasol.demo.seed import TENANT, seed_demo
from tests import factories


def test_the_preview_is_the_customers_last_words_redacted(client, platform) -> None:  # type: ignore[no-untyped-def]
    seed_demo(platform.uow, platform.contacts)
    supervisor = factories.login(client, factories.user(platform, [TENANT], role="supervisor")["email"])
    conv_id, auth = factories.open_conversation(client, TENANT)
    silent_id, _ = factories.open_conversation(client, TENANT)
    words = "Je veux parler à un conseiller, appelez-moi au 0612345678"
    r = client.post(f"/api/v1/conversations/{conv_id}/messages", headers=auth, json={"text": words})
    assert r.status_code == 201 and r.json()["status"] == "queued"
    inbox = client.get("/api/v1/agent/conversations?status=queued", headers=supervisor).json()["data"]
    preview = next(c for c in inbox if c["id"] == conv_id)["last_message"]
    assert preview["author"] == "customer"
    assert preview["text"].startswith("Je veux parler à un conseiller")
    assert "0612345678" not in preview["text"] and "[PHONE_1]" in preview["text"]
    opened = client.get("/api/v1/agent/conversations?status=bot", headers=supervisor).json()["data"]
    assert next(c for c in opened if c["id"] == silent_id)["last_message"] is None  # only the disclosure so far
