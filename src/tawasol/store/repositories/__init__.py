"""Repositories: every read of tenant data names the tenant, so no query can cross tenants.

The base classes are in `base`, messages in `messages`; the others are here or in a module of their
capability (audit, insights, privacy, qa, reports, routing, jobs)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import func, select

from tawasol.domain import model
from tawasol.domain.errors import NotFound
from tawasol.store import tables
from tawasol.store.repositories.base import _Repository, _TenantScoped
from tawasol.store.repositories.messages import AnalysisMark, MessageRepository, last_seq

# queries are written against the tables' columns (typed), objects are read as the mapped dataclasses
_auth_tokens = tables.auth_tokens.c
_conversations = tables.conversations.c
_customer_keys = tables.customer_keys.c
_customers = tables.customers.c
_decision_records = tables.decision_records.c
_kb_articles = tables.kb_articles.c
_memberships = tables.memberships.c
_queues = tables.queues.c
_tenants = tables.tenants.c
_users = tables.users.c

__all__ = [
    "AnalysisMark",
    "ArticleRepository",
    "ConversationRepository",
    "CustomerRepository",
    "DecisionRepository",
    "MessageRepository",
    "QueueRepository",
    "TenantRepository",
    "TokenRepository",
    "UserRepository",
    "last_seq",
]


class TenantRepository(_Repository[model.Tenant]):
    entity = model.Tenant

    def by_slug(self, slug: str) -> model.Tenant | None:
        return self.session.scalars(select(model.Tenant).where(_tenants.slug == slug)).first()

    def list(self) -> Sequence[model.Tenant]:
        return self.session.scalars(select(model.Tenant).order_by(_tenants.slug)).all()


class CustomerRepository(_TenantScoped[model.Customer]):
    entity = model.Customer

    def by_external_id(self, tenant_id: str, external_id: str) -> model.Customer | None:
        stmt = select(model.Customer).where(
            _customers.tenant_id == tenant_id, _customers.external_id == external_id
        )
        return self.session.scalars(stmt).first()

    def load_keys(self, customer_ids: Sequence[str]) -> list[model.CustomerKey]:
        """These customers' data keys in one query: while the caller holds the list, the session's
        (weak) identity map serves later gets of them without a query each."""
        wanted = list(dict.fromkeys(customer_ids))
        if not wanted:
            return []
        stmt = select(model.CustomerKey).where(_customer_keys.customer_id.in_(wanted))
        return list(self.session.scalars(stmt).all())


class QueueRepository(_TenantScoped[model.Queue]):
    entity = model.Queue

    def for_tenant(self, tenant_id: str) -> Sequence[model.Queue]:
        return self.session.scalars(
            select(model.Queue).where(_queues.tenant_id == tenant_id).order_by(_queues.name)
        ).all()

    def default_for(self, tenant_id: str) -> model.Queue | None:
        queues = self.for_tenant(tenant_id)
        return next((q for q in queues if q.is_default), queues[0] if queues else None)


class ConversationRepository(_TenantScoped[model.Conversation]):
    entity = model.Conversation

    def lock_in(self, tenant_ids: str | Sequence[str], id_: str) -> model.Conversation | None:
        """Like get_in, holding a row lock (PostgreSQL) until the unit of work ends."""
        ids = [tenant_ids] if isinstance(tenant_ids, str) else list(tenant_ids)
        stmt = (
            select(model.Conversation)
            .where(_conversations.id == id_, _conversations.tenant_id.in_(ids))
            .with_for_update()
        )
        return self.session.scalars(stmt).first()

    def require_in(self, tenant_ids: str | Sequence[str], id_: str, lock: bool = False) -> model.Conversation:
        """The tenant's conversation (row-locked when `lock`), or NotFound whether absent or foreign."""
        conv = self.lock_in(tenant_ids, id_) if lock else self.get_in(tenant_ids, id_)
        if conv is None:
            raise NotFound("conversation not found")
        return conv

    def search(
        self, tenant_ids: Sequence[str], statuses: Sequence[str] | None = None,
        agent_id: str | None = None, customer_id: str | None = None, limit: int = 100,
    ) -> Sequence[model.Conversation]:
        stmt = select(model.Conversation).where(_conversations.tenant_id.in_(list(tenant_ids)))
        if statuses:
            stmt = stmt.where(_conversations.status.in_(list(statuses)))
        if agent_id:
            stmt = stmt.where(_conversations.assigned_agent_id == agent_id)
        if customer_id:
            stmt = stmt.where(_conversations.customer_id == customer_id)
        stmt = stmt.order_by(_conversations.updated_at.desc()).limit(limit)
        return self.session.scalars(stmt).all()

    def count_assigned(self, agent_id: str) -> int:
        stmt = select(func.count()).select_from(model.Conversation).where(
            _conversations.assigned_agent_id == agent_id,
            _conversations.status == model.ConversationStatus.ASSIGNED.value,
        )
        return int(self.session.scalar(stmt) or 0)


