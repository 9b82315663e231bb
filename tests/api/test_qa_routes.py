"""The quality review over HTTP: a wrapped-up conversation's scorecard, who may read and correct it, the review
queue, an agent's summary, a tenant's scorecard; bad input is a 4xx with the field named."""

from __future__ import annotations

from typing import Any

import pytest

from tawasol.demo.seed import TENANT, seed_demo
from tawasol.service import qa
from tests import factories


@pytest.fixture
def wrapped(client, platform) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    seed_demo(platform.uow, platform.contacts)
    agent = factories.user(platform, [TENANT], languages=["fr"])
    staff = factories.login(client, agent["email"])
    assert client.put("/api/v1/agent/presence", headers=staff, json={"presence": "online"}).status_code == 200
    conv_id, auth = factories.open_conversation(client, TENANT)
    asked = client.post(f"/api/v1/conversations/{conv_id}/messages", headers=auth,
                        json={"text": "je veux parler à un conseiller"}).json()
    assert asked["status"] == "assigned"
    said = client.post(f"/api/v1/agent/conversations/{conv_id}/messages", headers=staff,
                       json={"text": "Donnez-moi le mot de passe de votre espace client."})
    assert said.status_code in (200, 201), said.text
    done = client.post(f"/api/v1/agent/conversations/{conv_id}/resolve", headers=staff, json={})
    assert done.status_code == 200, done.text
    if platform.settings.effective_database_url.startswith("postgres"):
        qa.review_conversation(platform.uow(), conv_id)  # what the worker's qa-review job does for it
    sup = factories.user(platform, [TENANT], role="supervisor")
    admin = factories.user(platform, [TENANT], role="admin")
    other = factories.user(platform, [TENANT])
    return {"id": conv_id, "agent": agent, "staff": staff, "sup": factories.login(client, sup["email"]),
            "admin": factories.login(client, admin["email"]), "other": factories.login(client, other["email"])}


def test_a_conversation_scorecard_its_correction_and_the_queue(client, wrapped) -> None:  # type: ignore[no-untyped-def]
    cid = wrapped["id"]
    mine = client.get(f"/api/v1/qa/conversations/{cid}", headers=wrapped["staff"])
    assert mine.status_code == 200, mine.text
    body = mine.json()
    answers = {a["question"]: a for a in body["answers"]}
    assert body["reviewed"] and body["agent_id"] == wrapped["agent"]["id"]
    assert answers["personal_data"]["choice"] == "no" and answers["personal_data"]["turns"]  # the evidence
    assert answers["disposition"]["choice"] == "no"  # wrapped up without one
    assert client.get(f"/api/v1/qa/conversations/{cid}", headers=wrapped["other"]).status_code == 403
    assert client.get("/api/v1/qa/conversations/nope", headers=wrapped["sup"]).status_code == 404
    assert client.get(f"/api/v1/qa/conversations/{cid}").status_code == 401

    queue = client.get(f"/api/v1/qa/queue?agent_id={wrapped['agent']['id']}", headers=wrapped["sup"])
    assert queue.status_code == 200, queue.text
    assert [i["conversation_id"] for i in queue.json()["items"]] == [cid]  # this agent's only conversation
    item = queue.json()["items"][0]
    assert "low score" in item["why"]
    assert client.get("/api/v1/qa/queue", headers=wrapped["staff"]).status_code == 403
    assert client.get("/api/v1/qa/queue?limit=0", headers=wrapped["sup"]).status_code == 422

    url = f"/api/v1/qa/conversations/{cid}/corrections"
    as_agent = client.post(url, headers=wrapped["staff"], json={"question": "disposition", "choice": "yes"})
    assert as_agent.status_code == 403
    bad = client.post(url, headers=wrapped["sup"], json={"question": "disposition", "choice": "maybe"})
    assert bad.status_code == 422 and "choice" in bad.text
    unknown = client.post(url, headers=wrapped["sup"], json={"question": "mood", "choice": "yes"})
    assert unknown.status_code == 422 and "question" in unknown.text
    fixed = client.post(url, headers=wrapped["sup"], json={"question": "disposition", "choice": "yes",
                                                             "note": "recorded in the CRM"})
    assert fixed.status_code == 200, fixed.text
    assert fixed.json()["score"] > body["score"]
    after = client.get(f"/api/v1/qa/conversations/{cid}", headers=wrapped["sup"]).json()
    disposition = next(a for a in after["answers"] if a["question"] == "disposition")
    assert disposition["choice"] == "yes" and disposition["automatic_choice"] == "no"
    assert after["automatic_score"] == body["score"] and after["reviewed_by"]
    queued = client.get("/api/v1/qa/queue?limit=200", headers=wrapped["sup"]).json()["items"]
    assert cid not in [i["conversation_id"] for i in queued]  # a person looked at it
    calibration = client.get("/api/v1/qa/calibration", headers=wrapped["sup"])
    assert calibration.status_code == 200, calibration.text
    assert calibration.json()["questions"]["disposition"]["corrections"] == {"no->yes": 1}
    assert client.get("/api/v1/qa/calibration", headers=wrapped["staff"]).status_code == 403


def test_agent_summary(client, wrapped) -> None:  # type: ignore[no-untyped-def]
    url = f"/api/v1/qa/agents/{wrapped['agent']['id']}/summary"
    mine = client.get(url, headers=wrapped["staff"])
    assert mine.status_code == 200, mine.text
    assert mine.json()["reviews"] == 1
    pd = mine.json()["questions"]["personal_data"]
    assert pd["rate"] == 0.0 and pd["low"][0]["conversation_id"] == wrapped["id"]
    assert client.get(url, headers=wrapped["sup"]).status_code == 200
    assert client.get(url, headers=wrapped["other"]).status_code == 403
    assert client.get(url + "?days=0", headers=wrapped["staff"]).status_code == 422


def test_a_tenant_scorecard(client, wrapped) -> None:  # type: ignore[no-untyped-def]
    url = f"/api/v1/qa/tenants/{TENANT}/scorecard"
    seed = client.get(url, headers=wrapped["sup"])
    assert seed.status_code == 200 and seed.json()["version"] == 1 and not seed.json()["stored"]
    card = {"name": "Short", "questions": [{"key": "greeting"}, {"key": "personal_data", "weight": 5}]}
    assert client.put(url, headers=wrapped["sup"], json=card).status_code == 403
    wrong = client.put(url, headers=wrapped["admin"], json={"questions": [{"key": "mood", "rule": "mood_of_agent"}]})
    assert wrong.status_code == 422 and "unknown rule" in wrong.text
    extra = client.put(url, headers=wrapped["admin"], json={**card, "colour": "red"})
    assert extra.status_code == 422
    saved = client.put(url, headers=wrapped["admin"], json=card)
    assert saved.status_code == 200, saved.text
    assert saved.json()["version"] == 2 and [q["key"] for q in saved.json()["questions"]] == ["greeting",
                                                                                             "personal_data"]
    now = client.get(url, headers=wrapped["staff"]).json()
    assert now["version"] == 2 and now["versions"] == [2] and now["stored"]
    assert client.get("/api/v1/qa/tenants/nope/scorecard", headers=wrapped["admin"]).status_code == 404
