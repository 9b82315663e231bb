"""Routing's reads and row locks: agents' loads, a tenant's routable agents and staff, the queued
conversations to dispatch, and the agent row lock under a savepoint (PostgreSQL). Against table columns."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session, SessionTransaction

from tawasol.domain.model import Conversation, ConversationStatus, User
from tawasol.store import tables

_convs = tables.conversations.c
_users = tables.users.c
_members = tables.memberships.c
_ASSIGNED, _QUEUED = ConversationStatus.ASSIGNED.value, ConversationStatus.QUEUED.value


class RoutingRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    @property
    def postgresql(self) -> bool:
        return self.session.get_bind().dialect.name == "postgresql"

    def loads(self, agent_ids: Sequence[str]) -> dict[str, int]:
        """Assigned conversations per agent, across all tenants they serve (agents with none are absent)."""
        if not agent_ids:
            return {}
        stmt = (select(_convs.assigned_agent_id, func.count())
                .where(_convs.assigned_agent_id.in_(list(agent_ids)), _convs.status == _ASSIGNED)
                .group_by(_convs.assigned_agent_id))
        return {str(a): int(n) for a, n in self.session.execute(stmt).all()}

    def active_members(self, tenant_id: str, roles: Sequence[str]) -> list[User]:
        stmt = (select(User).join(tables.memberships, _members.user_id == _users.id)
                .where(_members.tenant_id == tenant_id, _users.active.is_(True), _users.role.in_(list(roles))))
        return list(self.session.scalars(stmt).all())

    def staff_of(self, tenant_ids: Sequence[str]) -> list[User]:
        """Users serving any of these tenants (no DISTINCT over JSON columns: PostgreSQL cannot compare json)."""
        members = select(_members.user_id).where(_members.tenant_id.in_(list(tenant_ids)))
        return list(self.session.scalars(select(User).where(_users.id.in_(members)).order_by(_users.email)).all())

    def lock_agent(self, agent_id: str, skip_locked: bool) -> User | None:
        """The agent's row, locked FOR UPDATE and freshly read (None when skipped as locked elsewhere)."""
        stmt = (select(User).where(_users.id == agent_id).with_for_update(skip_locked=skip_locked)
                .execution_options(populate_existing=True))
        return self.session.scalars(stmt).first()

    def savepoint(self) -> SessionTransaction | None:
        """A savepoint on PostgreSQL (so a failed lock attempt rolls back alone), None elsewhere."""
        return self.session.begin_nested() if self.postgresql else None

    def queued_for_dispatch(self, tenant_ids: Sequence[str], limit: int) -> list[Conversation]:
        """The oldest queued conversations of these tenants, locked, skipping those locked elsewhere."""
        stmt = (select(Conversation).where(_convs.tenant_id.in_(list(tenant_ids)), _convs.status == _QUEUED)
                .order_by(_convs.queued_at).limit(limit).with_for_update(skip_locked=True))
        return list(self.session.scalars(stmt).all())

    def waiting_in_queue(self, tenant_id: str, queue_id: str) -> list[Conversation]:
        stmt = select(Conversation).where(_convs.tenant_id == tenant_id, _convs.status == _QUEUED,
                                          _convs.queue_id == queue_id)
        return list(self.session.scalars(stmt).all())
