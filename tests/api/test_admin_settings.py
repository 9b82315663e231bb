"""The admin console's settings API: thresholds and retention in force, changed within their ranges only,
read by the pipeline's own policies, audited; admins of the tenant only."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from tawasol.bot import BotSettings
from tawasol.domain.model import AuditEntry
from tawasol.routing import EscalationPolicy
from tests import factories


@pytest.fixture
def world(client, platform) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    slug = factories.tenant(platform).slug
    admin = factories.user(platform, [slug], role="admin")
    return {
        "slug": slug,
        "url": f"/api/v1/admin/tenants/{slug}/settings",
        "admin": admin,
        "as_admin": factories.login(client, admin["email"]),
        "as_supervisor": factories.login(client, factories.user(platform, [slug], role="supervisor")["email"]),
    }


def test_the_defaults_in_force_are_shown(client, world) -> None:  # type: ignore[no-untyped-def]
    r = client.get(world["url"], headers=world["as_admin"])
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["escalation"]["anger"] == EscalationPolicy().anger
    assert body["bot"]["max_misses"] == BotSettings().max_misses
    assert body["retention"] == {"raw_text_days": 30, "redacted_days": 365}
    assert client.get(world["url"], headers=world["as_supervisor"]).status_code == 403


def test_a_change_is_what_the_pipeline_reads_and_is_audited(client, platform, world) -> None:  # type: ignore[no-untyped-def]
    r = client.patch(
        world["url"],
        headers=world["as_admin"],
        json={
            "escalation": {"anger": 0.5, "max_out_of_scope": 3},
            "bot": {"threshold": 0.8},
            "retention": {"raw_text_days": None},
        },
    )
    assert r.status_code == 200, r.text
    assert r.json()["escalation"]["anger"] == 0.5 and r.json()["retention"]["raw_text_days"] is None
    with platform.uow() as uow:
        tenant = uow.tenants.by_slug(world["slug"])
        assert tenant is not None
        assert EscalationPolicy.from_settings(tenant.settings).anger == 0.5
        assert EscalationPolicy.from_settings(tenant.settings).max_out_of_scope == 3
        assert BotSettings.from_tenant(tenant.settings).threshold == 0.8
        assert tenant.settings["identity"]["secret"]  # the other settings are kept
        entries = [e for e in uow.session.scalars(select(AuditEntry)).all() if e.action == "admin.settings.update"]
    assert len(entries) == 1 and entries[0].details["escalation"]["anger"] == [EscalationPolicy().anger, 0.5]


@pytest.mark.parametrize(
    "change",
    [
        {"escalation": {"anger": 1.5}},
        {"escalation": {"max_out_of_scope": 2.5}},
        {"escalation": {"anger": True}},
        {"bot": {"backend_url": 1}},
        {"retention": {"redacted_days": -1}},
    ],
)
def test_out_of_range_or_unknown_is_refused_and_nothing_changes(client, world, change) -> None:  # type: ignore[no-untyped-def]
    before = client.get(world["url"], headers=world["as_admin"]).json()
    r = client.patch(
        world["url"],
        headers=world["as_admin"],
        json={**change, "escalation": {"loop_turns": 5, **change.get("escalation", {})}},
    )
    assert r.status_code == 422, r.text
    assert client.get(world["url"], headers=world["as_admin"]).json() == before
