"""Privacy's writes over many rows: erasing a customer's texts and scores, retention purges, key rotation.
Bulk statements against table columns (no object loaded per message)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import delete, or_, select, update
from sqlalchemy.orm import Session

from tawasol.domain.model import Customer, CustomerKey
from tawasol.store import tables

_msgs = tables.messages.c
_convs = tables.conversations.c
_keys = tables.customer_keys.c
_scores = tables.customer_scores.c


def _count(result: object) -> int:
    return int(getattr(result, "rowcount", 0) or 0)


class PrivacyRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def customer_key(self, customer_id: str) -> CustomerKey | None:
        return self.session.get(CustomerKey, customer_id)

    def wrapped_keys(self) -> Sequence[CustomerKey]:
        """Every customer key still wrapped (not shredded), for re-wrapping under a new master key."""
        return self.session.scalars(select(CustomerKey).where(_keys.wrapped_key.is_not(None))).all()

    def drop_raw_texts(self, conversation_ids: Sequence[str]) -> int:
        """Forget the sealed raw texts of these conversations' messages; returns how many rows changed."""
        if not conversation_ids:
            return 0
        return _count(self.session.execute(update(tables.messages).where(
            _msgs.conversation_id.in_(list(conversation_ids))).values(text_encrypted=None)))

    def delete_scores_of(self, customer_id: str) -> None:
        self.session.execute(delete(tables.customer_scores).where(_scores.customer_id == customer_id))

    def drop_raw_texts_before(self, tenant_id: str, cut: datetime) -> int:
        return _count(self.session.execute(update(tables.messages).where(
            _msgs.tenant_id == tenant_id, _msgs.created_at < cut, _msgs.text_encrypted.is_not(None))
            .values(text_encrypted=None)))

    def conversations_untouched_since(self, tenant_id: str, cut: datetime) -> Sequence[str]:
        return self.session.scalars(select(_convs.id).where(_convs.tenant_id == tenant_id,
                                                            _convs.updated_at < cut)).all()

    def expire_transcript(self, conversation_id: str) -> int:
        """Replace a conversation's message texts by "[expired]" and drop their analysis and raw text."""
        return _count(self.session.execute(update(tables.messages).where(
            _msgs.conversation_id == conversation_id).values(text="[expired]", analysis={}, text_encrypted=None)))

    def add_key(self, row: CustomerKey) -> CustomerKey:
        """Store a new customer key at once (the contact sealed next needs it written)."""
        self.session.add(row)
        self.session.flush()
        return row

    def customers_with_clear_contacts(self) -> Sequence[Customer]:
        """Customers still holding a name, email or phone in clear (before sealing them)."""
        c = tables.customers.c
        clear = or_(c.name.is_not(None), c.email.is_not(None), c.phone.is_not(None))
        return self.session.scalars(select(Customer).where(clear)).all()
