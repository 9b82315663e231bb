"""The reply payload carries the bot question's quick replies ({label, value}, in the customer's language),
also in the transcript read back; a message that asks nothing carries none."""

from __future__ import annotations

from tawasol.demo.seed import TENANT, seed_demo
from tests import factories


def test_an_answer_carries_yes_and_no_and_the_transcript_keeps_them(client, platform) -> None:  # type: ignore[no-untyped-def]
    seed_demo(platform.uow, platform.contacts)
    conv_id, auth = factories.open_conversation(client, TENANT)
    r = client.post(
        f"/api/v1/conversations/{conv_id}/messages",
        headers=auth,
        json={"text": "Comment consulter mon solde ?", "client_message_id": "q1"},
    )
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["message"]["choices"] == []
    answer = body["replies"][-1]
    assert answer["sources"] and answer["choices"] == [
        {"label": "Oui", "value": "oui"},
        {"label": "Non", "value": "non"},
    ]
    listed = client.get(f"/api/v1/conversations/{conv_id}/messages", headers=auth).json()["data"]
    assert next(m for m in listed if m["id"] == answer["id"])["choices"] == answer["choices"]
    yes = client.post(
        f"/api/v1/conversations/{conv_id}/messages",
        headers=auth,
        json={"text": answer["choices"][0]["value"], "client_message_id": "q2"},
    ).json()
    assert yes["status"] == "bot" and all(m["choices"] == [] for m in yes["replies"])
