"""The insights read handlers on the in-memory unit of work: permissions, tenant isolation, latest score."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tawasol.domain.errors import InvalidInput, NotFound
from tawasol.domain.model import (
    Conversation,
    Customer,
    CustomerScore,
    ModelCardRecord,
    Role,
    Tenant,
    User,
    utcnow,
)
from tawasol.service import insights
from tawasol.service.principals import UserPrincipal
from tawasol.service.unit_of_work import AbstractUnitOfWork
from tawasol.store.uow import UnitOfWork

from .fakes import FakeUnitOfWork

ACME, OTHER = Tenant(slug="acme", name="Acme"), Tenant(slug="other", name="Other")


def _who(role: Role, *tenants: Tenant) -> UserPrincipal:
    return UserPrincipal(User(email=f"{role.value}@x.test", password_hash="", role=role.value),
                         tuple(t.id for t in tenants))


def _world() -> tuple[FakeUnitOfWork, Customer, Conversation]:
    now = utcnow()
    cust, foreign = Customer(tenant_id=ACME.id), Customer(tenant_id=OTHER.id)
    conv = Conversation(tenant_id=ACME.id, customer_id=cust.id)
    old = CustomerScore(tenant_id=ACME.id, customer_id=cust.id, kind="churn", score=0.2, band="low",
                        model_version="v1", created_at=now - timedelta(days=1),
                        explanation={"method": "heuristic", "reasons": [{"text": "old"}]})
    new = CustomerScore(tenant_id=ACME.id, customer_id=cust.id, kind="churn", score=0.8, band="high",
                        model_version="v2", created_at=now, explanation={
                            "method": "trained", "reasons": [{"text": "no reply for 30 days"}], "decision_id": "d1"})
    csat = CustomerScore(tenant_id=ACME.id, customer_id=cust.id, conversation_id=conv.id, kind="csat", score=4.2,
                         band="satisfied", model_version="c1", explanation={"reasons": [{"text": "fast reply"}]})
    card = ModelCardRecord(tenant_id=ACME.id, kind="churn", version="v2", card={"method": "trained"})
    uow = FakeUnitOfWork(tenants=[ACME, OTHER], customers=[cust, foreign], conversations=[conv],
                         scores=[old, new, csat], cards=[card])
    return uow, cust, conv


def test_staff_read_the_latest_churn_score_with_its_reasons_and_card() -> None:
    uow, cust, _ = _world()
    got = insights.customer_churn(uow, _who(Role.AGENT, ACME), cust.id)
    assert (got["score"], got["band"], got["model_version"]) == (0.8, "high", "v2")
    assert got["reasons"] == ["no reply for 30 days"]
    assert got["model_card"]["version"] == "v2"
    assert uow.entered == 1 and uow.committed == 0  # a read: no commit


def test_another_tenants_customer_is_not_found() -> None:
    uow, cust, _ = _world()
    with pytest.raises(NotFound):
        insights.customer_churn(uow, _who(Role.ADMIN, OTHER), cust.id)


def test_an_unscored_customer_says_so() -> None:
    uow, _, _ = _world()
    lone = Customer(tenant_id=ACME.id)
    uow.customers.rows[lone.id] = lone
    got = insights.customer_churn(uow, _who(Role.SUPERVISOR, ACME), lone.id)
    assert got["score"] is None and "not scored" in got["status"]


def test_conversation_csat_and_model_cards_per_tenant() -> None:
    uow, _, conv = _world()
    got = insights.conversation_csat(uow, _who(Role.AGENT, ACME), conv.id)
    assert (got["predicted"], got["band"], got["reasons"]) == (4.2, "satisfied", ["fast reply"])
    with pytest.raises(NotFound):
        insights.conversation_csat(uow, _who(Role.AGENT, OTHER), conv.id)
    cards = insights.model_cards(uow, _who(Role.AGENT, ACME), None)
    assert (cards["tenant"], cards["count"], cards["data"][0]["kind"]) == ("acme", 1, "churn")
    with pytest.raises(InvalidInput):  # serving two tenants: the slug is needed
        insights.model_cards(uow, _who(Role.AGENT, ACME, OTHER), None)
    with pytest.raises(NotFound):  # a tenant the caller does not serve
        insights.model_cards(uow, _who(Role.AGENT, ACME), "other")


def test_both_units_of_work_satisfy_the_protocol() -> None:
    """mypy checks the assignments (mypy --strict tests/service/test_insights_handlers.py); at run time, both
    units of work expose every name of the protocol."""
    fake: AbstractUnitOfWork = FakeUnitOfWork()
    names = ("tenants", "customers", "conversations", "scores", "model_cards", "commit", "emit", "__enter__")
    assert all(hasattr(fake, n) for n in names)
    real: type[AbstractUnitOfWork] = UnitOfWork
    assert all(hasattr(real, n) for n in ("commit", "emit", "__enter__", "__exit__"))
