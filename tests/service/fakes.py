"""In-memory unit of work and repositories for fast handler tests (cosmicpython ch. 5/6): no database,
the handler code under test is the same that runs on store.uow.UnitOfWork."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from tawasol.domain.errors import NotFound
from tawasol.domain.model import Conversation, Customer, CustomerScore, ModelCardRecord, Tenant


def _ids(tenant_ids: str | Sequence[str]) -> set[str]:
    return {tenant_ids} if isinstance(tenant_ids, str) else set(tenant_ids)


class FakeTenants:
    def __init__(self, tenants: Sequence[Tenant] = ()) -> None:
        self.rows = {t.id: t for t in tenants}

    def get(self, id_: str) -> Tenant | None:
        return self.rows.get(id_)

    def by_slug(self, slug: str) -> Tenant | None:
        return next((t for t in self.rows.values() if t.slug == slug), None)


class FakeCustomers:
    def __init__(self, customers: Sequence[Customer] = ()) -> None:
        self.rows = {c.id: c for c in customers}

    def get_in(self, tenant_ids: str | Sequence[str], id_: str) -> Customer | None:
        c = self.rows.get(id_)
        return c if c is not None and c.tenant_id in _ids(tenant_ids) else None


class FakeConversations:
    def __init__(self, conversations: Sequence[Conversation] = ()) -> None:
        self.rows = {c.id: c for c in conversations}

    def get_in(self, tenant_ids: str | Sequence[str], id_: str) -> Conversation | None:
        c = self.rows.get(id_)
        return c if c is not None and c.tenant_id in _ids(tenant_ids) else None

    def require_in(self, tenant_ids: str | Sequence[str], id_: str, lock: bool = False) -> Conversation:
        c = self.get_in(tenant_ids, id_)
        if c is None:
            raise NotFound("conversation not found")
        return c


class FakeScores:
    def __init__(self, scores: Sequence[CustomerScore] = ()) -> None:
        self.rows = list(scores)

    def _latest(self, kind: str, **match: str) -> CustomerScore | None:
        found = [s for s in self.rows if s.kind == kind and all(getattr(s, k) == v for k, v in match.items())]
        return max(found, key=lambda s: s.created_at, default=None)

    def latest_for_customer(self, customer_id: str, kind: str) -> CustomerScore | None:
        return self._latest(kind, customer_id=customer_id)

    def latest_for_conversation(self, conversation_id: str, kind: str) -> CustomerScore | None:
        return self._latest(kind, conversation_id=conversation_id)


class FakeModelCards:
    def __init__(self, cards: Sequence[ModelCardRecord] = ()) -> None:
        self.rows = list(cards)

    def latest(self, tenant_id: str, kind: str) -> ModelCardRecord | None:
        found = [c for c in self.rows if c.tenant_id == tenant_id and c.kind == kind]
        return max(found, key=lambda c: c.created_at, default=None)


class FakeUnitOfWork:
    """Satisfies service.unit_of_work.AbstractUnitOfWork; records commits and emitted events."""

    def __init__(self, *, tenants: Sequence[Tenant] = (), customers: Sequence[Customer] = (),
                 conversations: Sequence[Conversation] = (), scores: Sequence[CustomerScore] = (),
                 cards: Sequence[ModelCardRecord] = ()) -> None:
        self.tenants = FakeTenants(tenants)
        self.customers = FakeCustomers(customers)
        self.conversations = FakeConversations(conversations)
        self.scores = FakeScores(scores)
        self.model_cards = FakeModelCards(cards)
        self.events: list[tuple[str, dict[str, Any]]] = []
        self.committed = 0
        self.entered = 0

    def __enter__(self) -> FakeUnitOfWork:
        self.entered += 1
        return self

    def __exit__(self, exc_type: Any, *_: Any) -> None:
        if exc_type is not None:
            self.events = []

    def commit(self) -> None:
        self.committed += 1

    def emit(self, channel: str, event: dict[str, Any]) -> None:
        self.events.append((channel, event))
