"""The admin console's people API: list, invite with a temporary password, change, disable, reset; only the
tenant's admins, another tenant's users invisible; every change audited."""

from __future__ import annotations

from typing import Any

import pytest

from tests import factories


@pytest.fixture
def world(client, platform) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    acme, other = factories.tenant(platform).slug, factories.tenant(platform).slug
    admin = factories.user(platform, [acme], role="admin")
    agent = factories.user(platform, [acme], role="agent")
    stranger = factories.user(platform, [other], role="agent")
    return {
        "acme": acme,
        "other": other,
        "admin": admin,
        "agent": agent,
        "stranger": stranger,
        "as_admin": factories.login(client, admin["email"]),
        "as_agent": factories.login(client, agent["email"]),
    }


def _users(w: dict[str, Any]) -> str:
    return f"/api/v1/admin/tenants/{w['acme']}/users"


def test_an_admin_lists_only_the_tenants_users(client, world) -> None:  # type: ignore[no-untyped-def]
    r = client.get(_users(world), headers=world["as_admin"])
    assert r.status_code == 200, r.text
    emails = {u["email"] for u in r.json()["data"]}
    assert emails == {world["admin"]["email"], world["agent"]["email"]}
    assert all(u["active"] for u in r.json()["data"])
    other = client.get(f"/api/v1/admin/tenants/{world['other']}/users", headers=world["as_admin"])
    assert other.status_code == 404


def test_an_agent_is_refused(client, world) -> None:  # type: ignore[no-untyped-def]
    assert client.get(_users(world), headers=world["as_agent"]).status_code == 403
    r = client.post(_users(world), headers=world["as_agent"], json={"email": "x@acme.example", "role": "agent"})
    assert r.status_code == 403


def test_an_invited_user_logs_in_with_the_temporary_password(client, world) -> None:  # type: ignore[no-untyped-def]
    r = client.post(
        _users(world),
        headers=world["as_admin"],
        json={
            "email": "Leila@Acme.example",
            "role": "agent",
            "display_name": "Leïla",
            "languages": ["ar", "fr"],
            "skills": ["billing"],
            "capacity": 2,
        },
    )
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["user"]["email"] == "leila@acme.example" and body["user"]["languages"] == ["ar", "fr"]
    password = body["temporary_password"]
    assert len(password) >= 10
    login = client.post("/api/v1/auth/login", json={"email": "leila@acme.example", "password": password})
    assert login.status_code == 200
    again = client.post(
        _users(world), headers=world["as_admin"], json={"email": world["stranger"]["email"], "role": "admin"}
    )
    assert again.status_code == 409  # never takes over an existing account
    bad = client.post(_users(world), headers=world["as_admin"], json={"email": "nope", "role": "agent"})
    assert bad.status_code == 422 and bad.json()["detail"][0]["loc"][-1] == "email"
    assert (
        client.post(_users(world), headers=world["as_admin"], json={"email": "a@b.example", "role": "root"}).status_code
        == 422
    )


def test_disable_ends_access_and_reset_gives_a_new_password(client, world) -> None:  # type: ignore[no-untyped-def]
    uid = world["agent"]["id"]
    r = client.patch(f"{_users(world)}/{uid}", headers=world["as_admin"], json={"active": False, "capacity": 5})
    assert r.status_code == 200, r.text
    assert r.json()["active"] is False and r.json()["capacity"] == 5
    assert client.get("/api/v1/agent/me", headers=world["as_agent"]).status_code == 401
    assert (
        client.post(
            "/api/v1/auth/login", json={"email": world["agent"]["email"], "password": factories.PASSWORD}
        ).status_code
        == 401
    )
    client.patch(f"{_users(world)}/{uid}", headers=world["as_admin"], json={"active": True, "role": "supervisor"})
    reset = client.post(f"{_users(world)}/{uid}/reset-password", headers=world["as_admin"])
    assert reset.status_code == 200
    assert (
        client.post(
            "/api/v1/auth/login", json={"email": world["agent"]["email"], "password": factories.PASSWORD}
        ).status_code
        == 401
    )
    new = client.post(
        "/api/v1/auth/login", json={"email": world["agent"]["email"], "password": reset.json()["temporary_password"]}
    )
    assert new.status_code == 200 and new.json()["user"]["role"] == "supervisor"


