"""Export and erasure check the caller in the service handler: admins serving the tenant only, erasure
confirmed; another tenant's slug answers 404 like an unknown one; the CLI path (no principal) is unchanged."""

from __future__ import annotations

from tests import factories


def test_export_and_erase_only_for_an_admin_of_the_tenant(client, platform) -> None:  # type: ignore[no-untyped-def]
    t, other = factories.tenant(platform), factories.tenant(platform)
    agent = factories.login(client, factories.user(platform, [t.slug], role="agent")["email"])
    admin = factories.login(client, factories.user(platform, [t.slug], role="admin")["email"])
    foreign_admin = factories.login(client, factories.user(platform, [other.slug], role="admin")["email"])
    conv_id, _ = factories.open_conversation(client, t.slug, **factories.signed("c-91"))
    detail = client.get(f"/api/v1/agent/conversations/{conv_id}", headers=agent).json()
    base = f"/api/v1/privacy/tenants/{t.slug}/customers/{detail['customer']['id']}"

    assert client.get(f"{base}/export", headers=agent).status_code == 403
    assert client.get(f"{base}/export", headers=foreign_admin).status_code == 404
    assert client.post(f"{base}/erase", json={"confirm": True}, headers=agent).status_code == 403
    assert client.post(f"{base}/erase", json={"confirm": False}, headers=admin).status_code == 422
    assert client.post(f"{base}/erase", json={"confirm": True}, headers=foreign_admin).status_code == 404
    assert client.get(f"{base}/export", headers=admin).status_code == 200  # nothing erased so far
    erased = client.post(f"{base}/erase", json={"confirm": True}, headers=admin)
    assert erased.status_code == 200 and erased.json()["customer_id"] == detail["customer"]["id"]
