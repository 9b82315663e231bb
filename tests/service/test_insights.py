"""Insights from the tenant's own history, on real SQLite and PostgreSQL: trained churn scores persisted with
decision records and model cards, the labelled rules fallback, predicted CSAT, outreach, staffing."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from tawasol.demo.history import seed_history
from tawasol.demo.seed import TENANT, seed_demo
from tawasol.domain.errors import Forbidden, NotFound
from tawasol.domain.model import Conversation, Customer, CustomerScore, DecisionRecord, Message, ModelCardRecord
from tawasol.service import insights, proactive, staffing
from tawasol.service.principals import UserPrincipal
from tests import factories


def _who(platform, email: str) -> UserPrincipal:  # type: ignore[no-untyped-def]
    with platform.uow() as uow:
        user = uow.users.by_email(email)
        return UserPrincipal(user=user, tenant_ids=tuple(uow.users.tenant_ids(user.id)))


@pytest.fixture
def demo(platform):  # type: ignore[no-untyped-def]
    seed_demo(platform.uow, platform.contacts)  # with its synthetic history (demo/history.py)
    assert seed_history(platform.uow) == {"seeded": False}  # once only
    return platform


def test_refresh_trains_scores_and_records_every_decision(demo) -> None:  # type: ignore[no-untyped-def]
    summary = insights.refresh_scores(demo.uow, TENANT)
    churn = summary["churn"]
    assert churn["method"] == "trained" and churn["scored"] >= 300 and 0.5 < churn["metrics"]["roc_auc"] <= 1
    assert summary["csat"]["method"] == "trained" and summary["csat"]["scored"] > 0
    with demo.uow() as uow:
        s = uow.session
        scores = s.scalars(select(CustomerScore).where(CustomerScore.kind == "churn")).all()
        assert len(scores) == churn["scored"]
        assert all(0 <= x.score <= 1 and x.band in ("low", "medium", "high") for x in scores)
        record = s.get(DecisionRecord, scores[0].explanation["decision_id"])
        assert record.kind == "churn_risk" and record.model_version == scores[0].model_version
        assert "gender" not in record.inputs["features"] and "region" not in record.inputs["features"]
        n_churn = s.scalar(select(func.count()).select_from(DecisionRecord).where(DecisionRecord.kind == "churn_risk"))
        assert n_churn == len(scores)
        n_csat = s.scalar(select(func.count()).select_from(DecisionRecord)
                          .where(DecisionRecord.kind == "predicted_csat"))
        assert n_csat == summary["csat"]["scored"]
        card = s.scalars(select(ModelCardRecord).where(ModelCardRecord.kind == "churn")).one()
        assert card.card["method"] == "trained" and "gender" in card.card["fairness"]["attributes"]
        assert "gender" not in card.card["data"]["inputs"]
    again = insights.refresh_scores(demo.uow, TENANT)
    assert again["csat"]["scored"] == 0  # already-predicted conversations are not scored twice
    with demo.uow() as uow:
        assert uow.session.scalar(select(func.count()).select_from(CustomerScore).where(
            CustomerScore.kind == "churn")) == churn["scored"]  # replaced, not duplicated


def test_too_few_labels_falls_back_to_labelled_rules(platform) -> None:  # type: ignore[no-untyped-def]
    t = factories.tenant(platform)
    with platform.uow() as uow:
        for i in range(8):
            uow.customers.add(Customer(tenant_id=t.id, name=f"c{i}", attributes={
                "tenure_months": 3 + i, "churned": i % 2 == 0}))
        uow.commit()
    summary = insights.refresh_scores(platform.uow, t.slug)
    assert summary["churn"]["method"] == "heuristic"
    assert "not a trained model" in summary["churn"]["label"] and "only 8 customers" in summary["churn"]["reason"]
    admin = factories.user(platform, [t.slug], role="admin")
    who = _who(platform, admin["email"])
    with platform.uow() as uow:
        customer_id = uow.session.scalars(select(Customer.id).where(Customer.tenant_id == t.id)).first()
    view = insights.customer_churn(platform.uow(), who, customer_id)
    assert view["method"] == "heuristic" and "not a trained model" in view["label"]
    assert all(r.endswith("(rule)") for r in view["reasons"]) and view["reasons"]
    cards = insights.model_cards(platform.uow(), who, t.slug)["data"]
    assert cards[0]["card"]["method"] == "heuristic" and "NOT a trained model" in cards[0]["card"]["task"]


def test_outreach_send_opens_conversation_in_customers_language(demo) -> None:  # type: ignore[no-untyped-def]
    insights.refresh_scores(demo.uow, TENANT)
    supervisor = _who(demo, "amina@atlas-telecom.example")
    listing = proactive.outreach_list(demo.uow(), supervisor, TENANT, limit=20)
    assert listing["count"] > 0 and all(item["reasons"] for item in listing["data"])
    with demo.uow() as uow:
        customer = uow.customers.by_external_id(uow.tenants.by_slug(TENANT).id, "ATL-101478")  # Lucía, Spanish
    sent = proactive.send_outreach(demo.uow(), supervisor, customer.id, kind="unusual_bill")
    assert sent["language"] == "es" and "factura" in sent["text"]
    with demo.uow() as uow:
        conv = uow.conversations.get(sent["conversation_id"])
        assert conv.language == "es" and conv.customer_id == customer.id and conv.status == "bot"
        msgs = uow.messages.for_conversation(conv.id)
        assert [m.author for m in msgs] == ["system", "bot"] and msgs[1].text == sent["text"]
        assert uow.decisions.for_conversation(conv.id)[0].kind == "proactive_outreach"
    after = proactive.outreach_list(demo.uow(), supervisor, TENANT, limit=500)
    assert customer.id not in [i["customer_id"] for i in after["data"]]  # not proposed again while quiet
    agent = _who(demo, "salma@atlas-telecom.example")
    with pytest.raises(Forbidden):
        proactive.send_outreach(demo.uow(), agent, customer.id)


def test_other_tenant_sees_no_scores(demo) -> None:  # type: ignore[no-untyped-def]
    insights.refresh_scores(demo.uow, TENANT)
    other = factories.tenant(demo)
    stranger = _who(demo, factories.user(demo, [other.slug], role="admin")["email"])
    with demo.uow() as uow:
        customer_id = uow.session.scalars(select(CustomerScore.customer_id)).first()
    with pytest.raises(NotFound):
        insights.customer_churn(demo.uow(), stranger, customer_id)
    with pytest.raises(NotFound):
        proactive.send_outreach(demo.uow(), stranger, customer_id)
    with pytest.raises(NotFound):
        staffing.staffing(demo.uow(), stranger, staffing.StaffingQuery(tenant=TENANT))


def test_staffing_plan_from_own_history_with_measured_containment(demo) -> None:  # type: ignore[no-untyped-def]
    supervisor = _who(demo, "amina@atlas-telecom.example")
    plan = staffing.staffing(demo.uow(), supervisor, staffing.StaffingQuery(interval_minutes=60, horizon_days=2))
    with demo.uow() as uow:
        convs = uow.session.scalars(select(Conversation)).all()
        ended = [c for c in convs if c.status in ("resolved", "closed")]
        escalated = set(uow.session.scalars(select(DecisionRecord.conversation_id).where(
            DecisionRecord.kind == "escalation")).all())
        contained = [c for c in ended if c.queued_at is None and c.assigned_agent_id is None and c.id not in escalated]
    assert plan["containment"]["ended"] == len(ended) and plan["containment"]["contained"] == len(contained)
    assert 0.2 < plan["containment"]["rate"] < 0.9
    assert len(plan["rows"]) == 48 and plan["aht_source"] == "measured"
    assert sum(r["volume"] for r in plan["rows"]) > 0
    assert all(r["scheduled_agents"] <= r["scheduled_without_bot"] for r in plan["rows"])
    assert plan["summary"]["agent_hours_saved"] > 0
    queue = staffing.staffing(demo.uow(), supervisor, staffing.StaffingQuery(queue="billing", horizon_days=1))
    assert queue["containment"]["applied"] == 0.0 and len(queue["rows"]) == 48


def test_history_has_csat_sentiment_and_escalations(demo) -> None:  # type: ignore[no-untyped-def]
    with demo.uow() as uow:
        msgs = uow.session.scalars(select(Message).where(Message.author.in_(["customer", "system"]))).all()
    assert any((m.analysis or {}).get("kind") == "csat" for m in msgs)
    assert any(((m.analysis or {}).get("sentiment") or {}).get("label") == "negative" for m in msgs)
