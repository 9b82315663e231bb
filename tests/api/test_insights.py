"""Insights API: churn with reasons for staff of the tenant, 404 across tenants, roles, outreach send,
staffing plan and model cards."""

from __future__ import annotations

import pytest

from tawasol.demo.seed import DEMO_PASSWORD, TENANT, seed_demo
from tests import factories


def _login(client, email: str) -> dict[str, str]:  # type: ignore[no-untyped-def]
    r = client.post("/api/v1/auth/login", json={"email": email, "password": DEMO_PASSWORD})
    assert r.status_code == 200, r.text
    return {"Authorization": f"Bearer {r.json()['access_token']}"}


@pytest.fixture
def demo(platform, client):  # type: ignore[no-untyped-def]
    seed_demo(platform.uow, platform.contacts)
    other = factories.tenant(platform)
    return {"admin": _login(client, "admin@atlas-telecom.example"),
            "supervisor": _login(client, "amina@atlas-telecom.example"),
            "agent": _login(client, "salma@atlas-telecom.example"),
            "stranger": factories.login(client, factories.user(platform, [other.slug], role="admin")["email"]),
            "other": other.slug}


def test_refresh_then_churn_outreach_send_and_cards(client, demo, platform) -> None:  # type: ignore[no-untyped-def]
    refresh, params = "/api/v1/insights/refresh", {"tenant": TENANT}
    assert client.post(refresh, params=params, headers=demo["supervisor"]).status_code == 403
    assert client.post(refresh, params=params, headers=demo["stranger"]).status_code == 404
    r = client.post("/api/v1/insights/refresh", params={"tenant": TENANT}, headers=demo["admin"])
    assert r.status_code == 200, r.text
    assert r.json()["churn"]["method"] in ("trained", "heuristic")

    with platform.uow() as uow:
        tenant_id = uow.tenants.by_slug(TENANT).id
        lucia = uow.customers.by_external_id(tenant_id, "ATL-101478")
    churn = client.get(f"/api/v1/insights/customers/{lucia.id}/churn", headers=demo["agent"])
    assert churn.status_code == 200, churn.text
    body = churn.json()
    assert 0 <= body["score"] <= 1 and body["band"] in ("low", "medium", "high") and body["label"]
    assert client.get(f"/api/v1/insights/customers/{lucia.id}/churn", headers=demo["stranger"]).status_code == 404

    assert client.get("/api/v1/insights/outreach", params={"tenant": TENANT}, headers=demo["agent"]).status_code == 403
    stranger = client.get("/api/v1/insights/outreach", params={"tenant": TENANT}, headers=demo["stranger"])
    assert stranger.status_code == 404
    listing = client.get("/api/v1/insights/outreach", params={"tenant": TENANT}, headers=demo["supervisor"]).json()
    assert listing["count"] > 0 and listing["data"][0]["rank"] == 1 and listing["data"][0]["reasons"]

    assert client.post(f"/api/v1/insights/outreach/{lucia.id}/send", headers=demo["stranger"]).status_code == 404
    sent = client.post(f"/api/v1/insights/outreach/{lucia.id}/send", headers=demo["supervisor"],
                       json={"kind": "churn_risk"})
    assert sent.status_code == 201, sent.text
    assert sent.json()["language"] == "es" and sent.json()["text"].startswith("Hola")
    conv = client.get(f"/api/v1/agent/conversations/{sent.json()['conversation_id']}", headers=demo["agent"])
    assert conv.status_code == 200 and conv.json()["conversation"]["language"] == "es"

    cards = client.get("/api/v1/insights/model-cards", params={"tenant": TENANT}, headers=demo["supervisor"]).json()
    kinds = {c["kind"]: c["card"] for c in cards["data"]}
    assert kinds["churn"]["method"] in ("trained", "heuristic") and kinds["churn"]["label"]
    assert client.get("/api/v1/insights/model-cards", params={"tenant": demo["other"]},
                      headers=demo["supervisor"]).status_code == 404


def test_staffing_plan_for_supervisors_only(client, demo) -> None:  # type: ignore[no-untyped-def]
    params = {"tenant": TENANT, "interval_minutes": 60, "aht": 300, "target_sl": 0.8, "answer_within": 20,
              "horizon_days": 1}
    r = client.get("/api/v1/insights/staffing", params=params, headers=demo["supervisor"])
    assert r.status_code == 200, r.text
    plan = r.json()
    assert len(plan["rows"]) == 24 and plan["aht_seconds"] == 300 and plan["aht_source"] == "given"
    assert 0 < plan["containment"]["rate"] < 1
    assert all(row["agents"] <= row["agents_without_bot"] for row in plan["rows"])
    assert client.get("/api/v1/insights/staffing", params=params, headers=demo["agent"]).status_code == 403
    assert client.get("/api/v1/insights/staffing", params=params, headers=demo["stranger"]).status_code == 404
    bad = client.get("/api/v1/insights/staffing", params={**params, "interval_minutes": 7}, headers=demo["supervisor"])
    assert bad.status_code == 422


def test_churn_before_any_refresh_says_so(client, demo, platform) -> None:  # type: ignore[no-untyped-def]
    with platform.uow() as uow:
        customer = uow.customers.by_external_id(uow.tenants.by_slug(TENANT).id, "ATL-100234")
    r = client.get(f"/api/v1/insights/customers/{customer.id}/churn", headers=demo["agent"])
    assert r.status_code == 200 and r.json()["score"] is None and "refresh" in r.json()["status"]
    assert client.get("/api/v1/insights/customers/nope/churn", headers=demo["agent"]).status_code == 404
