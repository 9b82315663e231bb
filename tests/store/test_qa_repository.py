"""The QA tables through their repository, on SQLite and PostgreSQL: scorecard versions, reviews, corrections,
an agent's answers and the review queue (latest review per conversation only)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy.exc import IntegrityError

from tawasol.domain.model import utcnow
from tawasol.service import conversations as svc
from tawasol.service.admin import create_tenant
from tawasol.service.bootstrap import bootstrap
from tawasol.service.commands import OpenConversation
from tawasol.store.repositories.qa import QaAnswerRow, QaReviewRow


@pytest.fixture
def acme(settings):  # type: ignore[no-untyped-def]
    platform = bootstrap(settings, steps=[])
    tenant = create_tenant(platform.uow(), "acme", "Acme")
    other = create_tenant(platform.uow(), "other", "Other")
    yield platform, tenant.id, other.id
    platform.engine.dispose()


def _conversation(platform, slug: str = "acme") -> str:  # type: ignore[no-untyped-def]
    return svc.open_conversation(OpenConversation(tenant_slug=slug), platform.uow(), 1).id


def _review(tenant_id: str, conv: str, score: float | None, confidence: float = 0.9, complaint: bool = False,
            agent: str | None = "agent-1", ago: int = 0) -> QaReviewRow:
    at = utcnow() - timedelta(days=ago)
    return QaReviewRow(tenant_id=tenant_id, conversation_id=conv, agent_id=agent, scorecard_key="default",
                       scorecard_version=1, score=score, automatic_score=score, lowest_confidence=confidence,
                       language="fr", complaint=complaint, created_at=at, updated_at=at)


def _answers(greeting: str = "yes") -> list[QaAnswerRow]:
    return [QaAnswerRow(question="greeting", choice=greeting, automatic_choice=greeting, rule="greeting",
                        confidence=0.9, evidence={"turns": [1], "detail": {"phrase": "bonjour"}}),
            QaAnswerRow(question="closing", choice="no", automatic_choice="no", rule="closing", confidence=0.7)]


def test_scorecard_versions_follow_the_seed_and_are_unique(acme) -> None:  # type: ignore[no-untyped-def]
    platform, tenant, other = acme
    with platform.uow() as uow:
        assert uow.qa.latest_scorecard(tenant) is None
        first = uow.qa.add_scorecard(tenant, "default", {"questions": [{"key": "greeting"}]}, None, after_version=1)
        second = uow.qa.add_scorecard(tenant, "default", {"questions": [{"key": "closing"}]}, "u1", after_version=1)
        uow.commit()
    assert (first.version, second.version) == (2, 3)
    with platform.uow() as uow:
        latest = uow.qa.latest_scorecard(tenant)
        assert latest is not None and latest.version == 3 and latest.definition["questions"] == [{"key": "closing"}]
        assert latest.definition["version"] == 3 and latest.created_by == "u1"
        assert [v.version for v in uow.qa.scorecard_versions(tenant)] == [2, 3]
        old = uow.qa.scorecard_version(tenant, "default", 2)
        assert old is not None and old.definition["questions"] == [{"key": "greeting"}]
        assert uow.qa.latest_scorecard(other) is None  # per tenant
    with platform.uow() as uow, pytest.raises(IntegrityError):
        from sqlalchemy import insert

        from tawasol.store import tables

        uow.session.execute(insert(tables.qa_scorecards).values(
            id="x", tenant_id=tenant, key="default", version=3, definition={}, created_at=utcnow()))
        uow.commit()


def test_reviews_answers_and_a_correction(acme) -> None:  # type: ignore[no-untyped-def]
    platform, tenant, other = acme
    conv = _conversation(platform)
    with platform.uow() as uow:
        old = uow.qa.add_review(_review(tenant, conv, 40.0, ago=1), _answers("no"))
        new = uow.qa.add_review(_review(tenant, conv, 50.0), _answers("yes"))
        uow.commit()
    with platform.uow() as uow:
        latest = uow.qa.latest_review(tenant, conv)
        assert latest is not None and latest.id == new.id and latest.score == 50.0
        assert uow.qa.latest_review(other, conv) is None  # another tenant sees nothing
        assert [r.id for r in uow.qa.reviews_of([tenant], conv)] == [old.id, new.id]
        got = {a.question: a for a in uow.qa.answers(new.id)}
        assert got["greeting"].evidence == {"turns": [1], "detail": {"phrase": "bonjour"}}
        assert uow.qa.correct(new.id, "closing", "yes", "sup-1", "closed politely")
        assert not uow.qa.correct(new.id, "empathy", "yes", "sup-1", None)  # not a question of this review
        uow.qa.set_score(new.id, 100.0)
        uow.commit()
    with platform.uow() as uow:
        closing = next(a for a in uow.qa.answers(new.id) if a.question == "closing")
        assert (closing.choice, closing.automatic_choice, closing.corrected_by) == ("yes", "no", "sup-1")
        assert closing.note == "closed politely" and closing.corrected_at is not None
        latest = uow.qa.latest_review(tenant, conv)
        assert latest is not None and latest.score == 100.0 and latest.reviewed_by == "sup-1"
        assert latest.automatic_score == 50.0


def test_agent_answers_and_the_queue_read_the_latest_review_of_each_conversation(acme) -> None:  # type: ignore[no-untyped-def]
    platform, tenant, other = acme
    a, b, c, d = (_conversation(platform) for _ in range(4))
    e = _conversation(platform, "other")
    with platform.uow() as uow:
        uow.qa.add_review(_review(tenant, a, 20.0, ago=3), _answers("no"))  # superseded by the next one
        uow.qa.add_review(_review(tenant, a, 90.0, ago=2), _answers("yes"))
        uow.qa.add_review(_review(tenant, b, 30.0, ago=1), _answers("no"))
        uow.qa.add_review(_review(tenant, c, 95.0, complaint=True), _answers())
        uow.qa.add_review(_review(tenant, d, 80.0, confidence=0.5, agent="agent-2"), _answers())
        uow.qa.add_review(_review(other, e, 0.0), _answers("no"))
        uow.commit()
    with platform.uow() as uow:  # trends date a review by its conversation: c is today's, a and b older
        for conv, days in ((a, 3), (b, 1)):
            uow.conversations.get(conv).created_at = utcnow() - timedelta(days=days)
        uow.commit()
    with platform.uow() as uow:
        answers = uow.qa.agent_answers([tenant], "agent-1")
        assert [(x.conversation_id, x.question, x.choice) for x in answers] == [
            (a, "closing", "no"), (a, "greeting", "yes"), (b, "closing", "no"), (b, "greeting", "no"),
            (c, "closing", "no"), (c, "greeting", "yes")]
        assert [x.conversation_id for x in uow.qa.agent_answers([tenant], "agent-1",
                                                                since=utcnow() - timedelta(hours=12))] == [c, c]
        queue = uow.qa.queue([tenant], max_score=60.0, max_confidence=0.7)
        assert [r.conversation_id for r in queue] == [c, b, d]  # complaint, then the lowest score, then unsure
        assert [r.conversation_id for r in uow.qa.queue([other], 60.0, 0.7)] == [e]
        uow.qa.mark_reviewed(queue[0].id, "sup-1")
        uow.commit()
    with platform.uow() as uow:
        assert [r.conversation_id for r in uow.qa.queue([tenant], 60.0, 0.7)] == [b, d]
