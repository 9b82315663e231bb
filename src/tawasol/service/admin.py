"""Handlers for administrators and the CLI: tenants, queues, users."""

from __future__ import annotations

import re
from typing import Any

from tawasol.domain.errors import Conflict, InvalidInput, NotFound
from tawasol.domain.model import Queue, Role, Tenant, User
from tawasol.service.passwords import check_password
from tawasol.service.security import hash_password
from tawasol.service.views import user_view
from tawasol.store.uow import UnitOfWork

_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{1,62}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def create_tenant(uow: UnitOfWork, slug: str, name: str, settings: dict[str, Any] | None = None) -> Tenant:
    if not _SLUG.match(slug):
        raise InvalidInput("slug", "lowercase letters, digits and dashes, 2 to 63 characters")
    with uow:
        if uow.tenants.by_slug(slug):
            raise Conflict(f"tenant {slug} exists")
        tenant = uow.tenants.add(Tenant(slug=slug, name=name, settings=settings or {}))
        uow.queues.add(Queue(tenant_id=tenant.id, name="general", is_default=True))
        uow.commit()
        return tenant


def ensure_queue(uow: UnitOfWork, tenant_slug: str, name: str, skills: list[str], languages: list[str],
                 sla_seconds: int = 60) -> Queue:
    with uow:
        tenant = uow.tenants.by_slug(tenant_slug)
        if tenant is None:
            raise NotFound("tenant not found")
        existing = next((q for q in uow.queues.for_tenant(tenant.id) if q.name == name), None)
        queue = existing or uow.queues.add(Queue(tenant_id=tenant.id, name=name))
        queue.skills, queue.languages, queue.sla_seconds = skills, languages, sla_seconds
        uow.commit()
        return queue


def create_user(uow: UnitOfWork, email: str, password: str, role: str, tenant_slugs: list[str],
                display_name: str = "", languages: list[str] | None = None, skills: list[str] | None = None,
                capacity: int = 3) -> dict[str, Any]:
    email = email.strip().lower()
    if not _EMAIL.match(email):
        raise InvalidInput("email", "not an e-mail address")
    try:
        role_value = Role(role).value
    except ValueError:
        raise InvalidInput("role", f"expected one of {[r.value for r in Role]}, got {role!r}") from None
    check_password(password, email)
    with uow:
        tenants = []
        for slug in tenant_slugs:
            tenant = uow.tenants.by_slug(slug)
            if tenant is None:
                raise NotFound(f"tenant {slug} not found")
            tenants.append(tenant)
        user = uow.users.by_email(email)
        if user is None:
            user = uow.users.add(User(email=email, password_hash=hash_password(password), role=role_value))
        else:
            user.password_hash, user.role = hash_password(password), role_value
        user.display_name = display_name or user.display_name or email.split("@")[0]
        user.languages = languages if languages is not None else user.languages
        user.skills = skills if skills is not None else user.skills
        user.capacity = capacity
        uow.flush()
        for tenant in tenants:
            uow.users.add_membership(user.id, tenant.id)
        uow.flush()
        view = user_view(user, uow.users.tenant_ids(user.id))
        uow.commit()
        return view
