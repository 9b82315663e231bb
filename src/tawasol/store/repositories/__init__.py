"""Repositories: every read of tenant data names the tenant, so no query can cross tenants."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Generic, TypeVar

from sqlalchemy import Text, and_, cast, event, func, select
from sqlalchemy.orm import Session

from tawasol.domain import model
from tawasol.domain.errors import NotFound
from tawasol.store import tables

T = TypeVar("T")


class _Repository(Generic[T]):
    entity: type[T]
    # Tables are mapped without relationship(), so the session cannot order inserts by foreign key:
    # flushing at once keeps parents ahead of children. Entities that are never anyone's parent and whose
    # own parents are always stored first (messages, decisions) skip it: the session then sends a
    # message's rows together at the next query or commit instead of one round trip per row.
    flush_on_add = True

    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, obj: T) -> T:
        self.session.add(obj)
        if self.flush_on_add:
            self.session.flush()
        return obj

    def get(self, id_: str) -> T | None:
        return self.session.get(self.entity, id_)

    def get_many(self, ids: Sequence[str]) -> dict[str, T]:
        """The objects with these ids (by id), in one query."""
        wanted = list(dict.fromkeys(ids))
        if not wanted:
            return {}
        column = self.entity.id
        return {o.id: o for o in self.session.scalars(select(self.entity).where(column.in_(wanted)))}


class TenantRepository(_Repository[model.Tenant]):
    entity = model.Tenant

    def by_slug(self, slug: str) -> model.Tenant | None:
        return self.session.scalars(select(model.Tenant).where(model.Tenant.slug == slug)).first()

    def list(self) -> Sequence[model.Tenant]:
        return self.session.scalars(select(model.Tenant).order_by(model.Tenant.slug)).all()


class _TenantScoped(_Repository[T]):
    def get_in(self, tenant_ids: str | Sequence[str], id_: str) -> T | None:
        """The object if it belongs to one of these tenants, else None (no existence leak)."""
        obj = self.session.get(self.entity, id_)
        ids = {tenant_ids} if isinstance(tenant_ids, str) else set(tenant_ids)
        if obj is None or obj.tenant_id not in ids:
            return None
        return obj


class CustomerRepository(_TenantScoped[model.Customer]):
    entity = model.Customer

    def by_external_id(self, tenant_id: str, external_id: str) -> model.Customer | None:
        stmt = select(model.Customer).where(
            model.Customer.tenant_id == tenant_id, model.Customer.external_id == external_id
        )
        return self.session.scalars(stmt).first()

    def load_keys(self, customer_ids: Sequence[str]) -> list[model.CustomerKey]:
        """These customers' data keys in one query: while the caller holds the list, the session's
        (weak) identity map serves later gets of them without a query each."""
        wanted = list(dict.fromkeys(customer_ids))
        if not wanted:
            return []
        stmt = select(model.CustomerKey).where(model.CustomerKey.customer_id.in_(wanted))  # type: ignore[attr-defined]
        return list(self.session.scalars(stmt).all())


class QueueRepository(_TenantScoped[model.Queue]):
    entity = model.Queue

    def for_tenant(self, tenant_id: str) -> Sequence[model.Queue]:
        return self.session.scalars(
            select(model.Queue).where(model.Queue.tenant_id == tenant_id).order_by(model.Queue.name)
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
            .where(model.Conversation.id == id_, model.Conversation.tenant_id.in_(ids))
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
        stmt = select(model.Conversation).where(model.Conversation.tenant_id.in_(list(tenant_ids)))
        if statuses:
            stmt = stmt.where(model.Conversation.status.in_(list(statuses)))
        if agent_id:
            stmt = stmt.where(model.Conversation.assigned_agent_id == agent_id)
        if customer_id:
            stmt = stmt.where(model.Conversation.customer_id == customer_id)
        stmt = stmt.order_by(model.Conversation.updated_at.desc()).limit(limit)
        return self.session.scalars(stmt).all()

    def count_assigned(self, agent_id: str) -> int:
        stmt = select(func.count()).select_from(model.Conversation).where(
            model.Conversation.assigned_agent_id == agent_id,
            model.Conversation.status == model.ConversationStatus.ASSIGNED.value,
        )
        return int(self.session.scalar(stmt) or 0)


class MessageRepository(_Repository[model.Message]):
    entity = model.Message
    flush_on_add = False  # parents: tenant, conversation, user (all stored by their own add)

    def __init__(self, session: Session) -> None:
        super().__init__(session)
        self._counts: dict[str, int] = {}  # conversation id -> highest seq added, not yet on the conversation
        event.listen(session, "before_commit", self._write_counts)

    def add(self, obj: model.Message) -> model.Message:
        """Insert the message; its conversation's counter (`last_seq`) follows at commit, in one UPDATE of the
        conversation however many messages the transaction added."""
        self._counts[obj.conversation_id] = max(self._counts.get(obj.conversation_id, 0), obj.seq)
        return super().add(obj)

    def _write_counts(self, _session: Session) -> None:
        for conversation_id, seq in self._counts.items():
            conv = self.session.get(model.Conversation, conversation_id)
            if conv is not None and seq > last_seq(conv):
                conv.last_seq = seq
        self._counts.clear()

    def for_conversation(
        self, conversation_id: str, after_seq: int = 0, limit: int = 500
    ) -> Sequence[model.Message]:
        stmt = (
            select(model.Message)
            .where(model.Message.conversation_id == conversation_id, model.Message.seq > after_seq)
            .order_by(model.Message.seq)
            .limit(limit)
        )
        return self.session.scalars(stmt).all()

    def recent(self, conversation_id: str, limit: int = 50,
               keep: Sequence[AnalysisMark] = ()) -> list[model.Message]:
        """The conversation's last `limit` messages in seq order. For each mark in `keep` that none of them
        carries, the latest older message carrying it comes first (a state or mapping written long ago)."""
        stmt = (
            select(model.Message).where(model.Message.conversation_id == conversation_id)
            .order_by(model.Message.seq.desc()).limit(limit)  # type: ignore[attr-defined]
        )
        window = list(reversed(self.session.scalars(stmt).all()))
        if len(window) < limit:
            return window
        older = [m for mark in keep if not any(mark.on(w) for w in window)
                 for m in [self._latest_marked(conversation_id, window[0].seq, mark)] if m is not None]
        return sorted({m.id: m for m in older}.values(), key=lambda m: m.seq) + window

    def _latest_marked(self, conversation_id: str, before_seq: int, mark: AnalysisMark,
                       scan: int = 20) -> model.Message | None:
        # JSON is stored as text on both engines: a LIKE on the key narrows the rows, mark.on() decides.
        stmt = (
            select(model.Message)
            .where(model.Message.conversation_id == conversation_id, model.Message.seq < before_seq,
                   cast(model.Message.analysis, Text).like(f'%"{mark.path[-1]}"%'))  # type: ignore[arg-type]
            .order_by(model.Message.seq.desc()).limit(scan)  # type: ignore[attr-defined]
        )
        if mark.author is not None:
            stmt = stmt.where(model.Message.author == mark.author)
        return next((m for m in self.session.scalars(stmt) if mark.on(m)), None)

    def last_of(self, conversation_ids: Sequence[str],
                authors: Sequence[str] | None = None) -> dict[str, model.Message]:
        """The latest message of each conversation (by id), in one query; `authors`: the latest of theirs."""
        if not conversation_ids:
            return {}
        conv_col, seq_col = model.Message.conversation_id, model.Message.seq  # type: ignore[attr-defined]
        among = conv_col.in_(list(conversation_ids))
        if authors is not None:
            among = and_(among, model.Message.author.in_(list(authors)))  # type: ignore[attr-defined]
        latest = (
            select(conv_col.label("cid"), func.max(seq_col).label("seq"))
            .where(among).group_by(conv_col).subquery()
        )
        stmt = select(model.Message).join(latest, and_(model.Message.conversation_id == latest.c.cid,
                                                       model.Message.seq == latest.c.seq))
        return {m.conversation_id: m for m in self.session.scalars(stmt)}

    def by_client_id(self, conversation_id: str, client_message_id: str) -> model.Message | None:
        stmt = select(model.Message).where(
            model.Message.conversation_id == conversation_id,
            model.Message.client_message_id == client_message_id,
        )
        return self.session.scalars(stmt).first()

    def replies_to(self, message_id: str) -> Sequence[model.Message]:
        stmt = select(model.Message).where(model.Message.in_reply_to == message_id).order_by(model.Message.seq)
        return self.session.scalars(stmt).all()

    def next_seq(self, conversation_id: str, locked: bool = False) -> int:
        """The seq of the conversation's next message, from its counter. `locked`: the caller holds the
        conversation's row lock (its counter is current); otherwise the counter is re-read under one."""
        conv = self.session.get(model.Conversation, conversation_id)
        if conv is None:
            raise NotFound("conversation not found")
        if not locked:
            self.session.refresh(conv, ["last_seq"], with_for_update=True)
        return max(last_seq(conv), self._counts.get(conversation_id, 0)) + 1


