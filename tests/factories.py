"""Small factories that create real rows through the service layer."""

from __future__ import annotations

import uuid
from typing import Any

from tawasol.service import admin
from tawasol.service.identity import sign_external_id

PASSWORD = "correct-horse-battery"
IDENTITY_SECRET = "test-identity-secret-of-the-tenant-site"


def tenant(platform: Any, slug: str | None = None) -> Any:
    """A tenant whose site signs its customers' external ids with IDENTITY_SECRET."""
    return admin.create_tenant(platform.uow(), slug or f"t-{uuid.uuid4().hex[:8]}", "Test Co",
                               settings={"identity": {"secret": IDENTITY_SECRET}})


def signed(external_id: str, secret: str = IDENTITY_SECRET) -> dict[str, str]:
    """The customer fields of a site that vouches for its logged-in customer."""
    return {"external_id": external_id, "external_id_signature": sign_external_id(secret, external_id)}


def user(platform: Any, tenant_slugs: list[str], role: str = "agent", languages: list[str] | None = None) -> dict:
    email = f"u{uuid.uuid4().hex[:8]}@example.com"
    view = admin.create_user(platform.uow(), email, PASSWORD, role, tenant_slugs, languages=languages or ["fr"])
    return view


def login(client: Any, email: str) -> dict[str, str]:
    r = client.post("/api/v1/auth/login", json={"email": email, "password": PASSWORD})
    assert r.status_code == 200, r.text
    return {"Authorization": f"Bearer {r.json()['access_token']}"}


def open_conversation(client: Any, slug: str, **customer: Any) -> tuple[str, dict[str, str]]:
    r = client.post("/api/v1/conversations", json={"tenant": slug, "channel": "web", "customer": customer})
    assert r.status_code == 201, r.text
    body = r.json()
    return body["id"], {"Authorization": f"Bearer {body['customer_token']}"}