def test_an_admin_cannot_lock_themselves_out_nor_touch_another_tenants_user(client, world) -> None:  # type: ignore[no-untyped-def]
    me = world["admin"]["id"]
    assert client.patch(f"{_users(world)}/{me}", headers=world["as_admin"], json={"active": False}).status_code == 409
    assert client.patch(f"{_users(world)}/{me}", headers=world["as_admin"], json={"role": "agent"}).status_code == 409
    stranger = world["stranger"]["id"]
    assert (
        client.patch(f"{_users(world)}/{stranger}", headers=world["as_admin"], json={"active": False}).status_code
        == 404
    )
    assert client.patch(f"{_users(world)}/{me}", headers=world["as_admin"], json={"nope": 1}).status_code == 422


def test_every_change_is_audited(client, platform, world) -> None:  # type: ignore[no-untyped-def]
    uid = world["agent"]["id"]
    client.patch(f"{_users(world)}/{uid}", headers=world["as_admin"], json={"skills": ["roaming"]})
    client.post(f"{_users(world)}/{uid}/reset-password", headers=world["as_admin"])
    client.post(_users(world), headers=world["as_admin"], json={"email": "new@acme.example", "role": "agent"})
    from sqlalchemy import select

    from tawasol.domain.model import AuditEntry

    with platform.uow() as uow:
        actions = [
            e.action for e in uow.session.scalars(select(AuditEntry)).all() if e.actor == world["admin"]["email"]
        ]
    assert actions.count("admin.user.update") == 1
    assert actions.count("admin.user.reset_password") == 1 and actions.count("admin.user.invite") == 1
    with platform.uow() as uow:
        details = [str(e.details) for e in uow.session.scalars(select(AuditEntry)).all()]
    assert not any("temporary" in d or "password_hash" in d for d in details)


def test_an_admin_tests_a_question_on_the_knowledge_base(client, platform) -> None:  # type: ignore[no-untyped-def]
    from tawasol.demo.seed import TENANT, seed_demo

    seed_demo(platform.uow, platform.contacts)
    admin = factories.login(client, factories.user(platform, [TENANT], role="admin")["email"])
    url = f"/api/v1/admin/tenants/{TENANT}/kb/test"
    r = client.post(url, headers=admin, json={"question": "Comment payer ma facture en ligne ?"})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["language"] == "fr" and body["answer"] is True and body["reason"] == "answered"
    assert body["articles"][0]["rank"] == 1 and body["articles"][0]["language"] == "fr"
    off = client.post(
        url, headers=admin, json={"question": "quelle est la capitale de la Mongolie ?", "language": "fr"}
    )
    assert off.status_code == 200 and off.json()["answer"] is False
    agent = factories.login(client, factories.user(platform, [TENANT])["email"])
    assert client.post(url, headers=agent, json={"question": "facture"}).status_code == 403


def test_the_staff_language_is_the_users_own_setting(client, world) -> None:  # type: ignore[no-untyped-def]
    agent = world["as_agent"]
    assert client.get("/api/v1/agent/me", headers=agent).json()["ui_language"] is None  # the browser's
    r = client.put("/api/v1/agent/language", headers=agent, json={"language": "ar"})
    assert r.status_code == 200 and r.json()["ui_language"] == "ar"
    login = client.post("/api/v1/auth/login", json={"email": world["agent"]["email"], "password": factories.PASSWORD})
    assert login.json()["user"]["ui_language"] == "ar"  # on any desk
    assert client.put("/api/v1/agent/language", headers=agent, json={"language": "ary"}).status_code == 422
    assert client.put("/api/v1/agent/language", headers=agent, json={"language": None}).json()["ui_language"] is None