def last_seq(conv: model.Conversation) -> int:
    """The conversation's message counter (a column of the store, not of the domain object)."""
    return int(getattr(conv, "last_seq", None) or 0)


@dataclass(frozen=True)
class AnalysisMark:
    """Messages whose analysis holds a dict at `path` (by `author` when set): e.g. the bot's state."""

    path: tuple[str, ...]
    author: str | None = None

    def on(self, msg: model.Message) -> bool:
        if self.author is not None and msg.author != self.author:
            return False
        node: object = msg.analysis or {}
        for key in self.path:
            node = node.get(key) if isinstance(node, dict) else None
        return isinstance(node, dict) and bool(node)


class UserRepository(_Repository[model.User]):
    entity = model.User

    def by_email(self, email: str) -> model.User | None:
        return self.session.scalars(select(model.User).where(model.User.email == email.lower())).first()

    def tenant_ids(self, user_id: str) -> list[str]:
        stmt = select(model.Membership.tenant_id).where(model.Membership.user_id == user_id)
        return list(self.session.scalars(stmt).all())

    def add_membership(self, user_id: str, tenant_id: str) -> None:
        if tenant_id not in self.tenant_ids(user_id):
            self.session.add(model.Membership(user_id=user_id, tenant_id=tenant_id))

    def in_tenants(self, tenant_ids: Sequence[str]) -> Sequence[model.User]:
        members = select(model.Membership.user_id).where(model.Membership.tenant_id.in_(list(tenant_ids)))
        # A subquery, not DISTINCT: PostgreSQL has no equality operator for JSON columns.
        stmt = select(model.User).where(model.User.id.in_(members)).order_by(model.User.email)
        return self.session.scalars(stmt).all()


