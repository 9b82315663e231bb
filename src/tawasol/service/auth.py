"""Login, token issue and token checks for users and customers."""

from __future__ import annotations

from datetime import timedelta

from tawasol.domain.errors import NotFound, Unauthorized
from tawasol.domain.model import AuthToken, utcnow
from tawasol.service.principals import CustomerPrincipal, UserPrincipal
from tawasol.service.security import new_token, token_hash, verify_password
from tawasol.store.uow import UnitOfWork


def login(uow: UnitOfWork, email: str, password: str, ttl_hours: int) -> tuple[str, UserPrincipal]:
    with uow:
        user = uow.users.by_email(email.strip().lower())
        if user is None or not user.active or not verify_password(user.password_hash, password):
            raise Unauthorized("wrong e-mail or password")
        raw, hashed = new_token()
        uow.tokens.add(AuthToken(token_hash=hashed, kind="user", user_id=user.id,
                                 expires_at=utcnow() + timedelta(hours=ttl_hours)))
        principal = UserPrincipal(user=user, tenant_ids=tuple(uow.users.tenant_ids(user.id)))
        uow.commit()
        return raw, principal


def logout(uow: UnitOfWork, raw: str) -> None:
    with uow:
        tok = uow.tokens.get(token_hash(raw))
        if tok is not None:
            uow.tokens.delete(tok)
            uow.commit()


def issue_customer_token(uow: UnitOfWork, tenant_id: str, conversation_id: str, ttl_hours: int) -> str:
    """Inside the caller's unit of work: a token for this one conversation."""
    raw, hashed = new_token()
    uow.tokens.add(AuthToken(token_hash=hashed, kind="customer", tenant_id=tenant_id,
                             conversation_id=conversation_id,
                             expires_at=utcnow() + timedelta(hours=ttl_hours)))
    return raw


def _valid_token(uow: UnitOfWork, raw: str | None, kind: str) -> AuthToken:
    if not raw:
        raise Unauthorized("missing bearer token")
    tok = uow.tokens.get(token_hash(raw))
    if tok is None or tok.kind != kind:
        raise Unauthorized("invalid token")
    expires = tok.expires_at if tok.expires_at.tzinfo else tok.expires_at.replace(tzinfo=utcnow().tzinfo)
    if expires <= utcnow():
        raise Unauthorized("token expired")
    return tok


def authenticate_user(uow: UnitOfWork, raw: str | None) -> UserPrincipal:
    with uow:
        tok = _valid_token(uow, raw, "user")
        user = uow.users.get(tok.user_id or "")
        if user is None or not user.active:
            raise Unauthorized("invalid token")
        return UserPrincipal(user=user, tenant_ids=tuple(uow.users.tenant_ids(user.id)))


def authenticate_customer(uow: UnitOfWork, raw: str | None, conversation_id: str) -> CustomerPrincipal:
    """A customer token opens its own conversation only; any other id answers 404."""
    with uow:
        tok = _valid_token(uow, raw, "customer")
        if tok.conversation_id != conversation_id:
            raise NotFound("conversation not found")
        return CustomerPrincipal(tenant_id=tok.tenant_id or "", conversation_id=conversation_id)
