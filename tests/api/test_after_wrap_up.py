"""After the agent's wrap-up: thanks are stored without a bot answer and the conversation stays resolved (the
survey stays open); a new request reopens it for the bot; the survey's comment is kept as its redaction."""

from __future__ import annotations

from typing import Any

import pytest

from tawasol.demo.seed import TENANT, seed_demo
from tests import factories


@pytest.fixture
def resolved(client, platform) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    seed_demo(platform.uow, platform.contacts)
    agent = factories.user(platform, [TENANT], languages=["fr"])
    staff = factories.login(client, agent["email"])
    assert client.put("/api/v1/agent/presence", headers=staff, json={"presence": "online"}).status_code == 200
    conv_id, auth = factories.open_conversation(client, TENANT)
    asked = client.post(
        f"/api/v1/conversations/{conv_id}/messages", headers=auth, json={"text": "je veux parler à un conseiller"}
    ).json()
    assert asked["status"] == "assigned"
    done = client.post(f"/api/v1/agent/conversations/{conv_id}/resolve", headers=staff, json={})
    assert done.status_code == 200, done.text
    return {"id": conv_id, "auth": auth, "staff": staff}


def _say(client: Any, r: dict[str, Any], text: str) -> dict[str, Any]:
    res = client.post(f"/api/v1/conversations/{r['id']}/messages", headers=r["auth"], json={"text": text})
    assert res.status_code == 201, res.text
    return dict(res.json())


@pytest.mark.parametrize("thanks", ["merci beaucoup, bonne journée", "ok merci", "chokran", "شكرا"])
def test_thanks_after_the_wrap_up_get_no_bot_answer(client, resolved, thanks) -> None:  # type: ignore[no-untyped-def]
    said = _say(client, resolved, thanks)
    assert said["status"] == "resolved" and said["replies"] == []
    listed = client.get(f"/api/v1/conversations/{resolved['id']}/messages", headers=resolved["auth"]).json()
    assert listed["conversation"]["status"] == "resolved" and listed["data"][-1]["text"] == thanks
    # the survey is still open
    assert (
        client.post(
            f"/api/v1/conversations/{resolved['id']}/csat", headers=resolved["auth"], json={"score": 5}
        ).status_code
        == 201
    )


def test_a_new_request_reopens_the_conversation_for_the_bot(client, resolved) -> None:  # type: ignore[no-untyped-def]
    with client.websocket_connect(
        f"/api/v1/conversations/{resolved['id']}/ws?token="
        f"{resolved['auth']['Authorization'].split()[1]}&after_seq=10000"
    ) as ws:
        said = _say(client, resolved, "Bonjour, comment payer ma facture en ligne ?")
        assert said["status"] == "bot"
        assert said["replies"] and said["replies"][-1]["author"] == "bot" and said["replies"][-1]["sources"]
        events = [ws.receive_json() for _ in range(3)]
    assert {"type": "status", "status": "bot"}.items() <= next(e for e in events if e["type"] == "status").items()
    inbox = client.get("/api/v1/agent/conversations?status=bot", headers=resolved["staff"]).json()
    assert resolved["id"] in {c["id"] for c in inbox["data"]}


def test_the_survey_comment_is_stored_redacted_and_a_later_score_keeps_it(client, platform, resolved) -> None:  # type: ignore[no-untyped-def]
    url = f"/api/v1/conversations/{resolved['id']}/csat"
    assert client.post(url, headers=resolved["auth"], json={"score": 2}).status_code == 201
    comment = "Trop long, rappelez-moi au 0612345678 svp"
    assert client.post(url, headers=resolved["auth"], json={"score": 3, "comment": comment}).status_code == 201
    assert client.post(url, headers=resolved["auth"], json={"score": 4}).status_code == 201
    with platform.uow() as uow:
        csat = [m for m in uow.messages.for_conversation(resolved["id"]) if (m.analysis or {}).get("kind") == "csat"]
    assert len(csat) == 1 and csat[0].analysis["score"] == 4
    stored = csat[0].analysis["comment"]
    assert "0612345678" not in stored and "[PHONE_" in stored and stored.startswith("Trop long")
