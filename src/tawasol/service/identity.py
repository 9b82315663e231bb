"""Verified customer identity: a tenant's site vouches for its own customer ids by signing them.

The site keeps a per-tenant secret (`tenant.settings["identity"]["secret"]`) on its server and sends, with
the `external_id` of its logged-in customer, `external_id_signature` = hex HMAC-SHA256(secret, external_id),
as the big messengers' "identity verification" does. Only a correctly signed id attaches a conversation to
an existing customer; anything else is ignored, so guessing an id neither attaches nor reveals anything.
"""

from __future__ import annotations

import hashlib
import hmac
from typing import Any


def identity_secret(tenant: Any) -> str | None:
    config = (getattr(tenant, "settings", None) or {}).get("identity") or {}
    secret = config.get("secret") if isinstance(config, dict) else None
    return str(secret) if secret else None


def sign_external_id(secret: str, external_id: str) -> str:
    """What the tenant's server computes (any language: HMAC-SHA256, hex digest)."""
    return hmac.new(secret.encode("utf-8"), external_id.encode("utf-8"), hashlib.sha256).hexdigest()


def verified_external_id(tenant: Any, external_id: str | None, signature: str | None) -> str | None:
    """`external_id` when the tenant has a secret and the signature matches; None (treat the visitor as
    new and unidentified) when the id is unsigned, wrongly signed, or the tenant has no secret configured."""
    secret = identity_secret(tenant)
    if not external_id or not signature or secret is None:
        return None
    expected = sign_external_id(secret, external_id).encode("ascii")
    given = signature.strip().lower().encode("utf-8", "replace")
    return external_id if hmac.compare_digest(expected, given) else None


def new_identity_secret(uow: Any, tenant_slug: str) -> str:
    """Give the tenant a fresh identity secret (replacing any previous one) and return it, to be copied
    once to the tenant's site server; ids signed with the old secret stop attaching at once."""
    import secrets

    from tawasol.domain.errors import NotFound

    with uow:
        tenant = uow.tenants.by_slug(tenant_slug)
        if tenant is None:
            raise NotFound(f"tenant {tenant_slug} not found")
        secret = secrets.token_hex(32)
        settings = dict(tenant.settings or {})
        settings["identity"] = {**(settings.get("identity") or {}), "secret": secret}
        tenant.settings = settings  # a new dict, so the JSON column is written
        uow.commit()
        return secret
