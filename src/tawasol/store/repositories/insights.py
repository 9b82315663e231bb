"""Scores and model cards of the insights (churn risk, predicted CSAT): queries against table columns."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from tawasol.domain.model import CustomerScore, ModelCardRecord
from tawasol.store import tables

_scores = tables.customer_scores.c
_cards = tables.model_cards.c


class ScoreRepository:
    """A tenant's customer scores: bulk replace or insert a run's rows, read the latest back."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def delete_kind(self, tenant_id: str, kind: str) -> None:
        self.session.execute(delete(tables.customer_scores).where(_scores.tenant_id == tenant_id,
                                                                   _scores.kind == kind))

    def insert_rows(self, rows: Sequence[Mapping[str, Any]]) -> None:
        if rows:
            self.session.execute(insert(tables.customer_scores), list(rows))

    def scored_conversations(self, tenant_id: str, kind: str) -> set[str]:
        """Ids of the conversations already holding a score of this kind."""
        stmt = select(_scores.conversation_id).where(_scores.tenant_id == tenant_id, _scores.kind == kind)
        return {cid for cid in self.session.scalars(stmt) if cid is not None}

    def latest_for_customer(self, customer_id: str, kind: str) -> CustomerScore | None:
        stmt = (select(CustomerScore).where(_scores.customer_id == customer_id, _scores.kind == kind)
                .order_by(_scores.created_at.desc()).limit(1))
        return self.session.scalars(stmt).first()

    def latest_for_conversation(self, conversation_id: str, kind: str) -> CustomerScore | None:
        stmt = (select(CustomerScore).where(_scores.conversation_id == conversation_id, _scores.kind == kind)
                .order_by(_scores.created_at.desc()).limit(1))
        return self.session.scalars(stmt).first()

    def insert_decisions(self, rows: Sequence[Mapping[str, Any]]) -> None:
        """Decision records of a run, in one statement (a run writes one per score)."""
        if rows:
            self.session.execute(insert(tables.decision_records), list(rows))


class ModelCardRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, card: ModelCardRecord) -> ModelCardRecord:
        self.session.add(card)
        return card

    def latest(self, tenant_id: str, kind: str) -> ModelCardRecord | None:
        stmt = (select(ModelCardRecord).where(_cards.tenant_id == tenant_id, _cards.kind == kind)
                .order_by(_cards.created_at.desc()).limit(1))
        return self.session.scalars(stmt).first()
