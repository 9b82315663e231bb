"""Handlers for administrators and the CLI: tenants, queues, users; the admin console's people screens."""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from tawasol.domain.errors import Conflict, InvalidInput, NotFound
from tawasol.domain.model import Queue, Role, Tenant, User
from tawasol.service import audit
from tawasol.service.passwords import check_password, password_problem
from tawasol.service.principals import UserPrincipal
from tawasol.service.security import hash_password
from tawasol.service.views import user_view
from tawasol.store.uow import UnitOfWork

if TYPE_CHECKING:
    from tawasol.bot import KnowledgeIndex

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


# -- the admin console: a tenant's people -------------------------------------------------------------------
# Every handler below is for an admin of the tenant (role admin and serving it; another tenant's slug answers
# 404 like an unknown one), and every change is an audit entry of that tenant.

def admin_tenant(uow: UnitOfWork, who: UserPrincipal, slug: str) -> Tenant:
    who.require(Role.ADMIN)
    tenant = uow.tenants.by_slug(slug)
    if tenant is None or tenant.id not in who.tenant_ids:
        raise NotFound("tenant not found")
    return tenant


def _member(uow: UnitOfWork, tenant: Tenant, user_id: str) -> User:
    user = uow.users.get(user_id)
    if user is None or tenant.id not in uow.users.tenant_ids(user.id):
        raise NotFound("user not found")
    return user


def temporary_password() -> str:
    """Shown once to the admin who hands it over; it passes the password rules (letters and digits, 16 chars)."""
    while True:
        password = secrets.token_urlsafe(12)
        if password_problem(password) is None:
            return password


def admin_user_view(user: User, tenant_ids: list[str]) -> dict[str, Any]:
    return {**user_view(user, tenant_ids), "active": user.active}


def list_users(uow: UnitOfWork, who: UserPrincipal, tenant_slug: str) -> list[dict[str, Any]]:
    with uow:
        tenant = admin_tenant(uow, who, tenant_slug)
        return [admin_user_view(u, uow.users.tenant_ids(u.id)) for u in uow.users.in_tenants([tenant.id])]


def invite_user(uow: UnitOfWork, who: UserPrincipal, tenant_slug: str, email: str, role: str,
                display_name: str = "", languages: list[str] | None = None, skills: list[str] | None = None,
                capacity: int = 3) -> dict[str, Any]:
    """A new person of the tenant with a temporary password, returned once (never stored nor audited in clear).
    An e-mail already in use is refused: an admin never takes over someone's account by inviting it."""
    email = email.strip().lower()
    if not _EMAIL.match(email):
        raise InvalidInput("email", "not an e-mail address")
    role_value = _role(role)
    _capacity(capacity)
    password = temporary_password()
    with uow:
        tenant = admin_tenant(uow, who, tenant_slug)
        if uow.users.by_email(email) is not None:
            raise Conflict("a user with this e-mail exists")
        user = uow.users.add(User(email=email, password_hash=hash_password(password), role=role_value,
                                  display_name=display_name.strip() or email.split("@")[0],
                                  languages=list(languages or []), skills=list(skills or []), capacity=capacity))
        uow.flush()
        uow.users.add_membership(user.id, tenant.id)
        uow.flush()
        view = admin_user_view(user, [tenant.id])
        audit.append(uow, who.user.email, "admin.user.invite", f"user:{user.id}",
                     {"email": email, "role": role_value}, tenant_id=tenant.id)
        uow.commit()
        return {"user": view, "temporary_password": password}


def update_user(uow: UnitOfWork, who: UserPrincipal, tenant_slug: str, user_id: str,
                changes: dict[str, Any]) -> dict[str, Any]:
    """Role, name, languages, skills, capacity, active: only the fields given change. An admin cannot disable
    or demote themselves (the tenant would be left without its admin by a slip)."""
    allowed = {"role", "display_name", "languages", "skills", "capacity", "active"}
    unknown = sorted(set(changes) - allowed)
    if unknown:
        raise InvalidInput(unknown[0], f"expected one of {sorted(allowed)}")
    if "role" in changes:
        changes["role"] = _role(changes["role"])
    if "capacity" in changes:
        _capacity(changes["capacity"])
    with uow:
        tenant = admin_tenant(uow, who, tenant_slug)
        user = _member(uow, tenant, user_id)
        if user.id == who.user.id and (changes.get("active") is False or changes.get("role", user.role) != user.role):
            raise Conflict("an admin cannot disable or demote themselves")
        before = {k: getattr(user, k) for k in changes}
        for key, value in changes.items():
            setattr(user, key, list(value) if isinstance(value, list) else value)
        if changes.get("active") is False:
            user.presence = "offline"
        uow.flush()
        view = admin_user_view(user, uow.users.tenant_ids(user.id))
        audit.append(uow, who.user.email, "admin.user.update", f"user:{user.id}",
                     {"before": before, "after": changes}, tenant_id=tenant.id)
        uow.commit()
        return view


def reset_password(uow: UnitOfWork, who: UserPrincipal, tenant_slug: str, user_id: str) -> dict[str, Any]:
    """A new temporary password, returned once; the user's sessions end (their tokens are refused)."""
    password = temporary_password()
    with uow:
        tenant = admin_tenant(uow, who, tenant_slug)
        user = _member(uow, tenant, user_id)
        user.password_hash = hash_password(password)
        uow.tokens.delete_for_user(user.id)
        audit.append(uow, who.user.email, "admin.user.reset_password", f"user:{user.id}", {}, tenant_id=tenant.id)
        uow.commit()
        return {"user_id": user.id, "temporary_password": password}


def _role(role: str) -> str:
    try:
        return Role(role).value
    except ValueError:
        raise InvalidInput("role", f"expected one of {[r.value for r in Role]}, got {role!r}") from None


def _capacity(capacity: int) -> None:
    if not 0 <= capacity <= 50:
        raise InvalidInput("capacity", f"expected 0 to 50 conversations at once, got {capacity}")


# -- the admin console: "test this question" on the knowledge base ------------------------------------------

def test_question(uow: UnitOfWork, who: UserPrincipal, tenant_slug: str, question: str, language: str | None,
                  index_for: Callable[[str], KnowledgeIndex]) -> dict[str, Any]:
    """The articles the bot ranks for `question` and whether it would answer with the first (with the same
    settings as in a conversation; the message's intent is not read here, so the ranking is retrieval's)."""
    from tawasol.bot import BotSettings, Reading, decide
    from tawasol.bot.language import guess_language

    question = question.strip()
    if not question:
        raise InvalidInput("question", "empty")
    with uow:
        tenant = admin_tenant(uow, who, tenant_slug)
        settings = BotSettings.from_tenant(tenant.settings)
    index = index_for(tenant.id)
    language = language or guess_language(question)
    decision = decide(index, question, Reading.of(None, language), settings, k=5)
    ranked = []
    for rank, hit in enumerate(decision.hits, start=1):
        article, exact = index.variant(hit.article_key, language)
        ranked.append({"rank": rank, "article_key": hit.article_key, "title": article.title,
                       "language": article.language, "exact_language": exact, "score": round(hit.score, 3)})
    return {"question": question, "language": language, "answer": decision.answer, "reason": decision.reason,
            "probability": round(decision.probability, 3), "articles": ranked}