class UserRepository(_Repository[model.User]):
    entity = model.User

    def by_email(self, email: str) -> model.User | None:
        return self.session.scalars(select(model.User).where(_users.email == email.lower())).first()

    def tenant_ids(self, user_id: str) -> list[str]:
        stmt = select(_memberships.tenant_id).where(_memberships.user_id == user_id)
        return list(self.session.scalars(stmt).all())

    def add_membership(self, user_id: str, tenant_id: str) -> None:
        if tenant_id not in self.tenant_ids(user_id):
            self.session.add(model.Membership(user_id=user_id, tenant_id=tenant_id))

    def in_tenants(self, tenant_ids: Sequence[str]) -> Sequence[model.User]:
        members = select(_memberships.user_id).where(_memberships.tenant_id.in_(list(tenant_ids)))
        # A subquery, not DISTINCT: PostgreSQL has no equality operator for JSON columns.
        stmt = select(model.User).where(_users.id.in_(members)).order_by(_users.email)
        return self.session.scalars(stmt).all()


class DecisionRepository(_Repository[model.DecisionRecord]):
    entity = model.DecisionRecord
    flush_on_add = False  # parents: tenant, conversation

    def for_conversation(self, conversation_id: str) -> Sequence[model.DecisionRecord]:
        stmt = (
            select(model.DecisionRecord)
            .where(_decision_records.conversation_id == conversation_id)
            .order_by(_decision_records.created_at)
        )
        return self.session.scalars(stmt).all()


class TokenRepository(_Repository[model.AuthToken]):
    entity = model.AuthToken

    def delete(self, token: model.AuthToken) -> None:
        self.session.delete(token)

    def delete_for_user(self, user_id: str) -> None:
        """End every session of a user (their password was reset)."""
        for token in self.session.scalars(select(model.AuthToken).where(_auth_tokens.user_id == user_id)):
            self.session.delete(token)


class ArticleRepository(_Repository[model.Article]):
    entity = model.Article

    def for_tenant(self, tenant_id: str) -> Sequence[model.Article]:
        stmt = (
            select(model.Article)
            .where(_kb_articles.tenant_id == tenant_id)
            .order_by(_kb_articles.article_key, _kb_articles.language)
        )
        return self.session.scalars(stmt).all()

    def signature(self, tenant_id: str) -> tuple[int, datetime | None]:
        """The number of the tenant's article variants and the latest change: the index's version."""
        a = tables.kb_articles.c
        row = self.session.execute(select(func.count(), func.max(a.updated_at)).where(a.tenant_id == tenant_id)).one()
        return int(row[0]), row[1]

    def delete(self, article: model.Article) -> None:
        self.session.delete(article)

    def variant(self, tenant_id: str, article_key: str, language: str) -> model.Article | None:
        stmt = select(model.Article).where(
            _kb_articles.tenant_id == tenant_id,
            _kb_articles.article_key == article_key,
            _kb_articles.language == language,
        )
        return self.session.scalars(stmt).first()
