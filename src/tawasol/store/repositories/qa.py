"""Quality review's rows: a tenant's versioned scorecards, reviews of conversations and their answers.

Core statements against table columns; what comes back are the frozen dataclasses below. Every read names the
tenant (or tenants) it may see."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import and_, func, insert, or_, select, update
from sqlalchemy.orm import Session

from tawasol.domain.model import new_id, utcnow
from tawasol.store import tables

_cards = tables.qa_scorecards.c
_reviews = tables.qa_reviews.c
_answers = tables.qa_answers.c


@dataclass(frozen=True)
class StoredScorecard:
    id: str
    tenant_id: str
    key: str
    version: int
    definition: dict[str, Any]
    created_by: str | None
    created_at: datetime


@dataclass(frozen=True)
class QaAnswerRow:
    question: str
    choice: str  # the human's when corrected
    automatic_choice: str
    rule: str
    confidence: float
    evidence: dict[str, Any] = field(default_factory=dict)  # {"turns": [...], "detail": {...}}
    decision_id: str | None = None
    corrected_by: str | None = None
    corrected_at: datetime | None = None
    note: str | None = None
    id: str = field(default_factory=new_id)


@dataclass(frozen=True)
class QaReviewRow:
    tenant_id: str
    conversation_id: str
    agent_id: str | None
    scorecard_key: str
    scorecard_version: int
    score: float | None
    automatic_score: float | None
    lowest_confidence: float
    language: str | None = None
    complaint: bool = False
    reviewed_by: str | None = None
    id: str = field(default_factory=new_id)
    created_at: datetime = field(default_factory=utcnow)
    updated_at: datetime = field(default_factory=utcnow)


@dataclass(frozen=True)
class AgentAnswer:
    """One answer of one of an agent's reviews, for trends."""

    review_id: str
    conversation_id: str
    at: datetime  # when the conversation ended (started, if it has not)
    question: str
    choice: str
    score: float | None


def _tenants(tenant_ids: str | Sequence[str]) -> list[str]:
    return [tenant_ids] if isinstance(tenant_ids, str) else list(tenant_ids)


def _review(row: Any) -> QaReviewRow:
    return QaReviewRow(**{c: getattr(row, c) for c in QaReviewRow.__dataclass_fields__})


def _answer(row: Any) -> QaAnswerRow:
    return QaAnswerRow(**{c: getattr(row, c) for c in QaAnswerRow.__dataclass_fields__})


class QaRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    # scorecards -------------------------------------------------------------------------------------------
    def latest_scorecard(self, tenant_id: str, key: str = "default") -> StoredScorecard | None:
        row = self.session.execute(select(tables.qa_scorecards).where(_cards.tenant_id == tenant_id, _cards.key == key)
                                   .order_by(_cards.version.desc()).limit(1)).first()
        return StoredScorecard(**row._mapping) if row is not None else None

    def scorecard_version(self, tenant_id: str, key: str, version: int) -> StoredScorecard | None:
        row = self.session.execute(select(tables.qa_scorecards).where(
            _cards.tenant_id == tenant_id, _cards.key == key, _cards.version == version)).first()
        return StoredScorecard(**row._mapping) if row is not None else None

    def scorecard_versions(self, tenant_id: str, key: str = "default") -> list[StoredScorecard]:
        rows = self.session.execute(select(tables.qa_scorecards).where(_cards.tenant_id == tenant_id, _cards.key == key)
                                    .order_by(_cards.version))
        return [StoredScorecard(**r._mapping) for r in rows]

    def add_scorecard(self, tenant_id: str, key: str, definition: dict[str, Any], created_by: str | None,
                      after_version: int = 0) -> StoredScorecard:
        """A new version of the tenant's scorecard: one above the latest stored, and above `after_version` (the
        seed's version, which a tenant's first scorecard follows). Two writers racing on one version: the unique
        constraint refuses the second."""
        latest = self.session.scalar(select(func.max(_cards.version)).where(_cards.tenant_id == tenant_id,
                                                                            _cards.key == key))
        card = StoredScorecard(id=new_id(), tenant_id=tenant_id, key=key,
                               version=max(int(latest or 0), after_version) + 1,
                               definition={**definition, "key": key}, created_by=created_by, created_at=utcnow())
        card = StoredScorecard(**{**card.__dict__, "definition": {**card.definition, "version": card.version}})
        self.session.execute(insert(tables.qa_scorecards).values(**card.__dict__))
        return card

    # reviews ----------------------------------------------------------------------------------------------
    def add_review(self, review: QaReviewRow, answers: Sequence[QaAnswerRow]) -> QaReviewRow:
        self.session.execute(insert(tables.qa_reviews).values(**review.__dict__))
        if answers:
            self.session.execute(insert(tables.qa_answers), [
                {**a.__dict__, "review_id": review.id, "tenant_id": review.tenant_id} for a in answers])
        return review

    def latest_review(self, tenant_ids: str | Sequence[str], conversation_id: str) -> QaReviewRow | None:
        row = self.session.execute(select(tables.qa_reviews).where(
            _reviews.tenant_id.in_(_tenants(tenant_ids)), _reviews.conversation_id == conversation_id)
            .order_by(_reviews.created_at.desc(), _reviews.id.desc()).limit(1)).first()
        return _review(row) if row is not None else None

    def reviews_of(self, tenant_ids: str | Sequence[str], conversation_id: str) -> list[QaReviewRow]:
        rows = self.session.execute(select(tables.qa_reviews).where(
            _reviews.tenant_id.in_(_tenants(tenant_ids)), _reviews.conversation_id == conversation_id)
            .order_by(_reviews.created_at))
        return [_review(r) for r in rows]

    def answers(self, review_id: str) -> list[QaAnswerRow]:
        rows = self.session.execute(select(tables.qa_answers).where(_answers.review_id == review_id)
                                    .order_by(_answers.question))
        return [_answer(r) for r in rows]

    def correct(self, review_id: str, question: str, choice: str, reviewer: str, note: str | None) -> bool:
        """Record a reviewer's answer on one question; False when the review has no such question."""
        now = utcnow()
        done = self.session.execute(update(tables.qa_answers).where(
            _answers.review_id == review_id, _answers.question == question).values(
            choice=choice, corrected_by=reviewer, corrected_at=now, note=note))
        if not getattr(done, "rowcount", 0):
            return False
        self.session.execute(update(tables.qa_reviews).where(_reviews.id == review_id)
                             .values(reviewed_by=reviewer, updated_at=now))
        return True

    def set_score(self, review_id: str, score: float | None) -> None:
        self.session.execute(update(tables.qa_reviews).where(_reviews.id == review_id)
                             .values(score=score, updated_at=utcnow()))

    def _latest_ids(self, tenant_ids: list[str]) -> Any:
        """The latest review of each conversation (a conversation reopened and wrapped up again is reviewed again)."""
        newest = (select(_reviews.conversation_id, func.max(_reviews.created_at).label("at"))
                  .where(_reviews.tenant_id.in_(tenant_ids)).group_by(_reviews.conversation_id).subquery())
        return select(_reviews.id).join(newest, and_(newest.c.conversation_id == _reviews.conversation_id,
                                                     newest.c.at == _reviews.created_at))

    def agent_answers(self, tenant_ids: str | Sequence[str], agent_id: str, since: datetime | None = None,
                      limit: int = 5000) -> list[AgentAnswer]:
        """The answers of the agent's latest reviews, oldest first (at most `limit` answers), dated by when the
        conversation ended (when it started if it has not), not by when the review ran."""
        tenants = _tenants(tenant_ids)
        c = tables.conversations.c
        at = func.coalesce(c.closed_at, c.created_at)
        stmt = (select(_reviews.id, _reviews.conversation_id, at, _answers.question, _answers.choice, _reviews.score)
                .join(tables.qa_answers, _answers.review_id == _reviews.id)
                .join(tables.conversations, c.id == _reviews.conversation_id)
                .where(_reviews.tenant_id.in_(tenants), _reviews.agent_id == agent_id,
                       _reviews.id.in_(self._latest_ids(tenants))))
        if since is not None:
            stmt = stmt.where(at >= since)
        stmt = stmt.order_by(at.desc(), _answers.question.desc()).limit(limit)
        rows = self.session.execute(stmt).all()
        return [AgentAnswer(*r) for r in reversed(rows)]

    def queue(self, tenant_ids: str | Sequence[str], max_score: float, max_confidence: float,
              limit: int = 50, agent_id: str | None = None) -> list[QaReviewRow]:
        """Latest reviews no person has looked at yet that are worth it: a complaint, a score at or under
        `max_score`, or an answer less sure than `max_confidence`; complaints first, then the lowest scores."""
        tenants = _tenants(tenant_ids)
        stmt = (select(tables.qa_reviews).where(
            _reviews.tenant_id.in_(tenants), _reviews.reviewed_by.is_(None), _reviews.id.in_(self._latest_ids(tenants)),
            or_(_reviews.complaint.is_(True), _reviews.score <= max_score, _reviews.lowest_confidence < max_confidence),
            *([_reviews.agent_id == agent_id] if agent_id is not None else []))
            .order_by(_reviews.complaint.desc(), _reviews.score.is_(None), _reviews.score, _reviews.lowest_confidence,
                      _reviews.created_at.desc())
            .limit(limit))
        return [_review(r) for r in self.session.execute(stmt)]

    def pending_conversations(self, idle_before: datetime, limit: int = 200) -> list[str]:
        """Conversations of every tenant waiting for their automatic review, oldest first: wrapped up (resolved or
        closed) with no review since, and those the bot kept, quiet since `idle_before`, with a customer message and
        no review since their last change."""
        c, m = tables.conversations.c, tables.messages.c
        wrapped = and_(c.status.in_(["resolved", "closed"]), c.closed_at.is_not(None),
                       ~select(_reviews.id).where(_reviews.conversation_id == c.id,
                                                  _reviews.created_at >= c.closed_at).exists())
        bot = and_(c.status == "bot", c.updated_at < idle_before,
                   select(m.id).where(m.conversation_id == c.id, m.author == "customer").exists(),
                   ~select(_reviews.id).where(_reviews.conversation_id == c.id,
                                              _reviews.created_at >= c.updated_at).exists())
        stmt = select(c.id).where(or_(wrapped, bot)).order_by(c.updated_at).limit(limit)
        return list(self.session.scalars(stmt))

    def human_reviewed_answers(self, tenant_ids: str | Sequence[str], since: datetime | None = None
                               ) -> list[tuple[str, str, str, str]]:
        """(review id, question, automatic choice, choice) of the latest reviews a person looked at: an answer they
        left as it was counts as confirmed."""
        tenants = _tenants(tenant_ids)
        stmt = (select(_reviews.id, _answers.question, _answers.automatic_choice, _answers.choice)
                .join(tables.qa_answers, _answers.review_id == _reviews.id)
                .where(_reviews.tenant_id.in_(tenants), _reviews.reviewed_by.is_not(None),
                       _reviews.id.in_(self._latest_ids(tenants))))
        if since is not None:
            stmt = stmt.where(_reviews.created_at >= since)
        return [(r[0], r[1], r[2], r[3]) for r in self.session.execute(stmt.order_by(_reviews.id, _answers.question))]

    def mark_reviewed(self, review_id: str, reviewer: str) -> None:
        self.session.execute(update(tables.qa_reviews).where(_reviews.id == review_id)
                             .values(reviewed_by=reviewer, updated_at=utcnow()))