class DecisionRepository(_Repository[model.DecisionRecord]):
    entity = model.DecisionRecord
    flush_on_add = False  # parents: tenant, conversation

    def for_conversation(self, conversation_id: str) -> Sequence[model.DecisionRecord]:
        stmt = (
            select(model.DecisionRecord)
            .where(model.DecisionRecord.conversation_id == conversation_id)
            .order_by(model.DecisionRecord.created_at)
        )
        return self.session.scalars(stmt).all()


class TokenRepository(_Repository[model.AuthToken]):
    entity = model.AuthToken

    def delete(self, token: model.AuthToken) -> None:
        self.session.delete(token)

    def delete_for_user(self, user_id: str) -> None:
        """End every session of a user (their password was reset)."""
        for token in self.session.scalars(select(model.AuthToken).where(model.AuthToken.user_id == user_id)):
            self.session.delete(token)


class ArticleRepository(_Repository[model.Article]):
    entity = model.Article

    def for_tenant(self, tenant_id: str) -> Sequence[model.Article]:
        stmt = (
            select(model.Article)
            .where(model.Article.tenant_id == tenant_id)
            .order_by(model.Article.article_key, model.Article.language)
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
            model.Article.tenant_id == tenant_id,
            model.Article.article_key == article_key,
            model.Article.language == language,
        )
        return self.session.scalars(stmt).first()
