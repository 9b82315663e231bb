"""The base of the repositories: add, get and get many by id, and the tenant-scoped read (no query crosses
tenants)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Generic, Protocol, TypeVar

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session


class _OfTenant(Protocol):
    id: str
    tenant_id: str


T = TypeVar("T")
S = TypeVar("S", bound=_OfTenant)


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
        (column,) = inspect(self.entity).primary_key  # `id`, or `token_hash` for tokens
        found = self.session.scalars(select(self.entity).where(column.in_(wanted)))
        return {str(getattr(o, column.key)): o for o in found}


class _TenantScoped(_Repository[S]):
    def get_in(self, tenant_ids: str | Sequence[str], id_: str) -> S | None:
        """The object if it belongs to one of these tenants, else None (no existence leak)."""
        obj = self.session.get(self.entity, id_)
        ids = {tenant_ids} if isinstance(tenant_ids, str) else set(tenant_ids)
        if obj is None or obj.tenant_id not in ids:
            return None
        return obj
